"""The route editor sets and clears a route's degraded-mode target, as the management API does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.events import Event
from inference import routes
from inference.models import Model, Provider, Route
from quality import reroute
from tests.canary.conftest import Release, make_release
from tests.console.conftest import SignIn, records

pytestmark = pytest.mark.django_db

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody"]
URL = reverse("console:route_edit", kwargs={"name": "llama-8b"})


@pytest.fixture
def release(tmp_path: Path) -> Release:
    return make_release(tmp_path)


@pytest.fixture
def external(db: None) -> Model:
    provider = Provider.objects.create(name="openai", kind="openai", base_url="https://api.openai.com/v1")
    return Model.objects.create(name="gpt-4o", provider=provider, remote_name="gpt-4o")


def form(release: Release, degraded_target: str) -> dict[str, Any]:
    return {
        "route-stickiness": "none",
        "route-session_header": "x-airlock-session",
        "route-fallback_model": "",
        "route-light_model": "",
        "route-heavy_model": "",
        "route-complexity_threshold": "0.5",
        "route-degraded_target": degraded_target,
        "targets-TOTAL_FORMS": "1",
        # As the page renders it: the route's one target is an initial form once the route exists.
        "targets-INITIAL_FORMS": "1" if Route.objects.filter(model=release.model).exists() else "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "20",
        "targets-0-kind": "local",
        "targets-0-model_version": release.v1.pk,
        "targets-0-weight": "100",
    }


def test_an_administrator_sets_changes_and_clears_the_degraded_mode_target(
    client: Client, signed_in: SignIn, administrator: User, release: Release, external: Model
) -> None:
    signed_in(client, administrator)
    page = client.get(URL).content.decode()
    assert 'id="degraded-mode"' in page and "gpt-4o (external)" in page and "llama-8b@v2" in page

    assert client.post(URL, form(release, f"external:{external.pk}")).status_code == 302
    route = Route.objects.get(model=release.model)
    assert route.degraded_model == external and route.degraded_version is None
    (first,) = records(Event.ROUTE_SET)
    assert first["actor"]["name"] == "adam-admin"
    assert first["meta"]["new"]["degraded_model"] == "gpt-4o"
    assert f'value="external:{external.pk}" selected' in client.get(URL).content.decode()

    assert client.post(URL, form(release, f"local:{release.v2.pk}")).status_code == 302
    route.refresh_from_db()
    assert route.degraded_model == release.model and route.degraded_version == release.v2
    second = records(Event.ROUTE_SET)[1]
    assert second["meta"]["old"]["degraded_model"] == "gpt-4o"
    assert (second["meta"]["new"]["degraded_model"], second["meta"]["new"]["degraded_version"]) == (
        "llama-8b",
        "v2",
    )

    assert client.post(URL, form(release, "")).status_code == 302
    route.refresh_from_db()
    assert route.degraded_model is None and route.degraded_version is None
    third = records(Event.ROUTE_SET)[2]
    assert third["meta"]["old"]["degraded_version"] == "v2" and third["meta"]["new"]["degraded_model"] is None


def test_saving_the_form_keeps_the_target_and_clearing_it_ends_a_degraded_mode_in_force(
    client: Client, signed_in: SignIn, administrator: User, release: Release, external: Model
) -> None:
    spec = routes.RouteSpec(
        targets=[routes.TargetSpec(kind="local", weight=1, version="v1")], degraded_model="gpt-4o"
    )
    routes.do_set_route(release.model, spec)
    assert reroute.on_drift("llama-8b", "", "mean score fell 9%") == ["llama-8b"]
    signed_in(client, administrator)
    page = client.get(URL).content.decode()
    assert "degraded since" in page and reverse("console:route_restore", kwargs={"name": "llama-8b"}) in page

    # Saved as shown, the route keeps its target and stays degraded.
    assert client.post(URL, form(release, f"external:{external.pk}")).status_code == 302
    assert Route.objects.get(model=release.model).degraded_since is not None
    # With no target left to move to, the route serves its own targets again.
    assert client.post(URL, form(release, "")).status_code == 302
    route = Route.objects.get(model=release.model)
    assert route.degraded_model is None and route.degraded_since is None


def test_a_target_that_is_not_offered_is_refused_on_the_form(
    client: Client, signed_in: SignIn, administrator: User, release: Release, external: Model
) -> None:
    signed_in(client, administrator)
    refused = client.post(URL, form(release, "external:999999"))
    assert refused.status_code == 400 and "Select a valid choice" in refused.content.decode()
    assert not Route.objects.exists() and records(Event.ROUTE_SET) == []


@pytest.mark.parametrize("who", REFUSED)
def test_no_one_but_an_administrator_sets_or_clears_it(
    who: str,
    client: Client,
    signed_in: SignIn,
    people: dict[str, User],
    release: Release,
    external: Model,
) -> None:
    spec = routes.RouteSpec(
        targets=[routes.TargetSpec(kind="local", weight=1, version="v1")], degraded_model="gpt-4o"
    )
    routes.do_set_route(release.model, spec)
    signed_in(client, people[who])
    assert client.get(URL).status_code == 403
    assert client.post(URL, form(release, "")).status_code == 403
    assert client.post(URL, form(release, f"local:{release.v2.pk}")).status_code == 403
    route = Route.objects.get(model=release.model)
    assert route.degraded_model == external and route.degraded_version is None
    assert records(Event.ROUTE_SET, actor_name=people[who].username) == []
