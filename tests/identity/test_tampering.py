"""Each part of the flow altered one way at a time: state, nonce, PKCE, signature, audience,
issuer. Every alteration must be refused, audited, and leave nobody signed in."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
from django.contrib.auth.models import User

from audit.events import Event
from tests.identity.conftest import SLUG, Browser, Provider, records

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN_CLAIMS = {"preferred_username": "alice", "groups": ["airlock-admins"]}


def _with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


def _refused(browser: Browser, response: Any, why: str, status: int = 403) -> None:
    assert response.status_code == status, response.text
    assert why in response.text
    assert browser.get("/console/").status_code == 302  # still signed out
    assert not User.objects.filter(username="alice").exists()
    failed = records(Event.SIGN_IN_FAILED)[-1]
    assert failed["meta"]["step"] == "sso" and failed["meta"]["provider"] == SLUG


def test_a_forged_state_is_refused(idp: Provider, browser: Browser) -> None:
    password = idp.user("alice", claims=ADMIN_CLAIMS)
    params = browser.start()
    back = browser.authorize(idp, params, "alice", password)

    response = browser.get(_with_query(back, state="forged-" + params["state"][7:]))

    _refused(browser, response, "state does not match", status=400)


def test_a_callback_without_this_browsers_attempt_is_refused(
    idp: Provider, browser: Browser, another_browser: Browser
) -> None:
    # Login CSRF: the attacker's own code and state, delivered to the victim's browser.
    password = idp.user("alice", claims=ADMIN_CLAIMS)
    params = another_browser.start()
    back = another_browser.authorize(idp, params, "alice", password)

    _refused(browser, browser.get(back), "state does not match", status=400)


def test_a_code_from_another_attempt_fails_pkce(
    idp: Provider, browser: Browser, another_browser: Browser
) -> None:
    # Code injection: a code issued to another attempt (another PKCE challenge), presented
    # with this browser's own state. The provider refuses it for the wrong verifier.
    password = idp.user("alice", claims=ADMIN_CLAIMS)
    mine = browser.start()
    theirs = another_browser.start()
    stolen = parse_qs(urlsplit(another_browser.authorize(idp, theirs, "alice", password)).query)["code"][0]
    own_back = browser.authorize(idp, mine, "alice", password)

    response = browser.get(_with_query(own_back, code=stolen))

    _refused(browser, response, "invalid_grant")


def test_a_replayed_code_is_refused(idp: Provider, browser: Browser, another_browser: Browser) -> None:
    password = idp.user("alice", claims=ADMIN_CLAIMS)
    params = browser.start()
    back = browser.authorize(idp, params, "alice", password)
    assert browser.get(back).status_code == 200

    # The flow cookie is gone after use: the same answer a second time matches no attempt.
    assert browser.get(back).status_code == 400


@pytest.mark.parametrize(
    ("tamper", "why"),
    [
        ({"nonce": "someone-elses-nonce"}, "nonce does not match"),
        ({"unknown_key": True}, "unknown key"),
        ({"alg_none": True}, "algorithm"),
        ({"aud": "another-client"}, "another client"),
        ({"exp": -600}, "expired"),
    ],
)
def test_an_altered_id_token_is_refused(
    idp: Provider, browser: Browser, tamper: dict[str, Any], why: str
) -> None:
    password = idp.user("alice", claims=ADMIN_CLAIMS)
    idp.control("tamper", tamper)

    attempt = browser.sign_in(idp, "alice", password)

    _refused(browser, attempt.response, why)
    assert why in records(Event.SIGN_IN_FAILED)[-1]["meta"]["reason"]


def test_a_discovery_document_naming_another_issuer_is_refused(idp: Provider, browser: Browser) -> None:
    idp.control("tamper", {"discovery_issuer": "https://evil.example"})

    response = browser.get(f"/console/sso/{SLUG}/sign-in/")

    assert response.status_code == 502
    assert "Discovery names another issuer" in response.text


def test_a_refusal_at_the_provider_is_refused_here(idp: Provider, browser: Browser) -> None:
    params = browser.start()
    back = params["redirect_uri"] + "?" + urlencode({"error": "access_denied", "state": params["state"]})

    _refused(browser, browser.get(back), "access_denied")
