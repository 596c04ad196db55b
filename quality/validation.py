"""Validation of one answer: does it parse, fit its length bounds, and read like language?

A model whose weights were corrupted (a bad copy, a failing disk, a broken quantisation) does
not fail with an error: it answers, fluently or not, with repetition loops and strings of
random tokens. Nothing else on the request path notices, so every answer can be checked here
before it is trusted. These checks are pure functions of the text (no database, no I/O) so the
request path can run them inline in microseconds, and they are calibrated on a fixture set of
normal answers in six languages, code, tables, lists and JSON, and of degenerate ones —
including real output of SmolLM2 with perturbed weights (``tests/quality/test_validation_calibration.py``
reports the false-positive and detection rates).

What counts as degenerate, and why each threshold sits where it does:

- *repetition*: the same line again and again, the same word in a run, the same character in
  a long run, a text that compresses far better than language does (zlib), or a text made
  mostly of repeated word 4-grams. Lists, tables and code repeat structure but not whole
  content, so they pass.
- *garbage*: replacement characters (U+FFFD, what a tokenizer emits for broken byte
  sequences), control characters, letters from three or more scripts mixed together (random
  vocabulary tokens), or a text with little that is a letter, digit or ordinary punctuation.

Checks of degeneracy are skipped on short texts (fewer than ``MIN_DEGENERACY_CHARS``): a short
answer carries too little evidence, and "OK" or "42" must never be flagged.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

import jsonschema


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answer: a stable ``code`` (for counters and clients) and a message.

    Messages never quote the answer (they are stored, counted and audited in the clear).
    """

    code: str
    message: str


# Stable codes: they are Prometheus label values and part of the answer a client may see.
EMPTY = "empty"
SCHEMA = "schema"
TOO_LONG = "too_long"
TOO_SHORT = "too_short"
REPETITION = "repetition"
GARBAGE = "garbage"
CODES = (EMPTY, SCHEMA, TOO_LONG, TOO_SHORT, REPETITION, GARBAGE)

MIN_DEGENERACY_CHARS = 40
# Compression: language compresses about 1.5-2.5x with zlib, code and tables up to about 5x, but
# a long JSON array of records 10x and more (its keys repeat). So a high ratio counts only with
# repeated wording too (a share of repeated word 4-grams well above language's), or when it is
# extreme. Only judged on texts long enough for zlib's header to matter little.
COMPRESSION_MIN_BYTES = 300
MAX_COMPRESSION_RATIO = 6.0
COMPRESSION_NGRAM_SHARE = 0.3
EXTREME_COMPRESSION_RATIO = 40.0
# A non-trivial line (>= 8 characters) repeated this often, making up this share of the lines.
MAX_LINE_REPEATS = 5
MAX_REPEATED_LINE_SHARE = 0.3
# The same word this many times in a row ("the the the ..."), the same character in a run.
MAX_WORD_RUN = 8
MAX_CHAR_RUN = 30
# Separator characters (markdown rules, table borders, underlines) may run longer.
SEPARATOR_CHARS = frozenset("-=_*~#.·─━═ \t")
MAX_SEPARATOR_RUN = 120
# Share of word 4-grams that repeat an earlier one (language and code: below 0.35).
NGRAM = 4
NGRAM_MIN_WORDS = 40
MAX_REPEATED_NGRAM_SHARE = 0.6
# Garbage: share of replacement or control characters, scripts mixed, odd characters.
MAX_REPLACEMENT_SHARE = 0.002
MAX_CONTROL_SHARE = 0.002
SCRIPT_MIN_SHARE = 0.05
SCRIPT_MIN_LETTERS = 3
MAX_SCRIPTS = 2
MIN_ORDINARY_SHARE = 0.75

# Token salad: what a model with badly damaged weights writes in Latin script — real subword
# pieces glued into long non-words, with almost none of a language's function words. Judged only
# on prose (no code fence, little code punctuation, not JSON) of SALAD_MIN_WORDS words or more:
# prose in the six languages below has 24-45 % function words and under 5 % words of 15+
# letters; the perturbed model's salad 0-13 % and 7-32 %. Both must hold, so German compounds,
# or a language whose function words are not listed (Polish, Swedish), are not flagged alone.
# A dominant word (one word a quarter of all words) is a loop that wanders.
SALAD_MIN_WORDS = 40
MAX_FUNCTION_WORD_SHARE = 0.12
LONG_WORD_LETTERS = 15
MIN_LONG_WORD_SHARE = 0.05
DOMINANT_MIN_WORDS = 50
MAX_DOMINANT_WORD_SHARE = 0.25
MAX_PROSE_CODE_SHARE = 0.08
_CODE_CHARS = frozenset("{}[]();=<>|\\`#")
_FUNCTION_WORDS_BY_LANGUAGE = {
    "en": "the of and a to in is it that for on with as was are be this by or at an from not you your can "
    "have has i we",
    "de": "der die das und in zu den von mit ist des sich nicht auf ein eine für im dem es sie als auch an "
    "wird bei oder",
    "fr": "le la les de des du et en un une est que qui dans pour pas sur au avec ce il se par vous je ne à "
    "plus d l",
    "es": "el la los las de del y en un una es que por con para no se lo su al como más o",
    "it": "il la le i gli di del della e è in un una che per non con da si al alla come più o",
    "nl": "de het een en van in is op te dat die niet met voor zijn er aan ook als bij of je ik u",
}
FUNCTION_WORDS = frozenset(w for words in _FUNCTION_WORDS_BY_LANGUAGE.values() for w in words.split())

