"""Baseline against canary over the same period, each figure with a sane confidence interval."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from audit.models import AuditRecord
from inference import canary
from tests.canary.conftest import Release, Respond

pytestmark = pytest.mark.django_db


def test_wilson_intervals_match_known_values() -> None:
    # Known answers (Wilson score interval, z = 1.96): 0/50 → [0, 0.0713]; 24/50 → [0.3480, 0.6149].
    none = canary.wilson(0, 50)
    assert none.value == 0 and none.low == 0 and none.high == pytest.approx(0.07135, abs=1e-4)
    half = canary.wilson(24, 50)
    assert half.low == pytest.approx(0.3480, abs=1e-3) and half.high == pytest.approx(0.6149, abs=1e-3)
    assert canary.wilson(0, 0).value is None


def test_percentile_intervals_cover_the_true_value_about_95_percent_of_the_time() -> None:
    # Exponential latencies with mean 100 ms: the true p95 is 100·ln(20) ≈ 299.6 ms.
    rng = random.Random(13)
    true_p95 = 100 * 2.995732
    covered = 0
    trials = 300
    for _ in range(trials):
        sample = [rng.expovariate(1 / 100) for _ in range(200)]
        estimate = canary.percentile(sample, 0.95)
        assert estimate.low is not None and estimate.high is not None
        assert estimate.low <= estimate.value <= estimate.high  # type: ignore[operator]
        covered += estimate.low <= true_p95 <= estimate.high
    assert 0.92 <= covered / trials <= 0.995, covered / trials


def test_a_sample_too_small_to_bound_a_p95_says_so() -> None:
    estimate = canary.percentile([float(v) for v in range(1, 21)], 0.95)
    assert estimate.value == 19 and estimate.high is None  # 20 values cannot bound a p95 from above
    assert canary.percentile([], 0.5).value is None


def test_the_comparison_puts_each_version_beside_the_other_over_the_canary_period(
    release: Release, administrator: User, respond: Respond
) -> None:
    respond(release.v2, status=502, count=5)  # before the canary: not counted
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    respond(release.v1, latency_ms=100, ttft_ms=20, stream=True, completion_tokens=40, count=30)
    respond(release.v1, status=502, count=1)
    respond(release.v2, latency_ms=300, count=18)
    respond(release.v2, status=504, count=2)
    respond(release.v2, status=400, count=1)  # the client's mistake: a request, not an error
    respond(release.v2, model="another-model", count=4)  # another model's requests
    comparison = canary.compare(running)
    base, cand = comparison.baseline, comparison.candidate
    assert (base.version, cand.version) == ("v1", "v2")
    assert (base.requests, base.errors) == (31, 1)
    assert (cand.requests, cand.errors) == (21, 2)
    assert cand.error_rate.value == pytest.approx(2 / 21)
    assert cand.error_rate.low < cand.error_rate.value < cand.error_rate.high  # type: ignore[operator]
    assert base.latency_p95_ms.value == 100 and cand.latency_p95_ms.value == 300
    # A streamed answer's first token is its own figure; a whole answer's comes with it.
    assert base.ttft_p50_ms.value == 20 and cand.ttft_p50_ms.value == 300
    # 40 tokens over the 80 ms after the first token: 500 tokens/s.
    assert base.tokens_per_second.value == pytest.approx(500)
    assert cand.tokens_per_second.value == pytest.approx(20 / 0.3)
    assert comparison.since == running.started_at and not comparison.truncated


def test_an_ended_canary_is_compared_up_to_its_end(
    release: Release, administrator: User, respond: Respond
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    respond(release.v2, count=3)
    ended = canary.do_rollback(running, actor=administrator, reason="enough")
    respond(release.v2, count=7)
    AuditRecord.objects.filter(created_at__gt=ended.ended_at).update(
        created_at=timezone.now() + dt.timedelta(seconds=5)
    )
    assert canary.compare(ended).candidate.requests == 3


def test_a_failure_hidden_by_a_fallback_still_counts_against_the_candidate(
    release: Release, administrator: User, respond: Respond
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    attempts = [
        {"target": "local:llama-8b@v2/llama-8b-gpu", "outcome": "502 bad_upstream_response"},
        {"target": "local:llama-8b@v1/llama-8b-gpu", "outcome": "answered"},
    ]
    respond(release.v1, route_attempts=attempts, count=4)
    comparison = canary.compare(running)
    assert (comparison.candidate.requests, comparison.candidate.errors) == (4, 4)
    assert (comparison.baseline.requests, comparison.baseline.errors) == (4, 0)
