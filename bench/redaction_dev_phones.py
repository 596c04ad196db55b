"""Generated development documents for phone numbers in seven numbering plans (issue 20, issue 11 item 4).

Written before reading the phone recogniser, from the numbering plans alone: for UK, US, DE, FR,
ES, IT and NL it draws numbers of every type people write (landlines of every area-code length,
mobiles, freephone, shared-cost, premium, VoIP and non-geographic numbers) that libphonenumber
(the ``phonenumbers`` package) holds valid for their type, renders each in the forms people use —
international, national, E.164, RFC 3966, ``00`` and ``(+CC)`` prefixes, a trunk ``(0)``, spaces,
dots, dashes, slashes, tabs, no-break spaces, parentheses round the area code, no separator,
regroupings in pairs and triples, extensions — and embeds them in e-mail signatures, call notes,
spreadsheet rows (tab, ``;`` and ``,`` separated, quoted or not), letters, forms and chats of the
six languages (mostly the country's own language, sometimes another). Beside them are look-alikes
that must be kept: order, invoice and customer numbers, amounts, dates, times, postcodes, IBAN
fragments and card endings of similar digit counts.

The documents are seeded and rebuilt on every call. The recognisers are tuned on them, so their
figures say nothing about generalisation: the held-out set does that. A phone's ``type`` is
``PHONE_<country>`` so the benchmark's "by type" table gives the recall per numbering plan, and a
document's ``kind`` is its shape.

Markup as in :mod:`bench.redaction_dev_struct`: ``⟦s/PHONE_DE:value⟧`` is a gold span,
``⟪what:value⟫`` a look-alike to keep.
"""

# ruff: noqa: E501, RUF001  (one template a line; the look-alike markup uses mathematical brackets)
from __future__ import annotations

import random
import re
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

from bench.redaction_dev_shapes import resolve

SEED = 20
PER_COUNTRY = 96
NBSP = "\u00a0"


# country label -> (libphonenumber region, home language)
COUNTRIES = {
    "UK": ("GB", "en"),
    "US": ("US", "en"),
    "DE": ("DE", "de"),
    "FR": ("FR", "fr"),
    "ES": ("ES", "es"),
    "IT": ("IT", "it"),
    "NL": ("NL", "nl"),
}
LANGUAGES = ("en", "de", "fr", "es", "it", "nl")

# Types people write, with a weight (landlines and mobiles dominate real text).
_TYPES: dict[str, list[tuple[int, int]]] = {
    "GB": [(PhoneNumberType.FIXED_LINE, 8), (PhoneNumberType.MOBILE, 6), (PhoneNumberType.TOLL_FREE, 2),
           (PhoneNumberType.UAN, 2), (PhoneNumberType.PREMIUM_RATE, 1)],
    "US": [(PhoneNumberType.FIXED_LINE_OR_MOBILE, 12), (PhoneNumberType.TOLL_FREE, 3)],
    "DE": [(PhoneNumberType.FIXED_LINE, 9), (PhoneNumberType.MOBILE, 6), (PhoneNumberType.TOLL_FREE, 2),
           (PhoneNumberType.SHARED_COST, 1), (PhoneNumberType.PREMIUM_RATE, 1)],
    "FR": [(PhoneNumberType.FIXED_LINE, 7), (PhoneNumberType.MOBILE, 6), (PhoneNumberType.VOIP, 2),
           (PhoneNumberType.TOLL_FREE, 1), (PhoneNumberType.SHARED_COST, 1), (PhoneNumberType.UAN, 1)],
    "ES": [(PhoneNumberType.FIXED_LINE, 7), (PhoneNumberType.MOBILE, 7), (PhoneNumberType.TOLL_FREE, 2),
           (PhoneNumberType.SHARED_COST, 2), (PhoneNumberType.PREMIUM_RATE, 1)],
    "IT": [(PhoneNumberType.FIXED_LINE, 9), (PhoneNumberType.MOBILE, 8), (PhoneNumberType.TOLL_FREE, 2),
           (PhoneNumberType.SHARED_COST, 1), (PhoneNumberType.PREMIUM_RATE, 1)],
    "NL": [(PhoneNumberType.FIXED_LINE, 8), (PhoneNumberType.MOBILE, 7), (PhoneNumberType.VOIP, 2),
           (PhoneNumberType.TOLL_FREE, 2), (PhoneNumberType.PREMIUM_RATE, 1)],
}  # fmt: skip
# Seeds where the library's example is not the form people meet most (UK 03 numbers).
_EXAMPLES = {("GB", PhoneNumberType.UAN): "3001234567"}
# National significant lengths people actually have: libphonenumber accepts German landlines of
# 5 to 15 digits and Italian ones of 6 to 12, most real ones are 9 to 11.
_LENGTHS = {
    ("DE", PhoneNumberType.FIXED_LINE): (9, 11),
    ("DE", PhoneNumberType.TOLL_FREE): (10, 11),
    ("DE", PhoneNumberType.SHARED_COST): (9, 11),
    ("IT", PhoneNumberType.FIXED_LINE): (8, 11),
    ("IT", PhoneNumberType.TOLL_FREE): (9, 9),
    ("IT", PhoneNumberType.SHARED_COST): (9, 9),
    ("GB", PhoneNumberType.TOLL_FREE): (9, 10),
}
_DESC = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.UAN: "uan",
}


