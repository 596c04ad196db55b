"""Key material of the audit log, read from files (never from the database).

- the key-encryption key (KEK, 32 bytes): wraps every data key (``AIRLOCK_AUDIT_KEK_FILE``);
- the Ed25519 signing key of checkpoints and exports (``AIRLOCK_AUDIT_SIGNING_KEY_FILE``);
- the pseudonym key, an HMAC key that turns end-user ids into stable pseudonyms
  (``AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE``); it is separate from the KEK so that rotating the KEK
  keeps pseudonyms — and so erasure requests — working.

In the embedded profile missing files are generated in the data folder (mode 0600); in
production they must be provided.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _path(setting: str, default_name: str) -> Path:
    configured = getattr(settings, setting, "")
    return Path(configured) if configured else Path(settings.DATA_DIR) / default_name


def _generate_if_embedded(path: Path, make: bytes, what: str) -> None:
    if path.exists():
        return
    if settings.PRODUCTION:
        raise ImproperlyConfigured(
            f"{what} file {path} does not exist; create it (see README, 'Audit keys')."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(make)


def parse_symmetric_key(raw: bytes, where: str) -> bytes:
    """32 bytes, given as base64 or hex text (what ``openssl rand -base64 32`` prints) or raw."""
    text = raw.strip()
    for decode in (lambda t: base64.b64decode(t, validate=True), binascii.unhexlify):
        try:
            key = decode(text)
        except (binascii.Error, ValueError):
            continue
        if len(key) == 32:
            return key
    if len(raw) == 32:
        return raw
    raise ImproperlyConfigured(
        f"{where} must hold a 32-byte key as base64 or hex (e.g. `openssl rand -base64 32`)."
    )


def new_symmetric_key_text() -> bytes:
    return base64.b64encode(secrets.token_bytes(32)) + b"\n"


def load_kek(path: Path) -> bytes:
    try:
        return parse_symmetric_key(path.read_bytes(), str(path))
    except OSError as exc:
        raise ImproperlyConfigured(f"The audit key-encryption key {path} cannot be read: {exc}") from exc


@lru_cache(maxsize=1)
def kek() -> tuple[str, bytes]:
    """(kek_id, key): the id is a fingerprint, so a data key names the KEK that wrapped it."""
    path = _path("AIRLOCK_AUDIT_KEK_FILE", "audit-kek")
    _generate_if_embedded(
        path, new_symmetric_key_text(), "The audit key-encryption key (AIRLOCK_AUDIT_KEK_FILE)"
    )
    key = load_kek(path)
    return kek_id_of(key), key


def kek_id_of(key: bytes) -> str:
    return hashlib.sha256(b"airlock-kek|" + key).hexdigest()[:16]


@lru_cache(maxsize=1)
def pseudonym_key() -> bytes:
    path = _path("AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE", "audit-pseudonym-key")
    _generate_if_embedded(
        path, new_symmetric_key_text(), "The pseudonym key (AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE)"
    )
    return parse_symmetric_key(path.read_bytes(), str(path))


def pseudonym(identifier: str) -> str:
    """A stable pseudonym for an end-user id: the same id always maps to the same value, and
    without the pseudonym key the id cannot be recovered or confirmed by guessing."""
    digest = hmac.new(pseudonym_key(), identifier.encode(), hashlib.sha256).hexdigest()
    return f"ps_{digest[:32]}"


@lru_cache(maxsize=1)
def signing_key() -> Ed25519PrivateKey:
    path = _path("AIRLOCK_AUDIT_SIGNING_KEY_FILE", "audit-signing-key.pem")
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _generate_if_embedded(path, pem, "The audit signing key (AIRLOCK_AUDIT_SIGNING_KEY_FILE)")
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise ImproperlyConfigured(f"The audit signing key {path} cannot be read: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(
            f"The audit signing key {path} must be an Ed25519 private key (PEM, PKCS#8)."
        )
    return key


def public_key_bytes(key: Ed25519PublicKey | None = None) -> bytes:
    key = key or signing_key().public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_fingerprint() -> str:
    return hashlib.sha256(public_key_bytes()).hexdigest()


def reset_caches() -> None:
    """Forget loaded keys (tests, and after ``rotate-kek`` switches files)."""
    kek.cache_clear()
    pseudonym_key.cache_clear()
    signing_key.cache_clear()
