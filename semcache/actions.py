"""Changes of state of the semantic cache: one function each, used by the management API, the
console, the client feedback call and the tests. Each runs in a transaction with its audit
record, and bumps the gateway epoch on commit so every worker reads the new settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from audit.events import Event
from audit.log import Actor, record
from inference import epoch
from inference.models import Application
from inference.quotas.models import UsageRecord
from semcache.calibration import choose_threshold
from semcache.models import CacheEntry, CacheHit, CacheLookup, CacheSettings

# How far back reports of wrong hits count for calibration.
CALIBRATION_DAYS = 90
EDITABLE = (
    "enabled",
    "threshold",
    "target_false_hit_rate",
    "ttl_seconds",
    "max_entries",
    "allow_nondeterministic",
    "share_across_users",
)


def settings_for(application: Application) -> CacheSettings:
    """The application's settings row (an unsaved default when it has none: caching off)."""
    found = CacheSettings.objects.filter(application=application).first()
    return found if found is not None else CacheSettings(application=application)


def _values(row: CacheSettings) -> dict[str, Any]:
    return {name: getattr(row, name) for name in (*EDITABLE, "calibrated_threshold")}


def _validate(changes: dict[str, Any]) -> None:
    threshold = changes.get("threshold")
    if threshold is not None and not 0.5 <= float(threshold) <= 1.0:
        raise ValidationError({"threshold": "The threshold is a cosine similarity between 0.5 and 1."})
    target = changes.get("target_false_hit_rate")
    if target is not None and not 0.0 < float(target) < 0.5:
        raise ValidationError({"target_false_hit_rate": "A false-hit rate between 0 and 0.5 (e.g. 0.005)."})
    if "ttl_seconds" in changes and int(changes["ttl_seconds"]) < 1:
        raise ValidationError({"ttl_seconds": "At least one second."})
    if "max_entries" in changes and int(changes["max_entries"]) < 1:
        raise ValidationError({"max_entries": "At least one entry."})


