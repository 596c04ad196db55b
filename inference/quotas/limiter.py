"""Counters of the quotas: reserve, settle and release all of a request's counters at once.

Every limit is a fixed window aligned to UTC — the minute, the day, the calendar month — and
its counter's key names the window, so a window "resets" by a new key being used; old keys
expire a little after their window ends. A request *reserves* its maximum (one request, its
prompt plus ``max_tokens`` tokens, its maximum price) on every counter that applies; the check
of every limit and the increments of every counter happen in one atomic step, all or none, so
concurrent requests can never together pass a limit by reservations. After the answer the
request *settles*: each counter is corrected by (actual - reserved); a failed request
*releases* (settles to zero).

A reservation is also remembered with a deadline. If its worker dies before settling, the next
request to reserve anything releases it once the deadline has passed, so nothing leaks for
longer than ``AIRLOCK_QUOTA_RESERVATION_SECONDS``; a request that settles after its reservation
was swept adds its actual usage in full, so the totals stay right either way.

Two interchangeable backends:

- ``RedisBackend`` (``REDIS_URL`` set): one Lua script (``quota.lua``), one ``EVALSHA`` per
  reserve and one per settle; shared by every worker and machine.
- ``MemoryBackend`` (embedded profile): the same logic under a lock, in this process. With more
  than one worker process each counts on its own, so set ``REDIS_URL`` there.

The same atomic step tracks each application's request rate for runaway protection
(``inference.quotas.runaway``): requests in the current minute against an exponentially
weighted average of its past active minutes.
"""

from __future__ import annotations

import asyncio
import calendar
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from django.conf import settings

from inference.quotas import published

# Injected in tests to cross window boundaries without waiting; everything here reads it.
clock: Callable[[], float] = time.time

LUA = (Path(__file__).parent / "quota.lua").read_text()

# Weight of the newest active minute in the baseline rate (about the last 20 active minutes).
RUNAWAY_ALPHA = 0.05
RUNAWAY_BLOCK_SECONDS = 600
RUNAWAY_STATE_SECONDS = 30 * 86400


@dataclass(frozen=True)
class Windows:
    """The windows a moment falls in, and when each ends."""

    minute: int
    minute_ends: int
    day: str
    day_ends: int
    month: str
    month_ends: int


