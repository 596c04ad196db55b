"""Consumption in the current windows, read from the live counters (for the API, CLI, console)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from inference.quotas import limiter
from inference.quotas.cost import from_micro
from inference.quotas.models import QuotaPolicy

KINDS = (
    ("requests_per_minute", "rpm", "minute"),
    ("tokens_per_minute", "tpm", "minute"),
    ("tokens_per_day", "tpd", "day"),
    ("tokens_per_month", "tpmo", "month"),
    ("budget_usd_per_month", "usd", "month"),
)


def now_for(policy: QuotaPolicy | None, scope: str) -> dict[str, Any]:
    """What each limit of ``policy`` has counted so far in its window; None where no limit is set.

    ``scope`` is ``a<app id>`` or ``k<key id>``. Counters exist only for limits that are set.
    """
    w = limiter.windows(limiter.clock())
    windows: dict[str, str | int] = {"minute": w.minute, "day": w.day, "month": w.month}
    wanted = [
        (name, limiter.counter_key(scope, kind, windows[window]))
        for name, kind, window in KINDS
        if policy is not None and getattr(policy, name) is not None
    ]
    values = dict(zip([n for n, _ in wanted], limiter.backend().values([k for _, k in wanted]), strict=True))
    out: dict[str, Any] = {name: values.get(name) for name, _, _ in KINDS}
    if out["budget_usd_per_month"] is not None:
        out["budget_usd_per_month"] = from_micro(out["budget_usd_per_month"])
    return out


def egress_spent_this_month() -> Decimal | None:
    """The global egress counter (kept only while a global cap is set)."""
    w = limiter.windows(limiter.clock())
    (value,) = limiter.backend().values([limiter.counter_key("global", "usd", w.month)])
    return from_micro(value)
