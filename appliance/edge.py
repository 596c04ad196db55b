"""The ASGI layer in front of everything: bounded headers, and safety headers Django cannot add.

The server (``appliance.server``) already stops reading a head past its bounds; this check
holds for any server the application is run under (``uvicorn`` by hand, another worker
class), for ``/v1`` and Django alike. Static files are served by Django's ASGI static handler,
outside Django's middleware, so their ``nosniff`` and frame headers are added here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from appliance.server import SAFETY_HEADERS, too_large_body

Scope = dict[str, Any]


def _too_large(headers: list[tuple[bytes, bytes]]) -> bool:
    if len(headers) > settings.AIRLOCK_MAX_HEADERS:
        return True
    size = 0
    for name, value in headers:
        size += len(name) + len(value) + 4
    return size > settings.AIRLOCK_MAX_HEADER_BYTES


async def refuse_too_large(scope: Scope, send: Any) -> None:
    content_type, body = too_large_body(scope.get("path", ""))
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *SAFETY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": 431, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def with_safety_headers(send: Any) -> Any:
    async def sending(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(name, value) for name, value in SAFETY_HEADERS if name not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


def bounded(application: Any) -> Any:
    """``application`` behind the header bounds, with safety headers on static files."""

    async def edge(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            if _too_large(scope["headers"]):
                await refuse_too_large(scope, send)
                return
            if scope["path"].startswith("/static/"):
                send = with_safety_headers(send)
        await application(scope, receive, send)

    return edge
