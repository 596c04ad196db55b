"""Background work of quality: the weekly drift check (Celery beat, or the embedded scheduler)."""

from __future__ import annotations

import logging

from celery import shared_task

log = logging.getLogger("airlock.quality")


@shared_task(ignore_result=True)
def drift_check(golden_set_id: int | None = None) -> str:
    """Run every golden set that has a baseline (or only ``golden_set_id``) and compare.

    Idempotent in effect: each call adds one run per set; a set deleted meanwhile is skipped.
    A set whose model cannot be reached is recorded as a failed run and the others still run.
    """
    from quality import drift, runner
    from quality.models import GoldenSet

    sets = GoldenSet.objects.filter(runs__is_baseline=True).distinct().order_by("model_name")
    if golden_set_id is not None:
        sets = sets.filter(pk=golden_set_id)
    try:
        embed = runner.configured_embedder()
        judge, judge_missing = runner.configured_judge()
        answerers = {s.pk: runner.gateway_answerer(s.model_name) for s in sets}
    except runner.NotConfigured as exc:
        return f"not run: {exc}"
    outcomes = []
    for golden_set in sets:
        try:
            run = drift.run_golden_set(
                golden_set, answerers[golden_set.pk], embed=embed, judge=judge, judge_missing=judge_missing
            )
        except Exception as exc:
            log.exception("drift run of %s failed", golden_set.model_name)
            outcomes.append(f"{golden_set.model_name}: failed ({type(exc).__name__})")
            continue
        outcomes.append(f"{golden_set.model_name}: {run.status}")
    return "; ".join(outcomes) if outcomes else "no golden set has a baseline"


@shared_task(ignore_result=True)
def promotion_check(model_version_id: int) -> str:
    """The drift check before a promotion: the model's golden set against one version's backend."""
    from inference.models import ModelVersion
    from quality import promotion

    version = ModelVersion.objects.select_related("model").filter(pk=model_version_id).first()
    if version is None:
        return "no such version"
    try:
        run = promotion.run_check(version)
    except ValueError as exc:
        return f"not run: {exc}"
    except Exception as exc:
        log.exception("the promotion check of %s failed", version)
        return f"{version}: failed ({type(exc).__name__})"
    return f"{version}: {run.status}"


@shared_task(ignore_result=True)
def sample() -> str:
    """The sampling job: new answers in the audit log to queue for review and to judge."""
    from quality import sampling

    done = sampling.run_pass(judge=lambda request_id: judge.delay(request_id))
    return f"read {done.read}, queued {done.queued}, to judge {len(done.judged)}"


@shared_task(
    ignore_result=True,
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
)
def judge(request_id: str) -> str:
    """Score one sampled answer (idempotent: a request already judged is skipped).

    A judge that cannot be reached (the gateway, or the judge model, is down) raises and the
    task is retried with backoff; a reply without scores is recorded as an error, not retried.
    """
    import openai

    from quality import judge as judging
    from quality.runner import NotConfigured

    try:
        score = judging.judge_request(request_id)
    except NotConfigured as exc:
        return f"not judged: {exc}"
    except (openai.APIConnectionError, openai.APITimeoutError, openai.InternalServerError) as exc:
        raise ConnectionError(str(exc)) from exc
    if score is None:
        return "nothing to do"
    return f"{request_id}: {score.mean if score.mean is not None else score.error}"
