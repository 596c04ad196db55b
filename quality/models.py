"""Tables of quality: validation policies and failures, golden sets and drift runs."""

from __future__ import annotations

from django.conf import settings
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

    ``scores`` maps item key to ``{"rouge_l": f, "embedding": f | None, "judge": f | None}``;
    ``unscored`` names each score the run did not give and why. The baseline run of a set is the
    one later runs are compared with (one per set; marking another replaces it).
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
    verdict = models.JSONField(default=dict, help_text="quality.drift.compare_runs as a dictionary.")
    unscored = models.JSONField(
        default=dict, help_text="Scores the run did not give, each with why (e.g. no judge model configured)."
    )
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        # The newest runs of a set: the console's drift banner and the check before a promotion.
        indexes = [models.Index(fields=["golden_set", "started_at"], name="quality_driftrun_by_set")]

    def __str__(self) -> str:
        return f"drift run of {self.golden_set.model_name} ({self.status})"


# --- Human review, review gates and the judge (issue 15, items 2 and 5) ---


class QualitySampling(models.Model):
    """What share of an application's answers is judged and queued for review, and by which judge.

    No row: nothing of the application is sampled. Shares are percentages of its answered
    requests, drawn by a hash of the request id (``quality.sampling``) so the draw is the same
    in every process and a request is never judged twice.
    """

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="quality_sampling")
    judge_percent = models.FloatField(default=0.0, help_text="Share (0-100) of answers the judge scores.")
    review_percent = models.FloatField(default=0.0, help_text="Share (0-100) queued for human review.")
    judge_model = models.CharField(
        max_length=128, blank=True, help_text="Model name the judge asks; empty: AIRLOCK_QUALITY_JUDGE_MODEL."
    )
    low_score = models.FloatField(
        default=2.5, help_text="A judged answer whose mean score is below this is queued for review."
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"quality sampling of {self.application.name}"


class ReviewGateRule(models.Model):
    """A rule of an application's review gate: answers it matches wait for a reviewer's approval."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="review_gate_rules")
    pattern = models.CharField(
        max_length=500, help_text="A keyword (case-insensitive) or a regular expression."
    )
    is_regex = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["application", "pk"]

    def __str__(self) -> str:
        return f"gate of {self.application.name}: {self.pattern}"


class ReviewItem(models.Model):
    """One answer in the human review queue.

    The item holds no prompt or answer text: reviewers see the request's audit records,
    decrypted as the application's audit content mode allows (``quality.review.content_of``).
    A gated answer (``source`` GATE) is the exception: the reply the client is waiting for is
    held in ``held``, encrypted under the application's audit data key, until approval.
    """

    class Source(models.TextChoices):
        SAMPLED = "sampled", "Sampled traffic"
        LOW_SCORE = "low_score", "Low judge score"
        VALIDATION = "validation", "Failed validation"
        CANARY = "canary", "Canary disagreement"
        FEEDBACK = "feedback", "User feedback"
        GATE = "gate", "Review gate"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        PENDING = "pending", "Held by the review gate"
        LABELLED = "labelled", "Labelled"
        APPROVED = "approved", "Approved and released"
        REJECTED = "rejected", "Rejected"

    class Label(models.TextChoices):
        GOOD = "good", "Good"
        BAD = "bad", "Bad"

    public_id = models.CharField(max_length=40, unique=True)
    request_id = models.CharField(max_length=64, db_index=True)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="review_items"
    )
    model_name = models.CharField(max_length=128, blank=True)
    version = models.CharField(max_length=64, blank=True)
    source = models.CharField(max_length=16, choices=Source.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    detail = models.JSONField(
        default=dict, help_text="Why it was queued: scores, problems, rule (no content)."
    )
    label = models.CharField(max_length=8, choices=Label.choices, blank=True)
    correction = models.TextField(blank=True, help_text="The answer the reviewer would have wanted.")
    note = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_name = models.CharField(max_length=150, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    golden_item = models.ForeignKey(
        GoldenItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="review_items"
    )
    # The gate's held reply: AES-GCM under ``held_key_id`` (an audit data key), or nothing.
    held = models.BinaryField(null=True, blank=True)
    held_key_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["request_id", "source"], name="quality_review_once_per_source")
        ]

    def __str__(self) -> str:
        return f"{self.public_id} ({self.get_source_display()}, {self.state})"


class JudgeScore(models.Model):
    """The judge's scores of one sampled answer (rubric in ``quality.judge``), 1 (bad) to 5 (good)."""

    request_id = models.CharField(max_length=64, unique=True)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="judge_scores"
    )
    model_name = models.CharField(max_length=128)
    version = models.CharField(max_length=64, blank=True)
    judge_model = models.CharField(max_length=128)
    relevance = models.PositiveSmallIntegerField(null=True, blank=True)
    tone = models.PositiveSmallIntegerField(null=True, blank=True)
    unsupported_claims = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="5: every claim supported by the prompt; 1: mostly invented."
    )
    mean = models.FloatField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True, help_text="Why the answer could not be judged.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["model_name", "version", "created_at"], name="quality_judge_by_version")
        ]

    def __str__(self) -> str:
        return f"judge of {self.request_id}: {self.mean}"


class SamplingCursor(models.Model):
    """How far the sampling job has read the audit log (the last ``AuditRecord.id`` it looked at)."""

    name = models.CharField(max_length=64, unique=True)
    last_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.name} at {self.last_id}"
