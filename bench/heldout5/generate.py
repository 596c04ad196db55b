#!/usr/bin/env python3
"""Fifth blind held-out PII corpus for Airlock's redaction benchmark (see README.md).

python bench/heldout5/generate.py          # write heldout.jsonl, self-check, print counts
python bench/heldout5/generate.py --check  # self-check the committed file and compare with a fresh run
"""

# ruff: noqa: RUF001  (the multilingual text uses en dashes, NBSP and U+202F on purpose)
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

SEED = 20261223
HERE = Path(__file__).resolve().parent
OUT = HERE / "heldout.jsonl"
LANGS = ("en", "de", "fr", "es", "it", "nl")
NBSP, NNBSP = "\u00a0", "\u202f"

TYPES = {
    "PERSON": ("name", False),
    "ADDRESS": ("address", False),
    "DATE_OF_BIRTH": ("date", False),
    "EMAIL_ADDRESS": ("structured", True),
    "PHONE_NUMBER": ("structured", True),
    "CREDIT_CARD": ("structured", True),
    "IBAN_CODE": ("structured", True),
    "IP_ADDRESS": ("structured", True),
    "MEDICAL_RECORD_NUMBER": ("structured", True),
    "US_SSN": ("national_id", True),
    "UK_NINO": ("national_id", True),
    "UK_NHS": ("national_id", True),
    "DE_STEUER_ID": ("national_id", True),
    "DE_SVNR": ("national_id", True),
    "DE_KVNR": ("national_id", True),
    "FR_NIR": ("national_id", True),
    "ES_DNI": ("national_id", True),
    "ES_NIE": ("national_id", True),
    "IT_FISCAL_CODE": ("national_id", True),
    "NL_BSN": ("national_id", True),
}
LOOKALIKES = {
    "amount",
    "date",
    "law_citation",
    "medical_eponym",
    "brand",
    "institution",
    "street_name",
    "company",
    "reference_number",
    "case_number",
    "claim_number",
    "invoice_number",
    "card_last_four",
    "icd_code",
    "drug_dosage",
    "reference_range",
    "product_name",
    "booking_reference",
    "employee_number",
    # new in this set
    "membership_tier",
    "locker_number",
    "seat_number",
    "internal_account",
    "loyalty_number",
    "session_id",
    "badge_number",
    "grave_plot",
    "class_code",
    "donor_number",
}


# ----------------------------------------------------------------------------------------------------------
# Document builder: every piece is appended and its offsets noted as it is written.
# ----------------------------------------------------------------------------------------------------------
class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.ents: list[dict] = []
        self.lks: list[dict] = []

    def t(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def e(self, typ: str, s: str) -> None:
        st = self.pos
        self.t(s)
        cat, structured = TYPES[typ]
        self.ents.append(
            {"start": st, "end": self.pos, "type": typ, "category": cat, "structured": structured}
        )

    def k(self, what: str, s: str) -> None:
        st = self.pos
        self.t(s)
        self.lks.append({"start": st, "end": self.pos, "what": what})

    def text(self) -> str:
        return "".join(self.parts)


def fold(s: str) -> str:
    s = s.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


# ----------------------------------------------------------------------------------------------------------
# Identifier builders (from the public specifications)
# ----------------------------------------------------------------------------------------------------------
def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


def build_card(r: random.Random) -> str:
    kind = r.choice(["visa", "visa", "mc", "mc2", "amex", "visa19"])
    if kind == "visa":
        body = "4" + "".join(r.choice("0123456789") for _ in range(14))
    elif kind == "visa19":
        body = "4" + "".join(r.choice("0123456789") for _ in range(17))
    elif kind == "mc":
        body = str(r.randint(51, 55)) + "".join(r.choice("0123456789") for _ in range(13))
    elif kind == "mc2":
        body = str(r.randint(2221, 2720)) + "".join(r.choice("0123456789") for _ in range(11))
    else:
        body = r.choice(["34", "37"]) + "".join(r.choice("0123456789") for _ in range(12))
    num = body + luhn_digit(body)
    if len(num) == 15:
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i : i + 4] for i in range(0, len(num), 4)]
    sep = r.choice([" ", " ", "-", NBSP, ""])
    return sep.join(groups)


def iban_check(cc: str, bban: str) -> str:
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return f"{98 - int(num) % 97:02d}"


ES_W = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
IT_ODD = {
    **dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21), strict=True)),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23),
            strict=True,
        )
    ),
}


def it_even(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - 65


def it_check_char(s: str) -> str:
    tot = sum(IT_ODD[c] if i % 2 == 0 else it_even(c) for i, c in enumerate(s))
    return chr(65 + tot % 26)


def es_dc(ten: str) -> str:
    v = 11 - sum(int(c) * w for c, w in zip(ten, ES_W, strict=True)) % 11
    return "0" if v == 11 else "1" if v == 10 else str(v)


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def build_iban(r: random.Random, cc: str) -> str:
    if cc == "GB":
        bban = r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"]) + digits(r, 14)
    elif cc == "DE":
        bban = str(r.randint(1, 8)) + digits(r, 17)
    elif cc == "FR":
        b, g, c = digits(r, 5), digits(r, 5), digits(r, 11)
        key = 97 - (89 * int(b) + 15 * int(g) + 3 * int(c)) % 97
        bban = f"{b}{g}{c}{key:02d}"
    elif cc == "ES":
        ent, of, cta = r.choice(["2100", "0049", "0182", "2038", "0081", "3058"]), digits(r, 4), digits(r, 10)
        bban = ent + of + es_dc("00" + ent + of) + es_dc(cta) + cta
    elif cc == "IT":
        abi = r.choice(["03069", "02008", "05034", "01030", "03111", "05696"])
        rest = abi + digits(r, 5) + digits(r, 12)
        bban = it_check_char(rest) + rest
    else:
        while True:
            acct = "0" + digits(r, 8)
            last = (-sum(int(c) * (10 - i) for i, c in enumerate(acct))) % 11
            if last < 10:
                break
        bban = r.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB"]) + acct + str(last)
    raw = cc + iban_check(cc, bban) + bban
    style = r.random()
    if style < 0.55:
        return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    if style < 0.7:
        return NBSP.join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return raw


def build_ssn(r: random.Random) -> str:
    while True:
        area = r.randint(1, 899)
        if area != 666:
            break
    grp, ser = r.randint(1, 99), r.randint(1, 9999)
    sep = r.choice(["-", "-", "-", " ", ""])
    return f"{area:03d}{sep}{grp:02d}{sep}{ser:04d}"


NINO_A = "ABCEGHJKLMNOPRSTWXYZ"
NINO_B = "ABCEGHJKLMNPRSTWXYZ"


def build_nino(r: random.Random) -> str:
    while True:
        pre = r.choice(NINO_A) + r.choice(NINO_B)
        if pre not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = digits(r, 6)
    suf = r.choice("ABCD")
    return r.choice([f"{pre} {d[:2]} {d[2:4]} {d[4:]} {suf}", f"{pre}{d}{suf}", f"{pre} {d} {suf}"])


def build_nhs(r: random.Random) -> str:
    while True:
        body = r.choice("4679") + digits(r, 8)
        c = 11 - sum(int(x) * (10 - i) for i, x in enumerate(body)) % 11
        if c == 11:
            c = 0
        if c != 10:
            break
    n = body + str(c)
    return r.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def steuer_digit(ten: str) -> str:
    prod = 10
    for ch in ten:
        s = (int(ch) + prod) % 10
        if s == 0:
            s = 10
        prod = (s * 2) % 11
    c = 11 - prod
    return "0" if c == 10 else str(c)


def build_steuer(r: random.Random) -> str:
    while True:
        pool = list("0123456789")
        r.shuffle(pool)
        chosen = pool[:9]
        dup = r.choice(chosen)
        ds = [*chosen, dup]
        r.shuffle(ds)
        if ds[0] != "0":
            break
    ten = "".join(ds)
    n = ten + steuer_digit(ten)
    return r.choice([n, f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}", f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"])


def particle_free(sur: str) -> str:
    parts = sur.split()
    while len(parts) > 1 and parts[0].lower() in PARTICLES:
        parts = parts[1:]
    return parts[0]


def main_sur(p: Person) -> str:
    """The surname word used in logins and mailbox names (Spanish: the first surname, without particles)."""
    if p.country == "ES":
        return particle_free(p.sur)
    return p.sur.split()[-1]


SV_W = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def build_svnr(r: random.Random, p: Person) -> str:
    area = r.choice(["12", "15", "23", "24", "38", "42", "53", "65", "13", "28"])
    letter = fold(particle_free(p.sur))[0].upper()
    serial = r.randint(0, 49) if p.sex == "M" else r.randint(50, 99)
    core = f"{area}{p.dob:%d%m%y}{ord(letter) - 64:02d}{serial:02d}"
    tot = 0
    for ch, w in zip(core, SV_W, strict=True):
        v = int(ch) * w
        tot += v // 10 + v % 10
    chk = tot % 10
    head = f"{area}{p.dob:%d%m%y}"
    return r.choice([f"{head}{letter}{serial:02d}{chk}", f"{area} {p.dob:%d%m%y} {letter} {serial:02d}{chk}"])


def build_kvnr(r: random.Random) -> str:
    letter = r.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ")
    body = str(r.randint(1, 9)) + digits(r, 7)
    seq = f"{ord(letter) - 64:02d}" + body
    tot = 0
    for i, ch in enumerate(seq):
        v = int(ch) * (1 if i % 2 == 0 else 2)
        tot += v // 10 + v % 10
    return f"{letter}{body}{tot % 10}"


def build_nir(r: random.Random, p: Person) -> str:
    sex = "1" if p.sex == "M" else "2"
    dep, com = p.pob[1], f"{r.randint(1, 400):03d}"
    if dep == "99":
        com = p.pob[2]
    order = f"{r.randint(1, 999):03d}"
    core = f"{sex}{p.dob:%y%m}{dep}{com}{order}"
    numeric = core.replace("2A", "19").replace("2B", "18")
    key = 97 - int(numeric) % 97
    n = f"{core}{key:02d}"
    return r.choice(
        [n, f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {n[13:]}", f"{n[:13]} {n[13:]}"]
    )


DNI_L = "TRWAGMYFPDXBNJZSQVHLCKE"


def build_dni(r: random.Random) -> str:
    n = r.randint(1000000, 79999999)
    s = f"{n:08d}"
    letter = DNI_L[n % 23]
    return r.choice([s + letter, f"{s}-{letter}", f"{s[:2]}.{s[2:5]}.{s[5:]}-{letter}", s + letter])


def build_nie(r: random.Random) -> str:
    pre = r.choice("XYZ")
    body = digits(r, 7)
    letter = DNI_L[int(str("XYZ".index(pre)) + body) % 23]
    return r.choice([f"{pre}{body}{letter}", f"{pre}-{body}-{letter}", f"{pre}{body}-{letter}"])


CF_MONTH = "ABCDEHLMPRST"


def cf_letters(name: str) -> tuple[str, str]:
    s = re.sub(r"[^A-Z]", "", fold(name).upper())
    cons = "".join(c for c in s if c not in "AEIOU")
    vow = "".join(c for c in s if c in "AEIOU")
    return cons, vow


def build_cf(r: random.Random, p: Person) -> str:
    c, v = cf_letters(p.sur)
    sur = (c + v + "XXX")[:3]
    c, v = cf_letters(p.given)
    giv = c[0] + c[2] + c[3] if len(c) >= 4 else (c + v + "XXX")[:3]
    day = p.dob.day + (40 if p.sex == "F" else 0)
    core = f"{sur}{giv}{p.dob:%y}{CF_MONTH[p.dob.month - 1]}{day:02d}{p.pob[1]}"
    cf = core + it_check_char(core)
    return cf.lower() if r.random() < 0.12 else cf


def build_bsn(r: random.Random) -> str:
    while True:
        body = str(r.randint(1, 6)) + digits(r, 7)
        tot = sum(int(x) * (9 - i) for i, x in enumerate(body))
        last = tot % 11
        if last < 10:
            break
    n = body + str(last)
    return r.choice([n, n, f"{n[:4]}.{n[4:6]}.{n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"])


# ----------------------------------------------------------------------------------------------------------
# Independent validators (written separately from the builders)
# ----------------------------------------------------------------------------------------------------------
def only_digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def v_luhn(num: str) -> bool:
    if not num.isdigit():
        return False
    doubled = [int(c) for c in num[-2::-2]]
    kept = [int(c) for c in num[::-2]]
    total = sum(kept) + sum(sum(divmod(2 * d, 10)) for d in doubled)
    return total % 10 == 0


def v_card(s: str) -> bool:
    n = re.sub(r"[ \-\u00a0]", "", s)
    if not v_luhn(n):
        return False
    if n[0] == "4":
        return len(n) in (13, 16, 19)
    if n[:2] in ("34", "37"):
        return len(n) == 15
    if 51 <= int(n[:2]) <= 55 or 2221 <= int(n[:4]) <= 2720:
        return len(n) == 16
    return False


IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18}


def v_iban_mod(s: str) -> bool:
    n = re.sub(r"[ \u00a0]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", n):
        return False
    moved = n[4:] + n[:4]
    acc = 0
    for ch in moved:
        acc = (acc * (100 if ch.isalpha() else 10) + (ord(ch) - 55 if ch.isalpha() else int(ch))) % 97
    return acc == 1


def v_iban(s: str) -> bool:
    n = re.sub(r"[ \u00a0]", "", s)
    if not v_iban_mod(n) or IBAN_LEN.get(n[:2]) != len(n):
        return False
    cc, b = n[:2], n[4:]
    if cc == "FR":
        bank, desk, acct, key = b[:5], b[5:10], b[10:21], b[21:]
        return (89 * int(bank) + 15 * int(desk) + 3 * int(acct) + int(key)) % 97 == 0
    if cc == "ES":
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def ctl(x: str) -> int:
            rem = 11 - sum(a * int(c) for a, c in zip(w, x, strict=True)) % 11
            return {10: 1, 11: 0}.get(rem, rem)

        return ctl("00" + b[:8]) == int(b[8]) and ctl(b[10:]) == int(b[9])
    if cc == "IT":
        return v_cf_check(b[1:] + b[0])  # CIN is the check character of ABI+CAB+account
    if cc == "NL":
        acc = b[4:]
        return sum(int(c) * w for c, w in zip(acc, range(10, 0, -1), strict=True)) % 11 == 0
    return True


def v_cf_check(s: str) -> bool:
    odd_vals = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    body, chk = s[:-1].upper(), s[-1].upper()
    total = 0
    for pos, ch in enumerate(body, start=1):
        idx = int(ch) if ch.isdigit() else ord(ch) - ord("A")
        total += odd_vals[idx] if pos % 2 == 1 else idx
    return chr(ord("A") + total % 26) == chk


def v_ssn(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", s)
    if not m:
        return False
    a, g, n = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return 0 < a < 900 and a != 666 and g > 0 and n > 0


def v_nino(s: str) -> bool:
    n = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", n):
        return False
    if n[0] in "DFIQUV" or n[1] in "DFIOQUV":
        return False
    return n[:2] not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")


def v_nhs(s: str) -> bool:
    n = re.sub(r"[ -]", "", s)
    if not re.fullmatch(r"\d{10}", n):
        return False
    rem = sum(int(n[i]) * (10 - i) for i in range(9)) % 11
    chk = (11 - rem) % 11
    return chk != 10 and chk == int(n[9])


def v_steuer(s: str) -> bool:
    n = s.replace(" ", "")
    if not re.fullmatch(r"[1-9]\d{10}", n):
        return False
    counts = Counter(n[:10])
    if not (1 <= sorted(counts.values())[-1] <= 3) or len(counts) not in (8, 9):
        return False
    p = 10
    for ch in n[:10]:
        x = (int(ch) + p) % 10 or 10
        p = 2 * x % 11
    return (11 - p) % 10 == int(n[10])


def v_svnr(s: str) -> bool:
    n = s.replace(" ", "").upper()
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)", n)
    if not m:
        return False
    dd, mm = int(m.group(2)), int(m.group(3))
    if not (1 <= dd <= 31 and 1 <= mm <= 12):
        return False
    seq = n[:8] + f"{ord(m.group(5)) - 64:02d}" + m.group(6)
    weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    tot = sum(sum(divmod(int(c) * w, 10)) for c, w in zip(seq, weights, strict=True))
    return tot % 10 == int(m.group(7))


def v_kvnr(s: str) -> bool:
    if not re.fullmatch(r"[A-Z][1-9]\d{8}", s):
        return False
    seq = f"{ord(s[0]) - 64:02d}" + s[1:9]
    tot = 0
    for i, c in enumerate(seq):
        tot += sum(divmod(int(c) * (2 if i % 2 else 1), 10))
    return tot % 10 == int(s[9])


def v_nir(s: str) -> bool:
    n = s.replace(" ", "").upper()
    if not re.fullmatch(r"[12]\d{4}(\d{2}|2A|2B)\d{6}\d{2}", n):
        return False
    if not 1 <= int(n[3:5]) <= 12:
        return False
    body = n[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(n[13:])


def v_dni(s: str) -> bool:
    n = s.replace(".", "").replace("-", "").upper()
    m = re.fullmatch(r"(\d{8})([A-Z])", n)
    return bool(m) and "TRWAGMYFPDXBNJZSQVHLCKE"[int(m.group(1)) % 23] == m.group(2)


def v_nie(s: str) -> bool:
    n = s.replace("-", "").upper()
    m = re.fullmatch(r"([XYZ])(\d{7})([A-Z])", n)
    if not m:
        return False
    num = int({"X": "0", "Y": "1", "Z": "2"}[m.group(1)] + m.group(2))
    return "TRWAGMYFPDXBNJZSQVHLCKE"[num % 23] == m.group(3)


def v_cf(s: str) -> bool:
    n = s.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", n):
        return False
    return 1 <= int(n[9:11]) % 40 <= 31 and v_cf_check(n)


def v_bsn(s: str) -> bool:
    n = re.sub(r"[ .]", "", s)
    if not re.fullmatch(r"\d{9}", n) or n == "000000000":
        return False
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(c) * w for c, w in zip(n, weights, strict=True)) % 11 == 0


def v_ip(s: str) -> bool:
    parts = s.split(".")
    return len(parts) == 4 and all(p.isdigit() and str(int(p)) == p and int(p) < 256 for p in parts)


EXT_RE = re.compile(r"\s*(?:ext\.|x|poste|int\.|toestel|Durchwahl)\s*\d{1,4}$")


