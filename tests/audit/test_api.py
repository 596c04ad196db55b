"""The audit management API: every endpoint for every role, and what each call leaves behind."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import include, path
from rest_framework.test import APIClient

from audit import services
from audit.events import Event
from audit.models import AuditRecord, ExportJob
from inference.models import Application
from tests.audit.conftest import events, request_record, seal_all

# The same mount as appliance/urls.py, so these tests do not depend on that file's state.
urlpatterns = [path("api/audit/", include("audit.urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ROLES = ["compliance_officer", "auditor", "administrator", "app_owner", "nobody", "anonymous"]


@pytest.fixture
def logged(billing: Application) -> AuditRecord:
    """A sealed request record with content, and a checkpoint."""
    row = request_record(billing, "Patient Ada reports chest pain", subject="ada", request_id="req-42")
    seal_all()
    return AuditRecord.objects.get(pk=row.pk)


@pytest.fixture
def finished_export(logged: AuditRecord, compliance_officer: User) -> ExportJob:
    day = logged.created_at.date().isoformat()
    job = services.do_request_export(services.ExportQuery.parse(day, day), actor=compliance_officer)
    return services.do_export(job)


def call(client: APIClient, endpoint: str, logged: AuditRecord, job: ExportJob) -> Any:
    day = logged.created_at.date().isoformat()
    seq = logged.seq
    return {
        "events.list": lambda: client.get("/api/audit/events/"),
        "events.detail": lambda: client.get(f"/api/audit/events/{seq}/"),
        "events.decrypt": lambda: client.post(
            f"/api/audit/events/{seq}/decrypt", {"reason": "incident 7"}, format="json"
        ),
        "verification.get": lambda: client.get("/api/audit/verification/"),
        "verification.post": lambda: client.post("/api/audit/verification/"),
        "exports.create": lambda: client.post("/api/audit/exports/", {"from": day, "to": day}, format="json"),
        "exports.list": lambda: client.get("/api/audit/exports/"),
        "exports.detail": lambda: client.get(f"/api/audit/exports/{job.pk}/"),
        "exports.download": lambda: client.get(f"/api/audit/exports/{job.pk}/download"),
    }[endpoint]()


EVERYONE_WHO_READS = {"compliance_officer": 200, "auditor": 200, "administrator": 200}
VERIFIERS = {"compliance_officer": 200, "auditor": 200, "administrator": 200}
OFFICERS_ONLY = {"compliance_officer": 200}
EXPECTED: dict[str, dict[str, int]] = {
    "events.list": EVERYONE_WHO_READS,
    "events.detail": EVERYONE_WHO_READS,
    "events.decrypt": OFFICERS_ONLY,
    "verification.get": VERIFIERS,
    "verification.post": VERIFIERS,
    "exports.create": {"compliance_officer": 202},
    "exports.list": OFFICERS_ONLY,
    "exports.detail": OFFICERS_ONLY,
    "exports.download": OFFICERS_ONLY,
}


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_each_endpoint_answers_only_the_roles_it_serves(
    endpoint: str,
    who: str,
    as_user: Callable[[str], APIClient],
    logged: AuditRecord,
    finished_export: ExportJob,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = as_user(who)  # signing in is itself recorded: count after it
    before = AuditRecord.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, endpoint, logged, finished_export)

    expected = EXPECTED[endpoint].get(who)
    if expected is None:
        # Session authentication has no WWW-Authenticate challenge, so DRF answers 403.
        assert response.status_code in ((401, 403) if who == "anonymous" else (403,)), response.content
        assert AuditRecord.objects.count() == before  # nothing read, nothing recorded
        assert b"chest pain" not in response.content
    else:
        assert response.status_code == expected, response.content
        assert response["X-Request-ID"]


@pytest.mark.parametrize("who", ["compliance_officer", "auditor", "administrator"])
def test_the_event_list_shows_metadata_and_never_content(
    who: str, as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    response = as_user(who).get("/api/audit/events/")

    assert response.status_code == 200
    (event,) = [e for e in response.json()["results"] if e["event"] == "inference.request"]
    assert event["seq"] == logged.seq and event["request_id"] == "req-42"
    assert event["subject"] == logged.subject and event["meta"] == {"model": "stub", "status": 200}
    assert event["target"] == {"type": "api_key", "id": "ak_test"}
    assert set(event["content"]) == {"key_id", "sha256"} and event["content_available"] is True
    assert b"chest pain" not in response.content


def test_every_list_and_detail_read_is_recorded_with_its_query(
    as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    client = as_user("auditor")
    client.get("/api/audit/events/", {"event": "inference.request", "request_id": "req-42"})
    client.get(f"/api/audit/events/{logged.seq}/")

    listed, detailed = events(Event.AUDIT_READ)
    assert listed.actor_name == detailed.actor_name == "audrey-auditor"
    body = json.loads(listed.body)["meta"]
    assert body["what"] == "events.list" and body["returned"] == 1
    assert body["query"] == {"event": "inference.request", "request_id": "req-42"}
    assert json.loads(detailed.body)["meta"]["query"] == {"seq": logged.seq}
    assert listed.request_id  # the X-Request-ID of the call


def test_events_are_filtered_and_paginated(
    as_user: Callable[[str], APIClient], billing: Application, triage: Application, compliance_officer: User
) -> None:
    for i in range(5):
        request_record(billing if i % 2 else triage, f"q{i}", request_id=f"r{i}")
    services.do_set_legal_hold("case 9", actor=compliance_officer)
    seal_all()
    client = as_user("compliance_officer")

    def seqs(**query: Any) -> list[str]:
        response = client.get("/api/audit/events/", query)
        assert response.status_code == 200, response.content
        return [e["request_id"] or e["event"] for e in response.json()["results"]]

    assert seqs(application_id=billing.pk, event="inference.request") == ["r3", "r1"]  # newest first
    assert seqs(request_id="r4") == ["r4"]
    assert seqs(actor="carla-compliance", event="audit.legal_hold_set") == ["audit.legal_hold_set"]
    assert seqs(**{"from": "2001-01-01", "to": "2001-12-31"}) == []
    first = client.get("/api/audit/events/", {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert second["results"][0]["seq"] < first["results"][-1]["seq"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "last week"}, "from"),
        ({"from": "2025-03-01", "to": "2025-01-01"}, "from"),
        ({"event": "no.such_event"}, "event"),
        ({"application_id": "billing"}, "application_id"),
    ],
)
def test_bad_filters_are_refused_with_the_field_named(
    query: dict[str, str], field: str, as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    response = as_user("auditor").get("/api/audit/events/", query)

    assert response.status_code == 400 and field in response.json()
    assert not events(Event.AUDIT_READ)


def test_an_unknown_event_is_404(as_user: Callable[[str], APIClient], logged: AuditRecord) -> None:
    assert as_user("auditor").get("/api/audit/events/99999/").status_code == 404


def test_a_compliance_officer_decrypts_with_a_reason_and_it_is_recorded(
    as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    client = as_user("compliance_officer")

    refused = client.post(f"/api/audit/events/{logged.seq}/decrypt", {"reason": "  "}, format="json")
    response = client.post(f"/api/audit/events/{logged.seq}/decrypt", {"reason": "incident 7"}, format="json")

    assert refused.status_code == 400 and "reason" in refused.json()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"].split(", ")
    content = response.json()["content"]
    assert content["request"]["messages"][0]["content"] == "Patient Ada reports chest pain"
    (decrypted,) = events(Event.AUDIT_DECRYPTED)
    meta = json.loads(decrypted.body)["meta"]
    assert (meta["seq"], meta["reason"], meta["outcome"]) == (logged.seq, "incident 7", "decrypted")
    assert decrypted.actor_name == "carla-compliance"


def test_decrypting_shredded_content_says_why_it_is_unavailable(
    as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    services.do_erase_subject("ada", reason="GDPR Art. 17 #3")

    response = as_user("compliance_officer").post(
        f"/api/audit/events/{logged.seq}/decrypt/", {"reason": "check"}, format="json"
    )

    assert response.status_code == 200 and response.json()["content"] is None
    assert "GDPR Art. 17 #3" in response.json()["unavailable"]
    assert json.loads(events(Event.AUDIT_DECRYPTED)[0].body)["meta"]["outcome"] == "unavailable"


def test_verification_status_and_a_run_on_demand(
    as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    client = as_user("auditor")
    seal_all()  # the sign-in's record

    status = client.get("/api/audit/verification/").json()
    run = client.post("/api/audit/verification/").json()

    assert status["size"] >= 1 and status["unsealed"] == 0 and status["last_checkpoint"]["size"] >= 1
    assert status["signing_key_fingerprint"] == services.keyring.public_key_fingerprint()
    assert run["ok"] is True and run["message"].startswith("OK") and run["first_bad_seq"] is None
    (verified,) = events(Event.AUDIT_VERIFIED)
    assert json.loads(verified.body)["meta"]["ok"] is True and verified.actor_name == "audrey-auditor"


def test_a_tampered_log_is_reported_by_the_api(
    as_user: Callable[[str], APIClient], logged: AuditRecord
) -> None:
    AuditRecord.objects.filter(pk=logged.pk).update(body=logged.body.replace("stub", "gpt-4"))

    run = as_user("compliance_officer").post("/api/audit/verification/").json()

    assert run["ok"] is False and run["first_bad_seq"] == logged.seq
    assert run["message"].startswith(f"FAILED at sequence number {logged.seq}")


def test_an_export_runs_in_the_background_and_downloads_as_a_verified_zip(
    as_user: Callable[[str], APIClient],
    logged: AuditRecord,
    billing: Application,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = as_user("compliance_officer")
    day = logged.created_at.date().isoformat()

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/api/audit/exports/",
            {"from": day, "to": day, "application": "billing", "include_content": True, "reason": "audit Q3"},
            format="json",
        )

    assert created.status_code == 202, created.content
    job_id = created.json()["id"]
    status = client.get(f"/api/audit/exports/{job_id}/").json()
    assert (status["status"], status["progress"], status["records"]) == ("done", 100, 1)
    assert status["query"]["application_id"] == billing.pk and status["download"].endswith("/download")
    download = client.get(status["download"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    data = b"".join(download.streaming_content)
    assert hashlib.sha256(data).hexdigest() == status["sha256"] == download["X-Content-SHA256"]
    assert {json.loads(r.body)["meta"]["what"] for r in events(Event.AUDIT_READ)} == {"exports.download"}
    assert len(events(Event.AUDIT_DECRYPTED)) == 1 and len(events(Event.AUDIT_EXPORTED)) == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"from": "2025-01-01", "to": "2025-01-31", "include_content": True}, "reason"),
        ({"from": "2025-01-01", "to": "2025-01-31", "application": "nope"}, "application"),
        ({"from": "2025-02-01", "to": "2025-01-31"}, "from"),
        ({"to": "2025-01-31"}, "from"),
        ({"from": "2025-01-01", "to": "soon"}, "to"),
    ],
)
def test_bad_export_requests_are_refused_with_the_field_named(
    payload: dict[str, Any], field: str, as_user: Callable[[str], APIClient], billing: Application
) -> None:
    response = as_user("compliance_officer").post("/api/audit/exports/", payload, format="json")

    assert response.status_code == 400 and field in response.json(), response.content
    assert not ExportJob.objects.exists()


def test_an_export_of_an_empty_range_fails_with_its_reason(
    as_user: Callable[[str], APIClient], billing: Application, django_capture_on_commit_callbacks: Any
) -> None:
    client = as_user("compliance_officer")
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/api/audit/exports/", {"from": "2001-01-01", "to": "2001-01-02"}, format="json"
        )

    status = client.get(f"/api/audit/exports/{created.json()['id']}/").json()
    assert status["status"] == "failed" and "no sealed records" in status["error"]
    assert client.get(f"/api/audit/exports/{status['id']}/download").status_code == 409


def test_the_openapi_schema_describes_every_audit_endpoint() -> None:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator(patterns=urlpatterns).get_schema(request=None, public=True)

    assert set(schema["paths"]) == {
        "/api/audit/events/",
        "/api/audit/events/{seq}/",
        "/api/audit/events/{seq}/decrypt",
        "/api/audit/verification/",
        "/api/audit/exports/",
        "/api/audit/exports/{job_id}/",
        "/api/audit/exports/{job_id}/download",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/audit/events/"]["get"]["parameters"]}
    assert {"from", "to", "event", "application_id", "request_id", "actor"} <= parameters
