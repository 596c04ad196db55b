"""Egress: providers (key files, never keys), external models, policies, and the redaction preview."""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.events import Event
from audit.models import AuditRecord
from inference import services
from inference.models import Application, Model, Provider
from redaction import cache, policy
from redaction import services as redaction
from redaction.models import EgressPolicy
from tests.console.conftest import SignIn, records
from tests.keyfiles import write_key_file

pytestmark = pytest.mark.django_db

TEXT = "Please email Jane Doe at jane.doe@example.com about her appointment."
SECRET = "sk-proj-Xq7vN3tR9sLm2Kp8Wd4Yb6Hc1Fg5Jz0"


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    # Effective policies and findings are remembered per process; ids repeat after a rollback.
    cache.cache().clear()
    policy.forget()
    yield
    cache.cache().clear()
    policy.forget()


@pytest.fixture
def owned(app_owner: User) -> Application:
    return services.do_create_application("triage", owner=app_owner)


@pytest.fixture
def provider() -> Provider:
    key_file = write_key_file("not-a-real-key")
    return services.do_register_provider(
        "openai",
        "openai",
        "https://api.openai.com/v1",
        settings=services.ProviderSettings(api_key_file=str(key_file), region="eu-west-1"),
    )


@pytest.fixture
def external(provider: Provider) -> Model:
    return services.do_register_external_model("gpt-4o-mini", provider, "gpt-4o-mini-2024-07-18")


def page(response: Any) -> str:
    return html_lib.unescape(response.content.decode())


PROVIDER_FORM = {
    "name": "azure-eu",
    "kind": "openai",
    "base_url": "https://example-eu.openai.azure.com/openai/v1",
    "api_key_file": "/etc/airlock/providers/azure.key",
    "region": "westeurope",
    "timeout_seconds": "30",
    "max_retries": "2",
    "breaker_threshold": "5",
    "breaker_cooldown_seconds": "30",
    "extra_headers": "",
    "is_enabled": "on",
}


