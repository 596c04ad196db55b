"""The periodic jobs: one schedule, run by Celery beat in production and in process when embedded.

``settings.AIRLOCK_SCHEDULE`` names each job, the Celery task it runs and its period.
Production runs ``celery beat``, whose entries all call :func:`run_job` (``appliance.tasks``);
the embedded profile (``make demo``, a single machine without Redis) has no beat, so every
gateway worker starts an :class:`EmbeddedScheduler` thread that calls the same
:func:`run_job` when a job is due.

Whoever drives it, a run first takes the job's lease in its ``ScheduledJob`` row with a single
conditional UPDATE. That makes the schedule safe with any number of workers or hosts: a job
runs in one place at a time, and with the embedded scheduler at most once per period for the
whole installation (the due time is checked in the same UPDATE). The row also keeps the last
run's result, which the console shows.
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import F, Q
from django.utils import timezone

from appliance.celery import app as celery_app
from appliance.models import ScheduledJob

log = logging.getLogger("airlock.schedule")

# Which process holds a lease: readable in the console, unique per process start.
RUNNER = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
# A job that never ran is judged against this process's start: once the appliance has been up
# for twice the job's period without a successful run, something is wrong.
PROCESS_STARTED_AT = timezone.now()
_resolving = threading.Lock()


@dataclass(frozen=True)
class Job:
    """One entry of the schedule."""

    name: str
    task: str
    seconds: float


@dataclass(frozen=True)
class JobState:
    """What the console shows of a job."""

    job: Job
    row: ScheduledJob | None
    next_run_at: datetime | None
    overdue: bool
    failed: bool

    @property
    def flagged(self) -> bool:
        return self.overdue or self.failed


def jobs() -> list[Job]:
    """The schedule as configured now (tests may change it with ``settings``)."""
    configured: dict[str, dict[str, Any]] = settings.AIRLOCK_SCHEDULE
    return [
        Job(name, str(entry["task"]), float(entry["seconds"])) for name, entry in sorted(configured.items())
    ]


def _job(name: str) -> Job:
    for job in jobs():
        if job.name == name:
            return job
    raise KeyError(f"no scheduled job named {name!r}")


def _lease_seconds() -> float:
    return float(settings.AIRLOCK_SCHEDULE_LEASE_SECONDS)


def _ensure_row(job: Job) -> None:
    # get_or_create copes with another worker creating the row at the same moment.
    ScheduledJob.objects.get_or_create(
        name=job.name, defaults={"task": job.task, "period_seconds": job.seconds}
    )


def _looks_due(job: Job, row: tuple[datetime | None, datetime | None] | None, now: datetime) -> bool:
    """What ``_claim`` will check, read without a lock: a job with no row yet is due."""
    if row is None:
        return True
    lease_until, last_started_at = row
    if lease_until is not None and lease_until >= now:
        return False
    return last_started_at is None or last_started_at <= now - timedelta(seconds=max(job.seconds - 0.05, 0.0))


def _claim(job: Job, *, only_if_due: bool, runner: str = RUNNER) -> bool:
    """Take the job's lease; with ``only_if_due``, only if its period has passed since the last start.

    One UPDATE, so the check and the claim are atomic on PostgreSQL and SQLite alike: of
    several workers asking at the same moment exactly one gets the row.
    """
    _ensure_row(job)
    now = timezone.now()
    rows = ScheduledJob.objects.filter(name=job.name).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    )
    if only_if_due:
        # A small slack so a tick landing a hair early does not push the run a whole tick later.
        due_before = now - timedelta(seconds=max(job.seconds - 0.05, 0.0))
        rows = rows.filter(Q(last_started_at__isnull=True) | Q(last_started_at__lte=due_before))
    # A read first: most ticks find nothing due, and on SQLite even an UPDATE that matches no
    # row takes the database's write lock, which the audit writer would then wait for.
    if not rows.exists():
        return False
    claimed = rows.update(
        lease_owner=runner,
        lease_until=now + timedelta(seconds=_lease_seconds()),
        last_started_at=now,
        status=ScheduledJob.Status.RUNNING,
        task=job.task,
        period_seconds=job.seconds,
    )
    return claimed == 1


def _renew_until_done(name: str, runner: str, done: threading.Event) -> None:
    """Keep the lease alive while the job runs, so a long retention run is not started twice."""
    interval = _lease_seconds() / 3
    try:
        while not done.wait(interval):
            ScheduledJob.objects.filter(name=name, lease_owner=runner).update(
                lease_until=timezone.now() + timedelta(seconds=_lease_seconds())
            )
    except Exception:
        log.exception("could not renew the lease of scheduled job %s", name)
    finally:
        connection.close()


def _target(task_name: str) -> Callable[..., Any]:
    """The task's own function, without Celery's autoretry wrapper: a failed run is recorded
    and the next period tries again, rather than retrying inside the scheduler's thread."""
    with _resolving:
        if task_name not in celery_app.tasks:
            # A gateway worker is not a Celery worker: its task modules are imported on first
            # use, under a lock, since the job threads would otherwise race the import.
            importlib.import_module(task_name.rpartition(".")[0])
        task = celery_app.tasks[task_name]
    return getattr(task, "_orig_run", task.run)  # type: ignore[no-any-return]


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 500 else text[:497] + "..."


