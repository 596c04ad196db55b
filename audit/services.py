"""Every change of state of the audit log — and every read of its content — goes through here.

The CLI (``airlock audit``), the Celery tasks and the management API all call these
functions. Each one validates its input, checks the actor's role, runs under
``transaction.atomic()`` and writes its own audit record in the same transaction: a shred
without its record, or a decryption nobody can account for, cannot happen.

``actor=None`` means the operator at the appliance's shell (the command line), who holds the
key files anyway; a named user must hold the compliance-officer role. Decrypting content —
alone or in an export — always needs a named compliance officer and a stated reason.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from appliance.roles import Role, has_role
from audit import envelope, export, keyring, sequencer
from audit.events import Event
from audit.export import Decrypted, ExportQuery, decrypt_content
from audit.log import Actor, actor_fields, record
from audit.models import AuditRecord, Checkpoint, DataKey, ExportJob, LegalHold, RetentionPolicy, TreeState
from audit.verify import VerifyResult, verify_log

MAX_RETENTION_DAYS = 100 * 366  # beyond this, dates overflow; nobody means it anyway
SIX_YEARS_DAYS = 6 * 365  # HIPAA 45 CFR 164.316(b)(2)(i)
SHRED_BATCH = 500
METADATA_NOT_DELETED = (
    "not deleted: sealed records are kept, because removing leaves from the hash tree would "
    "make the log unverifiable; their content keys follow the content policy"
)


class LegalHoldActive(ValidationError):
    """A legal hold covers what was to be shredded or erased; nothing was changed."""

    def __init__(self, holds: list[LegalHold], what: str) -> None:
        self.holds = holds
        names = "; ".join(f"legal hold {h.pk} ({describe_hold(h)}: {h.reason!r})" for h in holds)
        first = holds[0].pk
        super().__init__(
            f"Cannot {what}: {names} is in force. Release it first (airlock audit hold release {first})."
        )


# --- Checks shared by every function ---


def _is_person(actor: Actor) -> bool:
    return actor is not None and bool(getattr(actor, "pk", None))


def _require_compliance_officer(actor: Actor, action: str, *, person_required: bool = False) -> None:
    if actor is None:  # the operator at the shell; never an anonymous web request
        if person_required:
            raise PermissionDenied(f"To {action} a named compliance officer is needed (--actor USERNAME).")
        return
    if not _is_person(actor) or not has_role(actor, Role.COMPLIANCE_OFFICER):
        name = actor.get_username() if isinstance(actor, AbstractBaseUser) else "this user"
        raise PermissionDenied(f"Only a compliance officer may {action}; {name} is not one.")


def _require_reason(reason: str | None, action: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError(f"A reason is required to {action}; it is kept in the audit log.")
    return text


def _user(actor: Actor) -> Any:
    """The user for a foreign key, or None for the operator at the shell."""
    return actor if _is_person(actor) else None


# --- Reads and decryption ---


def do_record_read(
    actor: Actor, what: str, *, query: dict[str, Any] | None = None, returned: int = 0, request_id: str = ""
) -> AuditRecord:
    """Record that someone read the audit log (one record per API call), with the query."""
    with transaction.atomic():
        return record(
            Event.AUDIT_READ,
            actor=actor,
            target=("audit_log", what),
            request_id=request_id,
            meta={"what": what, "query": query or {}, "returned": returned},
        )


def do_decrypt_record(
    row: AuditRecord, *, actor: Actor, reason: str | None, request_id: str = ""
) -> Decrypted:
    """Decrypt one record's content for a compliance officer who states why.

    The decryption is recorded in the same transaction as it is made; if the record cannot
    be written the content is not returned (fail closed).
    """
    _require_compliance_officer(actor, "decrypt audit content", person_required=True)
    why = _require_reason(reason, "decrypt audit content")
    with transaction.atomic():
        result = decrypt_content(row)
        outcome = (
            "decrypted" if result.has_content else ("unavailable" if result.unavailable else "no content")
        )
        record(
            Event.AUDIT_DECRYPTED,
            actor=actor,
            target=("audit_record", row.seq if row.seq is not None else row.uid),
            request_id=request_id,
            application_id=row.application_id,
            meta={
                "seq": row.seq,
                "uid": row.uid,
                "reason": why,
                "outcome": outcome,
                "unavailable": result.unavailable,
            },
        )
    return result


# --- Verification ---


def load_checkpoint_file(path: Path) -> dict[str, Any]:
    """The last checkpoint of a witness file (one JSON object per line) or of a single-object file."""
    try:
        text = path.read_text()
    except OSError as exc:
        raise ValidationError(f"Cannot read the checkpoint file {path}: {exc.strerror or exc}") from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValidationError(f"The checkpoint file {path} is empty.")
    try:
        checkpoint = json.loads(lines[-1])
    except json.JSONDecodeError:
        try:  # a checkpoint pretty-printed over several lines
            checkpoint = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"The last line of {path} is not a JSON checkpoint: {exc}") from None
    missing = [
        k
        for k in ("origin", "size", "root", "timestamp", "signature")
        if not isinstance(checkpoint, dict) or k not in checkpoint
    ]
    if missing:
        raise ValidationError(f"The checkpoint in {path} lacks {', '.join(missing)}.")
    return dict(checkpoint)


def load_witnessed_checkpoints(path: Path) -> list[dict[str, Any]]:
    """Every checkpoint of a witness file but the last (``load_checkpoint_file`` gives that).

    Each is a point where the log's prefix is signed, so that verification can name an
    altered record between two of them rather than at the last one. Lines that are not
    checkpoints are skipped: the last line, checked strictly, is what the file vouches for.
    """
    try:
        lines = [line for line in path.read_text().splitlines() if line.strip()]
    except OSError as exc:
        raise ValidationError(f"Cannot read the checkpoint file {path}: {exc.strerror or exc}") from None
    found = []
    for line in lines[:-1]:
        try:
            checkpoint = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(checkpoint, dict) and all(
            k in checkpoint for k in ("origin", "size", "root", "timestamp", "signature")
        ):
            found.append(checkpoint)
    return found


def do_verify(
    *,
    actor: Actor = None,
    since_checkpoint: dict[str, Any] | None = None,
    witnessed: list[dict[str, Any]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    request_id: str = "",
) -> VerifyResult:
    """Recompute the whole log (``audit.verify.verify_log``) and record that it was checked."""
    result = verify_log(since_checkpoint=since_checkpoint, witnessed=witnessed or (), progress=progress)
    with transaction.atomic():
        record(
            Event.AUDIT_VERIFIED,
            actor=actor,
            target=("audit_log", "verification"),
            request_id=request_id,
            meta={
                "ok": result.ok,
                "records": result.records,
                "checkpoints": result.checkpoints,
                "unsealed": result.unsealed,
                "first_bad_seq": result.first_bad_seq,
                "problems": result.problems[:20],
                "since_checkpoint": (
                    {"size": since_checkpoint.get("size"), "root": since_checkpoint.get("root")}
                    if since_checkpoint
                    else None
                ),
            },
        )
    return result


@dataclass(frozen=True)
class LogStatus:
    """The log at a glance (``airlock audit status``, the API's verification page)."""

    size: int
    unsealed: int
    last_checkpoint: dict[str, Any] | None
    witness_file: str
    signing_key_fingerprint: str
    kek_id: str
    live_data_keys: int
    shredded_data_keys: int
    active_legal_holds: int


def log_status() -> LogStatus:
    state = TreeState.objects.filter(pk=1).first()
    last = Checkpoint.objects.order_by("-size", "-id").first()
    return LogStatus(
        size=state.size if state else 0,
        unsealed=AuditRecord.objects.filter(seq__isnull=True).count(),
        last_checkpoint=last.as_dict() if last else None,
        witness_file=str(settings.AIRLOCK_AUDIT_WITNESS_FILE),
        signing_key_fingerprint=keyring.public_key_fingerprint(),
        kek_id=keyring.kek()[0],
        live_data_keys=DataKey.objects.filter(shredded_at__isnull=True).count(),
        shredded_data_keys=DataKey.objects.filter(shredded_at__isnull=False).count(),
        active_legal_holds=LegalHold.objects.filter(released_at__isnull=True).count(),
    )


# --- Evidence export ---


def do_request_export(
    query: ExportQuery,
    *,
    actor: Actor = None,
    include_content: bool = False,
    reason: str | None = "",
    request_id: str = "",
) -> ExportJob:
    """Ask for an export: the job row and its ``audit.export_requested`` record, together.

    The bundle is built by ``do_export`` (the ``audit.tasks.run_export`` task, or the CLI in
    the foreground). Exporting decrypted content needs a named compliance officer and a reason.
    """
    why = (reason or "").strip()
    if include_content:
        _require_compliance_officer(actor, "export decrypted audit content", person_required=True)
        why = _require_reason(why, "export decrypted audit content")
    else:
        _require_compliance_officer(actor, "export the audit log")
    _, name = actor_fields(actor)
    now = timezone.now()
    # An export covers what was logged until it was asked for — not its own request record,
    # nor whatever arrives while a large bundle is being built.
    query = query.until(now)
    with transaction.atomic():
        job = ExportJob.objects.create(
            created_at=now,
            requested_by=_user(actor),
            requested_by_name=name,
            query=query.as_json(),
            include_content=include_content,
            reason=why,
        )
        record(
            Event.AUDIT_EXPORT_REQUESTED,
            actor=actor,
            target=("export_job", job.pk),
            request_id=request_id,
            application_id=query.application_id,
            meta={"job": job.pk, "query": job.query, "include_content": include_content, "reason": why},
        )
    return job


def do_export(
    job: ExportJob, *, output: Path | None = None, progress: export.Progress | None = None
) -> ExportJob:
    """Build the bundle of a requested export; idempotent (a finished job is returned as is).

    Progress goes to ``job.progress`` (0 to 100) as the bundle is built. On success the job and
    the ``audit.exported`` record (with the bundle's SHA-256) — and, for a content export,
    the ``audit.decrypted`` record — commit together; if they cannot, the bundle is removed.
    """
    job = ExportJob.objects.select_related("requested_by").get(pk=job.pk)
    if job.status == ExportJob.Status.DONE:
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, progress=0, error="")
    last_percent = [0]

    def step(percent: int, message: str) -> None:
        if percent != last_percent[0]:
            last_percent[0] = percent
            ExportJob.objects.filter(pk=job.pk).update(progress=percent)
        if progress is not None:
            progress(percent, message)

    try:
        if job.include_content:
            # The role could have been withdrawn since the request: check again.
            _require_compliance_officer(
                job.requested_by, "export decrypted audit content", person_required=True
            )
        query = ExportQuery.from_json(job.query)
        destination = output or export.default_destination(job.pk, query)
        bundle = export.build_bundle(
            export.BundleRequest(
                query=query,
                destination=destination,
                created_by=job.requested_by_name,
                include_content=job.include_content,
                reason=job.reason,
                job_id=job.pk,
            ),
            step,
        )
    except Exception as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc) or repr(exc)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED, error=message[:4000], finished_at=timezone.now()
        )
        raise
    actor = job.requested_by
    try:
        with transaction.atomic():
            job.status = ExportJob.Status.DONE
            job.progress = 100
            job.records = bundle.record_count
            job.path = str(bundle.path)
            job.sha256 = bundle.sha256
            job.error = ""
            job.finished_at = timezone.now()
            job.save(
                update_fields=["status", "progress", "records", "path", "sha256", "error", "finished_at"]
            )
            where = {"first_seq": bundle.first_seq, "last_seq": bundle.last_seq}
            if job.include_content:
                record(
                    Event.AUDIT_DECRYPTED,
                    actor=actor,
                    actor_name=job.requested_by_name,
                    target=("export_job", job.pk),
                    application_id=query.application_id,
                    meta={
                        "reason": job.reason,
                        "job": job.pk,
                        "decrypted": bundle.decrypted,
                        "unavailable": bundle.unavailable,
                        **where,
                    },
                )
            record(
                Event.AUDIT_EXPORTED,
                actor=actor,
                actor_name=job.requested_by_name,
                target=("export_job", job.pk),
                application_id=query.application_id,
                meta={
                    "job": job.pk,
                    "sha256": bundle.sha256,
                    "bytes": bundle.size_bytes,
                    "records": bundle.record_count,
                    "checkpoint_size": bundle.checkpoint_size,
                    "include_content": job.include_content,
                    "file": bundle.path.name,
                    "query": job.query,
                    **where,
                },
            )
    except Exception as exc:
        bundle.path.unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED, error=f"the export could not be recorded: {exc!r}"[:4000]
        )
        raise
    return job


