"""LoRA adapters loaded, swapped and unloaded while their base model serves.

An adapter version is loaded on **every** backend serving its base, or on none: each backend is
asked through vLLM's ``/v1/load_lora_adapter`` (the base must run with LoRA enabled — it does
when it has adapters, or when its engine args say ``enable_lora``); if one refuses, the ones
that accepted are unloaded again and nothing changes in routing. Only once every backend holds
it are its deployments created and the gateway's epoch bumped, so no request is ever sent to a
backend that lacks the adapter. A swap (a new version of the same adapter) works the same way:
the new version is loaded under its own served name (``name@version``) beside the old one,
routing switches in one transaction, and the old one is unloaded afterwards — requests already
running on it finish, since vLLM's unload only forgets the name.

The prefix cache cannot hand one adapter's cached blocks to another: vLLM keys every block on
the adapter's name and path, and each version has its own. After a swap the backends are also
asked to reset their prefix cache, which frees the old version's blocks at once; vLLM exposes
that endpoint only in its development mode (unauthenticated, so the installer never turns it
on), and a backend without it is noted, not failed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from audit.events import Event
from audit.log import record
from inference import epoch, vllm
from inference.models import Backend, Deployment, Model, ModelVersion
from inference.providers import keyfile

log = logging.getLogger(__name__)

Actor = User | None


class AdapterError(RuntimeError):
    """An adapter could not be loaded or unloaded everywhere; nothing was half done."""


@dataclass
class BackendResult:
    backend: str
    seconds: float
    error: str = ""


@dataclass
class Outcome:
    """What a load or unload did, per backend (``airlock models load-adapter`` prints it)."""

    adapter: str
    served_name: str
    results: list[BackendResult] = field(default_factory=list)
    unloaded: list[str] = field(default_factory=list)
    prefix_cache: str = ""

    @property
    def slowest_seconds(self) -> float:
        return max((r.seconds for r in self.results), default=0.0)


def served_name(adapter: ModelVersion) -> str:
    """The name vLLM knows a runtime-loaded adapter version by: one per version."""
    return f"{adapter.model.name}@{adapter.version}"


@dataclass
class Answer:
    """A backend's answer to one administrative POST."""

    status: int
    text: str

    def json(self) -> object:
        return json.loads(self.text)


def _post(backend: Backend, path: str, payload: dict[str, object] | None = None) -> Answer:
    """POST to ``backend`` with its API key; ``OSError`` when it cannot be reached."""
    authorization = f"Bearer {keyfile.read(backend.api_key_file)}" if backend.api_key_file else ""
    status, body = vllm.post_json(
        backend.base_url,
        path,
        payload,
        authorization=authorization,
        timeout=settings.AIRLOCK_ADAPTER_LOAD_TIMEOUT_SECONDS,
    )
    return Answer(status, body.decode("utf-8", "replace"))


def _explain(response: Answer) -> str:
    try:
        data = response.json()
        if isinstance(data, dict):
            message = data.get("message") or (data.get("error") or {})
            if isinstance(message, dict):
                message = message.get("message")
            if message:
                return f"HTTP {response.status}: {message}"
    except ValueError:
        pass
    hint = ""
    if response.status == 404:
        hint = " (is the base served with LoRA enabled? set its engine arg enable_lora and restart it once)"
    return f"HTTP {response.status}: {response.text[:300]}{hint}"


def _load_on(backend: Backend, name: str, path: str) -> BackendResult:
    started = time.perf_counter()
    try:
        response = _post(backend, "/v1/load_lora_adapter", {"lora_name": name, "lora_path": path})
    except (OSError, keyfile.KeyFileRefused) as exc:
        return BackendResult(backend.name, time.perf_counter() - started, f"{exc!r}")
    seconds = time.perf_counter() - started
    if response.status == 200:
        return BackendResult(backend.name, seconds)
    if response.status == 400 and "already been loaded" in response.text:
        return BackendResult(backend.name, seconds)  # a retry after a partial failure elsewhere
    return BackendResult(backend.name, seconds, _explain(response))


