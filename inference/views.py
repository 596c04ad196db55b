"""The OpenAI-compatible ``/v1`` API: the request path of DESIGN.md, step by step.

These handlers take the method, headers and body and return a ``Reply``; ``inference.gateway``
is the thin ASGI edge that feeds them and writes their replies. They are not Django views
on purpose: Django's ASGI handler starts a thread context per request, which on two cores
capped the gateway at under 300 requests/s (see bench/gateway_overhead.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx2 as httpx
import orjson
from django.conf import settings

from inference import database, egress, embeddings, metrics, recording, routing, schemas
from inference.auth import Caller, authenticate
from inference.errors import ApiError, Reply, no_backend
from inference.quotas import gate as quotas
from inference.upstream import client, upstream_timeout

if TYPE_CHECKING:
    from redaction.gate import EgressReport

log = logging.getLogger("airlock.gateway")

RETRY_AFTER_SECONDS = 5


@dataclass
class Exchange:
    """What one request did, for the audit record and quota settlement that follow it."""

    request_id: str
    endpoint: str
    started: float = field(default_factory=time.perf_counter)
    caller: Caller | None = None
    model: str | None = None
    target: routing.Target | None = None
    stream: bool = False
    status: int = 0
    usage: dict[str, Any] | None = None
    error: str | None = None
    client_ip: str | None = None
    body: dict[str, Any] | None = None
    recorded: bool = False
    # Its outcome record was written or is on its way (one per request, however it ends).
    outcome_recorded: bool = False
    # Step 2's reservation, until it is settled (inference.quotas.gate).
    reservation: quotas.Reservation | None = None
    # Set on the egress path (inference.egress): the provider, the gate's report, attempts made.
    external: routing.ExternalTarget | None = None
    egress: EgressReport | None = None
    attempts: int = 0
    # What a stream relayed before it ended, for a stream that brings no usage figure (the
    # client hung up): answer events from a local backend (vLLM sends one per token), and
    # UTF-8 bytes of answer text from a provider (whose events carry several tokens).
    streamed_events: int = 0
    streamed_bytes: int = 0
    # perf_counter() when the request was forwarded and when its first answer event came (metrics).
    forwarded: float = 0.0
    first_token: float = 0.0
    metered: bool = False  # counted for /metrics (once, even if an error follows the answer)

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def finish(self, status: int, error: str | None = None) -> None:
        self.status = status
        self.error = error
        metrics.finished(self)
        log.debug(
            "request_id=%s app=%s model=%s backend=%s status=%s ms=%.1f usage=%s",
            self.request_id,
            self.caller.application_name if self.caller else "-",
            self.model or "-",
            self.target.backend_name if self.target else "-",
            status,
            (time.perf_counter() - self.started) * 1000,
            self.usage,
        )


def new_request_id() -> str:
    return f"req_{uuid.uuid4().hex}"


async def list_models(request_id: str, authorization: str | None) -> Reply:
    try:
        caller = await authenticate(authorization)
    except ApiError as exc:
        return exc.reply(request_id)
    table = await routing.table()
    data = [
        {"id": name, "object": "model", "created": 0, "owned_by": "airlock"}
        for name in sorted(table.models)
        if caller.may_use(name)
    ]
    return Reply.json({"object": "list", "data": data}, request_id=request_id)


async def retrieve_model(request_id: str, authorization: str | None, model: str) -> Reply:
    try:
        caller = await authenticate(authorization)
        table = await routing.table()
        if model not in table.models or not caller.may_use(model):
            # Not 403: a key must not learn which models exist beyond those it may use.
            raise ApiError(404, f"The model '{model}' does not exist.", param="model", code="model_not_found")
    except ApiError as exc:
        return exc.reply(request_id)
    return Reply.json(
        {"id": model, "object": "model", "created": 0, "owned_by": "airlock"}, request_id=request_id
    )


ENDPOINTS: dict[str, type[schemas._Body]] = {
    "chat/completions": schemas.ChatCompletionRequest,
    "completions": schemas.CompletionRequest,
    "embeddings": schemas.EmbeddingRequest,
}
# OpenAI endpoints this gateway refuses with 404 ``unsupported_endpoint`` (README, "What /v1
# supports"): vLLM's Responses API keeps conversation state on the backend, which a gateway that
# audits and meters each request cannot see, and files, assistants and fine-tuning store data
# the appliance does not hold.
UNSUPPORTED = frozenset(
    {
        *("responses", "conversations", "assistants", "threads", "files", "uploads", "batches"),
        *("fine_tuning", "images", "audio", "moderations", "vector_stores", "realtime"),
    }
)


async def proxy(
    request_id: str,
    endpoint: str,
    authorization: str | None,
    raw_body: bytes | None,
    client_ip: str | None = None,
) -> Reply:
    """Steps 1-6 for a completion request. ``raw_body`` is None when it exceeded the limit."""
    exchange = Exchange(request_id=request_id, endpoint=endpoint, client_ip=client_ip)
    try:
        exchange.caller = await authenticate(authorization)
        if raw_body is None:
            raise too_large()
        body, parsed = schemas.parse(raw_body, ENDPOINTS[endpoint])
        exchange.body = body
        exchange.model = parsed.model
        exchange.stream = bool(parsed.stream)
        targets = await _targets_for(exchange.caller, parsed.model)
        # A chat model cannot embed nor an embedding model chat (one vLLM runner per process).
        embeddings.check_kind(endpoint, parsed.model, await embeddings.embedding_models())
        # Step 2: reserve the request's maximum on every quota, or 429; settled when it ends.
        exchange.reservation = await quotas.reserve(exchange, parsed)
        if isinstance(targets, routing.ExternalTarget):
            # Step 4b: redaction, the provider, restoration (records its own request first).
            return await quotas.settled(exchange, egress.handle(exchange, body, targets))
        # Fail-closed: nothing is forwarded unless its record is committed.
        await recording.request_received(exchange)
        if exchange.stream:
            return await quotas.settled(exchange, _stream(exchange, body, targets))
        return await quotas.settled(exchange, _complete(exchange, body, targets))
    except asyncio.CancelledError:
        # The client hung up before the answer was ready (the edge cancels the work): a
        # request on record still gets its outcome record.
        if exchange.recorded:
            recording.client_gone(exchange)
        raise
    except database.REFUSALS as caught:
        # A lost database connection (a restart) is a 503 like any refusal: settled, audited.
        exc = caught if isinstance(caught, ApiError) else await database.failed(caught)
        # The audit record gets the detail (a provider's own words); the client, the message.
        exchange.finish(exc.status, f"{exc.message} [{exc.detail}]" if exc.detail else exc.message)
        metrics.refused(exchange, exc.code)
        await quotas.settle(exchange)  # releases what was reserved
        await recording.after_error(exchange, exc)
        return exc.reply(exchange.request_id)


def too_large() -> ApiError:
    limit = settings.AIRLOCK_MAX_BODY_BYTES
    return ApiError(413, f"The request body is larger than {limit} bytes.", code="request_too_large")


async def _targets_for(caller: Caller, model: str) -> list[routing.Target] | routing.ExternalTarget:
    table = await routing.table()
    if model not in table.models:
        raise ApiError(404, f"The model '{model}' does not exist.", param="model", code="model_not_found")
    if not caller.may_use(model):
        raise ApiError(
            403,
            f"Application '{caller.application_name}' may not use the model '{model}'.",
            type="permission_error",
            param="model",
            code="model_not_allowed",
        )
    external = table.external.get(model)
    if external is not None:
        return external
    targets = routing.candidates(table, model)
    if not targets:
        raise no_backend(model, RETRY_AFTER_SECONDS)
    return targets


def _payload(body: dict[str, Any], target: routing.Target, *, stream: bool) -> bytes:
    outgoing = dict(body)
    outgoing["model"] = target.served_name
    if stream:
        # Always ask for usage so the request can be metered; it is stripped again below
        # for a client that did not ask for it.
        options = dict(outgoing.get("stream_options") or {})
        options["include_usage"] = True
        outgoing["stream_options"] = options
    return orjson.dumps(outgoing)


async def _send(
    exchange: Exchange, body: dict[str, Any], targets: list[routing.Target], *, stream: bool
) -> httpx.Response:
    """Send to the first target that accepts a connection; the rest are fall-backs."""
    pool = client()
    last_error = ""
    for target in targets:
        payload = _payload(body, target, stream=stream)
        upstream_request = pool.build_request(
            "POST",
            f"{target.base_url}/v1/{exchange.endpoint}",
            content=payload,
            headers={"Content-Type": "application/json", "X-Request-Id": exchange.request_id},
            timeout=upstream_timeout(),
        )
        exchange.attempts += 1
        exchange.forwarded = time.perf_counter()
        try:
            response = await pool.send(upstream_request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            routing.mark_down(target)
            last_error = f"{target.backend_name}: {exc!r}"
            log.warning("backend %s refused request %s: %r", target.backend_name, exchange.request_id, exc)
            continue
        except httpx.TimeoutException:
            exchange.target = target
            raise _timeout() from None
        except httpx.HTTPError as exc:
            exchange.target = target
            raise _bad_gateway(f"the backend failed: {exc!r}") from None
        routing.mark_up(target)
        exchange.target = target
        return response
    exchange.error = last_error
    raise no_backend(exchange.model or "?", RETRY_AFTER_SECONDS)


def _timeout() -> ApiError:
    return ApiError(
        504, "The model backend did not answer in time.", type="server_error", code="upstream_timeout"
    )


def _bad_gateway(why: str) -> ApiError:
    return ApiError(
        502, f"Bad answer from the model backend: {why}", type="server_error", code="bad_upstream_response"
    )


async def _upstream_error(response: httpx.Response) -> ApiError:
    """Map a backend's non-200 answer: client mistakes keep their status, server faults become 502."""
    raw = await response.aread()
    await response.aclose()
    message = raw.decode(errors="replace")[:2000]
    param = None
    try:
        data = orjson.loads(raw)
        err = data.get("error", data) if isinstance(data, dict) else {}
        if isinstance(err, dict):
            message = str(err.get("message") or message)
            param = err.get("param")
    except orjson.JSONDecodeError:
        pass
    if 400 <= response.status_code < 500 and response.status_code not in (401, 403, 404):
        return ApiError(response.status_code, message, param=param, code="upstream_rejected")
    return _bad_gateway(f"status {response.status_code}: {message}")


