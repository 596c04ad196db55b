"""Writing the usage ledger off the request path, in batches.

Each settled request hands its row to this process's writer and moves on: no database write
waits on the request path. Rows are inserted together, in one transaction, at most
``AIRLOCK_USAGE_FLUSH_SECONDS`` after the first of them arrived (or at once when 500 wait), by
one dedicated thread with its own connection. Inserts ignore rows already present (the
request id is unique), so writing a row twice is harmless.

What a crash can lose, and how it comes back: rows waiting in memory (at most about a
second's worth) die with their process. The quota counters are not affected (they were settled
in Redis before the row was queued), and every such request's ``inference.response`` audit
record was committed before its answer was released, with its application, key, model,
status, usage and latency. ``reconcile`` (Celery beat runs it hourly over the last two hours;
``airlock usage reconcile --from --to`` for any range) rebuilds missing rows from those
records. A database outage keeps rows in memory, up to ``MAX_BUFFER``, and retries.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connections

from inference.quotas.models import UsageRecord

log = logging.getLogger("airlock.quotas")

BATCH = 500
MAX_BUFFER = 200_000
RETRY_SECONDS = 5.0

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="usage-ledger")


def _writer_executor() -> ThreadPoolExecutor:
    """The ledger's own thread, or on SQLite the audit writer's: SQLite has one write lock per
    database, and two writer threads of one process would only take turns waiting for it in
    the busy handler, which shows as stalls of the audit commits that requests wait for."""
    if connections["default"].vendor == "sqlite":
        from audit import log as audit_log

        return audit_log._executor
    return _executor


class Writer:
    """One per process: rows from any thread or event loop, written by one thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[dict[str, Any]] = []
        self._scheduled = False

    def add(self, row: dict[str, Any]) -> None:
        with self._lock:
            self._pending.append(row)
            if len(self._pending) > MAX_BUFFER:
                dropped = self._pending.pop(0)
                log.error("usage ledger buffer full; %s left to reconcile", dropped["request_id"])
            schedule = not self._scheduled or len(self._pending) >= BATCH
            if schedule:
                self._scheduled = True
        if schedule:
            self._schedule(settings.AIRLOCK_USAGE_FLUSH_SECONDS if len(self._pending) < BATCH else 0.0)

    def _schedule(self, delay: float) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()  # no event loop (a command, a Celery task): write now
            return
        if delay <= 0:
            loop.run_in_executor(_writer_executor(), self.flush)
        else:
            loop.call_later(delay, self._flush_in_thread, loop)

    def _flush_in_thread(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.run_in_executor(_writer_executor(), self.flush)

    def flush(self, *, retry: bool = True) -> int:
        """Write everything pending now; returns how many rows were written."""
        with self._lock:
            rows, self._pending = self._pending, []
            self._scheduled = False
        if not rows:
            return 0
        close_old_connections()
        try:
            for start in range(0, len(rows), BATCH):
                UsageRecord.objects.bulk_create(
                    [UsageRecord(**row) for row in rows[start : start + BATCH]], ignore_conflicts=True
                )
        except Exception as exc:
            if not retry:
                raise
            log.error("usage ledger: cannot write %d row(s), will retry: %r", len(rows), exc)
            with self._lock:
                self._pending = (rows + self._pending)[-MAX_BUFFER:]
            timer = threading.Timer(RETRY_SECONDS, lambda: _writer_executor().submit(self.flush))
            timer.daemon = True
            timer.start()
            return 0
        return len(rows)

    def pending(self) -> int:
        return len(self._pending)


writer = Writer()


def add(row: dict[str, Any]) -> None:
    writer.add(row)


def flush() -> int:
    """Write pending rows now, in this thread (tests, shutdown)."""
    return writer.flush()


def _flush_at_exit() -> None:
    pending = writer.pending()
    if not pending:
        return
    try:
        writer.flush(retry=False)
    except Exception as exc:
        # The process is ending and logging may already be shut down: say it once, plainly.
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"usage ledger: {pending} row(s) not written at exit ({exc!r}); ")
            sys.stderr.write("`airlock usage reconcile` restores them from the audit log\n")


atexit.register(_flush_at_exit)
