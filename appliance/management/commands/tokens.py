"""``airlock tokens``: personal API tokens for scripts calling the management API.

The operator at the appliance's shell already reaches its database, so making a token for a
person here needs no further proof; like every command, it is audited under the operating-
system account and host that ran it (``appliance.shell_actor``). The token carries at most the
person's roles and is printed once.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from appliance import tokens
from appliance.models import ApiToken
from appliance.roles import Role


class Command(BaseCommand):
    help = "Personal API tokens: create (shown once), list, revoke."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{create,list,revoke}")
        create = sub.add_parser("create", help="A token for USER; printed once.")
        create.add_argument("user", metavar="USER")
        create.add_argument("--name", required=True, help="What it is for, e.g. ci-deploy.")
        create.add_argument(
            "--role",
            action="append",
            choices=[r.value for r in Role],
            default=[],
            help="A role it carries (repeat; default: all of the user's roles).",
        )
        create.add_argument("--expires-in-days", type=int, default=tokens.DEFAULT_LIFETIME_DAYS, metavar="N")
        create.add_argument("--quiet", action="store_true", help="Print only the token.")
        listing = sub.add_parser("list", help="Tokens (of one user), newest first; never their secrets.")
        listing.add_argument("user", nargs="?", metavar="USER")
        revoke = sub.add_parser("revoke", help="Revoke a token at once.")
        revoke.add_argument("prefix", metavar="PREFIX", help="The part after alt_ (8 characters).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _user(self, name: str) -> User:
        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            raise CommandError(f"No user named {name!r}. See: airlock users list")
        return user  # type: ignore[return-value]

    def _create(self, options: dict[str, Any]) -> None:
        created = tokens.do_create_token(
            self._user(options["user"]),
            name=options["name"],
            roles=options["role"] or None,
            expires_in_days=options["expires_in_days"],
        )
        if options["quiet"]:
            self.stdout.write(created.plaintext)
            return
        token = created.token
        self.stdout.write(self.style.SUCCESS(f"Token {token.name} for {options['user']}:"))
        self.stdout.write(f"  {created.plaintext}")
        self.stdout.write(f"  roles    {', '.join(token.roles)}")
        self.stdout.write(f"  expires  {token.expires_at:%Y-%m-%d %H:%M} UTC")
        self.stdout.write("It is shown this once. Send it as: Authorization: Bearer <token>")

    def _list(self, options: dict[str, Any]) -> None:
        found = ApiToken.objects.select_related("user")
        if options["user"]:
            found = found.filter(user=self._user(options["user"]))
        if not found:
            self.stdout.write("No tokens.")
            return
        now = timezone.now()
        self.stdout.write(f"{'PREFIX':10} {'OWNER':20} {'NAME':20} {'STATE':8} {'EXPIRES':11} ROLES")
        for token in found:
            state = "revoked" if token.revoked_at else ("expired" if token.expires_at <= now else "active")
            self.stdout.write(
                f"{token.prefix:10} {token.user.get_username():20} {token.name[:20]:20} {state:8} "
                f"{token.expires_at:%Y-%m-%d}  {', '.join(token.roles)}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        token = ApiToken.objects.filter(prefix=options["prefix"]).first()
        if token is None:
            raise CommandError(f"No token alt_{options['prefix']}. See: airlock tokens list")
        tokens.do_revoke_token(token)
        self.stdout.write(self.style.SUCCESS(f"Token alt_{token.prefix} ({token.name}) revoked."))
