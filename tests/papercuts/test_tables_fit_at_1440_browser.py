"""The audit log, the monthly report and the exports at 1440 px in a real browser.

Their tables were clipped on the right: the last columns fell outside the window with no way
to reach them. Each table's right edge must be inside the window, or the table must scroll
sideways within its own box (which itself ends inside the window); the page as a whole must
not scroll sideways. Debian's Chromium, driven by Playwright (``make browser``).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, sync_playwright

from appliance.roles import Role, grant
from audit import services as audit_services
from inference import services
from inference.quotas import rollups
from inference.quotas import services as quotas
from inference.quotas.models import UsageRecord
from tests.audit.conftest import _audit_files, _tasks_in_process, request_record, seal_all  # noqa: F401
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]
WIDTH = 1440

# Where each table ends, where the box that scrolls it ends, and whether the page scrolls sideways.
MEASURE = """
(selector) => {
  const table = document.querySelector(selector);
  if (!table) return null;
  let box = table.parentElement;
  while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
  const t = table.getBoundingClientRect();
  const b = box ? box.getBoundingClientRect() : null;
  return {
    tableRight: t.right,
    boxRight: b ? b.right : null,
    boxScrolls: box ? box.scrollWidth > box.clientWidth : false,
    boxReachesTableEnd: box ? box.scrollWidth >= Math.floor(table.scrollWidth) : false,
    viewport: window.innerWidth,
    pageWidth: document.documentElement.scrollWidth,
  };
}
"""


def fits(page: Page, selector: str) -> dict[str, Any]:
    found = page.evaluate(MEASURE, selector)
    assert found is not None, f"{selector} is on the page"
    result: dict[str, Any] = found
    return result


def assert_every_column_shows(page: Page, selector: str) -> None:
    m = fits(page, selector)
    assert m["pageWidth"] <= m["viewport"], f"{page.url}: the page scrolls sideways ({m})"
    # The table ends inside its box, and the box inside the window: no column is hidden
    # behind a sideways scroll (narrower windows may still scroll inside the box).
    assert m["boxRight"] is not None and m["boxRight"] <= m["viewport"], f"{selector}: {m}"
    assert m["tableRight"] <= m["boxRight"] + 0.5, f"{selector} is clipped on the right: {m}"
    assert not m["boxScrolls"], f"{selector} hides columns behind a sideways scroll: {m}"


@pytest.fixture
def data(compliance_officer: User, django_capture_on_commit_callbacks: Any) -> None:
    app = services.do_create_application("radiology-reporting-assistant-production")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            request_record(
                app, "Patient Ada reports chest pain", subject="ada", request_id=f"req-{number:032d}"
            )
        seal_all()
    day = timezone.now().date().isoformat()
    job = audit_services.do_request_export(
        audit_services.ExportQuery.parse(day, day), actor=compliance_officer
    )
    audit_services.do_export(job)
    quotas.do_set_prices(
        "gpt-4o-2024-08-06-long-name", input_usd_per_million="2.5", output_usd_per_million="10"
    )
    when = timezone.now() - timedelta(minutes=2)
    for route, model in (
        ("local", "llama-3.1-8b-instruct-q4-k-m-long-name"),
        ("egress", "gpt-4o-2024-08-06-long-name"),
    ):
        UsageRecord.objects.create(
            request_id=f"{route}-1",
            created_at=when,
            application_id=app.pk,
            model=model,
            route=route,
            provider="openai" if route == "egress" else "",
            prompt_tokens=123_456_789,
            completion_tokens=98_765_432,
            latency_ms=120.0,
            status=200,
            cost_usd=Decimal("12345.678901"),
            counterfactual_usd=Decimal("23456.789012"),
        )
    rollups.rollup_day(when.date())


def test_the_compliance_and_report_tables_are_not_clipped_at_1440_px(
    live_server: Any, tmp_path: Path, compliance_officer: User, data: None
) -> None:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    grant(compliance_officer, Role.ADMINISTRATOR)  # the report is an administrator's page
    session = sign_in_verified(Client(), compliance_officer).cookies["sessionid"].value
    pages = [
        ("/console/audit/", "#audit-results"),
        ("/console/audit/exports/", "#exports"),
        ("/console/quotas/report/", "#report-table"),
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": WIDTH, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        for path, selector in pages:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, path
            assert_every_column_shows(page, selector)
        browser.close()
