"""What one request adds to /metrics, as an operator reads it after sending requests."""

from __future__ import annotations

import openai
import pytest

from inference import services
from inference.quotas import services as quota_services
from tests.metrics.conftest import Gateway, scrape, value

HELLO = [{"role": "user", "content": "Say hello"}]
GENAI = {"gen_ai_operation_name": "chat", "gen_ai_system": "vllm", "gen_ai_request_model": "stub"}


def test_an_answered_request_is_counted_by_application_model_target_and_status(gateway: Gateway) -> None:
    before = scrape(gateway.url)
    gateway.client().chat.completions.create(model="stub", messages=HELLO)
    after = scrape(gateway.url)
    labels = {"application": "test-app", "model": "stub", "target": "stub", "status_class": "2xx"}
    assert (
        value(after, "airlock_requests_total", **labels) - value(before, "airlock_requests_total", **labels)
        == 1
    )
    for name in ("gen_ai_server_request_duration_count", "gen_ai_client_operation_duration_count"):
        assert value(after, name, **GENAI) - value(before, name, **GENAI) == 1


def test_tokens_of_a_streamed_answer_come_from_its_usage(gateway: Gateway) -> None:
    before = scrape(gateway.url)
    # The client does not ask for usage; the gateway does, and counts it.
    chunks = list(gateway.client().chat.completions.create(model="stub", messages=HELLO, stream=True))
    assert chunks
    after = scrape(gateway.url)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("airlock_tokens_total", application="test-app", model="stub", direction="input") == 10
    assert delta("airlock_tokens_total", application="test-app", model="stub", direction="output") == 16
    assert delta("gen_ai_client_token_usage_sum", **GENAI, gen_ai_token_type="input") == 10
    assert delta("gen_ai_client_token_usage_sum", **GENAI, gen_ai_token_type="output") == 16
    assert delta("gen_ai_server_time_to_first_token_count", **GENAI) == 1
    assert delta("gen_ai_server_time_per_output_token_count", **GENAI) == 1
    # The first token came before the whole answer did.
    ttft = delta("gen_ai_server_time_to_first_token_sum", **GENAI)
    total = delta("gen_ai_server_request_duration_sum", **GENAI, error_type="")
    assert 0 < ttft < total


def test_a_failing_backend_is_counted_as_a_server_error(gateway: Gateway) -> None:
    before = scrape(gateway.url)
    with pytest.raises(openai.InternalServerError):
        gateway.client().chat.completions.create(model="stub-500", messages=HELLO)
    after = scrape(gateway.url)
    labels = {"model": "stub-500", "status_class": "5xx"}
    assert (
        value(after, "airlock_requests_total", **labels) - value(before, "airlock_requests_total", **labels)
        == 1
    )


def test_a_quota_refusal_is_counted_with_its_reason(gateway: Gateway) -> None:
    quota_services.do_set_limits(gateway.app, {"requests_per_minute": 1})
    before = scrape(gateway.url)
    refused = 0
    for _ in range(3):
        try:
            gateway.client().chat.completions.create(model="stub", messages=HELLO)
        except openai.RateLimitError:
            refused += 1
    assert refused >= 1
    after = scrape(gateway.url)
    labels = {"application": "test-app", "reason": "rate_limit_exceeded"}
    name = "airlock_quota_refusals_total"
    assert value(after, name, **labels) - value(before, name, **labels) == refused


def test_a_revoked_key_is_counted_at_the_next_scrape(gateway: Gateway, settings: object) -> None:
    settings.AIRLOCK_METRICS_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    before = value(scrape(gateway.url), "airlock_key_revocations_total")
    key = services.do_create_api_key(gateway.app, name="to-revoke")
    services.do_revoke_api_key(key.key)
    assert value(scrape(gateway.url), "airlock_key_revocations_total") == before + 1


def test_audit_writes_are_timed(gateway: Gateway) -> None:
    before = value(scrape(gateway.url), "airlock_audit_write_duration_seconds_count")
    gateway.client().chat.completions.create(model="stub", messages=HELLO)
    # The request's record and its answer's record (possibly in one batch).
    assert value(scrape(gateway.url), "airlock_audit_write_duration_seconds_count") > before
