"""Tables of the semantic cache: per-application settings, entries, and the hits served."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from inference.models import Application

DEFAULT_THRESHOLD = 0.95


class CacheSettings(models.Model):
    """How one application's answers are cached. No row, or ``enabled`` False: no caching.

    The threshold in force is ``calibrated_threshold`` when a target false-hit rate is set and
    calibration has run (``semcache.calibration``), otherwise ``threshold``.
    """

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="cache_settings")
    enabled = models.BooleanField(default=False)
    threshold = models.FloatField(default=DEFAULT_THRESHOLD)
    target_false_hit_rate = models.FloatField(
        null=True, blank=True, help_text="When set, the threshold adapts to reported wrong hits."
    )
    calibrated_threshold = models.FloatField(null=True, blank=True)
    ttl_seconds = models.PositiveIntegerField(default=86_400)
    max_entries = models.PositiveIntegerField(default=10_000)
    # Off by default: a request without temperature 0 or a seed may rightly get a new answer.
    allow_nondeterministic = models.BooleanField(default=False)
    # Off by default: an answer to one end user (``user``) is served only to that end user.
    share_across_users = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"cache settings of application {self.application_id}"

    @property
    def effective_threshold(self) -> float:
        if self.target_false_hit_rate is not None and self.calibrated_threshold is not None:
            return self.calibrated_threshold
        return self.threshold


class CacheEntry(models.Model):
    """One cached answer, searchable only inside its ``partition``.

    ``partition`` is a SHA-256 over everything that must match exactly for an answer to be
    reused: application, model and resolved version, end user (unless shared), endpoint, system
    prompt, earlier turns, tools and every sampling parameter. Only the last user message is
    compared by meaning (``vector``, all-MiniLM-L6-v2, 384 float32). The answer is AES-256-GCM
    encrypted under the audit data key of its application, day and end user (``key_id``): when
    retention or an erasure shreds that key, the entry is deleted too (``semcache.signals``).
    """

    application_id = models.BigIntegerField()
    partition = models.CharField(max_length=64)
    model = models.CharField(max_length=128)
    model_version = models.CharField(max_length=160)
    subject = models.CharField(max_length=64, blank=True, help_text="Keyed-hash pseudonym of `user`.")
    text_hash = models.CharField(max_length=64, help_text="Keyed hash of the normalised last message.")
    guard = models.CharField(
        max_length=64,
        help_text="Keyed hash of its numbers, negations, units, dates and names (semcache.guard).",
    )
    vector = models.BinaryField(
        null=True, blank=True, help_text="None when the text is past the model's window."
    )
    key_id = models.CharField(max_length=64)
    content = models.BinaryField()
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    source_request_id = models.CharField(max_length=64)
    hits = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["application_id", "partition"], name="semcache_partition"),
            models.Index(fields=["application_id", "created_at"], name="semcache_app_time"),
            models.Index(fields=["key_id"], name="semcache_key"),
            models.Index(fields=["expires_at"], name="semcache_expiry"),
        ]

    def __str__(self) -> str:
        return f"cache entry {self.pk} of application {self.application_id}"


class CacheHit(models.Model):
    """A request answered from the cache, and whether someone reported the answer as wrong.

    Kept after its entry is evicted: reports calibrate the threshold, and the hit rate and
    tokens saved are counted from these rows.
    """

    application_id = models.BigIntegerField()
    request_id = models.CharField(max_length=64, unique=True)
    entry_id = models.BigIntegerField()
    source_request_id = models.CharField(max_length=64)
    model = models.CharField(max_length=128)
    similarity = models.FloatField()
    threshold = models.FloatField()
    tokens_saved = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    reported_wrong_at = models.DateTimeField(null=True, blank=True)
    reported_by = models.CharField(max_length=150, blank=True)

    class Meta:
        indexes = [models.Index(fields=["application_id", "created_at"], name="semcache_hit_time")]

    def __str__(self) -> str:
        return f"cache hit {self.request_id}"


class CacheLookup(models.Model):
    """Per application and day: cacheable requests looked up, and how many hit (the hit rate)."""

    application_id = models.BigIntegerField()
    day = models.DateField()
    lookups = models.PositiveBigIntegerField(default=0)
    hits = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application_id", "day"], name="semcache_lookup_day")]

    def __str__(self) -> str:
        return f"{self.lookups} lookups of application {self.application_id} on {self.day}"
