"""Fixtures for egress tests: a capture server playing the providers, and an app allowed to reach them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openai
import pytest

from audit import sequencer
from inference import services
from inference.models import Application, Provider
from inference.providers import resilience
from inference.services import ProviderSettings
from redaction import services as redaction_services
from tests.egress.capture_server import CaptureServer
from tests.keyfiles import write_key_file

OPENAI_MODEL = "gpt-echo"  # → provider "capture-openai", remote "echo-4o"
ANTHROPIC_MODEL = "claude-echo"  # → provider "capture-anthropic", remote "claude-echo-latest"
MRN_PATTERN = {"name": "mrn", "entity_type": "MRN", "regex": r"\bMRN-\d{7}\b", "score": 0.9}


@pytest.fixture(scope="session")
def capture() -> Iterator[CaptureServer]:
    server = CaptureServer().start()
    yield server
    server.stop()


@dataclass
class Egress:
    url: str
    capture: CaptureServer
    app: Application
    key: str
    openai_provider: Provider
    anthropic_provider: Provider

    def client(self, **kwargs: object) -> openai.OpenAI:
        return openai.OpenAI(base_url=f"{self.url}/v1", api_key=self.key, max_retries=0, **kwargs)

    def allow(self, **changes: object) -> None:
        """Turn egress on (globally and for the app), with ``changes`` to the global policy."""
        policy = {"enabled": True, "allowed_providers": ["*"], "patterns": [MRN_PATTERN], **changes}
        redaction_services.do_set_egress_policy(None, policy)
        redaction_services.do_set_egress_policy(self.app, {"enabled": True})


@pytest.fixture
def key_file(capture: CaptureServer) -> Iterator[Path]:
    """The providers' key, in the appliance's provider keys directory (the only place it may be)."""
    path = write_key_file(capture.api_key)
    yield path
    path.unlink(missing_ok=True)


@pytest.fixture
def egress(
    transactional_db: None, live_gateway: str, capture: CaptureServer, key_file: Path, settings: object
) -> Iterator[Egress]:
    """Two providers on the capture server, an external model on each, an app that may use both.

    Egress is OFF (the appliance's default); tests turn it on with ``egress.allow()``.
    """
    settings.AIRLOCK_EGRESS_RETRY_BASE_SECONDS = 0.01  # type: ignore[attr-defined]
    settings.AIRLOCK_EGRESS_RETRY_MAX_SECONDS = 0.05  # type: ignore[attr-defined]
    # The capture server is on loopback: this installation allows it, as an on-premises one
    # would allow its own OpenAI-compatible server (tests/security/test_provider_ssrf.py).
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = ["127.0.0.0/8"]  # type: ignore[attr-defined]
    capture.reset()
    resilience.reset_breakers()
    limits = ProviderSettings(
        api_key_file=str(key_file),
        region="eu-west-1",
        timeout_seconds=5,
        max_retries=2,
        breaker_threshold=3,
        breaker_cooldown_seconds=1.0,
    )
    openai_provider = services.do_register_provider(
        "capture-openai", "openai", f"{capture.url}/v1", settings=limits
    )
    anthropic_provider = services.do_register_provider(
        "capture-anthropic", "anthropic", capture.url, settings=limits
    )
    services.do_register_external_model(OPENAI_MODEL, openai_provider, "echo-4o")
    services.do_register_external_model(ANTHROPIC_MODEL, anthropic_provider, "claude-echo-latest")
    app = services.do_create_application("clinic", allowed_models=[OPENAI_MODEL, ANTHROPIC_MODEL])
    key = services.do_create_api_key(app, name="tests").plaintext
    yield Egress(live_gateway, capture, app, key, openai_provider, anthropic_provider)
    # Let the server's threads finish writing and sealing the last records before the tables empty.
    time.sleep(0.05)
    sequencer.wait_idle()
    resilience.reset_breakers()
