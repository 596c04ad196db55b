"""Forms of the console shell's pages: they parse and validate input, nothing more.

What a form accepts is what the service function it feeds accepts; the service checks again
(the CLI and the API reach it without these forms).
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm

from appliance.roles import Role
from inference.models import Application, Model

ROLE_CHOICES = [
    (Role.ADMINISTRATOR.value, "Administrator — models, applications, keys, quotas, egress, users"),
    (Role.COMPLIANCE_OFFICER.value, "Compliance officer — audit log and content, exports, retention"),
    (Role.AUDITOR.value, "Auditor — reads and verifies the audit log"),
    (Role.APP_OWNER.value, "App owner — their own applications, keys and usage"),
    (Role.REVIEWER.value, "Reviewer — the review queue: labels answers, approves gated ones"),
]


class SignInForm(AuthenticationForm):
    """Django's password check (through django-axes, which counts failures)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That user name and password do not match an active account. "
            "After %(limit)s failed tries, sign-in from this address is locked for %(minutes)s minutes."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})
        self.fields["username"].label = "User name"

    def get_invalid_login_error(self) -> forms.ValidationError:
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={
                "limit": settings.AIRLOCK_SIGN_IN_FAILURE_LIMIT,
                "minutes": settings.AIRLOCK_SIGN_IN_LOCKOUT_MINUTES,
            },
        )


class CodeForm(forms.Form):
    """A six-digit code from an authenticator app."""

    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
                "class": "code-input",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) not in (6, 8):
            raise forms.ValidationError("Enter the 6 digits your authenticator app shows.")
        return code


# --- Models ---


class ModelVersionForm(forms.Form):
    """Register a folder of weights as a version of a model (``airlock models add``)."""

    name = forms.CharField(
        label="Model name",
        max_length=128,
        help_text='The name clients send as "model". An existing name adds a version to that model.',
    )
    path = forms.CharField(
        label="Folder with the weights",
        max_length=1024,
        help_text="An absolute path on the appliance, as vLLM will read it. Every file is hashed "
        "(SHA-256) now; large models take minutes — `airlock models add` shows progress.",
    )
    version = forms.CharField(
        max_length=64, required=False, help_text="A label such as 2024-07. Default: the next number."
    )
    source = forms.CharField(
        max_length=512, required=False, help_text="Where the weights came from (kept with the version)."
    )
    engine_args = forms.CharField(
        label="vLLM arguments",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text="One per line, NAME=VALUE, e.g. max-model-len=8192.",
    )
    make_default = forms.BooleanField(label="Make this the default version", required=False, initial=True)

    def clean_path(self) -> str:
        path = self.cleaned_data["path"].strip()
        if not path.startswith("/"):
            raise forms.ValidationError("Give an absolute path, starting with /.")
        return path

    def clean_engine_args(self) -> dict[str, object]:
        args: dict[str, object] = {}
        for number, raw in enumerate(self.cleaned_data["engine_args"].splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, value = line.partition("=")
            name = name.strip().lstrip("-")
            if not sep or not name:
                raise forms.ValidationError(f"Line {number}: write NAME=VALUE.")
            try:
                args[name] = json.loads(value.strip())
            except ValueError:
                args[name] = value.strip()
        return args


# --- Applications and keys ---


class ApplicationForm(forms.Form):
    name = forms.SlugField(
        max_length=64, help_text="Short and unique: letters, digits, '-' and '_'. It cannot be changed later."
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="No owner (administrators only)",
        help_text="An app owner who may manage this application's keys and see its usage.",
    )
    allow_all_models = forms.BooleanField(label="May call every model", required=False)
    allowed_models = forms.ModelMultipleChoiceField(
        queryset=Model.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="name",
        help_text="Ignored when it may call every model.",
    )
    audit_content = forms.ChoiceField(
        label="What the audit log keeps of prompts and answers",
        choices=Application.AuditContent.choices,
        initial=Application.AuditContent.METADATA,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True, groups__name=Role.APP_OWNER.value)
        self.fields["owner"].queryset = users.order_by("username")  # type: ignore[attr-defined]
        self.fields["allowed_models"].queryset = Model.objects.order_by("name")  # type: ignore[attr-defined]


class AllowedModelsForm(forms.Form):
    allow_all_models = forms.BooleanField(
        label="May call every model, including ones added later", required=False
    )
    allowed_models = forms.ModelMultipleChoiceField(
        queryset=Model.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="name",
        label="Models it may call",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["allowed_models"].queryset = Model.objects.order_by("name")  # type: ignore[attr-defined]


class AuditContentForm(forms.Form):
    audit_content = forms.ChoiceField(
        label="What the audit log keeps of prompts and answers",
        choices=Application.AuditContent.choices,
        widget=forms.RadioSelect,
        help_text="Applies to requests from now on. Content is always encrypted; only compliance "
        "officers can read it, with a stated reason.",
    )


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        required=False,
        help_text="What uses it, e.g. prod or ci. Shown in lists and the audit log.",
    )
    expires_in_days = forms.IntegerField(
        label="Expires after (days)",
        required=False,
        min_value=1,
        max_value=3660,
        help_text="Leave empty for a key that does not expire.",
    )
    # A one-time token of this form: a second submission (a reload) creates no second key.
    once = forms.CharField(widget=forms.HiddenInput)


# --- Users ---


class UserCreateForm(forms.Form):
    username = forms.CharField(label="User name", max_length=150)
    email = forms.EmailField(required=False)
    roles = forms.MultipleChoiceField(
        choices=ROLE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label="What this person may do",
        choices=ROLE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Administrators and compliance officers must use two-factor sign-in.",
    )
