"""Step 4b of the request path: a request for an external model.

    protect (redaction.gate) ▶ record ▶ provider (retries, breaker) ▶ restore ▶ record ▶ answer

The request body goes to ``redaction.gate.protect`` first: it refuses (403) when egress is
off, the provider or region is not allowed, or the policy says refuse; otherwise it returns
the redacted body (a ``SafeBody``, the only thing the provider client accepts) and the
request's placeholder session. The request's audit record — with the egress report:
destination, region, decision, counts per entity type, never values — is committed before
anything is sent (fail-closed, as on the local path). The provider's answer is restored
(placeholders back to the original values) before the client sees it, also when streamed,
and released only once the answer's record is committed.

The restored answer — what the client gets — is validated by the application's output
validation policy like a local one (``quality.inline``; step 6): a failure is recorded and
counted against the provider, shown to the client (``x-airlock-validation``, or an SSE comment
before ``[DONE]``) and kept in the audit record. It is not retried: the provider has answered
and been paid, and an external answer has no deployment to take out of routing.

Errors from the provider keep their placeholders: an error message goes into the audit
record's metadata, which must never hold personal data.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import httpx2 as httpx
import orjson

from inference import recording
from inference.errors import ApiError, Reply, bad_request
from inference.providers import client, resilience
from inference.providers.resilience import Attempts, CircuitOpen
from inference.providers.sse import StreamError
from inference.routing import ExternalTarget
from redaction.gate import EgressRefused, Protection, Session, StreamRestorer, protect

if TYPE_CHECKING:
    from inference.views import Exchange

log = logging.getLogger("airlock.egress")


async def handle(exchange: Exchange, body: dict[str, Any], target: ExternalTarget) -> Reply:
    """Answer ``exchange`` from ``target``'s provider; raises ``ApiError`` to refuse or fail."""
    exchange.external = target
    if not target.is_enabled:
        raise ApiError(
            503,
            f"Provider '{target.provider_name}' is disabled by an administrator.",
            type="server_error",
            code="provider_disabled",
            headers={"Retry-After": "60"},
        )
    if not client.supports(target, exchange.endpoint):
        raise bad_request(
            f"The model '{target.model}' is served by a provider without /v1/{exchange.endpoint}; "
            "use /v1/chat/completions.",
            param="model",
            code="unsupported_endpoint",
        )
    breaker = resilience.breaker_for(target)
    if breaker.state(target.breaker_cooldown_seconds) == "open":
        # Refuse before the cost of redaction; the retry loop checks again before each attempt.
        opened_at = breaker.opened_at or time.monotonic()
        remaining = opened_at + target.breaker_cooldown_seconds - time.monotonic()
        raise CircuitOpen(target.provider_name, breaker.failures, remaining).api_error()

    outgoing = dict(body)
    outgoing["model"] = target.remote_name
    if exchange.stream and target.kind == "openai":
        # Always ask for usage to meter the request; the chunk is dropped again below for a
        # client that did not ask for it. (Anthropic always reports usage.)
        outgoing["stream_options"] = {**(body.get("stream_options") or {}), "include_usage": True}
    caller = exchange.caller
    try:
        protection = await protect(
            outgoing,
            endpoint=exchange.endpoint,
            application_id=caller.application_id if caller else None,
            provider=target.provider_name,
            region=target.region or None,
        )
    except EgressRefused as refused:
        exchange.egress = refused.report
        raise
    except Exception:
        # Fail closed: if the request cannot be checked, it does not leave.
        log.exception("redaction failed for request %s; nothing was sent", exchange.request_id)
        raise ApiError(
            503,
            "The request could not be checked for personal data, so nothing was sent. Retry later.",
            type="server_error",
            code="redaction_unavailable",
            headers={"Retry-After": "5"},
        ) from None
    exchange.egress = protection.report
    # Fail-closed: nothing leaves unless the request's record, with its egress report, is committed.
    await recording.request_received(exchange)
    if exchange.stream:
        wants_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        return await _stream(exchange, target, protection, wants_usage)
    return await _complete(exchange, target, protection)


