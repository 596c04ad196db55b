"""The OpenAI-compatible ``/v1`` API: the request path of DESIGN.md, step by step.

These handlers take the method, headers and body and return a ``Reply``; ``inference.gateway``
is the thin ASGI edge that feeds them and writes their replies. They are not Django views
on purpose: Django's ASGI handler starts a thread context per request, which on two cores
capped the gateway at under 300 requests/s (see bench/gateway_overhead.py).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx2 as httpx
import orjson
from django.conf import settings

from inference import database, egress, embeddings, metrics, recording, routing, schemas
from inference.auth import Caller, authenticate
from inference.errors import ApiError, Reply, no_backend
from inference.providers import keyfile
from inference.quotas import gate as quotas
from inference.upstream import client, fresh_client, upstream_timeout
from semcache import service as semcache

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
    # Step 4's attempts in order ({"target": label, "outcome": ...}), which one answered
    # (``x-airlock-served-by``), and why the first target was chosen (route, canary, default...).
    route_attempts: list[dict[str, str]] = field(default_factory=list)
    served_by: str | None = None
    route_choice: str | None = None
    # What a stream relayed before it ended, for a stream that brings no usage figure (the
    # client hung up): answer events from a local backend (vLLM sends one per token), and
    # UTF-8 bytes of answer text from a provider (whose events carry several tokens).
    streamed_events: int = 0
    streamed_bytes: int = 0
    # perf_counter() when the request was forwarded and when its first answer event came (metrics).
    forwarded: float = 0.0
    first_token: float = 0.0
    metered: bool = False  # counted for /metrics (once, even if an error follows the answer)
    # Output validation (quality.inline) of a local answer: the problems found, whether the one
    # retry on the next target was spent, and whether another target is left to retry on.
    validation: dict[str, Any] | None = None
    validation_retried: bool = False
    more_targets: bool = False
    # Answered from the semantic cache: the tokens the cached answer cost (the usage ledger).
    cache_tokens_saved: int = 0

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


_random = bytearray()
# A forked child must not hand out the ids its parent had drawn but not used.
os.register_at_fork(after_in_child=_random.clear)


def new_request_id() -> str:
    """``req_`` and 128 random bits, as hex. The bits come from the OS 4 KiB at a time: a
    system call per request (``uuid4``) cost as much as the rest of making the id."""
    if not _random:
        _random.extend(os.urandom(4096))
    bits = _random[-16:]
    del _random[-16:]
    return f"req_{bits.hex()}"


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
    headers: dict[str, str] | None = None,
) -> Reply:
    """Steps 1-6 for a completion request. ``raw_body`` is None when it exceeded the limit.

    ``headers`` (names in lower case) carry a route's session header, for stickiness.
    """
    exchange = Exchange(request_id=request_id, endpoint=endpoint, client_ip=client_ip)
    try:
        exchange.caller = await authenticate(authorization)
        if raw_body is None:
            raise too_large()
        body, parsed = schemas.parse(raw_body, ENDPOINTS[endpoint])
        exchange.body = body
        exchange.model = parsed.model
        exchange.stream = bool(parsed.stream)
        await _refuse_stream_if_gated(exchange)
        plan = await _plan_for(exchange.caller, parsed.model, body, headers or {})
        exchange.route_choice = plan.choice
        # A chat model cannot embed nor an embedding model chat (one vLLM runner per process).
        embeddings.check_kind(endpoint, parsed.model, await embeddings.embedding_models())
        # Step 2: reserve the request's maximum on every quota, or 429; settled when it ends.
        # Egress budgets are reserved for whatever external target the plan may reach.
        exchange.reservation = await quotas.reserve(
            exchange, parsed, external=plan.first or plan.fallback, external_first=plan.first is not None
        )
        if not exchange.reservation.egress_allowed and plan.fallback is not None:
            exchange.route_attempts.append(
                {"target": plan.fallback.label, "outcome": "skipped: egress budget or price"}
            )
            plan = dataclasses.replace(plan, fallback=None)
        # Step 3: the application's semantic cache (after the key, model and quota checks).
        probe = await semcache.lookup(exchange, body, plan, headers or {})
        answer = semcache.serve(exchange, probe) if probe.hit else _answer(exchange, body, plan)
        reply = await quotas.settled(exchange, answer)
        return semcache.remember(exchange, probe, await _review_gate(exchange, reply))
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


async def _refuse_stream_if_gated(exchange: Exchange) -> None:
    """An application with a review gate cannot stream: a streamed answer cannot be held."""
    from quality import gate

    await gate.refuse_stream_if_gated(exchange.caller, exchange.stream)


async def _review_gate(exchange: Exchange, reply: Reply) -> Reply:
    """The answer, or a 202 pending reply when the application's review gate holds it (``quality.gate``)."""
    from quality import gate

    if exchange.endpoint == "embeddings":
        return reply
    version = exchange.target.version if exchange.target is not None and exchange.external is None else ""
    user = (exchange.body or {}).get("user")
    return await gate.gated(
        exchange.caller,
        exchange.request_id,
        exchange.model or "",
        version,
        reply,
        subject_id=user if isinstance(user, str) and user else None,
    )


