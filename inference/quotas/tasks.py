"""Background work of the quotas (Celery beat; in-process in the embedded profile)."""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.utils import timezone

from inference.quotas import ledger, reconcile, rollups


@shared_task(
    ignore_result=True, autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5
)
def rollup_recent() -> int:
    """Recompute today's and yesterday's rollups (every five minutes). Idempotent."""
    ledger.flush()  # a worker's own queued rows first, when beat runs in-process
    return rollups.rollup_recent()


@shared_task(
    ignore_result=True, autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5
)
def rollup_days(first: str, last: str) -> int:
    """Recompute the rollups of a range of days (ISO dates, inclusive). Idempotent."""
    return rollups.rollup_range(date.fromisoformat(first), date.fromisoformat(last))


@shared_task(
    ignore_result=True, autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5
)
def reconcile_recent(hours: int = 2) -> list[str]:
    """Restore ledger rows lost in a crash from the audit log, and roll their days up again.

    Looks at responses recorded between ``hours`` and one minute ago: the newest minute is
    left alone, since its rows may still be queued in a worker.
    """
    now = timezone.now()
    days = reconcile.reconcile(now - timedelta(hours=hours), now - timedelta(minutes=1))
    for day in sorted(days):
        rollups.rollup_day(day)
    return [day.isoformat() for day in sorted(days)]
