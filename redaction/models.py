"""Egress policies: whether, where and how requests may leave for external providers.

State changes go through ``redaction.services.do_set_egress_policy``; nothing else writes this
table. How the global row and an application's row combine is ``redaction.policy``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

from inference.models import Application


class EgressPolicy(models.Model):
    """The egress policy of the whole appliance (``application`` empty) or of one application.

    Off by default: with no rows at all nothing may leave. The global row holds the baseline;
    an application's row can only make it stricter (``redaction.policy`` explains the rule).
    In an application's row an empty value means "as the global policy": ``None`` for
    ``allowed_providers``, ``entities`` and ``threshold``, ``""`` for ``default_action``.

    Lists and maps are JSON so that the console and the API can edit them as they are shown:
    ``allowed_providers`` — provider names, ``["*"]`` for every registered provider;
    ``entities`` — entity types to detect, ``["*"]`` for every type the engine knows;
    ``entity_actions`` — ``{"US_SSN": "refuse", "PHONE_NUMBER": "redact"}``;
    ``patterns`` — ``[{"name", "entity_type", "regex", "score"}]`` regex recognisers.
    """

    class Action(models.TextChoices):
        PLACEHOLDER = "placeholder", "Reversible placeholder, restored in the answer"
        REDACT = "redact", "Irreversible redaction"
        REFUSE = "refuse", "Refuse the request"

    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="egress_policy",
        help_text="Empty for the global policy.",
    )
    enabled = models.BooleanField(
        default=False,
        help_text="Egress needs the global switch and the application's switch both on.",
    )
    allowed_providers = models.JSONField(
        null=True,
        blank=True,
        help_text='Provider names, ["*"] for all. Global: empty allows none. Application: null = as global.',
    )
    entities = models.JSONField(
        null=True,
        blank=True,
        help_text='Entity types to detect, ["*"] for all. Global: null = all. Application: null = as global.',
    )
    entity_actions = models.JSONField(
        default=dict, blank=True, help_text="{entity type: placeholder | redact | refuse}."
    )
    default_action = models.CharField(
        max_length=16,
        blank=True,
        choices=Action.choices,
        help_text="For types not in entity_actions. "
        "Global: empty = placeholder. Application: empty = as global.",
    )
    threshold = models.FloatField(
        null=True,
        blank=True,
        help_text="Minimum detection score, 0-1. Global: null = 0.5. Application: null = as global.",
    )
    deny_terms = models.JSONField(
        default=list, blank=True, help_text="Terms always protected (type DENY_LIST), whole words."
    )
    allow_terms = models.JSONField(default=list, blank=True, help_text="Terms never protected.")
    patterns = models.JSONField(
        default=list, blank=True, help_text="Regex recognisers: [{name, entity_type, regex, score}]."
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "egress policies"
        constraints = [
            # At most one global row: NULLs are distinct in a plain unique index, so the
            # index is on COALESCE(application_id, 0) (ids start at 1). Works on SQLite and PostgreSQL.
            models.UniqueConstraint(
                Coalesce("application", 0, output_field=models.BigIntegerField()),
                name="redaction_one_egress_policy_per_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"egress policy of {self.application}" if self.application_id else "global egress policy"
