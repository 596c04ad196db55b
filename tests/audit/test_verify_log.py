"""``airlock audit verify`` against the database, tested the way Certificate Transparency tests
its verifiers: a valid log first, then that log altered one way at a time — each alteration
must be caught, and named at the right sequence number."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.db import connection

from audit import envelope, sequencer
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord, Checkpoint, DataKey, TreeState
from audit.verifier import leaf_bytes, leaf_hash
from audit.verify import verify_log

pytestmark = pytest.mark.django_db

N = 12


@pytest.fixture
def log(settings, django_capture_on_commit_callbacks) -> list[AuditRecord]:  # type: ignore[no-untyped-def]
    """Twelve records, every other one with encrypted content, checkpoints every 4 (and their
    witness lines, which are written after commit)."""
    settings.AIRLOCK_AUDIT_CHECKPOINT_RECORDS = 4
    with django_capture_on_commit_callbacks(execute=True):
        return _make_log()


def _make_log() -> list[AuditRecord]:
    made = []
    for i in range(N):
        content = {"prompt": f"secret number {i}"} if i % 2 else None
        made.append(
            record(
                Event.INFERENCE_REQUEST,
                request_id=f"req_{i}",
                application_id=1,
                meta={"i": i},
                content=content,
            )
        )
        if i % 4 == 3:
            sequencer.seal(checkpoint=True)
    sequencer.seal(checkpoint=True)
    return list(AuditRecord.objects.order_by("seq"))


def at(seq: int) -> AuditRecord:
    return AuditRecord.objects.get(seq=seq)


def flip(data: bytes, index: int = 0) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def test_a_valid_log_verifies(log: list[AuditRecord]) -> None:
    result = verify_log()
    assert result.ok, result.message
    assert (result.records, result.unsealed) == (N, 0)
    assert result.checkpoints == Checkpoint.objects.count() >= 3


def test_the_leaf_encoding_is_the_known_answer() -> None:
    # RFC 6962 leaf hash of the canonical leaf bytes: fixed forever, or old exports stop verifying.
    assert leaf_bytes(7, '{"a":1}') == b'{"seq":7,"record":{"a":1}}'
    assert leaf_hash(b"").hex() == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"


def _expect(bad_seq: int | None, words: str) -> None:
    result = verify_log()
    assert not result.ok, "the alteration was not caught"
    assert words in result.message, result.message
    if bad_seq is not None:
        assert result.first_bad_seq == bad_seq, result.message


def test_a_flipped_bit_in_ciphertext_is_caught(log: list[AuditRecord]) -> None:
    row = at(5)
    AuditRecord.objects.filter(pk=row.pk).update(content=flip(bytes(row.content), 20))
    _expect(5, "ciphertext does not match")


def test_a_flipped_bit_in_metadata_is_caught(log: list[AuditRecord]) -> None:
    row = at(3)
    AuditRecord.objects.filter(pk=row.pk).update(body=row.body.replace('"i":3', '"i":4'))
    _expect(3, "does not match the leaf")


def test_an_alteration_with_a_recomputed_leaf_is_caught_by_the_signed_checkpoint(
    log: list[AuditRecord],
) -> None:
    row = at(2)
    body = row.body.replace('"i":2', '"i":9')
    AuditRecord.objects.filter(pk=row.pk).update(body=body, leaf_hash=leaf_hash(leaf_bytes(2, body)))
    # Checkpoints every four records: the first one that no longer matches bounds the span.
    _expect(0, "a record among seq 0..3 was altered")
    assert "do not match the signed checkpoint" in verify_log().message


def test_a_deleted_record_is_caught(log: list[AuditRecord]) -> None:
    AuditRecord.objects.filter(seq=6).delete()
    _expect(6, "record 6 is missing")


def test_a_reordered_pair_is_caught(log: list[AuditRecord]) -> None:
    a, b = at(4), at(5)
    AuditRecord.objects.filter(pk=a.pk).update(seq=-1)
    AuditRecord.objects.filter(pk=b.pk).update(seq=4)
    AuditRecord.objects.filter(pk=a.pk).update(seq=5)
    _expect(4, "does not match the leaf")


def test_a_truncated_tail_is_caught_against_an_exported_checkpoint(log: list[AuditRecord]) -> None:
    exported = Checkpoint.objects.order_by("-size").first().as_dict()  # what an auditor took away
    # A thorough attacker drops the last records and every trace of them inside the database.
    AuditRecord.objects.filter(seq__gte=8).delete()
    Checkpoint.objects.filter(size__gt=8).delete()
    TreeState.objects.all().delete()
    assert verify_log().ok, "inside the database alone the shorter log is consistent"
    result = verify_log(since_checkpoint=exported)
    assert not result.ok and "truncated" in result.message, result.message


def test_a_rewritten_history_is_caught_against_the_witness_file(log: list[AuditRecord], settings) -> None:  # type: ignore[no-untyped-def]
    with open(settings.AIRLOCK_AUDIT_WITNESS_FILE) as handle:
        witnessed = json.loads(handle.read().splitlines()[-1])
    row = at(1)
    body = row.body.replace('"i":1', '"i":7')
    AuditRecord.objects.filter(pk=row.pk).update(body=body, leaf_hash=leaf_hash(leaf_bytes(1, body)))
    Checkpoint.objects.all().delete()  # the attacker also removes the signed checkpoints
    result = verify_log(since_checkpoint=witnessed)
    assert not result.ok and "given checkpoint" in result.message, result.message


def test_a_swapped_key_id_is_caught(log: list[AuditRecord], settings) -> None:  # type: ignore[no-untyped-def]
    # Another real key: one of a second application, so the two records' keys differ.
    other = record(Event.INFERENCE_REQUEST, application_id=2, content={"x": 1}).key_id
    AuditRecord.objects.filter(pk=at(5).pk).update(key_id=other)
    _expect(5, "key_id differs from the sealed record")


def test_a_replayed_record_is_caught(log: list[AuditRecord]) -> None:
    original = at(3)
    with connection.cursor() as cursor:
        columns = "uid, seq, created_at, event, actor_name, target_type, target_id, request_id, subject, body"
        cursor.execute(
            f"INSERT INTO {AuditRecord._meta.db_table} ({columns}, key_id, leaf_hash) "  # noqa: S608 - our table
            "VALUES (%s, %s, %s, %s, '', '', '', %s, '', %s, '', %s)",
            [
                original.uid[:-5] + "again",
                N,
                original.created_at,
                original.event,
                original.request_id,
                original.body,
                leaf_hash(leaf_bytes(N, original.body)),
            ],
        )
    _expect(N, "uid differs from the sealed record")


def test_a_forged_checkpoint_signature_is_caught(log: list[AuditRecord]) -> None:
    cp = Checkpoint.objects.order_by("size").first()
    Checkpoint.objects.filter(pk=cp.pk).update(signature=flip(bytes.fromhex(cp.signature)).hex())
    _expect(None, "signature of the checkpoint")


def test_ciphertext_moved_to_another_record_does_not_decrypt(log: list[AuditRecord]) -> None:
    source, target = at(1), at(3)
    key = DataKey.objects.get(key_id=source.key_id)
    with pytest.raises(envelope.ContentUnavailable):
        envelope.decrypt(envelope.load(key), target.uid, source.key_id, bytes(source.content))
    assert b"secret number 1" in envelope.decrypt(
        envelope.load(key), source.uid, source.key_id, bytes(source.content)
    )


@pytest.mark.parametrize(
    "alteration",
    [
        lambda: AuditRecord.objects.filter(seq=0).update(event="auth.sign_in"),
        lambda: AuditRecord.objects.filter(seq=0).update(request_id="req_other"),
        lambda: AuditRecord.objects.filter(seq=0).update(application_id=2),
    ],
)
def test_searchable_columns_that_lie_about_the_body_are_caught(
    log: list[AuditRecord], alteration: Callable[[], int]
) -> None:
    alteration()
    _expect(0, "differs from the sealed record")


def test_records_not_yet_sealed_are_counted_not_hidden(log: list[AuditRecord]) -> None:
    record(Event.AUDIT_READ, meta={"late": True})
    result = verify_log()
    assert result.ok and result.unsealed == 1
    assert "not sealed yet" in result.message


# Every column the API shows, filters on or exports repeats a field of the sealed body; a
# database-level edit of any one of them must be named, at its record.
COLUMN_EDITS: dict[str, object] = {
    "created_at": "400 days back",
    "uid": "0" * 32,
    "event": "auth.sign_in",
    "actor_id": 42,
    "actor_name": "alice",
    "target_type": "user",
    "target_id": "7",
    "request_id": "req_other",
    "application_id": 2,
    "subject": "ps_" + "0" * 32,
    "key_id": "dk_0000000000000000",
}


@pytest.mark.parametrize("column", sorted(COLUMN_EDITS))
def test_a_database_edit_of_any_denormalised_column_is_named_at_its_record(
    log: list[AuditRecord], column: str
) -> None:
    import datetime as dt

    row = at(7)
    value = COLUMN_EDITS[column]
    if column == "created_at":
        value = row.created_at - dt.timedelta(days=400)
    AuditRecord.objects.filter(pk=row.pk).update(**{column: value})

    result = verify_log()

    assert not result.ok, f"an edit of {column} went unnoticed"
    assert result.message == f"FAILED at sequence number 7: {column} differs from the sealed record"
    assert result.first_bad_seq == 7


def test_a_time_moved_by_a_microsecond_is_caught(log: list[AuditRecord]) -> None:
    import datetime as dt

    row = at(2)
    AuditRecord.objects.filter(pk=row.pk).update(created_at=row.created_at + dt.timedelta(microseconds=1))
    _expect(2, "created_at differs from the sealed record")
