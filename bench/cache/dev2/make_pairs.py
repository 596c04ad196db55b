"""A second development pair set for the semantic cache's verifier, written apart from the first.

    python -m bench.cache.dev2.make_pairs        # writes bench/cache/dev2/pairs.jsonl

Questions an internal assistant gets (travel, invoices, access, HR policy, reports, IT,
documents, data), each family with several ways of asking the same thing. Paraphrases: another
template of the family (reordering, question against imperative, other words), with politeness,
casing and typos added at random. Hard negatives change one thing: a name, a number, a date, a
unit, a common noun, the output format or language, the scope (all/some, first/last), an
opposite (approve/reject, buy/sell, before/after, enable/disable, import/export), a negation,
or roles (from A to B / from B to A). Deterministic (seeded).

The rows have the fields of bench/cache/pairs.jsonl: family, family_index, kind, a, b, same.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("pairs.jsonl")

CITIES = [
    "Berlin",
    "Lisbon",
    "Toronto",
    "Nairobi",
    "Osaka",
    "Denver",
    "Krakow",
    "Auckland",
    "Lyon",
    "Seattle",
    "Porto",
    "Dubai",
]
PEOPLE = [
    "Priya",
    "Tomasz",
    "Aiko",
    "Mateo",
    "Fatima",
    "Lars",
    "Chidi",
    "Ingrid",
    "Rahul",
    "Sofia",
    "Dmitri",
    "Grace",
]
VENDORS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Soylent",
    "Tyrell",
]
LANGS = ["French", "German", "Spanish", "Italian", "Portuguese", "Japanese", "Dutch", "Polish"]
DOCS = ["contract", "meeting notes", "incident report", "onboarding guide", "press release", "audit memo"]
APPS = ["Slack", "Outlook", "Jira", "Salesforce", "Zoom", "Confluence", "GitLab", "Workday"]
FEATURES = [
    "two-factor authentication",
    "dark mode",
    "email notifications",
    "auto-archiving",
    "read receipts",
]
REPOS = ["billing", "payments", "frontend", "data-pipeline", "mobile", "infra"]
TEAMS = ["Finance", "Legal", "Marketing", "Support", "Engineering", "Procurement", "Sales", "Security"]
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
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
COMPANIES = ["Nvidia", "Siemens", "Nestle", "Toyota", "Unilever", "Shopify", "Adidas", "Philips"]
TABLES = ["invoices", "orders", "tickets", "customers", "shipments", "leads"]
COLUMNS = ["date", "amount", "priority", "region", "status", "owner"]
PROG = ["Python", "JavaScript", "Go", "Java", "Rust", "Ruby"]
STRUCTS = ["list", "dictionary", "string", "set", "tuple", "array"]
CURRENCIES = [("dollars", "USD"), ("euros", "EUR"), ("pounds", "GBP"), ("yen", "JPY"), ("francs", "CHF")]
ROLES = ["contractors", "interns", "managers", "new hires", "part-time staff", "remote employees"]
ITEMS = ["taxi rides", "hotel minibar", "client dinners", "train tickets", "home office chairs", "gym fees"]
DEVICES = ["laptop", "phone", "tablet", "desktop", "monitor"]
NETWORKS = ["VPN", "guest wifi", "office printer", "shared drive", "intranet"]
OFFICES = ["offices", "warehouses", "stores", "call centres", "labs"]
HOLIDAYS = ["Christmas Eve", "Good Friday", "Boxing Day", "New Year's Eve", "Easter Monday"]
METRICS = [("revenue", "costs"), ("profit", "losses"), ("income", "expenses")]
REGIONS = ["EMEA", "APAC", "North America", "LATAM", "the Nordics"]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]
FORMATS = [
    ("as a table", "as bullet points"),
    ("as bullet points", "as a paragraph"),
    ("as a table", "as a chart"),
]
UNITS = [("kilometres", "miles"), ("kilograms", "pounds"), ("litres", "gallons"), ("metres", "feet")]

# Families: slot makers, ways of asking (templates), and how to make each hard negative.
# A template's slots are {name}; a negative is (kind, change) where change takes the slots and
# returns new slots (one thing changed), or ("swap", a, b) to exchange two slots.


def _other(rng: random.Random, pool: list[Any], value: Any) -> Any:
    return rng.choice([p for p in pool if p != value])


FAMILIES: list[dict[str, Any]] = [
    {
        "name": "flight",
        "slots": lambda r: {
            "a": r.choice(CITIES),
            "b": r.choice(CITIES),
            "m": r.choice(MONTHS),
            "d": r.randint(2, 28),
        },
        "ask": [
            "Book me a flight from {a} to {b} on {m} {d}",
            "Can you book a flight from {a} to {b} for {m} {d}?",
            "I need a flight {a} to {b} on {m} {d}, please",
            "On {m} {d}, book a flight from {a} to {b}",
            "Please reserve a flight from {a} to {b} on {m} {d}",
        ],
        "neg": [
            ("swap", "a", "b"),
            ("entity", lambda r, s: {**s, "b": _other(r, CITIES, s["b"])}),
            ("date", lambda r, s: {**s, "d": s["d"] + r.choice([1, -1, 7])}),
            ("date", lambda r, s: {**s, "m": _other(r, MONTHS, s["m"])}),
        ],
        "alt": [
            (
                "antonym",
                "Book me a flight from {a} to {b} on {m} {d}",
                "Cancel my flight from {a} to {b} on {m} {d}",
            )
        ],
    },
    {
        "name": "currency",
        "slots": lambda r: {
            "n": r.choice([20, 75, 150, 480, 1200, 3500]),
            "x": r.randrange(5),
            "y": r.randrange(5),
        },
        "render": lambda s: {
            **s,
            "c1": CURRENCIES[s["x"]][0],
            "c2": CURRENCIES[s["y"]][0],
            "k1": CURRENCIES[s["x"]][1],
            "k2": CURRENCIES[s["y"]][1],
        },
        "ask": [
            "Convert {n} {c1} to {c2}",
            "How much is {n} {c1} in {c2}?",
            "What is {n} {k1} in {k2}?",
            "{n} {c1} to {c2}, please",
            "Could you convert {n} {c1} into {c2}?",
        ],
        "neg": [
            ("swap", "x", "y"),
            ("number", lambda r, s: {**s, "n": s["n"] * r.choice([2, 10]) + r.choice([0, 5])}),
            ("unit", lambda r, s: {**s, "y": (s["y"] + r.randint(1, 4)) % 5}),
        ],
    },
    {
        "name": "units",
        "slots": lambda r: {
            "n": r.choice([3, 5, 12, 40, 250]),
            "u": r.randrange(4),
            "flip": r.random() < 0.5,
        },
        "render": lambda s: {
            **s,
            "u1": UNITS[s["u"]][int(s["flip"])],
            "u2": UNITS[s["u"]][1 - int(s["flip"])],
        },
        "ask": [
            "Convert {n} {u1} to {u2}",
            "How many {u2} is {n} {u1}?",
            "What is {n} {u1} in {u2}?",
            "{n} {u1} in {u2}?",
        ],
        "neg": [
            ("swap", "flip", None),
            ("number", lambda r, s: {**s, "n": s["n"] + r.choice([1, 10, 100])}),
            ("unit", lambda r, s: {**s, "u": (s["u"] + 1) % 4}),
        ],
    },
    {
        "name": "invoice",
        "slots": lambda r: {"id": r.randint(1000, 9999), "v": r.choice(VENDORS)},
        "ask": [
            "Approve invoice {id} from {v}",
            "Please approve the {v} invoice {id}",
            "Can you approve invoice #{id} from {v}?",
            "Invoice {id} from {v}: approve it",
            "I want to approve invoice number {id} from {v}",
        ],
        "neg": [
            ("number", lambda r, s: {**s, "id": s["id"] + r.choice([1, 10, 100])}),
            ("entity", lambda r, s: {**s, "v": _other(r, VENDORS, s["v"])}),
        ],
        "alt": [
            ("antonym", "Approve invoice {id} from {v}", "Reject invoice {id} from {v}"),
            ("antonym", "Please approve the {v} invoice {id}", "Please decline the {v} invoice {id}"),
            ("negation", "Approve invoice {id} from {v}", "Don't approve invoice {id} from {v}"),
            ("noun", "Approve invoice {id} from {v}", "Approve purchase order {id} from {v}"),
            ("noun", "Can you approve invoice #{id} from {v}?", "Can you pay invoice #{id} from {v}?"),
        ],
    },
    {
        "name": "summary-language",
        "slots": lambda r: {"doc": r.choice(DOCS), "l": r.choice(LANGS)},
        "ask": [
            "Summarise the {doc} in {l}",
            "Give me a summary of the {doc} in {l}",
            "Can you summarize the {doc} in {l}?",
            "In {l}, summarise the {doc}",
            "Please summarise the {doc} in {l}, thanks",
        ],
        "neg": [
            ("format", lambda r, s: {**s, "l": _other(r, LANGS, s["l"])}),
            ("noun", lambda r, s: {**s, "doc": _other(r, DOCS, s["doc"])}),
        ],
        "alt": [
            ("format", "Summarise the {doc} in {l}", "Translate the {doc} into {l}"),
            ("format", "Summarise the {doc} in {l}", "Summarise the {doc} in {l} in three bullet points"),
            ("format", "Summarise the {doc} in {l}", "Summarise the {doc} in {l} as a table"),
            ("scope", "Summarise the {doc} in {l}", "Summarise the first page of the {doc} in {l}"),
        ],
    },
    {
        "name": "feature-toggle",
        "slots": lambda r: {"f": r.choice(FEATURES), "app": r.choice(APPS)},
        "ask": [
            "How do I enable {f} in {app}?",
            "How can I turn on {f} in {app}?",
            "Enable {f} in {app} - how?",
            "What are the steps to enable {f} in {app}?",
            "In {app}, how do I turn on {f}?",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "app": _other(r, APPS, s["app"])}),
            ("noun", lambda r, s: {**s, "f": _other(r, FEATURES, s["f"])}),
        ],
        "alt": [
            ("antonym", "How do I enable {f} in {app}?", "How do I disable {f} in {app}?"),
            ("antonym", "How can I turn on {f} in {app}?", "How can I turn off {f} in {app}?"),
            ("negation", "How do I enable {f} in {app}?", "Why can't I enable {f} in {app}?"),
            ("scope", "How do I enable {f} in {app}?", "How do I enable {f} in {app} for all users?"),
        ],
    },
    {
        "name": "repo-access",
        "slots": lambda r: {
            "p": r.choice(PEOPLE),
            "repo": r.choice(REPOS),
            "lvl": r.choice(["read", "write"]),
        },
        "ask": [
            "Give {p} {lvl} access to the {repo} repo",
            "Please grant {p} {lvl} access to the {repo} repository",
            "Can {p} get {lvl} access to the {repo} repo?",
            "{p} needs {lvl} access to the {repo} repo, please add it",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "p": _other(r, PEOPLE, s["p"])}),
            ("noun", lambda r, s: {**s, "repo": _other(r, REPOS, s["repo"])}),
            ("antonym", lambda r, s: {**s, "lvl": "write" if s["lvl"] == "read" else "read"}),
        ],
        "alt": [
            (
                "antonym",
                "Give {p} {lvl} access to the {repo} repo",
                "Revoke {p}'s {lvl} access to the {repo} repo",
            ),
            (
                "antonym",
                "Please grant {p} {lvl} access to the {repo} repository",
                "Please remove {p}'s {lvl} access to the {repo} repository",
            ),
            ("scope", "Give {p} {lvl} access to the {repo} repo", "Give {p} {lvl} access to all repos"),
        ],
    },
    {
        "name": "report-rows",
        "slots": lambda r: {
            "n": r.choice([5, 10, 20, 50]),
            "t": r.choice(TABLES),
            "m": r.choice(MONTHS),
            "w": r.choice(["first", "last"]),
        },
        "ask": [
            "Show the {w} {n} {t} of {m}",
            "List the {w} {n} {t} from {m}",
            "What were the {w} {n} {t} in {m}?",
            "From {m}, show me the {w} {n} {t}",
        ],
        "neg": [
            ("scope", lambda r, s: {**s, "w": "last" if s["w"] == "first" else "first"}),
            ("number", lambda r, s: {**s, "n": _other(r, [5, 10, 20, 50, 100], s["n"])}),
            ("date", lambda r, s: {**s, "m": _other(r, MONTHS, s["m"])}),
            ("noun", lambda r, s: {**s, "t": _other(r, TABLES, s["t"])}),
        ],
        "alt": [("scope", "Show the {w} {n} {t} of {m}", "Show all {t} of {m}")],
    },
    {
        "name": "expense-policy",
        "slots": lambda r: {"role": r.choice(ROLES), "item": r.choice(ITEMS)},
        "ask": [
            "Can {role} expense {item}?",
            "Are {role} allowed to expense {item}?",
            "Is it ok for {role} to expense {item}?",
            "May {role} claim {item} as expenses?",
            "Expense policy: can {role} expense {item}?",
        ],
        "neg": [
            ("noun", lambda r, s: {**s, "role": _other(r, ROLES, s["role"])}),
            ("noun", lambda r, s: {**s, "item": _other(r, ITEMS, s["item"])}),
        ],
        "alt": [
            ("negation", "Can {role} expense {item}?", "Why can't {role} expense {item}?"),
            ("scope", "Can {role} expense {item}?", "Can all {role} expense {item}?"),
            ("modal", "Can {role} expense {item}?", "Must {role} expense {item}?"),
            ("modal", "Are {role} allowed to expense {item}?", "Are {role} required to expense {item}?"),
        ],
    },
    {
        "name": "meeting",
        "slots": lambda r: {
            "p": r.choice(PEOPLE),
            "day": r.choice(WEEKDAYS),
            "h": r.randint(8, 11),
            "ev": r.choice(["the board meeting", "the all-hands", "the launch", "the audit"]),
        },
        "ask": [
            "Schedule a meeting with {p} on {day} at {h} am, before {ev}",
            "Set up a meeting with {p} on {day} at {h} am before {ev}",
            "Book a meeting with {p} on {day} at {h}am, before {ev}",
            "Before {ev}, schedule a meeting with {p} on {day} at {h} am",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "p": _other(r, PEOPLE, s["p"])}),
            ("date", lambda r, s: {**s, "day": _other(r, WEEKDAYS, s["day"])}),
            ("number", lambda r, s: {**s, "h": s["h"] + 1}),
        ],
        "alt": [
            (
                "antonym",
                "Schedule a meeting with {p} on {day} at {h} am, before {ev}",
                "Schedule a meeting with {p} on {day} at {h} am, after {ev}",
            ),
            (
                "antonym",
                "Schedule a meeting with {p} on {day} at {h} am, before {ev}",
                "Cancel the meeting with {p} on {day} at {h} am, before {ev}",
            ),
            (
                "number",
                "Book a meeting with {p} on {day} at {h}am, before {ev}",
                "Book a meeting with {p} on {day} at {h}pm, before {ev}",
            ),
        ],
    },
    {
        "name": "shares",
        "slots": lambda r: {"c": r.choice(COMPANIES), "n": r.choice([100, 250, 500, 1000])},
        "ask": [
            "Should we buy {n} shares of {c}?",
            "Is it a good idea to buy {n} {c} shares?",
            "Should we purchase {n} shares in {c}?",
            "{c}: should we buy {n} shares?",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "c": _other(r, COMPANIES, s["c"])}),
            ("number", lambda r, s: {**s, "n": s["n"] * 2}),
        ],
        "alt": [
            ("antonym", "Should we buy {n} shares of {c}?", "Should we sell {n} shares of {c}?"),
            ("antonym", "Should we purchase {n} shares in {c}?", "Should we short {n} shares in {c}?"),
            ("negation", "Should we buy {n} shares of {c}?", "Shouldn't we buy {n} shares of {c}?"),
        ],
    },
    {
        "name": "sort",
        "slots": lambda r: {
            "t": r.choice(TABLES),
            "col": r.choice(COLUMNS),
            "o": r.choice(["ascending", "descending"]),
        },
        "ask": [
            "Sort the {t} by {col}, {o}",
            "Sort the {t} by {col} in {o} order",
            "Can you sort {t} by {col} ({o})?",
            "Order the {t} by {col}, {o}",
        ],
        "neg": [
            ("antonym", lambda r, s: {**s, "o": "descending" if s["o"] == "ascending" else "ascending"}),
            ("noun", lambda r, s: {**s, "col": _other(r, COLUMNS, s["col"])}),
            ("noun", lambda r, s: {**s, "t": _other(r, TABLES, s["t"])}),
        ],
        "alt": [("antonym", "Sort the {t} by {col}, {o}", "Filter the {t} by {col}, {o}")],
    },
    {
        "name": "status-negation",
        "slots": lambda r: {
            "t": r.choice(TABLES),
            "st": r.choice(["paid", "shipped", "approved", "assigned", "closed"]),
            "q": r.choice(QUARTERS),
        },
        "ask": [
            "Which {t} from {q} are {st}?",
            "List the {st} {t} from {q}",
            "Show me {st} {t} from {q}",
            "In {q}, which {t} were {st}?",
        ],
        "neg": [
            ("date", lambda r, s: {**s, "q": _other(r, QUARTERS, s["q"])}),
            (
                "noun",
                lambda r, s: {
                    **s,
                    "st": _other(r, ["paid", "shipped", "approved", "assigned", "closed"], s["st"]),
                },
            ),
        ],
        "alt": [
            ("negation", "Which {t} from {q} are {st}?", "Which {t} from {q} are not {st}?"),
            ("negation", "List the {st} {t} from {q}", "List the {t} from {q} that aren't {st}"),
            ("scope", "Which {t} from {q} are {st}?", "Are all {t} from {q} {st}?"),
            ("scope", "Which {t} from {q} are {st}?", "How many {t} from {q} are {st}?"),
        ],
    },
    {
        "name": "vacation",
        "slots": lambda r: {"role": r.choice(ROLES), "y": r.choice(["first", "second", "third"])},
        "ask": [
            "How many vacation days do {role} get in their {y} year?",
            "How much annual leave do {role} get in the {y} year?",
            "What's the PTO allowance for {role} in their {y} year?",
            "In their {y} year, how many vacation days do {role} get?",
        ],
        "neg": [
            ("number", lambda r, s: {**s, "y": _other(r, ["first", "second", "third", "fifth"], s["y"])}),
            ("noun", lambda r, s: {**s, "role": _other(r, ROLES, s["role"])}),
        ],
        "alt": [
            (
                "noun",
                "How many vacation days do {role} get in their {y} year?",
                "How many sick days do {role} get in their {y} year?",
            ),
            (
                "noun",
                "How many vacation days do {role} get in their {y} year?",
                "How many vacation days can {role} carry over in their {y} year?",
            ),
        ],
    },
    {
        "name": "device-network",
        "slots": lambda r: {"dev": r.choice(DEVICES), "net": r.choice(NETWORKS)},
        "ask": [
            "My {dev} won't connect to the {net}",
            "My {dev} can't connect to the {net}, what should I do?",
            "Why can't my {dev} connect to the {net}?",
            "{net} not working on my {dev}",
            "The {net} doesn't connect on my {dev}",
        ],
        "neg": [
            ("noun", lambda r, s: {**s, "dev": _other(r, DEVICES, s["dev"])}),
            ("noun", lambda r, s: {**s, "net": _other(r, NETWORKS, s["net"])}),
        ],
        "alt": [
            ("negation", "My {dev} won't connect to the {net}", "My {dev} will connect to the {net}"),
            (
                "antonym",
                "Why can't my {dev} connect to the {net}?",
                "Why can't my {dev} disconnect from the {net}?",
            ),
            ("noun", "My {dev} won't connect to the {net}", "My {dev} won't update on the {net}"),
        ],
    },
    {
        "name": "metrics",
        "slots": lambda r: {
            "mi": r.randrange(3),
            "reg": r.choice(REGIONS),
            "q": r.choice(QUARTERS),
            "y": r.choice([2023, 2024, 2025]),
        },
        "render": lambda s: {**s, "met": METRICS[s["mi"]][0], "anti": METRICS[s["mi"]][1]},
        "ask": [
            "What was the total {met} in {reg} in {q} {y}?",
            "Total {met} for {reg}, {q} {y}?",
            "Show me the {met} for {reg} in {q} {y}",
            "For {q} {y}, what was the {met} in {reg}?",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "reg": _other(r, REGIONS, s["reg"])}),
            ("date", lambda r, s: {**s, "q": _other(r, QUARTERS, s["q"])}),
            ("date", lambda r, s: {**s, "y": s["y"] - 1}),
        ],
        "alt": [
            (
                "antonym",
                "What was the total {met} in {reg} in {q} {y}?",
                "What was the total {anti} in {reg} in {q} {y}?",
            ),
            (
                "scope",
                "What was the total {met} in {reg} in {q} {y}?",
                "What was the average {met} in {reg} in {q} {y}?",
            ),
            (
                "format",
                "Show me the {met} for {reg} in {q} {y}",
                "Show me the {met} for {reg} in {q} {y} as a chart",
            ),
        ],
    },
    {
        "name": "reporting-line",
        "slots": lambda r: {"a": r.choice(TEAMS), "b": r.choice(TEAMS)},
        "ask": [
            "Does {a} report to {b}?",
            "Is {a} reporting to {b}?",
            "Does the {a} team report to {b}?",
            "Is {a} under {b} in the org chart?",
        ],
        "neg": [("swap", "a", "b"), ("entity", lambda r, s: {**s, "b": _other(r, TEAMS, s["b"])})],
        "alt": [("negation", "Does {a} report to {b}?", "Does {a} no longer report to {b}?")],
    },
    {
        "name": "code-convert",
        "slots": lambda r: {"x": r.choice(STRUCTS), "y": r.choice(STRUCTS), "lang": r.choice(PROG)},
        "ask": [
            "How do I convert a {x} to a {y} in {lang}?",
            "In {lang}, how can I turn a {x} into a {y}?",
            "Convert {x} to {y} in {lang}",
            "{lang}: {x} to {y} conversion?",
            "What's the way to convert a {x} into a {y} in {lang}?",
        ],
        "neg": [
            ("swap", "x", "y"),
            ("entity", lambda r, s: {**s, "lang": _other(r, PROG, s["lang"])}),
            ("noun", lambda r, s: {**s, "y": _other(r, STRUCTS, s["y"])}),
        ],
    },
    {
        "name": "compare-speed",
        "slots": lambda r: {"a": r.choice(PROG), "b": r.choice(PROG), "w": r.choice(["faster", "slower"])},
        "ask": [
            "Is {a} {w} than {b}?",
            "Is {a} {w} than {b} for web servers?",
            "{a} vs {b}: is {a} {w}?",
        ],
        "neg": [
            ("swap", "a", "b"),
            ("antonym", lambda r, s: {**s, "w": "slower" if s["w"] == "faster" else "faster"}),
        ],
        "alt": [("noun", "Is {a} {w} than {b}?", "Is {a} {w} to learn than {b}?")],
    },
    {
        "name": "with-without",
        "slots": lambda r: {
            "who": r.choice(["employees", "visitors", "contractors"]),
            "thing": r.choice(["a badge", "a laptop", "a parking permit", "a signed NDA"]),
        },
        "ask": [
            "List all {who} with {thing}",
            "Which {who} have {thing}?",
            "Show every one of the {who} who has {thing}",
            "Give me a list of {who} with {thing}",
        ],
        "neg": [
            (
                "noun",
                lambda r, s: {
                    **s,
                    "thing": _other(
                        r, ["a badge", "a laptop", "a parking permit", "a signed NDA"], s["thing"]
                    ),
                },
            )
        ],
        "alt": [
            ("negation", "List all {who} with {thing}", "List all {who} without {thing}"),
            ("negation", "Which {who} have {thing}?", "Which {who} don't have {thing}?"),
            ("scope", "List all {who} with {thing}", "List some {who} with {thing}"),
            ("scope", "Which {who} have {thing}?", "Do any {who} have {thing}?"),
        ],
    },
    {
        "name": "timezone",
        "slots": lambda r: {
            "a": r.choice(CITIES),
            "b": r.choice(CITIES),
            "h": r.randint(1, 11),
            "ap": r.choice(["am", "pm"]),
        },
        "ask": [
            "What time is it in {b} when it's {h} {ap} in {a}?",
            "When it is {h}{ap} in {a}, what time is it in {b}?",
            "If it's {h} {ap} in {a}, what's the time in {b}?",
            "{h} {ap} in {a} is what time in {b}?",
        ],
        "neg": [
            ("swap", "a", "b"),
            ("number", lambda r, s: {**s, "h": s["h"] + 1}),
            ("number", lambda r, s: {**s, "ap": "pm" if s["ap"] == "am" else "am"}),
            ("entity", lambda r, s: {**s, "b": _other(r, CITIES, s["b"])}),
        ],
    },
    {
        "name": "import-export",
        "slots": lambda r: {
            "app": r.choice(APPS),
            "what": r.choice(["contacts", "calendar events", "tasks", "notes"]),
        },
        "ask": [
            "How do I import {what} into {app}?",
            "How can I import my {what} into {app}?",
            "Importing {what} into {app}: how does it work?",
            "What are the steps to import {what} into {app}?",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "app": _other(r, APPS, s["app"])}),
            (
                "noun",
                lambda r, s: {
                    **s,
                    "what": _other(r, ["contacts", "calendar events", "tasks", "notes"], s["what"]),
                },
            ),
        ],
        "alt": [
            ("antonym", "How do I import {what} into {app}?", "How do I export {what} from {app}?"),
            ("antonym", "How can I import my {what} into {app}?", "How can I delete my {what} from {app}?"),
            ("scope", "How do I import {what} into {app}?", "How do I import only some {what} into {app}?"),
        ],
    },
    {
        "name": "office-closure",
        "slots": lambda r: {"o": r.choice(OFFICES), "hol": r.choice(HOLIDAYS)},
        "ask": [
            "Are all our {o} closed on {hol}?",
            "Do all {o} close on {hol}?",
            "On {hol}, are all the {o} closed?",
            "Is every one of our {o} closed on {hol}?",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "hol": _other(r, HOLIDAYS, s["hol"])}),
            ("noun", lambda r, s: {**s, "o": _other(r, OFFICES, s["o"])}),
        ],
        "alt": [
            ("scope", "Are all our {o} closed on {hol}?", "Are some of our {o} closed on {hol}?"),
            ("scope", "Do all {o} close on {hol}?", "Do any {o} close on {hol}?"),
            ("antonym", "Are all our {o} closed on {hol}?", "Are all our {o} open on {hol}?"),
            ("negation", "Do all {o} close on {hol}?", "Do all {o} not close on {hol}?"),
            ("scope", "Do all {o} close on {hol}?", "Do all {o} close early on {hol}?"),
        ],
    },
    {
        "name": "deadline",
        "slots": lambda r: {
            "what": r.choice(
                ["tax filing", "budget submission", "performance review", "timesheet", "expense report"]
            ),
            "q": r.choice(QUARTERS),
            "y": r.choice([2025, 2026]),
        },
        "ask": [
            "When is the deadline for the {q} {y} {what}?",
            "What's the deadline for the {q} {y} {what}?",
            "For the {q} {y} {what}, when is the deadline?",
            "{q} {y} {what} deadline?",
            "By when is the {q} {y} {what} due?",
        ],
        "neg": [
            ("date", lambda r, s: {**s, "q": _other(r, QUARTERS, s["q"])}),
            ("date", lambda r, s: {**s, "y": s["y"] + 1}),
            (
                "noun",
                lambda r, s: {
                    **s,
                    "what": _other(
                        r,
                        [
                            "tax filing",
                            "budget submission",
                            "performance review",
                            "timesheet",
                            "expense report",
                        ],
                        s["what"],
                    ),
                },
            ),
        ],
        "alt": [
            (
                "scope",
                "When is the deadline for the {q} {y} {what}?",
                "When is the last deadline for the {q} {y} {what}?",
            ),
            (
                "noun",
                "When is the deadline for the {q} {y} {what}?",
                "Who is responsible for the {q} {y} {what}?",
            ),
        ],
    },
    {
        "name": "email-draft",
        "slots": lambda r: {
            "p": r.choice(PEOPLE),
            "what": r.choice(["job offer", "meeting invite", "vendor proposal", "budget request"]),
        },
        "ask": [
            "Write an email to {p} accepting the {what}",
            "Draft an email to {p} accepting the {what}",
            "Can you write {p} an email accepting the {what}?",
            "Please draft a reply to {p} that accepts the {what}",
        ],
        "neg": [
            ("entity", lambda r, s: {**s, "p": _other(r, PEOPLE, s["p"])}),
            (
                "noun",
                lambda r, s: {
                    **s,
                    "what": _other(
                        r, ["job offer", "meeting invite", "vendor proposal", "budget request"], s["what"]
                    ),
                },
            ),
        ],
        "alt": [
            (
                "antonym",
                "Write an email to {p} accepting the {what}",
                "Write an email to {p} declining the {what}",
            ),
            (
                "format",
                "Write an email to {p} accepting the {what}",
                "Write a short email to {p} accepting the {what}",
            ),
            (
                "format",
                "Draft an email to {p} accepting the {what}",
                "Draft an email to {p} accepting the {what} in German",
            ),
            (
                "format",
                "Write an email to {p} accepting the {what}",
                "Write a Slack message to {p} accepting the {what}",
            ),
        ],
    },
    {
        "name": "password",
        "slots": lambda r: {"sys": r.choice([*APPS, "the VPN", "my laptop", "the HR portal"])},
        "ask": [
            "How do I reset my password for {sys}?",
            "How can I reset my {sys} password?",
            "I forgot my {sys} password, how do I reset it?",
            "Reset password for {sys} - how?",
            "How to reset the password for {sys}?",
        ],
        "neg": [
            (
                "entity",
                lambda r, s: {
                    **s,
                    "sys": _other(r, [*APPS, "the VPN", "my laptop", "the HR portal"], s["sys"]),
                },
            )
        ],
        "alt": [
            ("antonym", "How do I reset my password for {sys}?", "How do I lock my password for {sys}?"),
            ("noun", "How do I reset my password for {sys}?", "How do I reset my username for {sys}?"),
            ("noun", "How do I reset my password for {sys}?", "How do I change my password for {sys}?"),
            (
                "scope",
                "How do I reset my password for {sys}?",
                "How do I reset everyone's password for {sys}?",
            ),
            (
                "modal",
                "How do I reset my password for {sys}?",
                "Why do I need to reset my password for {sys}?",
            ),
        ],
    },
    {
        "name": "shipping-weight",
        "slots": lambda r: {
            "n": r.choice([2, 5, 10, 25]),
            "u": r.choice(["kg", "lb"]),
            "c": r.choice(CITIES),
        },
        "ask": [
            "How much does it cost to ship a {n} {u} parcel to {c}?",
            "What's the shipping cost for a {n} {u} package to {c}?",
            "Shipping a {n}{u} parcel to {c}: how much?",
            "Cost to ship {n} {u} to {c}?",
        ],
        "neg": [
            ("unit", lambda r, s: {**s, "u": "lb" if s["u"] == "kg" else "kg"}),
            ("number", lambda r, s: {**s, "n": s["n"] * 2}),
            ("entity", lambda r, s: {**s, "c": _other(r, CITIES, s["c"])}),
        ],
        "alt": [
            (
                "antonym",
                "How much does it cost to ship a {n} {u} parcel to {c}?",
                "How much does it cost to ship a {n} {u} parcel from {c}?",
            )
        ],
    },
]

POLITE = ["", "", "", "Please, ", "Hi, ", "Hey - ", "Quick question: "]
TAILS = ["", "", "", " thanks", " Thank you!", " please"]


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha() and w.islower()]
    if not spots:
        return text
    i = rng.choice(spots)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    swapped = rng.random() < 0.5
    # Two letters swapped, or a letter dropped.
    w = w[:j] + w[j + 1] + w[j] + w[j + 2 :] if swapped else w[:j] + w[j + 1 :]
    words[i] = w
    return " ".join(words)


def _dress(rng: random.Random, text: str) -> str:
    """Politeness, casing and typos that do not change the question."""
    roll = rng.random()
    if roll < 0.25:
        text = _typo(rng, text)
    elif roll < 0.35:
        text = text.lower()
    prefix, tail = rng.choice(POLITE), rng.choice(TAILS)
    if prefix and text[0].isupper() and text.split(" ")[0] not in {"I"} and not text.split(" ")[0].isupper():
        text = text[0].lower() + text[1:]
    return prefix + text + tail


def _fill(family: dict[str, Any], template: str, slots: dict[str, Any]) -> str:
    render = family.get("render")
    values = render(slots) if render else slots
    return template.format(**values)


def _valid(slots: dict[str, Any]) -> bool:
    return not ("a" in slots and "b" in slots and slots["a"] == slots["b"]) and not (
        "x" in slots and "y" in slots and slots["x"] == slots["y"]
    )


def make(seed: int = 2026, per_family: int = 90) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for index, family in enumerate(FAMILIES):
        seen: set[tuple[str, str]] = set()
        attempts = 0
        made = 0
        while made < per_family and attempts < per_family * 20:
            attempts += 1
            slots = family["slots"](rng)
            if not _valid(slots):
                continue
            first, second = rng.sample(family["ask"], 2)
            a = _fill(family, first, slots)
            b = _dress(rng, _fill(family, second, slots))
            if (a, b) in seen:
                continue
            seen.add((a, b))
            made += 1
            rows.append(
                {
                    "family": family["name"],
                    "family_index": index,
                    "kind": "paraphrase",
                    "a": a,
                    "b": b,
                    "same": True,
                }
            )
            # Two hard negatives for each paraphrase: one changed slot, or one changed word.
            for _ in range(2):
                options = list(family["neg"]) + list(family.get("alt", []))
                choice = rng.choice(options)
                if choice[0] == "swap" and len(choice) == 3 and choice[2] is None:
                    changed = {**slots, choice[1]: not slots[choice[1]]}
                    kind = "swap"
                    nb = _fill(family, rng.choice(family["ask"]), changed)
                elif choice[0] == "swap":
                    changed = {**slots, choice[1]: slots[choice[2]], choice[2]: slots[choice[1]]}
                    kind = "swap"
                    nb = _fill(family, rng.choice(family["ask"]), changed)
                elif callable(choice[1]):
                    changed = choice[1](rng, slots)
                    kind = choice[0]
                    nb = _fill(family, rng.choice(family["ask"]), changed)
                else:
                    kind = choice[0]
                    a, nb = _fill(family, choice[1], slots), _fill(family, choice[2], slots)
                nb = _dress(rng, nb)
                if nb == a or (a, nb) in seen:
                    continue
                seen.add((a, nb))
                rows.append(
                    {
                        "family": family["name"],
                        "family_index": index,
                        "kind": kind,
                        "a": a,
                        "b": nb,
                        "same": False,
                    }
                )
    return rows


def main() -> None:
    rows = make()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    positives = sum(r["same"] for r in rows)
    print(f"{len(rows)} pairs ({positives} paraphrases, {len(rows) - positives} hard negatives) -> {OUT}")


if __name__ == "__main__":
    main()
