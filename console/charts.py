"""Charts drawn on the server as inline SVG: no script, no inline style, nothing fetched.

The Content-Security-Policy allows styles from the appliance's own stylesheets only, so the
SVG carries geometry and class names; colours come from ``console/static/console/ops.css``
(each series has a class), with SVG presentation attributes as a fallback that the CSP does
not govern. Every chart is an image with a title and a description for screen readers, each
mark has a ``<title>`` (a tooltip on hover), and the template shows the same numbers as a
table in a ``<details>`` element beside it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Number = float | int
# Shown where there is no value (a day without requests has no latency).
DASH = "\N{EN DASH}"
Format = Callable[[float], str]

# The drawing's own units: two charts side by side on a laptop are about 500 px wide each, so
# text drawn at 13 units stays readable (about 11 px) without scaling fonts in CSS.
WIDTH = 560
HEIGHT = 230
LEFT = 56
RIGHT = 16
TOP = 14
BOTTOM = 32
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM
X_LABELS = 5
MARKERS_UP_TO = 31  # points a line shows as dots too; more would be clutter


@dataclass(frozen=True)
class Series:
    """One named row of values, drawn with the CSS class ``series-<css>``."""

    name: str
    values: Sequence[Number | None]
    css: str
    fallback_colour: str = "#3b5bdb"


@dataclass
class Chart:
    """An SVG and the table a reader can open instead."""

    id: str
    title: str
    description: str
    svg: SafeString
    legend: list[tuple[str, str]] = field(default_factory=list)  # (name, css)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


# --- Number formats ---


def compact(value: float) -> str:
    """1234 → 1.2k, 5600000 → 5.6M; small numbers as they are."""
    magnitude = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            text = f"{value / limit:.1f}".removesuffix(".0")
            return f"{text}{suffix}"
    if value == int(value):
        return f"{int(value)}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def money(value: float) -> str:
    """$1.23, $12.3k, $0.0012; a minus sign before the dollar sign."""
    sign, magnitude = ("-" if value < 0 else ""), abs(value)
    if magnitude >= 1000:
        return f"{sign}${compact(magnitude)}"
    if magnitude and magnitude < 0.01:
        return f"{sign}${magnitude:.4f}"
    return f"{sign}${magnitude:,.2f}"


def milliseconds(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:.0f} s"
    if value >= 1000:
        return f"{value / 1000:.1f} s"
    return f"{value:.0f} ms"


def day_label(day: date) -> str:
    return f"{day:%b} {day.day}"


# --- Geometry ---


def nice_ceiling(value: float) -> float:
    """A round number at or above ``value`` (1, 2, 2.5, 5 x 10^k) for the top of the y axis."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    base = 10.0**exponent
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * base * (1 + 1e-9):
            return step * base
    return 10.0 * base


def _ticks(top: float) -> list[float]:
    # Round steps: 5 of 1, 0.5 or 0.2 for a top of 5, 2.5 or 1 (x 10^k); 4 of 0.5 for a 2.
    lead = top / 10.0 ** math.floor(math.log10(top)) if top > 0 else 1.0
    count = 4 if math.isclose(lead, 2.0) else 5
    return [top * i / count for i in range(count + 1)]


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _x(index: int, count: int) -> float:
    if count <= 1:
        return LEFT + PLOT_W / 2
    return LEFT + PLOT_W * index / (count - 1)


def _y(value: float, top: float) -> float:
    return TOP + PLOT_H - PLOT_H * (value / top if top else 0)


def _label_indexes(count: int) -> list[int]:
    if count <= X_LABELS:
        return list(range(count))
    step = (count - 1) / (X_LABELS - 1)
    return sorted({round(i * step) for i in range(X_LABELS)})


def _open(chart_id: str, title: str, description: str) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="chart-svg" aria-labelledby="{cid}-title {cid}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(description)}</desc>',
    ]


