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
        wait_for_http(f"{url}/healthz", timeout=60, proc=proc)
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
