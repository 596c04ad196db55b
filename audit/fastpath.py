"""The request path's audit inserts from the event loop itself, on a connection the loop owns.

The writer (``audit.log.Writer``) used to hand every batch to its thread and wait for the
thread to hand the result back: two thread switches per commit, four per request. On a
machine whose cores are busy each switch waits for a core, and that wait was a good part of
the gateway's tail. Here the loop writes the batch itself:

- **SQLite**: a connection of the loop's own, with ``busy_timeout = 0``: the insert and commit
  take tens of microseconds (WAL, ``synchronous = NORMAL``), so the loop does them inline; if
  another writer holds the database's lock the insert does not wait here but falls back to the
  writer's thread, which waits as before (bounded by ``AIRLOCK_AUDIT_LOCK_TIMEOUT_MS``).
- **PostgreSQL**: an ``AsyncConnection`` of psycopg's: the loop awaits the database without
  blocking, with the lock and statement timeouts set once for the session.

Nothing about the guarantee changes: ``Writer.write`` still returns only once the batch is
committed. Whenever this path cannot commit a batch (a lock, a lost connection, a data key
that must first be read from the database, anything unexpected) it returns False without
having committed anything, and the writer's thread does the batch the old way: the fallback
is the path every record took before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import weakref
from typing import Any

from django.conf import settings
from django.core.exceptions import SynchronousOnlyOperation
from django.db import connections

from audit.models import AuditRecord

log = logging.getLogger("airlock.audit")

_FIELDS = [f for f in AuditRecord._meta.concrete_fields if not f.primary_key]
_COLUMNS = ", ".join(f.column for f in _FIELDS)
_TABLE = AuditRecord._meta.db_table
_SQLITE_INSERT = f"INSERT INTO {_TABLE} ({_COLUMNS}) VALUES ({', '.join(['?'] * len(_FIELDS))})"  # noqa: S608
_PG_INSERT = f"INSERT INTO {_TABLE} ({_COLUMNS}) VALUES ({', '.join(['%s'] * len(_FIELDS))})"  # noqa: S608


class Refused(Exception):
    """The database refused the batch in a way the writer's thread would only repeat (a lock
    held past the lock timeout, a statement past its timeout): the batch fails at once."""


def enabled() -> bool:
    return bool(settings.AIRLOCK_AUDIT_LOOP_WRITES)


class LoopConnection:
    """The loop's own connection to the default database, opened on first use."""

    def __init__(self) -> None:
        self.vendor = connections["default"].vendor
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None
        self._pg_settings: tuple[int, int] | None = None
        self.unusable = False  # an in-memory SQLite database cannot be shared with a second connection

    # --- SQLite ---

    def _sqlite_connection(self) -> sqlite3.Connection | None:
        if self._sqlite is None:
            name = str(connections["default"].settings_dict["NAME"])
            if not name or name == ":memory:" or "mode=memory" in name:
                self.unusable = True
                return None
            db = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
            # Never wait for the lock on the loop (the writer's thread waits instead); never
            # checkpoint inside a commit (audit.log.checkpoint_wal does it in its own thread).
            db.execute("PRAGMA busy_timeout = 0")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA wal_autocheckpoint = 0")
            self._sqlite = db
        return self._sqlite

    def _sqlite_insert(self, values: list[list[Any]]) -> bool:
        db = self._sqlite_connection()
        if db is None:
            return False
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return False  # another writer holds the lock: the writer's thread waits for it
        try:
            db.executemany(_SQLITE_INSERT, values)
            db.execute("COMMIT")
        except sqlite3.Error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                self.close()
            return False
        return True

    # --- PostgreSQL ---

    async def _pg_connection(self) -> Any:
        import psycopg

        wanted = (
            int(settings.AIRLOCK_AUDIT_LOCK_TIMEOUT_MS),
            int(settings.AIRLOCK_AUDIT_STATEMENT_TIMEOUT_MS),
        )
        if self._pg is not None and (self._pg.closed or self._pg.broken):
            self._pg = None
        if self._pg is None:
            params = dict(connections["default"].get_connection_params())
            # Django's own adapters and cursor class are for its synchronous connection.
            for name in ("context", "cursor_factory", "server_side_binding", "prepare_threshold"):
                params.pop(name, None)
            # A database host that does not answer must not hold requests for TCP's minutes.
            params.setdefault("connect_timeout", 5)
            self._pg = await psycopg.AsyncConnection.connect(**params, autocommit=True)
            self._pg_settings = None
        if self._pg_settings != wanted:
            # The session is this loop's alone: a table locked by a migration or a VACUUM FULL
            # must refuse requests (503), not hold them open.
            await self._pg.execute(
                "SELECT set_config('lock_timeout', %s, false), set_config('statement_timeout', %s, false)",
                [f"{wanted[0]}ms", f"{wanted[1]}ms"],
            )
            self._pg_settings = wanted
        return self._pg

    async def _pg_insert(self, values: list[list[Any]]) -> bool:
        import psycopg

        try:
            db = await self._pg_connection()
            async with db.transaction(), db.cursor() as cursor:
                await cursor.executemany(_PG_INSERT, values)
        except (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled) as exc:
            # Waited out AIRLOCK_AUDIT_LOCK_TIMEOUT_MS (or the statement timeout) already: the
            # thread would wait as long again before refusing the same way.
            raise Refused(repr(exc)) from exc
        except (psycopg.Error, OSError) as exc:
            log.info("the loop's audit connection failed (%r); the writer's thread takes the batch", exc)
            await self.aclose()
            return False
        return True

    # ---

    async def insert(self, specs: list[dict[str, Any]]) -> bool:
        """Commit ``specs`` as one batch; False when nothing was committed and the thread must."""
        from audit import log as audit_log

        if self.unusable:
            return False
        try:
            values = [audit_log.db_values(audit_log._prepared(**spec)) for spec in specs]
        except SynchronousOnlyOperation:
            return False  # a data key not cached yet: read (or made) by the writer's thread
        if self.vendor == "sqlite":
            return self._sqlite_insert(values)
        if self.vendor == "postgresql":
            return await self._pg_insert(values)
        return False

    def close(self) -> None:
        if self._sqlite is not None:
            try:
                self._sqlite.close()
            finally:
                self._sqlite = None

    async def aclose(self) -> None:
        self.close()
        if self._pg is not None:
            with contextlib.suppress(Exception):  # closing a broken connection
                await self._pg.close()
            self._pg = None


# Keyed by the loop itself (weakly): an asyncio connection belongs to the loop it was made on.
_loop_connections: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LoopConnection] = (
    weakref.WeakKeyDictionary()
)


def for_loop() -> LoopConnection:
    loop = asyncio.get_running_loop()
    found = _loop_connections.get(loop)
    if found is None:
        found = _loop_connections[loop] = LoopConnection()
    return found


async def close() -> None:
    """Close this loop's connection (worker shutdown)."""
    found = _loop_connections.pop(asyncio.get_running_loop(), None)
    if found is not None:
        await found.aclose()
