"""Routes: how the requests for a model name are spread (issue 13), edited by administrators.

The page parses the form and calls ``inference.routes.do_set_route`` / ``do_delete_route``,
the same functions as the management API (``/api/routes/``); they validate and audit.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from appliance.roles import Role
from console.access import require_role
from console.release_forms import RouteForm, RouteTargetFormSet
from console.views.common import confirm
from inference import routes
from inference.models import Model, ModelVersion, Route, RouteTarget

ADMINS = (Role.ADMINISTRATOR,)


@require_role(*ADMINS)
def route_list(request: HttpRequest) -> HttpResponse:
    targets = RouteTarget.objects.select_related("model_version__model", "external_model").order_by(
        "position", "pk"
    )
    found = (
        Model.objects.filter(provider__isnull=True)
        .select_related(
            "default_version", "route__fallback_model", "route__light_model", "route__heavy_model"
        )
        .prefetch_related(Prefetch("route__targets", queryset=targets))
        .order_by("name")
    )
    rows = []
    for model in found:
        route = getattr(model, "route", None)
        rows.append({"model": model, "route": route, "targets": list(route.targets.all()) if route else []})
    return render(request, "console/routes/list.html", {"rows": rows})


def _initial(route: Route | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if route is None:
        return {}, []
    initial = {
        "stickiness": route.stickiness,
        "session_header": route.session_header,
        "fallback_model": route.fallback_model,
        "allow_external_fallback": route.allow_external_fallback,
        "light_model": route.light_model,
        "heavy_model": route.heavy_model,
        "complexity_threshold": route.complexity_threshold,
        "degraded_target": RouteForm.degraded_value(route),
    }
    targets = [
        {
            "kind": t.kind,
            "model_version": t.model_version,
            "external_model": t.external_model,
            "weight": t.weight,
        }
        for t in route.targets.select_related("model_version__model", "external_model").order_by(
            "position", "pk"
        )
    ]
    return initial, targets


def _target_spec(data: dict[str, Any]) -> routes.TargetSpec:
    kind = data["kind"]
    version: ModelVersion | None = data.get("model_version")
    external: Model | None = data.get("external_model")
    if kind == RouteTarget.Kind.LOCAL and version is not None:
        return routes.TargetSpec(
            kind=kind, weight=data["weight"], model=version.model.name, version=version.version
        )
    if kind == RouteTarget.Kind.EXTERNAL and external is not None:
        return routes.TargetSpec(kind=kind, weight=data["weight"], model=external.name)
    return routes.TargetSpec(kind=kind, weight=data["weight"])


def _show(form: RouteForm, exc: ValidationError) -> None:
    """The service's refusal on the form: on its field when the form has it, above it otherwise."""
    found = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    for field, errors in found.items():
        if field in ("degraded_model", "degraded_version"):
            form.add_error("degraded_target", errors)
        elif field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, [f"{field}: {error}" if field else error for error in errors])


def _name(model: Model | None) -> str | None:
    return model.name if model is not None else None


@require_role(*ADMINS)
def route_edit(request: HttpRequest, name: str) -> HttpResponse:
    model = get_object_or_404(Model.objects.filter(provider__isnull=True), name=name)
    route = routes.route_of(model)
    initial, target_initial = _initial(route)
    posted = request.POST if request.method == "POST" else None
    form = RouteForm(posted, initial=initial or None, prefix="route")
    targets = RouteTargetFormSet(posted, initial=target_initial, prefix="targets")
    if posted is not None and form.is_valid() and targets.is_valid():
        kept = [
            f.cleaned_data
            for f in targets.forms
            if f.cleaned_data.get("kind") and not f.cleaned_data.get("DELETE")
        ]
        data = form.cleaned_data
        degraded_model, degraded_version = form.degraded()
        spec = routes.RouteSpec(
            targets=[_target_spec(t) for t in kept],
            stickiness=data["stickiness"],
            session_header=data["session_header"],
            fallback_model=_name(data.get("fallback_model")),
            allow_external_fallback=data["allow_external_fallback"],
            light_model=_name(data.get("light_model")),
            heavy_model=_name(data.get("heavy_model")),
            complexity_threshold=data["complexity_threshold"],
            # Set or cleared here as through the API (PUT /api/routes/<model>/): the same service
            # validates and audits it. Clearing it also ends a degraded mode in force.
            degraded_model=degraded_model,
            degraded_version=degraded_version,
        )
        try:
            routes.do_set_route(model, spec, actor=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            _show(form, exc)
        else:
            messages.success(request, f"The route of {name} is saved.")
            return redirect("console:route_edit", name=name)
    context = {"model": model, "route": route, "form": form, "targets": targets}
    return render(request, "console/routes/edit.html", context, status=400 if posted is not None else 200)


@require_role(*ADMINS)
def route_delete(request: HttpRequest, name: str) -> HttpResponseBase:
    model = get_object_or_404(Model.objects.filter(provider__isnull=True), name=name)
    back = reverse("console:route_edit", kwargs={"name": name})

    def perform() -> HttpResponseBase:
        routes.do_delete_route(model, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"{name} has no route now: its requests go to its default version.")
        return redirect("console:routes")

    return confirm(
        request,
        title=f"Remove the route of {name}",
        question=f"Remove the route of {name}?",
        message="Without a route, every request for the model goes to its default version's deployments "
        "(the others are fall-backs).",
        confirm_label="Remove the route",
        cancel_url=back,
        perform=perform,
    )


@require_role(*ADMINS)
def route_restore(request: HttpRequest, name: str) -> HttpResponseBase:
    """Clear a route's degraded mode (set by a drift or validation alert): traffic returns."""
    model = get_object_or_404(Model.objects.filter(provider__isnull=True), name=name)

    def perform() -> HttpResponseBase:
        if routes.do_clear_degraded_mode(model, actor=request.user):  # type: ignore[arg-type]
            messages.success(request, f"The route of {name} serves its own targets again.")
        return redirect("console:routes")

    route = routes.route_of(model)
    return confirm(
        request,
        title=f"Restore the route of {name}",
        question=f"Send {name}'s traffic back to its own targets?",
        message="An alert moved this route to its degraded-mode target"
        + (f" ({route.degraded_reason})" if route and route.degraded_reason else "")
        + ". Restore it once the model is known to be well again.",
        confirm_label="Restore the route",
        cancel_url=reverse("console:routes"),
        perform=perform,
        danger=False,
    )
