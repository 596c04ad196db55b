"""Usage rollups at volume: do the dashboard and report queries answer in under a second?

What is measured
    The issue's target: "a year of data at one million requests a month answers in under a
    second". The dashboards and the monthly report read only the daily rollups
    (``inference.quotas.rollups``), so a year is seeded into the rollup table directly:
    12 months x 30 days x ``--apps`` applications x ``--models`` models (the last two of them
    external, "egress"), with the month's million requests spread over those rows, realistic
    token counts, costs and sparse latency histograms. Then each query the API, the CLI and the
    console make is timed (median of ``--runs``, after one warm-up run):

        report (month)          inference.quotas.report.monthly() for the last month
        year by month x app     summary(group_by=month, application)      a dashboard chart
        year by day, one app    summary(group_by=day, app=one, percentiles)  an app owner's chart
        year by model + p50/99  summary(group_by=model, percentiles)      merges every histogram
        year total + p50/99     summary(group_by=(), percentiles)         the worst case
        rollup of one day       rollup_day() over one day of ledger rows  what beat does

    The last one seeds one day of the ledger (``1,000,000 / 30`` rows) and recomputes its
    rollup rows, as Celery beat does every five minutes for today and yesterday.

How to read it
    Target: every query under 1 s. The machine is shared; compare rows of one run.

Usage
    python bench/usage_rollups.py [--database-url postgresql://postgres@127.0.0.1:5432/postgres]
                                  [--apps 20] [--models 6] [--runs 5]

    Without ``--database-url`` a temporary SQLite file is used (the embedded profile). With it, a
    throw-away database is created on that server, migrated, and dropped at the end. Writes
    ``bench/results/usage_rollups.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
REQUESTS_PER_MONTH = 1_000_000


def setup_django(database_url: str, data_dir: Path) -> None:
    os.environ["AIRLOCK_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "appliance.settings"
    os.environ.pop("REDIS_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def histogram(rng: random.Random, count: int) -> dict[str, int]:
    """A sparse latency histogram: most requests around 300 ms, a tail to a few seconds."""
    from inference.quotas.rollups import bucket_of

    out: dict[str, int] = {}
    left = count
    for share, ms in ((0.5, 250), (0.3, 400), (0.15, 800), (0.04, 2000), (0.01, 6000)):
        n = min(left, round(count * share))
        left -= n
        key = str(bucket_of(ms * rng.uniform(0.8, 1.25)))
        out[key] = out.get(key, 0) + n
    if left:
        out[str(bucket_of(200))] = out.get(str(bucket_of(200)), 0) + left
    return out


def seed_year(apps: int, models: int, first: date) -> tuple[int, list[int]]:
    from inference import services
    from inference.quotas.models import UsageRollup
    from inference.quotas.rollups import percentile

    rng = random.Random(7)
    app_ids = [services.do_create_application(f"bench-app-{i:02d}").pk for i in range(apps)]
    model_names = [f"model-{i}" for i in range(models)]
    egress = set(model_names[-2:])
    per_row = REQUESTS_PER_MONTH // (30 * apps * models)
    rows: list[Any] = []
    written = 0
    for month in range(12):
        for day_index in range(30):
            day = first + timedelta(days=month * 30 + day_index)
            for app_id in app_ids:
                for model in model_names:
                    requests = max(1, int(per_row * rng.uniform(0.5, 1.5)))
                    prompt, completion = requests * rng.randint(300, 900), requests * rng.randint(100, 300)
                    route = "egress" if model in egress else "local"
                    would_be = Decimal(prompt * 2.5 + completion * 10) / 1_000_000
                    hist = histogram(rng, requests)
                    rows.append(
                        UsageRollup(
                            day=day,
                            month=day.replace(day=1),
                            application_id=app_id,
                            model=model,
                            route=route,
                            requests=requests,
                            errors=requests // 100,
                            throttled=requests // 200,
                            prompt_tokens=prompt,
                            completion_tokens=completion,
                            cost_usd=would_be / 10 if route == "egress" else Decimal(0),
                            counterfactual_usd=would_be,
                            latency_ms_sum=requests * 400.0,
                            latency_histogram=hist,
                            latency_p50_ms=percentile(hist, 0.5),
                            latency_p99_ms=percentile(hist, 0.99),
                        )
                    )
                    if len(rows) >= 5000:
                        UsageRollup.objects.bulk_create(rows)
                        written += len(rows)
                        rows = []
    UsageRollup.objects.bulk_create(rows)
    return written + len(rows), app_ids


def seed_ledger_day(day: date, app_ids: list[int], models: int) -> int:
    from inference.quotas.models import UsageRecord

    rng = random.Random(11)
    count = REQUESTS_PER_MONTH // 30
    start = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    rows = []
    for i in range(count):
        rows.append(
            UsageRecord(
                request_id=f"bench-{i}",
                created_at=start + timedelta(seconds=i * 86400 / count),
                application_id=rng.choice(app_ids),
                model=f"model-{rng.randrange(models)}",
                route="local",
                prompt_tokens=rng.randint(300, 900),
                completion_tokens=rng.randint(100, 300),
                status=200 if rng.random() > 0.01 else 502,
                latency_ms=rng.lognormvariate(5.8, 0.5),
                cost_usd=Decimal("0.0001"),
                counterfactual_usd=Decimal("0.004"),
            )
        )
    UsageRecord.objects.bulk_create(rows, batch_size=5000)
    return count


def timed(function: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    result = function()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="a postgresql:// admin URL (default: SQLite)")
    parser.add_argument("--apps", type=int, default=20)
    parser.add_argument("--models", type=int, default=6)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="airlock-bench-usage-"))
    admin_url, name, url = args.database_url, "", ""
    if admin_url:
        import psycopg

        parts = urlsplit(admin_url)
        name = f"airlock_bench_{secrets.token_hex(4)}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        return run(args, url, data_dir)
    finally:
        if name:
            import psycopg
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args: argparse.Namespace, url: str, data_dir: Path) -> int:
    engine = "PostgreSQL" if url else "SQLite"
    print(f"Setting up {engine} in {data_dir if not url else url.rsplit('/', 1)[-1]} …", flush=True)
    setup_django(url, data_dir)
    from inference.quotas import report, rollups, services

    services.do_set_prices("gpt-4o", input_usd_per_million="2.50", output_usd_per_million="10.00")
    services.do_set_local_cost_model(
        {
            "servers": 2,
            "server_usd_per_hour": "1.80",
            "power_kw": "0.7",
            "usd_per_kwh": "0.21",
            "capacity_tokens_per_second": 2500,
            "reference_model": "gpt-4o",
        }
    )
    first = date(2025, 1, 1)
    started = time.perf_counter()
    rows, app_ids = seed_year(args.apps, args.models, first)
    print(
        f"Seeded {rows:,} rollup rows (12 x 30 days x {args.apps} apps x {args.models} models, "
        f"{REQUESTS_PER_MONTH:,} requests a month) in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    last = first + timedelta(days=359)
    last_month = last.replace(day=1)
    one_app = {app_ids[0]}

    queries: list[tuple[str, Callable[[], Any]]] = [
        ("report (month)", lambda: report.monthly(last_month)),
        ("year by month x app", lambda: rollups.summary(first, last, group_by=("month", "application_id"))),
        (
            "year by day, one app",
            lambda: rollups.summary(first, last, group_by=("day",), app_ids=one_app, percentiles=True),
        ),
        (
            "year by model + p50/99",
            lambda: rollups.summary(first, last, group_by=("model",), percentiles=True),
        ),
        ("year total + p50/99", lambda: rollups.summary(first, last, group_by=(), percentiles=True)),
    ]
    ledger_day = last + timedelta(days=1)
    seeded = seed_ledger_day(ledger_day, app_ids, args.models)
    queries.append((f"rollup of one day ({seeded:,} rows)", lambda: rollups.rollup_day(ledger_day)))

    results = []
    print(f"\n{'query':34} {'median':>9} {'max':>9}  result")
    for label, function in queries:
        median, worst, result = timed(function, args.runs)
        size = (
            len(result.rows)
            if hasattr(result, "rows")
            else (len(result) if isinstance(result, list) else result)
        )
        print(f"{label:34} {median * 1000:>7.1f} ms {worst * 1000:>7.1f} ms  {size} row(s)", flush=True)
        results.append(
            {"query": label, "median_ms": round(median * 1000, 2), "max_ms": round(worst * 1000, 2)}
        )
    ok = all(r["median_ms"] < 1000 for r in results)
    print(f"\nTarget (every query under 1 s): {'met' if ok else 'MISSED'}")
    out = REPO / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "usage_rollups.json").write_text(
        json.dumps(
            {
                "engine": engine,
                "apps": args.apps,
                "models": args.models,
                "rollup_rows": rows,
                "requests_per_month": REQUESTS_PER_MONTH,
                "results": results,
                "target_met": ok,
            },
            indent=2,
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
