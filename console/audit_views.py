"""The console's compliance pages: the audit log, verification, evidence exports and retention.

Pages and forms only. Every read of records and every change goes through ``audit.services``
— the functions the CLI and the management API call — so each is audited the same way.
Who may see what follows the management API (``audit.api``):

======================  ===========  =======  =============  =================
page                    compliance   auditor  administrator  app owner, others
======================  ===========  =======  =============  =================
audit log, event        yes          yes      metadata       403
decrypt content         reason       403      403            403
verification            yes          yes      yes            403
exports, download       yes          403      403            403
retention (view)        yes          yes      403            403
retention changes       yes          403      403            403
======================  ===========  =======  =============  =================
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from appliance.api import request_id_of
from appliance.roles import Role, has_role
from audit import keyring, services, tasks
from audit.events import Event
from audit.export import ExportQuery, parse_bound
from audit.models import AuditRecord, Checkpoint, ExportJob, LegalHold, TreeState
from console.access import require_role
from console.audit_forms import (
    AuditFilterForm,
    DecryptForm,
    ErasureForm,
    ExportForm,
    LegalHoldForm,
    ReleaseHoldForm,
    RetentionPolicyForm,
)
from inference.models import Application

log = logging.getLogger("airlock.console")

READERS = (Role.COMPLIANCE_OFFICER, Role.AUDITOR, Role.ADMINISTRATOR)
VERIFIERS = (Role.COMPLIANCE_OFFICER, Role.AUDITOR)
# Verifying recomputes hashes and signatures over ciphertext and reveals no content, so the
# administrators who run the appliance may check its log too (exports stay with officers).
VERIFY_ROLES = (*VERIFIERS, Role.ADMINISTRATOR)
OFFICERS = (Role.COMPLIANCE_OFFICER,)

PAGE_SIZE = 50
# Only the request path's records carry an HTTP status in their metadata.
STATUS_EVENTS = [Event.INFERENCE_REQUEST.value, Event.INFERENCE_RESPONSE.value, Event.INFERENCE_REFUSED.value]
# Status codes are three digits, and bodies are canonical JSON (no spaces), so a prefix match
# on the serialised field is exact: '"status":4' is a 4xx and nothing else.
OUTCOME_PATTERNS = {
    AuditFilterForm.Outcome.SUCCESS: ['"status":2'],
    AuditFilterForm.Outcome.CLIENT_ERROR: ['"status":4'],
    AuditFilterForm.Outcome.SERVER_ERROR: ['"status":5'],
    AuditFilterForm.Outcome.ERROR: ['"status":4', '"status":5'],
}
WITNESS_TAIL_BYTES = 64 * 1024
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _body(row: AuditRecord) -> dict[str, Any]:
    try:
        parsed = orjson.loads(row.body)
    except orjson.JSONDecodeError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _app_names(ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(Application.objects.filter(pk__in=wanted).values_list("pk", "name"))


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


# --- The audit log: search, keyset pagination ---


@dataclass(frozen=True)
class Cursor:
    """A position in the newest-first order (created_at, seq): opaque in URLs, exact in queries."""

    created_at: dt.datetime
    seq: int

    def encode(self) -> str:
        micros = (self.created_at - EPOCH) // dt.timedelta(microseconds=1)
        return f"{micros}_{self.seq}"

    @classmethod
    def decode(cls, text: str) -> Cursor | None:
        try:
            micros, seq = (int(part) for part in text.split("_", 1))
            return cls(EPOCH + dt.timedelta(microseconds=micros), seq)
        except (ValueError, OverflowError):
            return None


def filtered_records(data: dict[str, Any]) -> QuerySet[AuditRecord]:
    """Sealed records matching the filter form's cleaned data (unsealed ones have no seq yet).

    Each filter maps onto an index of ``AuditRecord`` that is ordered by ``created_at``
    (event, application, request id, time), so the newest-first page below is an index range
    scan however large the log is. Actor and outcome are filters on what those scans return.
    """
    rows = AuditRecord.objects.filter(seq__isnull=False)
    if data.get("event"):
        rows = rows.filter(event=data["event"])
    if data.get("application") is not None:
        rows = rows.filter(application_id=data["application"])
    if data.get("request_id"):
        rows = rows.filter(request_id=data["request_id"])
    if data.get("actor"):
        rows = rows.filter(actor_name=data["actor"])
    if data.get("date_from"):
        rows = rows.filter(created_at__gte=parse_bound(data["date_from"].isoformat(), end=False, what="From"))
    if data.get("date_to"):
        rows = rows.filter(created_at__lt=parse_bound(data["date_to"].isoformat(), end=True, what="To"))
    patterns = OUTCOME_PATTERNS.get(data.get("outcome") or "")
    if patterns:
        match = Q()
        for pattern in patterns:
            match |= Q(body__contains=pattern)
        rows = rows.filter(match, event__in=STATUS_EVENTS)
    return rows


@dataclass
class Page:
    rows: list[AuditRecord]
    older: str | None
    newer: str | None


def keyset_page(rows: QuerySet[AuditRecord], *, older: Cursor | None, newer: Cursor | None) -> Page:
    """One page newest first, after ``older`` or before ``newer``; never counts the table.

    The redundant ``created_at <= t`` bound lets the database start its index scan at the
    cursor instead of filtering everything newer than it, so page 10,000 costs what page 1 does.
    """
    rows = rows.defer("content", "leaf_hash")
    if newer is not None:
        found = list(
            rows.filter(created_at__gte=newer.created_at)
            .filter(Q(created_at__gt=newer.created_at) | Q(created_at=newer.created_at, seq__gt=newer.seq))
            .order_by("created_at", "seq")[: PAGE_SIZE + 1]
        )
        more_newer = len(found) > PAGE_SIZE
        page = list(reversed(found[:PAGE_SIZE]))
        return Page(page, _cursor(page[-1]) if page else None, _cursor(page[0]) if more_newer else None)
    if older is not None:
        rows = rows.filter(created_at__lte=older.created_at).filter(
            Q(created_at__lt=older.created_at) | Q(created_at=older.created_at, seq__lt=older.seq)
        )
    found = list(rows.order_by("-created_at", "-seq")[: PAGE_SIZE + 1])
    page = found[:PAGE_SIZE]
    return Page(
        page,
        _cursor(page[-1]) if len(found) > PAGE_SIZE else None,
        _cursor(page[0]) if older is not None and page else None,
    )


def _cursor(row: AuditRecord) -> str:
    assert row.seq is not None  # noqa: S101 - only sealed records are listed
    return Cursor(row.created_at, row.seq).encode()


def _row_view(row: AuditRecord, apps: dict[int, str]) -> dict[str, Any]:
    meta = _body(row).get("meta") or {}
    status = meta.get("status") if isinstance(meta, dict) else None
    return {
        "seq": row.seq,
        "created_at": row.created_at,
        "event": row.event,
        "actor": row.actor_name,
        "application": apps.get(row.application_id, row.application_id) if row.application_id else "",
        "target": f"{row.target_type}:{row.target_id}" if row.target_type else "",
        "request_id": row.request_id,
        "status": status if isinstance(status, int) else None,
        "status_class": _status_class(status),
        "has_content": bool(row.key_id),
    }


def _status_class(status: object) -> str:
    if not isinstance(status, int):
        return ""
    return "badge-ok" if status < 400 else ("badge-warn" if status < 500 else "badge-bad")


def _query_string(request: HttpRequest, **changes: str | None) -> str:
    params = request.GET.copy()
    for name in ("older", "newer"):
        params.pop(name, None)
    for name, value in changes.items():
        if value is not None:
            params[name] = value
    return params.urlencode()


@require_role(*READERS)
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    """Search and filter the log, newest first; every page shown is itself an ``audit.read``."""
    form = AuditFilterForm(request.GET)
    older = Cursor.decode(request.GET.get("older", "")) if request.GET.get("older") else None
    newer = Cursor.decode(request.GET.get("newer", "")) if request.GET.get("newer") else None
    context: dict[str, Any] = {
        "form": form,
        "rows": [],
        "filtered": any(request.GET.get(name) for name in form.fields),
        "paged": older is not None or newer is not None,
        "log_size": TreeState.objects.filter(pk=1).values_list("size", flat=True).first() or 0,
    }
    if not form.is_valid():
        return render(request, "console/audit/log.html", context, status=400)
    rows = filtered_records(form.cleaned_data)
    query = {name: value for name, value in request.GET.items() if value}
    with transaction.atomic():
        # Fail closed, as the API does: if the read cannot be recorded, nothing is shown.
        page = keyset_page(rows, older=older, newer=newer)
        services.do_record_read(
            request.user,
            "console.events.list",
            query=query,
            returned=len(page.rows),
            request_id=request_id_of(request),
        )
    apps = _app_names({row.application_id for row in page.rows})
    context.update(
        rows=[_row_view(row, apps) for row in page.rows],
        older_query=_query_string(request, older=page.older) if page.older else "",
        newer_query=_query_string(request, newer=page.newer) if page.newer else "",
    )
    return render(request, "console/audit/log.html", context)


# --- One event ---


def _sealed_record(seq: int) -> AuditRecord:
    row = AuditRecord.objects.filter(seq=seq).first()
    if row is None:
        raise Http404(f"There is no sealed event {seq}.")
    return row


def _record_context(request: HttpRequest, row: AuditRecord) -> dict[str, Any]:
    body = _body(row)
    meta = body.get("meta") if isinstance(body.get("meta"), dict) else {}
    assert isinstance(meta, dict)  # noqa: S101 - narrowed above, for mypy
    changes = [
        (name, _pretty(meta[name])) for name in ("old", "new") if name in meta
    ]  # a configuration change: shown side by side
    # Scalars inline; objects and lists as indented JSON blocks.
    details = [
        (name, value if isinstance(value, str) else _pretty(value), isinstance(value, dict | list))
        for name, value in sorted(meta.items())
        if not (changes and name in ("old", "new"))
    ]
    checkpoint = (
        Checkpoint.objects.filter(size__gt=row.seq).order_by("size", "id").first()
        if row.seq is not None
        else None
    )
    apps = _app_names({row.application_id})
    return {
        "row": row,
        "application": apps.get(row.application_id, "") if row.application_id else "",
        "meta": details,
        "changes": changes,
        "content_ref": body.get("content"),
        "content_stored": row.content is not None,
        "leaf_hash": bytes(row.leaf_hash).hex() if row.leaf_hash is not None else "",
        "checkpoint": checkpoint,
        "may_decrypt": has_role(request.user, Role.COMPLIANCE_OFFICER),
    }


@require_role(*READERS)
@require_GET
def audit_record(request: HttpRequest, seq: int) -> HttpResponse:
    """An event's metadata; its content only for a compliance officer who states why."""
    row = _sealed_record(seq)
    with transaction.atomic():
        context = _record_context(request, row)
        services.do_record_read(
            request.user,
            "console.events.detail",
            query={"seq": seq},
            returned=1,
            request_id=request_id_of(request),
        )
    if context["may_decrypt"] and row.key_id:
        context["decrypt_form"] = DecryptForm()
    return render(request, "console/audit/record.html", context)


