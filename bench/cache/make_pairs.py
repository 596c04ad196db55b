"""Build the labelled pairs of the semantic-cache benchmark (bench/cache/pairs.jsonl).

Each *family* is one kind of request (a flight booking, a dosage question, a unit conversion...)
with several genuinely different phrasings and typed slots. From it come:

- ``paraphrase`` pairs (label true): two phrasings with the same slot values — the answer
  to one is the answer to the other;
- hard negatives (label false), each changing one thing a cache must not blur:
  ``negation`` (the question negated), ``swap`` (two entities swapped), ``number``,
  ``date`` and ``unit`` (one value changed), ``entity`` (another entity of the same kind).

Families are numbered; bench/cache_eval.py calibrates on some and measures on the held-out
rest, so the figures are not tuned on the shapes they are reported for. Deterministic (seeded):
``python -m bench.cache.make_pairs`` rewrites the same file.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).with_name("pairs.jsonl")

CITIES = [
    "Paris",
    "Rome",
    "Berlin",
    "Madrid",
    "Lisbon",
    "Vienna",
    "Prague",
    "Dublin",
    "Oslo",
    "Athens",
    "Warsaw",
]
PEOPLE = [
    "Alice Martin",
    "Bruno Keller",
    "Chloe Dubois",
    "Daniel Novak",
    "Elena Rossi",
    "Farid Haddad",
    "Grace Lee",
]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne"]
DRUGS = ["ibuprofen", "paracetamol", "amoxicillin", "metformin", "warfarin", "lisinopril", "omeprazole"]
COUNTRIES = ["France", "Spain", "Italy", "Germany", "Portugal", "Austria", "Greece", "Poland", "Norway"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
LANGS = ["Python", "Java", "Rust", "Go", "Kotlin", "Ruby"]
TEAMS = ["Marketing", "Finance", "Legal", "Support", "Sales", "Research"]


def date() -> str:
    return f"{random.choice(MONTHS)} {random.randint(1, 28)}"


@dataclass
class Family:
    name: str
    phrasings: list[str]
    slots: dict[str, list[str] | str]  # values, or "number" / "date"
    negations: list[str] = field(default_factory=list)  # phrasings of the negated question
    swap: tuple[str, str] | None = None
    units: tuple[str, list[str]] | None = None  # (slot, values of the same dimension)

    def fill(self, values: dict[str, str], template: str) -> str:
        return template.format(**values)

    def draw(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for slot, kind in self.slots.items():
            if kind == "number":
                values[slot] = str(
                    random.choice([2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 75, 100, 250])
                )
            elif kind == "date":
                values[slot] = date()
            else:
                options = [v for v in kind if v not in values.values()]
                values[slot] = random.choice(options)
        return values


FAMILIES = [
    Family(
        "flight",
        [
            "Book a flight from {a} to {b} on {d}",
            "I need a plane ticket from {a} to {b} for {d}",
            "Please reserve a flight from {a} to {b} on {d}",
            "Can you get me on a flight leaving {a} for {b} on {d}?",
        ],
        {"a": CITIES, "b": CITIES, "d": "date"},
        negations=["Do not book a flight from {a} to {b} on {d}"],
        swap=("a", "b"),
    ),
    Family(
        "dosage",
        [
            "What is the maximum daily dose of {drug} for an adult?",
            "How much {drug} can an adult take in one day at most?",
            "What's the highest amount of {drug} an adult may take per day?",
            "Maximum {drug} dose per day for adults?",
        ],
        {"drug": DRUGS},
        negations=["Which adults should never take {drug} at all?"],
    ),
    Family(
        "interaction",
        [
            "Is it safe to take {drug} together with {drug2}?",
            "Can I combine {drug} and {drug2} safely?",
            "Is there a dangerous interaction between {drug} and {drug2}?",
            "Are {drug} and {drug2} safe to use at the same time?",
        ],
        {"drug": DRUGS, "drug2": DRUGS},
        negations=[
            "Is it not safe to take {drug} together with {drug2}?",
            "Why can't I take {drug} with {drug2}?",
        ],
    ),
    Family(
        "convert-length",
        [
            "Convert {n} {u1} to {u2}",
            "How many {u2} are in {n} {u1}?",
            "What is {n} {u1} in {u2}?",
            "Please convert {n} {u1} into {u2}",
        ],
        {
            "n": "number",
            "u1": ["miles", "kilometres", "feet", "metres"],
            "u2": ["kilometres", "miles", "metres", "feet"],
        },
        swap=("u1", "u2"),
        units=("u1", ["miles", "kilometres", "feet", "metres", "yards", "inches"]),
    ),
    Family(
        "convert-temperature",
        [
            "Convert {n} degrees {u1} to {u2}",
            "What is {n} degrees {u1} in {u2}?",
            "How much is {n} degrees {u1} in {u2}?",
        ],
        {"n": "number", "u1": ["Celsius", "Fahrenheit"], "u2": ["Fahrenheit", "Celsius", "Kelvin"]},
        swap=("u1", "u2"),
        units=("u2", ["Fahrenheit", "Celsius", "Kelvin"]),
    ),
    Family(
        "meeting",
        [
            "Schedule a meeting with {p} on {d}",
            "Set up a meeting with {p} for {d}",
            "Please arrange a meeting with {p} on {d}",
            "Can you put a meeting with {p} in my calendar on {d}?",
        ],
        {"p": PEOPLE, "d": "date"},
        negations=["Cancel the meeting with {p} on {d}", "Do not schedule a meeting with {p} on {d}"],
    ),
    Family(
        "transfer",
        [
            "Transfer {n} euros from {p} to {p2}",
            "Send {n} euros from {p}'s account to {p2}",
            "Move {n} euros from {p} over to {p2}",
            "Please pay {p2} {n} euros out of {p}'s account",
        ],
        {"n": "number", "p": PEOPLE, "p2": PEOPLE},
        swap=("p", "p2"),
    ),
    Family(
        "capital",
        [
            "What is the capital of {c}?",
            "Which city is the capital of {c}?",
            "Tell me the capital city of {c}.",
            "Name the capital of {c}.",
        ],
        {"c": COUNTRIES},
        negations=["Which large city in {c} is not the capital?"],
    ),
    Family(
        "population",
        [
            "What was the population of {c} in {y}?",
            "How many people lived in {c} in {y}?",
            "Population of {c} in the year {y}?",
        ],
        {"c": COUNTRIES, "y": ["1990", "2000", "2010", "2015", "2020", "2023"]},
    ),
    Family(
        "acquisition",
        [
            "Did {x} acquire {y}?",
            "Has {x} bought {y}?",
            "Was there a deal in which {x} purchased {y}?",
            "Did {x} take over {y}?",
        ],
        {"x": COMPANIES, "y": COMPANIES},
        negations=["Why did {x} not acquire {y}?", "Did {x} never acquire {y}?"],
        swap=("x", "y"),
    ),
    Family(
        "invoice",
        [
            "Show invoice number {n} for {co}",
            "Can you display {co}'s invoice number {n}?",
            "Open invoice {n} of {co}",
            "I want to see invoice {n} from {co}",
        ],
        {"n": ["1042", "2277", "3190", "4411", "5068", "6723", "7815", "8350"], "co": COMPANIES},
    ),
    Family(
        "recipe",
        [
            "How long should I bake a {food} at {n} degrees?",
            "What baking time does a {food} need at {n} degrees?",
            "For how many minutes do I bake a {food} at {n} degrees?",
        ],
        {
            "food": ["sponge cake", "sourdough loaf", "lasagne", "banana bread", "pizza"],
            "n": ["160", "180", "200", "220"],
        },
    ),
    Family(
        "code",
        [
            "How do I read a file line by line in {lang}?",
            "What's the way to iterate over the lines of a file in {lang}?",
            "Reading a text file one line at a time in {lang}: how?",
            "Show me how to loop over each line of a file in {lang}",
        ],
        {"lang": LANGS},
        negations=["Why can't I read a file line by line in {lang}?"],
    ),
    Family(
        "sorting",
        [
            "Sort the list of {team} expenses by amount in descending order",
            "Order the {team} expenses from largest to smallest amount",
            "Please sort {team}'s expenses by amount, biggest first",
        ],
        {"team": TEAMS},
        negations=["Sort the list of {team} expenses by amount in ascending order, not descending"],
    ),
    Family(
        "weather",
        [
            "What will the weather be in {city} on {day}?",
            "What's the forecast for {city} on {day}?",
            "Will it rain in {city} on {day}?",
            "How's the weather looking in {city} for {day}?",
        ],
        {"city": CITIES, "day": WEEKDAYS},
    ),
    Family(
        "leave",
        [
            "How many days of annual leave do {team} employees get after {n} years?",
            "After {n} years, what is the annual leave allowance in {team}?",
            "What's the yearly holiday entitlement for {team} staff with {n} years of service?",
        ],
        {"team": TEAMS, "n": ["1", "2", "3", "5", "10", "15"]},
        negations=["Which {team} employees do not get annual leave after {n} years?"],
    ),
    Family(
        "deadline",
        [
            "Is the {team} report due before {d}?",
            "Does the {team} report have to be submitted before {d}?",
            "Must the {team} report be handed in ahead of {d}?",
        ],
        {"team": TEAMS, "d": "date"},
        negations=["Is the {team} report not due before {d}?"],
    ),
    Family(
        "weight",
        [
            "How many {u2} is {n} {u1}?",
            "Convert {n} {u1} to {u2}",
            "What does {n} {u1} weigh in {u2}?",
        ],
        {
            "n": "number",
            "u1": ["kilograms", "pounds", "ounces", "grams"],
            "u2": ["pounds", "kilograms", "grams", "ounces"],
        },
        swap=("u1", "u2"),
        units=("u1", ["kilograms", "pounds", "ounces", "grams", "milligrams"]),
    ),
    Family(
        "password",
        [
            "How do I reset my password for the {sys} portal?",
            "I forgot my {sys} portal password, how can I reset it?",
            "What are the steps to reset a password on the {sys} portal?",
            "Reset password {sys} portal",
        ],
        {"sys": ["HR", "Payroll", "Expenses", "Benefits", "Travel", "Helpdesk"]},
        negations=["Why can I not reset my password for the {sys} portal?"],
    ),
    Family(
        "translation",
        [
            "Translate 'good morning' into {lang2}",
            "How do you say 'good morning' in {lang2}?",
            "What is 'good morning' in {lang2}?",
        ],
        {"lang2": ["French", "German", "Spanish", "Italian", "Dutch", "Polish", "Greek"]},
    ),
    Family(
        "appointment",
        [
            "Move my appointment with Dr {doc} from {day} to {day2}",
            "Reschedule my Dr {doc} appointment from {day} to {day2}",
            "Can you shift my appointment with Dr {doc} from {day} to {day2}?",
        ],
        {"doc": ["Patel", "Schmidt", "Garcia", "Okafor", "Lindqvist"], "day": WEEKDAYS, "day2": WEEKDAYS},
        swap=("day", "day2"),
    ),
    Family(
        "stock",
        [
            "How many units of item {sku} are in stock in the {city} warehouse?",
            "What's the stock level of item {sku} at the {city} warehouse?",
            "Stock count for item {sku} in {city} warehouse?",
        ],
        {"sku": ["A-118", "B-204", "C-377", "D-409", "E-512", "F-630"], "city": CITIES},
    ),
    Family(
        "speed",
        [
            "How long does it take to drive {n} kilometres at {m} km/h?",
            "At {m} km/h, how long is a drive of {n} kilometres?",
            "Driving {n} kilometres at {m} km/h takes how long?",
        ],
        {"n": ["40", "60", "90", "120", "150", "300"], "m": ["50", "80", "100", "120"]},
        swap=("n", "m"),
    ),
    Family(
        "contract",
        [
            "Can {co} terminate the contract with {co2} before {d}?",
            "Is {co} allowed to end its contract with {co2} ahead of {d}?",
            "May {co} cancel the agreement with {co2} prior to {d}?",
        ],
        {"co": COMPANIES, "co2": COMPANIES, "d": "date"},
        negations=["Can {co} not terminate the contract with {co2} before {d}?"],
        swap=("co", "co2"),
    ),
]


def pairs_of(family: Family, index: int, count: int) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []

    def add(kind: str, a: str, b: str, same: bool) -> None:
        out.append({"family": family.name, "family_index": index, "kind": kind, "a": a, "b": b, "same": same})

    for _ in range(count):
        values = family.draw()
        t1, t2 = random.sample(family.phrasings, 2)
        a = family.fill(values, t1)
        add("paraphrase", a, family.fill(values, t2), True)
        # One hard negative per positive, of a kind this family supports.
        kinds = []
        if family.negations:
            kinds.append("negation")
        if family.swap:
            kinds.append("swap")
        number_slots = [
            s for s, k in family.slots.items() if k == "number" or (isinstance(k, list) and k[0].isdigit())
        ]
        date_slots = [
            s for s, k in family.slots.items() if k == "date" or (isinstance(k, list) and k == WEEKDAYS)
        ]
        entity_slots = [
            s
            for s, k in family.slots.items()
            if isinstance(k, list) and not k[0][0].isdigit() and k != WEEKDAYS
        ]
        if number_slots:
            kinds.append("number")
        if date_slots:
            kinds.append("date")
        if family.units and family.units[1]:
            kinds.append("unit")
        if entity_slots:
            kinds.append("entity")
        kind = random.choice(kinds)
        changed = dict(values)
        if kind == "negation":
            add(kind, a, family.fill(values, random.choice(family.negations)), False)
            continue
        if kind == "swap":
            assert family.swap is not None
            x, y = family.swap
            changed[x], changed[y] = values[y], values[x]
        elif kind == "number":
            slot = random.choice(number_slots)
            options = family.slots[slot]
            while changed[slot] == values[slot]:
                changed[slot] = (
                    str(random.choice([2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 75, 100, 250]))
                    if options == "number"
                    else random.choice(options)
                )
        elif kind == "date":
            slot = random.choice(date_slots)
            while changed[slot] == values[slot]:
                changed[slot] = date() if family.slots[slot] == "date" else random.choice(WEEKDAYS)
        elif kind == "unit":
            assert family.units is not None
            slot, options = family.units
            while changed[slot] == values[slot]:
                changed[slot] = random.choice(options)
        else:
            slot = random.choice(entity_slots)
            options = [v for v in family.slots[slot] if v not in values.values()]
            if not options:
                continue
            changed[slot] = random.choice(options)
        if changed == values:
            continue
        # Half the negatives are the same phrasing with the detail changed (the hardest case).
        t3 = t1 if random.random() < 0.5 else t2
        add(kind, a, family.fill(changed, t3), False)
    return out


def main() -> None:
    random.seed(16)
    rows: list[dict[str, object]] = []
    for index, family in enumerate(FAMILIES):
        rows += pairs_of(family, index, 320)
    seen = set()
    with OUT.open("w") as handle:
        for row in rows:
            key = (row["a"], row["b"])
            if key in seen or row["a"] == row["b"]:
                continue
            seen.add(key)
            handle.write(json.dumps(row) + "\n")
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[str(row["kind"])] = kinds.get(str(row["kind"]), 0) + 1
    print(f"{len(seen)} pairs in {len(FAMILIES)} families -> {OUT}: {kinds}")


if __name__ == "__main__":
    main()
