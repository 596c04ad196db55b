"""Held-out PII evaluation corpus for Airlock's redaction (issue 20 item 6, issue 11 item 4).

Written from the entity definitions only, without reading Airlock's recognisers, its own corpus generator or its
benchmark. Every value pool, address format and document template below is hand-written here; the only randomness is
`random.Random(SEED)`, so re-running the script reproduces `heldout.jsonl` byte for byte.

    python bench/heldout/generate.py            # writes heldout.jsonl next to this file, self-checks, prints counts
    python bench/heldout/generate.py --check    # only re-validates an existing heldout.jsonl

Stdlib only.
"""

# The value pools and templates are data: long lines and compact literals are deliberate.
# ruff: noqa: E501, RUF001
# fmt: off

from __future__ import annotations

import argparse
import collections
import itertools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

SEED = 20261206
DOCS_PER_LANG = 150
LANGS = ("en", "de", "fr", "es", "it", "nl")
OUT = Path(__file__).with_name("heldout.jsonl")

NBSP = "\u00a0"
NNBSP = "\u202f"

R = Random(SEED)


def pick(seq: Any) -> Any:
    return R.choice(seq)


def chance(p: float) -> bool:
    return R.random() < p


def digits(n: int) -> str:
    return "".join(str(R.randrange(10)) for _ in range(n))


# ---------------------------------------------------------------------------------------------------------------------
# Check digits, implemented from the public specifications. Each `valid_*` takes the text as it appears in the document
# (any realistic separators) and is used by the self-check on every labelled identifier.
# ---------------------------------------------------------------------------------------------------------------------

SEP_RE = re.compile(r"[\s\u00a0\u202f\u2009.\-/]")


def compact(s: str) -> str:
    return SEP_RE.sub("", s)


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


def luhn_complete(prefix: str) -> str:
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError


def valid_card(s: str) -> bool:
    n = compact(s)
    return n.isdigit() and 13 <= len(n) <= 19 and luhn_ok(n)


IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "GB": 22, "BE": 16, "AT": 20, "CH": 21, "LU": 20, "PT": 25}


def _iban_num(s: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in s))


def valid_iban(s: str) -> bool:
    n = compact(s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", n) or n[:2] not in IBAN_LEN or len(n) != IBAN_LEN[n[:2]]:
        return False
    return _iban_num(n[4:] + n[:4]) % 97 == 1


def make_iban(country: str, bban: str) -> str:
    check = 98 - _iban_num(bban + country + "00") % 97
    return f"{country}{check:02d}{bban}"


def valid_ssn(s: str) -> bool:
    n = compact(s)
    if not (n.isdigit() and len(n) == 9):
        return False
    area, group, serial = n[:3], n[3:5], n[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


NINO_BAD_FIRST = set("DFIQUV")
NINO_BAD_SECOND = set("DFIOQUV")
NINO_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def valid_nino(s: str) -> bool:
    n = compact(s).upper()
    return bool(
        re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", n)
        and n[0] not in NINO_BAD_FIRST
        and n[1] not in NINO_BAD_SECOND
        and n[:2] not in NINO_BAD_PAIRS
    )


def nhs_check(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    c = 11 - total % 11
    if c == 11:
        return 0
    return None if c == 10 else c


def valid_nhs(s: str) -> bool:
    n = compact(s)
    return n.isdigit() and len(n) == 10 and nhs_check(n[:9]) == int(n[9])


def steuer_check(ten: str) -> int:
    # ISO 7064 MOD 11,10
    product = 10
    for ch in ten:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def valid_steuer_id(s: str) -> bool:
    n = compact(s)
    if not (n.isdigit() and len(n) == 11 and n[0] != "0"):
        return False
    counts = collections.Counter(n[:10])
    # exactly one digit repeated (twice, or three times since 2016), all others at most once
    if sorted(c for c in counts.values() if c > 1) not in ([2], [3]):
        return False
    return steuer_check(n[:10]) == int(n[10])


SVNR_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def svnr_check(eleven: str) -> int:
    # area(2) + birth date DDMMYY(6) + letter -> two digits (A=01) + serial(2): 12 digits, weighted, cross sums, mod 10
    seq = eleven[:8] + f"{ord(eleven[8]) - 64:02d}" + eleven[9:11]
    total = 0
    for d, w in zip(seq, SVNR_WEIGHTS, strict=True):
        p = int(d) * w
        total += p // 10 + p % 10
    return total % 10


def valid_svnr(s: str) -> bool:
    n = compact(s).upper()
    if not re.fullmatch(r"\d{8}[A-Z]\d{3}", n):
        return False
    dd, mm = int(n[2:4]), int(n[4:6])
    return 1 <= dd <= 31 and 1 <= mm <= 12 and svnr_check(n[:11]) == int(n[11])


def kvnr_check(letter: str, eight: str) -> int:
    seq = f"{ord(letter) - 64:02d}" + eight
    total = 0
    for i, ch in enumerate(seq):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return total % 10


def valid_kvnr(s: str) -> bool:
    n = compact(s).upper()
    return bool(re.fullmatch(r"[A-Z]\d{9}", n)) and kvnr_check(n[0], n[1:9]) == int(n[9])


def nir_key(thirteen: str) -> int:
    num = thirteen.replace("2A", "19").replace("2B", "18")
    return 97 - int(num) % 97


def valid_nir(s: str) -> bool:
    n = compact(s).upper()
    if not re.fullmatch(r"[12]\d{4}(\d{2}|2A|2B)\d{6}\d{2}", n):
        return False
    return nir_key(n[:13]) == int(n[13:])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def valid_dni(s: str) -> bool:
    n = compact(s).upper()
    return bool(re.fullmatch(r"\d{8}[A-Z]", n)) and DNI_LETTERS[int(n[:8]) % 23] == n[8]


def valid_nie(s: str) -> bool:
    n = compact(s).upper()
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", n):
        return False
    return DNI_LETTERS[int(str("XYZ".index(n[0])) + n[1:8]) % 23] == n[8]


CF_ODD = {
    **dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21), strict=True)),
    **dict(
        zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23),
            strict=True,
        )
    ),
}
CF_EVEN = {**{str(i): i for i in range(10)}, **{ch: i for i, ch in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}}
CF_MONTHS = "ABCDEHLMPRST"


def cf_check(fifteen: str) -> str:
    total = sum(CF_ODD[ch] if i % 2 == 0 else CF_EVEN[ch] for i, ch in enumerate(fifteen))
    return chr(65 + total % 26)


def valid_cf(s: str) -> bool:
    n = compact(s).upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", n):
        return False
    return cf_check(n[:15]) == n[15]


def bsn_ok(n: str) -> bool:
    total = sum(int(d) * w for d, w in zip(n[:8], range(9, 1, -1), strict=True)) - int(n[8])
    return total % 11 == 0


def valid_bsn(s: str) -> bool:
    n = compact(s)
    return n.isdigit() and len(n) == 9 and bsn_ok(n)


EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def deobfuscate_email(s: str) -> str:
    t = s.strip()
    t = re.sub(r"\s*[\[(]\s*(at|AT|arroba|chiocciola|apenstaartje)\s*[\])]\s*", "@", t)
    t = re.sub(r"\s*[\[(]\s*(dot|DOT|punto|punt)\s*[\])]\s*", ".", t)
    t = re.sub(r"\s+(at|AT|arroba|chiocciola|apenstaartje)\s+", "@", t)
    t = re.sub(r"\s+(dot|DOT|punto|punt|point)\s+", ".", t)
    return t


def valid_email(s: str) -> bool:
    return bool(EMAIL_RE.match(deobfuscate_email(s)))


def valid_phone(s: str) -> bool:
    t = s.replace("(0)", "")
    if not re.fullmatch(r"\(?\+?[\d\s\u00a0\u202f.\-/()\t]+", t) or t.count("+") > 1:
        return False
    n = re.sub(r"\D", "", t)
    return 9 <= len(n) <= 13


def valid_mrn(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{0,4}[\d\-/. A-Z]*\d{3,}[\d\-/. ]*", s)) and sum(ch.isdigit() for ch in s) >= 6


def valid_ip(s: str) -> bool:
    parts = s.split(".")
    return len(parts) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 for p in parts)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "CREDIT_CARD": valid_card,
    "IBAN_CODE": valid_iban,
    "US_SSN": valid_ssn,
    "UK_NINO": valid_nino,
    "UK_NHS": valid_nhs,
    "DE_STEUER_ID": valid_steuer_id,
    "DE_SVNR": valid_svnr,
    "DE_KVNR": valid_kvnr,
    "FR_NIR": valid_nir,
    "ES_DNI": valid_dni,
    "ES_NIE": valid_nie,
    "IT_FISCAL_CODE": valid_cf,
    "NL_BSN": valid_bsn,
    "EMAIL_ADDRESS": valid_email,
    "PHONE_NUMBER": valid_phone,
    "MEDICAL_RECORD_NUMBER": valid_mrn,
    "IP_ADDRESS": valid_ip,
}

FAIRNESS_TYPES = ("CREDIT_CARD", "IBAN_CODE", "NL_BSN", "UK_NHS", "DE_STEUER_ID", "FR_NIR", "ES_DNI", "IT_FISCAL_CODE", "US_SSN", "DE_KVNR")

NATIONAL_IDS = {
    "US_SSN", "UK_NINO", "UK_NHS", "DE_STEUER_ID", "DE_SVNR", "DE_KVNR", "FR_NIR", "ES_DNI", "ES_NIE",
    "IT_FISCAL_CODE", "NL_BSN",
}  # fmt: skip


def category_of(etype: str) -> str:
    if etype == "PERSON":
        return "name"
    if etype == "ADDRESS":
        return "address"
    if etype == "DATE_OF_BIRTH":
        return "date"
    if etype in NATIONAL_IDS:
        return "national_id"
    return "structured"


# ---------------------------------------------------------------------------------------------------------------------
# Identifier generators: valid values in the formats people actually print them.
# ---------------------------------------------------------------------------------------------------------------------


def group(s: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def gen_card(kind: str | None = None) -> str:
    kind = kind or pick(["visa", "visa", "mc5", "mc2", "amex", "visa19"])
    if kind == "visa":
        num = luhn_complete("4" + digits(14))
    elif kind == "mc5":
        num = luhn_complete("5" + str(R.randint(1, 5)) + digits(13))
    elif kind == "mc2":
        num = luhn_complete(str(R.randint(2221, 2720)) + digits(11))
    elif kind == "amex":
        num = luhn_complete(pick(["34", "37"]) + digits(12))
        return group(num, (4, 6, 5), pick([" ", " ", "-", ""]))
    else:  # 19-digit Visa / Maestro
        prefix = pick(["4", "6759", "6304"])
        num = luhn_complete(prefix + digits(18 - len(prefix)))
        return pick([group(num, (4, 4, 4, 4, 3)), num])
    sep = pick([" ", " ", " ", "-", "", NBSP])
    return group(num, (4, 4, 4, 4), sep)


def es_dc(ten: str) -> str:
    w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    d = 11 - sum(int(a) * b for a, b in zip(ten, w, strict=True)) % 11
    return str({11: 0, 10: 1}.get(d, d))


def gen_iban(country: str, fmt: str | None = None) -> str:
    if country == "DE":
        bban = pick(["10010010", "37040044", "50010517", "70150000", "12030000", "20050550", "76026000"]) + digits(10)
    elif country == "FR":
        bank, branch, acct = pick(["30003", "30004", "20041", "10278", "30002", "18206"]), digits(5), digits(11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        bban = f"{bank}{branch}{acct}{key:02d}"
    elif country == "ES":
        bank, branch, acct = pick(["2100", "0049", "0182", "2085", "0081", "1465"]), digits(4), digits(10)
        bban = bank + branch + es_dc("00" + bank + branch) + es_dc(acct) + acct
    elif country == "IT":
        bban = pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + pick(["03069", "02008", "05034", "03062", "01030"]) + digits(5) + digits(12)
    elif country == "NL":
        bban = pick(["ABNA", "RABO", "INGB", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ"]) + digits(10)
    elif country == "GB":
        bban = pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(6) + digits(8)
    elif country == "BE":
        b = digits(10)
        bban = b + f"{(int(b) % 97) or 97:02d}"
    elif country == "AT":
        bban = digits(16)
    elif country == "CH":
        bban = digits(17)
    elif country == "PT":
        bban = digits(21)
    else:
        raise ValueError(country)
    iban = make_iban(country, bban)
    fmt = fmt or pick(["paper", "paper", "paper", "compact", "nbsp"])
    if fmt == "compact":
        return iban
    return group(iban, (4,) * 8, NBSP if fmt == "nbsp" else " ")


def gen_ssn() -> str:
    while True:
        area = R.randint(1, 899)
        if area != 666:
            break
    n = f"{area:03d}{R.randint(1, 99):02d}{R.randint(1, 9999):04d}"
    return pick([f"{n[:3]}-{n[3:5]}-{n[5:]}"] * 4 + [f"{n[:3]} {n[3:5]} {n[5:]}", n])


def gen_nino() -> str:
    while True:
        a = pick("ABCEGHJKLMNOPRSTWXYZ")
        b = pick("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in NINO_BAD_PAIRS:
            break
    n = digits(6)
    s = pick("ABCD")
    return pick([f"{a}{b} {n[:2]} {n[2:4]} {n[4:]} {s}", f"{a}{b}{n}{s}", f"{a}{b} {n} {s}"])


def gen_nhs() -> str:
    while True:
        nine = str(R.randint(4, 6)) + digits(8)
        c = nhs_check(nine)
        if c is not None:
            n = nine + str(c)
            return pick([f"{n[:3]} {n[3:6]} {n[6:]}"] * 3 + [n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def gen_steuer_id() -> str:
    while True:
        ds = R.sample("0123456789", 9)
        if ds[0] == "0":
            continue
        dup = pick(ds)
        ten = ds[:]
        ten.insert(R.randint(1, 9), dup)
        ten_s = "".join(ten)
        if ten_s[0] == "0":
            continue
        n = ten_s + str(steuer_check(ten_s))
        return pick([f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"] * 2 + [n, f"{n[:2]}{NBSP}{n[2:5]}{NBSP}{n[5:8]}{NBSP}{n[8:]}"])


def gen_svnr(dob: date, surname_core: str, sex: str) -> str:
    area = pick(["12", "13", "15", "16", "17", "18", "19", "23", "24", "25", "26", "28", "29", "38", "39", "40", "42", "49", "53", "54", "55", "56", "58", "60", "65"])
    letter = unicodedata.normalize("NFD", surname_core)[0].upper()
    serial = f"{R.randint(0, 49) if sex == 'm' else R.randint(50, 99):02d}"
    eleven = f"{area}{dob:%d%m%y}{letter}{serial}"
    n = eleven + str(svnr_check(eleven))
    return pick([f"{n[:2]} {n[2:8]} {n[8]} {n[9:11]} {n[11]}", n, f"{n[:2]} {n[2:8]} {n[8:]}"])


def gen_kvnr() -> str:
    letter, eight = pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), digits(8)
    return f"{letter}{eight}{kvnr_check(letter, eight)}"


FR_DEPTS = ["75", "69", "13", "31", "33", "44", "59", "67", "35", "34", "38", "06", "2A", "2B", "92", "93", "94", "57", "62", "76", "29", "64", "99"]


def gen_nir(dob: date, sex: str, dept: str | None = None) -> str:
    dept = dept or pick(FR_DEPTS)
    thirteen = f"{1 if sex == 'm' else 2}{dob:%y%m}{dept}{R.randint(1, 990):03d}{R.randint(1, 999):03d}"
    n = thirteen + f"{nir_key(thirteen):02d}"
    sep = pick([" ", " ", "", NBSP, NNBSP])
    if sep == "":
        return n
    return sep.join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]])


def gen_dni() -> str:
    num = R.randint(1_000_000, 79_999_999)
    n = f"{num:08d}{DNI_LETTERS[num % 23]}"
    return pick([n, n, f"{n[:8]}-{n[8]}", f"{n[:2]}.{n[2:5]}.{n[5:8]}-{n[8]}"])


def gen_nie() -> str:
    p = pick("XYZ")
    body = digits(7)
    n = f"{p}{body}{DNI_LETTERS[int(str('XYZ'.index(p)) + body) % 23]}"
    return pick([n, n, f"{n[0]}-{n[1:8]}-{n[8]}"])


CF_TOWNS = {
    "Milano": "F205", "Roma": "H501", "Napoli": "F839", "Torino": "L219", "Bologna": "A944", "Firenze": "D612",
    "Genova": "D969", "Palermo": "G273", "Bari": "A662", "Verona": "L781", "Padova": "G224", "Brescia": "B157",
    "Catania": "C351", "Venezia": "L736", "Lecce": "E506", "Bergamo": "A794", "Cagliari": "B354", "Trento": "L378",
}  # fmt: skip


def _cf_letters(s: str, given: bool) -> str:
    s = unicodedata.normalize("NFD", s).upper()
    s = "".join(ch for ch in s if "A" <= ch <= "Z")
    cons = [ch for ch in s if ch not in "AEIOU"]
    vows = [ch for ch in s if ch in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def gen_cf(surname: str, given: str, dob: date, sex: str, town: str) -> str:
    day = dob.day + (40 if sex == "f" else 0)
    fifteen = f"{_cf_letters(surname, False)}{_cf_letters(given, True)}{dob:%y}{CF_MONTHS[dob.month - 1]}{day:02d}{CF_TOWNS[town]}"
    return fifteen + cf_check(fifteen)


def gen_bsn() -> str:
    while True:
        n = str(R.randint(1, 6)) + digits(8)
        if bsn_ok(n):
            return pick([n, n, n, f"{n[:4]}.{n[4:6]}.{n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"])


def gen_ip() -> str:
    return pick([f"192.168.{R.randint(0, 20)}.{R.randint(2, 254)}", f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(2, 254)}", f"{R.randint(62, 213)}.{R.randint(1, 254)}.{R.randint(1, 254)}.{R.randint(2, 254)}"])


MRN_FORMATS: dict[str, list[tuple[str, Callable[[], str]]]] = {
    "en": [
        ("MRN", lambda: digits(8)),
        ("MRN:", lambda: f"{digits(3)}-{digits(3)}-{digits(3)}"),
        ("Hospital No.", lambda: f"RX{digits(7)}"),
        ("Patient ID", lambda: f"{R.randint(2019, 2025)}/{digits(6)}"),
        ("Medical record #", lambda: f"MR-{R.randint(2018, 2025)}-{digits(6)}"),
    ],
    "de": [
        ("Pat.-Nr.", lambda: digits(7)),
        ("Patienten-ID", lambda: f"KH-{R.randint(2018, 2025)}-{digits(7)}"),
        ("Fallnummer", lambda: f"{R.randint(2019, 2025)}/{digits(6)}"),
        ("Pat.-ID:", lambda: f"{digits(4)} {digits(4)}"),
    ],
    "fr": [
        ("IPP", lambda: digits(10)),
        ("n° IPP :", lambda: digits(8)),
        ("N° de dossier", lambda: f"{R.randint(2018, 2025)}/{digits(6)}"),
        ("Dossier patient n°", lambda: f"DP-{digits(7)}"),
    ],
    "es": [
        ("NHC", lambda: digits(7)),
        ("N.º historia clínica:", lambda: f"{digits(2)}.{digits(3)}.{digits(3)}"),
        ("NHC:", lambda: f"HC-{R.randint(2018, 2025)}-{digits(6)}"),
    ],
    "it": [
        ("Cartella clinica n.", lambda: f"{R.randint(2019, 2025)}/{digits(6)}"),
        ("N. nosologico", lambda: f"{R.randint(2019, 2025)}{digits(6)}"),
        ("ID paziente", lambda: f"PZ{digits(8)}"),
    ],
    "nl": [
        ("Patiëntnummer", lambda: digits(7)),
        ("ZIS-nr.", lambda: f"{digits(1)}.{digits(3)}.{digits(3)}"),
        ("Ziekenhuisnummer:", lambda: f"{R.randint(2018, 2025)}-{digits(6)}"),
    ],
}


# ---------------------------------------------------------------------------------------------------------------------
# Hand-written name pools. Surnames may carry particles ("van der", "de la", "di", "von"), be compound or double-barrelled.
# ---------------------------------------------------------------------------------------------------------------------

GIVEN: dict[str, dict[str, list[str]]] = {
    "en": {
        "f": ["Emma", "Olivia", "Sophie", "Charlotte", "Hannah", "Grace", "Chloe", "Megan", "Rebecca", "Jessica",
              "Lauren", "Siobhan", "Niamh", "Aoife", "Priya", "Aisha", "Margaret", "Elizabeth", "Catherine", "Jennifer",
              "Ashley", "Madison", "Deborah", "Patricia", "Imogen", "Bethany", "Keisha", "Rosalind"],
        "m": ["James", "Oliver", "Harry", "George", "Thomas", "William", "Jack", "Daniel", "Matthew", "Christopher",
              "Robert", "Michael", "David", "Callum", "Rhys", "Declan", "Ciaran", "Tyler", "Brandon", "Marcus", "Rajesh",
              "Kwame", "Nathaniel", "Gareth", "Hamish", "DeShawn", "Alistair", "Owen"],
    },
    "de": {
        "f": ["Anna", "Katharina", "Stefanie", "Sabine", "Ursula", "Jutta", "Birgit", "Claudia", "Jana", "Lena", "Leonie",
              "Marie", "Johanna", "Franziska", "Annegret", "Hildegard", "Anke", "Nicole", "Sandra", "Ayşe", "Zeynep",
              "Agnieszka", "Swetlana", "Anna-Lena", "Maren", "Gülsüm", "Dörte", "Friederike"],
        "m": ["Jürgen", "Klaus", "Stefan", "Thomas", "Andreas", "Michael", "Matthias", "Sebastian", "Florian", "Tobias",
              "Maximilian", "Lukas", "Jonas", "Felix", "Dieter", "Wolfgang", "Hans-Peter", "Karl-Heinz", "Björn", "Jörg",
              "Uwe", "Mehmet", "Murat", "Piotr", "Alexander", "Günther", "Ole", "Benedikt"],
    },
    "fr": {
        "f": ["Marie", "Camille", "Léa", "Chloé", "Manon", "Inès", "Juliette", "Élodie", "Sandrine", "Nathalie",
              "Isabelle", "Sylvie", "Françoise", "Hélène", "Céline", "Aurélie", "Marie-Hélène", "Anne-Sophie", "Océane",
              "Maëlle", "Fatima", "Yasmine", "Bérénice", "Solène", "Gaëlle", "Noémie", "Agnès", "Clémence"],
        "m": ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Julien", "Sébastien", "Mathieu", "Antoine",
              "Guillaume", "Jérôme", "François", "Stéphane", "Frédéric", "Emmanuel", "Jean-Baptiste", "Jean-François",
              "Loïc", "Gaël", "Hervé", "Karim", "Mamadou", "Benoît", "Rémi", "Thibault", "Yannick", "Grégoire"],
    },
    "es": {
        "f": ["María", "Carmen", "Ana", "Laura", "Lucía", "Marta", "Elena", "Cristina", "Pilar", "Dolores", "Rosario",
              "Isabel", "María José", "María del Carmen", "Ainhoa", "Nerea", "Itziar", "Montserrat", "Núria", "Begoña",
              "Inmaculada", "Rocío", "Alba", "Sofía", "Concepción", "Guadalupe", "Mercedes", "Yolanda"],
        "m": ["José", "Antonio", "Manuel", "Francisco", "Javier", "David", "Juan", "Daniel", "Carlos", "Jesús",
              "Alejandro", "Miguel Ángel", "José Luis", "Juan Carlos", "Ignacio", "Iñaki", "Jordi", "Xavier", "Rubén",
              "Sergio", "Álvaro", "Andrés", "Gonzalo", "Joaquín", "Enrique", "Óscar", "Fermín", "Ramón"],
    },
    "it": {
        "f": ["Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessandra", "Federica", "Elena",
              "Silvia", "Paola", "Roberta", "Anna Maria", "Maria Grazia", "Rosaria", "Antonella", "Giovanna", "Lucia",
              "Beatrice", "Ilaria", "Noemi", "Simona", "Carla", "Loredana", "Gaia", "Benedetta", "Ornella", "Annunziata"],
        "m": ["Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Alessandro", "Andrea", "Marco",
              "Matteo", "Lorenzo", "Davide", "Stefano", "Riccardo", "Gianluca", "Pierpaolo", "Gian Marco", "Salvatore",
              "Vincenzo", "Niccolò", "Raffaele", "Domenico", "Carmine", "Emanuele", "Tommaso", "Ettore", "Cosimo", "Nicola"],
    },
    "nl": {
        "f": ["Anna", "Emma", "Sanne", "Lotte", "Fleur", "Eva", "Femke", "Anouk", "Lieke", "Marieke", "Ingrid",
              "Annemarie", "Wilhelmina", "Margreet", "Mieke", "Joke", "Karin", "Esther", "Noor", "Yasmina", "Sevda",
              "Dewi", "Roos", "Geertje", "Tineke", "Iris", "Maaike", "Hanneke"],
        "m": ["Jan", "Pieter", "Kees", "Henk", "Willem", "Joost", "Bas", "Sander", "Thijs", "Bram", "Daan", "Ruben",
              "Jeroen", "Maarten", "Sjoerd", "Wouter", "Gerrit", "Johannes", "Hendrik", "Cornelis", "Mohamed", "Youssef",
              "Rachid", "Stijn", "Jurriaan", "Teun", "Freek", "Arjen"],
    },
}  # fmt: skip

NICK: dict[str, str] = {
    # en
    "Elizabeth": "Liz", "Jennifer": "Jen", "Rebecca": "Becky", "Margaret": "Maggie", "Catherine": "Kate",
    "Patricia": "Trish", "Deborah": "Deb", "Robert": "Bob", "Michael": "Mike", "William": "Will",
    "Christopher": "Chris", "Thomas": "Tom", "Daniel": "Dan", "Matthew": "Matt", "Nathaniel": "Nate", "James": "Jim",
    "Jessica": "Jess", "Alistair": "Ali", "Rosalind": "Ros", "Bethany": "Beth",
    # de
    "Katharina": "Kathi", "Stefanie": "Steffi", "Florian": "Flo", "Sebastian": "Basti", "Maximilian": "Max",
    "Johanna": "Hanna", "Franziska": "Franzi", "Matthias": "Matze", "Andreas": "Andi", "Tobias": "Tobi",
    "Alexander": "Alex", "Friederike": "Frieda", "Benedikt": "Bene", "Hans-Peter": "HP", "Wolfgang": "Wolfi",
    # fr
    "Frédéric": "Fred", "Emmanuel": "Manu", "Stéphane": "Steph", "Sébastien": "Seb", "Nicolas": "Nico",
    "Jean-Baptiste": "JB", "Isabelle": "Isa", "Françoise": "Fanfan", "Guillaume": "Guigui", "Thibault": "Thib",
    "Clémence": "Clem", "Benoît": "Ben", "Aurélie": "Aurél",
    # es
    "José": "Pepe", "Francisco": "Paco", "Dolores": "Lola", "Rosario": "Charo", "Ignacio": "Nacho", "Manuel": "Manolo",
    "Jesús": "Chus", "Concepción": "Concha", "Inmaculada": "Inma", "María José": "Majo", "Alejandro": "Álex",
    "Guadalupe": "Lupe", "Montserrat": "Montse", "Enrique": "Quique", "Mercedes": "Merche",
    # it
    "Giuseppe": "Beppe", "Luigi": "Gigi", "Francesca": "Franci", "Alessandro": "Ale", "Valentina": "Vale",
    "Federica": "Fede", "Salvatore": "Totò", "Giovanni": "Gianni", "Domenico": "Mimmo", "Roberta": "Robi",
    "Emanuele": "Manu", "Francesco": "Checco", "Tommaso": "Tommy", "Annunziata": "Nunzia",
    # nl
    "Hendrik": "Henk", "Johannes": "Hans", "Wilhelmina": "Willy", "Gerrit": "Gert", "Annemarie": "Anne",
    "Margreet": "Greet", "Jurriaan": "Jur", "Maarten": "Maart", "Geertje": "Geert",
}  # fmt: skip

# (particle, core) -- particle may be "".
SURNAMES: dict[str, list[str]] = {
    "en": ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
           "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "O'Brien",
           "O'Sullivan", "McAllister", "MacDonald", "Fitzgerald", "Smith-Jones", "Harrington-Clarke", "Ramanathan",
           "Okafor", "Adeyemi", "Nguyen", "Kowalski", "Patel", "Khan", "Chowdhury", "Thornton", "Ashworth",
           "Pemberton", "Gallagher", "Reilly", "Hughes", "Rodriguez", "Washington", "Baker", "Cooper", "Ward",
           "Featherstone", "St. John", "Lloyd-Webber", "Marsh"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
           "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
           "Braun", "Krüger", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Schulze-Weber",
           "Müller-Lüdenscheidt", "von Bülow", "von der Heydt", "Großmann", "Jäger", "Öztürk", "Yılmaz", "Kowalczyk",
           "Nowak", "Weiß", "Kühn", "Böhm", "Fuchs", "Vogel", "Hahn", "Brandt", "Haas", "Dreßler", "Kaiser", "Reinholz"],
    "fr": ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
           "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert",
           "Fontaine", "Rousseau", "Mercier", "Blanc", "Guérin", "Faure", "Chevalier", "Gauthier", "Lemaître",
           "Le Gall", "Le Goff", "de La Tour", "de Montclair", "Lefèvre-Dumas", "Saint-Clair", "Bénard", "Brûlé",
           "Ménard", "N'Diaye", "Benali", "Haddad", "Da Silva", "Pereira", "Crémieux", "Delacroix", "Chastaing",
           "Lécuyer", "Desjardins", "Boyer", "Roux"],
    "es": ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
           "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso",
           "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco", "Molina",
           "Castro", "Ortega", "Rubio", "Iglesias", "Núñez", "Medina", "Garrido", "Cortés", "Prieto", "Méndez",
           "Calvo", "Vidal", "de la Fuente", "del Río", "de la Cruz", "Echeverría", "Goikoetxea", "Puig", "Ferrer",
           "García-Pardo", "Ruiz de Alarcón"],
    "it": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
           "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
           "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
           "Longo", "Gentile", "Martinelli", "Vitale", "Serra", "Coppola", "De Santis", "D'Angelo", "Di Stefano",
           "Lo Presti", "La Rosa", "Dell'Acqua", "Sartori", "Zanetti", "Pellegrino", "Cattaneo", "Fumagalli",
           "Brambilla", "Scognamiglio", "Dal Molin"],
    "nl": ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
           "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
           "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
           "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "Schouten",
           "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins", "Kuipers",
           "van 't Hof", "ter Horst", "Ypma", "El Amrani", "Bouzid", "Jansen-de Vries"],
}  # fmt: skip

# Names of people whose families came from elsewhere, living in the country of the document.
INTL: dict[str, list[tuple[str, str, str]]] = {
    "en": [("f", "Oluwaseun", "Adebayo"), ("m", "Wei", "Zhang"), ("f", "Anjali", "Venkataraman"), ("m", "Tomasz", "Wiśniewski"),
           ("f", "Mei-Ling", "Chen"), ("m", "Mohammed", "Al-Rashid"), ("f", "Siobhán", "Ní Bhriain"), ("m", "José", "Peña")],
    "de": [("m", "Emre", "Demir"), ("f", "Katarzyna", "Wójcik"), ("m", "Dragan", "Petrović"), ("f", "Thị Lan", "Nguyễn"),
           ("m", "Ahmad", "Al-Hassan"), ("f", "Elif", "Kaya"), ("m", "Sergej", "Iwanow")],
    "fr": [("m", "Mohamed", "Benabdallah"), ("f", "Aminata", "Traoré"), ("m", "João", "Ferreira"), ("f", "Nadia", "Boukhelifa"),
           ("m", "Thanh", "Pham"), ("f", "Rokia", "Diallo"), ("m", "Youssef", "El Idrissi")],
    "es": [("f", "Valentina", "Quispe Mamani"), ("m", "Ion", "Popescu"), ("f", "Yuliana", "Cárdenas"), ("m", "Abdelkader", "Benali"),
           ("f", "Luz Marina", "Restrepo"), ("m", "Wilson", "Chávez Ortiz")],
    "it": [("m", "Arben", "Hoxha"), ("f", "Ioana", "Dumitrescu"), ("m", "Chukwuemeka", "Obi"), ("f", "Xiaoling", "Hu"),
           ("m", "Ahmed", "Ben Salah"), ("f", "Oksana", "Kovalenko")],
    "nl": [("m", "Mustafa", "Yıldız"), ("f", "Fatima", "Ouali"), ("m", "Ravi", "Ramsaran"), ("f", "Shanti", "Tjon A Fong"),
           ("m", "Kofi", "Mensah"), ("f", "Agata", "Zielińska")],
}  # fmt: skip

TITLES = {
    "en": {"f": ["Ms", "Mrs", "Ms.", "Mrs.", "Miss"], "m": ["Mr", "Mr."], "dr": ["Dr", "Dr."]},
    "de": {"f": ["Frau"], "m": ["Herr"], "dr": ["Dr.", "Dr. med."]},
    "fr": {"f": ["Mme", "Madame", "Mme."], "m": ["M.", "Monsieur"], "dr": ["Dr", "Docteur", "Pr"]},
    "es": {"f": ["Sra.", "D.ª", "Doña"], "m": ["Sr.", "D.", "Don"], "dr": ["Dr.", "Dra."]},
    "it": {"f": ["Sig.ra", "sig.ra", "Sig.ra"], "m": ["Sig.", "sig.", "Sig."], "dr": ["Dott.", "Dott.ssa", "Dr."]},
    "nl": {"f": ["mevrouw", "mevr.", "Mevrouw"], "m": ["de heer", "dhr.", "meneer"], "dr": ["dr.", "Dr."]},
}  # fmt: skip


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).replace("ß", "ss").replace("ı", "i").replace("ł", "l")


