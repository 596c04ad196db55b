"""Writing to the audit log.

``record()`` writes inside the caller's transaction (administrative changes: the change and
its record commit together or not at all). ``writer()`` is the gateway's asynchronous path:
records of concurrent requests are inserted together, one transaction per batch, and each
request waits until its own record is committed (fail-closed).

A record is written first and sealed (given its sequence number and Merkle leaf) moments
later by ``audit.sequencer``; like a Certificate Transparency log, the log integrates what
was committed, in commit order, under a single sealer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hashlib
import logging
import os
import secrets
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import close_old_connections, connection, connections, transaction
from django.utils import timezone

from appliance.shell_actor import command_line_actor
from audit import envelope, fastpath, keyring, sequencer
from audit.events import Event
from audit.models import AuditRecord
from audit.verifier import canonical_json
from inference import metrics

log = logging.getLogger("airlock.audit")

Actor = AbstractBaseUser | AnonymousUser | None
T = TypeVar("T")


class AuditUnavailable(Exception):
    """The record could not be committed; whatever it was for must not happen."""


def actor_fields(actor: Actor, actor_name: str | None = None) -> tuple[int | None, str]:
    # From the command line (appliance.shell_actor), a record names the operating-system
    # account and host that ran the command, read from the kernel: never a free string.
    shell = command_line_actor()
    pk = getattr(actor, "pk", None)
    if actor is not None and pk is not None:
        return int(pk), _from_shell(actor_name or actor.get_username(), shell)
    if shell:
        return None, _from_shell(actor_name, shell) if actor_name else shell
    return None, actor_name or os.environ.get("AIRLOCK_ACTOR", "system")


def _from_shell(name: str, shell: str | None) -> str:
    """``name (command line: user@host)``, once (a name may come back through actor_fields)."""
    suffix = f" (command line: {shell})"
    return name if not shell or name.endswith(suffix) else name + suffix


def prepare(event: Event | str, **fields: Any) -> AuditRecord:
    """An unsaved, fully formed record: body fixed, content encrypted (see ``_prepared``)."""
    return AuditRecord(**_prepared(event, **fields))


def _prepared(
    event: Event | str,
    *,
    actor: Actor = None,
    actor_name: str | None = None,
    target: tuple[str, object] | None = None,
    request_id: str = "",
    application_id: int | None = None,
    subject_id: str | None = None,
    subject_pseudonym: str = "",
    meta: Mapping[str, Any] | None = None,
    content: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A record's column values by attribute name: body fixed, content encrypted.

    ``subject_id`` is an end user's own id (kept only as its pseudonym); a record about a
    request already on record passes that request's ``subject_pseudonym`` instead.
    """
    uid = secrets.token_hex(16)
    now = timezone.now()
    actor_id, name = actor_fields(actor, actor_name)
    subject = keyring.pseudonym(subject_id) if subject_id else subject_pseudonym
    body_meta = dict(meta or {})
    key_id, blob, content_ref = "", None, None
    if content is not None:
        try:
            key_id, data_key = envelope.data_key_for(application_id, now.date(), subject)
        except envelope.ContentUnavailable as exc:
            body_meta["content_withheld"] = str(exc)
        else:
            plain = envelope.resolve_keyed_hashes(dict(content), data_key)
            blob = envelope.encrypt(data_key, uid, key_id, canonical_json(plain).encode())
            content_ref = {"key_id": key_id, "sha256": hashlib.sha256(blob).hexdigest()}
    target_type, target_id = (target[0], str(target[1])) if target else ("", "")
    body = canonical_json(
        {
            "v": 1,
            "uid": uid,
            "ts": now.isoformat(timespec="microseconds"),
            "event": str(event),
            "actor": {"id": actor_id, "name": name},
            "target": {"type": target_type, "id": target_id},
            "request_id": request_id,
            "application_id": application_id,
            "subject": subject,
            "meta": body_meta,
            "content": content_ref,
        }
    )
    return {
        "uid": uid,
        "created_at": now,
        "event": str(event),
        "actor_id": actor_id,
        "actor_name": name,
        "target_type": target_type,
        "target_id": target_id,
        "request_id": request_id,
        "application_id": application_id,
        "subject": subject,
        "body": body,
        "key_id": key_id,
        "content": blob,
    }


def record(event: Event | str, **fields: Any) -> AuditRecord:
    """Write a record in the current transaction; it is sealed after the transaction commits."""
    row = prepare(event, **fields)
    row.save(force_insert=True)
    transaction.on_commit(sequencer.seal_now)
    return row


_FIELDS = [f for f in AuditRecord._meta.concrete_fields if not f.primary_key]
_INSERT = (
    f"INSERT INTO {AuditRecord._meta.db_table} ({', '.join(f.column for f in _FIELDS)}) "  # noqa: S608 - our table
    f"VALUES ({', '.join(['%s'] * len(_FIELDS))})"
)


