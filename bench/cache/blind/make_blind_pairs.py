"""Write the blind semantic-cache evaluation set, ``bench/cache/blind/pairs.jsonl``.

Written without reading the cache guard (``semcache/``), the existing pair generator or its pairs, so
that the set measures the guard on questions it was not tuned to. Each family is a request people
send to an organisation's internal assistant: templates (rewordings of one request, each naming every
slot) and slots (the facts of the request, each tagged with the kind of hard negative that changing
it makes). A slot value is a tuple of surface forms that mean the same ("mg"/"milligrams"), or a
dict of such tuples by grammatical form ("cancel"/"cancelled").

- Positive (``same: true``, kind ``paraphrase``): one set of facts, two templates or surface forms,
  plus typing noise on either side (filler, politeness, abbreviations, typos, casing, punctuation).
- Hard negative: the same sentence (half the time) or a rewording (the other half) with one fact
  changed, tagged by kind; ``swap`` exchanges two slots.

Usage: python bench/cache/blind/make_blind_pairs.py [--seed 16] [--per-family 156] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("pairs.jsonl")
POSITIVE_SHARE = 0.45
NEGATIVE_KINDS = (
    "number",
    "unit",
    "date",
    "entity",
    "swap",
    "negation",
    "antonym",
    "scope",
    "action",
    "lowercase_noun",
    "format",
)
SLOT_RE = re.compile(r"\{(\w+)(?::(\w+))?\}")

FILLERS = (
    "hi, quick question: ",
    "Hey - ",
    "Hello! ",
    "quick one: ",
    "Sorry to bother you, ",
    "Hi team, ",
    "Morning! ",
    "hey, ",
    "Question for you: ",
    "Hi there. ",
)
SUFFIXES = (" thanks", " Thanks in advance!", " thx", " cheers", " ty!", " Thank you.", " asap please")
ABBREVIATIONS = {
    "please": "pls",
    "you": "u",
    "thanks": "thx",
    "appointment": "appt",
    "information": "info",
    "because": "bc",
    "tomorrow": "tmrw",
    "message": "msg",
    "people": "ppl",
    "and": "&",
    "with": "w/",
    "about": "abt",
    "account": "acct",
    "number": "no.",
}


@dataclass
class Family:
    """One family of requests: templates, slots, and the kinds its negatives may take."""

    name: str
    domain: str
    templates: list[str]
    slots: dict[str, tuple[str, list[object]]]
    swap: tuple[str, str] | None = None
    kinds: list[str] = field(default_factory=list)


def _forms(value: object, form: str) -> tuple[str, ...]:
    """Surface forms of one slot value in one grammatical form."""
    if isinstance(value, dict):
        return tuple(value[form or "base"])
    if isinstance(value, str):
        return (value,)
    assert isinstance(value, tuple)
    return value


def _render(
    template: str, facts: dict[str, object], rng: random.Random, pinned: dict[str, str] | None = None
) -> list[tuple[str, bool]]:
    """Segments (text, is_slot) of a template with one surface form drawn per slot."""
    segments: list[tuple[str, bool]] = []
    pos = 0
    for match in SLOT_RE.finditer(template):
        if match.start() > pos:
            segments.append((template[pos : match.start()], False))
        name, form = match.group(1), match.group(2) or ""
        key = f"{name}:{form}"
        if pinned is not None and key in pinned:
            text = pinned[key]
        else:
            text = rng.choice(_forms(facts[name], form))
            if pinned is not None:
                pinned[key] = text
        segments.append((text, True))
        pos = match.end()
    if pos < len(template):
        segments.append((template[pos:], False))
    return segments


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    op = rng.randrange(3)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1 :]


def _noise(segments: list[tuple[str, bool]], ops: list[str], seed: int) -> str:
    """Apply typing noise to the template's own words; slot values are never altered.

    The same ops and seed on two renderings of one template give the same noise, so a minimal
    negative differs from its partner only in the changed fact.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    for text, is_slot in segments:
        if not is_slot and "abbrev" in ops:
            text = re.sub(
                r"\b(" + "|".join(ABBREVIATIONS) + r")\b",
                lambda m: ABBREVIATIONS[m.group(1).lower()] if rng.random() < 0.7 else m.group(1),
                text,
                flags=re.IGNORECASE,
            )
        if not is_slot and "typo" in ops:
            words = re.findall(r"[A-Za-z]{5,}", text)
            if words and rng.random() < 0.8:
                target = rng.choice(words)
                text = text.replace(target, _typo(target, rng), 1)
        parts.append(text)
    out = "".join(parts).strip()
    out = out[:1].upper() + out[1:]
    if "nopunct" in ops:
        out = out.rstrip("?.!")
    if "suffix" in ops:
        out = out + SUFFIXES[rng.randrange(len(SUFFIXES))]
    if "filler" in ops:
        out = FILLERS[rng.randrange(len(FILLERS))] + out[:1].lower() + out[1:]
    if "lower" in ops:
        out = out.lower()
    if "spaces" in ops:
        out = out.replace(", ", " , ", 1).replace(" ", "  ", 1)
    return out


def _pick_ops(rng: random.Random, p_any: float) -> list[str]:
    if rng.random() >= p_any:
        return []
    pool = ["filler", "suffix", "abbrev", "typo", "lower", "nopunct", "spaces"]
    return rng.sample(pool, rng.choice((1, 1, 2, 2, 3)))


def _draw_facts(fam: Family, rng: random.Random) -> dict[str, object]:
    facts: dict[str, object] = {name: rng.choice(values) for name, (_kind, values) in fam.slots.items()}
    if fam.swap:
        first, second = fam.swap
        while facts[first] == facts[second]:
            facts[second] = rng.choice(fam.slots[second][1])
    return facts


def _changed(fam: Family, facts: dict[str, object], kind: str, rng: random.Random) -> dict[str, object]:
    """Facts with one fact of ``kind`` changed (or the swap pair exchanged)."""
    new = dict(facts)
    if kind == "swap":
        assert fam.swap
        first, second = fam.swap
        new[first], new[second] = facts[second], facts[first]
        return new
    name = rng.choice([n for n, (k, _v) in fam.slots.items() if k == kind])
    others = [v for v in fam.slots[name][1] if v != facts[name]]
    if fam.swap and name in fam.swap:
        partner = fam.swap[1] if name == fam.swap[0] else fam.swap[0]
        others = [v for v in others if v != facts[partner]]
    new[name] = rng.choice(others)
    return new


