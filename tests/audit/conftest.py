"""Fixtures for audit tests: the named people of ``appliance.roles``, applications, records.

Records are written with ``audit.log.record`` like the rest of the appliance does; with
pytest-django's ``django_db`` the ``on_commit`` sealing never runs, so tests seal explicitly
(``seal_all``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from appliance.celery import app as celery_app
from audit import envelope, keyring, sequencer
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord
from inference.models import Application


@pytest.fixture(autouse=True)
def _audit_files(settings: Any, tmp_path: Path) -> Iterator[None]:
    """Witness and exports in this test's folder; no data key remembered from another test."""
    settings.AIRLOCK_AUDIT_WITNESS_FILE = str(tmp_path / "witness.jsonl")
    settings.AIRLOCK_AUDIT_EXPORT_DIR = tmp_path / "exports"
    # Data keys are cached per (application, day, subject); ids repeat after a rollback.
    envelope.forget()
    keyring.reset_caches()
    yield
    envelope.forget()
    keyring.reset_caches()


@pytest.fixture(autouse=True)
def _tasks_in_process() -> Iterator[None]:
    """Celery tasks run in the test (CI sets REDIS_URL, which otherwise queues them)."""
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.task_eager_propagates)
    conf.task_always_eager = conf.task_eager_propagates = True
    yield
    conf.task_always_eager, conf.task_eager_propagates = saved


@pytest.fixture
def billing(db: None) -> Application:
    return Application.objects.create(name="billing")


@pytest.fixture
def triage(db: None) -> Application:
    return Application.objects.create(name="triage")


def request_record(
    app: Application | None,
    text: str,
    *,
    subject: str | None = None,
    request_id: str = "",
    event: Event = Event.INFERENCE_REQUEST,
) -> AuditRecord:
    """A request record with encrypted content, as the gateway writes in 'full' mode."""
    return record(
        event,
        target=("api_key", "ak_test"),
        request_id=request_id,
        application_id=app.pk if app else None,
        subject_id=subject,
        meta={"model": "stub", "status": 200},
        content={"request": {"messages": [{"role": "user", "content": text}]}},
    )


def seal_all(*, checkpoint: bool = True) -> int:
    return sequencer.seal(checkpoint=checkpoint)


def events(event: Event) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(event=event).order_by("id"))
