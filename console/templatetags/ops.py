"""Number formats of the dashboard, quotas and egress pages: ``{% load ops %}``."""

from __future__ import annotations

from decimal import Decimal

from django import template

from console import charts
from console.charts import DASH

register = template.Library()


def _float(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@register.filter
def compact(value: object) -> str:
    """12345 → 12.3k; None → a dash."""
    number = _float(value)
    return DASH if number is None else charts.compact(number)


@register.filter
def whole(value: object) -> str:
    """12345 → 12,345; None → a dash."""
    number = _float(value)
    return DASH if number is None else f"{round(number):,}"


@register.filter
def usd(value: object) -> str:
    """Dollars: $1,234.50, $0.0012, $12.3k; None → a dash."""
    number = _float(value)
    return DASH if number is None else charts.money(number)


@register.filter
def usd_exact(value: object) -> str:
    """Dollars to the cent with thousands separators (tables of money); tiny amounts in full."""
    if value is None or value == "":
        return DASH
    number = Decimal(str(value))
    sign, magnitude = ("-" if number < 0 else ""), abs(number)
    if magnitude == 0 or magnitude >= Decimal("0.01"):
        return f"{sign}${magnitude:,.2f}"
    return f"{sign}${magnitude:.6f}".rstrip("0")


@register.filter
def ms(value: object) -> str:
    number = _float(value)
    return DASH if number is None else charts.milliseconds(number)


@register.filter
def percent(value: object, digits: int = 1) -> str:
    """A share 0-1 as a percentage; None → a dash."""
    number = _float(value)
    return DASH if number is None else f"{100 * number:.{int(digits)}f}%"
