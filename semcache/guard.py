"""Is the difference between two questions benign? The verifier after the embedding.

all-MiniLM-L6-v2 puts "Convert 5 miles to kilometres" and "Convert 5 kilometres to miles" at a
cosine of 0.993, "Approve the invoice" and "Reject the invoice" near 0.9, and "Summarise it in
French" and "Summarise it in German" higher still: similarity alone cannot tell them apart at
any useful threshold, and a list of the kinds of detail that matter (numbers, dates, negations,
opposites...) is never complete: the next hard negative differs by a word the list does not
name. So this verifier works the other way round. It names what may differ, and everything
else must match:

- both questions are normalised (lower case, accents and contractions, typos corrected to the
  model's vocabulary when exactly one word is one edit away, tenses folded and a noun's plural
  kept as a mark beside its singular ("the invoices" is not "the invoice"), number
  words as digits, times of day on the 24-hour clock, units, months, quarters, how often ("twice
  a day" / "2x daily"), inclusion ("with fees included" / "incl. fees"; "excluding" / "not
  including" / "with no" as "without"), the abbreviations of chat and tickets, and a small
  table of synonyms to one name);
- filler is dropped: articles, auxiliaries, first-person pronouns, politeness, greetings,
  sign-offs and urgency ("hi team", "thanks in advance", "asap"), the ways of asking ("can you
  tell me", "I need you to", "check whether", "would it make sense to"), and a request put as a
  passive question is read as the request ("Could the call be moved?" / "Move the call");
- "to" and "than" are bound to the word they govern ("from Rome to Paris" -> rome, to:paris),
  so a swap of their sides changes the tokens themselves, not only their order; "from" then
  says nothing more and is dropped, and "to" before a verb ("safe to give") is no direction;
- what is left, the *content tokens*, must be the same set on both sides: a token on one side
  with no counterpart on the other refuses the hit, whatever it is (a scope word, an antonym,
  a language, a unit, a noun, a name);
- and in the same order, except that whole clauses may change places ("For the Q3 report,
  what is the deadline?" / "What is the deadline for the Q3 report?"), one "A of B" may be
  said "B A" ("the shares of Nestle" / "the Nestle shares"), and one run of words may move
  (``_one_move``: to the front or the end, or, two words or more, across two words or more:
  "600 mg of ibuprofen" / "ibuprofen 600 mg"). Tokens that moved otherwise ("the tenant sues
  the landlord" / "the landlord sues the tenant", "a list of dicts" / "a dict of lists", "8 am
  in Osaka, what time in Lima" / "8 am in Lima, what time in Osaka") may have changed roles. A
  unit conversion has one form however it is asked ("How many km is 12 miles?" / "Convert 12
  miles to km"; "3 cups of honey in tbsp" / "Convert honey: 3 cups -> tbsp"), the units
  after the number being the ones converted from.

It errs on refusing: a paraphrase that words a detail differently ("cancel" / "drop") is a
miss, never a false hit. Only keyed hashes of the tokens are stored (``service.word_order``,
and ``keys.text_hash`` of the sorted set as the entry's ``guard``), never the words.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from django.core.exceptions import ImproperlyConfigured

_VERSION = "v8"
# A clause boundary in ``content_words``: whole clauses may change places, words within one not.
MARK = "|"
# Where "of", "for" or a possessive stood: "the shares of Nestle" / "the Nestle shares".
LINK = "^"

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
    **dict.fromkeys(("year", "years", "yr", "yrs"), "year"),
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
_NUMBER_WORDS.update(
    {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80"}
)
_NUMBER_WORDS.update({"ninety": "90", "hundred": "100", "thousand": "1000", "million": "1e6"})
_NUMBER_WORDS.update({"billion": "1e9", "dozen": "12", "half": "0.5", "quarter": "0.25"})
_NUMBER_WORDS.update({"double": "x2", "twice": "x2", "triple": "x3"})
for _i, _w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
):
    _NUMBER_WORDS[_w] = f"{_i + 1}th"
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_SYMBOLS = {"%": "pct", "$": "usd", "\u20ac": "eur", "\u00a3": "gbp", "\u00a5": "jpy", "\u00b0": "deg"}
_TIME_UNITS = frozenset({"s", "min", "h", "day", "week", "month", "year"})
# Unit symbols of two letters that are no English word: units wherever they stand.
_PLAIN_SHORT_UNITS = frozenset(
    {"km", "kg", "mg", "mm", "cm", "ml", "lb", "oz", "ft", "yd", "gb", "mb", "kb", "tb"}
)

# Words that never change what is asked: articles, auxiliaries, the asker ("I", "my", "we"),
# the assistant addressed ("you"), politeness, and the plain ways of asking ("what is",
# "tell me", "show me"). Everything else is content.
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "itself",
        "there",
        "here",
        "is",
        "are",
        "am",
        "be",
        "been",
        "being",
        "do",
        "does",
        "have",
        "has",
        "having",
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "yourself",
        "will",
        "would",
        "shall",
        "what",
        "please",
        "pls",
        "plz",
        "kindly",
        "thanks",
        "thank",
        "thx",
        "cheers",
        "hi",
        "hello",
        "hey",
        "dear",
        "ok",
        "okay",
        "sorry",
        "just",
        "really",
        "actually",
        "basically",
        "simply",
        "exactly",
        "quite",
        "very",
        "pretty",
        "rather",
        "somewhat",
        "perhaps",
        "maybe",
        "tell",
        "show",
        "give",
        "let",
        "know",
        "want",
        "like",
        "wish",
        "wonder",
        "wondering",
        "curious",
        "need",
        "needs",
        "help",
        "grant",
        "get",
        "got",
        "getting",
        "make",
        "making",
        "go",
        "going",
        "of",
        "for",
        "in",
        "on",
        "at",
        "about",
        "regarding",
        "re",
        "concerning",
        "as",
        "and",
        "anything",
        "also",
        "too",
        "well",
        "so",
        "then",
        "display",
        "explain",
        "describe",
        "clarify",
        "define",
        "obtain",
        "which",
        # "With" says nothing "without" does not say apart: "a meeting with Alice" / "a
        # meeting Alice", "with fees included" / "including fees" / "fees included".
        "with",
        "include",
        "including",
        "included",
        "includes",
        "u",
        "ur",
        "tia",
        "approx",
        "approximately",
    ]
)
# Past tense: "when was it changed" is not "when is it changed" (the main verb's tense is folded).
_PAST = frozenset({"was", "were", "did", "had"})

# Rewrites of phrases, applied to the lower-cased text before its words are read: ways of
# saying one thing (left) with the one name used for it (right). Written for the questions of
# an internal assistant: IT, HR, finance, documents.
_PHRASES: list[tuple[str, str]] = [
    # Openings and sign-offs: greetings, thanks, apologies, urgency, a ticket's label. None of
    # them changes what is asked.
    (r"^\W*(?:hi|hello|hey|dear)\W+(?:team|there|all|everyone|folks|guys)\b", ""),
    (r"^\W*(?:good )?(?:morning|afternoon|evening)(?=\s*[!,.:-])", ""),
    (r"^\W*(?:ticket|request|fyi|note|todo|task|re)\s*:", ""),
    (r"thanks? (?:you )?(?:so much |very much |a lot )?in advance|many thanks|thanks a lot|ty|tia", ""),
    (r"thank you(?: so much| very much)?", ""),
    (r"sorry to (?:bother|trouble|disturb) you|quick one|question for you", ""),
    (r"as soon as possible|asap|urgently|urgent", ""),
    # Abbreviations of chat and tickets.
    (r"u", "you"),
    (r"ur", "your"),
    (r"w/o", "without"),
    (r"w/", "with"),
    (r"&", "and"),
    (r"->|=>", " to "),
    (r"appts?", "appointment"),
    (r"accts?", "account"),
    (r"incl\.?", "including"),
    (r"excl\.?", "excluding"),
    # Inclusion said three ways: "with fees included", "including fees", "incl. fees" (and
    # "with" itself); "fees excluded", "excluding fees", "not including fees", "with no fees"
    # and "without fees".
    (r"(\w+) included", r"including \1"),
    (r"(\w+) excluded", r"excluding \1"),
    (r"not including|without including|leaving out|except for|with no", "excluding"),
    # How often: "twice a day", "2x daily", "two times per day" -> "2 per day".
    (r"once(?= (?:a|an|per|each|every|daily|weekly|monthly|yearly|annually)\b)", "1 times"),
    (r"twice(?= (?:a|an|per|each|every|daily|weekly|monthly|yearly|annually)\b)", "2 times"),
    (r"thrice(?= (?:a|an|per|each|every|daily|weekly|monthly|yearly|annually)\b)", "3 times"),
    (r"(\w+) ?(?:x|times) (?:a|an|per|each|every) (day|week|month|year|hour)", r"\1 per \2"),
    (r"(\w+) ?(?:x|times) daily", r"\1 per day"),
    (r"(\w+) ?(?:x|times) weekly", r"\1 per week"),
    (r"(\w+) ?(?:x|times) monthly", r"\1 per month"),
    (r"(\w+) ?(?:x|times) (?:yearly|annually)", r"\1 per year"),
    # The end of a day or month, however named.
    (r"(?:the )?end of (?:the )?(?:business )?day|close of business|eod|cob", "eod"),
    (r"(?:the )?(?:last day|end) of (?:the |this )?month|month-?end", "monthend"),
    # A request put as a passive question asks for the deed: "Could the appointment be
    # cancelled?" / "Cancel the appointment".
    (r"(?:^|(?<=[:.!?,]))\W*(?:can|could|would) ([^?]*?) be (\w+(?:ed|en))(?![\w'])", r" \2 \1"),
    # Advice, asked as "should", "would it make sense", "pros and cons of".
    (r"(?:would|will|does|do)(?=[^?]*\bmake sense\b)", "should"),
    (r"make sense", ""),
    (r"(?:the )?pros and cons of", "should"),
    (r"km/h|kmh|kph|km per hour|kilometres per hour|kilometers per hour", "kph"),
    (r"mi/h|miles per hour", "mph"),
    # Micrograms: "µg" is no gram.
    (r"[\u00b5\u03bc]g", "mcg"),
    # Temperatures: "°F", "degrees Fahrenheit", "Fahrenheit".
    (r"(?:\u00b0 ?|degrees? )(?:f|fahrenheit)", "fahrenheit"),
    (r"(?:\u00b0 ?|degrees? )(?:c|celsius|centigrade)", "celsius"),
    # Quarters of a year: "the first quarter", "first-quarter", "Q1".
    (r"(?:first|1st)[- ]quarter", "q1"),
    (r"(?:second|2nd)[- ]quarter", "q2"),
    (r"(?:third|3rd)[- ]quarter", "q3"),
    (r"(?:fourth|4th)[- ]quarter", "q4"),
    # Currencies and weights said in two words.
    (r"pounds? sterling|british pounds?", "gbp"),
    (r"(?:us|american) dollars?", "usd"),
    (r"metric(?= tons?\b| tonnes?\b)", ""),
    # Sending an amount of money is transferring it.
    (r"send(?= (?:\d|[$\u20ac\u00a3]))", "transfer"),
    # "Monday next week" is "next Monday"; a meeting's minutes are its notes.
    (r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday) next week", r"next \1"),
    (r"minutes(?= (?:of|from)\b)", "notes"),
    # "Just the first clause" is "only the first clause".
    (r"just(?= (?:the|a|an|one|first|last|final|\d))", "only"),
    (r"over to", "to"),
    # Making what is asked for: "create an invoice", "generate the report", "an invoice".
    (r"(?:create|generate|produce|prepare)[sd]?", ""),
    # "My own laptop" is my laptop; "in table form" is "as a table".
    (r"(my|our|your) own", r"\1"),
    (r"(table|list|paragraph|letter|essay|email|outline) form", r"\1"),
    # Lists of points, however named.
    (r"bullet(?:ed)?(?:[- ]point)? lists?|bullet[- ]points?|bullets", "bullets"),
    # A version: "Python v3.10", "Python version 3.10", "Python 3.10".
    (r"v(\d[\d.]*)", r"\1"),
    (r"version(?= \d)", ""),
    # A connection that cuts out drops.
    (r"(?:cuts?|cutting|drops?|dropping) out", "disconnect"),
    # A closing that asks for nothing more: "Any fix?", "Any concerns?"
    (r"any (?:fix|fixes|ideas?|suggestions?|advice|help|thoughts|tips|concerns?)(?=\s*[?.!]|\s*$)", ""),
    # (Each in the singular and the plural: a noun's number is kept, ``PLURAL``.)
    (r"staff members", "employees"),
    (r"staff member", "employee"),
    # Bounds before a number, one word each.
    (r"(?:fewer than|less than|below|under)(?= [$\u20ac\u00a3]?\d)", "under"),
    (r"(?:more than|greater than|above|over)(?= [$\u20ac\u00a3]?\d)", "over"),
    # Asking someone to do it: "I need you to summarise", "the customer wants to exchange".
    (r"(?:need|want|would like|like|ask|asking|asked)s? (?:you|u) to", ""),
    (r"(?:wants?|needs?|wanted|would like|'d like|wishe?s?|hopes?|plans?|intends?) to", ""),
    # Asking to check whether something holds asks whether it holds.
    (r"(?:check|verify|find out|see|determine|confirm for me) (?:whether|if)", ""),
    (r"out of(?= (?:the|a|an|my|our|your|this|that|these|those)\b)", "from"),
    # Ways of asking that ask nothing more.
    (
        r"(?:i (?:would )?like|i want|i need|i wanted|i trying|i am trying) to"
        r" (?:know|find out|understand)",
        "",
    ),
    (r"(?:can|could|would|will) you (?:please )?(?:tell|show|let) me", ""),
    (r"(?:can|could|would|will) you(?: please)?", ""),
    (r"what (?:should|can|do|must) i do", ""),
    (r"(?:i|we) (?:want|need|would like|like|wish|am trying|are trying|trying) to", ""),
    (r"in (ascending|descending|alphabetical|reverse|chronological) order", r"\1"),
    (r"how does (?:it|that|this) work", "how"),
    (r"when (?:is|are) the (deadline|due date)", r"\1"),
    (r"how long (?:does|will|would) it take(?: me| us)? to", "how long"),
    (r"is it (?:ok|okay|fine|alright|allowed|permitted|possible) for (\w+(?: \w+)?) to", r"can \1"),
    # Asking for a list asks which: "Give me a list of visitors with a badge" / "Which
    # visitors have a badge?" ("list" as a format, "as a bulleted list", stays).
    (r"(?:give|make|provide|send) (?:me |us )?(?:a |the )?list of", ""),
    (r"(?:^|(?<=[:.!?,]))\W*list(?= )", ""),
    (r"every one of|all of", "all"),
    (r"each one of|each of", "each"),
    (r"by when", "when"),
    (r"the year(?= \d)", ""),
    (r"(?:number|no\.|nr\.?)(?= \d)", ""),
    (r"is it (?:a )?(?:good idea|wise|advisable|recommended|a smart move) to", "should"),
    (r"do you (?:happen to )?know", ""),
    (r"(?:i was|i am|i) wondering", ""),
    (r"any idea", ""),
    (r"would you mind", ""),
    (r"where (?:can|do|could|would|should|might) (?:i|we|one|you) (?:find|get|see|locate)", "where"),
    (
        r"who (?:should|do|can|could|would|must) (?:i|we) (?:contact|ask|talk to|speak to|speak with|"
        r"talk with|reach out to|reach|email|call)",
        "who contact",
    ),
    (r"(\d+)k\b", r"\g<1>000"),
    (r"(?:a )?quick question|one more question|(?:a |one )?question", ""),
    (r"is there (?:a way|any way) to", "how to"),
    (
        r"what(?:'s| is| are) the (?:best |right |correct |proper )?"
        r"(?:way|steps|procedure|process) (?:to|for)",
        "how to",
    ),
    (r"what (?:steps|do i do) to", "how to"),
    (r"how (?:do|can|should|would|could|will|might|must|to) (?:i|we|one|you)\b", "how"),
    (r"how to", "how"),
    (r"(?:at )?what (?:time|date|day)\b", "when"),
    (r"the number of", "how many"),
    (r"what (?:is|are) the (?:amount|quantity) of", "how much"),
    # Permission and obligation: one word each.
    (r"(?:am i|are we|is one|is it) (?:allowed|permitted|able|ok|okay|possible) to", "can i"),
    (r"(?:is it (?:ok|okay|fine|alright|possible|allowed|permitted)) (?:if|that) i", "can i"),
    (r"may i\b", "can i"),
    (r"(?:do|does) (?:i|we|one|you) (?:need|have) to", "must"),
    (r"(?:am i|are we|is one) (?:required|obliged|obligated) to", "must"),
    (r"is it (?:mandatory|required|necessary|compulsory|obligatory) to", "must"),
    (r"(?:have|has|had|got) to", "must"),
    (r"ought to", "should"),
    (r"(?:is|are) (\w+) (?:allowed|permitted|able) to", r"can \1"),
    (r"prior to|ahead of", "before"),
    (r"take over|took over|taken over|takes over", "acquire"),
    (r"in order to", "to"),
    (r"as well as", "and"),
    (r"a (?:lot|number|couple) of|lots of|plenty of", "many"),
    (r"right now|at the moment|at present|currently|presently", "now"),
    (r"as soon as possible|asap", "soon"),
    (r"most recent|newest", "latest"),
    # Verbs of two words, and their one-word synonyms.
    (r"\b(?:log|sign) ?(?:in|into|on|onto)\b|\blogin\b|\bsignin\b", "login"),
    (r"\b(?:log|sign) ?(?:out|off)\b|\blogout\b|\bsignout\b", "logout"),
    (r"\bset ?up\b|\bsetup\b|\bconfigure\b", "setup"),
    (r"\b(?:turn|switch) on\b|\bactivate\b", "enable"),
    (r"\b(?:turn|switch) off\b|\bdeactivate\b", "disable"),
    (r"\bcall off\b", "cancel"),
    (r"\bsign off on\b|\bsign off\b", "approve"),
    (r"\blook up\b|\blook for\b|\bsearch for\b|\blocate\b", "find"),
    (r"\bfill (?:in|out)\b", "complete"),
    (r"\bsum up\b|\btl;?dr\b|\bsummarize\b|\bsummarise\b|\bgive (?:me )?a summary of\b", "summarise"),
    # Nouns of two words.
    (r"\bpaid time off\b|\bannual leave\b|\bvacation days?\b|\bpto\b", "vacation"),
    (r"\bpull requests\b", "prs"),
    (r"\bpull request\b", "pr"),
    (r"\be-?mail\b", "email"),
    (r"\bwi-?fi\b", "wifi"),
    (r"\bpay ?slips\b|\bpay ?stubs\b", "payslips"),
    (r"\bpay ?slip\b|\bpay ?stub\b", "payslip"),
    (r"\bco-?workers\b", "colleagues"),
    (r"\bco-?worker\b", "colleague"),
    (r"\bline manager\b|\bboss\b|\bsupervisor\b", "manager"),
    (r"\bout of office\b|\booo\b", "absence"),
    (r"\bexpense claims\b|\bexpense reports\b|\bexpenses? forms\b", "expense reports"),
    (r"\bexpense claim\b|\bexpense report\b|\bexpenses? form\b", "expense report"),
]
_PHRASE_RES = [
    (re.compile(r"(?<![\w'])(?:" + re.sub(r"^\\b|\\b$", "", p) + r")(?![\w'])"), r) for p, r in _PHRASES
]

# One name for words that mean the same in an assistant's questions (after plurals and
# tenses are folded). Never opposites: those must stay apart.
_SYNONYM_GROUPS = """
    change modify alter edit amend update
    delete remove erase
    create add
    repair fix resolve solve
    problem issue trouble
    error bug
    buy purchase acquire
    move shift transfer reschedule
    end finish terminate
    book reserve schedule arrange
    start begin commence
    big large huge
    small little tiny
    fast quick rapid speedy
    job task
    doc document documentation docs
    info information details detail
    config configuration settings setting
    app application
    repo repository
    db database
    env environment
    prod production
    k8s kubernetes
    pc computer
    laptop
    phone mobile cellphone smartphone
    employee staff worker personnel
    manager
    salary wage
    price cost
    cheap inexpensive
    check verify
    send forward
    can could might may
    allowed permitted
    who whom
    every all
    until till
    to into towards
    whether if
    latest
    meeting meet
    guide tutorial
    rule policy guideline
    list enumerate
    write draft compose
    translate
    correct
    incorrect wrong
    annually yearly
    monthly
    weekly
    daily
    contract agreement
    client customer
    firm company organisation organization business
    receipt
    deadline
    without exclude
    father dad daddy
    mother mom mum mommy mummy
    child kid
    teenager teen
    grandmother grandma granny
    grandfather grandpa
    elderly older
    passenger pax traveller traveler person
    luggage bag baggage suitcase
    longest maximum
    last final
    appointment slot
    sea ocean
    informal casual
    reply response answer
    symptom sign
    disconnect disconnection
    shortest minimum
    ship shipment shipping
    """
_SYNONYMS: dict[str, str] = {}
for _line in _SYNONYM_GROUPS.strip().splitlines():
    _group = _line.split()
    for _w in _group:
        _SYNONYMS[_w] = _group[0]
_SYNONYMS.update(
    {
        "not": "not",
        "no": "not",
        "nope": "not",
        "cannot": "not",
        "they": "they",
        "them": "they",
        "their": "they",
        "theirs": "they",
        "him": "he",
        "his": "he",
        "her": "she",
        "hers": "she",
        "yours": "your",
        "anyone": "someone",
        "anybody": "someone",
        "somebody": "someone",
        "should": "should",
    }
)
# Tenses and plurals the suffix rules miss.
_IRREGULAR = {
    "bought": "buy",
    "sold": "sell",
    "sent": "send",
    "paid": "pay",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "went": "go",
    "gone": "go",
    "began": "begin",
    "begun": "begin",
    "wrote": "write",
    "written": "write",
    "left": "leave",
    "lost": "lose",
    "won": "win",
    "spent": "spend",
    "built": "build",
    "ran": "run",
    "held": "hold",
    "kept": "keep",
    "found": "find",
    "data": "data",
    "news": "news",
    # What the phrases above make of "summarize", "sum up" and "give a summary of", never
    # "corrected" (to "summaries", a plural).
    "summarise": "summary",
    "has": "have",
    "does": "do",
    "is": "is",
    "was": "was",
    "this": "this",
    "us": "us",
    "yes": "yes",
    "its": "its",
    "less": "less",
    "unless": "unless",
    "always": "always",
    "status": "status",
    "bus": "bus",
    "virus": "virus",
    "across": "across",
    "perhaps": "perhaps",
    "towards": "to",
    "afterwards": "after",
}

# Plurals the suffix rules miss (each is read as the plural of its singular: ``_plural``).
_IRREGULAR_PLURALS = {
    "people": "person",
    "persons": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "mice": "mouse",
    "teeth": "tooth",
    "geese": "goose",
    "analyses": "analysis",
    "diagnoses": "diagnosis",
    "theses": "thesis",
    "crises": "crisis",
    "hypotheses": "hypothesis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "indices": "index",
    "appendices": "appendix",
    "matrices": "matrix",
    "vertices": "vertex",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "shelves": "shelf",
    "thieves": "thief",
    "wolves": "wolf",
}
_IRREGULAR.update(_IRREGULAR_PLURALS)

# A word, or a number (sign, decimals, thousands), or a symbol.
_TOKEN = re.compile(
    r"(?:(?<![\w.])[-\u2212])?\d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?"
    r"|[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*"
    r"|[%$\u20ac\u00a3\u00a5\u00b0]"
    r"|[,;:?!.^]|\s[-\u2013\u2014]\s"
)
_CLITICS = [
    (re.compile(r"\blet's\b"), ""),
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"\b(what|that|it|there|here|who|where|how|when|he|she)'s\b"), r"\1 is"),
    (re.compile(r"(?<=[a-z])'s\b"), " ^ "),
    (re.compile(r"'(?:re|m|ve|ll|d)\b"), ""),
    (re.compile(r"\blet us\b"), ""),
]


@cache
def _ranks() -> dict[str, int]:
    """The whole words of the model's WordPiece vocabulary (lower case, about 20,000: common
    English, the words a typo is corrected to), each with its position, which follows how
    common the word is (the vocabulary was built most frequent first)."""
    from semcache import encoder

    try:
        folder = encoder.model_folder()
    except ImproperlyConfigured:
        return {}
    vocab = json.loads((folder / "tokenizer.json").read_text())["model"]["vocab"]
    return {w: int(i) for w, i in vocab.items() if w.isalpha() and w.islower()}


@cache
def _vocabulary() -> frozenset[str]:
    return frozenset(_ranks()) | _KNOWN


# Words of the table above: known, never "corrected".
_KNOWN = frozenset(_SYNONYMS) | frozenset(_FILLER) | frozenset(_IRREGULAR.values())


def load() -> None:
    """Read the vocabulary now (once per process; the request path calls this off the event loop)."""
    _vocabulary()


def _known(word: str) -> bool:
    return word in _vocabulary()


def _stem(word: str) -> str:
    """Plural and tense folded, when the base form is a known word: "approved" -> approve,
    "policies" -> policy, "stopped" -> stop. Unknown words stay as they are."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3:
        return word
    candidates: list[str] = []
    if word.endswith("ies") or word.endswith("ied"):
        candidates.append(word[:-3] + "y")
    elif word.endswith(("sses", "ches", "shes", "xes", "zes")):
        candidates.append(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        candidates.append(word[:-1])
    elif word.endswith(("ing", "ed")):
        stem = word[:-3] if word.endswith("ing") else word[:-2]
        if len(stem) >= 2:
            candidates += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])
    for candidate in candidates:
        if _known(candidate):
            return candidate
    if candidates and word.endswith("s") and not word.endswith("ss") and not _known(word):
        return candidates[0]  # an unknown word's plural: "tramadols"
    return word


