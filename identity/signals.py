"""Signing out ends the provider session too (Django's signal also writes the audit record)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from identity.services import forget_session


@receiver(user_logged_out)
def _forget_provider_session(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    # Imported here: identity.sessions brings the OIDC client (httpx, PyJWT), which every
    # CLI command would otherwise load at start for nothing.
    from identity.sessions import SESSION_KEY

    session = getattr(request, "session", None)
    marker = session.get(SESSION_KEY) if session is not None else None
    if isinstance(marker, dict) and marker.get("id"):
        forget_session(int(marker["id"]))