@require_role(*OFFICERS)
@require_POST
def audit_record_decrypt(request: HttpRequest, seq: int) -> HttpResponse:
    """Decrypt one record's content (``do_decrypt_record`` writes ``audit.decrypted``)."""
    row = _sealed_record(seq)
    form = DecryptForm(request.POST)
    request_id = request_id_of(request)
    with transaction.atomic():
        context = _record_context(request, row)
        services.do_record_read(
            request.user, "console.events.detail", query={"seq": seq}, returned=1, request_id=request_id
        )
        if form.is_valid():
            result = services.do_decrypt_record(
                row, actor=request.user, reason=form.cleaned_data["reason"], request_id=request_id
            )
            context["decrypted"] = {
                "content": _pretty(result.content) if result.content is not None else None,
                "unavailable": result.unavailable,
                "reason": form.cleaned_data["reason"],
            }
    context["decrypt_form"] = form if not form.is_valid() else DecryptForm()
    return render(request, "console/audit/record.html", context, status=200 if form.is_valid() else 400)


# --- Verification ---


@dataclass
class WitnessState:
    """The witness file as this process sees it: its last checkpoint and whether the database agrees."""

    path: str
    exists: bool = False
    size_bytes: int = 0
    modified: dt.datetime | None = None
    last: dict[str, Any] | None = None
    problem: str = ""
    matches_database: bool | None = None


