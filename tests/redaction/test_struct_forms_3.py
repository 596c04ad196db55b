"""Structured identifiers in shapes the second held-out set showed were missed (issues 11, 20).

Each test is a class of miss, written with text of its own:

- e-mail addresses at domains under a wildcard public suffix (``*.sch.uk``, ``*.ck``): the
  public-suffix list calls ``school.sch.uk`` itself a suffix, so the domain looked empty and a
  plain ``name@school.sch.uk`` left in clear;
- addresses written with a spaced plain "at" whose local part cannot be an English word (it
  holds a digit, a hyphen or an underscore) or that follow an e-mail cue: ``kim77 at mail.com``;
- a phone number in a spreadsheet cell followed by a cell of ten digits: the comma between
  them was read as a decimal comma, and the first number was dropped;
- a record number after a label abbreviation in brackets: ``Hospital record (MRN): …``.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import covered, untouched


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


HEADER = "id,name,email,phone,mobile\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Office: admissions@northgate.sch.uk, open 8-4.", "admissions@northgate.sch.uk"),
        ("Write to the head, r.okafor@millbrook.sch.uk, before Friday.", "r.okafor@millbrook.sch.uk"),
        ("Contact: teina@rarotonga.gov.ck", "teina@rarotonga.gov.ck"),
    ],
)
def test_an_address_under_a_wildcard_public_suffix_is_an_address(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He confirmed by email (pkowalski88 at mail.com) that it works.", "pkowalski88 at mail.com"),
        ("1042,Ruiz Elena,,elena_ruiz at proton.me,555-0100", "elena_ruiz at proton.me"),
        ("Reply went to marie-claire at laposte.net this morning.", "marie-claire at laposte.net"),
        ("E-mail: tobias at webmail.de", "tobias at webmail.de"),
    ],
)
def test_a_spaced_at_with_a_local_part_no_word_can_be_is_an_address(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "We meet at example.com offices.",
        "Look at github.com for the code.",
        "Sessions at 10 at venue.com start late.",
    ],
)
def test_a_plain_at_before_a_site_is_still_no_address(engine: Engine, text: str) -> None:
    assert not any(f.entity_type == "EMAIL_ADDRESS" for f in engine.analyze(text))


@pytest.mark.parametrize(
    ("row", "value"),
    [
        (HEADER + "7,Ng Alan,a.ng@corp.example,(415) 238-6610,4152917734,\n", "(415) 238-6610"),
        (HEADER + "8,Ito Ken,k.ito@corp.example,303.412.8876,3039184420,\n", "303.412.8876"),
        (HEADER + "9,Roe Ann,a.roe@corp.example,1-646-555-0187,6465550142,\n", "1-646-555-0187"),
    ],
)
def test_a_phone_cell_before_a_cell_of_ten_digits_is_kept_whole(engine: Engine, row: str, value: str) -> None:
    assert covered(engine, row, value)
    assert covered(engine, row, row.split(",")[-2])


def test_a_comma_decimal_amount_still_joins_no_phone_number(engine: Engine) -> None:
    text = "Total: 1 234,56 EUR, paid in full."
    assert untouched(engine, text, "1 234,56")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Previous hospital record (MRN): QX4471902\nWard 6", "QX4471902"),
        ("Hospital number [MRN]: 30571128", "30571128"),
        ("Historia clínica (NHC): 2231904", "2231904"),
    ],
)
def test_a_record_number_after_a_bracketed_label_is_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Emergency contacts:\nLucía Ortega Gil \u2013 915748302\nPablo Ortega \u2013 678214590\n",
            "915748302",
        ),
        ("References\nDana Whitfield, former manager - 2125550187\n", "2125550187"),
        ("09:12 Carlos: ¿me llamáis al 654209871?", "654209871"),
        ("Telefonata \u2013 3 marzo, ore 9:40 \u2013 chiamante 3471180925\n", "3471180925"),
    ],
)
def test_a_bare_number_on_a_contact_line_or_after_a_caller_word_is_a_phone(
    engine: Engine, text: str, value: str
) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Invoice total \u2013 915748302 units shipped",
        "Order reference - 2125550187\n",
        "Batch 4 \u2013 654209871\n",
    ],
)
def test_a_number_after_a_dash_that_ends_no_contact_line_is_left(engine: Engine, text: str) -> None:
    assert not any(f.entity_type == "PHONE_NUMBER" for f in engine.analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "Pacco consegnato il 12/08/2025 al portiere.",
        "Commande donnée le 03/02/2024 au transporteur.",
        "Ordine assegnato il 4 marzo 2025 al tecnico.",
    ],
)
def test_a_birth_cue_inside_a_longer_word_makes_no_date_of_birth(engine: Engine, text: str) -> None:
    assert not any(f.entity_type == "DATE_OF_BIRTH" for f in engine.analyze(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mario Rossi, nato il 12/08/1980, residente a Pisa.", "12/08/1980"),
        ("Claire Petit, née le 3 mars 1978.", "3 mars 1978"),
    ],
)
def test_a_birth_cue_as_a_word_still_marks_the_date(engine: Engine, text: str, value: str) -> None:
    start = text.index(value)
    assert any(
        f.entity_type == "DATE_OF_BIRTH" and f.start <= start and start + len(value) <= f.end
        for f in engine.analyze(text)
    )
