"""The human review queue: how items arrive, what reviewers see, and what their labels do.

Items arrive from sampled traffic, low judge scores (``quality.judge``), validation failures,
canary disagreements, user feedback (``POST /v1/feedback``) and review gates (``quality.gate``).
An item holds no prompt or answer: a reviewer sees the request's own audit records, decrypted
by the same function the audit log's exports use, so the application's audit content mode
decides what there is to see (the text in ``full``, lengths and keyed hashes in ``metadata``,
nothing in ``none``). Every view is audited in the same transaction as the decryption, and
nothing is shown if that record cannot be written (fail closed).

Labels flow on: a good answer (or a reviewer's correction) of a ``full``-content request becomes
an item of its model's golden set, and labelled items export as a JSONL chat training set.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from appliance.roles import Role, has_role
from audit.events import Event
from audit.export import KeyCache, decrypt_content
from audit.log import record
from audit.models import AuditRecord
from inference.models import Application
from quality.models import GoldenItem, GoldenSet, ReviewItem

log = logging.getLogger("airlock.quality")

Actor = AbstractBaseUser | None
MAX_CORRECTION_CHARS = 20_000

# The records of a request whose content a reviewer may see, in the order they are shown.
CONTENT_EVENTS = (Event.INFERENCE_REQUEST, Event.INFERENCE_RESPONSE, Event.FEEDBACK_RECEIVED)


def new_public_id() -> str:
    return f"rev_{secrets.token_hex(12)}"


def require_reviewer(actor: Actor) -> None:
    """Reviewers only: every service function that shows or changes an item checks it too."""
    if actor is None or not has_role(actor, Role.REVIEWER):
        raise PermissionDenied("Only a reviewer may do this.")


def request_meta(request_id: str) -> dict[str, Any]:
    """The outcome meta of a request (model, version, served by...), or {} if not on record."""
    row = (
        AuditRecord.objects.filter(request_id=request_id, event=Event.INFERENCE_RESPONSE)
        .order_by("pk")
        .first()
    )
    if row is None:
        return {}
    meta = orjson.loads(row.body).get("meta") or {}
    return meta if isinstance(meta, dict) else {}


def do_queue(
    request_id: str,
    source: str,
    *,
    application_id: int | None,
    model_name: str = "",
    version: str = "",
    detail: dict[str, Any] | None = None,
    state: str = ReviewItem.State.OPEN,
) -> ReviewItem:
    """Queue one request for review from ``source`` (once per request and source; idempotent)."""
    if source not in ReviewItem.Source.values:
        raise ValueError(f"unknown review source {source!r}")
    existing = ReviewItem.objects.filter(request_id=request_id, source=source).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            item = ReviewItem.objects.create(
                public_id=new_public_id(),
                request_id=request_id,
                application_id=application_id,
                model_name=model_name,
                version=version,
                source=source,
                state=state,
                detail=detail or {},
            )
            record(
                Event.REVIEW_ITEM_CREATED,
                target=("review_item", item.public_id),
                request_id=request_id,
                application_id=application_id,
                meta={"source": source, "model": model_name, "version": version, "detail": item.detail},
            )
    except IntegrityError:  # another worker queued it first
        return ReviewItem.objects.get(request_id=request_id, source=source)
    return item


@dataclass
class Shown:
    """What a reviewer is shown of one item: the content of its records, as the audit rules allow."""

    mode: str  # the application's audit content mode now: full, metadata or none
    prompt: list[dict[str, Any]] = field(default_factory=list)  # chat messages (full mode)
    answers: list[str] = field(default_factory=list)  # the answer texts (full mode)
    records: list[dict[str, Any]] = field(default_factory=list)  # event, meta, content per record
    unavailable: list[str] = field(default_factory=list)  # content shredded or keys missing


def _content(item: ReviewItem) -> Shown:
    app = Application.objects.filter(pk=item.application_id).first() if item.application_id else None
    shown = Shown(mode=app.audit_content if app else Application.AuditContent.NONE)
    keys = KeyCache()
    rows = AuditRecord.objects.filter(request_id=item.request_id, event__in=[str(e) for e in CONTENT_EVENTS])
    for row in rows.order_by("pk"):
        decrypted = decrypt_content(row, keys)
        if decrypted.unavailable:
            shown.unavailable.append(decrypted.unavailable)
        content = decrypted.content if isinstance(decrypted.content, dict) else None
        meta = orjson.loads(row.body).get("meta") or {}
        shown.records.append({"event": row.event, "meta": meta, "content": content})
        if content is None:
            continue
        request = content.get("request")
        if isinstance(request, dict) and isinstance(request.get("messages"), list):
            shown.prompt = [m for m in request["messages"] if isinstance(m, dict)]
        elif isinstance(request, dict) and isinstance(request.get("prompt"), str):
            shown.prompt = [{"role": "user", "content": request["prompt"]}]
        response = content.get("response")
        if isinstance(response, dict) and all(isinstance(c, str) for c in response.get("choices") or []):
            shown.answers = list(response.get("choices") or [])
    return shown


def content_of(item: ReviewItem, *, actor: Actor, request_id: str = "") -> Shown:
    """Decrypt what the audit log keeps of ``item``'s request for a reviewer; the view is audited."""
    require_reviewer(actor)
    with transaction.atomic():
        shown = _content(item)
        record(
            Event.REVIEW_VIEWED,
            actor=actor,
            target=("review_item", item.public_id),
            request_id=request_id,
            application_id=item.application_id,
            meta={
                "request": item.request_id,
                "mode": shown.mode,
                "records": len(shown.records),
                "unavailable": len(shown.unavailable),
            },
        )
    return shown


