"""What the dashboard shows: usage per day, application, model and route — read only.

The daily rollups (``inference.quotas.rollups``) make a year of history cheap to read, but a
day's rollup is only recomputed every five minutes (Celery beat), and not at all on a box
where beat does not run. The ledger (``UsageRecord``) has every request a second after its
answer (``AIRLOCK_USAGE_FLUSH_SECONDS``). So each day of the period is read from one source:

- a *settled* day — its rollup rows were all recomputed at least ``SETTLE_MARGIN`` after the
  day ended, so no request of that day can still arrive — from its rollup rows;
- every other day (today, yesterday early in the morning, any day never rolled up) from the
  ledger, aggregated by the database the way ``rollups.rollup_day`` aggregates it, latency
  histogram included (bucketed in SQL, so no per-request row is fetched).

A request that has just finished is therefore on the dashboard as soon as its ledger row is
written, and a day never counts twice: it comes from exactly one of the two sources.

Nothing here writes. The arithmetic of a request's cost and counterfactual cost belongs to
``inference.quotas``; this module only adds up what the ledger and the rollups hold.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import reduce
from operator import or_
from typing import Any

from django.db import connection
from django.db.models import Case, Count, IntegerField, Min, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from inference.quotas import rollups
from inference.quotas.models import LATENCY_BOUNDS, UsageRecord, UsageRollup
from inference.quotas.rollups import merge, percentile

ZERO = Decimal(0)
LOCAL = UsageRecord.Route.LOCAL.value
EGRESS = UsageRecord.Route.EGRESS.value
# A day's rollup computed this long after the day ended has every request of that day: beat
# recomputes yesterday every five minutes all day, and a ledger row arrives within about a
# second of its answer (longer only for a request that ran longer than this).
SETTLE_MARGIN = timedelta(minutes=15)


@dataclass
class Totals:
    """Sums over some set of (day, application, model, route) groups."""

    requests: int = 0
    errors: int = 0  # server errors (5xx)
    client_errors: int = 0  # 4xx other than a limit's 429
    throttled: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: Decimal = ZERO
    counterfactual_usd: Decimal = ZERO
    local_requests: int = 0
    egress_requests: int = 0
    local_tokens: int = 0
    egress_tokens: int = 0
    egress_cost_usd: Decimal = ZERO
    local_cost_usd: Decimal = ZERO
    local_counterfactual_usd: Decimal = ZERO
    latency_ms_sum: float = 0.0
    histogram: dict[str, int] = field(default_factory=dict)

    def add(self, row: Row) -> None:
        self.requests += row.requests
        self.errors += row.errors
        self.client_errors += row.client_errors
        self.throttled += row.throttled
        self.prompt_tokens += row.prompt_tokens
        self.completion_tokens += row.completion_tokens
        self.cost_usd += row.cost_usd
        self.counterfactual_usd += row.counterfactual_usd
        self.latency_ms_sum += row.latency_ms_sum
        tokens = row.prompt_tokens + row.completion_tokens
        if row.route == EGRESS:
            self.egress_requests += row.requests
            self.egress_tokens += tokens
            self.egress_cost_usd += row.cost_usd
        else:
            self.local_requests += row.requests
            self.local_tokens += tokens
            self.local_cost_usd += row.cost_usd
            self.local_counterfactual_usd += row.counterfactual_usd
        if row.histogram:
            merge([row.histogram], self.histogram)

    def absorb(self, other: Totals) -> None:
        """Add another set of totals (a day's into the period's)."""
        for name in SUMMED:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.histogram:
            merge([other.histogram], self.histogram)

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def savings_usd(self) -> Decimal:
        """Local traffic: what the reference external model would have cost, less the local estimate."""
        return self.local_counterfactual_usd - self.local_cost_usd

    @property
    def error_rate(self) -> float | None:
        """Server errors (5xx) per request served."""
        return self.errors / self.requests if self.requests else None

    @property
    def client_error_rate(self) -> float | None:
        return self.client_errors / self.requests if self.requests else None

    @property
    def egress_share(self) -> float | None:
        """The share of served requests that left for an external provider."""
        return self.egress_requests / self.requests if self.requests else None

    @property
    def local_share(self) -> float | None:
        return self.local_requests / self.requests if self.requests else None

    @property
    def p50_ms(self) -> float | None:
        return percentile(self.histogram, 0.50)

    @property
    def p99_ms(self) -> float | None:
        return percentile(self.histogram, 0.99)

    @property
    def mean_ms(self) -> float | None:
        return round(self.latency_ms_sum / self.requests, 2) if self.requests else None


SUMMED = [f for f in Totals.__dataclass_fields__ if f != "histogram"]


@dataclass
class Row:
    """One (day, application, model, route) group, from a rollup row or from the ledger."""

    day: date
    application_id: int
    model: str
    route: str
    requests: int = 0
    errors: int = 0
    client_errors: int = 0
    throttled: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: Decimal = ZERO
    counterfactual_usd: Decimal = ZERO
    latency_ms_sum: float = 0.0
    histogram: dict[str, int] = field(default_factory=dict)


@dataclass
class Dashboard:
    """The figures of one period, whole and broken down."""

    first: date
    last: date
    total: Totals
    days: list[tuple[date, Totals]]
    by_application: dict[int, Totals]
    by_model: dict[str, Totals]
    # The days read from the ledger (not yet settled in the rollups), newest last.
    live_days: list[date]
    read_at: datetime

    @property
    def empty(self) -> bool:
        return self.total.requests == 0 and self.total.throttled == 0


def day_range(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _settled_days(first: date, last: date) -> set[date]:
    """The days whose rollup rows were all recomputed after the day was over (see the module).

    Asked of every application's rows, not only of those shown: a day rolled up with no row
    for the chosen application is settled all the same, and must not send the query to the
    ledger for it.
    """
    oldest = (
        UsageRollup.objects.filter(day__gte=first, day__lte=last)
        .values("day")
        .annotate(oldest=Min("updated_at"))
        .order_by()
    )
    return {
        entry["day"]
        for entry in oldest
        if entry["oldest"] >= _day_start(entry["day"] + timedelta(days=1)) + SETTLE_MARGIN
    }


SUMS = (
    "requests",
    "errors",
    "throttled",
    "prompt_tokens",
    "completion_tokens",
    "cost_usd",
    "counterfactual_usd",
    "latency_ms_sum",
)


def _rollup_groups(query: QuerySet[Any], key: str) -> Iterator[tuple[Any, Row]]:
    """Sums of the rollup rows per ``key`` and route, added up by the database."""
    grouped = query.values(key, "route").annotate(**{f"sum_{name}": Sum(name) for name in SUMS}).order_by()
    for group in grouped:
        row = Row(day=None, application_id=None, model=None, route=group["route"])  # type: ignore[arg-type]
        for name in SUMS:
            value = group[f"sum_{name}"]
            if value is not None:
                setattr(row, name, value)
        yield group[key], row


def _rollup_histograms(query: QuerySet[Any], column: str) -> dict[Any, dict[str, int]]:
    """The rollup rows' latency histograms added up per ``column`` by the database.

    Done in SQL with the JSON table functions of SQLite (``json_each``) and PostgreSQL
    (``jsonb_each_text``), the way ``rollups.summary`` merges them: a year of rollups is tens
    of thousands of histograms, and decoding and adding them in Python took most of a second.
    The rows are the ones ``query`` selects (its SQL is used as a subquery).
    """
    ids_sql, params = query.values("id").query.sql_with_params()
    table = UsageRollup._meta.db_table
    name = UsageRollup._meta.get_field(column).column  # type: ignore[union-attr]
    if connection.vendor == "postgresql":
        each, value = "jsonb_each_text(r.latency_histogram) AS j(key, value)", "j.value::bigint"
    else:
        each, value = "json_each(r.latency_histogram) AS j", "j.value"
    sql = (
        f"SELECT r.{name}, j.key, SUM({value}) FROM {table} AS r, {each} "  # noqa: S608 - our own names
        f"WHERE r.id IN ({ids_sql}) GROUP BY r.{name}, j.key"
    )
    merged: dict[Any, dict[str, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, bucket, count in cursor.fetchall():
            if column == "day" and isinstance(key, str):
                key = date.fromisoformat(key)  # SQLite returns dates as text
            merged.setdefault(key, {})[str(bucket)] = int(count)
    return merged


def _scoped(query: QuerySet[Any], app_ids: Collection[int] | None, models: Collection[str] | None) -> Any:
    if app_ids is not None:
        query = query.filter(application_id__in=list(app_ids))
    if models is not None:
        query = query.filter(model__in=list(models))
    return query


def _intervals(days: Iterable[date]) -> list[tuple[datetime, datetime]]:
    """Consecutive days as [start, end) datetime intervals, merged."""
    spans: list[tuple[datetime, datetime]] = []
    for day in sorted(days):
        start, end = _day_start(day), _day_start(day + timedelta(days=1))
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _bucket() -> Case:
    # rollups.bucket_of (bisect_right over LATENCY_BOUNDS) in SQL: the first bound above the
    # latency is its bucket; at or above the last bound, the overflow bucket.
    whens = [When(latency_ms__lt=bound, then=Value(i)) for i, bound in enumerate(LATENCY_BOUNDS)]
    return Case(*whens, default=Value(len(LATENCY_BOUNDS)), output_field=IntegerField())


def _ledger_rows(
    days: Collection[date], app_ids: Collection[int] | None, models: Collection[str] | None
) -> list[Row]:
    """The days' groups computed from the ledger, as ``rollups.rollup_day`` would compute them."""
    spans = _intervals(days)
    if not spans:
        return []
    when = reduce(or_, (Q(created_at__gte=start, created_at__lt=end) for start, end in spans))
    records = _scoped(UsageRecord.objects.filter(when), app_ids, models).annotate(
        day=TruncDate("created_at", tzinfo=UTC)
    )
    keys = ("day", "application_id", "model", "route")
    rows: dict[tuple[Any, ...], Row] = {}
    sums = records.values(*keys).annotate(**rollups.group_sums())
    for group in sums.order_by(*keys):
        key = tuple(group[k] for k in keys)
        rows[key] = Row(
            day=group["day"],
            application_id=group["application_id"],
            model=group["model"],
            route=group["route"],
            requests=group["n_requests"],
            errors=group["n_errors"],
            throttled=group["n_throttled"],
            prompt_tokens=group["t_in"] or 0,
            completion_tokens=group["t_out"] or 0,
            cost_usd=group["usd"] or ZERO,
            counterfactual_usd=group["usd_ref"] or ZERO,
            latency_ms_sum=group["ms"] or 0.0,
        )
    buckets = (
        records.filter(rollups.SERVED)
        .annotate(bucket=_bucket())
        .values(*keys, "bucket")
        .annotate(n=Count("id"))
        .order_by(*keys, "bucket")
    )
    for group in buckets:
        found = rows.get(tuple(group[k] for k in keys))
        if found is not None:
            found.histogram[str(group["bucket"])] = group["n"]
    return list(rows.values())


