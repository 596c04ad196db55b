"""Sessions opened through an identity provider: second factor, and the periodic re-check.

Placed after django-otp's ``OTPMiddleware``. For a request whose session was opened through a
provider it

- re-checks the session against the provider when it is due (``identity.sessions``) and
  signs the person out when the provider no longer vouches for them or maps no role;
- counts the session as having passed the second factor: the provider authenticated the
  person, and its own policy (or ``ACR_VALUES``) decides how strongly. The console's TOTP
  step is for local accounts.

Requests of other sessions pass untouched, without a query.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from identity.sessions import SESSION_KEY, Recheck, recheck


def _verified() -> bool:
    return True


class ProviderSessions:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        marker = session.get(SESSION_KEY) if session is not None else None
        if isinstance(marker, dict):
            self._check(request, marker)
        return self.get_response(request)

    def _check(self, request: HttpRequest, marker: dict[str, Any]) -> None:
        user: Any = request.user
        if not user.is_authenticated or user.pk != marker.get("user"):
            request.session.pop(SESSION_KEY, None)
            return
        provider = settings.AIRLOCK_OIDC_PROVIDERS.get(str(marker.get("provider")))
        if provider is None:
            # The provider was removed from the configuration: its sessions end.
            logout(request)
            return
        if time.time() >= float(marker.get("due", 0)):
            outcome, due = recheck(int(marker["id"]), provider)
            if outcome is Recheck.ENDED:
                logout(request)
                return
            request.session[SESSION_KEY] = {**marker, "due": due}
            if outcome is Recheck.KEPT and hasattr(user, "_airlock_roles"):
                del user._airlock_roles  # roles may have changed with the claims
        user.is_verified = _verified