def _fold_unknown(word: str) -> str:
    """An unknown verb's tenses as one form: "rescheduled", "rescheduling" and "reschedule" ->
    reschedul (the model's vocabulary has no "reschedule" to fold them to). Names fold the same
    way on both sides ("Nestle" -> nestl), which changes nothing a comparison sees."""
    if _known(word) or not word.isalpha():
        return word
    if len(word) >= 7 and word.endswith(("ed", "ing")):
        return re.sub(r"(?:e?d|ing)$", "", word)
    if len(word) >= 6 and word.endswith("e"):
        return word[:-1]
    return word


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def _corrected(word: str) -> str:
    """A typo's correction: the known word one transposition, deletion, substitution or
    insertion away, when there is one, or one far more common than the others ("latpop" ->
    laptop, "recieve" -> receive). The word itself when it is known, short or not a plain
    word, or when no correction is clear ("imort": import or mort?)."""
    if len(word) < 5 or not word.isalpha() or _known(word) or _known(_stem(word)):
        return word
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} - {word}
    edits = swaps | {a + b[1:] for a, b in splits if b}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    ranks = _ranks()
    found: dict[str, int] = {}
    for edit in edits - {word}:
        if _known(edit) or (edit.endswith("s") and _known(_stem(edit))):
            found[edit] = ranks.get(edit, ranks.get(_stem(edit), 30_000))
    if not found:
        return word
    swapped = [e for e in found if e in swaps]
    if len(swapped) == 1:  # two letters swapped: the commonest typo
        return swapped[0]
    ordered = sorted(found.items(), key=lambda item: item[1])
    if len({_stem(e) for e, _ in ordered}) == 1 or ordered[0][1] * 3 < ordered[1][1]:
        return ordered[0][0]
    # Of several, the one word of the guard's own tables (politeness, the ways of asking,
    # synonyms): what an assistant's questions are made of ("plase" -> please, not place).
    tabled = [e for e, _ in ordered if e in _KNOWN]
    if len(tabled) == 1:
        return tabled[0]
    return word


