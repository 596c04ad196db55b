"""``airlock usage report --month`` includes today's usage without ``--refresh``.

The report read only the daily rollups, which the scheduler recomputes every few minutes
(and which nothing recomputes where it does not run): after real traffic the current month
said "(no usage this month)".
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from inference import services
from inference.models import Application
from inference.quotas import report, rollups
from inference.quotas.models import UsageRollup
from tests.console.test_dashboard_pages import usage

pytestmark = pytest.mark.django_db


@pytest.fixture
def app() -> Application:
    return services.do_create_application("triage")


def month_of(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


def test_todays_traffic_is_in_the_report_of_the_current_month(app: Application) -> None:
    now = timezone.now()
    for status in (200, 200, 200, 500):
        usage(app, at=now - timedelta(seconds=30), status=status, prompt=100, completion=50)
    assert not UsageRollup.objects.exists()  # nothing rolled up: the report reads the ledger

    out = StringIO()
    call_command("usage", "report", "--month", month_of(now), stdout=out)
    text = out.getvalue()
    assert "(no usage this month)" not in text
    assert "triage" in text

    data = json.loads(_json(month_of(now)))
    row = next(r for r in data["rows"] if r["application"] == "triage")
    assert (row["requests"], row["errors"], row["prompt_tokens"], row["completion_tokens"]) == (
        4,
        1,
        400,
        200,
    )


def test_rolled_up_days_and_today_are_added_once_each(app: Application) -> None:
    now = datetime(2026, 11, 20, 15, tzinfo=UTC)
    usage(app, at=datetime(2026, 11, 17, 12, tzinfo=UTC), prompt=10, completion=10)
    usage(app, at=datetime(2026, 11, 19, 12, tzinfo=UTC), prompt=5, completion=5)  # yesterday
    rollups.rollup_range(date(2026, 11, 17), date(2026, 11, 19))
    usage(app, at=now - timedelta(minutes=1), prompt=1, completion=1)
    result = report.monthly(now.date(), now=now)
    (row,) = [r for r in result.rows if r.application == "triage"]
    assert row.requests == 3
    assert (row.prompt_tokens, row.completion_tokens) == (16, 16)


def test_a_finished_month_reads_only_its_rollups(app: Application) -> None:
    usage(app, at=datetime(2026, 10, 10, 12, tzinfo=UTC))  # never rolled up
    result = report.monthly(datetime(2026, 10, 1, tzinfo=UTC).date(), now=datetime(2026, 11, 5, tzinfo=UTC))
    assert result.rows == []


def _json(month: str) -> str:
    out = StringIO()
    call_command("usage", "report", "--month", month, "--json", stdout=out)
    return out.getvalue()
