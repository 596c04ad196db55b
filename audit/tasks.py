"""Background work of the audit log (Celery beat and workers; in-process when embedded).

Every task takes ids, is safe to run twice, returns quietly when its row is gone, and retries
with exponential backoff and jitter when the database is briefly unavailable.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError

from audit import sequencer, services
from audit.models import ExportJob

log = logging.getLogger("airlock.audit")

_RETRY: dict[str, Any] = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(name="audit.tasks.seal", ignore_result=True, **_RETRY)
def seal() -> int:
    """Seal committed records (beat, every few seconds): a safety net behind ``seal_now``."""
    return sequencer.seal()


@shared_task(name="audit.tasks.checkpoint", ignore_result=True, **_RETRY)
def checkpoint() -> int:
    """Seal and sign a checkpoint if the log grew since the last one (beat)."""
    return sequencer.seal(checkpoint=True)


@shared_task(name="audit.tasks.apply_retention", ignore_result=True, **_RETRY)
def apply_retention() -> dict[str, int]:
    """Crypto-shred content past its retention (beat, hourly); see ``services.do_apply_retention``.

    Idempotent: a key is shredded once (rows are locked and re-checked), and a second run
    finds nothing more to do and records that it ran.
    """
    report = services.do_apply_retention()
    return {
        "shredded_keys": len(report.shredded_keys),
        "held_keys": len(report.held_keys),
        "metadata_due": report.metadata_due,
    }


@shared_task(name="audit.tasks.run_export", ignore_result=True, **_RETRY)
def run_export(job_id: int) -> str:
    """Build an export bundle, updating ``ExportJob.progress`` as it goes.

    A finished job is left alone (a redelivered task does nothing); a job deleted meanwhile
    is skipped. A refused or impossible export (no records in range, role withdrawn) leaves
    the job failed with its error and is not retried.
    """
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None:
        log.info("export job %s is gone; nothing to do", job_id)
        return "gone"
    if job.status == ExportJob.Status.DONE:
        return "done"
    try:
        services.do_export(job)
    except (ValidationError, PermissionDenied) as exc:
        log.warning("export job %s failed: %s", job_id, exc)
        return "failed"
    return "done"
