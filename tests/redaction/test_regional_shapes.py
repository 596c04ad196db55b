"""Addresses, dates of birth and e-mail addresses in the shapes of each language and country."""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def covered(engine: Engine, text: str, value: str) -> bool:
    start = text.index(value)
    chars = set()
    for f in engine.analyze(text):
        chars.update(range(f.start, f.end))
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dirección: C/ Mayor 12, 3º B, 28013 Madrid", "C/ Mayor 12, 3º B, 28013 Madrid"),
        ("Vive en Calle de Alcalá, 45, 2.º izq. desde 2019.", "Calle de Alcalá, 45, 2.º izq."),
        ("Residente in Via Roma 12, 20121 Milano (MI).", "Via Roma 12, 20121 Milano (MI)"),
        ("Indirizzo: Viale Monza, 25/B", "Viale Monza, 25/B"),
        ("Ship to PSC 1234, Box 5678, APO AE 09204", "PSC 1234, Box 5678, APO AE 09204"),
        ("Anschrift: Am Stadtpark 12, 80331 München", "Am Stadtpark 12, 80331 München"),
        ("Adresse : 12 Rue de la Paix, 75002 Paris", "12 Rue de la Paix, 75002 Paris"),
    ],
)
def test_street_lines_of_each_country_are_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Elle est née le 3 mars 1978 à Lyon.", "3 mars 1978"),
        ("Herr Weber, geb. am 03.04.1978, wohnt hier.", "03.04.1978"),
        ("El paciente, nacido el 3 de marzo de 1978, acude hoy.", "3 de marzo de 1978"),
        ("La signora, nata il 12 maggio 1980, è presente.", "12 maggio 1980"),
        ("De heer is geboren op 3 maart 1978 in Utrecht.", "3 maart 1978"),
    ],
)
def test_dates_of_birth_are_found_in_each_language(engine: Engine, text: str, value: str) -> None:
    findings = {text[f.start : f.end]: f.entity_type for f in engine.analyze(text)}
    assert findings.get(value) == "DATE_OF_BIRTH"


@pytest.mark.parametrize(
    "value",
    [
        "jane dot doe at example dot com",
        "jane.doe(at)example.com",
        "jane [at] example [dot] com",
        "jane.doe at example.org",
    ],
)
def test_obfuscated_email_addresses_are_found(engine: Engine, value: str) -> None:
    text = f"Write to {value} for details."
    assert covered(engine, text, value)


def test_at_before_a_domain_is_not_an_address_by_itself(engine: Engine) -> None:
    text = "We will meet at example.com headquarters."
    assert not any(f.entity_type == "EMAIL_ADDRESS" for f in engine.analyze(text))


def test_a_street_line_and_the_town_and_postcode_after_it_are_one_address(engine: Engine) -> None:
    text = "Deliver to Flat 2, 14 Kings Road, Walton-on-Thames KT12 3AB please."
    findings = {text[f.start : f.end]: f.entity_type for f in engine.analyze(text)}
    assert findings.get("Flat 2, 14 Kings Road, Walton-on-Thames KT12 3AB") == "ADDRESS"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Cellulare: 333 1234567", "333 1234567"),
        ("Móvil 612 34 56 78", "612 34 56 78"),
        ("Telefoon: 06-12345678", "06-12345678"),
        ("Tél. : 06 12 34 56 78", "06 12 34 56 78"),
    ],
)
def test_phone_numbers_after_a_phone_word_in_each_language_are_found(
    engine: Engine, text: str, value: str
) -> None:
    findings = {text[f.start : f.end]: f.entity_type for f in engine.analyze(text)}
    assert findings.get(value) == "PHONE_NUMBER"
