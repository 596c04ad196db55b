"""The details a sentence embedding blurs, which must match exactly for a hit.

all-MiniLM-L6-v2 puts "Convert 5 miles to kilometres" and "Convert 5 kilometres to miles" at a
cosine of 0.993, and a question and its negation near 0.9: similarity alone cannot tell
them apart at any useful threshold. So besides the threshold, a hit needs the same
*signature*: of the question, in their order,

- numbers (digits with their sign, number words, ordinals), units and currency or percent signs;
- dates: months, weekdays, relative dates ("next", "ago"), seasons and times of day;
- negations: negative words, ``un``-/``non``- words whose rest is a common word ("unpaid"), and
  verbs that undo or refuse an action ("cancel", "unsubscribe", "disable", "reject");
- the pole of opposites ("ascending"/"descending", "before"/"after", "buy"/"sell",
  "highest"/"lowest"): synonyms of one pole agree;
- names: capitalised words after the first, and rare words (outside the model's WordPiece
  vocabulary: "omeprazole", "haproxy"), which name things in lower case.

Swapped entities, another number, date or unit, an added "not" or the opposite verb change the
signature; the paraphrases that keep those details (most do) keep it. A paraphrase that words
them differently ("cancel" / "call off") is a miss, never a false hit.

Only a keyed hash of the signature is stored (``keys.text_hash`` of it), never the words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache

from django.core.exceptions import ImproperlyConfigured

_APOSTROPHE = "\u2019"  # a typographic apostrophe: "don't" typed on a phone
# A word, a unit ratio ("mg/kg"), a number (with a sign when nothing is glued before it: "-5",
# not the "-204" of "B-204"), or a unit or currency symbol.
_WORD = re.compile(
    r"[A-Za-z]+/[A-Za-z]+|[A-Za-z][A-Za-z'\u2019]*"
    r"|(?:(?<![\w.])[-\u2212])?\d+(?:[.,:/-]\d+)*|[%$\u20ac\u00a3\u00a5\u00b0]"
)
_SYMBOLS = {"%": "pct", "$": "usd", "\u20ac": "eur", "\u00a3": "gbp", "\u00a5": "jpy", "\u00b0": "deg"}
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
# "one" is mostly a pronoun or an article ("which one", "in one day" = "per day").
del _NUMBER_WORDS["one"]
_NUMBER_WORDS.update(
    {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80"}
)
_NUMBER_WORDS.update(
    {"ninety": "90", "hundred": "100", "thousand": "1000", "million": "1e6", "billion": "1e9"}
)
_NUMBER_WORDS.update({"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th"})
_NUMBER_WORDS.update({"sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th"})
_NUMBER_WORDS.update({"last": "last", "final": "last", "quarter": "0.25", "quarters": "0.25"})
_NUMBER_WORDS.update({"half": "0.5", "double": "x2", "twice": "x2", "triple": "x3", "dozen": "12"})
_NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
        "cant",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "wont",
        "shouldnt",
        "couldnt",
        "wouldnt",
        "hasnt",
        "havent",
        "hadnt",
        "mustnt",
        "except",
        "unless",
        "non",
        "instead",
    ]
)
# Units, with their usual variants mapped to one name.
_UNITS = {
    **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers", "kms"), "km"),
    **dict.fromkeys(("mile", "miles", "mi"), "mile"),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "mm"),
    **dict.fromkeys(("ft", "foot", "feet"), "ft"),
    **dict.fromkeys(("inch", "inches", "in."), "inch"),
    **dict.fromkeys(("yard", "yards", "yd"), "yd"),
    **dict.fromkeys(("kg", "kilogram", "kilograms", "kilo", "kilos"), "kg"),
    **dict.fromkeys(("g", "gram", "grams"), "g"),
    **dict.fromkeys(("mg", "milligram", "milligrams"), "mg"),
    **dict.fromkeys(("mcg", "microgram", "micrograms", "µg"), "mcg"),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), "lb"),
    **dict.fromkeys(("oz", "ounce", "ounces"), "oz"),
    **dict.fromkeys(("l", "litre", "litres", "liter", "liters"), "l"),
    **dict.fromkeys(("ml", "millilitre", "millilitres", "milliliter", "milliliters"), "ml"),
    **dict.fromkeys(("gallon", "gallons", "gal"), "gal"),
    **dict.fromkeys(("celsius", "centigrade", "°c"), "c"),
    **dict.fromkeys(("fahrenheit", "°f"), "f"),
    **dict.fromkeys(("kelvin",), "k"),
    **dict.fromkeys(("second", "seconds", "sec", "secs", "s"), "s"),
    **dict.fromkeys(("minute", "minutes", "min", "mins"), "min"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h"), "h"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("dollar", "dollars", "usd", "$"), "usd"),
    **dict.fromkeys(("euro", "euros", "eur", "€"), "eur"),
    **dict.fromkeys(("percent", "percentage", "%"), "pct"),
    **dict.fromkeys(("byte", "bytes"), "byte"),
    **dict.fromkeys(("kb", "kilobyte", "kilobytes"), "kb"),
    **dict.fromkeys(("mb", "megabyte", "megabytes"), "mb"),
    **dict.fromkeys(("gb", "gigabyte", "gigabytes"), "gb"),
    **dict.fromkeys(("tb", "terabyte", "terabytes"), "tb"),
    **dict.fromkeys(("mph",), "mph"),
    **dict.fromkeys(("kph", "km/h"), "kph"),
    **dict.fromkeys(("watt", "watts", "w"), "w"),
    **dict.fromkeys(("kw", "kilowatt", "kilowatts"), "kw"),
    **dict.fromkeys(("volt", "volts", "v"), "v"),
    **dict.fromkeys(("degree", "degrees", "deg"), "deg"),
    **dict.fromkeys(("ms", "millisecond", "milliseconds"), "ms"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons", "t"), "t"),
    **dict.fromkeys(("stone", "stones", "st"), "st"),
    **dict.fromkeys(("pint", "pints", "pt"), "pt"),
    **dict.fromkeys(("quart", "quarts", "qt"), "qt"),
    **dict.fromkeys(("cup", "cups"), "cup"),
    **dict.fromkeys(("tablespoon", "tablespoons", "tbsp"), "tbsp"),
    **dict.fromkeys(("teaspoon", "teaspoons", "tsp"), "tsp"),
    **dict.fromkeys(("acre", "acres"), "acre"),
    **dict.fromkeys(("hectare", "hectares", "ha"), "ha"),
    **dict.fromkeys(("knot", "knots", "kn"), "kn"),
    **dict.fromkeys(("hz", "hertz"), "hz"),
    **dict.fromkeys(("khz", "kilohertz"), "khz"),
    **dict.fromkeys(("mhz", "megahertz"), "mhz"),
    **dict.fromkeys(("ghz", "gigahertz"), "ghz"),
    **dict.fromkeys(("kwh",), "kwh"),
    **dict.fromkeys(("mah",), "mah"),
    **dict.fromkeys(("joule", "joules", "j"), "j"),
    **dict.fromkeys(("kj", "kilojoule", "kilojoules"), "kj"),
    **dict.fromkeys(("calorie", "calories", "cal"), "cal"),
    **dict.fromkeys(("kcal", "kilocalorie", "kilocalories"), "kcal"),
    **dict.fromkeys(("pa", "pascal", "pascals"), "pa"),
    **dict.fromkeys(("kpa", "kilopascal", "kilopascals"), "kpa"),
    **dict.fromkeys(("bar", "bars"), "bar"),
    **dict.fromkeys(("psi",), "psi"),
    **dict.fromkeys(("mmhg",), "mmhg"),
    **dict.fromkeys(("mmol", "millimole", "millimoles"), "mmol"),
    **dict.fromkeys(("mol", "mole", "moles"), "mol"),
    **dict.fromkeys(("iu",), "iu"),
    **dict.fromkeys(("gbp", "sterling", "quid"), "gbp"),
    **dict.fromkeys(("yen", "jpy"), "jpy"),
    **dict.fromkeys(("franc", "francs", "chf"), "chf"),
    **dict.fromkeys(("cent", "cents"), "cent"),
    **dict.fromkeys(("penny", "pence", "p"), "pence"),
    **dict.fromkeys(("am", "a.m."), "am"),
    **dict.fromkeys(("pm", "p.m."), "pm"),
    **dict.fromkeys(("nm", "nanometre", "nanometres", "nanometer", "nanometers"), "nm"),
    **dict.fromkeys(("micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"), "um"),
    **dict.fromkeys(("decade", "decades"), "decade"),
    **dict.fromkeys(("century", "centuries"), "century"),
    **dict.fromkeys(("fortnight", "fortnights"), "fortnight"),
    **dict.fromkeys(("pixel", "pixels", "px"), "px"),
    **dict.fromkeys(("bit", "bits"), "bit"),
    **dict.fromkeys(("mbps",), "mbps"),
    **dict.fromkeys(("gbps",), "gbps"),
}
_MONTHS = {
    m: str(i + 1)
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for m in names
}
_DAYS = {d: d[:3] for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
_DAYS.update({"today": "today", "tomorrow": "tomorrow", "yesterday": "yesterday", "tonight": "tonight"})
_DAYS.update({"weekend": "weekend", "weekday": "weekday", "weekdays": "weekday", "weekends": "weekend"})
_DAYS.update({s: s for s in ("spring", "summer", "autumn", "winter")})
_DAYS.update({"midnight": "midnight", "noon": "noon", "midday": "noon"})
_DAYS.update({p: p for p in ("morning", "afternoon", "evening", "night", "overnight")})
# Which one of a recurring date: "next Monday" is not "last Monday".
_DAYS.update({"next": "next", "coming": "next", "upcoming": "next", "previous": "prev", "past": "prev"})
_DAYS.update({"ago": "ago", "recent": "prev", "recently": "prev", "current": "this", "currently": "this"})
# Capitalised words that are not names: sentence starters and question words.
_NOT_NAMES = frozenset(
    [
        "i",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "of",
        "for",
        "to",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "please",
        "tell",
        "give",
        "show",
        "list",
        "explain",
        "describe",
        "define",
        "find",
        "name",
        "write",
        "summarise",
        "summarize",
        "compare",
        "if",
        "it",
        "this",
        "that",
        "these",
        "those",
        "my",
        "our",
        "your",
        "ok",
        "hi",
        "hello",
    ]
)
# "may" is a month only when capitalised mid-sentence; lower-case, or first, it is a modal verb.
_AMBIGUOUS_MONTHS = frozenset(
    {"may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr"}
)


_TIME_UNITS = frozenset({"s", "min", "h", "day", "week", "month", "year"})

# Verbs that undo or refuse an action: "cancel the meeting" asks the opposite of "schedule the
# meeting", with nearly every other word the same. One marker for all of them (a negation in
# the verb), in every inflection (``_base``).
_REVERSALS = frozenset(
    [
        "cancel",
        "revoke",
        "undo",
        "reverse",
        "withdraw",
        "retract",
        "rescind",
        "unsubscribe",
        "deactivate",
        "disable",
        "uninstall",
        "unenroll",
        "unregister",
        "remove",
        "delete",
        "erase",
        "stop",
        "halt",
        "abort",
        "quit",
        "terminate",
        "reject",
        "decline",
        "deny",
        "refuse",
        "forbid",
        "prohibit",
        "ban",
        "prevent",
        "avoid",
        "skip",
        "exclude",
        "omit",
        "lack",
        "miss",
        "fail",
        "lose",
        "unlock",
        "unblock",
        "unfreeze",
        "unpause",
        "unmute",
        "unfollow",
        "unpublish",
        "unshare",
    ]
)
# Opposites: each word names one pole of a scale. A text gets the pole's marker, so a question
# and its antonym ("ascending"/"descending", "before"/"after", "buy"/"sell") differ, while
# synonyms of one pole ("maximum"/"highest") agree.
_POLES: dict[str, str] = {}
for _scale, _low, _high in (
    (
        "extreme",
        "min minimum least lowest smallest fewest shortest cheapest",
        "max maximum most highest largest biggest greatest longest top",
    ),
    (
        "compare",
        "less fewer lower smaller below beneath cheaper shorter",
        "more greater higher larger bigger above exceed exceeding longer",
    ),
    ("order", "ascending ascend increasing", "descending descend decreasing"),
    ("trend", "decrease reduce reduction drop shrink downgrade", "increase raise rise grow growth upgrade"),
    ("time", "before prior ahead earlier until till", "after later since following afterwards"),
    ("age", "youngest younger newest newer", "oldest older elder eldest"),
    ("speed", "slowest slower", "fastest faster"),
    ("trade", "sell sold selling seller", "buy bought buying buyer purchase purchased acquire acquired"),
    (
        "flow",
        "import imports imported inbound incoming receive received",
        "export exports exported outbound outgoing send sent",
    ),
    (
        "money",
        "debit debits expense expenses loss losses cost",
        "credit credits income revenue profit profits",
    ),
    ("lend", "borrow borrowed borrowing", "lend lent lending loan"),
    ("start", "start started starting begin beginning begins", "finish finished end ending ends"),
    ("enter", "enter arrival arrive arrivals", "exit leave departure depart departures"),
    ("win", "lose lost losing loser", "win won winning winner"),
    ("pass", "fail failed failing", "pass passed passing"),
    ("truth", "false wrong incorrect", "true right correct"),
    ("add", "subtract minus deduct", "plus"),
    ("best", "worst worse", "best better"),
    ("sex", "female women woman girls girl", "male men man boys boy"),
    ("north", "south southern", "north northern"),
    ("east", "west western", "east eastern"),
    ("temperature", "cold colder coldest", "hot hotter hottest warm warmer warmest"),
    ("pros", "cons disadvantages drawbacks downsides", "pros advantages benefits upsides"),
    ("in", "inside internal indoor indoors", "outside external outdoor outdoors"),
):
    for _pole, _words in (("-", _low), ("+", _high)):
        for _w in _words.split():
            _POLES.setdefault(_w, f"~{_scale}{_pole}")
# Words these scales share with everyday phrasing ("take over", "set up", "with"): not poles.
for _w in ("with", "right", "left", "end", "ends", "top", "cost", "leave", "sent", "send", "lock"):
    _POLES.pop(_w, None)

_VERSION = "v2"


def _base(lower: str) -> set[str]:
    """The word and its likely base forms: "cancelled" -> cancel, "stops" -> stop."""
    forms = {lower}
    for suffix in ("ing", "ed", "es", "s", "ation", "ations", "ion", "ions", "al"):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            stem = lower[: -len(suffix)]
            forms.update({stem, stem + "e"})
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # cancelled, stopped
            if stem.endswith("l") and suffix in ("ation", "ations"):
                forms.add(stem[:-1])  # cancellation
    return forms


@cache
def _vocabulary() -> frozenset[str]:
    """The whole words of the model's WordPiece vocabulary (30,522 entries, lower case): common
    English. A word outside it (split into pieces) is a rare word: a drug, a product, a place."""
    from semcache import encoder

    try:
        folder = encoder.model_folder()
    except ImproperlyConfigured:
        return frozenset()
    vocab = json.loads((folder / "tokenizer.json").read_text())["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


# Words that carry no entity: left out of the word order compared by ``same_order``.
_FUNCTION_WORD_LIST = """
    a an the this that these those some any each every all both either such what which who whom
    whose when where why how is are was were be been being am do does did done doing have has had
    having can could would should will shall may might must need i me my mine we us our ours you
    your yours he him his she her hers it its they them their theirs one ones there here then than
    as at by for from in into on onto of off out over to up down with within about above below
    under between through during before after against among per via and or but so if whether also
    just only very really quite please kindly tell give show let make get go know want like would
    again still even not no yes ok okay thanks thank hi hello hey way much many more most lot lots
    other another same"""
_FUNCTION_WORDS = _NOT_NAMES | frozenset(_FUNCTION_WORD_LIST.split())


def content_words(text: str) -> list[str]:
    """The text's content words in order of first appearance (lower case, plural folded)."""
    seen: list[str] = []
    for word in _WORD.findall(text):
        lower = word.lower().replace(_APOSTROPHE, "'").split("'")[0]
        if not lower or lower in _FUNCTION_WORDS or not lower[0].isalnum():
            continue
        if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
            lower = lower[:-1]
        if lower not in seen:
            seen.append(lower)
    return seen