def witness_state() -> WitnessState:
    """Read only the file's tail: it grows by one line per checkpoint, forever."""
    path = Path(settings.AIRLOCK_AUDIT_WITNESS_FILE)
    state = WitnessState(path=str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        state.problem = "The file does not exist yet: no checkpoint has been signed."
        return state
    except OSError as exc:
        state.problem = f"The file cannot be read: {exc.strerror or exc}."
        return state
    state.exists, state.size_bytes = True, info.st_size
    state.modified = dt.datetime.fromtimestamp(info.st_mtime, tz=dt.UTC)
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, info.st_size - WITNESS_TAIL_BYTES))
            tail = handle.read()
    except OSError as exc:
        state.problem = f"The file cannot be read: {exc.strerror or exc}."
        return state
    lines = [line for line in tail.splitlines() if line.strip()]
    if not lines:
        state.problem = "The file is empty."
        return state
    try:
        last = json.loads(lines[-1])
    except ValueError:
        state.problem = "Its last line is not a JSON checkpoint."
        return state
    if not isinstance(last, dict) or not {"size", "root"} <= last.keys():
        state.problem = "Its last line is not a checkpoint (no size and root)."
        return state
    state.last = last
    state.matches_database = Checkpoint.objects.filter(size=last["size"], root=str(last["root"])).exists()
    return state


