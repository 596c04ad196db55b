"""The effective egress policy of a request: the global policy combined with its application's.

The rule, in one place (README, "Egress policy"):

- **enabled** — egress needs the global switch *and* the application's switch. An application
  without a policy row has its switch off, so turning egress on globally lets nothing leave
  until an administrator also turns it on for a chosen application.
- **destinations** — the intersection: a provider must be allowed globally and, if the
  application lists providers, by the application too. ``"*"`` means every registered provider.
  A global list left empty allows none.
- **actions** — per entity type the stricter of the two wins (refuse > redact > placeholder);
  a type named by neither uses the stricter of the two default actions (placeholder unless set).
- **threshold** — the lower (stricter: more is detected) of the two.
- **entities, deny terms, allow terms, patterns** — merged (union). A type that has an action
  or a pattern is always detected, even if ``entities`` does not name it.

Requests with no application (the preview without ``--app``) use the global policy alone.

The gateway keeps effective policies in memory (``inference.hotcache``): every change bumps the
gateway epoch on commit, so every worker drops them before its next request.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from inference.hotcache import HotCache
from redaction.models import EgressPolicy
from redaction.patterns import DENY_LIST, CustomPattern

PLACEHOLDER = EgressPolicy.Action.PLACEHOLDER.value
REDACT = EgressPolicy.Action.REDACT.value
REFUSE = EgressPolicy.Action.REFUSE.value
ACTIONS = (PLACEHOLDER, REDACT, REFUSE)
_STRICTNESS = {PLACEHOLDER: 0, REDACT: 1, REFUSE: 2}

DEFAULT_THRESHOLD = 0.5
DEFAULT_ACTION = PLACEHOLDER
EVERY = "*"


def stricter(*actions: str) -> str:
    """The strictest of ``actions`` (refuse > redact > placeholder)."""
    return max(actions, key=_STRICTNESS.__getitem__)


@dataclass(frozen=True)
class EffectivePolicy:
    """What applies to one application's requests; immutable and shared between requests."""

    application_id: int | None
    enabled: bool
    # "global" or "application": which switch is off; None when egress is enabled.
    disabled_by: str | None
    disabled_reason: str | None
    # None: every registered provider; otherwise the provider names allowed.
    allowed_providers: frozenset[str] | None
    # None: every type the engine knows; otherwise the types to detect.
    entities: frozenset[str] | None
    entity_actions: Mapping[str, str]
    default_action: str
    threshold: float
    deny_terms: tuple[str, ...]
    allow_terms: tuple[str, ...]
    patterns: tuple[CustomPattern, ...]
    fingerprint: str = field(default="", compare=False)

    def action_for(self, entity_type: str) -> str:
        return self.entity_actions.get(entity_type, self.default_action)

    def allows(self, provider: str) -> bool:
        return self.allowed_providers is None or provider in self.allowed_providers

    def detect(self) -> frozenset[str] | None:
        """The ``entities`` argument for the engine: None (all) or the named types."""
        if self.entities is None:
            return None
        return self.entities | frozenset(self.entity_actions)

    def as_dict(self) -> dict[str, Any]:
        """For the API, the CLI and the console (the effective view)."""
        return {
            "enabled": self.enabled,
            "disabled_by": self.disabled_by,
            "disabled_reason": self.disabled_reason,
            "allowed_providers": [EVERY]
            if self.allowed_providers is None
            else sorted(self.allowed_providers),
            "entities": [EVERY] if self.entities is None else sorted(self.entities),
            "entity_actions": dict(sorted(self.entity_actions.items())),
            "default_action": self.default_action,
            "threshold": self.threshold,
            "deny_terms": list(self.deny_terms),
            "allow_terms": list(self.allow_terms),
            "patterns": [_pattern_dict(p) for p in self.patterns],
        }


def _pattern_dict(pattern: CustomPattern) -> dict[str, Any]:
    return {
        "name": pattern.name,
        "entity_type": pattern.entity_type,
        "regex": pattern.regex,
        "score": pattern.score,
    }


def _names(values: Iterable[str] | None) -> frozenset[str] | None:
    """A stored list as a set, or None for "every" (``["*"]``)."""
    if values is None:
        return None
    found = frozenset(str(v) for v in values)
    return None if EVERY in found else found


