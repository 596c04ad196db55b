"""Canary releases: a new version on a share of a model's traffic, compared with the current one.

``do_start_canary`` gives ``candidate`` ``percent`` % of the model's requests (the routing core,
``inference.routing``, honours a RUNNING ``Canary``); the rest go to the default version, the
*baseline*. ``compare`` sets the two side by side over the same period, each figure with a 95 %
confidence interval, and ``evaluate_running`` (the ``canary-evaluate`` job, every minute) rolls a
canary back by itself (``regression``) when

- it has ``min_requests`` requests and its error rate or its p95 latency has regressed past
  the canary's thresholds; or
- the judge (``quality.judge``, a sampled share of the traffic) has scored at least
  ``min_judged`` answers of *each* version since the canary started, and the canary's mean
  score (1-5, the mean of the rubric's three criteria) is more than ``max_judge_drop`` points
  below the baseline's: ``candidate_mean < baseline_mean - max_judge_drop``. Point means, no
  interval: the minimum sample keeps noise out (30 answers a side, with the usual spread of
  judge scores, give the difference a standard error near 0.15 against the default margin of
  0.5), and the comparison shows the 95 % intervals beside them.

``do_promote`` makes the candidate the default version; ``do_rollback`` sends all traffic back.
Every step is an audit record.

Where the figures come from: the ``inference.response`` audit record of every request. It is
committed before the answer is released (fail-closed), so no request escapes it, and its
metadata — never encrypted — names the version that answered (``model_version_id``), the
status, the latency, the time to the first token (``ttft_ms``) and the tokens used. No second
per-request table is kept for this: the audit log already is one. The judge's scores come
from ``quality.judge.answer_means`` (answers judged since the canary started).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.events import Event
from audit.log import record
from audit.models import AuditRecord
from inference import epoch, services
from inference.models import Canary, Deployment, Model, ModelVersion
from inference.services import Actor

Z95 = 1.959963984540054  # the standard normal's 97.5th percentile: two-sided 95 % intervals
# An error rate the baseline is taken to have at least: a baseline with no error would
# otherwise make the canary's first error an infinite regression.
ERROR_RATE_FLOOR = 0.01
# The latency rule needs a baseline p95 worth comparing with.
MIN_BASELINE_FOR_LATENCY = 20
# Records read per comparison, newest first: a canary running for weeks on a busy model is
# compared over its most recent traffic (both versions over the same, shortened, period).
MAX_RECORDS = 200_000
# What the console and the API accept.
PERCENT_RANGE = (1, 99)
MAX_MIN_REQUESTS = 1_000_000
# The judge's scale is 1 to 5: a drop of 4 is the most there can be.
MAX_JUDGE_DROP_RANGE = (0.0, 4.0)
DEFAULT_MIN_JUDGED = 30
DEFAULT_MAX_JUDGE_DROP = 0.5


# --- Statistics -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """A figure with its 95 % confidence interval; ``None`` where the data cannot bound it."""

    value: float | None
    low: float | None
    high: float | None
    n: int

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high, "n": self.n}


def wilson(successes: int, n: int, z: float = Z95) -> Estimate:
    """A proportion with Wilson's score interval: right even at 0 or n, unlike value ± z·se."""
    if n <= 0:
        return Estimate(None, None, None, 0)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half), n)


def _binomial_cdfs(n: int, q: float) -> list[float]:
    """[P(B <= k) for k in 0..n] for B ~ Binomial(n, q), from pmfs in log space (no overflow)."""
    log_q, log_1q, log_n = math.log(q), math.log1p(-q), math.lgamma(n + 1)
    total, cdfs = 0.0, []
    for i in range(n + 1):
        total += math.exp(log_n - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_q + (n - i) * log_1q)
        cdfs.append(min(total, 1.0))
    return cdfs


