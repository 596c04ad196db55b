"""Per model version engine settings: the tool-call parser of a model family, the pooling runner
of an embedding model, and a demo whose registered weights changed on disk.

Rendered through the same ``airlock vllm args`` an operator (or the installer) uses; the e2e
suite (tests/e2e/test_tools.py, test_embeddings.py) starts vLLM with them for real.
"""

from __future__ import annotations

import io
import json
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inference.management.commands import models as models_command
from inference.models import Model, ModelVersion

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def vllm_args(name: str) -> str:
    argv = json.loads(run("vllm", "args", name, "--python", "/venv/bin/python", "--device", "cpu", "--json"))
    return shlex.join(argv["argv"])


def model_folder(root: Path, name: str, *, model_type: str, chat_template: str | None) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": model_type}))
    tokenizer: dict[str, object] = {"model_max_length": 2048}
    if chat_template is not None:
        tokenizer["chat_template"] = chat_template
    (folder / "tokenizer_config.json").write_text(json.dumps(tokenizer))
    (folder / "model.safetensors").write_bytes(b"\0" * 4096)
    return folder


CHATML = "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"


def test_a_chatml_model_is_served_with_the_hermes_tool_parser_and_schema_held_arguments(
    tmp_path: Path,
) -> None:
    folder = model_folder(tmp_path, "smol", model_type="llama", chat_template=CHATML)
    out = run("models", "add", str(folder), "--name", "smol")
    assert "tool_call_parser=hermes" in out

    line = vllm_args("smol")
    # Flag order is the stored engine args' (PostgreSQL's JSONB sorts keys); vLLM does not mind it.
    for flag in ("--enable-auto-tool-choice", "--tool-call-parser hermes", "--tool-strict-level parameter"):
        assert flag in line
    assert ModelVersion.objects.get(model__name="smol").engine_args["tool_call_parser"] == "hermes"


def test_a_qwen_model_gets_the_hermes_parser_from_its_model_type(tmp_path: Path) -> None:
    folder = model_folder(tmp_path, "qwen", model_type="qwen2", chat_template=None)
    run("models", "add", str(folder), "--name", "qwen")
    assert "--tool-call-parser hermes" in vllm_args("qwen")


def test_an_unknown_family_gets_no_tool_parser_and_an_operator_can_choose_one(tmp_path: Path) -> None:
    folder = model_folder(tmp_path, "other", model_type="gpt2", chat_template="{{ messages }}")
    run("models", "add", str(folder), "--name", "other")
    assert "--tool-call-parser" not in vllm_args("other")

    chosen = model_folder(tmp_path, "chosen", model_type="llama", chat_template=CHATML)
    run(
        "models",
        "add",
        str(chosen),
        "--name",
        "chosen",
        "--engine-arg",
        "tool_call_parser=pythonic",
        "--engine-arg",
        "chat_template=/srv/templates/tools.jinja",
    )
    line = vllm_args("chosen")
    assert "--tool-call-parser pythonic" in line
    assert "--chat-template /srv/templates/tools.jinja" in line


def test_an_embedding_model_runs_the_pooling_runner_with_its_own_context_length(tmp_path: Path) -> None:
    folder = model_folder(tmp_path, "minilm", model_type="bert", chat_template=None)
    out = run("models", "add", str(folder), "--name", "minilm", "--kind", "embedding")
    assert "Kind of minilm: embedding." in out
    assert Model.objects.get(name="minilm").kind == "embedding"

    line = vllm_args("minilm")
    assert "--runner pooling" in line
    assert "--max-model-len 2048" not in line, "the CPU default context refuses an embedding model"
    assert "--tool-call-parser" not in line

    # A new version keeps the model's kind when --kind is not given again.
    (folder / "model.safetensors").write_bytes(b"\1" * 4096)
    run("models", "add", str(folder), "--name", "minilm", "--engine-arg", "max_model_len=256")
    assert Model.objects.get(name="minilm").kind == "embedding"
    assert "--runner pooling" in vllm_args("minilm")
    assert "--max-model-len 256" in vllm_args("minilm")


def test_the_demo_refuses_to_register_weights_that_changed_since_they_were_registered(
    tmp_path: Path, settings
) -> None:
    settings.AIRLOCK_MODELS_DIR = str(tmp_path)
    folder = tmp_path / models_command.DEMO_FOLDER
    folder.mkdir()
    for name in models_command.DEMO_REQUIRED:
        (folder / name).write_bytes(b"{}" if name.endswith(".json") else b"\0" * 8192)
    run("models", "prepare-demo", "--name", "demo-model")
    registered = ModelVersion.objects.get(model__name="demo-model")
    assert registered.engine_args["tool_call_parser"] == "hermes"

    weights = folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[100] ^= 0x01
    weights.write_bytes(bytes(data))

    with pytest.raises(CommandError) as caught:
        run("models", "prepare-demo", "--name", "demo-model")
    assert "changed: model.safetensors" in str(caught.value)
    assert list(ModelVersion.objects.filter(model__name="demo-model")) == [registered]
    assert Model.objects.get(name="demo-model").default_version == registered


def test_the_demo_gets_the_tool_parser_on_a_version_registered_without_it(tmp_path: Path, settings) -> None:
    settings.AIRLOCK_MODELS_DIR = str(tmp_path)
    folder = tmp_path / models_command.DEMO_FOLDER
    folder.mkdir()
    for name in models_command.DEMO_REQUIRED:
        (folder / name).write_bytes(b"{}")
    run("models", "add", str(folder), "--name", "demo-model", "--engine-arg", "max_model_len=1024")
    run("models", "prepare-demo", "--name", "demo-model")
    mv = ModelVersion.objects.get(model__name="demo-model")
    assert mv.engine_args["tool_strict_level"] == "parameter"
    assert mv.engine_args["max_model_len"] == 1024
