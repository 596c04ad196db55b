"""The request path's audit writer does not make a request wait for work that is not its own.

On SQLite one thread and one connection write the records and seal them. A seal of thousands
of records used to run as one piece of work on that thread, and every insert queued behind it
waited for all of it; the connection also ran SQLite's automatic checkpoint of the write-ahead
log (with an fsync) inside whichever commit crossed its threshold. Both were the tail of the
gateway's latency (bench/gateway_profile.py). Now a seal runs in steps that inserts can pass
between, and the log is checkpointed in a thread of its own.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from typing import Any

import pytest
from django.db import connection, connections

from audit import fastpath, sequencer
from audit import log as audit_log
from audit.events import Event
from audit.models import AuditRecord
from audit.verify import verify_log

pytestmark = pytest.mark.django_db(transaction=True)


def _spec(n: int) -> dict[str, Any]:
    return {
        "event": Event.INFERENCE_REQUEST,
        "request_id": f"req_{n:06d}",
        "meta": {"endpoint": "chat/completions", "model": "stub", "params": {"max_tokens": 16}},
    }


def _unsealed() -> int:
    return AuditRecord.objects.filter(seq__isnull=True).count()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="on PostgreSQL the sealer has its own thread")
def test_an_insert_waits_for_one_step_of_a_long_seal_not_for_all_of_it() -> None:
    for start in range(0, 2000, 500):
        audit_log._insert([_spec(n) for n in range(start, start + 500)])
    assert _unsealed() == 2000

    async def scenario() -> tuple[int, bool]:
        writer = audit_log.Writer()
        writer._start_seal()  # a seal of 2,000 records starts first...
        await writer.write(**_spec(9999))  # ...and a request's record arrives right behind it
        left_when_committed = await asyncio.to_thread(_unsealed)
        while writer._sealing_tasks:
            await asyncio.sleep(0.01)
        checkpoint = getattr(writer, "_wal_checkpoint", None)
        if checkpoint is not None:
            await checkpoint
        return left_when_committed, checkpoint is not None

    left, checkpointed = asyncio.run(scenario())
    # Committed after the first step: most of the seal was still to come.
    assert left > 1000, f"the insert waited for the seal: only {left} record(s) were left unsealed"
    assert checkpointed, "the seal did not checkpoint the write-ahead log"
    sequencer.seal()
    assert _unsealed() == 0
    records = list(AuditRecord.objects.order_by("seq"))
    assert [r.seq for r in records] == list(range(len(records)))
    # Sealed in commit order: the request's record, committed last, has the last place.
    assert records[-1].request_id == "req_009999"
    result = verify_log()
    assert result.ok, result.message


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write-ahead log")
def test_the_writers_connection_never_checkpoints_inside_a_commit() -> None:
    def writer_thread_setting() -> int:
        audit_log._insert([_spec(1)])
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint")
            return int(cursor.fetchone()[0])

    async def scenario() -> int:
        return await audit_log.in_writer_thread(writer_thread_setting)

    assert asyncio.run(scenario()) == 0
    # Every other connection keeps SQLite's default, so nothing grows the log unchecked.
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint")
        assert int(cursor.fetchone()[0]) > 0


def test_the_writers_parameters_are_what_the_orm_would_store(billing: Any) -> None:
    """``db_values`` skips the model and the fields' conversions; it must not change a byte."""
    from django.contrib.auth.models import User

    admin = User.objects.create_user("ada")
    specs = [
        _spec(1),
        {
            **_spec(2),
            "application_id": billing.pk,
            "subject_id": "patient-7",
            "content": {"request": {"a": 1}},
        },
        {"event": Event.KEY_REVOKED, "actor": admin, "target": ("api_key", 42), "meta": {"why": "leaked"}},
    ]
    for spec in specs:
        fields = audit_log._prepared(**spec)
        row = AuditRecord(**fields)
        expected = [f.get_db_prep_save(getattr(row, f.attname), connection) for f in audit_log._FIELDS]
        got = audit_log.db_values(fields)
        assert [_plain(v) for v in got] == [_plain(v) for v in expected]


def _plain(value: Any) -> Any:
    """Bytes however the driver's adapter wraps them (memoryview, psycopg's Binary)."""
    if isinstance(value, memoryview):
        return bytes(value)
    return bytes(value.obj) if type(value).__name__ == "Binary" else value


