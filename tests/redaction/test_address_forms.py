"""Postal addresses found whole, in the layouts people write them (issue 20 item 3, issue 11 item 4).

An address is protected only when every word of it is covered: the care-of line, the building,
flat or floor, the street line, the postcode and town (in capitals, with "'s-", "v. d.", "(Saale)",
a country prefix), a CEDEX and the country — on one line, over several, in a spreadsheet cell or in
a reply quoted with "> ". A street named in prose is not an address and must be kept.
"""

# ruff: noqa: E501
from __future__ import annotations

import pytest

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


WHOLE = [
    # The country after the town, in the document's language or another.
    (
        "Adresse : 73 impasse du Général de Gaulle, 92153 Nanterre, France",
        "73 impasse du Général de Gaulle, 92153 Nanterre, France",
    ),
    (
        "Anschrift: Otto-Hahn-Str. 49A, 83891 Halle (Saale), Allemagne",
        "Otto-Hahn-Str. 49A, 83891 Halle (Saale), Allemagne",
    ),
    ("Address:\n1837 Maple Drive\nMadison, WI 53765\nU.S.A.", "1837 Maple Drive\nMadison, WI 53765\nU.S.A."),
    (
        "Adres:\nWilgenhof 345A\n9332CB ALPHEN AAN DEN RIJN\nNederland",
        "Wilgenhof 345A\n9332CB ALPHEN AAN DEN RIJN\nNederland",
    ),
    # Care-of lines, buildings, flats and floors before or after the street line.
    (
        "Max Berger\nc/o Sonnenhof e.V.\nFalkenhorstweg 165/2\n68324 Hamburg",
        "c/o Sonnenhof e.V.\nFalkenhorstweg 165/2\n68324 Hamburg",
    ),
    (
        "Adresse : Bâtiment C, Escalier 2, 26 rue de l'Église, 13567 AIX-EN-PROVENCE",
        "Bâtiment C, Escalier 2, 26 rue de l'Église, 13567 AIX-EN-PROVENCE",
    ),
    (
        "Camille Laurent\nApt 5\n192 rue des Rosiers-Blancs\n44334 NANTES CEDEX 8",
        "Apt 5\n192 rue des Rosiers-Blancs\n44334 NANTES CEDEX 8",
    ),
    (
        "Billing address: The Old Rectory, 123-127 Queens Walk, LEEDS, LS11 1LY",
        "The Old Rectory, 123-127 Queens Walk, LEEDS, LS11 1LY",
    ),
    (
        "Lieferadresse: Kirchallee 128-130, Haus 4, 1. OG\n48455 Bergisch Gladbach",
        "Kirchallee 128-130, Haus 4, 1. OG\n48455 Bergisch Gladbach",
    ),
    (
        "Neue Anschrift: Mühlenstraße 9A, 2. Etage links, 23402 HANNOVER",
        "Mühlenstraße 9A, 2. Etage links, 23402 HANNOVER",
    ),
    ("Anschrift:\nPostfach 70 37 11, 03101 Nürnberg", "Postfach 70 37 11, 03101 Nürnberg"),
    # Street names with a separate type word, a preposition or Dutch particles.
    ("Bitte an Berliner Str. 111 b\n93104 Kleinwendorf senden.", "Berliner Str. 111 b\n93104 Kleinwendorf"),
    ("Anschrift: Hinter der Mühle 160, 52753 Essen", "Hinter der Mühle 160, 52753 Essen"),
    ("Adres: Laan van Meerdervoort 143b, 2517 AK Den Haag", "Laan van Meerdervoort 143b, 2517 AK Den Haag"),
    ("Adres: Oude Gracht 13 bis, 6634HX  Groningen", "Oude Gracht 13 bis, 6634HX  Groningen"),
    ("Adres: Van der Helstplein 370 hs, 8542EK Zwolle", "Van der Helstplein 370 hs, 8542EK Zwolle"),
    (
        "Stuur het naar Havensingel 243 III, 3832 AT Capelle aan den IJssel.",
        "Havensingel 243 III, 3832 AT Capelle aan den IJssel",
    ),
    # Towns the block reader did not take: "'s-", abbreviated links, a country prefix on a Dutch code.
    ("Adres: Slotsteeg 293 - 1, 7180 TW 's-Gravenhage", "Slotsteeg 293 - 1, 7180 TW 's-Gravenhage"),
    (
        "Anschrift: Birkenstraße 159, DE-68701 Bad Homburg v. d. Höhe",
        "Birkenstraße 159, DE-68701 Bad Homburg v. d. Höhe",
    ),
    (
        "Adresse: Herenstraat 168 - 1, NL-4635 VX Amsterdam, Nederland",
        "Herenstraat 168 - 1, NL-4635 VX Amsterdam, Nederland",
    ),
    # Towns in capitals above a UK postcode or before a US state code.
    ("Emily Carter\n312 Hazelbrook Way\nBRIGHTON BN15 4XQ", "312 Hazelbrook Way\nBRIGHTON BN15 4XQ"),
    ("Rachel Kim\nP.O. Box 65980\nSAVANNAH, GA 31407", "P.O. Box 65980\nSAVANNAH, GA 31407"),
    # A reply quoting the address block.
    (
        "Thanks, noted.\n\nGareth Pryce wrote:\n> here is my address:\n> 300a Station Hill\n> Headingley\n> Cardiff CF20 8ZY",
        "300a Station Hill\n> Headingley\n> Cardiff CF20 8ZY",
    ),
    (
        "Danke.\n\nSabine Krüger schrieb:\n> hier meine Adresse:\n> Hohe Allee 121, Haus 2\n> D-45592 Mülheim an der Ruhr",
        "Hohe Allee 121, Haus 2\n> D-45592 Mülheim an der Ruhr",
    ),
    (
        "Merci.\n\nNadia Benali a écrit :\n> Lieu-dit Le Moulin\n> 92166 Boulogne-Billancourt",
        "Lieu-dit Le Moulin\n> 92166 Boulogne-Billancourt",
    ),
    # Letterheads, sentences, arrondissements, rural routes, business zones, attached "bis".
    ("Beispiel GmbH · Hauptstr. 5 · 10115 Berlin · Tel. 030 123456", "Hauptstr. 5 · 10115 Berlin"),
    ("Er wohnt in der Lindenstraße 5 in 10115 Berlin.", "Lindenstraße 5 in 10115 Berlin"),
    ("Adresse : 8 boulevard Saint-Michel, 75006 Paris 6e", "8 boulevard Saint-Michel, 75006 Paris 6e"),
    ("Adresse : ZI des Paluds, 13400 Aubagne", "ZI des Paluds, 13400 Aubagne"),
    ("Adres: Oudegracht 12bis, 3511 AB Utrecht", "Oudegracht 12bis, 3511 AB Utrecht"),
    ("Flat 3/2, 14 Byres Road, Glasgow G12 8TD", "Flat 3/2, 14 Byres Road, Glasgow G12 8TD"),
    ("Mail to RR 2 Box 15, Clarksville, TN 37040", "RR 2 Box 15, Clarksville, TN 37040"),
    # Spreadsheet cells: the address is found whole and stays in its cell.
    (
        "Customer\tAddress\tPlan\nRachel Kim\tAkkerhof 59A, NL-4660 AT Ede, Pays-Bas\tBasis",
        "Akkerhof 59A, NL-4660 AT Ede, Pays-Bas",
    ),
    (
        "Cliente\tDirección\nLucía Fernández\tC/ Alcalá 143, 5.º izda., 41815 Sevilla",
        "C/ Alcalá 143, 5.º izda., 41815 Sevilla",
    ),
]


