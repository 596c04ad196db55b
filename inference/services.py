"""Every change of state of the gateway goes through one of these functions.

The CLI, the console and the management API all call them, so each change is validated,
made atomically and (with the audit issue) recorded in the same transaction. Side effects
that must not happen for a rolled-back change — invalidating every worker's caches — are
scheduled with ``transaction.on_commit``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from audit.events import Event
from audit.log import record
from inference import epoch, keys, manifest
from inference.models import ApiKey, Application, Backend, Deployment, Model, ModelVersion, Provider
from inference.providers import headers as extra_headers
from inference.providers import keyfile

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


def do_set_application_owner(
    app: Application, owner: User | None, *, actor: Actor = None, actor_name: str | None = None
) -> Application:
    """Make ``owner`` the application's owner (``None``: nobody owns it)."""
    with transaction.atomic():
        old = app.owner
        if (old.pk if old else None) == (owner.pk if owner else None):
            return app
        app.owner = owner
        app.save(update_fields=["owner"])
        record(
            Event.APP_OWNER_CHANGED,
            actor=actor,
            actor_name=actor_name,
            target=("application", app.pk),
            application_id=app.pk,
            meta={
                "name": app.name,
                "old": old.get_username() if old else None,
                "new": owner.get_username() if owner else None,
            },
        )
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
        held = ""
        if make_default and old_default is not None:
            # A new version of a model with a golden set becomes the default only once it has
            # passed it (quality.promotion): deploy it, check it, then make it the default.
            from quality import promotion

            verdict = promotion.check(mv)
            held = "" if verdict.ok else verdict.note
        if (make_default and not held) or model.default_version_id is None:
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
                **({"default_held": held} if held else {}),
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


# --- Console additions (console-shell) ---


def do_set_default_version(
    mv: ModelVersion,
    *,
    actor: Actor = None,
    force: bool = False,
    quality_check: dict[str, object] | None = None,
) -> Model:
    """Make ``mv`` the version `airlock vllm serve` and `backends deploy` use for its model.

    A new default must pass its model's golden set first (``quality.promotion``: refused, and
    audited, when it drifted or was not checked; ``force`` overrides, audited). ``quality_check``
    is a verdict the caller already has (a canary's promotion checks before its transaction).
    """
    if quality_check is None and not Model.objects.filter(pk=mv.model_id, default_version=mv).exists():
        from quality import promotion

        quality_check = promotion.gate(mv, actor=actor, action="model.set_default", force=force)
    with transaction.atomic():
        model = Model.objects.select_for_update().get(pk=mv.model_id)
        if model.default_version_id == mv.pk:
            return model
        old = model.default_version
        model.default_version = mv
        model.save(update_fields=["default_version"])
        record(
            Event.MODEL_DEFAULT_CHANGED,
            actor=actor,
            target=("model", model.name),
            meta={
                "old": {"version": old.version if old else None},
                "new": {"version": mv.version, "manifest_sha256": mv.manifest_sha256},
                "quality_check": quality_check,
            },
        )
        _invalidate_gateway_caches()
    return model


def do_rotate_api_key(key: ApiKey, *, actor: Actor = None) -> CreatedKey:
    """A new key for the same application (same name, same lifetime), and the old one revoked
    in the same transaction: the application must switch to the new key at once."""
    with transaction.atomic():
        key = ApiKey.objects.select_for_update().select_related("application").get(pk=key.pk)
        if key.revoked_at is not None:
            raise ValidationError(f"Key {key.prefix} is already revoked; create a new key instead.")
        lifetime = key.expires_at - key.created_at if key.expires_at else None
        created = do_create_api_key(key.application, actor=actor, name=key.name, expires_in=lifetime)
        do_revoke_api_key(key, actor=actor)
        record(
            Event.KEY_ROTATED,
            actor=actor,
            target=("api_key", key.prefix),
            application_id=key.application_id,
            meta={"old": {"prefix": key.prefix}, "new": {"prefix": created.key.prefix}},
        )
    return created


# --- External providers and external models (providers) ---

# Header names that look like a credential, beyond those ``providers.headers`` refuses by name:
# credentials come from the key file, never from here.
_SECRET_HEADER_WORDS = ("auth", "key", "token", "secret", "cookie", "password", "credential", "session")


@dataclass(frozen=True)
class ProviderSettings:
    """What an administrator sets on a provider; ``None`` leaves a field unchanged on update."""

    kind: str | None = None
    base_url: str | None = None
    api_key_file: str | None = None
    region: str | None = None
    timeout_seconds: float | None = None
    max_retries: int | None = None
    breaker_threshold: int | None = None
    breaker_cooldown_seconds: float | None = None
    extra_headers: dict[str, str] | None = None
    is_enabled: bool | None = None


_PROVIDER_FIELDS = [f.name for f in fields(ProviderSettings)]


def _provider_state(provider: Provider) -> dict[str, object]:
    return {name: getattr(provider, name) for name in _PROVIDER_FIELDS}


