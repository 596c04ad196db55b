"""Background work of the gateway (Celery; in-process in the embedded profile)."""

from __future__ import annotations

import time

from celery import shared_task

from inference import services, vllm
from inference.models import Backend


@shared_task(ignore_result=True)
def check_backends() -> dict[str, bool]:
    """Ask every backend's ``/health`` and record the answer (beat runs this every 15 s).

    Marking a backend unhealthy takes it out of routing for every worker at once; marking it
    healthy again puts it back. Idempotent: it records what it sees, nothing more.
    """
    from inference import backend_ops

    seen = {}
    for backend in Backend.objects.all():
        started = time.perf_counter()
        healthy, error = vllm.is_healthy(backend.base_url)
        latency_ms = (time.perf_counter() - started) * 1000
        if healthy != backend.is_healthy or error != backend.last_error:
            services.do_set_backend_health(backend, healthy=healthy, error=error)
        # Every check is kept (the last AIRLOCK_BACKEND_CHECKS_KEPT) for the health history.
        backend_ops.record_check(backend, healthy=healthy, latency_ms=latency_ms, error=error)
        seen[backend.name] = healthy
    return seen


@shared_task(ignore_result=True)
def check_weights() -> str:
    """Re-hash the weights of every model version served from this host (the ``check-weights`` job).

    A version whose files no longer match its manifest leaves routing (inference.weights).
    """
    from inference import weights

    results = weights.check_local()
    bad = sorted(name for name, problems in results.items() if problems)
    summary = f"{len(results)} served versions checked, {len(bad)} mismatched"
    return f"{summary}: {', '.join(bad)}" if bad else summary


@shared_task(ignore_result=True)
def evaluate_canaries() -> str:
    """Compare every running canary with its baseline; roll back those that regressed (every minute)."""
    from inference import canary

    rolled_back = canary.evaluate_running()
    return f"rolled back: {', '.join(rolled_back)}" if rolled_back else "no canary rolled back"


@shared_task(ignore_result=True)
def finish_drains() -> str:
    """Take draining deployments whose backend is idle (or whose drain timed out) out of routing."""
    from inference import backend_ops

    finished = backend_ops.finish_drains()
    return f"drained: {', '.join(finished)}" if finished else "no drain finished"