def too_large() -> ApiError:
    limit = settings.AIRLOCK_MAX_BODY_BYTES
    return ApiError(413, f"The request body is larger than {limit} bytes.", code="request_too_large")


async def _plan_for(
    caller: Caller, model: str, body: dict[str, Any], headers: dict[str, str]
) -> routing.Plan:
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
        return routing.Plan(local=[], first=external, choice="external")
    plan = routing.plan(table, model, body, headers)
    if not plan.local and plan.first is None and plan.fallback is None:
        raise no_backend(model, RETRY_AFTER_SECONDS)
    return plan


# --- Step 4: the attempts of one request, in the plan's order ---


class _Failed(Exception):
    """One attempt failed in a way the next target may succeed (fallback fires).

    ``error`` is what the client gets if no later target answers; ``outcome`` what the audit
    record says of this attempt.
    """

    def __init__(self, error: ApiError, outcome: str) -> None:
        super().__init__(outcome)
        self.error = error
        self.outcome = outcome


# Statuses of a backend that another backend may not give: overload, faults, and a backend that
# does not know the model or refuses the gateway's key (its configuration, not the request).
_FALLBACK_STATUSES = frozenset({401, 403, 404, 408, 429})


def _falls_back(status: int) -> bool:
    return status >= 500 or status in _FALLBACK_STATUSES


def _attempt(exchange: Exchange, label: str) -> dict[str, str]:
    entry = {"target": label, "outcome": "answered"}
    exchange.route_attempts.append(entry)
    exchange.served_by = label
    return entry


def _failed(exchange: Exchange, entry: dict[str, str], outcome: str) -> None:
    entry["outcome"] = outcome
    exchange.served_by = None
    log.warning(
        "request %s: %s failed (%s); trying the next target", exchange.request_id, entry["target"], outcome
    )


def _served(reply: Reply, label: str) -> Reply:
    reply.headers.append((b"x-airlock-served-by", label.encode()))
    return reply


