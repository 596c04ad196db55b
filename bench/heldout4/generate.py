"""Fourth blind held-out PII corpus for Airlock's redaction benchmark.

Writes ``bench/heldout4/heldout.jsonl`` (600 synthetic documents, 100 per language) and self-checks it.

    python bench/heldout4/generate.py          # regenerate, self-check, print counts
    python bench/heldout4/generate.py --check  # self-check the committed file, compare with a fresh run

Standard library only. Everything here was written from general knowledge for this corpus.
"""

# ruff: noqa: RUF001  (the corpus text deliberately uses en dashes, NBSP, U+202F and typographic quotes)
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SEED = 20261214
HERE = Path(__file__).resolve().parent
OUT = HERE / "heldout.jsonl"
LANGS = ["en", "de", "fr", "es", "it", "nl"]
PER_LANG = 100
NBSP = "\u00a0"
NNBSP = "\u202f"

CATEGORY = {
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
LOOKALIKE_KINDS = {
    "brand",
    "medical_eponym",
    "law_citation",
    "institution",
    "drug_dosage",
    "reference_range",
    "icd_code",
    "atc_code",
    "booking_reference",
    "flight_number",
    "invoice_number",
    "order_number",
    "policy_number",
    "claim_number",
    "case_number",
    "reference_number",
    "product_code",
    "po_box",
    "company_registration",
    "vat_number",
    "card_last_four",
    "date",
    "amount",
    "meter_number",
    "creditor_id",
    "tariff_code",
    "tracking_number",
    "employee_number",
    "street_name",
    "ticket_number",
}


# ---------------------------------------------------------------------------------------------------------
# Document builder: text is appended piece by piece, so offsets are recorded as the text is written.
# ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class E:
    type: str
    text: str


@dataclass(frozen=True)
class L:
    what: str
    text: str


class Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.entities: list[dict] = []
        self.lookalikes: list[dict] = []

    def add(self, *items) -> Doc:
        for it in items:
            if isinstance(it, E):
                cat, struct = CATEGORY[it.type]
                self.entities.append(
                    {
                        "start": self.pos,
                        "end": self.pos + len(it.text),
                        "type": it.type,
                        "category": cat,
                        "structured": struct,
                    }
                )
                self._raw(it.text)
            elif isinstance(it, L):
                self.lookalikes.append({"start": self.pos, "end": self.pos + len(it.text), "what": it.what})
                self._raw(it.text)
            elif isinstance(it, (list, tuple)):
                self.add(*it)
            else:
                self._raw(str(it))
        return self

    def _raw(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def fill(self, rng: random.Random, template: str, /, **vals) -> Doc:
        """Append ``template`` with ``{name}`` fields; lines starting with ``?`` are kept at random."""
        lines = template.split("\n")
        kept = []
        for ln in lines:
            if ln.startswith("?"):
                if rng.random() < 0.6:
                    kept.append(ln[1:])
            else:
                kept.append(ln)
        tpl = "\n".join(kept)
        for literal, field, _spec, _conv in string.Formatter().parse(tpl):
            if literal:
                self._raw(literal)
            if field is not None:
                self.add(vals[field])
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------------------------------------------------
# Check-digit builders (used to make identifiers). Validators further down are written separately.
# ---------------------------------------------------------------------------------------------------------
def luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def iban_from_bban(cc: str, bban: str) -> str:
    conv = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return f"{cc}{98 - int(conv) % 97:02d}{bban}"


def rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


ES_W = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]


def es_ctrl(ten: str) -> str:
    r = 11 - sum(int(d) * w for d, w in zip(ten, ES_W, strict=True)) % 11
    return str({11: 0, 10: 1}.get(r, r))


CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def cf_char_value(ch: str, odd: bool) -> int:
    idx = int(ch) if ch.isdigit() else ord(ch) - 65
    return CF_ODD[idx] if odd else idx


def cin_letter(body: str) -> str:
    s = sum(cf_char_value(c, i % 2 == 0) for i, c in enumerate(body))
    return chr(65 + s % 26)


def nl_eleven_ok(acct10: str) -> bool:
    return sum(int(d) * w for d, w in zip(acct10, range(10, 0, -1), strict=True)) % 11 == 0


def steuer_check(ten: str) -> str:
    product = 10
    for ch in ten:
        s = (int(ch) + product) % 10 or 10
        product = (s * 2) % 11
    c = 11 - product
    return "0" if c == 10 else str(c)


def cross(n: int) -> int:
    return sum(int(d) for d in str(n))


SVNR_W = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]


def svnr_check(area: str, ddmmyy: str, letter: str, serial: str) -> str:
    digits = area + ddmmyy + f"{ord(letter) - 64:02d}" + serial
    return str(sum(cross(int(d) * w) for d, w in zip(digits, SVNR_W, strict=True)) % 10)


def kvnr_check(letter: str, eight: str) -> str:
    digits = f"{ord(letter) - 64:02d}" + eight
    return str(sum(cross(int(d) * (1 if i % 2 == 0 else 2)) for i, d in enumerate(digits)) % 10)


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CF_MONTHS = "ABCDEHLMPRST"


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def ascii_fold(s: str) -> str:
    t = strip_accents(s.replace("ß", "ss").replace("ı", "i")).lower()
    return re.sub(r"[^a-z0-9.\-_]", "", t)


def cf_part(name: str, given: bool) -> str:
    letters = [c for c in strip_accents(name).upper() if c.isalpha()]
    cons = [c for c in letters if c not in "AEIOU"]
    vows = [c for c in letters if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


# ---------------------------------------------------------------------------------------------------------
# Validators (independent re-implementation of each public rule; used only by the self-check).
# ---------------------------------------------------------------------------------------------------------
def compact(s: str) -> str:
    return re.sub(r"[\s.\-/\u00a0\u202f]", "", s)


def v_luhn(s: str) -> bool:
    d = compact(s)
    if not d.isdigit() or not 13 <= len(d) <= 19:
        return False
    acc = 0
    for pos, ch in enumerate(d[::-1]):
        x = int(ch) * (2 if pos % 2 else 1)
        acc += x // 10 + x % 10
    return acc % 10 == 0


def v_card(s: str) -> bool:
    d = compact(s)
    if not v_luhn(d):
        return False
    if d[0] == "4":
        return len(d) in (16, 19)
    if d[:2] in ("34", "37"):
        return len(d) == 15
    if 51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720:
        return len(d) == 16
    return False


IBAN_LEN = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18}


def v_iban(s: str) -> bool:
    c = re.sub(r"[\s\u00a0]", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", c) or IBAN_LEN.get(c[:2]) != len(c):
        return False
    moved = c[4:] + c[:4]
    if int("".join(str(int(ch, 36)) for ch in moved)) % 97 != 1:
        return False
    cc, b = c[:2], c[4:]
    if cc == "FR":
        bank, branch, acct, key = b[:5], b[5:10], b[10:21], b[21:]
        return acct.isdigit() and (89 * int(bank) + 15 * int(branch) + 3 * int(acct) + int(key)) % 97 == 0
    if cc == "ES":
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

        def ctl(x: str) -> int:
            v = 11 - sum(int(a) * y for a, y in zip(x, w, strict=True)) % 11
            return 0 if v == 11 else 1 if v == 10 else v

        return ctl("00" + b[:8]) == int(b[8]) and ctl(b[10:]) == int(b[9])
    if cc == "IT":
        odd = dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21], strict=True))
        odd.update(zip(string.ascii_uppercase, CF_ODD, strict=True))
        tot = 0
        for i, ch in enumerate(b[1:]):
            tot += odd[ch] if i % 2 == 0 else (int(ch) if ch.isdigit() else ord(ch) - 65)
        return chr(65 + tot % 26) == b[0]
    if cc == "NL":
        return b[:4] == "INGB" or sum(int(a) * (10 - i) for i, a in enumerate(b[4:])) % 11 == 0
    return True


def v_ssn(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


def v_nino(s: str) -> bool:
    c = s.replace(" ", "").upper()
    m = re.fullmatch(r"([A-Z]{2})(\d{6})([A-D])", c)
    if not m:
        return False
    p = m.group(1)
    return (
        p[0] not in "DFIQUV" and p[1] not in "DFIOQUV" and p not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
    )


def v_nhs(s: str) -> bool:
    d = re.sub(r"[\s\-]", "", s)
    if not re.fullmatch(r"\d{10}", d):
        return False
    r = sum(int(d[i]) * (10 - i) for i in range(9)) % 11
    chk = (11 - r) % 11
    return chk != 10 and chk == int(d[9])


def v_steuer(s: str) -> bool:
    d = re.sub(r"[\s/]", "", s)
    if not re.fullmatch(r"[1-9]\d{10}", d):
        return False
    counts = Counter(d[:10]).values()
    if not (sum(1 for c in counts if c in (2, 3)) == 1 and all(c <= 3 for c in counts)):
        return False
    p = 10
    for ch in d[:10]:
        t = (int(ch) + p) % 10
        t = 10 if t == 0 else t
        p = 2 * t % 11
    return (11 - p) % 10 == int(d[10])


def v_svnr(s: str) -> bool:
    c = s.replace(" ", "").upper()
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)", c)
    if not m:
        return False
    dd, mm = int(m.group(2)), int(m.group(3))
    if not (1 <= dd <= 31 and 1 <= mm <= 12):
        return False
    digs = c[:8] + str(ord(m.group(5)) - 64).zfill(2) + c[9:11]
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    return sum((int(a) * b) // 10 + (int(a) * b) % 10 for a, b in zip(digs, w, strict=True)) % 10 == int(
        c[11]
    )


def v_kvnr(s: str) -> bool:
    c = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]\d{9}", c):
        return False
    digs = str(ord(c[0]) - 64).zfill(2) + c[1:9]
    tot = 0
    for i, a in enumerate(digs):
        x = int(a) * (2 if i % 2 else 1)
        tot += x // 10 + x % 10
    return tot % 10 == int(c[9])


def v_nir(s: str) -> bool:
    c = re.sub(r"[\s\u00a0\u202f]", "", s).upper()
    m = re.fullmatch(r"([12])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})", c)
    if not m:
        return False
    if not (1 <= int(m.group(3)) <= 12):
        return False
    body = c[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(c[13:])


def v_dni(s: str) -> bool:
    c = s.replace(".", "").replace("-", "").replace(" ", "").upper()
    return bool(re.fullmatch(r"\d{8}[A-Z]", c)) and "TRWAGMYFPDXBNJZSQVHLCKE"[int(c[:8]) % 23] == c[8]


def v_nie(s: str) -> bool:
    c = s.replace(".", "").replace("-", "").replace(" ", "").upper()
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", c):
        return False
    n = int("XYZ".index(c[0]).__str__() + c[1:8])
    return "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23] == c[8]


def v_cf(s: str) -> bool:
    c = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", c):
        return False
    day = int(c[9:11])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return False
    odd_tab = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    tot = 0
    for i, ch in enumerate(c[:15]):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        tot += odd_tab[v] if i % 2 == 0 else v
    return chr(65 + tot % 26) == c[15]


def v_bsn(s: str) -> bool:
    d = re.sub(r"[\s.]", "", s)
    if not re.fullmatch(r"\d{9}", d) or d == "000000000":
        return False
    return (sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])) % 11 == 0


def v_ip(s: str) -> bool:
    parts = s.split(".")
    return len(parts) == 4 and all(p.isdigit() and str(int(p)) == p and int(p) <= 255 for p in parts)


EXT_RE = r"(\s*(ext\.?|x|Durchwahl|poste|ext|int\.|interno|toestel|tst\.)\s*\d{1,5})?$"


def v_phone(s: str) -> bool:
    base = re.sub(EXT_RE, "", s, flags=re.I)
    if not re.fullmatch(r"[+(]{0,2}[\d][\d \-./()\u00a0\u202f]*\d", base):
        return False
    n = len(re.sub(r"\D", "", base))
    return 9 <= n <= 15


OBF = [
    (r"\s*(\[at\]|\(at\)|\{at\}| at | arobase | arroba | chiocciola | apenstaartje |\[ät\]| ät )\s*", "@"),
    (r"\s*(\[dot\]|\(dot\)| dot | point | punto | punt |\[punkt\]| punkt |\[\.\])\s*", "."),
]


def v_email(s: str) -> bool:
    t = s
    for pat, rep in OBF:
        t = re.sub(pat, rep, t, flags=re.I)
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9._+\-]*@[a-z0-9\-]+(\.[a-z0-9\-]+)*\.[a-z]{2,}", t, flags=re.I))


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
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jänner",
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
]


def v_dob(s: str) -> bool:
    if not re.search(r"(19[2-9]\d|20[0-2]\d|\b\d{2}$)", s):
        return False
    if re.fullmatch(r"[\d./\- ]+", s):
        return len(re.findall(r"\d+", s)) == 3
    words = re.findall(r"[a-zäéèûç]+", s.lower())
    return any(len(w) >= 3 and any(m.startswith(w) for m in MONTH_WORDS) for w in words)


def v_mrn(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9\-/. ]*[A-Z0-9]", s)) and len(re.sub(r"\D", "", s)) >= 5


def v_address(s: str) -> bool:
    return len(s) >= 4 and bool(re.search(r"[A-Za-zÀ-ÿ]", s))


def v_person(s: str) -> bool:
    return not re.search(r"[\d@<>\[\]()]", s) and len(s) >= 2


VALIDATOR = {
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
    "ADDRESS": v_address,
    "PERSON": v_person,
}
ID_CHECKS = [v_luhn, v_iban, v_nhs, v_bsn, v_steuer, v_nir, v_dni, v_nie, v_cf, v_kvnr, v_nino, v_svnr]


def passes_any_id(text: str) -> bool:
    cands = {text, compact(text), re.sub(r"\D", "", text)}
    cands.update(re.split(r"[\s,;:()]+", text))
    for c in cands:
        if not c:
            continue
        if any(f(c) for f in ID_CHECKS):
            return True
        if re.fullmatch(r"\d{3}-\d{2}-\d{4}", c) and v_ssn(c):
            return True
    return False


def words(s: str) -> list[str]:
    return s.split()


# ---------------------------------------------------------------------------------------------------------
# Language data (written for this corpus).
# ---------------------------------------------------------------------------------------------------------
GIVEN = {
    "en": (
        [
            "Callum",
            "Rhys",
            "Declan",
            "Marcus",
            "Tobias",
            "Ellis",
            "Gareth",
            "Nathaniel",
            "Desmond",
            "Kieran",
            "Alistair",
            "Tyrone",
            "Brandon",
            "Wesley",
            "Dwayne",
            "Hamish",
            "Rory",
            "Jasper",
            "Ravi",
            "Oluwaseun",
            "Mei-Ling",
            "Jean-Paul",
            "Ezekiel",
            "Cormac",
            "Lachlan",
        ],
        [
            "Imogen",
            "Niamh",
            "Bethany",
            "Saoirse",
            "Harriet",
            "Keisha",
            "Priya",
            "Rosalind",
            "Tamsin",
            "Yvette",
            "Lorna",
            "Shannon",
            "Dolores",
            "Mary-Kate",
            "Anne-Marie",
            "Gwendolyn",
            "Fenella",
            "Courtney",
            "Marisol",
            "Aoife",
            "Bronwen",
            "Tanisha",
            "Delphine",
            "Hollie",
            "Eun-ji",
        ],
    ),
    "de": (
        [
            "Jörg",
            "Hans-Peter",
            "Malte",
            "Torsten",
            "Ole",
            "Wolfram",
            "Benedikt",
            "Kai-Uwe",
            "Lutz",
            "Volker",
            "Friedhelm",
            "Jannik",
            "Mehmet",
            "Detlef",
            "Raphael",
            "Henning",
            "Till",
            "Bernd",
            "Konstantin",
            "Sönke",
            "Ulrich",
            "Dragan",
            "Matthias",
            "Gero",
            "Arne",
        ],
        [
            "Heike",
            "Ute",
            "Svenja",
            "Dagmar",
            "Ann-Kathrin",
            "Frauke",
            "Gesine",
            "Mareike",
            "Hildegard",
            "Birte",
            "Jana",
            "Lieselotte",
            "Ayşe",
            "Marlene",
            "Sabine",
            "Wiebke",
            "Carola",
            "Eva-Maria",
            "Irmgard",
            "Theresa",
            "Nele",
            "Roswitha",
            "Gudrun",
            "Silke",
            "Kerstin",
        ],
    ),
    "fr": (
        [
            "Gaëtan",
            "Jean-Baptiste",
            "Loïc",
            "Thibault",
            "Régis",
            "Yannick",
            "Mathis",
            "Bastien",
            "Hervé",
            "Karim",
            "Aurélien",
            "Marc-Antoine",
            "Gilles",
            "Rodolphe",
            "Anthony",
            "Sébastien",
            "Didier",
            "Fabrice",
            "Yves",
            "Mamadou",
            "Quentin",
            "Timothée",
            "Cyril",
            "Benoît",
            "Jean-Michel",
        ],
        [
            "Solène",
            "Maëlle",
            "Ghislaine",
            "Anne-Sophie",
            "Bérénice",
            "Clémence",
            "Océane",
            "Yasmina",
            "Margaux",
            "Nadège",
            "Perrine",
            "Sandrine",
            "Marie-Claude",
            "Aurore",
            "Coralie",
            "Laetitia",
            "Inès",
            "Capucine",
            "Fatoumata",
            "Josiane",
            "Edwige",
            "Mélodie",
            "Romane",
            "Victoire",
            "Armelle",
        ],
    ),
    "es": (
        [
            "Iñaki",
            "Gonzalo",
            "Rodrigo",
            "Xavier",
            "Joaquín",
            "Borja",
            "Ignacio",
            "Álvaro",
            "Sergio",
            "Fermín",
            "Jose Luis",
            "Juan Carlos",
            "Mohamed",
            "Aitor",
            "Rubén",
            "Telmo",
            "Valentín",
            "Héctor",
            "Adrián",
            "Eusebio",
            "Marcelino",
            "Unai",
            "Ramiro",
            "Darío",
            "Nicolás",
        ],
        [
            "Itziar",
            "Rocío",
            "Maite",
            "Montserrat",
            "Nuria",
            "Macarena",
            "Inmaculada",
            "Ainhoa",
            "Begoña",
            "María José",
            "Ana Belén",
            "Lucía",
            "Esperanza",
            "Milagros",
            "Consuelo",
            "Yolanda",
            "Fátima",
            "Remedios",
            "Marta",
            "Noelia",
            "Aránzazu",
            "Vanesa",
            "Encarnación",
            "Triana",
            "Leire",
        ],
    ),
    "it": (
        [
            "Gianluca",
            "Ottavio",
            "Pierluigi",
            "Ettore",
            "Raffaele",
            "Corrado",
            "Gennaro",
            "Ivano",
            "Tommaso",
            "Massimiliano",
            "Giancarlo",
            "Nicolò",
            "Ruggero",
            "Simone",
            "Fabrizio",
            "Salvatore",
            "Dario",
            "Emanuele",
            "Leonardo",
            "Vittorio",
            "Carmine",
            "Ludovico",
            "Amedeo",
            "Rocco",
            "Walter",
        ],
        [
            "Ornella",
            "Loredana",
            "Gaia",
            "Annalisa",
            "Benedetta",
            "Mariangela",
            "Ilaria",
            "Concetta",
            "Rossella",
            "Serena",
            "Donatella",
            "Graziella",
            "Ludovica",
            "Tiziana",
            "Carlotta",
            "Assunta",
            "Federica",
            "Noemi",
            "Antonella",
            "Patrizia",
            "Marisa",
            "Vittoria",
            "Agnese",
            "Irene",
            "Lucrezia",
        ],
    ),
    "nl": (
        [
            "Sjoerd",
            "Wouter",
            "Maarten",
            "Jeroen",
            "Thijs",
            "Bram",
            "Gerrit",
            "Hendrik",
            "Joost",
            "Koen",
            "Rutger",
            "Stijn",
            "Jan-Willem",
            "Pieter-Jan",
            "Floris",
            "Reinier",
            "Hidde",
            "Teun",
            "Mustafa",
            "Willem",
            "Siebe",
            "Arjen",
            "Dirk",
            "Lars",
            "Marnix",
        ],
        [
            "Femke",
            "Marieke",
            "Anouk",
            "Ilse",
            "Lotte",
            "Sanne",
            "Hanneke",
            "Geertje",
            "Esther",
            "Wilhelmina",
            "Joke",
            "Marloes",
            "Rianne",
            "Tessa",
            "Fenna",
            "Annemieke",
            "Noor",
            "Yara",
            "Willemijn",
            "Baukje",
            "Ineke",
            "Charlotte",
            "Sietske",
            "Anne-Fleur",
            "Mirjam",
        ],
    ),
}
SURNAMES = {
    "en": [
        "Pemberton",
        "Okonkwo",
        "Whitfield",
        "Castellanos",
        "McAllister",
        "O'Driscoll",
        "Thistlewood",
        "Ashworth",
        "Fairbairn",
        "Nakamura",
        "Ramsbottom",
        "Kowalczyk",
        "Featherstone",
        "Delacroix-Hughes",
        "Prendergast",
        "Oyelaran",
        "Lindqvist",
        "Sutcliffe",
        "Bhattacharya",
        "Holloway",
        "Van Buren",
        "DeLuca",
        "Hargreaves",
        "Quigley",
        "Brathwaite",
        "Carmichael",
        "Ellsworth",
        "Abernethy",
    ],
    "de": [
        "Brinkhoff",
        "Sauerbrey",
        "Wendt",
        "Kühnel",
        "Overbeck",
        "Jaschke",
        "Hollmann",
        "Dreßler",
        "Petersen-Kühl",
        "Gottschalk",
        "Zimmerling",
        "Reimers",
        "Lindemann",
        "Yılmaz",
        "Rapp",
        "Scholz",
        "von Alvensleben",
        "von der Heydt",
        "Hübscher",
        "Niebuhr",
        "Kowalski",
        "Eggers",
        "Breuning",
        "Faßbender",
        "Tillmanns",
        "Quast",
        "Bergmann",
        "Ostendorf",
    ],
    "fr": [
        "Lefebvre",
        "Kerouac",
        "Duchêne",
        "Barthélemy",
        "Rouxel",
        "Le Goff",
        "de Villiers",
        "Benali",
        "Marchetti",
        "Gauthier-Lemaire",
        "Poulain",
        "Delmas",
        "Fontaine",
        "Tessier",
        "N'Diaye",
        "Vasseur",
        "Chevalier",
        "Lacombe",
        "Moulin",
        "Picard",
        "Besnard",
        "Carré",
        "Haddad",
        "Aubert",
        "Dumas",
        "Le Bihan",
        "Perrot",
        "Guérin",
    ],
    "es": [
        "Etxeberria",
        "Navarro",
        "Villanueva",
        "Ruiz",
        "Castaño",
        "Iglesias",
        "Montoya",
        "Peñalver",
        "Echevarría",
        "Cifuentes",
        "Salcedo",
        "Arroyo",
        "Cordero",
        "Quintana",
        "Bermúdez",
        "Zamora",
        "Gallego",
        "Ortega",
        "Lozano",
        "Benítez",
        "Soler",
        "Carrasco",
        "Pastor",
        "del Olmo",
        "de la Fuente",
        "Rey",
        "Valverde",
        "Aguirre",
    ],
    "it": [
        "Ferraresi",
        "Mancuso",
        "Bellandi",
        "Caruso",
        "Ognibene",
        "Pellegrini",
        "Lo Bianco",
        "De Santis",
        "Fumagalli",
        "Zanetti",
        "Cattaneo",
        "Serra",
        "Marchetti",
        "Brambilla",
        "D'Alessandro",
        "Gentile",
        "Esposito",
        "Barbieri",
        "Tagliaferri",
        "Rinaldi",
        "Vitale",
        "Morandi",
        "Di Pietro",
        "Sorrentino",
        "Bianchini",
        "Guidotti",
        "Palumbo",
        "Locatelli",
    ],
    "nl": [
        "Dijkstra",
        "van Leeuwen",
        "de Boer",
        "Bakker",
        "Hoekstra",
        "van den Heuvel",
        "Visser",
        "Smulders",
        "ter Horst",
        "Brouwer",
        "Veenstra",
        "Kuipers",
        "van der Wal",
        "Mulder",
        "Schipper",
        "de Graaf",
        "Postma",
        "Timmermans",
        "van Dam",
        "Verhoeven",
        "Jansen",
        "Wijnands",
        "Kramer",
        "de Wit",
        "Oosterhuis",
        "Bosman",
        "Roelofs",
        "van Rijn",
    ],
}
NICK = {
    "Callum": "Cal",
    "Nathaniel": "Nat",
    "Alistair": "Ali",
    "Harriet": "Hattie",
    "Rosalind": "Ros",
    "Gwendolyn": "Gwen",
    "Bethany": "Beth",
    "Matthias": "Matze",
    "Konstantin": "Konni",
    "Hildegard": "Hilde",
    "Lieselotte": "Lilo",
    "Sabine": "Bine",
    "Sébastien": "Seb",
    "Timothée": "Tim",
    "Jean-Baptiste": "JB",
    "Clémence": "Clem",
    "Ignacio": "Nacho",
    "Montserrat": "Montse",
    "Inmaculada": "Inma",
    "Encarnación": "Encarni",
    "Francisco": "Paco",
    "Massimiliano": "Max",
    "Salvatore": "Totò",
    "Giancarlo": "Gianca",
    "Concetta": "Titti",
    "Wilhelmina": "Mien",
    "Hendrik": "Henk",
    "Willemijn": "Wil",
    "Annemieke": "Mieke",
    "Aránzazu": "Arantxa",
    "Pieter-Jan": "PJ",
}
PARTICLES = ("von der ", "von ", "van den ", "van der ", "van ", "de la ", "del ", "de ", "ter ", "le ")

