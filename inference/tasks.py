"""Background work of the gateway (Celery; in-process in the embedded profile)."""

from __future__ import annotations

from celery import shared_task

from inference import services, vllm
from inference.models import Backend


@shared_task(ignore_result=True)
def check_backends() -> dict[str, bool]:
    """Ask every backend's ``/health`` and record the answer (beat runs this every 15 s).

    Marking a backend unhealthy takes it out of routing for every worker at once; marking it
    healthy again puts it back. Idempotent: it records what it sees, nothing more.
    """
    seen = {}
    for backend in Backend.objects.all():
        healthy, error = vllm.is_healthy(backend.base_url)
        if healthy != backend.is_healthy or error != backend.last_error:
            services.do_set_backend_health(backend, healthy=healthy, error=error)
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
