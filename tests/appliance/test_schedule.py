"""The schedule runs itself: retention, rollups, health checks and checkpoints without a command.

The embedded profile has no Celery beat; each gateway worker runs an ``EmbeddedScheduler``
that calls the same jobs beat does. These tests run the real schedule (every configured job,
its real task) with its periods shrunk to a fraction of a second, and wait for each job's
effect in the database, as an operator would find it. No job is called by hand.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from celery import shared_task
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from appliance import schedule
from appliance.models import ScheduledJob
from audit import envelope, keyring
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord, Checkpoint, DataKey, TreeState
from inference import services
from inference.models import Backend
from inference.quotas.models import UsageRecord, UsageRollup
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(condition: Callable[[], Any], seconds: float = 45.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not true within {seconds} s: {condition.__doc__ or condition}")


@pytest.fixture(autouse=True)
def _audit_files(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.AIRLOCK_AUDIT_WITNESS_FILE = str(tmp_path / "witness.jsonl")
    envelope.forget()
    keyring.reset_caches()
    yield
    envelope.forget()
    keyring.reset_caches()


@pytest.fixture
def fast_schedule(settings: Any) -> dict[str, Any]:
    """Every job of the real schedule, due every 0.3 s."""
    fast = {name: {**entry, "seconds": 0.3} for name, entry in settings.AIRLOCK_SCHEDULE.items()}
    settings.AIRLOCK_SCHEDULE = fast
    settings.AIRLOCK_SCHEDULE_LEASE_SECONDS = 3.0
    return fast


@pytest.fixture
def running(fast_schedule: dict[str, Any]) -> Iterator[schedule.EmbeddedScheduler]:
    scheduler = schedule.EmbeddedScheduler(tick_seconds=0.05)
    scheduler.start()
    yield scheduler
    scheduler.stop()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_schedule_covers_every_periodic_job_and_beat_runs_them_through_the_lease(settings: Any) -> None:
    names = set(settings.AIRLOCK_SCHEDULE)
    assert {"audit-retention", "audit-checkpoint", "audit-seal", "check-backends", "usage-rollup"} <= names
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] == "appliance.schedule.run_job"
        assert entry["args"] == (name,)
        assert entry["schedule"] == settings.AIRLOCK_SCHEDULE[name]["seconds"]


def test_retention_shreds_expired_content_without_anyone_running_it(running: Any) -> None:
    from inference.models import Application

    app = Application.objects.create(name="billing")
    old = record(
        Event.INFERENCE_REQUEST,
        target=("api_key", "ak_test"),
        application_id=app.pk,
        meta={"model": "stub", "status": 200},
        content={"request": {"messages": [{"role": "user", "content": "an old prompt"}]}},
    )
    DataKey.objects.filter(key_id=old.key_id).update(period=timezone.now().date() - dt.timedelta(days=400))

    def shredded() -> bool:
        """the expired content key is shredded and its ciphertext gone"""
        key = DataKey.objects.get(key_id=old.key_id)
        return key.shredded_at is not None and AuditRecord.objects.get(pk=old.pk).content is None

    wait_for(shredded)
    assert AuditRecord.objects.filter(event=Event.AUDIT_RETENTION_RUN).exists()


def test_rollups_appear_without_a_refresh(running: Any) -> None:
    app = services.do_create_application("triage")
    UsageRecord.objects.create(
        request_id="req-1",
        created_at=datetime.now(UTC),
        application_id=app.pk,
        model="smollm2-135m",
        route="local",
        prompt_tokens=12,
        completion_tokens=30,
        status=200,
        latency_ms=80.0,
        cost_usd=Decimal(0),
        counterfactual_usd=Decimal("0.001"),
        reference_model="",
    )

    def rolled_up() -> bool:
        """today's rollup counts the request"""
        return UsageRollup.objects.filter(application_id=app.pk, requests=1, completion_tokens=30).exists()

    wait_for(rolled_up)