_ATTNAMES = [f.attname for f in _FIELDS]
_CREATED_AT = _ATTNAMES.index("created_at")
_DATETIME = AuditRecord._meta.get_field("created_at")


def db_values(fields: dict[str, Any]) -> list[Any]:
    """The INSERT's parameters for one record, as ``get_db_prep_save`` would give them.

    Without building a model instance and without the fields' own conversions: every value
    ``_prepared`` makes is already what the database driver takes (str, int, bytes or None),
    except the timestamp, which Django's SQLite backend stores as naive UTC text. The generic
    way cost about 60 us per record, twice per request (``tests/audit/test_writer_path.py``
    checks that both give the same parameters).
    """
    values = [fields.get(name) for name in _ATTNAMES]
    created: dt.datetime = fields["created_at"]
    if connection.vendor == "sqlite" and created.tzinfo is dt.UTC and connection.timezone_name == "UTC":
        values[_CREATED_AT] = str(created.replace(tzinfo=None))
    else:
        values[_CREATED_AT] = _DATETIME.get_db_prep_save(created, connection)
    return values


def _insert(specs: list[dict[str, Any]]) -> None:
    """One INSERT for the batch. Plain SQL rather than bulk_create: on the request path the
    ORM's statement building cost as much as the database's own work (0.44 vs 0.24 ms)."""
    close_old_connections()
    _bound_waits()
    values = [db_values(_prepared(**spec)) for spec in specs]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Local to this transaction: a table locked by a migration, a VACUUM FULL or a
            # stray transaction must refuse requests (503), not hold every /v1 request open.
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true), set_config('statement_timeout', %s, true)",
                [
                    f"{settings.AIRLOCK_AUDIT_LOCK_TIMEOUT_MS}ms",
                    f"{settings.AIRLOCK_AUDIT_STATEMENT_TIMEOUT_MS}ms",
                ],
            )
        cursor.executemany(_INSERT, values)


# The SQLite connection the writer's settings were applied to (held, so that a new connection
# can never be mistaken for it), and with which timeout.
_configured: tuple[object, int] | None = None


def _bound_waits() -> None:
    """On SQLite the wait for the database's write lock is the connection's busy timeout.

    The writer's connection is its own (one thread), so setting it here bounds the audit
    insert's ``BEGIN IMMEDIATE`` without touching any other connection. On SQLite the sealer
    shares that thread and connection: a seal that cannot get the lock in time fails and is
    retried after the next write (``sequencer.seal_now``), as any failed seal is.

    The same connection never checkpoints the write-ahead log itself: SQLite runs an automatic
    checkpoint inside the commit that crosses its threshold, with an fsync, so every few
    thousand records one request waited for it (several milliseconds, the tail of the request
    path). ``checkpoint_wal`` does it in a thread of its own instead. Both are set once per
    connection, not per batch.
    """
    global _configured
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    wanted = (connection.connection, int(settings.AIRLOCK_AUDIT_LOCK_TIMEOUT_MS))
    if _configured is not None and _configured[0] is wanted[0] and _configured[1] == wanted[1]:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {wanted[1]}")
        cursor.execute("PRAGMA wal_autocheckpoint = 0")
    _configured = wanted


def checkpoint_wal() -> None:
    """Move SQLite's write-ahead log into the database (PASSIVE: it blocks no reader or writer)."""
    if connection.vendor != "sqlite":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except Exception:
        log.exception("checkpointing SQLite's write-ahead log failed; the next seal tries again")
        connection.close()


# The request path's records are written by one dedicated thread with its own database
# connection: cheaper than asgiref's sync_to_async (no context copying, no thread-sensitive
# bookkeeping). The sealer gets a thread of its own on PostgreSQL, where sealing a batch
# (~50 ms for a thousand records) must not hold up the inserts behind it; on SQLite it shares
# the writer's thread, since two writers of one process would only contend for SQLite's lock.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-writer")
_sealer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-sealer")
# SQLite only: checkpoints the write-ahead log off the writer's thread (see ``_bound_waits``).
_wal = ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-wal")


async def _in_writer_thread(function: Callable[..., T], *args: Any) -> T:
    return await asyncio.get_running_loop().run_in_executor(_executor, function, *args)


async def in_writer_thread(function: Callable[..., T], *args: Any) -> T:
    """Run ``function`` in the writer's thread, on its database connection (startup chores)."""
    return await _in_writer_thread(function, *args)


def _sealer_executor() -> ThreadPoolExecutor:
    return _executor if connections["default"].vendor == "sqlite" else _sealer


async def close() -> None:
    """Close the writer's and the sealer's database connections (worker shutdown)."""
    loop = asyncio.get_running_loop()
    await fastpath.close()
    await loop.run_in_executor(_executor, connections.close_all)
    await loop.run_in_executor(_sealer, connections.close_all)
    await loop.run_in_executor(_wal, connections.close_all)