def _merged_terms(*lists: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for terms in lists:
        for term in terms:
            seen.setdefault(term.casefold(), term)
    return tuple(seen.values())


def _patterns(rows: Iterable[EgressPolicy | None]) -> tuple[CustomPattern, ...]:
    found: list[CustomPattern] = []
    for row in rows:
        for item in row.patterns if row is not None else ():
            found.append(
                CustomPattern(
                    name=str(item["name"]),
                    entity_type=str(item["entity_type"]),
                    regex=str(item["regex"]),
                    score=float(item.get("score", 0.85)),
                )
            )
    return tuple(found)


def combine(
    global_row: EgressPolicy | None, app_row: EgressPolicy | None, *, application_id: int | None
) -> EffectivePolicy:
    """The rule of this module's docstring, as a pure function of the two rows."""
    g_default = (global_row.default_action if global_row else "") or DEFAULT_ACTION
    a_default = (app_row.default_action if app_row else "") or g_default
    default_action = stricter(g_default, a_default)
    g_actions: Mapping[str, str] = global_row.entity_actions if global_row else {}
    a_actions: Mapping[str, str] = app_row.entity_actions if app_row else {}
    actions = {
        entity: stricter(g_actions.get(entity, g_default), a_actions.get(entity, a_default))
        for entity in set(g_actions) | set(a_actions)
    }

    # Providers: the global list (empty allows none) intersected with the application's.
    g_providers = _names((global_row.allowed_providers if global_row else None) or [])
    a_providers = _names(app_row.allowed_providers) if app_row is not None else None
    if g_providers is None:
        providers = a_providers
    elif a_providers is None:
        providers = g_providers
    else:
        providers = g_providers & a_providers

    # Entities: null in the global row means every type; null in an application's row adds none.
    g_entities = _names(global_row.entities if global_row else None)
    a_entities = _names((app_row.entities if app_row else None) or [])
    entities = None if g_entities is None or a_entities is None else g_entities | a_entities

    g_threshold = global_row.threshold if global_row is not None else None
    thresholds = [DEFAULT_THRESHOLD if g_threshold is None else g_threshold]
    if app_row is not None and app_row.threshold is not None:
        thresholds.append(app_row.threshold)

    disabled_by: str | None = None
    reason: str | None = None
    if global_row is None or not global_row.enabled:
        disabled_by = "global"
        reason = "Egress to external providers is disabled (the global egress policy is off)."
    elif application_id is not None and (app_row is None or not app_row.enabled):
        disabled_by = "application"
        reason = "Egress to external providers is not enabled for this application."

    patterns = _patterns([global_row, app_row])
    deny = _merged_terms(global_row.deny_terms if global_row else [], app_row.deny_terms if app_row else [])
    allow = _merged_terms(
        global_row.allow_terms if global_row else [], app_row.allow_terms if app_row else []
    )
    if entities is not None:
        # Custom patterns and deny terms are always run by the engine; name their types so
        # the view of "what is detected" is complete.
        entities = entities | {p.entity_type for p in patterns} | ({DENY_LIST} if deny else set())
    policy = EffectivePolicy(
        application_id=application_id,
        enabled=disabled_by is None,
        disabled_by=disabled_by,
        disabled_reason=reason,
        allowed_providers=providers,
        entities=entities,
        entity_actions=actions,
        default_action=default_action,
        threshold=min(thresholds),
        deny_terms=deny,
        allow_terms=allow,
        patterns=patterns,
    )
    return _with_fingerprint(policy)


def _with_fingerprint(policy: EffectivePolicy) -> EffectivePolicy:
    # What the analysis depends on (not the actions, applied afterwards): two policies with
    # the same fingerprint find the same spans in the same text, so they share cached results.
    detected = policy.detect()
    basis = json.dumps(
        {
            "entities": None if detected is None else sorted(detected),
            "threshold": policy.threshold,
            "deny": sorted(policy.deny_terms),
            "allow": sorted(policy.allow_terms),
            "patterns": [_pattern_dict(p) for p in policy.patterns],
        },
        sort_keys=True,
    )
    object.__setattr__(policy, "fingerprint", hashlib.sha256(basis.encode()).hexdigest())
    return policy


def _split(rows: Iterable[EgressPolicy]) -> tuple[EgressPolicy | None, EgressPolicy | None]:
    global_row = app_row = None
    for row in rows:
        if row.application_id is None:
            global_row = row
        else:
            app_row = row
    return global_row, app_row


def _query(application_id: int | None) -> Any:
    scope = Q(application__isnull=True)
    if application_id is not None:
        scope |= Q(application_id=application_id)
    return EgressPolicy.objects.filter(scope)


def resolve(application_id: int | None) -> EffectivePolicy:
    """The effective policy, read from the database now (CLI, API, preview)."""
    global_row, app_row = _split(_query(application_id))
    return combine(global_row, app_row, application_id=application_id)


_cache: HotCache[EffectivePolicy] = HotCache(max_entries=10_000)


async def effective(application_id: int | None) -> EffectivePolicy:
    """The effective policy for the gateway, from memory until the gateway epoch moves.

    The gateway refreshes the epoch once per request when it authenticates the key, which is
    always before a request can reach the egress path.
    """
    key = str(application_id)
    found = _cache.get(key)
    if found is None:
        global_row, app_row = _split([row async for row in _query(application_id)])
        found = combine(global_row, app_row, application_id=application_id)
        _cache.put(key, found)
    return found


def forget() -> None:
    """Drop the cached policies of this process (tests; the epoch does it in production)."""
    _cache.clear()
