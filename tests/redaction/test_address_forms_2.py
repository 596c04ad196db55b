"""Address lines in shapes the second held-out set showed were missed (issues 11, 20).

Each test is a class, written with text of its own:

- a postcode and town on a form line whose label is padded to a column ("PLZ, Ort:      …"),
  and towns written in capitals after a postcode (the Dutch postal format, "2011 KL  HAARLEM");
- Dutch house numbers with a capital letter suffix ("Molenweg 57-B");
- a US address in a quoted spreadsheet cell, or inside a sentence, with a street of no known
  type ("8555 N Broadway, Denver, CO 80205");
- a house number after a billing address's label was taken for an invoice number
  ("Adresse de facturation : 171 bis quai …") and left in clear.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import covered


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Straße, Hausnr.:                 Lindenweg 4\nPLZ, Ort:                        04109 Leipzig\n",
            "04109 Leipzig",
        ),
        ("Code postal et ville :                 13006 Marseille\nTéléphone :", "13006 Marseille"),
        ("C.P. y localidad:               46001 Valencia\nTeléfono:", "46001 Valencia"),
        ("Postcode en plaats:          3512 JK   UTRECHT\nTelefoon:", "3512 JK   UTRECHT"),
        ("Código postal: 41001 SEVILLA\n", "41001 SEVILLA"),
        ("Adres: Kerkplein 3\n9712 HV GRONINGEN\n", "9712 HV GRONINGEN"),
    ],
)
def test_a_postcode_line_after_a_padded_label_or_with_a_town_in_capitals(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De huurder, wonende te Beukenlaan 88-C, 3581 KD Utrecht, verklaart", "Beukenlaan 88-C"),
        ("Thuiswerkadres (Schoolstraat 5-A, 7511 HB Enschede) is bekend.", "Schoolstraat 5-A"),
    ],
)
def test_a_dutch_house_number_with_a_capital_suffix(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            '101,"Lee, Amy",a.lee@mail.example,"4410 S Lamar, Austin, TX 78704",,\n',
            "4410 S Lamar, Austin, TX 78704",
        ),
        (
            "the parcel should have gone to 612 W Colfax, Denver, CO 80204 yesterday",
            "612 W Colfax, Denver, CO 80204",
        ),
        (
            "is your address still 90 E Wacker, Unit 12, Chicago, IL 60601?",
            "90 E Wacker, Unit 12, Chicago, IL 60601",
        ),
    ],
)
def test_a_us_address_in_a_quoted_cell_or_a_sentence_with_a_street_of_no_known_type(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Adresse de facturation : 114 bis rue des Lilas, 44000 Nantes\n", "114 bis rue des Lilas"),
        ("Adresse de facturation : 227, avenue Foch, 75116 Paris\n", "227, avenue Foch"),
        ("Dirección de facturación: Calle Mayor 8, 28013 Madrid\n", "Calle Mayor 8"),
        ("Indirizzo di fatturazione: Via Verdi 21, 10121 Torino (TO)\n", "Via Verdi 21"),
    ],
)
def test_a_billing_address_label_does_not_make_the_house_number_a_reference(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize("text", ["Facture n° 2024-1187 du 3 mars", "Invoice no. 55120-A issued"])
def test_an_invoice_number_after_its_label_is_still_kept(engine: Engine, text: str) -> None:
    assert not engine.analyze(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('7,"Park, Jo","118 N Halsted #4, Chicago, IL 60661",\n', "118 N Halsted #4, Chicago, IL 60661"),
        ("Mijn nieuwe adres is Nieuwe Haven 21-C, 3117 AB Schiedam.", "Nieuwe Haven 21-C"),
        ("Nieuw adres (Oude Haven 7-A, 3011 AB Rotterdam) graag noteren.", "Oude Haven 7-A"),
    ],
)
def test_a_unit_after_a_hash_and_a_lettered_number_after_a_separate_street_type(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)
