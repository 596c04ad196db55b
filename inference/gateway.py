"""The ASGI edge of ``/v1``: reads requests, writes replies, notices clients that leave.

Mounted in front of Django by ``appliance.asgi``; everything else (console, management API,
admin) is served by Django's own handler.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
from collections.abc import Awaitable
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connections

from appliance import net, schedule
from appliance.server import SAFETY_HEADERS
from audit import log as audit_log
from audit.events import Event
from audit.log import AuditUnavailable, writer
from inference import database, egress, metrics, recording, upstream, views
from inference.errors import ApiError, Reply
from inference.quotas import ledger

log = logging.getLogger("airlock.gateway")

Scope = dict[str, Any]


async def _read_body(receive: Any, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows past ``limit`` (the rest is not read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ConnectionAbortedError
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _wait_for_disconnect(receive: Any) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def _headers(reply: Reply, length: int | None) -> list[tuple[bytes, bytes]]:
    # No Django middleware on this path: its nosniff and frame headers are written here.
    headers = [(b"content-type", reply.content_type), *SAFETY_HEADERS, *reply.headers]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    if reply.request_id:
        headers.append((b"x-request-id", reply.request_id.encode()))
    return headers


async def _send_whole(send: Any, reply: Reply) -> None:
    await send(
        {"type": "http.response.start", "status": reply.status, "headers": _headers(reply, len(reply.body))}
    )
    await send({"type": "http.response.body", "body": reply.body})


async def _send_stream(send: Any, reply: Reply) -> None:
    if reply.stream is None:
        raise TypeError("not a streamed reply")
    await send({"type": "http.response.start", "status": reply.status, "headers": _headers(reply, None)})
    try:
        async for chunk in reply.stream:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    finally:
        # Runs the relay's own clean-up (closing the upstream request) also when cancelled.
        await reply.stream.aclose()  # type: ignore[attr-defined]


async def _database_guarded(request_id: str, answer: Awaitable[Reply]) -> Reply:
    """The reply, or 503 ``database_unavailable`` in OpenAI's shape when the database is lost.

    Not a plain-text 500: the lean path has no Django handler to close a broken connection,
    so ``inference.database`` closes it here and the next request reconnects.
    """
    try:
        return await answer
    except database.ERRORS as exc:
        return (await database.failed(exc)).reply(request_id)


def _route(method: str, path: str) -> tuple[str, str | None] | ApiError:
    """(handler, argument) for a /v1 path, or the error to answer with."""
    rest = path[len("/v1/") :] if path.startswith("/v1/") else ""
    rest = rest.rstrip("/")
    allowed: str
    if rest in views.ENDPOINTS:
        allowed = "POST"
        target: tuple[str, str | None] = ("proxy", rest)
    elif rest == "models":
        allowed, target = "GET", ("models", None)
    elif rest == "feedback":
        allowed, target = "POST", ("feedback", None)
    elif rest.startswith("reviews/") and rest.count("/") == 1:
        allowed, target = "GET", ("review", rest[len("reviews/") :])
    elif rest.startswith("models/"):
        allowed, target = "GET", ("model", rest[len("models/") :])
    elif rest.split("/", 1)[0] in views.UNSUPPORTED:
        supported = ", ".join(f"/v1/{name}" for name in (*views.ENDPOINTS, "models"))
        return ApiError(
            404,
            f"{method} {path} is not supported by this gateway. Supported: {supported}.",
            code="unsupported_endpoint",
        )
    else:
        return ApiError(404, f"Unknown endpoint: {method} {path}.", code="unknown_url")
    if method != allowed:
        return ApiError(
            405, f"Use {allowed} for {path}.", code="method_not_allowed", headers={"Allow": allowed}
        )
    return target


async def handle(scope: Scope, receive: Any, send: Any) -> None:
    """One /v1 HTTP request."""
    request_id = views.new_request_id()
    route = _route(scope["method"], scope["path"])
    if isinstance(route, ApiError):
        await _send_whole(send, route.reply(request_id))
        return
    authorization = None
    # Other headers only for routing (a route's session header); ASGI gives names in lower case.
    headers: dict[str, str] = {}
    for name, value in scope["headers"]:
        if name == b"authorization":
            authorization = value.decode("latin-1")
        else:
            headers[name.decode("latin-1")] = value.decode("latin-1")
    kind, argument = route
    try:
        reads_body = kind in ("proxy", "feedback")
        body = await _read_body(receive, settings.AIRLOCK_MAX_BODY_BYTES) if reads_body else b""
    except ConnectionAbortedError:
        return
    if kind == "models":
        listed = views.list_models(request_id, authorization)
        await _send_whole(send, await _database_guarded(request_id, listed))
        return
    if kind == "model":
        answer = views.retrieve_model(request_id, authorization, argument or "")
        await _send_whole(send, await _database_guarded(request_id, answer))
        return
    if kind in ("feedback", "review"):
        # Feedback on a request, and polling an answer held by a review gate (quality.gate).
        from quality import gate

        handled = (
            gate.feedback(request_id, authorization, body)
            if kind == "feedback"
            else gate.poll(request_id, authorization, argument or "")
        )
        await _send_whole(send, await _database_guarded(request_id, handled))
        return

    # A client that goes away cancels the work, which closes the upstream request, which
    # makes vLLM stop generating: nobody pays for tokens that no one will read.
    # X-Forwarded-For counts only from a trusted proxy (appliance.net, as for sign-ins).
    client_ip = net.client_ip_of_scope(scope)
    work = asyncio.ensure_future(
        views.proxy(request_id, argument or "", authorization, body, client_ip, headers)
    )
    watcher = asyncio.ensure_future(_wait_for_disconnect(receive))
    try:
        await asyncio.wait({work, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if not work.done():
            work.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await work
            return
        reply = await _database_guarded(request_id, work)
        if reply.stream is None:
            await _send_whole(send, reply)
            return
        pump = asyncio.ensure_future(_send_stream(send, reply))
        await asyncio.wait({pump, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if not pump.done():
            pump.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pump
    finally:
        watcher.cancel()


async def _record_lifecycle(event: Event) -> None:
    try:
        meta = {"pid": os.getpid(), "component": "gateway", "worker": recording.worker_identity()}
        await writer().write(event, meta=meta)
    except AuditUnavailable:
        log.error("the audit log cannot be written (%s); /v1 requests will be refused until it can", event)


async def _close_lost_requests() -> None:
    """Requests of workers that died mid-answer get their outcome (``worker_lost``)."""
    try:
        await audit_log.in_writer_thread(recording.sweep_lost_requests)
    except Exception:
        log.exception("could not look for requests of workers that died; the next start tries again")


_sweeping: set[asyncio.Task[None]] = set()


def _start_lost_request_sweep() -> None:
    """In the background: a long log must not hold up the worker's start."""
    task = asyncio.get_running_loop().create_task(_close_lost_requests())
    _sweeping.add(task)
    task.add_done_callback(_sweeping.discard)


