"""The command line in the audit log: who ran it, and who may decrypt content from it.

Records of an ``airlock`` run name the operating-system account and host that ran it (read
from the kernel, not from ``AIRLOCK_ACTOR`` or ``--actor``); content is decrypted from the
command line only for a compliance officer proven by password and a current TOTP code.
"""

from __future__ import annotations

import json
import os
import pwd
import socket
import zipfile
from io import StringIO
from pathlib import Path

import django
import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connections
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance import cli, shell_actor
from audit.events import Event
from audit.models import AuditRecord
from inference.models import Application
from tests.audit.conftest import request_record

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase for carla"
SHELL = f"{pwd.getpwuid(os.getuid()).pw_name}@{socket.gethostname()}"


def records(event: Event) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(event=event).order_by("id"))


def code_for(device: TOTPDevice) -> str:
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(device.digits)


@pytest.fixture
def officer(compliance_officer: User) -> tuple[User, TOTPDevice]:
    compliance_officer.set_password(PASSWORD)
    compliance_officer.save()
    device = TOTPDevice.objects.create(user=compliance_officer, name="phone", confirmed=True)
    return compliance_officer, device


@pytest.fixture
def export_args(billing: Application, tmp_path: Path) -> list[str]:
    request_record(billing, "the secret prompt")
    day = timezone.now().date().isoformat()
    return [
        "export",
        "--from",
        day,
        "--to",
        day,
        "--include-content",
        "--reason",
        "DSAR 2025-014",
        "--output",
        str(tmp_path / "dsar.zip"),
    ]


def run_airlock(monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    """``airlock ARGS`` as the shell runs it (``appliance.cli.main``), in this process. Django's
    command runner closes the database connections when a command ends; the test's
    transaction lives on one of them, so that one close is skipped. Django is set up already:
    setting it up again would re-run the logging configuration, which closes every handler
    ever made in the process, pytest's captured streams behind some of them (absl's, once
    anything imported rouge_score) — the whole test run then dies."""
    monkeypatch.setattr(connections, "close_all", lambda: None)
    monkeypatch.setattr(django, "setup", lambda *args, **kwargs: None)
    return cli.main(["airlock", *argv])


def airlock_audit(*args: str) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def bundle_text(path: Path) -> str:
    with zipfile.ZipFile(path) as bundle:
        return "".join(bundle.read(name).decode(errors="replace") for name in bundle.namelist())


def test_a_command_is_recorded_under_the_shell_account_and_host_not_a_name_it_gives(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AIRLOCK_ACTOR", "somebody-else")

    assert run_airlock(monkeypatch, "users", "create", "zed", "--role", "auditor", "--quiet") == 0

    (created,) = records(Event.USER_CREATED)
    assert created.actor_name == SHELL and created.actor_id is None
    assert json.loads(created.body)["actor"] == {"id": None, "name": SHELL}
    assert shell_actor.command_line_actor() is None  # the run is over: nothing else is marked


def test_the_appliances_own_records_outside_a_command_stay_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIRLOCK_ACTOR", raising=False)
    shell_actor.begin(["airlock", "serve"])  # a server is not an operator's command
    try:
        call_command("users", "create", "yan", "--role", "auditor", "--quiet", stdout=StringIO())
    finally:
        shell_actor.end()

    assert records(Event.USER_CREATED)[0].actor_name == "system"


def test_content_is_not_decrypted_for_a_name_alone(
    officer: tuple[User, TOTPDevice], export_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIRLOCK_PASSWORD", raising=False)
    monkeypatch.delenv("AIRLOCK_TOTP", raising=False)

    with pytest.raises(CommandError, match="password and TOTP code"):
        airlock_audit(*export_args, "--actor", "carla-compliance")

    assert not (tmp_path / "dsar.zip").exists()
    assert records(Event.AUDIT_DECRYPTED) == []


def test_a_wrong_password_or_code_is_refused_and_recorded(
    officer: tuple[User, TOTPDevice], export_args: list[str], tmp_path: Path
) -> None:
    _, device = officer
    password_file = tmp_path / "password"
    password_file.write_text("not the password\n")
    right_password = tmp_path / "right"
    right_password.write_text(PASSWORD + "\n")
    wrong_code = "000000" if code_for(device) != "000000" else "111111"

    with pytest.raises(CommandError, match="wrong password"):
        airlock_audit(
            *export_args,
            "--actor",
            "carla-compliance",
            "--password-file",
            str(password_file),
            "--totp",
            code_for(device),
        )
    with pytest.raises(CommandError, match="TOTP code"):
        airlock_audit(
            *export_args,
            "--actor",
            "carla-compliance",
            "--password-file",
            str(right_password),
            "--totp",
            wrong_code,
        )
    with pytest.raises(CommandError, match="unknown or deactivated"):
        airlock_audit(
            *export_args, "--actor", "mallory", "--password-file", str(right_password), "--totp", "123456"
        )

    assert not (tmp_path / "dsar.zip").exists() and records(Event.AUDIT_DECRYPTED) == []
    reasons = [json.loads(r.body)["meta"]["reason"] for r in records(Event.SIGN_IN_FAILED)]
    assert reasons == ["wrong password", "wrong or throttled TOTP code", "unknown or deactivated user"]


def test_an_auditor_with_right_credentials_still_may_not_decrypt(
    auditor: User, export_args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    auditor.set_password(PASSWORD)
    auditor.save()
    device = TOTPDevice.objects.create(user=auditor, name="phone", confirmed=True)
    monkeypatch.setenv("AIRLOCK_PASSWORD", PASSWORD)

    with pytest.raises(CommandError, match="not one"):
        airlock_audit(*export_args, "--actor", "audrey-auditor", "--totp", code_for(device))

    assert records(Event.AUDIT_DECRYPTED) == []


def test_a_proven_compliance_officer_decrypts_and_the_record_names_them_and_the_shell(
    officer: tuple[User, TOTPDevice],
    export_args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    carla, device = officer
    monkeypatch.setenv("AIRLOCK_PASSWORD", PASSWORD)
    monkeypatch.setenv("AIRLOCK_TOTP", code_for(device))

    assert run_airlock(monkeypatch, "audit", *export_args, "--actor", "carla-compliance") == 0

    assert "the secret prompt" in bundle_text(tmp_path / "dsar.zip")
    (decrypted,) = records(Event.AUDIT_DECRYPTED)
    assert decrypted.actor_id == carla.pk
    assert decrypted.actor_name == f"carla-compliance (command line: {SHELL})"
    assert PASSWORD not in decrypted.body


def test_djangos_unaudited_account_commands_are_refused_with_the_audited_ones_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["airlock", "createsuperuser"]) == 2
    assert "airlock users create NAME --role administrator" in capsys.readouterr().err
    assert cli.main(["airlock", "changepassword", "adam"]) == 2
    assert "airlock users reset-password NAME" in capsys.readouterr().err