def _kinds(fam: Family) -> list[str]:
    kinds = {kind for kind, _values in fam.slots.values()}
    if fam.swap:
        kinds.add("swap")
    return [k for k in NEGATIVE_KINDS if k in kinds]


def _allocate(counts: dict[str, float], total: int) -> dict[str, int]:
    """Split ``total`` in proportion to ``counts`` by largest remainder."""
    whole = sum(counts.values())
    exact = {k: total * v / whole for k, v in counts.items()}
    out = {k: int(x) for k, x in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - out[k], reverse=True)[: total - sum(out.values())]:
        out[k] += 1
    return out


def _check(fam: Family) -> None:
    names = set(fam.slots)
    for template in fam.templates:
        used = {m.group(1) for m in SLOT_RE.finditer(template)}
        if used != names:
            raise ValueError(f"{fam.name}: template {template!r} names {sorted(used)}, not {sorted(names)}")


def generate(seed: int, per_family: int) -> list[dict[str, object]]:
    """All pairs, family by family, each family's pairs consecutive."""
    families = [Family(**spec) for spec in FAMILIES]
    for fam in families:
        _check(fam)
        fam.kinds = _kinds(fam)
    # Rare kinds (few families can express a swap) get more of each family's negatives, so the
    # kinds come out roughly even over the whole set.
    spread = Counter(k for fam in families for k in fam.kinds)
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for index, fam in enumerate(families):
        n_pos = round(per_family * POSITIVE_SHARE)
        plan = {"paraphrase": n_pos, **_allocate({k: 1 / spread[k] for k in fam.kinds}, per_family - n_pos)}
        seen: set[tuple[str, str]] = set()
        for kind, count in plan.items():
            made = attempts = 0
            while made < count:
                attempts += 1
                if attempts > count * 200:
                    raise RuntimeError(f"{fam.name}: cannot make {count} distinct {kind} pairs")
                pair = _pair(fam, kind, rng)
                key = (min(pair), max(pair))
                if key in seen or pair[0].lower() == pair[1].lower():
                    continue
                seen.add(key)
                rows.append(
                    {
                        "family": fam.name,
                        "family_index": index,
                        "kind": kind,
                        "a": pair[0],
                        "b": pair[1],
                        "same": kind == "paraphrase",
                    }
                )
                made += 1
    return rows


def _pair(fam: Family, kind: str, rng: random.Random) -> tuple[str, str]:
    facts = _draw_facts(fam, rng)
    t_a = rng.choice(fam.templates)
    ops_a = _pick_ops(rng, 0.35)
    seed_a = rng.randrange(1 << 30)
    if kind == "paraphrase":
        t_b = rng.choice([t for t in fam.templates if t != t_a] or fam.templates)
        a = _noise(_render(t_a, facts, rng), ops_a, seed_a)
        b = _noise(_render(t_b, facts, rng), _pick_ops(rng, 0.6), rng.randrange(1 << 30))
    else:
        other = _changed(fam, facts, kind, rng)
        pinned: dict[str, str] = {}
        a = _noise(_render(t_a, facts, rng, pinned), ops_a, seed_a)
        if rng.random() < 0.5:
            # Minimal pair: same wording and noise, only the changed fact differs.
            for name in fam.slots:
                if other[name] != facts[name]:
                    for key in [k for k in pinned if k.startswith(name + ":")]:
                        del pinned[key]
            b = _noise(_render(t_a, other, rng, pinned), ops_a, seed_a)
        else:
            t_b = rng.choice([t for t in fam.templates if t != t_a] or fam.templates)
            b = _noise(_render(t_b, other, rng), _pick_ops(rng, 0.5), rng.randrange(1 << 30))
    if rng.random() < 0.5:
        a, b = b, a
    return a, b


def _one(*values: str) -> list[object]:
    """Slot values with a single surface form each."""
    return [(v,) for v in values]


