"""Steps 2 and 6 of the request path: reserve a request's quota, then settle it.

``reserve`` runs after the model is resolved and before the request is recorded and
forwarded; it raises ``ApiError`` 429 (OpenAI's shape, ``Retry-After``, a message naming the
limit and when it resets) when any limit would be passed. ``settle`` runs once the exchange has
ended — completed, failed, or abandoned — and corrects every counter to the real usage (or
releases it after a failure), then queues the request's ledger row.

The request path stays lean: limits and prices come from per-worker caches, and each of
reserve and settle is one atomic step in Redis (one ``EVALSHA``) or in memory. No database
write happens here: the ledger row is written in the background (``ledger``).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from inference import metrics, routing
from inference.errors import ApiError, Reply
from inference.quotas import config, ledger, limiter, runaway, tokens
from inference.quotas.cost import Price, from_micro, request_costs, to_micro
from inference.quotas.limiter import Counter

if TYPE_CHECKING:
    from inference.views import Exchange

log = logging.getLogger("airlock.quotas")

_background: set[asyncio.Task[None]] = set()


@dataclass
class Reservation:
    """What a request reserved, to be settled when it ends."""

    key: str
    counters: list[Counter]
    route: str
    provider: str
    prompt_estimate: int | None
    max_completion: int
    price: Price | None
    pricing: config.Pricing
    requested_at: datetime = field(default_factory=timezone.now)
    # False when a route's external fallback could not be held to a budget (no price, or the
    # budget would be passed): the request may still be answered inside, never outside.
    egress_allowed: bool = True


async def _route_of(model: str) -> tuple[str, str]:
    """("egress", provider name) for an external model, ("local", "") otherwise."""
    table = await routing.table()
    external = getattr(table, "external", None) or {}
    target = external.get(model)
    if target is not None:
        return "egress", str(getattr(target, "provider_name", ""))
    return "local", ""


async def _folder_of(model: str) -> str | None:
    table = await routing.table()
    targets = table.targets.get(model) or ()
    return await config.model_folder(targets[0].model_version_id) if targets else None


def _iso(moment: int) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _token_counters(
    scope: str, who: str, limits: config.Limits, w: limiter.Windows, tokens_: int
) -> list[Counter]:
    out = []
    for value, kind, window, ends, name in (
        (limits.tokens_per_minute, "tpm", w.minute, w.minute_ends, "tokens per minute"),
        (limits.tokens_per_day, "tpd", w.day, w.day_ends, "tokens per day"),
        (limits.tokens_per_month, "tpmo", w.month, w.month_ends, "tokens per month"),
    ):
        if value is not None:
            out.append(
                Counter(
                    limiter.counter_key(scope, kind, window),
                    tokens_,
                    value,
                    ends + 3600,
                    name=name,
                    scope=who,
                    resets_at=ends,
                    unit="tokens",
                )
            )
    return out


def too_many(outcome: limiter.Outcome, requested: int, now: float) -> ApiError:
    """429 in OpenAI's shape, naming the limit, its use, and when its window resets."""
    counter = outcome.counter
    assert counter is not None  # noqa: S101 - only called for "over"
    limit = counter.limit or 0
    wait = max(1, int(counter.resets_at - now + 0.999))
    if counter.unit == "usd":
        used, asked, cap = (f"${from_micro(v):.2f}" for v in (outcome.value, requested, limit))
        kind, code = "budget", "budget_exceeded"
    else:
        used, asked, cap = (f"{v:,}" for v in (outcome.value, requested, limit))
        kind, code = counter.unit, "rate_limit_exceeded"
    if requested > limit:
        message = (
            f"This request alone needs {asked} but the limit of {counter.scope} on {counter.name} is "
            f"{cap}; it can never pass. Lower max_tokens or ask an administrator to raise the limit."
        )
    else:
        message = (
            f"Rate limit reached for {counter.scope} on {counter.name}: limit {cap}, used {used}, "
            f"requested {asked}. The limit resets at {_iso(counter.resets_at)} (in {wait} s)."
        )
    return ApiError(429, message, type=kind, code=code, headers={"Retry-After": str(wait)})


