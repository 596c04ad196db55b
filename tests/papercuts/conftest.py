"""Fixtures for the papercut tests (issue 18, item 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.signin import sign_in_verified

SignIn = Callable[[Client, User], Client]


@pytest.fixture
def signed_in() -> SignIn:
    """``signed_in(client, user)``: the client, signed in as ``user`` past two-factor sign-in."""
    return sign_in_verified