FAMILIES: list[dict[str, Any]] = [
    {
        "name": "medication_dose_check",
        "domain": "healthcare",
        "templates": [
            "Is it safe to give {patient} {dose} {unit} of {drug} {freq} {food}?",
            "Can {patient} take {dose}{unit:short} {drug} {freq} {food}?",
            "{drug} {dose} {unit} {freq} {food} for {patient} - is that ok?",
            "Please check whether {dose} {unit} of {drug}, taken {freq} {food}, is safe for {patient}.",
            "Safety check: {patient} on {drug} {dose}{unit:short} {freq}, {food}. Any concerns?",
        ],
        "slots": {
            "drug": (
                "entity",
                [
                    ("ibuprofen",),
                    ("paracetamol", "acetaminophen"),
                    ("naproxen",),
                    ("amoxicillin",),
                    ("metformin",),
                    ("cetirizine",),
                ],
            ),
            "dose": ("number", _one("200", "250", "400", "500", "600", "1000")),
            "unit": (
                "unit",
                [
                    {"base": ("mg", "milligrams"), "short": ("mg",)},
                    {"base": ("g", "grams"), "short": ("g",)},
                    {"base": ("mcg", "micrograms"), "short": ("mcg",)},
                ],
            ),
            "food": ("negation", [("with food", "with a meal"), ("without food", "on an empty stomach")]),
            "patient": (
                "lowercase_noun",
                [
                    ("a child", "a kid"),
                    ("an adult",),
                    ("a pregnant woman", "a pregnant patient"),
                    ("an elderly patient", "an older patient"),
                ],
            ),
            "freq": (
                "number",
                [
                    ("once a day", "once daily"),
                    ("twice a day", "two times a day", "2x daily"),
                    ("three times a day", "3 times a day", "3x daily"),
                    ("four times a day", "4 times a day"),
                ],
            ),
        },
    },
    {
        "name": "symptom_lookup",
        "domain": "healthcare",
        "templates": [
            "What are the {stage} symptoms of {disease} in {group}? Answer {fmt}.",
            "List the {stage} signs of {disease} in {group} {fmt}.",
            "{fmt}, what {stage} symptoms does {disease} cause in {group}?",
            "Describe {stage} {disease} symptoms seen in {group}, {fmt} please",
            "Which {stage} symptoms should we watch for with {disease} in {group}? Give them {fmt}.",
        ],
        "slots": {
            "stage": ("antonym", _one("early", "late")),
            "disease": (
                "lowercase_noun",
                _one("flu", "measles", "chickenpox", "strep throat", "shingles", "mumps", "whooping cough"),
            ),
            "group": (
                "lowercase_noun",
                [
                    ("toddlers", "young children"),
                    ("teenagers", "teens"),
                    ("adults over 65", "people over 65"),
                ],
            ),
            "fmt": (
                "format",
                [
                    ("as a bullet list", "in bullet points"),
                    ("as a table", "in a table"),
                    ("in one short paragraph", "as a short paragraph"),
                ],
            ),
        },
    },
    {
        "name": "clinic_appointment",
        "domain": "healthcare",
        "templates": [
            "Please {action} my {time} appointment with {doctor} {date} {who}.",
            "I need to {action} the appointment {who} with {doctor} {date} at {time}.",
            "Can you {action} {doctor}'s {time} slot {date} {who}?",
            "Could the {time} appointment with {doctor} {date} {who} be {action:pp}?",
            "{action} appointment with {doctor} {date} {time} {who} please",
        ],
        "slots": {
            "action": (
                "action",
                [
                    {"base": ("cancel",), "pp": ("cancelled", "canceled")},
                    {"base": ("reschedule", "move"), "pp": ("rescheduled", "moved")},
                    {"base": ("confirm",), "pp": ("confirmed",)},
                ],
            ),
            "doctor": ("entity", _one("Dr. Patel", "Dr. Okafor", "Dr. Lindqvist", "Dr. Moreau", "Dr. Chen")),
            "date": (
                "date",
                [
                    ("tomorrow",),
                    ("today",),
                    ("next Monday", "on Monday next week"),
                    ("on 14 March", "on March 14"),
                    ("on 15 March", "on March 15"),
                ],
            ),
            "time": (
                "number",
                [
                    ("9:30 am", "9:30"),
                    ("10:30 am", "10:30"),
                    ("2 pm", "2:00 pm", "14:00"),
                    ("3 pm", "3:00 pm", "15:00"),
                ],
            ),
            "who": (
                "lowercase_noun",
                [
                    ("for my son",),
                    ("for my daughter",),
                    ("for my mother", "for my mom"),
                    ("for my father", "for my dad"),
                ],
            ),
        },
    },
    {
        "name": "bank_transfer",
        "domain": "finance",
        "templates": [
            "Transfer {amount} {currency} from {src} to {dst} {when}, {fees}.",
            "Please move {amount} {currency} {fees} to {dst} from {src} {when}.",
            "{when}, send {amount} {currency} ({fees}) from {src} into {dst}.",
            "Can {amount} {currency} {fees} be transferred from {src} to {dst} {when}?",
            "I'd like {amount} {currency}, {fees}, moved out of {src} and into {dst} {when}.",
        ],
        "slots": {
            "amount": (
                "number",
                [("500",), ("5,000", "5000"), ("1,200", "1200"), ("12,000", "12000"), ("250",)],
            ),
            "currency": ("unit", [("EUR", "euros"), ("USD", "US dollars"), ("GBP", "pounds sterling")]),
            "src": (
                "entity",
                _one(
                    "the operating account",
                    "the payroll account",
                    "the savings account",
                    "the escrow account",
                    "the tax reserve account",
                ),
            ),
            "dst": (
                "entity",
                _one(
                    "the operating account",
                    "the payroll account",
                    "the savings account",
                    "the escrow account",
                    "the tax reserve account",
                ),
            ),
            "when": (
                "date",
                [
                    ("today",),
                    ("tomorrow",),
                    ("on Friday", "this Friday"),
                    ("at the end of the month", "on the last day of the month"),
                ],
            ),
            "fees": (
                "negation",
                [
                    ("including fees", "with fees included"),
                    ("excluding fees", "not including fees", "fees excluded"),
                ],
            ),
        },
        "swap": ("src", "dst"),
    },
    {
        "name": "travel_expense_allowance",
        "domain": "finance",
        "templates": [
            "What is the {bound} {category} allowance per {period} {scope} for trips to {city}?",
            "For travel to {city}, what's the {bound} {category} budget per {period} {scope}?",
            "{category} allowance for {city} trips: what's the {bound} per {period} {scope}?",
            "Tell me the {bound} we can claim for {category} per {period} {scope} when travelling to {city}.",
            "Under our expense policy, what {category} amount per {period} {scope} is the {bound} "
            "for {city}?",
        ],
        "slots": {
            "bound": ("antonym", [("maximum", "max"), ("minimum", "min")]),
            "category": (
                "lowercase_noun",
                [("hotel", "lodging"), ("meal", "food"), ("taxi", "cab"), ("rental car", "car hire")],
            ),
            "period": ("unit", _one("day", "week", "month")),
            "scope": (
                "scope",
                [("per person", "for each traveller"), ("for the whole team", "for the team in total")],
            ),
            "city": ("entity", _one("London", "Singapore", "New York", "Berlin", "Tokyo", "Dubai")),
        },
    },
    {
        "name": "trade_order_advice",
        "domain": "finance",
        "templates": [
            "Should we {side} {qty} shares of {company} {timing} the {call} earnings call?",
            "Is it a good idea to {side} {qty} {company} shares {timing} the {call} earnings call?",
            "{timing} the {call} earnings call, would {side:ing} {qty} shares of {company} make sense?",
            "Pros and cons of {side:ing} {qty} shares in {company} {timing} its {call} earnings call",
            "Give me a recommendation on whether to {side} {qty} {company} shares {timing} the {call} "
            "earnings release.",
        ],
        "slots": {
            "side": (
                "antonym",
                [
                    {"base": ("buy", "purchase"), "ing": ("buying", "purchasing")},
                    {"base": ("sell",), "ing": ("selling",)},
                ],
            ),
            "qty": ("number", [("100",), ("250",), ("1,000", "1000"), ("2,500", "2500"), ("50",)]),
            "company": (
                "entity",
                [("Siemens",), ("Nestlé", "Nestle"), ("Toyota",), ("Unilever",), ("Novartis",), ("Shopify",)],
            ),
            "timing": ("antonym", _one("before", "after")),
            "call": (
                "date",
                [
                    ("Q1", "first-quarter"),
                    ("Q2", "second-quarter"),
                    ("Q3", "third-quarter"),
                    ("Q4", "fourth-quarter"),
                ],
            ),
        },
    },
    {
        "name": "invoice_generation",
        "domain": "finance",
        "templates": [
            "Generate an invoice for {client} for {qty} {units} of consulting at €{rate} each, {vat}, for "
            "work done in {month}.",
            "Create a {month} invoice to {client}: {qty} {units} of consulting, €{rate} each, {vat}.",
            "Draft an invoice ({vat}) billing {client} for {qty} {units} of consulting in {month} at "
            "€{rate} each.",
            "Can you make an invoice for {client}? {qty} {units} of consulting in {month}, €{rate} each, "
            "{vat}.",
            "Invoice {client} for {month}: {qty} consulting {units} @ €{rate} each, {vat}",
        ],
        "slots": {
            "client": (
                "entity",
                _one(
                    "Acme Logistics", "Brightwave Media", "Northfield Clinic", "Kestrel Legal", "Orchid Foods"
                ),
            ),
            "qty": ("number", _one("8", "12", "16", "40", "45")),
            "units": ("unit", _one("hours", "days")),
            "rate": ("number", _one("90", "95", "120", "150")),
            "vat": (
                "negation",
                [
                    ("including VAT", "incl. VAT", "with VAT included"),
                    ("excluding VAT", "excl. VAT", "without VAT"),
                ],
            ),
            "month": ("date", _one("March", "April", "May", "October")),
        },
    },
    {
        "name": "lease_dispute",
        "domain": "law",
        "templates": [
            "Can the {p1} sue the {p2} over {issue} {law} {lease}?",
            "Is it possible for a {p1} to take the {p2} to court for {issue} {law}, {lease}?",
            "{law}, can a {p1} bring a claim against the {p2} for {issue} {lease}?",
            "Our {p1} wants to sue the {p2} over {issue} {lease}. Is that allowed {law}?",
            "Legal question: {p1} suing {p2} for {issue}, {lease}, {law} - is it viable?",
        ],
        "slots": {
            "p1": ("swap_only", [("tenant", "renter"), ("landlord", "property owner")]),
            "p2": ("swap_only", [("tenant", "renter"), ("landlord", "property owner")]),
            "issue": (
                "lowercase_noun",
                [
                    ("unpaid rent", "rent arrears"),
                    ("mould damage", "mold damage"),
                    ("noise complaints",),
                    ("a withheld deposit",),
                    ("broken heating",),
                ],
            ),
            "law": (
                "entity",
                [
                    ("under California law", "under California state law"),
                    ("under New York law",),
                    ("in England and Wales",),
                    ("in Ontario",),
                ],
            ),
            "lease": (
                "negation",
                [
                    ("with a written lease", "when there is a written lease"),
                    ("without a written lease", "when there is no written lease"),
                ],
            ),
        },
        "swap": ("p1", "p2"),
    },
    {
        "name": "contract_document",
        "domain": "law",
        "templates": [
            "{action} {part} the {doc} from {company} {fmt}.",
            "Please {action} {part} {company}'s {doc} {fmt}.",
            "Could you {action} {part} the {doc} we got from {company}, {fmt}?",
            "I need you to {action} {part} the {company} {doc} {fmt}",
            "{fmt}, {action} {part} the {doc} that {company} sent over.",
        ],
        "slots": {
            "action": (
                "action",
                [("summarise", "summarize"), ("redline", "mark up"), ("review",), ("explain",)],
            ),
            "part": (
                "scope",
                [
                    ("all clauses of", "every clause of"),
                    ("only the first clause of", "just the first clause of"),
                    ("only the last clause of", "just the final clause of"),
                ],
            ),
            "doc": (
                "lowercase_noun",
                [
                    ("NDA", "non-disclosure agreement"),
                    ("master services agreement", "MSA"),
                    ("employment contract",),
                    ("data processing agreement", "DPA"),
                ],
            ),
            "company": ("entity", _one("Helix Bio", "Tern Robotics", "Larkspur Capital", "Cobalt Health")),
            "fmt": (
                "format",
                [
                    ("in 200 words", "in about 200 words"),
                    ("in 500 words", "in about 500 words"),
                    ("as bullet points", "as a bulleted list"),
                    ("as a table", "in table form"),
                ],
            ),
        },
    },
    {
        "name": "leave_entitlement",
        "domain": "hr",
        "templates": [
            "How many days of {paid} {leave} can a {emp} employee {country} take {year} after {years} "
            "years of service?",
            "{country}, what's the {paid} {leave} entitlement {year} for a {emp} employee with {years} "
            "years of service?",
            "A {emp} staff member {country} has been here {years} years - how much {paid} {leave} do they "
            "get {year}?",
            "Please tell me the {paid} {leave} allowance {year} for {emp} employees {country} with {years} "
            "years' tenure.",
            "{paid} {leave} entitlement for {emp} staff {country} with {years} yrs of service, {year}?",
        ],
        "slots": {
            "paid": ("negation", _one("paid", "unpaid")),
            "leave": (
                "lowercase_noun",
                [("sick leave",), ("parental leave",), ("bereavement leave",), ("annual leave", "vacation")],
            ),
            "emp": ("antonym", _one("part-time", "full-time")),
            "country": (
                "entity",
                [("in Germany",), ("in the UK", "in the United Kingdom"), ("in Canada",), ("in Spain",)],
            ),
            "year": ("date", _one("this year", "next year")),
            "years": ("number", [("2", "two"), ("3", "three"), ("5", "five"), ("10", "ten")]),
        },
    },
    {
        "name": "payroll_discrepancy",
        "domain": "hr",
        "templates": [
            "Why is {scope} {month} pay ${amount} {dir} than usual? Is it {cause}?",
            "{scope} {month} salary came out ${amount} {dir} than normal - could {cause} explain it?",
            "Can you check why {scope} pay for {month} was ${amount} {dir} than expected? I suspect {cause}.",
            "Please explain why the {month} payslip ({scope}) is ${amount} {dir} than usual - is {cause} "
            "the reason?",
        ],
        "slots": {
            "scope": ("scope", [("my", "my own"), ("our whole team's", "the entire team's")]),
            "month": ("date", _one("March", "April", "June", "September")),
            "amount": ("number", [("120",), ("150",), ("210",), ("1,500", "1500")]),
            "dir": ("antonym", [("lower", "less"), ("higher", "more")]),
            "cause": (
                "lowercase_noun",
                [
                    ("overtime",),
                    ("the bonus",),
                    ("the pension contribution",),
                    ("the tax code",),
                    ("the health insurance deduction",),
                ],
            ),
        },
    },
    {
        "name": "account_access_ticket",
        "domain": "it_support",
        "templates": [
            "Please {action} the {system} account for {user} {mfa} {when}.",
            "Can you {action} {user}'s {system} account {mfa}? Needed {when}.",
            "{when}: {action} the {system} account of {user} {mfa}",
            "I need someone to {action} the {system} login belonging to {user} {mfa}, {when} please",
            "Ticket: {action} the {system} account ({user}) {mfa}, {when}",
        ],
        "slots": {
            "action": (
                "action",
                [
                    ("reset the password on", "do a password reset on"),
                    ("unlock",),
                    ("deactivate",),
                    ("rename",),
                ],
            ),
            "system": ("entity", _one("Okta", "Jira", "Salesforce", "GitHub", "Workday")),
            "user": ("entity", _one("Priya Nair", "Tom Becker", "Lucia Ferreira", "Sam Odum", "Mei Tanaka")),
            "mfa": (
                "antonym",
                [
                    ("and enable MFA on it", "and turn on MFA for it"),
                    ("and disable MFA on it", "and turn off MFA for it"),
                ],
            ),
            "when": (
                "date",
                [("by end of day today", "by EOD today"), ("by end of day tomorrow", "by EOD tomorrow")],
            ),
        },
    },
    {
        "name": "software_install_help",
        "domain": "it_support",
        "templates": [
            "How do I {verb} {pkg} {ver} {scope} running {os} {admin}?",
            "What are the steps to {verb} {pkg} version {ver} {admin} {scope} ({os})?",
            "{verb} {pkg} v{ver} on {os} {admin} - {scope}, how?",
            "I want to {verb} {pkg} {ver} {scope}; it runs {os} and I'm working {admin}.",
            "Guide for {verb:ing} {pkg} {ver} {admin} {scope}, OS is {os}",
        ],
        "slots": {
            "verb": (
                "antonym",
                [
                    {"base": ("install",), "ing": ("installing",)},
                    {"base": ("uninstall", "remove"), "ing": ("uninstalling", "removing")},
                ],
            ),
            "pkg": ("entity", [("Python",), ("Ruby",), ("Maven", "Apache Maven"), ("Blender",), ("GIMP",)]),
            "ver": ("number", _one("3.1", "3.10", "3.11", "3.12", "3.2", "3.6")),
            "os": (
                "entity",
                [
                    ("Windows 11", "Win 11"),
                    ("macOS Sonoma",),
                    ("Ubuntu 22.04",),
                    ("Ubuntu 24.04",),
                    ("RHEL 9", "Red Hat Enterprise Linux 9"),
                ],
            ),
            "admin": (
                "negation",
                [
                    ("with admin rights", "with administrator rights"),
                    ("without admin rights", "without administrator rights"),
                ],
            ),
            "scope": (
                "scope",
                [
                    ("on my laptop", "on my own laptop"),
                    ("on every laptop in the team", "on all the team's laptops"),
                ],
            ),
        },
    },
    {
        "name": "vpn_troubleshooting",
        "domain": "it_support",
        "templates": [
            "My {client} VPN disconnects every {n} {unit} on my {device} {cond}, {since}.",
            "{since}, {client} keeps dropping every {n} {unit} {cond} - this is on my {device}.",
            "Why does {client} drop the VPN every {n} {unit} on my {device} {cond}? It's been like this "
            "{since}.",
            "VPN ({client}) on my {device} cuts out every {n} {unit} {cond}, {since}. Any fix?",
            "Help: every {n} {unit} my {device} loses the {client} VPN {cond}. Been happening {since}.",
        ],
        "slots": {
            "client": (
                "entity",
                [("GlobalProtect",), ("Cisco AnyConnect", "AnyConnect"), ("FortiClient",), ("WireGuard",)],
            ),
            "n": ("number", [("5", "five"), ("10", "ten"), ("15", "fifteen"), ("30", "thirty")]),
            "unit": ("unit", [("minutes", "mins"), ("hours", "hrs")]),
            "device": (
                "lowercase_noun",
                [("laptop", "notebook"), ("phone", "mobile"), ("tablet",), ("desktop PC", "desktop")],
            ),
            "cond": (
                "negation",
                [
                    ("when I'm on the office Wi-Fi", "while on the office wifi"),
                    ("when I'm not on the office Wi-Fi", "while not on the office wifi"),
                ],
            ),
            "since": (
                "date",
                _one("since yesterday", "since last week", "since this morning", "since last month"),
            ),
        },
    },
    {
        "name": "order_service_request",
        "domain": "customer_service",
        "templates": [
            "The customer wants to {action} {scope} order #{order} (a {item}) bought {date}.",
            "Customer asks: can we {action} {scope} order {order}? It's a {item} purchased {date}.",
            "Please {action} {scope} order no. {order} - {item}, ordered {date}.",
            "Can {scope} order #{order} ({item}, bought {date}) be {action:pp}?",
            "{action} request for {scope} order #{order}, {item}, purchased {date}",
        ],
        "slots": {
            "action": (
                "action",
                [
                    {"base": ("refund",), "pp": ("refunded",)},
                    {"base": ("exchange",), "pp": ("exchanged",)},
                    {"base": ("cancel",), "pp": ("cancelled", "canceled")},
                    {"base": ("replace",), "pp": ("replaced",)},
                ],
            ),
            "scope": ("scope", [("all items in", "everything in"), ("one item from", "a single item from")]),
            "order": ("number", _one("48213", "48231", "51907", "51970", "60412")),
            "item": (
                "lowercase_noun",
                [
                    ("blender",),
                    ("office chair", "desk chair"),
                    ("standing desk",),
                    ("monitor",),
                    ("coffee machine", "coffee maker"),
                ],
            ),
            "date": (
                "date",
                [("last week",), ("yesterday",), ("two weeks ago", "2 weeks ago"), ("last month",)],
            ),
        },
    },
    {
        "name": "complaint_reply_drafting",
        "domain": "customer_service",
        "templates": [
            "Write {tone} reply {lang} to a customer whose {item} arrived {issue}, {offer}, {length}.",
            "Draft {tone} response {lang}, {length}, for a customer whose {item} arrived {issue}, {offer}.",
            "A customer's {item} arrived {issue}. Please write {tone} reply {lang} {offer}, {length}.",
            "Can you compose {tone} email {lang} ({length}) answering a complaint that a {item} arrived "
            "{issue}, {offer}?",
            "{lang}, {length}: {tone} answer to a complaint - {item} arrived {issue}; {offer}.",
        ],
        "slots": {
            "tone": ("antonym", [("a formal",), ("an informal", "a casual")]),
            "item": (
                "lowercase_noun",
                [("sofa",), ("laptop",), ("wedding cake",), ("bicycle", "bike"), ("dishwasher",)],
            ),
            "issue": (
                "lowercase_noun",
                [
                    ("damaged", "broken"),
                    ("three days late", "3 days late"),
                    ("with parts missing", "missing parts"),
                ],
            ),
            "offer": (
                "negation",
                [
                    ("offering a 10% discount", "with a 10% discount offer"),
                    ("without offering any discount", "offering no discount"),
                ],
            ),
            "lang": ("format", _one("in English", "in French", "in German", "in Dutch")),
            "length": (
                "format",
                [
                    ("under 100 words", "in fewer than 100 words"),
                    ("under 250 words", "in fewer than 250 words"),
                ],
            ),
        },
    },
    {
        "name": "shipping_transit_quote",
        "domain": "logistics",
        "templates": [
            "What's the {bound} transit time to ship {weight} {wunit} from {origin} to {dest} by {mode}?",
            "Shipping {weight}{wunit:short} {origin} -> {dest} by {mode}: {bound} transit time?",
            "Give me the {bound} transit time for {weight} {wunit} going by {mode} from {origin} to {dest}.",
            "For a {weight} {wunit} shipment by {mode} to {dest} from {origin}, what is the {bound} transit "
            "time?",
            "{origin} to {dest}, {weight} {wunit}, by {mode} - {bound} transit time please",
        ],
        "slots": {
            "bound": ("antonym", [("minimum", "shortest"), ("maximum", "longest")]),
            "weight": ("number", [("20",), ("25",), ("200",), ("250",), ("2,000", "2000")]),
            "wunit": (
                "unit",
                [
                    {"base": ("kg", "kilograms"), "short": ("kg",)},
                    {"base": ("lb", "pounds"), "short": ("lb", "lbs")},
                    {"base": ("tonnes", "metric tons"), "short": ("t",)},
                ],
            ),
            "origin": (
                "entity",
                _one("Rotterdam", "Shanghai", "Hamburg", "Singapore", "Los Angeles", "Felixstowe"),
            ),
            "dest": (
                "entity",
                _one("Rotterdam", "Shanghai", "Hamburg", "Singapore", "Los Angeles", "Felixstowe"),
            ),
            "mode": (
                "lowercase_noun",
                [("air", "air freight"), ("sea", "ocean freight"), ("rail",), ("road", "truck")],
            ),
        },
        "swap": ("origin", "dest"),
    },
    {
        "name": "warehouse_stock_check",
        "domain": "logistics",
        "templates": [
            "How many {item} are left {where} {site} warehouse {date}, {agg}? Flag it if under {n}.",
            "{date}, what's the stock of {item} {where} {site} warehouse ({agg})? Alert me if below {n}.",
            "Check {item} inventory {where} {site} warehouse {agg} {date} and tell me if it's under {n}.",
            "Stock count for {item} {where} {site} warehouse, {agg}, {date} - is it below {n}?",
        ],
        "slots": {
            "item": (
                "lowercase_noun",
                [
                    ("pallets of bottled water",),
                    ("boxes of printer paper", "cartons of printer paper"),
                    ("N95 masks",),
                    ("spare tyres", "spare tires"),
                    ("forklift batteries",),
                ],
            ),
            "where": ("negation", [("in the",), ("everywhere except the", "in all sites but the")]),
            "site": ("entity", _one("Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast")),
            "date": (
                "date",
                [
                    ("as of today",),
                    ("as of yesterday",),
                    ("at the end of last week",),
                    ("at the end of this week",),
                ],
            ),
            "agg": ("scope", [("in total", "as one total"), ("per aisle", "for each aisle")]),
            "n": ("number", [("50",), ("500",), ("100",), ("1,000", "1000")]),
        },
    },
    {
        "name": "essay_grading",
        "domain": "education",
        "templates": [
            "Grade this {subject} essay, written in {grade} grade, out of {maxp} points, {spelling}, {lang}.",
            "Please mark the following {grade}-grade {subject} essay out of {maxp}, {spelling}, {lang}.",
            "Score this essay ({subject}, {grade} grade) on a {maxp}-point scale, {spelling}, {lang}.",
            "Can you assess this {subject} essay from a student in {grade} grade out of {maxp} "
            "points {lang}, {spelling}?",
            "{subject} essay, {grade} grade: grade it out of {maxp}, {spelling}, {lang}",
        ],
        "slots": {
            "subject": ("lowercase_noun", _one("history", "biology", "economics", "geography", "philosophy")),
            "grade": (
                "number",
                [("7th", "seventh"), ("8th", "eighth"), ("10th", "tenth"), ("11th", "eleventh")],
            ),
            "maxp": ("number", _one("20", "25", "50", "100")),
            "spelling": (
                "negation",
                [
                    ("including spelling and grammar", "counting spelling and grammar"),
                    ("ignoring spelling and grammar", "not counting spelling and grammar"),
                ],
            ),
            "lang": (
                "format",
                [
                    ("with feedback in English", "with English feedback"),
                    ("with feedback in Spanish", "with Spanish feedback"),
                    ("with feedback in Polish", "with Polish feedback"),
                ],
            ),
        },
    },
    {
        "name": "lesson_plan",
        "domain": "education",
        "templates": [
            "Create a {minutes}-minute lesson plan on {topic} for {level} {homework}, {fmt}.",
            "Can you plan a {minutes} minute lesson about {topic} for a {level} class {homework}? Present it "
            "{fmt}.",
            "I need a lesson plan, {fmt}, covering {topic} for {level}: {minutes} minutes, {homework}.",
            "{fmt}, write a {level} lesson plan on {topic} lasting {minutes} minutes {homework}.",
            "lesson plan please - {topic}, {level}, {minutes} mins, {homework}, {fmt}",
        ],
        "slots": {
            "minutes": (
                "number",
                [("30", "thirty"), ("45", "forty-five"), ("60", "sixty"), ("90", "ninety")],
            ),
            "topic": (
                "lowercase_noun",
                _one(
                    "photosynthesis", "fractions", "the water cycle", "plate tectonics", "persuasive writing"
                ),
            ),
            "level": ("number", [("year 4", "Year 4"), ("year 6", "Year 6"), ("year 9", "Year 9")]),
            "homework": (
                "negation",
                [("with a homework task", "including homework"), ("with no homework", "without homework")],
            ),
            "fmt": (
                "format",
                [
                    ("as a table", "in a table"),
                    ("as a numbered list", "as a numbered outline"),
                    ("as a single paragraph", "in one paragraph"),
                ],
            ),
        },
    },
    {
        "name": "recipe_request",
        "domain": "cooking",
        "templates": [
            "Give me a recipe for {dish} that serves {serves}, {diet}, with oven temperatures in {tunit}, "
            "{fmt}.",
            "Recipe for {dish} {diet} for {serves} people? Temperatures in {tunit}, {fmt} please.",
            "How do I make {dish} {diet} for {serves}? Use {tunit} and write it {fmt}.",
            "I'm cooking {dish} for {serves} people - {diet}. Need the recipe {fmt}, temps in {tunit}.",
            "{dish}, {diet}, serves {serves}, oven in {tunit}, {fmt}",
        ],
        "slots": {
            "dish": (
                "lowercase_noun",
                [
                    ("pizza dough", "pizza base"),
                    ("sponge cake",),
                    ("lentil soup",),
                    ("chicken curry",),
                    ("banana bread",),
                    ("lasagne", "lasagna"),
                ],
            ),
            "serves": ("number", [("4", "four"), ("6", "six"), ("8", "eight"), ("12", "twelve")]),
            "diet": ("negation", [("with dairy", "containing dairy"), ("without dairy", "dairy-free")]),
            "tunit": (
                "unit",
                [("°C", "degrees Celsius", "Celsius"), ("°F", "degrees Fahrenheit", "Fahrenheit")],
            ),
            "fmt": (
                "format",
                [
                    ("as a shopping list", "as a grocery list"),
                    ("as step-by-step instructions", "as numbered steps"),
                ],
            ),
        },
    },
    {
        "name": "kitchen_unit_conversion",
        "domain": "cooking",
        "templates": [
            "How many {u2} are in {qty} {u1} of {ingredient}?",
            "Convert {qty} {u1} of {ingredient} to {u2}.",
            "{qty} {u1} of {ingredient} in {u2}?",
            "What is {qty} {u1} of {ingredient} in {u2}, please?",
            "Please convert {ingredient}: {qty} {u1} -> {u2}",
        ],
        "slots": {
            "qty": ("number", [("2", "two"), ("3", "three"), ("1.5", "one and a half"), ("4", "four")]),
            "u1": ("unit", [("cups",), ("grams", "g"), ("ounces", "oz"), ("tablespoons", "tbsp")]),
            "u2": ("unit", [("cups",), ("grams", "g"), ("ounces", "oz"), ("tablespoons", "tbsp")]),
            "ingredient": ("lowercase_noun", _one("flour", "sugar", "butter", "rice", "honey", "oats")),
        },
        "swap": ("u1", "u2"),
    },
    {
        "name": "flight_booking",
        "domain": "travel",
        "templates": [
            "{action} {cabin} tickets from {origin} to {dest} {date} for {pax} passengers {bags}.",
            "Please {action} {pax} {cabin} seats from {origin} to {dest} {date}, {bags}.",
            "Can you {action} our {cabin} flight to {dest} from {origin} {date}? {pax} travellers, {bags}.",
            "I'd like to {action} a flight {date} from {origin} to {dest}, {cabin}, {pax} people {bags}.",
            "{date}: {action} {cabin} {origin} to {dest} for {pax} pax, {bags}",
        ],
        "slots": {
            "action": ("action", [("book", "reserve"), ("cancel",), ("change",)]),
            "cabin": ("lowercase_noun", [("economy",), ("business class", "business"), ("premium economy",)]),
            "origin": ("entity", _one("Madrid", "Lisbon", "Zurich", "Chicago", "Toronto", "Nairobi")),
            "dest": ("entity", _one("Madrid", "Lisbon", "Zurich", "Chicago", "Toronto", "Nairobi")),
            "date": (
                "date",
                [("on 3 May", "on May 3"), ("on 4 May", "on May 4"), ("next Friday",), ("this Friday",)],
            ),
            "pax": ("number", [("2", "two"), ("3", "three"), ("4", "four"), ("6", "six")]),
            "bags": (
                "negation",
                [
                    ("with checked bags", "including checked luggage"),
                    ("without checked bags", "with no checked luggage"),
                ],
            ),
        },
        "swap": ("origin", "dest"),
    },
    {
        "name": "visa_requirements",
        "domain": "travel",
        "templates": [
            "Do {nat} citizens {extra} need a visa to visit {country} for {days} days for {purpose}?",
            "Is a visa required for {nat} passport holders {extra} travelling to {country} for {purpose}, "
            "staying {days} days?",
            "Visa question: {nat} nationals {extra}, {days}-day trip to {country} for {purpose} - "
            "visa needed?",
            "For a {days}-day stay in {country} for {purpose}, does a {nat} citizen {extra} require a visa?",
            "Check whether {nat} travellers {extra} need a visa for {days} days in {country} ({purpose}).",
        ],
        "slots": {
            "nat": ("entity", _one("German", "Indian", "Brazilian", "Nigerian", "Japanese", "Mexican")),
            "extra": (
                "negation",
                [
                    ("who already hold a Schengen visa", "with a valid Schengen visa"),
                    ("who don't hold a Schengen visa", "without a Schengen visa"),
                ],
            ),
            "country": (
                "entity",
                [("Japan",), ("the United States", "the US"), ("Australia",), ("Kenya",), ("Canada",)],
            ),
            "days": ("number", [("30", "thirty"), ("60", "sixty"), ("90", "ninety"), ("14", "fourteen")]),
            "purpose": (
                "lowercase_noun",
                [("business",), ("tourism", "sightseeing"), ("study",), ("medical treatment",)],
            ),
        },
    },
    {
        "name": "analytics_query",
        "domain": "data_analytics",
        "templates": [
            "Write a query {lang} that returns the {dir} {n} {what} by {metric} {period}.",
            "I need code {lang} listing the {dir} {n} {what} ranked by {metric} {period}.",
            "{period}, which are the {dir} {n} {what} by {metric}? Give me the code {lang}.",
            "Can you produce the {dir} {n} {what} by {metric} {period}, written {lang}?",
            "{dir} {n} {what} by {metric} {period} - code {lang} please",
        ],
        "slots": {
            "dir": ("antonym", _one("top", "bottom")),
            "n": ("number", [("5", "five"), ("10", "ten"), ("20", "twenty"), ("50", "fifty")]),
            "what": (
                "lowercase_noun",
                [
                    ("customers", "clients"),
                    ("products",),
                    ("suppliers", "vendors"),
                    ("sales reps", "salespeople"),
                ],
            ),
            "metric": (
                "lowercase_noun",
                [
                    ("revenue", "sales revenue"),
                    ("order count", "number of orders"),
                    ("refund rate",),
                    ("gross margin",),
                ],
            ),
            "period": (
                "date",
                [
                    ("in Q1 2025", "in the first quarter of 2025"),
                    ("in Q2 2025", "in the second quarter of 2025"),
                    ("in Q1 2024",),
                    ("last month", "in the previous month"),
                ],
            ),
            "lang": ("format", [("in SQL", "as SQL"), ("in pandas", "using pandas"), ("in R with dplyr",)]),
        },
    },
    {
        "name": "meeting_notes",
        "domain": "office",
        "templates": [
            "{action} the notes from {day} {meeting} meeting {fmt}, {side}.",
            "Please {action} {day} {meeting} meeting notes {fmt}, {side}.",
            "Could you {action} the minutes of {day} {meeting} meeting, {side}, {fmt}?",
            "{fmt}, {action} the notes of {day} {meeting} sync, {side}.",
            "Here are the notes from {day} {meeting} meeting. {action} them {fmt}, {side}.",
        ],
        "slots": {
            "action": (
                "action",
                [
                    ("summarise", "summarize"),
                    ("extract the action items from", "pull the action items out of"),
                    ("list the decisions in",),
                    ("draft a follow-up email from",),
                ],
            ),
            "day": ("date", _one("yesterday's", "today's", "Monday's", "last Thursday's")),
            "meeting": (
                "entity",
                [
                    ("Atlas project", "Project Atlas"),
                    ("vendor review",),
                    ("Helios migration",),
                    ("Orion launch",),
                ],
            ),
            "fmt": (
                "format",
                [
                    ("in 3 bullet points", "in three bullets"),
                    ("in 10 bullet points", "in ten bullets"),
                    ("in English",),
                    ("in Italian",),
                ],
            ),
            "side": (
                "negation",
                [
                    ("including the side discussions", "with the side discussions"),
                    ("excluding the side discussions", "leaving out the side discussions"),
                ],
            ),
        },
    },
    {
        "name": "privacy_request",
        "domain": "compliance",
        "templates": [
            "Can we {action} {who} {data} {consent} {law}, and must we do it within {days} days?",
            "Are we allowed to {action} {who} {data} {consent} {law}? Is the deadline {days} days?",
            "{law}, is it legal to {action} {who} {data} {consent}, and does it have to happen within "
            "{days} days?",
            "Compliance check: {action} {who} {data}, {consent}, {law} - OK to do within {days} days?",
            "Is it permissible {law} for us to {action} {who} {data} {consent} within {days} days?",
        ],
        "slots": {
            "action": ("action", [("delete", "erase"), ("export",), ("share",), ("anonymise", "anonymize")]),
            "who": (
                "scope",
                [("a single customer's", "one customer's"), ("all customers'", "every customer's")],
            ),
            "data": (
                "lowercase_noun",
                [
                    ("email addresses",),
                    ("purchase history", "order history"),
                    ("health records", "medical records"),
                    ("location data",),
                ],
            ),
            "consent": (
                "negation",
                [
                    ("with their consent", "once they have consented"),
                    ("without their consent", "without asking for their consent"),
                ],
            ),
            "law": (
                "entity",
                [
                    ("under GDPR", "under the GDPR"),
                    ("under CCPA", "under the CCPA"),
                    ("under HIPAA",),
                    ("under PIPEDA",),
                ],
            ),
            "days": ("number", _one("30", "45", "60")),
        },
    },
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--per-family", type=int, default=156)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = generate(args.seed, args.per_family)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    kinds = Counter(str(r["kind"]) for r in rows)
    families = Counter(str(r["family"]) for r in rows)
    print(f"wrote {len(rows)} pairs in {len(families)} families to {args.out}")
    print(f"positives {sum(1 for r in rows if r['same'])}, negatives {sum(1 for r in rows if not r['same'])}")
    for kind in ("paraphrase", *NEGATIVE_KINDS):
        print(f"  {kind:15s} {kinds[kind]:5d}")


if __name__ == "__main__":
    main()
