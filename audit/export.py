"""Evidence export: a signed zip bundle that a third party verifies with no database.

The bundle (format ``airlock-audit-export/1``) holds the exported records with their exact
sealed bodies, the leaf hash of every position between the first and the last exported
record (the export may be filtered, so records of other applications in between are
represented by their hashes only), a signed checkpoint that covers the range, and a Merkle
range proof from those leaves to the checkpoint's root. ``manifest.json`` lists the SHA-256
of every other file and is signed with the appliance's Ed25519 key; ``verify.py`` is a
verbatim copy of ``audit/verifier.py`` (standard library only), so ``python3 verify.py
bundle.zip`` checks all of it on any machine.

Large ranges are streamed: records are read in chunks and written to temporary files as
they come, and the range proof is computed in one pass over the stored leaf hashes while
holding only O(log² n) hashes in memory — never the whole log.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import string
import tempfile
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import orjson
from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from audit import envelope, keyring, sequencer, verifier
from audit.models import AuditRecord, Checkpoint, DataKey
from audit.verifier import Frontier, checkpoint_signed_message
from audit.verify import CHECKED_COLUMNS, column_differences, instant

FORMAT = "airlock-audit-export/1"
CHUNK = 2000
README_TEMPLATE = Path(__file__).with_name("export_readme.md")
UNAVAILABLE = "unavailable: "

# Percent complete and a line for a person; the job's progress column and the CLI use it.
Progress = Callable[[int, str], None]

CSV_COLUMNS = [
    "seq",
    "time",
    "event",
    "actor_id",
    "actor_name",
    "target_type",
    "target_id",
    "request_id",
    "application_id",
    "subject",
    "content_key_id",
    "content_sha256",
    "meta",
]


# --- What to export ---


def parse_bound(text: str, *, end: bool, what: str) -> dt.datetime:
    """A bound of a time range, given as ``YYYY-MM-DD`` or an ISO 8601 time (UTC if no zone).

    Returns an instant to compare with ``>=`` for a start and ``<`` for an end: an end given
    as a date covers that whole day, an end given as a time includes that very instant.
    """
    value = (text or "").strip()
    if not value:
        raise ValidationError(f"{what} is required (YYYY-MM-DD or an ISO 8601 time).")
    try:
        # A date first: Python reads "2025-01-31" as a datetime too, at midnight.
        day = parse_date(value)
        moment = None if day is not None else parse_datetime(value)
    except ValueError:  # well formed but impossible, e.g. 2025-02-30
        moment = day = None
    if moment is None and day is None:
        raise ValidationError(f"{what} {value!r} is not a date (YYYY-MM-DD) or an ISO 8601 time.")
    if moment is not None:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, dt.UTC)
        return moment + dt.timedelta(microseconds=1) if end else moment
    assert day is not None  # noqa: S101 - narrowed above, for mypy
    start_of_day = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
    return start_of_day + dt.timedelta(days=1) if end else start_of_day


@dataclass(frozen=True)
class ExportQuery:
    """Which records an export covers: ``start <= created_at < before``, optionally one app.

    Audit code knows applications only by id; the name is kept as given at the edge (CLI,
    API) so the manifest reads naturally.
    """

    start: dt.datetime
    before: dt.datetime
    application_id: int | None = None
    application: str = ""

    @classmethod
    def parse(
        cls, start: str, end: str, *, application_id: int | None = None, application: str = ""
    ) -> ExportQuery:
        begin = parse_bound(start, end=False, what="--from")
        before = parse_bound(end, end=True, what="--to")
        if begin >= before:
            raise ValidationError(f"--from ({start}) must not be after --to ({end}).")
        return cls(begin, before, application_id, application)

    def until(self, moment: dt.datetime) -> ExportQuery:
        """This query, ending no later than ``moment``."""
        return replace(self, before=min(self.before, moment))

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "before": self.before.isoformat(),
            "application_id": self.application_id,
            "application": self.application or None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExportQuery:
        start = parse_datetime(str(data["from"]))
        before = parse_datetime(str(data["before"]))
        if start is None or before is None:
            raise ValidationError(f"The export query {data!r} is malformed.")
        app = data.get("application_id")
        return cls(start, before, int(app) if app is not None else None, str(data.get("application") or ""))

    def records(self) -> QuerySet[AuditRecord]:
        """The sealed records in range; records written but not sealed yet are not exported."""
        rows = AuditRecord.objects.filter(
            seq__isnull=False, created_at__gte=self.start, created_at__lt=self.before
        )
        if self.application_id is not None:
            rows = rows.filter(application_id=self.application_id)
        return rows

    def matches(self, body: dict[str, Any]) -> bool:
        """Whether a sealed body falls in this query: its own time and application decide,
        never the columns that repeat them (a database-level edit must not move a record)."""
        moment = instant(body.get("ts"))
        if moment is None or not self.start <= moment < self.before:
            return False
        return self.application_id is None or body.get("application_id") == self.application_id

    def describe(self) -> str:
        scope = (
            f"application {self.application or self.application_id}"
            if self.application_id
            else "all applications"
        )
        return (
            f"records created from {self.start.isoformat()} until before {self.before.isoformat()}, {scope}"
        )


# --- Decrypting content ---


class KeyCache:
    """Unwrapped data keys by key id, for one export or one read (bounded; never shared).

    An export of a busy month touches many keys (one per application, day and subject);
    unwrapping each once instead of once per record is what makes content exports fast.
    """

    def __init__(self, limit: int = 512) -> None:
        self._keys: OrderedDict[str, bytes | str] = OrderedDict()
        self._limit = limit

    def get(self, key_id: str) -> bytes:
        """The key, or ``ContentUnavailable`` saying why not (shredded, wrong KEK, unknown)."""
        found = self._keys.get(key_id)
        if found is None:
            found = self._load(key_id)
            self._keys[key_id] = found
            if len(self._keys) > self._limit:
                self._keys.popitem(last=False)
        else:
            self._keys.move_to_end(key_id)
        if isinstance(found, str):
            raise envelope.ContentUnavailable(found)
        return found

    @staticmethod
    def _load(key_id: str) -> bytes | str:
        row = DataKey.objects.filter(key_id=key_id).first()
        if row is None:
            return f"data key {key_id} does not exist"
        if row.shredded_at is not None:
            why = f" ({row.shred_reason})" if row.shred_reason else ""
            return f"data key {key_id} was shredded on {row.shredded_at:%Y-%m-%d}{why}"
        try:
            return envelope.load(row)
        except envelope.ContentUnavailable as exc:
            return str(exc)


@dataclass(frozen=True)
class Decrypted:
    """A record's content: ``content`` when it could be decrypted, else ``unavailable`` says why.

    Both are None when the record never had content (the application's audit mode kept
    none, or it was withheld when written — the body's meta then says so).
    """

    content: Any = None
    unavailable: str | None = None

    @property
    def has_content(self) -> bool:
        return self.unavailable is None and self.content is not None


def decrypt_content(record: AuditRecord, keys: KeyCache | None = None) -> Decrypted:
    """Decrypt one record's content. Callers record the decryption; this function does not."""
    if not record.key_id:
        return Decrypted()
    keys = keys or KeyCache()
    try:
        data_key = keys.get(record.key_id)
        if record.content is None:
            raise envelope.ContentUnavailable(f"the ciphertext of record {record.uid} was deleted")
        plaintext = envelope.decrypt(data_key, record.uid, record.key_id, bytes(record.content))
    except envelope.ContentUnavailable as exc:
        return Decrypted(unavailable=str(exc))
    return Decrypted(content=orjson.loads(plaintext))


# --- Building the bundle ---


@dataclass
class BundleInfo:
    """What was exported, for the job row and the ``audit.exported`` record."""

    path: Path
    sha256: str
    size_bytes: int
    record_count: int
    first_seq: int
    last_seq: int
    checkpoint_size: int
    decrypted: int = 0
    unavailable: int = 0
    manifest: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BundleRequest:
    """Everything a bundle is built from; ``created_by`` is the requester's (copied) name."""

    query: ExportQuery
    destination: Path
    created_by: str
    include_content: bool = False
    reason: str = ""
    job_id: int | None = None


class _HashingWriter:
    """A text file that hashes what is written to it, so no file is read twice."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] = path.open("wb")
        self._digest = hashlib.sha256()

    def write(self, text: str) -> int:
        data = text.encode()
        self._digest.update(data)
        self._file.write(data)
        return len(text)

    def close(self) -> str:
        self._file.close()
        return self._digest.hexdigest()


def _csv_safe(value: object) -> str:
    # Spreadsheets run cells that start with these as formulas (CSV injection). The CSV is
    # a convenience view; records.jsonl keeps every value exactly.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _record_line(row: AuditRecord, include_content: bool, keys: KeyCache) -> tuple[dict[str, Any], Decrypted]:
    body = orjson.loads(row.body)
    line: dict[str, Any] = {
        "seq": row.seq,
        "body": row.body,
        # Decoded for a human reader; the verifier trusts only "body" and "seq".
        "uid": row.uid,
        "time": body.get("ts"),
        "event": row.event,
        "actor": body.get("actor"),
        "target": body.get("target"),
        "request_id": row.request_id,
        "application_id": row.application_id,
        "subject": row.subject,
        "meta": body.get("meta"),
        "content_ref": body.get("content"),
    }
    decrypted = Decrypted()
    if include_content:
        decrypted = decrypt_content(row, keys)
        line["content"] = UNAVAILABLE + decrypted.unavailable if decrypted.unavailable else decrypted.content
    return line, decrypted


def _csv_row(line: dict[str, Any]) -> list[str]:
    actor = line.get("actor") or {}
    target = line.get("target") or {}
    ref = line.get("content_ref") or {}
    cells: list[object] = [
        line["seq"],
        line["time"],
        line["event"],
        actor.get("id"),
        actor.get("name"),
        target.get("type"),
        target.get("id"),
        line["request_id"],
        line["application_id"],
        line["subject"],
        ref.get("key_id"),
        ref.get("sha256"),
        json.dumps(line.get("meta") or {}, sort_keys=True, ensure_ascii=False),
    ]
    if "content" in line:
        content = line["content"]
        cells.append(
            content if isinstance(content, str) else json.dumps(content, sort_keys=True, ensure_ascii=False)
        )
    return [_csv_safe(cell) for cell in cells]


def disjoint_subtrees(lo: int, hi: int, start: int, end: int) -> list[tuple[int, int]]:
    """The leaf intervals whose subtree hashes make the range proof of ``[start, end)``.

    In the RFC 6962 tree of leaves ``[lo, hi)`` (split at the largest power of two below the
    size), these are the maximal subtrees that do not overlap the range, left to right —
    the same nodes ``verifier.range_proof`` emits, computed here without any hash so the
    hashes can then be streamed.
    """
    if end <= lo or hi <= start:
        return [(lo, hi)]
    if start <= lo and hi <= end:
        return []
    split = 1 << ((hi - lo - 1).bit_length() - 1)
    return disjoint_subtrees(lo, lo + split, start, end) + disjoint_subtrees(lo + split, hi, start, end)


def streamed_range_proof(
    leaves: Iterable[tuple[int, bytes]],
    size: int,
    start: int,
    end: int,
    *,
    in_range: Callable[[int, bytes], None] | None = None,
) -> list[bytes]:
    """``verifier.range_proof(all_leaves, start, end, size)`` in one pass, in O(log² n) memory.

    ``leaves`` yields ``(seq, leaf_hash)`` for seq 0 to size - 1 in order; the leaves inside
    ``[start, end)`` are handed to ``in_range`` (to be written out) instead of kept. Each
    subtree outside the range is hashed as its leaves stream by: the root of a compact
    frontier over exactly those leaves is that subtree's RFC 6962 hash.
    """
    intervals = disjoint_subtrees(0, size, start, end)
    proof: list[bytes] = []
    current, seen = 0, 0
    tree = Frontier()
    for seq, digest in leaves:
        seen += 1
        if start <= seq < end:
            if in_range is not None:
                in_range(seq, digest)
            continue
        tree.append(digest)
        if seq + 1 == intervals[current][1]:
            proof.append(tree.root())
            tree, current = Frontier(), current + 1
    if seen != size or current != len(intervals):
        raise ValidationError("The range proof could not be completed; run `airlock audit verify`.")
    return proof


def _leaves(size: int) -> Iterator[tuple[int, bytes]]:
    rows = (
        AuditRecord.objects.filter(seq__isnull=False, seq__lt=size)
        .order_by("seq")
        .values_list("seq", "leaf_hash")
        .iterator(chunk_size=CHUNK * 5)
    )
    expected = 0
    for seq, digest in rows:
        if seq != expected or digest is None:
            raise ValidationError(
                f"The sealed log has no leaf at sequence number {expected}; run `airlock audit verify`."
            )
        expected += 1
        yield seq, bytes(digest)
    if expected != size:
        raise ValidationError(
            f"The signed checkpoint covers {size} records but only {expected} are sealed; "
            "run `airlock audit verify`."
        )


def _render_readme(manifest: dict[str, Any], request: BundleRequest, decrypted: int, unavailable: int) -> str:
    try:
        template = string.Template(README_TEMPLATE.read_text())
    except OSError as exc:
        raise ValidationError(f"The export README template {README_TEMPLATE} cannot be read: {exc}") from exc
    checkpoint = manifest["checkpoint"]
    if request.include_content:
        content = (
            f"Yes: decrypted content of {decrypted} record(s) is included in `records.jsonl` and "
            f"`records.csv` (field `content`); {unavailable} record(s) show `unavailable: <reason>` "
            f"because their data key was destroyed (retention or erasure). Stated reason: {request.reason}"
        )
    else:
        content = "No: metadata only. Content stays encrypted in the appliance."
    return template.substitute(
        origin=checkpoint["origin"],
        created_at=manifest["created_at"],
        created_by=manifest["created_by"],
        scope=request.query.describe(),
        first_seq=manifest["first_seq"],
        last_seq=manifest["last_seq"],
        record_count=manifest["record_count"],
        checkpoint_size=checkpoint["size"],
        checkpoint_root=checkpoint["root"],
        checkpoint_timestamp=checkpoint["timestamp"],
        fingerprint=manifest["public_key_fingerprint"],
        content=content,
    )


# Clocks of the appliance's hosts may disagree by this much (a record's time is taken where
# it is written, a checkpoint's where it is sealed).
CLOCK_SKEW = dt.timedelta(minutes=5)
_SCANNED_COLUMNS = CHECKED_COLUMNS


def _scan_start(start: dt.datetime) -> int:
    """The first sequence number whose record may have been written at ``start`` or later.

    A record's time is taken before it is committed, and it is sealed after that, so every
    record of a checkpoint signed before ``start`` was written before ``start``. The
    checkpoint's signed timestamp is what counts, not its (editable) row.
    """
    limit = start - CLOCK_SKEW
    public = keyring.signing_key().public_key()
    for cp in Checkpoint.objects.filter(created_at__lt=limit).order_by("-size")[:10]:
        signed_at = parse_datetime(cp.timestamp)
        signed = checkpoint_signed_message(cp.as_dict())
        if signed_at is None or signed_at >= limit or signed is None:
            continue
        try:
            public.verify(signed[1], signed[0])
        except InvalidSignature:
            continue
        return int(cp.size)
    return 0


def select(query: ExportQuery) -> tuple[list[int], tuple[int, int]]:
    """The sequence numbers of the sealed records ``query`` selects, by their sealed bodies,
    and the range of sequence numbers that was read to find them.

    Every record that could belong (from the last checkpoint signed before the range to the
    end of the log) is read; a column that disagrees with its body refuses the export, since
    the columns are what the log is searched by and a moved record must not go missing
    from evidence unnoticed.
    """
    end = AuditRecord.objects.filter(seq__isnull=False).aggregate(end=Max("seq"))["end"]
    end = -1 if end is None else int(end)
    begin = _scan_start(query.start)
    selected: list[int] = []
    expected = begin
    rows = (
        AuditRecord.objects.filter(seq__gte=begin, seq__lte=end)
        .order_by("seq")
        .values_list(*_SCANNED_COLUMNS)
        .iterator(chunk_size=CHUNK * 5)
    )
    # Closed here, not by the garbage collector: on PostgreSQL a server-side cursor closed later
    # would fail inside whatever transaction is open by then, and abort it.
    with _closing(rows):
        for values in rows:
            selected += _check_and_select(query, values, expected)
            expected += 1
    if expected != end + 1:
        raise ValidationError(
            f"The sealed log has no record at sequence number {expected}, so the export is "
            "refused; run `airlock audit verify`."
        )
    # A record before the range read may claim, by its columns, to be in it.
    stray = query.records().filter(seq__lt=begin).order_by("seq").first()
    if stray is not None:
        column = next(iter(column_differences(vars(stray), orjson.loads(stray.body))), "created_at")
        raise ValidationError(
            f"seq {stray.seq}: {column} differs from the sealed record, so the export is "
            "refused; run `airlock audit verify`."
        )
    return selected, (begin, end)


@contextmanager
def _closing(rows: Iterator[Any]) -> Iterator[None]:
    try:
        yield
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _check_and_select(query: ExportQuery, values: tuple[Any, ...], expected: int) -> list[int]:
    """[seq] if the record's sealed body falls in ``query``, else []; refuses the export when
    the log has a gap or a column disagrees with its body."""
    columns = dict(zip(_SCANNED_COLUMNS, values, strict=True))
    seq = columns["seq"]
    if seq != expected:
        raise ValidationError(
            f"The sealed log has no record at sequence number {expected}, so the export is "
            "refused; run `airlock audit verify`."
        )
    try:
        body = orjson.loads(columns["body"])
    except orjson.JSONDecodeError:
        body = None
    if not isinstance(body, dict):
        raise ValidationError(f"seq {seq}: its body is not a JSON object; run `airlock audit verify`.")
    differences = column_differences(columns, body)
    if differences:
        raise ValidationError(
            f"seq {seq}: {differences[0]} differs from the sealed record, so the export is "
            "refused; run `airlock audit verify`."
        )
    return [seq] if query.matches(body) else []


def runs(seqs: list[int]) -> list[list[int]]:
    """Sorted sequence numbers as inclusive runs ``[first, last]`` (compact for a whole range)."""
    found: list[list[int]] = []
    for seq in seqs:
        if found and found[-1][1] == seq - 1:
            found[-1][1] = seq
        else:
            found.append([seq, seq])
    return found


def _covering_checkpoint(last_seq: int) -> Checkpoint:
    """The smallest signed checkpoint that covers ``last_seq``; signs a new one if none does."""
    found = Checkpoint.objects.filter(size__gt=last_seq).order_by("size").first()
    if found is None:
        sequencer.seal(checkpoint=True)
        found = Checkpoint.objects.filter(size__gt=last_seq).order_by("size").first()
    if found is None:
        raise ValidationError(
            f"No signed checkpoint covers sequence number {last_seq}, and none could be made."
        )
    return found


def build_bundle(request: BundleRequest, progress: Progress | None = None) -> BundleInfo:
    """Write the bundle to ``request.destination`` (mode 0600) and describe it.

    Seals first, so everything committed in the range is exported, and makes sure a signed
    checkpoint covers the last exported record. Nothing is recorded here: the caller records
    the export (and any decryption) once the bundle exists.
    """

    def report(percent: int, message: str) -> None:
        if progress is not None:
            progress(max(0, min(100, percent)), message)

    sequencer.seal()
    selected, scanned = select(request.query)
    total = len(selected)
    if not total:
        raise ValidationError(f"There are no sealed records to export: {request.query.describe()}.")
    first_seq, last_seq = selected[0], selected[-1]
    checkpoint = _covering_checkpoint(last_seq)
    report(
        1,
        f"{total} record(s), sequence numbers {first_seq} to {last_seq}, "
        f"checkpoint at size {checkpoint.size}",
    )

    destination = request.destination
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=destination.parent))  # 0700
    try:
        files: dict[str, str] = {}
        decrypted = unavailable = written = 0
        keys = KeyCache()
        jsonl = _HashingWriter(work / "records.jsonl")
        csv_out = _HashingWriter(work / "records.csv")
        table = csv.writer(csv_out, lineterminator="\n")
        table.writerow(CSV_COLUMNS + (["content"] if request.include_content else []))
        wanted = set(selected)
        rows = AuditRecord.objects.filter(seq__gte=first_seq, seq__lte=last_seq)
        if not request.include_content:
            rows = rows.defer("content")
        ordered = rows.order_by("seq").iterator(chunk_size=CHUNK)
        with _closing(ordered):
            for row in ordered:
                if row.seq not in wanted:
                    continue  # another application's record: only its leaf hash is exported
                line, outcome = _record_line(row, request.include_content, keys)
                decrypted += outcome.has_content
                unavailable += outcome.unavailable is not None
                jsonl.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
                table.writerow(_csv_row(line))
                written += 1
                if written % CHUNK == 0:
                    report(1 + 69 * written // total, f"records {written}/{total}")
        files["records.jsonl"] = jsonl.close()
        files["records.csv"] = csv_out.close()
        if written != total:  # records cannot vanish from a sealed range; if they do, say so
            raise ValidationError(f"Expected {total} records but read {written}; run `airlock audit verify`.")
        report(70, f"records {written}/{total}")

        leaves_out = _HashingWriter(work / "leaf_hashes.txt")

        def in_range(seq: int, digest: bytes) -> None:
            leaves_out.write(digest.hex() + "\n")
            if (seq + 1) % (CHUNK * 25) == 0:
                report(70 + 25 * (seq + 1) // checkpoint.size, f"leaf hashes {seq + 1}/{checkpoint.size}")

        proof = streamed_range_proof(
            _leaves(checkpoint.size), checkpoint.size, first_seq, last_seq + 1, in_range=in_range
        )
        files["leaf_hashes.txt"] = leaves_out.close()

        verify_source = Path(verifier.__file__).read_bytes()
        (work / "verify.py").write_bytes(verify_source)
        files["verify.py"] = hashlib.sha256(verify_source).hexdigest()

        public_key = keyring.public_key_bytes()
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "first_seq": first_seq,
            "last_seq": last_seq,
            "record_count": written,
            "files": files,
            "checkpoint": {
                "origin": checkpoint.origin,
                "size": checkpoint.size,
                "root": checkpoint.root,
                "timestamp": checkpoint.timestamp,
                "signature": checkpoint.signature,
            },
            "range_proof": [node.hex() for node in proof],
            "public_key": public_key.hex(),
            "public_key_fingerprint": hashlib.sha256(public_key).hexdigest(),
            "query": request.query.as_json(),
            # Which records the query selects, read from their sealed bodies: the verifier
            # checks that the bundle holds exactly these, so none can be left out unnoticed.
            "selection": {"by": "sealed body", "seqs": runs(selected), "scanned": list(scanned)},
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "created_by": request.created_by,
            "include_content": request.include_content,
            "reason": request.reason,
            "job_id": request.job_id,
        }
        readme = _render_readme(manifest, request, decrypted, unavailable).encode()
        (work / "README.md").write_bytes(readme)
        files["README.md"] = hashlib.sha256(readme).hexdigest()
        manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
        signature = keyring.signing_key().sign(manifest_bytes).hex()
        report(96, "signing and packing")

        # Packed inside this attempt's own folder (a redelivered task may be building the
        # same job), then moved into place in one step: no reader ever sees half a bundle.
        partial = work / "bundle.zip.part"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with (
            os.fdopen(fd, "wb") as raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as bundle,
        ):
            bundle.writestr("manifest.json", manifest_bytes)
            bundle.writestr("manifest.sig", signature + "\n")
            for name in ("README.md", "verify.py", "records.jsonl", "records.csv", "leaf_hashes.txt"):
                bundle.write(work / name, name)
        os.replace(partial, destination)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    digest = hashlib.sha256()
    with destination.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    report(100, f"wrote {destination}")
    return BundleInfo(
        path=destination,
        sha256=digest.hexdigest(),
        size_bytes=destination.stat().st_size,
        record_count=written,
        first_seq=first_seq,
        last_seq=last_seq,
        checkpoint_size=checkpoint.size,
        decrypted=decrypted,
        unavailable=unavailable,
        manifest=manifest,
    )


def default_destination(job_id: int, query: ExportQuery) -> Path:
    """``<AIRLOCK_AUDIT_EXPORT_DIR>/airlock-audit-<from>-<to>[-<app>]-job<id>.zip``."""
    last_day = (query.before - dt.timedelta(microseconds=1)).date()
    app = f"-app{query.application_id}" if query.application_id is not None else ""
    name = f"airlock-audit-{query.start:%Y%m%d}-{last_day:%Y%m%d}{app}-job{job_id}.zip"
    return Path(settings.AIRLOCK_AUDIT_EXPORT_DIR) / name


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a finished bundle (for status pages and tests)."""
    with zipfile.ZipFile(path) as bundle:
        data: dict[str, Any] = json.load(io.BytesIO(bundle.read("manifest.json")))
    return data
