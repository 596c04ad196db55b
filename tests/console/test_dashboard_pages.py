"""The dashboard: who sees which figures, rollups and the ledger together, charts, a year of data."""

from __future__ import annotations

import re
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from appliance.roles import Role, grant
from console import charts, dashboard_data
from inference import services
from inference.models import Application
from inference.quotas import rollups
from inference.quotas.models import UsageRecord, UsageRollup
from tests.console.conftest import SignIn
from tests.inference.conftest import Gateway, gateway  # noqa: F401 - the live gateway fixture

pytestmark = pytest.mark.django_db

URL = "/console/dashboard/"


def usage(
    app: Application,
    *,
    at: datetime,
    model: str = "smollm2-135m",
    route: str = "local",
    status: int = 200,
    prompt: int = 10,
    completion: int = 20,
    latency: float = 100.0,
    cost: str = "0.001",
    counterfactual: str = "0.004",
) -> UsageRecord:
    """A ledger row as the gateway writes it after an answer."""
    return UsageRecord.objects.create(
        request_id=uuid.uuid4().hex,
        created_at=at,
        application_id=app.pk,
        model=model,
        route=route,
        provider="openai" if route == "egress" else "",
        prompt_tokens=prompt,
        completion_tokens=completion,
        latency_ms=latency,
        status=status,
        cost_usd=Decimal(cost),
        counterfactual_usd=Decimal(counterfactual),
    )


def settle(day: date) -> None:
    """Roll a past day up the way beat does, after it ended."""
    rollups.rollup_day(day)
    end = datetime.combine(day + timedelta(days=1), dtime.min, tzinfo=UTC)
    UsageRollup.objects.filter(day=day).update(updated_at=end + timedelta(minutes=20))


@pytest.fixture
def owned(app_owner: User) -> Application:
    return services.do_create_application("triage", owner=app_owner)


@pytest.fixture
def other(django_user_model: type[User]) -> Application:
    someone = django_user_model.objects.create_user("olga-other-owner")
    grant(someone, Role.APP_OWNER)
    return services.do_create_application("billing", owner=someone)


def stat(html: str, name: str) -> str:
    match = re.search(rf'id="stat-{name}">.*?class="stat-value">(.*?)</strong>', html, re.S)
    assert match is not None, f"the {name} figure is on the page"
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip()


# --- Who may open it ---


def test_an_administrator_sees_every_application_on_the_dashboard(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, other: Application
) -> None:
    now = timezone.now()
    usage(owned, at=now - timedelta(minutes=5))
    usage(other, at=now - timedelta(minutes=4))
    usage(other, at=now - timedelta(minutes=3))
    signed_in(client, administrator)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert stat(html, "requests") == "3"
    assert "triage" in html and "billing" in html


def test_an_app_owner_sees_only_their_own_applications_figures(
    client: Client, signed_in: SignIn, app_owner: User, owned: Application, other: Application
) -> None:
    now = timezone.now()
    usage(owned, at=now - timedelta(minutes=5))
    for _ in range(4):
        usage(other, at=now - timedelta(minutes=3))
    signed_in(client, app_owner)
    html = client.get(URL).content.decode()
    assert stat(html, "requests") == "1"
    assert "billing" not in html
    # Choosing someone else's application is not a choice they have.
    refused = client.get(URL, {"application": "billing"})
    assert refused.status_code == 400
    refused_html = refused.content.decode()
    assert 'value="billing"' not in refused_html
    assert stat(refused_html, "requests") == "1"


def test_an_app_owner_without_applications_is_told_how_to_get_one(
    client: Client, signed_in: SignIn, app_owner: User, other: Application
) -> None:
    usage(other, at=timezone.now() - timedelta(minutes=1))
    signed_in(client, app_owner)
    html = client.get(URL).content.decode()
    assert "You do not own an application yet." in html
    assert stat(html, "requests") == "0"


@pytest.mark.parametrize("who", ["compliance_officer", "auditor", "nobody"])
def test_compliance_officers_auditors_and_people_without_a_role_are_refused_the_dashboard(
    client: Client, signed_in: SignIn, people: dict[str, User], who: str
) -> None:
    signed_in(client, people[who])
    assert client.get(URL).status_code == 403


def test_the_console_home_sends_administrators_and_app_owners_to_the_dashboard(
    client: Client, signed_in: SignIn, administrator: User, app_owner: User, auditor: User
) -> None:
    for person in (administrator, app_owner):
        signed_in(client, person)
        response = client.get("/console/")
        assert response.status_code == 302 and response["Location"] == URL
    signed_in(client, auditor)
    assert client.get("/console/").status_code == 200


