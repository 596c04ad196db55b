"""Every change of an egress policy, and every preview, goes through these functions.

The CLI, the management API and the console call them: each change is validated, made under
``transaction.atomic()`` with its audit record (old and new values) in the same transaction,
and bumps the gateway epoch on commit so every worker applies it from its next request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from audit.events import Event
from audit.log import record
from inference import epoch
from inference.models import Application, Provider
from redaction import policy
from redaction.models import EgressPolicy
from redaction.patterns import DENY_LIST

if TYPE_CHECKING:  # imported where used: the gate brings Presidio and spaCy
    from redaction import gate

Actor = AbstractBaseUser | AnonymousUser | None

FIELDS = (
    "enabled",
    "allowed_providers",
    "entities",
    "entity_actions",
    "default_action",
    "threshold",
    "deny_terms",
    "allow_terms",
    "patterns",
)
# A type name becomes part of a placeholder (<MRN_1>): letters, digits and underscores, and not
# ending in "_<number>", which would read as a placeholder's own number.
_TYPE = re.compile(r"[A-Z][A-Z0-9_]{0,47}")
_NUMBERED = re.compile(r"_[0-9]+$")
MAX_TERMS = 1000
MAX_TERM_LENGTH = 200
MAX_PATTERNS = 100
DEFAULT_PATTERN_SCORE = 0.85


def policy_row(application: Application | None) -> EgressPolicy | None:
    if application is None:
        return EgressPolicy.objects.filter(application__isnull=True).first()
    return EgressPolicy.objects.filter(application=application).first()


def policy_dict(row: EgressPolicy | None, application: Application | None = None) -> dict[str, Any]:
    """A policy row as the API, the CLI and the audit log show it.

    The global policy is shown with its defaults filled in; an application's shows ``null``
    (or ``""`` for ``default_action``) where it follows the global policy.
    """
    is_global = application is None
    if row is None:
        row = EgressPolicy(application=application)
    data: dict[str, Any] = {
        "scope": "global" if application is None else "application",
        "application": None if application is None else {"id": application.pk, "name": application.name},
        "enabled": row.enabled,
        "allowed_providers": row.allowed_providers,
        "entities": row.entities,
        "entity_actions": dict(sorted((row.entity_actions or {}).items())),
        "default_action": row.default_action,
        "threshold": row.threshold,
        "deny_terms": list(row.deny_terms or []),
        "allow_terms": list(row.allow_terms or []),
        "patterns": list(row.patterns or []),
        "updated_at": row.updated_at.isoformat() if row.pk else None,
        "updated_by": row.updated_by.get_username() if row.pk and row.updated_by else None,
    }
    if is_global:
        data["allowed_providers"] = row.allowed_providers or []
        data["entities"] = row.entities if row.entities is not None else [policy.EVERY]
        data["default_action"] = row.default_action or policy.DEFAULT_ACTION
        data["threshold"] = row.threshold if row.threshold is not None else policy.DEFAULT_THRESHOLD
    return data


def _values(data: Mapping[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in FIELDS}


# --- Validation ---


class _Errors:
    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def _type_name(value: Any, name: str, errors: _Errors) -> str | None:
    if not isinstance(value, str):
        errors.add(name, f"An entity type must be a string, not {value!r}.")
        return None
    upper = value.strip().upper()
    if not _TYPE.fullmatch(upper) or _NUMBERED.search(upper):
        errors.add(
            name,
            f"{value!r} is not a valid entity type: use capital letters, digits and underscores "
            "(e.g. MEDICAL_RECORD), not ending in _<number>.",
        )
        return None
    return upper


def _names_list(value: Any, name: str, errors: _Errors, *, inherit: bool) -> list[Any] | None:
    if value is None:
        if not inherit:
            errors.add(name, 'The global policy needs a list here (use [] or ["*"]).')
        return None
    if not isinstance(value, list | tuple):
        errors.add(name, "Must be a list.")
        return None
    return list(value)


def _providers(value: Any, errors: _Errors, *, inherit: bool) -> list[str] | None:
    items = _names_list(value, "allowed_providers", errors, inherit=inherit)
    if items is None:
        return None
    names: set[str] = set()
    for item in items:
        if item == policy.EVERY:
            return [policy.EVERY]
        if not isinstance(item, str) or slugify(item) != item.lower() or not item:
            errors.add("allowed_providers", f"{item!r} is not a provider name.")
            continue
        names.add(item)
    known = set(Provider.objects.filter(name__in=names).values_list("name", flat=True))
    for unknown in sorted(names - known):
        registered = ", ".join(Provider.objects.order_by("name").values_list("name", flat=True)) or "none"
        errors.add(
            "allowed_providers",
            f"No provider is registered as {unknown!r} (registered: {registered}).",
        )
    return sorted(names)


def _terms(value: Any, name: str, errors: _Errors) -> list[str]:
    if not isinstance(value, list | tuple):
        errors.add(name, "Must be a list of terms.")
        return []
    seen: dict[str, str] = {}
    for term in value:
        if not isinstance(term, str) or not term.strip():
            errors.add(name, f"{term!r} is not a term (a non-empty string).")
            continue
        term = " ".join(term.split())
        if len(term) > MAX_TERM_LENGTH:
            errors.add(name, f"A term may have at most {MAX_TERM_LENGTH} characters.")
            continue
        seen.setdefault(term.casefold(), term)
    if len(seen) > MAX_TERMS:
        errors.add(name, f"At most {MAX_TERMS} terms.")
    return list(seen.values())


def _patterns(value: Any, errors: _Errors) -> list[dict[str, Any]]:
    if not isinstance(value, list | tuple):
        errors.add("patterns", "Must be a list of {name, entity_type, regex, score}.")
        return []
    if len(value) > MAX_PATTERNS:
        errors.add("patterns", f"At most {MAX_PATTERNS} patterns.")
    out: list[dict[str, Any]] = []
    names: set[str] = set()
    for item in value:
        if not isinstance(item, Mapping):
            errors.add("patterns", f"{item!r} is not an object with name, entity_type and regex.")
            continue
        extra = set(item) - {"name", "entity_type", "regex", "score"}
        if extra:
            errors.add("patterns", f"Unknown pattern field(s): {', '.join(sorted(extra))}.")
        name = item.get("name")
        if not isinstance(name, str) or not name or slugify(name) != name.lower() or len(name) > 64:
            errors.add("patterns", f"Pattern name {name!r}: use letters, digits, '-' and '_'.")
            continue
        if name in names:
            errors.add("patterns", f"Two patterns are named {name!r}.")
        names.add(name)
        entity_type = _type_name(item.get("entity_type"), "patterns", errors)
        if entity_type == DENY_LIST:
            errors.add("patterns", f"Pattern {name!r}: DENY_LIST is reserved for deny-list terms.")
        regex = item.get("regex")
        if not isinstance(regex, str) or not regex:
            errors.add("patterns", f"Pattern {name!r} needs a regex.")
            continue
        from redaction import engine  # the regex checks live with the recognisers (Presidio)

        try:
            engine.validate_pattern(regex)
        except ValueError as exc:
            errors.add("patterns", f"Pattern {name!r}: {exc}")
            continue
        score = item.get("score", DEFAULT_PATTERN_SCORE)
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 < score <= 1:
            errors.add("patterns", f"Pattern {name!r}: score must be a number above 0 and at most 1.")
            continue
        if entity_type is not None:
            out.append({"name": name, "entity_type": entity_type, "regex": regex, "score": float(score)})
    return out


def _known_types(extra: Iterable[str]) -> set[str]:
    from redaction.engine import get_engine  # Presidio and spaCy: only when types are named

    known = set(get_engine().supported_entities()) | {DENY_LIST} | set(extra)
    for patterns in EgressPolicy.objects.values_list("patterns", flat=True):
        known.update(str(p.get("entity_type", "")) for p in patterns or [])
    return known


def _check_known(types: Iterable[str], name: str, known: set[str], errors: _Errors) -> None:
    for entity in types:
        if entity not in known:
            errors.add(
                name,
                f"Unknown entity type {entity!r}. Known: {', '.join(sorted(known))} "
                "(or add a pattern of that type).",
            )


def validate(changes: Mapping[str, Any], *, is_global: bool, current: Mapping[str, Any]) -> dict[str, Any]:
    """The changes, normalised; raises ``ValidationError`` ({field: [messages]}) naming what is wrong."""
    errors = _Errors()
    unknown = set(changes) - set(FIELDS)
    for name in sorted(unknown):
        errors.add(name, f"Unknown field; the fields are: {', '.join(FIELDS)}.")
    inherit = not is_global
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "enabled":
            if not isinstance(value, bool):
                errors.add(name, "Must be true or false.")
            out[name] = value
        elif name == "allowed_providers":
            out[name] = _providers(value, errors, inherit=inherit)
        elif name == "entities":
            items = _names_list(value, name, errors, inherit=True)
            if items is not None and policy.EVERY in items:
                items = [policy.EVERY]
            elif items is not None:
                items = sorted({t for t in (_type_name(v, name, errors) for v in items) if t})
            out[name] = items
        elif name == "entity_actions":
            actions: dict[str, str] = {}
            if not isinstance(value, Mapping):
                errors.add(name, "Must be an object {entity type: action}.")
                value = {}
            for entity, action in value.items():
                entity_type = _type_name(entity, name, errors)
                if action not in policy.ACTIONS:
                    errors.add(name, f"{entity}: unknown action {action!r}; use {', '.join(policy.ACTIONS)}.")
                elif entity_type:
                    actions[entity_type] = action
            out[name] = dict(sorted(actions.items()))
        elif name == "default_action":
            if value in (None, ""):
                value = "" if inherit else policy.DEFAULT_ACTION
            elif value not in policy.ACTIONS:
                errors.add(name, f"Unknown action {value!r}; use {', '.join(policy.ACTIONS)}.")
            out[name] = value
        elif name == "threshold":
            if value is None:
                out[name] = None if inherit else policy.DEFAULT_THRESHOLD
            elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                errors.add(name, "Must be a number from 0 to 1.")
            else:
                out[name] = float(value)
        elif name in ("deny_terms", "allow_terms"):
            out[name] = _terms(value, name, errors)
        elif name == "patterns":
            out[name] = _patterns(value, errors)
    errors.raise_if_any()
    named = set(out.get("entity_actions") or {}) | set(
        t for t in (out.get("entities") or []) if t != policy.EVERY
    )
    if named:
        patterns = out.get("patterns", current.get("patterns") or [])
        known = _known_types(p["entity_type"] for p in patterns)
        _check_known(sorted(set(out.get("entities") or []) - {policy.EVERY}), "entities", known, errors)
        _check_known(sorted(out.get("entity_actions") or {}), "entity_actions", known, errors)
        errors.raise_if_any()
    return out


# --- Changes ---


def do_set_egress_policy(
    application: Application | None, changes: Mapping[str, Any], *, actor: Actor = None
) -> EgressPolicy:
    """Change the global policy (``application=None``) or one application's.

    ``changes`` names only the fields to change (see ``FIELDS``); the rest keep their values.
    In an application's policy ``None`` (``""`` for ``default_action``) means "as the global
    policy". Raises ``ValidationError`` with a message per field that is wrong.
    """
    is_global = application is None
    with transaction.atomic():
        rows = EgressPolicy.objects.select_for_update()
        row = (
            rows.filter(application__isnull=True).first()
            if is_global
            else rows.filter(application=application).first()
        )
        before = policy_dict(row, application)
        clean = validate(changes, is_global=is_global, current=before)
        created = row is None
        if row is None:
            row = EgressPolicy(application=application)
            if is_global:
                row.allowed_providers = []
        for name, value in clean.items():
            setattr(row, name, value)
        after = policy_dict(row, application)
        if not created and _values(before) == _values(after):
            return row  # nothing changes: no record, no epoch bump
        row.updated_at = timezone.now()
        row.updated_by = actor if actor is not None and actor.pk else None  # type: ignore[assignment]
        row.save()
        after = policy_dict(row, application)
        changed = sorted(name for name in FIELDS if before[name] != after[name])
        record(
            Event.EGRESS_POLICY_CHANGED,
            actor=actor,
            target=("egress_policy", "global" if application is None else application.pk),
            application_id=None if application is None else application.pk,
            meta={
                "scope": after["scope"],
                "application": None if application is None else application.name,
                "changed": changed,
                "old": _values(before),
                "new": _values(after),
            },
        )
        transaction.on_commit(epoch.bump)
    return row


def do_preview(
    text: str,
    *,
    actor: Actor = None,
    application: Application | None = None,
    provider: str | None = None,
    request_id: str = "",
) -> gate.Preview:
    """What the gate would send for ``text``; recorded as an administrator's read, without the text.

    The record is committed before the preview is returned: no record, no preview.
    """
    from redaction import gate

    result = gate.preview(text, application_id=application.pk if application else None, provider=provider)
    with transaction.atomic():
        record(
            Event.EGRESS_PREVIEWED,
            actor=actor,
            target=("egress_policy", application.pk if application else "global"),
            request_id=request_id,
            application_id=application.pk if application else None,
            meta={
                "chars": len(text),
                "counts": result.counts,
                "would_refuse": bool(result.refused_types),
                "provider": provider,
            },
        )
    return result