# ---------------------------------------------------------------------------------------------------------------------
# Places and address formats per country (hand-written).
# ---------------------------------------------------------------------------------------------------------------------

UK_TOWNS = [("London", "SW", (1, 20)), ("London", "N", (1, 22)), ("London", "SE", (1, 28)), ("London", "E", (1, 18)),
            ("Leeds", "LS", (1, 29)), ("Manchester", "M", (1, 46)), ("Bristol", "BS", (1, 16)), ("Edinburgh", "EH", (1, 17)),
            ("Cardiff", "CF", (10, 24)), ("Glasgow", "G", (1, 53)), ("Harrogate", "HG", (1, 5)), ("Norwich", "NR", (1, 14)),
            ("York", "YO", (1, 32)), ("Brighton", "BN", (1, 3)), ("Oxford", "OX", (1, 4)), ("Belfast", "BT", (1, 17))]
UK_STREETS = ["Station Road", "High Street", "Church Lane", "Victoria Street", "Albert Road", "Mill Lane", "Park Avenue",
              "Queen's Road", "Kingsway", "The Crescent", "Orchard Close", "Beech Grove", "St Mary's Walk", "Windsor Terrace",
              "Granby Row", "Elm Tree Court", "Hawthorn Drive", "Manor Farm Road"]
US_TOWNS = [("Columbus", "OH", "432"), ("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Portland", "OR", "972"),
            ("Chicago", "IL", "606"), ("Atlanta", "GA", "303"), ("Raleigh", "NC", "276"), ("Boston", "MA", "021"),
            ("Phoenix", "AZ", "850"), ("Seattle", "WA", "981"), ("Madison", "WI", "537"), ("Tampa", "FL", "336")]
US_STREETS = ["W Maple Ave", "Oak Street", "N Lincoln Blvd", "Elm Dr", "Sunset Ridge Rd", "Pine Ct", "E 5th St",
              "Lakeview Terrace", "Old Mill Rd", "S Congress Ave", "Magnolia Ln", "Harbor View Dr"]
DE_TOWNS = [("Berlin", 10115, 14199), ("München", 80331, 81929), ("Hamburg", 20095, 22769), ("Köln", 50667, 51149),
            ("Frankfurt am Main", 60311, 60599), ("Stuttgart", 70173, 70629), ("Düsseldorf", 40210, 40629),
            ("Leipzig", 4103, 4357), ("Dresden", 1067, 1328), ("Nürnberg", 90402, 90491), ("Freiburg im Breisgau", 79098, 79117),
            ("Münster", 48143, 48167), ("Wiesbaden", 65183, 65207), ("Regensburg", 93047, 93059), ("Osnabrück", 49074, 49090),
            ("Bad Homburg v. d. Höhe", 61348, 61352)]
DE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Lindenstraße", "Goethestraße", "Schillerstr.", "Am Mühlbach", "Gartenweg",
              "Birkenweg", "Kastanienallee", "Friedrich-Ebert-Straße", "Rosenheimer Str.", "Im Winkel", "An der Alten Post",
              "Zum Sportplatz", "Auf dem Kamp", "Theodor-Heuss-Ring", "Kurfürstendamm", "Sankt-Georg-Weg", "Untere Mühlgasse"]
FR_TOWNS = [("Paris", [f"750{i:02d}" for i in range(1, 21)], "75"), ("Lyon", [f"6900{i}" for i in range(1, 10)], "69"),
            ("Marseille", [f"130{i:02d}" for i in range(1, 17)], "13"), ("Toulouse", ["31000", "31100", "31200", "31300", "31400", "31500"], "31"),
            ("Nantes", ["44000", "44100", "44200", "44300"], "44"), ("Bordeaux", ["33000", "33100", "33200", "33300", "33800"], "33"),
            ("Lille", ["59000", "59800", "59160"], "59"), ("Strasbourg", ["67000", "67100", "67200"], "67"),
            ("Rennes", ["35000", "35200", "35700"], "35"), ("Montpellier", ["34000", "34070", "34080", "34090"], "34"),
            ("Grenoble", ["38000", "38100"], "38"), ("Ajaccio", ["20000", "20090"], "2A"), ("Bastia", ["20200", "20600"], "2B"),
            ("Nice", ["06000", "06100", "06200", "06300"], "06"), ("Saint-Étienne", ["42000", "42100"], "42")]
FR_STREETS = ["rue des Lilas", "rue Victor-Hugo", "avenue Jean-Jaurès", "boulevard Voltaire", "allée des Cèdres",
              "impasse des Acacias", "chemin de la Croix-Rousse", "place de la République", "rue du Faubourg-Saint-Antoine",
              "quai de la Loire", "rue Pasteur", "cours Lafayette", "rue de l'Église", "avenue du Général-Leclerc",
              "rue des Trois-Frères", "boulevard de la Libération", "rue Émile-Zola", "route de Narbonne"]
ES_TOWNS = [("Madrid", 28001, 28055), ("Barcelona", 8001, 8042), ("Valencia", 46001, 46026), ("Sevilla", 41001, 41020),
            ("Zaragoza", 50001, 50018), ("Málaga", 29001, 29018), ("Bilbao", 48001, 48015), ("Murcia", 30001, 30012),
            ("Valladolid", 47001, 47014), ("A Coruña", 15001, 15011), ("Granada", 18001, 18015), ("Palma", 7001, 7015),
            ("Salamanca", 37001, 37008), ("Vitoria-Gasteiz", 1001, 1015)]
ES_STREETS = ["C/ Mayor", "Calle de Alcalá", "Avda. de la Constitución", "Avenida de América", "Plaza de España",
              "Pza. Mayor", "Paseo de la Castellana", "C/ San Bernardo", "Calle Real", "Ronda de Segovia", "Carrer de Balmes",
              "Passeig de Gràcia", "Travesía del Conde Duque", "Avda. Reina Victoria", "C/ Doctor Fleming",
              "Plaza del Pilar", "Calle Sierpes", "Avda. de los Reyes Católicos"]
ES_FLOORS = ["3º B", "2º izq.", "bajo A", "1º 2ª", "4º dcha.", "ático", "5º C", "entresuelo 1ª", "2ºA", "7º D"]
IT_TOWNS = [("Milano", "MI", 20121, 20162), ("Roma", "RM", 118, 199), ("Napoli", "NA", 80121, 80147), ("Torino", "TO", 10121, 10156),
            ("Bologna", "BO", 40121, 40141), ("Firenze", "FI", 50121, 50145), ("Genova", "GE", 16121, 16167),
            ("Palermo", "PA", 90121, 90151), ("Bari", "BA", 70121, 70132), ("Verona", "VR", 37121, 37142),
            ("Padova", "PD", 35121, 35143), ("Brescia", "BS", 25121, 25136), ("Catania", "CT", 95121, 95131),
            ("Venezia", "VE", 30121, 30176), ("Lecce", "LE", 73100, 73100), ("Bergamo", "BG", 24121, 24129)]
IT_STREETS = ["Via Roma", "Viale Europa", "Piazza Garibaldi", "Corso Vittorio Emanuele II", "Via Giuseppe Mazzini",
              "Via dei Mille", "Viale Monza", "Largo Augusto", "Via della Spiga", "Piazzale Loreto", "Vicolo del Cinque",
              "Via San Francesco d'Assisi", "Viale della Repubblica", "Piazza del Popolo", "Via Nazionale",
              "Corso Buenos Aires", "Via Emilia Est", "Borgo Pinti"]
NL_TOWNS = [("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Den Haag", 2491, 2597), ("Utrecht", 3511, 3585),
            ("Eindhoven", 5611, 5658), ("Groningen", 9711, 9747), ("Tilburg", 5011, 5049), ("Almere", 1311, 1363),
            ("Breda", 4811, 4839), ("Nijmegen", 6511, 6546), ("Haarlem", 2011, 2037), ("Leiden", 2311, 2334),
            ("Zwolle", 8011, 8046), ("Maastricht", 6211, 6229), ("'s-Hertogenbosch", 5211, 5237), ("Dordrecht", 3311, 3329)]
NL_STREETS = ["Keizersgracht", "Dorpsstraat", "Kerkstraat", "Molenweg", "Van Oldenbarneveltlaan", "Julianalaan",
              "Beatrixstraat", "Stationsplein", "Oranjestraat", "Prinsengracht", "Vondelstraat", "Burgemeester de Withstraat",
              "Nieuwe Binnenweg", "Lange Voorhout", "Witte de Withstraat", "Oudegracht", "Zuiderzeeweg", "Hoofdweg"]
MIL = [
    lambda: f"PSC {R.randint(1000, 9999)}, Box {R.randint(1000, 9999)}, APO AE {R.choice(['09012', '09096', '09128', '09180', '09213', '09461'])}",
    lambda: f"Unit {R.randint(2000, 9999)} Box {R.randint(1000, 9999)}, DPO AP {R.choice(['96522', '96520', '96515'])}",
    lambda: f"CMR {R.randint(400, 499)} Box {R.randint(100, 9999)}, APO AE {R.choice(['09031', '09094', '09114'])}",
    lambda: f"Unit {R.randint(15000, 15999)}, APO AP {R.choice(['96205', '96271', '96338'])}",
    lambda: f"{R.choice(['USNS Comfort (T-AH 20)', 'USNS Mercy (T-AH 19)', 'USS Gerald R. Ford (CVN 78)', 'USS Bataan (LHD 5)', 'USNS Burlington (T-EPF 10)'])}, FPO {R.choice(['AA 34055', 'AE 09550', 'AP 96678', 'AA 34099'])}",
]


def uk_postcode(area: str, rng: tuple[int, int]) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{area}{R.randint(*rng)} {R.randint(1, 9)}{pick(letters)}{pick(letters)}"


def nl_postcode(lo: int, hi: int) -> str:
    while True:
        two = pick("ABCDEGHJKLMNPRSTVWXZ") + pick("ABCDEGHJKLMNPRSTVWXZ")
        if two not in ("SA", "SD", "SS"):
            return f"{R.randint(lo, hi)} {two}"


@dataclass
class Addr:
    """An address as lines; `line()` gives the one-line form."""

    lines: list[str]
    sep: str = ", "

    def line(self) -> str:
        return self.sep.join(self.lines)


def gen_address(country: str) -> Addr:
    if country == "uk":
        town, area, rng = pick(UK_TOWNS)
        street = f"{R.randint(1, 240)} {pick(UK_STREETS)}"
        lines = ([f"Flat {R.randint(1, 12)}"] if chance(0.25) else []) + [street, town, uk_postcode(area, rng)]
        if chance(0.6):
            lines = [*lines[:-2], f"{town} {lines[-1]}"]
        return Addr(lines)
    if country == "us":
        town, st, z = pick(US_TOWNS)
        street = f"{R.randint(100, 9899)} {pick(US_STREETS)}"
        if chance(0.3):
            street += pick([", Apt ", " Apt. ", " #", ", Unit "]) + pick([str(R.randint(1, 40)), f"{R.randint(1, 9)}{pick('ABCD')}"])
        return Addr([street, f"{town}, {st} {z}{R.randint(0, 99):02d}"])
    if country == "mil":
        return Addr([pick(MIL)()])
    if country == "de":
        town, lo, hi = pick(DE_TOWNS)
        street = f"{pick(DE_STREETS)} {R.randint(1, 140)}{pick(['', '', '', 'a', 'b', ' c'])}"
        lines = [street, f"{R.randint(lo, hi):05d} {town}"]
        if chance(0.15):
            lines.insert(1, pick(["3. OG", "Hinterhaus", "Whg. 12", "2. OG links"]))
        return Addr(lines)
    if country == "fr":
        town, pcs, _ = pick(FR_TOWNS)
        num = f"{R.randint(1, 180)}{pick(['', '', '', ' bis', ' ter'])}"
        street = f"{num}{pick([', ', ' '])}{pick(FR_STREETS)}"
        city = pick([town, town, town.upper()])
        lines = [street, f"{pick(pcs)} {city}"]
        if chance(0.2):
            lines.insert(0, pick([f"Bât. {pick('ABCD')}, Apt {R.randint(1, 60)}", f"Résidence Les Pins, Bât. {pick('ABC')}", "Chez M. et Mme Lopes"]))
            if lines[0].startswith("Chez"):
                lines.pop(0)
        return Addr(lines)
    if country == "es":
        town, lo, hi = pick(ES_TOWNS)
        street, num, floor = pick(ES_STREETS), str(R.randint(1, 220)), pick(ES_FLOORS)
        first = pick([f"{street}, {num}, {floor}", f"{street} {num}, {floor}", f"{street}, nº {num}, {floor}", f"{street}, {num} - {floor}"])
        second = f"{R.randint(lo, hi):05d} {town}" + pick(["", "", f" ({town})" if town in ("Madrid", "Sevilla", "Málaga", "Zaragoza") else ""])
        return Addr([first, second])
    if country == "it":
        town, prov, lo, hi = pick(IT_TOWNS)
        num = pick([str(R.randint(1, 200)), f"{R.randint(1, 90)}/{pick('ABC')}", f"{R.randint(1, 60)} int. {R.randint(1, 20)}", f"{R.randint(1, 40)} scala {pick('ABCD')}"])
        street = pick([f"{pick(IT_STREETS)} {num}", f"{pick(IT_STREETS)}, {num}"])
        cap = f"{R.randint(lo, hi):05d}"
        second = pick([f"{cap} {town} ({prov})", f"{cap} {town} {prov}", f"{cap} {town}"])
        return Addr([street, second], sep=pick([", ", " - ", ", "]))
    if country == "nl":
        town, lo, hi = pick(NL_TOWNS)
        num = pick([str(R.randint(1, 300)), f"{R.randint(1, 200)}{pick('abc')}", f"{R.randint(1, 500)}-{R.randint(1, 3)}", f"{R.randint(1, 90)} II", f"{R.randint(1, 120)}-hs"])
        return Addr([f"{pick(NL_STREETS)} {num}", f"{nl_postcode(lo, hi)} {pick([town, town, town.upper()])}"], sep=pick([", ", ", ", "  "]))
    raise ValueError(country)


