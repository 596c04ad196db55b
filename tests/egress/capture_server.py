"""A provider on loopback that records every byte it receives.

It plays OpenAI (``POST …/chat/completions``, ``…/completions``) and Anthropic
(``POST …/v1/messages``), streamed and not, and answers by ECHOING the text it was sent: a
placeholder that went out (``<PERSON_1>``) comes back in the answer, so a test can check that
the application receives the original value again — and, by grepping ``raw()``, that the
original never arrived here.

Knobs (attributes, reset by ``reset()``), for what a real provider does on a bad day:

- ``fail(status, times=…, retry_after=…)``: the next requests get that status (429, 500, 529…)
  in the protocol's error shape; ``times=None`` fails every request until ``reset()``;
- ``delay``: seconds to wait before answering (timeouts);
- ``piece``: characters per streamed chunk (small values split placeholders across chunks);
- ``piece_delay``: seconds between streamed chunks (a slow model, for clients that hang up);
- ``mangle``: how the "model" rewrites placeholders in its echo — ``"lower"``
  (``<person_1>``), ``"brackets"`` (``[PERSON_1]``), ``"bare"`` (``PERSON_1``);
- ``break_after``: close the connection after that many streamed chunks;
- ``tool``: answer with a call of the request's first tool, the echo as its ``text`` argument.

It is a stdlib ``ThreadingHTTPServer`` speaking HTTP/1.1 with keep-alive (streams are sent
with chunked transfer encoding), run in a thread of the test process.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, BinaryIO

PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*?)_(\d+)>")


@dataclass
class Captured:
    """One request exactly as it arrived: the raw bytes, and their parsed pieces."""

    raw: bytes
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float


@dataclass
class Failure:
    status: int
    retry_after: str | None = None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the listen backlog; socketserver's default of 5 drops bursts

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (a timeout test) leaves a broken pipe behind: expected here.
        pass


class _Tee:
    """A reader that keeps a copy of every byte the handler reads from the socket."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner
        self.copy = bytearray()

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.copy += data
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.inner.readline(size)
        self.copy += data
        return data

    def close(self) -> None:
        self.inner.close()


@dataclass
class CaptureServer:
    api_key: str = "sk-capture-test-key"
    requests: list[Captured] = field(default_factory=list)
    failures: deque[Failure] = field(default_factory=deque)
    always: Failure | None = None
    delay: float = 0.0
    piece: int = 5
    piece_delay: float = 0.0
    mangle: str | None = None
    break_after: int | None = None
    tool: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    # --- control ---

    def start(self) -> CaptureServer:
        capture = self

        class Handler(_Handler):
            server_capture = capture

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.failures.clear()
        self.always = None
        self.delay = 0.0
        self.piece = 5
        self.piece_delay = 0.0
        self.mangle = None
        self.break_after = None
        self.tool = False

    def fail(self, status: int, *, times: int | None = 1, retry_after: str | None = None) -> None:
        if times is None:
            self.always = Failure(status, retry_after)
        else:
            self.failures.extend(Failure(status, retry_after) for _ in range(times))

    def raw(self) -> bytes:
        """Every byte received so far, all requests together."""
        with self._lock:
            return b"".join(r.raw for r in self.requests)

    def _record(self, captured: Captured) -> Failure | None:
        with self._lock:
            self.requests.append(captured)
            if self.failures:
                return self.failures.popleft()
            return self.always

    # --- the "model" ---

    def echo_of(self, texts: list[str]) -> str:
        echo = "You said: " + " | ".join(texts)
        if self.mangle == "lower":
            return PLACEHOLDER.sub(lambda m: f"<{m[1].lower()}_{m[2]}>", echo)
        if self.mangle == "brackets":
            return PLACEHOLDER.sub(lambda m: f"[{m[1]}_{m[2]}]", echo)
        if self.mangle == "bare":
            return PLACEHOLDER.sub(lambda m: f"{m[1]}_{m[2]}", echo)
        return echo


def _texts_openai(body: dict[str, Any]) -> list[str]:
    if "prompt" in body:
        prompt = body["prompt"]
        return [prompt] if isinstance(prompt, str) else [str(p) for p in prompt]
    texts = []
    for message in body.get("messages") or []:
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            texts.extend(p.get("text", "") for p in content if isinstance(p, dict))
    return texts


