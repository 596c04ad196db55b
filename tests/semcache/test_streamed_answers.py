"""A streamed answer is stored when its stream ends normally, and then served to streamed and
whole requests alike; a stream the client left, or that ended in an error, is not stored."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx2 as httpx
import orjson
import pytest

from audit.events import Event
from audit.models import AuditRecord
from inference.errors import Reply
from inference.views import Exchange
from semcache import keys, service
from semcache.models import CacheEntry
from tests.semcache.conftest import Gateway, wait_for, wait_for_entries

QUESTION = "How many days are there in a leap year?"
EXPECTED = "".join(f"tok{i} " for i in range(16))


def stream_question(gateway: Gateway, content: str, model: str = "stub") -> tuple[str, str, str]:
    """(x-airlock-cache, the streamed text, the request id) of a streamed chat request."""
    with httpx.stream(
        "POST",
        f"{gateway.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {gateway.key}"},
        json={
            "model": model,
            "messages": [{"role": "user", "content": content}],
            "temperature": 0,
            "stream": True,
            "stream_options": {"include_usage": True},
        },
        timeout=30,
    ) as response:
        body = response.read().decode()
        header = response.headers["x-airlock-cache"]
        request_id = response.headers["x-request-id"]
    assert body.rstrip().endswith("data: [DONE]")
    text = ""
    for event in body.split("\n\n"):
        if event.startswith("data: {"):
            for choice in orjson.loads(event[6:]).get("choices") or []:
                text += choice.get("delta", {}).get("content") or ""
    return header, text, request_id


def test_a_streamed_answer_is_stored_and_served_to_streamed_and_whole_requests(cached: Gateway) -> None:
    header, text, first_id = stream_question(cached, QUESTION)
    assert (header, text) == ("miss", EXPECTED)

    wait_for_entries(1, application_id=cached.app.pk)
    entry = CacheEntry.objects.get(application_id=cached.app.pk)
    assert entry.source_request_id == first_id
    # The usage the stream reported is the entry's, so a hit counts the tokens it saved.
    assert (entry.prompt_tokens, entry.completion_tokens) == (10, 16)

    whole = cached.client().chat.completions.with_raw_response.create(
        model="stub", messages=[{"role": "user", "content": QUESTION}], temperature=0
    )
    assert whole.headers["x-airlock-cache"] == "hit"
    answer = whole.parse()
    assert answer.choices[0].message.content == EXPECTED
    assert answer.choices[0].finish_reason == "stop"
    assert answer.usage is not None and answer.usage.total_tokens == 26

    header, text, _ = stream_question(cached, QUESTION)
    assert (header, text) == ("hit", EXPECTED)


def test_a_stream_the_client_left_is_not_stored(cached: Gateway) -> None:
    with httpx.stream(
        "POST",
        f"{cached.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {cached.key}"},
        json={
            "model": "stub-slowstream",
            "messages": [{"role": "user", "content": QUESTION}],
            "temperature": 0,
            "stream": True,
        },
        timeout=10,
    ) as response:
        assert response.headers["x-airlock-cache"] == "miss"
        request_id = response.headers["x-request-id"]
        for _ in response.iter_raw():
            break  # one event, then hang up

    wait_for(
        lambda: AuditRecord.objects.filter(event=Event.INFERENCE_RESPONSE, request_id=request_id).exists()
    )
    # The answer would be stored right after the stream's end; give it the time a store takes.
    time.sleep(1.0)
    assert not CacheEntry.objects.filter(application_id=cached.app.pk).exists()
    # The control: the same question on the same model, streamed to its end, is stored.
    stream_question(cached, QUESTION, model="stub")
    wait_for_entries(1, application_id=cached.app.pk)


# --- The wrapper on its own: what ends a stream decides whether it is stored ---

CHUNK = b'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[%s]}\n\n'


def _events(*choices: bytes) -> list[bytes]:
    return [CHUNK % c for c in choices]


def _probe() -> service.Probe:
    question = keys.Question(text="what is a leap year", context=b"{}")
    snapshot = service.Snapshot(1, 0.95, 3600, 100, False, True)
    return service.Probe(
        cacheable=True, enabled=True, settings=snapshot, question=question, version="local:1"
    )


async def _run(
    exchange: Exchange, chunks: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    monkeypatch.setattr(service, "_keep", lambda exchange, probe, answer, raw: kept.append(answer))

    async def upstream() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    reply = Reply(200, b"", stream=upstream())
    reply = service.remember(exchange, _probe(), reply)
    assert reply.stream is not None
    async for _ in reply.stream:
        pass
    return kept


def _exchange(status: int = 200) -> Exchange:
    exchange = Exchange(request_id="req_stream", endpoint="chat/completions")
    exchange.caller = object()  # type: ignore[assignment]
    exchange.status = status
    exchange.usage = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}
    return exchange


TEXT = [
    b'{"index":0,"delta":{"role":"assistant","content":"Hello"},"finish_reason":null}',
    b'{"index":0,"delta":{"content":" there"},"finish_reason":null}',
    b'{"index":0,"delta":{},"finish_reason":"stop"}',
]


def test_a_stream_that_ends_with_done_is_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = asyncio.run(_run(_exchange(), [*_events(*TEXT), b"data: [DONE]\n\n"], monkeypatch))
    assert len(kept) == 1
    answer = kept[0]
    assert answer["object"] == "chat.completion" and answer["id"] == "c1"
    assert answer["choices"][0]["message"] == {"role": "assistant", "content": "Hello there"}
    assert answer["choices"][0]["finish_reason"] == "stop"
    assert answer["usage"]["total_tokens"] == 5


def test_a_stream_that_ends_in_an_error_or_without_done_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    error = b'data: {"error":{"message":"Bad answer from the model backend: the stream broke"}}\n\n'
    # The relay's error event after tokens (the upstream broke mid-stream: status 502).
    assert asyncio.run(_run(_exchange(502), [*_events(*TEXT[:2]), error], monkeypatch)) == []
    # A stream that simply stops (no [DONE]).
    assert asyncio.run(_run(_exchange(), _events(*TEXT), monkeypatch)) == []
    # [DONE] but a status that is not 200 (the relay never sends that, but it is the rule).
    assert asyncio.run(_run(_exchange(504), [*_events(*TEXT), b"data: [DONE]\n\n"], monkeypatch)) == []


def test_tool_calls_and_several_choices_are_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = b'{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"f"}}]},"finish_reason":null}'
    done = b"data: [DONE]\n\n"
    assert asyncio.run(_run(_exchange(), [*_events(tool, TEXT[2]), done], monkeypatch)) == []
    second = b'{"index":1,"delta":{"content":"Hi"},"finish_reason":"stop"}'
    assert asyncio.run(_run(_exchange(), [*_events(*TEXT, second), done], monkeypatch)) == []


def test_a_stream_the_client_closes_is_not_kept_and_the_relay_is_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    closed: list[bool] = []
    kept: list[dict[str, Any]] = []
    monkeypatch.setattr(service, "_keep", lambda exchange, probe, answer, raw: kept.append(answer))

    async def upstream() -> AsyncIterator[bytes]:
        try:
            for chunk in [*_events(*TEXT), b"data: [DONE]\n\n"]:
                yield chunk
        finally:
            closed.append(True)

    async def leave_early() -> None:
        reply = service.remember(_exchange(), _probe(), Reply(200, b"", stream=upstream()))
        assert reply.stream is not None
        async for _ in reply.stream:
            break
        await reply.stream.aclose()  # type: ignore[attr-defined]

    asyncio.run(leave_early())
    assert closed == [True] and kept == []


def test_a_streamed_text_completion_is_kept_as_a_text_completion() -> None:
    chunk = b'data: {"id":"t1","object":"text_completion","created":2,"model":"m","choices":[%s]}\n\n'
    events = b"".join(
        [
            chunk % b'{"index":0,"text":"Once","finish_reason":null}',
            chunk % b'{"index":0,"text":" upon","finish_reason":"length"}',
            b": x-airlock-validation ok\n\n",
            b"data: [DONE]\n\n",
        ]
    )
    answer = service.assembled("completions", events, None)
    assert answer is not None
    assert answer["object"] == "text_completion"
    assert answer["choices"] == [
        {"index": 0, "text": "Once upon", "logprobs": None, "finish_reason": "length"}
    ]
