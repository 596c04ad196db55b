"""Set a benchmark result beside a baseline: each figure, the change and the change in percent.

    python bench/compare.py bench/results/local_inference-20261206T150000Z.json
        compares with the newest baseline of the same benchmark in bench/baselines/ (of those
        run with the same options, when there are any)
    python bench/compare.py NEW.json BASELINE.json
        compares with that baseline
    python bench/compare.py --save-baseline bench/results/gateway_overhead-....json
        copies a result to bench/baselines/<benchmark>-<date of the run>.json (to commit)

A result is the JSON a benchmark writes to ``bench/results/``. Its figures are its ``figures``
block (a flat name → number mapping, as bench/local_inference.py writes); for
bench/gateway_overhead.py they are read from its points (req/s, p50, p99 and the added latency
per target and concurrency) and its checks. The machines are set side by side too (from
bench/machine.py's ``machine`` block): absolute figures from different processors, core counts
or a busy machine are not comparable, ratios between targets of one run travel better.

Figures whose name ends in ``_ms`` are better lower, ratios, ``per_s`` and ``rps`` higher;
the last column says which way each one moved. Exit status 0, or 2 when a file cannot be read
or the two files are results of different benchmarks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BASELINES = REPO / "bench" / "baselines"

Figures = dict[str, float | None]


def load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text())
    if not isinstance(data, dict) or not data.get("benchmark"):
        raise ValueError(f"{path} is not a benchmark result (no 'benchmark' name)")
    return data


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def gateway_overhead_figures(report: dict[str, Any]) -> Figures:
    figures: Figures = {}
    for point in report.get("points", []):
        name = (
            f"{point['target']}.{'stream.' if point.get('mode') == 'stream' else ''}c{point['concurrency']}"
        )
        for key in ("rps", "p50_ms", "p99_ms", "added_p50_ms", "added_p99_ms", "cpu_us_per_request"):
            if point.get(key) is not None:
                figures[f"{name}.{key}"] = _number(point[key])
    for check in (report.get("verdict") or {}).get("checks", []):
        figures[f"check: {check['check']}"] = _number(check.get("value"))
    return figures


def flatten(data: Any, prefix: str = "") -> Figures:
    """Every number in nested dicts, by dotted name (lists and booleans are left out)."""
    figures: Figures = {}
    if isinstance(data, dict):
        for key, value in data.items():
            figures.update(flatten(value, f"{prefix}{key}."))
    elif _number(data) is not None:
        figures[prefix.rstrip(".")] = _number(data)
    return figures


SKIPPED = ("machine", "args", "samples", "warmup", "started_at", "finished_at")


def figures_of(report: dict[str, Any]) -> Figures:
    """The headline figures of a result, by name."""
    if isinstance(report.get("figures"), dict):
        return {k: _number(v) for k, v in report["figures"].items()}
    if report.get("benchmark") == "gateway_overhead":
        return gateway_overhead_figures(report)
    return flatten({k: v for k, v in report.items() if k not in SKIPPED})


def better(name: str) -> str | None:
    """``"lower"`` or ``"higher"`` when the name says which is better, else ``None``."""
    if name.startswith("check: "):
        return None
    leaf = name.rsplit(".", 1)[-1].lower()
    if "errors" in leaf:
        return "lower"
    if "per_s" in leaf or "ratio" in leaf or leaf == "rps":
        return "higher"
    if leaf.endswith(("_ms", "_us")) or "_per_request" in leaf:
        return "lower"
    return None


def change(base: float | None, new: float | None) -> tuple[float | None, float | None]:
    """(new - base, percent change); the percent is ``None`` when the base is zero or missing."""
    if base is None or new is None:
        return None, None
    delta = new - base
    return delta, (delta / abs(base) * 100 if base else None)


def rows(base: Mapping[str, float | None], new: Mapping[str, float | None]) -> list[dict[str, Any]]:
    names = list(base) + [n for n in new if n not in base]
    out = []
    for name in names:
        b, n = base.get(name), new.get(name)
        delta, pct = change(b, n)
        direction = better(name)
        verdict = ""
        if delta and direction:
            verdict = "better" if (delta < 0) == (direction == "lower") else "worse"
        out.append({"figure": name, "baseline": b, "new": n, "change": delta, "pct": pct, "moved": verdict})
    return out


MACHINE_FIELDS = ("cpu_model", "cpus_usable", "cpu_quota", "memory_gib", "kernel", "python")


def machine_of(report: dict[str, Any]) -> dict[str, Any]:
    """The ``machine`` block; results from before bench/machine.py kept the commit elsewhere."""
    described = dict(report.get("machine") or {})
    older = report.get("airlock") or {}
    if "git" not in described and isinstance(older, dict) and older.get("commit"):
        described["git"] = {"commit": older["commit"], "dirty": older.get("dirty")}
    return described


def machine_rows(base: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str]]:
    def show(machine: dict[str, Any], field: str) -> str:
        if field == "load at start":
            load = machine.get("loadavg_start") or [None]
            return "?" if load[0] is None else f"{load[0]:.2f}"
        if field == "commit":
            git = machine.get("git") or {}
            commit = (git.get("commit") or "?")[:10]
            return commit + (" (dirty)" if git.get("dirty") else "")
        value = machine.get(field)
        if field == "cpus_usable" and value is None:
            value = machine.get("cpus")
        return "?" if value is None else str(value)

    return [(f, show(base, f), show(new, f)) for f in (*MACHINE_FIELDS, "load at start", "commit")]


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    digits = 3 if abs(value) < 10 else 1 if abs(value) < 10_000 else 0
    return f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"


def render(new_path: Path, base_path: Path, new: dict[str, Any], base: dict[str, Any]) -> str:
    lines = [
        f"{new['benchmark']}: {new_path.name} against the baseline {base_path.name}",
        "",
    ]
    base_machine, new_machine = machine_of(base), machine_of(new)
    table = [("machine", "baseline", "new"), *machine_rows(base_machine, new_machine)]
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for i, line in enumerate(table):
        lines.append("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    differs = [
        f
        for f in ("cpu_model", "cpus_usable", "memory_gib")
        if base_machine.get(f) is not None and base_machine.get(f) != new_machine.get(f)
    ]
    if differs:
        lines.append(
            f"NOTE: the machines differ ({', '.join(differs)}): compare ratios, not absolute figures."
        )
    base_args, new_args = base.get("args") or {}, new.get("args") or {}
    changed = [k for k in sorted(set(base_args) | set(new_args)) if base_args.get(k) != new_args.get(k)]
    if changed:
        shown = ", ".join(f"{k} {base_args.get(k)!r} → {new_args.get(k)!r}" for k in changed)
        lines.append(f"NOTE: the runs' options differ ({shown}): their figures may not be comparable.")
    databases = [(r.get("airlock") or {}).get("database") for r in (base, new)]
    if databases[0] != databases[1]:
        lines.append(f"NOTE: Airlock's database differs: {databases[0]} → {databases[1]}.")
    lines.append("")
    cells = [("figure", "baseline", "new", "change", "%", "")]
    for row in rows(figures_of(base), figures_of(new)):
        pct = "—" if row["pct"] is None else f"{row['pct']:+.1f}%"
        cells.append(
            (
                row["figure"],
                _fmt(row["baseline"]),
                _fmt(row["new"]),
                _fmt(row["change"], signed=True),
                pct,
                row["moved"],
            )
        )
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    for i, cell in enumerate(cells):
        parts = [
            c.ljust(w) if j in (0, 5) else c.rjust(w)
            for j, (c, w) in enumerate(zip(cell, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    results = [(base.get("verdict") or {}).get("result"), (new.get("verdict") or {}).get("result")]
    if any(results):
        lines.append("")
        lines.append(f"Result: baseline {results[0] or '?'}, new {results[1] or '?'}")
    return "\n".join(lines)


def latest_baseline(
    benchmark: str, directory: Path = BASELINES, args: dict[str, Any] | None = None
) -> Path | None:
    """The newest ``<benchmark>-<date>[-N].json`` in ``directory`` (by the run's start); of those
    run with the same options as ``args`` when there are any."""
    found = []
    for path in directory.glob(f"{benchmark}-*.json"):
        try:
            data = load(path)
        except (OSError, ValueError):
            continue
        if data.get("benchmark") == benchmark:
            same = args is not None and data.get("args") == args
            found.append((same, str(data.get("started_at", "")), path.name, path))
    return max(found)[3] if found else None


def save_baseline(result: Path, directory: Path = BASELINES) -> Path:
    """Copy a result to ``directory/<benchmark>-<YYYY-MM-DD of the run>.json`` (``-2``... if taken)."""
    data = load(result)
    try:
        day = dt.datetime.fromisoformat(str(data["started_at"])).date()
    except (KeyError, ValueError):
        day = dt.datetime.now(dt.UTC).date()
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{data['benchmark']}-{day.isoformat()}.json"
    n = 2
    while target.exists():
        target = directory / f"{data['benchmark']}-{day.isoformat()}-{n}.json"
        n += 1
    shutil.copyfile(result, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare a benchmark result with a baseline.")
    parser.add_argument("result", type=Path, help="a result JSON (bench/results/...)")
    parser.add_argument(
        "baseline", type=Path, nargs="?", help="a baseline JSON (default: the newest in bench/baselines/)"
    )
    parser.add_argument(
        "--save-baseline", action="store_true", help="copy RESULT into bench/baselines/ instead of comparing"
    )
    args = parser.parse_args(argv)
    try:
        new = load(args.result)
        if args.save_baseline:
            saved = save_baseline(args.result)
            shown = saved.relative_to(REPO) if saved.is_relative_to(REPO) else saved
            print(f"Saved {args.result} as the baseline {shown}")
            return 0
        base_path = args.baseline or latest_baseline(new["benchmark"], args=new.get("args"))
        if base_path is None:
            print(f"No baseline of {new['benchmark']} in {BASELINES}; give one.", file=sys.stderr)
            return 2
        base = load(base_path)
    except (OSError, ValueError) as exc:
        print(f"compare: {exc}", file=sys.stderr)
        return 2
    if base["benchmark"] != new["benchmark"]:
        print(
            f"compare: {args.result} is a {new['benchmark']} result, {base_path} a {base['benchmark']} one",
            file=sys.stderr,
        )
        return 2
    print(render(args.result, base_path, new, base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