def suspended(app_name: str) -> ApiError:
    return ApiError(
        403,
        f"Application '{app_name}' is suspended; an administrator must re-enable it.",
        type="permission_error",
        code="application_suspended",
    )


async def reserve(
    exchange: Exchange,
    parsed: Any = None,
    *,
    external: Any = None,
    external_first: bool = True,
) -> Reservation:
    """Reserve the request's maximum on every counter that applies, or refuse it (429).

    ``external`` is the external target a route may send the request to (an ``ExternalTarget``
    drawn first, or the fallback when ``external_first`` is False): egress budgets are reserved
    for it at its model's price, so a request that leaves by a route is held to them exactly as
    a call to the external model by name. A fallback that cannot be held to them (unpriced, or
    over budget) does not refuse the request: it is reserved without egress, and
    ``egress_allowed`` tells the router to keep it inside.
    """
    caller = exchange.caller
    if caller is None or exchange.model is None:
        raise RuntimeError("reserve needs an authenticated caller and a model")
    body = exchange.body or {}
    policies = await config.policies(caller.application_id, caller.key_id)
    pricing = await config.pricing()
    route, provider = await _route_of(exchange.model)
    priced_model = exchange.model
    if route == "local" and external is not None:
        priced_model = str(getattr(external, "model", ""))
        if external_first:
            route, provider = "egress", str(getattr(external, "provider_name", ""))
    may_leave = route == "egress" or external is not None
    optional = route == "local"  # only a fallback may leave: it can be given up instead
    try:
        return await _reserve(exchange, body, policies, pricing, route, provider, priced_model, may_leave)
    except _EgressUnbudgeted:
        if not optional:
            raise
    res = await _reserve(exchange, body, policies, pricing, route, provider, priced_model, False)
    res.egress_allowed = False
    return res


class _EgressUnbudgeted(Exception):
    """An optional egress (a fallback) that no budget could hold; reserve without it."""