# --- Retention policies ---


def content_retention_days(application_id: int | None, policies: dict[int | None, int] | None = None) -> int:
    """Days content of an application is kept: its own policy, else the default, else the setting."""
    table = policies if policies is not None else _policies(RetentionPolicy.RecordClass.CONTENT)
    return table.get(application_id, table.get(None, settings.AIRLOCK_AUDIT_CONTENT_RETENTION_DAYS))


def _policies(record_class: str) -> dict[int | None, int]:
    # Oldest first, so that if two default rows ever exist (NULLs are distinct in a unique
    # constraint), the most recently updated one wins.
    rows = RetentionPolicy.objects.filter(record_class=record_class).order_by("updated_at", "id")
    return {row.application_id: row.days for row in rows}


def _default_days(record_class: str) -> int:
    if record_class == RetentionPolicy.RecordClass.METADATA:
        return int(settings.AIRLOCK_AUDIT_METADATA_RETENTION_DAYS)
    return int(settings.AIRLOCK_AUDIT_CONTENT_RETENTION_DAYS)


@dataclass(frozen=True)
class PolicyLine:
    """One line of ``airlock audit retention show``."""

    record_class: str
    application_id: int | None
    days: int
    source: str  # "policy" or "setting"


def retention_table() -> list[PolicyLine]:
    lines = []
    for record_class in RetentionPolicy.RecordClass.values:
        table = _policies(record_class)
        if None in table:
            lines.append(PolicyLine(record_class, None, table[None], "policy"))
        else:
            lines.append(PolicyLine(record_class, None, _default_days(record_class), "setting"))
        lines += [
            PolicyLine(record_class, app, days, "policy")
            for app, days in sorted(table.items(), key=str)
            if app
        ]
    return lines


