#!/usr/bin/env python3
"""Fourth blind pair set for Airlock's semantic cache (see README.md in this folder).

Standard library only. Seeded per family with a string seed ("<seed>:<family>"), so the output
depends neither on PYTHONHASHSEED nor on the order of families.

    python make_pairs.py              # write pairs.jsonl (seed 4104, 104 pairs a family)
    python make_pairs.py --check      # exit 1 unless pairs.jsonl is byte-identical and valid
    python make_pairs.py --summary    # also print counts per kind and family
"""

import argparse
import json
import os
import random
import re
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "pairs.jsonl")
DEFAULT_SEED = 4104
DEFAULT_PER_FAMILY = 104
POS_SHARE = 0.45
KEYS = ["family", "family_index", "kind", "a", "b", "same"]

QUOTE_STYLES = {
    "prose": ['"{}"', "\u201c{}\u201d", "{}"],
    "short": ['"{}"', "\u201c{}\u201d", "'{}'"],
    "code": ["```\n{}\n```", "```{lang}\n{}\n```", "{}"],
}

NOISE_KINDS = [
    "filler",
    "politeness",
    "typo",
    "case",
    "abbreviation",
    "contraction",
    "drop_articles",
    "punct_space",
]

OPEN_FILLER = ["hi, ", "hey - ", "Quick one: ", "ok so ", "hiya! "]
CLOSE_FILLER = [" thanks!", " thx", " cheers", " :)", " ty!"]
OPEN_POLITE = ["Hello, ", "Dear assistant, ", "Good morning. ", "Hi, I hope you can help. "]
CLOSE_POLITE = [" Thank you.", " Many thanks.", " Thanks in advance for your help."]

# words never given a typo: negation, bounds, order, comparison
PROTECTED = {
    "without",
    "except",
    "excluding",
    "including",
    "before",
    "after",
    "least",
    "most",
    "fewer",
    "never",
    "only",
    "above",
    "below",
    "under",
    "over",
    "exactly",
    "between",
    "first",
    "last",
    "every",
    "greater",
    "should",
    "cannot",
    "payroll",
    "access",
    "facilities",
    "benefits",
    "teams",
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
    (r"\bbecause\b", "bc"),
    (r"\bexpenses\b", "exps"),
    (r"\bminutes\b", "mins"),
    (r"\bnumber\b", "no."),
]
CONTRACT = [
    (r"\bWhat is(?= )", "What's"),
    (r"\bwhat is(?= )", "what's"),
    (r"\bit is(?= )", "it's"),
    (r"\bIt is(?= )", "It's"),
    (r"\bdo not(?= )", "don't"),
    (r"\bdoes not(?= )", "doesn't"),
    (r"\bI am(?= )", "I'm"),
    (r"\bwe are(?= )", "we're"),
    (r"\bWe are(?= )", "We're"),
    (r"\bthere is(?= )", "there's"),
    (r"\bis not(?= )", "isn't"),
    (r"\bI would(?= )", "I'd"),
    (r"\bwho is(?= )", "who's"),
    (r"\bhow much is(?= )", "how much's"),
]
ARTICLE_RE = re.compile(r"\b(the|a|an|The|A|An) (?=[A-Za-z])")


# ---------------------------------------------------------------- families -> slots


class Slot:
    def __init__(self, name, spec):
        self.name = name
        self.kind = spec.get("kind")
        self.pos_kind = spec.get("pos", "synonym")
        self.quoted = spec.get("quoted")
        self.lang = spec.get("lang", "text")
        self.nocase = spec.get("nocase", False) or bool(self.quoted)
        self.pairs = {tuple(k): v for k, v in spec.get("pairs", [])}
        self.restrict = spec.get("restrict", False)
        vals = []
        for v in spec["values"]:
            if isinstance(v, str):
                v = {"": [v]}
            elif isinstance(v, list):
                v = {"": v}
            vals.append(v)
        self.values = vals

    def n_forms(self, vi):
        if self.quoted:
            return len(self.styles(vi))
        return max(len(x) for x in self.values[vi].values())

    def styles(self, vi):
        styles = QUOTE_STYLES[self.quoted]
        text = self.values[vi][""][0]
        if self.quoted == "code" and "\n" not in text:
            styles = [*styles, "`{}`"]
        return styles

    def render(self, vi, fi, form=""):
        if self.quoted:
            st = self.styles(vi)
            return st[fi % len(st)].replace("{lang}", self.lang).replace("{}", self.values[vi][""][0])
        forms = self.values[vi][form]
        return forms[fi % len(forms)]

    def neg_pairs(self):
        out = []
        n = len(self.values)
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                key = (min(i, j), max(i, j))
                if key in self.pairs:
                    out.append((i, j, self.pairs[key]))
                elif not self.restrict and self.kind:
                    out.append((i, j, self.kind))
        return out


PLACE_RE = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


class Family:
    def __init__(self, idx, spec):
        self.index = idx
        self.name = spec["name"]
        self.domain = spec["domain"]
        self.slots = OrderedDict((k, Slot(k, v)) for k, v in spec["slots"].items())
        self.answer = spec.get("answer")
        self.weights = spec.get("weights") or {}
        self.templates = []
        for t in spec["templates"]:
            before = t.startswith("^")
            self.templates.append((t[1:] if before else t, "before" if before else "after"))
        for t, _ in self.templates:
            names = {m.group(1) for m in PLACE_RE.finditer(t)}
            assert names == set(self.slots), (self.name, t, names)
        self.has_material = any(s.quoted for s in self.slots.values())

    def valid(self, facts):
        return self.answer is None or self.answer(facts) is not None

    def segments(self, ti, facts, forms):
        t = self.templates[ti][0]
        segs, pos = [], 0
        for m in PLACE_RE.finditer(t):
            if m.start() > pos:
                segs.append(["tpl", t[pos : m.start()]])
            s = self.slots[m.group(1)]
            txt = s.render(facts[s.name], forms[s.name], m.group(2) or "")
            segs.append(["quoted" if s.quoted else ("nocase" if s.nocase else "slot"), txt])
            pos = m.end()
        if pos < len(t):
            segs.append(["tpl", t[pos:]])
        return segs


# ---------------------------------------------------------------- noise


def _tpl_idx(segs):
    return [i for i, s in enumerate(segs) if s[0] == "tpl"]


def noise(op, segs, rng):
    """Apply one noise operation to template text only; returns new segments or None."""
    segs = [list(s) for s in segs]
    before = "".join(s[1] for s in segs)
    if op in ("filler", "politeness"):
        opens, closes = (OPEN_FILLER, CLOSE_FILLER) if op == "filler" else (OPEN_POLITE, CLOSE_POLITE)
        can_close = segs[-1][0] != "quoted" and not segs[-1][1].endswith("\n")
        if can_close and rng.random() < 0.5:
            segs.append(["tpl", rng.choice(closes)])
        else:
            op_text = rng.choice(opens)
            if segs[0][0] == "quoted":  # keep pasted material (and any code fence) on its own line
                op_text = op_text.rstrip() + "\n"
            segs.insert(0, ["tpl", op_text])
    elif op == "typo":
        cands = []
        for i in _tpl_idx(segs):
            for m in re.finditer(r"[A-Za-z]{5,}", segs[i][1]):
                if m.group(0).lower() not in PROTECTED:
                    cands.append((i, m.start(), m.group(0)))
        if not cands:
            return None
        i, st, w = rng.choice(cands)
        k = rng.randrange(1, len(w) - 2)
        how = rng.choice(["swap", "drop", "double"])
        if how == "swap":
            nw = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        elif how == "drop":
            nw = w[:k] + w[k + 1 :]
        else:
            nw = w[:k] + w[k] + w[k:]
        segs[i][1] = segs[i][1][:st] + nw + segs[i][1][st + len(w) :]
    elif op == "case":
        for s in segs:
            if s[0] in ("tpl", "slot"):
                s[1] = s[1].lower()
    elif op in ("abbreviation", "contraction"):
        table = ABBREV if op == "abbreviation" else CONTRACT
        hits = [(i, p, r) for i in _tpl_idx(segs) for p, r in table if re.search(p, segs[i][1])]
        if not hits:
            return None
        i, p, r = rng.choice(hits)
        segs[i][1] = re.sub(p, r, segs[i][1], count=1)
    elif op == "drop_articles":
        for i in _tpl_idx(segs):
            segs[i][1] = ARTICLE_RE.sub("", segs[i][1])
    elif op == "punct_space":
        choices = []
        last = segs[-1]
        if last[0] == "tpl" and last[1].rstrip()[-1:] in ".?":
            choices.append("strip_end")
        if last[0] != "quoted":
            choices.append("trail_space")
        if any(" " in segs[i][1] for i in _tpl_idx(segs)):
            choices.append("double_space")
        if any("?" in segs[i][1] for i in _tpl_idx(segs)):
            choices.append("space_q")
        if not choices:
            return None
        c = rng.choice(choices)
        if c == "strip_end":
            last[1] = last[1].rstrip()[:-1]
        elif c == "trail_space":
            last[1] = last[1] + "  "
        elif c == "double_space":
            i = rng.choice([i for i in _tpl_idx(segs) if " " in segs[i][1]])
            sp = [m.start() for m in re.finditer(" ", segs[i][1])]
            p = rng.choice(sp)
            segs[i][1] = segs[i][1][:p] + "  " + segs[i][1][p + 1 :]
        else:
            i = rng.choice([i for i in _tpl_idx(segs) if "?" in segs[i][1]])
            segs[i][1] = segs[i][1].replace("?", " ?", 1)
    else:
        raise ValueError(op)
    if "".join(s[1] for s in segs) == before:
        return None
    return segs


