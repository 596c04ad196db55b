"""Quotas and budgets: who may see and change which limits, consumption, suspension, prices, report."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from appliance.roles import Role, grant
from audit.events import Event
from inference import services
from inference.models import ApiKey, Application
from inference.quotas import limiter, rollups
from inference.quotas import services as quotas
from inference.quotas.models import (
    Alert,
    GlobalEgressCap,
    LocalCostModel,
    ModelPrice,
    QuotaPolicy,
    UsageRecord,
)
from tests.console.conftest import SignIn, records

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def counters(settings: Any) -> Iterator[limiter.MemoryBackend]:
    """Fresh in-process counters for each test (the quota pages read the live counters)."""
    settings.AIRLOCK_QUOTA_KEY_PREFIX = f"airlock-test:{uuid.uuid4().hex[:12]}:quota"
    with limiter.use(limiter.MemoryBackend()) as backend:
        yield backend  # type: ignore[misc]


@pytest.fixture
def owned(app_owner: User) -> Application:
    return services.do_create_application("triage", owner=app_owner)


@pytest.fixture
def other(django_user_model: type[User]) -> Application:
    someone = django_user_model.objects.create_user("olga-other-owner")
    grant(someone, Role.APP_OWNER)
    return services.do_create_application("billing", owner=someone)


@pytest.fixture
def key(owned: Application) -> ApiKey:
    return services.do_create_api_key(owned, name="prod").key


def count(backend: limiter.Backend, scope: str, kind: str, amount: int) -> None:
    """Put ``amount`` on a live counter, the way a request's reservation does."""
    now = limiter.clock()
    w = limiter.windows(now)
    window = {"rpm": w.minute, "tpm": w.minute, "tpd": w.day, "tpmo": w.month, "usd": w.month}[kind]
    counter = limiter.Counter(limiter.counter_key(scope, kind, window), amount, None, int(now) + 3600)
    asyncio.run(backend.reserve(uuid.uuid4().hex, [counter], None, now, now + 600))


def app_url(name: str, app: Application) -> str:
    return reverse(f"console:{name}", kwargs={"name": app.name})


LIMITS = {
    "requests_per_minute": "60",
    "tokens_per_minute": "20000",
    "tokens_per_day": "",
    "tokens_per_month": "5000000",
    "budget_usd_per_month": "125.50",
    "suspend_above_rpm": "",
    "runaway_protection": "on",
}


# --- Who may open what ---


def test_an_administrator_opens_every_quota_page(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, key: ApiKey
) -> None:
    quotas.do_set_prices("gpt-4o", input_usd_per_million="2.5", output_usd_per_million="10")
    signed_in(client, administrator)
    for url in [
        reverse("console:quotas"),
        app_url("quota_app", owned),
        reverse("console:quota_key", kwargs={"name": owned.name, "prefix": key.prefix}),
        reverse("console:quota_egress_cap"),
        reverse("console:quota_prices"),
        reverse("console:quota_prices") + "?model=gpt-4o",
        reverse("console:quota_price_delete", kwargs={"model": "gpt-4o"}),
        reverse("console:quota_cost_model"),
        reverse("console:quota_report"),
        app_url("quota_suspend", owned),
    ]:
        assert client.get(url).status_code == 200, url


