"""The drift check before a version becomes a model's default (canary promote, set default).

A golden-set run calls the model through a backend and takes minutes, too long for the HTTP
request of a promotion. So promotion is two steps: first the candidate version is run against
its model's golden set (``airlock quality drift run --model M --version V``, or *Check against
the golden set* on the model's console page, which queues ``quality.tasks.promotion_check``);
then the promotion reads that run's verdict, which costs one query. The rule (``check``):

- no golden set named after the model: promotion proceeds, its record says "no golden set";
- a golden set without a baseline run: proceeds, saying so (there is nothing to compare with);
- the candidate is the version the baseline was run on: proceeds;
- otherwise the newest finished run of the candidate, no older than
  ``AIRLOCK_PROMOTION_CHECK_MAX_AGE_SECONDS`` (a day) and compared with the *current* baseline,
  decides: no drift, promotion proceeds; drift, it is refused, naming the scores that dropped;
  no such run (or a failed one), it is refused, saying how to run one.

A refusal is audited (``quality.promotion_refused``). An administrator may override it
(``force``: ``--force``, ``{"force": true}``, a console checkbox); the promotion's own audit
record then keeps ``quality_check.forced`` and what was overridden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.events import Event
from audit.log import Actor, record
from inference.models import ModelVersion
from quality.drift import baseline_of
from quality.models import DriftRun, GoldenSet

NO_GOLDEN_SET = "no golden set"
NO_BASELINE = "the golden set has no baseline run: nothing to compare with"


class PromotionRefused(ValidationError):
    """The candidate drifted against the golden set, or was not checked recently."""

    overridable = True  # the console offers its override (force) beside the reason


@dataclass(frozen=True)
class Check:
    """What the golden set says about promoting one version."""

    ok: bool
    note: str
    golden_set: str | None = None
    run: int | None = None
    drifted: dict[str, float] = field(default_factory=dict)  # score -> relative change (-0.07)

    def as_meta(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "note": self.note,
            "golden_set": self.golden_set,
            "run": self.run,
            "drifted": self.drifted,
        }


def max_age() -> timedelta:
    return timedelta(seconds=float(settings.AIRLOCK_PROMOTION_CHECK_MAX_AGE_SECONDS))


def _age(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:g} hours" if hours < 48 else f"{hours / 24:g} days"


def golden_set_of(model_name: str) -> GoldenSet | None:
    """The golden set that covers a model: the one named after it."""
    return GoldenSet.objects.filter(model_name=model_name).first()


def how_to_check(version: ModelVersion) -> str:
    name = version.model.name
    return (
        f"run `airlock quality drift run --model {name} --version {version.version}` "
        "(or Check against the golden set on the model's console page), then promote again"
    )


def latest_check(golden_set: GoldenSet, version: str) -> DriftRun | None:
    """The newest finished, compared (or failed) run of ``version`` within the allowed age."""
    since = timezone.now() - max_age()
    return (
        golden_set.runs.filter(version=version, started_at__gte=since, finished_at__isnull=False)
        .exclude(status=DriftRun.Status.BASELINE)
        .order_by("-started_at")
        .first()
    )


def check(version: ModelVersion) -> Check:
    """Whether the golden set lets ``version`` become its model's default (reads only)."""
    name = version.model.name
    golden_set = golden_set_of(name)
    if golden_set is None:
        return Check(ok=True, note=NO_GOLDEN_SET)
    baseline = baseline_of(golden_set)
    if baseline is None:
        return Check(ok=True, note=NO_BASELINE, golden_set=name)
    if baseline.version and baseline.version == version.version:
        return Check(
            ok=True, note="the candidate is the baseline's version", golden_set=name, run=baseline.pk
        )
    run = latest_check(golden_set, version.version)
    label = f"{name} {version.version}"
    if run is None or (
        run.status in (DriftRun.Status.OK, DriftRun.Status.DRIFT)
        and run.verdict.get("baseline_run") != baseline.pk
    ):
        stale = " against the current baseline" if run is not None else ""
        return Check(
            ok=False,
            note=f"{label} has no drift run{stale} in the last {_age(max_age())}: {how_to_check(version)}",
            golden_set=name,
            run=run.pk if run is not None else None,
        )
    if run.status == DriftRun.Status.DRIFT:
        metrics = run.verdict.get("metrics") or {}
        drifted = {
            str(m): round(float(metrics.get(m, {}).get("relative_change", 0.0)), 4)
            for m in run.verdict.get("drifted") or []
        }
        scores = ", ".join(f"{m} {change:+.1%}" for m, change in drifted.items()) or run.verdict.get("reason")
        return Check(
            ok=False,
            note=f"{label} drifted against the golden set's baseline (run {run.pk}): {scores}",
            golden_set=name,
            run=run.pk,
            drifted=drifted,
        )
    if run.status == DriftRun.Status.OK:
        return Check(ok=True, note=f"no drift (run {run.pk})", golden_set=name, run=run.pk)
    why = run.error or run.get_status_display()
    return Check(
        ok=False,
        note=f"the last drift run of {label} (run {run.pk}) gave no verdict ({why}): {how_to_check(version)}",
        golden_set=name,
        run=run.pk,
    )


def gate(version: ModelVersion, *, actor: Actor, action: str, force: bool = False) -> dict[str, Any]:
    """Check ``version`` before ``action`` makes it the default; the ``quality_check`` of its record.

    Refused: writes ``quality.promotion_refused`` and raises ``PromotionRefused``. Call it
    outside any transaction that the refusal rolls back, or the refusal's record goes with it.
    With ``force`` a refusal becomes a note (``forced``) in the promotion's own record.
    """
    verdict = check(version)
    meta = verdict.as_meta()
    if verdict.ok:
        return meta
    if force:
        return meta | {"forced": True}
    record(
        Event.PROMOTION_REFUSED,
        actor=actor,
        target=("model", version.model.name),
        meta={"action": action, "version": version.version, **meta},
    )
    raise PromotionRefused(
        f"Not promoted: {verdict.note}. An administrator may override this (force), which is audited."
    )


def run_check(version: ModelVersion) -> DriftRun:
    """Run the golden set of ``version``'s model against that version's own backend, now.

    What ``quality.tasks.promotion_check`` does (the console's *Check against the golden set*);
    the same as ``airlock quality drift run --model M --version V``. ValueError when there is
    nothing to run or no way to reach the version.
    """
    from inference.models import Deployment
    from quality import drift, runner

    name = version.model.name
    golden_set = golden_set_of(name)
    if golden_set is None:
        raise ValueError(f"{name} has no golden set: there is nothing to check")
    if baseline_of(golden_set) is None:
        raise ValueError(f"the golden set of {name} has no baseline run to compare with")
    deployment = (
        Deployment.objects.select_related("backend")
        .filter(model_version=version, is_active=True)
        .order_by("-created_at")
        .first()
    )
    if deployment is None:
        raise ValueError(f"{name} {version.version} is not deployed: deploy it before checking it")
    judge, judge_missing = runner.configured_judge()
    return drift.run_golden_set(
        golden_set,
        runner.deployment_answerer(deployment),
        version=version.version,
        embed=runner.configured_embedder(),
        judge=judge,
        judge_missing=judge_missing,
    )
