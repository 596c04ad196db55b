"""The quotas management API: every endpoint for every role, and what the allowed calls do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from django.contrib.auth.models import User
from django.urls import include, path
from rest_framework.test import APIClient

from audit.events import Event
from audit.models import AuditRecord
from inference import services as inference_services
from inference.models import Application
from inference.quotas import rollups, services
from inference.quotas.models import Alert, QuotaPolicy, UsageRecord

# The same mount as appliance/urls.py, so these tests do not depend on that file's state.
urlpatterns = [path("api/usage/", include("inference.quotas.urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ROLES = ["administrator", "app_owner", "compliance_officer", "auditor", "nobody", "anonymous"]


@pytest.fixture
def owned(app_owner: User) -> Application:
    app = inference_services.do_create_application("owned", owner=app_owner)
    inference_services.do_create_api_key(app, name="k")
    return app


@pytest.fixture
def other() -> Application:
    return inference_services.do_create_application("other")


@pytest.fixture
def alert(owned: Application) -> Alert:
    return services.do_suspend_application(owned, reason="test")


def call(client: APIClient, endpoint: str, owned: Application, alert: Alert) -> Any:
    prefix = owned.keys.get().prefix
    limits = {"requests_per_minute": 5}
    return {
        "limits.list": lambda: client.get("/api/usage/limits/"),
        "limits.get": lambda: client.get("/api/usage/limits/owned/"),
        "limits.put": lambda: client.put("/api/usage/limits/owned/", limits, format="json"),
        "limits.patch": lambda: client.patch("/api/usage/limits/owned/", limits, format="json"),
        "key.get": lambda: client.get(f"/api/usage/limits/owned/keys/{prefix}/"),
        "key.put": lambda: client.put(f"/api/usage/limits/owned/keys/{prefix}/", limits, format="json"),
        "egress-cap.get": lambda: client.get("/api/usage/egress-cap/"),
        "egress-cap.put": lambda: client.put(
            "/api/usage/egress-cap/", {"budget_usd_per_month": "100"}, format="json"
        ),
        "prices.list": lambda: client.get("/api/usage/prices/"),
        "price.put": lambda: client.put(
            "/api/usage/prices/gpt-4o/",
            {"input_usd_per_million": "2.5", "output_usd_per_million": "10"},
            format="json",
        ),
        "cost-model.get": lambda: client.get("/api/usage/cost-model/"),
        "cost-model.put": lambda: client.put("/api/usage/cost-model/", {"servers": 2}, format="json"),
        "usage": lambda: client.get("/api/usage/usage/"),
        "report": lambda: client.get("/api/usage/report/?month=2026-11"),
        "alerts": lambda: client.get("/api/usage/alerts/"),
        "alert.ack": lambda: client.post(f"/api/usage/alerts/{alert.pk}/acknowledge"),
        "suspend": lambda: client.post("/api/usage/apps/owned/suspend", {"reason": "why"}, format="json"),
        "reenable": lambda: client.post("/api/usage/apps/owned/reenable", {"reason": "ok"}, format="json"),
    }[endpoint]()


ADMIN = {"administrator": 200}
ADMIN_AND_OWNER = {"administrator": 200, "app_owner": 200}
EXPECTED = {
    "limits.list": ADMIN_AND_OWNER,
    "limits.get": ADMIN_AND_OWNER,
    "limits.put": ADMIN,
    "limits.patch": ADMIN,
    "key.get": ADMIN_AND_OWNER,
    "key.put": ADMIN,
    "egress-cap.get": ADMIN,
    "egress-cap.put": ADMIN,
    "prices.list": ADMIN,
    "price.put": ADMIN,
    "cost-model.get": ADMIN,
    "cost-model.put": ADMIN,
    "usage": ADMIN_AND_OWNER,
    "report": ADMIN_AND_OWNER,
    "alerts": ADMIN,
    "alert.ack": ADMIN,
    "suspend": ADMIN,
    "reenable": ADMIN,
}


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("endpoint", sorted(EXPECTED))
def test_each_endpoint_admits_exactly_its_roles(
    endpoint: str, who: str, as_user: Callable[[str], APIClient], owned: Application, alert: Alert
) -> None:
    response = call(as_user(who), endpoint, owned, alert)
    assert response.status_code == EXPECTED[endpoint].get(who, 403), response.content


def test_an_app_owner_sees_only_their_own_applications(
    as_user: Callable[[str], APIClient], owned: Application, other: Application
) -> None:
    owner = as_user("app_owner")
    names = [entry["application"] for entry in owner.get("/api/usage/limits/").json()]
    assert names == ["owned"]
    assert owner.get("/api/usage/limits/other/").status_code == 404
    admin_names = [
        entry["application"] for entry in as_user("administrator").get("/api/usage/limits/").json()
    ]
    assert admin_names == ["other", "owned"]


def test_setting_limits_through_the_api_is_audited_with_old_and_new_values(
    as_user: Callable[[str], APIClient], owned: Application
) -> None:
    admin = as_user("administrator")
    response = admin.patch(
        "/api/usage/limits/owned/", {"tokens_per_minute": 1000, "budget_usd_per_month": "25.5"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["limits"]["tokens_per_minute"] == 1000
    response = admin.put("/api/usage/limits/owned/", {"requests_per_minute": 60}, format="json")
    limits = response.json()["limits"]
    assert (limits["requests_per_minute"], limits["tokens_per_minute"]) == (60, None)  # PUT replaces
    policy = QuotaPolicy.objects.get(application=owned, api_key__isnull=True)
    assert policy.requests_per_minute == 60 and policy.budget_usd_per_month is None
    bodies = [
        orjson.loads(r.body)
        for r in AuditRecord.objects.filter(event=Event.QUOTA_LIMITS_CHANGED).order_by("id")
    ]
    assert bodies[0]["actor"]["name"] == "adam-admin"
    assert bodies[0]["meta"]["old"]["tokens_per_minute"] is None
    assert bodies[0]["meta"]["new"]["tokens_per_minute"] == 1000
    assert bodies[0]["meta"]["new"]["budget_usd_per_month"] == "25.500000"
    assert bodies[1]["meta"]["old"]["tokens_per_minute"] == 1000


def test_invalid_limits_are_refused_with_the_field_named(
    as_user: Callable[[str], APIClient], owned: Application
) -> None:
    response = as_user("administrator").patch(
        "/api/usage/limits/owned/", {"tokens_per_minute": -5}, format="json"
    )
    assert response.status_code == 400
    assert "tokens_per_minute" in response.json()


def test_suspending_and_re_enabling_through_the_api(
    as_user: Callable[[str], APIClient], owned: Application
) -> None:
    admin = as_user("administrator")
    response = admin.post("/api/usage/apps/owned/suspend", {"reason": "Looping"}, format="json")
    assert response.json()["kind"] == "suspended" and response.json()["application"] == "owned"
    owned.refresh_from_db()
    assert owned.is_active is False
    open_alerts = admin.get("/api/usage/alerts/?open=1").json()
    assert [a["message"] for a in open_alerts] == ["Looping"]
    admin.post(f"/api/usage/alerts/{open_alerts[0]['id']}/acknowledge")
    assert admin.get("/api/usage/alerts/?open=1").json() == []
    acknowledged = admin.get("/api/usage/alerts/").json()[0]
    assert acknowledged["acknowledged_by"] == "adam-admin"
    assert admin.post("/api/usage/apps/owned/reenable", {}, format="json").json()["is_active"] is True


def test_a_suspension_needs_a_reason(as_user: Callable[[str], APIClient], owned: Application) -> None:
    response = as_user("administrator").post("/api/usage/apps/owned/suspend", {}, format="json")
    assert response.status_code == 400


def test_prices_and_cost_model_round_trip(as_user: Callable[[str], APIClient]) -> None:
    admin = as_user("administrator")
    admin.put(
        "/api/usage/prices/openai/gpt-4o/",
        {"input_usd_per_million": "2.5", "output_usd_per_million": "10"},
        format="json",
    )
    assert admin.get("/api/usage/prices/").json()[0]["model"] == "openai/gpt-4o"
    assert admin.delete("/api/usage/prices/openai/gpt-4o/").status_code == 204
    response = admin.put(
        "/api/usage/cost-model/",
        {"servers": 2, "server_usd_per_hour": "1.80", "power_kw": "0.7", "usd_per_kwh": "0.21"},
        format="json",
    )
    assert (
        response.json()["fleet_usd_per_hour"]
        == "3.894000000000000"[: len(response.json()["fleet_usd_per_hour"])]
    )
    assert (
        admin.put("/api/usage/cost-model/", {"reference_model": "gpt-4o"}, format="json").json()["servers"]
        == 2
    )


def test_usage_and_report_show_an_app_owner_only_their_applications(
    as_user: Callable[[str], APIClient], owned: Application, other: Application
) -> None:
    for app in (owned, other):
        UsageRecord.objects.create(
            request_id=f"r-{app.name}",
            created_at=datetime(2026, 11, 3, 12, tzinfo=UTC),
            application_id=app.pk,
            model="stub",
            prompt_tokens=10,
            completion_tokens=5,
            status=200,
            latency_ms=20,
        )
    rollups.rollup_day(datetime(2026, 11, 3, tzinfo=UTC).date())
    owner = as_user("app_owner")
    usage = owner.get("/api/usage/usage/?start=2026-11-01&end=2026-11-30&group_by=application,model").json()
    assert [(r["application"], r["requests"], r["prompt_tokens"]) for r in usage["rows"]] == [
        ("owned", 1, 10)
    ]
    report = owner.get("/api/usage/report/?month=2026-11").json()
    assert [row["application"] for row in report["rows"]] == ["owned"]
    assert report["break_even"] is None
    admin_report = as_user("administrator").get("/api/usage/report/?month=2026-11").json()
    assert {row["application"] for row in admin_report["rows"]} == {"owned", "other"}
    assert admin_report["break_even"] is not None


def test_a_bad_month_or_grouping_is_a_400(as_user: Callable[[str], APIClient]) -> None:
    admin = as_user("administrator")
    assert admin.get("/api/usage/report/?month=november").status_code == 400
    assert admin.get("/api/usage/usage/?group_by=colour").status_code == 400
