# ruff: noqa: E501, RUF001
# The templates are multilingual document text: long lines and typographic dashes, quotes and
# NBSP are part of what is being measured, so E501 and RUF001 do not apply to this file.
"""Third blind held-out PII corpus for Airlock's redaction benchmark.

Written from general knowledge only, without reading any recogniser (see README.md). Stdlib only.

    python bench/heldout3/generate.py          # rewrite heldout.jsonl, self-check, print counts
    python bench/heldout3/generate.py --check  # re-validate the file and confirm byte-identical regeneration
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

SEED = 20261207
LANGS = ("en", "de", "fr", "es", "it", "nl")
DOCS_PER_LANG = 125
OUT = Path(__file__).with_name("heldout.jsonl")

NBSP = "\u00a0"
NNBSP = "\u202f"

CATEGORY = {
    "PERSON": "name",
    "EMAIL_ADDRESS": "structured",
    "PHONE_NUMBER": "structured",
    "ADDRESS": "address",
    "DATE_OF_BIRTH": "date",
    "CREDIT_CARD": "structured",
    "IBAN_CODE": "structured",
    "US_SSN": "national_id",
    "UK_NINO": "national_id",
    "UK_NHS": "national_id",
    "DE_STEUER_ID": "national_id",
    "DE_SVNR": "national_id",
    "DE_KVNR": "national_id",
    "FR_NIR": "national_id",
    "ES_DNI": "national_id",
    "ES_NIE": "national_id",
    "IT_FISCAL_CODE": "national_id",
    "NL_BSN": "national_id",
    "MEDICAL_RECORD_NUMBER": "structured",
    "IP_ADDRESS": "structured",
}
UNSTRUCTURED = {"PERSON", "ADDRESS", "DATE_OF_BIRTH"}

LOOKALIKE_KINDS = {
    # kinds used by the earlier sets' definitions
    "brand",
    "medical_eponym",
    "law_citation",
    "order_number",
    "case_number",
    "policy_number",
    "claim_number",
    "invoice_number",
    "ticket_number",
    "reference_number",
    "card_last_four",
    "date",
    "amount",
    # kinds added by this set (see README.md)
    "institution",
    "product_name",
    "street_name",
    "company_registration",
    "tracking_number",
    "flight_number",
}


# ---------------------------------------------------------------------------
# Validators (kept apart from the builders below; the self-check uses only these)
# ---------------------------------------------------------------------------


def digits_of(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def v_luhn(s: str) -> bool:
    d = digits_of(s)
    if not 12 <= len(d) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def v_card(s: str) -> bool:
    d = digits_of(s)
    if not v_luhn(d):
        return False
    if d[0] == "4":
        return len(d) in (16, 19)
    if d[:2] in ("34", "37"):
        return len(d) == 15
    if "51" <= d[:2] <= "55" or "2221" <= d[:4] <= "2720":
        return len(d) == 16
    return False


def _iban_num(s: str) -> int:
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r))


IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18}


def v_iban(s: str) -> bool:
    c = re.sub(r"[\s\u00a0\u202f]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", c):
        return False
    if IBAN_LEN.get(c[:2]) != len(c) or _iban_num(c) % 97 != 1:
        return False
    bban = c[4:]
    if c[:2] == "FR":
        bank, branch, acct, key = bban[:5], bban[5:10], bban[10:21], bban[21:]
        return (89 * int(bank) + 15 * int(branch) + 3 * int(acct) + int(key)) % 97 == 0
    if c[:2] == "ES":
        return bban[8:10] == v_es_ccc_digits(bban[:4], bban[4:8], bban[10:])
    if c[:2] == "IT":
        return bban[0] == v_cin(bban[1:])
    if c[:2] == "NL" and c[4:8] != "INGB":
        acct = c[8:]
        return sum(int(x) * w for x, w in zip(acct, range(10, 0, -1), strict=True)) % 11 == 0
    return True


def v_es_ccc_digits(entity: str, office: str, account: str) -> str:
    w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)

    def one(ds: str) -> str:
        r = 11 - sum(int(a) * b for a, b in zip(ds, w, strict=True)) % 11
        return "0" if r == 11 else "1" if r == 10 else str(r)

    return one("00" + entity + office) + one(account)


_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            2,
            4,
            18,
            20,
            11,
            3,
            6,
            8,
            12,
            14,
            16,
            10,
            22,
            25,
            24,
            23,
        ],
        strict=True,
    )
)
_CF_EVEN = {**{str(i): i for i in range(10)}, **{chr(65 + i): i for i in range(26)}}


def _odd_even_check(s: str) -> str:
    total = sum(_CF_ODD[c] if i % 2 == 0 else _CF_EVEN[c] for i, c in enumerate(s))
    return chr(65 + total % 26)


def v_cin(rest: str) -> str:
    return _odd_even_check(rest)


def v_nhs(s: str) -> bool:
    d = digits_of(s)
    if len(d) != 10:
        return False
    r = 11 - sum(int(x) * w for x, w in zip(d[:9], range(10, 1, -1), strict=True)) % 11
    r = 0 if r == 11 else r
    return r != 10 and r == int(d[9])


def v_bsn(s: str) -> bool:
    d = digits_of(s)
    if len(d) != 9 or d[0] == "0":
        return False
    return (sum(int(x) * w for x, w in zip(d[:8], range(9, 1, -1), strict=True)) - int(d[8])) % 11 == 0


def v_steuer(s: str) -> bool:
    d = digits_of(s)
    if len(d) != 11 or d[0] == "0":
        return False
    counts = Counter(d[:10])
    if sorted(counts.values(), reverse=True)[0] not in (2, 3) or len(counts) not in (8, 9):
        return False
    product = 10
    for ch in d[:10]:
        t = (int(ch) + product) % 10 or 10
        product = (t * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(d[10])


def _cross(n: int) -> int:
    return sum(int(c) for c in str(n))


def v_kvnr(s: str) -> bool:
    if not re.fullmatch(r"[A-Z]\d{9}", s):
        return False
    ds = f"{ord(s[0]) - 64:02d}" + s[1:9]
    total = sum(_cross(int(c) * (1 if i % 2 == 0 else 2)) for i, c in enumerate(ds))
    return total % 10 == int(s[9])


def v_svnr(s: str) -> bool:
    c = s.replace(" ", "")
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)", c)
    if not m:
        return False
    day, month = int(m.group(2)), int(m.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    ds = m.group(1) + m.group(2) + m.group(3) + m.group(4) + f"{ord(m.group(5)) - 64:02d}" + m.group(6)
    w = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    return sum(_cross(int(a) * b) for a, b in zip(ds, w, strict=True)) % 10 == int(m.group(7))


def v_nir(s: str) -> bool:
    c = re.sub(r"[\s\u00a0]", "", s)
    if not re.fullmatch(r"[12]\d{2}(0[1-9]|1[0-2])(\d{2}|2A|2B)\d{6}\d{2}", c):
        return False
    body = c[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(c[13:])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def v_dni(s: str) -> bool:
    c = s.replace(".", "").replace("-", "").replace(" ", "")
    return bool(re.fullmatch(r"\d{8}[A-Z]", c)) and DNI_LETTERS[int(c[:8]) % 23] == c[8]


def v_nie(s: str) -> bool:
    c = s.replace("-", "").replace(" ", "").replace(".", "")
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", c):
        return False
    return DNI_LETTERS[int(str("XYZ".index(c[0])) + c[1:8]) % 23] == c[8]


def v_cf(s: str) -> bool:
    c = s.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", c):
        return False
    return _odd_even_check(c[:15]) == c[15]


def v_ssn(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a < "900" and g != "00" and n != "0000"


def v_nino(s: str) -> bool:
    c = s.replace(" ", "")
    if not re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", c):
        return False
    return c[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")


def v_ip(s: str) -> bool:
    parts = s.split(".")
    return len(parts) == 4 and all(p.isdigit() and str(int(p)) == p and int(p) <= 255 for p in parts)


_OBF = [
    (r"\s*[\[(]\s*(at|arobase|arroba|chiocciola|apenstaartje|ät)\s*[\])]\s*", "@"),
    (r"\s+(at|arobase|arroba|chiocciola|apenstaartje)\s+", "@"),
    (r"\s*@\s*", "@"),
    (r"\s*[\[(]\s*(dot|punkt|point|punto|punt)\s*[\])]\s*", "."),
    (r"\s+(dot|punkt|point|punto|punt)\s+", "."),
]


def v_email(s: str) -> bool:
    c = s
    for pat, rep in _OBF:
        c = re.sub(pat, rep, c, flags=re.IGNORECASE)
    return bool(re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", c, flags=re.IGNORECASE))


def v_phone(s: str) -> bool:
    d = digits_of(re.split(r"\s*(?:ext\.?|x|Durchwahl|poste|int\.|toestel)\s*\d+$", s)[0])
    return 7 <= len(d) <= 15 and bool(
        re.fullmatch(r"[+\d()./\-\s\u00a0\u202f]+(\s*(ext\.?|x|poste|int\.)\s*\d+)?", s)
    )


def v_mrn(s: str) -> bool:
    return (
        bool(re.fullmatch(r"[A-Z]{0,4}[-/]?\d{2,4}([-/.]?\d{2,8}){0,3}|\d{5,10}", s))
        and len(digits_of(s)) >= 5
    )


MONTH_WORDS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
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
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
]


def v_dob(s: str) -> bool:
    if re.fullmatch(r"\d{1,2}[./\-]\d{1,2}[./\-](19|20)\d{2}|(19|20)\d{2}-\d{2}-\d{2}", s):
        return True
    low = s.lower()
    return bool(re.search(r"(19|20)\d{2}", s)) and any(re.search(rf"\b{w}\b", low) for w in MONTH_WORDS)


VALIDATORS: dict[str, Callable[[str], bool]] = {
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
    "EMAIL_ADDRESS": v_email,
    "PHONE_NUMBER": v_phone,
    "MEDICAL_RECORD_NUMBER": v_mrn,
    "DATE_OF_BIRTH": v_dob,
}


def passes_any_id(s: str) -> bool:
    """True if a look-alike string (or one of its tokens) would pass an identifier checksum."""
    candidates = {s, re.sub(r"[\s\u00a0\u202f]", "", s)} | set(re.split(r"[\s\u00a0\u202f/:#]+", s))
    for c in candidates:
        if not c:
            continue
        d = digits_of(c)
        if v_luhn(d) or v_nhs(d) or v_bsn(d) or v_steuer(d) or v_nir(d):
            return True
        if v_iban(c) or v_dni(c) or v_nie(c) or v_cf(c) or v_kvnr(c) or v_nino(c) or v_svnr(c):
            return True
        if re.fullmatch(r"\d{3}-\d{2}-\d{4}", c) and v_ssn(c):
            return True
    return False


# ---------------------------------------------------------------------------
# Builders (identifiers are built from their specifications; validated separately)
# ---------------------------------------------------------------------------


def rdig(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def luhn_complete(body: str) -> str:
    for c in "0123456789":
        if v_luhn(body + c):
            return body + c
    raise AssertionError(body)


def b_card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc5", "mc2", "amex", "visa19"])
    if kind == "amex":
        n = luhn_complete(rng.choice(["34", "37"]) + rdig(rng, 12))
        sep = rng.choice([" ", "-", ""])
        return sep.join([n[:4], n[4:10], n[10:]])
    if kind == "visa19":
        n = luhn_complete("4" + rdig(rng, 17))
        return " ".join([n[:4], n[4:8], n[8:12], n[12:16], n[16:]])
    prefix = {"visa": "4", "mc5": str(rng.randint(51, 55)), "mc2": str(rng.randint(2221, 2720))}[kind]
    n = luhn_complete(prefix + rdig(rng, 15 - len(prefix)))
    sep = rng.choice([" ", " ", "-", "", NBSP])
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


def _iban_from(cc: str, bban: str) -> str:
    chk = 98 - _iban_num(cc + "00" + bban) % 97
    return f"{cc}{chk:02d}{bban}"


def b_iban(rng: random.Random, cc: str) -> str:
    if cc == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"]) + rdig(rng, 14)
    elif cc == "DE":
        bban = rng.choice(
            ["37040044", "10070000", "50010517", "12030000", "43060967", "20050550", "70150000", "60050101"]
        )
        bban += rdig(rng, 10)
    elif cc == "FR":
        bank, branch, acct = (
            rng.choice(["30004", "30003", "20041", "10278", "30002", "18206"]),
            rdig(rng, 5),
            rdig(rng, 11),
        )
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        bban = f"{bank}{branch}{acct}{key:02d}"
    elif cc == "ES":
        ent, off, acct = (
            rng.choice(["2100", "0049", "0182", "2038", "0081", "1465"]),
            rdig(rng, 4),
            rdig(rng, 10),
        )
        bban = ent + off + v_es_ccc_digits(ent, off, acct) + acct
    elif cc == "IT":
        rest = rng.choice(["03069", "02008", "05034", "03062", "01030"]) + rdig(rng, 5) + rdig(rng, 12)
        bban = v_cin(rest) + rest
    elif cc == "NL":
        bank = rng.choice(["ABNA", "RABO", "INGB", "SNSB", "ASNB", "TRIO", "KNAB"])
        while True:
            acct = rdig(rng, 10)
            if (
                bank == "INGB"
                or sum(int(x) * w for x, w in zip(acct, range(10, 0, -1), strict=True)) % 11 == 0
            ):
                break
        bban = bank + acct
    else:
        raise ValueError(cc)
    iban = _iban_from(cc, bban)
    style = rng.random()
    if style < 0.2:
        return iban
    sep = NBSP if style > 0.9 else " "
    return sep.join(iban[i : i + 4] for i in range(0, len(iban), 4))


def b_nhs(rng: random.Random) -> str:
    while True:
        body = rng.choice("467") + rdig(rng, 8)
        r = 11 - sum(int(x) * w for x, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if r == 10:
            continue
        n = body + str(0 if r == 11 else r)
        return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def b_bsn(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + rdig(rng, 7)
        last = sum(int(x) * w for x, w in zip(body, range(9, 1, -1), strict=True)) % 11
        if last < 10:
            n = body + str(last)
            return rng.choice([n, n, f"{n[:4]}.{n[4:6]}.{n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"])


def b_steuer(rng: random.Random) -> str:
    while True:
        ds = rng.sample("0123456789", 9)
        if ds[0] == "0":
            continue
        twice = rng.choice(ds[1:])
        pos = rng.randint(1, 9)
        body = [*ds[:pos], twice, *ds[pos:]]
        body_s = "".join(body)
        product = 10
        for ch in body_s:
            t = (int(ch) + product) % 10 or 10
            product = (t * 2) % 11
        c = 11 - product
        n = body_s + str(0 if c == 10 else c)
        return rng.choice([n, f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}", f"{n[:2]}/{n[2:5]}/{n[5:8]}/{n[8:]}"])


def b_kvnr(rng: random.Random) -> str:
    letter = rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ")
    body = rdig(rng, 8)
    ds = f"{ord(letter) - 64:02d}" + body
    total = sum(_cross(int(c) * (1 if i % 2 == 0 else 2)) for i, c in enumerate(ds))
    return letter + body + str(total % 10)


PARTICLES = {
    "von",
    "van",
    "de",
    "der",
    "den",
    "zu",
    "la",
    "le",
    "di",
    "da",
    "del",
    "della",
    "dei",
    "ten",
    "ter",
    "vom",
    "zum",
}


def plain_letters(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if c.isalpha() and ord(c) < 128).upper()


def b_svnr(rng: random.Random, surname: str, dob: tuple[int, int, int], female: bool) -> str:
    words = [w for w in re.split(r"[\s-]+", surname) if w.lower() not in PARTICLES]
    letter = plain_letters(words[0])[0]
    y, m, d = dob
    area = rng.choice(["12", "13", "15", "18", "23", "24", "28", "38", "42", "53", "56", "65", "66"])
    serial = rng.randint(50, 99) if female else rng.randint(0, 49)
    ds = f"{area}{d:02d}{m:02d}{y % 100:02d}{ord(letter) - 64:02d}{serial:02d}"
    w = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    chk = sum(_cross(int(a) * b) for a, b in zip(ds, w, strict=True)) % 10
    n = f"{area}{d:02d}{m:02d}{y % 100:02d}{letter}{serial:02d}{chk}"
    return rng.choice([n, f"{n[:2]} {n[2:8]} {n[8]} {n[9:]}"])


def b_nir(rng: random.Random, female: bool, dob: tuple[int, int, int], dept: str, commune: str) -> str:
    y, m, _ = dob
    body = f"{2 if female else 1}{y % 100:02d}{m:02d}{dept}{commune}{rng.randint(1, 999):03d}"
    key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
    n = body + f"{key:02d}"
    if rng.random() < 0.3:
        return n
    sep = rng.choice([" ", " ", NBSP])
    return sep.join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]])


def b_dni(rng: random.Random) -> str:
    n = rng.randint(10_000_000, 79_999_999)
    letter = DNI_LETTERS[n % 23]
    return rng.choice([f"{n}{letter}", f"{n}-{letter}", f"{n:,}".replace(",", ".") + f"-{letter}"])


def b_nie(rng: random.Random) -> str:
    p = rng.choice("XYZ")
    n = rdig(rng, 7)
    letter = DNI_LETTERS[int(str("XYZ".index(p)) + n) % 23]
    return rng.choice([f"{p}{n}{letter}", f"{p}-{n}-{letter}"])


def _cf_part(word: str, given: bool) -> str:
    w = plain_letters(word)
    cons = [c for c in w if c not in "AEIOU"]
    vows = [c for c in w if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return "".join(cons + vows + ["X", "X", "X"])[:3]


def b_cf(
    rng: random.Random, surname: str, given: str, dob: tuple[int, int, int], female: bool, belfiore: str
) -> str:
    y, m, d = dob
    s = _cf_part(surname, False) + _cf_part(given, True) + f"{y % 100:02d}" + "ABCDEHLMPRST"[m - 1]
    s += f"{d + 40 if female else d:02d}" + belfiore
    s += _odd_even_check(s)
    return s if rng.random() > 0.1 else s.lower()


def b_ssn(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def b_nino(rng: random.Random) -> str:
    first, second = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while True:
        pre = rng.choice(first) + rng.choice(second)
        if pre not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    n = rdig(rng, 6)
    suf = rng.choice("ABCD")
    return rng.choice([f"{pre}{n}{suf}", f"{pre} {n[:2]} {n[2:4]} {n[4:]} {suf}"])


def b_ip(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(
            [
                f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}",
            ]
        )
    first = rng.choice(
        [
            31,
            37,
            46,
            62,
            78,
            80,
            81,
            82,
            84,
            85,
            87,
            88,
            89,
            91,
            92,
            93,
            94,
            95,
            109,
            151,
            176,
            185,
            188,
            212,
            213,
            217,
        ]
    )
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def b_mrn(rng: random.Random, lang: str) -> str:
    y = rng.randint(2016, 2026)
    shapes = [
        lambda: rdig(rng, rng.choice([7, 8])),
        lambda: f"{y}/{rdig(rng, 6)}",
        lambda: f"{rng.choice(['KH', 'PT', 'HC', 'MR', 'CC', 'UZ'])}-{y}-{rdig(rng, 6)}",
        lambda: f"{rdig(rng, 2)}.{rdig(rng, 3)}.{rdig(rng, 3)}",
        lambda: f"{rng.choice('ABDKMRSZ')}{rdig(rng, 7)}",
    ]
    while True:
        s = rng.choice(shapes)()
        if not passes_any_id(s):
            return s


# ---------------------------------------------------------------------------
# Pools, written for this corpus
# ---------------------------------------------------------------------------

# (given, female, nickname or "")
GIVEN = {
    "en": [
        ("Oliver", False, "Ollie"),
        ("Harriet", True, "Hattie"),
        ("Callum", False, ""),
        ("Priya", True, ""),
        ("Thomas", False, "Tom"),
        ("Rebecca", True, "Becky"),
        ("Gareth", False, ""),
        ("Siobhan", True, ""),
        ("Daniel", False, "Dan"),
        ("Eleanor", True, "Ellie"),
        ("Kwame", False, ""),
        ("Imogen", True, ""),
        ("Marcus", False, ""),
        ("Abigail", True, "Abby"),
        ("Tyler", False, ""),
        ("Destiny", True, ""),
        ("Robert", False, "Bob"),
        ("Katherine", True, "Kate"),
        ("Jamal", False, ""),
        ("Megan", True, ""),
        ("William", False, "Will"),
        ("Margaret", True, "Peggy"),
        ("Hamish", False, ""),
        ("Aoife", True, ""),
    ],
    "de": [
        ("Lukas", False, ""),
        ("Hannelore", True, "Hanne"),
        ("Jürgen", False, ""),
        ("Katharina", True, "Kathi"),
        ("Maximilian", False, "Max"),
        ("Sophie", True, ""),
        ("Dieter", False, ""),
        ("Annegret", True, ""),
        ("Florian", False, "Flo"),
        ("Ursula", True, "Uschi"),
        ("Mehmet", False, ""),
        ("Elif", True, ""),
        ("Friedrich", False, "Fritz"),
        ("Johanna", True, "Jo"),
        ("Björn", False, ""),
        ("Sabine", True, ""),
        ("Karl-Heinz", False, ""),
        ("Anna-Lena", True, ""),
        ("Tobias", False, "Tobi"),
        ("Ingrid", True, ""),
    ],
    "fr": [
        ("Jean-Baptiste", False, "JB"),
        ("Anne-Sophie", True, ""),
        ("Loïc", False, ""),
        ("Hélène", True, ""),
        ("Mathieu", False, "Mat"),
        ("Céline", True, ""),
        ("François", False, ""),
        ("Maëlle", True, ""),
        ("Karim", False, ""),
        ("Aïcha", True, ""),
        ("Thibault", False, "Titi"),
        ("Margaux", True, "Margot"),
        ("Olivier", False, ""),
        ("Bérénice", True, ""),
        ("Yannick", False, ""),
        ("Solène", True, ""),
        ("Pierre-Yves", False, ""),
        ("Isabelle", True, "Isa"),
        ("Grégoire", False, ""),
        ("Noémie", True, ""),
    ],
    "es": [
        ("José Luis", False, "Pepe"),
        ("María José", True, "Majo"),
        ("Álvaro", False, ""),
        ("Lucía", True, ""),
        ("Francisco", False, "Paco"),
        ("Inmaculada", True, "Inma"),
        ("Iñaki", False, ""),
        ("Nerea", True, ""),
        ("Javier", False, "Javi"),
        ("Rocío", True, ""),
        ("Sergio", False, ""),
        ("Pilar", True, "Pili"),
        ("Andrés", False, ""),
        ("Concepción", True, "Concha"),
        ("Jorge", False, ""),
        ("Ainhoa", True, ""),
        ("Rafael", False, "Rafa"),
        ("Montserrat", True, "Montse"),
        ("Youssef", False, ""),
        ("Carmen", True, ""),
    ],
    "it": [
        ("Gianluca", False, "Luca"),
        ("Maria Grazia", True, ""),
        ("Salvatore", False, "Totò"),
        ("Chiara", True, ""),
        ("Giuseppe", False, "Peppe"),
        ("Francesca", True, "Franci"),
        ("Matteo", False, ""),
        ("Beatrice", True, "Bea"),
        ("Alessandro", False, "Ale"),
        ("Giovanna", True, ""),
        ("Niccolò", False, ""),
        ("Ilaria", True, ""),
        ("Domenico", False, "Mimmo"),
        ("Federica", True, "Fede"),
        ("Emanuele", False, ""),
        ("Rosaria", True, "Sara"),
        ("Pierluigi", False, ""),
        ("Lucrezia", True, ""),
        ("Andrea", False, ""),
        ("Caterina", True, "Cate"),
    ],
    "nl": [
        ("Joris", False, ""),
        ("Sanne", True, ""),
        ("Maarten", False, ""),
        ("Femke", True, ""),
        ("Willem", False, "Wim"),
        ("Geertruida", True, "Truus"),
        ("Daan", False, ""),
        ("Anouk", True, ""),
        ("Johannes", False, "Hans"),
        ("Marieke", True, ""),
        ("Sem", False, ""),
        ("Lieke", True, ""),
        ("Hendrik", False, "Henk"),
        ("Cornelia", True, "Corrie"),
        ("Bram", False, ""),
        ("Esra", True, ""),
        ("Pieter-Jan", False, ""),
        ("Annemarie", True, ""),
        ("Ruud", False, ""),
        ("Fleur", True, ""),
    ],
}

SURNAMES = {
    "en": [
        "Whitfield",
        "Okonkwo",
        "Hargreaves",
        "Fitzgerald-Hughes",
        "O'Sullivan",
        "McAllister",
        "Patel",
        "Pemberton",
        "Ashworth",
        "Nguyen",
        "Delgado",
        "Kowalczyk",
        "Thornbury",
        "Ramsbottom",
        "Achterberg",
        "Castellano",
        "Bryce-Montague",
        "Lindqvist",
        "Abernathy",
        "de la Cruz",
        "Holloway",
        "Mensah",
        "Featherstone",
        "Gallagher",
    ],
    "de": [
        "Brinkmann",
        "von Bülow",
        "Schäfer-Lindner",
        "Öztürk",
        "Kowalski",
        "Weißenborn",
        "Hufnagel",
        "von der Heyde",
        "Grünewald",
        "Pfeiffer",
        "Lehmkuhl",
        "Dietrich",
        "Zimmermann",
        "Nowak",
        "Steinbrück",
        "Ahrens",
        "Jankowiak",
        "Müller-Hagedorn",
        "Kröger",
        "Ostendorf",
    ],
    "fr": [
        "Lefèvre",
        "Le Goff",
        "de la Roche",
        "Dupont-Marchal",
        "N'Diaye",
        "Benali",
        "Rousseau",
        "Kerbrat",
        "Lemaître",
        "Faure",
        "Chevallier",
        "Boucher-Morel",
        "Nguyen",
        "Mercier",
        "Vasseur",
        "Da Silva",
        "Giraud",
        "Pelletier",
        "Haddad",
        "Marchand",
    ],
    "es": [
        "García Fernández",
        "López de la Torre",
        "Martín Olmedo",
        "Iturriaga Etxeberria",
        "Sánchez-Prieto",
        "Ruiz Castillo",
        "Domínguez Pérez",
        "El Amrani",
        "Navarro Gil",
        "Herrera Blanco",
        "Fuentes de Miguel",
        "Ortega Llorente",
        "Vidal i Puig",
        "Romero Salas",
        "Gutiérrez Cano",
        "Moreno Vega",
        "Cabrera Ortiz",
        "Aguirre Zubizarreta",
        "Pastor Ribas",
        "Castro Iglesias",
    ],
    "it": [
        "Di Stefano",
        "De Luca",
        "Dell'Acqua",
        "Lo Russo",
        "Bianchi",
        "Esposito",
        "Ferraro",
        "Colombo",
        "Santoro",
        "Marchetti",
        "D'Angelo",
        "La Rosa",
        "Bassi",
        "Fontana",
        "Galli",
        "Russo",
        "Pellegrini",
        "Mancini",
        "Barbieri",
        "Greco",
    ],
    "nl": [
        "van der Meer",
        "de Vries",
        "van den Berg",
        "Jansen",
        "Bakker-Visser",
        "Mulder",
        "de Jong",
        "Kuipers",
        "van Dijk",
        "Smit",
        "Hoekstra",
        "Verhoeven",
        "van 't Hof",
        "Dekker",
        "Brouwer",
        "ter Horst",
        "El Idrissi",
        "Postma",
        "de Groot",
        "Willemsen",
    ],
}

TITLES = {
    "en": ({False: ["Mr", "Mr.", "Dr"], True: ["Mrs", "Ms", "Ms.", "Dr", "Miss"]}),
    "de": ({False: ["Herr", "Dr."], True: ["Frau", "Dr."]}),
    "fr": ({False: ["M.", "Monsieur", "Dr"], True: ["Mme", "Madame", "Dr"]}),
    "es": ({False: ["Sr.", "D.", "Dr."], True: ["Sra.", "Dña.", "Dra."]}),
    "it": ({False: ["Sig.", "Dott.", "Avv."], True: ["Sig.ra", "Dott.ssa", "Avv."]}),
    "nl": ({False: ["dhr.", "de heer", "mr."], True: ["mevr.", "mevrouw", "dr."]}),
}

REL = {
    "en": {
        "sal": ("Mr", "Ms"),
        "adr": ("Mr", "Ms"),
        "partner": ("husband", "wife"),
        "sib": ("brother", "sister"),
        "child": ("son", "daughter"),
        "pron": ("he", "she"),
    },
    "de": {
        "sal": ("Herr", "Frau"),
        "adr": ("Herrn", "Frau"),
        "partner": ("mein Mann", "meine Frau"),
        "sib": ("mein Bruder", "meine Schwester"),
        "child": ("Sohn", "Tochter"),
        "pron": ("er", "sie"),
    },
    "fr": {
        "sal": ("Monsieur", "Madame"),
        "adr": ("Monsieur", "Madame"),
        "partner": ("mon mari", "ma femme"),
        "sib": ("mon frère", "ma sœur"),
        "child": ("fils", "fille"),
        "pron": ("il", "elle"),
    },
    "es": {
        "sal": ("Sr.", "Sra."),
        "adr": ("Sr. D.", "Sra. Dña."),
        "partner": ("mi marido", "mi mujer"),
        "sib": ("mi hermano", "mi hermana"),
        "child": ("hijo", "hija"),
        "pron": ("él", "ella"),
    },
    "it": {
        "sal": ("Sig.", "Sig.ra"),
        "adr": ("Egr. Sig.", "Gent.ma Sig.ra"),
        "partner": ("mio marito", "mia moglie"),
        "sib": ("mio fratello", "mia sorella"),
        "child": ("figlio", "figlia"),
        "pron": ("lui", "lei"),
    },
    "nl": {
        "sal": ("heer", "mevrouw"),
        "adr": ("De heer", "Mevrouw"),
        "partner": ("mijn man", "mijn vrouw"),
        "sib": ("mijn broer", "mijn zus"),
        "child": ("zoon", "dochter"),
        "pron": ("hij", "zij"),
    },
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

# Towns: (town, postcode maker args). Addresses are built in b_address.
UK_TOWNS = [
    ("Leeds", "LS6"),
    ("Bristol", "BS7"),
    ("Manchester", "M20"),
    ("Norwich", "NR2"),
    ("Cardiff", "CF24"),
    ("Edinburgh", "EH10"),
    ("York", "YO31"),
    ("Brighton", "BN2"),
    ("Oxford", "OX4"),
    ("Sheffield", "S11"),
    ("Exeter", "EX4"),
    ("London", "SE15"),
    ("London", "N16"),
    ("Glasgow", "G12"),
    ("Belfast", "BT9"),
    ("Harrogate", "HG1"),
    ("Reading", "RG1"),
]
UK_STREETS = [
    "Mill Lane",
    "Victoria Road",
    "Ashgrove Avenue",
    "Church Street",
    "Kingsway",
    "Orchard Close",
    "Beechwood Drive",
    "Station Approach",
    "Holloway Road",
    "The Crescent",
    "Priory Gardens",
    "Tanners Row",
]
US_TOWNS = [
    ("Columbus", "OH", "432"),
    ("Austin", "TX", "787"),
    ("Portland", "OR", "972"),
    ("Raleigh", "NC", "276"),
    ("Madison", "WI", "537"),
    ("Tucson", "AZ", "857"),
    ("Albany", "NY", "122"),
    ("Denver", "CO", "802"),
    ("Savannah", "GA", "314"),
    ("Boise", "ID", "837"),
    ("Springfield", "IL", "627"),
    ("Richmond", "VA", "232"),
]
US_STREETS = [
    "N Maple Ave",
    "Lakeview Dr",
    "Elm Street",
    "W 34th St",
    "Cedar Ridge Rd",
    "Sycamore Ln",
    "Oak Park Blvd",
    "S Main St",
    "Willow Creek Ct",
    "E Franklin St",
    "Pinecrest Way",
    "Harbor View Ter",
]
DE_TOWNS = [
    ("Köln", "506"),
    ("Leipzig", "041"),
    ("Freiburg im Breisgau", "791"),
    ("Münster", "481"),
    ("Hamburg", "220"),
    ("Nürnberg", "904"),
    ("Dresden", "011"),
    ("Bremen", "282"),
    ("Mainz", "551"),
    ("Augsburg", "861"),
    ("Kassel", "341"),
    ("Potsdam", "144"),
    ("Regensburg", "930"),
    ("Bonn", "531"),
]
DE_STREETS = [
    "Lindenstraße",
    "Am Mühlbach",
    "Bahnhofstr.",
    "Gartenweg",
    "Kirchplatz",
    "Hauptstraße",
    "Eichenallee",
    "Am Rosenhang",
    "Talstraße",
    "Wiesengrund",
    "Hohe Str.",
    "Uferweg",
    "Brunnengasse",
    "Auf dem Kamp",
]
FR_TOWNS = [
    ("Lyon", ["69003", "69006", "69007"]),
    ("Toulouse", ["31000", "31300", "31400"]),
    ("Nantes", ["44000", "44100"]),
    ("Rennes", ["35000", "35200"]),
    ("Bordeaux", ["33000", "33800"]),
    ("Lille", ["59000", "59800"]),
    ("Strasbourg", ["67000", "67100"]),
    ("Montpellier", ["34000", "34070"]),
    ("Grenoble", ["38000", "38100"]),
    ("Dijon", ["21000"]),
    ("Angers", ["49100"]),
    ("Rouen", ["76000"]),
    ("Ajaccio", ["20000"]),
    ("Marseille", ["13005", "13008"]),
    ("Brest", ["29200"]),
]
FR_STREETS = [
    "rue des Lilas",
    "avenue de la République",
    "impasse des Tilleuls",
    "allée des Acacias",
    "chemin du Moulin",
    "place du Marché",
    "rue Nationale",
    "quai de la Fosse",
    "rue de la Paix",
    "boulevard de la Liberté",
    "rue du Château",
    "route de Vannes",
]
ES_TOWNS = [
    ("Madrid", "280", "Madrid"),
    ("Barcelona", "080", "Barcelona"),
    ("Valencia", "460", "Valencia"),
    ("Sevilla", "410", "Sevilla"),
    ("Zaragoza", "500", "Zaragoza"),
    ("Málaga", "290", "Málaga"),
    ("Bilbao", "480", "Bizkaia"),
    ("Valladolid", "470", "Valladolid"),
    ("Granada", "180", "Granada"),
    ("Murcia", "300", "Murcia"),
    ("Salamanca", "370", "Salamanca"),
    ("Oviedo", "330", "Asturias"),
]
ES_STREETS = [
    "C/ Mayor",
    "Calle de la Paz",
    "Avda. de la Constitución",
    "Plaza de España",
    "C/ Real",
    "Camino de Ronda",
    "C/ San Vicente",
    "Travesía del Carmen",
    "Avda. de América",
    "C/ del Olmo",
    "Paseo de la Estación",
    "C/ Ancha",
]
IT_TOWNS = [
    ("Milano", "201", "MI"),
    ("Roma", "001", "RM"),
    ("Torino", "101", "TO"),
    ("Bologna", "401", "BO"),
    ("Firenze", "501", "FI"),
    ("Napoli", "801", "NA"),
    ("Verona", "371", "VR"),
    ("Padova", "351", "PD"),
    ("Bari", "701", "BA"),
    ("Palermo", "901", "PA"),
    ("Genova", "161", "GE"),
    ("Brescia", "251", "BS"),
    ("Trento", "381", "TN"),
    ("Perugia", "061", "PG"),
]
IT_STREETS = [
    "Via Roma",
    "Viale dei Mille",
    "Piazza della Libertà",
    "Corso Italia",
    "Via dei Tigli",
    "Via della Repubblica",
    "Via XX Settembre",
    "Vicolo Stretto",
    "Via San Martino",
    "Largo dei Pini",
    "Viale delle Rimembranze",
    "Via del Borgo",
]
NL_TOWNS = [
    ("Amsterdam", "10"),
    ("Utrecht", "35"),
    ("Rotterdam", "30"),
    ("Den Haag", "25"),
    ("Groningen", "97"),
    ("Haarlem", "20"),
    ("Eindhoven", "56"),
    ("Leiden", "23"),
    ("Zwolle", "80"),
    ("Nijmegen", "65"),
    ("Delft", "26"),
    ("Maastricht", "62"),
    ("Amersfoort", "38"),
    ("Breda", "48"),
]
NL_STREETS = [
    "Prinsengracht",
    "Kerkstraat",
    "Dorpsstraat",
    "Oudegracht",
    "Stationsweg",
    "Molenweg",
    "Hoofdstraat",
    "Zeestraat",
    "Lindenlaan",
    "Bloemendaalseweg",
    "Vondelstraat",
    "Spoorsingel",
    "Rijnkade",
]

# Birthplaces: fr -> (town, dept, commune) ; it -> (town, belfiore)
FR_BIRTH = [
    ("Lyon", "69", "383"),
    ("Toulouse", "31", "555"),
    ("Nantes", "44", "109"),
    ("Rennes", "35", "238"),
    ("Bordeaux", "33", "063"),
    ("Lille", "59", "350"),
    ("Ajaccio", "2A", "004"),
    ("Bastia", "2B", "033"),
    ("Brest", "29", "019"),
    ("Dijon", "21", "231"),
    ("Alger (Algérie)", "99", "352"),
    ("Casablanca (Maroc)", "99", "350"),
    ("Dakar (Sénégal)", "99", "341"),
    ("Porto (Portugal)", "99", "139"),
]
IT_BIRTH = [
    ("Milano", "F205"),
    ("Roma", "H501"),
    ("Napoli", "F839"),
    ("Torino", "L219"),
    ("Palermo", "G273"),
    ("Genova", "D969"),
    ("Bologna", "A944"),
    ("Firenze", "D612"),
    ("Bari", "A662"),
    ("Venezia", "L736"),
    ("Verona", "L781"),
    ("Padova", "G224"),
    ("Tirana (Albania)", "Z100"),
    ("Bucarest (Romania)", "Z129"),
]

EMAIL_DOMAINS = {
    "en": [
        "gmail.com",
        "outlook.com",
        "btinternet.com",
        "yahoo.co.uk",
        "icloud.com",
        "hotmail.co.uk",
        "aol.com",
        "proton.me",
    ],
    "de": ["web.de", "gmx.de", "t-online.de", "posteo.de", "gmail.com", "mailbox.org", "freenet.de"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr", "hotmail.fr"],
    "es": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es", "movistar.es"],
    "it": ["libero.it", "gmail.com", "alice.it", "virgilio.it", "tiscali.it", "hotmail.it", "pec.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl", "planet.nl", "outlook.com"],
}
OBF_AT = {
    "en": ["at", "[at]", "(at)"],
    "de": ["(at)", "[at]", "at"],
    "fr": ["[arobase]", "arobase", "(at)"],
    "es": ["arroba", "[arroba]", "(at)"],
    "it": ["chiocciola", "[at]", "(at)"],
    "nl": ["apenstaartje", "[at]", "(at)"],
}
OBF_DOT = {"en": "dot", "de": "punkt", "fr": "point", "es": "punto", "it": "punto", "nl": "punt"}

BRANDS = {
    "en": [
        "Dr Pepper",
        "Jack Daniel's",
        "Ben & Jerry's",
        "Tommy Hilfiger",
        "Ralph Lauren",
        "Martha Stewart Living",
        "Marie Curie",
        "Paul Smith",
        "Ted Baker",
        "Captain Morgan",
        "Uncle Ben's",
        "Wendy's",
        "Sara Lee",
        "Aunt Bessie's",
        "John Lewis",
        "Ainsley Harriott",
        "Mr Kipling",
        "Orville Redenbacher's",
    ],
    "de": [
        "Dr. Oetker",
        "Hugo Boss",
        "Tchibo",
        "Jil Sander",
        "Karl Lagerfeld",
        "Frau Antje",
        "Meister Proper",
        "Hanuta",
        "Tante Fanny",
        "Bahlsen",
        "Dr. Hauschka",
        "Jacobs Krönung",
        "Käpt'n Iglo",
        "Rotkäppchen Sekt",
    ],
    "fr": [
        "Bonne Maman",
        "Yves Saint Laurent",
        "Jean Paul Gaultier",
        "Christian Dior",
        "Pierre Cardin",
        "Paul Bocuse",
        "Michel et Augustin",
        "La Mère Poulard",
        "Maître Coq",
        "Jacques Vabre",
        "Père Dodu",
        "Coco Chanel",
    ],
    "es": [
        "Don Simón",
        "Carolina Herrera",
        "Adolfo Domínguez",
        "Tío Pepe",
        "Pedro Ximénez",
        "Cola Cao",
        "Don Algodón",
        "Custo Barcelona",
        "Juan Valdez",
        "Loewe",
        "Agatha Ruiz de la Prada",
        "Doña Paquita",
    ],
    "it": [
        "Giovanni Rana",
        "Giorgio Armani",
        "Mulino Bianco",
        "Salvatore Ferragamo",
        "Nonna Papera",
        "Dolce & Gabbana",
        "Valentino",
        "Paolo Conte",
        "Zio Ben",
        "Emilio Pucci",
        "Rocco Giocattoli",
        "Max Mara",
    ],
    "nl": [
        "Douwe Egberts",
        "Albert Heijn",
        "Dirk van den Broek",
        "Tante Betje",
        "Jan Linders",
        "Van Nelle",
        "Verkade",
        "Dr. Oetker",
        "Piet Zoomers",
        "Hema",
        "Oma's Soep",
        "Jules Destrooper",
    ],
}
EPONYMS = {
    "en": [
        "Parkinson's disease",
        "Crohn's disease",
        "Hashimoto's thyroiditis",
        "Bell's palsy",
        "Raynaud's phenomenon",
        "Addison's disease",
        "Alzheimer's disease",
        "Graves' disease",
        "Hodgkin lymphoma",
        "Meniere's disease",
        "Asperger's",
        "Cushing's syndrome",
    ],
    "de": [
        "Morbus Crohn",
        "Morbus Bechterew",
        "Hashimoto-Thyreoiditis",
        "Morbus Parkinson",
        "Alzheimer-Demenz",
        "Morbus Basedow",
        "Raynaud-Syndrom",
        "Fazialisparese nach Bell",
        "Morbus Addison",
        "Morbus Menière",
    ],
    "fr": [
        "maladie de Charcot",
        "maladie de Crohn",
        "thyroïdite de Hashimoto",
        "maladie de Parkinson",
        "syndrome de Raynaud",
        "maladie de Basedow",
        "maladie d'Alzheimer",
        "paralysie de Bell",
        "maladie de Horton",
    ],
    "es": [
        "enfermedad de Crohn",
        "enfermedad de Parkinson",
        "tiroiditis de Hashimoto",
        "síndrome de Raynaud",
        "enfermedad de Alzheimer",
        "parálisis de Bell",
        "enfermedad de Graves-Basedow",
        "síndrome de Sjögren",
    ],
    "it": [
        "tiroidite di Hashimoto",
        "morbo di Crohn",
        "malattia di Parkinson",
        "fenomeno di Raynaud",
        "morbo di Alzheimer",
        "paralisi di Bell",
        "morbo di Basedow",
        "sindrome di Sjögren",
        "linfoma di Hodgkin",
    ],
    "nl": [
        "ziekte van Bechterew",
        "ziekte van Crohn",
        "ziekte van Parkinson",
        "ziekte van Hashimoto",
        "fenomeen van Raynaud",
        "ziekte van Alzheimer",
        "ziekte van Ménière",
        "syndroom van Sjögren",
    ],
}
VET_EPONYMS = {
    "en": ["Cushing's disease", "Addison's disease", "Horner's syndrome", "Legg-Calvé-Perthes disease"],
    "de": ["Cushing-Syndrom", "Morbus Addison", "Horner-Syndrom", "Morbus Perthes"],
    "fr": [
        "syndrome de Cushing",
        "maladie d'Addison",
        "syndrome de Claude Bernard-Horner",
        "maladie de Carré",
    ],
    "es": ["síndrome de Cushing", "enfermedad de Addison", "síndrome de Horner", "enfermedad de Aujeszky"],
    "it": ["sindrome di Cushing", "morbo di Addison", "sindrome di Horner", "malattia di Aujeszky"],
    "nl": ["ziekte van Cushing", "ziekte van Addison", "syndroom van Horner", "ziekte van Weil"],
}
LAWS = {
    "en": {
        "privacy": [
            "Article 6(1)(b) UK GDPR",
            "section 45 of the Data Protection Act 2018",
            "45 CFR 164.508",
            "15 U.S.C. § 1681",
            "Article 15 GDPR",
        ],
        "civil": [
            "Consumer Rights Act 2015, s. 49",
            "Lasting Power of Attorney under the Mental Capacity Act 2005",
            "12 U.S.C. § 2605",
            "UCC § 2-314",
            "Road Traffic Act 1988, s. 170",
            "Equality Act 2010, s. 20",
            "Fair Credit Reporting Act",
            "Cal. Civ. Code § 1798.100",
        ],
        "tax": ["s. 684 ITEPA 2003", "26 U.S.C. § 6501"],
    },
    "de": {
        "privacy": ["Art. 6 Abs. 1 lit. b DSGVO", "Art. 9 Abs. 2 lit. h DSGVO", "§ 26 BDSG", "Art. 15 DSGVO"],
        "civil": [
            "§ 823 Abs. 1 BGB",
            "§ 7 StVG",
            "§ 115 VVG",
            "§ 1896 BGB",
            "§ 311b BGB",
            "§ 13 VwVfG",
            "§ 630g BGB",
            "§ 2 TierSchG",
        ],
        "tax": ["§ 35a EStG", "§ 9 Abs. 1 Nr. 4 EStG", "§ 149 AO", "§ 10 Abs. 1 Nr. 9 EStG"],
    },
    "fr": {
        "privacy": [
            "art. 9 du RGPD",
            "loi n° 78-17 du 6 janvier 1978",
            "art. L1110-4 du Code de la santé publique",
        ],
        "civil": [
            "art. 1240 du Code civil",
            "art. 1984 du Code civil",
            "art. L124-3 du Code des assurances",
            "art. L211-1 du Code des assurances",
            "art. 1103 du Code civil",
            "art. L217-3 du Code de la consommation",
        ],
        "tax": ["art. 199 sexdecies du CGI", "art. 83 du CGI"],
    },
    "es": {
        "privacy": ["art. 6.1.b) RGPD", "Ley Orgánica 3/2018", "Ley 41/2002, de autonomía del paciente"],
        "civil": [
            "artículo 1902 del Código Civil",
            "art. 1280 del Código Civil",
            "Real Decreto Legislativo 8/2004",
            "Ley 5/2019, reguladora de los contratos de crédito inmobiliario",
            "art. 1732 del Código Civil",
            "Real Decreto Legislativo 1/2007",
        ],
        "tax": ["art. 19 de la Ley 35/2006 del IRPF", "Modelo 100"],
    },
    "it": {
        "privacy": ["art. 9 GDPR", "D.Lgs. 196/2003", "art. 7 del Codice privacy"],
        "civil": [
            "art. 2043 c.c.",
            "art. 1392 c.c.",
            "D.Lgs. 206/2005 (Codice del Consumo)",
            "art. 1218 c.c.",
            "art. 149 del Codice delle Assicurazioni",
        ],
        "tax": ["art. 15 del TUIR", "D.P.R. 600/1973", "art. 10 del TUIR"],
    },
    "nl": {
        "privacy": [
            "artikel 6 lid 1 sub b AVG",
            "artikel 7:457 BW",
            "Wet gebruik burgerservicenummer in de zorg",
        ],
        "civil": [
            "artikel 6:162 BW",
            "artikel 7:17 BW",
            "artikel 185 WVW 1994",
            "artikel 6:96 BW",
            "artikel 7:400 BW",
        ],
        "tax": ["artikel 3.120 Wet IB 2001", "Algemene wet inzake rijksbelastingen, art. 9"],
    },
}
INSTITUTIONS = {
    "en": [
        "St Thomas' Hospital",
        "Johns Hopkins Hospital",
        "Addenbrooke's Hospital",
        "Great Ormond Street Hospital",
        "Mayo Clinic",
        "Royal Marsden",
        "St Bartholomew's",
        "Queen Elizabeth University Hospital",
        "Churchill Hospital",
        "Florence Nightingale Hospice",
        "Massachusetts General Hospital",
    ],
    "de": [
        "Robert-Koch-Institut",
        "Universitätsklinikum Carl Gustav Carus",
        "Herz-Jesu-Krankenhaus",
        "Evangelisches Krankenhaus Bethel",
        "Helios Klinikum Emil von Behring",
        "Max-Planck-Gymnasium",
        "Marienhospital",
        "Klinikum rechts der Isar",
    ],
    "fr": [
        "Hôpital Georges-Pompidou",
        "Hôpital Necker",
        "Institut Curie",
        "Institut Pasteur",
        "CHU Pellegrin",
        "Lycée Victor-Hugo",
        "Hôpital Édouard-Herriot",
        "Clinique Jules-Verne",
    ],
    "es": [
        "Hospital Gregorio Marañón",
        "Hospital Ramón y Cajal",
        "Hospital Virgen del Rocío",
        "Instituto Cervantes",
        "Hospital Marqués de Valdecilla",
        "Hospital Clínic",
        "Colegio San José de Calasanz",
    ],
    "it": [
        "Policlinico Agostino Gemelli",
        "Ospedale San Raffaele",
        "Istituto Giannina Gaslini",
        "Ospedale Sandro Pertini",
        "Istituto Ortopedico Rizzoli",
        "Istituto Mario Negri",
        "Ospedale Cardarelli",
    ],
    "nl": [
        "Erasmus MC",
        "Antoni van Leeuwenhoek",
        "Wilhelmina Kinderziekenhuis",
        "Jeroen Bosch Ziekenhuis",
        "Maxima MC",
        "Sint Maartenskliniek",
        "Willem-Alexander Ziekenhuis",
    ],
}
PRODUCTS = {
    "en": [
        "Dyson V15 Detect",
        "Nintendo Switch OLED",
        "Philips Sonicare 9900",
        "iPhone 15 Pro",
        "Kenwood Chef XL",
        "Morphy Richards kettle",
        "Samsung Galaxy S24",
    ],
    "de": ["Thermomix TM6", "Miele Complete C3", "Bosch Serie 6", "Kärcher K5", "Sonos Era 100"],
    "fr": ["Moulinex Cookeo", "Seb Actifry", "Rowenta X-Force", "Tefal Ingenio", "Freebox Pop"],
    "es": [
        "Cecotec Conga 4090",
        "Taurus Mycook",
        "Fagor Innovation",
        "Xiaomi Redmi Note 13",
        "Rowenta Silence Force",
    ],
    "it": ["Smeg FAB28", "De'Longhi Magnifica S", "Bialetti Moka Express", "Imetec Eco", "Candy Smart Pro"],
    "nl": [
        "Gazelle Ultimate C8",
        "Philips Airfryer XXL",
        "Batavus Finez",
        "Senseo Original",
        "Bugaboo Fox 5",
    ],
}
CARS = {
    "en": [
        "Ford Fiesta",
        "Vauxhall Corsa",
        "Toyota Camry",
        "Honda CR-V",
        "Nissan Qashqai",
        "Chevrolet Silverado",
    ],
    "de": ["VW Golf 8", "Opel Astra", "BMW 320d", "Skoda Octavia Combi", "Audi A4 Avant"],
    "fr": ["Renault Clio V", "Peugeot 208", "Citroën C3 Aircross", "Dacia Sandero", "Renault Mégane"],
    "es": ["Seat Ibiza", "Seat León", "Cupra Born", "Renault Captur", "Toyota Corolla"],
    "it": ["Fiat Panda", "Alfa Romeo Giulia", "Lancia Ypsilon", "Fiat 500X", "Vespa Primavera 125"],
    "nl": ["Volkswagen Polo", "Kia Niro", "Tesla Model 3", "Toyota Yaris", "Peugeot 2008"],
}
PERSON_STREETS = {
    "en": [
        "Churchill Way",
        "Victoria Street",
        "King Edward Street",
        "Martin Luther King Jr. Blvd",
        "Lincoln Avenue",
        "Shakespeare Street",
    ],
    "de": [
        "Konrad-Adenauer-Allee",
        "Karl-Marx-Allee",
        "Friedrich-Ebert-Straße",
        "Willy-Brandt-Platz",
        "Goethestraße",
    ],
    "fr": [
        "boulevard Victor-Hugo",
        "avenue Jean-Jaurès",
        "rue Émile-Zola",
        "place Charles-de-Gaulle",
        "cours Gambetta",
    ],
    "es": [
        "calle de Alcalá",
        "avenida de Blasco Ibáñez",
        "calle de Cervantes",
        "paseo de Colón",
        "avenida Rafael Casanova",
    ],
    "it": [
        "corso Garibaldi",
        "via Giuseppe Mazzini",
        "piazza Cavour",
        "viale Giulio Cesare",
        "via Alessandro Manzoni",
    ],
    "nl": [
        "Johan Cruijff Boulevard",
        "Willem de Zwijgerlaan",
        "Rembrandtplein",
        "Thorbeckeplein",
        "Van Baerlestraat",
    ],
}
# Organisations by sector (no person's name in them, so they are plainly not PERSON)
COMPANIES = {
    "en": {
        "service": ["Northfield Energy", "Brightline Broadband", "Harbour Water", "Summit Mobile"],
        "finance": [
            "Brightwell Mortgages",
            "Meridian Building Society",
            "Atlas Loan Servicing",
            "Oakridge Insurance",
        ],
        "dental": ["Riverside Dental Practice", "Parkview Dental Care", "The Smile Studio"],
        "clinic": ["Westgate Medical Centre", "Millbrook Surgery", "Lakeside Health Centre"],
        "shop": ["Currys", "Argos", "Best Buy", "Halfords"],
        "employer": [
            "Castle & Finch Solicitors",
            "Bluebird Couriers",
            "Pinewood Analytics",
            "Northgate Logistics",
        ],
    },
    "de": {
        "service": ["Stadtwerke Rheinland", "Vodafone Kabel", "Hermes Germany", "Ostsee Energie"],
        "finance": ["Sparkasse KölnBonn", "Volksbank Mittelhessen", "HUK-Coburg", "Allianz Versicherung"],
        "dental": ["Zahnarztpraxis am Markt", "Zahnzentrum Südstadt"],
        "clinic": ["Hausarztpraxis Lindenhof", "MVZ Am Dom"],
        "shop": ["MediaMarkt", "Otto", "Tchibo Versand", "Fahrradhaus Nord"],
        "tax": ["Steuerbüro Rheinufer", "Treuhand Nordwest StBG"],
        "notary": ["Notariat am Dom"],
        "vet": ["Tierarztpraxis am Stadtpark", "Kleintierklinik Elbauen"],
        "insurer": ["HUK-Coburg", "LVM Versicherung", "DEVK"],
        "employer": ["Kanzlei Rheinblick", "Nordlicht Software GmbH", "Elbe Logistik AG"],
    },
    "fr": {
        "service": ["EDF", "Bouygues Telecom", "Chronopost", "Veolia Eau"],
        "finance": ["Crédit Mutuel", "Banque Populaire", "Groupama", "MAIF"],
        "dental": ["Cabinet dentaire du Parc", "Centre dentaire des Halles"],
        "notary": ["Office notarial du Vieux-Port", "Office notarial des Quais"],
        "vet": ["Clinique vétérinaire des Tilleuls", "Cabinet vétérinaire de l'Erdre"],
        "insurer": ["MAIF", "Groupama", "Matmut"],
        "employer": ["Maison Lenoir Traiteur", "Atelier Numérique SAS", "Transports Ouest Logistique"],
    },
    "es": {
        "service": ["Iberdrola", "Movistar", "Seur", "Canal de Isabel II"],
        "finance": ["Banco Sabadell", "Kutxabank", "Mutua Madrileña", "Caja Rural"],
        "dental": ["Clínica Dental Sonríe", "Centro Odontológico Levante"],
        "notary": ["Notaría del Ensanche"],
        "insurer": ["Mutua Madrileña", "Línea Directa", "Mapfre"],
        "shop": ["El Corte Inglés", "MediaMarkt", "PcComponentes"],
        "employer": ["Gestoría Levante", "Construcciones Ebro SL", "Hostelería del Sur SA"],
    },
    "it": {
        "service": ["Enel Energia", "TIM", "BRT Corriere", "Acea"],
        "finance": ["Intesa Sanpaolo", "UnipolSai", "Banca Sella", "BPER Banca"],
        "clinic": ["Poliambulatorio San Marco", "Casa di Cura Villa Serena"],
        "tax": ["Studio Associato Lario", "Studio Commercialisti Riuniti"],
        "shop": ["MediaWorld", "Unieuro", "Euronics"],
        "employer": ["Studio Legale Porta Nuova", "Trattoria Al Ponte", "Logistica Padana Srl"],
    },
    "nl": {
        "service": ["Eneco", "KPN", "PostNL", "Vitens"],
        "finance": ["Rabobank", "ASN Bank", "Centraal Beheer", "Hypotheekshop"],
        "vet": ["Dierenkliniek De Uithof", "Dierenartsenpraktijk Zuid"],
        "tax": ["Belastingadviesbureau De Linde", "Fiscaal Advies Noord"],
        "shop": ["Coolblue", "bol.com", "MediaMarkt", "Fietsenwinkel De Spaak"],
        "employer": ["Rijnmond Logistiek BV", "Data Delta BV", "Zorggroep Het Baken"],
    },
}
KIND_SECTOR = {
    "sms_export": "service",
    "call_transcript": "service",
    "api_payload": "service",
    "ticket_audit_trail": "service",
    "crm_note": "finance",
    "loan_application": "finance",
    "power_of_attorney": "finance",
    "dental_record": "dental",
    "ocr_scan": "clinic",
    "complaint_letter": "shop",
    "delivery_note": "shop",
    "tax_advisor_letter": "tax",
    "notary_deed": "notary",
    "vet_record": "vet",
    "accident_report": "insurer",
    "expense_claim": "employer",
}


def fmt_date(
    rng: random.Random, lang: str, y: int, m: int, d: int, us: bool = False, written: bool | None = None
) -> str:
    if written is None:
        written = rng.random() < 0.45
    mon = MONTHS[lang][m - 1]
    if written:
        if lang == "en":
            if us:
                return rng.choice([f"{mon} {d}, {y}", f"{mon[:3]} {d}, {y}"])
            return rng.choice([f"{d} {mon} {y}", f"{d} {mon[:3]} {y}"])
        if lang == "de":
            return f"{d}. {mon} {y}"
        if lang == "fr":
            return f"{'1er' if d == 1 else d} {mon} {y}"
        if lang == "es":
            return f"{d} de {mon} de {y}"
        return f"{d} {mon} {y}"
    if lang == "en":
        if us:
            return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}"])
        return f"{d:02d}/{m:02d}/{y}"
    if lang == "de":
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}"])
    if lang == "nl":
        return rng.choice([f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}"])
    if lang == "it":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}"])
    if lang == "es":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d:02d}-{m:02d}-{y}"])
    return f"{d:02d}/{m:02d}/{y}"


def rand_date(rng: random.Random, y0: int, y1: int) -> tuple[int, int, int]:
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def b_amount(rng: random.Random, lang: str, us: bool = False) -> str:
    r = rng.random()
    v = rng.randint(5, 480) if r < 0.6 else rng.randint(480, 4800) if r < 0.95 else rng.randint(4800, 250000)
    c = rng.randint(0, 99) if rng.random() < 0.7 else 0
    if lang == "en":
        cur = "$" if us else "£"
        return f"{cur}{v:,}.{c:02d}"
    grouped = f"{v:,}".replace(",", ".")
    if lang == "fr":
        grouped = f"{v:,}".replace(",", NNBSP if rng.random() < 0.5 else " ")
        return f"{grouped},{c:02d} €"
    if lang == "nl":
        return f"€ {grouped},{c:02d}"
    return f"{grouped},{c:02d} €" if rng.random() < 0.8 else f"EUR {grouped},{c:02d}"


def _clean(rng: random.Random, make: Callable[[], str]) -> str:
    while True:
        s = make()
        if not passes_any_id(s):
            return s


REF_PREFIX = {
    "en": ["REF", "APP", "CASE"],
    "de": ["AZ", "VG", "KD"],
    "fr": ["DOS", "REF", "CLT"],
    "es": ["EXP", "REF", "SOL"],
    "it": ["PRAT", "RIF", "POS"],
    "nl": ["DOS", "KNM", "REL"],
}


def b_number(rng: random.Random, lang: str, what: str) -> str:
    y = rng.randint(2023, 2026)
    L = rng.choice
    table: dict[str, list[Callable[[], str]]] = {
        "order_number": [
            lambda: f"{rdig(rng, 3)}-{rdig(rng, 7)}-{rdig(rng, 7)}",
            lambda: f"ORD-{y}-{rdig(rng, 6)}",
            lambda: f"#{rdig(rng, 8)}",
            lambda: f"BE{rdig(rng, 7)}",
        ],
        "invoice_number": [
            lambda: f"{L(['INV', 'RE', 'FA', 'FAC', 'FT', 'F'])}-{y}-{rdig(rng, 5)}",
            lambda: f"{y}/{rdig(rng, 4)}",
            lambda: f"{L(['R', 'F'])}{rdig(rng, 7)}",
        ],
        "policy_number": [
            lambda: f"{L(['POL', 'VS', 'PN', 'AX'])}-{rdig(rng, 3)}-{rdig(rng, 6)}",
            lambda: f"{rdig(rng, 2)}.{rdig(rng, 3)}.{rdig(rng, 3)}-{rdig(rng, 1)}",
            lambda: f"{L('ABCHKMW')}{rdig(rng, 2)}/{rdig(rng, 6)}",
        ],
        "claim_number": [
            lambda: f"CLM-{y}-{rdig(rng, 6)}",
            lambda: f"SCH-{rdig(rng, 8)}",
            lambda: f"S{y}{rdig(rng, 5)}",
        ],
        "ticket_number": [
            lambda: f"{L(['INC', 'SR', 'TKT', 'REQ', 'CS'])}{rdig(rng, 7)}",
            lambda: f"#{rdig(rng, 5)}",
            lambda: f"{L(['OPS', 'HELP', 'SUP'])}-{rdig(rng, 4)}",
        ],
        "reference_number": [
            lambda: f"{L(REF_PREFIX[lang])}-{y}-{rdig(rng, 5)}",
            lambda: f"{rdig(rng, 4)}-{rdig(rng, 3)}-{L('ABCDE')}{rdig(rng, 2)}",
            lambda: f"{L(REF_PREFIX[lang])}/{rdig(rng, 2)}/{rdig(rng, 4)}",
        ],
        "case_number": {
            "en": [
                lambda: f"{rng.randint(1, 9)}:{y % 100}-cv-{rdig(rng, 5)}",
                lambda: f"CV-{y}-{rdig(rng, 6)}",
                lambda: f"BR{rdig(rng, 2)}P{rdig(rng, 5)}",
            ],
            "de": [
                lambda: f"{rng.randint(1, 40)} O {rng.randint(10, 999)}/{y % 100}",
                lambda: f"{rng.randint(100, 999)} Js {rng.randint(1000, 99999)}/{y % 100}",
                lambda: f"{rng.randint(1, 60)} C {rng.randint(10, 999)}/{y % 100}",
            ],
            "fr": [
                lambda: f"RG {y % 100}/{rdig(rng, 5)}",
                lambda: f"n° Parquet {y % 100}{rdig(rng, 3)}{rdig(rng, 6)}"[:22],
            ],
            "es": [
                lambda: f"P.O. {rng.randint(100, 1999)}/{y}",
                lambda: f"autos {rng.randint(100, 1999)}/{y}",
                lambda: f"Diligencias Previas {rng.randint(100, 2999)}/{y}",
            ],
            "it": [
                lambda: f"R.G. n. {rng.randint(100, 9999)}/{y}",
                lambda: f"R.G.N.R. {rng.randint(100, 9999)}/{y % 100}",
            ],
            "nl": [
                lambda: f"C/{rdig(rng, 2)}/{rdig(rng, 6)} / HA ZA {y % 100}-{rng.randint(100, 999)}",
                lambda: f"zaaknr. {rdig(rng, 7)} CV EXPL {y % 100}-{rdig(rng, 4)}",
            ],
        }[lang],
        "card_last_four": [
            lambda: rdig(rng, 4),
            lambda: f"**** {rdig(rng, 4)}",
            lambda: f"XXXX-XXXX-XXXX-{rdig(rng, 4)}",
            lambda: f"•••• {rdig(rng, 4)}",
        ],
        "company_registration": {
            "en": [
                lambda: f"Company No. {rdig(rng, 8)}",
                lambda: f"EIN {rdig(rng, 2)}-{rdig(rng, 7)}",
                lambda: f"VAT Reg. GB {rdig(rng, 3)} {rdig(rng, 4)} {rdig(rng, 2)}",
            ],
            "de": [
                lambda: f"HRB {rng.randint(1000, 99999)}",
                lambda: f"USt-IdNr. DE{rdig(rng, 9)}",
                lambda: f"Amtsgericht Köln HRB {rng.randint(1000, 99999)}",
            ],
            "fr": [
                lambda: f"RCS Lyon {rdig(rng, 3)} {rdig(rng, 3)} {rdig(rng, 3)}",
                lambda: f"SIRET {rdig(rng, 3)} {rdig(rng, 3)} {rdig(rng, 3)} {rdig(rng, 5)}",
                lambda: f"TVA FR{rdig(rng, 11)}",
            ],
            "es": [
                lambda: f"CIF B{rdig(rng, 8)}",
                lambda: f"CIF A-{rdig(rng, 8)}",
                lambda: f"Registro Mercantil de Madrid, tomo {rdig(rng, 5)}",
            ],
            "it": [
                lambda: f"P.IVA {rdig(rng, 11)}",
                lambda: f"REA MI-{rdig(rng, 7)}",
                lambda: f"C.F./P.IVA {rdig(rng, 11)}",
            ],
            "nl": [
                lambda: f"KvK {rdig(rng, 8)}",
                lambda: f"btw NL{rdig(rng, 9)}B01",
                lambda: f"KvK-nummer {rdig(rng, 8)}",
            ],
        }[lang],
        "tracking_number": [
            lambda: (
                f"1Z{rng.choice(['A', 'X', '9'])}{rdig(rng, 2)}{rng.choice(['E', 'W', 'V'])}{rdig(rng, 12)}"
            ),
            lambda: f"JJD{rdig(rng, 18)}",
            lambda: f"3S{rng.choice(['ABCD', 'PNLX', 'KQRT'])}{rdig(rng, 9)}",
            lambda: (
                f"{rng.choice(['RR', 'CP', 'LX'])}{rdig(rng, 9)}{rng.choice(['DE', 'FR', 'IT', 'ES', 'NL', 'GB'])}"
            ),
        ],
        "flight_number": [
            lambda: (
                f"{L(['LH', 'BA', 'AF', 'IB', 'AZ', 'KL', 'VY', 'U2', 'FR', 'UA', 'DL'])} {rng.randint(100, 9899)}"
            )
        ],
    }
    return _clean(rng, L(table[what]))


def b_phone(rng: random.Random, cc: str, mobile: bool | None = None, org: bool = False) -> str:
    if mobile is None:
        mobile = rng.random() < 0.55
    sp = rng.choice([" ", " ", " ", NBSP, NNBSP]) if cc == "FR" else " "
    if cc == "GB":
        if mobile:
            n = "7" + rng.choice("4589") + rdig(rng, 8)
            return rng.choice(
                [f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"+44 (0){n[:4]} {n[4:]}", f"0{n[:4]}{n[4:]}"]
            )
        area, rest = rng.choice(
            [("20", 8), ("113", 7), ("161", 7), ("117", 7), ("131", 7), ("1603", 6), ("1904", 6), ("1392", 6)]
        )
        n = str(rng.randint(2, 8)) + rdig(rng, rest - 1)
        local = f"{n[:4]} {n[4:]}" if rest == 8 else f"{n[:3]} {n[3:]}"
        s = rng.choice([f"0{area} {local}", f"+44 {area} {local}", f"(0{area}) {local}"])
        return s + (f" ext. {rng.randint(100, 899)}" if org and rng.random() < 0.4 else "")
    if cc == "US":
        a, b, c = str(rng.randint(201, 989)), str(rng.randint(201, 989)), rdig(rng, 4)
        s = rng.choice(
            [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"1-{a}-{b}-{c}"]
        )
        return s + (
            rng.choice([f" x{rng.randint(10, 899)}", f" ext. {rng.randint(10, 899)}"])
            if org and rng.random() < 0.4
            else ""
        )
    if cc == "DE":
        if mobile:
            pre = rng.choice(["151", "152", "160", "162", "170", "171", "176", "157"])
            n = rdig(rng, 8 if pre.startswith("15") else 7)
            return rng.choice(
                [
                    f"0{pre} {n}",
                    f"0{pre}/{n}",
                    f"+49 {pre} {n}",
                    f"0{pre}-{n[:4]} {n[4:]}",
                    f"+49{NBSP}{pre}{NBSP}{n}",
                ]
            )
        area = rng.choice(
            ["221", "341", "761", "251", "40", "911", "351", "421", "6131", "821", "561", "331", "941", "228"]
        )
        n = str(rng.randint(2, 9)) + rdig(rng, 9 - len(area))
        if org:
            return rng.choice([f"0{area} {n[:-2]}-{n[-2:]}0", f"+49 {area} {n}-0", f"0{area} {n}"])
        return rng.choice(
            [f"0{area} {n}", f"0{area}/{n}", f"+49 (0){area} {n}", f"0049 {area} {n}", f"(0{area}) {n}"]
        )
    if cc == "AT":
        return f"+43 {rng.choice(['1', '316', '512', '662'])} {rdig(rng, 6)}"
    if cc == "CH":
        return f"+41 {rng.choice(['44', '31', '61', '79'])} {rdig(rng, 3)} {rdig(rng, 2)} {rdig(rng, 2)}"
    if cc == "FR":
        first = rng.choice("67") if mobile else rng.choice("12345")
        pairs = [first] + [rdig(rng, 2) for _ in range(4)]
        nat = "0" + first
        sep = rng.choice([sp, sp, ".", "-", ""])
        body = sep.join([nat, *pairs[1:]])
        if rng.random() < 0.25:
            return f"+33{sp}{first}{sp}" + sp.join(pairs[1:])
        if rng.random() < 0.1:
            return f"+33 (0){first} " + " ".join(pairs[1:])
        if rng.random() < 0.08:
            return f"0033 {first} " + " ".join(pairs[1:])
        return body
    if cc == "BE":
        return f"+32 {rng.choice(['2', '9', '4'])}{rdig(rng, 2)} {rdig(rng, 2)} {rdig(rng, 2)} {rdig(rng, 2)}"
    if cc == "ES":
        if mobile:
            n = rng.choice("67") + rdig(rng, 8)
        else:
            n = rng.choice(["91", "93", "96", "95", "94", "98"]) + rdig(rng, 7)
        return rng.choice(
            [
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
                f"+34 {n[:3]} {n[3:6]} {n[6:]}",
                f"(+34) {n}",
                f"0034 {n[:3]} {n[3:]}",
                n,
            ]
        )
    if cc == "IT":
        if mobile:
            n = "3" + rng.choice(["33", "35", "38", "40", "47", "49", "28", "92"]) + rdig(rng, 7)
            return rng.choice(
                [
                    f"{n[:3]} {n[3:6]} {n[6:]}",
                    f"{n[:3]}/{n[3:]}",
                    f"{n[:3]}.{n[3:6]}.{n[6:]}",
                    f"+39 {n[:3]} {n[3:]}",
                    f"0039 {n}",
                ]
            )
        area = rng.choice(["02", "06", "011", "051", "055", "081", "045", "049", "080", "091", "010"])
        n = rdig(rng, 10 - len(area))
        return rng.choice(
            [f"{area} {n[:4]} {n[4:]}", f"{area} {n}", f"+39 {area} {n}", f"{area}-{n}", f"{area}/{n}"]
        )
    if cc == "NL":
        if mobile:
            n = rdig(rng, 8)
            return rng.choice(
                [
                    f"06-{n}",
                    f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
                    f"+31 6 {n[:4]} {n[4:]}",
                    f"+31 (0)6 {n}",
                    f"0031 6 {n}",
                    f"06{n}",
                ]
            )
        area = rng.choice(["20", "30", "10", "70", "50", "23", "40", "71", "38", "24"])
        n = rdig(rng, 7)
        return rng.choice(
            [
                f"0{area}-{n}",
                f"(0{area}) {n[:3]} {n[3:5]} {n[5:]}",
                f"+31 {area} {n[:3]} {n[3:]}",
                f"0{area} {n[:3]} {n[3:]}",
            ]
        )
    raise ValueError(cc)


def nl_postcode(rng: random.Random, prefix: str) -> str:
    while True:
        letters = rng.choice("ABCEGHJKLMNPRTVWXZ") + rng.choice("ABCEGHJKLMNPRSTVWXZ")
        if letters not in ("SA", "SD", "SS"):
            return f"{prefix}{rng.randint(11, 99)} {letters}"


def uk_postcode(rng: random.Random, outward: str) -> str:
    return f"{outward} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def b_address(rng: random.Random, loc: str) -> tuple[str, list[str]]:
    """Returns (one-line form, block lines)."""
    if loc == "GB":
        town, out = rng.choice(UK_TOWNS)
        pc = uk_postcode(rng, out)
        num = rng.randint(1, 220)
        street = f"{num} {rng.choice(UK_STREETS)}"
        if rng.random() < 0.3:
            street = f"Flat {rng.randint(1, 12)}, {street}"
        return f"{street}, {town} {pc}", [street, town.upper() if rng.random() < 0.5 else town, pc]
    if loc == "US":
        if rng.random() < 0.08:
            line = rng.choice(
                [
                    f"PSC {rng.randint(1000, 9999)}, Box {rng.randint(100, 9999)}, APO AE 09{rng.randint(100, 999)}",
                    f"Unit {rng.randint(2000, 9999)} Box {rng.randint(100, 9999)}, DPO AP 96{rng.randint(200, 699)}",
                ]
            )
            return line, [line]
        town, st, zp = rng.choice(US_TOWNS)
        z = f"{zp}{rng.randint(1, 99):02d}"
        street = f"{rng.randint(10, 9899)} {rng.choice(US_STREETS)}"
        if rng.random() < 0.3:
            street += rng.choice(
                [f", Apt {rng.randint(1, 40)}{rng.choice('ABCD')}", f" #{rng.randint(100, 999)}"]
            )
        return f"{street}, {town}, {st} {z}", [street, f"{town}, {st} {z}"]
    if loc == "DE":
        town, pre = rng.choice(DE_TOWNS)
        street = f"{rng.choice(DE_STREETS)} {rng.randint(1, 140)}{rng.choice(['', '', '', 'a', 'b'])}"
        pc = f"{pre}{rng.randint(0, 99):02d}"
        return f"{street}, {pc} {town}", [street, f"{pc} {town.upper() if rng.random() < 0.2 else town}"]
    if loc == "FR":
        town, pcs = rng.choice(FR_TOWNS)
        street = f"{rng.randint(1, 160)}{rng.choice(['', '', '', ' bis', ' ter'])} {rng.choice(FR_STREETS)}"
        pc = rng.choice(pcs)
        lines = [street, f"{pc} {town.upper() if rng.random() < 0.6 else town}"]
        if rng.random() < 0.25:
            lines.insert(
                0,
                rng.choice(
                    [
                        f"Bât. {rng.choice('ABCD')}, appt {rng.randint(1, 60)}",
                        f"Résidence Les Pins, esc. {rng.randint(1, 4)}",
                    ]
                ),
            )
        return ", ".join(lines), lines
    if loc == "ES":
        town, pre, prov = rng.choice(ES_TOWNS)
        st = rng.choice(ES_STREETS)
        floor = rng.choice(
            [
                "",
                f", {rng.randint(1, 8)}º {rng.choice('ABCD')}",
                f", {rng.randint(1, 6)}º izq.",
                ", bajo",
                f", {rng.randint(1, 7)}º dcha.",
            ]
        )
        street = f"{st}, {rng.randint(1, 120)}{floor}"
        pc = f"{pre}{rng.randint(1, 99):02d}"
        town_s = town if town == prov or rng.random() < 0.5 else f"{town} ({prov})"
        return f"{street}, {pc} {town_s}", [street, f"{pc} {town_s}"]
    if loc == "IT":
        town, pre, prov = rng.choice(IT_TOWNS)
        comma = ", " if rng.random() < 0.3 else " "
        street = f"{rng.choice(IT_STREETS)}{comma}{rng.randint(1, 150)}{rng.choice(['', '', '/A', '/b'])}"
        pc = f"{pre}{rng.randint(0, 99):02d}"
        town_s = f"{town} ({prov})" if rng.random() < 0.6 else town
        return f"{street}, {pc} {town_s}", [street, f"{pc} {town_s}"]
    if loc == "NL":
        town, pre = rng.choice(NL_TOWNS)
        street = (
            f"{rng.choice(NL_STREETS)} {rng.randint(1, 300)}{rng.choice(['', '', '-II', ' A', '-hs', 'bis'])}"
        )
        pc = nl_postcode(rng, pre)
        if rng.random() < 0.3:
            return f"{street}, {pc}  {town.upper()}", [street, f"{pc}  {town.upper()}"]
        return f"{street}, {pc} {town}", [street, f"{pc} {town}"]
    raise ValueError(loc)


def ascii_slug(s: str, lang: str = "") -> str:
    s = s.lower().replace("ß", "ss")
    if lang == "de":
        s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return "".join(c for c in unicodedata.normalize("NFD", s) if c.isalnum() and ord(c) < 128)


def b_email(
    rng: random.Random,
    lang: str,
    given: str,
    surname: str,
    obfuscate: bool | None = None,
    domain: str | None = None,
) -> str:
    g, s = ascii_slug(given, lang), ascii_slug(surname, lang)
    local = rng.choice(
        [
            f"{g}.{s}",
            f"{g[0]}{s}",
            f"{g}{rng.randint(1, 99)}",
            f"{s}.{g}",
            f"{g}_{s[:4]}{rng.randint(60, 99)}",
            f"{g}-{s}",
        ]
    )
    dom = domain or rng.choice(EMAIL_DOMAINS[lang])
    if obfuscate is None:
        obfuscate = rng.random() < 0.18
    if not obfuscate:
        return f"{local}@{dom}"
    at = rng.choice(OBF_AT[lang])
    style = rng.random()
    dot = OBF_DOT[lang]
    if style < 0.35:
        return (
            f"{local} {at} " + dom.replace(".", f" {dot} ") if not at.startswith("(") else f"{local}{at}{dom}"
        )
    if style < 0.7:
        return f"{local} [at] " + dom.replace(".", f" [{dot}] ")
    return f"{local}{at}{dom}" if at.startswith(("(", "[")) else f"{local} {at} {dom}"


# ---------------------------------------------------------------------------
# People and per-document context
# ---------------------------------------------------------------------------

Seg = tuple[str, str | None]  # (text, label): label is an entity type, "~what" for a look-alike, or None
LOC_IBAN = {"GB": "GB", "US": "GB", "DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT", "NL": "NL"}
LOC_PHONE = {"GB": "GB", "US": "US", "DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT", "NL": "NL"}


def initials(given: str) -> str:
    parts = re.split(r"([ -])", given)
    return "".join(p[0] + "." if p not in (" ", "-") else ("-" if p == "-" else " ") for p in parts if p)


def handle_of(rng: random.Random, given: str, surname: str) -> str:
    g, s = ascii_slug(given), ascii_slug(surname)
    return rng.choice([f"{g}.{s}", f"{g[0]}{s}", f"{g}{s[0]}", f"{g}_{s[:3]}", f"{g}.{s[0]}", f"{s}{g[0]}"])


def cap_first(s: str) -> str:
    return s[0].upper() + s[1:]


def add_person(
    ctx: dict[str, list[Seg]],
    rng: random.Random,
    lang: str,
    loc: str,
    key: str,
    used: set[str],
    born: tuple[int, int] = (1940, 2004),
) -> None:
    # distinct given names and surnames within a document, so that a bare first name points at one person
    given, fem, nick = rng.choice([g for g in GIVEN[lang] if g[0] not in used])
    surname = rng.choice([x for x in SURNAMES[lang] if x not in used])
    used.update((given, surname))
    us = loc == "US"
    y, m, d = rand_date(rng, *born)
    P = "PERSON"
    sur_t = cap_first(surname) if lang == "nl" else surname
    full = f"{given} {surname}"
    forms = {
        "full": full,
        "rev": f"{surname.upper()} {given}",
        "comma": f"{sur_t}, {given}"
        if lang != "nl" or surname[0].isupper()
        else f"{surname.split()[-1]}, {given} {' '.join(surname.split()[:-1])}",
        "up": full.upper(),
        "low": full.lower(),
        "init": f"{initials(given)} {surname}",
        "sur": sur_t,
        "surup": surname.upper(),
        "given": given,
        "nick": nick or given,
        "handle": handle_of(rng, given, surname),
    }
    for k, v in forms.items():
        ctx[f"{key}.{k}"] = [(v, P)]
    ctx[f"{key}.any"] = [
        (
            rng.choice(
                [forms["full"], forms["full"], forms["rev"], forms["comma"], forms["up"], forms["init"]]
            ),
            P,
        )
    ]
    ctx[f"{key}.title"] = [(rng.choice(TITLES[lang][fem]), None)]
    ctx[f"{key}.dob"] = [(fmt_date(rng, lang, y, m, d, us), "DATE_OF_BIRTH")]
    ctx[f"{key}.dobn"] = [(fmt_date(rng, lang, y, m, d, us, written=False), "DATE_OF_BIRTH")]
    ctx[f"{key}.dobw"] = [(fmt_date(rng, lang, y, m, d, us, written=True), "DATE_OF_BIRTH")]
    ctx[f"{key}.dobiso"] = [(f"{y}-{m:02d}-{d:02d}", "DATE_OF_BIRTH")]
    ctx[f"{key}.age"] = [(str(2026 - y - (1 if m > 6 else 0)), None)]
    ctx[f"{key}.sexword"] = [
        (
            {
                "en": ("male", "female"),
                "de": ("männlich", "weiblich"),
                "fr": ("masculin", "féminin"),
                "es": ("varón", "mujer"),
                "it": ("maschio", "femmina"),
                "nl": ("man", "vrouw"),
            }[lang][fem],
            None,
        )
    ]
    ctx[f"{key}.mf"] = [
        ({"en": "MF", "de": "MW", "fr": "MF", "es": "HM", "it": "MF", "nl": "MV"}[lang][fem], None)
    ]
    for rel, words in REL[lang].items():
        ctx[f"{key}.{rel}"] = [(words[fem], None)]
    ctx[f"{key}.email"] = [(b_email(rng, lang, given, surname), "EMAIL_ADDRESS")]
    ctx[f"{key}.emailp"] = [(b_email(rng, lang, given, surname, obfuscate=False), "EMAIL_ADDRESS")]
    ctx[f"{key}.emailo"] = [(b_email(rng, lang, given, surname, obfuscate=True), "EMAIL_ADDRESS")]
    cc = LOC_PHONE[loc]
    ctx[f"{key}.phone"] = [(b_phone(rng, cc), "PHONE_NUMBER")]
    ctx[f"{key}.mobile"] = [(b_phone(rng, cc, mobile=True), "PHONE_NUMBER")]
    ctx[f"{key}.landline"] = [(b_phone(rng, cc, mobile=False), "PHONE_NUMBER")]
    one, block = b_address(rng, loc)
    ctx[f"{key}.addr"] = [(one, "ADDRESS")]
    segs: list[Seg] = []
    for i, line in enumerate(block):
        if i:
            segs.append(("\n", None))
        segs.append((line, "ADDRESS"))
    ctx[f"{key}.block"] = segs
    ctx[f"{key}.iban"] = [(b_iban(rng, LOC_IBAN[loc]), "IBAN_CODE")]
    ctx[f"{key}.card"] = [(b_card(rng), "CREDIT_CARD")]
    ctx[f"{key}.mrn"] = [(b_mrn(rng, lang), "MEDICAL_RECORD_NUMBER")]
    ctx[f"{key}.ip"] = [(b_ip(rng), "IP_ADDRESS")]
    if loc == "GB":
        ctx[f"{key}.nid"] = [(b_nino(rng), "UK_NINO")]
        ctx[f"{key}.nhs"] = [(b_nhs(rng), "UK_NHS")]
    elif loc == "US":
        ctx[f"{key}.nid"] = [(b_ssn(rng), "US_SSN")]
    elif loc == "DE":
        ctx[f"{key}.nid"] = [(b_steuer(rng), "DE_STEUER_ID")]
        ctx[f"{key}.svnr"] = [(b_svnr(rng, surname, (y, m, d), fem), "DE_SVNR")]
        ctx[f"{key}.kvnr"] = [(b_kvnr(rng), "DE_KVNR")]
    elif loc == "FR":
        town, dept, commune = rng.choice(FR_BIRTH)
        ctx[f"{key}.nid"] = [(b_nir(rng, fem, (y, m, d), dept, commune), "FR_NIR")]
        ctx[f"{key}.birthplace"] = [(town, None)]
    elif loc == "ES":
        if "El " in surname or rng.random() < 0.15:
            ctx[f"{key}.nid"] = [(b_nie(rng), "ES_NIE")]
        else:
            ctx[f"{key}.nid"] = [(b_dni(rng), "ES_DNI")]
    elif loc == "IT":
        town, code = rng.choice(IT_BIRTH)
        ctx[f"{key}.nid"] = [(b_cf(rng, surname, given, (y, m, d), fem, code), "IT_FISCAL_CODE")]
        ctx[f"{key}.birthplace"] = [(town, None)]
    elif loc == "NL":
        ctx[f"{key}.nid"] = [(b_bsn(rng), "NL_BSN")]
    if f"{key}.birthplace" not in ctx:
        towns = {"DE": DE_TOWNS, "ES": ES_TOWNS, "NL": NL_TOWNS, "GB": UK_TOWNS, "US": US_TOWNS}[loc]
        ctx[f"{key}.birthplace"] = [(rng.choice([t[0] for t in towns]), None)]


def add_lookalikes(ctx: dict[str, list[Seg]], rng: random.Random, lang: str, loc: str, kind: str) -> None:
    us = loc == "US"

    def la(key: str, value: str, what: str) -> None:
        assert what in LOOKALIKE_KINDS, what
        ctx[key] = [(value, "~" + what)]

    brands = rng.sample(BRANDS[lang], 2)
    la("L.brand", brands[0], "brand")
    la("L.brand2", brands[1], "brand")
    epos = rng.sample(EPONYMS[lang], 2)
    la("L.epo", epos[0], "medical_eponym")
    la("L.epo2", epos[1], "medical_eponym")
    la("L.vetepo", rng.choice(VET_EPONYMS[lang]), "medical_eponym")
    laws = LAWS[lang]
    la("L.lawp", rng.choice(laws["privacy"]), "law_citation")
    la("L.lawc", rng.choice(laws["civil"]), "law_citation")
    la("L.lawt", rng.choice(laws["tax"]), "law_citation")
    la("L.inst", rng.choice(INSTITUTIONS[lang]), "institution")
    la("L.prod", rng.choice(PRODUCTS[lang]), "product_name")
    la("L.car", rng.choice(CARS[lang]), "product_name")
    la("L.pstreet", rng.choice(PERSON_STREETS[lang]), "street_name")
    for what, key in [
        ("order_number", "order"),
        ("invoice_number", "invoice"),
        ("policy_number", "policy"),
        ("claim_number", "claim"),
        ("ticket_number", "ticket"),
        ("reference_number", "ref"),
        ("case_number", "case"),
        ("card_last_four", "last4"),
        ("company_registration", "creg"),
        ("tracking_number", "track"),
        ("flight_number", "flight"),
    ]:
        la(f"L.{key}", b_number(rng, lang, what), what)
    la("L.ticket2", b_number(rng, lang, "ticket_number"), "ticket_number")
    la("L.last4b", rdig(rng, 4), "card_last_four")
    for i, key in enumerate(["date", "date2", "date3"]):
        y, m, d = rand_date(rng, 2024 + (i == 0), 2026)
        la(f"L.{key}", fmt_date(rng, lang, y, m, d, us), "date")
    y, m, d = rand_date(rng, 2025, 2026)
    la("L.dateiso", f"{y}-{m:02d}-{d:02d}", "date")
    stamp = _clean(
        rng,
        lambda: (
            f"{y}-{m:02d}-{d:02d}T{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
        ),
    )
    la("L.datets", stamp, "date")
    for key in ["amount", "amount2", "amount3"]:
        la(f"L.{key}", b_amount(rng, lang, us), "amount")
    for key in ["small", "small2", "small3"]:
        small = b_amount(rng, lang, us)
        while not 2 <= len(digits_of(small)) <= 5:
            small = b_amount(rng, lang, us)
        la(f"L.{key}", small, "amount")
    big = b_amount(rng, lang, us)
    while len(digits_of(big)) < 7:
        big = b_amount(rng, lang, us)
    la("L.bigamount", big, "amount")
    sectors = COMPANIES[lang]
    sector = KIND_SECTOR.get(kind, "service")
    if sector not in sectors:
        sector = {"dental": "clinic", "clinic": "dental", "insurer": "finance", "shop": "service"}.get(
            sector, "service"
        )
    comps = [rng.choice(sectors.get(sector) or sectors["dental"]), rng.choice(sectors["employer"])]
    ctx["X.company"] = [(comps[0], None)]
    ctx["X.company2"] = [(comps[1], None)]
    minutes = sorted(rng.sample(range(7 * 60, 22 * 60), 4))
    for i, mins in enumerate(minutes, 1):
        ctx[f"X.time{i}"] = [(f"{mins // 60:02d}:{mins % 60:02d}", None)]
    ctx["X.n"] = [(str(rng.randint(2, 9)), None)]
    ctx["X.nn"] = [(str(rng.randint(12, 95)), None)]
    # organisation contact details are labelled like anyone's
    cc = LOC_PHONE[loc]
    ctx["o.phone"] = [(b_phone(rng, cc, mobile=False, org=True), "PHONE_NUMBER")]
    ctx["o.fax"] = [(b_phone(rng, cc, mobile=False), "PHONE_NUMBER")]
    dom = (
        ascii_slug(comps[0])[:14]
        + {"GB": ".co.uk", "US": ".com", "DE": ".de", "FR": ".fr", "ES": ".es", "IT": ".it", "NL": ".nl"}[loc]
    )
    local = rng.choice(
        ["info", "contact", "service", "kanzlei", "praxis", "cabinet", "segreteria", "admin", "secretariaat"]
    )
    ctx["o.email"] = [(f"{local}@{dom}", "EMAIL_ADDRESS")]
    one, _block = b_address(rng, loc)
    ctx["o.addr"] = [(one, "ADDRESS")]
    ctx["o.ip"] = [(b_ip(rng), "IP_ADDRESS")]
    ctx["o.ip2"] = [(b_ip(rng), "IP_ADDRESS")]


TOKEN = re.compile(r"\[\[(\?[^\]]*|[A-Za-z0-9_.]+)\]\]")


OPTIONAL = re.compile(r"⟪([^⟪⟫]*)⟫")


def render(template: str, ctx: dict[str, list[Seg]], rng: random.Random) -> list[Seg]:
    # ⟪…⟫ marks an optional clause, kept half of the time, so that documents of one shape differ
    template = OPTIONAL.sub(lambda m: m.group(1) if rng.random() < 0.5 else "", template)
    out: list[Seg] = []
    pos = 0
    for m in TOKEN.finditer(template):
        out.append((template[pos : m.start()], None))
        tok = m.group(1)
        if tok.startswith("?"):
            out.append((rng.choice(tok[1:].split("|")), None))
        else:
            out.extend(ctx[tok])
        pos = m.end()
    out.append((template[pos:], None))
    return out


def assemble(segs: list[Seg]) -> tuple[str, list[dict[str, object]], list[dict[str, object]]]:
    text = ""
    ents: list[dict[str, object]] = []
    looks: list[dict[str, object]] = []
    for value, label in segs:
        start = len(text)
        text += value
        if label is None or not value:
            continue
        if label.startswith("~"):
            looks.append({"start": start, "end": len(text), "what": label[1:]})
        else:
            ents.append(
                {
                    "start": start,
                    "end": len(text),
                    "type": label,
                    "category": CATEGORY[label],
                    "structured": label not in UNSTRUCTURED,
                }
            )
    return text, ents, looks


# ---------------------------------------------------------------------------
# Templates. [[key]] is a context value (person a-f, look-alike L.*, organisation o.*, plain X.*);
# [[?x|y]] picks one plain alternative.
# ---------------------------------------------------------------------------

T: dict[tuple[str, str], list[str]] = {}

T["en", "sms_export"] = [
    """SMS export · [[a.full]] · [[a.mobile]]
