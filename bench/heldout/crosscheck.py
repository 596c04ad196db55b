"""Second opinion on heldout.jsonl with third-party validators (optional; not a project dependency).

`generate.py` validates every identifier with its own check-digit code. This script re-validates them with
independent implementations, so a shared bug in generator and self-check cannot go unnoticed:

- python-stdnum: IBAN, Luhn, Steuer-ID (de.idnr), NIR, DNI, NIE, codice fiscale, BSN, NHS number, SSN;
- phonenumbers (Google's libphonenumber port, installed with Presidio): every phone number must be a valid
  number for the country the document is about (or for the number's own country code).

    pip install --target /tmp/stdnum python-stdnum==1.20
    PYTHONPATH=/tmp/stdnum python bench/heldout/crosscheck.py

Types python-stdnum does not cover (DE_SVNR, DE_KVNR, UK_NINO) are reported as not cross-checked.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

try:
    import phonenumbers
    from stdnum import iban, luhn
    from stdnum.de import idnr
    from stdnum.es import dni, nie
    from stdnum.fr import nir
    from stdnum.gb import nhs
    from stdnum.it import codicefiscale
    from stdnum.nl import bsn
    from stdnum.us import ssn
except ImportError as exc:  # pragma: no cover - optional tooling
    sys.exit(f"crosscheck needs python-stdnum and phonenumbers: {exc}")

SEP = re.compile(r"[\s\u00a0\u202f.\-/]")
REGIONS = {"en": ["GB", "US"], "de": ["DE"], "fr": ["FR"], "es": ["ES"], "it": ["IT"], "nl": ["NL"]}


def compact(s: str) -> str:
    return SEP.sub("", s)


CHECKS: dict[str, Any] = {
    "IBAN_CODE": lambda v: iban.is_valid(compact(v)),
    "CREDIT_CARD": lambda v: luhn.is_valid(compact(v)),
    "DE_STEUER_ID": lambda v: idnr.is_valid(compact(v)),
    "FR_NIR": lambda v: nir.is_valid(compact(v)),
    "ES_DNI": lambda v: dni.is_valid(compact(v)),
    "ES_NIE": lambda v: nie.is_valid(compact(v)),
    "IT_FISCAL_CODE": lambda v: codicefiscale.is_valid(compact(v)),
    "NL_BSN": lambda v: bsn.is_valid(compact(v)),
    "UK_NHS": lambda v: nhs.is_valid(compact(v)),
    "US_SSN": lambda v: ssn.is_valid(compact(v)),
}


def phone_ok(value: str, lang: str) -> bool:
    text = value.replace("(0)", "").replace("\u00a0", " ").replace("\u202f", " ")
    # international numbers must be valid on their own; national ones in the document's country (English
    # documents also quote people living in the other five countries)
    others = ["DE", "FR", "ES", "IT", "NL"] if lang == "en" else []
    regions = [None] if "+" in text else REGIONS[lang] + others
    for region in regions:
        try:
            num = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return True
    return False


def main() -> None:
    path = Path(__file__).with_name("heldout.jsonl")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    ok: collections.Counter[str] = collections.Counter()
    bad: collections.Counter[str] = collections.Counter()
    unchecked: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    for d in docs:
        for e in d["entities"]:
            v = d["text"][e["start"] : e["end"]]
            t = e["type"]
            if t in CHECKS:
                good = CHECKS[t](v)
            elif t == "PHONE_NUMBER":
                good = phone_ok(v, d["lang"])
            else:
                if e["structured"]:
                    unchecked[t] += 1
                continue
            (ok if good else bad)[t] += 1
            if not good and len(examples) < 20:
                examples.append(f"{d['id']} {t} {v!r}")
    for t in sorted(set(ok) | set(bad)):
        print(f"{t:20} valid {ok[t]:5}  invalid {bad[t]:4}")
    print("not cross-checked here:", dict(unchecked))
    for line in examples:
        print("  invalid:", line)
    sys.exit(1 if sum(bad.values()) else 0)


if __name__ == "__main__":
    main()