async def _complete(exchange: Exchange, body: dict[str, Any], targets: list[routing.Target]) -> Reply:
    response = await _send(exchange, body, targets, stream=False)
    try:
        if response.status_code != 200:
            raise await _upstream_error(response)
        try:
            raw = await response.aread()
        except httpx.TimeoutException:
            raise _timeout() from None
        except httpx.HTTPError as exc:
            raise _bad_gateway(f"the connection broke: {exc!r}") from None
    finally:
        await response.aclose()
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise _bad_gateway("the answer is not JSON") from None
    answers = "data" if exchange.endpoint == "embeddings" else "choices"
    if not isinstance(data, dict) or not isinstance(data.get(answers), list):
        raise _bad_gateway(f"the answer has no '{answers}'")
    usage = data.get("usage")
    exchange.usage = usage if isinstance(usage, dict) else None
    if exchange.usage is not None and answers == "data":
        # OpenAI's embedding usage has no completion_tokens; metering counts them as 0.
        exchange.usage = {"completion_tokens": 0, **exchange.usage}
    exchange.finish(200)
    texts, reasons = recording.choices_text(data)
    try:
        # The answer is released only once its record is committed.
        await recording.response_finished(exchange, texts, reasons)
    except recording.AuditUnavailable:
        raise recording.audit_unavailable() from None
    # The backend's bytes go back unchanged: re-serialising would only cost time.
    return Reply(200, raw, request_id=exchange.request_id)


