"""Verification of the whole log in the database (``airlock audit verify``).

Recomputes everything from what is stored and trusts none of it: every sequence number must
follow the previous one; every leaf hash is recomputed from the record's exact body; the
columns used for searching must agree with the body; ciphertext must hash to what the body
committed to (or be absent because its key was shredded); no record may appear twice; and the
Merkle root at every signed checkpoint must equal the signed root, under a valid signature.
A checkpoint kept outside the database (the witness file, an earlier export) catches a
database that was truncated or rewritten wholesale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import connection, connections

from audit import keyring
from audit.models import AuditRecord, Checkpoint, DataKey
from audit.verifier import (
    Frontier,
    _decode_point,
    _is_small_order,
    checkpoint_signed_message,
    leaf_bytes,
    leaf_hash,
    verify_checkpoint,
)

Progress = Callable[[int, int], None]


@dataclass
class VerifyResult:
    """What verification found; ``problems`` lists every problem, the first one first."""

    records: int = 0
    checkpoints: int = 0
    unsealed: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_seq: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        if self.ok:
            tail = f"; {self.unsealed} record(s) written but not sealed yet" if self.unsealed else ""
            return f"OK: {self.records} records, {self.checkpoints} signed checkpoints verified{tail}."
        where = f" at sequence number {self.first_bad_seq}" if self.first_bad_seq is not None else ""
        return f"FAILED{where}: {self.problems[0]}"

    def problem(self, seq: int | None, text: str) -> None:
        if (not self.problems and seq is not None) or (self.first_bad_seq is None and seq is not None):
            self.first_bad_seq = seq
        self.problems.append(text)


# The queried columns and the sealed body they must agree with (``column_differences``);
# exports read the same ones to choose their records by the body.
CHECKED_COLUMNS = (
    "seq",
    "uid",
    "created_at",
    "event",
    "actor_id",
    "actor_name",
    "target_type",
    "target_id",
    "request_id",
    "application_id",
    "key_id",
    "subject",
    "body",
)
_COLUMNS = (*CHECKED_COLUMNS, "content", "leaf_hash")
CHUNK = 5000  # rows per fetch on SQLite

Row = tuple[Any, ...]


@contextmanager
def _sealed_records() -> Iterator[Iterator[Row]]:
    """Every sealed record (``_COLUMNS``) in ``seq`` order, read by one statement (one snapshot).

    On PostgreSQL the rows are streamed by ``COPY (SELECT ...) TO STDOUT`` in binary: about a
    third less work for the server and for this process than a cursor's FETCHes, and no round
    trips — the server keeps filling the socket while the records are checked here, so the two
    run side by side. (A helper thread that fetched while this one checked was slower: handing
    the interpreter lock back and forth cost more than the overlap it bought.) Outside a
    transaction the COPY runs on a connection of its own, which leaves the default connection
    free for the caller (a progress callback may use it); inside one it must run on the
    caller's connection, the only one that sees what that transaction wrote.
    """
    table = connection.ops.quote_name(AuditRecord._meta.db_table)
    # The time as text: compared with the body's own text, it costs a fraction of a datetime's.
    columns = ", ".join("CAST(created_at AS TEXT)" if c == "created_at" else c for c in _COLUMNS)
    select = f"SELECT {columns} FROM {table} WHERE seq IS NOT NULL ORDER BY seq"  # noqa: S608
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(select)
            yield _fetched(cursor)
        return
    if connection.in_atomic_block:
        connection.ensure_connection()
        rows = _copied(connection.connection, select)
        try:
            yield rows
        finally:
            for _ in rows:  # a COPY stopped halfway would abort the caller's transaction
                pass
        return
    own = connections.create_connection(connection.alias)
    try:
        own.ensure_connection()
        rows = _copied(own.connection, select)
        try:
            yield rows
        finally:
            rows.close()  # cancels a COPY the caller stopped reading
    finally:
        own.close()


def _copied(raw: Any, select: str) -> Generator[Row, None, None]:
    """The rows of ``select`` through a binary COPY on a psycopg connection."""
    with raw.cursor() as cursor:
        cursor.execute(f"{select} LIMIT 0")
        types = [column.type_code for column in cursor.description]
        with cursor.copy(f"COPY ({select}) TO STDOUT (FORMAT BINARY)") as copy:
            copy.set_types(types)
            yield from copy.rows()


def instant(value: object) -> dt.datetime | None:
    """A stored or sealed time as an aware datetime (SQLite hands back naive UTC text)."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


_NOTHING: dict[str, Any] = {}