# --- Whole answers ---


async def _complete(exchange: Exchange, target: ExternalTarget, protection: Protection) -> Reply:
    attempts = Attempts()
    exchange.forwarded = time.perf_counter()
    try:
        data = await client.complete(target, protection.safe, endpoint=exchange.endpoint, attempts=attempts)
    finally:
        exchange.attempts = attempts.count
    restore_completion(data, protection.session)
    usage = data.get("usage")
    exchange.usage = usage if isinstance(usage, dict) else None
    texts, reasons = recording.choices_text(data)
    if exchange.endpoint != "embeddings":
        await _validate(exchange, target, texts, reasons, calls_tools=_calls_tools(data))
    exchange.finish(200)
    try:
        # Released only once its record (with the final egress report) is committed.
        await recording.response_finished(exchange, texts, reasons)
    except recording.AuditUnavailable:
        raise recording.audit_unavailable() from None
    reply = Reply(200, orjson.dumps(data), request_id=exchange.request_id)
    if exchange.validation:
        reply.headers.append((b"x-airlock-validation", exchange.validation["header"].encode()))
    return reply


def _calls_tools(data: dict[str, Any]) -> bool:
    for choice in data.get("choices") or []:
        message = choice.get("message") if isinstance(choice, dict) else None
        if isinstance(message, dict) and (message.get("tool_calls") or message.get("function_call")):
            return True
    return False


async def _validate(
    exchange: Exchange,
    target: ExternalTarget,
    texts: list[str] | None,
    reasons: list[str | None] | None,
    *,
    calls_tools: bool,
) -> None:
    """Check the restored answer by the application's validation policy (``quality.inline``)."""
    from quality import inline

    if calls_tools and not "".join(texts or []).strip():
        # The answer is in the tool calls' arguments: there is no text to find empty.
        exchange.validation = None
        return
    caller = exchange.caller
    body = exchange.body or {}
    response_format = body.get("response_format")
    verdict = await inline.check_answer(
        "\n".join(texts or []),
        application_id=caller.application_id if caller else None,
        model_id=None,
        model_name=exchange.model or "",
        target=target.provider_name,
        deployment_id=None,
        response_format=response_format if isinstance(response_format, dict) else None,
        finish_reason=(reasons or [None])[0],
        request_id=exchange.request_id,
        retried=True,  # never retried: see the module's docstring
    )
    exchange.validation = inline.failure_note(verdict, retried=exchange.validation_retried)


def restore_completion(data: dict[str, Any], session: Session) -> None:
    """Put the original values back into every choice of a whole answer, in place."""
    for choice in data.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        if isinstance(choice.get("text"), str):
            choice["text"] = session.restore(choice["text"])
        message = choice.get("message")
        if isinstance(message, dict):
            _restore_message(message, session)


def _restore_message(message: dict[str, Any], session: Session) -> None:
    for key in ("content", "refusal", "reasoning_content"):
        value = message.get(key)
        if isinstance(value, str):
            message[key] = session.restore(value)
        elif isinstance(value, list):
            for part in value:
                if isinstance(part, dict) and isinstance(part.get("text"), str):
                    part["text"] = session.restore(part["text"])
    calls = list(message.get("tool_calls") or [])
    if isinstance(message.get("function_call"), dict):
        calls.append({"function": message["function_call"]})
    for call in calls:
        function = call.get("function") if isinstance(call, dict) else None
        if isinstance(function, dict) and isinstance(function.get("arguments"), str):
            # Arguments are JSON text: restored values are escaped to keep it valid.
            function["arguments"] = session.restore(function["arguments"], json_string=True)


# --- Streamed answers ---