def do_set_retention(
    record_class: str, days: int, *, application_id: int | None = None, actor: Actor = None
) -> RetentionPolicy:
    """Set how long a class of records is kept, for one application or as the default."""
    if record_class not in RetentionPolicy.RecordClass.values:
        choices = ", ".join(RetentionPolicy.RecordClass.values)
        raise ValidationError(f"Unknown record class {record_class!r}; use one of: {choices}.")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_RETENTION_DAYS:
        raise ValidationError(f"Retention must be a whole number of days from 1 to {MAX_RETENTION_DAYS}.")
    _require_compliance_officer(actor, "change retention")
    with transaction.atomic():
        existing = list(
            RetentionPolicy.objects.select_for_update()
            .filter(record_class=record_class, application_id=application_id)
            .order_by("updated_at", "id")
        )
        old = existing[-1].days if existing else None
        effective_old = old
        if old is None:
            table = _policies(record_class)
            effective_old = table.get(None, _default_days(record_class))
        if existing:
            policy = existing[-1]
            policy.days, policy.updated_at = days, timezone.now()
            policy.save(update_fields=["days", "updated_at"])
            # Only possible for the default row, where NULLs escape the unique constraint.
            RetentionPolicy.objects.filter(pk__in=[p.pk for p in existing[:-1]]).delete()
        else:
            policy = RetentionPolicy.objects.create(
                record_class=record_class, application_id=application_id, days=days
            )
        record(
            Event.AUDIT_RETENTION_CHANGED,
            actor=actor,
            target=(
                "retention_policy",
                f"{record_class}:{application_id if application_id is not None else 'default'}",
            ),
            application_id=application_id,
            meta={
                "record_class": record_class,
                "application_id": application_id,
                "old": {"days": effective_old, "from": "policy" if old is not None else "default"},
                "new": {"days": days},
            },
        )
    return policy


