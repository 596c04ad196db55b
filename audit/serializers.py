"""Input validation and output shapes of the audit management API (``audit.api``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from appliance.api import NON_BLANK, JsonBoolean, JsonText, StrictQuery
from audit.events import Event
from audit.export import parse_bound
from audit.models import AuditRecord, ExportJob
from inference.models import Application

# The spellings parse_bound reads: a date, or a time (a time without a zone, taken as UTC,
# is accepted too but not promised).
TIME_BOUND_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
    ],
    "description": "A date (YYYY-MM-DD) or a time (RFC 3339; one without a zone is read as UTC).",
}


@extend_schema_field(TIME_BOUND_SCHEMA)
class TimeBoundField(serializers.CharField):
    """``YYYY-MM-DD`` or an ISO 8601 time (UTC if no zone); an end date covers its whole day."""

    def __init__(self, *, end: bool, **kwargs: Any) -> None:
        self.end = end
        kwargs.setdefault(
            "help_text", "YYYY-MM-DD or ISO 8601 time (UTC if no zone)" + (", inclusive" if end else "")
        )
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> dt.datetime:  # type: ignore[override]
        if not isinstance(data, str) or data != data.strip():
            # Exactly as the schema spells it: a number or padded text is not a time.
            raise serializers.ValidationError("Give YYYY-MM-DD or an ISO 8601 time, as a string.")
        text = super().to_internal_value(data)
        try:
            return parse_bound(text, end=self.end, what="to" if self.end else "from")
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None


class _RangeMixin(serializers.Serializer):
    """Adds the ``from`` field (a Python keyword, so it cannot be declared as an attribute)."""

    from_ = TimeBoundField(end=False, required=False)
    to = TimeBoundField(end=True, required=False)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, before = attrs.get("from"), attrs.get("to")
        if start is not None and before is not None and start >= before:
            raise serializers.ValidationError({"from": "must not be after 'to'."})
        return attrs


class EventQuerySerializer(StrictQuery, _RangeMixin):
    """Filters of the event list; every one is optional."""

    event = serializers.ChoiceField(choices=[e.value for e in Event], required=False)
    application_id = serializers.IntegerField(required=False, min_value=1)
    request_id = serializers.RegexField(NON_BLANK, required=False, max_length=64)
    actor = serializers.RegexField(
        NON_BLANK, required=False, max_length=150, help_text="The actor's user name, exactly."
    )
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=1000)
    cursor = serializers.RegexField(
        NON_BLANK, required=False, help_text="From a page's next or previous link (404 if not one)."
    )


def _body(record: AuditRecord) -> dict[str, Any]:
    parsed = getattr(record, "_parsed_body", None)
    if parsed is None:
        parsed = orjson.loads(record.body)
        record._parsed_body = parsed  # type: ignore[attr-defined]
    return dict(parsed)


class ContentRefSerializer(serializers.Serializer):
    key_id = serializers.CharField()
    sha256 = serializers.CharField()


class AuditEventSerializer(serializers.Serializer):
    """An event's metadata; its content is only ever returned by the decrypt endpoint."""

    seq = serializers.IntegerField(allow_null=True)
    time = serializers.DateTimeField(source="created_at")
    event = serializers.CharField()
    actor_id = serializers.IntegerField(allow_null=True)
    actor_name = serializers.CharField()
    target = serializers.SerializerMethodField()
    request_id = serializers.CharField()
    application_id = serializers.IntegerField(allow_null=True)
    subject = serializers.CharField(help_text="Keyed-hash pseudonym of the end user, or empty.")
    meta = serializers.SerializerMethodField()
    content = serializers.SerializerMethodField(
        help_text="Key id and SHA-256 of the encrypted content, or null."
    )
    content_available = serializers.SerializerMethodField()

    @extend_schema_field(
        {"type": "object", "properties": {"type": {"type": "string"}, "id": {"type": "string"}}}
    )
    def get_target(self, record: AuditRecord) -> dict[str, str]:
        return {"type": record.target_type, "id": record.target_id}

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_meta(self, record: AuditRecord) -> dict[str, Any]:
        return dict(_body(record).get("meta") or {})

    @extend_schema_field(ContentRefSerializer(allow_null=True))
    def get_content(self, record: AuditRecord) -> dict[str, Any] | None:
        ref = _body(record).get("content")
        return dict(ref) if ref else None

    def get_content_available(self, record: AuditRecord) -> bool:
        # Whether ciphertext is still stored (False once its key was shredded); it says
        # nothing about the content itself.
        return record.content is not None


