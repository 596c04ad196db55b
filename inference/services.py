"""Every change of state of the gateway goes through one of these functions.

The CLI, the console and the management API all call them, so each change is validated,
made atomically and (with the audit issue) recorded in the same transaction. Side effects
that must not happen for a rolled-back change — invalidating every worker's caches — are
scheduled with ``transaction.on_commit``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from audit.events import Event
from audit.log import record
from inference import epoch, keys, manifest
from inference.models import ApiKey, Application, Backend, Deployment, Model, ModelVersion

Actor = User | None


def _invalidate_gateway_caches() -> None:
    transaction.on_commit(epoch.bump)


# --- Applications and keys ---


def do_create_application(
    name: str,
    *,
    actor: Actor = None,
    owner: User | None = None,
    description: str = "",
    allowed_models: list[str] | None = None,
    allow_all_models: bool = False,
) -> Application:
    if slugify(name) != name.lower() or not name:
        raise ValidationError(f"Application name {name!r} may contain only letters, digits, '-' and '_'.")
    with transaction.atomic():
        if Application.objects.filter(name=name).exists():
            raise ValidationError(f"An application named {name!r} already exists.")
        app = Application.objects.create(
            name=name, description=description, owner=owner, allow_all_models=allow_all_models
        )
        if allowed_models:
            app.allowed_models.set(_models_by_name(allowed_models))
        record(
            Event.APP_CREATED,
            actor=actor,
            target=("application", app.pk),
            application_id=app.pk,
            meta={
                "name": name,
                "owner": owner.get_username() if owner else None,
                "allowed_models": sorted(allowed_models or []),
                "allow_all_models": allow_all_models,
                "audit_content": app.audit_content,
            },
        )
        _invalidate_gateway_caches()
    return app


def do_set_allowed_models(
    app: Application, *, actor: Actor = None, models: list[str], allow_all: bool = False
) -> Application:
    with transaction.atomic():
        old = {
            "allowed_models": sorted(app.allowed_models.values_list("name", flat=True)),
            "allow_all": app.allow_all_models,
        }
        app.allow_all_models = allow_all
        app.save(update_fields=["allow_all_models"])
        app.allowed_models.set(_models_by_name(models))
        record(
            Event.APP_MODELS_CHANGED,
            actor=actor,
            target=("application", app.pk),
            application_id=app.pk,
            meta={"old": old, "new": {"allowed_models": sorted(models), "allow_all": allow_all}},
        )
        _invalidate_gateway_caches()
    return app


def do_set_audit_content(app: Application, mode: str, *, actor: Actor = None) -> Application:
    """Choose what the audit log keeps of an application's prompts and answers."""
    if mode not in Application.AuditContent.values:
        raise ValidationError(
            f"Audit content mode must be one of: {', '.join(Application.AuditContent.values)}."
        )
    with transaction.atomic():
        old = app.audit_content
        app.audit_content = mode
        app.save(update_fields=["audit_content"])
        record(
            Event.APP_AUDIT_CONTENT_CHANGED,
            actor=actor,
            target=("application", app.pk),
            application_id=app.pk,
            meta={"old": old, "new": mode},
        )
        _invalidate_gateway_caches()
    return app


def _models_by_name(names: list[str]) -> list[Model]:
    found = {m.name: m for m in Model.objects.filter(name__in=names)}
    missing = sorted(set(names) - set(found))
    if missing:
        raise ValidationError(
            f"Unknown model(s): {', '.join(missing)}. Register them first (airlock models add)."
        )
    return [found[n] for n in names]


@dataclass(frozen=True)
class CreatedKey:
    """The stored key and, once only, its plaintext."""

    key: ApiKey
    plaintext: str


def do_create_api_key(
    app: Application,
    *,
    actor: Actor = None,
    name: str = "",
    expires_in: timedelta | None = None,
) -> CreatedKey:
    if expires_in is not None and expires_in <= timedelta(0):
        raise ValidationError("A key's lifetime must be positive.")
    new = keys.generate()
    with transaction.atomic():
        key = ApiKey.objects.create(
            application=app,
            name=name,
            prefix=new.prefix,
            digest=new.digest,
            created_by=actor if actor is not None and actor.pk else None,
            expires_at=timezone.now() + expires_in if expires_in else None,
        )
        record(
            Event.KEY_CREATED,
            actor=actor,
            target=("api_key", key.prefix),
            application_id=app.pk,
            meta={"name": name, "expires_at": key.expires_at.isoformat() if key.expires_at else None},
        )
        # Unknown prefixes are cached briefly as "no such key"; a new key must not wait for that.
        _invalidate_gateway_caches()
    return CreatedKey(key=key, plaintext=new.plaintext)


