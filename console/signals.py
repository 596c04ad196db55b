"""A lock-out by django-axes becomes an audit record (the failed tries are recorded already)."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_failure_limit
from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.http import HttpRequest

from appliance.net import client_ip
from audit.events import Event
from audit.log import record


@receiver(user_locked_out)
def _locked_out(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    # axes signals again on every try during the lock-out (each restarts the cool-off); one
    # record when the limit is reached is what an auditor needs, the tries are there anyway.
    failures = getattr(request, "axes_failures_since_start", None)
    credentials = {"username": username}
    if failures is not None and failures != get_failure_limit(request, credentials):
        return
    tried = str(username or "")[:150]
    record(
        Event.SIGN_IN_LOCKED_OUT,
        actor_name=f"(locked out) {tried}",
        target=("user", tried),
        meta={
            # The same function django-axes counted with (AXES_CLIENT_IP_CALLABLE).
            "source_ip": client_ip(request) if request is not None else ip_address,
            "failures": failures,
            "minutes": settings.AIRLOCK_SIGN_IN_LOCKOUT_MINUTES,
        },
    )