def draw_number(rng: random.Random, region: str, kind: int) -> PhoneNumber:
    """A number valid in ``region`` and of type ``kind``: the type's example number with a random tail.

    Keeping 0 to 4 leading digits of the example and drawing the rest spreads the numbers over
    area codes and operator prefixes; libphonenumber decides validity and type.
    """
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    desc = getattr(meta, _DESC[kind])
    example = _EXAMPLES.get((region, kind), desc.example_number)
    lengths = [n for n in desc.possible_length if n > 0] or [len(example)]
    low, high = _LENGTHS.get((region, kind), (0, 99))
    lengths = [n for n in lengths if low <= n <= high] or lengths
    for _ in range(20000):
        keep = rng.choice((0, 1, 1, 2, 2, 3, 4))
        length = rng.choice(lengths)
        head = example[: min(keep, length)]
        digits = head + "".join(rng.choice("0123456789") for _ in range(length - len(head)))
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number_for_region(number, region):
            continue
        got = phonenumbers.number_type(number)
        if got == kind or (
            kind == PhoneNumberType.FIXED_LINE_OR_MOBILE
            and got in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE)
        ):
            return number
    return phonenumbers.parse(example, region)


# --- Rendering -----------------------------------------------------------------------------------

_EXTENSIONS = {
    "en": (" ext. {x}", " x{x}", " ext {x}", " (ext. {x})"),
    "de": ("-{x}", " Durchwahl {x}", " App. {x}", "-{x}"),
    "fr": (" poste {x}", " p. {x}", " (poste {x})"),
    "es": (" ext. {x}", " ext {x}", " (ext. {x})"),
    "it": (" int. {x}", " interno {x}", " (int. {x})"),
    "nl": (" toestel {x}", " tst. {x}", "-{x}"),
}


def _groups(text: str) -> list[str]:
    return [g for g in re.split(r"[^\d+()]+", text) if g]


def _regroup(digits: str, rng: random.Random) -> list[str]:
    """Split ``digits`` into groups as people do when they ignore the official grouping."""
    style = rng.choice(("pairs", "triples", "43", "34", "random"))
    out: list[str] = []
    rest = digits
    if style == "pairs":
        if len(rest) % 2:
            out.append(rest[:3])
            rest = rest[3:]
        out += [rest[i : i + 2] for i in range(0, len(rest), 2)]
    elif style == "triples":
        while len(rest) > 4:
            out.append(rest[:3])
            rest = rest[3:]
        out.append(rest)
    elif style in ("43", "34"):
        first = 4 if style == "43" else 3
        out = [rest[:first], rest[first:]] if len(rest) > first + 2 else [rest]
    else:
        while rest:
            size = rng.choice((2, 3, 4))
            if len(rest) - size == 1:
                size += 1
            out.append(rest[:size])
            rest = rest[size:]
    return [g for g in out if g]