def _axes(top: float, fmt: Format, x_labels: Sequence[tuple[float, str]]) -> list[str]:
    parts = ['<g class="axis" aria-hidden="true">']
    for tick in _ticks(top):
        y = _num(_y(tick, top))
        parts.append(
            f'<line class="grid-line" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" '
            'stroke="#e2e5ea" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="tick" x="{LEFT - 8}" y="{y}" text-anchor="end" dominant-baseline="middle">'
            f"{escape(fmt(tick))}</text>"
        )
    baseline = _num(TOP + PLOT_H)
    for x, text in x_labels:
        # Labels at the edges are anchored inwards, so the first and last are not cut off.
        anchor = "start" if x - LEFT < 24 else "end" if WIDTH - RIGHT - x < 24 else "middle"
        parts.append(
            f'<text class="tick" x="{_num(x)}" y="{_num(TOP + PLOT_H + 20)}" text-anchor="{anchor}">'
            f"{escape(text)}</text>"
        )
    parts.append(
        f'<line class="base-line" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{baseline}" y2="{baseline}" '
        'stroke="#c9ced6" stroke-width="1"/>'
    )
    parts.append("</g>")
    return parts


def _table(labels: Sequence[str], series: Sequence[Series], fmt: Format) -> tuple[list[str], list[list[str]]]:
    columns = ["Day", *[s.name for s in series]]
    rows = [
        [label, *[DASH if s.values[i] is None else fmt(float(s.values[i] or 0)) for s in series]]
        for i, label in enumerate(labels)
    ]
    return columns, rows


def _series_chart(
    chart_id: str,
    title: str,
    description: str,
    parts: list[str],
    labels: Sequence[str],
    series: Sequence[Series],
    fmt: Format,
) -> Chart:
    """Close the SVG of a chart over days and pair it with its legend and data table."""
    parts.append("</svg>")
    columns, rows = _table(labels, series, fmt)
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        svg=mark_safe("".join(parts)),  # noqa: S308 - every text in parts is escaped by its maker
        legend=[(s.name, s.css) for s in series],
        columns=columns,
        rows=rows,
    )


def _max(series: Sequence[Series], stacked: bool = False) -> float:
    if stacked:
        count = max((len(s.values) for s in series), default=0)
        sums = [sum(float(s.values[i] or 0) for s in series) for i in range(count)]
        return max(sums, default=0.0)
    return max((float(v) for s in series for v in s.values if v is not None), default=0.0)


# --- Charts ---


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    days: Sequence[date],
    series: Sequence[Series],
    *,
    fmt: Format = compact,
    area: bool = False,
) -> Chart:
    """One line per series over the days; gaps (None) break the line. ``area`` fills beneath."""
    count = len(days)
    top = nice_ceiling(_max(series))
    labels = [day_label(d) for d in days]
    parts = _open(chart_id, title, description)
    parts += _axes(top, fmt, [(_x(i, count), labels[i]) for i in _label_indexes(count)])
    for s in series:
        css = f"series-{escape(s.css)}"
        segments: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(s.values):
            if value is None:
                if segments[-1]:
                    segments.append([])
                continue
            segments[-1].append((_x(i, count), _y(float(value), top)))
        parts.append(f'<g class="series {css}">')
        for points in (seg for seg in segments if seg):
            path = " ".join(f"{'M' if j == 0 else 'L'}{_num(x)},{_num(y)}" for j, (x, y) in enumerate(points))
            if area and len(points) > 1:
                base = _num(TOP + PLOT_H)
                closed = f"{path} L{_num(points[-1][0])},{base} L{_num(points[0][0])},{base} Z"
                parts.append(
                    f'<path class="area" d="{closed}" fill="{s.fallback_colour}" fill-opacity="0.12"/>'
                )
            parts.append(
                f'<path class="line" d="{path}" fill="none" stroke="{s.fallback_colour}" stroke-width="2" '
                'stroke-linejoin="round" stroke-linecap="round"/>'
            )
        for i, value in enumerate(s.values):
            if value is None:
                continue
            lonely = (i == 0 or s.values[i - 1] is None) and (i == count - 1 or s.values[i + 1] is None)
            radius = 2.5 if count <= MARKERS_UP_TO or lonely else 0
            if radius == 0:
                continue
            parts.append(
                f'<circle class="point" cx="{_num(_x(i, count))}" cy="{_num(_y(float(value), top))}" '
                f'r="{radius}" fill="{s.fallback_colour}"><title>{escape(labels[i])}: '
                f"{escape(fmt(float(value)))} {escape(s.name)}</title></circle>"
            )
        parts.append("</g>")
    return _series_chart(chart_id, title, description, parts, labels, series, fmt)


