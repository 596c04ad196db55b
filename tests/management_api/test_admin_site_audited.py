"""Django's /admin/: off in the production profile; where it is on, every change is audited."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.events import Event
from audit.models import AuditRecord
from tests.signin import sign_in_verified

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "AIRLOCK_PROFILE": "production",
    "AIRLOCK_SECRET_KEY": "k" * 60,
    "AIRLOCK_ALLOWED_HOSTS": "airlock.example.internal",
    "DATABASE_URL": "postgresql://airlock@127.0.0.1:5432/airlock",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
RESOLVE_ADMIN = """
import django
django.setup()
from django.urls import Resolver404, resolve
try:
    resolve("/admin/")
except Resolver404:
    print("no admin")
else:
    print("admin")
"""


def _python(code: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AIRLOCK_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "appliance.settings",
            "AIRLOCK_DATA_DIR": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _audit_keys(folder: Path) -> dict[str, str]:
    from tests.appliance.test_settings import _audit_key_files

    return _audit_key_files(folder)


def test_production_serves_no_admin_site(tmp_path: Path) -> None:
    done = _python(RESOLVE_ADMIN, {**PRODUCTION, **_audit_keys(tmp_path)}, tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no admin"


def test_production_refuses_to_turn_the_admin_site_on(tmp_path: Path) -> None:
    done = _python(
        RESOLVE_ADMIN, {**PRODUCTION, **_audit_keys(tmp_path), "AIRLOCK_ADMIN_SITE": "true"}, tmp_path
    )

    assert done.returncode != 0 and "AIRLOCK_ADMIN_SITE" in done.stderr


def admin_changes() -> list[dict[str, object]]:
    return [
        json.loads(r.body) for r in AuditRecord.objects.filter(event=Event.ADMIN_SITE_CHANGE).order_by("id")
    ]


@pytest.mark.django_db
def test_every_change_made_in_the_admin_site_is_audited(django_user_model: type[User]) -> None:
    root = django_user_model.objects.create_superuser("root-admin", password="a long passphrase here")
    victim = django_user_model.objects.create_user("victim")
    device = TOTPDevice.objects.create(user=victim, name="phone", confirmed=True)
    client = sign_in_verified(Client(), root)

    added = client.post("/admin/auth/group/add/", {"name": "ops-team", "permissions": []})
    removed = client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})

    assert added.status_code == 302 and removed.status_code == 302
    assert Group.objects.filter(name="ops-team").exists()
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    group, deletion = admin_changes()
    assert group["actor"] == {"id": root.pk, "name": "root-admin"}
    assert group["target"]["type"] == "auth.group" and group["meta"]["action"] == "added"  # type: ignore[index]
    assert deletion["target"] == {"type": "otp_totp.totpdevice", "id": str(device.pk)}
    assert deletion["meta"]["action"] == "deleted"  # type: ignore[index]


@pytest.mark.django_db
def test_the_admin_site_offers_no_bulk_delete_that_would_bypass_the_audit(
    django_user_model: type[User],
) -> None:
    root = django_user_model.objects.create_superuser("root-admin", password="a long passphrase here")
    client = sign_in_verified(Client(), root)

    page = client.get("/admin/auth/user/").content.decode()

    assert "delete_selected" not in page
