"""Airlock's recognisers: what vanilla Presidio misses, and helpers for administrators' terms and patterns.

Each recogniser finds candidates with one precompiled regex scan and then checks them — a
checksum, libphonenumber's numbering plans, the words just before the match — so none of them
is expensive. None uses lists of people's or places' names: they must work on text nobody has
seen. Street addresses and postcodes live in :mod:`redaction.recognizers_places`, names in
:mod:`redaction.recognizers_names`.

A recogniser here is a function ``find_*(text) -> list[Candidate]``; the engine calls them
directly (no per-call Presidio bookkeeping). :class:`AirlockRecognizer` wraps any of them as a
Presidio ``EntityRecognizer`` so they also work in a plain ``AnalyzerEngine``.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from re import _constants as sre_constants  # type: ignore[attr-defined]
from typing import Any, NamedTuple

import phonenumbers
import regex
import tldextract
from presidio_analyzer import LocalRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer

log = logging.getLogger(__name__)


# The score of a candidate that is personal data only in the right company (nine bare digits next
# to a name and a date of birth); the engine raises it to RECORD_SCORE inside a record of personal data.
WEAK_SCORE = 0.3
RECORD_SCORE = 0.65


class Candidate(NamedTuple):
    """A recogniser's raw hit, before thresholds, allow lists and overlap merging."""

    entity_type: str
    start: int
    end: int
    score: float
    weak: bool = False  # personal data only inside a record of personal data (see WEAK_SCORE)


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


# --- Offline e-mail validation -------------------------------------------------------------------

