"""Operating backends: drains and the health history (issue 13, item 5).

A *drain* takes a deployment out of routing without cutting anyone off: ``do_drain`` sets
``draining_since``, which the routing table leaves out, so no new request goes there, while
streams already running on the backend go on. ``finish_drains`` (a scheduled job) then ends the
drain — ``is_active`` False, ``draining_since`` cleared — once the backend reports no running or
waiting request in vLLM's own ``/metrics``, or once ``AIRLOCK_DRAIN_TIMEOUT_SECONDS`` have
passed, whichever comes first. Every step is audited.

Every health check (``inference.tasks.check_backends``) is also kept as a ``BackendCheck``, the
last ``AIRLOCK_BACKEND_CHECKS_KEPT`` per backend, for the console's history.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event
from audit.log import record
from inference import epoch
from inference.metrics import vllm as vllm_metrics
from inference.models import Backend, BackendCheck, Deployment
from inference.services import Actor

log = logging.getLogger("airlock.backends")


def _invalidate_gateway_caches() -> None:
    # Every gateway reloads its routing table when the epoch moves: the drain takes effect at
    # once everywhere, and only once the change is committed.
    transaction.on_commit(epoch.bump)


def _label(deployment: Deployment) -> str:
    return f"{deployment.model_version}@{deployment.backend.name}"


def do_drain(deployment: Deployment, *, actor: Actor) -> Deployment:
    """Stop sending new requests to ``deployment``; requests already running there finish."""
    with transaction.atomic():
        current = Deployment.objects.select_for_update(of=("self",)).select_related(
            "backend", "model_version__model"
        )
        deployment = current.get(pk=deployment.pk)
        if not deployment.is_active:
            raise ValidationError("This deployment is not active: there is nothing to drain.")
        if deployment.draining_since is not None:
            raise ValidationError(
                f"This deployment has been draining since {deployment.draining_since:%Y-%m-%d %H:%M:%S} UTC."
            )
        deployment.draining_since = timezone.now()
        deployment.save(update_fields=["draining_since"])
        others = (
            Deployment.objects.filter(
                model_version__model=deployment.model_version.model,
                is_active=True,
                draining_since__isnull=True,
            )
            .exclude(pk=deployment.pk)
            .count()
        )
        record(
            Event.DEPLOYMENT_DRAIN_STARTED,
            actor=actor,
            target=("deployment", _label(deployment)),
            meta={
                "old": {"draining_since": None},
                "new": {"draining_since": deployment.draining_since.isoformat()},
                "timeout_seconds": settings.AIRLOCK_DRAIN_TIMEOUT_SECONDS,
                "other_active_deployments": others,
            },
        )
        _invalidate_gateway_caches()
    return deployment


def do_undrain(deployment: Deployment, *, actor: Actor) -> Deployment:
    """Call a drain off before it ends: the deployment takes requests again."""
    with transaction.atomic():
        current = Deployment.objects.select_for_update(of=("self",)).select_related(
            "backend", "model_version__model"
        )
        deployment = current.get(pk=deployment.pk)
        if deployment.draining_since is None:
            raise ValidationError("This deployment is not draining.")
        since = deployment.draining_since
        deployment.draining_since = None
        deployment.save(update_fields=["draining_since"])
        record(
            Event.DEPLOYMENT_UNDRAINED,
            actor=actor,
            target=("deployment", _label(deployment)),
            meta={"old": {"draining_since": since.isoformat()}, "new": {"draining_since": None}},
        )
        _invalidate_gateway_caches()
    return deployment


def _finish(deployment: Deployment, *, reason: str, running: float | None) -> bool:
    """End one drain; False if it changed meanwhile (undrained, or finished by another run)."""
    with transaction.atomic():
        current = Deployment.objects.select_for_update(of=("self",)).select_related(
            "backend", "model_version__model"
        )
        found = current.filter(pk=deployment.pk, draining_since__isnull=False).first()
        if found is None or found.draining_since != deployment.draining_since:
            return False
        since = deployment.draining_since  # the same as found's (checked above), not None
        found.is_active = False
        found.draining_since = None
        found.save(update_fields=["is_active", "draining_since"])
        record(
            Event.DEPLOYMENT_DRAINED,
            target=("deployment", _label(found)),
            meta={
                "old": {"is_active": True, "draining_since": since.isoformat() if since else None},
                "new": {"is_active": False, "draining_since": None},
                "reason": reason,
                "running_requests": running,
                "drained_seconds": round((timezone.now() - since).total_seconds(), 1) if since else None,
            },
        )
        _invalidate_gateway_caches()
    return True


def _figures(base_url: str, *, fresh: bool) -> vllm_metrics.BackendFigures:
    """vLLM's figures; ``fresh`` reads them now rather than the console's few-seconds-old copy,
    so a stream that has just started is seen before the drain ends."""
    return vllm_metrics.read(base_url, fresh=fresh)


def drain_state(
    deployment: Deployment, now: datetime | None = None, *, fresh: bool = False
) -> tuple[bool, str, float | None]:
    """Whether a draining deployment may leave routing now: (done, why, requests still running).

    The backend's own count is the evidence that in-flight streams are over: vLLM's
    ``num_requests_running`` + ``num_requests_waiting``. A backend that is down runs nothing
    the gateway could still be relaying; one whose figures cannot be read is waited for until
    the timeout.
    """
    since = deployment.draining_since
    if since is None:
        return False, "not draining", None
    now = now or timezone.now()
    elapsed = (now - since).total_seconds()
    if elapsed >= settings.AIRLOCK_DRAIN_TIMEOUT_SECONDS:
        return True, f"timeout: still draining after {elapsed:.0f} s", None
    backend = deployment.backend
    if not backend.is_healthy:
        return True, f"backend {backend.name} is down: nothing runs there", None
    figures = _figures(backend.base_url, fresh=fresh)
    if figures.error or figures.running is None:
        return False, figures.error or "the backend reports no running-requests figure", None
    running = figures.running + (figures.waiting or 0.0)
    if running <= 0:
        return True, "idle: the backend runs no request", 0.0
    return False, f"{running:.0f} request(s) still running", running


def finish_drains() -> list[str]:
    """End every drain that may end (the ``drains-finish`` job); the deployments drained."""
    finished = []
    draining = Deployment.objects.filter(draining_since__isnull=False, is_active=True).select_related(
        "backend", "model_version__model"
    )
    for deployment in draining:
        done, why, running = drain_state(deployment, fresh=True)
        if done and _finish(deployment, reason=why, running=running):
            log.info("drained %s: %s", _label(deployment), why)
            finished.append(_label(deployment))
    return finished


def record_check(
    backend: Backend, *, healthy: bool, latency_ms: float | None, error: str = ""
) -> BackendCheck:
    """Keep one health check, and delete the backend's checks beyond the last N.

    Not audited: a check every 15 s per backend would flood the log; changes of health are
    (``services.do_set_backend_health``).
    """
    check = BackendCheck.objects.create(
        backend=backend, healthy=healthy, latency_ms=latency_ms, error=error[:2000]
    )
    kept = settings.AIRLOCK_BACKEND_CHECKS_KEPT
    oldest_kept = (
        BackendCheck.objects.filter(backend=backend)
        .order_by("-checked_at", "-pk")
        .values_list("pk", "checked_at")
    )[kept - 1 : kept]
    if oldest_kept:
        pk, checked_at = oldest_kept[0]
        older = BackendCheck.objects.filter(backend=backend)
        older.filter(checked_at__lt=checked_at).delete()
        # Same instant as the oldest kept (a coarse clock): the tie is broken by id.
        older.filter(checked_at=checked_at, pk__lt=pk).delete()
    return check


def recent_checks(backend: Backend, limit: int = 20) -> list[BackendCheck]:
    """The backend's last ``limit`` checks, newest first."""
    return list(BackendCheck.objects.filter(backend=backend).order_by("-checked_at", "-pk")[:limit])
