"""Background work of the semantic cache (Celery beat, or the embedded scheduler)."""

from __future__ import annotations

from celery import shared_task


@shared_task(ignore_result=True)
def sweep() -> str:
    """Delete expired entries and entries of versions no longer deployed; idempotent."""
    from semcache import service

    expired = service.delete_expired()
    stale = service.delete_stale_versions()
    service.flush_counts()
    return f"deleted {expired} expired and {stale} stale entries"
