"""``airlock audit``: what an operator types, what it prints, and how it fails."""

from __future__ import annotations

import datetime as dt
import json
import stat
import subprocess
import sys
import zipfile
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit import keyring, tasks, verifier
from audit.events import Event
from audit.models import AuditRecord, Checkpoint, DataKey, LegalHold, RetentionPolicy
from inference.models import Application
from tests.audit.conftest import events, request_record, seal_all

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def airlock(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("audit", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def today() -> str:
    return timezone.now().date().isoformat()


def test_the_help_lists_every_command_without_a_database() -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "audit", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr
    for command in ("status", "seal", "verify", "export", "retention", "hold", "erase-subject", "rotate-kek"):
        assert command in done.stdout
    assert "airlock audit export --from" in done.stdout  # the examples keep their line breaks


def test_status_shows_size_checkpoint_unsealed_witness_and_key(billing: Application, settings: Any) -> None:
    request_record(billing, "q")
    seal_all()
    request_record(billing, "not sealed yet")

    out, _ = airlock("status")

    assert "sealed records     1" in out and "unsealed records   1" in out
    assert "last checkpoint    size 1" in out
    assert settings.AIRLOCK_AUDIT_WITNESS_FILE in out and keyring.public_key_fingerprint() in out


def test_seal_seals_and_signs_a_checkpoint(billing: Application) -> None:
    for i in range(3):
        request_record(billing, f"q{i}")

    out, _ = airlock("seal")

    assert "Sealed 3 record(s); the log holds 3; last checkpoint at size 3." in out
    assert Checkpoint.objects.get().size == 3


def test_the_beat_tasks_seal_and_sign_checkpoints(billing: Application) -> None:
    request_record(billing, "q")
    assert tasks.seal.delay().get() == 1  # the very first seal also signs a first checkpoint
    request_record(billing, "q2")
    assert tasks.seal.delay().get() == 1  # sealed; a checkpoint is not due yet

    tasks.checkpoint.delay()
    tasks.checkpoint.delay()  # nothing new since: no third checkpoint

    assert list(Checkpoint.objects.order_by("size").values_list("size", flat=True)) == [1, 2]


def test_verify_prints_ok_and_exits_zero(billing: Application) -> None:
    request_record(billing, "q")
    seal_all()

    out, _ = airlock("verify")

    assert out.startswith("OK: 1 records, 1 signed checkpoints verified")
    (verified,) = events(Event.AUDIT_VERIFIED)
    assert json.loads(verified.body)["meta"]["ok"] is True


def test_verify_names_the_first_bad_record_and_exits_one(billing: Application, capsys: Any) -> None:
    rows = [request_record(billing, f"q{i}") for i in range(4)]
    seal_all()
    altered = AuditRecord.objects.get(pk=rows[2].pk)
    AuditRecord.objects.filter(pk=altered.pk).update(
        body=altered.body.replace('"status":200', '"status":500')
    )

    with pytest.raises(SystemExit) as exited:
        airlock("verify")

    assert exited.value.code == 1
    (verified,) = events(Event.AUDIT_VERIFIED)
    meta = json.loads(verified.body)["meta"]
    assert meta["ok"] is False and meta["first_bad_seq"] == altered.seq


def test_verify_against_the_last_line_of_a_witness_file_catches_truncation(
    billing: Application, tmp_path: Path
) -> None:
    for i in range(3):
        request_record(billing, f"q{i}")
    seal_all()
    first = Checkpoint.objects.get().as_dict()
    for i in range(3):
        request_record(billing, f"later {i}")
    seal_all()
    later = Checkpoint.objects.order_by("-size").first()
    assert later is not None
    witness = tmp_path / "witness.jsonl"
    witness.write_text(json.dumps(first) + "\n" + json.dumps(later.as_dict()) + "\n")

    out, err = airlock("verify", "--since-checkpoint", str(witness))
    assert out.startswith("OK") and f"checkpoint at size {later.size}" in err

    # The database loses its tail and its own checkpoint: only the witness remembers.
    AuditRecord.objects.filter(seq__gte=4).delete()
    Checkpoint.objects.filter(size__gt=4).delete()
    with pytest.raises(SystemExit):
        airlock("verify", "--since-checkpoint", str(witness))


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "is empty"), ("not json\n", "not a JSON checkpoint"), ('{"size": 3}\n', "lacks origin")],
)
def test_verify_refuses_an_unusable_checkpoint_file(content: str, message: str, tmp_path: Path) -> None:
    given = tmp_path / "cp.json"
    given.write_text(content)

    with pytest.raises(CommandError, match=message):
        airlock("verify", "--since-checkpoint", str(given))
    with pytest.raises(CommandError, match="Cannot read"):
        airlock("verify", "--since-checkpoint", str(tmp_path / "missing.json"))