Exported by [[c.full]] ([[X.company]])⟪ on [[L.date]]⟫

— [[L.date2]] —
[[X.time1]]  [[b.given]] ([[b.mobile]]): hi [[a.nick]], it's [[b.given]] from [[X.company2]]. can u confirm ur date of birth for the form?
[[X.time2]]  Me: yes its [[a.dob]]. moved tho, new place is [[a.addr]]
[[X.time3]]  [[b.given]]: thanks!! the [[L.brand]] voucher ref [[L.ref]] is yours btw, not [[d.full]]'s
[[X.time4]]  Me: lol ok. email me at [[a.emailo]] instead. card ending [[L.last4]] got charged [[L.amount]] twice
— [[L.date3]] —
[[X.time1]]  [[b.given]]: refund raised under [[L.ticket]]. if u need me my direct line is [[o.phone]]
"""
]

T["en", "slack_thread"] = [
    """#[[?ops-escalations|cs-priority|claims-triage]] — thread
[[b.handle]]  [[X.time1]]
@[[c.handle]] can you look at the account for [[a.any]]? customer says the [[L.prod]] never arrived ([[L.order]]), tracking [[L.track]]
[[c.handle]]  [[X.time2]]
on it. DOB on file is [[a.dob]], address [[a.addr]]. mobile [[a.mobile]] goes to voicemail
[[b.handle]]  [[X.time3]]
[[a.given]] emailed from [[a.email]] — different from the one on file ([[a.emailp]]). flag for fraud? last login from [[a.ip]]
[[d.handle]]  [[X.time4]]
looping in @[[e.handle]]. [[a.given]] also mentioned [[L.epo]] so pls be kind, refund [[L.amount]] approved under [[L.ticket]]
"""
]

T["en", "crm_note"] = [
    """CRM · Contact note · [[L.date]]