def _is_number(word: str) -> bool:
    word = word.strip()
    return bool(word) and (word[0].isdigit() or (word[0] in "-\u2212" and len(word) > 1))


def _canonical_number(word: str) -> str:
    word = word.replace("\u2212", "-")
    ordinal = _ORDINAL.match(word)
    if ordinal:
        return f"{ordinal.group(1)}th"
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+", word):
        return word.replace(",", "")
    return word


_CAPITALISED = re.compile(r"(?<![.?!:]\s)(?<!^)\b([A-Za-z]*[A-Z][A-Za-z]*)")


def _plain(text: str) -> str:
    """Accents dropped ("Nestlé" / "Nestle", "café" / "cafe"); the symbols of units kept."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CLOCK = re.compile(r"(?<![\w:.])(\d{1,2})(?::(\d\d))? ?(a\.m\.|p\.m\.|am|pm)(?![\w])")


def _clock(match: re.Match[str]) -> str:
    """A time of day on the 24-hour clock: "3 pm", "3:00 pm" and "15:00" are one time, and
    "9:30 am" is "9:30" (a time without am or pm is read on the 24-hour clock)."""
    hour, minutes = int(match.group(1)), match.group(2) or "00"
    if hour > 12:
        return match.group(0)
    hour = hour % 12 + (12 if match.group(3).startswith("p") else 0)
    return f"{hour}:{minutes}"


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_TENS["ninety"] = 90
_UNITS_WORDS = {
    w: i
    for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
}
_COMPOUND_NUMBER = re.compile(
    r"\b(?:(" + "|".join(_TENS) + r")[- ](" + "|".join(list(_UNITS_WORDS)[1:]) + r"))\b"
    r"|\b(\d+|" + "|".join(list(_UNITS_WORDS)[1:]) + r") and a half\b"
)


def _compound_number(match: re.Match[str]) -> str:
    """ "forty-five" -> 45, "one and a half" / "1 and a half" -> 1.5."""
    if match.group(1):
        return str(_TENS[match.group(1)] + _UNITS_WORDS[match.group(2)])
    whole = match.group(3)
    return f"{int(whole) if whole.isdigit() else _UNITS_WORDS[whole]}.5"


def _tokens(text: str) -> list[str]:
    """The question's content tokens in order, with ``MARK`` between clauses."""
    # Capitalised words after a sentence's first are names: never "corrected" ("Nestle").
    names = {m.lower() for m in _CAPITALISED.findall(_plain(text).strip())}
    lower = " " + _plain(text.lower()).replace("\u2019", "'").replace("\u2018", "'") + " "
    for pattern, replacement in _CLITICS:
        lower = pattern.sub(replacement, lower)
    lower = _CLOCK.sub(_clock, lower)
    lower = _COMPOUND_NUMBER.sub(_compound_number, lower)
    for phrase, replacement in _PHRASE_RES:
        lower = phrase.sub(replacement, lower)
    words = _TOKEN.findall(lower)
    out: list[str] = []
    pending_symbol: str | None = None
    for position, raw in enumerate(words):
        word = raw.strip()
        if word in {",", ";", ":", "?", "!", ".", "-", "\u2013", "\u2014"}:
            if out and out[-1] != MARK:
                out.append(MARK)
            continue
        if word in {"in", "into"} and out and out[-1].startswith("u") and position + 1 < len(words):
            following = _word_tokens(words[position + 1].strip(), words, position + 1, names)
            if following and following[0].startswith("u"):
                out.append("to")  # "5 km in miles": what the conversion is to
                continue
        if word == "from":
            continue  # where a move starts: plain once its destination carries "to" (``_fuse``)
        if word in {"to", "into", "than"}:
            role = _role(word, words, position)
            if role:
                out.append(role)
            continue
        if word in {"^", "of", "for"}:
            if out and out[-1] not in (MARK, LINK):
                out.append(LINK)
            continue
        if word in _SYMBOLS:
            unit = "u" + _SYMBOLS[word]
            # "$40" and "40 dollars" alike: a currency sign before a number goes after it.
            if position + 1 < len(words) and _is_number(words[position + 1]):
                pending_symbol = unit
            else:
                out.append(unit)
            continue
        if _is_number(word):
            out.append("#" + _canonical_number(word))
            if pending_symbol:
                out.append(pending_symbol)
                pending_symbol = None
            continue
        out.extend(_word_tokens(word, words, position, names))
    while out and out[-1] in (MARK, LINK):
        out.pop()
    out = _fuse(_dates(out))
    if "~past" in out and any(_ANCHOR.fullmatch(t) for t in out):
        # "What was the income in Q3 2025?" / "What is the income in Q3 2025?": a question
        # anchored to a year or a quarter has its time already; the tense adds nothing.
        out = [t for t in out if t != "~past"]
    return out


