"""Changes of state of output validation: policies, and failures that take a deployment out of routing.

``record_failure`` is what the request path calls after an answer failed ``quality.validation``.
It counts failures per deployment in a sliding window (rows of ``ValidationFailure``, so every
gateway worker and host shares the count), and past the policy's threshold takes the deployment
out of routing exactly as a weights mismatch does (``inference.weights.record_result``):
``is_active`` False under a row lock, an audit record in the same transaction, and an epoch bump
after the commit so every worker drops the deployment at once. Bringing it back is an
administrator's deliberate act (redeploying), never automatic.

Only failures that say something about the backend count towards ejection (``EJECTING_CODES``):
an answer longer than one application's bound is that application's business, not a sign of
broken weights.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.events import Event
from audit.log import Actor, record
from inference import epoch, metrics
from inference.models import Application, Deployment, Model
from quality import validation
from quality.models import ValidationFailure, ValidationPolicy
from quality.validation import Problem

log = logging.getLogger("airlock.quality")

EJECTING_CODES = frozenset({validation.EMPTY, validation.SCHEMA, validation.REPETITION, validation.GARBAGE})
POLICY_FIELDS = (
    "enabled",
    "check_json_schema",
    "min_chars",
    "max_chars",
    "check_degeneracy",
    "retry_once",
    "failures_to_eject",
    "window_seconds",
)


def policy_for(
    application_id: int | None, model_id: int | None, model_name: str | None = None
) -> ValidationPolicy:
    """The policy that applies: application and model, then model, then application, then global.

    Without any row, an unsaved default that validates but never takes anything out of routing:
    ejection is something an administrator turns on knowingly.
    """
    same_model = Q(model_id=model_id) if model_id is not None or not model_name else Q(model__name=model_name)
    candidates = ValidationPolicy.objects.filter(
        (Q(application_id=application_id) | Q(application__isnull=True))
        & (same_model | Q(model__isnull=True))
    )

    def rank(policy: ValidationPolicy) -> int:
        return (2 if policy.model_id is not None else 0) + (1 if policy.application_id is not None else 0)

    found = sorted(candidates, key=rank, reverse=True)
    if found:
        return found[0]
    return ValidationPolicy(failures_to_eject=0)


def check(
    answer_text: str,
    policy: ValidationPolicy,
    *,
    response_format: dict[str, Any] | None = None,
    finish_reason: str | None = None,
) -> list[Problem]:
    """``quality.validation.validate`` with a policy's settings (nothing when it is disabled)."""
    if not policy.enabled:
        return []
    return validation.validate(
        answer_text,
        response_format=response_format,
        min_chars=policy.min_chars,
        max_chars=policy.max_chars,
        finish_reason=finish_reason,
        check_schema=policy.check_json_schema,
        check_degeneracy=policy.check_degeneracy,
    )


def _policy_values(policy: ValidationPolicy) -> dict[str, Any]:
    return {name: getattr(policy, name) for name in POLICY_FIELDS}


def set_policy(
    *,
    application: Application | None,
    model: Model | None,
    actor: Actor = None,
    **values: Any,
) -> ValidationPolicy:
    """Create or change the policy of one (application, model) pair; audited with old and new values."""
    unknown = sorted(set(values) - set(POLICY_FIELDS))
    if unknown:
        raise ValueError(f"unknown policy settings: {', '.join(unknown)}")
    with transaction.atomic():
        policy = (
            ValidationPolicy.objects.select_for_update().filter(application=application, model=model).first()
        )
        old = _policy_values(policy) if policy else None
        if policy is None:
            policy = ValidationPolicy(application=application, model=model)
        for name, value in values.items():
            setattr(policy, name, value)
        policy.updated_at = timezone.now()
        policy.full_clean(exclude=["application", "model"])
        policy.save()
        record(
            Event.QUALITY_POLICY_SET,
            actor=actor,
            target=("validation_policy", str(policy)),
            meta={
                "application": application.name if application else None,
                "model": model.name if model else None,
                "old": old,
                "new": _policy_values(policy),
            },
        )
        # Gateway workers cache policies (quality.inline): the epoch tells them to read again.
        transaction.on_commit(epoch.bump)
    return policy