# tldextract's module-level extractor downloads the public-suffix list on first use. This one only
# ever reads the snapshot bundled with the package and keeps no cache on disk.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def mail_domain(domain: str) -> bool:
    """Whether ``domain`` can receive mail: a name under a real public suffix.

    Under a wildcard rule of the public-suffix list (``*.sch.uk``, ``*.ck``) the list calls the
    school's own name a suffix (``northgate.sch.uk``) and leaves the domain empty; such a suffix
    of three labels or more is a registered name all the same.
    """
    extracted = _OFFLINE_TLD(domain)
    return extracted.suffix != "" and (extracted.domain != "" or extracted.suffix.count(".") >= 2)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recogniser, validating domains against the bundled public-suffix snapshot."""

    def validate_result(self, pattern_text: str) -> bool:
        return mail_domain(pattern_text.rsplit("@", 1)[-1])


# --- E-mail addresses written to dodge harvesters --------------------------------------------------

# The at sign's name in the six languages ("jane arroba example.es", "jane chiocciola example.it"):
# no everyday word, so written plainly between two words it makes an address on its own.
_AT_NAMES = r"(?:arroba|chiocciola|arobase|klammeraffe|apenstaartje|apestaartje|ät)"
_OBF_AT = (
    rf"(?:[ \t]*[\[({{<][ \t]*(?:at|@|{_AT_NAMES})[ \t]*[\])}}>][ \t]*"
    rf"|[ \t]+(?:at|AT|@|(?i:{_AT_NAMES}))[ \t]+)"
)
_OBF_DOT = (
    r"(?:[ \t]*[\[({<][ \t]*(?:dot|punto|punkt|point|punt|\.)[ \t]*[\])}>][ \t]*"
    r"|[ \t]+(?:dot|DOT|punto|punkt|point|punt)[ \t]+|\.)"
)
# Letters of any script: "élodie dot marchand at free dot fr" (internationalised addresses).
_OBF_WORD = r"[^\W_][\w+\-]*"
_OBF_AT_RE = re.compile(_OBF_AT)
_OBF_LOCAL = re.compile(rf"(?<![\w.@])(?:{_OBF_WORD}(?:{_OBF_DOT}{_OBF_WORD}){{0,3}})$")
_OBF_DOMAIN = re.compile(rf"{_OBF_WORD}(?:{_OBF_DOT}{_OBF_WORD}){{1,3}}(?![\w@])")
_OBF_DOT_RE = re.compile(_OBF_DOT)
_PLAIN_AT = re.compile(r"^[ \t]+(?:at|AT|@)[ \t]+$")
# What an address, and no English word, can hold before a plain "at": "kim77", "anne-marie", "j_doe".
_NOT_A_WORD = re.compile(r"^(?=.*[^\W\d_])[\w\-]*[\d_\-.][\w\-.]*$")
# An e-mail cue shortly before the local part: "E-mail: tobias at webmail.de", "confirmed by email (…".
_MAIL_CUE = re.compile(
    r"(?i:\b(?:e-?mail|mail|courriel|correo|posta\s+elettronica|pec)\b)[^\w\n]{0,4}"
    r"(?:(?:to|an|à|a|al|op|by|per|par|por|via|from|de|von|van|du|der|me|us|at|on|moi|mir|mij)[^\w\n]{1,4}){0,3}$"
)


def _no_word(local: str) -> bool:
    return bool(_NOT_A_WORD.match(local))


_OBF_LOOK = 64


def find_obfuscated_emails(text: str) -> list[Candidate]:
    """ "jane dot doe at example dot com", "jane.doe(at)example.com", "jane [at] example [dot] com".

    Each "at" is tried with the words before it as the local part (the nearest first) and the words
    after it as the domain, whose last label must be a real top-level domain. "at" as a plain word
    needs more than a domain after it ("meet at example.com" is not an address): the local part or
    the domain must be obfuscated too, or the local part hold a dot.
    """
    found: list[Candidate] = []
    for at_match in _OBF_AT_RE.finditer(text):
        domain_match = _OBF_DOMAIN.match(text, at_match.end())
        if domain_match is None:
            continue
        local_match = _OBF_LOCAL.search(text, max(0, at_match.start() - _OBF_LOOK), at_match.start())
        if local_match is None:
            continue
        # The local part is the shortest tail of the words before "at" that reads as one:
        # "reach me at jane dot doe" offers "me at jane..." no further than "jane".
        local = local_match.group()
        domain = _OBF_DOT_RE.sub(".", domain_match.group())
        if not mail_domain(domain):
            continue
        at = at_match.group()
        obfuscated_dot = domain_match.group() != domain or _OBF_DOT_RE.sub(".", local) != local
        if (
            _PLAIN_AT.match(at)
            and "@" not in at
            and not (obfuscated_dot or _no_word(local))
            and not _MAIL_CUE.search(text, max(0, local_match.start() - 40), local_match.start())
        ):
            continue
        if "@" in at and not (obfuscated_dot or at != "@"):
            continue
        found.append(Candidate("EMAIL_ADDRESS", local_match.start(), domain_match.end(), 0.85))
    return found


# --- Phone numbers from many countries -----------------------------------------------------------

# Regions tried for numbers written without a country code, most likely first. A number written
# with +CC or 00CC is parsed on its own and can come from anywhere libphonenumber knows.
PHONE_REGIONS = (
    "US", "GB", "DE", "FR", "NL", "CA", "IE", "BE", "CH", "AT", "ES", "IT", "PT", "SE", "DK", "NO",
    "FI", "PL", "AU", "NZ", "IN", "ZA", "BR", "MX", "IL", "SG", "JP",
)  # fmt: skip

# An extension after the number, in the six languages: "ext. 214", "x12", "Durchwahl 27", "App. 5",
# "poste 123", "extensión 12", "int. 45", "interno 45", "toestel 12".
_EXTENSION_WORDS = (
    r"(?:x|ext\.?|extn\.?|extension|extensi[óo]n|app\.|apparat|durchwahl|dw\.?|nebenstelle|poste|p\."
    r"|int\.|interno|toestel|tst\.)"
)
_PHONE_CANDIDATE = re.compile(
    # Not inside a longer number ("1,234,567"), but a comma after a word is a CSV cell's edge.
    # A comma after a digit is a CSV cell's edge only before a long run ("12/26,02079460018").
    # A comma after a digit is a CSV cell's edge unless a thousands group follows ("1,234,567").
    # A period is an edge only after a letter: the end of a label glued to the number ("tel.02 …").
    # A plus sign percent-encoded in a query string ("tel=%2B31612345678") starts a number too.
    r"(?=[+(\d])(?:(?<![\w+/\-])|(?<=%2[Bb]))(?:(?<!\.)|(?<=[^\W\d_]\.))(?:(?<!\d,)|(?!\d{3},\d))"
    r"(?:\+|00)?\(?\d[\d ().\-/]{5,22}\d"
    # An extension ends before a comma and digits only where another number starts there (a CSV cell).
    rf"(?:[ \t]*[,(]?[ \t]*{_EXTENSION_WORDS}[ \t]*-?\d{{1,6}}\)?"
    r"(?![\w/\-]|\.\d|,\d(?!\d{3}|\d{0,2}[ .\-/)]\d)))?"
    # A comma then digits continues an amount ("1 234,56") unless another number starts there:
    # the next CSV cell ("02 121727,0180 2 47800", "…,810 14 40 10", "…,1-201-555-0143").
    # So is an amount with a decimal point ("…,49.99"): a comma then digits then a point is no number.
    # Four or more digits after the comma are no decimals either: the next cell ("…,5187861381").
    r"(?![\w/\-]|\.\d|,(?!0\d[ .\-/]?\d|\d{3}[ .\-/]\d|1-\d|\d{1,7}\.\d|\d{4})\d)",
    re.IGNORECASE,
)
_PHONE_FILLER = (
    r"(?:on|at|is|as|me|us|her|him|au|al|op|unter|sous|sur|[èe]|es|est|ist|moi|mij|el|le|la|il|lo|en|de"
    r"|the|my|mi|mio|mia|mon|ma|mijn|mein|meine|ihre|su|an|am|a|nel|number|nummer|numero|n[úu]mero"
    r"|cliente|client|customer|klant|kunde|kundin|laiss[ée]|lasciato|left|dej[ée]|un|una|uno|c|ingesproken|achtergelaten|hinterlassen|sie|mich|uns|ihn|line|auf|back"
    # An audit trail's change: 'set "Customer phone" to "6…"', "Telefon geändert auf".
    r"|to|naar|set|changed|ge[äa]ndert|modifi[ée]|cambiado|modificato|gewijzigd)"
)
_PHONE_CONTEXT = re.compile(
    r"(?:phone|tel|telephone|mobile|cell|cellphone|fax|call|ring|text|whatsapp|ph|contact|reach|reached|"
    r"number|no|nr|handy|home|work|office|direct|landline"
    # The same words in German, French, Spanish, Italian and Dutch.
    r"|telefon|telefonnummer|rufnummer|mobil|mobilnummer|festnetz|erreichbar|anrufen|t[ée]l[ée]phone|t[ée]l"
    r"|portable|mobile|fixe|joindre|appeler|tel[ée]fono|m[óo]vil|celular|llamar|cellulare|cell|numero|n[úu]mero"
    r"|chiamare|telefoon|telefoonnummer|mobiel|bellen|gsm|nummer|num[ée]ro"
    # Call-back verbs as call notes write them: "richiamato al", "rappelez-moi au", "bel me op".
    r"|(?:ri)?chiamat[oaie]|richiamare|(?:ri)?chiam(?:ami|atemi|armi)|contatt(?:ami|atemi|are)"
    r"|(?:r)?appel(?:er|ez|le)?(?:-moi)?|ll[aá]m(?:e|en|ar|ad|a|o|[aá]is)(?:me|le|nos)?|bel|bereikbaar|erreichen"
    # The landline, as a call note names it: "mejor al fijo", "sul fisso", "op de vaste lijn".
    r"|fijo|fisso|vaste[ \t]+(?:lijn|nummer)"
    # Who called, as a call log names the number: "chiamante 333…", "caller", "Anrufer", "appelant".
    r"|caller|calling|chiamante|anrufer(?:in)?|appelant|llamante|beller"
    r"|terugbellen|llamar[áa]n?|llamaremos|(?:r)?appellera|(?:ri)?chiamer[àa]|belt|bellen"
    r"|r[üu]ckruf|anruf|anrufen|ruf|rufen|sms|tlf|tfno|telf|cel|mob|durchwahl|doorkiesnummer|centralino|centralita"
    r"|switchboard|zentrale|telefax|t[ée]l[ée]copie"
    # Where or which line: "in ufficio al", "au bureau", "op kantoor", "in alternativa", "Notdienst unter".
    r"|ufficio|bureau|kantoor|b[üu]ro|oficina|despacho|alternativ[ae]?|alternativnummer|notdienst|urgences?"
    r"|urgenze|urgencias|spoed|noodnummer|out of hours|emergency"
    # What a call note says was done on the number: "left a voicemail at", "dejé un mensaje en el",
    # "devolver llamada al", "contactarme en el", "RR an" (Rückruf).
    r"|voicemail|mensaje|messaggio|message|llamada|contact(?:ar|arme|arnos|er|ez)|rr|cb"
    # Whom to notify and how to reach someone: "avisar al", "avvisare al", "recapiti:", "contacto:".
    r"|avis(?:ar|e|en|ad)|avvis(?:are|ate|a|ami)|recapit[oi]|contact[oe]s?|contatt[oi]|bereikbaarheid)\b[^\w\n]{0,4}"
    # Up to three short function words between the cue and the number: "reach us on", "mi número
    # es el", "richiamare il cliente al", "message laissé sur le".
    rf"(?:{_PHONE_FILLER}[^\w\n]{{1,4}}){{0,3}}$",
    re.IGNORECASE,
)
# A phone word in a form label ending in a colon: "Telefon tagsüber:", "Teléfono (día):", "Tel. ufficio:".
_PHONE_LABEL = re.compile(
    r"(?:^|\n)[ \t]*[^\n:]{0,30}\b(?:phones|telephones|mobiles|telefone|telefonnummern|t[ée]l[ée]phones"
    r"|tel[ée]fonos|m[óo]viles|telefoni|cellulari|telefoons|telefoonnummers"
    r"|phone|tel|telephone|mobile|mob|cell|fax|telefon|handy|mobil"
    r"|t[ée]l[ée]phone"
    r"|durchwahl|doorkiesnummer|centralino|centralita|switchboard|standard|zentrale|telefax|t[ée]l[ée]copie"
    r"|t[ée]l|portable|tel[ée]fono|m[óo]vil|cellulare|telefoon|mobiel|gsm|tfno|tlf"
    # A service's line on a bill or a notice: "Atención al cliente:", "Información:", "Hotline:",
    # "Kundenservice:", "Service client :", "Servizio clienti:", "Klantenservice:", "Urgencias …:".
    r"|atenci[óo]n[ \t]+al[ \t]+cliente|servicio[ \t]+al[ \t]+cliente|informaci[óo]n|customer[ \t]+service"
    r"|service[ \t]+clients?|service[ \t]+client[èe]le|kundenservice|kundendienst|servizio[ \t]+clienti"
    r"|assistenza[ \t]+clienti|klantenservice|hotline|helpline|helpdesk|infoline|urgencias|urgences|urgenze"
    r"|notfall|notdienst|emergency|spoed)\b[^\n:]{0,25}:[ \t]*$"
    # The one-letter labels of a signature: "T: …", "M: …", "F: …".
    r"|(?:^|\n)[ \t]*[TMFP][ \t]*:[ \t]*$",
    re.IGNORECASE,
)
# The label of another kind of number, the last thing before the digits: "order no.", "Kundennummer",
# "IBAN endet auf", "référence client", "codice cliente", "Rechnung Nr." — not a phone number
# unless it is written with a country code.
_OTHER_NUMBER_LABEL = re.compile(
    # A whole word: "az" (Aktenzeichen) is no label at the end of a handle like "mdiaz:".
    r"\b(?:order|invoice|ref|reference|tracking|case|account|policy|iban|kundennummer|kunden-nr|bestellnummer"
    r"|bestellung|rechnung|rechnungsnummer|aktenzeichen|az|vertrag|vertragsnummer|konto|commande|facture"
    r"|r[ée]f[ée]rence|r[ée]f|dossier|compte|pedido|factura|referencia|expediente|cuenta|p[óo]liza|ordine"
    r"|fattura|codice|pratica|conto|polizza|bestelnummer|factuur|klantnummer|dossiernummer|rekening|polis"
    # Bank codes: "BLZ 370 400 44", "sort code 20-00-00", "ABI 03069 CAB 09400".
    r"|blz|bankleitzahl|sort[ \t]?code|bic|swift|code[ \t]banque|code[ \t]guichet)"
    r"\b[^\w\n]{0,4}(?:(?:client|cliente|klant|customer|no|nr|n|º|number|nummer|numero|n[úu]mero"
    r"|ending|endet|auf|termina|terminado|eindigend|che|con|en|op|on|in|des|de|la|le|l)[^\w\n]{0,4}){0,3}$",
    re.IGNORECASE,
)
_YEAR_SERIAL = re.compile(r"^(?:19|20)\d\d[/\-.]\d{3,7}$")
_DATE_SHAPE = re.compile(r"^\d{1,4}([./\-])\d{1,2}\1\d{1,4}$")
# Four dotted groups of at most 255 are an IP address ("734.86.33.02" is a Spanish mobile number).
_IP_SHAPE = re.compile(r"^(?:(?:25[0-5]|2[0-4]\d|1\d\d|\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|\d\d?)$")
_SSN_SHAPE = re.compile(r"^\d{3}[- ]\d{2}[- ]\d{4}$")
_EXTENSION = re.compile(rf"[ \t]*[,(]?[ \t]*{_EXTENSION_WORDS}[ \t]*-?\d{{1,6}}\)?$", re.IGNORECASE)
# A German "Durchwahl" written after a dash: "+49 69 342764-916" (tried when the whole is no number).
_DASH_EXTENSION = re.compile(r"-\d{1,5}$")
# "call 0612 345 678 or 0613 456 789": a number joined to the phone number before it.
_PHONE_LIST_GAP = re.compile(
    r"[ \t]*(?:[,;/]|or|o|oder|ou|of|oppure|y|e|und|et|en|and)?[ \t]*(?:[,;/]|or|o|oder|ou|of|oppure)?"
    r"[ \t]*(?:on|at|al|au|op|unter|am|sur)?[ \t]*$",
    re.IGNORECASE,
)


# An extension before the number it belongs to, in a directory's cell: "ext. 628 / +34 …".
_EXTENSION_WORD_BEFORE = re.compile(rf"(?i:\b{_EXTENSION_WORDS})[ \t]*$")
_EXTENSION_THEN_NUMBER = re.compile(r"\d{1,6}[ \t]*[/|;,][ \t]*(?=[+(\d])")


def find_phone_numbers(text: str) -> list[Candidate]:
    """Phone numbers in national and international formats, checked against libphonenumber's data.

    A candidate must look like a phone number (a country code, separators, a bracketed area code,
    or a phone word just before it) and be a valid or at least possible number for its country:
    a bare run of digits with nothing around it is an order number far more often than a phone.
    """
    found: list[Candidate] = []
    previous_end = -1
    position = 0
    while (match := _PHONE_CANDIDATE.search(text, position)) is not None:
        start, end = match.span()
        position = end
        bracket = text.rfind("(", start + 1, end)
        if bracket > 0 and ")" not in text[bracket:end] and text[start:bracket].strip():
            # The run stopped inside a bracketed area code ("… 12267-8327  (356) 441-0843" is too
            # long for one number): what stands before the bracket, and the scan goes on from it.
            end = len(text[:bracket].rstrip())
            position = bracket
        if dated := _LEADING_DATE.match(text, start, end):
            # "02/14/2024 14:20", "2024-02-18 16:40": a date and a time, no number; the scan goes
            # on after the date.
            position = dated.end()
            continue
        if (ext := _EXTENSION_THEN_NUMBER.match(text, start, end)) and _EXTENSION_WORD_BEFORE.search(
            text, max(0, start - 16), start
        ):
            # "ext. 628 / 0034 775007545", "poste 770 / 07…": the extension, then the number.
            position = ext.end()
            continue
        listed = previous_end >= 0 and bool(_PHONE_LIST_GAP.match(text, previous_end, start))
        lead = _LEADING_REFERENCE.match(text, start, end)
        if lead and (rest := _phone_candidate(text, lead.end(), end, listed)) and not rest.weak:
            # Cells of a row run together ("871886<TAB>010 675 1372", the tab a space in the
            # normalised view): the number after the gap stands on its own, the reference before
            # it is not part of it.
            position = lead.end()
            continue
        # After a leading reference cell the run as a whole is no phone number either.
        hit = None if lead else _phone_candidate(text, start, end, listed)
        if hit is None:
            hit = _phone_with_dash_extension(text, start, end, listed)
        if hit is None and (cell := _DATE_CELL.match(text, start, end)):
            # A date cell run together with the next one by a tab ("04/11/1972\t07700 900318"):
            # the scan starts again after the date.
            position = cell.end()
            continue
        if hit is None:
            # Two numbers side by side ("020 7946 0958 / 07700 900123"): the first one, and the
            # scan goes on right after the slash for the second.
            cut = _SIDE_BY_SIDE.search(text, start, end)
            if cut and sum(c.isdigit() for c in text[start : cut.start()]) >= 7:
                hit = _phone_candidate(text, start, cut.start(), listed)
                if hit is not None:
                    position = cut.end()
        if hit is None and lead:
            position = lead.end()  # no number across the gap: each cell on its own
            continue
        if hit is None and (split := _first_of_cells(text, start, end, listed)) is not None:
            hit, position = split
        if (
            hit is None
            and (cells := _SHORT_CELLS.match(text, start, end)) is not None
            and not _OTHER_NUMBER_LABEL.search(_before(text, start, 40))
        ):
            # Short numeric cells before the number, run together with it in a row ("sì 1 0
            # 392/2161544", counts in the columns before a contact column): the number after them.
            for gap in _CELL_GAP.finditer(text, start, cells.end() + 1):
                rest = _phone_candidate(text, gap.end(), end, listed)
                number = text[rest.start : rest.end] if rest is not None else ""
                if (
                    rest is not None
                    and not rest.weak
                    and (number[0] in "+(0" or rest.score >= 0.85 or _MOBILE_TWO_GROUPS.match(number))
                ):
                    hit = rest
                    break
        if hit is not None:
            if text[max(0, hit.start - 4) : hit.start].lower() == "tel:":
                hit = hit._replace(start=hit.start - 4)  # an RFC 3966 URI: "tel:+44-20-7946-0958"
            found.append(hit)
            if not hit.weak:
                previous_end = hit.end
    if _AREA_CODE_HEADER.search(text):
        found.extend(_area_code_cells(text, found))
    return found


# A column of area codes beside a column of subscriber numbers ("Vorwahl;Rufnummer", "area code,number").
_AREA_CODE_HEADER = re.compile(
    r"\b(?:vorwahl|area[ \t]?code|dial(?:ling)?[ \t]code|std[ \t]code|prefix|prefisso|prefijo|pr[ée]fixe"
    r"|indicatif|netnummer|kengetal|landesvorwahl|country[ \t]code)\b",
    re.IGNORECASE,
)
_AREA_CODE_CELL = re.compile(r"[ \t]*(?:(?:\+|00)\d{1,3}|0\d{1,4}|\(\d{2,5}\))[ \t]*")
_SUBSCRIBER_CELL = re.compile(r"[ \t]*\d[\d \t.\-/]{1,14}\d[ \t]*")


def _area_code_cells(text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """An area code in one cell and the rest of the number in the next non-empty one, under an
    area-code header: both cells, when together they make a number libphonenumber knows."""
    out: list[Candidate] = []
    for head in _AREA_CODE_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, head.start()) + 1
        line_end = text.find("\n", head.end())
        if line_end < 0:
            continue
        header = text[line_start:line_end]
        separator = next((s for s in _CELL_SEPARATORS if s in header), None)
        if separator is None:
            continue
        column = text[line_start : head.start()].count(separator)
        position = line_end + 1
        while position < len(text):
            row_end = text.find("\n", position)
            row_end = len(text) if row_end < 0 else row_end
            row = text[position:row_end]
            if separator not in row:
                break
            spans, offset = [], position
            for cell in row.split(separator):
                spans.append((offset, offset + len(cell)))
                offset += len(cell) + 1
            rest = [(a, b) for a, b in spans[column + 1 :] if text[a:b].strip()]
            if column < len(spans) and rest:
                (a, b), (c, d) = spans[column], rest[0]
                code, subscriber = text[a:b], text[c:d]
                if _AREA_CODE_CELL.fullmatch(code) and _SUBSCRIBER_CELL.fullmatch(subscriber):
                    joined = f"{code.strip()} {subscriber.strip()}"
                    international = joined.startswith(("+", "00"))
                    digits = sum(ch.isdigit() for ch in joined)
                    if 7 <= digits <= 15 and _phone_verdict(joined, international) != "no":
                        out.append(Candidate("PHONE_NUMBER", a, b, 0.85))
                        if not any(f.start <= c and d <= f.end for f in found):
                            out.append(Candidate("PHONE_NUMBER", c, d, 0.85))
            position = row_end + 1
    return out


# A gap inside a run of digit groups, where a second number may start: one that starts with +, 00,
# a trunk zero or a bracket, or one that is a phone number by itself.
_CELL_GAP = re.compile(r"[ \t]+(?=[+(\d])")
# One to three digits and a gap, up to four times: short cells (counts, codes) before a phone cell.
_SHORT_CELLS = re.compile(r"(?:\d{1,3}[ \t]+){1,4}(?=[+(\d])")
# Five to eight digits without a trunk zero, then a gap: a reference cell before a phone cell.
_LEADING_REFERENCE = re.compile(r"[1-9]\d{4,7}[ \t]+(?=[+(\d])")


def _first_of_cells(text: str, start: int, end: int, listed: bool) -> tuple[Candidate, int] | None:
    """The first of two numbers whose cells ran together ("0049 30 553771679 0800 133 801", a tab
    being a space in the normalised view), and where the scan goes on: the longest number before
    a gap after which another number starts."""
    for gap in reversed(list(_CELL_GAP.finditer(text, start, end))):
        if sum(c.isdigit() for c in text[start : gap.start()]) < 7:
            return None
        cut = _phone_candidate(text, start, gap.start(), listed)
        # The first must be a number in its own right (a trunk zero, a country code or a phone
        # cue), the second start like one or be one: card and IBAN groups are neither.
        if cut is None or cut.weak or not (text[start] in "+(0" or cut.score >= 0.85):
            continue
        if text[gap.end()] in "+(0":
            return cut, gap.end()
        after = _phone_candidate(text, gap.end(), end, True)
        if after is not None and not after.weak:
            return cut, gap.end()
    return None


_LEADING_DATE = re.compile(r"(?:\d{1,2}([./\-])\d{1,2}\1(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?=[ \t])")
_DATE_CELL = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?=[ \t]+\d)")
# Between two phone numbers written side by side: a slash with spaces, or a wide gap.
_SIDE_BY_SIDE = re.compile(r"[ \t]+/[ \t]+|[ \t]{3,}")


def _phone_with_dash_extension(text: str, start: int, end: int, listed: bool) -> Candidate | None:
    """A number followed by a German "Durchwahl" after a dash ("+49 69 342764-916"): the number
    without it is checked, the finding covers both."""
    dash = _DASH_EXTENSION.search(text, start, end)
    if dash is None or sum(c.isdigit() for c in text[start : dash.start()]) < 7:
        return None
    hit = _phone_candidate(text, start, dash.start(), listed)
    return hit._replace(end=end) if hit is not None and not hit.weak else None


def _phone_candidate(text: str, start: int, end: int, listed: bool) -> Candidate | None:
    """The verdict on ``text[start:end]`` as a phone number (``listed``: right after another one)."""
    candidate = text[start:end]
    if candidate.startswith("(") and ")" not in candidate:
        start += 1
        candidate = candidate[1:]
    if candidate.endswith(")") and "(" not in candidate:
        end -= 1
        candidate = candidate[:-1]
    number = _EXTENSION.sub("", candidate)
    digits = sum(c.isdigit() for c in number)
    if digits < 7 or digits > 15:
        return None
    compact = number.strip()
    if _DATE_SHAPE.match(compact) or _IP_SHAPE.match(compact) or _SSN_SHAPE.match(compact):
        return None
    international = compact.startswith(("+", "00"))
    if not international and (
        text[start - 3 : start].upper() == "%2B" or _MSISDN.search(text, max(0, start - 24), start)
    ):
        # An international number whose plus was percent-encoded, or an MSISDN (country code, no plus).
        international = compact.isdigit() and _phone_verdict("+" + compact, True) == "valid"
        if international:
            return Candidate("PHONE_NUMBER", start, end, 0.85)
    separated = any(c in compact for c in " -.()/")
    before = _before(text, start, 40)
    if not international and _OTHER_NUMBER_LABEL.search(before):
        return None
    context = (
        listed
        or bool(_PHONE_CONTEXT.search(before, max(0, len(before) - 30)))
        or bool(_PHONE_LABEL.search(before))
        or _phone_column(text, start)
    )
    trunk = compact.startswith(("0", "(0"))
    context = (
        context
        or _signature_line(text, start, end)
        or bool(_PHONE_SYMBOL.search(before))
        or _contact_line(text, start, end)
    )
    if not context and (name := _NAME_BEFORE.search(before)) is not None:
        # A first name between the label and the number: "Urgencias fuera de horario: Marta 6…".
        named = before[: name.start()]
        context = bool(_PHONE_LABEL.search(named) or _PHONE_CONTEXT.search(named, max(0, len(named) - 30)))
    if (
        not context
        and compact.isdigit()
        and _NAME_THEN_BRACKET.search(before)
        and text.startswith(")", end)
        and _phone_verdict(compact, international) == "valid"
    ):
        # A person's number in brackets after their name: "Testigo: Pilar Ruiz (6…)".
        context = True
    if (
        not context
        and _CALL_VERB.search(text, max(0, text.rfind("\n", 0, start) + 1, start - _CALL_REACH), start)
        and _phone_verdict(compact, international) == "valid"
    ):
        # A call verb earlier in the sentence: "llámale después de las 15:00, Leire prefiere 96…".
        context = True
    mobile = bool(_MOBILE_TWO_GROUPS.match(compact)) or _spanish_two_groups(compact)
    if not (international or separated or context or (trunk and digits >= 10)):
        # A bare run of digits: a phone number only inside a record of personal data (the
        # engine raises WEAK_SCORE there), otherwise an order number or an amount.
        if digits >= 9 and _phone_verdict(compact, False) == "valid":
            return Candidate("PHONE_NUMBER", start, end, WEAK_SCORE, weak=True)
        return None
    if text[start - 1 : start] == "." and not context:
        return None  # glued to a word by a period ("Abs.0301234567"): only after a phone label
    groups = [g for g in re.split(r"[^\d]+", compact) if g]
    if not international and len(groups) == 2 and _YEAR_SERIAL.match(compact):
        return None  # "2024/118734", "2024-118734": a year and a serial number
    if not (international or context or trunk or mobile or "(" in compact) and len(groups) < 3:
        # "2024-0003" or "4839 2011": two groups without a trunk zero are references, not phones.
        return None
    verdict = _phone_verdict(compact, international)
    if verdict == "valid":
        return Candidate("PHONE_NUMBER", start, end, 0.85 if (international or context) else 0.7)
    if verdict == "possible" and (international or context or _phone_shaped(compact)):
        return Candidate("PHONE_NUMBER", start, end, 0.75 if context else 0.6)
    if context and _phone_shaped(compact):
        # Given as a phone number ("call 00830 372107") though no numbering plan knows it:
        # what someone wrote down as their number is theirs, typo or not.
        return Candidate("PHONE_NUMBER", start, end, 0.6)
    return None


# A country code, or a trunk prefix's group, right before digits: they are a phone number's rest.
_PHONE_PREFIX_BEFORE = re.compile(
    r"(?:(?<![\w+])\+|(?<![\w+])00)\d{1,3}(?:[ .\-]\(?0?\)?\d{1,4})?[ .\-]$|(?<![\w+.\-/])0\d{1,4}[ /\-]$"
)


def phone_like(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reads as (the rest of) a phone number: after a country code or an
    area code's group ("0034 671539375", "+1 741 721 2530"), or after a phone word. For identifiers
    whose checksum a phone number may pass by chance, when their own name is not beside them."""
    if _PHONE_PREFIX_BEFORE.search(text, max(0, start - 12), start):
        return True
    hit = _phone_candidate(text, start, end, False)
    return hit is not None and not hit.weak and hit.score >= 0.85


