"""Sending a redacted request to a provider: the only functions that can.

``complete`` and ``stream`` take a ``redaction.gate.SafeBody`` — the gate's output — and
nothing else: each passes it through ``require_safe`` before a byte is encoded, so a raw
request body cannot be sent by mistake or on purpose. They pick the protocol adapter
(OpenAI-compatible or Anthropic), read the provider's key from its file, and run the call
under the provider's retries and circuit breaker (``resilience``). Answers come back in
OpenAI's format, still carrying placeholders: restoring them is the caller's job
(``inference.egress``), with the session of the same ``protect`` call.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any

import httpx2 as httpx
import orjson

from inference.errors import ApiError
from inference.providers import anthropic, openai_compat, resilience, transport
from inference.providers.resilience import Attempts, CircuitOpen, RetryableStatus
from inference.providers.sse import EventParser, StreamError
from inference.routing import ExternalTarget
from redaction.gate import SafeBody, require_safe

ADAPTERS: dict[str, ModuleType] = {"openai": openai_compat, "anthropic": anthropic}


def adapter_for(target: ExternalTarget) -> ModuleType:
    return ADAPTERS[target.kind]


def supports(target: ExternalTarget, endpoint: str) -> bool:
    return bool(adapter_for(target).supports(endpoint))


class Rejected(Exception):
    """The provider refused the request with a status that another attempt would not change."""

    def __init__(self, status: int, raw: bytes) -> None:
        super().__init__(f"status {status}")
        self.status = status
        self.raw = raw


def _request(target: ExternalTarget, safe: SafeBody, endpoint: str) -> tuple[str, bytes, dict[str, str]]:
    body = require_safe(safe).body
    adapter = adapter_for(target)
    url = adapter.url(target, endpoint)
    payload = orjson.dumps(adapter.encode(body, target, endpoint))
    return url, payload, adapter.headers(target, transport.api_key(target))


async def _check(response: httpx.Response, target: ExternalTarget) -> None:
    """Raise for a non-200 answer (closing it): retryable or not."""
    if response.status_code == 200:
        return
    try:
        raw = await response.aread()
    finally:
        await response.aclose()
    if response.status_code in resilience.RETRYABLE_STATUSES:
        message, _ = adapter_for(target).error_of(raw)
        retry_after = resilience.retry_after_of(response.headers)
        raise RetryableStatus(response.status_code, message, retry_after)
    raise Rejected(response.status_code, raw)


async def complete(
    target: ExternalTarget, safe: SafeBody, *, endpoint: str, attempts: Attempts | None = None
) -> dict[str, Any]:
    """One whole answer in OpenAI's format (placeholders not yet restored)."""
    url, payload, headers = _request(target, safe, endpoint)
    attempts = attempts if attempts is not None else Attempts()

    async def attempt() -> bytes:
        response = await transport.open_response(url, payload, headers, target)
        await _check(response, target)
        try:
            return await response.aread()
        finally:
            await response.aclose()

    try:
        raw = await resilience.call(target, attempt, attempts)
        data = orjson.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("the answer is not a JSON object")
        return dict(adapter_for(target).decode(data, target, endpoint))
    except (orjson.JSONDecodeError, ValueError) as exc:
        raise bad_answer(target, str(exc)) from None
    except Exception as exc:
        raise as_api_error(exc, target, attempts.count) from None


class ProviderStream:
    """An answer being streamed: OpenAI ``chat.completion.chunk`` objects as they arrive."""

    def __init__(self, response: httpx.Response, target: ExternalTarget) -> None:
        self.response = response
        self.target = target
        self.decoder = adapter_for(target).StreamDecoder(target)

    @property
    def finished(self) -> bool:
        """Did the provider end the stream properly (``[DONE]`` or ``message_stop``)?"""
        return bool(self.decoder.finished)

    async def chunks(self) -> AsyncIterator[dict[str, Any]]:
        """Chunks until the provider ends; raises ``StreamError`` or an httpx error mid-way."""
        parser = EventParser()
        async for raw in self.response.aiter_raw():
            for event, data in parser.feed(raw):
                for chunk in self.decoder.feed(event, data):
                    yield chunk
                if self.decoder.finished:
                    return
        for event, data in parser.close():
            for chunk in self.decoder.feed(event, data):
                yield chunk

    async def aclose(self) -> None:
        await self.response.aclose()


