"""Signing in to the console: password, TOTP enrolment and codes, lock-out, session, headers."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance import services
from appliance.roles import Role, grant
from audit.events import Event
from tests.console.conftest import SignIn, code_for, records, verified_device

pytestmark = pytest.mark.django_db

PASSWORD = "a long and correct horse"
CONSOLE = Path(__file__).resolve().parents[2] / "console"
ADMIN_PAGES = ["console:models", "console:model_add", "console:apps", "console:app_create", "console:users"]


def person(name: str, *roles: Role) -> User:
    user = User.objects.create_user(name, password=PASSWORD)
    for role in roles:
        grant(user, role)
    return user


def post_password(client: Client, username: str, password: str = PASSWORD, next_url: str = "") -> Any:
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("console:login"), data)


def post_code(client: Client, code: str) -> Any:
    return client.post(reverse("console:two_factor"), {"code": code, "next": reverse("console:models")})


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def test_the_sign_in_page_is_a_labelled_form_with_a_csrf_token(client: Client) -> None:
    page = client.get(reverse("console:login"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_username">' in html and '<label for="id_password">' in html
    assert 'href="#main"' in html, "skip-to-content link"


def test_an_anonymous_visitor_is_sent_to_sign_in_and_comes_back_afterwards(client: Client) -> None:
    person("aud", Role.AUDITOR)
    page = client.get(reverse("console:apps"))
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("console:login") + "?next=")
    back = post_password(client, "aud", next_url="/console/account/")
    assert back.status_code == 302 and back["Location"] == "/console/account/"


def test_an_administrator_enrols_totp_and_is_signed_in_only_after_a_right_code(client: Client) -> None:
    admin = person("ada", Role.ADMINISTRATOR)

    answer = post_password(client, "ada", next_url=reverse("console:models"))
    assert answer.status_code == 302 and answer["Location"].startswith(reverse("console:two_factor"))
    # The password alone signs nobody in: no session identity, no page, no sign-in record.
    assert signed_in_user_id(client) is None
    assert client.get(reverse("console:models"))["Location"].startswith(reverse("console:login"))
    assert records(Event.SIGN_IN) == []

    enrol = client.get(answer["Location"])
    html = enrol.content.decode()
    assert enrol.status_code == 200 and "Set up two-factor sign-in" in html
    assert '<svg width="' in html and 'class="segno"' in html, "the QR code is inline SVG"
    assert "<script" not in html
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    shown = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html)
    assert shown is not None
    from base64 import b32decode

    secret = shown.group(1).replace(" ", "")
    assert b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key

    done = post_code(client, code_for(device))
    assert done.status_code == 302 and done["Location"] == reverse("console:models")
    assert signed_in_user_id(client) == str(admin.pk)
    assert client.get(reverse("console:models")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert [r["actor"]["name"] for r in records(Event.TWO_FACTOR_ENROLLED)] == ["ada"]
    assert records(Event.SIGN_IN)[-1]["meta"]["two_factor"] is True


def test_a_later_sign_in_asks_for_a_code_and_refuses_a_wrong_one(client: Client) -> None:
    officer = person("carla", Role.COMPLIANCE_OFFICER)
    device = verified_device(officer)

    post_password(client, "carla")
    page = client.get(reverse("console:two_factor"))
    assert page.status_code == 200 and "segno" not in page.content.decode(), "no QR code once enrolled"

    right = code_for(device)
    wrong = "000000" if right != "000000" else "111111"
    refused = post_code(client, wrong)
    assert refused.status_code == 400 and "That code is not right" in refused.content.decode()
    assert signed_in_user_id(client) is None
    failed = records(Event.SIGN_IN_FAILED)
    assert failed[-1]["meta"]["step"] == "two_factor" and failed[-1]["target"]["id"] == "carla"

    # django-otp's throttle: right after a wrong code even the right one must wait a second.
    throttled = post_code(client, right)
    assert throttled.status_code == 400 and "Too many wrong codes" in throttled.content.decode()
    time.sleep(1.1)
    assert post_code(client, right).status_code == 302
    assert signed_in_user_id(client) == str(officer.pk)


def test_a_code_is_accepted_only_once(client: Client) -> None:
    officer = person("carla", Role.COMPLIANCE_OFFICER)
    device = verified_device(officer)
    code = code_for(device)
    post_password(client, "carla")
    assert post_code(client, code).status_code == 302

    other = Client()
    post_password(other, "carla")
    replay = post_code(other, code)
    assert replay.status_code == 400, "a code seen once cannot sign in a second browser"


def test_administrators_and_officers_without_a_verified_session_reach_no_page(client: Client) -> None:
    admin = person("ada", Role.ADMINISTRATOR)
    client.force_login(admin)  # a session without the second factor (e.g. a role granted mid-session)
    for name in ADMIN_PAGES:
        page = client.get(reverse(name))
        assert page.status_code == 302, name
        assert page["Location"].startswith(reverse("console:two_factor")), name
    officer = person("carla", Role.COMPLIANCE_OFFICER)
    other = Client()
    other.force_login(officer)
    assert other.get(reverse("console:home"))["Location"].startswith(reverse("console:two_factor"))


def test_auditors_and_app_owners_sign_in_with_a_password_unless_they_enrolled(client: Client) -> None:
    person("audrey", Role.AUDITOR)
    owner = person("otto", Role.APP_OWNER)
    assert post_password(client, "audrey")["Location"] == reverse("console:home")
    assert client.get(reverse("console:account")).status_code == 200

    verified_device(owner)
    other = Client()
    answer = post_password(other, "otto")
    assert answer["Location"].startswith(reverse("console:two_factor"))
    assert signed_in_user_id(other) is None


def test_an_app_owner_may_enrol_voluntarily_from_their_account(client: Client) -> None:
    owner = person("otto", Role.APP_OWNER)
    post_password(client, "otto")
    assert "Set up two-factor sign-in" in client.get(reverse("console:account")).content.decode()
    client.get(reverse("console:two_factor"))
    device = TOTPDevice.objects.get(user=owner)
    assert post_code(client, code_for(device)).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # From now on the code is required for this person too.
    other = Client()
    assert post_password(other, "otto")["Location"].startswith(reverse("console:two_factor"))


def test_five_wrong_passwords_lock_the_name_out_from_that_address_for_fifteen_minutes(client: Client) -> None:
    person("ada", Role.ADMINISTRATOR)
    limit = settings.AXES_FAILURE_LIMIT
    assert (limit, settings.AIRLOCK_SIGN_IN_LOCKOUT_MINUTES) == (5, 15)
    for _ in range(limit - 1):
        page = post_password(client, "ada", "wrong password")
        assert page.status_code == 200 and "do not match" in page.content.decode()
    locked = post_password(client, "ada", "wrong password")
    assert locked.status_code == 429
    assert "Sign-in is locked for 15 minutes" in locked.content.decode()

    # Even the right password is refused now, from this address ...
    assert post_password(client, "ada").status_code == 429
    assert signed_in_user_id(client) is None
    # ... but not from another one, and not for another name.
    elsewhere = Client(REMOTE_ADDR="10.9.8.7")
    assert post_password(elsewhere, "ada")["Location"].startswith(reverse("console:two_factor"))

    assert len(records(Event.SIGN_IN_FAILED)) == limit + 1
    locked_records = records(Event.SIGN_IN_LOCKED_OUT)
    assert len(locked_records) == 1 and locked_records[0]["target"]["id"] == "ada"


def test_wrong_totp_codes_count_towards_the_lock_out(client: Client, settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only axes' counting is under test here
    officer = person("carla", Role.COMPLIANCE_OFFICER)
    device = verified_device(officer)
    right = code_for(device)
    wrong = "000000" if right != "000000" else "111111"
    post_password(client, "carla")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_code(client, wrong).status_code == 400
    locked = post_code(client, wrong)
    assert locked.status_code == 429 and "Sign-in is locked" in locked.content.decode()
    # The pending sign-in is gone; the right code cannot finish it.
    assert client.post(reverse("console:two_factor"), {"code": right}).status_code == 302
    assert signed_in_user_id(client) is None
    assert post_password(client, "carla").status_code == 429


def test_a_successful_sign_in_forgets_earlier_failures(client: Client) -> None:
    person("audrey", Role.AUDITOR)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        post_password(client, "audrey", "wrong password")
    assert post_password(client, "audrey").status_code == 302
    client.post(reverse("console:logout"))
    assert post_password(client, "audrey", "wrong password").status_code == 200, "counting starts again"


def test_sessions_end_after_thirty_idle_minutes_and_with_the_browser(
    client: Client, signed_in: SignIn, auditor: User
) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    signed_in(client, auditor)
    page = client.get(reverse("console:account"))
    assert page.status_code == 200
    cookie = page.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"], "a browser-session cookie"
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = session.expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)

    # 31 minutes without a request: the server has forgotten the session.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(minutes=1))
    assert client.get(reverse("console:account"))["Location"].startswith(reverse("console:login"))


def test_signing_out_ends_the_session_and_is_recorded(client: Client) -> None:
    audrey = person("audrey", Role.AUDITOR)
    post_password(client, "audrey")
    assert client.get(reverse("console:logout")).status_code == 405, "sign-out is a POST (CSRF-protected)"
    out = client.post(reverse("console:logout"))
    assert out.status_code == 302 and out["Location"] == reverse("console:login")
    assert signed_in_user_id(client) is None
    assert records(Event.SIGN_OUT)[-1]["actor"]["id"] == audrey.pk


def test_forms_are_refused_without_a_csrf_token(signed_in: SignIn, auditor: User) -> None:
    client = Client(enforce_csrf_checks=True)
    signed_in(client, auditor)
    refused = client.post(reverse("console:logout"))
    assert refused.status_code == 403 and "This form expired" in refused.content.decode()
    assert client.get(reverse("console:account")).status_code == 200, "still signed in"


def test_sign_in_never_redirects_to_another_site(client: Client) -> None:
    person("audrey", Role.AUDITOR)
    answer = post_password(client, "audrey", next_url="https://evil.example/steal")
    assert answer["Location"] == reverse("console:home")


def test_a_set_password_link_works_once(client: Client) -> None:
    newcomer = services.do_create_user("nina", roles=[Role.AUDITOR])
    assert not newcomer.has_usable_password()
    link = services.set_password_link(newcomer)
    url = reverse("console:set_password", kwargs={"uidb64": link.uidb64, "token": link.token})
    first = client.get(url)
    assert first.status_code == 302 and link.token not in first["Location"], "the token leaves the address"
    form = client.get(first["Location"])
    assert form.status_code == 200 and "Set your password" in form.content.decode()
    weak = client.post(first["Location"], {"new_password1": "short", "new_password2": "short"})
    assert weak.status_code == 200 and "too short" in weak.content.decode()
    done = client.post(first["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302 and done["Location"] == reverse("console:login")
    newcomer.refresh_from_db()
    assert newcomer.check_password(PASSWORD)
    assert records(Event.USER_PASSWORD_SET)[-1]["actor"]["name"] == "nina"
    again = Client().get(url)
    assert "This link no longer works" in again.content.decode()


EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def _csp(header: str) -> dict[str, str]:
    return {
        part.split(" ", 1)[0]: part.split(" ", 1)[1] if " " in part else ""
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def test_every_console_page_sends_a_strict_csp_and_security_headers(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    pages = [reverse("console:login")]
    signed_in(client, administrator)
    pages += [reverse(name) for name in ["console:home", "console:account", *ADMIN_PAGES]]
    pages.append("/console/no-such-page/")
    for url in pages:
        page = client.get(url, follow=True)
        policy = _csp(page["Content-Security-Policy"])
        for directive, value in EXPECTED_CSP.items():
            assert policy.get(directive) == value, (url, directive, policy)
        assert "unsafe-inline" not in page["Content-Security-Policy"]
        assert page["X-Frame-Options"] == "DENY"
        assert page["Referrer-Policy"] == "same-origin"
        assert page["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in client.get(reverse("console:users"))["Cache-Control"]


def _console_files() -> list[Path]:
    folders = [CONSOLE / "templates", CONSOLE / "static"]
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


# The SVG namespace is a name, never fetched.
ALLOWED_URLS = {"http://www.w3.org/2000/svg"}


def test_no_template_or_static_file_refers_to_another_site() -> None:
    files = _console_files()
    assert any(p.suffix == ".css" for p in files) and any(p.suffix == ".html" for p in files)
    offenders = []
    for path in files:
        text = path.read_text(errors="replace")
        for match in re.finditer(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"'<>)]*", text, re.IGNORECASE):
            if match.group(0) not in ALLOWED_URLS:
                offenders.append(f"{path.relative_to(CONSOLE)}: {match.group(0)}")
        if path.suffix == ".css":
            offenders += [
                f"{path.relative_to(CONSOLE)}: {m}" for m in re.findall(r"@import|url\([^)]*\)", text)
            ]
    assert offenders == []


def test_templates_have_no_inline_script_or_style_the_csp_would_block() -> None:
    offenders = []
    for path in _console_files():
        if path.suffix != ".html":
            continue
        text = path.read_text()
        name = path.relative_to(CONSOLE)
        offenders += [f"{name}: inline <script>" for _ in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", text)]
        offenders += [f"{name}: <style>" for _ in re.finditer(r"<style\b", text)]
        offenders += [f"{name}: style attribute" for _ in re.finditer(r"\sstyle\s*=", text)]
        offenders += [f"{name}: event handler" for _ in re.finditer(r"\son[a-z]+\s*=\s*[\"']", text)]
    assert offenders == []
