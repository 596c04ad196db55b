"""The canary panel in a real browser (Debian's Chromium driven by Playwright).

An administrator opens a model's page while a canary runs: the baseline and the canary stand
side by side with their intervals; "Roll back" asks for a reason, and the ended canary then shows
in the history with it. The browser must report no console error, no page error and no CSP
violation, and make no request outside the appliance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import sync_playwright

from inference import canary
from inference.models import Canary
from tests.canary.conftest import Release, Respond, make_release
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def test_an_administrator_reads_the_canary_against_its_baseline_and_rolls_it_back(
    live_server: Any, tmp_path: Path, administrator: User, respond: Respond
) -> None:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    release: Release = make_release(tmp_path)
    canary.do_start_canary(release.model, release.v2, 10, actor=administrator, min_requests=50)
    respond(release.v1, latency_ms=120, ttft_ms=30, stream=True, count=60)
    respond(release.v2, latency_ms=180, ttft_ms=45, stream=True, count=9)
    respond(release.v2, status=502)
    session = sign_in_verified(Client(), administrator).cookies["sessionid"].value
    url = f"{live_server.url}/console/models/llama-8b/"
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "request",
            lambda r: None if r.url.startswith((live_server.url, "data:")) else problems.append(r.url),
        )
        page.goto(url)
        table = page.locator("#canary-table")
        headers = [h.strip() for h in table.locator("thead th").all_text_contents()]
        assert headers[1] == "Baseline v1" and headers[3] == "Canary v2"
        requests = table.locator('tr[data-figure="requests"] td')
        assert [requests.nth(0).inner_text(), requests.nth(2).inner_text()] == ["60", "10"]
        errors = table.locator('tr[data-figure="error_rate"] td[data-side="candidate"]').inner_text()
        assert errors == "10.0 % (1/10)"
        ttft = table.locator('tr[data-figure="ttft_p50_ms"] td[data-side="baseline"]').inner_text()
        assert ttft == "30 ms"
        page.get_by_role("link", name="Roll back").click()
        page.get_by_label("Why roll it back?").fill("p95 too close to the limit")
        page.get_by_role("button", name="Roll back").click()
        page.wait_for_url(url)
        history = page.locator("#canary-history tbody tr").first.inner_text()
        assert "rolled back" in history and "p95 too close to the limit" in history
        assert page.locator("#canary-form").is_visible()  # a new canary may start
        browser.close()
    assert problems == []
    assert Canary.objects.get().state == Canary.State.ROLLED_BACK
