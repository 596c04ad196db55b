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
    """A model as clients name it in ``"model": "…"``.

    A local model's versions carry the weights and its deployments say where it runs. An
    *external* model has a ``provider`` and the provider's own name for it (``remote_name``)
    instead, and no versions: ``claude-haiku`` → Anthropic's ``claude-3-5-haiku-latest``. Both
    kinds share this one namespace, so an application's allowed models, ``/v1/models`` and
    the routing table treat them alike; only the last step (vLLM or the egress path) differs.
    """

    name = models.CharField(max_length=128, unique=True)
    description = models.TextField(blank=True)
    default_version = models.ForeignKey(
        "ModelVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    provider = models.ForeignKey(
        "Provider",
        null=True,
        blank=True,
        # A provider with models cannot be deleted by accident; disable it instead.
        on_delete=models.PROTECT,
        related_name="external_models",
        help_text="Set for an external model: requests go to this provider, through redaction.",
    )
    remote_name = models.CharField(
        max_length=256, blank=True, help_text="The provider's name for the model (external models only)."
    )

    class Kind(models.TextChoices):
        CHAT = "chat", "Chat / completions"
        EMBEDDING = "embedding", "Embeddings"

    # vLLM serves one runner per process: a generating model answers /v1/chat/completions and
    # /v1/completions, a pooling one /v1/embeddings. The kind picks vLLM's runner when serving.
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CHAT)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_external(self) -> bool:
        return self.provider_id is not None


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
    # A LoRA adapter is a version of its own model (the name clients send) whose weights only make
    # sense on top of ``base``: vLLM loads it beside the base on every backend serving the base.
    base = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adapters",
        help_text="For a LoRA adapter: the model version it was trained on.",
    )
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
    # vLLM's --api-key: a backend that demands one is sent it by the gateway (read at use from
    # this file, like a provider's), so only the gateways can call the GPU hosts.
    api_key_file = models.CharField(
        max_length=1024, blank=True, help_text="Absolute path of a file holding the backend's API key."
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
    # The last check of the served weights against the version's manifest (inference.weights):
    # a non-empty problem means the deployment was taken out of routing because of it.
    weights_checked_at = models.DateTimeField(null=True, blank=True)
    weights_problem = models.TextField(blank=True)
    # Set by a drain: the deployment takes no new requests; streams already running finish,
    # then it is deactivated (``is_active`` False) and leaves routing.
    draining_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["model_version", "backend"], name="unique_deployment_per_backend")
        ]

    def __str__(self) -> str:
        return f"{self.model_version} on {self.backend}"