def _same_time(stored: object, sealed: object) -> bool:
    """The quick test of a stored time (as text) against the body's ``ts``, as ``prepare``
    wrote it (UTC, microseconds); False sends the record to the full comparison.

    PostgreSQL writes ``2026-12-06 10:00:00.123456+00`` (the session is in UTC), SQLite
    ``2026-12-06 10:00:00.123456`` (UTC, as Django stores it).
    """
    if type(stored) is not str or type(sealed) is not str:
        return False
    text = stored.replace(" ", "T", 1)
    return sealed == text + ":00" or sealed == text + "+00:00"


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def column_differences(columns: dict[str, Any], body: dict[str, Any]) -> list[str]:
    """The names of the columns that do not repeat what the sealed body says, in column order.

    Every column the API shows, filters on or exports is here: a database-level edit of any
    of them (a forged actor, a time moved out of an export's range) must fail verification.
    """
    actor, target, ref = (_object(body.get(name)) for name in ("actor", "target", "content"))
    sealed = {
        "uid": body.get("uid"),
        "created_at": instant(body.get("ts")),
        "event": body.get("event"),
        "actor_id": actor.get("id"),
        "actor_name": actor.get("name"),
        "target_type": target.get("type"),
        "target_id": target.get("id"),
        "request_id": body.get("request_id"),
        "application_id": body.get("application_id"),
        "subject": body.get("subject"),
        "key_id": ref.get("key_id") or "",
    }
    found = []
    for name, expected in sealed.items():
        stored = columns[name]
        if name == "created_at":
            stored = instant(stored)
            if expected is None or stored != expected:
                found.append(name)
        elif stored != expected:
            found.append(name)
    return found


def _fetched(cursor: Any) -> Iterator[Row]:
    while chunk := cursor.fetchmany(CHUNK):
        yield from chunk


# The order of the Ed25519 base point (RFC 8032 §5.1): a signature's S must be below it.
_ED25519_L = 2**252 + 27742317777372353535851937790883648493


class _Signatures:
    """``verifier.verify_checkpoint``, with OpenSSL doing the curve arithmetic.

    The standalone verifier checks signatures in pure Python, about 17 ms each here: at one
    checkpoint per 10,000 records a sixth of the time the rest of verification takes, and
    most of it for a quiet log, which gets a checkpoint every minute. The input rules here are
    ``verify_checkpoint``'s own, and the arithmetic accepts exactly what its strict RFC 8032
    verification accepts: the public key must decode and not be of small order (checked once,
    with the pure verifier's own functions; otherwise every checkpoint is checked in pure
    Python, which then refuses it); S must be below L (checked here, and by OpenSSL); and
    OpenSSL compares the encoding of [S]B - [k]A with the R it was given, so only a canonical
    R passes, as in the pure verifier.
    """

    def __init__(self, public_key: bytes) -> None:
        self.public_key = public_key
        self.key: Ed25519PublicKey | None = None
        point = _decode_point(public_key) if len(public_key) == 32 else None
        if point is not None and not _is_small_order(point):
            try:
                self.key = Ed25519PublicKey.from_public_bytes(public_key)
            except ValueError:
                self.key = None

    def valid(self, cp: dict[str, Any]) -> bool:
        if self.key is None:
            return verify_checkpoint(cp, self.public_key)
        return self._openssl(cp)

    def _openssl(self, cp: dict[str, Any]) -> bool:
        signed = checkpoint_signed_message(cp)
        if signed is None or self.key is None:
            return False
        statement, signature = signed
        if int.from_bytes(signature[32:], "little") >= _ED25519_L:
            return False
        try:
            self.key.verify(signature, statement)
        except InvalidSignature:
            return False
        return True


def _usable(cp: dict[str, object]) -> bool:
    return isinstance(cp.get("root"), str) and str(cp.get("size", "")).isdigit()