async def _stream(exchange: Exchange, body: dict[str, Any], targets: list[routing.Target]) -> Reply:
    response = await _send(exchange, body, targets, stream=True)
    if response.status_code != 200:
        raise await _upstream_error(response)
    wants_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    return Reply(
        200,
        b"",
        content_type=b"text/event-stream; charset=utf-8",
        # nginx must not buffer tokens
        headers=[(b"cache-control", b"no-cache"), (b"x-accel-buffering", b"no")],
        request_id=exchange.request_id,
        stream=_relay(exchange, response, wants_usage),
    )


async def _relay(exchange: Exchange, response: httpx.Response, wants_usage: bool) -> AsyncIterator[bytes]:
    """Forward SSE events as they come, whole events at a time, capturing the usage chunk.

    The final ``data: [DONE]`` is held back until the answer's audit record is committed; if
    it cannot be, the client gets an error event instead, so a stream never ends cleanly
    without its record.
    """
    mode = exchange.caller.audit_content if exchange.caller else "none"
    collect = mode != "none"
    texts: dict[int, list[str]] = {}
    reasons: dict[int, str | None] = {}
    buffer = b""
    saw_done = False
    try:
        async for chunk in response.aiter_raw():
            buffer += chunk
            if b"\n\n" not in buffer:
                continue
            *events, buffer = buffer.split(b"\n\n")
            out = []
            for event in events:
                if event.strip() == b"data: [DONE]":
                    saw_done = True
                    continue
                if _is_usage_event(event):
                    exchange.usage = _usage_of(event)
                    if not wants_usage:
                        continue
                else:
                    exchange.streamed_events += 1
                    if not exchange.first_token:
                        exchange.first_token = time.perf_counter()
                    if collect:
                        _collect(event, texts, reasons)
                out.append(event + b"\n\n")
            if out:
                yield b"".join(out)
        if buffer.strip() and buffer.strip() != b"data: [DONE]":
            yield buffer + b"\n\n"
        saw_done = saw_done or buffer.strip() == b"data: [DONE]"
        exchange.status = 200
    except httpx.TimeoutException:
        exchange.status, exchange.error = 504, "upstream timeout mid-stream"
    except httpx.HTTPError as exc:
        exchange.status, exchange.error = 502, f"upstream broke mid-stream: {exc!r}"
    except BaseException:
        # The client went away (CancelledError) or the worker is stopping: the upstream
        # request is closed below, which makes vLLM abort the generation.
        exchange.finish(499, "client disconnected")
        recording.response_finished_later(exchange, _joined(texts) if collect else None)
        await response.aclose()
        raise
    await response.aclose()
    exchange.finish(exchange.status, exchange.error)
    try:
        await recording.response_finished(
            exchange, _joined(texts) if collect else None, [reasons.get(i) for i in sorted(texts)]
        )
    except recording.AuditUnavailable:
        yield _sse_error(recording.audit_unavailable())
        return
    if exchange.status == 504:
        yield _sse_error(_timeout())
    elif exchange.status == 502:
        yield _sse_error(_bad_gateway("the stream broke"))
    elif saw_done:
        yield b"data: [DONE]\n\n"