async def _reserve(
    exchange: Exchange,
    body: dict[str, Any],
    policies: Any,
    pricing: config.Pricing,
    route: str,
    provider: str,
    priced_model: str,
    egress: bool,
) -> Reservation:
    caller = exchange.caller
    assert caller is not None and exchange.model is not None  # noqa: S101 - checked by reserve
    optional_egress = egress and route == "local"
    price = pricing.prices.get(priced_model) if egress else None
    scopes = [
        (f"a{caller.application_id}", f"application '{caller.application_name}'", policies.app),
        (f"k{caller.key_id}", f"API key air-{caller.key_prefix}-****", policies.key),
    ]
    budgets = egress and (
        pricing.egress_cap_micro is not None
        or any(lim is not None and lim.budget_micro_per_month is not None for _, _, lim in scopes)
    )
    counts_tokens = any(lim is not None and lim.counts_tokens for _, _, lim in scopes)
    if budgets and price is None and optional_egress:
        raise _EgressUnbudgeted
    if budgets and price is None:
        raise ApiError(
            403,
            f"The model '{priced_model}' has no price, so its spending cannot be held to the budget. "
            "An administrator must set one (airlock usage prices set).",
            type="permission_error",
            code="price_unknown",
        )

    prompt_estimate: int | None = None
    max_out, capped = tokens.max_completion(
        exchange.endpoint, body, settings.AIRLOCK_QUOTA_DEFAULT_MAX_TOKENS
    )
    if counts_tokens or budgets:
        folder = None if route == "egress" else await _folder_of(exchange.model)
        if folder:
            await tokens.ready(folder)
        prompt_estimate = tokens.estimate_prompt(exchange.endpoint, body, folder)
        if not capped:
            # Without a cap the backend may write until the context ends; forwarding the
            # reserved maximum keeps the reservation an upper bound, so limits hold.
            field_name = "max_completion_tokens" if exchange.endpoint == "chat/completions" else "max_tokens"
            body[field_name] = settings.AIRLOCK_QUOTA_DEFAULT_MAX_TOKENS

    now = limiter.clock()
    w = limiter.windows(now)
    total = (prompt_estimate or 0) + max_out
    counters: list[Counter] = []
    for scope, who, limits in scopes:
        if limits is None:
            continue
        if limits.requests_per_minute is not None:
            counters.append(
                Counter(
                    limiter.counter_key(scope, "rpm", w.minute),
                    1,
                    limits.requests_per_minute,
                    w.minute_ends + 60,
                    name="requests per minute",
                    scope=who,
                    resets_at=w.minute_ends,
                    unit="requests",
                )
            )
        counters += _token_counters(scope, who, limits, w, total)
    if egress and price is not None:
        cost_micro = to_micro(price.of(prompt_estimate or 0, max_out), round_up=True)
        budget_scopes = [(s, who, lim.budget_micro_per_month) for s, who, lim in scopes if lim is not None]
        budget_scopes.append(("global", "the appliance's egress", pricing.egress_cap_micro))
        for scope, who, budget in budget_scopes:
            if budget is not None:
                counters.append(
                    Counter(
                        limiter.counter_key(scope, "usd", w.month),
                        cost_micro,
                        budget,
                        w.month_ends + 86400,
                        name="monthly egress budget",
                        scope=who,
                        resets_at=w.month_ends,
                        unit="usd",
                    )
                )

    res_key = limiter.reservation_key(f"{exchange.request_id}-{uuid.uuid4().hex[:8]}")
    check = runaway.check_for(caller.application_id, policies.app)
    if counters or check.relative or check.absolute:
        outcome = await limiter.backend().reserve(
            res_key, counters, check, now, now + settings.AIRLOCK_QUOTA_RESERVATION_SECONDS
        )
    else:
        outcome = limiter.Outcome("ok")  # nothing to count or watch: no round trip
    if outcome.status == "tripped":
        metrics.runaway_tripped()
        runaway.trip(caller.application_id, caller.application_name, outcome, exchange.request_id)
        raise suspended(caller.application_name)
    if outcome.status == "blocked":
        raise suspended(caller.application_name)
    if outcome.status == "over":
        assert outcome.counter is not None  # noqa: S101
        if optional_egress and outcome.counter.unit == "usd":
            raise _EgressUnbudgeted
        _ledger_refusal(exchange, route, provider)
        raise too_many(outcome, outcome.counter.amount, now)
    return Reservation(
        key=res_key,
        counters=counters,
        route=route,
        provider=provider,
        prompt_estimate=prompt_estimate,
        max_completion=max_out,
        price=price,
        pricing=pricing,
    )


def _ledger_refusal(exchange: Exchange, route: str, provider: str) -> None:
    caller = exchange.caller
    assert caller is not None  # noqa: S101
    ledger.add(
        {
            "request_id": exchange.request_id,
            "created_at": timezone.now(),
            "application_id": caller.application_id,
            "api_key_id": caller.key_id,
            "model": exchange.model or "",
            "route": route,
            "provider": provider,
            "status": 429,
            "latency_ms": round(exchange.elapsed_ms(), 3),
        }
    )


def _usage_tokens(usage: dict[str, Any] | None) -> tuple[int, int] | None:
    if not usage:
        return None
    prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
    if isinstance(prompt, int) and isinstance(completion, int):
        return prompt, completion
    return None


def capped(reported: tuple[int, int], reserved_prompt: int, reserved_completion: int) -> tuple[int, int]:
    """What is charged for a backend's (prompt, completion) report: never more than was reserved.

    The reservation is an upper bound the backend was held to (the prompt as the model's chat
    template renders it, and ``max_tokens``, which is always forwarded when tokens are counted):
    a report above it is a backend's error, or a lie, and charging it would let concurrent
    requests pass a limit by far more than one reservation.
    """
    prompt, completion = reported
    return min(prompt, reserved_prompt), min(completion, reserved_completion)


