"""The console's audit pages: the log, an event, verification and evidence exports, for every role."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit import keyring, services, verifier
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord, ExportJob
from inference.models import Application
from tests.audit.conftest import (  # noqa: F401 - fixtures: files in tmp_path, Celery in-process
    _audit_files,
    _tasks_in_process,
    events,
    request_record,
    seal_all,
)

pytestmark = pytest.mark.django_db

ROLES = ["compliance_officer", "auditor", "administrator", "app_owner", "nobody", "anonymous"]
SECRET = "Patient Ada reports chest pain"


@pytest.fixture
def billing() -> Application:
    return Application.objects.create(name="billing")


@pytest.fixture
def triage() -> Application:
    return Application.objects.create(name="triage")


@pytest.fixture
def logged(billing: Application, django_capture_on_commit_callbacks: Any) -> AuditRecord:
    """A sealed /v1 request record with encrypted content, covered by a signed checkpoint.

    The checkpoint reaches the witness file once its transaction commits: run that too.
    """
    with django_capture_on_commit_callbacks(execute=True):
        row = request_record(billing, SECRET, subject="ada", request_id="req-42")
        seal_all()
    return AuditRecord.objects.get(pk=row.pk)


@pytest.fixture
def finished_export(logged: AuditRecord, compliance_officer: User) -> ExportJob:
    day = logged.created_at.date().isoformat()
    job = services.do_request_export(services.ExportQuery.parse(day, day), actor=compliance_officer)
    return services.do_export(job)


def reads() -> list[dict[str, Any]]:
    return [json.loads(row.body)["meta"] for row in events(Event.AUDIT_READ)]


def page_seqs(response: Any) -> list[int]:
    return [int(seq) for seq in re.findall(r'data-seq="(\d+)"', response.content.decode())]


# --- Who may open what ---

READERS = {"compliance_officer": 200, "auditor": 200, "administrator": 200}
VERIFIERS = {"compliance_officer": 200, "auditor": 200, "administrator": 200}
OFFICERS = {"compliance_officer": 200}
PAGES: dict[str, tuple[str, dict[str, int]]] = {
    "log": ("get", READERS),
    "record": ("get", READERS),
    "decrypt": ("post", OFFICERS),
    "verify": ("get", VERIFIERS),
    "verify_now": ("post", VERIFIERS),
    "exports": ("get", OFFICERS),
    "export_request": ("post", {"compliance_officer": 302}),
    "export": ("get", OFFICERS),
    "download": ("get", OFFICERS),
}


def open_page(client: Client, page: str, logged: AuditRecord, job: ExportJob) -> Any:
    day = logged.created_at.date().isoformat()
    seq = logged.seq
    return {
        "log": lambda: client.get(reverse("console:audit")),
        "record": lambda: client.get(reverse("console:audit_record", args=[seq])),
        "decrypt": lambda: client.post(
            reverse("console:audit_record_decrypt", args=[seq]), {"reason": "case 7"}
        ),
        "verify": lambda: client.get(reverse("console:audit_verify")),
        "verify_now": lambda: client.post(reverse("console:audit_verify")),
        "exports": lambda: client.get(reverse("console:audit_exports")),
        "export_request": lambda: client.post(
            reverse("console:audit_exports"), {"date_from": day, "date_to": day}
        ),
        "export": lambda: client.get(reverse("console:audit_export", args=[job.pk])),
        "download": lambda: client.get(reverse("console:audit_export_download", args=[job.pk])),
    }[page]()


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_each_audit_page_opens_only_for_the_roles_it_serves(
    page: str,
    who: str,
    as_user: Callable[[str], Client],
    logged: AuditRecord,
    finished_export: ExportJob,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = as_user(who)
    before = AuditRecord.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = open_page(client, page, logged, finished_export)

    expected = PAGES[page][1].get(who)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("console:login"))
    elif expected is None:
        assert response.status_code == 403
    else:
        assert response.status_code == expected, response.content[:2000]
    if expected is None:
        assert AuditRecord.objects.count() == before  # nothing read, nothing decrypted, nothing recorded
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET.encode() not in content or (page == "decrypt" and who == "compliance_officer")
    assert "no-store" in response.get("Cache-Control", "")


def test_an_app_owner_is_refused_every_audit_page_and_sees_no_link_to_them(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    client = as_user("app_owner")

    for name in ("console:audit", "console:audit_verify", "console:audit_exports"):
        assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse("console:audit_record", args=[logged.seq])).status_code == 403
    home = client.get(reverse("console:home"), follow=True).content.decode()
    assert reverse("console:audit") not in home


# --- The log ---


def test_the_log_lists_sealed_records_newest_first_each_linking_to_its_detail(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    for i in range(3):
        request_record(billing, f"question-content-{i}", request_id=f"r{i}")
    seal_all()

    response = as_user("auditor").get(reverse("console:audit"))

    assert response.status_code == 200
    html = response.content.decode()
    seqs = page_seqs(response)
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == 3
    for seq in seqs:
        assert f'href="{reverse("console:audit_record", args=[seq])}"' in html
    assert 'class="audit-row-link' in html and 'data-request-id="r2"' in html
    assert "billing" in html  # the application by name, not only its id
    # Content never appears in the list. (A marker no random token can hold: "q0" was found in
    # the page's CSRF token or CSP nonce about once in 60 runs.)
    assert "question-content-" not in html


def test_each_page_of_results_is_recorded_as_an_audit_read_with_its_query(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    client = as_user("administrator")

    client.get(reverse("console:audit"), {"event": "inference.request", "request_id": "req-42"})
    client.get(reverse("console:audit_record", args=[logged.seq]))

    listed, detailed = reads()
    assert listed["what"] == "console.events.list" and listed["returned"] == 1
    assert listed["query"] == {"event": "inference.request", "request_id": "req-42"}
    assert detailed == {"what": "console.events.detail", "query": {"seq": logged.seq}, "returned": 1}
    first, _ = events(Event.AUDIT_READ)
    assert first.actor_name == "adam-admin" and first.request_id


def test_filters_narrow_the_log_and_combine(
    as_user: Callable[[str], Client],
    billing: Application,
    triage: Application,
    compliance_officer: User,
) -> None:
    for i in range(4):
        request_record(billing if i % 2 else triage, f"q{i}", request_id=f"r{i}")
    record(
        Event.INFERENCE_RESPONSE,
        request_id="r9",
        application_id=billing.pk,
        meta={"status": 429, "error": "quota"},
    )
    record(Event.INFERENCE_REFUSED, request_id="r10", application_id=triage.pk, meta={"status": 503})
    services.do_set_legal_hold("case 9", actor=compliance_officer)
    seal_all()
    client = as_user("auditor")

    def found(**query: Any) -> list[tuple[str, str]]:
        response = client.get(reverse("console:audit"), query)
        assert response.status_code == 200, response.content
        return re.findall(
            r'data-seq="\d+" data-event="([^"]+)"(?: data-request-id="([^"]+)")?', response.content.decode()
        )

    def ids(**query: Any) -> list[str]:
        return [request_id or event for event, request_id in found(**query)]

    assert ids(application=billing.pk, event="inference.request") == ["r3", "r1"]
    assert ids(request_id="r2") == ["r2"]
    assert ids(actor="carla-compliance", event="audit.legal_hold_set") == ["audit.legal_hold_set"]
    assert ids(outcome="error") == ["r10", "r9"]
    assert ids(outcome="client_error") == ["r9"]
    assert ids(outcome="server_error", application=triage.pk) == ["r10"]
    assert set(ids(outcome="success")) == {"r0", "r1", "r2", "r3"}
    today = timezone.now().date()
    assert ids(date_from=today.isoformat(), date_to=today.isoformat(), request_id="r0") == ["r0"]
    assert ids(date_from="2001-01-01", date_to="2001-12-31") == []


def test_no_match_shows_an_empty_state_with_a_way_back(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    response = as_user("auditor").get(reverse("console:audit"), {"request_id": "no-such-request"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "No records match these filters" in html
    assert f'href="{reverse("console:audit")}"' in html and "Clear filters" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "2025-03-01", "date_to": "2025-01-01"}, "must not be before the start date"),
        ({"date_from": "last week"}, "Enter a valid date"),
        ({"event": "no.such_event"}, "Select a valid choice"),
        ({"application": "billing"}, "Select a valid choice"),
    ],
)
def test_bad_filters_are_explained_and_nothing_is_read(
    query: dict[str, str], message: str, as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    response = as_user("auditor").get(reverse("console:audit"), query)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not reads()


def test_pagination_walks_the_whole_log_older_and_back_newer(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    # Several records in one instant as well: the (time, seq) key must not skip or repeat them.
    now = timezone.now()
    for i in range(120):
        row = request_record(billing, f"q{i}", request_id=f"r{i}")
        if i % 7 == 0:
            AuditRecord.objects.filter(pk=row.pk).update(created_at=now)
    seal_all(checkpoint=False)
    client = as_user("auditor")

    pages, response = [], client.get(reverse("console:audit"), {"application": billing.pk})
    while True:
        pages.append(page_seqs(response))
        older = re.search(r'id="audit-older" href="\?([^"]+)"', response.content.decode())
        if older is None:
            break
        response = client.get(reverse("console:audit") + "?" + older.group(1).replace("&amp;", "&"))

    assert [len(p) for p in pages] == [50, 50, 20]
    flat = [seq for page in pages for seq in page]
    assert len(set(flat)) == 120
    expected = list(
        AuditRecord.objects.filter(application_id=billing.pk)
        .order_by("-created_at", "-seq")
        .values_list("seq", flat=True)
    )
    assert flat == expected
    newer = re.search(r'id="audit-newer" href="\?([^"]+)"', response.content.decode())
    assert newer is not None
    back = client.get(reverse("console:audit") + "?" + newer.group(1).replace("&amp;", "&"))
    assert page_seqs(back) == pages[1]
    assert 'id="audit-newer"' in back.content.decode() and 'id="audit-older"' in back.content.decode()


def test_a_page_of_the_log_never_counts_the_table_and_costs_the_same_deep_in_it(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    for i in range(110):
        request_record(billing, f"q{i}")
    seal_all(checkpoint=False)
    client = as_user("auditor")
    first = client.get(reverse("console:audit"))
    older = re.search(r'id="audit-older" href="\?([^"]+)"', first.content.decode())
    assert older is not None

    with CaptureQueriesContext(connection) as queries:
        deep = client.get(reverse("console:audit") + "?" + older.group(1).replace("&amp;", "&"))

    assert deep.status_code == 200 and len(page_seqs(deep)) == 50
    record_queries = [q["sql"] for q in queries.captured_queries if "audit_auditrecord" in q["sql"].lower()]
    assert not [sql for sql in record_queries if "COUNT(" in sql.upper()]
    assert not [sql for sql in record_queries if " OFFSET " in sql.upper()]


# --- One event ---


def test_an_event_shows_its_metadata_and_integrity_but_not_its_content(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    response = as_user("compliance_officer").get(reverse("console:audit_record", args=[logged.seq]))

    html = response.content.decode()
    assert response.status_code == 200
    for shown in ("inference.request", "req-42", "billing", logged.uid, logged.subject, logged.key_id):
        assert shown in html
    assert logged.leaf_hash is not None and bytes(logged.leaf_hash).hex() in html
    assert "covered" in html and "sealed" in html
    assert SECRET not in html
    assert 'id="decrypt-form"' in html  # a compliance officer may ask for it, with a reason


@pytest.mark.parametrize("who", ["auditor", "administrator"])
def test_auditors_and_administrators_never_see_content_nor_a_way_to_decrypt_it(
    who: str, as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    client = as_user(who)

    html = client.get(reverse("console:audit_record", args=[logged.seq])).content.decode()
    refused = client.post(reverse("console:audit_record_decrypt", args=[logged.seq]), {"reason": "curious"})

    assert 'id="decrypt-form"' not in html and "Decrypt" not in html and SECRET not in html
    assert refused.status_code == 403 and SECRET.encode() not in refused.content
    assert not events(Event.AUDIT_DECRYPTED)


def test_a_configuration_change_shows_its_old_and_new_values(
    as_user: Callable[[str], Client], compliance_officer: User
) -> None:
    services.do_set_retention("content", 12, actor=compliance_officer)
    seal_all()
    (change,) = events(Event.AUDIT_RETENTION_CHANGED)

    html = as_user("auditor").get(reverse("console:audit_record", args=[change.seq])).content.decode()

    assert "Before" in html and "After" in html
    assert "&quot;days&quot;: 30" in html and "&quot;days&quot;: 12" in html


def test_an_unknown_event_is_404(as_user: Callable[[str], Client], logged: AuditRecord) -> None:
    assert as_user("auditor").get(reverse("console:audit_record", args=[99999])).status_code == 404


def test_decryption_needs_a_reason_and_is_recorded_with_it(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    client = as_user("compliance_officer")
    url = reverse("console:audit_record_decrypt", args=[logged.seq])

    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 400
    assert "A reason is required to decrypt audit content." in refused.content.decode()
    assert SECRET not in refused.content.decode() and not events(Event.AUDIT_DECRYPTED)

    response = client.post(url, {"reason": "DSAR 2026-014"})
    html = response.content.decode()
    assert response.status_code == 200 and SECRET in html and "DSAR 2026-014" in html
    assert "no-store" in response["Cache-Control"]
    (decrypted,) = events(Event.AUDIT_DECRYPTED)
    meta = json.loads(decrypted.body)["meta"]
    assert decrypted.actor_name == "carla-compliance"
    assert meta["reason"] == "DSAR 2026-014" and meta["seq"] == logged.seq and meta["outcome"] == "decrypted"


def test_shredded_content_is_explained_instead_of_shown(
    as_user: Callable[[str], Client], logged: AuditRecord, compliance_officer: User
) -> None:
    services.do_erase_subject("ada", actor=compliance_officer, reason="Art. 17 request 5")

    html = (
        as_user("compliance_officer")
        .post(reverse("console:audit_record_decrypt", args=[logged.seq]), {"reason": "check"})
        .content.decode()
    )

    assert SECRET not in html and "shredded" in html


# --- Verification ---


def test_verification_shows_the_log_checkpoint_and_witness(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    response = as_user("auditor").get(reverse("console:audit_verify"))

    html = response.content.decode()
    status = services.log_status()
    assert status.last_checkpoint is not None
    assert f'<strong id="log-size">{status.size}</strong>' in html
    assert status.last_checkpoint["root"] in html and status.signing_key_fingerprint in html
    assert services.settings.AIRLOCK_AUDIT_WITNESS_FILE in html
    assert "Agrees with the database" in html and "badge-ok" in html
    assert 'id="verify-now"' in html


def test_verify_now_reports_ok_and_is_recorded(as_user: Callable[[str], Client], logged: AuditRecord) -> None:
    response = as_user("auditor").post(reverse("console:audit_verify"))

    html = response.content.decode()
    assert response.status_code == 200 and "The log verifies" in html
    (verified,) = events(Event.AUDIT_VERIFIED)
    assert json.loads(verified.body)["meta"]["ok"] is True and verified.actor_name == "audrey-auditor"


def test_verify_now_names_the_first_record_that_fails(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    for i in range(3):
        request_record(billing, f"q{i}")
    seal_all()
    tampered = AuditRecord.objects.order_by("seq")[1]
    AuditRecord.objects.filter(pk=tampered.pk).update(body=tampered.body.replace('"stub"', '"evil"'))

    html = as_user("compliance_officer").post(reverse("console:audit_verify")).content.decode()

    assert "FAILED" in html and "does not verify" in html
    assert f'at sequence number <span class="mono">{tampered.seq}</span>' in html


def test_a_witness_file_that_disagrees_with_the_database_is_flagged(
    as_user: Callable[[str], Client], logged: AuditRecord
) -> None:
    witness = Path(services.settings.AIRLOCK_AUDIT_WITNESS_FILE)
    last = json.loads(witness.read_text().splitlines()[-1])
    witness.write_text(witness.read_text() + json.dumps({**last, "root": "00" * 32}) + "\n")

    html = as_user("auditor").get(reverse("console:audit_verify")).content.decode()

    assert "the database has no checkpoint with this size and root" in html


# --- Exports ---


def test_an_export_runs_from_request_to_a_download_that_verifies(
    as_user: Callable[[str], Client],
    logged: AuditRecord,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = as_user("compliance_officer")
    day = logged.created_at.date().isoformat()
    page = client.get(reverse("console:audit_exports")).content.decode()
    assert 'id="export-form"' in page and "No export has been requested yet" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("console:audit_exports"),
            {"date_from": day, "date_to": day, "application": logged.application_id},
        )

    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "console:audit_export", args=[job.pk]
    )
    assert job.status == ExportJob.Status.DONE and job.query["application"] == "billing"
    progress = client.get(response["Location"]).content.decode()
    assert "The bundle is ready" in progress and 'http-equiv="refresh"' not in progress
    assert job.sha256 in progress and keyring.public_key_fingerprint() in progress
    listing = client.get(reverse("console:audit_exports")).content.decode()
    assert reverse("console:audit_export_download", args=[job.pk]) in listing

    download = client.get(reverse("console:audit_export_download", args=[job.pk]))

    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert download["X-Content-SHA256"] == job.sha256
    assert "attachment" in download["Content-Disposition"]
    bundle = tmp_path / "downloaded.zip"
    bundle.write_bytes(b"".join(download.streaming_content))  # type: ignore[attr-defined]
    report = verifier.verify_bundle(bundle, expect_key=keyring.public_key_fingerprint())
    assert report.ok, report.problems
    with zipfile.ZipFile(bundle) as opened:
        assert json.loads(opened.read("manifest.json"))["record_count"] >= 1
    (requested,) = events(Event.AUDIT_EXPORT_REQUESTED)
    (exported,) = events(Event.AUDIT_EXPORTED)
    assert requested.actor_name == exported.actor_name == "carla-compliance"
    assert reads()[-1]["what"] == "console.exports.download"


def test_a_content_export_needs_a_reason_and_decrypts_into_the_bundle(
    as_user: Callable[[str], Client],
    logged: AuditRecord,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = as_user("compliance_officer")
    day = logged.created_at.date().isoformat()
    form = {"date_from": day, "date_to": day, "include_content": "on"}

    refused = client.post(reverse("console:audit_exports"), form)
    assert refused.status_code == 400
    assert "A reason is required to export decrypted content." in refused.content.decode()
    assert not ExportJob.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("console:audit_exports"), {**form, "reason": "SOC 2 audit 2026"})

    job = ExportJob.objects.get()
    assert job.include_content and job.status == ExportJob.Status.DONE
    with zipfile.ZipFile(job.path) as opened:
        assert SECRET in opened.read("records.jsonl").decode()
    (decrypted,) = events(Event.AUDIT_DECRYPTED)
    assert json.loads(decrypted.body)["meta"]["reason"] == "SOC 2 audit 2026"


def test_the_progress_page_refreshes_itself_while_the_bundle_is_built(
    as_user: Callable[[str], Client], logged: AuditRecord, compliance_officer: User
) -> None:
    day = logged.created_at.date().isoformat()
    job = services.do_request_export(services.ExportQuery.parse(day, day), actor=compliance_officer)
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, progress=40)
    client = as_user("compliance_officer")

    html = client.get(reverse("console:audit_export", args=[job.pk])).content.decode()
    early = client.get(reverse("console:audit_export_download", args=[job.pk]))

    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="export-percent" max="100" value="40">' in html
    assert early.status_code == 302 and early["Location"] == reverse("console:audit_export", args=[job.pk])
    assert "not done yet" in client.get(early["Location"]).content.decode()


def test_a_failed_export_shows_why(
    as_user: Callable[[str], Client], logged: AuditRecord, django_capture_on_commit_callbacks: Any
) -> None:
    client = as_user("compliance_officer")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("console:audit_exports"), {"date_from": "2001-01-01", "date_to": "2001-01-31"}
        )

    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.FAILED
    html = client.get(response["Location"]).content.decode()
    assert "The export failed" in html and "There are no sealed records to export" in html
    assert 'http-equiv="refresh"' not in html


def test_a_bundle_removed_from_disk_is_reported_not_a_crash(
    as_user: Callable[[str], Client], finished_export: ExportJob
) -> None:
    Path(finished_export.path).unlink()
    client = as_user("compliance_officer")

    response = client.get(reverse("console:audit_export_download", args=[finished_export.pk]), follow=True)

    assert response.status_code == 200 and "no longer on the appliance" in response.content.decode()


def test_an_export_range_in_the_wrong_order_is_refused_clearly(as_user: Callable[[str], Client]) -> None:
    today = timezone.now().date()
    response = as_user("compliance_officer").post(
        reverse("console:audit_exports"),
        {"date_from": today.isoformat(), "date_to": (today - dt.timedelta(days=3)).isoformat()},
    )

    assert response.status_code == 400
    assert "The end date must not be before the start date." in response.content.decode()
    assert not ExportJob.objects.exists()
