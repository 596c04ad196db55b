"""Step 3 of the request path: which backend answers a request for a model name.

The table of active deployments is read from the database once and kept in memory until
the gateway epoch moves (a deployment or backend changed) or its time-to-live ends.
Deployments are chosen at random in proportion to their weight (canaries get their share);
a backend that refuses a connection is skipped for ``AIRLOCK_BACKEND_RETRY_SECONDS`` and the
next one is tried, so one dead server does not fail requests another could serve.

An external model (``Model.provider`` set) has no deployments: it routes to one
``ExternalTarget``, which the gateway hands to ``inference.egress`` — the only way out.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from django.conf import settings

from inference import database
from inference.hotcache import HotCache
from inference.models import Deployment, Model, Provider


@dataclass(frozen=True)
class Target:
    """One place a request can go."""

    deployment_id: int
    backend_id: int
    backend_name: str
    base_url: str
    served_name: str
    model_version_id: int
    version: str
    weight: int


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


@dataclass(frozen=True)
class RouteTable:
    models: frozenset[str]
    targets: dict[str, tuple[Target, ...]]
    external: dict[str, ExternalTarget] = field(default_factory=dict)


_cache: HotCache[RouteTable] = HotCache(max_entries=1)
_down_until: dict[int, float] = {}


async def _load() -> RouteTable:
    names = frozenset([name async for name in Model.objects.values_list("name", flat=True)])
    targets: dict[str, list[Target]] = {}
    query = Deployment.objects.filter(is_active=True, backend__is_healthy=True).select_related(
        "backend", "model_version__model"
    )
    async for dep in query:
        targets.setdefault(dep.model_version.model.name, []).append(
            Target(
                deployment_id=dep.pk,
                backend_id=dep.backend_id,
                backend_name=dep.backend.name,
                base_url=dep.backend.base_url,
                served_name=dep.served_name,
                model_version_id=dep.model_version_id,
                version=dep.model_version.version,
                weight=dep.weight,
            )
        )
    external = {
        model.name: external_target(model.name, model.remote_name, model.provider)
        async for model in Model.objects.filter(provider__isnull=False).select_related("provider")
        if model.provider is not None
    }
    return RouteTable(models=names, targets={k: tuple(v) for k, v in targets.items()}, external=external)


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


def candidates(route_table: RouteTable, model: str) -> list[Target]:
    """Targets for ``model`` in the order to try them: weighted-random first, then the rest."""
    now = time.monotonic()
    live = [t for t in route_table.targets.get(model, ()) if _down_until.get(t.backend_id, 0.0) <= now]
    ordered: list[Target] = []
    pool = [t for t in live if t.weight > 0]
    while pool:
        # Not cryptographic: traffic splitting only.
        pick = random.choices(pool, weights=[t.weight for t in pool])[0]  # noqa: S311
        ordered.append(pick)
        pool = [t for t in pool if t is not pick]
    return ordered


def mark_down(target: Target) -> None:
    _down_until[target.backend_id] = time.monotonic() + settings.AIRLOCK_BACKEND_RETRY_SECONDS


def mark_up(target: Target) -> None:
    _down_until.pop(target.backend_id, None)
