"""Sealing: give committed records their place in the log and sign checkpoints.

One sealer at a time (a row lock on the tree state; SQLite serialises writers anyway) takes
the committed, unsealed records in commit order, assigns the next gapless sequence numbers,
computes their RFC 6962 leaf hashes, extends the compact Merkle frontier and, every N
records or T seconds, signs a checkpoint and appends it to the witness outside the database.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import syslog
import threading
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from audit import keyring
from audit.models import AuditRecord, Checkpoint, TreeState
from audit.verifier import Frontier, checkpoint_statement, leaf_bytes, leaf_hash

log = logging.getLogger("airlock.audit")

BATCH = 5000
_FRONTIER = cast("models.JSONField[Any]", TreeState._meta.get_field("frontier"))
_UPDATED_AT = cast("models.DateTimeField[Any, Any]", TreeState._meta.get_field("updated_at"))


def _q(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _lock_state() -> TreeState | None:
    """The tree state, locked for this transaction; None while another sealer holds it.

    Plain SQL: sealing runs on the request path's thread, and there the ORM's statement
    building cost more than the database's own work.
    """
    lock = " FOR UPDATE SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
    sql = f"SELECT size, frontier FROM {_q(TreeState)} WHERE id = 1{lock}"  # noqa: S608 - our table
    with connection.cursor() as cursor:
        cursor.execute(sql)
        found = cursor.fetchone()
        if found is None:
            if TreeState.objects.filter(pk=1).exists():
                return None  # another sealer is at work: it will take our records too
            TreeState.objects.get_or_create(pk=1)
            cursor.execute(sql)
            found = cursor.fetchone()
    if found is None:
        return None
    size, frontier = found
    if isinstance(frontier, str | bytes):  # JSON text (SQLite; Django's jsonb loader on PostgreSQL)
        frontier = json.loads(frontier)
    return TreeState(pk=1, size=size, frontier=frontier)


def _unsealed(limit: int, *, inside_caller_transaction: bool) -> list[tuple[int, str]]:
    """The next committed, unsealed records in commit order: (id, body)."""
    select = f"SELECT id, body FROM {_q(AuditRecord)} WHERE seq IS NULL ORDER BY id LIMIT %s"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(select, [limit])
            return cursor.fetchall()
        # Sealing leaves a dead "seq IS NULL" index entry per record until VACUUM. A bitmap scan
        # visits every one of them on every seal, so sealing slows down as dead rows pile up; a
        # plain index scan marks them dead as it passes, so each is visited once.
        previous = None
        if inside_caller_transaction:  # else the setting ends with our own transaction
            cursor.execute("SELECT current_setting('enable_bitmapscan')")
            (previous,) = cursor.fetchone()
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(select, [limit])
        rows = cursor.fetchall()
        if previous is not None:
            cursor.execute("SELECT set_config('enable_bitmapscan', %s, true)", [previous])
        return rows


def _store_seals(updates: list[tuple[int, bytes, int]]) -> None:
    """Set (seq, leaf_hash) of each record id: one statement on PostgreSQL."""
    table = _q(AuditRecord)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {table} AS r SET seq = v.seq, leaf_hash = v.leaf_hash "  # noqa: S608 - our table
                "FROM unnest(%s::bigint[], %s::bigint[], %s::bytea[]) AS v(seq, id, leaf_hash) "
                "WHERE r.id = v.id",
                [[u[0] for u in updates], [u[2] for u in updates], [u[1] for u in updates]],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET seq = %s, leaf_hash = %s WHERE id = %s",  # noqa: S608 - our table
                updates,
            )


def _save_state(state: TreeState) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_q(TreeState)} SET size = %s, frontier = %s, updated_at = %s WHERE id = 1",  # noqa: S608
            [
                state.size,
                _FRONTIER.get_db_prep_save(state.frontier, connection),
                _UPDATED_AT.get_db_prep_save(state.updated_at, connection),
            ],
        )


def seal(*, checkpoint: bool | None = None, batch: int = BATCH, once: bool = False) -> int:
    """Seal what is committed; returns how many records were sealed. Safe to call anywhere.

    Up to ``batch`` records per transaction; with ``once``, one transaction only (the
    gateway's writer on SQLite seals in small steps so that no insert waits long behind one).
    """
    sealed = 0
    nested = connection.in_atomic_block
    while True:
        with transaction.atomic():
            state = _lock_state()
            if state is None:
                return sealed
            rows = _unsealed(batch, inside_caller_transaction=nested)
            if rows:
                frontier = Frontier.from_json(state.frontier) if state.frontier else Frontier()
                updates = []
                for pk, body in rows:
                    seq = frontier.size
                    digest = leaf_hash(leaf_bytes(seq, body))
                    frontier.append(digest)
                    updates.append((seq, digest, pk))
                _store_seals(updates)
                state.size = frontier.size
                state.frontier = frontier.to_json()
                state.updated_at = timezone.now()
                _save_state(state)
                sealed += len(rows)
            _maybe_checkpoint(state, force=checkpoint)
        if once or len(rows) < batch:
            return sealed


def _last_checkpoint(older_than: dt.datetime) -> tuple[int, bool] | None:
    """(size, whether it was made before ``older_than``) of the largest checkpoint, if any."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT size, created_at <= %s FROM {_q(Checkpoint)} ORDER BY size DESC LIMIT 1",  # noqa: S608
            [connection.ops.adapt_datetimefield_value(older_than)],
        )
        found = cursor.fetchone()
    return (int(found[0]), bool(found[1])) if found is not None else None