def test_export_writes_a_bundle_that_verifies_and_reports_progress(
    billing: Application, tmp_path: Path
) -> None:
    for i in range(5):
        request_record(billing, f"q{i}")
    output = tmp_path / "evidence.zip"

    out, err = airlock(
        "export", "--from", today(), "--to", today(), "--app", "billing", "--output", str(output)
    )

    assert f"Wrote {output}" in out and "records   5" in out and "--expect-key" in out
    assert "100%" in err and "Export " in err and "until before" in err
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert verifier.verify_bundle(output, expect_key=keyring.public_key_fingerprint()).ok


def test_export_into_a_folder_uses_the_default_name(billing: Application, tmp_path: Path) -> None:
    request_record(billing, "q")

    out, _ = airlock("export", "--from", today(), "--to", today(), "--output", str(tmp_path))

    (bundle,) = tmp_path.glob("airlock-audit-*.zip")
    assert str(bundle) in out


def test_a_content_export_from_the_command_line_needs_an_officer_and_a_reason(
    billing: Application, compliance_officer: User, auditor: User, tmp_path: Path
) -> None:
    request_record(billing, "the secret prompt")
    base = ["export", "--from", today(), "--to", today(), "--include-content"]

    # --actor needs the person's password and TOTP code (tests/audit/test_cli_actor.py).
    password = tmp_path / "password"
    password.write_text("a long passphrase\n")
    devices = {}
    for person in (compliance_officer, auditor):
        person.set_password("a long passphrase")
        person.save()
        devices[person.username] = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)

    def proof(name: str) -> list[str]:
        device = devices[name]
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        return ["--actor", name, "--password-file", str(password), "--totp", str(code).zfill(6)]

    with pytest.raises(CommandError, match="--actor"):
        airlock(*base, "--reason", "DSAR")
    with pytest.raises(CommandError, match="--reason"):
        airlock(*base, *proof("carla-compliance"))
    with pytest.raises(CommandError, match="not one"):
        airlock(*base, *proof("audrey-auditor"), "--reason", "DSAR")
    with pytest.raises(CommandError, match="unknown or deactivated user"):
        airlock(
            *base,
            "--actor",
            "mallory",
            "--password-file",
            str(password),
            "--totp",
            "123456",
            "--reason",
            "DSAR",
        )

    output = tmp_path / "dsar.zip"
    airlock(*base, *proof("carla-compliance"), "--reason", "DSAR 2025-014", "--output", str(output))
    assert "the secret prompt" in _records(output)
    assert len(events(Event.AUDIT_DECRYPTED)) == 1


def _records(path: Path) -> str:
    with zipfile.ZipFile(path) as bundle:
        return bundle.read("records.jsonl").decode()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-02-01", "--to", "2025-01-01"], "must not be after"),
        (["--from", "01/02/2025", "--to", "2025-03-01"], "not a date"),
        (["--from", "2025-01-01", "--to", "2025-01-31", "--app", "nope"], "No application named 'nope'"),
        (["--from", "2001-01-01", "--to", "2001-01-31"], "no sealed records"),
        (["--from", "2025-01-01", "--to", "2025-01-31", "--output", "/no/such/dir/x.zip"], "does not exist"),
        (["--from", "2025-01-01", "--to", "2025-01-31", "--output", __file__], "already exists"),
    ],
)
def test_export_refuses_bad_input_clearly(args: list[str], message: str, billing: Application) -> None:
    with pytest.raises(CommandError, match=message):
        airlock("export", *args)


