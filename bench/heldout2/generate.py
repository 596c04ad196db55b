"""Second independent held-out PII corpus for Airlock (``bench/heldout2/heldout.jsonl``).

Written blind: none of Airlock's recognisers, tests, benchmark scripts or the first held-out corpus were read
while writing this file (see README.md). Python 3.11 standard library only, seeded and deterministic.

    python bench/heldout2/generate.py          # (re)write heldout.jsonl and print counts
    python bench/heldout2/generate.py --check  # re-validate the committed file and compare with a fresh run
"""

# ruff: noqa: E501, RUF001

from __future__ import annotations

import argparse
import collections
import datetime
import itertools
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED = 20261206
PER_LANG = 125
LANGS = ["en", "de", "fr", "es", "it", "nl"]
OUT = Path(__file__).with_name("heldout.jsonl")
NBSP = "\u00a0"
DAY0 = datetime.date(2024, 6, 1)
NNBSP = "\u202f"

STRUCTURED = {
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "UK_NINO",
    "UK_NHS",
    "DE_STEUER_ID",
    "DE_SVNR",
    "DE_KVNR",
    "FR_NIR",
    "ES_DNI",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "NL_BSN",
    "MEDICAL_RECORD_NUMBER",
    "IP_ADDRESS",
}
NATIONAL_ID = {
    "US_SSN",
    "UK_NINO",
    "UK_NHS",
    "DE_STEUER_ID",
    "DE_SVNR",
    "DE_KVNR",
    "FR_NIR",
    "ES_DNI",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "NL_BSN",
}
CATEGORY = {"PERSON": "name", "ADDRESS": "address", "DATE_OF_BIRTH": "date"}


def category_of(t: str) -> str:
    if t in NATIONAL_ID:
        return "national_id"
    return CATEGORY.get(t, "structured")


# ---------------------------------------------------------------------------------------------------------------
# Check digits (written from the public specifications)
# ---------------------------------------------------------------------------------------------------------------


def digits_of(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def luhn_ok(num: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    for d in "0123456789":
        if luhn_ok(partial + d):
            return partial + d
    raise AssertionError(partial)


def iban_numeric(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_ok(iban: str) -> bool:
    s = re.sub(r"[\s\u00a0\u202f]", "", iban).upper()
    lengths = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18}
    if s[:2] not in lengths or len(s) != lengths[s[:2]]:
        return False
    return iban_numeric(s[4:] + s[:4]) % 97 == 1


def iban_make(cc: str, bban: str) -> str:
    check = 98 - iban_numeric(bban + cc + "00") % 97
    return f"{cc}{check:02d}{bban}"


def fr_rib_key(bank: str, branch: str, account: str) -> int:
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97


ES_W = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]


def es_ccc_digit(ten: str) -> int:
    v = 11 - sum(int(c) * w for c, w in zip(ten, ES_W, strict=True)) % 11
    return {10: 1, 11: 0}.get(v, v)


CF_ODD = {
    **dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21], strict=True)),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23],
            strict=True,
        )
    ),
}