def _rank_bounds(n: int, q: float, z: float = Z95) -> tuple[int | None, int | None]:
    """1-based ranks (l, u) of the order statistics bounding the q-quantile with ≥ 95 % coverage.

    Distribution-free: the number of samples below the true quantile is Binomial(n, q), so
    [x(l), x(u)] covers it with probability P(B <= u-1) - P(B <= l-1). Exact for n up to 5000,
    the normal approximation beyond. ``None`` for a side the sample is too small to bound
    (the p95 of 20 values has no upper bound at 95 %).
    """
    alpha = 2 * (1 - _normal_cdf(z))
    if n <= 5000:
        cdfs = _binomial_cdfs(n, q)  # cdfs[k] = P(B <= k)
        lows = [rank for rank in range(1, n + 1) if cdfs[rank - 1] <= alpha / 2]
        highs = [rank for rank in range(1, n + 1) if cdfs[rank - 1] >= 1 - alpha / 2]
        return (lows[-1] if lows else None), (highs[0] if highs else None)
    spread = z * math.sqrt(n * q * (1 - q))
    low_rank = math.floor(n * q - spread)
    high_rank = math.ceil(n * q + spread) + 1
    return (low_rank if low_rank >= 1 else None), (high_rank if high_rank <= n else None)


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def percentile(values: list[float], q: float) -> Estimate:
    """The q-quantile (nearest rank) with its order-statistic confidence interval."""
    n = len(values)
    if n == 0:
        return Estimate(None, None, None, 0)
    ordered = sorted(values)
    value = ordered[max(0, math.ceil(q * n) - 1)]
    low_rank, high_rank = _rank_bounds(n, q)
    low = ordered[low_rank - 1] if low_rank is not None else None
    high = ordered[high_rank - 1] if high_rank is not None else None
    return Estimate(value, low, high, n)


def mean(values: list[float]) -> Estimate:
    """The mean with a normal-approximation interval (value ± z·s/√n)."""
    n = len(values)
    if n == 0:
        return Estimate(None, None, None, 0)
    average = sum(values) / n
    if n == 1:
        return Estimate(average, None, None, 1)
    variance = sum((v - average) ** 2 for v in values) / (n - 1)
    half = Z95 * math.sqrt(variance / n)
    return Estimate(average, average - half, average + half, n)


# --- The comparison ------------------------------------------------------------------------


@dataclass
class _Samples:
    requests: int = 0
    errors: int = 0
    latency_ms: list[float] = field(default_factory=list)
    ttft_ms: list[float] = field(default_factory=list)
    tokens_per_second: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class ArmFigures:
    """One side of the comparison: a version's requests over the period."""

    version: str
    model_version_id: int
    requests: int
    errors: int
    error_rate: Estimate
    ttft_p50_ms: Estimate
    ttft_p95_ms: Estimate
    latency_p50_ms: Estimate
    latency_p95_ms: Estimate
    tokens_per_second: Estimate
    # The judge's mean score (1-5) of the version's judged answers; n is how many were judged.
    judge_score: Estimate = Estimate(None, None, None, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "model_version_id": self.model_version_id,
            "requests": self.requests,
            "errors": self.errors,
            "error_rate": self.error_rate.as_dict(),
            "ttft_p50_ms": self.ttft_p50_ms.as_dict(),
            "ttft_p95_ms": self.ttft_p95_ms.as_dict(),
            "latency_p50_ms": self.latency_p50_ms.as_dict(),
            "latency_p95_ms": self.latency_p95_ms.as_dict(),
            "tokens_per_second": self.tokens_per_second.as_dict(),
            "judge_score": self.judge_score.as_dict(),
        }


@dataclass(frozen=True)
class Comparison:
    """Baseline and canary over the same period (``since`` to ``until``)."""

    canary_id: int
    since: datetime
    until: datetime
    baseline: ArmFigures
    candidate: ArmFigures
    truncated: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "canary": self.canary_id,
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "truncated": self.truncated,
            "baseline": self.baseline.as_dict(),
            "candidate": self.candidate.as_dict(),
        }


def _is_error(status: int) -> bool:
    # The version's own failures: 5xx (the gateway's 502/504 for a backend that failed, broke
    # or timed out) and no status at all. A 4xx is the client's mistake, not the version's.
    return status >= 500 or status == 0