def test_a_stopped_backend_is_marked_unhealthy(running: Any) -> None:
    backend = Backend.objects.create(name="gpu-gone", base_url=f"http://127.0.0.1:{closed_port()}")
    assert backend.is_healthy

    def unhealthy() -> bool:
        """the backend is marked unhealthy with the error seen"""
        backend.refresh_from_db()
        return not backend.is_healthy and bool(backend.last_error)

    wait_for(unhealthy)


def test_a_checkpoint_is_signed_on_time(running: Any) -> None:
    record(Event.AUDIT_STARTED, meta={"component": "test"})

    def signed() -> bool:
        """a signed checkpoint covers the whole sealed log"""
        tree = TreeState.objects.filter(pk=1).first()
        return bool(tree and tree.size and Checkpoint.objects.filter(size=tree.size).exists())

    wait_for(signed)


def test_the_schedule_records_each_run_and_when_the_next_is_due(running: Any) -> None:
    def all_ran() -> bool:
        """every job has run at least once"""
        return ScheduledJob.objects.filter(runs__gte=1).count() == len(schedule.jobs())

    wait_for(all_ran)
    for state in schedule.states():
        assert state.row is not None and state.row.last_started_at is not None
        assert state.next_run_at == state.row.last_started_at + dt.timedelta(seconds=state.job.seconds)


_active = 0
_most = 0
_runs = 0
_counting = threading.Lock()


@shared_task(name="tests.appliance.test_schedule.slow_job")
def slow_job() -> int:
    """A job that notes how many copies of itself run at once."""
    global _active, _most, _runs
    with _counting:
        _active += 1
        _runs += 1
        _most = max(_most, _active)
    time.sleep(0.15)
    with _counting:
        _active -= 1
    return _runs


def test_two_workers_never_run_the_same_job_at_once(settings: Any) -> None:
    global _most, _runs
    _most = _runs = 0
    settings.AIRLOCK_SCHEDULE = {"slow": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 0.05}}
    settings.AIRLOCK_SCHEDULE_LEASE_SECONDS = 3.0
    # Two schedulers with their own identities and database connections, as two gunicorn
    # workers have: each ticks far more often than the job takes.
    workers = [schedule.EmbeddedScheduler(tick_seconds=0.01, runner=f"worker-{i}") for i in range(2)]
    for worker in workers:
        worker.start()
    time.sleep(2.0)
    for worker in workers:
        worker.stop()

    assert _runs >= 5, "the job should have run again and again"
    assert _most == 1, f"{_most} copies of the job ran at the same time"
    row = ScheduledJob.objects.get(name="slow")
    assert row.lease_owner == "" and row.status == ScheduledJob.Status.OK
    assert row.runs == _runs


def test_beat_does_not_start_a_job_that_is_still_running_elsewhere(settings: Any) -> None:
    settings.AIRLOCK_SCHEDULE = {"slow": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 60.0}}
    ScheduledJob.objects.create(
        name="slow",
        task="tests.appliance.test_schedule.slow_job",
        period_seconds=60.0,
        lease_owner="other-host:123:abcd",
        lease_until=timezone.now() + dt.timedelta(seconds=30),
    )
    assert schedule.run_job("slow") == "busy"
    # A lease whose process died runs out, and the job runs again.
    ScheduledJob.objects.filter(name="slow").update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    assert schedule.run_job("slow") == "ok"


@shared_task(name="tests.appliance.test_schedule.broken_job")
def broken_job() -> None:
    raise RuntimeError("the disk is full")


def test_a_failed_job_is_recorded_and_flagged_on_the_dashboard(
    settings: Any, client: Client, administrator: User
) -> None:
    settings.AIRLOCK_SCHEDULE = {
        "broken": {"task": "tests.appliance.test_schedule.broken_job", "seconds": 60.0},
        "stale": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 60.0},
    }
    assert schedule.run_job("broken") == "failed"
    ScheduledJob.objects.create(
        name="stale",
        task="tests.appliance.test_schedule.slow_job",
        period_seconds=60.0,
        status=ScheduledJob.Status.OK,
        last_started_at=timezone.now() - dt.timedelta(minutes=10),
        last_success_at=timezone.now() - dt.timedelta(minutes=10),
    )
    row = ScheduledJob.objects.get(name="broken")
    assert row.status == ScheduledJob.Status.FAILED and "the disk is full" in row.last_error
    assert row.failures == 1

    page = sign_in_verified(client, administrator).get("/console/dashboard/").content.decode()
    assert 'id="schedule-table"' in page
    broken_row = page.split('id="job-broken"')[1].split("</tr>")[0]
    stale_row = page.split('id="job-stale"')[1].split("</tr>")[0]
    assert "failed" in broken_row and "the disk is full" in broken_row
    assert "overdue" in stale_row


