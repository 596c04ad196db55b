#!/usr/bin/env python3
"""Third blind labelled pair set for the semantic cache benchmark (bench/cache/blind3).

Standard library only. Seeded per family with a string seed ("<seed>:<family>"), so the
output does not depend on PYTHONHASHSEED or on the order of the families.

    python make_pairs.py                 # write pairs.jsonl next to this file (seed 2503)
    python make_pairs.py --check         # exit 1 unless pairs.jsonl is byte-identical and valid
    python make_pairs.py --summary       # also print counts per kind and family
    python make_pairs.py --seed 7 --per-family 200 --out /tmp/p.jsonl

Every pair is built from two "fact" dicts (slot -> value index).  A positive has equal facts
(or the two symmetric slots exchanged); a negative has exactly one slot changed (or two slots
of one pool exchanged, kind `swap`).  Noise only touches the request's own words, never the
facts; lower-casing never touches quoted text, code or names of columns/cells.
"""

import argparse
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "pairs.jsonl")
DEFAULT_SEED = 2503
DEFAULT_PER_FAMILY = 104
POS_SHARE = 0.45

# ---------------------------------------------------------------------------------------------
# model


class Slot:
    """A fact of a request.

    values: list of values; a value is a list of exactly-equivalent surface forms, or a dict of
    such lists keyed by grammatical form (templates say {slot:key}).
    kind: the negative kind made by replacing the value with another (None: never changed).
    pairs: {(i, j): kind} overrides; an index in `restrict` (by default every index named in
    an override) may change only along the listed pairs.
    quote: 'prose' or 'code' wraps every form in alternative quote marks (positive kind
    `quote_marks`); such slots are protected from lower-casing.
    quantity: alternative forms are equal quantities (positive kind `equivalent_quantity`).
    """

    def __init__(self, kind, values, pairs=None, quote=None, quantity=False, protect=False, restrict=None):
        self.kind = kind
        self.pairs = {}
        for (i, j), k in (pairs or {}).items():
            self.pairs[(i, j)] = k
            self.pairs[(j, i)] = k
        self.special = set(restrict) if restrict is not None else {i for ij in self.pairs for i in ij}
        self.quote = quote
        self.quantity = quantity
        self.protect = protect or quote is not None
        self.values = []
        for v in values:
            d = dict(v) if isinstance(v, dict) else {"": list(v) if isinstance(v, list) else [v]}
            for key in d:
                if isinstance(d[key], str):
                    d[key] = [d[key]]
            if quote:
                for key in list(d):
                    if key in ("", "text"):
                        d[key] = wrap(d[key], quote)
            self.values.append(d)

    def change_kind(self, i, j):
        if i == j:
            return None
        if (i, j) in self.pairs:
            return self.pairs[(i, j)]
        if i in self.special or j in self.special:
            return None
        return self.kind

    def form_kind(self):
        if self.quote:
            return "quote_marks"
        return "equivalent_quantity" if self.quantity else "synonym"


def wrap(forms, quote):
    out = []
    for f in forms:
        if quote == "prose":
            out += [f'"{f}"', f"'{f}'", f"\u201c{f}\u201d"]
        else:
            out += [f"`{f}`", f"```{f}```", f"\n```\n{f}\n```"]
    return out


class Family:
    def __init__(self, name, domain, templates, slots, swaps=(), sym=(), valid=None, weights=None):
        self.name = name
        self.weights = weights or {}  # negative kind -> how many turns it gets in the rotation
        self.domain = domain
        self.templates = templates
        self.slots = OrderedDict(slots)
        self.swaps = list(swaps)  # (slot_a, slot_b): exchanging values is a `swap` negative
        self.sym = list(sym)  # (slot_a, slot_b): exchanging values is a positive
        self.valid = valid or (lambda f: True)
        for t in templates:
            for s, _k in TOK.findall(t):
                assert s in self.slots, (name, s)
            used = {s for s, _k in TOK.findall(t)}
            assert used == set(self.slots), (name, t, set(self.slots) - used)


TOK = re.compile(r"\{(\w+)(?::(\w+))?\}")

# ---------------------------------------------------------------------------------------------
# rendering: a text is a list of segments (text, role); role is 'lit', 'slot' or 'prot'


def render(fam, t, facts, forms):
    tpl = fam.templates[t]
    segs = []
    pos = 0
    for m in TOK.finditer(tpl):
        if m.start() > pos:
            segs.append((tpl[pos : m.start()], "lit"))
        s, key = m.group(1), m.group(2) or ""
        slot = fam.slots[s]
        val = slot.values[facts[s]]
        flist = val[key]
        text = flist[forms.get((s, key), 0) % len(flist)]
        segs.append((text, "prot" if slot.protect else "slot"))
        pos = m.end()
    if pos < len(tpl):
        segs.append((tpl[pos:], "lit"))
    return segs


def join(segs):
    return "".join(s for s, _r in segs)


def draw_forms(fam, rng):
    forms = {}
    for s, slot in fam.slots.items():
        keys = set()
        for v in slot.values:
            keys.update(v)
        for key in sorted(keys):
            forms[(s, key)] = rng.randrange(1000)
    return forms


def slots_in(fam, t):
    return [(s, k or "") for s, k in TOK.findall(fam.templates[t])]


# ---------------------------------------------------------------------------------------------
# noise (applies to 'lit' segments only, except `case`, which also lower-cases 'slot' text)

FILLERS_PRE = ["hey, ", "Quick question: ", "hi - ", "Hi team, ", "ok so ", "Hello! "]
FILLERS_POST = [" thx", " Thanks!", " cheers", " ty", " thanks in advance", " :)"]
POLITE_PRE = [
    "Please could you help with the following. ",
    "Hello, I would appreciate your help. ",
    "Good morning. ",
    "Dear assistant, ",
]
POLITE_POST = [
    " Please advise.",
    " Thank you very much.",
    " Many thanks for your help.",
    " I'd be grateful for your help.",
]
ABBREV = [
    ("please", "pls"),
    ("Please", "Pls"),
    ("you", "u"),
    ("with", "w/"),
    ("and", "&"),
    ("about", "abt"),
    ("message", "msg"),
    ("information", "info"),
    ("because", "bc"),
    ("thanks", "thx"),
    ("appointment", "appt"),
    ("department", "dept"),
    ("regarding", "re"),
    ("expression", "expr"),
    ("document", "doc"),
]
CONTRACT = [
    ("what is", "what's"),
    ("What is", "What's"),
    ("it is", "it's"),
    ("I am", "I'm"),
    ("I would", "I'd"),
    ("we are", "we're"),
    ("that is", "that's"),
    ("does not", "doesn't"),
    ("do not", "don't"),
    ("cannot", "can't"),
    ("how is", "how's"),
    ("How is", "How's"),
    ("there is", "there's"),
    ("I will", "I'll"),
]
PROTECTED_WORDS = {
    "without",
    "except",
    "excluding",
    "including",
    "never",
    "cannot",
    "should",
    "allowed",
    "maximum",
    "minimum",
    "before",
    "after",
    "every",
    "least",
    "most",
    "only",
    "within",
    "first",
    "latest",
    # the label set of ticket_classification is a fact of the request
    "billing",
    "technical",
    "delivery",
    "account",
}


def _word_sub(segs, pairs, rng, both_ways=True):
    """Replace one occurrence of a listed phrase in a literal segment."""
    cands = []
    for i, (text, role) in enumerate(segs):
        if role != "lit":
            continue
        for a, b in pairs:
            for src, dst in ((a, b), (b, a)) if both_ways else ((a, b),):
                # a contraction never ends a clause ("which category that's." is not English)
                tail = r"(?=\s+\w)" if "'" in dst else ""
                for m in re.finditer(rf"(?<![\w'&/]){re.escape(src)}(?![\w'/]){tail}", text):
                    cands.append((i, m.start(), m.end(), dst))
    if not cands:
        return None
    i, s, e, dst = cands[rng.randrange(len(cands))]
    out = list(segs)
    out[i] = (segs[i][0][:s] + dst + segs[i][0][e:], "lit")
    return out


def n_filler(segs, rng):
    if rng.random() < 0.5:
        return [(rng.choice(FILLERS_PRE), "lit"), *segs]
    return [*segs, (rng.choice(FILLERS_POST), "lit")]


