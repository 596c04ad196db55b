"""Names in the layouts of forms, minutes, letters and chats, and the spellings they use.

Column-padded forms, a heading above a field, a surname alone in an attendance list, initials before
a particle or a double surname, elided surnames in capitals, a signer's role after a closing, a lower-
case double given name, a neighbour or a child named after the word for them.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import person_values, protected


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


PADDED_FORM = """STARTER FORM                                   Ref: HR-2025-0193

Surname: OYELARAN-PRICE                       First name(s): Tamsin
Start date: 02/06/2025    Job title: Stores Assistant    Line manager: Peter Holm

NEXT OF KIN
Name: Quennell-Adeyinka, Rosalind    Relationship: aunt    Phone: 020 7946 0321
"""


def test_a_heading_above_a_field_does_not_hide_the_name_in_it(engine: Engine) -> None:
    assert protected(engine, PADDED_FORM, "Quennell-Adeyinka, Rosalind")


def test_a_name_stops_at_a_forms_column_padding(engine: Engine) -> None:
    values = person_values(engine, PADDED_FORM)
    assert not any("Relationship" in v or "First" in v for v in values), values
    assert "Name" not in values


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cordiali saluti,\nDott.ssa R. Lo Presti\n", "R. Lo Presti"),
        ("Dossier clos par Y. Le Floch.\n", "Y. Le Floch"),
        ("El/la denunciante: Ó. Ibarrola Etxeberria\n", "Ó. Ibarrola Etxeberria"),
        ("Zugeordnet: Praxis Dr. Ü. Brenner-Kaya · Rückruf morgen\n", "Ü. Brenner-Kaya"),
    ],
)
def test_initials_before_a_particle_a_double_surname_or_with_an_accent(
    engine: Engine, text: str, name: str
) -> None:
    assert protected(engine, text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("CURRICULUM VITAE\n\nROSALBA D'ALTILIA\nNata a Lecce il 2 maggio 1980\n", "ROSALBA D'ALTILIA"),
        ("Un saluto,\nSergio D'AMBRA\nUfficio acquisti\n", "Sergio D'AMBRA"),
        ("Anzeigeerstatterin:\nEL-SAYED Rania, geb. 10.8.1988 in Köln\n", "EL-SAYED Rania"),
    ],
)
def test_surnames_in_capitals_with_an_elided_or_arabic_particle(engine: Engine, text: str, name: str) -> None:
    assert protected(engine, text, name)


MINUTES = """Protokoll der Teamsitzung vom 3. März 2025

Anwesend: Jana Brandt (Leitung), Tobias Roth, K. Sommer, Lindqvist, von Arnim
Entschuldigt: Petra Hofmann (Urlaub)

TOP 1 - Budget
Lindqvist stellt die Zahlen vor; von Arnim übernimmt die Abstimmung mit dem Einkauf.
"""


@pytest.mark.parametrize("name", ["Lindqvist", "von Arnim"])
def test_a_surname_alone_in_a_list_of_names_and_where_it_comes_back(engine: Engine, name: str) -> None:
    assert protected(engine, MINUTES, name)


def test_a_list_of_departments_beside_one_name_is_not_names(engine: Engine) -> None:
    text = "Verteiler: Jana Brandt, Einkauf, Vertrieb, Logistik\n"
    assert not any(v in ("Einkauf", "Vertrieb", "Logistik") for v in person_values(engine, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ci vediamo presto!\nOluwaseun, Reception\n", "Oluwaseun"),
        ("¡Hasta pronto!\nYurena \u2013 Recepción\n", "Yurena"),
    ],
)
def test_a_signers_role_after_a_closing_marks_the_name(engine: Engine, text: str, name: str) -> None:
    assert protected(engine, text, name)


def test_a_double_given_name_in_lower_case(engine: Engine) -> None:
    text = "8:13 kunde_77: liegt das paket bei hans-jürgen? der ist im urlaub\n"
    assert protected(engine, text, "hans-jürgen")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Paket wurde bei Ihrem Nachbarn Wendtland abgegeben.\n", "Wendtland"),
        ("Ik wil graag een afspraak voor mijn kind Jinte (geboren 3-4-2016).\n", "Jinte"),
        ("Onze huisarts, dokter Vandersteene, verwees ons door.\n", "Vandersteene"),
        ("Achternaam: MOLENKAMP\nVoornamen: Jinte\nGeboren: 3-4-1990\n", "Jinte"),
    ],
)
def test_a_name_after_the_word_for_a_neighbour_a_child_a_doctor_or_given_names(
    engine: Engine, text: str, name: str
) -> None:
    assert protected(engine, text, name)


def test_a_spanish_salutation_keeps_its_name_and_not_its_title(engine: Engine) -> None:
    text = "Estimado Sr. Arrieta:\n\nHemos recibido el parte de daños.\n"
    values = person_values(engine, text)
    assert protected(engine, text, "Arrieta")
    assert "Sr" not in values


def test_a_records_row_is_no_list_of_names(engine: Engine) -> None:
    text = "Nachname;Vorname;Abteilung;Telefon\nOyelaran;Tamsin;Buchhaltung;0221 4477 120\n"
    assert "Buchhaltung" not in person_values(engine, text)


def test_an_initial_before_a_capitalised_article_is_no_name(engine: Engine) -> None:
    text = "Es fehlen noch 12 Stück für Regal 4 C. Der Kunde wartet seit Montag.\n"
    assert not any("Kunde" in v for v in person_values(engine, text))