class EventPageSerializer(serializers.Serializer):
    """One page of events, newest first; follow ``next`` for older ones."""

    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = AuditEventSerializer(many=True)


class DecryptRequestSerializer(serializers.Serializer):
    reason = JsonText(
        max_length=2000,
        allow_blank=False,
        trim_whitespace=True,
        help_text="Why the content is needed; kept in the audit log.",
        error_messages={"blank": "A reason is required to decrypt audit content."},
    )


class DecryptedSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    content = serializers.JSONField(allow_null=True)
    unavailable = serializers.CharField(
        allow_null=True, help_text="Why the content cannot be shown, if it cannot."
    )


class ExportRequestSerializer(_RangeMixin):
    """What to export. The application is given by name; it is stored by id."""

    from_ = TimeBoundField(end=False, required=True)
    to = TimeBoundField(end=True, required=True)
    application = JsonText(required=False, allow_blank=True, max_length=64)
    include_content = JsonBoolean(default=False)
    reason = JsonText(required=False, allow_blank=True, max_length=2000, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        if attrs.get("include_content") and not attrs.get("reason", "").strip():
            raise serializers.ValidationError({"reason": "A reason is required to export decrypted content."})
        name = attrs.get("application") or ""
        attrs["application_id"] = None
        if name:
            app = Application.objects.filter(name=name).only("pk").first()
            if app is None:
                raise serializers.ValidationError({"application": f"No application named {name!r}."})
            attrs["application_id"] = app.pk
        return attrs


class ExportJobSerializer(serializers.ModelSerializer[ExportJob]):
    download = serializers.SerializerMethodField(help_text="Where to fetch the bundle once status is 'done'.")
    file_name = serializers.SerializerMethodField()

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "status",
            "progress",
            "records",
            "sha256",
            "error",
            "query",
            "include_content",
            "reason",
            "requested_by_name",
            "created_at",
            "finished_at",
            "file_name",
            "download",
        ]
        read_only_fields = fields

    def get_download(self, job: ExportJob) -> str | None:
        if job.status != ExportJob.Status.DONE:
            return None
        path = reverse("audit:export-download", kwargs={"job_id": job.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def get_file_name(self, job: ExportJob) -> str:
        return job.path.rsplit("/", 1)[-1] if job.path else ""


CHECKPOINT_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "The latest signed checkpoint, as written to the witness file.",
    "properties": {
        name: {"type": "integer" if name == "size" else "string"}
        for name in ("origin", "size", "root", "timestamp", "signature", "key_fingerprint")
    },
}


@extend_schema_field(CHECKPOINT_SCHEMA)
class CheckpointField(serializers.JSONField):
    """A checkpoint dict (a field named ``root`` cannot be declared on a DRF serializer)."""


class VerificationStatusSerializer(serializers.Serializer):
    size = serializers.IntegerField(help_text="Sealed records.")
    unsealed = serializers.IntegerField(
        help_text="Records written but not sealed yet (normally for moments)."
    )
    last_checkpoint = CheckpointField(allow_null=True)
    witness_file = serializers.CharField()
    signing_key_fingerprint = serializers.CharField()
    active_legal_holds = serializers.IntegerField()


class VerifyResultSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    message = serializers.CharField()
    records = serializers.IntegerField()
    checkpoints = serializers.IntegerField()
    unsealed = serializers.IntegerField()
    first_bad_seq = serializers.IntegerField(allow_null=True)
    problems = serializers.ListField(child=serializers.CharField())