# The key of a number written with its country code and no plus: an SMS gateway's MSISDN.
_MSISDN = re.compile(r"(?i:msisdn|e\.?164)[\"']?[ \t]*[:=]?[ \t]*[\"']?$")


# A mobile number written as its operator prefix and the subscriber number, with no trunk zero:
# Italian "347 1234567", "347/1234567" (mobiles there start with 3, nine or ten digits in all).
_MOBILE_TWO_GROUPS = re.compile(r"^3\d{2}[ /.\-]\d{6,7}$")
# A contact line: words without digits, then a dash (any of three) and the number ending the line
# ("Ana Ruiz - 915 251 419", "Jan Vos, buurman - 0612345678"); another number's label is refused before this.
_CONTACT_DASH = re.compile(r"[ \t]*[^\W\d_][^\n\d]{2,60}[ \t][\-\u2013\u2014][ \t]*")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


# One to three capitalised words ending what stands before a number: a name between a label and it
# ("Familiar de contacto: Noelia Peral, 7…").
_NAME_BEFORE = re.compile(r"(?:[A-ZÀ-Þ][^\W\d_]{1,20},?[ \t]+){1,3}$")
_NAME_THEN_BRACKET = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]+[ \t]*\($")
# A verb asking to call, earlier in the same line and sentence as the number (``before`` is the
# line before it, not further back than ``_CALL_REACH``).
_CALL_REACH = 90
_CALL_VERB = re.compile(
    r"(?i:\b(?:ll[aá]m(?:a|e|o|ar|en|ale|ala|alo|ame|eme|anos)|call|ring|anrufen|ruf(?:en)?|appelle(?:r|z)?"
    r"|chiam(?:a|are|alo|ala|ami)|richiam(?:a|are|alo|ala)|bel(?:len)?)\b)[^\n.!?]*$"
)
# Spanish numbers written as a provincial prefix and the rest ("983 981642", "91 5833890") or as a
# mobile's first three digits and six: nine digits in two groups, valid in Spain's plan.
_ES_TWO_GROUPS = re.compile(r"^(?:[89]\d[ ]\d{7}|[89]\d\d[ ]\d{6}|[67]\d\d[ ]\d{6})$")


@functools.lru_cache(maxsize=4096)
def _spanish_two_groups(number: str) -> bool:
    if not _ES_TWO_GROUPS.match(number):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, "ES"))
    except phonenumbers.NumberParseException:
        return False


