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

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import orjson

from audit import keyring
from audit.models import AuditRecord, Checkpoint, DataKey
from audit.verifier import Frontier, leaf_bytes, leaf_hash, verify_checkpoint

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


_COLUMNS = (
    "seq",
    "uid",
    "event",
    "request_id",
    "application_id",
    "key_id",
    "subject",
    "body",
    "content",
    "leaf_hash",
)


def verify_log(
    *, since_checkpoint: dict[str, object] | None = None, progress: Progress | None = None
) -> VerifyResult:
    result = VerifyResult()
    public_key = keyring.public_key_bytes()
    checkpoints = list(Checkpoint.objects.order_by("size", "id"))
    external = [since_checkpoint] if since_checkpoint else []
    for cp in external:
        if not verify_checkpoint(cp, public_key):
            result.problem(
                None, "the given checkpoint's signature is not valid for this appliance's signing key"
            )
    for cp_row in checkpoints:
        if not verify_checkpoint(cp_row.as_dict(), public_key):
            result.problem(None, f"the signature of the checkpoint at size {cp_row.size} is not valid")
    targets = sorted(
        [(int(cp.size), cp.root, "checkpoint") for cp in checkpoints]
        + [(int(str(cp["size"])), str(cp["root"]), "given checkpoint") for cp in external]
    )
    shredded = set(DataKey.objects.filter(shredded_at__isnull=False).values_list("key_id", flat=True))
    total = AuditRecord.objects.filter(seq__isnull=False).count()
    result.unsealed = AuditRecord.objects.filter(seq__isnull=True).count()

    frontier = Frontier()
    seen_uids: set[str] = set()
    target_index = 0
    rows = AuditRecord.objects.filter(seq__isnull=False).order_by("seq").values_list(*_COLUMNS)
    for seq, uid, event, request_id, app_id, key_id, subject, body, content, stored_leaf in rows.iterator(
        chunk_size=5000
    ):
        expected = frontier.size
        if seq != expected:
            kind = "missing" if seq > expected else "out of order"
            result.problem(expected, f"record {expected} is {kind} (the next record found is {seq})")
            break
        digest = leaf_hash(leaf_bytes(seq, body))
        if stored_leaf is None or bytes(stored_leaf) != digest:
            result.problem(seq, f"record {seq}: its body does not match the leaf sealed for it (altered)")
        try:
            parsed = orjson.loads(body)
        except orjson.JSONDecodeError:
            result.problem(seq, f"record {seq}: its body is not valid JSON")
            parsed = {}
        if (
            parsed.get("uid") != uid
            or parsed.get("event") != event
            or parsed.get("request_id") != request_id
            or parsed.get("application_id") != app_id
            or parsed.get("subject") != subject
            or ((parsed.get("content") or {}).get("key_id") or "") != key_id
        ):
            result.problem(seq, f"record {seq}: its searchable columns disagree with its sealed body")
        if uid in seen_uids:
            result.problem(seq, f"record {seq}: replays record {uid} that appears earlier in the log")
        seen_uids.add(uid)
        ref = parsed.get("content")
        if ref:
            if content is not None:
                if hashlib.sha256(bytes(content)).hexdigest() != ref.get("sha256"):
                    result.problem(seq, f"record {seq}: its ciphertext does not match the hash in its body")
            elif ref.get("key_id") not in shredded:
                result.problem(seq, f"record {seq}: its ciphertext is missing but its key was never shredded")
        elif content is not None:
            result.problem(seq, f"record {seq}: it carries ciphertext its body does not commit to")
        frontier.append(digest)
        while target_index < len(targets) and targets[target_index][0] == frontier.size:
            size, root, what = targets[target_index]
            if frontier.root().hex() != root:
                result.problem(
                    seq,
                    f"the log's first {size} records do not match the signed {what} of that size: "
                    "a record before it was altered, inserted, removed or reordered",
                )
            target_index += 1
        if progress is not None and frontier.size % 50_000 == 0:
            progress(frontier.size, total)
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