def test_people_who_are_not_administrators_do_not_see_the_schedule(client: Client, app_owner: User) -> None:
    page = sign_in_verified(client, app_owner).get("/console/dashboard/")
    assert page.status_code == 200
    assert b"schedule-table" not in page.content


def test_a_fresh_embedded_appliance_runs_every_job_of_its_schedule(tmp_path: Path) -> None:
    """As in `make demo`: a new process, no Redis, no task module imported beforehand."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "AIRLOCK_TEST_DATA_DIR", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(AIRLOCK_DATA_DIR=str(tmp_path), AIRLOCK_REDACTION_WARM="false")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=120
    )
    script = """
import time
import django
django.setup()
from django.conf import settings
from appliance import schedule
from appliance.models import ScheduledJob
assert settings.AIRLOCK_SCHEDULER == "embedded", settings.AIRLOCK_SCHEDULER
started = schedule.start_embedded()
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    if ScheduledJob.objects.filter(runs__gte=1).count() == len(schedule.jobs()):
        break
    time.sleep(0.2)
schedule.stop_embedded()
for row in ScheduledJob.objects.order_by("name"):
    print(row.name, row.status, row.runs, row.last_error)
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "appliance.settings", "AIRLOCK_SCHEDULE_TICK_SECONDS": "0.1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.split("\n")
    ran = {line.split()[0]: line for line in lines if line.strip()}
    assert set(ran) == {job.name for job in schedule.jobs()}, done.stdout
    for name, line in ran.items():
        assert line.split()[1] == "ok", f"{name}: {line}"


def test_a_stopping_scheduler_leaves_no_lease_behind(settings: Any) -> None:
    settings.AIRLOCK_SCHEDULE = {"slow": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 0.01}}
    scheduler = schedule.EmbeddedScheduler(tick_seconds=60, runner="stopping")
    scheduler._stop.set()  # the worker is shutting down as the tick hands the job over
    scheduler.tick()
    scheduler.stop()
    row = ScheduledJob.objects.filter(name="slow").first()
    assert row is None or (row.lease_owner == "" and row.lease_until is None)


def test_a_tick_hands_over_only_the_jobs_that_are_due(settings: Any) -> None:
    """One read per tick decides; a job that is not due gets no thread, connection or UPDATE.

    Before, every tick handed every job to a thread that opened a connection to find out,
    each second: on SQLite that was a tenth of the gateway's CPU and a cause of its tail.
    """
    settings.AIRLOCK_SCHEDULE = {
        "fresh": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 3600},
        "ran_just_now": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 3600},
        "leased": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 0.01},
        "overdue": {"task": "tests.appliance.test_schedule.slow_job", "seconds": 60},
    }
    now = timezone.now()
    ScheduledJob.objects.create(name="ran_just_now", task="t", period_seconds=3600, last_started_at=now)
    ScheduledJob.objects.create(
        name="leased",
        task="t",
        period_seconds=0.01,
        lease_owner="elsewhere",
        lease_until=now + dt.timedelta(minutes=5),
    )
    ScheduledJob.objects.create(
        name="overdue", task="t", period_seconds=60, last_started_at=now - dt.timedelta(minutes=2)
    )
    scheduler = schedule.EmbeddedScheduler(tick_seconds=60, runner="ticking")
    handed: list[str] = []
    scheduler._pool.submit = lambda function, job: handed.append(job.name)  # type: ignore[method-assign,assignment,return-value]
    scheduler.tick()
    scheduler.stop()
    assert sorted(handed) == ["fresh", "overdue"]
