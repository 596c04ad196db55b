"""A drained deployment, through the real gateway: streams already running finish, new requests
go elsewhere, and the drain ends once the deployment may leave routing.

The gateway serves on loopback in front of the stub upstream (bench/stub_upstream.py): the
deployment being drained serves ``stub-slowstream`` (one token every 0.2 s), the other one
``stub``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import openai
import pytest
from django.contrib.auth.models import User

from audit import sequencer
from inference import backend_ops, services
from inference.models import Deployment

pytestmark = pytest.mark.django_db(transaction=True)


def _weights(content: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors").write_bytes(content)
    return folder


@pytest.fixture
def served(live_gateway: str, stub_upstream: str) -> Iterator[tuple[str, str, Deployment]]:
    slow = services.do_register_backend("stub-slow-host", stub_upstream)
    fast = services.do_register_backend("stub-fast-host", stub_upstream)
    version = services.do_register_model_version("drain-model", _weights(b"v1"), version="v1")
    draining = services.do_deploy(version, slow, served_name="stub-slowstream")
    services.do_deploy(version, fast, served_name="stub", weight=1)
    app = services.do_create_application("drain-app", allowed_models=["drain-model"])
    key = services.do_create_api_key(app, name="tests").plaintext
    yield live_gateway, key, draining
    time.sleep(0.05)
    sequencer.wait_idle()


def test_a_drained_deployment_finishes_its_running_stream_and_takes_no_new_request(
    served: tuple[str, str, Deployment], administrator: User, settings: Any
) -> None:
    url, key, draining = served
    headers = {"Authorization": f"Bearer {key}"}
    body = {"model": "drain-model", "stream": True, "messages": [{"role": "user", "content": "long story"}]}
    # The slow deployment has weight 100 against 1: find a request it serves.
    with httpx.Client(timeout=30) as http:
        for _ in range(20):
            request = http.build_request("POST", f"{url}/v1/chat/completions", json=body, headers=headers)
            response = http.send(request, stream=True)
            if response.headers.get("x-airlock-served-by", "").endswith("/stub-slow-host"):
                break
            response.read()
            response.close()
        else:
            pytest.fail("no request was served by the slow deployment")
        lines = response.iter_lines()
        before = [line for _, line in zip(range(6), lines, strict=False) if line.startswith("data:")]
        backend_ops.do_drain(draining, actor=administrator)
        time.sleep(0.2)  # the epoch reaches the gateway's routing table

        # New requests go to the other deployment while the stream goes on.
        client = openai.OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0)
        for _ in range(5):
            answer = client.chat.completions.with_raw_response.create(
                model="drain-model", messages=[{"role": "user", "content": "hello"}]
            )
            assert answer.headers["x-airlock-served-by"].endswith("/stub-fast-host")
        after = []
        for line in lines:
            if line.startswith("data:"):
                after.append(line)
            if len(after) == 10:
                break
        response.close()
    assert len(before) >= 2 and len(after) == 10, (before, after)
    assert all('"error"' not in line for line in before + after)
    # The stub publishes no vLLM /metrics: the drain ends at its timeout.
    assert backend_ops.finish_drains() == []
    settings.AIRLOCK_DRAIN_TIMEOUT_SECONDS = 0
    assert backend_ops.finish_drains() == ["drain-model@v1@stub-slow-host"]
    draining.refresh_from_db()
    assert not draining.is_active and draining.draining_since is None
