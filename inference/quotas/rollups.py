"""Daily rollups of the ledger, and the queries dashboards and reports make of them.

A rollup row holds one application's use of one model on one UTC day, by route (local or
egress): counts, tokens, money, and a latency histogram whose buckets merge by addition, so
p50 and p99 of any period are computed from the rows without touching the ledger. Rolling up
a day *recomputes* its rows from the ledger and replaces them in one transaction, so running
it twice, or after late ledger rows arrived (``reconcile``), gives the right answer.

Celery beat rolls up today and yesterday every five minutes; ``airlock usage rollup`` does
any range.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from inference.quotas.models import LATENCY_BOUNDS, UsageRecord, UsageRollup

THROTTLED = 429


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def bucket_of(latency_ms: float) -> int:
    return bisect.bisect_right(LATENCY_BOUNDS, latency_ms)


def percentile(histogram: Mapping[Any, int], q: float) -> float | None:
    """The q-quantile (0-1) of a histogram: the geometric middle of the bucket it falls in."""
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for index, count in sorted((int(k), v) for k, v in histogram.items()):
        seen += count
        if seen >= rank:
            if index == 0:
                return LATENCY_BOUNDS[0] / 2
            low = LATENCY_BOUNDS[index - 1]
            high = LATENCY_BOUNDS[index] if index < len(LATENCY_BOUNDS) else low * 1.25
            return round(math.sqrt(low * high), 2)
    return None


def merge(histograms: Iterable[Mapping[str, int]], into: dict[str, int] | None = None) -> dict[str, int]:
    """Add histograms (bucket index as a string -> count, buckets with no count left out)."""
    merged = {} if into is None else into
    for histogram in histograms:
        for index, count in histogram.items():
            merged[index] = merged.get(index, 0) + count
    return merged


# A request refused by a limit (429) is counted apart: it was never served, so it is neither a
# request of the application's traffic nor an error, and has no latency.
SERVED = ~Q(status=THROTTLED)
# Errors are the appliance's or a backend's failures (5xx). A client's mistake (4xx: a bad
# request, an unknown model, a refused key) is the client's, counted apart as a client error.
SERVER_ERROR = Q(status__gte=500)
CLIENT_ERROR = SERVED & Q(status__gte=400, status__lt=500)


def group_sums() -> dict[str, Any]:
    """The aggregates of one rollup row, for ``.values(...).annotate(**group_sums())``.

    One definition for the nightly rollup and for the dashboard's not-yet-rolled-up days, so
    both count requests, errors and refusals the same way.
    """
    return {
        "n_requests": Count("id", filter=SERVED),
        "n_errors": Count("id", filter=SERVED & SERVER_ERROR),
        "n_throttled": Count("id", filter=Q(status=THROTTLED)),
        "t_in": Sum("prompt_tokens"),
        "t_out": Sum("completion_tokens"),
        "usd": Sum("cost_usd"),
        "usd_ref": Sum("counterfactual_usd"),
        "ms": Sum("latency_ms", filter=SERVED),
    }


def rollup_day(day: date) -> int:
    """Recompute one day's rollup rows from the ledger; returns how many rows it has."""
    start, end = day_bounds(day)
    records = UsageRecord.objects.filter(created_at__gte=start, created_at__lt=end)
    groups = records.values("application_id", "model", "route").annotate(**group_sums())
    histograms: dict[tuple[int, str, str], dict[str, int]] = {}
    for app_id, model, route, latency in records.filter(SERVED).values_list(
        "application_id", "model", "route", "latency_ms"
    ):
        histogram = histograms.setdefault((app_id, model, route), {})
        index = str(bucket_of(latency))
        histogram[index] = histogram.get(index, 0) + 1
    now = timezone.now()
    rows = []
    for group in groups:
        histogram = histograms.get((group["application_id"], group["model"], group["route"]), {})
        rows.append(
            UsageRollup(
                day=day,
                month=day.replace(day=1),
                application_id=group["application_id"],
                model=group["model"],
                route=group["route"],
                requests=group["n_requests"],
                errors=group["n_errors"],
                throttled=group["n_throttled"],
                prompt_tokens=group["t_in"] or 0,
                completion_tokens=group["t_out"] or 0,
                cost_usd=group["usd"] or Decimal(0),
                counterfactual_usd=group["usd_ref"] or Decimal(0),
                latency_ms_sum=group["ms"] or 0.0,
                latency_histogram=histogram,
                latency_p50_ms=percentile(histogram, 0.50),
                latency_p99_ms=percentile(histogram, 0.99),
                updated_at=now,
            )
        )
    with transaction.atomic():
        UsageRollup.objects.filter(day=day).delete()
        UsageRollup.objects.bulk_create(rows)
    return len(rows)