async def stream(
    target: ExternalTarget, safe: SafeBody, *, endpoint: str, attempts: Attempts | None = None
) -> ProviderStream:
    """Open a streamed answer. Retries happen here, before any chunk is read, never after."""
    url, payload, headers = _request(target, safe, endpoint)
    attempts = attempts if attempts is not None else Attempts()

    async def attempt() -> httpx.Response:
        response = await transport.open_response(url, payload, headers, target)
        await _check(response, target)
        return response

    try:
        response = await resilience.call(target, attempt, attempts)
    except Exception as exc:
        raise as_api_error(exc, target, attempts.count) from None
    return ProviderStream(response, target)


def _tries(attempts: int) -> str:
    return f" after {attempts} attempts" if attempts > 1 else ""


def bad_answer(target: ExternalTarget, why: str) -> ApiError:
    return ApiError(
        502,
        f"Provider '{target.provider_name}' sent an answer that is not a completion.",
        type="server_error",
        code="provider_bad_response",
        detail=why,
    )


def _said(target: ExternalTarget, raw: bytes) -> str:
    message, kind = adapter_for(target).error_of(raw)
    return f"{kind}: {message}" if kind else message


def as_api_error(exc: BaseException, target: ExternalTarget, attempts: int) -> ApiError:
    """The client's error for a call that failed for good.

    What the provider said goes to ``detail`` (the audit log), never into the message: the
    base URL may be a service on the installation's own network, and its words are not the
    caller's to read. For the same reason a refused connection, a timeout and a broken
    connection read alike — the wording must not tell an open port from a closed one.
    """
    name = target.provider_name
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, CircuitOpen):
        return exc.api_error()
    if isinstance(exc, RetryableStatus):
        detail = f"status {exc.status}: {exc.message}"
        if exc.status == 429:
            wait = max(1, math.ceil(exc.retry_after)) if exc.retry_after is not None else 5
            return ApiError(
                429,
                f"Provider '{name}' is rate-limiting requests{_tries(attempts)}.",
                type="rate_limit_error",
                code="provider_rate_limited",
                headers={"Retry-After": str(wait)},
                detail=detail,
            )
        return ApiError(
            502,
            f"Provider '{name}' failed{_tries(attempts)}.",
            type="server_error",
            code="provider_error",
            detail=detail,
        )
    if isinstance(exc, httpx.HTTPError | StreamError):
        return ApiError(
            502,
            f"Provider '{name}' could not be reached or did not answer in time{_tries(attempts)}.",
            type="server_error",
            code="provider_unreachable",
            detail=f"{type(exc).__name__}: {exc}"[:2000],
        )
    if isinstance(exc, Rejected):
        detail = f"status {exc.status}: {_said(target, exc.raw)}"
        if exc.status in (401, 403):
            return ApiError(
                502,
                f"Provider '{name}' refused Airlock's credentials; "
                "an administrator must check its API key file.",
                type="server_error",
                code="provider_auth_failed",
                detail=detail,
            )
        if exc.status in (400, 413, 422):
            return ApiError(
                400,
                f"Provider '{name}' rejected the request; an administrator can read its reason in "
                "the audit log.",
                code="provider_rejected",
                detail=detail,
            )
        return ApiError(
            502,
            f"Provider '{name}' answered with an error.",
            type="server_error",
            code="provider_error",
            detail=detail,
        )
    raise exc


async def close_all() -> None:
    """Close the egress connection pool (worker shutdown)."""
    await transport.close_all()