def join(segs):
    return "".join(s[1] for s in segs)


def norm(t):
    t = re.sub(r"\s+", " ", t.lower()).strip()
    return t.rstrip("?.! ")


# ---------------------------------------------------------------- union-find


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


# ---------------------------------------------------------------- generation


def random_facts(fam, rng):
    for _ in range(200):
        facts = {k: rng.randrange(len(s.values)) for k, s in fam.slots.items()}
        if fam.valid(facts):
            return facts
    raise RuntimeError("no valid facts in " + fam.name)


def random_forms(fam, facts, rng):
    return {k: rng.randrange(s.n_forms(facts[k])) for k, s in fam.slots.items()}


def make_positive(fam, kind, rng):
    facts = random_facts(fam, rng)
    nt = len(fam.templates)
    if kind in ("reword", "reword_noisy", "material_moved"):
        t1 = rng.randrange(nt)
        if kind == "material_moved":
            others = [t for t in range(nt) if fam.templates[t][1] != fam.templates[t1][1]]
        elif kind == "reword" and fam.has_material:
            others = [t for t in range(nt) if t != t1 and fam.templates[t][1] == fam.templates[t1][1]]
        else:
            others = [t for t in range(nt) if t != t1]
        if not others:
            return None
        t2 = rng.choice(others)
        a = fam.segments(t1, facts, random_forms(fam, facts, rng))
        b = fam.segments(t2, facts, random_forms(fam, facts, rng))
        if kind == "reword_noisy":
            for _ in range(rng.choice([1, 2])):
                b2 = noise(rng.choice(NOISE_KINDS), b, rng)
                b = b2 or b
        return join(a), join(b), facts
    ti = rng.randrange(nt)
    forms = random_forms(fam, facts, rng)
    a = fam.segments(ti, facts, forms)
    if kind in ("synonym", "equivalent_quantity", "quote_marks"):
        cands = []
        for k, s in fam.slots.items():
            pk = "quote_marks" if s.quoted else s.pos_kind
            if pk == kind and s.n_forms(facts[k]) > 1:
                cands.append(k)
        if not cands:
            return None
        k = rng.choice(cands)
        forms2 = dict(forms)
        forms2[k] = rng.choice([f for f in range(fam.slots[k].n_forms(facts[k])) if f != forms[k]])
        b = fam.segments(ti, facts, forms2)
        # this placeholder may be rendered with a dict form; make sure text changed
        return join(a), join(b), facts
    b = noise(kind, a, rng)
    if b is None:
        return None
    return join(a), join(b), facts


def make_negative(fam, opt, minimal, rng):
    slot, i, j, kind = opt
    for _ in range(50):
        fa = random_facts(fam, rng)
        fa[slot] = i
        if not fam.valid(fa):
            continue
        fb = dict(fa)
        fb[slot] = j
        if not fam.valid(fb):
            continue
        if fam.answer is not None and fam.answer(fa) == fam.answer(fb):
            continue
        break
    else:
        return None
    diff = [k for k in fa if fa[k] != fb[k]]
    assert diff == [slot]
    nt = len(fam.templates)
    ta = rng.randrange(nt)
    forms_a = random_forms(fam, fa, rng)
    use_noise = rng.random() < 0.5
    op = rng.choice(NOISE_KINDS)
    if minimal:
        tb, forms_b = ta, dict(forms_a)
    else:
        tb = rng.choice([t for t in range(nt) if t != ta])
        forms_b = random_forms(fam, fb, rng)
    a = fam.segments(ta, fa, forms_a)
    b = fam.segments(tb, fb, forms_b)
    if use_noise:
        seed = rng.random()
        a = noise(op, a, random.Random(seed)) or a
        if minimal:
            b = noise(op, b, random.Random(seed)) or b
        elif rng.random() < 0.5:
            b = noise(rng.choice(NOISE_KINDS), b, rng) or b
    return join(a), join(b), kind


def pos_kinds(fam):
    kinds = ["reword", "reword_noisy"]
    if fam.has_material and len({p for _, p in fam.templates}) > 1:
        kinds.append("material_moved")
    for _k, s in fam.slots.items():
        pk = "quote_marks" if s.quoted else s.pos_kind
        if any(s.n_forms(v) > 1 for v in range(len(s.values))) and pk not in kinds:
            kinds.append(pk)
    return kinds + NOISE_KINDS


def gen_family(fam, seed, per_family):
    rng = random.Random(f"{seed}:{fam.name}")
    n_pos = round(per_family * POS_SHARE)
    n_neg = per_family - n_pos
    seen, uf, out = set(), UF(), []

    def add(a, b, kind, same):
        if a == b or not a.strip() or not b.strip():
            return False
        key = frozenset((a, b))
        if key in seen:
            return False
        if same and kind != "case" and a.lower() == b.lower():
            return False
        if not same and (norm(a) == norm(b) or uf.find(a) == uf.find(b)):
            return False
        seen.add(key)
        if same:
            uf.union(a, b)
        out.append((kind, a, b, same))
        return True

    kinds = pos_kinds(fam)
    made, turn, fails = 0, 0, 0
    while made < n_pos:
        kind = kinds[turn % len(kinds)]
        turn += 1
        for _ in range(40):
            r = make_positive(fam, kind, rng)
            if r and add(r[0], r[1], kind, True):
                made += 1
                break
        else:
            fails += 1
            assert fails < 500, fam.name

    by_kind = OrderedDict()
    for k, s in fam.slots.items():
        for i, j, kind in s.neg_pairs():
            by_kind.setdefault(kind, []).append((k, i, j, kind))
    nk = []
    for kind in by_kind:
        nk.extend([kind] * fam.weights.get(kind, 1))
    made, turn, fails = 0, 0, 0
    while made < n_neg:
        kind = nk[turn % len(nk)]
        minimal = made % 2 == 0
        turn += 1
        for _ in range(60):
            r = make_negative(fam, rng.choice(by_kind[kind]), minimal, rng)
            if r and add(r[0], r[1], r[2], False):
                made += 1
                break
        else:
            fails += 1
            assert fails < 500, (fam.name, kind)

    rng.shuffle(out)
    lines = []
    for kind, a, b, same in out:
        if rng.random() < 0.5:
            a, b = b, a
        lines.append(
            OrderedDict(
                [
                    ("family", fam.name),
                    ("family_index", fam.index),
                    ("kind", kind),
                    ("a", a),
                    ("b", b),
                    ("same", same),
                ]
            )
        )
    return lines


def generate(seed, per_family):
    fams = [Family(i, spec) for i, spec in enumerate(FAMILIES)]
    lines = []
    for fam in fams:
        lines.extend(gen_family(fam, seed, per_family))
    text = "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines)
    return fams, text


# ---------------------------------------------------------------- self-check


def self_check(text, fams=None):
    errors = []
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            d = json.loads(line, object_pairs_hook=OrderedDict)
        except ValueError as e:
            errors.append("line %d: bad JSON (%s)" % (n, e))
            continue
        if list(d.keys()) != KEYS:
            errors.append("line %d: keys %s" % (n, list(d.keys())))
            continue
        types = [str, int, str, str, str, bool]
        if any(
            not isinstance(d[k], t) or (t is int and isinstance(d[k], bool))
            for k, t in zip(KEYS, types, strict=False)
        ):
            errors.append("line %d: wrong types" % n)
            continue
        rows.append((n, d))
    fam_index, order, seen, uf = {}, [], {}, UF()
    for n, d in rows:
        f = d["family"]
        if f in fam_index and fam_index[f] != d["family_index"]:
            errors.append("line %d: family_index differs for %s" % (n, f))
        fam_index.setdefault(f, d["family_index"])
        if not order or order[-1] != f:
            if f in order:
                errors.append("line %d: family %s not grouped" % (n, f))
            order.append(f)
        a, b = d["a"], d["b"]
        if not a.strip() or not b.strip():
            errors.append("line %d: empty side" % n)
        if a == b:
            errors.append("line %d: equal sides" % n)
        key = frozenset((a, b))
        if key in seen:
            errors.append("line %d: duplicate of line %d" % (n, seen[key]))
        seen[key] = n
        if d["same"]:
            uf.union(a, b)
    for n, d in rows:
        if not d["same"]:
            if norm(d["a"]) == norm(d["b"]):
                errors.append("line %d: negative with equal normalised sides" % n)
            if uf.find(d["a"]) == uf.find(d["b"]):
                errors.append("line %d: negative joins texts that positives make equal" % n)
    if fams is not None:
        want = {f.name: f.index for f in fams}
        if fam_index != want:
            errors.append("family names/indexes differ from the generator's")
    return rows, errors