@dataclass(frozen=True)
class FailureOutcome:
    """What one recorded failure did: the count in the window, and whether it ejected the deployment."""

    failures_in_window: int
    ejected: bool


def record_failure(
    problems: list[Problem],
    *,
    model_name: str,
    target: str,
    deployment_id: int | None = None,
    application_id: int | None = None,
    request_id: str = "",
    policy: ValidationPolicy | None = None,
) -> FailureOutcome:
    """Record an answer that failed validation; past the policy's threshold, eject its deployment.

    ``target`` is the backend's (or provider's) registered name and ``model_name`` the registered
    model: both become metric labels, so never pass free text from a request. An answer from an
    external provider has no deployment: it is recorded and counted, never ejected.
    """
    if not problems:
        raise ValueError("record_failure needs the problems found")
    codes = sorted({p.code for p in problems})
    for code in codes:
        metrics.VALIDATION_FAILURES.labels(
            model=model_name, target=target or metrics.NONE, problem=code
        ).inc()
    row = ValidationFailure.objects.create(
        deployment_id=deployment_id,
        application_id=application_id,
        model_name=model_name,
        target=target,
        codes=codes,
        messages=[p.message for p in problems],
        request_id=request_id,
    )
    if deployment_id is None:
        return FailureOutcome(failures_in_window=0, ejected=False)
    if policy is None:
        deployment = Deployment.objects.select_related("model_version").get(pk=deployment_id)
        policy = policy_for(application_id, deployment.model_version.model_id)
    since = row.created_at - timedelta(seconds=policy.window_seconds)
    counted = ValidationFailure.objects.filter(deployment_id=deployment_id, created_at__gt=since)
    failures = sum(
        1 for row_codes in counted.values_list("codes", flat=True) if EJECTING_CODES & set(row_codes)
    )
    if not policy.failures_to_eject or failures < policy.failures_to_eject or not EJECTING_CODES & set(codes):
        return FailureOutcome(failures_in_window=failures, ejected=False)
    return FailureOutcome(failures_in_window=failures, ejected=_eject(row, deployment_id, failures, policy))


def _eject(row: ValidationFailure, deployment_id: int, failures: int, policy: ValidationPolicy) -> bool:
    """Take the failure's deployment out of routing (once: a second worker finds it inactive)."""
    with transaction.atomic():
        current = (
            Deployment.objects.select_for_update()
            .select_related("backend", "model_version__model")
            .get(pk=deployment_id)
        )
        if not current.is_active:
            return False
        current.is_active = False
        current.save(update_fields=["is_active"])
        ValidationFailure.objects.filter(pk=row.pk).update(ejected=True)
        mv = current.model_version
        recent = ValidationFailure.objects.filter(deployment=current).order_by("-created_at")[:5]
        record(
            Event.VALIDATION_EJECTED,
            target=("deployment", f"{mv}@{current.backend.name}"),
            meta={
                "model": mv.model.name,
                "version": mv.version,
                "backend": current.backend.name,
                "failures": failures,
                "window_seconds": policy.window_seconds,
                "threshold": policy.failures_to_eject,
                "recent_problems": [r.messages[:3] for r in recent],
                "removed_from_routing": True,
            },
        )
        # Routes naming a degraded-mode target stop sending traffic to this model at all.
        from quality import reroute

        reroute.on_alert(
            mv,
            signal=reroute.VALIDATION,
            reason=f"{failures} invalid answers from {mv} on {current.backend.name} within "
            f"{policy.window_seconds} s",
        )
        transaction.on_commit(epoch.bump)
    log.error(
        "%s on %s gave %d invalid answers in %d s; taken out of routing",
        mv,
        current.backend.name,
        failures,
        policy.window_seconds,
    )
    return True
