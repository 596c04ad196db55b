"""Quotas, budgets, prices and the usage ledger.

State changes of the configuration tables go through ``inference.quotas.services``; the ledger
(``UsageRecord``) is written by ``inference.quotas.ledger`` and rolled up by
``inference.quotas.rollups``. Live counters are not here: they are in Redis (or in-process),
see ``inference.quotas.limiter``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from inference.models import ApiKey, Application

# Money: ledger amounts to a ten-thousandth of a micro-dollar (a single token of a cheap model
# costs about $0.0000001); prices and budgets to the micro-dollar.
MONEY_DIGITS, MONEY_PLACES = 22, 10
PRICE_DIGITS, PRICE_PLACES = 14, 6


class QuotaPolicy(models.Model):
    """The limits of one application, or of one of its API keys (``api_key`` set).

    Every limit is optional (null: no limit). Both an application's and a key's policy apply
    to a request made with that key: the stricter one refuses first.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="quota_policies")
    api_key = models.ForeignKey(
        ApiKey, null=True, blank=True, on_delete=models.CASCADE, related_name="quota_policies"
    )
    requests_per_minute = models.PositiveIntegerField(null=True, blank=True)
    tokens_per_minute = models.PositiveBigIntegerField(null=True, blank=True)
    tokens_per_day = models.PositiveBigIntegerField(null=True, blank=True)
    tokens_per_month = models.PositiveBigIntegerField(null=True, blank=True)
    budget_usd_per_month = models.DecimalField(
        null=True,
        blank=True,
        help_text="Egress spending per calendar month (UTC).",
        max_digits=PRICE_DIGITS,
        decimal_places=PRICE_PLACES,
    )
    suspend_above_rpm = models.PositiveIntegerField(
        null=True, blank=True, help_text="Suspend the application when a minute has more requests than this."
    )
    runaway_protection = models.BooleanField(
        default=True, help_text="Suspend automatically on a burst far above the normal rate."
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(api_key__isnull=True), name="quota_one_app_policy"
            ),
            models.UniqueConstraint(
                fields=["api_key"], condition=models.Q(api_key__isnull=False), name="quota_one_key_policy"
            ),
        ]

    def __str__(self) -> str:
        return f"limits of {self.application_id}" + (f"/key {self.api_key_id}" if self.api_key_id else "")