async def _stream(
    exchange: Exchange, target: ExternalTarget, protection: Protection, wants_usage: bool
) -> Reply:
    attempts = Attempts()
    exchange.forwarded = time.perf_counter()
    try:
        opened = await client.stream(target, protection.safe, endpoint=exchange.endpoint, attempts=attempts)
    finally:
        exchange.attempts = attempts.count
    return Reply(
        200,
        b"",
        content_type=b"text/event-stream; charset=utf-8",
        headers=[(b"cache-control", b"no-cache"), (b"x-accel-buffering", b"no")],
        request_id=exchange.request_id,
        stream=_relay(exchange, opened, protection.session, wants_usage),
    )


class _ChoiceRestorers:
    """The restorers of one streamed choice: its text, and each tool call's arguments."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.text: StreamRestorer = session.restorer()
        self.tools: dict[int, StreamRestorer] = {}
        self.collected: list[str] = []
        self.finish_reason: str | None = None
        self.flushed = False

    def tool(self, index: int) -> StreamRestorer:
        found = self.tools.get(index)
        if found is None:
            found = self.tools[index] = self.session.restorer(json_string=True)
        return found

    def flush_into(self, choice: dict[str, Any], field: str) -> None:
        """Add everything still held back to ``choice`` (its last chunk)."""
        self.flushed = True
        rest = self.text.flush()
        if field == "text":
            choice["text"] = (choice.get("text") or "") + rest
            self.collected.append(rest)
            return
        delta = choice.setdefault("delta", {})
        if rest:
            delta["content"] = (delta.get("content") or "") + rest
            self.collected.append(rest)
        pending = [(index, restorer.flush()) for index, restorer in sorted(self.tools.items())]
        extra = [{"index": index, "function": {"arguments": text}} for index, text in pending if text]
        if extra:
            delta["tool_calls"] = list(delta.get("tool_calls") or []) + extra


def _restore_chunk(chunk: dict[str, Any], choices: dict[int, _ChoiceRestorers], session: Session) -> None:
    for choice in chunk.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        index = int(choice.get("index") or 0)
        state = choices.get(index)
        if state is None:
            state = choices[index] = _ChoiceRestorers(session)
        field = "text" if "text" in choice and "delta" not in choice else "delta"
        if field == "text":
            if isinstance(choice.get("text"), str):
                piece = state.text.feed(choice["text"])
                choice["text"] = piece
                state.collected.append(piece)
        else:
            delta = choice.get("delta")
            if isinstance(delta, dict):
                if isinstance(delta.get("content"), str):
                    piece = state.text.feed(delta["content"])
                    delta["content"] = piece
                    state.collected.append(piece)
                for call in delta.get("tool_calls") or []:
                    function = call.get("function") if isinstance(call, dict) else None
                    if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                        restorer = state.tool(int(call.get("index") or 0))
                        function["arguments"] = restorer.feed(function["arguments"])
        if choice.get("finish_reason"):
            state.finish_reason = choice["finish_reason"]
            # The finish chunk carries whatever the restorers still hold: the client must see
            # every character before it learns the choice is complete.
            state.flush_into(choice, field)


def _answer_bytes(chunk: dict[str, Any]) -> int:
    """UTF-8 bytes of the answer text and tool-call arguments in a chunk, as the provider sent them."""
    size = 0
    for choice in chunk.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        delta = choice.get("delta")
        pieces = [choice.get("text")]
        if isinstance(delta, dict):
            pieces.append(delta.get("content"))
            for call in delta.get("tool_calls") or []:
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict):
                    pieces.append(function.get("arguments"))
        size += sum(len(piece.encode()) for piece in pieces if isinstance(piece, str))
    return size


def _is_usage_chunk(chunk: dict[str, Any]) -> bool:
    return not chunk.get("choices") and isinstance(chunk.get("usage"), dict)


def _sse(data: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(data) + b"\n\n"


async def _relay(
    exchange: Exchange,
    opened: client.ProviderStream,
    session: Session,
    wants_usage: bool,
) -> AsyncIterator[bytes]:
    """Restore and forward the provider's chunks; ``[DONE]`` only after the answer's record."""
    choices: dict[int, _ChoiceRestorers] = {}
    usage_chunk: dict[str, Any] | None = None
    last: dict[str, Any] | None = None
    try:
        async for chunk in opened.chunks():
            last = chunk
            if _is_usage_chunk(chunk):
                exchange.usage = chunk["usage"]
                usage_chunk = chunk
                continue
            if isinstance(chunk.get("usage"), dict):
                exchange.usage = chunk["usage"]  # providers that report usage on the last choice chunk
            exchange.streamed_bytes += _answer_bytes(chunk)
            if not exchange.first_token:
                exchange.first_token = time.perf_counter()
            _restore_chunk(chunk, choices, session)
            yield _sse(chunk)
        # A choice the provider never finished still gets what its restorer holds.
        tail = [(i, s) for i, s in sorted(choices.items()) if not s.flushed]
        if tail and last is not None:
            closing = {k: v for k, v in last.items() if k not in ("choices", "usage")}
            closing["choices"] = []
            for index, state in tail:
                field = "text" if exchange.endpoint == "completions" else "delta"
                choice: dict[str, Any] = {"index": index, "finish_reason": None}
                if field == "delta":
                    choice["delta"] = {}
                state.flush_into(choice, field)
                closing["choices"].append(choice)
            yield _sse(closing)
        if usage_chunk is not None and wants_usage:
            yield _sse(usage_chunk)
        if opened.finished:
            exchange.status = 200
        else:
            exchange.status, exchange.error = 502, "the provider's stream ended early"
    except httpx.TimeoutException:
        exchange.status, exchange.error = 504, "provider timeout mid-stream"
    except (httpx.HTTPError, StreamError) as exc:
        exchange.status, exchange.error = 502, f"provider stream broke: {type(exc).__name__}"
    except BaseException:
        # The client went away (CancelledError) or the worker is stopping: closing the
        # provider's response makes it stop generating.
        exchange.finish(499, "client disconnected")
        recording.response_finished_later(exchange, _texts(choices))
        await opened.aclose()
        raise
    await opened.aclose()
    if exchange.status == 200 and exchange.endpoint != "embeddings":
        await _validate(
            exchange,
            opened.target,
            _texts(choices),
            [choices[i].finish_reason for i in sorted(choices)],
            calls_tools=any(state.tools for state in choices.values()),
        )
    exchange.finish(exchange.status, exchange.error)
    mode = exchange.caller.audit_content if exchange.caller else "none"
    try:
        await recording.response_finished(
            exchange,
            _texts(choices) if mode != "none" else None,
            [choices[i].finish_reason for i in sorted(choices)],
        )
    except recording.AuditUnavailable:
        yield _sse(recording.audit_unavailable().body())
        return
    if exchange.status == 200:
        if exchange.validation:
            # SDKs skip SSE comments; a raw reader sees the verdict before [DONE].
            yield f": x-airlock-validation {exchange.validation['header']}\n\n".encode()
        yield b"data: [DONE]\n\n"
    else:
        timed_out = exchange.status == 504
        why = "stopped: nothing came within its timeout." if timed_out else f"broke: {exchange.error}"
        yield _sse(
            ApiError(
                exchange.status,
                f"The stream from provider '{opened.target.provider_name}' {why}",
                type="server_error",
                code="provider_timeout" if timed_out else "provider_stream_broken",
            ).body()
        )


def _texts(choices: dict[int, _ChoiceRestorers]) -> list[str]:
    return ["".join(choices[i].collected) for i in sorted(choices)]


async def close() -> None:
    """Close the egress connections at worker shutdown (``inference.gateway.lifespan``)."""
    await client.close_all()
