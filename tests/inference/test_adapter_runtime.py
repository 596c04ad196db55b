"""LoRA adapters loaded, swapped and unloaded while the base serves (inference.adapters).

Each backend is a real HTTP server on loopback speaking vLLM's runtime-LoRA endpoints; the
real vLLM does the same in tests/e2e/test_lora_runtime.py under load.
"""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.events import Event
from audit.models import AuditRecord
from inference import adapters, services, vllm
from inference.models import Deployment, Model, ModelVersion

pytestmark = pytest.mark.django_db


@dataclass
class FakeVllm:
    """What a vLLM with VLLM_ALLOW_RUNTIME_LORA_UPDATING does with adapters, over HTTP."""

    refuse_loads: bool = False
    api_key: str = ""
    loaded: dict[str, str] = field(default_factory=dict)
    calls: list[tuple[str, dict[str, object], str]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"


def _handler(fake: FakeVllm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _answer(self, status: int, body: object) -> None:
            raw = json.dumps(body).encode() if not isinstance(body, str) else body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            fake.calls.append((self.path, payload, self.headers.get("Authorization") or ""))
            if (
                self.path.startswith("/v1")
                and fake.api_key
                and (self.headers.get("Authorization") != f"Bearer {fake.api_key}")
            ):
                self._answer(401, {"error": "Unauthorized"})
            elif self.path == "/v1/load_lora_adapter":
                if fake.refuse_loads:
                    self._answer(500, {"error": {"message": "out of LoRA memory", "code": 500}})
                elif payload["lora_name"] in fake.loaded:
                    self._answer(400, {"error": {"message": "has already been loaded"}})
                else:
                    fake.loaded[str(payload["lora_name"])] = str(payload["lora_path"])
                    self._answer(200, "Success")
            elif self.path == "/v1/unload_lora_adapter":
                if fake.loaded.pop(str(payload["lora_name"]), None) is None:
                    self._answer(404, {"error": {"message": "cannot be found"}})
                else:
                    self._answer(200, "Success")
            else:
                # /reset_prefix_cache exists only in vLLM's development mode.
                self._answer(404, {"detail": "Not Found"})

    return Handler


@pytest.fixture
def fakes() -> Iterator[list[FakeVllm]]:
    made = []
    for _ in range(2):
        fake = FakeVllm()
        fake.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
        threading.Thread(target=fake.server.serve_forever, daemon=True).start()
        made.append(fake)
    yield made
    for fake in made:
        assert fake.server is not None
        fake.server.shutdown()
        fake.server.server_close()


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def folder(root: Path, name: str, files: dict[str, str]) -> Path:
    path = root / name
    path.mkdir()
    for file_name, content in files.items():
        (path / file_name).write_text(content)
    return path


def adapter_folder(root: Path, name: str) -> Path:
    config = {"peft_type": "LORA", "r": 8, "target_modules": ["q_proj", "v_proj"]}
    return folder(root, name, {"adapter_config.json": json.dumps(config), "adapter_model.safetensors": name})


@pytest.fixture
def served_base(tmp_path: Path, fakes: list[FakeVllm]) -> ModelVersion:
    weights = folder(tmp_path, "base", {"config.json": '{"model_type": "llama"}', "model.safetensors": "w"})
    run("models", "add", str(weights), "--name", "smol")
    mv = ModelVersion.objects.get(model__name="smol")
    for index, fake in enumerate(fakes):
        services.do_deploy(mv, services.do_register_backend(f"gpu-{index}", fake.url))
    return mv


def adapter_deployments(name: str) -> list[tuple[str, str, str, bool]]:
    return sorted(
        (d.backend.name, d.model_version.version, d.served_name, d.is_active)
        for d in Deployment.objects.filter(model_version__model__name=name).select_related(
            "backend", "model_version"
        )
    )


def test_an_adapter_is_loaded_on_every_replica_then_routed(
    tmp_path: Path, fakes: list[FakeVllm], served_base: ModelVersion
) -> None:
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    out = run("models", "load-adapter", "smol-legal")

    assert "served as 'smol-legal@1' on 2 backend(s)" in out
    for fake in fakes:
        assert fake.loaded == {"smol-legal@1": str((tmp_path / "a1").resolve())}
    assert adapter_deployments("smol-legal") == [
        ("gpu-0", "1", "smol-legal@1", True),
        ("gpu-1", "1", "smol-legal@1", True),
    ]
    loaded = AuditRecord.objects.filter(event=Event.ADAPTER_LOADED).get()
    assert loaded.target_id == "smol-legal"


def test_a_refusal_on_one_replica_loads_it_nowhere(
    tmp_path: Path, fakes: list[FakeVllm], served_base: ModelVersion
) -> None:
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    fakes[1].refuse_loads = True

    with pytest.raises(CommandError, match=r"all replicas or none.*gpu-1: HTTP 500: out of LoRA memory"):
        run("models", "load-adapter", "smol-legal")

    assert fakes[0].loaded == {} and fakes[1].loaded == {}, "the replica that took it unloaded it again"
    assert ("/v1/unload_lora_adapter", {"lora_name": "smol-legal@1"}, "") in fakes[0].calls
    assert adapter_deployments("smol-legal") == []
    assert not AuditRecord.objects.filter(event=Event.ADAPTER_LOADED).exists()


def test_a_swap_routes_the_new_version_before_the_old_one_is_unloaded(
    tmp_path: Path, fakes: list[FakeVllm], served_base: ModelVersion
) -> None:
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    run("models", "load-adapter", "smol-legal")
    out = run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a2")), "--name", "smol-legal", "--base", "smol"
    )
    assert Model.objects.get(name="smol-legal").default_version.version == "1", "not default until loaded"
    assert "load-adapter smol-legal --version 2" in out

    out = run("models", "load-adapter", "smol-legal", "--version", "2")

    assert "Unloaded the previous version: smol-legal@1 on gpu-0" in out
    assert "Prefix cache: not exposed on gpu-0, gpu-1" in out
    for fake in fakes:
        assert fake.loaded == {"smol-legal@2": str((tmp_path / "a2").resolve())}
        paths = [path for path, _, _ in fake.calls]
        # Loaded first, routing switched, old version unloaded last.
        assert paths.index("/v1/load_lora_adapter", 1) < paths.index("/v1/unload_lora_adapter")
    assert adapter_deployments("smol-legal") == [
        ("gpu-0", "1", "smol-legal@1", False),
        ("gpu-0", "2", "smol-legal@2", True),
        ("gpu-1", "1", "smol-legal@1", False),
        ("gpu-1", "2", "smol-legal@2", True),
    ]
    assert Model.objects.get(name="smol-legal").default_version.version == "2"
    swap = AuditRecord.objects.filter(event=Event.ADAPTER_LOADED).order_by("-seq").first()
    assert swap is not None


def test_unload_takes_it_out_of_routing_and_off_every_backend(
    tmp_path: Path, fakes: list[FakeVllm], served_base: ModelVersion
) -> None:
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    run("models", "load-adapter", "smol-legal")

    out = run("models", "unload-adapter", "smol-legal")

    assert "smol-legal is no longer served" in out
    assert all(fake.loaded == {} for fake in fakes)
    assert [active for *_, active in adapter_deployments("smol-legal")] == [False, False]
    assert AuditRecord.objects.filter(event=Event.ADAPTER_UNLOADED).count() == 1
    with pytest.raises(CommandError, match="not loaded anywhere"):
        run("models", "unload-adapter", "smol-legal")


def test_a_backend_with_an_api_key_is_sent_it(
    tmp_path: Path, fakes: list[FakeVllm], served_base: ModelVersion, settings
) -> None:
    keys = tmp_path / "keys"
    keys.mkdir(mode=0o700)
    key_file = keys / "gpu-0.key"
    key_file.write_text("s3cret-backend-key\n")
    os.chmod(key_file, 0o600)
    settings.AIRLOCK_PROVIDER_KEYS_DIR = str(keys)
    fakes[0].api_key = "s3cret-backend-key"
    services.Backend.objects.filter(name="gpu-0").update(api_key_file=str(key_file))
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )

    run("models", "load-adapter", "smol-legal")

    assert fakes[0].calls[0][2] == "Bearer s3cret-backend-key"
    assert "smol-legal@1" in fakes[0].loaded


