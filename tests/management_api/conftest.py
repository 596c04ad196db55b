"""Fixtures for the management API: clients signed in with a session, or holding a token."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from appliance import tokens
from appliance.roles import Role


def bearer(plaintext: str) -> APIClient:
    """A client that sends only the token: no session cookie, no CSRF token."""
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    return client


@pytest.fixture
def token_for() -> Callable[..., tuple[APIClient, tokens.CreatedToken]]:
    """``token_for(user, roles=[...])``: a client holding a fresh token of ``user``."""

    def make(
        user: User, roles: list[Role] | None = None, days: int = 30
    ) -> tuple[APIClient, tokens.CreatedToken]:
        created = tokens.do_create_token(user, name="tests", roles=roles, expires_in_days=days)
        return bearer(created.plaintext), created

    return make