_ANCHOR = re.compile(r"#(?:19|20)\d\d|q[1-4]")


# Words between a preposition and what it governs: "to the savings account", "than my car".
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "every",
        "each",
        "all",
    ]
)
_OBJECT_PRONOUNS = frozenset(["it", "them", "him", "her", "me", "us", "you"])
_ROLE = "\x00"  # before a role word in ``_tokens``' output, until ``_fuse`` binds it


def _role(word: str, words: list[str], position: int) -> str:
    """The role marker for "to" or "than" at ``position``, or "" when the word is dropped:
    "to" before a verb is no direction ("safe to give", "wants to sue the landlord")."""
    role = "than" if word == "than" else "to"
    at = position + 1
    while at < len(words) and words[at].strip() in _DETERMINERS:
        at += 1
    if at >= len(words):
        return role
    following = words[at].strip()
    if not following[:1].isalnum():
        return role
    if role == "to":
        if following in _FILLER or following in _UNITS:
            # "to get", "to know": no direction; "to km": the units a conversion goes to.
            return "" if following in _FILLER else role
        after = words[at + 1].strip() if at + 1 < len(words) else ""
        if at == position + 1 and (after in _DETERMINERS or after in _OBJECT_PRONOUNS or _is_number(after)):
            return ""  # "to sue the landlord", "to visit them", "to ship 20 kg": a verb follows
    return _ROLE + role