def _texts_anthropic(body: dict[str, Any]) -> list[str]:
    texts = []
    for message in body.get("messages") or []:
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            texts.append(content)
            continue
        for block in content or []:
            if block.get("type") == "text":
                texts.append(block.get("text", ""))
            elif block.get("type") == "tool_result":
                texts.append(str(block.get("content", "")))
    return texts


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body are written separately; with Nagle's algorithm each answer would wait
    # for the client's delayed ACK (40 ms).
    disable_nagle_algorithm = True
    server_capture: CaptureServer

    def setup(self) -> None:
        super().setup()
        self.rfile = _Tee(self.rfile)  # type: ignore[assignment]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle_one_request(self) -> None:
        self.rfile.copy.clear()  # type: ignore[attr-defined]
        super().handle_one_request()

    def do_POST(self) -> None:
        capture = self.server_capture
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length)
        try:
            body = json.loads(raw_body or b"{}")
        except ValueError:
            body = {}
        captured = Captured(
            raw=bytes(self.rfile.copy),  # type: ignore[attr-defined]
            method="POST",
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            at=time.monotonic(),
        )
        failure = capture._record(captured)
        anthropic = self.path.endswith("/v1/messages")
        if capture.delay:
            time.sleep(capture.delay)
        if not self._authorised(anthropic):
            return
        if failure is not None:
            self._error(failure, anthropic)
            return
        if anthropic:
            self._anthropic(body)
        elif self.path.endswith("/chat/completions") or self.path.endswith("/completions"):
            self._openai(body, chat=self.path.endswith("/chat/completions"))
        else:
            self._json(404, {"error": {"message": f"no route {self.path}", "type": "invalid_request_error"}})

    # --- plumbing ---

    def _authorised(self, anthropic: bool) -> bool:
        key = self.server_capture.api_key
        if anthropic:
            good = self.headers.get("x-api-key") == key and bool(self.headers.get("anthropic-version"))
            error = {
                "type": "error",
                "error": {"type": "authentication_error", "message": "invalid x-api-key"},
            }
        else:
            good = self.headers.get("Authorization") == f"Bearer {key}"
            error = {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}
        if not good:
            self._json(401, error)
        return good

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def _error(self, failure: Failure, anthropic: bool) -> None:
        headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
        if anthropic:
            kind = "rate_limit_error" if failure.status == 429 else "overloaded_error"
            data: dict[str, Any] = {
                "type": "error",
                "error": {"type": kind, "message": f"status {failure.status}"},
            }
        else:
            data = {"error": {"message": f"capture says {failure.status}", "type": "server_error"}}
        self._json(failure.status, data, headers)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _send_event(self, text: str) -> None:
        data = text.encode()
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _end_stream(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _pieces(self, text: str) -> list[str]:
        size = max(1, self.server_capture.piece)
        return [text[i : i + size] for i in range(0, len(text), size)] or [""]

    def _broken(self, sent: int) -> bool:
        if self.server_capture.piece_delay:
            time.sleep(self.server_capture.piece_delay)
        limit = self.server_capture.break_after
        if limit is not None and sent >= limit:
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(2)
            return True
        return False

    # --- OpenAI ---

    def _openai(self, body: dict[str, Any], *, chat: bool) -> None:
        capture = self.server_capture
        echo = capture.echo_of(_texts_openai(body))
        tools = body.get("tools") or []
        tool_name = tools[0]["function"]["name"] if capture.tool and tools and chat else None
        arguments = json.dumps({"text": echo}) if tool_name else None
        usage = {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
        base = {"id": "chatcmpl-capture", "created": int(time.time()), "model": body.get("model")}
        finish = "tool_calls" if tool_name else "stop"
        if not body.get("stream"):
            if chat:
                message: dict[str, Any] = {"role": "assistant", "content": None if tool_name else echo}
                if tool_name:
                    call = {"id": "call_1", "type": "function"}
                    message["tool_calls"] = [
                        {**call, "function": {"name": tool_name, "arguments": arguments}}
                    ]
                choice: dict[str, Any] = {"index": 0, "message": message, "finish_reason": finish}
                self._json(200, {**base, "object": "chat.completion", "choices": [choice], "usage": usage})
            else:
                choice = {"index": 0, "text": echo, "finish_reason": "stop"}
                self._json(200, {**base, "object": "text_completion", "choices": [choice], "usage": usage})
            return
        self._start_stream()
        kind = "chat.completion.chunk" if chat else "text_completion"

        def event(choices: list[dict[str, Any]], **extra: Any) -> None:
            self._send_event(f"data: {json.dumps({**base, 'object': kind, 'choices': choices, **extra})}\n\n")

        if chat:
            event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        if tool_name:
            call = {
                "index": 0,
                "id": "call_1",
                "type": "function",
                "function": {"name": tool_name, "arguments": ""},
            }
            event([{"index": 0, "delta": {"tool_calls": [call]}, "finish_reason": None}])
        for sent, piece in enumerate(self._pieces(arguments or echo)):
            if self._broken(sent):
                return
            if tool_name:
                delta: dict[str, Any] = {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}
                event([{"index": 0, "delta": delta, "finish_reason": None}])
            elif chat:
                event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
            else:
                event([{"index": 0, "text": piece, "finish_reason": None}])
        if chat:
            event([{"index": 0, "delta": {}, "finish_reason": finish}])
        else:
            event([{"index": 0, "text": "", "finish_reason": "stop"}])
        if (body.get("stream_options") or {}).get("include_usage"):
            event([], usage=usage)
        self._send_event("data: [DONE]\n\n")
        self._end_stream()

    # --- Anthropic ---

    def _anthropic(self, body: dict[str, Any]) -> None:
        capture = self.server_capture
        if not body.get("max_tokens"):
            error = {"type": "invalid_request_error", "message": "max_tokens: Field required"}
            self._json(400, {"type": "error", "error": error})
            return
        echo = capture.echo_of(_texts_anthropic(body))
        tools = body.get("tools") or []
        tool_name = tools[0]["name"] if capture.tool and tools else None
        message_id = "msg_capture"
        usage = {"input_tokens": 13, "output_tokens": 9}
        if not body.get("stream"):
            if tool_name:
                content = [{"type": "tool_use", "id": "toolu_1", "name": tool_name, "input": {"text": echo}}]
            else:
                content = [{"type": "text", "text": echo}]
            self._json(
                200,
                {
                    "id": message_id,
                    "type": "message",
                    "role": "assistant",
                    "model": body.get("model"),
                    "content": content,
                    "stop_reason": "tool_use" if tool_name else "end_turn",
                    "stop_sequence": None,
                    "usage": usage,
                },
            )
            return
        self._start_stream()

        def event(name: str, data: dict[str, Any]) -> None:
            self._send_event(f"event: {name}\ndata: {json.dumps({'type': name, **data})}\n\n")

        start = {
            "id": message_id,
            "type": "message",
            "role": "assistant",
            "model": body.get("model"),
            "content": [],
            "stop_reason": None,
            "usage": {"input_tokens": 13, "output_tokens": 1},
        }
        event("message_start", {"message": start})
        if tool_name:
            block: dict[str, Any] = {"type": "tool_use", "id": "toolu_1", "name": tool_name, "input": {}}
        else:
            block = {"type": "text", "text": ""}
        event("content_block_start", {"index": 0, "content_block": block})
        event("ping", {})
        for sent, piece in enumerate(self._pieces(json.dumps({"text": echo}) if tool_name else echo)):
            if self._broken(sent):
                return
            if tool_name:
                delta = {"type": "input_json_delta", "partial_json": piece}
            else:
                delta = {"type": "text_delta", "text": piece}
            event("content_block_delta", {"index": 0, "delta": delta})
        event("content_block_stop", {"index": 0})
        stop = "tool_use" if tool_name else "end_turn"
        event(
            "message_delta",
            {"delta": {"stop_reason": stop, "stop_sequence": None}, "usage": {"output_tokens": 9}},
        )
        event("message_stop", {})
        self._end_stream()
