"""Each kind of limit, as an internal app meets it through /v1: a clear 429 when it is reached.

Every test runs twice, with the in-process counters and with Redis (``backend`` fixture). The
stub upstream reports 10 prompt and 16 completion tokens for every answer; "Say hello" is
estimated at 11 prompt tokens, so a request with ``max_tokens=16`` reserves 27 and settles 26.
"""

from __future__ import annotations

import openai
import pytest

from inference.quotas import limiter, services
from tests.quotas.conftest import Clock, Gateway, second_key

HELLO = [{"role": "user", "content": "Say hello"}]


def ask(gateway: Gateway, key: str | None = None, **extra: object) -> object:
    options: dict[str, object] = {"max_tokens": 16, **extra}
    return gateway.client(key).chat.completions.create(model="stub", messages=HELLO, **options)


def refused(gateway: Gateway, key: str | None = None, **extra: object) -> openai.RateLimitError:
    with pytest.raises(openai.RateLimitError) as caught:
        ask(gateway, key, **extra)
    return caught.value


def test_requests_per_minute_refuse_the_next_request_until_the_minute_ends(
    quota_gateway: Gateway, clock: Clock
) -> None:
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 2})
    ask(quota_gateway)
    ask(quota_gateway)
    error = refused(quota_gateway)
    assert error.status_code == 429
    assert error.response.headers["retry-after"] == "50"  # 10:30:10 -> 10:31:00
    assert error.body["code"] == "rate_limit_exceeded"
    assert error.body["type"] == "requests"
    assert error.body["message"] == (
        "Rate limit reached for application 'test-app' on requests per minute: limit 2, used 2, "
        "requested 1. The limit resets at 2026-11-05T10:31:00Z (in 50 s)."
    )
    clock.advance(50)
    ask(quota_gateway)


def test_tokens_per_minute_count_prompt_and_completion_as_settled(
    quota_gateway: Gateway, clock: Clock
) -> None:
    services.do_set_limits(quota_gateway.app, {"tokens_per_minute": 60})
    ask(quota_gateway)  # reserves 27, settles 26
    ask(quota_gateway)  # 26 + 27 = 53 <= 60, settles to 52
    error = refused(quota_gateway)  # 52 + 27 = 79 > 60
    assert error.body["type"] == "tokens"
    assert "on tokens per minute: limit 60, used 52, requested 27" in error.message
    assert "resets at 2026-11-05T10:31:00Z (in 50 s)" in error.message
    assert error.response.headers["retry-after"] == "50"


def test_tokens_per_day_reset_at_midnight_utc(quota_gateway: Gateway, clock: Clock) -> None:
    services.do_set_limits(quota_gateway.app, {"tokens_per_day": 30})
    ask(quota_gateway)
    error = refused(quota_gateway)
    assert "on tokens per day: limit 30, used 26, requested 27" in error.message
    assert "resets at 2026-11-06T00:00:00Z" in error.message
    assert error.response.headers["retry-after"] == str(13 * 3600 + 29 * 60 + 50)
    clock.advance(2 * 3600)  # later the same day: still refused
    refused(quota_gateway)
    clock.advance(12 * 3600)  # the next day
    ask(quota_gateway)


def test_tokens_per_month_reset_on_the_first_of_the_next_month(quota_gateway: Gateway, clock: Clock) -> None:
    services.do_set_limits(quota_gateway.app, {"tokens_per_month": 30})
    ask(quota_gateway)
    error = refused(quota_gateway)
    assert "on tokens per month: limit 30, used 26, requested 27" in error.message
    assert "resets at 2026-12-01T00:00:00Z" in error.message
    clock.advance(20 * 86400)  # 25 November: same month
    refused(quota_gateway)
    clock.advance(6 * 86400)  # 1 December
    ask(quota_gateway)


def test_a_keys_own_limit_refuses_that_key_and_not_the_applications_others(
    quota_gateway: Gateway, clock: Clock
) -> None:
    other = second_key(quota_gateway.app)
    key = quota_gateway.app.keys.get(name="tests")
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 1}, api_key=key)
    ask(quota_gateway)
    error = refused(quota_gateway)
    assert f"Rate limit reached for API key air-{key.prefix}-**** on requests per minute" in error.message
    ask(quota_gateway, other)
    ask(quota_gateway, other)


def test_the_application_limit_holds_across_all_its_keys(quota_gateway: Gateway, clock: Clock) -> None:
    other = second_key(quota_gateway.app)
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 2})
    ask(quota_gateway)
    ask(quota_gateway, other)
    assert "application 'test-app'" in refused(quota_gateway, other).message


def test_a_request_larger_than_the_limit_itself_is_told_it_can_never_pass(
    quota_gateway: Gateway, clock: Clock
) -> None:
    services.do_set_limits(quota_gateway.app, {"tokens_per_minute": 100})
    error = refused(quota_gateway, max_tokens=500)
    assert "This request alone needs 511 but the limit of application 'test-app'" in error.message
    assert "can never pass" in error.message


def test_without_max_tokens_the_default_is_reserved_and_forwarded_when_tokens_are_limited(
    quota_gateway: Gateway, clock: Clock, settings: object
) -> None:
    settings.AIRLOCK_QUOTA_DEFAULT_MAX_TOKENS = 40  # type: ignore[attr-defined]
    services.do_set_limits(quota_gateway.app, {"tokens_per_minute": 1000})
    quota_gateway.client().chat.completions.create(model="stub", messages=HELLO)
    import httpx2 as httpx

    sent = httpx.get(f"{quota_gateway.stub_url}/_stub/state").json()["bodies"][-1]
    assert '"max_completion_tokens":40' in sent.replace(" ", "")


def test_without_limits_nothing_is_added_to_the_request(quota_gateway: Gateway, clock: Clock) -> None:
    quota_gateway.client().chat.completions.create(model="stub", messages=HELLO)
    import httpx2 as httpx

    sent = httpx.get(f"{quota_gateway.stub_url}/_stub/state").json()["bodies"][-1]
    assert "max_completion_tokens" not in sent and "max_tokens" not in sent


def test_a_refused_request_reserves_nothing(quota_gateway: Gateway, clock: Clock) -> None:
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 1, "tokens_per_minute": 1000})
    ask(quota_gateway)
    refused(quota_gateway)
    refused(quota_gateway)
    tpm = limiter.counter_key(f"a{quota_gateway.app.pk}", "tpm", limiter.windows(clock()).minute)
    assert limiter.backend().values([tpm]) == [26]


def test_removing_a_limit_takes_effect_at_the_next_request(quota_gateway: Gateway, clock: Clock) -> None:
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 1})
    ask(quota_gateway)
    refused(quota_gateway)
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": None})
    ask(quota_gateway)
