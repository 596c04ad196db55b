"""The dashboard counts a client's 4xx apart from server errors (5xx).

A burst of 400s from one application's bad requests used to show as the appliance's error
rate. Server errors are the appliance's or a backend's failures; client errors are shown
beside them, on settled days (rollups) and today (ledger) alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from console import dashboard_data
from inference import services
from inference.models import Application
from tests.console.test_dashboard_pages import settle, stat, usage
from tests.papercuts.conftest import SignIn

pytestmark = pytest.mark.django_db

URL = "/console/dashboard/"


@pytest.fixture
def app() -> Application:
    return services.do_create_application("triage")


def seed(app: Application, at: datetime) -> None:
    for status in (200, 200, 200, 200, 200, 400, 400, 404, 500, 502, 429):
        usage(app, at=at, status=status)


def test_the_figures_separate_client_from_server_errors_on_settled_and_live_days(app: Application) -> None:
    yesterday = dashboard_data.today() - timedelta(days=1)
    seed(app, datetime.combine(yesterday, dtime(12), tzinfo=UTC))
    settle(yesterday)
    seed(app, timezone.now() - timedelta(minutes=5))
    data = dashboard_data.dashboard(yesterday, dashboard_data.today())
    assert data.total.requests == 20  # the 429s were refused by a limit, not served
    assert data.total.errors == 4  # 500 and 502, twice
    assert data.total.client_errors == 6  # 400, 400 and 404, twice
    assert data.total.throttled == 2
    assert data.total.error_rate == pytest.approx(0.2)
    by_day = dict(data.days)
    assert (by_day[yesterday].errors, by_day[yesterday].client_errors) == (2, 3)
    assert data.by_application[app.pk].client_errors == 6


def test_the_dashboard_shows_server_and_client_errors_as_two_figures(
    client: Client, signed_in: SignIn, administrator: User, app: Application
) -> None:
    seed(app, timezone.now() - timedelta(minutes=5))
    signed_in(client, administrator)
    html = client.get(URL).content.decode()
    assert stat(html, "errors") == "2"
    assert stat(html, "client-errors") == "3"
    assert "Server errors (5xx)" in html and "Client errors (4xx)" in html


def test_an_app_owner_sees_only_their_own_client_errors(
    client: Client, signed_in: SignIn, app_owner: User, app: Application
) -> None:
    mine = services.do_create_application("mine", owner=app_owner)
    seed(app, timezone.now() - timedelta(minutes=5))
    usage(mine, at=timezone.now() - timedelta(minutes=4), status=422)
    signed_in(client, app_owner)
    html = client.get(URL).content.decode()
    assert stat(html, "client-errors") == "1"
    assert stat(html, "errors") == "0"


def test_a_day_without_traffic_counts_nothing(app: Application) -> None:
    day = date(2026, 1, 5)
    data = dashboard_data.dashboard(day, day, now=datetime(2026, 1, 6, 12, tzinfo=UTC))
    assert (data.total.errors, data.total.client_errors) == (0, 0)
