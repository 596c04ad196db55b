"""A password alone opens neither the management API nor Django's admin for the people the
console asks for a TOTP code; the console's own two-factor step is tested in tests/console."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db


def test_an_administrator_without_the_totp_step_is_refused_by_the_management_api(
    administrator: User,
) -> None:
    client = APIClient()
    client.force_login(administrator)
    response = client.get("/api/providers/")
    assert response.status_code == 403
    assert "Two-factor sign-in is required" in response.json()["detail"]


def test_a_compliance_officer_without_the_totp_step_is_refused_the_audit_api(
    compliance_officer: User,
) -> None:
    client = APIClient()
    client.force_login(compliance_officer)
    assert client.get("/api/audit/events/").status_code == 403


def test_the_same_administrator_after_the_totp_step_is_let_in(administrator: User) -> None:
    client = sign_in_verified(APIClient(), administrator)
    assert client.get("/api/providers/").status_code == 200


def test_an_auditor_who_never_enrolled_may_use_the_api_with_a_password(auditor: User) -> None:
    client = APIClient()
    client.force_login(auditor)
    assert client.get("/api/audit/events/").status_code == 200


def test_django_admin_does_not_open_for_a_staff_administrator_without_the_totp_step(
    administrator: User,
) -> None:
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client = APIClient()
    client.force_login(administrator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert sign_in_verified(client, administrator).get("/admin/").status_code == 200
