"""A client's address cannot be forged with ``X-Forwarded-For``.

The penetration test sent a new ``X-Forwarded-For`` with every sign-in: twelve wrong passwords
never locked the name out, the right one then signed in, a locked-out person signed in with a
new value, and the audit log recorded the forged addresses. The header is now believed only
from the configured proxies (the installer's nginx), and only as many hops as configured.
"""

from __future__ import annotations

import re
from typing import Any

import httpx2 as httpx
import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory

from appliance import net
from appliance.roles import Role, grant
from audit.events import Event
from tests.security.conftest import records

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and correct horse"


def person(name: str) -> User:
    user = User.objects.create_user(name, password=PASSWORD)
    grant(user, Role.ADMINISTRATOR)
    return user


def sign_in(url: str, username: str, password: str, forwarded_for: str | None) -> httpx.Response:
    """The console's sign-in page, through real HTTP, as a browser (or a script) would."""
    with httpx.Client(base_url=url, follow_redirects=False, timeout=30) as browser:
        page = browser.get("/console/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, page.text[:500]
        headers = {"Referer": f"{url}/console/sign-in/"}
        if forwarded_for is not None:
            headers["X-Forwarded-For"] = forwarded_for
        return browser.post(
            "/console/sign-in/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)},
            headers=headers,
        )


def test_a_new_forged_address_per_try_does_not_escape_the_lock_out(live_gateway: str) -> None:
    person("ada")
    for n in range(12):
        sign_in(live_gateway, "ada", "wrong password", f"203.0.113.{n + 1}")
    right = sign_in(live_gateway, "ada", PASSWORD, "198.51.100.99")
    assert right.status_code == 429, "locked out, whatever address the header claims"
    assert "Sign-in is locked" in right.text


def test_a_locked_out_person_stays_locked_out_with_a_new_forged_address(
    live_gateway: str, settings: Any
) -> None:
    person("bob")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(live_gateway, "bob", "wrong password", None)
    assert sign_in(live_gateway, "bob", PASSWORD, None).status_code == 429
    assert sign_in(live_gateway, "bob", PASSWORD, "192.0.2.44").status_code == 429


def test_the_audit_log_records_the_real_peer_and_not_the_forged_address(live_gateway: str) -> None:
    person("cid")
    sign_in(live_gateway, "cid", "wrong password", "203.0.113.7")
    (failed,) = records(Event.SIGN_IN_FAILED.value)
    assert failed["meta"]["source_ip"] == "127.0.0.1"
    httpx.post(f"{live_gateway}/v1/chat/completions", json={}, headers={"X-Forwarded-For": "203.0.113.8"})
    refused = records(Event.INFERENCE_REFUSED.value)[-1]
    assert refused["meta"]["source_ip"] == "127.0.0.1"


def test_from_a_trusted_proxy_the_header_is_honoured_as_far_as_the_hop_count(
    live_gateway: str, settings: Any
) -> None:
    person("dee")
    settings.AIRLOCK_TRUSTED_PROXIES = ["127.0.0.0/8"]
    settings.AIRLOCK_PROXY_HOPS = 1
    sign_in(live_gateway, "dee", "wrong password", "198.51.100.1, 203.0.113.9")
    assert records(Event.SIGN_IN_FAILED.value)[-1]["meta"]["source_ip"] == "203.0.113.9"
    settings.AIRLOCK_PROXY_HOPS = 2
    sign_in(live_gateway, "dee", "wrong password", "198.51.100.1, 203.0.113.9")
    assert records(Event.SIGN_IN_FAILED.value)[-1]["meta"]["source_ip"] == "198.51.100.1"
    httpx.post(
        f"{live_gateway}/v1/chat/completions", json={}, headers={"X-Forwarded-For": "192.0.2.1, 10.1.1.1"}
    )
    assert records(Event.INFERENCE_REFUSED.value)[-1]["meta"]["source_ip"] == "192.0.2.1"


def test_from_a_trusted_proxy_each_forwarded_address_is_its_own_lock_out(
    live_gateway: str, settings: Any
) -> None:
    person("eve")
    settings.AIRLOCK_TRUSTED_PROXIES = ["127.0.0.1/32"]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(live_gateway, "eve", "wrong password", "203.0.113.50")
    assert sign_in(live_gateway, "eve", PASSWORD, "203.0.113.50").status_code == 429
    elsewhere = sign_in(live_gateway, "eve", PASSWORD, "203.0.113.51")
    assert elsewhere.status_code == 302, "another client behind the same proxy is not locked out"


@pytest.mark.parametrize(
    ("peer", "header", "proxies", "hops", "expected"),
    [
        ("127.0.0.1", "6.6.6.6", [], 1, "127.0.0.1"),
        ("10.0.0.2", "6.6.6.6", ["10.0.0.0/24"], 1, "6.6.6.6"),
        ("10.0.0.2", "1.1.1.1, 6.6.6.6", ["10.0.0.0/24"], 1, "6.6.6.6"),
        ("10.0.0.2", "1.1.1.1, 6.6.6.6", ["10.0.0.0/24"], 2, "1.1.1.1"),
        ("10.0.0.2", "6.6.6.6", ["10.0.0.0/24"], 2, "10.0.0.2"),  # fewer entries than hops
        ("10.0.0.2", "not-an-address", ["10.0.0.0/24"], 1, "10.0.0.2"),
        ("10.0.0.2", "", ["10.0.0.0/24"], 1, "10.0.0.2"),
        ("::1", "2001:db8::7", ["::1/128"], 1, "2001:db8::7"),
        ("10.0.0.3", "6.6.6.6", ["10.0.0.2"], 1, "10.0.0.3"),
    ],
)
def test_the_one_address_function_trusts_only_configured_proxies(
    settings: Any, peer: str, header: str, proxies: list[str], hops: int, expected: str
) -> None:
    settings.AIRLOCK_TRUSTED_PROXIES = proxies
    settings.AIRLOCK_PROXY_HOPS = hops
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=header)
    assert net.client_ip(request) == expected
    scope = {"client": (peer, 5555), "headers": [(b"x-forwarded-for", header.encode())]}
    assert net.client_ip_of_scope(scope) == expected
