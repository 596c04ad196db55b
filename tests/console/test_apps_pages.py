"""Applications and keys: who sees which, a key shown once, revoke and rotate, policy changes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from appliance.roles import Role, grant
from audit.events import Event
from inference import keys, services
from inference.models import ApiKey, Application
from tests.console.conftest import SignIn, records

pytestmark = pytest.mark.django_db


@pytest.fixture
def model(tmp_path: Path) -> str:
    folder = tmp_path / "weights"
    folder.mkdir()
    (folder / "w.bin").write_bytes(b"w")
    services.do_register_model_version("smollm2-135m", folder)
    services.do_register_model_version("llama-8b", folder, version="x")
    return "smollm2-135m"


@pytest.fixture
def owned(app_owner: User, model: str) -> Application:
    return services.do_create_application("triage", owner=app_owner, allowed_models=[model])


@pytest.fixture
def other(django_user_model: type[User], model: str) -> Application:
    someone = django_user_model.objects.create_user("olga-other-owner")
    grant(someone, Role.APP_OWNER)
    return services.do_create_application("billing", owner=someone, allowed_models=[model])


@pytest.fixture
def key(owned: Application) -> ApiKey:
    return services.do_create_api_key(owned, name="prod").key


def app_url(name: str, app: Application, **kwargs: str) -> str:
    return reverse(f"console:{name}", kwargs={"name": app.name, **kwargs})


def secret_on(html: str) -> str:
    match = re.search(r'id="new-key-secret">([^<]+)<', html)
    assert match is not None, "the new key is on the page"
    return match.group(1)


# --- Who may open what ---


def test_an_administrator_opens_every_application_page(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, key: ApiKey
) -> None:
    signed_in(client, administrator)
    for url in [
        reverse("console:apps"),
        reverse("console:app_create"),
        app_url("app_detail", owned),
        app_url("app_models", owned),
        app_url("app_content", owned),
        app_url("key_revoke", owned, prefix=key.prefix),
        app_url("key_rotate", owned, prefix=key.prefix),
    ]:
        assert client.get(url).status_code == 200, url


def test_an_app_owner_sees_and_manages_only_their_own_applications(
    client: Client, signed_in: SignIn, app_owner: User, owned: Application, other: Application, key: ApiKey
) -> None:
    signed_in(client, app_owner)
    listing = client.get(reverse("console:apps")).content.decode()
    assert "triage" in listing and "billing" not in listing
    assert "New application" not in listing
    assert client.get(app_url("app_detail", owned)).status_code == 200
    assert client.get(app_url("key_rotate", owned, prefix=key.prefix)).status_code == 200

    other_key = services.do_create_api_key(other).key
    for url in [
        app_url("app_detail", other),
        app_url("key_revoke", other, prefix=other_key.prefix),
        app_url("key_rotate", other, prefix=other_key.prefix),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(app_url("key_create", other), {"once": "x"}).status_code == 403
    assert (
        client.post(app_url("key_revoke", other, prefix=other_key.prefix), {"confirm": "yes"}).status_code
        == 403
    )
    other_key.refresh_from_db()
    assert other_key.revoked_at is None


def test_an_app_owner_may_not_create_applications_or_change_their_policy(
    client: Client, signed_in: SignIn, app_owner: User, owned: Application
) -> None:
    signed_in(client, app_owner)
    assert client.get(reverse("console:app_create")).status_code == 403
    assert client.post(reverse("console:app_create"), {"name": "mine"}).status_code == 403
    assert client.get(app_url("app_models", owned)).status_code == 403
    assert client.post(app_url("app_models", owned), {"allow_all_models": "on"}).status_code == 403
    assert client.post(app_url("app_content", owned), {"audit_content": "full"}).status_code == 403
    owned.refresh_from_db()
    assert not owned.allow_all_models and owned.audit_content == "metadata"
    detail = client.get(app_url("app_detail", owned)).content.decode()
    assert "Set by administrators" in detail and "Change allowed models" not in detail


@pytest.mark.parametrize("who", ["compliance_officer", "auditor", "nobody"])
def test_compliance_auditors_and_people_without_a_role_see_no_application(
    who: str, client: Client, signed_in: SignIn, people: dict[str, User], owned: Application, key: ApiKey
) -> None:
    signed_in(client, people[who])
    for url in [
        reverse("console:apps"),
        reverse("console:app_create"),
        app_url("app_detail", owned),
        app_url("app_models", owned),
        app_url("app_content", owned),
        app_url("key_revoke", owned, prefix=key.prefix),
    ]:
        assert client.get(url).status_code == 403, (who, url)


def test_an_app_owner_without_applications_is_told_why_the_list_is_empty(
    client: Client, signed_in: SignIn, app_owner: User
) -> None:
    signed_in(client, app_owner)
    assert "You do not own an application yet" in client.get(reverse("console:apps")).content.decode()


# --- Creating applications and keys ---


def test_an_administrator_creates_an_application_with_models_owner_and_content_mode(
    client: Client, signed_in: SignIn, administrator: User, app_owner: User, model: str
) -> None:
    signed_in(client, administrator)
    answer = client.post(
        reverse("console:app_create"),
        {
            "name": "radiology",
            "description": "Reports",
            "owner": app_owner.pk,
            "allowed_models": [model],
            "audit_content": "full",
        },
    )
    assert answer.status_code == 302
    app = Application.objects.get(name="radiology")
    assert app.owner == app_owner and app.audit_content == "full"
    assert list(app.allowed_models.values_list("name", flat=True)) == [model]
    created = records(Event.APP_CREATED)[-1]
    assert (
        created["actor"]["name"] == administrator.username and created["meta"]["owner"] == app_owner.username
    )
    assert records(Event.APP_AUDIT_CONTENT_CHANGED)[-1]["meta"] == {"old": "metadata", "new": "full"}

    duplicate = client.post(reverse("console:app_create"), {"name": "radiology", "audit_content": "metadata"})
    assert duplicate.status_code == 400 and "already exists" in duplicate.content.decode()


def test_a_new_key_is_shown_once_and_works_as_a_key(
    client: Client, signed_in: SignIn, app_owner: User, owned: Application
) -> None:
    signed_in(client, app_owner)
    detail = client.get(app_url("app_detail", owned)).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', detail)
    assert once is not None
    shown = client.post(
        app_url("key_create", owned), {"name": "ci", "expires_in_days": "30", "once": once.group(1)}
    )
    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]
    secret = secret_on(shown.content.decode())
    stored = ApiKey.objects.get(application=owned, name="ci")
    assert keys.parse_prefix(secret) == stored.prefix and keys.matches(secret, stored.digest)
    assert stored.expires_at is not None and stored.created_by == app_owner

    # Never again: not in the list, and a reload of the form makes no second key.
    assert secret not in client.get(app_url("app_detail", owned)).content.decode()
    reload = client.post(app_url("key_create", owned), {"name": "ci", "once": once.group(1)})
    assert reload.status_code == 302
    assert ApiKey.objects.filter(application=owned).count() == 1
    assert records(Event.KEY_CREATED)[-1]["actor"]["name"] == app_owner.username


def test_revoking_a_key_asks_first_then_refuses_the_key(
    client: Client, signed_in: SignIn, app_owner: User, owned: Application, key: ApiKey
) -> None:
    signed_in(client, app_owner)
    url = app_url("key_revoke", owned, prefix=key.prefix)
    assert f"Revoke key {key.prefix} of triage?" in client.get(url).content.decode()
    client.post(url)  # no confirmation: nothing happens
    key.refresh_from_db()
    assert key.revoked_at is None
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    key.refresh_from_db()
    assert key.state == "revoked" and key.revoked_by == app_owner
    assert records(Event.KEY_REVOKED)[-1]["meta"] == {"old": {"state": "active"}, "new": {"state": "revoked"}}
    assert 'badge-bad">revoked' in client.get(app_url("app_detail", owned)).content.decode()


def test_rotating_a_key_shows_the_new_one_once_and_revokes_the_old(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, key: ApiKey
) -> None:
    signed_in(client, administrator)
    url = app_url("key_rotate", owned, prefix=key.prefix)
    assert "Rotate key" in client.get(url).content.decode()
    shown = client.post(url, {"confirm": "yes"})
    assert shown.status_code == 200
    html = shown.content.decode()
    secret = secret_on(html)
    assert f'Key <span class="mono">{key.prefix}</span> is revoked' in html
    key.refresh_from_db()
    new = ApiKey.objects.get(prefix=keys.parse_prefix(secret))
    assert key.state == "revoked" and new.state == "active" and new.name == "prod"
    rotated = records(Event.KEY_ROTATED)[-1]
    assert rotated["meta"] == {"old": {"prefix": key.prefix}, "new": {"prefix": new.prefix}}
    again = client.get(url)
    assert again.status_code == 302, "a revoked key cannot be rotated"


def test_an_administrator_changes_allowed_models_and_content_logging(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    signed_in(client, administrator)
    form = client.get(app_url("app_models", owned)).content.decode()
    assert 'value="smollm2-135m"' in form and "checked" in form
    assert client.post(app_url("app_models", owned), {"allowed_models": ["llama-8b"]}).status_code == 302
    assert list(owned.allowed_models.values_list("name", flat=True)) == ["llama-8b"]
    changed = records(Event.APP_MODELS_CHANGED)[-1]
    assert changed["meta"]["old"]["allowed_models"] == ["smollm2-135m"]
    assert changed["meta"]["new"]["allowed_models"] == ["llama-8b"]

    assert client.post(app_url("app_content", owned), {"audit_content": "none"}).status_code == 302
    owned.refresh_from_db()
    assert owned.audit_content == "none"
    assert records(Event.APP_AUDIT_CONTENT_CHANGED)[-1]["actor"]["name"] == administrator.username
    bad = client.post(app_url("app_content", owned), {"audit_content": "everything"})
    assert bad.status_code == 400


def test_an_unknown_application_is_a_404_page(client: Client, signed_in: SignIn, administrator: User) -> None:
    signed_in(client, administrator)
    page = client.get(reverse("console:app_detail", kwargs={"name": "nope"}))
    assert page.status_code == 404