def _run_claimed(job: Job, runner: str = RUNNER) -> str:
    done = threading.Event()
    renewer = threading.Thread(target=_renew_until_done, args=(job.name, runner, done), daemon=True)
    renewer.start()
    status, result, error = ScheduledJob.Status.OK, "", ""
    try:
        result = _short(_target(job.task)())
    except Exception as exc:
        status, error = ScheduledJob.Status.FAILED, _short(f"{type(exc).__name__}: {exc}")
        log.exception("scheduled job %s failed", job.name)
        # A failed job may have left a broken connection behind (a database restart).
        close_old_connections()
    finally:
        done.set()
        renewer.join()
    now = timezone.now()
    changes: dict[str, Any] = {
        "lease_owner": "",
        "lease_until": None,
        "last_finished_at": now,
        "status": status,
        "last_result": result,
        "last_error": error,
        "last_runner": runner,
        "runs": F("runs") + 1,
    }
    if status == ScheduledJob.Status.OK:
        changes["last_success_at"] = now
    else:
        changes["failures"] = F("failures") + 1
    ScheduledJob.objects.filter(name=job.name, lease_owner=runner).update(**changes)
    return status


def run_job(name: str, *, only_if_due: bool = False) -> str:
    """Run one scheduled job here unless it is already running elsewhere.

    Returns ``ok`` or ``failed`` for a run, ``busy`` when another process holds the lease,
    ``not_due`` (with ``only_if_due``) when it ran less than a period ago.
    """
    job = _job(name)
    if not _claim(job, only_if_due=only_if_due):
        return "not_due" if only_if_due else "busy"
    return _run_claimed(job)


def states(now: datetime | None = None) -> list[JobState]:
    """Every job of the schedule with its last run, next run and whether it needs a look.

    A job is flagged when its last run failed, or when it has not succeeded for twice its
    period (its scheduler is not running, or it keeps failing or hanging).
    """
    now = now or timezone.now()
    rows = {row.name: row for row in ScheduledJob.objects.all()}
    result = []
    for job in jobs():
        row = rows.get(job.name)
        last_start = row.last_started_at if row else None
        next_run = last_start + timedelta(seconds=job.seconds) if last_start else None
        reference = (row.last_success_at if row else None) or PROCESS_STARTED_AT
        overdue = reference is not None and (now - reference).total_seconds() > 2 * job.seconds
        failed = bool(row and row.status == ScheduledJob.Status.FAILED)
        result.append(JobState(job, row, next_run, overdue, failed))
    return result


class EmbeddedScheduler:
    """Runs the schedule in this process: a ticking thread and a few threads for the jobs.

    Every gateway worker of an embedded installation starts one; the lease in the database
    makes them one scheduler for the installation. Jobs run in a small pool so a long
    retention run does not hold back the backend health checks.
    """

    def __init__(self, *, tick_seconds: float | None = None, threads: int = 3, runner: str = RUNNER) -> None:
        self.runner = runner
        self.tick_seconds = (
            tick_seconds if tick_seconds is not None else settings.AIRLOCK_SCHEDULE_TICK_SECONDS
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="airlock-job")
        self._running: set[str] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="airlock-scheduler", daemon=True)
        self._thread.start()
        log.info("embedded scheduler started (%s)", self.runner)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _loop(self) -> None:
        # The tick's connection stays open between ticks: reopening it each second (and, on
        # SQLite, rerunning its PRAGMAs) cost the gateway's request path more than the tick.
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:
                log.exception("the embedded scheduler's tick failed; trying again")
                connection.close()
            self._stop.wait(self.tick_seconds)
        connection.close()

    def tick(self) -> None:
        """Start every job that looks due and is not running (here or anywhere else).

        One read of the schedule's rows per tick decides which jobs to hand over; only those
        get a thread, a connection and the conditional UPDATE that actually claims them (which
        checks the due time and the lease again, atomically). The lease is taken in the job's
        own thread, not here: a job submitted but not yet started when the scheduler stops is
        simply dropped, with no lease left behind.
        """
        configured = jobs()
        rows = {
            name: (lease_until, last_started_at)
            for name, lease_until, last_started_at in ScheduledJob.objects.filter(
                name__in=[job.name for job in configured]
            ).values_list("name", "lease_until", "last_started_at")
        }
        now = timezone.now()
        for job in configured:
            if not _looks_due(job, rows.get(job.name), now):
                continue
            with self._lock:
                if job.name in self._running:
                    continue
                self._running.add(job.name)
            self._pool.submit(self._attempt, job)

    def _attempt(self, job: Job) -> None:
        try:
            if not self._stop.is_set() and _claim(job, only_if_due=True, runner=self.runner):
                _run_claimed(job, self.runner)
        except Exception:
            log.exception("scheduled job %s could not be run or recorded", job.name)
            close_old_connections()
        finally:
            with self._lock:
                self._running.discard(job.name)
            connection.close()


_embedded: EmbeddedScheduler | None = None


def start_embedded() -> EmbeddedScheduler | None:
    """Start this process's embedded scheduler when the installation runs one (idempotent)."""
    global _embedded
    if settings.AIRLOCK_SCHEDULER != "embedded" or _embedded is not None:
        return _embedded
    _embedded = EmbeddedScheduler()
    _embedded.start()
    return _embedded


def stop_embedded() -> None:
    global _embedded
    if _embedded is not None:
        _embedded.stop()
        _embedded = None
