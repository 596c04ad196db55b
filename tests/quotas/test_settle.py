"""Reservations are settled to the real usage, released on failure, and never leak.

Runs with both counter backends. The stub reports 10 + 16 = 26 tokens per answer; "Say hello"
with ``max_tokens=16`` reserves 11 + 16 = 27.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import httpx2 as httpx
import openai
import pytest

from inference.quotas import gate, ledger, limiter, services
from inference.quotas.limiter import Counter
from inference.quotas.models import UsageRecord
from inference.views import Exchange
from tests.quotas.conftest import Clock, Gateway

HELLO = [{"role": "user", "content": "Say hello"}]


def tpm_of(gateway: Gateway, clock: Clock) -> int:
    key = limiter.counter_key(f"a{gateway.app.pk}", "tpm", limiter.windows(clock()).minute)
    return limiter.backend().values([key])[0]


def rpm_of(gateway: Gateway, clock: Clock) -> int:
    key = limiter.counter_key(f"a{gateway.app.pk}", "rpm", limiter.windows(clock()).minute)
    return limiter.backend().values([key])[0]


def wait_for(condition: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def row(request_id: str) -> UsageRecord:
    deadline = time.monotonic() + 5
    while True:
        ledger.flush()
        found = UsageRecord.objects.filter(request_id=request_id).first()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"no ledger row for {request_id}")
        time.sleep(0.02)


@pytest.fixture
def limited(quota_gateway: Gateway) -> Gateway:
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 100, "tokens_per_minute": 10_000})
    return quota_gateway


def test_a_request_holds_its_maximum_while_it_runs_and_settles_to_what_it_used(
    limited: Gateway, clock: Clock
) -> None:
    done = threading.Event()

    def slow() -> None:
        limited.client().chat.completions.create(model="stub-slow", messages=HELLO, max_tokens=16)
        done.set()

    threading.Thread(target=slow).start()
    wait_for(lambda: tpm_of(limited, clock) == 27)  # reserved: prompt estimate + max_tokens
    assert not done.is_set()
    assert done.wait(10)
    wait_for(lambda: tpm_of(limited, clock) == 26)  # settled: the backend's count
    assert rpm_of(limited, clock) == 1


def test_a_completed_request_leaves_a_ledger_row_with_its_usage(limited: Gateway, clock: Clock) -> None:
    raw = limited.client().chat.completions.with_raw_response.create(
        model="stub", messages=HELLO, max_tokens=16
    )
    found = row(raw.headers["x-request-id"])
    assert (found.application_id, found.model, found.route, found.status) == (
        limited.app.pk,
        "stub",
        "local",
        200,
    )
    assert (found.prompt_tokens, found.completion_tokens, found.estimated) == (10, 16, False)
    assert found.api_key_id == limited.app.keys.get(name="tests").pk
    assert found.latency_ms > 0


def test_an_upstream_failure_releases_everything_it_reserved(limited: Gateway, clock: Clock) -> None:
    with pytest.raises(openai.InternalServerError) as caught:
        limited.client().chat.completions.with_raw_response.create(
            model="stub-500", messages=HELLO, max_tokens=16
        )
    assert tpm_of(limited, clock) == 0
    assert rpm_of(limited, clock) == 0
    found = row(caught.value.response.headers["x-request-id"])
    assert (found.status, found.prompt_tokens, found.completion_tokens) == (502, 0, 0)


def test_a_streamed_answer_settles_when_the_stream_ends(limited: Gateway, clock: Clock) -> None:
    chunks = list(
        limited.client().chat.completions.create(model="stub", messages=HELLO, max_tokens=16, stream=True)
    )
    assert chunks
    wait_for(lambda: tpm_of(limited, clock) == 26)


def test_a_client_that_leaves_mid_stream_is_charged_what_was_streamed(limited: Gateway, clock: Clock) -> None:
    # The stub streams one token every 0.2 s, far past max_tokens; the client reads three
    # tokens and hangs up. No usage figure arrives, so the charge is what was relayed (plus
    # the few tokens a backend may generate while the hang-up reaches it), not the 500 reserved.
    body = {"model": "stub-slowstream", "messages": HELLO, "max_tokens": 500, "stream": True}
    headers = {"Authorization": f"Bearer {limited.key}"}
    tokens_seen = 0
    with httpx.stream("POST", f"{limited.url}/v1/chat/completions", json=body, headers=headers) as response:
        request_id = response.headers["x-request-id"]
        for line in response.iter_lines():
            tokens_seen += '"content": "t' in line or '"content":"t' in line
            if tokens_seen == 3:
                break
    found = row(request_id)
    assert (found.status, found.estimated) == (499, True)
    assert found.prompt_tokens == 11
    assert 3 <= found.completion_tokens <= 3 + 2 + gate.IN_FLIGHT_TOKENS + 5, found.completion_tokens
    wait_for(lambda: tpm_of(limited, clock) == 11 + found.completion_tokens)


def test_a_stream_that_ends_without_usage_is_estimated_from_what_it_carried() -> None:
    """The estimate itself: events for a local backend, answer bytes for a provider."""
    exchange = Exchange(request_id="req_x", endpoint="chat/completions")
    exchange.streamed_events, exchange.streamed_bytes = 42, 100
    assert gate.streamed_tokens(exchange, "local") == 42
    assert gate.streamed_tokens(exchange, "egress") == 34  # 100 bytes at three bytes a token, rounded up


def counter(key: str, amount: int, limit: int | None, now: float) -> Counter:
    return Counter(key, amount, limit, int(now) + 120)


async def test_a_reservation_whose_worker_died_is_released_after_its_deadline(
    backend: limiter.Backend, clock: Clock
) -> None:
    key = limiter.counter_key("a1", "tpd", "20261105")
    now = clock()
    first = await backend.reserve(
        limiter.reservation_key("dead"), [counter(key, 900, 1000, now)], None, now, now + 60
    )
    assert first.status == "ok"
    # The worker dies: no settle. Within the deadline the budget stays held...
    clock.advance(30)
    held = await backend.reserve(
        limiter.reservation_key("b"), [counter(key, 200, 1000, clock())], None, clock(), clock() + 60
    )
    assert held.status == "over" and held.value == 900
    # ...after it, the next reservation gives it back first.
    clock.advance(31)
    freed = await backend.reserve(
        limiter.reservation_key("c"), [counter(key, 200, 1000, clock())], None, clock(), clock() + 60
    )
    assert freed.status == "ok"
    assert backend.values([key]) == [200]


async def test_a_request_settling_after_its_reservation_was_swept_adds_its_actual_usage(
    backend: limiter.Backend, clock: Clock
) -> None:
    key = limiter.counter_key("a1", "tpd", "20261105")
    now = clock()
    slow = limiter.reservation_key("slow")
    await backend.reserve(slow, [counter(key, 500, None, now)], None, now, now + 10)
    clock.advance(11)
    await backend.reserve(
        limiter.reservation_key("x"), [counter(key, 1, None, clock())], None, clock(), clock() + 10
    )
    assert backend.values([key]) == [1]  # swept: the 500 was given back
    live = await backend.settle(slow, [key], [300])
    assert live is False
    assert backend.values([key]) == [301]


async def test_settling_twice_does_not_count_twice(backend: limiter.Backend, clock: Clock) -> None:
    key = limiter.counter_key("a1", "tpm", "1")
    res = limiter.reservation_key("twice")
    await backend.reserve(res, [counter(key, 50, 100, clock())], None, clock(), clock() + 60)
    assert await backend.settle(res, [key], [40]) is True
    assert backend.values([key]) == [40]


def test_ledger_rows_cost_local_requests_with_the_cost_model(limited: Gateway, clock: Clock) -> None:
    services.do_set_prices("gpt-ref", input_usd_per_million="2.5", output_usd_per_million="10")
    services.do_set_local_cost_model(
        {
            "servers": 1,
            "server_usd_per_hour": "3.6",
            "capacity_tokens_per_second": 1000,
            "reference_model": "gpt-ref",
        }
    )
    raw = limited.client().chat.completions.with_raw_response.create(
        model="stub", messages=HELLO, max_tokens=16
    )
    found = row(raw.headers["x-request-id"])
    # $3.60 an hour over 3.6 M tokens an hour = $0.000001 a token; 26 tokens.
    assert found.cost_usd == Decimal("0.000026")
    # On the reference: 10 x $2.50/M + 16 x $10/M = $0.000185.
    assert found.counterfactual_usd == Decimal("0.000185")
    assert found.reference_model == "gpt-ref"
