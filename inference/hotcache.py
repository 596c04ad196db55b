"""Per-process caches for the request path, dropped whenever the gateway epoch changes."""

from __future__ import annotations

import time
from typing import Generic, TypeVar

from django.conf import settings

from inference import epoch

V = TypeVar("V")


class HotCache(Generic[V]):
    """A dict with a time-to-live per entry, emptied when ``inference.epoch`` moves."""

    def __init__(self, max_entries: int = 10_000) -> None:
        self._data: dict[str, tuple[float, V]] = {}
        self._epoch: object = object()
        self._max = max_entries

    async def sync(self) -> None:
        current = await epoch.current()
        if current != self._epoch:
            self._data.clear()
            self._epoch = current

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