def _add(samples: _Samples, meta: dict[str, Any]) -> None:
    status = meta.get("status")
    status = int(status) if isinstance(status, int | float) else 0
    samples.requests += 1
    if _is_error(status):
        samples.errors += 1
        return
    if status != 200:
        return
    latency = meta.get("latency_ms")
    if not isinstance(latency, int | float) or latency <= 0:
        return
    samples.latency_ms.append(float(latency))
    ttft = meta.get("ttft_ms")
    if isinstance(ttft, int | float) and ttft > 0:
        samples.ttft_ms.append(float(ttft))
    elif not meta.get("stream"):
        # A whole answer's first token arrives with the answer (as the request metrics count it).
        ttft = float(latency)
        samples.ttft_ms.append(ttft)
    else:
        ttft = None
    usage = meta.get("usage") if isinstance(meta.get("usage"), dict) else {}
    completion = usage.get("completion_tokens") if usage else None
    if isinstance(completion, int) and completion > 0:
        # Generation speed: tokens over the time after the first one when it is known.
        generating = latency - ttft if ttft is not None and latency > ttft and meta.get("stream") else latency
        samples.tokens_per_second.append(completion / (generating / 1000))


def _failed_attempts(meta: dict[str, Any], prefixes: dict[str, int]) -> list[int]:
    """Versions that failed a request before another target answered it (a fallback).

    The routing core lists every attempt in ``route_attempts`` (``{"target":
    "local:model@version/backend", "outcome": ...}``), the last being the one the record's own
    status and version describe. A failure that a fallback hid from the client still counts
    against the version that failed: a canary must not look healthy because its baseline
    answered for it.
    """
    attempts = meta.get("route_attempts")
    if not isinstance(attempts, list):
        return []
    failed = []
    for attempt in attempts[:-1]:
        if not isinstance(attempt, dict):
            continue
        label, outcome = str(attempt.get("target") or ""), str(attempt.get("outcome") or "")
        if outcome == "answered" or outcome.startswith("skipped"):
            continue
        for prefix, version in prefixes.items():
            if label.startswith(prefix):
                failed.append(version)
    return failed


def _collect(
    model: Model, versions: dict[int, str], since: datetime, until: datetime
) -> tuple[dict[int, _Samples], datetime, bool]:
    found = {v: _Samples() for v in versions}
    needle = orjson.dumps({"model": model.name}).decode()[1:-1]  # '"model":"name"', as bodies write it
    records = (
        AuditRecord.objects.filter(
            event=Event.INFERENCE_RESPONSE, created_at__gte=since, created_at__lte=until
        )
        .filter(Q(body__contains=needle))
        .order_by("-created_at", "-id")
        .values_list("body", "created_at")
    )
    prefixes = {f"local:{model.name}@{version}/": pk for pk, version in versions.items()}
    read = 0
    oldest = since
    truncated = False
    for body, created_at in records.iterator(chunk_size=2000):
        if read >= MAX_RECORDS:
            truncated = True
            break
        read += 1
        oldest = created_at
        try:
            meta = orjson.loads(body).get("meta") or {}
        except (orjson.JSONDecodeError, AttributeError):
            continue
        if meta.get("model") != model.name or meta.get("outcome") == "client_gone":
            continue
        version = meta.get("model_version_id")
        if version in found:
            _add(found[version], meta)
        for failed in _failed_attempts(meta, prefixes):
            found[failed].requests += 1
            found[failed].errors += 1
    return found, (oldest if truncated else since), truncated


def _arm(version: ModelVersion, samples: _Samples, judged: list[float]) -> ArmFigures:
    return ArmFigures(
        version=version.version,
        model_version_id=version.pk,
        requests=samples.requests,
        errors=samples.errors,
        error_rate=wilson(samples.errors, samples.requests),
        ttft_p50_ms=percentile(samples.ttft_ms, 0.50),
        ttft_p95_ms=percentile(samples.ttft_ms, 0.95),
        latency_p50_ms=percentile(samples.latency_ms, 0.50),
        latency_p95_ms=percentile(samples.latency_ms, 0.95),
        tokens_per_second=mean(samples.tokens_per_second),
        judge_score=mean(judged),
    )


def _judged(canary: Canary, version: ModelVersion, until: datetime) -> list[float]:
    # quality depends on inference, not the other way round: imported where it is used.
    from quality import judge

    return judge.answer_means(canary.model.name, version.version, since=canary.started_at, until=until)


def compare(canary: Canary) -> Comparison:
    """Baseline and candidate over the canary's period: since it started, to its end or now."""
    until = canary.ended_at or timezone.now()
    versions = {canary.baseline_id: canary.baseline.version, canary.candidate_id: canary.candidate.version}
    found, since, truncated = _collect(canary.model, versions, canary.started_at, until)
    return Comparison(
        canary_id=canary.pk,
        since=since,
        until=until,
        baseline=_arm(canary.baseline, found[canary.baseline_id], _judged(canary, canary.baseline, until)),
        candidate=_arm(
            canary.candidate, found[canary.candidate_id], _judged(canary, canary.candidate, until)
        ),
        truncated=truncated,
    )


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%"


