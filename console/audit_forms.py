"""Forms of the console's audit and retention pages.

They only parse and validate what a person typed; every rule about who may do what, and
every change, stays in ``audit.services`` (the same functions the CLI and the API call).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from audit.events import Event
from audit.models import RetentionPolicy
from audit.services import MAX_RETENTION_DAYS
from inference.models import Application

REASON_MAX = 2000


class DateInput(forms.DateInput):
    """A native date picker (keyboard-accessible, no script).

    Its value must be ISO 8601 whatever the locale: a browser leaves a date input empty when
    given "23/11/2026".
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def application_choices(blank: str) -> list[tuple[str, str]]:
    """Applications by name, valued by id (the audit log knows applications only by id)."""
    rows = Application.objects.order_by("name").values_list("pk", "name")
    return [("", blank), *((str(pk), name) for pk, name in rows)]


def _application_id(value: str) -> int | None:
    return int(value) if value else None


class _DateRangeMixin(forms.Form):
    """``date_from`` and ``date_to`` (both inclusive days, UTC), in order."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
            self.add_error("date_to", "The end date must not be before the start date.")
        return data


class AuditFilterForm(_DateRangeMixin):
    """The audit log's search bar; every field is optional and they combine with AND."""

    class Outcome:
        SUCCESS = "success"
        CLIENT_ERROR = "client_error"
        SERVER_ERROR = "server_error"
        ERROR = "error"

    OUTCOMES = [
        ("", "Any outcome"),
        (Outcome.SUCCESS, "Succeeded (HTTP 2xx)"),
        (Outcome.ERROR, "Failed or refused (HTTP 4xx or 5xx)"),
        (Outcome.CLIENT_ERROR, "Refused (HTTP 4xx)"),
        (Outcome.SERVER_ERROR, "Server error (HTTP 5xx)"),
    ]

    event = forms.ChoiceField(
        required=False,
        choices=[("", "Any event"), *((e.value, e.value) for e in Event)],
    )
    application = forms.ChoiceField(required=False, choices=[])
    actor = forms.CharField(required=False, max_length=150)
    request_id = forms.CharField(required=False, max_length=64, label="Request id")
    date_from = forms.DateField(required=False, label="From", widget=DateInput)
    date_to = forms.DateField(required=False, label="To", widget=DateInput)
    outcome = forms.ChoiceField(required=False, choices=OUTCOMES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrowing for mypy
        field.choices = application_choices("Any application")

    def clean_application(self) -> int | None:
        return _application_id(self.cleaned_data.get("application") or "")

    def clean_actor(self) -> str:
        return str(self.cleaned_data.get("actor") or "").strip()

    def clean_request_id(self) -> str:
        return str(self.cleaned_data.get("request_id") or "").strip()


class DecryptForm(forms.Form):
    """Why a compliance officer needs to read a record's content; kept in the audit log."""

    reason = forms.CharField(
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why you need the content (for example a case number). It is kept in the audit log.",
        error_messages={"required": "A reason is required to decrypt audit content."},
    )

    def clean_reason(self) -> str:
        text = str(self.cleaned_data.get("reason") or "").strip()
        if not text:
            raise forms.ValidationError("A reason is required to decrypt audit content.")
        return text


class ExportForm(_DateRangeMixin):
    """What an evidence export covers; content only with a stated reason."""

    date_from = forms.DateField(label="From", widget=DateInput, help_text="UTC, inclusive.")
    date_to = forms.DateField(label="To", widget=DateInput, help_text="UTC, inclusive.")
    application = forms.ChoiceField(required=False, choices=[])
    include_content = forms.BooleanField(
        required=False,
        label="Include decrypted content",
        help_text="Prompts and answers, decrypted into the bundle. Needs a reason; it is recorded.",
    )
    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required with content; kept in the audit log and the bundle's manifest.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrowing for mypy
        field.choices = application_choices("All applications")

    def clean_application(self) -> int | None:
        return _application_id(self.cleaned_data.get("application") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["reason"] = str(data.get("reason") or "").strip()
        if data.get("include_content") and not data["reason"]:
            self.add_error("reason", "A reason is required to export decrypted content.")
        return data

    def application_name(self) -> str:
        app_id = self.cleaned_data.get("application")
        if app_id is None:
            return ""
        return str(Application.objects.filter(pk=app_id).values_list("name", flat=True).first() or "")


class RetentionPolicyForm(forms.Form):
    """``do_set_retention``'s parameters: a record class, days, and optionally one application."""

    record_class = forms.ChoiceField(
        choices=RetentionPolicy.RecordClass.choices,
        label="Records",
        initial=RetentionPolicy.RecordClass.CONTENT,
    )
    days = forms.IntegerField(min_value=1, max_value=MAX_RETENTION_DAYS, label="Keep for (days)")
    application = forms.ChoiceField(required=False, choices=[], help_text="Empty: the default for all.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrowing for mypy
        field.choices = application_choices("Default for all applications")

    def clean_application(self) -> int | None:
        return _application_id(self.cleaned_data.get("application") or "")


class LegalHoldForm(forms.Form):
    """A legal hold over everything, one application, or one data subject."""

    SCOPES = [
        ("everything", "Everything"),
        ("application", "One application"),
        ("subject", "One data subject"),
    ]

    scope = forms.ChoiceField(choices=SCOPES, initial="everything", widget=forms.RadioSelect)
    application = forms.ChoiceField(
        required=False, choices=[], help_text="When the scope is one application."
    )
    subject_id = forms.CharField(
        required=False,
        max_length=256,
        label="Data subject",
        help_text="When the scope is one subject: the “user” value the application sends.",
    )
    reason = forms.CharField(
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example the case number. Kept in the audit log.",
        error_messages={"required": "A reason is required to set a legal hold."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrowing for mypy
        field.choices = application_choices("Choose an application")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        scope = data.get("scope")
        app = _application_id(data.get("application") or "")
        subject = str(data.get("subject_id") or "").strip()
        data["application_id"], data["subject"] = None, ""
        if scope == "application":
            if app is None:
                self.add_error("application", "Choose the application the hold covers.")
            data["application_id"] = app
        elif scope == "subject":
            if not subject:
                self.add_error("subject_id", "Give the data subject the hold covers.")
            data["subject"] = subject
        return data


class ReleaseHoldForm(forms.Form):
    """Releasing a hold: an optional reason, kept in the audit log."""

    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional; kept in the audit log.",
    )


class ErasureForm(forms.Form):
    """GDPR Art. 17 erasure: the subject, typed twice, and why."""

    subject_id = forms.CharField(
        max_length=256,
        label="Data subject",
        help_text="The “user” value applications send for this person.",
        error_messages={"required": "Give the data subject to erase."},
    )
    confirm_subject_id = forms.CharField(
        max_length=256,
        label="Type the data subject again to confirm",
        help_text="Erasure cannot be undone: their content keys are destroyed.",
        error_messages={"required": "Type the data subject again to confirm."},
    )
    reason = forms.CharField(
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example the request number. Kept in the audit log.",
        error_messages={"required": "A reason is required to erase a data subject."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        subject = str(data.get("subject_id") or "").strip()
        typed = str(data.get("confirm_subject_id") or "").strip()
        if subject and typed and subject != typed:
            self.add_error("confirm_subject_id", "This does not match the data subject above.")
        data["subject_id"] = subject
        return data
