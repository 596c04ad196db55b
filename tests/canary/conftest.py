"""Fixtures for canary and drain tests: a model with two deployed versions, and request records.

``respond(...)`` writes an ``inference.response`` audit record shaped as the gateway writes it
(``inference.recording``), for the comparison to read; tests that go through the real gateway
are in ``test_gateway_rollback.py``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest

from audit.events import Event
from audit.log import record
from audit.models import AuditRecord
from inference import services
from inference.models import Backend, Model, ModelVersion


def weights(folder: Path, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.safetensors").write_bytes(content)
    (folder / "config.json").write_text('{"architectures": ["LlamaForCausalLM"]}')
    return folder


@dataclass
class Release:
    model: Model
    v1: ModelVersion  # the default: the baseline
    v2: ModelVersion  # deployed, not default: the candidate
    backend: Backend


def make_release(tmp_path: Path, name: str = "llama-8b", base_url: str = "http://127.0.0.1:9") -> Release:
    v1 = services.do_register_model_version(name, weights(tmp_path / f"{name}-v1", b"one"), version="v1")
    v2 = services.do_register_model_version(
        name, weights(tmp_path / f"{name}-v2", b"two"), version="v2", make_default=False
    )
    backend = services.do_register_backend(f"{name}-gpu", base_url)
    services.do_deploy(v1, backend)
    services.do_deploy(v2, backend, weight=10)
    model = Model.objects.get(name=name)
    return Release(model, v1, v2, backend)


@pytest.fixture
def release(db: None, tmp_path: Path) -> Release:
    return make_release(tmp_path)


Respond = Callable[..., None]


@pytest.fixture
def respond() -> Respond:
    """``respond(version, status=200, latency_ms=100, ttft_ms=None, stream=False, count=1)``."""

    def write(
        version: ModelVersion,
        *,
        status: int = 200,
        latency_ms: float = 100.0,
        ttft_ms: float | None = None,
        stream: bool = False,
        completion_tokens: int = 20,
        count: int = 1,
        model: str | None = None,
        **extra: Any,
    ) -> None:
        for _ in range(count):
            record(
                Event.INFERENCE_RESPONSE,
                request_id=f"req_{secrets.token_hex(8)}",
                target=("api_key", "ak_test"),
                meta={
                    "outcome": "completed" if status == 200 else "failed",
                    "endpoint": "chat/completions",
                    "model": model or version.model.name,
                    "route": "local",
                    "status": status,
                    "error": None if status == 200 else "Bad answer from the model backend",
                    "latency_ms": latency_ms,
                    "ttft_ms": ttft_ms,
                    "usage": {"prompt_tokens": 10, "completion_tokens": completion_tokens}
                    if status == 200
                    else None,
                    "backend": "gpu",
                    "model_version": version.version,
                    "model_version_id": version.pk,
                    "stream": stream,
                    **extra,
                },
            )

    return write


def audit_bodies(event: str) -> list[dict[str, Any]]:
    return [
        orjson.loads(body)
        for body in AuditRecord.objects.filter(event=event).order_by("pk").values_list("body", flat=True)
    ]
