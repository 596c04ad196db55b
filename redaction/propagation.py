"""Finding again, anywhere in a request, the values the detector found somewhere in it.

The detector judges each text alone and misses some mentions: a first name alone in a later
message (``Bartholomew asked again.`` after ``Bartholomew Higgins``), a short "Dear Jane Doe", a
value in a tool description. A value found once is personal data everywhere in the request, so
the gate looks for every found value — and for the given names and surnames of every person
found — in every text of the request, and, before anything is sent, in every string of the body
that is sent as written (property names, tool names, patterns): see ``redaction.gate``.

:class:`Values` is an index keyed by each value's first word, so one pass over a text finds
every value in it whatever their number: the cost is linear in the text, not in text times values
(a 1 MB request finds thousands of values; one alternation regex of all of them made the gate's
cost grow with the text times the number of values).

Matching rules (the texts and values are compared in their normalised views,
``redaction.normalize``):

- a value of several words, or with digits or punctuation, matches in any case, its words
  separated by any whitespace;
- a single word matches in any case when it is distinctive; a word that is also a common word
  or a stop word (``Will``, ``Mark``, ``Rose``) matches only as written, so the verb "will"
  stays; parts of a person's name that are such words are not looked for at all;
- every match is a whole word: a value never matches inside a longer word.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from redaction import normalize

__all__ = ["Values", "name_parts"]

_WORD = re.compile(r"\w+")
# A part of a name shorter than this is not looked for on its own ("Li", "Al", initials).
MIN_PART = 3
# A distinctive single word shorter than this matches only as written.
MIN_ANY_CASE = 4


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev fr sr jr herr frau fräulein mme mlle monsieur
    madame don doña dott dottssa sig sra srta dhr mevr esq phd md
    """
)
# Words that introduce a name and that a detector sometimes keeps with it ("Dear Jane Doe").
_INTRODUCERS = _words(
    """
    dear hello hi hey regards sincerely thanks thank cheers best kind warm yours patient client
    customer applicant claimant tenant employee member user agent caller signed witness attn
    attention from to cc bcc re fwd subject sender recipient name contact cher chère liebe lieber
    sehr geehrte geehrter estimado estimada caro cara beste geachte bonjour hallo hola ciao
    """
)
# English words that are also given names or surnames: left alone when they stand apart from
# the full name, as the engine's own rules do.
_NAME_WORDS = _words(
    """
    will mark rose grant bill hope faith may june april august frank guy art dawn joy ray sue pat
    rob jack gene major young long price hunt baker white black brown green king cook wood page rich
    bell hall hill lane ward stone field banks marsh moss rice cross dean miles gray grey fox wolf
    hart best chase cash case bush park short little small strong sharp good love wise fair noble
    free golden summer winter spring day knight bishop pope judge mason carter porter miller walker
    turner archer butler parker hunter fisher cooper shepherd sandy penny holly ivy lily daisy iris
    amber ruby pearl crystal sky storm river brook dale glen cliff rocky well wells north south east
    west new head bond nice rich sterling german french english irish welsh scott lord earl duke
    prince rex victor dick sweet bright clay cole reed read swift abbott chance gay hardy jolly
    lucky merry
    """
)


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Stop words of the languages the appliance reads, and words that double as names."""
    words: set[str] = set(_NAME_WORDS) | set(_TITLES) | set(_INTRODUCERS)
    for language in ("en", "de", "fr", "es", "it", "nl"):
        words.update(w.casefold() for w in _stop_words(language))
    return frozenset(words)


def _stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for ``language``, read from their module alone: importing the
    language package would also build its tokenizer exceptions (seconds, for French)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - always installed
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / language / "stop_words.py"
    loader = importlib.util.spec_from_file_location(f"_airlock_stop_words_{language}", path)
    if loader is None or loader.loader is None:  # pragma: no cover
        return frozenset()
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return frozenset(getattr(module, "STOP_WORDS", ()))


def is_common(word: str) -> bool:
    return word.casefold() in _common()


def name_parts(name: str) -> list[str]:
    """The given names and surnames of ``name`` worth looking for alone: not titles, initials
    or common words ("Dr. Bartholomew O'Neil-Higgins" → Bartholomew, O'Neil-Higgins)."""
    parts = []
    for raw in re.split(r"[\s,]+", name):
        part = raw.strip(".;:()[]\"'")
        letters = part.replace("-", "").replace("'", "").replace("\u2019", "")
        if len(letters) < MIN_PART or not letters.isalpha() or is_common(part):
            continue
        parts.append(part)
    return parts


@dataclass(frozen=True)
class _Value:
    entity_type: str
    score: float


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity_type: str
    score: float


class _Node:
    """A trie of values by their whitespace-separated pieces (lower case), grouped by length so
    a step costs one slice and one look-up per distinct length, whatever the number of values."""

    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[int, dict[str, _Node]] = {}
        self.value: _Value | None = None

    def child(self, unit: str) -> _Node:
        by_unit = self.children.setdefault(len(unit), {})
        node = by_unit.get(unit.lower())
        if node is None:
            node = by_unit[unit.lower()] = _Node()
        return node


class Values:
    """The values found in one request, indexed by their first word (lower case)."""

    def __init__(self) -> None:
        # first word → characters before it in the value ("+" of "+44 …") → trie of the values
        # matched in any case
        self._tries: dict[str, dict[int, _Node]] = {}
        # first word → single words matched only as written ("Will")
        self._exact: dict[str, dict[str, _Value]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, value: str, entity_type: str, score: float, *, part: bool = False) -> None:
        """Look for ``value`` (text as found; compared in its normalised view) from now on.
        The first type given for a value is the one it keeps."""
        seen = normalize.fold(value).strip()
        units = seen.split()
        first = _WORD.search(seen)
        if not units or first is None or len("".join(units)) < MIN_PART:
            return
        key = first.group().lower()
        single = len(units) == 1 and units[0].replace("-", "").replace("'", "").isalpha()
        kind = _Value(entity_type, score)
        if single and (len(units[0]) < MIN_ANY_CASE or is_common(units[0])):
            if part:
                return
            words = self._exact.setdefault(key, {})
            if units[0] not in words:
                words[units[0]] = kind
                self._count += 1
            return
        node = self._tries.setdefault(key, {}).setdefault(first.start(), _Node())
        for unit in units:
            node = node.child(unit)
        if node.value is None:
            node.value = kind
            self._count += 1

    def find(self, text: str, accept: Callable[[int, int], bool] | None = None) -> Iterator[Match]:
        """Non-overlapping occurrences of the values in ``text`` (a normalised view), in order.

        At each place the longest value that occurs there and that ``accept(start, end)`` takes
        wins: "Dear Jane Doe" (found whole elsewhere) may overlap what is already protected
        where "Jane Doe" alone does not. The cost is one look-up per word of the text, plus a
        walk down the trie where a value may start.
        """
        if not self._count:
            return
        taken_until = 0
        for word in _WORD.finditer(text):
            if word.start() < taken_until:
                continue
            key = word.group().lower()
            found: list[tuple[int, int, _Value]] = []
            for lead, root in self._tries.get(key, {}).items():
                start = word.start() - lead
                if start >= 0 and not (start and _is_word(text[start - 1])):
                    found.extend(_walk(text, start, root))
            for unit, kind in self._exact.get(key, {}).items():
                end = word.start() + len(unit)
                if text.startswith(unit, word.start()) and (end == len(text) or not _is_word(text[end])):
                    found.append((word.start(), end, kind))
            found.sort(key=lambda hit: hit[0] - hit[1])  # the longest first
            for start, end, kind in found:
                if accept is None or accept(start, end):
                    yield Match(start, end, kind.entity_type, kind.score)
                    taken_until = end
                    break


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _walk(text: str, start: int, root: _Node) -> list[tuple[int, int, _Value]]:
    """Every value of the trie that occurs at ``start`` as whole words: (start, end, value)."""
    hits: list[tuple[int, int, _Value]] = []
    length = len(text)
    stack = [(root, start)]
    while stack:
        node, position = stack.pop()
        if node is not root:
            if node.value is not None and (position == length or not _is_word(text[position])):
                hits.append((start, position, node.value))
            if not node.children:
                continue
            after = position
            while after < length and text[after].isspace():
                after += 1
            if after == position:
                continue
            position = after
        for size, by_unit in node.children.items():
            child = by_unit.get(text[position : position + size].lower())
            if child is not None:
                stack.append((child, position + size))
    return hits
