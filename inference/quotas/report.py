"""The monthly cost, savings and break-even report (``airlock usage report``, ``/api/usage/report``).

From the daily rollups (fast at any volume), for one calendar month (UTC):

- per application and model, by route: requests, errors, refusals by a limit, tokens in and
  out; the **local cost** — the fleet's fixed cost for the month (servers x (amortised $/hour +
  power kW x $/kWh) x hours) shared out by each row's share of all local tokens; the **egress
  cost** (what the providers' prices say was spent); the **counterfactual cost** — what the
  same tokens would have cost on the reference external model (priced when each request was
  made); and for local traffic the **savings**: counterfactual minus local cost.
- **break-even**: the fleet's fixed cost against the external spend it avoided (the local
  traffic's counterfactual cost). Self-hosting paid off this month if the avoided spend is at
  least the fixed cost. At this month's mix of prompts and answers, it pays off from
  ``fixed cost / (avoided spend per token)`` tokens a month (and the same in requests).

For the month in progress, the fixed cost counts the hours elapsed so far (the report says
so), and a projection to the whole month is added.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from inference.models import Application
from inference.quotas import rollups
from inference.quotas.config import load_pricing
from inference.quotas.models import UsageRecord
from inference.quotas.rollups import summary

ZERO = Decimal(0)
CENT = Decimal("0.000001")


@dataclass
class Row:
    application: str
    application_id: int
    model: str
    route: str
    requests: int = 0
    errors: int = 0
    throttled: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    local_cost_usd: Decimal = ZERO
    egress_cost_usd: Decimal = ZERO
    counterfactual_usd: Decimal = ZERO
    savings_usd: Decimal | None = None


@dataclass
class BreakEven:
    fixed_cost_usd: Decimal
    fixed_cost_full_month_usd: Decimal
    avoided_spend_usd: Decimal
    # False while every figure is $0 (no cost model, no prices, no traffic): no verdict then.
    enough_data: bool
    pays_off: bool
    net_usd: Decimal
    local_tokens: int
    local_requests: int
    break_even_tokens_per_month: int | None
    break_even_requests_per_month: int | None
    projected_avoided_spend_usd: Decimal | None
    projected_pays_off: bool | None
    utilisation: float | None
    reference_model: str


@dataclass
class Report:
    month: str
    first_day: date
    last_day: date
    hours_covered: Decimal
    hours_in_month: int
    complete: bool
    rows: list[Row] = field(default_factory=list)
    totals: Row | None = None
    break_even: BreakEven | None = None

    def as_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value.quantize(CENT))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def parse_month(text: str) -> date:
    """``2026-11`` -> the first of that month."""
    try:
        parsed = datetime.strptime(text, "%Y-%m")  # noqa: DTZ007 - a calendar month, no time
    except ValueError:
        raise ValueError(f"{text!r} is not a month: use YYYY-MM, e.g. 2026-11.") from None
    return date(parsed.year, parsed.month, 1)


def monthly(month: date, *, app_ids: set[int] | None = None, now: datetime | None = None) -> Report:
    """The report for the calendar month containing ``month``.

    ``app_ids`` limits the rows to those applications (an app owner's view); the local cost is
    still shared out over everyone's tokens, and the fleet's break-even is left out.
    """
    first = month.replace(day=1)
    days = calendar.monthrange(first.year, first.month)[1]
    last = first.replace(day=days)
    start = datetime(first.year, first.month, 1, tzinfo=UTC)
    end = start + timedelta(days=days)
    now = (now or timezone.now()).astimezone(UTC)
    covered_seconds = max(0.0, min((now - start).total_seconds(), (end - start).total_seconds()))
    hours = Decimal(str(round(covered_seconds / 3600, 6)))
    complete = now >= end

    pricing = load_pricing()
    local = pricing.local
    fixed = local.fixed_cost(hours)
    fixed_full = local.fixed_cost(days * 24)

    groups = _groups(first, last, now)
    local_tokens = sum(g["prompt_tokens"] + g["completion_tokens"] for g in groups if g["route"] == "local")
    local_requests = sum(g["requests"] for g in groups if g["route"] == "local")
    avoided = sum((g["counterfactual_usd"] for g in groups if g["route"] == "local"), ZERO)
    names = dict(Application.objects.values_list("pk", "name"))

    report = Report(
        month=first.strftime("%Y-%m"),
        first_day=first,
        last_day=last,
        hours_covered=hours,
        hours_in_month=days * 24,
        complete=complete,
    )
    totals = Row(application="(all)", application_id=0, model="(all)", route="(all)", savings_usd=ZERO)
    for g in groups:
        if app_ids is not None and g["application_id"] not in app_ids:
            continue
        tokens = g["prompt_tokens"] + g["completion_tokens"]
        row = Row(
            application=names.get(g["application_id"], f"#{g['application_id']}"),
            application_id=g["application_id"],
            model=g["model"],
            route=g["route"],
            requests=g["requests"],
            errors=g["errors"],
            throttled=g["throttled"],
            prompt_tokens=g["prompt_tokens"],
            completion_tokens=g["completion_tokens"],
            counterfactual_usd=g["counterfactual_usd"],
        )
        if g["route"] == "local":
            row.local_cost_usd = fixed * tokens / local_tokens if local_tokens else ZERO
            row.savings_usd = row.counterfactual_usd - row.local_cost_usd
        else:
            row.egress_cost_usd = g["cost_usd"]
        report.rows.append(row)
        for name in ("requests", "errors", "throttled", "prompt_tokens", "completion_tokens"):
            setattr(totals, name, getattr(totals, name) + getattr(row, name))
        totals.local_cost_usd += row.local_cost_usd
        totals.egress_cost_usd += row.egress_cost_usd
        totals.counterfactual_usd += row.counterfactual_usd
        totals.savings_usd = (totals.savings_usd or ZERO) + (row.savings_usd or ZERO)
    report.rows.sort(key=lambda r: (r.application, r.model, r.route))
    if app_ids is None and local_tokens == 0 and fixed:
        # The fleet cost the month's hours even with nothing served.
        totals.local_cost_usd = fixed
        totals.savings_usd = -fixed
    report.totals = totals
    if app_ids is None:
        report.break_even = _break_even(
            fixed, fixed_full, avoided, local_tokens, local_requests, hours, days, covered_seconds, pricing
        )
    return report


KEY = ("application_id", "model", "route")
# What rollups.group_sums calls each figure of a ledger group.
LEDGER_NAMES = {
    "requests": "n_requests",
    "errors": "n_errors",
    "throttled": "n_throttled",
    "prompt_tokens": "t_in",
    "completion_tokens": "t_out",
    "cost_usd": "usd",
    "counterfactual_usd": "usd_ref",
}


def _groups(first: date, last: date, now: datetime) -> list[dict[str, Any]]:
    """The month's totals per application, model and route.

    Days before yesterday come from the daily rollups. Yesterday and today come from the
    ledger itself: their rollups are recomputed only every few minutes by the scheduler (and
    not at all where it does not run), so a report of the current month read only the
    rollups showed "no usage" after real traffic until someone ran ``--refresh``.
    """
    today = now.date()
    live_first = max(first, today - timedelta(days=1))
    live_last = min(last, today)
    if live_first > live_last:  # a month that ended before yesterday: its rollups are final
        return summary(first, last, group_by=KEY)
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    # The rollups of the days around the two read from the ledger (days to come have none).
    for since, until in ((first, live_first - timedelta(days=1)), (live_last + timedelta(days=1), last)):
        if since > until:
            continue
        for entry in summary(since, until, group_by=KEY):
            key = tuple(entry[k] for k in KEY)
            if key in merged:
                for name in LEDGER_NAMES:
                    merged[key][name] += entry[name]
            else:
                merged[key] = entry
    start = datetime(live_first.year, live_first.month, live_first.day, tzinfo=UTC)
    end = datetime(live_last.year, live_last.month, live_last.day, tzinfo=UTC) + timedelta(days=1)
    ledger = (
        UsageRecord.objects.filter(created_at__gte=start, created_at__lt=end)
        .values(*KEY)
        .annotate(**rollups.group_sums())
        .order_by(*KEY)
    )
    for group in ledger:
        entry = merged.setdefault(
            tuple(group[k] for k in KEY),
            {
                **{k: group[k] for k in KEY},
                **{name: ZERO if name.endswith("usd") else 0 for name in LEDGER_NAMES},
            },
        )
        for name, column in LEDGER_NAMES.items():
            entry[name] += group[column] or (ZERO if name.endswith("usd") else 0)
    return sorted(merged.values(), key=lambda e: tuple(e[k] for k in KEY))


def _break_even(
    fixed: Decimal,
    fixed_full: Decimal,
    avoided: Decimal,
    local_tokens: int,
    local_requests: int,
    hours: Decimal,
    days: int,
    covered_seconds: float,
    pricing: Any,
) -> BreakEven:
    local = pricing.local
    per_token: Decimal | None = avoided / local_tokens if local_tokens and avoided else None
    if per_token is None and pricing.reference is not None:
        # No local traffic yet: assume as many prompt tokens as answer tokens.
        ref = pricing.reference
        per_token = (ref.input_per_million + ref.output_per_million) / 2 / Decimal(1_000_000) or None
    per_request = avoided / local_requests if local_requests and avoided else None
    projected = projected_ok = None
    if hours and hours < days * 24:
        projected = avoided * Decimal(days * 24) / hours
        projected_ok = projected >= fixed_full
    capacity = local.servers * local.capacity_tokens_per_second * covered_seconds
    return BreakEven(
        fixed_cost_usd=fixed,
        fixed_cost_full_month_usd=fixed_full,
        avoided_spend_usd=avoided,
        enough_data=fixed > 0 or avoided > 0,
        pays_off=avoided >= fixed and (fixed > 0 or avoided > 0),
        net_usd=avoided - fixed,
        local_tokens=local_tokens,
        local_requests=local_requests,
        break_even_tokens_per_month=int((fixed_full / per_token).to_integral_value()) if per_token else None,
        break_even_requests_per_month=(
            int((fixed_full / per_request).to_integral_value()) if per_request else None
        ),
        projected_avoided_spend_usd=projected,
        projected_pays_off=projected_ok,
        utilisation=round(local_tokens / capacity, 4) if capacity else None,
        reference_model=local.reference_model,
    )