def test_an_adapter_needs_a_served_base(tmp_path: Path) -> None:
    weights = folder(tmp_path, "base", {"config.json": '{"model_type": "llama"}', "model.safetensors": "w"})
    run("models", "add", str(weights), "--name", "smol")
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    with pytest.raises(CommandError, match="is not served anywhere"):
        run("models", "load-adapter", "smol-legal")
    assert adapters.served_name(ModelVersion.objects.get(model__name="smol-legal")) == "smol-legal@1"


def test_a_base_can_be_started_ready_for_adapters_registered_later(tmp_path: Path) -> None:
    weights = folder(tmp_path, "base", {"config.json": '{"model_type": "llama"}', "model.safetensors": "w"})
    run(
        "models",
        "add",
        str(weights),
        "--name",
        "smol",
        "--engine-arg",
        "enable_lora=true",
        "--engine-arg",
        "max_lora_rank=16",
        "--engine-arg",
        "max_loras=4",
    )
    mv = ModelVersion.objects.get(model__name="smol")
    argv = vllm.launch_command(mv, host="127.0.0.1", port=8000, python="/venv/bin/python", device="cpu")

    assert "--enable-lora" in argv and "--lora-modules" not in argv
    assert argv[argv.index("--max-lora-rank") + 1] == "16"
    assert argv[argv.index("--max-loras") + 1] == "4"
    assert vllm.launch_env("cpu", lora=vllm.lora_enabled(argv))["VLLM_ALLOW_RUNTIME_LORA_UPDATING"] == "True"
    assert "VLLM_ALLOW_RUNTIME_LORA_UPDATING" not in vllm.launch_env("cpu")


def test_a_new_adapter_version_can_be_a_canary_beside_the_current_one(
    tmp_path: Path, fakes: list[FakeVllm], served_base: ModelVersion
) -> None:
    from inference.canary import do_promote
    from inference.models import Canary

    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    run("models", "load-adapter", "smol-legal")
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a2")), "--name", "smol-legal", "--base", "smol"
    )

    out = run("models", "load-adapter", "smol-legal", "--version", "2", "--canary", "10")

    assert "gets 10 % of smol-legal's requests as a canary against 1" in out
    for fake in fakes:
        assert set(fake.loaded) == {"smol-legal@1", "smol-legal@2"}, "both versions stay loaded"
    assert [active for *_, active in adapter_deployments("smol-legal")] == [True, True, True, True]
    model = Model.objects.get(name="smol-legal")
    assert model.default_version.version == "1", "traffic moves only by the canary's share"
    canary = Canary.objects.get(model=model, state=Canary.State.RUNNING)
    assert (canary.baseline.version, canary.candidate.version, canary.percent) == ("1", "2", 10)

    do_promote(canary, actor=None)
    assert Model.objects.get(name="smol-legal").default_version.version == "2"
