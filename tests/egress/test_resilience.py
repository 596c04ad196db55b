"""Retries, back-off, Retry-After and the circuit breaker, against a provider having a bad day.

Timings are measured loosely (these machines are shared): lower bounds the code guarantees,
upper bounds far from the expected values.
"""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import openai
import pytest

from inference import services
from inference.providers.resilience import retry_after_of
from tests.egress.conftest import ANTHROPIC_MODEL, OPENAI_MODEL, Egress
from tests.keyfiles import write_key_file

ASK = [{"role": "user", "content": "My name is Maria Gonzalez and my SSN is 536-22-8197."}]
MODELS = [OPENAI_MODEL, ANTHROPIC_MODEL]


def gaps(egress: Egress) -> list[float]:
    times = [r.at for r in egress.capture.requests]
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def limits(egress: Egress, **changes: object) -> None:
    for provider in (egress.openai_provider, egress.anthropic_provider):
        services.do_update_provider(provider, services.ProviderSettings(**changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("model", MODELS)
def test_a_429_is_retried_after_the_providers_retry_after(egress: Egress, model: str) -> None:
    egress.allow()
    egress.capture.fail(429, times=1, retry_after="1")
    answer = egress.client().chat.completions.create(model=model, messages=ASK)
    assert "Maria Gonzalez" in (answer.choices[0].message.content or "")
    assert len(egress.capture.requests) == 2
    assert 0.95 <= gaps(egress)[0] < 3.0


def test_5xx_answers_are_retried_with_growing_jittered_back_off(egress: Egress, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AIRLOCK_EGRESS_RETRY_BASE_SECONDS = 0.2
    settings.AIRLOCK_EGRESS_RETRY_MAX_SECONDS = 2.0
    egress.allow()
    egress.capture.fail(500, times=1)
    egress.capture.fail(529, times=1)  # Anthropic's "overloaded"
    answer = egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    assert answer.choices[0].message.content
    first, second = gaps(egress)
    # About 0.2 s then 0.4 s, each plus up to 0.2 s of jitter.
    assert 0.19 <= first < 1.5
    assert 0.39 <= second < 2.0


def test_when_retries_run_out_the_app_gets_a_502_that_says_so(egress: Egress) -> None:
    egress.allow()
    egress.capture.fail(503, times=None)
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.status_code == 502
    body = caught.value.body
    assert body["code"] == "provider_error" and "after 3 attempts" in body["message"]  # type: ignore[index]
    assert len(egress.capture.requests) == 3  # the first attempt and max_retries=2


def test_a_retry_after_longer_than_the_cap_is_passed_to_the_app_instead_of_waited_out(
    egress: Egress, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.AIRLOCK_EGRESS_RETRY_AFTER_MAX_SECONDS = 2.0
    egress.allow()
    egress.capture.fail(429, times=1, retry_after="120")
    started = time.monotonic()
    with pytest.raises(openai.RateLimitError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert time.monotonic() - started < 2.0
    assert caught.value.response.headers["retry-after"] == "120"
    assert caught.value.body["code"] == "provider_rate_limited"  # type: ignore[index]
    assert len(egress.capture.requests) == 1


def test_a_request_the_provider_rejects_is_not_retried(egress: Egress) -> None:
    egress.allow()
    egress.capture.fail(400, times=1)
    with pytest.raises(openai.BadRequestError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "provider_rejected"  # type: ignore[index]
    assert len(egress.capture.requests) == 1


def test_a_provider_slower_than_its_timeout_is_retried_then_answered_502_like_an_unreachable_one(
    egress: Egress,
) -> None:
    # A timeout reads like a refused connection (tests/security/test_provider_ssrf.py): the
    # wording must not tell an open port from a closed one.
    egress.allow()
    limits(egress, timeout_seconds=0.3, max_retries=1)
    egress.capture.delay = 1.0
    with pytest.raises(openai.APIStatusError) as caught:
        egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    assert caught.value.status_code == 502
    assert caught.value.body["code"] == "provider_unreachable"  # type: ignore[index]
    assert len(egress.capture.requests) == 2


def test_a_stream_is_retried_before_it_starts(egress: Egress) -> None:
    egress.allow()
    egress.capture.fail(502, times=1)
    stream = egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK, stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert "536-22-8197" in text
    assert len(egress.capture.requests) == 2


@pytest.mark.parametrize("model", MODELS)
def test_a_stream_that_breaks_after_it_started_is_never_retried(egress: Egress, model: str) -> None:
    egress.allow()
    egress.capture.break_after = 3
    received = []
    with pytest.raises(openai.APIError) as caught:
        for chunk in egress.client().chat.completions.create(model=model, messages=ASK, stream=True):
            received.append(chunk)
    assert received, "the first chunks reached the client"
    assert "broke" in caught.value.message
    assert len(egress.capture.requests) == 1, "a started stream is not sent again"


def test_the_circuit_opens_after_repeated_failures_and_says_so(egress: Egress) -> None:
    egress.allow()
    limits(egress, max_retries=0, breaker_threshold=3, breaker_cooldown_seconds=30)
    egress.capture.fail(500, times=None)
    for _ in range(3):
        with pytest.raises(openai.InternalServerError) as caught:
            egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
        assert caught.value.status_code == 502
    assert len(egress.capture.requests) == 3
    started = time.monotonic()
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert time.monotonic() - started < 1.0, "an open circuit answers at once"
    assert caught.value.status_code == 503
    body = caught.value.body
    assert body["code"] == "circuit_open"  # type: ignore[index]
    assert "circuit breaker for provider 'capture-openai' is open" in body["message"]  # type: ignore[index]
    assert 1 <= int(caught.value.response.headers["retry-after"]) <= 30
    assert len(egress.capture.requests) == 3, "nothing was sent while the circuit is open"
    # Each provider has its own circuit.
    egress.capture.always = None
    assert egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK).choices


def test_after_the_cool_down_one_trial_request_closes_the_circuit_again(egress: Egress) -> None:
    egress.allow()
    limits(egress, max_retries=0, breaker_threshold=2, breaker_cooldown_seconds=0.5)
    egress.capture.fail(500, times=None)
    for _ in range(2):
        with pytest.raises(openai.InternalServerError):
            egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    assert caught.value.body["code"] == "circuit_open"  # type: ignore[index]

    time.sleep(0.6)  # half-open: the trial fails, the circuit opens for another cool-down
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    assert caught.value.body["code"] == "provider_error"  # type: ignore[index]
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    assert caught.value.body["code"] == "circuit_open"  # type: ignore[index]
    assert len(egress.capture.requests) == 3

    egress.capture.always = None
    time.sleep(0.6)  # half-open again: this trial succeeds and closes it
    for _ in range(3):
        assert egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK).choices
    assert len(egress.capture.requests) == 6


def test_a_429_does_not_open_the_circuit(egress: Egress) -> None:
    egress.allow()
    limits(egress, max_retries=0, breaker_threshold=2)
    egress.capture.fail(429, times=None, retry_after="0")
    for _ in range(4):
        with pytest.raises(openai.RateLimitError):
            egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert len(egress.capture.requests) == 4


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    assert retry_after_of({"retry-after": "7"}) == 7.0
    assert retry_after_of({"retry-after": "1.5"}) == 1.5
    assert retry_after_of({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    now = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    date = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after_of({"retry-after": date}, now=now.timestamp()) == pytest.approx(30.0)
    assert (
        retry_after_of(
            {"retry-after": format_datetime(now - timedelta(seconds=5), usegmt=True)}, now=now.timestamp()
        )
        == 0.0
    )
    assert retry_after_of({"retry-after": "soon"}) is None
    assert retry_after_of({}) is None


def test_pointing_the_provider_at_a_new_key_file_closes_its_circuit(egress: Egress) -> None:
    egress.allow()
    limits(egress, max_retries=0, breaker_threshold=1, breaker_cooldown_seconds=300)
    egress.capture.fail(500, times=1)
    with pytest.raises(openai.InternalServerError):
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "circuit_open"  # type: ignore[index]
    fixed = write_key_file(egress.capture.api_key)
    services.do_update_provider(egress.openai_provider, services.ProviderSettings(api_key_file=str(fixed)))
    assert egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK).choices
