"""The console's release pages: a model's canary panel, the Routes editor, Backends with drains."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.events import Event
from inference import backend_ops, canary
from inference.models import Backend, Canary, Deployment, Model, Provider, Route
from tests.canary.conftest import Release, Respond, make_release
from tests.canary.conftest import respond as respond
from tests.console.conftest import SignIn, records

pytestmark = pytest.mark.django_db

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody"]


@pytest.fixture
def release(tmp_path: Path) -> Release:
    return make_release(tmp_path)


@pytest.fixture
def running(release: Release, administrator: User) -> Canary:
    return canary.do_start_canary(release.model, release.v2, 10, actor=administrator, min_requests=5)


def pages(release: Release, running: Canary) -> list[str]:
    deployment = Deployment.objects.get(model_version=release.v2)
    return [
        reverse("console:model_detail", kwargs={"name": "llama-8b"}),
        reverse("console:canary_promote", kwargs={"name": "llama-8b", "pk": running.pk}),
        reverse("console:canary_rollback", kwargs={"name": "llama-8b", "pk": running.pk}),
        reverse("console:backends"),
        reverse("console:backend_add"),
        reverse("console:deployment_add", kwargs={"name": release.backend.name}),
        reverse("console:deployment_drain", kwargs={"pk": deployment.pk}),
        reverse("console:deployment_undrain", kwargs={"pk": deployment.pk}),
        reverse("console:routes"),
        reverse("console:route_edit", kwargs={"name": "llama-8b"}),
        reverse("console:route_delete", kwargs={"name": "llama-8b"}),
    ]


def test_an_administrator_opens_every_release_page(
    client: Client, signed_in: SignIn, administrator: User, release: Release, running: Canary
) -> None:
    signed_in(client, administrator)
    for url in pages(release, running):
        assert client.get(url).status_code == 200, url
    assert "Routes" in client.get(reverse("console:routes")).content.decode()


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_every_release_page_and_change(
    who: str, client: Client, signed_in: SignIn, people: dict[str, User], release: Release, running: Canary
) -> None:
    signed_in(client, people[who])
    for url in pages(release, running):
        assert client.get(url).status_code == 403, (who, url)
        assert client.post(url, {"confirm": "yes", "reason": "x"}).status_code == 403, (who, url)
    start = reverse("console:canary_start", kwargs={"name": "llama-8b"})
    assert client.post(start, {"candidate": release.v2.pk, "percent": 10}).status_code == 403
    assert Canary.objects.get().state == Canary.State.RUNNING
    assert Deployment.objects.filter(draining_since__isnull=False).count() == 0
    assert not Route.objects.exists()
    assert Backend.objects.count() == 1


def test_nobody_signed_in_is_sent_to_sign_in(client: Client, release: Release, running: Canary) -> None:
    for url in pages(release, running):
        assert client.get(url)["Location"].startswith(reverse("console:login")), url


def test_the_model_page_sets_the_canary_beside_its_baseline(
    client: Client,
    signed_in: SignIn,
    administrator: User,
    release: Release,
    running: Canary,
    respond: Respond,
) -> None:
    respond(release.v1, latency_ms=100, count=40)
    respond(release.v2, latency_ms=400, count=4)
    respond(release.v2, status=502, count=2)
    signed_in(client, administrator)
    html = client.get(reverse("console:model_detail", kwargs={"name": "llama-8b"})).content.decode()
    assert 'id="canary-table"' in html and "takes <strong>10 %</strong>" in html
    row = html[html.index('data-figure="error_rate"') :]
    row = row[: row.index("</tr>")]
    assert "0.0 %" in row and "(0/40)" in row  # the baseline
    assert "33.3 %" in row and "(2/6)" in row  # the canary
    assert "The next automatic check will roll it back" in html
    assert reverse("console:canary_promote", kwargs={"name": "llama-8b", "pk": running.pk}) in html


def test_an_administrator_starts_a_canary_from_the_model_page(
    client: Client, signed_in: SignIn, administrator: User, release: Release
) -> None:
    signed_in(client, administrator)
    url = reverse("console:canary_start", kwargs={"name": "llama-8b"})
    page = client.get(reverse("console:model_detail", kwargs={"name": "llama-8b"})).content.decode()
    assert 'id="canary-form"' in page
    form = {"candidate": release.v2.pk, "min_requests": 100, "max_error_ratio": 2, "max_p95_ratio": 1.5}
    refused = client.post(url, {**form, "percent": 0})
    assert refused.status_code == 400 and not Canary.objects.exists()
    done = client.post(url, {**form, "percent": 15})
    assert done.status_code == 302
    started = Canary.objects.get()
    assert (started.percent, started.candidate, started.started_by) == (15, release.v2, administrator)
    assert records(Event.CANARY_STARTED)[0]["actor"]["name"] == "adam-admin"


def test_promote_and_roll_back_ask_first_and_show_in_the_history(
    client: Client, signed_in: SignIn, administrator: User, release: Release, running: Canary
) -> None:
    signed_in(client, administrator)
    rollback = reverse("console:canary_rollback", kwargs={"name": "llama-8b", "pk": running.pk})
    assert client.post(rollback, {"reason": ""}).status_code == 400
    assert client.post(rollback, {"reason": "answers too long"}).status_code == 302
    assert Canary.objects.get().state == Canary.State.ROLLED_BACK
    html = client.get(reverse("console:model_detail", kwargs={"name": "llama-8b"})).content.decode()
    history = html[html.index('id="canary-history"') :]
    assert "rolled back" in history and "answers too long" in history and "adam-admin" in history

    again = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    promote = reverse("console:canary_promote", kwargs={"name": "llama-8b", "pk": again.pk})
    assert "Make version v2 the default" in client.get(promote).content.decode()
    assert client.post(promote, {"confirm": "yes"}).status_code == 302
    release.model.refresh_from_db()
    assert release.model.default_version == release.v2
    assert records(Event.CANARY_PROMOTED)[0]["actor"]["name"] == "adam-admin"


def test_the_backends_page_drains_a_deployment_and_shows_health_history(
    client: Client, signed_in: SignIn, administrator: User, release: Release
) -> None:
    backend_ops.record_check(release.backend, healthy=False, latency_ms=1.5, error="connection refused")
    backend_ops.record_check(release.backend, healthy=True, latency_ms=3.5)
    signed_in(client, administrator)
    html = client.get(reverse("console:backends")).content.decode()
    assert "3.5 ms" in html and "connection refused" in html
    deployment = Deployment.objects.get(model_version=release.v2)
    drain = reverse("console:deployment_drain", kwargs={"pk": deployment.pk})
    assert drain in html
    assert "Stop sending new requests" in client.get(drain).content.decode()
    assert client.post(drain, {"confirm": "yes"}).status_code == 302
    deployment.refresh_from_db()
    assert deployment.draining_since is not None
    html = client.get(reverse("console:backends")).content.decode()
    assert "draining" in html
    undrain = reverse("console:deployment_undrain", kwargs={"pk": deployment.pk})
    assert client.post(undrain, {"confirm": "yes"}).status_code == 302
    deployment.refresh_from_db()
    assert deployment.draining_since is None
    assert [r["event"] for r in records(Event.DEPLOYMENT_DRAIN_STARTED)] == ["deployment.drain_started"]
    assert len(records(Event.DEPLOYMENT_UNDRAINED)) == 1


def test_the_routes_editor_saves_a_weighted_route_through_the_routing_service(
    client: Client, signed_in: SignIn, administrator: User, release: Release
) -> None:
    provider = Provider.objects.create(name="openai", kind="openai", base_url="https://api.openai.com/v1")
    external = Model.objects.create(name="gpt-4o", provider=provider, remote_name="gpt-4o")
    signed_in(client, administrator)
    url = reverse("console:route_edit", kwargs={"name": "llama-8b"})
    form = {
        "route-stickiness": "user",
        "route-session_header": "x-airlock-session",
        "route-fallback_model": external.pk,
        "route-allow_external_fallback": "on",
        "route-light_model": "",
        "route-heavy_model": "",
        "route-complexity_threshold": "0.5",
        "targets-TOTAL_FORMS": "3",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "20",
        "targets-0-kind": "local",
        "targets-0-model_version": release.v1.pk,
        "targets-0-weight": "70",
        "targets-1-kind": "external",
        "targets-1-external_model": external.pk,
        "targets-1-weight": "30",
        "targets-2-kind": "",
        "targets-2-weight": "100",
    }
    assert client.post(url, form).status_code == 302
    route = Route.objects.get(model=release.model)
    assert route.stickiness == "user" and route.allow_external_fallback and route.fallback_model == external
    assert [(t.kind, t.weight) for t in route.targets.order_by("position")] == [
        ("local", 70),
        ("external", 30),
    ]
    assert records(Event.ROUTE_SET)[0]["actor"]["name"] == "adam-admin"
    # The service's own rules come back on the form: a complexity target needs light and heavy models.
    refused = client.post(url, {**form, "targets-0-kind": "complexity"})
    assert refused.status_code == 400 and "light_model" in refused.content.decode()
    page = client.get(url).content.decode()
    assert 'value="70"' in page and 'value="30"' in page
    listing = client.get(reverse("console:routes")).content.decode()
    assert "llama-8b@v1 · 70" in listing and "gpt-4o (external) · 30" in listing
    delete = reverse("console:route_delete", kwargs={"name": "llama-8b"})
    assert client.post(delete, {"confirm": "yes"}).status_code == 302
    assert not Route.objects.exists()


def test_an_administrator_adds_a_backend_and_deploys_a_version_on_it(
    client: Client, signed_in: SignIn, administrator: User, release: Release
) -> None:
    signed_in(client, administrator)
    add = reverse("console:backend_add")
    assert client.post(add, {"name": "gpu 7", "base_url": "http://127.0.0.1:11"}).status_code == 400
    assert client.post(add, {"name": "gpu-7", "base_url": "http://127.0.0.1:11/"}).status_code == 302
    assert Backend.objects.get(name="gpu-7").base_url == "http://127.0.0.1:11"
    assert client.post(add, {"name": "gpu-7", "base_url": "http://127.0.0.1:12"}).status_code == 400
    deploy = reverse("console:deployment_add", kwargs={"name": "gpu-7"})
    assert "llama-8b@v2" in client.get(deploy).content.decode()
    done = client.post(deploy, {"model_version": release.v2.pk, "served_name": "", "weight": 40})
    assert done.status_code == 302
    deployment = Deployment.objects.get(backend__name="gpu-7")
    assert (deployment.model_version, deployment.weight, deployment.served_name) == (
        release.v2,
        40,
        "llama-8b",
    )
    assert records(Event.BACKEND_REGISTERED)[-1]["actor"]["name"] == "adam-admin"
    assert records(Event.DEPLOYMENT_CHANGED)[-1]["target"]["id"] == "llama-8b@v2@gpu-7"
