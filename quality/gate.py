"""Review gates and feedback on ``/v1``: what the request path asks of the review queue.

An application may require a reviewer's approval for answers that match its rules (a keyword,
case-insensitive, or a regular expression). Such an answer is not returned: it is held,
encrypted under the application's audit data key, in a review item, and the client gets

    202 {"object": "review", "id": "rev_…", "status": "pending", "request_id": "req_…",
         "poll_url": "/v1/reviews/rev_…"}      (with Location and Retry-After headers)

and polls ``GET /v1/reviews/<id>`` with the same application's key: 202 and the same shape
while it waits, 200 and the original completion once a reviewer approved it, 403
``answer_rejected`` if one rejected it. Streams cannot be held once tokens flow, so a gated
application's ``stream: true`` requests are refused (400 ``review_gate_requires_whole_answers``).

``POST /v1/feedback`` ``{"request_id": "req_…", "rating": "good" | "bad", "comment": "…"}``
queues one of the application's own requests for review (404 for anyone else's: a key must
not learn which request ids exist).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson
from django.db import transaction
from django.utils import timezone

from audit import envelope, keyring
from audit.events import Event
from audit.export import KeyCache
from audit.log import AuditUnavailable, writer
from audit.models import AuditRecord
from inference import database
from inference.auth import Caller, authenticate
from inference.errors import ApiError, Reply
from inference.hotcache import HotCache
from quality import review
from quality.models import ReviewGateRule, ReviewItem

MAX_FEEDBACK_BYTES = 16_384
MAX_COMMENT_CHARS = 4_000
POLL_SECONDS = 5


@dataclass(frozen=True)
class Rule:
    """A compiled gate rule; ``pattern`` is what the review item names (never the matched text)."""

    rule_id: int
    pattern: str
    regex: re.Pattern[str]

    def matches(self, text: str) -> bool:
        return self.regex.search(text) is not None


def compile_rule(pattern: str, is_regex: bool) -> re.Pattern[str]:
    """A rule's regular expression; a keyword matches as a whole word, whatever its case."""
    if is_regex:
        return re.compile(pattern, re.IGNORECASE)
    return re.compile(rf"(?<!\w){re.escape(pattern)}(?!\w)", re.IGNORECASE)


def _load_rules(application_id: int) -> tuple[Rule, ...]:
    return tuple(
        Rule(r.pk, r.pattern, compile_rule(r.pattern, r.is_regex))
        for r in ReviewGateRule.objects.filter(application_id=application_id).order_by("pk")
    )


# Dropped when the gateway epoch moves (changing rules bumps it).
_rules: HotCache[tuple[Rule, ...]] = HotCache(max_entries=10_000)


async def rules_for(application_id: int | None) -> tuple[Rule, ...]:
    if application_id is None:
        return ()
    key = str(application_id)
    found = _rules.get(key)
    if found is None:
        found = await database.read(_load_rules, application_id)
        _rules.put(key, found)
    return found


async def refuse_stream_if_gated(caller: Caller | None, stream: bool) -> None:
    if stream and caller is not None and await rules_for(caller.application_id):
        raise ApiError(
            400,
            "This application's answers may need a reviewer's approval, so they cannot be streamed; "
            "send the request without stream.",
            param="stream",
            code="review_gate_requires_whole_answers",
        )


def _answer_texts(body: bytes) -> list[str]:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return []
    texts = []
    for choice in data.get("choices") or [] if isinstance(data, dict) else []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        text = message.get("content") if isinstance(message, dict) else choice.get("text")
        if isinstance(text, str):
            texts.append(text)
    return texts


def _pending_body(item_id: str, request_id: str, status: str = "pending") -> dict[str, Any]:
    return {
        "object": "review",
        "id": item_id,
        "status": status,
        "request_id": request_id,
        "poll_url": f"/v1/reviews/{item_id}",
    }


def _pending(item_id: str, request_id: str, reply_request_id: str) -> Reply:
    reply = Reply.json(_pending_body(item_id, request_id), status=202, request_id=reply_request_id)
    reply.headers += [
        (b"location", f"/v1/reviews/{item_id}".encode()),
        (b"retry-after", str(POLL_SECONDS).encode()),
    ]
    return reply


