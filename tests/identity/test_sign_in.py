"""Signing in to the console through a real OpenID Connect provider, with mapped roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from appliance.roles import Role, grant
from appliance.services import stored_roles
from audit.events import Event
from identity.models import ExternalIdentity, ProviderSession
from inference.models import Application
from tests.identity.conftest import SLUG, Browser, Provider, provider_config, records

pytestmark = pytest.mark.django_db(transaction=True)


def _account(username: str) -> User:
    return ExternalIdentity.objects.select_related("user").get(provider=SLUG, user__username=username).user


def test_a_mapped_administrator_signs_in_and_gets_the_role(idp: Provider, browser: Browser) -> None:
    password = idp.user(
        "alice", claims={"preferred_username": "alice", "groups": ["airlock-admins", "staff"]}
    )

    attempt = browser.sign_in(idp, "alice", password)

    assert attempt.response.status_code == 200, attempt.response.text
    assert "Signed in with Corp SSO" in attempt.response.text
    # No TOTP step: the provider authenticated her; the administrators' page opens at once.
    users_page = browser.get("/console/users/")
    assert users_page.status_code == 200, users_page.headers.get("location")
    alice = _account("alice")
    assert stored_roles(alice) == {Role.ADMINISTRATOR}
    assert not alice.has_usable_password()  # only the provider signs her in
    # What the appliance asked for: the code flow with PKCE (S256) and a nonce, then a token
    # request that carried the verifier with the client's secret in Basic auth.
    params = attempt.authorize_params
    assert params["response_type"] == "code" and params["code_challenge_method"] == "S256"
    assert params["nonce"] and params["state"] and params["code_challenge"]
    token_request = next(entry for entry in idp.log() if entry["endpoint"] == "token")
    assert token_request["has_verifier"] and token_request["basic_auth"]


def test_sign_in_role_changes_and_sign_out_are_audited(idp: Provider, browser: Browser) -> None:
    password = idp.user("alice", claims={"preferred_username": "alice", "groups": ["airlock-admins"]})
    browser.sign_in(idp, "alice", password)
    alice = _account("alice")

    created = records(Event.USER_CREATED)[-1]
    assert created["meta"]["provider"] == SLUG and created["actor"]["name"] == f"sso:{SLUG}"
    roles = records(Event.SSO_ROLES_CHANGED)[-1]
    assert roles["target"]["id"] == str(alice.pk)
    assert roles["meta"]["old"] == [] and roles["meta"]["new"] == ["administrator"]
    assert roles["meta"]["matched"] == ["airlock-admins"] and roles["meta"]["claim"] == "groups"
    signed_in = records(Event.SIGN_IN)[-1]
    assert signed_in["actor"]["name"] == "alice" and signed_in["meta"]["sso"] == SLUG

    # The console's own sign-out button: the session ends and so does the provider session.
    page = browser.get("/console/account/")
    token = browser.http.cookies.get("csrftoken")
    assert page.status_code == 200 and token
    out = browser.http.post(
        browser.gateway + "/console/sign-out/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": browser.gateway + "/console/account/"},
    )
    assert out.status_code == 302
    assert records(Event.SIGN_OUT)[-1]["actor"]["name"] == "alice"
    assert not ProviderSession.objects.filter(identity__user=alice).exists()
    assert browser.get("/console/users/").status_code == 302  # back to the sign-in page

    # Her group changes at the provider: the next sign-in applies it, and says so.
    idp.user("alice", claims={"preferred_username": "alice", "groups": ["auditors"]})
    grant(User.objects.create_user("break-glass"), Role.ADMINISTRATOR)  # someone else stays admin
    browser.sign_in(idp, "alice", password)
    assert stored_roles(alice) == {Role.AUDITOR}
    change = records(Event.SSO_ROLES_CHANGED)[-1]
    assert change["meta"]["old"] == ["administrator"] and change["meta"]["new"] == ["auditor"]


def test_a_person_whose_claims_map_to_no_role_is_refused(idp: Provider, browser: Browser) -> None:
    password = idp.user("mallory", claims={"preferred_username": "mallory", "groups": ["staff", "admins"]})

    attempt = browser.sign_in(idp, "mallory", password)

    assert attempt.response.status_code == 403
    assert "No Airlock role is mapped" in attempt.response.text
    assert browser.get("/console/").status_code == 302  # not signed in
    assert not User.objects.filter(username="mallory").exists()  # deny by default: no account
    failed = records(Event.SIGN_IN_FAILED)[-1]
    assert failed["meta"]["step"] == "sso" and failed["meta"]["provider"] == SLUG
    assert failed["actor"]["name"] == "(failed) mallory"


def test_a_person_without_the_admin_group_gets_only_what_is_mapped(idp: Provider, browser: Browser) -> None:
    # "Administrators" is not in the mapping: only "auditors" grants anything.
    password = idp.user(
        "audrey", claims={"preferred_username": "audrey", "groups": ["auditors", "Administrators", "admin"]}
    )

    attempt = browser.sign_in(idp, "audrey", password)

    assert attempt.response.status_code == 200
    assert stored_roles(_account("audrey")) == {Role.AUDITOR}
    assert browser.get("/console/audit/").status_code == 200
    assert browser.get("/console/users/").status_code == 403


def test_an_application_mapping_makes_the_person_its_owner(idp: Provider, browser: Browser) -> None:
    Application.objects.create(name="billing-bot")
    password = idp.user("otto", claims={"preferred_username": "otto", "groups": ["team-billing"]})

    assert browser.sign_in(idp, "otto", password).response.status_code == 200

    otto = _account("otto")
    assert stored_roles(otto) == {Role.APP_OWNER}
    assert Application.objects.get(name="billing-bot").owner_id == otto.pk
    assert browser.get("/console/apps/billing-bot/").status_code == 200
    owner_change = records(Event.APP_OWNER_CHANGED)[-1]
    assert owner_change["meta"] == {"name": "billing-bot", "old": None, "new": "otto"}

    # Leaving the team at the provider gives the application up at the next sign-in.
    idp.user("otto", claims={"preferred_username": "otto", "groups": ["team-billing", "auditors"]})
    browser.sign_in(idp, "otto", password)
    idp.user("otto", claims={"preferred_username": "otto", "groups": ["auditors"]})
    browser.sign_in(idp, "otto", password)
    assert Application.objects.get(name="billing-bot").owner_id is None
    assert stored_roles(otto) == {Role.AUDITOR}


def test_a_provider_cannot_sign_anyone_in_to_a_local_account_of_the_same_name(
    idp: Provider, browser: Browser
) -> None:
    local = User.objects.create_user("root-admin")
    grant(local, Role.ADMINISTRATOR)
    password = idp.user("root-admin", claims={"preferred_username": "root-admin", "groups": ["auditors"]})

    browser.sign_in(idp, "root-admin", password)

    account = ExternalIdentity.objects.get(provider=SLUG).user
    assert account.pk != local.pk and account.username == f"root-admin.{SLUG}"
    assert stored_roles(local) == {Role.ADMINISTRATOR} and stored_roles(account) == {Role.AUDITOR}


def test_an_account_an_administrator_deactivated_stays_out(idp: Provider, browser: Browser) -> None:
    password = idp.user("alice", claims={"preferred_username": "alice", "groups": ["auditors"]})
    browser.sign_in(idp, "alice", password)
    alice = _account("alice")
    alice.is_active = False
    alice.save()

    attempt = Browser(browser.gateway).sign_in(idp, "alice", password)

    assert attempt.response.status_code == 403
    assert "deactivated by an administrator" in attempt.response.text
    alice.refresh_from_db()
    assert not alice.is_active


def test_the_sign_in_page_offers_each_provider_and_keeps_local_accounts(
    idp: Provider, browser: Browser
) -> None:
    page = browser.get("/console/sign-in/")

    assert page.status_code == 200
    assert f'href="/console/sso/{SLUG}/sign-in/' in page.text
    assert "Sign in with Corp SSO" in page.text
    assert 'name="password"' in page.text  # break-glass local accounts with TOTP remain


def test_an_unknown_provider_is_not_found(idp: Provider, browser: Browser) -> None:
    assert browser.get("/console/sso/nope/sign-in/").status_code == 404
    assert browser.get("/console/sso/nope/callback/?code=x&state=y").status_code == 404


def test_a_nested_claim_in_the_id_token_maps_roles_as_keycloak_sends_them(
    idp: Provider, browser: Browser, settings: Any
) -> None:
    settings.AIRLOCK_OIDC_PROVIDERS = {
        SLUG: provider_config(
            idp.url, roles_claim="realm_access.roles", role_map={"airlock-audit": ("auditor",)}
        )
    }
    password = idp.user(
        "kim",
        claims={"preferred_username": "kim"},  # userinfo without roles: they come in the ID token
        id_token_claims={"realm_access": {"roles": ["offline_access", "airlock-audit"]}},
    )

    assert browser.sign_in(idp, "kim", password).response.status_code == 200
    assert stored_roles(_account("kim")) == {Role.AUDITOR}


def test_the_management_api_accepts_the_session_of_a_mapped_administrator_only(
    idp: Provider, browser: Browser, another_browser: Browser
) -> None:
    admin_password = idp.user("alice", claims={"preferred_username": "alice", "groups": ["airlock-admins"]})
    auditor_password = idp.user("audrey", claims={"preferred_username": "audrey", "groups": ["auditors"]})
    browser.sign_in(idp, "alice", admin_password)
    another_browser.sign_in(idp, "audrey", auditor_password)

    # The provider's sign-in stands for the TOTP step the API asks of administrators.
    assert browser.get("/api/routes/").status_code == 200
    assert another_browser.get("/api/routes/").status_code == 403


def test_roles_from_a_signed_userinfo_response_are_used(idp: Provider, browser: Browser) -> None:
    idp.control("tamper", {"signed_userinfo": True})
    password = idp.user("sam", claims={"preferred_username": "sam", "groups": ["compliance"]})

    assert browser.sign_in(idp, "sam", password).response.status_code == 200
    assert stored_roles(_account("sam")) == {Role.COMPLIANCE_OFFICER}


def test_several_providers_each_have_their_button_their_mapping_and_their_accounts(
    idp: Provider, browser: Browser, another_browser: Browser, settings: Any, live_gateway: str
) -> None:
    # A second provider (here the same server under another client registration) whose
    # mapping makes the same group mean less.
    idp.control(
        "client",
        {
            "client_id": "airlock-console",
            "client_secret": "s3cret/with:odd&chars",
            "redirect_uris": [
                f"{live_gateway}/console/sso/{SLUG}/callback/",
                f"{live_gateway}/console/sso/partner/callback/",
            ],
        },
    )
    settings.AIRLOCK_OIDC_PROVIDERS = {
        SLUG: provider_config(idp.url),
        "partner": provider_config(
            idp.url, slug="partner", name="Partner SSO", role_map={"airlock-admins": ("auditor",)}
        ),
    }
    page = browser.get("/console/sign-in/")
    assert "Sign in with Corp SSO" in page.text and "Sign in with Partner SSO" in page.text
    password = idp.user("alice", claims={"preferred_username": "alice", "groups": ["airlock-admins"]})

    assert browser.sign_in(idp, "alice", password).response.status_code == 200
    assert another_browser.sign_in(idp, "alice", password, slug="partner").response.status_code == 200

    # One account per provider and subject: the same person at two providers is two accounts,
    # each with what its own provider's mapping gives.
    corp = ExternalIdentity.objects.get(provider=SLUG).user
    partner = ExternalIdentity.objects.get(provider="partner").user
    assert corp.pk != partner.pk and partner.username == "alice.partner"
    assert stored_roles(corp) == {Role.ADMINISTRATOR} and stored_roles(partner) == {Role.AUDITOR}
    assert browser.get("/console/users/").status_code == 200
    assert another_browser.get("/console/users/").status_code == 403


def test_a_required_acr_is_asked_for_and_checked(idp: Provider, browser: Browser, settings: Any) -> None:
    settings.AIRLOCK_OIDC_PROVIDERS = {SLUG: provider_config(idp.url, acr_values=("mfa",))}
    password = idp.user(
        "alice",
        claims={"preferred_username": "alice", "groups": ["auditors"]},
        id_token_claims={"acr": "pwd"},
    )

    attempt = browser.sign_in(idp, "alice", password)

    assert attempt.authorize_params["acr_values"] == "mfa"
    assert attempt.response.status_code == 403 and "(acr)" in attempt.response.text
    idp.user("alice", id_token_claims={"acr": "mfa"})
    assert browser.sign_in(idp, "alice", password).response.status_code == 200