def summary(rows, verbose):
    by_label = Counter(d["same"] for _, d in rows)
    kinds = Counter((d["same"], d["kind"]) for _, d in rows)
    fams = OrderedDict()
    for _, d in rows:
        fams.setdefault(d["family"], Counter())[(d["same"], d["kind"])] += 1
    kind_fams = Counter()
    for f, c in fams.items():
        for k in c:
            kind_fams[k] += 1
    total = len(rows)
    print(
        "pairs %d  same %d (%.1f %%)  different %d  families %d"
        % (total, by_label[True], 100.0 * by_label[True] / max(total, 1), by_label[False], len(fams))
    )
    for same in (True, False):
        print("  %s:" % ("same" if same else "different"))
        for (s, k), c in sorted(kinds.items(), key=lambda x: x[0][1]):
            if s == same:
                print("    %-20s %4d  (%d families)" % (k, c, kind_fams[(s, k)]))
    if verbose:
        for f, c in fams.items():
            pos = sum(v for (s, _), v in c.items() if s)
            neg = sum(v for (s, _), v in c.items() if not s)
            negk = ", ".join(
                "%s %d" % (k, v) for (s, k), v in sorted(c.items(), key=lambda x: x[0][1]) if not s
            )
            print("  %-28s same %3d diff %3d | %s" % (f, pos, neg, negk))


# ---------------------------------------------------------------- the families
# Every template names every slot. A leading "^" marks a template whose pasted material comes
# before the instruction. A slot value is a list of exactly equivalent surface forms (or a dict of
# such lists keyed by grammatical form). `answer(facts)` (facts: slot -> value index), where
# given, returns what a correct answer depends on; a negative is only made when it differs, and
# `None` marks a combination that is not used at all.


def S(kind, values, **kw):
    d = {"kind": kind, "values": values}
    d.update(kw)
    return d


def Q(values, style="prose", kind="quoted_text", **kw):
    d = {"kind": kind, "values": [[v] for v in values], "quoted": style}
    d.update(kw)
    return d


FAMILIES = []


def family(name, domain, templates, slots, answer=None, weights=None):
    FAMILIES.append(
        {
            "name": name,
            "domain": domain,
            "templates": templates,
            "slots": slots,
            "answer": answer,
            "weights": weights,
        }
    )


# 0 ------------------------------------------------------------------------- procurement
PO_RULE = (
    "POs up to \u00a35,000 need approval from the budget holder. POs over \u00a35,000 and up "
    "to \u00a325,000 also need the Head of Finance. POs over \u00a325,000 also need the CFO. "
    "Any IT hardware purchase also needs sign-off from IT Security, whatever its value."
)
PO_AMOUNTS = [3000, 12000, 40000]


def _po_answer(f):
    amt = PO_AMOUNTS[f["amt"]]
    tier = 0 if amt <= 5000 else (1 if amt <= 25000 else 2)
    return (tier, f["item"] == 1)


family(
    "po_approval_matrix",
    "procurement",
    [
        "Here is our purchase-order approval rule: {text}\nWho has to approve a PO for {amt} of {item}?",
        "^{text}\n\nUnder the rule above, which people must sign off a purchase order worth {amt} for {item}?",
        "^Policy text:\n{text}\n\nQuestion: a purchase order of {amt} for {item} - who needs to approve it?",
        "Who must approve a purchase order of {amt} for {item}, according to this approval rule: {text}",
    ],
    OrderedDict(
        [
            ("text", Q([PO_RULE])),
            (
                "amt",
                S(
                    "number",
                    [
                        ["\u00a33,000", "\u00a33000", "\u00a33k", "3,000 pounds"],
                        ["\u00a312,000", "\u00a312000", "\u00a312k", "12,000 pounds"],
                        ["\u00a340,000", "\u00a340000", "\u00a340k", "40,000 pounds"],
                    ],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "item",
                S(
                    "entity",
                    [
                        ["office chairs"],
                        ["laptops", "notebook computers"],
                        ["consultancy services", "consulting services"],
                    ],
                ),
            ),
        ]
    ),
    _po_answer,
)

# 1 ------------------------------------------------------------------------- procurement
QUOTES = (
    "Supplier A: \u00a34.20 per unit, delivery \u00a360 per order.\n"
    "Supplier B: \u00a33.90 per unit, delivery \u00a3150 per order."
)


def _quote_answer(f):
    q = [100, 1000][f["qty"]]
    incl = f["deliv"] == 0
    a = 4.20 * q + (60 if incl else 0)
    b = 3.90 * q + (150 if incl else 0)
    if f["cmp"] == 0:
        return "A" if a < b else "B"
    return "A" if a > b else "B"


family(
    "supplier_quote_compare",
    "procurement",
    [
        "Two quotes:\n{text}\nFor an order of {qty} units, which supplier is {cmp}, {deliv}?",
        "^{text}\n\nWhich of these suppliers is {cmp} for {qty} units, {deliv}?",
        "Compare these quotes for {qty} units {deliv} and tell me which supplier is {cmp}:\n{text}",
        "Which supplier works out {cmp} on an order of {qty} units, {deliv}?\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([QUOTES], style="code")),
            (
                "qty",
                S(
                    "number",
                    [["100", "one hundred"], ["1,000", "1000", "one thousand"]],
                    pos="equivalent_quantity",
                ),
            ),
            ("cmp", S("antonym", [["cheaper", "less expensive"], ["more expensive", "dearer"]])),
            (
                "deliv",
                S(
                    "negation",
                    [
                        ["including delivery", "with delivery included"],
                        ["excluding delivery", "ignoring delivery", "leaving delivery out"],
                    ],
                ),
            ),
        ]
    ),
    _quote_answer,
)

# 2 ------------------------------------------------------------------------- insurance
CLAIMS = [
    (
        "Claim 7731 (home contents): water leak from the flat above on 3 May 2026. Loss adjuster "
        "approved \u00a32,340. Policy excess: \u00a3250.",
        2340,
        250,
    ),
    (
        "Claim 7731 (home contents): water leak from the flat above on 3 May 2026. Loss adjuster "
        "approved \u00a32,840. Policy excess: \u00a3250.",
        2840,
        250,
    ),
    (
        "Claim 8102 (motor): rear bumper damaged in a supermarket car park on 11 June 2026. Repair "
        "approved at \u00a31,180. Policy excess: \u00a3400.",
        1180,
        400,
    ),
]


def _claim_answer(f):
    _, loss, excess = CLAIMS[f["text"]]
    paid = loss - (excess if f["waive"] == 0 else 0) - [0, 500, 300][f["interim"]]
    return paid


family(
    "claim_payout",
    "insurance_claims",
    [
        "How much do we pay the customer on this claim{waive}{interim}?\n{text}",
        "^{text}\nWhat is the payout on the claim above{waive}{interim}?",
        "^Claim note: {text}\nCalculate the amount payable{waive}{interim}.",
        "Calculate the settlement{waive}{interim} for this claim: {text}",
    ],
    OrderedDict(
        [
            ("text", Q([c[0] for c in CLAIMS])),
            (
                "waive",
                S(
                    "negation",
                    [
                        [" with the excess applied", " after the excess"],
                        [" with the excess waived", " if we waive the excess"],
                    ],
                ),
            ),
            (
                "interim",
                S(
                    "constraint",
                    [
                        [""],
                        [
                            ", less the \u00a3500 interim payment already made",
                            ", net of the \u00a3500 already paid as an interim payment",
                        ],
                        [
                            ", less the \u00a3300 interim payment already made",
                            ", net of the \u00a3300 already paid as an interim payment",
                        ],
                    ],
                    pairs=[((1, 2), "number")],
                ),
            ),
        ]
    ),
    _claim_answer,
)

# 3 ------------------------------------------------------------------------- data extraction
RECORDS = [
    {
        "customer": "Dana Whitfield",
        "date": "2 February 2026",
        "postcode": "BS1 4QA",
        "total": "\u20ac182.40",
        "status": "dispatched",
        "id": "55120",
        "street": "14 Elm Row, Bristol",
    },
    {
        "customer": "Tomasz Wilk",
        "date": "5 February 2026",
        "postcode": "LS6 2QT",
        "total": "\u20ac96.15",
        "status": "awaiting payment",
        "id": "55121",
        "street": "7 Mill Lane, Leeds",
    },
    {
        "customer": "Dana Whitfield",
        "date": "2 February 2026",
        "postcode": "BS1 4QA",
        "total": "\u20ac182.40",
        "status": "returned",
        "id": "55120",
        "street": "14 Elm Row, Bristol",
    },
]
REC_FIELDS = ["customer", "date", "postcode", "total", "status"]


