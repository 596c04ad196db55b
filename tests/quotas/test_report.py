"""Rollups and the monthly report, on a month seeded with known figures.

November 2026 (720 hours). Two servers at $1.80 an hour amortised, 0.7 kW each at $0.21/kWh:
$3.894 an hour, $2,803.68 for the month. Reference model: gpt-4o at $2.50/$10 per million.

- triage on llama-8b (local): 300 requests of 100,000 + 20,000 tokens, and 3 refused (429);
- billing on llama-8b (local): 100 requests of 100,000 + 20,000 tokens;
- billing on gpt-4o (egress): 50 requests of 10,000 + 2,000 tokens, and 5 failed (502).

Each local request would have cost 100,000 x $2.50/M + 20,000 x $10/M = $0.45 on gpt-4o.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from inference import services as inference_services
from inference.models import Application
from inference.quotas import report, rollups, services
from inference.quotas.models import UsageRecord, UsageRollup

pytestmark = pytest.mark.django_db


@pytest.fixture
def apps() -> dict[str, Application]:
    return {name: inference_services.do_create_application(name) for name in ("triage", "billing")}


def seed(
    app: Application, model: str, route: str, count: int, tokens: tuple[int, int], **extra: object
) -> None:
    prices = {"gpt-4o": (Decimal("2.50"), Decimal("10.00"))}
    rows = []
    for i in range(count):
        created = datetime(2026, 11, 1 + i % 30, 9, 0, tzinfo=UTC) + timedelta(seconds=i)
        p, c = tokens
        would_be = (p * prices["gpt-4o"][0] + c * prices["gpt-4o"][1]) / 1_000_000
        fields = {
            "request_id": f"req-{app.name}-{model}-{route}-{extra.get('status', 200)}-{i}",
            "created_at": created,
            "application_id": app.pk,
            "model": model,
            "route": route,
            "prompt_tokens": p,
            "completion_tokens": c,
            "status": 200,
            "latency_ms": 100.0 + i % 10,
            "cost_usd": would_be if route == "egress" else Decimal(0),
            "counterfactual_usd": would_be,
            "reference_model": "gpt-4o",
        }
        fields.update(extra)
        rows.append(UsageRecord(**fields))
    UsageRecord.objects.bulk_create(rows)


@pytest.fixture
def november(apps: dict[str, Application]) -> dict[str, Application]:
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
    seed(apps["triage"], "llama-8b", "local", 300, (100_000, 20_000))
    seed(apps["triage"], "llama-8b", "local", 3, (0, 0), status=429, latency_ms=0.5)
    seed(apps["billing"], "llama-8b", "local", 100, (100_000, 20_000))
    seed(apps["billing"], "gpt-4o", "egress", 50, (10_000, 2_000))
    seed(apps["billing"], "gpt-4o", "egress", 5, (0, 0), status=502, cost_usd=0, counterfactual_usd=0)
    rollups.rollup_range(date(2026, 11, 1), date(2026, 11, 30))
    return apps


AFTER_NOVEMBER = datetime(2026, 12, 2, tzinfo=UTC)


def by_app_model(result: report.Report) -> dict[tuple[str, str], report.Row]:
    return {(row.application, row.model): row for row in result.rows}


def test_the_report_shows_requests_tokens_and_costs_per_application_and_model(november: dict) -> None:
    result = report.monthly(date(2026, 11, 1), now=AFTER_NOVEMBER)
    rows = by_app_model(result)
    triage = rows["triage", "llama-8b"]
    assert (triage.requests, triage.throttled, triage.errors) == (300, 3, 0)
    assert (triage.prompt_tokens, triage.completion_tokens) == (30_000_000, 6_000_000)
    assert triage.counterfactual_usd == Decimal("135.00")
    # The month's $2,803.68 shared by tokens: triage has 36 M of the 48 M local tokens.
    assert triage.local_cost_usd == Decimal("2102.76")
    assert triage.savings_usd == Decimal("-1967.76")
    billing_local = rows["billing", "llama-8b"]
    assert billing_local.local_cost_usd == Decimal("700.92")
    billing_egress = rows["billing", "gpt-4o"]
    assert (billing_egress.route, billing_egress.requests, billing_egress.errors) == ("egress", 55, 5)
    assert billing_egress.egress_cost_usd == Decimal("2.25")  # 50 x (0.025 + 0.02)
    assert billing_egress.savings_usd is None
    assert result.totals is not None
    assert result.totals.local_cost_usd == Decimal("2803.68")
    assert result.totals.egress_cost_usd == Decimal("2.25")
    assert result.complete and result.hours_covered == 720


def test_break_even_compares_the_fixed_cost_with_the_external_spend_avoided(november: dict) -> None:
    be = report.monthly(date(2026, 11, 1), now=AFTER_NOVEMBER).break_even
    assert be is not None
    assert be.fixed_cost_usd == Decimal("2803.68")
    assert be.avoided_spend_usd == Decimal("180.00")  # 400 local requests x $0.45
    assert be.pays_off is False and be.net_usd == Decimal("-2623.68")
    # $180 over 48 M tokens = $0.00000375 a token: $2,803.68 needs 747,648,000 tokens a month,
    # or at $0.45 a request, 6,230 requests.
    assert be.break_even_tokens_per_month == 747_648_000
    assert be.break_even_requests_per_month == 6_230
    # 48 M tokens of 2 x 2,500 tokens/s x 30 days.
    assert be.utilisation == pytest.approx(0.0037, abs=0.0001)


def test_a_month_in_progress_counts_the_hours_so_far_and_projects_the_rest(november: dict) -> None:
    result = report.monthly(date(2026, 11, 1), now=datetime(2026, 11, 16, tzinfo=UTC))
    be = result.break_even
    assert be is not None and not result.complete
    assert result.hours_covered == 360
    assert be.fixed_cost_usd == Decimal("1401.84")
    assert be.projected_avoided_spend_usd == Decimal("360.00")  # twice the half month's
    assert be.projected_pays_off is False


def test_self_hosting_pays_off_when_the_avoided_spend_exceeds_the_fixed_cost(november: dict) -> None:
    services.do_set_local_cost_model({"servers": 1, "server_usd_per_hour": "0.10", "power_kw": "0"})
    be = report.monthly(date(2026, 11, 1), now=AFTER_NOVEMBER).break_even
    assert be is not None
    assert be.fixed_cost_usd == Decimal("72.00")
    assert be.pays_off is True and be.net_usd == Decimal("108.00")


def test_an_app_owner_sees_their_rows_and_not_the_fleets_break_even(november: dict) -> None:
    triage = november["triage"]
    result = report.monthly(date(2026, 11, 1), app_ids={triage.pk}, now=AFTER_NOVEMBER)
    assert {row.application for row in result.rows} == {"triage"}
    assert result.break_even is None
    assert result.rows[0].local_cost_usd == Decimal("2102.76")  # still their share of the whole


def test_the_report_as_json_has_plain_numbers(november: dict) -> None:
    data = report.monthly(date(2026, 11, 1), now=AFTER_NOVEMBER).as_dict()
    assert data["month"] == "2026-11"
    assert data["break_even"]["fixed_cost_usd"] == "2803.680000"
    assert data["totals"]["requests"] == 455


def test_rolling_up_twice_gives_the_same_rows(november: dict) -> None:
    def snapshot() -> list[tuple]:
        return list(
            UsageRollup.objects.order_by("day", "application_id", "model", "route").values_list(
                "day",
                "application_id",
                "model",
                "route",
                "requests",
                "prompt_tokens",
                "cost_usd",
                "latency_histogram",
            )
        )

    first = snapshot()
    rollups.rollup_range(date(2026, 11, 1), date(2026, 11, 30))
    assert snapshot() == first
    assert UsageRollup.objects.count() == len(first)


def test_a_late_ledger_row_is_counted_when_its_day_is_rolled_up_again(november: dict) -> None:
    seed(november["triage"], "llama-8b", "local", 1, (5, 5), request_id="late-one")
    rollups.rollup_day(date(2026, 11, 1))
    total = rollups.summary(date(2026, 11, 1), date(2026, 11, 30), group_by=("application_id",))
    triage = next(r for r in total if r["application_id"] == november["triage"].pk)
    assert triage["requests"] == 301


def test_rollups_merge_latency_histograms_for_percentiles(november: dict) -> None:
    (row,) = rollups.summary(date(2026, 11, 1), date(2026, 11, 30), group_by=(), percentiles=True)
    # Every served latency is 100-109 ms; buckets are x1.25 wide, so within 25% of that.
    assert 100 / 1.25 <= row["latency_p50_ms"] <= 109 * 1.25
    assert 100 / 1.25 <= row["latency_p99_ms"] <= 109 * 1.25
    assert row["requests"] == 455 and row["throttled"] == 3


def test_percentiles_of_a_histogram_are_within_a_bucket() -> None:
    histogram: dict[str, int] = {}
    for ms in [1.0] * 50 + [300.0] * 49 + [5000.0]:
        index = str(rollups.bucket_of(ms))
        histogram[index] = histogram.get(index, 0) + 1
    assert rollups.percentile(histogram, 0.5) == pytest.approx(1.0, rel=0.13)
    assert rollups.percentile(histogram, 0.99) == pytest.approx(300.0, rel=0.13)
    assert rollups.percentile(histogram, 1.0) == pytest.approx(5000.0, rel=0.13)
    assert rollups.percentile({}, 0.5) is None


def test_summary_groups_by_month_and_filters_by_application(november: dict) -> None:
    rows = rollups.summary(
        date(2026, 1, 1), date(2026, 12, 31), group_by=("month", "model"), app_ids={november["billing"].pk}
    )
    assert [(r["month"], r["model"], r["requests"]) for r in rows] == [
        (date(2026, 11, 1), "gpt-4o", 55),
        (date(2026, 11, 1), "llama-8b", 100),
    ]
