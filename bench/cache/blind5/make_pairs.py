#!/usr/bin/env python3
"""Fifth blind labelled pair set for the semantic cache benchmark (stdlib only).

    python make_pairs.py              # write pairs.jsonl next to this file (seed 5205, 92 a family)
    python make_pairs.py --check      # regenerate in memory, compare bytes, self-check; exit 1 on failure
    python make_pairs.py --summary    # also print counts per family
    python make_pairs.py --seed 7 --per-family 150 --out /tmp/p.jsonl

Every template, slot value and pasted text below was written for this set.
"""

import argparse
import collections
import datetime
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "pairs.jsonl")
SEED = 5205
PER_FAMILY = 92
POS_SHARE = 0.45
KEYS = ["family", "family_index", "kind", "a", "b", "same"]


# --------------------------------------------------------------------------- slots
class Slot:
    def __init__(self, kind, values, fk="synonym", pairs=None, restrict=None, material=False, lang=""):
        self.kind = kind
        self.material = material
        self.fk = fk  # positive kind when only this slot's surface form changes
        self.pairs = {}
        for (i, j), k in (pairs or {}).items():
            self.pairs[(i, j)] = k
            self.pairs[(j, i)] = k
        self.restrict = None
        if restrict is not None:
            self.restrict = set()
            for i, j in restrict:
                self.restrict.add((i, j))
                self.restrict.add((j, i))
        if material:
            self.values = [self._material_forms(v, lang) for v in values]
            self.fk = "quote_marks"
        else:
            self.values = [[v] if isinstance(v, str) else list(v) for v in values]

    @staticmethod
    def _material_forms(text, lang):
        if "\n" in text:
            return [text, "```\n" + text + "\n```", "```" + (lang or "text") + "\n" + text + "\n```"]
        return [text, '"' + text + '"', "\u201c" + text + "\u201d"]

    def changes(self):
        out = []
        n = len(self.values)
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                if self.restrict is not None and (i, j) not in self.restrict:
                    continue
                out.append((i, j, self.pairs.get((i, j), self.kind)))
        return out


def S(kind, values, **kw):
    return Slot(kind, values, **kw)


def M(values, lang="", pairs=None, restrict=None):
    return Slot("quoted_text", values, material=True, lang=lang, pairs=pairs, restrict=restrict)


class Family:
    def __init__(self, name, domain, templates, slots, answer=None, positions=None):
        self.name = name
        self.positions = positions  # explicit material position per template, where the length rule errs
        self.domain = domain
        self.templates = templates
        self.slots = slots
        self.answer = answer
        self.mat = next((k for k, s in slots.items() if s.material), None)
        for t in templates:
            for k in slots:
                assert "{" + k + "}" in t, (name, k, t)
            assert set(re.findall(r"\{(\w+)\}", t)) == set(slots), (name, t)

    def pos(self, ti):
        t = self.templates[ti]
        if not self.mat:
            return "none"
        if self.positions:
            return self.positions[ti]
        ph = "{" + self.mat + "}"
        i = t.index(ph)
        before, after = t[:i].strip(), t[i + len(ph) :].strip()
        return "pre" if len(after) > len(before) else "post"


# --------------------------------------------------------------------------- rendering and noise
def render(fam, ti, facts, forms):
    """Return a list of [type, text] segments: T template text, S slot text, M pasted material."""
    segs = []
    for part in re.split(r"(\{\w+\})", fam.templates[ti]):
        if not part:
            continue
        m = re.fullmatch(r"\{(\w+)\}", part)
        if m:
            k = m.group(1)
            s = fam.slots[k]
            vf = s.values[facts[k]]
            text = vf[forms[k] % len(vf)]
            segs.append(["M" if s.material else "S", text])
        else:
            segs.append(["T", part])
    # a fence must start and end on its own line
    for i, (typ, text) in enumerate(segs):
        if typ == "M" and text.startswith("```"):
            if i > 0 and not segs[i - 1][1].endswith("\n"):
                segs[i - 1][1] = segs[i - 1][1].rstrip(" ") + "\n"
            if i + 1 < len(segs) and not segs[i + 1][1].startswith("\n"):
                segs[i + 1][1] = "\n" + segs[i + 1][1].lstrip(" ")
    return segs


def join(segs):
    return "".join(t for _, t in segs)


FILLER_OPEN = ["Hey, ", "Quick one: ", "Hi! ", "OK so ", "Hiya, "]
FILLER_CLOSE = [" Thanks!", " Cheers.", " thx", " ta!"]
POLITE_OPEN = ["Hello, ", "Good morning. ", "Hi there, could you help? ", "Dear assistant, "]
POLITE_CLOSE = [" Thank you.", " Many thanks.", " Thanks in advance.", " Much appreciated."]
PROTECT = {
    "without",
    "excluding",
    "cannot",
    "only",
    "under",
    "after",
    "before",
    "highest",
    "lowest",
    "longer",
    "shorter",
    "formal",
    "informal",
    "friendlier",
    "deduct",
    "deducted",
    "deducting",
    "every",
    "weekday",
    "cheaper",
    "better",
    "eligible",
    "fewer",
    "saturday",
    "sunday",
    "monday",
    "notice",
}
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
    ("appointment", "appt"),
    ("number", "no."),
    ("calculate", "calc"),
    ("Calculate", "Calc"),
]
CONTRACT = [
    (r"\bWhat is (?=\w)", "What's "),
    (r"\bwhat is (?=\w)", "what's "),
    (r"\bWhat's (?=\w)", "What is "),
    (r"\bwhat's (?=\w)", "what is "),
    (r"\bit is (?=\w)", "it's "),
    (r"\bdo not (?=\w)", "don't "),
    (r"\bI am (?=\w)", "I'm "),
    (r"\bI'm (?=\w)", "I am "),
    (r"\bcan't (?=\w)", "cannot "),
    (r"\bthey're (?=\w)", "they are "),
    (r"\bWho is (?=\w)", "Who's "),
    (r"\bthat is (?=\w)", "that's "),
    (r"\bIt's (?=\w)", "It is "),
    (r"\bthey are (?=\w)", "they're "),
]
NOISE = [
    "filler",
    "politeness",
    "typo",
    "case",
    "abbreviation",
    "contraction",
    "drop_articles",
    "punct_space",
]


def _starts_with_material(segs):
    return segs[0][0] == "M" or (
        segs[0][0] == "T" and len(segs) > 1 and segs[1][0] == "M" and len(segs[0][1].strip()) < 12
    )


def _open(segs, opener):
    segs = [list(s) for s in segs]
    if _starts_with_material(segs) or segs[0][0] != "T":
        segs.insert(0, ["T", opener.rstrip() + "\n"])
        return segs
    t = segs[0][1]
    if (
        (opener.rstrip()[-1] in ",:" or opener.strip() == "OK so")
        and len(t) > 1
        and t[0].isupper()
        and t[1].islower()
    ):
        t = t[0].lower() + t[1:]
    segs[0][1] = opener + t
    return segs