def v_phone(s: str) -> bool:
    core = EXT_RE.sub("", s)
    if not re.fullmatch(r"[+0-9 ()\-./\u00a0\u202f]+", core):
        return False
    return 9 <= len(only_digits(core)) <= 15


AT_RE = re.compile(r"\s*(?:\[at\]|\(at\)|\bat\b|\barobase\b|\barroba\b|\bchiocciola\b|\bapenstaartje\b)\s*")
DOT_RE = re.compile(r"\s*(?:\[dot\]|\[punkt\]|\(punkt\)|\bdot\b|\bpunkt\b|\bpoint\b|\bpunto\b|\bpunt\b)\s*")


def v_email(s: str) -> bool:
    plain = DOT_RE.sub(".", AT_RE.sub("@", s))
    return bool(re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", plain))


def v_dob(s: str) -> bool:
    if re.fullmatch(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", s):
        return True
    return bool(re.search(r"[^\W\d_]{3,}", s)) and bool(re.search(r"\b\d{4}\b", s))


def v_mrn(s: str) -> bool:
    return len(only_digits(s)) >= 5 and bool(re.fullmatch(r"[A-Z0-9][A-Z0-9 ./\-]*[0-9]", s))


VALIDATORS = {
    "CREDIT_CARD": v_card,
    "IBAN_CODE": v_iban,
    "US_SSN": v_ssn,
    "UK_NINO": v_nino,
    "UK_NHS": v_nhs,
    "DE_STEUER_ID": v_steuer,
    "DE_SVNR": v_svnr,
    "DE_KVNR": v_kvnr,
    "FR_NIR": v_nir,
    "ES_DNI": v_dni,
    "ES_NIE": v_nie,
    "IT_FISCAL_CODE": v_cf,
    "NL_BSN": v_bsn,
    "IP_ADDRESS": v_ip,
    "PHONE_NUMBER": v_phone,
    "EMAIL_ADDRESS": v_email,
    "DATE_OF_BIRTH": v_dob,
    "MEDICAL_RECORD_NUMBER": v_mrn,
}


def passes_any_id(s: str) -> str | None:
    """Name of the identifier check a look-alike would pass, if any (fairness rule)."""
    cands = {s, re.sub(r"[ .\-/\u00a0]", "", s), *s.split()}
    d = only_digits(s)
    if len(d) >= 9:
        cands.add(d)
    checks = [
        ("luhn", lambda x: x.isdigit() and 13 <= len(x) <= 19 and v_luhn(x)),
        ("iban", v_iban_mod),
        ("nhs", lambda x: x.isdigit() and len(x) == 10 and v_nhs(x)),
        ("bsn", lambda x: x.isdigit() and len(x) == 9 and v_bsn(x)),
        ("steuer", lambda x: x.isdigit() and len(x) == 11 and v_steuer(x)),
        ("nir", v_nir),
        ("dni", v_dni),
        ("nie", v_nie),
        ("cf", v_cf),
        ("kvnr", v_kvnr),
        ("nino", v_nino),
        ("svnr", v_svnr),
        ("ssn", lambda x: bool(re.fullmatch(r"\d{3}-\d{2}-\d{4}", x)) and v_ssn(x)),
    ]
    if len(d) == 9 and v_ssn(d):  # nine digits run together would pass a lenient SSN check
        return "ssn (digits run together)"
    for c in cands:
        c = c.strip(",;:()")
        if not c:
            continue
        for name, fn in checks:
            try:
                if fn(c):
                    return name
            except (ValueError, IndexError):
                continue
    return None


# ----------------------------------------------------------------------------------------------------------
# Pools (written for this corpus)
# ----------------------------------------------------------------------------------------------------------
PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "'t",
    "von",
    "zu",
    "di",
    "la",
    "del",
    "della",
    "le",
    "da",
    "dos",
}

NAMES = {
    "GB": (
        [
            "Oliver",
            "Callum",
            "Rhys",
            "Declan",
            "Alistair",
            "Graham",
            "Nigel",
            "Kieran",
            "Euan",
            "Tobias",
            "Hamish",
            "Jermaine",
        ],
        [
            "Imogen",
            "Siobhan",
            "Bethany",
            "Fiona",
            "Niamh",
            "Harriet",
            "Gemma",
            "Morag",
            "Priya",
            "Zainab",
            "Rosalind",
            "Kirsty",
        ],
        [
            "Whitfield",
            "Pemberton",
            "O'Sullivan",
            "Barraclough",
            "McAllister",
            "Okonkwo",
            "Featherstone",
            "Ramsbottom",
            "Clegg",
            "Ashdown",
            "Thornbury",
            "Llewellyn",
            "Fairbairn-Hughes",
            "Nolan",
            "Haworth",
            "Cartwright",
        ],
    ),
    "US": (
        [
            "Tyler",
            "Brandon",
            "DeShawn",
            "Cody",
            "Marcus",
            "Ethan",
            "Dwayne",
            "Garrett",
            "Trevor",
            "Jamal",
            "Wyatt",
            "Travis",
        ],
        [
            "Madison",
            "Brianna",
            "Kayla",
            "Jasmine",
            "Courtney",
            "Hailey",
            "Tamara",
            "Whitney",
            "Mackenzie",
            "Rosa",
            "LaToya",
            "Shelby",
        ],
        [
            "Kowalczyk",
            "Delgado",
            "Huang",
            "McCarthy",
            "Lindqvist",
            "Abernathy",
            "Przybylski",
            "Nguyen",
            "Castellano",
            "DuBois",
            "Halvorsen",
            "Okafor",
            "Baptiste-Reyes",
            "Sorensen",
            "Whitaker",
            "Mendoza",
        ],
    ),
    "DE": (
        [
            "Jörg",
            "Lukas",
            "Maximilian",
            "Dieter",
            "Hans-Peter",
            "Timo",
            "Björn",
            "Emre",
            "Karl-Heinz",
            "Florian",
            "Gernot",
            "Malte",
        ],
        [
            "Annegret",
            "Svenja",
            "Lea-Sophie",
            "Ingrid",
            "Hatice",
            "Mareike",
            "Ute",
            "Franziska",
            "Jana",
            "Wiebke",
            "Gesine",
            "Roswitha",
        ],
        [
            "Schwarzkopf",
            "Oberländer",
            "von Ahlefeldt",
            "Brückner",
            "Yıldız",
            "Kleinschmidt",
            "Hoffmeister",
            "zu Dohna",
            "Wendt",
            "Gräfe",
            "Pietsch",
            "Lindemann-Roth",
            "Dreßler",
            "Nowak",
            "Eickhoff",
            "Kaczmarek",
        ],
    ),
    "FR": (
        [
            "Thibault",
            "Gaëtan",
            "Jean-Baptiste",
            "Mathis",
            "Yannick",
            "Loïc",
            "Benoît",
            "Aurélien",
            "Hervé",
            "Gwendal",
            "Rémi",
            "Sofiane",
        ],
        [
            "Clémence",
            "Maëlle",
            "Anne-Sophie",
            "Ségolène",
            "Nadia",
            "Océane",
            "Bérénice",
            "Solène",
            "Gwenaëlle",
            "Capucine",
            "Inès",
            "Maryvonne",
        ],
        [
            "Delacroix-Fabre",
            "Le Bihan",
            "Marchetti",
            "Bouvier",
            "de La Fontaine",
            "Dufresne",
            "Ben Salah",
            "Rousselot",
            "Kerjean",
            "Lemoine",
            "Chassagne",
            "Vasseur",
            "Ndiaye",
            "Le Gall",
            "Pelletier",
        ],
    ),
    "ES": (
        ["Íñigo", "Rubén", "José Manuel", "Aitor", "Álvaro", "Jesús", "Sergio", "Xabier", "Borja", "Joaquín"],
        [
            "Nerea",
            "Itziar",
            "María José",
            "Rocío",
            "Montserrat",
            "Ainhoa",
            "Lucía",
            "Yolanda",
            "Esperanza",
            "Noelia",
            "Begoña",
        ],
        [
            "Etxeberria",
            "Quintana",
            "Sanz",
            "Villalobos",
            "Ibáñez",
            "Rosales",
            "de la Cruz",
            "Peñalver",
            "Arrieta",
            "Montenegro",
            "Caballero",
            "Ortuño",
            "del Río",
            "Gallardo",
            "Zubizarreta",
            "Cuesta",
        ],
    ),
    "IT": (
        [
            "Gianluca",
            "Pierpaolo",
            "Salvatore",
            "Ettore",
            "Mattia",
            "Raffaele",
            "Corrado",
            "Tommaso",
            "Gennaro",
            "Lorenzo",
            "Vittorio",
        ],
        [
            "Ilaria",
            "Giuseppina",
            "Rossella",
            "Benedetta",
            "Carmela",
            "Serena",
            "Ludovica",
            "Annamaria",
            "Noemi",
            "Ornella",
            "Graziella",
        ],
        [
            "Tramontano",
            "Della Valle",
            "Pagliarulo",
            "Esposito",
            "De Santis",
            "Lo Presti",
            "Zanetti",
            "Bonaccorsi",
            "Capuozzo",
            "D'Amico",
            "Ferrandino",
            "Sartori",
            "Lombardo",
            "Quaranta",
            "Iacobelli",
        ],
    ),
    "NL": (
        [
            "Sjoerd",
            "Bram",
            "Wouter",
            "Jeroen",
            "Maarten",
            "Thijs",
            "Koen",
            "Gijs",
            "Ruud",
            "Pieter-Jan",
            "Hidde",
            "Siebe",
        ],
        [
            "Femke",
            "Marieke",
            "Annelies",
            "Ilse",
            "Sanne",
            "Noor",
            "Wilhelmina",
            "Fleur",
            "Hanneke",
            "Esmée",
            "Baukje",
            "Tineke",
        ],
        [
            "de Graaf",
            "van Dijk-Hoekstra",
            "Bosman",
            "ter Horst",
            "Mulder",
            "van 't Hof",
            "Kuipers",
            "Oosterhuis",
            "El Amrani",
            "Hendriks",
            "van der Wal",
            "Verbeek",
            "Scholten",
            "Zwart",
            "Dijkstra",
        ],
    ),
}
# origin: (male, female, surnames, FR INSEE country code, IT Z-code, local names per language)
FOREIGN = {
    "MA": (
        ["Youssef", "Hamza"],
        ["Fatima", "Salma"],
        ["El Idrissi", "Benali", "Tazi"],
        "350",
        "Z330",
        ("Morocco", "Marokko", "Maroc", "Marruecos", "Marocco", "Marokko"),
    ),
    "RO": (
        ["Andrei", "Ionuț"],
        ["Ioana", "Mihaela"],
        ["Popescu", "Dumitrescu", "Constantin"],
        "114",
        "Z129",
        ("Romania", "Rumänien", "Roumanie", "Rumanía", "Romania", "Roemenië"),
    ),
    "TR": (
        ["Mehmet", "Burak"],
        ["Aylin", "Zeynep"],
        ["Demir", "Yılmaz", "Öztürk"],
        "208",
        "Z243",
        ("Turkey", "Türkei", "Turquie", "Turquía", "Turchia", "Turkije"),
    ),
    "AL": (
        ["Arben", "Ilir"],
        ["Elira", "Drita"],
        ["Hoxha", "Kola", "Shehu"],
        "125",
        "Z100",
        ("Albania", "Albanien", "Albanie", "Albania", "Albania", "Albanië"),
    ),
}
FR_PLACES = [
    ("Rennes", "35"),
    ("Nantes", "44"),
    ("Grenoble", "38"),
    ("Dijon", "21"),
    ("Toulouse", "31"),
    ("Lille", "59"),
    ("Ajaccio", "2A"),
    ("Bastia", "2B"),
    ("Limoges", "87"),
    ("Metz", "57"),
]
IT_PLACES = [
    ("Milano", "F205"),
    ("Roma", "H501"),
    ("Napoli", "F839"),
    ("Torino", "L219"),
    ("Palermo", "G273"),
    ("Bologna", "A944"),
    ("Firenze", "D612"),
    ("Bari", "A662"),
    ("Genova", "D969"),
    ("Venezia", "L736"),
]
NICKS = {
    "en": ["Bunny", "Ginny", "Chas", "Peggy", "Ted", "Dot", "Buddy", "Sunny"],
    "de": ["Hansi", "Uschi", "Bärbel", "Jupp", "Lotti", "Kalle"],
    "fr": ["Mimi", "Dédé", "Jojo", "Loulou", "Titou", "Nénette"],
    "es": ["Pepe", "Lola", "Paco", "Conchi", "Charo", "Quique"],
    "it": ["Pippo", "Totò", "Gigi", "Lella", "Nuccia", "Peppe"],
    "nl": ["Mien", "Kees", "Joop", "Bep", "Toos", "Sjaak"],
}

ADDR = {
    "GB": (
        [
            ("Sheffield", "S"),
            ("Norwich", "NR"),
            ("Exeter", "EX"),
            ("Leicester", "LE"),
            ("Cardiff", "CF"),
            ("Bristol", "BS"),
            ("Leeds", "LS"),
            ("York", "YO"),
            ("Swindon", "SN"),
            ("Dundee", "DD"),
        ],
        [
            "Hollybush Lane",
            "Quarry Road",
            "Albion Terrace",
            "Kingfisher Close",
            "Marlborough Avenue",
            "Ferndale Crescent",
            "Tanyard Mews",
            "Station Approach",
            "Orchard Way",
            "Chapel Street",
        ],
    ),
    "US": (
        [
            ("Columbus", "OH", "432"),
            ("Tucson", "AZ", "857"),
            ("Spokane", "WA", "992"),
            ("Raleigh", "NC", "276"),
            ("Omaha", "NE", "681"),
            ("Albany", "NY", "122"),
            ("Boise", "ID", "837"),
            ("Savannah", "GA", "314"),
        ],
        [
            "Maple Ridge Dr",
            "W 38th St",
            "Cottonwood Ave",
            "Old Mill Rd",
            "Sycamore Ct",
            "Hawthorne Pl",
            "E Fairview Ave",
            "Prairie View Ln",
            "S Market St",
        ],
    ),
    "DE": (
        [
            ("Bielefeld", "336"),
            ("Kassel", "341"),
            ("Regensburg", "930"),
            ("Lübeck", "235"),
            ("Freiburg im Breisgau", "791"),
            ("Chemnitz", "091"),
            ("Oldenburg", "261"),
            ("Mainz", "551"),
            ("Erfurt", "990"),
            ("Augsburg", "861"),
        ],
        [
            "Lindenstraße",
            "Am Weinberg",
            "Kirchgasse",
            "Birkenweg",
            "Schützenstraße",
            "Hauptstraße",
            "Im Wiesengrund",
            "Ringstraße",
            "Zum Sportplatz",
            "Mühlenkamp",
        ],
    ),
    "FR": (
        [
            ("Rennes", "35"),
            ("Nantes", "44"),
            ("Grenoble", "38"),
            ("Dijon", "21"),
            ("Toulouse", "31"),
            ("Lille", "59"),
            ("Montpellier", "34"),
            ("Ajaccio", "20"),
            ("Limoges", "87"),
            ("Metz", "57"),
        ],
        [
            "rue des Tanneurs",
            "avenue de la Gare",
            "impasse des Lilas",
            "chemin du Moulin",
            "rue du Four",
            "allée des Cerisiers",
            "boulevard de la Liberté",
            "place du Marché",
            "route de Lyon",
        ],
    ),
    "ES": (
        [
            ("Valladolid", "47", "Valladolid"),
            ("Bilbao", "48", "Bizkaia"),
            ("Zaragoza", "50", "Zaragoza"),
            ("Málaga", "29", "Málaga"),
            ("Murcia", "30", "Murcia"),
            ("Gijón", "33", "Asturias"),
            ("Alcalá de Henares", "28", "Madrid"),
            ("Sabadell", "08", "Barcelona"),
            ("Vigo", "36", "Pontevedra"),
        ],
        [
            "C/ del Carmen",
            "C/ Mayor",
            "Avda. de la Constitución",
            "Plaza de España",
            "C/ Real",
            "C/ de la Iglesia",
            "Ronda de Poniente",
            "C/ Las Huertas",
            "Travesía del Sol",
        ],
    ),
    "IT": (
        [
            ("Bergamo", "241", "BG"),
            ("Lecce", "731", "LE"),
            ("Padova", "351", "PD"),
            ("Perugia", "061", "PG"),
            ("Salerno", "841", "SA"),
            ("Trento", "381", "TN"),
            ("Parma", "431", "PR"),
            ("Cagliari", "091", "CA"),
            ("Ancona", "601", "AN"),
        ],
        [
            "Via dei Mille",
            "Via Roma",
            "Viale della Repubblica",
            "Corso Italia",
            "Piazza del Popolo",
            "Via delle Rose",
            "Vicolo Stretto",
            "Via San Francesco",
            "Via Nazionale",
        ],
    ),
    "NL": (
        [
            ("Utrecht", "35"),
            ("Groningen", "97"),
            ("Leiden", "23"),
            ("Eindhoven", "56"),
            ("Zwolle", "80"),
            ("Haarlem", "20"),
            ("Nijmegen", "65"),
            ("Breda", "48"),
            ("Delft", "26"),
            ("Almere", "13"),
        ],
        [
            "Lange Nieuwstraat",
            "Kerkstraat",
            "Molenweg",
            "Populierenlaan",
            "Spoorsingel",
            "Zuiderdiep",
            "Breestraat",
            "Hoofdweg",
            "Kastanjelaan",
            "Prinsengracht",
        ],
    ),
}

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
}
DOMAINS = {
    "GB": ["btinternet.com", "outlook.co.uk", "yahoo.co.uk", "sky.com"],
    "US": ["gmail.com", "yahoo.com", "comcast.net", "outlook.com"],
    "DE": ["web.de", "gmx.de", "t-online.de", "posteo.de"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr"],
    "ES": ["telefonica.net", "gmail.com", "hotmail.es", "yahoo.es"],
    "IT": ["libero.it", "tiscali.it", "virgilio.it", "alice.it"],
    "NL": ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "hetnet.nl"],
}
COUNTRY = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}
LANG_OF = {"GB": "en", "US": "en", "DE": "de", "FR": "fr", "ES": "es", "IT": "it", "NL": "nl"}

