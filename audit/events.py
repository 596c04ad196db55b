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
