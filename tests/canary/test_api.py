"""The management API of canaries (/api/canaries/) and backends (/api/backends/): administrators only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from audit.events import Event
from inference import backend_ops, canary
from inference.models import Backend, BackendCheck, Canary, Deployment
from tests.canary.conftest import Release, Respond, audit_bodies

pytestmark = pytest.mark.django_db

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody", "anonymous"]


def test_an_administrator_starts_compares_and_promotes_a_canary(
    as_user: Callable[[str], APIClient], release: Release, respond: Respond
) -> None:
    client = as_user("administrator")
    started = client.post(
        "/api/canaries/",
        {"model": "llama-8b", "candidate": "v2", "percent": 20, "min_requests": 50},
        format="json",
    )
    assert started.status_code == 201, started.content
    assert started.json()["state"] == "running" and started.json()["baseline"] == "v1"
    assert started.json()["started_by"] == "adam-admin"
    pk = started.json()["id"]
    respond(release.v2, status=502, count=2)
    respond(release.v2, count=8)
    compared = client.get(f"/api/canaries/{pk}/compare/").json()
    assert compared["candidate"]["requests"] == 10 and compared["candidate"]["error_count"] == 2
    assert compared["candidate"]["error_rate"]["value"] == pytest.approx(0.2)
    assert compared["baseline"]["requests"] == 0 and compared["regression"] is None
    again = client.post(
        "/api/canaries/", {"model": "llama-8b", "candidate": "v2", "percent": 5}, format="json"
    )
    assert again.status_code == 409 and "already has a running canary" in again.json()["detail"]
    promoted = client.post(f"/api/canaries/{pk}/promote/")
    assert promoted.status_code == 200 and promoted.json()["state"] == "promoted"
    assert client.post(f"/api/canaries/{pk}/promote/").status_code == 409
    listed = client.get("/api/canaries/", {"state": "promoted"}).json()
    assert [c["id"] for c in listed] == [pk]


def test_a_rollback_by_the_api_needs_a_reason(
    as_user: Callable[[str], APIClient], release: Release, administrator: User
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    client = as_user("administrator")
    assert client.post(f"/api/canaries/{running.pk}/rollback/", {}, format="json").status_code == 400
    ended = client.post(f"/api/canaries/{running.pk}/rollback/", {"reason": "slow"}, format="json")
    assert ended.status_code == 200 and ended.json()["end_reason"] == "slow"
    assert audit_bodies(Event.CANARY_ROLLED_BACK)[0]["actor"]["name"] == "adam-admin"


def test_unknown_models_versions_and_canaries_are_404(
    as_user: Callable[[str], APIClient], release: Release
) -> None:
    client = as_user("administrator")
    body = {"model": "nope", "candidate": "v2", "percent": 10}
    assert client.post("/api/canaries/", body, format="json").status_code == 404
    body = {"model": "llama-8b", "candidate": "v7", "percent": 10}
    assert client.post("/api/canaries/", body, format="json").status_code == 404
    assert client.get("/api/canaries/999/compare/").status_code == 404
    body = {"model": "llama-8b", "candidate": "v2", "percent": 100}
    assert client.post("/api/canaries/", body, format="json").status_code == 400


def test_an_administrator_lists_backends_with_checks_and_drains_a_deployment(
    as_user: Callable[[str], APIClient], release: Release
) -> None:
    backend_ops.record_check(release.backend, healthy=False, latency_ms=2.5, error="connection refused")
    client = as_user("administrator")
    [backend] = client.get("/api/backends/").json()
    assert backend["name"] == "llama-8b-gpu"
    assert backend["checks"][0] == {
        "checked_at": backend["checks"][0]["checked_at"],
        "healthy": False,
        "latency_ms": 2.5,
        "error": "connection refused",
    }
    assert {(d["version"], d["draining_since"]) for d in backend["deployments"]} == {
        ("v1", None),
        ("v2", None),
    }
    pk = Deployment.objects.get(model_version=release.v2).pk
    drained = client.post(f"/api/backends/deployments/{pk}/drain/")
    assert drained.status_code == 200 and drained.json()["draining_since"] is not None
    assert client.post(f"/api/backends/deployments/{pk}/drain/").status_code == 409
    undrained = client.post(f"/api/backends/deployments/{pk}/undrain/")
    assert undrained.status_code == 200 and undrained.json()["draining_since"] is None
    assert client.post(f"/api/backends/deployments/{pk}/undrain/").status_code == 409
    assert client.post("/api/backends/deployments/9999/drain/").status_code == 404


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_but_administrators_is_refused(
    as_user: Callable[[str], APIClient], release: Release, administrator: User, who: str
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    pk = Deployment.objects.get(model_version=release.v2).pk
    BackendCheck.objects.create(backend=release.backend, healthy=True)
    client = as_user(who)
    calls = [
        client.get("/api/canaries/"),
        client.post("/api/canaries/", {"model": "llama-8b", "candidate": "v2", "percent": 10}, format="json"),
        client.get(f"/api/canaries/{running.pk}/"),
        client.get(f"/api/canaries/{running.pk}/compare/"),
        client.post(f"/api/canaries/{running.pk}/promote/"),
        client.post(f"/api/canaries/{running.pk}/rollback/", {"reason": "x"}, format="json"),
        client.get("/api/backends/"),
        client.post(f"/api/backends/deployments/{pk}/drain/"),
        client.post(f"/api/backends/deployments/{pk}/undrain/"),
        client.post("/api/backends/", {"name": "gpu-9", "base_url": "http://10.0.0.9:8000"}, format="json"),
        client.post("/api/backends/llama-8b-gpu/deployments/", {"model": "llama-8b"}, format="json"),
    ]
    assert [call.status_code for call in calls] == [403] * len(calls)
    assert Canary.objects.get().state == Canary.State.RUNNING
    assert Deployment.objects.get(pk=pk).draining_since is None
    assert not Backend.objects.filter(name="gpu-9").exists()


def test_an_administrator_registers_a_backend_and_deploys_a_version_on_it(
    as_user: Callable[[str], APIClient], release: Release
) -> None:
    client = as_user("administrator")
    made = client.post(
        "/api/backends/", {"name": "gpu-7", "base_url": "http://10.0.0.7:8000/"}, format="json"
    )
    assert made.status_code == 201 and made.json()["base_url"] == "http://10.0.0.7:8000"
    again = client.post(
        "/api/backends/", {"name": "gpu-7", "base_url": "http://10.0.0.8:8000"}, format="json"
    )
    assert again.status_code == 409
    deployed = client.post(
        "/api/backends/gpu-7/deployments/", {"model": "llama-8b", "weight": 30}, format="json"
    )
    assert deployed.status_code == 201, deployed.content
    assert (deployed.json()["version"], deployed.json()["weight"], deployed.json()["served_name"]) == (
        "v1",
        30,
        "llama-8b",
    )
    body = {"model": "llama-8b", "version": "v9"}
    assert client.post("/api/backends/gpu-7/deployments/", body, format="json").status_code == 404
    assert (
        client.post("/api/backends/nope/deployments/", {"model": "llama-8b"}, format="json").status_code
        == 404
    )
    assert [r["event"] for r in audit_bodies(Event.BACKEND_REGISTERED)][-1] == "backend.registered"
    assert audit_bodies(Event.DEPLOYMENT_CHANGED)[-1]["target"]["id"] == "llama-8b@v1@gpu-7"
