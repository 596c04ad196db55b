"""Backends: the health the gateway sees, vLLM's own key figures, deployments and their drains.

Administrators only. The figures come from each backend's ``/metrics`` (``inference.metrics.vllm``:
a short timeout, a few seconds' cache), read in parallel so one slow backend costs the page
at most that timeout. The health history is the backend's last checks (``BackendCheck``);
drains go through ``inference.backend_ops`` (audited there).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from appliance.roles import Role
from console.access import require_role
from console.release_forms import BackendForm, DeployForm
from console.views.common import confirm
from inference import backend_ops, services
from inference.metrics import vllm
from inference.models import Backend, Deployment

HISTORY = 30


@require_role(Role.ADMINISTRATOR)
def backend_health(request: HttpRequest) -> HttpResponse:
    deployments = Deployment.objects.select_related("model_version__model").order_by(
        "-is_active", "model_version__model__name", "-created_at"
    )
    backends = list(
        Backend.objects.annotate(deployment_count=Count("deployments", filter=Q(deployments__is_active=True)))
        .prefetch_related(Prefetch("deployments", queryset=deployments))
        .order_by("name")
    )
    with ThreadPoolExecutor(max_workers=max(1, min(8, len(backends)))) as pool:
        figures = list(pool.map(lambda b: vllm.read(b.base_url), backends))
    rows = [
        {
            "backend": b,
            "figures": f,
            "deployments": list(b.deployments.all()),
            "checks": backend_ops.recent_checks(b, HISTORY),
        }
        for b, f in zip(backends, figures, strict=True)
    ]
    context = {"rows": rows, "drain_timeout": settings.AIRLOCK_DRAIN_TIMEOUT_SECONDS}
    return render(request, "console/backends/health.html", context)


def _deployment(pk: int) -> Deployment:
    return get_object_or_404(Deployment.objects.select_related("backend", "model_version__model"), pk=pk)


@require_role(Role.ADMINISTRATOR)
def deployment_drain(request: HttpRequest, pk: int) -> HttpResponseBase:
    deployment = _deployment(pk)
    back = reverse("console:backends")
    label = f"{deployment.model_version} on {deployment.backend.name}"
    others = (
        Deployment.objects.filter(
            model_version__model=deployment.model_version.model, is_active=True, draining_since__isnull=True
        )
        .exclude(pk=pk)
        .count()
    )

    def perform() -> HttpResponseBase:
        backend_ops.do_drain(deployment, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"Draining {label}: no new requests go there.")
        return redirect(back)

    warning = (
        ""
        if others
        else f" It is the last deployment of {deployment.model_version.model.name} taking requests: "
        "requests for the model will fail (or fall back) until another is deployed."
    )
    return confirm(
        request,
        title=f"Drain {label}",
        question=f"Stop sending new requests to {label}?",
        message="Requests already running there finish; once the backend runs none (or after "
        f"{settings.AIRLOCK_DRAIN_TIMEOUT_SECONDS:.0f} s) the deployment leaves routing." + warning,
        confirm_label="Drain",
        cancel_url=back,
        perform=perform,
        details=[("Other deployments of the model taking requests", others)],
    )


@require_role(Role.ADMINISTRATOR)
def deployment_undrain(request: HttpRequest, pk: int) -> HttpResponseBase:
    deployment = _deployment(pk)
    back = reverse("console:backends")
    label = f"{deployment.model_version} on {deployment.backend.name}"

    def perform() -> HttpResponseBase:
        backend_ops.do_undrain(deployment, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"{label} takes requests again.")
        return redirect(back)

    return confirm(
        request,
        title=f"Stop draining {label}",
        question=f"Send requests to {label} again?",
        message="The drain is called off: the deployment takes new requests again.",
        confirm_label="Stop draining",
        cancel_url=back,
        perform=perform,
        danger=False,
    )


@require_role(Role.ADMINISTRATOR)
def backend_add(request: HttpRequest) -> HttpResponse:
    form = BackendForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        name = form.cleaned_data["name"]
        if Backend.objects.filter(name=name).exists():
            form.add_error("name", f"A backend named {name} exists already.")
        else:
            services.do_register_backend(name, form.cleaned_data["base_url"], actor=request.user)  # type: ignore[arg-type]
            messages.success(request, f"Backend {name} registered; its health is checked every 15 s.")
            return redirect("console:backends")
    status = 400 if form.is_bound else 200
    return render(request, "console/backends/add.html", {"form": form}, status=status)


@require_role(Role.ADMINISTRATOR)
def deployment_add(request: HttpRequest, name: str) -> HttpResponse:
    backend = get_object_or_404(Backend, name=name)
    form = DeployForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        mv = data["model_version"]
        services.do_deploy(
            mv,
            backend,
            actor=request.user,  # type: ignore[arg-type]
            weight=data["weight"],
            served_name=data["served_name"] or None,
        )
        messages.success(request, f"{mv} is deployed on {backend.name}.")
        return redirect("console:backends")
    status = 400 if form.is_bound else 200
    return render(request, "console/backends/deploy.html", {"form": form, "backend": backend}, status=status)
