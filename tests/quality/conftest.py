"""Fixtures for the quality tests: a deployed model version, an application, and the routing lab."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from inference import services
from inference.models import Application, Deployment
from tests.egress.conftest import capture, key_file  # noqa: F401 - the routing lab's fixtures
from tests.routing.conftest import lab, stub  # noqa: F401 - the live gateway with a stub vLLM


@pytest.fixture
def deployment(db: None) -> Deployment:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors").write_bytes(b"weights")
    backend = services.do_register_backend("gpu1", "http://127.0.0.1:9")
    mv = services.do_register_model_version("chat", folder)
    return services.do_deploy(mv, backend, served_name="chat")


@pytest.fixture
def application(db: None) -> Application:
    return services.do_create_application("helpdesk", allowed_models=[])


@pytest.fixture(autouse=True)
def _fresh_data_keys() -> Iterator[None]:
    """Workers keep audit data keys for a minute; a rolled-back test's keys must not outlive it
    (SQLite gives the next test's application the same id, and its content a key that is gone)."""
    from audit import envelope

    envelope.forget()
    yield
    envelope.forget()