def _golden(item: ReviewItem, shown: Shown, reference: str) -> GoldenItem | None:
    """Add the reviewed prompt and its good answer to the golden set of the item's model."""
    users = [m for m in shown.prompt if m.get("role") == "user" and isinstance(m.get("content"), str)]
    if not users or not reference or not item.model_name:
        return None
    golden_set, _ = GoldenSet.objects.get_or_create(
        model_name=item.model_name, defaults={"description": "Built from reviewed traffic."}
    )
    found, _ = GoldenItem.objects.update_or_create(
        golden_set=golden_set,
        key=f"review-{item.public_id}",
        defaults={"prompt": users[-1]["content"], "reference": reference},
    )
    return found


def do_label(
    item: ReviewItem,
    *,
    actor: Actor,
    label: str,
    correction: str = "",
    note: str = "",
) -> ReviewItem:
    """Label an item good or bad, optionally with the answer it should have been; audited.

    A good answer, or any correction, of a request whose content the log keeps in full goes into
    the model's golden set (key ``review-<id>``), so drift runs test what reviewers approved.
    """
    require_reviewer(actor)
    if label not in ReviewItem.Label.values:
        raise ValidationError({"label": ["good or bad"]})
    if len(correction) > MAX_CORRECTION_CHARS:
        raise ValidationError({"correction": [f"At most {MAX_CORRECTION_CHARS} characters."]})
    with transaction.atomic():
        current = ReviewItem.objects.select_for_update().get(pk=item.pk)
        if current.state == ReviewItem.State.PENDING:
            raise ValidationError({"state": ["A gated answer is approved or rejected, not labelled."]})
        old = {"label": current.label, "state": current.state}
        current.label = label
        current.correction = correction.strip()
        current.note = note.strip()
        current.reviewer = actor  # type: ignore[assignment]
        current.reviewer_name = actor.get_username() if actor else ""
        current.reviewed_at = timezone.now()
        if current.state == ReviewItem.State.OPEN:
            current.state = ReviewItem.State.LABELLED
        reference = current.correction or (
            "" if label != ReviewItem.Label.GOOD else "\n".join(_content(current).answers)
        )
        if reference:
            golden = _golden(current, _content(current), reference)
            current.golden_item = golden or current.golden_item
        current.save()
        record(
            Event.REVIEW_LABELLED,
            actor=actor,
            target=("review_item", current.public_id),
            request_id=current.request_id,
            application_id=current.application_id,
            meta={
                "old": old,
                "new": {"label": current.label, "state": current.state},
                "correction_chars": len(current.correction),
                "golden_item": current.golden_item.key if current.golden_item else None,
            },
        )
    return current


def training_examples(items: list[ReviewItem]) -> Iterator[dict[str, Any]]:
    """Chat examples (``{"messages": [...]}``) from labelled items whose content is kept in full.

    The assistant turn is the reviewer's correction, or the answer itself when labelled good;
    a bad answer without a correction teaches nothing and is left out.
    """
    for item in items:
        shown = _content(item)
        answer = item.correction or ("\n".join(shown.answers) if item.label == ReviewItem.Label.GOOD else "")
        prompt = [
            {"role": str(m.get("role")), "content": m.get("content")}
            for m in shown.prompt
            if isinstance(m.get("content"), str)
        ]
        if not answer or not prompt:
            continue
        yield {"messages": [*prompt, {"role": "assistant", "content": answer}]}


def do_export_training_set(*, actor: Actor, model_name: str | None = None) -> bytes:
    """Labelled items as a JSONL training set (one chat example a line, for LoRA fine-tuning); audited."""
    require_reviewer(actor)
    items = ReviewItem.objects.filter(label__in=ReviewItem.Label.values).exclude(label="").order_by("pk")
    if model_name:
        items = items.filter(model_name=model_name)
    with transaction.atomic():
        lines = [orjson.dumps(example) for example in training_examples(list(items))]
        record(
            Event.REVIEW_EXPORTED,
            actor=actor,
            target=("review_queue", model_name or "*"),
            meta={"model": model_name, "examples": len(lines), "labelled_items": items.count()},
        )
    return b"".join(line + b"\n" for line in lines)
