"""The console's retention page: policies, retention runs, legal holds and erasure, for every role."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit import services
from audit.events import Event
from audit.export import decrypt_content
from audit.models import AuditRecord, DataKey, LegalHold, RetentionPolicy
from audit.verify import verify_log
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


@pytest.fixture
def billing() -> Application:
    return Application.objects.create(name="billing")


@pytest.fixture
def triage() -> Application:
    return Application.objects.create(name="triage")


@pytest.fixture
def hold(compliance_officer: User) -> LegalHold:
    return services.do_set_legal_hold("Litigation 88", actor=compliance_officer)


def meta(row: AuditRecord) -> dict[str, Any]:
    return dict(json.loads(row.body)["meta"])


def age_keys(days: int, **scope: Any) -> None:
    """Pretend the content of this scope was written ``days`` ago (keys are per day)."""
    DataKey.objects.filter(**scope).update(period=timezone.now().date() - dt.timedelta(days=days))


# --- Who may open what ---

OFFICERS_AND_AUDITORS = {"compliance_officer": 200, "auditor": 200}
PAGES: dict[str, dict[str, int]] = {
    "retention": OFFICERS_AND_AUDITORS,
    "policy": {"compliance_officer": 302},
    "run_confirm": {"compliance_officer": 200},
    "run": {"compliance_officer": 200},
    "hold_set": {"compliance_officer": 302},
    "release_confirm": {"compliance_officer": 200},
    "release": {"compliance_officer": 302},
    "erase_form": {"compliance_officer": 200},
    "erase": {"compliance_officer": 200},
}
# What each change leaves in the log when it is allowed (nothing when it is refused).
CHANGES = {
    "policy": Event.AUDIT_RETENTION_CHANGED,
    "run": Event.AUDIT_RETENTION_RUN,
    "hold_set": Event.AUDIT_LEGAL_HOLD_SET,
    "release": Event.AUDIT_LEGAL_HOLD_RELEASED,
    "erase": Event.AUDIT_SUBJECT_ERASED,
}


def open_page(client: Client, page: str, hold: LegalHold) -> Any:
    release = reverse("console:retention_hold_release", args=[hold.pk])
    return {
        "retention": lambda: client.get(reverse("console:retention")),
        "policy": lambda: client.post(
            reverse("console:retention_policy"), {"record_class": "content", "days": 7}
        ),
        "run_confirm": lambda: client.get(reverse("console:retention_run")),
        "run": lambda: client.post(reverse("console:retention_run"), {"confirm": "yes"}),
        "hold_set": lambda: client.post(
            reverse("console:retention_hold_set"), {"scope": "everything", "reason": "case 1"}
        ),
        "release_confirm": lambda: client.get(release),
        "release": lambda: client.post(release, {"confirm": "yes"}),
        "erase_form": lambda: client.get(reverse("console:retention_erase")),
        "erase": lambda: client.post(
            reverse("console:retention_erase"),
            {"subject_id": "ada", "confirm_subject_id": "ada", "reason": "Art. 17 request 3"},
        ),
    }[page]()


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("page", list(PAGES))
def test_each_retention_page_opens_only_for_the_roles_it_serves(
    page: str, who: str, as_user: Callable[[str], Client], hold: LegalHold
) -> None:
    if page == "erase":
        services.do_release_legal_hold(hold.pk)  # else the hold on everything blocks the erasure
    client = as_user(who)
    before = AuditRecord.objects.count()

    response = open_page(client, page, hold)

    expected = PAGES[page].get(who)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("console:login"))
    elif expected is None:
        assert response.status_code == 403
    else:
        assert response.status_code == expected, response.content[:2000]
    if page in CHANGES:
        changed = events(CHANGES[page])
        assert changed if expected else (AuditRecord.objects.count() == before)


def test_an_auditor_reads_policies_and_holds_but_is_offered_no_change(
    as_user: Callable[[str], Client], hold: LegalHold
) -> None:
    html = as_user("auditor").get(reverse("console:retention")).content.decode()

    assert "Read-only" in html and "Litigation 88" in html and "Content" in html
    for offered in (
        'id="policy-form"',
        'id="hold-form"',
        "Run retention now",
        "Erase a data subject",
        "Release",
    ):
        assert offered not in html


# --- Policies ---


def test_a_compliance_officer_sets_a_policy_and_it_is_recorded_with_old_and_new_values(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    client = as_user("compliance_officer")

    response = client.post(
        reverse("console:retention_policy"), {"record_class": "content", "days": 7, "application": billing.pk}
    )

    assert response.status_code == 302 and response["Location"] == reverse("console:retention")
    policy = RetentionPolicy.objects.get()
    assert (policy.record_class, policy.days, policy.application_id) == ("content", 7, billing.pk)
    (changed,) = events(Event.AUDIT_RETENTION_CHANGED)
    assert meta(changed)["old"] == {"days": 30, "from": "default"} and meta(changed)["new"] == {"days": 7}
    assert changed.actor_name == "carla-compliance"
    page = client.get(response["Location"]).content.decode()
    assert "Content retention for application billing: 7 days." in page
    assert "billing" in page and "7 days" in page


@pytest.mark.parametrize(
    ("days", "message"), [("0", "greater than or equal to 1"), ("x", "Enter a whole number")]
)
def test_a_bad_policy_is_explained_and_nothing_changes(
    days: str, message: str, as_user: Callable[[str], Client]
) -> None:
    response = as_user("compliance_officer").post(
        reverse("console:retention_policy"), {"record_class": "content", "days": days}
    )

    assert response.status_code == 400 and message in response.content.decode()
    assert not RetentionPolicy.objects.exists() and not events(Event.AUDIT_RETENTION_CHANGED)


# --- Running retention ---


def test_retention_runs_only_after_confirmation_and_shows_its_report(
    as_user: Callable[[str], Client], billing: Application, triage: Application
) -> None:
    old = request_record(billing, "old prompt")
    fresh = request_record(triage, "fresh prompt")
    age_keys(31, application_id=billing.pk)
    seal_all()
    client = as_user("compliance_officer")

    confirm = client.get(reverse("console:retention_run"))
    unconfirmed = client.post(reverse("console:retention_run"))
    assert confirm.status_code == unconfirmed.status_code == 200
    assert "Run retention now?" in confirm.content.decode()
    assert not events(Event.AUDIT_RETENTION_RUN)

    response = client.post(reverse("console:retention_run"), {"confirm": "yes"})

    html = response.content.decode()
    assert 'id="retention-report"' in html
    assert "Content keys shredded</dt><dd>1</dd>" in html
    assert decrypt_content(AuditRecord.objects.get(pk=old.pk)).unavailable
    assert decrypt_content(AuditRecord.objects.get(pk=fresh.pk)).content is not None
    (run,) = events(Event.AUDIT_RETENTION_RUN)
    assert run.actor_name == "carla-compliance" and meta(run)["content"]["shredded_keys"] == 1
    (shred,) = events(Event.AUDIT_KEY_SHREDDED)
    assert meta(shred)["key_id"] == old.key_id
    seal_all()
    assert verify_log().ok


def test_a_retention_run_reports_what_a_legal_hold_kept(
    as_user: Callable[[str], Client], billing: Application, hold: LegalHold
) -> None:
    row = request_record(billing, "held prompt")
    age_keys(40)

    html = (
        as_user("compliance_officer")
        .post(reverse("console:retention_run"), {"confirm": "yes"})
        .content.decode()
    )

    assert f"#{hold.pk}" in html and "Kept under a legal hold</dt><dd>1 key" in html
    assert decrypt_content(AuditRecord.objects.get(pk=row.pk)).content is not None


# --- Legal holds ---


def test_a_legal_hold_is_set_on_one_application_with_a_reason(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    client = as_user("compliance_officer")

    response = client.post(
        reverse("console:retention_hold_set"),
        {"scope": "application", "application": billing.pk, "reason": "Investigation 12"},
        follow=True,
    )

    hold = LegalHold.objects.get()
    assert hold.application_id == billing.pk and hold.reason == "Investigation 12" and not hold.subject
    html = response.content.decode()
    assert f"Legal hold {hold.pk} set on application billing." in html and "Investigation 12" in html
    (held,) = events(Event.AUDIT_LEGAL_HOLD_SET)
    assert meta(held)["reason"] == "Investigation 12" and held.actor_name == "carla-compliance"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"scope": "everything", "reason": ""}, "A reason is required to set a legal hold."),
        ({"scope": "application", "reason": "x"}, "Choose the application the hold covers."),
        ({"scope": "subject", "reason": "x"}, "Give the data subject the hold covers."),
    ],
)
def test_an_incomplete_legal_hold_is_explained_and_not_set(
    form: dict[str, str], message: str, as_user: Callable[[str], Client]
) -> None:
    response = as_user("compliance_officer").post(reverse("console:retention_hold_set"), form)

    assert response.status_code == 400 and message in response.content.decode()
    assert not LegalHold.objects.exists()


def test_a_hold_on_a_subject_stores_only_the_pseudonym(as_user: Callable[[str], Client]) -> None:
    as_user("compliance_officer").post(
        reverse("console:retention_hold_set"),
        {"scope": "subject", "subject_id": "ada@example.com", "reason": "DSAR"},
    )

    hold = LegalHold.objects.get()
    assert hold.subject.startswith("ps_") and "ada" not in hold.subject


def test_releasing_a_hold_asks_for_confirmation_then_records_it(
    as_user: Callable[[str], Client], hold: LegalHold
) -> None:
    client = as_user("compliance_officer")
    url = reverse("console:retention_hold_release", args=[hold.pk])

    confirm = client.get(url).content.decode()
    unconfirmed = client.post(url, {"reason": "case closed"})
    assert "Release legal hold" in confirm and "Litigation 88" in confirm
    assert unconfirmed.status_code == 200
    assert LegalHold.objects.get().released_at is None

    response = client.post(url, {"confirm": "yes", "reason": "case closed"}, follow=True)

    assert LegalHold.objects.get().released_at is not None
    assert f"Legal hold {hold.pk} released." in response.content.decode()
    (released,) = events(Event.AUDIT_LEGAL_HOLD_RELEASED)
    assert meta(released)["reason"] == "case closed"
    again = client.post(url, {"confirm": "yes"}, follow=True).content.decode()
    assert "already released" in again


# --- Erasure ---


def test_erasure_needs_the_subject_typed_twice_and_a_reason(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    request_record(billing, "ada's prompt", subject="ada")
    client = as_user("compliance_officer")
    url = reverse("console:retention_erase")

    mismatch = client.post(url, {"subject_id": "ada", "confirm_subject_id": "adam", "reason": "Art. 17"})
    no_reason = client.post(url, {"subject_id": "ada", "confirm_subject_id": "ada", "reason": " "})

    assert mismatch.status_code == no_reason.status_code == 400
    assert "This does not match the data subject above." in mismatch.content.decode()
    assert "A reason is required to erase a data subject." in no_reason.content.decode()
    assert not events(Event.AUDIT_SUBJECT_ERASED)
    assert DataKey.objects.filter(shredded_at__isnull=False).count() == 0


def test_erasing_a_subject_shreds_only_their_content_and_shows_the_report(
    as_user: Callable[[str], Client], billing: Application
) -> None:
    theirs = request_record(billing, "ada's prompt", subject="ada")
    others = request_record(billing, "bob's prompt", subject="bob")
    seal_all()

    response = as_user("compliance_officer").post(
        reverse("console:retention_erase"),
        {"subject_id": "ada", "confirm_subject_id": "ada", "reason": "GDPR Art. 17 request 123"},
    )

    html = response.content.decode()
    assert response.status_code == 200 and 'id="erasure-report"' in html
    assert theirs.subject in html and "Content keys shredded</dt><dd>1</dd>" in html
    assert decrypt_content(AuditRecord.objects.get(pk=theirs.pk)).unavailable
    assert decrypt_content(AuditRecord.objects.get(pk=others.pk)).content is not None
    (erased,) = events(Event.AUDIT_SUBJECT_ERASED)
    assert meta(erased)["reason"] == "GDPR Art. 17 request 123" and erased.actor_name == "carla-compliance"
    seal_all()
    assert verify_log().ok


def test_a_legal_hold_stops_an_erasure_and_the_page_names_it(
    as_user: Callable[[str], Client], billing: Application, hold: LegalHold
) -> None:
    row = request_record(billing, "ada's prompt", subject="ada")

    response = as_user("compliance_officer").post(
        reverse("console:retention_erase"),
        {"subject_id": "ada", "confirm_subject_id": "ada", "reason": "Art. 17"},
    )

    html = response.content.decode()
    assert response.status_code == 400 and f"legal hold {hold.pk}" in html and "Litigation 88" in html
    assert decrypt_content(AuditRecord.objects.get(pk=row.pk)).content is not None
    assert not events(Event.AUDIT_SUBJECT_ERASED)