def rollup_range(first: date, last: date) -> int:
    """Recompute every day from ``first`` to ``last`` inclusive; returns the rows written."""
    written = 0
    day = first
    while day <= last:
        written += rollup_day(day)
        day += timedelta(days=1)
    return written


def rollup_recent(now: datetime | None = None) -> int:
    """Today and yesterday (UTC): what beat runs, covering rows that arrive a little late."""
    today = (now or timezone.now()).astimezone(UTC).date()
    return rollup_range(today - timedelta(days=1), today)


# --- Queries (the API, the console's dashboard and the monthly report use these) ---

GROUPS = ("day", "month", "application_id", "model", "route")
SUMS = {
    "requests": Sum("requests"),
    "errors": Sum("errors"),
    "throttled": Sum("throttled"),
    "prompt_tokens": Sum("prompt_tokens"),
    "completion_tokens": Sum("completion_tokens"),
    "cost_usd": Sum("cost_usd"),
    "counterfactual_usd": Sum("counterfactual_usd"),
    "latency_ms_sum": Sum("latency_ms_sum"),
}


def summary(
    first: date,
    last: date,
    *,
    group_by: Sequence[str] = ("day",),
    app_ids: Collection[int] | None = None,
    models: Collection[str] | None = None,
    percentiles: bool = False,
) -> list[dict[str, Any]]:
    """Totals from the rollups between two days (inclusive), grouped as asked.

    Sums are computed by the database; with ``percentiles`` the histograms of each group are
    merged for its latency p50 and p99.
    """
    unknown = set(group_by) - set(GROUPS)
    if unknown:
        raise ValueError(f"cannot group by {', '.join(sorted(unknown))}")
    rows = UsageRollup.objects.filter(day__gte=first, day__lte=last)
    if app_ids is not None:
        rows = rows.filter(application_id__in=list(app_ids))
    if models is not None:
        rows = rows.filter(model__in=list(models))
    fields = list(group_by)
    if fields:
        result = [dict(r) for r in rows.values(*fields).annotate(**SUMS).order_by(*fields)]
    else:
        result = [rows.aggregate(**SUMS)]
    for entry in result:
        for name in SUMS:
            if entry[name] is None:
                entry[name] = Decimal(0) if name.endswith("usd") else 0
        served = entry["requests"]
        entry["latency_mean_ms"] = round(entry["latency_ms_sum"] / served, 2) if served else None
    if percentiles and result:
        merged = _merged_histograms(fields, first, last, app_ids, models)
        for entry in result:
            histogram = merged.get(tuple(entry[f] for f in fields), {})
            entry["latency_p50_ms"] = percentile(histogram, 0.50)
            entry["latency_p99_ms"] = percentile(histogram, 0.99)
    return result


def _merged_histograms(
    fields: list[str],
    first: date,
    last: date,
    app_ids: Collection[int] | None,
    models: Collection[str] | None,
) -> dict[tuple[Any, ...], dict[str, int]]:
    """Each group's histograms added up by the database (JSON functions of SQLite and PostgreSQL).

    Decoding a year of histograms in Python took over a second; the database returns one row
    per group and bucket instead.
    """
    meta = UsageRollup._meta
    # The group names are fields of UsageRollup whose columns have the same names.
    columns = [f"r.{name}" for name in fields]
    where = ["r.day >= %s", "r.day <= %s"]
    params: list[Any] = [first.isoformat(), last.isoformat()]
    for column, given in (("application_id", app_ids), ("model", models)):
        if given is not None:
            values = list(given)
            if not values:
                return {}
            where.append(f"r.{column} IN ({', '.join(['%s'] * len(values))})")
            params += values
    if connection.vendor == "postgresql":
        each, value = "jsonb_each_text(r.latency_histogram) AS j(key, value)", "j.value::bigint"
    else:
        each, value = "json_each(r.latency_histogram) AS j", "j.value"
    group = ", ".join([*columns, "j.key"])
    sql = (
        f"SELECT {group}, SUM({value}) FROM {meta.db_table} AS r, {each} "  # noqa: S608 - our own names
        f"WHERE {' AND '.join(where)} GROUP BY {group}"
    )
    merged: dict[tuple[Any, ...], dict[str, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for *key, bucket, count in cursor.fetchall():
            for index, name in enumerate(fields):
                if name in ("day", "month") and isinstance(key[index], str):
                    key[index] = date.fromisoformat(key[index])  # SQLite returns text
            merged.setdefault(tuple(key), {})[str(bucket)] = int(count)
    return merged
