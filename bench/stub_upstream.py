"""An OpenAI-compatible upstream on loopback that answers at once.

Used by the gateway benchmark (to measure Airlock's own overhead, not a model's) and by the
tests for the failures a real vLLM cannot be made to produce on demand. The served model
name chooses the behaviour:

- ``stub`` (or anything else): a 16-token chat or text completion, streamed or not (a streamed
  one has ``STUB_STREAM_TOKENS`` tokens when that is set);
- ``stub-malformed``: 200 with a body that is not JSON;
- ``stub-nochoices``: 200 with JSON that has no ``choices``;
- ``stub-500`` / ``stub-400``: that status with an OpenAI-shaped error;
- ``stub-slow``: waits ``STUB_SLOW_SECONDS`` (default 5) before answering;
- ``stub-slowstream``: streams one token every 0.2 s for 60 s (for disconnect tests).

Run it: ``python -m bench.stub_upstream --port 9100``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time
from typing import Any

TOKENS = [f"tok{i} " for i in range(16)]
STATE: dict[str, Any] = {"requests": 0, "cancelled": 0, "bodies": []}
# A longer streamed answer reads like prose, so that output validation (quality) does not take
# it for a degenerate answer: seeded sentences from a small grammar (up to about 300 tokens pass
# the repetition check; longer answers start to compress like repeated text, and are flagged).
_SUBJECTS = [
    "the gateway",
    "a client",
    "the model",
    "the backend",
    "an operator",
    "the audit log",
    "each worker",
]
_VERBS = ["relays", "reads", "writes", "checks", "records", "counts", "routes", "seals", "answers", "streams"]
_OBJECTS = [
    "every token",
    "the answer",
    "a long reply",
    "its own record",
    "the quota",
    "the first word",
    "a request",
]
_TAILS = [
    "as soon as it can",
    "before the next one",
    "without waiting",
    "in the right order",
    "on its own thread",
]
_PROSE: list[str] = []


def _token(i: int) -> str:
    if i < len(TOKENS):
        return TOKENS[i]
    seed = len(_PROSE)
    while len(_PROSE) <= i:
        pick = random.Random(seed)
        seed += 1
        sentence = (
            f"{pick.choice(_SUBJECTS)} {pick.choice(_VERBS)} {pick.choice(_OBJECTS)} {pick.choice(_TAILS)}."
        )
        _PROSE.extend(word + " " for word in sentence.split())
    return _PROSE[i]


def _completion(model: str, chat: bool) -> bytes:
    text = "".join(TOKENS)
    choice: dict[str, Any] = {"index": 0, "finish_reason": "length", "logprobs": None}
    if chat:
        choice["message"] = {"role": "assistant", "content": text}
    else:
        choice["text"] = text
    return json.dumps(
        {
            "id": "cmpl-stub",
            "object": "chat.completion" if chat else "text_completion",
            "created": int(time.time()),
            "model": model,
            "choices": [choice],
            "usage": {"prompt_tokens": 10, "completion_tokens": 16, "total_tokens": 26},
        }
    ).encode()


def _chunk(
    model: str,
    chat: bool,
    token: str | None,
    usage: bool = False,
    finish: str | None = None,
    tokens: int = 16,
) -> bytes:
    data: dict[str, Any] = {
        "id": "cmpl-stub",
        "object": "chat.completion.chunk" if chat else "text_completion",
        "created": 0,
        "model": model,
    }
    if usage:
        data["choices"] = []
        data["usage"] = {"prompt_tokens": 10, "completion_tokens": tokens, "total_tokens": 10 + tokens}
    elif chat:
        data["choices"] = [{"index": 0, "delta": {"content": token}, "finish_reason": finish}]
    else:
        data["choices"] = [{"index": 0, "text": token, "finish_reason": finish}]
    return b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n"


async def _read_body(receive: Any) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


async def _send_json(send: Any, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    path = scope["path"]
    if path in ("/health", "/healthz"):
        await _send_json(send, 200, b"{}")
        return
    if path == "/_stub/state":
        await _send_json(send, 200, json.dumps(STATE).encode())
        return
    if path == "/v1/models":
        await _send_json(send, 200, b'{"object":"list","data":[{"id":"stub","object":"model"}]}')
        return
    raw = await _read_body(receive)
    STATE["requests"] += 1
    if os.environ.get("STUB_RECORD"):
        STATE["bodies"].append(raw.decode())
    body = json.loads(raw or b"{}")
    model = str(body.get("model", "stub"))
    chat = path.endswith("/chat/completions")
    if model == "stub-malformed":
        await _send_json(send, 200, b"<html>this is not json")
        return
    if model == "stub-nochoices":
        await _send_json(send, 200, b'{"id": "x", "object": "chat.completion"}')
        return
    if model in ("stub-500", "stub-400"):
        status = int(model[-3:])
        error = {
            "error": {"message": f"stub says {status}", "type": "stub", "param": "temperature", "code": None}
        }
        await _send_json(send, status, json.dumps(error).encode())
        return
    if model == "stub-slow":
        await asyncio.sleep(float(os.environ.get("STUB_SLOW_SECONDS", "5")))
    if not body.get("stream"):
        await _send_json(send, 200, _completion(model, chat))
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]}
    )
    delay = 0.2 if model == "stub-slowstream" else 0.0
    # STUB_STREAM_TOKENS sets a streamed answer's length (bench/stream_relay.py: long answers).
    count = 300 if model == "stub-slowstream" else int(os.environ.get("STUB_STREAM_TOKENS", len(TOKENS)))
    disconnected = asyncio.Event()

    async def watch() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
        disconnected.set()

    watcher = asyncio.create_task(watch()) if delay else None
    try:
        for i in range(count):
            if delay:
                await asyncio.sleep(delay)
                if disconnected.is_set():
                    STATE["cancelled"] += 1
                    return
            # The last token's chunk carries the finish reason, as vLLM's does.
            finish = "stop" if i == count - 1 else None
            chunk = _chunk(model, chat, _token(i), finish=finish)
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        tail = b""
        if (body.get("stream_options") or {}).get("include_usage"):
            tail = _chunk(model, chat, None, usage=True, tokens=count)
        await send({"type": "http.response.body", "body": tail + b"data: [DONE]\n\n", "more_body": False})
    except (asyncio.CancelledError, OSError):
        STATE["cancelled"] += 1
        raise
    finally:
        if watcher is not None:
            watcher.cancel()


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    args = parser.parse_args()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False, http="httptools")


if __name__ == "__main__":
    main()
