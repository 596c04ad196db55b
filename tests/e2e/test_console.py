"""The console in a real browser: Debian's Chromium driven by Playwright, against the stack
(the appliance under gunicorn, vLLM with SmolLM2) that the other e2e tests use.

One scenario, as the issue tells it: an administrator signs in with a TOTP code (enrolling
first, reading the secret off the page), creates an application and a key, and sets a quota;
the key is used through /v1 with the official openai client; the dashboard shows the traffic;
a compliance officer finds the request in the audit viewer and downloads an export that the
standalone verifier accepts; an app owner is refused the audit pages.

Every page is photographed (1366x900, some also at a tablet's 820x1180) into
tests/e2e/artifacts/ for a reviewer. The browser's console errors, page errors, CSP violations
and any request that leaves the appliance fail the test.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django_otp.oath import totp
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, sync_playwright

from tests.e2e.conftest import MODEL, Stack

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1366, "height": 900}
TABLET = {"width": 820, "height": 1180}
APP = "console-e2e"

# Reported by the page itself: the CSP is enforced, so a violation is a bug, never noise.
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.blockedURI || "inline"} in ${e.sourceFile}`;
  console.error(`CSP violation: ${e.violatedDirective} blocked ${where}`);
});
"""


def totp_code(secret: str, steps_ahead: int = 0) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, drift=steps_ahead):06d}"


@dataclass
class Watch:
    """What the browser complained about, and every request it made."""

    base_url: str
    problems: list[str] = field(default_factory=list)
    expected_status: set[str] = field(default_factory=set)  # pages that must answer 403

    def console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if "Failed to load resource" in message.text and url in self.expected_status:
            return
        self.problems.append(f"console error on {url}: {message.text}")

    def request(self, request: Request) -> None:
        if not request.url.startswith((self.base_url, "data:", "about:")):
            self.problems.append(f"request left the appliance: {request.url}")


@dataclass
class Browsing:
    browser: Browser
    watch: Watch
    shots: list[str] = field(default_factory=list)
    pages: int = 0

    def person(self) -> tuple[BrowserContext, Page]:
        context = self.browser.new_context(viewport=LAPTOP)
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        page.on("console", self.watch.console)
        page.on("pageerror", lambda error: self.watch.problems.append(f"page error: {error}"))
        page.on("request", self.watch.request)
        return context, page

    def shot(self, page: Page, name: str, *, tablet: bool = False) -> None:
        """A full-page screenshot at laptop width (and at tablet width when asked)."""
        self.pages += 1
        number = self.pages
        path = ARTIFACTS / f"{number:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        self.shots.append(path.name)
        if tablet:
            page.set_viewport_size(TABLET)
            tablet_path = ARTIFACTS / f"{number:02d}-{name}-tablet.png"
            page.screenshot(path=str(tablet_path), full_page=True)
            self.shots.append(tablet_path.name)
            page.set_viewport_size(LAPTOP)


@pytest.fixture(scope="module")
def browsing(stack: Stack) -> Iterator[Browsing]:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield Browsing(browser, Watch(stack.url))
        finally:
            browser.close()