def _fuse(out: list[str]) -> list[str]:
    """Binds "to" and "than" to the token they govern: "from Paris to Rome" -> paris, to:rome.
    The role is then part of the token, so "from Rome to Paris" has other tokens (not only
    another order), and the words may move: "to Rome from Paris" is one question with it.
    A unit after "to" stays apart: a conversion reads it (``_conversion``)."""
    fused: list[str] = []
    for i, token in enumerate(out):
        if token.startswith(_ROLE):
            continue
        if i and out[i - 1].startswith(_ROLE):
            role = out[i - 1][len(_ROLE) :]
            if token in (MARK, LINK) or token.startswith("u"):
                fused.append(role)
            else:
                token = f"{role}:{token}"
        fused.append(token)
    return fused


def _dates(out: list[str]) -> list[str]:
    """A day of a month as one form: "June 5th", "5 June", "the 5th of June" -> @m6 #5."""
    for i, token in enumerate(out):
        if token.startswith("#") and token.endswith("th") and token[1:-2].isdigit():
            near = out[max(0, i - 1) : i] + out[i + 1 : i + 3]
            if any(t.startswith("@m") for t in near):
                out[i] = token[:-2]
    i = 0
    while i + 1 < len(out):
        day = out[i]
        gap = 1 if out[i + 1] == LINK and i + 2 < len(out) else 0
        month = out[i + 1 + gap]
        if day.startswith("#") and day[1:].isdigit() and month.startswith("@m"):
            out[i : i + 2 + gap] = [month, day]
        i += 1
    return out


