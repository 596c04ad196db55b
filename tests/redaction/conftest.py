"""Fixtures for the egress policy and the gate: providers, applications, clean in-memory caches."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User

from inference.models import Application, Provider
from redaction import cache, policy, services


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """No findings or effective policies remembered from another test (ids repeat after rollback)."""
    cache.cache().clear()
    policy.forget()
    yield
    cache.cache().clear()
    policy.forget()


@pytest.fixture
def providers(db: None) -> list[Provider]:
    return [
        Provider.objects.create(name="openai", kind="openai", base_url="https://api.openai.com/v1"),
        Provider.objects.create(name="anthropic", kind="anthropic", base_url="https://api.anthropic.com"),
    ]


@pytest.fixture
def triage(db: None, app_owner: User) -> Application:
    return Application.objects.create(name="triage", owner=app_owner)


@pytest.fixture
def billing(db: None) -> Application:
    return Application.objects.create(name="billing")


def set_policy(app: Application | None = None, **changes: Any) -> None:
    services.do_set_egress_policy(app, changes)


@pytest.fixture
def egress_on(providers: list[Provider], triage: Application) -> Application:
    """Egress on globally and for ``triage``, to OpenAI only; everything else as by default."""
    set_policy(enabled=True, allowed_providers=["openai"])
    set_policy(triage, enabled=True)
    return triage
