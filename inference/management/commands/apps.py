"""``airlock apps``: create and list the internal applications that call /v1."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inference import services
from inference.models import Application


class Command(BaseCommand):
    help = "Create and list applications (internal apps that call /v1)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="{create,list,models,audit-content}"
        )
        create = sub.add_parser("create", help="Register an application.")
        create.add_argument("name", help="Short unique name: letters, digits, '-' and '_'.")
        create.add_argument("--description", default="")
        create.add_argument("--owner", help="Username of the person responsible for the app.")
        group = create.add_mutually_exclusive_group()
        group.add_argument("--models", default="", help="Comma-separated model names the app may call.")
        group.add_argument("--all-models", action="store_true", help="The app may call every model.")
        sub.add_parser("list", help="List applications.")
        models = sub.add_parser("models", help="Set which models an application may call.")
        models.add_argument("name")
        group = models.add_mutually_exclusive_group(required=True)
        group.add_argument("--models", help="Comma-separated model names.")
        group.add_argument("--all-models", action="store_true")
        content = sub.add_parser("audit-content", help="What the audit log keeps of prompts and answers.")
        content.add_argument("name")
        content.add_argument("mode", choices=Application.AuditContent.values)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action'].replace('-', '_')}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _create(self, options: dict[str, Any]) -> None:
        owner = None
        if options["owner"]:
            owner = get_user_model().objects.filter(username=options["owner"]).first()
            if owner is None:
                raise CommandError(f"No user named {options['owner']!r}.")
        app = services.do_create_application(
            options["name"],
            owner=owner,
            description=options["description"],
            allowed_models=_split(options["models"]),
            allow_all_models=options["all_models"],
        )
        self.stdout.write(self.style.SUCCESS(f"Created application {app.name}."))
        self.stdout.write(f"Next: airlock keys create {app.name}")

    def _list(self, options: dict[str, Any]) -> None:
        apps = Application.objects.prefetch_related("allowed_models", "keys").select_related("owner")
        if not apps:
            self.stdout.write("No applications yet. Create one: airlock apps create NAME --models MODEL")
            return
        self.stdout.write(f"{'NAME':24} {'STATE':10} {'OWNER':16} {'KEYS':>4}  {'AUDIT':9} MODELS")
        for app in apps:
            models = (
                "(all)" if app.allow_all_models else ",".join(m.name for m in app.allowed_models.all()) or "-"
            )
            active_keys = sum(1 for k in app.keys.all() if k.state == "active")
            owner = app.owner.get_username() if app.owner else "-"
            state = "active" if app.is_active else "suspended"
            self.stdout.write(
                f"{app.name:24} {state:10} {owner:16} {active_keys:>4}  {app.audit_content:9} {models}"
            )

    def _models(self, options: dict[str, Any]) -> None:
        app = _app(options["name"])
        services.do_set_allowed_models(
            app, models=_split(options["models"] or ""), allow_all=options["all_models"]
        )
        self.stdout.write(self.style.SUCCESS(f"Updated the models {app.name} may call."))

    def _audit_content(self, options: dict[str, Any]) -> None:
        app = _app(options["name"])
        services.do_set_audit_content(app, options["mode"])
        self.stdout.write(
            self.style.SUCCESS(f"The audit log now keeps '{options['mode']}' content for {app.name}.")
        )


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _app(name: str) -> Application:
    app = Application.objects.filter(name=name).first()
    if app is None:
        raise CommandError(f"No application named {name!r}. See: airlock apps list")
    return app