def _word_tokens(word: str, words: list[str], position: int, names: set[str]) -> list[str]:
    if "-" in word:
        joined = word.replace("-", "")
        if _known(joined) or joined in _SYNONYMS:
            word = joined
        else:
            parts: list[str] = []
            for part in word.split("-"):
                parts.extend(_word_tokens(part, words, position, names) if part else [])
            return parts
    word = word.split("'")[0] if "'" in word else word
    if not word:
        return []
    previous = words[position - 1].strip() if position else ""
    after_number = bool(previous) and (_is_number(previous) or previous in _NUMBER_WORDS)
    # A unit a conversion goes to: "4 cups to g", "3 tbsp in g".
    after_number = after_number or (
        previous in {"to", "in", "into", "many", "much"} and word in _UNITS and word != "s"
    )
    nxt = words[position + 1].strip() if position + 1 < len(words) else ""
    if word in _UNITS and (
        after_number
        or word in _PLAIN_SHORT_UNITS
        or (len(word) > 2 and _UNITS[word] not in _TIME_UNITS)
        # "8 consulting hours" / "8 hours of consulting"; "second" is also an ordinal.
        or (len(word) > 3 and _UNITS[word] in _TIME_UNITS and _UNITS[word] != "s")
    ):
        return ["u" + _UNITS[word]]
    if word in _NUMBER_WORDS:
        return ["#" + _NUMBER_WORDS[word]]
    if word in _MONTHS and (word != "may" or after_number or _is_number(nxt)):
        return ["@m" + _MONTHS[word]]
    if word in _PAST:
        return ["~past"]
    if word in _FILLER:
        return []
    typed = word
    if word not in names:
        word = _corrected(word)
    if word in _FILLER:
        return []
    if word in _PAST:
        return ["~past"]
    if word in _SYNONYMS:
        token, stem = _SYNONYMS[word], _stem(word)
    else:
        # Names are folded too: one side may write them in lower case ("brightwave").
        stem = _fold_unknown(_stem(word))
        if stem in _FILLER:
            return []
        token = _SYNONYMS.get(stem, stem)
    if (
        token not in _NUMBERLESS
        and _plural(word, stem)
        # A typo corrected to a plural it did not look like is no plural ("warranty" -> warrants).
        and (typed.endswith("s") or word in _IRREGULAR_PLURALS)
        and not _verb(words, position)
        and not _quantified(words, position)
    ):
        return [token + PLURAL]
    return [token]


# After a noun said in the plural: "the invoices" is not "the invoice", "our customers" not "a
# customer" (the answer is about one or about all), nor "children" a "child". A plural is read
# as a noun unless its place says it is a verb ("who approves the invoice", "it requires").
# The signature has the plural as a token of its own beside the word (``signature``); the order
# of the words (``content_words``) is read without it.
PLURAL = "/pl"
# Synonyms that name something uncounted, whatever the number of the word used: "the details"
# / "the information", "the settings" / "the configuration". ("Staff" has no number either: it
# is read as "employee", as in "staff records" / "employee records".)
_NUMBERLESS = frozenset(["info", "config", "data", "news"])
# Words in "s" that are no noun's plural.
_NOT_PLURAL_WORDS = """
    yours theirs hers sometimes besides whereas nowadays overseas series species means lots
    anyways towards afterwards backwards
"""
_NOT_PLURAL = frozenset(_NOT_PLURAL_WORDS.split())
# Verbs said of a subject in the third person ("the policy covers contractors", "my password
# expires", "the job runs") far more often than their plural is a noun: after a noun (not a
# determiner, a number or a preposition), read as the verb, so that "does the policy cover
# contractors?" asks the same.
_VERBS_WORDS = """
    cover work run sync support allow affect last renew crash freeze fail drop stop start begin
    end finish open close say state cause prevent keep stay come leave load save refresh print
    receive pay approve reject sign handle manage accept lose win beat protect treat trigger
    weigh vary fit hold take send count cost charge use store delete remove undo block reset
    lock unlock matter cure
"""
_VERBS = frozenset(_VERBS_WORDS.split())
# Verbs whose form in "s" is hardly ever a noun: always the verb ("what happens if", "it
# depends"; "what will happen if" asks the same).
_ONLY_VERBS_WORDS = """
    happen mean apply require seem qualify exist belong depend differ expire overheat disconnect
    entitle involve specify mention become remain arrive respond reimburse deduct owe earn
    exceed outperform interact occur cancel suggest recommend contain
"""
_ONLY_VERBS = frozenset(_ONLY_VERBS_WORDS.split())
# Words after which a noun is the first of two objects: "give our auditors a summary".
_TWO_OBJECTS = frozenset(["give", "send", "show", "tell", "offer", "email", "pay", "grant", "bring", "owe"])
_NOUN_BEFORE = _DETERMINERS | frozenset(
    ["which", "what", "many", "several", "few", "both", "other", "more", "most", "fewer", "same"]
)
_SUBJECTS_WORDS = """
    he she it who that this one someone somebody anyone anybody everyone everybody nobody
    everything something nothing whoever
"""
_SUBJECTS = frozenset(_SUBJECTS_WORDS.split())
# What follows a verb and never a noun's plural: "approves the invoice", "requires it".
_OBJECTS = frozenset(
    ["the", "a", "an", "my", "your", "our", "their", "his", "its", "them", "him", "me", "us", "it"]
)
# Words that say which of a set, whatever its number: "every employee" / "all employees", "each
# invoice" / "each of the invoices", "any refunds" / "any refund", "no customer" / "no customers".
_QUANTIFIERS = frozenset(["every", "each", "all", "any", "no"])


