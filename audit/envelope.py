"""Envelope encryption of audit content (AES-256-GCM).

Each record's content is encrypted under a data key; data keys are stored only wrapped by the
key-encryption key. The associated data binds a ciphertext to its record (uid) and key id, so
ciphertext moved to another record, or a record pointed at another key, fails to decrypt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import IntegrityError, transaction

from audit import keyring
from audit.models import DataKey

NONCE = 12


class ContentUnavailable(Exception):
    """The content's key was shredded (retention, erasure) or the ciphertext is not authentic."""


def wrap(kek: bytes, key_id: str, data_key: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(kek).encrypt(nonce, data_key, b"airlock-dk/v1|" + key_id.encode())


def unwrap(kek: bytes, key_id: str, wrapped: bytes) -> bytes:
    return AESGCM(kek).decrypt(wrapped[:NONCE], wrapped[NONCE:], b"airlock-dk/v1|" + key_id.encode())


def _aad(uid: str, key_id: str) -> bytes:
    return f"airlock-audit/v1|{uid}|{key_id}".encode()


def encrypt(data_key: bytes, uid: str, key_id: str, plaintext: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(data_key).encrypt(nonce, plaintext, _aad(uid, key_id))


def decrypt(data_key: bytes, uid: str, key_id: str, blob: bytes) -> bytes:
    try:
        return AESGCM(data_key).decrypt(blob[:NONCE], blob[NONCE:], _aad(uid, key_id))
    except InvalidTag:
        raise ContentUnavailable(f"the content of record {uid} is not authentic under key {key_id}") from None


# --- Keyed hashes of content (metadata mode) ---


@dataclass(frozen=True)
class KeyedHash:
    """Content to be kept only as an HMAC-SHA256 under its record's hash key.

    The record's data key is chosen when the record is prepared (``audit.log.prepare``), so
    the request path hands over the text and the hash is taken there, under that key.
    """

    text: str


def _hash_key(data_key: bytes) -> bytes:
    # Derived, not stored: shredding the data key (retention, erasure) destroys it too.
    return hmac.new(data_key, b"airlock-content-hmac/v1", hashlib.sha256).digest()


def keyed_hash(data_key: bytes, text: str) -> str:
    """The HMAC-SHA256 a metadata-mode record keeps of ``text`` (hex). Without the data key
    of the record's application, day and subject, a guessed text cannot be confirmed."""
    return hmac.new(_hash_key(data_key), text.encode(), hashlib.sha256).hexdigest()


def resolve_keyed_hashes(content: Any, data_key: bytes) -> Any:
    """``content`` with every ``KeyedHash`` replaced by its keyed hash."""
    if isinstance(content, KeyedHash):
        return keyed_hash(data_key, content.text)
    if isinstance(content, dict):
        return {k: resolve_keyed_hashes(v, data_key) for k, v in content.items()}
    if isinstance(content, list | tuple):
        return [resolve_keyed_hashes(v, data_key) for v in content]
    return content


# Workers keep today's data keys in memory for a minute. A key shredded meanwhile by another
# process is gone from the database, so whatever a worker still encrypts under it is as
# unrecoverable as the rest of that key's content: erasure holds either way.
_TTL = 60.0
_cache: dict[tuple[int | None, dt.date, str], tuple[float, str, bytes]] = {}
_lock = threading.Lock()


def data_key_for(application_id: int | None, day: dt.date, subject: str) -> tuple[str, bytes]:
    """(key_id, key) for new content of this application, day and subject; made on first use."""
    scope = (application_id, day, subject)
    cached = _cache.get(scope)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1], cached[2]
    with _lock:
        kek_id, kek = keyring.kek()
        live = DataKey.objects.filter(
            application_id=application_id, period=day, subject=subject, shredded_at=None
        )
        row = live.first()
        if row is None:
            key_id = f"dk_{secrets.token_hex(8)}"
            material = AESGCM.generate_key(bit_length=256)
            try:
                with transaction.atomic():
                    row = DataKey.objects.create(
                        key_id=key_id,
                        application_id=application_id,
                        period=day,
                        subject=subject,
                        wrapped=wrap(kek, key_id, material),
                        kek_id=kek_id,
                    )
            except IntegrityError:  # another worker made it first: use theirs
                row = live.get()
        material = load(row)
        _cache[scope] = (time.monotonic() + _TTL, row.key_id, material)
        return row.key_id, material


def load(row: DataKey) -> bytes:
    if row.shredded_at is not None or not row.wrapped:
        raise ContentUnavailable(f"data key {row.key_id} was shredded on {row.shredded_at:%Y-%m-%d}")
    kek_id, kek = keyring.kek()
    if row.kek_id != kek_id:
        raise ContentUnavailable(
            f"data key {row.key_id} is wrapped by KEK {row.kek_id}, but the configured KEK is {kek_id}"
        )
    try:
        return unwrap(kek, row.key_id, bytes(row.wrapped))
    except InvalidTag:
        raise ContentUnavailable(f"data key {row.key_id} does not unwrap with the configured KEK") from None


def forget(key_ids: set[str] | None = None) -> None:
    """Drop cached data keys (after a shred or a KEK rotation)."""
    with _lock:
        if key_ids is None:
            _cache.clear()
            return
        for scope, (_, key_id, _) in list(_cache.items()):
            if key_id in key_ids:
                del _cache[scope]
