"""A normalised view of a text for the recognisers, with a map back to the original offsets.

People write identifiers with characters that look like the plain ones but are not what a
recogniser's pattern expects: a no-break or thin space between digit groups (French and German
typography, U+00A0, U+202F, U+2009), a tab from a pasted spreadsheet row, an en dash or a
non-breaking hyphen, fullwidth or other-script digits, a zero-width space or a NUL from a PDF
or a web form, dots between the groups of an SSN or IBAN. :func:`view` rewrites those into
their plain equivalents; the analysis runs on the view, and :meth:`View.span` maps each finding
back, so the *original* characters are the ones replaced (zero-width ones inside a span too).

Most replacements keep the length (one character for one); invisible characters are removed,
and a small table of kept segments maps view offsets back. A text with nothing to rewrite —
almost every text — costs one scan and gives the identity view.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["View", "analyses_normalised_view", "fold", "view"]

# Dashes that separate digit groups or join hyphenated names; always a hyphen in the view.
_HYPHENS = "\u2010\u2011\u2012\u2212\ufe63\uff0d\u2043"
# En and em dashes and the horizontal bar are sentence punctuation too ("Jane—the manager"):
# made hyphens only between digits, where they separate groups.
_DIGIT_DASHES = "\u2013\u2014\u2015\ufe58"


# Where look-alike characters live: the Basic and Supplementary Multilingual Planes, and the
# tag characters of plane 14 (invisible, Cf).
_PLANES = (range(0x80, 0x20000), range(0xE0000, 0xE1000))


def _klass(codes: Iterable[int]) -> str:
    """A regex character class body for ``codes``, as ranges."""
    ordered = sorted(set(codes))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        first, last = re.escape(chr(ordered[i])), re.escape(chr(ordered[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], str, str]:
    """The one-for-one translation table, the class of what it maps, and the class of what is
    removed."""
    table: dict[int, str] = {}
    removed: list[int] = []
    for plane in _PLANES:
        for code in plane:
            char = chr(code)
            category = unicodedata.category(char)
            if category == "Zs":
                table[code] = " "
            elif category in ("Zl", "Zp") or code == 0x85:
                table[code] = "\n"
            elif category == "Nd":
                table[code] = str(unicodedata.digit(char))
            elif 0xFF01 <= code <= 0xFF5E:  # fullwidth forms of ASCII (at sign, full stop, letters)
                table[code] = chr(code - 0xFEE0)
            elif category in ("Cf", "Cc"):
                removed.append(code)
    for char in _HYPHENS:
        table[ord(char)] = "-"
    # C0 controls other than tab, newline, vertical tab, form feed and carriage return (NUL…).
    removed.extend(c for c in range(0x20) if chr(c) not in "\t\n\x0b\x0c\r")
    removed.append(0x7F)
    return table, _klass(table), _klass(c for c in removed if c not in table)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]],
]:
    _, mapped, removed = _tables()
    # Anything at all to do: a character outside ASCII, a control character, or a tab or a dot
    # after a digit (the contextual rules below).
    trigger = re.compile(r"[^\x20-\x7e\n\r]|[0-9][\t.]")
    same_length = [
        # Tabs and en/em dashes between digit groups ("+44\t20", "4111\u20131111"). A tab in a
        # line with other tabs is a spreadsheet's cell edge, not a gap inside one number: kept.
        (
            re.compile(rf"(?<=[0-9])[\t{_DIGIT_DASHES}]+(?=[0-9+])"),
            lambda m: m[0] if _cell_edge(m) else _same(m, " " if "\t" in m[0] else "-"),
        ),
        # SSN with dots: 536.22.8475.
        (
            re.compile(r"(?<![0-9.])[0-9]{3}\.[0-9]{2}\.[0-9]{4}(?![0-9]|\.[0-9])"),
            lambda m: m[0].replace(".", "-"),
        ),
        # IBAN with dots between its groups: DE89.3704.0044.0532.0130.00.
        (
            re.compile(r"(?<![\w.])[A-Z]{2}[0-9]{2}(?:\.[A-Z0-9]{4}){2,7}(?:\.[A-Z0-9]{1,4})?(?![\w]|\.\w)"),
            lambda m: m[0].replace(".", " "),
        ),
    ]
    return trigger, re.compile(f"[{mapped}]+"), re.compile(f"[{removed}]+"), same_length


def _cell_edge(match: re.Match[str]) -> bool:
    """Whether a tab run is the edge between two cells of a row: its line has another tab beside a
    word or a blank ("SMITH\tAnna\t12.03.1980\t0151 2345678"), and the cells on both sides of it
    hold five digits or more each (two numbers side by side, "0151 2345678\t12.03.1980"), not the
    groups of one number split by tabs ("+44\t20\t7946\t0958", "…\t303\t978\t7680")."""
    if "\t" not in match[0]:
        return False
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, text.rfind("\t", 0, match.start()) + 1) : match.start()]
    right_end = text.find("\t", match.end(), line_end)
    right = text[match.end() : line_end if right_end < 0 else right_end]
    if sum(c.isdigit() for c in left) < 5 or sum(c.isdigit() for c in right) < 5:
        return False
    return bool(_WORD_TAB.search(text, line_start, line_end))


_WORD_TAB = re.compile(r"(?:^|[^\d+\t])\t|\t(?:$|[^\d+\t])")


def _same(match: re.Match[str], char: str) -> str:
    return char * len(match[0])


@dataclass(frozen=True)
class View:
    """``text`` as the recognisers see it, and how its offsets map back to ``original``."""

    original: str
    text: str
    # Kept segments: (view start, original start), sorted; empty when nothing was removed.
    _segments: tuple[tuple[int, int], ...] = ()

    @property
    def changed(self) -> bool:
        return self.text is not self.original

    def offset(self, index: int) -> int:
        """The original offset of the view's character ``index``."""
        if not self._segments:
            return index
        i = bisect.bisect_right(self._segments, (index, sys.maxsize)) - 1
        view_start, original_start = self._segments[i]
        return original_start + (index - view_start)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's ``[start, end)``; removed characters inside it included."""
        if not self._segments or end <= start:
            return start, end
        return self.offset(start), self.offset(end - 1) + 1