def _rec_text(r):
    return "Order {} | customer: {} | placed: {} | ship to: {} {} | total: {} | status: {}".format(
        r["id"],
        r["customer"],
        r["date"],
        r["street"],
        r["postcode"],
        r["total"],
        r["status"],
    )


def _rec_answer(f):
    return (RECORDS[f["text"]][REC_FIELDS[f["field"]]], f["field"], f["fmt"])


family(
    "order_record_field",
    "data_extraction",
    [
        "What is the {field} in this record?\n{text}\n{fmt}",
        "^{text}\nExtract the {field} from the record above. {fmt}",
        "^Record: {text}\nPull out the {field}. {fmt}",
        "{fmt} From the following order record, get the {field}: {text}",
    ],
    OrderedDict(
        [
            ("text", Q([_rec_text(r) for r in RECORDS])),
            (
                "field",
                S(
                    "field",
                    [
                        ["customer name", "customer's name"],
                        ["order date", "date the order was placed"],
                        ["postcode", "post code"],
                        ["order total", "total amount"],
                        ["status", "order status"],
                    ],
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["Reply with the value only.", "Give me just the value."],
                        [
                            "Reply as JSON with the field name as the key.",
                            "Answer in JSON, keyed by the field name.",
                        ],
                    ],
                ),
            ),
        ]
    ),
    _rec_answer,
)

# 4 ------------------------------------------------------------------------- clinical coding


def _code_answer(f):
    cond = f["cond"]
    if f["system"] == 1 and cond in (4, 5):
        cond = "knee"  # laterality in SNOMED CT not relied on: no left/right negative there
    return (cond, f["system"], f["fmt"])


family(
    "clinical_code_lookup",
    "clinical_coding",
    [
        "Which {system} code should I use for {cond}? {fmt}",
        "Clinical coding question: {cond} - what is the {system} code? {fmt}",
        "{fmt} I need the {system} code for a diagnosis of {cond}.",
        "What {system} code applies to a patient diagnosed with {cond}? {fmt}",
    ],
    OrderedDict(
        [
            (
                "cond",
                S(
                    "entity",
                    [
                        ["essential hypertension", "primary hypertension"],
                        [
                            "type 2 diabetes mellitus without complications",
                            "type 2 diabetes without complications",
                            "T2DM without complications",
                        ],
                        ["acute appendicitis"],
                        ["iron deficiency anaemia", "iron-deficiency anemia"],
                        ["osteoarthritis of the right knee", "right knee osteoarthritis"],
                        ["osteoarthritis of the left knee", "left knee osteoarthritis"],
                    ],
                    pairs=[((4, 5), "modifier")],
                ),
            ),
            ("system", S("entity", [["ICD-10-CM"], ["SNOMED CT", "SNOMED-CT"]])),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["Reply with the code only.", "Just the code."],
                        [
                            "Give the code and a one-line reason.",
                            "Give the code plus a one-line justification.",
                        ],
                    ],
                ),
            ),
        ]
    ),
    _code_answer,
)

# 5 ------------------------------------------------------------------------- pharmacy stock
STOCK = [1200, 840, 2000]
RATE = [60, 60 / 7.0, 40]


def _stock_answer(f):
    return round((STOCK[f["stock"]] - [0, 100][f["reserve"]]) / RATE[f["rate"]], 3)


family(
    "pharmacy_stock_days",
    "pharmacy",
    [
        "We have {stock} amlodipine 5 mg tablets in stock and dispense about {rate}. How many days will the stock last{reserve}?",
        "How long will {stock} tablets of amlodipine 5 mg last if we dispense {rate}{reserve}? Answer in days.",
        "Pharmacy stock: amlodipine 5 mg, {stock} tablets on hand, usage {rate}. Days of cover{reserve}?",
        "Work out the days of stock remaining{reserve}: {stock} tablets of amlodipine 5 mg, dispensing {rate}.",
    ],
    OrderedDict(
        [
            (
                "stock",
                S(
                    "number",
                    [["1,200", "1200"], ["840"], ["2,000", "2000", "two thousand"]],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "rate",
                S(
                    "number",
                    [
                        ["60 tablets a day", "60 tablets per day", "420 tablets a week"],
                        ["60 tablets a week", "60 tablets per week"],
                        ["40 tablets a day", "40 tablets per day", "280 tablets a week"],
                    ],
                    pos="equivalent_quantity",
                    restrict=True,
                    pairs=[((0, 1), "unit"), ((0, 2), "number")],
                ),
            ),
            (
                "reserve",
                S(
                    "constraint",
                    [
                        [""],
                        [
                            " if we keep 100 tablets back as safety stock",
                            " keeping a safety stock of 100 tablets",
                        ],
                    ],
                ),
            ),
        ]
    ),
    _stock_answer,
)

# 6 ------------------------------------------------------------------------- lab results
PANELS = [(131, 4.1, 88), (139, 4.1, 88), (131, 5.9, 88), (139, 4.1, 164)]


def _panel_text(p):
    return (
        "Sodium      %d mmol/L   (ref 135-145)\nPotassium   %.1f mmol/L  (ref 3.5-5.3)\n"
        "Creatinine  %d umol/L   (ref 60-110)" % p
    )


def _panel_answer(f):
    return (f["analyte"], PANELS[f["text"]][f["analyte"]], f["aud"])


family(
    "lab_panel_explain",
    "lab_results",
    [
        "Explain the {analyte} result in this panel to {aud}:\n{text}",
        "^{text}\n\nHow would you explain the {analyte} value above to {aud}?",
        "^Lab results:\n{text}\nPlease explain what the {analyte} level means, for {aud}.",
        "For {aud}, explain the {analyte} reading from these results:\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_panel_text(p) for p in PANELS], style="code")),
            ("analyte", S("entity", [["sodium"], ["potassium"], ["creatinine"]])),
            (
                "aud",
                S(
                    "audience",
                    [
                        ["a patient with no medical background", "a patient without any medical training"],
                        ["a junior doctor"],
                    ],
                ),
            ),
        ]
    ),
    _panel_answer,
    weights={"entity": 2},
)

