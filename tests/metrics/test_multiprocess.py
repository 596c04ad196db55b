"""/metrics under ``airlock serve`` with two gunicorn workers: one scrape adds up every worker,
and a restart starts the counts afresh (the metrics directory is emptied at every start)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx
import openai
import pytest

from tests.conftest import ROOT, free_port, wait_for_http
from tests.metrics.conftest import scrape, value

SETUP = """
from pathlib import Path
from inference import services
folder = Path({folder!r}); folder.mkdir(exist_ok=True)
(folder / "model.safetensors.stub").write_bytes(b"stub")
backend = services.do_register_backend("stub", {stub!r})
services.do_deploy(services.do_register_model_version("stub", folder), backend, served_name="stub")
app = services.do_create_application("multi", allowed_models=["stub"])
print(services.do_create_api_key(app, name="tests").plaintext)
"""


@dataclass
class Served:
    env: dict[str, str]
    key: str
    folder: Path

    def start(self) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "appliance.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env=self.env,
            stdout=(self.folder / f"serve-{port}.log").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{url}/healthz", timeout=90, proc=proc)
        return proc, url


def _stop(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(60)


@pytest.fixture
def served(stub_upstream: str, tmp_path: Path) -> Iterator[Served]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_", "PROMETHEUS_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "AIRLOCK_DATA_DIR": str(tmp_path / "data"),
        "AIRLOCK_METRICS_DIR": str(tmp_path / "metrics"),
        "AIRLOCK_REDACTION_WARM": "false",
    }

    def airlock(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "appliance.cli", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    airlock("migrate", "--no-input")
    key = airlock("shell", "-c", SETUP.format(folder=str(tmp_path / "weights"), stub=stub_upstream)).strip()
    yield Served(env, key.splitlines()[-1], tmp_path)


def _send(url: str, key: str, n: int) -> None:
    for _ in range(n):
        # A new connection each time, so both workers take some.
        with openai.OpenAI(
            base_url=f"{url}/v1", api_key=key, max_retries=0, http_client=httpx.Client()
        ) as client:
            client.chat.completions.create(model="stub", messages=[{"role": "user", "content": "Hi"}])


def test_every_scrape_adds_up_all_workers_and_a_restart_starts_afresh(served: Served) -> None:
    proc, url = served.start()
    try:
        _send(url, served.key, 40)
        labels = {"application": "multi", "model": "stub", "target": "stub", "status_class": "2xx"}
        # Each worker writes its tally out within a second (inference.metrics.FLUSH_SECONDS).
        deadline = time.monotonic() + 10
        while value(scrape(url), "airlock_requests_total", **labels) < 40 and time.monotonic() < deadline:
            time.sleep(0.2)
        # Whichever worker answers the scrape, it reports both workers' requests.
        for _ in range(6):
            series = scrape(url)
            assert value(series, "airlock_requests_total", **labels) == 40
            assert value(series, "airlock_tokens_total", application="multi", direction="output") == 40 * 16
        writers = {path.stem.rsplit("_", 1)[-1] for path in (served.folder / "metrics").rglob("counter_*.db")}
        assert len(writers) == 2, writers
    finally:
        _stop(proc)
    proc, url = served.start()
    try:
        assert value(scrape(url), "airlock_requests_total", **labels) == 0
        _send(url, served.key, 1)
        time.sleep(1.5)
        assert value(scrape(url), "airlock_requests_total", **labels) == 1
    finally:
        _stop(proc)
