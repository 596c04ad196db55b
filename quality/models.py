"""Tables of quality: validation policies and failures, golden sets and drift runs."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from inference.models import Application, Deployment, Model


class ValidationPolicy(models.Model):
    """How the answers of one application, one model (route), or both, are validated.

    The most specific policy applies: application and model, then model, then application,
    then the appliance-wide row with neither (``quality.services.policy_for``). Without any
    row the defaults of this model apply, except that nothing is taken out of routing.
    """

    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="validation_policies"
    )
    model = models.ForeignKey(
        Model, null=True, blank=True, on_delete=models.CASCADE, related_name="validation_policies"
    )
    enabled = models.BooleanField(default=True)
    check_json_schema = models.BooleanField(
        default=True, help_text="When the client asked for JSON, the answer must parse against its schema."
    )
    min_chars = models.PositiveIntegerField(null=True, blank=True)
    max_chars = models.PositiveIntegerField(null=True, blank=True)
    check_degeneracy = models.BooleanField(default=True, help_text="Repetition and garbage characters.")
    retry_once = models.BooleanField(
        default=False, help_text="Ask the next target once when an answer fails validation."
    )
    failures_to_eject = models.PositiveIntegerField(
        default=10,
        help_text="Failures of one deployment within the window that take it out of routing (0: never).",
    )
    window_seconds = models.PositiveIntegerField(default=300)
    updated_at = models.DateTimeField(default=timezone.now)

    # One row per (application, model) pair, kept so by quality.services.set_policy (a unique
    # constraint would not hold for NULLs on SQLite or older PostgreSQL).

    def __str__(self) -> str:
        app = self.application.name if self.application_id and self.application else "*"
        model = self.model.name if self.model_id and self.model else "*"
        return f"validation policy {app}/{model}"


class ValidationFailure(models.Model):
    """One answer that failed validation, counted against the deployment that wrote it.

    The rows are the sliding window of ``quality.services.record_failure``: a deployment with
    ``failures_to_eject`` of them within ``window_seconds`` leaves routing.
    """

    deployment = models.ForeignKey(
        Deployment, null=True, blank=True, on_delete=models.CASCADE, related_name="validation_failures"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    model_name = models.CharField(max_length=128)
    target = models.CharField(max_length=128, blank=True, help_text="Backend or provider that answered.")
    codes = models.JSONField(default=list, help_text="Problem codes (quality.validation.CODES).")
    messages = models.JSONField(default=list)
    request_id = models.CharField(max_length=64, blank=True)
    # Set on the failure that took its deployment out of routing.
    ejected = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["deployment", "created_at"], name="quality_failure_window")]

    def __str__(self) -> str:
        return f"{self.model_name}@{self.target}: {', '.join(self.codes)}"


class GoldenSet(models.Model):
    """Prompts with reference answers for one model name (route): what drift is measured on."""

    model_name = models.CharField(max_length=128, unique=True, help_text="The model name clients send.")
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["model_name"]

    def __str__(self) -> str:
        return f"golden set of {self.model_name}"


class GoldenItem(models.Model):
    """One prompt and the answer a good model gives to it."""

    golden_set = models.ForeignKey(GoldenSet, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=128, help_text="Stable id: pairs an item's scores across runs.")
    prompt = models.TextField()
    reference = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["golden_set", "key"]
        constraints = [models.UniqueConstraint(fields=["golden_set", "key"], name="unique_golden_item")]

    def __str__(self) -> str:
        return f"{self.golden_set.model_name}:{self.key}"


class DriftRun(models.Model):
    """One run of a golden set against a model (version): per-item scores, and the verdict.

    ``scores`` maps item key to ``{"rouge_l": f, "embedding": f | None}``. The baseline run of a
    set is the one later runs are compared with (one per set; marking another replaces it).
    """

    class Status(models.TextChoices):
        BASELINE = "baseline", "Baseline"
        OK = "ok", "No drift"
        DRIFT = "drift", "Drift"
        NO_BASELINE = "no_baseline", "No baseline to compare with"
        FAILED = "failed", "Failed"

    golden_set = models.ForeignKey(GoldenSet, on_delete=models.CASCADE, related_name="runs")
    version = models.CharField(max_length=64, blank=True, help_text="Model version asked for, if any.")
    is_baseline = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices)
    scores = models.JSONField(default=dict)
    metric = models.CharField(max_length=32, default="rouge_l", help_text="The score the verdict compared.")
    mean_score = models.FloatField(null=True, blank=True)
    verdict = models.JSONField(default=dict, help_text="quality.drift.DriftVerdict as a dictionary.")
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"drift run of {self.golden_set.model_name} ({self.status})"