# --- Legal holds ---


def describe_hold(hold: LegalHold) -> str:
    if hold.subject:
        return f"subject {hold.subject}"
    if hold.application_id is not None:
        return f"application {hold.application_id}"
    return "everything"


def _active_holds() -> list[LegalHold]:
    return list(LegalHold.objects.filter(released_at__isnull=True).order_by("id"))


def _holds_covering(application_id: int | None, subject: str, holds: list[LegalHold]) -> list[LegalHold]:
    return [
        hold
        for hold in holds
        if (hold.application_id is None and not hold.subject)
        or (hold.application_id is not None and hold.application_id == application_id)
        or (hold.subject and hold.subject == subject)
    ]


def do_set_legal_hold(
    reason: str | None,
    *,
    actor: Actor = None,
    application_id: int | None = None,
    subject_id: str | None = None,
) -> LegalHold:
    """Stop shredding and erasure for everything, one application, or one data subject."""
    why = _require_reason(reason, "set a legal hold")
    if application_id is not None and subject_id:
        raise ValidationError("A legal hold covers everything, one application or one subject — not both.")
    _require_compliance_officer(actor, "set a legal hold")
    identifier = (subject_id or "").strip()
    subject = keyring.pseudonym(identifier) if identifier else ""
    with transaction.atomic():
        hold = LegalHold.objects.create(
            application_id=application_id, subject=subject, reason=why, created_by=_user(actor)
        )
        record(
            Event.AUDIT_LEGAL_HOLD_SET,
            actor=actor,
            target=("legal_hold", hold.pk),
            application_id=application_id,
            subject_id=identifier or None,
            meta={"hold": hold.pk, "scope": describe_hold(hold), "reason": why},
        )
    return hold