def _hold(
    request_id: str,
    application_id: int,
    model_name: str,
    version: str,
    body: bytes,
    content_type: bytes,
    matched: list[Rule],
    subject_id: str | None = None,
) -> str:
    """Store the reply encrypted under the application's data key, in a pending review item.

    The key is the one of the request's end user (``user``), as for its audit content: erasing
    that person shreds the held answer too.
    """
    subject = keyring.pseudonym(subject_id) if subject_id else ""
    key_id, data_key = envelope.data_key_for(application_id, timezone.now().date(), subject)
    sealed = orjson.dumps({"body": body.decode(), "content_type": content_type.decode()})
    with transaction.atomic():
        item = review.do_queue(
            request_id,
            ReviewItem.Source.GATE,
            application_id=application_id,
            model_name=model_name,
            version=version,
            detail={"rules": [r.pattern for r in matched]},
            state=ReviewItem.State.PENDING,
        )
        item.held = envelope.encrypt(data_key, item.public_id, key_id, sealed)
        item.held_key_id = key_id
        item.save(update_fields=["held", "held_key_id"])
        public_id = item.public_id
    return public_id


async def gated(
    caller: Caller | None,
    request_id: str,
    model: str,
    version: str,
    reply: Reply,
    *,
    subject_id: str | None = None,
) -> Reply:
    """``reply``, or a 202 pending reply when a rule of the caller's gate matches its answer."""
    if caller is None or reply.status != 200 or reply.stream is not None:
        return reply
    rules = await rules_for(caller.application_id)
    if not rules:
        return reply
    text = "\n".join(_answer_texts(reply.body))
    matched = [rule for rule in rules if rule.matches(text)]
    if not matched:
        return reply
    item_id = await database.read(
        _hold,
        request_id,
        caller.application_id,
        model,
        version,
        reply.body,
        reply.content_type,
        matched,
        subject_id,
    )
    return _pending(item_id, request_id, request_id)


def _released(item_id: str, application_id: int) -> tuple[str, str, bytes | None, bytes]:
    """(state, request id, held body if approved, content type) of one of the application's items."""
    item = ReviewItem.objects.filter(
        public_id=item_id, application_id=application_id, source=ReviewItem.Source.GATE
    ).first()
    if item is None:
        raise ApiError(404, f"No review '{item_id}'.", code="review_not_found")
    if item.state != ReviewItem.State.APPROVED:
        return item.state, item.request_id, None, b""
    if item.held is None:
        raise ApiError(410, "The held answer is no longer kept.", code="answer_unavailable")
    try:
        data_key = KeyCache().get(item.held_key_id)
        plain = orjson.loads(envelope.decrypt(data_key, item.public_id, item.held_key_id, bytes(item.held)))
    except envelope.ContentUnavailable:
        raise ApiError(
            410, "The held answer was erased with its content key.", code="answer_unavailable"
        ) from None
    return item.state, item.request_id, plain["body"].encode(), plain["content_type"].encode()


async def poll(request_id: str, authorization: str | None, item_id: str) -> Reply:
    """``GET /v1/reviews/<id>``: pending (202), the approved answer (200) or rejected (403)."""
    try:
        caller = await authenticate(authorization)
        state, original, body, content_type = await database.read(_released, item_id, caller.application_id)
    except ApiError as exc:
        return exc.reply(request_id)
    if state == ReviewItem.State.PENDING:
        return _pending(item_id, original, request_id)
    if state == ReviewItem.State.REJECTED:
        return ApiError(
            403, "A reviewer rejected this answer.", type="permission_error", code="answer_rejected"
        ).reply(request_id)
    reply = Reply(200, body or b"", content_type=content_type or b"application/json", request_id=request_id)
    reply.headers.append((b"x-airlock-review", f"approved; id={item_id}; request_id={original}".encode()))
    return reply


def do_decide(item: ReviewItem, *, actor: Any, approve: bool, note: str = "") -> ReviewItem:
    """A reviewer releases a held answer to its client, or rejects it; audited."""
    from audit.log import record

    review.require_reviewer(actor)
    with transaction.atomic():
        current = ReviewItem.objects.select_for_update().get(pk=item.pk)
        if current.state != ReviewItem.State.PENDING:
            raise ValueError(f"{current.public_id} is not waiting for a decision ({current.state}).")
        current.state = ReviewItem.State.APPROVED if approve else ReviewItem.State.REJECTED
        current.label = ReviewItem.Label.GOOD if approve else ReviewItem.Label.BAD
        current.note = note.strip()
        current.reviewer = actor
        current.reviewer_name = actor.get_username()
        current.reviewed_at = timezone.now()
        if not approve:
            current.held, current.held_key_id = None, ""  # a rejected answer is never released
        current.save()
        record(
            Event.REVIEW_LABELLED,
            actor=actor,
            target=("review_item", current.public_id),
            request_id=current.request_id,
            application_id=current.application_id,
            meta={"old": {"state": ReviewItem.State.PENDING}, "new": {"state": current.state}, "gate": True},
        )
    return current


