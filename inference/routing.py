"""Step 4 of the request path: which backend or provider answers a request for a model name.

The routing table — deployments, routes, canaries, external models — is read from the
database once and kept in memory until the gateway epoch moves (any change of them bumps it
on commit) or its time-to-live ends: no request reads the database to be routed.

``plan`` turns a request into an ordered list of places to try:

- a model with a ``Route`` draws one of its weighted targets (a local version, an external
  model, or a complexity split decided by ``inference.complexity.classify``); with stickiness
  the draw is a hash of the route and the request's ``user`` or session header, so one
  conversation stays on one target; without it, by weight along an evenly spread sequence
  (``spread``), so the split holds closely even over a few thousand requests;
- a model without a route tries its default version's deployments first (by weight), the other
  versions' deployments only as fall-backs — so "Make default" changes where requests go;
- a RUNNING canary takes ``percent`` % of the requests first (sticky by the same key when the
  route is) for its candidate version, ahead of the usual order.

After the chosen target come the route's other local deployments, then — only when the route
allows it — ``fallback_model``'s external target (the caller checks the egress policy, and the
egress path redacts it like any external request). Deployments being drained, on unhealthy
backends, or that refused a connection in the last ``AIRLOCK_BACKEND_RETRY_SECONDS`` get no
new requests.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from inference import database
from inference.hotcache import HotCache
from inference.models import Canary, Deployment, Model, Provider, Route, RouteTarget

log = logging.getLogger("airlock.routing")

# The weight space a sticky key is hashed into; canary shares are drawn in basis points.
_BUCKETS = 10_000


@dataclass(frozen=True)
class Target:
    """One local deployment a request can go to."""

    deployment_id: int
    backend_id: int
    backend_name: str
    base_url: str
    served_name: str
    model_version_id: int
    version: str
    weight: int
    # The model the version belongs to (a route may send one name to another model's version).
    model: str = ""
    # vLLM's --api-key: the file the gateway reads it from (inference.providers.keyfile).
    api_key_file: str = ""

    @property
    def label(self) -> str:
        """What ``x-airlock-served-by`` and the audit record say answered."""
        return f"local:{self.model}@{self.version}/{self.backend_name}"


@dataclass(frozen=True)
class ExternalTarget:
    """An external model: which provider, under which name, with which limits.

    Everything the egress path needs is copied here so that no request reads the database;
    the API key is not, since it is read from ``api_key_file`` when a request is sent.
    """

    model: str
    remote_name: str
    provider_id: int
    provider_name: str
    kind: str
    base_url: str
    api_key_file: str
    region: str
    timeout_seconds: float
    max_retries: int
    breaker_threshold: int
    breaker_cooldown_seconds: float
    extra_headers: tuple[tuple[str, str], ...]
    is_enabled: bool

    @property
    def label(self) -> str:
        return f"external:{self.provider_name}/{self.remote_name}"


@dataclass(frozen=True)
class RouteChoice:
    """One weighted share of a route: ``kind`` local (``version_id``), external (``model``) or complexity."""

    kind: str
    weight: int
    version_id: int | None = None
    model: str | None = None


@dataclass(frozen=True)
class RoutePlan:
    """A ``Route`` as the request path needs it (names and ids only)."""

    route_id: int
    stickiness: str
    session_header: str
    choices: tuple[RouteChoice, ...]
    fallback_model: str | None
    allow_external_fallback: bool
    light_model: str | None
    heavy_model: str | None
    complexity_threshold: float
    # Degraded mode (quality.reroute): while ``degraded``, every request goes to the external
    # ``degraded_external`` or the local version ``degraded_version_id`` instead.
    degraded: bool = False
    degraded_external: str | None = None
    degraded_version_id: int | None = None

    @property
    def total_weight(self) -> int:
        return sum(c.weight for c in self.choices)


@dataclass(frozen=True)
class CanaryPlan:
    canary_id: int
    candidate_version_id: int
    percent: int


@dataclass(frozen=True)
class RouteTable:
    models: frozenset[str]
    # Every routable local deployment of a model, its default version's first.
    targets: dict[str, tuple[Target, ...]]
    external: dict[str, ExternalTarget] = field(default_factory=dict)
    by_version: dict[int, tuple[Target, ...]] = field(default_factory=dict)
    default_version: dict[str, int | None] = field(default_factory=dict)
    routes: dict[str, RoutePlan] = field(default_factory=dict)
    canaries: dict[str, CanaryPlan] = field(default_factory=dict)


@dataclass
class Plan:
    """Where one request goes, in order: ``first`` (an external target) if set, then ``local``,
    then ``fallback`` (external) if the route allows one. ``choice`` says why (for the audit)."""

    local: list[Target]
    first: ExternalTarget | None = None
    fallback: ExternalTarget | None = None
    choice: str = "default"


_cache: HotCache[RouteTable] = HotCache(max_entries=1)
_down_until: dict[int, float] = {}


async def _load() -> RouteTable:
    models = [m async for m in Model.objects.select_related("provider").all()]
    names = frozenset(m.name for m in models)
    default_version = {m.name: m.default_version_id for m in models}
    by_version: dict[int, list[Target]] = {}
    by_model: dict[str, list[Target]] = {}
    # Draining deployments take no new requests; unhealthy backends none at all.
    query = Deployment.objects.filter(
        is_active=True, backend__is_healthy=True, draining_since__isnull=True
    ).select_related("backend", "model_version__model")
    async for dep in query:
        target = Target(
            deployment_id=dep.pk,
            backend_id=dep.backend_id,
            backend_name=dep.backend.name,
            base_url=dep.backend.base_url,
            served_name=dep.served_name,
            model_version_id=dep.model_version_id,
            version=dep.model_version.version,
            weight=dep.weight,
            model=dep.model_version.model.name,
            api_key_file=dep.backend.api_key_file,
        )
        by_version.setdefault(dep.model_version_id, []).append(target)
        by_model.setdefault(target.model, []).append(target)
    targets = {
        name: tuple(sorted(found, key=lambda t: t.model_version_id != default_version.get(t.model)))
        for name, found in by_model.items()
    }
    external = {
        m.name: external_target(m.name, m.remote_name, m.provider) for m in models if m.provider is not None
    }
    routes: dict[str, RoutePlan] = {}
    route_query = Route.objects.select_related(
        "model", "fallback_model", "light_model", "heavy_model", "degraded_model"
    )
    async for route in route_query:
        choices = tuple(
            [
                RouteChoice(
                    kind=t.kind,
                    weight=t.weight,
                    version_id=t.model_version_id,
                    model=t.external_model.name if t.external_model is not None else None,
                )
                async for t in RouteTarget.objects.filter(route=route).select_related("external_model")
            ]
        )
        routes[route.model.name] = RoutePlan(
            route_id=route.pk,
            stickiness=route.stickiness,
            session_header=route.session_header.lower(),
            choices=choices,
            fallback_model=route.fallback_model.name if route.fallback_model else None,
            allow_external_fallback=route.allow_external_fallback,
            light_model=route.light_model.name if route.light_model else None,
            heavy_model=route.heavy_model.name if route.heavy_model else None,
            complexity_threshold=route.complexity_threshold,
            degraded=route.degraded_since is not None and route.degraded_model_id is not None,
            degraded_external=(
                route.degraded_model.name
                if route.degraded_model is not None and route.degraded_model.provider_id is not None
                else None
            ),
            degraded_version_id=route.degraded_version_id,
        )
    canaries = {
        c.model.name: CanaryPlan(c.pk, c.candidate_id, c.percent)
        async for c in Canary.objects.filter(state=Canary.State.RUNNING).select_related("model")
    }
    return RouteTable(
        models=names,
        targets=targets,
        external=external,
        by_version={k: tuple(v) for k, v in by_version.items()},
        default_version=default_version,
        routes=routes,
        canaries=canaries,
    )


def external_target(model: str, remote_name: str, provider: Provider) -> ExternalTarget:
    return ExternalTarget(
        model=model,
        remote_name=remote_name or model,
        provider_id=provider.pk,
        provider_name=provider.name,
        kind=provider.kind,
        base_url=provider.base_url.rstrip("/"),
        api_key_file=provider.api_key_file,
        region=provider.region,
        timeout_seconds=provider.timeout_seconds,
        max_retries=provider.max_retries,
        breaker_threshold=provider.breaker_threshold,
        breaker_cooldown_seconds=provider.breaker_cooldown_seconds,
        extra_headers=tuple(sorted((str(k), str(v)) for k, v in (provider.extra_headers or {}).items())),
        is_enabled=provider.is_enabled,
    )


async def table() -> RouteTable:
    """The routing table; callers authenticate first, which refreshes the caches' epoch."""
    current = _cache.get("table")
    if current is None:
        current = await database.retrying(_load)  # a connection the database closed is replaced
        _cache.put("table", current)
    return current


