"""Step 5 of the request path: what the audit log keeps of each /v1 request.

Before anything is forwarded the request is recorded and the record committed; if that
fails the request is refused (fail-closed). When the answer ends — completed, failed, or
abandoned by the client — its record follows; a non-streamed answer is released, and a
streamed one gets its final ``[DONE]``, only after that record is committed.

What is kept of prompts and answers depends on the application's ``audit_content`` mode:
``none`` (sizes and outcome only), ``metadata`` (per-message lengths and hashes) or ``full``
(the text); content of either kind is encrypted (``audit.envelope``). The end user named in
``user`` is kept only as a keyed-hash pseudonym.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import TYPE_CHECKING, Any

from audit.events import Event
from audit.log import AuditUnavailable, writer

__all__ = ["AuditUnavailable", "after_error", "request_received", "response_finished"]
from inference.errors import ApiError

if TYPE_CHECKING:
    from inference.views import Exchange

log = logging.getLogger("airlock.gateway")

_PARAMS = (
    "temperature",
    "top_p",
    "max_tokens",
    "max_completion_tokens",
    "n",
    "seed",
    "presence_penalty",
    "frequency_penalty",
    "stream",
)
_background: set[asyncio.Task[None]] = set()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in value)
    return str(value)


def _digest(text: str) -> dict[str, Any]:
    return {"chars": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest()}


def request_content(mode: str, endpoint: str, body: dict[str, Any]) -> dict[str, Any] | None:
    if mode == "full":
        return {"request": {k: v for k, v in body.items() if k != "model"}}
    if mode != "metadata":
        return None
    if endpoint == "chat/completions":
        messages = body.get("messages") or []
        return {"messages": [{"role": m.get("role"), **_digest(_text(m.get("content")))} for m in messages]}
    return {"prompt": _digest(_text(body.get("prompt")))}


def response_content(mode: str, texts: list[str], finish_reasons: list[str | None]) -> dict[str, Any] | None:
    if mode == "full":
        return {"response": {"choices": texts, "finish_reasons": finish_reasons}}
    if mode == "metadata":
        return {"response": {"choices": [_digest(t) for t in texts], "finish_reasons": finish_reasons}}
    return None


def choices_text(data: dict[str, Any]) -> tuple[list[str], list[str | None]]:
    """The texts and finish reasons of a whole (not streamed) answer, one per choice."""
    texts, reasons = [], []
    for choice in data.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        text = message.get("content") if isinstance(message, dict) else choice.get("text")
        texts.append(text if isinstance(text, str) else "")
        reasons.append(choice.get("finish_reason"))
    return texts, reasons


def _base(exchange: Exchange) -> dict[str, Any]:
    caller = exchange.caller
    return {
        "request_id": exchange.request_id,
        "application_id": caller.application_id if caller else None,
        "target": ("api_key", caller.key_prefix) if caller else ("api_key", "unknown"),
        "subject_id": (exchange.body or {}).get("user") or None,
    }


def _egress(exchange: Exchange) -> dict[str, Any]:
    """The egress path's part of a record: provider, and the gate's report (counts, never values)."""
    external = exchange.external
    if external is None:
        return {}
    found: dict[str, Any] = {"provider": external.provider_name, "remote_model": external.remote_name}
    if exchange.attempts:
        found["attempts"] = exchange.attempts
    if exchange.egress is not None:
        found["egress"] = exchange.egress.as_audit()
    return found


def _meta(exchange: Exchange) -> dict[str, Any]:
    body = exchange.body or {}
    response_format = body.get("response_format")
    return {
        "endpoint": exchange.endpoint,
        "model": exchange.model,
        "route": "egress" if exchange.external else "local",
        "source_ip": exchange.client_ip,
        "key_id": exchange.caller.key_id if exchange.caller else None,
        "params": {k: body[k] for k in _PARAMS if k in body},
        "response_format": response_format.get("type") if isinstance(response_format, dict) else None,
        **_egress(exchange),
    }


async def request_received(exchange: Exchange) -> None:
    """Commit the request's record, or refuse the request (503) before anything is forwarded."""
    mode = exchange.caller.audit_content if exchange.caller else "none"
    try:
        await writer().write(
            Event.INFERENCE_REQUEST,
            **_base(exchange),
            meta=_meta(exchange),
            content=request_content(mode, exchange.endpoint, exchange.body or {}),
        )
    except AuditUnavailable:
        raise audit_unavailable() from None
    exchange.recorded = True


def audit_unavailable() -> ApiError:
    return ApiError(
        503,
        "The audit log cannot record this request right now, so it is refused. Retry later.",
        type="server_error",
        code="audit_unavailable",
        headers={"Retry-After": "5"},
    )


def _outcome(
    exchange: Exchange, texts: list[str] | None, finish_reasons: list[str | None] | None
) -> dict[str, Any]:
    mode = exchange.caller.audit_content if exchange.caller else "none"
    target = exchange.target
    meta = {
        "endpoint": exchange.endpoint,
        "model": exchange.model,
        "route": "egress" if exchange.external else "local",
        "status": exchange.status,
        "error": exchange.error,
        "latency_ms": round(exchange.elapsed_ms(), 2),
        "usage": exchange.usage,
        "backend": target.backend_name if target else None,
        "model_version": target.version if target else None,
        "model_version_id": target.model_version_id if target else None,
        "stream": exchange.stream,
        **_egress(exchange),
    }
    content = response_content(mode, texts, finish_reasons or []) if texts is not None else None
    return {**_base(exchange), "meta": meta, "content": content}


async def response_finished(
    exchange: Exchange, texts: list[str] | None = None, finish_reasons: list[str | None] | None = None
) -> None:
    """Commit the record of the answer; raises ``AuditUnavailable`` if it cannot be."""
    await writer().write(Event.INFERENCE_RESPONSE, **_outcome(exchange, texts, finish_reasons))


def response_finished_later(exchange: Exchange, texts: list[str] | None = None) -> None:
    """For a client that left mid-answer: record it without making anyone wait."""

    async def run() -> None:
        try:
            await response_finished(exchange, texts)
        except AuditUnavailable:
            log.error("could not record the end of abandoned request %s", exchange.request_id)

    task = asyncio.get_running_loop().create_task(run())
    _background.add(task)
    task.add_done_callback(_background.discard)


async def after_error(exchange: Exchange, error: ApiError) -> None:
    """Record a refusal (or a failure after forwarding). Best effort: the answer is an error anyway."""
    if error.code == "audit_unavailable":
        return
    try:
        if exchange.recorded:
            await response_finished(exchange)
        else:
            meta = {**_meta(exchange), "status": error.status, "error_code": error.code}
            await writer().write(Event.INFERENCE_REFUSED, **_base(exchange), meta=meta)
    except AuditUnavailable:
        log.error("could not record refused request %s (%s)", exchange.request_id, error.code)
