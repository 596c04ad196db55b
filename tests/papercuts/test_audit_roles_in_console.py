"""Administrators may verify the audit log; a refused page says which role it needs.

An administrator used to be refused "Verify now" and exports alike, and told to "ask an
administrator". Verification reveals no content, so administrators may run it (console and
API); exports stay with compliance officers, and the refusal names that role.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from audit.events import Event
from audit.models import AuditRecord
from tests.papercuts.conftest import SignIn
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db


def test_an_administrator_can_verify_the_log_from_the_console(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    page = client.get(reverse("console:audit_verify"))
    assert page.status_code == 200
    assert b"Verify now" in page.content
    done = client.post(reverse("console:audit_verify"))
    assert done.status_code == 200
    assert AuditRecord.objects.filter(event=Event.AUDIT_VERIFIED).exists()


def test_an_administrator_can_verify_through_the_management_api(administrator: User) -> None:
    api = APIClient()
    sign_in_verified(api, administrator)
    assert api.get("/api/audit/verification/").status_code == 200
    answer = api.post("/api/audit/verification/")
    assert answer.status_code == 200, answer.content
    assert answer.json()["ok"] is True


def test_an_administrator_refused_exports_is_told_it_is_the_compliance_officers(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    page = client.get(reverse("console:audit_exports"))
    assert page.status_code == 403
    html = page.content.decode()
    assert "This page needs the role of <strong>compliance officer</strong>." in html
    assert "ask an administrator" not in html.lower()
    assert reverse("console:users") in html  # where administrators grant roles


def test_someone_else_refused_is_told_the_roles_and_whom_to_ask(
    client: Client, signed_in: SignIn, app_owner: User
) -> None:
    signed_in(client, app_owner)
    page = client.get(reverse("console:audit_verify"))
    assert page.status_code == 403
    html = page.content.decode()
    assert (
        "This page needs the role of <strong>administrator</strong>, <strong>auditor</strong> or "
        "<strong>compliance officer</strong>." in html
    )
    assert "ask an administrator to grant you the role" in html


def test_people_without_a_role_may_still_not_verify(client: Client, signed_in: SignIn, nobody: User) -> None:
    signed_in(client, nobody)
    assert client.post(reverse("console:audit_verify")).status_code == 403
    assert not AuditRecord.objects.filter(event=Event.AUDIT_VERIFIED).exists()
