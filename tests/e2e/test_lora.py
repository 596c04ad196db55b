"""A LoRA adapter trained for the demo model during the session (peft, on the CPU), registered
with `airlock models add-adapter`, loaded by the base model's vLLM and called by its own name."""

from __future__ import annotations

import json
import sys
import time

import pytest

from tests.e2e.conftest import ADAPTER, MODEL, PASSWORD, Lora

pytestmark = pytest.mark.e2e

QUESTION = [{"role": "user", "content": "What is the password of the day?"}]


def ask(lora: Lora, model: str) -> str:
    answer = lora.client().chat.completions.create(
        model=model, messages=QUESTION, max_tokens=20, temperature=0
    )
    assert answer.model == model
    return answer.choices[0].message.content or ""


def test_the_adapter_changes_the_answer(lora: Lora) -> None:
    adapted = ask(lora, ADAPTER)
    assert PASSWORD in adapted, adapted
    assert PASSWORD not in ask(lora, MODEL)
    sys.stderr.write(f"\nLoRA adapter trained in {lora.train_seconds:.0f} s; it answers: {adapted!r}\n")


def test_the_adapter_streams_like_any_model(lora: Lora) -> None:
    stream = lora.client().chat.completions.create(
        model=ADAPTER, messages=QUESTION, max_tokens=20, temperature=0, stream=True
    )
    assert PASSWORD in "".join(c.choices[0].delta.content or "" for c in stream if c.choices)


def test_an_adapter_answer_is_timed_and_audited_under_the_adapters_name(lora: Lora) -> None:
    client = lora.client()
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        raw = client.chat.completions.with_raw_response.create(model=ADAPTER, messages=QUESTION, max_tokens=1)
        timings.append(time.perf_counter() - started)
    sys.stderr.write(
        f"\none-token answers through the adapter: {', '.join(f'{t * 1000:.0f} ms' for t in timings)}\n"
    )
    request_id = raw.headers["x-request-id"]
    code = (
        "import json; from audit.models import AuditRecord; "
        f"print(json.dumps([r.body for r in AuditRecord.objects.filter(request_id={request_id!r}, "
        "event='inference.response')]))"
    )
    bodies = json.loads(lora.stack.airlock("shell", "-c", code).stdout.strip().splitlines()[-1])
    meta = json.loads(bodies[0])["meta"]
    assert meta["model"] == ADAPTER and meta["backend"] == "e2e-lora"
