"""Every query of the Grafana dashboard returns series, evaluated by a real Prometheus
(Debian's package, on loopback) that scrapes the live gateway after real traffic: local and
streamed answers, a server error, a fallback, a quota refusal, a budget, an egress request
through redaction, and a TLS certificate. vLLM's panels are checked against a real vLLM
server in the end-to-end suite (tests/metrics/test_vllm_dashboard.py).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from inference import routing, services
from inference.quotas import services as quota_services
from tests.conftest import free_port
from tests.egress.conftest import Egress
from tests.metrics.conftest import Gateway, Prometheus, is_vllm_query, panel_queries

HELLO = [{"role": "user", "content": "Say hello"}]
PERSONAL = [{"role": "user", "content": "Write to Maria Schneider at maria.schneider@example.org"}]


def _certificate(folder: Path) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "airlock.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=90))
        .sign(key, hashes.SHA256())
    )
    path = folder / "tls.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture
def prometheus(gateway: Gateway) -> Iterator[Prometheus]:
    with tempfile.TemporaryDirectory(prefix="airlock-prometheus-") as folder:
        server = Prometheus({"airlock": [gateway.url]}, Path(folder))
        try:
            yield server
        finally:
            server.stop()


def _traffic(gateway: Gateway, egress: Egress) -> None:
    client = gateway.client()
    client.chat.completions.create(model="stub", messages=HELLO)
    list(client.chat.completions.create(model="stub", messages=HELLO, stream=True))
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(model="stub-500", messages=HELLO)
    # A fallback: a backend that refuses connections, preferred 1000:1 for model "fallback".
    dead = services.do_register_backend("dead", f"http://127.0.0.1:{free_port()}")
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors.stub").write_bytes(b"fallback")
    version = services.do_register_model_version("fallback", folder)
    services.do_deploy(version, dead, weight=1000, served_name="stub")
    services.do_deploy(version, gateway.backend, weight=1, served_name="stub")
    limited = services.do_create_application("limited", allowed_models=["stub", "fallback"])
    limited_key = services.do_create_api_key(limited, name="tests").plaintext
    gateway.client(key=limited_key).chat.completions.create(model="fallback", messages=HELLO)
    routing._down_until.clear()
    # A quota refusal, and a monthly egress budget to read.
    quota_services.do_set_limits(limited, {"requests_per_minute": 1})
    with pytest.raises(openai.RateLimitError):
        for _ in range(3):
            gateway.client(key=limited_key).chat.completions.create(model="stub", messages=HELLO)
    quota_services.do_set_limits(egress.app, {"budget_usd_per_month": "50"})
    quota_services.do_set_prices("gpt-echo", input_usd_per_million="1", output_usd_per_million="2")
    # Egress: personal data found, replaced, restored.
    egress.allow()
    egress.client().chat.completions.create(model="gpt-echo", messages=PERSONAL)


def test_every_panel_query_of_the_dashboard_returns_series(
    gateway: Gateway, egress: Egress, prometheus: Prometheus, settings: object, tmp_path: Path
) -> None:
    settings.AIRLOCK_TLS_CERT_FILE = str(_certificate(tmp_path))  # type: ignore[attr-defined]
    settings.AIRLOCK_METRICS_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    prometheus.scraped("airlock", times=1)
    _traffic(gateway, egress)
    prometheus.scraped("airlock", times=3)
    queries = [(title, expr) for title, expr in panel_queries() if not is_vllm_query(expr)]
    assert len(queries) >= 25
    empty = [f"{title}: {expr}" for title, expr in queries if not prometheus.query(expr)]
    assert not empty, "queries without series:\n" + "\n".join(empty)
