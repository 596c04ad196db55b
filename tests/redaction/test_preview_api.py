"""The egress-policy API and ``airlock redaction``: who may do what, and what a preview shows."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import include, path
from rest_framework.test import APIClient

from appliance import cli
from audit.events import Event
from audit.models import AuditRecord
from inference.models import Application, Provider
from redaction import policy
from tests.redaction.conftest import set_policy

# The same mount as appliance/urls.py, so these tests do not depend on that file's state.
urlpatterns = [path("api/redaction/", include("redaction.urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ROOT = Path(__file__).resolve().parents[2]
ROLES = ["administrator", "compliance_officer", "auditor", "app_owner", "nobody", "anonymous"]
TEXT = "Please email Jane Doe at jane.doe@example.com about her appointment."


def call(client: APIClient, endpoint: str, triage: Application, billing: Application) -> Any:
    return {
        "policy.get": lambda: client.get("/api/redaction/policy/"),
        "policy.put": lambda: client.put("/api/redaction/policy/", {"threshold": 0.4}, format="json"),
        "own_app_policy.get": lambda: client.get(f"/api/redaction/applications/{triage.pk}/policy/"),
        "other_app_policy.get": lambda: client.get(f"/api/redaction/applications/{billing.pk}/policy/"),
        "own_app_policy.put": lambda: client.put(
            f"/api/redaction/applications/{triage.pk}/policy/", {"enabled": True}, format="json"
        ),
        "entities.get": lambda: client.get("/api/redaction/entities/"),
        "preview.post": lambda: client.post("/api/redaction/preview", {"text": TEXT}, format="json"),
    }[endpoint]()


ADMIN_ONLY = {"administrator": 200}
EXPECTED: dict[str, dict[str, int]] = {
    "policy.get": ADMIN_ONLY,
    "policy.put": ADMIN_ONLY,
    "own_app_policy.get": {"administrator": 200, "app_owner": 200},  # triage belongs to the app owner
    "other_app_policy.get": ADMIN_ONLY,
    "own_app_policy.put": ADMIN_ONLY,
    "entities.get": ADMIN_ONLY,
    "preview.post": ADMIN_ONLY,
}


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_each_endpoint_answers_only_the_roles_it_serves(
    endpoint: str, who: str, as_user: Callable[[str], APIClient], triage: Application, billing: Application
) -> None:
    client = as_user(who)
    before = AuditRecord.objects.count()

    response = call(client, endpoint, triage, billing)

    expected = EXPECTED[endpoint].get(who)
    if expected is None:
        # Session authentication has no WWW-Authenticate challenge, so DRF answers 403.
        assert response.status_code in ((401, 403) if who == "anonymous" else (403,)), response.content
        assert AuditRecord.objects.count() == before  # nothing changed, nothing previewed
        assert b"jane.doe" not in response.content
    else:
        assert response.status_code == expected, response.content
        assert response["X-Request-ID"]


def test_the_global_policy_is_shown_with_its_defaults_and_what_is_in_effect(
    as_user: Callable[[str], APIClient],
) -> None:
    data = as_user("administrator").get("/api/redaction/policy/").json()

    assert data["scope"] == "global" and data["enabled"] is False
    assert data["allowed_providers"] == [] and data["entities"] == ["*"]
    assert data["default_action"] == "placeholder" and data["threshold"] == 0.5
    assert data["effective"]["enabled"] is False and "disabled" in data["effective"]["disabled_reason"]


def test_an_administrator_changes_only_the_fields_sent_and_bad_values_get_a_400(
    as_user: Callable[[str], APIClient], triage: Application
) -> None:
    Provider.objects.create(name="openai", kind="openai", base_url="https://api.openai.com/v1")
    client = as_user("administrator")

    response = client.put(
        "/api/redaction/policy/",
        {"enabled": True, "allowed_providers": ["openai"], "entity_actions": {"US_SSN": "refuse"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["threshold"] == 0.5 and response.json()["updated_by"] == "adam-admin"

    response = client.put(
        f"/api/redaction/applications/{triage.pk}/policy", {"enabled": True, "threshold": 0.3}, format="json"
    )
    data = response.json()
    assert data["threshold"] == 0.3 and data["allowed_providers"] is None  # null: as global
    assert data["effective"]["enabled"] is True and data["effective"]["allowed_providers"] == ["openai"]
    assert data["effective"]["entity_actions"] == {"US_SSN": "refuse"}

    bad = client.put(
        "/api/redaction/policy/",
        {"patterns": [{"name": "x", "entity_type": "X", "regex": "(a"}]},
        format="json",
    )
    assert bad.status_code == 400 and "patterns" in bad.json()
    bad = client.put("/api/redaction/policy/", {"entity_actions": {"PERSON": "hide"}}, format="json")
    assert bad.status_code == 400 and "entity_actions" in bad.json()


def test_an_app_owner_reads_the_policy_in_effect_for_their_app(
    as_user: Callable[[str], APIClient], triage: Application
) -> None:
    data = as_user("app_owner").get(f"/api/redaction/applications/{triage.pk}/policy/").json()

    assert data["application"] == {"id": triage.pk, "name": "triage"}
    assert data["enabled"] is False and data["effective"]["disabled_by"] == "global"


def test_a_preview_shows_what_would_be_sent_and_records_counts_never_the_text(
    as_user: Callable[[str], APIClient], triage: Application
) -> None:
    response = as_user("administrator").post(
        "/api/redaction/preview",
        {"text": TEXT, "application_id": triage.pk, "provider": "openai"},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"].split(", ")
    data = response.json()
    assert data["sent"] == "Please email <PERSON_1> at <EMAIL_ADDRESS_1> about her appointment."
    assert data["body"]["messages"] == [{"role": "user", "content": data["sent"]}]
    assert data["placeholders"] == {"<PERSON_1>": "Jane Doe", "<EMAIL_ADDRESS_1>": "jane.doe@example.com"}
    assert data["findings"][0] == {
        "type": "PERSON",
        "start": 13,
        "end": 21,
        "score": 0.85,
        "action": "placeholder",
        "replacement": "<PERSON_1>",
    }
    assert data["egress"] == {
        "enabled": False,
        "disabled_reason": policy.resolve(triage.pk).disabled_reason,
        "provider": "openai",
        "provider_allowed": False,
    }
    assert data["would_refuse"] is False and data["counts"] == {"EMAIL_ADDRESS": 1, "PERSON": 1}

    (row,) = AuditRecord.objects.filter(event=Event.EGRESS_PREVIEWED)
    assert row.actor_name == "adam-admin" and row.application_id == triage.pk
    meta = json.loads(row.body)["meta"]
    assert meta["chars"] == len(TEXT) and meta["counts"] == {"EMAIL_ADDRESS": 1, "PERSON": 1}
    assert "Jane" not in row.body and "jane.doe" not in row.body and row.content is None


def test_a_preview_says_when_the_policy_would_refuse_the_text(
    as_user: Callable[[str], APIClient], providers: list[Provider]
) -> None:
    set_policy(entity_actions={"EMAIL_ADDRESS": "refuse", "PERSON": "redact"})

    data = as_user("administrator").post("/api/redaction/preview", {"text": TEXT}, format="json").json()

    assert data["would_refuse"] is True and data["refused_types"] == ["EMAIL_ADDRESS"]
    by_type = {f["type"]: f for f in data["findings"]}
    assert by_type["EMAIL_ADDRESS"]["replacement"] is None and by_type["EMAIL_ADDRESS"]["action"] == "refuse"
    assert by_type["PERSON"]["replacement"] == "[PERSON]"


# --- The command line ---


def airlock(*args: str) -> str:
    out = StringIO()
    call_command("redaction", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_cli_preview_prints_what_would_be_sent_and_what_each_finding_becomes(triage: Application) -> None:
    out = airlock("preview", TEXT, "--app", "triage")

    assert "Egress:     off" in out
    assert "Would send:\n  Please email <PERSON_1> at <EMAIL_ADDRESS_1> about her appointment." in out
    assert "PERSON               placeholder   0.85  <PERSON_1>             Jane Doe" in out
    assert AuditRecord.objects.filter(event=Event.EGRESS_PREVIEWED, application_id=triage.pk).count() == 1

    data = json.loads(airlock("preview", TEXT, "--json"))
    assert (
        data["sent"].startswith("Please email <PERSON_1>")
        and data["placeholders"]["<PERSON_1>"] == "Jane Doe"
    )


def test_the_cli_sets_and_shows_the_policy(providers: list[Provider], triage: Application) -> None:
    out = airlock(
        "policy", "set", "--enable", "--allow-provider", "openai", "--action", "US_SSN=refuse",
        "--deny", "Project Falcon", "--pattern", r"mrn:medical_record:MRN-\d{6}",
    )  # fmt: skip
    assert "Changed the global egress policy" in out

    airlock(
        "policy",
        "set",
        "--app",
        "triage",
        "--enable",
        "--threshold",
        "0.4",
        "--action",
        "PHONE_NUMBER=redact",
    )
    shown = airlock("policy", "show", "--app", "triage")

    assert "Egress policy of application triage" in shown
    assert "allowed providers  as global" in shown
    assert "threshold          0.4" in shown
    assert "actions            PHONE_NUMBER=redact, US_SSN=refuse" in shown  # in effect: both
    assert 'deny terms         "Project Falcon"' in shown
    assert r"mrn              MEDICAL_RECORD       MRN-\d{6}" in shown
    found = policy.resolve(triage.pk)
    assert found.enabled and found.allows("openai") and found.threshold == 0.4

    airlock("policy", "set", "--app", "triage", "--inherit", "threshold", "--action", "PHONE_NUMBER=default")
    found = policy.resolve(triage.pk)
    assert found.threshold == 0.5 and found.action_for("PHONE_NUMBER") == "placeholder"


def test_the_cli_explains_a_bad_change_and_refuses_an_actor_who_is_not_an_administrator(
    auditor: User, providers: list[Provider]
) -> None:
    with pytest.raises(CommandError, match="threshold: Must be a number from 0 to 1"):
        airlock("policy", "set", "--threshold", "2")
    with pytest.raises(CommandError, match="not an administrator"):
        airlock("policy", "set", "--enable", "--actor", auditor.username)
    with pytest.raises(CommandError, match="Nothing to change"):
        airlock("policy", "set")


def test_airlock_help_lists_the_redaction_commands() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        cli.main(["airlock", "--help"])
    assert "airlock redaction preview" in out.getvalue()
    assert "airlock redaction policy set" in out.getvalue()

    done = subprocess.run(
        [sys.executable, "manage.py", "redaction", "policy", "set", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for option in (
        "--enable",
        "--allow-provider",
        "--action",
        "--threshold",
        "--deny",
        "--allow",
        "--pattern",
    ):
        assert option in done.stdout