def noise(segs, op, rng):
    """Apply one noise operation to template text only; return new segments or None."""
    segs = [list(s) for s in segs]
    tix = [i for i, s in enumerate(segs) if s[0] == "T"]
    if op in ("filler", "politeness"):
        opens, closes = (FILLER_OPEN, FILLER_CLOSE) if op == "filler" else (POLITE_OPEN, POLITE_CLOSE)
        if segs[-1][0] == "T" and segs[-1][1].strip() and rng.random() < 0.5:
            segs[-1][1] = segs[-1][1].rstrip() + rng.choice(closes)
            return segs
        return _open(segs, rng.choice(opens))
    if op == "typo":
        cands = []
        for i in tix:
            for m in re.finditer(r"[A-Za-z]{5,}", segs[i][1]):
                if m.group().lower() not in PROTECT:
                    cands.append((i, m.start(), m.group()))
        if not cands:
            return None
        i, st, w = rng.choice(cands)
        p = rng.randrange(1, len(w) - 2)
        if w[p] == w[p + 1]:
            return None
        nw = w[:p] + w[p + 1] + w[p] + w[p + 2 :]
        segs[i][1] = segs[i][1][:st] + nw + segs[i][1][st + len(w) :]
        return segs
    if op == "case":
        for i in tix:
            segs[i][1] = segs[i][1].lower()
        return segs
    if op == "abbreviation":
        cands = [(a, b) for a, b in ABBREV if any(re.search(rf"\b{re.escape(a)}\b", segs[i][1]) for i in tix)]
        if not cands:
            return None
        a, b = rng.choice(cands)
        for i in tix:
            segs[i][1] = re.sub(rf"\b{re.escape(a)}\b", b, segs[i][1])
        return segs
    if op == "contraction":
        cands = [(a, b) for a, b in CONTRACT if any(re.search(a, segs[i][1]) for i in tix)]
        if not cands:
            return None
        a, b = rng.choice(cands)
        for i in tix:
            segs[i][1] = re.sub(a, b, segs[i][1])
        return segs
    if op == "drop_articles":
        hit = False
        for i in tix:
            new = re.sub(r"\b(the|a|an) (?=[a-z0-9£])", "", segs[i][1])
            hit = hit or new != segs[i][1]
            segs[i][1] = new
        return segs if hit else None
    if op == "punct_space":
        choice = rng.randrange(3)
        if choice == 0 and segs[-1][0] == "T" and segs[-1][1].rstrip().endswith((".", "?")):
            segs[-1][1] = segs[-1][1].rstrip()[:-1]
            return segs
        if choice == 1:
            for i in tix:
                if "?" in segs[i][1]:
                    segs[i][1] = segs[i][1].replace("?", " ?", 1)
                    return segs
        cands = [i for i in tix if " " in segs[i][1]]
        if not cands:
            return None
        i = rng.choice(cands)
        spaces = [m.start() for m in re.finditer(" ", segs[i][1])]
        p = rng.choice(spaces)
        segs[i][1] = segs[i][1][:p] + "  " + segs[i][1][p:]
        return segs
    raise ValueError(op)


def norm(t):
    t = re.sub(r"\s+", " ", t.lower()).strip()
    return t.rstrip("?.! ")


# --------------------------------------------------------------------------- families
def DATE(d):
    return [d.strftime("%-d %B %Y"), d.strftime("%B %-d, %Y"), d.strftime("%Y-%m-%d")]