MRN_LABELS = {
    "GB": ["Hospital no.", "Hosp. no.", "Unit no.", "Trust no."],
    "US": ["MRN", "Medical record #", "Acct/MRN"],
    "DE": ["Pat.-Nr.", "Fallnummer", "Patienten-ID", "Aufn.-Nr."],
    "FR": ["IPP", "N° de dossier", "N° patient"],
    "ES": ["NHC", "Nº historia clínica", "Nº de historia"],
    "IT": ["Cartella clinica n.", "N. nosologico", "ID paziente"],
    "NL": ["Patiëntnummer", "Pat.nr.", "ZIS-nummer"],
}
NATID_LABELS = {
    "UK_NHS": ["NHS number", "NHS No.", "NHS no"],
    "UK_NINO": ["NI number", "National Insurance No.", "NINO"],
    "US_SSN": ["SSN", "Social Security No.", "Soc. Sec. #"],
    "DE_STEUER_ID": ["Steuer-ID", "Steuerliche IdNr.", "IdNr."],
    "DE_SVNR": ["Rentenversicherungsnr.", "SV-Nummer", "Sozialversicherungsnummer"],
    "DE_KVNR": ["Versichertennr.", "KVNR", "Krankenversichertennummer"],
    "FR_NIR": ["N° de sécurité sociale", "NIR", "N° INSEE"],
    "ES_DNI": ["DNI", "NIF", "D.N.I."],
    "ES_NIE": ["NIE", "N.I.E.", "NIE/NIF"],
    "IT_FISCAL_CODE": ["Codice fiscale", "C.F.", "Cod. fiscale"],
    "NL_BSN": ["BSN", "Burgerservicenummer", "BSN-nummer"],
}
NATID_BY = {  # country -> purpose -> type
    "GB": {"health": "UK_NHS", "tax": "UK_NINO", "social": "UK_NINO", "child": "UK_NHS"},
    "US": {"health": "US_SSN", "tax": "US_SSN", "social": "US_SSN", "child": None},
    "DE": {"health": "DE_KVNR", "tax": "DE_STEUER_ID", "social": "DE_SVNR", "child": "DE_STEUER_ID"},
    "FR": {"health": "FR_NIR", "tax": "FR_NIR", "social": "FR_NIR", "child": None},
    "ES": {"health": "ES_DNI", "tax": "ES_DNI", "social": "ES_DNI", "child": "ES_DNI"},
    "IT": {
        "health": "IT_FISCAL_CODE",
        "tax": "IT_FISCAL_CODE",
        "social": "IT_FISCAL_CODE",
        "child": "IT_FISCAL_CODE",
    },
    "NL": {"health": "NL_BSN", "tax": "NL_BSN", "social": "NL_BSN", "child": "NL_BSN"},
}


@dataclass
class Person:
    given: str
    sur: str
    sex: str
    dob: date
    pob: tuple
    country: str
    origin: str | None = None


# ----------------------------------------------------------------------------------------------------------
# Look-alike pools
# ----------------------------------------------------------------------------------------------------------
def per_lang(*rows: str) -> dict[str, list[str]]:
    return {lang: [x.strip() for x in row.split("|")] for lang, row in zip(LANGS, rows, strict=True)}


LAW = {
    "tenancy": per_lang(
        "section 213 of the Housing Act 2004|US:Cal. Civ. Code § 1950.5",
        "§ 551 BGB|§ 548 BGB",
        "article 22 de la loi n° 89-462 du 6 juillet 1989",
        "art. 36 de la Ley 29/1994|art. 1555 del Código Civil",
        "art. 11 della L. 392/1978",
        "artikel 7:261 BW|artikel 7:217 BW",
    ),
    "aml": per_lang(
        "Money Laundering Regulations 2017|US:31 CFR 1020.220|US:31 U.S.C. § 5318",
        "§ 10 GwG|§ 11 Abs. 4 GwG",
        "article L. 561-5 du Code monétaire et financier",
        "Ley 10/2010, de prevención del blanqueo",
        "D.Lgs. 231/2007|art. 18 del D.Lgs. 231/2007",
        "artikel 3 Wwft|Wwft artikel 33",
    ),
    "immigration": per_lang(
        "Immigration Rules Appendix FM|paragraph 276B of the Immigration Rules|US:8 U.S.C. § 1184",
        "§ 18b AufenthG|§ 81 AufenthG",
        "article L. 421-1 du CESEDA|article L. 423-23 du CESEDA",
        "Ley Orgánica 4/2000|Real Decreto 557/2011",
        "D.Lgs. 286/1998|art. 5 del D.Lgs. 286/1998",
        "Vreemdelingenwet 2000|artikel 14 Vw 2000",
    ),
    "benefit": per_lang(
        "Social Security Contributions and Benefits Act 1992|US:20 CFR 604.3|US:26 U.S.C. § 3304",
        "§ 136 SGB III|§ 7 SGB II",
        "article L. 5422-1 du Code du travail",
        "art. 262 LGSS|art. 266 de la LGSS",
        "D.Lgs. 22/2015|art. 3 del D.Lgs. 22/2015",
        "artikel 16 WW|Participatiewet",
    ),
    "care": per_lang(
        "Care Act 2014|Mental Capacity Act 2005|US:42 CFR 483.10",
        "§ 43 SGB XI|§ 37 SGB XI",
        "article L. 311-3 du CASF|article L. 342-1 du CASF",
        "Ley 39/2006, de Dependencia",
        "L. 104/1992|art. 3 della L. 104/1992",
        "artikel 3.2.1 Wlz|Wet langdurige zorg",
    ),
    "criminal": per_lang(
        "s. 9 Criminal Justice Act 1967|US:Fed. R. Evid. 803",
        "§ 161a StPO|§ 48 StPO",
        "article 434-13 du Code pénal|article 62 du Code de procédure pénale",
        "art. 433 LECrim|art. 410 LECrim",
        "art. 351 c.p.p.|art. 372 c.p.",
        "artikel 284 Sv|artikel 300 Sr",
    ),
    "funeral": per_lang(
        "Cremation Regulations 2008|US:16 CFR 453.2",
        "§ 1968 BGB|BestG NRW",
        "article L. 2223-19 du CGCT|article R. 2213-33 du CGCT",
        "Decreto 2263/1974, de Policía Sanitaria Mortuoria",
        "D.P.R. 285/1990|art. 79 del D.P.R. 285/1990",
        "Wet op de lijkbezorging|artikel 16 Wlb",
    ),
    "traffic": per_lang(
        "Road Traffic Act 1988|US:49 CFR 383.71",
        "§ 6 FeV|§ 16 FeV",
        "article R. 221-5 du Code de la route",
        "Real Decreto 818/2009, Reglamento General de Conductores",
        "art. 116 del Codice della Strada",
        "artikel 107 Wegenverkeerswet 1994",
    ),
    "privacy": per_lang(
        "Article 6(1)(b) UK GDPR|Data Protection Act 2018|US:45 CFR 164.508|US:Cal. Civ. Code § 1798.100",
        "Art. 6 Abs. 1 lit. b DSGVO|Art. 9 Abs. 2 lit. h DSGVO",
        "article 6 du RGPD|loi n° 78-17 du 6 janvier 1978",
        "art. 6 RGPD|Ley Orgánica 3/2018",
        "art. 13 del GDPR|D.Lgs. 196/2003",
        "artikel 6 AVG|UAVG",
    ),
}
EPONYMS = per_lang(
    "Baker's cyst|Osgood-Schlatter disease|Dupuytren's contracture|Colles fracture|Bell's "
    "palsy|Parkinson's disease|"
    "Alzheimer's disease|Guillain-Barré syndrome",
    "Baker-Zyste|Morbus Scheuermann|Dupuytren-Kontraktur|Colles-Fraktur|Morbus Bechterew|Morbus Parkinson|"
    "Alzheimer-Demenz|Morbus Sudeck",
    "kyste de Baker|maladie d'Osgood-Schlatter|maladie de Dupuytren|fracture de Pouteau-Colles|"
    "maladie de Parkinson|maladie d'Alzheimer|syndrome de Guillain-Barré|maladie de Scheuermann",
    "quiste de Baker|enfermedad de Osgood-Schlatter|contractura de Dupuytren|fractura de Colles|"
    "enfermedad de Parkinson|enfermedad de Alzheimer|síndrome de Guillain-Barré",
    "cisti di Baker|malattia di Osgood-Schlatter|morbo di Dupuytren|frattura di Colles|morbo di Parkinson|"
    "malattia di Alzheimer|sindrome di Guillain-Barré",
    "bakercyste|ziekte van Osgood-Schlatter|ziekte van Dupuytren|colles-fractuur|ziekte van Parkinson|"
    "ziekte van Alzheimer|syndroom van Guillain-Barré",
)
ICD = ["M54.5", "S83.2", "M75.1", "M17.1", "S93.4", "G20", "F03", "I63.9", "M23.2", "S52.5", "M65.3"]
DRUGS = per_lang(
    "Paracetamol 500 mg|Co-codamol 8/500|Amlodipine 5 mg|Donepezil 10 mg|Sertraline 50 mg",
    "Ibuprofen 600 mg|Metformin 1000 mg|Pantoprazol 40 mg|Ramipril 5 mg|Novaminsulfon 500 mg",
    "Doliprane 1000 mg|Kardégic 75 mg|Lévothyrox 50 µg|Eliquis 5 mg",
    "Enantyum 25 mg|Adiro 100 mg|Omeprazol 20 mg|Sintrom 4 mg",
    "Tachipirina 1000 mg|Cardioaspirina 100 mg|Eutirox 75 mcg|Lasix 25 mg",
    "Paracetamol 500 mg|Metoprolol 50 mg|Omeprazol 20 mg|Furosemide 40 mg",
)
INSTITUTIONS = per_lang(
    "John Radcliffe Hospital|Royal Victoria Infirmary|Florence Nightingale Academy|Brunel Primary School|"
    "Jefferson Elementary School|Johns Hopkins Hospital",
    "Robert-Bosch-Krankenhaus|Carl-Thiem-Klinikum|Albert-Schweitzer-Gymnasium|Geschwister-Scholl-Schule|"
    "Anne-Frank-Grundschule",
    "Hôpital Édouard-Herriot|Lycée Victor-Hugo|Collège Jean-Moulin|École Jules-Ferry|Institut Gustave-Roussy",
    "Hospital Gregorio Marañón|Hospital Ramón y Cajal|IES Antonio Machado|Colegio Miguel de Cervantes|"
    "CEIP Federico García Lorca",
    "Ospedale Sandro Pertini|Istituto Giannina Gaslini|Liceo Galileo Galilei|Scuola Primaria Maria "
    "Montessori|"
    "Istituto Comprensivo Giovanni Pascoli",
    "Antoni van Leeuwenhoek|Jeroen Bosch Ziekenhuis|Erasmus College|Willem de Zwijger College|"
    "Basisschool Anne Frank",
)
SCHOOLS = {
    "en": ["Florence Nightingale Academy", "Brunel Primary School", "Jefferson Elementary School"],
    "de": ["Albert-Schweitzer-Gymnasium", "Geschwister-Scholl-Schule", "Anne-Frank-Grundschule"],
    "fr": ["Lycée Victor-Hugo", "Collège Jean-Moulin", "École Jules-Ferry"],
    "es": ["IES Antonio Machado", "Colegio Miguel de Cervantes", "CEIP Federico García Lorca"],
    "it": [
        "Liceo Galileo Galilei",
        "Scuola Primaria Maria Montessori",
        "Istituto Comprensivo Giovanni Pascoli",
    ],
    "nl": ["Erasmus College", "Willem de Zwijger College", "Basisschool Anne Frank"],
}
BRANDS = per_lang(
    "Holland & Barrett|Marks & Spencer|Dr Martens|Ben & Jerry's|Sainsbury's",
    "Dr. Oetker|Rossmann|Müller|Hugo Boss|Jil Sander",
    "Yves Rocher|Pierre Fabre|Nina Ricci|Jean Paul Gaultier",
    "Don Simón|Carolina Herrera|Adolfo Domínguez|Loewe",
    "Giovanni Rana|Ermenegildo Zegna|Ferrero|Valentino",
    "Albert Heijn|Douwe Egberts|Jan Linders|Dirk van den Broek",
)
COMPANIES = {  # companies named after people (purpose -> per language)
    "funeral": per_lang(
        "Hargreaves & Daughters Funeral Directors|McKinley Brothers Funeral Home",
        "Bestattungshaus Kühnel|Bestattungen Gebr. Wessling",
        "Pompes Funèbres Rivière|PF Jean Chambon et Fils",
        "Funeraria Hermanos Salgado|Tanatorio Santa Quiteria",
        "Onoranze Funebri Bertolini|Onoranze Fratelli Ruggiero",
        "Uitvaartcentrum Van Essen|Uitvaartzorg Dekker & Zn.",
    ),
    "driving": per_lang(
        "Pennington's School of Motoring|Abernathy Driving Academy",
        "Fahrschule Brandhorst|Fahrschule Uwe Lenz",
        "Auto-école Lefranc|Auto-école Martine Roux",
        "Autoescuela Benítez|Autoescuela Hnos. Carrasco",
        "Autoscuola Mancuso|Autoscuola Fratelli Greco",
        "Rijschool Dekker|Rijschool Henk Brouwer",
    ),
    "car": per_lang(
        "Ellison & Sons Car Hire|Rodriguez Auto Rentals",
        "Autovermietung Gebr. Mertens|Autovermietung Karl Sommer",
        "Loueur Martin & Fils",
        "Alquileres Hermanos Ordóñez|Autos Paco Molina",
        "Noleggi Fratelli Colombo|Autonoleggio Gino Ferri",
        "Autoverhuur Jansen & Zn.|Autoverhuur Piet Smit",
    ),
    "venue": per_lang(
        "Whitcombe Hall Weddings|The Hendricks Barn",
        "Gut Ahrensfelde Familie Voss",
        "Domaine Chambon & Fils|Château Lavergne",
        "Finca Hermanos Ortega|Masía Can Puig",
        "Villa Bertolini Eventi|Tenuta Fratelli Moretti",
        "Landgoed De Wit|Kasteel Van Rijckevorsel",
    ),
    "gym": per_lang(
        "Jack LaLanne Fitness|Hendricks Strength Club",
        "Sportstudio Becker|Fitnessclub Olaf Krüger",
        "Salle Moreau Fitness",
        "Gimnasio Hermanos Vidal|Club Deportivo Paco Roldán",
        "Palestra Fratelli Conti|Centro Fitness Gianni Riva",
        "Sportschool Van den Berg|Fitcenter Kees Vermeulen",
    ),
}
STREETS_LK = per_lang(
    "Nelson Street|Gladstone Road|Martin Luther King Jr. Boulevard|Lincoln Avenue|Brunel Way",
    "Konrad-Adenauer-Straße|Friedrich-Ebert-Platz|Willy-Brandt-Allee|Kurt-Schumacher-Ring",
    "avenue Jean-Jaurès|boulevard Gambetta|rue Victor-Hugo|place Charles-de-Gaulle",
    "calle de Cervantes|avenida de Blasco Ibáñez|plaza de Gregorio Marañón|calle Alfonso XIII",
    "corso Garibaldi|via Mazzini|piazza Cavour|viale Matteotti",
    "Van Speijkstraat|Thorbeckeplein|Johan de Wittlaan|Wilhelminasingel",
)
CARS = [
    "Škoda Octavia Combi",
    "Ford Focus",
    "Fiat Tipo",
    "Renault Mégane",
    "Peugeot 308",
    "Volkswagen Golf",
    "Toyota Corolla",
    "SEAT León",
    "Opel Astra",
    "Kia Ceed",
]
TIERS = ["GOLD-PLUS", "Off-Peak B", "Premium M", "Flex 24/7", "Silver-2", "Basic Day", "PLAT-3", "Student S1"]


# ----------------------------------------------------------------------------------------------------------
# Generation context: one per language, holding its Random; country may change per document (en: GB/US)
# ----------------------------------------------------------------------------------------------------------
LABEL_RE = re.compile(r"\[(\w+)\]")
PH_RE = re.compile(r"\{(\w+)\}")


