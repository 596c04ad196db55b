"""Retries, back-off and a circuit breaker for calls to external providers.

Retries (tenacity): an attempt that fails with 429, a 5xx (Anthropic's 529 "overloaded"
included), a timeout or a network error is tried again, up to the provider's
``max_retries``. Between attempts the wait grows exponentially with random jitter (so that
many workers do not retry in step), unless the provider said how long to wait: ``Retry-After``
(seconds or an HTTP date) or ``retry-after-ms`` is then honoured. A wait longer than
``AIRLOCK_EGRESS_RETRY_AFTER_MAX_SECONDS`` is not waited out on the client's time: the request
fails at once with the provider's 429 and its ``Retry-After``. Only the opening of a request is
retried — once a stream has started towards the client, a failure ends it (retrying would
send the client some tokens twice).

The circuit breaker, one per provider and worker process: after ``breaker_threshold``
consecutive failed attempts (5xx, timeouts, network errors — not 429, which is a busy but
working provider, nor a 4xx) it *opens*: requests for that provider are refused at once with
503, ``Retry-After`` and a message naming the provider, instead of waiting on timeouts. After
``breaker_cooldown_seconds`` it lets one trial request through (*half-open*); success closes
it, failure opens it for another cool-down.
"""

from __future__ import annotations

import email.utils
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import httpx2 as httpx
from django.conf import settings
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity import wait_exponential_jitter as _jittered

from inference.errors import ApiError
from inference.routing import ExternalTarget

log = logging.getLogger("airlock.egress")

T = TypeVar("T")

RETRYABLE_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504, 529})


class RetryableStatus(Exception):
    """The provider answered with a status worth another attempt."""

    def __init__(self, status: int, message: str, retry_after: float | None) -> None:
        super().__init__(f"status {status}: {message}")
        self.status = status
        self.message = message
        self.retry_after = retry_after


class CircuitOpen(Exception):
    """The provider's circuit is open: no attempt is made."""

    def __init__(self, provider: str, failures: int, retry_after: float) -> None:
        super().__init__(provider)
        self.provider = provider
        self.failures = failures
        self.retry_after = retry_after

    def api_error(self) -> ApiError:
        seconds = max(1, math.ceil(self.retry_after))
        return ApiError(
            503,
            f"The circuit breaker for provider '{self.provider}' is open after {self.failures} "
            f"consecutive failures; requests to it are refused for the next {seconds} s.",
            type="server_error",
            code="circuit_open",
            headers={"Retry-After": str(seconds)},
        )


