"""Issue 20: names known by their given names and surnames, chat and call-note shapes, European
phone, card and hospital-number shapes — each with the look-alike it must keep."""

from __future__ import annotations

import json

import pytest

from inference.models import Application
from redaction import recognizers_gazetteer
from redaction.engine import Engine, get_engine
from redaction.gate import protect_sync


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def covered(engine: Engine, text: str, value: str) -> bool:
    start = text.index(value)
    chars: set[int] = set()
    for f in engine.analyze(text):
        chars.update(range(f.start, f.end))
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


def found(engine: Engine, text: str) -> list[str]:
    return [text[f.start : f.end] for f in engine.analyze(text)]


def test_the_name_lists_load_once_and_hold_the_six_languages() -> None:
    given, surnames = recognizers_gazetteer.given_names(), recognizers_gazetteer.surnames()
    for name in ("jurgen", "sanne", "francoise", "lucia", "giuseppe", "oluwaseun", "mehmet"):
        assert name in given  # folded: accents do not decide
    for name in ("muller", "jansen", "lefevre", "fernandez", "esposito", "ozdemir"):
        assert name in surnames
    assert "van" not in surnames and "de" not in surnames  # particles are not surnames
    assert recognizers_gazetteer.given_names() is given


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anrufnotiz: Bitte Sabine informieren, der Antrag ist da.", "Sabine"),
        ("Ehemann Rolf ruft morgen zurück.", "Rolf"),
        ("Sein Nachbar Heinz-Peter Vogel kann den Schaden bezeugen.", "Heinz-Peter Vogel"),
        ("Richiamerà il marito Marco in serata.", "Marco"),
        ("Su hijo Javier volverá a llamar.", "Javier"),
        ("Ze wordt bijgestaan door Joost van Leeuwen.", "Joost van Leeuwen"),
        ("Kun jij Willem ter Horst even bellen?", "Willem ter Horst"),
        ("Patiënt ÖZDEMIR MEHMET meldt zich morgen.", "ÖZDEMIR MEHMET"),
        ("Il figlio Alessandro Colombo ritirerà il pacco.", "Alessandro Colombo"),
        ("La vecina Pilar Romero recogerá el paquete.", "Pilar Romero"),
    ],
)
def test_it_finds_a_known_name_without_a_title_or_label(engine: Engine, text: str, name: str) -> None:
    assert covered(engine, text, name)


def test_a_name_in_lower_case_is_found_when_both_parts_are_known(engine: Engine) -> None:
    text = "daan: hoi, ik ben daan visser\nbot: Hallo! Waarmee kan ik helpen?\ndaan: mijn pas doet het niet"
    assert covered(engine, text, "daan visser")


@pytest.mark.parametrize(
    "text",
    [
        "La Santa Maria Novella e la Basilica di San Marco sono chiuse.",
        "El Hospital San Juan de Dios está en Granada.",
        "Il volo per Florence parte da Santiago via Sofia.",
        "Neue Produkte: Kaffee, Tee und Kuchen. Termin am Montag.",
        "Bitte die Rechnung an die Buchhaltung senden. Vielen Dank!",
        "Le Crédit Agricole et la Société Générale ont répondu.",
    ],
)
def test_places_saints_and_everyday_words_are_not_names(engine: Engine, text: str) -> None:
    assert not [f for f in engine.analyze(text) if f.entity_type == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Kundin bevorzugt Dr. Oetker Produkte und trägt Hugo Boss Anzüge.",
        "Indossa Giorgio Armani e beve Martini.",
        "Buys Ralph Lauren shirts and drinks Dr Pepper.",
        "Viste Carolina Herrera y pidió Ferrero Rocher.",
        "Ik heb een Philips scheerapparaat gekocht bij Albert Heijn en drink Heineken.",
        "We stock Johnson & Johnson, Procter & Gamble and Marks & Spencer products.",
        "Guida una Ferrari rossa.",
        "Ich esse Heinz Ketchup und trinke Jacobs Kaffee.",
    ],
)
def test_brands_named_after_people_and_the_words_beside_them_stay(engine: Engine, text: str) -> None:
    assert found(engine, text) == []


def test_a_surname_that_is_also_a_brand_is_still_a_persons_name(engine: Engine) -> None:
    assert covered(engine, "Referente Federico Ferrari, richiamare domani.", "Federico Ferrari")


@pytest.mark.parametrize(
    "text",
    [
        "[10:32] lena.wagner: hallo\n[10:33] kundenservice: Guten Tag!\n[10:35] kundenservice: Danke",
        "[09:01] piet.j: goedemorgen\n[09:02] medewerker: Goedemorgen, wat is uw naam?\n"
        "[09:04] medewerker: Dank u",
        "[11:02] j.girard : bonjour\n[11:03] conseiller : Bonjour\n[11:04] conseiller : merci",
        "[16:20] s.gomez: hola\n[16:21] agente: buenas tardes\n[16:22] agente: gracias",
        "[08:45] c.romano: buongiorno\n[08:46] operatore: buongiorno\n[08:47] operatore: grazie",
    ],
)
def test_the_organisations_side_of_a_chat_and_its_greetings_are_not_names(engine: Engine, text: str) -> None:
    names = [v.lower() for v in found(engine, text)]
    for word in ("kundenservice", "guten tag", "medewerker", "goedemorgen", "dank", "conseiller", "bonjour",
                 "agente", "operatore"):  # fmt: skip
        assert word not in names