Owner: [[b.full]] | Account: [[X.company]] | Stage: [[?Renewal|Onboarding|At risk]]

Spoke to [[a.title]] [[a.sur]] ([[a.full]], DOB [[a.dob]]) on [[a.landline]]. Prefers e-mail: [[a.email]].
Billing address confirmed as [[a.addr]]. ⟪Pays by card ending [[L.last4]]; ⟫direct debit from [[a.iban]] failed on [[L.date2]] ([[L.amount]]).
Mentioned their [[c.child]] [[c.given]] now handles the paperwork — [[c.given]]'s mobile is [[c.mobile]].
⟪Competitor: they were quoted by [[L.brand]] reseller on [[L.pstreet]]. ⟫Next step: send⟪ [[L.invoice]] and⟫ policy [[L.policy]].
[[a.nidlabel]] given for ID&V: [[a.nid]]
"""
]

T["en", "calendar_invite"] = [
    """BEGIN:VEVENT
SUMMARY:[[?Mortgage review|Case conference|Pre-op assessment|Annual review]] – [[a.full]]
DTSTART:[[L.dateiso]]
ORGANIZER;CN=[[b.full]]:mailto:[[b.emailp]]
ATTENDEE;CN=[[a.full]]:mailto:[[a.emailp]]
ATTENDEE;CN=[[c.full]]:mailto:[[c.emailp]]
LOCATION:[[o.addr]]
DESCRIPTION:Dial-in [[o.phone]]. [[a.given]] to bring photo ID and proof of address ([[a.addr]]). Ref [[L.ref]]. Room booked via [[L.inst]] estates.
END:VEVENT