def fam_list():
    F = []

    # 0 hospital: discharge letter in plain language
    letter = (
        "Discharge summary - Mr P. Hale, 71, treated for community-acquired pneumonia.\n"
        "Discharged on amoxicillin 500 mg three times daily for 5 more days.\n"
        "Continue ramipril 5 mg once daily.\n"
        "GP to repeat chest X-ray in 6 weeks."
    )
    F.append(
        Family(
            "discharge_letter_plain",
            "hospital",
            [
                "Rewrite this discharge letter in plain language for {aud}, as {n}:\n{mat}",
                "Please turn the discharge letter below into simple, jargon-free wording for {aud}, as {n}.\n\n{mat}",
                "{mat}\n\nSimplify the letter above for {aud}. Format: {n}.",
                "Letter:\n{mat}\nPut this into plain English for {aud} using {n}.",
            ],
            {
                "aud": S("audience", [["the patient", "the patient himself"], ["the patient's carer"]]),
                "n": S(
                    "length",
                    [
                        ["five short bullet points", "5 short bullet points"],
                        ["three short bullet points", "3 short bullet points"],
                    ],
                    fk="equivalent_quantity",
                ),
                "mat": M(
                    [
                        letter,
                        letter.replace("Continue ramipril", "Stop ramipril"),
                        letter.replace("for 5 more days", "for 7 more days"),
                    ],
                    restrict=[(0, 1), (0, 2)],
                ),
            },
        )
    )

    # 1 hospital: interaction check against a pasted medication list
    meds = "warfarin 3 mg daily\nbisoprolol 2.5 mg daily\natorvastatin 20 mg at night\nomeprazole 20 mg daily"

    def medans(f):
        # the statin swap only counts for the two drugs whose statin interaction differs
        if f["mat"] == 2 and f["drug"] not in (0, 3):
            return (f["drug"], 0)
        return (f["drug"], f["mat"])

    F.append(
        Family(
            "med_list_interaction",
            "hospital",
            [
                "My patient takes the following:\n{mat}\nIs it safe to add {drug}? Flag any interactions.",
                "Check {drug} against this medication list for interactions:\n{mat}",
                "{mat}\n\nAny interaction problems if {drug} is started alongside the medicines above?",
                "Meds:\n{mat}\nWould starting {drug} interact with any of these? List the interactions.",
            ],
            {
                "drug": S(
                    "entity",
                    [["clarithromycin"], ["naproxen"], ["paracetamol", "acetaminophen"], ["fluconazole"]],
                ),
                "mat": M(
                    [
                        meds,
                        meds.replace("warfarin 3 mg", "apixaban 5 mg twice"),
                        meds.replace("atorvastatin", "simvastatin"),
                    ],
                    restrict=[(0, 1), (0, 2)],
                ),
            },
            answer=medans,
        )
    )

    # 2 hospital: appointment confirmation
    F.append(
        Family(
            "clinic_appointment_confirm",
            "hospital",
            [
                "Draft {fmt} to {name} confirming an appointment at {clinic} on {date} at {time}.",
                "Can you write {fmt} for {name}: appointment confirmed, {clinic}, {date}, {time}.",
                "Please prepare {fmt} telling {name} that their appointment at {clinic} is booked for {time} on {date}.",
                "I need {fmt} to {name} to confirm they are booked into {clinic} at {time} on {date}.",
            ],
            {
                "fmt": S("format", [["a letter"], ["a text message", "an SMS"]]),
                "name": S("name", [["Mrs Adebayo"], ["Mr Lindqvist"], ["Ms Ferreira"]]),
                "clinic": S("entity", [["the dermatology clinic"], ["the fracture clinic"]]),
                "date": S(
                    "date",
                    [DATE(datetime.date(2026, 4, 14)), DATE(datetime.date(2026, 4, 21))],
                    fk="equivalent_quantity",
                ),
                "time": S(
                    "time",
                    [["9:30am", "09:30", "9.30 a.m."], ["2:30pm", "14:30", "2.30 p.m."]],
                    fk="equivalent_quantity",
                ),
            },
        )
    )

    # 3 bank: loan affordability ratio
    inc = [2800, 3400]
    rep = [950, 1150]
    lim = [35, 40]

    def afford(f):
        r = rep[f["rep"]] * (52 / 12 if f["per"] == 1 else 1) / inc[f["inc"]] * 100
        return (round(r, 1), r <= lim[f["lim"]])

    F.append(
        Family(
            "loan_affordability_ratio",
            "bank",
            [
                "Net monthly income is {inc} and the new loan would cost {rep} {per}. Policy says repayments can't exceed {lim} of net income. Work out the repayment as a share of income and tell me if it passes.",
                "Affordability check please: repayment {rep} {per}, net income {inc} a month, limit {lim}. What percentage of income is that and is it within the limit?",
                "Does a loan repayment of {rep} {per} pass our {lim} affordability cap for an applicant with net monthly pay of {inc}? Give the percentage too.",
                "Applicant takes home {inc} monthly. Proposed repayment: {rep} {per}. Cap: {lim} of take-home pay. Calculate the ratio and say pass or fail.",
            ],
            {
                "inc": S(
                    "number",
                    [["£2,800", "£2800", "2,800 pounds"], ["£3,400", "£3400", "3,400 pounds"]],
                    fk="equivalent_quantity",
                ),
                "rep": S("number", [["£950", "950 pounds"], ["£1,150", "£1150"]], fk="equivalent_quantity"),
                "per": S("unit", [["a month", "per month"], ["a week", "per week"]]),
                "lim": S(
                    "number",
                    [["35%", "35 %", "35 percent"], ["40%", "40 %", "40 percent"]],
                    fk="equivalent_quantity",
                ),
            },
            answer=afford,
        )
    )

    # 4 bank: fraud alert explanation
    alert = (
        "Alert FR-20931\nCard ending 4417\nAmount: £1,240.00\nMerchant: ELECTRO-MART ONLINE\n"
        "Country: Lithuania\nRule: first card-not-present purchase abroad over £1,000\nTime: 03:12"
    )
    F.append(
        Family(
            "fraud_alert_explain",
            "bank",
            [
                "Explain this fraud alert to {aud} in {n}:\n{mat}",
                "{mat}\nWhy was this transaction flagged? Write the explanation for {aud}, {n} long.",
                "Alert:\n{mat}\n\nPlease explain in {n}, for {aud}, what triggered it.",
                "In {n}, tell {aud} why our system raised the alert below.\n{mat}",
            ],
            {
                "aud": S("audience", [["the customer", "the account holder"], ["a fraud analyst"]]),
                "n": S(
                    "length",
                    [["two sentences", "2 sentences"], ["four sentences", "4 sentences"]],
                    fk="equivalent_quantity",
                ),
                "mat": M(
                    [
                        alert,
                        alert.replace(
                            "first card-not-present purchase abroad over £1,000",
                            "card used in two countries within one hour",
                        ),
                        alert.replace(
                            "first card-not-present purchase abroad over £1,000",
                            "purchase over 5 times the customer's usual spend",
                        ),
                    ],
                    restrict=[(0, 1), (0, 2)],
                ),
            },
        )
    )

    # 5 bank: KYC document checklist
    F.append(
        Family(
            "kyc_document_checklist",
            "bank",
            [
                "What KYC documents do we need from {ctype} opening a business account, where the main contact is {res}? Give {fmt}.",
                "List the identity and verification documents required to onboard {ctype} (main contact {res}) as {fmt}.",
                "Onboarding {ctype} for a business account; the main contact is {res}. Which KYC documents should we ask for? Answer as {fmt}.",
                "Give me {fmt} of the KYC paperwork to collect from {ctype} whose main contact is {res}.",
            ],
            {
                "ctype": S(
                    "entity",
                    [
                        ["a sole trader", "a self-employed sole trader"],
                        ["a private limited company"],
                        ["a partnership"],
                        ["a registered charity"],
                    ],
                ),
                "res": S(
                    "negation",
                    [["UK resident", "resident in the UK"], ["not UK resident", "not resident in the UK"]],
                ),
                "fmt": S("format", [["a numbered list"], ["a table"]]),
            },
        )
    )

    # 6 law firm: clause comparison
    cl = (
        "A: The landlord may end this tenancy by giving the tenant two months' written notice.\n"
        "B: The landlord may end this tenancy by giving the tenant one month's written notice, served by email."
    )
    months = {0: (8, 4), 1: (8, 13), 2: (6, 4)}  # notice in weeks (approx.), for ordering only

    def clause_ans(f):
        a, b = months[f["mat"]]
        longer = "A" if a > b else "B"
        shorter = "B" if a > b else "A"
        w = longer if f["q"] == 0 else shorter
        return (w, (a, b) if f["fmt"] == 1 else None)

    F.append(
        Family(
            "tenancy_clause_compare",
            "law_firm",
            [
                "Compare these clauses. Which one {q}? {fmt}\n{mat}",
                "{mat}\n\nOf clause A and clause B, which {q}? {fmt}",
                "Which clause {q}?\n\n{mat}\n\n{fmt}",
                "Here are two versions of the termination clause:\n{mat}\nWhich version {q}? {fmt}",
            ],
            {
                "q": S(
                    "antonym",
                    [
                        ["gives the tenant longer notice", "gives the tenant a longer notice period"],
                        ["gives the tenant shorter notice", "gives the tenant a shorter notice period"],
                    ],
                ),
                "fmt": S(
                    "format",
                    [
                        ["Answer A or B only.", "Reply with just A or B."],
                        [
                            "Answer A or B and quote the notice period from each.",
                            "Give A or B and quote each clause's notice period.",
                        ],
                    ],
                ),
                "mat": M(
                    [
                        cl,
                        cl.replace("one month's", "three months'"),
                        cl.replace("two months' written", "six weeks' written"),
                    ],
                    restrict=[(0, 1), (0, 2)],
                ),
            },
            answer=clause_ans,
            positions=["post", "pre", "post", "pre"],
        )
    )

    # 7 law firm: deadline computation under a filing rule
    ndays = [14, 21, 28]
    served = [datetime.date(2026, 3, 3), datetime.date(2026, 3, 7), datetime.date(2026, 3, 10)]

    def deadline(f):
        d = served[f["date"]] + datetime.timedelta(days=ndays[f["n"]])
        if f["c"] == 1:
            while d.weekday() >= 5:
                d += datetime.timedelta(days=1)
        return d

    F.append(
        Family(
            "court_filing_deadline",
            "law_firm",
            [
                "Our rule says a defence must be filed within {n} of service of the claim. The claim was served on {date}. What is the last day for filing?{c}",
                "Work out the defence filing deadline: claim served {date}, rule = file within {n} of service.{c}",
                "Claim served on {date}; the defence is due within {n} of service. Which date is the deadline?{c}",
                "If service happened on {date} and the defence has to be filed within {n} after service, what's the final filing date?{c}",
            ],
            {
                "n": S(
                    "number",
                    [
                        ["14 days", "fourteen days", "two weeks"],
                        ["21 days", "twenty-one days", "three weeks"],
                        ["28 days", "four weeks"],
                    ],
                    fk="equivalent_quantity",
                ),
                "date": S("date", [DATE(d) for d in served], fk="equivalent_quantity"),
                "c": S(
                    "constraint",
                    [
                        [""],
                        [
                            " If it falls on a Saturday or Sunday, move it to the next Monday.",
                            " Move it to the following Monday if it lands on a weekend.",
                        ],
                    ],
                ),
            },
            answer=deadline,
        )
    )

    # 8 public administration: FOI reply
    foi = (
        "Dear council, under the Freedom of Information Act please tell me how much the council spent on "
        "road gritting in 2024/25 and how many gritting lorries it owns. Regards, J. Ellis"
    )
    F.append(
        Family(
            "foi_reply_draft",
            "public_admin",
            [
                "Draft {fmt} to this Freedom of Information request, received on {date}. Note that {held}.\n{mat}",
                "FOI request (received {date}):\n{mat}\nPlease write {fmt}; {held}.",
                "{mat}\n\nThat FOI request came in on {date}. Write {fmt} to it - {held}.",
                "Please write {fmt} to the FOI request below. It arrived on {date} and {held}.\n\n{mat}",
            ],
            {
                "fmt": S(
                    "format", [["a formal reply letter", "a formal letter in reply"], ["a short email reply"]]
                ),
                "date": S(
                    "date",
                    [DATE(datetime.date(2026, 2, 2)), DATE(datetime.date(2026, 2, 9))],
                    fk="equivalent_quantity",
                ),
                "held": S(
                    "negation",
                    [
                        ["we hold the information", "we do hold this information"],
                        ["we do not hold the information", "we don't hold this information"],
                    ],
                ),
                "mat": M(
                    [foi, foi.replace("2024/25", "2023/24"), foi.replace("gritting lorries", "salt bins")],
                    restrict=[(0, 1), (0, 2)],
                ),
            },
            positions=["post", "pre", "pre", "post"],
        )
    )

    # 9 public administration: benefit eligibility under pasted rules
    rules = (
        "Eligible only if all apply:\n- aged 18 to 66\n- savings under £16,000\n"
        "- working fewer than 16 hours a week"
    )
    ages, savs, hrs = [34, 45, 70], [12000, 9500, 18500, 16000], [10, 12, 20]

    def elig(f):
        lim = [16000, 6000, 16001][f["mat"]]
        fails = []
        if not 18 <= ages[f["age"]] <= 66:
            fails.append("age")
        if not savs[f["sav"]] < lim:
            fails.append("savings")
        if not hrs[f["hrs"]] < 16:
            fails.append("hours")
        return tuple(fails)

    F.append(
        Family(
            "benefit_eligibility_rules",
            "public_admin",
            [
                "Using these eligibility rules:\n{mat}\nIs a {age}-year-old with savings of {sav} who works {hrs} hours a week eligible? Say why.",
                "{mat}\n\nApplicant: age {age}, savings {sav}, works {hrs} hours weekly. Eligible or not, and why?",
                "Rules:\n{mat}\nCheck eligibility, with reasons, for someone aged {age} who has {sav} saved and works {hrs} hours per week.",
                "Would an applicant aged {age}, with {sav} in savings and {hrs} hours of work a week, qualify under the rules below? Explain.\n{mat}",
            ],
            {
                "age": S(
                    "number",
                    [["34", "thirty-four"], ["45", "forty-five"], ["70", "seventy"]],
                    fk="equivalent_quantity",
                ),
                "sav": S(
                    "number",
                    [
                        ["£12,000", "£12k", "12,000 pounds"],
                        ["£9,500", "£9500"],
                        ["£18,500", "£18.5k"],
                        ["£16,000", "£16k", "16,000 pounds"],
                    ],
                    fk="equivalent_quantity",
                ),
                "hrs": S(
                    "number", [["10", "ten"], ["12", "twelve"], ["20", "twenty"]], fk="equivalent_quantity"
                ),
                "mat": M(
                    [
                        rules,
                        rules.replace("under £16,000", "under £6,000"),
                        rules.replace("savings under £16,000", "savings of £16,000 or less"),
                    ],
                    pairs={(0, 2): "comparative"},
                    restrict=[(0, 1), (0, 2)],
                ),
            },
            answer=elig,
        )
    )

    # 10 public administration: council tax bill
    bands = "Band A £1,420.11; Band B £1,656.80; Band C £1,893.48; Band D £2,130.17"
    bandv = [[1656.80, 1893.48, 2130.17], [1656.80, 1983.48, 2130.17]]

    def ctax(f):
        v = bandv[f["mat"]][f["band"]] * (0.75 if f["disc"] == 0 else 1)
        return round(v / (10 if f["per"] == 1 else 1), 2)

    F.append(
        Family(
            "council_tax_bill",
            "public_admin",
            [
                "Council tax charges 2026/27: {mat}\nWhat is the bill for a {band} property {disc}, {per}?",
                "{mat}\nCalculate the council tax for a {band} home {disc}, {per}.",
                "How much council tax is due {per} on a {band} property {disc}? Annual charges: {mat}",
                "Using these annual charges:\n{mat}\nwork out the {band} amount {disc}, {per}.",
            ],
            {
                "band": S("entity", [["Band B"], ["Band C"], ["Band D"]]),
                "disc": S(
                    "negation",
                    [
                        ["with the 25% single person discount", "with the 25 percent single-person discount"],
                        ["with no discount", "without any discount"],
                    ],
                ),
                "per": S(
                    "time_frame",
                    [
                        ["for the year", "per year"],
                        ["per instalment over 10 monthly instalments", "for each of 10 monthly instalments"],
                    ],
                ),
                "mat": M([bands, bands.replace("£1,893.48", "£1,983.48")]),
            },
            answer=ctax,
        )
    )

    # 11 IT: asset lookup in a pasted inventory
    inv = (
        "asset_tag,user,model,os,warranty_end\nLT-0412,Priya Shah,Latitude 5440,Windows 11,2027-03-31\n"
        "LT-0419,Tom Reyes,ThinkPad T14,Windows 11,2026-08-15\nMB-0107,Ana Costa,MacBook Air M2,macOS 14,2026-11-30\n"
        "LT-0433,Sam Okafor,Latitude 5440,Windows 10,2025-12-31"
    )
    invs = [inv, inv.replace("2026-08-15", "2026-09-15"), inv.replace("Tom Reyes", "Tom Rees")]

    def asset(f):
        rows = [r.split(",") for r in invs[f["mat"]].split("\n")[1:]]
        tag = ["LT-0419", "MB-0107", "LT-0433"][f["tag"]]
        row = next(r for r in rows if r[0] == tag)
        return row[[4, 1, 3][f["field"]]]

    F.append(
        Family(
            "it_asset_inventory_lookup",
            "it_ops",
            [
                "From this inventory, what is the {field} for {tag}?\n{mat}",
                "{mat}\nLook up {tag} in the export above and give me its {field}.",
                "Inventory export:\n{mat}\n\nQuestion: {field} of asset {tag}?",
                "Tell me the {field} recorded for asset {tag}. Data:\n{mat}",
            ],
            {
                "field": S(
                    "field",
                    [
                        ["warranty end date", "warranty expiry date"],
                        ["assigned user", "user"],
                        ["operating system", "OS"],
                    ],
                ),
                "tag": S("entity", [["LT-0419"], ["MB-0107"], ["LT-0433"]]),
                "mat": M(invs, lang="csv", restrict=[(0, 1), (0, 2)]),
            },
            answer=asset,
        )
    )

    # 12 hospital staff: shift swap message
    F.append(
        Family(
            "shift_swap_message",
            "hospital_staff",
            [
                "Write {fmt} to {name} {dir} {shift} on {date}.",
                "Can you draft {fmt} for my colleague {name}, {dir} {shift} on {date}?",
                "Please compose {fmt} to {name} {dir} {shift} ({date}).",
                "I need {fmt} to {name} {dir} {shift} on {date}.",
            ],
            {
                "fmt": S("format", [["a Teams message"], ["an email"]]),
                "name": S("name", [["Femi"], ["Grace"], ["Joanna"]]),
                "dir": S(
                    "role",
                    [["asking if they can take my", "asking them to cover my"], ["offering to take their"]],
                ),
                "shift": S(
                    "entity", [["early shift"], ["late shift"], ["night shift"]], pairs={(0, 1): "antonym"}
                ),
                "date": S(
                    "date",
                    [["Saturday 14 March", "Sat 14 March"], ["Sunday 15 March", "Sun 15 March"]],
                    fk="equivalent_quantity",
                ),
            },
        )
    )

    # 13 public administration: committee minutes to actions
    mins = (
        "Planning committee, 5 March 2026\n- Cllr Patel to circulate the revised parking plan by 20 March.\n"
        "- Ms Okoro to book the consultation venue by 31 March.\n"
        "- Cllr Patel and Mr Dunn to meet the bus operator in April.\n"
        "- Mr Dunn to update the website after the meeting."
    )
    minv = [
        mins,
        mins.replace("by 20 March", "by 27 March"),
        mins.replace("Ms Okoro to book", "Mr Dunn to book"),
    ]
    who = [None, "Cllr Patel", "Ms Okoro"]

    def actions(f):
        lines = [l for l in minv[f["mat"]].split("\n")[1:]]
        w = who[f["who"]]
        return (f["fmt"], tuple(l for l in lines if w is None or w in l))

    F.append(
        Family(
            "minutes_to_actions",
            "public_admin",
            [
                "Turn these minutes into action items for {who}, as {fmt}:\n{mat}",
                "{mat}\n\nExtract the actions for {who} from the minutes above. Present them as {fmt}.",
                "Minutes:\n{mat}\nList the action points for {who} in {fmt}.",
                "Please pull the actions for {who} out of these minutes and give them as {fmt}.\n\n{mat}",
            ],
            {
                "who": S(
                    "name",
                    [
                        ["everyone", "all attendees"],
                        ["Cllr Patel only", "only Cllr Patel"],
                        ["Ms Okoro only", "only Ms Okoro"],
                    ],
                ),
                "fmt": S(
                    "format",
                    [
                        ["a bulleted list", "a bullet list"],
                        [
                            "a table with owner and due date columns",
                            "a table with columns for owner and due date",
                        ],
                    ],
                ),
                "mat": M(minv, restrict=[(0, 1), (0, 2)]),
            },
            answer=actions,
        )
    )

    # 14 data: CSV column statistics
    csvt = "ward,admissions,avg_stay_days,readmissions\nAsh,124,4.2,9\nBirch,98,6.1,12\nCedar,143,3.8,7\nElm,110,5.0,15"
    csvs = [csvt, csvt.replace("Birch,98,6.1,12", "Birch,98,6.1,21")]

    def stat(f):
        rows = [r.split(",") for r in csvs[f["mat"]].split("\n")[1:]]
        xs = sorted(float(r[[1, 3, 2][f["col"]]]) for r in rows)
        return round([sum(xs) / len(xs), (xs[1] + xs[2]) / 2, xs[-1]][f["stat"]], 4)

    F.append(
        Family(
            "csv_column_stats",
            "data",
            [
                "What is the {stat} of the {col} column?\n{mat}",
                "{mat}\nCompute the {stat} of column {col}.",
                "Data:\n{mat}\n\nI need the {stat} for {col}, please.",
                "Give me the {stat} of {col} in this CSV:\n{mat}",
            ],
            {
                "stat": S("action", [["mean", "average"], ["median"], ["maximum", "highest value"]]),
                "col": S("field", [["admissions"], ["readmissions"], ["avg_stay_days"]]),
                "mat": M(csvs, lang="csv"),
            },
            answer=stat,
        )
    )

    # 15 data: date format conversion
    dl = "Due dates: 5 January 2026; 17 February 2026; 30 March 2026"
    F.append(
        Family(
            "date_format_convert",
            "data",
            [
                "Convert these dates to {fmt}{c}: {mat}",
                "{mat}\nRewrite the dates above as {fmt}{c}.",
                "Please change every date in the following line to {fmt}{c}.\n{mat}",
                "Text: {mat}\nReformat the dates as {fmt}{c}.",
            ],
            {
                "fmt": S(
                    "format",
                    [
                        ["ISO 8601 (YYYY-MM-DD)", "YYYY-MM-DD (ISO 8601)"],
                        ["DD/MM/YYYY"],
                        ["MM/DD/YYYY", "US-style MM/DD/YYYY"],
                    ],
                ),
                "c": S(
                    "constraint",
                    [[""], [" and add the weekday to each", " and include each date's day of the week"]],
                ),
                "mat": M([dl, dl.replace("17 February", "17 March"), dl.replace("5 January", "15 January")]),
            },
        )
    )

    # 16 procurement: unit price comparison
    asz, bsz, p1, p2 = [0.5, 0.4], [0.75, 1.0], [2.40, 1.90], [3.30, 4.10]

    def uprice(f):
        a = p1[f["p1"]] / asz[f["a"]]
        b = p2[f["p2"]] / bsz[f["b"]]
        return (f["cur"], round(a, 3), round(b, 3))

    F.append(
        Family(
            "unit_price_compare",
            "procurement",
            [
                "Which is better value: {a} for {cur}{p1} or {b} for {cur}{p2}? Give the price per kg of each.",
                "Compare price per kilo: {b} at {cur}{p2} vs {a} at {cur}{p1}. Which is the better deal?",
                "Option 1: {a}, {cur}{p1}. Option 2: {b}, {cur}{p2}. Work out the cost per kg of each and tell me which is cheaper per kg.",
                "Is {a} for {cur}{p1} cheaper per kg than {b} for {cur}{p2}? Show both per-kg prices.",
            ],
            {
                "a": S(
                    "number",
                    [["500 g", "500g", "0.5 kg"], ["400 g", "400g", "0.4 kg"]],
                    fk="equivalent_quantity",
                ),
                "b": S(
                    "number",
                    [["750 g", "750g", "0.75 kg"], ["1 kg", "1kg", "1,000 g"]],
                    fk="equivalent_quantity",
                ),
                "cur": S("currency", [["£"], ["€"]]),
                "p1": S("number", [["2.40"], ["1.90"]]),
                "p2": S("number", [["3.30"], ["4.10"]]),
            },
            answer=uprice,
        )
    )

    # 17 hospital data: SQL against a described schema
    schema = "admissions(id, patient_id, ward_id, admitted_at, discharged_at); wards(id, name, site)"
    F.append(
        Family(
            "sql_ward_admissions",
            "sql",
            [
                "Schema: {mat}\nWrite a {dialect} query that returns, for each ward name, the {metric} in {month}.",
                "Given the tables {mat}, I need {dialect} SQL giving the {metric} per ward name for {month}.",
                "{mat}\n\nUsing those tables, write {dialect} to list each ward's name with the {metric} for {month}.",
                "Can you write a {dialect} query: {metric} by ward name, {month}? Tables: {mat}",
            ],
            {
                "dialect": S("prog_language", [["PostgreSQL", "Postgres"], ["SQL Server", "T-SQL"]]),
                "metric": S(
                    "action",
                    [
                        ["number of admissions", "count of admissions"],
                        ["average length of stay in days", "mean length of stay in days"],
                    ],
                ),
                "month": S(
                    "date", [["March 2026", "Mar 2026"], ["April 2026", "Apr 2026"]], fk="equivalent_quantity"
                ),
                "mat": M([schema, schema.replace("admitted_at", "admission_date")]),
            },
        )
    )

    # 18 code: Python function review with a pasted snippet
    py = (
        "def late_fee(days_late, daily_rate):\n    if days_late < 0:\n        return 0\n"
        "    return days_late * daily_rate\n\n"
        "def total_due(amounts):\n    total = 0\n    for a in amounts:\n        total =+ a\n    return total"
    )
    pys = [
        py,
        py.replace("total =+ a", "total += a"),
        py.replace("        return 0\n", "        return daily_rate\n"),
        py.replace("return days_late * daily_rate", "return days_late + daily_rate"),
    ]

    def pyans(f):
        fn = ["late_fee", "total_due"][f["fn"]]
        block = next(b for b in pys[f["mat"]].split("\n\n") if b.startswith("def " + fn))
        return (fn, block)

    F.append(
        Family(
            "python_function_review",
            "code",
            [
                "Explain what `{fn}` does in this code and whether it has a bug:\n{mat}",
                "{mat}\nIs there a bug in {fn}()? Explain what the function does.",
                "Code:\n{mat}\n\nWalk me through the {fn} function and flag any bug in it.",
                "Could you review the function {fn} below, say what it does and point out any bug?\n{mat}",
            ],
            {
                "fn": S("function", [["late_fee"], ["total_due"]]),
                "mat": M(pys, lang="python", restrict=[(0, 1), (0, 2), (0, 3)]),
            },
            answer=pyans,
        )
    )

    # 19 code: JavaScript value trace with a pasted snippet
    js = (
        "let total = 0;\nconst items = [4, 9, 12];\nfor (let i = 1; i < items.length; i++) {\n"
        "  total += items[i];\n}\nconst avg = total / items.length;"
    )
    jss = [
        js,
        js.replace("let i = 1", "let i = 0"),
        js.replace("[4, 9, 12]", "[4, 9, 15]"),
        js.replace("total / items.length", "total / (items.length - 1)"),
    ]

    def jsans(f):
        items = [4, 9, 15] if f["mat"] == 2 else [4, 9, 12]
        start = 0 if f["mat"] == 1 else 1
        total = sum(items[start:])
        avg = total / (len(items) - 1 if f["mat"] == 3 else len(items))
        return round([total, avg][f["var"]], 6)

    F.append(
        Family(
            "js_value_trace",
            "code",
            [
                "What is the value of `{var}` after this JavaScript runs?\n{mat}",
                "{mat}\nWhen that snippet finishes, what does {var} hold?",
                "JS snippet:\n{mat}\n\nTell me the final value of the variable {var}.",
                "After running the code below, what will `{var}` be equal to?\n{mat}",
            ],
            {
                "var": S("variable", [["total"], ["avg"]]),
                "mat": M(jss, lang="js", restrict=[(0, 1), (0, 2), (0, 3)]),
            },
            answer=jsans,
        )
    )

    # 20 IT: log line triage
    log = (
        "2026-03-09 14:02:11 INFO  billing-api  request completed in 120 ms\n"
        "2026-03-09 14:02:17 ERROR billing-api  connection refused: db-primary:5432\n"
        "2026-03-09 14:02:19 WARN  auth-svc     token refresh slow (2.4 s)\n"
        "2026-03-09 14:02:25 ERROR auth-svc     TLS certificate expires in 3 days"
    )
    logs = [
        log,
        log.replace("db-primary:5432", "db-replica:5432"),
        log.replace("expires in 3 days", "expired 3 days ago"),
    ]

    def logans(f):
        t = ["14:02:17", "14:02:19", "14:02:25"][f["t"]]
        line = next(l for l in logs[f["mat"]].split("\n") if t in l)
        return (line, f["fmt"])

    F.append(
        Family(
            "log_line_triage",
            "it_ops",
            [
                "Explain the log line at {t} and suggest the first thing to check, {fmt}.\n{mat}",
                "{mat}\n\nTriage the {t} entry above: what does it mean and what should on-call look at first? Answer {fmt}.",
                "Logs:\n{mat}\nWhat is going on in the line stamped {t}, and where should we start? Reply {fmt}.",
                "Here is a log excerpt. Please explain the {t} line and the first check to make, {fmt}.\n{mat}",
            ],
            {
                "t": S("entity", [["14:02:17"], ["14:02:19"], ["14:02:25"]]),
                "fmt": S(
                    "format",
                    [
                        ["in two sentences", "in 2 sentences"],
                        ["as three bullet points", "as 3 bullet points"],
                    ],
                ),
                "mat": M(logs, lang="text", restrict=[(0, 1), (0, 2)]),
            },
            answer=logans,
        )
    )

    # 21 public notices: translation
    note = "The lift on level 2 is out of order until Friday. Please use the stairs."
    F.append(
        Family(
            "notice_translation",
            "translation",
            [
                "Translate this notice into {lang}, {reg} register: {mat}",
                "{mat}\nPlease put the notice above into {lang} (use a {reg} register).",
                "Notice text:\n{mat}\n\nI need it in {lang}, {reg} register.",
                "Can you give me a {lang} translation, {reg} register, of the following notice?\n{mat}",
            ],
            {
                "lang": S("language", [["German"], ["French"], ["Spanish"], ["Italian"], ["Dutch"]]),
                "reg": S("antonym", [["formal"], ["informal"]]),
                "mat": M(
                    [
                        note,
                        "The lifts on level 2 are out of order until Friday. Please use the stairs.",
                        note.replace("until Friday", "until Thursday"),
                    ],
                    pairs={(0, 1): "plurality"},
                    restrict=[(0, 1), (0, 2)],
                ),
            },
        )
    )

    # 22 tone rewriting
    msg = (
        "Hi, your parking charge appeal was looked at. We cannot refund the parking charge because the "
        "ticket was issued correctly. You can appeal again within 28 days."
    )
    F.append(
        Family(
            "tone_rewrite",
            "public_admin",
            [
                "Rewrite this message to {aud} so it sounds {tone}{len}:\n{mat}",
                "{mat}\nMake the message above {tone} for {aud}{len}.",
                "Message to {aud}:\n{mat}\n\nRewrite it to sound {tone}{len}.",
                "Can you make this note to {aud} sound {tone}{len}? {mat}",
            ],
            {
                "aud": S(
                    "audience",
                    [["a resident", "a local resident"], ["a councillor", "an elected councillor"]],
                ),
                "tone": S("antonym", [["more formal"], ["friendlier", "more friendly"]]),
                "len": S("constraint", [[""], [", keeping it under 60 words", ", in under 60 words"]]),
                "mat": M(
                    [
                        msg,
                        msg.replace("We cannot refund", "We can refund"),
                        msg.replace("28 days", "14 days"),
                    ],
                    restrict=[(0, 1), (0, 2)],
                ),
            },
        )
    )

    # 23 summarising a pasted paragraph
    par = (
        "The council has agreed its budget for 2026/27. Council tax will rise by 4.9% from April. "
        "Spending will focus on adult social care, where demand "
        "has grown faster than expected. Library opening hours will be kept at current levels."
    )
    F.append(
        Family(
            "budget_paragraph_summary",
            "public_admin",
            [
                "Summarise this for {aud} in {n}:\n{mat}",
                "{mat}\n\nGive {aud} a summary of the paragraph above in {n}.",
                "Text:\n{mat}\nTL;DR in {n} for {aud}, please.",
                "Can you sum up the following paragraph for {aud} in {n}? {mat}",
            ],
            {
                "aud": S("audience", [["residents", "local residents"], ["councillors", "elected members"]]),
                "n": S(
                    "length",
                    [["one sentence", "a single sentence", "1 sentence"], ["three sentences", "3 sentences"]],
                    fk="equivalent_quantity",
                ),
                "mat": M([par, par.replace("rise by 4.9%", "fall by 4.9%")]),
            },
        )
    )

    # 24 bank: extract a field from a pasted payee record
    rec = (
        "Payee: Northgate Cleaning Ltd\nSort code: 20-45-77\nAccount number: 41328806\n"
        "Reference: INV-7714\nAmount: £1,286.40\nDue: 2026-03-27"
    )
    recs = [
        rec,
        rec.replace("41328806", "41328860"),
        rec.replace("2026-03-27", "2026-03-17"),
        rec.replace("£1,286.40", "£1,268.40"),
    ]

    def recans(f):
        key = ["Sort code", "Account number", "Reference", "Due", "Amount"][f["field"]]
        val = next(l for l in recs[f["mat"]].split("\n") if l.startswith(key))
        return (val, f["fmt"])

    F.append(
        Family(
            "payee_record_extract",
            "bank",
            [
                "What is the {field} in this payee record? Give {fmt}.\n{mat}",
                "{mat}\nExtract the {field} from the record above - {fmt}.",
                "Record:\n{mat}\n\nPull out the {field}. Reply with {fmt}.",
                "From the following payment record, extract the {field} ({fmt}):\n{mat}",
            ],
            {
                "field": S(
                    "field",
                    [["sort code"], ["account number"], ["payment reference"], ["due date"], ["amount"]],
                ),
                "fmt": S(
                    "format",
                    [
                        ["just the value", "the value only"],
                        ["a JSON object with the field name as key", "JSON with the field name as the key"],
                    ],
                ),
                "mat": M(recs, restrict=[(0, 1), (0, 2), (0, 3)]),
            },
            answer=recans,
        )
    )

    # 25 hospital: question answering over a pasted bed-state table
    tab = (
        "| Ward | Beds | Occupied | Delayed discharges |\n|---|---|---|---|\n| Ash | 28 | 26 | 4 |\n"
        "| Birch | 32 | 27 | 7 |\n| Cedar | 24 | 24 | 2 |\n| Elm | 30 | 22 | 5 |"
    )
    tabs = [
        tab,
        tab.replace("| Elm | 30 | 22 |", "| Elm | 30 | 29 |"),
        tab.replace("| 24 | 2 |", "| 24 | 8 |"),
    ]

    def tabans(f):
        rows = [[c.strip() for c in r.strip("|").split("|")] for r in tabs[f["mat"]].split("\n")[2:]]
        if f["col"] == 0:
            vals = [(int(r[2]) / int(r[1]), r[0]) for r in rows]
        else:
            vals = [(int(r[3]), r[0]) for r in rows]
        best = max(vals) if f["cmp"] == 0 else min(vals)
        return (best[1], round(best[0], 4))

    F.append(
        Family(
            "bed_table_qa",
            "hospital",
            [
                "Which ward has the {cmp} {col}, and what is the figure?\n{mat}",
                "{mat}\n\nFrom the table above, tell me the ward with the {cmp} {col} and its value.",
                "Table:\n{mat}\nWhich ward has the {cmp} {col}? Include the number.",
                "Look at this bed state and name the ward with the {cmp} {col}, with the figure:\n{mat}",
            ],
            {
                "cmp": S("antonym", [["highest"], ["lowest"]]),
                "col": S(
                    "field",
                    [
                        ["occupancy rate", "bed occupancy percentage"],
                        ["number of delayed discharges", "delayed-discharge count"],
                    ],
                ),
                "mat": M(tabs, lang="markdown", restrict=[(0, 1), (0, 2)]),
            },
            answer=tabans,
        )
    )

    # 26 hospital payroll: overtime pay
    F.append(
        Family(
            "overtime_pay_calc",
            "hospital_payroll",
            [
                "A nurse worked {h} of overtime at {m}. Base rate is {r} an hour. How much overtime pay is that{c}?",
                "Calculate overtime pay: {h} at {m}, base hourly rate {r}{c}.",
                "What is the overtime pay for {h} paid at {m} on a base rate of {r} per hour{c}?",
                "Base pay {r} per hour, overtime {h} at {m}. Work out the overtime pay{c}.",
            ],
            {
                "h": S(
                    "number",
                    [["6 hours", "six hours", "360 minutes"], ["9 hours", "nine hours"]],
                    fk="equivalent_quantity",
                ),
                "m": S(
                    "number",
                    [
                        ["time and a half", "1.5 times the hourly rate", "1.5x"],
                        ["double time", "2 times the hourly rate", "2x"],
                    ],
                    fk="equivalent_quantity",
                ),
                "r": S(
                    "number",
                    [["£18.40", "18.40 pounds"], ["£21.75", "21.75 pounds"]],
                    fk="equivalent_quantity",
                ),
                "c": S(
                    "constraint", [[""], [" after deducting 20% tax", " after 20 percent tax is deducted"]]
                ),
            },
        )
    )

    # 27 bank: FX transfer quote
    F.append(
        Family(
            "fx_transfer_quote",
            "bank",
            [
                "A customer wants to send {amt} abroad in {cur} at an exchange rate of {rate}, with {fee} taken off first. How much arrives?",
                "Work out how many {cur} the recipient gets: {amt} sent, rate {rate}, {fee} deducted before conversion.",
                "FX quote: {amt} converted to {cur} at {rate} after {fee} is deducted. What is the amount received?",
                "If we deduct {fee} from {amt} and convert the rest to {cur} at {rate}, what does the beneficiary receive?",
            ],
            {
                "amt": S(
                    "number",
                    [["£2,500", "£2500", "2,500 pounds"], ["£5,000", "£5000", "£5k"]],
                    fk="equivalent_quantity",
                ),
                "cur": S("currency", [["euros", "EUR"], ["US dollars", "USD"]]),
                "rate": S("number", [["1.17"], ["1.19"]]),
                "fee": S("modifier", [["a £12 fee", "a fixed fee of £12"], ["a 0.5% fee", "a fee of 0.5%"]]),
            },
        )
    )
    return F