async def _answer(exchange: Exchange, body: dict[str, Any], plan: routing.Plan) -> Reply:
    """Try the plan's targets in order until one answers; every attempt is on record.

    A fallback passes every step a first attempt does: the egress path redacts and records
    its own request (``inference.egress.handle``), and the one reservation made for the
    request is settled for whichever target answered.
    """
    last: ApiError | None = None
    if plan.first is not None:
        entry = _attempt(exchange, plan.first.label)
        _charge(exchange, plan.first)
        try:
            return _served(await egress.handle(exchange, body, plan.first), plan.first.label)
        except ApiError as exc:
            if not plan.local:
                raise
            # The request stays inside: nothing is lost by trying the local targets.
            _failed(exchange, entry, f"{exc.status} {exc.code or 'error'}")
            last = exc
            exchange.external, exchange.egress = None, None
            _charge(exchange, None)
    if plan.local:
        # Reserved at the fallback's price (egress budgets); charged as local unless it is used.
        _charge(exchange, None)
        if not exchange.recorded:
            # Fail-closed: nothing is forwarded unless its record is committed.
            await recording.request_received(exchange)
        for index, target in enumerate(plan.local):
            entry = _attempt(exchange, target.label)
            exchange.more_targets = index + 1 < len(plan.local)
            try:
                if exchange.stream:
                    reply = await _stream(exchange, body, target)
                else:
                    reply = await _complete(exchange, body, target)
                return _served(reply, target.label)
            except _Failed as failed:
                _failed(exchange, entry, failed.outcome)
                last = failed.error
    if plan.fallback is not None:
        if await _egress_permitted(exchange, plan.fallback):
            entry = _attempt(exchange, plan.fallback.label)
            exchange.target = None
            _charge(exchange, plan.fallback)
            try:
                return _served(await egress.handle(exchange, body, plan.fallback), plan.fallback.label)
            except ApiError as exc:
                entry["outcome"] = f"{exc.status} {exc.code or 'error'}"
                exchange.served_by = None
                raise
        exchange.route_attempts.append(
            {"target": plan.fallback.label, "outcome": "skipped: egress not permitted"}
        )
    if last is None:
        last = no_backend(exchange.model or "?", RETRY_AFTER_SECONDS)
    raise last


async def _egress_permitted(exchange: Exchange, target: routing.ExternalTarget) -> bool:
    """Whether the egress policy lets this request's application reach ``target`` at all.

    Checked before a fallback is tried, so a route whose egress is off never even prepares an
    external request; the egress gate checks again (and redacts) when one is sent.
    """
    from redaction import policy as policies

    caller = exchange.caller
    effective = await policies.effective(caller.application_id if caller else None)
    return effective.enabled and effective.allows(target.provider_name) and target.is_enabled


def _charge(exchange: Exchange, external: routing.ExternalTarget | None) -> None:
    """Settle the request's one reservation as the target that is about to be tried: the
    ledger row names the route and provider that answered, priced at that model's rate."""
    res = exchange.reservation
    if res is None:
        return
    if external is None:
        res.route, res.provider, res.price = "local", "", None
    else:
        res.route, res.provider = "egress", external.provider_name
        res.price = res.pricing.prices.get(external.model)


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


_backend_keys: dict[str, tuple[tuple[int, int, int], str]] = {}


def backend_key(path: str) -> str:
    """A backend's API key, read from its file when the file changed (one ``stat`` per request)."""
    info = os.stat(path)
    stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
    cached = _backend_keys.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    key = keyfile.read(path)
    _backend_keys[path] = (stamp, key)
    return key


async def _send(
    exchange: Exchange, body: dict[str, Any], target: routing.Target, *, stream: bool
) -> httpx.Response:
    """Send to ``target``; a refused connection, a timeout or a broken one raise ``_Failed``."""
    pool = client()
    headers = {"Content-Type": "application/json", "X-Request-Id": exchange.request_id}
    if target.api_key_file:
        try:
            headers["Authorization"] = f"Bearer {backend_key(target.api_key_file)}"
        except (keyfile.KeyFileRefused, OSError, UnicodeDecodeError) as exc:
            log.error("the API key of backend %s cannot be read: %s", target.backend_name, exc)
            raise _Failed(
                no_backend(exchange.model or "?", RETRY_AFTER_SECONDS), "backend key unreadable"
            ) from None
    # A Request built directly, not through build_request: the client merges no cookies,
    # base URL or default headers into it, and the URL is parsed once per backend and
    # endpoint. That was a twentieth of the request path's CPU (bench/gateway_profile.py).
    upstream_request = httpx.Request(
        "POST",
        _upstream_url(target.base_url, exchange.endpoint),
        content=_payload(body, target, stream=stream),
        headers=headers,
        extensions={"timeout": _timeout_extension()},
    )
    exchange.attempts += 1
    exchange.forwarded = time.perf_counter()
    exchange.target = target
    try:
        try:
            response = await pool.send(upstream_request, stream=True)
        except _CLOSED_UNDER_REQUEST as exc:
            # The connection closed before any answer: most often an idle keep-alive connection
            # the backend dropped as it was reused. Send once more, on a new connection.
            log.info(
                "request %s: connection to %s closed before an answer (%s); sending again",
                exchange.request_id,
                target.backend_name,
                type(exc).__name__,
            )
            response = await fresh_client().send(upstream_request, stream=True)
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
        routing.mark_down(target)
        raise _Failed(
            no_backend(exchange.model or "?", RETRY_AFTER_SECONDS), f"connection failed: {type(exc).__name__}"
        ) from None
    except httpx.TimeoutException:
        raise _Failed(_timeout(), "timeout") from None
    except httpx.HTTPError as exc:
        raise _Failed(
            _bad_gateway(f"the backend failed: {exc!r}"), f"connection broke: {type(exc).__name__}"
        ) from None
    routing.mark_up(target)
    return response


