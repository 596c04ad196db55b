"""National, tax and health identifiers of European countries, validated by their check digits.

Presidio ships recognisers for some of these (``EsNifRecognizer``, ``ItFiscalCodeRecognizer``,
``UkNinoRecognizer``...) but registers each only for its own language, so an English-language
message quoting a Spanish DNI would not be checked. These finders run on every text whatever its
language, and each candidate must pass the identifier's own checksum:

- UK National Insurance number (no checksum: the letters allowed in the prefix and suffix);
- German Steuer-ID (ISO 7064 mod 11,10 and the digit-repetition rule), Sozialversicherungsnummer
  (weighted digit sum), Krankenversichertennummer (KVNR, Luhn-like weighted sum);
- French NIR / numéro de sécurité sociale (97 - n mod 97);
- Spanish DNI and NIE (the mod-23 letter);
- Italian codice fiscale (the odd/even check character);
- Dutch BSN (the 11-proof);
- NHS number (mod 11);
- IBANs written with dots or dashes between groups (ISO 13616 mod 97).

A checksum leaves some chance that an unrelated number passes (1 in 10 for a Steuer-ID, 1 in 11
for a BSN): identifiers that are plain runs of digits are reported with confidence only next to a
word that names them ("Steuer-ID", "BSN", "NIR", ...) or when written in their usual grouping;
bare, they are weak candidates that count only inside a record of personal data.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from redaction.recognizers import WEAK_SCORE, Candidate, phone_like, record_labelled, table_header

_LOOK_BEHIND = 48


# A key of machine-written text joins its words ("taxId", "nhs_number", "bsnNummer"): read apart, the
# identifier's name stands as a word of its own for the patterns below.
_SNAKE = re.compile(r"_")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _keyish_search(pattern: re.Pattern[str], window: str) -> bool:
    if pattern.search(window) is not None:
        return True
    keyish = _CAMEL.sub(" ", _SNAKE.sub(" ", window))
    return keyish != window and pattern.search(keyish) is not None


def _context(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether the identifier's name stands just before ``start``, or heads its table column."""
    window_start = max(0, start - _LOOK_BEHIND)
    header = table_header(text, start)
    if header is not None:
        if _keyish_search(pattern, header.cell):
            return True
        # A table's header names the columns: one of another column ("Bestelnummer;BSN") is not
        # this cell's. A list of two cells split by commas may be prose, read as before.
        if header.separator != "," or header.columns >= 3:
            window_start = max(window_start, header.end)
    return _keyish_search(pattern, text[window_start:start])


# Digit groups joined by spaces, dots or dashes in any grouping ("3211-46-487", "861 944 532 07",
# "86.194.453.207"): taken only beside the identifier's name, and only when the digits pass its
# checksum. The groups are read from the first, as many as make the identifier's length.
_LOOSE_GROUPS = re.compile(r"(?<![\w\-.,/])\d{1,5}(?:[ .\-]\d{1,5}){1,5}(?![\w\-/]|[.,]\d)")
_GROUP = re.compile(r"\d+")