def do_revoke_api_key(key: ApiKey, *, actor: Actor = None) -> ApiKey:
    with transaction.atomic():
        key = ApiKey.objects.select_for_update().get(pk=key.pk)
        if key.revoked_at is not None:
            return key
        key.revoked_at = timezone.now()
        key.revoked_by = actor if actor is not None and actor.pk else None
        key.save(update_fields=["revoked_at", "revoked_by"])
        record(
            Event.KEY_REVOKED,
            actor=actor,
            target=("api_key", key.prefix),
            application_id=key.application_id,
            meta={"old": {"state": "active"}, "new": {"state": "revoked"}},
        )
        _invalidate_gateway_caches()
    return key


# --- Model registry ---


def do_register_model_version(
    name: str,
    path: Path,
    *,
    actor: Actor = None,
    version: str | None = None,
    engine_args: dict[str, object] | None = None,
    source: str = "",
    make_default: bool = True,
    progress: manifest.Progress | None = None,
) -> ModelVersion:
    """Register weights under a model name; hashing happens before any row is written."""
    path = path.resolve()
    files, total = manifest.compute(path, progress)
    digest = manifest.manifest_digest(files)
    with transaction.atomic():
        model, _ = Model.objects.get_or_create(name=name)
        existing = ModelVersion.objects.filter(model=model, manifest_sha256=digest, path=str(path)).first()
        if existing is not None:
            return existing
        label = version or str(model.versions.count() + 1)
        if model.versions.filter(version=label).exists():
            raise ValidationError(f"{name} already has a version {label!r}.")
        mv = ModelVersion.objects.create(
            model=model,
            version=label,
            path=str(path),
            manifest=files,
            manifest_sha256=digest,
            total_bytes=total,
            engine_args=engine_args or {},
            source=source,
        )
        old_default = model.default_version_id
        if make_default or model.default_version_id is None:
            model.default_version = mv
            model.save(update_fields=["default_version"])
        record(
            Event.MODEL_VERSION_REGISTERED,
            actor=actor,
            target=("model_version", f"{name}@{label}"),
            meta={
                "model": name,
                "version": label,
                "path": str(path),
                "manifest_sha256": digest,
                "files": len(files),
                "bytes": total,
                "engine_args": engine_args or {},
                "source": source,
                "default": {"old": old_default, "new": model.default_version_id},
            },
        )
        _invalidate_gateway_caches()
    return mv


def do_register_backend(name: str, base_url: str, *, actor: Actor = None, pid: int | None = None) -> Backend:
    with transaction.atomic():
        old = Backend.objects.filter(name=name).values("base_url", "is_healthy").first()
        backend, _ = Backend.objects.update_or_create(
            name=name,
            defaults={"base_url": base_url.rstrip("/"), "pid": pid, "is_healthy": True, "last_error": ""},
        )
        record(
            Event.BACKEND_REGISTERED,
            actor=actor,
            target=("backend", name),
            meta={"old": old, "new": {"base_url": backend.base_url, "is_healthy": True}, "pid": pid},
        )
        _invalidate_gateway_caches()
    return backend


def do_deploy(
    mv: ModelVersion,
    backend: Backend,
    *,
    actor: Actor = None,
    weight: int = 100,
    served_name: str | None = None,
) -> Deployment:
    with transaction.atomic():
        old = (
            Deployment.objects.filter(model_version=mv, backend=backend).values("weight", "is_active").first()
        )
        deployment, _ = Deployment.objects.update_or_create(
            model_version=mv,
            backend=backend,
            defaults={"weight": weight, "is_active": True, "served_name": served_name or mv.model.name},
        )
        record(
            Event.DEPLOYMENT_CHANGED,
            actor=actor,
            target=("deployment", f"{mv}@{backend.name}"),
            meta={
                "old": old,
                "new": {"weight": weight, "is_active": True, "served_name": deployment.served_name},
            },
        )
        _invalidate_gateway_caches()
    return deployment


def do_undeploy(deployment: Deployment, *, actor: Actor = None) -> None:
    with transaction.atomic():
        deployment.is_active = False
        deployment.save(update_fields=["is_active"])
        record(
            Event.DEPLOYMENT_REMOVED,
            actor=actor,
            target=("deployment", f"{deployment.model_version}@{deployment.backend.name}"),
            meta={"old": {"is_active": True}, "new": {"is_active": False}},
        )
        _invalidate_gateway_caches()


def do_set_backend_health(backend: Backend, *, healthy: bool, error: str = "") -> Backend:
    changed = backend.is_healthy != healthy
    with transaction.atomic():
        backend.is_healthy = healthy
        backend.last_error = error[:2000]
        backend.last_checked_at = timezone.now()
        backend.save(update_fields=["is_healthy", "last_error", "last_checked_at"])
        if changed:
            # Only changes are recorded: a health check every 15 s must not flood the log.
            record(
                Event.BACKEND_HEALTH_CHANGED,
                target=("backend", backend.name),
                meta={
                    "old": {"is_healthy": not healthy},
                    "new": {"is_healthy": healthy},
                    "error": error[:500],
                },
            )
            _invalidate_gateway_caches()
    return backend
