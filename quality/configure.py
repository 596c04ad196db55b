"""Per-application settings of review and judging: review-gate rules and sampling shares.

The one path for changing them (the CLI ``airlock quality gate|sampling`` and any page call
these): validated, audited with old and new values in the same transaction, and the gateway
epoch bumped on commit so every worker reads the new rules before its next request.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event
from audit.log import record
from inference import epoch
from inference.models import Application
from quality import sampling
from quality.gate import compile_rule
from quality.models import QualitySampling, ReviewGateRule

Actor = AbstractBaseUser | None
MAX_RULES = 100


def _rules(application: Application) -> list[dict[str, Any]]:
    return [
        {"pattern": r.pattern, "regex": r.is_regex}
        for r in ReviewGateRule.objects.filter(application=application).order_by("pk")
    ]


def do_set_gate_rules(
    application: Application, rules: Sequence[tuple[str, bool]], *, actor: Actor = None
) -> list[ReviewGateRule]:
    """Replace the application's review-gate rules (``(pattern, is_regex)``); none turns the gate off."""
    if rules and application.audit_content != Application.AuditContent.FULL:
        # Reviewers see what the audit log keeps: without the text they would approve blind.
        raise ValidationError(
            {"rules": ["A review gate needs the application's audit content mode to be full."]}
        )
    if len(rules) > MAX_RULES:
        raise ValidationError({"rules": [f"At most {MAX_RULES} rules."]})
    for index, (pattern, is_regex) in enumerate(rules):
        if not pattern.strip() or len(pattern) > 500:
            raise ValidationError({f"rules[{index}]": ["A rule is 1 to 500 characters."]})
        try:
            compile_rule(pattern, is_regex)
        except re.error as exc:
            raise ValidationError({f"rules[{index}]": [f"Not a regular expression: {exc}"]}) from None
    with transaction.atomic():
        Application.objects.select_for_update().get(pk=application.pk)
        old = _rules(application)
        ReviewGateRule.objects.filter(application=application).delete()
        made = [
            ReviewGateRule.objects.create(application=application, pattern=pattern, is_regex=is_regex)
            for pattern, is_regex in rules
        ]
        record(
            Event.REVIEW_GATE_SET,
            actor=actor,
            target=("application", application.name),
            application_id=application.pk,
            meta={"old": old, "new": _rules(application)},
        )
        transaction.on_commit(epoch.bump)
    return made


SAMPLING_FIELDS = ("judge_percent", "review_percent", "judge_model", "low_score")


def do_set_sampling(application: Application, *, actor: Actor = None, **values: Any) -> QualitySampling:
    """Set what share of the application's answers is judged and queued for review; audited."""
    unknown = sorted(set(values) - set(SAMPLING_FIELDS))
    if unknown:
        raise ValueError(f"unknown sampling settings: {', '.join(unknown)}")
    for name in ("judge_percent", "review_percent"):
        if name in values and not 0.0 <= float(values[name]) <= 100.0:
            raise ValidationError({name: ["A share between 0 and 100 (per cent)."]})
    if "low_score" in values and not 1.0 <= float(values["low_score"]) <= 5.0:
        raise ValidationError({"low_score": ["A score between 1 and 5."]})
    with transaction.atomic():
        sampling.start_cursor()
        row = QualitySampling.objects.select_for_update().filter(application=application).first()
        old = {name: getattr(row, name) for name in SAMPLING_FIELDS} if row else None
        row = row or QualitySampling(application=application)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = timezone.now()
        row.save()
        record(
            Event.JUDGE_SETTINGS_SET,
            actor=actor,
            target=("application", application.name),
            application_id=application.pk,
            meta={"old": old, "new": {name: getattr(row, name) for name in SAMPLING_FIELDS}},
        )
    return row
