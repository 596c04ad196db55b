"""Provider sessions kept in the database: sealed tokens, and no row outliving its session."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from identity.claims import map_claims
from identity.models import ExternalIdentity, ProviderSession
from identity.services import do_sign_in, session_tokens
from tests.identity.conftest import provider_config

pytestmark = pytest.mark.django_db

PROVIDER = provider_config("https://idp.example")
CLAIMS = {"sub": "s-1", "preferred_username": "alice", "groups": ["auditors"]}


def test_tokens_are_stored_sealed_and_read_back() -> None:
    signed = do_sign_in(
        PROVIDER, CLAIMS, map_claims(PROVIDER, CLAIMS), refresh_token="refresh-abc", access_token="access-xyz"
    )

    row = ProviderSession.objects.get(pk=signed.session.pk)
    assert b"refresh-abc" not in bytes(row.refresh_token) and b"access-xyz" not in bytes(row.access_token)
    assert session_tokens(row) == ("refresh-abc", "access-xyz")


def test_sessions_nobody_can_still_be_using_are_removed_at_the_next_sign_in(settings: Any) -> None:
    settings.SESSION_COOKIE_AGE = 1800
    settings.AIRLOCK_OIDC_REFRESH_SECONDS = 900
    user = User.objects.create_user("bob")
    identity = ExternalIdentity.objects.create(user=user, provider=PROVIDER.slug, subject="s-2")
    long_ago = timezone.now() - timedelta(seconds=1800 + 900 + 60)  # session age + refresh period
    dead = ProviderSession.objects.create(identity=identity, checked_at=long_ago)
    recent = ProviderSession.objects.create(
        identity=identity, checked_at=timezone.now() - timedelta(minutes=20)
    )

    do_sign_in(PROVIDER, CLAIMS, map_claims(PROVIDER, CLAIMS), refresh_token="", access_token="a")

    assert not ProviderSession.objects.filter(pk=dead.pk).exists()
    assert ProviderSession.objects.filter(pk=recent.pk).exists()