def test_retention_show_set_and_apply(billing: Application) -> None:
    out, _ = airlock("retention", "show")
    assert "content   default" in out and "30  setting" in out and "metadata  default" in out

    out, _ = airlock("retention", "set", "--class", "content", "--days", "7", "--app", "billing")
    assert "content retention for application billing: 7 days." in out
    out, _ = airlock("retention", "set", "--class", "metadata", "--days", "365")
    assert "six years" in out  # a warning, not a refusal
    out, _ = airlock("retention", "show")
    assert "app billing" in out and "policy" in out
    assert RetentionPolicy.objects.get(application_id=billing.pk).days == 7

    request_record(billing, "old")
    DataKey.objects.update(period=timezone.now().date() - dt.timedelta(days=10))
    out, _ = airlock("retention", "apply")
    assert "Shredded 1 data key(s)" in out and "past their metadata retention" in out
    assert len(events(Event.AUDIT_RETENTION_CHANGED)) == 2 and len(events(Event.AUDIT_RETENTION_RUN)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--class", "content", "--days", "0"], "from 1 to"),
        (["--class", "content", "--days", "7", "--app", "ghost"], "No application named 'ghost'"),
    ],
)
def test_retention_set_refuses_bad_input(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        airlock("retention", "set", *args)


def test_holds_are_set_listed_released_and_block_erasure(billing: Application) -> None:
    request_record(billing, "evidence", subject="patient-7")

    out, _ = airlock("hold", "set", "--reason", "Litigation 2025-CV-88", "--subject", "patient-7")
    hold = LegalHold.objects.get()
    assert f"Legal hold {hold.pk} set on subject {keyring.pseudonym('patient-7')}" in out
    out, _ = airlock("hold", "list")
    assert "Litigation 2025-CV-88" in out and "active" in out

    with pytest.raises(CommandError, match=f"legal hold {hold.pk}.*Litigation 2025-CV-88"):
        airlock("erase-subject", "patient-7", "--reason", "GDPR Art. 17 request #123")

    out, _ = airlock("hold", "release", str(hold.pk), "--reason", "case closed")
    assert "released" in out
    out, _ = airlock("hold", "list")
    assert out.strip() == "No active legal holds."
    out, _ = airlock("hold", "list", "--all")
    assert "released" in out

    out, _ = airlock("erase-subject", "patient-7", "--reason", "GDPR Art. 17 request #123")
    assert "shredded 1 data key(s), cleared the ciphertext of 1 record(s)" in out
    assert [e.event for e in AuditRecord.objects.filter(event__startswith="audit.").order_by("id")] == [
        Event.AUDIT_LEGAL_HOLD_SET,
        Event.AUDIT_LEGAL_HOLD_RELEASED,
        Event.AUDIT_KEY_SHREDDED,
        Event.AUDIT_SUBJECT_ERASED,
    ]


def test_hold_commands_refuse_bad_input(billing: Application) -> None:
    with pytest.raises(CommandError, match="No application named"):
        airlock("hold", "set", "--reason", "x", "--app", "ghost")
    with pytest.raises(CommandError, match="reason is required"):
        airlock("hold", "set", "--reason", " ")
    with pytest.raises(CommandError, match="no legal hold 77"):
        airlock("hold", "release", "77")
    with pytest.raises(CommandError, match="reason is required"):
        airlock("erase-subject", "patient-7", "--reason", "")


def test_rotate_kek_rewraps_and_tells_the_operator_what_to_change(
    billing: Application, settings: Any, tmp_path: Path
) -> None:
    request_record(billing, "q")
    new = tmp_path / "kek-2025"
    new.write_bytes(keyring.new_symmetric_key_text())

    out, _ = airlock("rotate-kek", "--new-kek-file", str(new))

    assert "Re-wrapped 1 data key(s)" in out and f"AIRLOCK_AUDIT_KEK_FILE={new}" in out
    assert DataKey.objects.get().kek_id == keyring.kek_id_of(keyring.load_kek(new))
    with pytest.raises(CommandError, match="cannot be read"):
        airlock("rotate-kek", "--new-kek-file", str(tmp_path / "missing"))


def _rewrite_with_recomputed_leaf(seq: int) -> None:
    """What a careful attacker does: alter a body and store the leaf hash that matches it."""
    from audit.verifier import leaf_bytes, leaf_hash

    row = AuditRecord.objects.get(seq=seq)
    body = row.body.replace('"status":200', '"status":500')
    assert body != row.body
    AuditRecord.objects.filter(pk=row.pk).update(body=body, leaf_hash=leaf_hash(leaf_bytes(seq, body)))


def test_verify_since_a_witness_file_names_the_first_altered_record_not_the_checkpoint_boundary(
    billing: Application, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the witness lines are written on commit
        for i in range(12):
            request_record(billing, f"q{i}")
            seal_all()  # a checkpoint per seal, as a quiet appliance makes one a minute
    _rewrite_with_recomputed_leaf(5)
    Checkpoint.objects.all().delete()  # and removes the signed checkpoints it cannot re-sign

    with pytest.raises(SystemExit):
        airlock("verify", "--since-checkpoint", settings.AIRLOCK_AUDIT_WITNESS_FILE)
    (verified,) = events(Event.AUDIT_VERIFIED)
    meta = json.loads(verified.body)["meta"]
    assert meta["first_bad_seq"] == 5, meta["problems"]
    assert meta["problems"][0].startswith("record 5 was altered"), meta["problems"]


def test_between_two_checkpoints_verify_names_the_span_that_holds_the_altered_record(
    billing: Application, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(12):
            request_record(billing, f"q{i}")
            if i % 4 == 3:
                seal_all()
    _rewrite_with_recomputed_leaf(6)
    Checkpoint.objects.all().delete()

    with pytest.raises(SystemExit):
        airlock("verify", "--since-checkpoint", settings.AIRLOCK_AUDIT_WITNESS_FILE)
    meta = json.loads(events(Event.AUDIT_VERIFIED)[0].body)["meta"]
    assert meta["first_bad_seq"] == 4, meta["problems"]
    assert meta["problems"][0].startswith("a record among seq 4..7 was altered"), meta["problems"]