# towns: (name, postcode maker key, extra)
TOWNS = {
    "en_gb": [
        ("LEEDS", "LS"),
        ("BRISTOL", "BS"),
        ("NORWICH", "NR"),
        ("CARDIFF", "CF"),
        ("SHEFFIELD", "S"),
        ("EXETER", "EX"),
        ("YORK", "YO"),
        ("BRIGHTON", "BN"),
        ("NOTTINGHAM", "NG"),
        ("DUNDEE", "DD"),
        ("PRESTON", "PR"),
        ("SWINDON", "SN"),
    ],
    "en_us": [
        ("Columbus", "OH", "432"),
        ("Tacoma", "WA", "984"),
        ("Asheville", "NC", "288"),
        ("Boise", "ID", "837"),
        ("Dayton", "OH", "454"),
        ("Lubbock", "TX", "794"),
        ("Provo", "UT", "846"),
        ("Savannah", "GA", "314"),
        ("Albany", "NY", "122"),
        ("Madison", "WI", "537"),
        ("Spokane", "WA", "992"),
        ("Fresno", "CA", "937"),
    ],
    "de": [
        ("Köln", "50"),
        ("Leipzig", "04"),
        ("Freiburg im Breisgau", "79"),
        ("Kassel", "34"),
        ("Bremen", "28"),
        ("Mainz", "55"),
        ("Dresden", "01"),
        ("Münster", "48"),
        ("Regensburg", "93"),
        ("Kiel", "24"),
        ("Osnabrück", "49"),
        ("Würzburg", "97"),
    ],
    "fr": [
        ("Lyon", "6900"),
        ("Nantes", "4400"),
        ("Lille", "5900"),
        ("Toulouse", "3100"),
        ("Rennes", "3500"),
        ("Bordeaux", "3300"),
        ("Montpellier", "3400"),
        ("Strasbourg", "6700"),
        ("Dijon", "2100"),
        ("Grenoble", "3800"),
        ("Brest", "2920"),
        ("Limoges", "8700"),
    ],
    "es": [
        ("Madrid", "28", "Madrid"),
        ("Sevilla", "41", "Sevilla"),
        ("Valencia", "46", "Valencia"),
        ("Zaragoza", "50", "Zaragoza"),
        ("Bilbao", "48", "Bizkaia"),
        ("Murcia", "30", "Murcia"),
        ("Granada", "18", "Granada"),
        ("Valladolid", "47", "Valladolid"),
        ("Málaga", "29", "Málaga"),
        ("A Coruña", "15", "A Coruña"),
        ("Pamplona", "31", "Navarra"),
        ("Gijón", "33", "Asturias"),
    ],
    "it": [
        ("Milano", "201", "MI"),
        ("Torino", "101", "TO"),
        ("Bologna", "401", "BO"),
        ("Napoli", "801", "NA"),
        ("Bari", "701", "BA"),
        ("Padova", "351", "PD"),
        ("Firenze", "501", "FI"),
        ("Genova", "161", "GE"),
        ("Palermo", "901", "PA"),
        ("Verona", "371", "VR"),
        ("Lecce", "731", "LE"),
        ("Trento", "381", "TN"),
    ],
    "nl": [
        ("Utrecht", "35"),
        ("Groningen", "97"),
        ("Zwolle", "80"),
        ("Eindhoven", "56"),
        ("Leiden", "23"),
        ("Haarlem", "20"),
        ("Nijmegen", "65"),
        ("Tilburg", "50"),
        ("Delft", "26"),
        ("Arnhem", "68"),
        ("Leeuwarden", "89"),
        ("Deventer", "74"),
    ],
}
STREETS = {
    "en_gb": [
        "Mill Lane",
        "Orchard Close",
        "Beech Grove",
        "Station Road",
        "Kingsway",
        "Lime Walk",
        "Tanners Row",
        "Church Street",
        "Park Crescent",
        "Marsh Lane",
        "Albion Terrace",
        "Foxglove Way",
    ],
    "en_us": [
        "Maple Ave",
        "N. Harrison St",
        "Elmwood Dr",
        "W 14th St",
        "Cedar Ridge Rd",
        "Lakeview Blvd",
        "Sycamore Ln",
        "E. Main Street",
        "Old Mill Rd",
        "Prairie View Ct",
        "Walnut St",
        "Bayshore Pkwy",
    ],
    "de": [
        "Lindenstraße",
        "Am Sandberg",
        "Kirchweg",
        "Gartenstr.",
        "Hohe Straße",
        "Mühlenkamp",
        "Auf der Heide",
        "Brunnengasse",
        "Schillerplatz",
        "Eichendorffring",
        "Birkenallee",
        "Im Winkel",
    ],
    "fr": [
        "rue des Tanneurs",
        "avenue de la Gare",
        "impasse des Lilas",
        "boulevard de Strasbourg",
        "rue du Moulin",
        "chemin des Vignes",
        "place du Marché",
        "allée des Peupliers",
        "rue Neuve",
        "quai des Chartrons",
        "rue de la Liberté",
        "route de Paris",
    ],
    "es": [
        "C/ Mayor",
        "Avda. de la Constitución",
        "Calle Real",
        "Pza. del Carmen",
        "C/ San Bernardo",
        "Paseo de la Castellana",
        "Calle Alcalá",
        "Ronda de Segovia",
        "C/ de los Olivos",
        "Avenida del Puerto",
        "Calle Larios",
        "Travesía del Pez",
    ],
    "it": [
        "Via Roma",
        "Viale dei Mille",
        "Corso Vittorio Emanuele II",
        "Via dei Tigli",
        "Piazza San Marco",
        "Via Sant'Antonio",
        "Vicolo del Pozzo",
        "Via delle Rose",
        "Largo Augusto",
        "Via Nazionale",
        "Viale Monza",
        "Via Cavour",
    ],
    "nl": [
        "Oudegracht",
        "Kerkstraat",
        "Molenweg",
        "Prinsengracht",
        "Dorpsstraat",
        "Lindenlaan",
        "Zuidsingel",
        "Stationsplein",
        "Hoogstraat",
        "Brink",
        "Vondellaan",
        "Meester Haafkensstraat",
    ],
}
DOMAINS = {
    "en": [
        "gmail.com",
        "outlook.com",
        "btinternet.com",
        "yahoo.co.uk",
        "icloud.com",
        "comcast.net",
        "aol.com",
    ],
    "de": ["gmx.de", "web.de", "t-online.de", "posteo.de", "freenet.de", "mailbox.org"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com", "wanadoo.fr"],
    "es": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es", "outlook.es"],
    "it": ["libero.it", "virgilio.it", "alice.it", "tiscali.it", "gmail.com", "pec.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl", "gmail.com", "planet.nl"],
}
MONTHS = {
    "en": words("January February March April May June July August September October November December"),
    "de": words("Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    "fr": words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    "es": words("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "it": words(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
    ),
    "nl": words("januari februari maart april mei juni juli augustus september oktober november december"),
}
# birthplaces: French (town, dept, commune) / abroad (country, code); Italian (town, Belfiore)
FR_BIRTH = [
    ("Lyon", "69", "383"),
    ("Marseille", "13", "055"),
    ("Nantes", "44", "109"),
    ("Lille", "59", "350"),
    ("Toulouse", "31", "555"),
    ("Ajaccio", "2A", "004"),
    ("Bastia", "2B", "033"),
    ("Rennes", "35", "238"),
    ("Limoges", "87", "085"),
    ("Reims", "51", "454"),
    ("Alger (Algérie)", "99", "352"),
    ("Casablanca (Maroc)", "99", "350"),
    ("Porto (Portugal)", "99", "139"),
    ("Dakar (Sénégal)", "99", "341"),
]
IT_BIRTH = [
    ("Roma", "H501"),
    ("Milano", "F205"),
    ("Napoli", "F839"),
    ("Torino", "L219"),
    ("Palermo", "G273"),
    ("Bologna", "A944"),
    ("Firenze", "D612"),
    ("Bari", "A662"),
    ("Verona", "L781"),
    ("Catania", "C351"),
    ("Tirana (Albania)", "Z100"),
    ("Bucarest (Romania)", "Z129"),
    ("Casablanca (Marocco)", "Z330"),
]


@dataclass
class Person:
    given: str
    surname: str
    sex: str  # "M" or "F"
    dob: dt.date
    lang: str
    birthplace: str = ""
    bp_code: tuple = ()

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def bare_surname(self) -> str:
        s = self.surname
        for p in PARTICLES:
            if s.lower().startswith(p):
                return s[len(p) :]
        return s


def cap_surname(s: str) -> str:
    return s[0].upper() + s[1:]


PUBLIC_FIRST_OCTETS = [81, 85, 92, 145, 176, 188, 212, 213, 62, 79]


class Gen:
    """Per-language random drawing of people, contact details and identifiers."""

    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang = lang
        self.r = rng
        self.us = False  # English documents: set per document (True: American, False: British)

    # -- people -------------------------------------------------------------------------------------------
    def person(self, min_age: int = 19, max_age: int = 88) -> Person:
        r = self.r
        sex = r.choice("MF")
        given = r.choice(GIVEN[self.lang][0 if sex == "M" else 1])
        if self.lang == "es":
            a, b = r.sample(SURNAMES["es"], 2)
            surname = f"{a} {b}" if r.random() < 0.8 else a
        else:
            surname = r.choice(SURNAMES[self.lang])
            second = r.choice(SURNAMES[self.lang]).split()[-1].capitalize()
            if r.random() < 0.08 and "-" not in surname and " " not in surname and second != surname:
                surname = f"{surname}-{second}"
        year = 2026 - r.randint(min_age, max_age)
        dob = dt.date(year, r.randint(1, 12), r.randint(1, 28))
        p = Person(given, surname, sex, dob, self.lang)
        if self.lang == "fr":
            t = r.choice(FR_BIRTH)
            p.birthplace, p.bp_code = t[0], (t[1], t[2])
        if self.lang == "it":
            t = r.choice(IT_BIRTH)
            p.birthplace, p.bp_code = t[0], (t[1],)
        return p

    def child(self) -> Person:
        return self.person(1, 16)

    def name(self, p: Person, *forms: str) -> E:
        r = self.r
        form = r.choice(forms or ("full", "full", "caps_sur", "comma", "init", "caps"))
        g, s = p.given, p.surname
        if form == "full":
            t = f"{g} {cap_surname(s)}" if self.lang == "nl" and r.random() < 0.3 else f"{g} {s}"
        elif form == "caps_sur":
            t = f"{s.upper()} {g}" if r.random() < 0.5 else f"{g} {s.upper()}"
        elif form == "comma":
            if self.lang == "nl" and p.bare_surname != s and r.random() < 0.6:
                t = f"{p.bare_surname}, {g} {s[: len(s) - len(p.bare_surname)].strip()}"
            else:
                t = f"{cap_surname(s)}, {g}"
        elif form == "init":
            inits = "-".join(x[0].upper() + "." for x in re.split(r"[- ]", g))
            t = f"{inits} {cap_surname(s)}" if self.lang == "nl" and r.random() < 0.3 else f"{inits} {s}"
        elif form == "caps":
            t = f"{g} {s}".upper()
        elif form == "lower":
            t = f"{g} {s}".lower()
        elif form == "given":
            t = g if r.random() < 0.75 or g not in NICK else NICK[g]
        elif form == "nick":
            t = NICK.get(g, g.split("-")[0].split(" ")[0])
        elif form == "sur":
            t = cap_surname(s)
        elif form == "handle":
            gg = ascii_fold(g.replace("-", ""))
            ss = ascii_fold(s.replace("-", ""))
            t = r.choice([f"{gg}.{ss}", f"{gg[0]}{ss}", f"{gg}_{ss[:3]}", f"{ss}{gg[0]}", f"{gg}{ss[0]}"])
        else:
            raise ValueError(form)
        return E("PERSON", t)

    # -- contact ------------------------------------------------------------------------------------------
    def _local(self, p: Person) -> str:
        g = ascii_fold(p.given.replace("-", ""))
        s = ascii_fold(p.surname)
        r = self.r
        return r.choice(
            [
                f"{g}.{s}",
                f"{g[0]}.{s}",
                f"{g}{s[:1]}{r.randint(10, 99)}",
                f"{s}.{g}",
                f"{g}_{s}",
                f"{g[0]}{s}{r.randint(1960, 2004) % 100:02d}",
            ]
        )

    def email(self, p: Person | None = None, org: str | None = None) -> E:
        r = self.r
        local = self._local(p) if p else r.choice(["info", "contact", "service", "office", "hello", "admin"])
        dom = org or r.choice(DOMAINS[self.lang])
        if p is None or r.random() < 0.72:
            return E("EMAIL_ADDRESS", f"{local}@{dom}")
        name, _, tld = dom.rpartition(".")
        at = {
            "en": [" at ", " [at] ", "(at)"],
            "de": ["(at)", " [at] ", " ät "],
            "fr": [" arobase ", " [at] "],
            "es": [" arroba ", "(at)"],
            "it": [" chiocciola ", "[at]"],
            "nl": [" apenstaartje ", "(at)"],
        }
        dot = {
            "en": [" dot ", "."],
            "de": [" punkt ", "[punkt]", "."],
            "fr": [" point ", "."],
            "es": [" punto ", "."],
            "it": [" punto ", "."],
            "nl": [" punt ", "."],
        }
        a, d = r.choice(at[self.lang]), r.choice(dot[self.lang])
        dom_t = name.replace(".", d) + d + tld
        return E("EMAIL_ADDRESS", f"{local}{a}{dom_t}")

    def phone(self, mobile: bool | None = None, ext: bool = False) -> E:
        r = self.r
        mob = r.random() < 0.5 if mobile is None else mobile
        D = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))  # noqa: E731
        lang = self.lang
        if lang == "en" and self.us:
            a, b, c = f"{r.randint(2, 9)}{D(1)}{r.randint(1, 9)}", f"{r.randint(2, 9)}{D(2)}", D(4)
            t = r.choice(
                [
                    f"({a}) {b}-{c}",
                    f"{a}.{b}.{c}",
                    f"{a}-{b}-{c}",
                    f"+1 {a} {b} {c}",
                    f"1-{a}-{b}-{c}",
                    f"+1 ({a}) {b}-{c}",
                ]
            )
            if ext:
                t += r.choice([f" x{D(3)}", f" ext. {D(4)}", f" Ext {D(2)}"])
        elif lang == "en":
            if mob:
                a, b = f"7{r.randint(4, 9)}{D(2)}", D(6)
                t = r.choice(
                    [f"0{a} {b}", f"0{a}{b}", f"+44 {a} {b}", f"+44 (0){a} {b[:3]} {b[3:]}", f"0{a}-{b}"]
                )
            else:
                t = r.choice(
                    [
                        f"0113 {D(3)} {D(4)}",
                        f"020 {r.randint(3, 8)}{D(3)} {D(4)}",
                        f"0117 {D(7)}",
                        f"(01603) {D(6)}",
                        f"+44 29 {D(4)} {D(4)}",
                        f"0161-{D(3)}-{D(4)}",
                        f"01392 {D(3)}{D(3)}",
                    ]
                )
            if ext:
                t += r.choice([f" ext. {D(3)}", f" x{D(4)}", f" ext {D(2)}"])
        elif lang == "de":
            if mob:
                a, b = f"1{r.choice(['51', '52', '57', '60', '62', '70', '76'])}", D(8)
                t = r.choice(
                    [
                        f"0{a} {b}",
                        f"0{a}/{b}",
                        f"+49 {a} {b[:4]} {b[4:]}",
                        f"0049 {a} {b}",
                        f"0{a}-{b[:3]} {b[3:]}",
                        f"+49{NBSP}{a}{NBSP}{b}",
                    ]
                )
            else:
                area = r.choice(["221", "341", "761", "561", "421", "6131", "351", "251", "941", "431"])
                n = D(r.randint(5, 7))
                t = r.choice(
                    [
                        f"0{area} {n}",
                        f"0{area}/{n}",
                        f"(0{area}) {n}",
                        f"+49 {area} {n}",
                        f"+49 (0){area} {n}",
                        f"0{area}-{n}",
                    ]
                )
                if ext:
                    t = f"0{area} {n[:4]}-{D(r.randint(1, 3))}"
        elif lang == "fr":
            first = r.choice("67") if mob else r.choice("12345")
            pairs = [D(2) for _ in range(4)]
            sep = r.choice([" ", ".", "-", NBSP, NNBSP, ""])
            body = sep.join(pairs)
            t = r.choice(
                [
                    f"0{first}{sep}{body}",
                    f"+33 {first} {' '.join(pairs)}",
                    f"+33 (0){first} {' '.join(pairs)}",
                    f"0033 {first}{sep}{body}",
                    f"0{first}{sep}{body}",
                ]
            )
            if ext:
                t += f" poste {D(3)}"
        elif lang == "es":
            if mob:
                a = f"{r.choice('67')}{D(2)}"
                t = r.choice(
                    [
                        f"{a} {D(3)} {D(3)}",
                        f"{a}{D(6)}",
                        f"+34 {a} {D(2)} {D(2)} {D(2)}",
                        f"(+34) {a} {D(3)} {D(3)}",
                        f"0034 {a}{D(6)}",
                        f"{a}-{D(3)}-{D(3)}",
                    ]
                )
            else:
                a = r.choice(["91", "95", "96", "976", "94", "968", "958", "983"])
                rest = D(9 - len(a))
                t = r.choice([f"{a} {rest}", f"+34 {a} {rest}", f"{a}{rest}", f"{a}-{rest[:3]}-{rest[3:]}"])
            if ext:
                t += f" ext. {D(3)}"
        elif lang == "it":
            if mob:
                a = f"3{r.choice(['20', '28', '33', '38', '40', '47', '49', '66', '71', '93'])}"
                b = D(7)
                t = r.choice(
                    [
                        f"{a} {b}",
                        f"{a}/{b}",
                        f"{a}.{b[:3]}.{b[3:]}",
                        f"+39 {a} {b[:3]} {b[3:]}",
                        f"0039 {a}{b}",
                        f"{a} {b[:3]} {b[3:]}",
                        f"+39{a}{b}",
                    ]
                )
            else:
                a = r.choice(["02", "06", "011", "051", "081", "080", "049", "055", "010", "091"])
                b = D(10 - len(a))
                t = r.choice([f"{a} {b}", f"{a}-{b}", f"{a}/{b}", f"+39 {a} {b}", f"({a}) {b[:4]} {b[4:]}"])
            if ext:
                t += f" int. {D(3)}"
        else:
            if mob:
                b = D(8)
                t = r.choice(
                    [
                        f"06-{b}",
                        f"06 {b[:4]} {b[4:]}",
                        f"+31 6 {b}",
                        f"+31 (0)6 {b[:4]} {b[4:]}",
                        f"0031 6 {b}",
                        f"06{b}",
                        f"06 {b[:2]} {b[2:4]} {b[4:6]} {b[6:]}",
                    ]
                )
            else:
                a = r.choice(["030", "050", "038", "040", "071", "023", "024", "013", "015", "026"])
                b = D(7)
                t = r.choice(
                    [
                        f"{a}-{b}",
                        f"({a}) {b[:3]} {b[3:5]} {b[5:]}",
                        f"+31 {a[1:]} {b}",
                        f"{a} {b[:3]} {b[3:]}",
                        f"+31 (0){a[1:]} {b}",
                    ]
                )
            if ext:
                t += f" toestel {D(3)}"
        return E("PHONE_NUMBER", t)

    def _gb_postcode(self, area: str) -> str:
        r = self.r
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return f"{area}{r.randint(1, 19)} {r.randint(1, 9)}{r.choice(letters)}{r.choice(letters)}"

    def addr(self, block: bool | None = None) -> list[E]:
        """Return ADDRESS spans: one (single line) or several (block lines)."""
        r = self.r
        lang = self.lang
        blk = r.random() < 0.5 if block is None else block
        if lang == "en" and not self.us:
            town, area = r.choice(TOWNS["en_gb"])
            pc = self._gb_postcode(area)
            street = f"{r.randint(1, 240)} {r.choice(STREETS['en_gb'])}"
            pre = r.choice(
                [
                    "",
                    "",
                    f"Flat {r.randint(1, 30)}, ",
                    f"{r.choice(['Rose', 'Ivy', 'Hill'])} Cottage, ",
                    f"Apartment {r.randint(1, 9)}{r.choice('ABC')}, ",
                ]
            )
            lines = [pre + street, town if r.random() < 0.6 else town.title(), pc]
            if not blk:
                return [E("ADDRESS", f"{pre}{street}, {town.title()} {pc}")]
            return [E("ADDRESS", x) for x in lines]
        if lang == "en":
            town, st, zp = r.choice(TOWNS["en_us"])
            z = f"{zp}{r.randint(1, 99):02d}" + (f"-{r.randint(1000, 9999)}" if r.random() < 0.25 else "")
            if r.random() < 0.08:
                kind = r.choice([("PSC", "APO AE 09"), ("Unit", "DPO AP 96"), ("PSC", "APO AP 96")])
                l1 = f"{kind[0]} {r.randint(1000, 9999)}, Box {r.randint(100, 9999)}"
                l2 = f"{kind[1]}{r.randint(100, 999)}"
                return [E("ADDRESS", f"{l1}, {l2}")] if not blk else [E("ADDRESS", l1), E("ADDRESS", l2)]
            street = f"{r.randint(10, 9899)} {r.choice(STREETS['en_us'])}"
            unit = r.choice(
                [
                    "",
                    "",
                    f", Apt {r.randint(1, 40)}{r.choice('ABCD')}",
                    f" #{r.randint(100, 999)}",
                    f", Suite {r.randint(100, 950)}",
                ]
            )
            l2 = f"{town}, {st} {z}"
            return (
                [E("ADDRESS", f"{street}{unit}, {l2}")]
                if not blk
                else [E("ADDRESS", street + unit), E("ADDRESS", l2)]
            )
        if lang == "de":
            town, pc = r.choice(TOWNS["de"])
            plz = f"{pc}{r.randint(0, 999):03d}"
            st = r.choice(STREETS["de"])
            hn = f"{r.randint(1, 140)}{r.choice(['', '', 'a', 'b', ' c'])}"
            l1 = f"{st} {hn}"
            l2 = f"{plz} {town}"
            if r.random() < 0.15:
                l1 += r.choice([", Hinterhaus", ", 3. OG", ", App. 12", ", Seitenflügel"])
            return [E("ADDRESS", f"{l1}, {l2}")] if not blk else [E("ADDRESS", l1), E("ADDRESS", l2)]
        if lang == "fr":
            town, pc = r.choice(TOWNS["fr"])
            cp = f"{pc}{r.randint(0, 9)}"
            l1 = f"{r.randint(1, 120)}{r.choice(['', '', ' bis', ' ter', 'B'])} {r.choice(STREETS['fr'])}"
            extra = r.choice(
                [
                    "",
                    "",
                    "",
                    f"Bât. {r.choice('ABCD')}, appt {r.randint(1, 60)}",
                    f"Résidence les {r.choice(['Acacias', 'Tilleuls', 'Mouettes'])}",
                ]
            )
            l2 = f"{cp} {town.upper() if r.random() < 0.6 else town}"
            if not blk:
                return [E("ADDRESS", ", ".join(x for x in (extra, l1, l2) if x))]
            return [E("ADDRESS", x) for x in (extra, l1, l2) if x]
        if lang == "es":
            town, pc, prov = r.choice(TOWNS["es"])
            cp = f"{pc}{r.randint(0, 999):03d}"
            st = r.choice(STREETS["es"])
            piso = r.choice(
                [
                    "",
                    f", {r.randint(1, 9)}º {r.choice('ABCD')}",
                    f", {r.randint(1, 8)}º izq.",
                    ", bajo",
                    f", {r.randint(1, 6)}.º dcha.",
                    f", esc. 2, {r.randint(1, 5)}º {r.randint(1, 4)}ª",
                ]
            )
            l1 = f"{st}, {r.randint(1, 180)}{piso}" if r.random() < 0.8 else f"{st} {r.randint(1, 180)}{piso}"
            l2 = f"{cp} {town}" + (f" ({prov})" if prov != town and r.random() < 0.6 else "")
            return [E("ADDRESS", f"{l1}, {l2}")] if not blk else [E("ADDRESS", l1), E("ADDRESS", l2)]
        if lang == "it":
            town, pc, prov = r.choice(TOWNS["it"])
            cap = f"{pc}{r.randint(0, 99):02d}"
            l1 = f"{r.choice(STREETS['it'])}{r.choice([' ', ', ', ' n. '])}{r.randint(1, 200)}"
            l1 += r.choice(["", "", "/A", "/b", " int. 4", " scala B"])
            l2 = f"{cap} {town}" + r.choice([f" ({prov})", f" {prov}", ""])
            return (
                [E("ADDRESS", f"{l1} - {l2}" if r.random() < 0.3 else f"{l1}, {l2}")]
                if not blk
                else [E("ADDRESS", l1), E("ADDRESS", l2)]
            )
        town, pc = r.choice(TOWNS["nl"])
        letters = "ABCEGHJKLMNPRTVWXZ"
        post = f"{pc}{r.randint(10, 99)} {r.choice(letters)}{r.choice(letters)}"
        street, num = r.choice(STREETS["nl"]), r.randint(1, 250)
        l1 = f"{street} {num}{r.choice(['', '', '-II', '-hs', 'A', ' bis', '-3'])}"
        l2 = f"{post}  {town.upper()}" if blk and r.random() < 0.4 else f"{post} {town}"
        return [E("ADDRESS", f"{l1}, {l2}")] if not blk else [E("ADDRESS", l1), E("ADDRESS", l2)]

    # -- dates ----------------------------------------------------------------------------------------------
    def fmt_date(self, d: dt.date, style: str | None = None) -> str:
        r = self.r
        m = MONTHS[self.lang][d.month - 1]
        lang = self.lang
        if style == "iso":
            return d.isoformat()
        if lang == "en" and self.us:
            return r.choice(
                [
                    f"{d.month:02d}/{d.day:02d}/{d.year}",
                    f"{d.month}/{d.day}/{d.year}",
                    f"{m} {d.day}, {d.year}",
                    f"{m[:3]} {d.day}, {d.year}",
                    f"{d.month}-{d.day}-{d.year}",
                ]
            )
        if lang == "en":
            return r.choice(
                [
                    f"{d.day:02d}/{d.month:02d}/{d.year}",
                    f"{d.day} {m} {d.year}",
                    f"{d.day} {m[:3]} {d.year}",
                    f"{d.day:02d}-{m[:3].upper()}-{d.year}",
                    f"{d.day:02d}.{d.month:02d}.{d.year}",
                ]
            )
        if lang == "de":
            return r.choice(
                [
                    f"{d.day:02d}.{d.month:02d}.{d.year}",
                    f"{d.day}.{d.month}.{d.year}",
                    f"{d.day}. {m} {d.year}",
                    f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
                ]
            )
        if lang == "fr":
            day = "1er" if d.day == 1 else str(d.day)
            return r.choice(
                [
                    f"{d.day:02d}/{d.month:02d}/{d.year}",
                    f"{day} {m} {d.year}",
                    f"{d.day:02d}.{d.month:02d}.{d.year}",
                    f"{d.day:02d}-{d.month:02d}-{d.year}",
                ]
            )
        if lang == "es":
            return r.choice(
                [
                    f"{d.day:02d}/{d.month:02d}/{d.year}",
                    f"{d.day} de {m} de {d.year}",
                    f"{d.day}/{d.month}/{d.year}",
                    f"{d.day:02d}-{d.month:02d}-{d.year}",
                    f"{d.day}-{m[:3]}-{d.year}",
                ]
            )
        if lang == "it":
            return r.choice(
                [
                    f"{d.day:02d}/{d.month:02d}/{d.year}",
                    f"{d.day} {m} {d.year}",
                    f"{d.day:02d}.{d.month:02d}.{d.year}",
                    f"{d.day}/{d.month}/{d.year}",
                ]
            )
        return r.choice(
            [
                f"{d.day:02d}-{d.month:02d}-{d.year}",
                f"{d.day} {m} {d.year}",
                f"{d.day}-{d.month}-{d.year}",
                f"{d.day:02d}/{d.month:02d}/{d.year}",
            ]
        )

    def dob(self, p: Person, style: str | None = None) -> E:
        return E("DATE_OF_BIRTH", self.fmt_date(p.dob, style))

    def day(self, year: int = 2026) -> dt.date:
        return dt.date(year, self.r.randint(1, 12), self.r.randint(1, 28))

    def date(self, style: str | None = None, year: int | None = None) -> L:
        return L("date", self.fmt_date(self.day(year or self.r.choice([2025, 2026])), style))

    # -- identifiers --------------------------------------------------------------------------------------
    def digits(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def card(self) -> E:
        r = self.r
        kind = r.choice(["visa", "visa", "mc5", "mc2", "amex", "visa19"])
        if kind == "amex":
            num = luhn_complete(r.choice(["34", "37"]) + self.digits(12))
            return E(
                "CREDIT_CARD",
                r.choice([f"{num[:4]} {num[4:10]} {num[10:]}", num, f"{num[:4]}-{num[4:10]}-{num[10:]}"]),
            )
        if kind == "visa19":
            num = luhn_complete("4" + self.digits(17))
            return E("CREDIT_CARD", " ".join([num[i : i + 4] for i in range(0, 16, 4)] + [num[16:]]))
        prefix = {"visa": "4", "mc5": str(r.randint(51, 55)), "mc2": str(r.randint(2221, 2720))}[kind]
        num = luhn_complete(prefix + self.digits(15 - len(prefix)))
        sep = r.choice([" ", "-", "", NBSP, " "])
        return E("CREDIT_CARD", sep.join(num[i : i + 4] for i in range(0, 16, 4)))

    def iban(self, cc: str | None = None) -> E:
        r = self.r
        cc = cc or {"en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL"}[self.lang]
        if cc == "GB":
            bban = r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG"]) + self.digits(14)
        elif cc == "DE":
            bban = r.choice(["370", "500", "860", "200", "100", "760"]) + self.digits(15)
        elif cc == "FR":
            bank, branch, acct = self.digits(5), self.digits(5), self.digits(11)
            bban = bank + branch + acct + rib_key(bank, branch, acct)
        elif cc == "ES":
            bank, branch, acct = (
                r.choice(["2100", "0049", "0182", "2080", "0081"]),
                self.digits(4),
                self.digits(10),
            )
            bban = bank + branch + es_ctrl("00" + bank + branch) + es_ctrl(acct) + acct
        elif cc == "IT":
            body = r.choice(["03069", "02008", "05034", "01030", "03111"]) + self.digits(5) + self.digits(12)
            bban = cin_letter(body) + body
        else:
            bank = r.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB"])
            while True:
                acct = ("000" + self.digits(7)) if bank == "INGB" else self.digits(10)
                if bank == "INGB" or (nl_eleven_ok(acct) and acct[0] != "0"):
                    break
            bban = bank + acct
        ib = iban_from_bban(cc, bban)
        style = r.random()
        if style < 0.55:
            t = " ".join(ib[i : i + 4] for i in range(0, len(ib), 4))
        elif style < 0.7:
            t = NBSP.join(ib[i : i + 4] for i in range(0, len(ib), 4))
        else:
            t = ib
        return E("IBAN_CODE", t)

    def ssn(self) -> E:
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a != 666:
                break
        n = f"{a:03d}", f"{r.randint(1, 99):02d}", f"{r.randint(1, 9999):04d}"
        return E("US_SSN", r.choice(["-", "-", " ", ""]).join(n))

    def nino(self) -> E:
        r = self.r
        while True:
            p = r.choice("ABCEGHJKLMNOPRSTWXYZ") + r.choice("ABCEGHJKLMNPRSTWXYZ")
            if p not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
                break
        d = self.digits(6)
        s = r.choice("ABCD")
        return E("UK_NINO", r.choice([f"{p}{d}{s}", f"{p} {d[:2]} {d[2:4]} {d[4:]} {s}", f"{p} {d} {s}"]))

    def nhs(self) -> E:
        r = self.r
        while True:
            d = str(r.choice([4, 6, 7])) + self.digits(8)
            c = 11 - sum(int(x) * (10 - i) for i, x in enumerate(d)) % 11
            c = 0 if c == 11 else c
            if c != 10:
                break
        n = d + str(c)
        return E("UK_NHS", r.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"]))

    def steuer(self) -> E:
        r = self.r
        while True:
            ds = r.sample(range(10), 9)
            ds.append(r.choice(ds))
            r.shuffle(ds)
            if ds[0] != 0:
                break
        ten = "".join(map(str, ds))
        n = ten + steuer_check(ten)
        return E(
            "DE_STEUER_ID", r.choice([n, f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}", f"{n[:2]}{n[2:5]} {n[5:]}"])
        )

    def svnr(self, p: Person) -> E:
        r = self.r
        area = r.choice(["12", "13", "15", "23", "24", "25", "28", "38", "42", "53", "65"])
        dd = p.dob.strftime("%d%m") + f"{p.dob.year % 100:02d}"
        letter = strip_accents(p.bare_surname)[0].upper()
        serial = f"{r.randint(0, 49) if p.sex == 'M' else r.randint(50, 99):02d}"
        n = area + dd + letter + serial + svnr_check(area, dd, letter, serial)
        return E("DE_SVNR", r.choice([n, f"{n[:2]} {n[2:8]} {n[8]} {n[9:]}", f"{n[:2]} {n[2:8]} {n[8:]}"]))

    def kvnr(self) -> E:
        letter = self.r.choice(string.ascii_uppercase)
        eight = self.digits(8)
        return E("DE_KVNR", letter + eight + kvnr_check(letter, eight))

    def nir(self, p: Person) -> E:
        r = self.r
        dept, commune = p.bp_code
        sex = 1 if p.sex == "M" else 2
        body = f"{sex}{p.dob.year % 100:02d}{p.dob.month:02d}{dept}{commune}{r.randint(1, 999):03d}"
        num = int(body.replace("2A", "19").replace("2B", "18"))
        key = f"{97 - num % 97:02d}"
        full = body + key
        sp = r.choice([" ", NBSP, ""])
        if sp:
            t = sp.join([full[0], full[1:3], full[3:5], full[5:7], full[7:10], full[10:13], full[13:]])
        else:
            t = full
        return E("FR_NIR", t)

    def dni(self) -> E:
        n = self.r.randint(1000000, 79999999)
        t = f"{n:08d}{DNI_LETTERS[n % 23]}"
        return E("ES_DNI", self.r.choice([t, t, f"{t[:8]}-{t[8]}", f"{t[:2]}.{t[2:5]}.{t[5:8]}-{t[8]}"]))

    def nie(self) -> E:
        r = self.r
        p = r.choice("XYZ")
        n = self.digits(7)
        t = f"{p}{n}{DNI_LETTERS[int(str('XYZ'.index(p)) + n) % 23]}"
        return E("ES_NIE", r.choice([t, f"{t[0]}-{t[1:8]}-{t[8]}"]))

    def cf(self, p: Person) -> E:
        day = p.dob.day + (40 if p.sex == "F" else 0)
        body = (
            cf_part(p.surname, False)
            + cf_part(p.given, True)
            + f"{p.dob.year % 100:02d}"
            + CF_MONTHS[p.dob.month - 1]
            + f"{day:02d}"
            + p.bp_code[0]
        )
        check = chr(65 + sum(cf_char_value(c, i % 2 == 0) for i, c in enumerate(body)) % 26)
        t = body + check
        return E("IT_FISCAL_CODE", t.lower() if self.r.random() < 0.06 else t)

    def bsn(self) -> E:
        r = self.r
        while True:
            d = self.digits(8)
            if d[0] == "0":
                continue
            rest = sum(int(x) * (9 - i) for i, x in enumerate(d)) % 11
            if rest < 10:
                break
        n = d + str(rest)
        return E("NL_BSN", r.choice([n, n, f"{n[:4]}.{n[4:6]}.{n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"]))

    def natid(self, p: Person) -> list[tuple[str, E]]:
        """(label, identifier) pairs suitable for this person in this language."""
        lang, r = self.lang, self.r
        if lang == "en":
            return (
                [("SSN", self.ssn())] if self.us else [("NI number", self.nino()), ("NHS number", self.nhs())]
            )
        if lang == "de":
            return [("Steuer-ID", self.steuer()), ("SV-Nummer", self.svnr(p)), ("KVNR", self.kvnr())]
        if lang == "fr":
            return [("N° de sécurité sociale", self.nir(p))]
        if lang == "es":
            return [("NIE", self.nie())] if r.random() < 0.2 else [("DNI", self.dni())]
        if lang == "it":
            return [("Codice fiscale", self.cf(p))]
        return [("BSN", self.bsn())]

    def mrn(self) -> E:
        r, D = self.r, self.digits
        y = r.choice(["19", "21", "22", "23", "24", "25", "2023", "2024", "2025"])
        shapes = {
            "en": [
                f"RTH{D(7)}",
                f"{r.choice('KMNH')}{D(7)}",
                f"MRN-{D(8)}",
                f"{y}/{D(6)}",
                f"E{D(3)} {D(4)}",
                f"00{D(6)}",
                f"LTH-{D(3)}-{D(4)}",
            ],
            "de": [
                f"{y}{D(6)}",
                f"PID {D(8)}",
                f"KL-{y}-{D(6)}",
                f"{D(3)}.{D(3)}.{D(3)}",
                f"F{D(9)}",
                f"{D(2)}/{D(5)}",
            ],
            "fr": [
                f"{D(10)}",
                f"IPP{D(7)}",
                f"{y}-D-{D(5)}",
                f"{D(2)} {D(3)} {D(3)}",
                f"NIP {D(8)}",
                f"HCL{D(8)}",
            ],
            "es": [f"{D(7)}", f"NHC-{y}-{D(5)}", f"HC{D(6)}", f"{D(2)}.{D(3)}.{D(3)}", f"HUVR/{D(6)}"],
            "it": [f"{y}/{D(6)}", f"NOS-{y[-2:]}-{D(6)}", f"{D(8)}", f"SDO {y}.{D(5)}", f"AO{D(7)}"],
            "nl": [f"{D(7)}", f"Z{D(6)}", f"{D(2)}.{D(3)}.{D(3)}", f"UMC-{D(8)}", f"{D(3)}-{D(4)}-{D(2)}"],
        }
        return E("MEDICAL_RECORD_NUMBER", r.choice(shapes[self.lang]))

    def ip(self) -> E:
        r = self.r
        return E(
            "IP_ADDRESS",
            r.choice(
                [
                    f"{r.choice(PUBLIC_FIRST_OCTETS)}.{r.randint(0, 255)}.{r.randint(0, 255)}."
                    f"{r.randint(1, 254)}",
                    f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                    f"192.168.{r.randint(0, 20)}.{r.randint(2, 254)}",
                ]
            ),
        )

    # -- look-alikes --------------------------------------------------------------------------------------
    def la(self, what: str, maker) -> L:
        """Draw a look-alike; numbers that happen to pass an identifier check are redrawn."""
        for _ in range(200):
            t = maker() if callable(maker) else self.r.choice(maker)
            if not passes_any_id(t):
                return L(what, t)
        raise RuntimeError(f"cannot draw a fair {what}")

    def amount(self, lo: int = 5, hi: int = 3000) -> L:
        r = self.r
        v = r.randint(lo * 100, hi * 100) / 100
        if self.lang == "en":
            cur = "$" if self.us else "£"
            return L("amount", f"{cur}{v:,.2f}")
        s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        if self.lang == "fr":
            s = s.replace(".", NNBSP if r.random() < 0.5 else " ")
        return L(
            "amount",
            r.choice([f"{s} €", f"€ {s}", f"{s} EUR", f"EUR {s}"])
            if self.lang != "fr"
            else r.choice([f"{s} €", f"{s} EUR"]),
        )

    def last4(self) -> L:
        r = self.r
        d = self.digits(4)
        return L(
            "card_last_four",
            r.choice([f"**** {d}", f"XXXX-XXXX-XXXX-{d}", f"•••• {d}", f"*{d}", d, f"************{d}"]),
        )

    def ref(self, what: str, prefix: str = "") -> L:
        r, D = self.r, self.digits
        y = r.choice(["2025", "2026", "25", "26"])
        makers = [
            lambda: f"{prefix}{y}-{D(5)}",
            lambda: f"{prefix}{D(7)}",
            lambda: f"{prefix}{D(3)}/{y}",
            lambda: f"{prefix}{r.choice(string.ascii_uppercase)}{D(6)}",
            lambda: f"{prefix}{D(2)}-{D(4)}-{D(3)}",
        ]
        return self.la(what, r.choice(makers))

    def pick(self, what: str, pool: dict | list) -> L:
        items = pool[self.lang] if isinstance(pool, dict) else pool
        return self.la(what, items)


# ---------------------------------------------------------------------------------------------------------
# Look-alike pools (written for this corpus).
# ---------------------------------------------------------------------------------------------------------
DRUGS = {
    "en": [
        "Amlodipine 5 mg",
        "Sertraline 50mg",
        "Co-codamol 30/500",
        "Levothyroxine 75 micrograms",
        "Atorvastatin 20 mg",
        "Lisinopril 10 mg",
        "Metformin ER 750 mg",
        "Naproxen 500 mg",
    ],
    "de": [
        "Ibuprofen 600 mg",
        "Pantoprazol 40 mg",
        "Metamizol 500 mg",
        "L-Thyroxin 50 µg",
        "Ramipril 2,5 mg",
        "Bisoprolol 5 mg",
        "Diclofenac 75 mg",
    ],
    "fr": [
        "Doliprane 1000 mg",
        "Amoxicilline 1 g",
        "Kardégic 75 mg",
        "Lévothyrox 50 µg",
        "Spasfon 80 mg",
        "Inexium 20 mg",
        "Tramadol 50 mg",
    ],
    "es": [
        "Paracetamol 1 g",
        "Enantyum 25 mg",
        "Omeprazol 20 mg",
        "Nolotil 575 mg",
        "Adiro 100 mg",
        "Sintrom 4 mg",
        "Ibuprofeno 600 mg",
    ],
    "it": [
        "Tachipirina 1000 mg",
        "Cardioaspirina 100 mg",
        "Augmentin 875/125 mg",
        "Eutirox 75 mcg",
        "Brufen 600 mg",
        "Pantorc 40 mg",
        "Coumadin 5 mg",
    ],
    "nl": [
        "Paracetamol 500 mg",
        "Omeprazol 20 mg",
        "Metoprolol 50 mg",
        "Diclofenac 50 mg",
        "Salbutamol 100 µg/dosis",
        "Simvastatine 40 mg",
        "Amoxicilline 500 mg",
    ],
}
RANGES = {
    "en": ["3.5-5.3 mmol/L", "(ref 135-145)", "0.27-4.2 mU/L", "4.0–11.0 x10^9/L", "< 5 mg/L", "130–170 g/L"],
    "x": [
        "3,5–5,1 mmol/l",
        "70–110 mg/dl",
        "12,0-15,5 g/dl",
        "< 5 mg/l",
        "0,5–1,2 mg/dl",
        "4,0-10,0 G/l",
        "(N: 135-145)",
    ],
}
ICD = ["J06.9", "M54.5", "K35.8", "F43.2", "S83.5", "I10", "E11.9", "R51", "B34.9", "J45.9", "S93.4", "U07.1"]
ATC = ["C09AA05", "A10BA02", "N02BE01", "J01CA04", "H03AA01", "M01AE01", "J07BX03", "C07AB07", "B01AC06"]
EPONYMS = {
    "en": [
        "Crohn's disease",
        "Addison's disease",
        "Raynaud's phenomenon",
        "Bell's palsy",
        "Graves' disease",
        "Ménière's disease",
        "Barrett's oesophagus",
        "Guillain-Barré syndrome",
    ],
    "de": [
        "Morbus Basedow",
        "Morbus Menière",
        "Raynaud-Syndrom",
        "Guillain-Barré-Syndrom",
        "Morbus Addison",
        "Barrett-Ösophagus",
        "Alzheimer-Demenz",
    ],
    "fr": [
        "maladie de Crohn",
        "syndrome de Raynaud",
        "maladie d'Addison",
        "syndrome de Gougerot-Sjögren",
        "maladie de Verneuil",
        "maladie de Paget",
        "maladie de Ménière",
    ],
    "es": [
        "enfermedad de Addison",
        "síndrome de Raynaud",
        "parálisis de Bell",
        "enfermedad de Graves",
        "síndrome de Guillain-Barré",
        "esófago de Barrett",
        "enfermedad de Ménière",
    ],
    "it": [
        "morbo di Basedow",
        "sindrome di Raynaud",
        "morbo di Parkinson",
        "malattia di Ménière",
        "paralisi di Bell",
        "esofago di Barrett",
        "tiroidite di Hashimoto",
    ],
    "nl": [
        "ziekte van Graves",
        "fenomeen van Raynaud",
        "ziekte van Ménière",
        "syndroom van Sjögren",
        "ziekte van Addison",
        "Barrett-oesofagus",
        "ziekte van Crohn",
    ],
}
LAWS = {  # by topic; "privacy" is the fallback
    "en": {
        "payroll": ["Employment Rights Act 1996, s. 13", "Income Tax (Earnings and Pensions) Act 2003"],
        "payroll_us": ["26 U.S.C. § 3402", "Fair Labor Standards Act"],
        "traffic": ["Traffic Management Act 2004", "Road Traffic Act 1988, s. 172"],
        "probate": ["Administration of Estates Act 1925", "Inheritance Tax Act 1984"],
        "privacy": ["Data Protection Act 2018", "UK GDPR Art. 15"],
        "health_us": ["29 U.S.C. § 1132(a)", "45 CFR § 164.524"],
        "health": ["Mental Capacity Act 2005"],
        "finance": ["Consumer Credit Act 1974", "MCOB 5A"],
        "court": ["28 U.S.C. § 1866(g)"],
    },
    "de": {
        "payroll": ["§ 41a EStG", "§ 28a SGB IV"],
        "sick": ["§ 3 EntgFG", "§ 5 EntgFG"],
        "traffic": ["§ 12 StVO", "§ 56 OWiG"],
        "probate": ["§ 1922 BGB", "§ 2353 BGB", "§ 30 ErbStG"],
        "privacy": ["Art. 15 DSGVO", "Art. 6 Abs. 1 lit. c DSGVO"],
        "health": ["§ 20 IfSG", "§ 630f BGB"],
        "finance": ["§ 492 BGB"],
        "customs": ["Art. 77 UZK"],
        "hotel": ["§ 30 BMG"],
        "pension": ["§ 109 SGB VI"],
        "utility": ["§ 40 EnWG"],
    },
    "fr": {
        "payroll": ["article L. 3243-2 du Code du travail"],
        "sick": ["article L. 1226-1 du Code du travail"],
        "traffic": ["article R. 417-10 du Code de la route"],
        "probate": ["article 720 du Code civil", "article 730-1 du Code civil"],
        "privacy": ["article 15 du RGPD"],
        "health": [
            "article L. 3111-2 du Code de la santé publique",
            "article L. 161-8 du Code de la sécurité sociale",
        ],
        "finance": ["article L. 313-1 du Code de la consommation"],
        "hotel": ["article R. 611-42 du CESEDA"],
        "court": ["article 206 du Code de procédure civile"],
        "pension": ["article L. 161-17 du Code de la sécurité sociale"],
    },
    "es": {
        "payroll": ["Ley 35/2006, del IRPF", "art. 29 del Estatuto de los Trabajadores"],
        "sick": ["art. 169 de la Ley General de la Seguridad Social"],
        "traffic": ["art. 94 del Reglamento General de Circulación"],
        "probate": ["artículo 657 del Código Civil"],
        "privacy": ["art. 15 RGPD"],
        "finance": ["Ley 5/2019, de 15 de marzo"],
        "hotel": ["Real Decreto 933/2021"],
        "court": ["Ley 1/2000, de Enjuiciamiento Civil"],
        "customs": ["Reglamento (UE) 952/2013"],
    },
    "it": {
        "payroll": ["D.P.R. 600/1973", "art. 2099 c.c."],
        "sick": ["art. 2110 c.c."],
        "traffic": ["art. 7 del Codice della Strada", "art. 158 del Codice della Strada"],
        "probate": ["D.Lgs. 346/1990", "art. 456 c.c."],
        "privacy": ["D.Lgs. 196/2003"],
        "finance": ["art. 120-quinquies TUB"],
        "hotel": ["art. 109 TULPS"],
        "court": ["art. 255 c.p.c."],
        "customs": ["Reg. UE 952/2013"],
    },
    "nl": {
        "payroll": ["Wet op de loonbelasting 1964"],
        "sick": ["artikel 7:629 BW"],
        "traffic": ["artikel 5 WAHV"],
        "probate": ["artikel 4:1 BW", "artikel 4:186 BW"],
        "privacy": ["artikel 15 AVG"],
        "finance": ["artikel 4:34 Wft"],
        "pension": ["Pensioenwet"],
        "health": ["Zorgverzekeringswet"],
    },
}


def law(g: Gen, topic: str) -> L:
    pool = LAWS[g.lang]
    return g.la("law_citation", pool.get(topic) or pool["privacy"])


BRANDS = {
    "en": [
        "Ted Baker",
        "Paul Smith",
        "Russell Hobbs",
        "Morphy Richards",
        "Mr Kipling",
        "Johnnie Walker",
        "Wendy's",
        "Martha Stewart",
        "Ben Sherman",
    ],
    "de": [
        "Jil Sander",
        "Marc O'Polo",
        "Tom Tailor",
        "Rolf Benz",
        "Bruno Banani",
        "Dr. Hauschka",
        "Aldi Süd",
    ],
    "fr": [
        "Yves Rocher",
        "Jean Paul Gaultier",
        "Pierre Cardin",
        "Christian Dior",
        "Mère Poulard",
        "Louis Vuitton",
        "Paul Bocuse",
    ],
    "es": [
        "Adolfo Domínguez",
        "Ramón Bilbao",
        "Custo Barcelona",
        "Purificación García",
        "Tío Pepe",
        "Felipe Motta",
        "Roberto Verino",
    ],
    "it": [
        "Giorgio Armani",
        "Roberto Cavalli",
        "Salvatore Ferragamo",
        "Laura Biagiotti",
        "Nonno Nanni",
        "Elena Mirò",
        "Carlo Pazolini",
    ],
    "nl": [
        "Dirk van den Broek",
        "Van Haren",
        "Tony's Chocolonely",
        "Gall & Gall",
        "Peijnenburg",
        "Van Nelle",
        "Wim Bosman",
    ],
}
INSTITUTIONS = {
    "en": [
        "John Radcliffe Hospital",
        "St Thomas' Hospital",
        "Addenbrooke's Hospital",
        "Mayo Clinic",
        "Johns Hopkins Hospital",
        "Alder Hey Children's Hospital",
        "Florence Nightingale Hospice",
    ],
    "de": [
        "Universitätsklinikum Carl Gustav Carus",
        "Paul-Ehrlich-Institut",
        "Bernhard-Nocht-Institut",
        "Klinikum Ernst von Bergmann",
        "Max-Planck-Gymnasium",
        "Helios Klinikum Emil von Behring",
    ],
    "fr": [
        "Hôpital Henri-Mondor",
        "Institut Pasteur",
        "CHU Jean-Minjoz",
        "Hôpital Louis-Mourier",
        "Centre Léon-Bérard",
        "Hôpital Paul-Brousse",
    ],
    "es": [
        "Hospital Marqués de Valdecilla",
        "Hospital Gregorio Marañón",
        "Hospital Ramón y Cajal",
        "Instituto de Salud Carlos III",
        "Hospital Severo Ochoa",
        "Hospital Clínico San Carlos",
    ],
    "it": [
        "Policlinico Umberto I",
        "Istituto Giannina Gaslini",
        "Ospedale Sandro Pertini",
        "Istituto Mario Negri",
        "Ospedale Antonio Cardarelli",
        "Ospedale Vito Fazzi",
    ],
    "nl": [
        "Jeroen Bosch Ziekenhuis",
        "Reinier de Graaf Gasthuis",
        "Sint Maartenskliniek",
        "Prinses Máxima Centrum",
        "Antoni van Leeuwenhoek",
        "Catharina Ziekenhuis",
    ],
}
COMPANIES = {
    "en": [
        "Halvergate Logistics Ltd",
        "Brightwater Foods plc",
        "Kestrel Analytics LLC",
        "Northgate Fabrication Inc.",
        "Ashdown Care Homes Ltd",
        "Coppergate Building Society",
        "Meridian Mutual Insurance Co.",
    ],
    "de": [
        "Nordhafen Logistik GmbH",
        "Brauerei Felsenkeller KG",
        "Sonnenberg Pflege gGmbH",
        "Rheinwerk Anlagenbau AG",
        "Stadtwerke Lindental",
        "Hanseatische Bausparkasse eG",
    ],
    "fr": [
        "Transports Vallée SAS",
        "Boulangeries du Ponant SARL",
        "Mutuelle Horizon Santé",
        "Atelier Lumière SA",
        "Énergies du Rhône",
        "Crédit des Deux Rives",
    ],
    "es": [
        "Logística Meseta S.L.",
        "Conservas del Cantábrico S.A.",
        "Aseguradora Atalaya S.A.",
        "Talleres Guadalquivir S.L.",
        "Eléctrica del Ebro S.A.",
        "Caja Rural del Sur",
    ],
    "it": [
        "Officine Meccaniche Valtrompia S.r.l.",
        "Caseificio Val Padana S.p.A.",
        "Assicurazioni Faro S.p.A.",
        "Energia Adriatica S.r.l.",
        "Trasporti Dolomiti S.n.c.",
        "Banca Popolare del Tirreno",
    ],
    "nl": [
        "Polderbouw B.V.",
        "Zuivelcoöperatie De Vaart U.A.",
        "Verzekeraar Waddenzee N.V.",
        "Energie Noord B.V.",
        "Transportbedrijf Maasland B.V.",
        "Hypotheekbank Lek & IJssel N.V.",
    ],
}
UTILITIES = {
    "de": ["Stadtwerke Lindental", "Energieversorgung Nordheide GmbH"],
    "fr": ["Énergies du Rhône", "Électricité de la Vallée SAS"],
    "es": ["Eléctrica del Ebro S.A.", "Comercializadora Luz del Sur S.L."],
    "it": ["Energia Adriatica S.r.l.", "Luce e Gas Appennino S.p.A."],
    "nl": ["Energie Noord B.V.", "Stroom & Gas Rivierenland N.V."],
}
EMAIL_ORG = {
    "en": ["halvergate.co.uk", "kestrel-analytics.com", "meridianmutual.com"],
    "de": ["nordhafen-logistik.de", "sonnenberg-pflege.de", "stadtwerke-lindental.de"],
    "fr": ["transports-vallee.fr", "horizon-sante.fr", "energies-rhone.fr"],
    "es": ["logisticameseta.es", "atalaya-seguros.es", "electricaebro.es"],
    "it": ["valtrompia.it", "energiaadriatica.it", "assicurazionifaro.it"],
    "nl": ["polderbouw.nl", "energienoord.nl", "waddenzee-verzekeringen.nl"],
}
UPPER = string.ascii_uppercase


def po_box(g: Gen) -> L:
    D, r = g.digits, g.r
    m = {
        "en": [f"PO Box {D(4)}", f"P.O. Box {D(3)}"],
        "de": [f"Postfach {D(2)} {D(2)} {D(2)}", f"Postfach {D(6)}"],
        "fr": [f"BP {D(3)}", f"CS {D(5)}", f"TSA {D(5)}"],
        "es": [f"Apartado de Correos {D(4)}", f"Apdo. {D(3)}"],
        "it": [f"Casella Postale {D(3)}", f"C.P. {D(4)}"],
        "nl": [f"Postbus {D(4)}", f"Antwoordnummer {D(5)}"],
    }
    return g.la("po_box", lambda: r.choice(m[g.lang]))


def company_reg(g: Gen) -> L:
    D, r = g.digits, g.r
    m = {
        "en": [
            lambda: f"Company No. 0{D(7)}",
            lambda: f"Registered in England and Wales No. {D(8)}",
            lambda: f"EIN {D(2)}-{D(7)}",
        ],
        "de": [lambda: f"HRB {D(5)}", lambda: f"Amtsgericht Köln HRB {D(5)}", lambda: f"HRA {D(4)}"],
        "fr": [lambda: f"SIRET {D(3)} {D(3)} {D(3)} {D(5)}", lambda: f"RCS Lyon B {D(3)} {D(3)} {D(3)}"],
        "es": [lambda: f"CIF B{D(8)}", lambda: f"Registro Mercantil de Madrid, Tomo {D(5)}, Folio {D(3)}"],
        "it": [lambda: f"REA MI-{D(7)}", lambda: f"Cap. soc. i.v., REA BO-{D(6)}"],
        "nl": [lambda: f"KvK {D(8)}", lambda: f"KvK-nummer {D(8)}"],
    }
    return g.la("company_registration", r.choice(m[g.lang]))


def vat_no(g: Gen) -> L:
    D = g.digits
    m = {
        "en": lambda: f"GB {D(3)} {D(4)} {D(2)}",
        "de": lambda: f"DE{D(9)}",
        "fr": lambda: f"FR{D(2)}{D(9)}",
        "es": lambda: f"ESB{D(8)}",
        "it": lambda: f"IT{D(11)}",
        "nl": lambda: f"NL{D(9)}B{D(2)}",
    }
    return g.la("vat_number", m[g.lang])


def creditor_id(g: Gen) -> L:
    D = g.digits

    def make() -> str:
        cc = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "en": "DE"}[g.lang]
        nat = {"DE": D(11), "FR": D(6), "ES": "B" + D(8), "IT": "0000" + D(11), "NL": D(8) + "0000"}[cc]
        conv = "".join(str(int(c, 36)) for c in nat + cc + "00")
        return f"{cc}{98 - int(conv) % 97:02d}ZZZ{nat}"

    return g.la("creditor_id", make)


def ff(g: Gen, what: str):
    """Frequently used look-alike makers by kind."""
    r, D = g.r, g.digits
    if what == "flight":
        return g.la(
            "flight_number",
            lambda: (
                f"{r.choice(['LH', 'BA', 'IB', 'AZ', 'KL', 'AF', 'U2', 'VY'])}"
                f"{r.choice([' ', ''])}{r.randint(100, 9899)}"
            ),
        )
    if what == "pnr":
        return g.la("booking_reference", lambda: "".join(r.choice(UPPER + "23456789") for _ in range(6)))
    if what == "tariff":
        return g.la(
            "tariff_code",
            lambda: r.choice([f"{D(4)}.{D(2)}", f"{D(4)} {D(2)} {D(2)}", f"{D(4)}.{D(2)}.{D(2)}"]),
        )
    if what == "tracking":
        return g.la(
            "tracking_number",
            lambda: r.choice(
                [
                    f"1Z{D(3)}{r.choice(UPPER)}{D(2)}{D(10)}",
                    f"RR{D(9)}{r.choice(['NL', 'DE', 'ES', 'IT', 'FR', 'GB'])}",
                    f"JJD{D(14)}",
                ]
            ),
        )
    if what == "sku":
        return g.la(
            "product_code",
            lambda: r.choice(
                [
                    f"SKU {r.choice(UPPER)}{r.choice(UPPER)}-{D(5)}",
                    f"Art.-Nr. {D(6)}",
                    f"EAN {D(13)}",
                    f"REF {D(3)}.{D(3)}.{D(2)}",
                ]
            ),
        )
    if what == "meter":
        return g.la(
            "meter_number",
            lambda: {
                "en": f"E{D(2)}{r.choice(UPPER)}{D(5)}",
                "de": f"1ESY{D(10)}",
                "fr": f"PDL {D(14)}",
                "es": f"ES0021{D(12)}{r.choice(UPPER)}{r.choice(UPPER)}",
                "it": f"IT001E{D(8)}",
                "nl": f"871{D(15)}",
            }[g.lang],
        )
    raise ValueError(what)


def lines(items: list, sep: str = "\n") -> list:
    out: list = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


# ---------------------------------------------------------------------------------------------------------
# Document shapes. Each function writes one document into ``d``.
# ---------------------------------------------------------------------------------------------------------
def s_payslip(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person(20, 64)
    hrp = g.person()
    co = r.choice(COMPANIES[lang])
    ids = g.natid(p)
    v = dict(
        co=co,
        caddr=g.addr(False),
        name=g.name(p, "caps_sur", "full", "comma", "caps"),
        addr=lines(g.addr(True)),
        empno=g.ref("employee_number", r.choice(["", "P", "EMP-"])),
        paydate=g.date(),
        period=g.date(),
        gross=g.amount(1800, 6200),
        net=g.amount(1200, 4500),
        tax=g.amount(150, 1400),
        dob=g.dob(p),
        id1=ids[0][1],
        hr=g.name(hrp, "init", "full"),
        phone=g.phone(False, ext=r.random() < 0.4),
        email=g.email(hrp, r.choice(EMAIL_ORG[lang])),
        law=law(g, "payroll_us" if g.us else "payroll"),
        vat=vat_no(g),
        reg=company_reg(g),
    )
    if lang == "en":
        if g.us:
            v.update(acct=g.last4(), ytd=g.amount(9000, 60000))
            tpl = (
                "{co} | EARNINGS STATEMENT\nCheck date: {paydate}   Pay period ending {period}\n"
                "Employee: {name}   ID {empno}\nSSN: {id1}\n?DOB {dob}\n{addr}\n"
                "Gross pay {gross}   Federal withholding {tax}   Net pay {net}\n?YTD gross {ytd}\n"
                "Net pay loaded to pay card ending {acct}\nWithholding per {law}. Payroll: {hr}, {phone}, "
                "{email}"
            )
        else:
            v.update(iban=g.iban("GB"))
            tpl = (
                "{co}\n{caddr}\n{reg}\nPAYSLIP      Pay date: {paydate}\nEmployee no. {empno}\nName: {name}\n"
                "{addr}\nNI No: {id1}   Tax code 1257L   NI category A\n?Date of birth: {dob}\n"
                "Basic pay .......... {gross}\nPAYE tax .......... {tax}\nNet pay ........... {net}\n"
                "Paid by BACS to {iban}\n?Deductions under the {law}. Queries to {hr} ({email})"
            )
    elif lang == "de":
        sv = g.svnr(p)
        v.update(
            svnr=sv,
            iban=g.iban(),
            kk=r.choice(["AOK Rheinland", "TK", "Barmer", "DAK-Gesundheit"]),
            kvnr=g.kvnr(),
        )
        tpl = (
            "{co} · {caddr}\nEntgeltabrechnung für {period}\nPers.-Nr.: {empno}\n{name}\n{addr}\n"
            "?Geburtsdatum: {dob}\nSteuer-ID: {id1}   StKl. 1   Konf. --\nSV-Nummer: {svnr}\n"
            "Krankenkasse: {kk}\n?Versichertennummer (KVNR): {kvnr}\nGesamtbrutto {gross}\nLohnsteuer {tax}\n"
            "Auszahlungsbetrag {net}\nÜberweisung am {paydate} auf {iban}\n?Rückfragen: {hr}, Tel. {phone}"
        )
    elif lang == "fr":
        v.update(iban=g.iban(), nir=ids[0][1])
        tpl = (
            "BULLETIN DE PAIE — période du {period}\nEmployeur : {co}, {caddr}\n{reg}\n"
            "Salarié : {name}\n{addr}\nMatricule {empno}\nN° SS : {nir}\n?Né(e) le {dob}\n"
            "Salaire de base {gross}\nCSG/CRDS {tax}\nNet à payer avant impôt {net}\n"
            "Virement le {paydate} — IBAN {iban}\n?Conservez ce bulletin sans limitation de durée "
            "({law}).\n?Service paie : {hr}, {phone}"
        )
    elif lang == "es":
        v.update(iban=g.iban())
        tpl = (
            "NÓMINA — {co}\nDomicilio: {caddr}\n{reg}\nTrabajador/a: {name}\n{addr}\n"
            "{lab1}: {id1}\n?Fecha de nacimiento: {dob}\nPeriodo: {period}\n"
            "Total devengado {gross}\nRetención IRPF {tax}\nLíquido a percibir {net}\n"
            "Transferencia a {iban} el {paydate}\n?Consultas: {hr} · {email}"
        )
        v["lab1"] = ids[0][0]
    elif lang == "it":
        v.update(iban=g.iban())
        tpl = (
            "{co}\nSede: {caddr}\n{vat}\nCEDOLINO PAGA — mese di riferimento {period}\nDipendente: {name}\n"
            "Matricola {empno}\nC.F. {id1}\n?Nato/a il {dob} a {bp}\n{addr}\n"
            "Retribuzione lorda {gross}\nRitenute IRPEF {tax}\nNetto in busta {net}\n"
            "Accredito su IBAN {iban} del {paydate}\n?Ufficio personale: {hr}, tel. {phone}"
        )
        v["bp"] = p.birthplace
    else:
        v.update(iban=g.iban(), tax2=g.amount(50, 400))
        tpl = (
            "{co}\n{caddr}\n{reg}\nLOONSTROOK periode {period}\nWerknemer: {name}\nPersoneelsnr. {empno}\n"
            "{addr}\nBSN: {id1}\n?Geboortedatum: {dob}\nBruto salaris {gross}\nLoonheffing {tax}\n"
            "Pensioenpremie {tax2}\nNetto uit te betalen {net}\nOvergemaakt op {paydate} naar {iban}\n"
            "Vragen over je loonstrook? Mail {email} of bel {hr}, {phone}.\n?Loonheffing conform {law}."
        )
    d.fill(r, tpl, **v)


def teams_line(g: Gen, when: dt.datetime, who: E, style: int) -> list:
    r, lang = g.r, g.lang
    hm = when.strftime("%H:%M")
    if style == 0:
        return [f"[{when.day:02d}/{when.month:02d}/{when.year} {hm}] ", who, ": "]
    if style == 1:
        return [f"{when.day}.{when.month}.{when.year % 100}, {hm} - ", who, ": "]
    if style == 2:
        return [f"{when.isoformat(timespec='seconds')}Z <", who, "> "]
    if style == 3:
        return [f"[{hm}:{r.randint(10, 59)}] ", who, ": "]
    if style == 4:
        ampm = when.strftime("%I:%M %p").lstrip("0")
        return [who, f" — {ampm if lang == 'en' else hm}\n"]
    return [f"{hm} ", who, " | "]


def s_teams_export(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    a, b = g.person(), g.person()
    c = g.person()
    start = dt.datetime(2026, r.randint(1, 11), r.randint(1, 28), r.randint(7, 17), r.randint(0, 59))  # noqa: DTZ001 - naive local time
    ha = g.name(a, "handle", "full", "comma")
    hb = g.name(b, "handle", "full", "comma")
    first_a = E("PERSON", a.given)
    msgs = {
        "en": [
            ["hi, can you check the address for ", g.name(c, "full", "caps"), "? new one is ", g.addr(False)],
            ["sure. DOB on file is ", g.dob(c), ", matches the form"],
            ["their mobile: ", g.phone(True), " and email ", g.email(c)],
            ["thanks ", first_a, ". ticket ", g.ref("ticket_number", "INC"), " updated"],
            ["also they asked about ", g.pick("brand", BRANDS), " order ", g.ref("order_number", "#")],
        ],
        "de": [
            [
                "Moin, kannst du bei ",
                g.name(c, "full", "caps_sur"),
                " die neue Anschrift eintragen? ",
                g.addr(False),
            ],
            ["Geb.-Datum laut Akte ", g.dob(c), ", passt"],
            ["Handy ", g.phone(True), ", Mail ", g.email(c)],
            ["Danke ", first_a, "! Vorgang ", g.ref("ticket_number", "VG-"), " aktualisiert"],
            ["Rechnung ", g.ref("invoice_number", "RE-"), " über ", g.amount(20, 900), " ist raus"],
        ],
        "fr": [
            [
                "Salut, peux-tu mettre à jour l'adresse de ",
                g.name(c, "full", "caps_sur"),
                " : ",
                g.addr(False),
            ],
            ["ok, date de naissance au dossier ", g.dob(c), ", ça concorde"],
            ["portable ", g.phone(True), " / mail ", g.email(c)],
            ["merci ", first_a, " ! ticket ", g.ref("ticket_number", "TK-"), " mis à jour"],
            ["facture ", g.ref("invoice_number", "FA"), " de ", g.amount(20, 900), " réglée le ", g.date()],
        ],
        "es": [
            ["Hola, ¿puedes cambiar la dirección de ", g.name(c, "full", "caps"), "? Nueva: ", g.addr(False)],
            ["vale, fecha de nacimiento en ficha ", g.dob(c), ", coincide"],
            ["móvil ", g.phone(True), " y correo ", g.email(c)],
            ["gracias ", first_a, ", incidencia ", g.ref("ticket_number", "INC-"), " actualizada"],
            ["el pedido ", g.ref("order_number", "PED-"), " de ", g.pick("brand", BRANDS), " sale mañana"],
        ],
        "it": [
            [
                "Ciao, puoi aggiornare l'indirizzo di ",
                g.name(c, "full", "caps_sur"),
                "? Nuovo: ",
                g.addr(False),
            ],
            ["ok, data di nascita in anagrafica ", g.dob(c), ", corrisponde"],
            ["cellulare ", g.phone(True), ", mail ", g.email(c)],
            ["grazie ", first_a, ", ticket ", g.ref("ticket_number", "TCK"), " aggiornato"],
            ["fattura ", g.ref("invoice_number", "FT/"), " di ", g.amount(20, 900), " saldata"],
        ],
        "nl": [
            ["Hoi, kun je het adres van ", g.name(c, "full", "caps"), " aanpassen? Nieuw: ", g.addr(False)],
            ["top, geboortedatum in dossier ", g.dob(c), ", klopt"],
            ["mobiel ", g.phone(True), ", mail ", g.email(c)],
            ["dank je ", first_a, "! melding ", g.ref("ticket_number", "M-"), " bijgewerkt"],
            ["factuur ", g.ref("invoice_number", "F"), " van ", g.amount(20, 900), " is betaald"],
        ],
    }[lang]
    extra = {
        "en": "pls call them back after 3, ",
        "de": "ruf bitte nach 15 Uhr zurück, ",
        "fr": "rappelle après 15h stp, ",
        "es": "llámale después de las 15:00, ",
        "it": "richiamalo dopo le 15, ",
        "nl": "bel na 15.00 uur terug, ",
    }[lang]
    msgs.append(
        [
            extra,
            g.name(c, "given", "sur"),
            " ",
            {
                "en": "prefers",
                "de": "bevorzugt",
                "fr": "préfère",
                "es": "prefiere",
                "it": "preferisce",
                "nl": "wil liever",
            }[lang],
            " ",
            g.phone(False),
        ]
    )
    if r.random() < 0.6:
        paste = {
            "en": "card they read out for the deposit: ",
            "de": "Karte für die Anzahlung: ",
            "fr": "carte pour l'acompte : ",
            "es": "tarjeta para la fianza: ",
            "it": "carta per la caparra: ",
            "nl": "kaart voor de aanbetaling: ",
        }[lang]
        msgs[4] = [paste, g.card(), f" exp {r.randint(1, 12):02d}/{r.randint(27, 31)}"]
    head = {
        "en": "Chat export – ",
        "de": "Chatverlauf exportiert am ",
        "fr": "Export de conversation du ",
        "es": "Exportación del chat – ",
        "it": "Esportazione chat del ",
        "nl": "Chatexport van ",
    }[lang]
    d.add(head, g.date(), "\n")
    who = [ha, hb, ha, hb, ha, hb]
    style = r.randint(0, 5)
    for i, m in enumerate(msgs):
        if i == 4 and r.random() < 0.3 and not any(isinstance(x, E) and x.type == "CREDIT_CARD" for x in m):
            continue
        when = start + dt.timedelta(minutes=3 * i + r.randint(0, 2))
        d.add(teams_line(g, when, who[i], style), m, "\n" if i < 5 else "")


def s_xml_payload(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person()
    ids = g.natid(p)
    tag = {
        "en": ("Patient", "Surname", "GivenName", "BirthDate", "Street", "Phone"),
        "de": ("Versicherter", "Nachname", "Vorname", "Geburtsdatum", "Anschrift", "Telefon"),
        "fr": ("Assure", "Nom", "Prenom", "DateNaissance", "Adresse", "Telephone"),
        "es": ("Paciente", "Apellidos", "Nombre", "FechaNacimiento", "Domicilio", "Telefono"),
        "it": ("Assistito", "Cognome", "Nome", "DataNascita", "Indirizzo", "Telefono"),
        "nl": ("Client", "Achternaam", "Voornaam", "Geboortedatum", "Adres", "Telefoon"),
    }[lang]
    root, sn, gn, bd, st, ph = tag
    idt = {
        "US_SSN": "SSN",
        "UK_NINO": "NINO",
        "UK_NHS": "NHSNumber",
        "DE_STEUER_ID": "SteuerID",
        "FR_NIR": "NIR",
        "ES_DNI": "DNI",
        "ES_NIE": "NIE",
        "IT_FISCAL_CODE": "CodiceFiscale",
        "NL_BSN": "BSN",
    }
    idv = ids[-1][1] if lang == "en" and not g.us else ids[0][1]
    d.add('<?xml version="1.0" encoding="UTF-8"?>\n')
    d.add(
        f'<Message type="{r.choice(["ADT_A08", "REG", "UPDATE", "MUTATIE"])}" created="',
        g.date("iso"),
        '">\n',
    )
    d.add('  <Sender ip="', g.ip(), '" system="', r.choice(["PAS", "KIS", "ORBIS", "HIS", "EPD"]), '"/>\n')
    d.add(f"  <{root}>\n")
    d.add("    <RecordNo>", g.mrn(), "</RecordNo>\n")
    d.add(f"    <{sn}>", E("PERSON", p.surname.upper() if r.random() < 0.5 else p.surname), f"</{sn}>\n")
    d.add(f"    <{gn}>", E("PERSON", p.given), f"</{gn}>\n")
    d.add(f"    <{bd}>", g.dob(p, "iso"), f"</{bd}>\n")
    d.add(
        f"    <{idt[idv.type]}>",
        E(idv.type, compact(idv.text) if idv.type != "UK_NINO" else idv.text),
        f"</{idt[idv.type]}>\n",
    )
    d.add(f"    <{st}>", g.addr(False), f"</{st}>\n")
    d.add(f'    <{ph} use="mobile">', g.phone(True), f"</{ph}>\n")
    if r.random() < 0.6:
        d.add("    <Email>", g.email(p), "</Email>\n")
    d.add(
        '    <Diagnosis code="',
        g.pick("icd_code", ICD),
        '">',
        g.pick("medical_eponym", EPONYMS),
        "</Diagnosis>\n",
    )
    if r.random() < 0.5:
        d.add(
            '    <Medication atc="',
            g.pick("atc_code", ATC),
            '">',
            g.pick("drug_dosage", DRUGS),
            "</Medication>\n",
        )
    if r.random() < 0.35:
        d.add(
            '    <Deposit method="card" pan="',
            g.card(),
            f'" exp="{r.randint(1, 12):02d}/{r.randint(27, 31)}"/>\n',
        )
    nok = g.person()
    d.add('    <NextOfKin name="', g.name(nok, "full", "caps"), '" phone="', g.phone(), '"/>\n')
    d.add(f"  </{root}>\n</Message>")


def s_vcard(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person(22, 70)
    co = r.choice(COMPANIES[lang])
    org_mail = r.choice(EMAIL_ORG[lang])
    title = {
        "en": ["Senior Account Manager", "Practice Manager", "Claims Handler"],
        "de": ["Sachbearbeiterin Personal", "Teamleiter Disposition", "Leitung Buchhaltung"],
        "fr": ["Responsable RH", "Chargé de clientèle", "Assistante de direction"],
        "es": ["Responsable de Compras", "Gestora de Siniestros", "Jefe de Almacén"],
        "it": ["Responsabile Amministrativo", "Ufficio Acquisti", "Referente Sinistri"],
        "nl": ["Teamleider Planning", "Medewerker Debiteuren", "Office Manager"],
    }[lang]
    adr = g.addr(True)
    d.add(
        "BEGIN:VCARD\nVERSION:3.0\nN:",
        E("PERSON", f"{p.surname};{p.given}"),
        ";;;\nFN:",
        g.name(p, "full"),
        "\n",
    )
    d.add(f"ORG:{co}\nTITLE:{r.choice(title)}\n")
    d.add(
        "TEL;TYPE=WORK,VOICE:", g.phone(False, ext=r.random() < 0.3), "\nTEL;TYPE=CELL:", g.phone(True), "\n"
    )
    d.add("EMAIL;TYPE=INTERNET:", g.email(p, org_mail), "\n")
    d.add("ADR;TYPE=WORK:;;", adr[0], ";", *lines(adr[1:], ";"), "\n")
    if r.random() < 0.5:
        d.add("BDAY:", g.dob(p, "iso"), "\n")
    d.add("END:VCARD\n\n")
    # e-mail signature block of a second person at the same company, pasted below the card
    q = g.person(22, 70)
    sig = {
        "en": ("Kind regards", "Registered office"),
        "de": ("Mit freundlichen Grüßen", "Sitz der Gesellschaft"),
        "fr": ("Bien cordialement", "Siège social"),
        "es": ("Un saludo", "Domicilio social"),
        "it": ("Cordiali saluti", "Sede legale"),
        "nl": ("Met vriendelijke groet", "Statutair gevestigd"),
    }[lang]
    d.add("-- \n", sig[0], ",\n", g.name(q, "full", "caps_sur", "init"), "\n", f"{r.choice(title)} | {co}\n")
    d.add("M ", g.phone(True), " | ", g.email(q, org_mail), "\n")
    d.add(sig[1], ": ", po_box(g), " · ", company_reg(g), " · ", vat_no(g))
    if r.random() < 0.5:
        d.add(
            "\n",
            {
                "en": "Ask us about ",
                "de": "Jetzt neu: ",
                "fr": "Nouveau : ",
                "es": "Novedad: ",
                "it": "Novità: ",
                "nl": "Nieuw: ",
            }[lang],
            g.pick("brand", BRANDS),
            " ",
            ff(g, "sku"),
        )


def s_parking_fine(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    g.us = False
    p = g.person()
    auth = {
        "en": ["Westbridge Borough Council", "Kingsbridge City Council"],
        "de": ["Stadt Lindental – Ordnungsamt", "Zentrale Bußgeldstelle"],
        "fr": [
            "Agence nationale de traitement automatisé des infractions",
            "Ville de Valmont – Police municipale",
        ],
        "es": ["Ayuntamiento de Villaseca – Policía Local", "Jefatura Provincial de Tráfico"],
        "it": ["Comune di Borgoverde – Polizia Locale", "Corpo di Polizia Municipale"],
        "nl": ["Centraal Justitieel Incassobureau", "Gemeente Maasveld – Parkeerbeheer"],
    }[lang]
    v = dict(
        auth=r.choice(auth),
        name=g.name(p, "caps", "full", "caps_sur"),
        addr=lines(g.addr(True)),
        ref=g.ref("reference_number", r.choice(["", "PCN-", "Az-", "V"])),
        date=g.date(),
        amount=g.amount(15, 160),
        law=law(g, "traffic"),
        due=g.date(),
        phone=g.phone(False),
        iban=g.iban("GB" if lang == "en" else None),
        card=g.last4(),
        dob=g.dob(p),
        pobox=po_box(g),
        loc=L("street_name", r.choice(STREET_PEOPLE[lang])),
    )
    tpl = {
        "en": (
            "{auth}\nPENALTY CHARGE NOTICE {ref}\n{name}\n{addr}\nDate of contravention: {date}, {loc}\n"
            "Contravention code 01 – parked in a restricted street during prescribed hours.\n"
            "Charge: {amount}, reduced by 50% if paid within 14 days ({law}).\n"
            "Pay online, by phone on {phone}, or by transfer to {iban} quoting {ref2}.\n"
            "?Previous payment on card ending {card} was declined on {due}.\n"
            "Representations in writing to {pobox}."
        ),
        "de": (
            "{auth}\n{pobox}\nAnhörung im Bußgeldverfahren – Aktenzeichen {ref}\nHerrn/Frau\n{name}\n{addr}\n"
            "?geb. am {dob}\nTatvorwurf: Parken im absoluten Halteverbot am {date}, {loc} ({law}).\n"
            "Verwarnungsgeld: {amount}, zahlbar bis {due} auf {iban}\nVerwendungszweck: {ref2}\n"
            "Halterdaten: {name2}, Tel. {mobile}, {email}\nRückfragen: {phone}"
        ),
        "fr": (
            "{auth}\nAVIS DE CONTRAVENTION n° {ref}\nTitulaire du certificat d'immatriculation "
            ":\n{name}\n{addr}\n"
            "Infraction constatée le {date}, {loc} : stationnement gênant ({law}).\n"
            "Amende forfaitaire : {amount} (minorée si paiement avant le {due}).\n"
            "Contestation : {pobox}. Renseignements : {phone}\n?Paiement refusé sur la carte {card}."
        ),
        "es": (
            "{auth}\nNOTIFICACIÓN DE DENUNCIA – Expediente {ref}\nTitular: {name}\n{addr}\n"
            "Hecho denunciado: estacionar en zona de carga y descarga, {loc}, el {date} ({law}).\n"
            "Importe: {amount}; reducción del 50 % si abona antes del {due}.\n"
            "Pago mediante transferencia a {iban} indicando {ref2}.\n?Información: {phone} · {pobox}"
        ),
        "it": (
            "{auth}\nVERBALE DI ACCERTAMENTO n. {ref}\nTrasgressore/obbligato in solido: {name}\n{addr}\n"
            "?Nato/a il {dob}\nViolazione: sosta in area riservata, {loc}, in data {date} ({law}).\n"
            "Sanzione ridotta: {amount} se pagata entro il {due}, IBAN {iban}, causale {ref2}.\n"
            "Dati del proprietario: {name2}, cell. {mobile}, {email}\nInformazioni: {phone}"
        ),
        "nl": (
            "{auth}\nBESCHIKKING {ref}\nAan: {name}\n{addr}\n"
            "Gedraging: parkeren op een gehandicaptenparkeerplaats, {loc}, op {date} ({law}).\n"
            "Te betalen: {amount} vóór {due} op {iban} o.v.v. betalingskenmerk {ref2}.\n"
            "Kenteken op naam van {name2}, geb. {dob}, {mobile}, {email}.\n"
            "Bezwaar: {pobox}. Vragen: {phone}"
        ),
    }[lang]
    v["ref2"] = L(v["ref"].what, v["ref"].text)
    v.update(name2=g.name(p, "full", "comma"), mobile=g.phone(True), email=g.email(p))
    d.fill(r, tpl, **v)


STREET_PEOPLE = {
    "en": ["Nelson Street", "Victoria Road", "Churchill Way", "Martin Luther King Jr Blvd", "Lincoln Avenue"],
    "de": [
        "Konrad-Adenauer-Ring",
        "Goethestraße",
        "Willy-Brandt-Platz",
        "Bismarckallee",
        "Rosa-Luxemburg-Str.",
    ],
    "fr": [
        "avenue Jean-Jaurès",
        "boulevard Victor-Hugo",
        "rue Émile-Zola",
        "place Charles-de-Gaulle",
        "quai Voltaire",
    ],
    "es": [
        "calle Miguel de Cervantes",
        "avenida Blasco Ibáñez",
        "plaza de Antonio Machado",
        "calle Goya",
        "paseo de Pablo Picasso",
    ],
    "it": ["corso Garibaldi", "via Giuseppe Verdi", "piazza Dante", "viale Alcide De Gasperi", "via Manzoni"],
    "nl": ["Thorbeckeplein", "Rembrandtlaan", "Willemsplein", "Erasmusweg", "Van Goghstraat"],
}


def s_handover_note(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    g.us = False
    p = g.person(30, 95)
    nurse_a, nurse_b, doc_ = g.person(), g.person(), g.person()
    rel = g.person()
    v = dict(
        name=g.name(p, "caps_sur", "full", "caps"),
        first=E("PERSON", p.given),
        sur=E("PERSON", p.surname),
        mrn=g.mrn(),
        dob=g.dob(p),
        epo=g.pick("medical_eponym", EPONYMS),
        drug=g.pick("drug_dosage", DRUGS),
        drug2=g.pick("drug_dosage", DRUGS),
        rng=L(
            "reference_range",
            r.choice(
                ["3.5-5.3 mmol/L", "3.5–5.0 mmol/L"]
                if lang == "en"
                else ["3,5–5,1 mmol/l", "3,6-5,0 mmol/l", "3,5 - 5,0 mmol/L"]
            ),
        ),
        icd=g.pick("icd_code", ICD),
        na=g.name(nurse_a, "given", "init"),
        nb=g.name(nurse_b, "given", "handle"),
        doc=E("PERSON", doc_.surname),
        rel=g.name(rel, "full"),
        relph=g.phone(True),
        date=g.date(),
        inst=g.pick("institution", INSTITUTIONS),
        bed=f"{r.randint(1, 30)}{r.choice('ABCD')}",
    )
    while v["drug2"].text == v["drug"].text:
        v["drug2"] = g.pick("drug_dosage", DRUGS)
    if lang == "en":
        v["nhs"] = g.nhs()
    tpl = {
        "en": (
            "SBAR handover – Ward 7B – {date} night shift\nBed {bed}: {name}  Hosp no. {mrn}  NHS {nhs}\n"
            "?DOB {dob}\nS: admitted via ED, known {epo}, dx code {icd}.\n"
            "B: regular {drug}; {drug2} held (K+ 5.9, ref {rng}).\n"
            "A: obs stable, NEWS 2. {first} anxious overnight, asked for her/his daughter.\n"
            "R: review by Dr {doc} on ward round; transfer to {inst} being discussed.\n"
            "NOK {rel}, {relph}. Handed over by {na} to {nb}."
        ),
        "de": (
            "Übergabe Station 4 Ost – Nachtdienst {date}\nZi. {bed}: {name}, Fall-Nr. {mrn}\n?geb. {dob}\n"
            "Diagnose: {epo} ({icd}); Dauermedikation {drug}, {drug2} pausiert.\n"
            "Labor: Kalium 5,8 (Ref. {rng}). Frau/Herr {sur} nachts unruhig.\n"
            "OA Dr. {doc} informiert, Verlegung ins {inst} angefragt.\n"
            "Angehörige: {rel}, {relph}\nÜbergabe: {na} → {nb}"
        ),
        "fr": (
            "Transmissions ciblées – service de médecine B – nuit du {date}\nCh. {bed} : {name}  IPP {mrn}\n"
            "?Né(e) le {dob}\nMotif : décompensation sur {epo} ({icd}). Traitement : {drug}; {drug2} "
            "suspendu.\n"
            "Bilan : kaliémie 5,7 (N {rng}). {first} agité(e) vers 3 h.\n"
            "Avis du Dr {doc} demandé ; transfert vers {inst} envisagé.\n"
            "Personne à prévenir : {rel}, {relph}. Relève : {na} / {nb}"
        ),
        "es": (
            "Relevo de enfermería – planta 3ª – turno de noche {date}\nCama {bed}: {name}  NHC {mrn}\n"
            "?F. nac.: {dob}\nDiagnóstico: {epo} ({icd}). Tratamiento: {drug}; {drug2} suspendido.\n"
            "Analítica: potasio 5,8 (ref. {rng}). {first} inquieto/a durante la noche.\n"
            "Pendiente valoración por el Dr. {doc}; posible traslado al {inst}.\n"
            "Familiar de contacto: {rel}, {relph}. Entrega {na}, recibe {nb}."
        ),
        "it": (
            "Consegne infermieristiche – Medicina 2 – notte del {date}\nLetto {bed}: {name}  Cartella n. "
            "{mrn}\n"
            "?Nato/a il {dob}\nDiagnosi: {epo} ({icd}). Terapia: {drug}; {drug2} sospeso.\n"
            "Esami: potassio 5,8 (v.n. {rng}). Sig./Sig.ra {sur} agitato/a nella notte.\n"
            "Da rivalutare con il dott. {doc}; trasferimento all'{inst} in valutazione.\n"
            "Familiare di riferimento: {rel}, {relph}. Consegna {na} → {nb}"
        ),
        "nl": (
            "Overdracht afdeling C3 – nachtdienst {date}\nKamer {bed}: {name}  patiëntnr. {mrn}\n"
            "?Geb. {dob}\nDiagnose: {epo} ({icd}). Medicatie: {drug}; {drug2} gestopt.\n"
            "Lab: kalium 5,8 (ref. {rng}). Mevr./dhr. {sur} was 's nachts onrustig.\n"
            "Dr. {doc} kijkt mee bij de visite; overplaatsing naar het {inst} besproken.\n"
            "Contactpersoon: {rel}, {relph}. Overdracht {na} aan {nb}."
        ),
    }[lang]
    d.fill(r, tpl, **v)


def s_probate_letter(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    g.us = False
    dec, heir, solicitor = g.person(60, 96), g.person(25, 70), g.person(30, 65)
    firm = {
        "en": "Ravensworth & Pike LLP",
        "de": "Notariat am Stadtgraben",
        "fr": "Office notarial des Remparts",
        "es": "Notaría de la Plaza Nueva",
        "it": "Studio Notarile Associato Colle",
        "nl": "Notariskantoor Lindeboom",
    }
    v = dict(
        firm=firm[lang],
        faddr=g.addr(False),
        fphone=g.phone(False, ext=r.random() < 0.4),
        femail=g.email(solicitor, r.choice(EMAIL_ORG[lang])),
        date=g.date(),
        heir=g.name(heir, "full", "caps_sur"),
        haddr=lines(g.addr(True)),
        dear=E("PERSON", heir.surname),
        dec=g.name(dec, "full", "caps"),
        dob=g.dob(dec),
        death=g.date(),
        iban=g.iban(),
        amount=g.amount(4000, 90000),
        sol=g.name(solicitor, "full"),
        ref=g.ref("case_number", ""),
        law=law(g, "probate"),
        decid=g.natid(dec)[0][1],
        heirdob=g.dob(heir),
        reg=company_reg(g),
        decaddr=g.addr(False),
        sol2=E("PERSON", solicitor.given),
    )
    tpl = {
        "en": (
            "{firm}\n{faddr}\nTel {fphone}\n{date}\nPRIVATE AND CONFIDENTIAL\n{heir}\n{haddr}\nOur ref: "
            "{ref}\n"
            "Dear Ms/Mr {dear},\nEstate of {dec} deceased (born {dob}, died {death}), late of {decaddr}\n"
            "We have now obtained the Grant of Probate. Under the will you are entitled to a legacy of "
            "{amount}, "
            "which we propose to pay to {iban}. The estate is administered under the {law}.\n"
            "?HMRC hold the deceased's National Insurance number as {decid}.\n"
            "Yours sincerely,\n{sol}\n{reg}"
        ),
        "de": (
            "{firm} · {faddr} · Tel. {fphone}\n{heir}\n{haddr}\n{date}\nNachlasssache {dec}, "
            "geb. {dob}, verstorben am {death}\nUnser Zeichen: {ref}\nSehr geehrte/r Frau/Herr {dear},\n"
            "das Nachlassgericht hat den Erbschein erteilt ({law}). Ihr Erbteil beträgt vorläufig {amount} "
            "und wird auf {iban} überwiesen.\n?Zur Anzeige beim Finanzamt benötigen wir die Steuer-ID des "
            "Erblassers ({decid}) sowie Ihr Geburtsdatum ({heirdob}).\nMit freundlichen "
            "Grüßen\n{sol}\n{femail}"
        ),
        "fr": (
            "{firm}\n{faddr}\n{fphone}\n{heir}\n{haddr}\nLe {date}\nDossier : {ref} — Succession de {dec}\n"
            "Madame, Monsieur {dear},\nSuite au décès de {dec2}, né(e) le {dob} et décédé(e) le {death}, "
            "nous avons établi l'acte de notoriété ({law}). Votre part s'élève à {amount} ; "
            "elle sera virée sur {iban}.\n?Numéro de sécurité sociale du défunt : {decid}.\n"
            "Veuillez agréer nos salutations distinguées.\n{sol}\n{femail}"
        ),
        "es": (
            "{firm}\n{faddr} · {fphone}\n{heir}\n{haddr}\n{date}\nAsunto: herencia de {dec} (exp. {ref})\n"
            "Estimado/a Sr./Sra. {dear}:\nTras el fallecimiento de {dec2}, nacido/a el {dob} y fallecido/a "
            "el {death}, se ha otorgado la escritura de aceptación de herencia ({law}). Le corresponde "
            "{amount}, que se transferirá a {iban}.\n?DNI del causante: "
            "{decid}.\nAtentamente,\n{sol}\n{femail}"
        ),
        "it": (
            "{firm}\n{faddr}\ntel. {fphone}\nGent.mo/a\n{heir}\n{haddr}\n{date}\nOggetto: successione di "
            "{dec} "
            "(pratica {ref})\nGentile {dear},\nin seguito al decesso di {dec2}, nato/a il {dob} e deceduto/a "
            "il {death}, è stata presentata la dichiarazione di successione ({law}). La quota a Lei "
            "spettante "
            "è di {amount} e sarà accreditata su {iban}.\n?Codice fiscale del de cuius: {decid}.\n"
            "Distinti saluti\n{sol}\n{femail}"
        ),
        "nl": (
            "{firm}\n{faddr}\nT {fphone}\n{heir}\n{haddr}\n{date}\nBetreft: nalatenschap {dec} "
            "(dossier {ref})\nGeachte heer/mevrouw {dear},\nNa het overlijden van {dec2}, geboren {dob} en "
            "overleden op {death}, is de verklaring van erfrecht afgegeven ({law}). Uw erfdeel bedraagt "
            "{amount} en wordt overgemaakt naar {iban}.\n?BSN erflater: {decid}.\nMet vriendelijke "
            "groet,\n{sol2} {sol}"
            "\n{femail}"
        ),
    }[lang]
    v["dec2"] = g.name(dec, "full", "init", "sur")
    if lang == "nl":
        tpl = tpl.replace("{sol2} {sol}", "{sol}")
    d.fill(r, tpl, **v)


def s_utility_bill(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person()
    co = r.choice(UTILITIES[lang])
    v = dict(
        co=co,
        pobox=po_box(g),
        name=g.name(p, "caps", "full", "caps_sur"),
        addr=lines(g.addr(True)),
        supply=g.addr(False),
        acct=g.ref("reference_number", ""),
        inv=g.ref("invoice_number", ""),
        date=g.date(),
        meter=ff(g, "meter"),
        total=g.amount(40, 600),
        iban=g.iban(),
        cred=creditor_id(g),
        due=g.date(),
        phone=g.phone(False),
        email=g.email(p),
        vat=vat_no(g),
        mobile=g.phone(True),
    )
    tpl = {
        "de": (
            "{co} · {pobox}\n{name}\n{addr}\nJahresabrechnung Strom vom {date}\nKundennummer {acct} · "
            "Rechnungsnummer {inv}\nLieferstelle: {supply}\nZählernummer: {meter}\n"
            "Verbrauch 2.914 kWh – Gesamtbetrag {total}\nDer Betrag wird am {due} per SEPA-Lastschrift von "
            "{iban} eingezogen (Gläubiger-ID {cred}).\n?Ihre Kontaktdaten: {email}, {mobile}\n"
            "Service: {phone} · USt-IdNr. {vat}"
        ),
        "fr": (
            "{co} — {pobox}\n{name}\n{addr}\nFacture d'électricité du {date}\nRéf. client {acct} — Facture "
            "{inv}\n"
            "Adresse de consommation : {supply}\nPoint de livraison : {meter}\nMontant TTC : {total}\n"
            "Prélèvement le {due} sur {iban} (ICS {cred}).\n?Coordonnées : {email} / {mobile}\n"
            "Service client : {phone} — TVA {vat}"
        ),
        "es": (
            "{co} · {pobox}\n{name}\n{addr}\nFactura de electricidad – fecha de emisión {date}\n"
            "Nº de contrato {acct} · Nº factura {inv}\nDirección de suministro: {supply}\nCUPS: {meter}\n"
            "Total a pagar: {total}\nSe cargará el {due} en {iban} (ID acreedor {cred}).\n"
            "?Sus datos: {email}, {mobile}\nAtención al cliente: {phone} · NIF {vat}"
        ),
        "it": (
            "{co} – {pobox}\n{name}\n{addr}\nBolletta luce emessa il {date}\nCodice cliente {acct} – "
            "Fattura n. "
            "{inv}\nIndirizzo di fornitura: {supply}\nPOD: {meter}\nTotale da pagare: {total}\n"
            "Addebito SDD il {due} su {iban} (ID creditore {cred}).\n?Recapiti: {email}, {mobile}\n"
            "Servizio clienti {phone} – P.IVA {vat}"
        ),
        "nl": (
            "{co} · {pobox}\n{name}\n{addr}\nJaarafrekening energie – {date}\nKlantnummer {acct} · "
            "Factuurnummer {inv}\nLeveringsadres: {supply}\nEAN-code: {meter}\nTe betalen: {total}\n"
            "Wordt op {due} afgeschreven van {iban} (incassant-ID {cred}).\n?Uw gegevens: {email}, {mobile}\n"
            "Klantenservice {phone} · btw {vat}"
        ),
    }[lang]
    d.fill(r, tpl, **v)


def s_sick_note(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p, dr = g.person(18, 66), g.person(30, 66)
    v = dict(
        name=g.name(p, "full", "caps_sur", "comma"),
        dob=g.dob(p),
        addr=g.addr(False),
        dr=g.name(dr, "full", "init"),
        practice=g.addr(False),
        phone=g.phone(False),
        icd=g.pick("icd_code", ICD),
        from_=g.date(),
        to=g.date(),
        emp=r.choice(COMPANIES[lang]),
        law=law(g, "sick"),
        drug=g.pick("drug_dosage", DRUGS),
        id1=g.natid(p)[-1 if lang == "de" else 0][1],
    )
    tpl = {
        "de": (
            "Arbeitsunfähigkeitsbescheinigung – Ausfertigung zur Vorlage beim Arbeitgeber\n"
            "Krankenkasse: {kk}\nName, Vorname des Versicherten: {name}\ngeb. am {dob}\n{addr}\n"
            "Versicherten-Nr.: {id1}\nArbeitsunfähig seit {from_}, voraussichtlich bis {to}\n"
            "?Diagnose (nur Ausfertigung Krankenkasse): {icd}\nArbeitgeber: {emp}\n"
            "Entgeltfortzahlung nach {law}.\nPraxis {dr}, {practice}, Tel. {phone}"
        ),
        "fr": (
            "AVIS D'ARRÊT DE TRAVAIL — volet 3 (employeur)\nAssuré(e) : {name}\nN° d'immatriculation : "
            "{id1}\n"
            "?Date de naissance : {dob}\nAdresse : {addr}\nArrêt initial du {from_} au {to} inclus\n"
            "Sorties autorisées : oui, sauf 9h-11h et 14h-16h\nEmployeur : {emp}\n"
            "Médecin prescripteur : Dr {dr}, {practice}, {phone}\n?Traitement : {drug}"
        ),
        "es": (
            "PARTE MÉDICO DE BAJA POR INCAPACIDAD TEMPORAL\nTrabajador/a: {name}\n{idl}: {id1}\n"
            "?Fecha de nacimiento: {dob}\nDomicilio: {addr}\nFecha de baja: {from_} · revisión prevista: "
            "{to}\n"
            "?Código diagnóstico (copia INSS): {icd}\nEmpresa: {emp}\n"
            "Facultativo/a: Dr./Dra. {dr} – Centro de Salud, {practice} – {phone}\n"
            "Contacto del trabajador: {mobile} · {email}"
        ),
        "it": (
            "CERTIFICATO DI MALATTIA – attestato per il datore di lavoro\nLavoratore: {name}\nC.F. {id1}\n"
            "?Nato/a il {dob} a {bp}\nReperibilità: {addr}\nPrognosi dal {from_} al {to}\n"
            "?Diagnosi (solo INPS): {icd}\nDatore di lavoro: {emp}\nMedico curante: dott. {dr}, {practice}, "
            "tel. {phone}\nRif. normativo: {law}"
        ),
        "nl": (
            "Ziekmelding – verzuimregistratie {emp}\nMedewerker: {name}\nGeboortedatum: {dob}\n"
            "Woonadres tijdens ziekte: {addr}\nZiek gemeld op {from_}; verwachte hersteldatum {to}\n"
            "?BSN (alleen voor arbodienst): {id1}\nBedrijfsarts: {dr}, {practice}, {phone}\n"
            "Loondoorbetaling volgens {law}.\nLeidinggevende: {boss}, {bossph}\n"
            "Contact tijdens ziekte via {email} of {mobile}."
        ),
    }[lang]
    boss = g.person()
    v.update(
        boss=g.name(boss, "full", "init"),
        bossph=g.phone(False, ext=True),
        email=g.email(p),
        mobile=g.phone(True),
    )
    v["kk"] = r.choice(["AOK Bayern", "Techniker Krankenkasse", "IKK classic", "BKK Linde"])
    v["idl"] = "DNI/NIE"
    v["bp"] = p.birthplace
    d.fill(r, tpl, **v)


def s_sepa_mandate(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person()
    co = r.choice(COMPANIES[lang])
    v = dict(
        co=co,
        caddr=g.addr(False),
        cred=creditor_id(g),
        mref=g.ref("reference_number", "MR-"),
        name=g.name(p, "full", "caps_sur", "comma"),
        addr=g.addr(False),
        iban=g.iban(),
        date=g.date(),
        bic=r.choice(
            {
                "de": ["COBADEFFXXX", "GENODEF1S04"],
                "fr": ["BNPAFRPPXXX", "CCBPFRPPNAN"],
                "es": ["CAIXESBBXXX", "BBVAESMMXXX"],
                "it": ["UNCRITMMXXX", "BCITITMM"],
                "nl": ["RABONL2U", "ABNANL2A"],
                "en": ["NWBKGB2L"],
            }[lang]
        ),
        email=g.email(p),
        phone=g.phone(),
        sig=g.name(p, "caps", "full"),
        reg=company_reg(g),
        cust=g.ref("reference_number", ""),
        dob=g.dob(p),
    )
    tpl = {
        "de": (
            "SEPA-Lastschriftmandat\nZahlungsempfänger: {co}, {caddr}\nGläubiger-Identifikationsnummer: "
            "{cred}\n"
            "Mandatsreferenz: {mref}\nIch ermächtige {co2}, Zahlungen von meinem Konto mittels Lastschrift "
            "einzuziehen.\nKontoinhaber: {name}\nAnschrift: {addr}\nIBAN: {iban}\nBIC: {bic}\n"
            "?Geburtsdatum (Bonitätsprüfung): {dob}\n?E-Mail für Vorabinformation: {email}\n"
            "Ort, Datum: {date}   Unterschrift: {sig}"
        ),
        "fr": (
            "MANDAT DE PRÉLÈVEMENT SEPA\nCréancier : {co}, {caddr}\nICS : {cred}\nRUM : {mref}\n"
            "En signant ce formulaire, vous autorisez {co2} à envoyer des instructions à votre banque.\n"
            "Débiteur : {name}\nAdresse : {addr}\nIBAN : {iban}   BIC : {bic}\n?Courriel : {email}\n"
            "Fait le {date}. Signature : {sig}"
        ),
        "es": (
            "ORDEN DE DOMICILIACIÓN DE ADEUDO DIRECTO SEPA\nAcreedor: {co}, {caddr}\nIdentificador: {cred}\n"
            "Referencia de la orden: {mref}\nTitular de la cuenta: {name}\nDirección: {addr}\nIBAN: {iban}\n"
            "BIC: {bic}\n?Teléfono: {phone}\nNº de cliente {cust}\nFecha: {date} – Firma: {sig}"
        ),
        "it": (
            "MANDATO PER ADDEBITO DIRETTO SEPA\nCreditore: {co} – {caddr}\nCodice identificativo: {cred}\n"
            "Riferimento mandato: {mref}\nIntestatario del conto: {name}\nIndirizzo: {addr}\nIBAN {iban}\n"
            "?Cellulare: {phone}\nCodice cliente {cust}\nLuogo e data: {date} – Firma: {sig}"
        ),
        "nl": (
            "DOORLOPENDE MACHTIGING SEPA\nIncassant: {co}, {caddr}\nIncassant-ID: {cred}\nKenmerk "
            "machtiging: "
            "{mref}\nDoor ondertekening geeft u toestemming aan {co2} om doorlopend bedragen af te "
            "schrijven.\n"
            "Naam: {name}\nAdres: {addr}\nIBAN: {iban}\n?E-mail: {email}\nDatum: {date}   Handtekening: {sig}"
        ),
    }[lang]
    v["co2"] = co
    d.fill(r, tpl, **v)


def s_eob_statement(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    if lang == "en":
        g.us = True
    p = g.person()
    dep = g.child() if r.random() < 0.4 else p
    co = r.choice(COMPANIES[lang])
    v = dict(
        co=co,
        pobox=po_box(g),
        name=g.name(p, "caps", "full"),
        addr=lines(g.addr(True)),
        pat=g.name(dep, "full", "caps_sur", "comma"),
        dob=g.dob(dep),
        claim=g.ref("claim_number", ""),
        pol=g.ref("policy_number", ""),
        date=g.date(),
        svc=g.date(),
        billed=g.amount(80, 4000),
        paid=g.amount(40, 3000),
        owe=g.amount(10, 900),
        prov=g.name(g.person(), "full", "init"),
        inst=g.pick("institution", INSTITUTIONS),
        icd=g.pick("icd_code", ICD),
        phone=g.phone(False),
        law=law(g, "health_us" if lang == "en" else "health"),
        drug=g.pick("drug_dosage", DRUGS),
        iban=g.iban(),
        mid=E("MEDICAL_RECORD_NUMBER", g.mrn().text),
    )
    if lang == "en":
        v.update(ssn=g.ssn(), acct=g.last4())
        tpl = (
            "{co}\n{pobox}\nEXPLANATION OF BENEFITS – THIS IS NOT A BILL\nStatement date: "
            "{date}\n{name}\n{addr}\n"
            "Member ID {pol}   Claim # {claim}\nPatient: {pat}   DOB {dob}\n?Subscriber SSN on file: {ssn}\n"
            "Provider: Dr. {prov}, {inst} – patient acct {mid}\nService date {svc}  Dx {icd}\n"
            "Amount billed {billed}  Plan paid {paid}  You may owe {owe}\n"
            "Appeal rights under {law}. Questions? Call {phone}."
        )
    else:
        tpl = {
            "de": (
                "{co} · {pobox}\n{name}\n{addr}\nLeistungsabrechnung vom {date}\nVersicherungsnummer {pol}\n"
                "Vorgang {claim}\nBehandelte Person: {pat}, geb. {dob}\nRechnung von Dr. {prov} ({inst}), "
                "Pat.-Nr. {mid}, Behandlung am {svc}, Diagnose {icd}\nRechnungsbetrag {billed}, erstattet "
                "{paid}, "
                "Selbstbehalt {owe}\nDie Erstattung wird auf {iban} überwiesen.\n?Arzneimittel: {drug}\n"
                "Fragen: {phone}"
            ),
            "fr": (
                "{co} — {pobox}\n{name}\n{addr}\nDécompte de remboursement du {date}\nN° adhérent {pol}\n"
                "Bénéficiaire : {pat}, né(e) le {dob}\nActe du {svc} — Dr {prov}, {inst} (IPP {mid})\n"
                "Dépense {billed} ; part mutuelle {paid} ; reste à charge {owe}\nVirement sur {iban}\n"
                "?Médicament : {drug}\nRéf. dossier {claim} — {phone}"
            ),
            "nl": (
                "{co} · {pobox}\n{name}\n{addr}\nDeclaratieoverzicht {date}\nPolisnummer {pol} · declaratie "
                "{claim}\n"
                "Verzekerde: {pat}, geb. {dob}\nZorgverlener: dr. {prov}, {inst} (patiëntnr. {mid})\n"
                "Behandeldatum {svc}, diagnosecode {icd}\nIngediend {billed}, vergoed {paid}, eigen risico "
                "{owe}\n"
                "Uitbetaald op {iban}.\n?Vragen: {phone}"
            ),
        }[lang]
    d.fill(r, tpl, **v)


def s_mortgage_offer(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    g.us = False
    a, b = g.person(25, 60), g.person(25, 60)
    co = r.choice(COMPANIES[lang])
    v = dict(
        co=co,
        caddr=g.addr(False),
        date=g.date(),
        a=g.name(a, "full", "caps"),
        b=g.name(b, "full", "caps"),
        addr=lines(g.addr(True)),
        prop=g.addr(False),
        loan=g.amount(90000, 600000),
        val=g.amount(150000, 900000),
        rate=f"{r.randint(2, 5)}.{r.randint(10, 99)}%",
        ref=g.ref("reference_number", ""),
        adob=g.dob(a),
        bdob=g.dob(b),
        aid=g.natid(a)[0][1],
        bid=g.natid(b)[0][1],
        iban=g.iban(),
        law=law(g, "finance"),
        broker=g.name(g.person(), "full", "init"),
        phone=g.phone(False),
        email=g.email(a),
        reg=company_reg(g),
        expiry=g.date(),
        first=E("PERSON", a.given),
    )
    tpl = {
        "en": (
            "{co}\n{caddr}\nMORTGAGE OFFER   Ref {ref}   Issued {date}\nApplicants: {a} (DOB {adob}, "
            "NI {aid}) and {b} (DOB {bdob}, NI {bid})\nCorrespondence address:\n{addr}\n"
            "Property: {prop}\nLoan amount {loan} "
            "against a "
            "valuation of {val}; initial rate {rate} fixed for 5 years.\nMonthly payments will be collected "
            "from "
            "{iban}.\nThis offer expires on {expiry}.\n?Adviser: {broker}, {phone}\n{reg}"
        ),
        "es": (
            "{co}\n{caddr}\nOFERTA VINCULANTE DE PRÉSTAMO HIPOTECARIO – ref. {ref} – {date}\n"
            "Prestatarios: {a} (DNI/NIE {aid}) y {b} (DNI/NIE {bid})\nDomicilio a efectos de "
            "notificaciones:\n"
            "{addr}\nFinca hipotecada: {prop}\nCapital: {loan}; tasación {val}; tipo inicial {rate}\n"
            "Cuenta de cargo: {iban}\nInformación conforme a la {law}. Validez hasta el {expiry}.\n"
            "?Gestor: {broker} · {phone}"
        ),
        "it": (
            "{co}\nSede: {caddr}\nPROPOSTA DI MUTUO IPOTECARIO n. {ref} del {date}\nMutuatari: {a}, C.F. "
            "{aid}; "
            "{b}, C.F. {bid}\nResidenza:\n{addr}\nImmobile: {prop}\nImporto {loan}, valore di perizia {val}, "
            "TAN {rate}\nAddebito rate su {iban}\nOfferta valida fino al {expiry} ({law}).\n"
            "?Consulente: {broker}, {phone}"
        ),
        "nl": (
            "{co}\n{caddr}\nHYPOTHEEKOFFERTE {ref} – {date}\nAanvragers: {a} (geb. {adob}) en {b} "
            "(geb. {bdob})\nCorrespondentieadres:\n{addr}\nOnderpand: {prop}\nLening {loan}, marktwaarde "
            "{val}, "
            "rente {rate} 10 jaar vast\nIncasso van {iban}\nGeldig tot {expiry} ({law}).\n"
            "?Adviseur: {broker}, {phone} – {email}\n{reg}"
        ),
    }[lang]
    if lang in ("it", "nl"):
        v["rate"] = v["rate"].replace(".", ",")
    d.fill(r, tpl, **v)


def s_customs_declaration(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    s_, rc = g.person(), g.person()
    v = dict(
        sname=g.name(s_, "caps", "full"),
        saddr=g.addr(False),
        sphone=g.phone(),
        semail=g.email(s_),
        rname=g.name(rc, "caps", "full", "caps_sur"),
        raddr=lines(g.addr(True)),
        rphone=g.phone(True),
        track=ff(g, "tracking"),
        hs=ff(g, "tariff"),
        hs2=ff(g, "tariff"),
        val=g.amount(10, 400),
        val2=g.amount(5, 200),
        date=g.date(),
        brand=g.pick("brand", BRANDS),
        sku=ff(g, "sku"),
        law=law(g, "customs"),
        inv=g.ref("invoice_number", ""),
        rid=g.natid(rc)[0][1],
    )
    tpl = {
        "en": (
            "CUSTOMS DECLARATION CN23\nItem no. {track}\nFrom: {sname}\n{saddr}\nTel {sphone} / {semail}\n"
            "To: {rname}\n{raddr}\nTel {rphone}\nContents: 1 x {brand} shirt ({sku}), HS {hs}, value {val}\n"
            "1 x books, HS {hs2}, value {val2}\nCategory: gift   Commercial invoice {inv}\n"
            "Date: {date}   Sender's signature: {sig}\n?Import duties prepaid with card {cardfull}"
        ),
        "de": (
            "ZOLLINHALTSERKLÄRUNG CN 23\nSendungsnummer {track}\nAbsender: {sname}, {saddr}\nTel. {sphone}\n"
            "Empfänger: {rname}\n{raddr}\nTel. {rphone}\n?Steuer-ID Empfänger: {rid}\n"
            "Inhalt: Bekleidung {brand} ({sku}), Zolltarifnr. {hs}, Wert {val}\nBücher, Zolltarifnr. {hs2}, "
            "Wert {val2}\nArt: Geschenk – Rechnung {inv}\nDatum {date}, Unterschrift {sig}\nGemäß {law}."
            "\n?Einfuhrabgaben vorab bezahlt mit Karte {cardfull}"
        ),
        "es": (
            "DECLARACIÓN EN ADUANA CN23\nEnvío nº {track}\nRemitente: {sname} – {saddr} – {semail}\n"
            "Destinatario: {rname}\n{raddr}\nTeléfono {rphone}\n{idl}: {rid}\n"
            "Contenido: prendas {brand} ({sku}), partida arancelaria {hs}, valor {val}\n"
            "libros, partida {hs2}, valor {val2}\nNaturaleza: regalo – factura {inv}\nFecha {date} – firma "
            "{sig}\n?Aranceles pagados por adelantado con tarjeta {cardfull}"
        ),
        "it": (
            "DICHIARAZIONE DOGANALE CN23\nSpedizione n. {track}\nMittente: {sname}, {saddr}, tel. {sphone}\n"
            "Destinatario: {rname}\n{raddr}\nCell. {rphone}\nC.F. destinatario: {rid}\n"
            "Contenuto: abbigliamento {brand} ({sku}), voce doganale {hs}, valore {val}\n"
            "libri, voce {hs2}, valore {val2}\nNatura: regalo – fattura {inv}\nData {date} – firma {sig}"
            "\n?Dazi pagati in anticipo con carta {cardfull}"
        ),
    }[lang]
    v["sig"] = g.name(s_, "sur", "init")
    v["idl"] = "DNI/NIE"
    v["cardfull"] = g.card()
    d.fill(r, tpl, **v)


def s_fixed_width_report(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    hdr = {
        "en": ("MEMBERS EXTRACT", "SURNAME", "FORENAME", "DOB", "POSTCODE/ZIP", "PHONE"),
        "de": ("MITGLIEDERAUSZUG", "NAME", "VORNAME", "GEB.", "ORT", "TELEFON"),
        "it": ("ESTRAZIONE ASSISTITI", "COGNOME", "NOME", "NATO IL", "INDIRIZZO", "TELEFONO"),
        "nl": ("LEDENOVERZICHT", "ACHTERNAAM", "VOORNAAM", "GEB.DAT", "ADRES", "TELEFOON"),
    }[lang]
    delim = r.choice(["|", ";", "\t", "  "])
    d.add(f"{hdr[0]} – RUN ", g.date(), f" – PAGE {r.randint(1, 40)}\n")
    merged = delim.strip() == ""
    cols = ["ID", f"{hdr[1]}, {hdr[2]}" if merged else hdr[1], *([] if merged else [hdr[2]]), *hdr[3:]]
    d.add(delim.join(cols), "\n")
    n = r.randint(3, 5)
    for _ in range(n):
        p = g.person()
        sur = E("PERSON", p.surname.upper())
        giv = E("PERSON", p.given.upper() if r.random() < 0.5 else p.given)
        row_id = g.ref("reference_number", r.choice(["M", "", "A-"]))
        name = [E("PERSON", f"{p.surname.upper()}, {giv.text}")] if merged else [sur, delim, giv]
        d.add(row_id, delim, name, delim, g.dob(p), delim, g.addr(False), delim, g.phone(), "\n")
    d.add({"en": "RECORDS: ", "de": "DATENSÄTZE: ", "it": "RECORD: ", "nl": "REGELS: "}[lang], str(n))
    if r.random() < 0.6:
        d.add(
            " – ",
            {"en": "CONTACT ", "de": "ANSPRECHPARTNER ", "it": "REFERENTE ", "nl": "CONTACT "}[lang],
            g.name(g.person(), "handle"),
            " ",
            g.phone(False, ext=True),
        )


def s_vaccination_record(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    g.us = False
    p = g.child() if r.random() < 0.5 else g.person()
    parent, nurse = g.person(25, 50), g.person()
    v = dict(
        name=g.name(p, "full", "caps_sur", "comma"),
        dob=g.dob(p),
        addr=g.addr(False),
        parent=g.name(parent, "full"),
        pphone=g.phone(True),
        d1=g.date(),
        d2=g.date(),
        d3=g.date(),
        atc=g.pick("atc_code", ATC),
        lot=g.ref("reference_number", ""),
        nurse=g.name(nurse, "init", "full"),
        inst=g.pick("institution", INSTITUTIONS),
        law=law(g, "health"),
        email=g.email(parent),
        mrn=g.mrn(),
        epo=g.pick("medical_eponym", EPONYMS),
    )
    if lang == "en":
        v["nhs"] = g.nhs()
        tpl = (
            "IMMUNISATION RECORD – {inst}\nName: {name}\nNHS No: {nhs}\nDate of birth: {dob}\nAddress: "
            "{addr}\n"
            "Hospital no. {mrn}\nParent/carer: {parent}, {pphone}\n"
            "Date        Vaccine                    Batch\n{d1}  MMR (ATC {atc})   {lot}\n"
            "{d2}  Influenza, nasal             {lot2}\n?{d3}  Hepatitis B                  {lot3}\n"
            "Given by: {nurse}\n?Note: history of {epo}; no contraindication."
        )
    elif lang == "de":
        v["kvnr"] = g.kvnr()
        tpl = (
            "Impfausweis – Auszug ({inst})\nName: {name}\ngeb.: {dob}\nAnschrift: {addr}\n"
            "Versichertennummer: {kvnr}\n?Erziehungsberechtigt: {parent}, {pphone}\n"
            "Datum | Impfstoff | Ch.-B.\n{d1} | Masern-Mumps-Röteln ({atc}) | {lot}\n{d2} | "
            "Tetanus/Diphtherie "
            "| {lot2}\n{d3} | FSME | {lot3}\nImpfnachweis gemäß {law}. Arzt/Ärztin: {nurse}\n"
            "?Patientennr. der Praxis: {mrn}\nErinnerung an: {email}"
        )
    else:
        v["nir"] = g.nir(p)
        tpl = (
            "Carnet de vaccination — extrait ({inst})\nNom : {name}\nNé(e) le : {dob}\nAdresse : {addr}\n"
            "N° de sécurité sociale : {nir}\n?Représentant légal : {parent}, {pphone}, {email}\n"
            "Date ; Vaccin ; Lot\n{d1} ; ROR ({atc}) ; {lot}\n{d2} ; DTCaP ; {lot2}\n?{d3} ; Hépatite B ; "
            "{lot3}\n"
            "Vaccinateur : {nurse}\nDossier patient n° {mrn}\nProchain rappel prévu le {d4}"
        )
    v["d4"] = g.date()
    v["lot2"] = g.ref("reference_number", "")
    v["lot3"] = g.ref("reference_number", "")
    d.fill(r, tpl, **v)


def s_court_summons(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    if lang == "en":
        g.us = True
    p = g.person()
    clerk = g.person()
    v = dict(
        name=g.name(p, "caps", "full"),
        addr=lines(g.addr(True)),
        case=g.ref("case_number", ""),
        date=g.date(),
        hearing=g.date(),
        dob=g.dob(p),
        clerk=g.name(clerk, "full", "init"),
        phone=g.phone(False, ext=r.random() < 0.5),
        law=law(g, "court"),
        email=g.email(p),
        cid=g.natid(p)[0][1],
        cref=g.ref("reference_number", ""),
        addr1=g.addr(False),
    )
    tpl = {
        "en": (
            "UNITED STATES DISTRICT COURT – SUMMONS FOR JURY SERVICE\nJuror No. {cref}\n{name}\n{addr}\n"
            "You are summoned to appear on {hearing} at 8:30 a.m. Complete the questionnaire within 10 days "
            "of {date}.\nOn file: date of birth {dob}; SSN {cid}.\n?Email on record: {email}\n"
            "Failure to appear may be punished under {law}.\nJury Administrator: {clerk}, {phone}"
        ),
        "fr": (
            "TRIBUNAL JUDICIAIRE — CONVOCATION\nRG n° {case}\nDestinataire : {name}\n{addr}\n"
            "Vous êtes convoqué(e) à l'audience du {hearing} à 14 heures, en qualité de témoin.\n"
            "Identité : né(e) le {dob} à {bp}\nFait le {date}. Le greffier, {clerk}\n"
            "Renseignements : {phone} ou {cemail}\nSignification à domicile : {addr1}\nArticle applicable : "
            "{law}"
        ),
        "es": (
            "JUZGADO DE PRIMERA INSTANCIA – CÉDULA DE CITACIÓN\nProcedimiento {case}\nCitado/a: {name}, "
            "{idl} {cid}\nDomicilio: {addr1}\nDeberá comparecer el {hearing} a las 10:00 horas "
            "({law}).\n?Fecha de nacimiento: {dob}\nEn {city}, a {date}. La Letrada de la Administración de "
            "Justicia, {clerk}\nTeléfono del juzgado: {phone}"
        ),
        "it": (
            "TRIBUNALE ORDINARIO – ATTO DI CITAZIONE TESTIMONIALE\nR.G. {case}\nSi cita {name}, nato/a a "
            "{bp} il {dob}, C.F. {cid}, residente in {addr1},\na comparire all'udienza del {hearing} "
            "({law}).\n"
            "In caso di impedimento contattare la cancelleria al {phone} o scrivere a {cemail}.\n"
            "Notifica a mezzo PEC all'indirizzo {email}.\nData: {date}\nIl cancelliere, {clerk}"
        ),
    }[lang]
    v["bp"] = p.birthplace
    v["cemail"] = g.email(
        None, {"en": "uscourts.gov", "fr": "justice.fr", "es": "justicia.es", "it": "giustizia.it"}[lang]
    )
    v["idl"] = "DNI/NIE"
    v["city"] = r.choice([t[0] for t in TOWNS["es"]])
    d.fill(r, tpl, **v)


def s_hotel_registration(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person()
    comp = g.person()
    doc_no = {
        "de": g.steuer,
        "fr": lambda: g.nir(p),
        "es": lambda: g.nie() if r.random() < 0.3 else g.dni(),
        "it": lambda: g.cf(p),
    }[lang]()
    v = dict(
        hotel=r.choice(
            {
                "de": ["Hotel Zur Linde", "Seehotel Anker"],
                "fr": ["Hôtel des Voyageurs", "Auberge du Lac"],
                "es": ["Hostal La Parra", "Hotel Mirador del Sur"],
                "it": ["Albergo Stella Alpina", "Hotel Bellavista"],
            }[lang]
        ),
        haddr=g.addr(False),
        arr=g.date(),
        dep=g.date(),
        room=str(r.randint(101, 420)),
        sur=E("PERSON", p.surname.upper()),
        giv=E("PERSON", p.given),
        dob=g.dob(p),
        addr=g.addr(False),
        idn=doc_no,
        flight=ff(g, "flight"),
        comp=g.name(comp, "full", "caps"),
        cdob=g.dob(comp),
        pnr=ff(g, "pnr"),
        card=g.card() if r.random() < 0.5 else g.last4(),
        phone=g.phone(True),
        email=g.email(p),
        sig=g.name(p, "sur", "full"),
        law=law(g, "hotel"),
        bp=p.birthplace or r.choice(TOWNS[lang])[0],
    )
    tpl = {
        "de": (
            "{hotel} · {haddr}\nMeldeschein für Beherbergungsstätten\nAnreise {arr} – Abreise {dep} – Zimmer "
            "{room}\nFamilienname: {sur}\nVorname: {giv}\nGeburtsdatum: {dob}\nAnschrift: {addr}\n"
            "?Steuer-ID (nur Geschäftsreise): {idn}\nMitreisende: {comp}, geb. {cdob}\n"
            "?Anreise mit Flug {flight}\nBuchungscode {pnr} · Kreditkarte {card}\nTel. {phone} · "
            "{email}\nUnterschrift: {sig}\n"
            "Aufbewahrung nach {law}."
        ),
        "fr": (
            "{hotel} — {haddr}\nFICHE INDIVIDUELLE DE POLICE\nArrivée le {arr} — départ le {dep} — ch. "
            "{room}\n"
            "NOM : {sur}\nPrénom : {giv}\nNé(e) le {dob} à {bp}\nDomicile : {addr}\n?N° SS (prise en charge "
            "employeur) : {idn}\nAccompagnant : {comp}\n?Arrivée par le vol {flight}\nRéservation {pnr} — "
            "carte {card}\n{phone} / {email}\n"
            "Signature : {sig}"
        ),
        "es": (
            "{hotel} · {haddr}\nPARTE DE ENTRADA DE VIAJEROS\nEntrada {arr} · salida {dep} · hab. {room}\n"
            "Apellidos: {sur}\nNombre: {giv}\nFecha de nacimiento: {dob}\nDocumento: {idn}\n"
            "Domicilio: {addr}\nAcompañante: {comp} (nac. {cdob})\n?Llegada en vuelo {flight}\nLocalizador "
            "{pnr} · tarjeta {card}\n"
            "Tel. {phone} · {email}\nFirma: {sig}"
        ),
        "it": (
            "{hotel} – {haddr}\nSCHEDULA DI NOTIFICAZIONE ALLOGGIATI\nArrivo {arr} – partenza {dep} – camera "
            "{room}\nCognome: {sur}\nNome: {giv}\nNato/a il {dob} a {bp}\nCodice fiscale: {idn}\n"
            "Residenza: {addr}\nAccompagnatore: {comp}, nato/a il {cdob}\n?Arrivo con volo "
            "{flight}\nPrenotazione {pnr} – carta {card}\n"
            "Cell. {phone} – {email}\nComunicazione ai sensi dell'{law}. Firma: {sig}"
        ),
    }[lang]
    d.fill(r, tpl, **v)


def s_pension_statement(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    p = g.person(35, 66)
    co = r.choice(COMPANIES[lang])
    v = dict(
        co=co,
        pobox=po_box(g),
        name=g.name(p, "full", "caps", "caps_sur"),
        addr=lines(g.addr(True)),
        date=g.date(),
        dob=g.dob(p),
        id1=g.natid(p)[1 if lang == "de" else 0][1],
        amt=g.amount(400, 2400),
        amt2=g.amount(20000, 250000),
        phone=g.phone(False),
        law=law(g, "pension"),
        ref=g.ref("reference_number", ""),
        email=g.email(p),
        amt3=g.amount(2000, 20000),
        retire=g.date(year=2026 + r.randint(2, 25)),
    )
    tpl = {
        "de": (
            "{co} · {pobox}\n{name}\n{addr}\nRenteninformation {date}\nVersicherungsnummer: {id1}\n"
            "Geburtsdatum: {dob}\nIhre Regelaltersrente beginnt am {retire}. Bei gleichbleibenden Beiträgen "
            "erhalten Sie voraussichtlich {amt} monatlich.\nBisher erworbener Anspruch: {amt2}\n"
            "Rechtsgrundlage: {law}\nKontakt: {phone} – Zeichen {ref}"
        ),
        "fr": (
            "{co} — {pobox}\n{name}\n{addr}\nRelevé de situation individuelle au {date}\n"
            "N° de sécurité sociale : {id1}\nDate de naissance : {dob}\nÂge de départ possible : {retire}\n"
            "Montant estimé de votre retraite : {amt} brut par mois\nCapital épargne retraite : {amt2}\n"
            "Contact : {phone} — réf. {ref}\nCorrespondance : {email}\nRéférences : {law}"
        ),
        "nl": (
            "{co} · {pobox}\n{name}\n{addr}\nUniform Pensioenoverzicht {date}\nBSN: {id1}\nGeboortedatum: "
            "{dob}\n"
            "Uw pensioen gaat in op {retire}. Verwacht bruto pensioen: {amt} per maand.\n"
            "Opgebouwde waarde: {amt2}\nPartnerpensioen bij overlijden: {amt3} per jaar\n"
            "Dit overzicht volgt uit de {law}.\nVragen: {phone} of {email}, o.v.v. relatienummer {ref}."
        ),
    }[lang]
    d.fill(r, tpl, **v)


def s_phone_directory(g: Gen, d: Doc) -> None:
    r, lang = g.r, g.lang
    co = r.choice(COMPANIES[lang])
    org = r.choice(EMAIL_ORG[lang])
    head = {
        "en": ("Internal phone list", "Name", "Extension / mobile", "Switchboard"),
        "es": ("Directorio telefónico interno", "Nombre", "Extensión / móvil", "Centralita"),
        "fr": ("Annuaire interne", "Nom", "Poste / portable", "Standard"),
    }[lang]
    d.add(f"{co} – {head[0]} (", g.date(), ")\n", head[3], ": ", g.phone(False), " · ", g.addr(False), "\n")
    d.add(f"{head[1]} | {head[2]} | e-mail\n")
    for _ in range(r.randint(4, 6)):
        p = g.person()
        form = r.choice(["comma", "caps_sur", "full", "init"])
        ext = {"en": "x", "es": "ext. ", "fr": "poste "}[lang]
        d.add(
            g.name(p, form),
            " | ",
            f"{ext}{r.randint(200, 899)}",
            " / ",
            g.phone(True),
            " | ",
            g.email(p, org),
            "\n",
        )
    d.add(
        {"en": "Out of hours: ", "es": "Urgencias fuera de horario: ", "fr": "Astreinte : "}[lang],
        g.name(g.person(), "nick", "given"),
        " ",
        g.phone(True),
    )


# ---------------------------------------------------------------------------------------------------------
# Allocation, generation, self-check, counts.
# ---------------------------------------------------------------------------------------------------------
SHAPES = {
    "payslip": s_payslip,
    "teams_export": s_teams_export,
    "xml_payload": s_xml_payload,
    "vcard": s_vcard,
    "parking_fine": s_parking_fine,
    "handover_note": s_handover_note,
    "probate_letter": s_probate_letter,
    "utility_bill": s_utility_bill,
    "sick_note": s_sick_note,
    "sepa_mandate": s_sepa_mandate,
    "eob_statement": s_eob_statement,
    "mortgage_offer": s_mortgage_offer,
    "customs_declaration": s_customs_declaration,
    "fixed_width_report": s_fixed_width_report,
    "vaccination_record": s_vaccination_record,
    "court_summons": s_court_summons,
    "hotel_registration": s_hotel_registration,
    "pension_statement": s_pension_statement,
    "phone_directory": s_phone_directory,
}
PLAN = {
    "en": [
        "payslip",
        "teams_export",
        "xml_payload",
        "vcard",
        "parking_fine",
        "handover_note",
        "probate_letter",
        "eob_statement",
        "mortgage_offer",
        "customs_declaration",
        "fixed_width_report",
        "vaccination_record",
        "court_summons",
        "phone_directory",
    ],
    "de": [
        "payslip",
        "teams_export",
        "xml_payload",
        "vcard",
        "parking_fine",
        "handover_note",
        "probate_letter",
        "utility_bill",
        "sick_note",
        "sepa_mandate",
        "eob_statement",
        "customs_declaration",
        "fixed_width_report",
        "vaccination_record",
        "hotel_registration",
        "pension_statement",
    ],
    "fr": [
        "payslip",
        "teams_export",
        "xml_payload",
        "vcard",
        "parking_fine",
        "handover_note",
        "probate_letter",
        "utility_bill",
        "sick_note",
        "sepa_mandate",
        "eob_statement",
        "vaccination_record",
        "court_summons",
        "hotel_registration",
        "pension_statement",
        "phone_directory",
    ],
    "es": [
        "payslip",
        "teams_export",
        "xml_payload",
        "vcard",
        "parking_fine",
        "handover_note",
        "probate_letter",
        "utility_bill",
        "sick_note",
        "sepa_mandate",
        "mortgage_offer",
        "customs_declaration",
        "court_summons",
        "hotel_registration",
        "phone_directory",
    ],
    "it": [
        "payslip",
        "teams_export",
        "xml_payload",
        "vcard",
        "parking_fine",
        "handover_note",
        "probate_letter",
        "utility_bill",
        "sick_note",
        "sepa_mandate",
        "mortgage_offer",
        "customs_declaration",
        "fixed_width_report",
        "court_summons",
        "hotel_registration",
    ],
    "nl": [
        "payslip",
        "teams_export",
        "xml_payload",
        "vcard",
        "parking_fine",
        "handover_note",
        "probate_letter",
        "utility_bill",
        "sick_note",
        "sepa_mandate",
        "eob_statement",
        "mortgage_offer",
        "fixed_width_report",
        "pension_statement",
    ],
}
MIN_LEN, MAX_LEN = 400, 1000


def generate() -> list[dict]:
    docs = []
    for li, lang in enumerate(LANGS):
        rng = random.Random(SEED * 10 + li)
        g = Gen(lang, rng)
        shapes = PLAN[lang]
        kinds = [shapes[i % len(shapes)] for i in range(PER_LANG)]
        rng.shuffle(kinds)
        for i, kind in enumerate(kinds):
            for _attempt in range(60):
                g.us = lang == "en" and rng.random() < 0.5
                d = Doc()
                SHAPES[kind](g, d)
                if MIN_LEN <= len(d.text) <= MAX_LEN:
                    break
            else:
                raise RuntimeError(f"{lang} {kind}: no document within {MIN_LEN}-{MAX_LEN} characters")
            docs.append(
                {
                    "id": f"{lang}-{i + 1:04d}",
                    "lang": lang,
                    "kind": kind,
                    "text": d.text,
                    "entities": d.entities,
                    "lookalikes": d.lookalikes,
                }
            )
    return docs


def dump(docs: list[dict]) -> str:
    return "".join(json.dumps(x, ensure_ascii=False, sort_keys=False) + "\n" for x in docs)


BAD_EDGE = set(",;:\"'“”«»")


def self_check(docs: list[dict]) -> list[str]:
    errs: list[str] = []
    ids = set()
    per_lang: Counter = Counter()
    kinds_per_lang: dict[str, set] = {}
    for doc in docs:
        did, text = doc["id"], doc["text"]
        if did in ids:
            errs.append(f"{did}: duplicate id")
        ids.add(did)
        per_lang[doc["lang"]] += 1
        kinds_per_lang.setdefault(doc["lang"], set()).add(doc["kind"])
        if not MIN_LEN <= len(text) <= MAX_LEN:
            errs.append(f"{did}: length {len(text)}")
        spans = []
        for e in doc["entities"]:
            spans.append((e["start"], e["end"], e["type"]))
            cat, struct = CATEGORY.get(e["type"], (None, None))
            if (e["category"], e["structured"]) != (cat, struct):
                errs.append(f"{did}: bad category/structured for {e['type']}")
        for la in doc["lookalikes"]:
            spans.append((la["start"], la["end"], "LA:" + la["what"]))
            if la["what"] not in LOOKALIKE_KINDS:
                errs.append(f"{did}: unknown look-alike kind {la['what']}")
        for s, e, t in spans:
            val = text[s:e]
            if not (0 <= s < e <= len(text)):
                errs.append(f"{did}: span out of range {s}-{e}")
                continue
            if val != val.strip():
                errs.append(f"{did}: whitespace at edge of {t} {val!r}")
            if val[0] in BAD_EDGE or val[-1] in BAD_EDGE:
                errs.append(f"{did}: punctuation at edge of {t} {val!r}")
            if val.endswith(".") and t not in ("ADDRESS", "PERSON") and not t.startswith("LA:"):
                errs.append(f"{did}: {t} ends with a full stop {val!r}")
            if val.count("(") != val.count(")") or val.count("[") != val.count("]"):
                errs.append(f"{did}: unbalanced bracket in {t} {val!r}")
            if t.startswith("LA:"):
                if passes_any_id(val):
                    errs.append(f"{did}: look-alike passes an identifier check {val!r}")
            elif not VALIDATOR[t](val):
                errs.append(f"{did}: {t} fails validator {val!r}")
        spans.sort()
        for (s1, e1, t1), (s2, e2, t2) in itertools.pairwise(spans):
            if s2 < e1:
                errs.append(f"{did}: overlap {t1} {text[s1:e1]!r} / {t2} {text[s2:e2]!r}")
            if t1 == t2 == "PERSON" and text[e1:s2].strip() == "":
                errs.append(f"{did}: split PERSON {text[s1:e2]!r}")
    for lang in LANGS:
        if per_lang[lang] != PER_LANG:
            errs.append(f"{lang}: {per_lang[lang]} documents")
        if len(kinds_per_lang.get(lang, ())) < 12:
            errs.append(f"{lang}: only {len(kinds_per_lang.get(lang, ()))} shapes")
    return errs


def table(docs: list[dict], key) -> str:
    counts: dict[str, Counter] = {}
    for doc in docs:
        for k in key(doc):
            counts.setdefault(k, Counter())[doc["lang"]] += 1
    rows = ["| | " + " | ".join(LANGS) + " | total |", "|---|" + "---|" * (len(LANGS) + 1)]
    tot: Counter = Counter()
    for k in sorted(counts):
        c = counts[k]
        tot.update(c)
        rows.append(
            f"| {k} | " + " | ".join(str(c[x]) if c[x] else "–" for x in LANGS) + f" | {sum(c.values())} |"
        )
    rows.append("| **total** | " + " | ".join(str(tot[x]) for x in LANGS) + f" | {sum(tot.values())} |")
    return "\n".join(rows)


def report(docs: list[dict]) -> None:
    lens = sorted(len(x["text"]) for x in docs)
    n_ent = sum(len(x["entities"]) for x in docs)
    n_la = sum(len(x["lookalikes"]) for x in docs)
    obf = sum(
        1
        for x in docs
        for e in x["entities"]
        if e["type"] == "EMAIL_ADDRESS" and "@" not in x["text"][e["start"] : e["end"]]
    )
    print(
        f"{len(docs)} documents, {n_ent} entities, {n_la} look-alikes ({n_la / len(docs):.2f}/doc), "
        f"{obf} obfuscated e-mails; length {lens[0]}-{lens[-1]} (median {lens[len(lens) // 2]})"
    )
    print("\nkind\n" + table(docs, lambda x: [x["kind"]]))
    print("\nentity type\n" + table(docs, lambda x: [e["type"] for e in x["entities"]]))
    print("\nlook-alike\n" + table(docs, lambda x: [la["what"] for la in x["lookalikes"]]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check", action="store_true", help="validate the committed file and compare with a fresh run"
    )
    args = ap.parse_args()
    fresh = generate()
    text = dump(fresh)
    if args.check:
        committed = OUT.read_text(encoding="utf-8")
        docs = [json.loads(x) for x in committed.splitlines()]
        errs = self_check(docs)
        if committed != text:
            errs.append("committed heldout.jsonl differs from a fresh generation")
    else:
        docs = fresh
        errs = self_check(docs)
        if not errs:
            OUT.write_text(text, encoding="utf-8")
    report(docs)
    if errs:
        print(f"\nSELF-CHECK FAILED: {len(errs)} problem(s)", file=sys.stderr)
        for e in errs[:60]:
            print("  " + e, file=sys.stderr)
        return 1
    print(
        "\nself-check OK"
        + (" (byte-identical to a fresh generation)" if args.check else f"; wrote {OUT.name}")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
