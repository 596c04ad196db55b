"""The one egress gate: every byte that leaves for an external provider goes through ``protect``.

``protect`` resolves the effective policy (``redaction.policy``), refuses the request when
egress is off, the provider is not allowed, or the request carries a type the policy refuses,
and otherwise returns a :class:`SafeBody` — the only thing a provider client accepts
(``require_safe``) — with every value it found replaced, plus the request's placeholder
:class:`~redaction.placeholders.Session` to restore the answer with.

What is analysed. Chat: every message's ``content`` (a string, or the ``text`` of its text
parts), ``name`` and ``refusal``, the string values inside ``tool_calls[].function.arguments``
and legacy ``function_call.arguments`` (kept valid JSON), ``tools[].function.description``,
legacy ``functions[].description``, every free-text value of tool parameter and
response-format schemas (descriptions, titles, and the strings in ``enum``, ``const``,
``default``, ``examples``), and ``stop``. Completions: ``prompt`` and ``suffix``. A schema's
structure (property names, ``required``, types, patterns) is the developer's contract with the
model and is sent as written — and refused if it holds a value found anywhere in the request.
Content that cannot be analysed — images, audio, files, token ids — is refused. Parameters
without text (numbers, booleans) pass; ``user`` (an end-user id) and any unknown field carrying
text are dropped, and the report names them. Nothing else is sent.

How. The engine analyses a normalised view of each text (``redaction.normalize``: look-alike
spaces, dashes, digits and invisible characters made plain; findings map back to the original
characters), in pieces of at most ``PIECE_CHARS`` in the analysis threads, within
``AIRLOCK_REDACTION_TIMEOUT_SECONDS``. Every value found, and each part of a person's name, is
then looked for in every text of the request (``redaction.propagation``), replaced with its
placeholder, and the body as it will be sent is searched once more for every found value.

What is not done: no instruction about placeholders is added to the conversation. The gate
changes only the values it replaces, so the request means what the application wrote; models
keep ``<PERSON_1>``-style tokens well, and the restorers tolerate the case and bracket changes
they do make.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import math
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
from redaction import normalize
from redaction import policy as policies
from redaction.engine import Finding, get_engine
from redaction.placeholders import Session, StreamRestorer, normalise
from redaction.propagation import Values, name_parts

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
    ``egress_unsupported_content`` (images, audio, files or token ids, which cannot be analysed),
    ``egress_unprotected_value`` (a value found in the request also stands in a field sent as
    written, such as a property name). 413 ``invalid_request_error`` with
    ``egress_analysis_timeout``: the request could not be analysed within
    ``AIRLOCK_REDACTION_TIMEOUT_SECONDS``. ``report`` is what the audit record keeps.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        report: EgressReport | None = None,
        status: int = 403,
        type: str = "permission_error",
    ) -> None:
        super().__init__(status, message, type=type, code=code)
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
        """A JSON schema: every free-text value analysed; its structure sent as written.

        Analysed: ``description``, ``title``, ``$comment`` and any unknown keyword's strings,
        and the data in ``enum``, ``const``, ``default`` and ``examples`` (string values, at any
        depth). Sent as written: property names, ``required``, ``type``, ``format``, ``$ref``,
        ``pattern`` and the like — the contract with the model. A value found anywhere in the
        request that appears in one of those refuses the request (``_scan_as_written``).
        """
        if isinstance(value, list):
            return [self.schema(item) for item in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for name, item in value.items():
            if name in _SCHEMA_NAMED:
                out[name] = (
                    {key: self.schema(sub) for key, sub in item.items()} if isinstance(item, dict) else item
                )
            elif name in _SCHEMA_DATA:
                self.data(out, name, item)
            elif name in _SCHEMA_KEPT:
                out[name] = item
            elif isinstance(item, str):
                self.text(out, name, item)
            else:
                out[name] = self.schema(item)
        return out

    def data(self, holder: Any, key: Any, value: Any) -> None:
        """Values in a schema (``enum`` members, defaults, examples): every string analysed."""
        if isinstance(value, str):
            self.text(holder, key, value)
        elif isinstance(value, list):
            holder[key] = list(value)
            for index, item in enumerate(value):
                self.data(holder[key], index, item)
        elif isinstance(value, dict):
            holder[key] = dict(value)
            for name, item in value.items():
                self.data(holder[key], name, item)
        else:
            holder[key] = value


# JSON-schema keywords whose value maps names (sent as written) to schemas.
_SCHEMA_NAMED = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
# Keywords holding data rather than schemas: analysed at any depth.
_SCHEMA_DATA = frozenset({"enum", "const", "default", "examples", "example"})
# Keywords that are structure: names, types, references, regular expressions.
_SCHEMA_KEPT = frozenset(
    {
        "type",
        "format",
        "required",
        "pattern",
        "$ref",
        "$id",
        "$schema",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "dependentRequired",
        "contentEncoding",
        "contentMediaType",
        "discriminator",
    }
)


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


# --- Large requests: analysis in pieces, within a time limit ---

# Characters the engine analyses in one go. A longer text is cut into pieces at paragraph or
# line ends (so no identifier is cut), and short texts are grouped up to this size: each group
# is one job in the analysis pool. The cost of a request stays proportional to its size (the
# engine's own cost per character grows with the length of what it is given), a worker's
# threads are taken for at most one piece at a time, so small requests' jobs pass between the
# pieces of a large one, and the time limit is checked between pieces.
PIECE_CHARS = 8_000


def _cut(text: str, size: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` as ``(offset, piece)``s of at most ``size`` characters, cut at the last
    paragraph end, else line end, else sentence end, else space, in the second half of a piece."""
    if len(text) <= size:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            at = text.rfind(mark, start + size // 2, end)
            if at != -1:
                cut = at + len(mark)
                break
        if cut == -1:
            cut = end
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


@dataclass
class _Analysis:
    """The pieces of a request's texts that need the engine, grouped into jobs."""

    texts: list[str]
    pieces: list[tuple[int, int, str]] = field(default_factory=list)  # (text index, offset, piece)
    jobs: list[range] = field(default_factory=list)  # slices of ``pieces``
    found: list[list[Finding]] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def __post_init__(self) -> None:
        self.found = [[] for _ in self.texts]
        size = 0
        first = 0
        for index, text in enumerate(self.texts):
            for offset, piece in _cut(text):
                if size and size + len(piece) > PIECE_CHARS:
                    self.jobs.append(range(first, len(self.pieces)))
                    first, size = len(self.pieces), 0
                self.pieces.append((index, offset, piece))
                size += len(piece)
        if len(self.pieces) > first:
            self.jobs.append(range(first, len(self.pieces)))

    def job(self, index: int) -> list[str]:
        return [self.pieces[i][2] for i in self.jobs[index]]

    def add(self, index: int, results: list[tuple[Finding, ...]], elapsed_ms: float) -> None:
        self.elapsed_ms += elapsed_ms
        for i, findings in zip(self.jobs[index], results, strict=True):
            text, offset, _ = self.pieces[i]
            self.found[text].extend(
                Finding(f.entity_type, f.start + offset, f.end + offset, f.score) for f in findings
            )

    def results(self) -> list[tuple[Finding, ...]]:
        return [tuple(findings) for findings in self.found]


def _deadline() -> float:
    return time.monotonic() + float(settings.AIRLOCK_REDACTION_TIMEOUT_SECONDS)


def _check_deadline(deadline: float, report: EgressReport) -> None:
    if time.monotonic() > deadline:
        limit = settings.AIRLOCK_REDACTION_TIMEOUT_SECONDS
        raise EgressRefused(
            "egress_analysis_timeout",
            f"The request could not be checked for personal data within {limit:g} s "
            "(AIRLOCK_REDACTION_TIMEOUT_SECONDS), so nothing was sent. Send a shorter request, or "
            "ask an administrator to raise the limit.",
            report=_refused(report, "egress_analysis_timeout"),
            status=413,
            type="invalid_request_error",
        )


def _refused(report: EgressReport, code: str) -> EgressReport:
    report.decision = _REFUSED + code
    return report


def _analyse_sync(
    plan: _Plan, policy: policies.EffectivePolicy, missing: list[str], report: EgressReport, deadline: float
) -> None:
    analysis = _Analysis(missing)
    for index in range(len(analysis.jobs)):
        _check_deadline(deadline, report)
        results, elapsed = _run_engine(analysis.job(index), policy)
        analysis.add(index, results, elapsed)
    _check_deadline(deadline, report)
    _store(plan, policy, missing, analysis.results(), analysis.elapsed_ms, report)


async def _analyse(
    plan: _Plan, policy: policies.EffectivePolicy, missing: list[str], report: EgressReport, deadline: float
) -> None:
    """The engine's work in the analysis pool, one job at a time: between jobs the pool's
    threads are free for other requests' jobs, and the time limit is checked."""
    loop = asyncio.get_running_loop()
    analysis = _Analysis(missing)
    for index in range(len(analysis.jobs)):
        _check_deadline(deadline, report)
        results, elapsed = await loop.run_in_executor(
            _analysis_executor(), _run_engine, analysis.job(index), policy
        )
        analysis.add(index, results, elapsed)
    _check_deadline(deadline, report)
    _store(plan, policy, missing, analysis.results(), analysis.elapsed_ms, report)


# --- Applying the policy ---


def _propagate(plan: _Plan) -> Values:
    """Protect every occurrence of a value that was found anywhere in the request.

    The detector judges each text alone and misses some mentions (a short "Dear Jane Doe" after
    a sentence where it did find "Jane Doe", "Bartholomew" alone in a later message). A value
    found once is personal data everywhere in the request — every message, the system prompt,
    the tools — so its other occurrences are protected too, with the same type and so the same
    placeholder; so are the given names and surnames of a person found. The texts are compared
    in their normalised views (``redaction.normalize``), so a value written once with a
    no-break space and once with a space is one value. Matching rules: ``redaction.propagation``.
    Returns the index of the values, which ``_scan_as_written`` checks the body against.
    """
    for slot in plan.slots:
        slot.findings = plan.found[slot.text]
    values = Values()
    for slot in plan.slots:
        for finding in slot.findings:
            value = slot.text[finding.start : finding.end]
            if len(normalise(value)) >= 3:
                values.add(value, finding.entity_type, finding.score)
    for slot in plan.slots:
        for finding in slot.findings:
            if finding.entity_type == "PERSON":
                for part in name_parts(slot.text[finding.start : finding.end]):
                    values.add(part, "PERSON", finding.score, part=True)
    if not len(values):
        return values
    for slot in plan.slots:
        seen = normalize.view(slot.text)
        free = _Free(slot.findings, seen)
        candidates = [
            Finding(match.entity_type, *seen.span(match.start, match.end), match.score)
            for match in values.find(seen.text, free)
        ]
        if candidates:
            slot.findings = _add_missed(slot.findings, candidates)
    return values


class _Free:
    """``(start, end)`` of a view → whether that span of the original overlaps no finding."""

    def __init__(self, findings: tuple[Finding, ...], seen: normalize.View) -> None:
        self._findings = findings
        self._starts = [f.start for f in findings]
        self._seen = seen

    def __call__(self, start: int, end: int) -> bool:
        start, end = self._seen.span(start, end)
        i = bisect.bisect_right(self._starts, start)
        first = i - 1 if i > 0 and self._findings[i - 1].end > start else i
        last = first
        while last < len(self._findings) and self._findings[last].start < end:
            last += 1
        # Free, or holding only shorter findings of a person: a longer name wins (_add_missed).
        return all(
            f.entity_type == "PERSON" and start <= f.start and f.end <= end and f.end - f.start < end - start
            for f in self._findings[first:last]
        )


def _add_missed(findings: tuple[Finding, ...], candidates: list[Finding]) -> tuple[Finding, ...]:
    """``findings`` plus the candidates that overlap neither them nor each other, by position.

    A person's name found elsewhere that covers a shorter finding of a person here wins over it:
    "jane   doe" after "Jane Doe" is one value, not "jane" and a "doe" left in clear.
    """
    starts = [f.start for f in findings]
    added: list[Finding] = []
    replaced: set[Finding] = set()
    taken_until = -1
    for candidate in sorted(candidates, key=lambda f: (f.start, -f.end)):
        if candidate.start < taken_until:
            continue
        i = bisect.bisect_right(starts, candidate.start)
        first = i - 1 if i > 0 and findings[i - 1].end > candidate.start else i
        last = first
        while last < len(findings) and findings[last].start < candidate.end:
            last += 1
        inside = findings[first:last]
        if inside and not (
            candidate.entity_type == "PERSON"
            and all(
                f.entity_type == "PERSON" and candidate.start <= f.start and f.end <= candidate.end
                for f in inside
            )
        ):
            continue
        replaced.update(inside)
        added.append(candidate)
        taken_until = candidate.end
    if not added:
        return findings
    kept = (f for f in findings if f not in replaced)
    return tuple(sorted((*kept, *added), key=lambda f: f.start))


# Types whose values are not identifying enough to refuse a request for: a year or a month in a
# property name ("year_2024") is not a leak of the date found in a message.
_NOT_SCANNED = frozenset({"DATE_TIME", "NRP"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _scan_as_written(plan: _Plan, values: Values) -> str | None:
    """Where the outgoing body still holds a value found in the request, or None.

    The last check before a body leaves: every string of it — analysed texts as replaced, and
    what is sent as written (property and tool names, ``required``, patterns, enum keys, ids) —
    is searched for every value found anywhere in the request. Names sent as written are also
    read with ``_`` and ``-`` as spaces and camelCase split ("notes_for_jane_doe",
    "notesForJaneDoe"), and patterns without their escapes.
    """
    if not len(values):
        return None
    analysed = {(id(slot.holder), slot.key) for slot in plan.slots}
    json_boxes = {(id(holder), key): box for holder, key, box, _ in plan.json_fields}

    def leaks(text: str, as_written: bool) -> bool:
        variants = [text]
        if as_written:
            variants += [
                re.sub(r"[_\-]+", " ", text),
                _CAMEL.sub(" ", text),
                text.replace("\\", ""),
            ]
        for variant in variants:
            for match in values.find(normalize.view(variant).text):
                if match.entity_type not in _NOT_SCANNED:
                    return True
        return False

    def walk(holder: Any, key: Any, value: Any, where: str) -> str | None:
        box = json_boxes.get((id(holder), key))
        if box is not None:
            return walk(box, 0, box[0], where)
        if isinstance(value, str):
            as_written = (id(holder), key) not in analysed
            if leaks(value, as_written):
                return f"{where}, which is sent as written" if as_written else where
        elif isinstance(value, list):
            for index, item in enumerate(value):
                found = walk(value, index, item, f"{where}[{index}]")
                if found:
                    return found
        elif isinstance(value, dict):
            for name, item in value.items():
                label = f"{where}.{name}" if where else str(name)
                if isinstance(name, str) and leaks(name, True):
                    return f"a name in {where or 'the body'}, which is sent as written"
                found = walk(value, name, item, label)
                if found:
                    return found
        return None

    for name, item in plan.body.items():
        # Parameters pass as they are: the model's name ("claude-3-5-haiku") is not a leak of a
        # "Claude" found in a message; a tool named in ``tool_choice`` is checked in ``tools``.
        if name in _PASS:
            continue
        found = walk(plan.body, name, item, name)
        if found:
            return found
    return None


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
        placed: list[tuple[int, int, str]] = []  # where each placeholder stands in the text sent
        length = 0
        last = 0
        for finding in slot.findings:
            if finding.start < last:  # overlapping findings are merged by the engine; be safe
                continue
            value = text[finding.start : finding.end]
            before = text[last : finding.start]
            length += len(before)
            if policy.action_for(finding.entity_type) == policies.PLACEHOLDER:
                replacement = session.placeholder(finding.entity_type, value)
                placed.append((length, length + len(replacement), value))
            else:
                replacement = f"[{finding.entity_type}]"
            pieces.append(before)
            pieces.append(replacement)
            length += len(replacement)
            last = finding.end
        if pieces:
            pieces.append(text[last:])
            sent = "".join(pieces)
            slot.holder[slot.key] = sent
            session.note(sent, placed)
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
    values = _propagate(plan)
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
    leak = _scan_as_written(plan, values)
    if leak is not None:
        raise _refuse(
            report,
            "egress_unprotected_value",
            f"A value found as personal data in this request would still be sent in clear in {leak} "
            "(property and tool names, patterns and identifiers cannot be replaced). Nothing was "
            "sent. Rename the field, or leave the value out of the request.",
        )
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

    The analysis runs in the redaction thread pool, in pieces of at most ``PIECE_CHARS``
    characters; the event loop only walks the body and looks up the cache (and, for a small
    request, replaces the values). It is bounded by ``AIRLOCK_REDACTION_TIMEOUT_SECONDS``: past
    it the request is refused (413 ``egress_analysis_timeout``) and nothing is sent.
    """
    deadline = _deadline()
    policy = await policies.effective(application_id)
    report = EgressReport(provider=provider, region=region or None, decision="allowed")
    _admit(policy, provider, report)
    plan = _prepare(body, endpoint)
    report.dropped = plan.dropped
    _unsupported(plan, report)
    missing = _from_cache(plan, policy, report)
    if missing:
        await _analyse(plan, policy, missing, report, deadline)
    if sum(len(slot.text) for slot in plan.slots) < _INLINE_CHARS:
        return _finish(plan, policy, report)
    # Propagation, replacement and the last scan are linear but not free on a large request:
    # off the event loop too.
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_analysis_executor(), _finish, plan, policy, report)


# Requests with less text than this are finished on the event loop (a thread hop costs more).
_INLINE_CHARS = 32_000


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
    deadline = _deadline()
    effective = policy if policy is not None else policies.resolve(application_id)
    report = EgressReport(provider=provider, region=region or None, decision="allowed")
    _admit(effective, provider, report)
    return _protect_admitted(body, endpoint, effective, report, deadline)


def _protect_admitted(
    body: dict[str, Any],
    endpoint: str,
    policy: policies.EffectivePolicy,
    report: EgressReport,
    deadline: float | None = None,
) -> Protection:
    deadline = _deadline() if deadline is None else deadline
    plan = _prepare(body, endpoint)
    report.dropped = plan.dropped
    _unsupported(plan, report)
    missing = _from_cache(plan, policy, report)
    if missing:
        _analyse_sync(plan, policy, missing, report, deadline)
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
        # In pieces as for a request, so a long text costs what it would there; an
        # administrator's preview has no time limit.
        _analyse_sync(plan, policy, missing, report, math.inf)
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
