"""``airlock redaction``: the egress policy, and a preview of exactly what would leave.

Thin edge: options are turned into the changes ``redaction.services.do_set_egress_policy``
makes (and records in the audit log). Without ``--actor`` a change is attributed to the
operating-system account (``AIRLOCK_ACTOR`` or "system"); with it, the named user must be an
administrator.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser, RawDescriptionHelpFormatter
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from appliance.roles import Role, has_role
from inference.models import Application
from redaction import policy, services
from redaction.patterns import DENY_LIST

EPILOG = """\
examples:
  airlock redaction preview "Call Jane Doe on +44 20 7946 0958" --app triage
  airlock redaction policy show --app triage
  airlock redaction policy set --enable --allow-provider openai --action US_SSN=refuse
  airlock redaction policy set --app triage --enable --action PHONE_NUMBER=redact --threshold 0.4
  airlock redaction policy set --deny "Project Falcon" --pattern mrn:MEDICAL_RECORD:'MRN-\\d{6}'
  airlock redaction policy set --app triage --inherit threshold
  airlock redaction entities

Egress needs the global switch and the application's switch on. See README, "Egress policy".
"""

INHERITABLE = ("allowed_providers", "entities", "default_action", "threshold")


class Command(BaseCommand):
    help = "Egress policy (global and per application) and a preview of what would be sent."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = EPILOG
        parser.formatter_class = RawDescriptionHelpFormatter  # keep the examples' line breaks
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="command", required=True, metavar="{preview,policy,entities}")

        preview = sub.add_parser("preview", help="Show exactly what would be sent for a text, and why.")
        preview.add_argument("text", help='The text to try ("-" reads it from standard input).')
        preview.add_argument(
            "--app", metavar="NAME", help="Under this application's policy (default: global)."
        )
        preview.add_argument("--provider", metavar="NAME", help="Also say whether this provider is allowed.")
        preview.add_argument("--json", action="store_true", help="Print the API's JSON answer.")
        preview.add_argument("--actor", metavar="USERNAME", help="The administrator asking (recorded).")

        pol = sub.add_parser("policy", help="Show or change the egress policy.")
        psub = pol.add_subparsers(dest="policy_action", required=True, metavar="{show,set}")
        show = psub.add_parser("show", help="The policy as stored and as in effect.")
        show.add_argument("--app", metavar="NAME", help="One application's policy (default: global).")
        show.add_argument("--json", action="store_true")

        change = psub.add_parser(
            "set",
            help="Change the policy; only the options given change anything.",
            formatter_class=RawDescriptionHelpFormatter,
        )
        change.add_argument("--app", metavar="NAME", help="One application's policy (default: global).")
        change.add_argument("--actor", metavar="USERNAME", help="The administrator making the change.")
        switch = change.add_mutually_exclusive_group()
        switch.add_argument(
            "--enable", dest="enabled", action="store_const", const=True, help="Turn egress on."
        )
        switch.add_argument(
            "--disable", dest="enabled", action="store_const", const=False, help="Turn it off."
        )
        change.add_argument(
            "--allow-provider",
            action="append",
            default=[],
            metavar="NAME",
            help="Allow a provider (repeat for several; '*' = every registered provider).",
        )
        change.add_argument("--remove-provider", action="append", default=[], metavar="NAME")
        change.add_argument(
            "--entities",
            metavar="all|T1,T2,...",
            help="Entity types to detect: 'all' or a comma-separated list.",
        )
        change.add_argument(
            "--action",
            action="append",
            default=[],
            metavar="TYPE=ACTION",
            help="placeholder, redact or refuse for one entity type (TYPE=default removes it).",
        )
        change.add_argument("--default-action", choices=policy.ACTIONS, help="For types without an --action.")
        change.add_argument("--threshold", type=float, metavar="0-1", help="Minimum detection score.")
        change.add_argument(
            "--deny", action="append", default=[], metavar="TERM", help="Always protect TERM."
        )
        change.add_argument("--remove-deny", action="append", default=[], metavar="TERM")
        change.add_argument(
            "--allow", action="append", default=[], metavar="TERM", help="Never protect TERM."
        )
        change.add_argument("--remove-allow", action="append", default=[], metavar="TERM")
        change.add_argument(
            "--pattern",
            action="append",
            default=[],
            metavar="NAME:TYPE:REGEX",
            help="Add (or replace, by name) a regex recogniser, e.g. mrn:MEDICAL_RECORD:'MRN-\\d{6}'.",
        )
        change.add_argument(
            "--pattern-score",
            type=float,
            default=services.DEFAULT_PATTERN_SCORE,
            metavar="0-1",
            help=f"Score of the patterns given here (default {services.DEFAULT_PATTERN_SCORE}).",
        )
        change.add_argument("--remove-pattern", action="append", default=[], metavar="NAME")
        change.add_argument(
            "--inherit",
            action="append",
            default=[],
            choices=INHERITABLE,
            help="Application only: follow the global policy for this field again.",
        )

        sub.add_parser("entities", help="The entity types the detector knows.")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["command"]
        if command == "policy":
            command = f"policy_{options['policy_action']}"
        try:
            getattr(self, f"_{command}")(options)
        except ValidationError as exc:
            messages = (
                [f"{name}: {m}" for name, ms in exc.message_dict.items() for m in ms]
                if hasattr(exc, "error_dict")
                else exc.messages
            )
            raise CommandError("\n".join(messages)) from None

    # --- helpers ---

    def _actor(self, name: str | None) -> AbstractBaseUser | None:
        if not name:
            return None
        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            raise CommandError(f"No user named {name!r}.")
        if not has_role(user, Role.ADMINISTRATOR):
            raise CommandError(f"{name} is not an administrator.")
        return user

    # --- preview ---

    def _preview(self, options: dict[str, Any]) -> None:
        text = sys.stdin.read() if options["text"] == "-" else options["text"]
        app = _app(options["app"]) if options["app"] else None
        result = services.do_preview(
            text, actor=self._actor(options["actor"]), application=app, provider=options["provider"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
            return
        scope = f"application {app.name}" if app else "the global policy"
        if result.enabled:
            egress = self.style.SUCCESS(f"on ({scope})")
        else:
            egress = self.style.WARNING(f"off — {result.disabled_reason}")
        self.stdout.write(f"Egress:     {egress}")
        if result.provider:
            allowed = "allowed" if result.provider_allowed else "NOT allowed"
            self.stdout.write(f"Provider:   {result.provider} ({allowed})")
        if result.refused_types:
            self.stdout.write(
                self.style.ERROR(
                    f"Would refuse: the text contains {', '.join(result.refused_types)}; "
                    "nothing would be sent."
                )
            )
        else:
            self.stdout.write("Would send:")
            for line in result.sent.splitlines() or [""]:
                self.stdout.write(f"  {line}")
        if not result.findings:
            self.stdout.write("Found nothing to protect.")
        else:
            self.stdout.write(f"Found {len(result.findings)}:")
            self.stdout.write(f"  {'TYPE':20} {'ACTION':12} {'SCORE':>5}  {'SENT AS':22} ORIGINAL")
            for finding in result.findings:
                original = text[finding["start"] : finding["end"]]
                sent_as = finding["replacement"] or "(refuses)"
                self.stdout.write(
                    f"  {finding['type']:20} {finding['action']:12} {finding['score']:>5.2f}  "
                    f"{sent_as:22} {original}"
                )
        self.stdout.write(
            f"Analysed {result.analysed_chars} characters in {result.analysis_ms:.1f} ms"
            + (f" ({result.cached_chars} from the cache)." if result.cached_chars else ".")
        )

    # --- policy ---

    def _policy_show(self, options: dict[str, Any]) -> None:
        app = _app(options["app"]) if options["app"] else None
        stored = services.policy_dict(services.policy_row(app), app)
        effective = policy.resolve(app.pk if app else None).as_dict()
        if options["json"]:
            self.stdout.write(json.dumps({**stored, "effective": effective}, indent=2))
            return
        if app is None:
            self.stdout.write("Global egress policy" + _updated(stored))
            self._fields(stored, inherit=False)
            if not effective["enabled"]:
                self.stdout.write(self.style.WARNING(f"  → {effective['disabled_reason']}"))
            self.stdout.write("  Applications also need their own switch on: policy set --app NAME --enable")
            return
        self.stdout.write(f"Egress policy of application {app.name}" + _updated(stored))
        self._fields(stored, inherit=True)
        self.stdout.write(f"In effect for {app.name} (global and application combined, the stricter wins):")
        self._fields(effective, inherit=False)
        if not effective["enabled"]:
            self.stdout.write(self.style.WARNING(f"  → {effective['disabled_reason']}"))

    def _fields(self, data: dict[str, Any], *, inherit: bool) -> None:
        def shown(value: Any, empty: str) -> str:
            if value is None or value == "":
                return "as global" if inherit else empty
            if isinstance(value, list):
                if value == [policy.EVERY]:
                    return "all"
                return ", ".join(json.dumps(v) if " " in str(v) else str(v) for v in value) or empty
            if isinstance(value, dict):
                return ", ".join(f"{k}={v}" for k, v in value.items()) or empty
            return str(value)

        rows = [
            ("egress", "on" if data["enabled"] else "off"),
            ("allowed providers", shown(data["allowed_providers"], "none")),
            ("entities", shown(data["entities"], "all")),
            ("actions", shown(data["entity_actions"], "-")),
            ("default action", shown(data["default_action"], policy.DEFAULT_ACTION)),
            ("threshold", shown(data["threshold"], str(policy.DEFAULT_THRESHOLD))),
            ("deny terms", shown(data["deny_terms"], "-")),
            ("allow terms", shown(data["allow_terms"], "-")),
        ]
        for label, value in rows:
            self.stdout.write(f"  {label:18} {value}")
        patterns = data["patterns"]
        self.stdout.write(f"  {'patterns':18} {'-' if not patterns else ''}")
        for p in patterns:
            self.stdout.write(f"    {p['name']:16} {p['entity_type']:20} {p['regex']}  (score {p['score']})")

    def _policy_set(self, options: dict[str, Any]) -> None:
        app = _app(options["app"]) if options["app"] else None
        if options["inherit"] and app is None:
            raise CommandError("--inherit is for an application's policy (add --app NAME).")
        current = services.policy_dict(services.policy_row(app), app)
        changes = _changes(options, current)
        if not changes:
            raise CommandError("Nothing to change: give at least one option (see --help).")
        services.do_set_egress_policy(app, changes, actor=self._actor(options["actor"]))
        scope = f"application {app.name}" if app else "global"
        self.stdout.write(self.style.SUCCESS(f"Changed the {scope} egress policy: {_described(changes)}."))
        effective = policy.resolve(app.pk if app else None)
        if not effective.enabled:
            self.stdout.write(self.style.WARNING(f"Note: {effective.disabled_reason}"))
        self.stdout.write('Workers apply it from their next request. Try it: airlock redaction preview "…"')

    # --- entities ---

    def _entities(self, options: dict[str, Any]) -> None:
        from redaction.engine import get_engine  # Presidio and spaCy, loaded for this command only

        for name in sorted({*get_engine().supported_entities(), DENY_LIST}):
            self.stdout.write(name)
        self.stdout.write("…and the entity types of the policy's own patterns.")


def _described(changes: dict[str, Any]) -> str:
    """The changes as an operator reads them: "egress off", not the field's name "enabled"."""
    parts = []
    if "enabled" in changes:
        parts.append(f"egress {'on' if changes['enabled'] else 'off'}")
    parts += [name.replace("_", " ") + " changed" for name in sorted(changes) if name != "enabled"]
    return ", ".join(parts)