def _verify_context() -> dict[str, Any]:
    return {"status": services.log_status(), "witness": witness_state()}


@require_role(*VERIFY_ROLES)
@require_http_methods(["GET", "POST"])
def audit_verify(request: HttpRequest) -> HttpResponse:
    """The log at a glance; "Verify now" recomputes every leaf and checkpoint (``do_verify``)."""
    context = {}
    if request.method == "POST":
        context["result"] = services.do_verify(actor=request.user, request_id=request_id_of(request))
    context.update(_verify_context())
    return render(request, "console/audit/verify.html", context)


# --- Evidence exports ---


def _job(job_id: int) -> ExportJob:
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None:
        raise Http404(f"There is no export {job_id}.")
    return job


def _start_export(job_id: int) -> None:
    # In the embedded profile the task runs right here; a failure is already on the job row
    # (do_export marks it failed), so the person is shown it on the progress page, not a 500.
    try:
        tasks.run_export.delay(job_id)
    except Exception:
        log.exception("export %s failed", job_id)


@require_role(*OFFICERS)
@require_http_methods(["GET", "POST"])
def audit_exports(request: HttpRequest) -> HttpResponse:
    """Request an evidence export; the list of past ones."""
    form = ExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        query = ExportQuery.parse(
            data["date_from"].isoformat(),
            data["date_to"].isoformat(),
            application_id=data["application"],
            application=form.application_name(),
        )
        try:
            job = services.do_request_export(
                query,
                actor=request.user,
                include_content=data["include_content"],
                reason=data["reason"],
                request_id=request_id_of(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            job_id = job.pk
            transaction.on_commit(lambda: _start_export(job_id))
            messages.success(request, f"Export {job_id} requested.")
            return redirect("console:audit_export", job_id=job_id)
    if not form.is_bound:
        today = timezone.now().date()
        form.initial = {"date_from": today.replace(day=1), "date_to": today}
    jobs = list(ExportJob.objects.order_by("-created_at", "-id")[:50])
    return render(
        request,
        "console/audit/exports.html",
        {"form": form, "jobs": jobs},
        status=400 if form.is_bound else 200,
    )


def _file_size(job: ExportJob) -> int | None:
    try:
        return Path(job.path).stat().st_size if job.path else None
    except OSError:
        return None


@require_role(*OFFICERS)
@require_GET
def audit_export(request: HttpRequest, job_id: int) -> HttpResponse:
    """An export's state and progress; the page refreshes itself until the bundle is ready."""
    job = _job(job_id)
    working = job.status in (ExportJob.Status.PENDING, ExportJob.Status.RUNNING)
    return render(
        request,
        "console/audit/export.html",
        {
            "job": job,
            "working": working,
            "file_name": job.path.rsplit("/", 1)[-1] if job.path else "",
            "range_from": parse_datetime(str(job.query.get("from") or "")),
            "range_before": parse_datetime(str(job.query.get("before") or "")),
            "file_size": _file_size(job) if job.status == ExportJob.Status.DONE else None,
            "signing_key_fingerprint": keyring.public_key_fingerprint(),
        },
    )


@require_role(*OFFICERS)
@require_GET
def audit_export_download(request: HttpRequest, job_id: int) -> HttpResponseBase:
    """The bundle, streamed; the download is an ``audit.read`` like the API's."""
    job = _job(job_id)
    if job.status != ExportJob.Status.DONE:
        messages.error(request, f"Export {job_id} is {job.status}, not done yet.")
        return redirect("console:audit_export", job_id=job_id)
    path = Path(job.path)
    try:
        handle = path.open("rb")
    except OSError:
        messages.error(request, f"The bundle of export {job_id} is no longer on the appliance.")
        return redirect("console:audit_export", job_id=job_id)
    try:
        services.do_record_read(
            request.user,
            "console.exports.download",
            query={"job": job.pk, "sha256": job.sha256, "include_content": job.include_content},
            returned=job.records,
            request_id=request_id_of(request),
        )
    except BaseException:
        handle.close()
        raise
    response = FileResponse(handle, as_attachment=True, filename=path.name, content_type="application/zip")
    response["X-Content-SHA256"] = job.sha256
    return response


# --- Retention, legal holds, erasure ---


def _retention_context(request: HttpRequest, **forms: Any) -> dict[str, Any]:
    lines = services.retention_table()
    holds = list(LegalHold.objects.filter(released_at__isnull=True).order_by("-created_at", "-id"))
    released = list(LegalHold.objects.filter(released_at__isnull=False).order_by("-released_at", "-id")[:10])
    apps = _app_names({line.application_id for line in lines} | {h.application_id for h in holds + released})
    officer = has_role(request.user, Role.COMPLIANCE_OFFICER)
    context: dict[str, Any] = {
        "policies": [
            {
                "record_class": line.record_class,
                "application": (
                    apps.get(line.application_id, line.application_id) if line.application_id else ""
                ),
                "days": line.days,
                "source": line.source,
            }
            for line in lines
        ],
        "holds": [(h, apps.get(h.application_id, "") if h.application_id else "") for h in holds],
        "released": [(h, apps.get(h.application_id, "") if h.application_id else "") for h in released],
        "officer": officer,
    }
    if officer:
        context["policy_form"] = forms.get("policy_form") or RetentionPolicyForm()
        context["hold_form"] = forms.get("hold_form") or LegalHoldForm()
    return context


@require_role(*VERIFIERS)
@require_GET
def retention(request: HttpRequest) -> HttpResponse:
    """Policies and legal holds; compliance officers change them, auditors only read."""
    return render(request, "console/retention/index.html", _retention_context(request))


@require_role(*OFFICERS)
@require_POST
def retention_policy(request: HttpRequest) -> HttpResponse:
    form = RetentionPolicyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.do_set_retention(
                data["record_class"], data["days"], application_id=data["application"], actor=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            app = _app_names({data["application"]}).get(data["application"] or 0)
            scope = f"application {app}" if app else "all applications (the default)"
            messages.success(
                request, f"{data['record_class'].capitalize()} retention for {scope}: {data['days']} days."
            )
            return redirect("console:retention")
    return render(
        request, "console/retention/index.html", _retention_context(request, policy_form=form), status=400
    )


@require_role(*OFFICERS)
@require_http_methods(["GET", "POST"])
def retention_run(request: HttpRequest) -> HttpResponse:
    """Shred content past its retention now (what the hourly beat task does), after a confirmation."""
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        report = services.do_apply_retention(actor=request.user)
        return render(request, "console/retention/report.html", {"report": report})
    return render(
        request,
        "console/confirm.html",
        {
            "title": "Run retention now?",
            "message": (
                "Content older than its retention is crypto-shredded: its data keys are destroyed and "
                "its ciphertext deleted. Content under a legal hold is kept. This cannot be undone."
            ),
            "confirm_label": "Shred expired content",
            "cancel_url": reverse("console:retention"),
            "danger": True,
        },
    )


@require_role(*OFFICERS)
@require_POST
def retention_hold_set(request: HttpRequest) -> HttpResponse:
    form = LegalHoldForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            hold = services.do_set_legal_hold(
                data["reason"],
                actor=request.user,
                application_id=data["application_id"],
                subject_id=data["subject"] or None,
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            app = _app_names({hold.application_id}).get(hold.application_id or 0)
            scope = f"application {app}" if app else services.describe_hold(hold)
            messages.success(request, f"Legal hold {hold.pk} set on {scope}.")
            return redirect("console:retention")
    return render(
        request, "console/retention/index.html", _retention_context(request, hold_form=form), status=400
    )


@require_role(*OFFICERS)
@require_http_methods(["GET", "POST"])
def retention_hold_release(request: HttpRequest, hold_id: int) -> HttpResponse:
    hold = LegalHold.objects.filter(pk=hold_id).first()
    if hold is None:
        raise Http404(f"There is no legal hold {hold_id}.")
    form = ReleaseHoldForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and request.POST.get("confirm") == "yes" and form.is_valid():
        try:
            services.do_release_legal_hold(hold_id, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Legal hold {hold_id} released.")
        return redirect("console:retention")
    apps = _app_names({hold.application_id})
    return render(
        request,
        "console/retention/release.html",
        {
            "hold": hold,
            "scope": services.describe_hold(hold),
            "application": apps.get(hold.application_id, "") if hold.application_id else "",
            "form": form,
        },
    )


@require_role(*OFFICERS)
@require_http_methods(["GET", "POST"])
def retention_erase(request: HttpRequest) -> HttpResponse:
    """GDPR Art. 17: the subject typed twice and a reason, then ``do_erase_subject``."""
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.do_erase_subject(data["subject_id"], actor=request.user, reason=data["reason"])
        except ValidationError as exc:  # includes LegalHoldActive, which names the hold
            form.add_error(None, exc.messages)
        else:
            return render(request, "console/retention/erased.html", {"report": report})
    return render(
        request, "console/retention/erase.html", {"form": form}, status=400 if form.is_bound else 200
    )