class Writer:
    """Group commit for the request path: one INSERT and one COMMIT per batch of records.

    Sealing runs at most every ``AIRLOCK_AUDIT_SEAL_DELAY`` seconds, or as soon as
    ``SEAL_EVERY`` records wait: one seal costs about a millisecond and a half whatever it seals,
    so sealing after every write would double the request path's cost at low load, while a short
    delay seals dozens of records at once. Writes never await a seal.
    """

    MAX_BATCH = 500
    SEAL_EVERY = 2000
    # On SQLite the sealer shares the writer's thread: it seals this many records per step,
    # and inserts queued meanwhile go between two steps (a step takes well under a millisecond,
    # where one seal of everything took several, and every insert behind it waited).
    SEAL_STEP = 64

    def __init__(self) -> None:
        self._pending: list[tuple[dict[str, Any], asyncio.Future[None]]] = []
        self._task: asyncio.Task[None] | None = None
        self._failed: list[str] = []
        self._failed_since: str = ""
        self._unsealed = 0
        self._seal_timer: asyncio.TimerHandle | None = None
        self._sealing_tasks: set[asyncio.Task[None]] = set()
        self._wal_checkpoint: asyncio.Future[None] | None = None

    async def write(self, event: Event | str, **fields: Any) -> None:
        """Return once the record is committed; raise ``AuditUnavailable`` if it cannot be."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self._pending.append(({"event": event, **fields}, future))
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._drain())
        await future

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self.MAX_BATCH], self._pending[self.MAX_BATCH :]
            specs = [spec for spec, _ in batch]
            if self._failed:
                specs.insert(0, self._failure_spec())
            began = time.perf_counter()
            try:
                if not (fastpath.enabled() and await self._in_loop(specs)):
                    await _in_writer_thread(_insert, specs)
            except Exception as exc:
                metrics.audit_written(0.0, ok=False)
                log.error("audit log unavailable, refusing %d request(s): %r", len(batch), exc)
                if not self._failed:
                    self._failed_since = timezone.now().isoformat()
                self._failed.extend(str(spec.get("request_id", "")) for spec, _ in batch)
                for _, future in batch:
                    if not future.done():
                        future.set_exception(AuditUnavailable(repr(exc)))
                continue
            metrics.audit_written(time.perf_counter() - began, ok=True)
            self._failed = []
            for _, future in batch:
                if not future.done():
                    future.set_result(None)
            self._unsealed += len(specs)
            if self._unsealed >= self.SEAL_EVERY:
                self._start_seal()
            elif self._seal_timer is None:
                self._schedule_seal()

    async def _in_loop(self, specs: list[dict[str, Any]]) -> bool:
        """The batch committed on the loop's own connection (``audit.fastpath``), or False."""
        try:
            return await fastpath.for_loop().insert(specs)
        except fastpath.Refused:
            raise
        except Exception:
            log.exception("the loop's audit insert failed unexpectedly; the writer's thread takes the batch")
            return False

    def _schedule_seal(self) -> None:
        self._seal_timer = asyncio.get_running_loop().call_later(
            settings.AIRLOCK_AUDIT_SEAL_DELAY, self._start_seal
        )

    def _start_seal(self) -> None:
        if self._seal_timer is not None:
            self._seal_timer.cancel()
            self._seal_timer = None
        if self._sealing_tasks:
            return  # the running seal reschedules itself for what arrived meanwhile
        self._unsealed = 0
        task = asyncio.get_running_loop().create_task(self._seal())
        self._sealing_tasks.add(task)
        task.add_done_callback(self._sealed)

    def _sealed(self, task: asyncio.Task[None]) -> None:
        self._sealing_tasks.discard(task)
        if self._unsealed and self._seal_timer is None:
            self._schedule_seal()

    async def _seal(self) -> None:
        loop = asyncio.get_running_loop()
        executor = _sealer_executor()
        if executor is not _executor:
            await loop.run_in_executor(executor, sequencer.seal_now)
            return
        step = functools.partial(sequencer.seal_now, batch=self.SEAL_STEP, once=True)
        while await loop.run_in_executor(executor, step) == self.SEAL_STEP:
            pass
        if self._wal_checkpoint is None or self._wal_checkpoint.done():
            self._wal_checkpoint = loop.run_in_executor(_wal, checkpoint_wal)

    def _failure_spec(self) -> dict[str, Any]:
        """The outage itself becomes a record as soon as the log can be written again."""
        return {
            "event": Event.AUDIT_FAILURE,
            "meta": {
                "refused": len(self._failed),
                "since": self._failed_since,
                "until": timezone.now().isoformat(),
                "request_ids": self._failed[:100],
            },
        }


_writers: dict[int, Writer] = {}


def writer() -> Writer:
    """The writer of this worker's event loop."""
    loop = asyncio.get_running_loop()
    current = _writers.get(id(loop))
    if current is None:
        current = _writers[id(loop)] = Writer()
    return current