def policy_form(**changes: Any) -> dict[str, Any]:
    """The policy form as a browser sends it, with no pattern rows filled in."""
    data: dict[str, Any] = {
        "providers_mode": "selected",
        "providers": [],
        "entities_mode": "all",
        "default_action": "placeholder",
        "threshold": "0.5",
        "deny_terms": "",
        "allow_terms": "",
        "patterns-TOTAL_FORMS": "2",
        "patterns-INITIAL_FORMS": "0",
        "patterns-MIN_NUM_FORMS": "0",
        "patterns-MAX_NUM_FORMS": "100",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# --- Who may open what ---


def test_an_administrator_opens_every_egress_page(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, external: Model
) -> None:
    signed_in(client, administrator)
    for url in [
        reverse("console:egress"),
        reverse("console:provider_add"),
        reverse("console:provider_edit", kwargs={"name": "openai"}),
        reverse("console:external_model_add"),
        reverse("console:external_model_remove", kwargs={"name": external.name}),
        reverse("console:egress_policy"),
        reverse("console:egress_policy_app", kwargs={"name": owned.name}),
        reverse("console:egress_preview"),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["app_owner", "compliance_officer", "auditor", "nobody"])
def test_everyone_but_administrators_is_refused_every_egress_page(
    client: Client, signed_in: SignIn, people: dict[str, User], who: str, owned: Application, external: Model
) -> None:
    signed_in(client, people[who])
    for url in [
        reverse("console:egress"),
        reverse("console:provider_add"),
        reverse("console:provider_edit", kwargs={"name": "openai"}),
        reverse("console:external_model_add"),
        reverse("console:external_model_remove", kwargs={"name": external.name}),
        reverse("console:egress_policy"),
        reverse("console:egress_policy_app", kwargs={"name": owned.name}),  # their own app's too
        reverse("console:egress_preview"),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("console:provider_add"), PROVIDER_FORM).status_code == 403
    assert client.post(reverse("console:egress_policy"), policy_form(enabled="on")).status_code == 403
    assert client.post(reverse("console:egress_preview"), {"text": TEXT}).status_code == 403
    assert not Provider.objects.filter(name="azure-eu").exists()
    assert not EgressPolicy.objects.exists()
    assert not AuditRecord.objects.filter(event=Event.EGRESS_PREVIEWED).exists()


def test_with_no_provider_the_page_says_egress_stays_off(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    html = page(client.get(reverse("console:egress")))
    assert "No providers yet — egress stays off until you add one and enable a policy" in html
    assert "Egress is off:" in html


# --- Providers and external models ---


def test_an_administrator_adds_a_provider_by_naming_its_key_file(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    form = page(client.get(reverse("console:provider_add")))
    assert 'name="api_key_file"' in form and 'type="password"' not in form
    key = write_key_file("sk-azure-never-shown")
    response = client.post(
        reverse("console:provider_add"),
        {**PROVIDER_FORM, "api_key_file": str(key), "extra_headers": "X-Team: radiology"},
    )
    assert response.status_code == 302
    added = Provider.objects.get(name="azure-eu")
    assert added.api_key_file == str(key)
    assert added.region == "westeurope" and added.extra_headers == {"X-Team": "radiology"}
    (body,) = records(Event.PROVIDER_REGISTERED.value)
    assert body["actor"]["name"] == administrator.username
    listing = page(client.get(reverse("console:egress")))
    assert "azure-eu" in listing and "key file ok" in listing
    key.unlink()
    assert "key file missing" in page(client.get(reverse("console:egress")))


def test_a_pasted_api_key_is_refused_and_never_stored_or_audited(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    response = client.post(reverse("console:provider_add"), {**PROVIDER_FORM, "api_key_file": SECRET})
    assert response.status_code == 400
    html = page(response)
    assert "looks like an API key, not a file path" in html
    assert SECRET not in html  # not even echoed back into the form
    assert not Provider.objects.exists()
    assert not AuditRecord.objects.filter(body__contains=SECRET).exists()


def test_a_relative_key_path_gets_the_services_message(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    response = client.post(
        reverse("console:provider_add"), {**PROVIDER_FORM, "api_key_file": "keys/azure.key"}
    )
    assert response.status_code == 400
    assert "must be an absolute path" in page(response)


def test_a_provider_is_edited_and_disabled(
    client: Client, signed_in: SignIn, administrator: User, provider: Provider
) -> None:
    signed_in(client, administrator)
    url = reverse("console:provider_edit", kwargs={"name": "openai"})
    html = page(client.get(url))
    assert "eu-west-1" in html and "key file ok" in html
    data = {**PROVIDER_FORM, "name": "renamed", "kind": "anthropic", "base_url": provider.base_url}
    data.pop("is_enabled")
    data["api_key_file"] = provider.api_key_file
    data["region"] = "eu-west-1"
    assert client.post(url, data).status_code == 302
    provider.refresh_from_db()
    assert not provider.is_enabled and provider.timeout_seconds == 30.0
    assert provider.name == "openai" and provider.kind == "openai"  # cannot change here
    (changed,) = records(Event.PROVIDER_CHANGED.value)
    assert changed["meta"]["new"]["is_enabled"] is False


def test_external_models_are_added_and_removed_with_confirmation(
    client: Client, signed_in: SignIn, administrator: User, provider: Provider
) -> None:
    signed_in(client, administrator)
    data = {
        "name": "gpt-4o-mini",
        "provider": "openai",
        "remote_name": "gpt-4o-mini-2024-07-18",
        "description": "",
    }
    assert client.post(reverse("console:external_model_add"), data).status_code == 302
    model = Model.objects.get(name="gpt-4o-mini")
    assert model.provider == provider and model.remote_name == "gpt-4o-mini-2024-07-18"
    assert records(Event.MODEL_EXTERNAL_REGISTERED.value)

    remove = reverse("console:external_model_remove", kwargs={"name": "gpt-4o-mini"})
    assert "Remove model" in page(client.get(remove))
    assert Model.objects.filter(name="gpt-4o-mini").exists()
    assert client.post(remove, {"confirm": "yes"}).status_code == 302
    assert not Model.objects.filter(name="gpt-4o-mini").exists()
    assert records(Event.MODEL_EXTERNAL_REMOVED.value)


def test_a_local_models_name_cannot_be_taken_by_an_external_model(
    client: Client, signed_in: SignIn, administrator: User, provider: Provider
) -> None:
    Model.objects.create(name="smollm2-135m")
    signed_in(client, administrator)
    data = {"name": "smollm2-135m", "provider": "openai", "remote_name": "gpt-4o", "description": ""}
    response = client.post(reverse("console:external_model_add"), data)
    assert response.status_code == 400 and "is a local model" in page(response)


# --- Policies ---


def test_the_global_policy_is_turned_on_with_a_warning_and_audited(
    client: Client, signed_in: SignIn, administrator: User, provider: Provider
) -> None:
    signed_in(client, administrator)
    url = reverse("console:egress_policy")
    html = page(client.get(url))
    assert "Turning egress on lets requests leave this appliance" in html
    assert 'id="id_action_US_SSN"' in html  # a select per entity type
    response = client.post(
        url,
        policy_form(
            enabled="on",
            providers=["openai"],
            action_US_SSN="refuse",
            action_PERSON="redact",
            deny_terms="Project Falcon\n\nAcme Labs",
            threshold="0.4",
        ),
    )
    assert response.status_code == 302, page(response)
    row = EgressPolicy.objects.get(application__isnull=True)
    assert row.enabled and row.allowed_providers == ["openai"]
    assert row.entity_actions == {"PERSON": "redact", "US_SSN": "refuse"}
    assert row.deny_terms == ["Project Falcon", "Acme Labs"] and row.threshold == 0.4
    (body,) = records(Event.EGRESS_POLICY_CHANGED.value)
    assert body["actor"]["name"] == administrator.username
    assert body["meta"]["new"]["enabled"] is True and body["meta"]["old"]["enabled"] is False
    assert "its switch is ON" in page(client.get(response["Location"]))


def test_an_applications_policy_follows_the_global_one_where_left_empty(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, provider: Provider
) -> None:
    redaction.do_set_egress_policy(None, {"enabled": True, "allowed_providers": ["openai"]})
    signed_in(client, administrator)
    url = reverse("console:egress_policy_app", kwargs={"name": owned.name})
    html = page(client.get(url))
    assert "As the global policy" in html
    data = policy_form(
        enabled="on", providers_mode="inherit", entities_mode="inherit", default_action="", threshold=""
    )
    assert client.post(url, data).status_code == 302
    row = EgressPolicy.objects.get(application=owned)
    assert row.enabled and row.allowed_providers is None and row.entities is None and row.threshold is None
    effective = policy.resolve(owned.pk)
    assert effective.enabled and effective.allowed_providers == frozenset({"openai"})
    assert "egress allowed" in page(client.get(reverse("console:egress")))


def test_a_custom_pattern_is_saved_and_a_dangerous_one_is_refused_with_the_services_reason(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    url = reverse("console:egress_policy")
    good = policy_form(
        **{
            "patterns-0-name": "employee-id",
            "patterns-0-entity_type": "employee_id",
            "patterns-0-regex": r"\bEMP-\d{6}\b",
            "patterns-0-score": "0.9",
        }
    )
    assert client.post(url, good).status_code == 302
    row = EgressPolicy.objects.get(application__isnull=True)
    assert row.patterns == [
        {"name": "employee-id", "entity_type": "EMPLOYEE_ID", "regex": r"\bEMP-\d{6}\b", "score": 0.9}
    ]
    assert 'value="employee-id"' in page(client.get(url))  # shown again for editing

    bad = policy_form(
        **{
            "patterns-TOTAL_FORMS": "3",
            "patterns-INITIAL_FORMS": "1",
            "patterns-0-name": "employee-id",
            "patterns-0-entity_type": "EMPLOYEE_ID",
            "patterns-0-regex": r"\bEMP-\d{6}\b",
            "patterns-1-name": "runaway",
            "patterns-1-entity_type": "CASE_REF",
            "patterns-1-regex": "(a+)+$",
        }
    )
    response = client.post(url, bad)
    assert response.status_code == 400
    html = page(response)
    assert 'id="pattern-errors"' in html and "Pattern 'runaway'" in html
    row.refresh_from_db()
    assert len(row.patterns) == 1
    assert len(records(Event.EGRESS_POLICY_CHANGED.value)) == 1

    # Ticking Remove deletes a pattern.
    removed = policy_form(
        **{
            "patterns-TOTAL_FORMS": "1",
            "patterns-INITIAL_FORMS": "1",
            "patterns-0-name": "employee-id",
            "patterns-0-entity_type": "EMPLOYEE_ID",
            "patterns-0-regex": r"\bEMP-\d{6}\b",
            "patterns-0-DELETE": "on",
        }
    )
    assert client.post(url, removed).status_code == 302
    row.refresh_from_db()
    assert row.patterns == []


def test_an_unknown_provider_in_a_policy_is_refused(
    client: Client, signed_in: SignIn, administrator: User, provider: Provider
) -> None:
    signed_in(client, administrator)
    response = client.post(reverse("console:egress_policy"), policy_form(providers=["nope"]))
    assert response.status_code == 400  # not one of the choices
    assert not EgressPolicy.objects.exists()


# --- The preview ---


def test_the_preview_shows_exactly_what_would_be_sent_and_never_records_the_text(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, provider: Provider
) -> None:
    redaction.do_set_egress_policy(None, {"enabled": True, "allowed_providers": ["openai"]})
    redaction.do_set_egress_policy(owned, {"enabled": True})
    signed_in(client, administrator)
    response = client.post(
        reverse("console:egress_preview"), {"text": TEXT, "application": owned.name, "provider": "openai"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = page(response)
    sent = "Please email <PERSON_1> at <EMAIL_ADDRESS_1> about her appointment."
    assert f'<pre class="preview-sent" id="preview-sent">{sent}</pre>' in html
    assert 'id="preview-findings"' in html and "jane.doe@example.com" in html  # shown back to the admin
    assert "Egress is off here" not in html and "would be refused" not in html

    (row,) = AuditRecord.objects.filter(event=Event.EGRESS_PREVIEWED)
    assert row.actor_name == administrator.username and row.application_id == owned.pk
    assert "Jane" not in row.body and "jane.doe" not in row.body and row.content is None
    assert not AuditRecord.objects.filter(body__contains="appointment").exists()


def test_the_preview_says_when_egress_is_off_or_the_text_would_be_refused(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    redaction.do_set_egress_policy(None, {"entity_actions": {"EMAIL_ADDRESS": "refuse"}})
    signed_in(client, administrator)
    html = page(client.post(reverse("console:egress_preview"), {"text": TEXT, "application": owned.name}))
    assert "Egress is off here" in html
    assert "The request would be refused" in html and "EMAIL_ADDRESS" in html
    nothing = page(client.post(reverse("console:egress_preview"), {"text": "The weather is fine today."}))
    assert 'id="preview-nothing-found"' in nothing


def test_an_empty_preview_is_refused_without_a_record(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    response = client.post(reverse("console:egress_preview"), {"text": ""})
    assert response.status_code == 400
    assert not AuditRecord.objects.filter(event=Event.EGRESS_PREVIEWED).exists()


def test_a_preview_box_is_on_the_egress_page(client: Client, signed_in: SignIn, administrator: User) -> None:
    signed_in(client, administrator)
    html = page(client.get(reverse("console:egress")))
    assert 'id="preview-form"' in html and f'action="{reverse("console:egress_preview")}"' in html
