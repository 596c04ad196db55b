"""The console's Backends page: health, and vLLM's key figures read from each backend's /metrics.

The backend here is a loopback server exposing its figures under vLLM's metric names with
prometheus_client, as vLLM itself does; tests/metrics/test_vllm_dashboard.py reads a real
vLLM server in the end-to-end suite.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from prometheus_client import CollectorRegistry, Gauge, Histogram
from prometheus_client.exposition import MetricsHandler

from inference import services
from inference.metrics import vllm
from tests.conftest import free_port
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody"]


@pytest.fixture
def people(
    administrator: User, compliance_officer: User, auditor: User, app_owner: User, nobody: User
) -> dict[str, User]:
    return {
        "administrator": administrator,
        "compliance_officer": compliance_officer,
        "auditor": auditor,
        "app_owner": app_owner,
        "nobody": nobody,
    }


@pytest.fixture
def vllm_like() -> Iterator[str]:
    """A /metrics with vLLM's names: 3 running, 7 waiting, KV cache 42 %, 20 first tokens."""
    registry = CollectorRegistry()
    labels = {"model_name": "llama-8b", "engine": "0"}
    Gauge("vllm:num_requests_running", "Running", list(labels), registry=registry).labels(**labels).set(3)
    Gauge("vllm:num_requests_waiting", "Waiting", list(labels), registry=registry).labels(**labels).set(7)
    Gauge("vllm:kv_cache_usage_perc", "KV cache", list(labels), registry=registry).labels(**labels).set(0.42)
    ttft = Histogram(
        "vllm:time_to_first_token_seconds",
        "TTFT",
        list(labels),
        buckets=(0.05, 0.1, 0.25, 0.5, 1.0),
        registry=registry,
    ).labels(**labels)
    for seconds in [0.08] * 18 + [0.4, 0.9]:
        ttft.observe(seconds)
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), MetricsHandler.factory(registry))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    vllm.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    vllm.clear()


@pytest.fixture
def backends(vllm_like: str) -> dict[str, Any]:
    up = services.do_register_backend("gpu-1", vllm_like)
    services.do_set_backend_health(up, healthy=True)
    down = services.do_register_backend("gpu-2", f"http://127.0.0.1:{free_port()}")
    services.do_set_backend_health(down, healthy=False, error="connection refused")
    return {"up": up, "down": down}


def _cell(html: str, backend: str, figure: str) -> str:
    row = html.split(f'data-backend="{backend}"', 1)[1].split("</tr>", 1)[0]
    return row.split(f'data-figure="{figure}">', 1)[1].split("</td>", 1)[0].strip()


def test_an_administrator_sees_each_backends_vllm_figures(
    client: Client, administrator: User, backends: dict[str, Any]
) -> None:
    sign_in_verified(client, administrator)
    page = client.get(reverse("console:backends"))
    assert page.status_code == 200
    html = page.content.decode()
    assert _cell(html, "gpu-1", "running") == "3"
    assert _cell(html, "gpu-1", "waiting") == "7"
    assert _cell(html, "gpu-1", "kv_cache") == "42 %"
    # 18 of 20 first tokens under 0.1 s, the 19th under 0.5 s: the 95th percentile (the 19th)
    # is at most 0.5 s, interpolated in its bucket as Prometheus' histogram_quantile does.
    assert _cell(html, "gpu-1", "ttft_p95") == "0.500 s"
    assert _cell(html, "gpu-1", "ttft_mean").startswith("0.137 s")
    # A backend whose /metrics does not answer says so, and the page still renders.
    assert "metrics unavailable" in _cell(html, "gpu-2", "error")
    assert "unhealthy" in html
    assert 'href="/console/backends/"' in html  # in the navigation


def test_the_figures_are_cached_for_a_few_seconds(
    client: Client, administrator: User, backends: dict[str, Any]
) -> None:
    first = vllm.read(backends["up"].base_url)
    assert vllm.read(backends["up"].base_url) is first


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_the_backends_page(
    who: str, client: Client, people: dict[str, User], backends: dict[str, Any]
) -> None:
    sign_in_verified(client, people[who])
    page = client.get(reverse("console:backends"))
    assert page.status_code == 403
    assert "data-figure" not in page.content.decode()


def test_someone_signed_out_is_sent_to_sign_in(client: Client, backends: dict[str, Any]) -> None:
    page = client.get(reverse("console:backends"))
    assert page.status_code == 302
    assert "/console/sign-in/" in page["Location"]
