"""Rerouting: when an alert fires for a local model, its routes move to their degraded-mode target.

Two alerts count: a deployment taken out of routing for repeated invalid answers
(``quality.services``) and a significant drift of the model's live version (``quality.drift``).
Every route that serves the unwell model — the route of its own name, and any route with a
local target on its version — and names a degraded-mode target moves there
(``inference.routes.do_enter_degraded_mode``: audited, every gateway worker follows at its next
request). Traffic returns only when an administrator clears it.
"""

from __future__ import annotations

import logging

from django.db.models import Q

from inference import routes
from inference.models import ModelVersion, Route

log = logging.getLogger("airlock.quality")

VALIDATION = "validation"
DRIFT = "drift"


def routes_serving(version: ModelVersion) -> list[Route]:
    """Routes with a degraded-mode target that send traffic to ``version`` (by name or by target)."""
    found = (
        Route.objects.filter(degraded_model__isnull=False)
        .filter(Q(model_id=version.model_id) | Q(targets__model_version=version))
        .exclude(degraded_version=version)
        .select_related("model")
        .distinct()
    )
    return list(found)


def on_alert(version: ModelVersion, *, signal: str, reason: str) -> list[str]:
    """Degrade every route serving ``version``; the names of the routes that moved now."""
    moved = []
    for route in routes_serving(version):
        if routes.do_enter_degraded_mode(route, signal=signal, reason=reason):
            moved.append(route.model.name)
            log.error("route %s moved to its degraded-mode target (%s: %s)", route.model.name, signal, reason)
    return moved


def on_drift(model_name: str, version: str, reason: str) -> list[str]:
    """A drift alert of ``model_name``; only its live (default) version's drift moves traffic.

    A run against a version not yet promoted says that version must not be promoted, not that
    the traffic of today is in danger.
    """
    from inference.models import Model

    model = Model.objects.filter(name=model_name).select_related("default_version").first()
    if model is None or model.default_version is None:
        return []
    if version and version != model.default_version.version:
        return []
    return on_alert(model.default_version, signal=DRIFT, reason=reason)