def regression(canary: Canary, comparison: Comparison) -> str | None:
    """Why the canary must be rolled back, with the figures; ``None`` if it need not (yet).

    The rules are in the module's docstring: errors and latency once the canary has
    ``min_requests`` requests, the judge's scores once each version has ``min_judged``.
    """
    cand, base = comparison.candidate, comparison.baseline
    if cand.requests >= canary.min_requests:
        why = _traffic_regression(canary, cand, base)
        if why is not None:
            return why
    return _judge_regression(canary, cand, base)


def _judge_regression(canary: Canary, cand: ArmFigures, base: ArmFigures) -> str | None:
    cand_score, base_score = cand.judge_score, base.judge_score
    if cand_score.value is None or base_score.value is None:
        return None
    if min(cand_score.n, base_score.n) < canary.min_judged:
        return None
    floor = base_score.value - canary.max_judge_drop
    if cand_score.value < floor:
        return (
            f"judge score {cand_score.value:.2f} ({cand_score.n} judged answers) is below "
            f"baseline {base_score.value:.2f} ({base_score.n} judged answers) - "
            f"{canary.max_judge_drop:g} = {floor:.2f}"
        )
    return None


def _traffic_regression(canary: Canary, cand: ArmFigures, base: ArmFigures) -> str | None:
    cand_rate = cand.error_rate.value or 0.0
    base_rate = base.error_rate.value or 0.0
    allowed = canary.max_error_ratio * max(base_rate, ERROR_RATE_FLOOR)
    if cand_rate > allowed:
        return (
            f"error rate {_percent(cand_rate)} ({cand.errors}/{cand.requests}) exceeds "
            f"{canary.max_error_ratio:g} x max(baseline {_percent(base_rate)} "
            f"({base.errors}/{base.requests}), "
            f"floor {_percent(ERROR_RATE_FLOOR)}) = {_percent(allowed)}"
        )
    cand_p95, base_p95 = cand.latency_p95_ms.value, base.latency_p95_ms.value
    if cand_p95 is not None and base_p95 is not None and base.latency_p95_ms.n >= MIN_BASELINE_FOR_LATENCY:
        limit = canary.max_p95_ratio * base_p95
        if cand_p95 > limit:
            return (
                f"p95 latency {cand_p95:.0f} ms ({cand.latency_p95_ms.n} answers) exceeds "
                f"{canary.max_p95_ratio:g} x baseline {base_p95:.0f} ms ({base.latency_p95_ms.n} answers) "
                f"= {limit:.0f} ms"
            )
    return None


def evaluate_running() -> list[str]:
    """Roll back every running canary that regressed (the ``canary-evaluate`` job)."""
    rolled_back = []
    for canary in Canary.objects.filter(state=Canary.State.RUNNING).select_related(
        "model", "baseline", "candidate"
    ):
        comparison = compare(canary)
        why = regression(canary, comparison)
        if why is None:
            continue
        try:
            do_rollback(canary, actor=None, reason=f"automatic: {why}", comparison=comparison)
        except ValidationError:
            continue  # ended by someone else meanwhile
        rolled_back.append(str(canary.candidate))
    return rolled_back


# --- Changes of state ---------------------------------------------------------------------


def _invalidate_gateway_caches() -> None:
    # The routing table of every gateway is reloaded when the epoch moves; only once committed.
    transaction.on_commit(epoch.bump)


def _serving(version: ModelVersion) -> bool:
    return Deployment.objects.filter(
        model_version=version, is_active=True, draining_since__isnull=True, weights_problem=""
    ).exists()


def _settings_meta(canary: Canary) -> dict[str, Any]:
    return {
        "baseline": canary.baseline.version,
        "candidate": canary.candidate.version,
        "percent": canary.percent,
        "min_requests": canary.min_requests,
        "max_error_ratio": canary.max_error_ratio,
        "max_p95_ratio": canary.max_p95_ratio,
        "min_judged": canary.min_judged,
        "max_judge_drop": canary.max_judge_drop,
    }