class Provider(models.Model):
    """An external LLM endpoint that requests may leave for, through the redaction gate.

    ``kind`` is the wire protocol: any OpenAI-compatible base URL, or Anthropic's Messages API
    (spoken through an adapter). The API key is never stored here: ``api_key_file`` names a
    file that is read when a request is sent, so rotating the key is replacing the file and a
    database dump holds no secret. ``extra_headers`` are for routing headers a gateway wants
    (``OpenAI-Organization``, ``anthropic-beta``), never for credentials; services refuse
    names that carry them.
    """

    class Kind(models.TextChoices):
        OPENAI = "openai", "OpenAI-compatible"
        ANTHROPIC = "anthropic", "Anthropic Messages API"

    name = models.SlugField(max_length=64, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    base_url = models.URLField(
        max_length=512,
        help_text="OpenAI-compatible: up to and including the version, e.g. https://api.openai.com/v1. "
        "Anthropic: https://api.anthropic.com (the adapter adds /v1/messages).",
    )
    api_key_file = models.CharField(
        max_length=1024, blank=True, help_text="Absolute path of a file holding the API key (read at use)."
    )
    region = models.CharField(
        max_length=64, blank=True, help_text="Where the provider processes data, e.g. eu-west-1 (audited)."
    )
    timeout_seconds = models.FloatField(default=60.0, help_text="Per attempt: connect, and between bytes.")
    max_retries = models.PositiveSmallIntegerField(
        default=2, help_text="Retries after the first attempt, on 429, 5xx, timeouts and connection errors."
    )
    breaker_threshold = models.PositiveSmallIntegerField(
        default=5, help_text="Consecutive failed attempts that open the circuit breaker."
    )
    breaker_cooldown_seconds = models.FloatField(
        default=30.0, help_text="How long an open circuit refuses requests before one trial request."
    )
    extra_headers = models.JSONField(default=dict, blank=True, help_text="{name: value}; no credentials.")
    is_enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Route(models.Model):
    """How requests for one model name are spread (issue 13).

    A model without a route sends every request to its default version's deployments (the
    other versions' deployments are fall-backs). A route replaces that with weighted
    ``RouteTarget``s — local versions, external models, or a complexity split — optional
    stickiness, and an external model to fall back to when no local target answers.
    """

    model = models.OneToOneField(Model, on_delete=models.CASCADE, related_name="route")

    class Stickiness(models.TextChoices):
        NONE = "none", "None: every request is drawn anew"
        USER = "user", "By the request's `user` field"
        SESSION = "session", "By a session header"

    stickiness = models.CharField(max_length=16, choices=Stickiness.choices, default=Stickiness.NONE)
    session_header = models.CharField(
        max_length=64, default="x-airlock-session", help_text="Header carrying the session id (lower case)."
    )
    fallback_model = models.ForeignKey(
        Model,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="An external model tried, through redaction, when no local target answers.",
    )
    allow_external_fallback = models.BooleanField(
        default=False, help_text="May a failed local request fall back to ``fallback_model``?"
    )
    # A COMPLEXITY target sends each request to one of these by the classifier's verdict.
    light_model = models.ForeignKey(
        Model,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where easy requests of a complexity target go (served by its default version).",
    )
    heavy_model = models.ForeignKey(
        Model,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where hard requests of a complexity target go (often an external model).",
    )
    complexity_threshold = models.FloatField(
        default=0.5, help_text="Score (0-1) at or above which a request counts as heavy."
    )
    # Degraded mode (issue 15): where all of the route's traffic goes while a drift or validation
    # alert holds for its local model — an external model (through redaction) or a local version.
    degraded_model = models.ForeignKey(
        Model,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Degraded-mode target: an external model, or the model of ``degraded_version``.",
    )
    degraded_version = models.ForeignKey(
        "ModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Degraded-mode target when it is a local model: which version.",
    )
    # Set by an alert (quality.reroute), cleared only by an administrator.
    degraded_since = models.DateTimeField(null=True, blank=True)
    degraded_reason = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"route {self.model.name}"


class RouteTarget(models.Model):
    """One weighted share of a route."""

    class Kind(models.TextChoices):
        LOCAL = "local", "Local version (model@version)"
        EXTERNAL = "external", "External model"
        COMPLEXITY = "complexity", "Decided by complexity (light or heavy)"

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    model_version = models.ForeignKey(
        ModelVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="route_targets"
    )
    external_model = models.ForeignKey(
        Model, null=True, blank=True, on_delete=models.PROTECT, related_name="route_targets"
    )
    weight = models.PositiveIntegerField(default=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["route", "position", "pk"]

    def __str__(self) -> str:
        what = self.model_version or self.external_model or "complexity"
        return f"{self.route.model.name} → {what} ({self.weight})"


class Canary(models.Model):
    """A new version tried on a share of a model's traffic, compared with its baseline.

    While RUNNING, ``percent`` % of requests (sticky when the route is) go to ``candidate``'s
    deployments and the rest route as usual. Promotion makes the candidate the default
    version; a rollback (by hand, or automatic when the candidate's error rate or p95 latency
    regress past the thresholds after ``min_requests``, or its judge score falls more than
    ``max_judge_drop`` below the baseline's once each has ``min_judged`` judged answers) sends
    all traffic back.
    """

    class State(models.TextChoices):
        RUNNING = "running", "Running"
        PROMOTED = "promoted", "Promoted"
        ROLLED_BACK = "rolled_back", "Rolled back"

    model = models.ForeignKey(Model, on_delete=models.CASCADE, related_name="canaries")
    baseline = models.ForeignKey(ModelVersion, on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(ModelVersion, on_delete=models.PROTECT, related_name="+")
    percent = models.PositiveSmallIntegerField(default=10)
    state = models.CharField(max_length=16, choices=State.choices, default=State.RUNNING)
    min_requests = models.PositiveIntegerField(default=200)
    max_error_ratio = models.FloatField(
        default=2.0,
        help_text="Roll back when the canary's error rate exceeds this multiple of the baseline's.",
    )
    max_p95_ratio = models.FloatField(
        default=1.5,
        help_text="Roll back when the canary's p95 latency exceeds this multiple of the baseline's.",
    )
    min_judged = models.PositiveIntegerField(
        default=30,
        help_text="Judged answers each version needs before the judge's scores may roll the canary back.",
    )
    max_judge_drop = models.FloatField(
        default=0.5,
        help_text="Roll back when the canary's mean judge score (1-5) is more than this below the "
        "baseline's.",
    )
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["model"], condition=models.Q(state="running"), name="one_running_canary_per_model"
            )
        ]

    def __str__(self) -> str:
        return f"canary {self.candidate} ({self.percent}%, {self.state})"


class BackendCheck(models.Model):
    """One health check of a backend, kept for its history (the console's Backends page)."""

    backend = models.ForeignKey(Backend, on_delete=models.CASCADE, related_name="checks")
    checked_at = models.DateTimeField(default=timezone.now, db_index=True)
    healthy = models.BooleanField()
    latency_ms = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-checked_at"]

    def __str__(self) -> str:
        state = "ok" if self.healthy else "down"
        return f"{self.backend.name} {state} at {self.checked_at:%Y-%m-%d %H:%M:%S}"