def do_set_cache_settings(application: Application, *, actor: Actor = None, **changes: Any) -> CacheSettings:
    """Change an application's cache settings; old and new values go on record."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Unknown cache settings: {', '.join(sorted(unknown))}.")
    _validate(changes)
    with transaction.atomic():
        row = settings_for(application)
        if row.pk is not None:
            row = CacheSettings.objects.select_for_update().get(pk=row.pk)
        old = _values(row)
        for name, value in changes.items():
            setattr(row, name, value)
        if "target_false_hit_rate" in changes or "threshold" in changes:
            row.calibrated_threshold = None
        row.updated_at = timezone.now()
        row.save()
        if row.target_false_hit_rate is not None:
            _calibrate(row)
        new = _values(row)
        record(
            Event.CACHE_SETTINGS_CHANGED,
            actor=actor,
            target=("application", application.name),
            application_id=application.pk,
            meta={"old": old, "new": new},
        )
        transaction.on_commit(epoch.bump)
    return row


def _calibrate(row: CacheSettings) -> float | None:
    """Move the threshold toward the target false-hit rate from the reported wrong hits."""
    if row.target_false_hit_rate is None:
        return None
    since = timezone.now() - dt.timedelta(days=CALIBRATION_DAYS)
    hits = list(
        CacheHit.objects.filter(application_id=row.application_id, created_at__gte=since).values_list(
            "similarity", "reported_wrong_at"
        )
    )
    chosen = choose_threshold(
        [s for s, _ in hits],
        [r is not None for _, r in hits],
        row.target_false_hit_rate,
        floor=row.threshold,
    )
    row.calibrated_threshold = chosen
    row.save(update_fields=["calibrated_threshold"])
    return chosen


class NotFound(Exception):
    """No cache hit with that request id (for this application)."""


@dataclass
class Report:
    request_id: str
    entry_id: int
    evicted: bool
    threshold_before: float
    threshold_after: float


def do_report_wrong_answer(
    request_id: str,
    *,
    actor: Actor = None,
    actor_name: str | None = None,
    application_id: int | None = None,
    reason: str = "",
) -> Report:
    """A hit's answer was wrong for its question: evict the entry, count the report, calibrate.

    ``application_id`` limits the report to one application's hits (an API key's feedback
    call, an app owner): another application's request id is simply not found.
    """
    with transaction.atomic():
        hits = CacheHit.objects.select_for_update().filter(request_id=request_id)
        if application_id is not None:
            hits = hits.filter(application_id=application_id)
        hit = hits.first()
        if hit is None:
            raise NotFound(request_id)
        row = CacheSettings.objects.filter(application_id=hit.application_id).first()
        before = row.effective_threshold if row is not None else hit.threshold
        first_report = hit.reported_wrong_at is None
        if first_report:
            hit.reported_wrong_at = timezone.now()
            hit.reported_by = (actor_name or getattr(actor, "username", "") or "")[:150]
            hit.save(update_fields=["reported_wrong_at", "reported_by"])
        evicted, _ = CacheEntry.objects.filter(pk=hit.entry_id).delete()
        after = before
        if row is not None and row.target_false_hit_rate is not None:
            after = _calibrate(row) or before
        record(
            Event.CACHE_WRONG_REPORTED,
            actor=actor,
            actor_name=actor_name,
            target=("cache_entry", hit.entry_id),
            request_id=request_id,
            application_id=hit.application_id,
            meta={
                "entry_id": hit.entry_id,
                "source_request_id": hit.source_request_id,
                "similarity": hit.similarity,
                "evicted": bool(evicted),
                "reason": reason[:500],
                "threshold_before": before,
                "threshold_after": after,
                "repeated": not first_report,
            },
        )
        if after != before:
            record(
                Event.CACHE_CALIBRATED,
                actor=actor,
                actor_name=actor_name,
                target=("application", hit.application_id),
                application_id=hit.application_id,
                meta={
                    "old": before,
                    "new": after,
                    "target_false_hit_rate": row.target_false_hit_rate if row else None,
                },
            )
        transaction.on_commit(epoch.bump)
    return Report(request_id, hit.entry_id, bool(evicted), before, after)


def do_purge(application: Application, *, actor: Actor = None, reason: str = "") -> int:
    """Delete every entry of an application (its hits and counts stay, for the figures)."""
    with transaction.atomic():
        deleted, _ = CacheEntry.objects.filter(application_id=application.pk).delete()
        record(
            Event.CACHE_PURGED,
            actor=actor,
            target=("application", application.name),
            application_id=application.pk,
            meta={"entries": deleted, "reason": reason[:500]},
        )
    return deleted


@dataclass
class Stats:
    """What the console's cache panel and the API show of one application."""

    application: str
    enabled: bool
    threshold: float
    configured_threshold: float
    target_false_hit_rate: float | None
    entries: int
    lookups: int
    hits: int
    wrong_reports: int
    tokens_saved: int

    @property
    def hit_rate(self) -> float | None:
        return self.hits / self.lookups if self.lookups else None

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "hit_rate": self.hit_rate}


def stats(application: Application, days: int = 30) -> Stats:
    from semcache import service

    service.flush_counts()
    since = timezone.now() - dt.timedelta(days=days)
    row = settings_for(application)
    counts = CacheLookup.objects.filter(application_id=application.pk, day__gte=since.date()).aggregate(
        lookups=Sum("lookups"), hits=Sum("hits")
    )
    hits = CacheHit.objects.filter(application_id=application.pk, created_at__gte=since)
    saved = UsageRecord.objects.filter(application_id=application.pk, created_at__gte=since).aggregate(
        saved=Sum("cache_tokens_saved")
    )["saved"]
    return Stats(
        application=application.name,
        enabled=row.enabled,
        threshold=row.effective_threshold,
        configured_threshold=row.threshold,
        target_false_hit_rate=row.target_false_hit_rate,
        entries=CacheEntry.objects.filter(application_id=application.pk).count(),
        lookups=counts["lookups"] or 0,
        hits=counts["hits"] or 0,
        wrong_reports=hits.filter(reported_wrong_at__isnull=False).count(),
        tokens_saved=saved or 0,
    )


def recent_hits(application: Application, limit: int = 50) -> list[CacheHit]:
    return list(CacheHit.objects.filter(application_id=application.pk).order_by("-created_at")[:limit])
