"""API key format, hashing and constant-time checking.

A key looks like ``air-<prefix>-<secret>``: the 8-character prefix is public (shown in lists,
used to find the row), the 43-character secret carries 256 bits of entropy. Because the
secret is random and long, a single SHA-256 is the right hash (as GitHub and Stripe do): a
slow password hash would add latency to every request without adding security.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from dataclasses import dataclass

KEY_SCHEME = "air"
PREFIX_LENGTH = 8
_PREFIX_ALPHABET = string.ascii_lowercase + string.digits


@dataclass(frozen=True)
class NewKey:
    """A freshly generated key: ``plaintext`` is shown once and never stored."""

    plaintext: str
    prefix: str
    digest: str


def digest_of(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def generate() -> NewKey:
    prefix = "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(PREFIX_LENGTH))
    plaintext = f"{KEY_SCHEME}-{prefix}-{secrets.token_urlsafe(32)}"
    return NewKey(plaintext=plaintext, prefix=prefix, digest=digest_of(plaintext))


def parse_prefix(plaintext: str) -> str | None:
    """The prefix of a well-formed key, or None for anything that cannot be one of ours."""
    parts = plaintext.split("-", 2)
    if len(parts) != 3 or parts[0] != KEY_SCHEME or len(parts[1]) != PREFIX_LENGTH or len(parts[2]) < 20:
        return None
    return parts[1]


def matches(plaintext: str, digest: str) -> bool:
    return hmac.compare_digest(digest_of(plaintext), digest)
