"""The sampling job: reads new answers from the audit log and picks what to judge and review.

Nothing of this runs on the request path. Every ``AIRLOCK_QUALITY_SAMPLING_SECONDS`` the job
reads the ``inference.response`` records written since its cursor and, per application
(``QualitySampling``):

- queues every answer that failed output validation (source ``validation``);
- queues ``review_percent`` % of the completed answers (source ``sampled``);
- hands ``judge_percent`` % of them to the judge (``quality.tasks.judge``), if the application
  keeps content in ``full`` (the judge can read nothing else).

Whether a request is drawn is a hash of its request id (``drawn``), not a random draw: the same
in every process, so a record read twice (a retried job) is never judged or queued twice, and
the realised share is within binomial noise of the setting (tests/quality/test_judge.py).
The cursor starts at the end of the log when sampling is first set up (history is not
sampled), and trails the newest records by ``lag_seconds``: records are committed slightly out of
id order by concurrent writers, and one committed late behind the cursor would be missed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import orjson
from django.db import transaction
from django.utils import timezone

from audit.events import Event
from audit.models import AuditRecord
from inference.models import Application
from quality import review
from quality.models import QualitySampling, ReviewItem, SamplingCursor

CURSOR = "quality-sampling"
_SCALE = 1_000_000


def drawn(request_id: str, percent: float, salt: str) -> bool:
    """Whether ``request_id`` falls in the ``percent`` % share drawn for ``salt`` (judge, review)."""
    if percent <= 0:
        return False
    digest = hashlib.blake2b(f"{salt}:{request_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % _SCALE < percent * (_SCALE // 100)


def start_cursor() -> None:
    """Create the cursor at the end of the log, if there is none: sampling starts with the
    traffic after it is turned on, not with the whole history of the appliance."""
    if SamplingCursor.objects.filter(name=CURSOR).exists():
        return
    last = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    SamplingCursor.objects.get_or_create(name=CURSOR, defaults={"last_id": last})


@dataclass
class Pass:
    """What one pass of the job did."""

    read: int = 0
    queued: int = 0
    judged: list[str] = field(default_factory=list)
    cursor: int = 0


def run_pass(*, judge: Callable[[str], object], limit: int = 2000, lag_seconds: float = 5.0) -> Pass:
    """One pass over the records after the cursor; ``judge`` is called with each drawn request id."""
    outcome = Pass()
    cutoff = timezone.now() - timedelta(seconds=lag_seconds)
    with transaction.atomic():
        start_cursor()
        cursor = SamplingCursor.objects.select_for_update().get(name=CURSOR)
        rows = list(
            AuditRecord.objects.filter(
                pk__gt=cursor.last_id, event=Event.INFERENCE_RESPONSE, created_at__lte=cutoff
            )
            .order_by("pk")
            .values_list("pk", "request_id", "application_id", "body")[:limit]
        )
        settings = {s.application_id: s for s in QualitySampling.objects.all()}
        full = set(
            Application.objects.filter(audit_content=Application.AuditContent.FULL).values_list(
                "pk", flat=True
            )
        )
        to_judge: list[str] = []
        for pk, request_id, application_id, body in rows:
            outcome.read += 1
            cursor.last_id = pk
            meta = orjson.loads(body).get("meta") or {}
            model_name = str(meta.get("model") or "")
            version = str(meta.get("model_version") or "")
            if meta.get("validation"):
                review.do_queue(
                    request_id,
                    ReviewItem.Source.VALIDATION,
                    detail=dict(meta["validation"]),
                    application_id=application_id,
                    model_name=model_name,
                    version=version,
                )
                outcome.queued += 1
            sampling = settings.get(application_id) if application_id is not None else None
            if sampling is None or meta.get("outcome") != "completed":
                continue
            if drawn(request_id, sampling.review_percent, "review"):
                review.do_queue(
                    request_id,
                    ReviewItem.Source.SAMPLED,
                    detail={"share": sampling.review_percent},
                    application_id=application_id,
                    model_name=model_name,
                    version=version,
                )
                outcome.queued += 1
            if application_id in full and drawn(request_id, sampling.judge_percent, "judge"):
                to_judge.append(request_id)
        cursor.updated_at = timezone.now()
        cursor.save()
        outcome.cursor = cursor.last_id
        # Judging is handed on after the cursor moved: a slow judge never holds the cursor's lock.
        transaction.on_commit(lambda: [judge(request_id) for request_id in to_judge])
    outcome.judged = to_judge
    return outcome