@pytest.fixture(scope="module")
def worker(stack: Stack) -> Iterator[None]:
    """A Celery worker when the stack queues tasks (REDIS_URL): exports run in the background."""
    eager = stack.env.get("AIRLOCK_TASKS_EAGER", "").lower() in {"1", "true", "yes", "on"}
    if not stack.env.get("REDIS_URL") or eager:
        yield  # the embedded profile runs tasks in-process
        return
    log = (stack.data_dir / "celery-worker.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "appliance", "worker", "--pool", "solo", "--loglevel", "INFO"],
        cwd=Path(__file__).resolve().parents[2],
        env=stack.env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield
    finally:
        proc.terminate()
        proc.wait(30)


def create_person(stack: Stack, name: str, role: str) -> str:
    """``airlock users create`` as an operator would; returns the password it printed once."""
    return stack.airlock("users", "create", name, "--role", role, "--quiet").stdout.strip()


def sign_in(page: Page, url: str, name: str, password: str) -> None:
    page.goto(f"{url}/console/")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def enrol(browsing: Browsing, page: Page, name: str) -> str:
    """The first sign-in's TOTP enrolment: read the secret off the page, answer with its code."""
    page.wait_for_selector("#totp-secret")
    browsing.shot(page, f"{name}-enrol-totp", tablet=True)
    secret = page.inner_text("#totp-secret").replace(" ", "")
    page.get_by_label("Code from your authenticator app").fill(totp_code(secret))
    page.get_by_role("button", name="Confirm and sign in").click()
    page.wait_for_url(re.compile(r".*/console/.*"))
    assert "Two-factor sign-in is set up" in page.content()
    return secret


def test_an_operator_runs_the_appliance_from_the_console(
    stack: Stack, browsing: Browsing, worker: None, tmp_path: Path
) -> None:
    url = stack.url
    admin_password = create_person(stack, "alice-admin", "administrator")
    officer_password = create_person(stack, "carl-compliance", "compliance_officer")
    owner_password = create_person(stack, "olivia-owner", "app_owner")

    # --- The administrator: sign-in, TOTP enrolment, an application and its key ---
    admin_context, admin = browsing.person()
    admin.goto(f"{url}/console/")
    browsing.shot(admin, "sign-in", tablet=True)
    sign_in(admin, url, "alice-admin", admin_password)
    secret = enrol(browsing, admin, "administrator")
    browsing.shot(admin, "administrator-home")

    # A later sign-in asks for the code (the next one: a code is accepted only once).
    admin.get_by_role("button", name="Sign out").first.click()
    admin.wait_for_url(f"{url}/console/sign-in/")
    sign_in(admin, url, "alice-admin", admin_password)
    admin.wait_for_url(re.compile(r".*/console/two-factor/.*"))
    browsing.shot(admin, "two-factor-code")
    admin.get_by_label("Code from your authenticator app").fill(totp_code(secret, steps_ahead=1))
    admin.get_by_role("button", name="Verify").click()
    admin.wait_for_url(re.compile(r".*/console/(?!two-factor).*"))

    admin.goto(f"{url}/console/models/")
    assert MODEL in admin.content()
    browsing.shot(admin, "models", tablet=True)
    admin.get_by_role("link", name=MODEL).click()
    deployments = admin.inner_text("#deployments-table")
    assert "local-vllm" in deployments and "unhealthy" not in deployments
    browsing.shot(admin, "model-detail")
    admin.goto(f"{url}/console/models/add/")
    browsing.shot(admin, "model-add")

    admin.goto(f"{url}/console/apps/new/")
    admin.locator("#id_name").fill(APP)
    admin.get_by_label("Description").fill("Created in the browser test")
    admin.get_by_label("Owner").select_option(label="olivia-owner")
    admin.get_by_label(MODEL).check()
    admin.get_by_label("Full: prompts and answers, encrypted").check()
    browsing.shot(admin, "application-new")
    admin.get_by_role("button", name="Create application").click()
    admin.wait_for_url(f"{url}/console/apps/{APP}/")

    admin.locator("#key_name").fill("e2e")
    admin.get_by_label("Expires after (days)").fill("30")
    admin.get_by_role("button", name="Create key").click()
    key = admin.inner_text("#new-key-secret").strip()
    assert key.startswith("air-")
    browsing.shot(admin, "key-shown-once", tablet=True)
    admin.get_by_role("link", name="I have copied the key").click()
    assert key not in admin.content(), "the key is never shown again"
    browsing.shot(admin, "application-detail", tablet=True)
    admin.get_by_role("link", name="Rotate").first.click()
    browsing.shot(admin, "key-rotate-confirm")
    admin.get_by_role("link", name="Cancel").click()
    admin.goto(f"{url}/console/apps/")
    browsing.shot(admin, "applications", tablet=True)
    admin.goto(f"{url}/console/users/")
    assert "alice-admin" in admin.content() and "carl-compliance" in admin.content()
    browsing.shot(admin, "users", tablet=True)
    admin.get_by_role("link", name="carl-compliance").click()
    browsing.shot(admin, "user-detail", tablet=True)
    admin.goto(f"{url}/console/users/new/")
    browsing.shot(admin, "user-new")
    admin.goto(f"{url}/console/account/")
    browsing.shot(admin, "account")

    # A quota for the new application (the quotas page, console/ops_urls.py).
    admin.goto(f"{url}/console/quotas/")
    admin.locator(f'a[href="/console/quotas/apps/{APP}/"]').first.click()
    admin.locator("#id_requests_per_minute").fill("60")
    admin.locator("#id_tokens_per_day").fill("200000")
    admin.get_by_role("button", name="Save limits").click()
    admin.wait_for_load_state()
    assert admin.locator("#id_requests_per_minute").input_value() == "60"
    browsing.shot(admin, "quota-set", tablet=True)

    # --- An internal app uses the key through /v1 with the official openai client ---
    # The session's other end-to-end tests send requests through the same appliance: the
    # dashboard must count this one more than it showed before.
    admin.goto(f"{url}/console/dashboard/")
    shown_before = admin.inner_text("#stat-requests .stat-value").strip().replace(",", "")
    before = int(shown_before) if shown_before.isdigit() else 0
    client = stack.client(key)
    raw = client.chat.completions.with_raw_response.create(
        model=MODEL,
        messages=[{"role": "user", "content": "What is the capital of France?"}],
        max_tokens=12,
        temperature=0,
    )
    answer = raw.parse()
    request_id = raw.headers["x-request-id"]
    assert answer.choices[0].message.content

    # The dashboard shows that request (usage is counted moments after a request ends).
    requests_shown = "0"
    for _ in range(30):
        admin.goto(f"{url}/console/dashboard/")
        requests_shown = admin.inner_text("#stat-requests .stat-value").strip().replace(",", "")
        if requests_shown == str(before + 1):
            break
        admin.wait_for_timeout(500)
    assert requests_shown == str(before + 1), (
        f"the dashboard counts the request (shows {requests_shown!r}, {before} before)"
    )
    browsing.shot(admin, "dashboard", tablet=True)
    admin_context.close()

    # --- The compliance officer finds the request and exports verifiable evidence ---
    officer_context, officer = browsing.person()
    sign_in(officer, url, "carl-compliance", officer_password)
    enrol(browsing, officer, "compliance-officer")
    officer.goto(f"{url}/console/audit/?request_id={request_id}")
    row = officer.locator(f'tr[data-request-id="{request_id}"]').first
    row.wait_for()
    browsing.shot(officer, "audit-log-search", tablet=True)
    row.locator("a").first.click()
    assert request_id in officer.content()
    browsing.shot(officer, "audit-record")
    officer.goto(f"{url}/console/audit/verify/")
    browsing.shot(officer, "audit-verify")

    today = dt.datetime.now(dt.UTC).date().isoformat()
    officer.goto(f"{url}/console/audit/exports/")
    officer.locator("#id_date_from").fill(today)
    officer.locator("#id_date_to").fill(today)
    browsing.shot(officer, "audit-exports")
    officer.locator("#export-submit").click()
    download_link = officer.locator("#export-download")
    download_link.wait_for(timeout=120_000)  # the page refreshes itself until the bundle is built
    browsing.shot(officer, "audit-export-ready", tablet=True)
    with officer.expect_download() as download_info:
        download_link.click()
    bundle = tmp_path / "bundle.zip"
    download_info.value.save_as(bundle)
    officer_context.close()

    with zipfile.ZipFile(bundle) as archive:
        (tmp_path / "verify.py").write_bytes(archive.read("verify.py"))
        records = archive.read("records.jsonl").decode()
    assert request_id in records, "the exported evidence holds the request"
    verdict = subprocess.run(
        # -I -S: no site-packages, no environment: only the standard library, as an auditor runs it.
        [sys.executable, "-I", "-S", "verify.py", "bundle.zip"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr

    # --- The app owner sees their application, and is refused the audit pages ---
    owner_context, owner = browsing.person()
    sign_in(owner, url, "olivia-owner", owner_password)
    owner.goto(f"{url}/console/apps/")
    assert APP in owner.content()
    browsing.shot(owner, "app-owner-applications", tablet=True)
    for path in ("/console/audit/", "/console/audit/exports/", "/console/users/"):
        browsing.watch.expected_status.add(f"{url}{path}")
        response = owner.goto(f"{url}{path}")
        assert response is not None and response.status == 403, path
    assert "You cannot open this page" in owner.content()
    browsing.shot(owner, "app-owner-refused")
    owner_context.close()

    assert browsing.watch.problems == []
    assert len(browsing.shots) >= 20
