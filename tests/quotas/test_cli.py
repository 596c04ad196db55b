"""``airlock usage`` as an operator uses it."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from appliance.cli import OPERATOR_HELP
from audit.events import Event
from audit.models import AuditRecord
from inference import services as inference_services
from inference.models import Application
from inference.quotas.models import Alert, LocalCostModel, ModelPrice, QuotaPolicy, UsageRecord, UsageRollup

pytestmark = pytest.mark.django_db


def usage(*args: str) -> str:
    out = io.StringIO()
    call_command("usage", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def triage() -> Application:
    app = inference_services.do_create_application("triage")
    inference_services.do_create_api_key(app, name="prod")
    return app


def test_the_operator_help_lists_the_usage_commands() -> None:
    assert "airlock usage report --month YYYY-MM [--json]" in OPERATOR_HELP
    assert "airlock usage limits show [APP] | set APP" in OPERATOR_HELP


def test_limits_are_set_shown_and_removed(triage: Application) -> None:
    out = usage("limits", "set", "triage", "--rpm", "600", "--tpm", "200000", "--budget-usd", "250")
    assert "Limits of triage:" in out
    assert "requests per minute" in out and "600" in out
    policy = QuotaPolicy.objects.get(application=triage)
    assert (policy.requests_per_minute, policy.tokens_per_minute) == (600, 200_000)
    usage("limits", "set", "triage", "--tpm", "none")
    policy.refresh_from_db()
    assert (policy.requests_per_minute, policy.tokens_per_minute) == (600, None)  # the rest stays
    shown = usage("limits", "show", "triage")
    assert "triage (active)" in shown and "$250.00" in shown and "no limit" in shown
    assert AuditRecord.objects.filter(event=Event.QUOTA_LIMITS_CHANGED).count() == 2


def test_a_keys_limits_are_set_with_its_prefix(triage: Application) -> None:
    prefix = triage.keys.get().prefix
    usage("limits", "set", "triage", "--key", prefix, "--rpm", "5", "--runaway", "off")
    policy = QuotaPolicy.objects.get(api_key__prefix=prefix)
    assert policy.requests_per_minute == 5 and policy.runaway_protection is False
    assert f"key {prefix}:" in usage("limits", "show")


def test_mistakes_are_reported_plainly(triage: Application, app_owner: User) -> None:
    with pytest.raises(CommandError, match="No application named 'nope'"):
        usage("limits", "set", "nope", "--rpm", "1")
    with pytest.raises(CommandError, match="at least one limit"):
        usage("limits", "set", "triage")
    with pytest.raises(CommandError, match="is not an administrator"):
        usage("limits", "set", "triage", "--rpm", "1", "--actor", app_owner.username)


def test_prices_and_the_cost_model_are_edited(administrator: User) -> None:
    out = usage(
        "prices", "set", "gpt-4o", "--input", "2.50", "--output", "10", "--actor", administrator.username
    )
    assert "gpt-4o" in out and "2.5000" in out and "10.0000" in out
    assert ModelPrice.objects.get(model="gpt-4o").output_usd_per_million == 10
    out = usage(
        "cost-model",
        "set",
        "--servers",
        "2",
        "--server-usd-per-hour",
        "1.80",
        "--power-kw",
        "0.7",
        "--usd-per-kwh",
        "0.21",
        "--capacity-tps",
        "2500",
        "--reference-model",
        "gpt-4o",
    )
    assert "fleet $/hour                  $3.89" in out
    assert LocalCostModel.objects.get().reference_model == "gpt-4o"
    usage("prices", "remove", "gpt-4o")
    assert not ModelPrice.objects.exists()


def test_the_egress_cap_is_set_and_removed() -> None:
    assert "no cap" in usage("egress-cap", "show")
    assert "Egress budget per month: $1,000.00" in usage("egress-cap", "set", "1000")
    assert "no cap" in usage("egress-cap", "set", "none")


def test_suspend_alerts_and_reenable(triage: Application) -> None:
    assert "Suspended triage" in usage("suspend", "triage", "--reason", "Looping")
    triage.refresh_from_db()
    assert not triage.is_active
    listed = usage("alerts")
    alert = Alert.objects.get()
    assert f"#{alert.pk}" in listed and "Looping" in listed
    usage("alerts", "--ack", str(alert.pk))
    assert usage("alerts") == "No open alerts.\n"
    assert "acknowledged by system" in usage("alerts", "--all")
    usage("reenable", "triage", "--reason", "fixed")
    triage.refresh_from_db()
    assert triage.is_active


def test_rollup_and_the_monthly_report(triage: Application) -> None:
    usage("prices", "set", "gpt-4o", "--input", "2.50", "--output", "10")
    usage(
        "cost-model", "set", "--servers", "1", "--server-usd-per-hour", "0.10", "--reference-model", "gpt-4o"
    )
    for i in range(4):
        UsageRecord.objects.create(
            request_id=f"r{i}",
            created_at=datetime(2025, 10, 10 + i, tzinfo=UTC),
            application_id=triage.pk,
            model="llama-8b",
            prompt_tokens=1_000_000,
            completion_tokens=500_000,
            status=200,
            latency_ms=50,
            counterfactual_usd=7.5,
            reference_model="gpt-4o",
        )
    out = usage("rollup", "--from", "2025-10-01", "--to", "2025-10-31")
    assert "Rolled up 2025-10-01 to 2025-10-31: 4 row(s)." in out
    assert UsageRollup.objects.count() == 4
    table = usage("report", "--month", "2025-10")
    assert "Usage report for 2025-10 (UTC; complete)" in table
    assert "triage" in table and "llama-8b" in table
    # $0.10 an hour x 744 h = $74.40 against $30 avoided (4 x $7.50): does not pay off.
    assert "fixed cost of the servers      $74.40" in table
    assert "external spend avoided         $30.00" in table
    assert "paid off this month            no (net $-44.40)" in table
    data = json.loads(usage("report", "--month", "2025-10", "--json"))
    assert data["totals"]["requests"] == 4
    assert data["break_even"]["break_even_tokens_per_month"] == 14_880_000  # $74.40 / ($30 / 6 M tokens)
    with pytest.raises(CommandError, match="is not a month"):
        usage("report", "--month", "Nov")
