"""DRF authentication with a personal API token: ``Authorization: Bearer alt_…``.

The token stands in for the console's session *and* its TOTP step: it can only be made by
someone signed in past that step (console, API with a session) or by the operating-system
account on the appliance (CLI). So a token-authenticated user counts as verified, and holds
only the roles the token carries that the owner still holds (``tokens.effective_roles``):
``appliance.roles.roles_of`` reads the per-request cache set here.

Tokens need no CSRF token (they are not sent by browsers on their own), which is why
``SessionAuthentication`` runs first: a request with a session cookie is judged as a browser's.
"""

from __future__ import annotations

from typing import Any

from rest_framework import authentication, exceptions
from rest_framework.request import Request

# Only DRF's authentication module at import time: DRF imports this class while it builds
# APIView's defaults, so importing anything that defines a view here would be circular.
KEYWORD = "Bearer"
TOKEN_SCHEME = "alt"  # noqa: S105 - the public scheme of a token (appliance.tokens), not a secret


class TokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer alt_<prefix>_<secret>``; other bearer values are not ours."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _, value = header.partition(" ")
        value = value.strip()
        if scheme.lower() != KEYWORD.lower() or not value.startswith(f"{TOKEN_SCHEME}_"):
            return None
        from appliance import tokens
        from appliance.api import request_id_of

        try:
            user, token = tokens.authenticate(value, request_id=request_id_of(request), path=request.path)
        except tokens.TokenRefused as exc:
            raise exceptions.AuthenticationFailed(str(exc)) from None
        # The token's scope, for this request only (roles_of caches on the user object).
        user._airlock_roles = tokens.effective_roles(token)  # type: ignore[attr-defined]
        user.is_verified = lambda: True  # type: ignore[attr-defined]
        return user, token

    def authenticate_header(self, request: Request) -> str:
        return f'{KEYWORD} realm="airlock"'
