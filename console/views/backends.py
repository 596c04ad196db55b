"""Backends: the health the gateway sees, and vLLM's own key figures next to it.

Administrators only. The figures come from each backend's ``/metrics`` (``inference.metrics.vllm``:
a short timeout, a few seconds' cache), read in parallel so one slow backend costs the page
at most that timeout.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from appliance.roles import Role
from console.access import require_role
from inference.metrics import vllm
from inference.models import Backend


@require_role(Role.ADMINISTRATOR)
def backend_health(request: HttpRequest) -> HttpResponse:
    backends = list(
        Backend.objects.annotate(
            deployment_count=Count("deployments", filter=Q(deployments__is_active=True))
        ).order_by("name")
    )
    with ThreadPoolExecutor(max_workers=max(1, min(8, len(backends)))) as pool:
        figures = list(pool.map(lambda b: vllm.read(b.base_url), backends))
    rows = [{"backend": b, "figures": f} for b, f in zip(backends, figures, strict=True)]
    return render(request, "console/backends/health.html", {"rows": rows})