# --------------------------------------------------------------------------- generation
POS_KINDS = [
    "reword",
    "reword_noisy",
    "material_moved",
    "synonym",
    "equivalent_quantity",
    "quote_marks",
    *NOISE,
]


def rand_facts(fam, rng):
    return {k: rng.randrange(len(s.values)) for k, s in fam.slots.items()}


def rand_forms(fam, facts, rng):
    return {k: rng.randrange(len(s.values[facts[k]])) for k, s in fam.slots.items()}


def with_noise(segs, rng, nops):
    for op in rng.sample(NOISE, nops):
        new = noise(segs, op, rng)
        if new is not None:
            segs = new
    return segs


def make_positive(fam, kind, rng):
    facts = rand_facts(fam, rng)
    nt = len(fam.templates)
    if kind in ("reword", "material_moved", "reword_noisy"):
        t1, t2 = rng.sample(range(nt), 2)
        if kind == "reword" and fam.mat and fam.pos(t1) != fam.pos(t2):
            return None
        if kind == "material_moved" and (not fam.mat or fam.pos(t1) == fam.pos(t2)):
            return None
        s1 = render(fam, t1, facts, rand_forms(fam, facts, rng))
        s2 = render(fam, t2, facts, rand_forms(fam, facts, rng))
        if kind == "reword_noisy":
            s2 = with_noise(s2, rng, rng.choice([1, 2]))
        return join(s1), join(s2), facts, facts
    t = rng.randrange(nt)
    forms = rand_forms(fam, facts, rng)
    if kind in ("synonym", "equivalent_quantity", "quote_marks"):
        cands = [k for k, s in fam.slots.items() if s.fk == kind and len(s.values[facts[k]]) > 1]
        if not cands:
            return None
        k = rng.choice(cands)
        f2 = dict(forms)
        f2[k] = rng.choice([i for i in range(len(fam.slots[k].values[facts[k]])) if i != forms[k]])
        return join(render(fam, t, facts, forms)), join(render(fam, t, facts, f2)), facts, facts
    segs = render(fam, t, facts, forms)
    new = noise(segs, kind, rng)
    if new is None:
        return None
    return join(segs), join(new), facts, facts