def test_a_caller_label_introduces_a_name(engine: Engine) -> None:
    assert covered(engine, "Beller: Anouk Meijer, terugbellen graag.", "Anouk Meijer")
    assert covered(engine, "Anrufer: Jürgen Hoffmann, Rückrufnummer folgt.", "Jürgen Hoffmann")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Voici le dossier (n° dossier 2023-HC-05512).", "2023-HC-05512"),
        ("Historia clínica n.º HC-2022-118734.", "HC-2022-118734"),
        ("ti inoltro la cartella 2023/00871 del paziente", "2023/00871"),
        ("Fall-Nr. 2024/001234 liegt vor.", "2024/001234"),
        ("numéro patient 7781234", "7781234"),
    ],
)
def test_hospital_record_numbers_in_common_shapes(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


def test_an_order_number_in_the_same_shape_stays(engine: Engine) -> None:
    assert found(engine, "Bestellnummer 2023/00871 wurde versandt.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Paid with 4111  1111  1111  1111 yesterday.", "4111  1111  1111  1111"),
        ("Karte 5555 - 5555 - 5555 - 4444 gesperrt.", "5555 - 5555 - 5555 - 4444"),
        ("card 4111/1111/1111/1111 on file", "4111/1111/1111/1111"),
        ("chiamami al 3331234567 stasera", "3331234567"),
        ("appelle-moi au 0612345678", "0612345678"),
    ],
)
def test_cards_and_phones_in_more_shapes(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "ref 1234/5678/9012/3456 closed",
        "Version 4.1.1.1.1.1.1.1.1.1.1.1.1",
        "4111 1111-1111 1111 mixed",
        "chiamami domani",
    ],
)
def test_number_look_alikes_are_not_cards_or_phones(engine: Engine, text: str) -> None:
    assert [f for f in engine.analyze(text) if f.entity_type in ("CREDIT_CARD", "PHONE_NUMBER")] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Nachname;Vorname;Geburtsdatum\nKämmerer;Roswitha;12.03.1961\nOberländer;Magnus;01.07.1990",
            ["Kämmerer", "Roswitha", "Oberländer", "Magnus"],
        ),
        ("achternaam,voornaam,telefoon\nHofstede,Geertje,0612345678", ["Hofstede", "Geertje", "0612345678"]),
        ("| Nome | Città |\n|---|---|\n| Ottavio Pellizzari | Genova |", ["Ottavio Pellizzari"]),
    ],
)
def test_the_cells_under_a_name_column_of_a_pasted_table_are_names(
    engine: Engine, text: str, names: list[str]
) -> None:
    for name in names:
        assert covered(engine, text, name)


def test_a_table_without_a_name_column_keeps_its_cells(engine: Engine) -> None:
    text = "Produkt;Menge;Preis\nKaffee;2;4,99\nTee;1;2,49"
    assert found(engine, text) == []


def test_a_tab_between_cells_does_not_join_a_name_to_the_next_cell(engine: Engine) -> None:
    text = "Mitarbeiter\tAbteilung\tDurchwahl\nJürgen Hoffmann\tVertrieb\t-214"
    assert "Jürgen Hoffmann" in found(engine, text)
    assert not any("\t" in value for value in found(engine, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rückruf von Hr. Kowalczyk erbeten.", "Kowalczyk"),
        ("Bitte de heer Wiersma terugbellen.", "Wiersma"),
        ("Gesprek met mevr. Vlietstra over de factuur.", "Vlietstra"),
        ("richiamare il sig. Pellizzari", "Pellizzari"),
        ("Anruferin: Frau Dr. Oberhuber-Lechner", "Oberhuber-Lechner"),
        ("Von: Wintersberger, Lorenz", "Wintersberger, Lorenz"),
        ("sprach mit herrn wintersberger wegen rückruf", "wintersberger"),
    ],
)
def test_titles_as_notes_type_them_introduce_a_name(engine: Engine, text: str, name: str) -> None:
    assert covered(engine, text, name)


def test_a_lower_case_title_needs_a_name_after_it(engine: Engine) -> None:
    assert found(engine, "Das Gerät wiegt 5 kg, mr. lengte 3 m.") == []


@pytest.mark.django_db
def test_a_name_known_from_the_lists_seeds_the_search_across_the_request(egress_on: Application) -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "user", "content": "Bitte Ingrid Kämmerer wegen des Antrags informieren."},
            {"role": "user", "content": "Kämmerer hat heute zurückgerufen."},
        ],
    }
    sent = protect_sync(body, endpoint="chat/completions", application_id=egress_on.pk, provider="openai")

    assert "Kämmerer" not in json.dumps(sent.safe.body, ensure_ascii=False)
    assert "Ingrid" not in json.dumps(sent.safe.body, ensure_ascii=False)
