"""Metadata mode keeps a keyed hash (HMAC-SHA256) of each prompt and answer, never a plain
SHA-256: a short or templated prompt must not be confirmable by hashing guesses. The key is
derived from the record's data key (application, day, subject), so retention and erasure,
which shred that key, make the hashes unconfirmable for good — and the log still verifies."""

from __future__ import annotations

import hashlib
import hmac
import json

import orjson
import pytest

from audit import envelope, services
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord, DataKey
from audit.verify import verify_log
from inference import recording
from inference.models import Application
from tests.audit.conftest import seal_all

PROMPT = "Is patient 4711 HIV positive?"
ANSWER = "Yes."


def _metadata_records(app: Application) -> tuple[AuditRecord, AuditRecord]:
    body = {"model": "m", "messages": [{"role": "user", "content": PROMPT}], "user": "patient-7"}
    request = record(
        Event.INFERENCE_REQUEST,
        application_id=app.pk,
        subject_id="patient-7",
        content=recording.request_content("metadata", "chat/completions", body),
    )
    answer = record(
        Event.INFERENCE_RESPONSE,
        application_id=app.pk,
        subject_id="patient-7",
        content=recording.response_content("metadata", [ANSWER], ["stop"]),
    )
    seal_all()
    return request, answer


def _content(row: AuditRecord) -> dict:
    key = DataKey.objects.get(key_id=row.key_id)
    return orjson.loads(envelope.decrypt(envelope.load(key), row.uid, row.key_id, bytes(row.content)))


def test_a_guessed_prompt_cannot_be_confirmed_without_the_key(billing: Application) -> None:
    request, answer = _metadata_records(billing)
    stored = json.dumps([_content(request), _content(answer)]) + request.body + answer.body

    for guess in (PROMPT, ANSWER):
        plain = hashlib.sha256(guess.encode()).hexdigest()
        assert plain not in stored, "an unkeyed hash lets anyone confirm a guessed text"
    message = _content(request)["messages"][0]
    assert message["chars"] == len(PROMPT) and "sha256" not in message
    # A hash under any other key does not match either: only the record's own key confirms it.
    wrong = hmac.new(b"\0" * 32, PROMPT.encode(), hashlib.sha256).hexdigest()
    assert message["hmac_sha256"] != wrong
    key = envelope.load(DataKey.objects.get(key_id=request.key_id))
    assert message["hmac_sha256"] == envelope.keyed_hash(key, PROMPT)
    assert _content(answer)["response"]["choices"][0]["hmac_sha256"] == envelope.keyed_hash(key, ANSWER)


def test_the_keys_of_two_applications_differ(billing: Application, triage: Application) -> None:
    first, _ = _metadata_records(billing)
    second, _ = _metadata_records(triage)
    assert _content(first)["messages"][0]["hmac_sha256"] != _content(second)["messages"][0]["hmac_sha256"]


def test_erasing_the_subject_destroys_the_hash_key_and_the_log_still_verifies(
    billing: Application, compliance_officer
) -> None:  # type: ignore[no-untyped-def]
    request, _ = _metadata_records(billing)

    services.do_erase_subject("patient-7", actor=compliance_officer, reason="Art. 17 request 12")
    seal_all()

    key = DataKey.objects.get(key_id=request.key_id)
    with pytest.raises(envelope.ContentUnavailable):
        envelope.load(key)
    assert key.wrapped is None
    assert AuditRecord.objects.get(pk=request.pk).content is None
    result = verify_log()
    assert result.ok, result.message


def test_records_with_the_old_unkeyed_hashes_keep_verifying(billing: Application) -> None:
    old = {"messages": [{"role": "user", "chars": 3, "sha256": hashlib.sha256(b"old").hexdigest()}]}
    record(Event.INFERENCE_REQUEST, application_id=billing.pk, content=old)
    _metadata_records(billing)
    result = verify_log()
    assert result.ok, result.message
