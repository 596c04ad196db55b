"""``airlock keys``: issue, list and revoke API keys. A new key is printed once, never again."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inference import keys, services
from inference.management.commands.apps import _app
from inference.models import ApiKey


class Command(BaseCommand):
    help = "Create, list and revoke API keys of applications."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{create,list,revoke}")
        create = sub.add_parser("create", help="Issue a key (shown once).")
        create.add_argument("app", help="Application name.")
        create.add_argument("--name", default="", help="What the key is for, e.g. 'staging'.")
        create.add_argument("--expires-in-days", type=int, help="Lifetime in days (default: no expiry).")
        create.add_argument("--quiet", action="store_true", help="Print only the key (for scripts).")
        listing = sub.add_parser("list", help="List keys (prefixes only; secrets are never stored).")
        listing.add_argument("app", nargs="?", help="Only this application's keys.")
        revoke = sub.add_parser("revoke", help="Revoke a key at once.")
        revoke.add_argument("key", help="The key's prefix (as in `keys list`) or the whole key.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _create(self, options: dict[str, Any]) -> None:
        app = _app(options["app"])
        days = options["expires_in_days"]
        if days is not None and days <= 0:
            raise CommandError("--expires-in-days must be a positive number of days.")
        created = services.do_create_api_key(
            app, name=options["name"], expires_in=timedelta(days=days) if days else None
        )
        if options["quiet"]:
            self.stdout.write(created.plaintext)
            return
        self.stdout.write(self.style.SUCCESS(f"Created key {created.key.prefix} for {app.name}."))
        self.stdout.write("Store it now: it is shown only this once.\n")
        self.stdout.write(f"  {created.plaintext}\n")
        if created.key.expires_at:
            self.stdout.write(f"Expires: {created.key.expires_at.isoformat()}")

    def _list(self, options: dict[str, Any]) -> None:
        rows = ApiKey.objects.select_related("application")
        if options["app"]:
            rows = rows.filter(application=_app(options["app"]))
        if not rows:
            self.stdout.write("No keys. Create one: airlock keys create APP")
            return
        self.stdout.write(
            f"{'PREFIX':10} {'APP':20} {'NAME':16} {'STATE':8} {'CREATED':20} {'LAST USED':20} EXPIRES"
        )
        for key in rows:
            self.stdout.write(
                f"{key.prefix:10} {key.application.name:20} {key.name[:16]:16} {key.state:8} "
                f"{_when(key.created_at):20} {_when(key.last_used_at):20} {_when(key.expires_at)}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        given = options["key"]
        prefix = keys.parse_prefix(given) or given
        key = ApiKey.objects.filter(prefix=prefix).first()
        if key is None:
            raise CommandError(f"No key with prefix {prefix!r}. See: airlock keys list")
        if key.revoked_at is not None:
            self.stdout.write(f"Key {key.prefix} was already revoked at {key.revoked_at.isoformat()}.")
            return
        services.do_revoke_api_key(key)
        self.stdout.write(self.style.SUCCESS(f"Revoked key {key.prefix} of {key.application.name}."))


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"
