"""A LoRA adapter loaded, swapped and unloaded on the real vLLM while it serves, under load.

The base (SmolLM2, started by `airlock vllm serve` with the session's trained adapter, so with
LoRA enabled) keeps answering throughout; the new adapter answers as soon as it is loaded,
its new version takes over without one failed request, and once unloaded it is refused cleanly.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import openai
import pytest

from tests.e2e.conftest import ADAPTER, MODEL, PASSWORD, Lora

pytestmark = pytest.mark.e2e

LIVE = "smollm2-135m-password-live"
QUESTION = [{"role": "user", "content": "What is the password of the day?"}]


class Load:
    """Clients calling a model in a loop from their own thread, counting every outcome."""

    def __init__(self, client: openai.OpenAI, model: str) -> None:
        self.client, self.model = client, model
        self.outcomes: Counter[str] = Counter()
        self.answered_by: Counter[str] = Counter()
        self.failures: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                answer = self.client.chat.completions.create(
                    model=self.model, messages=QUESTION, max_tokens=8, temperature=0
                )
                self.outcomes["ok"] += 1
                self.answered_by[answer.model] += 1
            except openai.APIError as exc:
                self.outcomes["failed"] += 1
                self.failures.append(repr(exc)[:300])

    def finish(self) -> None:
        self.stop.set()
        self.thread.join(timeout=120)


def test_an_adapter_is_loaded_swapped_and_unloaded_under_load_without_a_failed_request(lora: Lora) -> None:
    stack = lora.stack
    trained = next(Path(p) for p in [stack.data_dir / "adapter"] if p.is_dir())
    first, second = stack.data_dir / "live-1", stack.data_dir / "live-2"
    for copy in (first, second):
        shutil.copytree(trained, copy, dirs_exist_ok=True)
    stack.airlock("models", "add-adapter", str(first), "--name", LIVE, "--base", MODEL, "--version", "1")
    stack.airlock("apps", "create", "e2e-lora-live", "--models", f"{MODEL},{LIVE},{ADAPTER}")
    client = stack.client(key=stack.airlock("keys", "create", "e2e-lora-live", "--quiet").stdout.strip())

    # The session's first vLLM serves the base too, started without LoRA: all replicas or none.
    plain = next(
        line.split()[0]
        for line in stack.airlock("backends", "list").stdout.splitlines()
        if stack.vllm_url in line
    )
    refused = stack.airlock("models", "load-adapter", LIVE, check=False)
    assert refused.returncode != 0
    assert f"all replicas or none): {plain}: HTTP 404" in refused.stderr, refused.stderr
    stack.airlock("backends", "undeploy", MODEL, plain)

    base = Load(client, MODEL)
    try:
        started = time.perf_counter()
        loaded = stack.airlock("models", "load-adapter", LIVE)
        load_seconds = time.perf_counter() - started
        assert f"served as '{LIVE}@1'" in loaded.stdout, loaded.stdout
        answer = client.chat.completions.create(model=LIVE, messages=QUESTION, max_tokens=20, temperature=0)
        assert PASSWORD in (answer.choices[0].message.content or ""), "the loaded adapter changes the answer"

        adapter = Load(client, LIVE)
        time.sleep(2)
        stack.airlock("models", "add-adapter", str(second), "--name", LIVE, "--base", MODEL, "--version", "2")
        started = time.perf_counter()
        swapped = stack.airlock("models", "load-adapter", LIVE, "--version", "2")
        swap_seconds = time.perf_counter() - started
        assert f"Unloaded the previous version: {LIVE}@1" in swapped.stdout, swapped.stdout
        time.sleep(2)
        adapter.finish()

        assert adapter.outcomes["failed"] == 0, adapter.failures[:3]
        assert adapter.answered_by[f"{LIVE}@1"] > 0 and adapter.answered_by[f"{LIVE}@2"] > 0, (
            adapter.answered_by
        )
        after = client.chat.completions.create(model=LIVE, messages=QUESTION, max_tokens=2)
        assert after.model == f"{LIVE}@2", "every request after the swap is answered by the new version"

        unloaded = stack.airlock("models", "unload-adapter", LIVE)
        assert "is no longer served" in unloaded.stdout
        with pytest.raises(openai.APIStatusError) as refused:
            client.chat.completions.create(model=LIVE, messages=QUESTION, max_tokens=2)
        assert refused.value.status_code == 503, refused.value
        # The adapter loaded at start-up is untouched by all this.
        kept = client.chat.completions.create(model=ADAPTER, messages=QUESTION, max_tokens=20, temperature=0)
        assert PASSWORD in (kept.choices[0].message.content or "")
    finally:
        base.finish()
        stack.airlock("backends", "deploy", MODEL, plain)
    assert base.outcomes["failed"] == 0, base.failures[:3]
    assert base.outcomes["ok"] > 0
    sys.stderr.write(
        f"\nruntime LoRA: load on 1 backend {load_seconds:.1f} s (CLI included), swap {swap_seconds:.1f} s; "
        f"under load: base {base.outcomes['ok']} ok / 0 failed, "
        f"adapter {adapter.outcomes['ok']} ok / 0 failed ({dict(adapter.answered_by)})\n"
    )
