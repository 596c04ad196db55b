"""Evidence export: a signed bundle that verifies with no database, filtered, with or without content."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from audit import export, keyring, services, tasks, verifier
from audit.events import Event
from audit.export import ExportQuery
from audit.models import AuditRecord, Checkpoint, ExportJob
from inference.models import Application
from tests.audit.conftest import events, request_record, seal_all

pytestmark = pytest.mark.django_db

BUNDLE_FILES = {
    "manifest.json",
    "manifest.sig",
    "records.jsonl",
    "records.csv",
    "leaf_hashes.txt",
    "README.md",
    "verify.py",
}


def today_query(app: Application | None = None) -> ExportQuery:
    from django.utils import timezone

    day = timezone.now().date().isoformat()
    return ExportQuery.parse(
        day, day, application_id=app.pk if app else None, application=app.name if app else ""
    )


def run_export(
    query: ExportQuery, actor: User | None = None, *, include_content: bool = False, reason: str = ""
) -> ExportJob:
    job = services.do_request_export(query, actor=actor, include_content=include_content, reason=reason)
    return services.do_export(job)


def lines(path: Path, name: str) -> list[dict[str, Any]]:
    with zipfile.ZipFile(path) as bundle:
        return [json.loads(line) for line in bundle.read(name).decode().splitlines()]


def manifest_of(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as bundle:
        return dict(json.loads(bundle.read("manifest.json")))


def python3() -> str:
    return shutil.which("python3") or sys.executable


def test_a_bundle_of_sealed_records_verifies_with_the_library_and_standalone(
    billing: Application, triage: Application, tmp_path: Path
) -> None:
    for i in range(12):
        request_record(billing if i % 3 else triage, f"question {i}", subject=f"patient-{i % 4}")
    seal_all()
    job = run_export(today_query())

    path = Path(job.path)
    assert job.status == ExportJob.Status.DONE and job.progress == 100 and job.records == 12
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.parent == Path(services.settings.AIRLOCK_AUDIT_EXPORT_DIR)
    assert job.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    with zipfile.ZipFile(path) as bundle:
        assert set(bundle.namelist()) == BUNDLE_FILES
        assert bundle.read("verify.py") == Path(verifier.__file__).read_bytes()
        signature = bytes.fromhex(bundle.read("manifest.sig").decode().strip())
        assert verifier.ed25519_verify(keyring.public_key_bytes(), bundle.read("manifest.json"), signature)
    manifest = manifest_of(path)
    assert manifest["format"] == "airlock-audit-export/1"
    assert (manifest["first_seq"], manifest["last_seq"], manifest["record_count"]) == (0, 11, 12)
    assert manifest["public_key_fingerprint"] == keyring.public_key_fingerprint()
    assert manifest["checkpoint"]["size"] > manifest["last_seq"]
    assert manifest["include_content"] is False

    assert verifier.verify_bundle(str(path)).ok

    # The standalone check: only the bundle and the verify.py inside it, Python's stdlib only.
    elsewhere = tmp_path / "auditor"
    elsewhere.mkdir()
    with zipfile.ZipFile(path) as bundle:
        bundle.extractall(elsewhere)
    shutil.copy(path, elsewhere / "bundle.zip")
    fingerprint = keyring.public_key_fingerprint()
    done = subprocess.run(
        [python3(), "-I", "-S", "verify.py", "bundle.zip", "--expect-key", fingerprint],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    assert done.returncode == 0, done.stdout + done.stderr

    wrong_key = subprocess.run(
        [python3(), "-I", "-S", "verify.py", "bundle.zip", "--expect-key", "00" * 32],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert wrong_key.returncode != 0


def test_records_carry_their_exact_body_and_readable_fields(billing: Application) -> None:
    written = request_record(billing, "hello", subject="patient-7", request_id="req-1")
    seal_all()
    job = run_export(today_query())

    (line,) = lines(Path(job.path), "records.jsonl")
    stored = AuditRecord.objects.get(pk=written.pk)
    assert line["seq"] == stored.seq and line["body"] == stored.body
    assert line["event"] == "inference.request" and line["request_id"] == "req-1"
    assert line["application_id"] == billing.pk and line["subject"] == stored.subject
    assert line["meta"] == {"model": "stub", "status": 200}
    assert line["content_ref"]["key_id"] == stored.key_id
    assert "content" not in line and "hello" not in Path(job.path).read_bytes().decode("latin-1")
    with zipfile.ZipFile(job.path) as bundle:
        header = bundle.read("records.csv").decode().splitlines()[0]
    assert header.startswith("seq,time,event,actor_id")
    assert "content" not in header.split(",")


def test_an_export_for_one_application_keeps_every_leaf_of_the_range(
    billing: Application, triage: Application
) -> None:
    for i in range(9):
        request_record(billing if i % 2 else triage, f"q{i}")
    seal_all()
    job = run_export(today_query(billing))

    records = lines(Path(job.path), "records.jsonl")
    assert [r["application_id"] for r in records] == [billing.pk] * 4
    manifest = manifest_of(Path(job.path))
    assert (manifest["first_seq"], manifest["last_seq"]) == (1, 7)
    assert manifest["query"]["application_id"] == billing.pk and manifest["query"]["application"] == "billing"
    with zipfile.ZipFile(job.path) as bundle:
        hashes = bundle.read("leaf_hashes.txt").decode().split()
    stored = AuditRecord.objects.filter(seq__gte=1, seq__lte=7).order_by("seq")
    assert hashes == [bytes(r.leaf_hash).hex() for r in stored]
    assert verifier.verify_bundle(job.path).ok


def test_an_altered_bundle_does_not_verify(billing: Application, tmp_path: Path) -> None:
    for i in range(5):
        request_record(billing, f"q{i}")
    seal_all()
    job = run_export(today_query())

    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(job.path) as source, zipfile.ZipFile(altered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "records.jsonl":
                records = [json.loads(line) for line in data.decode().splitlines()]
                body = json.loads(records[2]["body"])
                body["meta"]["status"] = 500  # the answer was an error, says the forger
                records[2]["body"] = verifier.canonical_json(body)
                data = "".join(json.dumps(r) + "\n" for r in records).encode()
            target.writestr(name, data)
    assert not verifier.verify_bundle(str(altered)).ok


def test_export_seals_first_and_signs_a_checkpoint_that_covers_the_last_record(billing: Application) -> None:
    for i in range(3):
        request_record(billing, f"q{i}")
    assert not Checkpoint.objects.exists()  # written, not sealed: on_commit never ran

    job = run_export(today_query())

    manifest = manifest_of(Path(job.path))
    assert manifest["record_count"] == 3 and Checkpoint.objects.filter(size__gt=manifest["last_seq"]).exists()
    assert verifier.verify_bundle(job.path).ok


def test_a_content_export_is_decrypted_for_a_compliance_officer_and_recorded(
    billing: Application, compliance_officer: User
) -> None:
    texts = [f"My name is Ada, question {i}" for i in range(4)]
    for i, text in enumerate(texts):
        request_record(billing, text, subject=f"patient-{i}")
    seal_all()

    job = run_export(today_query(), compliance_officer, include_content=True, reason="DSAR 2025-014")

    records = lines(Path(job.path), "records.jsonl")
    assert [r["content"]["request"]["messages"][0]["content"] for r in records] == texts
    assert verifier.verify_bundle(job.path).ok
    assert manifest_of(Path(job.path))["reason"] == "DSAR 2025-014"
    (requested,) = events(Event.AUDIT_EXPORT_REQUESTED)
    (decrypted,) = events(Event.AUDIT_DECRYPTED)
    (exported,) = events(Event.AUDIT_EXPORTED)
    assert requested.actor_name == decrypted.actor_name == exported.actor_name == "carla-compliance"
    assert json.loads(requested.body)["meta"]["reason"] == "DSAR 2025-014"
    assert json.loads(decrypted.body)["meta"]["decrypted"] == 4
    meta = json.loads(exported.body)["meta"]
    assert (meta["sha256"], meta["records"]) == (job.sha256, 4)


@pytest.mark.parametrize("who", ["auditor", "administrator", "app_owner", "nobody"])
def test_no_one_but_a_compliance_officer_may_export_content(
    who: str, request: pytest.FixtureRequest, billing: Application
) -> None:
    request_record(billing, "secret")
    seal_all()
    with pytest.raises(PermissionDenied):
        services.do_request_export(
            today_query(), actor=request.getfixturevalue(who), include_content=True, reason="curious"
        )
    assert not ExportJob.objects.exists() and not events(Event.AUDIT_EXPORT_REQUESTED)


def test_a_content_export_needs_a_stated_reason_and_a_named_officer(
    billing: Application, compliance_officer: User
) -> None:
    with pytest.raises(ValidationError, match="reason"):
        services.do_request_export(today_query(), actor=compliance_officer, include_content=True, reason="  ")
    with pytest.raises(PermissionDenied, match="--actor"):
        services.do_request_export(today_query(), actor=None, include_content=True, reason="DSAR")


def test_shredded_content_exports_as_unavailable(billing: Application, compliance_officer: User) -> None:
    request_record(billing, "kept", subject="patient-1")
    request_record(billing, "erased", subject="patient-2")
    seal_all()
    services.do_erase_subject("patient-2", reason="GDPR Art. 17 request #9")
    seal_all()

    job = run_export(today_query(billing), compliance_officer, include_content=True, reason="audit")

    contents = [r["content"] for r in lines(Path(job.path), "records.jsonl")]
    assert contents[0]["request"]["messages"][0]["content"] == "kept"
    assert contents[1].startswith("unavailable: data key") and "GDPR Art. 17 request #9" in contents[1]
    assert verifier.verify_bundle(job.path).ok


def test_bad_ranges_are_refused_clearly(billing: Application) -> None:
    with pytest.raises(ValidationError, match="must not be after"):
        ExportQuery.parse("2025-02-01", "2025-01-01")
    with pytest.raises(ValidationError, match="not a date"):
        ExportQuery.parse("yesterday", "2025-01-01")
    with pytest.raises(ValidationError, match="not a date"):
        ExportQuery.parse("2025-02-30", "2025-03-01")


def test_an_empty_range_fails_the_job_with_its_reason(billing: Application) -> None:
    job = services.do_request_export(ExportQuery.parse("2001-01-01", "2001-01-31"))
    with pytest.raises(ValidationError, match="no sealed records"):
        services.do_export(job)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and "no sealed records" in job.error
    assert tasks.run_export(job.pk) == "failed"  # the task reports it and does not retry


def test_the_task_is_idempotent_and_quiet_when_its_job_is_gone(billing: Application) -> None:
    request_record(billing, "q")
    seal_all()
    job = services.do_request_export(today_query())

    assert tasks.run_export.delay(job.pk).get() == "done"
    first = ExportJob.objects.get(pk=job.pk)
    assert tasks.run_export(job.pk) == "done"
    assert ExportJob.objects.get(pk=job.pk).sha256 == first.sha256
    assert len(events(Event.AUDIT_EXPORTED)) == 1
    assert tasks.run_export(987654) == "gone"


def test_a_large_range_is_streamed_in_chunks_with_progress(
    billing: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "CHUNK", 3)  # many chunks from a few records
    for i in range(40):
        request_record(billing, f"q{i}")
    seal_all()
    job = services.do_request_export(today_query())
    seen: list[int] = []

    def progress(percent: int, message: str) -> None:
        seen.append(percent)
        seen_in_db.append(ExportJob.objects.get(pk=job.pk).progress)

    seen_in_db: list[int] = []
    job = services.do_export(job, progress=progress)

    assert seen == sorted(seen) and seen[-1] == 100 and len(set(seen)) > 5
    assert seen_in_db[-1] == 100 and max(seen_in_db[:-1]) > 1
    assert verifier.verify_bundle(job.path).ok


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 16, 31])
def test_the_streamed_range_proof_equals_the_reference_proof(size: int) -> None:
    rng = random.Random(size)
    leaves = [rng.randbytes(32) for _ in range(size)]
    for start in range(size):
        for end in range(start + 1, size + 1):
            kept: list[int] = []
            streamed = export.streamed_range_proof(
                enumerate(leaves), size, start, end, in_range=lambda seq, _digest, kept=kept: kept.append(seq)
            )
            assert streamed == verifier.range_proof(leaves, start, end, size), (start, end)
            assert kept == list(range(start, end))
            assert verifier.root_from_range(
                start, end, size, leaves[start:end], streamed
            ) == verifier.tree_root(leaves)


def test_a_record_whose_time_was_moved_in_the_database_is_not_silently_left_out(
    billing: Application,
) -> None:
    import datetime as dt

    for i in range(6):
        request_record(billing, f"q{i}")
    seal_all()
    moved = AuditRecord.objects.get(seq=3)
    AuditRecord.objects.filter(pk=moved.pk).update(created_at=moved.created_at - dt.timedelta(days=400))

    # "All applications, this month": the sealed body says seq 3 belongs; its column says not.
    with pytest.raises(ValidationError, match="seq 3: created_at differs from the sealed record"):
        export.build_bundle(
            export.BundleRequest(
                query=today_query(), destination=Path(settings_dir()) / "e.zip", created_by="t"
            )
        )


def test_a_record_whose_time_was_moved_into_the_range_is_not_exported_on_its_column(
    billing: Application,
) -> None:
    import datetime as dt

    for i in range(4):
        request_record(billing, f"q{i}")
    seal_all()
    first, second = AuditRecord.objects.get(seq=0), AuditRecord.objects.get(seq=1)
    # From the second record on: by its sealed body the first record is outside this range.
    query = ExportQuery(second.created_at, today_query().before)
    AuditRecord.objects.filter(pk=first.pk).update(
        created_at=second.created_at + dt.timedelta(microseconds=1)
    )

    with pytest.raises(ValidationError, match="seq 0: created_at differs from the sealed record"):
        export.build_bundle(
            export.BundleRequest(query=query, destination=Path(settings_dir()) / "e.zip", created_by="t")
        )


def test_the_manifest_lists_the_sequence_numbers_the_query_selects(
    billing: Application, triage: Application
) -> None:
    for i in range(9):
        request_record(billing if i % 2 else triage, f"q{i}")
    seal_all()

    job = run_export(today_query(billing))

    manifest = manifest_of(Path(job.path))
    assert manifest["selection"]["by"] == "sealed body"
    assert manifest["selection"]["seqs"] == [[1, 1], [3, 3], [5, 5], [7, 7]]
    whole = manifest_of(Path(run_export(today_query()).path))
    assert whole["selection"]["seqs"] == [[0, whole["last_seq"]]]  # with the first export's records
    assert verifier.verify_bundle(job.path).ok


def settings_dir() -> str:
    from django.conf import settings

    return str(settings.AIRLOCK_AUDIT_EXPORT_DIR)
