"""How ``airlock`` runs a Django command quickly, with help pages written for operators.

Two things made every command slow to start and its help noisy:

- Django runs the system checks before each command, and the URL check imports every view
  of the appliance, the redaction views among them, which load Presidio and spaCy: seconds
  before a command that lists applications prints a line. The operators' own commands below
  read and change the database through the service functions; nothing a check verifies
  changes what they do, so they skip it. ``airlock check --deploy``, ``migrate`` and ``serve``
  still run every check.
- Every help page listed Django's generic options (``--verbosity``, ``--settings``,
  ``--pythonpath``, ``--traceback``, ``--no-color``, ``--force-color``, ``--skip-checks``,
  ``--version``). They still work when given; they are only left out of the help.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from typing import Any

# Set for a quick command before Django starts: ApplianceConfig.ready() then leaves the Celery
# app unmade (no quick command sends a task; the console's views and the workers do).
quick_start = False

# The operator commands that skip Django's system checks (see the module's docstring).
QUICK_COMMANDS = frozenset(
    {
        "apps",
        "audit",
        "backends",
        "keys",
        "models",
        "providers",
        "quality",
        "redaction",
        "usage",
        "users",
        "vllm",
    }
)

# Django's options of every command (django.core.management.base.BaseCommand.create_parser).
GENERIC_OPTIONS = frozenset(
    {
        "--version",
        "--verbosity",
        "--settings",
        "--pythonpath",
        "--traceback",
        "--no-color",
        "--force-color",
        "--skip-checks",
    }
)


def _without_skip_checks_help(create_parser: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(create_parser)
    def create(self: Any, prog_name: str, subcommand: str, **kwargs: Any) -> Any:
        parser = create_parser(self, prog_name, subcommand, **kwargs)
        # Django adds --skip-checks outside add_base_argument, so suppressed_base_arguments
        # does not reach it.
        for action in parser._actions:
            if "--skip-checks" in action.option_strings:
                action.help = argparse.SUPPRESS
        return parser

    create.airlock_operator_help = True  # type: ignore[attr-defined]
    return create


def prepare(argv: list[str]) -> list[str]:
    """The argument list to hand to Django, with its help pages set up for operators."""
    from django.core.management.base import BaseCommand

    # Read by BaseCommand.add_base_argument, which adds a suppressed option without help.
    BaseCommand.suppressed_base_arguments = set(GENERIC_OPTIONS)
    if not getattr(BaseCommand.create_parser, "airlock_operator_help", False):
        BaseCommand.create_parser = _without_skip_checks_help(BaseCommand.create_parser)  # type: ignore[method-assign]
    global quick_start
    if "-h" in argv or "--help" in argv:
        quick_start = True  # printing help sends no task
    if len(argv) < 2 or argv[1] not in QUICK_COMMANDS:
        return list(argv)
    quick_start = True
    if "--skip-checks" in argv:
        return list(argv)
    return [*argv[:2], "--skip-checks", *argv[2:]]
