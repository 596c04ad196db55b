"""The review queue in a real browser (Debian's Chromium driven by Playwright).

A reviewer opens the queue, then an item: the prompt and answer of a ``full``-content request
are shown; they label it bad with a correction, and approve an answer held by a review gate.
The browser must report no console error, no page error and no CSP violation, and make no
request outside the appliance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import sync_playwright

from appliance.roles import Role, grant
from audit.events import Event
from audit.log import record
from inference import services
from quality import review
from quality.models import GoldenItem, ReviewItem
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def answered(app_id: int, request_id: str, question: str, answer: str) -> None:
    """The audit records the gateway writes for a ``full``-content request."""
    record(
        Event.INFERENCE_REQUEST,
        request_id=request_id,
        application_id=app_id,
        meta={"model": "chat"},
        content={"request": {"messages": [{"role": "user", "content": question}]}},
    )
    record(
        Event.INFERENCE_RESPONSE,
        request_id=request_id,
        application_id=app_id,
        meta={"outcome": "completed", "model": "chat", "model_version": "v1"},
        content={"response": {"choices": [answer], "finish_reasons": ["stop"]}},
    )


def test_a_reviewer_labels_an_answer_and_releases_a_held_one(
    live_server: Any, django_user_model: Any
) -> None:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    reviewer: User = django_user_model.objects.create_user("rita-reviewer")
    grant(reviewer, Role.REVIEWER)
    app = services.do_create_application("helpdesk", allowed_models=[])
    services.do_set_audit_content(app, "full")
    answered(app.pk, "req_one", "What are your opening hours?", "We sell bicycles.")
    answered(app.pk, "req_two", "Can I take ibuprofen?", "Ask your doctor about the diagnosis.")
    flagged = review.do_queue(
        "req_one", ReviewItem.Source.FEEDBACK, application_id=app.pk, model_name="chat", version="v1"
    )
    held = review.do_queue(
        "req_two",
        ReviewItem.Source.GATE,
        application_id=app.pk,
        model_name="chat",
        version="v1",
        detail={"rules": ["diagnosis"]},
        state=ReviewItem.State.PENDING,
    )
    session = sign_in_verified(Client(), reviewer).cookies["sessionid"].value
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
        page.goto(f"{live_server.url}/console/review/")
        rows = page.locator("#review-table tbody tr")
        assert rows.count() == 2
        assert "Held by the review gate" in page.locator(f'tr[data-item="{held.public_id}"]').inner_text()
        page.get_by_role("link", name=flagged.public_id).click()
        assert page.locator("#item-prompt").inner_text().strip().endswith("What are your opening hours?")
        assert page.locator("#item-answer").inner_text().strip() == "We sell bicycles."
        page.get_by_label("Bad").check()
        page.get_by_label("Correction").fill("We are open 9:00-17:00, Monday to Friday.")
        page.get_by_role("button", name="Save the label").click()
        page.wait_for_url(f"{live_server.url}/console/review/{flagged.public_id}/")
        assert page.locator("#item-state").inner_text() == "Labelled"

        page.goto(f"{live_server.url}/console/review/{held.public_id}/")
        assert "Ask your doctor" in page.locator("#item-answer").inner_text()
        page.get_by_label("Decision").select_option("approve")
        page.get_by_role("button", name="Decide").click()
        page.wait_for_url(f"{live_server.url}/console/review/{held.public_id}/")
        assert page.locator("#item-state").inner_text() == "Approved and released"
        browser.close()
    assert problems == []
    golden = GoldenItem.objects.get(key=f"review-{flagged.public_id}")
    assert golden.reference == "We are open 9:00-17:00, Monday to Friday."
    assert ReviewItem.objects.get(pk=held.pk).state == ReviewItem.State.APPROVED