def _validate_thresholds(
    percent: int,
    min_requests: int,
    max_error_ratio: float,
    max_p95_ratio: float,
    min_judged: int = DEFAULT_MIN_JUDGED,
    max_judge_drop: float = DEFAULT_MAX_JUDGE_DROP,
) -> None:
    errors: dict[str, str] = {}
    if not PERCENT_RANGE[0] <= percent <= PERCENT_RANGE[1]:
        errors["percent"] = (
            f"Give the canary between {PERCENT_RANGE[0]} and {PERCENT_RANGE[1]} % of the traffic "
            "(all of it is a promotion)."
        )
    if not 1 <= min_requests <= MAX_MIN_REQUESTS:
        errors["min_requests"] = f"The minimum sample is between 1 and {MAX_MIN_REQUESTS} requests."
    if not (math.isfinite(max_error_ratio) and max_error_ratio >= 1.0):
        errors["max_error_ratio"] = "The error-rate multiple is at least 1 (the baseline's own rate)."
    if not (math.isfinite(max_p95_ratio) and max_p95_ratio >= 1.0):
        errors["max_p95_ratio"] = "The p95-latency multiple is at least 1 (the baseline's own p95)."
    if not 1 <= min_judged <= MAX_MIN_REQUESTS:
        errors["min_judged"] = f"The judge's minimum sample is between 1 and {MAX_MIN_REQUESTS} answers."
    low, high = MAX_JUDGE_DROP_RANGE
    if not (math.isfinite(max_judge_drop) and low <= max_judge_drop <= high):
        errors["max_judge_drop"] = (
            f"The judge-score margin is between {low:g} and {high:g} points (scores run from 1 to 5)."
        )
    if errors:
        raise ValidationError(errors)


def do_start_canary(
    model: Model,
    candidate_version: ModelVersion,
    percent: int,
    *,
    actor: Actor,
    min_requests: int = 200,
    max_error_ratio: float = 2.0,
    max_p95_ratio: float = 1.5,
    min_judged: int = DEFAULT_MIN_JUDGED,
    max_judge_drop: float = DEFAULT_MAX_JUDGE_DROP,
) -> Canary:
    """Send ``percent`` % of ``model``'s requests to ``candidate_version``, against the default version."""
    _validate_thresholds(percent, min_requests, max_error_ratio, max_p95_ratio, min_judged, max_judge_drop)
    with transaction.atomic():
        # Locking the model serialises starts: the partial unique index would refuse a second
        # running canary anyway, but with an IntegrityError instead of a sentence.
        model = (
            Model.objects.select_for_update(of=("self",)).select_related("default_version").get(pk=model.pk)
        )
        if model.is_external:
            raise ValidationError(f"{model.name} is an external model: it has no versions to try.")
        baseline = model.default_version
        if baseline is None:
            raise ValidationError(f"{model.name} has no default version to compare a canary with.")
        if candidate_version.model_id != model.pk:
            raise ValidationError({"candidate": f"{candidate_version} is not a version of {model.name}."})
        if candidate_version.pk == baseline.pk:
            raise ValidationError(
                {"candidate": f"{candidate_version.version} is already the default version."}
            )
        running = (
            Canary.objects.filter(model=model, state=Canary.State.RUNNING).select_related("candidate").first()
        )
        if running is not None:
            raise ValidationError(
                f"{model.name} already has a running canary ({running.candidate.version}); "
                "promote it or roll it back first."
            )
        if not _serving(candidate_version):
            raise ValidationError(
                {
                    "candidate": f"{candidate_version} has no active deployment: deploy it before "
                    "giving it traffic (airlock backends deploy)."
                }
            )
        canary = Canary.objects.create(
            model=model,
            baseline=baseline,
            candidate=candidate_version,
            percent=percent,
            min_requests=min_requests,
            max_error_ratio=max_error_ratio,
            max_p95_ratio=max_p95_ratio,
            min_judged=min_judged,
            max_judge_drop=max_judge_drop,
            started_by=actor if getattr(actor, "pk", None) else None,
        )
        record(
            Event.CANARY_STARTED,
            actor=actor,
            target=("model", model.name),
            meta={"canary": canary.pk, "new": _settings_meta(canary)},
        )
        _invalidate_gateway_caches()
    return canary


