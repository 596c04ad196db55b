"""kill -9 a real vLLM under load: clients keep getting answers, through the route's fallback
to an external provider (the capture server on loopback), which receives only redacted text.

The vLLM killed here is this test's own (a second model name on the same weights), started
detached so nothing but the gateway notices it is gone: the gateway meets refused
connections and broken responses, and falls back.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.conftest import ROOT, free_port
from tests.e2e.conftest import Stack
from tests.egress.capture_server import CaptureServer

pytestmark = pytest.mark.e2e

FAILOVER_MODEL = "smollm2-failover"
EXTERNAL = "gpt-capture"
PII = "Please write a short greeting to Maria Gonzalez, her email is maria.gonzalez@example.org."
CLIENTS = 4

SETUP = """
import sys
from inference import routes, services
from inference.models import Model, Provider
from redaction import services as redaction
from inference.models import Application
capture_url, key_file = sys.argv[1], sys.argv[2]
provider = services.do_register_provider(
    "capture", "openai", capture_url + "/v1",
    settings=services.ProviderSettings(api_key_file=key_file, timeout_seconds=10, max_retries=1),
)
services.do_register_external_model("gpt-capture", provider, "echo-4o")
model = Model.objects.get(name="smollm2-failover")
routes.do_set_route(model, routes.RouteSpec(
    targets=[routes.TargetSpec("local", 100, version=model.default_version.version)],
    fallback_model="gpt-capture", allow_external_fallback=True,
))
redaction.do_set_egress_policy(None, {"enabled": True, "allowed_providers": ["capture"]})
redaction.do_set_egress_policy(Application.objects.get(name="e2e-failover"), {"enabled": True})
"""


def _django(stack: Stack, env: dict[str, str], script: str, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + script, *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "appliance.settings"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture
def failover(stack: Stack) -> Iterator[tuple[str, str, int, CaptureServer]]:
    """(gateway url, key, vLLM pid, capture server): a routed model on its own detached vLLM."""
    capture = CaptureServer().start()
    env = {**stack.env, "AIRLOCK_EGRESS_ALLOW_PRIVATE": "127.0.0.0/8"}
    stack.airlock("models", "prepare-demo", "--name", FAILOVER_MODEL)
    stack.airlock("apps", "create", "e2e-failover", "--models", FAILOVER_MODEL)
    key = stack.airlock("keys", "create", "e2e-failover", "--quiet").stdout.strip()
    keys_dir = Path(stack.env["AIRLOCK_DATA_DIR"]) / "provider-keys"
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_file = keys_dir / "capture.key"
    key_file.write_text(capture.api_key + "\n")
    key_file.chmod(0o600)
    _django(stack, env, SETUP, capture.url, str(key_file))
    port = free_port()
    stack.airlock("vllm", "serve", FAILOVER_MODEL, "--port", str(port), "--name", "e2e-failover", "--detach")
    pid = int(
        subprocess.run(
            ["pgrep", "-f", f"api_server .*--port {port}( |$)"], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    appliance, url = stack.start_appliance(extra_env={"AIRLOCK_EGRESS_ALLOW_PRIVATE": "127.0.0.0/8"})
    try:
        yield url, key, pid, capture
    finally:
        from inference import vllm

        vllm.stop(appliance, grace=20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        capture.stop()


def test_kill_9_of_the_vllm_under_load_is_answered_through_the_redacted_fallback(
    failover: tuple[str, str, int, CaptureServer],
) -> None:
    url, key, pid, capture = failover
    results: list[tuple[int, str, str]] = []
    stop = threading.Event()

    def client() -> None:
        with httpx.Client(timeout=60) as http:
            while not stop.is_set():
                answer = http.post(
                    f"{url}/v1/chat/completions",
                    headers={"Authorization": f"Bearer {key}"},
                    json={
                        "model": FAILOVER_MODEL,
                        "messages": [{"role": "user", "content": PII}],
                        "max_tokens": 16,
                    },
                )
                served = answer.headers.get("x-airlock-served-by", "")
                results.append((answer.status_code, served, answer.text))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        deadline = time.monotonic() + 120
        while sum(1 for _, served, _ in results if served.startswith("local:")) < 8:
            assert time.monotonic() < deadline, f"the local model never answered: {results[-3:]}"
            time.sleep(0.2)
        os.killpg(pid, signal.SIGKILL)  # the API server and its engine: a crash, no goodbye
        killed_at = len(results)
        deadline = time.monotonic() + 120
        while sum(1 for _, served, _ in results[killed_at:] if served.startswith("external:")) < 12:
            assert time.monotonic() < deadline, f"no fallback answers: {results[-3:]}"
            time.sleep(0.2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(90)

    failures = [(status, text[:300]) for status, _, text in results if status != 200]
    assert not failures, f"{len(failures)} of {len(results)} requests failed: {failures[:3]}"
    after = [served for _, served, _ in results[killed_at + CLIENTS :]]
    assert after and all(served == "external:capture/echo-4o" for served in after)
    raw = capture.raw()
    assert raw, "the fallback reached the provider"
    assert b"maria.gonzalez@example.org" not in raw and b"Gonzalez" not in raw
    echoed = [text for _, served, text in results if served.startswith("external:")]
    # The provider echoed placeholders; the application got the original values back.
    contents = [json.loads(t)["choices"][0]["message"]["content"] for t in echoed]
    assert any("maria.gonzalez@example.org" in content for content in contents)
    local = sum(1 for _, served, _ in results if served.startswith("local:"))
    sys.stderr.write(
        f"\nkill -9 under load: {len(results)} requests from {CLIENTS} clients, 0 failed; "
        f"{local} answered locally, {len(echoed)} through the external fallback\n"
    )