def do_release_legal_hold(hold_id: int, *, actor: Actor = None, reason: str | None = "") -> LegalHold:
    _require_compliance_officer(actor, "release a legal hold")
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().filter(pk=hold_id).first()
        if hold is None:
            raise ValidationError(f"There is no legal hold {hold_id}. See: airlock audit hold list")
        if hold.released_at is not None:
            raise ValidationError(
                f"Legal hold {hold_id} was already released on {hold.released_at:%Y-%m-%d}."
            )
        hold.released_at = timezone.now()
        hold.save(update_fields=["released_at"])
        record(
            Event.AUDIT_LEGAL_HOLD_RELEASED,
            actor=actor,
            target=("legal_hold", hold.pk),
            application_id=hold.application_id,
            meta={
                "hold": hold.pk,
                "scope": describe_hold(hold),
                "subject": hold.subject or None,
                "reason": (reason or "").strip(),
                "held_since": hold.created_at.isoformat(),
            },
        )
    return hold


# --- Crypto-shredding: retention and erasure ---


def _shred(key: DataKey, *, why: str, actor: Actor, now: dt.datetime) -> int:
    """Destroy one data key and its records' ciphertext, and record it; returns the records cleared.

    Must run inside the caller's transaction. The log still verifies: bodies commit to the
    ciphertext's hash, and a missing ciphertext is accepted when its key is shredded.
    """
    cleared = AuditRecord.objects.filter(key_id=key.key_id, content__isnull=False).update(content=None)
    key.wrapped = None
    key.shredded_at = now
    key.shred_reason = why[:200]
    key.save(update_fields=["wrapped", "shredded_at", "shred_reason"])
    record(
        Event.AUDIT_KEY_SHREDDED,
        actor=actor,
        target=("data_key", key.key_id),
        application_id=key.application_id,
        meta={
            "key_id": key.key_id,
            "period": key.period.isoformat(),
            "subject": key.subject or None,
            "reason": why,
            "records": cleared,
        },
    )
    return cleared


@dataclass
class RetentionReport:
    """What a retention run did, and what it left alone and why."""

    today: dt.date
    shredded_keys: list[str] = field(default_factory=list)
    records_cleared: int = 0
    late_ciphertext_cleared: int = 0
    held_keys: list[str] = field(default_factory=list)
    holds: list[int] = field(default_factory=list)
    metadata_due: int = 0


def _expired_content_keys(today: dt.date, policies: dict[int | None, int]) -> Q:
    """Live keys whose period + the application's content retention days < today."""
    default = content_retention_days(None, policies)
    overrides = {app: days for app, days in policies.items() if app is not None}
    expired = Q(period__lt=today - dt.timedelta(days=default)) & ~Q(application_id__in=list(overrides))
    for app, days in overrides.items():
        expired |= Q(application_id=app, period__lt=today - dt.timedelta(days=days))
    return expired