def _validate_provider(provider: Provider) -> None:
    if provider.kind not in Provider.Kind.values:
        raise ValidationError(f"Provider kind must be one of: {', '.join(Provider.Kind.values)}.")
    try:
        URLValidator(schemes=["http", "https"])(provider.base_url)
    except ValidationError:
        raise ValidationError(f"{provider.base_url!r} is not an http(s) URL.") from None
    # https to a public address, or an address the installation allows (providers.guard).
    # Imported here: it brings httpcore, which no other command-line path needs.
    from inference.providers import guard

    guard.check_url(provider.base_url)
    if provider.api_key_file:
        try:
            keyfile.check(provider.api_key_file)
        except keyfile.KeyFileRefused as exc:
            raise ValidationError(str(exc)) from None
    if provider.kind == Provider.Kind.ANTHROPIC and not provider.api_key_file:
        raise ValidationError("An Anthropic provider needs an API key file.")
    if not 0 < provider.timeout_seconds <= 3600:
        raise ValidationError("The timeout must be more than 0 and at most 3600 seconds.")
    if not 0 <= provider.max_retries <= 10:
        raise ValidationError("Retries must be from 0 to 10.")
    if provider.breaker_threshold < 1:
        raise ValidationError("The circuit breaker threshold must be at least 1 failure.")
    if not 0 <= provider.breaker_cooldown_seconds <= 86400:
        raise ValidationError("The circuit breaker cool-down must be from 0 to 86400 seconds.")
    if len(provider.region) > 64:
        raise ValidationError("The region must be at most 64 characters.")
    headers = provider.extra_headers
    if not isinstance(headers, dict):
        raise ValidationError("Extra headers must be a map of names to values.")
    for name, value in headers.items():
        reason = extra_headers.refusal(name, value)
        if reason is not None:
            raise ValidationError(reason)
        if any(word in name.lower() for word in _SECRET_HEADER_WORDS):
            raise ValidationError(
                f"Header {name!r} looks like a credential; credentials come from the API key file only."
            )


def do_register_provider(
    name: str, kind: str, base_url: str, *, actor: Actor = None, settings: ProviderSettings | None = None
) -> Provider:
    """Register an external endpoint. Nothing is sent to it until a model and the egress policy allow."""
    if slugify(name) != name.lower() or not name:
        raise ValidationError(f"Provider name {name!r} may contain only letters, digits, '-' and '_'.")
    given = settings or ProviderSettings()
    with transaction.atomic():
        if Provider.objects.filter(name=name).exists():
            raise ValidationError(f"A provider named {name!r} already exists; change it instead.")
        provider = Provider(name=name, kind=kind, base_url=base_url.rstrip("/"))
        for field_name in _PROVIDER_FIELDS:
            value = getattr(given, field_name)
            if value is not None and field_name not in ("kind", "base_url"):
                setattr(provider, field_name, value)
        _validate_provider(provider)
        provider.save()
        record(
            Event.PROVIDER_REGISTERED,
            actor=actor,
            target=("provider", name),
            meta={"new": _provider_state(provider)},
        )
        _invalidate_gateway_caches()
    return provider


def do_update_provider(provider: Provider, changes: ProviderSettings, *, actor: Actor = None) -> Provider:
    """Change a provider's settings (only the fields given); every worker sees it on its next request."""
    with transaction.atomic():
        provider = Provider.objects.select_for_update().get(pk=provider.pk)
        old = _provider_state(provider)
        for field_name in _PROVIDER_FIELDS:
            value = getattr(changes, field_name)
            if value is not None:
                setattr(provider, field_name, value.rstrip("/") if field_name == "base_url" else value)
        _validate_provider(provider)
        new = _provider_state(provider)
        if new == old:
            return provider
        provider.save()
        changed = sorted(k for k in new if new[k] != old[k])
        record(
            Event.PROVIDER_CHANGED,
            actor=actor,
            target=("provider", provider.name),
            meta={"old": {k: old[k] for k in changed}, "new": {k: new[k] for k in changed}},
        )
        _invalidate_gateway_caches()
    return provider


def do_register_external_model(
    name: str, provider: Provider, remote_name: str, *, actor: Actor = None, description: str = ""
) -> Model:
    """Expose ``provider``'s ``remote_name`` under the local model name ``name`` (or re-point it).

    The name shares the namespace of local models, so applications are allowed to use it like
    any other model; a local model's name cannot be taken.
    """
    if not name or len(name) > 128 or any(c.isspace() for c in name):
        raise ValidationError("A model name must be 1-128 characters without spaces.")
    if not remote_name or len(remote_name) > 256:
        raise ValidationError("The provider's model name must be 1-256 characters.")
    with transaction.atomic():
        model = Model.objects.select_for_update().filter(name=name).first()
        if model is not None and not model.is_external:
            raise ValidationError(f"{name!r} is a local model; choose another name for the external one.")
        old = (
            {"provider": model.provider.name if model.provider else None, "remote_name": model.remote_name}
            if model is not None
            else None
        )
        if model is None:
            model = Model.objects.create(
                name=name, provider=provider, remote_name=remote_name, description=description
            )
        else:
            model.provider, model.remote_name = provider, remote_name
            model.description = description or model.description
            model.save(update_fields=["provider", "remote_name", "description"])
        record(
            Event.MODEL_EXTERNAL_REGISTERED,
            actor=actor,
            target=("model", name),
            meta={"old": old, "new": {"provider": provider.name, "remote_name": remote_name}},
        )
        _invalidate_gateway_caches()
    return model


def do_remove_external_model(model: Model, *, actor: Actor = None) -> None:
    """Remove an external model name (applications lose it at once)."""
    if not model.is_external:
        raise ValidationError(f"{model.name!r} is a local model, not an external one.")
    with transaction.atomic():
        old = {"provider": model.provider.name if model.provider else None, "remote_name": model.remote_name}
        record(Event.MODEL_EXTERNAL_REMOVED, actor=actor, target=("model", model.name), meta={"old": old})
        model.delete()
        _invalidate_gateway_caches()
