"""Routes: how requests for one model name are spread, and where they fall back (issue 13).

The one path for changing a route; the management API (``inference.route_api``) and any
console page call these. Each change is validated, made atomically, audited in the same
transaction (old and new values), and bumps the gateway epoch on commit so every worker
re-reads its routing table (``inference.routing``) before its next request.

Targets are given by name, as an administrator writes them:

- ``local``: a version of a local model (``model`` defaults to the route's own model);
- ``external``: an external model (one with a provider), reached through redaction;
- ``complexity``: the route's ``light_model`` or ``heavy_model``, by the classifier's score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event
from audit.log import record
from inference import epoch
from inference.models import Model, ModelVersion, Route, RouteTarget

Actor = User | None

MAX_TARGETS = 32


@dataclass(frozen=True)
class TargetSpec:
    """One weighted share, by name: local (``model``@``version``), external (``model``) or complexity."""

    kind: str
    weight: int
    model: str | None = None
    version: str | None = None


@dataclass(frozen=True)
class RouteSpec:
    """Everything a route says; names, not rows, so every caller validates the same way."""

    targets: Sequence[TargetSpec]
    stickiness: str = Route.Stickiness.NONE
    session_header: str = "x-airlock-session"
    fallback_model: str | None = None
    allow_external_fallback: bool = False
    light_model: str | None = None
    heavy_model: str | None = None
    complexity_threshold: float = 0.5
    # Degraded mode: an external model (no version) or a local model's version.
    degraded_model: str | None = None
    degraded_version: str | None = None


def _model(name: str, what: str) -> Model:
    found = Model.objects.filter(name=name).first()
    if found is None:
        raise ValidationError({what: [f"There is no model named {name!r}."]})
    return found


def _external(name: str | None, what: str) -> Model | None:
    if not name:
        return None
    model = _model(name, what)
    if not model.is_external:
        raise ValidationError(
            {what: [f"{name!r} is a local model; a fallback must be an external model (with a provider)."]}
        )
    return model


def _resolve(route_model: Model, spec: TargetSpec, index: int) -> tuple[ModelVersion | None, Model | None]:
    where = f"targets[{index}]"
    if spec.weight < 1:
        raise ValidationError({where: ["A target's weight must be at least 1."]})
    if spec.kind == RouteTarget.Kind.LOCAL:
        model = route_model if not spec.model else _model(spec.model, where)
        if model.is_external:
            raise ValidationError({where: [f"{model.name!r} is external; use a target of kind 'external'."]})
        if not spec.version:
            raise ValidationError({where: ["A local target names a version of the model."]})
        mv = ModelVersion.objects.filter(model=model, version=spec.version).first()
        if mv is None:
            raise ValidationError({where: [f"The model {model.name!r} has no version {spec.version!r}."]})
        return mv, None
    if spec.kind == RouteTarget.Kind.EXTERNAL:
        if not spec.model:
            raise ValidationError({where: ["An external target names an external model."]})
        return None, _external(spec.model, where)
    if spec.kind == RouteTarget.Kind.COMPLEXITY:
        if spec.model or spec.version:
            raise ValidationError(
                {where: ["A complexity target names no model: it uses the route's light and heavy models."]}
            )
        return None, None
    raise ValidationError({where: [f"Unknown target kind {spec.kind!r}: local, external or complexity."]})


def _validated(model: Model, spec: RouteSpec) -> dict[str, Any]:
    if model.is_external:
        raise ValidationError(
            {"model": [f"{model.name!r} is an external model; routes are for local model names."]}
        )
    if not spec.targets:
        raise ValidationError({"targets": ["A route needs at least one target."]})
    if len(spec.targets) > MAX_TARGETS:
        raise ValidationError({"targets": [f"A route has at most {MAX_TARGETS} targets."]})
    if spec.stickiness not in Route.Stickiness.values:
        raise ValidationError({"stickiness": [f"One of {', '.join(Route.Stickiness.values)}."]})
    header = spec.session_header.strip().lower()
    if spec.stickiness == Route.Stickiness.SESSION and not header:
        raise ValidationError({"session_header": ["Session stickiness needs the header's name."]})
    if not 0.0 <= spec.complexity_threshold <= 1.0:
        raise ValidationError({"complexity_threshold": ["Between 0 and 1."]})
    fallback = _external(spec.fallback_model, "fallback_model")
    if spec.allow_external_fallback and fallback is None:
        raise ValidationError(
            {"allow_external_fallback": ["An external fallback needs a fallback_model to fall back to."]}
        )
    light = _model(spec.light_model, "light_model") if spec.light_model else None
    heavy = _model(spec.heavy_model, "heavy_model") if spec.heavy_model else None
    for what, chosen in (("light_model", light), ("heavy_model", heavy)):
        if chosen is not None and chosen.pk == model.pk:
            raise ValidationError({what: ["A route cannot send requests to its own name."]})
    kinds = {t.kind for t in spec.targets}
    if RouteTarget.Kind.COMPLEXITY in kinds and (light is None or heavy is None):
        raise ValidationError(
            {"targets": ["A complexity target needs the route's light_model and heavy_model."]}
        )
    resolved = [_resolve(model, target, i) for i, target in enumerate(spec.targets)]
    degraded_model, degraded_version = _degraded_target(model, spec)
    return {
        "header": header or "x-airlock-session",
        "fallback": fallback,
        "light": light,
        "heavy": heavy,
        "resolved": resolved,
        "degraded_model": degraded_model,
        "degraded_version": degraded_version,
    }


def _degraded_target(model: Model, spec: RouteSpec) -> tuple[Model | None, ModelVersion | None]:
    """The degraded-mode target: an external model, or a local version other than what went wrong."""
    if not spec.degraded_model:
        if spec.degraded_version:
            raise ValidationError({"degraded_version": ["Name the degraded_model whose version it is."]})
        return None, None
    target = _model(spec.degraded_model, "degraded_model")
    if target.is_external:
        if spec.degraded_version:
            raise ValidationError({"degraded_version": ["An external model has no versions here."]})
        return target, None
    if target.pk == model.pk and not spec.degraded_version:
        raise ValidationError({"degraded_model": ["A route cannot degrade to its own name."]})
    if not spec.degraded_version:
        raise ValidationError({"degraded_version": ["A local degraded-mode target names a version."]})
    mv = ModelVersion.objects.filter(model=target, version=spec.degraded_version).first()
    if mv is None:
        raise ValidationError(
            {"degraded_version": [f"The model {target.name!r} has no version {spec.degraded_version!r}."]}
        )
    return target, mv


def describe(route: Route | None) -> dict[str, Any] | None:
    """A route as the audit record, the API and the console show it (names, not ids)."""
    if route is None:
        return None
    return {
        "stickiness": route.stickiness,
        "session_header": route.session_header,
        "fallback_model": route.fallback_model.name if route.fallback_model else None,
        "allow_external_fallback": route.allow_external_fallback,
        "light_model": route.light_model.name if route.light_model else None,
        "heavy_model": route.heavy_model.name if route.heavy_model else None,
        "complexity_threshold": route.complexity_threshold,
        "degraded_model": route.degraded_model.name if route.degraded_model else None,
        "degraded_version": route.degraded_version.version if route.degraded_version else None,
        "degraded_since": route.degraded_since.isoformat() if route.degraded_since else None,
        "degraded_reason": route.degraded_reason,
        "targets": [
            {
                "kind": t.kind,
                "model": (
                    t.model_version.model.name
                    if t.model_version is not None
                    else (t.external_model.name if t.external_model is not None else None)
                ),
                "version": t.model_version.version if t.model_version is not None else None,
                "weight": t.weight,
            }
            for t in route.targets.select_related("model_version__model", "external_model").order_by(
                "position", "pk"
            )
        ],
    }


def route_of(model: Model) -> Route | None:
    return (
        Route.objects.select_related(
            "model", "fallback_model", "light_model", "heavy_model", "degraded_model", "degraded_version"
        )
        .filter(model=model)
        .first()
    )


def do_set_route(model: Model, spec: RouteSpec, *, actor: Actor = None) -> Route:
    """Create or replace ``model``'s route; raises ``ValidationError`` naming the field at fault."""
    with transaction.atomic():
        model = Model.objects.select_for_update().get(pk=model.pk)
        checked = _validated(model, spec)
        existing = route_of(model)
        old = describe(existing)
        route = existing or Route(model=model)
        route.stickiness = spec.stickiness
        route.session_header = checked["header"]
        route.fallback_model = checked["fallback"]
        route.allow_external_fallback = spec.allow_external_fallback
        route.light_model = checked["light"]
        route.heavy_model = checked["heavy"]
        route.complexity_threshold = spec.complexity_threshold
        route.degraded_model = checked["degraded_model"]
        route.degraded_version = checked["degraded_version"]
        if route.degraded_model is None:
            # No target left to degrade to: the route serves normally again.
            route.degraded_since, route.degraded_reason = None, ""
        route.updated_at = timezone.now()
        route.save()
        route.targets.all().delete()
        RouteTarget.objects.bulk_create(
            RouteTarget(
                route=route,
                kind=target.kind,
                model_version=mv,
                external_model=external,
                weight=target.weight,
                position=position,
            )
            for position, (target, (mv, external)) in enumerate(
                zip(spec.targets, checked["resolved"], strict=True)
            )
        )
        record(
            Event.ROUTE_SET,
            actor=actor,
            target=("model", model.name),
            meta={"old": old, "new": describe(route)},
        )
        transaction.on_commit(epoch.bump)
    return route


