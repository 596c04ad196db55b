"""The provider's signing keys rotate: a new ``kid`` makes the appliance fetch the key set again."""

from __future__ import annotations

import pytest

from tests.identity.conftest import Browser, Provider

pytestmark = pytest.mark.django_db(transaction=True)

CLAIMS = {"preferred_username": "alice", "groups": ["auditors"]}


def test_a_rotated_signing_key_is_fetched_and_accepted(
    idp: Provider, browser: Browser, another_browser: Browser
) -> None:
    password = idp.user("alice", claims=CLAIMS)
    assert browser.sign_in(idp, "alice", password).response.status_code == 200  # keys now cached

    # The provider rotates and stops publishing the old key: ID tokens now carry the new kid,
    # which the cached key set does not hold.
    kids = idp.control("rotate", {"retire_old": True})["kids"]
    assert len(kids) == 1

    attempt = another_browser.sign_in(idp, "alice", password)

    assert attempt.response.status_code == 200, attempt.response.text
    assert another_browser.get("/console/audit/").status_code == 200


def test_a_key_the_provider_never_published_is_refused_even_after_a_refetch(
    idp: Provider, browser: Browser, another_browser: Browser
) -> None:
    password = idp.user("alice", claims=CLAIMS)
    assert browser.sign_in(idp, "alice", password).response.status_code == 200
    idp.control("tamper", {"unknown_key": True})

    attempt = another_browser.sign_in(idp, "alice", password)

    assert attempt.response.status_code == 403
    assert "unknown key" in attempt.response.text