# --- Drawing a target ---


def sticky_key(route: RoutePlan, body: dict[str, Any], headers: dict[str, str]) -> str | None:
    """The request's stickiness key under ``route``: its ``user``, or its session header."""
    if route.stickiness == Route.Stickiness.USER:
        user = body.get("user")
        return user if isinstance(user, str) and user else None
    if route.stickiness == Route.Stickiness.SESSION:
        return headers.get(route.session_header) or None
    return None


def bucket(salt: str, key: str, size: int) -> int:
    """A deterministic point in ``range(size)`` for ``key``: the same key lands on the same point.

    BLAKE2b rather than ``hash()``: Python salts ``hash`` per process, and every worker of
    every gateway must send a conversation to the same target.
    """
    digest = hashlib.blake2b(f"{salt}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % size


# Successive points of ``frac(start + n * φ)`` (a Weyl sequence) cover [0, 1) far more evenly
# than random draws: over any n draws each share is off by O(log n / n), not O(1/√n). Random
# draws of a 70/30 split miss ±1 point over 10,000 requests about 3 % of the time; this never.
_GOLDEN = (5**0.5 - 1) / 2
_sequence: dict[str, float] = {}


def spread(name: str) -> float:
    """The next point in [0, 1) of ``name``'s low-discrepancy sequence (one per route or canary).

    Each worker starts its sequences at a random point, so workers do not move in step; the
    sum of evenly spread sequences is evenly spread too.
    """
    current = _sequence.get(name)
    if current is None:
        current = random.random()  # noqa: S311 - traffic splitting only
    current = (current + _GOLDEN) % 1.0
    _sequence[name] = current
    return current


def draw(choices: tuple[RouteChoice, ...], point: int) -> RouteChoice:
    """The choice whose share of the cumulative weight holds ``point`` (0 <= point < total)."""
    for choice in choices:
        if point < choice.weight:
            return choice
        point -= choice.weight
    return choices[-1]


def _live(targets: tuple[Target, ...] | list[Target]) -> list[Target]:
    now = time.monotonic()
    return [t for t in targets if _down_until.get(t.backend_id, 0.0) <= now]


def _weighted_order(targets: list[Target]) -> list[Target]:
    """Weighted-random order: the first by weight, then the rest likewise (weight 0 never)."""
    ordered: list[Target] = []
    pool = [t for t in targets if t.weight > 0]
    while pool:
        pick = random.choices(pool, weights=[t.weight for t in pool])[0]  # noqa: S311
        ordered.append(pick)
        pool = [t for t in pool if t is not pick]
    return ordered


def _then(first: list[Target], rest: list[Target]) -> list[Target]:
    seen = {t.deployment_id for t in first}
    return first + [t for t in rest if t.deployment_id not in seen]


def candidates(route_table: RouteTable, model: str) -> list[Target]:
    """A model's local deployments in the order to try them, without a route: the default
    version's by weight, then the other versions' by weight (fall-backs only)."""
    live = _live(route_table.targets.get(model, ()))
    default = route_table.default_version.get(model)
    preferred = [t for t in live if t.model_version_id == default] if default is not None else live
    others = [t for t in live if t not in preferred]
    return _then(_weighted_order(preferred), _weighted_order(others))


def _model_targets(route_table: RouteTable, model: str | None) -> tuple[list[Target], ExternalTarget | None]:
    """A light or heavy model: its external target, or its default version's live deployments."""
    if model is None:
        return [], None
    external = route_table.external.get(model)
    if external is not None:
        return [], external
    default = route_table.default_version.get(model)
    if default is None:
        return candidates(route_table, model), None
    return _weighted_order(_live(route_table.by_version.get(default, ()))), None


def classify(body: dict[str, Any]) -> tuple[str, float]:
    """The complexity verdict, or ("light", 0.0) when no classifier is installed or it fails.

    Imported at use: the classifier is its own module (``inference.complexity``), and a
    request must not fail because it is missing or broken — the light target is the cheap,
    local one.
    """
    try:
        from inference.complexity import classify as classifier  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return "light", 0.0
    try:
        label, score = classifier(body)
    except Exception:
        log.exception("the complexity classifier failed; the request is treated as light")
        return "light", 0.0
    return str(label), float(score)


def plan(
    route_table: RouteTable, model: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> Plan:
    """Where a request for ``model`` goes, in the order to try (see the module's docstring)."""
    headers = headers or {}
    route = route_table.routes.get(model)
    if route is not None and route.degraded:
        return _degraded(route_table, route)
    key = sticky_key(route, body, headers) if route is not None else None
    if route is None or not route.choices or route.total_weight <= 0:
        result = Plan(local=candidates(route_table, model), choice="default")
    else:
        result = _routed(route_table, route, body, key)
    canary = route_table.canaries.get(model)
    if canary is not None and canary.percent > 0:
        if key is not None:
            point = bucket(f"canary:{canary.canary_id}", key, _BUCKETS)
        else:
            point = int(spread(f"canary:{canary.canary_id}") * _BUCKETS)
        if point < canary.percent * (_BUCKETS // 100):
            chosen = _weighted_order(_live(route_table.by_version.get(canary.candidate_version_id, ())))
            if chosen:
                result.local = _then(chosen, result.local)
                result.first = None  # the canary is a local version: it is tried first
                result.choice = "canary"
    return result


def _degraded(route_table: RouteTable, route: RoutePlan) -> Plan:
    """Degraded mode: only the degraded-mode target, no canary and no way back to the unwell model.

    An external target is ``first`` so the request takes the egress path (policy, redaction);
    if the policy forbids it the request fails rather than reach the model that was taken off.
    """
    if route.degraded_external is not None:
        return Plan(local=[], first=route_table.external.get(route.degraded_external), choice="degraded")
    version = route.degraded_version_id
    chosen = _weighted_order(_live(route_table.by_version.get(version, ()))) if version is not None else []
    return Plan(local=chosen, choice="degraded")


def _routed(route_table: RouteTable, route: RoutePlan, body: dict[str, Any], key: str | None) -> Plan:
    total = route.total_weight
    if key is not None:
        point = bucket(str(route.route_id), key, total)
    else:
        point = min(total - 1, int(spread(f"route:{route.route_id}") * total))
    choice = draw(route.choices, point)
    # Every local deployment the route names, for the fall-backs after the chosen target.
    others: list[Target] = []
    for c in route.choices:
        if c.kind == RouteTarget.Kind.LOCAL and c.version_id is not None:
            others += _live(route_table.by_version.get(c.version_id, ()))
    first: ExternalTarget | None = None
    chosen: list[Target] = []
    label = choice.kind
    if choice.kind == RouteTarget.Kind.LOCAL and choice.version_id is not None:
        chosen = _weighted_order(_live(route_table.by_version.get(choice.version_id, ())))
    elif choice.kind == RouteTarget.Kind.EXTERNAL and choice.model is not None:
        first = route_table.external.get(choice.model)
    elif choice.kind == RouteTarget.Kind.COMPLEXITY:
        # The route's own threshold decides, so administrators tune it per route.
        _, score = classify(body)
        heavy = score >= route.complexity_threshold
        label = f"complexity:{'heavy' if heavy else 'light'}"
        chosen, first = _model_targets(route_table, route.heavy_model if heavy else route.light_model)
    fallback = None
    if route.allow_external_fallback and route.fallback_model:
        fallback = route_table.external.get(route.fallback_model)
    return Plan(
        local=_then(chosen, _weighted_order(others)),
        first=first,
        fallback=fallback if fallback != first else None,
        choice=label,
    )


def mark_down(target: Target) -> None:
    _down_until[target.backend_id] = time.monotonic() + settings.AIRLOCK_BACKEND_RETRY_SECONDS


def mark_up(target: Target) -> None:
    _down_until.pop(target.backend_id, None)