class GlobalEgressCap(models.Model):
    """The appliance's total egress spending per calendar month (a single row, id 1)."""

    budget_usd_per_month = models.DecimalField(
        null=True, blank=True, max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"egress cap {self.budget_usd_per_month}"


class ModelPrice(models.Model):
    """What an external model costs, in dollars per million input and output tokens.

    ``model`` is the name clients use in ``"model"`` (an external model registered in
    Airlock, or any external model used only as the reference for "what would it have cost").
    """

    model = models.CharField(max_length=128, unique=True)
    input_usd_per_million = models.DecimalField(max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES)
    output_usd_per_million = models.DecimalField(max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["model"]

    def __str__(self) -> str:
        return f"{self.model}: ${self.input_usd_per_million}/${self.output_usd_per_million} per M"


class LocalCostModel(models.Model):
    """What the local GPU servers cost (a single row, id 1), for cost and break-even reports.

    ``server_usd_per_hour`` is the amortised cost of one server (purchase price over its service
    life in hours, plus hosting and support); power is added from ``power_kw`` x ``usd_per_kwh``.
    ``capacity_tokens_per_second`` (one server, sustained) turns the hourly cost into a cost per
    token, so each request gets an estimated cost; the monthly report instead shares the month's
    whole cost out by tokens. ``reference_model`` names the external model (in the price table)
    used for "what it would have cost".
    """

    servers = models.PositiveIntegerField(default=1)
    server_usd_per_hour = models.DecimalField(
        default=Decimal("0"), max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES
    )
    power_kw = models.DecimalField(default=Decimal("0"), max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES)
    usd_per_kwh = models.DecimalField(
        default=Decimal("0"), max_digits=PRICE_DIGITS, decimal_places=PRICE_PLACES
    )
    capacity_tokens_per_second = models.PositiveIntegerField(default=0)
    reference_model = models.CharField(max_length=128, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.servers} server(s) at ${self.server_usd_per_hour}/h"


class UsageRecord(models.Model):
    """The ledger: one row per /v1 request that reached the quota step, with what it used.

    Written in batches after the answer (``inference.quotas.ledger``), never on the request's
    critical path; a row lost to a crash is rebuilt from the request's audit record by
    ``reconcile`` (the audit record is committed before the answer is released).
    """

    class Route(models.TextChoices):
        LOCAL = "local", "Local"
        EGRESS = "egress", "Egress"

    request_id = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    application_id = models.BigIntegerField()
    api_key_id = models.BigIntegerField(null=True, blank=True)
    model = models.CharField(max_length=128)
    route = models.CharField(max_length=8, choices=Route.choices, default=Route.LOCAL)
    provider = models.CharField(max_length=128, blank=True)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    estimated = models.BooleanField(
        default=False, help_text="The backend reported no usage: the reservation was charged."
    )
    excess_tokens = models.PositiveIntegerField(
        default=0,
        help_text=(
            "Tokens the backend reported beyond what the request reserved: not charged, recorded as "
            "an anomaly (audit event usage.over_reservation)."
        ),
    )
    cache_tokens_saved = models.PositiveIntegerField(
        default=0, help_text="Answered from the semantic cache: the tokens the cached answer cost once."
    )
    latency_ms = models.FloatField(default=0.0)
    status = models.PositiveSmallIntegerField()
    cost_usd = models.DecimalField(default=Decimal("0"), max_digits=MONEY_DIGITS, decimal_places=MONEY_PLACES)
    counterfactual_usd = models.DecimalField(
        default=Decimal("0"),
        help_text="What it would have cost on the reference model.",
        max_digits=MONEY_DIGITS,
        decimal_places=MONEY_PLACES,
    )
    reference_model = models.CharField(max_length=128, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="usage_time")]

    def __str__(self) -> str:
        return f"{self.request_id} {self.model} {self.status}"


# Latency histogram buckets (milliseconds), mergeable by adding counts: bucket i holds
# latencies in [BOUNDS[i-1], BOUNDS[i]); x1.25 per step keeps a percentile within 12%.
LATENCY_BOUNDS: tuple[float, ...] = tuple(round(1.25**i, 3) for i in range(64))


class UsageRollup(models.Model):
    """Usage of one application on one model, on one UTC day, by route: what dashboards read.

    Recomputed from the ledger (never incremented), so running the rollup twice gives the
    same rows.
    """

    day = models.DateField()
    month = models.DateField(help_text="The first of the day's month: grouping by month reads a column.")
    application_id = models.BigIntegerField()
    model = models.CharField(max_length=128)
    route = models.CharField(max_length=8, choices=UsageRecord.Route.choices)
    requests = models.PositiveBigIntegerField(default=0)
    errors = models.PositiveBigIntegerField(default=0)
    throttled = models.PositiveBigIntegerField(default=0, help_text="Refused by a limit (429).")
    prompt_tokens = models.PositiveBigIntegerField(default=0)
    completion_tokens = models.PositiveBigIntegerField(default=0)
    cost_usd = models.DecimalField(default=Decimal("0"), max_digits=MONEY_DIGITS, decimal_places=MONEY_PLACES)
    counterfactual_usd = models.DecimalField(
        default=Decimal("0"), max_digits=MONEY_DIGITS, decimal_places=MONEY_PLACES
    )
    latency_ms_sum = models.FloatField(default=0.0)
    latency_histogram = models.JSONField(
        default=dict, help_text="{bucket index: count} over LATENCY_BOUNDS; empty buckets left out."
    )
    latency_p50_ms = models.FloatField(null=True, blank=True)
    latency_p99_ms = models.FloatField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "application_id", "model", "route"], name="usage_rollup_unique"
            )
        ]
        indexes = [models.Index(fields=["application_id", "day"], name="usage_rollup_app_day")]

    def __str__(self) -> str:
        return f"{self.day} app {self.application_id} {self.model} {self.route}"


class Alert(models.Model):
    """Something an administrator must see: an application suspended for a runaway, etc."""

    class Kind(models.TextChoices):
        RUNAWAY = "runaway", "Runaway: suspended automatically"
        SUSPENDED = "suspended", "Suspended by an administrator"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    message = models.TextField()
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"], name="alert_open", condition=models.Q(acknowledged_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.message[:60]}"