def test_an_app_owner_reads_their_own_applications_quotas_and_changes_nothing(
    client: Client,
    signed_in: SignIn,
    app_owner: User,
    owned: Application,
    other: Application,
    key: ApiKey,
) -> None:
    quotas.do_set_limits(owned, {"requests_per_minute": 30})
    signed_in(client, app_owner)
    listing = client.get(reverse("console:quotas")).content.decode()
    assert "triage" in listing and "billing" not in listing
    assert "30 requests/min" in listing
    assert "Alerts" not in listing and "Egress cap" not in listing

    page = client.get(app_url("quota_app", owned))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Set by administrators" in html and "Save limits" not in html and "Suspend" not in html

    assert client.get(app_url("quota_app", other)).status_code == 403
    assert client.post(app_url("quota_app", owned), LIMITS).status_code == 403
    assert QuotaPolicy.objects.get(application=owned).requests_per_minute == 30
    for url in [
        reverse("console:quota_key", kwargs={"name": owned.name, "prefix": key.prefix}),
        reverse("console:quota_egress_cap"),
        reverse("console:quota_prices"),
        reverse("console:quota_cost_model"),
        app_url("quota_suspend", owned),
        app_url("quota_reenable", owned),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(app_url("quota_suspend", owned), {"confirm": "yes", "reason": "x"}).status_code == 403
    owned.refresh_from_db()
    assert owned.is_active


@pytest.mark.parametrize("who", ["compliance_officer", "auditor", "nobody"])
def test_compliance_officers_auditors_and_people_without_a_role_are_refused_the_quota_pages(
    client: Client, signed_in: SignIn, people: dict[str, User], who: str, owned: Application
) -> None:
    alert = Alert.objects.create(kind=Alert.Kind.SUSPENDED, application=owned, message="m")
    signed_in(client, people[who])
    for url in [
        reverse("console:quotas"),
        app_url("quota_app", owned),
        reverse("console:quota_report"),
        reverse("console:quota_prices"),
        reverse("console:quota_egress_cap"),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("console:quota_alert_ack", kwargs={"alert_id": alert.pk})).status_code == 403
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


# --- Limits ---


def test_an_administrator_sets_an_applications_limits_and_it_is_audited(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    signed_in(client, administrator)
    response = client.post(app_url("quota_app", owned), LIMITS)
    assert response.status_code == 302
    policy = QuotaPolicy.objects.get(application=owned, api_key__isnull=True)
    assert policy.requests_per_minute == 60
    assert policy.tokens_per_minute == 20000
    assert policy.tokens_per_day is None
    assert policy.budget_usd_per_month == Decimal("125.5")
    (body,) = records(Event.QUOTA_LIMITS_CHANGED.value)
    assert body["actor"]["name"] == administrator.username
    assert body["meta"]["new"]["requests_per_minute"] == 60
    assert body["meta"]["old"]["requests_per_minute"] is None

    html = client.get(response["Location"]).content.decode()
    assert "Saved the limits of triage" in html
    assert 'value="60"' in html and 'value="5000000"' in html


def test_emptying_a_field_removes_that_limit(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    quotas.do_set_limits(owned, {"requests_per_minute": 10, "tokens_per_day": 1000})
    signed_in(client, administrator)
    client.post(app_url("quota_app", owned), {**LIMITS, "requests_per_minute": "", "tokens_per_day": "500"})
    policy = QuotaPolicy.objects.get(application=owned)
    assert policy.requests_per_minute is None and policy.tokens_per_day == 500


def test_a_negative_limit_is_refused_with_a_message_and_nothing_changes(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    signed_in(client, administrator)
    response = client.post(app_url("quota_app", owned), {**LIMITS, "tokens_per_minute": "-5"})
    assert response.status_code == 400
    assert "greater than or equal to 0" in response.content.decode()
    assert not QuotaPolicy.objects.filter(application=owned).exists()
    assert records(Event.QUOTA_LIMITS_CHANGED.value) == []


def test_a_keys_own_limits_are_set_on_its_page(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, key: ApiKey
) -> None:
    signed_in(client, administrator)
    url = reverse("console:quota_key", kwargs={"name": owned.name, "prefix": key.prefix})
    assert client.post(url, {**LIMITS, "requests_per_minute": "5"}).status_code == 302
    assert QuotaPolicy.objects.get(api_key=key).requests_per_minute == 5
    (body,) = records(Event.QUOTA_LIMITS_CHANGED.value)
    assert body["target"] == {"type": "api_key", "id": key.prefix}
    assert "5 requests/min" in client.get(app_url("quota_app", owned)).content.decode()


def test_consumption_in_the_current_windows_is_shown_against_each_limit(
    client: Client,
    signed_in: SignIn,
    administrator: User,
    owned: Application,
    counters: limiter.MemoryBackend,
) -> None:
    quotas.do_set_limits(
        owned, {"requests_per_minute": 100, "tokens_per_month": 10_000, "budget_usd_per_month": 20}
    )
    count(counters, f"a{owned.pk}", "rpm", 37)
    count(counters, f"a{owned.pk}", "tpmo", 9_600)
    count(counters, f"a{owned.pk}", "usd", 5_000_000)  # micro-dollars
    signed_in(client, administrator)
    html = client.get(app_url("quota_app", owned)).content.decode()
    assert "37 of 100" in html
    assert "9,600 of 10,000" in html and "badge-bad" in html  # 96%: nearly spent
    assert "$5.00 of $20.00" in html
    assert '<meter min="0" max="100.0" value="37.0"' in html
    listing = client.get(reverse("console:quotas")).content.decode()
    assert "Requests this minute: 37 of 100" in listing


def test_the_global_egress_cap_is_set_and_removed(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    url = reverse("console:quota_egress_cap")
    assert client.post(url, {"budget_usd_per_month": "1000"}).status_code == 302
    assert GlobalEgressCap.objects.get(pk=1).budget_usd_per_month == Decimal(1000)
    html = client.get(reverse("console:quotas")).content.decode()
    assert "$1,000.00" in html and "Egress spend this month" in html
    assert client.post(url, {"budget_usd_per_month": ""}).status_code == 302
    assert GlobalEgressCap.objects.get(pk=1).budget_usd_per_month is None
    assert len(records(Event.QUOTA_EGRESS_CAP_CHANGED.value)) == 2


# --- Suspension and alerts ---


def test_suspending_asks_for_a_reason_and_confirmation_and_re_enabling_lets_the_app_back(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    signed_in(client, administrator)
    url = app_url("quota_suspend", owned)
    page = client.get(url).content.decode()
    assert "Suspend triage?" in page and "Suspend application" in page
    # Without a reason nothing happens.
    assert client.post(url, {"confirm": "yes", "reason": ""}).status_code == 400
    owned.refresh_from_db()
    assert owned.is_active
    assert client.post(url, {"confirm": "yes", "reason": "leaked key"}).status_code == 302
    owned.refresh_from_db()
    assert not owned.is_active
    (suspended,) = records(Event.APP_SUSPENDED.value)
    assert suspended["meta"]["reason"] == "leaked key"

    listing = client.get(reverse("console:quotas")).content.decode()
    assert 'id="suspended-table"' in listing and "leaked key" in listing  # the alert

    reenable = app_url("quota_reenable", owned)
    assert "Re-enable application" in client.get(reenable).content.decode()
    assert client.post(reenable, {"confirm": "yes", "reason": "key rotated"}).status_code == 302
    owned.refresh_from_db()
    assert owned.is_active
    (reenabled,) = records(Event.APP_REENABLED.value)
    assert reenabled["meta"]["reason"] == "key rotated"


def test_an_alert_is_acknowledged_from_the_list(
    client: Client, signed_in: SignIn, administrator: User, owned: Application
) -> None:
    alert = quotas.do_suspend_application(
        owned, reason="Application 'triage' sent 900 requests", automatic=True
    )
    signed_in(client, administrator)
    html = client.get(reverse("console:quotas")).content.decode()
    assert "sent 900 requests" in html and "Acknowledge" in html
    assert client.get(reverse("console:quota_alert_ack", kwargs={"alert_id": alert.pk})).status_code == 405
    response = client.post(reverse("console:quota_alert_ack", kwargs={"alert_id": alert.pk}))
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.acknowledged_by == administrator
    assert records(Event.ALERT_ACKNOWLEDGED.value)
    assert 'id="no-open-alerts"' in client.get(reverse("console:quotas")).content.decode()


# --- Prices, the cost model, the report ---


def test_prices_are_set_edited_and_removed_with_confirmation(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    url = reverse("console:quota_prices")
    data = {"model": "gpt-4o", "input_usd_per_million": "2.50", "output_usd_per_million": "10"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "output_usd_per_million": "12"}).status_code == 302
    assert ModelPrice.objects.get(model="gpt-4o").output_usd_per_million == Decimal(12)
    assert len(records(Event.PRICE_CHANGED.value)) == 2
    assert "$12.00" in client.get(url).content.decode()

    remove = reverse("console:quota_price_delete", kwargs={"model": "gpt-4o"})
    assert "Remove price" in client.get(remove).content.decode()
    assert ModelPrice.objects.filter(model="gpt-4o").exists()
    assert client.post(remove, {"confirm": "yes"}).status_code == 302
    assert not ModelPrice.objects.filter(model="gpt-4o").exists()
    assert len(records(Event.PRICE_CHANGED.value)) == 3


def test_the_local_cost_model_is_saved_through_its_service(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    quotas.do_set_prices("gpt-4o", input_usd_per_million="2.5", output_usd_per_million="10")
    signed_in(client, administrator)
    url = reverse("console:quota_cost_model")
    assert "gpt-4o" in client.get(url).content.decode()  # a choice of reference model
    data = {
        "servers": "2",
        "server_usd_per_hour": "1.25",
        "power_kw": "0.7",
        "usd_per_kwh": "0.2",
        "capacity_tokens_per_second": "1500",
        "reference_model": "gpt-4o",
    }
    assert client.post(url, data).status_code == 302
    row = LocalCostModel.objects.get(pk=1)
    assert row.servers == 2 and row.reference_model == "gpt-4o" and row.power_kw == Decimal("0.7")
    assert records(Event.LOCAL_COST_MODEL_CHANGED.value)
    assert client.post(url, {**data, "reference_model": "not-priced"}).status_code == 400


def _seed_month(app: Application, day: datetime, route: str, requests: int) -> None:
    for _ in range(requests):
        UsageRecord.objects.create(
            request_id=uuid.uuid4().hex,
            created_at=day,
            application_id=app.pk,
            model="gpt-4o" if route == "egress" else "smollm2-135m",
            route=route,
            prompt_tokens=100,
            completion_tokens=100,
            status=200,
            cost_usd=Decimal("0.002") if route == "egress" else Decimal("0.0001"),
            counterfactual_usd=Decimal("0.0025"),
        )
    rollups.rollup_day(day.date())


def test_the_monthly_report_shows_cost_savings_and_break_even_to_administrators(
    client: Client, signed_in: SignIn, administrator: User, owned: Application, other: Application
) -> None:
    quotas.do_set_prices("gpt-4o", input_usd_per_million="2.5", output_usd_per_million="10")
    quotas.do_set_local_cost_model(
        {
            "servers": 1,
            "server_usd_per_hour": "0.5",
            "capacity_tokens_per_second": 100,
            "reference_model": "gpt-4o",
        }
    )
    last_month = (timezone.now().replace(day=1) - timedelta(days=1)).replace(day=10, hour=12)
    _seed_month(owned, last_month, "local", 3)
    _seed_month(other, last_month, "egress", 2)
    signed_in(client, administrator)
    month = last_month.strftime("%Y-%m")
    html = client.get(reverse("console:quota_report"), {"month": month}).content.decode()
    assert 'id="report-table"' in html and "triage" in html and "billing" in html
    assert 'id="break-even"' in html and "Fleet cost" in html
    assert "month is in progress" not in html
    assert client.get(reverse("console:quota_report"), {"month": "May 2026"}).status_code == 400


def test_an_app_owner_sees_only_their_applications_in_the_monthly_report(
    client: Client, signed_in: SignIn, app_owner: User, owned: Application, other: Application
) -> None:
    now = datetime.now(UTC).replace(hour=0, minute=30)
    _seed_month(owned, now, "local", 1)
    _seed_month(other, now, "egress", 1)
    signed_in(client, app_owner)
    html = client.get(reverse("console:quota_report")).content.decode()
    assert "triage" in html and "billing" not in html
    assert 'id="break-even"' not in html


def test_an_empty_month_says_so(client: Client, signed_in: SignIn, administrator: User) -> None:
    signed_in(client, administrator)
    html = client.get(reverse("console:quota_report"), {"month": "2020-02"}).content.decode()
    assert 'id="report-empty"' in html and "February 2020" in html


def test_the_quotas_page_has_clear_empty_states(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    html = client.get(reverse("console:quotas")).content.decode()
    assert "No applications yet." in html
    assert "No application is suspended." in html
    assert "No open alerts." in html
    assert "No prices yet" in html


def test_the_quota_overview_answers_quickly_with_many_applications(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    for i in range(50):
        app = services.do_create_application(f"app-{i:02}")
        quotas.do_set_limits(app, {"requests_per_minute": 100, "tokens_per_day": 10_000})
    signed_in(client, administrator)
    client.get(reverse("console:quotas"))
    started = time.perf_counter()
    assert client.get(reverse("console:quotas")).status_code == 200
    print(f"\nquotas page, 50 applications with limits: {1000 * (time.perf_counter() - started):.0f} ms")
