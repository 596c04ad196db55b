"""Output validation on the /v1 path: a local answer that repeats itself (the signature of
corrupted weights) is flagged to the client, recorded with the request, retried once on the
next target when the policy asks, and a backend that keeps failing leaves routing.

The stub vLLM's ``degenerate-<tag>`` served name writes such an answer.
"""

from __future__ import annotations

from typing import Any

import orjson

from audit.events import Event
from audit.models import AuditRecord
from inference.models import Deployment
from quality import services as quality_services
from tests.routing.conftest import Lab

SERVED_BY = "x-airlock-served-by"
VALIDATION = "x-airlock-validation"


def response_meta(request_id: str) -> dict[str, Any]:
    row = AuditRecord.objects.filter(request_id=request_id, event=Event.INFERENCE_RESPONSE).get()
    return orjson.loads(row.body)["meta"]


def test_a_degenerate_answer_is_flagged_to_the_client_and_recorded(lab: Lab) -> None:
    lab.deploy("gpu-a", "degenerate-a")
    answer = lab.post({})
    assert answer.status_code == 200
    assert answer.headers[VALIDATION] == "failed; problems=garbage,repetition"
    meta = response_meta(answer.headers["x-request-id"])
    assert meta["validation"] == {"problems": ["garbage", "repetition"], "ejected": False, "retried": False}

    good = lab.deploy("gpu-a", "ok-a")  # the same backend now serving good answers
    assert good.served_name == "ok-a"
    fine = lab.post({})
    assert VALIDATION not in fine.headers and "validation" not in response_meta(fine.headers["x-request-id"])


def test_a_stream_that_fails_validation_says_so_before_done(lab: Lab) -> None:
    lab.deploy("gpu-a", "degenerate-a")
    answer = lab.post({"stream": True})
    assert answer.status_code == 200
    tail = answer.content.rstrip().split(b"\n\n")[-2:]
    assert tail == [b": x-airlock-validation failed; problems=garbage,repetition", b"data: [DONE]"]
    meta = response_meta(answer.headers["x-request-id"])
    assert meta["validation"]["problems"] == ["garbage", "repetition"]


def test_the_policy_retries_once_on_the_next_target(lab: Lab) -> None:
    quality_services.set_policy(application=lab.app, model=lab.model, retry_once=True)
    lab.deploy("gpu-a", "degenerate-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    answer = lab.post({})
    assert answer.status_code == 200
    assert answer.headers[SERVED_BY] == "local:chat@v2/gpu-b"
    assert VALIDATION not in answer.headers
    attempts = response_meta(answer.headers["x-request-id"])["route_attempts"]
    assert attempts[0] == {
        "target": "local:chat@v1/gpu-a",
        "outcome": "validation failed: garbage, repetition",
    }


def test_a_backend_that_keeps_failing_validation_leaves_routing(lab: Lab) -> None:
    quality_services.set_policy(application=None, model=lab.model, failures_to_eject=3, window_seconds=300)
    bad = lab.deploy("gpu-a", "degenerate-a")
    lab.deploy("gpu-b", "ok-b", version="v2")  # only a fallback while v1 is the default
    served = [lab.post({}).headers[SERVED_BY] for _ in range(4)]
    assert served[:3] == ["local:chat@v1/gpu-a"] * 3
    assert served[3] == "local:chat@v2/gpu-b", "the third failure took gpu-a out of routing"
    assert not Deployment.objects.get(pk=bad.pk).is_active