# 7 ------------------------------------------------------------------------- tax / VAT
family(
    "vat_from_gross",
    "tax_vat",
    [
        "A receipt shows {cur}{gross} including VAT at {rate}. What is {want}?",
        "Receipt total: {cur}{gross} incl. VAT ({rate}). Work out {want}.",
        "Work out {want} on a VAT-inclusive total of {cur}{gross}, VAT rate {rate}.",
        "If {cur}{gross} includes VAT at {rate}, what is {want}?",
    ],
    OrderedDict(
        [
            ("cur", S("currency", [["\u00a3"], ["\u20ac"]])),
            ("gross", S("number", [["126.00", "126"], ["162.00", "162"]], pos="equivalent_quantity")),
            (
                "rate",
                S(
                    "number",
                    [["20%", "20 %", "20 percent"], ["5%", "5 percent", "5 %"]],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "want",
                S(
                    "field",
                    [["the VAT amount", "the VAT element"], ["the net amount", "the amount excluding VAT"]],
                ),
            ),
        ]
    ),
)

# 8 ------------------------------------------------------------------------- contract redlining
CLAUSES = [("either", 30), ("either", 60), ("customer", 30)]


def _redline_answer(f):
    parties, days = CLAUSES[f["text"]]
    email = False
    if f["change"] in (0, 1):
        days = [90, 45][f["change"]]
    elif f["change"] == 2:
        email = True
    else:
        parties = "supplier"
    result = (parties, days, email)
    if f["out"] == 0:  # a redline also shows what was there before
        return (result, CLAUSES[f["text"]])
    return result


family(
    "contract_clause_redline",
    "contract_redlining",
    [
        "Revise this clause so that {change}, {out}: {text}",
        "^{text}\nAmend the clause above so {change}. Present it {out}.",
        "^Clause:\n{text}\nPlease mark up the clause so that {change} - {out}.",
        "Edit the following termination clause so that {change}, and show it {out}.\n{text}",
    ],
    OrderedDict(
        [
            (
                "text",
                Q(
                    [
                        "Either party may terminate this Agreement on 30 days' written notice to the other party.",
                        "Either party may terminate this Agreement on 60 days' written notice to the other party.",
                        "The Customer may terminate this Agreement on 30 days' written notice to the Supplier.",
                    ]
                ),
            ),
            (
                "change",
                S(
                    "constraint",
                    [
                        ["the notice period is 90 days", "notice becomes 90 days"],
                        ["the notice period is 45 days", "notice becomes 45 days"],
                        ["notice may also be given by email", "email notice is also allowed"],
                        ["only the Supplier may terminate", "the right to terminate is the Supplier's alone"],
                    ],
                    pairs=[((0, 1), "number")],
                ),
            ),
            (
                "out",
                S(
                    "format",
                    [
                        ["as a tracked-changes redline", "showing deletions and insertions"],
                        ["as a clean revised clause", "as clean text with no markup"],
                    ],
                ),
            ),
        ]
    ),
    _redline_answer,
)

# 9 ------------------------------------------------------------------------- GDPR access
family(
    "sar_response_deadline",
    "gdpr_requests",
    [
        "We received a subject access request on {date}. Under UK GDPR, what is the deadline to respond{ext}?",
        "SAR received {date} - when is our UK GDPR response due{ext}?",
        "By what date must we answer a data subject access request that arrived on {date}{ext} (UK GDPR)?",
        "Under the UK GDPR, a subject access request came in on {date}. When must we reply by{ext}?",
    ],
    OrderedDict(
        [
            (
                "date",
                S(
                    "date",
                    [
                        ["3 March 2026", "March 3, 2026", "2026-03-03"],
                        ["14 January 2026", "January 14, 2026", "2026-01-14"],
                        ["21 July 2026", "July 21, 2026", "2026-07-21"],
                    ],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "ext",
                S(
                    "constraint",
                    [
                        [""],
                        [
                            " if we extend it because the request is complex",
                            " allowing for the two-month extension for complex requests",
                        ],
                    ],
                ),
            ),
        ]
    ),
)

# 10 ------------------------------------------------------------------------ GDPR erasure
family(
    "erasure_request_reply",
    "gdpr_requests",
    [
        "Draft a reply to this erasure request {decision}, {fmt}:\n{text}",
        "^{text}\n\nWrite our response to the message above {decision}. Send it {fmt}.",
        "^Customer wrote: {text}\nReply {fmt}, {decision}.",
        "Please write a reply {fmt} {decision} to the following request to be forgotten: {text}",
    ],
    OrderedDict(
        [
            (
                "text",
                Q(
                    [
                        "Hi, I closed my account last month. Please delete everything you hold about me, including "
                        "my order history. Thanks, Marta Nowak (customer no. 40817)",
                        "Hello - please remove my account and all personal data you have on me. I also want no more "
                        "marketing emails. Ben Okafor, customer no. 51290",
                    ]
                ),
            ),
            (
                "decision",
                S(
                    "constraint",
                    [
                        [
                            "confirming that we have erased all their data",
                            "confirming all their data has been erased",
                        ],
                        [
                            "saying we have erased their data except invoices, which we must keep for six years",
                            "explaining that everything is erased apart from invoices, which we must keep for six years",
                        ],
                        [
                            "refusing for now because we cannot yet verify their identity",
                            "declining until we can verify who they are",
                        ],
                    ],
                    pairs=[((0, 2), "negation"), ((1, 2), "negation")],
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["as an email", "as an email reply"],
                        ["as a short live-chat message", "as a brief chat message"],
                    ],
                ),
            ),
        ]
    ),
)

# 11 ------------------------------------------------------------------------ facilities
FAC_TICKETS = [
    (
        "Room 3.14: water is leaking from the radiator onto the carpet, close to a floor socket.",
        "urgent",
        "plumber",
    ),
    ("Stairwell B: one ceiling light has been flickering since Monday.", "routine", "electrician"),
    ("The fire door on the second-floor landing no longer closes by itself.", "urgent", "joiner"),
    ("Kitchen on floor 2: the cold tap drips slowly when it is turned off.", "routine", "plumber"),
]


def _fac_answer(f):
    return (FAC_TICKETS[f["text"]][1 + f["q"]], f["q"], f["fmt"])


family(
    "facilities_ticket_triage",
    "facilities",
    [
        "^Facilities ticket: {text}\nTell me {q}. {fmt}",
        "^{text}\nFor this maintenance ticket, decide {q}. {fmt}",
        "Decide {q} for the following facilities request. {fmt}\nTicket: {text}",
        "{fmt} Triage this ticket and work out {q}: {text}",
    ],
    OrderedDict(
        [
            ("text", Q([t[0] for t in FAC_TICKETS])),
            (
                "q",
                S(
                    "field",
                    [
                        ["the priority (urgent or routine)", "its priority (urgent or routine)"],
                        [
                            "which trade to send (plumber, electrician or joiner)",
                            "the trade needed (plumber, electrician or joiner)",
                        ],
                    ],
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["Reply with one word.", "Answer in one word."],
                        ["Reply with one word and a short reason.", "Give one word plus a brief reason."],
                    ],
                ),
            ),
        ]
    ),
    _fac_answer,
)

# 12 ------------------------------------------------------------------------ travel policy
TRAVEL_HOURS = [6, 8]


def _travel_text(h):
    return (
        "Flights: book economy class for flights under %d hours; premium economy is allowed for "
        "flights of %d hours or more. Business class needs written approval from a director." % (h, h)
    )


def _travel_answer(f):
    h = TRAVEL_HOURS[f["text"]]
    dur = [5, 7, 9][f["dur"]]
    if f["cls"] == 0:
        return True
    if f["cls"] == 1:
        return dur >= h
    return f["appr"] == 1


family(
    "travel_class_policy",
    "travel_policy",
    [
        "Under this travel policy, can I book {cls} for a {dur} flight{appr}?\n{text}",
        "^{text}\nAm I allowed to fly {cls} on a {dur} flight{appr}?",
        "^Travel policy: {text}\nQuestion: is {cls} OK for a {dur} flight{appr}?",
        "May I fly {cls} on a {dur} flight{appr}, given this policy: {text}",
    ],
    OrderedDict(
        [
            ("text", Q([_travel_text(h) for h in TRAVEL_HOURS])),
            (
                "cls",
                S(
                    "entity",
                    [["economy", "economy class"], ["premium economy"], ["business class", "business"]],
                ),
            ),
            (
                "dur",
                S(
                    "number",
                    [["5-hour", "five-hour"], ["7-hour", "seven-hour"], ["9-hour", "nine-hour"]],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "appr",
                S(
                    "constraint",
                    [
                        [""],
                        [" with my director's written approval", " with written sign-off from my director"],
                    ],
                ),
            ),
        ]
    ),
    _travel_answer,
)

# 13 ------------------------------------------------------------------------ onboarding
family(
    "onboarding_checklist",
    "onboarding",
    [
        "Write a first-week onboarding checklist of {n} items for a new {role} {mode}, {fmt}.",
        "Create a first-week onboarding plan with {n} items for a {role} starting next week, {mode}. Format it {fmt}.",
        "New starter: {role}, {mode}. Give me {n} onboarding tasks for week one {fmt}.",
        "I need {n} first-week onboarding steps, {fmt}, for a newly hired {role} {mode}.",
    ],
    OrderedDict(
        [
            ("n", S("number", [["5", "five"], ["8", "eight"]], pos="equivalent_quantity")),
            ("role", S("entity", [["data analyst"], ["payroll officer"], ["site electrician"]])),
            (
                "mode",
                S(
                    "modifier",
                    [
                        ["working remotely", "working from home full time"],
                        ["based in the office", "working on site"],
                    ],
                ),
            ),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["as a numbered checklist", "as a numbered list"],
                        [
                            "as a table with task, owner and due-day columns",
                            "as a table (task, owner, due day)",
                        ],
                    ],
                ),
            ),
        ]
    ),
)

# 14 ------------------------------------------------------------------------ post-mortems
PM = [
    ("09:47", "Cause: the new refunds query ran without an index on refunds.order_id."),
    ("09:57", "Cause: the new refunds query ran without an index on refunds.order_id."),
    ("09:47", "Cause: the new config cut the database connection pool from 50 to 5."),
]


def _pm_text(p):
    return (
        "09:12  deploy of payments-api v2.3 started\n"
        "09:15  error rate on refunds rose to 18%\n"
        "09:31  on-call engineer paged\n"
        "09:40  rollback to v2.2 started\n"
        "{}  error rate back to normal\n{}".format(*p)
    )


def _pm_answer(f):
    end, cause = PM[f["text"]]
    if f["q"] == 0:
        return ("impact", end)
    if f["q"] == 1:
        return ("page", 16)
    return ("cause", cause, f["aud"])


family(
    "postmortem_question",
    "incident_postmortems",
    [
        "From this incident timeline, give {q}, {aud}:\n{text}",
        "^{text}\nBased on the timeline above, state {q} {aud}.",
        "^Incident log:\n{text}\nWhat was {q}? Write it {aud}.",
        "Give {q} for this outage, {aud}:\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_pm_text(p) for p in PM], style="code")),
            (
                "q",
                S(
                    "field",
                    [
                        ["the duration of customer-facing errors", "the length of time customers saw errors"],
                        [
                            "the time from the first errors to the on-call page",
                            "the delay between errors starting and on-call being paged",
                        ],
                        ["the root cause", "the underlying cause"],
                    ],
                ),
            ),
            (
                "aud",
                S(
                    "audience",
                    [
                        ["for the engineering team"],
                        ["for a non-technical executive", "for a non-technical exec"],
                    ],
                ),
            ),
        ]
    ),
    _pm_answer,
)