def _contact_line(text: str, start: int, end: int) -> bool:
    """Whether the number ends a line that is words, a dash and the number: a contact line."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_CONTACT_DASH.fullmatch(text, line_start, start) and _LINE_END.match(text, end))


# A telephone symbol just before the number: "📞 912 345 678", "☎ 0612345678", "✆: …".
_PHONE_SYMBOL = re.compile("[\u260e\u260f\u2706\U0001f4de\U0001f4f1\U0001f4f2][\ufe0f]?[ \t:]*$")
# The block under a signature separator ("-- " on a line of its own), a few short lines long.
_SIGNATURE_ABOVE = re.compile(r"(?:^|\n)--[ \t]?\n(?:[^\n]{1,60}\n){0,4}[ \t]*$")


def _signature_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone on a line of a signature block: a number there is
    the sender's phone number."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip(" \t.,"):
        return False
    return bool(_SIGNATURE_ABOVE.search(text, max(0, line_start - 300), line_start))


_CELL_SEPARATORS = ("\t", ";", ",")
_PHONE_HEADER = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|fax|telefon|handy|mobil|t[ée]l[ée]phone|t[ée]l|portable|tel[ée]fono"
    r"|m[óo]vil|cellulare|telefoon|mobiel|gsm|tfno|tlf|number|nummer|numero|n[úu]mero"
    # A list's contact column holds phone numbers among addresses: "Contatto", "Kontakt", "Contacto".
    r"|contact|contacto|contatto|kontakt|recapito|bereikbaar)\b",
    re.IGNORECASE,
)


def _phone_column(text: str, start: int) -> bool:
    """Whether ``start`` is in a spreadsheet cell under a phone header ("Ref;Telefon;Mobil")."""
    header = table_header(text, start)
    return header is not None and bool(_PHONE_HEADER.search(header.cell))


_PHONE_GROUPS = re.compile(r"^(?:\+\d{1,3}[ .\-]?)?(?:\(\d{1,5}\)|\d{1,5})(?:[ .\-/]\d{2,8}){1,4}$")


def _phone_shaped(number: str) -> bool:
    """Digit groups joined by separators the way phone numbers are written (not one long run)."""
    return bool(_PHONE_GROUPS.match(number.replace("(0)", "")))


@functools.lru_cache(maxsize=8192)
def _phone_verdict(number: str, international: bool) -> str:
    """ "valid", "possible" or "no": libphonenumber's opinion, cached (numbers recur across turns)."""
    if international:
        cleaned = number.replace("(0)", " ")
        if cleaned.startswith("00"):
            cleaned = "+" + cleaned[2:]
        regions: Sequence[str | None] = (None,)
    else:
        cleaned = number
        regions = PHONE_REGIONS
    verdict = "no"
    for region in regions:
        try:
            parsed = phonenumbers.parse(cleaned, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return "valid"
        if verdict == "no" and phonenumbers.is_possible_number(parsed):
            verdict = "possible"
    return verdict


# --- Payment cards -------------------------------------------------------------------------------

# Digit groups joined by one kind of separator: a space, a dash, a dot, a slash, an underscore, two
# spaces or a spaced dash ("4111 - 1111 - 1111 - 1111", as PDFs and forms lay them out).
# Not inside a longer number; a comma is a CSV cell's edge after a word or before a long run.
_CARD_CANDIDATE = re.compile(
    r"(?=\d)(?<![\d\-./])(?:(?<!\d,)|(?=\d{5}))\d(?:(?:[ \-./_]|[ ]{2}|[ ]-[ ])?\d){12,18}"
    r"(?![\d\-]|[./]\d|,\d{3}(?!\d))"
)
_NOT_DIGITS = re.compile(r"\D+")
# The words that give a number as a card's, in the six languages: a number written in a card's
# grouping right after one is a card number even if its check digit is wrong (a typo or a
# number copied by hand is still the customer's card).
_CARD_CONTEXT = re.compile(
    r"(?i:\b(?:card|cc|visa|mastercard|master[ \t]card|amex|american[ \t]express|maestro|karte|kreditkarte"
    r"|kartennummer|carte|cb|tarjeta|carta|kaart|creditcard|pas|pasnummer|pan)\b)[^\n]{0,25}$"
)
_CARD_GROUPS = re.compile(r"^\d{4}([ \-./_])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$|^\d{4}([ \-./_])\d{6}\2\d{5}$")
# Issuer prefixes (IIN ranges) of the card schemes in use: Visa, Mastercard (51-55 and the 2-series
# 2221-2720), American Express, Discover, JCB, Diners, Maestro, UnionPay, Mir.
_CARD_PREFIX = re.compile(
    r"^(?:4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|6011|64[4-9]|65|35"
    r"|30[0-5]|3[689]|50|5[6-9]|6[0-9]|220[0-4])"
)


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) checksum every payment card number carries."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def find_credit_cards(text: str) -> list[Candidate]:
    """Card numbers: 13 to 19 digits grouped consistently, a valid Luhn digit, a known issuer prefix.

    A number written 4-4-4-4 with a valid check digit is taken whatever its prefix. When a
    candidate is no card as a whole, the runs of its groups are tried, longest first: the cells of
    a spreadsheet row run together ("3786 602662 38752 04/27") or a card followed by other digits.
    """
    found = []
    for match in _CARD_CANDIDATE.finditer(text):
        hit = _card(text, match.start(), match.end())
        if hit is None:
            hit = _card_in_groups(text, match.start(), match.end())
        if hit is not None:
            found.append(hit)
    return found


_GROUP = re.compile(r"\d+")


def _card_in_groups(text: str, start: int, end: int) -> Candidate | None:
    if " " not in text[start:end]:
        return None  # cut only at a space (see below)
    groups = [m.span() for m in _GROUP.finditer(text, start, end)]
    if len(groups) < 2 or len(groups) > 12:
        return None
    windows = [
        (i, j)
        for i in range(len(groups))
        for j in range(i + 1, len(groups) + 1)
        if (i, j) != (0, len(groups))
        and 13 <= sum(e - s for s, e in groups[i:j]) <= 19
        # Cut only at a space (a cell's edge), never inside "DE89.3704.0044.0532.0130.01".
        and (i == 0 or text[groups[i][0] - 1].isspace())
        and (j == len(groups) or text[groups[j - 1][1]].isspace())
    ]
    for i, j in sorted(windows, key=lambda w: w[0] - w[1]):
        hit = _card(text, groups[i][0], groups[j - 1][1])
        if hit is not None:
            return hit
    return None


def _card(text: str, start: int, end: int) -> Candidate | None:
    raw = text[start:end]
    separators = set(_NOT_DIGITS.findall(raw))
    if len(separators) > 1:
        return None
    digits = _NOT_DIGITS.sub("", raw)
    # Compared below in the one-character form of its separator ("4111 - 1111" as "4111-1111").
    raw = _NOT_DIGITS.sub(lambda m: m.group().strip() or " ", raw)
    if not 13 <= len(digits) <= 19:
        return None
    if not luhn_valid(digits):
        if _CARD_GROUPS.match(raw) and _CARD_CONTEXT.search(_before(text, start, 40)):
            return Candidate("CREDIT_CARD", start, end, 0.6)
        return None
    if separators & {".", "/", "_"} and not _CARD_GROUPS.match(raw):
        return None  # dotted or slashed digits in other groupings are versions and references
    groups = _NOT_DIGITS.split(raw)
    if separators and min(len(g) for g in groups) < 3:
        return None
    if _CARD_PREFIX.match(digits):
        return Candidate("CREDIT_CARD", start, end, 1.0)
    if len(groups) >= 4 and all(len(g) == 4 for g in groups[:4]):
        # Written 4-4-4-4 with a valid check digit: a card of an issuer not listed above.
        return Candidate("CREDIT_CARD", start, end, 0.85)
    return None


# --- US social security numbers ------------------------------------------------------------------

_SSN_FORMATTED = re.compile(r"(?<![\d\-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d\-]|[.,]\d)")
_SSN_BARE = re.compile(r"(?<![\d\-])(\d{3})(\d{2})(\d{4})(?![\d\-]|[.,]\d)")
_SSN_CONTEXT = re.compile(
    r"(?:\bssn|\bss#|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?|\btin\b|tax\s+id(?:entification)?"
    r"(?:\s+(?:number|no\.?))?|\bitin)\b[^\n]{0,25}$",
    re.IGNORECASE,
)


def _ssn_parts_valid(area: str, group: str, serial: str) -> bool:
    # The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def find_us_ssns(text: str) -> list[Candidate]:
    """SSNs written 123-45-6789 (or with spaces) anywhere, and as nine bare digits only after an SSN word."""
    found = []
    for match in _SSN_FORMATTED.finditer(text):
        area, sep, group, serial = match.groups()
        if not _ssn_parts_valid(area, group, serial):
            continue
        context = bool(_SSN_CONTEXT.search(_before(text, match.start())))
        if not context and _PHONE_PREFIX_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "+1 555-12-3456": a phone number's rest
        score = 0.95 if context else (0.85 if sep == "-" else 0.6)
        found.append(Candidate("US_SSN", match.start(), match.end(), score))
    for match in _SSN_BARE.finditer(text):
        if _ssn_parts_valid(*match.groups()):
            labelled = _SSN_CONTEXT.search(_before(text, match.start())) is not None
            if not labelled and record_labelled(text, match.start()):
                continue  # "Pat.-Nr. 607494943": a record number, nine digits as an SSN has
            if not labelled and phone_like(text, match.start(), match.end()):
                continue  # "móvil 0034 671539375": a phone number
            # Without an SSN word nine digits are as likely an order number: reported below any
            # sensible threshold, unless the engine sees it inside a record of personal data.
            found.append(
                Candidate("US_SSN", match.start(), match.end(), 0.9)
                if labelled
                else Candidate("US_SSN", match.start(), match.end(), WEAK_SCORE, weak=True)
            )
    return found


# --- Dates and dates of birth --------------------------------------------------------------------

