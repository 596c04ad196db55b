"""Postal addresses in each country's own block form, phones in national formats, cards in every grouping."""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def covered(engine: Engine, text: str, value: str) -> bool:
    start = text.index(value)
    chars: set[int] = set()
    for f in engine.analyze(text):
        chars.update(range(f.start, f.end))
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Spedire a c/o Rossi, Vicolo Garibaldi 223, scala B\n40011 Anzola dell'Emilia BO.",
            "c/o Rossi, Vicolo Garibaldi 223, scala B\n40011 Anzola dell'Emilia BO",
        ),
        (
            "Spett.le\nMario Bianchi\nV.le XX Settembre 201/B\n28079 Novara (NO)\n",
            "V.le XX Settembre 201/B\n28079 Novara (NO)",
        ),
        (
            "Indirizzo: Via dei Mille, 95, int. 10 - 43037 Triggiano (BA)",
            "Via dei Mille, 95, int. 10 - 43037 Triggiano (BA)",
        ),
        ("Bezorgadres: Kerkstraat 12-hs\n1017 GC AMSTERDAM.", "Kerkstraat 12-hs\n1017 GC AMSTERDAM"),
        ("Adres: Mayaboulevard 222-3hg, 6557 KL Kampen", "Mayaboulevard 222-3hg, 6557 KL Kampen"),
        (
            "Nina de Vries\nLiekepad 113 bis  8579 AB Huis ter Heide\n",
            "Liekepad 113 bis  8579 AB Huis ter Heide",
        ),
        (
            "Adresse : 5 bis bd de la République, 69827 LYON CEDEX 03",
            "5 bis bd de la République, 69827 LYON CEDEX 03",
        ),
        (
            "13 impasse des Lilas\n41711 Sainte-Claudine-la-Forêt Cedex 8",
            "13 impasse des Lilas\n41711 Sainte-Claudine-la-Forêt Cedex 8",
        ),
        (
            "Envío a Avda. de la Constitución, 36\n15583 Girona (León).",
            "Avda. de la Constitución, 36\n15583 Girona (León)",
        ),
        (
            "Paseo del Prado, n.º 157, piso 6, puerta 3, 08598 Badajoz (Salamanca)",
            "Paseo del Prado, n.º 157, piso 6, puerta 3, 08598 Badajoz (Salamanca)",
        ),
        ("Lieferadresse: Am Blümelweg 9\n47233 Duisburg", "Am Blümelweg 9\n47233 Duisburg"),
    ],
)
def test_an_address_block_is_protected_whole(engine: Engine, text: str, address: str) -> None:
    assert covered(engine, text, address)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Nota: chiede di essere richiamato al 335.1236218 domani.", "335.1236218"),
        ("sono uberto, il mio cellulare è 334.1655671", "334.1655671"),
        ("Llámame al 612345678 por la tarde.", "612345678"),
        ("Bel me op 06-12345678 of 020-1234567.", "06-12345678"),
        ("Erreichbar unter 089 / 123 456 78 ab 9 Uhr.", "089 / 123 456 78"),
        ("Rappelez-moi au 06.12.34.56.78 svp.", "06.12.34.56.78"),
    ],
)
def test_a_phone_number_in_its_national_format_is_found(engine: Engine, text: str, phone: str) -> None:
    assert covered(engine, text, phone)


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("Karte 4111.1111.1111.1111 gesperrt.", "4111.1111.1111.1111"),
        ("Paid with 3782 822463 10005 yesterday.", "3782 822463 10005"),
        ("Carta n. 4532 7788 1234 5678 scaduta.", "4532 7788 1234 5678"),
    ],
)
def test_a_card_number_in_any_grouping_is_found(engine: Engine, text: str, card: str) -> None:
    assert covered(engine, text, card)


def test_a_grouped_number_without_a_card_word_or_check_digit_is_kept(engine: Engine) -> None:
    text = "Invoice 4532 7788 1234 5678 paid on time."
    assert not any(f.entity_type == "CREDIT_CARD" for f in engine.analyze(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Erdmute Hörle\nAm Zorbachweg 120\n56911 Köln\n\nSehr geehrte Frau Hörle,", "Erdmute Hörle"),
        ("Spett.le\nPOMPONIO IANNUZZI\nVia Garibaldi 19/A\n86039 Termoli (CB)", "POMPONIO IANNUZZI"),
    ],
)
def test_the_addressee_above_an_address_block_is_a_name(engine: Engine, text: str, name: str) -> None:
    assert covered(engine, text, name)


def test_a_company_above_an_address_block_is_not_taken_for_a_person(engine: Engine) -> None:
    text = "Rossi Costruzioni S.r.l.\nVia Roma 12\n20121 Milano (MI)"
    assert not any(f.entity_type == "PERSON" for f in engine.analyze(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Ministerie\nLange Voorhout 9\n2514 EA Den Haag", "Lange Voorhout 9\n2514 EA Den Haag"),
        ("Adresse: Unter den Linden 77, 10117 Berlin", "Unter den Linden 77, 10117 Berlin"),
        ("Antwoordnummer: Postbus 1234, 2500 AA Den Haag", "Postbus 1234, 2500 AA Den Haag"),
    ],
)
def test_a_street_of_no_known_type_is_an_address_when_a_postcode_and_town_follow(
    engine: Engine, text: str, address: str
) -> None:
    assert covered(engine, text, address)


def test_a_label_and_a_number_above_a_postcode_are_not_a_street(engine: Engine) -> None:
    text = "Order 12\n12345 Items shipped"
    assert not any(text[f.start : f.end].startswith("Order") for f in engine.analyze(text))
