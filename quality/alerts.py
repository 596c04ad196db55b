"""Drifts still standing: what ``airlock_quality_drift`` and the console's drift banner show.

Light on purpose (Django and the quality tables only): the gateway reads it at every scrape
and the console at every page of an administrator.
"""

from __future__ import annotations

from django.db.models import OuterRef, Q, Subquery

from quality.models import DriftRun, GoldenSet

COMPARED = (DriftRun.Status.BASELINE, DriftRun.Status.OK, DriftRun.Status.DRIFT)


def unresolved() -> list[DriftRun]:
    """The drifts still standing, one per golden set at most, by model name: one query.

    A golden set's drift stands while its newest compared run of the *live* model (through the
    gateway, or on the model's default version) found drift, and the baseline it was compared
    with is still the set's baseline. A later clean run, or a new baseline, resolves it; a run
    of a version not promoted (the check before a promotion) neither raises nor resolves one.
    What ``airlock_quality_drift`` and the console's banner show.
    """
    from inference.models import Model

    # Per golden set (a handful), its newest compared run of the live model and its baseline:
    # each an index range scan of quality_driftrun_by_set.
    live_version = Model.objects.filter(name=OuterRef(OuterRef("model_name"))).values(
        "default_version__version"
    )[:1]
    newest = (
        DriftRun.objects.filter(golden_set=OuterRef("pk"), status__in=COMPARED)
        .filter(Q(version="") | Q(version=Subquery(live_version)))
        .order_by("-started_at", "-pk")
        .values("pk")[:1]
    )
    baseline = (
        DriftRun.objects.filter(golden_set=OuterRef("golden_set"), is_baseline=True)
        .order_by("-started_at")
        .values("pk")[:1]
    )
    newest_of_sets = GoldenSet.objects.annotate(newest=Subquery(newest)).values("newest")
    rows = (
        DriftRun.objects.filter(pk__in=newest_of_sets, status=DriftRun.Status.DRIFT)
        .annotate(current_baseline=Subquery(baseline))
        .select_related("golden_set")
        .order_by("golden_set__model_name")
    )
    return [r for r in rows if r.verdict.get("baseline_run") == r.current_baseline]  # type: ignore[attr-defined]
