"""The per-message analysis cache: a later turn of a conversation pays for its new text only.

Each turn resends the earlier messages. Their findings — spans, types and scores, never the
text — are kept in memory under an HMAC-SHA256 of (policy fingerprint, text), keyed with a
random key made when the process starts: the keys are useless to anyone who reads the
process's memory without that key, and nothing survives a restart. Bounded (least recently
used out first, ``AIRLOCK_REDACTION_CACHE_ENTRIES``) and safe to use from several threads.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict

from django.conf import settings

from redaction.engine import Finding

_KEY = secrets.token_bytes(32)


def key_for(fingerprint: str, text: str) -> bytes:
    message = fingerprint.encode() + b"\x00" + text.encode("utf-8", "surrogatepass")
    return hmac.new(_KEY, message, hashlib.sha256).digest()


class AnalysisCache:
    """A thread-safe LRU map from keyed text hashes to findings."""

    def __init__(self, max_entries: int) -> None:
        self._data: OrderedDict[bytes, tuple[Finding, ...]] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def get(self, key: bytes) -> tuple[Finding, ...] | None:
        with self._lock:
            found = self._data.get(key)
            if found is not None:
                self._data.move_to_end(key)
            return found

    def put(self, key: bytes, findings: tuple[Finding, ...]) -> None:
        if self._max <= 0:
            return
        with self._lock:
            self._data[key] = findings
            self._data.move_to_end(key)
            while len(self._data) > self._max:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


_cache: AnalysisCache | None = None
_lock = threading.Lock()


def cache() -> AnalysisCache:
    """The process's cache, sized by ``AIRLOCK_REDACTION_CACHE_ENTRIES`` on first use."""
    global _cache
    if _cache is None:
        with _lock:
            if _cache is None:
                _cache = AnalysisCache(settings.AIRLOCK_REDACTION_CACHE_ENTRIES)
    return _cache