def render(number: PhoneNumber, region: str, lang: str, rng: random.Random) -> tuple[str, str]:
    """One written form of ``number`` and the name of the form (for the by-form breakdown)."""
    cc = str(number.country_code)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    nat = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    nsn = phonenumbers.national_significant_number(number)
    # Italian landlines keep their leading 0 after +39; the others drop the trunk 0.
    trunk = "0" if region in ("GB", "DE", "FR", "NL") else ""
    nat_digits = re.sub(r"\D", "", nat)
    if region == "US":
        nat_digits = nsn
    nat_groups = [g for g in re.split(r"[\s\-()]+", nat) if g]
    intl_rest = intl[len(cc) + 2 :]  # after "+CC "
    rest_groups = [g for g in re.split(r"[\s\-]+", intl_rest) if g]
    forms = [
        "intl", "intl", "national", "national", "national", "e164", "00", "(+cc)", "sep",
        "sep", "sep", "nosep", "ext", "intl_sep", "intl_compact", "rfc3966",
    ]  # fmt: skip
    if trunk:
        forms += ["trunk", "trunk"]
    if region == "US":
        forms += ["us_dash", "us_dot", "us_1", "us_paren_intl", "us_dash", "intl_sep"]
    else:
        forms += ["slash", "regroup", "regroup"]
    # Parentheses go round a dialling area code: a trunk-0 code, an Italian or Spanish landline's.
    if (
        nat.startswith("(")
        or (nat_groups[0].startswith("0") and len(nat_groups) > 1)
        or (region == "ES" and nsn[0] in "89")
    ):
        forms += ["paren"]
    form = rng.choice(forms)
    if form == "intl":
        return intl, form
    if form == "national":
        return nat, form
    if form == "e164":
        return e164, form
    if form == "rfc3966":
        return phonenumbers.format_number(number, PhoneNumberFormat.RFC3966), form
    if form == "00":
        return "00" + intl[1:], form
    if form == "(+cc)":
        return f"(+{cc}) {intl_rest}", form
    if form == "trunk":
        return f"+{cc} (0){rng.choice(('', ' '))}{intl_rest}", form
    if form == "intl_compact":
        return f"+{cc}{rng.choice(('', ' '))}{nsn}", form
    if form == "intl_sep":
        sep = rng.choice((".", "-", NBSP, "/", " "))
        return f"+{cc}{rng.choice((' ', sep))}{sep.join(rest_groups)}", form
    if form == "sep":
        sep = rng.choice((".", "-", "/", "\t", NBSP, " - ", "."))
        return sep.join(nat_groups), f"sep{sep.strip() or repr(sep)[1:-1]}"
    if form == "slash":
        # area code / subscriber (German, Austrian and Italian habit).
        return f"{nat_groups[0]}{rng.choice(('/', ' / ', '/ '))}{''.join(nat_groups[1:])}", form
    if form == "paren":
        head, tail = nat_groups[0].strip("()"), nat_groups[1:]
        if region in ("FR", "ES") and len(head) < 3 and len(tail) > 1:
            head, tail = head + tail[0], tail[1:]
        return f"({head}) {rng.choice((' ', '-', '')).join(tail) or ''}".rstrip(), form
    if form == "regroup":
        head = nat_groups[0].strip("()") if region in ("GB", "DE", "NL", "IT") else ""
        body = nat_digits[len(head) :]
        if rng.random() < 0.35:
            sep = rng.choice((" ", ".", "-"))
            return f"+{cc} " + sep.join(_regroup(nsn, rng)), "regroup_intl"
        sep = rng.choice((" ", " ", ".", "-"))
        return " ".join(filter(None, [head, sep.join(_regroup(body, rng))])), form
    if form == "nosep":
        return nat_digits, form
    if form == "ext":
        base = rng.choice((nat, intl))
        return base + rng.choice(_EXTENSIONS[lang]).format(x=rng.randint(10, 999)), form
    if form == "us_dash":
        return f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", form
    if form == "us_dot":
        return f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}", form
    if form == "us_1":
        return f"1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}", form
    return f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", form


