"""The details a sentence embedding blurs, which must match exactly for a hit.

all-MiniLM-L6-v2 puts "Convert 5 miles to kilometres" and "Convert 5 kilometres to miles" at a
cosine of 0.993, and a question and its negation near 0.9: similarity alone cannot tell
them apart at any useful threshold. So besides the threshold, a hit needs the same
*signature*: the numbers (digits and number words), negations, units, months and weekdays,
and names (capitalised words after the first) of the question, in their order. Swapped
entities, another number, date or unit, or an added "not" change the signature; the
paraphrases that keep those details (most do) keep it.

Only a keyed hash of the signature is stored (``keys.text_hash`` of it), never the words.
"""

from __future__ import annotations

import re

_APOSTROPHE = "\u2019"  # a typographic apostrophe: "don't" typed on a phone
_WORD = re.compile(r"[A-Za-z]+/[A-Za-z]+|[A-Za-z][A-Za-z'\u2019]*|\d+(?:[.,:/-]\d+)*")
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
_DAYS.update({"today": "today", "tomorrow": "tomorrow", "yesterday": "yesterday"})
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
# "may" is a month only when capitalised mid-sentence; lower-case it is a modal verb.
_AMBIGUOUS_MONTHS = frozenset(
    {"may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr"}
)


_TIME_UNITS = frozenset({"s", "min", "h", "day", "week", "month", "year"})


def _after_number(words: list[str], position: int) -> bool:
    if position == 0:
        return False
    before = words[position - 1]
    return before[0].isdigit() or before.lower() in _NUMBER_WORDS


def signature(text: str) -> str:
    """The question's exact-match details, as one string (compared for equality)."""
    parts: list[str] = []
    words = _WORD.findall(text)
    for position, word in enumerate(words):
        lower = word.lower().replace(_APOSTROPHE, "'")
        bare = lower.replace("'", "")
        if word[0].isdigit():
            parts.append("#" + word.replace(",", ""))
        elif bare in _NEGATIONS or lower.endswith("n't"):
            parts.append("!not")
        elif lower in _NUMBER_WORDS:
            parts.append("#" + _NUMBER_WORDS[lower])
        elif lower in _MONTHS and (lower not in _AMBIGUOUS_MONTHS or word[0].isupper()):
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
            parts.append("n" + lower)
    return " ".join(parts)
