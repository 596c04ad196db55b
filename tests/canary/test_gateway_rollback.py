"""An injected failing canary, through the real gateway: it is rolled back by itself.

The gateway serves on loopback (``live_gateway``) in front of the stub upstream
(bench/stub_upstream.py), where the served name picks the behaviour: the baseline is served as
``stub`` (answers), the candidate as ``stub-500`` (fails every request with 500). The requests
are real /v1 calls; the figures come from the audit records the gateway writes.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import openai
import pytest
from django.contrib.auth.models import User

from audit import sequencer
from audit.events import Event
from inference import canary, services
from inference.models import Canary, Model
from tests.canary.conftest import audit_bodies

pytestmark = pytest.mark.django_db(transaction=True)


def _weights(content: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors").write_bytes(content)
    return folder


@pytest.fixture
def served(live_gateway: str, stub_upstream: str) -> Iterator[tuple[str, str, str]]:
    backend = services.do_register_backend("stub-canary", stub_upstream)
    v1 = services.do_register_model_version("canary-model", _weights(b"v1"), version="v1")
    v2 = services.do_register_model_version("canary-model", _weights(b"v2"), version="v2", make_default=False)
    services.do_deploy(v1, backend, served_name="stub")
    services.do_deploy(v2, backend, served_name="stub-500")
    app = services.do_create_application("canary-app", allowed_models=["canary-model"])
    key = services.do_create_api_key(app, name="tests").plaintext
    yield live_gateway, stub_upstream, key
    time.sleep(0.05)
    sequencer.wait_idle()


def _sent_to(stub_url: str, served_name: str) -> int:
    bodies = httpx.get(f"{stub_url}/_stub/state").json()["bodies"]
    return sum(f'"model":"{served_name}"' in body.replace(" ", "") for body in bodies)


def test_a_canary_that_fails_its_requests_is_rolled_back_automatically(
    served: tuple[str, str, str], administrator: User
) -> None:
    url, stub_url, key = served
    model = Model.objects.get(name="canary-model")
    candidate = model.versions.get(version="v2")
    canary.do_start_canary(model, candidate, 50, actor=administrator, min_requests=10)
    client = openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0)
    failures_before = _sent_to(stub_url, "stub-500")
    for i in range(40):
        with contextlib.suppress(openai.APIStatusError):
            client.chat.completions.create(
                model="canary-model", messages=[{"role": "user", "content": f"question {i}"}]
            )
    sequencer.wait_idle()
    sent_to_candidate = _sent_to(stub_url, "stub-500") - failures_before
    assert 8 <= sent_to_candidate <= 32, sent_to_candidate  # about half of 40

    comparison = canary.compare(Canary.objects.get())
    assert comparison.candidate.requests == sent_to_candidate
    assert comparison.candidate.errors == sent_to_candidate  # every one failed at the candidate
    assert comparison.baseline.errors == 0

    assert canary.evaluate_running() == ["canary-model@v2"]
    ended = Canary.objects.get()
    assert ended.state == Canary.State.ROLLED_BACK and ended.ended_by is None
    assert ended.end_reason.startswith(
        f"automatic: error rate 100.0% ({sent_to_candidate}/{sent_to_candidate})"
    )
    assert audit_bodies(Event.CANARY_ROLLED_BACK)[0]["meta"]["automatic"] is True

    # After the rollback the candidate gets no more traffic, and every request is answered.
    time.sleep(0.1)  # the epoch bump reaches the gateway's routing table
    after = _sent_to(stub_url, "stub-500")
    for i in range(10):
        client.chat.completions.create(
            model="canary-model", messages=[{"role": "user", "content": f"again {i}"}]
        )
    assert _sent_to(stub_url, "stub-500") == after