Notes for [[b.given]]: client DOB [[a.dob]], mobile [[a.mobile]]. Parking on [[L.pstreet]].
"""
]

T["en", "call_transcript"] = [
    """Call recording transcript — [[X.company]] — [[L.date]] [[X.time1]]
Agent: [[b.full]]   Caller: [[a.full]]

AGENT: Thanks for calling, you're through to [[b.given]]. Can I take your full name?
CALLER: Yeah, um, it's [[a.low]]. That's, er, [[a.surup]].
AGENT: And your date of birth, [[a.title]] [[a.sur]]?
CALLER: [[a.dob]].
AGENT: Lovely. And the first line of the address?
CALLER: Um, [[a.addr]].
AGENT: Great. Best number to reach you?
CALLER: My mobile, [[a.mobile]]. Or, like, my partner [[c.given]] on [[c.mobile]].
AGENT: So this is about [[L.claim]], the [[L.car]]? I can see a payment of [[L.amount]]⟪ on card ending [[L.last4]]⟫.
CALLER: Yeah, and honestly I've got [[L.epo]] so the stairs thing, you know…
AGENT: Understood. Do you want to settle the excess now?
CALLER: Go on then. It's [[a.card]], expires oh-nine twenty-eight.
AGENT: Thank you. I'll email [[a.email]] with the reference [[L.ticket]].
"""
]

T["en", "loan_application"] = [
    """PERSONAL LOAN APPLICATION — [[X.company]]