# --- Look-alikes ---------------------------------------------------------------------------------


def _d(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def lookalike(rng: random.Random, lang: str) -> str:
    """A marked look-alike of similar digit count, with the cue words of ``lang``."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2026)
    hour, minute = rng.randint(8, 18), rng.choice((0, 15, 30, 45))
    money_int = f"{rng.randint(1, 99)}.{rng.randint(100, 999)}"
    choices = {
        "en": [
            f"order no. ⟪order:{_d(rng, 10)}⟫",
            f"invoice ⟪invoice:INV-{_d(rng, 4)}-{_d(rng, 6)}⟫",
            f"a refund of ⟪amount:£{rng.randint(1, 9)},{rng.randint(100, 999)}.{rng.randint(10, 99)}⟫",
            f"on ⟪date:{day:02d}/{month:02d}/{year}⟫",
            f"between ⟪time:{hour}:{minute:02d}⟫ and ⟪time:{hour + 1}:{minute:02d}⟫",
            f"customer ref ⟪reference:{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 3)}⟫",
            f"tracking number ⟪tracking:{_d(rng, 12)}⟫",
            f"card ending ⟪card_last4:{_d(rng, 4)}⟫",
        ],
        "de": [
            f"Bestellnummer ⟪order:{_d(rng, 4)}-{_d(rng, 6)}⟫",
            f"Rechnung Nr. ⟪invoice:{year}/{_d(rng, 6)}⟫",
            f"Betrag ⟪amount:{money_int},{rng.randint(10, 99)} €⟫",
            f"am ⟪date:{day:02d}.{month:02d}.{year}⟫",
            f"von ⟪time:{hour}.{minute:02d}⟫ bis ⟪time:{hour + 2}.{minute:02d} Uhr⟫",
            f"Kundennummer ⟪reference:{_d(rng, 3)} {_d(rng, 3)} {_d(rng, 4)}⟫",
            f"IBAN endet auf ⟪iban_fragment:{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 2)}⟫",
            f"Aktenzeichen ⟪case:{_d(rng, 3)} {_d(rng, 5)}/{year % 100:02d}⟫",
        ],
        "fr": [
            f"commande n° ⟪order:{_d(rng, 9)}⟫",
            f"facture ⟪invoice:FA-{year}-{_d(rng, 5)}⟫",
            f"montant ⟪amount:{rng.randint(1, 99)} {rng.randint(100, 999)},{rng.randint(10, 99)} €⟫",
            f"le ⟪date:{day:02d}/{month:02d}/{year}⟫",
            f"à ⟪time:{hour}h{minute:02d}⟫",
            f"référence client ⟪reference:{_d(rng, 2)} {_d(rng, 3)} {_d(rng, 3)} {_d(rng, 2)}⟫",
            f"les derniers chiffres de l'IBAN ⟪iban_fragment:{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 3)}⟫",
            f"numéro de dossier ⟪case:{year}-{_d(rng, 6)}⟫",
        ],
        "es": [
            f"pedido n.º ⟪order:{_d(rng, 9)}⟫",
            f"factura ⟪invoice:{_d(rng, 3)}/{year}/{_d(rng, 5)}⟫",
            f"importe ⟪amount:{money_int},{rng.randint(10, 99)} €⟫",
            f"el ⟪date:{day:02d}-{month:02d}-{year}⟫",
            f"a las ⟪time:{hour}:{minute:02d}⟫",
            f"referencia ⟪reference:{_d(rng, 3)} {_d(rng, 3)} {_d(rng, 3)}⟫",
            f"IBAN terminado en ⟪iban_fragment:{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 2)}⟫",
            f"expediente ⟪case:{_d(rng, 5)}/{year}⟫",
        ],
        "it": [
            f"ordine n. ⟪order:{_d(rng, 10)}⟫",
            f"fattura ⟪invoice:{_d(rng, 4)}/{year}⟫",
            f"importo ⟪amount:{money_int},{rng.randint(10, 99)} €⟫",
            f"il ⟪date:{day:02d}/{month:02d}/{year}⟫",
            f"alle ⟪time:{hour}:{minute:02d}⟫",
            f"codice cliente ⟪reference:{_d(rng, 3)} {_d(rng, 3)} {_d(rng, 4)}⟫",
            f"IBAN che termina con ⟪iban_fragment:{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)}⟫",
            f"pratica n. ⟪case:{_d(rng, 6)}/{year % 100:02d}⟫",
        ],
        "nl": [
            f"bestelnummer ⟪order:{_d(rng, 10)}⟫",
            f"factuur ⟪invoice:{year}-{_d(rng, 6)}⟫",
            f"bedrag ⟪amount:€ {money_int},{rng.randint(10, 99)}⟫",
            f"op ⟪date:{day:02d}-{month:02d}-{year}⟫",
            f"om ⟪time:{hour}:{minute:02d}⟫",
            f"klantnummer ⟪reference:{_d(rng, 3)} {_d(rng, 3)} {_d(rng, 3)}⟫",
            f"IBAN eindigend op ⟪iban_fragment:{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 2)}⟫",
            f"dossiernummer ⟪case:{_d(rng, 4)}.{_d(rng, 3)}.{_d(rng, 3)}⟫",
        ],
    }
    return rng.choice(choices[lang])


# --- Document shapes -----------------------------------------------------------------------------

_LABELS = {
    "en": {"tel": ("Tel.", "Tel:", "Phone:", "T:", "Office", "Direct line:", "Switchboard"),
           "mob": ("Mob.", "Mobile:", "Cell", "Cell:", "M:", "Mob:"), "fax": ("Fax:", "F:")},
    "de": {"tel": ("Tel.", "Tel.:", "Telefon:", "Fon", "T", "Durchwahl:", "Zentrale:"),
           "mob": ("Mobil:", "Handy:", "Handy", "Mobiltelefon:", "Mob.:"), "fax": ("Fax:", "Telefax:")},
    "fr": {"tel": ("Tél.", "Tél. :", "Téléphone :", "Tel :", "Ligne directe :", "Standard :"),
           "mob": ("Portable :", "Mobile :", "Port.", "Cell. :"), "fax": ("Fax :", "Télécopie :")},
    "es": {"tel": ("Tel.", "Tfno.:", "Teléfono:", "Tlf.", "Centralita:"),
           "mob": ("Móvil:", "Móvil", "Cel.:", "Mov."), "fax": ("Fax:",)},
    "it": {"tel": ("Tel.", "Tel:", "Telefono:", "Tel. ufficio:", "Centralino:"),
           "mob": ("Cellulare:", "Cell.", "Cell:", "Mob."), "fax": ("Fax:",)},
    "nl": {"tel": ("Tel.", "Tel:", "Telefoon:", "T", "Doorkiesnummer:"),
           "mob": ("Mobiel:", "Mob.", "M:", "GSM:"), "fax": ("Fax:",)},
}  # fmt: skip

_ROLES = {
    "en": ("Customer Service", "Accounts Team", "Claims Department", "Head of Operations"),
    "de": ("Kundenservice", "Buchhaltung", "Schadenabteilung", "Vertriebsinnendienst"),
    "fr": ("Service client", "Comptabilité", "Service sinistres", "Direction commerciale"),
    "es": ("Atención al cliente", "Contabilidad", "Departamento de siniestros", "Dirección comercial"),
    "it": ("Servizio clienti", "Amministrazione", "Ufficio sinistri", "Direzione commerciale"),
    "nl": ("Klantenservice", "Administratie", "Afdeling schade", "Verkoop binnendienst"),
}

_PROSE = {
    "en": ("Please call me back on {p} about {x}.", "You can reach us on {p}; regarding {x}, no change.",
           "cb no {p} re {x}", "Left a voicemail at {p}, mentioned {x}.", "my number is {p} btw, see {x}",
           "Caller asked us to ring {p} after lunch ({x}).", "New contact number: {p}. Note {x}."),
    "de": ("Bitte rufen Sie mich unter {p} zurück, es geht um {x}.", "Rückruf unter {p} wegen {x}.",
           "Sie erreichen mich unter der Nummer {p}. Betreff: {x}.", "RR an {p}, {x}",
           "Kunde bittet um Anruf auf {p} ({x}).", "meine Nummer ist {p}, siehe {x}"),
    "fr": ("Merci de me rappeler au {p} au sujet de {x}.", "Vous pouvez me joindre au {p} ; concernant {x}.",
           "Rappeler le client au {p} ({x}).", "mon numéro c'est le {p}, cf. {x}",
           "Message laissé sur le {p}, {x}."),
    "es": ("Por favor, llámeme al {p} por {x}.", "Puede contactarme en el {p}; respecto a {x}.",
           "Devolver llamada al {p} ({x}).", "mi número es el {p}, ver {x}",
           "Dejé un mensaje en el {p}, {x}."),
    "it": ("La prego di richiamarmi al {p} per {x}.", "Può contattarmi al numero {p}; riguardo {x}.",
           "Richiamare il cliente al {p} ({x}).", "il mio numero è {p}, vedi {x}",
           "Lasciato messaggio al {p}, {x}."),
    "nl": ("Wilt u mij terugbellen op {p} over {x}?", "U kunt mij bereiken op {p}; inzake {x}.",
           "Klant terugbellen op {p} ({x}).", "mijn nummer is {p}, zie {x}",
           "Voicemail ingesproken op {p}, {x}."),
}  # fmt: skip

_GREETING = {
    "en": ("Kind regards", "Best wishes", "Thanks"),
    "de": ("Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße"),
    "fr": ("Cordialement", "Bien à vous", "Salutations distinguées"),
    "es": ("Un saludo", "Atentamente", "Saludos cordiales"),
    "it": ("Cordiali saluti", "Distinti saluti", "Un saluto"),
    "nl": ("Met vriendelijke groet", "Groeten", "Hartelijke groet"),
}

_HEADERS = {
    "en": ("Ref", "Phone", "Mobile", "Note"),
    "de": ("Ref", "Telefon", "Mobil", "Notiz"),
    "fr": ("Réf", "Téléphone", "Portable", "Note"),
    "es": ("Ref", "Teléfono", "Móvil", "Nota"),
    "it": ("Rif", "Telefono", "Cellulare", "Nota"),
    "nl": ("Ref", "Telefoon", "Mobiel", "Notitie"),
}

_FORM = {
    "en": ("CONTACT DETAILS", "Daytime phone", "Evening phone", "Preferred contact time"),
    "de": ("KONTAKTDATEN", "Telefon tagsüber", "Telefon abends", "Erreichbar"),
    "fr": ("COORDONNÉES", "Téléphone (journée)", "Téléphone (soir)", "Disponibilité"),
    "es": ("DATOS DE CONTACTO", "Teléfono (día)", "Teléfono (tarde)", "Horario"),
    "it": ("RECAPITI", "Telefono (giorno)", "Telefono (sera)", "Orario"),
    "nl": ("CONTACTGEGEVENS", "Telefoon overdag", "Telefoon 's avonds", "Bereikbaar"),
}


def _mark(country: str, phone: str) -> str:
    return f"⟦s/PHONE_{country}:{phone}⟧"


def _document(kind: str, lang: str, phones: list[str], rng: random.Random) -> str:
    labels = _LABELS[lang]
    if kind == "signature":
        lines = [rng.choice(_GREETING[lang]), "", rng.choice(_ROLES[lang])]
        for i, phone in enumerate(phones):
            label = rng.choice(labels["tel" if i == 0 else ("mob" if i == 1 else "fax")])
            lines.append(f"{label} {phone}")
        lines.append(lookalike(rng, lang))
        return "\n".join(lines)
    if kind == "spreadsheet":
        sep = rng.choice(("\t", ";", ","))
        quote = rng.choice(("", '"'))
        header = _HEADERS[lang]
        rows = [sep.join(f"{quote}{h}{quote}" for h in header[:3])]
        for i in range(0, len(phones), 2):
            pair = phones[i : i + 2] + ([""] if len(phones[i : i + 2]) == 1 else [])
            ref = f"⟪order:{_d(rng, 6)}⟫"
            rows.append(sep.join(f"{quote}{c}{quote}" for c in (ref, *pair)))
        return "\n".join(rows)
    if kind == "form":
        title, day, evening, when = _FORM[lang]
        lines = [title, f"{day}: {phones[0]}"]
        if len(phones) > 1:
            lines.append(f"{evening}: {phones[1]}")
        for phone in phones[2:]:
            lines.append(f"{rng.choice(labels['fax'])} {phone}")
        lines.append(f"{when}: ⟪time:{rng.randint(8, 12)}:00⟫–⟪time:{rng.randint(13, 18)}:30⟫")
        return "\n".join(lines)
    if kind == "chat":
        lines = []
        for phone in phones:
            hh, mm = rng.randint(8, 20), rng.randint(0, 59)
            lines.append(
                f"[⟪time:{hh:02d}:{mm:02d}⟫] user: {rng.choice(_PROSE[lang]).format(p=phone, x=lookalike(rng, lang))}"
            )
        return "\n".join(lines)
    # call_note, letter: prose sentences
    sentences = [rng.choice(_PROSE[lang]).format(p=phone, x=lookalike(rng, lang)) for phone in phones]
    if kind == "letter":
        return "\n\n".join([*sentences, rng.choice(_GREETING[lang])])
    return " ".join(sentences)


def marked_documents(seed: int = SEED, per_country: int = PER_COUNTRY) -> list[tuple[str, str, str]]:
    """``(lang, kind, marked text)`` for every generated document."""
    rng = random.Random(seed)
    pool: list[tuple[str, str, str]] = []  # (country, home language, marked phone)
    for country, (region, home) in COUNTRIES.items():
        types, weights = zip(*_TYPES[region], strict=True)
        for _ in range(per_country):
            kind = rng.choices(types, weights)[0]
            number = draw_number(rng, region, kind)
            lang = home if rng.random() < 0.7 else rng.choice(LANGUAGES)
            phone, _form = render(number, region, lang, rng)
            pool.append((country, lang, _mark(country, phone)))
    rng.shuffle(pool)
    by_lang: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for _country, lang, phone in pool:
        by_lang[lang].append(phone)
    out: list[tuple[str, str, str]] = []
    kinds = ("signature", "call_note", "spreadsheet", "letter", "form", "chat")
    for lang, phones in by_lang.items():
        while phones:
            take = min(len(phones), rng.choice((1, 2, 3)))
            chunk, phones = phones[:take], phones[take:]
            kind = rng.choice(kinds)
            if kind == "spreadsheet" and any("\t" in p for p in chunk):
                kind = "form"  # a tab inside a number would split a tab-separated row
            out.append((lang, kind, _document(kind, lang, chunk, rng)))
    return out


def documents(seed: int = SEED) -> list[dict[str, Any]]:
    """The documents with their markup resolved into ``entities`` and ``lookalikes`` spans.

    Another ``seed`` draws other numbers, forms and contexts: a fresh sample to check a change on.
    """
    out: list[dict[str, Any]] = []
    for index, (lang, kind, marked) in enumerate(marked_documents(seed)):
        text, entities, lookalikes = resolve(marked)
        out.append({"id": f"phones-{lang}-{index}", "lang": lang, "kind": kind, "text": text,
                    "entities": entities, "lookalikes": lookalikes})  # fmt: skip
    return out


if __name__ == "__main__":
    for _lang, _kind, _marked in marked_documents()[:40]:
        print(f"--- {_lang} {_kind}\n{_marked}")
