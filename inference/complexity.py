"""Complexity routing: is a request "light" (a local model will do) or "heavy" (send it to a stronger one)?

A route's complexity target calls ``classify(body, threshold)`` in the request path, so the decision
must be cheap: no tokenizer, no embedding model, no heavy import — a few precompiled regular
expressions over at most ``SCAN_CHARS`` characters of the prompt, then a logistic regression over
``FEATURE_NAMES`` in pure Python. The coefficients live in ``complexity_model.json`` beside this
file and are written by ``bench/routing/train.py`` from the labelled set in ``bench/routing``;
the trainer calls ``features`` below, so training and the request path cannot compute different
features (the model file also names its features, and loading refuses a file whose names differ).

What it looks at: the prompt's approximate length in tokens (whole conversation, last user message,
system prompt), the number of turns, code (fences, keywords, symbol density, requests to write or
fix code), mathematics (LaTeX, equations, mathematical vocabulary), cue words for reasoning
("prove", "step by step", "compare", "optimise"…) and for simple tasks ("translate", "what is",
"in one sentence"…) in English, German, French, Spanish, Italian and Dutch, legal and medical
vocabulary, questions, lists of requirements, the requested ``max_tokens``, tools and a JSON schema
response format. An embedding feature (all-MiniLM-L6-v2) was left out: loading torch costs seconds
and hundreds of MiB per worker, and one 256-token encoding on these 2-core machines takes longer
than the whole 15 ms budget (see ``bench/routing/README.md``).

The score is the model's probability that the request is heavy; it is "heavy" when the score is at
least the threshold (the route's ``complexity_threshold``, or the model's own default of 0.5).
"""

from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("complexity_model.json")

# Long prompts are cut before any regular expression runs, so a 1 MB document costs what 4 KB
# costs: a few kilobytes tell code, mathematics or a contract as well as the whole text does. The
# head keeps the instruction that usually opens a prompt, the tail the question that often follows
# a pasted document. Lengths are still measured on the whole text.
SCAN_HEAD = 3000
SCAN_TAIL = 1000
SCAN_CHARS = SCAN_HEAD + SCAN_TAIL
# The instruction is looked for at the edges of the last user message: a pasted contract full of
# "liability" or "analysis" should not by itself make "what is the date of this letter?" heavy.
EDGE_CHARS = 600
CHARS_PER_TOKEN = 4  # about four characters a token for European languages; an estimate, not a count

LIGHT = "light"
HEAVY = "heavy"


