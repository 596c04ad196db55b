"""Fixtures for routing tests: one stub vLLM playing every backend, the capture server playing
an external provider, and a local model ``chat`` with two versions an app may call."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2 as httpx
import openai
import pytest

from audit import sequencer
from inference import epoch, routing, services
from inference.models import Application, Backend, Deployment, Model, ModelVersion, Provider
from inference.providers import resilience
from inference.services import ProviderSettings
from redaction import services as redaction_services
from tests.conftest import free_port
from tests.egress.capture_server import CaptureServer
from tests.egress.conftest import capture, key_file  # noqa: F401 - fixtures shared with tests/egress
from tests.routing.stub_backend import StubBackend

MODEL = "chat"
EXTERNAL = "gpt-echo"  # → provider "capture-openai", remote model "echo-4o"
HELLO = [{"role": "user", "content": "Say hello."}]


@pytest.fixture(scope="session")
def stub() -> Iterator[StubBackend]:
    server = StubBackend().start()
    yield server
    server.stop()


def _weights(name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors.stub").write_bytes(name.encode())
    return folder


@dataclass
class Lab:
    url: str
    stub: StubBackend
    capture: CaptureServer
    app: Application
    key: str
    model: Model
    versions: dict[str, ModelVersion]
    provider: Provider

    def client(self, **kwargs: Any) -> openai.OpenAI:
        return openai.OpenAI(base_url=f"{self.url}/v1", api_key=self.key, max_retries=0, **kwargs)

    def deploy(
        self, backend: str, served: str, *, version: str = "v1", weight: int = 100, url: str | None = None
    ) -> Deployment:
        """A backend (its own row; the stub's address unless ``url``) serving ``chat@version``."""
        row = services.do_register_backend(backend, url or self.stub.url)
        return services.do_deploy(self.versions[version], row, weight=weight, served_name=served)

    def dead_url(self) -> str:
        return f"http://127.0.0.1:{free_port()}"  # nothing listens there: connection refused

    def allow_egress(self) -> None:
        redaction_services.do_set_egress_policy(None, {"enabled": True, "allowed_providers": ["*"]})
        redaction_services.do_set_egress_policy(self.app, {"enabled": True})

    def post(self, body: dict[str, Any], headers: dict[str, str] | None = None, **kw: Any) -> httpx.Response:
        return httpx.post(
            f"{self.url}/v1/chat/completions",
            json={"model": MODEL, "messages": HELLO, **body},
            headers={"Authorization": f"Bearer {self.key}", **(headers or {})},
            timeout=kw.get("timeout", 30),
        )


def changed() -> None:
    """A change made by hand in a test reaches the gateway like a service's (the epoch)."""
    epoch.bump()


@pytest.fixture
def lab(
    transactional_db: None,
    live_gateway: str,
    stub: StubBackend,
    capture: CaptureServer,  # noqa: F811
    key_file: Path,  # noqa: F811
    settings: Any,
) -> Iterator[Lab]:
    settings.AIRLOCK_EGRESS_RETRY_BASE_SECONDS = 0.01
    settings.AIRLOCK_EGRESS_RETRY_MAX_SECONDS = 0.05
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = ["127.0.0.0/8"]
    settings.AIRLOCK_UPSTREAM_READ_TIMEOUT = 1.0
    stub.requests.clear()
    capture.reset()
    resilience.reset_breakers()
    routing._down_until.clear()
    v1 = services.do_register_model_version(MODEL, _weights("v1"), version="v1")
    v2 = services.do_register_model_version(MODEL, _weights("v2"), version="v2", make_default=False)
    provider = services.do_register_provider(
        "capture-openai",
        "openai",
        f"{capture.url}/v1",
        settings=ProviderSettings(api_key_file=str(key_file), timeout_seconds=5, max_retries=0),
    )
    services.do_register_external_model(EXTERNAL, provider, "echo-4o")
    app = services.do_create_application("routed-app", allowed_models=[MODEL])
    key = services.do_create_api_key(app, name="tests").plaintext
    model = Model.objects.get(name=MODEL)
    yield Lab(live_gateway, stub, capture, app, key, model, {"v1": v1, "v2": v2}, provider)
    time.sleep(0.05)
    sequencer.wait_idle()
    resilience.reset_breakers()
    routing._down_until.clear()


__all__ = ["EXTERNAL", "HELLO", "MODEL", "Backend", "Lab", "changed"]