# --- POST /v1/feedback ---


def _owned_request(request_id: str, application_id: int) -> tuple[dict[str, Any], str] | None:
    """The outcome meta and the end user's pseudonym of the caller's own request, or None
    (unknown, or another application's)."""
    row = (
        AuditRecord.objects.filter(
            request_id=request_id,
            application_id=application_id,
            event__in=[Event.INFERENCE_RESPONSE, Event.INFERENCE_REQUEST],
        )
        .order_by("-pk")
        .first()
    )
    if row is None:
        return None
    meta = orjson.loads(row.body).get("meta") or {}
    return (meta if isinstance(meta, dict) else {}), row.subject


def _queue_feedback(request_id: str, application_id: int, rating: str, meta: dict[str, Any]) -> ReviewItem:
    return review.do_queue(
        request_id,
        ReviewItem.Source.FEEDBACK,
        application_id=application_id,
        model_name=str(meta.get("model") or ""),
        version=str(meta.get("model_version") or ""),
        detail={"rating": rating},
    )


def _parse_feedback(raw_body: bytes | None) -> tuple[str, str, str]:
    if raw_body is None or len(raw_body) > MAX_FEEDBACK_BYTES:
        raise ApiError(413, f"Feedback is at most {MAX_FEEDBACK_BYTES} bytes.", code="request_too_large")
    try:
        data = orjson.loads(raw_body)
    except orjson.JSONDecodeError:
        raise ApiError(400, "The body is not JSON.", code="invalid_json") from None
    if not isinstance(data, dict):
        raise ApiError(400, "The body is a JSON object.", code="invalid_request")
    target = data.get("request_id")
    if not isinstance(target, str) or not target or len(target) > 64:
        raise ApiError(400, "Give the request_id of one of your requests.", param="request_id")
    rating = data.get("rating")
    if rating not in ("good", "bad"):
        raise ApiError(400, "rating is 'good' or 'bad'.", param="rating")
    comment = data.get("comment", "")
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT_CHARS:
        raise ApiError(400, f"comment is text of at most {MAX_COMMENT_CHARS} characters.", param="comment")
    return target, rating, comment


async def feedback(request_id: str, authorization: str | None, raw_body: bytes | None) -> Reply:
    """``POST /v1/feedback``: the application's verdict on one of its own requests, queued for review."""
    try:
        caller = await authenticate(authorization)
        target, rating, comment = _parse_feedback(raw_body)
        owned = await database.read(_owned_request, target, caller.application_id)
        if owned is None:
            raise ApiError(404, f"No request '{target}' of this application.", code="request_not_found")
        meta, subject = owned
        # The comment is the end user's words: kept as the application's audit content mode
        # allows, encrypted, and shown to reviewers by the same rules as the answer.
        content: dict[str, Any] | None = None
        if comment and caller.audit_content == "full":
            content = {"comment": comment}
        elif comment and caller.audit_content == "metadata":
            content = {"comment": {"chars": len(comment)}}
        try:
            await writer().write(
                Event.FEEDBACK_RECEIVED,
                request_id=target,
                application_id=caller.application_id,
                target=("request", target),
                # Under the end user's key, as the request's own content: erased with it.
                subject_pseudonym=subject,
                meta={"rating": rating, "comment_chars": len(comment), "feedback_request": request_id},
                content=content,
            )
        except AuditUnavailable:
            raise ApiError(
                503, "The audit log cannot record feedback now.", code="audit_unavailable"
            ) from None
        item = await database.read(_queue_feedback, target, caller.application_id, rating, meta)
    except ApiError as exc:
        return exc.reply(request_id)
    return Reply.json(
        {
            "object": "feedback",
            "id": item.public_id,
            "request_id": target,
            "rating": rating,
            "status": "queued",
        },
        status=201,
        request_id=request_id,
    )