_urls: dict[tuple[str, str], httpx.URL] = {}


def _upstream_url(base_url: str, endpoint: str) -> httpx.URL:
    found = _urls.get((base_url, endpoint))
    if found is None:
        if len(_urls) >= 4096:  # backends come and go; the cache must not grow without end
            _urls.clear()
        found = _urls[(base_url, endpoint)] = httpx.URL(f"{base_url}/v1/{endpoint}")
    return found


_timeout_extensions: dict[int, tuple[httpx.Timeout, dict[str, float | None]]] = {}


def _timeout_extension() -> dict[str, float | None]:
    """The request's timeouts as httpx's transport reads them (settings can change live)."""
    timeout = upstream_timeout()
    cached = _timeout_extensions.get(id(timeout))
    if cached is None or cached[0] is not timeout:
        cached = _timeout_extensions[id(timeout)] = (timeout, timeout.as_dict())
    return cached[1]


# Raised by a send whose connection closed (FIN or reset) before a byte of the answer.
_CLOSED_UNDER_REQUEST = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


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


async def _refused(response: httpx.Response) -> Exception:
    """A backend's non-200: ``_Failed`` when another target may do better, else the client's error."""
    error = await _upstream_error(response)
    if _falls_back(response.status_code):
        return _Failed(error, f"status {response.status_code}")
    return error


def _is_empty(data: dict[str, Any], answers: str) -> bool:
    """No answer at all: no choices, or only empty texts without tool calls (embeddings: no data)."""
    items = data.get(answers) or []
    if not items:
        return True
    if answers == "data":
        return False
    for choice in items:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        if isinstance(message, dict):
            if message.get("content") or message.get("tool_calls") or message.get("function_call"):
                return False
            if message.get("reasoning_content"):
                return False
        elif choice.get("text"):
            return False
    return True


async def _complete(exchange: Exchange, body: dict[str, Any], target: routing.Target) -> Reply:
    response = await _send(exchange, body, target, stream=False)
    try:
        if response.status_code != 200:
            raise await _refused(response)
        try:
            raw = await response.aread()
        except httpx.TimeoutException:
            raise _Failed(_timeout(), "timeout") from None
        except httpx.HTTPError as exc:
            raise _Failed(_bad_gateway(f"the connection broke: {exc!r}"), "connection broke") from None
    finally:
        await response.aclose()
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise _Failed(_bad_gateway("the answer is not JSON"), "malformed answer") from None
    answers = "data" if exchange.endpoint == "embeddings" else "choices"
    if not isinstance(data, dict) or not isinstance(data.get(answers), list):
        raise _Failed(_bad_gateway(f"the answer has no '{answers}'"), "empty completion")
    if _is_empty(data, answers):
        raise _Failed(_bad_gateway("the answer is empty"), "empty completion")
    usage = data.get("usage")
    exchange.usage = usage if isinstance(usage, dict) else None
    if exchange.usage is not None and answers == "data":
        # OpenAI's embedding usage has no completion_tokens; metering counts them as 0.
        exchange.usage = {"completion_tokens": 0, **exchange.usage}
    texts, reasons = recording.choices_text(data)
    if answers == "choices":
        await _validate(exchange, body, target, texts, reasons, calls_tools=_whole_calls_tools(data))
    exchange.finish(200)
    try:
        # The answer is released only once its record is committed.
        await recording.response_finished(exchange, texts, reasons)
    except recording.AuditUnavailable:
        raise recording.audit_unavailable() from None
    # The backend's bytes go back unchanged: re-serialising would only cost time.
    reply = Reply(200, raw, request_id=exchange.request_id)
    if exchange.validation:
        # The client sees that the answer failed validation (and why), with the answer itself.
        reply.headers.append((b"x-airlock-validation", exchange.validation["header"].encode()))
    return reply


