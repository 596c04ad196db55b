"""Every /v1 request leaves sealed, encrypted records — and none is answered without them."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx2 as httpx
import openai
import orjson
import pytest
from django.db import connection

from audit import envelope, sequencer
from audit.events import Event
from audit.models import AuditRecord, DataKey
from audit.verify import verify_log
from inference import services
from tests.inference.conftest import Gateway

HELLO = [{"role": "user", "content": "My name is Ada Lovelace, born 10 December 1815."}]


def records(gateway: Gateway, request_id: str) -> dict[str, AuditRecord]:
    return {r.event: r for r in AuditRecord.objects.filter(request_id=request_id)}


def content_of(record: AuditRecord) -> dict:
    key = DataKey.objects.get(key_id=record.key_id)
    return orjson.loads(
        envelope.decrypt(envelope.load(key), record.uid, record.key_id, bytes(record.content))
    )


def body_of(record: AuditRecord) -> dict:
    return orjson.loads(record.body)


def test_a_request_and_its_answer_are_recorded_with_what_an_auditor_needs(gateway: Gateway) -> None:
    raw = gateway.client().chat.completions.with_raw_response.create(
        model="stub", messages=HELLO, user="patient-7"
    )
    request_id = raw.headers["x-request-id"]
    found = records(gateway, request_id)
    assert set(found) == {Event.INFERENCE_REQUEST, Event.INFERENCE_RESPONSE}
    done = body_of(found[Event.INFERENCE_RESPONSE])
    assert done["application_id"] == gateway.app.pk
    assert done["target"] == {"type": "api_key", "id": gateway.key.split("-")[1]}
    meta = done["meta"]
    assert (meta["model"], meta["status"], meta["route"], meta["backend"]) == ("stub", 200, "local", "stub")
    assert meta["model_version"] == gateway.versions["stub"].version
    assert meta["usage"]["total_tokens"] == 26 and meta["latency_ms"] > 0
    assert body_of(found[Event.INFERENCE_REQUEST])["meta"]["source_ip"] == "127.0.0.1"


def test_the_end_user_is_kept_only_as_a_pseudonym(gateway: Gateway) -> None:
    raw = gateway.client().chat.completions.with_raw_response.create(
        model="stub", messages=HELLO, user="patient-7"
    )
    for record in records(gateway, raw.headers["x-request-id"]).values():
        assert "patient-7" not in record.body
        assert record.subject.startswith("ps_") and body_of(record)["subject"] == record.subject


def test_no_prompt_text_is_stored_in_clear_in_any_mode(gateway: Gateway) -> None:
    for mode in ("none", "metadata", "full"):
        services.do_set_audit_content(gateway.app, mode)
        raw = gateway.client().chat.completions.with_raw_response.create(model="stub", messages=HELLO)
        for record in records(gateway, raw.headers["x-request-id"]).values():
            assert "Lovelace" not in record.body
            assert record.content is None or b"Lovelace" not in bytes(record.content)


def test_metadata_mode_keeps_lengths_and_hashes_not_text(gateway: Gateway) -> None:
    services.do_set_audit_content(gateway.app, "metadata")
    raw = gateway.client().chat.completions.with_raw_response.create(model="stub", messages=HELLO)
    found = records(gateway, raw.headers["x-request-id"])
    request = content_of(found[Event.INFERENCE_REQUEST])
    assert request["messages"][0]["chars"] == len(HELLO[0]["content"])
    assert "Lovelace" not in json.dumps(request)


def test_full_mode_keeps_prompt_and_answer_encrypted_streamed_or_not(gateway: Gateway) -> None:
    services.do_set_audit_content(gateway.app, "full")
    client = gateway.client()
    raw = client.chat.completions.with_raw_response.create(model="stub", messages=HELLO)
    found = records(gateway, raw.headers["x-request-id"])
    assert content_of(found[Event.INFERENCE_REQUEST])["request"]["messages"] == HELLO
    assert content_of(found[Event.INFERENCE_RESPONSE])["response"]["choices"][0].startswith("tok0 tok1")

    stream = client.chat.completions.with_raw_response.create(model="stub", messages=HELLO, stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream.parse() if c.choices)
    found = records(gateway, stream.headers["x-request-id"])
    assert content_of(found[Event.INFERENCE_RESPONSE])["response"]["choices"] == [text]


def test_refused_requests_are_recorded_too(gateway: Gateway) -> None:
    with pytest.raises(openai.PermissionDeniedError) as caught:
        gateway.client().chat.completions.create(model="forbidden", messages=HELLO)
    request_id = caught.value.response.headers["x-request-id"]
    refused = records(gateway, request_id)[Event.INFERENCE_REFUSED]
    assert body_of(refused)["meta"]["status"] == 403


def test_administrative_changes_are_recorded_with_old_and_new_values(gateway: Gateway) -> None:
    services.do_set_allowed_models(gateway.app, models=["stub"])
    change = AuditRecord.objects.filter(event=Event.APP_MODELS_CHANGED).latest("id")
    meta = body_of(change)["meta"]
    assert "stub-500" in meta["old"]["allowed_models"] and meta["new"]["allowed_models"] == ["stub"]
    assert change.actor_name  # the command line records its operating-system user, or "system"


def test_the_log_of_real_traffic_verifies(gateway: Gateway) -> None:
    client = gateway.client()
    for _ in range(5):
        client.chat.completions.create(model="stub", messages=HELLO)
    list(client.chat.completions.create(model="stub", messages=HELLO, stream=True))
    # Every record is committed before its answer is released; sealing follows in the
    # server's background sealer, which holds the tree while it works.
    sequencer.wait_idle()
    sequencer.seal(checkpoint=True)
    result = verify_log()
    assert result.ok, result.message
    assert result.records >= 12 and result.unsealed == 0


@contextmanager
def audit_table_gone() -> Iterator[None]:
    """Make the audit table unavailable at the database, as a real outage would."""
    table = AuditRecord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_away")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table}_away RENAME TO {table}")


def stub_requests(gateway: Gateway) -> int:
    return int(httpx.get(f"{gateway.stub_url}/_stub/state").json()["requests"])


def test_it_refuses_a_request_when_the_audit_log_is_down(gateway: Gateway) -> None:
    before = stub_requests(gateway)
    with audit_table_gone(), pytest.raises(openai.InternalServerError) as caught:
        gateway.client().chat.completions.create(model="stub", messages=HELLO)
    assert caught.value.status_code == 503
    assert caught.value.body["code"] == "audit_unavailable"  # type: ignore[index]
    assert caught.value.response.headers["retry-after"]
    assert stub_requests(gateway) == before, "nothing was forwarded"
    # Once the log is back, requests are served again and the outage itself is on record.
    gateway.client().chat.completions.create(model="stub", messages=HELLO)
    outage = AuditRecord.objects.filter(event=Event.AUDIT_FAILURE).latest("id")
    assert body_of(outage)["meta"]["refused"] >= 1


def test_an_answer_is_withheld_if_its_record_cannot_be_written(gateway: Gateway) -> None:
    """The database goes away while the backend is thinking (stub-slow answers after 3 s)."""
    import threading

    result: dict[str, object] = {}

    def call() -> None:
        try:
            gateway.client().chat.completions.create(model="stub-slow", messages=HELLO)
            result["answer"] = "released"
        except openai.APIStatusError as exc:
            result["status"] = exc.status_code

    worker = threading.Thread(target=call)
    worker.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not _slow_request_recorded():
        time.sleep(0.05)
    assert _slow_request_recorded(), "the request was recorded and forwarded"
    with audit_table_gone():
        worker.join(10)
    assert result == {"status": 503}


def _slow_request_recorded() -> bool:
    return any(
        orjson.loads(body)["meta"].get("model") == "stub-slow"
        for body in AuditRecord.objects.filter(event=Event.INFERENCE_REQUEST).values_list("body", flat=True)
    )