async def settle(exchange: Exchange) -> None:
    """Correct the counters to what the request really used, and queue its ledger row.

    Idempotent: the reservation is taken off the exchange first, so the several places an
    exchange can end may all call this.
    """
    res: Reservation | None = getattr(exchange, "reservation", None)
    if res is None:
        return
    exchange.reservation = None
    keys, actual, row = _settlement(exchange, res)
    metrics.settled(exchange, row)
    if row.get("excess_tokens"):
        _over_reservation(exchange, res, row)
    if keys:
        try:
            await limiter.backend().settle(res.key, keys, actual)
        except Exception:
            # The reservation stays pending and is released at its deadline; the ledger row
            # still records what was used.
            log.exception("could not settle the quota of %s", exchange.request_id)
    ledger.add(row)


def settle_later(exchange: Exchange) -> None:
    """For an exchange that ends while being cancelled (client left): settle in the background."""
    if getattr(exchange, "reservation", None) is None:
        return
    task = asyncio.get_running_loop().create_task(settle(exchange))
    _background.add(task)
    task.add_done_callback(_background.discard)


async def settled(exchange: Exchange, answer: Awaitable[Reply]) -> Reply:
    """Await the answer, and settle the quota when the exchange has really ended.

    A whole answer settles at once. A streamed one settles when its stream ends, however it
    ends: the stream is wrapped, so the local relay and the egress path need no quota code.
    Errors raised as ``ApiError`` are settled (released) by the caller's error handler.
    """
    try:
        reply = await answer
    except asyncio.CancelledError:
        settle_later(exchange)  # the client left before the answer began
        raise
    if reply.stream is None:
        if not exchange.status:
            exchange.status = reply.status
        await settle(exchange)
        return reply
    reply.stream = _settling(exchange, reply.stream)
    return reply


