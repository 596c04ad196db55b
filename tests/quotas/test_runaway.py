"""A runaway application is suspended automatically, visibly, and re-enabled by an administrator."""

from __future__ import annotations

import openai
import orjson
import pytest

from audit import sequencer
from audit.events import Event
from audit.models import AuditRecord
from inference.models import Application
from inference.quotas import limiter, runaway, services
from inference.quotas.limiter import RunawayCheck
from inference.quotas.models import Alert
from tests.quotas.conftest import Clock, Gateway

HELLO = [{"role": "user", "content": "Say hello"}]


def ask(gateway: Gateway) -> None:
    gateway.client().chat.completions.create(model="stub", messages=HELLO, max_tokens=16)


def records(event: Event, app: Application) -> list[dict]:
    sequencer.wait_idle()
    rows = AuditRecord.objects.filter(event=event, application_id=app.pk).order_by("id")
    return [orjson.loads(r.body) for r in rows]


def test_an_application_above_its_absolute_rate_is_suspended_with_an_audit_record_and_an_alert(
    quota_gateway: Gateway, clock: Clock
) -> None:
    services.do_set_limits(quota_gateway.app, {"suspend_above_rpm": 3})
    for _ in range(3):
        ask(quota_gateway)
    with pytest.raises(openai.PermissionDeniedError) as caught:
        ask(quota_gateway)
    assert caught.value.body["code"] == "application_suspended"
    runaway.wait_idle()

    quota_gateway.app.refresh_from_db()
    assert quota_gateway.app.is_active is False
    alert = Alert.objects.get(application=quota_gateway.app)
    assert alert.kind == Alert.Kind.RUNAWAY and alert.acknowledged_at is None
    assert "sent 4 requests in one minute, above its runaway threshold of 3" in alert.message
    (suspended,) = records(Event.APP_SUSPENDED, quota_gateway.app)
    assert suspended["actor"]["name"] == "runaway-protection"
    assert suspended["meta"]["automatic"] is True
    assert suspended["meta"]["old"] == {"is_active": True} and suspended["meta"]["new"] == {
        "is_active": False
    }
    assert suspended["meta"]["details"]["requests_this_minute"] == 4

    # Every later request is refused, in the same minute and after it.
    clock.advance(120)
    with pytest.raises(openai.PermissionDeniedError):
        ask(quota_gateway)


def test_an_administrator_re_enables_a_suspended_application(
    quota_gateway: Gateway, clock: Clock, administrator: object
) -> None:
    services.do_set_limits(quota_gateway.app, {"suspend_above_rpm": 2})
    ask(quota_gateway)
    ask(quota_gateway)
    with pytest.raises(openai.PermissionDeniedError):
        ask(quota_gateway)
    runaway.wait_idle()

    services.do_reenable_application(quota_gateway.app, actor=administrator, reason="loop fixed")  # type: ignore[arg-type]
    ask(quota_gateway)  # in the same minute: the count started afresh
    (reenabled,) = records(Event.APP_REENABLED, quota_gateway.app)
    assert reenabled["actor"]["name"] == "adam-admin"
    assert reenabled["meta"]["reason"] == "loop fixed"
    assert reenabled["meta"]["new"] == {"is_active": True}


def test_requests_refused_by_a_limit_still_count_towards_the_runaway_rate(
    quota_gateway: Gateway, clock: Clock
) -> None:
    services.do_set_limits(quota_gateway.app, {"requests_per_minute": 1, "suspend_above_rpm": 4})
    ask(quota_gateway)
    for _ in range(3):
        with pytest.raises(openai.RateLimitError):
            ask(quota_gateway)
    with pytest.raises(openai.PermissionDeniedError):
        ask(quota_gateway)


def test_an_administrator_can_suspend_an_application_by_hand(
    quota_gateway: Gateway, clock: Clock, administrator: object
) -> None:
    alert = services.do_suspend_application(quota_gateway.app, reason="Investigating", actor=administrator)  # type: ignore[arg-type]
    assert alert.kind == Alert.Kind.SUSPENDED
    with pytest.raises(openai.PermissionDeniedError) as caught:
        ask(quota_gateway)
    assert caught.value.body["code"] == "application_suspended"


# The baseline, at the limiter (no HTTP needed to cross many minutes).

FACTOR_10_MIN_100 = RunawayCheck(app_id=7, relative=True, factor=10, minimum=100, absolute=0)


async def send(backend: limiter.Backend, clock: Clock, count: int, check: RunawayCheck) -> limiter.Outcome:
    outcome = limiter.Outcome("ok")
    for i in range(count):
        now = clock()
        outcome = await backend.reserve(limiter.reservation_key(f"r{now}-{i}"), [], check, now, now + 60)
        if outcome.status != "ok":
            return outcome
    return outcome


async def test_a_burst_far_above_the_normal_rate_trips_it(backend: limiter.Backend, clock: Clock) -> None:
    for _ in range(5):  # normal: 20 a minute
        assert (await send(backend, clock, 20, FACTOR_10_MIN_100)).status == "ok"
        clock.advance(60)
    # 10 x 20 = 200 a minute is the threshold: the 201st trips it.
    assert (await send(backend, clock, 200, FACTOR_10_MIN_100)).status == "ok"
    tripped = await send(backend, clock, 1, FACTOR_10_MIN_100)
    assert tripped.status == "tripped"
    assert (tripped.requests_this_minute, tripped.threshold, tripped.baseline) == (201, 200, 20.0)
    assert (await send(backend, clock, 1, FACTOR_10_MIN_100)).status == "blocked"


async def test_quiet_minutes_do_not_lower_the_normal_rate(backend: limiter.Backend, clock: Clock) -> None:
    for _ in range(3):
        await send(backend, clock, 20, FACTOR_10_MIN_100)
        clock.advance(60)
    clock.advance(8 * 3600)  # a quiet night
    assert (await send(backend, clock, 150, FACTOR_10_MIN_100)).status == "ok"


async def test_a_new_application_is_held_to_the_minimum_rate(backend: limiter.Backend, clock: Clock) -> None:
    assert (await send(backend, clock, 100, FACTOR_10_MIN_100)).status == "ok"
    assert (await send(backend, clock, 1, FACTOR_10_MIN_100)).status == "tripped"


async def test_with_protection_off_only_an_absolute_rate_suspends(
    backend: limiter.Backend, clock: Clock
) -> None:
    off = RunawayCheck(app_id=8, relative=False, factor=10, minimum=100, absolute=0)
    assert (await send(backend, clock, 500, off)).status == "ok"
    clock.advance(60)
    absolute = RunawayCheck(app_id=8, relative=False, factor=10, minimum=100, absolute=300)
    assert (await send(backend, clock, 300, absolute)).status == "ok"
    assert (await send(backend, clock, 1, absolute)).status == "tripped"


async def test_re_enabling_clears_the_block_and_the_minutes_count(
    backend: limiter.Backend, clock: Clock
) -> None:
    await send(backend, clock, 101, FACTOR_10_MIN_100)
    assert (await send(backend, clock, 1, FACTOR_10_MIN_100)).status == "blocked"
    backend.unblock(FACTOR_10_MIN_100.app_id)
    assert (await send(backend, clock, 50, FACTOR_10_MIN_100)).status == "ok"