def retry_after_of(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the provider asked us to wait, from ``retry-after-ms`` or ``Retry-After``."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.fromtimestamp(time.time() if now is None else now, tz=UTC)
    return max(0.0, (when - current).total_seconds())


# --- Circuit breaker ---


@dataclass
class Breaker:
    """One provider's circuit in this worker: closed, open (since ``opened_at``) or half-open."""

    provider: str
    endpoint: tuple[str, str, str] = ("", "", "")  # what the state is about: kind, URL, key file
    failures: int = 0
    opened_at: float | None = None
    trial_in_flight: bool = False

    def state(self, cooldown: float) -> str:
        if self.opened_at is None:
            return "closed"
        return "open" if time.monotonic() < self.opened_at + cooldown else "half-open"

    def acquire(self, target: ExternalTarget) -> bool:
        """Allow an attempt (True if it is the half-open trial) or raise ``CircuitOpen``."""
        if self.opened_at is None:
            return False
        remaining = self.opened_at + target.breaker_cooldown_seconds - time.monotonic()
        if remaining > 0:
            raise CircuitOpen(self.provider, self.failures, remaining)
        if self.trial_in_flight:
            # Another request is the trial; the rest wait for its outcome.
            raise CircuitOpen(self.provider, self.failures, 1.0)
        self.trial_in_flight = True
        log.info("circuit for provider %s is half-open: one trial request", self.provider)
        return True

    def succeeded(self, trial: bool) -> None:
        if self.opened_at is not None:
            log.warning("circuit for provider %s closed again", self.provider)
        self.failures, self.opened_at = 0, None
        if trial:
            self.trial_in_flight = False

    def failed(self, target: ExternalTarget, trial: bool) -> None:
        self.failures += 1
        if trial:
            self.trial_in_flight = False
            self.opened_at = time.monotonic()
            log.warning("trial request to provider %s failed: circuit open again", self.provider)
        elif self.opened_at is None and self.failures >= max(1, target.breaker_threshold):
            self.opened_at = time.monotonic()
            log.warning(
                "circuit for provider %s opened after %d consecutive failures", self.provider, self.failures
            )

    def abandoned(self, trial: bool) -> None:
        """The attempt ended without a verdict (the client left): let another request be the trial."""
        if trial:
            self.trial_in_flight = False


_breakers: dict[int, Breaker] = {}


def breaker_for(target: ExternalTarget) -> Breaker:
    endpoint = (target.kind, target.base_url, target.api_key_file)
    found = _breakers.get(target.provider_id)
    if found is None or found.endpoint != endpoint:
        # New, or an administrator pointed the provider elsewhere (a new URL, a fixed key
        # file): the old failures say nothing about the new endpoint, so start closed.
        found = _breakers[target.provider_id] = Breaker(target.provider_name, endpoint)
    found.provider = target.provider_name
    return found


def reset_breakers() -> None:
    """Forget every circuit's state (a provider's configuration changed, or tests)."""
    _breakers.clear()


# --- Retries ---


def _is_failure(exc: BaseException) -> bool:
    """Does this outcome count against the provider's health (the breaker)?"""
    if isinstance(exc, RetryableStatus):
        return exc.status >= 500
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def _should_retry(exc: BaseException) -> bool:
    if isinstance(exc, RetryableStatus):
        cap = settings.AIRLOCK_EGRESS_RETRY_AFTER_MAX_SECONDS
        return exc.retry_after is None or exc.retry_after <= cap
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def _wait(state: RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome is not None else None
    if isinstance(exc, RetryableStatus) and exc.retry_after is not None:
        return exc.retry_after
    backoff = _jittered(
        multiplier=settings.AIRLOCK_EGRESS_RETRY_BASE_SECONDS,
        max=settings.AIRLOCK_EGRESS_RETRY_MAX_SECONDS,
        jitter=settings.AIRLOCK_EGRESS_RETRY_BASE_SECONDS,
    )
    return float(backoff(state))


@dataclass
class Attempts:
    """How many attempts a call took, for the error message and the audit record."""

    count: int = 0


async def call(target: ExternalTarget, attempt: Callable[[], Awaitable[T]], attempts: Attempts) -> T:
    """Run ``attempt`` under the provider's breaker, retrying as the module describes.

    The last failure is re-raised as it was (``RetryableStatus``, an httpx error, or
    ``CircuitOpen`` if the circuit opened before or between attempts).
    """
    breaker = breaker_for(target)
    retrying = AsyncRetrying(
        stop=stop_after_attempt(target.max_retries + 1),
        wait=_wait,
        retry=retry_if_exception(_should_retry),
        reraise=True,
    )
    async for tenacity_attempt in retrying:
        with tenacity_attempt:
            trial = breaker.acquire(target)
            attempts.count += 1
            try:
                result = await attempt()
            except BaseException as exc:
                if _is_failure(exc):
                    breaker.failed(target, trial)
                elif isinstance(exc, RetryableStatus) and not trial:
                    pass  # 429 and the like: busy, not broken; the failure count stands
                elif isinstance(exc, Exception):
                    # The provider answered (a refusal, a 429 to the trial): it is up.
                    breaker.succeeded(trial)
                else:
                    breaker.abandoned(trial)  # cancelled: no verdict
                raise
            breaker.succeeded(trial)
            return result
    raise AssertionError("unreachable: tenacity either returns or re-raises")  # pragma: no cover
