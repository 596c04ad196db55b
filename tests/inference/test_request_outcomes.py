"""Every /v1 request that was recorded ends with an outcome record — also when no answer was
delivered: the client left (``client_gone``), or the worker serving it died (``worker_lost``,
found by the sweep the next worker runs when it starts)."""

from __future__ import annotations

import os
import socket
import subprocess
import time

import httpx2 as httpx
import orjson
import pytest

from audit.events import Event
from audit.log import record
from audit.models import AuditRecord
from inference import recording
from tests.inference.conftest import Gateway

HELLO = [{"role": "user", "content": "Hello"}]


def body_of(row: AuditRecord) -> dict:
    return orjson.loads(row.body)


def requests_for(model: str) -> list[AuditRecord]:
    return [
        r
        for r in AuditRecord.objects.filter(event=Event.INFERENCE_REQUEST).order_by("id")
        if body_of(r)["meta"].get("model") == model
    ]


def outcome_of(request_id: str, timeout: float = 5.0) -> dict | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = AuditRecord.objects.filter(event=Event.INFERENCE_RESPONSE, request_id=request_id).first()
        if found is not None:
            return body_of(found)["meta"]
        time.sleep(0.05)
    return None


def test_a_client_that_leaves_a_whole_answer_gets_a_client_gone_outcome(gateway: Gateway) -> None:
    # stub-slow answers after 3 s; the client gives up after half a second.
    with pytest.raises(httpx.TimeoutException):
        httpx.post(
            f"{gateway.url}/v1/chat/completions",
            headers={"Authorization": f"Bearer {gateway.key}"},
            json={"model": "stub-slow", "messages": HELLO},
            timeout=0.5,
        )
    (request,) = requests_for("stub-slow")
    meta = outcome_of(request.request_id)
    assert meta is not None, "the abandoned request has no outcome record"
    assert meta["outcome"] == "client_gone" and meta["status"] == 499


def test_a_client_that_leaves_a_stream_gets_a_client_gone_outcome(gateway: Gateway) -> None:
    with httpx.stream(
        "POST",
        f"{gateway.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {gateway.key}"},
        json={"model": "stub-slowstream", "messages": HELLO, "stream": True},
        timeout=10,
    ) as response:
        request_id = response.headers["x-request-id"]
        for _ in response.iter_raw():
            break  # one event, then hang up
    meta = outcome_of(request_id)
    assert meta is not None and meta["outcome"] == "client_gone" and meta["status"] == 499


def test_a_completed_request_says_so(gateway: Gateway) -> None:
    response = httpx.post(
        f"{gateway.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {gateway.key}"},
        json={"model": "stub", "messages": HELLO},
        timeout=10,
    )
    meta = outcome_of(response.headers["x-request-id"])
    assert meta is not None and meta["outcome"] == "completed"


def test_a_request_record_names_the_worker_that_wrote_it(gateway: Gateway) -> None:
    response = httpx.post(
        f"{gateway.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {gateway.key}"},
        json={"model": "stub", "messages": HELLO},
        timeout=10,
    )
    request = AuditRecord.objects.get(
        event=Event.INFERENCE_REQUEST, request_id=response.headers["x-request-id"]
    )
    worker = body_of(request)["meta"]["worker"]
    assert worker == recording.worker_identity()
    assert worker["pid"] == os.getpid() and worker["host"] == socket.gethostname()


def _dead_worker() -> dict:
    """The identity a worker had that has since exited (its process is gone)."""
    child = subprocess.Popen(["sleep", "0"])
    identity = {
        **recording.worker_identity(),
        "pid": child.pid,
        "started": recording.process_start(child.pid),
    }
    child.wait()
    return identity


def _request_of(worker: dict, request_id: str) -> AuditRecord:
    return record(
        Event.INFERENCE_REQUEST,
        request_id=request_id,
        target=("api_key", "ak_test"),
        meta={"model": "stub", "stream": True, "worker": worker},
    )


@pytest.mark.django_db
def test_the_startup_sweep_closes_requests_of_a_dead_worker_with_worker_lost() -> None:
    lost = _request_of(_dead_worker(), "req_lost")
    sibling = subprocess.Popen(["sleep", "30"])
    try:
        live = {
            **recording.worker_identity(),
            "pid": sibling.pid,
            "started": recording.process_start(sibling.pid),
        }
        _request_of(live, "req_in_flight")
        _request_of(_dead_worker(), "req_answered")
        record(Event.INFERENCE_RESPONSE, request_id="req_answered", meta={"status": 200})

        assert recording.sweep_lost_requests() == 1
        assert recording.sweep_lost_requests() == 0, "a second sweep (another worker) adds nothing"
    finally:
        sibling.kill()
        sibling.wait()

    (outcome,) = AuditRecord.objects.filter(event=Event.INFERENCE_RESPONSE, request_id="req_lost")
    meta = body_of(outcome)["meta"]
    assert meta["outcome"] == "worker_lost"
    assert meta["worker"] == body_of(lost)["meta"]["worker"]
    assert not AuditRecord.objects.filter(event=Event.INFERENCE_RESPONSE, request_id="req_in_flight").exists()
    assert AuditRecord.objects.filter(event=Event.INFERENCE_RESPONSE, request_id="req_answered").count() == 1


@pytest.mark.django_db
def test_a_reused_pid_does_not_keep_a_dead_worker_alive() -> None:
    # The pid is alive, but it is another process than the one that wrote the record.
    reused = {**recording.worker_identity(), "started": recording.worker_identity()["started"] - 1}
    _request_of(reused, "req_pid_reused")
    assert recording.sweep_lost_requests() == 1