def make_negative(fam, kind, changes, minimal, rng):
    slot, i, j, _ = rng.choice(changes)
    facts = rand_facts(fam, rng)
    facts[slot] = i
    f2 = dict(facts)
    f2[slot] = j
    assert sum(facts[k] != f2[k] for k in facts) == 1
    if fam.answer is not None and fam.answer(facts) == fam.answer(f2):
        return None
    t1 = rng.randrange(len(fam.templates))
    forms = rand_forms(fam, facts, rng)
    s1 = render(fam, t1, facts, forms)
    if minimal:
        forms2 = dict(forms)
        forms2[slot] = forms[slot] % len(fam.slots[slot].values[j])
        s2 = render(fam, t1, f2, forms2)
        if rng.random() < 0.5:
            op = rng.choice(NOISE)
            seed = rng.random()
            n1 = noise(s1, op, random.Random(seed))
            n2 = noise(s2, op, random.Random(seed))
            if n1 is not None and n2 is not None:
                s1, s2 = n1, n2
    else:
        t2 = rng.choice([t for t in range(len(fam.templates)) if t != t1])
        s2 = render(fam, t2, f2, rand_forms(fam, f2, rng))
        if rng.random() < 0.5:
            s2 = with_noise(s2, rng, 1)
    return join(s1), join(s2), facts, f2


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


