"""LoRA adapters: registered as models of their own on a base version, rendered into the base's
vLLM command line, and deployed beside the base (tests/e2e/test_lora.py serves a trained one)."""

from __future__ import annotations

import io
import json
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inference import vllm
from inference.models import Backend, Deployment, ModelVersion
from tests.inference.test_vllm_cli import fake_python, free_port  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def vllm_args(name: str) -> str:
    argv = json.loads(run("vllm", "args", name, "--python", "/venv/bin/python", "--device", "cpu", "--json"))
    return shlex.join(argv["argv"])


def folder(root: Path, name: str, files: dict[str, str]) -> Path:
    path = root / name
    path.mkdir()
    for file_name, content in files.items():
        (path / file_name).write_text(content)
    return path


@pytest.fixture
def base(tmp_path: Path) -> Path:
    weights = folder(tmp_path, "base", {"config.json": '{"model_type": "llama"}', "model.safetensors": "w"})
    run("models", "add", str(weights), "--name", "smol")
    return weights


def adapter_folder(root: Path, name: str, rank: int) -> Path:
    config = {"peft_type": "LORA", "r": rank, "target_modules": ["q_proj", "v_proj"]}
    return folder(root, name, {"adapter_config.json": json.dumps(config), "adapter_model.safetensors": name})


def test_an_adapter_is_loaded_by_the_base_models_vllm_under_its_own_name(tmp_path: Path, base: Path) -> None:
    assert "--enable-lora" not in vllm_args("smol"), "no LoRA flags (and no slowdown) without adapters"
    adapter = adapter_folder(tmp_path, "support-tone", 8)
    out = run("models", "add-adapter", str(adapter), "--name", "smol-support", "--base", "smol")
    assert "LoRA adapter (rank 8) of smol@1" in out

    line = vllm_args("smol")
    assert (
        f"--enable-lora --max-lora-rank 8 --max-loras 1 --lora-modules smol-support={adapter.resolve()}"
        in line
    )
    mv = ModelVersion.objects.get(model__name="smol-support")
    assert mv.base == ModelVersion.objects.get(model__name="smol")
    assert len(mv.manifest) == 2 and mv.manifest_sha256


def test_ranks_round_up_to_one_vllm_accepts_and_every_adapter_is_listed(tmp_path: Path, base: Path) -> None:
    run("models", "add-adapter", str(adapter_folder(tmp_path, "a", 8)), "--name", "smol-a", "--base", "smol")
    run("models", "add-adapter", str(adapter_folder(tmp_path, "b", 12)), "--name", "smol-b", "--base", "smol")
    line = vllm_args("smol")
    assert "--max-lora-rank 16 --max-loras 2" in line
    assert "smol-a=" in line and "smol-b=" in line


def test_an_adapter_is_not_served_on_its_own(tmp_path: Path, base: Path) -> None:
    run("models", "add-adapter", str(adapter_folder(tmp_path, "a", 8)), "--name", "smol-a", "--base", "smol")
    with pytest.raises(CommandError, match="LoRA adapter of smol@1; serve the base model"):
        run("vllm", "args", "smol-a")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"adapter_model.safetensors": "x"}, "not a LoRA adapter folder"),
        (
            {"adapter_config.json": '{"peft_type": "PREFIX_TUNING", "r": 8}'},
            "does not describe a LoRA adapter",
        ),
        ({"adapter_config.json": '{"peft_type": "LORA"}'}, "has no rank"),
    ],
)
def test_a_folder_that_is_not_a_lora_adapter_is_refused(
    tmp_path: Path, base: Path, files: dict[str, str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        run("models", "add-adapter", str(folder(tmp_path, "bad", files)), "--name", "x", "--base", "smol")
    assert not ModelVersion.objects.filter(model__name="x").exists()


def test_an_adapter_needs_a_known_base_and_a_name_of_its_own(tmp_path: Path, base: Path) -> None:
    adapter = adapter_folder(tmp_path, "a", 8)
    with pytest.raises(CommandError, match="Unknown base model"):
        run("models", "add-adapter", str(adapter), "--name", "x", "--base", "nope")
    with pytest.raises(CommandError, match="already a model of its own"):
        run("models", "add-adapter", str(adapter), "--name", "smol", "--base", "smol")


def test_a_rank_above_vllms_maximum_is_refused() -> None:
    with pytest.raises(ValueError, match="above vLLM's maximum"):
        vllm.lora_engine_args([vllm.Adapter("big", "/a", 1024)])


@pytest.mark.usefixtures("fake_python")
def test_serving_the_base_deploys_its_adapters_on_the_same_backend(tmp_path: Path, base: Path) -> None:
    run("models", "add-adapter", str(adapter_folder(tmp_path, "a", 8)), "--name", "smol-a", "--base", "smol")
    port = free_port()
    out = run("vllm", "serve", "smol", "--port", str(port), "--detach", "--timeout", "20")
    try:
        assert "LoRA adapter smol-a served beside it." in out
        backend = Backend.objects.get(name=f"local-vllm-{port}")
        served = dict(
            Deployment.objects.filter(backend=backend, is_active=True).values_list(
                "served_name", "model_version__model__name"
            )
        )
        assert served == {"smol": "smol", "smol-a": "smol-a"}
    finally:
        run("vllm", "stop", "--port", str(port))