def _collect(event: bytes, texts: dict[int, list[str]], reasons: dict[int, str | None]) -> None:
    try:
        data = orjson.loads(event.removeprefix(b"data:").strip())
    except orjson.JSONDecodeError:
        return
    for choice in data.get("choices") or [] if isinstance(data, dict) else []:
        index = choice.get("index", 0)
        delta = choice.get("delta")
        piece = delta.get("content") if isinstance(delta, dict) else choice.get("text")
        if isinstance(piece, str):
            texts.setdefault(index, []).append(piece)
        else:
            texts.setdefault(index, [])
        if choice.get("finish_reason"):
            reasons[index] = choice["finish_reason"]


def _joined(texts: dict[int, list[str]]) -> list[str]:
    return ["".join(texts[i]) for i in sorted(texts)]


def _is_usage_event(event: bytes) -> bool:
    # Only the final usage chunk has an empty choices list and a usage object; checking the
    # bytes first keeps JSON parsing off the path of every token.
    return b'"usage"' in event and b'"choices":[]' in event.replace(b" ", b"")


def _usage_of(event: bytes) -> dict[str, Any] | None:
    try:
        data = orjson.loads(event.removeprefix(b"data:").strip())
    except orjson.JSONDecodeError:
        return None
    usage = data.get("usage") if isinstance(data, dict) else None
    return usage if isinstance(usage, dict) else None


def _sse_error(error: ApiError) -> bytes:
    return b"data: " + orjson.dumps(error.body()) + b"\n\n"
