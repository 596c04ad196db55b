"""Forms of the release pages: canaries on a model's page, and a model's route.

They parse and validate input only; ``inference.canary`` and ``inference.routes`` check again
(the API reaches them without these forms).
"""

from __future__ import annotations

from typing import Any

from django import forms

from inference import canary
from inference.models import Model, ModelVersion, Route, RouteTarget


class VersionChoice(forms.ModelChoiceField):
    """A model version, shown as ``version`` (or ``model@version`` with ``with_model``)."""

    def __init__(self, *args: Any, with_model: bool = False, **kwargs: Any) -> None:
        self.with_model = with_model
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.model.name}@{obj.version}" if self.with_model else str(obj.version)


class CanaryStartForm(forms.Form):
    """Try a version on a share of the model's traffic, against the default version."""

    candidate = VersionChoice(
        queryset=ModelVersion.objects.none(),
        label="Version to try",
        help_text="Only versions with an active deployment can take traffic.",
    )
    percent = forms.IntegerField(
        label="Share of the traffic (%)",
        min_value=canary.PERCENT_RANGE[0],
        max_value=canary.PERCENT_RANGE[1],
        initial=10,
    )
    min_requests = forms.IntegerField(
        label="Minimum sample (requests)",
        min_value=1,
        max_value=canary.MAX_MIN_REQUESTS,
        initial=200,
        help_text="The automatic rollback judges the canary only after this many requests.",
    )
    max_error_ratio = forms.FloatField(
        label="Roll back when its error rate exceeds (times the baseline's)",
        min_value=1.0,
        initial=2.0,
        help_text=f"The baseline's rate counts as at least {canary.ERROR_RATE_FLOOR:.0%}.",
    )
    max_p95_ratio = forms.FloatField(
        label="Roll back when its p95 latency exceeds (times the baseline's)", min_value=1.0, initial=1.5
    )
    min_judged = forms.IntegerField(
        label="Judge's minimum sample (judged answers of each version)",
        min_value=1,
        max_value=canary.MAX_MIN_REQUESTS,
        initial=canary.DEFAULT_MIN_JUDGED,
        required=False,
        help_text="The judge's scores count only once both versions have this many judged answers.",
    )
    max_judge_drop = forms.FloatField(
        label="Roll back when its judge score is lower by more than (points, 1\u20135 scale)",
        min_value=canary.MAX_JUDGE_DROP_RANGE[0],
        max_value=canary.MAX_JUDGE_DROP_RANGE[1],
        initial=canary.DEFAULT_MAX_JUDGE_DROP,
        required=False,
    )

    def clean_min_judged(self) -> int:
        value = self.cleaned_data.get("min_judged")
        return canary.DEFAULT_MIN_JUDGED if value is None else int(value)

    def clean_max_judge_drop(self) -> float:
        value = self.cleaned_data.get("max_judge_drop")
        return canary.DEFAULT_MAX_JUDGE_DROP if value is None else float(value)

    def __init__(self, *args: Any, model: Model, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["candidate"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        serving = ModelVersion.objects.filter(
            model=model, deployments__is_active=True, deployments__draining_since__isnull=True
        )
        if model.default_version_id is not None:
            serving = serving.exclude(pk=model.default_version_id)
        field.queryset = serving.distinct().order_by("-created_at")


class RollbackForm(forms.Form):
    reason = forms.CharField(
        label="Why roll it back?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the audit log and shown in the canary's history.",
    )


class RouteForm(forms.Form):
    """A model's route, apart from its targets (a formset of ``RouteTargetForm``)."""

    stickiness = forms.ChoiceField(choices=Route.Stickiness.choices)
    session_header = forms.CharField(
        max_length=64, initial="x-airlock-session", help_text="For session stickiness (lower case)."
    )
    fallback_model = forms.ModelChoiceField(
        queryset=Model.objects.filter(provider__isnull=False),
        required=False,
        help_text="An external model tried, through redaction, when no local target answers.",
    )
    allow_external_fallback = forms.BooleanField(required=False, label="Allow the external fallback")
    light_model = forms.ModelChoiceField(
        queryset=Model.objects.all(),
        required=False,
        help_text="Where easy requests of a complexity target go.",
    )
    heavy_model = forms.ModelChoiceField(
        queryset=Model.objects.all(),
        required=False,
        help_text="Where hard requests of a complexity target go.",
    )
    complexity_threshold = forms.FloatField(
        min_value=0.0,
        max_value=1.0,
        initial=0.5,
        help_text="Score at or above which a request counts as heavy.",
    )
    degraded_target = forms.ChoiceField(
        label="Degraded-mode target",
        required=False,
        help_text="Where all of the route's traffic goes while a drift or validation alert holds its local "
        "model unwell, until an administrator restores the route. An external model is reached through "
        "redaction. Empty: the route is never moved.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["degraded_target"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        external = Model.objects.filter(provider__isnull=False).order_by("name")
        local = (
            ModelVersion.objects.filter(model__provider__isnull=True)
            .select_related("model")
            .order_by("model__name", "-created_at")
        )
        field.choices = [
            ("", "(none: never moved)"),
            ("External models", [(f"external:{m.pk}", f"{m.name} (external)") for m in external]),
            ("Local versions", [(f"local:{v.pk}", f"{v.model.name}@{v.version}") for v in local]),
        ]

    def clean_session_header(self) -> str:
        return str(self.cleaned_data["session_header"]).strip().lower()

    def degraded(self) -> tuple[str | None, str | None]:
        """The chosen degraded-mode target as (model name, version or None); (None, None) for none."""
        value = self.cleaned_data.get("degraded_target") or ""
        kind, _, pk = value.partition(":")
        if kind == "external":
            model = Model.objects.filter(pk=pk, provider__isnull=False).first()
            return (model.name, None) if model else (None, None)
        if kind == "local":
            version = ModelVersion.objects.select_related("model").filter(pk=pk).first()
            return (version.model.name, version.version) if version else (None, None)
        return None, None

    @staticmethod
    def degraded_value(route: Route | None) -> str:
        """The form's value for a route's current degraded-mode target."""
        if route is None or route.degraded_model_id is None:
            return ""
        if route.degraded_version_id is not None:
            return f"local:{route.degraded_version_id}"
        return f"external:{route.degraded_model_id}"


class RouteTargetForm(forms.Form):
    """One weighted share: a local version, an external model, or the complexity split."""

    kind = forms.ChoiceField(choices=[("", "(no target)"), *RouteTarget.Kind.choices], required=False)
    model_version = VersionChoice(queryset=ModelVersion.objects.none(), required=False, with_model=True)
    external_model = forms.ModelChoiceField(
        queryset=Model.objects.filter(provider__isnull=False), required=False
    )
    weight = forms.IntegerField(min_value=0, max_value=10_000, initial=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["model_version"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        # Any local model's version: a route may send its name to another model's weights.
        field.queryset = (
            ModelVersion.objects.filter(model__provider__isnull=True)
            .select_related("model")
            .order_by("model__name", "-created_at")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == RouteTarget.Kind.LOCAL and not data.get("model_version"):
            self.add_error("model_version", "A local target names one of the model's versions.")
        if kind == RouteTarget.Kind.EXTERNAL and not data.get("external_model"):
            self.add_error("external_model", "An external target names an external model.")
        return data


RouteTargetFormSet = forms.formset_factory(RouteTargetForm, extra=1, can_delete=True, max_num=20)


class BackendForm(forms.Form):
    """A vLLM server to register (``airlock backends add`` does the same)."""

    name = forms.SlugField(max_length=128, help_text="Letters, digits, - and _, e.g. gpu-1.")
    base_url = forms.URLField(
        label="Address",
        max_length=200,
        assume_scheme="http",
        help_text="e.g. http://10.0.0.5:8000 (without /v1).",
    )


class DeployForm(forms.Form):
    """A model version to serve on a backend (``airlock backends deploy`` does the same)."""

    model_version = VersionChoice(
        queryset=ModelVersion.objects.filter(model__provider__isnull=True)
        .select_related("model")
        .order_by("model__name", "-created_at"),
        label="Model version",
        with_model=True,
    )
    served_name = forms.CharField(
        max_length=128,
        required=False,
        help_text="The name the backend answers to; default: the model's name.",
    )
    weight = forms.IntegerField(min_value=0, max_value=10_000, initial=100)