async def _validate(
    exchange: Exchange,
    body: dict[str, Any],
    target: routing.Target,
    texts: list[str] | None,
    reasons: list[str | None] | None,
    *,
    calls_tools: bool = False,
) -> None:
    """Check a local answer by its application's validation policy (``quality``).

    A failure is recorded and counted (and may take the deployment out of routing); when the
    policy asks for it and another target is left, the request is tried once more there.
    An answer that only calls tools has no text to validate (its answer is the calls).
    """
    from quality import inline

    if calls_tools and not "".join(texts or []).strip():
        exchange.validation = None
        return
    caller = exchange.caller
    response_format = body.get("response_format")
    verdict = await inline.check_answer(
        "\n".join(texts or []),
        application_id=caller.application_id if caller else None,
        model_id=None,
        model_name=exchange.model or "",
        target=target.backend_name,
        deployment_id=target.deployment_id,
        response_format=response_format if isinstance(response_format, dict) else None,
        finish_reason=(reasons or [None])[0],
        request_id=exchange.request_id,
        retried=exchange.validation_retried,
    )
    exchange.validation = inline.failure_note(verdict, retried=exchange.validation_retried)
    if exchange.validation is None:
        return
    codes = exchange.validation["problems"]
    if verdict.retry and exchange.more_targets and not exchange.validation_retried:
        exchange.validation_retried = True
        raise _Failed(
            _bad_gateway(f"the answer failed validation ({', '.join(codes)})"),
            f"validation failed: {', '.join(codes)}",
        )


async def _batches(response: httpx.Response) -> AsyncIterator[list[bytes]]:
    """The backend's SSE events, whole events at a time, as many as each read brought."""
    buffer = b""
    async for chunk in response.aiter_raw():
        buffer += chunk
        if b"\n\n" not in buffer:
            continue
        *events, buffer = buffer.split(b"\n\n")
        yield events
    if buffer.strip():
        yield [buffer]


def _starts_answer(events: list[bytes]) -> bool:
    """Whether these events carry the first piece of an answer (text, a tool call)."""
    for event in events:
        if event.strip() == b"data: [DONE]" or _is_usage_event(event):
            continue
        try:
            data = orjson.loads(event.removeprefix(b"data:").strip())
        except orjson.JSONDecodeError:
            continue
        for choice in data.get("choices") or [] if isinstance(data, dict) else []:
            if not isinstance(choice, dict):
                continue
            delta = choice.get("delta")
            if isinstance(delta, dict) and (
                delta.get("content") or delta.get("tool_calls") or delta.get("reasoning_content")
            ):
                return True
            if choice.get("text"):
                return True
    return False


