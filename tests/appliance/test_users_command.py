"""``airlock users``: the first administrator from the shell, and the same audited changes."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from appliance.roles import Role, roles_of
from audit.events import Event
from audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def airlock_users(*args: str) -> str:
    out = io.StringIO()
    call_command("users", *args, stdout=out)
    return out.getvalue()


def test_the_first_administrator_is_created_with_a_password_printed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AIRLOCK_ACTOR", "root")
    printed = airlock_users("create", "alice", "--role", "administrator")
    password = printed.split("Password (shown once): ", 1)[1].split()[0]
    alice = User.objects.get(username="alice")
    assert alice.check_password(password) and roles_of(alice) == {Role.ADMINISTRATOR}
    assert "QR code" in printed, "tells the operator about the TOTP enrolment at first sign-in"
    record = AuditRecord.objects.get(event=Event.USER_CREATED)
    assert record.actor_name == "root" and password not in record.body

    # The password works at the console; the next step is the TOTP enrolment.
    answer = Client().post(reverse("console:login"), {"username": "alice", "password": password})
    assert answer["Location"].startswith(reverse("console:two_factor"))


def test_quiet_prints_only_the_password_for_scripts() -> None:
    printed = airlock_users("create", "bob", "--role", "auditor", "--quiet").strip()
    assert User.objects.get(username="bob").check_password(printed)


def test_a_weak_password_from_stdin_is_refused_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12345\n"))
    with pytest.raises(CommandError, match="too short"):
        airlock_users("create", "carol", "--password-stdin")
    assert not User.objects.filter(username="carol").exists()


def test_roles_deactivation_and_two_factor_reset_from_the_shell() -> None:
    airlock_users("create", "alice", "--role", "administrator", "--quiet")
    airlock_users("create", "dora", "--role", "auditor", "--quiet")
    assert "dora: compliance_officer" in airlock_users("roles", "dora", "--role", "compliance_officer")
    listing = airlock_users("list")
    assert "dora" in listing and "compliance_officer" in listing
    airlock_users("deactivate", "dora")
    assert not User.objects.get(username="dora").is_active
    with pytest.raises(CommandError, match="last active administrator"):
        airlock_users("roles", "alice", "--role", "auditor")
    airlock_users("reset-two-factor", "alice")
    assert AuditRecord.objects.filter(event=Event.USER_TWO_FACTOR_RESET).count() == 1
    with pytest.raises(CommandError, match="No user named"):
        airlock_users("deactivate", "nobody-here")