# 15 ------------------------------------------------------------------------ marketing copy
family(
    "marketing_copy_edit",
    "marketing_copy",
    [
        "Rewrite this product blurb to be {tone} and {limit}, aimed at {aud}: {text}",
        "^{text}\nMake the copy above {tone}, {limit}, for {aud}.",
        "^Copy: {text}\nEdit it for {aud}: {tone}, {limit}.",
        "Edit the following marketing line for {aud} so it is {tone} and {limit}.\n{text}",
    ],
    OrderedDict(
        [
            (
                "text",
                Q(
                    [
                        "Meet Fernleaf, the planner app that keeps your whole team on the same page - now with offline mode.",
                        "Meet Fernway, the planner app that keeps your whole team on the same page - now with offline mode.",
                        "Brightkettle smart kettles boil in under two minutes and remember your favourite temperature.",
                    ]
                ),
            ),
            ("tone", S("antonym", [["more playful"], ["more formal"]])),
            (
                "limit",
                S(
                    "number",
                    [
                        ["under 80 characters", "shorter than 80 characters"],
                        ["under 50 characters", "shorter than 50 characters"],
                    ],
                ),
            ),
            ("aud", S("audience", [["IT managers"], ["university students", "students at university"]])),
        ]
    ),
)

# 16 ------------------------------------------------------------------------ email rewriting
family(
    "email_rewrite",
    "email_rewriting",
    [
        "Rewrite this email so it is {tone} and suitable for {to}{lang}:\n{text}",
        "^{text}\n\nCan you redo the email above in a {tone} tone for {to}{lang}?",
        "^Email draft:\n{text}\nRewrite it in a {tone} tone for sending to {to}{lang}.",
        "Please turn the following note into a {tone} email to {to}{lang}: {text}",
    ],
    OrderedDict(
        [
            (
                "text",
                Q(
                    [
                        "hey, can't make thursday's review, something came up. can we move it to friday 2pm? sorry - jo",
                        "hey, can't make thursday's review, something came up. can we move it to friday 4pm? sorry - jo",
                        "hey, the march invoices are still missing from the shared drive, can you chase finance? ta - jo",
                    ]
                ),
            ),
            ("tone", S("antonym", [["formal"], ["casual"]])),
            (
                "to",
                S(
                    "audience",
                    [
                        ["my manager", "my line manager"],
                        ["an external client", "a client outside the company"],
                    ],
                ),
            ),
            ("lang", S("language", [[""], [", in German", ", written in German"]])),
        ]
    ),
)

# 17 ------------------------------------------------------------------------ scheduling maths
SESS_N = [3, 4]
SESS_LEN = [45, 50, 90]
SESS_START = [9 * 60, 9 * 60 + 30]
SESS_BRK = [10, 15]


def _sess_answer(f):
    return (
        SESS_START[f["start"]]
        + SESS_N[f["n"]] * SESS_LEN[f["len"]]
        + (SESS_N[f["n"]] - 1) * SESS_BRK[f["brk"]]
    )


family(
    "session_schedule_math",
    "scheduling_maths",
    [
        "If I schedule {n} {len.adj} sessions starting at {start} with {brk} between each, when does the last one finish?",
        "What time does the last of {n} sessions end if each lasts {len.n}, the first starts at {start}, and there is {brk} between sessions?",
        "Schedule maths: {n} back-to-back {len.adj} workshops, first at {start}, {brk} in between. End time of the last one?",
        "When will I finish if I run {n} {len.adj} sessions from {start}, with {brk} between them?",
    ],
    OrderedDict(
        [
            ("n", S("number", [["3", "three"], ["4", "four"]], pos="equivalent_quantity")),
            (
                "len",
                S(
                    "number",
                    [
                        {"adj": ["45-minute"], "n": ["45 minutes", "three quarters of an hour"]},
                        {"adj": ["50-minute"], "n": ["50 minutes"]},
                        {
                            "adj": ["90-minute", "hour-and-a-half"],
                            "n": ["90 minutes", "an hour and a half", "1.5 hours"],
                        },
                    ],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "start",
                S(
                    "time",
                    [["9:00", "9am", "9 a.m.", "09:00"], ["9:30", "9.30am", "09:30"]],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "brk",
                S(
                    "number",
                    [
                        ["a 10-minute break", "a ten-minute break"],
                        ["a 15-minute break", "a quarter-hour break"],
                    ],
                    pos="equivalent_quantity",
                ),
            ),
        ]
    ),
    _sess_answer,
)

# 18 ------------------------------------------------------------------------ engineering units
family(
    "engineering_unit_convert",
    "engineering_units",
    [
        "Convert {val} {conv.f} to {conv.t}.",
        "How many {conv.t} is {val} {conv.f}?",
        "{val} {conv.f} in {conv.t}?",
        "What is {val} {conv.f} expressed in {conv.t}?",
    ],
    OrderedDict(
        [
            (
                "val",
                S(
                    "number",
                    [
                        ["2.5", "2.50", "two and a half"],
                        ["3.5", "3.50", "three and a half"],
                        ["12", "twelve"],
                    ],
                    pos="equivalent_quantity",
                ),
            ),
            (
                "conv",
                S(
                    "unit",
                    [
                        {"f": ["bar"], "t": ["psi"]},
                        {"f": ["psi"], "t": ["bar"]},
                        {"f": ["bar"], "t": ["kPa", "kilopascals"]},
                        {"f": ["N\u00b7m", "newton-metres"], "t": ["lbf\u00b7ft", "pound-feet"]},
                        {"f": ["lbf\u00b7ft", "pound-feet"], "t": ["N\u00b7m", "newton-metres"]},
                    ],
                    restrict=True,
                    pairs=[((0, 1), "swap"), ((0, 2), "unit"), ((3, 4), "swap"), ((0, 3), "unit")],
                    nocase=True,
                ),
            ),
        ]
    ),
)

# 19 ------------------------------------------------------------------------ spreadsheet
family(
    "sheet_countifs",
    "spreadsheet",
    [
        'Write an Excel formula that {action} where column {col} says "{val}" and column E is {cmp} {n} (data in rows 2-500).',
        'Excel: I need a formula that {action} in rows 2 to 500 where column {col} = "{val}" and column E is {cmp} {n}.',
        'In rows 2-500, give me a formula that {action} with column {col} equal to "{val}" and column E {cmp} {n}.',
        'Formula that {action} where col {col} is "{val}" and col E is {cmp} {n}, rows 2 to 500, Excel.',
    ],
    OrderedDict(
        [
            (
                "action",
                S(
                    "action",
                    [
                        ["counts the rows", "counts rows"],
                        ["sums column D for the rows", "adds up column D for rows"],
                    ],
                ),
            ),
            ("col", S("entity", [["B"], ["C"]], nocase=True)),
            ("val", S("entity", [["Open"], ["Closed"]], nocase=True)),
            (
                "cmp",
                S(
                    "comparative",
                    [
                        ["greater than", "more than"],
                        ["less than", "smaller than"],
                        ["at least", "greater than or equal to"],
                    ],
                ),
            ),
            ("n", S("number", [["100", "one hundred"], ["250"]], pos="equivalent_quantity")),
        ]
    ),
)

# 20 ------------------------------------------------------------------------ SQL
STOCK_SCHEMA = "stock(sku, warehouse_code, qty, updated_at)\nwarehouses(code, city)"
family(
    "sql_stock_query",
    "sql",
    [
        "Given these tables:\n{schema}\nwrite a SQL query listing the {out} with qty {cmp} {n} in {city} warehouses.",
        "^{schema}\nSQL for the tables above: the {out} where qty is {cmp} {n}, {city} warehouses only.",
        "Write SQL that returns the {out} whose stock is {cmp} {n} units in {city}. Schema:\n{schema}",
        "Using the schema below, which query gives the {out} with qty {cmp} {n} at warehouses in {city}?\n{schema}",
    ],
    OrderedDict(
        [
            ("schema", Q([STOCK_SCHEMA], style="code", lang="sql", kind=None)),
            ("out", S("field", [["SKUs", "SKU codes"], ["warehouse codes"]])),
            ("cmp", S("antonym", [["below", "under", "less than"], ["above", "over", "more than"]])),
            ("n", S("number", [["20", "twenty"], ["50", "fifty"]], pos="equivalent_quantity")),
            ("city", S("entity", [["Leeds"], ["Glasgow"]])),
        ]
    ),
)

# 21 ------------------------------------------------------------------------ regex
family(
    "id_regex",
    "regex",
    [
        "Regex for an ID{anch}: it starts with {prefix} followed by {cmp} {n} {chars}.",
        "I need a regular expression{anch} for IDs made of {prefix} then {cmp} {n} {chars}.",
        "Write a regex matching {prefix} followed by {cmp} {n} {chars}{anch}.",
        "What pattern matches IDs of {prefix} plus {cmp} {n} {chars}{anch}?",
    ],
    OrderedDict(
        [
            ("prefix", S("entity", [["INV-", '"INV-"'], ["PO-", '"PO-"']], nocase=True)),
            ("cmp", S("comparative", [["exactly"], ["at least"]])),
            ("n", S("number", [["6", "six"], ["8", "eight"]], pos="equivalent_quantity")),
            ("chars", S("entity", [["digits"], ["uppercase letters", "capital letters"]])),
            (
                "anch",
                S(
                    "constraint",
                    [
                        [" that must match the whole string", " anchored to the whole string"],
                        [" that can match anywhere inside a line", " that finds matches anywhere in a line"],
                    ],
                ),
            ),
        ]
    ),
)

# 22 ------------------------------------------------------------------------ shell one-liners
family(
    "grep_oneliner",
    "shell",
    [
        'Shell one-liner to {act} {neg} "{pat}" in {file}{ci}.',
        'How do I {act} {neg} "{pat}" in {file}{ci} from the command line?',
        'bash: {act} in {file} {neg} "{pat}"{ci}',
        'Give me a one-line command that will {act} {neg} "{pat}" in {file}{ci}.',
    ],
    OrderedDict(
        [
            (
                "act",
                S(
                    "action",
                    [
                        ["count the lines", "count lines"],
                        ["print the lines", "show the lines"],
                        ["delete the lines", "remove the lines"],
                    ],
                ),
            ),
            (
                "neg",
                S("negation", [["containing", "that contain"], ["not containing", "that do not contain"]]),
            ),
            ("pat", S("entity", [["ERROR"], ["timeout"]], nocase=True)),
            ("file", S("entity", [["app.log"], ["worker.log"]], nocase=True)),
            ("ci", S("constraint", [[""], [", ignoring case", " (case-insensitive)"]])),
        ]
    ),
)

# 23 ------------------------------------------------------------------------ log parsing
LOGS = [
    [
        ("10.0.0.4", "/login", 200),
        ("10.0.0.7", "/api/orders", 500),
        ("10.0.0.4", "/api/orders", 200),
        ("10.0.0.9", "/admin", 403),
        ("10.0.0.7", "/api/orders", 500),
        ("10.0.0.4", "/logout", 200),
    ],
    [
        ("10.0.0.4", "/login", 200),
        ("10.0.0.7", "/api/orders", 500),
        ("10.0.0.4", "/api/orders", 500),
        ("10.0.0.9", "/admin", 403),
        ("10.0.0.7", "/api/orders", 500),
        ("10.0.0.4", "/logout", 200),
    ],
    [
        ("192.168.1.20", "/", 200),
        ("192.168.1.21", "/search", 404),
        ("192.168.1.20", "/search", 404),
        ("192.168.1.22", "/cart", 500),
        ("192.168.1.21", "/cart", 200),
    ],
]
LOG_CODES = [500, 200, 404]


def _log_text(lines):
    out = []
    for i, (ip, path, st) in enumerate(lines):
        out.append(
            '%s - - [06/Dec/2026:10:0%d:%02d +0000] "GET %s HTTP/1.1" %d %d'
            % (ip, i, 7 * i + 3, path, st, 512 + 37 * i)
        )
    return "\n".join(out)


def _log_answer(f):
    code = LOG_CODES[f["code"]]
    hits = [l for l in LOGS[f["text"]] if l[2] == code]
    if f["q"] == 0:
        return ("count", len(hits))
    return ("ips", tuple(sorted({l[0] for l in hits})))


family(
    "access_log_question",
    "log_parsing",
    [
        "From this access log, give me the {q} with status {code}:\n{text}",
        "^{text}\nTell me the {q} that got a {code} response in the log above.",
        "^Access log:\n{text}\nFind the {q} whose response code was {code}.",
        "Looking at the log lines below, report the {q} returning HTTP {code}.\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_log_text(l) for l in LOGS], style="code")),
            (
                "q",
                S(
                    "field",
                    [["number of requests", "count of requests"], ["client IP addresses", "client IPs"]],
                ),
            ),
            ("code", S("number", [["500"], ["200"], ["404"]])),
        ]
    ),
    _log_answer,
)

# 24 ------------------------------------------------------------------------ JSON transformation
USERS = [
    [
        (1, "Ana", "admin", True),
        (2, "Luis", "editor", True),
        (3, "Mei", "admin", False),
        (4, "Olu", "editor", False),
    ],
    [
        (1, "Ana", "admin", True),
        (2, "Luis", "editor", True),
        (3, "Mei", "admin", True),
        (4, "Olu", "editor", False),
    ],
]


def _users_text(us):
    rows = [
        '  {"id": %d, "name": "%s", "role": "%s", "active": %s}' % (i, n, r, "true" if a else "false")
        for i, n, r, a in us
    ]
    return "[\n" + ",\n".join(rows) + "\n]"


def _users_answer(f):
    role = ["admin", "editor"][f["role"]]
    want = f["act"] == 0
    ids = tuple(u[0] for u in USERS[f["text"]] if u[2] == role and u[3] == want)
    return (ids, f["fmt"])


family(
    "json_filter_transform",
    "json_transformation",
    [
        "Filter this JSON to the {act} users whose role is {role} and output {fmt}:\n{text}",
        "^{text}\nFrom the array above, keep only {act} {role} users and return {fmt}.",
        'Transform the JSON below: keep users with role "{role}" who are {act}, then give {fmt}.\n{text}',
        "Give me {fmt} for the {act} {role} users in this data:\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_users_text(u) for u in USERS], style="code", lang="json")),
            ("act", S("negation", [["active"], ["inactive", "not active"]])),
            ("role", S("entity", [["admin"], ["editor"]], nocase=True)),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["a JSON array of their names", "a JSON list of their names"],
                        ["CSV with id and name columns", "CSV (columns: id, name)"],
                    ],
                ),
            ),
        ]
    ),
    _users_answer,
)