_warming: set[asyncio.Future[None]] = set()


def _warm_redaction() -> None:
    """Load the Presidio engine in the background so the first egress request is not slow.

    Not awaited: the worker starts serving local requests at once; an egress request that
    arrives before the model is loaded waits for it (the engine loads under a lock).
    """
    if not settings.AIRLOCK_REDACTION_WARM:
        return
    from redaction import engine

    future = asyncio.get_running_loop().run_in_executor(None, engine.warm)
    _warming.add(future)
    future.add_done_callback(_warming.discard)
    future.add_done_callback(lambda _: _freeze_heap())


def _freeze_heap() -> None:
    """Move everything alive now (modules, Django, the spaCy model) out of the collector's sight.

    A full garbage collection walks every tracked object: about 180,000 once Django, Presidio
    and spaCy are loaded, 60-80 ms on the machines here, and it happens every few thousand
    requests: that pause was most of the gateway's p99. What exists at startup lives as long
    as the worker, so there is nothing for the collector to find in it.
    """
    gc.collect()
    gc.freeze()


async def lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await _record_lifecycle(Event.AUDIT_STARTED)
            _start_lost_request_sweep()
            _freeze_heap()
            _warm_redaction()
            # Embedded installations have no Celery beat: the workers run the schedule.
            schedule.start_embedded()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await asyncio.get_running_loop().run_in_executor(None, schedule.stop_embedded)
            await _record_lifecycle(Event.AUDIT_STOPPED)
            metrics.flush()  # the last second's counts, before the worker's files are left
            await upstream.close_all()
            await egress.close()
            # Usage rows still queued in memory are written before the worker goes.
            await asyncio.get_running_loop().run_in_executor(ledger._executor, ledger.flush)
            await audit_log.close()
            # The ORM's connections live in asgiref's executor thread; close them there.
            await sync_to_async(connections.close_all)()
            await send({"type": "lifespan.shutdown.complete"})
            return