def test_someone_not_signed_in_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and "/console/sign-in/" in response["Location"]


# --- The figures ---


def test_settled_days_come_from_the_rollups_and_today_from_the_ledger_without_counting_twice(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    now = timezone.now()
    three_days_ago = now - timedelta(days=3)
    for latency in (100.0, 200.0, 300.0):
        usage(owned, at=three_days_ago, latency=latency)
    usage(owned, at=three_days_ago, status=500)
    usage(owned, at=three_days_ago, status=429)
    settle(three_days_ago.date())
    # Rolled-up days are read from the rollups: a ledger row written after the rollup is not
    # counted until the next rollup (so the two sources never overlap).
    UsageRollup.objects.filter(day=three_days_ago.date()).update(requests=40)
    usage(owned, at=now - timedelta(seconds=2), route="egress", model="gpt-4o", cost="0.5")

    data = dashboard_data.dashboard(now.date() - timedelta(days=6), now.date())
    assert data.total.requests == 41
    assert data.total.egress_requests == 1 and data.total.egress_cost_usd == Decimal("0.5")
    assert data.total.throttled == 1
    assert now.date() in data.live_days and three_days_ago.date() not in data.live_days

    signed_in(client, administrator)
    html = client.get(URL, {"period": 7}).content.decode()
    assert stat(html, "requests") == "41"
    assert stat(html, "cost") == "$0.50"
    assert "gpt-4o" in html


def test_a_day_rolled_up_before_it_ended_is_read_from_the_ledger(owned: Application) -> None:
    now = timezone.now()
    yesterday = now - timedelta(days=1)
    usage(owned, at=yesterday)
    rollups.rollup_day(yesterday.date())  # at "now": the day was over, but not long enough ago
    UsageRollup.objects.filter(day=yesterday.date()).update(
        updated_at=datetime.combine(yesterday.date(), dtime(23, 0), tzinfo=UTC)
    )
    usage(owned, at=yesterday)  # arrived after that rollup
    data = dashboard_data.dashboard(yesterday.date(), now.date())
    assert data.total.requests == 2


def test_latency_percentiles_from_the_ledger_match_the_rollups(owned: Application) -> None:
    day = timezone.now().date() - timedelta(days=2)
    at = datetime.combine(day, dtime(12), tzinfo=UTC)
    for latency in [3.0, 12.5, 80.0, 81.0, 95.0, 120.0, 400.0, 1800.0, 25000.0, 0.2]:
        usage(owned, at=at, latency=latency)
    from_ledger = dashboard_data.dashboard(day, day)
    settle(day)
    from_rollups = dashboard_data.dashboard(day, day)
    assert from_ledger.live_days == [day] and from_rollups.live_days == []
    assert from_ledger.total.histogram == from_rollups.total.histogram
    assert from_ledger.total.p50_ms == from_rollups.total.p50_ms is not None
    assert from_ledger.total.p99_ms == from_rollups.total.p99_ms is not None


def test_filters_by_application_and_model_narrow_the_figures(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, other: Application
) -> None:
    now = timezone.now() - timedelta(minutes=1)
    usage(owned, at=now, model="smollm2-135m")
    usage(owned, at=now, model="llama-8b")
    usage(other, at=now, model="llama-8b")
    signed_in(client, administrator)
    response = client.get(URL, {"application": "triage"})  # the period may be left out
    assert response.status_code == 200
    html = response.content.decode()
    assert "llama-8b" in html  # in the model table
    assert stat(html, "requests") == "2"
    from inference.models import Model

    Model.objects.create(name="llama-8b")
    html = client.get(URL, {"period": 30, "application": "triage", "model": "llama-8b"}).content.decode()
    assert stat(html, "requests") == "1"


def test_an_empty_period_says_how_traffic_gets_there(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    html = client.get(URL).content.decode()
    assert 'id="dashboard-empty"' in html
    assert "appear here about a second after they finish" in html


def test_charts_are_inline_svg_with_titles_and_a_table_of_their_numbers(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    usage(owned, at=timezone.now() - timedelta(minutes=1), latency=150.0)
    signed_in(client, administrator)
    response = client.get(URL, {"period": 7})
    html = response.content.decode()
    for chart in (
        "chart-requests",
        "chart-tokens",
        "chart-latency",
        "chart-errors",
        "chart-cost",
        "chart-share",
    ):
        assert f'id="{chart}"' in html
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
    assert html.count("<svg") >= 6
    assert "Show the numbers" in html
    # The Content-Security-Policy forbids inline style: none on the page, charts included.
    assert "style=" not in html
    assert "<script" not in html


def test_names_from_the_ledger_are_escaped_in_tables_and_charts(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    # A model name is whatever a client sent in "model"; it must never become markup.
    usage(owned, at=timezone.now() - timedelta(minutes=1), model='<img src=x onerror="alert(1)">')
    signed_in(client, administrator)
    html = client.get(URL, {"period": 7}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_chart_axes_use_round_numbers() -> None:
    assert [charts.nice_ceiling(v) for v in (0, 3, 7, 12, 180, 2400, 0.04)] == [1, 5, 10, 20, 200, 2500, 0.05]
    svg = charts.stacked_bars("c", "t", "d", [date(2026, 1, 1)], [charts.Series("s", [3750], "local")]).svg
    assert ">5k<" in svg and ">1k<" in svg and ">3.8k<" not in svg
    assert (
        charts.money(-19.5) == "-$19.50"
        and charts.money(0.0012) == "$0.0012"
        and charts.money(2400) == "$2.4k"
    )


# --- Traffic just sent ---


def test_a_request_sent_through_v1_shows_on_the_dashboard_straight_away(
    client: Client,
    signed_in: SignIn,
    administrator: User,
    gateway: Gateway,  # noqa: F811
) -> None:
    # The page below is filtered to the gateway's application: so is the count before.
    before = dashboard_data.dashboard(
        dashboard_data.today(), dashboard_data.today(), app_ids=[gateway.app.pk]
    ).total.requests
    answer = gateway.client().chat.completions.create(
        model="stub", messages=[{"role": "user", "content": "Say hello"}], max_tokens=16
    )
    assert answer.choices
    answered = time.monotonic()
    signed_in(client, administrator)
    deadline = answered + 10
    while True:
        # No flush here: the gateway's own batched writer puts the row in the ledger about
        # AIRLOCK_USAGE_FLUSH_SECONDS after the answer, and the page must show it from then.
        response = client.get(URL, {"application": gateway.app.name})
        assert response.status_code == 200
        html = response.content.decode()
        if stat(html, "requests") == str(before + 1):
            print(f"\non the dashboard {time.monotonic() - answered:.2f} s after the answer")
            break
        assert time.monotonic() < deadline, "the request never reached the dashboard"
        time.sleep(0.1)
    assert "test-app" in html and "stub" in html
    assert stat(html, "tokens") != "0"


# --- A year of data ---


def test_the_dashboard_reads_a_year_of_rollups_quickly(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    apps = [services.do_create_application(f"app-{i}") for i in range(10)]
    today = timezone.now().date()
    rows = []
    for offset in range(1, 366):
        day = today - timedelta(days=offset)
        updated = datetime.combine(day + timedelta(days=1), dtime(0, 20), tzinfo=UTC)
        for app in apps:
            for model, route in (("smollm2-135m", "local"), ("llama-8b", "local"), ("gpt-4o", "egress")):
                rows.append(
                    UsageRollup(
                        day=day,
                        month=day.replace(day=1),
                        application_id=app.pk,
                        model=model,
                        route=route,
                        requests=100,
                        errors=1,
                        throttled=2,
                        prompt_tokens=10_000,
                        completion_tokens=20_000,
                        cost_usd=Decimal("0.25"),
                        counterfactual_usd=Decimal("1.5"),
                        latency_ms_sum=100 * 250.0,
                        latency_histogram={"20": 40, "24": 40, "28": 15, "33": 5},
                        updated_at=updated,
                    )
                )
    UsageRollup.objects.bulk_create(rows, batch_size=2000)
    signed_in(client, administrator)
    client.get(URL, {"period": 7})  # the first page a process serves also loads its code
    started = time.perf_counter()
    response = client.get(URL, {"period": 365})
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    html = response.content.decode()
    read = re.search(r"Read in (\d+) ms", html)
    read_ms = read.group(1) if read else "?"
    print(
        f"\ndashboard, 365 days x {len(apps)} apps x 3 models ({len(rows)} rollup rows): "
        f"{elapsed * 1000:.0f} ms for the page, of which the view {read_ms} ms, {len(html) // 1024} KiB"
    )
    # The period is today and the 364 days before it; today has no traffic.
    assert stat(html, "requests") == f"{364 * 10 * 3 * 100:,}"
