"""Console sessions opened through a provider: marked in the Django session, re-checked.

The marker in the Django session names the provider session (``ProviderSession``) and when
it is next due for a check; the middleware (``identity.middleware``) re-checks it against the
provider at most ``AIRLOCK_OIDC_REFRESH_SECONDS`` (≤ 15 minutes) after the last check.
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Any

from django.conf import settings

from identity import oidc, services
from identity.claims import map_claims
from identity.config import ProviderConfig
from identity.models import ProviderSession
from identity.sealing import Unreadable

SESSION_KEY = "identity.provider_session"


class Recheck(StrEnum):
    KEPT = "kept"  # checked now, the person keeps a role
    CURRENT = "current"  # another request checked it recently, or is checking it now
    ENDED = "ended"  # the session must end (and the account may have been deactivated)


def mark(session: Any, provider_session: ProviderSession, provider: ProviderConfig, user_id: int) -> None:
    session[SESSION_KEY] = {
        "id": provider_session.pk,
        "provider": provider.slug,
        "user": user_id,
        "due": time.time() + settings.AIRLOCK_OIDC_REFRESH_SECONDS,
    }


def recheck(session_id: int, provider: ProviderConfig) -> tuple[Recheck, float]:
    """Re-check a provider session that is due; the outcome and when the next check is due."""
    seconds = settings.AIRLOCK_OIDC_REFRESH_SECONDS
    row = services.claim_session(session_id, seconds)
    if row is None:
        checked = ProviderSession.objects.filter(pk=session_id).values_list("checked_at", flat=True).first()
        if checked is None:
            return Recheck.ENDED, 0.0
        return Recheck.CURRENT, max(checked.timestamp() + seconds, time.time() + 5)
    subject = row.identity.subject
    try:
        refresh_token, access_token = services.session_tokens(row)
    except Unreadable:
        # Sealed under another secret key (AIRLOCK_SECRET_KEY was changed): sign in again.
        services.do_end_session(row, provider, "the session's tokens cannot be read", deactivate=False)
        return Recheck.ENDED, 0.0
    try:
        if refresh_token:
            tokens = oidc.refresh(provider, refresh_token)
            claims: dict[str, Any] = {}
            if tokens.id_token:
                claims = oidc.validate_id_token(provider, tokens.id_token, nonce=None, subject=subject)
            claims.update(oidc.userinfo(provider, tokens.access_token, subject))
            new_refresh, new_access = tokens.refresh_token, tokens.access_token
        else:
            # No refresh token was issued: the access token of the sign-in is asked about. Once
            # it has expired the person signs in again (which the provider may do silently).
            claims = oidc.userinfo(provider, access_token, subject)
            new_refresh, new_access = "", access_token
        if not claims:
            raise oidc.OidcError("the provider sent no claims when asked again")
    except oidc.OidcError as exc:
        # Refused outright at the token endpoint or userinfo after a refresh: the provider no
        # longer accepts this person. Unreachable or misbehaving: the session ends (fail
        # closed), the account stays active.
        services.do_end_session(row, provider, exc.reason, deactivate=exc.refused and bool(refresh_token))
        return Recheck.ENDED, 0.0
    mapped = map_claims(provider, claims)
    if not services.do_refresh_succeeded(
        row, provider, mapped, refresh_token=new_refresh, access_token=new_access
    ):
        services.do_end_session(row, provider, "no Airlock role is mapped any more", deactivate=False)
        return Recheck.ENDED, 0.0
    return Recheck.KEPT, time.time() + seconds
