"""Fixtures for gateway tests: a registry pointing at the stub upstream, an app and its key."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openai
import pytest

from audit import sequencer
from inference import services
from inference.models import Application, Backend, ModelVersion

# Models registered against the stub; each name makes the stub behave in one way.
STUB_MODELS = [
    "stub",
    "stub-malformed",
    "stub-nochoices",
    "stub-500",
    "stub-400",
    "stub-slow",
    "stub-slowstream",
]


@dataclass
class Gateway:
    url: str
    stub_url: str
    app: Application
    key: str
    backend: Backend
    versions: dict[str, ModelVersion]

    def client(self, key: str | None = None, **kwargs: object) -> openai.OpenAI:
        return openai.OpenAI(
            base_url=f"{self.url}/v1", api_key=key if key is not None else self.key, max_retries=0, **kwargs
        )


def register(name: str, backend: Backend, served_name: str | None = None) -> ModelVersion:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors.stub").write_bytes(name.encode())
    mv = services.do_register_model_version(name, folder)
    services.do_deploy(mv, backend, served_name=served_name or name)
    return mv


@pytest.fixture
def gateway(transactional_db: None, live_gateway: str, stub_upstream: str) -> Iterator[Gateway]:
    backend = services.do_register_backend("stub", stub_upstream)
    versions = {name: register(name, backend) for name in STUB_MODELS}
    # A model the app may not use, served by the same stub.
    versions["forbidden"] = register("forbidden", backend, served_name="stub")
    app = services.do_create_application("test-app", allowed_models=STUB_MODELS)
    key = services.do_create_api_key(app, name="tests").plaintext
    yield Gateway(live_gateway, stub_upstream, app, key, backend, versions)
    # Records of the last answers are still being written and sealed in the server's threads;
    # let them finish before the tables are emptied for the next test.
    time.sleep(0.05)
    sequencer.wait_idle()