def _plural(word: str, stem: str) -> bool:
    """Whether ``word`` is the plural of ``stem`` (its suffix or an irregular plural)."""
    if word in _IRREGULAR_PLURALS:
        return True
    if word in _IRREGULAR or word in _NOT_PLURAL or stem == word or not word.endswith("s"):
        return False
    return len(word) > 3 and not word.endswith(("ss", "us", "is"))


def _verb(words: list[str], position: int) -> bool:
    """Whether the word at ``position``, ending in "s", is a verb: one of ``_ONLY_VERBS``, or by
    its place: after a subject pronoun ("it requires", "who approves"); one of ``_VERBS`` after
    a word that is no determiner, number or preposition ("the policy covers"); or before an
    article or an object ("undoes the last commit", "sends them") unless a verb of two objects
    comes just before ("send customers the invoice")."""
    previous = words[position - 1].strip() if position else ""
    following = words[position + 1].strip() if position + 1 < len(words) else ""
    stem = _stem(words[position].strip())
    if previous in _SUBJECTS or stem in _ONLY_VERBS:
        return True
    if previous in _NOUN_BEFORE or previous in _NOUN_PHRASE_ENDS or previous == "^" or _is_number(previous):
        return False
    if stem in _VERBS:
        return True  # "the policy covers contractors", "the VPN keeps dropping"
    if following not in _OBJECTS:
        return False
    # "Send customers the invoice", "give external auditors a summary": a noun, the first object.
    before = {w.strip() for w in words[max(0, position - 3) : position]}
    return not before & _TWO_OBJECTS


def _quantified(words: list[str], position: int) -> bool:
    """Whether a quantifier that says which of a set ("every", "each", "all", "any", "no") stands
    at most three words before, in the same clause: its noun's number says nothing more."""
    for at in range(position - 1, max(-1, position - 4), -1):
        word = words[at].strip()
        if word == "of" and at and words[at - 1].strip() in _QUANTIFIERS:
            return True  # "any of the refunds"
        if not word[:1].isalnum() or word in _NOUN_PHRASE_ENDS:
            return False  # "all invoices from suppliers": "suppliers" is not quantified
        if word in _QUANTIFIERS:
            return True
    return False


# Words that end a noun phrase (a quantifier before them says nothing of the words after).
_NOUN_PHRASE_ENDS_WORDS = """
    of for to from with without in on at by about into per and or but than that who which whose
    where when if after before over under between across like
"""
_NOUN_PHRASE_ENDS = frozenset(_NOUN_PHRASE_ENDS_WORDS.split())


# Words a unit conversion may be asked with: "Convert 5 km to miles", "How many miles is 5 km?",
# "What does 5 kg weigh in pounds?", "5 km in miles?" all ask one thing.
_CONVERSION_WORDS = frozenset({"convert", "how", "many", "much", "weigh", "to", "equal", "equivalent"})


def _conversion(tokens: list[str]) -> list[str] | None:
    """A unit conversion, as "convert <number> <units after it> to <the other units>", or None.
    The units right after the number are the ones converted from, wherever the question puts
    the others: roles are kept ("5 miles to km" is not "5 km to miles")."""
    plain = [t for t in tokens if t not in (MARK, LINK)]
    numbers = [i for i, t in enumerate(plain) if t.startswith("#")]
    if len(numbers) != 1:
        return None
    at = numbers[0]
    source: list[str] = []
    for t in plain[at + 1 :]:
        if not t.startswith("u"):
            break
        source.append(t)
    target = [t for i, t in enumerate(plain) if t.startswith("u") and not at < i <= at + len(source)]
    rest = [t for t in plain if not t.startswith(("#", "u")) and t not in _CONVERSION_WORDS]
    if not source or not target or len(rest) > 2:
        return None
    # What is converted ("3 cups of honey in tablespoons", "convert honey: 3 cups to tbsp")
    # follows, in its own order: those words change no unit's role.
    return ["convert", plain[at], *source, "to", *target, *rest]


# Text quoted to be worked on ("Translate \"Your appointment has been moved.\""): the answer follows
# it word for word, so two questions match only if it is the same, up to case and spacing.
_QUOTED = re.compile(
    # A code block fenced by backticks (any language tag), or a passage in quotation marks.
    r"```[^\n`]*\n(?P<fenced>.*?)```"
    r"|[\"\u201c\u201e\u00ab](?P<quoted>[^\"\u201c\u201d\u201e\u00ab\u00bb\n]{3,})[\"\u201d\u00bb]",
    re.DOTALL,
)
_NOT_WORDS = re.compile(r"\W+")


def _quoted(text: str) -> tuple[list[str], str]:
    """One token per quoted passage of two words or more (a digest of its words, verbatim), and
    the text around those passages: the instruction."""
    out = []
    outside: list[str] = []
    at = 0
    for match in _QUOTED.finditer(text):
        passage = match.group("fenced") if match.group("fenced") is not None else match.group("quoted")
        words = _NOT_WORDS.sub(" ", passage.casefold()).split()
        if len(words) >= 2:
            out.append("=" + hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest())
            outside.append(text[at : match.start()])
            at = match.end()
    outside.append(text[at:])
    return out, " . ".join(outside) if out else text


def _content(text: str) -> list[str]:
    # The words of a quoted passage count only through its digest: the instruction's own words
    # must match apart from it. Over the same meeting notes naming Helen and Ravi, "the actions
    # owned by Helen" and "the actions owned by Ravi" hold the same words in all; the instructions
    # do not.
    quoted, instruction = _quoted(text)
    tokens = _tokens(instruction)
    return (_conversion(tokens) or tokens) + ([MARK, *quoted] if quoted else [])