def _client_error_rows(
    first: date, last: date, app_ids: Collection[int] | None, models: Collection[str] | None
) -> list[Row]:
    """Client errors (4xx) per day, application and model, from the ledger.

    The rollups keep server errors only (no column for client errors, which count for no
    limit and no bill); these groups are few, and the ledger's time index bounds the scan.
    """
    start, end = _day_start(first), _day_start(last + timedelta(days=1))
    records = _scoped(UsageRecord.objects.filter(created_at__gte=start, created_at__lt=end), app_ids, models)
    keys = ("day", "application_id", "model", "route")
    groups = (
        records.filter(rollups.CLIENT_ERROR)
        .annotate(day=TruncDate("created_at", tzinfo=UTC))
        .values(*keys)
        .annotate(n=Count("id"))
        .order_by(*keys)
    )
    return [
        Row(
            day=group["day"],
            application_id=group["application_id"],
            model=group["model"],
            route=group["route"],
            client_errors=group["n"],
        )
        for group in groups
    ]


def today(now: datetime | None = None) -> date:
    return (now or timezone.now()).astimezone(UTC).date()


def dashboard(
    first: date,
    last: date,
    *,
    app_ids: Collection[int] | None = None,
    models: Collection[str] | None = None,
    now: datetime | None = None,
) -> Dashboard:
    """The figures from ``first`` to ``last`` (UTC days, inclusive).

    ``app_ids``: only these applications (an app owner's); ``models``: only these model names.
    ``None`` means no restriction.
    """
    now = now or timezone.now()
    nothing = (app_ids is not None and not app_ids) or (models is not None and not models)
    settled = set() if nothing else _settled_days(first, last)
    live = [
        day for day in day_range(first, last) if not nothing and day not in settled and _day_start(day) <= now
    ]

    total = Totals()
    per_day = {day: Totals() for day in day_range(first, last)}
    by_app: dict[int, Totals] = {}
    by_model: dict[str, Totals] = {}

    # Settled days: the database adds the rollup rows up per day, application and model,
    # latency histograms included.
    rolled = _scoped(UsageRollup.objects.filter(day__gte=first, day__lte=last), app_ids, models)
    rolled = rolled.exclude(day__in=live) if live else rolled
    if settled:
        for day, row in _rollup_groups(rolled, "day"):
            per_day[day].add(row)
        for app_id, row in _rollup_groups(rolled, "application_id"):
            by_app.setdefault(app_id, Totals()).add(row)
        for model, row in _rollup_groups(rolled, "model"):
            by_model.setdefault(model, Totals()).add(row)
        for column, into in (("day", per_day), ("application_id", by_app), ("model", by_model)):
            for key, histogram in _rollup_histograms(rolled, column).items():
                if key in into:
                    merge([histogram], into[key].histogram)  # type: ignore[index]

    # Days not settled: their (few) groups from the ledger, histograms included; then the
    # client errors of every day, which only the ledger keeps.
    extra = [] if nothing else _client_error_rows(first, last, app_ids, models)
    for row in [*_ledger_rows(live, app_ids, models), *extra]:
        per_day[row.day].add(row)
        by_app.setdefault(row.application_id, Totals()).add(row)
        by_model.setdefault(row.model, Totals()).add(row)

    # The period's total is added up from the days: 365 of them at most.
    for day_totals in per_day.values():
        total.absorb(day_totals)
    return Dashboard(
        first=first,
        last=last,
        total=total,
        days=sorted(per_day.items()),
        by_application=by_app,
        by_model=by_model,
        live_days=live,
        read_at=now,
    )
