"""Products, makers, shops, couriers' numbers and streets named after people stay in clear.

The people beside them do not.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def assert_kept_and_found(engine: Engine, text: str, kept: str, person: str) -> None:
    findings = engine.analyze(text)
    seen = [text[f.start : f.end] for f in findings]
    start = text.index(kept)
    end = start + len(kept)
    assert not any(f.start < end and start < f.end for f in findings), seen
    start = text.index(person)
    covered = {i for f in findings for i in range(f.start, f.end)}
    assert all(i in covered for i in range(start, start + len(person)) if text[i].isalnum()), seen


@pytest.mark.parametrize(
    ("text", "kept", "person"),
    [
        # A car maker and its model: the model alone reads as a given name.
        ("Hire car was a Ford Fiesta; damage reported by Laura Mills.", "Ford Fiesta", "Laura Mills"),
        (
            "Le véhicule, une Fiat Panda grise, était garé devant chez Mme Claire Dubois.",
            "Fiat Panda",
            "Claire Dubois",
        ),
        # Software and drugs named like people or places.
        ("Please send the PDF from Adobe Acrobat to James Wilson.", "Adobe Acrobat", "James Wilson"),
        ("Ticket raised in Jira by Oliver Brown.", "Jira", "Oliver Brown"),
        ("Patient Peter Hall was given Voltaren gel and Nurofen 400 mg.", "Voltaren", "Peter Hall"),
        # A shop, bare.
        ("Ordered from Lidl online, collected by Nina Vogel.", "Lidl", "Nina Vogel"),
        ("Envío SEUR 123456789012 para Ana López.", "SEUR", "Ana López"),
    ],
)
def test_a_product_or_a_shop_is_kept_and_the_person_beside_it_found(
    engine: Engine, text: str, kept: str, person: str
) -> None:
    assert_kept_and_found(engine, text, kept, person)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # Makers and shops that are also people's names, with no model or purchase to vouch for them.
        ("Visitor log: Harrison Ford signed in at 09:10.", "Harrison Ford"),
        ("RSVP: Zara Phillips, 2 guests.", "Zara Phillips"),
        ("Refund paid to Otto Weber on Monday.", "Otto Weber"),
        ("Paid Mercedes García 120.00 EUR for cleaning.", "Mercedes García"),
        ("Complaint by Kia Johnson about her Nurofen order.", "Kia Johnson"),
    ],
)
def test_a_person_named_like_a_maker_or_a_shop_is_still_found(engine: Engine, text: str, person: str) -> None:
    findings = engine.analyze(text)
    start = text.index(person)
    covered = {i for f in findings for i in range(f.start, f.end)}
    assert all(i in covered for i in range(start, start + len(person)) if text[i].isalnum()), [
        text[f.start : f.end] for f in findings
    ]


def test_a_maker_is_kept_where_the_text_is_about_a_complaint_or_a_purchase(engine: Engine) -> None:
    text = "We filed a complaint with Dyson last week; contact is Petra Lang."
    assert_kept_and_found(engine, text, "Dyson", "Petra Lang")


@pytest.mark.parametrize(
    ("text", "kept", "person"),
    [
        # A street type before a name, itself a street type after a name ("Avenue").
        (
            "The collision happened on Avenue Jean Jaurès, driver Luc Bernard.",
            "Avenue Jean Jaurès",
            "Luc Bernard",
        ),
        ("Stationnement place Charles de Gaulle, témoin Julie Roux.", "Charles de Gaulle", "Julie Roux"),
        ("Ik stond geparkeerd op de Prins Hendrikkade, zegt Emma Smit.", "Prins Hendrikkade", "Emma Smit"),
    ],
)
def test_a_street_named_after_someone_is_kept_as_a_place(
    engine: Engine, text: str, kept: str, person: str
) -> None:
    assert_kept_and_found(engine, text, kept, person)


def test_the_place_a_person_chose_is_not_a_square(engine: Engine) -> None:
    text = "We went to the place Anna de Vries chose."
    findings = engine.analyze(text)
    assert any(text[f.start : f.end].endswith("de Vries") for f in findings), [
        text[f.start : f.end] for f in findings
    ]


@pytest.mark.parametrize(
    ("text", "kept", "person"),
    [
        (
            "Tracking number 1Z 999 AA1 01 2345 6784, recipient Tom Hughes.",
            "1Z 999 AA1 01 2345 6784",
            "Tom Hughes",
        ),
        ("GLS Paketnummer 12345678901 an Frau Anna Müller.", "12345678901", "Anna Müller"),
    ],
)
def test_a_couriers_tracking_number_is_kept(engine: Engine, text: str, kept: str, person: str) -> None:
    assert_kept_and_found(engine, text, kept, person)


def test_a_phone_number_after_a_courier_word_without_a_parcel_is_still_found(engine: Engine) -> None:
    text = "Paket abholen, Rückruf unter 01712345678 bei Anna Berg."
    findings = engine.analyze(text)
    assert any("01712345678" in text[f.start : f.end] for f in findings), [
        text[f.start : f.end] for f in findings
    ]


@pytest.mark.parametrize(
    ("text", "kept", "person"),
    [
        ("Mme Odile Perrin, 62 ans, présente depuis trois mois une toux.", "ans", "Odile Perrin"),
        (
            "Référence client : 50012\n\nDésignation                      Qté    Prix\nPompe à chaleur, "
            "posée par Marc Aubry",
            "Désignation",
            "Marc Aubry",
        ),
    ],
)
def test_an_age_or_a_column_header_is_not_a_name(engine: Engine, text: str, kept: str, person: str) -> None:
    assert_kept_and_found(engine, text, kept, person)


def test_a_dutch_given_name_ans_is_still_found(engine: Engine) -> None:
    text = "Vandaag belde Ans Verhoeven over de lekkage."
    findings = engine.analyze(text)
    assert any("Ans" in text[f.start : f.end] for f in findings), [text[f.start : f.end] for f in findings]
