"""The break-even card says "not enough data" when every figure is $0, not a red "does not pay off"."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inference.quotas import report
from inference.quotas import services as quotas
from tests.papercuts.conftest import SignIn

pytestmark = pytest.mark.django_db


def last_month() -> str:
    return (timezone.now().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def break_even_card(html: str) -> str:
    start = html.index('id="break-even"')
    return html[html.rindex("<section", 0, start) : html.index("</section>", start)]


def test_with_every_figure_zero_the_card_says_not_enough_data(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    html = client.get(reverse("console:quota_report"), {"month": last_month()}).content.decode()
    card = break_even_card(html)
    assert "not enough data" in card
    assert "does not pay off" not in card and "badge-bad" not in card and "is-bad" not in card


def test_a_fleet_that_costs_and_avoids_nothing_yet_still_gets_its_verdict(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    quotas.do_set_local_cost_model(
        {"servers": 1, "server_usd_per_hour": "0.5", "capacity_tokens_per_second": 100}
    )
    signed_in(client, administrator)
    card = break_even_card(
        client.get(reverse("console:quota_report"), {"month": last_month()}).content.decode()
    )
    assert "does not pay off yet" in card and "not enough data" not in card


def test_the_report_and_the_command_line_say_so_too() -> None:
    month = last_month()
    data = report.monthly(report.parse_month(month)).as_dict()
    assert data["break_even"]["enough_data"] is False
    assert float(data["break_even"]["net_usd"]) == 0
    out = StringIO()
    call_command("usage", "report", "--month", month, stdout=out)
    text = out.getvalue()
    assert "not enough data" in text
    assert "no (net" not in text