# 25 ------------------------------------------------------------------------ UI strings
family(
    "button_label_translate",
    "ui_translation",
    [
        "Translate the button label {text} into {lang}.",
        "^{text} - how would this UI string read in {lang}?",
        "{lang} translation of this app string: {text}",
        "What is the {lang} for the interface text {text}?",
    ],
    OrderedDict(
        [
            (
                "text",
                Q(
                    ["Save draft", "Discard draft", "File uploaded", "Files uploaded", "Log out"],
                    style="short",
                    pairs=[((0, 1), "antonym"), ((2, 3), "plurality")],
                ),
            ),
            ("lang", S("language", [["German"], ["French"], ["Polish"]])),
        ]
    ),
)

# 26 ------------------------------------------------------------------------ summarising
PARAS = [
    "Footfall at the Harbour Street branch rose 12% in the quarter after the refit, while average "
    "basket size stayed flat. Staff say the new self-checkouts cut queues at lunchtime, but "
    "shrinkage also rose slightly. The regional team will decide in June whether to refit two more branches.",
    "Footfall at the Harbour Street branch fell 12% in the quarter after the refit, while average "
    "basket size stayed flat. Staff say the new self-checkouts cut queues at lunchtime, but "
    "shrinkage also rose slightly. The regional team will decide in June whether to refit two more branches.",
    "The city library will stay open until 8pm on Thursdays from April, paid for by a two-year "
    "grant. Weekday evening visits doubled during a pilot last autumn, and volunteers will run a "
    "homework club on those evenings.",
]
family(
    "paragraph_summary",
    "summarisation",
    [
        "Summarise this paragraph in {len}: {text}",
        "^{text}\n\nSummarise the above in {len}.",
        "Give me a summary in {len} of the following.\nText: {text}",
        "^Text:\n{text}\nCan you sum up this text in {len}?",
    ],
    OrderedDict(
        [
            ("text", Q(PARAS)),
            (
                "len",
                S(
                    "format",
                    [
                        ["one sentence", "a single sentence"],
                        ["two sentences"],
                        ["three bullet points", "3 bullet points"],
                    ],
                    pairs=[((0, 1), "number")],
                ),
            ),
        ]
    ),
)

# 27 ------------------------------------------------------------------------ ticket routing
ROUTE_TICKETS = [
    "My payslip for November shows 37 hours instead of 40, so I was underpaid.",
    "Since my role change I can't open the finance shared drive - it says access denied.",
    "The heating in the east wing meeting rooms has been off all week.",
    "When does dental cover start for the partner I just added to my plan?",
]
family(
    "ticket_routing",
    "ticket_classification",
    [
        "Route this ticket to Payroll, IT Access, Facilities or Benefits. {fmt}{urg}\nTicket: {text}",
        "^{text}\nWhich team should get the ticket above: Payroll, IT Access, Facilities or Benefits? {fmt}{urg}",
        "Classify the following employee ticket as Payroll / IT Access / Facilities / Benefits: {text}\n{fmt}{urg}",
        "^Ticket: {text}\nTeams: Payroll, IT Access, Facilities, Benefits. Which one handles it? {fmt}{urg}",
    ],
    OrderedDict(
        [
            ("text", Q(ROUTE_TICKETS)),
            (
                "fmt",
                S(
                    "format",
                    [
                        ["Reply with the team name only.", "Answer with just the team name."],
                        [
                            "Reply in JSON with keys team and reason.",
                            "Answer as JSON with a team key and a reason key.",
                        ],
                    ],
                ),
            ),
            (
                "urg",
                S(
                    "constraint",
                    [[""], [" Also say whether it is urgent.", " Also flag whether it is urgent."]],
                ),
            ),
        ]
    ),
)

