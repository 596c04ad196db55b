"""``airlock backends``: inference servers that Airlock did not start itself (GPU hosts)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from inference import services, vllm
from inference.models import Backend, Deployment, Model


class Command(BaseCommand):
    help = "Register vLLM servers, deploy model versions on them, and check their health."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{add,list,deploy,undeploy,check}")
        add = sub.add_parser("add", help="Register a running vLLM server.")
        add.add_argument("name")
        add.add_argument("url", help="Base URL without /v1, e.g. http://gpu-1.internal:8000")
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
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _add(self, options: dict[str, Any]) -> None:
        URLValidator(schemes=["http", "https"])(options["url"])
        backend = services.do_register_backend(options["name"], options["url"])
        healthy, error = vllm.is_healthy(backend.base_url)
        services.do_set_backend_health(backend, healthy=healthy, error=error)
        state = "healthy" if healthy else f"NOT healthy ({error})"
        self.stdout.write(
            self.style.SUCCESS(f"Registered backend {backend.name} at {backend.base_url}: {state}.")
        )

    def _list(self, options: dict[str, Any]) -> None:
        backends = Backend.objects.prefetch_related("deployments__model_version__model")
        if not backends:
            self.stdout.write(
                "No backends. Start one: airlock vllm serve MODEL, or: airlock backends add NAME URL"
            )
            return
        for backend in backends:
            state = "healthy" if backend.is_healthy else f"unhealthy: {backend.last_error or '?'}"
            self.stdout.write(f"{backend.name:20} {backend.base_url:36} {state}")
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
