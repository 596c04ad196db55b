"""The audit log's management API, mounted at ``/api/audit/``.

Who may do what (``appliance.roles``):

==================  ============  =======  ==============  ===================
endpoint            compliance    auditor  administrator   app owner / others
==================  ============  =======  ==============  ===================
events, event       yes           yes      yes (metadata)  403
decrypt             yes (reason)  403      403             403
verification        yes           yes      403             403
exports, download   yes           403      403             403
==================  ============  =======  ==============  ===================

Views only parse, check the role and call ``audit.services``; every list or detail read
becomes an ``audit.read`` record (one per call, with its query), and the read fails if that
record cannot be written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import FileResponse, HttpResponseBase
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response

from appliance.api import ManagementView
from appliance.roles import Role
from audit import services, tasks
from audit.models import AuditRecord, ExportJob
from audit.serializers import (
    AuditEventSerializer,
    DecryptedSerializer,
    DecryptRequestSerializer,
    EventPageSerializer,
    EventQuerySerializer,
    ExportJobSerializer,
    ExportRequestSerializer,
    VerificationStatusSerializer,
    VerifyResultSerializer,
)

READERS = (Role.COMPLIANCE_OFFICER, Role.AUDITOR, Role.ADMINISTRATOR)
VERIFIERS = (Role.COMPLIANCE_OFFICER, Role.AUDITOR)
OFFICERS = (Role.COMPLIANCE_OFFICER,)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state."
    default_code = "conflict"


class AuditView(ManagementView):
    """Common ground of the audit API; a legal hold in the way is a 409."""

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, services.LegalHoldActive):
            exc = Conflict(exc.messages[0])
        elif isinstance(exc, DjangoValidationError):
            # The audit API has always answered {"detail": [messages]}, whatever the fields.
            exc = exceptions.ValidationError({"detail": exc.messages})
        return super().handle_exception(exc)


def _no_store(response: HttpResponseBase) -> HttpResponseBase:
    # Decrypted content and evidence bundles must not linger in browser or proxy caches.
    response["Cache-Control"] = "no-store"
    return response


class EventPagination(CursorPagination):
    """Newest first, by sequence number: stable while records keep arriving, no COUNT(*)."""

    ordering = "-seq"
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class EventList(AuditView):
    read_roles = READERS

    @extend_schema(
        operation_id="audit_events_list",
        summary="List and filter audit events (metadata only)",
        parameters=[EventQuerySerializer],
        responses={
            200: EventPageSerializer,
            404: OpenApiResponse(description="The cursor is not one from a page's links."),
        },
    )
    def get(self, request: Request) -> Response:
        given = EventQuerySerializer(data=request.query_params)
        given.is_valid(raise_exception=True)
        filters: dict[str, Any] = given.validated_data
        rows = AuditRecord.objects.filter(seq__isnull=False)
        if "from" in filters:
            rows = rows.filter(created_at__gte=filters["from"])
        if "to" in filters:
            rows = rows.filter(created_at__lt=filters["to"])
        for name, column in (
            ("event", "event"),
            ("application_id", "application_id"),
            ("request_id", "request_id"),
            ("actor", "actor_name"),
        ):
            if name in filters:
                rows = rows.filter(**{column: filters[name]})
        paginator = EventPagination()
        with transaction.atomic():
            page = paginator.paginate_queryset(rows.defer("content"), request, view=self) or []
            data = AuditEventSerializer(page, many=True).data
            services.do_record_read(
                request.user,
                "events.list",
                query={key: request.query_params.get(key) for key in request.query_params},
                returned=len(page),
                request_id=self.request_id,
            )
        return paginator.get_paginated_response(data)


class EventDetail(AuditView):
    read_roles = READERS

    @extend_schema(
        operation_id="audit_events_retrieve",
        summary="One audit event (metadata only)",
        responses={
            200: AuditEventSerializer,
            404: OpenApiResponse(description="No sealed event at that seq."),
        },
    )
    def get(self, request: Request, seq: int) -> Response:
        row = AuditRecord.objects.filter(seq=seq).first()
        if row is None:
            raise exceptions.NotFound(f"There is no sealed event {seq}.")
        with transaction.atomic():
            data = AuditEventSerializer(row).data
            services.do_record_read(
                request.user, "events.detail", query={"seq": seq}, returned=1, request_id=self.request_id
            )
        return Response(data)


class EventDecrypt(AuditView):
    allowed_roles = OFFICERS
    read_roles = ()

    @extend_schema(
        operation_id="audit_events_decrypt",
        summary="Decrypt an event's content (compliance officers, with a reason; recorded)",
        request=DecryptRequestSerializer,
        responses={
            200: DecryptedSerializer,
            404: OpenApiResponse(description="No sealed event at that seq."),
        },
    )
    def post(self, request: Request, seq: int) -> HttpResponseBase:
        given = DecryptRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        row = AuditRecord.objects.filter(seq=seq).first()
        if row is None:
            raise exceptions.NotFound(f"There is no sealed event {seq}.")
        result = services.do_decrypt_record(
            row, actor=request.user, reason=given.validated_data["reason"], request_id=self.request_id
        )
        return _no_store(Response({"seq": seq, "content": result.content, "unavailable": result.unavailable}))


class Verification(AuditView):
    # Verification reveals no content (hashes and signatures over ciphertext): administrators
    # may check the log they run, as in the console.
    read_roles = (*VERIFIERS, Role.ADMINISTRATOR)
    allowed_roles = (*VERIFIERS, Role.ADMINISTRATOR)  # running a verification only reads the log

    @extend_schema(
        operation_id="audit_verification_status",
        summary="The log's size, last signed checkpoint and unsealed records",
        responses={200: VerificationStatusSerializer},
    )
    def get(self, request: Request) -> Response:
        found = services.log_status()
        return Response(
            VerificationStatusSerializer(
                {
                    "size": found.size,
                    "unsealed": found.unsealed,
                    "last_checkpoint": found.last_checkpoint,
                    "witness_file": found.witness_file,
                    "signing_key_fingerprint": found.signing_key_fingerprint,
                    "active_legal_holds": found.active_legal_holds,
                }
            ).data
        )

    @extend_schema(
        operation_id="audit_verification_run",
        summary="Verify the whole log now (recorded as audit.verified)",
        request=None,
        responses={200: VerifyResultSerializer},
    )
    def post(self, request: Request) -> Response:
        result = services.do_verify(actor=request.user, request_id=self.request_id)
        return Response(
            VerifyResultSerializer(
                {
                    "ok": result.ok,
                    "message": result.message,
                    "records": result.records,
                    "checkpoints": result.checkpoints,
                    "unsealed": result.unsealed,
                    "first_bad_seq": result.first_bad_seq,
                    "problems": result.problems,
                }
            ).data
        )


class ExportList(AuditView):
    read_roles = OFFICERS
    allowed_roles = OFFICERS

    @extend_schema(
        operation_id="audit_exports_list",
        summary="Recent evidence exports",
        responses={200: ExportJobSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        jobs = ExportJob.objects.all()[:100]
        return Response(ExportJobSerializer(jobs, many=True, context={"request": request}).data)

    @extend_schema(
        operation_id="audit_exports_create",
        summary="Request an evidence export (built in the background; poll its status)",
        request=ExportRequestSerializer,
        responses={202: ExportJobSerializer},
    )
    def post(self, request: Request) -> Response:
        given = ExportRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        query = services.ExportQuery(
            start=data["from"],
            before=data["to"],
            application_id=data["application_id"],
            application=data.get("application") or "",
        )
        job = services.do_request_export(
            query,
            actor=request.user,
            include_content=data["include_content"],
            reason=data.get("reason", ""),
            request_id=self.request_id,
        )
        transaction.on_commit(lambda: tasks.run_export.delay(job.pk))
        job.refresh_from_db()
        return Response(
            ExportJobSerializer(job, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": reverse("audit:export", kwargs={"job_id": job.pk})},
        )


def _job(job_id: int) -> ExportJob:
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None:
        raise exceptions.NotFound(f"There is no export {job_id}.")
    return job


class ExportDetail(AuditView):
    read_roles = OFFICERS

    @extend_schema(
        operation_id="audit_exports_retrieve",
        summary="An export's status and progress",
        responses={200: ExportJobSerializer},
    )
    def get(self, request: Request, job_id: int) -> Response:
        return Response(ExportJobSerializer(_job(job_id), context={"request": request}).data)


class ExportDownload(AuditView):
    read_roles = OFFICERS

    @extend_schema(
        operation_id="audit_exports_download",
        summary="Download a finished export bundle (zip, streamed; recorded)",
        parameters=[OpenApiParameter("job_id", int, OpenApiParameter.PATH)],
        responses={
            (200, "application/zip"): OpenApiTypes.BINARY,
            409: OpenApiResponse(description="The export is not finished."),
            410: OpenApiResponse(description="The bundle file is no longer on the appliance."),
        },
    )
    def get(self, request: Request, job_id: int) -> HttpResponseBase:
        job = _job(job_id)
        if job.status != ExportJob.Status.DONE:
            raise Conflict(
                f"Export {job_id} is {job.status}, not done" + (f": {job.error}" if job.error else ".")
            )
        path = Path(job.path)
        try:
            handle = path.open("rb")
        except OSError:
            return Response(
                {"detail": f"The bundle of export {job_id} is no longer on the appliance."}, status=410
            )
        try:
            services.do_record_read(
                request.user,
                "exports.download",
                query={"job": job.pk, "sha256": job.sha256, "include_content": job.include_content},
                returned=job.records,
                request_id=self.request_id,
            )
        except BaseException:
            handle.close()
            raise
        response = FileResponse(
            handle, as_attachment=True, filename=path.name, content_type="application/zip"
        )
        response["X-Content-SHA256"] = job.sha256
        return _no_store(response)