def n_politeness(segs, rng):
    if rng.random() < 0.5:
        return [(rng.choice(POLITE_PRE), "lit"), *segs]
    return [*segs, (rng.choice(POLITE_POST), "lit")]


def n_typo(segs, rng):
    cands = []
    for i, (text, role) in enumerate(segs):
        if role != "lit":
            continue
        for m in re.finditer(r"(?<![\w\-_.(])[A-Za-z]{5,}(?![\w\-_(])", text):
            if m.group(0).lower() not in PROTECTED_WORDS:
                cands.append((i, m.start(), m.group(0)))
    if not cands:
        return None
    i, s, w = cands[rng.randrange(len(cands))]
    p = rng.randrange(1, len(w) - 2)
    if rng.random() < 0.5 and w[p] != w[p + 1]:
        nw = w[:p] + w[p + 1] + w[p] + w[p + 2 :]  # swap two inner letters
    else:
        nw = w[:p] + w[p] + w[p:]  # double a letter
    text = segs[i][0]
    out = list(segs)
    out[i] = (text[:s] + nw + text[s + len(w) :], "lit")
    return out


def n_case(segs, rng):
    out = [(t.lower(), r) if r != "prot" else (t, r) for t, r in segs]
    return out if join(out) != join(segs) else None


def n_abbreviation(segs, rng):
    return _word_sub(segs, ABBREV, rng, both_ways=False)


def n_contraction(segs, rng):
    return _word_sub(segs, CONTRACT, rng)


def n_drop_articles(segs, rng):
    out = []
    changed = False
    for idx, (text, role) in enumerate(segs):
        if role == "lit":
            new = re.sub(r"(?<![\w'])(the|a|an) (?=[\w{\"'`\u201c])", "", text)
            new = re.sub(r"(?<![\w'])(The|A|An) (?=\w)", lambda m: "", new)
            if new != text:
                changed = True
                if idx == 0 and new[:1].islower() and text[:1].isupper():
                    new = new[:1].upper() + new[1:]
            out.append((new, role))
        else:
            out.append((text, role))
    return out if changed else None


def n_punct_space(segs, rng):
    out = list(segs)
    choice = rng.randrange(4)
    last_t, last_r = out[-1]
    if choice == 0 and last_r == "lit" and last_t[-1:] in "?.":
        out[-1] = (last_t[:-1], "lit")
    elif choice == 1 and last_r == "lit" and last_t[-1:] == "?":
        out[-1] = (last_t + "??", "lit")
    elif choice == 2:
        out.append(("  ", "lit"))
    else:
        lits = [i for i, (t, r) in enumerate(out) if r == "lit" and " " in t.strip()]
        if not lits:
            out.append((" ", "lit"))
        else:
            i = rng.choice(lits)
            t = out[i][0]
            spaces = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", t)]
            if not spaces:
                out.append((" ", "lit"))
            else:
                k = rng.choice(spaces)
                out[i] = (t[:k] + "  " + t[k + 1 :], "lit")
    return out


NOISE = OrderedDict(
    [
        ("filler", n_filler),
        ("politeness", n_politeness),
        ("typo", n_typo),
        ("case", n_case),
        ("abbreviation", n_abbreviation),
        ("contraction", n_contraction),
        ("drop_articles", n_drop_articles),
        ("punct_space", n_punct_space),
    ]
)

# ---------------------------------------------------------------------------------------------
# families


def S(kind, values, **kw):
    return Slot(kind, values, **kw)


def _distinct(*names):
    return lambda f: len({f[n] for n in names}) == len(names)


