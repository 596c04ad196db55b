"""Sign-ins, sign-outs and failed sign-ins become audit records."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from appliance.net import client_ip
from audit.events import Event
from audit.log import record


def _source(request: HttpRequest | None) -> dict[str, Any]:
    if request is None:
        return {}
    return {
        # X-Forwarded-For only from a trusted proxy: the address django-axes counts, too.
        "source_ip": client_ip(request),
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
    }


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # The console signs a person in only after their TOTP code when they need one (it sets
    # ``otp_device`` first), so the record says which sign-ins had a second factor.
    meta = {**_source(request), "two_factor": getattr(user, "otp_device", None) is not None}
    if getattr(user, "sso_provider", None):
        meta["sso"] = user.sso_provider  # signed in through that identity provider (identity/)
    record(Event.SIGN_IN, actor=user, target=("user", user.pk), meta=meta)


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(Event.SIGN_OUT, actor=user, target=("user", user.pk), meta=_source(request))


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Only the name that was tried is kept; Django already masks the password in `credentials`.
    tried = str(credentials.get("username", ""))[:150]
    # "password" or "two_factor" (a wrong TOTP code after the right password: the console).
    meta = {**_source(request), "step": str(credentials.get("step", "password"))}
    record(Event.SIGN_IN_FAILED, actor_name=f"(failed) {tried}", target=("user", tried), meta=meta)