_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# Also in capitals, as fixed-width reports and forms print them ("16 MAR 1995", "MARCH 3, 1971").
_MONTH = rf"(?:{_MONTHS}|{_MONTHS.upper()})\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_DASHED_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|janv|f[ée]vr?|avr"
    r"|mai|juin|juil|ao[uû]t|d[ée]c|m[äa]r|mrz|okt|dez|mrt|mei"
    r"|janvier|f[ée]vrier|mars|avril|juillet|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]rz"
    r"|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre"
    r"|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januari|februari|maart|augustus)"
)
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    rf"(?P<num>\d{{1,2}}([/.\-])\d{{1,2}}\2(?:\d{{4}}|\d{{2}}(?!\2)))"
    rf"|(?P<iso>{_YEAR}([-/.])\d{{1,2}}\4\d{{1,2}})"
    rf"|(?P<dmy>{_DAY}(?:\s+of)?[ \t]+{_MONTH},?[ \t]+{_YEAR})"
    # "22-Feb-1991", "03/Mar/1978", "16-MAR-1995", "24-dic-1936": the month's name or its
    # abbreviation, in any case and in the six languages, between dashes or slashes.
    rf"|(?P<dashed>{_DAY}(?P<dsep>[-/]){_DASHED_MONTH}(?P=dsep)(?:{_YEAR}|\d\d))"
    rf"|(?P<mdy>{_MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR})"
    rf"|(?P<dm>{_DAY}[ \t]+{_MONTH}(?![ \t]*\d))"
    rf"|(?P<md>{_MONTH}[ \t]+{_DAY}(?![\w:]))"
    rf"|(?P<my>{_MONTH}[ \t]+{_YEAR})"
    r")(?![\w/\-]|\.\d)"
)
_DOB_CONTEXT = re.compile(
    # A whole word: "nato il" ends "consegnato il" (delivered on), "née le" ends "donnée le".
    r"(?<!\w)(?:\bdob|\bd\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|\bborn(?:\s+on)?|(?<![.\-])\bb\.|geb\.(?:\s+am)?"
    r"|geboren(?:\s+(?:am|op))?|geburtsdatum|geb\.?[ -]?datum|n[ée]\(?e?\)?\s+le|date\s+de\s+naissance"
    r"|nacid[oa](?:/[oa])?\s+el|fecha\s+de\s+nacimiento|f\.\s*nac\.?|fec\.\s*nac\.?|nat[oa](?:/[oa])?\s+il"
    r"|nat[oa](?:/[oa])?\s+a\s+[\w' ]{2,30}?\s+il|geboren\s+op"
    r"|data\s+di\s+nascita|geboortedatum|\bgeb\.?\s*datum)"
    # Where it is written, and a verb: "DOB on file is", "date de naissance au dossier",
    # "geboortedatum in dossier", "fecha de nacimiento en ficha", "Geburtsdatum laut Akte".
    r"(?:\s+(?:on\s+(?:file|record)|in\s+(?:the\s+|our\s+)?(?:file|records?|system|chart|dossier)"
    r"|au\s+dossier|dans\s+le\s+dossier|en\s+(?:la\s+)?ficha|en\s+el\s+(?:expediente|sistema)"
    r"|in\s+der\s+akte|laut\s+akte|im\s+system|nel\s+fascicolo|in\s+cartella|in\s+het\s+(?:dossier|systeem)"
    r"|as\s+recorded|as\s+registered"
    # Whose: "geboortedatum van uw zoon Ruud (…)", "date of birth of your daughter Anna:".
    r"|(?:van|of|de|di|del|von)\s+(?:uw|je|jouw|your|votre|ton|ta|su|tu|vostro|vostra|tuo|tua|ihres|ihrer|deines"
    r"|deiner|his|her|their|zijn|haar|hun)\s+(?:zoon|dochter|kind|son|daughter|child|fils|fille|enfant|hijo|hija"
    r"|figlio|figlia|sohnes|tochter|kindes)(?:\s+[A-ZÀ-Þ][^\W\d_]+){0,2}))?"
    r"(?:\s+(?:is|was|ist|lautet|est|es|è|era|reads))?"
    r"[^\w\n]{0,4}$",
    re.IGNORECASE,
)
# Dates written with the month's name in French, German, Spanish, Italian or Dutch:
# "3 mars 1978", "1er janvier 1980", "3. März 1978", "3 de marzo de 1978", "3 maart 1978".
_FOREIGN_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
    r"|januar|j[äa]nner|februar|m[äa]rz|april|juni|juli|august|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januari|februari|maart|mei|augustus|oktober|september|november|december)"
)
_FOREIGN_DATE = re.compile(
    rf"(?<![\w/.\-])(?:0?[1-9]|[12]\d|3[01])(?:er|\.|º|°)?[ \t]+(?:de[ \t]+)?(?i:{_FOREIGN_MONTH})"
    rf"(?:[ \t]+(?:de(?:l)?[ \t]+)?{_YEAR})?(?![\w])"
)
# "DOB: 1980-01-31" puts the date right after the label; "date of birth (31/01/1980)" and
# "born 31 January 1980" too. A spreadsheet row without a label only gets DATE_TIME.


def _numeric_date_ok(value: str) -> bool:
    parts = [int(p) for p in re.split(r"[/.\-]", value)]
    if len(parts) != 3:
        return False
    if parts[0] > 31:  # year first
        _, first, second = parts
    else:
        first, second, _ = parts
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= first <= 31 and 1 <= second <= 12)


def find_dates(text: str) -> list[Candidate]:
    """Calendar dates (not durations or times); dates right after "DOB", "born" etc. are dates of birth."""
    found = []
    for match in _DATE.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind in ("num", "iso") and not _numeric_date_ok(value):
            continue
        short_year = kind == "num" and len(re.split(r"[/.\-]", value)[-1]) == 2
        if kind == "num" and "." in value and short_year and not _PADDED_SHORT.match(value):
            continue  # 1.2.10 is a version number; 02.04.55 a date
        start, end = match.span()
        if _DOB_CONTEXT.search(_before(text, start, 40)):
            found.append(Candidate("DATE_OF_BIRTH", start, end, 0.9))
        elif short_year and not _PERSONAL_DATE_CONTEXT.search(_before(text, start, 40)):
            # "12.04.61", "03/11/58": a two-digit year far back reads as a birth date's; a recent
            # one ("am 05.06.22") is a letter's or a payment's date, even in a row of records.
            found.append(Candidate("DATE_TIME", start, end, 0.85 if _short_year_old(value) else WEAK_SCORE))
        else:
            found.append(_other_date(text, start, end, 0.6 if kind in ("dm", "md", "my") else 0.85))
    for match in _FOREIGN_DATE.finditer(text):
        start, end = match.span()
        if _DOB_CONTEXT.search(_before(text, start, 40)):
            found.append(Candidate("DATE_OF_BIRTH", start, end, 0.9))
        else:
            found.append(_other_date(text, start, end, 0.85 if _YEAR_AT_END.search(match.group()) else 0.6))
    return found


# Words that make a date one about a person's life or care ("admitted on 3 March", "hired 2019-04-01").
_PERSONAL_DATE_CONTEXT = re.compile(
    r"(?i:\b(?:admitted|admission|discharged?|seen|visit(?:ed)?|appointment|surgery|operated|procedure|diagnos[ei]s|"
    r"diagnosed|treated|examined|died|deceased|death|hired|joined|employed|start(?:ed|ing)?\s+date|terminat(?:ed|ion)|"
    r"resigned|married|divorced|injur(?:y|ed)|accident|onset|symptoms|vaccinated|prescribed|date\s+of\s+service|"
    r"aufgenommen|entlassen|aufnahme|entlassung|eingestellt|verstorben|hospitalis[ée]e?|admise?|sortie?|"
    r"d[ée]c[ée]d[ée]e?|embauch[ée]e?|ingres[óo]|ingreso|alta|fallecid[oa]|contratad[oa]|ricoverat[oa]|ricovero|"
    r"dimess[oa]|decedut[oa]|assunt[oa]|opgenomen|ontslagen|overleden|in\s+dienst)\b)[^\n]{0,30}$"
)


def _other_date(text: str, start: int, end: int, score: float) -> Candidate:
    """A date that is not a date of birth: personal data after words about a person's life or care,
    or when it lies sixteen years back or more; a date without a year only inside a record of
    personal data; a recent one not at all (a transaction's or a meeting's date is not)."""
    if _PERSONAL_DATE_CONTEXT.search(_before(text, start, 40)):
        return Candidate("DATE_TIME", start, end, score)
    year = _FOUR_DIGIT_YEAR.search(text, start, end)
    if year and int(year.group()) <= _OLD_YEAR:
        # Sixteen years back or more: a date of birth far more often than a transaction's.
        return Candidate("DATE_TIME", start, end, score)
    if year:
        # A recent date with no word about a person's life: a payment's, an order's, a meeting's,
        # even in a row of someone's data (a statement line holds a name and an account too).
        return Candidate("DATE_TIME", start, end, WEAK_SCORE)
    return Candidate("DATE_TIME", start, end, WEAK_SCORE, weak=True)


_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_OLD_YEAR = datetime.datetime.now(datetime.UTC).year - 16
# A dotted date with a two-digit year and a zero-padded day and month: "02.04.55", not "1.2.10".
_PADDED_SHORT = re.compile(r"^\d\d\.\d\d\.\d\d$")


def _short_year_old(value: str) -> bool:
    """Whether a date written with a two-digit year lies sixteen years back or more (a year ahead
    of this one's two digits is read as last century's)."""
    yy = int(value[-2:])
    this_year = datetime.datetime.now(datetime.UTC).year
    year = 1900 + yy if yy > this_year % 100 else 2000 + yy
    return year <= _OLD_YEAR


_YEAR_AT_END = re.compile(r"\d{4}$")


# --- Cells of pasted tables -----------------------------------------------------------------------

# A table pasted as CSV, TSV or Markdown names its numbers once, in its header: "MRN;Name;Geb.",
# "| Naam | BSN |". A cell is read under the header of its column: the first line of the block of
# rows written with the same separator (a Markdown rule line "|---|---|" is skipped).
_TABLE_SEPARATORS = ("\t", "|", ";", ",")
_RULE_LINE = re.compile(r"^[ \t|:\-+=]+$")
_ANY_DIGIT = re.compile(r"\d")
_CELL_TRIM = " \t\r\"'*`"
_MAX_TABLE_ROWS = 400


