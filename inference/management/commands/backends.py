"""``airlock backends``: inference servers that Airlock did not start itself (GPU hosts).

A backend started with vLLM's ``--api-key`` refuses callers without that key, so only the
gateways can reach the GPU hosts. ``add --api-key-file`` and ``set-key`` name the file that
holds it; the gateway reads the file when it sends a request (the key is never stored in the
database, so a dump holds no secret, and rotating it is replacing the file).
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction

from audit.events import Event
from audit.log import record
from inference import services, vllm
from inference.models import Backend, Deployment, Model
from inference.providers import keyfile


class Command(BaseCommand):
    help = "Register vLLM servers, deploy model versions on them, and check their health."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="{add,set-key,list,deploy,undeploy,check}"
        )
        add = sub.add_parser("add", help="Register a running vLLM server.")
        add.add_argument("name")
        add.add_argument("url", help="Base URL without /v1, e.g. http://gpu-1.internal:8000")
        add.add_argument(
            "--api-key-file",
            metavar="PATH",
            help="File holding the key the server was started with (vLLM --api-key); the gateway "
            "sends it as Authorization: Bearer. Absolute path, readable by the appliance, not by others.",
        )
        set_key = sub.add_parser("set-key", help="Change (or --clear) the API key file of a backend.")
        set_key.add_argument("name")
        which = set_key.add_mutually_exclusive_group(required=True)
        which.add_argument("api_key_file", nargs="?", metavar="PATH", help="The new key file.")
        which.add_argument("--clear", action="store_true", help="Send no key to this backend.")
        sub.add_parser("list", help="Backends, their health and what they serve.")
        deploy = sub.add_parser("deploy", help="Send a model's traffic (or a share of it) to a backend.")
        deploy.add_argument("model")
        deploy.add_argument("backend")
        deploy.add_argument("--version", help="Model version (default: the model's default version).")
        deploy.add_argument("--weight", type=int, default=100, help="Share of traffic, relative (canary: 5).")
        undeploy = sub.add_parser("undeploy", help="Stop sending a model's traffic to a backend.")
        undeploy.add_argument("model")
        undeploy.add_argument("backend")
        sub.add_parser("check", help="Ask every backend's /health now and record the answer.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action'].replace('-', '_')}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _add(self, options: dict[str, Any]) -> None:
        URLValidator(schemes=["http", "https"])(options["url"])
        # Checked before anything is written: a refused key file registers nothing.
        key_file = check_api_key_file(options["api_key_file"]) if options["api_key_file"] else None
        with transaction.atomic():
            backend = services.do_register_backend(options["name"], options["url"])
            if key_file is not None:
                set_api_key_file(backend, key_file)
        healthy, error = vllm.is_healthy(backend.base_url)
        services.do_set_backend_health(backend, healthy=healthy, error=error)
        state = "healthy" if healthy else f"NOT healthy ({error})"
        keyed = f", sent the key in {key_file}" if key_file else ""
        self.stdout.write(
            self.style.SUCCESS(f"Registered backend {backend.name} at {backend.base_url}{keyed}: {state}.")
        )

    def _set_key(self, options: dict[str, Any]) -> None:
        backend = _backend(options["name"])
        key_file = "" if options["clear"] else check_api_key_file(options["api_key_file"])
        if backend.api_key_file == key_file:
            self.stdout.write(f"Backend {backend.name} already uses {key_file or 'no key'}; nothing changed.")
            return
        with transaction.atomic():
            set_api_key_file(backend, key_file)
        shown = f"the key in {key_file}" if key_file else "no key"
        self.stdout.write(self.style.SUCCESS(f"Backend {backend.name} is now sent {shown}."))

    def _list(self, options: dict[str, Any]) -> None:
        backends = Backend.objects.prefetch_related("deployments__model_version__model")
        if not backends:
            self.stdout.write(
                "No backends. Start one: airlock vllm serve MODEL, or: airlock backends add NAME URL"
            )
            return
        for backend in backends:
            state = "healthy" if backend.is_healthy else f"unhealthy: {backend.last_error or '?'}"
            keyed = f"  key file {backend.api_key_file}" if backend.api_key_file else ""
            self.stdout.write(f"{backend.name:20} {backend.base_url:36} {state}{keyed}")
            for dep in backend.deployments.all():
                active = "" if dep.is_active else " (inactive)"
                self.stdout.write(
                    f"    serves {dep.model_version} as '{dep.served_name}', weight {dep.weight}{active}"
                )

    def _deploy(self, options: dict[str, Any]) -> None:
        model = Model.objects.filter(name=options["model"]).first()
        if model is None:
            raise CommandError(f"No model named {options['model']!r}. See: airlock models list")
        mv = (
            model.versions.filter(version=options["version"]).first()
            if options["version"]
            else model.default_version
        )
        if mv is None:
            raise CommandError(f"{model.name} has no version {options['version'] or '(default)'}.")
        backend = _backend(options["backend"])
        if options["weight"] < 0:
            raise CommandError("--weight must be 0 or more.")
        services.do_deploy(mv, backend, weight=options["weight"])
        self.stdout.write(
            self.style.SUCCESS(f"{mv} now serves on {backend.name} with weight {options['weight']}.")
        )

    def _undeploy(self, options: dict[str, Any]) -> None:
        backend = _backend(options["backend"])
        deployments = Deployment.objects.filter(
            backend=backend, model_version__model__name=options["model"], is_active=True
        )
        if not deployments:
            raise CommandError(f"{options['model']} is not deployed on {backend.name}.")
        for dep in deployments:
            services.do_undeploy(dep)
        self.stdout.write(self.style.SUCCESS(f"{options['model']} no longer serves on {backend.name}."))

    def _check(self, options: dict[str, Any]) -> None:
        for backend in Backend.objects.all():
            healthy, error = vllm.is_healthy(backend.base_url)
            services.do_set_backend_health(backend, healthy=healthy, error=error)
            self.stdout.write(f"{backend.name:20} {'healthy' if healthy else 'unhealthy: ' + error}")


def _backend(name: str) -> Backend:
    backend = Backend.objects.filter(name=name).first()
    if backend is None:
        raise CommandError(f"No backend named {name!r}. See: airlock backends list")
    return backend


def check_api_key_file(path: str) -> str:
    """The path, if the gateway may send its content to a backend; ``CommandError`` saying why not.

    The gateway reads the file with the rules of a provider's key file (``inference.providers.
    keyfile``), so it is checked by the same rules here, before anything is written: an absolute
    path in the appliance's provider keys folder (``AIRLOCK_PROVIDER_KEYS_DIR``), a regular file
    owned by the appliance's user that nobody else may read (mode 0600 or 0400), and never one of
    the appliance's own secrets (the secret key or an audit key would leave as a bearer token).
    It must also open and hold a key.
    """
    if not os.path.isabs(path):
        raise CommandError(f"--api-key-file must be an absolute path, not {path!r}.")
    try:
        keyfile.check(path)
        key = keyfile.read(path)
    except keyfile.KeyFileRefused as exc:
        raise CommandError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"The key file {path} cannot be read by the appliance: {exc}.") from None
    if not key:
        raise CommandError(f"The key file {path} is empty.")
    return path


def set_api_key_file(backend: Backend, path: str) -> None:
    """Point ``backend`` at a key file (or none, ``""``); audited, in the caller's transaction."""
    old = backend.api_key_file
    Backend.objects.filter(pk=backend.pk).update(api_key_file=path)
    backend.api_key_file = path
    record(
        Event.BACKEND_REGISTERED,
        target=("backend", backend.name),
        meta={"old": {"api_key_file": old}, "new": {"api_key_file": path}},
    )
    services._invalidate_gateway_caches()