Application #: [[L.ref]]   Received: [[L.date]]

APPLICANT
Name: [[a.rev]]
Date of Birth: [[a.dobn]]   SSN: [[a.nid]]
Home address: [[a.addr]]
Phone: [[a.phone]]   Email: [[a.email]]
Employer: [[L.inst]], [[?registered nurse|lab technician|facilities manager]], [[X.nn]] months

CO-APPLICANT
Name: [[b.comma]]   DOB: [[b.dob]]   SSN: [[b.nid]]
Mobile: [[b.mobile]]

Requested: [[L.amount]] for a [[L.car]]⟪; current balance on card ending [[L.last4]]: [[L.amount2]]⟫
⟪Disclosures provided under the [[L.lawc]]. ⟫Loan officer: [[c.init]] ([[o.phone]])
"""
]

T["en", "dental_record"] = [
    """[[X.company]] — Dental Treatment Record (NHS)
Patient: [[a.up]]    DOB: [[a.dobn]]    NHS No: [[a.nhs]]
Address: [[a.addr]]
Tel: [[a.landline]]    Record no. [[a.mrn]]

[[L.date]]  Exam. LR6 MOD amalgam failing; BPE 2/1/2. Pt reports [[L.epo]] (on levodopa) – tremor noted.
[[L.date2]] Band 2 course: LR6 composite, scale & polish. Charge [[L.amount]]. Seen by [[b.init]] (GDC reg.), nurse [[c.given]].
Referral letter copied to [[L.inst]] oral surgery. Emergency contact: [[d.full]], [[d.mobile]].
Recall 6/12. Pt asked for receipts to [[a.email]].
"""
]

T["en", "trial_screening_log"] = [
    """STUDY [[?ABX-204|CARDIO-7|NEURO-PD3]] — SCREENING LOG — Site [[X.nn]] ([[L.inst]])
Protocol ref [[L.ref]]  | Page [[X.n]] | Printed [[L.date]]

Scr# | Name                 | DOB        | NHS No       | Outcome
S-0[[X.nn]] | [[a.rev]] | [[a.dobn]] | [[a.nhs]] | Eligible — consented⟪ [[L.date2]]⟫
S-0[[X.n]]1 | [[b.comma]] | [[b.dobn]] | [[b.nhs]] | Screen fail: [[L.epo]] (excl. 4.2)
S-0[[X.n]]2 | — | [[c.full]] | [[c.dobn]] | Withdrew; contact via [[c.email]]

Comments: [[a.given]] asked for travel reimbursement⟪ ([[L.amount]])⟫ to [[a.iban]]. PI: [[d.init]]. CRA [[e.full]], [[e.phone]].
"""
]

T["en", "complaint_letter"] = [
    """[[a.full]]
[[a.block]]
[[a.email]] · [[a.phone]]

[[L.date]]

Customer Relations
[[X.company]]
[[o.addr]]

Re: ⟪order [[L.order]] — ⟫faulty [[L.prod]]

Dear Sir or Madam,

I bought the above from your store⟪ on [[L.pstreet]]⟫ on [[L.date2]] for [[L.amount]]⟪, paid with my card ending [[L.last4]]⟫. It stopped working within a week. Your colleague [[b.given]] (surname given as [[b.sur]]) refused a refund.
Under the [[L.lawc]] I am entitled to a repair or replacement. My partner, [[c.full]], witnessed the conversation.

Please respond within 14 days. Yours faithfully,
[[a.init]]
"""
]

T["en", "power_of_attorney"] = [
    """DURABLE POWER OF ATTORNEY — STATE OF [[?OHIO|TEXAS|OREGON|VIRGINIA]]

I, [[a.up]], born [[a.dobw]], SSN [[a.nid]], residing at [[a.addr]], hereby appoint
[[b.full]], of [[b.addr]], telephone [[b.phone]], as my agent (attorney-in-fact).
If [[b.given]] is unable or unwilling to serve, I appoint [[c.full]] (DOB [[c.dob]]) as successor agent.

My agent may operate my account at [[X.company]] (debit card ending [[L.last4b]]) and sign on my behalf in matter [[L.case]].
This power is not affected by my subsequent disability ([[L.lawc]]).

Signed on [[L.date]].   ______________________  [[a.init]]
Notary Public: [[d.full]], commission no. [[L.ref]], [[o.addr]]
"""
]

T["en", "ocr_scan"] = [
    """~~ SCANNED DOCUMENT — OCR TEXT (confidence 71%) ~~
[[X.company]]   |   N EW   PATIENT   REGISTRATION   |   pg 1/2

Surname :  [[a.surup]]          Forename(s) : [[a.given]]
D.O.B  . [[a.dobn]]       Sex : [[a.mf]]     NHS no. [[a.nhs]]
Address ; [[a.block]]
Tel (home) [[a.landline]]  / mob [[a.mobile]]
E-mai1 :  [[a.email]]
Next of k in : [[b.full]]  rel: [[?spouse|son|daughter|sister]]   tel [[b.mobile]]
Prev. GP :  [[c.init]] , [[L.pstreet]] Surgery
Medical hist : [[L.epo]] ; [[?asthma|T2DM|hypertension]] ;  allergic to [[?penicillin|latex|none known]]
¦ office use ¦ rec'd [[L.date]] ¦ batch [[L.ref]] ¦
"""
]

T["en", "visitor_log"] = [
    """[[L.inst]] — VISITOR LOG — [[?Ward 7B|Main reception|Research block]]    Date: [[L.date]]

Time In | Visitor | Visiting | Contact | Badge
[[X.time1]] | [[a.full]] | [[b.comma]] (bed [[X.nn]]) | [[a.mobile]] | V-[[X.nn]]1
[[X.time2]] | [[c.up]] | [[b.given]] | [[c.phone]] | V-[[X.nn]]2
[[X.time3]] | [[d.init]] ([[?contractor|courier|locum]]) | estates | [[d.email]] | C-[[X.n]]0
[[X.time4]] | [[e.full]] | [[f.full]] | [[e.mobile]] | V-[[X.nn]]3

Deliveries: [[L.brand]] flowers for [[b.sur]], tracking [[L.track]]. Signed: [[f.init]]
"""
]

T["de", "sms_export"] = [
    """WhatsApp-Chat mit [[a.full]] ([[a.mobile]])
⟪Export vom [[L.date]]
⟫
— [[L.date2]] —
[[X.time1]] - [[b.given]]: Hallo [[a.nick]], hier [[b.given]] von [[X.company]]. Brauche noch dein Geburtsdatum fürs Formular
[[X.time2]] - [[a.given]]: [[a.dob]] 🙂 und neue Adresse: [[a.addr]]
[[X.time3]] - [[b.given]]: Danke! Die Rechnung [[L.invoice]] über [[L.amount]] geht dann an [[a.email]]?
[[X.time4]] - [[a.given]]: ja. Ach so, [[c.full]] ([[d.sib]]) hat auch Interesse, ihre Nr ist [[c.mobile]]
— [[L.date3]] —
[[X.time1]] - [[b.given]]: Alles klar. Termin im [[L.inst]] steht⟪, Parkplatz an der [[L.pstreet]]⟫
"""
]

T["de", "slack_thread"] = [
    """#[[?team-buchhaltung|support-2nd-level|schadenregulierung]]
[[b.handle]]  [[X.time1]]
@[[c.handle]] kannst du bei [[a.rev]] mal schauen? Kundschaft behauptet, die Lastschrift vom [[L.date]] ([[L.amount]]) sei doppelt. IBAN laut System [[a.iban]]
[[c.handle]]  [[X.time2]]
schau ich mir an. Geb.-Datum [[a.dobn]] passt, Anschrift [[a.addr]]. Ticket [[L.ticket]]
[[b.handle]]  [[X.time3]]
danke! kam auch Mail von [[a.emailo]] geschrieben, Telefon [[a.phone]]. Login kam von [[a.ip]]
[[d.handle]]  [[X.time4]]
@[[b.handle]] bitte nichts ohne Einwilligung rausgeben, [[L.lawp]]. [[a.title]] [[a.sur]] ist übrigens Kunde seit dem [[L.brand]]-Aktionsangebot
"""
]

T["de", "crm_note"] = [
    """Kontaktnotiz · [[L.date]] · Betreuer: [[b.full]]
Firma: [[X.company]] · Kundennummer [[L.ref]]

Telefonat mit [[a.full]] (geb. [[a.dob]]) unter [[a.landline]]. [[a.title]] [[a.sur]] bevorzugt Mail an [[a.email]].
Anschrift bestätigt: [[a.addr]]. Zahlung per Lastschrift von [[a.iban]]⟪; Karte endet auf [[L.last4]]⟫.
Partner/in [[c.given]] ([[c.mobile]]) ist ebenfalls bevollmächtigt. Erwähnte [[L.epo]], daher Rückruf nur vormittags.
⟪Wettbewerb: Angebot von [[L.brand]] liegt vor. ⟫Nächster Schritt:⟪ Angebot [[L.order]],⟫ Vertrag [[L.policy]] anpassen.
Steuer-ID für Freistellungsauftrag: [[a.nid]]
"""
]

T["de", "calendar_invite"] = [
    """Betreff: Einladung: [[?Beratungsgespräch Baufinanzierung|Fallkonferenz|Erstgespräch Nachlass|Vorbesprechung OP]] – [[a.full]]
Wann: [[L.date]], [[X.time1]]–[[X.time2]] (MEZ)
Wo: [[o.addr]], Raum [[X.nn]]
Organisator: [[b.full]] <[[b.emailp]]>
Teilnehmer: [[a.emailp]]; [[c.emailp]]; [[d.full]]

Hallo [[a.given]],
bitte Personalausweis und Meldebescheinigung mitbringen. Für die Einwahl: [[o.phone]], PIN [[X.nn]]4[[X.n]]#.
Vorab: Geburtsdatum laut Unterlagen [[a.dob]] – bitte prüfen. Unterlagen zur Akte [[L.ref]] wurden am [[L.date2]] verschickt.
Anfahrt: Haltestelle [[L.pstreet]]. Grüße, [[b.given]]
"""
]

T["de", "call_transcript"] = [
    """Gesprächsmitschnitt (Transkript) – [[X.company]] – [[L.date]], [[X.time1]] Uhr
Mitarbeiter/in: [[b.full]] · Anrufer/in: [[a.full]]

MA: [[X.company]], Sie sprechen mit [[b.given]] [[?|]]– wie kann ich helfen?
A: Ja, äh, hallo, hier ist [[a.low]], ich, ähm, wollte wegen der Rechnung [[L.invoice]] anrufen.
MA: Gerne. Können Sie mir Ihr Geburtsdatum nennen?
A: Also, der [[a.dob]].
MA: Danke, [[a.title]] [[a.sur]]. Und die Anschrift?
A: [[a.addr]]. Also, äh, seit März.
MA: Die Abbuchung über [[L.amount]] ist erfolgt⟪ (Karte mit Endziffern [[L.last4]])⟫. Rückruf unter [[a.mobile]]?
A: Ne, lieber Festnetz, [[a.landline]]. Oder [[c.partner]], [[c.given]].
MA: Möchten Sie den Restbetrag gleich per Karte zahlen?
A: Ja, äh, die Nummer ist [[a.card]].
MA: Gut. Ich schicke eine Bestätigung an [[a.email]], Vorgangsnummer [[L.ticket]].
"""
]

T["de", "tax_advisor_letter"] = [
    """[[X.company]] · Steuerberatungsgesellschaft
[[o.addr]] · Tel. [[o.phone]] · [[o.email]]
[[L.creg]]

Eheleute
[[a.full]] und [[b.full]]
[[a.block]]

[[L.date]]

Einkommensteuererklärung [[?2024|2025]] – Ihre Unterlagen, Mandant [[L.ref]]

Guten Tag [[b.title]] [[b.sur]], guten Tag [[a.title]] [[a.sur]],
für die gemeinsame Veranlagung benötigen wir noch: Steuer-ID von [[b.given]] (die von [[a.given]], [[a.nid]], liegt vor), Belege für haushaltsnahe Dienstleistungen nach [[L.lawt]]⟪ (Rechnung [[L.invoice]], [[L.amount]])⟫ sowie die Geburtsurkunde Ihres Kindes [[k.given]] (geb. [[k.dobw]]).
Die Erstattung wird auf [[a.iban]] überwiesen. Für die Minijob-Anmeldung Ihrer Haushaltshilfe [[e.full]] (geb. [[e.dobn]]) haben wir die Rentenversicherungsnummer [[e.svnr]] übernommen.

Mit freundlichen Grüßen
[[d.init]], Steuerberaterin
"""
]

T["de", "notary_deed"] = [
    """UR-Nr. [[X.nn]]7/[[?2025|2026]]
Verhandelt zu [[?Köln|Leipzig|Münster]] am [[L.date]]

Vor mir, dem unterzeichnenden Notar [[d.full]] mit dem Amtssitz in der [[L.pstreet]], erschienen:
1. [[a.title]] [[a.full]], geboren am [[a.dobw]], wohnhaft [[a.addr]], ausgewiesen durch Personalausweis,
2. [[b.title]] [[b.up]], geb. [[b.dobn]], wohnhaft [[b.addr]].

Die Erschienenen erklärten: [[a.given]] verkauft an [[b.sur]] den Grundbesitz Flur [[X.n]], Flurstück [[X.nn]]/[[X.n]] zum Kaufpreis von [[L.bigamount]] ([[L.lawc]]).
Der Kaufpreis ist auf das Konto des Verkäufers, IBAN [[a.iban]], zu zahlen.
Steuer-ID Verkäufer: [[a.nid]]. Kontakt für Rückfragen: [[o.phone]].
"""
]

T["de", "vet_record"] = [
    """[[X.company]] – Patientenkartei
Tier: „[[?Bello|Mieze|Balu|Luna|Fiete]]“, [[?Labrador|Hauskatze EKH|Dackel|Beagle]], Chip 276[[X.nn]]000[[X.nn]]1[[X.nn]]
Halter/in: [[a.comma]], [[a.addr]], Tel. [[a.mobile]], [[a.email]]

[[L.date]]: Vorstellung wegen Polyurie/Polydipsie. V. a. [[L.vetepo]], ACTH-Stimulationstest eingeleitet. Behandelnde TÄ: [[b.init]].
[[L.date2]]: Befund besprochen, Trilostan. ⟪Futterumstellung besprochen. ⟫Rechnung⟪ [[L.invoice]]⟫ [[L.amount]]⟪, bezahlt mit Karte **** [[L.last4b]]⟫.
Notfallkontakt: [[c.full]] ([[c.phone]]). Halterin bittet um Überweisung an [[L.inst]] (Tierklinik).
⟪Hinweis nach [[L.lawc]] erteilt.
⟫"""
]

T["de", "accident_report"] = [
    """Polizeipräsidium [[?Köln|Mittelfranken|Leipzig]] – Verkehrsunfallanzeige
Tgb.-Nr. [[L.case]] · Aufnahme [[L.date]], [[X.time1]] Uhr · Ort: Kreuzung [[L.pstreet]]/Hauptstraße

Beteiligter 1: [[a.rev]], geb. [[a.dobn]] in [[a.birthplace]], wh. [[a.addr]], Tel. [[a.mobile]]
Fahrzeug: [[L.car]], Versicherung [[X.company]], Vers.-Nr. [[L.policy]]
Beteiligter 2: [[b.rev]], geb. [[b.dob]], wh. [[b.addr]], Tel. [[b.phone]], Krankenkasse [[?TK|AOK Bayern|Barmer]], Vers.-Nr. [[b.kvnr]]
Zeugin: [[c.full]], [[c.email]]

Sachverhalt: B1 bog nach links ab und übersah den entgegenkommenden B2. [[b.sur]] klagte über Nackenschmerzen, RTW⟪ nach [[L.inst]]⟫.
⟪Haftung nach [[L.lawc]] zu prüfen. ⟫Sachbearbeiter: PK [[d.sur]]
"""
]

T["de", "ocr_scan"] = [
    """[gescannt – OCR]  PATIENTENANMELDUNG  /  [[X.company]]
N a c h n a m e :  [[a.surup]]      V o r n a m e : [[a.given]]
Geb.-Datum :  [[a.dobn]]   Geschl. : [[a.mf]]
Stra ße / Ort :
[[a.block]]
Tel.  [[a.phone]]   Handy :  [[a.mobile]]   Pat.-Nr. [[a.mrn]]
E-Mail : [[a.email]]
Kranken kasse : [[?AOK Rheinland|TK|Barmer|DAK-Gesundheit]]   Vers.-Nr. [[a.kvnr]]
Vorerkrankungen :  [[L.epo]] ;  Blutverdünner  ja / nein
Hauptversicherte/r (falls abweichend) : [[b.full]]
|| Eingang [[L.date]] || Aktenz. [[L.ref]] ||
"""
]

T["de", "delivery_note"] = [
    """LIEFERSCHEIN  Nr. [[L.order]]           [[X.company]]
Datum: [[L.date]]     Sendungsnummer: [[L.track]]

Lieferadresse:
[[a.full]]
[[a.block]]
Tel. für Zusteller: [[a.mobile]]

Pos. 1  [[L.prod]]                1 Stk.
⟪Pos. 2  Zubehörset [[L.brand]]     1 Stk.
⟫Summe [[L.amount]] (bezahlt⟪, Karte endet auf [[L.last4]]⟫)

Abstellgenehmigung: Nachbar/in [[b.title]] [[b.sur]], Hausnr. gegenüber. Bei Rückfragen: [[o.phone]] oder [[o.email]].
⟪Retoure bis [[L.date2]]. ⟫Rechnungsempfänger abweichend: [[c.comma]], [[c.addr]]
"""
]

T["fr", "sms_export"] = [
    """Conversation SMS – [[a.full]] – [[a.mobile]]
Exportée⟪ le [[L.date]]⟫ par [[c.full]]

— [[L.date2]] —
[[X.time1]] – [[b.given]] : Bonjour [[a.nick]], c'est [[b.given]] de chez [[X.company]]. Il me manque ta date de naissance pour le dossier
[[X.time2]] – [[a.given]] : [[a.dob]] ! Et j'ai déménagé : [[a.addr]]
[[X.time3]] – [[b.given]] : Merci. La facture [[L.invoice]] ([[L.amount]]) part sur [[a.emailo]] ?
[[X.time4]] – [[a.given]] : oui. Au fait [[d.sib]] [[d.full]] voudrait un RDV aussi, son 06 : [[d.mobile]]
— [[L.date3]] —
[[X.time1]] – [[b.given]] : C'est noté. RDV confirmé : [[L.inst]]⟪, entrée côté [[L.pstreet]]⟫
"""
]

T["fr", "slack_thread"] = [
    """#[[?sinistres-auto|relation-client|recouvrement]]
[[b.handle]]  [[X.time1]]
@[[c.handle]] tu peux regarder le dossier de [[a.rev]] ? prélèvement du [[L.date]] rejeté ([[L.amount]]), IBAN [[a.iban]]
[[c.handle]]  [[X.time2]]
je regarde. né(e) le [[a.dob]], adresse [[a.addr]]. n° de sécu dans le dossier : [[a.nid]]
[[b.handle]]  [[X.time3]]
merci ! [[a.title]] [[a.sur]] a aussi écrit depuis [[a.emailo]], tél. [[a.phone]]. connexion depuis [[a.ip]]
[[d.handle]]  [[X.time4]]
@[[b.handle]] attention, rien à transmettre sans base légale ([[L.lawp]]). ticket [[L.ticket]]. c'est client [[L.brand]] depuis 2019
"""
]

T["fr", "crm_note"] = [
    """Note de contact – [[L.date]] – Conseiller : [[b.full]]
Agence : [[X.company]] · Réf. client [[L.ref]]

Appel de [[a.title]] [[a.sur]] ([[a.full]], né(e) le [[a.dob]] à [[a.birthplace]]) au [[a.landline]]. Préfère le mail : [[a.email]].
Adresse confirmée : [[a.addr]]. Prélèvement sur [[a.iban]]⟪ ; carte se terminant par [[L.last4]]⟫.
Co-titulaire : [[c.given]] ([[c.mobile]]). Antécédent signalé : [[L.epo]] ; rappeler plutôt le matin.
⟪Concurrence : devis [[L.brand]] reçu. ⟫Prochaine étape : avenant au contrat [[L.policy]]⟪, commande [[L.order]]⟫.
"""
]

T["fr", "calendar_invite"] = [
    """Objet : Invitation : [[?Signature compromis|Réunion de synthèse|Consultation pré-anesthésie|Bilan patrimonial]] – [[a.full]]
Quand : [[L.date]], [[X.time1]]–[[X.time2]]
Où : [[o.addr]], salle [[X.nn]]
Organisateur : [[b.full]] <[[b.emailp]]>
Invités : [[a.emailp]] ; [[c.emailp]] ; [[d.full]]

Bonjour [[a.given]],
merci d'apporter une pièce d'identité et un justificatif de domicile. Accès visio : [[o.phone]], code [[X.nn]][[X.n]].
Pour mémoire, date de naissance au dossier : [[a.dob]]. Dossier [[L.ref]], courrier envoyé le [[L.date2]].
Parking conseillé : [[L.pstreet]]. Bien à vous, [[b.given]]
"""
]

T["fr", "call_transcript"] = [
    """Transcription d'appel – [[X.company]] – [[L.date]] à [[X.time1]]
Conseil client : [[b.full]] · Appelant·e : [[a.full]]

C : [[X.company]], [[b.given]] à l'appareil, bonjour.
A : Oui bonjour, euh, c'est [[a.low]], j'appelle pour, euh, la facture [[L.invoice]].
C : Très bien. Vous pouvez me donner votre date de naissance ?
A : Alors… le [[a.dob]].
C : Merci [[a.title]] [[a.sur]]. Et votre adresse ?
A : [[a.addr]]. Enfin, depuis janvier, hein.
C : Le prélèvement de [[L.amount]] a été fait⟪ sur la carte finissant par [[L.last4]]⟫. Je vous rappelle au [[a.mobile]] ?
A : Non, plutôt le fixe, [[a.landline]]. Ou [[c.partner]], [[c.given]], bon.
C : Vous voulez régler le reste par carte ?
A : Oui, alors c'est le [[a.card]].
C : Je vous envoie la confirmation sur [[a.email]], numéro de dossier [[L.ticket]].
"""
]

T["fr", "notary_deed"] = [
    """[[X.company]]
[[o.addr]] – Tél. [[o.phone]] – [[L.creg]]

PROCURATION AUTHENTIQUE – Minute n° [[X.nn]]1[[X.n]]
Le [[L.date]],

A COMPARU :
[[a.title]] [[a.rev]], né(e) le [[a.dobw]] à [[a.birthplace]], demeurant [[a.addr]],
numéro de sécurité sociale [[a.nid]],

LEQUEL/LAQUELLE constitue pour mandataire [[b.full]], demeurant [[b.addr]], tél. [[b.mobile]],
à l'effet de vendre le bien sis [[c.addr]] (lot n° [[X.nn]]), au prix minimum de [[L.bigamount]],
conformément à l'[[L.lawc]]. Le prix sera versé sur le compte [[a.iban]].
Fait et passé en l'étude de Me [[d.sur]], notaire.
"""
]

T["fr", "dental_record"] = [
    """[[X.company]] – Fiche de soins
Patient(e) : [[a.rev]]   Né(e) le : [[a.dobn]]   N° SS : [[a.nid]]
Adresse : [[a.addr]]
Tél. : [[a.mobile]]   Mail : [[a.email]]   Dossier n° [[a.mrn]]

[[L.date]] : Bilan. 36 carie profonde, pulpite. Antécédents : [[L.epo]]. Pas d'allergie connue.
[[L.date2]] : Dévitalisation 36, 3 canaux. Honoraires [[L.amount]], tiers payant mutuelle⟪, contrat [[L.policy]]⟫.
Praticien : Dr [[b.sur]]. Assistante : [[c.given]]. Orientation vers [[L.inst]] si complication.
Personne à prévenir : [[d.full]] – [[d.phone]]
"""
]

T["fr", "expense_claim"] = [
    """NOTE DE FRAIS – [[X.company]]