def _changes(options: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The fields to change, computed from the stored policy and the options given."""
    changes: dict[str, Any] = {}
    if options["enabled"] is not None:
        changes["enabled"] = options["enabled"]
    if options["allow_provider"] or options["remove_provider"]:
        providers = list(current["allowed_providers"] or [])
        providers += [p for p in options["allow_provider"] if p not in providers]
        changes["allowed_providers"] = [p for p in providers if p not in options["remove_provider"]]
    if options["entities"] is not None:
        given = options["entities"].strip()
        changes["entities"] = (
            [policy.EVERY]
            if given.lower() in ("all", "*")
            else [t.strip() for t in given.split(",") if t.strip()]
        )
    if options["action"]:
        actions = dict(current["entity_actions"])
        for item in options["action"]:
            entity, sep, action = item.partition("=")
            if not sep or not entity.strip():
                raise CommandError(f"--action {item!r}: write TYPE=placeholder|redact|refuse|default.")
            entity = entity.strip().upper()
            if action.strip() == "default":
                actions.pop(entity, None)
            else:
                actions[entity] = action.strip()
        changes["entity_actions"] = actions
    if options["default_action"] is not None:
        changes["default_action"] = options["default_action"]
    if options["threshold"] is not None:
        changes["threshold"] = options["threshold"]
    for add, remove, name in (
        ("deny", "remove_deny", "deny_terms"),
        ("allow", "remove_allow", "allow_terms"),
    ):
        if options[add] or options[remove]:
            removed = {t.casefold() for t in options[remove]}
            terms = [t for t in current[name] if t.casefold() not in removed]
            known = {t.casefold() for t in terms}
            terms += [t for t in options[add] if t.casefold() not in known]
            changes[name] = terms
    if options["pattern"] or options["remove_pattern"]:
        patterns = {p["name"]: p for p in current["patterns"] if p["name"] not in options["remove_pattern"]}
        for item in options["pattern"]:
            parts = item.split(":", 2)
            if len(parts) != 3 or not all(parts):
                raise CommandError(f"--pattern {item!r}: write NAME:TYPE:REGEX.")
            name, entity_type, regex = parts
            patterns[name] = {
                "name": name,
                "entity_type": entity_type.upper(),
                "regex": regex,
                "score": options["pattern_score"],
            }
        changes["patterns"] = list(patterns.values())
    for name in options["inherit"]:
        changes[name] = None if name != "default_action" else ""
    return changes


def _updated(stored: dict[str, Any]) -> str:
    if not stored["updated_at"]:
        return " (never changed: the defaults)"
    return f" (changed {stored['updated_at'][:19]} by {stored['updated_by'] or 'system'})"


def _app(name: str) -> Application:
    app = Application.objects.filter(name=name).first()
    if app is None:
        raise CommandError(f"No application named {name!r}. See: airlock apps list")
    return app