class G:
    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang = lang
        self.li = LANGS.index(lang)
        self.r = rng
        self.country = COUNTRY.get(lang, "GB")

    # --- small helpers -------------------------------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def L(self, key: str) -> str:
        return LBL[key][self.li]

    def render(self, d: Doc, skel: str, f: dict) -> None:
        lines = skel.strip("\n").split("\n")
        for line in lines:
            if line.startswith("?"):
                line = line[1:]
                if self.r.random() < 0.45:
                    continue
            line = LABEL_RE.sub(lambda m: self.L(m.group(1)), line)
            start = d.pos
            i = 0
            for m in PH_RE.finditer(line):
                d.t(line[i : m.start()])
                f[m.group(1)]()
                i = m.end()
            d.t(line[i:])
            if d.pos == start or not d.text()[start:].strip():
                continue
            d.t("\n")
        if d.parts and d.parts[-1] == "\n":
            d.parts.pop()
            d.pos -= 1

    # --- people ----------------------------------------------------------------------------------------
    def person(
        self,
        sex: str | None = None,
        age: tuple[int, int] = (19, 78),
        foreign: bool = False,
        country: str | None = None,
    ) -> Person:
        r = self.r
        c = country or self.country
        sex = sex or r.choice("MF")
        y = 2025 - r.randint(*age)
        dob = date(y, 1, 1) + timedelta(days=r.randint(0, 364))
        origin = None
        if (
            foreign
            or (c in ("FR", "IT", "DE", "NL") and r.random() < 0.1)
            or (c == "ES" and r.random() < 0.25)
        ):
            origin = r.choice(sorted(FOREIGN))
            fo = FOREIGN[origin]
            given = r.choice(fo[0] if sex == "M" else fo[1])
            sur = r.choice(fo[2])
            if c == "ES":
                sur = f"{sur} {r.choice(fo[2])}" if r.random() < 0.3 else sur
        else:
            m, f, s = NAMES[c]
            given = r.choice(m if sex == "M" else f)
            sur = r.choice(s)
            if c == "ES":
                other = r.choice([x for x in s if x != sur])
                sur = f"{sur} {other}"
        if c == "FR":
            pob: tuple = ("", "99", FOREIGN[origin][3]) if origin else r.choice(FR_PLACES)
        elif c == "IT":
            pob = (FOREIGN[origin][5][4], FOREIGN[origin][4]) if origin else r.choice(IT_PLACES)
        else:
            pob = (FOREIGN[origin][5][self.li],) if origin else (r.choice(ADDR[c][0])[0],)
        return Person(given, sur, sex, dob, pob, c, origin)

    def nstr(self, p: Person, form: str) -> str:
        g, s = p.given, p.sur
        if form == "full":
            return f"{g} {s}"
        if form == "caps":
            return f"{g} {s}".upper()
        if form == "surcaps":
            return f"{s.upper()} {g}"
        if form == "comma":
            parts = s.split()
            if self.country == "NL" and len(parts) > 1 and parts[0].lower() in PARTICLES:
                k = 0
                while parts[k].lower() in PARTICLES:
                    k += 1
                return f"{' '.join(parts[k:])}, {g} {' '.join(parts[:k])}"
            return f"{s}, {g}"
        if form == "init":
            ini = " ".join("-".join(x[0] + "." for x in w.split("-")) for w in g.split())
            return f"{ini} {s}"
        if form == "lower":
            return f"{g} {s}".lower()
        if form == "given":
            return g
        if form == "sur":
            return s[0].upper() + s[1:] if self.country == "NL" else s
        if form == "handle":
            a = re.sub(r"[^a-z]", "", fold(g).lower())
            b = re.sub(r"[^a-z]", "", fold(main_sur(p)).lower())
            return self.r.choice([f"{a}.{b}", f"{a[0]}{b}", f"{a}_{b[:3]}", f"{a}{b[0]}"])
        raise ValueError(form)

    def N(self, p: Person, *forms: str):
        return lambda: self.name(p, *forms)

    def name(self, p: Person, *forms: str) -> None:
        self.d.e("PERSON", self.nstr(p, self.r.choice(forms or ("full",))))

    # --- dates -----------------------------------------------------------------------------------------
    def fmt_date(self, x: date, numeric_only: bool = False) -> str:
        r, lang, c = self.r, self.lang, self.country
        mon = MONTHS[lang][x.month - 1]
        dd, mm, y = f"{x.day:02d}", f"{x.month:02d}", x.year
        if c == "US":
            opts = [
                f"{mm}/{dd}/{y}",
                f"{x.month}/{x.day}/{y}",
                f"{mon} {x.day}, {y}",
                f"{mon[:3]} {x.day}, {y}",
            ]
        elif c == "GB":
            opts = [
                f"{dd}/{mm}/{y}",
                f"{x.day} {mon} {y}",
                f"{x.day} {mon[:3]} {y}",
                f"{dd}.{mm}.{y % 100:02d}",
            ]
        elif lang == "de":
            opts = [
                f"{dd}.{mm}.{y}",
                f"{x.day}. {mon} {y}",
                f"{x.day}.{x.month}.{y}",
                f"{dd}.{mm}.{y % 100:02d}",
            ]
        elif lang == "fr":
            day = "1er" if x.day == 1 else str(x.day)
            opts = [f"{dd}/{mm}/{y}", f"{day} {mon} {y}", f"{dd}.{mm}.{y}", f"{dd}-{mm}-{y}"]
        elif lang == "es":
            opts = [f"{dd}/{mm}/{y}", f"{x.day} de {mon} de {y}", f"{dd}-{mm}-{y}", f"{dd}-{mon[:3]}-{y}"]
        elif lang == "it":
            day = "1°" if x.day == 1 else str(x.day)
            opts = [f"{dd}/{mm}/{y}", f"{day} {mon} {y}", f"{dd}.{mm}.{y}", f"{dd}-{mm}-{y}"]
        else:
            opts = [f"{dd}-{mm}-{y}", f"{x.day} {mon} {y}", f"{x.day}-{x.month}-{y}", f"{dd}/{mm}/{y}"]
        if numeric_only:
            opts = [o for o in opts if re.fullmatch(r"[\d./-]+", o)]
        return r.choice(opts)

    def DOB(self, p: Person, iso: bool = False):
        return lambda: self.d.e("DATE_OF_BIRTH", p.dob.isoformat() if iso else self.fmt_date(p.dob))

    def rdate(self) -> date:
        return date(2024, 1, 1) + timedelta(days=self.r.randint(0, 900))

    # --- addresses -------------------------------------------------------------------------------------
    def addr_lines(self, c: str | None = None) -> list[str]:
        r = self.r
        c = c or self.country
        towns, streets = ADDR[c]
        st = r.choice(streets)
        if c == "GB":
            town, area = r.choice(towns)
            lt = "ABDEFGHJLNPQRSTUWXYZ"
            pc = f"{area}{r.randint(1, 20)} {r.randint(1, 9)}{r.choice(lt)}{r.choice(lt)}"
            pre = r.choice(["", "", f"Flat {r.randint(1, 30)}, ", f"Apartment {r.randint(1, 12)}, "])
            return [f"{pre}{r.randint(1, 180)} {st}", town.upper() if r.random() < 0.5 else town, pc]
        if c == "US":
            city, stt, z = r.choice(towns)
            unit = r.choice(
                [
                    "",
                    "",
                    f", Apt {r.randint(1, 30)}{r.choice('ABCD')}",
                    f" #{r.randint(100, 420)}",
                    f", Suite {r.randint(100, 900)}",
                ]
            )
            zp = f"{z}{r.randint(0, 99):02d}" + (f"-{r.randint(1000, 9999)}" if r.random() < 0.25 else "")
            return [f"{r.randint(10, 9899)} {st}{unit}", f"{city}, {stt} {zp}"]
        if c == "DE":
            town, pre = r.choice(towns)
            extra = r.choice(["", "", "", " a", "b", ", 2. OG", ", Hinterhaus"])
            return [f"{st} {r.randint(1, 140)}{extra}", f"{pre}{r.randint(0, 99):02d} {town}"]
        if c == "FR":
            town, dep = r.choice(towns)
            cp = "20090" if town == "Ajaccio" else f"{dep}{r.randint(0, 9)}{r.choice('0123456789')}0"
            bis = r.choice(["", "", "", " bis", " ter"])
            lines = [f"{r.randint(1, 120)}{bis} {st}", f"{cp} {town.upper()}"]
            if r.random() < 0.3:
                lines.insert(
                    0,
                    r.choice(
                        [
                            f"Bât. {r.choice('ABCD')}, appt {r.randint(1, 60)}",
                            "Résidence les Tilleuls",
                            "Résidence du Parc",
                        ]
                    ),
                )
            return lines
        if c == "ES":
            town, pre, prov = r.choice(towns)
            piso = r.choice(
                [
                    "",
                    f", {r.randint(1, 9)}º {r.choice('ABCD')}",
                    ", bajo",
                    f", {r.randint(1, 6)}º izq.",
                    f", esc. 2, {r.randint(1, 8)}º {r.randint(1, 4)}ª",
                ]
            )
            line2 = f"{pre}{r.randint(0, 999):03d} {town}" + (
                f" ({prov})" if prov != town or r.random() < 0.3 else ""
            )
            return [f"{st}, {r.randint(1, 160)}{piso}", line2]
        if c == "IT":
            town, pre, pr = r.choice(towns)
            extra = r.choice(["", "", "/A", " int. 4", " scala B"])
            num = r.choice([f"{r.randint(1, 200)}", f"n. {r.randint(1, 200)}"])
            return [f"{st}, {num}{extra}", f"{pre}{r.randint(0, 99):02d} {town} ({pr})"]
        town, pre = r.choice(towns)
        lt = "ABCDEFGHJKLMNPRTVWXZ"
        pc = f"{pre}{r.randint(10, 99)} {r.choice(lt)}{r.choice(lt)}"
        extra = r.choice(["", "", "-hs", "-II", " bis", "A"])
        l2 = f"{pc}  {town.upper()}" if r.random() < 0.35 else f"{pc} {town}"
        return [f"{st} {r.randint(1, 250)}{extra}", l2]

    def A(self, c: str | None = None):
        def w() -> None:
            lines = self.addr_lines(c)
            cc = c or self.country
            sep = " - " if cc == "IT" and self.r.random() < 0.4 else ", "
            if cc == "GB":
                self.d.e("ADDRESS", f"{lines[0]}, {lines[1]} {lines[2]}")
            else:
                self.d.e("ADDRESS", sep.join(lines))

        return w

    def AB(self):
        return self.block() if self.r.random() < 0.45 else self.A()

    def block(self, c: str | None = None):
        def w() -> None:
            lines = self.addr_lines(c)
            for i, ln in enumerate(lines):
                if i:
                    self.d.t("\n")
                self.d.e("ADDRESS", ln)

        return w

    # --- phones and e-mail -----------------------------------------------------------------------------
    def phone_str(self, mobile: bool | None = None, ext: bool = False) -> str:
        r, c = self.r, self.country
        mobile = r.random() < 0.55 if mobile is None else mobile
        sp = r.choice([" ", " ", NBSP]) if c == "FR" else " "
        if c == "GB":
            if mobile:
                n = "7" + digits(r, 9)
                s = r.choice(
                    [
                        f"0{n[:4]} {n[4:]}",
                        f"0{n[:4]} {n[4:7]} {n[7:]}",
                        f"+44 {n[:4]} {n[4:]}",
                        f"+44 (0){n[:4]} {n[4:]}",
                    ]
                )
            else:
                a = r.choice(["114", "161", "113", "1603", "1392", "29", "117", "1904", "1793"])
                rest = digits(r, 10 - len(a))
                grp = (
                    f"{rest[:3]} {rest[3:]}"
                    if len(rest) == 7
                    else f"{rest[:4]} {rest[4:]}"
                    if len(rest) == 8
                    else rest
                )
                s = r.choice([f"0{a} {grp}", f"(0{a}) {grp}", f"+44 {a} {grp}"])
            return s + (f" ext. {r.randint(100, 899)}" if ext else "")
        if c == "US":
            a = r.choice(["614", "520", "509", "919", "402", "518", "208", "912"])
            ex, ln = f"{r.randint(2, 9)}{digits(r, 2)}", digits(r, 4)
            s = r.choice(
                [
                    f"({a}) {ex}-{ln}",
                    f"{a}-{ex}-{ln}",
                    f"{a}.{ex}.{ln}",
                    f"+1 {a} {ex} {ln}",
                    f"1-{a}-{ex}-{ln}",
                ]
            )
            return s + (r.choice([f" x{r.randint(100, 899)}", f" ext. {r.randint(10, 899)}"]) if ext else "")
        if c == "DE":
            if mobile:
                p = r.choice(["151", "160", "170", "171", "176", "157"])
                n = digits(r, r.choice([7, 8]))
                return r.choice(
                    [f"0{p} {n}", f"+49 {p} {n}", f"0{p}/{n}", f"0049 {p} {n}", f"+49 (0){p} {n}"]
                )
            a = r.choice(["521", "561", "941", "451", "761", "371", "441", "6131", "361", "821"])
            n = digits(r, 9 - len(a) + r.choice([0, 1]))
            if ext:
                return f"0{a} {n}-{r.randint(10, 299)}"
            return r.choice([f"0{a} {n}", f"+49 (0){a} {n}", f"0{a}/{n}", f"+49 {a} {n}", f"(0{a}) {n}"])
        if c == "FR":
            n = (r.choice("67") if mobile else r.choice("12345")) + digits(r, 8)
            pairs = [n[i : i + 2] for i in range(1, 9, 2)]
            sep = r.choice([sp, sp, ".", "-", NNBSP, ""])
            s = r.choice(
                [
                    f"0{n[0]}{sep}{sep.join(pairs)}",
                    f"+33 {n[0]} {' '.join(pairs)}",
                    f"+33 (0){n[0]} {' '.join(pairs)}",
                    f"0033 {n[0]} {' '.join(pairs)}",
                ]
            )
            return s + (f" poste {r.randint(100, 899)}" if ext else "")
        if c == "ES":
            n = (r.choice("67") if mobile else r.choice(["91", "94", "95", "96", "98"])) + digits(r, 9)
            n = n[:9]
            s = r.choice(
                [
                    f"{n[:3]} {n[3:6]} {n[6:]}",
                    f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
                    f"+34 {n[:3]} {n[3:6]} {n[6:]}",
                    f"(+34) {n}",
                    f"0034 {n}",
                ]
            )
            return s + (f" ext. {r.randint(100, 899)}" if ext else "")
        if c == "IT":
            if mobile:
                p = r.choice(["347", "333", "340", "328", "392", "366"])
                n = digits(r, 7)
                s = r.choice(
                    [
                        f"{p} {n[:3]} {n[3:]}",
                        f"{p}/{n}",
                        f"{p}.{n[:3]}.{n[3:]}",
                        f"+39 {p}{n}",
                        f"+39 {p} {n}",
                    ]
                )
            else:
                a = r.choice(["035", "0832", "049", "075", "089", "0461", "0521", "070", "071"])
                n = digits(r, 10 - len(a))
                s = r.choice([f"{a} {n}", f"{a}/{n}", f"+39 {a} {n}", f"0039 {a} {n}", f"{a}.{n}"])
            return s + (f" int. {r.randint(100, 899)}" if ext else "")
        if mobile:
            n = digits(r, 8)
            s = r.choice(
                [
                    f"06-{n}",
                    f"06 {n[:4]} {n[4:]}",
                    f"+31 6 {n[:4]} {n[4:]}",
                    f"+31 (0)6 {n}",
                    f"0031 6 {n}",
                    f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
                ]
            )
        else:
            a = r.choice(["30", "50", "71", "40", "38", "23", "24", "76", "15", "36"])
            n = digits(r, 7)
            s = r.choice(
                [
                    f"0{a}-{n}",
                    f"(0{a}) {n[:3]} {n[3:5]} {n[5:]}",
                    f"0{a} {n[:3]} {n[3:]}",
                    f"+31 (0){a} {n[:3]} {n[3:]}",
                    f"+31 {a} {n}",
                ]
            )
        return s + (f" toestel {r.randint(100, 899)}" if ext else "")

    def PH(self, mobile: bool | None = None, ext: bool = False):
        return lambda: self.d.e("PHONE_NUMBER", self.phone_str(mobile, ext))

    def email_str(
        self, p: Person | None = None, local: str | None = None, domain: str | None = None, obf: float = 0.15
    ) -> str:
        r = self.r
        if p is not None:
            a = re.sub(r"[^a-z]", "", fold(p.given).lower())
            b = re.sub(r"[^a-z\-]", "", fold(main_sur(p)).lower())
            local = r.choice(
                [
                    f"{a}.{b}",
                    f"{a[0]}.{b}",
                    f"{a}{b}",
                    f"{b}.{a}",
                    f"{a}.{b}{p.dob.year % 100:02d}",
                    f"{a}_{b}",
                ]
            )
        dom = domain or r.choice(DOMAINS[self.country])
        if r.random() >= obf:
            return f"{local}@{dom}"
        lang = self.lang
        if lang == "en":
            return r.choice(
                [
                    f"{local} at {dom.replace('.', ' dot ')}",
                    f"{local} [at] {dom}",
                    f"{local.replace('.', ' dot ')} at {dom.replace('.', ' dot ')}",
                ]
            )
        if lang == "de":
            return r.choice(
                [
                    f"{local}(at){dom}",
                    f"{local} [at] {dom.replace('.', ' [punkt] ')}",
                    f"{local} at {dom.replace('.', ' punkt ')}",
                ]
            )
        if lang == "fr":
            return r.choice([f"{local} arobase {dom.replace('.', ' point ')}", f"{local} [at] {dom}"])
        if lang == "es":
            return r.choice([f"{local} arroba {dom}", f"{local} arroba {dom.replace('.', ' punto ')}"])
        if lang == "it":
            return r.choice(
                [f"{local} chiocciola {dom.replace('.', ' punto ')}", f"{local} chiocciola {dom}"]
            )
        return r.choice([f"{local} apenstaartje {dom.replace('.', ' punt ')}", f"{local}(at){dom}"])

    def EM(self, p: Person | None = None, local: str | None = None, domain: str | None = None):
        return lambda: self.d.e("EMAIL_ADDRESS", self.email_str(p, local, domain))

    # --- identifiers -----------------------------------------------------------------------------------
    def IB(self):
        def w() -> None:
            if self.country == "US":
                self.d.t(self.L("card_word") + " ")
                self.d.e("CREDIT_CARD", build_card(self.r))
            else:
                self.d.e("IBAN_CODE", build_iban(self.r, self.country))

        return w

    def CC(self):
        return lambda: self.d.e("CREDIT_CARD", build_card(self.r))

    def natid_value(self, p: Person, typ: str) -> str:
        r = self.r
        return {
            "UK_NHS": lambda: build_nhs(r),
            "UK_NINO": lambda: build_nino(r),
            "US_SSN": lambda: build_ssn(r),
            "DE_STEUER_ID": lambda: build_steuer(r),
            "DE_SVNR": lambda: build_svnr(r, p),
            "DE_KVNR": lambda: build_kvnr(r),
            "FR_NIR": lambda: build_nir(r, p),
            "ES_DNI": lambda: build_dni(r),
            "ES_NIE": lambda: build_nie(r),
            "IT_FISCAL_CODE": lambda: build_cf(r, p),
            "NL_BSN": lambda: build_bsn(r),
        }[typ]()

    def NAT(self, p: Person, purpose: str, label: bool = True):
        def w() -> None:
            typ = NATID_BY[self.country][purpose]
            if typ is None:
                return
            if typ == "ES_DNI" and (p.origin or self.r.random() < 0.2):
                typ = "ES_NIE"
            if label:
                self.d.t(self.r.choice(NATID_LABELS[typ]) + ": ")
            self.d.e(typ, self.natid_value(p, typ))

        return w

    def mrn_value(self) -> str:
        r, c = self.r, self.country
        opts = {
            "GB": [
                lambda: f"{r.choice(['RTH', 'LTH', 'NNU', 'RWD'])}{digits(r, 7)}",
                lambda: f"H{digits(r, 6)}",
                lambda: f"{r.choice('EKMS')}{digits(r, 3)} {digits(r, 4)}",
            ],
            "US": [
                lambda: digits(r, 8),
                lambda: f"E{digits(r, 7)}",
                lambda: f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 3)}",
            ],
            "DE": [
                lambda: f"20{r.randint(18, 25)}/{digits(r, 6)}",
                lambda: f"KL-{r.randint(2019, 2025)}-{digits(r, 6)}",
                lambda: digits(r, 10),
            ],
            "FR": [
                lambda: digits(r, 8),
                lambda: f"HCL{digits(r, 8)}",
                lambda: f"{r.randint(2018, 2025)}-{digits(r, 6)}",
            ],
            "ES": [
                lambda: digits(r, 6),
                lambda: f"NHC-{r.randint(2015, 2025)}-{digits(r, 5)}",
                lambda: f"HUMS/{digits(r, 6)}",
            ],
            "IT": [
                lambda: f"CC-{r.randint(2019, 2025)}-{digits(r, 5)}",
                lambda: f"{r.randint(2019, 2025)}/{digits(r, 7)}",
                lambda: f"SDO {r.randint(2019, 2025)}.{digits(r, 5)}",
            ],
            "NL": [
                lambda: digits(r, 7),
                lambda: f"UMC-{digits(r, 8)}",
                lambda: f"{digits(r, 3)}-{digits(r, 4)}-{digits(r, 2)}",
            ],
        }[c]
        return r.choice(opts)()

    def MRN(self, label: bool = True):
        def w() -> None:
            if label:
                self.d.t(self.r.choice(MRN_LABELS[self.country]) + ": ")
            self.d.e("MEDICAL_RECORD_NUMBER", self.mrn_value())

        return w

    def IP(self):
        r = self.r
        return lambda: self.d.e(
            "IP_ADDRESS",
            r.choice(
                [
                    f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                    f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}",
                    f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                ]
            ),
        )

    # --- look-alikes -----------------------------------------------------------------------------------
    def K(self, what: str, gen=None):
        def w() -> None:
            for _ in range(200):
                s = gen() if gen else self.lk_value(what)
                if passes_any_id(s) is None:
                    self.d.k(what, s)
                    return
            raise RuntimeError(f"cannot draw a fair {what}")

        return w

    def amount(self) -> str:
        r, c = self.r, self.country
        v = r.randint(15, 4800) + r.choice([0, 0.5, 0.99, 0.25])
        whole, cents = int(v), round((v - int(v)) * 100)
        if c in ("GB", "US"):
            return f"{'£' if c == 'GB' else '$'}{whole:,}.{cents:02d}"
        th = f"{whole:,}".replace(",", "." if c != "FR" else NNBSP)
        if c in ("IT", "NL"):
            return f"€ {th},{cents:02d}"
        return f"{th},{cents:02d} €"

    def lk_value(self, what: str) -> str:
        r, lang = self.r, self.lang
        yr = r.randint(2023, 2026)
        if what == "date":
            return self.fmt_date(self.rdate())
        if what == "amount":
            return self.amount()
        if what == "medical_eponym":
            return r.choice(EPONYMS[lang])
        if what == "icd_code":
            return r.choice(ICD)
        if what == "drug_dosage":
            return r.choice(DRUGS[lang])
        if what == "street_name":
            return r.choice(STREETS_LK[lang])
        if what == "brand":
            return r.choice(BRANDS[lang])
        if what == "product_name":
            return r.choice(CARS)
        if what == "membership_tier":
            return r.choice(TIERS)
        if what == "locker_number":
            return r.choice(
                [
                    f"{r.choice('ABCDH')}-{r.randint(1, 299):03d}",
                    f"{r.randint(1, 480)}",
                    f"L{r.randint(10, 99)}",
                ]
            )
        if what == "seat_number":
            return r.choice(
                [f"T{r.randint(1, 24)}/S{r.randint(1, 10)}", f"{r.randint(1, 30)}{r.choice('ABCDEF')}"]
            )
        if what == "class_code":
            return r.choice(
                [
                    f"{r.randint(1, 9)}{r.choice('ABCDE')}",
                    f"Y{r.randint(3, 11)}-{r.choice('HKMT')}",
                    f"{r.randint(1, 5)}ª {r.choice('ABC')}",
                ]
            )
        if what == "grave_plot":
            return f"{r.choice('ABCDEFG')}/{r.randint(1, 40)}/{r.randint(1, 120)}"
        if what == "badge_number":
            return r.choice(
                [f"PC {r.randint(1000, 9999)}", f"{r.randint(10000, 99999)}", f"PK-{r.randint(100, 999)}"]
            )
        if what == "session_id":
            return f"{r.getrandbits(32):08x}-{r.getrandbits(16):04x}"
        if what == "loyalty_number":
            return "2" + digits(r, 12)
        if what == "internal_account":
            cc = self.country if self.country != "US" else "GB"
            n = IBAN_LEN.get(cc, 22)
            return cc + digits(r, 2) + digits(r, n - 4)
        if what == "reference_range":
            return r.choice(
                ["12.5–16.5 g/dL", "125–165 g/l", "7,8–10,6 mmol/l", "135-145 mmol/L", "3,5–5,1 mmol/l"]
            )
        if what == "booking_reference":
            return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        if what == "employee_number":
            return r.choice(
                [f"E-{digits(r, 5)}", f"EMP{digits(r, 6)}", f"P{r.randint(10, 99)}-{digits(r, 4)}"]
            )
        if what == "card_last_four":
            return r.choice([digits(r, 4), f"**** {digits(r, 4)}", f"XXXX-XXXX-XXXX-{digits(r, 4)}"])
        if what == "donor_number":
            return r.choice(
                [f"G{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}", f"BD-{digits(r, 7)}", f"DN{digits(r, 8)}"]
            )
        if what == "case_number":
            return (
                {
                    "en": [
                        f"CR/{yr}/{digits(r, 6)}",
                        f"{r.randint(10, 99)}/{digits(r, 5)}/{yr % 100}",
                        f"{yr}-CV-{digits(r, 5)}",
                    ],
                    "de": [
                        f"{r.randint(100, 999)} Js {r.randint(100, 9999)}/{yr % 100}",
                        f"AZ {r.randint(10, 99)}.{digits(r, 3)}/{yr}",
                    ],
                    "fr": [
                        f"PV {yr}/{digits(r, 6)}",
                        f"RG {yr % 100}/{digits(r, 5)}",
                        f"{digits(r, 5)}/{yr % 100}/PR",
                    ],
                    "es": [f"DP {r.randint(100, 9999)}/{yr}", f"Atestado {digits(r, 4)}/{yr}"],
                    "it": [f"R.G.N.R. {r.randint(100, 9999)}/{yr}", f"Prot. {digits(r, 6)}/{yr}"],
                    "nl": [
                        f"PL{digits(r, 4)}-{yr}{digits(r, 6)}",
                        f"V-{yr}-{digits(r, 6)}",
                        f"{digits(r, 7)}-{yr % 100}",
                    ],
                }[lang][r.randrange(2)]
                if lang != "en"
                else r.choice([f"CR/{yr}/{digits(r, 6)}", f"{yr}-CV-{digits(r, 5)}"])
            )
        if what == "claim_number":
            return r.choice(
                [f"CL-{yr}-{digits(r, 6)}", f"{digits(r, 3)}/{digits(r, 6)}/{yr % 100}", f"A{digits(r, 9)}"]
            )
        if what == "invoice_number":
            return r.choice(
                [
                    f"INV-{yr}-{digits(r, 6)}",
                    f"RE{yr}{digits(r, 4)}",
                    f"F{yr % 100}-{digits(r, 5)}",
                    f"{yr}/{digits(r, 4)}",
                ]
            )
        if what == "reference_number":
            return r.choice(
                [
                    f"{r.choice('ABKMRTX')}{r.choice('ABKMRTX')}-{digits(r, 6)}",
                    f"{yr}-{digits(r, 6)}",
                    f"REF {digits(r, 4)} {digits(r, 4)}",
                    f"{digits(r, 2)}.{digits(r, 3)}.{digits(r, 3)}",
                    f"Nr. {digits(r, 7)}",
                ]
            )
        raise ValueError(what)

    def LAW(self, topic: str):
        def pick() -> str:
            opts = LAW[topic][self.lang]
            if self.lang == "en":
                us = [o[3:] for o in opts if o.startswith("US:")]
                gb = [o for o in opts if not o.startswith("US:")]
                opts = (us or gb) if self.country == "US" else gb
            return self.r.choice(opts)

        return self.K("law_citation", pick)

    def CO(self, purpose: str):
        return self.K("company", lambda: self.r.choice(COMPANIES[purpose][self.lang]))

    def INST(self):
        return self.K("institution", lambda: self.r.choice(INSTITUTIONS[self.lang]))

    def T(self, s: str):
        return lambda: self.d.t(s)

    def std(self) -> dict:
        """Fillers every shape may use."""
        return {
            "date": self.K("date"),
            "amount": self.K("amount"),
            "ref": self.K("reference_number"),
            "eponym": self.K("medical_eponym"),
            "icd": self.K("icd_code"),
            "drug": self.K("drug_dosage"),
            "street": self.K("street_name"),
            "inv": self.K("invoice_number"),
            "case": self.K("case_number"),
            "claim": self.K("claim_number"),
            "range": self.K("reference_range"),
            "brand": self.K("brand"),
            "inst": self.INST(),
            "tier": self.K("membership_tier"),
            "locker": self.K("locker_number"),
            "seat": self.K("seat_number"),
            "intacct": self.K("internal_account"),
            "plot": self.K("grave_plot"),
            "badge": self.K("badge_number"),
            "empno": self.K("employee_number"),
            "pnr": self.K("booking_reference"),
            "car": self.K("product_name"),
            "last4": self.K("card_last_four"),
            "classcode": self.K("class_code"),
            "donor": self.K("donor_number"),
        }


