"""Phone numbers of the seven numbering plans in the forms and places people write them (issue 20, 11).

Every country's landlines and mobiles in international, national, ``00``, ``(+CC)``, trunk ``(0)``,
dotted, dashed, slashed and no-break-space forms under a label; call-note phrasings with a few words
between the cue and the number; form labels; spreadsheet cells under a phone header, run together
with a reference cell or the next number; RFC 3966 URIs. And the numbers that are not phones and
must be kept: customer, invoice and case numbers, IBAN endings, amounts, an IBAN with dots.
"""

# ruff: noqa: E501  (one spreadsheet a line)
from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def covered(engine: Engine, text: str, value: str) -> bool:
    """Every letter and digit of ``value`` (first occurrence) lies in some finding."""
    start = text.index(value)
    chars: set[int] = set()
    for finding in engine.analyze(text):
        chars.update(range(finding.start, finding.end))
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


def untouched(engine: Engine, text: str, value: str) -> bool:
    """No finding overlaps ``value`` (first occurrence)."""
    start = text.index(value)
    return not any(f.start < start + len(value) and start < f.end for f in engine.analyze(text))


# A landline and a mobile of each plan, valid in libphonenumber's data.
NUMBERS = {
    "GB": ("01632 960123", "07700 900456"),
    "US": ("(212) 555-0187", "(917) 494-0557"),
    "DE": ("06221 5432101", "0171 2345678"),
    "FR": ("01 42 68 53 00", "06 12 34 56 78"),
    "ES": ("912 34 56 78", "612 34 56 78"),
    "IT": ("02 1234 5678", "312 345 6789"),
    "NL": ("010 123 4567", "06 12345678"),
}


def _forms(national: str, region: str) -> list[str]:
    number = phonenumbers.parse(national, region)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    nat = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    cc = str(number.country_code)
    rest = intl[len(cc) + 2 :]
    groups = nat.replace("(", "").replace(")", "").replace("-", " ").split()
    forms = [
        intl,
        nat,
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
        "00" + intl[1:],
        f"(+{cc}) {rest}",
        ".".join(groups),
        "-".join(groups),
        "\u00a0".join(groups),
        phonenumbers.format_number(number, PhoneNumberFormat.RFC3966),
    ]
    if region in ("GB", "DE", "FR", "NL"):
        forms.append(f"+{cc} (0){rest}")
    return forms


FORMS = [
    (region, form)
    for region, numbers in NUMBERS.items()
    for national in numbers
    for form in _forms(national, region)
]


@pytest.mark.parametrize(("region", "phone"), FORMS)
def test_every_written_form_of_each_plan_is_found_under_a_label(
    engine: Engine, region: str, phone: str
) -> None:
    text = f"Kind regards\nClaims Department\nTel.: {phone}\nOffice hours 9-17"
    assert covered(engine, text, phone), (region, phone)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("You can reach us on 810165441; regarding the claim, no change.", "810165441"),
        ("Please call me back on 2202395555 about the refund.", "2202395555"),
        ("mi número es el 612124626, ver pedido", "612124626"),
        ("Devolver llamada al 814834723 (cliente).", "814834723"),
        ("Puede contactarme en el 862/ 694036; respecto a la factura.", "862/ 694036"),
        ("Richiamare il cliente al 800118839 (pratica aperta).", "800118839"),
        ("mon numéro c'est le 885341516, cf. dossier", "885341516"),
        ("Bitte rufen Sie mich unter 381/501628 an.", "381/501628"),
        ("Kunde bittet um Anruf auf 02157645.", "02157645"),
        ("Voicemail ingesproken op 611638056, zie factuur.", "611638056"),
        ("Left a voicemail at 612 124 626, mentioned the order.", "612 124 626"),
    ],
)
def test_a_call_note_with_words_between_the_cue_and_the_number_is_found(
    engine: Engine, text: str, phone: str
) -> None:
    assert covered(engine, text, phone)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("DATOS DE CONTACTO\nTeléfono (día): 912345678\nHorario: 9:00", "912345678"),
        ("Vertrieb\nDurchwahl: 374714270", "374714270"),
        ("Accounts Team\nT: 0161 878 4864\nF: 2036137620", "2036137620"),
        ("Service client\nTélécopie : 912345678", "912345678"),
        ("Claims Department\nSwitchboard 2065601796", "2065601796"),
    ],
)
def test_a_phone_in_a_form_or_signature_label_is_found(engine: Engine, text: str, phone: str) -> None:
    assert covered(engine, text, phone)


@pytest.mark.parametrize(
    ("text", "phones", "kept"),
    [
        ('"Ref";"Teléfono";"Móvil"\n"667492";"612169373";""', ["612169373"], "667492"),
        ("Ref,Telefon,Mobil\n213358,02 121727,0180 2 47800", ["02 121727", "0180 2 47800"], "213358"),
        ("Ref,Phone,Mobile\n960857,+441297614004,201.524.1700", ["+441297614004", "201.524.1700"], "960857"),
        ("Ref,Teléfono,Móvil\n225947,tel:+34-815-28-54-09,810 14 40 10", ["tel:+34-815-28-54-09", "810 14 40 10"], "225947"),
        ("Ref\tTelefoon\tMobiel\n871886\t010 675 1372 toestel 746", ["010 675 1372 toestel 746"], "871886"),
        ("Ref\tTelefon\tMobil\n155704\t0049 30 553771679\t0800 133 801", ["0049 30 553771679", "0800 133 801"], "155704"),
        ("Ref\tTelefono\tCellulare\n391972\t371 863 3039", ["371 863 3039"], "391972"),
    ],
)  # fmt: skip
def test_spreadsheet_cells_are_found_each_on_its_own(
    engine: Engine, text: str, phones: list[str], kept: str
) -> None:
    for phone in phones:
        assert covered(engine, text, phone), phone
    assert untouched(engine, text, kept)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kundennummer 524 901 2837 bitte angeben.", "524 901 2837"),
        ("Die IBAN endet auf 4589 7094 14.", "4589 7094 14"),
        ("Rechnung Nr. 2026/557399 vom März.", "2026/557399"),
        ("Aktenzeichen 448 67719/20 liegt vor.", "448 67719/20"),
        ("customer ref 3584 7821 622 on file.", "3584 7821 622"),
        ("référence client 30 259 237 44 à rappeler.", "30 259 237 44"),
        ("codice cliente 754 900 479 per la fattura.", "754 900 479"),
        ("klantnummer 431 114 984 graag vermelden.", "431 114 984"),
        ("Betrag 1 234 567,89 € überwiesen.", "1 234 567,89"),
        ("Account DE89.3704.0044.0532.0130.01", "3704.0044.0532.0130.01"),
        ("Totals: 1,234,567,890 units", "1,234,567,890"),
    ],
)
def test_numbers_that_are_not_phones_are_kept(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value)


def test_a_labelled_number_written_with_a_country_code_is_still_a_phone(engine: Engine) -> None:
    # A country code outweighs a reference label before it: nobody prefixes a reference with +49.
    text = "Kundennummer +49 171 2345678 (Mobil)"
    assert covered(engine, text, "+49 171 2345678")
