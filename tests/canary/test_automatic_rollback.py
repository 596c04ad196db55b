"""The automatic rollback: after the minimum sample, an error-rate or p95 regression ends the canary."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from appliance import schedule
from audit.events import Event
from inference import canary
from inference.models import Canary
from tests.canary.conftest import Release, Respond, audit_bodies

pytestmark = pytest.mark.django_db


def start(release: Release, administrator: User, **thresholds: float) -> Canary:
    settings = {"min_requests": 20, "max_error_ratio": 2.0, "max_p95_ratio": 1.5, **thresholds}
    return canary.do_start_canary(release.model, release.v2, 10, actor=administrator, **settings)  # type: ignore[arg-type]


def test_a_failing_canary_is_left_alone_until_its_minimum_sample(
    release: Release, administrator: User, respond: Respond
) -> None:
    start(release, administrator)
    respond(release.v1, count=100)
    respond(release.v2, status=502, count=19)
    assert canary.evaluate_running() == []
    assert Canary.objects.get().state == Canary.State.RUNNING
    respond(release.v2, status=502)
    assert canary.evaluate_running() == ["llama-8b@v2"]
    assert Canary.objects.get().state == Canary.State.ROLLED_BACK


def test_an_error_regression_is_rolled_back_with_the_figures_and_no_actor(
    release: Release, administrator: User, respond: Respond
) -> None:
    start(release, administrator)
    respond(release.v1, count=95)
    respond(release.v1, status=502, count=5)  # baseline 5 %
    respond(release.v2, count=17)
    respond(release.v2, status=502, count=3)  # canary 15 % > 2 x 5 %
    canary.evaluate_running()
    ended = Canary.objects.get()
    assert ended.state == Canary.State.ROLLED_BACK and ended.ended_by is None
    assert ended.end_reason == (
        "automatic: error rate 15.0% (3/20) exceeds 2 x max(baseline 5.0% (5/100), floor 1.0%) = 10.0%"
    )
    release.model.refresh_from_db()
    assert release.model.default_version == release.v1
    [body] = audit_bodies(Event.CANARY_ROLLED_BACK)
    assert body["actor"] == {"id": None, "name": "canary-evaluate"}
    assert body["meta"]["automatic"] is True
    assert body["meta"]["comparison"]["candidate"] == {
        "version": "v2",
        "requests": 20,
        "errors": 3,
        "latency_p95_ms": 100.0,
        "ttft_p95_ms": 100.0,
        "judge_score": None,
        "judged": 0,
    }


def test_a_baseline_without_errors_is_held_to_the_floor_not_to_zero(
    release: Release, administrator: User, respond: Respond
) -> None:
    start(release, administrator, min_requests=100)
    respond(release.v1, count=200)
    respond(release.v2, count=99)
    respond(release.v2, status=502)  # 1 % against a floor of 1 % x 2: no rollback
    assert canary.evaluate_running() == []
    respond(release.v2, status=502, count=2)  # 3/102 ≈ 2.9 %: rolled back
    assert canary.evaluate_running() == ["llama-8b@v2"]


def test_a_p95_latency_regression_is_rolled_back(
    release: Release, administrator: User, respond: Respond
) -> None:
    start(release, administrator)
    respond(release.v1, latency_ms=200, count=60)
    respond(release.v2, latency_ms=250, count=20)  # 1.25 x the baseline: kept
    assert canary.evaluate_running() == []
    respond(release.v2, latency_ms=900, count=10)  # p95 900 ms > 1.5 x 200 ms
    assert canary.evaluate_running() == ["llama-8b@v2"]
    assert Canary.objects.get().end_reason.startswith(
        "automatic: p95 latency 900 ms (30 answers) exceeds 1.5 x"
    )


def test_the_schedule_runs_the_evaluation_every_minute(settings: object) -> None:
    jobs = {job.name: job for job in schedule.jobs()}
    assert jobs["canary-evaluate"].task == "inference.tasks.evaluate_canaries"
    assert jobs["canary-evaluate"].seconds == 60
    assert jobs["drains-finish"].task == "inference.tasks.finish_drains"
