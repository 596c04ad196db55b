"""The ledger is written off the request path, and rebuilt from the audit log after a crash."""

from __future__ import annotations

import time
from datetime import timedelta

from django.utils import timezone

from audit import sequencer
from inference.quotas import ledger, rollups, tasks
from inference.quotas.models import UsageRecord
from inference.quotas.reconcile import reconcile
from tests.quotas.conftest import Clock, Gateway

HELLO = [{"role": "user", "content": "Say hello"}]


def request_ids(gateway: Gateway, count: int) -> list[str]:
    ids = []
    for _ in range(count):
        raw = gateway.client().chat.completions.with_raw_response.create(model="stub", messages=HELLO)
        ids.append(raw.headers["x-request-id"])
    return ids


def all_written(ids: list[str]) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        ledger.flush()
        if UsageRecord.objects.filter(request_id__in=ids).count() == len(ids):
            return True
        time.sleep(0.02)
    return False


def test_every_answered_request_gets_exactly_one_ledger_row(quota_gateway: Gateway, clock: Clock) -> None:
    ids = request_ids(quota_gateway, 5)
    assert all_written(ids)
    ledger.add({**UsageRecord.objects.filter(request_id=ids[0]).values().get(), "id": None})  # written twice
    ledger.flush()
    assert UsageRecord.objects.filter(request_id__in=ids).count() == 5


def test_rows_lost_in_a_crash_are_restored_from_the_audit_log(quota_gateway: Gateway, clock: Clock) -> None:
    ids = request_ids(quota_gateway, 3)
    assert all_written(ids)
    original = UsageRecord.objects.get(request_id=ids[1])
    # The worker died before its queued rows reached the database.
    UsageRecord.objects.filter(request_id__in=ids[1:]).delete()
    sequencer.wait_idle()
    now = timezone.now()
    days = reconcile(now - timedelta(hours=1), now + timedelta(minutes=1))
    assert days == {now.date()}
    restored = UsageRecord.objects.get(request_id=ids[1])
    assert (
        restored.application_id,
        restored.api_key_id,
        restored.model,
        restored.route,
        restored.status,
    ) == (
        original.application_id,
        original.api_key_id,
        "stub",
        "local",
        200,
    )
    assert (restored.prompt_tokens, restored.completion_tokens, restored.estimated) == (10, 16, False)
    assert abs(restored.created_at - original.created_at) < timedelta(seconds=1)
    # Running it again finds nothing missing.
    assert reconcile(now - timedelta(hours=1), now + timedelta(minutes=1)) == set()
    assert UsageRecord.objects.filter(request_id__in=ids).count() == 3


def test_the_beat_tasks_roll_up_what_the_ledger_holds(quota_gateway: Gateway, clock: Clock) -> None:
    ids = request_ids(quota_gateway, 4)
    assert all_written(ids)
    tasks.rollup_recent()
    today = timezone.now().date()
    (row,) = rollups.summary(today, today, group_by=("model",))
    assert (row["model"], row["requests"], row["prompt_tokens"], row["completion_tokens"]) == (
        "stub",
        4,
        40,
        64,
    )