# ----------------------------------------------------------------------------------------------------------
# Labels and sentences (en, de, fr, es, it, nl)
# ----------------------------------------------------------------------------------------------------------
def lbl(*rows: str) -> dict[str, tuple[str, ...]]:
    out = {}
    for row in rows:
        key, rest = row.split("=", 1)
        vals = tuple(v.strip() for v in rest.split("|"))
        assert len(vals) == 6, key
        out[key.strip()] = vals
    return out


LBL = lbl(
    "born= born | geb. | né(e) le | nacido/a el | nato/a il | geboren",
    "patient= Patient | Patient(in) | Patient | Paciente | Paziente | Patiënt",
    "dob_l= Date of birth | Geburtsdatum | Date de naissance | Fecha de nacimiento | Data di nascita "
    "| Geboortedatum",
    "surname= Surname | Nachname | Nom | Apellidos | Cognome | Achternaam",
    "given= First name(s) | Vorname | Prénom | Nombre | Nome | Voornaam",
    "name_l= Name | Name | Nom et prénom | Nombre y apellidos | Nome e cognome | Naam",
    "address= Address | Anschrift | Adresse | Domicilio | Indirizzo | Adres",
    "phone_l= Phone | Telefon | Téléphone | Teléfono | Telefono | Telefoon",
    "mobile= Mobile | Handy | Portable | Móvil | Cellulare | Mobiel",
    "email= Email | E-Mail | Courriel | Correo electrónico | E-mail | E-mail",
    "signed= Signed | Unterschrift | Signature | Firma | Firma | Handtekening",
    "date_l= Date | Datum | Date | Fecha | Data | Datum",
    "card_word= debit card | Karte | carte | tarjeta | carta | kaart",
    "dr= Dr | Dr. | Dr | Dra. | Dott. | dr.",
    "gp= GP | Hausarzt | Médecin traitant | Médico de cabecera | Medico di base | Huisarts",
    "diagnosis= Diagnosis | Diagnose | Diagnostic | Diagnóstico | Diagnosi | Diagnose",
    "referred= Referred by | Überweisung durch | Adressé par | Derivado por | Inviato da | Verwezen door",
    "next_appt= Next appointment | Nächster Termin | Prochain rendez-vous | Próxima cita | Prossimo "
    "appuntamento"
    " | Volgende afspraak",
    "therapist= Physiotherapist | Physiotherapeut(in) | Kinésithérapeute | Fisioterapeuta | Fisioterapista"
    " | Fysiotherapeut",
    "physio_title= Physiotherapy progress note | Physiotherapie – Verlaufsdokumentation | Bilan de "
    "kinésithérapie"
    " | Nota de evolución de fisioterapia | Diario di fisioterapia | Fysiotherapie voortgangsverslag",
    "physio_s1= {pgiven} reports less pain on stairs; knee flexion improved since {date}."
    " | {pgiven} berichtet über weniger Schmerzen beim Treppensteigen; Beugung seit {date} verbessert."
    " | {pgiven} signale moins de douleur dans les escaliers ; flexion améliorée depuis le {date}."
    " | {pgiven} refiere menos dolor al subir escaleras; mejora de la flexión desde el {date}."
    " | {pgiven} riferisce meno dolore sulle scale; flessione migliorata dal {date}."
    " | {pgiven} meldt minder pijn bij traplopen; flexie verbeterd sinds {date}.",
    "physio_s2= Home exercises reviewed with {pgiven}; call {pphone} to rebook."
    " | Heimübungen mit {pgiven} besprochen; Terminänderung unter {pphone}."
    " | Exercices à domicile revus avec {pgiven} ; joignable au {pphone}."
    " | Ejercicios domiciliarios revisados con {pgiven}; contacto: {pphone}."
    " | Esercizi a domicilio rivisti con {pgiven}; recapito {pphone}."
    " | Thuisoefeningen doorgenomen met {pgiven}; bereikbaar op {pphone}.",
    "fee_l= Fee | Honorar | Montant | Importe | Importo | Bedrag",
    "donor_title= Blood donor health questionnaire | Blutspende – Spenderfragebogen | Don du sang – "
    "questionnaire"
    " pré-don | Donación de sangre – cuestionario | Donazione di sangue – questionario"
    " | Bloeddonor – gezondheidsvragenlijst",
    "donor_no= Donor no. | Spendernummer | N° donneur | Nº de donante | Codice donatore | Donornummer",
    "sex_l= Sex | Geschlecht | Sexe | Sexo | Sesso | Geslacht",
    "last_donation= Last donation | Letzte Spende | Dernier don | Última donación | Ultima donazione "
    "| Laatste donatie",
    "donor_s1= I have not had a tattoo, piercing or acupuncture since {date}."
    " | Seit {date} keine Tätowierung, kein Piercing und keine Akupunktur."
    " | Aucun tatouage, piercing ou acupuncture depuis le {date}."
    " | Sin tatuajes, piercings ni acupuntura desde el {date}. | Nessun tatuaggio, piercing o "
    "agopuntura dal {date}."
    " | Geen tatoeage, piercing of acupunctuur sinds {date}.",
    "enrol_title= Pupil enrolment form | Schulanmeldung | Fiche d'inscription | Solicitud de matrícula"
    " | Modulo di iscrizione | Inschrijfformulier",
    "child= Pupil | Schüler(in) | Élève | Alumno/a | Alunno/a | Leerling",
    "class_l= Class | Klasse | Classe | Curso | Classe | Groep",
    "home_addr= Home address | Wohnanschrift | Domicile | Domicilio familiar | Residenza | Woonadres",
    "parent1= Parent/carer 1 | Erziehungsberechtigte(r) 1 | Responsable légal 1 | Padre/madre/tutor "
    "1 | Genitore 1"
    " | Ouder/verzorger 1",
    "parent2= Parent/carer 2 | Erziehungsberechtigte(r) 2 | Responsable légal 2 | Padre/madre/tutor "
    "2 | Genitore 2"
    " | Ouder/verzorger 2",
    "emergency= Emergency contact | Notfallkontakt | Personne à prévenir | Contacto de emergencia"
    " | Contatto di emergenza | Contactpersoon bij nood",
    "enrol_s1= {cgiven} has a nut allergy; {cgiven}'s care plan is attached."
    " | {cgiven} hat eine Nussallergie; der Notfallplan liegt bei. | {cgiven} est allergique aux "
    "fruits à coque ;"
    " PAI joint. | {cgiven} es alérgico/a a los frutos secos; se adjunta informe."
    " | {cgiven} è allergico/a alla frutta secca; si allega il piano. | {cgiven} heeft een "
    "notenallergie; het zorgplan"
    " is bijgevoegd.",
    "locker= Locker | Spind | Casier | Taquilla | Armadietto | Kluisje",
    "rp_title= Residence permit application | Antrag auf Erteilung eines Aufenthaltstitels | Demande "
    "de titre de"
    " séjour | Solicitud de autorización de residencia | Richiesta di permesso di soggiorno | Aanvraag"
    " verblijfsvergunning",
    "case_l= Case no. | Aktenzeichen | N° de dossier | Nº de expediente | N. pratica | Zaaknummer",
    "pob= Place of birth | Geburtsort | Lieu de naissance | Lugar de nacimiento | Luogo di nascita | "
    "Geboorteplaats",
    "nationality= Nationality | Staatsangehörigkeit | Nationalité | Nacionalidad | Cittadinanza | "
    "Nationaliteit",
    "employer= Employer | Arbeitgeber | Employeur | Empleador | Datore di lavoro | Werkgever",
    "spouse= Spouse | Ehepartner(in) | Conjoint(e) | Cónyuge | Coniuge | Echtgeno(o)t(e)",
    "legal_basis= Legal basis | Rechtsgrundlage | Fondement | Base legal | Riferimento normativo | Grondslag",
    "fee= Fee | Gebühr | Taxe | Tasa | Contributo | Leges",
    "appt= Appointment | Termin | Rendez-vous | Cita | Appuntamento | Afspraak",
    "rp_s1= Please bring your passport and a biometric photo. | Bitte bringen Sie Reisepass und ein "
    "biometrisches"
    " Lichtbild mit. | Merci de vous munir de votre passeport et d'une photo d'identité. | Aporte "
    "pasaporte y una"
    " fotografía reciente. | Portare passaporto e due fototessere. | Neem uw paspoort en een pasfoto mee.",
    "kyc_title= Customer due diligence form | Legitimationsprüfung / KYC-Bogen | Fiche de "
    "connaissance client (KYC)"
    " | Formulario de diligencia debida (KYC) | Modulo di adeguata verifica (KYC) | Cliëntonderzoek (KYC)",
    "customer_no= Customer no. | Kundennummer | N° client | Nº de cliente | Codice cliente | Klantnummer",
    "prev_addr= Previous address | Frühere Anschrift | Adresse précédente | Domicilio anterior | "
    "Indirizzo precedente"
    " | Vorig adres",
    "acct_l= Linked account | Referenzkonto | Compte de référence | Cuenta asociada | Conto collegato"
    " | Tegenrekening",
    "card_l= Card | Karte | Carte | Tarjeta | Carta | Kaart",
    "internal_ref= Internal ledger ref. | Interne Kontoreferenz | Réf. compte interne | Ref. cuenta interna"
    " | Rif. conto interno | Interne rekeningref.",
    "occupation= Occupation | Beruf | Profession | Profesión | Professione | Beroep",
    "pep= PEP | PEP | PPE | PRP | PEP | PEP",
    "no= No | Nein | Non | No | No | Nee",
    "source_funds= Source of funds | Herkunft der Mittel | Origine des fonds | Origen de los fondos"
    " | Origine dei fondi | Herkomst vermogen",
    "kyc_s1= Identity verified in branch under {law}. | Identifizierung in der Filiale gemäß {law}."
    " | Identité vérifiée en agence conformément à l'{law}. | Identidad verificada en oficina "
    "conforme a la {law}."
    " | Identità verificata in filiale ai sensi del {law}. | Identiteit geverifieerd op kantoor "
    "conform {law}.",
    "officer= Checked by | Geprüft von | Vérifié par | Verificado por | Verificato da | Gecontroleerd door",
    "dep_title= Tenancy deposit receipt | Quittung über die Mietkaution | Reçu de dépôt de garantie"
    " | Recibo de fianza | Ricevuta deposito cauzionale | Ontvangstbewijs waarborgsom",
    "dep_s1= Received from {tname} the sum of {amount} as deposit for {paddr}."
    " | Erhalten von {tname} den Betrag von {amount} als Kaution für {paddr}."
    " | Reçu de {tname} la somme de {amount} au titre du dépôt de garantie pour le logement situé {paddr}."
    " | Recibí de {tname} la cantidad de {amount} en concepto de fianza de la vivienda sita en {paddr}."
    " | Ricevo da {tname} la somma di {amount} a titolo di deposito cauzionale per l'immobile in {paddr}."
    " | Ontvangen van {tname} het bedrag van {amount} als waarborgsom voor {paddr}.",
    "landlord= Landlord | Vermieter(in) | Bailleur | Arrendador | Locatore | Verhuurder",
    "tenant_l= Tenant | Mieter(in) | Locataire | Arrendatario | Conduttore | Huurder",
    "refund_acct= Refund to | Rückzahlung auf | Restitution sur | Devolución a | Restituzione su | "
    "Terugbetaling op",
    "dep_s2= Protected under {law}; scheme reference {ref}. | Anlage gemäß {law}; Referenz {ref}."
    " | Conformément à l'{law} ; réf. {ref}. | Depositada según el {law}; ref. {ref}."
    " | Ai sensi dell'{law}; rif. {ref}. | Conform {law}; kenmerk {ref}.",
    "car_title= Rental agreement | Mietvertrag | Contrat de location | Contrato de alquiler | "
    "Contratto di noleggio"
    " | Huurovereenkomst",
    "renter= Hirer | Mieter | Locataire | Arrendatario | Cliente | Huurder",
    "add_driver= Additional driver | Zusatzfahrer(in) | Conducteur additionnel | Conductor adicional"
    " | Secondo conducente | Extra bestuurder",
    "vehicle= Vehicle | Fahrzeug | Véhicule | Vehículo | Veicolo | Voertuig",
    "pickup= Out | Abholung | Départ | Recogida | Ritiro | Ophalen",
    "return_l= Due back | Rückgabe | Retour | Devolución | Riconsegna | Inleveren",
    "deposit_l= Deposit | Kaution | Caution | Fianza | Deposito | Borg",
    "booking_ref= Booking ref. | Buchungsnr. | Réf. réservation | Localizador | Cod. prenotazione | "
    "Boekingscode",
    "car_s1= {rgiven} declined the collision damage waiver; excess {amount}."
    " | {rgiven} hat die Vollkasko abgelehnt; Selbstbeteiligung {amount}."
    " | {rgiven} refuse l'assurance tous risques ; franchise {amount}."
    " | {rgiven} rechaza el seguro a todo riesgo; franquicia {amount}."
    " | {rgiven} rifiuta la copertura Kasko; franchigia {amount}. | {rgiven} weigert de all-riskverzekering;"
    " eigen risico {amount}.",
    "agent= Agent | Mitarbeiter(in) | Agent | Agente | Operatore | Medewerker",
    "gym_title= Membership application | Mitgliedsantrag | Demande d'adhésion | Solicitud de alta"
    " | Modulo di iscrizione socio | Inschrijfformulier lidmaatschap",
    "member_no= Member no. | Mitgliedsnr. | N° adhérent | Nº de socio | N. tessera | Lidnummer",
    "tier= Plan | Tarif | Formule | Cuota | Abbonamento | Abonnement",
    "dd_acct= Direct debit from | Lastschrift von | Prélèvement sur | Domiciliación en | Addebito su "
    "| Incasso van",
    "start= Start date | Beginn | Début | Alta | Inizio | Ingangsdatum",
    "gym_s1= Trainer {trname} will book {pgiven} in for an induction."
    " | Trainer(in) {trname} vereinbart mit {pgiven} ein Einführungstraining."
    " | Le coach {trname} contactera {pgiven} pour la séance découverte."
    " | El monitor {trname} llamará a {pgiven} para la sesión inicial."
    " | L'istruttore {trname} contatterà {pgiven} per la prova. | Trainer {trname} plant een intake "
    "met {pgiven}.",
    "fee_month= Monthly fee | Monatsbeitrag | Mensualité | Cuota mensual | Quota mensile | Maandbedrag",
    "fun_title= Funeral arrangement record | Bestattungsauftrag | Bon de commande obsèques"
    " | Contratación de servicio funerario | Incarico per servizio funebre | Opdracht uitvaartverzorging",
    "deceased= Deceased | Verstorbene(r) | Défunt(e) | Fallecido/a | Defunto/a | Overledene",
    "died= died | gest. | décédé(e) le | fallecido/a el | deceduto/a il | overleden",
    "last_addr= Last address | Letzte Anschrift | Dernier domicile | Último domicilio | Ultima residenza"
    " | Laatste adres",
    "informant= Arranged by | Auftraggeber(in) | Donneur d'ordre | Contratante | Committente | Opdrachtgever",
    "inf_addr= Correspondence address | Anschrift Auftraggeber(in) | Adresse du donneur d'ordre"
    " | Domicilio del contratante | Indirizzo committente | Adres opdrachtgever",
    "ceremony= Service | Trauerfeier | Cérémonie | Ceremonia | Funzione | Afscheidsdienst",
    "plot= Plot | Grabstelle | Concession | Nicho | Loculo | Grafnummer",
    "fun_s1= The cortège will leave from {street} at 10:30. | Treffpunkt Trauerzug: {street}, 10:30 Uhr."
    " | Départ du cortège : {street}, 10 h 30. | El cortejo saldrá de la {street} a las 10:30."
    " | Il corteo partirà da {street} alle 10:30. | De rouwstoet vertrekt om 10.30 uur vanaf de {street}.",
    "total= Total | Gesamt | Total | Total | Totale | Totaal",
    "invoice_l= Invoice | Rechnung | Facture | Factura | Fattura | Factuur",
    "wed_title= Wedding booking confirmation | Hochzeitsbuchung | Réservation mariage | Reserva de boda"
    " | Prenotazione matrimonio | Bevestiging trouwlocatie",
    "event_date= Wedding date | Datum der Feier | Date du mariage | Fecha de la boda | Data delle "
    "nozze | Trouwdatum",
    "couple= Couple | Brautpaar | Les mariés | Novios | Sposi | Bruidspaar",
    "contact1= Contact 1 | Kontakt 1 | Contact 1 | Contacto 1 | Contatto 1 | Contact 1",
    "contact2= Contact 2 | Kontakt 2 | Contact 2 | Contacto 2 | Contatto 2 | Contact 2",
    "corr_addr= Postal address | Postanschrift | Adresse postale | Dirección postal | Indirizzo "
    "postale | Postadres",
    "guests= Guests | Gäste | Invités | Invitados | Invitati | Gasten",
    "seat_l= Top table seat | Platz Brauttisch | Place table d'honneur | Mesa presidencial | Tavolo sposi"
    " | Plaats bruidstafel",
    "paid_card= paid by card | bezahlt mit Karte | réglé par carte | pagado con tarjeta | pagato con carta"
    " | betaald met kaart",
    "wed_s1= {cname} will meet {agiven} and {bgiven} on {date} for the tasting."
    " | {cname} trifft {agiven} und {bgiven} am {date} zum Probeessen."
    " | {cname} recevra {agiven} et {bgiven} le {date} pour la dégustation."
    " | {cname} recibirá a {agiven} y {bgiven} el {date} para la prueba de menú."
    " | {cname} incontrerà {agiven} e {bgiven} il {date} per la degustazione."
    " | {cname} ontvangt {agiven} en {bgiven} op {date} voor de proeverij.",
    "planner= Coordinator | Ansprechpartner(in) | Coordinatrice | Coordinadora | Wedding planner | "
    "Coördinator",
    "drv_title= Learner record | Ausbildungsnachweis | Livret d'apprentissage | Ficha de alumno | "
    "Scheda allievo"
    " | Leerlingkaart",
    "student= Learner | Fahrschüler(in) | Élève | Alumno/a | Allievo/a | Leerling",
    "instructor= Instructor | Fahrlehrer(in) | Moniteur | Profesor/a | Istruttore | Instructeur",
    "lessons= Lessons | Fahrstunden | Leçons | Clases | Guide | Lessen",
    "drv_s1= Route via {street}; {sgiven} must practise roundabouts. | Route über {street}; {sgiven} muss"
    " Kreisverkehre üben. | Parcours par {street} ; {sgiven} doit travailler les ronds-points."
    " | Recorrido por {street}; {sgiven} debe practicar rotondas."
    " | Percorso lungo {street}; {sgiven} deve esercitarsi nelle rotatorie."
    " | Route via de {street}; {sgiven} moet rotondes oefenen.",
    "exam= Test date | Prüfungstermin | Examen | Examen práctico | Esame pratico | Praktijkexamen",
    "exam_ref= Test ref. | Prüfauftrag | N° de dossier ANTS | Nº de expediente DGT | Rif. Motorizzazione"
    " | CBR-reservering",
    "wit_title= Witness statement | Zeugenvernehmung | Procès-verbal d'audition de témoin | "
    "Declaración testifical"
    " | Verbale di sommarie informazioni | Getuigenverklaring",
    "witness= Witness | Zeuge/Zeugin | Témoin | Testigo | Persona informata | Getuige",
    "wit_s1= On {date} at about 22:40 I was outside the chip shop on {street} when I saw a man I "
    "know as {oname}"
    " arguing with {vname}. | Am {date} gegen 22:40 Uhr stand ich Ecke {street}, als ich sah, wie ein Mann,"
    " den ich als {oname} kenne, mit {vname} stritt. | Le {date} vers 22 h 40, je me trouvais {street} quand"
    " j'ai vu un homme que je connais sous le nom de {oname} se disputer avec {vname}."
    " | El {date}, sobre las 22:40, me encontraba en la {street} cuando vi a un hombre al que conozco como"
    " {oname} discutir con {vname}. | Il {date} verso le 22:40 mi trovavo in {street} quando ho visto un uomo"
    " che conosco come {oname} litigare con {vname}. | Op {date} rond 22.40 uur stond ik op de {street} toen"
    " ik een man die ik ken als {oname} ruzie zag maken met {vname}.",
    "wit_s2= {ogiven} pushed {vgiven} against a car. I rang 999. | {ogiven} schubste {vgiven} gegen ein Auto."
    " Ich rief die 110. | {ogiven} a poussé {vgiven} contre une voiture. J'ai appelé le 17."
    " | {ogiven} empujó a {vgiven} contra un coche. Llamé al 112. | {ogiven} ha spinto {vgiven} "
    "contro un'auto."
    " Ho chiamato il 112. | {ogiven} duwde {vgiven} tegen een auto. Ik belde 112.",
    "wit_s3= This statement is true to the best of my knowledge ({law}). | Belehrt gemäß {law}."
    " | Entendu(e) en application de l'{law}. | Advertido/a conforme al {law}. | Sentito/a ai sensi "
    "dell'{law}."
    " | Gehoord conform {law}.",
    "officer_p= Officer | Sachbearbeiter(in) | OPJ | Agente instructor | Ufficiale di P.G. | Verbalisant",
    "ben_title= Claim for unemployment benefit | Antrag auf Arbeitslosengeld | Demande d'allocation "
    "chômage (ARE)"
    " | Solicitud de prestación por desempleo | Domanda NASpI | Aanvraag WW-uitkering",
    "claim_l= Claim no. | Vorgangsnummer | N° de demande | Nº de solicitud | N. domanda | Aanvraagnummer",
    "claimant= Claimant | Antragsteller(in) | Demandeur | Solicitante | Richiedente | Aanvrager",
    "pay_into= Pay into | Auszahlung auf | Versement sur | Abono en | Accredito su | Uitbetalen op",
    "partner= Partner | Partner(in) | Conjoint(e) | Cónyuge/pareja | Coniuge | Partner",
    "child_l= Child | Kind | Enfant | Hijo/a | Figlio/a | Kind",
    "last_employer= Last employer | Letzter Arbeitgeber | Dernier employeur | Última empresa"
    " | Ultimo datore di lavoro | Laatste werkgever",
    "ben_s1= Interview with work coach {cname} on {date}. | Beratungsgespräch bei {cname} am {date}."
    " | Entretien avec {cname}, conseiller France Travail, le {date}. | Cita con la tramitadora "
    "{cname} el {date}."
    " | Colloquio con l'operatore {cname} il {date}. | Gesprek met werkcoach {cname} op {date}.",
    "care_title= Care home admission record | Heimaufnahmebogen | Dossier d'admission en EHPAD"
    " | Ficha de ingreso en residencia | Scheda di ingresso RSA | Opnameformulier verpleeghuis",
    "resident= Resident | Bewohner(in) | Résident(e) | Residente | Ospite | Bewoner",
    "nok= Next of kin | Angehörige(r) | Personne de confiance | Familiar de referencia | Familiare "
    "di riferimento"
    " | Eerste contactpersoon",
    "nok_addr= NOK address | Anschrift Angehörige(r) | Adresse | Domicilio | Indirizzo | Adres",
    "nok_contact= NOK contact | Erreichbarkeit | Coordonnées | Contacto | Recapiti | Bereikbaar",
    "meds= Medication | Medikation | Traitement | Medicación | Terapia | Medicatie",
    "care_s1= {rgiven} prefers to be called {nick}; hearing aid in the left ear."
    " | {rgiven} möchte mit {nick} angesprochen werden; Hörgerät links."
    " | {rgiven} préfère qu'on l'appelle {nick} ; appareil auditif à gauche."
    " | {rgiven} prefiere que la llamen {nick}; audífono en el oído izquierdo."
    " | {rgiven} preferisce essere chiamato/a {nick}; apparecchio acustico a sinistra."
    " | {rgiven} wil graag {nick} genoemd worden; gehoorapparaat links.",
    "admitted= Admitted | Einzug | Entrée | Ingreso | Ingresso | Opname",
    "key_worker= Key worker | Bezugspflegekraft | Référent(e) | Auxiliar de referencia | Operatore "
    "di riferimento"
    " | Eerstverantwoordelijke",
    "session= Session | Sitzung | Session | Sesión | Sessione | Sessie",
    "bot_hello= Hello, I am the virtual assistant. How can I help you today? | Hallo, ich bin der digitale"
    " Assistent. Wie kann ich helfen? | Bonjour, je suis l'assistant virtuel. Comment puis-je vous aider ?"
    " | Hola, soy el asistente virtual. ¿En qué puedo ayudarle? | Ciao, sono l'assistente virtuale. "
    "Come posso"
    " aiutarti? | Hallo, ik ben de digitale assistent. Waarmee kan ik helpen?",
    "user1= hi its {uname} i moved house and need to update my details | hallo hier ist {uname}, bin "
    "umgezogen und"
    " muss meine daten ändern | bonjour c'est {uname} j'ai déménagé il faut changer mon adresse | hola soy"
    " {uname}, me he mudado y quiero cambiar mis datos | ciao sono {uname} ho cambiato casa devo "
    "aggiornare i dati"
    " | hoi, met {uname}, ik ben verhuisd en wil mijn gegevens aanpassen",
    "bot_dob= To verify you, please type your date of birth. | Zur Prüfung nennen Sie bitte Ihr Geburtsdatum."
    " | Pour vérifier votre identité, indiquez votre date de naissance. | Para verificarle, indique "
    "su fecha de"
    " nacimiento. | Per verificarti, scrivi la tua data di nascita. | Ter controle: wat is uw geboortedatum?",
    "bot_addr= Thanks. What is your new address? | Danke. Wie lautet die neue Anschrift? | Merci. "
    "Quelle est votre"
    " nouvelle adresse ? | Gracias. ¿Cuál es su nueva dirección? | Grazie. Qual è il nuovo "
    "indirizzo? | Dank u."
    " Wat is uw nieuwe adres?",
    "bot_pay= Please enter the card you want to pay with. | Bitte geben Sie die Karte für die Zahlung ein."
    " | Saisissez la carte de paiement. | Introduzca la tarjeta de pago. | Inserisci la carta di pagamento."
    " | Voer de betaalkaart in.",
    "user_iban= and refunds to {iban} please | erstattungen bitte auf {iban} | et les remboursements "
    "sur {iban}"
    " | y las devoluciones a {iban} | e i rimborsi su {iban} | en terugbetalingen naar {iban}",
    "bot_ok= Done. Card ending {last4} is saved; confirmation sent to {email}. | Erledigt. Karte mit "
    "Endziffern"
    " {last4} gespeichert, Bestätigung an {email}. | C'est fait. Carte se terminant par {last4} enregistrée,"
    " confirmation envoyée à {email}. | Listo. Tarjeta terminada en {last4} guardada; confirmación enviada a"
    " {email}. | Fatto. Carta che termina con {last4} salvata, conferma inviata a {email}. | Klaar. Kaart"
    " eindigend op {last4} opgeslagen, bevestiging naar {email}.",
    "user_phone= also new mobile is {phone} | neue handynummer ist {phone} | et mon nouveau portable c'est le"
    " {phone} | mi móvil nuevo es el {phone} | il nuovo cellulare è {phone} | mijn nieuwe nummer is {phone}",
    "sms_header= # SMS reminder batch | # SMS-Erinnerungen, Stapel | # Lot de rappels SMS"
    " | # Lote de recordatorios SMS | # Lotto promemoria SMS | # Batch sms-herinneringen",
    "sms_msg= Hi {given}, reminder: appointment {date} at {time} with Dr {drsur}. Reply C to cancel."
    " | Hallo {given}, Erinnerung: Termin am {date} um {time} bei Dr. {drsur}. Absage mit C."
    " | Bonjour {given}, rappel : RDV le {date} à {time} avec le Dr {drsur}. Répondez A pour annuler."
    " | Hola {given}, le recordamos su cita el {date} a las {time} con la Dra. {drsur}. Responda C "
    "para anular."
    " | Gentile {given}, promemoria: visita il {date} alle {time} con il dott. {drsur}. Rispondi A "
    "per annullare."
    " | Beste {given}, herinnering: afspraak op {date} om {time} bij dr. {drsur}. Antwoord A om te "
    "annuleren.",
    "org_title= # Org chart export | # Organigramm-Export | # Export organigramme | # Exportación de "
    "organigrama"
    " | # Esportazione organigramma | # Export organogram",
)

