"""A real OpenID Connect provider in a second process, and a browser-like client that signs in.

The provider (tests/identity/provider.py) runs on loopback; the appliance runs live under
uvicorn in this process (``live_gateway``); the client is an HTTP client with a cookie jar that
follows the flow the way a browser does: the appliance sends it to the provider, it posts the
provider's sign-in form, and the provider sends it back to the appliance with a code.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx2 as httpx
import orjson
import pytest
from django.core.cache import cache

from audit.models import AuditRecord
from identity.config import ProviderConfig
from tests.conftest import ROOT, free_port, wait_for_http

SLUG = "corp"
CLIENT_ID = "airlock-console"
CLIENT_SECRET = "s3cret/with:odd&chars"  # form-urlencoded in Basic auth (RFC 6749 2.3.1)

ROLE_MAP = {
    "airlock-admins": ("administrator",),
    "auditors": ("auditor",),
    "compliance": ("compliance_officer",),
}
APP_MAP = {"team-billing": ("billing-bot",)}


class Provider:
    """The test provider's control endpoints."""

    def __init__(self, url: str) -> None:
        self.url = url

    def control(self, what: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        response = httpx.post(f"{self.url}/control/{what}", json=body or {}, timeout=10)
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]

    def user(self, username: str, password: str = "pw-" + "x" * 12, **fields: Any) -> str:
        self.control("user", {"username": username, "password": password, **fields})
        return password

    def log(self) -> list[dict[str, Any]]:
        return httpx.get(f"{self.url}/control/log", timeout=10).json()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def idp_process() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "identity" / "provider.py"), "--port", str(port)], cwd=ROOT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/.well-known/openid-configuration", proc=proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def provider_config(issuer: str, **changes: Any) -> ProviderConfig:
    values: dict[str, Any] = {
        "slug": SLUG,
        "name": "Corp SSO",
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scopes": ("openid", "email", "profile"),
        "roles_claim": "groups",
        "role_map": ROLE_MAP,
        "app_map": APP_MAP,
        "username_claim": "preferred_username",
        "ca_file": "",
        "acr_values": (),
    }
    values.update(changes)
    return ProviderConfig(**values)


@pytest.fixture
def idp(idp_process: str, live_gateway: str, settings: Any) -> Provider:
    """The provider, reset, with the appliance registered as its client and configured to use it."""
    provider = Provider(idp_process)
    provider.control("reset")
    provider.control(
        "client",
        {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [f"{live_gateway}/console/sso/{SLUG}/callback/"],
        },
    )
    settings.AIRLOCK_OIDC_PROVIDERS = {SLUG: provider_config(idp_process)}
    cache.clear()  # discovery and keys of an earlier test's provider state
    return provider


@dataclass
class Attempt:
    """One sign-in through the provider, stopped wherever the test wants to look."""

    response: httpx.Response
    authorize_params: dict[str, str] = field(default_factory=dict)


class Browser:
    def __init__(self, gateway: str) -> None:
        self.gateway = gateway
        self.http = httpx.Client(timeout=20, follow_redirects=False)

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path if path.startswith("http") else self.gateway + path)

    def start(self, next_url: str = "/console/", slug: str = SLUG) -> dict[str, str]:
        """Leave the appliance for the provider; the authorization request's parameters."""
        response = self.get(f"/console/sso/{slug}/sign-in/?next={next_url}")
        assert response.status_code == 302, response.text
        location = response.headers["location"]
        form = self.http.get(location)
        assert form.status_code == 200, form.text
        return {k: v[-1] for k, v in parse_qs(urlsplit(location).query).items()}

    def authorize(self, provider: Provider, params: dict[str, str], username: str, password: str) -> str:
        """Post the provider's sign-in form; the redirect back to the appliance."""
        response = self.http.post(
            f"{provider.url}/authorize", data={**params, "username": username, "password": password}
        )
        assert response.status_code == 302, response.text
        return response.headers["location"]

    def sign_in(self, provider: Provider, username: str, password: str, slug: str = SLUG) -> Attempt:
        params = self.start(slug=slug)
        back = self.authorize(provider, params, username, password)
        return Attempt(self.http.get(back), params)

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def browser(live_gateway: str) -> Iterator[Browser]:
    client = Browser(live_gateway)
    yield client
    client.close()


@pytest.fixture
def another_browser(live_gateway: str) -> Iterator[Browser]:
    client = Browser(live_gateway)
    yield client
    client.close()


def records(event: str) -> list[dict[str, Any]]:
    """The bodies of the audit records of one event, oldest first."""
    return [orjson.loads(row.body) for row in AuditRecord.objects.filter(event=event).order_by("pk")]
