"""An internal app's view of the appliance: the official openai client, a real model on vLLM."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import httpx2 as httpx
import openai
import pytest

from tests.e2e.conftest import MODEL, Stack

pytestmark = pytest.mark.e2e

CAPITAL = [{"role": "user", "content": "What is the capital of France?"}]


def test_it_lists_the_model(stack: Stack) -> None:
    assert [m.id for m in stack.client().models.list()] == [MODEL]


def test_it_answers_what_the_capital_of_france_is(stack: Stack) -> None:
    answer = stack.client().chat.completions.create(
        model=MODEL, messages=CAPITAL, max_tokens=20, temperature=0
    )
    assert "Paris" in (answer.choices[0].message.content or "")
    assert answer.model == MODEL
    assert answer.usage is not None and answer.usage.completion_tokens > 0


def test_it_streams_the_answer_token_by_token(stack: Stack) -> None:
    chunks = list(
        stack.client().chat.completions.create(
            model=MODEL,
            messages=CAPITAL,
            max_tokens=20,
            temperature=0,
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "Paris" in text
    assert sum(1 for c in chunks if c.choices) > 3, "streamed in pieces, not in one block"
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0


def test_it_answers_text_completions(stack: Stack) -> None:
    answer = stack.client().completions.create(model=MODEL, prompt="The capital of France is", max_tokens=5)
    assert answer.choices[0].text


def test_structured_output_follows_the_json_schema(stack: Stack) -> None:
    schema = {
        "type": "object",
        "properties": {"city": {"type": "string"}, "country": {"type": "string"}},
        "required": ["city", "country"],
        "additionalProperties": False,
    }
    answer = stack.client().chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Name the capital of France as JSON with city and country."}],
        response_format={"type": "json_schema", "json_schema": {"name": "capital", "schema": schema}},
        max_tokens=60,
        temperature=0,
    )
    data = json.loads(answer.choices[0].message.content or "")
    assert set(data) == {"city", "country"}


def test_every_error_reaches_the_client_as_the_right_exception(stack: Stack) -> None:
    with pytest.raises(openai.AuthenticationError):
        stack.client(key="air-aaaaaaaa-" + "b" * 43).models.list()
    with pytest.raises(openai.NotFoundError):
        stack.client().chat.completions.create(model="no-such-model", messages=CAPITAL)
    with pytest.raises(openai.BadRequestError) as bad:
        stack.client().chat.completions.create(model=MODEL, messages=CAPITAL, temperature=9)
    assert bad.value.body["param"] == "temperature"  # type: ignore[index]
    with pytest.raises(openai.APIStatusError) as too_large:
        stack.client().chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "x" * 5_000_000}]
        )
    assert too_large.value.status_code == 413
    missing = httpx.post(f"{stack.url}/v1/chat/completions", json={"model": MODEL, "messages": CAPITAL})
    assert missing.status_code == 401


def test_a_model_the_app_may_not_use_is_refused(stack: Stack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "weights.bin").write_bytes(b"other")
    stack.airlock("models", "add", str(tmp_path), "--name", "other-model")
    with pytest.raises(openai.PermissionDeniedError):
        stack.client().chat.completions.create(model="other-model", messages=CAPITAL)


def test_a_model_with_no_live_backend_gets_503_with_retry_after(stack: Stack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "weights.bin").write_bytes(b"orphan")
    stack.airlock("models", "add", str(tmp_path), "--name", "orphan")
    stack.airlock("backends", "add", "gone", "http://127.0.0.1:9")
    stack.airlock("backends", "deploy", "orphan", "gone")
    stack.airlock("apps", "models", "e2e", "--models", f"{MODEL},orphan")
    try:
        with pytest.raises(openai.InternalServerError) as caught:
            stack.client().chat.completions.create(model="orphan", messages=CAPITAL)
        assert caught.value.status_code == 503
        assert caught.value.response.headers["retry-after"]
    finally:
        stack.airlock("apps", "models", "e2e", "--models", MODEL)


def test_a_slow_answer_becomes_504(stack: Stack) -> None:
    proc, url = stack.start_appliance({"AIRLOCK_UPSTREAM_READ_TIMEOUT": "0.2"})
    try:
        client = openai.OpenAI(base_url=f"{url}/v1", api_key=stack.key, max_retries=0)
        with pytest.raises(openai.APIStatusError) as caught:
            client.chat.completions.create(model=MODEL, messages=CAPITAL, max_tokens=500, temperature=1)
        assert caught.value.status_code == 504
    finally:
        from inference import vllm

        vllm.stop(proc)


def _running_requests(stack: Stack) -> float:
    metrics = httpx.get(f"{stack.vllm_url}/metrics").text
    found = re.findall(r"^vllm:num_requests_running\{[^}]*\} ([0-9.]+)$", metrics, re.M)
    return sum(float(v) for v in found)


def test_a_client_that_disconnects_stops_the_generation_on_vllm(stack: Stack) -> None:
    stream = stack.client().chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Write a very long story about a lighthouse."}],
        max_tokens=1500,
        stream=True,
        extra_body={"ignore_eos": True},
    )
    iterator = iter(stream)
    next(iterator)
    next(iterator)
    assert _running_requests(stack) >= 1
    stream.close()
    deadline = time.monotonic() + 10
    while _running_requests(stack) > 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    # 1,500 tokens at ~30 tokens/s would take 50 s; stopping within 10 s means it was aborted.
    assert _running_requests(stack) == 0


def test_a_revoked_key_is_refused_at_once(stack: Stack) -> None:
    key = stack.airlock("keys", "create", "e2e", "--quiet").stdout.strip()
    client = stack.client(key=key)
    assert client.models.list()
    prefix = key.split("-")[1]
    stack.airlock("keys", "revoke", prefix)
    with pytest.raises(openai.AuthenticationError) as caught:
        client.models.list()
    assert caught.value.body["code"] == "revoked_api_key"  # type: ignore[index]


def _stack_pids(stack: Stack) -> set[int]:
    marker = f"AIRLOCK_E2E_STACK={stack.data_dir}".encode()
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker in (entry / "environ").read_bytes():
                    pids.add(int(entry.name))
            except OSError:
                continue
    return pids


LOOPBACK = re.compile(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|inet_pton\(AF_INET6, "::ffff:127\.')
ADDRESSED = re.compile(r"sin6?_addr|inet_addr|inet_pton")


def test_serving_requests_opens_no_connection_outside_loopback(stack: Stack) -> None:
    """Every connect/sendto/sendmsg system call of every process of the stack (the appliance,
    vLLM's API server and engine) is traced while an app is served; each must go to loopback."""
    # A fresh appliance, so the connections it needs are opened while the trace runs.
    proc, url = stack.start_appliance()
    trace = stack.data_dir / "strace.log"
    tracer = None
    try:
        pids = _stack_pids(stack)
        assert proc.pid in pids and len(pids) >= 4, f"did not find the stack's processes: {pids}"
        tracer = subprocess.Popen(
            [
                "strace",
                "-f",
                "-qq",
                "-e",
                "trace=connect,sendto,sendmsg",
                "-e",
                "signal=none",
                "-o",
                str(trace),
            ]
            + [arg for pid in sorted(pids) for arg in ("-p", str(pid))],
            stderr=subprocess.DEVNULL,
        )
        time.sleep(2)  # strace attaches to every thread before the first request
        client = openai.OpenAI(base_url=f"{url}/v1", api_key=stack.key, max_retries=0)
        client.models.list()
        client.chat.completions.create(model=MODEL, messages=CAPITAL, max_tokens=8)
        list(client.chat.completions.create(model=MODEL, messages=CAPITAL, max_tokens=8, stream=True))
    finally:
        if tracer is not None:
            tracer.terminate()
            tracer.wait(10)
        from inference import vllm

        vllm.stop(proc)
    calls = [line for line in trace.read_text().splitlines() if ADDRESSED.search(line)]
    vllm_port = stack.vllm_url.rsplit(":", 1)[1]
    assert any(f"htons({vllm_port})" in line for line in calls), (
        "the trace did not see the appliance connect to vLLM, so it is not watching: " + "\n".join(calls[:20])
    )
    outside = [line for line in calls if not LOOPBACK.search(line)]
    assert outside == [], "network calls outside loopback:\n" + "\n".join(outside)
