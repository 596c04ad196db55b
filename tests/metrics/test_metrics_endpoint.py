"""/metrics answers the monitoring network or the bearer token, and nobody else."""

from __future__ import annotations

import httpx2 as httpx
import pytest

from tests.metrics.conftest import scrape

TOKEN = "s3cret-scrape-token-for-tests"


@pytest.fixture
def live_gateway(transactional_db: None, live_gateway: str) -> str:
    """The live gateway with its database (the scrape reads the audit backlog and budgets)."""
    return live_gateway


def test_loopback_may_read_the_metrics_by_default(live_gateway: str) -> None:
    response = httpx.get(f"{live_gateway}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    assert "# TYPE gen_ai_server_request_duration histogram" in response.text
    assert "# TYPE airlock_requests_total counter" in response.text


def test_a_client_outside_the_monitoring_networks_is_refused(live_gateway: str, settings: object) -> None:
    settings.AIRLOCK_METRICS_ALLOW = ["10.20.0.0/16"]  # type: ignore[attr-defined]
    response = httpx.get(f"{live_gateway}/metrics")
    assert response.status_code == 403
    assert "airlock_" not in response.text and "gen_ai" not in response.text


def test_the_bearer_token_opens_the_metrics_from_anywhere(live_gateway: str, settings: object) -> None:
    settings.AIRLOCK_METRICS_ALLOW = ["10.20.0.0/16"]  # type: ignore[attr-defined]
    settings.AIRLOCK_METRICS_TOKEN = TOKEN  # type: ignore[attr-defined]
    series = scrape(live_gateway, Authorization=f"Bearer {TOKEN}")
    assert ("airlock_audit_write_failures_total", ()) in series


@pytest.mark.parametrize("header", [f"Bearer {TOKEN}x", "Bearer", f"Basic {TOKEN}", TOKEN])
def test_a_wrong_token_is_refused(live_gateway: str, settings: object, header: str) -> None:
    settings.AIRLOCK_METRICS_ALLOW = ["10.20.0.0/16"]  # type: ignore[attr-defined]
    settings.AIRLOCK_METRICS_TOKEN = TOKEN  # type: ignore[attr-defined]
    assert httpx.get(f"{live_gateway}/metrics", headers={"Authorization": header}).status_code == 403


def test_a_forwarded_address_counts_only_from_a_trusted_proxy(live_gateway: str, settings: object) -> None:
    # Through nginx on loopback, the real client is the forwarded address: not the monitoring network.
    settings.AIRLOCK_TRUSTED_PROXIES = ["127.0.0.1/32"]  # type: ignore[attr-defined]
    forwarded = {"X-Forwarded-For": "203.0.113.9"}
    assert httpx.get(f"{live_gateway}/metrics", headers=forwarded).status_code == 403
    settings.AIRLOCK_TRUSTED_PROXIES = []  # type: ignore[attr-defined]
    # Without a trusted proxy the header is not believed either way: the peer (loopback) counts.
    assert httpx.get(f"{live_gateway}/metrics", headers=forwarded).status_code == 200


def test_with_metrics_turned_off_there_is_no_endpoint(live_gateway: str, settings: object) -> None:
    settings.AIRLOCK_METRICS = False  # type: ignore[attr-defined]
    assert httpx.get(f"{live_gateway}/metrics").status_code == 404


def test_only_get_reads_the_metrics(live_gateway: str) -> None:
    assert httpx.post(f"{live_gateway}/metrics").status_code == 405
