"""Egress spending is held to the application's monthly budget and the appliance-wide cap.

Through /v1 to a real loopback server playing OpenAI (tests/egress/capture_server.py), which
reports 11 prompt and 7 completion tokens per answer. The external model is priced at $1,000
per million tokens both ways ($0.001 a token) so the figures are easy to follow: an answer
costs $0.018; a request with ``max_tokens=10`` reserves (11 estimated + 10) x $0.001 = $0.021.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal

import httpx2 as httpx
import openai
import pytest

from inference.quotas import ledger, limiter, services
from inference.quotas.models import UsageRecord
from tests.egress.conftest import OPENAI_MODEL, Egress, capture, egress, key_file  # noqa: F401
from tests.quotas.conftest import Clock

HELLO = [{"role": "user", "content": "Say hello"}]


@pytest.fixture
def priced(egress: Egress, backend: limiter.Backend) -> Iterator[Egress]:  # noqa: F811
    egress.allow()
    services.do_set_prices(OPENAI_MODEL, input_usd_per_million="1000", output_usd_per_million="1000")
    yield egress
    ledger.flush()


def ask(egress: Egress) -> object:  # noqa: F811
    return egress.client().chat.completions.create(model=OPENAI_MODEL, messages=HELLO, max_tokens=10)


def spent(scope: str, clock: Clock) -> Decimal:
    key = limiter.counter_key(scope, "usd", limiter.windows(clock()).month)
    return Decimal(limiter.backend().values([key])[0]) / 1_000_000


def test_an_applications_egress_budget_refuses_the_request_that_would_pass_it(
    priced: Egress, clock: Clock
) -> None:
    services.do_set_limits(priced.app, {"budget_usd_per_month": "0.05"})
    ask(priced)
    assert spent(f"a{priced.app.pk}", clock) == Decimal("0.018")  # settled to the real usage
    ask(priced)
    with pytest.raises(openai.RateLimitError) as caught:
        ask(priced)  # 0.036 + 0.021 > 0.05
    error = caught.value
    assert error.body["code"] == "budget_exceeded" and error.body["type"] == "budget"
    assert error.body["message"] == (
        "Rate limit reached for application 'clinic' on monthly egress budget: limit $0.05, used $0.04, "
        "requested $0.02. The limit resets at 2026-12-01T00:00:00Z (in 2208590 s)."
    )
    assert error.response.headers["retry-after"] == "2208590"


def test_the_appliance_wide_egress_cap_holds_for_every_application(priced: Egress, clock: Clock) -> None:
    services.do_set_egress_cap("0.03")
    ask(priced)
    with pytest.raises(openai.RateLimitError) as caught:
        ask(priced)
    assert "for the appliance's egress on monthly egress budget: limit $0.03" in caught.value.body["message"]
    assert spent("global", clock) == Decimal("0.018")


def test_an_unpriced_external_model_is_refused_when_a_budget_applies(egress: Egress, backend: object) -> None:  # noqa: F811
    egress.allow()
    services.do_set_egress_cap("100")
    with pytest.raises(openai.PermissionDeniedError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=HELLO, max_tokens=10)
    assert caught.value.body["code"] == "price_unknown"


def test_egress_requests_are_in_the_ledger_with_their_provider_and_cost(priced: Egress, clock: Clock) -> None:
    raw = priced.client().chat.completions.with_raw_response.create(
        model=OPENAI_MODEL, messages=HELLO, max_tokens=10
    )
    request_id = raw.headers["x-request-id"]
    deadline = time.monotonic() + 5
    while not UsageRecord.objects.filter(request_id=request_id).exists() and time.monotonic() < deadline:
        ledger.flush()
        time.sleep(0.02)
    row = UsageRecord.objects.get(request_id=request_id)
    assert (row.route, row.provider, row.status) == ("egress", "capture-openai", 200)
    assert (row.prompt_tokens, row.completion_tokens) == (11, 7)
    assert row.cost_usd == Decimal("0.018")


def test_a_streamed_egress_answer_settles_its_budget(priced: Egress, clock: Clock) -> None:
    services.do_set_limits(priced.app, {"budget_usd_per_month": "10"})
    chunks = list(
        priced.client().chat.completions.create(
            model=OPENAI_MODEL,
            messages=HELLO,
            max_tokens=10,
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert chunks
    deadline = time.monotonic() + 5
    while spent(f"a{priced.app.pk}", clock) != Decimal("0.018") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert spent(f"a{priced.app.pk}", clock) == Decimal("0.018")


def test_an_egress_stream_cut_short_pays_for_what_was_streamed(priced: Egress, clock: Clock) -> None:
    # A slow provider echoing a long prompt in 5-character chunks; the client reads two chunks
    # of the answer and hangs up. No usage figure arrives: the budget is charged the prompt
    # estimate and the streamed text at three bytes a token, not the 400 tokens reserved.
    services.do_set_limits(priced.app, {"budget_usd_per_month": "10"})
    priced.capture.piece_delay = 0.1
    words = " ".join(["gateway"] * 60)
    body = {"model": OPENAI_MODEL, "messages": [{"role": "user", "content": words}], "max_tokens": 400}
    body["stream"] = True
    headers = {"Authorization": f"Bearer {priced.key}"}
    pieces = 0
    with httpx.stream("POST", f"{priced.url}/v1/chat/completions", json=body, headers=headers) as response:
        request_id = response.headers["x-request-id"]
        for line in response.iter_lines():
            pieces += '"content":"' in line and '"content":""' not in line
            if pieces == 2:
                break
    deadline = time.monotonic() + 10
    while not UsageRecord.objects.filter(request_id=request_id).exists() and time.monotonic() < deadline:
        ledger.flush()
        time.sleep(0.05)
    row = UsageRecord.objects.get(request_id=request_id)
    assert (row.status, row.estimated) == (499, True)
    # At least the two chunks read (10 bytes: 4 tokens), far below the reservation.
    assert 4 <= row.completion_tokens < 100, row.completion_tokens
    reserved_usd = Decimal(row.prompt_tokens + 400) / 1000
    assert row.cost_usd == Decimal(row.prompt_tokens + row.completion_tokens) / 1000 < reserved_usd
    deadline = time.monotonic() + 5
    while spent(f"a{priced.app.pk}", clock) != row.cost_usd and time.monotonic() < deadline:
        time.sleep(0.02)
    assert spent(f"a{priced.app.pk}", clock) == row.cost_usd
