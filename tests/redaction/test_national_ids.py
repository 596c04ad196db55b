"""European national, tax and health identifiers: found in any language, checked by their check digits."""

from __future__ import annotations

import pytest

from redaction import recognizers_ids as ids
from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def found(engine: Engine, text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.entity_type for f in engine.analyze(text)}


VALID = [
    ("National Insurance number: AB 12 34 56 C", "AB 12 34 56 C", "UK_NINO"),
    ("Steuer-ID 86095742719", "86095742719", "DE_TAX_ID"),
    ("Ihre Steueridentifikationsnummer lautet 47 036 892 816.", "47 036 892 816", "DE_TAX_ID"),
    ("Sozialversicherungsnummer 65 170839 J 003", "65 170839 J 003", "DE_SOCIAL_SECURITY"),
    ("Versichertennummer A123456780", "A123456780", "DE_HEALTH_INSURANCE"),
    ("N° de sécurité sociale : 2 55 08 14 168 025 38", "2 55 08 14 168 025 38", "FR_NIR"),
    ("DNI 12345678Z", "12345678Z", "ES_NIF"),
    ("NIE X-1234567-L", "X-1234567-L", "ES_NIE"),
    ("Codice fiscale RSSMRA85T10A562S", "RSSMRA85T10A562S", "IT_FISCAL_CODE"),
    ("BSN 111222333", "111222333", "NL_BSN"),
    ("NHS number 943 476 5919", "943 476 5919", "UK_NHS"),
    ("IBAN DE89.3704.0044.0532.0130.00", "DE89.3704.0044.0532.0130.00", "IBAN_CODE"),
    ("SSN 219.09.9999", "219.09.9999", "US_SSN"),
]


@pytest.mark.parametrize(("text", "value", "entity_type"), VALID)
def test_a_valid_identifier_is_found_with_its_type(
    engine: Engine, text: str, value: str, entity_type: str
) -> None:
    assert found(engine, text).get(value) == entity_type


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Order 86095742718 shipped", "86095742718"),  # Steuer-ID shape, wrong check digit
        ("Reference 12345678A", "12345678A"),  # DNI shape, wrong letter
        ("Code RSSMRA85T10A562T", "RSSMRA85T10A562T"),  # codice fiscale shape, wrong check char
        ("Ticket 123456789", "123456789"),  # fails the 11-proof
        ("Account DE89.3704.0044.0532.0130.01", "DE89.3704.0044.0532.0130.01"),  # IBAN checksum wrong
    ],
)
def test_an_identifier_with_a_wrong_check_digit_is_not_reported(
    engine: Engine, text: str, value: str
) -> None:
    assert not any(value in span or span in value for span in found(engine, text))


def test_a_number_failing_the_nhs_check_is_not_taken_for_an_nhs_number(engine: Engine) -> None:
    # Ten digits grouped 3-3-4 may still be a phone number; it is not reported as an NHS number.
    assert "UK_NHS" not in found(engine, "NHS number 943 476 5918").values()
    assert found(engine, "NHS number 943 476 5919").get("943 476 5919") == "UK_NHS"


def test_identifiers_of_other_countries_are_found_in_an_english_message(engine: Engine) -> None:
    text = (
        "Our Madrid client (DNI 12345678Z) and the Milan one, codice fiscale RSSMRA85T10A562S, both signed."
    )
    assert found(engine, text)["12345678Z"] == "ES_NIF"
    assert found(engine, text)["RSSMRA85T10A562S"] == "IT_FISCAL_CODE"


def test_a_bare_eleven_digit_number_needs_a_tax_word_to_count_as_a_steuer_id() -> None:
    assert ids.find_de_tax_ids("Steuer-ID: 86095742719")[0].score >= 0.9
    bare = ids.find_de_tax_ids("Artikel 86095742719")
    assert bare and bare[0].weak


@pytest.mark.parametrize(
    "text",
    ["Fallnummer: KH-2023/004512", "N° de dossier : 2019/12345", "Historia clínica nº 1234567",
     "Cartella clinica n. MI-2020/00341", "Patiëntnummer 7654321"],
)  # fmt: skip
def test_hospital_record_numbers_are_found_after_their_label_in_each_language(
    engine: Engine, text: str
) -> None:
    value = text.split()[-1]
    assert found(engine, text).get(value) == "MEDICAL_RECORD_NUMBER"


def test_checksums_agree_with_published_examples() -> None:
    assert ids.steuer_id_valid("86095742719")
    assert ids.codice_fiscale_valid("RSSMRA85T10A562S")
    assert ids.bsn_valid("123456782")
    assert ids.nhs_valid("9434765919")
    assert ids.iban_valid("GB82WEST12345698765432")
    assert not ids.iban_valid("GB82WEST12345698765433")
