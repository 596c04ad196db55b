"""Who is acting when a change comes from the command line (issue 18, item 3).

``airlock`` commands change the appliance with no signed-in person. Their audit records used to
name ``system`` or whatever ``--actor``/``AIRLOCK_ACTOR`` said; now they name the operating-
system account and host that ran the command, read from the kernel (the real uid), not from
the environment, which the caller controls. ``appliance.cli.main`` marks the process as a
command-line run (``begin``); long-running servers (``airlock serve``) are not marked, so the
gateway's own records (a backend going down, an automatic rollback) stay ``system``.

When a command does name a person (a compliance officer proven by password and TOTP code,
``verify_person``), the record keeps that person as its actor, and its actor name says which
shell account and host the command came from.

Nothing here imports Django at module level: ``airlock --help`` must stay fast.
"""

from __future__ import annotations

import os
import pwd
import socket
from typing import Any

# Commands that run servers or workers: their records are the appliance's own, not an operator's.
SERVER_COMMANDS = frozenset({"serve", "runserver", "celery", "worker", "beat", "scheduler"})

# Django's own commands that change people without an audit record: the audited ones instead.
UNAUDITED_COMMANDS = {
    "createsuperuser": "airlock users create NAME --role administrator",
    "changepassword": "airlock users reset-password NAME",
}

_command_line_actor: str | None = None


def operating_system_actor() -> str:
    """``user@host``; ``root@host (sudo: alice)`` when root got there through sudo."""
    try:
        user = pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # a uid with no passwd entry (a container): the number is what there is
        user = f"uid {os.getuid()}"
    name = f"{user}@{socket.gethostname()}"
    # SUDO_USER is only informative: a root shell could set it to anything, but it cannot hide
    # that the command ran as root on this host.
    sudo_user = os.environ.get("SUDO_USER", "")
    if os.getuid() == 0 and sudo_user and sudo_user != user:
        name += f" (sudo: {sudo_user[:64]})"
    return name


def begin(argv: list[str]) -> None:
    """Mark this process as an operator's command-line run (unless it runs a server)."""
    global _command_line_actor
    command = argv[1] if len(argv) > 1 else ""
    _command_line_actor = None if command in SERVER_COMMANDS else operating_system_actor()


def end() -> None:
    global _command_line_actor
    _command_line_actor = None


def command_line_actor() -> str | None:
    """The shell account and host of this command-line run, or None outside one."""
    return _command_line_actor


class CredentialsRefused(Exception):
    """The user name, password or TOTP code did not prove who the operator says they are."""


def verify_person(username: str, password: str, code: str, *, purpose: str) -> Any:
    """The active user proven by ``password`` and a current TOTP ``code``, or ``CredentialsRefused``.

    Each refusal is audited (``auth.sign_in_failed``, with the shell account and host), and
    django-otp's throttling slows guessing of the code: each wrong code doubles the wait
    before the device accepts another.
    """
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from audit.events import Event
    from audit.log import record

    user = get_user_model().objects.filter(username=username).first()
    reason = ""
    if user is None or not user.is_active:
        reason = "unknown or deactivated user"
    elif not password or not user.check_password(password):
        reason = "wrong password"
    else:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            reason = "no two-factor device"
        elif not code or not device.verify_is_allowed()[0] or not device.verify_token(code.strip()):
            reason = "wrong or throttled TOTP code"
    if reason:
        with transaction.atomic():
            record(
                Event.SIGN_IN_FAILED,
                actor=None,
                target=("user", user.pk if user is not None else username[:150]),
                meta={
                    "via": "command line",
                    "purpose": purpose,
                    "username": username[:150],
                    "reason": reason,
                },
            )
        raise CredentialsRefused(f"The credentials of {username!r} were refused ({reason}).")
    return user