def _end(canary: Canary) -> Canary:
    """The canary, locked, if it is still running; refuses otherwise."""
    current = (
        Canary.objects.select_for_update(of=("self",))
        .select_related("model", "baseline", "candidate")
        .get(pk=canary.pk)
    )
    if current.state != Canary.State.RUNNING:
        raise ValidationError(f"This canary has ended already ({current.get_state_display().lower()}).")
    return current


def do_promote(canary: Canary, *, actor: Actor, force: bool = False) -> Canary:
    """Make the candidate the default version: all traffic goes to it.

    The candidate must pass its model's golden set first (``quality.promotion``); checked
    before the transaction, so that a refusal's audit record stays. ``force`` overrides it.
    """
    from quality import promotion

    quality_check: dict[str, Any] = {}
    if Canary.objects.filter(pk=canary.pk, state=Canary.State.RUNNING).exists():  # else _end refuses
        candidate = ModelVersion.objects.select_related("model").get(pk=canary.candidate_id)
        quality_check = promotion.gate(candidate, actor=actor, action="canary.promote", force=force)
    with transaction.atomic():
        canary = _end(canary)
        if not _serving(canary.candidate):
            raise ValidationError(
                f"{canary.candidate} has no active deployment any more; promoting it would leave "
                f"{canary.model.name} with nowhere to go."
            )
        comparison = compare(canary)
        services.do_set_default_version(canary.candidate, actor=actor, quality_check=quality_check)
        canary.state = Canary.State.PROMOTED
        canary.ended_at = timezone.now()
        canary.ended_by = actor if getattr(actor, "pk", None) else None
        name = actor.get_username() if actor is not None else "system"
        canary.end_reason = f"promoted by {name}"
        canary.save(update_fields=["state", "ended_at", "ended_by", "end_reason"])
        record(
            Event.CANARY_PROMOTED,
            actor=actor,
            target=("model", canary.model.name),
            meta={
                "canary": canary.pk,
                "old": {"state": Canary.State.RUNNING, "default_version": canary.baseline.version},
                "new": {"state": Canary.State.PROMOTED, "default_version": canary.candidate.version},
                "comparison": _summary(comparison),
                "quality_check": quality_check,
            },
        )
        _invalidate_gateway_caches()
    return canary


def do_rollback(
    canary: Canary, *, actor: Actor = None, reason: str, comparison: Comparison | None = None
) -> Canary:
    """Send all traffic back to the baseline. ``actor`` None: the automatic rollback."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the canary is rolled back (it goes in the audit log)."})
    with transaction.atomic():
        canary = _end(canary)
        comparison = comparison or compare(canary)
        canary.state = Canary.State.ROLLED_BACK
        canary.ended_at = timezone.now()
        canary.ended_by = actor if getattr(actor, "pk", None) else None
        canary.end_reason = reason[:2000]
        canary.save(update_fields=["state", "ended_at", "ended_by", "end_reason"])
        record(
            Event.CANARY_ROLLED_BACK,
            actor=actor,
            actor_name=None if actor is not None else "canary-evaluate",
            target=("model", canary.model.name),
            meta={
                "canary": canary.pk,
                "automatic": actor is None,
                "reason": canary.end_reason,
                "old": {"state": Canary.State.RUNNING},
                "new": {"state": Canary.State.ROLLED_BACK},
                "settings": _settings_meta(canary),
                "comparison": _summary(comparison),
            },
        )
        _invalidate_gateway_caches()
    return canary


def _summary(comparison: Comparison) -> dict[str, Any]:
    """The figures an audit record keeps of a comparison (point values and sample sizes)."""

    def arm(figures: ArmFigures) -> dict[str, Any]:
        return {
            "version": figures.version,
            "requests": figures.requests,
            "errors": figures.errors,
            "latency_p95_ms": figures.latency_p95_ms.value,
            "ttft_p95_ms": figures.ttft_p95_ms.value,
            "judge_score": figures.judge_score.value,
            "judged": figures.judge_score.n,
        }

    return {
        "since": comparison.since.isoformat(),
        "until": comparison.until.isoformat(),
        "baseline": arm(comparison.baseline),
        "candidate": arm(comparison.candidate),
    }


def running_canary(model: Model) -> Canary | None:
    """The model's running canary, if any."""
    return (
        Canary.objects.filter(model=model, state=Canary.State.RUNNING)
        .select_related("model", "baseline", "candidate", "started_by")
        .first()
    )