Collaborateur : [[a.rev]]   Matricule [[X.nn]][[X.n]]1   Service : [[?Audit|Ventes Ouest|R&D]]
Date de la note : [[L.date2]]
Validateur : [[b.full]] ([[b.emailp]])

Train Paris–[[?Nantes|Lyon|Lille]]  [[L.small]]⟪  (billet réf. [[L.ref]])⟫
Hôtel⟪, [[L.pstreet]]⟫  [[L.small2]]
Dîner client avec [[c.full]] ([[X.company2]])  [[L.small3]]  – carte Corporate **** [[L.last4b]]
⟪Vol [[L.flight]]
⟫
Remboursement sur : [[a.iban]]
Contact : [[a.phone]] – adresse perso pour envoi des justificatifs : [[a.addr]]
"""
]

T["fr", "accident_report"] = [
    """CONSTAT AMIABLE D'ACCIDENT AUTOMOBILE – saisie du [[L.date]]
Lieu : carrefour [[L.pstreet]] / rue Nationale – [[X.time1]]

VÉHICULE A
Conducteur : [[a.rev]]
Né(e) le : [[a.dobn]]   Adresse : [[a.addr]]
Tél. : [[a.mobile]]   Mail : [[a.email]]
Véhicule : [[L.car]]   Assureur : [[X.company]], contrat [[L.policy]]

VÉHICULE B
Conducteur : [[b.rev]]   Né(e) le : [[b.dob]]
Adresse : [[b.addr]]   Tél. : [[b.phone]]
Témoin : [[c.full]], [[c.mobile]]

Observations : le conducteur B ([[b.given]]) dit avoir été ébloui. Sinistre [[L.claim]]⟪ – [[L.lawc]]⟫.
"""
]

T["fr", "rsvp_list"] = [
    """Mariage [[a.given]] & [[b.given]] – liste des réponses (export du [[L.date]])
Salle : Domaine des [[?Quatre Vents|Tilleuls|Cèdres]] · Cadeau commun : [[L.prod]]

Nom ; Réponse ; Adultes ; Enfants ; Contact ; Régime
[[c.comma]] ; oui ; 2 ; 1 ; [[c.email]] ; sans gluten
[[d.rev]] ; oui ; 1 ; 0 ; [[d.mobile]] ; –
[[e.full]] ; non ; 0 ; 0 ; [[e.emailo]] ; –
[[f.low]] ; peut-être ; 2 ; 2 ; [[f.phone]] ; végétarien

Navette depuis la gare à [[X.time1]]. Cadeaux : cagnotte [[L.ref]] ou virement sur [[a.iban]].
Adresse des mariés pour les faire-part : [[a.addr]]
"""
]

T["fr", "vet_record"] = [
    """[[X.company]] – Dossier patient
Animal : « [[?Filou|Moka|Réglisse|Pistache|Oscar]] », [[?chat européen|berger australien|golden retriever|lapin bélier]], puce 250[[X.nn]]9[[X.nn]]00[[X.nn]]
Propriétaire : [[a.title]] [[a.rev]], [[a.addr]], [[a.mobile]], [[a.email]]

