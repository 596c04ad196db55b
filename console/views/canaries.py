"""The canary panel of a model's page: start, compare, promote, roll back, and the history.

Administrators only. Every change goes through ``inference.canary`` (audited there); this
module only parses forms and lays the comparison out for the template.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from appliance.roles import Role
from console.access import require_role
from console.release_forms import CanaryStartForm, RollbackForm
from console.views.common import confirm
from inference import canary as canaries
from inference.canary import Comparison, Estimate
from inference.models import Canary, Model
from quality import promotion

ADMINS = (Role.ADMINISTRATOR,)
HISTORY = 20
NONE = "\u2013"  # an en dash: no figure


def _ms(value: float | None) -> str:
    return NONE if value is None else f"{value:,.0f} ms"


def _rate(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f} %"


def _tps(value: float | None) -> str:
    return NONE if value is None else f"{value:,.1f}"


def _score(value: float | None) -> str:
    return NONE if value is None else f"{value:.2f}"


def _cell(estimate: Estimate, fmt: Any) -> dict[str, str]:
    """A figure and its 95 % interval, as text (NONE for a side the sample cannot bound)."""
    if estimate.value is None:
        return {"value": NONE, "ci": "no data"}
    low = fmt(estimate.low) if estimate.low is not None else NONE
    high = fmt(estimate.high) if estimate.high is not None else "∞"
    return {"value": fmt(estimate.value), "ci": f"{low} … {high}"}


def comparison_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """Baseline and canary side by side, one row per figure."""
    base, cand = comparison.baseline, comparison.candidate
    rows: list[dict[str, Any]] = [
        {
            "key": "requests",
            "label": "Requests",
            "baseline": {"value": f"{base.requests:,}", "ci": ""},
            "candidate": {"value": f"{cand.requests:,}", "ci": ""},
        },
        {
            "key": "error_rate",
            "label": "Error rate (5xx)",
            "baseline": {**_cell(base.error_rate, _rate), "detail": f"{base.errors}/{base.requests}"},
            "candidate": {**_cell(cand.error_rate, _rate), "detail": f"{cand.errors}/{cand.requests}"},
        },
    ]
    for key, label, fmt in (
        ("ttft_p50_ms", "Time to first token p50", _ms),
        ("ttft_p95_ms", "Time to first token p95", _ms),
        ("latency_p50_ms", "Latency p50", _ms),
        ("latency_p95_ms", "Latency p95", _ms),
        ("tokens_per_second", "Tokens/s (mean per request)", _tps),
    ):
        rows.append(
            {
                "key": key,
                "label": label,
                "baseline": _cell(getattr(base, key), fmt),
                "candidate": _cell(getattr(cand, key), fmt),
            }
        )
    rows.append(
        {
            "key": "judge_score",
            "label": "Judge score (mean, 1\u20135)",
            "baseline": {**_cell(base.judge_score, _score), "detail": f"{base.judge_score.n} judged"},
            "candidate": {**_cell(cand.judge_score, _score), "detail": f"{cand.judge_score.n} judged"},
        }
    )
    return rows


def canary_panel(model: Model, *, form: CanaryStartForm | None = None) -> dict[str, Any]:
    """What the model page's canary panel shows."""
    running = canaries.running_canary(model)
    context: dict[str, Any] = {"canary_running": running, "canary_rows": [], "canary_regression": None}
    if running is not None:
        comparison = canaries.compare(running)
        context["canary_comparison"] = comparison
        context["canary_rows"] = comparison_rows(comparison)
        context["canary_regression"] = canaries.regression(running, comparison)
    elif not model.is_external:
        context["canary_form"] = form or CanaryStartForm(model=model)
    context["canary_history"] = list(
        Canary.objects.filter(model=model)
        .exclude(state=Canary.State.RUNNING)
        .select_related("baseline", "candidate", "started_by", "ended_by")
        .order_by("-started_at")[:HISTORY]
    )
    return context


def _model(name: str) -> Model:
    return get_object_or_404(Model.objects.select_related("default_version"), name=name)


@require_role(*ADMINS)
@require_POST
def canary_start(request: HttpRequest, name: str) -> HttpResponseBase:
    model = _model(name)
    form = CanaryStartForm(request.POST, model=model)
    if form.is_valid():
        data = form.cleaned_data
        try:
            started = canaries.do_start_canary(
                model,
                data["candidate"],
                data["percent"],
                actor=request.user,  # type: ignore[arg-type]
                min_requests=data["min_requests"],
                max_error_ratio=data["max_error_ratio"],
                max_p95_ratio=data["max_p95_ratio"],
                min_judged=data["min_judged"],
                max_judge_drop=data["max_judge_drop"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"Canary started: {started.percent} % of {name}'s requests go to version "
                f"{started.candidate.version}.",
            )
            return redirect("console:model_detail", name=name)
    # Shown again on the model's page, with the form's errors.
    from console.views.registry import model_detail_context

    context = model_detail_context(model)
    context.update(canary_panel(model, form=form))
    return render(request, "console/models/detail.html", context, status=400)


def _canary(name: str, pk: int) -> Canary:
    return get_object_or_404(
        Canary.objects.select_related("model", "baseline", "candidate"), model__name=name, pk=pk
    )


@require_role(*ADMINS)
def canary_promote(request: HttpRequest, name: str, pk: int) -> HttpResponseBase:
    canary = _canary(name, pk)
    detail = reverse("console:model_detail", kwargs={"name": name})

    def perform() -> HttpResponseBase:
        force = request.POST.get("force") == "yes"
        canaries.do_promote(canary, actor=request.user, force=force)  # type: ignore[arg-type]
        messages.success(request, f"{name} version {canary.candidate.version} is now the default version.")
        return redirect(detail)

    comparison = canaries.compare(canary)
    return confirm(
        request,
        title=f"Promote {name} {canary.candidate.version}",
        question=f"Make version {canary.candidate.version} the default of {name}?",
        message="All of the model's traffic will go to the candidate; the canary ends as promoted.",
        confirm_label="Promote",
        cancel_url=detail,
        perform=perform,
        danger=False,
        details=[
            ("Baseline", f"{canary.baseline.version}: {comparison.baseline.requests} requests, "
             f"{_rate(comparison.baseline.error_rate.value)} errors"),
            ("Candidate", f"{canary.candidate.version}: {comparison.candidate.requests} requests, "
             f"{_rate(comparison.candidate.error_rate.value)} errors"),
            ("Golden-set check", promotion.check(canary.candidate).note),
        ],
        override_label="Promote anyway (an administrator's override; audited)",
    )  # fmt: skip


@require_role(*ADMINS)
def canary_rollback(request: HttpRequest, name: str, pk: int) -> HttpResponse:
    canary = _canary(name, pk)
    form = RollbackForm(request.POST if request.method == "POST" else None)
    error = ""
    if form.is_valid():
        try:
            canaries.do_rollback(
                canary,
                actor=request.user,  # type: ignore[arg-type]
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"Canary of {name} {canary.candidate.version} rolled back.")
            return redirect("console:model_detail", name=name)
    status = 400 if form.is_bound else 200
    context = {"canary": canary, "form": form, "error": error}
    return render(request, "console/models/canary_rollback.html", context, status=status)
