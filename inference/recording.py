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
import datetime as dt
import functools
import logging
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from audit.envelope import KeyedHash
from audit.events import Event
from audit.log import AuditUnavailable, record, writer
from audit.models import AuditRecord

__all__ = [
    "AuditUnavailable",
    "after_error",
    "client_gone",
    "request_received",
    "response_finished",
    "sweep_lost_requests",
]
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
    # Keyed (HMAC-SHA256 under a key derived from the record's data key), never a plain hash:
    # a short or templated prompt could be confirmed by hashing guesses.
    return {"chars": len(text), "hmac_sha256": KeyedHash(text)}


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


def _routing(exchange: Exchange, status: int) -> dict[str, Any]:
    """Step 4's part of a record: why the target was chosen, every attempt, and who answered."""
    attempts = [dict(attempt) for attempt in getattr(exchange, "route_attempts", None) or []]
    if not attempts:
        return {}
    if status != 200 and attempts[-1]["outcome"] == "answered":
        # The last target began answering, then the answer failed or the client left.
        attempts[-1]["outcome"] = "client gone" if status == CLIENT_GONE else f"failed ({status})"
    return {
        "route_choice": exchange.route_choice,
        "served_by": exchange.served_by if status == 200 else None,
        "route_attempts": attempts,
    }


def _validation(exchange: Exchange) -> dict[str, Any]:
    """Output validation's verdict on an answer (local or external) that failed it (quality.inline)."""
    found = getattr(exchange, "validation", None)
    if not found:
        return {}
    return {"validation": {k: v for k, v in found.items() if k != "header"}}


def _prior_attempts(exchange: Exchange) -> dict[str, Any]:
    """A fallback's request record (the egress path writes its own) names the attempts before it."""
    attempts = getattr(exchange, "route_attempts", None) or []
    if len(attempts) < 2:
        return {}
    return {"route_attempts": [dict(attempt) for attempt in attempts[:-1]]}


