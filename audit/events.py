"""The enumerated event codes of the audit log. A code is never renamed or reused."""

from __future__ import annotations

from enum import StrEnum


class Event(StrEnum):
    # The /v1 request path
    INFERENCE_REQUEST = "inference.request"  # accepted, about to be forwarded (fail-closed)
    INFERENCE_RESPONSE = "inference.response"  # the answer ended (or failed, or the client left)
    INFERENCE_REFUSED = "inference.refused"  # refused before forwarding (401, 403, 404, 400, 413, 503)

    # Administration (written in the same transaction as the change)
    APP_CREATED = "app.created"
    APP_MODELS_CHANGED = "app.models_changed"
    APP_AUDIT_CONTENT_CHANGED = "app.audit_content_changed"
    KEY_CREATED = "key.created"
    KEY_REVOKED = "key.revoked"
    MODEL_VERSION_REGISTERED = "model.version_registered"
    BACKEND_REGISTERED = "backend.registered"
    BACKEND_HEALTH_CHANGED = "backend.health_changed"
    DEPLOYMENT_CHANGED = "deployment.changed"
    DEPLOYMENT_REMOVED = "deployment.removed"

    # People
    SIGN_IN = "auth.sign_in"
    SIGN_IN_FAILED = "auth.sign_in_failed"
    SIGN_OUT = "auth.sign_out"

    # The audit log itself
    AUDIT_READ = "audit.read"
    AUDIT_DECRYPTED = "audit.decrypted"
    AUDIT_EXPORT_REQUESTED = "audit.export_requested"
    AUDIT_EXPORTED = "audit.exported"
    AUDIT_VERIFIED = "audit.verified"
    AUDIT_KEK_ROTATED = "audit.kek_rotated"
    AUDIT_KEY_SHREDDED = "audit.key_shredded"
    AUDIT_SUBJECT_ERASED = "audit.subject_erased"
    AUDIT_RETENTION_RUN = "audit.retention_run"
    AUDIT_RETENTION_CHANGED = "audit.retention_changed"
    AUDIT_LEGAL_HOLD_SET = "audit.legal_hold_set"
    AUDIT_LEGAL_HOLD_RELEASED = "audit.legal_hold_released"
    AUDIT_STARTED = "audit.started"
    AUDIT_STOPPED = "audit.stopped"
    AUDIT_FAILURE = "audit.failure"

    # The console: people, their roles and their second factor; models and keys (console-shell)
    USER_CREATED = "user.created"
    USER_ROLES_CHANGED = "user.roles_changed"
    USER_DEACTIVATED = "user.deactivated"
    USER_REACTIVATED = "user.reactivated"
    USER_PASSWORD_RESET = "user.password_reset"  # noqa: S105 - an event code; a set-password link issued
    USER_PASSWORD_SET = "user.password_set"  # noqa: S105 - an event code, not a password
    USER_TWO_FACTOR_RESET = "user.two_factor_reset"
    TWO_FACTOR_ENROLLED = "auth.two_factor_enrolled"
    SIGN_IN_LOCKED_OUT = "auth.locked_out"
    MODEL_DEFAULT_CHANGED = "model.default_changed"
    ADAPTER_LOADED = "model.adapter_loaded"  # a LoRA version loaded on every backend of its base, routed
    ADAPTER_UNLOADED = "model.adapter_unloaded"  # taken out of routing and unloaded from its backends
    KEY_ROTATED = "key.rotated"

    # External providers and the models served by them (providers)
    PROVIDER_REGISTERED = "provider.registered"
    PROVIDER_CHANGED = "provider.changed"
    MODEL_EXTERNAL_REGISTERED = "model.external_registered"  # a local name → provider + remote model
    MODEL_EXTERNAL_REMOVED = "model.external_removed"

    # Routes: weighted targets, stickiness and fallback of a model name (issue 13, item 1)
    ROUTE_SET = "route.set"  # created or replaced; old and new values
    ROUTE_DELETED = "route.deleted"  # the model routes to its default version again

    # Egress policy and its preview (redaction-gate)
    EGRESS_POLICY_CHANGED = "egress.policy_changed"  # global or one application's; old and new values
    EGRESS_PREVIEWED = "egress.previewed"  # an administrator's preview: counts only, never the text

    # Quotas, budgets, prices and runaway protection (quotas)
    QUOTA_LIMITS_CHANGED = "quota.limits_changed"  # an application's or a key's limits; old and new
    QUOTA_EGRESS_CAP_CHANGED = "quota.egress_cap_changed"
    PRICE_CHANGED = "usage.price_changed"  # an external model's $/M tokens (set or removed)
    LOCAL_COST_MODEL_CHANGED = "usage.cost_model_changed"
    APP_SUSPENDED = "app.suspended"  # by an administrator, or automatically for a runaway
    APP_REENABLED = "app.reenabled"
    ALERT_ACKNOWLEDGED = "usage.alert_acknowledged"
    # A backend reported more tokens than the request reserved: charged the reservation (quotas)
    USAGE_OVER_RESERVATION = "usage.over_reservation"

    # Canary releases and drains (issue 13, items 4 and 5)
    CANARY_STARTED = "canary.started"  # a version tried on a share of a model's traffic
    CANARY_PROMOTED = "canary.promoted"  # the candidate became the default version
    CANARY_ROLLED_BACK = "canary.rolled_back"  # by hand, or automatically (no actor) with the figures
    DEPLOYMENT_DRAIN_STARTED = "deployment.drain_started"  # no new requests; running ones finish
    DEPLOYMENT_DRAINED = "deployment.drained"  # the drain ended: the deployment left routing
    DEPLOYMENT_UNDRAINED = "deployment.undrained"  # a drain called off before it ended

    # Quality: output validation and drift (issue 15)
    QUALITY_POLICY_SET = "quality.policy_set"  # a validation policy created or changed; old and new
    VALIDATION_EJECTED = "quality.validation_ejected"  # repeated invalid answers: deployment left routing
    GOLDEN_SET_IMPORTED = "quality.golden_imported"  # items of a golden set imported (counts only)
    DRIFT_BASELINE_SET = "quality.drift_baseline_set"  # a run became the baseline of its golden set
    DRIFT_DETECTED = "quality.drift_detected"  # a significant drop against the baseline, with figures
    PROMOTION_REFUSED = "quality.promotion_refused"  # a version not made the default: drift, or no check
    ROUTE_DEGRADED = "route.degraded"  # an alert moved a route's traffic to its degraded-mode target
    ROUTE_RESTORED = "route.restored"  # an administrator cleared degraded mode: traffic returns
    REVIEW_ITEM_CREATED = "review.item_created"  # an answer queued for human review (source, no content)
    REVIEW_VIEWED = "review.viewed"  # a reviewer opened an item (its content shown per the audit rules)
    REVIEW_LABELLED = "review.labelled"  # a reviewer labelled, corrected, approved or rejected an item
    REVIEW_EXPORTED = "review.exported"  # labelled items exported as a JSONL training set
    REVIEW_GATE_SET = "review.gate_set"  # an application's review-gate rules changed; old and new
    FEEDBACK_RECEIVED = "review.feedback"  # an application's feedback on one of its requests
    JUDGE_SETTINGS_SET = "quality.judge_settings_set"  # sampling shares or judge model of an application
    JUDGED = "quality.judged"  # the judge read a sampled request's content and scored it (scores only)

    # Personal API tokens and the management API's automation (issue 18, item 2)
    TOKEN_CREATED = "token.created"  # noqa: S105 - an event code; roles and expiry, never the secret
    TOKEN_REVOKED = "token.revoked"  # noqa: S105 - an event code
    TOKEN_REFUSED = "token.refused"  # noqa: S105 - a known token refused: expired, revoked, wrong, inactive owner

    # Django's /admin/ (issue 18, item 3): every change made there, from its LogEntry
    ADMIN_SITE_CHANGE = "admin.change"

    # Single sign-on with OpenID Connect (issue 18, item 1; identity/)
    SSO_ROLES_CHANGED = "user.roles_from_claims"  # roles from a provider's claims (sign-in, refresh)
    SSO_SESSION_ENDED = "auth.sso_session_ended"  # the re-check with the provider ended a session
    APP_OWNER_CHANGED = "app.owner_changed"  # an application's owner set or given up; old and new

    # The semantic cache (issue 16; semcache/)
    CACHE_HIT = "cache.hit"  # a request answered from a cache entry: which entry, similarity, tokens saved
    CACHE_WRONG_REPORTED = "cache.wrong_reported"  # a hit reported as a wrong answer: entry evicted
    CACHE_SETTINGS_CHANGED = "cache.settings_changed"  # an application's cache settings; old and new
    CACHE_PURGED = "cache.purged"  # an application's entries deleted by an administrator (counts)
    CACHE_CALIBRATED = "cache.calibrated"  # the threshold moved toward the target false-hit rate