def verify_log(
    *,
    since_checkpoint: dict[str, object] | None = None,
    witnessed: Sequence[dict[str, object]] = (),
    progress: Progress | None = None,
) -> VerifyResult:
    """Verify the log; ``since_checkpoint`` (and ``witnessed``, the earlier checkpoints of the
    same witness file) are signed checkpoints kept outside the database.

    Every signed checkpoint is a point where the log's prefix is known. A rewrite that also
    recomputed its leaf hashes is seen only as a root that no longer matches; the altered
    record is then named as precisely as the checkpoints allow: the first record after the
    last checkpoint that still matches (exactly that record when checkpoints are that dense).
    """
    result = VerifyResult()
    signatures = _Signatures(keyring.public_key_bytes())
    checkpoints = list(Checkpoint.objects.order_by("size", "id"))
    # Earlier lines of a witness file only narrow down where a rewrite happened; one that does
    # not verify under this appliance's key (another key, a damaged line) vouches for nothing
    # and is left out. The given checkpoint, the file's last line, must verify.
    external = [cp for cp in witnessed if _usable(cp) and signatures.valid(cp)]
    if since_checkpoint:
        external.append(since_checkpoint)
        if not signatures.valid(since_checkpoint):
            result.problem(
                None, "the given checkpoint's signature is not valid for this appliance's signing key"
            )
    for cp_row in checkpoints:
        if not signatures.valid(cp_row.as_dict()):
            result.problem(None, f"the signature of the checkpoint at size {cp_row.size} is not valid")
    targets = sorted(
        {(int(cp.size), cp.root, "checkpoint") for cp in checkpoints}
        | {
            (
                int(str(cp["size"])),
                str(cp["root"]),
                "given checkpoint" if cp is since_checkpoint else "witnessed checkpoint",
            )
            for cp in external
        }
    )
    matched = 0  # the size of the longest prefix a signed checkpoint vouches for
    shredded = set(DataKey.objects.filter(shredded_at__isnull=False).values_list("key_id", flat=True))
    total = AuditRecord.objects.filter(seq__isnull=False).count() if progress is not None else 0
    result.unsealed = AuditRecord.objects.filter(seq__isnull=True).count()

    # The loop below runs once per record: names are bound locally, and the size of the tree
    # is counted here (``expected``) rather than asked of the frontier.
    frontier = Frontier()
    append = frontier.append
    seen_uids: set[str] = set()
    seen = seen_uids.add
    loads, decode_error, sha256 = orjson.loads, orjson.JSONDecodeError, hashlib.sha256
    target_index = 0
    next_target = targets[0][0] if targets else -1
    expected = 0
    with _sealed_records() as rows:
        for row in rows:
            (seq, uid, created, event, actor_id, actor_name, target_type, target_id, request_id) = row[:9]
            app_id, key_id, subject, body, content, stored_leaf = row[9:]
            if seq != expected:
                kind = "missing" if seq > expected else "out of order"
                result.problem(expected, f"record {expected} is {kind} (the next record found is {seq})")
                break
            digest = leaf_hash(leaf_bytes(seq, body))
            if stored_leaf is None or stored_leaf != digest:
                result.problem(seq, f"record {seq}: its body does not match the leaf sealed for it (altered)")
            try:
                parsed = loads(body)
            except decode_error:
                result.problem(seq, f"record {seq}: its body is not valid JSON")
                parsed = {}
            if not isinstance(parsed, dict):
                result.problem(seq, f"record {seq}: its body is not a JSON object")
                parsed = {}
            ref = parsed.get("content")
            actor, target = parsed.get("actor"), parsed.get("target")
            if type(actor) is not dict:
                actor = _NOTHING
            if type(target) is not dict:
                target = _NOTHING
            # Compared inline, the common case: this loop's cost is what verification costs.
            # Anything short of an exact match is looked at column by column (a time written
            # another way is no difference).
            if not (
                uid == parsed.get("uid")
                and event == parsed.get("event")
                and request_id == parsed.get("request_id")
                and app_id == parsed.get("application_id")
                and subject == parsed.get("subject")
                and actor_id == actor.get("id")
                and actor_name == actor.get("name")
                and target_type == target.get("type")
                and target_id == target.get("id")
                and key_id == ((ref.get("key_id") if type(ref) is dict else None) or "")
                and _same_time(created, parsed.get("ts"))
            ):
                for column in column_differences(dict(zip(_COLUMNS, row, strict=True)), parsed):
                    # The first problem is shown after "FAILED at sequence number N:"; later
                    # ones stand alone and name their record.
                    where = f"record {seq}: " if result.problems else ""
                    result.problem(seq, f"{where}{column} differs from the sealed record")
            if uid in seen_uids:
                result.problem(seq, f"record {seq}: replays record {uid} that appears earlier in the log")
            seen(uid)
            if ref:
                committed = ref.get("sha256") if isinstance(ref, dict) else None
                if content is not None:
                    if sha256(content).hexdigest() != committed:
                        result.problem(
                            seq, f"record {seq}: its ciphertext does not match the hash in its body"
                        )
                elif not isinstance(ref, dict) or ref.get("key_id") not in shredded:
                    result.problem(
                        seq, f"record {seq}: its ciphertext is missing but its key was never shredded"
                    )
            elif content is not None:
                result.problem(seq, f"record {seq}: it carries ciphertext its body does not commit to")
            append(digest)
            expected += 1
            if expected == next_target:
                while target_index < len(targets) and targets[target_index][0] == expected:
                    size, root, what = targets[target_index]
                    if frontier.root().hex() == root:
                        matched = size
                    elif matched == size - 1:
                        result.problem(
                            matched,
                            f"record {matched} was altered, inserted, removed or reordered: the log's first "
                            f"{size} records do not match the signed {what} of that size, and its first "
                            f"{matched} match",
                        )
                    else:
                        result.problem(
                            matched,
                            f"a record among seq {matched}..{size - 1} was altered, inserted, removed or "
                            f"reordered: the log's first {size} records do not match the signed {what} of "
                            f"that size, and its first {matched} match (no signed checkpoint in between "
                            "tells which record it was)",
                        )
                    target_index += 1
                next_target = targets[target_index][0] if target_index < len(targets) else -1
            if progress is not None and expected % 50_000 == 0:
                progress(expected, total)
    result.records = frontier.size
    for size, _, what in targets[target_index:]:
        if size > frontier.size:
            result.problem(
                frontier.size,
                f"the log holds {frontier.size} sealed records but a signed {what} covers {size}: "
                "records were removed from its end (truncated)",
            )
            break
    result.checkpoints = len(checkpoints) + len(external)
    return result