def gen_family(fam, idx, seed, n):
    rng = random.Random(f"{seed}:{fam.name}")
    npos = round(n * POS_SHARE)
    nneg = n - npos
    seen = set()
    uf = UF()
    pos, neg = [], []
    kinds = [k for k in POS_KINDS]
    ki = 0
    fails = collections.Counter()
    while len(pos) < npos:
        kind = kinds[ki % len(kinds)]
        ki += 1
        if fails[kind] > 200:
            if all(fails[k] > 200 for k in kinds):
                raise RuntimeError("cannot make positives for " + fam.name)
            continue
        r = make_positive(fam, kind, rng)
        if r is None:
            fails[kind] += 1
            ki -= 1 if fails[kind] % 20 else 0
            continue
        a, b, _, _ = r
        key = tuple(sorted((a, b)))
        if a == b or key in seen or (kind != "case" and a.lower() == b.lower()):
            fails[kind] += 1
            continue
        seen.add(key)
        uf.union(a, b)
        pos.append((kind, a, b, True))
    bykind = collections.defaultdict(list)
    for k, s in fam.slots.items():
        for i, j, kind in s.changes():
            bykind[kind].append((k, i, j, kind))
    nkinds = sorted(bykind)
    ki = 0
    nmin = 0
    fails = collections.Counter()
    while len(neg) < nneg:
        kind = nkinds[ki % len(nkinds)]
        ki += 1
        if fails[kind] > 400:
            if all(fails[k] > 400 for k in nkinds):
                raise RuntimeError("cannot make negatives for " + fam.name)
            continue
        r = make_negative(fam, kind, bykind[kind], nmin % 2 == 0, rng)
        if r is None:
            fails[kind] += 1
            ki -= 1
            continue
        a, b, _, _ = r
        key = tuple(sorted((a, b)))
        if a == b or key in seen or norm(a) == norm(b) or uf.find(a) == uf.find(b):
            fails[kind] += 1
            ki -= 1
            continue
        seen.add(key)
        nmin += 1
        neg.append((kind, a, b, False))
    rows = pos + neg
    rng.shuffle(rows)
    out = []
    for kind, a, b, same in rows:
        if rng.random() < 0.5:
            a, b = b, a
        out.append({"family": fam.name, "family_index": idx, "kind": kind, "a": a, "b": b, "same": same})
    return out


