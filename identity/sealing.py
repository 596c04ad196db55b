"""Authenticated encryption of the few secrets single sign-on keeps (AES-256-GCM).

The key is derived from ``SECRET_KEY`` with HKDF, one key per purpose: tokens at rest in the
database, and the browser's short-lived sign-in cookie (state, nonce, PKCE verifier).
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class Unreadable(Exception):
    """Not sealed by this appliance for this purpose (altered, or another secret key)."""


def _key(purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"airlock identity {purpose}".encode()
    ).derive(settings.SECRET_KEY.encode())


def seal(plain: bytes, purpose: str) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(_key(purpose)).encrypt(nonce, plain, purpose.encode())


def open_sealed(blob: bytes, purpose: str) -> bytes:
    try:
        return AESGCM(_key(purpose)).decrypt(blob[:12], blob[12:], purpose.encode())
    except (InvalidTag, ValueError) as exc:
        raise Unreadable(purpose) from exc


def seal_text(text: str, purpose: str) -> str:
    return base64.urlsafe_b64encode(seal(text.encode(), purpose)).decode().rstrip("=")


def open_text(token: str, purpose: str) -> str:
    try:
        blob = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError as exc:
        raise Unreadable(purpose) from exc
    return open_sealed(blob, purpose).decode()