# 28 ------------------------------------------------------------------------ policy clause Q&A
WFH_DAYS = ["Tuesday", "Wednesday"]


def _wfh_text(d):
    return (
        "Employees who have passed probation may work from home up to 2 days a week. Employees "
        "on probation work on site. Contractors may work from home only if their statement of "
        f"work allows it. Team leads must be on site every {d}."
    )


def _wfh_answer(f):
    who, day = f["who"], ["Tuesday", "Thursday"][f["day"]]
    if who == 0:
        return True
    if who in (1, 2):
        return False
    return day != WFH_DAYS[f["text"]]


family(
    "remote_work_clause_qa",
    "policy_qa",
    [
        "Based on this clause, can {who} work from home {day}?\n{text}",
        "^{text}\nUnder the clause above, is {who} allowed to work from home {day}?",
        "^Policy clause: {text}\nQuestion: may {who} work from home {day}?",
        "Can {who} work from home {day} according to the following clause: {text}",
    ],
    OrderedDict(
        [
            ("text", Q([_wfh_text(d) for d in WFH_DAYS])),
            (
                "who",
                S(
                    "role",
                    [
                        ["an employee who has passed probation", "an employee who is past probation"],
                        ["an employee still on probation", "an employee who is still in probation"],
                        [
                            "a contractor whose statement of work says nothing about remote work",
                            "a contractor whose SOW is silent on remote work",
                        ],
                        ["a team lead who has passed probation", "a team lead who is past probation"],
                    ],
                ),
            ),
            ("day", S("date", [["on Tuesdays", "on a Tuesday"], ["on Thursdays", "on a Thursday"]])),
        ]
    ),
    _wfh_answer,
    weights={"role": 2},
)

# 29 ------------------------------------------------------------------------ meeting notes
NOTES = [
    (
        "Ops sync, 2 Dec",
        [
            (("Ravi",), "update the supplier contact list by Friday"),
            (("Helen",), "book the fire-safety training for new starters"),
            (("Ravi", "Priya"), "draft the Q1 stock-take plan"),
            (("Helen",), "send the minutes to Tom"),
            (("Tom",), "check the forklift service dates"),
        ],
    ),
    (
        "Ops sync, 2 Dec",
        [
            (("Helen",), "update the supplier contact list by Friday"),
            (("Helen",), "book the fire-safety training for new starters"),
            (("Ravi", "Priya"), "draft the Q1 stock-take plan"),
            (("Helen",), "send the minutes to Tom"),
            (("Tom",), "check the forklift service dates"),
        ],
    ),
    (
        "Marketing catch-up, 4 Dec",
        [
            (("Priya",), "brief the agency on the spring campaign"),
            (("Tom",), "get quotes from two printers"),
            (("Ravi",), "review the budget and share it with Helen"),
            (("Priya",), "update the brand guidelines"),
        ],
    ),
]
NOTE_NAMES = ["Ravi", "Helen", "Priya", "Tom"]


def _notes_text(n):
    lines = [n[0]]
    for who, task in n[1]:
        lines.append("- {} to {}".format(" and ".join(who), task))
    return "\n".join(lines)


def _notes_answer(f):
    name = NOTE_NAMES[f["name"]]
    return tuple(t for who, t in NOTES[f["text"]][1] if name in who)


family(
    "meeting_notes_owner",
    "meeting_notes",
    [
        "Which action items are {name}'s in these notes?\n{text}",
        "^{text}\n\nList everything {name} has to do from the notes above.",
        "^Meeting notes:\n{text}\nWhat tasks is {name} responsible for?",
        "What did {name} agree to do? Notes:\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_notes_text(n) for n in NOTES], style="code")),
            ("name", S("name", [[n] for n in NOTE_NAMES])),
        ]
    ),
    _notes_answer,
    weights={"name": 2},
)

# 30 ------------------------------------------------------------------------ rota lookup
ROTA_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"]
ROTAS = [
    {
        "Aisha": ["early", "late", "off", "early", "late"],
        "Ben": ["late", "early", "early", "off", "early"],
        "Carla": ["off", "late", "late", "late", "early"],
    },
    {
        "Aisha": ["early", "late", "late", "early", "late"],
        "Ben": ["late", "early", "early", "off", "early"],
        "Carla": ["off", "late", "late", "late", "early"],
    },
]
ROTA_NAMES = ["Aisha", "Ben", "Carla"]


def _rota_text(r):
    lines = ["%-7s" % "" + "".join("%-7s" % d for d in ROTA_DAYS).rstrip()]
    for n in ROTA_NAMES:
        lines.append("%-7s" % n + "".join("%-7s" % s for s in r[n]).rstrip())
    return "\n".join(lines)


def _rota_answer(f):
    shift = ["late", "early"][f["shift"]]
    r = ROTAS[f["text"]][ROTA_NAMES[f["name"]]]
    return tuple(d for d, s in zip(ROTA_DAYS, r, strict=False) if s == shift)


family(
    "rota_lookup",
    "scheduling",
    [
        "Which days is {name} on the {shift} shift this week?\n{text}",
        "^{text}\nFrom the rota above, list the days {name} works the {shift} shift.",
        "^Rota:\n{text}\nWhen is {name} on {shift} shift?",
        "On which days does {name} work the {shift} shift, per this rota:\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_rota_text(r) for r in ROTAS], style="code")),
            ("name", S("name", [[n] for n in ROTA_NAMES])),
            ("shift", S("antonym", [["late"], ["early"]])),
        ]
    ),
    _rota_answer,
    weights={"name": 2},
)

# 31 ------------------------------------------------------------------------ expense lines
EXP = [
    [
        ("2026-11-03", "Aisha Khan", "Taxi", 18.40),
        ("2026-11-03", "Mark Doyle", "Hotel", 142.00),
        ("2026-11-04", "Aisha Khan", "Train", 56.10),
        ("2026-11-05", "Mark Doyle", "Dinner", 37.50),
        ("2026-11-05", "Aisha Khan", "Dinner", 29.90),
    ],
    [
        ("2026-11-03", "Aisha Khan", "Taxi", 18.40),
        ("2026-11-03", "Mark Doyle", "Hotel", 142.00),
        ("2026-11-04", "Aisha Khan", "Train", 56.10),
        ("2026-11-05", "Mark Doyle", "Dinner", 47.50),
        ("2026-11-05", "Aisha Khan", "Dinner", 29.90),
    ],
]
EXP_NAMES = ["Aisha Khan", "Mark Doyle"]


def _exp_text(e):
    return "\n".join("%s  %-11s  %-7s  \u00a3%.2f" % row for row in e)


def _exp_answer(f):
    rows = [
        r for r in EXP[f["text"]] if r[1] == EXP_NAMES[f["name"]] and not (f["cat"] == 1 and r[2] == "Dinner")
    ]
    if f["q"] == 0:
        return ("sum", round(sum(r[3] for r in rows), 2))
    return ("count", len(rows))


family(
    "expense_lines_by_person",
    "expenses",
    [
        "What is the {q} {name}{cat} in these expense lines?\n{text}",
        "^{text}\nFrom the lines above, work out the {q} {name}{cat}.",
        "^Expenses:\n{text}\nGive me the {q} {name}{cat}.",
        "Using this expense export, what is the {q} {name}{cat}?\n{text}",
    ],
    OrderedDict(
        [
            ("text", Q([_exp_text(e) for e in EXP], style="code")),
            (
                "q",
                S(
                    "field",
                    [
                        ["total claimed by", "total amount claimed by"],
                        ["number of expense lines for", "count of expense lines for"],
                    ],
                ),
            ),
            ("name", S("name", [["Aisha Khan", "Aisha"], ["Mark Doyle", "Mark"]])),
            ("cat", S("constraint", [[""], [", excluding dinners", ", leaving out dinners"]])),
        ]
    ),
    _exp_answer,
    weights={"name": 2},
)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    fams, text = generate(args.seed, args.per_family)
    rows, errors = self_check(text, fams)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                disk = f.read()
        except OSError as e:
            disk = None
            errors.append(f"cannot read {args.out}: {e}")
        if disk is not None:
            if disk != text:
                errors.append(f"{args.out} differs from the regenerated output")
            rows, errs2 = self_check(disk, fams)
            errors.extend("file: " + e for e in errs2)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(f"wrote {args.out}")
    summary(rows, args.summary)
    if errors:
        for e in errors[:50]:
            print("ERROR", e)
        print("self-check FAILED (%d errors)" % len(errors))
        sys.exit(1)
    print("self-check OK")


if __name__ == "__main__":
    main()