def generate(seed, per_family):
    rows = []
    for idx, fam in enumerate(fam_list()):
        rows.extend(gen_family(fam, idx, seed, per_family))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


# --------------------------------------------------------------------------- self-check
def self_check(text, label):
    errors = []
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            r = json.loads(line)
        except ValueError:
            errors.append("%s line %d: not JSON" % (label, n))
            continue
        rows.append((n, r))
        if list(r) != KEYS:
            errors.append("%s line %d: keys %s" % (label, n, list(r)))
            continue
        if not (
            isinstance(r["family"], str)
            and isinstance(r["family_index"], int)
            and isinstance(r["kind"], str)
            and isinstance(r["a"], str)
            and isinstance(r["b"], str)
            and isinstance(r["same"], bool)
        ):
            errors.append("%s line %d: value types" % (label, n))
        if not r["a"].strip() or not r["b"].strip():
            errors.append("%s line %d: empty side" % (label, n))
        if r["a"] == r["b"]:
            errors.append("%s line %d: equal sides" % (label, n))
        if not r["same"] and norm(r["a"]) == norm(r["b"]):
            errors.append("%s line %d: negative with equal normalised sides" % (label, n))
    fam_idx = {}
    order = []
    seen = {}
    uf = UF()
    for n, r in rows:
        if list(r) != KEYS:
            continue
        if fam_idx.setdefault(r["family"], r["family_index"]) != r["family_index"]:
            errors.append("%s line %d: family_index mismatch" % (label, n))
        if not order or order[-1] != r["family"]:
            if r["family"] in order:
                errors.append("%s line %d: family %s not grouped" % (label, n, r["family"]))
            order.append(r["family"])
        key = tuple(sorted((r["a"], r["b"])))
        if key in seen:
            errors.append("%s line %d: duplicate of line %d" % (label, n, seen[key]))
        seen.setdefault(key, n)
        if r["same"]:
            uf.union(r["a"], r["b"])
    for n, r in rows:
        if list(r) == KEYS and not r["same"] and uf.find(r["a"]) == uf.find(r["b"]):
            errors.append("%s line %d: negative joins texts that positives make equal" % (label, n))
    return [r for _, r in rows], errors