def _maybe_checkpoint(state: TreeState, force: bool | None) -> Checkpoint | None:
    if state.size == 0 or force is False:
        return None
    now = timezone.now()
    last = _last_checkpoint(now - dt.timedelta(seconds=settings.AIRLOCK_AUDIT_CHECKPOINT_SECONDS))
    if last is not None and last[0] >= state.size:
        return None
    due = (
        force
        or last is None
        or state.size - last[0] >= settings.AIRLOCK_AUDIT_CHECKPOINT_RECORDS
        or last[1]  # the last checkpoint is AIRLOCK_AUDIT_CHECKPOINT_SECONDS old
    )
    if not due:
        return None
    frontier = Frontier.from_json(state.frontier)
    root = frontier.root()
    timestamp = timezone.now().isoformat(timespec="seconds")
    statement = checkpoint_statement(settings.AIRLOCK_AUDIT_ORIGIN, state.size, root, timestamp)
    signature = keyring.signing_key().sign(statement).hex()
    cp = Checkpoint.objects.create(
        size=state.size,
        root=root.hex(),
        timestamp=timestamp,
        origin=settings.AIRLOCK_AUDIT_ORIGIN,
        signature=signature,
        key_fingerprint=keyring.public_key_fingerprint(),
    )
    transaction.on_commit(lambda: witness(cp))
    return cp


def witness(cp: Checkpoint) -> None:
    """Append the checkpoint outside the database, where rewriting the database cannot reach."""
    line = json.dumps(cp.as_dict(), sort_keys=True)
    path = Path(settings.AIRLOCK_AUDIT_WITNESS_FILE)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as handle:
            handle.write(line + "\n")
    except OSError as exc:
        log.error("cannot append the audit checkpoint to the witness file %s: %r", path, exc)
    if settings.AIRLOCK_AUDIT_WITNESS_SYSLOG:
        syslog.syslog(syslog.LOG_INFO | syslog.LOG_AUTHPRIV, f"airlock-audit-checkpoint {line}")


_sealing = threading.Lock()


def seal_now(*, batch: int = BATCH, once: bool = False) -> int:
    """Seal what was just written, unless this process is sealing already; never raises.

    Called by an administrative change after its commit (so a command-line process does not
    exit with its record unsealed) and by the gateway's writer between batches, in the thread
    that already holds its database connection: no extra thread or connection per seal, and
    on SQLite no second writer waiting in the busy handler.
    """
    if not _sealing.acquire(blocking=False):
        return 0
    try:
        return seal(batch=batch, once=once)
    except Exception:
        log.exception("sealing the audit log failed; the next write or beat retries")
        return 0
    finally:
        _sealing.release()


def wait_idle(timeout: float = 10.0) -> bool:
    """Wait for this process's background sealer to finish (tests, orderly shutdown)."""
    if _sealing.acquire(timeout=timeout):
        _sealing.release()
        return True
    return False