def _trie(entries: list[str]) -> str:
    """A regular expression matching any entry, shaped as a trie.

    Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; with some
    four hundred cue words that cost 7 ms on 8 KB. Shared prefixes folded into a trie let a failed
    first letter end the attempt at once (0.5 ms). A trailing ``$`` in an entry means "at a word's
    end"; without it an entry is a stem and matches any word it begins.
    """
    root: dict[str, dict] = {}
    for entry in entries:
        node = root
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alternatives = [
            (r"\b" if char == "$" else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _lexicon(*entries: str, case: bool = False) -> re.Pattern[str]:
    """Cue words and phrases, each starting at a word boundary; lower case unless ``case``."""
    words = [e if case else e.lower() for e in entries]
    return re.compile(r"\b" + _trie(words))


REASONING: tuple[str, ...] = (
    # en
    "prove$",
    "proves$",
    "proving$",
    "proof",
    "derive",
    "derivation",
    "analys",
    "analyz",
    "step by step",
    "step-by-step",
    "compare",
    "comparison",
    "contrast",
    "optimis",
    "optimiz",
    "evaluat",
    "justif",
    "explain why",
    "reason$",
    "reasoning",
    "trade-off",
    "tradeoff",
    "trade off",
    "design$",
    "architect",
    "plan$",
    "planning",
    "strateg",
    "critique",
    "critical",
    "assess",
    "implications",
    "pros and cons",
    "in detail",
    "thorough",
    "comprehensive",
    "rigorous",
    "recommend",
    "investigat",
    "root cause",
    "why does",
    "why is",
    "how would you",
    # de
    "beweis",
    "herleit",
    "leite$",
    "analysier",
    "schritt für schritt",
    "vergleich",
    "optimier",
    "bewert",
    "begründ",
    "erkläre warum",
    "erkläre, warum",
    "entwirf",
    "entwerfe",
    "plane$",
    "ausführlich",
    "abwäg",
    "vor- und nachteile",
    "untersuche",
    "empfehl",
    # fr
    "prouve",
    "démontr",
    "démonstration",
    "dérive",
    "étape par étape",
    "compar",
    "optimis",
    "évalu",
    "justifi",
    "explique pourquoi",
    "expliquez pourquoi",
    "conçoi",
    "concev",
    "planifi",
    "stratégi",
    "détaillé",
    "avantages et inconvénients",
    "recommandation",
    # es
    "demuestr",
    "demostra",
    "deriv",
    "analiz",
    "analic",
    "análisis",
    "paso a paso",
    "optimiz",
    "evalú",
    "justific",
    "explica por qué",
    "diseñ",
    "planific",
    "estrategia",
    "detallad",
    "ventajas y desventajas",
    "recomendaci",
    # it
    "dimostr",
    "ricava",
    "analizz",
    "analisi",
    "passo dopo passo",
    "passo per passo",
    "confront",
    "ottimizz",
    "valut",
    "giustific",
    "spiega perché",
    "progett",
    "pianific",
    "dettagliat",
    "pro e contro",
    "raccomandazion",
    # nl
    "bewijs",
    "leid af",
    "leidt af",
    "afleid",
    "analyseer",
    "stap voor stap",
    "vergelijk",
    "optimaliseer",
    "evalueer",
    "beoordeel",
    "onderbouw",
    "leg uit waarom",
    "ontwerp",
    "uitgebreid",
    "voor- en nadelen",
    "aanbeveling",
)

SIMPLE: tuple[str, ...] = (
    # en
    "translate",
    "hi$",
    "hello",
    "hey$",
    "thanks",
    "thank you",
    "what is$",
    "what's$",
    "who is",
    "who was",
    "when is",
    "when was",
    "when did",
    "where is",
    "define$",
    "definition",
    "capital of",
    "spell",
    "synonym",
    "rephrase",
    "rewrite",
    "typo",
    "grammar",
    "classify",
    "sentiment",
    "extract",
    "yes or no",
    "one word",
    "one sentence",
    "one line",
    "short$",
    "shorter",
    "brief",
    "quick",
    "convert",
    "stand for",
    "mean$",
    "how many",
    "tag$",
    "tags$",
    "which language",
    "polite",
    "title for",
    "remind",
    # de
    "übersetz",
    "hallo",
    "danke",
    "was ist",
    "wer ist",
    "wer war",
    "wann",
    "wo ist",
    "definier",
    "hauptstadt",
    "formuliere",
    "umformulier",
    "korrigier",
    "rechtschreib",
    "klassifizier",
    "extrahier",
    "ja oder nein",
    "ein wort",
    "einem wort",
    "einem satz",
    "ein satz",
    "kurz",
    "wie viele",
    "welche sprache",
    "höflich",
    "umwandeln",
    "wandle",
    "wofür steht",
    # fr
    "tradui",
    "bonjour",
    "salut",
    "merci",
    "qu'est-ce qu",
    "qui est",
    "quand",
    "où est",
    "où se trouve",
    "défini",
    "capitale",
    "synonyme",
    "reformul",
    "corrig",
    "orthographe",
    "classe$",
    "classifie",
    "extrai",
    "oui ou non",
    "un mot",
    "un seul mot",
    "une phrase",
    "une seule phrase",
    "bref",
    "court",
    "combien",
    "quelle langue",
    "poli$",
    "convertis",
    "que signifie",
    # es
    "traduc",
    "hola",
    "gracias",
    "qué es",
    "quién es",
    "cuándo",
    "dónde está",
    "defin",
    "capital de",
    "sinónimo",
    "reformula",
    "corrige",
    "ortografía",
    "clasifica",
    "extrae",
    "sí o no",
    "una palabra",
    "una frase",
    "breve",
    "corto",
    "cuántos",
    "cuántas",
    "cuánto es",
    "qué idioma",
    "educad",
    "convierte",
    "qué significa",
    # it
    "tradu",
    "ciao",
    "grazie",
    "cos'è",
    "che cos'è",
    "chi è",
    "quando",
    "dov'è",
    "definisci",
    "sinonimo",
    "riformula",
    "correggi",
    "classifica",
    "estrai",
    "sì o no",
    "una parola",
    "quanti",
    "quante",
    "quanto è",
    "quanto fa",
    "quale lingua",
    "gentile",
    "converti",
    "cosa significa",
    # nl
    "vertaal",
    "hoi$",
    "bedankt",
    "dank je",
    "wat is",
    "wie is",
    "wie was",
    "wanneer",
    "waar is",
    "definieer",
    "hoofdstad",
    "synoniem",
    "herformuleer",
    "corrigeer",
    "spelling",
    "classificeer",
    "extraheer",
    "ja of nee",
    "één woord",
    "een woord",
    "één zin",
    "een zin",
    "kort",
    "hoeveel",
    "welke taal",
    "beleefd",
    "waar staat",
)

CODE_REQUEST: tuple[str, ...] = (
    "implement",
    "write a function",
    "write a script",
    "write a program",
    "write a class",
    "write a query",
    "write a parser",
    "write a test",
    "code$",
    "debug",
    "bug",
    "stack trace",
    "stacktrace",
    "traceback",
    "exception",
    "refactor",
    "unit test",
    "compil",
    "segfault",
    "segmentation fault",
    "deadlock",
    "race condition",
    "memory leak",
    "regex",
    "sql",
    "endpoint",
    "algorithm",
    "data structure",
    "complexity",
    "o(n",
    "programmier",
    "funktion",
    "fehler",
    "skript",
    "fonction",
    "requête",
    "algorithme",
    "función",
    "consulta",
    "algoritmo",
    "depura",
    "funzione",
    "functie",
    "algoritme",
)

# Case-sensitive: in prose "select", "class" or "return" are words, in code "SELECT" and "class " are syntax.
CODE_KEYWORD = _lexicon(
    "def ",
    "class ",
    "return$",
    "import ",
    "function$",
    "const ",
    "let ",
    "var ",
    "public ",
    "private ",
    "static ",
    "void$",
    "SELECT$",
    "JOIN$",
    "WHERE$",
    "GROUP BY",
    "lambda$",
    "async$",
    "await$",
    "fn ",
    "impl$",
    "struct$",
    "println",
    "printf",
    "try:",
    "catch$",
    "except$",
    "raise$",
    "throw$",
    "null$",
    "None$",
    "self.",
    "this.",
    "func ",
    "package ",
    "chan$",
    "mutex",
    "Mutex",
    "console.log",
    "synchronized",
    "elif$",
    "nil$",
    case=True,
)
CODE_OPERATORS = (
    "=>",
    "->",
    "::",
    "!=",
    "==",
    "&&",
    "||",
    "#include",
    "for (",
    "while (",
    "if (",
    "();",
    "{\n",
)
CODE_SYMBOLS = tuple("{}[]();=<>_|&#*/\\")

LATEX = re.compile(
    r"\\(?:frac|int|sum|prod|lim|sqrt|alpha|beta|gamma|delta|epsilon|theta|lambda|mu|sigma|pi|infty|"
    r"partial|nabla|cdot|times|leq|geq|neq|in|mathbb|mathbf|begin|end|left|right|log|ln|binom)\b|\$"
)
# An operator between two operands ("n^2 + 3n", "x=4"), or a mathematical symbol. The operator comes
# first in the pattern so that the engine skips ahead to candidates instead of trying every letter.
EQUATION = re.compile(r"[+\-*/^=<>≤≥](?= ?[\w(\[])|[∑∫√∞≠π]")
MATH_WORDS: tuple[str, ...] = (
    "theorem",
    "lemma",
    "integral",
    "derivative",
    "matrix",
    "matrices",
    "eigen",
    "polynomial",
    "prime",
    "probabilit",
    "expected value",
    "induction",
    "converg",
    "limit$",
    "equation",
    "inequalit",
    "irrational",
    "divisib",
    "modulo",
    "variance",
    "vector space",
    "group theory",
    "topolog",
    "closed form",
    "perfect square",
    "satz von",
    "ableitung",
    "primzahl",
    "wahrscheinlichkeit",
    "gleichung",
    "ungleichung",
    "teilbar",
    "quadratzahl",
    "théorème",
    "intégrale",
    "dérivée",
    "matrice",
    "nombre premier",
    "nombres premiers",
    "probabilité",
    "équation",
    "inégalité",
    "carré parfait",
    "teorema",
    "derivada",
    "matriz",
    "número primo",
    "números primos",
    "probabilidad",
    "ecuación",
    "desigualdad",
    "cuadrado perfecto",
    "derivata",
    "numero primo",
    "numeri primi",
    "probabilità",
    "equazione",
    "disuguaglianza",
    "quadrato perfetto",
    "stelling",
    "integraal",
    "afgeleide",
    "priemgetal",
    "kansberekening",
    "vergelijking",
    "ongelijkheid",
    "kwadraat",
)

DOMAIN: tuple[str, ...] = (
    "contract",
    "clause",
    "liabilit",
    "indemnif",
    "gdpr",
    "jurisdiction",
    "statute",
    "precedent",
    "lawful",
    "legal basis",
    "compliance",
    "diagnos",
    "differential",
    "symptom",
    "dosage",
    "contraindicat",
    "patient",
    "prognos",
    "clinical",
    "treatment",
    "litigation",
    "tort$",
    "vertrag",
    "haftung",
    "klausel",
    "dsgvo",
    "rechtsgrundlage",
    "behandlung",
    "contrat",
    "responsabilité",
    "rgpd",
    "juridi",
    "traitement",
    "contrato",
    "cláusula",
    "responsabilidad",
    "jurídic",
    "tratamiento",
    "contratto",
    "clausola",
    "responsabilità",
    "giuridic",
    "trattamento",
    "clausule",
    "aansprakelijkheid",
    "juridisch",
    "behandeling",
    "patiënt",
    "avg$",
)

CONSTRAINTS: tuple[str, ...] = (
    "must",
    "should",
    "ensure",
    "make sure",
    "without using",
    "at least",
    "at most",
    "edge case",
    "requirement",
    "constraint",
    "handle",
    "muss",
    "sollte",
    "mindestens",
    "höchstens",
    "anforderung",
    "randfäll",
    "doit",
    "doivent",
    "au moins",
    "au plus",
    "exigence",
    "cas limite",
    "debe",
    "al menos",
    "como máximo",
    "requisito",
    "casos límite",
    "deve",
    "almeno",
    "al massimo",
    "casi limite",
    "moet",
    "minstens",
    "hoogstens",
    "vereiste",
    "randgeval",
)


class _Cues:
    """Several lists of cue stems matched in one pass: ``count`` says how many of each were found.

    One trie-shaped expression for all the lists costs little more than one list, and ``findall``
    returns the stem itself (an entry of exactly one list) so it maps back to its list.
    """

    def __init__(self, **lists: tuple[str, ...]) -> None:
        self.category: dict[str, str] = {}
        for name, entries in lists.items():
            for entry in entries:
                stem = entry.lower().removesuffix("$")
                if self.category.setdefault(stem, name) != name:
                    raise ValueError(f"cue {entry!r} is in both {self.category[stem]} and {name}")
        self.names = tuple(lists)
        self.pattern = _lexicon(*(e for entries in lists.values() for e in entries))

    def count(self, text: str) -> dict[str, int]:
        found = dict.fromkeys(self.names, 0)
        for stem in self.pattern.findall(text):
            found[self.category[stem]] += 1
        return found


# Instruction cues are looked for at the edges of the last user message and in the system prompt;
# subject-matter words anywhere in the scanned text.
INSTRUCTION_CUES = _Cues(
    reasoning=REASONING, simple=SIMPLE, code_request=CODE_REQUEST, constraints=CONSTRAINTS
)
SUBJECT_WORDS = _Cues(math=MATH_WORDS, domain=DOMAIN)

LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.MULTILINE)

FEATURE_NAMES: tuple[str, ...] = (
    "log_tokens",
    "log_last_user_tokens",
    "log_system_tokens",
    "log_messages",
    "log_user_turns",
    "completions_prompt",
    "code_fences",
    "log_code_keywords",
    "code_symbol_ratio",
    "log_code_requests",
    "log_latex",
    "log_equations",
    "log_math_words",
    "log_reasoning_cues",
    "log_simple_cues",
    "log_domain_words",
    "log_constraints",
    "log_questions",
    "log_list_items",
    "log_lines",
    "digit_ratio",
    "has_max_tokens",
    "log_max_tokens",
    "log_tools",
    "json_schema",
    "json_object",
    "images",
)


def _text(content: Any) -> tuple[str, int]:
    """A message's text and its number of image parts (OpenAI content: a string or a list of parts)."""
    if isinstance(content, str):
        return content, 0
    if isinstance(content, list):
        texts = []
        images = 0
        for part in content:
            if isinstance(part, str):
                texts.append(part)
            elif isinstance(part, dict):
                kind = part.get("type")
                text = part.get("text")
                if isinstance(text, str):
                    texts.append(text)
                elif kind in ("image_url", "input_image", "image"):
                    images += 1
        return "\n".join(texts), images
    return "", 0


@dataclass
class _Prompt:
    everything: str = ""
    last_user: str = ""
    system: str = ""
    messages: int = 0
    user_turns: int = 0
    images: int = 0
    completions: bool = False


def _prompt_of(body: dict[str, Any]) -> _Prompt:
    found = _Prompt()
    messages = body.get("messages")
    if isinstance(messages, list):
        texts = []
        for message in messages:
            if not isinstance(message, dict):
                continue
            found.messages += 1
            text, images = _text(message.get("content"))
            found.images += images
            role = message.get("role")
            if role in ("system", "developer"):
                found.system += text + "\n"
            elif role == "user":
                found.user_turns += 1
                found.last_user = text
            texts.append(text)
        found.everything = "\n".join(texts)
        return found
    prompt = body.get("prompt")
    if isinstance(prompt, list):  # a batch of prompts (or token ids): judge by their text
        prompt = "\n".join(p for p in prompt if isinstance(p, str))
    if isinstance(prompt, str):
        found.completions = True
        found.messages = found.user_turns = 1
        found.everything = found.last_user = prompt
    return found


def _scan(text: str) -> str:
    return text if len(text) <= SCAN_CHARS else text[:SCAN_HEAD] + "\n" + text[-SCAN_TAIL:]


def _edges(text: str) -> str:
    return text if len(text) <= 2 * EDGE_CHARS else text[:EDGE_CHARS] + "\n" + text[-EDGE_CHARS:]


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def _tokens(text: str) -> int:
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


def _int(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, (int, float)) and math.isfinite(value):
        return max(int(value), 0)
    return 0


def features(body: Any) -> list[float]:
    """The feature vector of a request body, in the order of ``FEATURE_NAMES``.

    Shared by the trainer and the request path. Anything that is not a well-formed request (not a
    dict, no messages, odd content) gives the features of an empty prompt rather than an error: the
    gateway validates bodies elsewhere, and routing must never be the step that fails a request.
    """
    if not isinstance(body, dict):
        body = {}
    prompt = _prompt_of(body)
    scanned = _scan(prompt.everything)
    edges = (_edges(prompt.last_user) + "\n" + _edges(prompt.system)).lower()
    cues = INSTRUCTION_CUES.count(edges)
    words = SUBJECT_WORDS.count(scanned.lower())
    chars = max(len(scanned), 1)
    # str.count runs in C: a generator over 8,000 characters would cost a millisecond each.
    symbols = sum(map(scanned.count, CODE_SYMBOLS))
    digits = sum(map(scanned.count, "0123456789"))
    max_tokens = _int(body.get("max_tokens", body.get("max_completion_tokens")))
    tools = body.get("tools") if isinstance(body.get("tools"), list) else body.get("functions")
    response_format = body.get("response_format")
    kind = response_format.get("type") if isinstance(response_format, dict) else None
    return [
        _log(_tokens(prompt.everything)),
        _log(_tokens(prompt.last_user)),
        _log(_tokens(prompt.system)),
        _log(prompt.messages),
        _log(prompt.user_turns),
        1.0 if prompt.completions else 0.0,
        float(min(scanned.count("```") // 2, 10)),
        _log(len(CODE_KEYWORD.findall(scanned)) + sum(scanned.count(op) for op in CODE_OPERATORS)),
        symbols / chars,
        _log(cues["code_request"]),
        _log(len(LATEX.findall(scanned))),
        _log(len(EQUATION.findall(scanned))),
        _log(words["math"]),
        _log(cues["reasoning"]),
        _log(cues["simple"]),
        _log(words["domain"]),
        _log(cues["constraints"]),
        _log(edges.count("?") + edges.count("¿")),
        _log(len(LIST_ITEM.findall(scanned))),
        _log(scanned.count("\n")),
        digits / chars,
        1.0 if max_tokens else 0.0,
        _log(max_tokens),
        _log(len(tools) if isinstance(tools, list) else 0),
        1.0 if kind == "json_schema" else 0.0,
        1.0 if kind == "json_object" else 0.0,
        float(min(prompt.images, 10)),
    ]


@dataclass(frozen=True)
class Model:
    """A logistic regression over standardised features, as written by ``bench/routing/train.py``."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    meta: dict[str, Any]

    def score(self, x: list[float]) -> float:
        z = self.intercept
        for value, mean, scale, coef in zip(x, self.mean, self.scale, self.coef, strict=True):
            z += coef * (value - mean) / scale
        if z >= 0:  # the two branches keep exp() from overflowing for extreme inputs
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


def load_model(path: Path | str = MODEL_PATH) -> Model:
    """Read a model file; raise ``ValueError`` naming the problem if it does not fit this code."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    names = tuple(data.get("features") or ())
    if names != FEATURE_NAMES:
        raise ValueError(
            f"{path}: the model was trained on other features than inference.complexity computes "
            f"(retrain with bench/routing/train.py); model has {len(names)}, code has {len(FEATURE_NAMES)}"
        )
    n = len(FEATURE_NAMES)
    mean, scale, coef = (tuple(float(v) for v in data[key]) for key in ("mean", "scale", "coef"))
    if not len(mean) == len(scale) == len(coef) == n or any(s <= 0 for s in scale):
        raise ValueError(f"{path}: mean, scale and coef must each hold {n} numbers, scales positive")
    threshold = float(data.get("threshold", 0.5))
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"{path}: threshold {threshold} is outside [0, 1]")
    return Model(mean, scale, coef, float(data["intercept"]), threshold, dict(data.get("meta") or {}))


_model: Model | None = None
_model_lock = threading.Lock()


def model() -> Model:
    """The shipped model, read once per process."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = load_model()
    return _model


def score(body: Any, *, using: Model | None = None) -> float:
    """The probability that the request is heavy, in [0, 1]."""
    return (using or model()).score(features(body))


def classify(body: Any, threshold: float | None = None, *, using: Model | None = None) -> tuple[str, float]:
    """("light" or "heavy", score): heavy when the score reaches ``threshold`` (default: the model's)."""
    chosen = using or model()
    if threshold is None:
        threshold = chosen.threshold
    elif not (isinstance(threshold, (int, float)) and 0.0 <= threshold <= 1.0):
        raise ValueError(f"complexity threshold must be between 0 and 1, not {threshold!r}")
    value = chosen.score(features(body))
    return (HEAVY if value >= threshold else LIGHT), value