def summarise(rows, per_family_table):
    kinds = collections.Counter((r["same"], r["kind"]) for r in rows)
    kfam = collections.defaultdict(set)
    for r in rows:
        kfam[(r["same"], r["kind"])].add(r["family"])
    npos = sum(r["same"] for r in rows)
    fams = collections.OrderedDict()
    for r in rows:
        fams.setdefault(r["family"], []).append(r)
    print(
        "%d pairs, %d families, %d same (%.1f %%), %d different"
        % (len(rows), len(fams), npos, 100.0 * npos / max(1, len(rows)), len(rows) - npos)
    )
    for same in (True, False):
        print("same=%s" % ("true" if same else "false"))
        for (s, k), c in sorted(kinds.items()):
            if s == same:
                print("  %-20s %5d  (%d families)" % (k, c, len(kfam[(s, k)])))
    if per_family_table:
        for name, rs in fams.items():
            negk = collections.Counter(r["kind"] for r in rs if not r["same"])
            print(
                "%2d %-28s same %3d diff %3d  %s"
                % (
                    rs[0]["family_index"],
                    name,
                    sum(r["same"] for r in rs),
                    sum(not r["same"] for r in rs),
                    ", ".join("%s %d" % kv for kv in sorted(negk.items())),
                )
            )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--per-family", type=int, default=PER_FAMILY)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    text = generate(args.seed, args.per_family)
    errors = []
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as fh:
                disk = fh.read()
        except OSError as e:
            disk = ""
            errors.append(f"cannot read {args.out}: {e}")
        if disk != text:
            dl, gl = disk.splitlines(), text.splitlines()
            first = next((i for i in range(min(len(dl), len(gl))) if dl[i] != gl[i]), min(len(dl), len(gl)))
            errors.append(
                "file differs from regenerated output (first at line %d; %d vs %d lines)"
                % (first + 1, len(dl), len(gl))
            )
        _, e1 = self_check(disk, "file")
        errors.extend(e1)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print(f"wrote {args.out}")
    rows, e2 = self_check(text, "generated")
    errors.extend(e2)
    summarise(rows, args.summary)
    if errors:
        for e in errors[:50]:
            print("FAIL:", e)
        print("self-check FAILED (%d problems)" % len(errors))
        sys.exit(1)
    print("self-check OK")


if __name__ == "__main__":
    main()
