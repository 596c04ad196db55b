"""Reversible placeholders: ``<PERSON_1>`` out, the original value back in the answer.

A :class:`Session` belongs to one request. It numbers placeholders per entity type in the
order values are met, gives the same value the same placeholder everywhere in the request,
and restores them in the answer — also when the model changes their case or brackets, and,
through a :class:`StreamRestorer`, when a stream splits one across chunks — and an answer
that echoes the request comes back byte for byte: the text's own brackets around a value and
each written form of it are remembered with where they stood. It lives only in memory: it
cannot be printed with its values, pickled or copied into a log, and nothing is shared
between sessions, so concurrent requests can never restore each other's values.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, NamedTuple, Protocol

# Brackets a model may put around a placeholder, in pairs. "<" is also seen HTML-escaped, and
# markdown-minded models write "PERSON\_1". Brackets are consumed only when they match, so
# "[<PERSON_1>, <PERSON_2>]" keeps its list brackets.
_PAIRS = {
    "<": ">",
    "<<": ">>",
    "&lt;": "&gt;",
    "[": "]",
    "[[": "]]",
    "{": "}",
    "{{": "}}",
    "«": "»",
    "\u2039": "\u203a",  # single angle quotation marks
}
_OPENS = sorted(_PAIRS, key=len, reverse=True)
_CLOSES = sorted(set(_PAIRS.values()), key=len, reverse=True)
_OPEN_RE = "|".join(re.escape(o) for o in _OPENS)
_CLOSE_RE = "|".join(re.escape(c) for c in _CLOSES)
_OPEN_CHARS = frozenset(o[0] for o in _OPENS)
_CLOSE_STARTS = frozenset(c[0] for c in _CLOSES)
# Longest stretch a placeholder occurrence can span besides its type name: an opening
# "&lt;" and a space, "\_", up to 12 digits, a space and "&gt;".
_SLACK = 4 + 1 + 2 + 12 + 1 + 4


_WORD = re.compile(r"[A-Za-z0-9_]")


class _Report(Protocol):
    restored: int


def normalise(value: str) -> str:
    """When two spans are "the same value": case and runs of whitespace do not count."""
    return " ".join(value.split()).casefold()


@functools.lru_cache(maxsize=256)
def _pattern(types: tuple[str, ...]) -> re.Pattern[str]:
    """``TYPE_n`` as a whole word, any case, ``_`` also as ``-`` or markdown's ``\\_``, with an
    opening and a closing bracket (and a space inside each) if there are any."""
    # Longest names first, so PHONE_NUMBER is not read as PHONE followed by junk.
    names = "|".join(re.escape(t) for t in sorted(types, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<open>{_OPEN_RE})(?P<ows>[ \t]?))?"
        rf"(?<![A-Za-z0-9_])(?P<type>{names})(?:\\?_|-)(?P<number>[0-9]+)(?![0-9])"
        rf"(?:(?P<cws>[ \t]?)(?P<close>{_CLOSE_RE}))?",
        re.IGNORECASE | re.ASCII,
    )


def _pair(opened: str, closed: str) -> tuple[str, str] | None:
    """The brackets left over once the innermost matching pair is removed, or None if none match.

    "<" + ">>" leaves ("", ">"); "<<" + ">" leaves ("<", ""); "[" + ">" does not match.
    """
    for i in range(len(opened)):
        inner = opened[i:]
        expected = _PAIRS.get(inner)
        if expected is not None and closed.startswith(expected):
            return opened[:i], closed[len(expected) :]
    return None


class _Occurrence(NamedTuple):
    """Where a placeholder stood in the request as sent: which text, where its name starts and
    ends (inside the brackets), and which written form of the value it replaced."""

    text: int
    start: int
    end: int
    form: int


# How much text either side of a placeholder tells its occurrences apart.
_CONTEXT = 48


class Session:
    """The placeholders of one request. Memory only; never logged, printed or serialised.

    One value gets one placeholder however its case or spacing varies (``Anna Berg``,
    ``ANNA BERG``), so the model sees one person. Each written form is remembered with where
    the placeholder stood in the request, and restoring picks the form whose surroundings the
    answer repeats: an echo of the request comes back byte for byte, and text the model wrote
    itself gets the form the request used first. What surrounded each placeholder also tells
    a bracket of the text (``<jane@example.com>`` sent as ``<<EMAIL_ADDRESS_1>>``) from one
    the model added around a placeholder.
    """

    __slots__ = (
        "_by_token",
        "_by_value",
        "_corpus",
        "_forms",
        "_next",
        "_occurrences",
        "_reserved",
        "_texts",
        "_types",
        "report",
    )

    def __init__(self, report: _Report | None = None) -> None:
        self._by_value: dict[tuple[str, str], str] = {}
        self._by_token: dict[str, str] = {}  # "PERSON_1" -> the value as first written
        self._forms: dict[str, list[str]] = {}  # "PERSON_1" -> every written form, first first
        self._next: dict[str, int] = {}
        self._corpus = ""
        self._reserved: dict[str, frozenset[int]] = {}
        self._texts: list[str] = []  # the request's texts as sent (placeholders in them)
        self._occurrences: dict[str, list[_Occurrence]] = {}
        self._types: tuple[str, ...] | None = None
        self.report = report

    # --- making placeholders ---

    def avoid(self, texts: list[str]) -> None:
        """Never hand out a placeholder that already appears in the request's own text.

        If a user writes "PERSON_1" (or "<person_1>"), the first person found becomes
        PERSON_2 instead, so the model's echo of the user's literal text is never "restored".
        """
        self._corpus = "\n".join(texts)
        self._reserved.clear()

    def _taken(self, entity_type: str) -> frozenset[int]:
        """The numbers the request's own text already uses with ``entity_type``, read in one
        scan per type (never one per placeholder: a large request has thousands)."""
        taken = self._reserved.get(entity_type)
        if taken is None:
            pattern = _pattern((entity_type,))
            taken = frozenset(int(m["number"]) for m in pattern.finditer(self._corpus))
            self._reserved[entity_type] = taken
        return taken

    def placeholder(self, entity_type: str, value: str) -> str:
        """``<TYPE_n>`` for this value: the same one every time the request mentions it."""
        key = (entity_type, normalise(value))
        token = self._by_value.get(key)
        if token is None:
            number = self._next.get(entity_type, 0)
            taken = self._taken(entity_type)
            number += 1
            while number in taken:
                number += 1
            token = f"{entity_type}_{number}"
            self._next[entity_type] = number
            self._by_value[key] = token
            self._by_token[token] = value
            self._forms[token] = [value]
            self._types = None
        elif value not in self._forms[token]:
            self._forms[token].append(value)
        return f"<{token}>"

    def note(self, sent: str, replaced: list[tuple[int, int, str]]) -> None:
        """Remember where placeholders stand in a text as sent: ``(start, end, value)`` of each
        ``<TYPE_n>`` in ``sent``, ``value`` being what it replaced."""
        if not replaced:
            return
        index = len(self._texts)
        self._texts.append(sent)
        for start, end, value in replaced:
            token = sent[start + 1 : end - 1]
            forms = self._forms.get(token)
            if forms is None:
                continue
            form = forms.index(value) if value in forms else 0
            self._occurrences.setdefault(token, []).append(_Occurrence(index, start + 1, end - 1, form))

    def __len__(self) -> int:
        return len(self._by_token)

    def __bool__(self) -> bool:
        return True

    def tokens(self) -> dict[str, str]:
        """``{"<PERSON_1>": "Jane Doe"}`` — for the administrator's preview only."""
        return {f"<{token}>": value for token, value in self._by_token.items()}

    def types(self) -> tuple[str, ...]:
        if self._types is None:
            self._types = tuple(sorted({token.rsplit("_", 1)[0] for token in self._by_token}))
        return self._types

    def has_forms(self, token: str) -> bool:
        """Whether ``token`` replaced a value written in more than one form."""
        forms = self._forms.get(token)
        return forms is not None and len(forms) > 1

    # --- restoring ---

    def restore(self, text: str, *, json_string: bool = False, before: str = "") -> str:
        """Put the original values back into ``text``, however the model wrote the placeholders.

        ``json_string=True`` is for text inside a JSON string (a tool call's ``arguments``):
        restored values are escaped so the JSON stays valid. ``before`` is the answer's text
        just before ``text`` (already restored and sent, as the model wrote it): it only tells
        which form of a value, and which brackets, the answer is repeating.
        """
        if not self._by_token or not text:
            return text
        full = before + text
        pieces: list[str] = []
        last = len(before)
        for match in _pattern(self.types()).finditer(full, last):
            pieces.append(full[last : match.start()])
            pieces.append(self._replacement(match, json_string))
            last = match.end()
        if not pieces:
            return text
        pieces.append(full[last:])
        return "".join(pieces)

    def restorer(self, *, json_string: bool = False) -> StreamRestorer:
        """A restorer for one streamed text (one per choice, or per tool call's arguments)."""
        return StreamRestorer(self, json_string=json_string)

    def _replacement(self, match: re.Match[str], json_string: bool) -> str:
        token = f"{match['type'].upper()}_{int(match['number'])}"
        value = self._by_token.get(token)
        if value is None:  # not one of ours: the user's own text, or another number
            return match[0]
        if self.report is not None:
            self.report.restored += 1
        occurrences = self._occurrences.get(token, ())
        if len(self._forms[token]) > 1:
            value = self._forms[token][self._closest(match, occurrences).form]
        if json_string:
            value = json.dumps(value, ensure_ascii=False)[1:-1]
        opened, closed = match["open"] or "", match["close"] or ""
        ows, cws = match["ows"] or "", match["cws"] or ""
        if not opened and not closed:
            return value
        if opened.endswith("<") and closed.startswith(">") and not ows and not cws:
            # Our own brackets, kept: what is left around them is the text's if the request
            # had it there ("<" + "<EMAIL_ADDRESS_1>" + ">"), else the model doubled them.
            outer = opened[:-1], closed[1:]
            if not any(outer) or self._wrapped(match, occurrences, *outer):
                return outer[0] + value + outer[1]
        elif self._wrapped(match, occurrences, opened, closed):
            # The model dropped our brackets and kept the text's: "[<PERSON_1>]" as "[PERSON_1]".
            return opened + ows + value + cws + closed
        paired = _pair(opened, closed)
        if paired is None:  # unmatched brackets belong to the surrounding text: keep them
            return opened + ows + value + cws + closed
        return paired[0] + value + paired[1]

    def _wrapped(self, match: re.Match[str], occurrences: Any, opened: str, closed: str) -> bool:
        """Did the request have ``opened`` and ``closed`` right around this placeholder? When
        only some of its occurrences had, the one the answer repeats decides."""
        wrapped = [self._wraps(occurrence, opened, closed) for occurrence in occurrences]
        if all(wrapped) or not any(wrapped):
            return bool(wrapped) and wrapped[0]
        return self._wraps(self._closest(match, occurrences), opened, closed)

    def _wraps(self, occurrence: _Occurrence, opened: str, closed: str) -> bool:
        sent = self._texts[occurrence.text]
        start, end = occurrence.start - 1, occurrence.end + 1  # the placeholder's own brackets
        return sent.startswith(closed, end) and sent[max(0, start - len(opened)) : start] == opened

    def _closest(self, match: re.Match[str], occurrences: Any) -> _Occurrence:
        """The occurrence in the request whose surroundings the answer repeats most closely;
        on a tie the first (so the first written form)."""
        text = match.string
        start, end = match.start("type"), match.end("number")
        left = text[max(0, start - _CONTEXT) : start]
        right = text[end : end + _CONTEXT]
        best: _Occurrence | None = None
        best_score = -1
        for occurrence in occurrences[:_MAX_COMPARED]:
            sent = self._texts[occurrence.text]
            score = _common_suffix(left, sent[max(0, occurrence.start - _CONTEXT) : occurrence.start])
            score += _common_prefix(right, sent[occurrence.end : occurrence.end + _CONTEXT])
            if score > best_score:
                best, best_score = occurrence, score
                if score == len(left) + len(right) and left and right:
                    break
        return best if best is not None else _Occurrence(0, 0, 0, 0)

    # --- never leak ---

    def __repr__(self) -> str:
        return f"<Session with {len(self._by_token)} placeholder(s)>"

    def __reduce__(self) -> Any:
        raise TypeError("A redaction session holds personal data and is never serialised.")

    def __copy__(self) -> Session:
        raise TypeError("A redaction session is never copied.")

    def __deepcopy__(self, memo: dict[int, Any]) -> Session:
        raise TypeError("A redaction session is never copied.")