def _host_boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def process_start(pid: int) -> int | None:
    """When process ``pid`` started, in clock ticks since the host booted (None if it is gone).

    With the host's boot id this tells a live worker from a dead one whose pid was reused.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: count from its closing one.
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[19])


@functools.lru_cache(maxsize=1)
def _identity(pid: int) -> tuple[tuple[str, Any], ...]:
    return (
        ("host", socket.gethostname()),
        ("boot", _host_boot_id()),
        ("pid", pid),
        ("started", process_start(pid)),
    )


def worker_identity() -> dict[str, Any]:
    """Which worker process writes a request's record: host, host boot id, pid, process start.

    Kept in every request record so that the next worker to start can tell a request whose
    worker died (no outcome will ever come) from one a live sibling worker is still serving.
    """
    return dict(_identity(os.getpid()))


def _alive(worker: dict[str, Any]) -> bool | None:
    """Whether the worker that wrote a record still runs; None when this host cannot tell."""
    me = worker_identity()
    if worker.get("host") != me["host"]:
        return None  # another node's worker: only that node knows
    if worker.get("boot") != me["boot"]:
        return False  # the host rebooted since
    pid = worker.get("pid")
    return isinstance(pid, int) and process_start(pid) == worker.get("started")


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
        "worker": worker_identity(),
        **_egress(exchange),
        **_prior_attempts(exchange),
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


CLIENT_GONE = 499  # nginx's code for a client that closed the connection first


def _outcome(
    exchange: Exchange,
    texts: list[str] | None,
    finish_reasons: list[str | None] | None,
    *,
    gone: bool = False,
) -> dict[str, Any]:
    mode = exchange.caller.audit_content if exchange.caller else "none"
    target = exchange.target
    status, error = exchange.status, exchange.error
    if gone:
        # Not set on the exchange: quota settlement reads its status, and a whole answer the
        # client left before it began is released, not charged.
        status, error = CLIENT_GONE, "the client disconnected before the answer was complete"
    if status == CLIENT_GONE:
        outcome = "client_gone"
    else:
        outcome = "completed" if status == 200 and not error else "failed"
    meta = {
        "outcome": outcome,
        "endpoint": exchange.endpoint,
        "model": exchange.model,
        "route": "egress" if exchange.external else "local",
        "status": status,
        "error": error,
        "latency_ms": round(exchange.elapsed_ms(), 2),
        # Time to the first answer event of a stream (a whole answer's is its latency): the
        # canary comparison (inference.canary) reads it per version from these records.
        "ttft_ms": (
            round((exchange.first_token - exchange.started) * 1000, 2) if exchange.first_token else None
        ),
        "usage": exchange.usage,
        "backend": target.backend_name if target else None,
        "model_version": target.version if target else None,
        "model_version_id": target.model_version_id if target else None,
        "stream": exchange.stream,
        **_egress(exchange),
        **_routing(exchange, status),
        **_validation(exchange),
    }
    content = response_content(mode, texts, finish_reasons or []) if texts is not None else None
    return {**_base(exchange), "meta": meta, "content": content}


async def response_finished(
    exchange: Exchange, texts: list[str] | None = None, finish_reasons: list[str | None] | None = None
) -> None:
    """Commit the record of the answer; raises ``AuditUnavailable`` if it cannot be."""
    exchange.outcome_recorded = True
    await writer().write(Event.INFERENCE_RESPONSE, **_outcome(exchange, texts, finish_reasons))


def response_finished_later(
    exchange: Exchange, texts: list[str] | None = None, *, gone: bool = False
) -> None:
    """For a client that left mid-answer: record it without making anyone wait."""
    exchange.outcome_recorded = True

    async def run() -> None:
        try:
            await writer().write(Event.INFERENCE_RESPONSE, **_outcome(exchange, texts, None, gone=gone))
        except AuditUnavailable:
            log.error("could not record the end of abandoned request %s", exchange.request_id)

    task = asyncio.get_running_loop().create_task(run())
    _background.add(task)
    task.add_done_callback(_background.discard)


def client_gone(exchange: Exchange) -> None:
    """The client hung up before its whole answer was ready: its outcome is ``client_gone``.

    (A stream the client leaves is recorded by its relay, with what it had relayed.)
    """
    if exchange.outcome_recorded:
        return  # it left while the answer's own record was being written
    response_finished_later(exchange, gone=True)


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


# --- Requests whose worker died ---


_SWEEP_LOCK = 0x41495257  # "AIRW": the advisory lock of the lost-request sweep


def sweep_lost_requests(now: dt.datetime | None = None) -> int:
    """Close, with an outcome ``worker_lost``, the requests whose worker died mid-answer.

    A worker killed mid-stream (OOM, SIGKILL, a crash) writes no outcome for what it was
    serving. Each worker runs this as it starts: request records of the last
    ``AIRLOCK_AUDIT_LOST_LOOKBACK_HOURS`` without an outcome, written by a worker of this host
    that no longer runs, get one. Records of live sibling workers (still serving) and of
    other hosts (this one cannot tell) are left alone. Returns how many were closed.
    """
    now = now or timezone.now()
    since = now - dt.timedelta(hours=settings.AIRLOCK_AUDIT_LOST_LOOKBACK_HOURS)
    # Serialised (an advisory lock on PostgreSQL; SQLite's write transactions are serial):
    # two workers starting together close each request once.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SWEEP_LOCK])
        # One statement, through the request-id index: only requests that have no outcome.
        ended = AuditRecord.objects.filter(
            event__in=[Event.INFERENCE_RESPONSE, Event.INFERENCE_REFUSED], request_id=OuterRef("request_id")
        ).exclude(request_id="")
        pending = (
            AuditRecord.objects.filter(event=Event.INFERENCE_REQUEST, created_at__gte=since)
            .exclude(request_id="")
            .filter(~Exists(ended))
            .values_list("request_id", "application_id", "target_type", "target_id", "subject", "body")
        )
        closed = 0
        for request_id, app_id, target_type, target_id, subject, body in pending.iterator(chunk_size=500):
            meta = orjson.loads(body).get("meta") or {}
            worker = meta.get("worker")
            if not isinstance(worker, dict) or _alive(worker) is not False:
                continue
            record(
                Event.INFERENCE_RESPONSE,
                request_id=request_id,
                application_id=app_id,
                target=(target_type, target_id),
                meta={
                    "outcome": "worker_lost",
                    "endpoint": meta.get("endpoint"),
                    "model": meta.get("model"),
                    "route": meta.get("route"),
                    "status": None,
                    "error": "the worker serving this request stopped before the answer was complete",
                    "worker": worker,
                    "found_by": worker_identity(),
                },
                subject_pseudonym=subject,
            )
            closed += 1
    if closed:
        log.warning("closed %d request(s) of worker(s) that died mid-answer (worker_lost)", closed)
    return closed