def content_words(text: str) -> list[str]:
    """The question's content tokens, each at its first appearance, with ``MARK`` between
    clauses and ``LINK`` where "of", "for" or a possessive stood (the order ``same_order``
    compares)."""
    out: list[str] = []
    for token in _content(text):
        token = token.removesuffix(PLURAL)
        if token in (MARK, LINK):
            if out and out[-1] not in (MARK, LINK):
                out.append(token)
            elif out and token == MARK:
                out[-1] = MARK
        elif not out or out[-1] != token:
            out.append(token)
    while out and out[-1] in (MARK, LINK):
        out.pop()
    return out


def signature(text: str) -> str:
    """The set of the question's content tokens, as one string: equal for two questions exactly
    when every content token of one has its counterpart in the other. A noun said in the plural
    counts as the word and its plural ("the invoices": invoice, invoice/pl), so a singular on
    one side against a plural on the other is a difference ("the invoice" / "the invoices")."""
    content = [t for t in _content(text) if t not in (MARK, LINK)]
    # How often each token is said counts too: over the same pasted notes naming Ben and Aisha,
    # "when is Ben on early shift" and "when is Aisha on early shift" hold the same words, but
    # one name twice.
    marked = Counter(content)
    plain = Counter(t.removesuffix(PLURAL) for t in content)
    tokens = {_counted(t, n) for t, n in marked.items()} | {_counted(t, n) for t, n in plain.items()}
    return " ".join([_VERSION, *sorted(tokens)])


def _counted(token: str, times: int) -> str:
    return token if times == 1 else f"{token}*{times}"


def _clauses(words: Sequence[str]) -> list[list[str]]:
    clauses: list[list[str]] = [[]]
    for word in words:
        if word == MARK:
            clauses.append([])
        elif word != LINK:
            clauses[-1].append(word)
    return [c for c in clauses if c]


def _contains(words: Sequence[str], part: list[str]) -> bool:
    n = len(part)
    return any(list(words[i : i + n]) == part for i in range(len(words) - n + 1))


def _inverted(marked: Sequence[str], other_marked: Sequence[str], other: list[str]) -> bool:
    """Whether ``other`` is ``marked`` with one "A of B" turned into "B A" (at most three tokens
    each side, inside a clause), and "B A" stands in ``other_marked`` with nothing between:
    "the shares of Nestle" / "the Nestle shares", but not "a list of dicts" / "a dict of lists"
    nor "swap euros for dollars" / "swap dollars for euros"."""
    for at, word in enumerate(marked):
        if word != LINK:
            continue
        for la in range(1, 4):
            before = list(marked[max(0, at - la) : at])
            if len(before) < la or MARK in before or LINK in before:
                break
            for lb in range(1, 4):
                after = list(marked[at + 1 : at + 1 + lb])
                if len(after) < lb or MARK in after or LINK in after:
                    break
                swapped = [*marked[: at - la], *after, *before, *marked[at + 1 + lb :]]
                if [w for w in swapped if w not in (MARK, LINK)] == other and _contains(
                    other_marked, after + before
                ):
                    return True
    return False


def same_order(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether the content tokens both questions share come in the same order, up to whole
    clauses that changed places, or one "A of B" said "B A".

    "Can the tenant sue the landlord?" and "Can the landlord sue the tenant?" share every token,
    in another order, and the embedding puts them at 0.99. "If the VPN drops, how do I
    reconnect?" and "How do I reconnect if the VPN drops?" moved a clause and asked the same.
    The tokens can be keyed hashes (the cache keeps no question text; ``MARK`` and ``LINK``
    stay as they are): only equality is used.
    """
    marks = (MARK, LINK)
    a, b = _shared(first, second), _shared(second, first)
    flat_a = [w for w in a if w not in marks]
    flat_b = [w for w in b if w not in marks]
    if flat_a == flat_b:
        return True
    for clauses, other in ((_clauses(a), flat_b), (_clauses(b), flat_a)):
        for start in range(1, len(clauses)):
            rotated = [w for c in clauses[start:] + clauses[:start] for w in c]
            if rotated == other or _one_move(rotated, other, edge=False):
                return True
    if _inverted(a, b, flat_b) or _inverted(b, a, flat_a):
        return True
    # "for my father" is a run of two with its link: it may move as one.
    linked_a = [w for w in a if w != MARK]
    linked_b = [w for w in b if w != MARK]
    if linked_a.count(LINK) != linked_b.count(LINK):
        linked_a, linked_b = flat_a, flat_b
    return _one_move(linked_a, linked_b)


def _one_move(first: list[str], second: list[str], *, edge: bool = True) -> bool:
    """Whether ``second`` is ``first`` with one run of tokens moved elsewhere: two adjacent runs
    change places, and at least one of them is two tokens or longer ("600 mg of ibuprofen" /
    "ibuprofen 600 mg"). A role swap moves two single tokens round a third that stays ("A sues
    B" / "B sues A", "a list of dicts" / "a dict of lists"): that takes two moves. Two single
    tokens that change places ("fees excluded" / "excluding fees", but also "Bob is Alice's
    manager" / "Alice is Bob's manager") are refused too, and inside the question (not at its
    front or end, or after clauses moved: ``edge``) both runs must be two tokens or longer."""
    n = len(first)
    if n != len(second) or n < 3 or first == second:
        return False
    # Only the differing middle can have moved. (Widening it to runs that end in a word both
    # share would take "90 km at 120 km/h" for "120 km at 90 km/h".)
    start = 0
    while first[start] == second[start]:
        start += 1
    end = n
    while first[end - 1] == second[end - 1]:
        end -= 1
    # A run moved to the front or the end of the question ("could the appointment be
    # cancelled" / "cancel the appointment") may be a single token; a run moved inside it must
    # be two tokens long and cross two ("Osaka when it is 8 am" / "8 am in Osaka").
    at_edge = edge and (start == 0 or end == n)
    for middle in range(start + 1, end):
        shortest, longest = sorted((middle - start, end - middle))
        if longest < 2 or (shortest < 2 and not at_edge):
            continue
        if first[middle:end] + first[start:middle] == second[start:end]:
            return True
    return False


def _shared(words: Sequence[str], other: Sequence[str]) -> list[str]:
    """``words`` with the marks, and each token only as often as ``other`` has it too (its
    first appearances): "the account" said twice on one side and once on the other."""
    budget: dict[str, int] = {}
    for w in other:
        budget[w] = budget.get(w, 0) + 1
    kept: list[str] = []
    for w in words:
        if w in (MARK, LINK):
            kept.append(w)
        elif budget.get(w, 0) > 0:
            budget[w] -= 1
            kept.append(w)
    return kept


def benign(first: str, second: str) -> bool:
    """Whether the two questions differ only in what ``content_words`` leaves out: the same
    content tokens, in the same order up to whole clauses."""
    return signature(first) == signature(second) and same_order(content_words(first), content_words(second))
