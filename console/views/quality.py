"""Quality pages of the console: a drift run (where the drift banner links), and the golden-set
check of a version before it is promoted (``quality.promotion``)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from appliance.roles import Role
from console.access import require_role
from inference.models import ModelVersion
from quality import drift
from quality.models import DriftRun

ADMINS = (Role.ADMINISTRATOR,)
READERS = (Role.ADMINISTRATOR, Role.REVIEWER)


def _interval(verdict: dict[str, Any]) -> str:
    return f"{float(verdict.get('ci_low', 0.0)):+.1%} to {float(verdict.get('ci_high', 0.0)):+.1%}"


@require_role(*READERS)
def drift_run(request: HttpRequest, pk: int) -> HttpResponse:
    """One drift run: its verdict per score, against which baseline (scores only, no content)."""
    run = get_object_or_404(DriftRun.objects.select_related("golden_set"), pk=pk)
    metrics: list[dict[str, Any]] = []
    for name, verdict in sorted((run.verdict.get("metrics") or {}).items()):
        metrics.append(
            {
                "name": name,
                "drift": bool(verdict.get("drift")),
                "baseline_mean": verdict.get("baseline_mean"),
                "new_mean": verdict.get("new_mean"),
                "change": f"{float(verdict.get('relative_change', 0.0)):+.1%}",
                "interval": _interval(verdict),
                "reason": verdict.get("reason", ""),
            }
        )
    baseline = run.verdict.get("baseline_run")
    context = {
        "run": run,
        "metrics": metrics,
        "means": drift.metric_means(run.scores),
        "baseline": DriftRun.objects.filter(pk=baseline).first() if baseline else None,
        "not_compared": run.verdict.get("not_compared") or {},
        "items": len(run.scores),
    }
    return render(request, "console/quality/run.html", context)


@require_role(*ADMINS)
@require_POST
def version_check(request: HttpRequest, name: str, pk: int) -> HttpResponseBase:
    """Queue the golden-set run of one version (the check a promotion reads)."""
    from quality import tasks

    mv = get_object_or_404(ModelVersion.objects.select_related("model"), model__name=name, pk=pk)
    outcome = tasks.promotion_check.delay(mv.pk)
    if outcome.ready():  # run in process (the embedded profile): its result is known
        messages.info(request, f"Golden-set check of {name} {mv.version}: {outcome.get()}.")
    else:
        messages.info(
            request,
            f"The golden-set check of {name} {mv.version} has started; promote it once it has finished "
            "(its run appears on this page's promotion step).",
        )
    return redirect(reverse("console:model_detail", kwargs={"name": name}))