[[L.date]] : PU/PD, amaigrissement. Suspicion de [[L.vetepo]]. Bilan sanguin envoyé. Vétérinaire : Dr [[b.sur]].
[[L.date2]] : Résultats commentés, traitement instauré. Facture⟪ [[L.invoice]]⟫ : [[L.amount]]⟪, réglée par CB **** [[L.last4b]]⟫.
Autre contact : [[c.full]] ([[c.phone]]). Référé vers [[L.inst]] (service d'imagerie).
"""
]

T["es", "sms_export"] = [
    """Chat de WhatsApp con [[a.full]] ([[a.mobile]])
⟪Exportado el [[L.date]]
⟫
— [[L.date2]] —
[[X.time1]] - [[b.given]]: Hola [[a.nick]]! soy [[b.given]] de [[X.company]]. Me falta tu fecha de nacimiento para el expediente
[[X.time2]] - [[a.given]]: [[a.dob]]. Y me he mudado, ahora estoy en [[a.addr]]
[[X.time3]] - [[b.given]]: Genial. Te mando la factura [[L.invoice]] ([[L.amount]]) a [[a.emailo]]?
[[X.time4]] - [[a.given]]: sí porfa. También [[d.sib]], [[d.full]], quiere cita, su móvil es [[d.mobile]]
— [[L.date3]] —
[[X.time1]] - [[b.given]]: Apuntado. Cita en el [[L.inst]]⟪, entrada por la [[L.pstreet]]⟫
"""
]

T["es", "slack_thread"] = [
    """#[[?siniestros-hogar|atencion-cliente|impagados]]
[[b.handle]]  [[X.time1]]
@[[c.handle]] puedes mirar la ficha de [[a.comma]]? el recibo del [[L.date]] ([[L.amount]]) salió devuelto. IBAN [[a.iban]]
[[c.handle]]  [[X.time2]]
lo miro. fecha de nacimiento [[a.dobn]], domicilio [[a.addr]]. documento [[a.nid]]
[[b.handle]]  [[X.time3]]
gracias! [[a.title]] [[a.sur]] escribió también desde [[a.emailo]], tel [[a.phone]]. IP del acceso: [[a.ip]]
[[d.handle]]  [[X.time4]]
@[[b.handle]] ojo con ceder datos sin base legal ([[L.lawp]]). incidencia [[L.ticket]]. Es cliente desde la campaña de [[L.brand]]
"""
]

T["es", "crm_note"] = [
    """Nota de contacto · [[L.date]] · Gestor: [[b.full]]
Oficina: [[X.company]] · Nº cliente [[L.ref]]

Llamada de [[a.title]] [[a.sur]] ([[a.full]], nacido/a el [[a.dob]]) al [[a.landline]]. Prefiere correo: [[a.email]].
Domicilio confirmado: [[a.addr]]. DNI/NIE: [[a.nid]]. Domiciliación en [[a.iban]]⟪; tarjeta terminada en [[L.last4]]⟫.
Su pareja, [[c.given]] ([[c.mobile]]), figura como autorizada. Comenta que padece [[L.epo]]: llamar por la mañana.
⟪Competencia: oferta de [[L.brand]]. ⟫Siguiente paso: suplemento a la póliza [[L.policy]]⟪, pedido [[L.order]]⟫.
"""
]

T["es", "calendar_invite"] = [
    """Asunto: Invitación: [[?Firma de hipoteca|Comité clínico|Consulta de preanestesia|Revisión de cartera]] – [[a.full]]
Cuándo: [[L.date]], [[X.time1]]–[[X.time2]]
Dónde: [[o.addr]], sala [[X.nn]]
Organizador: [[b.full]] <[[b.emailp]]>
Invitados: [[a.emailp]]; [[c.emailp]]; [[d.full]]

Hola [[a.given]]:
trae el DNI original y un certificado de empadronamiento. Acceso por videollamada: [[o.phone]], PIN [[X.nn]][[X.n]].
Fecha de nacimiento que consta: [[a.dob]] – revísala, por favor. Expediente [[L.ref]], enviado el [[L.date2]].
Parking en [[L.pstreet]]. Un saludo, [[b.given]]
"""
]

T["es", "call_transcript"] = [
    """Transcripción de llamada – [[X.company]] – [[L.date]], [[X.time1]]
Agente: [[b.full]] · Cliente: [[a.full]]

AG: [[X.company]], le atiende [[b.given]], buenos días.
CL: Hola, eh, soy [[a.low]], llamo por, o sea, la factura [[L.invoice]].
AG: Muy bien. ¿Me dice su fecha de nacimiento?
CL: Pues… el [[a.dob]].
AG: Gracias, [[a.title]] [[a.sur]]. ¿Y su DNI?
CL: Eh, [[a.nid]].
AG: El cargo de [[L.amount]] se hizo⟪ en la tarjeta acabada en [[L.last4]]⟫. ¿Le llamo al [[a.mobile]]?
CL: Mejor al fijo, [[a.landline]]. O a [[c.partner]], [[c.given]], vale.
AG: ¿Quiere abonar la diferencia con tarjeta?
CL: Sí, apunte: [[a.card]].
AG: Le mando la confirmación a [[a.email]], incidencia [[L.ticket]].
"""
]

T["es", "power_of_attorney"] = [
    """NÚMERO [[X.nn]]1[[X.n]]. ESCRITURA DE PODER GENERAL
En [[?Madrid|Valencia|Sevilla|Bilbao]], a [[L.date]].
Ante mí, [[d.full]], Notario del Ilustre Colegio, con despacho en [[o.addr]],

COMPARECE:
[[a.title]] [[a.up]], mayor de edad, nacido/a el [[a.dobw]], con domicilio en [[a.addr]] y provisto/a de D.N.I./N.I.E. número [[a.nid]].

OTORGA poder tan amplio como en Derecho se requiera a favor de [[b.full]], con documento [[b.nid]], domiciliado/a en [[b.addr]], teléfono [[b.mobile]],
para que pueda disponer de la cuenta [[a.iban]], cobrar la indemnización del siniestro [[L.claim]] y comparecer en el procedimiento [[L.case]], conforme al [[L.lawc]].
"""
]

T["es", "loan_application"] = [
    """SOLICITUD DE PRÉSTAMO PERSONAL – [[X.company]]
Nº de solicitud: [[L.ref]]   Fecha: [[L.date]]

TITULAR
Nombre y apellidos: [[a.up]]
Fecha de nacimiento: [[a.dobn]]   DNI/NIE: [[a.nid]]
Domicilio: [[a.addr]]
Teléfono: [[a.mobile]]   Email: [[a.email]]
Cuenta de cargo: [[a.iban]]

COTITULAR
[[b.comma]] – nac. [[b.dob]] – [[b.nid]] – [[b.phone]]

Importe: [[L.amount]] · Finalidad: compra de un [[L.car]]⟪ · Ingresos netos: [[L.amount2]]/mes⟫
Empresa: [[L.inst]]⟪ ([[L.creg]])⟫.⟪ Información precontractual según [[L.lawc]].⟫ Gestor: [[c.init]]
"""
]

T["es", "accident_report"] = [
    """DECLARACIÓN AMISTOSA DE ACCIDENTE – grabada el [[L.date]]
Lugar: cruce de la [[L.pstreet]] con la C/ Real – [[X.time1]]

VEHÍCULO A
Conductor/a: [[a.rev]]
Fecha de nacimiento: [[a.dobn]]   DNI: [[a.nid]]
Domicilio: [[a.addr]]   Tel.: [[a.mobile]]
Vehículo: [[L.car]]   Aseguradora: [[X.company]], póliza [[L.policy]]

VEHÍCULO B
Conductor/a: [[b.comma]]   nac. [[b.dob]]
Domicilio: [[b.addr]]   Tel.: [[b.phone]]   [[b.email]]
Testigo: [[c.full]] ([[c.mobile]])

Observaciones: B ([[b.given]]) afirma que A no respetó el ceda el paso. Siniestro [[L.claim]].⟪ [[L.lawc]].⟫
"""
]

T["es", "dental_record"] = [
    """[[X.company]] – Historia clínica odontológica
Paciente: [[a.rev]]   F. nac.: [[a.dobn]]   NHC [[a.mrn]]
DNI/NIE: [[a.nid]]   Domicilio: [[a.addr]]
Tel.: [[a.mobile]]   Correo: [[a.email]]

[[L.date]]: Revisión. Caries en 46, gingivitis. Antecedentes: [[L.epo]]. Alergias: no conocidas.
[[L.date2]]: Endodoncia 46. Presupuesto [[L.amount]], financiado⟪, ref. [[L.ref]]⟫. Dra. [[b.sur]]; higienista [[c.given]].
Derivación a [[L.inst]] (cirugía maxilofacial) si no evoluciona.
Contacto de urgencia: [[d.full]] – [[d.phone]]
"""
]

T["es", "delivery_note"] = [
    """ALBARÁN DE ENTREGA Nº [[L.order]]        [[X.company]]
Fecha: [[L.date]]   Nº de envío: [[L.track]]

Destinatario:
[[a.full]]
[[a.block]]
Móvil (repartidor): [[a.mobile]]

1 x [[L.prod]]
⟪1 x kit accesorios [[L.brand]]
⟫Total [[L.amount]] (pagado⟪ con tarjeta ****[[L.last4]]⟫)

Si está ausente, dejar al vecino/a [[b.title]] [[b.sur]], 2º. Dudas: [[o.phone]] / [[o.email]].
Factura a nombre de: [[c.comma]], [[c.addr]]
"""
]

T["es", "visitor_log"] = [
    """[[L.inst]] – REGISTRO DE VISITAS – [[?Planta 3|Recepción|Edificio B]] – [[L.date]]

Hora | Visitante | Documento | Visita a | Teléfono
[[X.time1]] | [[a.full]] | [[a.nid]] | [[b.comma]] (hab. [[X.nn]]) | [[a.mobile]]
[[X.time2]] | [[c.up]] | [[c.nid]] | [[b.given]] | [[c.phone]]
[[X.time3]] | [[d.init]] (mensajero) | — | admisión | [[d.email]]
[[X.time4]] | [[e.full]] | [[e.nid]] | [[f.full]] | [[e.mobile]]

Entregas: flores de [[L.brand]] para [[b.sur]], envío [[L.track]]. Firma vigilante: [[f.init]]
"""
]

T["it", "sms_export"] = [
    """Chat WhatsApp con [[a.full]] ([[a.mobile]])
⟪Esportata il [[L.date]]
⟫
— [[L.date2]] —
[[X.time1]] - [[b.given]]: Ciao [[a.nick]], sono [[b.given]] di [[X.company]]. Mi manca la tua data di nascita per la pratica
[[X.time2]] - [[a.given]]: [[a.dob]]. Ah e ho cambiato casa: [[a.addr]]
[[X.time3]] - [[b.given]]: Perfetto. La fattura [[L.invoice]] ([[L.amount]]) te la mando a [[a.emailo]]?
[[X.time4]] - [[a.given]]: sì grazie. Anche [[d.sib]] [[d.full]] vorrebbe un appuntamento, cell. [[d.mobile]]
— [[L.date3]] —
[[X.time1]] - [[b.given]]: Ok. Appuntamento al [[L.inst]]⟪, ingresso da [[L.pstreet]]⟫
"""
]

T["it", "slack_thread"] = [
    """#[[?sinistri-rca|customer-care|recupero-crediti]]
[[b.handle]]  [[X.time1]]
@[[c.handle]] riesci a guardare la posizione di [[a.rev]]? il SDD del [[L.date]] ([[L.amount]]) è stato respinto. IBAN [[a.iban]]
[[c.handle]]  [[X.time2]]
guardo. nato/a il [[a.dobn]], residenza [[a.addr]]. CF [[a.nid]]
[[b.handle]]  [[X.time3]]
grazie! [[a.title]] [[a.sur]] ha scritto anche da [[a.emailo]], tel [[a.phone]]. accesso da [[a.ip]]
[[d.handle]]  [[X.time4]]
@[[b.handle]] niente dati a terzi senza base giuridica ([[L.lawp]]). ticket [[L.ticket]]. È cliente dalla promo [[L.brand]]
"""
]

T["it", "crm_note"] = [
    """Nota contatto · [[L.date]] · Consulente: [[b.full]]
Filiale: [[X.company]] · Cod. cliente [[L.ref]]

Telefonata con [[a.title]] [[a.sur]] ([[a.full]], nato/a a [[a.birthplace]] il [[a.dob]]) al [[a.landline]]. Preferisce e-mail: [[a.email]].
Residenza confermata: [[a.addr]]. Codice fiscale [[a.nid]]. Addebito su [[a.iban]]⟪; carta che termina con [[L.last4]]⟫.
Il coniuge [[c.given]] ([[c.mobile]]) è cointestatario. Riferisce [[L.epo]]: richiamare di mattina.
⟪Concorrenza: preventivo [[L.brand]]. ⟫Prossimo passo: appendice alla polizza [[L.policy]]⟪, ordine [[L.order]]⟫.
"""
]

T["it", "calendar_invite"] = [
    """Oggetto: Invito: [[?Rogito|Riunione multidisciplinare|Visita anestesiologica|Consulenza patrimoniale]] – [[a.full]]
Quando: [[L.date]], [[X.time1]]–[[X.time2]]
Dove: [[o.addr]], sala [[X.nn]]
Organizzatore: [[b.full]] <[[b.emailp]]>
Partecipanti: [[a.emailp]]; [[c.emailp]]; [[d.full]]

Gentile [[a.given]],
porti un documento d'identità e la tessera sanitaria. Collegamento: [[o.phone]], PIN [[X.nn]][[X.n]].
Data di nascita in archivio: [[a.dob]] – la preghiamo di verificarla. Pratica [[L.ref]], inviata il [[L.date2]].
Parcheggio in [[L.pstreet]]. Cordiali saluti, [[b.given]]
"""
]

T["it", "call_transcript"] = [
    """Trascrizione chiamata – [[X.company]] – [[L.date]] ore [[X.time1]]
Operatore/trice: [[b.full]] · Chiamante: [[a.full]]

OP: [[X.company]], sono [[b.given]], buongiorno.
CH: Sì buongiorno, ehm, sono [[a.low]], chiamo per, cioè, la fattura [[L.invoice]].
OP: Certo. Mi conferma la data di nascita?
CH: Allora… [[a.dob]].
OP: Grazie [[a.title]] [[a.sur]]. E il codice fiscale?
CH: Ehm, [[a.nid]].
OP: L'addebito di [[L.amount]] è andato a buon fine⟪ sulla carta che finisce con [[L.last4]]⟫. La richiamo al [[a.mobile]]?
CH: Meglio il fisso, [[a.landline]]. O [[c.partner]], [[c.given]], ecco.
OP: Vuole saldare la differenza con carta?
CH: Sì, allora, [[a.card]].
OP: Le mando conferma a [[a.email]], ticket [[L.ticket]].
"""
]

T["it", "tax_advisor_letter"] = [
    """[[X.company]] – Dottori Commercialisti
[[o.addr]] – Tel. [[o.phone]] – [[o.email]] – [[L.creg]]

Gent.mi
[[a.full]] e [[b.full]]
[[a.block]]

[[?Milano|Bologna|Torino]], [[L.date]]

Oggetto: Modello 730/[[?2025|2026]] – documentazione mancante (pratica [[L.ref]])

Gentile [[a.title]] [[a.sur]], gentile [[b.title]] [[b.sur]],
per completare la dichiarazione ci servono: il codice fiscale di [[b.given]] (quello di [[a.given]], [[a.nid]], è già in archivio), le spese mediche detraibili ex [[L.lawt]]⟪ (fattura [[L.invoice]], [[L.amount]])⟫ e i dati di [[k.given]], nato/a il [[k.dobw]], codice fiscale [[k.nid]].
Il rimborso sarà accreditato su [[a.iban]].

Cordiali saluti
[[d.init]]
"""
]

T["it", "trial_screening_log"] = [
    """STUDIO [[?ONC-118|CARDIO-IT7|NEURO-PD2]] – REGISTRO DI SCREENING – Centro [[X.nn]] ([[L.inst]])
Protocollo [[L.ref]] | Pag. [[X.n]] | Stampato il [[L.date]]

N. scr. | Cognome Nome | Data nascita | Cartella | Esito
S-0[[X.nn]] | [[a.rev]] | [[a.dobn]] | [[a.mrn]] | Idoneo – consenso⟪ [[L.date2]]⟫
S-0[[X.n]]1 | [[b.rev]] | [[b.dobn]] | [[b.mrn]] | Non idoneo: [[L.epo]] (crit. excl. 5)
S-0[[X.n]]2 | [[c.rev]] | [[c.dobn]] | — | Ritirato; contatto [[c.email]]

Note: [[a.given]] chiede rimborso spese viaggio⟪ ([[L.amount]])⟫ su [[a.iban]]. PI: [[d.init]]. Monitor [[e.full]], [[e.phone]].
"""
]

T["it", "complaint_letter"] = [
    """[[a.full]]
[[a.block]]
[[a.email]] – [[a.phone]]

Spett.le [[X.company]]
Ufficio Reclami
[[o.addr]]

[[?Roma|Napoli|Firenze]], [[L.date]]

Oggetto: RECLAMO – ⟪ordine [[L.order]], ⟫[[L.prod]] difettoso

Spettabile Società,
in data [[L.date2]] ho acquistato presso il vostro punto vendita⟪ di [[L.pstreet]]⟫ il prodotto in oggetto, pagando [[L.amount]]⟪ con carta terminante in [[L.last4]]⟫. Dopo pochi giorni ha smesso di funzionare. Il vostro addetto, [[b.sal]] [[b.sur]], ha rifiutato la sostituzione.
Ai sensi del [[L.lawc]] chiedo la riparazione o la sostituzione. Testimone: [[c.full]].

Distinti saluti,
[[a.init]]
"""
]

T["it", "rsvp_list"] = [
    """Matrimonio [[a.given]] e [[b.given]] – conferme ospiti (aggiornato al [[L.date]])
Location: Villa [[?Le Ortensie|Le Ginestre|I Glicini]] · Regalo di gruppo: [[L.prod]]

Ospite\tRisposta\tAdulti\tBambini\tContatto\tNote
[[c.comma]]\tsì\t2\t1\t[[c.email]]\tceliaco
[[d.rev]]\tsì\t1\t0\t[[d.mobile]]\t—
[[e.full]]\tno\t0\t0\t[[e.emailo]]\t—
[[f.low]]\tforse\t2\t2\t[[f.phone]]\tvegetariani

Navetta dalla stazione alle [[X.time1]]. Lista nozze: codice [[L.ref]] oppure bonifico su [[a.iban]].
Indirizzo degli sposi: [[a.addr]]
"""
]

T["it", "expense_claim"] = [
    """NOTA SPESE – [[X.company]]
Dipendente: [[a.rev]]   Matricola [[X.nn]][[X.n]]0   CF [[a.nid]]
Data nota: [[L.date2]]
Approvatore: [[b.full]] ([[b.emailp]])

Frecciarossa Milano–[[?Roma|Napoli|Bari]]  [[L.small]]⟪  (PNR [[L.ref]])⟫
Hotel⟪, [[L.pstreet]]⟫  [[L.small2]]
Cena con cliente [[c.full]] ([[X.company2]])  [[L.small3]] – carta aziendale **** [[L.last4b]]
⟪Volo [[L.flight]]
⟫
Rimborso su: [[a.iban]]
Recapito: [[a.mobile]] – residenza [[a.addr]]
"""
]

T["it", "ocr_scan"] = [
    """[scansione – testo OCR]  MODULO  DI  ACCETTAZIONE  /  [[X.company]]
C o g n o m e :  [[a.surup]]       N o m e : [[a.given]]
Nato/a  a : [[a.birthplace]]   il : [[a.dobn]]   Sesso : [[a.mf]]
Codice  fiscale : [[a.nid]]
Residenza :
[[a.block]]
Tel.  [[a.landline]]   Cell. :  [[a.mobile]]
E-mail : [[a.email]]
Medico curante : [[b.init]]
Patologie :  [[L.epo]] ;  allergie  sì / no
Familiare da avvisare : [[c.full]] – [[c.phone]]
|| Protocollo [[L.ref]] || ricevuto [[L.date]] ||
"""
]

T["nl", "sms_export"] = [
    """WhatsApp-chat met [[a.full]] ([[a.mobile]])
⟪Geëxporteerd op [[L.date]]
⟫
— [[L.date2]] —
[[X.time1]] - [[b.given]]: Hoi [[a.nick]], met [[b.given]] van [[X.company]]. Ik mis nog je geboortedatum voor het dossier
[[X.time2]] - [[a.given]]: [[a.dob]]. En ik ben verhuisd: [[a.addr]]
[[X.time3]] - [[b.given]]: Top. Zal ik factuur [[L.invoice]] ([[L.amount]]) naar [[a.emailo]] sturen?
[[X.time4]] - [[a.given]]: ja graag. Ook [[d.sib]] [[d.full]] wil een afspraak, nummer [[d.mobile]]
— [[L.date3]] —
[[X.time1]] - [[b.given]]: Genoteerd. Afspraak in het [[L.inst]]⟪, ingang aan de [[L.pstreet]]⟫
"""
]

T["nl", "slack_thread"] = [
    """#[[?schade-wa|klantenservice|incasso]]
[[b.handle]]  [[X.time1]]
@[[c.handle]] kun jij even kijken naar [[a.comma]]? de incasso van [[L.date]] ([[L.amount]]) is gestorneerd. IBAN [[a.iban]]
[[c.handle]]  [[X.time2]]
ik kijk. geb. [[a.dobn]], adres [[a.addr]]. BSN staat in het dossier: [[a.nid]]
[[b.handle]]  [[X.time3]]
dank! [[a.title]] [[a.sur]] mailde ook vanaf [[a.emailo]], tel [[a.phone]]. login vanaf [[a.ip]]
[[d.handle]]  [[X.time4]]
@[[b.handle]] let op, niets delen zonder grondslag ([[L.lawp]]). ticket [[L.ticket]]. Klant sinds de [[L.brand]]-actie
"""
]

T["nl", "crm_note"] = [
    """Contactnotitie · [[L.date]] · Adviseur: [[b.full]]
Kantoor: [[X.company]] · Klantnr. [[L.ref]]

Gebeld met [[a.title]] [[a.sur]] ([[a.full]], geboren [[a.dob]]) op [[a.landline]]. Voorkeur voor mail: [[a.email]].
Adres bevestigd: [[a.addr]]. Incasso van [[a.iban]]⟪; creditcard eindigend op [[L.last4]]⟫.
Partner [[c.given]] ([[c.mobile]]) is gemachtigd. Noemde [[L.epo]]: liefst 's ochtends terugbellen.
⟪Concurrentie: offerte van [[L.brand]]. ⟫Volgende stap: polis [[L.policy]] aanpassen⟪, order [[L.order]]⟫.
"""
]

T["nl", "calendar_invite"] = [
    """Onderwerp: Uitnodiging: [[?Hypotheekgesprek|MDO|Pre-operatieve screening|Vermogensplanning]] – [[a.full]]
Wanneer: [[L.date]], [[X.time1]]–[[X.time2]]
Waar: [[o.addr]], kamer [[X.nn]]
Organisator: [[b.full]] <[[b.emailp]]>
Deelnemers: [[a.emailp]]; [[c.emailp]]; [[d.full]]

Beste [[a.given]],
neem een geldig legitimatiebewijs en je laatste loonstrook mee. Inbellen: [[o.phone]], pincode [[X.nn]][[X.n]].
Bij ons bekende geboortedatum: [[a.dob]] – klopt dat? Dossier [[L.ref]], verstuurd op [[L.date2]].
Parkeren: [[L.pstreet]]. Groet, [[b.given]]
"""
]

T["nl", "call_transcript"] = [
    """Gespreksverslag (transcriptie) – [[X.company]] – [[L.date]] om [[X.time1]]
Medewerker: [[b.full]] · Beller: [[a.full]]

MW: [[X.company]], u spreekt met [[b.given]], goedemiddag.
B: Ja hallo, eh, met [[a.low]], ik bel over, nou ja, factuur [[L.invoice]].
MW: Prima. Mag ik uw geboortedatum?
B: Eh… [[a.dob]].
MW: Dank u, [[a.title]] [[a.sur]]. En uw postcode en huisnummer?
B: [[a.addr]]. Sinds februari, hè.
MW: Het bedrag van [[L.amount]] is afgeschreven⟪ van de kaart eindigend op [[L.last4]]⟫. Zal ik u terugbellen op [[a.mobile]]?
B: Liever vast, [[a.landline]]. Of [[c.partner]], [[c.given]], dus.
MW: Wilt u het restant meteen met uw creditcard betalen?
B: Ja hoor, [[a.card]].
MW: Ik stuur een bevestiging naar [[a.email]], ticketnummer [[L.ticket]].
"""
]

T["nl", "vet_record"] = [
    """[[X.company]] – Patiëntkaart
Dier: "[[?Guus|Pien|Bobbie|Moos|Saartje]]", [[?Europese korthaar|Labrador|Kooikerhondje|Hangoorkonijn]], chip 528[[X.nn]]00[[X.nn]]4[[X.nn]]
Eigenaar: [[a.comma]], [[a.addr]], [[a.mobile]], [[a.email]]

[[L.date]]: Veel drinken en plassen, vermageren. Verdenking [[L.vetepo]]; bloed ingestuurd. Dierenarts: [[b.init]].
[[L.date2]]: Uitslag besproken, medicatie gestart. ⟪Dieetvoer gestart. ⟫Factuur⟪ [[L.invoice]]⟫: [[L.amount]]⟪, gepind **** [[L.last4b]]⟫.
Tweede contactpersoon: [[c.full]] ([[c.phone]]). Verwezen naar [[L.inst]] voor echo.
"""
]

T["nl", "loan_application"] = [
    """AANVRAAG PERSOONLIJKE LENING – [[X.company]]
Aanvraagnr.: [[L.ref]]   Datum: [[L.date]]

AANVRAGER
Naam: [[a.comma]]
Geboortedatum: [[a.dobn]]   BSN: [[a.nid]]
Adres: [[a.addr]]
Telefoon: [[a.mobile]]   E-mail: [[a.email]]
Rekening: [[a.iban]]

MEDEAANVRAGER
[[b.rev]] – geb. [[b.dob]] – BSN [[b.nid]] – [[b.phone]]

Bedrag: [[L.amount]] · Doel: aanschaf [[L.car]]⟪ · Netto inkomen: [[L.amount2]] p/m⟫
Werkgever: [[L.inst]]⟪ ([[L.creg]])⟫.⟪ Toetsing BKR, zie [[L.lawc]].⟫ Adviseur: [[c.init]]
"""
]

T["nl", "expense_claim"] = [
    """DECLARATIEFORMULIER – [[X.company]]
Medewerker: [[a.rev]]   Personeelsnr. [[X.nn]][[X.n]]7   Afdeling: [[?Audit|Sales Noord|R&D]]
Ingediend: [[L.date2]]
Akkoord: [[b.full]] ([[b.emailp]])

Trein Utrecht–[[?Groningen|Maastricht|Rotterdam]]  [[L.small]]⟪  (ref. [[L.ref]])⟫
Hotel⟪, [[L.pstreet]]⟫  [[L.small2]]
Diner met [[c.full]] ([[X.company2]])  [[L.small3]] – zakelijke creditcard **** [[L.last4b]]
⟪Vlucht [[L.flight]]
⟫
Uitbetalen op: [[a.iban]]
Bereikbaar op [[a.mobile]] – huisadres [[a.addr]]
"""
]

T["nl", "delivery_note"] = [
    """PAKBON  nr. [[L.order]]            [[X.company]]
Datum: [[L.date]]     Track & trace: [[L.track]]

Afleveradres:
[[a.full]]
[[a.block]]
Tel. voor bezorger: [[a.mobile]]

1 x [[L.prod]]
⟪1 x accessoireset [[L.brand]]
⟫Totaal [[L.amount]] (betaald⟪ met kaart ****[[L.last4]]⟫)

Niet thuis? Afgeven bij buren [[b.title]] [[b.sur]], nr. ernaast. Vragen: [[o.phone]] / [[o.email]].
Factuuradres afwijkend: [[c.comma]], [[c.addr]]
"""
]

T["nl", "tax_advisor_letter"] = [
    """[[X.company]]
[[o.addr]] · T [[o.phone]] · [[o.email]] · [[L.creg]]

[[a.adr]] [[a.full]]
[[a.block]]

[[?Utrecht|Haarlem|Zwolle]], [[L.date]]

Betreft: aangifte inkomstenbelasting [[?2024|2025]] – ontbrekende stukken (dossier [[L.ref]])

Geachte [[a.sal]] [[a.sur]],
voor de aangifte hebben wij nog nodig: het BSN van uw fiscale partner [[b.full]] (het uwe, [[a.nid]], hebben wij), de jaaropgave van de hypotheek voor de renteaftrek ([[L.lawt]])⟪, de factuur [[L.invoice]] ([[L.amount]])⟫ en de geboortedatum van uw [[k.child]] [[k.given]] ([[k.dobw]]) voor het kindgebonden budget.
Een eventuele teruggave wordt gestort op [[a.iban]].

Met vriendelijke groet,
[[d.init]], belastingadviseur
"""
]

T["nl", "complaint_letter"] = [
    """[[a.full]]
[[a.block]]
[[a.email]] – [[a.phone]]

[[X.company]]
t.a.v. Klachtenafdeling
[[o.addr]]

[[L.date]]

Betreft: klacht⟪ over bestelling [[L.order]]⟫ – defecte [[L.prod]]

Geachte heer/mevrouw,
Op [[L.date2]] kocht ik bovengenoemd product in uw winkel⟪ ([[L.pstreet]])⟫ voor [[L.amount]]⟪, betaald met mijn kaart eindigend op [[L.last4]]⟫. Na een week werkte het niet meer. Uw medewerker ([[b.given]], achternaam [[b.sur]]) weigerde een omruiling.
Op grond van [[L.lawc]] heb ik recht op herstel of vervanging. Mijn buurvrouw [[c.full]] was getuige.

Met vriendelijke groet,
[[a.init]]
"""
]

# Second variants: payroll threads and casual private chats (handles, lower-case names, pasted cards)
T["en", "slack_thread"].append("""#people-ops — thread
[[b.handle]]  [[X.time1]]
new starter paperwork for [[a.full]] (starts Monday) — @[[c.handle]] can you set up payroll?
[[c.handle]]  [[X.time2]]
sure, need [[a.nidlabel]] + bank details
[[b.handle]]  [[X.time3]]
[[a.nidlabel]] [[a.nid]], DOB [[a.dobn]], IBAN [[a.iban]]. home address [[a.addr]]
[[d.handle]]  [[X.time4]]
pls don't paste this in channels 🙏 ⟪([[L.lawp]]) ⟫also [[a.given]]'s emergency contact is [[e.full]] ([[e.partner]]) [[e.mobile]]
[[c.handle]]  [[X.time4]]
deleting in 5. corporate card for [[a.nick]] ordered⟪, ends [[L.last4]]⟫""")

T["de", "slack_thread"].append("""#personalabteilung
[[b.handle]]  [[X.time1]]
Neueinstellung [[a.full]] zum Ersten – @[[c.handle]] kannst du die Lohnabrechnung anlegen?
[[c.handle]]  [[X.time2]]
klar, brauche Steuer-ID, RV-Nummer und Krankenkasse
[[b.handle]]  [[X.time3]]
Steuer-ID [[a.nid]], RV-Nr. [[a.svnr]], [[?TK|Barmer|AOK Plus|DAK]] Vers.-Nr. [[a.kvnr]], geb. [[a.dobn]]. Gehalt auf [[a.iban]], Anschrift [[a.addr]]
[[d.handle]]  [[X.time4]]
bitte sowas nicht in Kanäle posten 🙈⟪ [[L.lawp]]⟫ Notfallkontakt von [[a.given]]: [[e.full]], [[e.mobile]]
[[c.handle]]  [[X.time4]]
lösche ich gleich. Firmenkarte für [[a.nick]] ist bestellt⟪, endet auf [[L.last4]]⟫""")

T["fr", "slack_thread"].append("""#rh-paie
[[b.handle]]  [[X.time1]]
arrivée de [[a.full]] lundi – @[[c.handle]] tu peux créer la fiche de paie ?
[[c.handle]]  [[X.time2]]
ok, il me faut le n° de sécu et le RIB
[[b.handle]]  [[X.time3]]
NIR [[a.nid]], né(e) le [[a.dobn]] à [[a.birthplace]], IBAN [[a.iban]]. adresse : [[a.addr]]
[[d.handle]]  [[X.time4]]
évitez de coller ça dans les canaux svp 🙏⟪ ([[L.lawp]])⟫ personne à prévenir pour [[a.given]] : [[e.full]], [[e.mobile]]
[[c.handle]]  [[X.time4]]
je supprime. carte affaires pour [[a.nick]] commandée⟪, finit par [[L.last4]]⟫""")

T["es", "slack_thread"].append("""#rrhh-nominas
[[b.handle]]  [[X.time1]]
alta de [[a.full]] el lunes – @[[c.handle]] puedes darle de alta en nómina?
[[c.handle]]  [[X.time2]]
vale, necesito DNI/NIE y cuenta
[[b.handle]]  [[X.time3]]
documento [[a.nid]], nacido/a el [[a.dobn]], IBAN [[a.iban]]. domicilio [[a.addr]]
[[d.handle]]  [[X.time4]]
no peguéis esto en canales porfa 🙏⟪ ([[L.lawp]])⟫ contacto de emergencia de [[a.given]]: [[e.full]], [[e.mobile]]
[[c.handle]]  [[X.time4]]
lo borro ya. tarjeta de empresa para [[a.nick]] pedida⟪, acaba en [[L.last4]]⟫""")

T["it", "slack_thread"].append("""#hr-paghe
[[b.handle]]  [[X.time1]]
assunzione di [[a.full]] da lunedì – @[[c.handle]] puoi aprire la posizione in paghe?
[[c.handle]]  [[X.time2]]
certo, mi servono codice fiscale e IBAN
[[b.handle]]  [[X.time3]]
CF [[a.nid]], nato/a a [[a.birthplace]] il [[a.dobn]], IBAN [[a.iban]]. residenza [[a.addr]]
[[d.handle]]  [[X.time4]]
non incollate questi dati nei canali 🙏⟪ ([[L.lawp]])⟫ contatto di emergenza di [[a.given]]: [[e.full]], [[e.mobile]]
[[c.handle]]  [[X.time4]]
cancello subito. carta aziendale per [[a.nick]] ordinata⟪, finisce con [[L.last4]]⟫""")

T["nl", "slack_thread"].append("""#hr-salarisadministratie
[[b.handle]]  [[X.time1]]
[[a.full]] begint maandag – @[[c.handle]] kun jij haar/hem in de salarisadministratie zetten?
[[c.handle]]  [[X.time2]]
ja, ik heb BSN en rekeningnummer nodig
[[b.handle]]  [[X.time3]]
BSN [[a.nid]], geb. [[a.dobn]], IBAN [[a.iban]]. adres [[a.addr]]
[[d.handle]]  [[X.time4]]
graag niet in kanalen plakken 🙏⟪ ([[L.lawp]])⟫ noodcontact van [[a.given]]: [[e.full]], [[e.mobile]]
[[c.handle]]  [[X.time4]]
verwijder ik zo. zakelijke creditcard voor [[a.nick]] besteld⟪, eindigt op [[L.last4]]⟫""")

T["en", "sms_export"].append("""[[?iMessage|Signal|WhatsApp]] export · [[a.low]] ↔ [[b.low]]
— [[L.date2]] —
[[X.time1]] [[a.low]]: can u pay the [[L.brand]] deposit, my card's blocked again
[[X.time2]] [[b.low]]: ugh fine. send me the link
[[X.time2]] [[a.low]]: easier if u just send urs and i do it online
[[X.time3]] [[b.low]]: [[b.card]] exp 11/27 🙄 delete this after
[[X.time3]] [[a.low]]: ty!! btw mum says ur post still goes to [[b.addr]]
[[X.time4]] [[b.low]]: tell [[c.nick]] to ring me on [[b.mobile]] not the landline. and my new email is [[b.emailo]]""")

T["de", "sms_export"].append("""Signal · [[a.low]] ↔ [[b.low]]
— [[L.date2]] —
[[X.time1]] [[a.low]]: kannst du die anzahlung bei [[L.brand]] zahlen? meine karte ist gesperrt
[[X.time2]] [[b.low]]: boah ok. schick link
[[X.time2]] [[a.low]]: schick mir lieber deine, mach ich online
[[X.time3]] [[b.low]]: [[b.card]] gültig bis 11/27 🙄 danach löschen!!
[[X.time3]] [[a.low]]: danke!! mama sagt deine post geht immer noch an [[b.addr]]
[[X.time4]] [[b.low]]: sag [[c.nick]], bitte auf [[b.mobile]] anrufen. neue mail: [[b.emailo]]""")

T["fr", "sms_export"].append("""WhatsApp · [[a.low]] ↔ [[b.low]]
— [[L.date2]] —
[[X.time1]] [[a.low]] : tu peux payer l'acompte chez [[L.brand]] ? ma carte est bloquée
[[X.time2]] [[b.low]] : pff ok. envoie le lien
[[X.time2]] [[a.low]] : le plus simple c'est que tu m'envoies ta carte
[[X.time3]] [[b.low]] : [[b.card]] exp 11/27 🙄 tu effaces après
[[X.time3]] [[a.low]] : merci !! au fait maman dit que ton courrier arrive encore au [[b.addr]]
[[X.time4]] [[b.low]] : dis à [[c.nick]] de m'appeler au [[b.mobile]]. nouveau mail : [[b.emailo]]""")

T["es", "sms_export"].append("""WhatsApp · [[a.low]] ↔ [[b.low]]
— [[L.date2]] —
[[X.time1]] [[a.low]]: puedes pagar la señal de [[L.brand]]? tengo la tarjeta bloqueada
[[X.time2]] [[b.low]]: jo vale. pásame el enlace
[[X.time2]] [[a.low]]: mejor pásame la tuya y lo hago yo online
[[X.time3]] [[b.low]]: [[b.card]] cad 11/27 🙄 bórralo luego
[[X.time3]] [[a.low]]: gracias!! por cierto mamá dice que te siguen llegando cartas a [[b.addr]]
[[X.time4]] [[b.low]]: dile a [[c.nick]] que me llame al [[b.mobile]]. correo nuevo: [[b.emailo]]""")

T["it", "sms_export"].append("""WhatsApp · [[a.low]] ↔ [[b.low]]
— [[L.date2]] —
[[X.time1]] [[a.low]]: mi paghi tu l'acconto da [[L.brand]]? ho la carta bloccata
[[X.time2]] [[b.low]]: uff ok. mandami il link
[[X.time2]] [[a.low]]: fai prima a mandarmi la tua, faccio io online
[[X.time3]] [[b.low]]: [[b.card]] scad 11/27 🙄 poi cancella
[[X.time3]] [[a.low]]: grazie!! comunque mamma dice che la posta ti arriva ancora in [[b.addr]]
[[X.time4]] [[b.low]]: di' a [[c.nick]] di chiamarmi al [[b.mobile]]. mail nuova: [[b.emailo]]""")

T["nl", "sms_export"].append("""WhatsApp · [[a.low]] ↔ [[b.low]]
— [[L.date2]] —
[[X.time1]] [[a.low]]: kun jij de aanbetaling bij [[L.brand]] doen? mijn pas is geblokkeerd
[[X.time2]] [[b.low]]: pff ok. stuur de link
[[X.time2]] [[a.low]]: makkelijker als je je kaart stuurt, dan doe ik het online
[[X.time3]] [[b.low]]: [[b.card]] geldig tot 11/27 🙄 daarna wissen
[[X.time3]] [[a.low]]: dankje!! mama zegt dat je post nog steeds naar [[b.addr]] gaat
[[X.time4]] [[b.low]]: zeg tegen [[c.nick]]: bel me op [[b.mobile]]. nieuwe mail: [[b.emailo]]""")


# Second variants: appointment-line calls (fillers, self-corrections) and collections notes
T["en", "call_transcript"].append("""Transcript – appointments line – [[L.date]]
Receptionist: [[b.given]] · Caller: [[a.full]]

REC: Good morning, surgery, [[b.given]] speaking.
CALLER: Hi, yeah, it's, um, [[a.given]]… [[a.given]] [[?|]]calling for my [[c.sib]], actually, [[c.full]]? Sorry.
REC: No problem. Date of birth for [[c.given]]?
CALLER: Er, [[c.dob]]. No wait – yes, that's right.
REC: And is [[c.given]] still at [[c.addr]]?
CALLER: Yep. She's – they've got the [[L.epo]] review at [[L.inst]] on [[L.date2]], so they need the letter before.
REC: Found [[c.given]], hospital number [[c.mrn]]. I'll ask [[d.title]] [[d.sur]] to sign it. Best number?
CALLER: Mine, [[a.mobile]]. Or email me, [[a.emailo]].
REC: Lovely, that's logged under [[L.ref]].""")

T["de", "call_transcript"].append("""Transkript – Terminhotline – [[L.date]]
Praxis: [[b.given]] · Anrufer: [[a.full]]

P: Praxis, guten Morgen, [[b.given]] am Apparat.
A: Ja, hallo, hier ist, äh, [[a.given]]… ich ruf für [[c.sib]] an, also [[c.full]].
P: Kein Problem. Geburtsdatum von [[c.given]]?
A: Äh, [[c.dob]]. Nee, warten Sie – doch, stimmt.
P: Wohnt [[c.given]] noch in der [[c.addr]]?
A: Ja. Wegen [[L.epo]] ist am [[L.date2]] die Kontrolle im [[L.inst]], da brauchen wir vorher die Überweisung.
P: Hab [[c.given]] gefunden, Patientennummer [[c.mrn]]. Ich frag [[d.title]] [[d.sur]]. Rückrufnummer?
A: Meine, [[a.mobile]]. Oder per Mail, [[a.emailo]].
P: Gut, ist notiert unter [[L.ref]].""")

T["fr", "call_transcript"].append("""Transcription – ligne de rendez-vous – [[L.date]]
Secrétariat : [[b.given]] · Appelant : [[a.full]]

S : Cabinet médical, bonjour, [[b.given]] à l'appareil.
A : Oui bonjour, c'est, euh, [[a.given]]… j'appelle pour [[c.sib]], enfin, [[c.full]].
S : D'accord. Date de naissance de [[c.given]] ?
A : Euh, le [[c.dob]]. Non attendez – si, c'est ça.
S : Toujours au [[c.addr]] ?
A : Oui. Pour le suivi ([[L.epo]]), il y a le contrôle à l'hôpital le [[L.date2]], il faut le courrier avant.
S : J'ai bien [[c.given]], IPP [[c.mrn]]. Je demande au Dr [[d.sur]]. Un numéro pour vous rappeler ?
A : Le mien, [[a.mobile]]. Ou par mail, [[a.emailo]].
S : C'est noté, référence [[L.ref]].""")

T["es", "call_transcript"].append("""Transcripción – línea de citas – [[L.date]]
Recepción: [[b.given]] · Llamante: [[a.full]]

R: Centro de salud, buenos días, le atiende [[b.given]].
L: Hola, sí, soy, eh, [[a.given]]… llamo por [[c.sib]], o sea, [[c.full]].
R: Vale. ¿Fecha de nacimiento de [[c.given]]?
L: Eh, el [[c.dob]]. No, espere – sí, es esa.
R: ¿Sigue en [[c.addr]]?
L: Sí. Por su [[L.epo]] tiene revisión en el [[L.inst]] el [[L.date2]], y necesitamos el volante antes.
R: Ya tengo a [[c.given]], NHC [[c.mrn]]. Se lo pido a la Dra. [[d.sur]]. ¿Un teléfono?
L: El mío, [[a.mobile]]. O por correo, [[a.emailo]].
R: Perfecto, queda anotado con la referencia [[L.ref]].""")

T["it", "call_transcript"].append("""Trascrizione – linea prenotazioni – [[L.date]]
Segreteria: [[b.given]] · Chiamante: [[a.full]]

S: Studio medico, buongiorno, sono [[b.given]].
C: Sì buongiorno, sono, ehm, [[a.given]]… chiamo per [[c.sib]], cioè, [[c.full]].
S: Va bene. Data di nascita di [[c.given]]?
C: Ehm, [[c.dob]]. No aspetti – sì, è giusta.
S: Abita sempre in [[c.addr]]?
C: Sì. Per il controllo ([[L.epo]]) ha la visita al [[L.inst]] il [[L.date2]], serve l'impegnativa prima.
S: Trovato/a [[c.given]], cartella clinica n. [[c.mrn]]. Lo chiedo al dott. [[d.sur]]. Un recapito?
C: Il mio, [[a.mobile]]. Oppure via mail, [[a.emailo]].
S: Perfetto, registrato con riferimento [[L.ref]].""")

T["nl", "call_transcript"].append("""Transcriptie – afsprakenlijn – [[L.date]]
Assistente: [[b.given]] · Beller: [[a.full]]

A: Huisartsenpraktijk, goedemorgen, u spreekt met [[b.given]].
B: Ja hoi, met, eh, [[a.given]]… ik bel voor [[c.sib]], nou ja, [[c.full]].
A: Prima. Geboortedatum van [[c.given]]?
B: Eh, [[c.dob]]. Nee wacht – ja, klopt.
A: Woont [[c.given]] nog op [[c.addr]]?
B: Ja. Vanwege [[L.epo]] is er op [[L.date2]] controle in het [[L.inst]], daar is eerst een verwijzing voor nodig.
A: Ik heb [[c.given]] gevonden, patiëntnummer [[c.mrn]]. Ik vraag het aan dokter [[d.sur]]. Op welk nummer kan ik u terugbellen?
B: Het mijne, [[a.mobile]]. Of mail, [[a.emailo]].
A: Genoteerd onder [[L.ref]].""")

T["en", "crm_note"].append("""COLLECTIONS – account note – [[L.date]] – agent [[b.init]]
Debtor: [[a.comma]] | DOB [[a.dobn]] | [[a.nidlabel]] [[a.nid]]
Last known address: [[a.addr]]
Phones: [[a.landline]] (no answer), [[a.mobile]] (spoke)

Arrears [[L.amount]] on [[X.company]] account [[L.ref]]. [[a.title]] [[a.sur]] says [[a.pron]] lost the job⟪ at [[L.inst]]⟫ in the spring.
Agreed plan: [[L.small]]/month by standing order from [[a.iban]], first payment [[L.date2]].
Third party on call: [[c.full]] ([[c.partner]]) – consent recorded. Do not contact at work.""")

T["de", "crm_note"].append("""FORDERUNGSMANAGEMENT – Gesprächsnotiz – [[L.date]] – SB [[b.init]]
Schuldner/in: [[a.comma]] · geb. [[a.dobn]]
Letzte bekannte Anschrift: [[a.addr]]
Telefon: [[a.landline]] (nicht erreicht), [[a.mobile]] (erreicht)

Rückstand [[L.amount]] zum Konto [[L.ref]] bei [[X.company]]. [[a.title]] [[a.sur]] gibt an, die Stelle⟪ (zuletzt [[L.inst]])⟫ verloren zu haben.
Vereinbarung: Raten à [[L.small]] per Dauerauftrag von [[a.iban]], erste Rate am [[L.date2]].
Dritte Person im Gespräch: [[c.full]] – Einwilligung dokumentiert. Nicht am Arbeitsplatz kontaktieren.""")

T["fr", "crm_note"].append("""RECOUVREMENT – note d'appel – [[L.date]] – gestionnaire [[b.init]]
Débiteur : [[a.comma]] · né(e) le [[a.dobn]] · NIR [[a.nid]]
Dernière adresse connue : [[a.addr]]
Téléphones : [[a.landline]] (pas de réponse), [[a.mobile]] (joint)

Impayé de [[L.amount]] sur le compte [[L.ref]] ([[X.company]]). [[a.title]] [[a.sur]] indique avoir perdu son emploi⟪ ([[L.inst]])⟫.
Échéancier : [[L.small]] par mois, prélevés sur [[a.iban]], première échéance le [[L.date2]].
Tiers présent : [[c.full]] – accord enregistré. Ne pas appeler sur le lieu de travail.""")

T["es", "crm_note"].append("""RECOBROS – nota de llamada – [[L.date]] – gestor [[b.init]]
Deudor/a: [[a.comma]] · nac. [[a.dobn]] · [[a.nid]]
Último domicilio conocido: [[a.addr]]
Teléfonos: [[a.landline]] (no contesta), [[a.mobile]] (contactado)

Deuda de [[L.amount]] en la cuenta [[L.ref]] de [[X.company]]. [[a.title]] [[a.sur]] dice que perdió el empleo⟪ (antes en [[L.inst]])⟫.
Plan acordado: [[L.small]] al mes domiciliados en [[a.iban]], primer cargo el [[L.date2]].
Tercero en la llamada: [[c.full]] – consentimiento grabado. No llamar al trabajo.""")

T["it", "crm_note"].append("""RECUPERO CREDITI – nota telefonata – [[L.date]] – operatore [[b.init]]
Debitore: [[a.comma]] · nato/a il [[a.dobn]] · CF [[a.nid]]
Ultimo indirizzo noto: [[a.addr]]
Telefoni: [[a.landline]] (non risponde), [[a.mobile]] (contattato)

Insoluto di [[L.amount]] sul conto [[L.ref]] ([[X.company]]). [[a.title]] [[a.sur]] riferisce di aver perso il lavoro⟪ (ex datore: [[L.inst]])⟫.
Piano concordato: [[L.small]] al mese con addebito su [[a.iban]], prima rata il [[L.date2]].
Terzo presente: [[c.full]] – consenso registrato. Non contattare sul posto di lavoro.""")

T["nl", "crm_note"].append("""INCASSO – belnotitie – [[L.date]] – behandelaar [[b.init]]
Debiteur: [[a.comma]] · geb. [[a.dobn]] · BSN [[a.nid]]
Laatst bekende adres: [[a.addr]]
Telefoon: [[a.landline]] (geen gehoor), [[a.mobile]] (gesproken)

Achterstand [[L.amount]] op rekening [[L.ref]] bij [[X.company]]. [[a.title]] [[a.sur]] geeft aan de baan⟪ bij [[L.inst]]⟫ kwijt te zijn.
Regeling: [[L.small]] per maand via automatische incasso van [[a.iban]], eerste termijn [[L.date2]].
Derde aan de lijn: [[c.full]] – toestemming vastgelegd. Niet op het werk bellen.""")


# Second variants: forwarded corporate meeting requests ("Surname, Given <address>" headers)
T["en", "calendar_invite"].append("""From: [[b.comma]] <[[b.emailp]]>
Sent: [[L.date]] [[X.time1]]
To: [[a.comma]] <[[a.emailp]]>; [[c.comma]] <[[c.emailp]]>
Subject: FW: [[?Best interests meeting|Case review|Claim walkthrough]] – [[a.rev]] (DOB [[a.dobn]])

When: [[L.date2]] [[X.time2]]–[[X.time3]]
Where: Microsoft Teams / [[o.addr]]
Join by phone: [[o.phone]]

Hi both – forwarding as discussed. [[a.given]] will attend with an advocate, [[d.full]] ([[d.mobile]]).
⟪Background in [[L.ref]]. ⟫Please don't circulate outside the team.
[[b.given]]""")

T["de", "calendar_invite"].append("""Von: [[b.comma]] <[[b.emailp]]>
Gesendet: [[L.date]] [[X.time1]]
An: [[a.comma]] <[[a.emailp]]>; [[c.comma]] <[[c.emailp]]>
Betreff: WG: [[?Fallbesprechung|Betreuungsverfahren|Schadenbesichtigung]] – [[a.rev]] (geb. [[a.dobn]])

Wann: [[L.date2]] [[X.time2]]–[[X.time3]]
Wo: Microsoft Teams / [[o.addr]]
Telefonische Einwahl: [[o.phone]]

Hallo zusammen, wie besprochen weitergeleitet. [[a.given]] kommt mit Begleitperson [[d.full]] ([[d.mobile]]).
⟪Unterlagen unter [[L.ref]]. ⟫Bitte nicht außerhalb des Teams weitergeben.
[[b.given]]""")

T["fr", "calendar_invite"].append("""De : [[b.comma]] <[[b.emailp]]>
Envoyé : [[L.date]] [[X.time1]]
À : [[a.comma]] <[[a.emailp]]> ; [[c.comma]] <[[c.emailp]]>
Objet : TR: [[?Réunion de concertation|Audition tutelle|Expertise sinistre]] – [[a.rev]] (né(e) le [[a.dobn]])

Quand : [[L.date2]] [[X.time2]]–[[X.time3]]
Où : Microsoft Teams / [[o.addr]]
Rejoindre par téléphone : [[o.phone]]

Bonjour à tous, je transfère comme convenu. [[a.given]] viendra accompagné(e) de [[d.full]] ([[d.mobile]]).
⟪Pièces au dossier [[L.ref]]. ⟫Merci de ne pas diffuser hors de l'équipe.
[[b.given]]""")

T["es", "calendar_invite"].append("""De: [[b.comma]] <[[b.emailp]]>
Enviado: [[L.date]] [[X.time1]]
Para: [[a.comma]] <[[a.emailp]]>; [[c.comma]] <[[c.emailp]]>
Asunto: RV: [[?Sesión clínica|Comparecencia|Peritaje del siniestro]] – [[a.rev]] (nac. [[a.dobn]])

Cuándo: [[L.date2]] [[X.time2]]–[[X.time3]]
Dónde: Microsoft Teams / [[o.addr]]
Unirse por teléfono: [[o.phone]]

Hola a todos, os lo reenvío como hablamos. [[a.given]] vendrá con [[d.full]] ([[d.mobile]]).
⟪Documentación en el expediente [[L.ref]]. ⟫Por favor, no lo reenviéis fuera del equipo.
[[b.given]]""")

T["it", "calendar_invite"].append("""Da: [[b.comma]] <[[b.emailp]]>
Inviato: [[L.date]] [[X.time1]]
A: [[a.comma]] <[[a.emailp]]>; [[c.comma]] <[[c.emailp]]>
Oggetto: I: [[?Riunione di équipe|Udienza amministrazione di sostegno|Perizia sinistro]] – [[a.rev]] (nato/a il [[a.dobn]])

Quando: [[L.date2]] [[X.time2]]–[[X.time3]]
Dove: Microsoft Teams / [[o.addr]]
Partecipa per telefono: [[o.phone]]

Ciao a tutti, inoltro come d'accordo. [[a.given]] sarà accompagnato/a da [[d.full]] ([[d.mobile]]).
⟪Documenti nella pratica [[L.ref]]. ⟫Per favore non inoltrare fuori dal gruppo.
[[b.given]]""")

T["nl", "calendar_invite"].append("""Van: [[b.comma]] <[[b.emailp]]>
Verzonden: [[L.date]] [[X.time1]]
Aan: [[a.comma]] <[[a.emailp]]>; [[c.comma]] <[[c.emailp]]>
Onderwerp: FW: [[?MDO|Zitting bewindvoering|Schade-expertise]] – [[a.rev]] (geb. [[a.dobn]])

Wanneer: [[L.date2]] [[X.time2]]–[[X.time3]]
Waar: Microsoft Teams / [[o.addr]]
Inbellen: [[o.phone]]

Hoi allen, zoals besproken doorgestuurd. [[a.given]] komt samen met [[d.full]] ([[d.mobile]]).
⟪Stukken in dossier [[L.ref]]. ⟫Graag niet buiten het team delen.
[[b.given]]""")


AUDIT_COMMENT = {
    "en": "Caller verified with DOB [[a.dob]] and card ending [[L.last4]].⟪ Refund of [[L.amount]] approved.⟫",
    "de": "Anrufer/in verifiziert (Geb.-Datum [[a.dob]], Karte endet auf [[L.last4]]).⟪ Erstattung [[L.amount]] freigegeben.⟫",
    "fr": "Appelant vérifié (date de naissance [[a.dob]], carte finissant par [[L.last4]]).⟪ Remboursement de [[L.amount]] validé.⟫",
    "es": "Cliente verificado (fecha de nacimiento [[a.dob]], tarjeta acabada en [[L.last4]]).⟪ Reembolso de [[L.amount]] aprobado.⟫",
    "it": "Cliente verificato (data di nascita [[a.dob]], carta che termina con [[L.last4]]).⟪ Rimborso di [[L.amount]] approvato.⟫",
    "nl": "Beller geverifieerd (geboortedatum [[a.dob]], kaart eindigend op [[L.last4]]).⟪ Terugbetaling [[L.amount]] goedgekeurd.⟫",
}
NOTE_WORD = {
    "en": "customer reports",
    "de": "Kundin meldet",
    "fr": "la cliente signale",
    "es": "la clienta indica",
    "it": "la cliente segnala",
    "nl": "klant meldt",
}

for _lang in LANGS:
    T[_lang, "ticket_audit_trail"] = [
        """Audit trail – [[L.ticket]] "[[?Refund request|Address change|Account locked|Duplicate charge]]" – [[X.company]] Service Desk
Reporter: [[a.full]] <[[a.emailp]]>   Assignee: [[b.handle]]   Priority: [[?P2|P3]]

── [[L.dateiso]] ──
[[X.time1]]  [[a.handle]]      created issue via e-mail ([[a.email]])
[[X.time1]]  system           set "Customer phone" to "[[a.phone]]"
[[X.time2]]  [[b.handle]]      changed Assignee from "Unassigned" to "[[b.full]]"
[[X.time2]]  [[b.handle]]      changed "Postal address" from "[[c.addr]]" to "[[a.addr]]"
[[X.time3]]  [[b.handle]]      comment: \""""
        + AUDIT_COMMENT[_lang]
        + """\"
[[X.time3]]  [[b.handle]]      mentioned @[[e.handle]]; set "Date of birth" to "[[a.dobiso]]"
⟪[[X.time4]]  [[d.handle]]      linked [[L.ticket2]] (duplicates)
⟫[[X.time4]]  automation       changed Status from "In Progress" to "Resolved"; SLA [[?met|breached]]
"""
    ]
    T[_lang, "api_payload"] = [
        """POST /api/v2/customers/[[X.nn]]4[[X.n]]/kyc HTTP/1.1
Host: api.[[?eu|prod|internal]].[[?kyc-gateway|onboarding|core-banking]].net
X-Forwarded-For: [[a.ip]]
Content-Type: application/json

{
  "customer": {
    "first_name": "[[a.given]]",
    "last_name": "[[a.surup]]",
    "date_of_birth": "[[a.dobiso]]",
    "national_id": "[[a.nid]]",
    "email": "[[a.emailp]]",
    "phone": "[[a.mobile]]",
    "address": "[[a.addr]]"
  },
  "payment": {"iban": "[[a.iban]]", ⟪"card_last4": "[[L.last4b]]", ⟫"amount": "[[L.amount]]"},
  "order_id": "[[L.order]]",
  "created_at": "[[L.datets]]",
  "agent": "[[b.handle]]"
}""",
        """# export [[X.company]] CRM – [[L.dateiso]]
- id: [[L.ref]]
  name: [[a.full]]
  dob: [[a.dobiso]]
  email: [[a.email]]
  phone: "[[a.phone]]"
  address: "[[a.addr]]"
  iban: [[a.iban]]
  contacts:
    - name: [[b.comma]]
      phone: "[[b.mobile]]"
    - name: [[c.full]]
      email: [[c.emailp]]
  notes: "⟪[[L.epo]] – ⟫"""
        + NOTE_WORD[_lang]
        + """ [[L.inst]]⟪; brand [[L.brand]]⟫"
  last_payment: {amount: "[[L.amount]]", card: "**** [[L.last4b]]"}""",
        """[[L.datets]] INFO  auth.login user=[[a.handle]] src=[[a.ip]] ua="Mozilla/5.0 (Windows NT 10.0)"
[[X.time1]]:07 WARN  kyc.mismatch customer="[[a.up]]" dob_submitted=[[a.dobiso]] dob_on_file=[[b.dobiso]]
[[X.time1]]:09 INFO  payment.captured pan=[[a.card]] amount="[[L.amount]]" order=[[L.order]]
[[X.time2]]:44 ERROR mailer.bounce to=<[[a.emailp]]> reason="mailbox full"
[[X.time2]]:45 INFO  support.callback phone="[[a.mobile]]" agent=[[b.handle]] ticket=[[L.ticket]]
[[X.time3]]:02 INFO  address.update user=[[a.handle]] new="[[a.addr]]" via=[[o.ip]]
[[X.time4]]:31 DEBUG shipment.created carrier=[[?DHL|UPS|GLS]] tracking=[[L.track]] recipient="[[a.full]]\"""",
    ]

KINDS = {
    "en": [
        "sms_export",
        "slack_thread",
        "crm_note",
        "calendar_invite",
        "call_transcript",
        "api_payload",
        "ticket_audit_trail",
        "loan_application",
        "dental_record",
        "trial_screening_log",
        "complaint_letter",
        "power_of_attorney",
        "ocr_scan",
        "visitor_log",
    ],
    "de": [
        "sms_export",
        "slack_thread",
        "crm_note",
        "calendar_invite",
        "call_transcript",
        "api_payload",
        "ticket_audit_trail",
        "tax_advisor_letter",
        "notary_deed",
        "vet_record",
        "accident_report",
        "ocr_scan",
        "delivery_note",
    ],
    "fr": [
        "sms_export",
        "slack_thread",
        "crm_note",
        "calendar_invite",
        "call_transcript",
        "api_payload",
        "ticket_audit_trail",
        "notary_deed",
        "dental_record",
        "expense_claim",
        "accident_report",
        "rsvp_list",
        "vet_record",
    ],
    "es": [
        "sms_export",
        "slack_thread",
        "crm_note",
        "calendar_invite",
        "call_transcript",
        "api_payload",
        "ticket_audit_trail",
        "power_of_attorney",
        "loan_application",
        "accident_report",
        "dental_record",
        "delivery_note",
        "visitor_log",
    ],
    "it": [
        "sms_export",
        "slack_thread",
        "crm_note",
        "calendar_invite",
        "call_transcript",
        "api_payload",
        "ticket_audit_trail",
        "tax_advisor_letter",
        "trial_screening_log",
        "complaint_letter",
        "rsvp_list",
        "expense_claim",
        "ocr_scan",
    ],
    "nl": [
        "sms_export",
        "slack_thread",
        "crm_note",
        "calendar_invite",
        "call_transcript",
        "api_payload",
        "ticket_audit_trail",
        "vet_record",
        "loan_application",
        "expense_claim",
        "delivery_note",
        "tax_advisor_letter",
        "complaint_letter",
    ],
}
LOC_OF = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}
EN_LOC = {
    "loan_application": "US",
    "power_of_attorney": "US",
    "dental_record": "GB",
    "ocr_scan": "GB",
    "trial_screening_log": "GB",
}


