"""``airlock users``: people who use the console, and their roles.

The first administrator is created here (``airlock users create NAME --role administrator``);
everything after that can also be done in the console (Users). Both call
``appliance.services``, so every change is audited, attributed to the shell's account
(``AIRLOCK_ACTOR`` or "system").
"""

from __future__ import annotations

import secrets
import sys
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance import services
from appliance.roles import Role

ROLE_NAMES = [r.value for r in Role]


def _generated_password() -> str:
    # 18 random bytes: 24 URL-safe characters, past every validator, easy to copy.
    return secrets.token_urlsafe(18)


class Command(BaseCommand):
    help = "Create and manage console users and their roles."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(
            dest="action",
            required=True,
            metavar="{create,list,roles,deactivate,reactivate,reset-password,reset-two-factor}",
        )
        create = sub.add_parser("create", help="Create a user; the password is printed once.")
        create.add_argument("name", help="User name.")
        create.add_argument(
            "--role", action="append", choices=ROLE_NAMES, default=[], help="A role (repeat for several)."
        )
        create.add_argument("--email", default="")
        create.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from standard input instead of generating one.",
        )
        create.add_argument("--quiet", action="store_true", help="Print only the generated password.")
        sub.add_parser("list", help="List users, their roles and two-factor status.")
        roles = sub.add_parser("roles", help="Replace a user's roles.")
        roles.add_argument("name")
        roles.add_argument("--role", action="append", choices=ROLE_NAMES, default=[])
        for action, words in (
            ("deactivate", "The user can no longer sign in (nothing is deleted)."),
            ("reactivate", "Let a deactivated user sign in again."),
            ("reset-password", "Replace the password with a new generated one, printed once."),
            ("reset-two-factor", "Forget the user's authenticator; they enrol again at next sign-in."),
        ):
            sub.add_parser(action, help=words).add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action'].replace('-', '_')}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _create(self, options: dict[str, Any]) -> None:
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
            generated = False
        else:
            password = _generated_password()
            generated = True
        user = services.do_create_user(
            options["name"],
            email=options["email"],
            roles=[Role(r) for r in options["role"]],
            password=password,
        )
        if options["quiet"]:
            if generated:
                self.stdout.write(password)
            return
        roles = ", ".join(options["role"]) or "no role"
        self.stdout.write(self.style.SUCCESS(f"Created {user.get_username()} ({roles})."))
        if generated:
            self.stdout.write(f"Password (shown once): {password}")
        self.stdout.write("Sign in at /console/ on the appliance's address.")
        if {Role.ADMINISTRATOR.value, Role.COMPLIANCE_OFFICER.value} & set(options["role"]):
            self.stdout.write(
                "The first sign-in shows a QR code: scan it with an authenticator app (TOTP), "
                "then enter the code it shows."
            )

    def _list(self, options: dict[str, Any]) -> None:
        users = get_user_model().objects.prefetch_related("groups").order_by("username")
        enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
        self.stdout.write(f"{'USER':24} {'STATE':12} {'2FA':4} ROLES")
        for user in users:
            roles = ",".join(sorted(g.name for g in user.groups.all() if g.name in ROLE_NAMES)) or "-"
            state = "active" if user.is_active else "deactivated"
            two_factor = "on" if user.pk in enrolled else "off"
            self.stdout.write(f"{user.get_username():24} {state:12} {two_factor:4} {roles}")

    def _roles(self, options: dict[str, Any]) -> None:
        user = _user(options["name"])
        roles = services.do_set_roles(user, [Role(r) for r in options["role"]])
        self.stdout.write(
            self.style.SUCCESS(f"{user.get_username()}: {', '.join(sorted(roles)) or 'no role'}.")
        )

    def _deactivate(self, options: dict[str, Any]) -> None:
        user = _user(options["name"])
        services.do_deactivate_user(user)
        self.stdout.write(self.style.SUCCESS(f"{user.get_username()} can no longer sign in."))

    def _reactivate(self, options: dict[str, Any]) -> None:
        user = _user(options["name"])
        services.do_reactivate_user(user)
        self.stdout.write(self.style.SUCCESS(f"{user.get_username()} can sign in again."))

    def _reset_password(self, options: dict[str, Any]) -> None:
        user = _user(options["name"])
        password = _generated_password()
        services.do_set_password(user, password)
        self.stdout.write(
            self.style.SUCCESS(f"New password of {user.get_username()} (shown once): {password}")
        )

    def _reset_two_factor(self, options: dict[str, Any]) -> None:
        user = _user(options["name"])
        services.do_reset_two_factor(user)
        self.stdout.write(
            self.style.SUCCESS(f"{user.get_username()} sets up two-factor sign-in again at the next sign-in.")
        )


def _user(name: str) -> User:
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise CommandError(f"No user named {name!r}. See: airlock users list")
    return user  # type: ignore[return-value]