# A value written in several forms is compared with at most this many of its occurrences.
_MAX_COMPARED = 256


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


class StreamRestorer:
    """Restores placeholders in a streamed text, chunk by chunk.

    ``feed`` returns everything that is certainly final and holds back only a suffix that
    could still become (or grow into) a placeholder — "<PERS", "PERSON_1" before a possible
    "2" or ">" — never the whole answer; and a placeholder of a value written in several forms
    until the text after it has come (it tells which form an echo repeats). ``flush`` returns
    what is left when the stream ends.
    """

    __slots__ = ("_before", "_held", "_json", "_session", "_types")

    def __init__(self, session: Session, *, json_string: bool = False) -> None:
        self._session = session
        self._json = json_string
        self._held = ""
        self._before = ""  # the tail of what was already restored, as the model wrote it
        self._types: tuple[str, ...] | None = None

    def feed(self, piece: str) -> str:
        if not len(self._session):
            return piece  # nothing was replaced in this request: pass the stream through
        if self._types is None:
            self._types = self._session.types()
        text = self._held + piece
        cut = _hold_from(text, self._types, *_starts(self._types))
        cut = self._hold_for_context(text, cut)
        self._held = text[cut:]
        return self._restore(text[:cut])

    def flush(self) -> str:
        text, self._held = self._held, ""
        return self._restore(text)

    def _restore(self, text: str) -> str:
        out = self._session.restore(text, json_string=self._json, before=self._before)
        self._before = (self._before + text)[-(_CONTEXT + _SLACK) :]
        return out

    def _hold_for_context(self, text: str, cut: int) -> int:
        """Hold back a placeholder of a value written in several forms until the text after
        it is known: it tells which form an echo repeats."""
        types = self._types or self._session.types()
        window = max(0, cut - _CONTEXT - _SLACK - max(map(len, types)))
        for match in _pattern(types).finditer(text, window, cut):
            token = f"{match['type'].upper()}_{int(match['number'])}"
            if match.end() + _CONTEXT > len(text) and self._session.has_forms(token):
                return match.start()
        return cut

    def __repr__(self) -> str:
        return f"<StreamRestorer holding {len(self._held)} character(s)>"

    def __reduce__(self) -> Any:
        raise TypeError("A stream restorer holds personal data and is never serialised.")


