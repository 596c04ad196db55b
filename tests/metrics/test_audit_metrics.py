"""The audit log's figures on /metrics, read from the database when Prometheus scrapes:
backlog, sealed size and the newest checkpoint, and verifications that failed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prometheus_client.core import Metric

from audit import sequencer
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord
from audit.services import do_verify
from inference.metrics import exposition

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _witness(settings: Any, tmp_path: Path) -> None:
    settings.AIRLOCK_AUDIT_WITNESS_FILE = str(tmp_path / "witness.jsonl")
    settings.AIRLOCK_AUDIT_CHECKPOINT_RECORDS = 4


def figures() -> dict[str, float]:
    found: list[Metric] = exposition.read_state()
    return {sample.name: sample.value for family in found for sample in family.samples if not sample.labels}


def test_unsealed_records_then_a_checkpoint_show_in_the_figures() -> None:
    for i in range(6):
        record(Event.INFERENCE_REQUEST, meta={"i": i})
    assert figures()["airlock_audit_unsealed_records"] == 6
    assert figures()["airlock_audit_last_checkpoint_timestamp_seconds"] == 0
    sequencer.seal(checkpoint=True)
    after = figures()
    assert after["airlock_audit_unsealed_records"] == 0
    assert after["airlock_audit_sealed_records"] == 6
    assert after["airlock_audit_checkpoint_size"] == 6
    assert after["airlock_audit_last_checkpoint_timestamp_seconds"] > 0


def test_a_verification_that_finds_tampering_is_counted() -> None:
    for i in range(5):
        record(Event.INFERENCE_REQUEST, meta={"i": i})
    sequencer.seal(checkpoint=True)
    assert do_verify().ok
    assert figures()["airlock_audit_verification_failures_total"] == 0
    row = AuditRecord.objects.get(seq=2)
    AuditRecord.objects.filter(pk=row.pk).update(body=row.body.replace('"i":2', '"i":7'))
    assert not do_verify().ok
    assert figures()["airlock_audit_verification_failures_total"] == 1