def do_delete_route(model: Model, *, actor: Actor = None) -> bool:
    """Remove ``model``'s route (it routes to its default version again); False if it had none."""
    with transaction.atomic():
        model = Model.objects.select_for_update().get(pk=model.pk)
        existing = route_of(model)
        if existing is None:
            return False
        old = describe(existing)
        existing.delete()
        record(Event.ROUTE_DELETED, actor=actor, target=("model", model.name), meta={"old": old})
        transaction.on_commit(epoch.bump)
    return True


def do_enter_degraded_mode(route: Route, *, signal: str, reason: str, actor: Actor = None) -> bool:
    """Move all of ``route``'s traffic to its degraded-mode target; False if it has none or is already there.

    Called by the alerts of ``quality`` (validation ejection, drift) with no actor; the route stays
    degraded until an administrator clears it (``do_clear_degraded_mode``), never by itself: a model
    that failed once is not trusted again because an alert went quiet.
    """
    with transaction.atomic():
        current = Route.objects.select_for_update().select_related("model").get(pk=route.pk)
        if current.degraded_model_id is None or current.degraded_since is not None:
            return False
        current.degraded_since = timezone.now()
        current.degraded_reason = f"{signal}: {reason}"[:300]
        current.save(update_fields=["degraded_since", "degraded_reason"])
        target = route_of(current.model)
        record(
            Event.ROUTE_DEGRADED,
            actor=actor,
            target=("model", current.model.name),
            meta={
                "signal": signal,
                "reason": reason,
                "degraded_model": target.degraded_model.name if target and target.degraded_model else None,
                "degraded_version": (
                    target.degraded_version.version if target and target.degraded_version else None
                ),
            },
        )
        transaction.on_commit(epoch.bump)
    return True


def do_clear_degraded_mode(model: Model, *, actor: Actor) -> bool:
    """An administrator's word that the model is well again: its route serves normally.

    False if the route was not degraded.
    """
    with transaction.atomic():
        current = Route.objects.select_for_update().filter(model=model).first()
        if current is None or current.degraded_since is None:
            return False
        since, reason = current.degraded_since, current.degraded_reason
        current.degraded_since, current.degraded_reason = None, ""
        current.save(update_fields=["degraded_since", "degraded_reason"])
        record(
            Event.ROUTE_RESTORED,
            actor=actor,
            target=("model", model.name),
            meta={"degraded_since": since.isoformat(), "reason": reason},
        )
        transaction.on_commit(epoch.bump)
    return True