ORGS = {
    "physio": per_lang(
        "GB:Riverside Physiotherapy|US:Lakeview Physical Therapy|US:Summit PT & Rehab",
        "Physiotherapie am Markt|Praxis für Physiotherapie Nordstadt",
        "Cabinet de kinésithérapie des Halles",
        "Clínica de Fisioterapia Alameda",
        "Studio di Fisioterapia Centro Moto",
        "Fysiotherapie De Linde|Fysio Centrum Oost",
    ),
    "blood": per_lang(
        "GB:NHS Blood and Transplant|GB:Welsh Blood Service",
        "DRK-Blutspendedienst West",
        "Établissement français du sang",
        "Centro de Transfusión Comunitario",
        "AVIS – Unità di Raccolta",
        "Sanquin Bloedbank",
    ),
    "imm": per_lang(
        "GB:UK Visas and Immigration",
        "Ausländerbehörde|Landesamt für Einwanderung",
        "Préfecture – Service des étrangers",
        "Oficina de Extranjería",
        "Questura – Ufficio Immigrazione",
        "IND – Immigratie- en Naturalisatiedienst",
    ),
    "bank": per_lang(
        "GB:Northbridge Bank plc|US:Prairie State Credit Union",
        "Sparkasse Mittelland|Volksbank Nordheide",
        "Banque Régionale de l'Ouest",
        "Caja Rural del Norte",
        "Banca Popolare del Centro",
        "Noordelijke Spaarbank",
    ),
    "agency": per_lang(
        "GB:Jobcentre Plus|US:Department of Labor – Unemployment Insurance",
        "Agentur für Arbeit",
        "France Travail",
        "Servicio Público de Empleo Estatal",
        "INPS – Sede provinciale",
        "UWV",
    ),
    "police": per_lang(
        "GB:West Yorkshire Police|GB:Avon and Somerset Constabulary",
        "Polizeipräsidium Mittelfranken",
        "Commissariat de police",
        "Comisaría de Policía Nacional",
        "Comando Stazione Carabinieri",
        "Politie Eenheid Midden-Nederland",
    ),
    "care": per_lang(
        "GB:Meadowbank Care Home|GB:The Laurels Nursing Home",
        "Seniorenresidenz Am Park",
        "EHPAD Les Glycines",
        "Residencia Virgen del Camino",
        "RSA Villa Serena",
        "Zorgcentrum De Hofstede",
    ),
    "clinic": per_lang(
        "GB:Parkside Dental Practice|US:Brookside Family Medicine",
        "Praxis am Rathaus",
        "Cabinet médical du Centre",
        "Clínica Dental Sonrisa",
        "Poliambulatorio San Luca",
        "Tandartspraktijk Centrum",
    ),
    "firm": per_lang(
        "GB:Brightwave Logistics Ltd|US:Cobalt Ridge Analytics Inc.",
        "Nordlicht Software GmbH",
        "Solvéo SAS",
        "Tecnored S.L.",
        "Alfa Impianti S.r.l.",
        "Polderdata B.V.",
    ),
    "telco": per_lang(
        "GB:Lumen Broadband|US:Clearpath Wireless",
        "Stadtwerke Nordhafen",
        "Ondéo Mobile",
        "Conecta Telecom",
        "Luce&Gas Italia",
        "Netwerk Energie",
    ),
}
REL = per_lang(
    "daughter|son|niece|brother|wife|neighbour",
    "Tochter|Sohn|Nichte|Bruder|Ehefrau|Nachbar",
    "fille|fils|nièce|frère|épouse|voisin",
    "hija|hijo|sobrina|hermano|esposa|vecino",
    "figlia|figlio|nipote|fratello|moglie|vicino",
    "dochter|zoon|nicht|broer|echtgenote|buurman",
)
JOBS = per_lang(
    "nurse|electrician|teacher|warehouse operative|accountant|bus driver",
    "Pflegefachfrau|Elektriker|Lehrerin|Lagerist|Buchhalter|Busfahrer",
    "infirmière|électricien|professeur|cariste|comptable|chauffeur de bus",
    "enfermera|electricista|profesor|mozo de almacén|contable|conductor de autobús",
    "infermiera|elettricista|insegnante|magazziniere|contabile|autista",
    "verpleegkundige|elektricien|docent|magazijnmedewerker|boekhouder|buschauffeur",
)
SRC = per_lang(
    "salary|pension|sale of property|inheritance",
    "Gehalt|Rente|Immobilienverkauf|Erbschaft",
    "salaire|pension|vente immobilière|succession",
    "nómina|pensión|venta de inmueble|herencia",
    "stipendio|pensione|vendita immobile|eredità",
    "salaris|pensioen|verkoop woning|erfenis",
)
NAT_LOCAL = per_lang("British|American", "deutsch", "française", "española", "italiana", "Nederlandse")
TEAMS = per_lang(
    "Finance|Customer Support|Warehouse",
    "Buchhaltung|Kundenservice|Lager",
    "Comptabilité|Service client|Logistique",
    "Contabilidad|Atención al cliente|Almacén",
    "Amministrazione|Assistenza clienti|Magazzino",
    "Financiën|Klantenservice|Magazijn",
)
NAT_KEY = {
    "GB": "ni_number",
    "US": "ssn",
    "DE": "steuer_id",
    "FR": "nir",
    "ES": "dni",
    "IT": "codice_fiscale",
    "NL": "bsn",
}


