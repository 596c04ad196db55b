"""Models: versions pinned by weight checksums, where they are deployed, backend health.

Administrators only. Registering a version and choosing the default call the same service
functions as ``airlock models add`` (``inference.services``), so both are audited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from appliance.roles import Role
from console.access import require_role
from console.forms import ModelVersionForm
from console.views import canaries
from console.views.common import confirm
from inference import services
from inference.models import Application, Deployment, Model, ModelVersion
from quality import promotion

ADMINS = (Role.ADMINISTRATOR,)


def _health(deployment: Deployment) -> tuple[str, str]:
    """(badge class, words) for a deployment's state as routing sees it."""
    if deployment.weights_problem:
        # Taken out of routing by a weights check (inference/weights.py): the files changed.
        return "badge-bad", "weights changed: out of routing"
    if not deployment.is_active:
        return "badge-muted", "removed"
    if deployment.draining_since is not None:
        # No new requests; running ones finish (inference.backend_ops).
        return "badge-warn", "draining"
    backend = deployment.backend
    if not backend.is_healthy:
        return "badge-bad", "unhealthy"
    if backend.last_checked_at is None:
        return "badge-muted", "not checked yet"
    return "badge-ok", "healthy"


def _deployments(queryset: Any) -> list[dict[str, Any]]:
    rows = []
    for deployment in queryset:
        badge, words = _health(deployment)
        rows.append({"d": deployment, "badge": badge, "health": words})
    return rows


@require_role(*ADMINS)
def model_list(request: HttpRequest) -> HttpResponse:
    active = Deployment.objects.filter(is_active=True).select_related("backend", "model_version")
    models = (
        Model.objects.select_related("default_version")
        .annotate(
            version_count=Count("versions", distinct=True),
            app_count=Count("applications", distinct=True),
        )
        .prefetch_related(Prefetch("versions__deployments", queryset=active))
        .order_by("name")
    )
    rows = []
    for model in models:
        deployments = [d for v in model.versions.all() for d in v.deployments.all()]
        rows.append(
            {
                "model": model,
                "deployments": _deployments(deployments),
                "external": getattr(model, "is_external", False),
            }
        )
    return render(request, "console/models/list.html", {"rows": rows})


def model_detail_context(model: Model) -> dict[str, Any]:
    """What the model's page shows apart from its canary panel (``console.views.canaries``)."""
    versions = model.versions.annotate(
        active_deployments=Count("deployments", filter=Q(deployments__is_active=True))
    ).order_by("-created_at")
    deployments = (
        Deployment.objects.filter(model_version__model=model)
        .select_related("backend", "model_version")
        .order_by("-is_active", "backend__name")
    )
    context = {
        "model": model,
        "versions": versions,
        "deployments": _deployments(deployments),
        "applications": Application.objects.filter(allowed_models=model).order_by("name"),
        "external": getattr(model, "is_external", False),
    }
    return context


@require_role(*ADMINS)
def model_detail(request: HttpRequest, name: str) -> HttpResponse:
    model = get_object_or_404(Model.objects.select_related("default_version"), name=name)
    context = model_detail_context(model)
    context.update(canaries.canary_panel(model))
    context["golden_set"] = promotion.golden_set_of(model.name)
    return render(request, "console/models/detail.html", context)


@require_role(*ADMINS)
def model_add(request: HttpRequest) -> HttpResponse:
    initial = {"name": request.GET.get("name", ""), "make_default": True}
    form = ModelVersionForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            mv = services.do_register_model_version(
                data["name"],
                Path(data["path"]),
                actor=request.user,  # type: ignore[arg-type]
                version=data["version"] or None,
                engine_args=data["engine_args"],
                source=data["source"],
                make_default=data["make_default"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except (FileNotFoundError, ValueError, PermissionError) as exc:
            form.add_error("path", str(exc))
        else:
            messages.success(
                request, f"Registered {mv.model.name} version {mv.version} ({mv.manifest_sha256[:12]}…)."
            )
            return redirect("console:model_detail", name=mv.model.name)
    status = 400 if form.is_bound else 200
    return render(request, "console/models/add.html", {"form": form}, status=status)


@require_role(*ADMINS)
def model_set_default(request: HttpRequest, name: str, pk: int) -> HttpResponseBase:
    mv = get_object_or_404(ModelVersion.objects.select_related("model"), model__name=name, pk=pk)
    version = mv.version
    detail = reverse("console:model_detail", kwargs={"name": name})

    def perform() -> HttpResponseBase:
        force = request.POST.get("force") == "yes"
        services.do_set_default_version(mv, actor=request.user, force=force)  # type: ignore[arg-type]
        messages.success(request, f"{name} version {version} is now the default.")
        return redirect(detail)

    current = mv.model.default_version
    return confirm(
        request,
        title=f"Make {name} {version} the default",
        question=f"Make version {version} the default of {name}?",
        message="The default version is what `airlock vllm serve` starts and `airlock backends deploy` "
        "deploys, and where the model's requests go (unless a route says otherwise): to its "
        "deployments first, the other versions' only as fall-backs. Deploy it before making it the default.",
        confirm_label="Make default",
        cancel_url=detail,
        perform=perform,
        danger=False,
        details=[
            ("Current default", current.version if current else "none"),
            ("New default", version),
            ("Weights (SHA-256 manifest)", mv.manifest_sha256),
            ("Golden-set check", promotion.check(mv).note),
        ],
        override_label="Make it the default anyway (an administrator's override; audited)",
    )
