"""A site's own models in the offline bundle: ``make bundle MODELS="NAME=DIR"``.

The bundle builder checks every ``--model`` and ``--engine-args`` before it builds anything, and
packs each model as ``parts/model-<name>.tar`` with the registry's SHA-256 manifest, which the
vllm role checks the unpacked weights against (the same path the demo model takes in the lab).
"""

from __future__ import annotations

import importlib.util
import json
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from inference import manifest

ROOT = Path(__file__).resolve().parents[2]


def _bundle_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("airlock_bundle_site_models", ROOT / "scripts/bundle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _bundle_script()


def _model(tmp_path: Path, name: str = "weights") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "config.json").write_text('{"architectures": ["LlamaForCausalLM"]}')
    (folder / "model-00001-of-00002.safetensors").write_bytes(b"\1" * 4096)
    (folder / "model-00002-of-00002.safetensors").write_bytes(b"\2" * 2048)
    (folder / "tokenizer.json").write_text("{}")
    return folder


def test_a_site_model_is_packed_with_the_registrys_manifest(tmp_path: Path) -> None:
    folder = _model(tmp_path)
    args = tmp_path / "args.json"
    args.write_text('{"max_model_len": 8192, "dtype": "bfloat16"}')
    ((name, found, settings),) = bundle.site_models([f"llama-8b={folder}"], [f"llama-8b={args}"], set())
    parts = tmp_path / "parts"
    parts.mkdir()
    entry = bundle.build_model_part(parts, name, found, settings)

    files, total = manifest.compute(folder)
    assert entry["part"] == "parts/model-llama-8b.tar"
    assert entry["manifest"] == files
    assert entry["manifest_sha256"] == manifest.manifest_digest(files)
    assert entry["bytes"] == total
    assert entry["engine_args"] == {"max_model_len": 8192, "dtype": "bfloat16"}
    assert entry["source"] == "site: weights"
    with tarfile.open(parts / "model-llama-8b.tar") as tar:
        names = {m.name for m in tar.getmembers() if m.isfile()}
    assert {f"model/{p}" for p in files} <= names


def test_without_engine_args_the_gateway_suggests_them(tmp_path: Path) -> None:
    ((_, _, settings),) = bundle.site_models([f"m={_model(tmp_path)}"], [], set())
    assert settings["engine_args"] == {}


@pytest.mark.parametrize(
    ("model", "engine_args", "message"),
    [
        ("no-equals-sign", None, "expected NAME=PATH"),
        ("bad name={folder}", None, "a model name is"),
        ("m={missing}", None, "no such folder"),
        ("m={empty}", None, "no config.json"),
        ("m={config_only}", None, "no weights"),
        ("smollm2-135m={folder}", None, "already carries a model of that name"),
        ("m={folder}", "other={args}", "no --model other=DIR"),
        ("m={folder}", "m={not_json}", "--engine-args m="),
        ("m={folder}", "m={a_list}", "must hold a JSON object"),
    ],
)
def test_a_bad_model_is_refused_before_anything_is_built_naming_it(
    tmp_path: Path, model: str, engine_args: str | None, message: str
) -> None:
    folder = _model(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "config_only").mkdir()
    (tmp_path / "config_only" / "config.json").write_text("{}")
    (tmp_path / "args.json").write_text("{}")
    (tmp_path / "not.json").write_text("max_model_len=8192")
    (tmp_path / "list.json").write_text(json.dumps(["--max-model-len", "8192"]))
    paths = {
        "folder": folder,
        "missing": tmp_path / "missing",
        "empty": tmp_path / "empty",
        "config_only": tmp_path / "config_only",
        "args": tmp_path / "args.json",
        "not_json": tmp_path / "not.json",
        "a_list": tmp_path / "list.json",
    }
    with pytest.raises(bundle.BadModel, match=message):
        bundle.site_models(
            [model.format(**paths)],
            [engine_args.format(**paths)] if engine_args else [],
            {"smollm2-135m"},
        )


def test_a_model_given_twice_is_refused(tmp_path: Path) -> None:
    folder = _model(tmp_path)
    with pytest.raises(bundle.BadModel, match="given twice"):
        bundle.site_models([f"m={folder}", f"m={folder}"], [], set())
