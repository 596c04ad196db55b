"""Single sign-on in a real browser (Debian's Chromium driven by Playwright).

The provider is reached as ``localhost`` and the appliance as ``127.0.0.1``: two sites, as a
real provider and the appliance are. The console's session cookie is ``SameSite=Strict``,
which a browser withholds on the provider's redirect back; this checks that the sign-in still
completes (its own Lax cookie, then a page of the appliance that moves on), that the browser
reports no console error or CSP violation, and that it talks to nobody but the two of them.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import sync_playwright

from appliance.roles import Role
from appliance.services import stored_roles
from audit.events import Event
from identity.models import ExternalIdentity
from tests.conftest import ROOT, free_port, wait_for_http
from tests.identity.conftest import CLIENT_ID, CLIENT_SECRET, SLUG, Provider, provider_config, records

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


@pytest.fixture(scope="module")
def other_site_idp() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "identity" / "provider.py"),
            "--port",
            str(port),
            "--issuer-host",
            "localhost",
        ],
        cwd=ROOT,
    )
    url = f"http://localhost:{port}"
    try:
        wait_for_http(f"http://127.0.0.1:{port}/.well-known/openid-configuration", proc=proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def test_an_administrator_signs_in_through_the_provider_in_a_browser(
    other_site_idp: str, live_gateway: str, settings: Any
) -> None:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    idp = Provider(other_site_idp)
    idp.control("reset")
    idp.control(
        "client",
        {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [f"{live_gateway}/console/sso/{SLUG}/callback/"],
        },
    )
    settings.AIRLOCK_OIDC_PROVIDERS = {SLUG: provider_config(other_site_idp)}
    cache.clear()
    password = idp.user("alice", claims={"preferred_username": "alice", "groups": ["airlock-admins"]})
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "request",
            lambda r: (
                None if r.url.startswith((live_gateway, other_site_idp, "data:")) else problems.append(r.url)
            ),
        )
        page.goto(f"{live_gateway}/console/users/")
        assert "/console/sign-in/" in page.url
        page.get_by_role("link", name="Sign in with Corp SSO").click()
        page.wait_for_url(f"{other_site_idp}/authorize*")
        page.fill("#username", "alice")
        page.fill("#password", password)
        page.click("#submit")
        # Back at the appliance, signed in, on the page she first asked for.
        page.wait_for_url(f"{live_gateway}/console/users/")
        assert page.locator("h1").first.inner_text().strip() != "Sign in to the console"
        assert page.get_by_role("button", name="Sign out").count() >= 1
        browser.close()
    assert problems == []
    alice = ExternalIdentity.objects.get(provider=SLUG).user
    assert stored_roles(alice) == {Role.ADMINISTRATOR}  # type: ignore[arg-type]
    assert records(Event.SIGN_IN)[-1]["meta"]["sso"] == SLUG