async def _settling(exchange: Exchange, stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    ended = False
    try:
        async for chunk in stream:
            yield chunk
        ended = True
    finally:
        if ended:
            await settle(exchange)
        else:
            # Closed or cancelled mid-stream: let the relay clean up (it marks the exchange 499
            # and closes the upstream request), then settle without holding anyone up.
            await stream.aclose()  # type: ignore[attr-defined]
            if not exchange.status:
                exchange.status = 499
            settle_later(exchange)


def _over_reservation(exchange: Exchange, res: Reservation, row: dict[str, Any]) -> None:
    """A backend reported more than was reserved: say so where an administrator looks.

    A log line, the ledger row's ``excess_tokens``, and an audit record
    (``usage.over_reservation``) with what was reported, reserved and charged, written in the
    background: the request is not held up by its own anomaly.
    """
    reported = _usage_tokens(exchange.usage) or (0, 0)
    caller = exchange.caller
    log.warning(
        "backend %s reported more than it reserved for request %s (model %s): %s prompt + %s completion "
        "tokens reported, %s + %s reserved; charged the reservation, %s tokens not charged",
        exchange.target.backend_name if exchange.target else res.provider or "-",
        exchange.request_id,
        exchange.model,
        reported[0],
        reported[1],
        res.prompt_estimate,
        res.max_completion,
        row["excess_tokens"],
    )
    meta = {
        "model": exchange.model,
        "route": res.route,
        "backend": exchange.target.backend_name if exchange.target else None,
        "provider": res.provider or None,
        "reported": {"prompt_tokens": reported[0], "completion_tokens": reported[1]},
        "reserved": {"prompt_tokens": res.prompt_estimate, "completion_tokens": res.max_completion},
        "charged": {"prompt_tokens": row["prompt_tokens"], "completion_tokens": row["completion_tokens"]},
        "excess_tokens": row["excess_tokens"],
    }

    async def record() -> None:
        from audit.events import Event
        from audit.log import AuditUnavailable, writer

        try:
            await writer().write(
                Event.USAGE_OVER_RESERVATION,
                request_id=exchange.request_id,
                application_id=caller.application_id if caller else None,
                target=("api_key", caller.key_prefix) if caller else None,
                meta=meta,
            )
        except AuditUnavailable:
            log.error("could not record the over-report of request %s", exchange.request_id)

    task = asyncio.get_running_loop().create_task(record())
    _background.add(task)
    task.add_done_callback(_background.discard)


# Tokens a backend may still generate while a client's hang-up reaches it: charged on top of
# what a cut stream relayed. vLLM aborts the generation when its connection closes.
IN_FLIGHT_TOKENS = 4


def streamed_tokens(exchange: Exchange, route: str) -> int:
    """Completion tokens of a stream that ended without a usage figure, from what it relayed.

    Local: one per answer event, as vLLM sends an event per generated token (its first event,
    the role, and the last, the finish reason, count too: high rather than low). Egress: the
    answer's bytes by the same rule as prompt estimates (one token per three bytes, high for
    every language the tokenizers here were measured on); providers send several tokens per event.
    """
    if route == "egress":
        return -(-exchange.streamed_bytes // tokens.BYTES_PER_TOKEN)
    return exchange.streamed_events


def _settlement(exchange: Exchange, res: Reservation) -> tuple[list[str], list[int], dict[str, Any]]:
    status = exchange.status or 0
    reported = _usage_tokens(exchange.usage)
    estimated = False
    excess = 0
    if reported is not None:
        prompt, completion = reported
        if res.prompt_estimate is not None:
            # Tokens were counted, so the reservation is a bound (max_tokens was forwarded).
            prompt, completion = capped(reported, res.prompt_estimate, res.max_completion)
            excess = sum(reported) - prompt - completion
    elif status == 200 or status == 499:
        # No usage from the backend (a client that left mid-stream, a provider that does not
        # report it): the prompt as estimated for the reservation, and what was streamed, or
        # for a whole answer the reserved maximum (the upper bound).
        estimated = True
        prompt = (
            res.prompt_estimate
            if res.prompt_estimate is not None
            else tokens.estimate_prompt(exchange.endpoint, exchange.body or {})
        )
        completion = res.max_completion
        if exchange.stream:
            completion = min(completion, streamed_tokens(exchange, res.route) + IN_FLIGHT_TOKENS)
    else:
        prompt = completion = 0  # failed before any answer: release
    released = reported is None and not estimated
    pricing = res.pricing
    cost, counterfactual = request_costs(
        egress=res.route == "egress",
        prompt_tokens=prompt,
        completion_tokens=completion,
        price=res.price,
        local=pricing.local,
        reference=pricing.reference,
    )
    actual_cost_micro = to_micro(res.price.of(prompt, completion), round_up=True) if res.price else 0
    keys, actual = [], []
    for counter in res.counters:
        keys.append(counter.key)
        if counter.unit == "requests":
            actual.append(0 if released else 1)
        elif counter.unit == "usd":
            actual.append(actual_cost_micro)
        else:
            actual.append(prompt + completion)
    caller = exchange.caller
    row = {
        "request_id": exchange.request_id,
        "created_at": res.requested_at,
        "application_id": caller.application_id if caller else 0,
        "api_key_id": caller.key_id if caller else None,
        "model": exchange.model or "",
        "route": res.route,
        "provider": res.provider,
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "estimated": estimated,
        "excess_tokens": excess,
        "cache_tokens_saved": getattr(exchange, "cache_tokens_saved", 0),
        "latency_ms": round(exchange.elapsed_ms(), 3),
        "status": status,
        "cost_usd": cost,
        "counterfactual_usd": counterfactual,
        "reference_model": pricing.local.reference_model if pricing.reference else "",
    }
    return keys, actual, row
