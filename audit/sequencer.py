"""Sealing: give committed records their place in the log and sign checkpoints.

One sealer at a time (a row lock on the tree state; SQLite serialises writers anyway) takes
the committed, unsealed records in commit order, assigns the next gapless sequence numbers,
computes their RFC 6962 leaf hashes, extends the compact Merkle frontier and, every N
records or T seconds, signs a checkpoint and appends it to the witness outside the database.
"""

from __future__ import annotations

import json
import logging
import syslog
import threading
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from audit import keyring
from audit.models import AuditRecord, Checkpoint, TreeState
from audit.verifier import Frontier, checkpoint_statement, leaf_bytes, leaf_hash

log = logging.getLogger("airlock.audit")

BATCH = 5000


def _state_for_update() -> TreeState | None:
    TreeState.objects.get_or_create(pk=1)
    query = TreeState.objects.filter(pk=1)
    if connection.features.has_select_for_update_skip_locked:
        # Another sealer is at work: it will take our records too.
        return query.select_for_update(skip_locked=True).first()
    return query.first()


def seal(*, checkpoint: bool | None = None) -> int:
    """Seal what is committed; returns how many records were sealed. Safe to call anywhere."""
    sealed = 0
    while True:
        with transaction.atomic():
            state = _state_for_update()
            if state is None:
                return sealed
            rows = list(
                AuditRecord.objects.filter(seq__isnull=True).order_by("id").values_list("id", "body")[:BATCH]
            )
            if rows:
                frontier = Frontier.from_json(state.frontier) if state.frontier else Frontier()
                updates = []
                for pk, body in rows:
                    seq = frontier.size
                    digest = leaf_hash(leaf_bytes(seq, body))
                    frontier.append(digest)
                    updates.append((seq, digest, pk))
                with connection.cursor() as cursor:
                    table = AuditRecord._meta.db_table
                    cursor.executemany(
                        f"UPDATE {table} SET seq = %s, leaf_hash = %s WHERE id = %s",  # noqa: S608 - our table name
                        updates,
                    )
                state.size = frontier.size
                state.frontier = frontier.to_json()
                state.updated_at = timezone.now()
                state.save()
                sealed += len(rows)
            _maybe_checkpoint(state, force=checkpoint)
        if len(rows) < BATCH:
            return sealed


def _maybe_checkpoint(state: TreeState, force: bool | None) -> Checkpoint | None:
    last = Checkpoint.objects.order_by("-size").first()
    if state.size == 0 or force is False:
        return None
    if last is not None and last.size >= state.size:
        return None
    due = (
        force
        or last is None
        or state.size - last.size >= settings.AIRLOCK_AUDIT_CHECKPOINT_RECORDS
        or (timezone.now() - last.created_at).total_seconds() >= settings.AIRLOCK_AUDIT_CHECKPOINT_SECONDS
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


def seal_now() -> int:
    """Seal what was just written, unless this process is sealing already; never raises.

    Called by an administrative change after its commit (so a command-line process does not
    exit with its record unsealed) and by the gateway's writer between batches, in the thread
    that already holds its database connection: no extra thread or connection per seal, and
    on SQLite no second writer waiting in the busy handler.
    """
    if not _sealing.acquire(blocking=False):
        return 0
    try:
        return seal()
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
