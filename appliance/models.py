"""Tables of the appliance itself (not of one feature app)."""

from __future__ import annotations

from django.db import models


class ScheduledJob(models.Model):
    """One periodic job of the schedule (``settings.AIRLOCK_SCHEDULE``) and how its last run went.

    The row is also the job's lease: a scheduler runs the job only after an UPDATE that sets
    ``lease_owner`` succeeded on a row whose lease was free, so two gunicorn workers, two
    hosts, or the embedded scheduler and Celery beat never run the same job at the same time.
    A lease is renewed while the job runs and expires by itself if its process dies.
    """

    class Status(models.TextChoices):
        NEVER = "never", "never run"
        RUNNING = "running", "running"
        OK = "ok", "succeeded"
        FAILED = "failed", "failed"

    name = models.CharField(max_length=64, unique=True)
    task = models.CharField(max_length=128, help_text="The Celery task it runs.")
    period_seconds = models.FloatField(help_text="The period it was last scheduled with.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEVER)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_result = models.CharField(max_length=500, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    last_runner = models.CharField(max_length=200, blank=True, help_text="Which process ran it last.")
    runs = models.PositiveBigIntegerField(default=0)
    failures = models.PositiveBigIntegerField(default=0)
    lease_owner = models.CharField(max_length=200, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"


class ApiToken(models.Model):
    """A personal API token: a person's credential for scripts calling the management API.

    Only its SHA-256 digest is stored (the secret carries 256 bits, like an API key's, so a
    fast hash is the right one). It carries a subset of its owner's roles, chosen when it is
    made; when used it grants only those of them the owner *still* holds, and nothing at all
    once the owner is deactivated, the token expires or it is revoked.
    """

    user = models.ForeignKey(
        "auth.User", on_delete=models.CASCADE, related_name="api_tokens", help_text="Whose token it is."
    )
    name = models.CharField(max_length=100, help_text="What it is for, e.g. 'ci-deploy'.")
    prefix = models.CharField(max_length=16, unique=True, help_text="Public part, shown in lists.")
    digest = models.CharField(max_length=64, help_text="SHA-256 of the whole token.")
    roles = models.JSONField(default=list, help_text="Role names it carries (a subset of the owner's).")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} (alt_{self.prefix}…)"