def _unload_on(backend: Backend, name: str) -> str:
    """Unload ``name``; an adapter the backend does not know counts as unloaded."""
    try:
        response = _post(backend, "/v1/unload_lora_adapter", {"lora_name": name})
    except (OSError, keyfile.KeyFileRefused) as exc:
        return f"{exc!r}"
    if response.status in (200, 404):
        return ""
    return _explain(response)


def _reset_prefix_cache(backends: list[Backend]) -> str:
    done, absent, failed = [], [], []
    for backend in backends:
        try:
            response = _post(backend, "/reset_prefix_cache")
        except (OSError, keyfile.KeyFileRefused) as exc:
            failed.append(f"{backend.name}: {exc!r}")
            continue
        answer = response.json() if response.status == 200 else {}
        if response.status == 200 and (not isinstance(answer, dict) or answer.get("success", True)):
            done.append(backend.name)
        elif response.status in (404, 405):
            absent.append(backend.name)
        else:
            failed.append(f"{backend.name}: HTTP {response.status}")
    parts = []
    if done:
        parts.append(f"reset on {', '.join(done)}")
    if absent:
        parts.append(f"not exposed on {', '.join(absent)} (blocks are keyed by adapter name and path)")
    if failed:
        parts.append(f"reset failed on {'; '.join(failed)}")
    return "; ".join(parts)


def _base_backends(adapter: ModelVersion) -> list[Backend]:
    if adapter.base_id is None:
        raise ValidationError(f"{adapter} is not a LoRA adapter (it has no base version).")
    deployments = Deployment.objects.filter(
        model_version_id=adapter.base_id, is_active=True, draining_since__isnull=True
    ).select_related("backend")
    backends = [d.backend for d in deployments.order_by("backend__name")]
    if not backends:
        raise ValidationError(f"The base {adapter.base} of {adapter.model.name} is not served anywhere.")
    return backends