async def _stream(exchange: Exchange, body: dict[str, Any], target: routing.Target) -> Reply:
    """Open the stream and read up to its first token: until then another target may answer.

    Once a token is on its way to the client the stream is never switched; a failure after
    it ends the stream with an error event (``_relay``).
    """
    response = await _send(exchange, body, target, stream=True)
    if response.status_code != 200:
        raise await _refused(response)
    batches = _batches(response)
    held: list[list[bytes]] = []
    started = False
    try:
        async for batch in batches:
            held.append(batch)
            if _starts_answer(batch):
                started = True
                break
    except httpx.TimeoutException:
        await response.aclose()
        raise _Failed(_timeout(), "timeout before the first token") from None
    except httpx.HTTPError as exc:
        await response.aclose()
        raise _Failed(
            _bad_gateway("the stream broke"), f"stream broke before the first token: {type(exc).__name__}"
        ) from None
    except BaseException:
        await response.aclose()
        raise
    if not started:
        await response.aclose()
        raise _Failed(_bad_gateway("the stream ended without an answer"), "empty completion")
    wants_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    return Reply(
        200,
        b"",
        content_type=b"text/event-stream; charset=utf-8",
        # nginx must not buffer tokens
        headers=[(b"cache-control", b"no-cache"), (b"x-accel-buffering", b"no")],
        request_id=exchange.request_id,
        stream=_relay(exchange, response, wants_usage, _replayed(held, batches)),
    )


async def _replayed(held: list[list[bytes]], rest: AsyncIterator[list[bytes]]) -> AsyncIterator[list[bytes]]:
    for batch in held:
        yield batch
    async for batch in rest:
        yield batch


async def _relay(
    exchange: Exchange,
    response: httpx.Response,
    wants_usage: bool,
    batches: AsyncIterator[list[bytes]] | None = None,
) -> AsyncIterator[bytes]:
    """Forward SSE events as they come, whole events at a time, capturing the usage chunk.

    The final ``data: [DONE]`` is held back until the answer's audit record is committed; if
    it cannot be, the client gets an error event instead, so a stream never ends cleanly
    without its record. A stream that breaks, or ends without ``[DONE]``, after tokens were
    sent ends with an error event: it is never switched to another target.
    """
    mode = exchange.caller.audit_content if exchange.caller else "none"
    collect = mode != "none"
    # The text is read for output validation too, whatever the audit log keeps of it.
    validate = exchange.endpoint != "embeddings" and exchange.target is not None
    texts: dict[int, list[str]] = {}
    reasons: dict[int, str | None] = {}
    tools: set[int] = set()  # choices that called a tool
    saw_done = False
    if batches is None:
        batches = _batches(response)
    try:
        async for events in batches:
            out = []
            for event in events:
                if event.strip() == b"data: [DONE]":
                    saw_done = True
                    continue
                if not event.strip():
                    continue
                if _is_usage_event(event):
                    exchange.usage = _usage_of(event)
                    if not wants_usage:
                        continue
                else:
                    exchange.streamed_events += 1
                    if not exchange.first_token:
                        exchange.first_token = time.perf_counter()
                    if collect or validate:
                        _collect(event, texts, reasons, tools)
                out.append(event + b"\n\n")
            if out:
                yield b"".join(out)
        if saw_done:
            exchange.status = 200
        else:
            exchange.status, exchange.error = 502, "the backend's stream ended before [DONE]"
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
    if exchange.status != 200 and exchange.route_attempts:
        exchange.route_attempts[-1]["outcome"] = f"failed mid-stream: {exchange.error}"
    if exchange.status == 200 and validate and exchange.target is not None:
        # Too late to retry a stream: the failure is recorded and counted, and the client is
        # told in an SSE comment before [DONE] (SDKs skip comments; raw readers see it).
        exchange.validation_retried = True
        await _validate(
            exchange,
            exchange.body or {},
            exchange.target,
            _joined(texts),
            [reasons.get(i) for i in sorted(texts)],
            calls_tools=bool(tools),
        )
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
    else:
        if exchange.validation:
            yield f": x-airlock-validation {exchange.validation['header']}\n\n".encode()
        yield b"data: [DONE]\n\n"


def _collect(
    event: bytes,
    texts: dict[int, list[str]],
    reasons: dict[int, str | None],
    tools: set[int] | None = None,
) -> None:
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
        if tools is not None and isinstance(delta, dict) and delta.get("tool_calls"):
            tools.add(index)


def _whole_calls_tools(data: dict[str, Any]) -> bool:
    from quality import inline

    return inline.calls_tools(data)


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
