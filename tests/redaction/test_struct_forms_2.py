"""Structured identifiers, addresses and look-alikes in more of the shapes people write them (issue 20, 11).

Phone extensions in each language, a German "Durchwahl" after a dash, dotted Spanish mobiles, a
second number in a list, card numbers in spreadsheet rows, US state codes and ships' addresses,
obfuscated e-mails with accented local parts; and the look-alikes a redactor must keep: brands
beside their product, statutes by name and year, eponyms and citations a name model runs over,
policy numbers, the headers of a table.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def _covered(engine: Engine, text: str) -> set[int]:
    chars: set[int] = set()
    for finding in engine.analyze(text):
        chars.update(range(finding.start, finding.end))
    return chars


def covered(engine: Engine, text: str, value: str) -> bool:
    """Every letter and digit of ``value`` (first occurrence) lies in some finding."""
    start = text.index(value)
    chars = _covered(engine, text)
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


def untouched(engine: Engine, text: str, value: str) -> bool:
    """No finding overlaps ``value`` (first occurrence)."""
    start = text.index(value)
    return not any(f.start < start + len(value) and start < f.end for f in engine.analyze(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rappeler au 02 88 25 54 05 poste 504 demain.", "02 88 25 54 05 poste 504"),
        ("Rückruf bitte unter +49 176 7403201 App. 184.", "+49 176 7403201 App. 184"),
        ("Rückruf bitte unter +49 30 208102320 Durchwahl 71.", "+49 30 208102320 Durchwahl 71"),
        ("Richiamare al 081 443638 interno 971.", "081 443638 interno 971"),
        ("Terugbellen op 030 990 7046 toestel 949.", "030 990 7046 toestel 949"),
        ("Devolver llamada al 936 16 10 89 extensión 553.", "936 16 10 89 extensión 553"),
        # A German extension written after a dash.
        ("Rückruf bitte unter +49 69 342764129-916.", "+49 69 342764129-916"),
        # Four dotted groups above 255 are no IP address: a Spanish mobile.
        ("La farmacia llamará al 734.86.33.02. Gracias.", "734.86.33.02"),
        # The second number of a list needs no phone word of its own.
        ("Hola, llámenme al 739465338 o al 953290777. Saludos", "953290777"),
    ],
)
def test_phone_numbers_with_extensions_and_in_lists_are_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Cells of a tab-separated row: the expiry date after an Amex number must not hide it.
        (
            "Naam\tKaart\tGeldig tot\nLotte Vermeulen\t3786 602662 38752\t04/27\t06 21742604",
            "3786 602662 38752",
        ),
        ("Name\tCard\tExpiry\nConnor Walsh\t376344002978755\t11/26\t303\t978\t7680", "376344002978755"),
        ("Chargeback: card 4111 1111 1111 1111 2025 disputed", "4111 1111 1111 1111"),
    ],
)
def test_card_numbers_in_rows_are_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


def test_a_dotted_iban_with_a_wrong_check_digit_gives_no_card_or_phone(engine: Engine) -> None:
    text = "Account DE89.3704.0044.0532.0130.01"
    assert engine.analyze(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Home address:\n166 Elm Court\nAustin, TX 78701\nPhone", "166 Elm Court\nAustin, TX 78701"),
        (
            "Ship to: Ann Lee\nUSS Carl Vinson (CVN 75)\nFPO AP 96616\n",
            "USS Carl Vinson (CVN 75)\nFPO AP 96616",
        ),
        ("contact: élodie.marchand [at] societe [dot] fr", "élodie.marchand [at] societe [dot] fr"),
        ("escríbame a lucía dot navarro at empresa dot es", "lucía dot navarro at empresa dot es"),
    ],
)
def test_us_states_ships_and_accented_obfuscated_emails_are_found(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Hi, I'm at 14 Kings Road, Leeds LS6 2QT.\nBy the way the Tom Ford voucher never arrived.",
            "Tom Ford",
        ),
        ("Paciente: Diego Vidal. Regalo: perfume de Carolina Herrera.", "Carolina Herrera"),
        (
            "Your claim (Hospital number: 05987198) was approved. Call us on 07984 777204. Under "
            "Section 7 of the Data Protection Act 2018 you may ask for a copy.",
            "Section 7 of the Data Protection Act 2018",
        ),
        (
            "Patiëntnr. 2022-HC-04842. Diagnose: ziekte van Crohn. De apotheek belt 06 12345678.",
            "ziekte van Crohn",
        ),
        ("Ihre Behandlung wird übernommen, siehe § 27 SGB V. Rückfragen unter 030 12345678.", "Rückfragen"),
        ("Kreditkarte: 4111 1111 1111 1111\nVersicherungsschein-Nr. 786-051837", "786-051837"),
        (
            "Nombre\tTarjeta\tCaducidad\tTeléfono\nLucía Navarro\t4111 1111 1111 1111\t04/27\t612 34 56 78",
            "Tarjeta",
        ),
        ("FICHA DEL EMPLEADO\nNombre: Pilar Herrera\nMóvil: 612 34 56 78", "FICHA DEL EMPLEADO"),
        ("Nom;Carte;Expiration;Téléphone\nHugo Perrin;4111 1111 1111 1111;04/27;06 12 34 56 78", "Carte"),
    ],
)
def test_look_alikes_and_table_headers_are_kept(engine: Engine, text: str, kept: str) -> None:
    assert untouched(engine, text, kept)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("FICHA DEL EMPLEADO\nNombre: Pilar Herrera\nMóvil: 612 34 56 78", "Pilar Herrera"),
        ("Nom;Carte;Expiration\nHugo Perrin;4111 1111 1111 1111;04/27", "Hugo Perrin"),
        ("Dear Ms Calloway, Anna Smith test results are back; call 020 7946 0958.", "Anna Smith"),
    ],
)
def test_names_beside_labels_and_look_alikes_are_still_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # US street lines with a directional or a numbered street, and post office boxes.
        ("ship to 1234 N Main St, Springfield, IL 62704", "1234 N Main St, Springfield, IL 62704"),
        (
            "ship to 500 W. 5th Street, Apt 3C, New York, NY 10019",
            "500 W. 5th Street, Apt 3C, New York, NY 10019",
        ),
        ("Home: 3201 S. Lamar Blvd #110, Austin TX 78704", "3201 S. Lamar Blvd #110, Austin TX 78704"),
        ("PO Box 1234, Anchorage, AK 99501", "PO Box 1234, Anchorage, AK 99501"),
        ("P.O. Box 77, Dover, DE 19901", "P.O. Box 77, Dover, DE 19901"),
        # A named building after the flat; a house name without a number; a block of lines.
        (
            "Flat 4B, Regent House, 22 High St, Oxford OX1 4AP",
            "Flat 4B, Regent House, 22 High St, Oxford OX1 4AP",
        ),
        (
            "The Old Rectory, Church Road, Great Missenden HP16 0AZ",
            "The Old Rectory, Church Road, Great Missenden HP16 0AZ",
        ),
        (
            "Rose Cottage\nMill Lane\nAmbridge\nBorsetshire\nBC1 2XY",
            "Rose Cottage\nMill Lane\nAmbridge\nBorsetshire\nBC1 2XY",
        ),
        ("USNS Mercy (T-AH-19), FPO AP 96672", "USNS Mercy (T-AH-19), FPO AP 96672"),
        ("'s-Gravendijkwal 230, 3015 CE Rotterdam", "'s-Gravendijkwal 230, 3015 CE Rotterdam"),
        ("Krankenhaus-Nr. KH-2022/18834", "KH-2022/18834"),
    ],
)
def test_more_address_lines_and_hospital_numbers_are_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jane Doe,4111111111111111,12/26,+442079460018", "4111111111111111"),
        ("Jane Doe,4111111111111111,12/26,02079460018", "02079460018"),
        ("Call +44 20 7946 0018 (ext. 204) after nine", "+44 20 7946 0018 (ext. 204)"),
        ("Call 020 7946 0018, extension 204 after nine", "020 7946 0018, extension 204"),
    ],
)
def test_comma_separated_cells_and_bracketed_extensions(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the call. We will write to you at Reading soon.",
        "The total was 1,234,567 and 2,500,000 last year.",
        "Dear team,\nThe meeting moved to Room 4.\nThanks",
    ],
)
def test_ordinary_prose_gives_no_address_or_number(engine: Engine, text: str) -> None:
    assert [f for f in engine.analyze(text) if f.entity_type not in ("PERSON", "LOCATION")] == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She bought shoes from Jimmy Choo last week.", "Jimmy Choo"),
        ("Betty Crocker cake mix, 2 boxes", "Betty Crocker"),
        ("Dinner from Papa John's arrived cold.", "Papa John's"),
        ("She uses Paul Mitchell shampoo.", "Paul Mitchell"),
        ("Roe v. Wade, 410 U.S. 113 (1973) was cited.", "Roe v. Wade, 410 U.S. 113 (1973)"),
        ("Rechtsgrundlage: Art. 6 Abs. 1 lit. f DSGVO.", "Art. 6 Abs. 1 lit. f DSGVO"),
        ("Your order number is 4471-2231-9908.", "4471-2231-9908"),
    ],
)
def test_more_brands_citations_and_references_are_kept(engine: Engine, text: str, kept: str) -> None:
    assert untouched(engine, text, kept)


def test_a_person_beside_a_brand_is_still_found(engine: Engine) -> None:
    text = "Anna Berg bought a Jimmy Choo bag; call Anna Berg on 07700 900123."
    assert covered(engine, text, "Anna Berg")
    assert untouched(engine, text, "Jimmy Choo")


def test_two_numbers_side_by_side_are_both_found(engine: Engine) -> None:
    text = "Tel: 020 7946 0958 / 07700 900123"
    assert covered(engine, text, "020 7946 0958")
    assert covered(engine, text, "07700 900123")


def test_a_phone_after_a_date_cell_of_a_row_is_found(engine: Engine) -> None:
    text = "Surname\tGiven name\tDOB\tPhone\nHALLORAN\tBridget\t04/11/1972\t07700 900318"
    assert covered(engine, text, "07700 900318")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Address: 14 Duke of York Square, London SW3 4LY", "14 Duke of York Square, London SW3 4LY"),
        ("Address: 80 Strand, London WC2R 0RL", "80 Strand, London WC2R 0RL"),
        (
            "Address: 1 Infinite Loop, Cupertino, California 95014",
            "1 Infinite Loop, Cupertino, California 95014",
        ),
    ],
)
def test_streets_with_of_single_word_streets_and_written_out_states(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)