def build_doc(rng: random.Random, lang: str, kind: str, doc_id: str) -> dict[str, object]:
    template = rng.choice(T[lang, kind])
    # Americans are not given IBANs: an English template that asks for one is set in Britain
    loc = LOC_OF.get(lang) or EN_LOC.get(kind) or ("GB" if "iban]]" in template else rng.choice(["GB", "US"]))
    ctx: dict[str, list[Seg]] = {}
    used: set[str] = set()
    for key in "abcdef":
        add_person(ctx, rng, lang, loc, key, used)
    add_person(ctx, rng, lang, loc, "k", used, born=(2008, 2021))
    add_lookalikes(ctx, rng, lang, loc, kind)
    ctx["a.nidlabel"] = [("National Insurance number" if loc == "GB" else "SSN", None)]
    segs = render(template, ctx, rng)
    text, ents, looks = assemble(segs)
    text = text.rstrip()
    return {"id": doc_id, "lang": lang, "kind": kind, "text": text, "entities": ents, "lookalikes": looks}


def generate() -> list[dict[str, object]]:
    docs: list[dict[str, object]] = []
    for li, lang in enumerate(LANGS):
        rng = random.Random(SEED * 10 + li)
        kinds = (KINDS[lang] * (DOCS_PER_LANG // len(KINDS[lang]) + 1))[:DOCS_PER_LANG]
        rng.shuffle(kinds)
        for i, kind in enumerate(kinds):
            docs.append(build_doc(rng, lang, kind, f"{lang}-{i + 1:04d}"))
    return docs


# ---------------------------------------------------------------------------
# Self-check and reporting
# ---------------------------------------------------------------------------

EDGE_BAD = set(" \t\n\u00a0\u202f,;:\"'«»“”„<>[({")


def check_doc(doc: dict[str, object]) -> list[str]:
    errs: list[str] = []
    text = str(doc["text"])
    did = doc["id"]
    if not 300 <= len(text) <= 2500:
        errs.append(f"{did}: length {len(text)}")
    spans: list[tuple[int, int, str]] = []
    ents = list(doc["entities"])  # type: ignore[call-overload]
    looks = list(doc["lookalikes"])  # type: ignore[call-overload]
    for e in ents + looks:
        s, t = e["start"], e["end"]
        val = text[s:t]
        label = e.get("type") or "~" + e["what"]
        if not (0 <= s < t <= len(text)) or not val:
            errs.append(f"{did}: bad span {e}")
            continue
        bad_open = val[0] in EDGE_BAD and not (val[0] in "([" and (")" in val or "]" in val))
        bad_close = val[-1] in EDGE_BAD or (val[-1] in ")]" and "(" not in val and "[" not in val)
        if bad_open or bad_close:
            errs.append(f"{did}: edge {label} {val!r}")
        if val[-1] == "." and label not in ("ADDRESS", "PERSON") and not label.startswith("~"):
            errs.append(f"{did}: trailing dot {label} {val!r}")
        spans.append((s, t, label))
    for e in ents:
        typ = e["type"]
        val = text[e["start"] : e["end"]]
        if CATEGORY.get(typ) != e["category"] or e["structured"] != (typ not in UNSTRUCTURED):
            errs.append(f"{did}: category {e}")
        v = VALIDATORS.get(typ)
        if v and not v(val):
            errs.append(f"{did}: {typ} fails validator: {val!r}")
        if typ == "PERSON" and re.search(r"[\d@<>\[\]()]", val):
            errs.append(f"{did}: PERSON {val!r}")
    for lk in looks:
        val = text[lk["start"] : lk["end"]]
        if lk["what"] not in LOOKALIKE_KINDS:
            errs.append(f"{did}: unknown look-alike {lk['what']}")
        if passes_any_id(val):
            errs.append(f"{did}: look-alike passes an identifier check: {val!r}")
    spans.sort()
    for (s1, t1, l1), (s2, t2, l2) in pairwise(spans):
        if s2 < t1:
            errs.append(f"{did}: overlap {l1} {text[s1:t1]!r} / {l2} {text[s2:t2]!r}")
        if l1 == l2 == "PERSON" and text[t1:s2].strip(" ") == "" and "\n" not in text[t1:s2]:
            errs.append(f"{did}: adjacent PERSON spans {text[s1:t2]!r}")
    return errs


def check_all(docs: list[dict[str, object]]) -> list[str]:
    errs: list[str] = []
    ids = [d["id"] for d in docs]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for d in docs:
        errs.extend(check_doc(d))
    for lang in LANGS:
        mine = [d for d in docs if d["lang"] == lang]
        if len(mine) != DOCS_PER_LANG or len({d["kind"] for d in mine}) < 12:
            errs.append(f"{lang}: coverage")
    return errs


def serialise(docs: list[dict[str, object]]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def print_counts(docs: list[dict[str, object]]) -> None:
    types = Counter((e["type"], d["lang"]) for d in docs for e in d["entities"])  # type: ignore[attr-defined]
    looks = Counter((x["what"], d["lang"]) for d in docs for x in d["lookalikes"])  # type: ignore[attr-defined]
    kinds = Counter((d["kind"], d["lang"]) for d in docs)

    def table(title: str, counter: Counter[tuple[str, str]]) -> None:
        rows = sorted({k for k, _ in counter})
        print(f"\n| {title} | " + " | ".join(LANGS) + " | total |")
        print("|---|" + "---|" * (len(LANGS) + 1))
        for r in rows:
            vals = [counter.get((r, lang), 0) for lang in LANGS]
            print(f"| {r} | " + " | ".join(str(v) if v else "–" for v in vals) + f" | {sum(vals)} |")
        tot = [sum(v for (k, lg), v in counter.items() if lg == lang) for lang in LANGS]
        print("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")

    n_ent = sum(len(d["entities"]) for d in docs)  # type: ignore[arg-type]
    n_look = sum(len(d["lookalikes"]) for d in docs)  # type: ignore[arg-type]
    lengths = sorted(len(str(d["text"])) for d in docs)
    print(
        f"{len(docs)} documents, {n_ent} entities, {n_look} look-alikes ({n_look / len(docs):.2f} per document); "
        f"length {lengths[0]}–{lengths[-1]} chars, median {lengths[len(lengths) // 2]}"
    )
    table("kind", kinds)
    table("type", types)
    table("look-alike", looks)


def main(argv: list[str]) -> int:
    docs = generate()
    errs = check_all(docs)
    fresh = serialise(docs)
    if "--check" in argv:
        committed = OUT.read_text(encoding="utf-8")
        errs += check_all([json.loads(line) for line in committed.splitlines()])
        if committed != fresh:
            errs.append("heldout.jsonl differs from a fresh generation")
    else:
        OUT.write_text(fresh, encoding="utf-8")
    for e in errs[:60]:
        print("FAIL", e, file=sys.stderr)
    if errs:
        print(f"{len(errs)} self-check failures", file=sys.stderr)
        return 1
    print_counts(docs)
    print(
        "\nself-check passed"
        + (" ; file is byte-identical to a fresh generation" if "--check" in argv else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