_WORD = re.compile(r"\w+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_ALLOWED_CONTROLS = frozenset("\t\n\r")
# Scripts that belong together in one language's writing (Japanese mixes all three; Korean may
# use Han characters), so they count as one script.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "CJK": "CJK", "HANGUL": "CJK"}


def validate(
    answer_text: str,
    *,
    response_format: dict[str, Any] | None = None,
    min_chars: int | None = None,
    max_chars: int | None = None,
    finish_reason: str | None = None,
    check_schema: bool = True,
    check_degeneracy: bool = True,
) -> list[Problem]:
    """Every problem found in one answer (an empty list when it is fine).

    ``response_format`` is the request's own (OpenAI's ``{"type": "json_schema", "json_schema":
    {"schema": ...}}`` or ``{"type": "json_object"}``); ``finish_reason`` the backend's, which
    tells a schema violation apart from an answer cut off by ``max_tokens``.
    """
    text = answer_text or ""
    if not text.strip():
        return [Problem(EMPTY, "The answer is empty.")]
    problems: list[Problem] = []
    if check_schema and response_format:
        problem = check_json(text, response_format, finish_reason=finish_reason)
        if problem:
            problems.append(problem)
    length = len(text)
    if max_chars is not None and length > max_chars:
        problems.append(
            Problem(TOO_LONG, f"The answer has {length} characters; at most {max_chars} allowed.")
        )
    if min_chars is not None and length < min_chars:
        problems.append(
            Problem(TOO_SHORT, f"The answer has {length} characters; at least {min_chars} needed.")
        )
    if check_degeneracy:
        problems.extend(degeneracy(text))
    return problems


def requested_schema(response_format: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema a request asked for: ``{}`` for plain JSON mode, None when it asked for text."""
    kind = response_format.get("type")
    if kind == "json_object":
        return {}
    if kind == "json_schema":
        spec = response_format.get("json_schema") or {}
        schema = spec.get("schema") if isinstance(spec, dict) else None
        return schema if isinstance(schema, dict) else {}
    return None


def check_json(
    text: str, response_format: dict[str, Any], *, finish_reason: str | None = None
) -> Problem | None:
    """Whether ``text`` is JSON valid against the requested schema (None when it is, or none was asked)."""
    schema = requested_schema(response_format)
    if schema is None:
        return None
    cut = " (the answer was cut off by max_tokens)" if finish_reason == "length" else ""
    try:
        value = json.loads(text)
    except ValueError as exc:
        return Problem(SCHEMA, f"The answer is not valid JSON{cut}: {exc}.")
    if not schema:
        return None
    try:
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
    except jsonschema.SchemaError:
        # The client's schema is broken: not the model's fault, so not a failure of the answer.
        return None
    error = jsonschema.exceptions.best_match(validator_class(schema).iter_errors(value))
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path) or "(root)"
    # The schema's own rule, never the answer's value: messages are stored and audited.
    rule = f"{error.validator}: {json.dumps(error.validator_value)[:80]}"
    return Problem(SCHEMA, f"The answer does not match the requested schema at {where} ({rule}).")


def degeneracy(text: str) -> list[Problem]:
    """Repetition and garbage: the signature of a broken model (empty for short texts)."""
    if len(text.strip()) < MIN_DEGENERACY_CHARS:
        return []
    problems = []
    repeated = repetition(text)
    if repeated:
        problems.append(Problem(REPETITION, repeated))
    garbled = garbage(text)
    if garbled:
        problems.append(Problem(GARBAGE, garbled))
    return problems


def compression_ratio(text: str) -> float:
    """How many times smaller zlib makes the text (language: about 2-3)."""
    raw = text.encode("utf-8")
    return len(raw) / max(len(zlib.compress(raw, 9)), 1)


def repeated_ngram_share(words: list[str], n: int = NGRAM) -> float:
    """Share of the word n-grams that repeat one seen before."""
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    if not grams:
        return 0.0
    return 1.0 - len(set(grams)) / len(grams)


def _longest_run(items: list[str]) -> tuple[str, int]:
    best, best_len, current, length = "", 0, None, 0
    for item in items:
        length = length + 1 if item == current else 1
        current = item
        if length > best_len:
            best, best_len = item, length
    return best, best_len


def repetition(text: str) -> str | None:
    """Why the text repeats itself like a looping model, or None."""
    lines = [line.strip() for line in text.splitlines() if len(line.strip()) >= 8]
    if lines:
        line, count = Counter(lines).most_common(1)[0]
        if count >= MAX_LINE_REPEATS and count / len(lines) >= MAX_REPEATED_LINE_SHARE:
            return f"A line of {len(line)} characters is repeated {count} times."
    words = _WORD.findall(text.lower())
    _, run = _longest_run(words)
    if run >= MAX_WORD_RUN:
        return f"A word is repeated {run} times in a row."
    char, run = _longest_run(list(text))
    if run >= (MAX_SEPARATOR_RUN if char in SEPARATOR_CHARS else MAX_CHAR_RUN):
        return f"The character U+{ord(char):04X} is repeated {run} times in a row."
    share = repeated_ngram_share(words)
    if len(text.encode("utf-8")) >= COMPRESSION_MIN_BYTES:
        ratio = compression_ratio(text)
        if ratio > EXTREME_COMPRESSION_RATIO or (
            ratio > MAX_COMPRESSION_RATIO and share > COMPRESSION_NGRAM_SHARE
        ):
            return f"The answer compresses {ratio:.1f} times (language: about 2): it repeats itself."
    if len(words) >= NGRAM_MIN_WORDS and share > MAX_REPEATED_NGRAM_SHARE:
        return f"{share:.0%} of its word {NGRAM}-grams repeat earlier ones."
    return None


def script_of(char: str) -> str:
    """The writing system of a letter, from its Unicode name (LATIN, CYRILLIC, CJK, ...)."""
    try:
        first = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"
    return _SCRIPT_FAMILY.get(first, first)


def _is_ordinary(char: str) -> bool:
    """Letters, digits, marks, ASCII punctuation and common typography: what answers are made of."""
    if char.isascii():
        return char.isprintable()
    category = unicodedata.category(char)
    # Letters, marks, numbers, punctuation, currency and maths symbols (…, «», —, €, ≤).
    return category[0] in "LMNP" or category in ("Sc", "Sm")


def garbage(text: str) -> str | None:
    """Why the text reads as random characters or tokens, or None."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return None
    total = len(visible)
    replacement = text.count("\ufffd")
    if replacement >= 2 and replacement / total > MAX_REPLACEMENT_SHARE:
        return f"{replacement} replacement characters (U+FFFD): broken byte sequences."
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    if controls and controls / total > MAX_CONTROL_SHARE:
        return f"{controls} control characters."
    letters = [c for c in visible if c.isalpha()]
    if letters:
        scripts = Counter(script_of(c) for c in letters)
        mixed = [
            name
            for name, count in scripts.items()
            if count >= SCRIPT_MIN_LETTERS and count / len(letters) >= SCRIPT_MIN_SHARE
        ]
        if len(mixed) > MAX_SCRIPTS:
            return f"Letters of {len(mixed)} scripts mixed ({', '.join(sorted(mixed))})."
    ordinary = sum(1 for c in visible if _is_ordinary(c)) / total
    if ordinary < MIN_ORDINARY_SHARE:
        return f"Only {ordinary:.0%} of its characters are letters, digits or punctuation."
    if _is_prose(text, visible):
        return token_salad(text)
    return None


def _is_prose(text: str, visible: list[str]) -> bool:
    if "```" in text or sum(1 for c in visible if c in _CODE_CHARS) / len(visible) >= MAX_PROSE_CODE_SHARE:
        return False
    try:
        json.loads(text)
    except ValueError:
        return True
    return False


def token_salad(text: str) -> str | None:
    """Why prose reads as random subword pieces or one wandering word, or None."""
    words = [w.lower() for w in _LETTERS.findall(text)]
    if len(words) >= SALAD_MIN_WORDS:
        function = sum(1 for w in words if w in FUNCTION_WORDS) / len(words)
        long = sum(1 for w in words if len(w) >= LONG_WORD_LETTERS) / len(words)
        if function < MAX_FUNCTION_WORD_SHARE and long >= MIN_LONG_WORD_SHARE:
            return (
                f"Token salad: {function:.0%} function words and {long:.0%} run-together words "
                f"of {LONG_WORD_LETTERS}+ letters."
            )
    if len(words) >= DOMINANT_MIN_WORDS:
        _, count = Counter(words).most_common(1)[0]
        if count / len(words) > MAX_DOMINANT_WORD_SHARE:
            return f"One word makes up {count / len(words):.0%} of the words."
    return None
