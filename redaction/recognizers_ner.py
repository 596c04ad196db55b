"""Running spaCy's named-entity recogniser fast enough for the request path.

Four things make the difference (this project's 2-core machines, small English model, 1 KB of
text: 33 ms of CPU for ``nlp(text)`` with every pipe but the parser off; about 11 ms here):

1. **Only NER runs.** The tagger, parser, lemmatiser and attribute ruler are disabled; the shared
   ``tok2vec`` too, unless the NER listens to it (in the en_core_web_* CNN pipelines it has its own).
2. **Only text that can hold a name is read.** Sentences and lines are read without the spans
   other recognisers already found (an IBAN or a phone number holds no name, and its digits cost
   the NER as much as words), and only if they hold a capitalised word that is not a stop word.
   This changes what the NER sees, so it can change what it finds; bench/redaction_eval.py
   measures the whole engine this way.
3. **Sentences are parsed side by side.** The transition-based NER takes one step per token; the
   parts are joined into docs of about 200 characters and all docs advance together, so a step
   scores every doc at once.
4. **The step loop runs in Python with the GIL held.** spaCy's own loop runs without the GIL and,
   as compiled in its 3.8 wheels, takes the GIL back on every validity check of every move (74 per
   token for the English NER): a third of the NER's time went to acquiring the GIL. This loop calls
   the same model (``ParserStepModel``, the same weights and the same transition code) one batched
   step at a time, so on the same docs the entities are the same as spaCy's;
   ``_Pipeline.self_check`` compares them with ``nlp(doc)`` at start-up and falls back to spaCy's
   own path if they ever differ (a new spaCy version, another model).

A pipeline that is not the standard CNN transition-based NER (a transformer model, an entity
ruler, a custom component) is run the ordinary way, ``nlp.pipe`` over the same docs.

spaCy's ``Vocab`` remembers every new word it reads (e-mail addresses, numbers, names): left alone
it grows without bound in a long-running worker. Past ``max_strings`` a fresh copy of the pipeline
is loaded in the background and swapped in.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
import time
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy

log = logging.getLogger(__name__)

# Pipes NER never needs. tok2vec/transformer are dropped too unless the NER listens to them.
UNNEEDED_PIPES = frozenset(
    {"parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler", "senter", "trainable_lemmatizer"}
)
GROUP_CHARS = 200
GREEDY_DOCS = 64
MAX_PIECE_CHARS = 400
DEFAULT_MAX_STRINGS = 2_000_000
RELOAD_RETRY_SECONDS = 600.0

_BOUNDARY = re.compile(r"\n\s*|(?<=[.!?])[\"')\]]*[ \t]+(?=[\"'(\[]?[A-Z0-9À-Þ])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Mt|Jr|Sr|No|Nr|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|Apt|Ste|Ave|Rd|Blvd|Mme"
    r"|Mlle|Dhr|Mevr|Fig|Ref|approx|Pt|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Fr|Hon)|\b[A-Z])\.[\"')\]]*$"
)
_UPPER = re.compile(r"[A-ZÀ-Þ]")
_SOFT_BREAK = re.compile(r"[,;:][ \t]+|[ \t]+")


def pieces(text: str) -> list[tuple[int, str]]:
    """Sentences and lines of ``text`` with their offsets (``(offset, "")`` for those without a capital)."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group()[0] not in "\n" and _ABBREVIATION.search(
            text, max(0, match.start() - 8), match.start()
        ):
            continue
        _add_piece(text, start, match.start(), out)
        start = match.end()
    _add_piece(text, start, len(text), out)
    return out


