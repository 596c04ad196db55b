"""Fixtures for the semantic cache: the stub-backed gateway of tests/inference with the
cache switched on for its application, and helpers to wait for the background store."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from semcache import actions, service
from semcache.models import CacheEntry
from tests.inference.conftest import Gateway, gateway

__all__ = ["Gateway", "gateway"]


def wait_for(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting for the condition")


def wait_for_entries(count: int, **filters: object) -> None:
    """The answers are stored in the background after they are sent: wait for them."""
    wait_for(lambda: CacheEntry.objects.filter(**filters).count() >= count)


@pytest.fixture
def cached(gateway: Gateway) -> Gateway:
    """The gateway, with the semantic cache on for its application (threshold 0.95)."""
    service.forget_partitions()
    actions.do_set_cache_settings(gateway.app, enabled=True)
    return gateway