def _metadata_due(now: dt.datetime) -> int:
    """How many records are older than their metadata retention (reported, not deleted)."""
    policies = _policies(RetentionPolicy.RecordClass.METADATA)
    default = policies.get(None, _default_days(RetentionPolicy.RecordClass.METADATA))
    overrides = {app: days for app, days in policies.items() if app is not None}
    due = Q(created_at__lt=now - dt.timedelta(days=default)) & ~Q(application_id__in=list(overrides))
    for app, days in overrides.items():
        due |= Q(application_id=app, created_at__lt=now - dt.timedelta(days=days))
    return AuditRecord.objects.filter(due).count()


def do_apply_retention(*, actor: Actor = None, today: dt.date | None = None) -> RetentionReport:
    """Crypto-shred content keys past their retention, except under legal hold; record the run.

    Keys are shredded in batches, each key with its ``audit.key_shredded`` record in the same
    transaction, so a large backlog does not hold one long transaction; the run's summary
    record (``audit.retention_run``) follows. Metadata past its retention is counted and
    reported, not deleted (see ``METADATA_NOT_DELETED``).
    """
    now = timezone.now()
    report = RetentionReport(today=today or now.date())
    policies = _policies(RetentionPolicy.RecordClass.CONTENT)
    candidates = list(
        DataKey.objects.filter(_expired_content_keys(report.today, policies), shredded_at__isnull=True)
        .order_by("period", "id")
        .values_list("pk", flat=True)
    )
    held_by: set[int] = set()
    for start in range(0, len(candidates), SHRED_BATCH):
        batch = candidates[start : start + SHRED_BATCH]
        shredded_now: set[str] = set()
        with transaction.atomic():
            holds = _active_holds()
            # Locked and re-checked: a concurrent run (beat and the CLI) must not shred twice.
            for key in (
                DataKey.objects.select_for_update()
                .filter(pk__in=batch, shredded_at__isnull=True)
                .order_by("id")
            ):
                covering = _holds_covering(key.application_id, key.subject, holds)
                if covering:
                    report.held_keys.append(key.key_id)
                    held_by.update(h.pk for h in covering)
                    continue
                days = content_retention_days(key.application_id, policies)
                why = f"retention: content kept {days} days"
                report.records_cleared += _shred(key, why=why, actor=actor, now=now)
                report.shredded_keys.append(key.key_id)
                shredded_now.add(key.key_id)
        envelope.forget(shredded_now)
    report.holds = sorted(held_by)
    with transaction.atomic():
        # A worker may still have written content under a key for up to a minute after it
        # was shredded (keys are cached in memory); that ciphertext is unreadable — remove it.
        shredded = DataKey.objects.filter(shredded_at__isnull=False).values("key_id")
        report.late_ciphertext_cleared = AuditRecord.objects.filter(
            key_id__in=shredded, content__isnull=False
        ).update(content=None)
        report.metadata_due = _metadata_due(now)
        content_default = content_retention_days(None, policies)
        record(
            Event.AUDIT_RETENTION_RUN,
            actor=actor,
            target=("audit_log", "retention"),
            meta={
                "today": report.today.isoformat(),
                "content": {
                    "default_days": content_default,
                    "application_days": {str(app): days for app, days in policies.items() if app is not None},
                    "shredded_keys": len(report.shredded_keys),
                    "records_cleared": report.records_cleared + report.late_ciphertext_cleared,
                    "held_keys": len(report.held_keys),
                    "legal_holds": report.holds,
                },
                "metadata": {
                    "due_records": report.metadata_due,
                    "action": METADATA_NOT_DELETED,
                },
            },
        )
    return report


@dataclass
class ErasureReport:
    """What ``erase-subject`` destroyed."""

    subject: str  # the pseudonym; the identifier itself is never stored
    shredded_keys: list[str] = field(default_factory=list)
    records_cleared: int = 0


