"""Quality figures read from the database when Prometheus scrapes (``inference.metrics.exposition``).

Drift runs happen in a Celery worker and ejections in whichever gateway worker saw the last bad
answer; neither process is the one scraped, so the state lives in the database and every
gateway reports the same figures (rules take their max()).
"""

from __future__ import annotations

from prometheus_client.core import GaugeMetricFamily, Metric

from quality.alerts import COMPARED, unresolved
from quality.models import GoldenSet, ValidationFailure


def read_state() -> list[Metric]:
    """``airlock_quality_drift`` per golden set and ``airlock_deployment_validation_ejected``."""
    drift = GaugeMetricFamily(
        "airlock_quality_drift",
        "Whether the last drift run of a model's golden set found a significant drop (1) or not (0); "
        "a later clean run or a new baseline clears it (quality.drift.unresolved).",
        labels=["model"],
    )
    standing = {run.golden_set_id for run in unresolved()}
    compared = GoldenSet.objects.filter(runs__status__in=COMPARED).distinct().values_list("pk", "model_name")
    for pk, model_name in compared:
        drift.add_metric([model_name], 1.0 if pk in standing else 0.0)
    ejected = GaugeMetricFamily(
        "airlock_deployment_validation_ejected",
        "A deployment taken out of routing after repeated invalid answers (1 while it stays out).",
        labels=["backend", "model"],
    )
    rows = (
        ValidationFailure.objects.filter(ejected=True, deployment__isnull=False)
        .values_list(
            "deployment__backend__name", "deployment__model_version__model__name", "deployment__is_active"
        )
        .distinct()
    )
    seen: set[tuple[str, str]] = set()
    for backend, model, active in rows:
        if (backend, model) not in seen:
            seen.add((backend, model))
            ejected.add_metric([backend, model], 0.0 if active else 1.0)
    return [drift, ejected]
