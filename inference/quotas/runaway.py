"""Runaway protection: an application bursting far above its normal rate is suspended.

The rate is tracked in the same atomic step that reserves a request's quota (``limiter``), so
it costs nothing extra and holds across workers: every request attempt, refused or not,
counts in its application's current minute. The application's *normal* rate is an
exponentially weighted average of its past active minutes (minutes with no request are not
"normal", so a quiet night does not make the morning look like a burst; the newest minute
weighs 5%, about the last twenty active minutes). It trips when the current minute passes

- ``AIRLOCK_RUNAWAY_FACTOR`` x the normal rate, but never below ``AIRLOCK_RUNAWAY_MIN_RPM``
  (a new application, with no history, is held to the minimum), unless the application's
  policy turns ``runaway_protection`` off or the factor is 0; or
- an absolute rate: the application's ``suspend_above_rpm``, else ``AIRLOCK_RUNAWAY_ABSOLUTE_RPM``.

The request that trips it sets a block flag, so every worker refuses the application at once,
and the suspension itself (``Application.is_active = False``, an audit record and an alert)
is written in the background by ``services.do_suspend_application``. An administrator
re-enables it (``airlock usage reenable APP``), which also clears the flag and the minute's
count.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections

from inference.quotas.config import Limits
from inference.quotas.limiter import Outcome, RunawayCheck

log = logging.getLogger("airlock.quotas")

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="runaway")
_background: set[asyncio.Future[None]] = set()


def check_for(app_id: int, limits: Limits | None) -> RunawayCheck:
    relative = settings.AIRLOCK_RUNAWAY_FACTOR > 0 and (limits is None or limits.runaway_protection)
    absolute = (limits.suspend_above_rpm if limits else None) or settings.AIRLOCK_RUNAWAY_ABSOLUTE_RPM
    return RunawayCheck(
        app_id=app_id,
        relative=relative,
        factor=settings.AIRLOCK_RUNAWAY_FACTOR,
        minimum=settings.AIRLOCK_RUNAWAY_MIN_RPM,
        absolute=absolute or 0,
    )


def describe(app_name: str, outcome: Outcome) -> str:
    return (
        f"Application '{app_name}' sent {outcome.requests_this_minute} requests in one minute, above "
        f"its runaway threshold of {outcome.threshold} (normal rate {outcome.baseline:.1f}/min); "
        "it was suspended automatically. An administrator must re-enable it."
    )


def _suspend(app_id: int, message: str, details: dict[str, object]) -> None:
    from inference.models import Application
    from inference.quotas import services

    close_old_connections()
    try:
        app = Application.objects.filter(pk=app_id).first()
        if app is None or not app.is_active:
            return
        services.do_suspend_application(app, reason=message, automatic=True, details=details)
    except Exception:
        # The block flag keeps refusing the application meanwhile; it expires, and the next
        # burst trips (and tries to suspend) again.
        log.exception("could not suspend runaway application %s", app_id)


def trip(app_id: int, app_name: str, outcome: Outcome, request_id: str) -> None:
    """Suspend the application in the background; the request path does not wait."""
    details = {
        "requests_this_minute": outcome.requests_this_minute,
        "threshold": outcome.threshold,
        "baseline_per_minute": outcome.baseline,
        "request_id": request_id,
    }
    log.warning("runaway: %s", describe(app_name, outcome))
    future = asyncio.get_running_loop().run_in_executor(
        _executor, _suspend, app_id, describe(app_name, outcome), details
    )
    _background.add(future)
    future.add_done_callback(_background.discard)


def wait_idle() -> None:
    """Block until pending suspensions are written (tests)."""
    _executor.submit(lambda: None).result()
