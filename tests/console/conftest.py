"""Fixtures for console page tests.

``signed_in(client, user)`` signs a person in *and* marks the session as having passed the
TOTP step, the way django-otp does after a right code — so page tests do not repeat the
two-factor flow, which tests/console/test_sign_in.py covers for real.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditRecord
from tests.signin import sign_in_verified, verified_device

__all__ = ["sign_in_verified", "verified_device"]

SignIn = Callable[[Client, User], Client]


@pytest.fixture
def signed_in() -> SignIn:
    """``signed_in(client, user)``: the client, signed in as ``user`` past two-factor sign-in."""
    return sign_in_verified


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for ``device`` now (or ``steps_ahead`` steps later).

    A code is accepted once per 30-second step; ``steps_ahead=1`` gives the next one, which
    the device's tolerance of one step accepts too.
    """
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def records(event: str, **filters: Any) -> list[dict[str, Any]]:
    """The bodies of the audit records of one event, oldest first."""
    rows = AuditRecord.objects.filter(event=event, **filters).order_by("pk")
    return [orjson.loads(row.body) for row in rows]


@pytest.fixture
def people(
    administrator: User, compliance_officer: User, auditor: User, app_owner: User, nobody: User
) -> dict[str, User]:
    return {
        "administrator": administrator,
        "compliance_officer": compliance_officer,
        "auditor": auditor,
        "app_owner": app_owner,
        "nobody": nobody,
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # PBKDF2's 1M iterations cost a third of a second per check; these tests check many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