@functools.lru_cache(maxsize=256)
def _starts(types: tuple[str, ...]) -> tuple[re.Pattern[str], int]:
    """Where a placeholder could start (an opening bracket or a type's first letter), and the
    longest stretch one occurrence can span."""
    firsts = {t[0] for t in types} | {t[0].lower() for t in types}
    chars = "".join(sorted(_OPEN_CHARS | firsts))
    return re.compile(f"[{re.escape(chars)}]"), max(map(len, types)) + _SLACK


def _hold_from(text: str, types: tuple[str, ...], starts: re.Pattern[str], span: int) -> int:
    """Where the undecided tail of ``text`` starts (``len(text)`` if nothing is undecided)."""
    cut = len(text)
    for candidate in starts.finditer(text, max(0, len(text) - span)):
        if _undecided(text, candidate.start(), types):
            cut = candidate.start()
            break
    # A match that began before the window and runs past the cut must not be split.
    if cut < len(text):
        for match in _pattern(types).finditer(text, max(0, cut - span)):
            if match.start() < cut < match.end():
                return match.start()
            if match.start() >= cut:
                break
    return cut


def _undecided(text: str, start: int, types: tuple[str, ...]) -> bool:
    """Could a placeholder occurrence starting at ``start`` still change with more text?

    True when ``text[start:]`` is a proper prefix of an occurrence, or a whole occurrence
    that more text could extend (more digits, a closing bracket).
    """
    rest = text[start:]
    opened = ""
    if rest[0] in _OPEN_CHARS:
        for candidate in _OPENS:
            if rest.startswith(candidate):
                opened = candidate
                break
            if candidate.startswith(rest):
                return True  # "&l", "<" (could be "<<"): wait
    elif start > 0 and _WORD.fullmatch(text[start - 1]):
        return False  # inside a word: not a placeholder's start
    if opened:
        rest = rest[len(opened) :]
        if not rest:
            return True
        if rest[0] in " \t":
            rest = rest[1:]
            if not rest:
                return True
    elif start > 0 and _WORD.fullmatch(text[start - 1]):
        return False  # inside a word: not a placeholder's start (the regex's look-behind)
    for name in types:
        head = rest[: len(name)]
        if head.upper() != name[: len(head)]:
            continue
        if len(head) < len(name):
            return True  # "PERS" at the end
        if _undecided_after_type(rest[len(name) :]):
            return True
    return False


def _undecided_after_type(rest: str) -> bool:
    if not rest:
        return True
    if rest[0] == "\\":
        if len(rest) == 1:
            return True
        if rest[1] != "_":
            return False
        rest = rest[2:]
    elif rest[0] in "_-":
        rest = rest[1:]
    else:
        return False
    digits = len(rest) - len(rest.lstrip("0123456789"))
    if digits == len(rest):
        return True  # "PERSON_" or "PERSON_1": more digits may come
    if digits == 0:
        return False
    rest = rest[digits:]
    if rest[0] in " \t":
        rest = rest[1:]
        if not rest:
            return True  # a closing bracket may follow the space
    if rest[0] not in _CLOSE_STARTS:
        return False
    # "&g", or ">" that could still become ">>": wait. A whole ">>" or "&gt;" is final.
    return any(len(close) > len(rest) and close.startswith(rest) for close in _CLOSES)
