"""Fixtures for the quality tests: a deployed model version and an application."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from inference import services
from inference.models import Application, Deployment


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
