"""Signing people in for tests the way the console does after a right TOTP code.

The management API and the console share one session, and both require the TOTP step of
administrators and compliance officers; tests that are not about that step use this helper.
tests/console/test_sign_in.py covers the step itself with real codes.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def verified_device(user: User) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    return device


def sign_in_verified(client: Client, user: User) -> Client:
    """Sign ``user`` in on ``client`` with a confirmed TOTP device, as after a right code."""
    device = verified_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
