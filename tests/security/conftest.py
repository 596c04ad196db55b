"""Fixtures for the penetration test's regression tests (issue 22).

The egress fixtures (a capture server playing the providers, an app allowed to reach them)
are the egress tests' own, so these tests drive the same path.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import orjson

from audit.models import AuditRecord
from tests.egress.conftest import capture, egress, key_file

__all__ = ["capture", "egress", "key_file", "raw_request", "records"]


def records(event: str) -> list[dict[str, Any]]:
    """The bodies of the audit records of one event, oldest first."""
    return [orjson.loads(row.body) for row in AuditRecord.objects.filter(event=event).order_by("pk")]


def raw_request(url: str, head: bytes, *, timeout: float = 20.0) -> bytes:
    """Send ``head`` (a request's bytes) to the live server as they are; return what comes back.

    The server may answer and close before everything is sent (that is what a bound does):
    sending stops then, and the answer is read.
    """
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        view = memoryview(head)
        deadline = time.monotonic() + timeout
        try:
            while view and time.monotonic() < deadline:
                sent = sock.send(view[: 64 * 1024])
                view = view[sent:]
        except OSError:
            pass  # the server closed the connection: read what it said
        sock.settimeout(timeout)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                    break
        except OSError:
            pass
        return b"".join(chunks)


def _complete(data: bytes) -> bool:
    head, _, body = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False