class _Thread:
    """Counts the batches that went to the writer's thread (the path every record took before)."""

    def __init__(self, monkeypatch: Any) -> None:
        self.batches = 0
        original = audit_log._insert

        def counted(specs: list[dict[str, Any]]) -> None:
            self.batches += 1
            original(specs)

        monkeypatch.setattr(audit_log, "_insert", counted)


def test_the_request_path_commits_on_the_loops_own_connection(monkeypatch: Any, settings: Any) -> None:
    # No seal during the test: on SQLite a seal step holds the write lock, and a batch that
    # meets it goes to the thread by design (a test below covers that case).
    settings.AIRLOCK_AUDIT_SEAL_DELAY = 60
    thread = _Thread(monkeypatch)

    async def scenario() -> None:
        writer = audit_log.Writer()
        try:
            for n in range(5):
                await writer.write(**_spec(n))
            # Committed when write() returns: another connection sees every record.
            assert (
                await asyncio.to_thread(AuditRecord.objects.filter(request_id__startswith="req_0").count) == 5
            )
        finally:
            await fastpath.close()

    asyncio.run(scenario())
    assert thread.batches == 0
    sequencer.seal()
    assert verify_log().ok


def test_a_record_whose_data_key_is_not_cached_goes_through_the_thread(
    monkeypatch: Any, billing: Any, settings: Any
) -> None:
    """Reading or making a data key is a query: the loop may not run it, the thread does."""
    settings.AIRLOCK_AUDIT_SEAL_DELAY = 60  # no seal meets the second write (see above)
    thread = _Thread(monkeypatch)
    content = {"application_id": billing.pk, "content": {"request": {"messages": ["hello"]}}}

    async def scenario() -> None:
        writer = audit_log.Writer()
        try:
            await writer.write(**_spec(1), **content)  # the day's key is made by the thread
            await writer.write(**_spec(2), **content)  # now cached: the loop writes
        finally:
            await fastpath.close()

    asyncio.run(scenario())
    assert thread.batches == 1
    sequencer.seal()
    assert verify_log().ok
    assert (
        AuditRecord.objects.filter(request_id__in=["req_000001", "req_000002"]).exclude(content=None).count()
        == 2
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's database-wide write lock")
def test_while_another_writer_holds_sqlites_lock_the_batch_waits_in_the_thread(monkeypatch: Any) -> None:
    """The loop never waits for a lock (it would stall every request): the thread waits."""
    thread = _Thread(monkeypatch)
    other = sqlite3.connect(str(connection.settings_dict["NAME"]), isolation_level=None)

    async def scenario() -> None:
        writer = audit_log.Writer()
        other.execute("BEGIN IMMEDIATE")
        asyncio.get_running_loop().call_later(0.2, other.execute, "COMMIT")
        try:
            await writer.write(**_spec(7))
        finally:
            await fastpath.close()

    try:
        asyncio.run(scenario())
    finally:
        other.close()
    assert thread.batches == 1
    assert AuditRecord.objects.filter(request_id="req_000007").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's session timeouts")
def test_on_postgresql_a_locked_table_refuses_within_the_lock_timeout(
    settings: Any, monkeypatch: Any
) -> None:
    """The loop's session has the writer's lock timeout: a locked table refuses, never hangs,
    and the refusal is final (the writer's thread does not wait out the timeout a second time)."""
    settings.AIRLOCK_AUDIT_LOCK_TIMEOUT_MS = 200
    thread = _Thread(monkeypatch)
    other = connections.create_connection("default")
    other.ensure_connection()
    other.set_autocommit(True)
    cursor = other.connection.cursor()
    cursor.execute("BEGIN")
    cursor.execute(f"LOCK TABLE {AuditRecord._meta.db_table} IN ACCESS EXCLUSIVE MODE")

    async def scenario() -> float:
        writer = audit_log.Writer()
        began = time.monotonic()
        try:
            with pytest.raises(audit_log.AuditUnavailable):
                await writer.write(**_spec(8))
            return time.monotonic() - began
        finally:
            await fastpath.close()

    try:
        waited = asyncio.run(scenario())
    finally:
        cursor.execute("ROLLBACK")
        other.close()
    assert thread.batches == 0, "the writer's thread waited for the lock a second time"
    assert waited < 2.0, f"refused after {waited:.2f} s"