@pytest.mark.parametrize(("text", "value"), WHOLE)
def test_address_is_covered_whole(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


def test_cell_neighbours_are_not_part_of_the_address(engine: Engine) -> None:
    text = "Kunde\tAnschrift\tTarif\nAnke Vogt\tMühlenstraße 9A, 23402 Hannover\tPremium"
    assert covered(engine, text, "Mühlenstraße 9A, 23402 Hannover")
    assert untouched(engine, text, "Premium")
    findings = [text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "ADDRESS"]
    assert all("\t" not in value for value in findings)


STREETS_IN_PROSE = [
    ("On se retrouve au café de la rue de Rivoli.", "rue de Rivoli"),
    ("Les travaux du boulevard Haussmann continuent, voir facture du 12/03/2024.", "boulevard Haussmann"),
    ("Le dépôt de l'avenue Foch, Paris ferme tôt.", "avenue Foch, Paris"),
]


@pytest.mark.parametrize(("text", "value"), STREETS_IN_PROSE)
def test_street_named_in_prose_is_no_address(engine: Engine, text: str, value: str) -> None:
    # (A name model may still read the street as a place; the address recogniser must not take it.)
    start = text.index(value)
    assert not any(
        f.entity_type == "ADDRESS" and f.start < start + len(value) and start < f.end
        for f in engine.analyze(text)
    )


KEPT = [
    ("Facture du 12/03/2024 d'un montant de 1 250,00 €.", "1 250,00 €"),
    ("Bestellung 4711-10115 ist unterwegs, es fehlen noch 12 Stück.", "4711-10115"),
    ("Siehe § 12 Abs. 3 BGB, Seite 12.", "§ 12 Abs. 3 BGB"),
]


@pytest.mark.parametrize(("text", "value"), KEPT)
def test_numbers_beside_addresses_are_kept(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value)


def test_country_alone_is_not_taken_without_an_address(engine: Engine) -> None:
    text = "Wir liefern nach Frankreich, Deutschland und in die Niederlande."
    assert not any(f.entity_type == "ADDRESS" for f in engine.analyze(text))


@pytest.mark.parametrize(
    "text",
    ["Er wohnt in der Lindenstraße 5.", "Der Kunde der Hauptstraße 5 rief an."],
)
def test_words_before_a_street_stay_out_of_it(engine: Engine, text: str) -> None:
    street = text[text.index(next(w for w in ("Lindenstraße", "Hauptstraße") if w in text)) :].split(" rief")[
        0
    ]
    street = street.rstrip(".")
    findings = [text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "ADDRESS"]
    assert findings == [street]
