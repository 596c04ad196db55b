"""Limits are exact under concurrency: 200 simultaneous requests never overspend a budget.

The promise: concurrent requests never together pass a limit by more than one request's
reservation. Because every limit is checked and every counter incremented in one atomic step,
the reservations alone never pass it at all; what is settled is at most what was reserved.
Both backends; with Redis, the requests come from four "workers" (threads, each with its own
event loop and connections), as several gunicorn workers would send them.
"""

from __future__ import annotations

import asyncio
import random
import threading

import httpx2 as httpx
import openai

from inference.quotas import limiter, services
from inference.quotas.limiter import Counter
from tests.quotas.conftest import Clock, Gateway

REQUESTS = 200
WORKERS = 4
BUDGET = 5_000_000  # micro-dollars: $5
RESERVATION = 60_000  # each request may cost up to $0.06


def run_worker(
    backend: limiter.Backend,
    key: str,
    names: list[str],
    now: float,
    accepted: list[int],
    lock: threading.Lock,
) -> None:
    async def one(name: str) -> None:
        counters = [Counter(key, RESERVATION, BUDGET, int(now) + 86400, unit="usd")]
        outcome = await backend.reserve(limiter.reservation_key(name), counters, None, now, now + 600)
        if outcome.status != "ok":
            assert outcome.status == "over"
            return
        await asyncio.sleep(random.uniform(0, 0.01))  # the upstream answers
        actual = random.randint(RESERVATION // 2, RESERVATION)
        await backend.settle(limiter.reservation_key(name), [key], [actual])
        with lock:
            accepted.append(actual)

    async def all_of_them() -> None:
        await asyncio.gather(*(one(name) for name in names))

    asyncio.run(all_of_them())


def spend_concurrently(make_backend: object, clock: Clock) -> tuple[list[int], int]:
    key = limiter.counter_key("a1", "usd", limiter.windows(clock()).month)
    accepted: list[int] = []
    lock = threading.Lock()
    names = [f"req-{i}" for i in range(REQUESTS)]
    threads = [
        threading.Thread(
            target=run_worker,
            args=(make_backend(), key, names[i::WORKERS], clock(), accepted, lock),  # type: ignore[operator]
        )
        for i in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return accepted, limiter.backend().values([key])[0]


def test_two_hundred_simultaneous_requests_never_overspend_a_budget_in_process(clock: Clock) -> None:
    shared = limiter.MemoryBackend()
    with limiter.use(shared):
        accepted, counted = spend_concurrently(lambda: shared, clock)
    assert sum(accepted) == counted  # nothing lost, nothing counted twice
    assert counted <= BUDGET + RESERVATION
    assert len(accepted) >= BUDGET // RESERVATION  # and the budget is really used
    assert len(accepted) < REQUESTS


def test_two_hundred_simultaneous_requests_never_overspend_a_budget_in_redis(
    redis_url: str, redis_backend: limiter.RedisBackend, clock: Clock, redis_keys_removed: None
) -> None:
    with limiter.use(redis_backend):
        # Each worker its own backend object: its own connections, like another process.
        accepted, counted = spend_concurrently(lambda: limiter.RedisBackend(redis_url), clock)
    assert sum(accepted) == counted
    assert counted <= BUDGET + RESERVATION
    assert len(accepted) >= BUDGET // RESERVATION
    assert len(accepted) < REQUESTS


def test_two_hundred_simultaneous_requests_through_v1_hold_the_token_limit(
    quota_gateway: Gateway, clock: Clock
) -> None:
    limit = 1000
    services.do_set_limits(quota_gateway.app, {"tokens_per_minute": limit})
    statuses = asyncio.run(send_all(quota_gateway))
    answered = statuses.count(200)
    assert statuses.count(429) == REQUESTS - answered
    key = limiter.counter_key(f"a{quota_gateway.app.pk}", "tpm", limiter.windows(clock()).minute)
    counted = limiter.backend().values([key])[0]
    assert counted == answered * 26  # settled exactly
    assert counted <= limit + 27  # never past the limit by more than one reservation
    assert answered >= limit // 27  # and the limit was really used


async def send_all(gateway: Gateway) -> list[int]:
    client = openai.AsyncOpenAI(
        base_url=f"{gateway.url}/v1",
        api_key=gateway.key,
        max_retries=0,
        http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=REQUESTS), timeout=60),
    )

    async def one() -> int:
        try:
            await client.chat.completions.create(
                model="stub", messages=[{"role": "user", "content": "Say hello"}], max_tokens=16
            )
        except openai.RateLimitError:
            return 429
        return 200

    statuses = await asyncio.gather(*(one() for _ in range(REQUESTS)))
    await client.close()
    return list(statuses)