def stacked_bars(
    chart_id: str,
    title: str,
    description: str,
    days: Sequence[date],
    series: Sequence[Series],
    *,
    fmt: Format = compact,
) -> Chart:
    """A bar per day, the series stacked from the bottom in the order given."""
    count = len(days)
    top = nice_ceiling(_max(series, stacked=True))
    labels = [day_label(d) for d in days]
    slot = PLOT_W / max(count, 1)
    width = max(1.0, slot * (0.7 if count <= 60 else 0.85))

    def centre(i: int) -> float:
        return LEFT + slot * (i + 0.5)

    parts = _open(chart_id, title, description)
    parts += _axes(top, fmt, [(centre(i), labels[i]) for i in _label_indexes(count)])
    groups = {
        s.css: [f'<g class="series series-{escape(s.css)}" fill="{s.fallback_colour}">'] for s in series
    }
    for i in range(count):
        stacked = 0.0
        for s in series:
            value = float(s.values[i] or 0)
            if value <= 0:
                continue
            y_top = _y(stacked + value, top)
            height = _y(stacked, top) - y_top
            stacked += value
            groups[s.css].append(
                f'<rect class="bar" x="{_num(centre(i) - width / 2)}" y="{_num(y_top)}" '
                f'width="{_num(width)}" height="{_num(max(height, 0.5))}"><title>{escape(labels[i])}: '
                f"{escape(fmt(value))} {escape(s.name)}</title></rect>"
            )
    for s in series:
        parts += groups[s.css]
        parts.append("</g>")
    return _series_chart(chart_id, title, description, parts, labels, series, fmt)


def donut(
    chart_id: str,
    title: str,
    description: str,
    parts_in: Sequence[tuple[str, Number, str, str]],
    *,
    fmt: Format = compact,
    centre_text: str = "",
) -> Chart:
    """Shares of a whole as a ring: (name, value, css, fallback colour) per part."""
    total = float(sum(value for _, value, _, _ in parts_in))
    size = 160
    radius = 15.915494  # circumference 100: a share in percent is its dash length
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 42 42" role="img" class="donut-svg" '
        f'width="{size}" height="{size}" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
        f'<circle class="donut-hole" cx="21" cy="21" r="{radius}" fill="none" stroke="#eef0f3" '
        'stroke-width="5"/>',
    ]
    offset = 25.0  # start at twelve o'clock
    for name, value, css, colour in parts_in:
        if total <= 0 or value <= 0:
            continue
        share = 100 * float(value) / total
        parts.append(
            f'<circle class="donut-part series-{escape(css)}" cx="21" cy="21" r="{radius}" fill="none" '
            f'stroke="{colour}" stroke-width="5" stroke-dasharray="{share:.3f} {100 - share:.3f}" '
            f'stroke-dashoffset="{offset:.3f}"><title>{escape(name)}: {share:.1f}% '
            f"({escape(fmt(float(value)))})</title></circle>"
        )
        offset = (offset - share) % 100
    if centre_text:
        parts.append(
            f'<text class="donut-label" x="21" y="21" text-anchor="middle" dominant-baseline="central">'
            f"{escape(centre_text)}</text>"
        )
    parts.append("</svg>")
    rows = [
        [name, fmt(float(value)), f"{100 * float(value) / total:.1f}%" if total else DASH]
        for name, value, _, _ in parts_in
    ]
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        svg=mark_safe("".join(parts)),  # noqa: S308 - every text above is escaped
        legend=[(name, css) for name, _, css, _ in parts_in],
        columns=["Part", "Value", "Share"],
        rows=rows,
    )


def meter_percent(used: Number | None, limit: Number | None) -> int | None:
    """How full a limit is, 0-100 (capped), for progress bars; None without a limit."""
    if limit is None or used is None:
        return None
    if float(limit) <= 0:
        return 100 if float(used) > 0 else 0
    return min(100, round(100 * float(used) / float(limit)))