# ----------------------------------------------------------------------------------------------------------
# Document shapes
# ----------------------------------------------------------------------------------------------------------
def org_name(g: G, purpose: str) -> str:
    opts = ORGS[purpose][g.lang]
    if g.lang == "en":
        opts = [o[3:] for o in opts if o.startswith(g.country + ":")] or [o[3:] for o in opts]
    return g.pick(opts)


def base(g: G) -> dict:
    f = g.std()
    f["org"] = lambda: g.d.t(org_name(g, g.purpose))
    f["rel"] = lambda: g.d.t(g.pick(REL[g.lang]))
    f["job"] = lambda: g.d.t(g.pick(JOBS[g.lang]))
    f["law"] = g.LAW(g.topic)
    return f


def say(g: G, fn):
    """Filler that writes a given name alone (a later, first-name-only reference)."""
    return fn


SK = {
    "physio_note": """
{org}
{oaddr} · Tel. {ophone}
[physio_title] · {date}
[patient]: {pname}, [born] {pdob}
{mrn}
{natid}
[referred]: [dr] {drsur}
[diagnosis]: {eponym} ({icd})
[physio_s1]
[physio_s2]
[next_appt]: {date} · [fee_l]: {amount}
[therapist]: {thname}
""",
    "blood_donor_form": """
{org} – [donor_title]
{oaddr}
[donor_no]: {donor}
[surname]: {psur}
[given]: {pgiv}
[dob_l]: {pdob} · [sex_l]: {sex}
[address]: {paddr}
[mobile]: {pmob} · [email]: {pemail}
{natid}
?{mrn}
[last_donation]: {date} · Hb {range}
[gp]: [dr] {drsur}, {gphone}
[donor_s1]
[signed]: {pname} · {date}
""",
    "school_enrolment": """
{school} – [enrol_title]
{oaddr}
[child]: {cname}
[dob_l]: {cdob} · [class_l]: {classcode}
?{cnat}
[home_addr]: {addr}
[parent1]: {p1name} · {p1phone} · {p1email}
?[parent2]: {p2name} · {p2phone}
[emergency]: {ecname} ({rel}), {ecphone}
[enrol_s1]
?[locker]: {locker}
[signed]: {p1sig}, {date}
""",
    "residence_permit_application": """
{org} – [rp_title]
{oaddr}
[case_l]: {case}
[surname]: {psur}
[given]: {pgiv}
[dob_l]: {pdob} · [pob]: {pob} · [nationality]: {nat}
{natid}
[address]: {paddr}
[phone_l]: {pphone} · [email]: {pemail}
[employer]: {emp}, {eaddr}
?[spouse]: {sname}, [born] {sdob}, {snat}
[legal_basis]: {law}
[fee]: {amount} · [appt]: {date}
[rp_s1]
""",
    "kyc_form": """
{org} – [kyc_title]
{oaddr}
[customer_no]: {ref}
[name_l]: {pname}
[dob_l]: {pdob} · [nationality]: {nat}
{natid}
[address]: {paddr}
?[prev_addr]: {paddr2}
[phone_l]: {pphone} · [email]: {pemail}
[acct_l]: {iban}
?[card_l]: {card}
[internal_ref]: {intacct}
[occupation]: {job} · [pep]: [no]
?[source_funds]: {src}
[kyc_s1]
[officer]: {oname}, {date}
""",
    "deposit_receipt": """
[dep_title]
[dep_s1]
[landlord]: {lname}
{lblock}
[phone_l]: {lphone}
[tenant_l]: {tname2}, [born] {tdob}
[email]: {temail} · [mobile]: {tphone}
[refund_acct]: {iban}
[dep_s2]
[date_l]: {date} · [signed]: {lsig}
""",
    "car_rental_agreement": """
{co} – [car_title] {ref}
{oaddr}
[renter]: {rname}
[dob_l]: {rdob}
[address]: {raddr}
[phone_l]: {rphone} · [email]: {remail}
[card_l]: {card}
?[refund_acct]: {iban}
?[add_driver]: {aname}, [born] {adob}
[vehicle]: {car}
[pickup]: {date} · [return_l]: {date}
[deposit_l]: {amount} · [booking_ref]: {pnr}
[car_s1]
[agent]: {agname}
""",
    "gym_membership": """
{co} – [gym_title]
{oaddr}
[member_no]: {ref} · [tier]: {tier}
[name_l]: {pname}
[dob_l]: {pdob}
[address]: {paddr}
[mobile]: {pmob} · [email]: {pemail}
[dd_acct]: {iban}
[locker]: {locker} · [start]: {date}
[emergency]: {ecname} ({rel}), {ecphone}
?[gym_s1]
[fee_month]: {amount}
""",
    "funeral_arrangement": """
{co}
{cblock}
Tel. {cphone}
[fun_title] · {inv}
[deceased]: {dname}, [born] {ddob}, [died] {date}
?{natid}
[last_addr]: {daddr}
[informant]: {iname} ({rel}), {iphone}, {iemail}
[inf_addr]: {iaddr}
[dd_acct]: {iban}
[ceremony]: {date} · [plot]: {plot}
[fun_s1]
?[legal_basis]: {law}
[total]: {amount}
""",
    "venue_booking": """
{co} – [wed_title]
{oaddr}
[booking_ref]: {ref} · [event_date]: {date}
[couple]: {aname} & {bname}
[contact1]: {aphone} · {aemail}
[contact2]: {bphone} · {bemail}
[corr_addr]: {addr}
[guests]: {guests} · [seat_l]: {seat}
[deposit_l]: {amount}, [paid_card] {card}
?[refund_acct]: {iban}
[wed_s1]
[planner]: {cname2}, {cphone}
""",
    "driving_school_record": """
{co} – [drv_title]
{oaddr}
[student]: {sname} · [dob_l]: {sdob}
?{natid}
[address]: {saddr}
[phone_l]: {sphone} · [email]: {semail}
[instructor]: {iname}
?[dd_acct]: {iban}
[lessons]: {date} (90 min), {date} (45 min), {date} (90 min)
[drv_s1]
[exam]: {date} · [exam_ref]: {ref}
?[legal_basis]: {law}
[invoice_l]: {inv} · {amount}
""",
    "witness_statement": """
{org} – [wit_title]
{oaddr}
[case_l]: {case}
[witness]: {wname}
[dob_l]: {wdob} · [occupation]: {job}
[address]: {waddr}
[phone_l]: {wphone}
{natid}
[wit_s1]
[wit_s2]
[wit_s3]
[signed]: {wsig} · [officer_p]: {offname} ({badge})
""",
    "benefit_claim": """
{org} – [ben_title]
{oaddr}
[claim_l]: {claim}
[claimant]: {pname} · [dob_l]: {pdob}
{natid}
?{hnat}
[address]: {paddr}
[phone_l]: {pphone} · [email]: {pemail}
[pay_into]: {iban}
?[partner]: {qname}, [born] {qdob}, {qnat}
?[child_l]: {kname}, [born] {kdob}
[last_employer]: {emp} ({date})
?[legal_basis]: {law}
[ben_s1]
""",
    "care_home_admission": """
{org} – [care_title]
{oaddr}
[resident]: {rname} · [dob_l]: {rdob}
{mrn}
{natid}
[prev_addr]: {raddr}
[gp]: [dr] {gpsur}, {gpphone}
[nok]: {nname} ({rel})
[nok_addr]: {naddr}
[nok_contact]: {nphone} · {nemail}
[diagnosis]: {eponym}; [meds]: {drug}, {drug}
[care_s1]
[admitted]: {date} · [key_worker]: {kwname}
""",
    "chatbot_transcript": """
[session] {sid} · IP {ip} · {date}
Bot: [bot_hello]
{h}: [user1]
Bot: [bot_dob]
{h}: {pdob}
Bot: [bot_addr]
{h}: {paddr}
Bot: [bot_pay]
{h}: {card}
?{h}: [user_iban]
Bot: [bot_ok]
?{h}: [user_phone]
""",
}
META = {  # shape -> (org purpose, law topic)
    "physio_note": ("physio", "privacy"),
    "blood_donor_form": ("blood", "privacy"),
    "school_enrolment": ("clinic", "privacy"),
    "residence_permit_application": ("imm", "immigration"),
    "kyc_form": ("bank", "aml"),
    "deposit_receipt": ("bank", "tenancy"),
    "car_rental_agreement": ("firm", "privacy"),
    "gym_membership": ("firm", "privacy"),
    "funeral_arrangement": ("firm", "funeral"),
    "venue_booking": ("firm", "privacy"),
    "driving_school_record": ("firm", "traffic"),
    "witness_statement": ("police", "criminal"),
    "benefit_claim": ("agency", "benefit"),
    "care_home_admission": ("care", "care"),
    "chatbot_transcript": ("telco", "privacy"),
    "loyalty_jsonl": ("clinic", "privacy"),
    "org_chart_yaml": ("firm", "privacy"),
    "sms_reminder_batch": ("clinic", "privacy"),
}
US_LEANING = {"kyc_form", "benefit_claim", "org_chart_yaml", "physio_note"}
GB_ONLY = {
    "blood_donor_form",
    "care_home_admission",
    "deposit_receipt",
    "witness_statement",
    "residence_permit_application",
}


