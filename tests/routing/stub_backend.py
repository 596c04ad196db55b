"""A vLLM stand-in on loopback whose served model name says how it fails.

Speaks OpenAI's chat completions, streamed and not. The ``model`` of a request picks the
behaviour, so one server plays every backend of a test (each Backend row points at it with its
own served name):

- ``ok-<tag>``: answers "hello from <tag>" (streamed: "hello ", "from ", "<tag>");
- ``status-<code>``: that status with an OpenAI-shaped error (500, 503, 429...);
- ``slow-<tag>``: waits ``delay`` seconds, then answers as ``ok-<tag>``;
- ``empty``: 200 with an empty message (streamed: a role chunk, a finish chunk, ``[DONE]``);
- ``cut-before``: streamed, sends the role chunk and closes the connection mid-body;
- ``cut-after``: streamed, sends two tokens and closes the connection mid-body;
- ``degenerate-<tag>``: a 200 whose text repeats itself, as corrupted weights write;
- ``tools-<tag>``: an answer that only calls a tool (no text; streamed: the call's deltas).

Every request is kept (``requests``): its path, headers and body.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class StubBackend:
    delay: float = 2.0
    requests: list[Seen] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def start(self) -> StubBackend:
        stub = self

        class Handler(_Handler):
            owner = stub

        self.server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def seen(self, model: str) -> list[Seen]:
        return [r for r in self.requests if r.body.get("model") == model]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a gateway that gave up (timeout tests) leaves broken pipes behind


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner: StubBackend

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._json(200, {"status": "ok"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self.owner.requests.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        model = str(body.get("model", ""))
        stream = bool(body.get("stream"))
        if model.startswith("status-"):
            code = int(model.split("-", 1)[1])
            self._json(
                code, {"error": {"message": f"stub says {code}", "type": "server_error", "code": code}}
            )
            return
        if model.startswith("slow-"):
            time.sleep(self.owner.delay)
        tag = model.split("-", 1)[1] if "-" in model else model
        if model == "empty":
            pieces: list[str] = []
        elif model in ("cut-before", "cut-after"):
            pieces = ["hello ", "from ", "nowhere"]
        elif model.startswith("degenerate-"):
            pieces = ["the patient should "] * 60
        else:
            pieces = ["hello ", "from ", tag]
        if model.startswith("tools-"):
            self._tool_call(model, stream)
            return
        if not stream:
            content = "".join(pieces)
            self._json(
                200,
                {
                    "id": "chatcmpl-stub",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": 5,
                        "completion_tokens": len(pieces),
                        "total_tokens": 5 + len(pieces),
                    },
                },
            )
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._event(_chunk(model, {"role": "assistant", "content": ""}))
        if model == "cut-before":
            self._cut()
            return
        for i, piece in enumerate(pieces):
            if model == "cut-after" and i == 2:
                self._cut()
                return
            self._event(_chunk(model, {"content": piece}))
        self._event(_chunk(model, {}, "stop"))
        usage = {"prompt_tokens": 5, "completion_tokens": len(pieces), "total_tokens": 5 + len(pieces)}
        self._event({"id": "chatcmpl-stub", "object": "chat.completion.chunk", "choices": [], "usage": usage})
        self._write(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _tool_call(self, model: str, stream: bool) -> None:
        """An answer whose only content is a call of ``get_weather``, as vLLM writes one."""
        call = {"id": "call-1", "type": "function", "function": {"name": "get_weather", "arguments": ""}}
        arguments = ['{"city": ', '"Paris"}']
        if not stream:
            message = {
                "role": "assistant",
                "content": None,
                "tool_calls": [call | {"function": {"name": "get_weather", "arguments": "".join(arguments)}}],
            }
            choice = {"index": 0, "message": message, "finish_reason": "tool_calls"}
            usage = {"prompt_tokens": 5, "completion_tokens": 9, "total_tokens": 14}
            self._json(
                200,
                {
                    "id": "chatcmpl-stub",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [choice],
                    "usage": usage,
                },
            )
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._event(_chunk(model, {"role": "assistant", "content": None}))
        self._event(_chunk(model, {"tool_calls": [{"index": 0, **call}]}))
        for piece in arguments:
            self._event(_chunk(model, {"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}))
        self._event(_chunk(model, {}, "tool_calls"))
        self._write(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _event(self, data: dict[str, Any]) -> None:
        self._write(b"data: " + json.dumps(data).encode() + b"\n\n")

    def _write(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()
        time.sleep(0.01)

    def _cut(self) -> None:
        """Close the connection in the middle of the body, as a killed vLLM does."""
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def _json(self, status: int, data: Any) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)