def _add_piece(text: str, start: int, end: int, out: list[tuple[int, str]]) -> None:
    while end - start > MAX_PIECE_CHARS:
        # A very long run without a sentence end: cut at a comma or a space, never inside a word.
        window = text[start + MAX_PIECE_CHARS // 2 : start + MAX_PIECE_CHARS]
        breaks = list(_SOFT_BREAK.finditer(window))
        cut = start + MAX_PIECE_CHARS // 2 + breaks[-1].end() if breaks else start + MAX_PIECE_CHARS
        _add_piece(text, start, cut, out)
        start = cut
    piece = text[start:end]
    if piece.strip():
        out.append((start, piece if _UPPER.search(piece) else ""))


_CAPITALISED = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ][\w'\u2019-]*")


class Batch(NamedTuple):
    """Text for one spaCy doc: segments of the original text joined by newlines."""

    text: str
    segments: list[tuple[int, int, int]]  # (start in ``text``, start in the original, length)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``self.text`` back to the original; a span across a join keeps its first part."""
        index = bisect.bisect_right([s[0] for s in self.segments], start) - 1
        at, origin, length = self.segments[max(0, index)]
        return origin + start - at, origin + min(end, at + length) - at


def segments(
    text: str, skip: Sequence[tuple[int, int]] = (), stop_words: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The spans of ``text`` worth reading for names and places.

    Sentences and lines, minus the ``skip`` spans (what other recognisers already found: an IBAN or
    a phone number holds no name, and its digits cost the NER as much as words), keeping only the
    parts with a capitalised word that is not a stop word ("The", "She"): without one there is no
    name or place for the NER to find.
    """
    skip = sorted(skip)
    # The skip spans that can overlap a piece are found by bisection (a scan of all of them per
    # piece made long texts cost quadratically).
    skip_starts = [s for s, _ in skip]
    longest = max((e - s for s, e in skip), default=0)
    out: list[tuple[int, int]] = []
    for offset, piece in pieces(text):
        if not piece:
            continue
        start, end = offset, offset + len(piece)
        low = bisect.bisect_left(skip_starts, start - longest)
        high = bisect.bisect_left(skip_starts, end)
        cuts = [(s, e) for s, e in skip[low:high] if s < end and start < e]
        position = start
        for s, e in [*cuts, (end, end)]:
            if s > position and _worth_reading(text[position:s], stop_words):
                out.append((position, s))
            position = max(position, e)
    return out


def _worth_reading(part: str, stop_words: frozenset[str]) -> bool:
    return any(word.lower() not in stop_words for word in _CAPITALISED.findall(part))


def batches(
    text: str, skip: Sequence[tuple[int, int]] = (), stop_words: frozenset[str] = frozenset()
) -> list[Batch]:
    """Segments joined into batches of about ``GROUP_CHARS`` characters, one spaCy doc each."""
    result: list[Batch] = []
    parts: list[str] = []
    table: list[tuple[int, int, int]] = []
    size = 0
    for start, end in segments(text, skip, stop_words):
        if parts and size + (end - start) > GROUP_CHARS:
            result.append(Batch("\n".join(parts), table))
            parts, table, size = [], [], 0
        at = size + len(parts)  # one newline before every part but the first
        table.append((at, start, end - start))
        parts.append(text[start:end])
        size += end - start
    if parts:
        result.append(Batch("\n".join(parts), table))
    return result


class _Pipeline:
    """One loaded spaCy pipeline, prepared for NER only, and how to run it."""

    def __init__(self, nlp: Any, model_name: str) -> None:
        keep = {"ner"}
        for name in ("tok2vec", "transformer"):
            if name in nlp.pipe_names and "ner" in getattr(nlp.get_pipe(name), "listening_components", []):
                keep.add(name)
        for name in list(nlp.pipe_names):
            if name in UNNEEDED_PIPES or (name in ("tok2vec", "transformer") and name not in keep):
                nlp.disable_pipe(name)
        self.nlp = nlp
        self.fast = self._fast_path_possible()
        if self.fast and not self.self_check():
            log.warning(
                "spaCy model %s: the batched NER loop disagrees with nlp(); using spaCy's own", model_name
            )
            self.fast = False
        log.info("spaCy model %s: pipes %s, batched NER loop %s", model_name, nlp.pipe_names, self.fast)

    def _fast_path_possible(self) -> bool:
        nlp = self.nlp
        if nlp.pipe_names != ["ner"]:
            return False
        ner = nlp.get_pipe("ner")
        model = getattr(ner, "model", None)
        if model is None or not all(model.has_ref(name) for name in ("tok2vec", "lower", "upper")):
            return False
        if "listener" in model.get_ref("tok2vec").name.lower():
            return False
        self.ner = ner
        self.has_upper = bool(model.attrs.get("has_upper", True))
        if self.has_upper:
            upper = model.get_ref("upper")
            self.weights_t = numpy.ascontiguousarray(upper.get_param("W").T)
            self.bias = upper.get_param("b")
        return True

    def self_check(self) -> bool:
        """The batched loop and ``nlp(text)`` find exactly the same entities in a sample text."""
        sample = (
            "Mr. John Smith flew from Paris to New York on 3 March 2021 with Dr. Amélie Durand.\n"
            "Patient: Maria Garcia, seen at St. Mary's Hospital in Leeds by Nurse Okafor."
        )
        docs = [self.nlp.make_doc(sample)]
        try:
            self.greedy(docs)
        except Exception:  # any change in spaCy's internals sends us back to its public path
            log.exception("the batched NER loop failed on this version of spaCy")
            return False
        expected = [(e.label_, e.start_char, e.end_char) for e in self.nlp(sample).ents]
        return expected == [(e.label_, e.start_char, e.end_char) for e in docs[0].ents]

    def run(self, parts: list[str]) -> list[Any]:
        if self.fast:
            docs = [self.nlp.make_doc(part) for part in parts]
            # Batches of GREEDY_DOCS docs: one batch of hundreds (a 64 KB text) makes every step's
            # matrices too large for the CPU's caches (about 13 % slower per KB, measured).
            for index in range(0, len(docs), GREEDY_DOCS):
                self.greedy(docs[index : index + GREEDY_DOCS])
            return docs
        return list(self.nlp.pipe(parts))

    def greedy(self, docs: list[Any]) -> None:
        ner = self.ner
        step = ner.model.predict(docs)
        states = ner.moves.init_batch(docs)
        # Classes the model never saw in training get the lowest score of the step, as spaCy does;
        # by index and with min() (the scores are finite): nanmin() and a boolean mask cost twice
        # as much, on every step of every request.
        unseen = numpy.flatnonzero(step._class_mask == 0)
        has_unseen = bool(unseen.size)
        state2vec = step.state2vec
        active = [state for state in states if not state.is_final()]
        while active:
            vectors = state2vec.predict(step.get_token_ids(active))
            if self.has_upper:
                scores = vectors @ self.weights_t
                scores += self.bias
            else:
                scores = numpy.ascontiguousarray(vectors, dtype="f")
            if has_unseen:
                scores[:, unseen] = scores.min()
            active = ner.transition_states(active, scores)
        ner.set_annotations(docs, states)
        step.clear_memory()


class NerRunner:
    """spaCy's NER over one text at a time, thread-safe, returning ``(label, start, end)`` triples."""

    def __init__(self, nlp: Any, model_name: str, max_strings: int = DEFAULT_MAX_STRINGS) -> None:
        self.model_name = model_name
        self.max_strings = max_strings
        self._lock = threading.Lock()
        self._pipeline = _Pipeline(nlp, model_name)
        self._stop_words = frozenset(w.lower() for w in getattr(nlp.Defaults, "stop_words", ()))
        self._reloader: threading.Thread | None = None
        self._next_reload = 0.0  # after a failed reload, wait before trying again

    @property
    def fast(self) -> bool:
        """Whether the batched loop (rather than spaCy's own) is in use."""
        return self._pipeline.fast

    @property
    def pipe_names(self) -> list[str]:
        """The spaCy pipes that run."""
        return list(self._pipeline.nlp.pipe_names)

    def entities(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int, int]]:
        """Entities of ``text`` as ``(spaCy label, start, end)``, offsets into ``text``.

        ``skip``: spans not to read (already found by other recognisers).
        """
        parts = batches(text, skip, self._stop_words)
        if not parts:
            return []
        # spaCy is not documented as safe to call from several threads at once (its vocabulary
        # grows as it reads); the lock costs little, since the GIL serialises most of it anyway.
        with self._lock:
            pipeline = self._pipeline
            if (
                len(pipeline.nlp.vocab.strings) > self.max_strings
                and self._reloader is None
                and time.monotonic() >= self._next_reload
            ):
                self._reloader = threading.Thread(target=self._reload, name="spacy-reload", daemon=True)
                self._reloader.start()
            docs = pipeline.run([part.text for part in parts])
            return [
                (ent.label_, *part.original(ent.start_char, ent.end_char))
                for part, doc in zip(parts, docs, strict=True)
                for ent in doc.ents
            ]

    def wait_for_reload(self, timeout: float | None = None) -> None:
        """Block until a reload in progress has finished (for tests and orderly shutdown)."""
        reloader = self._reloader
        if reloader is not None:
            reloader.join(timeout)

    def _reload(self) -> None:
        """Load a fresh copy of the pipeline aside, then swap it in: requests never wait for the load."""
        import spacy

        old = self._pipeline
        log.info(
            "spaCy vocabulary of %s passed %d strings: reloading the pipeline",
            self.model_name,
            self.max_strings,
        )
        try:
            fresh = _Pipeline(spacy.load(old.nlp.path), self.model_name)
            with self._lock:
                self._pipeline = fresh
        except Exception:
            log.exception("reloading spaCy model %s failed; keeping the loaded one", self.model_name)
            self._next_reload = time.monotonic() + RELOAD_RETRY_SECONDS
        finally:
            with self._lock:
                self._reloader = None
