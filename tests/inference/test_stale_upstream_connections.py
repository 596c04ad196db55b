"""A backend closing an idle keep-alive connection just as the gateway reuses it.

vLLM (uvicorn) closes a keep-alive connection after 5 idle seconds. A request the gateway
sends on such a connection at that moment meets a connection closed under it, with a FIN
("server disconnected without sending a response") or a reset. The backend never saw that
request, so the gateway must send it again on a new connection rather than answer 502.

The upstream here is a real HTTP/1.1 server on loopback that answers the first request of
every connection with keep-alive and then drops the connection when the next one arrives on it:
the race, made certain.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Iterator

import pytest

from inference import services
from tests.inference.conftest import STUB_MODELS, Gateway, register

HELLO = [{"role": "user", "content": "Say hello"}]
ANSWER = {
    "id": "x",
    "object": "chat.completion",
    "created": 0,
    "model": "closer",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6},
}


class ClosingUpstream:
    """Answers one request per connection, then closes the connection on the next one."""

    def __init__(self, *, reset: bool) -> None:
        self.reset = reset
        self.answered = 0
        self.dropped = 0
        self._lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> bool:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return False
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return False
            body += chunk
        return True

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            if not self._read_request(conn):
                return
            payload = json.dumps(ANSWER).encode()
            conn.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                + f"content-length: {len(payload)}\r\n\r\n".encode()
                + payload
            )
            with self._lock:
                self.answered += 1
            if not self._read_request(conn):
                return
            # The second request on this connection arrived as the server gave up on it.
            if self.reset:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            with self._lock:
                self.dropped += 1

    def close(self) -> None:
        self._sock.close()


@pytest.fixture(params=["fin", "reset"])
def closing(request: pytest.FixtureRequest, gateway: Gateway) -> Iterator[tuple[Gateway, ClosingUpstream]]:
    upstream = ClosingUpstream(reset=request.param == "reset")
    backend = services.do_register_backend("closer", upstream.url)
    register("closer", backend)
    services.do_set_allowed_models(gateway.app, models=[*STUB_MODELS, "closer"])
    yield gateway, upstream
    upstream.close()


def test_a_request_on_a_connection_the_backend_closed_is_sent_again_on_a_new_one(
    closing: tuple[Gateway, ClosingUpstream],
) -> None:
    gateway, upstream = closing
    client = gateway.client()
    # Enough requests that every pooled connection is reused at least once.
    for _ in range(24):
        answer = client.chat.completions.create(model="closer", messages=HELLO, max_tokens=4)
        assert answer.choices[0].message.content == "hi"
    assert upstream.dropped > 0, "the gateway never reused a connection: the test proves nothing"
    assert upstream.answered == 24
