"""Write the second blind pair set for the semantic cache (issue 16).

Stdlib only and seeded: the same seed and size write the same file byte for byte.

    python bench/cache/blind2/make_pairs.py            # writes pairs.jsonl next to this file
    python bench/cache/blind2/make_pairs.py --check    # regenerates in memory, compares
    python bench/cache/blind2/make_pairs.py --seed 3 --per-family 150 --out /tmp/p.jsonl

Each family is one kind of request with four or five templates (rewordings that name every
slot) and slots (the facts of the request). A slot value is a list of surface forms that mean
exactly the same thing, or a dict of such lists keyed by grammatical form. Forms may name other
slots ("Q3 {year}"). A slot's ``kind`` names the hard negative that changing it makes; ``pairs``
restricts the changes to listed value pairs, each with its own kind. README.md has the rules.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "pairs.jsonl"
DEFAULT_SEED = 1602
DEFAULT_PER_FAMILY = 104
POSITIVE_SHARE = 0.45

V = dict  # a value with grammatical forms: V(n=[...], adj=[...])

FAMILIES: list[dict[str, Any]] = [
    {
        "name": "lab_reference_range",
        "domain": "hospital",
        "templates": [
            "q|What is the {bound} for {analyte} in {pop}, in {unit}?",
            "i|Give me the {analyte} {bound} for {pop} ({unit}).",
            "q|In {unit}, what {bound} do we use for {analyte} in {pop}?",
            "t|{analyte} {bound} for {pop}, units {unit}.",
            "q|For {pop}, what's the {bound} of {analyte} expressed in {unit}?",
        ],
        "slots": {
            "analyte": {
                "kind": "entity",
                "values": [
                    ["potassium", "serum potassium"],
                    ["sodium", "serum sodium"],
                    ["fasting glucose", "fasting blood glucose"],
                    ["calcium", "serum calcium"],
                    ["magnesium", "serum magnesium"],
                ],
            },
            "bound": {
                "kind": None,
                "values": [["normal range", "reference range", "reference interval"]],
            },
            "pop": {
                "kind": "population",
                "values": [
                    ["adults", "adult patients"],
                    ["children", "paediatric patients", "pediatric patients"],
                    ["pregnant women", "pregnant patients"],
                    ["neonates", "newborns"],
                ],
            },
            "unit": {
                "kind": "unit",
                "values": [
                    ["mmol/L", "millimoles per litre", "mmol/l"],
                    ["mg/dL", "milligrams per decilitre", "mg/dl"],
                ],
            },
        },
    },
    {
        "name": "drug_interaction_check",
        "domain": "hospital",
        "templates": [
            "q|Is it safe to give {drug1} together with {drug2} to {pat}?",
            "q|Can {pat} take {drug1} and {drug2} at the same time?",
            "q|Is there an interaction between {drug1} and {drug2} in {pat}?",
            "i|Check the interaction of {drug1} with {drug2} for {pat}.",
            "t|{drug1} plus {drug2} in {pat} - any interaction to worry about?",
        ],
        "symmetric": [("drug1", "drug2")],
        "slots": {
            "drug1": {"kind": "entity", "values": "DRUGS"},
            "drug2": {"kind": "entity", "values": "DRUGS"},
            "pat": {
                "kind": "population",
                "values": [
                    ["a pregnant patient", "a patient who is pregnant"],
                    ["a child", "a paediatric patient"],
                    ["a patient with kidney failure", "a patient with renal failure"],
                    ["a breastfeeding mother", "a mother who is breastfeeding"],
                ],
            },
        },
    },
    {
        "name": "discharge_instructions",
        "domain": "hospital",
        "templates": [
            "i|Write discharge instructions {lang} for {aud} after {proc}, {fmt:as}.",
            "i|Draft discharge advice following {proc}, addressed to {aud}, {fmt:as}, {lang}.",
            "q|Can you prepare {fmt:noun} of discharge instructions for {aud} after {proc}, written {lang}?",
            "t|Discharge instructions needed: {proc}; for {aud}; {fmt:as}; {lang}.",
        ],
        "slots": {
            "proc": {
                "kind": "entity",
                "values": [
                    ["a hip replacement", "hip replacement surgery"],
                    ["a knee arthroscopy", "knee arthroscopy"],
                    ["an appendectomy", "an appendicectomy", "appendix removal surgery"],
                    ["cataract surgery", "a cataract operation"],
                    ["a caesarean section", "a C-section", "a cesarean section"],
                ],
            },
            "aud": {
                "kind": "audience",
                "values": [
                    ["the patient", "the patient themselves"],
                    ["the patient's carer", "the patient's caregiver"],
                    ["the patient's GP", "the patient's family doctor"],
                ],
            },
            "lang": {
                "kind": "language",
                "values": [
                    ["in plain English", "in simple English"],
                    ["in Polish"],
                    ["in Arabic"],
                    ["in Portuguese"],
                ],
            },
            "fmt": {
                "kind": "format",
                "values": [
                    V(
                        **{"as": ["as a numbered checklist", "as a numbered list"]},
                        noun=["a numbered checklist", "a numbered list"],
                    ),
                    V(
                        **{"as": ["as a short letter", "as a brief letter"]},
                        noun=["a short letter", "a brief letter"],
                    ),
                    V(**{"as": ["as a table", "in table form"]}, noun=["a table"]),
                ],
            },
        },
    },
    {
        "name": "vaccine_schedule",
        "domain": "hospital",
        "templates": [
            "q|At what age should children get the {dose} dose of the {vac} {country}?",
            "q|When is the {dose} {vac} dose given to children {country}?",
            "i|Tell me the recommended age for the {dose} dose of {vac} {country}.",
            "q|{country}, at what age do kids receive their {dose} {vac} dose?",
        ],
        "slots": {
            "dose": {
                "kind": "number",
                "values": [["first", "1st"], ["second", "2nd"], ["third", "3rd"]],
            },
            "vac": {
                "kind": "entity",
                "values": [
                    ["MMR vaccine", "measles, mumps and rubella vaccine"],
                    ["HPV vaccine", "human papillomavirus vaccine"],
                    ["hepatitis B vaccine", "hep B vaccine"],
                    ["pneumococcal vaccine", "PCV vaccine"],
                ],
            },
            "country": {
                "kind": "entity",
                "values": [
                    ["in the UK", "in the United Kingdom"],
                    ["in Germany"],
                    ["in Canada"],
                    ["in Australia"],
                ],
            },
        },
    },
    {
        "name": "card_spending_limit",
        "domain": "bank",
        "templates": [
            "q|What is the {period:adj} {chan} limit on a {tier} {ctype} card?",
            "q|How much can I spend {period:per} through {chan:pl} with a {tier} {ctype} card?",
            "i|Tell me the {chan} limit {period:per} for {tier} {ctype} cards.",
            "t|{tier} {ctype} card: what's the {chan} limit {period:per}?",
            "q|Is there a {period:adj} limit on {chan:pl} for the {tier} {ctype} card, and how much is it?",
        ],
        "slots": {
            "period": {
                "kind": "time_frame",
                "values": [
                    V(adj=["daily"], per=["per day", "a day"]),
                    V(adj=["weekly"], per=["per week", "a week"]),
                    V(adj=["monthly"], per=["per month", "a month"]),
                ],
            },
            "chan": {
                "kind": "entity",
                "values": [
                    V(n=["cash withdrawal", "ATM withdrawal"], pl=["cash withdrawals", "ATM withdrawals"]),
                    V(
                        n=["contactless payment", "tap-to-pay"],
                        pl=["contactless payments", "tap-to-pay payments"],
                    ),
                    V(n=["online purchase", "online shopping"], pl=["online purchases"]),
                ],
            },
            "tier": {
                "kind": "system",
                "values": [["Standard"], ["Gold"], ["Platinum"]],
            },
            "ctype": {
                "kind": "antonym",
                "values": [["debit"], ["credit"]],
            },
        },
    },
    {
        "name": "mortgage_repayment_calc",
        "domain": "bank",
        "templates": [
            "i|Calculate the monthly payment on a {amt} {cur} {mtype} mortgage over {term} at {rate}.",
            "q|What would the monthly repayments be on {mtype:a} mortgage of {amt} {cur} at {rate} over {term}?",
            "t|{amt} {cur} mortgage, {rate} interest, {term}, {mtype} - what's the monthly payment?",
            "i|Work out the monthly instalment for borrowing {amt} {cur} over {term} at {rate}, {mtype} basis.",
        ],
        "slots": {
            "amt": {
                "kind": "number",
                "values": [
                    ["250,000", "250000", "250k", "250 000"],
                    ["200,000", "200000", "200k"],
                    ["300,000", "300000", "300k"],
                    ["350,000", "350000", "350k"],
                ],
            },
            "cur": {
                "kind": "currency",
                "values": [
                    ["EUR", "euro"],
                    ["GBP", "sterling"],
                    ["USD", "US dollar"],
                    ["CHF", "Swiss franc"],
                ],
            },
            "term": {
                "kind": "number",
                "values": [
                    ["25 years", "twenty-five years", "300 months"],
                    ["30 years", "thirty years", "360 months"],
                    ["20 years", "twenty years", "240 months"],
                ],
            },
            "rate": {
                "kind": "number",
                "values": [
                    ["4.5%", "4.5 percent", "4.50%"],
                    ["3.9%", "3.9 percent", "3.90%"],
                    ["5.25%", "5.25 percent"],
                    ["4.15%", "4.15 percent"],
                ],
            },
            "mtype": {
                "kind": "modifier",
                "values": [
                    V(n=["repayment", "capital-and-interest"], a=["a repayment", "a capital-and-interest"]),
                    V(n=["interest-only"], a=["an interest-only"]),
                ],
            },
        },
    },
    {
        "name": "business_account_kyc",
        "domain": "bank",
        "templates": [
            "q|Which documents does a {cust} need to open a {acct} if they are {res:pred}?",
            "q|What paperwork is required from a {cust} who is {res:pred} to open a {acct}?",
            "i|List the KYC documents for a {res:adj} {cust} opening a {acct}.",
            "t|{acct} for a {cust} that is {res:pred}: what documents do we need?",
        ],
        "slots": {
            "cust": {
                "kind": "entity",
                "values": [["sole trader"], ["limited company"], ["partnership"], ["charity"]],
            },
            "res": {
                "kind": "negation",
                "values": [
                    V(pred=["resident in the UK", "UK resident"], adj=["UK-resident"]),
                    V(pred=["not resident in the UK", "not UK resident"], adj=["non-UK-resident"]),
                ],
            },
            "acct": {
                "kind": "entity",
                "values": [
                    ["business current account", "business checking account"],
                    ["business savings account", "business deposit account"],
                ],
            },
        },
    },
    {
        "name": "limitation_period",
        "domain": "law",
        "templates": [
            "q|What is the limitation period for a {claim} claim in {jur} brought by {who}?",
            "q|How long does {who} have to bring a {claim} claim in {jur}?",
            "t|Limitation period: {claim} claim, {jur}, {who}.",
            "q|In {jur}, when does the time limit expire for {who} bringing a {claim} claim?",
        ],
        "slots": {
            "claim": {
                "kind": "entity",
                "values": [
                    ["breach of contract", "contract breach"],
                    ["personal injury", "PI"],
                    ["defamation"],
                    ["professional negligence"],
                ],
            },
            "jur": {
                "kind": "entity",
                "values": [["England and Wales", "England & Wales"], ["Scotland"], ["Northern Ireland"]],
            },
            "who": {
                "kind": "population",
                "values": [
                    ["an adult claimant", "a claimant who is an adult"],
                    ["a child claimant", "a claimant who is a minor", "a claimant under 18"],
                ],
            },
        },
    },
    {
        "name": "case_summary",
        "domain": "law",
        "templates": [
            "i|Summarise {p1} {vs} {p2} in {len} for {aud}, focusing on {focus}.",
            "i|Give {aud} a summary of {focus} in {p1} {vs} {p2}, {len} long.",
            "q|Can you write up {focus} of {p1} {vs} {p2} for {aud}? Keep it to {len}.",
            "t|{p1} {vs} {p2}: {focus}, summarised for {aud} in {len}.",
        ],
        "swaps": [("p1", "p2")],
        "slots": {
            "p1": {"kind": "entity", "values": "PARTIES"},
            "p2": {"kind": "entity", "values": "PARTIES"},
            "vs": {"kind": None, "values": [["v", "v.", "vs", "vs."]]},
            "len": {
                "kind": "number",
                "values": [
                    ["200 words", "two hundred words"],
                    ["500 words", "five hundred words"],
                    ["100 words", "one hundred words"],
                ],
            },
            "aud": {
                "kind": "audience",
                "values": [
                    ["the client", "our client"],
                    ["a trainee solicitor", "a trainee"],
                    ["the supervising partner", "the partner"],
                ],
            },
            "focus": {
                "kind": "scope",
                "values": [
                    ["the court's reasoning", "the reasoning of the court"],
                    ["the facts", "the background facts"],
                    ["the dissenting judgment", "the dissent"],
                ],
            },
        },
    },
    {
        "name": "nda_drafting",
        "domain": "law",
        "templates": [
            "i|Draft a {mut} NDA with {cp}, governed by {law}, with confidentiality lasting {term}.",
            "i|Write a {mut} non-disclosure agreement for use with {cp}; confidentiality period {term}; governing law {law}.",
            "q|Could we get a {mut} confidentiality agreement for {cp} under {law}, with obligations running for {term}?",
            "t|{mut} NDA, counterparty {cp}, {law}, term {term}.",
        ],
        "slots": {
            "mut": {"kind": "modifier", "values": [["mutual", "two-way"], ["one-way", "unilateral"]]},
            "cp": {
                "kind": "entity",
                "values": [
                    ["a software vendor", "a software supplier"],
                    ["a recruitment agency", "a recruiting agency"],
                    ["a potential investor", "a prospective investor"],
                    ["a university research partner"],
                ],
            },
            "law": {
                "kind": "entity",
                "values": [
                    ["English law", "the laws of England and Wales"],
                    ["Irish law", "the laws of Ireland"],
                    ["New York law", "the laws of New York"],
                ],
            },
            "term": {
                "kind": "number",
                "values": [
                    ["three years", "3 years", "36 months"],
                    ["five years", "5 years", "60 months"],
                    ["two years", "2 years", "24 months"],
                ],
            },
        },
    },
    {
        "name": "resignation_notice",
        "domain": "hr",
        "templates": [
            "q|What notice period applies when an employee on {contract} {who} {stage}?",
            "q|If someone on {contract} {who} {stage}, how much notice is required?",
            "q|Notice period for an employee with {contract} who {who} {stage}?",
            "i|Tell me the notice required when a staff member on {contract} {who} {stage}.",
        ],
        "slots": {
            "who": {
                "kind": "role",
                "values": [
                    ["resigns", "hands in their notice", "quits"],
                    ["is dismissed", "is let go by the company"],
                ],
            },
            "stage": {
                "kind": "antonym",
                "values": [
                    ["during probation", "while still on probation", "during their probationary period"],
                    ["after probation", "once probation has ended", "after passing probation"],
                ],
            },
            "contract": {
                "kind": "modifier",
                "values": [
                    ["a permanent contract", "a permanent employment contract"],
                    ["a fixed-term contract", "a fixed term contract"],
                    ["a zero-hours contract", "a zero hours contract"],
                ],
            },
        },
    },
    {
        "name": "job_advert",
        "domain": "hr",
        "templates": [
            "i|Write a job advert for a {sen} {role}, {mode}, salary {sal} {cur}.",
            "i|Draft a job posting: {sen} {role}, {mode}, paying {sal} {cur}.",
            "q|Can you put together a job ad for a {sen} {role} position ({mode}) with a salary of {sal} {cur}?",
            "t|Job ad needed - {sen} {role}; {mode}; {sal} {cur}.",
        ],
        "slots": {
            "sen": {"kind": "modifier", "values": [["senior"], ["junior"], ["mid-level"]]},
            "role": {
                "kind": "entity",
                "values": [["data engineer"], ["payroll administrator"], ["staff nurse"], ["paralegal"]],
            },
            "mode": {
                "kind": "modifier",
                "values": [["fully remote", "100% remote"], ["hybrid"], ["office-based", "on-site"]],
            },
            "sal": {
                "kind": "number",
                "values": [
                    ["45,000-55,000", "45k-55k", "45,000 to 55,000"],
                    ["60,000-70,000", "60k-70k", "60,000 to 70,000"],
                    ["35,000-40,000", "35k-40k", "35,000 to 40,000"],
                ],
            },
            "cur": {"kind": "currency", "values": [["GBP"], ["EUR", "euros"], ["USD", "US dollars"]]},
        },
    },
    {
        "name": "interview_questions",
        "domain": "hr",
        "templates": [
            "i|Give me {n} interview questions for a {sen} {role}, focusing on {focus}.",
            "q|What are {n} good interview questions about {focus} for a {sen} {role}?",
            "i|List {n} interview questions on {focus} for a {sen} {role} candidate.",
            "q|Can you suggest {n} questions to ask a {sen} {role} in an interview, on {focus}?",
        ],
        "slots": {
            "n": {
                "kind": "number",
                "values": [["10", "ten"], ["5", "five"], ["15", "fifteen"], ["8", "eight"]],
            },
            "sen": {"kind": "modifier", "values": [["senior"], ["junior"], ["graduate"]]},
            "role": {
                "kind": "entity",
                "values": [
                    ["accountant"],
                    ["HR business partner"],
                    ["helpdesk technician"],
                    ["project manager"],
                ],
            },
            "focus": {
                "kind": "scope",
                "values": [
                    ["technical skills"],
                    ["behavioural competencies", "behavioral competencies"],
                    ["leadership"],
                    ["teamwork"],
                ],
            },
        },
    },
    {
        "name": "record_retention",
        "domain": "compliance",
        "templates": [
            "q|Under our policy, what is the {bound} retention period for {rec} {jur}?",
            "i|Tell me the {bound} retention period for {rec} {jur}.",
            "t|{rec} {jur}: what's the {bound} retention period?",
            "q|How long is the {bound} retention period for {rec} {jur}?",
        ],
        "slots": {
            "bound": {
                "kind": "antonym",
                "values": [["minimum", "shortest allowed"], ["maximum", "longest allowed"]],
            },
            "rec": {
                "kind": "entity",
                "values": [
                    ["payroll records", "payroll data"],
                    ["CCTV footage", "CCTV recordings"],
                    ["CVs of rejected candidates", "rejected applicants' CVs"],
                    ["signed customer contracts"],
                    ["employee sickness records", "staff sickness records"],
                ],
            },
            "jur": {
                "kind": "entity",
                "values": [
                    ["in the UK", "under UK rules"],
                    ["in France", "under French rules"],
                    ["in Germany", "under German rules"],
                ],
            },
        },
    },
    {
        "name": "gift_policy",
        "domain": "compliance",
        "templates": [
            "q|Is an employee allowed to {act} {cp} {val}?",
            "q|Can an employee {act} {cp} if it is {val}?",
            "q|Is it within policy for an employee to {act} {cp} {val}?",
            "t|Gift policy check: employee wants to {act} {cp}, {val}.",
        ],
        "slots": {
            "val": {
                "kind": "comparative",
                "values": [
                    ["worth {amt} {cur}", "valued at {amt} {cur}"],
                    ["worth more than {amt} {cur}", "valued at over {amt} {cur}", "worth over {amt} {cur}"],
                    ["worth less than {amt} {cur}", "valued at under {amt} {cur}", "worth under {amt} {cur}"],
                ],
            },
            "act": {
                "kind": "antonym",
                "values": [
                    ["accept a gift from", "receive a gift from"],
                    ["give a gift to", "offer a gift to"],
                ],
            },
            "cp": {
                "kind": "entity",
                "values": [
                    ["a supplier", "a vendor"],
                    ["a client", "a customer"],
                    ["a public official", "a government official"],
                ],
            },
            "amt": {
                "kind": "number",
                "values": [
                    ["50", "fifty"],
                    ["150", "one hundred and fifty"],
                    ["500", "five hundred"],
                    ["25", "twenty-five"],
                ],
            },
            "cur": {
                "kind": "currency",
                "values": [["euros", "EUR"], ["pounds", "GBP"], ["US dollars", "USD"]],
            },
        },
    },
    {
        "name": "breach_notification",
        "domain": "compliance",
        "templates": [
            "q|How many hours do we have to notify {rcpt} about {inc} {law}?",
            "q|What's the deadline for telling {rcpt} about {inc} {law}?",
            "i|Give me the notification deadline to {rcpt} for {inc} {law}.",
            "q|{law}, how quickly must {rcpt} be informed of {inc}?",
        ],
        "slots": {
            "rcpt": {
                "kind": "audience",
                "values": [
                    ["the regulator", "the supervisory authority"],
                    ["the affected customers", "the customers affected"],
                    ["our insurer", "the company's insurer"],
                ],
            },
            "inc": {
                "kind": "entity",
                "values": [
                    ["a personal data breach", "a breach of personal data"],
                    ["a ransomware attack"],
                    ["a lost company laptop", "the loss of a company laptop"],
                ],
            },
            "law": {
                "kind": "entity",
                "values": [
                    ["under GDPR", "under the GDPR"],
                    ["under HIPAA"],
                    ["under NIS2", "under the NIS2 directive"],
                ],
            },
        },
    },
    {
        "name": "shell_find_files",
        "domain": "it_helpdesk",
        "templates": [
            "q|How do I find all files {cmp} {size} {unit} modified {when} {os}?",
            "t|Command to list files {cmp} {size} {unit} that were changed {when}, {os}.",
            "q|What's the command {os} to find files {cmp} {size} {unit} modified {when}?",
            "t|{os}: find files modified {when} and {cmp} {size} {unit}.",
        ],
        "slots": {
            "cmp": {
                "kind": "comparative",
                "values": [["larger than", "bigger than", "over"], ["smaller than", "under", "less than"]],
            },
            "size": {"kind": "number", "values": [["100"], ["500"], ["10"], ["250"]]},
            "unit": {
                "kind": "unit",
                "values": [["MB", "megabytes"], ["GB", "gigabytes"], ["KB", "kilobytes"]],
            },
            "when": {
                "kind": None,
                "values": [
                    [
                        "in the last 7 days",
                        "within the past 7 days",
                        "in the last seven days",
                        "in the past week",
                    ],
                    ["in the last 30 days", "within the past 30 days", "in the last thirty days"],
                    ["more than 7 days ago", "over seven days ago", "more than a week ago"],
                    ["in the last 24 hours", "within the past 24 hours"],
                ],
                "pairs": [(0, 1, "number"), (0, 3, "number"), (1, 3, "number"), (0, 2, "time_frame")],
            },
            "os": {
                "kind": "system",
                "values": [
                    ["on Linux", "in Linux", "on a Linux box"],
                    ["in PowerShell", "with PowerShell", "using PowerShell"],
                    ["on macOS", "on a Mac"],
                ],
            },
        },
    },
    {
        "name": "git_undo_commit",
        "domain": "code_help",
        "templates": [
            "q|How do I undo {count} {pushed} but {keep:v}?",
            "q|In git, how can I undo {count} {pushed} while {keep:ger}?",
            "t|Git: undo {count} {pushed}, {keep:ger}.",
            "q|What git command undoes {count} {pushed} and lets me {keep:v}?",
        ],
        "slots": {
            "count": {
                "kind": "number",
                "values": [
                    ["the last commit", "my last commit", "the most recent commit"],
                    ["the last 3 commits", "the last three commits", "my last 3 commits"],
                    ["the last 2 commits", "the last two commits", "my last two commits"],
                ],
            },
            "pushed": {
                "kind": "negation",
                "values": [
                    [
                        "that I have already pushed",
                        "that I've already pushed",
                        "already pushed to the remote",
                    ],
                    [
                        "that I have not pushed yet",
                        "that I haven't pushed yet",
                        "not yet pushed to the remote",
                    ],
                ],
            },
            "keep": {
                "kind": "antonym",
                "values": [
                    V(
                        v=["keep the changes", "keep my changes"],
                        ger=["keeping the changes", "keeping my changes"],
                    ),
                    V(
                        v=["discard the changes", "throw away the changes"],
                        ger=["discarding the changes", "throwing away the changes"],
                    ),
                ],
            },
        },
    },
    {
        "name": "http_error_fix",
        "domain": "it_helpdesk",
        "templates": [
            "q|Why am I getting HTTP {code} {scope} on {srv}, and how do I fix it?",
            "q|What's causing a {code} error {scope} with {srv}, and how do I fix it?",
            "i|Explain the cause of HTTP {code} {scope} on {srv} and how to fix it.",
            "t|{srv} returns {code} {scope}; what's the cause and how do I resolve it?",
        ],
        "slots": {
            "code": {
                "kind": "number",
                "values": [
                    ["403", "403 Forbidden"],
                    ["404", "404 Not Found"],
                    ["502", "502 Bad Gateway"],
                    ["401", "401 Unauthorized"],
                    ["504", "504 Gateway Timeout"],
                ],
            },
            "srv": {
                "kind": "system",
                "values": [["nginx", "NGINX"], ["Apache", "Apache httpd"], ["IIS", "Microsoft IIS"]],
            },
            "scope": {
                "kind": "scope",
                "values": [
                    ["on every page", "for the whole site"],
                    ["on one page only", "for a single page only"],
                ],
            },
        },
    },
    {
        "name": "dedupe_code",
        "domain": "code_help",
        "templates": [
            "i|Write a {lang} function that removes duplicates from a list of strings {case}, {order}.",
            "q|How do I dedupe a list of strings in {lang} {case}, {order}?",
            "t|{lang}: remove duplicate strings from a list {case}, {order}.",
            "q|Can you give me {lang} code to drop duplicates from a list of strings {case}, {order}?",
        ],
        "slots": {
            "lang": {
                "kind": "prog_language",
                "values": [["Python"], ["JavaScript", "JS"], ["Go", "Golang"], ["Java"], ["C#"]],
            },
            "case": {
                "kind": "antonym",
                "values": [
                    ["case-insensitively", "ignoring case"],
                    ["case-sensitively", "treating upper and lower case as different"],
                ],
            },
            "order": {
                "kind": "negation",
                "values": [
                    ["preserving the original order", "keeping the original order"],
                    ["where the order does not matter", "where order doesn't matter"],
                ],
            },
        },
    },
    {
        "name": "regex_help",
        "domain": "code_help",
        "templates": [
            "i|Write a regex to {mode} {tgt} {flav}.",
            "q|What regular expression can I use to {mode} {tgt} {flav}?",
            "t|Need a regex {flav} to {mode} {tgt}.",
            "q|How do I {mode} {tgt} with a regular expression {flav}?",
        ],
        "slots": {
            "mode": {
                "kind": "action",
                "values": [
                    ["validate", "check the format of"],
                    ["extract", "pull out"],
                    ["mask", "redact"],
                ],
            },
            "tgt": {
                "kind": "entity",
                "values": [
                    ["UK postcodes", "British postcodes"],
                    ["US ZIP codes", "American ZIP codes"],
                    ["IBANs"],
                    ["dates in YYYY-MM-DD format", "ISO 8601 dates (YYYY-MM-DD)"],
                    ["email addresses", "e-mail addresses"],
                ],
            },
            "flav": {
                "kind": "prog_language",
                "values": [
                    ["in Python", "for Python's re module"],
                    ["in JavaScript", "for JavaScript"],
                    ["in PostgreSQL", "for Postgres"],
                ],
            },
        },
    },
    {
        "name": "vat_calculation",
        "domain": "finance",
        "templates": [
            "q|If a price is {amt} {cur} {basis}, how much VAT is that at {rate}?",
            "q|How much is the VAT on {amt} {cur} {basis} at a rate of {rate}?",
            "i|Calculate the VAT portion at {rate} of an amount of {amt} {cur} {basis}.",
            "t|{amt} {cur} {basis}, VAT rate {rate}: what's the VAT amount?",
        ],
        "slots": {
            "amt": {
                "kind": "number",
                "values": [
                    ["1,250", "1250", "1 250"],
                    ["2,400", "2400", "2 400"],
                    ["980"],
                    ["12,500", "12500", "12.5k"],
                ],
            },
            "cur": {
                "kind": "currency",
                "values": [["euros", "EUR"], ["pounds", "GBP"], ["Swiss francs", "CHF"]],
            },
            "rate": {
                "kind": "number",
                "values": [
                    ["20%", "20 percent", "20 per cent"],
                    ["21%", "21 percent"],
                    ["5%", "5 percent"],
                    ["19%", "19 percent"],
                ],
            },
            "basis": {
                "kind": "negation",
                "values": [
                    ["excluding VAT", "excl. VAT", "before VAT", "net of VAT"],
                    ["including VAT", "incl. VAT", "inclusive of VAT"],
                ],
            },
        },
    },
    {
        "name": "depreciation_schedule",
        "domain": "finance",
        "templates": [
            "i|Build a {freq} {meth} depreciation schedule for an asset costing {cost} {cur} over {life} with {resid}.",
            "q|What does a {freq} {meth} depreciation schedule look like for {cost} {cur} over {life} with {resid}?",
            "t|Depreciation schedule ({meth}, {freq}): cost {cost} {cur}, useful life {life}, {resid}.",
            "q|Can you do the {freq} {meth} depreciation on {cost} {cur} over {life}, with {resid}?",
        ],
        "slots": {
            "freq": {
                "kind": "time_frame",
                "values": [
                    ["year-by-year", "yearly"],
                    ["month-by-month", "monthly"],
                    ["quarter-by-quarter", "quarterly"],
                ],
            },
            "meth": {
                "kind": "modifier",
                "values": [["straight-line", "straight line"], ["declining-balance", "reducing-balance"]],
            },
            "cost": {
                "kind": "number",
                "values": [["12,000", "12000", "12k"], ["45,000", "45000", "45k"], ["8,500", "8500"]],
            },
            "cur": {
                "kind": "currency",
                "values": [["EUR", "euros"], ["GBP", "pounds"], ["USD", "US dollars"]],
            },
            "life": {
                "kind": "number",
                "values": [
                    ["3 years", "three years", "36 months"],
                    ["5 years", "five years", "60 months"],
                    ["4 years", "four years", "48 months"],
                ],
            },
            "resid": {
                "kind": "number",
                "values": [
                    ["no residual value", "zero residual value", "a residual value of zero"],
                    ["a 10% residual value", "a residual value of 10%"],
                    ["a 20% residual value", "a residual value of 20%"],
                ],
            },
        },
    },
    {
        "name": "budget_variance",
        "domain": "finance",
        "templates": [
            "i|Explain the variance in {cc} spend for {qtr} {cmp}.",
            "i|Write commentary on {cc} spending {cmp} for {qtr}.",
            "q|Can you draft the variance commentary for {cc}, {qtr}, {cmp}?",
            "t|{cc} cost centre, {qtr}: explain the variance {cmp}.",
        ],
        "slots": {
            "cc": {"kind": "entity", "values": [["marketing"], ["facilities"], ["recruitment"], ["travel"]]},
            "qtr": {
                "kind": "date",
                "values": [
                    ["Q3 {year}", "the third quarter of {year}", "{year} Q3"],
                    ["Q2 {year}", "the second quarter of {year}", "{year} Q2"],
                    ["Q4 {year}", "the fourth quarter of {year}", "{year} Q4"],
                ],
            },
            "year": {"kind": "date", "values": [["2025"], ["2024"], ["2026"]]},
            "cmp": {
                "kind": "scope",
                "values": [
                    ["against budget", "versus budget", "compared with budget"],
                    ["against the same quarter last year", "versus the same quarter of the prior year"],
                    ["against the latest forecast", "versus the most recent forecast"],
                ],
            },
        },
    },
    {
        "name": "outage_apology",
        "domain": "customer_support",
        "templates": [
            "i|Write an email to {aud} apologising for the {dur:adj} outage of {svc} {day}, offering {comp}.",
            "i|Draft an apology to {aud} for {svc} being down for {dur} {day}; offer {comp}.",
            "q|Can you write a message to {aud} about the {dur:adj} {svc:bare} outage {day} that includes {comp}?",
            "t|Apology email. Audience: {aud}. Issue: {svc} outage {day}, {dur}. Compensation: {comp}.",
        ],
        "slots": {
            "aud": {
                "kind": None,
                "values": [
                    ["customers", "our customers", "all customers"],
                    ["internal staff", "our employees", "all staff"],
                    ["business partners", "our partners"],
                    ["a customer", "one customer"],
                ],
                # One customer or all of them is a different letter (you/your vs a mass mailing).
                "pairs": [(0, 1, "audience"), (0, 2, "audience"), (1, 2, "audience"), (0, 3, "plurality")],
            },
            "svc": {
                "kind": "system",
                "values": [
                    V(n=["online banking"], bare=["online banking"]),
                    V(n=["the patient portal"], bare=["patient portal"]),
                    V(n=["the payroll portal"], bare=["payroll portal"]),
                    V(n=["the mobile app"], bare=["mobile app"]),
                ],
            },
            "dur": {
                "kind": "number",
                "values": [
                    V(n=["3 hours", "three hours", "180 minutes"], adj=["3-hour", "three-hour"]),
                    V(n=["45 minutes", "forty-five minutes"], adj=["45-minute", "forty-five-minute"]),
                    V(n=["2 days", "two days", "48 hours"], adj=["2-day", "two-day", "48-hour"]),
                ],
            },
            "day": {
                "kind": "date",
                "values": [
                    ["on Tuesday"],
                    ["on Monday"],
                    ["on 4 March", "on March 4", "on the 4th of March"],
                ],
            },
            "comp": {
                "kind": "number",
                "values": [
                    ["a 10% credit", "a 10 percent credit", "a ten per cent credit"],
                    ["a 20% credit", "a 20 percent credit", "a twenty per cent credit"],
                    ["a 5% credit", "a 5 percent credit", "a five per cent credit"],
                ],
            },
        },
    },
    {
        "name": "refund_reply",
        "domain": "customer_support",
        "templates": [
            "i|Draft {ch:a} telling a customer they {elig} {ref} because they cancelled {when}.",
            "q|Can you write {ch:a} to a customer explaining that they {elig} {ref}, since they cancelled {when}?",
            "t|Customer {ch:n}: they {elig} {ref}; the cancellation came {when}.",
            "i|Write {ch:a} saying the customer {elig3} {ref} as they cancelled {when}.",
        ],
        "slots": {
            "elig": {
                "kind": "negation",
                "values": [
                    ["are eligible for", "qualify for"],
                    ["are not eligible for", "aren't eligible for", "don't qualify for"],
                ],
            },
            "elig3": {
                "kind": "negation",
                "values": [
                    ["is eligible for", "qualifies for"],
                    ["is not eligible for", "isn't eligible for", "doesn't qualify for"],
                ],
                "tied": "elig",
            },
            "ref": {
                "kind": "modifier",
                "values": [["a full refund"], ["a partial refund"], ["store credit"]],
            },
            "when": {
                "kind": "antonym",
                "values": [
                    ["within {days} of purchase", "within {days} of buying"],
                    ["more than {days} after purchase", "more than {days} after buying"],
                ],
            },
            "days": {
                "kind": "number",
                "values": [
                    ["14 days", "fourteen days", "two weeks"],
                    ["30 days", "thirty days"],
                    ["7 days", "seven days", "one week"],
                ],
            },
            "ch": {
                "kind": "format",
                "values": [
                    V(a=["an email", "an e-mail"], n=["email", "e-mail"]),
                    V(a=["a live chat reply", "a chat reply"], n=["live chat reply", "chat reply"]),
                    V(a=["a letter", "a postal letter"], n=["letter", "postal letter"]),
                ],
            },
        },
    },
    {
        "name": "translation_request",
        "domain": "translation",
        "templates": [
            'i|Translate "{text}" into {tgt} ({reg:adj}).',
            'q|How do you say "{text}" in {tgt}, {reg:adv}?',
            't|{tgt} translation, {reg:adj}: "{text}"',
            'q|Can you put "{text}" into {reg:adj} {tgt}?',
        ],
        "slots": {
            "text": {
                "kind": None,
                "values": [
                    ["Your appointment has been moved to Thursday."],
                    ["Your appointments have been moved to Thursday."],
                    ["Your appointment has not been moved to Thursday."],
                    ["Your appointment has been moved to Friday."],
                    ["Please bring your insurance card to the visit."],
                    ["Please bring your insurance cards to the visit."],
                    ["Please do not bring your insurance card to the visit."],
                    ["The invoice is due within 30 days."],
                    ["The invoice is due within 14 days."],
                    ["The invoice was paid within 30 days."],
                    ["Your password expires in 5 days."],
                    ["Your password expired 5 days ago."],
                    ["The meeting starts before lunch."],
                    ["The meeting starts after lunch."],
                    ["Your parcel has been sent to your neighbour."],
                    ["Your parcels have been sent to your neighbour."],
                    ["Your parcel has been sent to your office."],
                ],
                "pairs": [
                    (0, 1, "plurality"),
                    (0, 2, "negation"),
                    (0, 3, "date"),
                    (4, 5, "plurality"),
                    (4, 6, "negation"),
                    (7, 8, "number"),
                    (7, 9, "action"),
                    (10, 11, "time_frame"),
                    (12, 13, "antonym"),
                    (14, 15, "plurality"),
                    (14, 16, "entity"),
                ],
            },
            "tgt": {
                "kind": "language",
                "values": [["Spanish"], ["French"], ["German"], ["Polish"], ["Italian"]],
            },
            "reg": {
                "kind": "antonym",
                "values": [
                    V(adj=["formal", "formal register"], adv=["formally", "in a formal register"]),
                    V(adj=["informal", "informal register"], adv=["informally", "in an informal register"]),
                ],
            },
        },
    },
    {
        "name": "report_summary",
        "domain": "summarisation",
        "templates": [
            "i|Summarise {doc} for {aud} {len}.",
            "i|Give {aud} a summary of {doc}, {len}.",
            "q|Can you condense {doc} for {aud}, {len}?",
            "t|{doc}: summary for {aud}, {len}.",
        ],
        "slots": {
            "doc": {
                "kind": "entity",
                "values": [
                    [
                        "the {year} internal audit report on procurement",
                        "the {year} procurement internal audit report",
                    ],
                    [
                        "the {year} staff engagement survey results",
                        "the results of the {year} staff engagement survey",
                    ],
                    ["the {year} cyber security incident review", "the {year} cybersecurity incident review"],
                ],
            },
            "year": {"kind": "date", "values": [["2025"], ["2024"]]},
            "aud": {
                "kind": "audience",
                "values": [
                    ["the board", "board members"],
                    ["frontline staff", "front-line staff"],
                    ["the external auditors", "our external auditors"],
                ],
            },
            "len": {
                "kind": None,
                "values": [
                    ["in five bullet points", "in 5 bullet points", "in 5 bullets"],
                    ["in three bullet points", "in 3 bullet points", "in 3 bullets"],
                    ["in a single paragraph", "in one paragraph"],
                    ["as a table of findings", "in a table of findings"],
                ],
                "pairs": [
                    (0, 1, "number"),
                    (0, 2, "format"),
                    (0, 3, "format"),
                    (2, 3, "format"),
                    (1, 3, "format"),
                ],
            },
        },
    },
    {
        "name": "meeting_time_zone",
        "domain": "office",
        "templates": [
            "q|If it's {time} in {src} {date}, what time is it in {dst}?",
            "q|What time is {time} {src} time in {dst} {date}?",
            "i|Convert {time} {src} time to {dst} time {date}.",
            "t|{date}, {time} in {src} is what time in {dst}?",
        ],
        "swaps": [("src", "dst")],
        "slots": {
            "time": {
                "kind": "number",
                "values": [
                    ["3pm", "3 p.m.", "15:00"],
                    ["9am", "9 a.m.", "09:00"],
                    ["11am", "11 a.m.", "11:00"],
                    ["4:30pm", "4.30 p.m.", "16:30"],
                ],
            },
            "src": {"kind": "entity", "values": "CITIES"},
            "dst": {"kind": "entity", "values": "CITIES"},
            # Not varied: London and Berlin are one hour apart on every date, so a changed
            # date may or may not change the answer. It is here for its surface forms.
            "date": {
                "kind": None,
                "values": [
                    ["on 14 March", "on March 14", "on the 14th of March"],
                    ["on 2 November", "on November 2", "on the 2nd of November"],
                    ["on 20 July", "on July 20", "on the 20th of July"],
                ],
            },
        },
    },
    {
        "name": "folder_access_request",
        "domain": "it_helpdesk",
        "templates": [
            "i|{act} {until}.",
            "q|Can you {act} {until}?",
            "t|Request: {act}, {until}.",
            "q|Is it possible to {act} {until}?",
        ],
        "slots": {
            "act": {
                "kind": "antonym",
                "values": [
                    [
                        "give {user} {perm} to {fold}",
                        "grant {user} {perm} to {fold}",
                        "grant {perm} on {fold} to {user}",
                    ],
                    [
                        "remove {user}'s {perm} to {fold}",
                        "revoke {perm} on {fold} from {user}",
                        "take away {user}'s {perm} to {fold}",
                    ],
                ],
            },
            "user": {
                "kind": "entity",
                "values": [["Maria Lopez"], ["Tom Berg"], ["Aisha Khan"], ["Piotr Zielinski"]],
            },
            "perm": {
                "kind": "modifier",
                "values": [
                    ["read-only access", "view-only access"],
                    ["edit access", "write access", "read-write access"],
                    ["full control"],
                ],
            },
            "fold": {
                "kind": "entity",
                "values": [
                    ["the Finance shared drive", "the Finance share"],
                    ["the HR shared drive", "the HR share"],
                    ["the Legal shared drive", "the Legal share"],
                ],
            },
            "until": {
                "kind": None,
                "values": [
                    ["until 31 March", "until March 31", "until the 31st of March"],
                    ["until 30 June", "until June 30", "until the 30th of June"],
                    ["permanently", "with no end date"],
                ],
                "pairs": [(0, 1, "date"), (0, 2, "time_frame"), (1, 2, "time_frame")],
            },
        },
    },
]

POOLS: dict[str, list[list[str]]] = {
    "DRUGS": [
        ["warfarin"],
        ["ibuprofen"],
        ["paracetamol", "acetaminophen"],
        ["clarithromycin"],
        ["simvastatin"],
        ["sertraline"],
        ["lithium"],
        ["metformin"],
        ["omeprazole"],
    ],
    "PARTIES": [["Smith"], ["Patel"], ["Okafor"], ["Nowak"], ["Brennan"], ["Haddad"]],
    # No two cities share a time zone (New York and Toronto would give the same answer).
    "CITIES": [["London"], ["New York"], ["Singapore"], ["Sydney"], ["Los Angeles"], ["Berlin"]],
}

OPENERS = [
    "Hi, ",
    "Hello, ",
    "Quick question: ",
    "Hey, ",
    "Hi team, ",
    "Morning! ",
    "Question: ",
    "hi there - ",
]
CLOSERS = [" Thanks!", " Thanks in advance.", " thx", " Cheers", " Thank you.", " ty"]
POLITE_IMPERATIVE = [
    "Could you please {lc}?",
    "Please {lc}.",
    "Can you {lc}?",
    "{text} Please.",
    "Would you mind helping: {lc}.",
]
POLITE_TERSE = [
    "Could you help with this: {text}",
    "{text} Please.",
    "Please help: {text}",
    "{text} Would appreciate it.",
]
POLITE_QUESTION = [
    "Could you tell me: {text}",
    "Sorry to ask, but {lc}?",
    "{text} Please advise.",
    "Would appreciate help: {text}",
]
ABBREV = {
    "please": "pls",
    "you": "u",
    "your": "ur",
    "with": "w/",
    "and": "&",
    "thanks": "thx",
    "message": "msg",
    "information": "info",
    "because": "bc",
    "about": "abt",
    "questions": "qs",
    "without": "w/o",
    "documents": "docs",
    "minutes": "mins",
    "application": "app",
    "function": "func",
}
CONTRACTIONS = {
    "do not": "don't",
    "does not": "doesn't",
    "is not": "isn't",
    "cannot": "can't",
    "what is": "what's",
    "What is": "What's",
    "it is": "it's",
    "If it's": "If it is",
    "What's": "What is",
    "what's": "what is",
    "I have": "I've",
    "there is": "there's",
    "we have": "we've",
    "How is": "How's",
    "How much is": "How much's",
}
CONTRACTION_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in CONTRACTIONS) + r")\b")
PROTECTED_WORDS = {
    "from",
    "form",
    "before",
    "after",
    "without",
    "with",
    "not",
    "never",
    "unless",
    "except",
    "more",
    "less",
    "most",
    "least",
    "than",
    "then",
    "also",
    "only",
}

POSITIVE_KINDS = [
    "reword",
    "reword_noisy",
    "synonym",
    "filler",
    "politeness",
    "typo",
    "case",
    "abbreviation",
    "contraction",
    "drop_articles",
    "punct_space",
]
NOISE_OPS = [
    "filler",
    "politeness",
    "typo",
    "case",
    "abbreviation",
    "contraction",
    "drop_articles",
    "punct_space",
]
FORMAT_KINDS = {"number", "unit", "currency", "date", "time_frame"}

PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
Seg = tuple[str, bool]  # (text, is slot text: protected from typing noise)


def resolve(fam: dict[str, Any]) -> dict[str, Any]:
    """Copy a family, replacing pool names by their values and checking the spec."""
    slots = {}
    for name, spec in fam["slots"].items():
        spec = dict(spec)
        if isinstance(spec["values"], str):
            spec["values"] = POOLS[spec["values"]]
        slots[name] = spec
    out = dict(fam, slots=slots)
    for t in out["templates"]:
        assert t[:2] in ("q|", "i|", "t|"), t
    return out


def forms_of(value: Any, form: str | None) -> list[str]:
    if isinstance(value, dict):
        return value[form] if form else next(iter(value.values()))
    assert form is None, value
    return value


def render(
    fam: dict[str, Any], tidx: int, assign: dict[str, int], var: dict[str, int]
) -> tuple[list[Seg], set[str]]:
    used: set[str] = set()

    def expand(text: str, protected: bool) -> list[Seg]:
        segs: list[Seg] = []
        pos = 0
        for m in PLACEHOLDER.finditer(text):
            if m.start() > pos:
                segs.append((text[pos : m.start()], protected))
            name, form = m.group(1), m.group(2)
            used.add(name)
            forms = forms_of(fam["slots"][name]["values"][assign[name]], form)
            segs.extend(expand(forms[var[name] % len(forms)], True))
            pos = m.end()
        if pos < len(text):
            segs.append((text[pos:], protected))
        return segs

    segs = expand(fam["templates"][tidx][2:], False)
    # Capitalise the sentence start; slot text too, as a writer would.
    for i, (t, p) in enumerate(segs):
        if t.strip():
            lead = len(t) - len(t.lstrip())
            segs[i] = (t[:lead] + t[lead].upper() + t[lead + 1 :], p)
            break
    return segs, used


def text_of(segs: list[Seg]) -> str:
    return "".join(t for t, _ in segs)


def lcfirst(s: str) -> str:
    s = s.lstrip()
    if s[:2].isupper() or s.startswith("I "):
        return s
    return s[:1].lower() + s[1:]


def strip_end(s: str) -> str:
    return s.rstrip().rstrip(".?!")


def map_literals(segs: list[Seg], fn: Any) -> list[Seg]:
    return [(t if p else fn(t), p) for t, p in segs]


def apply_noise(op: str, segs: list[Seg], ttype: str, rng: random.Random) -> str:
    """Apply one kind of typing noise; slot text is never mistyped or abbreviated."""
    if op == "typo":
        cands = [
            (i, m)
            for i, (t, p) in enumerate(segs)
            if not p
            for m in re.finditer(r"[A-Za-z]{4,}", t)
            if m.group().lower() not in PROTECTED_WORDS
        ]
        if not cands:
            return text_of(segs)
        i, m = rng.choice(cands)
        w = m.group()
        j = rng.randrange(1, len(w) - 1)
        how = rng.choice(["swap", "double", "drop"])
        if how == "swap":
            nw = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        elif how == "double":
            nw = w[:j] + w[j] + w[j:]
        else:
            nw = w[:j] + w[j + 1 :]
        t = segs[i][0]
        segs = list(segs)
        segs[i] = (t[: m.start()] + nw + t[m.end() :], False)
        return text_of(segs)
    if op == "abbreviation":

        def abbr(t: str) -> str:
            def sub(m: re.Match[str]) -> str:
                w = m.group()
                return ABBREV.get(w.lower(), w)

            return re.sub(r"[A-Za-z]+", sub, t)

        return text_of(map_literals(segs, abbr))
    if op == "contraction":

        def contract(t: str) -> str:
            # One pass, so that an expansion is never contracted back.
            return CONTRACTION_RE.sub(lambda m: CONTRACTIONS[m.group()], t)

        return text_of(map_literals(segs, contract))
    if op == "drop_articles":
        out = text_of(map_literals(segs, lambda t: re.sub(r"\b(?:the|a|an|The|A|An) ", "", t)))
        return out[:1].upper() + out[1:]
    text = text_of(segs)
    if op == "case":
        return rng.choice([text.lower(), strip_end(text.lower())])
    if op == "filler":
        if rng.random() < 0.5:
            return rng.choice(OPENERS) + lcfirst(text)
        return text + rng.choice(CLOSERS)
    if op == "politeness":
        # q: a question, i: an imperative starting with its verb, t: terse ticket style.
        pool = {"i": POLITE_IMPERATIVE, "q": POLITE_QUESTION, "t": POLITE_TERSE}[ttype]
        pat = rng.choice(pool)
        return pat.format(text=text, lc=lcfirst(strip_end(text)))
    if op == "punct_space":
        choice = rng.choice(["drop_end", "double_space", "trailing", "leading", "double_end", "space_end"])
        if choice == "drop_end" and text[-1] in ".?!":
            return text[:-1]
        if choice == "double_space" and " " in text:
            spaces = [k for k, c in enumerate(text) if c == " "]
            k = rng.choice(spaces)
            return text[:k] + " " + text[k:]
        if choice == "trailing":
            return text + " "
        if choice == "leading":
            return " " + text
        if choice == "double_end" and text[-1] in ".?!":
            return text + text[-1]
        return text[:-1] + " " + text[-1] if text[-1] in ".?!" else text + "?"
    raise ValueError(op)


class Maker:
    def __init__(self, fam: dict[str, Any], rng: random.Random) -> None:
        self.fam = fam
        self.rng = rng
        self.slots = fam["slots"]
        self.ntempl = len(fam["templates"])
        # Every template must name every slot (directly or through another slot's forms).
        for t in range(self.ntempl):
            assign, var = self.draw()
            _, used = render(fam, t, assign, var)
            # A tied slot (elig3 follows elig) stands in for its partner.
            tied = {n: s["tied"] for n, s in self.slots.items() if "tied" in s}
            covered = (
                used | {n for n, src in tied.items() if src in used} | {tied[n] for n in used if n in tied}
            )
            missing = set(self.slots) - covered
            assert not missing, (fam["name"], t, missing)

    def tied_fix(self, assign: dict[str, int]) -> None:
        for name, spec in self.slots.items():
            if "tied" in spec:
                assign[name] = assign[spec["tied"]]

    def draw(self) -> tuple[dict[str, int], dict[str, int]]:
        assign = {n: self.rng.randrange(len(s["values"])) for n, s in self.slots.items()}
        for a, b in self.fam.get("swaps", []) + self.fam.get("symmetric", []):
            while assign[a] == assign[b]:
                assign[b] = self.rng.randrange(len(self.slots[b]["values"]))
        self.tied_fix(assign)
        var = {n: self.rng.randrange(60) for n in self.slots}
        return assign, var

    def two_templates(self) -> tuple[int, int]:
        t1 = self.rng.randrange(self.ntempl)
        t2 = self.rng.choice([t for t in range(self.ntempl) if t != t1])
        return t1, t2

    def ttype(self, t: int) -> str:
        return str(self.fam["templates"][t][0])

    def noisy(self, segs: list[Seg], t: int, seed: int, nops: int) -> str:
        rng = random.Random(seed)
        text = text_of(segs)
        for op in rng.sample(NOISE_OPS, nops):
            # Later ops work on plain text: slot boundaries are kept only for the first.
            text = apply_noise(op, segs, self.ttype(t), rng)
            segs = [(text, True)]
        return text

    # -- positives ---------------------------------------------------------------
    def positive(self, kind: str) -> tuple[str, str, str] | None:
        fam = self.fam
        assign, var = self.draw()
        if kind in ("reword", "reword_noisy"):
            t1, t2 = self.two_templates()
            var2 = {n: self.rng.randrange(60) for n in self.slots}
            s1, _ = render(fam, t1, assign, var)
            s2, _ = render(fam, t2, assign, var2)
            if kind == "reword":
                return kind, text_of(s1), text_of(s2)
            a = self.noisy(s1, t1, self.rng.randrange(1 << 30), self.rng.choice([0, 1]))
            b = self.noisy(s2, t2, self.rng.randrange(1 << 30), self.rng.choice([1, 2]))
            return kind, a, b
        if kind == "symmetric_swap":
            (x, y) = self.rng.choice(fam["symmetric"])
            assign2 = dict(assign, **{x: assign[y], y: assign[x]})
            t1 = self.rng.randrange(self.ntempl)
            t2 = t1 if self.rng.random() < 0.5 else self.rng.randrange(self.ntempl)
            return kind, text_of(render(fam, t1, assign, var)[0]), text_of(render(fam, t2, assign2, var)[0])
        t = self.rng.randrange(self.ntempl)
        segs, used = render(fam, t, assign, var)
        base = text_of(segs)
        if kind == "synonym":
            names = [n for n in sorted(used) if len(self.all_forms(n, assign[n])) > 1]
            if not names:
                return None
            n = self.rng.choice(names)
            for _ in range(10):
                var2 = dict(var, **{n: self.rng.randrange(60)})
                other = text_of(render(fam, t, assign, var2)[0])
                if other.lower() != base.lower():
                    k = "equivalent_quantity" if self.slots[n]["kind"] in FORMAT_KINDS else "synonym"
                    if self.slots[n].get("pairs") and any(
                        p[2] in FORMAT_KINDS for p in self.slots[n]["pairs"]
                    ):
                        k = "equivalent_quantity"
                    return k, base, other
            return None
        other = apply_noise(kind, segs, self.ttype(t), self.rng)
        if other == base or (kind != "case" and other.lower() == base.lower()):
            return None
        return kind, base, other

    def all_forms(self, name: str, vidx: int) -> set[str]:
        value = self.slots[name]["values"][vidx]
        if isinstance(value, dict):
            return {f for fs in value.values() for f in fs}
        return set(value)

    # -- negatives ---------------------------------------------------------------
    def negative_options(self) -> dict[str, list[tuple[Any, ...]]]:
        """Kind -> ways to make it: ("slot", name, i, j) or ("swap", a, b)."""
        opts: dict[str, list[tuple[Any, ...]]] = collections.defaultdict(list)
        for name, spec in self.slots.items():
            if "tied" in spec:
                continue
            if spec.get("pairs"):
                for i, j, kind in spec["pairs"]:
                    opts[kind].append(("slot", name, i, j))
            elif spec["kind"]:
                n = len(spec["values"])
                for i in range(n):
                    for j in range(n):
                        if i != j:
                            opts[spec["kind"]].append(("slot", name, i, j))
        for a, b in self.fam.get("swaps", []):
            opts["swap"].append(("swap", a, b))
        return dict(opts)

    def negative(self, kind: str, minimal: bool) -> tuple[str, str, str] | None:
        fam = self.fam
        how = self.rng.choice(self.negative_options()[kind])
        assign, var = self.draw()
        if how[0] == "slot":
            _, name, i, j = how
            if self.rng.random() < 0.5:
                i, j = j, i
            assign[name] = i
            self.tied_fix(assign)
            assign2 = dict(assign, **{name: j})
            self.tied_fix(assign2)
            for a, b in fam.get("swaps", []) + fam.get("symmetric", []):
                if name in (a, b) and (assign[a] == assign[b] or assign2[a] == assign2[b]):
                    return None
        else:
            _, a, b = how
            assign2 = dict(assign, **{a: assign[b], b: assign[a]})
        if minimal:
            t1 = t2 = self.rng.randrange(self.ntempl)
            var2 = var
        else:
            t1, t2 = self.two_templates()
            var2 = {n: self.rng.randrange(60) for n in self.slots}
        s1, _ = render(fam, t1, assign, var)
        s2, _ = render(fam, t2, assign2, var2)
        if minimal:
            seed = self.rng.randrange(1 << 30)
            nops = self.rng.choice([0, 0, 1, 1, 2])
            a_text = self.noisy(s1, t1, seed, nops)
            b_text = self.noisy(s2, t2, seed, nops)
        else:
            a_text = self.noisy(s1, t1, self.rng.randrange(1 << 30), self.rng.choice([0, 1]))
            b_text = self.noisy(s2, t2, self.rng.randrange(1 << 30), self.rng.choice([0, 1, 2]))
        if a_text.strip().lower() == b_text.strip().lower():
            return None
        return kind, a_text, b_text


def make_family(fidx: int, raw: dict[str, Any], per_family: int, seed: int) -> list[dict[str, Any]]:
    fam = resolve(raw)
    rng = random.Random(f"{seed}:{fam['name']}")
    maker = Maker(fam, rng)
    n_pos = round(per_family * POSITIVE_SHARE)
    n_neg = per_family - n_pos
    pos_kinds = list(POSITIVE_KINDS) + (["symmetric_swap"] * 4 if fam.get("symmetric") else [])
    neg_kinds = sorted(maker.negative_options())
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(result: tuple[str, str, str] | None, same: bool) -> bool:
        if result is None:
            return False
        kind, a, b = result
        key = (min(a, b), max(a, b))
        if a == b or key in seen:
            return False
        seen.add(key)
        if rng.random() < 0.5:
            a, b = b, a
        rows.append({"family": fam["name"], "family_index": fidx, "kind": kind, "a": a, "b": b, "same": same})
        return True

    k = 0
    made = 0
    tries = 0
    while made < n_pos:
        tries += 1
        assert tries < n_pos * 200, fam["name"]
        kind = pos_kinds[k % len(pos_kinds)]
        k += 1
        # A kind the family cannot express (no synonym forms, no contraction) falls through.
        for _ in range(8):
            if add(maker.positive(kind), True):
                made += 1
                break
    k = 0
    made = 0
    tries = 0
    while made < n_neg:
        tries += 1
        assert tries < n_neg * 200, fam["name"]
        kind = neg_kinds[k % len(neg_kinds)]
        for _ in range(8):
            if add(maker.negative(kind, minimal=made % 2 == 0), False):
                made += 1
                k += 1
                break
    rng.shuffle(rows)
    return rows


def build(seed: int, per_family: int) -> str:
    lines = []
    for fidx, fam in enumerate(FAMILIES):
        for row in make_family(fidx, fam, per_family, seed):
            lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def summary(text: str) -> str:
    rows = [json.loads(line) for line in text.splitlines()]
    by_kind = collections.Counter((r["same"], r["kind"]) for r in rows)
    by_fam = collections.Counter((r["family"], r["same"]) for r in rows)
    pos = sum(r["same"] for r in rows)
    out = [f"{len(rows)} pairs, {pos} same ({100 * pos / len(rows):.1f} %), {len(rows) - pos} different"]
    for (same, kind), n in sorted(by_kind.items(), key=lambda x: (not x[0][0], x[0][1])):
        out.append(f"  {'same' if same else 'diff'} {kind}: {n}")
    fams = list(dict.fromkeys(r["family"] for r in rows))
    for f in fams:
        out.append(f"  {f}: {by_fam[(f, True)]} same, {by_fam[(f, False)]} different")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="regenerate in memory and compare with --out")
    ap.add_argument("--summary", action="store_true", help="print counts per kind and family")
    args = ap.parse_args(argv)
    text = build(args.seed, args.per_family)
    if args.check:
        ok = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'identical' if ok else 'DIFFERS'}")
        return 0 if ok else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    if args.summary:
        print(summary(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
