"""Retention, erasure, legal holds and KEK rotation: crypto-shredding that keeps the log verifiable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit import envelope, keyring, services, tasks
from audit.events import Event
from audit.export import decrypt_content
from audit.models import AuditRecord, DataKey, LegalHold, RetentionPolicy
from audit.verify import verify_log
from inference.models import Application
from tests.audit.conftest import events, request_record, seal_all

pytestmark = pytest.mark.django_db


def meta(row: AuditRecord) -> dict[str, Any]:
    return dict(json.loads(row.body)["meta"])


def age_keys(days: int, **scope: Any) -> None:
    """Pretend the content of this scope was written ``days`` ago (keys are per day)."""
    DataKey.objects.filter(**scope).update(period=timezone.now().date() - dt.timedelta(days=days))


def content_text(row: AuditRecord) -> str | None:
    found = decrypt_content(AuditRecord.objects.get(pk=row.pk))
    return None if found.content is None else str(found.content["request"]["messages"][0]["content"])


def test_content_past_its_retention_is_shredded_and_the_log_still_verifies(
    billing: Application, triage: Application
) -> None:
    old = request_record(billing, "old prompt")
    fresh = request_record(triage, "fresh prompt")
    age_keys(31, application_id=billing.pk)
    seal_all()

    report = services.do_apply_retention()
    seal_all()

    key = DataKey.objects.get(key_id=old.key_id)
    assert report.shredded_keys == [old.key_id]
    assert key.wrapped is None and key.shredded_at is not None and key.shred_reason.startswith("retention")
    assert AuditRecord.objects.get(pk=old.pk).content is None
    unavailable = decrypt_content(AuditRecord.objects.get(pk=old.pk)).unavailable
    assert unavailable and "shredded" in unavailable
    assert content_text(fresh) == "fresh prompt"
    result = verify_log()
    assert result.ok, result.problems
    (shred,) = events(Event.AUDIT_KEY_SHREDDED)
    assert meta(shred)["key_id"] == old.key_id and meta(shred)["records"] == 1
    (run,) = events(Event.AUDIT_RETENTION_RUN)
    assert meta(run)["content"]["shredded_keys"] == 1
    assert "not deleted" in meta(run)["metadata"]["action"]


def test_content_within_its_retention_is_kept(billing: Application) -> None:
    row = request_record(billing, "prompt")
    age_keys(30, application_id=billing.pk)  # period + 30 days == today: not yet expired

    assert services.do_apply_retention().shredded_keys == []
    assert content_text(row) == "prompt"


def test_an_application_can_keep_content_for_less_time_than_the_default(
    billing: Application, triage: Application
) -> None:
    short = request_record(billing, "billing prompt")
    default = request_record(triage, "triage prompt")
    age_keys(10)

    policy = services.do_set_retention("content", 7, application_id=billing.pk)
    report = services.do_apply_retention()

    assert policy.days == 7 and report.shredded_keys == [short.key_id]
    assert content_text(default) == "triage prompt"
    (changed,) = events(Event.AUDIT_RETENTION_CHANGED)
    assert changed.application_id == billing.pk
    assert meta(changed)["old"] == {"days": 30, "from": "default"} and meta(changed)["new"] == {"days": 7}


def test_changing_a_policy_records_old_and_new_values(compliance_officer: User) -> None:
    services.do_set_retention("metadata", 3000, actor=compliance_officer)
    services.do_set_retention("metadata", 2500, actor=compliance_officer)

    assert RetentionPolicy.objects.get(record_class="metadata", application_id=None).days == 2500
    _, second = events(Event.AUDIT_RETENTION_CHANGED)
    assert meta(second)["old"] == {"days": 3000, "from": "policy"} and second.actor_name == "carla-compliance"


@pytest.mark.parametrize(("record_class", "days"), [("content", 0), ("content", -3), ("logs", 10)])
def test_bad_retention_values_are_refused(record_class: str, days: int) -> None:
    with pytest.raises(ValidationError):
        services.do_set_retention(record_class, days)
    assert not events(Event.AUDIT_RETENTION_CHANGED)


def test_metadata_past_its_retention_is_reported_not_deleted(billing: Application) -> None:
    request_record(billing, "ancient")
    AuditRecord.objects.update(created_at=timezone.now() - dt.timedelta(days=3000))
    seal_all()

    report = services.do_apply_retention()

    assert report.metadata_due == 1 and AuditRecord.objects.filter(event=Event.INFERENCE_REQUEST).count() == 1
    (run,) = events(Event.AUDIT_RETENTION_RUN)
    assert meta(run)["metadata"]["due_records"] == 1


def test_erasing_a_subject_shreds_only_that_subjects_content(
    billing: Application, triage: Application, compliance_officer: User
) -> None:
    gone = [
        request_record(billing, "Ada's prompt", subject="ada"),
        request_record(triage, "Ada again", subject="ada"),
    ]
    kept = request_record(billing, "Bob's prompt", subject="bob")
    anonymous = request_record(billing, "no user given")
    seal_all()

    report = services.do_erase_subject("ada", actor=compliance_officer, reason="GDPR Art. 17 request #123")
    seal_all()

    assert sorted(report.shredded_keys) == sorted({r.key_id for r in gone}) and report.records_cleared == 2
    for row in gone:
        assert AuditRecord.objects.get(pk=row.pk).content is None and content_text(row) is None
    assert content_text(kept) == "Bob's prompt" and content_text(anonymous) == "no user given"
    (erased,) = events(Event.AUDIT_SUBJECT_ERASED)
    # The identifier itself is nowhere in the body (checked as a JSON string: the body's
    # random hex ids may well contain the letters "ada").
    assert erased.subject == keyring.pseudonym("ada") and '"ada"' not in erased.body
    assert meta(erased)["reason"] == "GDPR Art. 17 request #123" and erased.actor_name == "carla-compliance"
    assert len(events(Event.AUDIT_KEY_SHREDDED)) == 2
    assert verify_log().ok


def test_new_content_of_an_erased_subject_gets_a_fresh_key(billing: Application) -> None:
    before = request_record(billing, "before", subject="ada")
    services.do_erase_subject("ada", reason="request #5")

    after = request_record(billing, "after", subject="ada")

    assert after.key_id != before.key_id and content_text(after) == "after"


def test_erasure_needs_a_reason_and_a_compliance_officer(billing: Application, auditor: User) -> None:
    request_record(billing, "prompt", subject="ada")
    with pytest.raises(ValidationError, match="reason"):
        services.do_erase_subject("ada", reason=" ")
    with pytest.raises(PermissionDenied):
        services.do_erase_subject("ada", actor=auditor, reason="because")
    with pytest.raises(ValidationError, match="identifier"):
        services.do_erase_subject("", reason="because")
    assert DataKey.objects.filter(shredded_at__isnull=False).count() == 0


@pytest.mark.parametrize("scope", ["everything", "application", "subject"])
def test_a_legal_hold_blocks_erasure_and_names_itself(scope: str, billing: Application) -> None:
    row = request_record(billing, "evidence", subject="ada")
    hold = services.do_set_legal_hold(
        "Litigation 2025-CV-88",
        application_id=billing.pk if scope == "application" else None,
        subject_id="ada" if scope == "subject" else None,
    )

    with pytest.raises(services.LegalHoldActive, match=f"legal hold {hold.pk}") as refused:
        services.do_erase_subject("ada", reason="GDPR request")

    assert "Litigation 2025-CV-88" in str(refused.value) and f"hold release {hold.pk}" in str(refused.value)
    assert content_text(row) == "evidence" and not events(Event.AUDIT_SUBJECT_ERASED)


def test_a_hold_on_another_subject_or_application_does_not_block_erasure(
    billing: Application, triage: Application
) -> None:
    request_record(billing, "prompt", subject="ada")
    services.do_set_legal_hold("other case", subject_id="bob")
    services.do_set_legal_hold("other app", application_id=triage.pk)

    assert len(services.do_erase_subject("ada", reason="request").shredded_keys) == 1


def test_a_legal_hold_blocks_retention_until_it_is_released(
    billing: Application, triage: Application, compliance_officer: User
) -> None:
    held = request_record(billing, "held prompt")
    free = request_record(triage, "free prompt")
    age_keys(60)
    hold = services.do_set_legal_hold("Investigation 7", actor=compliance_officer, application_id=billing.pk)

    report = services.do_apply_retention()

    assert report.shredded_keys == [free.key_id] and report.held_keys == [held.key_id]
    assert report.holds == [hold.pk] and content_text(held) == "held prompt"
    run = events(Event.AUDIT_RETENTION_RUN)[-1]
    assert meta(run)["content"]["held_keys"] == 1 and meta(run)["content"]["legal_holds"] == [hold.pk]

    services.do_release_legal_hold(hold.pk, actor=compliance_officer, reason="case closed")
    assert services.do_apply_retention().shredded_keys == [held.key_id]

    (hold_set,) = events(Event.AUDIT_LEGAL_HOLD_SET)
    (released,) = events(Event.AUDIT_LEGAL_HOLD_RELEASED)
    assert meta(hold_set)["reason"] == "Investigation 7" and hold_set.actor_name == "carla-compliance"
    assert meta(released)["reason"] == "case closed" and LegalHold.objects.get().released_at is not None
    assert len(events(Event.AUDIT_RETENTION_RUN)) == 2


def test_a_hold_on_everything_stops_all_shredding(billing: Application) -> None:
    request_record(billing, "prompt")
    age_keys(60)
    services.do_set_legal_hold("Regulator's preservation order")

    report = services.do_apply_retention()

    assert report.shredded_keys == [] and len(report.held_keys) == 1


def test_an_anonymous_caller_is_never_taken_for_the_operator(billing: Application) -> None:
    with pytest.raises(PermissionDenied):
        services.do_set_legal_hold("x", actor=AnonymousUser())
    with pytest.raises(PermissionDenied):
        services.do_erase_subject("ada", actor=AnonymousUser(), reason="x")
    with pytest.raises(PermissionDenied):
        services.do_set_retention("content", 5, actor=AnonymousUser())


def test_hold_input_is_checked(billing: Application, auditor: User) -> None:
    with pytest.raises(ValidationError, match="reason"):
        services.do_set_legal_hold("")
    with pytest.raises(ValidationError, match="not both"):
        services.do_set_legal_hold("x", application_id=billing.pk, subject_id="ada")
    with pytest.raises(PermissionDenied):
        services.do_set_legal_hold("x", actor=auditor)
    with pytest.raises(ValidationError, match="no legal hold 404"):
        services.do_release_legal_hold(404)
    hold = services.do_set_legal_hold("x")
    services.do_release_legal_hold(hold.pk)
    with pytest.raises(ValidationError, match="already released"):
        services.do_release_legal_hold(hold.pk)


def test_a_second_retention_run_finds_nothing_more_and_the_task_runs_it(billing: Application) -> None:
    request_record(billing, "prompt")
    age_keys(45)

    assert tasks.apply_retention.delay().get()["shredded_keys"] == 1
    assert tasks.apply_retention.delay().get()["shredded_keys"] == 0
    assert len(events(Event.AUDIT_KEY_SHREDDED)) == 1 and len(events(Event.AUDIT_RETENTION_RUN)) == 2


def test_ciphertext_written_under_a_key_after_it_was_shredded_is_removed(billing: Application) -> None:
    row = request_record(billing, "prompt")
    age_keys(45)
    other_worker_cache = dict(envelope._cache)
    services.do_apply_retention()
    # Another worker, which still had the key in memory, writes once more under it.
    envelope._cache.update(other_worker_cache)
    late = request_record(billing, "late")
    late_key = DataKey.objects.get(key_id=late.key_id)
    assert late.key_id == row.key_id and late_key.shredded_at is not None

    report = services.do_apply_retention()

    assert report.late_ciphertext_cleared == 1 and AuditRecord.objects.get(pk=late.pk).content is None
    seal_all()
    assert verify_log().ok


def write_kek(path: Path) -> Path:
    path.write_bytes(keyring.new_symmetric_key_text())
    path.chmod(0o600)
    return path


def test_rotating_the_kek_rewraps_every_live_key_and_only_the_new_kek_opens_them(
    billing: Application, triage: Application, settings: Any, tmp_path: Path
) -> None:
    old_file = write_kek(tmp_path / "kek-old")
    settings.AIRLOCK_AUDIT_KEK_FILE = str(old_file)
    keyring.reset_caches()
    rows = [request_record(billing, "first"), request_record(triage, "second", subject="ada")]
    shredded = request_record(billing, "old", subject="gone")
    services.do_erase_subject("gone", reason="request")
    bodies = {r.pk: (r.body, bytes(r.content or b"")) for r in rows}
    new_file = write_kek(tmp_path / "kek-new")

    done = services.do_rotate_kek(new_file)

    assert done.keys == 2 and done.old_kek_id != done.new_kek_id
    assert set(DataKey.objects.filter(shredded_at__isnull=True).values_list("kek_id", flat=True)) == {
        done.new_kek_id
    }
    assert DataKey.objects.get(key_id=shredded.key_id).wrapped is None
    for row in AuditRecord.objects.filter(pk__in=bodies):  # no record re-encrypted
        assert (row.body, bytes(row.content or b"")) == bodies[row.pk]
    (rotated,) = events(Event.AUDIT_KEK_ROTATED)
    assert meta(rotated)["old_kek_id"] == done.old_kek_id and meta(rotated)["new_kek_id"] == done.new_kek_id

    settings.AIRLOCK_AUDIT_KEK_FILE = str(new_file)
    keyring.reset_caches()
    envelope.forget()
    assert [content_text(r) for r in rows] == ["first", "second"]

    settings.AIRLOCK_AUDIT_KEK_FILE = str(old_file)
    keyring.reset_caches()
    envelope.forget()
    for row in rows:
        unavailable = decrypt_content(AuditRecord.objects.get(pk=row.pk)).unavailable
        assert unavailable and "KEK" in unavailable


def test_rotating_to_the_same_or_an_unreadable_kek_is_refused(settings: Any, tmp_path: Path) -> None:
    current = write_kek(tmp_path / "kek")
    settings.AIRLOCK_AUDIT_KEK_FILE = str(current)
    keyring.reset_caches()

    with pytest.raises(ValidationError, match="already configured"):
        services.do_rotate_kek(current)
    with pytest.raises(ValidationError, match="cannot be read"):
        services.do_rotate_kek(tmp_path / "missing")
    (tmp_path / "short").write_text("too short")
    with pytest.raises(ValidationError, match="32-byte"):
        services.do_rotate_kek(tmp_path / "short")
    assert not events(Event.AUDIT_KEK_ROTATED)