def _cells(line: str, separator: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of ``line``; a double-quoted CSV field may hold the separator."""
    if '"' not in line or separator not in ",;":
        # No quoted field: str.split does it in C (every prose line with a comma comes here).
        out, at = [], 0
        for cell in line.split(separator):
            out.append((at, at + len(cell)))
            at += len(cell) + 1
        return out
    spans, start, quoted = [], 0, False
    for index, char in enumerate(line):
        if char == '"' and separator in ",;":
            quoted = not quoted
        elif char == separator and not quoted:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(line)))
    return spans


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in _CELL_TRIM:
        start += 1
    while end > start and line[end - 1] in _CELL_TRIM:
        end -= 1
    return start, end


class TableHeader(NamedTuple):
    cell: str  # the header of the column
    start: int  # where the header line starts and ends in the text
    end: int
    separator: str
    columns: int


def table_header(text: str, start: int) -> TableHeader | None:
    """The header of the table column whose cell holds ``text[start]``, or None outside a table."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return None
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    separator = next((s for s in _TABLE_SEPARATORS if s in line), None)
    if separator is None:
        return None
    offset = start - line_start
    column = next((i for i, (a, b) in enumerate(_cells(line, separator)) if a <= offset <= b), None)
    if column is None:
        return None
    header: tuple[int, int] | None = None
    end = line_start - 1
    for _ in range(_MAX_TABLE_ROWS):
        above_start = text.rfind("\n", 0, end) + 1
        above = text[above_start:end]
        if separator not in above:
            break
        if not _RULE_LINE.match(above):
            header = (above_start, end)
        if above_start == 0:
            break
        end = above_start - 1
    if header is None:
        return None
    line = text[header[0] : header[1]]
    if _ANY_DIGIT.search(line):
        return None
    cells = _cells(line, separator)
    if column >= len(cells):
        return None
    a, b = _trimmed(line, *cells[column])
    return TableHeader(line[a:b], header[0], header[1], separator, len(cells))


def column_cells(text: str, is_header: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the non-empty cells under every header cell for which ``is_header`` holds."""
    found = []
    lines = text.split("\n")
    offsets = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    index = 0
    while index < len(lines):
        line = lines[index]
        separator = next((s for s in _TABLE_SEPARATORS if s in line), None)
        index += 1
        if separator is None or len(line) > 2000 or _ANY_DIGIT.search(line):
            continue
        header_cells = _cells(line, separator)
        columns = [
            k for k, (a, b) in enumerate(header_cells) if is_header(line[slice(*_trimmed(line, a, b))])
        ]
        if not columns:
            continue
        for row_index in range(index, min(len(lines), index + _MAX_TABLE_ROWS)):
            row = lines[row_index]
            if separator not in row:
                break
            if _RULE_LINE.match(row):
                continue
            cells = _cells(row, separator)
            for k in columns:
                if k < len(cells):
                    a, b = _trimmed(row, *cells[k])
                    if a < b:
                        found.append((offsets[row_index] + a, offsets[row_index] + b))
    return found


# --- Medical record numbers ----------------------------------------------------------------------

_MRN_LABEL = (
    r"(?:(?i:\bmrn(?:s\b)?|\bmed(?:ical|\.)?\s*rec(?:ord\b|\.)?(?:\s*(?:number|no\b\.?|nr\b\.?|#|id\b))?"
    r"|\bhospital\s+(?:record|number|no\.?|id)"
    r"(?:\s+(?:number|no\.?|#))?|\bpatient\s+(?:id|number|no\.?|#)|\bchart\s+(?:number|no\.?|#|id)"
    r"|\bhealth\s+record(?:\s+(?:number|no\.?|#))?|\bunit\s+number|\bUR\s+number"
    # The same labels in German, French, Spanish, Italian and Dutch hospital paperwork.
    r"|\bfall(?:nummer|nr\.?)|\bpatienten[\- ]?(?:nummer|nr\.?|id)|\baufnahme[\- ]?(?:nummer|nr\.?)"
    r"|\bkrankenhaus[\- ]?(?:nummer|nr\.?)|\bkrankenakte(?:\s+(?:nr\.?|nummer))?"
    r"|\bn(?:°|o|º|um[ée]ro)\.?\s+(?:de\s+)?dossier(?:\s+(?:m[ée]dical|patient))?|\bdossier\s+(?:m[ée]dical|patient)"
    r"(?:\s+n(?:°|o|º))?|\bIPP\b|\bhistoria\s+cl[ií]nica(?:\s+(?:n\.?(?:º|°|o|[uú]m)\.?))?"
    r"|\bn(?:º|°|[uú]m(?:ero)?)\.?\s+(?:de\s+)?historia(?:\s+cl[ií]nica)?|\bNHC\b"
    r"|\bcartella(?:\s+clinica)?(?:\s+(?:n\.?|nr\.?|numero))?|\bn(?:\.|umero)\s+(?:di\s+)?cartella(?:\s+clinica)?"
    r"|\bfall[\- ](?:nr\.?|id)|\bpat\.?[\- ]?(?:nr\.?|id\b)"
    r"|\b(?:n[°º]|num[ée]ro|numero|n[uú]mero|nr\.?|id)\s+(?:de\s+|di\s+)?"
    r"(?:patient|paziente|paciente|pati[ëe]nt)|\bexpediente\s+cl[ií]nico|\bmedisch\s+dossier"
    r"|\bnosologico|\bpati[ëe]nt(?:nummer|nr\.?|[\- ]?id)|\bziekenhuis(?:nummer|nr\.?)|\bEPD[\-"
    r" ]?(?:nummer|nr\.?)"
    r"|\bdossiernummer|\brecord\s+(?:number|no\.?)"
    # Abbreviated and system names: "Hosp. No.", "UR No.", "Nº HC", "Cod. paziente", "ZIS-nummer"
    # (the Dutch hospital information system's), "N° de séjour" (the stay's, as "Fallnummer").
    r"|\bhosp\.?[ \t]*(?:no\.?|nr\.?|#|number)|\bUR\s+no\.?|\bn[º°]\.?[ \t]*H\.?C\b\.?"
    r"|\bcod(?:ice|\.)?[ \t]*(?:del[ \t]+)?paziente|\bidentificativo[ \t]+(?:del[ \t]+)?paziente"
    r"|\bpatient[ \t]+identifier|\b(?:zis|hix)[\- ]?(?:nummer|nr\.?)"
    r"|\b(?:n[°º]|num[ée]ro)\.?[ \t]*(?:de[ \t]+)?s[ée]jour"
    # "Unit No.", "Patient-Nr.", "Patientenidentifikationsnummer", "Krankenblattnummer", "KIS-Nr.",
    # "Identifiant patient", "ID patient", "N° d'hospitalisation", "numero di ricovero", "episodio".
    r"|\bunit[ \t]+(?:no\b\.?|nr\b\.?|#)|\bpatient[\- ](?:nr\.?|nummer)\b"
    r"|\bpatient(?:en)?[\- ]?identifikations(?:nummer|nr\.?)|\bkrankenblatt[\- ]?(?:nummer|nr\.?)"
    r"|\bN\.H\.C\b\.?|\bkis[\- ](?:nummer|nr\.?)|\bidentifiant[ \t]+(?:du[ \t]+)?patient"
    r"|\bID[ \t]+(?:du[ \t]+)?patient"
    r"|\b(?:n[°º]|num[ée]ro)\.?[ \t]*d['\u2019]?[ \t]*hospitali[sz]ation"
    r"|\b(?:n\.|nr\.?|numero|codice)[ \t]*(?:di[ \t]+)?ricovero|\bn[uú]mero[ \t]+de[ \t]+episodio"
    # "Hosp ID", "Pt ID", "Pt. No.", "Patient ref", "EHR ID", "Hospital Reg. No.", "MRN/UR",
    # "Patientenkennung", "Klinik-Nr.", "Opnamenummer", "N° d'admission", "Nº de ingreso", "NUHSA".
    r"|\bhosp(?:ital)?\.?[ \t]*(?:id\b|#)|\bpt\.?[ \t]*(?:id\b|no\b\.?|nr\b\.?|#|number)"
    r"|\bpatient[ \t]+ref(?:erence)?\b(?:[ \t]+(?:no\b\.?|number|#))?"
    r"|\b(?:ehr|emr|epr)[ \t\-]*(?:id\b|no\b\.?|number|#)"
    r"|\bhospital[ \t]+reg(?:istration|\.)?[ \t]*(?:no\b\.?|number|#)|\bmrn[ \t]*/[ \t]*urn?\b"
    r"|\bpatienten[\- ]?(?:kennung|kennzeichen)|\bklinik[\- ]?(?:nummer|nr\b\.?)"
    r"|\bopname[\- ]?(?:nummer|nr\b\.?)"
    r"|\b(?:n[°º]|num[ée]ro)\.?[ \t]*d['\u2019][ \t]*admission"
    r"|\b(?:n[º°]|n[uú]mero)\.?[ \t]*(?:de[ \t]+)?ingreso"
    r"|\bNUHSA\b|\bn\.[º°][ \t]*(?:de[ \t]+)?(?:historia(?:[ \t]+cl[ií]nica)?|H\.?C\b\.?|paciente|expediente)"
    r"|\bpatient[ \t]+(?:ids|numbers|nos\.?)(?![\w])|\bhospital[ \t]+numbers"
    # A hospital bill's patient account ("patient acct E123 4567", "patient account no. …").
    r"|\bpatient[ \t]+(?:acct\b\.?|account\b)(?:[ \t]+(?:no\b\.?|number|#))?)"
    # A scanned form's letters read apart: "M R N :", "M.R.N.".
    r"|(?<![\w.])M[ .]{1,2}R[ .]{1,2}N\b\.?"
    # Short labels that name other things too (a process's PID, Québec's NIP of a card, "HC" of a
    # heating bill): taken only in a text about care (``_CLINICAL``). Not "Dossier n°", which in a
    # laboratory's report is as often its order ("Dossier n° CMD-2024-237641").
    r"|(?P<loose>\bPID\b|\bNIP\b|(?<![\w.])(?i:n[°º]\.?[ \t]*(?:de[ \t]+)?)?H\.C\.?"
    # Australia's unit record number, Germany's Patientenidentifikationszahl, France's numéro de
    # dossier administratif, Italy's scheda di dimissione, a record's or an episode's number.
    r"|\bURN?\b|\bPIZ\b|\bNDA\b|\bSDO\b(?:[ \t]+n\.)?|(?i:\brecord[ \t]+(?:id\b|#))|(?i:\bepisodio\b)))"
)
# Every label opens a word with one of these letters: a cheap test before the alternatives are tried.
_MRN_LABEL = r"\b(?=[MmHhPpUuFfAaKkNnDdIiCcEeZzRrSsOo])" + _MRN_LABEL
_MRN_LABEL_RE = re.compile(_MRN_LABEL)
# Between a label and its number: an abbreviation or a system's name in brackets ("Hospital record
# (MRN):", "Patiëntnummer (ZIS):"), a verb or "no."/"nº" ("Nosologico n. …"), a colon, "#", "=", a
# dash ("MRN - …", "Patient identifier — …"), and at most one line break (a form read by OCR).
_MRN_GLUE = (
    r"[)\]]?(?:[ \t]*\((?:[A-Za-z.]{1,8})\))?"
    # Whose record, before a colon: "Patientennr. der Praxis:", "patient no. at the clinic:",
    # "N° de dossier de la clinique :", "numero paziente dell'ospedale:".
    r"(?:[ \t]+(?:der|des|of[ \t]+the|at[ \t]+the|de[ \t]+la|du|de[ \t]+l['\u2019]|del|della|dell['\u2019]"
    r"|van[ \t]+de|bij[ \t]+de|in[ \t]+der|im)[ \t]*[^\W\d_]{3,20}(?=[ \t]*[:#]))?"
    r"(?:[ \t]+(?:is|was|of|ist|est|es|è|nr\.?|no\.?|n[°º]\.?|n\.|number|nummer|numero|n[uú]mero))?"
    r"[ \t]*(?:[:#=,]|:?[ \t]*[\-\u2013\u2014]{1,2}(?![\d\-]))?[ \t]*(?:\r?\n[ \t]*)?[\"'(\[]?"
)
_MRN = re.compile(
    "(?P<label>"
    + _MRN_LABEL
    + ")"
    + _MRN_GLUE
    # "4411 2093", "RXH 448 2190": short digit groups written with spaces, as a number is read out.
    + r"(?P<id>(?:[A-Z]{1,4}[ \-]?)?\d{2,4}(?:[ ]\d{1,4}){1,3}(?![\w.\-/]|[ ]/)"
    # "A 2024 / 447812": a year and a serial, the slash spaced.
    r"|(?:[A-Z]{1,4}[ ]?)?\d{2,4}[ ]/[ ]\d{3,10}"
    r"|[A-Z]{0,4}[-/ ]?\d[\d\-/.]{3,14}\d[A-Z]?|[A-Z]{1,4}\d{4,12}"
    # "2023-HC-05512", "HC/19/447812": a year or a prefix, the service's letters, a serial.
    r"|(?:[A-Z]{1,4}[-/])?\d{2,4}[-/][A-Z]{1,4}[-/]\d{3,10})\b"
)
# A record label right before a position (its glue and a system's letters between): a number there
# is the record number, even when its digits happen to pass a national identifier's checksum.
_LABEL_BEFORE = re.compile("(?:" + _MRN_LABEL + ")" + _MRN_GLUE + r"(?:[A-Z]{1,4}[ \-/]?)?$")
_LABEL_REACH = 64


def record_labelled(text: str, start: int) -> bool:
    """Whether a record-number label ("MRN", "Pat.-Nr.", "IPP", …) stands right before ``start``."""
    window = text[max(0, start - _LABEL_REACH) : start]
    if not any(hint in window.lower() for hint in _MRN_KEY_HINTS):
        return False
    return _LABEL_BEFORE.search(window) is not None


_NEXT_ID = re.compile(
    r"[ \t]*(?:[,;/&]|\b(?:and|und|et|y|e|en|or|oder|ou|o|of)\b)[ \t]*"
    r"(?P<id>[A-Z]{0,4}[-/]?\d[\d\-/.]{3,14}\d[A-Z]?|[A-Z]{1,4}\d{4,12})\b(?![\-/.]\w)"
)
# Health-care exchange formats: an HL7 v2 PID segment's patient identifiers (PID-2, PID-3: the
# first component of each repetition), and a FHIR identifier whose type or system is a record
# number ('"type": "MR"', '"system": "…/mrn"') with its "value".
_HL7_PID = re.compile(r"(?m)^PID\|[^|\n]*\|(?P<two>[^|\n]*)\|(?P<three>[^|\n]*)\|")
_HL7_ID = re.compile(r"(?:^|~)([A-Za-z0-9][A-Za-z0-9\-./]{2,30})")
_FHIR_REACH = 300
_FHIR_RECORD = re.compile(
    r"(?i):[ \t]*[\"'](?:MR|MRN|PI"
    r"|[^\"'\n]{0,80}(?:mrn|medical[\-_ ]?record|patient[\-_ ]?id)[^\"'\n]{0,40})[\"']"
)
_FHIR_VALUE = re.compile(r"[\"']value[\"'][ \t]*:[ \t]*[\"'](?P<id>[A-Za-z0-9][A-Za-z0-9\-./]{3,30})[\"']")


def _exchange_record_numbers(text: str) -> list[tuple[int, int]]:
    spans = []
    if "PID|" in text:
        for segment in _HL7_PID.finditer(text):
            for group in ("two", "three"):
                field_start = segment.start(group)
                for match in _HL7_ID.finditer(segment.group(group)):
                    value = match.group(1)
                    if sum(c.isdigit() for c in value) >= 4:
                        spans.append((field_start + match.start(1), field_start + match.end(1)))
    if '"value"' in text or "'value'" in text:
        previous = 0
        for value in _FHIR_VALUE.finditer(text):
            # The identifier's other members: back to the previous value, on to its object's end.
            before = text[max(previous, value.start() - _FHIR_REACH) : value.start()]
            close = text.find("}", value.end())
            after = text[value.end() : close + 1 if 0 <= close < value.end() + _FHIR_REACH else value.end()]
            previous = value.end()
            if not (_FHIR_RECORD.search(before) or _FHIR_RECORD.search(after)):
                continue
            if sum(c.isdigit() for c in value.group("id")) >= 4:
                spans.append(value.span("id"))
    return spans


# Words that make a text one about care, for the short labels above that name other things too.
_CLINICAL = re.compile(
    r"(?i:patient|pati[eë]nt|paciente|paziente|klinik|clinic|cl[ií]nic|hospital|h[oô]pital|ospedale|krankenhaus"
    r"|ziekenhuis|station\b|\bward\b|diagnos|therap|arzt|[äa]rztin|doctor|\bdr\.|m[ée]dic|medisch|medizin"
    r"|pflege|aufnahme|entlassung|admission|discharge|ingreso|ricovero|opname|sanit|salud|gezondheid"
    r"|gesundheit|health|sant[ée]|urgenc|notaufnahme|allerg|labor|befund|consult|huisarts|hausarzt|ambulan"
    r"|\bde[ \t]+alta\b|\binforme[ \t]+m[ée]dico|cl[ií]nica)"
)


def find_medical_record_numbers(text: str) -> list[Candidate]:
    """Identifiers right after "MRN", "medical record number", "hospital record", "patient ID" and the like.

    The same identifier elsewhere in the text (without its label) is found too.
    """
    found = []
    values = set()
    clinical: bool | None = None
    for match in _MRN.finditer(text):
        start, end = match.span("id")
        value = match.group("id")
        if "\n" in text[match.start() : start] and sum(c.isdigit() for c in value) < 5:
            continue  # a short number on the line after its label is as likely another field
        if sum(c.isdigit() for c in value) < 4 or _not_a_record(value):
            continue
        if value[0] in "-/" and start == match.end("label"):
            # The label glued to its number by a dash or a slash ("MRN-36723468", "NHC-19-10889"):
            # one identifier, the label's letters its prefix.
            start = match.start("label")
            value = text[start:end]
        if match.group("loose"):
            if clinical is None:
                clinical = _CLINICAL.search(text) is not None
            if not clinical:
                continue
        found.append(Candidate("MEDICAL_RECORD_NUMBER", start, end, 0.85))
        values.add(value)
        # A list after one label: "MRNs: 4471208, 4471209", "Patient IDs 4471208 and 4471209".
        position = end
        while (more := _NEXT_ID.match(text, position)) is not None:
            other = more.group("id")
            if abs(len(other) - len(value)) > 2 or _not_a_record(other):
                break
            found.append(Candidate("MEDICAL_RECORD_NUMBER", *more.span("id"), 0.85))
            values.add(other)
            position = more.end()
    for start, end in _exchange_record_numbers(text):
        found.append(Candidate("MEDICAL_RECORD_NUMBER", start, end, 0.85))
        values.add(text[start:end])
    labelled = {(c.start, c.end) for c in found}
    for start, end in dict.fromkeys(_machine_record_numbers(text)):
        if (start, end) not in labelled:
            found.append(Candidate("MEDICAL_RECORD_NUMBER", start, end, 0.85))
            values.add(text[start:end])
    if values:
        pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, values)) + r")(?![\w\-])")
        seen = {(c.start, c.end) for c in found}
        for match in pattern.finditer(text):
            if match.span() not in seen:
                found.append(Candidate("MEDICAL_RECORD_NUMBER", match.start(), match.end(), 0.75))
    return found


# Machine-written text names the number by a key: JSON and YAML keys, query strings and log fields
# ("patientId", "patient_id=", "user.mrn="), a ticket's audit trail ('field "Patiëntnummer" changed
# from … to …'), or a scanned form whose label and number OCR put on two lines. A key is read by its
# words whatever their joining (snake_case, camelCase, dotted path), and must end in one of these.
_MRN_KEY_WORDS = """
    mrn medicalrecordnumber medicalrecordno medicalrecordnr medicalrecordid medicalrecord medrec medrecno
    medrecnumber medrecid medrecnr patientid patientnumber patientno patientnr patientnum patientref
    patid patno patnr patnum patientenid patientennummer patientennr hospitalnumber hospitalno hospitalnr
    chartnumber chartno chartid fallnummer fallnr fallid aufnahmenummer aufnahmenr
    krankenhausnummer krankenhausnr ipp numeroipp nhc numerohistoria numerohistoriaclinica
    historiaclinica nhistoria idpaciente pacienteid numeropaciente cartella cartellaclinica numerocartella
    ncartella nosologico idpaziente pazienteid codicepaziente numeropaziente patientnummer
    ziekenhuisnummer ziekenhuisnr epdnummer epdnr dossiernummer urnumber healthrecordnumber ehrid emrid
    ehrnumber emrnumber encounterid encounternumber admissionid admissionnumber admissionno
    hospno codpaziente identificativopaziente patientidentifier zisnummer zisnr hixnummer
    numerosejour nsejour patientaccount patientacct patientaccountnumber patientacctno
"""
_MRN_KEYS = frozenset(_MRN_KEY_WORDS.split())
# A record's number by a generic key ("RecordNo", "record_number"): a patient's only in a text about
# care (a hospital system's message), otherwise a database's or a register's row.
_GENERIC_RECORD_KEYS = frozenset(
    ("recordno", "recordnumber", "recordnr", "recordid", "recno", "recnumber", "recordnum")
)
# A piece of every key and label above: a cheap look before any regex runs.
_MRN_KEY_HINTS = ("mrn", "pat", "rec", "hosp", "chart", "fall", "aufnahme", "kranken", "ipp", "nhc",
                  "histor", "cartell", "nosolog", "paz", "pac", "ziekenhuis", "epd", "dossier", "ehr",
                  "emr", "encounter", "admission", "m r n", "m.r.n", "unit", "ur ", "expediente", "hc", "zis",
                  "hix", "jour", "identifier")  # fmt: skip
_KEY_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z\u00e0-\u00ff]+|\d+")
_FOLD = str.maketrans("àáâäèéêëìíîïòóôöùúûü", "aaaaeeeeiiiioooouuuu")
# The number: digits with a few letters of a prefix or a suffix, no spaces ("KH-2021-0045871", "H0045871").
# A system's letters and a space before the digits too ("PID 25065498", "SDO 2025.23538").
_KEYED_ID = r"(?:[A-Z]{2,5}[ ](?=\d)|[A-Za-z]{1,5}[-/]?)?\d[A-Za-z0-9\-/.]{2,22}(?![\w]|[\-/.]\w)"
# A key before "=", ":" or "=>", in quotes or bare: '"patientId":', "patient_id=", "user.mrn=".
_KEY_BEFORE_VALUE = re.compile(
    r"(?<![\w.\-])[\"']?(?P<key>[^\W\d_][\w.\-]{0,40}?)[\"']?"
    r"[ \t]*(?:=>|[:=>])[ \t]*(?:\r?\n[ \t]*)?[\"'(\[]?"
    rf"(?P<id>{_KEYED_ID})"
)
_XML_ELEMENT = re.compile(
    r"<(?P<key>[A-Za-z][\w.\-]{0,40})(?:[ \t][^<>\n]*)?>(?P<id>[^<>\n]{4,32})</(?P=key)>"
)
# A field's name in an audit trail ('field "patient_id" changed from … to …'), read after its last digit.
_KEY_TOKEN = re.compile(r"[^\W\d_][\w.\-]*")
_UP_TO_A_DIGIT = re.compile(r"^.*\d", re.DOTALL)
# After a label: a JSON key in words ('"Patient ID": "…"'), or a label on a line of its own with
# its number on the next, as OCR reads a form.
_AFTER_LABEL = re.compile(
    rf"[)\]]?[\"']?[ \t]*(?:=>|[:=#])?[ \t]*(?:\r?\n[ \t]*)?[\"'(\[]?(?P<id>{_KEYED_ID})"
)
# An old and a new value: "from 0045871 to 0045872", "von … auf …", "de … à …", "van … naar …",
# "0045871 -> 0045872"; the old value may be empty ('from "" to "0045872"').
_Q_OPEN = "[\"'\u201c\u201e\u00ab]?"
_Q_CLOSE = "[\"'\u201d\u00bb]?"
_CHANGE = re.compile(
    rf"(?i:\b(?:from|von|de|da|van)\b)[ \t]*{_Q_OPEN}(?P<a>{_KEYED_ID})?{_Q_CLOSE}[ \t]+"
    rf"(?i:(?:to|auf|nach|zu|à|a|naar)\b)[ \t]*{_Q_OPEN}(?P<b>{_KEYED_ID})"
    rf"|(?P<c>{_KEYED_ID}){_Q_CLOSE}[ \t]*(?:->|=>|\u2192|\u00bb)[ \t]*{_Q_OPEN}(?P<d>{_KEYED_ID})"
)
_CHANGE_REACH = 60
# A table's cell under a record-number header: the number alone, or in short groups ("447 812 9").
_CELL_ID = re.compile(rf"{_KEYED_ID}|(?:[A-Z]{{1,4}}[ \-]?)?\d{{2,4}}(?:[ ]\d{{1,4}}){{1,3}}")
_ID_END = re.compile(r"[.\-/]+$")
_NOT_A_RECORD = re.compile(
    r"^(?:\d+[.,]\d{1,2}|\d{1,2}:\d\d(?::\d\d)?"
    r"|(?:\d{1,3}\.){3}\d{1,3}|\d{4}-\d\d-\d\dT.*|(?:19|20)\d\d)$"
)
_DATE_SHAPE = re.compile(r"^(\d{1,4})([./\-])(\d{1,2})\2(\d{1,4})$")


def _not_a_record(value: str) -> bool:
    """An amount, a time, an IP address, a year or a date: "03.02.2024", "2024-02-03" (not "44-71-208")."""
    if _NOT_A_RECORD.match(value):
        return True
    date = _DATE_SHAPE.match(value)
    if date is None:
        return False
    first, second, last = int(date.group(1)), int(date.group(3)), date.group(4)
    if len(date.group(1)) == 4:
        return 1 <= second <= 12 and len(last) <= 2 and 1 <= int(last) <= 31
    if len(date.group(1)) > 2 or len(last) not in (2, 4):
        return False
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)


def _record_key(key: str) -> bool:
    words = [w.lower().translate(_FOLD) for w in _KEY_WORDS.findall(key)]
    return any("".join(words[i:]) in _MRN_KEYS for i in range(len(words)))


def _generic_record_key(key: str) -> bool:
    words = [w.lower() for w in _KEY_WORDS.findall(key)]
    return len(words) <= 3 and "".join(words[-2:]) in _GENERIC_RECORD_KEYS


def _record_value(text: str, start: int, end: int) -> tuple[int, int] | None:
    end = start + len(_ID_END.sub("", text[start:end]))
    value = text[start:end]
    if sum(c.isdigit() for c in value) < 4 or _not_a_record(value):
        return None
    return start, end


def _not_another_field(match: re.Match[str]) -> bool:
    """A short number on the line after its label is as likely another field ("1234 Main St")."""
    return "\n" not in match.group() or sum(c.isdigit() for c in match.group("id")) >= 5


def _machine_record_numbers(text: str) -> list[tuple[int, int]]:
    lowered = text.lower()
    if not any(hint in lowered for hint in _MRN_KEY_HINTS):
        return []
    spans = []
    clinical: bool | None = None
    keyed = list(_KEY_BEFORE_VALUE.finditer(text))
    if "</" in text:
        # An XML element's whole content, also in digit groups ("<RecordNo>33 678 474</RecordNo>").
        keyed.extend(m for m in _XML_ELEMENT.finditer(text) if _CELL_ID.fullmatch(m.group("id")))
    for match in keyed:
        if not _not_another_field(match):
            continue
        if _record_key(match.group("key")):
            spans.append(match.span("id"))
        elif _generic_record_key(match.group("key")):
            if clinical is None:
                clinical = _CLINICAL.search(text) is not None
            if clinical:
                spans.append(match.span("id"))
    for match in _MRN_LABEL_RE.finditer(text):
        after = _AFTER_LABEL.match(text, match.end())
        if after and _not_another_field(after):
            if match.group("loose"):
                if clinical is None:
                    clinical = _CLINICAL.search(text) is not None
                if not clinical:
                    continue
            spans.append(after.span("id"))

    def record_header(cell: str) -> bool:
        nonlocal clinical
        if len(cell) > 40:
            return False
        label = _MRN_LABEL_RE.search(cell)
        if label is not None and label.group("loose") and clinical is None:
            clinical = _CLINICAL.search(text) is not None
        if label is not None and (not label.group("loose") or clinical):
            return True
        return _record_key(cell)

    for start, end in column_cells(text, record_header):
        if _CELL_ID.fullmatch(text, start, end):
            spans.append((start, end))
    for match in _CHANGE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        window = text[max(line_start, match.start() - _CHANGE_REACH) : match.start()]
        # The field's name, then words only ('" changed ', " geändert "): no other number between
        # them ("MRN 0045871, dose from 2500 to 3000 mg").
        window = _UP_TO_A_DIGIT.sub("", window)
        if _MRN_LABEL_RE.search(window) or any(map(_record_key, _KEY_TOKEN.findall(window))):
            spans.extend(match.span(group) for group in "abcd" if match.group(group))
    return [kept for start, end in spans if (kept := _record_value(text, start, end))]


# --- Administrators' deny terms and custom patterns ----------------------------------------------

_REGEX_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.VERSION0
CUSTOM_REGEX_TIMEOUT = 0.25
MAX_CUSTOM_REGEX_LENGTH = 1000


@functools.lru_cache(maxsize=256)
def term_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex finding any of ``terms`` as whole words, case-insensitively, any whitespace inside."""
    parts = sorted(
        {r"\s+".join(re.escape(word) for word in term.split()) for term in terms if term.strip()},
        key=len,
        reverse=True,
    )
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def compiled_custom(pattern: str) -> Any:
    """The compiled form of an administrator's pattern, or ``None`` if it should never have been saved."""
    try:
        validate_custom_regex(pattern)
    except ValueError as exc:
        log.warning("Ignoring an invalid custom pattern: %s", exc)
        return None
    return regex.compile(pattern, _REGEX_FLAGS)


def run_custom(compiled: Any, text: str) -> list[tuple[int, int]]:
    """Spans matched by a custom pattern; a pattern that runs too long keeps what it found so far.

    ``validate_custom_regex`` rejects the shapes known to backtrack catastrophically; the timeout
    is the second line of defence for the ones it cannot see, so a bad pattern slows one request
    down by a quarter of a second instead of hanging a worker.
    """
    spans: list[tuple[int, int]] = []
    try:
        for match in compiled.finditer(text, timeout=CUSTOM_REGEX_TIMEOUT):
            if match.end() > match.start():
                spans.append(match.span())
    except TimeoutError:
        log.warning(
            "A custom pattern timed out after %s s; keeping %d matches", CUSTOM_REGEX_TIMEOUT, len(spans)
        )
    return spans


def validate_custom_regex(pattern: str) -> None:
    """Reject a pattern that does not compile, matches the empty string, or can backtrack for ever."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("The pattern is empty.")
    if len(pattern) > MAX_CUSTOM_REGEX_LENGTH:
        raise ValueError(f"The pattern is longer than {MAX_CUSTOM_REGEX_LENGTH} characters.")
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        parsed = sre_parse.parse(pattern, re.IGNORECASE | re.MULTILINE)
        regex.compile(pattern, _REGEX_FLAGS)
    except (re.error, regex.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"The pattern is not a valid regular expression: {exc}.") from None
    if parsed.getwidth()[0] == 0:
        raise ValueError("The pattern can match an empty string, so it would match everywhere.")
    problem = _backtracking_risk(parsed.data, inside_repeat=False) or _slow_on_probes(pattern, parsed)
    if problem:
        raise ValueError(
            f"The pattern can take exponential time on some inputs ({problem}); rewrite the repeated part "
            "so that each character can be matched only one way, e.g. [\\w-]+ instead of (\\w+-?)+."
        )


_UNBOUNDED = 50
PROBE_TIMEOUT = 0.05


def _slow_on_probes(pattern: str, parsed: Any) -> str | None:
    """Run the pattern on strings built to make backtracking explode; report one that takes too long.

    The static check above cannot see every shape; a pattern that needs more than 50 ms on a
    30-character probe would need years on a longer one.
    """
    compiled = regex.compile(pattern, _REGEX_FLAGS)
    chars = {chr(arg) for op, arg in _walk(parsed.data) if op == sre_constants.LITERAL} | set("a0 -.")
    probes = [c * 30 + "\x00" for c in sorted(chars)[:40]]
    probes += [a + b for a in sorted(chars)[:6] for b in sorted(chars)[:6] if a != b]
    probes = [p * 15 + "\x00" if len(p) == 2 else p for p in probes]
    for probe in probes:
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            return f"it needs more than {int(PROBE_TIMEOUT * 1000)} ms on {probe[:12]!r}…"
    return None


def _walk(items: Any) -> Any:
    for op, arg in items:
        yield op, arg
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            yield from _walk(arg[2].data)
        elif op in (sre_constants.SUBPATTERN, sre_constants.ATOMIC_GROUP):
            yield from _walk(arg[-1].data)
        elif op == sre_constants.BRANCH:
            for branch in arg[1]:
                yield from _walk(branch.data)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            yield from _walk(arg[1].data)


def _backtracking_risk(items: Any, inside_repeat: bool) -> str | None:
    """Find the classic catastrophic-backtracking shapes: ``(a+)+`` and ``(a|ab)*``-style repeats.

    A repeat nested in an unbounded repeat can split the same input in exponentially many ways;
    so can an unbounded repeat of alternatives (``(\\w|\\d)+``) whose branches can match the same
    character. Possessive repeats and atomic groups never backtrack and are allowed.
    """
    for op, arg in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            _, high, body = arg
            unbounded = high == sre_constants.MAXREPEAT or high > _UNBOUNDED
            if unbounded and inside_repeat:
                return "a repeat inside a repeat"
            if unbounded and _has_overlapping_branches(body.data):
                return "a repeated choice whose alternatives overlap"
            found = _backtracking_risk(body.data, inside_repeat or unbounded)
            if found:
                return found
        elif op == sre_constants.SUBPATTERN:
            found = _backtracking_risk(arg[-1].data, inside_repeat)
            if found:
                return found
        elif op == sre_constants.BRANCH:
            for branch in arg[1]:
                found = _backtracking_risk(branch.data, inside_repeat)
                if found:
                    return found
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found = _backtracking_risk(arg[1].data, inside_repeat)
            if found:
                return found
    return None


def _has_overlapping_branches(items: Any) -> bool:
    """Whether a repeat's body holds a choice whose branches could match the same text.

    Python factors common prefixes (``(x|xx)`` becomes ``x(|x)``), so an empty branch counts too.
    """
    for op, arg in items:
        if op == sre_constants.SUBPATTERN and _has_overlapping_branches(arg[-1].data):
            return True
        if op == sre_constants.BRANCH:
            firsts = [_first_chars(branch.data) for branch in arg[1]]
            for i, a in enumerate(firsts):
                for b in firsts[i + 1 :]:
                    if a is None or b is None or a & b:
                        return True
    return False


def _first_chars(items: Any) -> set[str] | None:
    """The literal characters a branch can start with, or ``None`` when it is a class or anything wider."""
    if not items:
        return None
    op, arg = items[0]
    if op == sre_constants.LITERAL:
        return {chr(arg).lower()}
    return None


# --- Presidio wrappers -------------------------------------------------------------------------


class AirlockRecognizer(LocalRecognizer):
    """A ``find_*`` function of this package as a Presidio recogniser (for a plain ``AnalyzerEngine``)."""

    name: str

    def __init__(self, name: str, entities: list[str], finder: Callable[[str], Iterable[Candidate]]) -> None:
        self._finder = finder
        super().__init__(supported_entities=entities, name=name)

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        return [
            RecognizerResult(
                c.entity_type,
                c.start,
                c.end,
                c.score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for c in self._finder(text)
            if c.entity_type in entities
        ]


# Presidio recognisers Airlock replaces: the e-mail one reaches for the network, the others find
# less than Airlock's own (US-only phone regions, no Mastercard 2-series, no "20 Jun 1965", no
# IBAN written with dots, an NHS number only in one grouping).
REPLACED = (
    "EmailRecognizer", "PhoneRecognizer", "CreditCardRecognizer", "UsSsnRecognizer", "DateRecognizer",
    "IbanRecognizer", "NhsRecognizer",
)  # fmt: skip


def structured_finders() -> dict[str, tuple[tuple[str, ...], Callable[[str], list[Candidate]]]]:
    """name -> (entity types, finder) for every recogniser of this module and its siblings."""
    from redaction import recognizers_ids, recognizers_places

    return {
        **recognizers_ids.FINDERS,
        "AirlockPhoneRecognizer": (("PHONE_NUMBER",), find_phone_numbers),
        "AirlockObfuscatedEmailRecognizer": (("EMAIL_ADDRESS",), find_obfuscated_emails),
        "AirlockCreditCardRecognizer": (("CREDIT_CARD",), find_credit_cards),
        "AirlockSsnRecognizer": (("US_SSN",), find_us_ssns),
        "AirlockDateRecognizer": (("DATE_TIME", "DATE_OF_BIRTH"), find_dates),
        "AirlockMedicalRecordRecognizer": (("MEDICAL_RECORD_NUMBER",), find_medical_record_numbers),
        "AirlockAddressRecognizer": (("ADDRESS", "LOCATION"), recognizers_places.find_addresses),
    }


def install(registry: RecognizerRegistry) -> None:
    """Swap Presidio's network-touching or narrow recognisers for Airlock's, and add the extra ones."""
    for name in REPLACED:
        registry.remove_recognizer(name)
    registry.add_recognizer(OfflineEmailRecognizer())
    for name, (entities, finder) in structured_finders().items():
        registry.add_recognizer(AirlockRecognizer(name, list(entities), finder))
