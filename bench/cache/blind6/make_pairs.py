#!/usr/bin/env python3
"""Sixth blind pair set for the semantic cache benchmark (see README.md).

Standard library only, one file. Seeded per family with a string seed ("<seed>:<family>"), so the
output depends neither on PYTHONHASHSEED nor on the order of families.

    python make_pairs.py             # write pairs.jsonl next to this file
    python make_pairs.py --check     # regenerate in memory, compare bytes, self-check; exit 1 on failure
    python make_pairs.py --summary   # also print counts per family
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = 6306
DEFAULT_PER_FAMILY = 112
POS_SHARE = 53  # positives per 112

# --------------------------------------------------------------------------------------------
# slots and families
# --------------------------------------------------------------------------------------------


class Slot:
    """values: list of values; a value is a list of exactly equivalent surface forms.

    kind: the negative kind a change of this slot makes. form_kind: the positive kind a change of
    surface form makes (synonym / equivalent_quantity). pairs: {(i, j): kind} overrides.
    restrict: if given, only these unordered value pairs may form a negative.
    mat: None, "block" or "line" (pasted material; forms come from the wrappings).
    """

    def __init__(self, kind, values, form_kind="synonym", pairs=None, restrict=None, mat=None, tag="text"):
        self.kind = kind
        self.values = [[v] if isinstance(v, str) else list(v) for v in values]
        self.form_kind = form_kind
        self.pairs = {tuple(sorted(k)): v for k, v in (pairs or {}).items()}
        self.restrict = None if restrict is None else {tuple(sorted(p)) for p in restrict}
        self.mat = mat
        self.tag = tag

    def n_forms(self, vi):
        if self.mat == "block":
            return 3
        if self.mat == "line":
            return 3
        return len(self.values[vi])

    def neg_pairs(self):
        out = []
        n = len(self.values)
        for i in range(n):
            for j in range(i + 1, n):
                if self.restrict is not None and (i, j) not in self.restrict:
                    continue
                out.append((i, j))
        return out

    def kind_of(self, i, j):
        return self.pairs.get(tuple(sorted((i, j))), self.kind)


def M(texts, block=True, tag="text", kind="quoted_text", restrict=None, pairs=None):
    """Pasted material: texts[0] is the base, the others differ from it in one place."""
    if restrict is None:
        restrict = [(0, i) for i in range(1, len(texts))]
    return Slot(
        kind, [[t] for t in texts], mat="block" if block else "line", tag=tag, restrict=restrict, pairs=pairs
    )


class Family:
    def __init__(self, name, domain, templates, slots, answer=None, weights=None):
        self.name = name
        self.domain = domain
        # templates: list of (position, text); position "pre" (material first), "post", or "none"
        self.templates = templates
        self.slots = slots
        self.answer = answer
        self.weights = weights or {}
        for _pos, t in templates:
            names = set(re.findall(r"\{(\w+)\}", t))
            assert names == set(slots), (name, t, names, set(slots))


def wrap(slot, text, style):
    if slot.mat == "block":
        if style == 0:
            return text
        if style == 1:
            return "```\n" + text + "\n```"
        return "```" + slot.tag + "\n" + text + "\n```"
    if style == 0:
        return text
    if style == 1:
        return '"' + text + '"'
    return "\u201c" + text + "\u201d"


def render(fam, facts, tpl, forms):
    """-> list of (text, protected) segments."""
    _pos, t = fam.templates[tpl]
    segs = []
    last = 0
    for m in re.finditer(r"\{(\w+)\}", t):
        if m.start() > last:
            segs.append((t[last : m.start()], False))
        name = m.group(1)
        s = fam.slots[name]
        vi = facts[name]
        if s.mat:
            segs.append((wrap(s, s.values[vi][0], forms[name]), True))
        else:
            segs.append((s.values[vi][forms[name] % len(s.values[vi])], True))
        last = m.end()
    if last < len(t):
        segs.append((t[last:], False))
    return segs


def join(segs):
    return "".join(s for s, _ in segs)


# --------------------------------------------------------------------------------------------
# noise on the request's own words (never on slot values or material)
# --------------------------------------------------------------------------------------------

OPENINGS_FILLER = ["Quick one: ", "Hey, ", "OK so ", "Right, "]
OPENINGS_FILLER_NL = ["Hi!\n", "Quick one.\n", "Hey there,\n"]
CLOSINGS_FILLER = [" Cheers.", " Ta!", " Thanks!"]
OPENINGS_POLITE = ["Please could you help with this. ", "Hello, I'd appreciate your help. "]
OPENINGS_POLITE_NL = ["Hello, could you help me with this?\n", "Good morning,\n"]
CLOSINGS_POLITE = [" Thank you very much.", " Many thanks in advance.", " Thanks so much for your help."]

PROTECTED_WORDS = {
    "without",
    "only",
    "under",
    "over",
    "before",
    "after",
    "highest",
    "lowest",
    "longer",
    "shorter",
    "cheaper",
    "eligible",
    "deduct",
    "including",
    "excluding",
    "inclusive",
    "exclusive",
    "not",
    "more",
    "less",
    "fewer",
    "larger",
    "smaller",
    "earliest",
    "latest",
    "first",
    "final",
}

ABBREV = [
    (r"\bplease\b", "pls"),
    (r"\bPlease\b", "Pls"),
    (r"\byou\b", "u"),
    (r"\bwith\b", "w/"),
    (r"\band\b", "&"),
    (r"\babout\b", "abt"),
    (r"\bmessage\b", "msg"),
    (r"\binformation\b", "info"),
    (r"\bnumber\b", "no."),
    (r"\bcalculate\b", "calc"),
    (r"\bCalculate\b", "Calc"),
    (r"\bappointment\b", "appt"),
    (r"\bthrough\b", "thru"),
    (r"\bdepartment\b", "dept"),
]

CONTRACT = [
    ("what is", "what's"),
    ("What is", "What's"),
    ("do not", "don't"),
    ("does not", "doesn't"),
    ("it is", "it's"),
    ("It is", "It's"),
    ("I am", "I'm"),
    ("cannot", "can't"),
    ("I would", "I'd"),
    ("that is", "that's"),
    ("we are", "we're"),
    ("they are", "they're"),
]


def _tmap(segs, fn):
    return [(fn(s), p) if not p else (s, p) for s, p in segs]


def n_filler(segs, rng, polite=False):
    op = OPENINGS_POLITE if polite else OPENINGS_FILLER
    opnl = OPENINGS_POLITE_NL if polite else OPENINGS_FILLER_NL
    cl = CLOSINGS_POLITE if polite else CLOSINGS_FILLER
    choice = rng.random()
    if choice < 0.5 and not segs[-1][1] and segs[-1][0].rstrip()[-1:] in ".?!":
        s, p = segs[-1]
        return [*segs[:-1], (s.rstrip() + rng.choice(cl), p)]
    if segs[0][1] or segs[0][0].startswith("\n"):
        return [(rng.choice(opnl), False), *segs]
    s, p = segs[0]
    first = s[0].lower() + s[1:] if s[:2] != "I " and not s[:2].isupper() else s
    return [(rng.choice(op) + first, False), *segs[1:]]


def n_typo(segs, rng):
    cands = []
    for k, (s, p) in enumerate(segs):
        if p:
            continue
        for m in re.finditer(r"[A-Za-z]{5,}", s):
            if m.group(0).lower() in PROTECTED_WORDS:
                continue
            cands.append((k, m.start(), m.end()))
    if not cands:
        return None
    k, a, b = rng.choice(cands)
    s = segs[k][0]
    i = rng.randrange(a + 1, b - 2)
    if s[i] == s[i + 1]:
        i = a + 1
        if s[i] == s[i + 1]:
            return None
    s2 = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return [*segs[:k], (s2, False), *segs[k + 1 :]]


def n_case(segs, rng):
    return _tmap(segs, str.lower)


def n_abbrev(segs, rng):
    subs = [(a, b) for a, b in ABBREV if any(not p and re.search(a, s) for s, p in segs)]
    if not subs:
        return None
    rng.shuffle(subs)
    chosen = subs[: rng.choice([1, 2])]

    def f(s):
        for a, b in chosen:
            s = re.sub(a, b, s)
        return s

    return _tmap(segs, f)


def n_contract(segs, rng):
    opts = []
    for a, b in CONTRACT:
        for s, p in segs:
            if p:
                continue
            if re.search(r"\b" + re.escape(a) + r"(?= \w)", s):
                opts.append((a, b))
            if re.search(r"\b" + re.escape(b) + r"(?= \w)", s):
                opts.append((b, a))
    if not opts:
        return None
    a, b = rng.choice(sorted(set(opts)))
    return _tmap(segs, lambda s: re.sub(r"\b" + re.escape(a) + r"(?= \w)", b, s))


def n_articles(segs, rng):
    return _tmap(
        segs,
        lambda s: re.sub(
            r"(?<=\s)(the|a|an) (?=[a-z])", "", re.sub(r"^(The|A|An) (?=[a-z])", lambda m: "", s)
        ),
    )


def n_punct(segs, rng):
    r = rng.random()
    if r < 0.4:

        def f(s):
            return re.sub(r"(?<=\w) (?=\w)", "  ", s, count=2)

        return _tmap(segs, f)
    if r < 0.7:
        out = _tmap(segs, lambda s: re.sub(r"(?<=\w)\?", " ?", s))
        if join(out) != join(segs):
            return out
    s, p = segs[-1]
    if not p and s.rstrip()[-1:] in ".?":
        return [*segs[:-1], (s.rstrip()[:-1], p)]
    return _tmap(segs, lambda s: re.sub(r"(?<=\w),(?= )", " ,", s, count=1))


NOISE = {
    "filler": lambda s, r: n_filler(s, r, False),
    "politeness": lambda s, r: n_filler(s, r, True),
    "typo": n_typo,
    "case": n_case,
    "abbreviation": n_abbrev,
    "contraction": n_contract,
    "drop_articles": n_articles,
    "punct_space": n_punct,
}
NOISE_NAMES = [
    "filler",
    "politeness",
    "typo",
    "case",
    "abbreviation",
    "contraction",
    "drop_articles",
    "punct_space",
]


def apply_noise(segs, kind, rng):
    out = NOISE[kind](segs, rng)
    if out is None or join(out) == join(segs):
        return None
    if kind != "case" and join(out).lower() == join(segs).lower():
        return None
    return out


def noisy(segs, rng, k=1):
    out = segs
    used = []
    for name in rng.sample(NOISE_NAMES, len(NOISE_NAMES)):
        if len(used) >= k:
            break
        o = apply_noise(out, name, rng)
        if o is not None:
            out = o
            used.append(name)
    return out if used else None


# --------------------------------------------------------------------------------------------
# pair generation
# --------------------------------------------------------------------------------------------

POS_KINDS = [
    "reword",
    "material_moved",
    "reword_noisy",
    "synonym",
    "equivalent_quantity",
    "quote_marks",
    "filler",
    "politeness",
    "typo",
    "case",
    "abbreviation",
    "contraction",
    "drop_articles",
    "punct_space",
    "reword",
    "material_moved",
    "synonym",
    "quote_marks",
]


def norm(s):
    s = re.sub(r"\s+", " ", s.lower()).strip()
    return s.rstrip("?.! ")


def rand_facts(fam, rng):
    return {k: rng.randrange(len(s.values)) for k, s in fam.slots.items()}


def rand_forms(fam, facts, rng):
    return {k: rng.randrange(s.n_forms(facts[k])) for k, s in fam.slots.items()}


def gen_family(fam, seed, n_pairs):
    rng = random.Random(f"{seed}:{fam.name}")
    n_pos = round(n_pairs * POS_SHARE / DEFAULT_PER_FAMILY)
    n_neg = n_pairs - n_pos
    seen = set()
    text_facts = {}
    pairs = []

    def facts_key(f):
        return tuple(sorted(f.items()))

    def register(text, f):
        k = facts_key(f)
        old = text_facts.setdefault(text, k)
        assert old == k, ("one text, two fact sets", fam.name, text)

    def add(kind, a, fa, b, fb, same):
        if a == b:
            return False
        key = tuple(sorted((a, b)))
        if key in seen:
            return False
        if not same and norm(a) == norm(b):
            return False
        register(a, fa)
        register(b, fb)
        seen.add(key)
        if rng.random() < 0.5:
            a, b = b, a
        pairs.append({"family": fam.name, "family_index": None, "kind": kind, "a": a, "b": b, "same": same})
        return True

    pos_tpls = {}
    for i, (p, _) in enumerate(fam.templates):
        pos_tpls.setdefault(p, []).append(i)

    # positives
    got = 0
    tries = 0
    ki = 0
    while got < n_pos:
        tries += 1
        if tries > 20000:
            raise SystemExit("%s: could not make %d positives (got %d)" % (fam.name, n_pos, got))
        kind = POS_KINDS[ki % len(POS_KINDS)]
        f = rand_facts(fam, rng)
        t1 = rng.randrange(len(fam.templates))
        fo1 = rand_forms(fam, f, rng)
        s1 = render(fam, f, t1, fo1)
        s2 = None
        p1 = fam.templates[t1][0]
        if kind in ("reword", "reword_noisy"):
            same_pos = [t for t in pos_tpls[p1] if t != t1]
            if kind == "reword_noisy":
                same_pos = [t for t in range(len(fam.templates)) if t != t1]
            if not same_pos:
                ki += 1
                continue
            t2 = rng.choice(same_pos)
            s2 = render(fam, f, t2, rand_forms(fam, f, rng))
            if kind == "reword_noisy":
                s2 = noisy(s2, rng, rng.choice([1, 2]))
        elif kind == "material_moved":
            other = [
                t
                for t in range(len(fam.templates))
                if fam.templates[t][0] not in (p1, "none") and p1 != "none"
            ]
            if not other:
                ki += 1
                continue
            s2 = render(fam, f, rng.choice(other), rand_forms(fam, f, rng))
        elif kind in ("synonym", "equivalent_quantity", "quote_marks"):
            if kind == "quote_marks":
                cand = [k for k, s in fam.slots.items() if s.mat]
            else:
                cand = [
                    k
                    for k, s in fam.slots.items()
                    if not s.mat and s.form_kind == kind and s.n_forms(f[k]) > 1
                ]
            if not cand:
                # try other facts a few times before skipping the kind
                if rng.random() < 0.9 and any(
                    (
                        s.mat
                        if kind == "quote_marks"
                        else (not s.mat and s.form_kind == kind and any(len(v) > 1 for v in s.values))
                    )
                    for s in fam.slots.values()
                ):
                    continue
                ki += 1
                continue
            k = rng.choice(cand)
            fo2 = dict(fo1)
            fo2[k] = rng.choice([x for x in range(fam.slots[k].n_forms(f[k])) if x != fo1[k]])
            s2 = render(fam, f, t1, fo2)
        else:
            s2 = apply_noise(s1, kind, rng)
        if s2 is None:
            ki += 1 if rng.random() < 0.3 else 0
            continue
        a, b = join(s1), join(s2)
        if kind != "case" and a.lower() == b.lower():
            continue
        if add(kind, a, f, b, f, True):
            got += 1
            ki += 1

    # negatives
    slot_kinds = []
    for k, s in fam.slots.items():
        if s.neg_pairs():
            slot_kinds.extend([k] * fam.weights.get(k, 1))
    got = 0
    tries = 0
    si = 0
    while got < n_neg:
        tries += 1
        if tries > 40000:
            raise SystemExit("%s: could not make %d negatives (got %d)" % (fam.name, n_neg, got))
        k = slot_kinds[si % len(slot_kinds)]
        s = fam.slots[k]
        i, j = rng.choice(s.neg_pairs())
        if rng.random() < 0.5:
            i, j = j, i
        f1 = rand_facts(fam, rng)
        f1[k] = i
        f2 = dict(f1)
        f2[k] = j
        if fam.answer is not None and fam.answer(f1) == fam.answer(f2):
            if tries % 7 == 0:
                si += 1
            continue
        t1 = rng.randrange(len(fam.templates))
        fo1 = rand_forms(fam, f1, rng)
        s1 = render(fam, f1, t1, fo1)
        if got % 2 == 0:
            fo2 = dict(fo1)
            fo2[k] = fo1[k] % s.n_forms(j)
            s2 = render(fam, f2, t1, fo2)
            if rng.random() < 0.5:
                nk = rng.choice(NOISE_NAMES)
                seed2 = rng.random()
                o1 = apply_noise(s1, nk, random.Random(seed2))
                o2 = apply_noise(s2, nk, random.Random(seed2))
                if o1 is not None and o2 is not None:
                    s1, s2 = o1, o2
        else:
            s2 = render(fam, f2, rng.randrange(len(fam.templates)), rand_forms(fam, f2, rng))
            if rng.random() < 0.5:
                s2 = noisy(s2, rng, 1) or s2
        if add(s.kind_of(i, j), join(s1), f1, join(s2), f2, False):
            got += 1
            si += 1
    rng.shuffle(pairs)
    return pairs


# --------------------------------------------------------------------------------------------
# helpers for families
# --------------------------------------------------------------------------------------------


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


def csv_text(header, rows):
    return "\n".join([",".join(header)] + [",".join(str(c) for c in r) for r in rows])


def variants_of(rows, changes):
    """changes: list of (row, col, new value). Returns list of row sets: base first."""
    out = [rows]
    for r, c, v in changes:
        new = [list(x) for x in rows]
        new[r][c] = v
        out.append(new)
    return out


# --------------------------------------------------------------------------------------------
# families
# --------------------------------------------------------------------------------------------

FAMS = []


def fam(*a, **k):
    FAMS.append(Family(*a, **k))


# 0 triage note summary -------------------------------------------------------------------------
_TRI = (
    "Triage 14:20 - female, 58, central chest pain for 40 minutes, radiating to the left arm.\n"
    "HR 104, BP 150/92, SpO2 96% on air, temp 36.9.\n"
    "ECG: ST depression in V4-V6.\n"
    "Triage category: 2 (very urgent)."
)
fam(
    "triage_note_summary",
    "healthcare",
    [
        ("pre", "Note:\n{mat}\n\nSummarise this triage note for {aud} as a {len} summary."),
        ("pre", "{mat}\n\nWrite a {len} summary of the triage note above for {aud}."),
        ("post", "Give a {len} summary of the following triage note for {aud}:\n{mat}"),
        ("post", "Could you give {aud} a {len} summary of this triage note?\n{mat}"),
    ],
    {
        "mat": M(
            [
                _TRI,
                _TRI.replace("ST depression in V4-V6", "no acute ST changes"),
                _TRI.replace("2 (very urgent)", "4 (standard)"),
            ]
        ),
        "aud": Slot(
            "audience",
            [
                ["the on-call doctor", "the doctor on call"],
                ["the patient's daughter", "the daughter of the patient"],
            ],
        ),
        "len": Slot(
            "length",
            [["two-sentence", "2-sentence"], ["four-sentence", "4-sentence"]],
            form_kind="equivalent_quantity",
        ),
    },
)

# 1 allergy list check ----------------------------------------------------------------------------
_ALG_BASE = "Recorded allergies:\n- penicillin: widespread rash (2019)\n- latex: contact hives\n- elastoplast adhesive: skin irritation"
_ALG_V = [
    _ALG_BASE,
    _ALG_BASE.replace("penicillin: widespread rash", "cefalexin: widespread rash"),
    _ALG_BASE.replace("latex: contact hives", "codeine: severe vomiting"),
    _ALG_BASE.replace("penicillin: widespread rash (2019)", "no known drug allergies"),
]
_ALG_DRUGS = [["amoxicillin"], ["flucloxacillin"], ["clarithromycin"], ["codeine phosphate", "codeine"]]


def _alg_answer(f):
    text = _ALG_V[f["mat"]]
    d = f["drug"]
    if d in (0, 1):
        return "no" if "penicillin:" in text else "yes"
    if d == 2:
        return "yes"
    return "no" if "codeine:" in text else "yes"


fam(
    "allergy_list_check",
    "healthcare",
    [
        (
            "pre",
            "{mat}\n\nGiven the allergy list above, is it safe to prescribe {drug}? Answer yes or no and give the reason.",
        ),
        ("pre", "Allergy record:\n{mat}\nCan this patient be given {drug}? Say yes or no, with the reason."),
        (
            "post",
            "Is {drug} safe to prescribe for a patient with these allergies? Reply yes or no and explain why.\n{mat}",
        ),
        (
            "post",
            "Check {drug} against the allergy list below - can we prescribe it? Yes or no, plus the reason:\n{mat}",
        ),
    ],
    {
        "mat": M(_ALG_V),
        "drug": Slot("entity", _ALG_DRUGS),
    },
    answer=_alg_answer,
)

# 2 dose by weight --------------------------------------------------------------------------------
_W = [12, 18, 25]
_MGK = [10, 15]
_FREQ = ["every 6 hours", "every 8 hours"]
fam(
    "dose_by_weight",
    "healthcare",
    [
        ("none", "A child weighs {wt}. The dose is {mgk} {freq}. How many mg is each dose?"),
        ("none", "Calculate a single dose for a {wt} child at {mgk}, given {freq}."),
        ("none", "Dose is {mgk}, {freq}; patient weight {wt}. What is one dose in mg?"),
        ("none", "What single dose in mg should a child of {wt} get if the prescription is {mgk} {freq}?"),
    ],
    {
        "wt": Slot(
            "number",
            [
                ["12 kg", "12kg", "12 kilograms"],
                ["18 kg", "18kg", "18 kilograms"],
                ["25 kg", "25kg", "25 kilograms"],
                ["25 lb", "25 lbs", "25 pounds"],
            ],
            form_kind="equivalent_quantity",
            pairs={(2, 3): "unit"},
            restrict=[(0, 1), (0, 2), (1, 2), (2, 3)],
        ),
        "mgk": Slot(
            "number",
            [["10 mg/kg", "10 mg per kg", "10mg/kg"], ["15 mg/kg", "15 mg per kg", "15mg/kg"]],
            form_kind="equivalent_quantity",
        ),
        "freq": Slot(
            "time_frame",
            restrict=[],
            values=[
                ["every 6 hours", "6-hourly", "four times a day at 6-hour intervals"],
                ["every 8 hours", "8-hourly", "three times a day at 8-hour intervals"],
            ],
            form_kind="equivalent_quantity",
        ),
    },
)
# per-dose answer does not depend on frequency: drop that slot's negatives by answer function
FAMS[-1].answer = lambda f: (f["wt"], f["mgk"])

# 3 vitals table QA --------------------------------------------------------------------------------
_VH = ["Bed", "Patient", "HR", "BP", "Temp", "SpO2"]
_VR = [
    ["B1", "J. Adeyemi", "88", "132/84", "37.1", "97%"],
    ["B2", "R. Lowe", "112", "98/60", "38.4", "93%"],
    ["B3", "S. Kaur", "76", "145/95", "36.8", "99%"],
    ["B4", "T. Novak", "95", "118/72", "37.9", "95%"],
]
_VV = variants_of(_VR, [(1, 2, "121"), (2, 3, "165/100"), (3, 4, "38.6"), (0, 5, "91%")])
_VCOL = {0: 2, 1: 3, 2: 4, 3: 5}
fam(
    "ward_vitals_table",
    "healthcare",
    [
        ("pre", "Obs chart:\n{mat}\nWhat is {who}'s {field}?"),
        ("pre", "{mat}\n\nFrom the observations above, give me the {field} recorded for {who}."),
        ("post", "Look up {who}'s {field} in this obs table:\n{mat}"),
        ("post", "What {field} was recorded for {who}? Table:\n{mat}"),
    ],
    {
        "mat": M([table(_VH, r) for r in _VV], tag="markdown"),
        "who": Slot("name", [["J. Adeyemi"], ["R. Lowe"], ["S. Kaur"], ["T. Novak"]]),
        "field": Slot(
            "field",
            [
                ["heart rate", "HR", "pulse rate"],
                ["blood pressure", "BP"],
                ["temperature", "temp"],
                ["oxygen saturation", "SpO2", "sats"],
            ],
        ),
    },
    answer=lambda f: _VV[f["mat"]][f["who"]][_VCOL[f["field"]]],
)

# 4 loan amortisation ------------------------------------------------------------------------------
_LP = [12000, 20000]
_LR = [6.0, 7.5]
_LY = [3, 5]


def _pmt(f):
    p, r, n = _LP[f["prin"]], _LR[f["rate"]] / 100, _LY[f["term"]]
    per = 12 if f["freq"] == 0 else 52
    i = r / per
    return round(p * i / (1 - (1 + i) ** (-n * per)), 2)


fam(
    "loan_amortisation",
    "finance",
    [
        ("none", "What is the {freq} repayment on a {prin} loan at {rate} a year over {term}?"),
        ("none", "Calculate the {freq} instalment for borrowing {prin} over {term} at {rate} a year."),
        (
            "none",
            "Loan of {prin}, {rate} annual interest, repaid over {term}. How much is each {freq} payment?",
        ),
        (
            "none",
            "If a customer borrows {prin} at {rate} per annum for {term}, what will the {freq} repayment be?",
        ),
    ],
    {
        "prin": Slot(
            "number",
            [["\u00a312,000", "\u00a312000", "\u00a312k"], ["\u00a320,000", "\u00a320000", "\u00a320k"]],
            form_kind="equivalent_quantity",
        ),
        "rate": Slot(
            "number",
            [["6%", "6 %", "6 percent"], ["7.5%", "7.5 %", "7.5 percent"]],
            form_kind="equivalent_quantity",
        ),
        "term": Slot(
            "number",
            [["3 years", "36 months", "three years"], ["5 years", "60 months", "five years"]],
            form_kind="equivalent_quantity",
        ),
        "freq": Slot("unit", [["monthly"], ["weekly"]]),
    },
    answer=_pmt,
)

# 5 FX conversion with a given rate ----------------------------------------------------------------
_FXA = [2500, 4200]
_FXR = [1.17, 1.19]


def _fx(f):
    a, r = _FXA[f["amt"]], _FXR[f["rate"]]
    return round(a * r, 2) if f["dir"] == 0 else round(a / r, 2)


fam(
    "fx_given_rate",
    "finance",
    [
        ("none", "Using a rate of {rate}, convert {amt} {dir}."),
        ("none", "At an exchange rate of {rate}, how much is {amt} {dir}?"),
        ("none", "Rate today is {rate}. What does {amt} come to {dir}?"),
        ("none", "Convert {amt} {dir} at {rate} and show the sum."),
    ],
    {
        "amt": Slot("number", [["2,500", "2500"], ["4,200", "4200"]], form_kind="equivalent_quantity"),
        "rate": Slot(
            "number",
            [
                ["1 GBP = 1.17 EUR", "GBP/EUR 1.17", "\u00a31 = \u20ac1.17"],
                ["1 GBP = 1.19 EUR", "GBP/EUR 1.19", "\u00a31 = \u20ac1.19"],
            ],
        ),
        "dir": Slot(
            "role",
            [
                ["pounds into euros", "GBP into EUR", "from pounds to euros"],
                ["euros into pounds", "EUR into GBP", "from euros to pounds"],
            ],
        ),
    },
    answer=_fx,
)

# 6 invoice vs purchase order matching --------------------------------------------------------------
_IH = ["Item", "PO qty", "Invoiced qty", "PO unit price", "Invoiced unit price"]
_IR = [
    ["A4 paper (box)", "40", "40", "\u00a318.50", "\u00a318.50"],
    ["Toner TN-245", "12", "14", "\u00a362.00", "\u00a362.00"],
    ["Desk chair", "6", "6", "\u00a3145.00", "\u00a3152.00"],
    ["Whiteboard pens", "30", "30", "\u00a31.20", "\u00a31.20"],
]
_IV = variants_of(_IR, [(0, 2, "42"), (1, 2, "12"), (2, 4, "\u00a3145.00"), (3, 4, "\u00a31.25")])


def _inv(f):
    r = _IV[f["mat"]][f["item"]]
    return (r[1] == r[2], r[3] == r[4])


fam(
    "invoice_po_match",
    "finance",
    [
        (
            "pre",
            "{mat}\n\nDoes the invoice match the purchase order for {item}? Check both quantity and unit price.",
        ),
        (
            "pre",
            "PO vs invoice:\n{mat}\nFor {item}, do the invoiced quantity and unit price agree with the PO?",
        ),
        (
            "post",
            "Check whether the {item} line on the invoice matches the PO (quantity and unit price):\n{mat}",
        ),
        ("post", "Is there any quantity or price mismatch between PO and invoice for {item}? Data:\n{mat}"),
    ],
    {
        "mat": M([csv_text(_IH, r) for r in _IV], tag="csv"),
        "item": Slot(
            "entity",
            [
                ["A4 paper", "the A4 paper"],
                ["toner TN-245", "the TN-245 toner"],
                ["desk chairs", "the desk chairs"],
                ["whiteboard pens", "the whiteboard pens"],
            ],
        ),
    },
    answer=lambda f: (f["item"], *_inv(f)),
)

# 7 straight-line depreciation ------------------------------------------------------------------------
_DC = [18000, 24000]
_DR = [2000, 3000]
_DL = [4, 5]


def _dep(f):
    c, r, l = _DC[f["cost"]], _DR[f["res"]], _DL[f["life"]]
    yr = [1, 2][f["year"]]
    per = (c - r) / l
    return round(per, 2) if f["ask"] == 0 else round(c - per * yr, 2)


fam(
    "asset_depreciation",
    "finance",
    [
        (
            "none",
            "A van cost {cost}, has a residual value of {res} and a useful life of {life}. Using straight-line depreciation, what is {ask} {year}?",
        ),
        (
            "none",
            "Straight-line depreciation: cost {cost}, residual {res}, life {life}. Work out {ask} {year}.",
        ),
        (
            "none",
            "We bought a van for {cost}; expected life {life}, scrap value {res}. With the straight-line method, give {ask} {year}.",
        ),
        (
            "none",
            "Using straight line, what is {ask} {year} for a van costing {cost} with {res} residual value over {life}?",
        ),
    ],
    {
        "cost": Slot(
            "number",
            [["\u00a318,000", "\u00a318000", "\u00a318k"], ["\u00a324,000", "\u00a324000", "\u00a324k"]],
            form_kind="equivalent_quantity",
        ),
        "res": Slot(
            "number",
            [["\u00a32,000", "\u00a32000", "\u00a32k"], ["\u00a33,000", "\u00a33000", "\u00a33k"]],
            form_kind="equivalent_quantity",
        ),
        "life": Slot(
            "number", [["4 years", "four years"], ["5 years", "five years"]], form_kind="equivalent_quantity"
        ),
        "ask": Slot(
            "field",
            [
                ["the depreciation charge for", "the depreciation expense for"],
                ["the net book value at the end of", "the carrying amount at the end of"],
            ],
        ),
        "year": Slot(
            "number",
            [["year 1", "the first year"], ["year 2", "the second year"]],
            form_kind="equivalent_quantity",
        ),
    },
    answer=_dep,
)

# 8 insurance premium comparison ------------------------------------------------------------------------
_PH = ["Insurer", "Annual premium", "Monthly premium", "Excess"]
_PR = [
    ["Harbour Mutual", "\u00a3486", "\u00a342.50", "\u00a3250"],
    ["Crestline", "\u00a3462", "\u00a341.00", "\u00a3400"],
    ["Northgate", "\u00a3519", "\u00a344.00", "\u00a3100"],
]
_PV = variants_of(_PR, [(1, 1, "\u00a3498"), (0, 2, "\u00a337.50"), (2, 3, "\u00a3450")])


def _prem(f):
    rows = _PV[f["mat"]]

    def val(s):
        return float(s.strip("\u00a3"))

    if f["basis"] == 0:
        key = [val(r[1]) for r in rows]
    elif f["basis"] == 1:
        key = [val(r[2]) * 12 for r in rows]
    else:
        key = [val(r[3]) for r in rows]
    m = min(key) if f["dir"] == 0 else max(key)
    return tuple(r[0] for r, k in zip(rows, key, strict=False) if k == m)


fam(
    "premium_comparison",
    "insurance",
    [
        ("pre", "{mat}\n\nWhich insurer has the {dir} {basis}?"),
        ("pre", "Quotes:\n{mat}\nTell me which insurer comes out {dir} on {basis}."),
        ("post", "Which of these home insurance quotes has the {dir} {basis}?\n{mat}"),
        ("post", "From the quotes below, name the insurer with the {dir} {basis}:\n{mat}"),
    ],
    {
        "mat": M([table(_PH, r) for r in _PV], tag="markdown"),
        "dir": Slot("antonym", [["lowest"], ["highest"]]),
        "basis": Slot(
            "field",
            [
                ["annual premium if paid in one go", "yearly premium when paid upfront"],
                ["total cost over a year if paid monthly", "yearly total when paying by monthly instalments"],
                ["excess", "policy excess"],
            ],
        ),
    },
    answer=_prem,
)

# 9 claim denial letter ------------------------------------------------------------------------------
fam(
    "claim_denial_letter",
    "insurance",
    [
        ("none", "Draft a {fmt} to {name} explaining that their {claim} claim is declined because {reason}."),
        ("none", "Write a {fmt} telling {name} we cannot pay their {claim} claim, since {reason}."),
        (
            "none",
            "{name}'s {claim} claim has been refused because {reason}. Please draft the {fmt} that informs them.",
        ),
        ("none", "Prepare a {fmt} for {name}: their {claim} claim is rejected as {reason}."),
    ],
    {
        "fmt": Slot("format", [["letter", "formal letter"], ["short email", "brief email"]]),
        "name": Slot("name", [["Mrs Halloran"], ["Mr Osei"]]),
        "claim": Slot("entity", [["escape of water", "water leak"], ["accidental damage"], ["theft"]]),
        "reason": Slot(
            "quoted_text",
            [
                ["the damage happened before the policy started", "the loss occurred before cover began"],
                [
                    "the property was left unoccupied for more than 60 days",
                    "the home was unoccupied for over 60 days",
                ],
                [
                    "the property was left unoccupied for more than 30 days",
                    "the home was unoccupied for over 30 days",
                ],
            ],
            pairs={(1, 2): "number"},
        ),
    },
)

# 10 payroll deductions ---------------------------------------------------------------------------------
_PG = [2850, 3400]
_PP = [5, 8]


def _payded(f):
    g, p = _PG[f["gross"]], _PP[f["pct"]]
    pen = g * p / 100
    return round(pen, 2) if f["ask"] == 0 else round(g - pen - [0, 75][f["extra"]], 2)


fam(
    "payroll_deductions",
    "hr",
    [
        (
            "none",
            "Gross monthly pay is {gross}, pension contribution is {pct} of gross{extra}. What is {ask}?",
        ),
        (
            "none",
            "An employee earns {gross} a month before deductions and pays {pct} into the pension{extra}. Calculate {ask}.",
        ),
        (
            "none",
            "Work out {ask} for someone on {gross} gross per month with a {pct} pension deduction{extra}.",
        ),
        ("none", "With {gross} gross monthly salary and {pct} employee pension{extra}, what's {ask}?"),
    ],
    {
        "gross": Slot(
            "number",
            [["\u00a32,850", "\u00a32850"], ["\u00a33,400", "\u00a33400"]],
            form_kind="equivalent_quantity",
        ),
        "pct": Slot(
            "number",
            [["5%", "5 %", "5 percent"], ["8%", "8 %", "8 percent"]],
            form_kind="equivalent_quantity",
        ),
        "extra": Slot(
            "constraint",
            [
                [""],
                [
                    ", plus a \u00a375 cycle-to-work deduction",
                    ", plus \u00a375 a month for the cycle-to-work scheme",
                ],
            ],
        ),
        "ask": Slot(
            "field",
            [
                ["the monthly pension deduction", "the pension deducted each month"],
                [
                    "the pay left after these deductions (ignore tax)",
                    "the remaining pay after these deductions, ignoring tax",
                ],
            ],
        ),
    },
    answer=lambda f: (_payded(f), f["ask"]),
)

# 11 holiday accrual ---------------------------------------------------------------------------------------
_HD = [25, 28]
_HM = [4, 7]
_HW = [5, 3]


def _hol(f):
    v = _HD[f["days"]] * _HM[f["months"]] / 12 * _HW[f["week"]] / 5
    return round(v, 2)


fam(
    "holiday_accrual",
    "hr",
    [
        (
            "none",
            "Full-time entitlement is {days} a year. A new starter works {week} a week and has been with us {months}. How much holiday have they accrued so far?",
        ),
        (
            "none",
            "How many days of leave has an employee accrued after {months} if they work {week} a week and the full-time allowance is {days} per year?",
        ),
        (
            "none",
            "Work out accrued holiday: {days} annual full-time entitlement, {week} per week, {months} of service.",
        ),
        (
            "none",
            "Someone on {week} a week joined {months} ago. Our full-time allowance is {days} annually. What leave have they built up?",
        ),
    ],
    {
        "days": Slot(
            "number",
            [["25 days", "twenty-five days"], ["28 days", "twenty-eight days"]],
            form_kind="equivalent_quantity",
        ),
        "months": Slot(
            "number",
            [["4 months", "four months"], ["7 months", "seven months"]],
            form_kind="equivalent_quantity",
        ),
        "week": Slot(
            "number", [["5 days", "five days"], ["3 days", "three days"]], form_kind="equivalent_quantity"
        ),
    },
    answer=_hol,
)

# 12 disciplinary letter --------------------------------------------------------------------------------
fam(
    "disciplinary_letter",
    "hr",
    [
        ("none", "Draft a letter inviting {name} to a disciplinary hearing on {date} about {issue}. {rep}"),
        (
            "none",
            "Please write {name} a letter that invites them to a disciplinary hearing about {issue}, to be held on {date}. {rep}",
        ),
        (
            "none",
            "Write the invitation letter for {name}'s disciplinary hearing on {date}; the allegation is {issue}. {rep}",
        ),
        (
            "none",
            "I need a letter to {name} calling them to a disciplinary hearing on {date} regarding {issue}. {rep}",
        ),
    ],
    {
        "name": Slot("name", [["Daniel Reyes"], ["Priya Shah"]]),
        "date": Slot(
            "date",
            [["14 May 2026", "May 14, 2026", "2026-05-14"], ["21 May 2026", "May 21, 2026", "2026-05-21"]],
            form_kind="equivalent_quantity",
        ),
        "issue": Slot(
            "entity",
            [
                ["repeated lateness", "persistent lateness"],
                ["misuse of the company credit card", "misusing the company credit card"],
                ["unauthorised absence", "absence without authorisation"],
            ],
        ),
        "rep": Slot(
            "constraint",
            [
                ["Mention the right to be accompanied.", "Include their right to bring a companion."],
                ["Do not mention the right to be accompanied.", "Leave out the right to bring a companion."],
            ],
            pairs={(0, 1): "negation"},
        ),
    },
)

# 13 staff table lookup ----------------------------------------------------------------------------------
_SH = ["Employee", "Department", "Line manager", "Start date", "Leave left (days)"]
_SR = [
    ["Amira Haddad", "Finance", "K. Brooks", "2021-03-01", "12"],
    ["Lewis Grant", "IT", "M. Field", "2019-09-16", "4"],
    ["Chen Wei", "Legal", "K. Brooks", "2023-01-09", "17"],
    ["Olga Petrova", "Facilities", "D. Amos", "2020-06-22", "9"],
]
_SV = variants_of(_SR, [(0, 4, "15"), (1, 2, "D. Amos"), (2, 3, "2022-01-09"), (3, 1, "HR")])
_SCOL = [1, 2, 3, 4]
fam(
    "staff_record_lookup",
    "hr",
    [
        ("pre", "{mat}\n\nWhat is {who}'s {field}?"),
        ("pre", "Staff list:\n{mat}\nLook up the {field} for {who}."),
        ("post", "From this staff table, tell me {who}'s {field}:\n{mat}"),
        ("post", "Which {field} does the table below show for {who}?\n{mat}"),
    ],
    {
        "mat": M([csv_text(_SH, r) for r in _SV], tag="csv"),
        "who": Slot("name", [["Amira Haddad"], ["Lewis Grant"], ["Chen Wei"], ["Olga Petrova"]]),
        "field": Slot(
            "field",
            [
                ["department", "team"],
                ["line manager", "manager"],
                ["start date", "date of joining"],
                ["remaining leave", "leave balance"],
            ],
        ),
    },
    answer=lambda f: _SV[f["mat"]][f["who"]][_SCOL[f["field"]]],
)

# 14 NDA clause question --------------------------------------------------------------------------------
_NDA = (
    "7.2 The Recipient shall keep the Confidential Information secret for a period of five (5) years from the "
    "date of disclosure and may disclose it to its professional advisers provided they are bound by equivalent duties of confidence."
)
_NDA_V = [
    _NDA,
    _NDA.replace("five (5) years", "two (2) years"),
    _NDA.replace("may disclose", "may not disclose"),
    _NDA.replace("date of disclosure", "termination of this Agreement"),
]


def _nda(f):
    t = _NDA_V[f["mat"]]
    if f["q"] == 0:
        return ("5y" if "five" in t else "2y", "disclosure" if "date of disclosure" in t else "termination")
    return "no" if "may not" in t else "yes"


fam(
    "nda_clause_question",
    "legal",
    [
        ("pre", "Clause: {mat}\n\n{q}"),
        ("pre", "{mat}\n\nBased on the NDA clause above: {q}"),
        ("post", "{q} Here is the clause: {mat}"),
        ("post", "Read this NDA clause and answer: {q}\n\n{mat}"),
    ],
    {
        "mat": M(_NDA_V, block=False),
        "q": Slot(
            "field",
            [
                [
                    "How long does the confidentiality obligation last, and from when?",
                    "For how long, and starting when, must the information be kept confidential?",
                ],
                [
                    "Can the recipient share the information with its lawyers and accountants?",
                    "Is the recipient allowed to pass the information to its lawyers and accountants?",
                ],
            ],
        ),
    },
    answer=_nda,
)

# 15 limitation period -------------------------------------------------------------------------------------
_LD = [dt.date(2020, 3, 17), dt.date(2021, 11, 2)]
_LN = [6, 3]


def _lim(f):
    d = _LD[f["date"]]
    return d.replace(year=d.year + _LN[f["rule"]])


fam(
    "limitation_period",
    "legal",
    [
        (
            "none",
            "Our rule: {rule} The breach occurred on {date}. On what date does the limitation period expire?",
        ),
        ("none", "If the breach was on {date}, when does the limitation period end? Rule: {rule}"),
        ("none", "Work out the last day to issue a claim for a breach on {date}, given that {rule}"),
        ("none", "Given this rule - {rule} - what is the limitation expiry date for a breach dated {date}?"),
    ],
    {
        "date": Slot(
            "date",
            [
                ["17 March 2020", "March 17, 2020", "2020-03-17"],
                ["2 November 2021", "November 2, 2021", "2021-11-02"],
            ],
            form_kind="equivalent_quantity",
        ),
        "rule": Slot(
            "number",
            [
                [
                    "claims in contract must be brought within 6 years of the breach.",
                    "claims in contract must be brought within six years of the breach.",
                ],
                [
                    "claims in contract must be brought within 3 years of the breach.",
                    "claims in contract must be brought within three years of the breach.",
                ],
            ],
            form_kind="equivalent_quantity",
        ),
    },
    answer=_lim,
)

# 16 password reset instructions -------------------------------------------------------------------------
fam(
    "password_reset_steps",
    "it_helpdesk",
    [
        ("none", "Write {fmt} explaining to {aud} how to reset their {sys} password."),
        ("none", "Can you give {aud} {fmt} on resetting a forgotten {sys} password?"),
        ("none", "For {aud} who has forgotten their {sys} password, write {fmt} on how to reset it."),
        ("none", "Please produce {fmt} for {aud}: how to reset the {sys} password."),
    ],
    {
        "fmt": Slot(
            "format",
            [
                ["numbered step-by-step instructions", "step-by-step numbered instructions"],
                ["a short paragraph", "one short paragraph"],
            ],
        ),
        "aud": Slot(
            "audience",
            [
                ["a new member of staff", "a new starter"],
                ["an IT support technician", "a support technician"],
            ],
        ),
        "sys": Slot(
            "entity", [["Windows login", "Windows sign-in"], ["Outlook webmail"], ["HR self-service portal"]]
        ),
    },
)

# 17 VPN troubleshooting -------------------------------------------------------------------------------------
_VPN = "Connection failed: The remote connection was denied because the user name and password combination you provided is not recognized (error 691)."
_VPN_V = [
    _VPN,
    "Connection failed: The network connection between your computer and the VPN server could not be established because the remote server is not responding (error 800).",
    "Connection failed: The L2TP connection attempt failed because the security layer encountered a processing error during initial negotiations (error 789).",
]
fam(
    "vpn_error_help",
    "it_helpdesk",
    [
        (
            "pre",
            "{mat}\n\nA user on {os} gets this VPN error. What are the likely causes and how do we fix it?",
        ),
        ("pre", "Error shown: {mat}\nUser is on {os}. Likely causes and fixes, please."),
        ("post", "What usually causes this VPN error on {os}, and how can it be fixed? {mat}"),
        ("post", "Help me troubleshoot a VPN problem on {os}. The message is: {mat}"),
    ],
    {
        "mat": M(_VPN_V, block=False, restrict=[(0, 1), (0, 2), (1, 2)]),
        "os": Slot("entity", [["Windows 11", "Win 11"], ["macOS Sonoma", "a Mac running Sonoma"]]),
    },
)

# 18 printer queue ------------------------------------------------------------------------------------------------
_PQ = "Printer: FIN-3F-MFP02\nStatus: Error - Paused\nJobs in queue: 14\nOldest job: 'Q3 budget.xlsx' (user: jmorgan), spooling\nToner: 12%"
_PQ_V = [
    _PQ,
    _PQ.replace("Error - Paused", "Offline"),
    _PQ.replace("spooling", "error - deleting"),
    _PQ.replace("Toner: 12%", "Toner: 0% (replace)"),
]
fam(
    "printer_queue_issue",
    "it_helpdesk",
    [
        ("pre", "{mat}\n\nStaff say nothing is printing. Based on the status above, what should {who} do?"),
        ("pre", "Queue status:\n{mat}\nNothing is coming out of the printer - what steps should {who} take?"),
        ("post", "Nothing is printing. What should {who} do, given this queue status?\n{mat}"),
        (
            "post",
            "Given the printer status below, tell {who} what to do to get printing working again.\n{mat}",
        ),
    ],
    {
        "mat": M(_PQ_V),
        "who": Slot(
            "audience",
            [
                ["an office user with no admin rights", "an ordinary office user without admin rights"],
                ["the IT technician with print server access", "a technician who has print server access"],
            ],
        ),
    },
)

# 19 server log counts -----------------------------------------------------------------------------------------
_LOG = [
    ("09:14:02", "web01", "INFO", "GET /api/claims 200"),
    ("09:14:05", "web02", "ERROR", "POST /api/claims 500 upstream timeout"),
    ("09:14:07", "web01", "WARN", "slow query 2.4s"),
    ("09:14:09", "web01", "ERROR", "GET /api/policy 502 bad gateway"),
    ("09:14:12", "web02", "INFO", "GET /health 200"),
    ("09:14:15", "web02", "ERROR", "POST /api/claims 500 upstream timeout"),
    ("09:14:18", "web01", "INFO", "GET /api/claims 200"),
]
_LOGV = [
    _LOG,
    [*_LOG[:4], ("09:14:12", "web02", "ERROR", "GET /health 503"), *_LOG[5:]],
    [*_LOG[:1], ("09:14:05", "web01", "ERROR", "POST /api/claims 500 upstream timeout"), *_LOG[2:]],
]


def _logtxt(rows):
    return "\n".join("{} {} {} {}".format(*r) for r in rows)


def _logc(f):
    rows = _LOGV[f["mat"]]
    lvl = ["ERROR", "INFO"][f["level"]]
    host = [None, "web01", "web02"][f["host"]]
    return sum(1 for r in rows if r[2] == lvl and (host is None or r[1] == host))


fam(
    "server_log_count",
    "it_helpdesk",
    [
        ("pre", "{mat}\n\nHow many {level} lines are there {host}?"),
        ("pre", "Logs:\n{mat}\nCount the {level} entries {host}."),
        ("post", "Count the {level} lines {host} in this log:\n{mat}"),
        ("post", "In the log below, how many {level} entries are there {host}?\n{mat}"),
    ],
    {
        "mat": M([_logtxt(r) for r in _LOGV], tag="log"),
        "level": Slot("entity", [["ERROR", "error-level"], ["INFO", "info-level"]]),
        "host": Slot(
            "entity",
            [
                ["across all hosts", "in total for all hosts"],
                ["from web01", "for host web01"],
                ["from web02", "for host web02"],
            ],
        ),
    },
    answer=_logc,
)

# 20 pandas one-liners -----------------------------------------------------------------------------------------
fam(
    "pandas_oneliner",
    "code_help",
    [
        (
            "none",
            "Give me a pandas one-liner that computes the {agg} of {col} per {grp} in the DataFrame df.",
        ),
        ("none", "In pandas, how do I get the {agg} {col} for each {grp} of df in a single line?"),
        ("none", "One line of pandas please: {agg} of {col} grouped by {grp}, DataFrame is df."),
        ("none", "Write a single pandas expression on df that returns the {agg} of {col} for every {grp}."),
    ],
    {
        "agg": Slot("action", [["mean", "average"], ["sum", "total"], ["maximum", "max"]]),
        "col": Slot("field", [["claim_amount"], ["days_open"]]),
        "grp": Slot("field", [["region"], ["adjuster"]]),
    },
)

# 21 JSON to CSV ---------------------------------------------------------------------------------------------------
_JS = '[{"id": 101, "name": "Ana Ruiz", "dept": "Claims", "active": true},\n {"id": 102, "name": "Tom Bell", "dept": "Audit", "active": false}]'
_JS_V = [_JS, _JS.replace('"Audit"', '"Payroll"'), _JS.replace('"active": false', '"active": true')]
fam(
    "json_to_csv",
    "data_extraction",
    [
        ("pre", "{mat}\n\nConvert this JSON to CSV with a header row, {cols}, {sep}."),
        ("pre", "JSON:\n{mat}\nTurn it into CSV (header row included), {cols}, {sep}."),
        ("post", "Convert the following JSON into CSV with a header row, {cols}, {sep}:\n{mat}"),
        ("post", "Please produce CSV with a header line from this JSON, {cols}, {sep}.\n{mat}"),
    ],
    {
        "mat": M(_JS_V, tag="json"),
        "cols": Slot(
            "constraint",
            [
                ["keeping all four fields", "with all four fields"],
                ["keeping only id and name", "with only the id and name fields"],
            ],
        ),
        "sep": Slot(
            "format",
            [
                ["comma-separated", "using commas as the separator"],
                ["semicolon-separated", "using semicolons as the separator"],
            ],
        ),
    },
    answer=lambda f: (f["cols"], f["sep"], f["mat"] if f["cols"] == 0 else 0),
)  # id/name-only output ignores dept and active

# 22 date difference ---------------------------------------------------------------------------------------------------
_DD1 = [dt.date(2026, 1, 12), dt.date(2026, 2, 3)]
_DD2 = [dt.date(2026, 3, 30), dt.date(2026, 4, 14)]


def _ddiff(f):
    return (_DD2[f["d2"]] - _DD1[f["d1"]]).days + (1 if f["incl"] == 1 else 0)


fam(
    "date_difference",
    "data_extraction",
    [
        ("none", "How many days are there between {d1} and {d2}{incl}?"),
        ("none", "Count the days from {d1} to {d2}{incl}."),
        ("none", "What's the number of days between {d1} and {d2}{incl}?"),
        ("none", "Calculate the days from {d1} until {d2}{incl}."),
    ],
    {
        "d1": Slot(
            "date",
            [
                ["12 January 2026", "January 12, 2026", "2026-01-12"],
                ["3 February 2026", "February 3, 2026", "2026-02-03"],
            ],
            form_kind="equivalent_quantity",
        ),
        "d2": Slot(
            "date",
            [
                ["30 March 2026", "March 30, 2026", "2026-03-30"],
                ["14 April 2026", "April 14, 2026", "2026-04-14"],
            ],
            form_kind="equivalent_quantity",
        ),
        "incl": Slot(
            "constraint",
            [[""], [", counting both the start and end dates", ", including both the first and last day"]],
        ),
    },
    answer=_ddiff,
)

# 23 find command -------------------------------------------------------------------------------------------------------
fam(
    "find_command",
    "it_helpdesk",
    [
        (
            "none",
            "Give me a Linux find command that lists files under /var/data larger than {size} modified {when}.",
        ),
        ("none", "What find command shows files in /var/data over {size} that were modified {when}?"),
        (
            "none",
            "Write a one-line find command: files below /var/data, bigger than {size}, modified {when}.",
        ),
        (
            "none",
            "I need to list files in /var/data that exceed {size} and were modified {when}. Which find command does that?",
        ),
    ],
    {
        "size": Slot(
            "number",
            [["100 MB", "100MB"], ["500 MB", "500MB"], ["100 GB", "100GB"]],
            form_kind="equivalent_quantity",
            pairs={(0, 2): "unit"},
            restrict=[(0, 1), (0, 2)],
        ),
        "when": Slot(
            "antonym",
            [
                ["in the last 7 days", "within the past 7 days", "in the last week"],
                ["more than 7 days ago", "over 7 days ago", "more than a week ago"],
            ],
            form_kind="equivalent_quantity",
        ),
    },
)

# 24 parking permit eligibility ----------------------------------------------------------------------------------------
_PKR = (
    "Residents' parking permits: the applicant must live at an address inside zone C, the vehicle must be registered "
    "to that address, and no household may hold more than 2 permits."
)
_PKR_V = [_PKR, _PKR.replace("more than 2 permits", "more than 1 permit")]


def _park(f):
    limit = 2 if f["mat"] == 0 else 1
    inside = f["zone"] == 0
    reg = f["reg"] == 0
    held = [0, 1][f["held"]]
    return inside and reg and held < limit


fam(
    "parking_permit_eligibility",
    "public_services",
    [
        (
            "pre",
            "Rules: {mat}\n\nAn applicant lives {zone}, the car is {reg}, and the household already has {held}. Are they eligible for a permit?",
        ),
        (
            "pre",
            "{mat}\n\nUnder these rules, can we issue a permit? Applicant lives {zone}; vehicle {reg}; household currently holds {held}.",
        ),
        (
            "post",
            "Is this applicant eligible? They live {zone}, their car is {reg} and the household has {held} already. Rules: {mat}",
        ),
        (
            "post",
            "Check eligibility for a residents' permit (applicant lives {zone}, car {reg}, household holds {held}) against: {mat}",
        ),
    ],
    {
        "mat": M(_PKR_V, block=False, kind="number"),
        "zone": Slot(
            "negation", [["inside zone C", "within zone C"], ["outside zone C", "just outside zone C"]]
        ),
        "reg": Slot(
            "negation",
            [
                ["registered to that address", "registered at that address"],
                ["registered to a different address", "registered at another address"],
            ],
        ),
        "held": Slot(
            "number",
            [["no permits", "zero permits"], ["one permit", "1 permit"]],
            form_kind="equivalent_quantity",
        ),
    },
    answer=_park,
)

# 25 patient leaflet translation ---------------------------------------------------------------------------------------
_PL = "Do not eat anything for 6 hours before your operation. You may drink water until 2 hours before."
_PL_V = [
    _PL,
    _PL.replace("6 hours", "8 hours"),
    _PL.replace("water", "clear fluids"),
    _PL.replace("Do not eat", "Please eat"),
]
fam(
    "patient_leaflet_translate",
    "translation",
    [
        ("post", "Translate this patient instruction into {lang}: {mat}"),
        ("post", "Please give me the {lang} version of the following leaflet text: {mat}"),
        ("pre", "{mat}\n\nTranslate the sentence above into {lang} for a patient leaflet."),
        ("pre", "Text: {mat}\nPut this into {lang} for our pre-op leaflet."),
    ],
    {
        "mat": M(_PL_V, block=False, pairs={(0, 3): "negation"}),
        "lang": Slot("language", [["German"], ["French"], ["Spanish"], ["Italian"], ["Dutch"]]),
    },
)

# 26 planning objection summary -------------------------------------------------------------------------------------------
_PO = (
    "I object to application 26/0412/FUL for a two-storey rear extension at 14 Mill Lane. It would block daylight to my kitchen, "
    "the plans show no off-street parking, and the construction traffic would use a narrow lane next to the primary school."
)
_PO_V = [
    _PO,
    _PO.replace("a two-storey rear extension", "a loft conversion with dormer windows"),
    _PO.replace(" the plans show no off-street parking, and", " and"),
]
fam(
    "planning_objection_summary",
    "public_services",
    [
        ("pre", "Objection:\n{mat}\n\nSummarise this objection for {aud} in {len}."),
        ("pre", "{mat}\n\nGive {aud} a summary of the objection above as {len}."),
        ("post", "Summarise the planning objection below for {aud}, as {len}:\n{mat}"),
        ("post", "Please condense this objection into {len} for {aud}.\n\n{mat}"),
    ],
    {
        "mat": M(_PO_V),
        "aud": Slot(
            "audience",
            [
                ["the planning committee", "members of the planning committee"],
                ["the applicant", "the person who applied"],
            ],
        ),
        "len": Slot(
            "length",
            [["three bullet points", "3 bullet points"], ["one sentence", "a single sentence"]],
            form_kind="equivalent_quantity",
            pairs={(0, 1): "format"},
        ),
    },
)

# 27 school places table --------------------------------------------------------------------------------------------------
_SCH = ["School", "Places", "First-preference applications", "Total applications"]
_SCR = [
    ["Oakfield Primary", "60", "71", "140"],
    ["St Bede's", "30", "24", "65"],
    ["Riverside Academy", "90", "88", "203"],
]
_SCV = variants_of(_SCR, [(1, 2, "34"), (2, 2, "93"), (0, 1, "90")])


def _sch(f):
    r = _SCV[f["mat"]][f["school"]]
    places, fp, tot = int(r[1]), int(r[2]), int(r[3])
    if f["q"] == 0:
        return (fp > places, fp)
    return round(tot / places, 2)


fam(
    "school_places_table",
    "public_services",
    [
        ("pre", "{mat}\n\nFor {school}, {q}"),
        ("pre", "Admissions data:\n{mat}\nLooking at {school}: {q}"),
        ("post", "Using this admissions table, answer for {school}: {q}\n{mat}"),
        ("post", "About {school} in the table below - {q}\n{mat}"),
    ],
    {
        "mat": M([csv_text(_SCH, r) for r in _SCV], tag="csv"),
        "school": Slot(
            "entity",
            [
                ["Oakfield Primary", "Oakfield"],
                ["St Bede's", "St Bede's school"],
                ["Riverside Academy", "Riverside"],
            ],
        ),
        "q": Slot(
            "field",
            [
                [
                    "is it oversubscribed on first preferences alone?",
                    "do first-preference applications exceed the places?",
                ],
                [
                    "how many applications are there per place?",
                    "what is the ratio of total applications to places?",
                ],
            ],
        ),
    },
    answer=lambda f: (f["school"], f["q"], _sch(f)),
)

# 28 HR case category ---------------------------------------------------------------------------------------------------
_HRC = {
    "My overtime from March is missing from this month's payslip.": "Payroll",
    "I want to raise a formal complaint about how my manager spoke to me in Tuesday's meeting.": "Grievance",
    "Can I carry over the five days of annual leave I didn't use last year?": "Leave",
    "When will the shortlist for the data analyst vacancy be shared with the panel?": "Recruitment",
}
_HRK = list(_HRC)
_HRK_V = [
    _HRK[0],
    "My annual leave request for March still has not been approved by my manager.",
    _HRK[1],
    "I want to give positive feedback about how my manager ran Tuesday's meeting.",
    _HRK[2],
    _HRK[3],
]
_HRCAT = ["Payroll", "Leave", "Grievance", "Other", "Leave", "Recruitment"]
fam(
    "hr_case_category",
    "hr",
    [
        ("post", "Classify this HR case as Payroll, Leave, Grievance, Recruitment or Other. {out}\n{mat}"),
        (
            "post",
            "Which category - Payroll, Leave, Grievance, Recruitment or Other - does this case belong to? {out} Case: {mat}",
        ),
        (
            "pre",
            "{mat}\n\nAssign the case above to one of: Payroll, Leave, Grievance, Recruitment, Other. {out}",
        ),
        (
            "pre",
            "Case text: {mat}\nPick its category (Payroll / Leave / Grievance / Recruitment / Other). {out}",
        ),
    ],
    {
        "mat": M(_HRK_V, block=False, restrict=[(0, 1), (2, 3), (0, 2), (2, 4), (4, 5), (0, 5)]),
        "out": Slot(
            "format",
            [
                ["Reply with the category only.", "Answer with just the category."],
                [
                    "Give the category and a one-line reason.",
                    "Reply with the category plus a one-line reason.",
                ],
            ],
        ),
    },
    answer=lambda f: (_HRCAT[f["mat"]], f["out"]),
)

# 29 referral letter fields ------------------------------------------------------------------------------------------------
_RF = (
    "Referral: Ms Beatrice Olawale, DOB 04/11/1967, NHS no. 485 777 3456.\n"
    "Referring GP: Dr K. Mensah, Elmwood Surgery.\n"
    "Reason: suspected carpal tunnel syndrome, right hand, 5 months.\n"
    "Urgency: routine. Preferred clinic: Hand Surgery, St Anne's."
)
_RF_V = [
    _RF,
    _RF.replace("485 777 3456", "485 777 3465"),
    _RF.replace("Dr K. Mensah", "Dr K. Mensah-Boateng"),
    _RF.replace("right hand", "left hand"),
    _RF.replace("Urgency: routine", "Urgency: urgent"),
]


def _rf(f):
    t = _RF_V[f["mat"]]
    val = {
        0: re.search(r"NHS no\. ([\d ]+)", t).group(1),
        1: re.search(r"Referring GP: ([^,]+)", t).group(1),
        2: re.search(r"Reason: ([^\n]+)", t).group(1),
        3: re.search(r"Urgency: (\w+)", t).group(1),
    }[f["field"]]
    return (f["field"], val, f["out"])


fam(
    "referral_letter_fields",
    "healthcare",
    [
        ("pre", "{mat}\n\nExtract the {field} from this referral. {out}"),
        ("pre", "Referral text:\n{mat}\nWhat is the {field}? {out}"),
        ("post", "From the referral below, pull out the {field}. {out}\n{mat}"),
        ("post", "Get me the {field} from this referral letter. {out}\n\n{mat}"),
    ],
    {
        "mat": M(_RF_V),
        "field": Slot(
            "field",
            [
                ["NHS number", "NHS no."],
                ["referring GP", "GP who referred"],
                ["reason for referral", "referral reason"],
                ["urgency", "urgency level"],
            ],
        ),
        "out": Slot(
            "format",
            [
                ["Just the value, please.", "Value only."],
                ["Return it as JSON.", "Give it back as a JSON object."],
            ],
        ),
    },
    answer=_rf,
)

# 30 policyholder reply tone ----------------------------------------------------------------------------------------------
_PR_T = (
    "We have reviewed your complaint. The delay to your claim was caused by missing documents. "
    "Please send the repair invoice by 30 June so we can close the matter."
)
_PR_V = [
    _PR_T,
    _PR_T.replace("30 June", "15 June"),
    _PR_T.replace("repair invoice", "police report"),
    _PR_T.replace("was caused by missing documents", "was our fault"),
]
fam(
    "policyholder_reply_tone",
    "insurance",
    [
        (
            "pre",
            "Draft reply:\n{mat}\n\nRewrite this reply to the policyholder so it sounds {tone}, keeping every fact.",
        ),
        (
            "pre",
            "{mat}\n\nCan you make the reply above {tone} for the policyholder without changing any facts?",
        ),
        ("post", "Make this reply to a policyholder {tone} but keep all the facts the same:\n{mat}"),
        (
            "post",
            "Please rewrite the following so it reads {tone}; the facts must stay as they are.\n\n{mat}",
        ),
    ],
    {
        "mat": M(_PR_V),
        "tone": Slot(
            "tone",
            [
                ["warmer and more empathetic", "more empathetic and warmer"],
                ["more formal", "more official and formal"],
                ["shorter and more direct", "more direct and shorter"],
            ],
        ),
    },
)

# 31 overdraft interest ---------------------------------------------------------------------------------------------------
_OB = [850, 1400]
_OR = [39.9, 19.9]
_ODAYS = [10, 31]


def _od(f):
    return round(_OB[f["bal"]] * _OR[f["rate"]] / 100 * _ODAYS[f["days"]] / 365, 2)


fam(
    "overdraft_interest",
    "finance",
    [
        (
            "none",
            "A customer is overdrawn by {bal} for {days}. At {rate} a year, treating it as simple daily interest on a 365-day year, how much interest is charged?",
        ),
        (
            "none",
            "How much overdraft interest is due on {bal} over {days} at {rate} a year? Use simple interest, 365-day year.",
        ),
        (
            "none",
            "Calculate simple overdraft interest: balance {bal} overdrawn, {days}, annual rate {rate}, 365-day basis.",
        ),
        (
            "none",
            "Overdrawn {bal} for {days}, rate {rate} per annum - what's the interest, simple daily on 365 days?",
        ),
    ],
    {
        "bal": Slot(
            "number",
            [["\u00a3850", "850 pounds"], ["\u00a31,400", "\u00a31400"]],
            form_kind="equivalent_quantity",
        ),
        "rate": Slot(
            "number",
            [["39.9%", "39.9 %", "39.9 percent"], ["19.9%", "19.9 %", "19.9 percent"]],
            form_kind="equivalent_quantity",
        ),
        "days": Slot(
            "number",
            [["10 days", "ten days"], ["31 days", "thirty-one days"]],
            form_kind="equivalent_quantity",
        ),
    },
    answer=_od,
)

# 32 mileage claim -----------------------------------------------------------------------------------------------------------
_MM = [320, 1150]
_MR = [45, 25]


def _mil(f):
    miles = _MM[f["miles"]] * (2 if f["trip"] == 1 else 1)
    return round(miles * _MR[f["rate"]] / 100, 2)


fam(
    "mileage_claim",
    "hr",
    [
        ("none", "An employee drove {miles}{trip} on business. At {rate} per mile, how much can they claim?"),
        ("none", "Work out the mileage claim for {miles}{trip} at {rate} a mile."),
        ("none", "What's the reimbursement for {miles}{trip} of business driving paid at {rate} per mile?"),
        ("none", "Calculate the mileage allowance: {miles}{trip}, rate {rate} per mile."),
    ],
    {
        "miles": Slot(
            "number",
            [["320 miles", "320 mi"], ["1,150 miles", "1150 miles"]],
            form_kind="equivalent_quantity",
        ),
        "trip": Slot("constraint", [[""], [" each way (return journey)", " each way, there and back"]]),
        "rate": Slot(
            "number", [["45p", "\u00a30.45"], ["25p", "\u00a30.25"]], form_kind="equivalent_quantity"
        ),
    },
    answer=_mil,
)

# 33 sick pay entitlement ----------------------------------------------------------------------------------------------------
_SP = (
    "Service | Full pay | Half pay\n"
    "Under 1 year | 4 weeks | 4 weeks\n"
    "1 to 3 years | 8 weeks | 8 weeks\n"
    "Over 3 years | 13 weeks | 13 weeks"
)
_SP_V = [
    _SP,
    _SP.replace("1 to 3 years | 8 weeks", "1 to 3 years | 10 weeks"),
    _SP.replace("Over 3 years | 13 weeks | 13 weeks", "Over 3 years | 26 weeks | 13 weeks"),
]


def _spay(f):
    band = f["svc"]
    rows = [l.split(" | ") for l in _SP_V[f["mat"]].split("\n")[1:]]
    return (rows[band][1], rows[band][2], f["ask"]) if f["ask"] == 0 else (rows[band][1], f["ask"])


fam(
    "sick_pay_entitlement",
    "hr",
    [
        ("pre", "Sick pay scheme:\n{mat}\n\nAn employee with {svc} of service is off sick. {ask}"),
        ("pre", "{mat}\n\nUnder the scheme above, for someone with {svc} service: {ask}"),
        ("post", "Someone has {svc} of service and is off sick. {ask} Scheme:\n{mat}"),
        ("post", "Using this sick pay table, for an employee with {svc} of service - {ask}\n{mat}"),
    ],
    {
        "mat": M(_SP_V),
        "svc": Slot(
            "number",
            [["8 months", "eight months"], ["2 years", "two years"], ["5 years", "five years"]],
            form_kind="equivalent_quantity",
        ),
        "ask": Slot(
            "field",
            [
                [
                    "How many weeks of full pay and of half pay do they get?",
                    "What full-pay and half-pay weeks are they entitled to?",
                ],
                [
                    "How many weeks of full pay do they get?",
                    "What full-pay entitlement in weeks do they have?",
                ],
            ],
            pairs={(0, 1): "constraint"},
        ),
    },
    answer=_spay,
)

# 34 breach report deadline ----------------------------------------------------------------------------------------------------
_BT = [dt.datetime(2026, 3, 9, 16, 30), dt.datetime(2026, 3, 12, 9, 15)]
_BH = [72, 24]


def _breach(f):
    return _BT[f["when"]] + dt.timedelta(hours=_BH[f["hours"]])


fam(
    "breach_report_deadline",
    "legal",
    [
        (
            "none",
            "We became aware of a personal data breach at {when}. If it must be reported within {hours} of becoming aware, what is the reporting deadline?",
        ),
        (
            "none",
            "Breach discovered {when}; the regulator must be told within {hours}. By when must we report?",
        ),
        (
            "none",
            "What's the latest time we can notify the regulator if we learnt of the breach at {when} and the limit is {hours}?",
        ),
        (
            "none",
            "Work out the notification deadline: awareness of breach at {when}, reporting window {hours}.",
        ),
    ],
    {
        "when": Slot(
            "date",
            [
                ["16:30 on 9 March 2026", "4.30pm on 9 March 2026", "16:30 on March 9, 2026"],
                ["09:15 on 12 March 2026", "9.15am on 12 March 2026", "09:15 on March 12, 2026"],
            ],
            form_kind="equivalent_quantity",
        ),
        "hours": Slot(
            "number",
            [["72 hours", "seventy-two hours"], ["24 hours", "twenty-four hours"]],
            form_kind="equivalent_quantity",
        ),
    },
    answer=_breach,
)

# 35 budget variance table ---------------------------------------------------------------------------------------------------
_BVH = ["Cost centre", "Budget", "Actual"]
_BVR = [
    ["Fleet", "42,000", "45,150"],
    ["Training", "18,500", "16,200"],
    ["Software", "60,000", "58,900"],
    ["Catering", "9,000", "9,840"],
]
_BVV = variants_of(_BVR, [(0, 2, "41,150"), (1, 2, "19,200"), (2, 1, "57,000"), (3, 2, "8,840")])


def _bv(f):
    r = _BVV[f["mat"]][f["cc"]]
    b, a = int(r[1].replace(",", "")), int(r[2].replace(",", ""))
    v = a - b
    return (v, f["fmt"]) if f["fmt"] == 0 else (round(100 * v / b, 1), f["fmt"])


fam(
    "budget_variance_table",
    "finance",
    [
        ("pre", "{mat}\n\nWhat is the variance for {cc}? {fmt}"),
        ("pre", "Budget vs actual (\u00a3):\n{mat}\nWork out the {cc} variance. {fmt}"),
        ("post", "Calculate the budget variance for {cc} from this table. {fmt}\n{mat}"),
        ("post", "How far over or under budget is {cc}? {fmt} Data:\n{mat}"),
    ],
    {
        "mat": M([table(_BVH, r) for r in _BVV], tag="markdown"),
        "cc": Slot(
            "entity",
            [
                ["Fleet", "the Fleet cost centre"],
                ["Training", "the Training cost centre"],
                ["Software", "the Software cost centre"],
                ["Catering", "the Catering cost centre"],
            ],
        ),
        "fmt": Slot(
            "format",
            [
                ["Give it in pounds.", "State it in \u00a3."],
                ["Give it as a percentage of budget.", "Express it as a % of the budget."],
            ],
        ),
    },
    answer=_bv,
)


# --------------------------------------------------------------------------------------------
# build, write, check
# --------------------------------------------------------------------------------------------

KEYS = ["family", "family_index", "kind", "a", "b", "same"]
POS_KIND_SET = set(POS_KINDS)
MIN_PAIRS = 4000
MIN_POS = 1800


def build(seed=DEFAULT_SEED, per_family=DEFAULT_PER_FAMILY):
    names = [f.name for f in FAMS]
    assert len(names) == len(set(names)), "duplicate family name"
    lines = []
    for idx, f in enumerate(FAMS):
        for p in gen_family(f, seed, per_family):
            p["family_index"] = idx
            lines.append(json.dumps(p, ensure_ascii=False))
    return "\n".join(lines) + "\n"


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


def self_check(text, summary=False, full=True):
    errors = []
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            d = json.loads(line)
        except ValueError as e:
            errors.append("line %d: bad JSON (%s)" % (n, e))
            continue
        if list(d) != KEYS:
            errors.append("line %d: keys %s" % (n, list(d)))
            continue
        types = [str, int, str, str, str, bool]
        if any(
            not isinstance(d[k], t) or (t is int and isinstance(d[k], bool))
            for k, t in zip(KEYS, types, strict=False)
        ):
            errors.append("line %d: value types" % n)
            continue
        rows.append((n, d))
    fam_idx = {}
    order = []
    seen = {}
    uf = UF()
    for n, d in rows:
        if not d["a"].strip() or not d["b"].strip():
            errors.append("line %d: empty side" % n)
        if d["a"] == d["b"]:
            errors.append("line %d: equal sides" % n)
        fi = fam_idx.setdefault(d["family"], d["family_index"])
        if fi != d["family_index"]:
            errors.append("line %d: family_index inconsistent" % n)
        if not order or order[-1] != d["family"]:
            if d["family"] in order:
                errors.append("line %d: family %s not grouped" % (n, d["family"]))
            order.append(d["family"])
        key = tuple(sorted((d["a"], d["b"])))
        if key in seen:
            errors.append("line %d: duplicate of line %d" % (n, seen[key]))
        seen.setdefault(key, n)
        if d["same"] and d["kind"] not in POS_KIND_SET:
            errors.append("line %d: positive with negative kind %s" % (n, d["kind"]))
        if not d["same"] and d["kind"] in POS_KIND_SET:
            errors.append("line %d: negative with positive kind %s" % (n, d["kind"]))
        if not d["same"] and norm(d["a"]) == norm(d["b"]):
            errors.append("line %d: negative with equal normalised sides" % n)
        if d["same"]:
            uf.union(d["a"], d["b"])
    for n, d in rows:
        if not d["same"] and uf.find(d["a"]) == uf.find(d["b"]):
            errors.append("line %d: negative joins texts that positives make equal" % n)
    if sorted(fam_idx.values()) != list(range(len(fam_idx))):
        errors.append("family_index values are not 0..%d" % (len(fam_idx) - 1))
    n_pos = sum(1 for _, d in rows if d["same"])
    if full:
        if len(rows) < MIN_PAIRS:
            errors.append("only %d pairs (< %d)" % (len(rows), MIN_PAIRS))
        if n_pos < MIN_POS:
            errors.append("only %d positives (< %d)" % (n_pos, MIN_POS))
    # report
    print(
        "pairs %d, positives %d (%.1f %%), negatives %d, families %d"
        % (len(rows), n_pos, 100.0 * n_pos / max(1, len(rows)), len(rows) - n_pos, len(fam_idx))
    )
    kinds = Counter((d["same"], d["kind"]) for _, d in rows)
    kfam = {}
    for _, d in rows:
        kfam.setdefault((d["same"], d["kind"]), set()).add(d["family"])
    for same in (True, False):
        print("%s kinds:" % ("same" if same else "different"))
        for (s, k), c in sorted(kinds.items()):
            if s == same:
                print("  %-20s %5d  (%d families)" % (k, c, len(kfam[(s, k)])))
    if summary:
        per = {}
        for _, d in rows:
            per.setdefault(d["family"], Counter())[(d["same"], d["kind"])] += 1
        for name in order:
            c = per[name]
            neg = ", ".join("%s %d" % (k, v) for (s, k), v in sorted(c.items()) if not s)
            print(
                "  %2d %-28s same %3d diff %3d | %s"
                % (
                    fam_idx[name],
                    name,
                    sum(v for (s, _), v in c.items() if s),
                    sum(v for (s, _), v in c.items() if not s),
                    neg,
                )
            )
    for e in errors[:50]:
        print("ERROR:", e)
    if len(errors) > 50:
        print("... %d more errors" % (len(errors) - 50))
    return not errors


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY)
    ap.add_argument("--out", default=os.path.join(HERE, "pairs.jsonl"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args(argv)
    text = build(args.seed, args.per_family)
    default = args.seed == DEFAULT_SEED and args.per_family == DEFAULT_PER_FAMILY
    if args.check:
        ok = True
        try:
            with open(args.out, encoding="utf-8", newline="") as fh:
                on_disk = fh.read()
        except OSError as e:
            print(f"ERROR: cannot read {args.out} ({e})")
            return 1
        if on_disk != text:
            print(f"ERROR: {args.out} differs from the regenerated output")
            ok = False
        else:
            print(f"byte-identical: {args.out}")
        print("-- regenerated:")
        ok = self_check(text, args.summary, default) and ok
        print("-- file:")
        ok = self_check(on_disk, False, default) and ok
        print("self-check", "OK" if ok else "FAILED")
        return 0 if ok else 1
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    ok = self_check(text, args.summary, default)
    print("wrote", args.out, "self-check", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