def _loose(
    text: str,
    length: int,
    valid: Callable[[str], bool],
    context: re.Pattern[str],
    stems: tuple[str, ...],
    taken: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Spans of ``length`` digits in any grouping that pass ``valid`` beside a name of ``context``
    (``stems``: a piece of each of its names, in lower case, for a cheap look first)."""
    found: list[tuple[int, int]] = []
    lowered = text.lower()
    if not any(stem in lowered for stem in stems):
        return found
    for match in _LOOSE_GROUPS.finditer(text):
        digits, end = "", None
        for group in _GROUP.finditer(match.group()):
            digits += group.group()
            if len(digits) >= length:
                end = match.start() + group.end() if len(digits) == length else None
                break
        if end is None or group.start() == 0 or not valid(digits):
            continue
        span = (match.start(), end)
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        if _named_just_before(context, text, match.start()):
            found.append(span)
    return found


def _named_just_before(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """The identifier's name before ``start`` with no other number between them ("Steuer-ID
    28131795049, Auftrag 64-710-325-883": the order number is not named), or heading its column."""
    window_start = max(0, start - _LOOK_BEHIND)
    header = table_header(text, start)
    if header is not None:
        if _keyish_search(pattern, header.cell):
            return True
        if header.separator != "," or header.columns >= 3:
            window_start = max(window_start, header.end)
    window = text[window_start:start]
    for view in (window, _CAMEL.sub(" ", _SNAKE.sub(" ", window))):
        named = [m.end() for m in pattern.finditer(view)]
        if named and not any(c.isdigit() for c in view[named[-1] :]):
            return True
    return False


# How far back the line that asked for an identifier may be: a chat's or a thread's previous message
# ("… im Personalbogen fehlt die Steuer-ID" / "hab ich: 12345678901").
_ASKED_LOOK_BEHIND = 160


def _asked_for(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether the identifier's name stands in one of the three lines before the one holding it."""
    line_start = text.rfind("\n", 0, start)
    if line_start < 0:
        return False
    window_start = max(0, start - _ASKED_LOOK_BEHIND)
    for _ in range(3):
        previous = text.rfind("\n", window_start, line_start)
        if previous < 0:
            break
        line_start = previous
    return pattern.search(text, max(window_start, line_start), start) is not None


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


# --- UK National Insurance number ------------------------------------------------------------------

# First letter: not D, F, I, Q, U, V; second: not D, F, I, O, Q, U, V; prefixes BG, GB, KN, NK, NT, TN,
# ZZ are never issued. Suffix A-D.
_NINO = re.compile(
    r"(?<![\w\-])(?!BG|GB|KN|NK|NT|TN|ZZ)([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \-]?(\d{2})["
    r" \-]?(\d{2})[ \-]?(\d{2})"
    r"[ \-]?([A-D])(?![\w\-])"
)
_NINO_CONTEXT = re.compile(r"(?i:\bni\b|\bnino\b|national\s+insurance|\bnin\b|insurance\s+(?:no|number))")


# Any two letters, six digits and a letter: taken only right after a word naming the number
# (specimen and placeholder prefixes such as "QQ" and "ZZ" are written in forms too).
_NINO_LOOSE = re.compile(r"(?<![\w\-])[A-Z]{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[A-Z](?![\w\-])")


# Beside its name, also with dots or slashes between the groups and in lower case ("ab.12.34.56.c").
_NINO_SEPARATED = re.compile(
    r"\b(?=[A-Za-z]{2}[ \-./]?\d\d)(?<![\-./])(?i:[A-Z]{2})([ \-./]?)\d{2}\1\d{2}\1\d{2}\1(?i:[A-D])"
    r"(?![\w\-/]|\.\w)"
)


def find_uk_ninos(text: str) -> list[Candidate]:
    found = []
    for match in _NINO.finditer(text):
        score = 0.95 if _context(_NINO_CONTEXT, text, match.start()) else 0.85
        found.append(Candidate("UK_NINO", match.start(), match.end(), score))
    for match in _NINO_LOOSE.finditer(text):
        if _context(_NINO_CONTEXT, text, match.start()):
            found.append(Candidate("UK_NINO", match.start(), match.end(), 0.9))
    taken = {(c.start, c.end) for c in found}
    for match in _NINO_SEPARATED.finditer(text):
        if match.span() not in taken and _named_just_before(_NINO_CONTEXT, text, match.start()):
            found.append(Candidate("UK_NINO", match.start(), match.end(), 0.9))
    return found


# --- German Steuer-ID --------------------------------------------------------------------------------

# Not inside a longer number or a path, but after an abbreviated label's period ("IdNr.86095742719").
_STEUER_ID = re.compile(
    r"(?:(?<![\w\-./])|(?<=[^\W\d_]\.))([1-9]\d)[ ]?(\d{3})[ ]?(\d{3})[ ]?(\d{3})(?![\w\-]|[.,/]\d)"
)
_STEUER_CONTEXT = re.compile(
    r"(?i:steuer[\w\-]*|\bst\.?[\- ]?id|\bidnr|identifikationsnummer|\btin\b|tax\s+id|\bid\.?\s*nr)"
)
_STEUER_STEMS = ("steuer", "st", "idnr", "identifikationsnummer", "tin", "tax", "id")


def steuer_id_valid(number: str) -> bool:
    """ISO 7064 MOD 11,10 check digit, and one digit of the first ten repeated twice or three times."""
    if len(number) != 11 or not number.isdigit() or number[0] == "0":
        return False
    counts = sorted((number[:10].count(d) for d in set(number[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    product = 10
    for char in number[:10]:
        total = (int(char) + product) % 10 or 10
        product = (total * 2) % 11
    check = (11 - product) % 10
    return check == int(number[10])


def find_de_tax_ids(text: str) -> list[Candidate]:
    found = []
    for match in _STEUER_ID.finditer(text):
        number = "".join(match.groups())
        if not steuer_id_valid(number):
            continue
        if _context(_STEUER_CONTEXT, text, match.start()):
            found.append(Candidate("DE_TAX_ID", match.start(), match.end(), 0.95))
        elif " " in match.group():
            found.append(Candidate("DE_TAX_ID", match.start(), match.end(), 0.7))
        elif _asked_for(_STEUER_CONTEXT, text, match.start()):
            found.append(Candidate("DE_TAX_ID", match.start(), match.end(), 0.6))
        else:
            found.append(Candidate("DE_TAX_ID", match.start(), match.end(), WEAK_SCORE, weak=True))
    # "86.194.453.207", "861 944 532 07", "58-557-124-063" beside "Steuer-ID" (never with slashes:
    # "12/345/67890" is a Steuernummer's form).
    taken = {(c.start, c.end) for c in found if not c.weak}
    for start, end in _loose(text, 11, steuer_id_valid, _STEUER_CONTEXT, _STEUER_STEMS, taken):
        found.append(Candidate("DE_TAX_ID", start, end, 0.95))
    return found


# --- German social insurance number (Rentenversicherungsnummer) ---------------------------------------

_DE_SVNR = re.compile(r"(?<![\w\-])(\d{2})([ \-]?)(\d{6})\2([A-Z])\2?(\d{2})\2?(\d)(?![\w\-])")


def de_svnr_valid(area: str, birth: str, letter: str, serial: str, check: str) -> bool:
    day, month = int(birth[:2]), int(birth[2:4])
    if not (1 <= day <= 31 or 51 <= day <= 81) or not 1 <= month <= 12:
        return False
    digits = area + birth + f"{ord(letter) - 64:02d}" + serial
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, weights, strict=True))
    return total % 10 == int(check)


def find_de_social_security(text: str) -> list[Candidate]:
    return [
        Candidate("DE_SOCIAL_SECURITY", match.start(), match.end(), 0.9)
        for match in _DE_SVNR.finditer(text)
        if de_svnr_valid(*match.group(1, 3, 4, 5, 6))
    ]


# --- German health insurance number (KVNR) ---------------------------------------------------------

_KVNR = re.compile(r"(?<![\w\-])([A-Z])[ ]?(\d{8})[ ]?(\d)(?![\w\-])")
_KVNR_CONTEXT = re.compile(r"(?i:kvnr|versicherten|krankenversich|kranken[\w]*kasse|\bkv[\- ]?nr|insurance)")


def kvnr_valid(letter: str, body: str, check: str) -> bool:
    digits = f"{ord(letter) - 64:02d}" + body
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (1 if index % 2 == 0 else 2)
        total += product // 10 + product % 10
    return total % 10 == int(check)


# Beside its name, the nine digits in any grouping: "H 982 597 911", "H982-597-911".
_KVNR_SEPARATED = re.compile(r"(?<![\w\-])([A-Z])[ \-]?(\d{1,5}(?:[ .\-]\d{1,5}){1,4})(?![\w\-]|[.,]\d)")


def find_de_kvnr(text: str) -> list[Candidate]:
    found = []
    for match in _KVNR.finditer(text):
        if kvnr_valid(*match.groups()):
            score = 0.95 if _context(_KVNR_CONTEXT, text, match.start()) else 0.75
            found.append(Candidate("DE_HEALTH_INSURANCE", match.start(), match.end(), score))
    taken = {(c.start, c.end) for c in found}
    lowered = text.lower()
    named = any(stem in lowered for stem in ("kvnr", "versicherten", "kranken", "kv", "insurance"))
    for match in _KVNR_SEPARATED.finditer(text) if named else ():
        digits = _digits(match.group(2))
        if (
            len(digits) == 9
            and match.span() not in taken
            and kvnr_valid(match.group(1), digits[:8], digits[8])
            and _named_just_before(_KVNR_CONTEXT, text, match.start())
        ):
            found.append(Candidate("DE_HEALTH_INSURANCE", match.start(), match.end(), 0.95))
    return found


# --- French NIR -------------------------------------------------------------------------------------

_NIR = re.compile(
    r"(?<![\w\-])([1278])[ .]?(\d{2})[ .]?(0[1-9]|1[0-2]|[2-9]\d)[ .]?(\d{2}|2[ABab])[ .]?(\d{3})[ .]?(\d{3})"
    r"(?:[ .]?(\d{2}))?(?![\w\-])"
)
_NIR_CONTEXT = re.compile(r"(?i:\bnir\b|s[ée]curit[ée]\s+sociale|\bsecu\b|\bss\b|insee|num[ée]ro\s+social)")


def nir_valid(parts: tuple[str, ...]) -> bool:
    body = "".join(parts[:6]).upper()
    key = parts[6]
    if key is None:
        return False
    numeric = int(body.replace("2A", "19").replace("2B", "18"))
    return 97 - numeric % 97 == int(key)


def find_fr_nirs(text: str) -> list[Candidate]:
    found = []
    for match in _NIR.finditer(text):
        if nir_valid(match.groups()):
            found.append(Candidate("FR_NIR", match.start(), match.end(), 0.95))
        elif match.group(7) is None and _context(_NIR_CONTEXT, text, match.start()):
            # 13 digits without the key after "n° de sécurité sociale": the key is often left off.
            found.append(Candidate("FR_NIR", match.start(), match.end(), 0.8))
    return found


# --- Spanish DNI and NIE ----------------------------------------------------------------------------

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_DNI = re.compile(r"(?<![\w\-.])([XYZxyz])?[ \-.]?(\d{7,8}|\d{2}\.\d{3}\.\d{3})[ \-]?([A-Za-z])(?![\w\-])")


def find_es_ids(text: str) -> list[Candidate]:
    found = []
    for match in _DNI.finditer(text):
        prefix, number, letter = match.groups()
        number = number.replace(".", "")
        if prefix:
            if len(number) != 7:
                continue
            number = str("XYZ".index(prefix.upper())) + number
            entity = "ES_NIE"
        elif len(number) != 8:
            continue
        else:
            entity = "ES_NIF"
        if _DNI_LETTERS[int(number) % 23] != letter.upper():
            continue
        start = match.start() if prefix else match.start(2)
        found.append(Candidate(entity, start, match.end(), 0.9))
    return found


# --- Italian codice fiscale -------------------------------------------------------------------------

_CF = re.compile(
    r"(?<![\w\-])([A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[ABCDEHLMPRSTabcdehlmprst]"
    r"[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z])(?![\w\-])"
)
_CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def codice_fiscale_valid(code: str) -> bool:
    code = code.upper()
    total = 0
    for index, char in enumerate(code[:15]):
        value = int(char) if char.isdigit() else ord(char) - 65
        total += _CF_ODD[value] if index % 2 == 0 else value
    return chr(65 + total % 26) == code[15]


# Beside its name, written in groups ("RSS MRA 80A01 H501U", "RSS-MRA-80A01-H501U").
_CF_GROUPED = re.compile(r"(?<![\w\-])[A-Za-z0-9]{2,11}(?:[ \-.][A-Za-z0-9]{1,11}){1,6}(?![\w\-])")
_CF_CONTEXT = re.compile(r"(?i:codice\s+fiscale|\bc\.\s?f\.|\bcf\b|fiscal\s+code|tax\s+code)")


def find_it_fiscal_codes(text: str) -> list[Candidate]:
    found = [
        Candidate("IT_FISCAL_CODE", match.start(), match.end(), 0.95)
        for match in _CF.finditer(text)
        if codice_fiscale_valid(match.group())
    ]
    lowered = text.lower()
    if not any(stem in lowered for stem in ("codice", "c.f", "cf", "fiscal", "tax code")):
        return found
    for match in _CF_GROUPED.finditer(text):
        parts = re.split(r"[ \-.]", match.group())
        compact, used = "", 0
        for part in parts:
            compact += part
            used += 1
            if len(compact) >= 16:
                break
        if len(compact) != 16 or used == 1 or not _CF.fullmatch(compact) or not codice_fiscale_valid(compact):
            continue
        end = match.start() + len(" ".join(parts[:used]))
        if _named_just_before(_CF_CONTEXT, text, match.start()):
            found.append(Candidate("IT_FISCAL_CODE", match.start(), end, 0.95))
    return found


# --- Dutch BSN --------------------------------------------------------------------------------------

# Written 1234 56 782 (the passport's grouping), 123 456 782 or 123.456.782 (as people read nine
# digits out), or as one run; after a scanned form's label glued to it ("BSN123456782") too.
_BSN_EDGE = r"(?:(?<![\w\-.,])|(?<=BSN))"
_BSN = re.compile(
    rf"{_BSN_EDGE}(\d{{4}})([ .]?)(\d{{2}})\2(\d{{3}})(?![\w\-]|[.,]\d)"
    rf"|{_BSN_EDGE}(\d{{3}})([ .\-])(\d{{3}})\6(\d{{3}})(?![\w\-]|[.,]\d)"
    rf"|{_BSN_EDGE}(\d{{8,9}})(?![\w\-]|[.,]\d)"
)
_BSN_CONTEXT = re.compile(
    r"(?i:\bbsn|burger[ \-]?service|sofi|citizen\s+service|persoonsnummer|persoonsgebonden\s+nummer|\bpgn\b)"
)
_BSN_STEMS = ("bsn", "burger", "sofi", "citizen", "persoon", "pgn")


def bsn_valid(number: str) -> bool:
    number = number.zfill(9)
    if len(number) != 9 or number == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(number[:8], range(9, 1, -1), strict=True)) - int(number[8])
    return total % 11 == 0


def find_nl_bsns(text: str) -> list[Candidate]:
    found = []
    for match in _BSN.finditer(text):
        number = _digits(match.group())
        if not bsn_valid(number):
            continue
        if _context(_BSN_CONTEXT, text, match.start()):
            found.append(Candidate("NL_BSN", match.start(), match.end(), 0.95))
        elif record_labelled(text, match.start()) or phone_like(text, match.start(), match.end()):
            continue  # "IPP 52738829", "Tel. 0160 13706329": a record's or a phone's number
        elif "." in (match.group(2), match.group(6)):
            found.append(Candidate("NL_BSN", match.start(), match.end(), 0.7))
        elif _asked_for(_BSN_CONTEXT, text, match.start()):
            found.append(Candidate("NL_BSN", match.start(), match.end(), 0.6))
        else:
            found.append(Candidate("NL_BSN", match.start(), match.end(), WEAK_SCORE, weak=True))
    # "3211-46-487", "32114 6487", "32 11 46 487" beside "BSN".
    taken = {(c.start, c.end) for c in found if not c.weak}
    for start, end in _loose(text, 9, bsn_valid, _BSN_CONTEXT, _BSN_STEMS, taken):
        found.append(Candidate("NL_BSN", start, end, 0.95))
    return found


# --- NHS number -------------------------------------------------------------------------------------

_NHS = re.compile(r"(?<![\w\-.,])(\d{3})([ \-]?)(\d{3})\2(\d{4})(?![\w\-]|[.,]\d)")
_NHS_CONTEXT = re.compile(r"(?i:\bnhs\b|\bchi\b|health\s+(?:service\s+)?(?:no|number))")
_NHS_STEMS = ("nhs", "chi", "health")


def nhs_valid(number: str) -> bool:
    if len(number) != 10:
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[9])


def find_nhs_numbers(text: str) -> list[Candidate]:
    found = []
    for match in _NHS.finditer(text):
        number = _digits(match.group())
        if not nhs_valid(number):
            continue
        if _context(_NHS_CONTEXT, text, match.start()):
            found.append(Candidate("UK_NHS", match.start(), match.end(), 0.95))
        elif record_labelled(text, match.start()) or phone_like(text, match.start(), match.end()):
            continue  # "IPP 1881751236", "+1 741 721 2530": a record's or a phone's number
        elif match.group(2) or _asked_for(_NHS_CONTEXT, text, match.start()):
            found.append(Candidate("UK_NHS", match.start(), match.end(), 0.6))
        else:
            found.append(Candidate("UK_NHS", match.start(), match.end(), WEAK_SCORE, weak=True))
    # "521.115.8997", "5211 158 997" beside "NHS number".
    taken = {(c.start, c.end) for c in found if not c.weak}
    for start, end in _loose(text, 10, nhs_valid, _NHS_CONTEXT, _NHS_STEMS, taken):
        found.append(Candidate("UK_NHS", start, end, 0.95))
    return found


# --- IBANs in any grouping --------------------------------------------------------------------------

_IBAN = re.compile(r"(?<![\w\-.])([A-Za-z]{2}\d{2}(?:[ .\-]?[A-Za-z0-9]){11,30})(?![\w\-]|[.]\w)")
_IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
    "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "GI": 23, "LC": 32, "SA": 24, "AE": 23, "TR": 26,
}  # fmt: skip
# The other countries of the IBAN registry. A code in neither list ("FA2025…" of an invoice number,
# "RR5537…" of a parcel's) is only taken whole and in capitals: tried at every length, as a known
# country's IBAN is, one in some dozen numbers would pass mod 97 by chance.
_OTHER_IBAN_COUNTRIES = """
    AL AZ BA BH BI BR BY CR DJ DO EG FK FO GE GL GT HN IL IQ JO KW KZ LB LY MD ME MK MN MR MU NI OM
    PK PS QA RS RU SC SD SO ST SV TL TN UA VA VG XK YE
"""
_IBAN_COUNTRIES = frozenset(_IBAN_LENGTHS) | frozenset(_OTHER_IBAN_COUNTRIES.split())


def iban_valid(compact: str) -> bool:
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def find_ibans(text: str) -> list[Candidate]:
    found = []
    for match in _IBAN.finditer(text):
        raw = match.group(1)
        compact = re.sub(r"[ .\-]", "", raw).upper()
        known = compact[:2] in _IBAN_COUNTRIES
        if not known and raw != raw.upper():
            continue
        # The regex may have run into the next word ("DE89 3704 ... 00 Bank"): try shorter cuts.
        for cut in range(len(compact), 14 if known else len(compact) - 1, -1):
            if iban_valid(compact[:cut]):
                kept, end = 0, match.start(1)
                while kept < cut:
                    if raw[end - match.start(1)] not in " .-":
                        kept += 1
                    end += 1
                found.append(Candidate("IBAN_CODE", match.start(1), end, 1.0))
                break
    return found


FINDERS = {
    "AirlockUkNinoRecognizer": (("UK_NINO",), find_uk_ninos),
    "AirlockDeTaxIdRecognizer": (("DE_TAX_ID",), find_de_tax_ids),
    "AirlockDeSocialSecurityRecognizer": (("DE_SOCIAL_SECURITY",), find_de_social_security),
    "AirlockDeKvnrRecognizer": (("DE_HEALTH_INSURANCE",), find_de_kvnr),
    "AirlockFrNirRecognizer": (("FR_NIR",), find_fr_nirs),
    "AirlockEsIdRecognizer": (("ES_NIF", "ES_NIE"), find_es_ids),
    "AirlockItFiscalCodeRecognizer": (("IT_FISCAL_CODE",), find_it_fiscal_codes),
    "AirlockNlBsnRecognizer": (("NL_BSN",), find_nl_bsns),
    "AirlockNhsRecognizer": (("UK_NHS",), find_nhs_numbers),
    "AirlockIbanRecognizer": (("IBAN_CODE",), find_ibans),
}
