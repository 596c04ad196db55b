"""Sessions are re-checked with the provider: a person disabled there loses access at the next
check and their account is deactivated, so their personal API tokens stop working too."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.contrib.auth.models import User

from appliance.roles import Role, grant
from appliance.services import stored_roles
from appliance.tokens import TokenRefused, authenticate, do_create_token
from audit.events import Event
from identity.models import ExternalIdentity, ProviderSession
from tests.conftest import free_port
from tests.identity.conftest import SLUG, Browser, Provider, provider_config, records

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN = {"preferred_username": "alice", "groups": ["airlock-admins"]}


@pytest.fixture
def quick_refresh(settings: Any) -> float:
    """Sessions due for their check one second after it (the product's default is 15 minutes)."""
    settings.AIRLOCK_OIDC_REFRESH_SECONDS = 1
    return 1.1


def _alice() -> User:
    return ExternalIdentity.objects.get(provider=SLUG).user  # type: ignore[return-value]


def _signed_in_alice(idp: Provider, browser: Browser) -> str:
    password = idp.user("alice", claims=ADMIN)
    # Someone else stays administrator (a local break-glass account).
    grant(User.objects.create_user("break-glass"), Role.ADMINISTRATOR)
    assert browser.sign_in(idp, "alice", password).response.status_code == 200
    assert browser.get("/console/users/").status_code == 200
    return password


def test_a_person_disabled_at_the_provider_loses_access_at_the_next_check(
    idp: Provider, browser: Browser, quick_refresh: float
) -> None:
    password = _signed_in_alice(idp, browser)
    token = do_create_token(_alice(), name="ci")
    assert authenticate(token.plaintext)[0].pk == _alice().pk

    idp.user("alice", enabled=False)
    time.sleep(quick_refresh)
    response = browser.get("/console/users/")

    assert response.status_code == 302 and "/console/sign-in/" in response.headers["location"]
    alice = _alice()
    assert not alice.is_active
    with pytest.raises(TokenRefused):
        authenticate(token.plaintext)  # her personal API token stops working with her account
    ended = records(Event.SSO_SESSION_ENDED)[-1]
    assert ended["target"]["id"] == str(alice.pk) and "invalid_grant" in ended["meta"]["reason"]
    deactivated = records(Event.USER_DEACTIVATED)[-1]
    assert deactivated["actor"]["name"] == f"sso:{SLUG}" and deactivated["meta"]["new"] == {"active": False}
    assert not ProviderSession.objects.filter(identity__user=alice).exists()
    # The provider refuses her sign-in too, so she cannot come back while disabled.
    params = browser.start()
    refused = browser.http.post(
        f"{idp.url}/authorize", data={**params, "username": "alice", "password": password}
    )
    assert refused.status_code == 200 and "disabled" in refused.text

    # Enabled again at the provider: her next sign-in reactivates the account.
    idp.user("alice", enabled=True)
    assert Browser(browser.gateway).sign_in(idp, "alice", password).response.status_code == 200
    assert _alice().is_active
    assert records(Event.USER_REACTIVATED)[-1]["actor"]["name"] == f"sso:{SLUG}"


def test_a_session_is_not_asked_about_before_it_is_due(idp: Provider, browser: Browser) -> None:
    _signed_in_alice(idp, browser)
    idp.user("alice", enabled=False)

    # Within the 15 minutes since the last check nothing is asked: the session goes on.
    assert browser.get("/console/users/").status_code == 200
    assert [e for e in idp.log() if e.get("grant_type") == "refresh_token"] == []


def test_role_changes_at_the_provider_apply_at_the_next_check_and_are_audited(
    idp: Provider, browser: Browser, quick_refresh: float
) -> None:
    _signed_in_alice(idp, browser)
    idp.user("alice", claims={"preferred_username": "alice", "groups": ["auditors"]})
    time.sleep(quick_refresh)

    assert browser.get("/console/users/").status_code == 403
    assert browser.get("/console/audit/").status_code == 200
    assert stored_roles(_alice()) == {Role.AUDITOR}
    change = records(Event.SSO_ROLES_CHANGED)[-1]
    assert change["meta"]["old"] == ["administrator"] and change["meta"]["new"] == ["auditor"]
    refreshes = [e for e in idp.log() if e.get("grant_type") == "refresh_token"]
    assert len(refreshes) == 1  # one check for the two requests that followed


def test_losing_every_mapped_group_ends_the_session_without_deactivating(
    idp: Provider, browser: Browser, quick_refresh: float
) -> None:
    _signed_in_alice(idp, browser)
    idp.user("alice", claims={"preferred_username": "alice", "groups": ["staff"]})
    time.sleep(quick_refresh)

    assert browser.get("/console/").status_code == 302
    alice = _alice()
    assert alice.is_active and stored_roles(alice) == set()
    assert records(Event.SSO_SESSION_ENDED)[-1]["meta"]["reason"] == "no Airlock role is mapped any more"


def test_an_unreachable_provider_ends_the_session_but_not_the_account(
    idp: Provider, browser: Browser, quick_refresh: float, settings: Any
) -> None:
    _signed_in_alice(idp, browser)
    settings.AIRLOCK_OIDC_PROVIDERS = {SLUG: provider_config(f"http://127.0.0.1:{free_port()}")}
    time.sleep(quick_refresh)

    assert browser.get("/console/users/").status_code == 302  # fail closed
    assert _alice().is_active
    assert "unreachable" in records(Event.SSO_SESSION_ENDED)[-1]["meta"]["reason"]


def test_without_a_refresh_token_userinfo_is_asked(
    idp: Provider, browser: Browser, quick_refresh: float
) -> None:
    idp.control("refresh-tokens", {"issue": False})
    _signed_in_alice(idp, browser)
    time.sleep(quick_refresh)
    assert browser.get("/console/users/").status_code == 200  # userinfo still vouches for her

    idp.user("alice", enabled=False)
    time.sleep(quick_refresh)
    assert browser.get("/console/users/").status_code == 302
    # A refused access token may only have expired: the session ends, the account stays.
    assert _alice().is_active


def test_requests_arriving_together_when_a_check_is_due_spend_the_refresh_token_once(
    idp: Provider, browser: Browser, quick_refresh: float
) -> None:
    # The provider rotates refresh tokens: spending one twice would look like a revoked grant
    # and wrongly deactivate the person.
    _signed_in_alice(idp, browser)
    time.sleep(quick_refresh)

    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda _: browser.get("/console/users/").status_code, range(4)))

    assert statuses == [200, 200, 200, 200]
    assert len([e for e in idp.log() if e.get("grant_type") == "refresh_token"]) == 1
    assert _alice().is_active