def windows(now: float) -> Windows:
    moment = datetime.fromtimestamp(now, UTC)
    minute = int(now // 60)
    day_start = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    days_in_month = calendar.monthrange(moment.year, moment.month)[1]
    month_end = datetime(moment.year, moment.month, 1, tzinfo=UTC) + timedelta(days=days_in_month)
    return Windows(
        minute=minute,
        minute_ends=(minute + 1) * 60,
        day=moment.strftime("%Y%m%d"),
        day_ends=int((day_start + timedelta(days=1)).timestamp()),
        month=moment.strftime("%Y%m"),
        month_ends=int(month_end.timestamp()),
    )


def month_key(day: date) -> str:
    return day.strftime("%Y%m")


def prefix() -> str:
    return str(settings.AIRLOCK_QUOTA_KEY_PREFIX)


def counter_key(scope: str, kind: str, window: str | int) -> str:
    """``scope``: ``a<app id>``, ``k<key id>`` or ``global``; ``kind``: rpm, tpm, tpd, tpmo, usd."""
    return f"{prefix()}:c:{scope}:{kind}:{window}"


def reservation_key(request_id: str) -> str:
    return f"{prefix()}:r:{request_id}"


def _pending_key() -> str:
    return f"{prefix()}:pending"


def _runaway_key(app_id: int) -> str:
    return f"{prefix()}:rw:{app_id}"


def _block_key(app_id: int) -> str:
    return f"{prefix()}:blk:{app_id}"


@dataclass(frozen=True)
class Counter:
    """One counter a request reserves on; ``limit`` None counts without limiting."""

    key: str
    amount: int
    limit: int | None
    expire_at: int
    # For the 429 message: which limit, whose, and when its window ends.
    name: str = ""
    scope: str = ""
    resets_at: int = 0
    unit: str = "tokens"


@dataclass(frozen=True)
class RunawayCheck:
    """What counts as a runaway for one application (see ``inference.quotas.runaway``)."""

    app_id: int
    relative: bool
    factor: float
    minimum: int
    absolute: int  # 0: off


@dataclass(frozen=True)
class Outcome:
    status: Literal["ok", "over", "blocked", "tripped"]
    counter: Counter | None = None
    value: int = 0
    requests_this_minute: int = 0
    threshold: int = 0
    baseline: float = 0.0


class Backend(Protocol):
    async def reserve(
        self,
        res_key: str,
        counters: Sequence[Counter],
        runaway: RunawayCheck | None,
        now: float,
        deadline: float,
    ) -> Outcome: ...

    async def settle(self, res_key: str, keys: Sequence[str], actual: Sequence[int]) -> bool: ...

    def values(self, keys: Sequence[str]) -> list[int]: ...

    def unblock(self, app_id: int) -> None: ...


def _runaway_args(runaway: RunawayCheck | None, now: float) -> list[Any]:
    if runaway is None:
        return ["0", 0, 0, 0, 0, RUNAWAY_ALPHA, RUNAWAY_BLOCK_SECONDS, RUNAWAY_STATE_SECONDS]
    return [
        "1" if runaway.relative else "0",
        int(now // 60),
        runaway.factor,
        runaway.minimum,
        runaway.absolute,
        RUNAWAY_ALPHA,
        RUNAWAY_BLOCK_SECONDS,
        RUNAWAY_STATE_SECONDS,
    ]


def _outcome(reply: Sequence[Any], counters: Sequence[Counter]) -> Outcome:
    status, a, b, c = (int(x) for x in reply)
    if status == 0:
        return Outcome("ok", requests_this_minute=a)
    if status == 1:
        return Outcome("over", counter=counters[a - 1], value=b)
    if status == 2:
        return Outcome("blocked")
    return Outcome("tripped", requests_this_minute=a, threshold=b, baseline=c / 1000)


class RedisBackend:
    """Counters in Redis, changed only by ``quota.lua``: shared by every worker."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._async: dict[int, tuple[Any, Any]] = {}
        self._sync: Any = None
        self._lock = threading.Lock()

    def _for_loop(self) -> tuple[Any, Any]:
        import redis.asyncio as aioredis

        loop = asyncio.get_running_loop()
        found = self._async.get(id(loop))
        if found is None:
            # A blocking pool: past its size, requests wait for a connection instead of failing
            # (the default pool raises "Too many connections" under a burst).
            pool = aioredis.BlockingConnectionPool.from_url(self.url, max_connections=64, timeout=10)
            client = aioredis.Redis(connection_pool=pool)
            found = (client, client.register_script(LUA))
            self._async[id(loop)] = found
        return found

    def _sync_client(self) -> Any:
        with self._lock:
            if self._sync is None:
                import redis

                self._sync = redis.Redis.from_url(self.url)
            return self._sync

    async def reserve(
        self,
        res_key: str,
        counters: Sequence[Counter],
        runaway: RunawayCheck | None,
        now: float,
        deadline: float,
    ) -> Outcome:
        _, script = self._for_loop()
        app_id = runaway.app_id if runaway else 0
        keys = [_pending_key(), res_key, _runaway_key(app_id), _block_key(app_id), *(c.key for c in counters)]
        args: list[Any] = ["reserve", now, deadline, *_runaway_args(runaway, now)]
        for c in counters:
            # A time to live rather than a moment: Redis's clock need not agree with ours.
            args += [c.amount, -1 if c.limit is None else c.limit, max(1, int(c.expire_at - now))]
        return _outcome(await script(keys=keys, args=args), counters)

    async def settle(self, res_key: str, keys: Sequence[str], actual: Sequence[int]) -> bool:
        _, script = self._for_loop()
        live = await script(keys=[_pending_key(), res_key, *keys], args=["settle", *actual])
        return bool(live)

    def values(self, keys: Sequence[str]) -> list[int]:
        if not keys:
            return []
        return [int(v or 0) for v in self._sync_client().mget(list(keys))]

    def unblock(self, app_id: int) -> None:
        # The runaway state goes too: its current minute's count would trip it again at once.
        self._sync_client().delete(_block_key(app_id), _runaway_key(app_id))

    async def aclose(self) -> None:
        for client, _ in self._async.values():
            await client.aclose()
            await client.connection_pool.disconnect()
        self._async.clear()


class MemoryBackend:
    """The same semantics in this process, under a lock (embedded profile, one worker)."""

    def __init__(self, *, publish: bool = False) -> None:
        # The process's own backend publishes its counters for the CLI (quotas.published).
        self.publish = publish
        self._lock = threading.Lock()
        self._counters: dict[str, list[float]] = {}  # key -> [value, expire_at]
        self._reservations: dict[str, tuple[float, dict[str, int]]] = {}
        self._runaway: dict[int, dict[str, float]] = {}
        self._blocked: dict[int, float] = {}
        self._earliest = float("inf")  # no reservation's deadline is before this
        self._purged_at = 0.0

    def _get(self, key: str, now: float) -> int:
        entry = self._counters.get(key)
        if entry is None:
            return 0
        if entry[1] <= now:
            del self._counters[key]
            return 0
        return int(entry[0])

    def _exists(self, key: str, now: float) -> bool:
        entry = self._counters.get(key)
        if entry is not None and entry[1] <= now:
            del self._counters[key]
            return False
        return entry is not None

    def _sweep(self, now: float) -> None:
        if now - self._purged_at >= 60:
            # Windows that ended are never read again: drop their counters (Redis expires them).
            self._purged_at = now
            for key in [k for k, (_, expire_at) in self._counters.items() if expire_at <= now]:
                del self._counters[key]
        if now < self._earliest:
            return  # nothing is overdue: no scan on the request path
        expired = [k for k, (deadline, _) in self._reservations.items() if deadline <= now]
        for res_key in expired:
            _, held = self._reservations.pop(res_key)
            for key, amount in held.items():
                if self._exists(key, now):
                    self._counters[key][0] -= amount
        self._earliest = min((deadline for deadline, _ in self._reservations.values()), default=float("inf"))

    def _reserve(
        self,
        res_key: str,
        counters: Sequence[Counter],
        runaway: RunawayCheck | None,
        now: float,
        deadline: float,
    ) -> Outcome:
        with self._lock:
            self._sweep(now)
            if runaway is not None and self._blocked.get(runaway.app_id, 0) > now:
                return Outcome("blocked")
            count = 0
            if runaway is not None and (runaway.relative or runaway.absolute > 0):
                state = self._runaway.setdefault(runaway.app_id, {"b": 0.0, "n": 0, "m": -1, "c": 0})
                minute = int(now // 60)
                if state["m"] != minute:
                    if state["m"] >= 0 and state["c"] > 0:
                        if state["n"] == 0:
                            state["b"] = state["c"]
                        else:
                            state["b"] = RUNAWAY_ALPHA * state["c"] + (1 - RUNAWAY_ALPHA) * state["b"]
                        state["n"] += 1
                    state["m"], state["c"] = minute, 0
                state["c"] += 1
                count = int(state["c"])
                threshold = -1.0
                if runaway.relative:
                    threshold = max(runaway.factor * state["b"], runaway.minimum)
                if runaway.absolute > 0 and (threshold < 0 or runaway.absolute < threshold):
                    threshold = runaway.absolute
                if threshold >= 0 and count > threshold:
                    self._blocked[runaway.app_id] = now + RUNAWAY_BLOCK_SECONDS
                    return Outcome(
                        "tripped",
                        requests_this_minute=count,
                        threshold=int(threshold),
                        baseline=int(state["b"] * 1000) / 1000,
                    )
            for c in counters:
                if c.limit is not None:
                    value = self._get(c.key, now)
                    if value + c.amount > c.limit:
                        return Outcome("over", counter=c, value=value)
            held: dict[str, int] = {}
            for c in counters:
                entry = self._counters.get(c.key)
                if entry is None or entry[1] <= now:
                    entry = self._counters[c.key] = [0, c.expire_at]
                entry[0] += c.amount
                entry[1] = c.expire_at
                held[c.key] = c.amount
            if held:
                self._reservations[res_key] = (deadline, held)
                self._earliest = min(self._earliest, deadline)
        if held and self.publish:
            published.changed()
        return Outcome("ok", requests_this_minute=count)

    async def reserve(
        self,
        res_key: str,
        counters: Sequence[Counter],
        runaway: RunawayCheck | None,
        now: float,
        deadline: float,
    ) -> Outcome:
        return self._reserve(res_key, counters, runaway, now, deadline)

    def settle_sync(self, res_key: str, keys: Sequence[str], actual: Sequence[int]) -> bool:
        now = clock()
        with self._lock:
            found = self._reservations.pop(res_key, None)
            held = found[1] if found else {}
            for key, amount in zip(keys, actual, strict=True):
                delta = amount - held.get(key, 0)
                if delta and self._exists(key, now):
                    self._counters[key][0] += delta
        if self.publish:
            published.changed()
        return found is not None

    async def settle(self, res_key: str, keys: Sequence[str], actual: Sequence[int]) -> bool:
        return self.settle_sync(res_key, keys, actual)

    def values(self, keys: Sequence[str]) -> list[int]:
        now = clock()
        with self._lock:
            own = [self._get(key, now) for key in keys]
        if not self.publish:
            return own
        # Other processes of the appliance (the gateway, when this is the CLI) count apart.
        return [a + b for a, b in zip(own, published.values(keys, now), strict=True)]

    def snapshot(self) -> dict[str, tuple[int, float]]:
        """The live counters: key -> (value, expiry time)."""
        now = clock()
        with self._lock:
            return {
                key: (int(value), expire_at)
                for key, (value, expire_at) in self._counters.items()
                if expire_at > now
            }

    def unblock(self, app_id: int) -> None:
        with self._lock:
            self._blocked.pop(app_id, None)
            self._runaway.pop(app_id, None)


_memory = MemoryBackend(publish=True)


def memory_backend() -> MemoryBackend:
    """This process's in-memory counters (the ones it publishes)."""
    return _memory


_redis: dict[str, RedisBackend] = {}
_override: Backend | None = None


def backend() -> Backend:
    """Redis when ``REDIS_URL`` is set, else this process's in-memory counters."""
    if _override is not None:
        return _override
    url = settings.REDIS_URL
    if not url:
        return _memory
    found = _redis.get(url)
    if found is None:
        found = _redis[url] = RedisBackend(url)
    return found


@contextmanager
def use(chosen: Backend) -> Iterator[Backend]:
    """Use ``chosen`` for every request of this process (tests: both backends, same suite)."""
    global _override
    previous, _override = _override, chosen
    try:
        yield chosen
    finally:
        _override = previous
