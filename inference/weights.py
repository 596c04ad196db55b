"""Weights checked while they serve: the files of every served model version, re-hashed against
the SHA-256 manifest pinned when the version was registered.

``airlock vllm serve`` checks the manifest before vLLM starts; this module keeps checking
afterwards, because a weight file can change under a running server (a failing disk, a bad copy
over it, tampering) and vLLM reads some files again on a restart or a new worker. Two sources
report a result:

- the ``check-weights`` scheduled job (``settings.AIRLOCK_SCHEDULE``) hashes the versions
  served from this host (backends on loopback, or started here by ``airlock vllm serve``);
- a GPU host hashes its own copy (the installer's timer) and POSTs the result to
  ``/api/hosts/weights`` with ``AIRLOCK_WEIGHTS_REPORT_TOKEN`` (``inference.weights_api``).

A mismatch takes the deployment out of routing at once (every gateway worker, through the epoch)
and writes a ``model.weights_mismatch`` audit record naming the files; the console's model page
shows it. A later clean result does not put it back: an operator who restored the files deploys
again, knowingly.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from audit.log import record
from inference import epoch, manifest
from inference.models import Backend, Deployment, ModelVersion

log = logging.getLogger("airlock.weights")

MISMATCH_EVENT = "model.weights_mismatch"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_PROBLEMS_SHOWN = 50


def is_local(backend: Backend) -> bool:
    """Whether ``backend`` runs on this host, so its weights are the folder the version names."""
    return backend.pid is not None or (urlsplit(backend.base_url).hostname or "") in LOOPBACK_HOSTS


def verify_version(mv: ModelVersion) -> list[str]:
    """What differs between ``mv``'s folder and its manifest (empty when everything matches)."""
    try:
        return manifest.verify(Path(mv.path), mv.manifest)
    except FileNotFoundError:
        return [f"missing: the folder {mv.path}"]
    except ValueError as exc:  # an empty folder
        return [f"missing: {exc}"]


def record_result(deployment: Deployment, problems: list[str], *, reporter: str) -> bool:
    """Store one check of ``deployment``'s weights; on a mismatch take it out of routing.

    Returns whether the deployment was taken out of routing by this result. Recorded in the
    audit log only when something changes (a check every hour must not flood it).
    """
    now = timezone.now()
    problem = "\n".join(problems[:MAX_PROBLEMS_SHOWN])
    if not problems:
        Deployment.objects.filter(pk=deployment.pk).update(weights_checked_at=now, weights_problem="")
        return False
    with transaction.atomic():
        current = Deployment.objects.select_for_update().get(pk=deployment.pk)
        was_active = current.is_active
        changed = was_active or current.weights_problem != problem
        current.is_active = False
        current.weights_checked_at = now
        current.weights_problem = problem
        current.save(update_fields=["is_active", "weights_checked_at", "weights_problem"])
        if changed:
            mv = current.model_version
            record(
                MISMATCH_EVENT,
                target=("deployment", f"{mv}@{current.backend.name}"),
                meta={
                    "model": mv.model.name,
                    "version": mv.version,
                    "backend": current.backend.name,
                    "path": mv.path,
                    "manifest_sha256": mv.manifest_sha256,
                    "problems": problems[:MAX_PROBLEMS_SHOWN],
                    "reporter": reporter,
                    "removed_from_routing": was_active,
                },
            )
            transaction.on_commit(epoch.bump)
    if was_active:
        log.error(
            "weights of %s on %s no longer match the manifest; taken out of routing: %s",
            deployment.model_version,
            deployment.backend.name,
            "; ".join(problems[:5]),
        )
    return was_active


def check_local() -> dict[str, list[str]]:
    """Hash every model version served from this host; ``{"model@version@backend": problems}``."""
    results: dict[str, list[str]] = {}
    deployments = Deployment.objects.filter(is_active=True).select_related("backend", "model_version__model")
    verified: dict[int, list[str]] = {}
    for deployment in deployments:
        if not is_local(deployment.backend):
            continue
        mv = deployment.model_version
        # One hash of a folder however many local backends serve it.
        if mv.pk not in verified:
            verified[mv.pk] = verify_version(mv)
        problems = verified[mv.pk]
        record_result(deployment, problems, reporter="scheduled check on this host")
        results[f"{mv}@{deployment.backend.name}"] = problems
    return results
