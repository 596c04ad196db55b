"""Making and revoking personal API tokens in the console (in a real browser too) and with
``airlock tokens``; each token made there works on the management API."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from playwright.sync_api import sync_playwright

from appliance import tokens
from appliance.models import ApiToken
from appliance.roles import Role, grant
from audit.events import Event
from audit.models import AuditRecord
from tests.management_api.conftest import bearer
from tests.signin import sign_in_verified

TOKEN = re.compile(r"alt_[a-z0-9]{8}_[A-Za-z0-9_-]{20,}")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]


@pytest.mark.django_db
def test_the_console_shows_a_new_token_once_and_revokes_it(django_user_model: Any) -> None:
    both = django_user_model.objects.create_user("boris-both")
    grant(both, Role.ADMINISTRATOR)
    grant(both, Role.AUDITOR)
    client = sign_in_verified(Client(), both)

    page = client.post(
        "/console/account/tokens/", {"name": "nightly", "roles": ["auditor"], "expires_in_days": "30"}
    )

    assert page.status_code == 200
    (secret,) = TOKEN.findall(page.content.decode())
    token = ApiToken.objects.get()
    assert token.roles == ["auditor"] and token.digest == tokens.digest_of(secret)
    assert secret not in client.get("/console/account/tokens/").content.decode()  # once only
    assert bearer(secret).get("/api/audit/retention/").status_code == 200
    assert bearer(secret).get("/api/users/").status_code == 403  # administrator left out

    assert client.post(f"/console/account/tokens/{token.pk}/revoke/").status_code == 302
    assert bearer(secret).get("/api/audit/retention/").status_code == 403
    assert AuditRecord.objects.filter(event=Event.TOKEN_REVOKED).count() == 1


@pytest.mark.django_db
def test_the_console_refuses_roles_one_does_not_hold_and_people_without_a_role(
    administrator: User, nobody: User, app_owner: User
) -> None:
    admin = sign_in_verified(Client(), administrator)
    beyond = admin.post(
        "/console/account/tokens/", {"name": "x", "roles": ["compliance_officer"], "expires_in_days": "1"}
    )
    assert beyond.status_code == 400 and not ApiToken.objects.exists()

    assert sign_in_verified(Client(), nobody).get("/console/account/tokens/").status_code == 403
    assert Client().get("/console/account/tokens/").status_code == 302  # to the sign-in page

    tokens.do_create_token(administrator, name="admins")
    mine = ApiToken.objects.get()
    owner = sign_in_verified(Client(), app_owner)
    assert owner.post(f"/console/account/tokens/{mine.pk}/revoke/").status_code == 404
    assert tokens.is_usable(ApiToken.objects.get())


@pytest.mark.django_db
def test_airlock_tokens_creates_lists_and_revokes(administrator: User) -> None:
    out = StringIO()
    call_command(
        "tokens", "create", "adam-admin", "--name", "ci", "--expires-in-days", "5", "--quiet", stdout=out
    )
    secret = out.getvalue().strip()
    assert TOKEN.fullmatch(secret)
    assert bearer(secret).get("/api/models/").status_code == 200

    listing = StringIO()
    call_command("tokens", "list", stdout=listing)
    assert "adam-admin" in listing.getvalue() and "active" in listing.getvalue()
    assert secret not in listing.getvalue()

    with pytest.raises(CommandError, match="cannot carry roles"):
        call_command("tokens", "create", "adam-admin", "--name", "x", "--role", "auditor", stdout=StringIO())

    call_command("tokens", "revoke", ApiToken.objects.get().prefix, stdout=StringIO())
    assert bearer(secret).get("/api/models/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_person_makes_a_token_in_the_browser_and_sees_it_once(
    live_server: Any, administrator: User
) -> None:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    session = sign_in_verified(Client(), administrator).cookies["sessionid"].value
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "request",
            lambda r: None if r.url.startswith((live_server.url, "data:")) else problems.append(r.url),
        )
        page.goto(f"{live_server.url}/console/account/")
        page.get_by_role("link", name="API tokens for scripts").click()
        page.get_by_label("Name").fill("deploy-bot")
        page.get_by_role("button", name="Create token").click()
        secret = page.locator("#new-token-secret").inner_text().strip()
        assert TOKEN.fullmatch(secret)
        assert "deploy-bot" in page.locator("table").inner_text()
        page.goto(f"{live_server.url}/console/account/tokens/")
        assert page.locator("#new-token-secret").count() == 0  # shown once, never again
        browser.close()
    assert problems == []
    assert bearer(secret).get("/api/models/").status_code == 200
