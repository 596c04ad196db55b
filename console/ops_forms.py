"""Forms of the dashboard, quotas and egress pages: they parse input, nothing more.

Each form turns what a browser sends into the arguments of one service function
(``inference.quotas.services``, ``inference.services``, ``redaction.services``); the service
checks again and its ``ValidationError`` is shown on the form. No rule lives here that the CLI
or the management API would not also meet in the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.http import QueryDict

from inference.models import Application, Provider
from inference.quotas.models import LocalCostModel, ModelPrice
from inference.quotas.services import LimitValues
from redaction.models import EgressPolicy

PERIODS = [(7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 90 days"), (365, "Last 365 days")]
DEFAULT_PERIOD = 30
NO_LIMIT = "Empty: no limit."
MAX_PREVIEW_CHARS = 20_000


def _choices(form: forms.Form, name: str, choices: Sequence[tuple[Any, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 - a programming error, not input
    field.choices = list(choices)


def plain(value: Decimal | None) -> Decimal | None:
    """A stored amount as a person would type it: 50.000000 → 50.00, 0.150000 → 0.15, 0.000125 stays."""
    if value is None:
        return None
    cents = value.quantize(Decimal("0.01"))
    return cents if cents == value else value.normalize()


def _number_input(step: str = "1", **attrs: Any) -> forms.NumberInput:
    return forms.NumberInput(attrs={"min": "0", "step": step, "inputmode": "decimal", **attrs})


class DashboardFilterForm(forms.Form):
    """The dashboard's filter bar (GET)."""

    period = forms.TypedChoiceField(
        label="Period",
        choices=PERIODS,
        coerce=int,
        initial=DEFAULT_PERIOD,
        required=False,
        empty_value=None,
    )
    application = forms.ChoiceField(label="Application", required=False)
    model = forms.ChoiceField(label="Model", required=False)

    def __init__(self, *args: Any, applications: Sequence[str], models: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "application", [("", "All applications"), *[(n, n) for n in applications]])
        _choices(self, "model", [("", "All models"), *[(n, n) for n in models]])


# --- Quotas ---


class LimitsForm(forms.Form):
    """Every limit of an application's (or a key's) policy; empty fields are "no limit"."""

    requests_per_minute = forms.IntegerField(
        label="Requests per minute", required=False, min_value=0, help_text=NO_LIMIT, widget=_number_input()
    )
    tokens_per_minute = forms.IntegerField(
        label="Tokens per minute", required=False, min_value=0, help_text=NO_LIMIT, widget=_number_input()
    )
    tokens_per_day = forms.IntegerField(
        label="Tokens per day",
        required=False,
        min_value=0,
        help_text=NO_LIMIT + " Days are UTC.",
        widget=_number_input(),
    )
    tokens_per_month = forms.IntegerField(
        label="Tokens per month",
        required=False,
        min_value=0,
        help_text=NO_LIMIT + " Calendar months, UTC.",
        widget=_number_input(),
    )
    budget_usd_per_month = forms.DecimalField(
        label="Egress budget per month (USD)",
        required=False,
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        help_text="What requests sent to external providers may cost in a calendar month. " + NO_LIMIT,
        widget=_number_input("0.01"),
    )
    suspend_above_rpm = forms.IntegerField(
        label="Suspend above (requests per minute)",
        required=False,
        min_value=1,
        help_text="Suspend the application when a single minute has more requests than this. "
        "Empty: the appliance-wide setting.",
        widget=_number_input(),
    )
    runaway_protection = forms.BooleanField(
        label="Runaway protection",
        required=False,
        help_text="Suspend the application automatically when it bursts far above its normal rate.",
    )

    @classmethod
    def initial_of(cls, limits: LimitValues) -> dict[str, Any]:
        return limits.as_dict() | {"budget_usd_per_month": plain(limits.budget_usd_per_month)}

    def changes(self) -> dict[str, Any]:
        """The whole policy, as ``do_set_limits`` takes it (None: no limit)."""
        return {name: self.cleaned_data[name] for name in LimitValues.names()}