def cf_even(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - 65


def cf_check_char(fifteen: str) -> str:
    total = 0
    for i, ch in enumerate(fifteen):
        total += CF_ODD[ch] if i % 2 == 0 else cf_even(ch)
    return chr(65 + total % 26)


def steuer_check(ten: str) -> int:
    product = 10
    for ch in ten:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def steuer_ok(v: str) -> bool:
    d = digits_of(v)
    if len(d) != 11 or d[0] == "0":
        return False
    counts = collections.Counter(d[:10])
    multi = [k for k, n in counts.items() if n > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    return steuer_check(d[:10]) == int(d[10])


def cross_sum(n: int) -> int:
    return sum(int(c) for c in str(n))


SVNR_W = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]


def svnr_check(area: str, dob6: str, letter: str, serial: str) -> int:
    digs = area + dob6 + f"{ord(letter) - 64:02d}" + serial
    return sum(cross_sum(int(c) * w) for c, w in zip(digs, SVNR_W, strict=True)) % 10


def svnr_ok(v: str) -> bool:
    s = re.sub(r"[\s\u00a0]", "", v)
    m = re.fullmatch(r"(\d{2})(\d{6})([A-Z])(\d{2})(\d)", s)
    return bool(m) and svnr_check(m[1], m[2], m[3], m[4]) == int(m[5])  # type: ignore[index]


def kvnr_check(letter: str, eight: str) -> int:
    digs = f"{ord(letter) - 64:02d}" + eight
    return sum(cross_sum(int(c) * (1 if i % 2 == 0 else 2)) for i, c in enumerate(digs)) % 10


def kvnr_ok(v: str) -> bool:
    m = re.fullmatch(r"([A-Z])(\d{8})(\d)", v.replace(" ", ""))
    return bool(m) and kvnr_check(m[1], m[2]) == int(m[3])  # type: ignore[index]


def nir_ok(v: str) -> bool:
    s = re.sub(r"[\s\u00a0]", "", v)
    if len(s) != 15:
        return False
    body = s[:13].replace("2A", "19").replace("2B", "18")
    if not body.isdigit() or s[0] not in "12":
        return False
    return 97 - int(body) % 97 == int(s[13:])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(v: str) -> bool:
    s = v.replace("-", "").replace(".", "").replace(" ", "")
    return bool(re.fullmatch(r"\d{8}[A-Z]", s)) and DNI_LETTERS[int(s[:8]) % 23] == s[8]


def nie_ok(v: str) -> bool:
    s = v.replace("-", "").replace(".", "").replace(" ", "")
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", s):
        return False
    n = int(str("XYZ".index(s[0])) + s[1:8])
    return DNI_LETTERS[n % 23] == s[8]


def bsn_ok(v: str) -> bool:
    d = digits_of(v)
    if len(d) != 9:
        return False
    s = sum(int(c) * w for c, w in zip(d[:8], range(9, 1, -1), strict=True)) - int(d[8])
    return s % 11 == 0


def nhs_check(nine: str) -> int | None:
    c = 11 - sum(int(ch) * (10 - i) for i, ch in enumerate(nine)) % 11
    if c == 11:
        return 0
    return None if c == 10 else c


def nhs_ok(v: str) -> bool:
    d = digits_of(v)
    return len(d) == 10 and nhs_check(d[:9]) == int(d[9])


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NINO_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino_ok(v: str) -> bool:
    s = v.replace(" ", "").replace(NBSP, "").upper()
    m = re.fullmatch(r"([A-Z])([A-Z])(\d{6})([A-D])", s)
    if not m:
        return False
    return m[1] in NINO_FIRST and m[2] in NINO_SECOND and m[1] + m[2] not in NINO_BAD


def ssn_ok(v: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", v)
    if not m:
        return False
    a, g, s = int(m[1]), int(m[2]), int(m[3])
    return 0 < a < 900 and a != 666 and g > 0 and s > 0


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


MONTH_CF = "ABCDEHLMPRST"


def cf_part(word: str, is_name: bool) -> str:
    w = re.sub(r"[^A-Z]", "", strip_accents(word).upper())
    cons = [c for c in w if c not in "AEIOU"]
    vows = [c for c in w if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def cf_make(surname: str, first: str, year: int, month: int, day: int, female: bool, place: str) -> str:
    body = (
        cf_part(surname, False)
        + cf_part(first, True)
        + f"{year % 100:02d}"
        + MONTH_CF[month - 1]
        + f"{day + (40 if female else 0):02d}"
        + place
    )
    return body + cf_check_char(body)


def cf_ok(v: str) -> bool:
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", v):
        return False
    return cf_check_char(v[:15]) == v[15]


def isbn13(rng: random.Random) -> str:
    body = "978" + "".join(rng.choice("0123456789") for _ in range(9))
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    d = (10 - s % 10) % 10
    full = body + str(d)
    return f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"


def s10(rng: random.Random, prefix: str, country: str) -> str:
    eight = "".join(rng.choice("0123456789") for _ in range(8))
    s = sum(int(c) * w for c, w in zip(eight, [8, 6, 4, 2, 3, 5, 9, 7], strict=True))
    c = 11 - s % 11
    c = {10: 0, 11: 5}.get(c, c)
    return f"{prefix}{eight}{c}{country}"


# ---------------------------------------------------------------------------------------------------------------
# Identifier generators
# ---------------------------------------------------------------------------------------------------------------


def rdig(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def group(s: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def make_card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc5", "mc2", "amex", "visa19"])
    if kind == "visa":
        num = luhn_complete("4" + rdig(rng, 14))
    elif kind == "mc5":
        num = luhn_complete(str(rng.randint(51, 55)) + rdig(rng, 13))
    elif kind == "mc2":
        num = luhn_complete(str(rng.randint(2221, 2720)) + rdig(rng, 11))
    elif kind == "amex":
        num = luhn_complete(rng.choice(["34", "37"]) + rdig(rng, 12))
        return group(num, [4, 6, 5], rng.choice([" ", " ", "-", ""]))
    else:
        num = luhn_complete("4" + rdig(rng, 17))
        return group(num, [4, 4, 4, 4, 3], rng.choice([" ", "-"]))
    return group(num, [4, 4, 4, 4], rng.choice([" ", " ", "-", "", NBSP]))


def make_iban(rng: random.Random, cc: str) -> str:
    if cc == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"]) + rdig(rng, 14)
    elif cc == "DE":
        blz = rng.choice(["10010010", "37040044", "50010517", "70150000", "20050550", "12030000", "43060967"])
        bban = blz + rdig(rng, 10)
    elif cc == "FR":
        bank, branch, acct = rdig(rng, 5), rdig(rng, 5), rdig(rng, 11)
        bban = bank + branch + acct + f"{fr_rib_key(bank, branch, acct):02d}"
    elif cc == "ES":
        bank = rng.choice(["2100", "0049", "0182", "2080", "0081", "2038", "1465"])
        branch, acct = rdig(rng, 4), rdig(rng, 10)
        bban = bank + branch + f"{es_ccc_digit('00' + bank + branch)}{es_ccc_digit(acct)}" + acct
    elif cc == "IT":
        abi = rng.choice(["03069", "02008", "05034", "03062", "01030", "05696"])
        cab = rdig(rng, 5)
        conto = rdig(rng, 12)
        # CIN: same odd/even tables as the fiscal code, over the 22 characters
        tot = sum(CF_ODD[c] if i % 2 == 0 else cf_even(c) for i, c in enumerate(abi + cab + conto))
        bban = chr(65 + tot % 26) + abi + cab + conto
    else:  # NL, account number passing the old 11-test
        while True:
            acct = rdig(rng, 10)
            if sum(int(c) * w for c, w in zip(acct, range(10, 0, -1), strict=True)) % 11 == 0:
                break
        bban = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB"]) + acct
    iban = iban_make(cc, bban)
    style = rng.random()
    if style < 0.6:
        return group(iban, [4] * 8, " ")
    if style < 0.75:
        return group(iban, [4] * 8, NBSP)
    return iban


def make_ssn(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    sep = rng.choice(["-", "-", "-", " "])
    return f"{a:03d}{sep}{g:02d}{sep}{s:04d}"


def make_nino(rng: random.Random) -> str:
    while True:
        p = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if p not in NINO_BAD:
            break
    d = rdig(rng, 6)
    suf = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{p} {d[:2]} {d[2:4]} {d[4:]} {suf}"
    return f"{p}{d}{suf}"


def make_nhs(rng: random.Random) -> str:
    while True:
        nine = rng.choice("467") + rdig(rng, 8)
        c = nhs_check(nine)
        if c is not None:
            break
    n = nine + str(c)
    return rng.choice(
        [f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"]
    )


def make_steuer(rng: random.Random) -> str:
    while True:
        ds = rng.sample("0123456789", 9)
        ds.append(rng.choice(ds))
        rng.shuffle(ds)
        if ds[0] != "0":
            break
    ten = "".join(ds)
    full = ten + str(steuer_check(ten))
    return rng.choice([full, f"{full[:2]} {full[2:5]} {full[5:8]} {full[8:]}", full])


def make_svnr(rng: random.Random, dob: tuple[int, int, int], surname: str, female: bool) -> str:
    area = rng.choice(["12", "13", "15", "18", "23", "24", "28", "38", "40", "42", "53", "54", "65"])
    y, m, d = dob
    dob6 = f"{d:02d}{m:02d}{y % 100:02d}"
    letter = strip_accents(surname.split()[-1] if surname.split()[0] in ("von", "zu", "van") else surname)[
        0
    ].upper()
    serial = f"{rng.randint(50, 99) if female else rng.randint(0, 49):02d}"
    c = svnr_check(area, dob6, letter, serial)
    if rng.random() < 0.5:
        return f"{area} {dob6} {letter} {serial}{c}"
    return f"{area}{dob6}{letter}{serial}{c}"


def make_kvnr(rng: random.Random) -> str:
    letter = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    eight = rdig(rng, 8)
    return f"{letter}{eight}{kvnr_check(letter, eight)}"


def make_nir(
    rng: random.Random, female: bool, dob: tuple[int, int, int], dept: str, commune: str = ""
) -> str:
    y, m, _ = dob
    commune = commune or f"{rng.randint(1, 989):03d}"
    order = f"{rng.randint(1, 999):03d}"
    body = f"{2 if female else 1}{y % 100:02d}{m:02d}{dept}{commune}{order}"
    key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
    if rng.random() < 0.6:
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"
    return f"{body}{key:02d}"


def make_dni(rng: random.Random) -> str:
    n = rng.randint(1000000, 79999999)
    s = f"{n:08d}{DNI_LETTERS[n % 23]}"
    return rng.choice([s, s, s, f"{s[:8]}-{s[8]}"])


def make_nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    seven = rdig(rng, 7)
    n = int(str("XYZ".index(p)) + seven)
    s = f"{p}{seven}{DNI_LETTERS[n % 23]}"
    return rng.choice([s, s, f"{p}-{seven}-{s[-1]}"])


def make_bsn(rng: random.Random) -> str:
    while True:
        eight = str(rng.randint(1, 6)) + rdig(rng, 7)
        r = sum(int(c) * w for c, w in zip(eight, range(9, 1, -1), strict=True)) % 11
        if r < 10:
            break
    n = eight + str(r)
    return rng.choice([n, n, f"{n[:4]}.{n[4:6]}.{n[6:]}"])


def make_ip(rng: random.Random, public: bool = False) -> str:
    r = 1.0 if public else rng.random()
    if r < 0.2:
        return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}"
    if r < 0.35:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    first = rng.choice(
        [
            31,
            37,
            46,
            62,
            77,
            78,
            79,
            80,
            81,
            82,
            83,
            85,
            87,
            88,
            89,
            91,
            93,
            95,
            109,
            145,
            151,
            176,
            185,
            188,
            194,
            212,
            213,
            217,
        ]
    )
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ip_ok(v: str) -> bool:
    parts = v.split(".")
    return len(parts) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 and str(int(p)) == p for p in parts)


def make_mrn(rng: random.Random, lang: str) -> str:
    y = rng.randint(2015, 2026)
    shapes = {
        "en": [f"{rdig(rng, 8)}", f"H{rdig(rng, 7)}", f"{y}-{rdig(rng, 6)}", f"RX{rdig(rng, 7)}"],
        "de": [
            f"KH-{y}-{rdig(rng, 7)}",
            f"{rdig(rng, 8)}",
            f"{y}/{rdig(rng, 6)}",
            f"{rdig(rng, 2)}.{rdig(rng, 3)}.{rdig(rng, 3)}",
        ],
        "fr": [f"{rdig(rng, 10)}", f"{y}{rdig(rng, 6)}", f"IPP-{rdig(rng, 8)}"],
        "es": [f"HC-{y}-{rdig(rng, 6)}", f"{rdig(rng, 7)}", f"{rdig(rng, 2)}.{rdig(rng, 3)}.{rdig(rng, 3)}"],
        "it": [f"{y}/{rdig(rng, 6)}", f"{rdig(rng, 8)}", f"CC-{y}-{rdig(rng, 5)}"],
        "nl": [f"{rdig(rng, 7)}", f"{rdig(rng, 3)}-{rdig(rng, 3)}-{rdig(rng, 3)}", f"Z{rdig(rng, 7)}"],
    }
    return rng.choice(shapes[lang])


# ---------------------------------------------------------------------------------------------------------------
# Pools (written for this corpus)
# ---------------------------------------------------------------------------------------------------------------

FIRST: dict[str, dict[str, list[str]]] = {
    "GB": {
        "m": [
            "Oliver",
            "Harry",
            "Thomas",
            "Daniel",
            "Callum",
            "Declan",
            "Rhys",
            "Hamza",
            "Tomasz",
            "Kwame",
            "Arjun",
            "Alistair",
            "Ewan",
            "Niall",
        ],
        "f": [
            "Charlotte",
            "Sophie",
            "Hannah",
            "Niamh",
            "Siobhan",
            "Aisha",
            "Priya",
            "Zainab",
            "Eleanor",
            "Bethan",
            "Imogen",
            "Freya",
            "Megan",
            "Grace",
        ],
    },
    "US": {
        "m": [
            "Tyler",
            "Marcus",
            "Brandon",
            "Jamal",
            "Kevin",
            "Luis",
            "Ethan",
            "Dwayne",
            "Cody",
            "Andre",
            "Wei",
            "Mateo",
            "Garrett",
            "Trevor",
        ],
        "f": [
            "Ashley",
            "Brianna",
            "Kayla",
            "Jasmine",
            "Megan",
            "Destiny",
            "Latoya",
            "Mei",
            "Rosa",
            "Courtney",
            "Shannon",
            "Lindsey",
            "Keisha",
            "Amber",
        ],
    },
    "DE": {
        "m": [
            "Lukas",
            "Jonas",
            "Tobias",
            "Stefan",
            "Jürgen",
            "Matthias",
            "Florian",
            "Mehmet",
            "Emre",
            "Dariusz",
            "Karl-Heinz",
            "Björn",
            "Ömer",
            "Timo",
            "Uwe",
            "Jan-Hendrik",
        ],
        "f": [
            "Lena",
            "Katharina",
            "Sabine",
            "Ursula",
            "Jana",
            "Elif",
            "Aylin",
            "Agnieszka",
            "Svetlana",
            "Hannelore",
            "Annegret",
            "Leonie",
            "Franziska",
            "Birgit",
            "Marie-Luise",
            "Dörte",
        ],
    },
    "FR": {
        "m": [
            "Julien",
            "Mathieu",
            "Antoine",
            "Pierre-Louis",
            "Jean-Marc",
            "Karim",
            "Mehdi",
            "Yacine",
            "Benoît",
            "Rémi",
            "Loïc",
            "Mamadou",
            "Gaëtan",
            "Thibault",
            "Hervé",
            "Quentin",
        ],
        "f": [
            "Camille",
            "Manon",
            "Chloé",
            "Élodie",
            "Nathalie",
            "Aurélie",
            "Amina",
            "Fatoumata",
            "Inès",
            "Margaux",
            "Hélène",
            "Anne-Sophie",
            "Maëlle",
            "Céline",
            "Yasmina",
            "Solène",
        ],
    },
    "ES": {
        "m": [
            "Javier",
            "Álvaro",
            "Sergio",
            "Iñaki",
            "Jordi",
            "Xabier",
            "Andrés",
            "Raúl",
            "Óscar",
            "Juan Carlos",
            "José María",
            "Ignacio",
            "Rubén",
            "Adrián",
        ],
        "f": [
            "Lucía",
            "Carmen",
            "Marta",
            "Ana Isabel",
            "Cristina",
            "Nerea",
            "Ainhoa",
            "Montserrat",
            "Rocío",
            "Begoña",
            "Yolanda",
            "Mireia",
            "Inmaculada",
            "Noelia",
        ],
    },
    "IT": {
        "m": [
            "Marco",
            "Giuseppe",
            "Alessandro",
            "Matteo",
            "Lorenzo",
            "Davide",
            "Gianluca",
            "Salvatore",
            "Pierpaolo",
            "Nicolò",
            "Fabrizio",
            "Emanuele",
            "Vincenzo",
            "Raffaele",
        ],
        "f": [
            "Giulia",
            "Francesca",
            "Chiara",
            "Martina",
            "Valentina",
            "Alessia",
            "Federica",
            "Ilaria",
            "Rosaria",
            "Maria Grazia",
            "Benedetta",
            "Annalisa",
            "Serena",
            "Donatella",
        ],
    },
    "NL": {
        "m": [
            "Daan",
            "Bram",
            "Thijs",
            "Jeroen",
            "Maarten",
            "Sander",
            "Wouter",
            "Joost",
            "Niels",
            "Kees",
            "Gijs",
            "Ruud",
            "Stijn",
            "Hidde",
        ],
        "f": [
            "Anouk",
            "Lotte",
            "Sanne",
            "Marieke",
            "Femke",
            "Noor",
            "Saskia",
            "Ilse",
            "Fleur",
            "Wilma",
            "Annemieke",
            "Esmee",
            "Janneke",
            "Roos",
        ],
    },
}

# immigrant-family first names, per country
FIRST_MIG: dict[str, dict[str, list[str]]] = {
    "GB": {"m": ["Mohammed", "Krzysztof", "Chukwuemeka"], "f": ["Fatima", "Agata", "Oluwaseun"]},
    "US": {"m": ["Nguyen Van", "Oluwadamilare", "Jesús"], "f": ["Guadalupe", "Thuy", "Fatima"]},
    "DE": {"m": ["Mustafa", "Vitali", "Goran"], "f": ["Zeynep", "Natalia", "Dragana"]},
    "FR": {"m": ["Abdoulaye", "Rachid", "Thanh"], "f": ["Aïcha", "Mariam", "Leïla"]},
    "ES": {"m": ["Mohamed", "Ionuț", "Wilson"], "f": ["Fátima", "Ioana", "Yesenia"]},
    "IT": {"m": ["Ahmed", "Vasile", "Arben"], "f": ["Ioana", "Fatima", "Xiaoling"]},
    "NL": {"m": ["Mohammed", "Youssef", "Ravi"], "f": ["Fatima", "Priya", "Meryem"]},
}

SUR: dict[str, list[str]] = {
    "GB": [
        "Ashworth",
        "Pemberton",
        "Whitfield",
        "Hargreaves",
        "O'Sullivan",
        "McAllister",
        "MacLeod",
        "Fitzgerald-Hughes",
        "Patel",
        "Okonkwo",
        "Kowalczyk",
        "Thornbury",
        "Llewellyn",
        "Brennan",
        "Rahman",
        "Fairbairn",
        "Gallagher",
        "Cartwright",
    ],
    "US": [
        "Delgado",
        "Washington",
        "Kowalski",
        "Brennan",
        "Okafor",
        "McKinney",
        "Harmon",
        "Vasquez",
        "Lindqvist",
        "Pruitt",
        "Castellano",
        "Whitaker",
        "Nakamura",
        "Boudreaux",
        "Stallworth",
        "O'Neill",
        "Kaminski",
        "DeLuca",
    ],
    "DE": [
        "Hartmann",
        "Krüger",
        "Schröder",
        "Zimmermann",
        "Köhler",
        "Großmann",
        "Weiß",
        "Lindemann",
        "Brandstätter",
        "Yılmaz",
        "Öztürk",
        "Çelik",
        "Nowak",
        "Popović",
        "Nguyen",
        "von Bülow",
        "Meyer-Lindenberg",
        "Schulze-Wessel",
        "Dreßler",
        "Kaczmarek",
        "Albrecht",
        "Voigt",
    ],
    "FR": [
        "Lefèvre",
        "Moreau",
        "Girard",
        "Rousseau",
        "Mercier",
        "Fontaine",
        "Benali",
        "Haddad",
        "Diallo",
        "Le Goff",
        "Le Gall",
        "Dupuis-Morel",
        "Kerbrat",
        "N'Diaye",
        "de Montclair",
        "Bouchard",
        "Thévenot",
        "Nguyen",
        "Carpentier",
        "Lemaître",
        "Bazin",
    ],
    "ES": [
        "García",
        "Fernández",
        "Rodríguez",
        "Sánchez",
        "Jiménez",
        "Navarro",
        "Domínguez",
        "Etxeberria",
        "Puig",
        "Vidal",
        "Iglesias",
        "Ortega",
        "de la Fuente",
        "del Río",
        "Muñoz",
        "Castillo",
        "Garrido",
        "Bermúdez",
        "Aguirre",
        "Peñalver",
    ],
    "IT": [
        "Esposito",
        "Ferrari",
        "Colombo",
        "Ricci",
        "Marino",
        "Greco",
        "Conti",
        "De Luca",
        "Mancini",
        "Giordano",
        "Lombardi",
        "Barbieri",
        "D'Angelo",
        "Santoro",
        "Lo Bianco",
        "Dell'Acqua",
        "Di Stefano",
        "Pellegrino",
        "Fumagalli",
        "Cattaneo",
    ],
    "NL": [
        "de Jong",
        "Jansen",
        "de Vries",
        "van den Berg",
        "van Dijk",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "Dijkstra",
        "van der Meer",
        "Brouwer",
        "Hendriks",
        "Kok",
        "Vermeulen",
        "van Leeuwen",
        "Postma",
        "Verhoeven",
    ],
}
SUR_MIG: dict[str, list[str]] = {
    "GB": ["Nowak", "Adeyemi", "Hussain", "Wiśniewski"],
    "US": ["Tran", "Hernández", "Adebayo", "Haddad"],
    "DE": ["Demir", "Schewtschenko", "Jovanović", "Al-Khatib"],
    "FR": ["Traoré", "Bensaïd", "Tran", "Ould Ahmed"],
    "ES": ["El Idrissi", "Popescu", "Quispe", "Bennani"],
    "IT": ["Hoxha", "Popescu", "Chen", "El Amrani"],
    "NL": ["El Amrani", "Yıldız", "Kartosen", "Ramdin", "Haddou"],
}

PLACES: dict[str, list[tuple[str, str, str]]] = {
    # (town, postcode or state+zip, dialling area without trunk 0)
    "GB": [
        ("Leeds", "LS6 2QT", "113"),
        ("Manchester", "M14 5RG", "161"),
        ("Bristol", "BS7 8AU", "117"),
        ("Edinburgh", "EH9 1PR", "131"),
        ("Cardiff", "CF24 4HQ", "29"),
        ("Norwich", "NR2 3AB", "1603"),
        ("Sheffield", "S10 2GH", "114"),
        ("London", "SE15 4QL", "20"),
        ("Glasgow", "G12 8QQ", "141"),
        ("York", "YO10 3DD", "1904"),
        ("Brighton", "BN2 1TW", "1273"),
        ("London", "N16 7UJ", "20"),
    ],
    "US": [
        ("Springfield", "IL 62704", "217"),
        ("Austin", "TX 78704", "512"),
        ("Columbus", "OH 43215", "614"),
        ("Portland", "OR 97214", "503"),
        ("Denver", "CO 80205", "303"),
        ("Raleigh", "NC 27601", "919"),
        ("Madison", "WI 53703", "608"),
        ("Tucson", "AZ 85719", "520"),
        ("Albany", "NY 12206", "518"),
        ("Savannah", "GA 31401", "912"),
        ("Chicago", "IL 60614", "312"),
        ("Boston", "MA 02130", "617"),
    ],
    "DE": [
        ("Berlin", "10115", "30"),
        ("Hamburg", "22765", "40"),
        ("München", "80337", "89"),
        ("Köln", "50667", "221"),
        ("Frankfurt am Main", "60316", "69"),
        ("Stuttgart", "70176", "711"),
        ("Düsseldorf", "40215", "211"),
        ("Leipzig", "04277", "341"),
        ("Dresden", "01099", "351"),
        ("Hannover", "30161", "511"),
        ("Nürnberg", "90429", "911"),
        ("Bremen", "28203", "421"),
        ("Freiburg im Breisgau", "79102", "761"),
        ("Münster", "48143", "251"),
        ("Kassel", "34117", "561"),
        ("Mainz", "55116", "6131"),
    ],
    "FR": [
        ("Paris", "75011", "1"),
        ("Paris", "75018", "1"),
        ("Lyon", "69003", "4"),
        ("Marseille", "13006", "4"),
        ("Toulouse", "31000", "5"),
        ("Nantes", "44000", "2"),
        ("Bordeaux", "33000", "5"),
        ("Lille", "59000", "3"),
        ("Strasbourg", "67000", "3"),
        ("Rennes", "35000", "2"),
        ("Montpellier", "34000", "4"),
        ("Grenoble", "38000", "4"),
        ("Ajaccio", "20000", "4"),
        ("Dijon", "21000", "3"),
    ],
    "ES": [
        ("Madrid", "28013", "91"),
        ("Madrid", "28045", "91"),
        ("Barcelona", "08012", "93"),
        ("Valencia", "46002", "96"),
        ("Sevilla", "41001", "95"),
        ("Zaragoza", "50001", "976"),
        ("Málaga", "29001", "952"),
        ("Bilbao", "48001", "94"),
        ("Murcia", "30001", "968"),
        ("Valladolid", "47001", "983"),
        ("Granada", "18001", "958"),
        ("A Coruña", "15001", "981"),
        ("Palma", "07001", "971"),
    ],
    "IT": [
        ("Milano", "20121", "2"),
        ("Roma", "00184", "6"),
        ("Napoli", "80133", "81"),
        ("Torino", "10121", "11"),
        ("Bologna", "40121", "51"),
        ("Firenze", "50122", "55"),
        ("Genova", "16121", "10"),
        ("Bari", "70121", "80"),
        ("Palermo", "90133", "91"),
        ("Venezia", "30121", "41"),
        ("Verona", "37121", "45"),
        ("Padova", "35121", "49"),
        ("Brescia", "25121", "30"),
        ("Cagliari", "09124", "70"),
    ],
    "NL": [
        ("Amsterdam", "1015 CJ", "20"),
        ("Rotterdam", "3011 AA", "10"),
        ("Den Haag", "2511 BT", "70"),
        ("Utrecht", "3511 LN", "30"),
        ("Eindhoven", "5611 AB", "40"),
        ("Groningen", "9711 LM", "50"),
        ("Tilburg", "5038 AB", "13"),
        ("Breda", "4811 CD", "76"),
        ("Nijmegen", "6511 HV", "24"),
        ("Haarlem", "2011 KL", "23"),
        ("Zwolle", "8011 CW", "38"),
        ("Maastricht", "6211 CD", "43"),
        ("Leiden", "2311 EK", "71"),
    ],
}
IT_PROV = {
    "Milano": "MI",
    "Roma": "RM",
    "Napoli": "NA",
    "Torino": "TO",
    "Bologna": "BO",
    "Firenze": "FI",
    "Genova": "GE",
    "Bari": "BA",
    "Palermo": "PA",
    "Venezia": "VE",
    "Verona": "VR",
    "Padova": "PD",
    "Brescia": "BS",
    "Cagliari": "CA",
}
IT_BELFIORE = {
    "Milano": "F205",
    "Roma": "H501",
    "Napoli": "F839",
    "Torino": "L219",
    "Bologna": "A944",
    "Firenze": "D612",
    "Genova": "D969",
    "Bari": "A662",
    "Palermo": "G273",
    "Venezia": "L736",
    "Verona": "L781",
    "Padova": "G224",
    "Brescia": "B157",
    "Cagliari": "B354",
}
IT_FOREIGN = {"Romania": "Z129", "Albania": "Z100", "Marocco": "Z330", "Cina": "Z210"}
FR_DEPT = {
    "Paris": "75",
    "Lyon": "69",
    "Marseille": "13",
    "Toulouse": "31",
    "Nantes": "44",
    "Bordeaux": "33",
    "Lille": "59",
    "Strasbourg": "67",
    "Rennes": "35",
    "Montpellier": "34",
    "Grenoble": "38",
    "Ajaccio": "2A",
    "Dijon": "21",
}

STREETS: dict[str, list[str]] = {
    "GB": [
        "Marlowe Road",
        "Church Lane",
        "Wellington Street",
        "Oakfield Avenue",
        "Beechwood Close",
        "Albion Terrace",
        "Mill Lane",
        "Cavendish Place",
        "Station Road",
        "Heathfield Crescent",
        "Priory Gardens",
    ],
    "US": [
        "Maple Avenue",
        "W Fullerton Ave",
        "Elm Street",
        "Riverside Drive",
        "N Broadway",
        "Sycamore Lane",
        "Oak Ridge Rd",
        "E 5th Street",
        "Magnolia Blvd",
        "Lakeview Terrace",
        "Cedar Court",
    ],
    "DE": [
        "Lindenallee",
        "Hauptstraße",
        "Am Mühlbach",
        "Bahnhofstraße",
        "Kastanienweg",
        "Schillerstraße",
        "Gartenstraße",
        "Friedrich-Ebert-Straße",
        "Im Winkel",
        "Rosenstraße",
        "Talstraße",
        "Kirchgasse",
        "Eichendorffring",
    ],
    "FR": [
        "rue des Lilas",
        "avenue Jean-Jaurès",
        "boulevard de la Liberté",
        "rue du Moulin",
        "impasse des Acacias",
        "rue Saint-Honoré",
        "allée des Tilleuls",
        "chemin des Vignes",
        "place du Marché",
        "rue de la République",
        "quai de la Fosse",
    ],
    "ES": [
        "C/ Mayor",
        "Calle de Alcalá",
        "Avda. de la Constitución",
        "C/ San Vicente",
        "Plaza de la Merced",
        "Paseo de Gracia",
        "C/ del Carmen",
        "Avda. de Andalucía",
        "Ronda de Toledo",
        "Camino de Ronda",
        "C/ Real",
    ],
    "IT": [
        "Via Roma",
        "Via Garibaldi",
        "Viale Monza",
        "Piazza della Repubblica",
        "Corso Vittorio Emanuele II",
        "Via dei Mille",
        "Via Nazionale",
        "Viale dei Tigli",
        "Via San Francesco",
        "Corso Italia",
        "Via delle Rose",
    ],
    "NL": [
        "Keizersgracht",
        "Dorpsstraat",
        "Kerkstraat",
        "Molenweg",
        "Julianalaan",
        "Lindenlaan",
        "Oude Gracht",
        "Havenstraat",
        "Beatrixstraat",
        "Wilhelminapark",
        "Zonnebloemstraat",
    ],
}

EMAIL_DOMAINS = {
    "GB": ["btinternet.com", "outlook.com", "gmail.com", "yahoo.co.uk", "sky.com"],
    "US": ["gmail.com", "yahoo.com", "outlook.com", "comcast.net", "icloud.com"],
    "DE": ["web.de", "gmx.de", "t-online.de", "posteo.de", "mailbox.org", "gmail.com"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
    "IT": ["libero.it", "tiscali.it", "virgilio.it", "gmail.com", "alice.it"],
    "NL": ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "gmail.com", "hotmail.nl", "planet.nl"],
}

LANG_COUNTRY = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}

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


# ---------------------------------------------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------------------------------------------


def _pairs(s: str, sep: str) -> str:
    if len(s) % 2:  # odd length: pairs, then a final group of three
        return sep.join([*(s[i : i + 2] for i in range(0, len(s) - 3, 2)), s[-3:]])
    return sep.join(s[i : i + 2] for i in range(0, len(s), 2))


def phone(rng: random.Random, country: str, area: str, mobile: bool) -> str:
    r = rng.random()
    if country == "DE":
        if mobile:
            pre = rng.choice(
                ["151", "152", "157", "160", "162", "170", "171", "172", "174", "176", "177", "179"]
            )
            sub = rdig(rng, 8 if pre.startswith("15") else 7)
            opts = [
                f"0{pre} {sub}",
                f"0{pre}/{sub}",
                f"0{pre}-{sub}",
                f"+49 {pre} {sub}",
                f"+49 (0){pre} {sub}",
                f"0049 {pre} {sub}",
                f"+49{pre}{sub}",
                f"0{pre} {sub[:3]} {sub[3:]}",
                f"0{pre}{NBSP}{sub}",
            ]
        else:
            sub = str(rng.randint(2, 9)) + rdig(rng, 6 if len(area) <= 3 else 5)
            ext = str(rng.randint(10, 399))
            opts = [
                f"0{area} {sub}",
                f"0{area}/{sub}",
                f"0{area}-{sub}",
                f"(0{area}) {_pairs(sub, ' ')}",
                f"+49 {area} {sub}",
                f"+49 (0){area} {sub}",
                f"0049 {area} {sub}",
                f"0{area} {sub}-{ext}",
                f"+49 {area} {sub}-0",
                f"0{area} / {sub[:3]} {sub[3:]}",
            ]
        return rng.choice(opts)
    if country == "AT":
        return rng.choice(
            [
                f"+43 1 {rdig(rng, 7)}",
                f"0664 {rdig(rng, 7)}",
                f"+43 664 {rdig(rng, 3)} {rdig(rng, 4)}",
                f"01/{rdig(rng, 7)}",
            ]
        )
    if country == "CH":
        return rng.choice(
            [
                f"+41 44 {rdig(rng, 3)} {rdig(rng, 2)} {rdig(rng, 2)}",
                f"079 {rdig(rng, 3)} {rdig(rng, 2)} {rdig(rng, 2)}",
                f"+41 (0)21 {rdig(rng, 3)} {rdig(rng, 2)} {rdig(rng, 2)}",
            ]
        )
    if country == "BE":
        return rng.choice(
            [
                f"+32 2 {rdig(rng, 3)} {rdig(rng, 2)} {rdig(rng, 2)}",
                f"0470 {rdig(rng, 2)} {rdig(rng, 2)} {rdig(rng, 2)}",
                f"+32 475 {rdig(rng, 2)} {rdig(rng, 2)} {rdig(rng, 2)}",
                f"09/{rdig(rng, 3)}.{rdig(rng, 2)}.{rdig(rng, 2)}",
            ]
        )
    if country == "FR":
        lead = rng.choice(["6", "7"]) if mobile else (area if rng.random() < 0.8 else "9")
        eight = str(rng.randint(1, 9)) + rdig(rng, 7)
        sep = rng.choice([" ", " ", ".", "-", NBSP, NNBSP, ""])
        isep = sep if sep else " "
        if r < 0.65:
            return "0" + lead + sep + _pairs(eight, sep)
        if r < 0.85:
            return f"+33{isep}{lead}{isep}{_pairs(eight, isep)}"
        if r < 0.93:
            return f"+33 (0){lead} {_pairs(eight, ' ')}"
        return f"0033 {lead} {_pairs(eight, ' ')}"
    if country == "ES":
        if mobile:
            nine = rng.choice(["6", "6", "6", "7" + rng.choice("1234")]) + rdig(rng, 8)
            nine = nine[:9]
        else:
            nine = area + rdig(rng, 9 - len(area))
        opts = [
            f"{nine[:3]} {nine[3:6]} {nine[6:]}",
            f"{nine[:3]} {nine[3:5]} {nine[5:7]} {nine[7:]}",
            nine,
            f"+34 {nine[:3]} {nine[3:6]} {nine[6:]}",
            f"0034 {nine}",
            f"(+34) {nine[:3]} {nine[3:5]} {nine[5:7]} {nine[7:]}",
            f"{nine[:3]}-{nine[3:6]}-{nine[6:]}",
            f"+34{nine}",
        ]
        if not mobile and len(area) == 2:
            opts.append(f"{nine[:2]} {nine[2:5]} {nine[5:7]} {nine[7:]}")
        return rng.choice(opts)
    if country == "IT":
        if mobile:
            pre = rng.choice(
                [
                    "320",
                    "328",
                    "329",
                    "333",
                    "335",
                    "338",
                    "339",
                    "340",
                    "347",
                    "348",
                    "349",
                    "366",
                    "388",
                    "392",
                ]
            )
            sub = rdig(rng, 7)
            opts = [
                f"{pre} {sub[:3]} {sub[3:]}",
                f"{pre}/{sub}",
                f"{pre}-{sub}",
                f"{pre}{sub}",
                f"+39 {pre} {sub[:3]} {sub[3:]}",
                f"+39 {pre}{sub}",
                f"0039 {pre} {sub}",
                f"{pre} {sub}",
                f"{pre}.{sub[:3]}.{sub[3:]}",
            ]
        else:
            sub = str(rng.randint(2, 9)) + rdig(
                rng, (8 if len(area) == 1 else 7) - 1 - (1 if len(area) == 2 else 0)
            )
            opts = [
                f"0{area} {sub}",
                f"0{area}-{sub}",
                f"0{area}/{sub}",
                f"0{area} {sub[:4]} {sub[4:]}",
                f"+39 0{area} {sub}",
                f"0039 0{area} {sub}",
                f"(0{area}) {sub}",
            ]
        return rng.choice(opts)
    if country == "NL":
        if mobile:
            eight = rdig(rng, 8)
            opts = [
                f"06-{eight}",
                f"06 {eight[:4]} {eight[4:]}",
                f"06 {_pairs(eight, ' ')}",
                f"+31 6 {eight[:4]} {eight[4:]}",
                f"+31 (0)6 {eight}",
                f"0031 6 {eight}",
                f"06{eight}",
                f"+316{eight}",
                f"06-{eight[:2]} {eight[2:5]} {eight[5:]}",
            ]
        else:
            seven = str(rng.randint(2, 9)) + rdig(rng, 6)
            opts = [
                f"0{area}-{seven}",
                f"0{area} {seven[:3]} {seven[3:]}",
                f"(0{area}) {seven[:3]} {seven[3:5]} {seven[5:]}",
                f"+31 {area} {seven[:3]} {seven[3:]}",
                f"+31 (0){area} {seven[:3]} {seven[3:]}",
                f"0031 {area} {seven}",
                f"0{area} - {seven}",
            ]
        return rng.choice(opts)
    if country == "GB":
        if mobile:
            pre = "07" + rng.choice(
                ["700", "712", "723", "734", "745", "756", "767", "778", "789", "811", "824", "931", "960"]
            )
            six = rdig(rng, 6)
            opts = [
                f"{pre} {six}",
                f"{pre} {six[:3]} {six[3:]}",
                f"+44 {pre[1:]} {six}",
                f"+44 (0){pre[1:]} {six}",
                f"0044 {pre[1:]} {six}",
                f"{pre}{six}",
                f"+44{pre[1:]}{six}",
            ]
        else:
            if area == "20":
                n = rng.choice(["7", "8", "3"]) + rdig(rng, 7)
                nat = f"020 {n[:4]} {n[4:]}"
                intl = f"{area} {n[:4]} {n[4:]}"
            elif area == "29":
                n = "2" + rdig(rng, 7)
                nat = f"029 {n[:4]} {n[4:]}"
                intl = f"29 {n[:4]} {n[4:]}"
            elif len(area) == 3:
                n = str(rng.randint(2, 9)) + rdig(rng, 6)
                nat = f"0{area} {n[:3]} {n[3:]}"
                intl = f"{area} {n[:3]} {n[3:]}"
            else:
                n = str(rng.randint(2, 9)) + rdig(rng, 5)
                nat = f"0{area} {n}"
                intl = f"{area} {n}"
            opts = [
                nat,
                nat,
                f"+44 {intl}",
                f"+44 (0){intl}",
                f"0044 {intl}",
                f"{nat} ext. {rng.randint(100, 4999)}",
                nat.replace(" ", ""),
            ]
        return rng.choice(opts)
    # US
    exch = str(rng.randint(2, 9)) + rdig(rng, 2)
    if exch == "555":
        exch = "556"
    line = rdig(rng, 4)
    opts = [
        f"({area}) {exch}-{line}",
        f"{area}-{exch}-{line}",
        f"{area}.{exch}.{line}",
        f"+1 {area} {exch} {line}",
        f"1-{area}-{exch}-{line}",
        f"+1 ({area}) {exch}-{line}",
        f"({area}) {exch}-{line} x{rng.randint(10, 999)}",
        f"{area}-{exch}-{line} ext. {rng.randint(10, 9999)}",
        f"{area}{exch}{line}",
    ]
    return rng.choice(opts)


def phone_ok(v: str) -> bool:
    core = re.sub(r"\s*(ext\.|x)\s*\d+$", "", v)
    d = digits_of(core)
    if not 8 <= len(d) <= 15:
        return False
    return bool(re.fullmatch(r"(\(\+\d{2}\) |[+(])?\d[\d ()./\-\u00a0\u202f]*\d", core))


# ---------------------------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Ent:
    value: str
    type: str


@dataclass
class Look:
    value: str
    what: str


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", strip_accents(s).lower().replace("ı", "i"))


def fmt_date(lang: str, country: str, y: int, m: int, d: int, rng: random.Random, written: bool) -> str:
    mn = MONTHS[lang][m - 1]
    if written:
        if lang == "en":
            if country == "US":
                return f"{mn} {d}, {y}"
            return rng.choice([f"{d} {mn} {y}", f"{d} {mn[:3]} {y}" if mn != "May" else f"{d} May {y}"])
        if lang == "de":
            return f"{d}. {mn} {y}"
        if lang == "fr":
            return f"{'1er' if d == 1 else d} {mn} {y}"
        if lang == "es":
            return f"{d} de {mn} de {y}"
        return f"{d} {mn} {y}"
    if lang == "en":
        if country == "US":
            return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}"])
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}"])
    if lang == "de":
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y}"])
    if lang == "nl":
        return rng.choice([f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}"])
    if lang == "es":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}"])
    if lang == "fr":
        return f"{d:02d}/{m:02d}/{y}"
    return rng.choice(
        [f"{d:02d}/{m:02d}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}", f"{d}/{m}/{y}"]
    )


def plain_date(lang: str, country: str, rng: random.Random, year: int | None = None) -> str:
    y = year or rng.choice([2024, 2025, 2025, 2026])
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    return fmt_date(lang, country, y, m, d, rng, rng.random() < 0.35)


def make_person(
    rng: random.Random,
    lang: str,
    country: str,
    female: bool | None = None,
    years: tuple[int, int] = (1950, 2006),
) -> dict[str, Any]:
    if female is None:
        female = rng.random() < 0.5
    sx = "f" if female else "m"
    mig = rng.random() < 0.2
    first = rng.choice(FIRST_MIG[country][sx] if mig and rng.random() < 0.7 else FIRST[country][sx])
    sur = rng.choice(SUR_MIG[country] if mig else SUR[country])
    p_sur1 = sur
    if country == "ES":
        sur = sur + " " + rng.choice([s for s in SUR["ES"] if s != sur and not s.startswith("d")])
    if country == "GB" and rng.random() < 0.08:
        sur = sur + "-" + rng.choice(["Jones", "Smythe", "Evans"]) if "-" not in sur else sur
    y = rng.randint(*years)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    p: dict[str, Any] = {
        "first": first,
        "sur": sur,
        "sur1": p_sur1,
        "female": female,
        "dob": (y, m, d),
        "country": country,
    }
    p["mig"] = mig
    # town / address
    town, pc, area = rng.choice(PLACES[country])
    street = rng.choice(STREETS[country])
    no = rng.randint(1, 180)
    if country == "GB":
        line1 = rng.choice([f"{no} {street}", f"Flat {rng.randint(1, 12)}, {no} {street}", f"{no} {street}"])
        lines = [line1, f"{town} {pc}"]
        one = f"{line1}, {town} {pc}"
    elif country == "US":
        if rng.random() < 0.07:
            line1 = f"PSC {rng.randint(1000, 9999)}, Box {rng.randint(100, 9999)}"
            lines = [line1, f"APO AE 09{rng.randint(100, 999)}"]
            one = f"{line1}, APO AE {lines[1][-5:]}"
        else:
            line1 = f"{rng.randint(100, 9999)} {street}" + rng.choice(
                ["", "", f", Apt {rng.randint(1, 30)}{rng.choice('ABCD')}", f" #{rng.randint(2, 40)}"]
            )
            lines = [line1, f"{town}, {pc}"]
            one = f"{line1}, {town}, {pc}"
    elif country == "DE":
        hn = f"{no}{rng.choice(['', '', '', 'a', 'b'])}"
        lines = [f"{street} {hn}", f"{pc} {town}"]
        one = f"{street} {hn}, {pc} {town}"
    elif country == "FR":
        hn = f"{no}{rng.choice(['', '', '', ' bis', ' ter'])}"
        lines = [f"{hn}, {street}" if rng.random() < 0.3 else f"{hn} {street}", f"{pc} {town}"]
        one = f"{lines[0]}, {pc} {town}"
    elif country == "ES":
        floor = rng.choice(
            [
                "",
                f", {rng.randint(1, 8)}º {rng.choice('ABCD')}",
                f", {rng.randint(1, 6)}º izq.",
                ", bajo",
                f", {rng.randint(1, 5)}º-{rng.randint(1, 4)}ª",
            ]
        )
        lines = [f"{street}, {no}{floor}", f"{pc} {town}"]
        one = f"{street}, {no}{floor}, {pc} {town}"
    elif country == "IT":
        prov = IT_PROV[town]
        lines = [f"{street} {no}", f"{pc} {town} ({prov})"]
        one = rng.choice(
            [
                f"{street} {no}, {pc} {town} ({prov})",
                f"{street}, {no} - {pc} {town}",
                f"{street} {no}, {pc} {town}",
            ]
        )
        if "-" in one:
            lines = [f"{street}, {no}", f"{pc} {town} ({prov})"]
    else:
        hn = f"{no}{rng.choice(['', '', '', '-B', ' hs', 'A', '-2'])}"
        lines = [f"{street} {hn}", f"{pc} {town}" if rng.random() < 0.7 else f"{pc}  {town.upper()}"]
        one = f"{street} {hn}, {lines[1]}"
    p.update(town=town, area=area, addr_lines=lines, addr_one=one)
    # birthplace
    if country == "IT":
        if mig and rng.random() < 0.7:
            bp_name, bp_code = rng.choice(list(IT_FOREIGN.items()))
        else:
            bp_name = rng.choice(list(IT_BELFIORE))
            bp_code = IT_BELFIORE[bp_name]
        p["birthplace"] = bp_name
        p["cf"] = cf_make(sur, first, y, m, d, female, bp_code)
    if country == "FR":
        if mig and rng.random() < 0.6:
            p["birthplace"], commune = rng.choice(
                [
                    ("Dakar (Sénégal)", "341"),
                    ("Casablanca (Maroc)", "350"),
                    ("Alger (Algérie)", "352"),
                    ("Tunis (Tunisie)", "351"),
                ]
            )
            body_dept = "99"
        else:
            bp = rng.choice(list(FR_DEPT))
            p["birthplace"] = bp
            body_dept = FR_DEPT[bp]
            commune = ""
        p["nir"] = make_nir(rng, female, (y, m, d), body_dept, commune)
    return p


def initials(first: str) -> str:
    out = []
    for part in first.split(" "):
        out.append("-".join(h[0] + "." for h in part.split("-")))
    return " ".join(out)


TITLES = {
    "en": (("Mr", "Dear Mr"), ("Ms", "Dear Ms")),
    "de": (("Herr", "Sehr geehrter Herr"), ("Frau", "Sehr geehrte Frau")),
    "fr": (("M.", "Monsieur"), ("Mme", "Madame")),
    "es": (("Sr.", "Estimado Sr."), ("Sra.", "Estimada Sra.")),
    "it": (("Sig.", "Gentile Sig."), ("Sig.ra", "Gentile Sig.ra")),
    "nl": (("dhr.", "Geachte heer"), ("mevr.", "Geachte mevrouw")),
}

OBF = {
    "en": ["{u} at {d}", "{u}(at){d}", "{u} [at] {dd}", "{ud} at {ddd}"],
    "de": ["{u}(at){d}", "{u} [at] {dd}", "{u} (at) {d}", "{u}[at]{d}"],
    "fr": ["{u} arobase {d}", "{u}(at){d}", "{u} [at] {dd}", "{u} [arobase] {d}"],
    "es": ["{u} arroba {d}", "{u}(arroba){d}", "{u} [at] {dd}", "{u} (arroba) {d}"],
    "it": ["{u} chiocciola {d}", "{u}(at){d}", "{u} [at] {dd}", "{u} chiocciola {d}"],
    "nl": ["{u} apenstaartje {d}", "{u}(at){d}", "{u} [at] {dd}", "{u} at {d}"],
}
DOT_WORD = {"en": "dot", "de": "punkt", "fr": "point", "es": "punto", "it": "punto", "nl": "punt"}


def obfuscate(rng: random.Random, lang: str, email: str) -> str:
    u, d = email.split("@")
    dw = DOT_WORD[lang]
    pat = rng.choice(OBF[lang])
    return pat.format(
        u=u,
        d=d,
        dd=d.replace(".", f" [{dw}] "),
        ud=u.replace(".", f" {dw} "),
        ddd=d.replace(".", f" {dw} "),
    )


def person_ctx(rng: random.Random, lang: str, p: dict[str, Any], x: str, ctx: dict[str, Any]) -> None:
    first, sur, c = p["first"], p["sur"], p["country"]
    sur_t = cap_first(sur) if c == "NL" else sur
    if c == "ES" and rng.random() < 0.5:
        sur_t = p["sur1"]
    full = f"{first} {sur}"
    forms = {
        "full": full,
        "rev": f"{cap_first(sur)}, {first}",
        "caps": f"{sur.upper()} {first}",
        "upper": full.upper(),
        "lower": full.lower(),
        "init": f"{initials(first)} {sur}",
    }
    pick = rng.choices(["full", "rev", "caps", "upper", "init"], weights=[45, 18, 15, 10, 12])[0]
    P = "PERSON"
    ctx[f"{x}_name"] = Ent(forms[pick], P)
    for k, v in forms.items():
        ctx[f"{x}_{k}"] = Ent(v, P)
    ctx[f"{x}_first"] = Ent(first, P)
    ctx[f"{x}_sur"] = Ent(sur_t, P)
    ctx[f"{x}_surup"] = Ent(sur_t.upper(), P)
    ctx[f"{x}_fsup"] = Ent(f"{first} {sur.upper()}", P)
    fs, ss = (
        slug(first.split(" ")[0].split("-")[0]),
        slug(sur.split(" ")[-1] if c != "ES" else p["sur1"].split(" ")[-1]),
    )
    handle = rng.choice(
        [
            f"{fs}.{ss}",
            f"{fs[0]}{ss}",
            f"{fs}_{ss[:1]}{p['dob'][0] % 100:02d}",
            f"{fs}{ss[:3]}",
            f"{ss}.{fs[0]}",
        ]
    )
    ctx[f"{x}_handle"] = Ent(handle, P)
    ctx[f"{x}_firstlow"] = Ent(first.lower(), P)
    female = p["female"]
    t, dear = TITLES[lang][1 if female else 0]
    ctx[f"{x}_t"] = t
    ctx[f"{x}_dear"] = dear
    ctx[f"{x}_a"] = {
        "de": "in" if female else "",
        "fr": "e" if female else "",
        "es": "a" if female else "o",
        "it": "a" if female else "o",
    }.get(lang, "")
    ctx[f"{x}_o"] = {"es": "a" if female else "o", "it": "a" if female else "o"}.get(lang, "")
    y, m, d = p["dob"]
    ctx[f"{x}_dob"] = Ent(fmt_date(lang, c, y, m, d, rng, rng.random() < 0.3), "DATE_OF_BIRTH")
    ctx[f"{x}_dobn"] = Ent(fmt_date(lang, c, y, m, d, rng, False), "DATE_OF_BIRTH")
    ctx[f"{x}_dobw"] = Ent(fmt_date(lang, c, y, m, d, rng, True), "DATE_OF_BIRTH")
    ctx[f"{x}_age"] = str(2026 - y)
    ctx[f"{x}_town"] = p["town"]
    ctx[f"{x}_addr"] = Ent(p["addr_one"], "ADDRESS")
    ctx[f"{x}_addr1"] = Ent(p["addr_lines"][0], "ADDRESS")
    ctx[f"{x}_addr2"] = Ent(p["addr_lines"][1], "ADDRESS")
    pc = c
    if lang == "de" and rng.random() < 0.1:
        pc = rng.choice(["AT", "CH"])
    if lang in ("fr", "nl") and rng.random() < 0.08:
        pc = "BE"
    ctx[f"{x}_phone"] = Ent(phone(rng, pc, p["area"], False), "PHONE_NUMBER")
    ctx[f"{x}_mobile"] = Ent(phone(rng, pc, p["area"], True), "PHONE_NUMBER")
    ctx[f"{x}_tel"] = ctx[f"{x}_mobile"] if rng.random() < 0.6 else ctx[f"{x}_phone"]
    yy = p["dob"][0] % 100
    user = rng.choice(
        [
            f"{fs}.{ss}",
            f"{fs[0]}.{ss}",
            f"{fs}{ss}{yy:02d}",
            f"{ss}.{fs}",
            f"{fs}-{ss}",
            f"{fs}{rng.randint(1, 99)}",
        ]
    )
    email = f"{user}@{rng.choice(EMAIL_DOMAINS[c])}"
    ctx[f"{x}_email"] = Ent(email, "EMAIL_ADDRESS")
    ctx[f"{x}_emailobf"] = Ent(obfuscate(rng, lang, email), "EMAIL_ADDRESS")
    ctx[f"{x}_emailany"] = ctx[f"{x}_emailobf"] if rng.random() < 0.3 else ctx[f"{x}_email"]
    ctx[f"{x}_wuser"] = f"{fs}.{ss}"
    ctx[f"{x}_iban"] = Ent(make_iban(rng, c if c != "US" else "GB"), "IBAN_CODE")
    ctx[f"{x}_card"] = Ent(make_card(rng), "CREDIT_CARD")
    ctx[f"{x}_mrn"] = Ent(make_mrn(rng, lang), "MEDICAL_RECORD_NUMBER")
    if c == "DE":
        ctx[f"{x}_steuer"] = Ent(make_steuer(rng), "DE_STEUER_ID")
        ctx[f"{x}_svnr"] = Ent(make_svnr(rng, p["dob"], sur, female), "DE_SVNR")
        ctx[f"{x}_kvnr"] = Ent(make_kvnr(rng), "DE_KVNR")
    elif c == "FR":
        ctx[f"{x}_nir"] = Ent(p["nir"], "FR_NIR")
        ctx[f"{x}_birthplace"] = p["birthplace"]
    elif c == "ES":
        if p["mig"]:
            ctx[f"{x}_doc"], ctx[f"{x}_doclabel"] = Ent(make_nie(rng), "ES_NIE"), "NIE"
        else:
            ctx[f"{x}_doc"], ctx[f"{x}_doclabel"] = Ent(make_dni(rng), "ES_DNI"), "DNI"
    elif c == "IT":
        cf = p["cf"] if rng.random() < 0.85 else p["cf"].lower()
        ctx[f"{x}_cf"] = Ent(cf, "IT_FISCAL_CODE")
        ctx[f"{x}_birthplace"] = p["birthplace"]
    elif c == "NL":
        ctx[f"{x}_bsn"] = Ent(make_bsn(rng), "NL_BSN")
    elif c == "GB":
        ctx[f"{x}_nid"], ctx[f"{x}_nidlabel"] = Ent(make_nino(rng), "UK_NINO"), "National Insurance number"
        ctx[f"{x}_hid"], ctx[f"{x}_hidlabel"] = Ent(make_nhs(rng), "UK_NHS"), "NHS No."
    else:
        ctx[f"{x}_nid"], ctx[f"{x}_nidlabel"] = Ent(make_ssn(rng), "US_SSN"), "SSN"
        ctx[f"{x}_hid"], ctx[f"{x}_hidlabel"] = ctx[f"{x}_mrn"], "MRN"


# ---------------------------------------------------------------------------------------------------------------
# Organisations and look-alikes
# ---------------------------------------------------------------------------------------------------------------

ORGS: dict[str, dict[str, list[tuple[str, str]]]] = {
    # kind -> [(name, mail domain)]
    "en": {
        "hospital": [
            ("Northgate General Hospital", "northgate.nhs.uk"),
            ("Riverside Community Hospital", "riversidehealth.org"),
            ("St Aldhelm's Infirmary", "staldhelms.nhs.uk"),
            ("Lakeshore Medical Center", "lakeshoremed.org"),
        ],
        "company": [
            ("Brightwater Logistics Ltd", "brightwater-logistics.co.uk"),
            ("Kestrel Software Inc.", "kestrelsoft.com"),
            ("Halden & Crane LLP", "haldencrane.com"),
            ("Meridian Utilities", "meridian-utilities.co.uk"),
        ],
        "insurer": [
            ("Sentinel Mutual Insurance", "sentinelmutual.com"),
            ("Harbourline Insurance plc", "harbourline.co.uk"),
        ],
        "school": [
            ("Ashfield Primary School", "ashfield.sch.uk"),
            ("Lincoln Heights Middle School", "lhms.k12.or.us"),
        ],
        "pharmacy": [
            ("Greenway Pharmacy", "greenwaypharmacy.co.uk"),
            ("CornerCare Drugstore", "cornercare.com"),
        ],
        "lettings": [
            ("Parkside Lettings", "parksidelettings.co.uk"),
            ("Oakbridge Property Management", "oakbridgepm.com"),
        ],
    },
    "de": {
        "hospital": [
            ("Klinikum Nordstadt", "klinikum-nordstadt.de"),
            ("Evangelisches Krankenhaus Lindenhof", "ekh-lindenhof.de"),
            ("Kreiskrankenhaus Talheim", "kkh-talheim.de"),
            ("Universitätsklinikum am Ring", "uk-amring.de"),
        ],
        "company": [
            ("Nordwind Logistik GmbH", "nordwind-logistik.de"),
            ("Elbtal Software AG", "elbtal-software.de"),
            ("Stadtwerke Weserbergland", "sw-weserbergland.de"),
            ("Brenner Maschinenbau GmbH & Co. KG", "brenner-mb.de"),
        ],
        "insurer": [
            ("Hanseatische Versicherungsgruppe", "hvg-nord.de"),
            ("Rheinland Versicherung AG", "rheinland-vers.de"),
        ],
        "school": [
            ("Grundschule am Stadtpark", "gs-stadtpark.de"),
            ("Gesamtschule Auf der Heide", "ge-heide.de"),
        ],
        "pharmacy": [
            ("Löwen-Apotheke", "loewen-apotheke-online.de"),
            ("Apotheke am Markt", "apo-am-markt.de"),
        ],
        "lettings": [
            ("Wohnungsbaugenossenschaft Eintracht eG", "wbg-eintracht.de"),
            ("Immobilienverwaltung Sonnenhof GmbH", "iv-sonnenhof.de"),
        ],
    },
    "fr": {
        "hospital": [
            ("Centre hospitalier de la Vallée", "ch-vallee.fr"),
            ("Clinique des Alpilles", "clinique-alpilles.fr"),
            ("CHU Rive-Gauche", "chu-rivegauche.fr"),
        ],
        "company": [
            ("Solvéa Conseil SAS", "solvea-conseil.fr"),
            ("Transports Garonne", "transports-garonne.fr"),
            ("Atelier Lumière SARL", "atelier-lumiere.fr"),
        ],
        "insurer": [
            ("Mutuelle Horizon Assurances", "horizon-assurances.fr"),
            ("Assurances du Littoral", "assur-littoral.fr"),
        ],
        "school": [
            ("École élémentaire des Capucins", "ac-exemple.fr"),
            ("Collège Les Marronniers", "college-marronniers.fr"),
        ],
        "pharmacy": [
            ("Pharmacie du Centre", "pharmacie-du-centre.fr"),
            ("Pharmacie de la Gare", "pharmagare.fr"),
        ],
        "lettings": [
            ("Agence Immobilière du Parc", "immo-du-parc.fr"),
            ("Foncia-Est Gestion", "gestion-est.fr"),
        ],
    },
    "es": {
        "hospital": [
            ("Hospital Universitario del Sureste", "hus-salud.es"),
            ("Clínica Nuestra Señora del Pilar", "clinicapilar.es"),
            ("Hospital Comarcal de la Vega", "hcvega.es"),
        ],
        "company": [
            ("Logística Mediterránea S.L.", "logimed.es"),
            ("Soluciones Tajo S.A.", "solucionestajo.es"),
            ("Construcciones Ebro S.L.", "construccionesebro.es"),
        ],
        "insurer": [("Seguros Atalaya", "segurosatalaya.es"), ("Mutua Levante Seguros", "mutualevante.es")],
        "school": [
            ("CEIP Los Almendros", "ceiplosalmendros.es"),
            ("IES Puerta del Sol", "iespuertadelsol.es"),
        ],
        "pharmacy": [("Farmacia Central", "farmaciacentral.es"), ("Farmacia La Alameda", "farmaalameda.es")],
        "lettings": [
            ("Inmobiliaria Albero", "inmoalbero.es"),
            ("Gestión de Alquileres Duero", "alquileresduero.es"),
        ],
    },
    "it": {
        "hospital": [
            ("Ospedale Civile di Valmora", "ospedalevalmora.it"),
            ("Azienda Ospedaliera Colli Euganei", "aocolli.it"),
            ("Policlinico del Mare", "policlinicodelmare.it"),
        ],
        "company": [
            ("Logistica Padana S.r.l.", "logisticapadana.it"),
            ("Tecnoservizi Appennino S.p.A.", "tecnoappennino.it"),
            ("Officine Lario S.r.l.", "officinelario.it"),
        ],
        "insurer": [
            ("Assicurazioni Serenissima", "serenissima-assicura.it"),
            ("Mutua Dolomiti", "mutuadolomiti.it"),
        ],
        "school": [
            ("Istituto Comprensivo Valle Verde", "icvalleverde.edu.it"),
            ("Liceo Scientifico del Borgo", "liceoborgo.edu.it"),
        ],
        "pharmacy": [
            ("Farmacia Comunale 3", "farmaciacomunale3.it"),
            ("Farmacia all'Angelo", "farmaciaangelo.it"),
        ],
        "lettings": [
            ("Immobiliare Il Portico", "immoportico.it"),
            ("Gestioni Condominiali Arno", "gcarno.it"),
        ],
    },
    "nl": {
        "hospital": [
            ("Ziekenhuis Rivierenland-Oost", "zro.nl"),
            ("Medisch Centrum De Polder", "mcdepolder.nl"),
            ("Streekziekenhuis Kempenland", "szkempen.nl"),
        ],
        "company": [
            ("Dijkgraaf Transport B.V.", "dijkgraaf-transport.nl"),
            ("Polderlicht Software", "polderlicht.nl"),
            ("Waterweg Installatietechniek", "waterweg-it.nl"),
        ],
        "insurer": [
            ("Lage Landen Verzekeringen", "llverzekeringen.nl"),
            ("Verzekeringen De Duinen", "deduinen-verzekert.nl"),
        ],
        "school": [
            ("Basisschool De Regenboog", "bsderegenboog.nl"),
            ("Scholengemeenschap Het Baken", "hetbaken.nl"),
        ],
        "pharmacy": [
            ("Apotheek De Linde", "apotheekdelinde.nl"),
            ("Service Apotheek Centrum", "apotheekcentrum.nl"),
        ],
        "lettings": [
            ("Woonstichting Thuisbasis", "thuisbasis.nl"),
            ("Vastgoedbeheer Grachtzicht", "grachtzicht.nl"),
        ],
    },
}

LK: dict[str, dict[str, list[str]]] = {
    "en": {
        "medical_eponym": [
            "Crohn's disease",
            "Parkinson's disease",
            "Hashimoto's thyroiditis",
            "Bell's palsy",
            "Raynaud's phenomenon",
            "Addison's disease",
            "Guillain-Barré syndrome",
            "Barrett's oesophagus",
            "Meniere's disease",
            "Cushing's syndrome",
        ],
        "brand": [
            "Ben & Jerry's",
            "Jack Daniel's",
            "Tommy Hilfiger",
            "Paul Smith",
            "Ted Baker",
            "Marks & Spencer",
            "Ralph Lauren",
            "Calvin Klein",
        ],
        "company": [
            "Johnson & Johnson",
            "Sainsbury's",
            "Morgan Stanley",
            "Wells Fargo",
            "Dell Technologies",
            "Sherwin-Williams",
            "John Lewis",
        ],
        "institution": [
            "Addenbrooke's Hospital",
            "Johns Hopkins Hospital",
            "Florence Nightingale Ward",
            "Alexander Fleming Building",
            "Edith Cavell Unit",
        ],
        "street_name": [
            "Martin Luther King Jr. Boulevard",
            "Victoria Street",
            "Gladstone Road",
            "Churchill Way",
            "Shakespeare Street",
        ],
    },
    "de": {
        "medical_eponym": [
            "Morbus Crohn",
            "Morbus Parkinson",
            "Hashimoto-Thyreoiditis",
            "Morbus Basedow",
            "Morbus Bechterew",
            "Raynaud-Syndrom",
            "Cushing-Syndrom",
            "Alzheimer-Demenz",
            "Barrett-Ösophagus",
            "Morbus Addison",
        ],
        "brand": [
            "Dr. Oetker",
            "Hugo Boss",
            "Jil Sander",
            "Karl Lagerfeld",
            "Käthe Wohlfahrt",
            "Ritter Sport",
            "Melitta",
            "Rolf Benz",
        ],
        "company": [
            "Heinrich Schulte & Söhne KG",
            "Müller Logistik GmbH",
            "Autohaus Kurt Becker",
            "Bäckerei Anton Wiese",
            "Siemens",
            "Porsche",
            "Bosch",
        ],
        "institution": [
            "Goethe-Gymnasium",
            "Robert-Koch-Institut",
            "Max-Planck-Institut",
            "Helios Klinikum Emil von Behring",
            "Albert-Schweitzer-Schule",
        ],
        "street_name": [
            "Konrad-Adenauer-Straße",
            "Willy-Brandt-Platz",
            "Goethestraße",
            "Friedrich-Ebert-Anlage",
            "Kaiser-Wilhelm-Ring",
        ],
    },
    "fr": {
        "medical_eponym": [
            "maladie de Crohn",
            "maladie de Parkinson",
            "syndrome de Guillain-Barré",
            "thyroïdite de Hashimoto",
            "maladie de Basedow",
            "maladie de Horton",
            "syndrome de Cushing",
            "maladie de Paget",
            "maladie d'Alzheimer",
        ],
        "brand": [
            "Louis Vuitton",
            "Yves Saint Laurent",
            "Jean Paul Gaultier",
            "Pierre Cardin",
            "Christian Dior",
            "Guy Degrenne",
            "Agnès b.",
        ],
        "company": [
            "Michelin",
            "Peugeot",
            "Renault",
            "Boulangerie Paul",
            "Garage Marcel Dubreuil",
            "Laboratoires Pierre Fabre",
        ],
        "institution": [
            "Hôpital Georges-Pompidou",
            "Lycée Victor-Hugo",
            "Institut Pasteur",
            "Hôpital Paul-Brousse",
            "collège Jean-Moulin",
        ],
        "street_name": [
            "boulevard Haussmann",
            "avenue Victor-Hugo",
            "rue Émile-Zola",
            "place Charles-de-Gaulle",
            "quai François-Mitterrand",
        ],
    },
    "es": {
        "medical_eponym": [
            "enfermedad de Crohn",
            "enfermedad de Parkinson",
            "síndrome de Guillain-Barré",
            "tiroiditis de Hashimoto",
            "parálisis de Bell",
            "enfermedad de Graves-Basedow",
            "síndrome de Cushing",
            "esófago de Barrett",
            "enfermedad de Alzheimer",
        ],
        "brand": [
            "Carolina Herrera",
            "Adolfo Domínguez",
            "Massimo Dutti",
            "Pedro del Hierro",
            "Purificación García",
            "Custo Barcelona",
        ],
        "company": [
            "Mahou San Miguel",
            "Bodegas Marqués de Riscal",
            "Construcciones Antonio Ruiz S.L.",
            "Ferretería Hermanos Gil",
            "Juan Valdez Café",
        ],
        "institution": [
            "Hospital Gregorio Marañón",
            "Hospital Ramón y Cajal",
            "Colegio Miguel de Cervantes",
            "Instituto Severo Ochoa",
            "Biblioteca Rafael Alberti",
        ],
        "street_name": [
            "Paseo de la Castellana",
            "calle de Serrano",
            "avenida de Blasco Ibáñez",
            "calle Alfonso XII",
            "plaza de Federico García Lorca",
        ],
    },
    "it": {
        "medical_eponym": [
            "morbo di Crohn",
            "morbo di Parkinson",
            "tiroidite di Hashimoto",
            "sindrome di Guillain-Barré",
            "sindrome di Cushing",
            "morbo di Basedow",
            "morbo di Addison",
            "esofago di Barrett",
            "morbo di Alzheimer",
        ],
        "brand": [
            "Giorgio Armani",
            "Salvatore Ferragamo",
            "Dolce & Gabbana",
            "Roberto Cavalli",
            "Emilio Pucci",
            "Valentino",
            "Laura Biagiotti",
        ],
        "company": [
            "Ferrero",
            "Barilla",
            "Benetton",
            "Pasticceria Luigi Marchesi",
            "Autofficina F.lli Bonetti",
            "Olivetti",
        ],
        "institution": [
            "Ospedale San Raffaele",
            "Istituto Giannina Gaslini",
            "Liceo Giosuè Carducci",
            "Policlinico Agostino Gemelli",
            "Istituto Comprensivo Giovanni Pascoli",
        ],
        "street_name": [
            "Via Giuseppe Verdi",
            "Corso Garibaldi",
            "Piazza Cavour",
            "Viale Alessandro Manzoni",
            "Via Dante Alighieri",
        ],
    },
    "nl": {
        "medical_eponym": [
            "ziekte van Crohn",
            "ziekte van Parkinson",
            "ziekte van Hashimoto",
            "syndroom van Guillain-Barré",
            "ziekte van Alzheimer",
            "syndroom van Cushing",
            "ziekte van Graves",
            "ziekte van Bechterew",
        ],
        "brand": [
            "Albert Heijn",
            "Douwe Egberts",
            "Hans Anders",
            "Jan Linders",
            "Van Haren",
            "Pieter Pot",
            "Viktor & Rolf",
        ],
        "company": [
            "Philips",
            "Heineken",
            "Bouwbedrijf Gebr. Janssen",
            "Loodgietersbedrijf Piet de Wit",
            "Van Oord",
        ],
        "institution": [
            "Anne Frank Huis",
            "Erasmus MC",
            "Antoni van Leeuwenhoek",
            "Rijksmuseum Boerhaave",
            "Christiaan Huygens College",
        ],
        "street_name": [
            "Johan Cruijff Boulevard",
            "Prins Hendrikkade",
            "Willemsplein",
            "Van Goghstraat",
            "Thorbeckeplein",
        ],
    },
}


EPONYM_GROUPS = {
    "en": {
        "gi": ["Crohn's disease", "Whipple's disease"],
        "neuro": ["Parkinson's disease", "Huntington's disease", "Alzheimer's disease"],
        "thyroid": ["Hashimoto's thyroiditis", "Graves' disease"],
    },
    "de": {
        "gi": ["Morbus Crohn", "Morbus Whipple"],
        "neuro": ["Morbus Parkinson", "Chorea Huntington", "Alzheimer-Demenz"],
        "thyroid": ["Hashimoto-Thyreoiditis", "Morbus Basedow"],
    },
    "fr": {
        "gi": ["maladie de Crohn", "maladie de Whipple"],
        "neuro": ["maladie de Parkinson", "maladie de Huntington", "maladie d'Alzheimer"],
        "thyroid": ["thyroïdite de Hashimoto", "maladie de Basedow"],
    },
    "es": {
        "gi": ["enfermedad de Crohn", "enfermedad de Whipple"],
        "neuro": ["enfermedad de Parkinson", "enfermedad de Huntington", "enfermedad de Alzheimer"],
        "thyroid": ["tiroiditis de Hashimoto", "enfermedad de Graves-Basedow"],
    },
    "it": {
        "gi": ["morbo di Crohn", "malattia di Whipple"],
        "neuro": ["morbo di Parkinson", "corea di Huntington", "morbo di Alzheimer"],
        "thyroid": ["tiroidite di Hashimoto", "morbo di Basedow"],
    },
    "nl": {
        "gi": ["ziekte van Crohn", "ziekte van Whipple"],
        "neuro": ["ziekte van Parkinson", "ziekte van Huntington", "ziekte van Alzheimer"],
        "thyroid": ["ziekte van Hashimoto", "ziekte van Graves"],
    },
}


LAW = {
    "en": {
        "tenancy": [
            "section 21 of the Housing Act 1988",
            "section 8 of the Housing Act 1988",
            "section 11 of the Landlord and Tenant Act 1985",
        ],
        "privacy": ["Article 15 UK GDPR", "the Data Protection Act 2018", "Article 9(2)(h) UK GDPR"],
        "labour": ["Employment Rights Act 1996", "Equality Act 2010"],
        "civil": ["Consumer Rights Act 2015", "Insurance Act 2015"],
        "criminal": ["section 170 of the Road Traffic Act 1988", "PACE Code C"],
    },
    "de": {
        "tenancy": ["§ 573 BGB", "§ 536 BGB", "§ 551 BGB", "§ 535 BGB"],
        "privacy": ["Art. 15 DSGVO", "Art. 13 DSGVO", "§ 35 SGB I"],
        "labour": ["§ 2 NachwG", "§ 622 BGB", "§ 1 Abs. 2 KSchG"],
        "civil": ["§ 823 Abs. 1 BGB", "§ 286 BGB", "§ 630g BGB"],
        "criminal": ["§ 136 StPO", "§ 163a StPO", "§ 142 StGB"],
    },
    "fr": {
        "tenancy": ["loi n° 89-462 du 6 juillet 1989", "loi n° 2014-366 du 24 mars 2014"],
        "privacy": [
            "article 15 du RGPD",
            "article 32 de la loi Informatique et Libertés",
            "article L. 1110-4 du Code de la santé publique",
        ],
        "labour": ["article L. 1232-1 du Code du travail", "article L. 3141-3 du Code du travail"],
        "civil": [
            "article L. 113-2 du Code des assurances",
            "article 1240 du Code civil",
            "article L. 121-1 du Code des assurances",
        ],
        "criminal": ["article 61-1 du Code de procédure pénale", "article 434-10 du Code pénal"],
    },
    "es": {
        "tenancy": ["Ley 29/1994, de Arrendamientos Urbanos", "Ley 12/2023, por el derecho a la vivienda"],
        "privacy": ["artículo 15 del RGPD", "Reglamento (UE) 2016/679", "artículo 6.1.b) del RGPD"],
        "labour": ["artículo 52.c) del Estatuto de los Trabajadores", "Real Decreto Legislativo 2/2015"],
        "civil": ["artículo 73 de la Ley de Contrato de Seguro", "artículo 1902 del Código Civil"],
        "criminal": ["artículo 382 del Código Penal", "artículo 520 de la LECrim"],
    },
    "it": {
        "tenancy": ["legge n. 431/1998", "legge 9 dicembre 1998, n. 431"],
        "privacy": ["D.Lgs. 196/2003", "Regolamento UE 2016/679", "art. 13 GDPR"],
        "labour": ["D.Lgs. 81/2015", "art. 18 dello Statuto dei lavoratori"],
        "civil": ["art. 1882 c.c.", "art. 2043 c.c."],
        "criminal": ["art. 189 del Codice della Strada", "art. 350 c.p.p."],
    },
    "nl": {
        "tenancy": ["artikel 7:271 BW", "artikel 7:204 BW", "de Uitvoeringswet huurprijzen woonruimte"],
        "privacy": [
            "artikel 15 AVG",
            "de Uitvoeringswet AVG",
            "de Wet op de geneeskundige behandelingsovereenkomst",
        ],
        "labour": ["artikel 7:611 BW", "artikel 7:669 BW"],
        "civil": ["artikel 6:162 BW", "artikel 7:941 BW"],
        "criminal": ["artikel 7 Wegenverkeerswet 1994", "artikel 350 Sr"],
    },
}


def pzn(rng: random.Random) -> str:
    while True:
        seven = rdig(rng, 7)
        c = sum(int(ch) * (i + 1) for i, ch in enumerate(seven)) % 11
        if c < 10:
            return seven + str(c)


def ean13(rng: random.Random, prefix: str) -> str:
    body = prefix + rdig(rng, 12 - len(prefix))
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def lookalike_ctx(rng: random.Random, lang: str, country: str, ctx: dict[str, Any]) -> None:
    pools = LK[lang]
    for what, vals in pools.items():
        a, b = rng.sample(vals, 2)
        ctx[f"lk_{what}"] = Look(a, what)
        ctx[f"lk_{what}2"] = Look(b, what)
    for topic, vals in LAW[lang].items():
        a, b = rng.sample(vals, 2)
        ctx[f"lk_law_{topic}"] = Look(a, "law_citation")
        ctx[f"lk_law_{topic}2"] = Look(b, "law_citation")
    for grp_name, vals in EPONYM_GROUPS[lang].items():
        ctx[f"lk_{grp_name}"] = Look(rng.choice(vals), "medical_eponym")
    y = rng.choice([2024, 2025, 2026])
    L = Look
    orders = {
        "en": f"{rng.randint(100, 999)}-{rdig(rng, 7)}-{rdig(rng, 7)}",
        "de": f"{rdig(rng, 3)}-{rdig(rng, 7)}-{rdig(rng, 7)}",
        "fr": f"CMD-{y}-{rdig(rng, 6)}",
        "es": f"PED{rdig(rng, 9)}",
        "it": f"ORD-{rdig(rng, 8)}",
        "nl": f"{rdig(rng, 10)}",
    }
    ctx["lk_order"] = L(orders[lang], "order_number")
    inv = {
        "en": f"INV-{y}-{rdig(rng, 5)}",
        "de": f"RE-{y}-{rdig(rng, 5)}",
        "fr": f"FA{y}{rdig(rng, 5)}",
        "es": f"F-{y}/{rdig(rng, 4)}",
        "it": f"{rdig(rng, 4)}/{y}",
        "nl": f"F{y}-{rdig(rng, 5)}",
    }
    ctx["lk_invoice"] = L(inv[lang], "invoice_number")
    pol = {
        "en": f"POL-{rdig(rng, 3)}-{rdig(rng, 6)}",
        "de": f"{rdig(rng, 2)}/{rdig(rng, 3)}.{rdig(rng, 3)}-{rdig(rng, 1)}",
        "fr": f"{rdig(rng, 4)} {rdig(rng, 4)} {rdig(rng, 3)}",
        "es": f"{rdig(rng, 2)}-{rdig(rng, 7)}-{rdig(rng, 2)}",
        "it": f"{rdig(rng, 3)}.{rdig(rng, 6)}.{rdig(rng, 2)}",
        "nl": f"{rdig(rng, 3)}.{rdig(rng, 3)}.{rdig(rng, 3)}",
    }
    ctx["lk_policy"] = L(pol[lang], "policy_number")
    case = {
        "en": f"{rng.choice(['CR', 'HQ', 'CV'])}{y % 100:02d}-{rdig(rng, 5)}",
        "de": f"{rng.randint(1, 40)} O {rng.randint(10, 999)}/{y % 100:02d}",
        "fr": f"RG n° {y % 100:02d}/{rdig(rng, 5)}",
        "es": f"{rdig(rng, 4)}/{y}",
        "it": f"R.G. n. {rdig(rng, 4)}/{y}",
        "nl": f"C/{rdig(rng, 2)}/{rdig(rng, 6)}",
    }
    ctx["lk_case"] = L(case[lang], "case_number")
    ctx["lk_ticket"] = L(
        rng.choice([f"#{rdig(rng, 6)}", f"INC{rdig(rng, 7)}", f"TCK-{rdig(rng, 5)}"]), "ticket_number"
    )
    cust = {
        "en": f"{rdig(rng, 4)} {rdig(rng, 4)} {rdig(rng, 2)}",
        "de": f"{rdig(rng, 9)}",
        "fr": f"{rdig(rng, 11)}",
        "es": f"{rdig(rng, 10)}",
        "it": f"{rdig(rng, 12)}",
        "nl": f"{rdig(rng, 8)}",
    }
    ctx["lk_customer"] = L(cust[lang], "customer_number")
    ctx["lk_last4"] = L(
        rng.choice(
            [
                f"**** {rdig(rng, 4)}",
                f"•••• {rdig(rng, 4)}",
                f"XXXX-XXXX-XXXX-{rdig(rng, 4)}",
                f"**** **** **** {rdig(rng, 4)}",
            ]
        ),
        "card_last4",
    )
    ctx["lk_date"] = L(plain_date(lang, country, rng), "transaction_date")
    ctx["lk_date2"] = L(plain_date(lang, country, rng), "transaction_date")
    ctx["lk_isbn"] = L(isbn13(rng), "isbn")
    ctx["lk_version"] = L(
        rng.choice(
            [
                f"{rng.randint(1, 16)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                f"v{rng.randint(1, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}",
                f"{y}.{rng.randint(1, 12):02d}.{rdig(rng, 4)}",
            ]
        ),
        "version",
    )
    trk = {
        "en": f"1Z{rng.choice(['999AA1', 'A8E72V', '4W5V80'])}{rdig(rng, 10)}",
        "de": f"00340434{rdig(rng, 12)}",
        "fr": s10(rng, "6A", "FR")[:2] + rdig(rng, 11),
        "es": f"PQ{rdig(rng, 4)}A{rdig(rng, 10)}",
        "it": s10(rng, "RR", "IT"),
        "nl": f"3S{rng.choice(['TBJG', 'QYXW', 'KPNL'])}{rdig(rng, 9)}",
    }
    ctx["lk_tracking"] = L(trk[lang], "tracking_number")
    ctx["lk_s10"] = L(
        s10(rng, rng.choice(["RR", "CP", "LX"]), country if country != "US" else "US"), "tracking_number"
    )
    ctx["lk_product"] = L(
        rng.choice(
            [
                f"{rdig(rng, 3)}-{rdig(rng, 4)}-{rng.choice('ABCDEF')}",
                f"ART{rdig(rng, 6)}",
                f"{rng.choice(['KX', 'TR', 'BH', 'ZN'])}-{rdig(rng, 5)}",
                f"{rdig(rng, 2)}.{rdig(rng, 3)}.{rdig(rng, 2)}",
            ]
        ),
        "product_code",
    )
    maker = {
        "en": ["Worcester Bosch", "Vaillant", "Viessmann"],
        "de": ["Vaillant", "Buderus", "Viessmann", "Junkers"],
        "fr": ["De Dietrich", "Saunier Duval", "Frisquet", "Chappée"],
        "es": ["Roca", "Junkers", "Ferroli", "Saunier Duval"],
        "it": ["Ferroli", "Riello", "Beretta", "Vaillant"],
        "nl": ["Vaillant", "Viessmann", "Bosch"],
    }[lang]
    ctx["lk_maker"] = L(rng.choice(maker), "brand")
    prod = {
        "en": f"PIP code {rdig(rng, 3)}-{rdig(rng, 4)}"
        if country == "GB"
        else f"NDC {rdig(rng, 5)}-{rdig(rng, 3)}-{rdig(rng, 2)}",
        "de": f"PZN {pzn(rng)}",
        "fr": f"CIP {ean13(rng, '34009')}",
        "es": f"C.N. {rdig(rng, 6)}.{rdig(rng, 1)}",
        "it": f"AIC {rdig(rng, 9)}",
        "nl": f"ZI-nummer {rdig(rng, 8)}",
    }
    ctx["lk_drug"] = L(prod[lang], "product_code")
    ctx["lk_ean"] = L(ean13(rng, rng.choice(["400", "300", "840", "800", "871", "50"])), "product_code")
    coid = {
        "en": rng.choice(
            [
                f"Company No. {rdig(rng, 8)}",
                f"VAT Reg. GB {rdig(rng, 3)} {rdig(rng, 4)} {rdig(rng, 2)}",
                f"EIN {rdig(rng, 2)}-{rdig(rng, 7)}",
            ]
        ),
        "de": rng.choice(
            [
                f"USt-IdNr. DE{rdig(rng, 9)}",
                f"HRB {rdig(rng, 5)}",
                f"St.-Nr. {rdig(rng, 3)}/{rdig(rng, 3)}/{rdig(rng, 5)}",
            ]
        ),
        "fr": rng.choice(
            [f"SIRET {rdig(rng, 3)} {rdig(rng, 3)} {rdig(rng, 3)} {rdig(rng, 5)}", f"TVA FR{rdig(rng, 11)}"]
        ),
        "es": f"CIF B{rdig(rng, 8)}",
        "it": f"P.IVA {rdig(rng, 11)}",
        "nl": rng.choice([f"KvK {rdig(rng, 8)}", f"btw NL{rdig(rng, 9)}B01"]),
    }
    ctx["lk_coid"] = L(coid[lang], "company_id")
    for kind, org_list in ORGS[lang].items():
        name, dom = rng.choice(org_list)
        ctx[f"org_{kind}"] = name
        ctx[f"dom_{kind}"] = dom
    ctx["lk_ref"] = L(
        f"{rng.choice(['REF', 'Ref', 'Az', 'N/Réf', 'Rif', 'Kenmerk'])[:3].upper()}-{rdig(rng, 4)}-{rdig(rng, 3)}",
        "reference_number",
    )


# ---------------------------------------------------------------------------------------------------------------
# Context and rendering
# ---------------------------------------------------------------------------------------------------------------


def money(lang: str, country: str, v: float) -> str:
    whole, cents = f"{v:,.2f}".split(".")
    if lang == "en":
        return ("£" if country == "GB" else "$") + f"{whole}.{cents}"
    if lang == "fr":
        return whole.replace(",", NNBSP) + f",{cents} €"
    if lang == "nl":
        return "€ " + whole.replace(",", ".") + f",{cents}"
    return whole.replace(",", ".") + f",{cents} €"


def build_ctx(rng: random.Random, lang: str, country: str) -> dict[str, Any]:
    ctx: dict[str, Any] = {"country": country}
    people = {
        "p": make_person(rng, lang, country),
        "q": make_person(rng, lang, country),
        "r": make_person(rng, lang, country),
        "s": make_person(rng, lang, country, years=(1940, 1990)),
        "k": make_person(rng, lang, country, years=(2011, 2019)),
    }
    # the child shares the surname of p
    people["k"]["sur"], people["k"]["sur1"] = people["p"]["sur"], people["p"]["sur1"]
    if country == "IT":
        y, m, d = people["k"]["dob"]
        people["k"]["cf"] = cf_make(
            people["k"]["sur"],
            people["k"]["first"],
            y,
            m,
            d,
            people["k"]["female"],
            IT_BELFIORE[people["p"]["town"]],
        )
    for x, p in people.items():
        person_ctx(rng, lang, p, x, ctx)
    lookalike_ctx(rng, lang, country, ctx)
    for kind in ORGS[lang]:
        o = make_person(rng, lang, country)
        ctx[f"addr_{kind}"] = Ent(o["addr_one"], "ADDRESS")
        ctx[f"addr_{kind}1"] = Ent(o["addr_lines"][0], "ADDRESS")
        ctx[f"addr_{kind}2"] = Ent(o["addr_lines"][1], "ADDRESS")
        ctx[f"town_{kind}"] = o["town"]
        ctx[f"tel_{kind}"] = Ent(phone(rng, country, o["area"], False), "PHONE_NUMBER")
        box = rng.choice(
            {
                "en": ["info", "contact", "enquiries", "billing"],
                "de": ["info", "kontakt", "service", "verwaltung"],
                "fr": ["contact", "accueil", "secretariat", "info"],
                "es": ["info", "contacto", "atencion", "administracion"],
                "it": ["info", "segreteria", "amministrazione", "contatti"],
                "nl": ["info", "klantenservice", "secretariaat", "administratie"],
            }[lang]
        )
        ctx[f"mail_{kind}"] = Ent(f"{box}@{ctx['dom_' + kind]}", "EMAIL_ADDRESS")
        for x in ("p", "q", "r"):
            ctx[f"{x}_mail_{kind}"] = Ent(f"{ctx[x + '_wuser']}@{ctx['dom_' + kind]}", "EMAIL_ADDRESS")
    base = rng.randint(0, 600)
    offs = sorted(rng.sample(range(1, 60), 3))
    for i, off in enumerate([0, *offs], start=1):
        day = DAY0 + datetime.timedelta(days=base + off)
        ctx[f"d{i}"] = fmt_date(lang, country, day.year, day.month, day.day, rng, rng.random() < 0.3)
    for i, (lo, hi) in enumerate([(380, 1600), (25, 320), (900, 4800), (24000, 72000)], start=1):
        ctx[f"amt{i}"] = money(lang, country, rng.uniform(lo, hi))
    ctx["time1"] = (
        f"{rng.randint(7, 18)}:{rng.choice(['00', '15', '30', '45'])}"
        if country != "US"
        else f"{rng.randint(1, 11)}:{rng.choice(['00', '15', '30', '45'])} {rng.choice(['a.m.', 'p.m.'])}"
    )
    h1 = int(ctx["time1"].split(":")[0]) + (12 if "p.m." in ctx["time1"] else 0)
    ctx["time2"] = f"{min(h1 + rng.randint(1, 3), 21)}:{rng.choice(['05', '20', '40', '50'])}"
    hh, mm = (h1 if country != "US" else rng.randint(8, 17)), rng.randint(0, 40)
    for i in range(1, 20):
        ctx[f"ct{i}"] = (
            f"{hh}:{mm:02d}"
            if country != "US"
            else f"{(hh - 1) % 12 + 1}:{mm:02d} {'PM' if hh >= 12 else 'AM'}"
        )
        mm += rng.choice([0, 0, 1, 1, 2, 3])
        if mm >= 60:
            hh, mm = hh + 1, mm - 60
    ctx["ip1"] = Ent(make_ip(rng, public=True), "IP_ADDRESS")
    ctx["ip2"] = Ent(make_ip(rng), "IP_ADDRESS")
    ctx["n1"] = str(rng.randint(2, 9))
    ctx["n2"] = str(rng.randint(10, 60))
    ctx["year"] = str(rng.choice([2025, 2026]))
    return ctx


FIELD_RE = re.compile(r"\{(\w+)\}")


def render(tpl: str, ctx: dict[str, Any]) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    out: list[str] = []
    pos = 0
    length = 0
    ents: list[dict[str, Any]] = []
    looks: list[dict[str, Any]] = []
    for m in FIELD_RE.finditer(tpl):
        lit = tpl[pos : m.start()]
        out.append(lit)
        length += len(lit)
        v = ctx[m[1]]
        if isinstance(v, Ent):
            ents.append(
                {
                    "start": length,
                    "end": length + len(v.value),
                    "type": v.type,
                    "category": category_of(v.type),
                    "structured": v.type in STRUCTURED,
                }
            )
            s = v.value
        elif isinstance(v, Look):
            looks.append({"start": length, "end": length + len(v.value), "what": v.what})
            s = v.value
        else:
            s = str(v)
        out.append(s)
        length += len(s)
        pos = m.end()
    out.append(tpl[pos:])
    return "".join(out), ents, looks


# ---------------------------------------------------------------------------------------------------------------
# Templates: English (GB and US)
# ---------------------------------------------------------------------------------------------------------------

EN: list[tuple[str, str]] = [
    (
        "discharge_letter",
        """\
{org_hospital}
Department of Gastroenterology, Ward 7B
{addr_hospital}  |  Tel {tel_hospital}

DISCHARGE SUMMARY

Patient: {p_caps}    DOB: {p_dobn}    {p_hidlabel}: {p_hid}    Hospital No.: {p_mrn}
Address: {p_addr}
Admitted: {d1}    Discharged: {d2}
Consultant: Dr {q_sur}    GP: Dr {r_init}

Dear Dr {r_sur},

Your patient {p_full}, {p_age}, was admitted via A&E with a three-week history of abdominal pain, weight loss
and bloody diarrhoea. Colonoscopy showed patchy inflammation consistent with {lk_gi}; histology is
pending. {p_first} responded well to IV hydrocortisone and was switched to oral prednisolone 40 mg on day 4.

Relevant history: {lk_medical_eponym2} (diet controlled). Non-smoker. Lives with partner {s_full}, who can be
reached on {s_mobile}.

Medication on discharge: prednisolone 40 mg OD reducing by 5 mg weekly; mesalazine 2.4 g OD; calcium and
vitamin D. Please note the hospital pharmacy supplied 14 days only.

Follow-up: IBD clinic in 6 weeks; bloods (FBC, CRP, U&E) at the surgery in 2 weeks. If symptoms recur,
{p_t} {p_sur} has been advised to contact the IBD nurse line on {tel_pharmacy} or email {q_mail_hospital}.

Yours sincerely,

Dr {q_full}
Specialty Registrar to Dr {r_sur}
""",
    ),
    (
        "referral_letter",
        """\
{r_full} MRCGP
The Old Forge Surgery, {addr_pharmacy}
Tel: {tel_pharmacy}   Secure email: {r_mail_hospital}

{d1}

Dr {q_init}
Consultant Neurologist, {org_hospital}

Re: {p_upper}   {p_hidlabel} {p_hid}   Born {p_dobw}
Previous hospital record (MRN): {p_mrn}
{p_addr1}
{p_addr2}
Tel: {p_tel}

Dear Dr {q_sur},

Thank you for seeing this {p_age}-year-old teacher who presents with a four-month history of a resting tremor in
the right hand and reduced arm swing. {p_first}'s partner {s_first} first noticed the change. There is no family
history of {lk_neuro}, although a parent was treated for {lk_medical_eponym2} in later life.

Examination: cogwheel rigidity right wrist, mild bradykinesia, normal reflexes, no cerebellar signs.
Bloods including TFTs, B12 and ferritin are normal (reported {lk_date}).

I would be grateful for your assessment and advice on management. {p_first} is happy to be contacted by text
on {p_mobile}; please avoid calling the landline during school hours.

Kind regards,

Dr {r_sur}
""",
    ),
    (
        "payment_reminder",
        """\
{org_company}
{addr_company}
{lk_coid}

{p_name}
{p_addr1}
{p_addr2}

{d3}

PAYMENT REMINDER - Invoice {lk_invoice}
Customer number: {lk_customer}

Dear {p_t} {p_sur},

According to our records, invoice {lk_invoice} dated {lk_date} for {amt1} remains unpaid. This covers the
annual service plan for the {lk_maker} boiler installed at your property and the replacement part
{lk_product}.

We tried to collect the amount from the card ending {lk_last4} on {lk_date2}, but the payment was declined.
Please pay within 14 days by bank transfer to:

    Account name: {org_company}
    IBAN: {q_iban}
    Reference: {lk_invoice}

Alternatively call our billing team on {tel_company} (Mon-Fri, 8am-6pm) or write to {mail_company}.
If you have already paid, please ignore this letter. Further reminders may incur a late fee of {amt2}.

Yours sincerely,

{q_full}
Credit Control
""",
    ),
    (
        "chat",
        """\
[{time1}] Bot: Welcome to {org_company} support. Please type your question.
[{time1}] {p_handle}: hi my parcel never arrived, order {lk_order}
[{time1}] Agent ({q_first}): Hi, I'm {q_first} and I'll be helping you today. Can I take your full name and the
delivery postcode please?
[{time1}] {p_handle}: {p_lower}, it was meant to go to {p_addr}
[{time1}] Agent ({q_first}): Thanks {p_firstlow}. I can see the tracking number {lk_tracking} shows "delivered to
neighbour". Do you know a {r_full} at number {n2}?
[{time1}] {p_handle}: no idea who that is lol. can you just call me on {p_mobile}
[{time1}] Agent ({q_first}): Of course. For security, can you confirm your date of birth and the email on the
account?
[{time1}] {p_handle}: {p_dobn} and {p_email}
[{time1}] Agent ({q_first}): Thank you. I've raised a claim with the courier, reference {lk_ref}. You'll
get an email within 48 hours. Was it the {lk_brand} gift set, product code {lk_product}?
[{time1}] {p_handle}: yes the one for my mum {s_first}
[{time1}] {p_handle}: do you need the card? its {p_card}
[{time1}] Agent ({q_first}): Please don't share full card numbers here. If it isn't found we'll refund the card ending {lk_last4} in full.
[{time1}] {p_handle}: ok thanks {q_firstlow}
""",
    ),
    (
        "email_thread",
        """\
From: {q_full} <{q_mail_company}>
To: {p_full} <{p_email}>
Cc: {r_mail_company}
Date: {d2}, {time2}
Subject: RE: Contract renewal and updated bank details

Hi {p_first},

Thanks for sending these over. Finance has updated your supplier record; the new account
({p_iban}) will be used from the next payment run. Could you please confirm the invoice
address is still {p_addr}?

Also, {r_first} mentioned you will be at the {lk_institution} site on {lk_date} - I'll be there too.

Best,
{q_first}

--
{q_full} | Procurement Lead
{org_company} | {addr_company}
T: {tel_company}  M: {q_mobile}

> From: {p_full} <{p_email}>
> Sent: {d1}
> Subject: Contract renewal and updated bank details
>
> Dear {q_first},
> Please find attached the signed renewal (our ref {lk_ref}). We have moved banks - new details are
> in the PDF. For urgent questions my mobile is {p_mobile}.
> Kind regards, {p_name}
""",
    ),
    (
        "support_ticket",
        """\
Ticket {lk_ticket}  |  Priority: P2  |  Queue: Network Access
Opened: {d1} {time2} by {q_full} (Service Desk)
Requester: {p_rev} <{p_mail_company}>, ext. {n2}{n1}

Summary: VPN client fails after upgrade to {lk_version}

Description:
User reports that since the client update the VPN drops every few minutes. Connection log shows the
tunnel negotiated from public address {ip1}, then a re-key failure against gateway {ip2}. User is working
from home ({p_addr}) and can be reached on {p_tel} until 5pm.

Notes:
- {time2} {q_handle}: asked user to reinstall; same result.
- {time2} {q_handle}: escalated to {r_full} (network team). Laptop asset tag {lk_product}.
- {r_handle}: firewall rule for {ip1} was missing after the change on {lk_date}; added and tested.

Resolution: rule restored. User confirmed by email ({p_emailany}) that the connection is stable.
Closed by {r_init}.
""",
    ),
    (
        "cv",
        """\
{p_upper}
{p_addr}  ·  {p_mobile}  ·  {p_email}
linkedin.com/in/{p_handle}

PROFILE
Chartered accountant with nine years in audit and group reporting, most recently at {lk_company}.
Experienced with consolidation software ({lk_version}) and IFRS 16 transitions.

EXPERIENCE
{year}-present   Senior Financial Accountant, {org_company}
                 Month-end close for 14 entities; led migration to a new ERP.
2017-2021        Audit Senior, {lk_company2}
                 Clients in retail ({lk_brand}) and logistics.

EDUCATION
BSc Economics, University of Leeds (2:1). ACA qualified.

PERSONAL
Date of birth: {p_dobw}. Full UK driving licence. {p_nidlabel}: {p_nid}

REFERENCES
{q_full}, Finance Director, {org_company} - {q_mail_company}, {q_phone}
{r_full}, former manager - {r_tel}
""",
    ),
    (
        "incident_report",
        """\
INCIDENT REPORT - {lk_case}
Reporting officer: PC {q_sur} (collar {n2}{n1}{n1})   Date/time: {d1}, {time1}

Location: junction of {lk_street_name} and the retail park entrance, outside {lk_brand2}.

Persons involved:
1. Driver of vehicle A: {p_caps}, born {p_dobn}, of {p_addr}. Tel {p_tel}.
2. Driver of vehicle B: {r_full}, address {r_addr}. {r_nidlabel} {r_nid} (provided voluntarily).
3. Witness: {s_name}, pedestrian, contact {s_phone}.

Account: Vehicle A was turning right when vehicle B, travelling at speed, failed to stop at the lights.
{r_first} states the lights were amber. Witness {s_sur} confirmed they were red. No injuries reported;
{p_sur} complained of neck pain and was advised to see a GP.

Both vehicles recovered by Hartley Recovery (job {lk_order}). CCTV requested from the store, ref {lk_ref}.
Insurance details exchanged. Policy numbers: A {lk_policy}; B to follow.
Officer contact for follow-up: {q_mail_company}.
""",
    ),
    (
        "tenancy_agreement",
        """\
ASSURED SHORTHOLD TENANCY AGREEMENT

This agreement is made on {d1} between:

Landlord: {s_full}, c/o {org_lettings}, {addr_lettings}
Tenant(s): {p_full} (born {p_dobw}) and {r_full}

Property: {p_addr}
Term: 12 months from {d2}. Rent: {amt2} per calendar month, payable on the 1st of each month to the
agent's client account. Deposit: {amt3}, protected with an approved scheme within 30 days.

1. The tenant shall keep the property clean and report repairs promptly to the agent on {tel_lettings}
   or {mail_lettings}.
2. The landlord's repairing obligations are as set out in {lk_law_tenancy2}.
3. The landlord may seek possession under {lk_law_tenancy} after the fixed term.
4. No pets without written consent; the tenant's cat was approved on {lk_date}.

Emergency contact for tenant {p_first}: {s_first} (parent), {s_mobile}.

Signed (landlord's agent): {q_full}, {org_lettings}
Signed (tenant): {p_init}    Signed (tenant): {r_init}
""",
    ),
    (
        "voicemail",
        """\
Voicemail transcript - received {d1} {time1} - duration 0:52 - from {p_tel}

"Hi, this message is for {q_first}, um, {q_full} in accounts. It's {p_full} calling from {org_company}, and
I'm ringing about invoice {lk_invoice}, we were charged twice, once on {lk_date} and again on the
{n2}th. The second payment was on the card ending {lk_last4}. Could you call me back on {p_mobile}?
If I'm not there, my colleague {r_full} can help, the direct line is {r_phone}. Or just email me,
it's {p_emailobf}. Oh, and if you need to refund it, the card number is {p_card}. Thanks, bye."

[Transcription confidence: medium. Auto-tagged: billing, refund]
""",
    ),
    (
        "insurance_letter",
        """\
{org_insurer}
Claims Department, {addr_insurer}
Claims line: {tel_insurer}

{p_full}
{p_addr1}
{p_addr2}

Your policy: {lk_policy}     Claim reference: {lk_case}     Date: {d2}

Dear {p_t} {p_sur},

Thank you for notifying us of the water damage at your home on {lk_date}. Our loss adjuster, {q_full},
will visit on {d3} between 9am and 1pm. If this is not convenient, please call {q_first} directly on
{q_mobile}.

To process the claim we need: photographs of the damage, the plumber's invoice ({lk_invoice}) and bank
details for settlement. Our records hold your {p_nidlabel} as {p_nid}; please tell us if this is wrong. You told us payments should go to {p_iban}; please confirm this in writing.

We note that a previous claim under policy holder {s_rev} (date of birth {s_dobn}) was settled in
{year}. This does not affect your no-claims discount.

Please note the excess on your policy is {amt1}. The repair contractor {lk_company} is on our approved list.

Yours sincerely,

{r_full}
Claims Handler
""",
    ),
    (
        "pharmacy_note",
        """\
{org_pharmacy} - {addr_pharmacy} - {tel_pharmacy}

PHARMACIST CONSULTATION RECORD
Date: {d1}   Pharmacist: {q_full} (GPhC reg. {n2}{n1}{n2}{n1})

Patient: {p_name}   DOB: {p_dob}   {p_hidlabel}: {p_hid}
Contact: {p_tel}

Presenting: requested emergency supply of levothyroxine 75 micrograms ({lk_drug}); GP surgery closed.
Diagnosis of {lk_thyroid} confirmed on PMR. Last issued {lk_date}.
Supplied: 7 tablets. Patient advised to request repeat from Dr {r_sur}.

Interactions checked: calcium carbonate (separate by 4 hours). Patient also buys {lk_brand} skincare - no issue.
Collected by: {s_full} (representative). ID seen.
Notes: patient asked that reminders be sent to {p_email}.
""",
    ),
    (
        "school_letter",
        """\
{org_school}
{addr_school}
Tel: {tel_school}   Email: {mail_school}

{d1}

Dear {p_full},

Re: {k_full} - Year 6 residential trip

We are delighted that {k_first} will be joining the Year 6 trip to the outdoor centre from {d2}. Please
complete the medical form and return it by Friday. Our records show the following details; please correct
anything that has changed:

    Pupil: {k_caps}, date of birth {k_dobn}, {k_hidlabel} {k_hid}
    Home address: {p_addr}
    Emergency contact 1: {p_name}, {p_mobile}
    Emergency contact 2: {s_full}, {s_phone}

The balance of {amt1} can be paid through the parent portal. Reading for the trip is {lk_isbn}
(the class novel). Allergy information will be shared with the centre under {lk_law_privacy}.

If you have questions, please contact {q_t} {q_sur}, Year 6 lead, at {q_mail_school}.

Yours sincerely,

{r_full}
Headteacher
""",
    ),
    (
        "hr_form",
        """\
{org_company} - NEW STARTER FORM (Payroll & HR)                     Form ref: {lk_ref}

SECTION 1 - PERSONAL DETAILS
Surname: {p_surup}                     First name(s): {p_first}
Date of birth: {p_dobn}                {p_nidlabel}: {p_nid}
Home address: {p_addr}
Personal email: {p_email}              Mobile: {p_mobile}

SECTION 2 - BANK DETAILS
Account holder: {p_full}
IBAN: {p_iban}

SECTION 3 - EMERGENCY CONTACT
Name: {s_name}    Relationship: parent    Phone: {s_tel}

SECTION 4 - EMPLOYMENT
Start date: {d2}    Job title: Warehouse Supervisor    Line manager: {q_full}
Salary: {amt4} per annum    Hours: 37.5 per week    Pension: auto-enrolment (opt-out window ends {lk_date})
Right-to-work documents checked by {r_init} on {d1}.

Declaration: I confirm the information above is correct.
Signed: {p_init}                        Date: {d1}

For HR use: employee no. {lk_customer}; payroll cut-off {lk_date2}; queries to {q_mail_company} or {tel_company}.
""",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Templates: German
# ---------------------------------------------------------------------------------------------------------------

DE: list[tuple[str, str]] = [
    (
        "discharge_letter",
        """\
{org_hospital} · Klinik für Innere Medizin · {addr_hospital}

Praxis Dr. med. {r_full}
Fachärzte für Allgemeinmedizin
{r_addr1}
{r_addr2}

{town_hospital}, den {d2}

Entlassungsbericht
Patient{p_a}: {p_rev}, geb. {p_dobn}
Anschrift: {p_addr}
Fallnummer: {p_mrn}    Versichertennummer: {p_kvnr}
Kostenträger Anschlussheilbehandlung: DRV, Versicherungsnummer {p_svnr}
Stationärer Aufenthalt vom {d1} bis {d2}

{r_dear} Dr. {r_sur},

wir berichten über {p_t} {p_sur}, {p_age} Jahre, die/der sich mit seit drei Wochen bestehenden
Bauchschmerzen, Diarrhoen und Gewichtsverlust vorstellte.

Diagnosen:
- Erstdiagnose {lk_gi}, Ileitis terminalis
- Bekannte {lk_medical_eponym2}, substituiert

Verlauf: Koloskopisch zeigte sich eine segmentale Entzündung. Unter Prednisolon 40 mg/d rasche Besserung.
Die Kontaktperson {s_full} ({s_mobile}) wurde mit Einverständnis informiert.

Medikation bei Entlassung: Prednisolon 40 mg, Reduktion um 5 mg/Woche; Pantoprazol 20 mg 1-0-0.
Bitte Laborkontrolle in 14 Tagen. Rückfragen gern an {q_mail_hospital} oder Tel. {tel_hospital}.

Mit freundlichen kollegialen Grüßen

Dr. med. {q_full}
Oberärztin/Oberarzt
""",
    ),
    (
        "lab_report",
        """\
Laborgemeinschaft Rheinaue · Medizinisches Versorgungszentrum am {lk_street_name}
{addr_pharmacy} · Tel. {tel_pharmacy}

BEFUNDBERICHT                                   Auftragsnummer: {lk_order}
Einsender: Praxis Dr. {q_init}, {q_addr}

Patient: {p_caps}          Geb.-Datum: {p_dobn}
Pat.-Nr.: {p_mrn}          Eingang: {d1} {time2}     Ausgang: {d2}

Parameter            Ergebnis    Einheit    Referenz
TSH basal            6,84        mU/l       0,27 - 4,20   ↑
fT4                  0,91        ng/dl      0,93 - 1,70   ↓
Anti-TPO-AK          412         IU/ml      < 34          ↑
CRP                  2,1         mg/l       < 5,0
Kreatinin            0,84        mg/dl      0,50 - 0,90

Beurteilung: Befundkonstellation vereinbar mit {lk_thyroid}. Kontrolle in 6-8 Wochen empfohlen.
Die Abrechnung erfolgt über die Krankenkasse (Vers.-Nr. {p_kvnr}).
Telefonische Befundmitteilung an {q_t} {q_sur} am {d2} um {time1}.

Validiert: {r_full}, Fachärztin für Laboratoriumsmedizin
""",
    ),
    (
        "payment_reminder",
        """\
{org_company} · {addr_company}

{p_t}
{p_full}
{p_addr1}
{p_addr2}

Kundennummer: {lk_customer}
Rechnungsnummer: {lk_invoice}
Datum: {d3}

Zahlungserinnerung

{p_dear} {p_sur},

sicher ist es Ihrer Aufmerksamkeit entgangen: Unsere Rechnung {lk_invoice} vom {lk_date} über {amt1}
ist bis heute nicht beglichen. Die Lastschrift von Ihrer Karte {lk_last4} wurde am {lk_date2} zurückgegeben.

Bitte überweisen Sie den offenen Betrag innerhalb von 10 Tagen auf folgendes Konto:

Empfänger: {org_company}
IBAN: {q_iban}
Verwendungszweck: {lk_invoice} / {lk_customer}

Sollten Sie zwischenzeitlich gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.
Bei Fragen erreichen Sie Ihre Ansprechpartnerin {q_full} unter {tel_company} oder per E-Mail an
{q_mail_company}.

Mit freundlichen Grüßen

i. A. {q_init}
Forderungsmanagement
{lk_coid}
""",
    ),
    (
        "chat",
        """\
Chatprotokoll – Kundenservice {org_company} – {d1}

{time1} System: Sie sind mit {q_first} verbunden.
{time1} {q_first}: Hallo und willkommen! Wie kann ich helfen?
{time1} {p_handle}: hallo, meine bestellung {lk_order} ist immer noch nicht da
{time1} {q_first}: Das tut mir leid. Darf ich Ihren Namen und Ihre Lieferadresse haben?
{time1} {p_handle}: {p_lower}, {p_addr}
{time1} {q_first}: Danke, {p_t} {p_sur}. Laut Sendungsverfolgung ({lk_tracking}) wurde das Paket bei
Ihrem Nachbarn {r_sur} abgegeben.
{time1} {p_handle}: bei {r_firstlow}? der ist im urlaub. können sie mich anrufen? {p_mobile}
{time1} {q_first}: Natürlich. Zur Sicherheit: Wie lautet Ihr Geburtsdatum?
{time1} {p_handle}: {p_dobn}
{time1} {q_first}: Danke. Ich habe einen Nachforschungsauftrag eröffnet (Vorgang {lk_ref}). Die
Bestätigung geht an {p_emailany}.
{time1} {p_handle}: super danke {q_firstlow}
{time1} {p_handle}: soll ich die versandkosten nochmal zahlen? karte wäre {p_card}
{time1} {q_first}: Bitte keine Kartennummern im Chat senden! Übrigens: Der {lk_brand}-Gutschein aus Ihrer Bestellung bleibt gültig.
""",
    ),
    (
        "email_thread",
        """\
Von: {q_full} <{q_mail_company}>
An: {p_email}
Datum: {d2} {time2}
Betreff: AW: Neue Bankverbindung und Anschrift

Hallo {p_t} {p_sur},

vielen Dank für Ihre Nachricht. Ich habe Ihre neue Anschrift ({p_addr}) und die Bankverbindung
{p_iban} im Personalsystem hinterlegt. Die Änderung wirkt ab der Abrechnung für den kommenden Monat.

Für die Meldung an die Krankenkasse benötige ich noch Ihre Rentenversicherungsnummer; laut Unterlagen
lautet sie {p_svnr} – bitte kurz bestätigen.

Viele Grüße
{q_full}
Personalabteilung · {org_company}
Tel. {tel_company} · Mobil {q_mobile}
{addr_company}

-----Ursprüngliche Nachricht-----
Von: {p_name} <{p_email}>
Gesendet: {d1}
An: personal@{dom_company}
Betreff: Neue Bankverbindung und Anschrift

Sehr geehrte Damen und Herren,
ich bin umgezogen und habe die Bank gewechselt, Details siehe oben. Meine Steuer-ID ({p_steuer})
hat sich nicht geändert. Meine Kollegin {r_full}
hatte mir gesagt, dass ich mich bei Ihnen melden soll. Erreichbar bin ich unter {p_tel}.
Mit freundlichen Grüßen
{p_full}
""",
    ),
    (
        "hr_form",
        """\
Personalfragebogen – Neueinstellung                      {org_company}

Persönliche Angaben
Name, Vorname: {p_rev}
Geburtsdatum: {p_dobn}           Geburtsort: {p_town}
Anschrift: {p_addr}
Telefon privat: {p_phone}        Mobil: {p_mobile}
E-Mail privat: {p_email}

Steuerliche Angaben
Steuer-Identifikationsnummer: {p_steuer}
Steuerklasse: 1   Kinderfreibeträge: 1,0   Konfession: keine

Sozialversicherung
Rentenversicherungsnummer: {p_svnr}
Krankenkasse: BKK Weserland, Versichertennummer {p_kvnr}

Bankverbindung
IBAN: {p_iban}      Kontoinhaber: {p_full}

Notfallkontakt: {s_full}, {s_tel}

Eintrittsdatum: {d2}   Abteilung: Logistik   Vorgesetzte/r: {q_name}
Nachweis der Arbeitsbedingungen nach {lk_law_labour} ausgehändigt. Personalnummer: {lk_customer}
Ausgefüllt am {d1}, Unterschrift: {p_init}
""",
    ),
    (
        "tenancy_agreement",
        """\
Wohnraummietvertrag

Zwischen {s_full}, vertreten durch {org_lettings}, {addr_lettings}
– Vermieter –
und
{p_full}, geb. am {p_dobw}, bisher wohnhaft {r_addr}
– Mieter –

§ 1 Mietsache
Vermietet wird die Wohnung im 2. OG links, {p_addr}, bestehend aus 3 Zimmern, Küche, Bad, Balkon.

§ 2 Mietzeit
Das Mietverhältnis beginnt am {d1} und läuft auf unbestimmte Zeit. Die Kündigung richtet sich nach
{lk_law_tenancy}.

§ 3 Miete
Die Grundmiete beträgt monatlich {amt1}, die Vorauszahlung auf die Betriebskosten {amt2}. Die Miete ist
bis zum dritten Werktag auf das Konto {s_iban} zu überweisen.

§ 4 Kaution
Der Mieter leistet eine Kaution von {amt3}. Mängel sind unverzüglich anzuzeigen ({lk_law_tenancy2}).

Ansprechpartner der Hausverwaltung: {q_t} {q_sur}, Tel. {tel_lettings}, {q_mail_lettings}
Hausmeister: {r_first}, mobil {r_mobile}

{town_lettings}, den {d1}

________________              ________________
{s_name}                       {p_name}
""",
    ),
    (
        "incident_report",
        """\
Polizeipräsidium {town_company} – Polizeiinspektion Mitte
Strafanzeige / Vorgangsnummer {lk_case}

Aufnehmende Beamtin/aufnehmender Beamter: POK {q_sur}
Tatzeit: {d1}, gegen {time1} Uhr
Tatort: Parkplatz vor dem {lk_brand}-Outlet, Einmündung {lk_street_name}

Anzeigeerstatter{p_a}:
{p_caps}, geb. {p_dobn} in {p_town}
wohnhaft: {p_addr}
erreichbar: {p_tel}, {p_emailany}

Beschuldigte Person: {r_upper}, geb. {r_dob}, {r_addr}

Sachverhalt: {p_t} {p_sur} gibt an, dass der Beschuldigte beim Ausparken ihr/sein Fahrzeug touchiert und
sich anschließend vom Unfallort entfernt habe. Zeugin {s_full} ({s_mobile}) bestätigt den Vorfall und
notierte sich das Kennzeichen. Der Schaden wird auf ca. {amt2} geschätzt.

{r_t} {r_sur} war telefonisch unter {r_phone} erreichbar und räumte den Kontakt ein.
Belehrung nach {lk_law_criminal} erfolgt. Weitere Bearbeitung durch das Verkehrskommissariat.
""",
    ),
    (
        "voicemail",
        """\
Sprachnachricht (automatisch transkribiert) · {d1}, {time2} · Anrufer: {p_tel}

„Ja, guten Tag, hier ist {p_full}, äh, ich rufe wegen dem Termin bei {q_t} Doktor {q_sur} an. Ich hatte
den für Donnerstag, und da kann ich leider nicht, weil meine Mutter, {s_full}, ins Krankenhaus muss.
Könnten Sie mich bitte zurückrufen, am besten auf dem Handy, {p_mobile}. Mein Geburtsdatum ist der
{p_dobw}, falls Sie das brauchen. Ach so, und die Überweisung vom Hausarzt wegen dem {lk_medical_eponym}
liegt schon bei Ihnen. Die Praxisgebühr für die Reiseimpfung können Sie von meiner Karte nehmen, {p_card}. Danke, tschüss."

Zugeordnet: Praxis Dr. {q_init} · Rückruf durch {r_first} am {d2}
""",
    ),
    (
        "insurance_letter",
        """\
{org_insurer}
{addr_insurer}
Service-Telefon {tel_insurer}

{p_t}
{p_full}
{p_addr1}
{p_addr2}

Ihre Versicherungsnummer: {lk_policy}
Schadennummer: {lk_case}
{town_insurer}, {d2}

{p_dear} {p_sur},

wir bestätigen den Eingang Ihrer Schadenmeldung vom {lk_date} (Wasserschaden Küche). Unser Sachverständiger
{q_full} wird sich in den nächsten Tagen telefonisch bei Ihnen melden, um einen Besichtigungstermin zu
vereinbaren. Sie erreichen ihn auch direkt unter {q_mobile}.

Bitte reichen Sie uns folgende Unterlagen ein: Fotos, Kostenvoranschlag (z. B. von {lk_company}) und
Ihre Bankverbindung. Die Entschädigung überweisen wir auf das Konto {p_iban}, sofern Sie nichts anderes
mitteilen.

Für die Meldung an das Bundeszentralamt für Steuern liegt uns Ihre Steuer-ID {p_steuer} vor.
Ihre Selbstbeteiligung beträgt {amt1}. Hinweise zum Datenschutz nach {lk_law_privacy} finden Sie beiliegend.

Mit freundlichen Grüßen
{r_full}
Schadenabteilung
""",
    ),
    (
        "school_letter",
        """\
{org_school} · {addr_school} · Sekretariat {tel_school}

An die Erziehungsberechtigten von
{k_full}, Klasse 4b

{town_school}, {d1}

Liebe Eltern,

für die Klassenfahrt nach Borkum vom {d2} benötigen wir noch folgende Angaben. Bitte prüfen Sie die
gespeicherten Daten und geben Sie den Abschnitt bis Freitag bei {q_t} {q_sur} ab.

Schüler/in: {k_caps}        Geburtsdatum: {k_dobn}
Anschrift: {p_addr}
Erziehungsberechtigte/r: {p_name}, Tel. {p_mobile}
Weitere Kontaktperson: {s_full}, Tel. {s_phone}
Krankenversicherung: Vers.-Nr. {k_kvnr}

Der Eigenanteil von {amt1} ist bis zum {lk_date} auf das Schulkonto zu überweisen. Bitte geben Sie als
Verwendungszweck „Klassenfahrt 4b {k_sur}“ an.

Die Lektüre für die Fahrt ist „Die Insel der Möwen“ (ISBN {lk_isbn}).

Mit freundlichen Grüßen
{q_full}, Klassenlehrer/in
{q_mail_school}
""",
    ),
    (
        "support_ticket",
        """\
Ticket {lk_ticket} · Priorität: hoch · Queue: Fernzugriff
Erstellt am {d1} um {time2} von {q_full} (IT-Servicedesk)
Melder: {p_rev} <{p_mail_company}>, Durchwahl -{n2}{n1}

Kurzbeschreibung: VPN trennt nach Update des Clients auf {lk_version}

Beschreibung:
Mitarbeiter{p_a} arbeitet im Homeoffice ({p_addr}). Die VPN-Verbindung bricht alle paar Minuten ab. Im Log
sieht man die Verbindung von der öffentlichen IP {ip1}, anschließend einen Rekey-Fehler am Gateway {ip2}.
Rückrufnummer: {p_tel}

Verlauf:
- {q_handle}: Client neu installiert, keine Änderung.
- Weitergeleitet an {r_full} (Netzwerk). Notebook Inventarnummer {lk_product}.
- {r_handle}: Firewallregel für {ip1} fehlte nach dem Change vom {lk_date}; wiederhergestellt.

Abschluss: {p_first} bestätigt per Mail ({p_emailany}), dass alles läuft. Geschlossen von {r_init}.
""",
    ),
    (
        "meeting_minutes",
        """\
Protokoll Teamsitzung Vertrieb Süd – {d1}, {time1}–{time2} Uhr, Raum {lk_street_name}

Anwesend: {q_full} (Leitung), {r_full}, {p_init}, {s_sur}
Entschuldigt: {k_full} (Elternzeit)
Protokoll: {p_first}

TOP 1 – Kundenbeschwerden
{r_first} berichtet über die Reklamation der {lk_company}: Lieferung {lk_order} kam unvollständig.
Rückruf beim Einkäufer unter {tel_company} ist erfolgt.

TOP 2 – Messe
Standplanung läuft; {s_sur} übernimmt die Abstimmung mit {lk_brand}. Kontakt dort: {s_email}.

TOP 3 – Software
Update des CRM auf Version {lk_version} am {lk_date}. Ansprechpartner IT: {q_handle}.

Nächste Sitzung: {d2}. Rückfragen an {q_mail_company}.
""",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Templates: French
# ---------------------------------------------------------------------------------------------------------------

FR: list[tuple[str, str]] = [
    (
        "referral_letter",
        """\
Docteur {r_full}
Médecin généraliste
{r_addr1}
{r_addr2}
Tél. : {r_phone}

{town_hospital}, le {d1}

Cher confrère, chère consœur,

Je vous adresse {p_t} {p_caps}, né{p_a} le {p_dobw} à {p_birthplace}, demeurant {p_addr}, pour avis
spécialisé concernant une suspicion de {lk_neuro}.

{p_t} {p_sur}, {p_age} ans, présente depuis trois mois un tremblement de repos de la main droite,
une micrographie et une hypomimie. Pas d'antécédent familial connu. Elle/il a par ailleurs été opéré{p_a}
d'une {lk_medical_eponym2} en {year}.

Traitement actuel : lévothyroxine 75 µg, ramipril 5 mg.
N° de sécurité sociale : {p_nir}
Mutuelle : {org_insurer}

Le patient souhaite être contacté de préférence sur son portable au {p_mobile} ou par courriel
({p_emailany}). Un proche, {s_full}, l'accompagnera lors de la consultation.

Je vous remercie de bien vouloir me tenir informé(e) et vous prie de croire, cher confrère, à
l'assurance de mes sentiments confraternels.

Dr {r_init}
""",
    ),
    (
        "lab_report",
        """\
LABORATOIRE DE BIOLOGIE MÉDICALE DES TROIS RIVIÈRES
{addr_pharmacy} – Tél. {tel_pharmacy} – {mail_pharmacy}

Compte rendu d'analyses                                   Dossier n° {lk_order}

Patient : {p_caps}                 Né(e) le : {p_dobn}
IPP : {p_mrn}                      NIR : {p_nir}
Prescripteur : Dr {q_full}
Prélevé le {d1} à {time2}          Validé le {d2}

HÉMATOLOGIE
Hémoglobine                13,1 g/dL        (12,0 – 16,0)
Leucocytes                 7,8 G/L          (4,0 – 10,0)
Plaquettes                 412 G/L          (150 – 400)  *

BIOCHIMIE
CRP                        38 mg/L          (< 5)        *
Ferritine                  12 µg/L          (15 – 150)   *
Calprotectine fécale       890 µg/g         (< 50)       *

Commentaire : profil inflammatoire compatible avec une poussée de {lk_gi}. Résultats
communiqués par téléphone au Dr {q_sur} le {d2}.

Biologiste responsable : {r_full}
""",
    ),
    (
        "invoice",
        """\
{org_company}
{addr_company}
{lk_coid}
Tél. {tel_company} – {mail_company}

FACTURE N° {lk_invoice}                         Date : {d1}

Client : {p_rev}
Adresse de facturation : {p_addr}
Référence client : {lk_customer}

Désignation                                     Qté      Prix HT
Forfait maintenance chaudière {lk_maker}           1      {amt1}
Pièce détachée réf. {lk_product}                1      {amt2}

Total TTC : {amt3}

Règlement par prélèvement SEPA le {lk_date} sur le compte {p_iban}.
Pour toute réclamation, contactez {q_full} au {q_phone} ou par courriel à {q_mail_company}.

Conformément à l'{lk_law_privacy}, vous disposez d'un droit d'accès et de rectification.
Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.
""",
    ),
    (
        "chat",
        """\
Conversation – Service client {org_company} – {d1}

[{time1}] Assistant virtuel : Bonjour ! Comment puis-je vous aider ?
[{time1}] {p_handle} : bonjour jai un souci avec ma commande {lk_order}
[{time1}] {q_first} (conseiller) : Bonjour, je m'appelle {q_first}. Pouvez-vous me donner votre nom et votre
adresse de livraison ?
[{time1}] {p_handle} : {p_lower}, {p_addr}
[{time1}] {q_first} (conseiller) : Merci {p_t} {p_sur}. Le colis {lk_tracking} a été déposé en point relais
le {lk_date}.
[{time1}] {p_handle} : ah ok mais c'est mon voisin {r_first} qui l'a récupéré ?? rappelez moi au {p_mobile}
[{time1}] {q_first} (conseiller) : Je vais vérifier. Pour des raisons de sécurité, pouvez-vous confirmer votre
date de naissance ?
[{time1}] {p_handle} : {p_dobn}
[{time1}] {q_first} (conseiller) : Merci. J'ouvre une enquête (dossier {lk_ref}). Vous recevrez un e-mail à
{p_emailany} sous 48 h. Le remboursement se fera sur la carte {lk_last4}.
[{time1}] {p_handle} : non c'est l'autre carte {p_card} qu'il faut rembourser
[{time1}] {p_handle} : merci {q_firstlow} bonne journée
""",
    ),
    (
        "email_thread",
        """\
De : {q_full} <{q_mail_company}>
À : {p_full} <{p_email}>
Cc : {r_mail_company}
Date : {d2} {time2}
Objet : RE: Mise à jour de votre dossier salarié

Bonjour {p_first},

Merci pour votre retour. J'ai bien mis à jour votre adresse ({p_addr}) ainsi que vos coordonnées
bancaires ({p_iban}) pour la paie du mois prochain.

Pour la mutuelle, il me manque encore l'attestation de votre conjoint{s_a}, {s_full}. Pouvez-vous me
l'envoyer avant le {lk_date} ? Votre numéro de sécurité sociale ({p_nir}) est déjà enregistré.

Bien cordialement,

{q_fsup}
Ressources humaines – {org_company}
{addr_company}
Tél. : {tel_company} – Port. : {q_mobile}

-----Message d'origine-----
De : {p_name} <{p_email}>
Envoyé : {d1}
Objet : Mise à jour de votre dossier salarié

Madame, Monsieur,
Suite à mon déménagement, voici ma nouvelle adresse. Vous pouvez me joindre au {p_tel}.
Cordialement,
{p_full}
""",
    ),
    (
        "cv",
        """\
{p_upper}
{p_addr}
{p_mobile} – {p_email}
Né{p_a} le {p_dobw} – Permis B

PROFIL
Comptable confirmé{p_a}, 8 ans d'expérience en cabinet et en entreprise. Maîtrise de Sage et de
l'outil de consolidation {lk_version}.

EXPÉRIENCE PROFESSIONNELLE
Depuis {year}   Responsable comptable, {org_company}
                Clôtures mensuelles, déclarations de TVA, encadrement de deux assistant(e)s.
2016 – 2020     Comptable, {lk_company}
                Portefeuille de 60 clients (artisans, commerçants, une boutique {lk_brand}).

FORMATION
DSCG – Université de Nantes. BTS Comptabilité et Gestion, {lk_institution}.

LANGUES
Anglais (courant), espagnol (intermédiaire).

RÉFÉRENCES
{q_full}, directeur financier – {q_mail_company} – {q_phone}
{r_full}, expert-comptable – {r_tel}
""",
    ),
    (
        "tenancy_agreement",
        """\
CONTRAT DE LOCATION – LOCAUX VIDES À USAGE D'HABITATION
(soumis à la {lk_law_tenancy})

ENTRE LES SOUSSIGNÉS :
{s_caps}, demeurant {s_addr}, représenté par {org_lettings}, {addr_lettings},
ci-après « le bailleur »,

ET :
{p_caps}, né{p_a} le {p_dobn} à {p_birthplace}, et {r_full},
ci-après « le locataire ».

DÉSIGNATION DES LOCAUX : appartement de type T3, 2e étage, situé {p_addr}.

DURÉE : trois ans à compter du {d1}.

LOYER : {amt1} par mois, charges provisionnelles {amt2}, payable le 5 de chaque mois par virement sur le
compte {s_iban}.

DÉPÔT DE GARANTIE : {amt3}.

Le locataire signale tout sinistre au gestionnaire, {q_t} {q_sur}, au {tel_lettings} ou à
{q_mail_lettings}. Contact d'urgence du locataire : {s_first}, {s_mobile}.

Fait à {town_lettings}, le {d1}, en deux exemplaires.
""",
    ),
    (
        "voicemail",
        """\
Message vocal – transcription automatique – {d1} à {time2} – appelant : {p_tel}

« Oui bonjour, c'est {p_full}, je vous appelle au sujet de la facture {lk_invoice}, il y a eu un double
prélèvement, le {lk_date} et encore hier. Est-ce que {q_first}, euh, enfin {q_t} {q_sur} du service
comptabilité pourrait me rappeler au {p_mobile} ? Sinon vous pouvez écrire à {p_emailobf}. Mon
numéro client c'est le {lk_customer}. Merci, au revoir. »

Transcription : fiabilité moyenne – Catégorie : facturation
""",
    ),
    (
        "insurance_letter",
        """\
{org_insurer}
Service sinistres – {addr_insurer}
Tél. {tel_insurer}

{p_t} {p_full}
{p_addr1}
{p_addr2}

{town_insurer}, le {d2}

Contrat n° {lk_policy} – Sinistre n° {lk_case}

{p_dear},

Nous accusons réception de votre déclaration de dégât des eaux survenu le {lk_date}. L'expert mandaté,
{q_full}, prendra contact avec vous pour fixer un rendez-vous. Vous pouvez également le joindre au
{q_mobile}.

Afin d'instruire votre dossier, merci de nous adresser : les photos des dommages, le devis de
l'entreprise {lk_company} et un RIB. Nous avons enregistré l'IBAN suivant : {p_iban}.

La franchise contractuelle s'élève à {amt1}. Vos droits sont décrits à l'{lk_law_civil}.

Veuillez agréer, {p_dear}, l'expression de nos salutations distinguées.

{r_full}
Gestionnaire sinistres
""",
    ),
    (
        "booking_confirmation",
        """\
Confirmation de réservation – {lk_ref}

Bonjour {p_first},

Merci d'avoir réservé avec nous ! Voici le récapitulatif de votre séjour :

Hôtel : Le Relais du Port, quai {lk_street_name}
Arrivée : {d1} (à partir de 15 h)   Départ : {d2} (avant 11 h)
Chambre double supérieure, petit-déjeuner inclus
Voyageurs : {p_full}, {r_full}
Titulaire de la réservation : {p_caps}
Téléphone : {p_mobile}
E-mail : {p_email}

Montant total : {amt2}, débité sur la carte {lk_last4} le {lk_date}.
Carte de garantie saisie par le client : {p_card} (exp. 0{n1}/2{n1}).

Code d'accès au parking : 4471. La boutique {lk_brand} du hall vous offre 10 % sur présentation de ce message.
Pour toute modification, contactez la réception au {tel_company} ou {mail_company}.

À très bientôt,
{q_first}, réception
""",
    ),
    (
        "pharmacy_note",
        """\
{org_pharmacy} – {addr_pharmacy} – {tel_pharmacy}

Fiche de dispensation / entretien pharmaceutique
Date : {d1}                       Pharmacien : {q_full}

Patient : {p_name}
Date de naissance : {p_dobn}      N° sécu : {p_nir}
Tél. : {p_tel}

Ordonnance du Dr {r_sur} du {lk_date} : lévothyroxine 75 µg ({lk_drug}), 1 cp le matin, 3 mois.
Motif : {lk_thyroid}.
Substitution acceptée. Interaction vérifiée avec le calcium + vitamine D3 : espacer de 4 h. Parfum {lk_brand} : sans objet.

Délivré à : {s_full} (mandataire), pièce d'identité présentée.
Le patient souhaite recevoir les rappels de renouvellement par SMS au {p_mobile}.
""",
    ),
    (
        "support_ticket",
        """\
Ticket {lk_ticket} – Priorité : P2 – File : Accès distant
Ouvert le {d1} à {time2} par {q_full} (centre de services)
Demandeur : {p_rev} <{p_mail_company}>, poste {n2}{n1}

Résumé : le VPN se coupe depuis la mise à jour du client en {lk_version}

Description :
L'utilisateur/utilisatrice est en télétravail ({p_addr}). Le VPN tombe toutes les quelques minutes. Les
journaux montrent une connexion depuis l'adresse publique {ip1}, puis un échec de renégociation avec la
passerelle {ip2}. Joignable au {p_tel}.

Suivi :
- {q_handle} : réinstallation du client, sans effet.
- Escaladé à {r_full} (réseau). Portable étiquette {lk_product}.
- {r_handle} : la règle de pare-feu pour {ip1} manquait après le changement du {lk_date} ; rétablie.

Clôture : {p_first} confirme par courriel ({p_emailany}) que tout fonctionne. Fermé par {r_init}.
""",
    ),
    (
        "meeting_minutes",
        """\
Compte rendu – Réunion d'équipe du service comptabilité
Date : {d1}, {time1}   Lieu : salle {lk_institution}

Présents : {q_full} (animation), {r_full}, {p_init}, {s_caps}
Excusé{k_a} : {k_full}
Secrétaire de séance : {p_first}

1. Clôture trimestrielle
{r_first} signale un écart sur la facture {lk_invoice} du fournisseur {lk_company}. Relance faite au
{tel_company}.

2. Logiciel
Passage à la version {lk_version} prévu le {lk_date}. Référent : {q_handle}.

3. Divers
{s_sur} rappelle que les notes de frais doivent être déposées avant le 5 du mois.
Pour toute question : {q_mail_company}.

Prochaine réunion : {d2}.
""",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Templates: Spanish
# ---------------------------------------------------------------------------------------------------------------

ES: list[tuple[str, str]] = [
    (
        "discharge_letter",
        """\
{org_hospital}
Servicio de Medicina Interna – {addr_hospital}
Tel. {tel_hospital}

INFORME DE ALTA HOSPITALARIA

Paciente: {p_caps}
Fecha de nacimiento: {p_dobn}        {p_doclabel}: {p_doc}
NHC: {p_mrn}
Domicilio: {p_addr}
Fecha de ingreso: {d1}                Fecha de alta: {d2}
Médico responsable: Dr. {q_full}

Motivo de ingreso: dolor abdominal, diarrea y pérdida de peso de tres semanas de evolución.

Antecedentes: {lk_medical_eponym2}. No alergias medicamentosas conocidas.

Evolución: la colonoscopia muestra afectación parcheada compatible con {lk_gi}. Buena respuesta a
corticoides intravenosos. Se comprueba que {p_full} tolera dieta y se decide el alta a domicilio.

Tratamiento: prednisona 40 mg/día en pauta descendente; omeprazol 20 mg.
Revisión en consultas externas en 4 semanas. Se informa a su familiar, {s_full} (tel. {s_mobile}).

Para cualquier consulta: {q_mail_hospital}

Fdo.: Dr. {q_init}
Nº colegiado {n2}{n1}{n2}
""",
    ),
    (
        "invoice",
        """\
{org_company}
{lk_coid} – {addr_company}
Tel. {tel_company} – {mail_company}

FACTURA Nº {lk_invoice}                        Fecha: {d1}

Cliente: {p_rev}
{p_doclabel}: {p_doc}
Dirección: {p_addr}
Nº de cliente: {lk_customer}

Concepto                                          Importe
Mantenimiento anual caldera {lk_maker}              {amt1}
Recambio ref. {lk_product}                        {amt2}
IVA 21 %                                          incl.
TOTAL                                             {amt3}

Forma de pago: domiciliación bancaria en la cuenta {p_iban}, con cargo el {lk_date}.

Para cualquier reclamación puede dirigirse a {q_full} en el {q_phone} o en {q_mail_company}.
Sus datos se tratan conforme al {lk_law_privacy}.
""",
    ),
    (
        "chat",
        """\
Chat de atención al cliente – {org_company} – {d1}

{time1} Asistente: ¡Hola! ¿En qué podemos ayudarte?
{time1} {p_handle}: hola, mi pedido {lk_order} no ha llegado
{time1} {q_first}: Hola, soy {q_first}. ¿Me indicas tu nombre completo y la dirección de entrega?
{time1} {p_handle}: {p_lower}, {p_addr}
{time1} {q_first}: Gracias, {p_firstlow}. Según el seguimiento ({lk_tracking}), se entregó el {lk_date} a un
vecino, {r_full}.
{time1} {p_handle}: no conozco a nadie con ese nombre. me llamais al {p_mobile}?
{time1} {q_first}: Claro. Por seguridad, ¿me confirmas tu {p_doclabel}?
{time1} {p_handle}: {p_doc}
{time1} {q_first}: Perfecto. He abierto una incidencia ({lk_ref}). Te escribiremos a {p_emailany}.
Si no aparece, te devolvemos el importe en la tarjeta {lk_last4}.
{time1} {p_handle}: mejor en esta otra: {p_card}
{time1} {p_handle}: vale gracias {q_firstlow}!!
""",
    ),
    (
        "email_thread",
        """\
De: {q_full} <{q_mail_company}>
Para: {p_email}
Fecha: {d2} {time2}
Asunto: RE: Cambio de cuenta bancaria y domicilio

Hola, {p_first}:

Gracias por tu correo. Ya he actualizado en el sistema de nóminas tu nuevo domicilio ({p_addr}) y la
cuenta {p_iban}. El cambio se aplicará en la nómina de este mes.

Para el seguro médico necesito también el {s_doclabel} de tu pareja, {s_full}. ¿Me lo puedes enviar
antes del {lk_date}?

Un saludo,

{q_fsup}
Departamento de Recursos Humanos – {org_company}
{addr_company}
Tel. {tel_company} · Móvil {q_mobile}

-----Mensaje original-----
De: {p_name} <{p_email}>
Enviado: {d1}
Asunto: Cambio de cuenta bancaria y domicilio

Buenos días:
Os escribo porque me he mudado. Mi {p_doclabel} es {p_doc}, por si lo necesitáis. Podéis llamarme al {p_tel}.
Saludos,
{p_full}
""",
    ),
    (
        "cv",
        """\
CURRÍCULUM VITAE

{p_upper}
{p_doclabel}: {p_doc}
Fecha de nacimiento: {p_dobw}
Dirección: {p_addr}
Teléfono: {p_mobile} · Correo: {p_email}

EXPERIENCIA PROFESIONAL
{year} – actualidad   Técnic{p_o} de administración, {org_company}
                      Contabilidad de proveedores, conciliaciones bancarias, cierre mensual.
2017 – 2021           Auxiliar administrativ{p_o}, {lk_company}
                      Gestión de pedidos y atención a clientes (tiendas {lk_brand}).

FORMACIÓN
Grado en Administración y Dirección de Empresas, Universidad de Zaragoza.
Curso de SAP FI ({lk_version}).

IDIOMAS
Inglés B2, francés A2.

REFERENCIAS
{q_full}, jefe de administración – {q_mail_company} – {q_phone}
{r_full} – {r_tel}
""",
    ),
    (
        "tenancy_agreement",
        """\
CONTRATO DE ARRENDAMIENTO DE VIVIENDA

En {town_lettings}, a {d1}

REUNIDOS

De una parte, D./Dña. {s_full}, mayor de edad, con {s_doclabel} {s_doc} y domicilio en {s_addr}, en
adelante EL ARRENDADOR.

De otra parte, D./Dña. {p_full}, nacid{p_o} el {p_dobw}, con {p_doclabel} {p_doc}, en adelante EL
ARRENDATARIO.

EXPONEN Y PACTAN

PRIMERA.– Objeto. El arrendador cede en arrendamiento la vivienda sita en {p_addr}.
SEGUNDA.– Duración. Un año desde el {d2}, prorrogable conforme a la {lk_law_tenancy}.
TERCERA.– Renta. {amt1} mensuales, pagaderos dentro de los siete primeros días de cada mes mediante
transferencia a la cuenta {s_iban}.
CUARTA.– Fianza. {amt2}, depositada en el organismo autonómico competente.
QUINTA.– Notificaciones. Al arrendador, a través de {org_lettings} ({tel_lettings}, {mail_lettings});
al arrendatario, en el teléfono {p_mobile}.

Y en prueba de conformidad, firman el presente contrato por duplicado.

{s_init}                                 {p_init}
""",
    ),
    (
        "incident_report",
        """\
DIRECCIÓN GENERAL DE LA POLICÍA – Comisaría de Distrito
ATESTADO Nº {lk_case}

En {town_company}, siendo las {time1} horas del día {d1}, ante el agente con carné profesional {n2}{n1}{n2}{n1},
comparece:

{p_caps}, con {p_doclabel} {p_doc}, nacid{p_o} el {p_dobn}, con domicilio en {p_addr} y teléfono {p_tel},
quien

MANIFIESTA:
Que sobre las {time2} horas, en el aparcamiento del centro comercial situado en la {lk_street_name}, un
vehículo conducido por {r_full} golpeó su coche y se marchó sin dejar datos. Que una testigo, {s_full},
con teléfono {s_mobile}, anotó la matrícula. Que los daños se valoran en unos {amt2}.

Que la aseguradora del denunciante es {org_insurer}, póliza {lk_policy}.

Leída la presente, la firma en prueba de conformidad.
El/la denunciante: {p_init}
""",
    ),
    (
        "voicemail",
        """\
Mensaje de voz – transcripción automática – {d1}, {time2} – número: {p_tel}

"Hola, buenas, soy {p_full}, llamo por la factura {lk_invoice}, que me la habéis cobrado dos veces, una
el {lk_date} y otra ayer. Quería hablar con {q_first}, {q_full}, de contabilidad. Mi móvil es el
{p_mobile}, o si no me escribís a {p_emailobf}. Bueno, mi número de cliente es el {lk_customer}.
Ah, y si hace falta, la tarjeta es la {p_card}. Gracias, hasta luego."

Etiquetas automáticas: facturación, devolución
""",
    ),
    (
        "booking_confirmation",
        """\
Confirmación de reserva – Localizador {lk_ref}

Estimad{p_o} {p_full}:

Gracias por reservar con Hoteles Brisa Marina. Estos son los datos de tu estancia:

Hotel: Brisa Marina Centro, junto a la {lk_street_name}
Entrada: {d1} (desde las 14:00)     Salida: {d2} (hasta las 12:00)
Habitación doble con desayuno
Huéspedes: {p_full} y {r_full}
Titular: {p_caps} – {p_doclabel} {p_doc}
Teléfono de contacto: {p_mobile}
Correo: {p_email}

Importe total: {amt2}, cargado en la tarjeta {lk_last4} el {lk_date}.
Tarjeta de garantía facilitada por el cliente: {p_card}

Para cambios o cancelaciones llama al {tel_company} o escribe a {mail_company}.
¡Te esperamos!
{q_first} – Recepción
""",
    ),
    (
        "school_letter",
        """\
{org_school}
{addr_school} – Tel. {tel_school}

{town_school}, {d1}

Estimadas familias:

Os informamos de que la excursión de 5º de Primaria al parque natural tendrá lugar el {d2}. Para
participar, es imprescindible devolver firmada la autorización antes del viernes.

Datos del alumno/a que constan en secretaría:
Alumno/a: {k_caps}
Fecha de nacimiento: {k_dobn}
Domicilio: {p_addr}
Padre/madre/tutor: {p_full} – {p_doclabel} {p_doc} – {p_mobile}
Otro contacto: {s_full} – {s_phone}

El coste de la actividad ({amt1}) se abonará en la cuenta del AMPA. Lectura recomendada: ISBN {lk_isbn}.

Para cualquier duda, contactad con el tutor, {q_t} {q_sur}, en {q_mail_school}.

Atentamente,
{r_full}
Directora
""",
    ),
    (
        "insurance_letter",
        """\
{org_insurer}
{addr_insurer} – Atención al cliente: {tel_insurer}

{p_full}
{p_addr1}
{p_addr2}

{town_insurer}, {d2}

Póliza nº {lk_policy} – Expediente de siniestro {lk_case}

{p_dear} {p_sur}:

Hemos recibido el parte de daños por agua comunicado el {lk_date}. El perito asignado, {q_full},
contactará con usted para concertar una visita; también puede llamarle al {q_mobile}.

Le rogamos nos remita fotografías, el presupuesto de {lk_company} y un certificado de titularidad de la
cuenta {p_iban}, donde abonaremos la indemnización.

La franquicia aplicable es de {amt1}. Puede consultar sus derechos según el {lk_law_civil}.

Atentamente,
{r_full}
Departamento de Siniestros
""",
    ),
    (
        "support_ticket",
        """\
Incidencia {lk_ticket} – Prioridad media – Cola: Acceso remoto
Abierta el {d1} a las {time2} por {q_full} (CAU)
Solicitante: {p_rev} <{p_mail_company}>, ext. {n2}{n1}

Resumen: la VPN se desconecta tras actualizar el cliente a {lk_version}

Descripción:
La usuaria/el usuario trabaja desde casa ({p_addr}) y la VPN se cae cada pocos minutos. En el registro se
ve la conexión desde la IP pública {ip1} y un error de renegociación con el concentrador {ip2}.
Contacto: {p_tel}.

Seguimiento:
- {q_handle}: reinstalación del cliente, sin cambios.
- Escalado a {r_full} (redes). Portátil con etiqueta {lk_product}.
- {r_handle}: faltaba la regla del cortafuegos para {ip1} tras el cambio del {lk_date}. Corregido.

Cierre: {p_first} confirma por correo ({p_emailany}) que funciona. Cerrada por {r_init}.
""",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Templates: Italian
# ---------------------------------------------------------------------------------------------------------------

IT: list[tuple[str, str]] = [
    (
        "referral_letter",
        """\
Dott. {r_full}
Medico di Medicina Generale
{r_addr1} – {r_addr2}
Tel. {r_phone}

{town_hospital}, {d1}

Alla cortese attenzione del Dott. {q_sur}
U.O. Neurologia – {org_hospital}

Oggetto: richiesta di visita specialistica per {p_t} {p_caps}

Caro collega,

ti invio {p_t} {p_full}, nat{p_o} a {p_birthplace} il {p_dobw}, residente in {p_addr},
C.F. {p_cf}, per sospetto {lk_neuro}.

Da circa quattro mesi {p_first} presenta tremore a riposo alla mano destra e rallentamento nei movimenti.
In anamnesi {lk_medical_eponym2}, in terapia con levotiroxina 75 mcg.

Recapiti del paziente: cellulare {p_mobile}, e-mail {p_emailany}. Sarà accompagnat{p_o} dal familiare
{s_full}.

Ti ringrazio per la collaborazione e resto a disposizione.

Cordiali saluti,
Dott. {r_init}
""",
    ),
    (
        "lab_report",
        """\
LABORATORIO ANALISI CLINICHE SAN GIORGIO
{addr_pharmacy} – Tel. {tel_pharmacy} – {mail_pharmacy}

REFERTO                                              Accettazione n. {lk_order}

Paziente: {p_caps}
Nato/a il: {p_dobn} a {p_birthplace}
Codice fiscale: {p_cf}
Cartella clinica n. {p_mrn}
Medico richiedente: Dott. {q_full}
Prelievo del {d1} ore {time2}                         Referto del {d2}

Esame                        Risultato     Unità      Valori di riferimento
Emoglobina                   12,4          g/dL       12,0 – 15,5
Glicemia                     131           mg/dL      70 – 100        *
Emoglobina glicata (HbA1c)   7,1           %          4,0 – 6,0       *
Colesterolo LDL              164           mg/dL      < 115           *
TSH                          3,2           µUI/mL     0,4 – 4,0

Note: quadro compatibile con diabete mellito tipo 2; si segnala anamnesi di {lk_medical_eponym}.
Esito comunicato telefonicamente a {q_t} {q_sur} il {d2}.

Il Direttore del Laboratorio: Dott. {r_full}
""",
    ),
    (
        "invoice",
        """\
{org_company}
{addr_company} – {lk_coid}
Tel. {tel_company} – {mail_company}

FATTURA N. {lk_invoice}                          Data: {d1}

Cliente: {p_caps}
Codice fiscale: {p_cf}
Indirizzo: {p_addr}
Codice cliente: {lk_customer}

Descrizione                                      Importo
Manutenzione annuale caldaia {lk_maker}            {amt1}
Ricambio cod. {lk_product}                       {amt2}
IVA 22%                                          inclusa
TOTALE                                           {amt3}

Pagamento: addebito SDD il {lk_date} sul conto {p_iban}.

Per informazioni rivolgersi a {q_full}, tel. {q_phone}, e-mail {q_mail_company}.
Informativa privacy ai sensi del {lk_law_privacy}.
""",
    ),
    (
        "chat",
        """\
Chat assistenza clienti – {org_company} – {d1}

{time1} Assistente virtuale: Ciao! Come posso aiutarti?
{time1} {p_handle}: salve, il mio ordine {lk_order} non è mai arrivato
{time1} {q_first}: Buongiorno, sono {q_first}. Mi indica nome e indirizzo di consegna?
{time1} {p_handle}: {p_lower}, {p_addr}
{time1} {q_first}: Grazie {p_t} {p_sur}. Il pacco {lk_tracking} risulta consegnato il {lk_date} al
vicino, {r_full}.
{time1} {p_handle}: ma chi è?? mi chiamate al {p_mobile} per favore
{time1} {q_first}: Certo. Per sicurezza può confermarmi il codice fiscale?
{time1} {p_handle}: {p_cf}
{time1} {q_first}: Perfetto. Ho aperto una segnalazione (pratica {lk_ref}). Riceverà una mail a
{p_emailany}. In caso di smarrimento rimborsiamo sulla carta {lk_last4}.
{time1} {p_handle}: quella è scaduta, usate questa {p_card}
{time1} {p_handle}: ok grazie mille {q_firstlow}
""",
    ),
    (
        "email_thread",
        """\
Da: {q_full} <{q_mail_company}>
A: {p_email}
Data: {d2} {time2}
Oggetto: R: Aggiornamento dati anagrafici e IBAN

Ciao {p_first},

grazie per la mail. Ho aggiornato in anagrafica il nuovo indirizzo ({p_addr}) e l'IBAN per
l'accredito dello stipendio: {p_iban}.

Per la polizza sanitaria integrativa mi serve ancora il codice fiscale di {s_full}
(risulta {s_cf}, me lo confermi?).

Un saluto,
{q_fsup}
Ufficio Personale – {org_company}
{addr_company}
Tel. {tel_company} – Cell. {q_mobile}

-----Messaggio originale-----
Da: {p_name} <{p_email}>
Inviato: {d1}
Oggetto: Aggiornamento dati anagrafici e IBAN

Buongiorno,
vi comunico che ho cambiato residenza e conto corrente. Per urgenze sono raggiungibile al {p_tel}.
Cordiali saluti,
{p_full}
""",
    ),
    (
        "cv",
        """\
CURRICULUM VITAE

{p_upper}
Nat{p_o} a {p_birthplace} il {p_dobw}
Residenza: {p_addr}
Cellulare: {p_mobile} – E-mail: {p_email}
C.F.: {p_cf}

ESPERIENZE PROFESSIONALI
{year} – oggi     Impiegat{p_o} amministrativ{p_o}, {org_company}
                  Contabilità fornitori, riconciliazioni bancarie, chiusure mensili.
2016 – 2020       Addett{p_o} vendite, {lk_company}
                  Gestione clienti e ordini (boutique {lk_brand}).

ISTRUZIONE
Laurea in Economia Aziendale, Università di Bologna. Diploma, {lk_institution}.

LINGUE
Inglese C1, tedesco B1.

Autorizzo il trattamento dei dati personali ai sensi del {lk_law_privacy}.

REFERENZE
{q_full} – {q_mail_company} – {q_phone}
{r_full} – {r_tel}
""",
    ),
    (
        "tenancy_agreement",
        """\
CONTRATTO DI LOCAZIONE AD USO ABITATIVO
(ai sensi della {lk_law_tenancy})

Con la presente scrittura privata tra:

{s_caps}, nat{s_o} a {s_birthplace} il {s_dobn}, C.F. {s_cf}, residente in {s_addr}
(di seguito "locatore"), rappresentat{s_o} da {org_lettings}, {addr_lettings}

e

{p_full}, nat{p_o} il {p_dobw}, C.F. {p_cf} (di seguito "conduttore")

si conviene e si stipula quanto segue:

1. Il locatore concede in locazione l'appartamento sito in {p_addr}, piano terzo, interno 7.
2. La durata è di anni 4 + 4 a decorrere dal {d1}.
3. Il canone annuo è convenuto in {amt3}, da corrispondersi in rate mensili di {amt1} mediante bonifico
   sul conto {s_iban}.
4. Il deposito cauzionale è pari a {amt2}.
5. Per comunicazioni: amministratore {q_t} {q_sur}, tel. {tel_lettings}, {q_mail_lettings}.

{town_lettings}, lì {d1}

Il locatore ______________          Il conduttore ______________
""",
    ),
    (
        "voicemail",
        """\
Messaggio in segreteria – trascrizione automatica – {d1} ore {time2} – chiamante {p_tel}

"Sì, buongiorno, sono {p_full}, chiamo per la fattura {lk_invoice}, mi è stata addebitata due volte,
il {lk_date} e poi ancora ieri. Volevo parlare con {q_first}, cioè {q_t} {q_sur} dell'amministrazione.
Mi potete richiamare al {p_mobile}? Oppure scrivete a {p_emailobf}. Il mio codice cliente è
{lk_customer}. Se serve, la carta è {p_card}. Grazie, arrivederci."

Categoria: fatturazione – Affidabilità trascrizione: media
""",
    ),
    (
        "pharmacy_note",
        """\
{org_pharmacy} – {addr_pharmacy} – Tel. {tel_pharmacy}

SCHEDA DISPENSAZIONE
Data: {d1}                       Farmacista: Dott. {q_full}

Assistito: {p_name}
C.F.: {p_cf}                     Data di nascita: {p_dobn}
Recapito: {p_tel}

Ricetta elettronica del Dott. {r_sur} del {lk_date}: metformina 850 mg ({lk_drug}), 1 cpr x 2.
Esenzione per patologia. Nota: {lk_medical_eponym} in anamnesi.
Integratore di iperico sconsigliato per interazione. Richiesto campione crema {lk_brand}.

Ritirato da: {s_full} (delegat{s_o}), documento esibito.
Promemoria rinnovo via SMS al {p_mobile}.
""",
    ),
    (
        "meeting_minutes",
        """\
VERBALE DI RIUNIONE – Ufficio Amministrazione
Data: {d1}, ore {time1}          Luogo: sala riunioni "{lk_institution}"

Presenti: {q_full} (presiede), {r_full}, {p_init}, {s_caps}
Assente giustificat{k_o}: {k_full}
Verbalizzante: {p_first}

1. Chiusura trimestrale
{r_first} segnala una discrepanza sulla fattura {lk_invoice} del fornitore {lk_company}; sollecito telefonico
al {tel_company}.

2. Aggiornamento gestionale
Passaggio alla versione {lk_version} previsto il {lk_date}. Referente: {q_handle}.

3. Varie
{s_sur} ricorda la scadenza delle note spese. Riferimenti: {q_mail_company}.

Prossima riunione: {d2}.
""",
    ),
    (
        "booking_confirmation",
        """\
Conferma di prenotazione – Codice {lk_ref}

Gentile {p_full},

grazie per aver prenotato presso l'Albergo Belvedere. Riepilogo del soggiorno:

Struttura: Albergo Belvedere, a due passi da {lk_street_name}
Arrivo: {d1} (dalle 14:00)          Partenza: {d2} (entro le 11:00)
Camera matrimoniale con colazione
Ospiti: {p_full}, {r_full}
Intestatario: {p_caps} – C.F. {p_cf}
Telefono: {p_mobile}
E-mail: {p_email}

Totale: {amt2}, addebitato sulla carta {lk_last4} in data {lk_date}.
Carta a garanzia indicata dal cliente: {p_card}

Per modifiche o cancellazioni: {tel_company} – {mail_company}.
A presto!
{q_first}, Reception
""",
    ),
    (
        "support_ticket",
        """\
Ticket {lk_ticket} – Priorità: media – Coda: Accesso remoto
Aperto il {d1} alle {time2} da {q_full} (Service Desk)
Richiedente: {p_rev} <{p_mail_company}>, int. {n2}{n1}

Oggetto: la VPN si disconnette dopo l'aggiornamento del client a {lk_version}

Descrizione:
L'utente lavora da casa ({p_addr}). La VPN cade ogni pochi minuti; nei log la connessione parte
dall'IP pubblico {ip1} e fallisce la rinegoziazione con il gateway {ip2}. Recapito: {p_tel}.

Attività:
- {q_handle}: reinstallato il client, nessun cambiamento.
- Inoltrato a {r_full} (rete). Notebook etichetta {lk_product}.
- {r_handle}: mancava la regola firewall per {ip1} dopo la modifica del {lk_date}. Ripristinata.

Chiusura: {p_first} conferma via mail ({p_emailany}). Chiuso da {r_init}.
""",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Templates: Dutch
# ---------------------------------------------------------------------------------------------------------------

NL: list[tuple[str, str]] = [
    (
        "discharge_letter",
        """\
{org_hospital}
Afdeling Maag-, Darm- en Leverziekten
{addr_hospital} | T {tel_hospital}

Aan: {r_full}, huisarts
{r_addr1}
{r_addr2}

{town_hospital}, {d2}

Betreft: {p_rev}, geboren {p_dobn}
BSN: {p_bsn}    Patiëntnummer: {p_mrn}
Adres: {p_addr}
Opname: {d1} – ontslag: {d2}

Geachte collega {r_sur},

Uw patiënt{p_a} {p_t} {p_sur} ({p_age} jaar) werd opgenomen met sinds drie weken buikpijn, diarree en
gewichtsverlies. Bij coloscopie werd het beeld van de {lk_gi} gezien. Voorgeschiedenis:
{lk_medical_eponym2}.

Beleid: prednison 40 mg, afbouwen met 5 mg per week; controle op de polikliniek over 6 weken.
Partner {s_full} is op verzoek van patiënt{p_a} geïnformeerd (tel. {s_mobile}).

Bij vragen kunt u mij bereiken via {q_mail_hospital}.

Met collegiale groet,

dr. {q_full}, arts-assistent MDL
namens {q_init}, MDL-arts
""",
    ),
    (
        "lab_report",
        """\
KLINISCH CHEMISCH LABORATORIUM – {org_hospital}
{addr_hospital} – T {tel_hospital}

UITSLAG                                        Aanvraagnummer: {lk_order}

Patiënt: {p_caps}               Geboortedatum: {p_dobn}
Patiëntnummer: {p_mrn}          BSN: {p_bsn}
Aanvrager: {q_full}, huisarts
Afname: {d1} {time2}            Gevalideerd: {d2}

Bepaling           Uitslag     Eenheid     Referentie
Hb                 7,9         mmol/L      7,5 – 10,0
Glucose nuchter    8,4         mmol/L      4,0 – 6,1     H
HbA1c              61          mmol/mol    < 53          H
eGFR               72          ml/min      > 60
TSH                5,9         mU/L        0,4 – 4,0     H

Opmerking: passend bij diabetes mellitus type 2; TSH verhoogd, denk aan {lk_thyroid}.
Telefonisch doorgegeven aan {q_t} {q_sur} op {d2}.

Klinisch chemicus: {r_full}
""",
    ),
    (
        "payment_reminder",
        """\
{org_company}
{addr_company}
{lk_coid}

{p_t} {p_init}
{p_addr1}
{p_addr2}

{town_company}, {d3}

Betreft: herinnering factuur {lk_invoice}
Klantnummer: {lk_customer}

{p_dear} {p_sur},

Volgens onze administratie is factuur {lk_invoice} van {lk_date} ter hoogte van {amt1} nog niet voldaan.
Het automatische incasso van {lk_date2} is gestorneerd.

Wij verzoeken u het bedrag binnen 14 dagen over te maken op rekening {q_iban} t.n.v. {org_company},
onder vermelding van het factuurnummer.

Heeft u vragen? Neem dan contact op met {q_full} via {tel_company} of {q_mail_company}.
Heeft u inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen.

Met vriendelijke groet,

{q_full}
Debiteurenbeheer
""",
    ),
    (
        "chat",
        """\
Chatgesprek klantenservice {org_company} – {d1}

{time1} Chatbot: Hoi! Waarmee kan ik je helpen?
{time1} {p_handle}: hoi mn bestelling {lk_order} is nog steeds niet binnen
{time1} {q_first}: Hallo, je spreekt met {q_first}. Mag ik je naam en bezorgadres?
{time1} {p_handle}: {p_lower}, {p_addr}
{time1} {q_first}: Dank je, {p_firstlow}. Volgens de track & trace ({lk_tracking}) is het pakket op {lk_date}
bij de buren afgegeven, bij {r_full}.
{time1} {p_handle}: die ken ik niet eens. kunnen jullie me bellen op {p_mobile}
{time1} {q_first}: Natuurlijk. Voor de zekerheid: wat is je geboortedatum?
{time1} {p_handle}: {p_dobn}
{time1} {q_first}: Top. Ik heb een onderzoek gestart (kenmerk {lk_ref}). Je krijgt een mail op
{p_emailany}. Anders storten we het bedrag terug op de kaart {lk_last4}.
{time1} {p_handle}: die kaart is geblokkeerd, gebruik {p_card}
{time1} {p_handle}: thanks {q_firstlow}
""",
    ),
    (
        "email_thread",
        """\
Van: {q_full} <{q_mail_company}>
Aan: {p_email}
Datum: {d2} {time2}
Onderwerp: RE: Wijziging adres en rekeningnummer

Beste {p_first},

Dank voor je bericht. Ik heb je nieuwe adres ({p_addr}) en rekeningnummer {p_iban} in het
salarissysteem gezet. De wijziging gaat in per de volgende salarisstrook.

Voor de loonheffing heb ik je BSN al ({p_bsn}). Voor de zorgverzekering van je partner {s_full} heb ik
nog een kopie van het ID-bewijs nodig.

Met vriendelijke groet,

{q_fsup}
HR-administratie | {org_company}
{addr_company}
T {tel_company} | M {q_mobile}

-----Oorspronkelijk bericht-----
Van: {p_name} <{p_email}>
Verzonden: {d1}
Onderwerp: Wijziging adres en rekeningnummer

Hallo,
Ik ben verhuisd en heb een nieuwe bank. Bij vragen ben ik bereikbaar op {p_tel}.
Groet,
{p_full}
""",
    ),
    (
        "job_application",
        """\
{p_full}
{p_addr1}
{p_addr2}
{p_mobile} | {p_email}

{org_company}
t.a.v. {q_t} {q_sur}, HR
{addr_company}

{p_town}, {d1}

Betreft: sollicitatie financieel administratief medewerker (vacature {lk_ref})

{q_dear} {q_sur},

Met veel enthousiasme reageer ik op uw vacature. Na mijn opleiding aan het {lk_institution} werk ik
sinds {year} bij {lk_company}, waar ik de crediteurenadministratie verzorg en de overstap naar
versie {lk_version} van ons boekhoudpakket heb begeleid.

Mijn vorige leidinggevende, {r_full}, is bereid als referentie op te treden ({r_tel}).

Graag licht ik mijn motivatie toe in een gesprek.

Met vriendelijke groet,
{p_init}

Bijlage: cv (geboren {p_dobw})
""",
    ),
    (
        "tenancy_agreement",
        """\
HUUROVEREENKOMST WOONRUIMTE

De ondergetekenden:

1. {s_full}, wonende te {s_addr}, hierna "verhuurder", vertegenwoordigd door {org_lettings},
   {addr_lettings};
2. {p_full}, geboren op {p_dobw}, hierna "huurder",

komen het volgende overeen:

Artikel 1 – Het gehuurde
Verhuurder verhuurt aan huurder de woning gelegen aan {p_addr}.

Artikel 2 – Duur
De overeenkomst gaat in op {d1} en is aangegaan voor onbepaalde tijd, met inachtneming van {lk_law_tenancy}.

Artikel 3 – Huurprijs
De huurprijs bedraagt {amt1} per maand, te voldoen vóór de eerste van de maand op rekening {s_iban}.
Servicekosten: {amt2} per maand. Waarborgsom: {amt3}.

Artikel 4 – Contact
Reparatieverzoeken via {tel_lettings} of {mail_lettings}; beheerder {q_t} {q_sur}.
Noodcontact huurder: {r_first}, {r_mobile}.

Aldus opgemaakt en getekend te {town_lettings} op {d1}.

{s_init}                              {p_init}
""",
    ),
    (
        "incident_report",
        """\
POLITIE – Eenheid Midden-Nederland
Proces-verbaal van aangifte, registratienummer {lk_case}

Op {d1} om {time1} uur verscheen voor mij, {q_full}, hoofdagent van politie, een persoon die opgaf te zijn:

Achternaam: {p_surup}
Voornamen: {p_first}
Geboren: {p_dobn} te {p_town}
Adres: {p_addr}
Telefoon: {p_tel}
E-mail: {p_emailany}
BSN: {p_bsn}

die aangifte deed van beschadiging van een voertuig en verklaarde:
"Ik stond geparkeerd op de {lk_street_name}, bij de ingang van de {lk_brand}. Toen ik terugkwam zag ik dat
mijn auto aan de zijkant was ingedeukt. Een voorbijganger, {s_full}, heeft gezien dat een bestelbus van
{lk_company} achteruit reed. Deze getuige is bereikbaar op {s_mobile}."

Schade geschat op {amt2}. Verzekerd bij {org_insurer}, polisnummer {lk_policy}.
Waarvan door mij is opgemaakt dit proces-verbaal.
""",
    ),
    (
        "voicemail",
        """\
Voicemail – automatische transcriptie – {d1} {time2} – nummer {p_tel}

"Ja hallo, met {p_full}. Ik bel over factuur {lk_invoice}, die is twee keer afgeschreven, op
{lk_date} en gisteren nog een keer. Ik wilde graag {q_first} spreken, {q_full} van de administratie.
Kunt u mij terugbellen op {p_mobile}? Of mailen naar {p_emailobf}. Mijn klantnummer is {lk_customer}.
O ja, betalen kan ook met mijn creditcard, {p_card}. Dank u wel, doei."

Categorie: facturatie – Betrouwbaarheid: gemiddeld
""",
    ),
    (
        "insurance_letter",
        """\
{org_insurer}
{addr_insurer} | Klantenservice {tel_insurer}

{p_t} {p_full}
{p_addr1}
{p_addr2}

{town_insurer}, {d2}

Polisnummer: {lk_policy}
Schadenummer: {lk_case}

{p_dear} {p_sur},

Wij hebben uw schademelding van {lk_date} (waterschade keuken) ontvangen. Onze expert {q_full} neemt
binnenkort contact met u op voor een afspraak. U kunt hem/haar ook rechtstreeks bellen: {q_mobile}.

Wilt u ons foto's, de offerte van {lk_company} en een bankafschrift van rekening {p_iban} sturen?
Uw eigen risico bedraagt {amt1}. Meer over uw rechten leest u in {lk_law_civil}.

Met vriendelijke groet,
{r_full}
Afdeling Schade
""",
    ),
    (
        "school_letter",
        """\
{org_school}
{addr_school} | T {tel_school} | {mail_school}

{town_school}, {d1}

Beste ouder(s)/verzorger(s) van {k_full},

Op {d2} gaat groep 7 op schoolkamp. Wilt u onderstaande gegevens controleren en het strookje vóór
vrijdag inleveren bij {q_t} {q_sur}?

Leerling: {k_caps}
Geboortedatum: {k_dobn}
BSN leerling: {k_bsn}
Adres: {p_addr}
Ouder/verzorger: {p_name}, {p_mobile}
Tweede contactpersoon: {s_full}, {s_phone}

De eigen bijdrage van {amt1} kunt u overmaken vóór {lk_date}. Het leesboek voor het kamp heeft ISBN
{lk_isbn}.

Met vriendelijke groet,
{r_full}, directeur
""",
    ),
    (
        "support_ticket",
        """\
Melding {lk_ticket} | Prioriteit: 2 | Wachtrij: Thuiswerken
Aangemaakt {d1} {time2} door {q_full} (Servicedesk)
Melder: {p_rev} <{p_mail_company}>, toestel {n2}{n1}

Samenvatting: VPN valt weg na update client naar {lk_version}

Omschrijving:
Medewerker werkt thuis ({p_addr}). VPN verbreekt elke paar minuten. In de logging zien we de verbinding
vanaf publiek IP {ip1} en een rekey-fout richting gateway {ip2}. Bereikbaar op {p_tel}.

Acties:
- {q_handle}: client opnieuw geïnstalleerd, geen verbetering.
- Doorgezet naar {r_full} (netwerkbeheer). Laptop met assettag {lk_product}.
- {r_handle}: firewallregel voor {ip1} ontbrak na de wijziging van {lk_date}; hersteld.

Afgesloten: {p_first} bevestigt per mail ({p_emailany}) dat het werkt. Gesloten door {r_init}.
""",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Programmatic shapes: web-form submissions and contact-list exports
# ---------------------------------------------------------------------------------------------------------------

FORM_LABELS = {
    "en": (
        "Online enquiry form - submission received {d1} {time2}",
        "Form ID",
        "Title",
        "First name",
        "Last name",
        "Date of birth",
        "Address line 1",
        "Town / postcode",
        "Phone",
        "Email",
        "Your message",
        "Submitted from IP",
        "I agree to the privacy policy",
        "yes",
    ),
    "de": (
        "Kontaktformular – Eingang {d1} {time2}",
        "Formular-ID",
        "Anrede",
        "Vorname",
        "Nachname",
        "Geburtsdatum",
        "Straße, Hausnummer",
        "PLZ, Ort",
        "Telefon",
        "E-Mail",
        "Ihr Anliegen",
        "Absender-IP",
        "Datenschutzerklärung akzeptiert",
        "ja",
    ),
    "fr": (
        "Formulaire de contact – reçu le {d1} à {time2}",
        "Identifiant",
        "Civilité",
        "Prénom",
        "Nom",
        "Date de naissance",
        "Adresse",
        "Code postal et ville",
        "Téléphone",
        "Courriel",
        "Votre message",
        "Adresse IP",
        "J'accepte la politique de confidentialité",
        "oui",
    ),
    "es": (
        "Formulario web – recibido el {d1} a las {time2}",
        "ID de envío",
        "Tratamiento",
        "Nombre",
        "Apellidos",
        "Fecha de nacimiento",
        "Dirección",
        "C.P. y localidad",
        "Teléfono",
        "Correo electrónico",
        "Mensaje",
        "IP de origen",
        "Acepto la política de privacidad",
        "sí",
    ),
    "it": (
        "Modulo di contatto – ricevuto il {d1} alle {time2}",
        "ID modulo",
        "Titolo",
        "Nome",
        "Cognome",
        "Data di nascita",
        "Indirizzo",
        "CAP e città",
        "Telefono",
        "E-mail",
        "Messaggio",
        "IP di provenienza",
        "Acconsento al trattamento dei dati",
        "sì",
    ),
    "nl": (
        "Webformulier – ontvangen {d1} {time2}",
        "Formulier-ID",
        "Aanhef",
        "Voornaam",
        "Achternaam",
        "Geboortedatum",
        "Straat en huisnummer",
        "Postcode en plaats",
        "Telefoon",
        "E-mailadres",
        "Uw bericht",
        "IP-adres afzender",
        "Akkoord met privacyverklaring",
        "ja",
    ),
}

FORM_MESSAGES = {
    "en": [
        "Hello, I was charged twice for order {lk_order} (card {p_card}) on {lk_date}. Please refund one payment. "
        "My partner {r_first} placed the order from our shared account. The product was the {lk_brand} gift box ({lk_product}).",
        "I would like to book an appointment for my child {k_first} (born {k_dobn}) regarding suspected {lk_medical_eponym}. "
        "Our GP, Dr {q_sur}, suggested your clinic. Best to call after 4pm.",
        "Please update my bank details for the direct debit to {p_iban}. Policy {lk_policy}. My old account closes on {lk_date}. "
        "You asked for ID: my {p_nidlabel} is {p_nid}.",
    ],
    "de": [
        "Guten Tag, meine Bestellung {lk_order} wurde am {lk_date} doppelt von der Karte {p_card} abgebucht. Bitte erstatten Sie "
        "einen Betrag. Bestellt hatte mein Partner {r_first} über unser gemeinsames Konto ({lk_brand}-Geschenkset, {lk_product}).",
        "Ich möchte einen Termin für mein Kind {k_first} (geb. {k_dobn}) wegen {lk_medical_eponym} vereinbaren. "
        "Unser Hausarzt Dr. {q_sur} hat Ihre Praxis empfohlen. Rückruf bitte ab 16 Uhr.",
        "Bitte ändern Sie meine Bankverbindung für das Lastschriftmandat auf {p_iban}. Vertragsnummer {lk_policy}. "
        "Meine Steuer-ID für die Bescheinigung: {p_steuer}.",
    ],
    "fr": [
        "Bonjour, ma commande {lk_order} a été débitée deux fois sur ma carte {p_card} le {lk_date}. Merci de rembourser un "
        "des paiements. C'est mon conjoint {r_first} qui avait passé la commande (coffret {lk_brand}, {lk_product}).",
        "Je souhaite prendre rendez-vous pour mon enfant {k_first} (né(e) le {k_dobn}) pour une {lk_medical_eponym}. "
        "Notre médecin traitant, le Dr {q_sur}, nous a orientés vers vous. Merci de rappeler après 16 h.",
        "Merci de modifier mes coordonnées bancaires pour le prélèvement : {p_iban}. Contrat {lk_policy}. "
        "Mon numéro de sécurité sociale : {p_nir}.",
    ],
    "es": [
        "Hola, el pedido {lk_order} se cobró dos veces en mi tarjeta {p_card} el {lk_date}. Os pido que devolváis uno de los "
        "cargos. Lo hizo mi pareja, {r_first}, desde nuestra cuenta (lote {lk_brand}, ref. {lk_product}).",
        "Quisiera pedir cita para mi hij{k_o} {k_first} (nacid{k_o} el {k_dobn}) por una {lk_medical_eponym}. "
        "Nos lo recomendó nuestra médica de cabecera, la Dra. {q_sur}. Mejor llamar por la tarde.",
        "Por favor, cambiad la cuenta de domiciliación a {p_iban}. Póliza {lk_policy}. Mi {p_doclabel}: {p_doc}.",
    ],
    "it": [
        "Buongiorno, l'ordine {lk_order} mi è stato addebitato due volte sulla carta {p_card} il {lk_date}. Vi chiedo di "
        "rimborsare un addebito. L'ordine l'ha fatto un familiare, {r_first}, (confezione {lk_brand}, cod. {lk_product}).",
        "Vorrei prenotare una visita per mi{k_o} figli{k_o} {k_first} (nat{k_o} il {k_dobn}) per sospetto {lk_medical_eponym}. "
        "Ci ha indirizzato il nostro pediatra, Dott. {q_sur}. Preferibilmente richiamare nel pomeriggio.",
        "Vi prego di aggiornare l'IBAN per l'addebito diretto: {p_iban}. Polizza {lk_policy}. Codice fiscale {p_cf}.",
    ],
    "nl": [
        "Hallo, bestelling {lk_order} is op {lk_date} twee keer afgeschreven van mijn kaart {p_card}. Wilt u één betaling "
        "terugstorten? Mijn partner {r_first} had besteld via ons gezamenlijke account ({lk_brand}-pakket, {lk_product}).",
        "Ik wil graag een afspraak maken voor mijn kind {k_first} (geboren {k_dobn}) in verband met de {lk_medical_eponym}. "
        "Onze huisarts, dokter {q_sur}, verwees ons naar u. Graag terugbellen na 16.00 uur.",
        "Wilt u mijn rekeningnummer voor de automatische incasso wijzigen in {p_iban}? Polisnummer {lk_policy}. BSN {p_bsn}.",
    ],
}

FORM_TITLES = {
    "en": ("Mr", "Ms"),
    "de": ("Herr", "Frau"),
    "fr": ("Monsieur", "Madame"),
    "es": ("Sr.", "Sra."),
    "it": ("Sig.", "Sig.ra"),
    "nl": ("De heer", "Mevrouw"),
}

FORM_FOOTER = {
    "en": "This message was generated automatically by the website contact form (CMS {lk_version}). Do not reply to this e-mail.",
    "de": "Diese Nachricht wurde automatisch über das Kontaktformular der Website erzeugt (CMS {lk_version}). Bitte nicht antworten.",
    "fr": "Ce message a été généré automatiquement par le formulaire du site (CMS {lk_version}). Merci de ne pas y répondre.",
    "es": "Mensaje generado automáticamente por el formulario de la web (CMS {lk_version}). No responda a este correo.",
    "it": "Messaggio generato automaticamente dal modulo del sito (CMS {lk_version}). Non rispondere a questa e-mail.",
    "nl": "Dit bericht is automatisch verstuurd via het webformulier (CMS {lk_version}). U kunt niet op deze e-mail reageren.",
}


def web_form(rng: random.Random, lang: str, ctx: dict[str, Any]) -> str:
    L = FORM_LABELS[lang]
    female = ctx["p_t"] in ("Ms", "Frau", "Mme", "Sra.", "Sig.ra", "mevr.")
    w = max(len(x) for x in L[1:13]) + 2
    rows = [
        L[0],
        "",
        f"{L[1] + ':':<{w}}{{lk_ticket}}",
        f"{L[2] + ':':<{w}}{FORM_TITLES[lang][1 if female else 0]}",
        f"{L[3] + ':':<{w}}{{p_first}}",
        f"{L[4] + ':':<{w}}{{p_surup}}" if rng.random() < 0.3 else f"{L[4] + ':':<{w}}{{p_sur}}",
        f"{L[5] + ':':<{w}}{{p_dobn}}",
        f"{L[6] + ':':<{w}}{{p_addr1}}",
        f"{L[7] + ':':<{w}}{{p_addr2}}",
        f"{L[8] + ':':<{w}}{{p_tel}}",
        f"{L[9] + ':':<{w}}{{p_email}}",
        f"{L[10] + ':':<{w}}" + rng.choice(FORM_MESSAGES[lang]),
        f"{L[11] + ':':<{w}}{{ip1}}",
        f"{L[12] + ':':<{w}}{L[13]}",
        "",
        FORM_FOOTER[lang],
    ]
    return "\n".join(rows) + "\n"


CSV_HEAD = {
    "en": ["contact_id", "name", "company", "email", "phone", "mobile", "address", "birthday", "notes"],
    "de": ["Kontakt-ID", "Name", "Firma", "E-Mail", "Telefon", "Mobil", "Anschrift", "Geburtstag", "Notiz"],
    "fr": [
        "id_contact",
        "nom",
        "société",
        "courriel",
        "téléphone",
        "portable",
        "adresse",
        "date_naissance",
        "remarque",
    ],
    "es": [
        "id_contacto",
        "nombre",
        "empresa",
        "email",
        "teléfono",
        "móvil",
        "dirección",
        "fecha_nacimiento",
        "notas",
    ],
    "it": [
        "id_contatto",
        "nominativo",
        "azienda",
        "email",
        "telefono",
        "cellulare",
        "indirizzo",
        "data_nascita",
        "note",
    ],
    "nl": [
        "contact_id",
        "naam",
        "bedrijf",
        "e-mail",
        "telefoon",
        "mobiel",
        "adres",
        "geboortedatum",
        "notitie",
    ],
}
CSV_NOTES = {
    "en": ["VIP", "prefers email", "do not call before 10", "ex-customer", "", "met at trade fair"],
    "de": [
        "Stammkunde",
        "bitte nur per Mail",
        "nicht vor 10 Uhr anrufen",
        "",
        "Messe Kontakt",
        "Newsletter abbestellt",
    ],
    "fr": [
        "client fidèle",
        "préfère le courriel",
        "",
        "ne pas appeler avant 10 h",
        "salon pro",
        "ancien client",
    ],
    "es": ["cliente habitual", "prefiere email", "", "no llamar antes de las 10", "feria", "antiguo cliente"],
    "it": ["cliente abituale", "preferisce email", "", "non chiamare prima delle 10", "fiera", "ex cliente"],
    "nl": ["vaste klant", "liever per mail", "", "niet bellen voor 10 uur", "beurscontact", "oud-klant"],
}


def contact_csv(rng: random.Random, lang: str, ctx: dict[str, Any]) -> str:
    country = ctx["country"]
    sep = "," if lang == "en" else ";"
    head = CSV_HEAD[lang]
    intro = {
        "en": "Export from CRM - contacts tagged 'Q{n1} campaign' - generated {d1} by {q_handle}",
        "de": "Export aus dem CRM – Kontakte Kampagne Q{n1} – erstellt am {d1} von {q_handle}",
        "fr": "Export CRM – contacts campagne T{n1} – généré le {d1} par {q_handle}",
        "es": "Exportación del CRM – contactos campaña T{n1} – generado el {d1} por {q_handle}",
        "it": "Esportazione CRM – contatti campagna Q{n1} – generato il {d1} da {q_handle}",
        "nl": "Export uit CRM – contacten campagne K{n1} – aangemaakt {d1} door {q_handle}",
    }[lang]
    lines = [intro, sep.join(head)]
    companies = [ctx["org_company"], ctx["lk_company"], ctx["lk_company2"], ctx["org_insurer"], ""]
    for i in range(rng.randint(5, 8)):
        x = f"c{i}"
        person_ctx(rng, lang, make_person(rng, lang, country), x, ctx)
        cid = f"{rng.randint(10000, 99999)}"
        name_key = rng.choice([f"{x}_full", f"{x}_rev", f"{x}_caps", f"{x}_name"])
        comp = rng.choice(companies)
        comp_s = (
            ("{" + ("lk_company" if comp == ctx["lk_company"] else "lk_company2") + "}")
            if isinstance(comp, Look)
            else str(comp)
        )
        birthday = "{" + f"{x}_dobn" + "}" if rng.random() < 0.5 else ""
        addr = "{" + f"{x}_addr" + "}" if rng.random() < 0.7 else ""
        mobile = "{" + f"{x}_mobile" + "}" if rng.random() < 0.8 else ""
        fields = [
            cid,
            "{" + name_key + "}",
            comp_s,
            "{" + f"{x}_emailany" + "}",
            "{" + f"{x}_phone" + "}",
            mobile,
            addr,
            birthday,
            rng.choice(CSV_NOTES[lang]),
        ]
        out = []
        for f in fields:
            needs_quote = sep in _probe(f, ctx) or (lang == "en" and "," in _probe(f, ctx))
            out.append(f'"{f}"' if needs_quote else f)
        lines.append(sep.join(out))
    return "\n".join(lines) + "\n"


def _probe(field: str, ctx: dict[str, Any]) -> str:
    return render(field, ctx)[0]


# ---------------------------------------------------------------------------------------------------------------
# Assembly, self-check, output
# ---------------------------------------------------------------------------------------------------------------

# British-only document conventions (NHS, assured shorthold tenancy, GPhC, "Year 6"); other English shapes are GB or US
EN_GB_ONLY = {"referral_letter", "discharge_letter", "tenancy_agreement", "pharmacy_note", "school_letter"}

TEMPLATES: dict[str, list[tuple[str, Any]]] = {
    "en": [*EN, ("web_form", web_form), ("contact_csv", contact_csv)],
    "de": [*DE, ("web_form", web_form), ("contact_csv", contact_csv)],
    "fr": [*FR, ("web_form", web_form), ("contact_csv", contact_csv)],
    "es": [*ES, ("web_form", web_form), ("contact_csv", contact_csv)],
    "it": [*IT, ("web_form", web_form), ("contact_csv", contact_csv)],
    "nl": [*NL, ("web_form", web_form), ("contact_csv", contact_csv)],
}

FILLER = {
    "en": "\nThis message and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it.\n",
    "de": "\nDiese Nachricht ist vertraulich und nur für den Empfänger bestimmt. Sollten Sie sie irrtümlich erhalten haben, informieren Sie bitte den Absender und löschen Sie sie.\n",
    "fr": "\nCe message est confidentiel et destiné exclusivement à son destinataire. Si vous l'avez reçu par erreur, merci d'en informer l'expéditeur et de le supprimer.\n",
    "es": "\nEste mensaje es confidencial y está dirigido únicamente a su destinatario. Si lo ha recibido por error, comuníquelo al remitente y elimínelo.\n",
    "it": "\nIl presente messaggio è riservato ed è destinato esclusivamente al destinatario. Se lo avete ricevuto per errore, avvisate il mittente e cancellatelo.\n",
    "nl": "\nDit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde. Heeft u het per vergissing ontvangen, meld dit dan aan de afzender en verwijder het.\n",
}


def generate() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for lang in LANGS:
        rng = random.Random(f"{SEED}-{lang}")
        shapes = TEMPLATES[lang]
        order = [shapes[i % len(shapes)] for i in range(PER_LANG)]
        rng.shuffle(order)
        for i, (kind, tpl) in enumerate(order):
            country = LANG_COUNTRY.get(lang) or ("GB" if kind in EN_GB_ONLY else rng.choice(["GB", "US"]))
            ctx = build_ctx(rng, lang, country)
            template = tpl(rng, lang, ctx) if callable(tpl) else tpl
            if kind == "chat":  # timestamps advance line by line
                parts = template.split("{time1}")
                template = parts[0] + "".join(
                    "{ct" + str(j) + "}" + part for j, part in enumerate(parts[1:], start=1)
                )
            text, ents, looks = render(template, ctx)
            if len(text) < 300:
                text += FILLER[lang]
            docs.append(
                {
                    "id": f"{lang}-{i + 1:04d}",
                    "lang": lang,
                    "kind": kind,
                    "text": text,
                    "entities": ents,
                    "lookalikes": looks,
                }
            )
    return docs


MONTH_WORDS = {m.lower() for ms in MONTHS.values() for m in ms} | {m[:3].lower() for m in MONTHS["en"]}
OBF_WORDS = ("at", "arroba", "arobase", "chiocciola", "apenstaartje")


def dob_ok(v: str) -> bool:
    if not re.search(r"(19[3-9]\d|20[0-2]\d)$", v):
        return False
    if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}", v):
        return True
    words = re.findall(r"[^\W\d_]+", v.lower())
    return any(w in MONTH_WORDS for w in words)


def email_ok(v: str) -> bool:
    if re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}", v):
        return True
    toks = re.split(r"[\s()\[\]]+", v.lower())
    return (any(t in OBF_WORDS for t in toks) and " " not in v.strip("[]()")) or any(
        t in OBF_WORDS for t in toks[1:-1]
    )


VALIDATORS = {
    "PERSON": lambda v: bool(re.search(r"[^\W\d_]", v)) and "\n" not in v,
    "ADDRESS": lambda v: bool(re.search(r"\d", v)) and "\n" not in v,
    "DATE_OF_BIRTH": dob_ok,
    "EMAIL_ADDRESS": email_ok,
    "PHONE_NUMBER": phone_ok,
    "CREDIT_CARD": lambda v: (
        13 <= len(digits_of(v)) <= 19 and luhn_ok(digits_of(v)) and bool(re.fullmatch(r"[\d \-\u00a0]+", v))
    ),
    "IBAN_CODE": iban_ok,
    "US_SSN": ssn_ok,
    "UK_NINO": nino_ok,
    "UK_NHS": nhs_ok,
    "DE_STEUER_ID": steuer_ok,
    "DE_SVNR": svnr_ok,
    "DE_KVNR": kvnr_ok,
    "FR_NIR": nir_ok,
    "ES_DNI": dni_ok,
    "ES_NIE": nie_ok,
    "IT_FISCAL_CODE": lambda v: cf_ok(v.upper()),
    "NL_BSN": bsn_ok,
    "MEDICAL_RECORD_NUMBER": lambda v: len(digits_of(v)) >= 6,
    "IP_ADDRESS": ip_ok,
}


def check_doc(doc: dict[str, Any]) -> list[str]:
    errs: list[str] = []
    text = doc["text"]
    did = doc["id"]
    if not 300 <= len(text) <= 2500:
        errs.append(f"{did}: length {len(text)}")
    if doc["lang"] not in LANGS or not doc.get("kind"):
        errs.append(f"{did}: bad lang/kind")
    spans: list[tuple[int, int, str]] = []
    for e in doc["entities"]:
        v = text[e["start"] : e["end"]]
        t = e["type"]
        if t not in VALIDATORS:
            errs.append(f"{did}: unknown type {t}")
            continue
        if e["category"] != category_of(t) or e["structured"] != (t in STRUCTURED):
            errs.append(f"{did}: bad category/structured for {t}")
        if not v or v != v.strip() or v[0] in ",;:." or v[-1] in ",;:" or (v[-1] == "." and t != "ADDRESS"):
            errs.append(f"{did}: untrimmed {t} {v!r}")
        if not VALIDATORS[t](v):
            errs.append(f"{did}: invalid {t} {v!r}")
        spans.append((e["start"], e["end"], t))
    for lk in doc["lookalikes"]:
        v = text[lk["start"] : lk["end"]]
        if not v or v != v.strip() or not lk.get("what"):
            errs.append(f"{did}: bad lookalike {v!r}")
        spans.append((lk["start"], lk["end"], "look:" + lk["what"]))
    spans.sort()
    for a, b in itertools.pairwise(spans):
        if b[0] < a[1]:
            errs.append(f"{did}: overlap {a} {b}")
        if a[2] == b[2] == "PERSON" and text[a[1] : b[0]] == " ":
            errs.append(f"{did}: one name split into two spans {text[a[0] : b[1]]!r}")
    return errs


def summarise(docs: list[dict[str, Any]]) -> str:
    out = []
    by_lang = collections.Counter(d["lang"] for d in docs)
    out.append(f"documents: {len(docs)}  " + "  ".join(f"{k}={by_lang[k]}" for k in LANGS))
    kinds = collections.Counter((d["kind"], d["lang"]) for d in docs)
    allk = sorted({k for k, _ in kinds})
    out.append("\nper kind x lang:")
    out.append(f"  {'kind':<22}" + "".join(f"{lang:>6}" for lang in LANGS) + f"{'total':>7}")
    for k in allk:
        row = [kinds[(k, lang)] for lang in LANGS]
        out.append(f"  {k:<22}" + "".join(f"{n:>6}" for n in row) + f"{sum(row):>7}")
    types = collections.Counter((e["type"], d["lang"]) for d in docs for e in d["entities"])
    allt = sorted({t for t, _ in types})
    out.append("\nentities per type x lang:")
    out.append(f"  {'type':<22}" + "".join(f"{lang:>6}" for lang in LANGS) + f"{'total':>7}")
    for t in allt:
        row = [types[(t, lang)] for lang in LANGS]
        out.append(f"  {t:<22}" + "".join(f"{n:>6}" for n in row) + f"{sum(row):>7}")
    tot_e = sum(len(d["entities"]) for d in docs)
    tot_l = sum(len(d["lookalikes"]) for d in docs)
    out.append(
        f"  {'TOTAL':<22}"
        + "".join(f"{sum(types[(t, lang)] for t in allt):>6}" for lang in LANGS)
        + f"{tot_e:>7}"
    )
    looks = collections.Counter(lk["what"] for d in docs for lk in d["lookalikes"])
    out.append(f"\nlook-alikes: {tot_l} ({tot_l / len(docs):.1f} per document)")
    out.append("  " + ", ".join(f"{k}={v}" for k, v in sorted(looks.items())))
    lens = sorted(len(d["text"]) for d in docs)
    out.append(f"\ndocument length (chars): min {lens[0]}, median {lens[len(lens) // 2]}, max {lens[-1]}")
    return "\n".join(out)


def serialise(docs: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-validate the committed heldout.jsonl")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.check:
        raw = args.out.read_text(encoding="utf-8")
        docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
    else:
        docs = generate()
    errs = [e for d in docs for e in check_doc(d)]
    ids = [d["id"] for d in docs]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    per_lang = collections.Counter(d["lang"] for d in docs)
    errs += [f"only {per_lang[lang]} documents for {lang}" for lang in LANGS if per_lang[lang] < 120]
    shapes = {(d["lang"], d["kind"]) for d in docs}
    errs += [
        f"fewer than 10 shapes for {lang}"
        for lang in LANGS
        if len({k for la, k in shapes if la == lang}) < 10
    ]
    print(summarise(docs))
    if errs:
        print(f"\nSELF-CHECK FAILED: {len(errs)} problem(s)", file=sys.stderr)
        for e in errs[:50]:
            print("  " + e, file=sys.stderr)
        return 1
    if args.check:
        fresh = serialise(generate())
        same = fresh == raw
        print(
            f"\nself-check passed; file is {'identical to' if same else 'DIFFERENT from'} a fresh generation"
        )
        return 0 if same else 1
    args.out.write_text(serialise(docs), encoding="utf-8")
    print(f"\nself-check passed; wrote {len(docs)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