def fillers(g: G, kind: str) -> dict:
    r = g.r
    f = base(g)
    P = g.person
    giv = lambda p: lambda: g.name(p, "given")  # noqa: E731
    f["nat"] = lambda: g.d.t(g.pick(NAT_LOCAL[g.lang]))
    f["src"] = lambda: g.d.t(g.pick(SRC[g.lang]))
    f["sex"] = lambda: g.d.t(g.pick(["M", "F"]))
    f["co"] = g.CO(
        {
            "car_rental_agreement": "car",
            "gym_membership": "gym",
            "funeral_arrangement": "funeral",
            "venue_booking": "venue",
            "driving_school_record": "driving",
        }.get(kind, "gym")
    )
    f["emp"] = lambda: g.d.t(org_name(g, "firm"))
    f["oaddr"] = g.AB()
    f["iban"] = g.IB()
    if kind == "physio_note":
        p, dr, th = P(), P(), P()
        f.update(
            oaddr=g.A(),
            ophone=g.PH(False),
            pname=g.N(p, "full", "surcaps", "comma"),
            pdob=g.DOB(p),
            mrn=g.MRN(),
            natid=g.NAT(p, "health"),
            drsur=g.N(dr, "sur"),
            pgiven=giv(p),
            pphone=g.PH(),
            thname=g.N(th, "init", "full"),
        )
    elif kind == "blood_donor_form":
        p, dr = P(age=(18, 65)), P()
        f.update(
            psur=lambda: g.d.e("PERSON", r.choice([p.sur, p.sur.upper()])),
            pgiv=g.N(p, "given"),
            pdob=g.DOB(p),
            paddr=g.A(),
            pmob=g.PH(True),
            pemail=g.EM(p),
            natid=g.NAT(p, "health"),
            mrn=g.MRN(),
            drsur=g.N(dr, "sur"),
            gphone=g.PH(False),
            pname=g.N(p, "full", "init"),
        )
    elif kind == "school_enrolment":
        c, p1, p2, ec = P(age=(4, 15)), P(age=(28, 50)), P(age=(28, 52)), P(age=(40, 80))
        c.sur = p1.sur
        f.update(
            school=g.K("institution", lambda: r.choice(SCHOOLS[g.lang])),
            cname=g.N(c, "full", "surcaps"),
            cdob=g.DOB(c),
            cnat=g.NAT(c, "child"),
            addr=g.A(),
            p1name=g.N(p1, "full"),
            p1phone=g.PH(True),
            p1email=g.EM(p1),
            p2name=g.N(p2, "full", "comma"),
            p2phone=g.PH(),
            ecname=g.N(ec, "full"),
            ecphone=g.PH(),
            cgiven=giv(c),
            p1sig=g.N(p1, "init", "full"),
        )
    elif kind == "residence_permit_application":
        p, s = P(foreign=True), P(foreign=True)
        f.update(
            psur=lambda: g.d.e("PERSON", r.choice([p.sur, p.sur.upper()])),
            pgiv=g.N(p, "given"),
            pdob=g.DOB(p),
            pob=lambda: g.d.t(p.pob[0] if p.pob[0] else FOREIGN[p.origin][5][g.li]),
            nat=lambda: g.d.t(FOREIGN[p.origin][5][g.li]),
            natid=g.NAT(p, "tax"),
            paddr=g.A(),
            pphone=g.PH(True),
            pemail=g.EM(p),
            eaddr=g.A(),
            sname=g.N(s, "full"),
            sdob=g.DOB(s),
            snat=g.NAT(s, "tax"),
        )
    elif kind == "kyc_form":
        p, o = P(), P()
        f.update(
            pname=g.N(p, "full", "surcaps", "comma"),
            pdob=g.DOB(p),
            natid=g.NAT(p, "tax"),
            paddr=g.A(),
            paddr2=g.A(),
            pphone=g.PH(),
            pemail=g.EM(p),
            iban=g.IB(),
            card=g.CC(),
            oname=g.N(o, "init", "full"),
        )
    elif kind == "deposit_receipt":
        t, ll = P(), P(age=(35, 80))
        f.update(
            tname=g.N(t, "full", "caps"),
            paddr=g.A(),
            lname=g.N(ll, "full", "comma"),
            lblock=g.block(),
            lphone=g.PH(),
            tname2=g.N(t, "surcaps", "full"),
            tdob=g.DOB(t),
            temail=g.EM(t),
            tphone=g.PH(True),
            iban=g.IB(),
            lsig=g.N(ll, "init"),
        )
    elif kind == "car_rental_agreement":
        p, a, ag = P(age=(21, 75)), P(age=(21, 75)), P()
        f.update(
            rname=g.N(p, "full", "surcaps", "caps"),
            rdob=g.DOB(p),
            raddr=g.A(),
            rphone=g.PH(True),
            remail=g.EM(p),
            card=g.CC(),
            aname=g.N(a, "full"),
            adob=g.DOB(a),
            rgiven=giv(p),
            agname=g.N(ag, "given", "init"),
        )
    elif kind == "gym_membership":
        p, ec, tr = P(age=(16, 70)), P(), P()
        f.update(
            pname=g.N(p, "full", "comma"),
            pdob=g.DOB(p),
            paddr=g.A(),
            pmob=g.PH(True),
            pemail=g.EM(p),
            iban=g.IB(),
            ecname=g.N(ec, "full"),
            ecphone=g.PH(),
            trname=g.N(tr, "given", "full"),
            pgiven=giv(p),
        )
    elif kind == "funeral_arrangement":
        dd, inf = P(age=(60, 98)), P(age=(30, 70))
        f.update(
            cblock=g.block(),
            cphone=g.PH(False),
            dname=g.N(dd, "full", "surcaps", "caps"),
            ddob=g.DOB(dd),
            natid=g.NAT(dd, "social"),
            daddr=g.A(),
            iname=g.N(inf, "full", "comma"),
            iphone=g.PH(),
            iemail=g.EM(inf),
            iaddr=g.A(),
        )
    elif kind == "venue_booking":
        a, b, c = P(age=(24, 45)), P(age=(24, 45)), P()
        f.update(
            aname=g.N(a, "full"),
            bname=g.N(b, "full"),
            aphone=g.PH(True),
            aemail=g.EM(a),
            bphone=g.PH(True),
            bemail=g.EM(b),
            addr=g.A(),
            guests=lambda: g.d.t(str(r.randint(40, 160))),
            card=g.CC(),
            cname=g.N(c, "full", "given"),
            agiven=giv(a),
            bgiven=giv(b),
            cname2=g.N(c, "full", "init"),
            cphone=g.PH(ext=r.random() < 0.4),
        )
    elif kind == "driving_school_record":
        s, i = P(age=(17, 30)), P()
        f.update(
            sname=g.N(s, "full", "surcaps"),
            sdob=g.DOB(s),
            natid=g.NAT(s, "tax"),
            saddr=g.A(),
            sphone=g.PH(True),
            semail=g.EM(s),
            iname=g.N(i, "full", "init"),
            sgiven=giv(s),
        )
    elif kind == "witness_statement":
        w, o, v, off = P(), P(sex="M"), P(), P()
        f.update(
            wname=g.N(w, "full", "surcaps", "caps"),
            wdob=g.DOB(w),
            waddr=g.A(),
            wphone=g.PH(),
            natid=g.NAT(w, "social"),
            oname=g.N(o, "full"),
            vname=g.N(v, "full"),
            ogiven=giv(o),
            vgiven=giv(v),
            wsig=g.N(w, "init", "full"),
            offname=g.N(off, "init", "sur"),
        )
    elif kind == "benefit_claim":
        p, q, k, c = P(age=(22, 64)), P(age=(22, 64)), P(age=(1, 16)), P()
        k.sur = p.sur
        f.update(
            pname=g.N(p, "full", "surcaps", "comma"),
            pdob=g.DOB(p),
            natid=g.NAT(p, "social"),
            paddr=g.A(),
            pphone=g.PH(),
            pemail=g.EM(p),
            iban=g.IB(),
            qname=g.N(q, "full"),
            qdob=g.DOB(q),
            qnat=g.NAT(q, "social"),
            kname=g.N(k, "full", "given"),
            kdob=g.DOB(k),
            cname=g.N(c, "full", "init"),
            hnat=g.NAT(p, "health") if g.country == "DE" else g.T(""),
        )
    elif kind == "care_home_admission":
        p, gp, n, kw = P(age=(70, 99)), P(), P(age=(35, 70)), P()
        f.update(
            rname=g.N(p, "full", "surcaps", "comma"),
            rdob=g.DOB(p),
            mrn=g.MRN(),
            natid=g.NAT(p, "health"),
            raddr=g.A(),
            gpsur=g.N(gp, "sur"),
            gpphone=g.PH(False),
            nname=g.N(n, "full"),
            naddr=g.A(),
            nphone=g.PH(),
            nemail=g.EM(n),
            rgiven=giv(p),
            nick=lambda: g.d.e("PERSON", r.choice(NICKS[g.lang])),
            kwname=g.N(kw, "given", "full"),
        )
    elif kind == "chatbot_transcript":
        p = P()
        h = g.nstr(p, "handle")
        f.update(
            sid=g.K("session_id"),
            ip=g.IP(),
            h=lambda: g.d.e("PERSON", h),
            uname=g.N(p, "lower", "given"),
            pdob=lambda: g.d.e("DATE_OF_BIRTH", g.fmt_date(p.dob, numeric_only=True)),
            paddr=g.A(),
            card=g.CC(),
            iban=g.IB(),
            email=g.EM(p),
            phone=g.PH(True),
        )
    return f


def shape_template(g: G, kind: str) -> None:
    g.purpose, g.topic = META[kind]
    g.render(g.d, SK[kind], fillers(g, kind))


def jstr(g: G, key: str, writer, last: bool = False) -> None:
    g.d.t(f'"{key}": "')
    writer()
    g.d.t('"' + ("" if last else ", "))


def shape_loyalty(g: G) -> None:
    r, d = g.r, g.d
    n = r.choice([2, 3])
    for i in range(n):
        p = g.person()
        d.t("{")
        jstr(g, "card_no", g.K("loyalty_number"))
        jstr(g, "name", g.N(p, "full", "caps"))
        jstr(g, "email", g.EM(p))
        jstr(g, "mobile", g.PH(True))
        jstr(g, "dob", g.DOB(p, iso=r.random() < 0.6))
        if r.random() < 0.85:
            jstr(g, "address", g.A())
        if g.country == "GB" and r.random() < 0.6:
            jstr(g, "nhs_no", g.NAT(p, "health", label=False))
        if r.random() < 0.4:
            jstr(g, "fav_brand", g.K("brand"))
        jstr(g, "last_visit", g.K("date", lambda: g.rdate().isoformat()))
        jstr(g, "last_item", g.K("drug_dosage"))
        if r.random() < 0.5:
            jstr(g, "signup_ip", g.IP())
        d.t(f'"points": {r.randint(0, 4000)}}}')
        if i < n - 1:
            d.t("\n")


def shape_orgchart(g: G) -> None:
    r, d = g.r, g.d
    dom = {
        "GB": "brightwave.co.uk",
        "US": "cobaltridge.com",
        "DE": "nordlicht-software.de",
        "FR": "solveo.fr",
        "ES": "tecnored.es",
        "IT": "alfaimpianti.it",
        "NL": "polderdata.nl",
    }[g.country]
    g.purpose = "firm"
    d.t(g.L("org_title") + " – " + org_name(g, "firm") + " – ")
    g.K("date", lambda: g.rdate().isoformat())()
    d.t(f"\nteam: {r.choice(TEAMS[g.lang])}\nlead:\n  name: ")
    lead = g.person(age=(35, 60))
    g.name(lead, "full")
    d.t("\n  email: ")
    handle = g.nstr(lead, "handle")
    g.EM(local=handle, domain=dom)()
    d.t('\n  phone: "')
    g.PH(False, ext=True)()
    d.t('"\n  employee_id: ')
    g.K("employee_number")()
    d.t("\nmembers:")
    for _ in range(3 if g.lang == "en" else r.choice([2, 3])):
        m = g.person(age=(20, 62))
        d.t("\n  - name: ")
        g.name(m, "full", "comma")
        d.t(f"\n    role: {r.choice(JOBS[g.lang])}\n    dob: ")
        g.DOB(m, iso=True)()
        if g.lang == "en" or r.random() < 0.8:
            if g.country == "DE" and r.random() < 0.5:
                d.t("\n    sv_nummer: ")
                g.NAT(m, "social", label=False)()
            else:
                d.t(f"\n    {NAT_KEY[g.country]}: ")
                g.NAT(m, "tax", label=False)()
        if g.country != "US" and r.random() < 0.4:
            d.t("\n    salary_iban: ")
            g.IB()()
        d.t("\n    email: ")
        g.EM(m, domain=dom)()
        d.t("\n    reports_to: ")
        d.e("PERSON", handle)


def shape_sms(g: G) -> None:
    r, d = g.r, g.d
    g.purpose = "clinic"
    d.t(g.L("sms_header") + " · " + org_name(g, "clinic") + " · ")
    g.K("date")()
    d.t("\nto;pat_id;name;text")
    dr = g.person()
    for _ in range(r.choice([3, 3, 4])):
        p = g.person()
        d.t("\n")
        g.PH(True)()
        d.t(";")
        g.MRN(label=False)()
        d.t(";")
        g.name(p, "full", "surcaps", "comma")
        d.t(";")
        tmpl = g.L("sms_msg")
        f = {
            "given": lambda p=p: g.name(p, "given"),
            "date": g.K("date"),
            "time": lambda: d.t(f"{r.randint(8, 17)}:{r.choice(['00', '15', '30', '45'])}"),
            "drsur": lambda: g.name(dr, "sur"),
        }
        i = 0
        for mm in PH_RE.finditer(tmpl):
            d.t(tmpl[i : mm.start()])
            f[mm.group(1)]()
            i = mm.end()
        d.t(tmpl[i:])


SHAPES = sorted([*SK, "loyalty_jsonl", "org_chart_yaml", "sms_reminder_batch"])
EXCLUDE = {
    "en": {"driving_school_record", "residence_permit_application", "funeral_arrangement"},
    "de": {"venue_booking", "loyalty_jsonl", "school_enrolment"},
    "fr": {"gym_membership", "sms_reminder_batch", "car_rental_agreement"},
    "es": {"care_home_admission", "org_chart_yaml", "physio_note"},
    "it": {"deposit_receipt", "witness_statement", "blood_donor_form"},
    "nl": {"kyc_form", "benefit_claim", "chatbot_transcript"},
}


def make_doc(g: G, kind: str) -> Doc:
    g.d = Doc()
    if kind == "loyalty_jsonl":
        shape_loyalty(g)
    elif kind == "org_chart_yaml":
        shape_orgchart(g)
    elif kind == "sms_reminder_batch":
        shape_sms(g)
    else:
        shape_template(g, kind)
    return g.d


def generate() -> list[dict]:
    docs = []
    for li, lang in enumerate(LANGS):
        rng = random.Random(SEED * 10 + li)
        g = G(lang, rng)
        kinds = [k for k in SHAPES if k not in EXCLUDE[lang]]
        order = kinds[:]
        rng.shuffle(order)
        plan = []
        for i, k in enumerate(order):
            plan += [k] * (7 if i < 100 - 6 * len(kinds) else 6)
        rng.shuffle(plan)
        for n, kind in enumerate(plan):
            for _ in range(100):
                if lang == "en":
                    us_share = 0.6 if kind in US_LEANING else 0.5
                    g.country = "GB" if kind in GB_ONLY or rng.random() >= us_share else "US"
                d = make_doc(g, kind)
                if 400 <= d.pos <= 1000:
                    break
            else:
                raise RuntimeError(f"{lang} {kind}: no document of 400-1000 characters")
            docs.append(
                {
                    "id": f"{lang}-{n:04d}",
                    "lang": lang,
                    "kind": kind,
                    "text": d.text(),
                    "entities": d.ents,
                    "lookalikes": d.lks,
                }
            )
    return docs


# ----------------------------------------------------------------------------------------------------------
# Self-check
# ----------------------------------------------------------------------------------------------------------
def self_check(docs: list[dict]) -> list[str]:
    errs: list[str] = []
    ids = set()
    per_lang = Counter()
    shapes: dict[str, set] = {lang: set() for lang in LANGS}
    for doc in docs:
        did, text = doc["id"], doc["text"]
        if did in ids:
            errs.append(f"{did}: duplicate id")
        ids.add(did)
        per_lang[doc["lang"]] += 1
        shapes[doc["lang"]].add(doc["kind"])
        if not 400 <= len(text) <= 1000:
            errs.append(f"{did}: length {len(text)}")
        spans = []
        for e in doc["entities"]:
            s, t, typ = e["start"], e["end"], e["type"]
            val = text[s:t]
            spans.append((s, t, typ))
            if typ not in TYPES or (e["category"], e["structured"]) != TYPES[typ]:
                errs.append(f"{did}: bad type fields {e}")
                continue
            if not 0 <= s < t <= len(text) or val != val.strip():
                errs.append(f"{did}: bad span {e} {val!r}")
            if val[:1] in ",;:\"'" or val[-1:] in ",;:\"'":
                errs.append(f"{did}: punctuation at span edge {val!r}")
            if val.endswith(".") and typ not in ("PERSON", "ADDRESS"):
                errs.append(f"{did}: {typ} ends with '.' {val!r}")
            if val.count("(") != val.count(")") or val.count("[") != val.count("]"):
                errs.append(f"{did}: unbalanced brackets {val!r}")
            if typ == "PERSON" and re.search(r"[\d@<>\[\]()]", val):
                errs.append(f"{did}: PERSON with forbidden character {val!r}")
            fn = VALIDATORS.get(typ)
            if fn and not fn(val):
                errs.append(f"{did}: {typ} fails validator {val!r}")
        for lk in doc["lookalikes"]:
            s, t = lk["start"], lk["end"]
            val = text[s:t]
            spans.append((s, t, "LK"))
            if lk["what"] not in LOOKALIKES:
                errs.append(f"{did}: unknown look-alike kind {lk['what']}")
            if not 0 <= s < t <= len(text) or val != val.strip():
                errs.append(f"{did}: bad look-alike span {lk} {val!r}")
            hit = passes_any_id(val)
            if hit:
                errs.append(f"{did}: look-alike {val!r} passes {hit}")
        spans.sort()
        for (s1, t1, ty1), (s2, t2, ty2) in pairwise(spans):
            if s2 < t1:
                errs.append(f"{did}: overlapping spans {text[s1:t1]!r} / {text[s2:t2]!r}")
            if ty1 == ty2 == "PERSON" and text[t1:s2].strip() == "" and s2 >= t1:
                errs.append(f"{did}: PERSON spans separated only by whitespace")
    type_count = Counter(e["type"] for doc in docs for e in doc["entities"])
    for typ in TYPES:
        if TYPES[typ][0] == "national_id" and type_count[typ] < 20:
            errs.append(f"{typ}: only {type_count[typ]} instances (at least 20 wanted)")
    if type_count["MEDICAL_RECORD_NUMBER"] < 100:
        errs.append(f"MEDICAL_RECORD_NUMBER: only {type_count['MEDICAL_RECORD_NUMBER']} instances")
    for lang in LANGS:
        if per_lang[lang] != 100:
            errs.append(f"{lang}: {per_lang[lang]} documents")
        if len(shapes[lang]) < 12:
            errs.append(f"{lang}: only {len(shapes[lang])} shapes")
    return errs


def dumps(docs: list[dict]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def table(title: str, rows: dict[str, Counter]) -> str:
    out = [f"| {title} | " + " | ".join(LANGS) + " | total |", "|---|" + "---|" * (len(LANGS) + 1)]
    for key in sorted(rows):
        c = rows[key]
        out.append(
            f"| {key} | "
            + " | ".join(str(c[lang]) if c[lang] else "–" for lang in LANGS)
            + f" | {sum(c.values())} |"
        )
    tot = Counter()
    for c in rows.values():
        tot.update(c)
    out.append("| **total** | " + " | ".join(str(tot[lang]) for lang in LANGS) + f" | {sum(tot.values())} |")
    return "\n".join(out)


def report(docs: list[dict]) -> None:
    kinds: dict[str, Counter] = {}
    ents: dict[str, Counter] = {}
    lks: dict[str, Counter] = {}
    for d in docs:
        kinds.setdefault(d["kind"], Counter())[d["lang"]] += 1
        for e in d["entities"]:
            ents.setdefault(e["type"], Counter())[d["lang"]] += 1
        for lk in d["lookalikes"]:
            lks.setdefault(lk["what"], Counter())[d["lang"]] += 1
    print(table("kind", kinds), end="\n\n")
    print(table("type", ents), end="\n\n")
    print(table("look-alike", lks), end="\n\n")
    lens = sorted(len(d["text"]) for d in docs)
    n_ent = sum(len(d["entities"]) for d in docs)
    n_lk = sum(len(d["lookalikes"]) for d in docs)
    obf = sum(
        1
        for d in docs
        for e in d["entities"]
        if e["type"] == "EMAIL_ADDRESS" and "@" not in d["text"][e["start"] : e["end"]]
    )
    print(
        f"{len(docs)} documents, {n_ent} entities, {n_lk} look-alikes ({n_lk / len(docs):.2f}/doc), "
        f"{obf} obfuscated e-mails; lengths {lens[0]}-{lens[-1]} (median {lens[len(lens) // 2]})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true", help="validate the committed file and compare bytes")
    args = ap.parse_args()
    docs = generate()
    fresh = dumps(docs)
    if args.check:
        if not OUT.exists():
            print("heldout.jsonl missing", file=sys.stderr)
            return 1
        committed = OUT.read_text(encoding="utf-8")
        errs = self_check([json.loads(line) for line in committed.splitlines()])
        if committed != fresh:
            errs.append("committed heldout.jsonl differs from a fresh generation")
    else:
        errs = self_check(docs)
        if not errs:
            OUT.write_text(fresh, encoding="utf-8")
    if errs:
        for e in errs[:60]:
            print("FAIL", e, file=sys.stderr)
        print(f"{len(errs)} problem(s)", file=sys.stderr)
        return 1
    report(docs)
    print("self-check passed" + (" and committed file matches a fresh run" if args.check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