def load(
    adapter: ModelVersion,
    *,
    actor: Actor = None,
    echo: Callable[[str], None] | None = None,
    switch: bool = True,
    force: bool = False,
) -> Outcome:
    """Load ``adapter`` on every backend serving its base and route its model name to it.

    All or none: a refusal anywhere unloads it from the backends that took it and raises
    ``AdapterError`` naming each failure. The adapter's other versions (a swap) stop receiving
    requests in the same transaction that starts this one, and are unloaded afterwards.

    ``switch=False`` loads and deploys the version beside the current one without moving any
    traffic: a canary (``inference.canary``) then gives it its share, and promoting it makes it
    the default version.

    Switching to a new version needs its model's golden set to pass first
    (``quality.promotion``; ``force`` overrides it, audited): load it with ``switch=False``
    (a canary), check it, then promote it.
    """
    say = echo or (lambda _line: None)
    adapter = ModelVersion.objects.select_related("model", "base__model").get(pk=adapter.pk)
    quality_check = None
    if switch and adapter.model.default_version_id not in (None, adapter.pk):
        from quality import promotion

        quality_check = promotion.gate(adapter, actor=actor, action="adapter.load", force=force)
    backends = _base_backends(adapter)
    name = served_name(adapter)
    outcome = Outcome(adapter=str(adapter), served_name=name)
    for backend in backends:
        result = _load_on(backend, name, adapter.path)
        outcome.results.append(result)
        say(f"  {backend.name}: {'loaded' if not result.error else 'refused'} in {result.seconds:.2f} s")
        if result.error:
            for done in outcome.results[:-1]:
                undone = _unload_on(next(b for b in backends if b.name == done.backend), name)
                if undone:
                    log.error(
                        "could not unload %s from %s after a failed load: %s", name, done.backend, undone
                    )
            errors = "; ".join(f"{r.backend}: {r.error}" for r in outcome.results if r.error)
            raise AdapterError(f"{adapter} was not loaded (all replicas or none): {errors}")

    model = adapter.model
    with transaction.atomic():
        model = Model.objects.select_for_update().get(pk=model.pk)
        old_deployments = (
            list(
                Deployment.objects.filter(model_version__model=model, is_active=True)
                .exclude(model_version=adapter)
                .select_related("backend", "model_version")
            )
            if switch
            else []
        )
        old_names = sorted({(d.backend_id, d.served_name) for d in old_deployments})
        for backend in backends:
            Deployment.objects.update_or_create(
                model_version=adapter,
                backend=backend,
                defaults={"is_active": True, "served_name": name, "weight": 100, "draining_since": None},
            )
        Deployment.objects.filter(pk__in=[d.pk for d in old_deployments]).update(is_active=False)
        old_default = model.default_version_id
        if switch or old_default is None:
            model.default_version = adapter
            model.save(update_fields=["default_version"])
        record(
            Event.ADAPTER_LOADED,
            actor=actor,
            target=("model", model.name),
            meta={
                "version": adapter.version,
                "served_name": name,
                "base": str(adapter.base),
                "manifest_sha256": adapter.manifest_sha256,
                "backends": {r.backend: round(r.seconds, 3) for r in outcome.results},
                "replaced": sorted({str(d.model_version) for d in old_deployments}),
                "default": {"old": old_default, "new": model.default_version_id},
                "switched": switch,
                "quality_check": quality_check,
            },
        )
        transaction.on_commit(epoch.bump)

    if old_names:
        # The epoch is checked on every request: after the bump no new request picks the old
        # names. A short grace covers requests between reading the table and sending.
        time.sleep(settings.AIRLOCK_ADAPTER_SWAP_GRACE_SECONDS)
        by_id = {b.pk: b for b in Backend.objects.filter(pk__in=[b for b, _ in old_names])}
        for backend_id, old_name in old_names:
            if old_name == name:
                continue
            problem = _unload_on(by_id[backend_id], old_name)
            if problem:
                log.warning(
                    "old adapter %s stays loaded on %s: %s", old_name, by_id[backend_id].name, problem
                )
            else:
                outcome.unloaded.append(f"{old_name} on {by_id[backend_id].name}")
        outcome.prefix_cache = _reset_prefix_cache(backends)
    return outcome


def unload(model: Model, *, actor: Actor = None) -> Outcome:
    """Stop routing ``model`` (an adapter) and unload it from every backend that holds it."""
    deployments = list(
        Deployment.objects.filter(model_version__model=model, is_active=True).select_related(
            "backend", "model_version"
        )
    )
    if not deployments:
        raise ValidationError(f"The adapter {model.name} is not loaded anywhere.")
    if any(d.model_version.base_id is None for d in deployments):
        raise ValidationError(f"{model.name} is not a LoRA adapter.")
    outcome = Outcome(adapter=model.name, served_name=", ".join(sorted({d.served_name for d in deployments})))
    with transaction.atomic():
        Deployment.objects.filter(pk__in=[d.pk for d in deployments]).update(is_active=False)
        record(
            Event.ADAPTER_UNLOADED,
            actor=actor,
            target=("model", model.name),
            meta={"deployments": sorted(f"{d.served_name}@{d.backend.name}" for d in deployments)},
        )
        transaction.on_commit(epoch.bump)
    time.sleep(settings.AIRLOCK_ADAPTER_SWAP_GRACE_SECONDS)
    for d in deployments:
        started = time.perf_counter()
        problem = _unload_on(d.backend, d.served_name)
        outcome.results.append(BackendResult(d.backend.name, time.perf_counter() - started, problem))
        if not problem:
            outcome.unloaded.append(f"{d.served_name} on {d.backend.name}")
    return outcome