FAMILIES = [
    # ----------------------------------------------------------------------------- healthcare
    Family(
        "iv_drip_rate",
        "healthcare",
        [
            "Calculate the drip rate in drops per minute for {vol} of IV fluid over {dur} using a giving set of {df}.",
            "What drip rate in drops per minute do I need to give {vol} over {dur} with a giving set of {df}?",
            "IV infusion: {vol} to run over {dur}, giving set {df}. How many drops per minute?",
            "With a giving set that delivers {df}, how many drops per minute will infuse {vol} in {dur}?",
        ],
        [
            (
                "vol",
                S(
                    "number",
                    [
                        ["1000 mL", "1,000 mL", "1 litre", "one litre"],
                        ["500 mL", "500 ml", "half a litre"],
                        ["250 mL", "250 ml"],
                        ["100 mL", "100 ml"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "dur",
                S(
                    "number",
                    [
                        ["8 hours", "eight hours"],
                        ["6 hours", "six hours", "360 minutes"],
                        ["4 hours", "four hours", "240 minutes"],
                        ["30 minutes", "half an hour"],
                        ["8 minutes", "eight minutes"],
                    ],
                    pairs={(0, 4): "unit"},
                    restrict={4},
                    quantity=True,
                ),
            ),
            (
                "df",
                S(
                    "number",
                    [
                        ["20 drops/mL", "20 drops per mL", "20 gtt/mL"],
                        ["15 drops/mL", "15 drops per mL"],
                        ["60 drops/mL", "60 drops per mL"],
                    ],
                    quantity=True,
                ),
            ),
        ],
    ),
    Family(
        "clinical_note_extraction",
        "healthcare",
        [
            "Extract the {target} from this clinical note {fmt}: {note}",
            "From the following note, list the patient's {target} {fmt}. Note: {note}",
            "{note} Pull out the {target} mentioned in that note, {fmt}.",
            "Read this clinical note and return the {target} {fmt}: {note}",
        ],
        [
            (
                "target",
                S(
                    "field",
                    [
                        ["medications", "medicines"],
                        ["allergies", "known allergies"],
                        ["diagnoses", "diagnosed conditions"],
                        ["follow-up plans", "follow-up arrangements"],
                    ],
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["as a bullet list", "as bullet points"],
                        ["as a JSON array"],
                        ["as a comma-separated list", "separated by commas"],
                    ],
                ),
            ),
            (
                "note",
                S(
                    "quoted_text",
                    [
                        "72-year-old man with type 2 diabetes and hypertension. Takes metformin 500 mg twice daily and ramipril 5 mg once daily. Allergic to penicillin (rash). Review in diabetes clinic in 3 months.",
                        "45-year-old woman with asthma and migraine. Uses a salbutamol inhaler as needed and sumatriptan 50 mg for attacks. No known drug allergies. GP follow-up in 2 weeks.",
                        "60-year-old woman with atrial fibrillation. On apixaban 5 mg twice daily and bisoprolol 2.5 mg daily. Allergy: codeine (vomiting). Cardiology review in 6 weeks.",
                        "30-year-old man with hypothyroidism. Takes levothyroxine 100 micrograms each morning. Allergic to latex. Repeat thyroid function test in 8 weeks.",
                        "81-year-old woman with heart failure and chronic kidney disease stage 3. On furosemide 40 mg daily and sertraline 50 mg daily. Allergic to aspirin and ibuprofen. Heart failure nurse visit next week.",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    Family(
        "bmi_interpretation",
        "healthcare",
        [
            "Work out the BMI of {pop} who weighs {weight} and is {height} tall, and tell me which weight category that is.",
            "What is the BMI and weight category for {pop} at {height} and {weight}?",
            "BMI check for {pop}: weight {weight}, height {height}. Calculate it and classify it.",
            "Please calculate the body mass index for {pop} with a weight of {weight} and a height of {height}, and interpret the result.",
        ],
        [
            (
                "pop",
                S(
                    "population",
                    [
                        ["an adult", "an adult patient"],
                        ["a 10-year-old child", "a child aged 10"],
                        ["a 15-year-old", "a teenager aged 15"],
                    ],
                ),
            ),
            (
                "weight",
                S(
                    "number",
                    [
                        ["70 kg", "70 kilograms", "seventy kilograms"],
                        ["82 kg", "82 kilograms"],
                        ["95 kg", "95 kilograms"],
                        ["58 kg", "58 kilograms"],
                        ["70 lb", "70 pounds", "seventy pounds"],
                    ],
                    pairs={(0, 4): "unit"},
                    restrict={4},
                    quantity=True,
                ),
            ),
            (
                "height",
                S(
                    "number",
                    [
                        ["1.75 m", "175 cm", "1.75 metres"],
                        ["1.62 m", "162 cm"],
                        ["1.80 m", "180 cm", "1.8 m"],
                        ["1.68 m", "168 cm"],
                    ],
                    quantity=True,
                ),
            ),
        ],
    ),
    Family(
        "appointment_sms",
        "healthcare",
        [
            "Write an SMS reminding {name} about their {appt} appointment on {date} at {time}, {len}.",
            "Draft a text message, {len}, to remind {name} of their {appt} appointment at {time} on {date}.",
            "Text reminder for {name}: {appt} appointment, {date}, {time}. Keep it {len}.",
            "Can you compose a reminder text for {name} for the {appt} appointment on {date} at {time}? It must be {len}.",
        ],
        [
            ("name", S("name", [["Mr Okafor"], ["Ms Lindqvist"], ["Mrs Patel"], ["Dr Moreau"]])),
            (
                "appt",
                S("entity", [["physiotherapy", "physio"], ["dermatology"], ["blood test"], ["eye clinic"]]),
            ),
            (
                "date",
                S(
                    "date",
                    [
                        ["14 March", "March 14", "the 14th of March"],
                        ["15 March", "March 15", "the 15th of March"],
                        ["4 April", "April 4", "the 4th of April"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "time",
                S(
                    "number",
                    [
                        ["3pm", "3 p.m.", "15:00"],
                        ["9:30am", "9:30 a.m.", "09:30"],
                        ["11am", "11 a.m.", "11:00"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "len",
                S(
                    "length",
                    [
                        ["under 160 characters", "shorter than 160 characters"],
                        ["under 100 characters", "shorter than 100 characters"],
                    ],
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- finance
    Family(
        "invoice_field_extraction",
        "finance",
        [
            "What is the {field} on this invoice? {inv} {fmt}",
            "Extract the {field} from the following invoice text. {fmt} Text: {inv}",
            "Invoice text: {inv} Which {field} does it show? {fmt}",
            "From this invoice, {inv}, pull out the {field}. {fmt}",
        ],
        [
            (
                "field",
                S(
                    "field",
                    [
                        ["invoice number", "invoice no."],
                        ["due date", "payment due date"],
                        ["total", "total amount"],
                        ["VAT amount", "amount of VAT"],
                        ["supplier name", "name of the supplier"],
                    ],
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["Return just the value.", "Reply with the value only."],
                        ["Return it as JSON with a single key.", "Answer in JSON with one key."],
                    ],
                ),
            ),
            (
                "inv",
                S(
                    "quoted_text",
                    [
                        "Invoice INV-20417 from Northgate Office Supplies Ltd. Date: 2 May 2025. Due: 1 June 2025. Subtotal £1,000.00, VAT £200.00, Total £1,200.00.",
                        "Invoice 88-3102 from Brightwater Cleaning Services. Issued 12 May 2025, payment due 26 May 2025. Net £450.00, VAT £90.00, total £540.00.",
                        "INVOICE #A7741, Kestrel IT Consulting. Invoice date 30 April 2025; due 30 May 2025. Fees £2,500.00 + VAT £500.00 = £3,000.00.",
                        "Invoice no. 5519 from Harbour Catering Co., dated 7 May 2025, due 21 May 2025. Amount £310.00 plus VAT £62.00, total payable £372.00.",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    Family(
        "meal_allowance_policy",
        "finance",
        [
            "Under the expense policy, how much can {who} claim for {meal} on {trip} {rcpt}?",
            "What is the {meal} allowance for {who} on {trip}, {rcpt}?",
            "Expense policy question: {meal}, {trip}, {who}, {rcpt}. What is the maximum claim?",
            "How much may {who} spend on {meal} during {trip} and still be reimbursed {rcpt}?",
        ],
        [
            ("who", S("role", [["an employee", "a member of staff"], ["a contractor"]])),
            ("meal", S("entity", [["breakfast"], ["lunch"], ["dinner", "an evening meal"]])),
            (
                "trip",
                S("modifier", [["a UK trip", "a trip within the UK"], ["an overseas trip", "a trip abroad"]]),
            ),
            (
                "rcpt",
                S(
                    "negation",
                    [
                        ["with a receipt", "when there is a receipt"],
                        ["without a receipt", "when there is no receipt"],
                    ],
                ),
            ),
        ],
    ),
    Family(
        "compound_interest",
        "finance",
        [
            "What will {amt} be worth after {years} at {rate} annual interest compounded {freq}?",
            "Calculate the future value of {amt} invested for {years} at an annual rate of {rate}, compounded {freq}.",
            "FV calculation: principal {amt}, rate {rate} a year, compounded {freq}, term {years}.",
            "If I put {amt} into an account paying {rate} per year compounded {freq}, how much will I have after {years}?",
        ],
        [
            (
                "amt",
                S(
                    "number",
                    [
                        ["£10,000", "£10000", "£10k"],
                        ["£25,000", "£25000", "£25k"],
                        ["£5,000", "£5000", "£5k"],
                        ["$10,000", "$10000", "$10k"],
                    ],
                    pairs={(0, 3): "currency"},
                    restrict={3},
                    quantity=True,
                ),
            ),
            (
                "rate",
                S(
                    "number",
                    [["4%", "4 percent", "4.0%"], ["4.5%", "4.5 percent", "4.50%"], ["5%", "5 percent"]],
                    quantity=True,
                ),
            ),
            (
                "years",
                S(
                    "number",
                    [
                        ["3 years", "three years", "36 months"],
                        ["5 years", "five years", "60 months"],
                        ["10 years", "ten years", "120 months"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "freq",
                S(
                    "time_frame",
                    [
                        ["monthly", "every month"],
                        ["quarterly", "every quarter"],
                        ["annually", "once a year", "yearly"],
                    ],
                ),
            ),
        ],
    ),
    Family(
        "sql_top_payments",
        "finance",
        [
            "Write a {dialect} query returning the {n} {order} {status} payments from the payments table in the last {days}.",
            "In {dialect}, how do I select the {n} {order} payments with status {status} made in the last {days} from the payments table?",
            "SQL for {dialect}: top {n} {order} {status} payments in the last {days}, table payments.",
            "I need {dialect} SQL that lists the {order} {n} payments whose status is {status}, limited to the last {days}, from the payments table.",
        ],
        [
            (
                "dialect",
                S(
                    "prog_language",
                    [["PostgreSQL", "Postgres"], ["SQL Server", "Microsoft SQL Server"], ["MySQL"]],
                ),
            ),
            ("n", S("number", [["10", "ten"], ["5", "five"], ["20", "twenty"]], quantity=True)),
            ("order", S("antonym", [["largest", "biggest"], ["smallest"]])),
            ("status", S("entity", [["failed"], ["refunded"], ["pending"]])),
            (
                "days",
                S(
                    "number",
                    [["30 days", "thirty days"], ["7 days", "seven days"], ["90 days", "ninety days"]],
                    quantity=True,
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- legal
    Family(
        "clause_plain_english",
        "legal",
        [
            "Explain this clause in plain English {out} for {aud}: {clause}",
            "Rewrite the following contract clause in plain English {out}, for {aud}. Clause: {clause}",
            "{clause} What does that mean? Put it in plain English {out} for {aud}.",
            "Give me a plain-English version of this clause {out}, aimed at {aud}: {clause}",
        ],
        [
            (
                "out",
                S(
                    "format",
                    [["in one sentence", "in a single sentence"], ["as a bullet list", "as bullet points"]],
                ),
            ),
            (
                "aud",
                S(
                    "audience",
                    [["a client with no legal background", "a non-lawyer client"], ["our sales team"]],
                ),
            ),
            (
                "clause",
                S(
                    "quoted_text",
                    [
                        "The Licensee shall not sublicense, assign or otherwise transfer any rights granted hereunder without the prior written consent of the Licensor.",
                        "Either party may terminate this Agreement forthwith by written notice if the other party commits a material breach which is not remedied within thirty (30) days of notice.",
                        "The Supplier's aggregate liability under this Agreement shall not exceed the fees paid in the twelve (12) months preceding the claim.",
                        "Each party shall keep the other party's Confidential Information secret for a period of five (5) years following termination.",
                        "This Agreement shall be governed by and construed in accordance with the laws of England and Wales.",
                        "Either party may terminate this Agreement forthwith by written notice if the other party commits a material breach which is not remedied within sixty (60) days of notice.",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    Family(
        "notice_end_date",
        "legal",
        [
            "If we give {months} notice on {date}, what is the earliest date the contract can end{extra}?",
            "Notice served on {date} with {months} notice: when does the agreement terminate{extra}?",
            "Work out the termination date when {months} notice is given on {date}{extra}.",
            "What's the end date of a contract terminated by {months} notice served on {date}{extra}?",
        ],
        [
            (
                "months",
                S(
                    "number",
                    [
                        ["3 months'", "three months'"],
                        ["1 month's", "one month's"],
                        ["6 months'", "six months'"],
                        ["3 weeks'", "three weeks'"],
                    ],
                    pairs={(0, 3): "unit"},
                    restrict={3},
                    quantity=True,
                ),
            ),
            (
                "date",
                S(
                    "date",
                    [
                        ["14 March 2026", "March 14, 2026", "2026-03-14"],
                        ["10 February 2026", "February 10, 2026", "2026-02-10"],
                        ["1 June 2026", "June 1, 2026", "2026-06-01"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "extra",
                S(
                    "constraint",
                    [[""], [", if termination can only take effect on the last day of a calendar month"]],
                ),
            ),
        ],
    ),
    Family(
        "legal_term_difference",
        "legal",
        [
            "Under {jur}, what is the difference between {t1} and {t2}?",
            "How does {t1} differ from {t2} in {jur}?",
            "Question on {jur}: {t1} vs {t2}, what's the difference?",
            "Explain the distinction between {t1} and {t2} under {jur}.",
        ],
        [
            (
                "jur",
                S(
                    "entity",
                    [
                        ["English law", "the law of England and Wales"],
                        ["Scots law", "Scottish law"],
                        ["New York law"],
                    ],
                ),
            ),
            (
                "t1",
                S(
                    "entity",
                    [
                        ["an indemnity"],
                        ["a guarantee"],
                        ["a warranty"],
                        ["a representation"],
                        ["a condition"],
                    ],
                ),
            ),
            (
                "t2",
                S(
                    "entity",
                    [
                        ["an indemnity"],
                        ["a guarantee"],
                        ["a warranty"],
                        ["a representation"],
                        ["a condition"],
                    ],
                ),
            ),
        ],
        sym=[("t1", "t2")],
        valid=_distinct("t1", "t2"),
    ),
    # ----------------------------------------------------------------------------- hr
    Family(
        "pro_rata_leave",
        "hr",
        [
            "A part-time employee works {ph} a week; full-time is {fh}. If full-time staff get {ent} of annual leave {bh}, what is the part-timer's pro-rata entitlement?",
            "Pro-rata holiday: full-time week {fh}, employee works {ph}, full-time entitlement {ent} {bh}. How many days does the employee get?",
            "How much annual leave should someone on {ph} per week get, when the full-time week is {fh} and full-timers receive {ent} {bh}?",
            "Work out pro-rata annual leave for {ph} a week against a full-time week of {fh}, with a full-time entitlement of {ent} {bh}.",
        ],
        [
            (
                "ph",
                S(
                    "number",
                    [
                        ["22.5 hours", "22½ hours", "22 hours 30 minutes"],
                        ["30 hours", "thirty hours"],
                        ["37.5 hours", "37½ hours", "37 hours 30 minutes"],
                        ["16 hours", "sixteen hours"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "fh",
                S(
                    "number",
                    [
                        ["22.5 hours", "22½ hours", "22 hours 30 minutes"],
                        ["30 hours", "thirty hours"],
                        ["37.5 hours", "37½ hours", "37 hours 30 minutes"],
                        ["16 hours", "sixteen hours"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "ent",
                S(
                    "number",
                    [
                        ["28 days", "twenty-eight days"],
                        ["25 days", "twenty-five days"],
                        ["33 days", "thirty-three days"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "bh",
                S(
                    "negation",
                    [
                        ["including bank holidays", "with bank holidays included"],
                        [
                            "excluding bank holidays",
                            "not including bank holidays",
                            "with bank holidays excluded",
                        ],
                    ],
                ),
            ),
        ],
        swaps=[("ph", "fh")],
        valid=_distinct("ph", "fh"),
    ),
    Family(
        "offer_letter",
        "hr",
        [
            "Draft an offer letter for {name} for the {contract} role of {role}, starting on {start}, with a salary of {sal} a year.",
            "Write a job offer letter: candidate {name}, position {role} ({contract}), start date {start}, annual salary {sal}.",
            "Can you prepare an offer letter offering {name} the {contract} {role} position at {sal} per year from {start}?",
            "Offer letter needed for {name}: {role}, {contract} contract, {sal} per annum, starting {start}.",
        ],
        [
            ("name", S("name", [["Priya Raman"], ["Tomasz Nowak"], ["Grace Mensah"], ["Luis Ortega"]])),
            (
                "role",
                S("entity", [["Senior Data Analyst"], ["Payroll Administrator"], ["Facilities Coordinator"]]),
            ),
            (
                "sal",
                S(
                    "number",
                    [
                        ["£42,000", "£42000", "£42k"],
                        ["£48,500", "£48500"],
                        ["£36,000", "£36000", "£36k"],
                        ["€42,000", "€42000", "€42k"],
                    ],
                    pairs={(0, 3): "currency"},
                    restrict={3},
                    quantity=True,
                ),
            ),
            (
                "start",
                S(
                    "date",
                    [
                        ["1 September", "September 1", "the 1st of September"],
                        ["15 September", "September 15", "the 15th of September"],
                        ["1 October", "October 1", "the 1st of October"],
                    ],
                    quantity=True,
                ),
            ),
            ("contract", S("modifier", [["permanent"], ["12-month fixed-term", "fixed-term (12 months)"]])),
        ],
    ),
    Family(
        "review_feedback",
        "hr",
        [
            "Turn these manager notes about {name} into {tone} performance review feedback {len}: {notes}",
            "Rewrite the following notes as {tone} performance review feedback for {name}, {len}. Notes: {notes}",
            "Performance review for {name}. Notes: {notes} Write it up as {tone} feedback {len}.",
            "Using these notes, {notes}, draft {tone} performance review feedback addressed to {name}, {len}.",
        ],
        [
            ("name", S("name", [["Sam"], ["Aisha"], ["Jordan"]])),
            ("tone", S("antonym", [["formal"], ["informal", "casual"]])),
            (
                "len",
                S(
                    "length",
                    [
                        ["in one paragraph", "as a single paragraph"],
                        ["in about 200 words", "in roughly 200 words"],
                    ],
                ),
            ),
            (
                "notes",
                S(
                    "quoted_text",
                    [
                        "misses deadlines on monthly reports, great with clients, needs to document processes",
                        "strong coder, code reviews are slow, should mentor the two new juniors",
                        "excellent attendance, struggles with prioritising, handled the audit well",
                        "proactive on safety, was rude in team meetings twice this quarter, met all targets",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- it helpdesk
    Family(
        "log_error_explain",
        "it_helpdesk",
        [
            "Our service log shows {err}. Please explain {ask:n}.",
            "Got this error in the logs: {err} {ask:q}?",
            "I need to know {ask:n}. The error is {err}",
            "Log error {err}: {ask:q}?",
        ],
        [
            (
                "ask",
                S(
                    "action",
                    [
                        {"n": ["what it means"], "q": ["what does it mean", "what does this mean"]},
                        {
                            "n": ["how to fix it", "how to resolve it"],
                            "q": ["how do I fix it", "how do I resolve it"],
                        },
                    ],
                ),
            ),
            (
                "err",
                S(
                    "code",
                    [
                        "ECONNREFUSED 10.0.4.12:5432",
                        "ECONNREFUSED 10.0.4.12:6379",
                        "ORA-01017: invalid username/password; logon denied",
                        "java.lang.OutOfMemoryError: Java heap space",
                        "SSL: CERTIFICATE_VERIFY_FAILED certificate has expired",
                        "Permission denied (publickey)",
                    ],
                    quote="code",
                ),
            ),
        ],
    ),
    Family(
        "password_check_regex",
        "it_helpdesk",
        [
            "Write a {lang} function that uses a regex to check a password has {bound} {n} characters{req}.",
            "{lang}: regex-based check that a password has {bound} {n} characters{req}.",
            "I need a regular expression inside a {lang} function to validate that passwords have {bound} {n} characters{req}.",
            "How do I check in {lang}, using a regex, that a password has {bound} {n} characters{req}?",
        ],
        [
            ("lang", S("prog_language", [["Python"], ["JavaScript"], ["PHP"]])),
            ("bound", S("antonym", [["at least", "a minimum of"], ["at most", "a maximum of"]])),
            ("n", S("number", [["8", "eight"], ["12", "twelve"], ["10", "ten"]], quantity=True)),
            (
                "req",
                S(
                    "constraint",
                    [
                        [""],
                        [" and at least one digit", " and one or more digits"],
                        [" and at least one digit and one uppercase letter"],
                    ],
                ),
            ),
        ],
    ),
    Family(
        "cron_schedule",
        "it_helpdesk",
        [
            "Write a cron expression that runs a job {days} at {time}{extra}.",
            "What crontab schedule do I need for a job at {time} {days}{extra}?",
            "Cron syntax for running a script {days} at {time}{extra}?",
            "Give me the cron schedule to run a task at {time} {days}{extra}.",
        ],
        [
            (
                "time",
                S(
                    "number",
                    [
                        ["2am", "2 a.m.", "02:00"],
                        ["3:30am", "3:30 a.m.", "03:30"],
                        ["11pm", "11 p.m.", "23:00"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "days",
                S(
                    "scope",
                    [
                        ["every day", "daily"],
                        ["every weekday", "Monday to Friday"],
                        ["every Sunday", "on Sundays"],
                    ],
                ),
            ),
            ("extra", S("constraint", [[""], [", but only in January"]])),
        ],
    ),
    Family(
        "spreadsheet_formula",
        "data_extraction",
        [
            "Write an Excel formula to {op} the values in {rng} {cond}.",
            "Which Excel formula will {op} the values in {rng} {cond}?",
            "Excel: {op} the values in {rng} only {cond}. What's the formula?",
            "I need an Excel formula that will {op} the values in {rng} {cond}.",
        ],
        [
            ("op", S("action", [["sum", "add up", "total"], ["average"], ["count"]])),
            (
                "rng",
                S(
                    "entity",
                    [["B2:B200"], ["C2:C200"], ["B2:B500"]],
                    pairs={(0, 2): "number"},
                    restrict={2},
                    protect=True,
                ),
            ),
            (
                "cond",
                S(
                    "entity",
                    [
                        ['where column A says "Paid"', 'where column A is "Paid"'],
                        ['where column A says "Overdue"', 'where column A is "Overdue"'],
                        ['where column A is not "Paid"', 'where column A isn\'t "Paid"'],
                    ],
                    pairs={(0, 2): "negation", (0, 1): "quoted_text", (1, 2): "quoted_text"},
                    protect=True,
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- customer support
    Family(
        "ticket_classification",
        "customer_support",
        [
            "Classify this support ticket as Billing, Technical, Delivery or Account{extra}. {fmt} Ticket: {ticket}",
            "Assign one of the categories Billing, Technical, Delivery or Account to the ticket below{extra}. {fmt} {ticket}",
            "Categorise the following customer ticket as Billing, Technical, Delivery or Account{extra}: {ticket} {fmt}",
            "{ticket} Put this ticket in one of Billing, Technical, Delivery or Account{extra}. {fmt}",
        ],
        [
            ("extra", S("constraint", [[""], [" and rate its urgency as low, medium or high"]])),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["Reply with the category only.", "Answer with just the category."],
                        ["Reply in JSON with the keys category and reason."],
                    ],
                    pairs={},
                ),
            ),
            (
                "ticket",
                S(
                    "quoted_text",
                    [
                        "I was charged twice for my March subscription and need one payment refunded.",
                        "The app logs me out every time I switch to the camera and back.",
                        "Your courier left my parcel in the rain and the box was soaked.",
                        "I'd like to close my account and delete all my data.",
                    ],
                    quote="prose",
                ),
            ),
        ],
        valid=lambda f: not (f["extra"] == 1 and f["fmt"] == 0),
    ),
    Family(
        "delay_apology",
        "customer_support",
        [
            "Write {chan} to {name} apologising that order {order} will be delayed by {delay}.",
            "Draft {chan} apologising to {name} because order {order} is running {delay} late.",
            "Customer {name}, order {order}, delayed by {delay}. Write {chan} with an apology.",
            "Please compose {chan} saying sorry to {name} that their order {order} will arrive {delay} late.",
        ],
        [
            ("name", S("name", [["Ms Alvarez"], ["Mr Chen"], ["Mrs O'Brien"]])),
            ("order", S("number", [["#48213"], ["#48231"], ["#51007"]], protect=True)),
            (
                "delay",
                S(
                    "number",
                    [
                        ["7 days", "seven days", "a week", "one week"],
                        ["3 days", "three days"],
                        ["14 days", "fourteen days", "two weeks"],
                    ],
                    quantity=True,
                ),
            ),
            ("chan", S("format", [["an email", "an email reply"], ["a live-chat reply", "a chat message"]])),
        ],
    ),
    Family(
        "faq_shorten",
        "customer_support",
        [
            "Shorten this FAQ answer to {len}: {faq}",
            "Condense the following help-centre answer into {len}. {faq}",
            "{faq} Can you cut that FAQ answer down to {len}?",
            "Make this FAQ answer fit in {len}: {faq}",
        ],
        [
            (
                "len",
                S(
                    "length",
                    [
                        ["one sentence", "a single sentence"],
                        ["two sentences"],
                        ["under 25 words", "fewer than 25 words"],
                    ],
                    pairs={(0, 1): "number", (0, 2): "length", (1, 2): "length"},
                ),
            ),
            (
                "faq",
                S(
                    "quoted_text",
                    [
                        "You can return most items within 30 days of delivery for a full refund, as long as they are unused and in their original packaging. Sale items can be exchanged but not refunded. To start a return, log in and choose Returns from your order history.",
                        "Our support line is open Monday to Friday, 8am to 6pm, and Saturday 9am to 1pm. Outside these hours you can use the chat assistant or email us, and we aim to reply within one working day.",
                        "Standard delivery takes 3 to 5 working days and is free on orders over £40. Next-day delivery costs £6.99 if you order before 8pm. We do not deliver to PO boxes.",
                        "To reset your password, click Forgot password on the sign-in page and enter your email address. The reset link expires after 30 minutes. If you don't receive it, check your spam folder.",
                        "Standard delivery takes 3 to 5 working days and is free on orders over £50. Next-day delivery costs £6.99 if you order before 8pm. We do not deliver to PO boxes.",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- data extraction
    Family(
        "json_value_lookup",
        "data_extraction",
        [
            "What is the value of {path} in this JSON? {json}",
            "Given the JSON below, tell me {path}. {json}",
            "{json} What's {path} here?",
            "Look up {path} in the following JSON object: {json}",
        ],
        [
            (
                "path",
                S(
                    "field",
                    [
                        ["user.id", "the user's id"],
                        ["user.email", "the user's email"],
                        ["user.roles", "the user's roles"],
                    ],
                ),
            ),
            (
                "json",
                S(
                    "code",
                    [
                        '{"user": {"id": 4821, "email": "k.ito@example.com", "roles": ["admin", "billing"]}, "active": true}',
                        '{"user": {"id": 4812, "email": "k.itoh@example.com", "roles": ["billing"]}, "active": true}',
                        '{"user": {"id": 977, "email": "m.diaz@example.org", "roles": []}, "active": false}',
                        '{"user": {"id": 20417, "email": "j.berg@example.com", "roles": ["editor", "viewer"]}, "active": true}',
                    ],
                    quote="code",
                ),
            ),
        ],
    ),
    Family(
        "address_parsing",
        "data_extraction",
        [
            "Split this address into {fields} {fmt}: {addr}",
            "Parse the following address into {fields}, returned {fmt}. Address: {addr}",
            "{addr} Break that address into {fields}, {fmt}.",
            "Can you separate this address into {fields}? {addr} Output it {fmt}.",
        ],
        [
            (
                "fields",
                S("constraint", [["street, town and postcode"], ["street, town, postcode and country"]]),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["as JSON", "in JSON format"],
                        ["as a table", "in a table"],
                        ["as CSV", "in CSV format"],
                    ],
                ),
            ),
            (
                "addr",
                S(
                    "quoted_text",
                    [
                        "Flat 3, 27 Wellington Road, Leeds LS6 2QT",
                        "Flat 3, 27 Wellington Road, Leeds LS6 2QU",
                        "Unit 14B, Riverside Business Park, Bristol BS2 0JP",
                        "221 Kingsway, Manchester M19 2LL",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- summarisation
    Family(
        "passage_summary",
        "summarisation",
        [
            "Summarise the following passage in {n} for {aud}: {passage}",
            "Here is a passage: {passage} Please summarise it for {aud} in {n}.",
            "Write a summary of this text for {aud}, in {n}. Text: {passage}",
            "{passage} Summarise that in {n}, aimed at {aud}.",
        ],
        [
            (
                "n",
                S(
                    "number",
                    [
                        ["3 bullet points", "three bullet points"],
                        ["5 bullet points", "five bullet points"],
                        ["one short paragraph", "a single short paragraph"],
                    ],
                    pairs={(0, 1): "number", (0, 2): "format", (1, 2): "format"},
                    quantity=True,
                ),
            ),
            (
                "aud",
                S(
                    "audience",
                    [
                        ["senior managers"],
                        ["frontline staff"],
                        ["the general public", "members of the public"],
                    ],
                ),
            ),
            (
                "passage",
                S(
                    "quoted_text",
                    [
                        "The council will close the Elm Street car park from 3 June for resurfacing. Work is expected to take six weeks. During the closure, staff can park at the leisure centre and take the free shuttle bus, which runs every 15 minutes from 7am.",
                        "Quarterly sales rose 8% to £4.2 million, driven by strong demand for the new subscription tier. Costs grew faster than expected because of higher shipping rates, so operating margin fell from 12% to 10%. The board has approved a hiring freeze until September.",
                        "From next month, all laptops must install the latest security update within 7 days of release. Devices that fall behind will lose VPN access automatically. Staff who travel should connect at least once a week so updates can install.",
                        "The pilot of the new triage phone line handled 3,400 calls in its first month. Average waiting time dropped from 11 minutes to 4, and 82% of callers rated the service as good or excellent. The team recommends extending it to weekends.",
                        "The pilot of the new triage phone line handled 3,400 calls in its first month. Average waiting time dropped from 11 minutes to 6, and 82% of callers rated the service as good or excellent. The team recommends extending it to weekends.",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    Family(
        "meeting_action_items",
        "summarisation",
        [
            "List the action items{scope} from these meeting notes {fmt}: {notes}",
            "From the notes below, pull out the action items{scope} and present them {fmt}. Notes: {notes}",
            "{notes} What are the action items{scope}? Give them {fmt}.",
            "Extract the action items{scope}, {fmt}, from the following minutes: {notes}",
        ],
        [
            (
                "scope",
                S(
                    "constraint",
                    [
                        [""],
                        [" owned by Ravi", " assigned to Ravi"],
                        [" owned by Helen", " assigned to Helen"],
                    ],
                    pairs={(0, 1): "constraint", (0, 2): "constraint", (1, 2): "name"},
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["as a table with owner and task columns", "as a two-column table of owner and task"],
                        ["as a bulleted list", "as bullet points"],
                    ],
                ),
            ),
            (
                "notes",
                S(
                    "quoted_text",
                    [
                        "Ravi to send the revised budget by Friday. Helen will book the venue for the offsite. Everyone to review the draft policy before the next meeting. Tom to chase the supplier about the late delivery.",
                        "Decision: launch moves to 12 May. Amara to update the project plan. Ravi to brief the sales team on the new date. Helen to confirm the printer order by Wednesday.",
                        "Tom will set up the new starter's laptop. Amara to draft the customer survey by the 20th. Ravi to interview the shortlisted candidates next week. Helen to renew the parking permits.",
                    ],
                    quote="prose",
                ),
            ),
        ],
    ),
    # ----------------------------------------------------------------------------- translation
    Family(
        "ui_string_translation",
        "translation",
        [
            "Translate the UI text {s} into {lang}.",
            "How would you say {s} in {lang} for our app's user interface?",
            "{lang} translation of this app UI string, please: {s}",
            "Localise the interface text {s} into {lang}.",
        ],
        [
            (
                "s",
                S(
                    "quoted_text",
                    [
                        "Save changes",
                        "Discard changes",
                        "File deleted",
                        "Files deleted",
                        "Your session has expired",
                        "Your sessions have expired",
                    ],
                    pairs={
                        (0, 1): "antonym",
                        (2, 3): "plurality",
                        (4, 5): "plurality",
                        (0, 2): "quoted_text",
                        (0, 4): "quoted_text",
                        (1, 3): "quoted_text",
                        (2, 4): "quoted_text",
                        (3, 5): "quoted_text",
                        (1, 5): "quoted_text",
                    },
                    quote="prose",
                ),
            ),
            ("lang", S("language", [["German"], ["French"], ["Spanish"], ["Japanese"]])),
        ],
    ),
    Family(
        "customer_message_translation",
        "translation",
        [
            "Translate this {msg:lang} customer message into {target}{extra}: {msg:text}",
            "A customer wrote in {msg:lang}: {msg:text} Please translate it into {target}{extra}.",
            "Can you put this {msg:lang} message from a customer into {target}{extra}? {msg:text}",
            "Customer message ({msg:lang}): {msg:text} Translate it into {target}{extra}.",
        ],
        [
            (
                "msg",
                S(
                    "quoted_text",
                    [
                        {
                            "lang": "German",
                            "text": "Meine Bestellung ist beschädigt angekommen. Ich möchte eine Rückerstattung.",
                        },
                        {
                            "lang": "German",
                            "text": "Meine Bestellung ist noch nicht angekommen. Ich möchte eine Rückerstattung.",
                        },
                        {
                            "lang": "French",
                            "text": "Je n'arrive pas à me connecter à mon compte depuis hier.",
                        },
                        {
                            "lang": "French",
                            "text": "Je n'arrive pas à me connecter à mon compte depuis lundi.",
                        },
                        {"lang": "Spanish", "text": "¿Puedo cambiar la dirección de entrega de mi pedido?"},
                        {
                            "lang": "Italian",
                            "text": "Vorrei annullare il mio abbonamento alla fine del mese.",
                        },
                    ],
                    quote="prose",
                ),
            ),
            ("target", S("language", [["English"], ["Polish"], ["Dutch"]])),
            ("extra", S("constraint", [[""], [" and suggest a one-line reply in the customer's language"]])),
        ],
    ),
    # ----------------------------------------------------------------------------- sql / code
    Family(
        "sql_customer_orders",
        "sql",
        [
            "Write a SQL query that lists the {cols} of {who} {window}, {sort}. {schema}",
            "{schema} Give me SQL for the {cols} of {who} {window}, {sort}.",
            "SQL please: {cols} of {who} {window}, {sort}. {schema}",
            "I need a query returning the {cols} of {who} {window}, {sort}. {schema}",
        ],
        [
            ("cols", S("field", [["names and emails", "name and email"], ["IDs", "customer IDs"]])),
            (
                "who",
                S(
                    "negation",
                    [
                        ["customers who have placed at least one order", "customers with at least one order"],
                        ["customers who have not placed any order", "customers with no orders"],
                    ],
                ),
            ),
            (
                "window",
                S(
                    "number",
                    [
                        ["in the last 30 days", "in the past 30 days"],
                        ["in the last 90 days", "in the past 90 days"],
                    ],
                ),
            ),
            (
                "sort",
                S(
                    "antonym",
                    [
                        ["sorted by sign-up date, newest first", "ordered by sign-up date descending"],
                        ["sorted by sign-up date, oldest first", "ordered by sign-up date ascending"],
                    ],
                ),
            ),
            (
                "schema",
                S(
                    None,
                    [
                        [
                            "Tables: customers(id, name, email, created_at), orders(id, customer_id, created_at)."
                        ]
                    ],
                    protect=True,
                ),
            ),
        ],
    ),
    Family(
        "python_snippet_explain",
        "code_help",
        [
            "Explain what this Python code does, {len}, for {aud}: {code}",
            "What does {code} do in Python? Explain it {len} for {aud}.",
            "For {aud}, describe {len} what the following Python expression does: {code}",
            "Python question: what does {code} do? Answer {len}, for {aud}.",
        ],
        [
            ("len", S("length", [["in one sentence", "in a single sentence"], ["in detail", "in depth"]])),
            ("aud", S("audience", [["a beginner", "someone new to Python"], ["an experienced developer"]])),
            (
                "code",
                S(
                    "code",
                    [
                        "sorted(items, key=len)",
                        "sorted(items, key=len, reverse=True)",
                        "[x for x in items if x]",
                        "[x for x in items if not x]",
                        "dict(zip(keys, values))",
                        "items[::-1]",
                        "items[1:-1]",
                    ],
                    quote="code",
                ),
            ),
        ],
    ),
    Family(
        "sql_absence_filter",
        "sql",
        [
            "Write a SQL query listing employees in {dept} with {cmp} {n} days of sick leave {period}. {schema}",
            "{schema} Which employees in {dept} took {cmp} {n} days of sick leave {period}? Give me the SQL.",
            "SQL: employees from {dept} whose sick leave {period} adds up to {cmp} {n} days. {schema}",
            "I need a query that finds {dept} employees with {cmp} {n} days of sickness absence {period}. {schema}",
        ],
        [
            ("dept", S("entity", [["Finance"], ["Sales"], ["Customer Services"]])),
            (
                "cmp",
                S(
                    "comparative",
                    [["more than", "over"], ["fewer than", "less than"], ["at least", "no fewer than"]],
                ),
            ),
            ("n", S("number", [["5", "five"], ["10", "ten"], ["3", "three"]], quantity=True)),
            (
                "period",
                S(
                    "time_frame",
                    [
                        ["this calendar year", "in the current calendar year"],
                        ["in the last 12 months", "in the past twelve months"],
                        ["last calendar year", "in the previous calendar year"],
                    ],
                    pairs={(0, 1): "time_frame", (1, 2): "time_frame", (0, 2): "date"},
                ),
            ),
            (
                "schema",
                S(None, [["Table: absences(employee_id, department, start_date, days)."]], protect=True),
            ),
        ],
        weights={"comparative": 3},
    ),
    Family(
        "percentage_change",
        "finance",
        [
            "Revenue went from {x} to {y}. What is the percentage change?",
            "Calculate the percentage change in revenue from {x} to {y}.",
            "What's the % change if revenue moves from {x} to {y}?",
            "By what percentage did revenue change going from {x} to {y}?",
        ],
        [
            (
                "x",
                S(
                    "number",
                    [
                        ["£80,000", "£80000", "£80k"],
                        ["£100,000", "£100000", "£100k"],
                        ["£125,000", "£125000", "£125k"],
                        ["£64,000", "£64000", "£64k"],
                    ],
                    quantity=True,
                ),
            ),
            (
                "y",
                S(
                    "number",
                    [
                        ["£80,000", "£80000", "£80k"],
                        ["£100,000", "£100000", "£100k"],
                        ["£125,000", "£125000", "£125k"],
                        ["£64,000", "£64000", "£64k"],
                    ],
                    quantity=True,
                ),
            ),
        ],
        swaps=[("x", "y")],
        valid=_distinct("x", "y"),
    ),
    # ----------------------------------------------------------------------------- policy q&a
    Family(
        "data_classification_policy",
        "policy_qa",
        [
            "Under our data classification policy, can I {act} if a document is labelled {label}?",
            "A file is marked {label}. Am I allowed to {act}?",
            "Policy check: a document is classified {label}. May I {act}?",
            "Is it OK under the data classification policy to {act} when the document is labelled {label}?",
        ],
        [
            ("label", S("entity", [["Confidential"], ["Internal"], ["Restricted"]])),
            (
                "act",
                S(
                    "action",
                    [
                        ["email it to an external supplier", "send it by email to an external supplier"],
                        ["email it to a colleague", "send it by email to a colleague"],
                        ["print it at home"],
                        ["print it in the office"],
                        ["upload it to a personal cloud drive", "upload it to personal cloud storage"],
                    ],
                    pairs={
                        (0, 1): "audience",
                        (2, 3): "entity",
                        (0, 2): "action",
                        (0, 4): "action",
                        (1, 3): "action",
                        (2, 4): "action",
                        (1, 4): "action",
                    },
                ),
            ),
        ],
    ),
]

for _i, _f in enumerate(FAMILIES):
    _f.index = _i

# ---------------------------------------------------------------------------------------------
# generation


def norm(text):
    t = re.sub(r"\s+", " ", text.lower()).strip()
    return t.rstrip("?.! ")


class UF:
    def __init__(self):
        self.p = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        self.p[self.find(a)] = self.find(b)


def random_facts(fam, rng):
    while True:
        f = {s: rng.randrange(len(slot.values)) for s, slot in fam.slots.items()}
        if fam.valid(f):
            return f


def noise(segs, ops, seed):
    rng = random.Random(seed)
    for op in ops:
        segs = NOISE[op](segs, rng)
        if segs is None:
            return None
    return segs


def form_options(fam, t, facts, forms, kind):
    """(slot, key) pairs of template t whose current value has another surface form."""
    out = []
    for s, key in slots_in(fam, t):
        slot = fam.slots[s]
        if slot.form_kind() == kind and len(slot.values[facts[s]][key]) > 1:
            out.append((s, key))
    return sorted(set(out))


def positive_kinds(fam):
    kinds = ["reword", "reword_noisy"]
    fk = set()
    for slot in fam.slots.values():
        for v in slot.values:
            if any(len(fl) > 1 for fl in v.values()):
                fk.add(slot.form_kind())
    kinds += sorted(fk)
    lits = " ".join(fam.templates)
    for k in NOISE:
        if k == "contraction" and not any(
            re.search(rf"(?<![\w']){re.escape(a)}(?![\w'])", lits) for pair in CONTRACT for a in pair
        ):
            continue
        if k == "abbreviation" and not any(
            re.search(rf"(?<![\w'&/]){re.escape(a)}(?![\w'/])", lits) for a, _b in ABBREV
        ):
            continue
        if k == "drop_articles" and not re.search(r"(?<![\w'])(the|a|an|The|A|An) ", lits):
            continue
        kinds.append(k)
    if fam.sym:
        kinds += ["symmetric_swap"] * 4  # the only symmetric relation in the set: give it a larger share
    return kinds


def negative_kinds(fam):
    kinds = set()
    for slot in fam.slots.values():
        n = len(slot.values)
        for i in range(n):
            for j in range(n):
                k = slot.change_kind(i, j)
                if k:
                    kinds.add(k)
    if fam.swaps:
        kinds.add("swap")
    return [k for k in sorted(kinds) for _n in range(fam.weights.get(k, 1))]


def make_positive(fam, kind, rng):
    facts = random_facts(fam, rng)
    nt = len(fam.templates)
    t = rng.randrange(nt)
    fa = draw_forms(fam, rng)
    a = render(fam, t, facts, fa)
    facts_b = facts
    if kind in ("reword", "reword_noisy"):
        t2 = (t + 1 + rng.randrange(nt - 1)) % nt
        b = render(fam, t2, facts, draw_forms(fam, rng))
        if kind == "reword_noisy":
            ops = rng.sample([k for k in NOISE], rng.choice([1, 2]))
            if rng.random() < 0.5:
                a, b = b, a
            b = noise(b, ops, rng.randrange(10**9))
    elif kind in ("synonym", "equivalent_quantity", "quote_marks"):
        opts = form_options(fam, t, facts, fa, kind)
        if not opts:
            return None
        s, key = rng.choice(opts)
        n = len(fam.slots[s].values[facts[s]][key])
        fb = dict(fa)
        fb[(s, key)] = fa[(s, key)] + 1 + rng.randrange(n - 1)
        b = render(fam, t, facts, fb)
    elif kind == "symmetric_swap":
        x, y = fam.sym[0]
        if facts[x] == facts[y]:
            return None
        facts_b = dict(facts)
        facts_b[x], facts_b[y] = facts[y], facts[x]
        b = render(fam, t, facts_b, fa)
    else:
        b = noise(a, [kind], rng.randrange(10**9))
    if b is None:
        return None
    return join(a), join(b), facts, facts_b


def make_negative(fam, kind, minimal, rng):
    facts = random_facts(fam, rng)
    opts = []
    for s, slot in fam.slots.items():
        for j in range(len(slot.values)):
            if slot.change_kind(facts[s], j) == kind:
                opts.append((s, j))
    if kind == "swap":
        for x, y in fam.swaps:
            if facts[x] != facts[y]:
                opts.append(((x, y), None))
    if not opts:
        return None
    s, j = rng.choice(opts)
    facts_b = dict(facts)
    if j is None:
        x, y = s
        facts_b[x], facts_b[y] = facts[y], facts[x]
    else:
        facts_b[s] = j
    if not fam.valid(facts_b):
        return None
    nt = len(fam.templates)
    t = rng.randrange(nt)
    fa = draw_forms(fam, rng)
    a = render(fam, t, facts, fa)
    if minimal:
        b = render(fam, t, facts_b, fa)
        if rng.random() < 0.5:
            op, seed = rng.choice(list(NOISE)), rng.randrange(10**9)
            na, nb = noise(a, [op], seed), noise(b, [op], seed)
            if na is not None and nb is not None:
                a, b = na, nb
    else:
        t2 = (t + 1 + rng.randrange(nt - 1)) % nt
        b = render(fam, t2, facts_b, draw_forms(fam, rng))
        if rng.random() < 0.5:
            nb = noise(b, [rng.choice(list(NOISE))], rng.randrange(10**9))
            if nb is not None:
                b = nb
    return join(a), join(b), facts, facts_b


def facts_relation(fam, fa, fb):
    diff = [s for s in fam.slots if fa[s] != fb[s]]
    return diff


def gen_family(fam, seed, per_family):
    rng = random.Random(f"{seed}:{fam.name}")
    n_pos = round(per_family * POS_SHARE)
    n_neg = per_family - n_pos
    rows = []
    seen = {}
    uf = UF()

    def add(a, b, kind, same):
        if a == b:
            return False
        key = tuple(sorted((a, b)))
        if key in seen:
            return False
        if not same and (norm(a) == norm(b) or uf.find(a) == uf.find(b)):
            return False
        seen[key] = same
        if same:
            uf.union(a, b)
        if rng.random() < 0.5:
            a, b = b, a
        rows.append(
            {"family": fam.name, "family_index": fam.index, "kind": kind, "a": a, "b": b, "same": same}
        )
        return True

    # positives: kinds in turn; `case` positives only as kind `case`
    kinds = positive_kinds(fam)
    fails = Counter()
    i = made = 0
    while made < n_pos:
        live = [k for k in kinds if fails[k] < 200]
        kind = live[i % len(live)]
        r = make_positive(fam, kind, rng)
        ok = False
        if r is not None:
            a, b, f1, f2 = r
            if kind != "case" and a.lower() == b.lower():
                r = None
            elif kind == "symmetric_swap":
                assert facts_relation(fam, f1, f2) == sorted(fam.sym[0], key=list(fam.slots).index)
            else:
                assert f1 == f2
        if r is not None:
            ok = add(a, b, kind, True)
        if ok:
            made += 1
            i += 1
        else:
            fails[kind] += 1
    # negatives: kinds in turn, every other one a minimal pair
    kinds = negative_kinds(fam)
    fails = Counter()
    i = made = 0
    while made < n_neg:
        live = [k for k in kinds if fails[k] < 400]
        kind = live[i % len(live)]
        r = make_negative(fam, kind, made % 2 == 0, rng)
        ok = False
        if r is not None:
            a, b, f1, f2 = r
            d = facts_relation(fam, f1, f2)
            assert len(d) == 1 or (kind == "swap" and len(d) == 2), (fam.name, kind, d)
            ok = add(a, b, kind, False)
        if ok:
            made += 1
            i += 1
        else:
            fails[kind] += 1
    rng.shuffle(rows)
    return rows


def generate(seed, per_family):
    rows = []
    for fam in FAMILIES:
        rows += gen_family(fam, seed, per_family)
    return rows


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# self-check

KEYS = ["family", "family_index", "kind", "a", "b", "same"]


def self_check(rows):
    errors = []
    seen = {}
    uf = UF()
    fam_names = [f.name for f in FAMILIES]
    last_index = -1
    for n, r in enumerate(rows):
        if list(r) != KEYS:
            errors.append("line %d: keys %s" % (n + 1, list(r)))
            continue
        if not (
            isinstance(r["family"], str)
            and isinstance(r["family_index"], int)
            and isinstance(r["kind"], str)
            and isinstance(r["a"], str)
            and isinstance(r["b"], str)
            and isinstance(r["same"], bool)
        ):
            errors.append("line %d: types" % (n + 1))
        if fam_names[r["family_index"]] != r["family"]:
            errors.append("line %d: family_index" % (n + 1))
        if r["family_index"] < last_index:
            errors.append("line %d: families not grouped" % (n + 1))
        last_index = r["family_index"]
        if not r["a"].strip() or not r["b"].strip() or r["a"] == r["b"]:
            errors.append("line %d: empty or equal sides" % (n + 1))
        key = tuple(sorted((r["a"], r["b"])))
        if key in seen:
            errors.append("line %d: duplicate pair (labelled %s and %s)" % (n + 1, seen[key], r["same"]))
        seen[key] = r["same"]
        if r["same"]:
            uf.union(r["a"], r["b"])
        elif norm(r["a"]) == norm(r["b"]):
            errors.append("line %d: negative equal after normalising" % (n + 1))
    for r in rows:
        if not r["same"] and uf.find(r["a"]) == uf.find(r["b"]):
            errors.append("negative joins two texts that positives make equal: {!r}".format(r["a"][:60]))
    return errors


def summary(rows, out=sys.stdout):
    pos = sum(r["same"] for r in rows)
    print(
        "pairs %d, positives %d (%.1f %%), negatives %d, families %d"
        % (len(rows), pos, 100.0 * pos / len(rows), len(rows) - pos, len({r["family"] for r in rows})),
        file=out,
    )
    for label, name in ((True, "same"), (False, "different")):
        c = Counter(r["kind"] for r in rows if r["same"] == label)
        fams = {}
        for r in rows:
            if r["same"] == label:
                fams.setdefault(r["kind"], set()).add(r["family"])
        print(f"{name} kinds:", file=out)
        for k in sorted(c):
            print("  %-20s %5d  (%d families)" % (k, c[k], len(fams[k])), file=out)
    print("per family:", file=out)
    for fam in FAMILIES:
        fr = [r for r in rows if r["family"] == fam.name]
        if not fr:
            continue
        c = Counter(r["kind"] for r in fr if not r["same"])
        print(
            "  %2d %-30s %-17s same %3d diff %3d  %s"
            % (
                fam.index,
                fam.name,
                fam.domain,
                sum(r["same"] for r in fr),
                sum(not r["same"] for r in fr),
                ", ".join("%s %d" % kv for kv in sorted(c.items())),
            ),
            file=out,
        )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument(
        "--check",
        action="store_true",
        help="regenerate in memory; exit 1 unless --out is byte-identical and valid",
    )
    ap.add_argument("--summary", action="store_true", help="print counts per kind and family")
    args = ap.parse_args(argv)
    rows = generate(args.seed, args.per_family)
    data = dump(rows)
    errors = self_check(rows)
    if args.check:
        try:
            with open(args.out, "rb") as fh:
                on_disk = fh.read()
        except OSError as e:
            print(f"cannot read {args.out}: {e}")
            return 1
        disk_rows = [json.loads(line) for line in on_disk.decode("utf-8").splitlines()]
        errors += ["on disk: " + e for e in self_check(disk_rows)]
        same = on_disk == data
        print(
            "byte-identical: %s (md5 %s, %d lines)" % (same, hashlib.md5(on_disk).hexdigest(), len(disk_rows))
        )
        summary(disk_rows)
        for e in errors[:20]:
            print("ERROR", e)
        print("self-check: %s" % ("OK" if not errors else "%d errors" % len(errors)))
        return 0 if same and not errors else 1
    if errors:
        for e in errors[:20]:
            print("ERROR", e)
        return 1
    with open(args.out, "wb") as fh:
        fh.write(data)
    print("wrote %s: %d lines, md5 %s" % (args.out, len(rows), hashlib.md5(data).hexdigest()))
    if args.summary:
        summary(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