def do_erase_subject(subject_id: str, *, actor: Actor = None, reason: str | None) -> ErasureReport:
    """GDPR Art. 17: crypto-shred every content key of one data subject.

    The subject is found by pseudonym (``keyring.pseudonym``), as the log stores it. A legal
    hold on everything, on the subject, or on an application holding the subject's content
    stops the erasure with an error naming the hold; nothing is changed then.
    """
    identifier = (subject_id or "").strip()
    if not identifier:
        raise ValidationError("The subject's identifier is required (the `user` value applications send).")
    why = _require_reason(reason, "erase a data subject")
    _require_compliance_officer(actor, "erase a data subject")
    pseudonym = keyring.pseudonym(identifier)
    report = ErasureReport(subject=pseudonym)
    now = timezone.now()
    with transaction.atomic():
        keys = list(
            DataKey.objects.select_for_update()
            .filter(subject=pseudonym, shredded_at__isnull=True)
            .order_by("id")
        )
        holds = _active_holds()
        blocking = {h.pk: h for h in _holds_covering(None, pseudonym, holds)}
        for key in keys:
            blocking.update((h.pk, h) for h in _holds_covering(key.application_id, pseudonym, holds))
        if blocking:
            raise LegalHoldActive(sorted(blocking.values(), key=lambda h: h.pk), "erase this subject")
        for key in keys:
            report.records_cleared += _shred(key, why=f"erasure: {why}", actor=actor, now=now)
            report.shredded_keys.append(key.key_id)
        record(
            Event.AUDIT_SUBJECT_ERASED,
            actor=actor,
            target=("subject", pseudonym),
            subject_id=identifier,
            meta={"reason": why, "keys": report.shredded_keys, "records": report.records_cleared},
        )
        shredded = set(report.shredded_keys)
        # Again after an enclosing transaction commits: a thread may re-cache a key meanwhile.
        transaction.on_commit(lambda: envelope.forget(shredded))
    envelope.forget(shredded)
    return report


# --- Key-encryption key rotation ---


@dataclass(frozen=True)
class KekRotation:
    old_kek_id: str
    new_kek_id: str
    keys: int
    new_kek_file: Path


def do_rotate_kek(new_kek_file: Path, *, actor: Actor = None) -> KekRotation:
    """Re-wrap every live data key from the configured KEK to the one in ``new_kek_file``.

    One transaction: either every key is under the new KEK or none is. No record is
    re-encrypted (data keys stay the same). Afterwards ``AIRLOCK_AUDIT_KEK_FILE`` must name
    the new file in every process, or their content reads fail (and new content is withheld).
    """
    _require_compliance_officer(actor, "rotate the key-encryption key")
    path = Path(new_kek_file).expanduser().resolve()
    try:
        new_kek = keyring.load_kek(path)
    except ImproperlyConfigured as exc:
        raise ValidationError(str(exc)) from None
    old_id, old_kek = keyring.kek()
    new_id = keyring.kek_id_of(new_kek)
    if new_id == old_id:
        raise ValidationError(f"{path} holds the key-encryption key already configured ({old_id}).")
    with transaction.atomic():
        live = DataKey.objects.select_for_update().filter(shredded_at__isnull=True, wrapped__isnull=False)
        foreign = live.exclude(kek_id=old_id).exclude(kek_id=new_id).count()
        if foreign:
            raise ValidationError(
                f"{foreign} live data key(s) are wrapped by neither the configured KEK ({old_id}) "
                f"nor the new one ({new_id}); configure the KEK that wraps them before rotating."
            )
        pks = list(live.filter(kek_id=old_id).order_by("id").values_list("pk", flat=True))
        for start in range(0, len(pks), SHRED_BATCH):
            rows = list(DataKey.objects.filter(pk__in=pks[start : start + SHRED_BATCH]))
            for row in rows:
                try:
                    material = envelope.unwrap(old_kek, row.key_id, bytes(row.wrapped or b""))
                except InvalidTag:
                    raise ValidationError(
                        f"Data key {row.key_id} does not unwrap with the configured KEK; nothing was changed."
                    ) from None
                row.wrapped = envelope.wrap(new_kek, row.key_id, material)
                row.kek_id = new_id
            DataKey.objects.bulk_update(rows, ["wrapped", "kek_id"])
        record(
            Event.AUDIT_KEK_ROTATED,
            actor=actor,
            target=("kek", new_id),
            meta={"old_kek_id": old_id, "new_kek_id": new_id, "keys": len(pks), "new_kek_file": str(path)},
        )

        def forget_keys() -> None:
            keyring.reset_caches()
            envelope.forget()

        transaction.on_commit(forget_keys)
    return KekRotation(old_kek_id=old_id, new_kek_id=new_id, keys=len(pks), new_kek_file=path)


def seal(*, checkpoint: bool | None = None) -> int:
    """Seal what is committed (``airlock audit seal``, the beat task); see ``audit.sequencer``."""
    return sequencer.seal(checkpoint=checkpoint)
