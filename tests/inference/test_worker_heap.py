"""A worker moves what it loaded at startup out of the garbage collector's sight.

A full collection walks every tracked object: with Django, Presidio and spaCy loaded that is
about 180,000 objects and 60-100 ms on these machines, a pause every request in flight waits
through. Frozen, the same collection has almost nothing to walk.
"""

from __future__ import annotations

import gc

import httpx2 as httpx


def test_the_startup_heap_is_frozen_once_the_worker_serves(live_gateway: str) -> None:
    assert httpx.get(f"{live_gateway}/healthz", timeout=5).status_code == 200
    assert gc.get_freeze_count() > 50_000, "the lifespan startup froze the modules and settings it loaded"
