"""Per-process caches for the request path, dropped whenever the gateway epoch changes."""

from __future__ import annotations

import time
from typing import Generic, TypeVar

from django.conf import settings

from inference import epoch

V = TypeVar("V")


_caches: list[HotCache[object]] = []
_seen_epoch: object = object()


async def refresh() -> None:
    """Read the epoch once per request and empty every cache if it moved.

    Called at the start of each /v1 request (by ``auth.authenticate``, always the first step):
    one ``stat`` or one Redis GET per request, however many caches the request then uses.
    """
    global _seen_epoch
    current = await epoch.current()
    if current != _seen_epoch:
        for cache in _caches:
            cache.clear()
        _seen_epoch = current


class HotCache(Generic[V]):
    """A dict with a time-to-live per entry, emptied when ``inference.epoch`` moves."""

    def __init__(self, max_entries: int = 10_000) -> None:
        self._data: dict[str, tuple[float, V]] = {}
        self._max = max_entries
        _caches.append(self)  # type: ignore[arg-type]

    def get(self, key: str) -> V | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            self._data.pop(key, None)
            return None
        return entry[1]

    def put(self, key: str, value: V, ttl: float | None = None) -> None:
        if len(self._data) >= self._max:
            self._data.clear()  # crude, but bounded; only reached under a flood of distinct keys
        lifetime = settings.AIRLOCK_HOT_CACHE_SECONDS if ttl is None else ttl
        self._data[key] = (time.monotonic() + lifetime, value)

    def clear(self) -> None:
        self._data.clear()
