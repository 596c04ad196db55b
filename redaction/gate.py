"""The one egress gate: every byte that leaves for an external provider goes through ``protect``.

``protect`` resolves the effective policy (``redaction.policy``), refuses the request when
egress is off, the provider is not allowed, or the request carries a type the policy refuses,
and otherwise returns a :class:`SafeBody` — the only thing a provider client accepts
(``require_safe``) — with every value it found replaced, plus the request's placeholder
:class:`~redaction.placeholders.Session` to restore the answer with.

What is analysed. Chat: every message's ``content`` (a string, or the ``text`` of its text
parts), ``name`` and ``refusal``, the string values inside ``tool_calls[].function.arguments``
and legacy ``function_call.arguments`` (kept valid JSON), ``tools[].function.description``,
legacy ``functions[].description``, the ``description``/``title`` strings of tool parameter
and response-format schemas, and ``stop``. Completions: ``prompt`` and ``suffix``. The rest of
a schema (property names, types, enums) is the developer's contract with the model and is sent
as written. Content that cannot be analysed — images, audio, files, token ids — is refused.
Parameters without text (numbers, booleans) pass; ``user`` (an end-user id) and any unknown
field carrying text are dropped, and the report names them. Nothing else is sent.

What is not done: no instruction about placeholders is added to the conversation. The gate
changes only the values it replaces, so the request means what the application wrote; models
keep ``<PERSON_1>``-style tokens well, and the restorers tolerate the case and bracket changes
they do make.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from inference.errors import ApiError
from redaction import cache as analysis_cache
from redaction import policy as policies
from redaction.engine import Finding, get_engine
from redaction.placeholders import Session, StreamRestorer, normalise

__all__ = [
    "EgressRefused",
    "EgressReport",
    "Preview",
    "Protection",
    "SafeBody",
    "Session",
    "StreamRestorer",
    "preview",
    "protect",
    "protect_sync",
    "require_safe",
]

CHAT = "chat/completions"
COMPLETIONS = "completions"

# Top-level parameters that carry no personal data: sent as they are.
_PASS = frozenset(
    {
        "model",
        "stream",
        "stream_options",
        "max_tokens",
        "max_completion_tokens",
        "temperature",
        "top_p",
        "n",
        "presence_penalty",
        "frequency_penalty",
        "seed",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "tool_choice",
        "function_call",
        "parallel_tool_calls",
        "reasoning_effort",
        "service_tier",
        "verbosity",
        "modalities",
        "echo",
        "best_of",
    }
)
# Never sent: an end user's identifier is personal data in itself.
_DROP = frozenset({"user"})
_REFUSED = "refused:"


class EgressRefused(ApiError):
    """The egress policy stops this request; nothing was sent.

    403 ``permission_error`` with ``code``: ``egress_disabled``, ``destination_not_allowed``,
    ``egress_refused_entity`` (the message names the entity *types* found, never the values) or
    ``egress_unsupported_content`` (images, audio, files or token ids, which cannot be analysed).
    ``report`` is what the audit record keeps.
    """

    def __init__(self, code: str, message: str, *, report: EgressReport | None = None) -> None:
        super().__init__(403, message, type="permission_error", code=code)
        self.report = report


@dataclass
class EgressReport:
    """What the audit record keeps of one egress: never a value, only types and counts."""

    provider: str
    region: str | None
    decision: str  # "allowed" | "refused:<code>"
    counts: dict[str, int] = field(default_factory=dict)  # entity type -> occurrences protected
    actions: dict[str, str] = field(default_factory=dict)  # entity type -> placeholder | redact | refuse
    restored: int = 0  # placeholders put back in the answer (Session.restore and restorers add)
    analysed_chars: int = 0  # characters the engine analysed for this request
    cached_chars: int = 0  # characters whose findings came from the per-message cache
    analysis_ms: float = 0.0
    dropped: list[str] = field(default_factory=list)  # fields not sent (names, never values)

    def as_audit(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "region": self.region,
            "decision": self.decision,
            "counts": dict(sorted(self.counts.items())),
            "actions": dict(sorted(self.actions.items())),
            "restored": self.restored,
            "analysed_chars": self.analysed_chars,
            "cached_chars": self.cached_chars,
            "analysis_ms": round(self.analysis_ms, 2),
            "dropped": list(self.dropped),
        }


_GATE = object()  # only this module holds it: the proof that a body went through protect()


class SafeBody:
    """A request body that went through ``protect``: the only thing providers may send."""

    __slots__ = ("body",)

    def __init__(self, body: dict[str, Any], *, _token: object = None) -> None:
        if _token is not _GATE:
            raise TypeError("Only redaction.gate.protect() makes a SafeBody.")
        self.body = body

    def __repr__(self) -> str:
        return f"<SafeBody {len(self.body)} field(s)>"


def require_safe(payload: object) -> SafeBody:
    """What provider clients call on what they are about to send."""
    if not isinstance(payload, SafeBody):
        raise TypeError(
            f"Refusing to send a {type(payload).__name__} to a provider: only a SafeBody from "
            "redaction.gate.protect() may leave."
        )
    return payload


@dataclass
class Protection:
    """What ``protect`` gives the egress path: the body to send, and how to restore the answer."""

    safe: SafeBody
    session: Session
    report: EgressReport


# --- Walking a request body ---


@dataclass
class _Slot:
    """One text to analyse, and where its protected version goes."""

    holder: Any  # the dict or list in the body being built
    key: Any
    text: str
    findings: tuple[Finding, ...] = ()


@dataclass
class _Plan:
    body: dict[str, Any] = field(default_factory=dict)
    slots: list[_Slot] = field(default_factory=list)
    # (holder, key, [parsed document], the slots inside it)
    json_fields: list[tuple[Any, Any, list[Any], range]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    found: dict[str, tuple[Finding, ...]] = field(default_factory=dict)

    def text(self, holder: Any, key: Any, value: str) -> None:
        holder[key] = value
        if value and not value.isspace():
            self.slots.append(_Slot(holder, key, value))

    def json_text(self, holder: Any, key: Any, value: str) -> None:
        """A JSON document in a string (tool arguments): analyse its string values, keep it JSON."""
        try:
            parsed = json.loads(value)
        except ValueError:
            self.text(holder, key, value)  # not JSON: analyse it as text
            return
        holder[key] = value
        box = [parsed]
        first = len(self.slots)
        self._json_strings(box, 0)
        self.json_fields.append((holder, key, box, range(first, len(self.slots))))

    def _json_strings(self, holder: Any, key: Any) -> None:
        value = holder[key]
        if isinstance(value, str):
            self.text(holder, key, value)
        elif isinstance(value, list):
            for index in range(len(value)):
                self._json_strings(value, index)
        elif isinstance(value, dict):
            for name in value:
                self._json_strings(value, name)

    def schema(self, value: Any) -> Any:
        """A JSON schema: ``description`` and ``title`` strings analysed, the rest as written."""
        if isinstance(value, list):
            return [self.schema(item) for item in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for name, item in value.items():
            if name in ("description", "title") and isinstance(item, str):
                self.text(out, name, item)
            else:
                out[name] = self.schema(item)
        return out


def _no_text(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float):
        return True
    if isinstance(value, list):
        return all(_no_text(item) for item in value)
    if isinstance(value, dict):
        return all(_no_text(item) for item in value.values())
    return False


def _strings(plan: _Plan, holder: dict[str, Any], key: str, value: Any, where: str) -> None:
    """A string, or a list of strings (``stop``, a list ``prompt``)."""
    if isinstance(value, str):
        plan.text(holder, key, value)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        holder[key] = list(value)
        for index, item in enumerate(value):
            plan.text(holder[key], index, item)
    elif value is None:
        holder[key] = None
    else:
        plan.unsupported.append(where)


def _part(plan: _Plan, part: Any, where: str) -> dict[str, Any] | None:
    if not isinstance(part, dict):
        plan.unsupported.append(where)
        return None
    kind = part.get("type")
    out: dict[str, Any] = {"type": kind}
    if kind in ("text", "refusal") and isinstance(part.get(kind), str):
        plan.text(out, kind, part[kind])
    else:
        plan.unsupported.append(f"{where} ({kind})")
        return None
    for name, value in part.items():
        if name not in out:
            if _no_text(value):
                out[name] = value
            else:
                plan.dropped.append(f"{where}.{name}")
    return out


def _call(plan: _Plan, call: Any, where: str) -> Any:
    """A tool call or legacy function call: ``arguments`` analysed, ids and names kept."""
    if not isinstance(call, dict):
        plan.unsupported.append(where)
        return None
    out: dict[str, Any] = {}
    for name, value in call.items():
        if name == "function" and isinstance(value, dict):
            out[name] = _call(plan, value, f"{where}.function")
        elif name == "arguments" and isinstance(value, str):
            plan.json_text(out, name, value)
        elif name in ("id", "type", "name") or _no_text(value):
            out[name] = value
        else:
            plan.dropped.append(f"{where}.{name}")
    return out


def _message(plan: _Plan, message: Any, index: int) -> dict[str, Any]:
    where = f"messages[{index}]"
    out: dict[str, Any] = {}
    if not isinstance(message, dict):
        plan.unsupported.append(where)
        return out
    for name, value in message.items():
        if name in ("role", "tool_call_id") or _no_text(value):
            out[name] = value
        elif name == "content" and isinstance(value, list):
            parts = [_part(plan, part, f"{where}.content[{j}]") for j, part in enumerate(value)]
            out[name] = [part for part in parts if part is not None]
        elif name in ("content", "name", "refusal") and isinstance(value, str):
            plan.text(out, name, value)
        elif name == "tool_calls" and isinstance(value, list):
            out[name] = [_call(plan, call, f"{where}.tool_calls[{j}]") for j, call in enumerate(value)]
        elif name == "function_call":
            out[name] = _call(plan, value, f"{where}.function_call")
        else:
            plan.dropped.append(f"{where}.{name}")
    return out


def _tool(plan: _Plan, tool: Any, where: str) -> Any:
    """``tools[]`` ({type, function: {...}}) and legacy ``functions[]`` ({name, description, parameters})."""
    if not isinstance(tool, dict):
        plan.unsupported.append(where)
        return None
    out: dict[str, Any] = {}
    for name, value in tool.items():
        if name == "function" and isinstance(value, dict):
            out[name] = _tool(plan, value, f"{where}.function")
        elif name == "description" and isinstance(value, str):
            plan.text(out, name, value)
        elif name in ("parameters", "input_schema", "schema"):
            out[name] = plan.schema(value)
        elif name in ("type", "name", "strict") or _no_text(value):
            out[name] = value
        else:
            plan.dropped.append(f"{where}.{name}")
    return out


def _response_format(plan: _Plan, value: dict[str, Any]) -> dict[str, Any]:
    """``{"type": "json_schema", "json_schema": {name, description, schema, strict}}``."""
    out: dict[str, Any] = {}
    for name, item in value.items():
        if name == "json_schema" and isinstance(item, dict):
            out[name] = _tool(plan, item, "response_format.json_schema")
        elif name == "type" or _no_text(item):
            out[name] = item
        else:
            plan.dropped.append(f"response_format.{name}")
    return out


def _prepare(body: dict[str, Any], endpoint: str) -> _Plan:
    """A new body holding only what may be sent, and the list of texts in it to analyse."""
    if endpoint not in (CHAT, COMPLETIONS):
        raise ValueError(f"The egress gate does not know the endpoint {endpoint!r}.")
    plan = _Plan()
    out = plan.body
    for name, value in body.items():
        if name in _PASS:
            out[name] = value
        elif name in _DROP:
            plan.dropped.append(name)
        elif name == "messages" and endpoint == CHAT and isinstance(value, list):
            out[name] = [_message(plan, message, i) for i, message in enumerate(value)]
        elif name in ("tools", "functions") and isinstance(value, list):
            out[name] = [_tool(plan, tool, f"{name}[{i}]") for i, tool in enumerate(value)]
        elif name == "response_format" and isinstance(value, dict):
            out[name] = _response_format(plan, value)
        elif name in ("prompt", "suffix", "stop"):
            _strings(plan, out, name, value, name if name != "prompt" else "prompt (token ids)")
        elif _no_text(value):
            out[name] = value  # an extension parameter without text (top_k, min_p, ...)
        else:
            plan.dropped.append(name)
    return plan


# --- Analysis ---

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _analysis_executor() -> ThreadPoolExecutor:
    # Analysis is CPU-bound (spaCy, regexes): it runs here so the gateway's event loop keeps
    # serving other requests; the pool's size bounds how many cores it may take.
    global _executor
    if _executor is None:
        with _executor_lock:
            if _executor is None:
                _executor = ThreadPoolExecutor(
                    max_workers=settings.AIRLOCK_REDACTION_THREADS, thread_name_prefix="redaction"
                )
    return _executor


def _from_cache(plan: _Plan, policy: policies.EffectivePolicy, report: EgressReport) -> list[str]:
    """Fill ``plan.found`` from the cache; return the texts that still need the engine."""
    store = analysis_cache.cache()
    missing: dict[str, None] = {}  # ordered and de-duplicated: a text repeated is analysed once
    for slot in plan.slots:
        text = slot.text
        if text in plan.found or text in missing:
            continue
        hit = store.get(analysis_cache.key_for(policy.fingerprint, text))
        if hit is None:
            missing[text] = None
        else:
            plan.found[text] = hit
            report.cached_chars += len(text)
    return list(missing)


def _run_engine(
    texts: list[str], policy: policies.EffectivePolicy
) -> tuple[list[tuple[Finding, ...]], float]:
    engine = get_engine()  # loaded once per process; its loading is not analysis time
    started = time.perf_counter()
    entities = policy.detect()
    results = [
        tuple(
            engine.analyze(
                text,
                entities=entities,
                threshold=policy.threshold,
                deny_terms=policy.deny_terms,
                allow_terms=policy.allow_terms,
                patterns=policy.patterns,
            )
        )
        for text in texts
    ]
    return results, (time.perf_counter() - started) * 1000


def _store(
    plan: _Plan,
    policy: policies.EffectivePolicy,
    texts: list[str],
    results: list[tuple[Finding, ...]],
    elapsed_ms: float,
    report: EgressReport,
) -> None:
    store = analysis_cache.cache()
    for text, findings in zip(texts, results, strict=True):
        plan.found[text] = findings
        store.put(analysis_cache.key_for(policy.fingerprint, text), findings)
        report.analysed_chars += len(text)
    report.analysis_ms += elapsed_ms


# --- Applying the policy ---


def _propagate(plan: _Plan) -> None:
    """Protect every occurrence of a value that was found anywhere in the request.

    The detector judges each text alone and misses some mentions (a short "Dear Jane Doe" after
    a sentence where it did find "Jane Doe"). A value found once is personal data everywhere in
    the request, so its other occurrences are protected too, with the same type — and so the
    same placeholder. Single words match with their case ("Will" the name, not "will" the
    verb); longer values, e-mail addresses and numbers match whatever the case.
    """
    for slot in plan.slots:
        slot.findings = plan.found[slot.text]
    kinds: dict[str, tuple[str, float]] = {}
    for slot in plan.slots:
        for finding in slot.findings:
            value = slot.text[finding.start : finding.end]
            if len(normalise(value)) >= 3:
                kinds.setdefault(value, (finding.entity_type, finding.score))
    if not kinds:
        return
    # Compiled for this request only: the patterns spell out its values, so they are never cached.
    exact, folded = _value_patterns(sorted(kinds, key=len, reverse=True))
    for slot in plan.slots:
        candidates: list[Finding] = []
        for pattern in (exact, folded):
            for match in pattern.finditer(slot.text) if pattern is not None else ():
                entity_type, score = _kind_of(match.group(), kinds)
                candidates.append(Finding(entity_type, match.start(), match.end(), score))
        if candidates:
            slot.findings = _add_missed(slot.findings, candidates)


def _add_missed(findings: tuple[Finding, ...], candidates: list[Finding]) -> tuple[Finding, ...]:
    """``findings`` plus the candidates that overlap neither them nor each other, by position."""
    starts = [f.start for f in findings]
    added: list[Finding] = []
    taken_until = -1
    for candidate in sorted(candidates, key=lambda f: (f.start, -f.end)):
        if candidate.start < taken_until:
            continue
        i = bisect.bisect_right(starts, candidate.start)
        if i > 0 and findings[i - 1].end > candidate.start:
            continue
        if i < len(findings) and findings[i].start < candidate.end:
            continue
        added.append(candidate)
        taken_until = candidate.end
    if not added:
        return findings
    return tuple(sorted((*findings, *added), key=lambda f: f.start))


def _kind_of(text: str, kinds: dict[str, tuple[str, float]]) -> tuple[str, float]:
    found = kinds.get(text)
    if found is not None:
        return found
    key = normalise(text)
    return next(kind for value, kind in kinds.items() if normalise(value) == key)


def _value_patterns(values: list[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    def spelled(value: str) -> str:
        return r"\s+".join(re.escape(word) for word in value.split())

    single = [v for v in values if v.isalpha()]
    other = [v for v in values if not v.isalpha()]
    exact = re.compile(rf"(?<!\w)(?:{'|'.join(map(spelled, single))})(?!\w)") if single else None
    folded = (
        re.compile(rf"(?<!\w)(?:{'|'.join(map(spelled, other))})(?!\w)", re.IGNORECASE) if other else None
    )
    return exact, folded


def _check_refusals(plan: _Plan, policy: policies.EffectivePolicy, report: EgressReport) -> list[str]:
    """Count what was found (after ``_propagate``); the types the policy refuses, if any."""
    counts: Counter[str] = Counter()
    for slot in plan.slots:
        for finding in slot.findings:
            counts[finding.entity_type] += 1
    report.counts = dict(counts)
    report.actions = {entity: policy.action_for(entity) for entity in counts}
    return sorted(entity for entity, action in report.actions.items() if action == policies.REFUSE)


def _replace(plan: _Plan, policy: policies.EffectivePolicy, session: Session) -> None:
    session.avoid([slot.text for slot in plan.slots])
    changed: set[int] = set()
    for index, slot in enumerate(plan.slots):
        text = slot.text
        pieces: list[str] = []
        last = 0
        for finding in slot.findings:
            if finding.start < last:  # overlapping findings are merged by the engine; be safe
                continue
            value = text[finding.start : finding.end]
            if policy.action_for(finding.entity_type) == policies.PLACEHOLDER:
                replacement = session.placeholder(finding.entity_type, value)
            else:
                replacement = f"[{finding.entity_type}]"
            pieces.append(text[last : finding.start])
            pieces.append(replacement)
            last = finding.end
        if pieces:
            pieces.append(text[last:])
            slot.holder[slot.key] = "".join(pieces)
            changed.add(index)
    # Tool arguments go back as JSON text, their string values now protected; arguments
    # with nothing to protect are sent byte for byte as the application wrote them.
    for holder, key, box, inside in plan.json_fields:
        if changed.intersection(inside):
            holder[key] = json.dumps(box[0], ensure_ascii=False)


def _refuse(report: EgressReport, code: str, message: str) -> EgressRefused:
    report.decision = _REFUSED + code
    return EgressRefused(code, message, report=report)


def _admit(policy: policies.EffectivePolicy, provider: str, report: EgressReport) -> None:
    if not policy.enabled:
        hint = (
            "airlock redaction policy set --app <application> --enable"
            if policy.disabled_by == "application"
            else "airlock redaction policy set --enable"
        )
        raise _refuse(
            report,
            "egress_disabled",
            f"{policy.disabled_reason} Nothing was sent. An administrator can turn it on ({hint}).",
        )
    if not policy.allows(provider):
        raise _refuse(
            report,
            "destination_not_allowed",
            f"The egress policy does not allow requests to the provider '{provider}'. Nothing was sent.",
        )


def _finish(plan: _Plan, policy: policies.EffectivePolicy, report: EgressReport) -> Protection:
    _propagate(plan)
    refused = _check_refusals(plan, policy, report)
    if refused:
        raise _refuse(
            report,
            "egress_refused_entity",
            "The request contains personal data of a type the egress policy does not let leave: "
            f"{', '.join(refused)}. Nothing was sent.",
        )
    session = Session(report)
    _replace(plan, policy, session)
    return Protection(SafeBody(plan.body, _token=_GATE), session, report)


def _unsupported(plan: _Plan, report: EgressReport) -> None:
    if plan.unsupported:
        raise _refuse(
            report,
            "egress_unsupported_content",
            "The request has content that cannot be checked for personal data "
            f"({', '.join(plan.unsupported[:5])}); the egress policy only lets analysed text leave. "
            "Nothing was sent.",
        )


async def protect(
    body: dict[str, Any],
    *,
    endpoint: str,
    application_id: int | None,
    provider: str,
    region: str | None = None,
) -> Protection:
    """Make ``body`` safe to send to ``provider``, or raise ``EgressRefused``.

    The analysis runs in the redaction thread pool; the event loop only walks the body and
    looks up the cache.
    """
    policy = await policies.effective(application_id)
    report = EgressReport(provider=provider, region=region or None, decision="allowed")
    _admit(policy, provider, report)
    plan = _prepare(body, endpoint)
    report.dropped = plan.dropped
    _unsupported(plan, report)
    missing = _from_cache(plan, policy, report)
    if missing:
        loop = asyncio.get_running_loop()
        results, elapsed = await loop.run_in_executor(_analysis_executor(), _run_engine, missing, policy)
        _store(plan, policy, missing, results, elapsed, report)
    return _finish(plan, policy, report)


def protect_sync(
    body: dict[str, Any],
    *,
    endpoint: str,
    application_id: int | None,
    provider: str,
    region: str | None = None,
    policy: policies.EffectivePolicy | None = None,
) -> Protection:
    """``protect`` for synchronous callers (Celery tasks, management commands)."""
    effective = policy if policy is not None else policies.resolve(application_id)
    report = EgressReport(provider=provider, region=region or None, decision="allowed")
    _admit(effective, provider, report)
    return _protect_admitted(body, endpoint, effective, report)


def _protect_admitted(
    body: dict[str, Any], endpoint: str, policy: policies.EffectivePolicy, report: EgressReport
) -> Protection:
    plan = _prepare(body, endpoint)
    report.dropped = plan.dropped
    _unsupported(plan, report)
    missing = _from_cache(plan, policy, report)
    if missing:
        results, elapsed = _run_engine(missing, policy)
        _store(plan, policy, missing, results, elapsed, report)
    return _finish(plan, policy, report)


# --- Preview: what would be sent ---


@dataclass
class Preview:
    """What the gate would send for a text, for an administrator testing the policy.

    ``placeholders`` maps each placeholder to the original value: the administrator pasted the
    text and sees it anyway; the API marks the answer ``no-store`` and the audit record of a
    preview keeps only counts.
    """

    application_id: int | None
    enabled: bool
    disabled_reason: str | None
    provider: str | None
    provider_allowed: bool | None
    sent: str
    body: dict[str, Any]
    findings: list[dict[str, Any]]
    placeholders: dict[str, str]
    counts: dict[str, int]
    refused_types: list[str]
    dropped: list[str]
    analysed_chars: int
    cached_chars: int
    analysis_ms: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "application_id": self.application_id,
            "egress": {
                "enabled": self.enabled,
                "disabled_reason": self.disabled_reason,
                "provider": self.provider,
                "provider_allowed": self.provider_allowed,
            },
            "would_refuse": bool(self.refused_types),
            "refused_types": self.refused_types,
            "sent": self.sent,
            "body": self.body,
            "findings": self.findings,
            "placeholders": self.placeholders,
            "counts": self.counts,
            "analysed_chars": self.analysed_chars,
            "cached_chars": self.cached_chars,
            "analysis_ms": round(self.analysis_ms, 2),
        }


def preview(text: str, *, application_id: int | None = None, provider: str | None = None) -> Preview:
    """Exactly what ``protect`` would send for ``text`` as a user message, with what it found.

    Unlike ``protect`` it does not stop when egress is off or the provider is not allowed, nor
    when a type would refuse the request: it says so, so the policy can be tried before it is
    switched on.
    """
    policy = policies.resolve(application_id)
    body = {"messages": [{"role": "user", "content": text}]}
    report = EgressReport(provider=provider or "", region=None, decision="preview")
    plan = _prepare(body, CHAT)
    missing = _from_cache(plan, policy, report)
    if missing:
        results, elapsed = _run_engine(missing, policy)
        _store(plan, policy, missing, results, elapsed, report)
    _propagate(plan)
    refused = _check_refusals(plan, policy, report)
    session = Session()
    found = plan.slots[0].findings if plan.slots else ()
    # Redaction of the same plan, whether or not a type would refuse it, to show what each
    # finding becomes.
    _replace(plan, policy, session)
    findings = []
    for finding in found:
        action = policy.action_for(finding.entity_type)
        value = text[finding.start : finding.end]
        if action == policies.PLACEHOLDER:
            replacement = session.placeholder(finding.entity_type, value)
        elif action == policies.REDACT:
            replacement = f"[{finding.entity_type}]"
        else:
            replacement = None
        findings.append(
            {
                "type": finding.entity_type,
                "start": finding.start,
                "end": finding.end,
                "score": round(finding.score, 3),
                "action": action,
                "replacement": replacement,
            }
        )
    sent_message = plan.body["messages"][0]
    return Preview(
        application_id=application_id,
        enabled=policy.enabled,
        disabled_reason=policy.disabled_reason,
        provider=provider,
        provider_allowed=policy.allows(provider) if provider else None,
        sent=str(sent_message.get("content", "")),
        body=plan.body,
        findings=findings,
        placeholders=session.tokens(),
        counts=dict(sorted(report.counts.items())),
        refused_types=refused,
        dropped=plan.dropped,
        analysed_chars=report.analysed_chars,
        cached_chars=report.cached_chars,
        analysis_ms=report.analysis_ms,
    )