def view(text: str) -> View:
    """The normalised view of ``text`` (the identity when there is nothing to rewrite)."""
    trigger, mapped, removed, same_length = _patterns()
    if not trigger.search(text):
        return View(text, text)
    table = _tables()[0]
    out = mapped.sub(lambda m: m[0].translate(table), text)
    for pattern, rewrite in same_length:
        out = pattern.sub(rewrite, out)
    segments: list[tuple[int, int]] = []
    if removed.search(out):
        pieces: list[str] = []
        last = 0
        length = 0
        for match in removed.finditer(out):
            if match.start() > last:
                segments.append((length, last))
                pieces.append(out[last : match.start()])
                length += match.start() - last
            last = match.end()
        segments.append((length, last))
        pieces.append(out[last:])
        out = "".join(pieces)
    if out == text:
        return View(text, text)
    return View(text, out, tuple(segments))


def fold(text: str) -> str:
    """The view's text alone: how two spellings of a value are compared."""
    return view(text).text


F = TypeVar("F")


def analyses_normalised_view(analyze: Callable[..., list[F]]) -> Callable[..., list[F]]:
    """Decorate ``Engine.analyze``: analyse the view of the text, report spans of the original."""

    @functools.wraps(analyze)
    def wrapper(self: Any, text: str, *args: Any, **kwargs: Any) -> list[F]:
        seen = view(text) if text else View(text, text)
        findings = analyze(self, seen.text, *args, **kwargs)
        if not seen.changed or not seen._segments:
            return findings
        return list(_remapped(seen, findings))

    return wrapper


def _remapped(seen: View, findings: Iterable[Any]) -> Iterable[Any]:
    for finding in findings:
        start, end = seen.span(finding.start, finding.end)
        yield type(finding)(finding.entity_type, start, end, finding.score)
