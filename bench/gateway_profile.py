"""Where the gateway's time goes: a per-step breakdown of /v1 requests, and what makes the tail.

Runs the same stub and the same request as ``bench/gateway_overhead.py``, with one Airlock worker
started through ``bench/phase_probe.py`` (gunicorn exactly as ``airlock serve`` starts it, with
timers around each step of the request path). ``wrk`` loads it at concurrency 1, then 16. Prints:

- per step, at each concurrency: mean, p50 and p99 in microseconds, and the share of the
  request's time inside the worker (``other`` is what no step covers: reading the request,
  routing, reading the answer's body, writing the reply, the event loop's own scheduling);
- the slow tail at concurrency 1: the mean of each step over the slowest 1 % of requests next
  to the median request, and which background work (audit inserts, seals, usage-ledger
  flushes, scheduler ticks, garbage collections) overlapped those requests, against how often
  it overlaps any request;
- the worker's CPU time per request at concurrency 16.

Usage
    python bench/gateway_profile.py [--duration 15] [--concurrency 1,16] [--json OUT]

``DATABASE_URL`` / ``REDIS_URL`` pass through as in gateway_overhead.py (a fresh SQLite otherwise).
The probe is a measuring instrument: its timers cost a few microseconds per step, so its totals
sit a little above an unprobed worker's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import gateway_overhead as go  # noqa: E402

STEPS = (
    "auth",
    "plan",
    "reserve",
    "cache",
    "audit_request",
    "upstream_headers",
    "validate",
    "audit_response",
    "settle",
    "review_gate",
)
BACKGROUND = ("audit_insert", "seal", "ledger_flush", "scheduler_tick", "scheduler_job", "gc0", "gc1", "gc2")


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def start_probed(children: go.Children, work: Path, key: str, out: Path) -> go.Target:
    port = go.free_port()
    argv = [
        str(go.APPLIANCE_BIN / "python"),
        "-m",
        "bench.phase_probe",
        "appliance.asgi:application",
        "--worker-class",
        "appliance.server.AirlockWorker",
        "--workers",
        "1",
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "0",
        "--graceful-timeout",
        "30",
        "--no-control-socket",
        "--config",
        "python:inference.metrics_dir",
    ]
    env = {**go.airlock_env(work), "AIRLOCK_PHASES_OUT": str(out)}
    child = children.start("airlock-probed", argv, log=work / "airlock-probed.log", env=env, cwd=REPO)
    target = go.Target(
        "probed", "Airlock, 1 worker, probed", f"http://127.0.0.1:{port}/v1/chat/completions", key, 1, child
    )
    go.wait_ready(child, target.url, key, timeout=90)
    return target


def breakdown(requests: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    totals = [r["total"] for r in requests]
    whole = sum(totals) or 1.0
    for step in (*STEPS, "other", "total"):
        if step == "other":
            values = [r["total"] - sum(r.get(s, 0.0) for s in STEPS) for r in requests]
        else:
            values = [r.get(step, 0.0) for r in requests]
        rows[step] = {
            "mean_us": statistics.fmean(values) * 1e6,
            "p50_us": pct(values, 0.50) * 1e6,
            "p99_us": pct(values, 0.99) * 1e6,
            "share": sum(values) / whole,
        }
    return rows


def tail(requests: list[dict[str, float]], events: list[list[Any]]) -> dict[str, Any]:
    ordered = sorted(requests, key=lambda r: r["total"])
    count = max(1, len(ordered) // 100)
    slow = ordered[-count:]
    middle = ordered[len(ordered) // 2 - count // 2 : len(ordered) // 2 - count // 2 + count]

    def means(group: list[dict[str, float]]) -> dict[str, float]:
        return {
            step: statistics.fmean(
                [
                    (r["total"] - sum(r.get(s, 0.0) for s in STEPS)) if step == "other" else r.get(step, 0.0)
                    for r in group
                ]
            )
            * 1e6
            for step in (*STEPS, "other", "total")
        }

    def overlapping(group: list[dict[str, float]], kind: str) -> float:
        spans = [(e[1], e[1] + e[2]) for e in events if e[0] == kind]
        hits = 0
        for r in group:
            start, end = r["start"], r["start"] + r["total"]
            if any(s < end and e > start for s, e in spans):
                hits += 1
        return hits / len(group) if group else 0.0

    return {
        "slow_count": len(slow),
        "slow_threshold_us": slow[0]["total"] * 1e6,
        "slow_mean_us": means(slow),
        "median_mean_us": means(middle),
        "overlap_slow": {kind: overlapping(slow, kind) for kind in BACKGROUND},
        "overlap_all": {
            kind: overlapping(ordered[:: max(1, len(ordered) // 2000)], kind) for kind in BACKGROUND
        },
        "background": {
            kind: {
                "count": sum(1 for e in events if e[0] == kind),
                "mean_us": statistics.fmean([e[2] for e in events if e[0] == kind] or [0.0]) * 1e6,
                "max_us": max([e[2] for e in events if e[0] == kind] or [0.0]) * 1e6,
            }
            for kind in BACKGROUND
        },
    }


def print_breakdown(title: str, rows: dict[str, dict[str, float]], count: int) -> None:
    print(f"\n{title} ({count:,} requests; µs inside the worker)")
    print(f"  {'step':<17} {'mean':>8} {'p50':>8} {'p99':>8} {'share':>7}")
    for step, row in rows.items():
        print(
            f"  {step:<17} {row['mean_us']:8.0f} {row['p50_us']:8.0f} {row['p99_us']:8.0f}"
            f" {row['share'] * 100:6.1f}%"
        )


def print_tail(found: dict[str, Any]) -> None:
    print(f"\nSlowest 1 % at c=1 ({found['slow_count']} requests, ≥ {found['slow_threshold_us']:.0f} µs):")
    print(f"  {'step':<17} {'median req':>11} {'slow req':>9}")
    for step in (*STEPS, "other", "total"):
        print(f"  {step:<17} {found['median_mean_us'][step]:11.0f} {found['slow_mean_us'][step]:9.0f}")
    print("  background work overlapping: slow requests vs all requests (count, mean, max µs)")
    for kind in BACKGROUND:
        bg = found["background"][kind]
        if not bg["count"]:
            continue
        print(
            f"    {kind:<15} {found['overlap_slow'][kind] * 100:5.1f}%"
            f" vs {found['overlap_all'][kind] * 100:5.1f}%"
            f"   ({bg['count']:,}, {bg['mean_us']:.0f}, {bg['max_us']:.0f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=15, help="seconds of load per concurrency")
    parser.add_argument("--concurrency", default="1,16")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    children = go.Children()
    with tempfile.TemporaryDirectory(prefix="airlock-profile-") as tmp:
        work = Path(tmp)
        out = work / "phases.jsonl"
        try:
            stub = go.start_stub(children, work)
            key = go.prepare_airlock(work, int(stub.url.split(":")[2].split("/")[0]))
            target = start_probed(children, work, key, out)
            windows: list[tuple[int, float, float, float]] = []
            for c in [int(x) for x in args.concurrency.split(",")]:
                if args.warmup:
                    go.wrk(target.url, go.BODY, key, c, args.warmup, 1)
                cpu0 = go.tree_cpu_seconds(target.child.proc.pid) if target.child else 0.0
                began = time.perf_counter()
                figures = go.wrk(target.url, go.BODY, key, c, args.duration, 1)
                ended = time.perf_counter()
                cpu1 = go.tree_cpu_seconds(target.child.proc.pid) if target.child else 0.0
                errors = go.error_count(figures)
                go.progress(
                    f"c={c}: {figures['requests'] / (figures['duration_us'] / 1e6):,.0f} req/s, "
                    f"wrk p50 {figures['p50_us'] / 1000:.2f} ms p99 {figures['p99_us'] / 1000:.2f} ms, "
                    f"errors {errors}"
                )
                windows.append((c, began, ended, (cpu1 - cpu0) / max(1, figures["requests"]) * 1e6))
            children.stop(target.child)  # type: ignore[arg-type]
        finally:
            children.stop_all()
        dumps = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    if not dumps:
        print("the probed worker wrote no figures", file=sys.stderr)
        return 2
    requests = [r for d in dumps for r in d["requests"] if "total" in r]
    events = [e for d in dumps for e in d["events"]]
    from bench.machine import describe

    report: dict[str, Any] = {
        "benchmark": "gateway_profile",
        "database": go.database_label(),
        "git": go.git_state(),
        "machine": describe(),
        "windows": [],
    }
    for c, began, ended, cpu_us in windows:
        inside = [r for r in requests if began <= r["start"] <= ended]
        rows = breakdown(inside)
        print_breakdown(
            f"c={c}: worker CPU {cpu_us:.0f} µs per request (the process, all threads)", rows, len(inside)
        )
        entry: dict[str, Any] = {
            "concurrency": c,
            "requests": len(inside),
            "cpu_us_per_request": cpu_us,
            "steps": rows,
        }
        if c == 1 and inside:
            found = tail(inside, [e for e in events if began <= e[1] <= ended])
            print_tail(found)
            entry["tail"] = found
        report["windows"].append(entry)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
