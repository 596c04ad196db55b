"""Applications, API keys and the model registry.

State changes go through ``inference.services``; nothing else writes these tables.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class Application(models.Model):
    """An internal app that calls ``/v1``. Keys, quotas and audit settings hang off it."""

    name = models.SlugField(
        max_length=64, unique=True, help_text="Short, unique name (letters, digits, -, _)."
    )
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    allow_all_models = models.BooleanField(default=False, help_text="May call every registered model.")
    allowed_models: models.ManyToManyField[Model, Any] = models.ManyToManyField(
        "Model", blank=True, related_name="applications"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class AuditContent(models.TextChoices):
        NONE = "none", "None: only that a request happened, its size and outcome"
        METADATA = "metadata", "Metadata: message counts, lengths and hashes, never the text"
        FULL = "full", "Full: prompts and answers, encrypted"

    audit_content = models.CharField(
        max_length=16,
        choices=AuditContent.choices,
        default=AuditContent.METADATA,
        help_text="What the audit log keeps of this application's prompts and answers.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ApiKey(models.Model):
    """A credential of an application.

    Only a SHA-256 digest of the secret is stored; the full key is shown once, at creation.
    ``prefix`` is the public, indexed part used to find the row before the digest is compared
    in constant time.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="keys")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.application.name}/{self.prefix}"

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return "expired"
        return "active"


class Model(models.Model):
    """A model as clients name it in ``"model": "…"``; its versions carry the weights."""

    name = models.CharField(max_length=128, unique=True)
    description = models.TextField(blank=True)
    default_version = models.ForeignKey(
        "ModelVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ModelVersion(models.Model):
    """One set of weights of a model, pinned by a SHA-256 manifest of every file.

    The manifest is computed when the version is registered, so an operator can prove later
    which weights answered a request (the audit record names the version).
    """

    model = models.ForeignKey(Model, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=64)
    path = models.CharField(max_length=1024, help_text="Folder with the weights, as vLLM will read it.")
    manifest = models.JSONField(default=dict, help_text="{relative file path: sha256 hex}")
    manifest_sha256 = models.CharField(max_length=64, help_text="SHA-256 over the sorted manifest.")
    total_bytes = models.BigIntegerField(default=0)
    engine_args = models.JSONField(
        default=dict, blank=True, help_text="Extra vLLM arguments for this version."
    )
    source = models.CharField(max_length=512, blank=True, help_text="Where the weights came from.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["model__name", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["model", "version"], name="unique_model_version")]

    def __str__(self) -> str:
        return f"{self.model.name}@{self.version}"


class Backend(models.Model):
    """An inference server speaking OpenAI's wire format (a vLLM ``api_server``)."""

    class Kind(models.TextChoices):
        VLLM = "vllm", "vLLM"

    name = models.CharField(max_length=128, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.VLLM)
    base_url = models.URLField(help_text="e.g. http://10.0.0.5:8000 (without /v1)")
    is_healthy = models.BooleanField(default=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    pid = models.IntegerField(
        null=True, blank=True, help_text="Process id when started by `airlock vllm serve`."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Deployment(models.Model):
    """A model version served on a backend. ``weight`` splits traffic (canaries)."""

    model_version = models.ForeignKey(ModelVersion, on_delete=models.CASCADE, related_name="deployments")
    backend = models.ForeignKey(Backend, on_delete=models.CASCADE, related_name="deployments")
    served_name = models.CharField(max_length=128, help_text="The model name the backend answers to.")
    weight = models.PositiveIntegerField(default=100)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["model_version", "backend"], name="unique_deployment_per_backend")
        ]

    def __str__(self) -> str:
        return f"{self.model_version} on {self.backend}"
