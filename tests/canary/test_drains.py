"""Drains: no new requests, running ones finish, then the deployment leaves routing; health history."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.events import Event
from inference import backend_ops, services, tasks
from inference.models import BackendCheck, Deployment
from tests.canary.conftest import Release, audit_bodies, make_release

pytestmark = pytest.mark.django_db


class FakeVllm:
    """vLLM's /health and /metrics on loopback, with a number of running requests to set."""

    def __init__(self) -> None:
        self.running = 0
        self.waiting = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/health":
                    body = b""
                elif self.path == "/metrics":
                    body = (
                        "# TYPE vllm:num_requests_running gauge\n"
                        f'vllm:num_requests_running{{model_name="m"}} {owner.running}\n'
                        "# TYPE vllm:num_requests_waiting gauge\n"
                        f'vllm:num_requests_waiting{{model_name="m"}} {owner.waiting}\n'
                    ).encode()
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def vllm() -> Iterator[FakeVllm]:
    server = FakeVllm()
    yield server
    server.close()


@pytest.fixture
def served(db: None, tmp_path: Path, vllm: FakeVllm) -> Release:
    release = make_release(tmp_path, base_url=vllm.url)
    services.do_set_backend_health(release.backend, healthy=True)
    return release


def deployment_of(release: Release) -> Deployment:
    return Deployment.objects.get(model_version=release.v2)


def test_a_drain_stops_new_requests_and_is_audited(served: Release, administrator: User) -> None:
    drained = backend_ops.do_drain(deployment_of(served), actor=administrator)
    assert drained.is_active and drained.draining_since is not None
    [body] = audit_bodies(Event.DEPLOYMENT_DRAIN_STARTED)
    assert body["actor"]["name"] == "adam-admin"
    assert body["target"] == {"type": "deployment", "id": "llama-8b@v2@llama-8b-gpu"}
    assert body["meta"]["other_active_deployments"] == 1
    with pytest.raises(ValidationError, match="draining since"):
        backend_ops.do_drain(drained, actor=administrator)


def test_a_drain_ends_only_once_the_backend_runs_nothing(
    served: Release, administrator: User, vllm: FakeVllm
) -> None:
    backend_ops.do_drain(deployment_of(served), actor=administrator)
    vllm.running = 1
    assert backend_ops.finish_drains() == []
    vllm.running, vllm.waiting = 0, 2
    assert backend_ops.finish_drains() == []
    assert deployment_of(served).is_active
    vllm.waiting = 0
    assert backend_ops.finish_drains() == ["llama-8b@v2@llama-8b-gpu"]
    deployment = deployment_of(served)
    assert not deployment.is_active and deployment.draining_since is None
    [body] = audit_bodies(Event.DEPLOYMENT_DRAINED)
    assert body["actor"]["id"] is None
    assert body["meta"]["reason"] == "idle: the backend runs no request"
    assert body["meta"]["new"] == {"is_active": False, "draining_since": None}
    assert backend_ops.finish_drains() == []  # nothing left to do: idempotent


def test_a_drain_that_outlasts_its_timeout_ends_anyway(
    served: Release, administrator: User, vllm: FakeVllm, settings: Any
) -> None:
    settings.AIRLOCK_DRAIN_TIMEOUT_SECONDS = 600
    backend_ops.do_drain(deployment_of(served), actor=administrator)
    vllm.running = 3
    Deployment.objects.filter(pk=deployment_of(served).pk).update(
        draining_since=timezone.now() - dt.timedelta(seconds=601)
    )
    assert tasks.finish_drains() == "drained: llama-8b@v2@llama-8b-gpu"
    assert not deployment_of(served).is_active
    assert audit_bodies(Event.DEPLOYMENT_DRAINED)[0]["meta"]["reason"].startswith("timeout")


def test_a_drain_waits_for_a_backend_whose_figures_cannot_be_read(
    served: Release, administrator: User, vllm: FakeVllm
) -> None:
    backend_ops.do_drain(deployment_of(served), actor=administrator)
    vllm.close()
    assert backend_ops.finish_drains() == []
    assert deployment_of(served).draining_since is not None


def test_an_undrain_calls_the_drain_off(served: Release, administrator: User, vllm: FakeVllm) -> None:
    backend_ops.do_drain(deployment_of(served), actor=administrator)
    backend_ops.do_undrain(deployment_of(served), actor=administrator)
    assert deployment_of(served).draining_since is None
    assert backend_ops.finish_drains() == []
    assert deployment_of(served).is_active
    assert audit_bodies(Event.DEPLOYMENT_UNDRAINED)[0]["meta"]["new"] == {"draining_since": None}
    with pytest.raises(ValidationError, match="not draining"):
        backend_ops.do_undrain(deployment_of(served), actor=administrator)
    services.do_undeploy(deployment_of(served))
    with pytest.raises(ValidationError, match="not active"):
        backend_ops.do_drain(deployment_of(served), actor=administrator)


def test_every_health_check_is_kept_up_to_the_last_n(served: Release, vllm: FakeVllm, settings: Any) -> None:
    settings.AIRLOCK_BACKEND_CHECKS_KEPT = 3
    for _ in range(5):
        tasks.check_backends()
    checks = backend_ops.recent_checks(served.backend)
    assert len(checks) == 3 and all(c.healthy for c in checks)
    assert all(c.latency_ms is not None and 0 < c.latency_ms < 2000 for c in checks)
    vllm.close()
    tasks.check_backends()
    latest = backend_ops.recent_checks(served.backend)[0]
    assert not latest.healthy and latest.error
    assert BackendCheck.objects.count() == 3