def gen_phone(country: str, mobile: bool = True) -> str:
    d = digits
    if country == "uk":
        if mobile:
            n = "7" + pick(["711", "723", "734", "768", "790", "812", "903", "956", "400", "501"]) + d(6)
            return pick([f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"+44 (0){n[:4]} {n[4:7]} {n[7:]}", f"0{n[:4]} {n[4:7]} {n[7:]}"])
        return pick([f"020 {pick('378')}{d(3)} {d(4)}", f"0113 {d(3)} {d(4)}", f"+44 (0)20 {pick('78')}{d(3)} {d(4)}", f"0161 {d(3)} {d(4)}", f"0131 {d(3)} {d(4)}"])
    if country in ("us", "mil"):
        area, ex, line = pick(["312", "614", "512", "303", "503", "404", "919", "617", "602", "206", "813"]), str(R.randint(201, 989)), d(4)
        if ex[1:] == "11":
            ex = "246"
        return pick([f"({area}) {ex}-{line}", f"{area}-{ex}-{line}", f"+1 {area} {ex} {line}", f"{area}.{ex}.{line}", f"+1 ({area}) {ex}-{line}"])
    if country == "de":
        if mobile:
            pre = pick(["151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "178", "179"])
            n = d(8 if pre[:2] != "16" else 7)
            return pick([f"0{pre} {n}", f"+49 {pre} {n}", f"0{pre}/{n}", f"0{pre}-{n[:4]} {n[4:]}", f"+49 (0){pre} {n}"])
        pre = pick(["30", "89", "40", "221", "69", "711", "211", "341", "911", "761", "611"])
        n = d(10 - len(pre))
        return pick([f"0{pre} {n}", f"0{pre}/{n}", f"+49 {pre} {n}", f"0{pre}-{n}", f"+49 (0){pre} {n[:3]} {n[3:]}"])
    if country == "fr":
        first = pick(["6", "7"]) if mobile else pick(["1", "2", "3", "4", "5", "9"])
        pairs = [d(2) for _ in range(4)]
        if first == "6":  # metropolitan mobile ranges (063x and 069x include overseas departments)
            pairs[0] = pick("0124578") + pairs[0][1]
        elif first == "7":
            pairs[0] = str(R.randint(3, 9)) + pairs[0][1]
        else:  # geographic numbers; 059x and 069x are overseas departments
            pairs[0] = str(R.randint(1, 8)) + pairs[0][1]
        sep = pick([" ", " ", ".", NBSP, "", " ", NNBSP])
        nat = "0" + first + sep + sep.join(pairs)
        return pick([nat, nat, f"+33 {first} {' '.join(pairs)}", f"+33 (0){first} {' '.join(pairs)}", f"+33{first}{''.join(pairs)}"])
    if country == "es":
        n = pick(["6", "6", "6", "71", "72", "73", "74"]) if mobile else pick(["91", "93", "96", "95", "944", "946", "985", "983"])
        n += d(9 - len(n))
        return pick([f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"+34 {n}", n, f"(+34) {n[:3]} {n[3:6]} {n[6:]}"])
    if country == "it":
        if mobile:
            n = pick(["320", "328", "333", "338", "340", "347", "349", "366", "380", "392"]) + d(7)
            return pick([f"{n[:3]} {n[3:6]} {n[6:]}", f"+39 {n[:3]} {n[3:]}", f"{n[:3]}/{n[3:]}", f"{n[:3]} {n[3:]}", f"+39 {n[:3]} {n[3:6]} {n[6:]}"])
        pre = pick(["02", "06", "011", "051", "055", "081", "010", "091"])
        n = d(10 - len(pre))
        return pick([f"{pre} {n}", f"{pre}-{n}", f"+39 {pre} {n[:4]} {n[4:]}", f"{pre}/{n}"])
    if country == "nl":
        if mobile:
            n = str(R.randint(1, 5)) + d(7)
            return pick([f"06-{n}", f"06 {n[:4]} {n[4:]}", f"+31 6 {n}", f"+31 (0)6 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"06{n}"])
        pre = pick(["20", "10", "70", "30", "40", "50", "24", "71"])
        n = d(7)
        return pick([f"0{pre}-{n}", f"0{pre} {n[:3]} {n[3:]}", f"+31 {pre} {n[:3]} {n[3:]}", f"+31 (0){pre} {n}", f"0{pre} - {n[:3]} {n[3:5]} {n[5:]}"])
    raise ValueError(country)


DOMAINS = {
    "uk": ["gmail.com", "btinternet.com", "yahoo.co.uk", "hotmail.co.uk", "outlook.com", "sky.com", "icloud.com"],
    "us": ["gmail.com", "yahoo.com", "outlook.com", "comcast.net", "icloud.com", "aol.com"],
    "mil": ["mail.mil", "gmail.com", "us.af.mil"],
    "de": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de", "gmx.net", "mailbox.org", "freenet.de"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "gmail.com", "sfr.fr", "hotmail.fr", "yahoo.fr"],
    "es": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es", "outlook.es", "movistar.es"],
    "it": ["libero.it", "virgilio.it", "tiscali.it", "alice.it", "gmail.com", "fastwebnet.it", "tin.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "hetnet.nl", "xs4all.nl", "gmail.com", "planet.nl", "hotmail.nl"],
}
WORK_DOMAINS = {
    "en": ["hartwell-logistics.co.uk", "brightmoor.com", "kestrel-advisory.com", "northgate-health.org", "fairfield-legal.co.uk"],
    "de": ["lindqvist-partner.de", "bergmann-bau.de", "stadtwerke-nordheim.de", "kanzlei-roth.de", "medicum-ost.de"],
    "fr": ["cabinet-lenoir.fr", "groupe-aubrac.fr", "clinique-saint-roch.fr", "mairie-villefranche.fr", "atelier-mistral.fr"],
    "es": ["grupo-almazara.es", "asesoria-lumen.es", "clinica-sanroque.es", "transportes-ebro.com", "despacho-oliva.es"],
    "it": ["studio-ferraris.it", "gruppo-adriatica.it", "policlinico-sanmarco.it", "edilnord.it", "avvocati-bellini.it"],
    "nl": ["vanderhoek-advocaten.nl", "woonzorg-delta.nl", "groenveld-logistiek.nl", "ziekenhuis-rijnstad.nl", "bakkerij-dekroon.nl"],
}


# ---------------------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------------------

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
}  # fmt: skip
WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
}  # fmt: skip


def fmt_date(d: date, lang: str, locale: str, long: bool) -> str:
    m = MONTHS[lang][d.month - 1]
    if lang == "en":
        if long:
            if locale == "us":
                return pick([f"{m} {d.day}, {d.year}", f"{m[:3]} {d.day}, {d.year}"])
            return pick([f"{d.day} {m} {d.year}", f"{d.day} {m[:3]} {d.year}", f"{d.day}-{m[:3]}-{d.year}"])
        if locale == "us":
            return pick([f"{d.month:02d}/{d.day:02d}/{d.year}", f"{d.month}/{d.day}/{d.year}", d.isoformat()])
        return pick([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", d.isoformat(), f"{d.day:02d}.{d.month:02d}.{d.year}"])
    if lang == "de":
        return pick([f"{d.day}. {m} {d.year}", f"{d.day:02d}. {m} {d.year}"]) if long else pick([f"{d.day:02d}.{d.month:02d}.{d.year}"] * 3 + [f"{d.day}.{d.month}.{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"])
    if lang == "fr":
        day = "1er" if d.day == 1 else str(d.day)
        return f"{day} {m} {d.year}" if long else pick([f"{d.day:02d}/{d.month:02d}/{d.year}"] * 3 + [f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}"])
    if lang == "es":
        return pick([f"{d.day} de {m} de {d.year}", f"{d.day} {m} {d.year}"]) if long else pick([f"{d.day:02d}/{d.month:02d}/{d.year}"] * 3 + [f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}/{d.month}/{d.year}"])
    if lang == "it":
        return pick([f"{d.day} {m} {d.year}", f"{d.day:02d} {m} {d.year}"]) if long else pick([f"{d.day:02d}/{d.month:02d}/{d.year}"] * 3 + [f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}"])
    if lang == "nl":
        return f"{d.day} {m} {d.year}" if long else pick([f"{d.day:02d}-{d.month:02d}-{d.year}"] * 3 + [f"{d.day}-{d.month}-{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}"])
    raise ValueError(lang)


def recent_date() -> date:
    return date(2023, 1, 2) + timedelta(days=R.randint(0, 900))


def header_datetime(d: date, lang: str) -> str:
    hh, mm = R.randint(7, 19), R.randint(0, 59)
    wd, m = WEEKDAYS[lang][d.weekday()], MONTHS[lang][d.month - 1]
    if lang == "en":
        return pick([f"{wd}, {d.day} {m[:3]} {d.year} {hh:02d}:{mm:02d}:{R.randint(0, 59):02d} +0{pick('01')}00", f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][d.weekday()]}, {m} {d.day}, {d.year} {hh % 12 or 12}:{mm:02d} {'AM' if hh < 12 else 'PM'}"])
    if lang == "de":
        return pick([f"{wd}, {d.day}. {m} {d.year} {hh:02d}:{mm:02d}", f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d}"])
    if lang == "fr":
        return pick([f"{wd} {d.day} {m} {d.year} {hh:02d}:{mm:02d}", f"{wd} {d.day} {m} {d.year} à {hh:02d}h{mm:02d}"])
    if lang == "es":
        return f"{wd}, {d.day} de {m} de {d.year} {hh}:{mm:02d}"
    if lang == "it":
        return f"{wd} {d.day} {m} {d.year} {hh:02d}:{mm:02d}"
    return f"{wd} {d.day} {m} {d.year} {hh:02d}:{mm:02d}"


# ---------------------------------------------------------------------------------------------------------------------
# Look-alikes: things no human would count as personal data.
# ---------------------------------------------------------------------------------------------------------------------

BRANDS = {
    # by what a sentence can do with them: drink it, eat it, shop there / pay it (fashion, retail, charities)
    "en": {"drink": ["Dr Pepper", "Jack Daniel's", "Johnnie Walker", "Captain Morgan"],
           "food": ["Ben & Jerry's", "Mrs. Baird's", "Tim Hortons", "Wendy's", "McDonald's"],
           "fast": ["Wendy's", "McDonald's", "Tim Hortons"],
           "shop": ["Tommy Hilfiger", "Calvin Klein", "Ralph Lauren", "Sainsbury's", "Marks & Spencer", "Marie Curie", "Ronald McDonald House"]},
    "de": {"drink": ["Dr Pepper", "Jack Daniel's", "Johnnie Walker"],
           "food": ["Dr. Oetker", "Tante Fanny", "Ferrero Küsschen", "Käpt'n Iglo"],
           "shop": ["Hugo Boss", "Dr. Hauschka", "Tchibo", "Carl Zeiss", "Mercedes-Benz", "Meister Proper"]},
    "fr": {"drink": ["Dr Pepper", "Jack Daniel's", "Jacques Vabre"],
           "food": ["Bonne Maman", "Mère Poulard", "Ben & Jerry's"],
           "shop": ["Yves Rocher", "Louis Vuitton", "Jean Louis David", "Monsieur Bricolage", "Pierre Fabre", "Monsieur Cuisine"]},
    "es": {"drink": ["Don Simón", "Tío Pepe", "Conde de Osborne", "Dr Pepper", "Jack Daniel's"],
           "food": ["Cola Cao", "Chupa Chups", "Juan Valdez"],
           "shop": ["El Corte Inglés", "Massimo Dutti", "Don Algodón"]},
    "it": {"drink": ["Dr Pepper", "Jack Daniel's", "Johnnie Walker"],
           "food": ["Giovanni Rana", "Mulino Bianco", "Nonno Nanni", "Ferrero Rocher"],
           "shop": ["Giorgio Armani", "Bottega Veneta", "Carlo Pazolini", "Salvatore Ferragamo"]},
    "nl": {"drink": ["Douwe Egberts", "Van Nelle", "Dr Pepper", "Jack Daniel's"],
           "food": ["Verkade", "Tante Betsy", "Dr. Oetker", "Peijnenburg", "Van Gilse", "Piet Zoomers"],
           "shop": ["Albert Heijn", "Hema", "Douglas"]},
}  # fmt: skip
EPONYMS = {
    "en": ["Parkinson's disease", "Hodgkin lymphoma", "Crohn's disease", "Alzheimer's disease", "Down syndrome",
           "Hashimoto's thyroiditis", "Addison's disease", "Cushing's syndrome", "Guillain-Barré syndrome",
           "Raynaud's phenomenon", "Bell's palsy", "Ménière's disease", "Asperger syndrome", "Barrett's oesophagus"],
    "de": ["Morbus Bechterew", "Morbus Crohn", "Hashimoto-Thyreoiditis", "Parkinson-Krankheit", "Alzheimer-Demenz",
           "Morbus Basedow", "Morbus Scheuermann", "Morbus Hodgkin", "Down-Syndrom", "Guillain-Barré-Syndrom", "Morbus Menière"],
    "fr": ["maladie de Charcot", "maladie de Parkinson", "maladie d'Alzheimer", "syndrome de Gougerot-Sjögren",
           "maladie de Crohn", "maladie de Basedow", "syndrome de Raynaud", "lymphome de Hodgkin", "trisomie 21 (syndrome de Down)",
           "maladie de Ménière"],
    "es": ["enfermedad de Crohn", "enfermedad de Parkinson", "síndrome de Down", "linfoma de Hodgkin",
           "mal de Alzheimer", "síndrome de Guillain-Barré", "tiroiditis de Hashimoto", "fenómeno de Raynaud",
           "parálisis de Bell"],
    "it": ["morbo di Parkinson", "malattia di Crohn", "tiroidite di Hashimoto", "morbo di Alzheimer",
           "linfoma di Hodgkin", "sindrome di Down", "morbo di Basedow", "sindrome di Guillain-Barré", "paralisi di Bell"],
    "nl": ["ziekte van Parkinson", "ziekte van Crohn", "syndroom van Down", "ziekte van Alzheimer", "ziekte van Bechterew",
           "ziekte van Hodgkin", "ziekte van Hashimoto", "syndroom van Guillain-Barré", "ziekte van Ménière"],
}  # fmt: skip
LAWS = {
    "en": ["Article 9 GDPR", "Article 6(1)(b) GDPR", "45 CFR 164.312", "42 U.S.C. § 1983", "Fed. R. Civ. P. 26(b)(1)",
           "section 7 of the Data Protection Act 2018", "29 U.S.C. § 2612", "Article 17 UK GDPR", "CPR 31.16",
           "section 98 of the Employment Rights Act 1996"],
    "de": ["Art. 6 Abs. 1 lit. b DSGVO", "§ 823 BGB", "§ 626 Abs. 1 BGB", "§ 13 SGB V", "§ 280 Abs. 1 BGB",
           "Art. 15 DSGVO", "§ 1 KSchG", "§ 286 ZPO", "§ 7 Abs. 2 BUrlG", "§ 86 VVG", "§ 630g BGB"],
    "fr": ["art. 1240 du Code civil", "article L. 1232-1 du Code du travail", "article 9 du RGPD",
           "art. L. 113-2 du Code des assurances", "article 700 du Code de procédure civile", "art. 1103 du Code civil",
           "article L. 1111-7 du Code de la santé publique", "article 15 du RGPD"],
    "es": ["artículo 1902 del Código Civil", "art. 6.1.b) RGPD", "artículo 49 del Estatuto de los Trabajadores",
           "Ley Orgánica 3/2018", "art. 15 RGPD", "artículo 394 de la LEC", "Ley 50/1980, de Contrato de Seguro",
           "art. 18 de la Ley 41/2002"],
    "it": ["art. 2043 c.c.", "art. 13 del Regolamento (UE) 2016/679", "D.Lgs. 196/2003", "art. 2118 del codice civile",
           "art. 1218 c.c.", "art. 15 GDPR", "art. 414 c.p.c.", "L. 104/1992"],
    "nl": ["artikel 6:162 BW", "art. 7:669 BW", "artikel 9 AVG", "artikel 15 AVG", "art. 7:611 BW",
           "artikel 7:941 BW", "artikel 237 Rv", "Wet op de geneeskundige behandelingsovereenkomst"],
}  # fmt: skip


def _order() -> str:
    return pick([f"#A-{R.randint(2023, 2025)}-{R.randint(10000, 99999)}", f"#{R.randint(100, 999)}-{R.randint(1000000, 9999999)}-{R.randint(1000000, 9999999)}", f"ORD-{R.randint(2023, 2025)}{digits(5)}", f"#{R.randint(40000, 89999)}"])


CASE_NUMBERS = {
    "en": lambda: pick([f"{R.randint(1, 4)}:{R.randint(20, 25)}-cv-{digits(5)}", f"KB-{R.randint(2022, 2025)}-{digits(6)}", f"{R.randint(20, 25)}-CV-{digits(4)}", f"HC-{R.randint(2022, 2025)}-{digits(6)}"]),
    "de": lambda: pick([f"{R.randint(1, 32)} O {R.randint(10, 999)}/{R.randint(20, 25)}", f"{R.randint(1, 40)} Ca {R.randint(100, 9999)}/{R.randint(20, 25)}", f"{R.randint(1, 12)} C {R.randint(10, 999)}/{R.randint(20, 25)}", f"{R.randint(1, 9)} U {R.randint(10, 999)}/{R.randint(21, 25)}"]),
    "fr": lambda: pick([f"{R.randint(20, 25)}/{digits(5)}", f"RG {R.randint(20, 25)}/{digits(5)}", f"N° Portalis {pick(['DBX', 'DBZ', 'DB3'])}-{pick(['W', 'V', 'X'])}-B7{pick('DEFG')}-{pick('ABC')}{digits(3)}"]),
    "es": lambda: f"{R.randint(10, 2999)}/{R.randint(2020, 2025)}",
    "it": lambda: pick([f"{R.randint(1000, 29999)}/{R.randint(2020, 2025)}", f"R.G. n. {R.randint(1000, 29999)}/{R.randint(2020, 2025)}"]),
    "nl": lambda: pick([f"C/{R.randint(1, 19):02d}/{digits(6)} / HA ZA {R.randint(20, 25)}-{digits(3)}", f"{digits(3)}.{digits(3)}.{digits(3)}/01", f"ECLI:NL:RBAMS:{R.randint(2021, 2025)}:{R.randint(100, 9999)}"]),
}
POLICY_NUMBERS = {
    "en": lambda: pick([f"POL-{digits(5)}-{digits(2)}", f"HX{digits(7)}/A", f"MTR-{digits(4)}-{digits(4)}"]),
    "de": lambda: pick([f"VS-{digits(4)}-{digits(4)}-{digits(2)}", f"KV {digits(3)}.{digits(3)}.{digits(3)}-A", f"HR-{digits(6)}/{R.randint(1, 9)}"]),
    "fr": lambda: pick([f"HAB-{digits(8)}", f"AUTO {digits(2)} {digits(4)} {digits(4)} X", f"Contrat n° {digits(7)}/{pick('ABC')}"]),
    "es": lambda: pick([f"PH-{digits(8)}", f"{digits(3)}-{digits(7)}-AU", f"HOG/{R.randint(2019, 2025)}/{digits(6)}"]),
    "it": lambda: pick([f"RCA-{digits(8)}", f"{digits(3)}.{digits(3)}.{digits(4)}/V", f"POL/{R.randint(2019, 2025)}/{digits(5)}"]),
    "nl": lambda: pick([f"POL-{digits(8)}", f"{digits(2)}.{digits(3)}.{digits(3)}-W", f"AVP-{R.randint(2019, 2025)}-{digits(5)}"]),
}


def _amount(lang: str) -> str:
    v = R.randint(12, 48000) + R.randint(0, 99) / 100
    whole = f"{int(v):,}"
    cents = f"{round((v - int(v)) * 100):02d}"
    if lang == "en":
        return pick([f"£{whole}.{cents}", f"${whole}.{cents}", f"GBP {whole}.{cents}", f"USD {whole}.{cents}", f"€{whole}.{cents}"])
    if lang == "fr":
        w = whole.replace(",", NNBSP)
        return pick([f"{w},{cents} €", f"{w},{cents}{NBSP}€", f"{w},{cents} EUR"])
    w = whole.replace(",", ".")
    if lang == "de":
        return pick([f"{w},{cents} €", f"{w},{cents} EUR", f"EUR {w},{cents}"])
    if lang == "nl":
        return pick([f"€ {w},{cents}", f"€{w},{cents}", f"EUR {w},{cents}"])
    if lang == "es":
        return pick([f"{w},{cents} €", f"{w},{cents} euros"])
    return pick([f"€ {w},{cents}", f"{w},{cents} euro", f"EUR {w},{cents}"])


# ---------------------------------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------------------------------

LANG_COUNTRY = {"en": "uk", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl"}
COUNTRY_LANG = {"uk": "en", "us": "en", "mil": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl"}
IBAN_COUNTRY = {"uk": "GB", "us": "GB", "mil": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}
DE_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@dataclass
class Person:
    pool: str  # language of the name
    country: str  # where they live: address, phone and id formats
    sex: str
    given: str
    surname: str
    dob: date
    birthplace: str
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def particle(self) -> str:
        toks = self.surname.split(" ")
        part = []
        for t in toks[:-1]:
            if t[:1].islower() or t == "'t":
                part.append(t)
            else:
                break
        return " ".join(part)

    @property
    def core(self) -> str:
        p = self.particle
        return self.surname[len(p) :].strip() if p else self.surname

    def full(self) -> str:
        return f"{self.given} {self.surname}"

    def sur_titled(self) -> str:
        # Dutch capitalises the particle when no given name or initial precedes it ("mevrouw Van den Berg").
        if self.pool == "nl" and self.particle:
            return self.surname[0].upper() + self.surname[1:]
        return self.surname

    def rev(self) -> str:
        if self.particle and self.pool in ("nl", "de") and chance(0.5):
            return f"{self.core}, {self.given} {self.particle}"
        return f"{self.sur_titled()}, {self.given}"

    def caps(self) -> str:
        return f"{self.surname.upper()} {self.given}"

    def initial(self) -> str:
        parts = re.split(r"([ -])", self.given)
        ini = "".join(p[0] + "." if p not in (" ", "-") else p for p in parts if p)
        return f"{ini} {self.surname}"

    def nick(self) -> str:
        return NICK.get(self.given, self.given.split(" ")[0].split("-")[0])

    def ascii(self, s: str) -> str:
        if self.pool == "de":
            s = s.translate(DE_TRANSLIT)
        return re.sub(r"[^a-z]", "", fold(s).lower())

    def handle(self) -> str:
        return self.cache.setdefault("handle", pick([f"{self.ascii(self.given)}.{self.ascii(self.surname)}"] * 3 + [f"{self.ascii(self.given)[0]}{self.ascii(self.surname)}", f"{self.ascii(self.given)}_{self.ascii(self.core)}"]))

    def email(self, work_lang: str | None = None) -> str:
        key = f"email:{work_lang}"
        if key not in self.cache:
            g, s = self.ascii(self.given), self.ascii(self.core if chance(0.5) else self.surname)
            local = pick([f"{g}.{s}", f"{g}.{s}", f"{g[0]}.{s}", f"{g}{s}", f"{s}.{g}", f"{g}_{s}{self.dob.year % 100:02d}", f"{g}.{s}{R.randint(1, 99)}", f"{g[0]}{s}"])
            if work_lang:
                local = pick([f"{g}.{s}", f"{g[0]}.{s}", f"{s}"])
                dom = pick(WORK_DOMAINS[work_lang])
            else:
                dom = pick(DOMAINS[self.country])
            self.cache[key] = f"{local}@{dom}"
        return self.cache[key]


def new_person(pool: str, country: str, sex: str | None = None, intl: bool = False) -> Person:
    if intl:
        sex, given, surname = pick(INTL[pool])
    else:
        sex = sex or pick("fm")
        given = pick(GIVEN[pool][sex])
        surname = pick(SURNAMES[pool])
        if pool == "es":
            second = pick([s for s in SURNAMES["es"] if s != surname])
            surname = (f"{surname} y {second}" if chance(0.05) else f"{surname} {second}") if chance(0.85) else surname
        elif pool == "en" and chance(0.06):
            surname = f"{pick(SURNAMES['en'])}-{surname}" if "-" not in surname else surname
        elif pool == "fr" and chance(0.08) and "-" not in surname:
            surname = f"{surname}-{pick(SURNAMES['fr'])}"
    dob = date(1938, 1, 1) + timedelta(days=R.randint(0, 365 * 67))
    town_pool = {"uk": [t[0] for t in UK_TOWNS], "us": [t[0] for t in US_TOWNS], "mil": [t[0] for t in US_TOWNS],
                 "de": [t[0] for t in DE_TOWNS], "fr": [t[0] for t in FR_TOWNS], "es": [t[0] for t in ES_TOWNS],
                 "it": list(CF_TOWNS), "nl": [t[0] for t in NL_TOWNS]}[country]  # fmt: skip
    return Person(pool, country, sex, given, surname, dob, pick(town_pool))


# ---------------------------------------------------------------------------------------------------------------------
# Annotated text: segments with spans, a tiny template language, and a per-document context that makes values lazily.
# ---------------------------------------------------------------------------------------------------------------------


@dataclass
class E:
    text: str
    type: str


@dataclass
class L:
    text: str
    what: str


@dataclass
class Seg:
    text: str = ""
    ents: list[tuple[int, int, str]] = field(default_factory=list)
    looks: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, v: Any) -> Seg:
        if v is None:
            return self
        if isinstance(v, str):
            self.text += v
        elif isinstance(v, E):
            s = len(self.text)
            self.text += v.text
            self.ents.append((s, len(self.text), v.type))
        elif isinstance(v, L):
            s = len(self.text)
            self.text += v.text
            self.looks.append((s, len(self.text), v.what))
        elif isinstance(v, Seg):
            off = len(self.text)
            self.text += v.text
            self.ents += [(a + off, b + off, t) for a, b, t in v.ents]
            self.looks += [(a + off, b + off, t) for a, b, t in v.looks]
        elif isinstance(v, (list, tuple)):
            for x in v:
                self.add(x)
        else:
            raise TypeError(v)
        return self

    def prefix_lines(self, prefix: str) -> Seg:
        """Quote a message: every line gets `prefix` (spans move with their text)."""
        out, mapping = [], []
        at_line_start = True
        for ch in self.text:
            if at_line_start:
                out.append(prefix if ch != "\n" else prefix.rstrip())
            mapping.append(sum(len(x) for x in out))
            out.append(ch)
            at_line_start = ch == "\n"
        mapping.append(sum(len(x) for x in out))
        # spans never start on a newline, so start maps directly; end maps to char before end + 1
        res = Seg("".join(out))
        res.ents = [(mapping[a], mapping[b - 1] + 1, t) for a, b, t in self.ents]
        res.looks = [(mapping[a], mapping[b - 1] + 1, t) for a, b, t in self.looks]
        return res


ALT_RE = re.compile(r"⟦([^⟦⟧]*)⟧")
KEY_RE = re.compile(r"\{([A-Za-z0-9_]+)\}")


def expand(tpl: str) -> str:
    while True:
        m = ALT_RE.search(tpl)
        if not m:
            return tpl
        body = m.group(1)
        if body.startswith("?"):
            pm = re.match(r"\?(\d+):", body)
            p, content = (int(pm.group(1)) / 100, body[pm.end() :]) if pm else (0.5, body[1:])
            rep = content if chance(p) else ""
        else:
            rep = pick(body.split("|"))
        tpl = tpl[: m.start()] + rep + tpl[m.end() :]


def render(tpl: str, ctx: Ctx) -> Seg:
    tpl = expand(tpl)
    seg, pos = Seg(), 0
    for m in KEY_RE.finditer(tpl):
        seg.add(tpl[pos : m.start()])
        seg.add(ctx[m.group(1)])
        pos = m.end()
    seg.add(tpl[pos:])
    return seg


DEAR = {
    "en": lambda p: ["Dear ", pick(TITLES["en"][p.sex]), " ", E(p.sur_titled(), "PERSON")],
    "de": lambda p: [("Sehr geehrte Frau " if p.sex == "f" else "Sehr geehrter Herr "), E(p.sur_titled(), "PERSON")],
    "fr": lambda p: [pick(["", "Chère ", "Bonjour "]) if p.sex == "f" else pick(["", "Cher ", "Bonjour "]), "Madame " if p.sex == "f" else "Monsieur ", E(p.sur_titled(), "PERSON")],
    "es": lambda p: [("Estimada Sra. " if p.sex == "f" else "Estimado Sr. "), E(p.sur_titled(), "PERSON")],
    "it": lambda p: [("Gentile Sig.ra " if p.sex == "f" else pick(["Egregio Sig. ", "Gentile Sig. "])), E(p.sur_titled(), "PERSON")],
    "nl": lambda p: [("Geachte mevrouw " if p.sex == "f" else "Geachte heer "), E(p.sur_titled(), "PERSON")],
}
BORN = {
    "en": lambda p: "born",
    "de": lambda p: "geb.",
    "fr": lambda p: "née le" if p.sex == "f" else "né le",
    "es": lambda p: "nacida el" if p.sex == "f" else "nacido el",
    "it": lambda p: "nata il" if p.sex == "f" else "nato il",
    "nl": lambda p: "geboren op",
}
PRON = {
    "en": {"he": ("he", "she"), "him": ("him", "her"), "his": ("his", "her"), "kin": ("son/husband/brother", "daughter/wife/sister"), "e": ("", ""), "o": ("", ""), "in": ("", ""), "a": ("", "")},
    "de": {"he": ("er", "sie"), "him": ("ihn", "sie"), "his": ("sein", "ihr"), "kin": ("Sohn/Mann/Bruder/Vater", "Tochter/Frau/Schwester/Mutter"), "e": ("", "e"), "o": ("", ""), "in": ("", "in"), "a": ("", "")},
    "fr": {"he": ("il", "elle"), "him": ("le", "la"), "his": ("son", "sa"), "kin": ("fils/mari/frère/père", "fille/femme/sœur/mère"), "e": ("", "e"), "o": ("", ""), "in": ("", ""), "a": ("", "")},
    "es": {"he": ("él", "ella"), "him": ("lo", "la"), "his": ("su", "su"), "kin": ("hijo/marido/hermano/padre", "hija/mujer/hermana/madre"), "e": ("", ""), "o": ("o", "a"), "in": ("", ""), "a": ("", "a")},
    "it": {"he": ("lui", "lei"), "him": ("lo", "la"), "his": ("suo", "sua"), "kin": ("figlio/marito/fratello/padre", "figlia/moglie/sorella/madre"), "e": ("", ""), "o": ("o", "a"), "in": ("", ""), "a": ("", "a")},
    "nl": {"he": ("hij", "zij"), "him": ("hem", "haar"), "his": ("zijn", "haar"), "kin": ("zoon/man/broer/vader", "dochter/vrouw/zus/moeder"), "e": ("", ""), "o": ("", ""), "in": ("", ""), "a": ("", "")},
}  # fmt: skip
NID_LABEL = {
    "en": {"uk": "National Insurance No.", "us": "SSN", "mil": "SSN", "de": "German tax ID (Steuer-ID)", "fr": "French social security no. (NIR)", "es": "DNI", "it": "codice fiscale", "nl": "BSN"},
    "de": {"de": "Steuer-ID", "uk": "NI-Nummer", "fr": "NIR", "es": "DNI", "it": "Codice fiscale", "nl": "BSN"},
    "fr": {"fr": "N° de sécurité sociale", "de": "Steuer-ID", "es": "DNI", "it": "codice fiscale", "nl": "BSN", "uk": "NINO"},
    "es": {"es": "DNI", "fr": "NIR", "de": "Steuer-ID", "it": "codice fiscale", "nl": "BSN", "uk": "NINO"},
    "it": {"it": "Codice fiscale", "fr": "NIR", "de": "Steuer-ID", "es": "DNI", "nl": "BSN", "uk": "NINO"},
    "nl": {"nl": "BSN", "de": "Steuer-ID", "fr": "NIR", "es": "DNI", "it": "codice fiscale", "uk": "NINO"},
}  # fmt: skip


class Ctx(dict):  # type: ignore[type-arg]
    """Lazily makes and memoises every value a template asks for, so each key is one consistent value per document."""

    def __init__(self, lang: str, locale: str):
        super().__init__()
        self.lang, self.locale = lang, locale
        self.people: dict[int, Person] = {}
        self.dates: dict[int, date] = {}

    # -- people -------------------------------------------------------------------------------------------------------
    def person(self, n: int, **kw: Any) -> Person:
        if n in self.people:
            return self.people[n]
        if kw.get("pool") or kw.get("country"):
            pool = kw.get("pool") or COUNTRY_LANG[kw["country"]]
            country = kw.get("country") or LANG_COUNTRY[pool]
            p = new_person(pool, country, kw.get("sex"), kw.get("intl", False))
        elif self.lang == "en":
            r = R.random()
            if r < 0.68:
                country = self.locale if not (self.locale == "us" and chance(0.12)) else "mil"
                p = new_person("en", country, kw.get("sex"))
            elif r < 0.76:
                p = new_person("en", self.locale, intl=True)
            else:
                pool = pick(["fr", "fr", "fr", "es", "es", "it", "it", "de", "nl"])
                p = new_person(pool, LANG_COUNTRY[pool] if chance(0.65) else self.locale, kw.get("sex"))
        else:
            r = R.random()
            if r < 0.88:
                p = new_person(self.lang, LANG_COUNTRY[self.lang], kw.get("sex"))
            elif r < 0.96:
                p = new_person(self.lang, LANG_COUNTRY[self.lang], intl=True)
            else:
                p = new_person(pick([x for x in LANGS if x != self.lang]), LANG_COUNTRY[self.lang], kw.get("sex"))
        taken = {(q.given.split(" ")[0], q.core) for q in self.people.values()}
        clash = p.given.split(" ")[0] in {t[0] for t in taken} or p.core in {t[1] for t in taken}
        no_nick = kw.get("nick") and p.given not in NICK  # the template says "prefers to be called <nickname>"
        if (clash or no_nick) and kw.get("_retry", 0) < 40:
            return self.person(n, **{**kw, "_retry": kw.get("_retry", 0) + 1})
        self.people[n] = p
        return p

    def __missing__(self, key: str) -> Any:
        v = self.make(key)
        self[key] = v
        return v

    def date(self, d: date, long: bool = False, lang: str | None = None) -> str:
        lang = lang or self.lang
        return fmt_date(d, lang, self.locale if lang == self.lang else LANG_COUNTRY[lang], long)

    def make(self, key: str) -> Any:
        for _ in range(50):
            v = self.make_once(key)
            # fairness: a look-alike must never happen to be a valid identifier (e.g. a claim number passing mod 11)
            if not (isinstance(v, L) and any(VALIDATORS[t](v.text) for t in FAIRNESS_TYPES)):
                return v
        raise AssertionError(key)

    def make_once(self, key: str) -> Any:
        m = re.fullmatch(r"p(\d)(?:_(\w+))?", key)
        if m:
            return self.person_value(self.person(int(m.group(1))), m.group(2) or "full")
        m = re.fullmatch(r"([a-z]+?)(\d*)(?:_(\w+))?", key)
        assert m, key
        kind, opt = m.group(1), m.group(3)
        lang = self.lang
        if kind == "date":
            # dateN and dateN_long are the same day; date1 < date2 < date3 so that periods read forwards
            n = int(m.group(2) or 1)
            if n not in self.dates:
                prev = max((d for k, d in self.dates.items() if k < n), default=recent_date() - timedelta(days=420))
                self.dates[n] = prev + timedelta(days=R.randint(14, 200))
            return L(self.date(self.dates[n], long=opt == "long"), "date")
        if kind == "hdate":
            return L(header_datetime(recent_date(), lang), "date")
        if kind == "amt":
            return L(_amount(lang), "amount")
        if kind == "order":
            return L(_order(), "order_number")
        if kind == "case":
            return L(CASE_NUMBERS[lang](), "case_number")
        if kind == "policy":
            return L(POLICY_NUMBERS[lang](), "policy_number")
        if kind == "invoice":
            return L(pick([f"INV-{R.randint(2023, 2025)}-{digits(5)}", f"{R.randint(2023, 2025)}-{digits(4)}", f"RE{digits(8)}", f"F{R.randint(23, 25)}/{digits(5)}"]), "invoice_number")
        if kind == "ticket":
            return L(pick([f"#{R.randint(10000, 99999)}", f"INC{digits(7)}", f"SR-{digits(6)}", f"TCK-{R.randint(1000, 99999)}"]), "ticket_number")
        if kind == "claim":
            return L(pick([f"{R.randint(2023, 2025)}-SN-{digits(6)}", f"CLM-{digits(8)}", f"{digits(2)}/{digits(6)}/{R.randint(23, 25)}", f"S{R.randint(2023, 2025)}{digits(6)}"]), "claim_number")
        if kind == "ref":
            return L(pick([f"{pick(['CS', 'KD', 'DSP', 'BR'])}/{R.randint(2023, 2025)}/{digits(5)}", f"{pick(['AB', 'ZX', 'RT'])}{digits(6)}", f"{digits(4)}-{digits(4)}-{pick('ABCDEFGH')}"]), "reference_number")
        if kind == "law":
            return L(pick(LAWS[lang]), "law_citation")
        if kind == "epo":
            return L(pick(EPONYMS[lang]), "medical_eponym")
        if kind == "brand":
            cats = BRANDS[lang]
            return L(pick(cats.get(opt or "", cats["food"] + cats["drink"])), "brand")
        if kind == "last":
            return L(digits(4), "card_last_four")
        if kind == "mask":
            return L(pick(["**** **** **** ", "XXXX XXXX XXXX ", "xxxx-xxxx-xxxx-", "•••• "]) + digits(4), "card_last_four")
        if kind == "mrn":
            return E(pick(MRN_FORMATS[lang])[1](), "MEDICAL_RECORD_NUMBER")
        if kind == "ip":
            return E(gen_ip(), "IP_ADDRESS")
        if kind == "co":
            return pick(COMPANIES[lang][opt or "any"])
        if kind == "city":
            return pick({"en": ["London", "Manchester", "Leeds", "Chicago", "Boston"], "de": ["München", "Hamburg", "Köln", "Berlin"], "fr": ["Paris", "Lyon", "Nantes", "Lille"], "es": ["Madrid", "Barcelona", "Sevilla", "Valencia"], "it": ["Milano", "Roma", "Torino", "Bologna"], "nl": ["Amsterdam", "Utrecht", "Rotterdam", "Den Haag"]}[lang])
        raise KeyError(key)

    def person_value(self, p: Person, form: str) -> Any:
        lang = self.lang
        m = re.fullmatch(r"(\w+?)_(en|de|fr|es|it|nl)", form)
        if m:  # a form in another language than the document's, e.g. a quoted French letter in an English e-mail
            form, lang = m.group(1), m.group(2)
        c = p.cache
        P = lambda s: E(s, "PERSON")  # noqa: E731
        if form == "full":
            return P(p.full())
        if form == "surup":
            return P(p.surname.upper())
        if form == "givenup":
            return P(p.given.upper())
        if form == "given":
            return P(p.given)
        if form == "sur":
            return P(p.sur_titled())
        if form == "rev":
            return P(c.setdefault("rev", p.rev()))
        if form == "caps":
            return P(p.caps())
        if form == "upper":
            return P(p.full().upper())
        if form == "lower":
            return P(p.full().lower())
        if form == "handle":
            return P(p.handle())
        if form == "nick":
            return P(p.nick())
        if form == "init":
            return P(p.initial())
        if form == "any":
            return P(pick([p.full(), p.full(), c.setdefault("rev", p.rev()), p.caps(), p.full().upper()]))
        if form == "title":
            return c.setdefault(f"title{lang}", pick(TITLES[lang][p.sex]))
        if form == "dr":
            t = pick(TITLES[lang]["dr"])
            if lang == "it" and t.startswith("Dott"):
                t = "Dott.ssa" if p.sex == "f" else "Dott."
            if lang == "es" and t.startswith("Dr"):
                t = "Dra." if p.sex == "f" else "Dr."
            return c.setdefault(f"dr{lang}", t)
        if form == "tsur":
            return [self.person_value(p, f"title_{lang}"), " ", P(p.sur_titled())]
        if form == "tfull":
            return [self.person_value(p, f"title_{lang}"), " ", P(p.full())]
        if form == "drfull":
            return [self.person_value(p, f"dr_{lang}"), " ", P(p.full())]
        if form == "drsur":
            return [self.person_value(p, f"dr_{lang}"), " ", P(p.sur_titled())]
        if form.lower() in ("he", "him", "his", "kin", "e", "o", "in", "a"):
            word = PRON[lang][form.lower()][0 if p.sex == "m" else 1]
            if form.lower() == "kin":
                word = c.setdefault(f"kin{lang}", pick(word.split("/")))
            return word[:1].upper() + word[1:] if form[0].isupper() else word
        if form == "dear":
            return DEAR[lang](p)
        if form == "born":
            return BORN[lang](p)
        if form == "sex":
            return {"en": {"f": "F", "m": "M"}, "de": {"f": "w", "m": "m"}, "fr": {"f": "F", "m": "M"}, "es": {"f": "M", "m": "H"}, "it": {"f": "F", "m": "M"}, "nl": {"f": "V", "m": "M"}}[lang][p.sex]
        if form == "dob":
            return E(c.setdefault(f"dob{lang}", self.date(p.dob, lang=lang)), "DATE_OF_BIRTH")
        if form == "doblong":
            return E(c.setdefault(f"dobl{lang}", self.date(p.dob, long=True, lang=lang)), "DATE_OF_BIRTH")
        if form == "dobiso":
            return E(p.dob.isoformat(), "DATE_OF_BIRTH")
        if form == "age":
            return str((date(2024, 6, 1) - p.dob).days // 365)
        if form == "bplace":
            return p.birthplace
        if form == "email":
            return E(p.email(), "EMAIL_ADDRESS")
        if form == "wemail":
            return E(p.email(work_lang=lang), "EMAIL_ADDRESS")
        if form == "obf":
            return E(c.setdefault("obf", obfuscate(p.email(), lang)), "EMAIL_ADDRESS")
        if form == "phone":
            return E(c.setdefault("phone", gen_phone(p.country, True)), "PHONE_NUMBER")
        if form == "tel":
            return E(c.setdefault("tel", gen_phone(p.country, False)), "PHONE_NUMBER")
        if form in ("addr", "block"):
            a: Addr = c.setdefault("addr", gen_address(p.country))
            if form == "addr":
                return E(a.line(), "ADDRESS")
            out: list[Any] = []
            for i, line in enumerate(a.lines):
                out += (["\n"] if i else []) + [E(line, "ADDRESS")]
            return out
        if form == "city":
            a = c.setdefault("addr", gen_address(p.country))
            return a.lines[-1].split(" ", 1)[-1] if p.country not in ("us", "mil", "uk") else p.birthplace
        if form == "nid":
            return self.nid(p, p.country)
        if form == "nidlabel":
            return NID_LABEL[lang].get(p.country, "ID")
        if form in ("ssn", "nino", "nhs", "steuer", "svnr", "kvnr", "nir", "dni", "nie", "cf", "bsn"):
            return self.one_id(p, form)
        if form == "esid":  # Spaniards have a DNI, foreign residents an NIE
            return self.one_id(p, c.setdefault("esid", "dni" if p.pool == "es" and not chance(0.35) else "nie"))
        if form == "iban":
            return E(c.setdefault("iban", gen_iban(IBAN_COUNTRY[p.country])), "IBAN_CODE")
        if form == "card":
            return E(c.setdefault("card", gen_card()), "CREDIT_CARD")
        if form == "mrn":
            return E(c.setdefault("mrn", pick(MRN_FORMATS[lang])[1]()), "MEDICAL_RECORD_NUMBER")
        if form == "mrnlabel":
            return c.setdefault("mrnlabel", pick(MRN_FORMATS[lang])[0])
        if form == "ip":
            return E(c.setdefault("ip", gen_ip()), "IP_ADDRESS")
        if form == "rank":
            return c.setdefault("rank", pick(["SGT", "SSG", "Capt.", "Lt Col", "SPC", "PO2", "CPT", "MSgt"]))
        raise KeyError(form)

    def nid(self, p: Person, country: str) -> E:
        form = {"uk": "nino", "us": "ssn", "mil": "ssn", "de": "steuer", "fr": "nir", "es": "esid", "it": "cf", "nl": "bsn"}[country]
        return self.person_value(p, form)  # type: ignore[no-any-return]

    def one_id(self, p: Person, form: str) -> E:
        c = p.cache
        if form not in c:
            if form == "ssn":
                v = gen_ssn()
            elif form == "nino":
                v = gen_nino()
            elif form == "nhs":
                v = gen_nhs()
            elif form == "steuer":
                v = gen_steuer_id()
            elif form == "svnr":
                v = gen_svnr(p.dob, fold(p.core)[0], p.sex)
            elif form == "kvnr":
                v = gen_kvnr()
            elif form == "nir":
                dept = next((t[2] for t in FR_TOWNS if t[0] == p.birthplace), None) if p.country == "fr" else "99"
                v = gen_nir(p.dob, p.sex, dept)
            elif form == "dni":
                v = gen_dni()
            elif form == "nie":
                v = gen_nie()
            elif form == "cf":
                town = p.birthplace if p.birthplace in CF_TOWNS else pick(list(CF_TOWNS))
                v = gen_cf(p.surname, p.given, p.dob, p.sex, town)
            else:
                v = gen_bsn()
            c[form] = v
        etype = {"ssn": "US_SSN", "nino": "UK_NINO", "nhs": "UK_NHS", "steuer": "DE_STEUER_ID", "svnr": "DE_SVNR", "kvnr": "DE_KVNR", "nir": "FR_NIR", "dni": "ES_DNI", "nie": "ES_NIE", "cf": "IT_FISCAL_CODE", "bsn": "NL_BSN"}[form]
        return E(c[form], etype)


def obfuscate(addr: str, lang: str) -> str:
    local, dom = addr.split("@")
    name, tld = dom.rsplit(".", 1)
    styles = [
        f"{local.replace('.', ' dot ')} at {name.replace('.', ' dot ')} dot {tld}",
        f"{local}(at){dom}",
        f"{local} [at] {name} [dot] {tld}",
        f"{local} (at) {dom}",
        f"{local}[at]{dom}",
        f"{local} AT {name} DOT {tld}",
    ]
    if lang == "es":
        styles.append(f"{local} arroba {dom}")
    if lang == "it":
        styles.append(f"{local} chiocciola {dom}")
    return pick(styles)


COMPANIES = {
    "en": {"any": ["Hartwell Logistics Ltd", "Brightmoor Insurance", "Kestrel Advisory LLP", "Northgate Health NHS Trust", "Castlegate Building Society", "Pinecrest Mutual", "Summit Federal Credit Union"],
           "bank": ["Castlegate Building Society", "Summit Federal Credit Union", "Harbourside Bank plc", "First Prairie Bank"],
           "ins": ["Brightmoor Insurance", "Pinecrest Mutual", "Albion General Assurance", "Lakeshore Casualty Co."]},
    "de": {"any": ["Bergmann Bau GmbH", "Stadtwerke Nordheim", "Lindqvist & Partner mbB", "Medicum Ost MVZ"],
           "bank": ["Sparkasse Nordheim", "Volksbank Rhein-Ahr eG", "Hanseatische Direktbank AG"],
           "ins": ["Rheinland Versicherung AG", "Nordstern Krankenversicherung a.G.", "Allgemeine Hausrat VVaG"]},
    "fr": {"any": ["Groupe Aubrac SAS", "Atelier Mistral SARL", "Clinique Saint-Roch", "Cabinet Lenoir & Associés"],
           "bank": ["Banque Populaire du Val", "Crédit Agricole Loire-Océan", "Caisse d'Épargne Rhône Alpes"],
           "ins": ["Mutuelle des Deux Rives", "Assurances Lumière", "MAIF Prévoyance Sud"]},
    "es": {"any": ["Grupo Almazara S.L.", "Transportes Ebro S.A.", "Asesoría Lumen", "Clínica San Roque"],
           "bank": ["Caja Rural del Duero", "Banco Meridiano S.A.", "Kutxa Atlántica"],
           "ins": ["Mutua Levantina de Seguros", "Seguros Alcázar", "Previsión Ibérica S.A."]},
    "it": {"any": ["Gruppo Adriatica S.p.A.", "Edilnord S.r.l.", "Studio Ferraris", "Policlinico San Marco"],
           "bank": ["Banca Popolare del Lario", "Cassa di Risparmio di Valmarecchia", "Credito Padano S.p.A."],
           "ins": ["Assicurazioni Tirreno", "Mutua Alpina", "Previdenza Italica S.p.A."]},
    "nl": {"any": ["Groenveld Logistiek B.V.", "Woonzorg Delta", "Bakkerij De Kroon", "Van der Hoek Advocaten"],
           "bank": ["Rijnland Spaarbank", "Noorderbank N.V.", "Coöperatieve Polderbank U.A."],
           "ins": ["Zeeuwse Verzekeringen", "Zorgverzekeraar Amstelland", "Hollandia Schadeverzekering N.V."]},
}  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------------
# Document shapes. Each builder returns a Seg for a fresh Ctx.
# ---------------------------------------------------------------------------------------------------------------------

HDR = {
    "en": ("From", "To", "Cc", "Sent", "Subject", "-----Original Message-----"),
    "de": ("Von", "An", "Cc", "Gesendet", "Betreff", "-----Ursprüngliche Nachricht-----"),
    "fr": ("De", "À", "Cc", "Envoyé", "Objet", "-----Message d'origine-----"),
    "es": ("De", "Para", "CC", "Enviado el", "Asunto", "-----Mensaje original-----"),
    "it": ("Da", "A", "Cc", "Inviato", "Oggetto", "-----Messaggio originale-----"),
    "nl": ("Van", "Aan", "CC", "Verzonden", "Onderwerp", "-----Oorspronkelijk bericht-----"),
}
COLON = {"fr": " : "}
IPHONE = {"en": "Sent from my iPhone", "de": "Von meinem iPhone gesendet", "fr": "Envoyé de mon iPhone", "es": "Enviado desde mi iPhone", "it": "Inviato da iPhone", "nl": "Verstuurd vanaf mijn iPhone"}
DISCLAIMER = {
    "en": "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it.",
    "de": "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.",
    "fr": "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires. Toute utilisation non conforme à sa destination est interdite.",
    "es": "Este mensaje y sus archivos adjuntos son confidenciales y están dirigidos exclusivamente a su destinatario. Si lo ha recibido por error, le rogamos que lo comunique al remitente y lo elimine.",
    "it": "Questo messaggio e i suoi allegati sono confidenziali e destinati esclusivamente al destinatario. Se lo avete ricevuto per errore, vi preghiamo di informare il mittente e di cancellarlo.",
    "nl": "Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde(n). Heeft u dit bericht per abuis ontvangen, verzoeken wij u de afzender te informeren en het bericht te verwijderen.",
}  # fmt: skip
ROLES = {
    "en": ["HR Advisor", "Claims Handler", "Practice Manager", "Account Manager", "Paralegal", "Customer Care Team Lead", "Payroll Officer"],
    "de": ["Personalabteilung", "Schadenabteilung", "Praxisteam", "Kundenberatung", "Sekretariat", "Teamleitung Kundenservice"],
    "fr": ["Service recrutement", "Gestionnaire sinistres", "Secrétariat médical", "Service clientèle", "Juriste", "Service paie"],
    "es": ["Departamento de RR. HH.", "Tramitación de siniestros", "Secretaría médica", "Atención al cliente", "Asesoría jurídica", "Nóminas"],
    "it": ["Ufficio Risorse Umane", "Liquidatore sinistri", "Segreteria medica", "Consulente clienti", "Avvocato", "Ufficio paghe"],
    "nl": ["HR-adviseur", "Schadebehandelaar", "Doktersassistente", "Accountmanager", "Advocaat-medewerker", "Salarisadministratie"],
}  # fmt: skip


def display(c: Ctx, n: int, work: bool = False) -> list[Any]:
    em = c[f"p{n}_wemail" if work else f"p{n}_email"]
    p = c.person(n)
    P = lambda s: E(s, "PERSON")  # noqa: E731
    style = R.randrange(10)
    if style == 0:
        return [P(c[f"p{n}_rev"].text), " <", em, ">"]
    if style == 1:
        return ['"', P(p.full()), '" <', em, ">"]
    if style == 2:
        return [em, " (", P(p.full()), ")"]
    if style == 3:
        return [P(p.full().upper()), " <", em, ">"]
    if style == 4:
        return ['"', P(c[f"p{n}_rev"].text), '" <', em, ">"]
    if style == 5:
        return [P(p.full()), " [mailto:", em, "]"]
    if style == 6:
        return [P(p.caps()), " <", em, ">"]
    if style == 7:
        return [em]
    return [P(p.full()), " <", em, ">"]


def signature(c: Ctx, n: int, work: bool) -> Seg:
    lang = c.lang
    if not work:
        return render(pick(["", "", f"\n{{p{n}_given}}", f"\n{{p{n}}}", f"\n\n{IPHONE[lang]}", f"\n-- \n{{p{n}}}\n{{p{n}_phone}}"]), c)
    tpl = f"\n-- \n{{p{n}}}\n{pick(ROLES[lang])}\n{pick(COMPANIES[lang]['any'])}\n"
    tpl += pick(["Tel. ", "T ", "Tel: ", "Tel.: ", "📞 "] + (["Phone: ", "Direct: "] if lang == "en" else [])) + f"{{p{n}_tel}}"
    tpl += pick(["", f"\n{{p{n}_wemail}}"])
    if chance(0.5):
        tpl += "\n\n" + DISCLAIMER[lang]
    return render(tpl, c)


def attribution(c: Ctx, n: int, d: date) -> Seg:
    lang = c.lang
    p = c.person(n)
    name: list[Any] = [E(p.full(), "PERSON")]
    em = c[f"p{n}_email"]
    hh, mm = R.randint(7, 21), R.randint(0, 59)
    look = lambda s: L(s, "date")  # noqa: E731
    if lang == "en":
        ds = pick([f"{WEEKDAYS['en'][d.weekday()]}, {d.day} {MONTHS['en'][d.month - 1][:3]} {d.year} at {hh:02d}:{mm:02d}", f"{MONTHS['en'][d.month - 1][:3]} {d.day}, {d.year}, at {hh % 12 or 12}:{mm:02d} {'AM' if hh < 12 else 'PM'}"])
        return Seg().add(["On ", look(ds), ", ", name, " <", em, "> wrote:"])
    if lang == "de":
        return Seg().add(["Am ", look(f"{d.day:02d}.{d.month:02d}.{d.year}"), f" um {hh:02d}:{mm:02d} schrieb ", name, " <", em, ">:"])
    if lang == "fr":
        return Seg().add(["Le ", look(f"{WEEKDAYS['fr'][d.weekday()][:3]}. {d.day} {MONTHS['fr'][d.month - 1]} {d.year}"), f" à {hh:02d}:{mm:02d}, ", name, " <", em, "> a écrit :"])
    if lang == "es":
        return Seg().add(["El ", look(f"{WEEKDAYS['es'][d.weekday()][:3]}, {d.day} {MONTHS['es'][d.month - 1][:3]} {d.year}"), f" a las {hh}:{mm:02d}, ", name, " (<", em, ">) escribió:"])
    if lang == "it":
        return Seg().add(["Il giorno ", look(f"{WEEKDAYS['it'][d.weekday()][:3]} {d.day} {MONTHS['it'][d.month - 1][:3]} {d.year}"), f" alle ore {hh:02d}:{mm:02d} ", name, " <", em, "> ha scritto:"])
    return Seg().add(["Op ", look(f"{WEEKDAYS['nl'][d.weekday()][:2]} {d.day} {MONTHS['nl'][d.month - 1][:3]} {d.year}"), f" om {hh:02d}:{mm:02d} schreef ", name, " <", em, ">:"])


def header_block(c: Ctx, frm: int, to: int, subject: str, work_from: bool, work_to: bool, cc: int | None = None, when: date | None = None) -> Seg:
    lab = HDR[c.lang]
    col = COLON.get(c.lang, ": ")
    s = Seg()
    s.add([lab[0], col, display(c, frm, work_from), "\n", lab[3], col, L(header_datetime(when or recent_date(), c.lang), "date"), "\n", lab[1], col, display(c, to, work_to), "\n"])
    if cc:
        s.add([lab[2], col, display(c, cc, True), "\n"])
    s.add([lab[4], col, subject, "\n"])
    return s


def email_thread(c: Ctx) -> Seg:
    topic = pick(EMAIL_TOPICS[c.lang])
    pre = topic.get("setup")
    if pre:
        pre(c)
    work1, work2 = topic.get("work", (False, True))
    subj = render(topic["subject"], c)
    msgs = topic["msgs"]
    n_msgs = min(len(msgs), pick([1, 2, 2, 2, 3]) if len(msgs) >= 2 else 1)
    if n_msgs < 2 and len(msgs) >= 2:
        n_msgs = 2 if chance(0.7) else 1
    senders = [1, 2, 1]
    day = recent_date()
    days = [day, day + timedelta(days=R.randint(0, 4)), day + timedelta(days=R.randint(5, 12))]
    bodies = []
    for i in range(n_msgs):
        frm = senders[i]
        to = 2 if frm == 1 else 1
        work = work1 if frm == 1 else work2
        body = render(msgs[i], c).add(signature(c, frm, work))
        bodies.append((frm, to, work, body, days[i]))
    # newest message first, earlier ones quoted below it
    doc = Seg()
    gmail = chance(0.45)
    first = True
    for frm, to, work, body, when in reversed(bodies):
        prefix = "Re: " if not first or len(bodies) > 1 else ""
        if first:
            doc.add(header_block(c, frm, to, "", work, (to == 2 and work2) or (to == 1 and work1), cc=3 if chance(0.15) else None, when=when))
            doc.text = doc.text[: -1]  # subject added next
            doc.add([prefix if len(bodies) > 1 else "", subj, "\n\n", body])
            first = False
        elif gmail:
            quoted = Seg().add(attribution(c, frm, when)).add("\n").add(body.prefix_lines("> "))
            doc.add(["\n\n", quoted])
        else:
            doc.add(["\n\n", HDR[c.lang][5], "\n", header_block(c, frm, to, "", work, not work, when=when)])
            doc.text = doc.text[:-1]
            doc.add([subj, "\n\n", body])
    return doc


def _force(**people: dict[str, Any]) -> Callable[[Ctx], None]:
    def setup(c: Ctx) -> None:
        for k, kw in people.items():
            c.person(int(k[1:]), **kw)

    return setup


EMAIL_TOPICS: dict[str, list[dict[str, Any]]] = {
    "en": [
        {
            "subject": "⟦New starter details|Onboarding paperwork|Payroll details for {p1_given}⟧",
            "msgs": [
                "Hi {p2_given},\n\nAs requested, here are my details for payroll:\n\nFull name: {p1}\nDate of birth: {p1_dob}\nHome address: {p1_addr}\n{p1_nidlabel}: {p1_nid}\n⟦Bank account (IBAN)|IBAN⟧: {p1_iban}\nMobile: {p1_phone}\n\nI'm due to start on {date1_long}. ⟦?I still need to dig out my P45 - will bring it on day one.⟧\n\nThanks,",
                "Hi {p1_given},\n\nThanks, all received. I've set you up in the HR system - we process this under {law1} and only for payroll and pensions. Your line manager will be {p3}; ⟦{p3_given}|{p3_he}⟧ will meet you in reception at 9am on {date1_long}.\n\nOne more thing: could you send your emergency contact (name and phone)?\n\nKind regards,",
                "Hi {p2_given},\n\nEmergency contact is my ⟦partner|sister|brother|mum⟧ {p4}, {p4_phone}.\n\nCheers,",
            ],
        },
        {
            "subject": "⟦Claim {claim1} - water damage|RE: Policy {policy1}|Your claim {claim1}⟧",
            "msgs": [
                "Dear Sir or Madam,\n\nI am writing about my home insurance, policy {policy1}. On {date1_long} a pipe burst in the flat above ours and water came through the kitchen ceiling. The repair quote from the plumber is {amt1}.\n\nPolicyholder: {p1_upper}\nAddress of the property: {p1_addr}\nDaytime phone: {p1_phone}\n\nPlease pay any settlement into {p1_iban}.\n\nYours faithfully,",
                "{p1_dear},\n\nThank you for your email. Your claim is registered under {claim1} and I am the handler. Before we can settle, please send the plumber's invoice and photos of the damage. ⟦?Please note we cannot cover the contents of the freezer (a {brand1_food} hamper and a bottle of {brand2_drink}, as listed) under this section of the policy.⟧\n\nIf anything is unclear, call me on the number below.\n\nKind regards,",
                "Hello {p2_given},\n\nInvoice attached. My neighbour {p3} (flat 4) can confirm the date; {p3_his} number is {p3_phone}. ⟦?You can also reach me at {p1_obf} - my work filter blocks attachments.⟧\n\nBest wishes,",
            ],
        },
        {
            "subject": "⟦Fwd: attestation from the Lyon office|FW: French documents for the visa file|Documents - {p3_caps}⟧",
            "setup": _force(p3={"pool": "fr", "country": "fr"}),
            "msgs": [
                "Hi {p2_given},\n\nForwarding what the Lyon office sent for the relocation file. The relevant bit of their letter reads:\n\n\"Nous soussignés attestons que {p3_tfull_fr}, {p3_born_fr} {p3_doblong_fr} à {p3_bplace}, demeurant {p3_addr}, est salarié{p3_e} de notre société depuis le {date1_long}. Numéro de sécurité sociale : {p3_nir}.\"\n\n{p3_given} says the best way to reach {p3_him} is {p3_obf} or {p3_phone}.\n\nThanks,",
                "Thanks {p1_given}. I'll add it to {p3_sur}'s file. Can you ask {p3_him} for the birth certificate too (extrait d'acte de naissance, {p3_born_fr} {p3_dob_fr})?\n\nBest,",
            ],
        },
        {
            "subject": "⟦Fwd: Schreiben vom Finanzamt|Letter from the German tax office - help?|Translation needed: Steuer-ID letter⟧",
            "setup": _force(p1={"pool": "de", "country": "de"}),
            "work": (False, True),
            "msgs": [
                "Hi {p2_given},\n\ncould you help me with this? I got the letter below from the Finanzamt and I'm not sure what they want. I typed it out:\n\n---\n{p1_dear_de},\n\nIhre steuerliche Identifikationsnummer lautet: {p1_steuer}\n\nDiese Nummer wurde Ihnen nach § 139b AO zugeteilt. Gespeichert sind: Familienname {p1_surup}, Vorname {p1_given}, Tag der Geburt {p1_doblong_de}, Anschrift {p1_addr}.\n---\n\nDo I have to send it to my employer? My new contract starts {date1_long}.\n\nThanks a lot,",
                "Hi {p1_given},\n\nit's just the notification of your tax ID - nothing to pay. Yes, send the number to payroll (and only the number). I'd also check that the birth date ({p1_doblong_de}) is right; if not, tell the Bürgeramt.\n\nBest,",
            ],
        },
        {
            "subject": "⟦Shipping to APO address|Order {order1} - military address|Re: delivery to {p3_given} overseas⟧",
            "setup": _force(p3={"country": "mil"}),
            "work": (False, True),
            "msgs": [
                "Hello,\n\nI placed order {order1} for my {p3_kin}, who is deployed. Please ship to:\n\n{p3_rank} {p3_upper}\n{p3_addr}\n\nYour checkout rejected the address because there is no city. I paid with the card ending in {last1}. My number is {p1_phone} if you need it.\n\nThanks,",
                "{p1_dear},\n\nThanks for getting in touch. APO/DPO/FPO addresses are supported, but the form needs \"APO\" in the city field. I have corrected order {order1} to ship to {p3} at {p3_addr}.\n\nThe refund of the shipping difference ({amt1}) will appear on {mask1} within 5 working days.\n\nRegards,",
            ],
        },
        {
            "subject": "⟦Our new client in Italy|Client onboarding - {p3}|KYC: {p3_upper}⟧",
            "setup": _force(p3={"pool": pick(["it", "es"])}),
            "msgs": [
                "Hi {p2_given},\n\nQuick summary of the call with {p3} this morning. {p3_He} lives at {p3_addr} and wants the statements in English. ⟦Tax number|ID number⟧: {p3_nid}. Date of birth {p3_dobiso}. Mobile {p3_phone}, e-mail {p3_email}.\n\n{p3_given} mentioned {p4_title} {p4} as the second account holder - I'll get {p4_given}'s details next week.\n\nCheers,",
                "Great, thanks. Please put {p3_sur} on the {co1} KYC checklist and attach the copy of the ID. Reference for the account opening: {ticket1}.\n\nBest,",
            ],
        },
        {
            "subject": "⟦Appointment on {date1_long}|Rescheduling - {p1}|Referral letter⟧",
            "msgs": [
                "Hello,\n\nI need to move my {p4_kin}'s appointment with {p3_drfull}. Patient: {p4_caps}, DOB {p4_dob}, {p4_mrnlabel} {p4_mrn}⟦?, NHS number {p4_nhs}⟧. It was booked for {date1}, but {p4_he} is in hospital after a fall. ⟦?The specialist is following up {p4_his} {epo1}.⟧\n\nPlease call me on {p1_phone}.\n\nMany thanks,",
                "Dear {p1_given},\n\nNo problem - I have moved {p4_sur} to {date2_long} at 10:40. {p3_drsur} will also review the referral about the {epo1}.\n\nBest wishes,",
            ],
        },
    ],
}

EMAIL_TOPICS["de"] = [
    {
        "subject": "⟦Unterlagen für die Gehaltsabrechnung|Personalbogen {p1}|AW: Ihr Arbeitsbeginn am {date1}⟧",
        "msgs": [
            "Hallo ⟦Frau|Herr⟧ {p2_sur},\n\nanbei wie besprochen meine Daten für die Lohnabrechnung:\n\nName: {p1_caps}\nGeburtsdatum: {p1_dob}\nAnschrift: {p1_addr}\nSteuer-ID: {p1_steuer}\nRentenversicherungsnummer: {p1_svnr}\nKrankenkasse: Nordstern, Versichertennr. {p1_kvnr}\nIBAN: {p1_iban}\nHandy: {p1_phone}\n\nDie Lohnsteuerklasse ist ⟦I|III|IV⟧. Ich fange am {date1} an.\n\nViele Grüße",
            "{p1_dear},\n\nvielen Dank, die Angaben sind vollständig. Wir verarbeiten sie nach {law1} ausschließlich für die Entgeltabrechnung. Ihre Ansprechperson im Team ist {p3}; {p3_given} holt Sie am {date1} um 8:30 Uhr am Empfang ab.\n\nMit freundlichen Grüßen",
            "Hallo {p2_given},\n\nnoch ein Nachtrag: mein Notfallkontakt ist {p4} ({p4_kin}), erreichbar unter {p4_phone}.\n\nGruß",
        ],
    },
    {
        "subject": "⟦Schadenmeldung Leitungswasser|Ihr Schaden {claim1}|Vertrag {policy1}⟧",
        "msgs": [
            "Sehr geehrte Damen und Herren,\n\nich melde hiermit einen Leitungswasserschaden zu meiner Hausratversicherung ({policy1}). Am {date1_long} ist in der Wohnung über uns ein Schlauch geplatzt; Küche und Flur sind betroffen. Der Kostenvoranschlag liegt bei {amt1}.\n\nVersicherungsnehmer: {p1_rev}\nAnschrift: {p1_addr}\nTelefon tagsüber: {p1_phone}\n\nBitte überweisen Sie eine Entschädigung auf {p1_iban}.\n\nMit freundlichen Grüßen",
            "{p1_dear},\n\nIhr Schaden ist unter der Nummer {claim1} erfasst. Bitte senden Sie uns noch Fotos und die Rechnung des Installateurs. Nach {law1} sind wir verpflichtet, den Regress gegen den Verursacher zu prüfen; nennen Sie uns bitte Namen und Anschrift der Nachbarn.\n\nMit freundlichen Grüßen",
            "Guten Tag {p2_tsur},\n\ndie Nachbarn: {p3}, {p3_addr}. {p3_tsur} ist telefonisch unter {p3_tel} erreichbar. Rechnung und Fotos im Anhang.\n\nFreundliche Grüße",
        ],
    },
    {
        "subject": "⟦Terminverschiebung {p4_caps}|Befund und Überweisung|Termin am {date1}⟧",
        "msgs": [
            "Guten Tag,\n\nich möchte den Termin meiner ⟦Mutter|Tante|Oma⟧ bei {p3_drfull} verschieben. Patientin: {p4_caps}, geb. {p4_dob}, {p4_mrnlabel} {p4_mrn}, versichert bei der Nordstern ({p4_kvnr}). Der Termin am {date1} klappt nicht, sie liegt nach einem Sturz im Krankenhaus. Es geht um die Kontrolle (Diagnose: {epo1}).\n\nSie erreichen mich unter {p1_phone}.\n\nDanke und Gruß",
            "Hallo {p1_tsur},\n\nkein Problem, ich habe Frau {p4_sur} auf den {date2_long}, 10:40 Uhr umgebucht. {p3_drsur} schaut sich auch den Arztbrief an.\n\nViele Grüße aus der Praxis",
        ],
        "setup": _force(p4={"sex": "f"}),
    },
    {
        "subject": "⟦Umzug / neue Adresse|Wohnungsübergabe {date1}|Nebenkostenabrechnung⟧",
        "work": (False, False),
        "msgs": [
            "Hi {p2_nick},\n\nwir sind umgezogen! Neue Adresse:\n\n{p1_block}\n\nFestnetz gibt's nicht mehr, nur noch Handy {p1_phone}. Die Kaution soll {p3} (⟦unser Vermieter|die Hausverwaltung⟧) bitte auf {p1_iban} überweisen - kannst du {p3_given} das ausrichten? Du kennst ihn ja besser.\n\nLG {p1_nick}",
            "Hey {p1_given}, glückwunsch zur neuen Wohnung! Ich sag {p3_sur} Bescheid. Übrigens: {p4} hat nach deiner privaten Mail gefragt, ich hab ihr {p1_obf} gegeben, okay?\n\nBis Samstag!",
        ],
    },
]
EMAIL_TOPICS["fr"] = [
    {
        "subject": "⟦Dossier d'embauche - {p1}|Pièces pour la paie|RE: votre arrivée le {date1}⟧",
        "msgs": [
            "Bonjour {p2_tsur},\n\nComme convenu, voici mes informations pour la paie :\n\nNom : {p1_caps}\nNé{p1_e} le : {p1_dob}\nAdresse : {p1_addr}\nN° de sécurité sociale : {p1_nir}\nIBAN : {p1_iban}\nPortable : {p1_phone}\n\nJe commence le {date1_long}. Je vous apporterai l'attestation de carte Vitale.\n\nCordialement,",
            "Bonjour {p1_given},\n\nMerci, tout est complet. Ces données sont traitées sur le fondement de l'{law1} pour la seule gestion de la paie. Votre responsable sera {p3} ; {p3_he} vous accueillera le {date1_long} à 9 h.\n\nBien cordialement,",
            "Merci {p2_given} ! Personne à prévenir en cas d'urgence : {p4}, {p4_phone}.\n\nBonne journée,",
        ],
    },
    {
        "subject": "⟦Déclaration de sinistre dégât des eaux|Sinistre n° {claim1}|Contrat {policy1}⟧",
        "msgs": [
            "Madame, Monsieur,\n\nJe vous déclare un dégât des eaux survenu le {date1_long} dans mon logement assuré par le contrat {policy1}. La fuite provient de l'appartement du dessus, occupé par {p3_tfull}.\n\nAssuré{p1_e} : {p1_caps}\nAdresse du risque : {p1_addr}\nTéléphone : {p1_phone}\n\nLe devis du plombier s'élève à {amt1}. Merci de verser l'indemnité sur le compte {p1_iban}.\n\nVeuillez agréer, Madame, Monsieur, mes salutations distinguées.",
            "{p1_dear},\n\nVotre sinistre est enregistré sous le numéro {claim1}. Conformément à l'{law1}, nous vous remercions de nous adresser le constat amiable signé par {p3_tsur} ainsi que les photos.\n\nCordialement,",
            "Bonjour,\n\nCi-joint le constat. {p3_given} {p3_sur} est joignable au {p3_phone} ou par mail : {p3_obf}.\n\nCordialement,",
        ],
    },
    {
        "subject": "⟦Report de rendez-vous|RDV du {date1} - {p4_caps}|Compte rendu de consultation⟧",
        "msgs": [
            "Bonjour,\n\nJe souhaite reporter le rendez-vous de mon {p4_kin} avec le {p3_drfull}. Patient : {p4_caps}, {p4_born} {p4_dob}, {p4_mrnlabel} {p4_mrn}. Il est hospitalisé depuis une chute et ne pourra pas venir le {date1}. Le suivi concerne : {epo1}.\n\nVous pouvez me joindre au {p1_phone}.\n\nMerci d'avance,",
            "Bonjour {p1_tsur},\n\nC'est noté, j'ai déplacé le rendez-vous de M. {p4_sur} au {date2_long} à 10 h 40. Le {p3_drsur} relira aussi le courrier de l'hôpital.\n\nBien à vous,\nLe secrétariat",
        ],
        "setup": _force(p4={"sex": "m"}),
    },
    {
        "subject": "⟦Changement d'adresse|Déménagement !|On a déménagé⟧",
        "work": (False, False),
        "msgs": [
            "Coucou {p2_nick},\n\nOn a enfin déménagé ! Nouvelle adresse :\n\n{p1_block}\n\nMon nouveau numéro : {p1_phone}. Tu peux dire à {p3} que le carton de livres est chez nous ? {p3_given} n'a pas mon mail, donne-lui {p1_obf}.\n\nBises,\n{p1_nick}",
            "Super nouvelle {p1_given} ! Je préviens {p3_given} ce soir. On passe samedi avec un pack de {brand1_drink}.\n\nBisous",
        ],
    },
]
EMAIL_TOPICS["es"] = [
    {
        "subject": "⟦Documentación para nóminas|Alta en plantilla - {p1}|RE: incorporación el {date1}⟧",
        "msgs": [
            "Hola {p2_given}:\n\nTe paso mis datos para el alta:\n\nNombre y apellidos: {p1}\nFecha de nacimiento: {p1_dob}\n⟦DNI|NIF⟧: {p1_esid}\nDomicilio: {p1_addr}\nIBAN: {p1_iban}\nMóvil: {p1_phone}\n\nEmpiezo el {date1_long}. Un saludo,",
            "Hola, {p1_given}:\n\nRecibido, gracias. Tratamos estos datos según el {law1} solo para la gestión de nóminas. Tu responsable será {p3}; {p3_given} te esperará en recepción el {date1_long} a las 9:00.\n\nSaludos cordiales,",
            "Gracias, {p2_given}. Contacto de emergencia: {p4} ({p4_kin}), {p4_phone}.\n\nUn abrazo,",
        ],
    },
    {
        "subject": "⟦Parte de siniestro - daños por agua|Siniestro {claim1}|Póliza {policy1}⟧",
        "msgs": [
            "Buenos días:\n\nLes comunico un siniestro por daños por agua ocurrido el {date1_long} en mi vivienda, asegurada con la póliza {policy1}. El agua procede del piso de arriba, de {p3_tfull}.\n\nTomador{p1_e}: {p1_caps}\nDomicilio: {p1_addr}\nTeléfono: {p1_phone}\n\nEl presupuesto de reparación asciende a {amt1}. Ruego ingresen la indemnización en la cuenta {p1_iban}.\n\nAtentamente,",
            "{p1_dear}:\n\nSu siniestro ha quedado registrado con el número {claim1}. De acuerdo con la {law1}, le rogamos nos envíe fotografías y la factura. Un perito contactará con usted y con {p3_tsur}.\n\nReciba un cordial saludo,",
            "Buenas tardes:\n\nAdjunto las fotos. El vecino, {p3_given}, tiene el teléfono {p3_phone}.\n\nGracias,",
        ],
    },
    {
        "subject": "⟦Cambio de cita|Cita del {date1} - {p4_caps}|Informe de consulta⟧",
        "msgs": [
            "Buenos días:\n\nQuería cambiar la cita de mi {p4_kin} con {p3_drfull}. Paciente: {p4_caps}, {p4_born} {p4_doblong}, {p4_mrnlabel} {p4_mrn}, DNI {p4_dni}. No puede venir el {date1} porque está ingresad{p4_o} tras una caída. Es la revisión de su {epo1}.\n\nMi teléfono es el {p1_phone}.\n\nMuchas gracias,",
            "Hola, {p1_given}:\n\nHe pasado la cita de {p4_given} al {date2_long} a las 10:40. {p3_drsur} revisará también el informe del hospital.\n\nUn saludo,\nSecretaría",
        ],
    },
    {
        "subject": "⟦Nueva dirección|¡Nos mudamos!|Mudanza⟧",
        "work": (False, False),
        "msgs": [
            "¡Hola {p2_nick}!\n\nYa estamos en el piso nuevo:\n\n{p1_block}\n\nMi móvil sigue siendo el {p1_phone}. ¿Le dices a {p3} que le devuelvo la taladradora el sábado? Si quiere escribirme, que use {p1_obf}.\n\nBesos,\n{p1_nick}",
            "¡Enhorabuena, {p1_given}! Se lo digo a {p3_nick} esta noche. Llevamos una botella de {brand1_drink} para brindar.\n\nUn beso",
        ],
    },
]
EMAIL_TOPICS["it"] = [
    {
        "subject": "⟦Documenti per l'assunzione|Dati anagrafici - {p1}|R: inizio rapporto il {date1}⟧",
        "msgs": [
            "Buongiorno {p2_tsur},\n\ncome richiesto le invio i miei dati:\n\nCognome e nome: {p1_caps}\n{p1_born} {p1_dob} a {p1_bplace}\nCodice fiscale: {p1_cf}\nResidenza: {p1_addr}\nIBAN: {p1_iban}\nCellulare: {p1_phone}\n\nInizio il {date1_long}.\n\nCordiali saluti,",
            "Gentile {p1_given},\n\ngrazie, è tutto completo. I dati sono trattati ai sensi dell'{law1} esclusivamente per la gestione del personale. Il suo responsabile sarà {p3}; {p3_given} la aspetterà in reception il {date1_long} alle 9.\n\nCordiali saluti,",
            "Grazie {p2_given}. Contatto di emergenza: {p4} ({p4_kin}), {p4_phone}.\n\nSaluti,",
        ],
    },
    {
        "subject": "⟦Denuncia sinistro - danni da acqua|Sinistro n. {claim1}|Polizza {policy1}⟧",
        "msgs": [
            "Spett.le Compagnia,\n\ncon la presente denuncio un sinistro per danni da acqua avvenuto il {date1_long} nella mia abitazione, assicurata con polizza {policy1}. La perdita proviene dall'appartamento di {p3_tfull}.\n\nContraente: {p1_caps}\nIndirizzo: {p1_addr}\nTelefono: {p1_phone}\n\nIl preventivo ammonta a {amt1}. Vi prego di accreditare il rimborso sull'IBAN {p1_iban}.\n\nDistinti saluti,",
            "{p1_dear},\n\nil sinistro è stato registrato con il numero {claim1}. Ai sensi dell'{law1} le chiediamo di inviarci foto e fattura. Il perito contatterà lei e {p3_tsur}.\n\nCordiali saluti,",
            "Buonasera,\n\nin allegato le foto. Il numero di {p3_given} è {p3_phone}.\n\nGrazie,",
        ],
    },
    {
        "subject": "⟦Spostamento visita|Visita del {date1} - {p4_caps}|Referto⟧",
        "msgs": [
            "Buongiorno,\n\nvorrei spostare la visita di mi{p4_o} {p4_kin} con {p3_drfull}. Paziente: {p4_caps}, {p4_born} {p4_dob}, {p4_mrnlabel} {p4_mrn}, C.F. {p4_cf}. Non può venire il {date1} perché è ricoverat{p4_o} dopo una caduta. Si tratta del controllo (diagnosi: {epo1}).\n\nMi potete chiamare al {p1_phone}.\n\nGrazie mille,",
            "Gentile {p1_tsur},\n\nho spostato la visita di {p4_given} al {date2_long} alle 10:40. {p3_drsur} leggerà anche la lettera di dimissione.\n\nCordiali saluti,\nSegreteria",
        ],
    },
    {
        "subject": "⟦Nuovo indirizzo|Trasloco fatto!|Cambio indirizzo⟧",
        "work": (False, False),
        "msgs": [
            "Ciao {p2_nick}!\n\nCi siamo trasferiti, ecco il nuovo indirizzo:\n\n{p1_block}\n\nIl cellulare resta {p1_phone}. Puoi dire a {p3} che il regalo di {p4_given} è da noi? Per scrivermi usate pure {p1_obf}.\n\nUn abbraccio,\n{p1_nick}",
            "Che bello {p1_given}! Lo dico a {p3_nick} stasera. Sabato portiamo qualcosa di {brand1_food}.\n\nBaci",
        ],
    },
]
EMAIL_TOPICS["nl"] = [
    {
        "subject": "⟦Gegevens voor de salarisadministratie|Indiensttreding {p1}|RE: startdatum {date1}⟧",
        "msgs": [
            "Beste {p2_given},\n\nHierbij mijn gegevens voor de loonadministratie:\n\nNaam: {p1_rev}\nGeboortedatum: {p1_dob}\nBSN: {p1_bsn}\nAdres: {p1_addr}\nIBAN: {p1_iban}\nMobiel: {p1_phone}\n\nIk begin op {date1_long}.\n\nMet vriendelijke groet,",
            "Beste {p1_given},\n\nDank je, alles is compleet. We verwerken deze gegevens op grond van {law1} alleen voor de salarisadministratie. Je leidinggevende wordt {p3}; {p3_given} haalt je op {date1_long} om 9.00 uur op bij de receptie.\n\nGroet,",
            "Hoi {p2_given}, nog even: contactpersoon in noodgevallen is {p4} ({p4_kin}), {p4_phone}.\n\nGroetjes,",
        ],
    },
    {
        "subject": "⟦Schademelding waterschade|Schadenummer {claim1}|Polis {policy1}⟧",
        "msgs": [
            "Geachte heer/mevrouw,\n\nHierbij meld ik waterschade die op {date1_long} is ontstaan in mijn woning (polis {policy1}). Het lek komt uit de bovenwoning van {p3_tfull}.\n\nVerzekeringnemer: {p1_caps}\nAdres: {p1_addr}\nTelefoon: {p1_phone}\n\nDe offerte van de loodgieter bedraagt {amt1}. Graag de uitkering overmaken naar {p1_iban}.\n\nMet vriendelijke groet,",
            "{p1_dear},\n\nUw schade is geregistreerd onder nummer {claim1}. Op grond van {law1} vragen wij u om foto's en de factuur. Onze expert neemt contact op met u en met {p3_tsur}.\n\nMet vriendelijke groet,",
            "Goedemiddag,\n\nFoto's bijgevoegd. {p3_given} is bereikbaar op {p3_phone}.\n\nGroet,",
        ],
    },
    {
        "subject": "⟦Afspraak verzetten|Afspraak {date1} - {p4_caps}|Verwijsbrief⟧",
        "msgs": [
            "Goedemorgen,\n\nIk wil de afspraak van mijn {p4_kin} bij {p3_drfull} verzetten. Patiënt: {p4_caps}, geb. {p4_dob}, {p4_mrnlabel} {p4_mrn}, BSN {p4_bsn}. Op {date1} lukt het niet, {p4_he} ligt na een val in het ziekenhuis. Het gaat om de controle ({epo1}).\n\nU kunt mij bellen op {p1_phone}.\n\nAlvast bedankt,",
            "Beste {p1_tsur},\n\nIk heb de afspraak van {p4_given} verzet naar {date2_long} om 10.40 uur. {p3_drsur} kijkt ook naar de ontslagbrief.\n\nMet vriendelijke groet,\nPolikliniek",
        ],
    },
    {
        "subject": "⟦Nieuw adres|Verhuisd!|We zijn verhuisd⟧",
        "work": (False, False),
        "msgs": [
            "Hoi {p2_nick},\n\nWe zijn verhuisd! Nieuw adres:\n\n{p1_block}\n\nMijn nummer blijft {p1_phone}. Wil je tegen {p3} zeggen dat de boormachine hier ligt? {p3_given} kan me mailen op {p1_obf}.\n\nLiefs,\n{p1_nick}",
            "Gefeliciteerd {p1_given}! Ik zeg het vanavond tegen {p3_nick}. Zaterdag nemen we {brand1} mee.\n\nXx",
        ],
    },
]


def loc(uk: str, us: str) -> Callable[[Ctx], str]:
    return lambda c: us if c.locale == "us" else uk


TEMPLATES: dict[str, dict[str, list[Any]]] = {k: {} for k in ("insurance_claim", "prescription", "bank_letter", "hr_form", "court_filing", "call_notes", "support_ticket")}

TEMPLATES["insurance_claim"]["en"] = [
    "{co1_ins}\n⟦CLAIM FORM - HOME INSURANCE|Motor claim notification|Contents claim form⟧\n\nPolicy number: {policy1}\nClaim reference: {claim1}\n\n1. POLICYHOLDER\nName: {p1_caps}\nDate of birth: {p1_dob}\nAddress: {p1_addr}\nTelephone: {p1_phone}   E-mail: {p1_email}\n\n2. WHAT HAPPENED\nDate of loss: {date1}\n⟦While I was parked outside the {brand1_fast} drive-through, a van driven by {p2} reversed into my car. {p2_given} gave me {p2_his} number ({p2_phone}) and accepted it was {p2_his} fault.|Our house was broken into while we were away. Taken: a laptop, my late mother's rings and a bottle of {brand1_drink}. Reported to police; crime reference {case1}. Our neighbour {p2} ({p2_phone}) noticed the broken window.⟧\n\n3. PAYMENT\n⟦Please pay by bank transfer. Account holder: {p1}. IBAN: {p1_iban}|Please refund the excess to the card I paid with: {p1_card}⟧\n\nEstimated amount: {amt1}\n\nI declare that the information given is true and complete.\nSigned: {p1}          Date: {date2}",
    "TRAVEL INSURANCE - MEDICAL EXPENSES CLAIM\nPolicy {policy1}   |   Claim {claim1}\n\nInsured person: {p1_rev}\nDOB: {p1_dob}\nHome address:\n{p1_block}\nContact number: {p1_phone}\n\nTreating hospital: Hospital Universitario de la Paz, Madrid\nHospital record no.: {p1_mrn}\nDiagnosis: ⟦fractured wrist; known {epo1}|acute appendicitis|suspected {epo1}, admitted for observation⟧\nDates of treatment: {date1} to {date2}\nAmount paid locally: {amt1} (card ending {last1})\n\nWas anyone travelling with you? ⟦Yes - my {p2_kin}, {p2_lower}, mobile {p2_phone}|No⟧\n\nReimbursement to: {p1_iban}\n\nSignature: {p1_init}",
]
TEMPLATES["prescription"]["en"] = [
    loc(
        "NORTHGATE HEALTH NHS TRUST - Outpatient Pharmacy\nPRESCRIPTION\n\nPatient: {p1_caps}     DOB: {p1_dob}\nNHS number: {p1_nhs}     Hospital no.: {p1_mrn}\nAddress: {p1_addr}\n\nRx\n1. Co-careldopa 25 mg/100 mg tablets - ONE tablet THREE times a day (for {epo1})\n2. Omeprazole 20 mg capsules - ONE each morning\n3. ⟦Paracetamol 500 mg - TWO up to four times a day|Adcal-D3 chewable - ONE twice daily⟧\n\nAllergies: ⟦penicillin|none known|latex⟧\nPrescriber: {p2_drfull}, Consultant Neurologist\nDate: {date1}\n\nPlease collect from the ground-floor pharmacy. Queries: call the ward on {p2_tel}.",
        "Riverside Family Practice\n\nRx  -  {date1}\n\nName: {p1_upper}\nDOB: {p1_dob}     {p1_mrnlabel} {p1_mrn}\nAddress: {p1_addr}\nPhone: {p1_phone}\n\nAdalimumab 40 mg/0.4 mL pen - inject 40 mg SC every other week (Dx: {epo1})\nDisp: 2 pens. Refills: 5\n\nSubstitution permitted: ⟦yes|no⟧\n\n{p2_drfull}, MD\nDEA # on file. Pharmacy questions: {p2_tel}\n\nPt counselled re: injection technique with ⟦husband|wife|daughter|son⟧ {p3_given} present.",
    ),
]
TEMPLATES["bank_letter"]["en"] = [
    "{co1_bank}\nCard Services\n\n{p1_tfull}\n{p1_block}\n\n{date1_long}\n\nOur reference: {ref1}\n\n{p1_dear}\n\nDisputed card transaction\n\nThank you for telling us about the payment of {amt1} to {brand1_shop} on {date2}, made with your card ending {last1}. We have temporarily credited this amount to your account {p1_iban} while we investigate.\n\nYour replacement card {mask1} will arrive within five working days. The old card has been cancelled.\n\nIf you did not authorise this payment or have any questions, please call us on the number on the back of your card.\n\nYours sincerely,\n\n{p2}\nFraud & Disputes Team",
    "{co1_bank}\n\nPRIVATE & CONFIDENTIAL\n{p1_upper}\n{p1_block}\n\n{date1}\n\n{p1_dear},\n\nYour joint account with {p3}\n\nWe are writing to confirm that, following the instructions signed by you and {p3_tsur} on {date2}, the joint account {p1_iban} will be converted into a sole account in your name. {p3_given} will no longer be able to make payments from it.\n\nAny standing orders set up by {p3_given} (for example the monthly {amt1} to {brand1_shop}) will be cancelled. Please check the enclosed statement.\n\nIf you have questions, call {p2} on {p2_tel}, quoting reference {ref1}.\n\nYours faithfully,\n{p2_init}\nBranch Manager",
]
TEMPLATES["hr_form"]["en"] = [
    (_force(p1={"nick": True}), "EMPLOYEE DETAILS FORM - CONFIDENTIAL\n\nSURNAME: {p1_surup}\nForename(s): {p1_given}\nPreferred name: {p1_nick}\nDate of birth: {p1_dob}     Sex: {p1_sex}\nHome address:\n{p1_block}\nPersonal e-mail: {p1_email}\nMobile: {p1_phone}\n{p1_nidlabel}: {p1_nid}\n\nBANK DETAILS\nAccount name: {p1}\n⟦IBAN: {p1_iban}|Card for expenses (company card will follow): n/a⟧\n\nEMERGENCY CONTACT\nName: {p2} ({p2_kin})\nPhone: {p2_phone}\n\nEMPLOYMENT\nStart date: {date1}   Salary: {amt1} p.a.\nLine manager: {p3_rev}\n\nHealth (optional): {epo1} - adjustments agreed under {law1}.\n\nSigned: {p1}   Date: {date2}"),
    (_force(p1={"nick": True}), "New hire checklist - {p1_upper}\n\n[x] Offer letter signed ({date1})\n[x] Right to work checked - passport seen by {p2_given}\n[x] {p1_nidlabel} recorded: {p1_nid}\n[x] DOB: {p1_dob}\n[ ] Laptop ordered (ticket {ticket1})\n[x] Payroll: ⟦{p1_iban}|direct deposit form received⟧\n[ ] Buddy assigned: {p3}\n\nNotes: {p1_given} prefers to be called {p1_nick}. Home address for the welcome pack: {p1_addr}. Partner {p4} may call on {p4_phone} if {p1_given} is unreachable."),
]
TEMPLATES["court_filing"]["en"] = [
    loc(
        "IN THE COUNTY COURT AT ⟦CENTRAL LONDON|MANCHESTER|LEEDS⟧\nClaim No. {case1}\n\nBETWEEN:\n\n{p1_upper}\nClaimant\n\n- and -\n\n{co1}\nDefendant\n\nPARTICULARS OF CLAIM\n\n1. The Claimant, {p1}, of {p1_addr}, was employed by the Defendant from {date1} until {date2}.\n2. The Claimant was diagnosed with {epo1} and asked for reasonable adjustments. The Defendant's manager, {p2}, refused. The dismissal was unfair within {law1}.\n3. The Claimant claims damages of {amt1}.\n\nStatement of truth: I believe that the facts stated in these particulars of claim are true.\n\nSigned: {p3}, solicitor for the Claimant\n{p3_wemail}\n{p3_tel}",
        "UNITED STATES DISTRICT COURT\n⟦NORTHERN DISTRICT OF ILLINOIS|DISTRICT OF MASSACHUSETTS|WESTERN DISTRICT OF WASHINGTON⟧\n\n{p1_upper},\n        Plaintiff,\n    v.                                   Case No. {case1}\n{co1} and {p2_upper},\n        Defendants.\n\nCOMPLAINT AND JURY DEMAND\n\n1. Plaintiff {p1} is an individual residing at {p1_addr}.\n2. Defendant {p2} is the regional manager of {co1}. Upon information and belief, {p2_sur} resides in ⟦Cook County|Suffolk County|King County⟧.\n3. This action arises under {law1}. On {date1}, Plaintiff, then on leave for treatment of {epo1}, was terminated.\n4. {p2_sur} told Plaintiff by e-mail sent from {p2_email} that the position \"no longer existed\".\n\nRespectfully submitted,\n/s/ {p3}\n{p3}\nCounsel for Plaintiff\n{p3_wemail} | {p3_tel}",
    ),
    "MASTER SERVICES AGREEMENT (extract)\n\n14. NOTICES\n14.1 Any notice given under this Agreement shall be in writing and delivered by hand, by recorded delivery or by e-mail to the address of the relevant party set out below, or such other address as that party may notify to the other:\n\n(a) the Supplier: {co1}, for the attention of {p1}, {p1_addr}, e-mail: {p1_wemail};\n(b) the Customer: attention {p2_caps}, {p2_addr}, e-mail: {p2_email}⟦?; with a copy (which shall not constitute notice) to {p3_rev}, {p3_wemail}⟧.\n\n14.2 A notice delivered by hand is deemed received on delivery; a notice sent by e-mail at 9.00 am on the next Business Day after transmission.\n\n15. DATA PROTECTION\n15.1 Each party shall comply with {law1}. Personal data of the Customer's staff (including {p2_given}'s contact details above) shall be processed only to perform this Agreement.\n\nSigned for and on behalf of the Supplier: {p1_upper}, Director      Date: {date1}\nSigned by the Customer: {p2_upper}      Date: {date2}",
]
TEMPLATES["call_notes"]["en"] = [
    "CALL NOTES {date1} 14:20 (inbound)\ncaller: {p1_lower}, policyholder\nID&V: DOB {p1_dob} ok, postcode ok, card ending {last1}⟦?: (cust read out full no. {p1_card} - told not to)⟧\nissue: claim {claim1} - says payout not received. checked: paid {date2} to acct ending {last2}? cust says old acct - new IBAN {p1_iban}\ncb no: {p1_phone} (after 5pm)\nalt email: {p1_obf}\nspoke to {p2_given} in claims ({p2_rev}) - will reissue\nalso mentioned {p1_his} {p1_kin} {p3} is POA - asked to send the form to {p3_given} at {p3_addr}\nnext: reissue + letter. -{p4_given}",
    "Telephone attendance note\nDate: {date1}    Fee earner: {p2}\nClient: {p1_caps}    Matter: {case1}\n\nClient called. {p1_He} has received the defence from {p3}'s solicitors. Discussed {law1} and likely costs. Client's new mobile is {p1_phone}; personal e-mail {p1_email} (do not use work address). {p1_given} confirmed DOB {p1_dob} for the court forms.\n\nClient mentioned {p1_his} diagnosis of {epo1}; may affect hearing dates.\n\nTime: 0.4 h",
]
TEMPLATES["support_ticket"]["en"] = [
    "Ticket {ticket1}  |  Priority: High  |  Status: Open\nCreated: {hdate1}\nRequester: {p1_rev} <{p1_email}>\nAssignee: {p2}\nSubject: Refund not received for order {order1}\n\n--- Customer message ---\nHi, I ordered a {brand1_shop} gift set on {date1} (order {order1}) and returned it. Still no refund of {amt1} to my card ending {last1}⟦?40: (full number {p1_card} if you need it)⟧. Please call me: {p1_phone}.\n{p1_given}\n\n--- Internal note ({p2_given}) ---\nRequest came from IP {p1_ip}. Address on file: {p1_addr}. Customer verified with DOB {p1_dob}. Escalated to payments.",
    "#{ticket1} - Account locked\nfrom {p1_upper} <{p1_email}> via web form\n\nhello, my account is locked after I changed my e-mail. old address: {p1_obf}. my name is {p1_lower}, ⟦account holder since 2019|customer no. on the letter is below⟧. you can also reach me on {p1_phone}.\n\n-- reply from {p2} (Support) --\nHi {p1_given}, thanks for your patience. For security, please confirm the last four digits of the card on file ({mask1} is what we see) and your date of birth.\n\n-- reply from {p1_given} --\nDOB {p1_dob}. Card ends {last1}. Thanks!",
]

TEMPLATES["insurance_claim"]["de"] = [
    "{co1_ins}\nSchadenanzeige ⟦Hausrat|Kfz-Haftpflicht|Leitungswasser⟧\n\nVersicherungsschein-Nr.: {policy1}\nSchaden-Nr.: {claim1}\n\nVersicherungsnehmer/in\nName, Vorname: {p1_rev}\nGeburtsdatum: {p1_dob}\nAnschrift: {p1_addr}\nTelefon: {p1_phone}\nE-Mail: {p1_email}\n\nSchadentag: {date1}\nSchilderung: ⟦Beim Ausparken auf dem Parkplatz vor dem Getränkemarkt ist mir {p2} mit {p2_his}em Transporter in die Seite gefahren. {p2_tsur} hat den Schaden sofort zugegeben (Tel. {p2_phone}).|Einbruch in unsere Wohnung während des Urlaubs. Entwendet wurden ein Laptop, Schmuck und eine Flasche {brand1_drink}. Anzeige bei der Polizei erstattet, Tagebuch-Nr. {case1}.⟧\n\nGeschätzte Schadenhöhe: {amt1}\n\nBankverbindung für die Entschädigung\nKontoinhaber: {p1}\nIBAN: {p1_iban}\n\nIch versichere, die Angaben wahrheitsgemäß gemacht zu haben. Mir ist bekannt, dass falsche Angaben nach {law1} zum Verlust des Versicherungsschutzes führen können.\n\n{p1_bplace}, den {date2}          {p1}",
    "Antrag auf Kostenerstattung - private Krankenversicherung\nVersicherungsnummer: {policy1}\n\nVersicherte Person: {p1_caps}, geb. {p1_dob}\nAnschrift:\n{p1_block}\nKrankenversichertennummer (GKV-Zusatz): {p1_kvnr}\n\nBehandelnder Arzt: {p2_drfull}, Facharzt für Innere Medizin\nDiagnose: {epo1}\nBehandlungszeitraum: {date1} bis {date2}\nRechnungsbetrag: {amt1}\nKlinik-Fallnummer: {p1_mrn}\n\nErstattung auf: {p1_iban}\n\nRückfragen bitte an {p1_phone} oder {p1_obf}.",
]
TEMPLATES["prescription"]["de"] = [
    "Krankenkasse bzw. Kostenträger: Nordstern Krankenversicherung\nName, Vorname des Versicherten: {p1_rev}\ngeb. am {p1_dob}\n{p1_block}\nVersicherten-Nr.: {p1_kvnr}     Status: 1000001\nBetriebsstätten-Nr.: 721234500   Datum: {date1}\n\nRp.\n1. Levodopa/Benserazid 100 mg/25 mg, 100 Tbl. N3 - 1-1-1 (bei {epo1})\n2. Pantoprazol 20 mg, 60 Tbl. N2 - 1-0-0\n3. ⟦Ibuprofen 600 mg, 20 Tbl. N1 - bei Bedarf|Vitamin D3 20.000 I.E., 10 Kps. - 1x wöchentlich⟧\n\n{p2_drfull}\nFachärztin/Facharzt für Neurologie\n{p2_block}\nTel. {p2_tel}",
    "Entlassmedikation - Klinikum Nordheim, Station 4B\n\nPatient/in: {p1_caps}\ngeb.: {p1_dob}     {p1_mrnlabel} {p1_mrn}\nHausarzt: {p3_drfull}\n\nDiagnosen: {epo1}; Z. n. Sturz\n\nMedikation bei Entlassung am {date1}:\n- Metoprolol 47,5 mg 1-0-1\n- Apixaban 5 mg 1-0-1\n- Mesalazin 500 mg 2-2-2\n\nRücksprache mit Angehörigen ({p4}, {p4_phone}) erfolgt. Nächster Kontrolltermin: {date2}.\n\ngez. {p2_drsur}, Stationsärztin/Stationsarzt",
]
TEMPLATES["bank_letter"]["de"] = [
    "{co1_bank} · Kundenservice\n\n{p1_tfull}\n{p1_block}\n\n{date1_long}\n\nUnser Zeichen: {ref1}\n\nReklamation einer Kartenzahlung\n\n{p1_dear},\n\nvielen Dank für Ihren Hinweis zur Zahlung über {amt1} an {brand1_shop} vom {date2} mit Ihrer Karte mit der Endziffer {last1}. Wir haben den Betrag Ihrem Konto {p1_iban} vorläufig gutgeschrieben.\n\nIhre neue Karte ({mask1}) erhalten Sie in den nächsten Tagen. Die alte Karte ist gesperrt.\n\nMit freundlichen Grüßen\n\n{p2}\nKartenservice",
    "{co1_bank}\n\nPersönlich / Vertraulich\n{p1_upper}\n{p1_block}\n\n{date1}\n\nIhr Gemeinschaftskonto mit {p3}\n\n{p1_dear},\n\nwie am {date2} von Ihnen und {p3_tsur} unterschrieben, wird das Gemeinschaftskonto {p1_iban} ab sofort als Einzelkonto auf Ihren Namen geführt. {p3_given} ist nicht mehr verfügungsberechtigt. Daueraufträge, die {p3_given} angelegt hat (z. B. monatlich {amt1}), werden gelöscht.\n\nFragen beantwortet Ihnen {p2} unter {p2_tel}.\n\nMit freundlichen Grüßen\n{p2_init}\nFilialleitung",
]
TEMPLATES["hr_form"]["de"] = [
    "Personalfragebogen\n\nName: {p1_surup}\nVorname: {p1_given}\nGeburtsdatum: {p1_dob}     Geburtsort: {p1_bplace}\nGeschlecht: {p1_sex}\nAnschrift:\n{p1_block}\nTelefon privat: {p1_phone}\nE-Mail privat: {p1_email}\n\nSteuer-Identifikationsnummer: {p1_steuer}\nSozialversicherungsnummer: {p1_svnr}\nKrankenkasse: Nordstern, Versichertennr. {p1_kvnr}\nBankverbindung (IBAN): {p1_iban}\n\nSchwerbehinderung: ⟦nein|ja, GdB 50 ({epo1})⟧\nEintrittsdatum: {date1}     Bruttogehalt: {amt1}\nVorgesetzte/r: {p3_rev}\n\nIm Notfall zu benachrichtigen: {p2} ({p2_kin}), {p2_phone}\n\nDie Daten werden gemäß {law1} verarbeitet.\n{p1_bplace}, {date2}     Unterschrift: {p1}",
    (_force(p1={"nick": True}), "Checkliste Onboarding - {p1_upper}\n\n[x] Arbeitsvertrag unterschrieben ({date1})\n[x] Steuer-ID erhalten: {p1_steuer}\n[x] SV-Nummer: {p1_svnr}\n[ ] Notebook bestellt (Ticket {ticket1})\n[x] IBAN für Gehalt: {p1_iban}\n[ ] Pate: {p3}\n\nBemerkung: {p1_given} möchte mit {p1_nick} angesprochen werden. Willkommenspaket an {p1_addr}. Notfallkontakt: {p4}, {p4_phone}."),
]
TEMPLATES["court_filing"]["de"] = [
    "Landgericht ⟦München I|Köln|Hamburg|Frankfurt am Main⟧\nAz. {case1}\n\nKLAGE\n\nin dem Rechtsstreit\n\n{p1_caps}, {p1_addr},\n- Kläger{p1_in} -\n\nProzessbevollmächtigte: RA {p3_drfull}, Lindqvist & Partner mbB\n\ngegen\n\n{p2}, {p2_addr},\n- Beklagte/r -\n\nwegen Schadensersatz aus {law1}\n\nNamens und in Vollmacht der Klagepartei erheben wir Klage und beantragen, die/den Beklagte/n zu verurteilen, an die Klagepartei {amt1} nebst Zinsen zu zahlen.\n\nBegründung:\nAm {date1} stürzte {p1_tsur} auf dem nicht geräumten Gehweg vor dem Grundstück der beklagten Partei. {p2_tsur} war als Eigentümer{p2_in} zur Räumung verpflichtet. Beweis: Zeugnis von {p4}, zu laden über {p4_addr}.\n\n{p3}\nRechtsanwalt{p3_in}",
    "Arbeitsgericht ⟦Berlin|Stuttgart|Düsseldorf⟧ - Az. {case1}\n\nKündigungsschutzklage\n\nin Sachen {p1_caps}, geb. {p1_dob}, wohnhaft {p1_addr}\n\ngegen die {co1}, vertreten durch {p2_upper}\n\nDie Kündigung vom {date1} ist sozial ungerechtfertigt ({law1}). Die Klägerseite ist seit {date2} beschäftigt und an {epo1} erkrankt; die Arbeitgeberin kannte die Erkrankung.\n\nZustellung bitte an: {p3_wemail}, Tel. {p3_tel}",
]
TEMPLATES["call_notes"]["de"] = [
    "Gesprächsnotiz {date1}, 14:20 Uhr\nAnrufer: {p1_lower} (VN)\nLegitimation: Geb.-Datum {p1_dob} ok, PLZ ok\nAnliegen: Schaden {claim1}, Auszahlung nicht angekommen. Geprüft: überwiesen am {date2}. VN sagt altes Konto - neue IBAN {p1_iban}\nRückruf unter {p1_phone} (ab 17 Uhr)\nprivate Mail: {p1_obf}\nRücksprache mit {p2_given} aus der Schadenabteilung ({p2_rev}) - wird neu angewiesen\n{p1_given} erwähnt Vollmacht für {p3} ({p1_kin}), Formular an {p3_addr}\nWV in 1 Woche. -{p4_given}",
    "Telefonnotiz\nDatum: {date1}     Sachbearbeiter/in: {p2}\nMandant/in: {p1_caps}     Az. {case1}\n\nMandant ruft an, hat die Klageerwiderung von RA {p3} erhalten. Besprochen: {law1}, Kostenrisiko. Neue Handynummer {p1_phone}; private E-Mail {p1_email} (nicht die dienstliche!). Geburtsdatum für PKH-Antrag: {p1_dob}. {p1_given} erwähnt Diagnose {epo1}, ggf. Terminverlegung beantragen.\n\nDauer: 12 Min.",
]
TEMPLATES["support_ticket"]["de"] = [
    "Ticket {ticket1} | Priorität: Hoch | Status: Offen\nErstellt: {hdate1}\nAnfragende/r: {p1_rev} <{p1_email}>\nBearbeiter/in: {p2}\nBetreff: Erstattung für Bestellung {order1} fehlt\n\n--- Kundennachricht ---\nHallo, ich habe am {date1} ein {brand1_shop}-Geschenkset bestellt (Bestellung {order1}) und zurückgeschickt. Die Erstattung von {amt1} auf meine Karte mit Endung {last1} ist noch nicht da⟦?40: (komplette Nummer: {p1_card})⟧. Bitte rufen Sie mich an: {p1_phone}.\nGruß {p1_given}\n\n--- Interne Notiz ({p2_given}) ---\nAnfrage kam von IP {p1_ip}. Hinterlegte Adresse: {p1_addr}. Geb.-Datum {p1_dob} abgeglichen. An Zahlungsverkehr weitergeleitet.",
    "#{ticket1} - Konto gesperrt\nvon {p1_upper} <{p1_email}> über Kontaktformular\n\nhallo, mein kundenkonto ist gesperrt seit ich die mail-adresse geändert habe. alte adresse: {p1_obf}. ich heiße {p1_lower}. telefonisch bin ich unter {p1_phone} erreichbar.\n\n-- Antwort von {p2} (Support) --\nHallo {p1_tsur}, bitte bestätigen Sie zur Sicherheit die letzten vier Ziffern der hinterlegten Karte ({mask1}) und Ihr Geburtsdatum.\n\n-- Antwort von {p1_given} --\ngeb. {p1_dob}, Karte endet auf {last1}. Danke!",
]

TEMPLATES["insurance_claim"]["fr"] = [
    "{co1_ins}\nDÉCLARATION DE SINISTRE - ⟦HABITATION|AUTOMOBILE|DÉGÂT DES EAUX⟧\n\nN° de contrat : {policy1}\nN° de sinistre : {claim1}\n\nASSURÉ(E)\nNom, prénom : {p1_caps}\nNé{p1_e} le : {p1_dob}\nAdresse : {p1_addr}\nTél. : {p1_phone}\nCourriel : {p1_email}\n\nDate du sinistre : {date1}\nCirconstances : ⟦En reculant sur le parking du supermarché, le véhicule de {p2_tfull} a percuté ma portière. {p2_tsur} a reconnu sa responsabilité (tél. {p2_phone}).|Cambriolage pendant nos vacances : ordinateur portable, bijoux et une bouteille de {brand1_drink} dérobés. Plainte déposée, procès-verbal n° {case1}.⟧\n\nMontant estimé : {amt1}\n\nRèglement par virement sur le compte de {p1} :\nIBAN {p1_iban}\n\nJe certifie l'exactitude des renseignements ci-dessus. Toute fausse déclaration est sanctionnée conformément à l'{law1}.\n\nFait à {p1_bplace}, le {date2}\n{p1}",
    "Demande de remboursement - mutuelle santé\nAdhérent(e) : {p1_rev}\n{p1_born} {p1_doblong}\nN° de sécurité sociale : {p1_nir}\nAdresse :\n{p1_block}\n\nMédecin : {p2_drfull}\nPathologie : {epo1} (ALD)\nSoins du {date1} au {date2}\nReste à charge : {amt1}\n{p1_mrnlabel} {p1_mrn}\n\nVirement sur : {p1_iban}\nContact : {p1_phone} - {p1_obf}",
]
TEMPLATES["prescription"]["fr"] = [
    "{p2_drfull}\nMédecin généraliste - Conventionné secteur 1\n{p2_block}\nTél. {p2_tel}\n\nLe {date1_long}\n\n{p1_tfull}\n{p1_born} {p1_dob}\nN° SS : {p1_nir}\n\n1) Lévodopa/carbidopa 100 mg/10 mg : 1 cp matin, midi et soir (indication : {epo1})\n2) Oméprazole 20 mg : 1 gélule le matin\n3) ⟦Doliprane 1000 mg : 1 cp si douleur, 3 par jour max.|Kinésithérapie : 15 séances⟧\n\nQSP 3 mois. Renouvelable 2 fois.\n\nSignature",
    "CENTRE HOSPITALIER UNIVERSITAIRE - Service de neurologie\nORDONNANCE DE SORTIE\n\nPatient(e) : {p1_caps}\nDate de naissance : {p1_dob}     {p1_mrnlabel} {p1_mrn}\nMédecin traitant : {p3_drfull}\n\nDiagnostic : {epo1}\n\n- Riluzole 50 mg : 1 cp matin et soir\n- Baclofène 10 mg : 1 cp 3 fois par jour\n\nPersonne de confiance : {p4} ({p4_kin}), {p4_phone}.\nProchain rendez-vous : {date2}.\n\n{p2_drsur}, interne",
]
TEMPLATES["bank_letter"]["fr"] = [
    "{co1_bank}\nService Cartes\n\n{p1_tfull}\n{p1_block}\n\n{city1}, le {date1_long}\n\nRéf. : {ref1}\n\nObjet : contestation d'une opération par carte\n\n{p1_dear},\n\nNous accusons réception de votre contestation concernant le paiement de {amt1} au profit de {brand1_shop} du {date2}, effectué avec votre carte se terminant par {last1}. Le montant a été recrédité provisoirement sur votre compte {p1_iban}.\n\nVotre nouvelle carte ({mask1}) vous parviendra sous huit jours.\n\nNous vous prions d'agréer, {p1_title}, l'expression de nos salutations distinguées.\n\n{p2}\nService clientèle",
    "{co1_bank}\n\nPERSONNEL ET CONFIDENTIEL\n{p1_upper}\n{p1_block}\n\nLe {date1}\n\nObjet : votre compte joint avec {p3}\n\n{p1_dear},\n\nConformément aux instructions signées par vous-même et {p3_tsur} le {date2}, le compte joint {p1_iban} sera transformé en compte individuel à votre nom. {p3_given} ne pourra plus effectuer d'opérations. Les virements permanents mis en place par {p3_given} ({amt1} par mois) seront supprimés.\n\nPour toute question, contactez {p2} au {p2_tel}.\n\nCordialement,\n{p2_init}\nDirection d'agence",
]
TEMPLATES["hr_form"]["fr"] = [
    "FICHE DE RENSEIGNEMENTS - NOUVEL(LE) SALARIÉ(E)\n\nNOM : {p1_surup}\nPrénom(s) : {p1_given}\nNom d'usage : {p1_sur}\nDate et lieu de naissance : {p1_dob}, {p1_bplace}\nSexe : {p1_sex}\nAdresse :\n{p1_block}\nTél. portable : {p1_phone}\nE-mail personnel : {p1_email}\nN° de sécurité sociale : {p1_nir}\nRIB / IBAN : {p1_iban}\n\nDate d'entrée : {date1}    Salaire brut annuel : {amt1}\nResponsable : {p3_rev}\nPersonne à prévenir : {p2} ({p2_kin}) - {p2_phone}\n\nRQTH : ⟦non|oui ({epo1})⟧\nDonnées traitées conformément à l'{law1}.\n\nFait le {date2}, signature : {p1}",
    (_force(p1={"nick": True}), "Check-list d'intégration - {p1_upper}\n\n[x] Contrat signé le {date1}\n[x] Carte Vitale / NIR : {p1_nir}\n[x] Né{p1_e} le {p1_doblong} à {p1_bplace}\n[ ] PC commandé (ticket {ticket1})\n[x] IBAN paie : {p1_iban}\n[ ] Parrain/marraine : {p3}\n\nRemarque : {p1_given} préfère qu'on l'appelle {p1_nick}. Kit d'accueil à envoyer au {p1_addr}. Contact d'urgence : {p4}, {p4_phone}."),
]
TEMPLATES["court_filing"]["fr"] = [
    "TRIBUNAL JUDICIAIRE DE ⟦LYON|PARIS|NANTES|BORDEAUX⟧\nRG n° {case1}\n\nASSIGNATION EN RÉFÉRÉ\n\nÀ LA REQUÊTE DE :\n{p1_tfull}, {p1_born} {p1_doblong} à {p1_bplace}, de nationalité française, demeurant {p1_addr},\n\nAyant pour avocat {p3_tfull}, avocat au barreau de ⟦Lyon|Paris|Nantes⟧, {p3_wemail}\n\nCONTRE :\n{p2_caps}, demeurant {p2_addr},\n\nPLAISE AU TRIBUNAL\n\nLe {date1}, {p1_tsur} a chuté dans l'escalier de l'immeuble appartenant à {p2_tsur}, faute d'éclairage. La responsabilité de {p2_sur} est engagée sur le fondement de l'{law1}. Témoin : {p4}, domicilié{p4_e} {p4_addr}.\n\nPAR CES MOTIFS, condamner {p2_tsur} à payer {amt1} à titre provisionnel, outre {law2}.",
    "CONSEIL DE PRUD'HOMMES DE ⟦LILLE|MARSEILLE|RENNES⟧ - RG {case1}\n\nRequête de {p1_caps}, né{p1_e} le {p1_dob}, demeurant {p1_addr}\n\ncontre {co1}, prise en la personne de son représentant légal, {p2_upper}\n\nLe licenciement notifié le {date1} est dépourvu de cause réelle et sérieuse ({law1}). {p1_tsur}, souffrant de la pathologie suivante : {epo1}, était en arrêt de travail à cette date.\n\nContact du conseil : {p3}, {p3_wemail}, {p3_tel}",
]
TEMPLATES["call_notes"]["fr"] = [
    "Note d'appel - {date1} 14h20\nAppelant : {p1_lower} (assuré{p1_e})\nVérif. identité : DDN {p1_dob} ok, code postal ok\nObjet : sinistre {claim1}, indemnité non reçue. Vérifié : virement du {date2}. Ancien compte, nouvel IBAN {p1_iban}\nRappel au {p1_phone} (après 17h)\nmail perso : {p1_obf}\nvu avec {p2_given} (gestion sinistres, {p2_rev}) - nouvel ordre de virement\nmentionne une procuration pour {p3} ({p1_kin}), formulaire à envoyer au {p3_addr}\nÀ relancer dans 8 jours. -{p4_given}",
    "Compte rendu d'entretien téléphonique\nDate : {date1}   Collaborateur : {p2}\nClient : {p1_caps}   Dossier : {case1}\n\nLe client a reçu les conclusions adverses de Me {p3_sur}. Points abordés : {law1}, coût de la procédure. Nouveau portable : {p1_phone} ; e-mail personnel : {p1_email}. Date de naissance pour l'aide juridictionnelle : {p1_dob}. {p1_given} signale un diagnostic de {epo1}, prévoir un renvoi.\n\nDurée : 15 min",
]
TEMPLATES["support_ticket"]["fr"] = [
    "Ticket {ticket1} | Priorité : haute | Statut : ouvert\nCréé le : {hdate1}\nDemandeur : {p1_rev} <{p1_email}>\nAssigné à : {p2}\nObjet : remboursement non reçu - commande {order1}\n\n--- Message client ---\nBonjour, j'ai commandé un coffret {brand1_shop} le {date1} (commande {order1}) et je l'ai renvoyé. Je n'ai toujours pas reçu le remboursement de {amt1} sur ma carte finissant par {last1}⟦?40: (numéro complet : {p1_card})⟧. Merci de me rappeler au {p1_phone}.\n{p1_given}\n\n--- Note interne ({p2_given}) ---\nDemande reçue depuis l'IP {p1_ip}. Adresse connue : {p1_addr}. Identité vérifiée (DDN {p1_dob}).",
    "#{ticket1} - Compte bloqué\nde {p1_upper} <{p1_email}> via le formulaire\n\nbonjour, mon compte est bloqué depuis que j'ai changé d'adresse mail. ancienne adresse : {p1_obf}. je m'appelle {p1_lower}. vous pouvez aussi m'appeler au {p1_phone}.\n\n-- réponse de {p2} (Support) --\nBonjour {p1_tsur}, pour des raisons de sécurité, merci de confirmer les 4 derniers chiffres de la carte enregistrée ({mask1}) et votre date de naissance.\n\n-- réponse de {p1_given} --\n{p1_born} {p1_dob}, carte finissant par {last1}. merci !",
]

TEMPLATES["insurance_claim"]["es"] = [
    "{co1_ins}\nDECLARACIÓN DE SINIESTRO - ⟦HOGAR|AUTOMÓVIL|DAÑOS POR AGUA⟧\n\nN.º de póliza: {policy1}\nN.º de siniestro: {claim1}\n\nTOMADOR/ASEGURADO\nApellidos y nombre: {p1_rev}\n⟦DNI|NIF⟧: {p1_esid}\nFecha de nacimiento: {p1_dob}\nDomicilio: {p1_addr}\nTeléfono: {p1_phone}\nCorreo electrónico: {p1_email}\n\nFecha del siniestro: {date1}\nDescripción: ⟦Al salir del aparcamiento del centro comercial, el vehículo conducido por {p2} golpeó mi puerta trasera. {p2_tsur} reconoció la culpa (tel. {p2_phone}).|Robo en la vivienda durante las vacaciones: portátil, joyas y una botella de {brand1_drink}. Denuncia presentada, atestado n.º {case1}.⟧\n\nImporte estimado: {amt1}\n\nIndemnización por transferencia a la cuenta de {p1}:\nIBAN {p1_iban}\n\nDeclaro que los datos son ciertos ({law1}).\n\nEn {p1_bplace}, a {date2_long}\nFdo.: {p1}",
    "Solicitud de reembolso - seguro de salud\nAsegurad{p1_o}: {p1_caps}\nNIE/DNI: {p1_esid}\n{p1_born} {p1_doblong}\nDomicilio:\n{p1_block}\n\nMédico: {p2_drfull}\nDiagnóstico: {epo1}\nFechas: del {date1} al {date2}\nImporte abonado: {amt1}\n{p1_mrnlabel} {p1_mrn}\n\nAbono en: {p1_iban}\nContacto: {p1_phone} / {p1_obf}",
]
TEMPLATES["prescription"]["es"] = [
    "SERVICIO DE SALUD - RECETA MÉDICA\n\nPaciente: {p1_caps}\nDNI/NIE: {p1_esid}     Fecha de nacimiento: {p1_dob}\n{p1_mrnlabel} {p1_mrn}\nDomicilio: {p1_addr}\n\nPrescripción:\n1. Levodopa/carbidopa 100/25 mg comprimidos - 1 cada 8 horas (diagnóstico: {epo1})\n2. Omeprazol 20 mg cápsulas - 1 en ayunas\n3. ⟦Paracetamol 1 g - si dolor, máx. 3 al día|Calcio + vitamina D3 - 1 al día⟧\n\nDuración: 90 días\nFecha: {date1}\n\n{p2_drfull}\nNeurología - Col. n.º 28/123456\nTel. consulta: {p2_tel}",
    "INFORME DE ALTA - Hospital Universitario, Servicio de Digestivo\n\nPaciente: {p1_upper}   {p1_mrnlabel} {p1_mrn}\nFecha de nacimiento: {p1_dob}\nMédico de familia: {p3_drfull}\n\nJuicio clínico: {epo1}\n\nTratamiento al alta ({date1}):\n- Mesalazina 1 g: 1-1-1\n- Budesonida 9 mg: 1 al día durante 8 semanas\n\nSe informa a su {p4_kin}, {p4}, tel. {p4_phone}. Próxima revisión: {date2}.\n\nFdo.: {p2_drsur}",
]
TEMPLATES["bank_letter"]["es"] = [
    "{co1_bank}\nServicio de Tarjetas\n\n{p1_tfull}\n{p1_block}\n\n{city1}, {date1_long}\n\nRef.: {ref1}\n\nAsunto: reclamación de una operación con tarjeta\n\n{p1_dear}:\n\nHemos recibido su reclamación sobre el cargo de {amt1} a favor de {brand1_shop} del {date2}, realizado con su tarjeta terminada en {last1}. Hemos abonado provisionalmente el importe en su cuenta {p1_iban}.\n\nSu nueva tarjeta ({mask1}) le llegará en unos días.\n\nAtentamente,\n\n{p2}\nAtención al Cliente",
    "{co1_bank}\n\nPERSONAL Y CONFIDENCIAL\n{p1_upper}\n{p1_block}\n\n{date1}\n\nAsunto: su cuenta conjunta con {p3}\n\n{p1_dear}:\n\nSegún las instrucciones firmadas por usted y {p3_tsur} el {date2}, la cuenta {p1_iban} pasará a ser de titularidad individual. {p3_given} deja de estar autorizad{p3_o}. Se cancelarán las transferencias periódicas ordenadas por {p3_given} ({amt1} al mes).\n\nPara cualquier consulta, llame a {p2} al {p2_tel}.\n\nUn saludo,\n{p2_init}\nDirector{p2_a} de oficina",
]
TEMPLATES["hr_form"]["es"] = [
    "FICHA DE ALTA DE EMPLEADO\n\nPrimer apellido y segundo apellido: {p1_surup}\nNombre: {p1_given}\nFecha de nacimiento: {p1_dob}   Lugar: {p1_bplace}\nSexo: {p1_sex}\nDNI/NIE: {p1_esid}\nDomicilio:\n{p1_block}\nMóvil: {p1_phone}\nCorreo personal: {p1_email}\nIBAN para nómina: {p1_iban}\n\nFecha de alta: {date1}    Salario bruto anual: {amt1}\nResponsable: {p3_rev}\nContacto de emergencia: {p2} ({p2_kin}) - {p2_phone}\n\nDiscapacidad reconocida: ⟦no|sí ({epo1})⟧\nLos datos se tratan conforme al {law1}.\n\nFirma: {p1}     Fecha: {date2}",
    (_force(p1={"nick": True}), "Checklist de incorporación - {p1_upper}\n\n[x] Contrato firmado ({date1})\n[x] DNI/NIE: {p1_esid}\n[x] Fecha de nacimiento: {p1_doblong}\n[ ] Portátil pedido (ticket {ticket1})\n[x] IBAN: {p1_iban}\n[ ] Mentor: {p3}\n\nNota: {p1_given} prefiere que le llamen {p1_nick}. Enviar el kit de bienvenida a {p1_addr}. Contacto de emergencia: {p4}, {p4_phone}."),
]
TEMPLATES["court_filing"]["es"] = [
    "AL JUZGADO DE PRIMERA INSTANCIA N.º ⟦4|12|27⟧ DE ⟦MADRID|SEVILLA|VALENCIA|BILBAO⟧\nProcedimiento ordinario {case1}\n\n{p3_upper}, Procurador{p3_a} de los Tribunales, en nombre y representación de {p1_tfull}, mayor de edad, con DNI {p1_dni} y domicilio en {p1_addr}, ante el Juzgado comparezco y DIGO:\n\nQue interpongo DEMANDA de reclamación de cantidad contra {p2_tfull}, con domicilio en {p2_addr}, con base en los siguientes\n\nHECHOS\nPRIMERO.- El día {date1}, {p1_tsur} sufrió una caída en la escalera del inmueble propiedad de {p2_tsur} por falta de iluminación.\nSEGUNDO.- Es de aplicación el {law1}.\nTERCERO.- Testigo: {p4}, con domicilio en {p4_addr}.\n\nSUPLICO que se condene a la parte demandada al pago de {amt1}.\n\nEn {city1}, a {date2_long}.",
    "JUZGADO DE LO SOCIAL DE ⟦BARCELONA|ZARAGOZA|MÁLAGA⟧ - Autos {case1}\n\nDemanda por despido de {p1_caps}, DNI {p1_dni}, {p1_born} {p1_dob}, con domicilio en {p1_addr},\n\ncontra {co1}, representada por {p2_upper}.\n\nEl despido comunicado el {date1} es improcedente ({law1}). {p1_tsur} se encontraba de baja por {epo1}.\n\nLetrad{p3_o}: {p3}, {p3_wemail}, tel. {p3_tel}",
]
TEMPLATES["call_notes"]["es"] = [
    "Nota de llamada - {date1} 14:20\nLlamante: {p1_lower} (tomador{p1_a})\nVerificación: fecha nac. {p1_dob} ok, CP ok\nMotivo: siniestro {claim1}, no ha recibido la indemnización. Comprobado: transferencia del {date2}. Cuenta antigua, nuevo IBAN {p1_iban}\nDevolver llamada al {p1_phone} (a partir de las 17h)\ncorreo personal: {p1_obf}\nhablado con {p2_given} de siniestros ({p2_rev}) - se reemite\nmenciona poder notarial a favor de {p3} ({p1_kin}), enviar formulario a {p3_addr}\nRevisar en una semana. -{p4_given}",
    "Nota de atención telefónica\nFecha: {date1}   Letrad{p2_o}: {p2}\nCliente: {p1_caps}   Asunto: {case1}\n\nEl cliente ha recibido la contestación a la demanda del despacho de {p3}. Tratado: {law1} y costas. Nuevo móvil: {p1_phone}; correo personal: {p1_email}. Fecha de nacimiento para la justicia gratuita: {p1_dob}. {p1_given} comenta que le han diagnosticado {epo1}; valorar suspensión del señalamiento.\n\nDuración: 15 min",
]
TEMPLATES["support_ticket"]["es"] = [
    "Ticket {ticket1} | Prioridad: alta | Estado: abierto\nCreado: {hdate1}\nSolicitante: {p1_rev} <{p1_email}>\nAsignado a: {p2}\nAsunto: reembolso no recibido - pedido {order1}\n\n--- Mensaje del cliente ---\nHola, el {date1} pedí un lote de {brand1_shop} (pedido {order1}) y lo devolví. Aún no he recibido el reembolso de {amt1} en mi tarjeta acabada en {last1}⟦?40: (el número completo es {p1_card})⟧. Llamadme al {p1_phone}, por favor.\n{p1_given}\n\n--- Nota interna ({p2_given}) ---\nPetición desde la IP {p1_ip}. Dirección registrada: {p1_addr}. Verificado con fecha de nacimiento {p1_dob}.",
    "#{ticket1} - Cuenta bloqueada\nde {p1_upper} <{p1_email}> vía formulario web\n\nhola, tengo la cuenta bloqueada desde que cambié el correo. el antiguo era {p1_obf}. me llamo {p1_lower}. también podéis llamarme al {p1_phone}.\n\n-- respuesta de {p2} (Soporte) --\nHola, {p1_given}: por seguridad, confírmanos los 4 últimos dígitos de la tarjeta registrada ({mask1}) y tu fecha de nacimiento.\n\n-- respuesta de {p1_given} --\n{p1_born} {p1_dob}, la tarjeta acaba en {last1}. ¡Gracias!",
]

TEMPLATES["insurance_claim"]["it"] = [
    "{co1_ins}\nDENUNCIA DI SINISTRO - ⟦CASA|RCA|DANNI DA ACQUA⟧\n\nPolizza n.: {policy1}\nSinistro n.: {claim1}\n\nCONTRAENTE/ASSICURATO\nCognome e nome: {p1_caps}\nCodice fiscale: {p1_cf}\n{p1_born} {p1_dob} a {p1_bplace}\nResidenza: {p1_addr}\nTelefono: {p1_phone}\nE-mail: {p1_email}\n\nData del sinistro: {date1}\nDinamica: ⟦Uscendo dal parcheggio del supermercato, il veicolo condotto da {p2} ha urtato la mia portiera. {p2_tsur} ha ammesso la propria responsabilità (tel. {p2_phone}).|Furto in abitazione durante le ferie: portatile, gioielli e una bottiglia di {brand1_drink}. Denuncia ai Carabinieri, verbale n. {case1}.⟧\n\nImporto stimato: {amt1}\n\nRimborso tramite bonifico intestato a {p1}\nIBAN {p1_iban}\n\nDichiaro che le informazioni fornite sono veritiere ({law1}).\n\n{p1_bplace}, {date2}\nFirma: {p1}",
    "Richiesta di rimborso - polizza salute\nAssicurat{p1_o}: {p1_rev}\nC.F. {p1_cf}\n{p1_born} il {p1_doblong}\nIndirizzo:\n{p1_block}\n\nMedico curante: {p2_drfull}\nDiagnosi: {epo1}\nPeriodo: dal {date1} al {date2}\nImporto pagato: {amt1}\n{p1_mrnlabel} {p1_mrn}\n\nAccredito su: {p1_iban}\nRecapiti: {p1_phone} - {p1_obf}",
]
TEMPLATES["prescription"]["it"] = [
    "SERVIZIO SANITARIO NAZIONALE - RICETTA\n\nCognome e nome dell'assistito: {p1_caps}\nCodice fiscale: {p1_cf}\nIndirizzo: {p1_addr}\n\nRp/\n1. Levodopa/carbidopa 100/25 mg cpr - 1 cpr tre volte al giorno (diagnosi: {epo1})\n2. Omeprazolo 20 mg cps - 1 al mattino\n3. ⟦Paracetamolo 1000 mg - al bisogno, max 3 al giorno|Colecalciferolo 25.000 UI - 1 flacone al mese⟧\n\nData: {date1}\n\n{p2_drfull}\nMedico di medicina generale\nTel. ambulatorio {p2_tel}",
    "POLICLINICO - U.O. di Gastroenterologia\nLETTERA DI DIMISSIONE\n\nPaziente: {p1_upper}   {p1_mrnlabel} {p1_mrn}\nData di nascita: {p1_dob}\nMedico curante: {p3_drfull}\n\nDiagnosi: {epo1}\n\nTerapia alla dimissione ({date1}):\n- Mesalazina 800 mg: 2 cpr x 3/die\n- Budesonide 9 mg: 1 cpr/die per 8 settimane\n\nInformato il familiare {p4} ({p4_kin}), tel. {p4_phone}. Controllo: {date2}.\n\nIl medico: {p2_drsur}",
]
TEMPLATES["bank_letter"]["it"] = [
    "{co1_bank}\nServizio Carte\n\n{p1_tfull}\n{p1_block}\n\n{city1}, {date1_long}\n\nRif.: {ref1}\n\nOggetto: contestazione di un'operazione con carta\n\n{p1_dear},\n\nabbiamo ricevuto la sua contestazione relativa al pagamento di {amt1} a favore di {brand1_shop} del {date2}, eseguito con la carta che termina con {last1}. L'importo è stato riaccreditato provvisoriamente sul conto {p1_iban}.\n\nLa nuova carta ({mask1}) le arriverà entro pochi giorni.\n\nDistinti saluti,\n\n{p2}\nServizio Clienti",
    "{co1_bank}\n\nRISERVATA PERSONALE\n{p1_upper}\n{p1_block}\n\n{date1}\n\nOggetto: conto cointestato con {p3}\n\n{p1_dear},\n\ncome da disposizioni firmate da lei e da {p3_tsur} il {date2}, il conto {p1_iban} diventerà a intestazione singola. {p3_given} non potrà più operare. I bonifici periodici disposti da {p3_given} ({amt1} al mese) saranno revocati.\n\nPer informazioni contatti {p2} al numero {p2_tel}.\n\nCordiali saluti,\n{p2_init}\nDirettore di filiale",
]
TEMPLATES["hr_form"]["it"] = [
    "SCHEDA ANAGRAFICA DIPENDENTE\n\nCognome: {p1_surup}\nNome: {p1_given}\nData di nascita: {p1_dob}   Luogo: {p1_bplace}\nSesso: {p1_sex}\nCodice fiscale: {p1_cf}\nResidenza:\n{p1_block}\nCellulare: {p1_phone}\nE-mail personale: {p1_email}\nIBAN per lo stipendio: {p1_iban}\n\nData di assunzione: {date1}    RAL: {amt1}\nResponsabile: {p3_rev}\nIn caso di emergenza: {p2} ({p2_kin}) - {p2_phone}\n\nCategoria protetta: ⟦no|sì - {epo1}⟧\nInformativa ai sensi dell'{law1} consegnata.\n\nFirma: {p1}     Data: {date2}",
    (_force(p1={"nick": True}), "Checklist inserimento - {p1_upper}\n\n[x] Contratto firmato il {date1}\n[x] Codice fiscale: {p1_cf}\n[x] Nat{p1_o} il {p1_doblong}\n[ ] PC ordinato (ticket {ticket1})\n[x] IBAN: {p1_iban}\n[ ] Tutor: {p3}\n\nNota: {p1_given} preferisce essere chiamat{p1_o} {p1_nick}. Kit di benvenuto da spedire in {p1_addr}. Contatto di emergenza: {p4}, {p4_phone}."),
]
TEMPLATES["court_filing"]["it"] = [
    "TRIBUNALE ORDINARIO DI ⟦MILANO|ROMA|TORINO|BOLOGNA⟧\nATTO DI CITAZIONE - {case1}\n\n{p1_tfull} (C.F. {p1_cf}), {p1_born} {p1_dob} a {p1_bplace}, residente in {p1_addr}, rappresentat{p1_o} e difes{p1_o} dall'Avv. {p3}, con studio in {p3_addr}, PEC {p3_wemail},\n\nCITA\n\n{p2_tfull}, residente in {p2_addr}, a comparire all'udienza del {date2}.\n\nFATTO\nIl {date1} {p1_tsur} è cadut{p1_o} sulle scale dell'immobile di proprietà di {p2_tsur}, privo di illuminazione. La responsabilità del convenuto discende dall'{law1}. Testimone: {p4}, residente in {p4_addr}.\n\nSi chiede la condanna al pagamento di {amt1}.",
    "TRIBUNALE DI ⟦NAPOLI|FIRENZE|BARI⟧ - Sezione Lavoro - {case1}\n\nRicorso ex {law1} di {p1_caps}, C.F. {p1_cf}, residente in {p1_addr},\n\ncontro {co1}, in persona del legale rappresentante {p2_upper}.\n\nIl licenziamento intimato il {date1} è illegittimo: {p1_tsur} era in malattia per {epo1}.\n\nDifensore: Avv. {p3}, {p3_wemail}, tel. {p3_tel}",
]
TEMPLATES["call_notes"]["it"] = [
    "Nota chiamata - {date1} ore 14:20\nChiamante: {p1_lower} (contraente)\nVerifica identità: data di nascita {p1_dob} ok, CAP ok\nMotivo: sinistro {claim1}, rimborso non ricevuto. Verificato: bonifico del {date2}. Conto vecchio, nuovo IBAN {p1_iban}\nRichiamare al {p1_phone} (dopo le 17)\nmail personale: {p1_obf}\nsentito {p2_given} dell'ufficio sinistri ({p2_rev}) - riemette il bonifico\nmenziona delega a {p3} ({p1_kin}), inviare modulo a {p3_addr}\nRicontrollare tra una settimana. -{p4_given}",
    "Nota telefonica\nData: {date1}   Avvocato: {p2}\nCliente: {p1_caps}   Pratica: {case1}\n\nIl cliente ha ricevuto la comparsa di risposta dello studio di {p3}. Discusso: {law1}, spese. Nuovo cellulare: {p1_phone}; e-mail personale: {p1_email}. Data di nascita per il gratuito patrocinio: {p1_dob}. {p1_given} riferisce una diagnosi di {epo1}; valutare rinvio dell'udienza.\n\nDurata: 15 min",
]
TEMPLATES["support_ticket"]["it"] = [
    "Ticket {ticket1} | Priorità: alta | Stato: aperto\nCreato: {hdate1}\nRichiedente: {p1_rev} <{p1_email}>\nAssegnato a: {p2}\nOggetto: rimborso non ricevuto - ordine {order1}\n\n--- Messaggio del cliente ---\nBuongiorno, il {date1} ho ordinato una confezione regalo {brand1_shop} (ordine {order1}) e l'ho restituita. Non ho ancora ricevuto il rimborso di {amt1} sulla carta che termina con {last1}⟦?40: (numero completo {p1_card})⟧. Richiamatemi al {p1_phone}.\n{p1_given}\n\n--- Nota interna ({p2_given}) ---\nRichiesta dall'IP {p1_ip}. Indirizzo in anagrafica: {p1_addr}. Verificata data di nascita {p1_dob}.",
    "#{ticket1} - Account bloccato\nda {p1_upper} <{p1_email}> tramite modulo web\n\nbuongiorno, il mio account è bloccato da quando ho cambiato e-mail. quella vecchia era {p1_obf}. mi chiamo {p1_lower}. potete chiamarmi al {p1_phone}.\n\n-- risposta di {p2} (Assistenza) --\nGentile {p1_given}, per sicurezza ci conferma le ultime 4 cifre della carta registrata ({mask1}) e la data di nascita?\n\n-- risposta di {p1_given} --\n{p1_born} {p1_dob}, la carta finisce con {last1}. Grazie!",
]
TEMPLATES["insurance_claim"]["nl"] = [
    "{co1_ins}\nSCHADEFORMULIER - ⟦INBOEDEL|MOTORRIJTUIGEN|WATERSCHADE⟧\n\nPolisnummer: {policy1}\nSchadenummer: {claim1}\n\nVERZEKERINGNEMER\nNaam: {p1_rev}\nGeboortedatum: {p1_dob}\nAdres: {p1_addr}\nTelefoon: {p1_phone}\nE-mail: {p1_email}\n\nSchadedatum: {date1}\nToedracht: ⟦Bij het achteruit rijden op het parkeerterrein van de supermarkt reed {p2} tegen mijn portier. {p2_tsur} heeft de schuld erkend (tel. {p2_phone}).|Inbraak tijdens onze vakantie: laptop, sieraden en een fles {brand1_drink} gestolen. Aangifte gedaan, proces-verbaalnummer {case1}.⟧\n\nGeschat bedrag: {amt1}\n\nUitkering op rekening t.n.v. {p1}\nIBAN {p1_iban}\n\nIk verklaar dit formulier naar waarheid te hebben ingevuld ({law1}).\n\n{p1_bplace}, {date2}\nHandtekening: {p1}",
    "Declaratie zorgkosten - aanvullende verzekering\nVerzekerde: {p1_caps}\nBSN: {p1_bsn}\nGeboren op {p1_doblong}\nAdres:\n{p1_block}\n\nBehandelaar: {p2_drfull}\nDiagnose: {epo1}\nPeriode: {date1} t/m {date2}\nBedrag: {amt1}\n{p1_mrnlabel} {p1_mrn}\n\nUitbetalen op: {p1_iban}\nContact: {p1_phone} - {p1_obf}",
]
TEMPLATES["prescription"]["nl"] = [
    "{p2_drfull}, huisarts\n{p2_block}\nTel. {p2_tel}\n\nRECEPT - {date1}\n\nPatiënt: {p1_caps}\nGeboortedatum: {p1_dob}\nBSN: {p1_bsn}\nAdres: {p1_addr}\n\nR/\n1. Levodopa/carbidopa 100/25 mg tablet - 3 dd 1 (i.v.m. {epo1})\n2. Omeprazol 20 mg capsule - 1 dd 1\n3. ⟦Paracetamol 500 mg - zo nodig 4 dd 2|Colecalciferol 800 IE - 1 dd 1⟧\n\nHerhalen: 2x",
    "ZIEKENHUIS RIJNSTAD - afdeling Maag-Darm-Lever\nONTSLAGBRIEF / MEDICATIEOVERZICHT\n\nPatiënt: {p1_upper}   {p1_mrnlabel} {p1_mrn}\nGeboortedatum: {p1_dob}\nHuisarts: {p3_drfull}\n\nDiagnose: {epo1}\n\nMedicatie bij ontslag ({date1}):\n- Mesalazine 500 mg: 3 dd 2\n- Budesonide 9 mg: 1 dd 1, 8 weken\n\nFamilie ingelicht: {p4} ({p4_kin}), tel. {p4_phone}. Controle: {date2}.\n\n{p2_drsur}, arts-assistent",
]
TEMPLATES["bank_letter"]["nl"] = [
    "{co1_bank}\nAfdeling Betaalpassen\n\n{p1_tfull}\n{p1_block}\n\n{city1}, {date1_long}\n\nOns kenmerk: {ref1}\n\nBetreft: betwiste kaartbetaling\n\n{p1_dear},\n\nWij hebben uw melding ontvangen over de betaling van {amt1} aan {brand1_shop} op {date2}, gedaan met uw kaart eindigend op {last1}. Wij hebben het bedrag voorlopig teruggeboekt op uw rekening {p1_iban}.\n\nUw nieuwe kaart ({mask1}) ontvangt u binnen vijf werkdagen.\n\nMet vriendelijke groet,\n\n{p2}\nKlantenservice",
    "{co1_bank}\n\nPERSOONLIJK EN VERTROUWELIJK\n{p1_upper}\n{p1_block}\n\n{date1}\n\nBetreft: uw en/of-rekening met {p3}\n\n{p1_dear},\n\nVolgens de op {date2} door u en {p3_tsur} ondertekende opdracht wordt de gezamenlijke rekening {p1_iban} omgezet naar een rekening op uw naam. {p3_given} is niet langer gemachtigd. Periodieke overboekingen van {p3_given} ({amt1} per maand) worden stopgezet.\n\nVoor vragen kunt u {p2} bellen op {p2_tel}.\n\nMet vriendelijke groet,\n{p2_init}\nKantoordirecteur",
]
TEMPLATES["hr_form"]["nl"] = [
    (_force(p1={"nick": True}), "PERSONEELSFORMULIER\n\nAchternaam: {p1_surup}\nVoornamen: {p1_given}\nRoepnaam: {p1_nick}\nGeboortedatum: {p1_dob}   Geboorteplaats: {p1_bplace}\nGeslacht: {p1_sex}\nBSN: {p1_bsn}\nAdres:\n{p1_block}\nMobiel: {p1_phone}\nE-mail privé: {p1_email}\nIBAN salaris: {p1_iban}\n\nIn dienst per: {date1}    Bruto jaarsalaris: {amt1}\nLeidinggevende: {p3_rev}\nNoodcontact: {p2} ({p2_kin}) - {p2_phone}\n\nVerwerking conform {law1}.\n\nHandtekening: {p1}     Datum: {date2}"),
    (_force(p1={"nick": True}), "Onboarding-checklist - {p1_upper}\n\n[x] Arbeidsovereenkomst getekend ({date1})\n[x] ID gecontroleerd, BSN: {p1_bsn}\n[x] Geboren op {p1_doblong}\n[ ] Laptop besteld (ticket {ticket1})\n[x] IBAN: {p1_iban}\n[ ] Buddy: {p3}\n\nOpmerking: {p1_given} wil graag {p1_nick} genoemd worden. Welkomstpakket naar {p1_addr}. Noodcontact: {p4}, {p4_phone}."),
]
TEMPLATES["court_filing"]["nl"] = [
    "RECHTBANK ⟦AMSTERDAM|ROTTERDAM|DEN HAAG|MIDDEN-NEDERLAND⟧\nZaaknummer: {case1}\n\nDAGVAARDING\n\nHeden, {date2}, op verzoek van {p1_tfull}, geboren op {p1_dob}, wonende te {p1_addr}, die woonplaats kiest ten kantore van advocaat {p3} ({p3_wemail}),\n\nheb ik, gerechtsdeurwaarder, gedagvaard:\n\n{p2_caps}, wonende te {p2_addr},\n\nOMDAT:\n1. {p1_tsur} op {date1} is gevallen op de onverlichte trap van het pand van {p2_tsur}.\n2. {p2_sur} is aansprakelijk op grond van {law1}.\n3. Getuige: {p4}, wonende te {p4_addr}.\n\nEIS: veroordeling van gedaagde tot betaling van {amt1}.",
    "KANTONRECHTER ⟦UTRECHT|GRONINGEN|BREDA⟧ - zaaknummer {case1}\n\nVerzoekschrift van {p1_caps}, geboren {p1_dob}, wonende {p1_addr},\n\ntegen {co1}, vertegenwoordigd door {p2_upper}.\n\nHet ontslag per {date1} is onredelijk ({law1}). {p1_tsur} was ziek wegens {epo1}.\n\nGemachtigde: mr. {p3}, {p3_wemail}, tel. {p3_tel}",
]
TEMPLATES["call_notes"]["nl"] = [
    "Gespreksnotitie {date1} 14:20\nBeller: {p1_lower} (verzekeringnemer)\nID-check: geb.datum {p1_dob} ok, postcode ok\nVraag: schade {claim1}, uitkering niet ontvangen. Gecontroleerd: overgemaakt op {date2}. Oude rekening, nieuw IBAN {p1_iban}\nTerugbellen op {p1_phone} (na 17 uur)\nprivé-mail: {p1_obf}\noverlegd met {p2_given} van schadebehandeling ({p2_rev}) - wordt opnieuw betaald\nnoemt machtiging voor {p3} ({p1_kin}), formulier naar {p3_addr}\nOver een week nabellen. -{p4_given}",
    "Telefoonnotitie\nDatum: {date1}   Behandelaar: {p2}\nCliënt: {p1_caps}   Dossier: {case1}\n\nCliënt heeft de conclusie van antwoord van mr. {p3_sur} ontvangen. Besproken: {law1}, proceskosten. Nieuw mobiel nummer: {p1_phone}; privé-mail: {p1_email}. Geboortedatum voor toevoeging: {p1_dob}. {p1_given} noemt diagnose {epo1}; eventueel uitstel vragen.\n\nDuur: 15 min",
]
TEMPLATES["support_ticket"]["nl"] = [
    "Ticket {ticket1} | Prioriteit: hoog | Status: open\nAangemaakt: {hdate1}\nAanvrager: {p1_rev} <{p1_email}>\nToegewezen aan: {p2}\nOnderwerp: terugbetaling bestelling {order1} ontbreekt\n\n--- Bericht klant ---\nHallo, op {date1} heb ik een {brand1_shop}-cadeaupakket besteld (bestelling {order1}) en teruggestuurd. De terugbetaling van {amt1} op mijn kaart eindigend op {last1} is er nog steeds niet⟦?40: (volledig nummer: {p1_card})⟧. Bel me even op {p1_phone}.\n{p1_given}\n\n--- Interne notitie ({p2_given}) ---\nVerzoek vanaf IP {p1_ip}. Adres in systeem: {p1_addr}. Geverifieerd met geboortedatum {p1_dob}.",
    "#{ticket1} - Account geblokkeerd\nvan {p1_upper} <{p1_email}> via webformulier\n\nhoi, mijn account is geblokkeerd sinds ik mijn e-mailadres heb gewijzigd. oude adres: {p1_obf}. mijn naam is {p1_lower}. bellen kan ook: {p1_phone}.\n\n-- antwoord van {p2} (Support) --\nHoi {p1_given}, wil je voor de zekerheid de laatste 4 cijfers van je kaart ({mask1}) en je geboortedatum bevestigen?\n\n-- antwoord van {p1_given} --\ngeboren {p1_dob}, kaart eindigt op {last1}. Thanks!",
]

BUILDERS: dict[str, Callable[[Ctx], Seg]] = {}

# Chat scripts: (speaker 1 or 2, line). Speakers are rendered as handles, lower-case first names or full names.
CHATS: dict[str, list[list[tuple[int, str]]]] = {
    "en": [
        [(1, "hey, did you see the complaint from {p3}?"), (2, "the double charge one? yeah, {p3_given} called twice this morning"),
         (1, "{p3_sur} wants a callback on {p3_phone}. says the card ending {last1} got charged {amt1} twice"),
         (2, "ok I'll take it. what's the address on the account? our letter bounced"), (1, "{p3_addr} - ask {p3_him} to confirm though"),
         (2, "will do. fyi {p3_given}'s email in the form is literally \"{p3_obf}\" lol"), (1, "lol. thanks {p2_nick}"),
         (2, "np. {p4} from legal says we can't keep the call recording past 30 days, {law1}")],
        [(1, "are you coming to {p3_given}'s birthday on saturday?"), (2, "which {p3_given}? {p3_lower} from uni?"),
         (1, "yes!! party's at {p3_his} new place, {p3_addr}"), (2, "nice. send me {p3_his} number? mine is the old one"), (1, "{p3_phone}"),
         (1, "bring something, {p3_he} loves {brand1}"), (2, "haha ok. is {p4} coming too?"), (1, "{p4_given} said maybe. {p4_his} email if you want to ask: {p4_email}"),
         (2, "👍 see you there {p1_nick}")],
        [(1, "quick one - new joiner {p3_upper} starts monday, HR form is missing the {p3_nidlabel}"), (2, "I have it from the offer pack: {p3_nid}"),
         (1, "thx. DOB?"), (2, "{p3_dob}"), (1, "and {p3_given}'s mobile? the one on file bounces"), (2, "{p3_phone}. {p3_He} goes by {p3_nick} btw"),
         (1, "noted. I'll set up payroll to {p3_iban}"), (2, "👌")],
    ],
    "de": [
        [(1, "hast du die Beschwerde von {p3} gesehen?"), (2, "die mit der doppelten Abbuchung? ja, {p3_given} hat heute schon zweimal angerufen"),
         (1, "{p3_tsur} will Rückruf unter {p3_phone}, Karte mit Endung {last1} wurde zweimal mit {amt1} belastet"),
         (2, "ok, übernehme ich. welche Adresse steht im Konto? unser Brief kam zurück"), (1, "{p3_addr} - lass es dir aber bestätigen"),
         (2, "mach ich. die Mail von {p3_given} steht im Formular übrigens als \"{p3_obf}\" 🙄"), (1, "danke {p2_nick}"),
         (2, "kein ding. {p4} aus der Rechtsabteilung sagt, Mitschnitte max. 30 Tage, {law1}")],
        [(1, "kommst du Samstag zu {p3_given}s Geburtstag?"), (2, "welche/r {p3_given}? {p3_lower} aus dem Studium?"),
         (1, "jaa! Party ist in der neuen Wohnung, {p3_addr}"), (2, "cool. schickst du mir die Nummer? hab nur die alte"), (1, "{p3_phone}"),
         (1, "bring was mit, {p3_given} mag {brand1}"), (2, "haha ok. kommt {p4} auch?"), (1, "{p4_given} sagt vielleicht. Mail: {p4_email}"),
         (2, "👍 bis Samstag {p1_nick}")],
        [(1, "kurze Frage: {p3_caps} fängt Montag an, im Personalbogen fehlt die Steuer-ID"), (2, "hab ich aus dem Vertrag: {p3_steuer}"),
         (1, "danke. Geburtsdatum?"), (2, "{p3_dob}"), (1, "und die Handynummer von {p3_given}? die alte geht nicht"), (2, "{p3_phone}. Sag ruhig {p3_nick}, so nennen {p3_him} alle"),
         (1, "ok. Gehalt geht auf {p3_iban}"), (2, "👌")],
    ],
    "fr": [
        [(1, "t'as vu la réclamation de {p3} ?"), (2, "celle du double prélèvement ? oui, {p3_given} a appelé deux fois ce matin"),
         (1, "{p3_tsur} veut être rappelé{p3_e} au {p3_phone}, carte finissant par {last1} débitée deux fois de {amt1}"),
         (2, "ok je prends. c'est quoi l'adresse sur le compte ? le courrier est revenu"), (1, "{p3_addr} - mais fais-la confirmer"),
         (2, "ça marche. au fait le mail de {p3_given} dans le formulaire c'est \"{p3_obf}\" 😅"), (1, "merci {p2_nick}"),
         (2, "de rien. {p4} du service juridique dit qu'on garde les enregistrements 30 jours max, {law1}")],
        [(1, "tu viens à l'anniv de {p3_given} samedi ?"), (2, "quel{p3_e} {p3_given} ? {p3_lower} de la fac ?"),
         (1, "ouii ! c'est chez {p3_him} au {p3_addr}"), (2, "top. tu m'envoies son numéro ? j'ai que l'ancien"), (1, "{p3_phone}"),
         (1, "ramène un truc, {p3_given} adore {brand1}"), (2, "mdr ok. {p4} vient aussi ?"), (1, "{p4_given} a dit peut-être. son mail si tu veux : {p4_email}"),
         (2, "👍 à samedi {p1_nick}")],
        [(1, "question rapide : {p3_caps} arrive lundi, il manque le n° de sécu dans son dossier"), (2, "je l'ai sur la DPAE : {p3_nir}"),
         (1, "merci. date de naissance ?"), (2, "{p3_dob}"), (1, "et le portable de {p3_given} ? l'ancien ne marche plus"), (2, "{p3_phone}. tout le monde l'appelle {p3_nick}"),
         (1, "ok. la paie part sur {p3_iban}"), (2, "👌")],
    ],
    "es": [
        [(1, "¿has visto la reclamación de {p3}?"), (2, "¿la del cargo duplicado? sí, {p3_given} ha llamado dos veces esta mañana"),
         (1, "{p3_tsur} pide que le llamemos al {p3_phone}, le han cobrado {amt1} dos veces en la tarjeta acabada en {last1}"),
         (2, "vale, me lo quedo. ¿qué dirección tiene en la cuenta? la carta volvió"), (1, "{p3_addr}, pero que te la confirme"),
         (2, "ok. por cierto, el correo de {p3_given} en el formulario pone \"{p3_obf}\" 😂"), (1, "gracias {p2_nick}"),
         (2, "nada. dice {p4} de jurídico que las grabaciones solo 30 días, {law1}")],
        [(1, "¿vienes al cumple de {p3_given} el sábado?"), (2, "¿qué {p3_given}? ¿{p3_lower} de la uni?"),
         (1, "¡sí! es en su piso nuevo, {p3_addr}"), (2, "genial. ¿me pasas su número? tengo el antiguo"), (1, "{p3_phone}"),
         (1, "lleva algo, a {p3_given} le encanta el {brand1}"), (2, "jaja vale. ¿viene {p4}?"), (1, "{p4_given} dice que a lo mejor. su correo por si acaso: {p4_email}"),
         (2, "👍 nos vemos {p1_nick}")],
        [(1, "pregunta rápida: {p3_caps} empieza el lunes y falta el DNI en la ficha"), (2, "lo tengo del contrato: {p3_esid}"),
         (1, "gracias. ¿fecha de nacimiento?"), (2, "{p3_dob}"), (1, "¿y el móvil de {p3_given}? el que hay no va"), (2, "{p3_phone}. todo el mundo le llama {p3_nick}"),
         (1, "ok. la nómina va a {p3_iban}"), (2, "👌")],
    ],
    "it": [
        [(1, "hai visto il reclamo di {p3}?"), (2, "quello del doppio addebito? sì, {p3_given} ha chiamato due volte stamattina"),
         (1, "{p3_tsur} vuole essere richiamat{p3_o} al {p3_phone}, carta che finisce con {last1} addebitata due volte {amt1}"),
         (2, "ok lo prendo io. che indirizzo c'è sul conto? la lettera è tornata indietro"), (1, "{p3_addr}, ma fattelo confermare"),
         (2, "ok. tra l'altro la mail di {p3_given} nel modulo è \"{p3_obf}\" 😅"), (1, "grazie {p2_nick}"),
         (2, "figurati. {p4} dell'ufficio legale dice registrazioni max 30 giorni, {law1}")],
        [(1, "vieni al compleanno di {p3_given} sabato?"), (2, "quale {p3_given}? {p3_lower} dell'università?"),
         (1, "sì! è a casa nuova, {p3_addr}"), (2, "bello. mi mandi il numero? ho quello vecchio"), (1, "{p3_phone}"),
         (1, "porta qualcosa, {p3_given} adora {brand1}"), (2, "ahah ok. viene anche {p4}?"), (1, "{p4_given} ha detto forse. la mail se vuoi chiedere: {p4_email}"),
         (2, "👍 a sabato {p1_nick}")],
        [(1, "domanda veloce: {p3_caps} inizia lunedì, nella scheda manca il codice fiscale"), (2, "ce l'ho dal contratto: {p3_cf}"),
         (1, "grazie. data di nascita?"), (2, "{p3_dob}"), (1, "e il cellulare di {p3_given}? quello vecchio non va"), (2, "{p3_phone}. tutti lo chiamano {p3_nick}"),
         (1, "ok. lo stipendio va su {p3_iban}"), (2, "👌")],
    ],
    "nl": [
        [(1, "heb je de klacht van {p3} gezien?"), (2, "die van de dubbele afschrijving? ja, {p3_given} heeft vanochtend al twee keer gebeld"),
         (1, "{p3_tsur} wil teruggebeld worden op {p3_phone}, kaart eindigend op {last1} is twee keer {amt1} afgeschreven"),
         (2, "ok ik pak hem op. welk adres staat er op het account? de brief kwam retour"), (1, "{p3_addr}, maar laat het even bevestigen"),
         (2, "doe ik. trouwens het mailadres van {p3_given} staat in het formulier als \"{p3_obf}\" 🙈"), (1, "thanks {p2_nick}"),
         (2, "np. {p4} van juridische zaken zegt opnames max 30 dagen bewaren, {law1}")],
        [(1, "kom je zaterdag naar het verjaardagsfeest van {p3_given}?"), (2, "welke {p3_given}? {p3_lower} van de studie?"),
         (1, "jaa! in het nieuwe huis, {p3_addr}"), (2, "leuk. stuur je het nummer? ik heb alleen het oude"), (1, "{p3_phone}"),
         (1, "neem wat mee, {p3_given} is gek op {brand1}"), (2, "haha ok. komt {p4} ook?"), (1, "{p4_given} zei misschien. mail als je het wil vragen: {p4_email}"),
         (2, "👍 tot zaterdag {p1_nick}")],
        [(1, "snelle vraag: {p3_caps} begint maandag, in het dossier ontbreekt het BSN"), (2, "heb ik uit het contract: {p3_bsn}"),
         (1, "dank. geboortedatum?"), (2, "{p3_dob}"), (1, "en het mobiele nummer van {p3_given}? het oude werkt niet"), (2, "{p3_phone}. iedereen noemt {p3_him} {p3_nick}"),
         (1, "ok. salaris gaat naar {p3_iban}"), (2, "👌")],
    ],
}  # fmt: skip


def chat_transcript(c: Ctx) -> Seg:
    script = pick(CHATS[c.lang])
    if any("{p3_rank}" in line for _, line in script):
        c.person(3, country="mil")
    if any("{p3_nick}" in line for _, line in script):
        c.person(3, nick=True)
    p1, p2 = c.person(1), c.person(2)
    style = R.randrange(5)
    d = recent_date()
    seg = Seg()
    if style == 2:
        seg.add(pick(["WhatsApp Chat\n", "Chat export\n", ""]))
    hh, mm = R.randint(8, 20), R.randint(0, 50)
    for who, line in script:
        mm += R.randint(0, 3)
        if mm > 59:
            hh, mm = hh + 1, mm - 60
        p = p1 if who == 1 else p2
        n = who
        if style == 0:
            seg.add([f"[{hh:02d}:{mm:02d}] ", E(p.handle(), "PERSON"), ": "])
        elif style == 1:
            seg.add([E(p.given.lower().split(" ")[0], "PERSON"), ": "])
        elif style == 2:
            seg.add([L(f"{d.day:02d}/{d.month:02d}/{d.year}", "date"), f", {hh:02d}:{mm:02d} - ", E(p.full(), "PERSON"), ": "])
        elif style == 3:
            seg.add([E(p.full(), "PERSON"), f"  {hh:02d}:{mm:02d}\n"])
        else:
            seg.add([E(p.handle(), "PERSON"), f"  {hh % 12 or 12}:{mm:02d} {'AM' if hh < 12 else 'PM'}\n"])
        del n
        seg.add(render(line, c)).add("\n" if style not in (3, 4) else "\n\n")
    return seg


SHEET_COLS: dict[str, list[tuple[str, str]]] = {
    # (header, key suffix) -- "name" columns are always first
    "en": [("DOB", "dob"), ("{nid}", "nid"), ("NHS no.", "nhs"), ("Email", "email"), ("Mobile", "phone"), ("Home address", "addr"), ("IBAN", "iban"), ("Start date", "=date"), ("Salary", "=amt")],
    "de": [("Geburtsdatum", "dob"), ("Steuer-ID", "steuer"), ("SV-Nummer", "svnr"), ("KV-Nr.", "kvnr"), ("IBAN", "iban"), ("Telefon", "phone"), ("Anschrift", "addr"), ("Eintritt", "=date"), ("Gehalt", "=amt")],
    "fr": [("Date de naissance", "dob"), ("N° SS", "nir"), ("IBAN", "iban"), ("Téléphone", "phone"), ("E-mail", "email"), ("Adresse", "addr"), ("Date d'entrée", "=date"), ("Salaire", "=amt")],
    "es": [("Fecha nac.", "dob"), ("DNI/NIE", "esid"), ("IBAN", "iban"), ("Móvil", "phone"), ("Correo", "email"), ("Domicilio", "addr"), ("Alta", "=date"), ("Salario", "=amt")],
    "it": [("Data di nascita", "dob"), ("Codice fiscale", "cf"), ("IBAN", "iban"), ("Cellulare", "phone"), ("E-mail", "email"), ("Indirizzo", "addr"), ("Assunzione", "=date"), ("RAL", "=amt")],
    "nl": [("Geboortedatum", "dob"), ("BSN", "bsn"), ("IBAN", "iban"), ("Telefoon", "phone"), ("E-mail", "email"), ("Adres", "addr"), ("In dienst", "=date"), ("Salaris", "=amt")],
}  # fmt: skip
SHEET_NAMES = {"en": ("Surname", "First name", "Name"), "de": ("Nachname", "Vorname", "Name"), "fr": ("NOM", "Prénom", "Nom"),
               "es": ("Apellidos", "Nombre", "Nombre y apellidos"), "it": ("Cognome", "Nome", "Nominativo"), "nl": ("Achternaam", "Voornaam", "Naam")}  # fmt: skip
SHEET_INTRO = {
    "en": ["Hi all, pasting the list from the HR export below - please check your row and reply by Friday.\n\n", "Rows from the payroll sheet (tab {tab}):\n\n", ""],
    "de": ["Hallo zusammen, hier der Auszug aus der Personalliste. Bitte eure Zeile prüfen.\n\n", "Auszug aus der Tabelle (Reiter {tab}):\n\n", ""],
    "fr": ["Bonjour à tous, voici l'extrait du fichier RH. Merci de vérifier votre ligne.\n\n", "Extrait du tableau (onglet {tab}) :\n\n", ""],
    "es": ["Hola a todos, os pego el listado de RR. HH. Revisad vuestra fila, por favor.\n\n", "Filas de la hoja (pestaña {tab}):\n\n", ""],
    "it": ["Ciao a tutti, incollo l'estratto dell'anagrafica. Controllate la vostra riga.\n\n", "Righe del foglio (scheda {tab}):\n\n", ""],
    "nl": ["Hoi allemaal, hieronder de export uit het HR-systeem. Graag je eigen regel controleren.\n\n", "Regels uit de sheet (tabblad {tab}):\n\n", ""],
}  # fmt: skip


def spreadsheet_rows(c: Ctx) -> Seg:
    lang = c.lang
    if chance(0.3):
        return transactions_sheet(c)
    sep = pick(["\t", "\t", ";", ","] if lang == "en" else ["\t", "\t", ";"])
    cols = [col for col in SHEET_COLS[lang] if chance(0.6) and not (col[1] == "nhs" and c.locale != "uk") and not (col[1] == "iban" and c.locale == "us")]
    if len(cols) < 3:
        cols = SHEET_COLS[lang][:4]
    split_names = chance(0.6)
    sur_h, giv_h, name_h = SHEET_NAMES[lang]
    seg = Seg().add(pick(SHEET_INTRO[lang]).replace("{tab}", pick(["2024", "Q3", "Staff", "Export"])))
    header = ([sur_h, giv_h] if split_names else [name_h]) + [h.replace("{nid}", "NI number" if c.locale == "uk" else "SSN") for h, _ in cols]
    seg.add(sep.join(header) + "\n")
    for n in range(1, R.randint(3, 8) + 1):
        p = c.person(n, country=(pick(["us", "us", "us", "mil"]) if c.locale == "us" else c.locale) if lang == "en" else LANG_COUNTRY[lang])
        cells: list[Any] = []
        if split_names:
            cells += [E(pick([p.surname, p.surname.upper()]), "PERSON"), E(p.given, "PERSON")]
        else:
            cells.append(E(pick([p.full(), c[f"p{n}_rev"].text, p.caps()]), "PERSON"))
        for _, key in cols:
            if key.startswith("="):
                cells.append(c[f"{key[1:]}{n}"])
            else:
                cells.append(c[f"p{n}_{key}"])
        for i, cell in enumerate(cells):
            if i:
                seg.add(sep)
            needs_quote = sep in cell.text or (sep == "," and "," in cell.text)
            seg.add(['"', cell, '"'] if needs_quote else cell)
        seg.add("\n")
    seg.add(pick(["", "\n(rest of the sheet unchanged)\n" if lang == "en" else "\n"]))
    return seg


def transactions_sheet(c: Ctx) -> Seg:
    lang = c.lang
    heads = {"en": ["Date", "Customer", "Card number", "Amount", "Order"], "de": ["Datum", "Kunde", "Kartennummer", "Betrag", "Bestellung"],
             "fr": ["Date", "Client", "N° de carte", "Montant", "Commande"], "es": ["Fecha", "Cliente", "N.º tarjeta", "Importe", "Pedido"],
             "it": ["Data", "Cliente", "Numero carta", "Importo", "Ordine"], "nl": ["Datum", "Klant", "Kaartnummer", "Bedrag", "Bestelling"]}[lang]  # fmt: skip
    intro = {"en": "Chargeback list from the payment provider, rows flagged for review:\n\n", "de": "Rückbuchungen laut Zahlungsdienstleister, zur Prüfung markiert:\n\n",
             "fr": "Liste des impayés du prestataire de paiement, lignes à vérifier :\n\n", "es": "Listado de contracargos del proveedor de pagos, filas a revisar:\n\n",
             "it": "Elenco chargeback dal gestore dei pagamenti, righe da verificare:\n\n", "nl": "Chargebacks volgens de betaalprovider, te controleren regels:\n\n"}[lang]  # fmt: skip
    sep = pick(["\t", "\t", ";"])
    seg = Seg().add(intro).add(sep.join(heads) + "\n")
    for n in range(1, R.randint(3, 7) + 1):
        p = c.person(n)
        seg.add([c[f"date{n}"], sep, E(pick([p.full(), p.full().upper(), p.caps()]), "PERSON"), sep, c[f"p{n}_card"], sep, c[f"amt{n}"], sep, c[f"order{n}"], "\n"])
    return seg


BUILDERS.update({"chat_transcript": chat_transcript, "spreadsheet_rows": spreadsheet_rows})

# English documents carry the weak spots named in issue 11 item 4 more often: French and accented names with
# French-form birth dates, obfuscated addresses, APO/DPO/FPO addresses, Italian and Spanish street lines.
TEMPLATES["call_notes"]["en"].append(
    (_force(p3={"pool": "fr", "country": "fr", "sex": "f"}),
     "Call log {date1}, 10:05 (inbound, French line)\nCaller: {p3_title_fr} {p3_caps}, about her late father's policy {policy1}\nID check: {p3_born_fr} {p3_doblong_fr} (given in French, matches file), address {p3_addr}\nNIR for the death certificate match: {p3_nir}\nemail she spelled out: {p3_obf}\ncallback: {p3_phone}\nnotes: {p3_given} very upset, father had {epo1}. Promised a call from {p2} (bereavement team) by {date2}.\n- {p4_nick}")
)
TEMPLATES["call_notes"]["en"].append(
    loc("CALL NOTES {date1} 16:40 - GP surgery reception\ncaller: {p1_lower} for {p1_his} {p1_kin} {p3}\nDOB (patient): {p3_dob}   NHS no. {p3_nhs}\nreq: repeat prescription + letter about {p3_his} {epo1}\nsays pharmacy has the old address, new one is {p3_addr}\ncb {p1_phone}; email {p1_obf}\npassed to {p2_drfull} - {p4_given}",
        "CALL NOTES {date1} 16:40 - clinic front desk\ncaller: {p1_lower} for {p1_his} {p1_kin} {p3}\nDOB (patient): {p3_dob}   MRN {p3_mrn}\nreq: refill + letter re {epo1}\nnew address {p3_addr}\ncb {p1_phone}; email {p1_obf}\nrouted to {p2_drfull} - {p4_given}")
)
TEMPLATES["support_ticket"]["en"].append(
    (_force(p1={"country": "mil"}),
     "Ticket {ticket1} | Category: Shipping | Priority: Normal\nRequester: {p1_rank} {p1_upper} <{p1_email}>\nCreated: {hdate1}\n\nHi, my order {order1} is stuck because your checkout won't take my address:\n\n{p1_upper}\n{p1_addr}\n\nIt's an APO/FPO address and works with every other store. Alternate contact: {p1_obf}. Stateside number (my {p2_kin} {p2} picks up): {p2_phone}.\n\n-- Agent note ({p4_given}) --\nOverrode address validation for {p1_sur}. Reshipped via USPS; card on file {mask1} not charged again.")
)
TEMPLATES["bank_letter"]["en"].append(
    (_force(p1={"country": "mil"}),
     "{co1_bank}\nMilitary & Overseas Banking\n\n{p1_rank} {p1_upper}\n{p1_addr}\n\n{date1_long}\n\nDear {p1_rank} {p1_sur},\n\nAs requested by your {p2_kin}, {p2}, who holds power of attorney, we have changed your mailing address to the military address above. Statements for the card ending {last1} will be sent there from next month.\n\nThe enclosed form shows the Social Security number we hold for you ({p1_ssn}). If it is wrong, please call us.\n\nSincerely,\n\n{p3}\nServicemember Relations, {p3_tel}")
)
TEMPLATES["insurance_claim"]["en"].append(
    (_force(p1={"pool": pick(["es", "it"])}),
     "INTERNATIONAL HEALTH PLAN - CLAIM FORM\n\nMember: {p1_rev}\nDate of birth: {p1_dob}\nResidential address: {p1_addr}\nLocal tax / ID number: {p1_nid}\nPhone: {p1_phone}\nEmail: {p1_email}\n\nPolicy: {policy1}\nTreatment: follow-up for {epo1}, {date1}\nHospital record no.: {p1_mrn}\nTreating doctor: {p2_drfull}\nAmount paid: {amt1}\n\nReimburse to IBAN: {p1_iban}\n\nSigned: {p1}, {date2}")
)
CHATS["en"].append(
    [(1, "what's the address for {p3_given}'s care package?"), (2, "{p3_rank} {p3_upper}, {p3_addr}"), (1, "no city?? the post office form wants a city"),
     (2, "APO is the city lol. {p3_given} says write it exactly like that"), (1, "ok. and is {p3_his} email still {p3_email}?"),
     (2, "yes, or the other one: {p3_obf}"), (1, "sending saturday. thanks {p2_nick}")]
)

# A third shape per kind and language: loss adjuster letters, pharmacy labels, SEPA mandates, employment references,
# contract notice clauses, callback lists, access requests.
TEMPLATES["insurance_claim"]["en"].append(
    "LOSS ADJUSTER'S REPORT\nInsurer: {co1_ins}   Claim: {claim1}   Policy: {policy1}\n\nInsured: {p1_tfull}\nRisk address: {p1_addr}\nContact: {p1_phone}\n\nI attended on {date1} and met {p1_tsur} and {p1_his} {p1_kin}, {p2}. The escape of water originated from the flat above, occupied by {p3_caps} ({p3_phone}), who confirmed a failed washing-machine hose.\n\nReserve: {amt1}. Contractor's invoice {invoice1} reviewed and agreed.\n\n{p4}\nLoss Adjuster"
)
TEMPLATES["insurance_claim"]["de"].append(
    "Regulierungsbericht - Schaden {claim1} (VS-Nr. {policy1})\n\nVersicherungsnehmer: {p1_tfull}\nRisikoort: {p1_addr}\nTelefon: {p1_phone}\n\nOrtstermin am {date1} mit {p1_tsur} und {p1_his}em {p1_kin} ⟦{p2}|{p2_given}⟧. Ursache: defekter Waschmaschinenschlauch in der Wohnung darüber ({p3_caps}, Tel. {p3_phone}).\n\nRückstellung: {amt1}. Rechnung {invoice1} der Sanitärfirma geprüft.\n\n{p4}\nSchadenregulierer{p4_in}"
)
TEMPLATES["insurance_claim"]["fr"].append(
    "RAPPORT D'EXPERTISE - Sinistre {claim1} / Contrat {policy1}\n\nAssuré{p1_e} : {p1_tfull}\nLieu du sinistre : {p1_addr}\nTél. : {p1_phone}\n\nRéunion d'expertise le {date1} en présence de {p1_tsur} et de {p2} ({p1_kin}). Origine : flexible de lave-linge chez le voisin du dessus, {p3_caps} ({p3_phone}).\n\nÉvaluation : {amt1}. Facture {invoice1} de l'entreprise vérifiée.\n\n{p4}\nExpert"
)
TEMPLATES["insurance_claim"]["es"].append(
    "INFORME PERICIAL - Siniestro {claim1} / Póliza {policy1}\n\nAsegurad{p1_o}: {p1_tfull}\nRiesgo: {p1_addr}\nTeléfono: {p1_phone}\n\nVisita realizada el {date1} con {p1_tsur} y {p2} ({p1_kin}). Causa: rotura del latiguillo de la lavadora del vecino de arriba, {p3_caps} (tel. {p3_phone}).\n\nValoración: {amt1}. Factura {invoice1} revisada.\n\n{p4}\nPerito"
)
TEMPLATES["insurance_claim"]["it"].append(
    "PERIZIA - Sinistro {claim1} / Polizza {policy1}\n\nAssicurat{p1_o}: {p1_tfull}\nUbicazione del rischio: {p1_addr}\nTelefono: {p1_phone}\n\nSopralluogo del {date1} alla presenza di {p1_tsur} e di {p2} ({p1_kin}). Causa: rottura del tubo della lavatrice nell'appartamento sovrastante di {p3_caps} (tel. {p3_phone}).\n\nStima del danno: {amt1}. Fattura {invoice1} verificata.\n\n{p4}\nPerito"
)
TEMPLATES["insurance_claim"]["nl"].append(
    "EXPERTISERAPPORT - Schade {claim1} / Polis {policy1}\n\nVerzekerde: {p1_tfull}\nRisicoadres: {p1_addr}\nTelefoon: {p1_phone}\n\nOpname op {date1} in aanwezigheid van {p1_tsur} en {p2} ({p1_kin}). Oorzaak: gesprongen wasmachineslang bij de bovenburen, {p3_caps} (tel. {p3_phone}).\n\nSchadebedrag: {amt1}. Factuur {invoice1} akkoord.\n\n{p4}\nSchade-expert"
)
TEMPLATES["prescription"]["en"].append(
    "{co1} Pharmacy - dispensing label\n\n{p1_upper}\nDOB {p1_dob}\nRx {ticket1}\n\nMETHOTREXATE 2.5 MG TABLETS\nTake FOUR tablets ONCE a WEEK on the same day (for {epo1}).\nDo not take with trimethoprim.\n\nPrescriber: {p2_drsur}\nDispensed: {date1}  Qty: 16\n\nDelivery: {p1_addr}  /  text {p1_phone} when out for delivery"
)
TEMPLATES["prescription"]["de"].append(
    "Apotheke am Markt - Abgabeetikett\n\n{p1_upper}\ngeb. {p1_dob}\nRezept vom {date1}, Arzt: {p2_drsur}\n\nMETHOTREXAT 2,5 mg Tabletten\n1x wöchentlich 4 Tabletten, immer am selben Tag (bei {epo1}).\n\nBotendienst an: {p1_addr}\nRückfragen: {p1_phone}"
)
TEMPLATES["prescription"]["fr"].append(
    "Pharmacie du Centre - étiquette de délivrance\n\n{p1_tfull}\n{p1_born} {p1_dob}\nOrdonnance du {date1} - {p2_drsur}\n\nMÉTHOTREXATE 2,5 mg comprimés\n4 comprimés une fois par semaine, toujours le même jour ({epo1}).\n\nLivraison à domicile : {p1_addr}\nSMS au {p1_phone} avant passage"
)
TEMPLATES["prescription"]["es"].append(
    "Farmacia - etiqueta de dispensación\n\n{p1_upper}\nFecha nac.: {p1_dob}\nReceta del {date1} - {p2_drfull}\n\nMETOTREXATO 2,5 mg comprimidos\n4 comprimidos una vez a la semana, siempre el mismo día ({epo1}).\n\nEntrega a domicilio: {p1_addr}\nAvisar al {p1_phone}"
)
TEMPLATES["prescription"]["it"].append(
    "Farmacia Comunale - etichetta di dispensazione\n\n{p1_upper}\nnat{p1_o} il {p1_dob}\nRicetta del {date1} - {p2_drfull}\n\nMETOTREXATO 2,5 mg compresse\n4 compresse una volta alla settimana, sempre lo stesso giorno ({epo1}).\n\nConsegna a domicilio: {p1_addr}\nAvvisare al {p1_phone}"
)
TEMPLATES["prescription"]["nl"].append(
    "Apotheek De Gaper - etiket\n\n{p1_tfull}\ngeb. {p1_dob}\nRecept d.d. {date1} - {p2_drfull}\n\nMETHOTREXAAT 2,5 MG TABLET\n1x per week 4 tabletten op dezelfde dag ({epo1}).\n\nBezorgen: {p1_addr}\nSms naar {p1_phone} bij bezorging"
)
TEMPLATES["bank_letter"]["en"].append(
    loc(
        "{co1_bank}\n\nDirect Debit / SEPA mandate confirmation\n\nDebtor: {p1_caps}\nAddress: {p1_addr}\nAccount (IBAN): {p1_iban}\n\nCreditor: {co2}\nMandate reference: {ref1}\nType: recurrent   Signed: {date1}\n\nThe first collection of {amt1} will be made on or after {date2}. You are entitled to a refund from your bank under the terms of your agreement with it.\n\nIf any of the details above are wrong, contact {p2} on {p2_tel} or at {p2_wemail}.",
        "{co1_bank}\n\nRecurring payment authorization\n\nCardholder: {p1_caps}\nBilling address: {p1_addr}\nCard: {p1_card}\n\nMerchant: {co2}\nAuthorization ID: {ref1}\nSigned: {date1}\n\nThe first charge of {amt1} will be made on or after {date2}. You can cancel at any time by calling the number on the back of your card.\n\nIf any of the details above are wrong, contact {p2} on {p2_tel} or at {p2_wemail}.",
    )
)
TEMPLATES["bank_letter"]["de"].append(
    "{co1_bank}\n\nBestätigung SEPA-Lastschriftmandat\n\nZahlungspflichtige/r: {p1_caps}\nAnschrift: {p1_addr}\nIBAN: {p1_iban}\n\nZahlungsempfänger: {co2}\nMandatsreferenz: {ref1}\nWiederkehrende Zahlung, erteilt am {date1}\n\nDie erste Abbuchung über {amt1} erfolgt frühestens am {date2}. Sie können innerhalb von acht Wochen die Erstattung verlangen.\n\nBei Fragen: {p2}, {p2_tel}, {p2_wemail}"
)
TEMPLATES["bank_letter"]["fr"].append(
    "{co1_bank}\n\nConfirmation de mandat de prélèvement SEPA\n\nDébiteur : {p1_caps}\nAdresse : {p1_addr}\nIBAN : {p1_iban}\n\nCréancier : {co2}\nRéférence unique du mandat : {ref1}\nPaiement récurrent, signé le {date1}\n\nLe premier prélèvement de {amt1} interviendra à partir du {date2}. Vous bénéficiez d'un droit à remboursement dans les huit semaines.\n\nContact : {p2}, {p2_tel}, {p2_wemail}"
)
TEMPLATES["bank_letter"]["es"].append(
    "{co1_bank}\n\nConfirmación de orden de domiciliación SEPA\n\nDeudor: {p1_caps}\nDomicilio: {p1_addr}\nIBAN: {p1_iban}\n\nAcreedor: {co2}\nReferencia de la orden: {ref1}\nPago recurrente, firmado el {date1}\n\nEl primer adeudo de {amt1} se realizará a partir del {date2}. Tiene derecho a la devolución en un plazo de ocho semanas.\n\nConsultas: {p2}, {p2_tel}, {p2_wemail}"
)
TEMPLATES["bank_letter"]["it"].append(
    "{co1_bank}\n\nConferma mandato di addebito diretto SEPA\n\nDebitore: {p1_caps}\nIndirizzo: {p1_addr}\nIBAN: {p1_iban}\n\nCreditore: {co2}\nRiferimento del mandato: {ref1}\nPagamento ricorrente, sottoscritto il {date1}\n\nIl primo addebito di {amt1} avverrà non prima del {date2}. Ha diritto al rimborso entro otto settimane.\n\nPer informazioni: {p2}, {p2_tel}, {p2_wemail}"
)
TEMPLATES["bank_letter"]["nl"].append(
    "{co1_bank}\n\nBevestiging SEPA-machtiging doorlopende incasso\n\nBetaler: {p1_caps}\nAdres: {p1_addr}\nIBAN: {p1_iban}\n\nIncassant: {co2}\nKenmerk machtiging: {ref1}\nGetekend op {date1}\n\nDe eerste incasso van {amt1} vindt plaats op of na {date2}. U kunt binnen acht weken terugboeken.\n\nVragen: {p2}, {p2_tel}, {p2_wemail}"
)
TEMPLATES["hr_form"]["en"].append(
    "{co1}\n\n{date3_long}\n\nTO WHOM IT MAY CONCERN\n\nReference: {p1}\n\nThis is to confirm that {p1_tfull}, born {p1_doblong}, was employed by us from {date1} to {date2} as a warehouse supervisor. {p1_given} was reliable, well liked by the team and left of {p1_his} own accord.\n\nWe are happy to answer questions by phone. Please call {p2} on {p2_tel} or write to {p2_wemail}.\n\n{p2}\nHR Manager"
)
TEMPLATES["hr_form"]["de"].append(
    "{co1}\n\nARBEITSZEUGNIS\n\n{p1_tfull}, geboren am {p1_doblong} in {p1_bplace}, war vom {date1} bis zum {date2} in unserem Unternehmen als Sachbearbeiter{p1_in} im Einkauf beschäftigt.\n\n{p1_tsur} erledigte die übertragenen Aufgaben stets zu unserer vollsten Zufriedenheit. Das Verhalten gegenüber Vorgesetzten und Kollegen war jederzeit einwandfrei.\n\nDas Arbeitsverhältnis endet auf eigenen Wunsch. Wir wünschen {p1_given} {p1_sur} für die Zukunft alles Gute.\n\n{city1}, {date3}\n\n{p2}\nLeitung Personal"
)
TEMPLATES["hr_form"]["fr"].append(
    "{co1}\n\nCERTIFICAT DE TRAVAIL\n\nJe soussigné{p2_e}, {p2}, responsable des ressources humaines, certifie que {p1_tfull}, {p1_born} {p1_doblong} à {p1_bplace}, demeurant {p1_addr}, a été employé{p1_e} du {date1} au {date2} en qualité de comptable.\n\n{p1_tsur} nous quitte libre de tout engagement.\n\nFait à {city1}, le {date3_long}, pour servir et valoir ce que de droit.\n\n{p2}"
)
TEMPLATES["hr_form"]["es"].append(
    "{co1}\n\nCERTIFICADO DE EMPRESA\n\nD./D.ª {p2}, en calidad de responsable de Recursos Humanos, CERTIFICA que {p1_tfull}, con DNI/NIE {p1_esid}, {p1_born} {p1_doblong}, ha prestado servicios en esta empresa desde el {date1} hasta el {date2} con la categoría de administrativ{p1_o}.\n\nY para que conste a los efectos oportunos, firmo el presente en {city1}, a {date3_long}.\n\nFdo.: {p2}"
)
TEMPLATES["hr_form"]["it"].append(
    "{co1}\n\nATTESTATO DI SERVIZIO\n\nSi attesta che {p1_tfull}, {p1_born} {p1_doblong} a {p1_bplace}, C.F. {p1_cf}, residente in {p1_addr}, è stat{p1_o} alle nostre dipendenze dal {date1} al {date2} con la qualifica di impiegat{p1_o} amministrativ{p1_o}.\n\nSi rilascia su richiesta dell'interessat{p1_o} per gli usi consentiti dalla legge.\n\n{city1}, {date3_long}\n\n{p2}\nUfficio Personale"
)
TEMPLATES["hr_form"]["nl"].append(
    "{co1}\n\nWERKGEVERSVERKLARING\n\nOndergetekende, {p2}, verklaart dat {p1_tfull}, geboren op {p1_doblong} te {p1_bplace}, wonende {p1_addr}, sinds {date2} bij ons in dienst is als administratief medewerker, voor onbepaalde tijd, met een bruto maandsalaris van {amt1}.\n\nEr is geen sprake van een voornemen tot beëindiging van het dienstverband.\n\n{city1}, {date1_long}\n\n{p2}\nHR-manager"
)
TEMPLATES["court_filing"]["de"].append(
    "RAHMENVERTRAG (Auszug)\n\n§ 14 Mitteilungen\n(1) Erklärungen nach diesem Vertrag bedürfen der Textform und sind zu richten\n  a) an den Auftragnehmer: {co1}, z. Hd. {p1_tfull}, {p1_addr}, E-Mail: {p1_wemail};\n  b) an den Auftraggeber: {p2_caps}, {p2_addr}, E-Mail: {p2_email}.\n(2) Adressänderungen sind unverzüglich mitzuteilen.\n\n§ 15 Datenschutz\nDie Parteien verarbeiten personenbezogene Daten nur nach {law1}.\n\n{city1}, den {date1}\n\n______________________        ______________________\n{p1_upper}                    {p2_upper}"
)
TEMPLATES["court_filing"]["fr"].append(
    "CONTRAT DE PRESTATION DE SERVICES (extrait)\n\nArticle 14 - Notifications\n14.1 Toute notification au titre du présent contrat est faite par écrit, par lettre recommandée avec accusé de réception ou par courriel, aux adresses suivantes :\n- pour le Prestataire : {co1}, à l'attention de {p1_tfull}, {p1_addr}, courriel : {p1_wemail} ;\n- pour le Client : {p2_caps}, {p2_addr}, courriel : {p2_email}.\n\nArticle 15 - Données personnelles\nLes parties s'engagent à respecter l'{law1}.\n\nFait à {city1}, le {date1}, en deux exemplaires.\n{p1_upper}          {p2_upper}"
)
TEMPLATES["court_filing"]["es"].append(
    "CONTRATO DE PRESTACIÓN DE SERVICIOS (extracto)\n\nDECIMOCUARTA.- Notificaciones\nLas notificaciones entre las partes se realizarán por escrito a las siguientes direcciones:\n- El Prestador: {co1}, a la atención de {p1_tfull}, {p1_addr}, correo electrónico: {p1_wemail}.\n- El Cliente: {p2_caps}, con DNI {p2_dni}, domicilio en {p2_addr}, correo electrónico: {p2_email}.\n\nDECIMOQUINTA.- Protección de datos\nLas partes cumplirán el {law1}.\n\nEn {city1}, a {date1_long}.\nFdo.: {p1_upper}          Fdo.: {p2_upper}"
)
TEMPLATES["court_filing"]["it"].append(
    "CONTRATTO DI SERVIZI (estratto)\n\nArt. 14 - Comunicazioni\nTutte le comunicazioni relative al presente contratto dovranno essere effettuate per iscritto, a mezzo raccomandata A/R o PEC, ai seguenti indirizzi:\n- per il Fornitore: {co1}, alla c.a. di {p1_tfull}, {p1_addr}, PEC: {p1_wemail};\n- per il Cliente: {p2_caps}, C.F. {p2_cf}, {p2_addr}, e-mail: {p2_email}.\n\nArt. 15 - Trattamento dei dati\nLe parti si impegnano al rispetto dell'{law1}.\n\n{city1}, {date1}\n{p1_upper}          {p2_upper}"
)
TEMPLATES["court_filing"]["nl"].append(
    "DIENSTVERLENINGSOVEREENKOMST (uittreksel)\n\nArtikel 14 - Kennisgevingen\n14.1 Kennisgevingen op grond van deze overeenkomst geschieden schriftelijk, per aangetekende brief of per e-mail, aan:\n(a) Opdrachtnemer: {co1}, t.a.v. {p1_tfull}, {p1_addr}, e-mail: {p1_wemail};\n(b) Opdrachtgever: {p2_caps}, {p2_addr}, e-mail: {p2_email}.\n\nArtikel 15 - Persoonsgegevens\nPartijen handelen overeenkomstig {law1}.\n\nAldus getekend te {city1} op {date1}.\n{p1_upper}          {p2_upper}"
)
CALLBACK = {
    "en": ("CALLBACK LIST - {date1}\n\n", "{n}. {name} - {phone} - re {what}\n", ["claim {claim1}", "order {order1}", "invoice {invoice1}", "address change"], "\nAll calls before 4pm please. - {p9_given}"),
    "de": ("RÜCKRUFLISTE - {date1}\n\n", "{n}. {name} - {phone} - wg. {what}\n", ["Schaden {claim1}", "Bestellung {order1}", "Rechnung {invoice1}", "Adressänderung"], "\nBitte bis 16 Uhr zurückrufen. - {p9_given}"),
    "fr": ("LISTE DE RAPPELS - {date1}\n\n", "{n}. {name} - {phone} - objet : {what}\n", ["sinistre {claim1}", "commande {order1}", "facture {invoice1}", "changement d'adresse"], "\nRappeler avant 16 h svp. - {p9_given}"),
    "es": ("LISTA DE LLAMADAS PENDIENTES - {date1}\n\n", "{n}. {name} - {phone} - asunto: {what}\n", ["siniestro {claim1}", "pedido {order1}", "factura {invoice1}", "cambio de domicilio"], "\nLlamar antes de las 16:00. - {p9_given}"),
    "it": ("RICHIAMATE DA FARE - {date1}\n\n", "{n}. {name} - {phone} - per {what}\n", ["sinistro {claim1}", "ordine {order1}", "fattura {invoice1}", "cambio indirizzo"], "\nRichiamare entro le 16. - {p9_given}"),
    "nl": ("TERUGBELLIJST - {date1}\n\n", "{n}. {name} - {phone} - inzake {what}\n", ["schade {claim1}", "bestelling {order1}", "factuur {invoice1}", "adreswijziging"], "\nGraag voor 16.00 uur terugbellen. - {p9_given}"),
}  # fmt: skip


def callback_list(c: Ctx) -> str:
    head, row, whats, foot = CALLBACK[c.lang]
    out = head
    for n in range(1, R.randint(3, 6) + 1):
        name = pick([f"{{p{n}}}", f"{{p{n}_lower}}", f"{{p{n}_tsur}}", f"{{p{n}_caps}}", f"{{p{n}_rev}}"])
        what = pick(whats).replace("1}", f"{n}}}")
        line = row.replace("{n}", str(n)).replace("{name}", name).replace("{phone}", f"{{p{n}_phone}}").replace("{what}", what)
        if chance(0.3):
            line = line.rstrip("\n") + pick([f" (DOB {{p{n}_dob}})", f" / {{p{n}_obf}}", f" / {{p{n}_email}}", " !!"]) + "\n"
        out += line
    return out + foot


for _lang in LANGS:
    TEMPLATES["call_notes"][_lang].append(callback_list)
DSAR = {
    "en": "Ticket {ticket1} | Queue: Privacy | Status: New\nRequester: \"{p1}\" <{p1_email}>\nCreated: {hdate1}\nSubject: Subject access request\n\nDear Data Protection Officer,\n\nUnder {law1} I request a copy of all personal data you hold about me. To identify me: {p1_upper}, born {p1_doblong}, customer since 2016, address {p1_addr}, phone {p1_phone}. Please include the call recordings about invoice {invoice1}.\n\nRegards,\n{p1}\n\n-- internal ({p2_given}) --\nID verified against DOB and postcode. Deadline {date1}.",
    "de": "Ticket {ticket1} | Queue: Datenschutz | Status: Neu\nAnfragende/r: \"{p1}\" <{p1_email}>\nErstellt: {hdate1}\nBetreff: Auskunftsersuchen\n\nSehr geehrte Damen und Herren,\n\nnach {law1} bitte ich um Auskunft über alle zu meiner Person gespeicherten Daten. Zur Identifikation: {p1_upper}, geboren am {p1_doblong}, Anschrift {p1_addr}, Telefon {p1_phone}. Bitte auch die Gesprächsaufzeichnungen zur Rechnung {invoice1}.\n\nMit freundlichen Grüßen\n{p1}\n\n-- intern ({p2_given}) --\nIdentität über Geburtsdatum und PLZ geprüft. Frist: {date1}.",
    "fr": "Ticket {ticket1} | File : Données personnelles | Statut : nouveau\nDemandeur : \"{p1}\" <{p1_email}>\nCréé le : {hdate1}\nObjet : demande de droit d'accès\n\nMadame, Monsieur,\n\nEn application de l'{law1}, je vous demande la communication de l'ensemble des données me concernant. Pour m'identifier : {p1_upper}, {p1_born} {p1_doblong}, domicilié{p1_e} {p1_addr}, tél. {p1_phone}. Merci d'y joindre les enregistrements relatifs à la facture {invoice1}.\n\n{p1}\n\n-- interne ({p2_given}) --\nIdentité vérifiée (DDN + CP). Échéance : {date1}.",
    "es": "Ticket {ticket1} | Cola: Privacidad | Estado: nuevo\nSolicitante: \"{p1}\" <{p1_email}>\nCreado: {hdate1}\nAsunto: ejercicio del derecho de acceso\n\nEstimados señores:\n\nAl amparo del {law1}, solicito copia de todos mis datos personales. Para identificarme: {p1_upper}, DNI/NIE {p1_esid}, {p1_born} {p1_doblong}, domicilio {p1_addr}, teléfono {p1_phone}. Incluyan las grabaciones sobre la factura {invoice1}.\n\nAtentamente,\n{p1}\n\n-- interno ({p2_given}) --\nIdentidad verificada. Plazo: {date1}.",
    "it": "Ticket {ticket1} | Coda: Privacy | Stato: nuovo\nRichiedente: \"{p1}\" <{p1_email}>\nCreato: {hdate1}\nOggetto: richiesta di accesso ai dati\n\nSpett.le Titolare,\n\nai sensi dell'{law1} chiedo copia di tutti i dati personali che mi riguardano. Per identificarmi: {p1_upper}, C.F. {p1_cf}, {p1_born} {p1_doblong}, residente in {p1_addr}, tel. {p1_phone}. Includete le registrazioni relative alla fattura {invoice1}.\n\nDistinti saluti,\n{p1}\n\n-- interno ({p2_given}) --\nIdentità verificata. Scadenza: {date1}.",
    "nl": "Ticket {ticket1} | Wachtrij: Privacy | Status: nieuw\nAanvrager: \"{p1}\" <{p1_email}>\nAangemaakt: {hdate1}\nOnderwerp: inzageverzoek\n\nGeachte heer/mevrouw,\n\nOp grond van {law1} verzoek ik om inzage in alle persoonsgegevens die u van mij verwerkt. Ter identificatie: {p1_upper}, geboren op {p1_doblong}, adres {p1_addr}, telefoon {p1_phone}. Graag ook de gespreksopnames over factuur {invoice1}.\n\nMet vriendelijke groet,\n{p1}\n\n-- intern ({p2_given}) --\nIdentiteit gecontroleerd. Termijn: {date1}.",
}  # fmt: skip
for _lang in LANGS:
    TEMPLATES["support_ticket"][_lang].append(DSAR[_lang])
IT_TICKET = {
    "en": "INC{ticket1_x} - VPN login fails\nCaller: {p1_rev} ({p1_handle})   Location: home office\nCallback: {p1_phone}\n\nUser reports MFA loop since the password change. Last successful login from {p1_ip}. Personal address for the replacement token: {p1_addr}.\n\nWork notes ({p2_nick}): reset MFA, asked {p1_given} to re-enrol. Manager {p3} approved.",
    "de": "INC{ticket1_x} - VPN-Anmeldung schlägt fehl\nMelder: {p1_rev} ({p1_handle})   Standort: Homeoffice\nRückruf: {p1_phone}\n\nNutzer{p1_in} meldet MFA-Schleife seit Passwortwechsel. Letzte erfolgreiche Anmeldung von {p1_ip}. Privatadresse für den Ersatz-Token: {p1_addr}.\n\nArbeitsnotiz ({p2_nick}): MFA zurückgesetzt, {p1_given} neu registriert. Freigabe durch Vorgesetzte/n {p3}.",
    "fr": "INC{ticket1_x} - Échec de connexion VPN\nDemandeur : {p1_rev} ({p1_handle})   Site : télétravail\nRappel : {p1_phone}\n\nBoucle MFA depuis le changement de mot de passe. Dernière connexion réussie depuis {p1_ip}. Adresse perso pour le nouveau token : {p1_addr}.\n\nNotes ({p2_nick}) : MFA réinitialisée, {p1_given} a refait l'enrôlement. Validé par {p3}.",
    "es": "INC{ticket1_x} - Fallo de acceso a la VPN\nUsuario: {p1_rev} ({p1_handle})   Ubicación: teletrabajo\nDevolver llamada: {p1_phone}\n\nBucle de MFA desde el cambio de contraseña. Último acceso correcto desde {p1_ip}. Dirección personal para el nuevo token: {p1_addr}.\n\nNotas ({p2_nick}): MFA reiniciado, {p1_given} vuelve a registrarse. Aprobado por {p3}.",
    "it": "INC{ticket1_x} - Accesso VPN non riuscito\nUtente: {p1_rev} ({p1_handle})   Sede: smart working\nRichiamare: {p1_phone}\n\nLoop MFA dopo il cambio password. Ultimo accesso riuscito da {p1_ip}. Indirizzo privato per il nuovo token: {p1_addr}.\n\nNote ({p2_nick}): MFA resettato, {p1_given} ha rifatto la registrazione. Approvato da {p3}.",
    "nl": "INC{ticket1_x} - Inloggen op VPN mislukt\nMelder: {p1_rev} ({p1_handle})   Locatie: thuiswerkplek\nTerugbellen: {p1_phone}\n\nMFA-lus sinds de wachtwoordwijziging. Laatste geslaagde login vanaf {p1_ip}. Privéadres voor het nieuwe token: {p1_addr}.\n\nWerknotities ({p2_nick}): MFA gereset, {p1_given} opnieuw geregistreerd. Akkoord van {p3}.",
}  # fmt: skip
for _lang in LANGS:
    TEMPLATES["support_ticket"][_lang].append(IT_TICKET[_lang].replace("INC{ticket1_x}", "{ticket1}"))


# ---------------------------------------------------------------------------------------------------------------------
# Driver, self-check, statistics
# ---------------------------------------------------------------------------------------------------------------------




def templated(kind: str) -> Callable[[Ctx], Seg]:
    def build(c: Ctx) -> Seg:
        t = pick(TEMPLATES[kind][c.lang])
        if callable(t):
            t = t(c)
        if isinstance(t, tuple):
            setup, t = t
            setup(c)
        return render(t, c)

    return build


def kinds() -> dict[str, Callable[[Ctx], Seg]]:
    ks: dict[str, Callable[[Ctx], Seg]] = {"email_thread": email_thread}
    for k in TEMPLATES:
        ks[k] = templated(k)
    for k, fn in BUILDERS.items():
        ks[k] = fn
    return ks




def tidy(seg: Seg) -> Seg:
    """Trim spans that picked up surrounding whitespace (never expected) and drop empty ones."""
    for a, b, t in seg.ents + seg.looks:
        v = seg.text[a:b]
        assert v == v.strip() and v, (t, repr(v))
    return seg


def build_corpus() -> list[dict[str, Any]]:
    ks = kinds()
    names = sorted(ks)
    docs = []
    for lang in LANGS:
        for i in range(DOCS_PER_LANG):
            kind = names[i % len(names)]
            if kind in TEMPLATES and lang not in TEMPLATES[kind]:
                kind = "email_thread"
            locale = pick(["uk", "us"]) if lang == "en" else LANG_COUNTRY[lang]
            c = Ctx(lang, locale)
            seg = tidy(ks[kind](c))
            text = seg.text.strip("\n") + "\n"
            lead = len(seg.text) - len(seg.text.lstrip("\n"))
            ents = sorted((a - lead, b - lead, t) for a, b, t in seg.ents)
            looks = sorted((a - lead, b - lead, t) for a, b, t in seg.looks)
            docs.append(
                {
                    "id": f"{lang}-{i + 1:04d}",
                    "lang": lang,
                    "kind": kind,
                    "text": text,
                    "entities": [
                        {"start": a, "end": b, "type": t, "category": category_of(t), "structured": category_of(t) in ("structured", "national_id")}
                        for a, b, t in ents
                    ],
                    "lookalikes": [{"start": a, "end": b, "what": w} for a, b, w in looks],
                }
            )
    return docs


def self_check(docs: list[dict[str, Any]]) -> None:
    ids = set()
    for d in docs:
        assert d["id"] not in ids
        ids.add(d["id"])
        text = d["text"]
        spans = []
        for e in d["entities"]:
            a, b = e["start"], e["end"]
            assert 0 <= a < b <= len(text), (d["id"], e)
            v = text[a:b]
            assert v == v.strip(), (d["id"], repr(v))
            assert not re.match(r"[\s,.;:)<>\"'\[\]]", v[0]), (d["id"], repr(v))
            assert not re.search(r"[\s,;:(<\"'\[]$", v), (d["id"], repr(v))
            assert e["category"] == category_of(e["type"])
            assert e["structured"] == (e["type"] not in ("PERSON", "ADDRESS", "DATE_OF_BIRTH"))
            if e["type"] in VALIDATORS:
                assert VALIDATORS[e["type"]](v), (d["id"], e["type"], repr(v))
            if e["type"] == "PERSON":
                assert not re.search(r"[<>@\d]", v), (d["id"], repr(v))
            spans.append((a, b))
        spans.sort()
        for (a1, b1), (a2, b2) in itertools.pairwise(spans):
            assert b1 <= a2, (d["id"], "overlapping entities", text[a1:b1], text[a2:b2])
        for lk in d["lookalikes"]:
            a, b = lk["start"], lk["end"]
            assert 0 <= a < b <= len(text), (d["id"], lk)
            v = text[a:b]
            assert v == v.strip() and v, (d["id"], repr(v))
            for ea, eb in spans:
                assert b <= ea or a >= eb, (d["id"], "look-alike overlaps entity", v, text[ea:eb])
            # fairness: a look-alike must not itself be a valid identifier of a labelled type
            for t in FAIRNESS_TYPES:
                assert not VALIDATORS[t](v), (d["id"], "look-alike validates as", t, v)


def stats(docs: list[dict[str, Any]]) -> str:
    out = []
    by_lang = collections.Counter(d["lang"] for d in docs)
    out.append(f"documents: {len(docs)}  characters: {sum(len(d['text']) for d in docs)}  "
               f"entities: {sum(len(d['entities']) for d in docs)}  look-alikes: {sum(len(d['lookalikes']) for d in docs)}")
    out.append("per language: " + ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items())))
    by_kind = collections.Counter(d["kind"] for d in docs)
    out.append("per kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    types = sorted({e["type"] for d in docs for e in d["entities"]})
    out.append("\nentities per type and language:")
    out.append(f"{'type':24}" + "".join(f"{lang:>7}" for lang in LANGS) + f"{'total':>8}")
    for t in types:
        row = [sum(1 for d in docs if d["lang"] == lang for e in d["entities"] if e["type"] == t) for lang in LANGS]
        out.append(f"{t:24}" + "".join(f"{n:>7}" for n in row) + f"{sum(row):>8}")
    cats = sorted({e["category"] for d in docs for e in d["entities"]})
    out.append("\nentities per category:")
    for cat in cats:
        row = [sum(1 for d in docs if d["lang"] == lang for e in d["entities"] if e["category"] == cat) for lang in LANGS]
        out.append(f"{cat:24}" + "".join(f"{n:>7}" for n in row) + f"{sum(row):>8}")
    whats = sorted({lk["what"] for d in docs for lk in d["lookalikes"]})
    out.append("\nlook-alikes per kind and language:")
    for w in whats:
        row = [sum(1 for d in docs if d["lang"] == lang for lk in d["lookalikes"] if lk["what"] == w) for lang in LANGS]
        out.append(f"{w:24}" + "".join(f"{n:>7}" for n in row) + f"{sum(row):>8}")
    lens = sorted(len(d["text"]) for d in docs)
    out.append(f"\ndocument length: min {lens[0]}, median {lens[len(lens) // 2]}, max {lens[-1]} characters")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only validate the existing heldout.jsonl")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.check:
        docs = [json.loads(line) for line in args.out.read_text(encoding="utf-8").splitlines()]
    else:
        docs = build_corpus()
        self_check(docs)
        with args.out.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    self_check(docs)
    print(stats(docs))
    print(f"\nself-check passed; {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
