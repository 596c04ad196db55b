"""How the appliance's own port is served: uvicorn's options, the same in production and tests.

``airlock serve`` runs gunicorn with ``AirlockWorker``; the tests' live server
(tests/conftest.py) passes ``uvicorn_options()`` to uvicorn directly. Either way:

- no ``Server: uvicorn`` header (it tells an attacker what to look up);
- uvicorn does not rewrite the client's address from ``X-Forwarded-For`` (``proxy_headers``):
  it trusts any peer on loopback, so behind nothing at all a client could choose its address.
  ``appliance.net`` decides instead, trusting only ``AIRLOCK_TRUSTED_PROXIES``;
- the request line and headers are bounded while they are read
  (``AIRLOCK_MAX_HEADER_BYTES``, ``AIRLOCK_MAX_HEADERS``): httptools has no limit of its own
  and would buffer a 16 MB header whole. Past either bound the answer is 431 — in OpenAI's
  error shape on ``/v1`` — and the connection is closed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import orjson
from django.conf import settings
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

STATUS_431 = b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
# Answers written here bypass Django's middleware: give them its safety headers.
SAFETY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY")]


def too_large_body(path: bytes | str) -> tuple[bytes, bytes]:
    """(content type, body) of a 431 for ``path``: OpenAI's error shape on /v1, plain text elsewhere."""
    path = path.encode("latin-1") if isinstance(path, str) else path
    message = (
        f"The request's headers are larger than {settings.AIRLOCK_MAX_HEADER_BYTES} bytes "
        f"or more than {settings.AIRLOCK_MAX_HEADERS} headers."
    )
    if path == b"/v1" or path.startswith(b"/v1/") or path.startswith(b"/v1?"):
        error = {
            "message": message,
            "type": "invalid_request_error",
            "param": None,
            "code": "request_header_fields_too_large",
        }
        return b"application/json", orjson.dumps({"error": error})
    return b"text/plain; charset=utf-8", message.encode()


class HeadersTooLarge(Exception):
    """Raised from a parser callback to stop reading a request whose head is over its bounds."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, counting the head's bytes and headers as they arrive."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._max_bytes = int(settings.AIRLOCK_MAX_HEADER_BYTES)
        self._max_headers = int(settings.AIRLOCK_MAX_HEADERS)
        self._in_head = False
        self._head_bytes = 0  # the URL, names and values parsed so far
        self._raw_head = 0  # bytes received while the head is still incomplete
        self._headers_seen = 0
        self._too_large = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True
        self._head_bytes = self._raw_head = self._headers_seen = 0

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        self._count(len(url), 0)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4, 1)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def _count(self, size: int, headers: int) -> None:
        self._head_bytes += size
        self._headers_seen += headers
        if self._head_bytes > self._max_bytes or self._headers_seen > self._max_headers:
            self._too_large = True
            raise HeadersTooLarge

    def data_received(self, data: bytes) -> None:
        if self._too_large:
            return
        super().data_received(data)  # a callback's HeadersTooLarge arrives at send_400_response
        if self._too_large or not self._in_head:
            return
        # One header still being received is held by httptools, out of the callbacks' sight:
        # bound what is buffered while the head is incomplete as well.
        self._raw_head += len(data)
        if self._raw_head > self._max_bytes + 1024:
            self._too_large = True
            self._send_431()

    def send_400_response(self, msg: str) -> None:
        if self._too_large:
            self._send_431()
        else:
            super().send_400_response(msg)

    def _send_431(self) -> None:
        if self.transport.is_closing():
            return
        content_type, body = too_large_body(getattr(self, "url", b"") or b"")
        lines = [STATUS_431]
        for name, value in [*self.server_state.default_headers, *SAFETY_HEADERS]:
            lines.append(name + b": " + value + b"\r\n")
        lines += [
            b"content-type: " + content_type + b"\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
            body,
        ]
        self.transport.write(b"".join(lines))
        self.transport.close()


def uvicorn_options() -> dict[str, Any]:
    """uvicorn.Config keyword arguments for the appliance (besides the app and where to listen)."""
    return {
        "http": BoundedHttpToolsProtocol,
        "server_header": False,
        "proxy_headers": False,
        # If someone runs the appliance with uvicorn's h11 protocol instead: the same bound.
        "h11_max_incomplete_event_size": int(settings.AIRLOCK_MAX_HEADER_BYTES),
    }


@cache
def _worker_class() -> type:
    from uvicorn.workers import UvicornWorker

    class AirlockWorker(UvicornWorker):
        """gunicorn's worker for ``airlock serve``: uvicorn with ``uvicorn_options()``."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.CONFIG_KWARGS = {"loop": "auto", **uvicorn_options()}
            super().__init__(*args, **kwargs)

    return AirlockWorker


def __getattr__(name: str) -> Any:
    # uvicorn.workers warns on import (it is deprecated in favour of uvicorn-worker) and imports
    # gunicorn: only gunicorn's worker processes, which name this class, pay for that.
    if name == "AirlockWorker":
        return _worker_class()
    raise AttributeError(name)