class EgressCapForm(forms.Form):
    budget_usd_per_month = forms.DecimalField(
        label="Appliance-wide egress budget per month (USD)",
        required=False,
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        help_text="The most all applications together may spend on external providers in a calendar "
        "month (UTC). Empty: no cap.",
        widget=_number_input("0.01"),
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the audit log and shown in the alert.",
    )


class ReenableForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept in the audit log.",
    )


class PriceForm(forms.Form):
    model = forms.CharField(
        label="Model",
        max_length=128,
        help_text='The name clients send in "model", or an external model used only as the reference '
        "for savings.",
    )
    input_usd_per_million = forms.DecimalField(
        label="Input price (USD per million tokens)",
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        widget=_number_input("0.01"),
    )
    output_usd_per_million = forms.DecimalField(
        label="Output price (USD per million tokens)",
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        widget=_number_input("0.01"),
    )

    def clean_model(self) -> str:
        name = str(self.cleaned_data["model"]).strip()
        if not name:
            raise ValidationError("A model name is required.")
        return name


class CostModelForm(forms.Form):
    """The local fleet's costs (``LocalCostModel``)."""

    servers = forms.IntegerField(label="GPU servers", min_value=0, widget=_number_input())
    server_usd_per_hour = forms.DecimalField(
        label="Cost per server-hour (USD)",
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        help_text="Purchase price over the service life in hours, plus hosting and support.",
        widget=_number_input("0.01"),
    )
    power_kw = forms.DecimalField(
        label="Power per server (kW)",
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        widget=_number_input("0.01"),
    )
    usd_per_kwh = forms.DecimalField(
        label="Electricity (USD per kWh)",
        min_value=Decimal(0),
        decimal_places=6,
        max_digits=14,
        widget=_number_input("0.001"),
    )
    capacity_tokens_per_second = forms.IntegerField(
        label="Capacity per server (tokens per second)",
        min_value=0,
        help_text="Sustained throughput of one server; it turns the hourly cost into a cost per token.",
        widget=_number_input(),
    )
    reference_model = forms.ChoiceField(
        label="Reference external model",
        required=False,
        help_text="Savings are what local traffic would have cost on this model (prices above).",
    )

    def __init__(self, *args: Any, priced_models: Iterable[str], current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = sorted(set(priced_models) | ({current} if current else set()))
        _choices(self, "reference_model", [("", "None (no savings figures)"), *[(n, n) for n in names]])

    @classmethod
    def initial_of(cls, row: LocalCostModel) -> dict[str, Any]:
        return {
            "servers": row.servers,
            "server_usd_per_hour": plain(row.server_usd_per_hour),
            "power_kw": plain(row.power_kw),
            "usd_per_kwh": plain(row.usd_per_kwh),
            "capacity_tokens_per_second": row.capacity_tokens_per_second,
            "reference_model": row.reference_model,
        }


class ReportForm(forms.Form):
    month = forms.RegexField(
        label="Month",
        regex=r"^\d{4}-\d{2}$",
        error_messages={"invalid": "Give a month as YYYY-MM, e.g. 2026-11."},
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
    )


# --- Egress: providers and external models ---


def _looks_like_a_secret(value: str) -> bool:
    # A path has a slash; a pasted key (sk-…, sk-ant-…, a long token) has none. The service only
    # sees "not absolute"; here the person gets told what went wrong in plain words.
    return "/" not in value and len(value) >= 16


class ProviderForm(forms.Form):
    """A provider's settings; on an existing provider the name and kind stay as they are."""

    name = forms.SlugField(
        label="Name", max_length=64, help_text="Letters, digits, '-' and '_'; used in egress policies."
    )
    kind = forms.ChoiceField(label="Protocol", choices=Provider.Kind.choices)
    base_url = forms.URLField(
        label="Base URL",
        max_length=512,
        assume_scheme="https",
        help_text="OpenAI-compatible: up to and including the version, e.g. https://api.openai.com/v1. "
        "Anthropic: https://api.anthropic.com. https on a public address, unless the installation "
        "allows a private one (AIRLOCK_EGRESS_ALLOW_PRIVATE).",
    )
    api_key_file = forms.CharField(
        label="API key file",
        max_length=1024,
        required=False,
        help_text="The absolute path of a file in the appliance's provider keys directory that holds "
        "the key, e.g. /etc/airlock/provider-keys/openai.key, owned by the appliance's user with mode "
        "0600. Never paste the key itself here: it is read from the file when a request is sent and is "
        "never stored or shown.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "class": "mono"}),
    )
    region = forms.CharField(
        label="Region",
        max_length=64,
        required=False,
        help_text="Where the provider processes data, e.g. eu-west-1.",
    )
    timeout_seconds = forms.FloatField(
        label="Timeout (seconds)", min_value=0.001, max_value=3600, initial=60.0, widget=_number_input("any")
    )
    max_retries = forms.IntegerField(
        label="Retries", min_value=0, max_value=10, initial=2, widget=_number_input()
    )
    breaker_threshold = forms.IntegerField(
        label="Circuit breaker: failures before it opens",
        min_value=1,
        max_value=1000,
        initial=5,
        widget=_number_input(),
    )
    breaker_cooldown_seconds = forms.FloatField(
        label="Circuit breaker: cool-down (seconds)",
        min_value=0,
        max_value=86400,
        initial=30.0,
        widget=_number_input("any"),
    )
    extra_headers = forms.CharField(
        label="Extra headers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "mono", "spellcheck": "false"}),
        help_text="One per line, as Name: value (e.g. OpenAI-Organization: org-123). Never credentials, "
        "nor Host, Content-Length or other headers that frame the request.",
    )
    is_enabled = forms.BooleanField(label="Enabled", required=False, initial=True)

    def __init__(self, *args: Any, existing: Provider | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.existing = existing
        if existing is not None:
            for name in ("name", "kind"):
                self.fields[name].disabled = True
                self.fields[name].required = False

    @classmethod
    def initial_of(cls, provider: Provider) -> dict[str, Any]:
        return {
            "name": provider.name,
            "kind": provider.kind,
            "base_url": provider.base_url,
            "api_key_file": provider.api_key_file,
            "region": provider.region,
            "timeout_seconds": provider.timeout_seconds,
            "max_retries": provider.max_retries,
            "breaker_threshold": provider.breaker_threshold,
            "breaker_cooldown_seconds": provider.breaker_cooldown_seconds,
            "extra_headers": "\n".join(f"{k}: {v}" for k, v in (provider.extra_headers or {}).items()),
            "is_enabled": provider.is_enabled,
        }

    def clean_api_key_file(self) -> str:
        value = str(self.cleaned_data.get("api_key_file") or "").strip()
        if value and _looks_like_a_secret(value):
            # The page showing this error must not echo the key back into the field.
            data = QueryDict(mutable=True)
            data.update(self.data)
            data[self.add_prefix("api_key_file")] = ""
            self.data = data
            raise ValidationError(
                "This looks like an API key, not a file path. Put the key in a file on the server "
                "(readable by the appliance only) and enter that file's path. The key was not saved."
            )
        return value

    def clean_extra_headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        for number, line in enumerate(str(self.cleaned_data.get("extra_headers") or "").splitlines(), 1):
            if not line.strip():
                continue
            name, colon, value = line.partition(":")
            if not colon or not name.strip():
                raise ValidationError(f"Line {number}: write a header as Name: value.")
            headers[name.strip()] = value.strip()
        return headers


class ExternalModelForm(forms.Form):
    name = forms.CharField(
        label="Model name in Airlock",
        max_length=128,
        help_text='What applications send in "model", e.g. gpt-4o-mini or claude-haiku.',
    )
    provider = forms.ModelChoiceField(
        label="Provider", queryset=Provider.objects.order_by("name"), to_field_name="name"
    )
    remote_name = forms.CharField(
        label="The provider's model name", max_length=256, help_text="e.g. gpt-4o-mini-2024-07-18."
    )
    description = forms.CharField(label="Description", required=False, max_length=500)


# --- Egress: policies ---

ACTION_CHOICES = list(EgressPolicy.Action.choices)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class EgressPolicyForm(forms.Form):
    """The global egress policy, or one application's (``is_global=False``).

    The entity actions are one select per known type (``action_<TYPE>``), built from the types
    the detector knows plus those of custom patterns.
    """

    enabled = forms.BooleanField(label="Allow egress", required=False)
    providers_mode = forms.ChoiceField(label="Which providers", widget=forms.RadioSelect)
    providers = forms.MultipleChoiceField(
        label="Allowed providers", required=False, widget=forms.CheckboxSelectMultiple
    )
    entities_mode = forms.ChoiceField(label="Which types", widget=forms.RadioSelect)
    entities = forms.MultipleChoiceField(
        label="Entity types to detect", required=False, widget=forms.CheckboxSelectMultiple
    )
    default_action = forms.ChoiceField(label="Action for types not listed below", required=False)
    threshold = forms.FloatField(
        label="Detection threshold",
        required=False,
        min_value=0,
        max_value=1,
        widget=_number_input("0.05", max="1"),
    )
    deny_terms = forms.CharField(
        label="Deny terms",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text="One per line: always protected (type DENY_LIST), as whole words — project code names, "
        "customer names.",
    )
    allow_terms = forms.CharField(
        label="Allow terms",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text="One per line: never protected, e.g. your company's own name.",
    )

    def __init__(
        self,
        *args: Any,
        is_global: bool,
        providers: Sequence[str],
        entity_types: Sequence[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.is_global = is_global
        self.entity_types = list(entity_types)
        inherit = [] if is_global else [("inherit", "As the global policy")]
        _choices(
            self,
            "providers_mode",
            [
                *inherit,
                ("all", "Every registered provider"),
                ("selected", "Only the providers ticked below"),
            ],
        )
        _choices(self, "providers", [(p, p) for p in providers])
        _choices(
            self,
            "entities_mode",
            [
                *([] if is_global else [("inherit", "As the global policy (adds no type)")]),
                ("all", "Every type the detector knows"),
                (
                    "selected",
                    "Only the types ticked below" + ("" if is_global else ", in addition to the global ones"),
                ),
            ],
        )
        _choices(self, "entities", [(t, t) for t in self.entity_types])
        actions = [(value, label) for value, label in ACTION_CHOICES]
        if is_global:
            _choices(self, "default_action", actions)
            self.fields["threshold"].help_text = "0 to 1: a finding scored below it is ignored. Empty: 0.5."
            self.fields["enabled"].help_text = (
                "The appliance-wide switch. Requests leave only when this and the application's own "
                "switch are both on, to a provider allowed by both policies, and always through redaction."
            )
        else:
            _choices(self, "default_action", [("", "As the global policy"), *actions])
            self.fields[
                "threshold"
            ].help_text = (
                "0 to 1; the lower of this and the global threshold applies. Empty: as the global policy."
            )
            self.fields["enabled"].help_text = (
                "Lets this application's requests to external models leave (if the global switch is on too), "
                "after redaction."
            )
        default_label = "Default" if is_global else "As the global policy"
        for entity in self.entity_types:
            self.fields[f"action_{entity}"] = forms.ChoiceField(
                label=f"Action for {entity}", required=False, choices=[("", default_label), *actions]
            )

    @classmethod
    def initial_of(cls, data: dict[str, Any]) -> dict[str, Any]:
        """From ``redaction.services.policy_dict``."""

        def mode(values: list[str] | None) -> str:
            if values is None:
                return "inherit"
            return "all" if "*" in values else "selected"

        initial: dict[str, Any] = {
            "enabled": data["enabled"],
            "providers_mode": mode(data["allowed_providers"]),
            "providers": [p for p in data["allowed_providers"] or [] if p != "*"],
            "entities_mode": mode(data["entities"]),
            "entities": [e for e in data["entities"] or [] if e != "*"],
            "default_action": data["default_action"],
            "threshold": data["threshold"],
            "deny_terms": "\n".join(data["deny_terms"]),
            "allow_terms": "\n".join(data["allow_terms"]),
        }
        for entity, action in data["entity_actions"].items():
            initial[f"action_{entity}"] = action
        return initial

    def action_fields(self) -> list[tuple[str, forms.BoundField]]:
        return [(entity, self[f"action_{entity}"]) for entity in self.entity_types]

    def changes(self) -> dict[str, Any]:
        """The policy as ``do_set_egress_policy`` takes it (every field but ``patterns``)."""
        data = self.cleaned_data

        def listed(mode: str, chosen: list[str]) -> list[str] | None:
            if mode == "inherit":
                return None
            return ["*"] if mode == "all" else sorted(chosen)

        threshold = data.get("threshold")
        return {
            "enabled": bool(data.get("enabled")),
            "allowed_providers": listed(data["providers_mode"], data.get("providers") or []),
            "entities": listed(data["entities_mode"], data.get("entities") or []),
            "entity_actions": {
                entity: data[f"action_{entity}"]
                for entity in self.entity_types
                if data.get(f"action_{entity}")
            },
            "default_action": data.get("default_action") or "",
            "threshold": None if threshold is None else float(threshold),
            "deny_terms": _lines(data.get("deny_terms") or ""),
            "allow_terms": _lines(data.get("allow_terms") or ""),
        }


class PatternForm(forms.Form):
    """One custom regex recogniser; a row left empty is ignored."""

    name = forms.CharField(label="Name", required=False, max_length=64)
    entity_type = forms.CharField(label="Entity type", required=False, max_length=48)
    regex = forms.CharField(
        label="Regular expression",
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"class": "mono", "spellcheck": "false"}),
    )
    score = forms.FloatField(
        label="Score", required=False, min_value=0.01, max_value=1, widget=_number_input("0.05", max="1")
    )

    def pattern(self) -> dict[str, Any] | None:
        data = getattr(self, "cleaned_data", {}) or {}
        if data.get("DELETE") or not any(data.get(k) for k in ("name", "entity_type", "regex")):
            return None
        found: dict[str, Any] = {
            "name": (data.get("name") or "").strip(),
            "entity_type": (data.get("entity_type") or "").strip().upper(),
            "regex": data.get("regex") or "",
        }
        if data.get("score") is not None:
            found["score"] = float(data["score"])
        return found


PatternFormSet = formset_factory(PatternForm, extra=2, can_delete=True, max_num=100)


def patterns_of(formset: Any) -> list[dict[str, Any]]:
    return [p for form in formset.forms if (p := form.pattern()) is not None]


class PreviewForm(forms.Form):
    text = forms.CharField(
        label="Text to send",
        max_length=MAX_PREVIEW_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="Pasted text is analysed and shown back to you only: the audit log records that a "
        "preview was made and what was found (counts), never the text.",
    )
    application = forms.ModelChoiceField(
        label="Application",
        required=False,
        queryset=Application.objects.order_by("name"),
        to_field_name="name",
        empty_label="None: the global policy alone",
    )
    provider = forms.ChoiceField(label="Provider", required=False)

    def __init__(self, *args: Any, providers: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(
            self,
            "provider",
            [
                ("", "Any (do not check the destination)"),
                *[(p, p) for p in providers],
            ],
        )


def priced_models() -> list[str]:
    return list(ModelPrice.objects.order_by("model").values_list("model", flat=True))