def same_order(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether the words the two texts share come in the same order.

    Not when entities changed places with everything else kept: "Can the tenant sue the
    landlord?" and "Can the landlord sue the tenant?" share every content word, in another
    order, and the embedding puts them at 0.99. The words can be keyed hashes (the cache keeps
    no question text): only equality is used.
    """
    common = set(first) & set(second)
    return [w for w in first if w in common] == [w for w in second if w in common]


def load() -> None:
    """Read the vocabulary now (once per process; the request path calls this off the event loop)."""
    _vocabulary()


def _rare(lower: str) -> str | None:
    """A rare word's canonical form (singular), or None for a common word."""
    vocabulary = _vocabulary()
    if not vocabulary or len(lower) < 4 or not lower.isalpha():
        return None
    inflected = {lower + "s", lower + "ed", lower + "d", lower + "ing", lower[:-1] + "ing", lower + "er"}
    if (_base(lower) | inflected) & vocabulary:
        return None
    return lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower


def _after_number(words: list[str], position: int) -> bool:
    if position == 0:
        return False
    before = words[position - 1]
    return before[0].isdigit() or before[0] in "-\u2212" or before.lower() in _NUMBER_WORDS


def signature(text: str) -> str:
    """The question's exact-match details, as one string (compared for equality)."""
    parts: list[str] = [_VERSION]
    words = _WORD.findall(text)
    for position, word in enumerate(words):
        lower = word.lower().replace(_APOSTROPHE, "'")
        bare = lower.replace("'", "")
        # "team's" -> team, "what's" -> what: the clitic does not change the word.
        head = lower.split("'")[0] if "'" in lower and not lower.endswith("n't") else bare
        if word[0].isdigit() or (word[0] in "-\u2212" and len(word) > 1):
            parts.append("#" + word.replace(",", "").replace("\u2212", "-"))
        elif word in _SYMBOLS:
            parts.append("u" + _SYMBOLS[word])
        elif bare in _NEGATIONS or lower.endswith("n't"):
            parts.append("!not")
        elif head.startswith("un") and len(head) >= 6 and head[2:] in _vocabulary() and head not in _POLES:
            # "unpaid", "unable", "unknown": a negated word.
            parts.append("!not")
        elif _base(head) & _REVERSALS:
            parts.append("!undo")
        elif head in _POLES:
            parts.append(_POLES[head])
        elif lower in _NUMBER_WORDS:
            parts.append("#" + _NUMBER_WORDS[lower])
        elif lower in _MONTHS and (lower not in _AMBIGUOUS_MONTHS or (word[0].isupper() and position > 0)):
            parts.append("@m" + _MONTHS[lower])
        elif lower in _DAYS:
            parts.append("@d" + _DAYS[lower])
        elif lower in _UNITS and (
            (len(lower) > 2 and _UNITS[lower] not in _TIME_UNITS) or _after_number(words, position)
        ):
            # Short unit symbols ("m", "s", "in") and units of time ("per day", "a year")
            # count only right after a number.
            parts.append("u" + _UNITS[lower])
        elif word[0].isupper() and position > 0 and lower not in _NOT_NAMES:
            parts.append("n" + (_rare(head) or head))
        elif (rare := _rare(head)) is not None:
            # A rare word in lower case names something as a capitalised one does.
            parts.append("n" + rare)
    return " ".join(parts)
