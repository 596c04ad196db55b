"""Names in the forms fast writing uses, in six languages: handles, speaker prefixes, lower case, relatives.

Issue 20 item 1 and issue 11 item 4: casing, order and the document's shape must not decide whether a
name is a name; a court's heading or a word beside a relative must not become one.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def covered(engine: Engine, text: str) -> str:
    """The characters of ``text`` inside findings (of any type), other characters as spaces."""
    chars = [" "] * len(text)
    for f in engine.analyze(text):
        chars[f.start : f.end] = text[f.start : f.end]
    return "".join(chars)


def protected(engine: Engine, text: str, name: str) -> bool:
    """Whether every occurrence of ``name`` in ``text`` lies wholly inside findings."""
    seen = covered(engine, text)
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    assert starts, name
    return all(seen[i : i + len(name)] == name for i in starts)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # English: a terse call note, a ticket's handles, Slack's export, an IRC log.
        ("cb tomasz re invoice, no answer. left msg w/ mrs wisniewska", ["tomasz", "wisniewska"]),
        (
            "Ticket 4411\nReported by: hbrightwater\nAssignee: o.adeyemi\nUser cannot log in.",
            ["hbrightwater", "o.adeyemi"],
        ),
        ("jkettering  9:14 AM\nwho owns the renewal?\nmdaluz  9:15 AM\nI do", ["jkettering", "mdaluz"]),
        ("<kemi_o> did the upload finish?\n<rbaxter> yes\n<kemi_o> thanks", ["kemi_o", "rbaxter"]),
        # German: Turkish and Polish names, a relative, a WhatsApp export with the time first.
        ("Rückruf: Sohn Dawid meldet sich, Frau Kaczmarczyk ist im Krankenhaus.", ["Dawid", "Kaczmarczyk"]),
        (
            "[09:12, 4.3.2024] Gülşen Aydoğan: Bin gleich da\n[09:13, 4.3.2024] Timo: ok",
            ["Gülşen Aydoğan", "Timo"],
        ),
        ("Anruf von fr. wozniak, meine frau agnieszka ruft zurück", ["wozniak", "agnieszka"]),
        # French: lower-case title and relative, initials, a handle after "ouvert par".
        ("rappel mme lecomte pas joignable, son fils maxence rappelle", ["lecomte", "maxence"]),
        ("Ordonnance signée par le Dr A.-M. Verdier", ["A.-M. Verdier"]),
        ("Ticket 88 ouvert par c.mallet\nSuivi : OK", ["c.mallet"]),
        # Spanish: two surnames in lower case, a spreadsheet with numbered surname columns.
        ("no localizo a lucía ferrández, dejo recado a su hijo iker", ["lucía ferrández", "iker"]),
        (
            "apellido1;apellido2;nombre\nOtxoa;Urrutia;Nerea\nBenali;Haddou;Samir",
            ["Otxoa", "Urrutia", "Nerea", "Benali", "Haddou", "Samir"],
        ),
        # Italian: "Surname, Given" in a list, the wife by her name, a surname after a lower-case title.
        ("Presenti: Scognamiglio, Carmela; Ruocco, Gennaro", ["Scognamiglio, Carmela", "Ruocco, Gennaro"]),
        ("richiamata sig.ra pellizzari, la moglie Oksana risponde", ["pellizzari", "Oksana"]),
        ("non trovo rosaria scaturro. la Scaturro attende il rimborso", ["rosaria scaturro", "Scaturro"]),
        # Dutch: a surname with particles found again capitalised, a ticket handle.
        (
            "kan ilse van der wiel niet bereiken. Van der Wiel wacht op geld",
            ["ilse van der wiel", "Van der Wiel"],
        ),
        ("Melding 12 aangemaakt door kvdhoek\nToegewezen aan: s.bakir", ["kvdhoek", "s.bakir"]),
        ("tb mevr. oosterbeek niet bereikt, zoon jelle belt terug", ["oosterbeek", "jelle"]),
        ("tb dhr. el amrani, vm. El Amrani wil uitstel", ["el amrani", "El Amrani"]),
        # A surname by its shape, a nickname of the cued list inside a sentence, a signature line.
        ("Gestern rief Dorota Wiśniewska wegen der Rechnung an.", ["Dorota Wiśniewska"]),
        ("t'as le numéro de Kenza pour samedi ?", ["Kenza"]),
        ("Hecho, te lo mando hoy.\nUn abrazo,\nConchi", ["Conchi"]),
    ],
)
def test_names_in_fast_writing_are_protected(engine: Engine, text: str, names: list[str]) -> None:
    for name in names:
        assert protected(engine, text, name), (name, covered(engine, text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("LANDGERICHT KÖLN\nIn dem Rechtsstreit", "LANDGERICHT KÖLN"),
        ("TRIBUNALE DI MILANO\nSezione civile", "TRIBUNALE DI MILANO"),
        ("RECHTBANK AMSTERDAM\nin de zaak van", "RECHTBANK AMSTERDAM"),
        ("called back, his wife said he is out", "said"),
        ("the client wants a refund, see ticket", "client"),
        ("Plan B. Then we wait for the courier.", "Then"),
        ("P.S. Mercedes sends the invoice tomorrow.", "P.S."),
        ("Il negozio è in via Garibaldi, vicino al duomo.", "Garibaldi"),
        ("Telefon: 0171 1234\nTelefon: 030 555\nAbteilung: Einkauf", "Abteilung"),
        ("Cliente de Mahou desde 2019.", "de Mahou"),
    ],
)
def test_headings_and_words_beside_cues_are_not_names(engine: Engine, text: str, kept: str) -> None:
    start = text.index(kept)
    persons = [f for f in engine.analyze(text) if f.entity_type == "PERSON"]
    assert not any(f.start < start + len(kept) and start < f.end for f in persons), persons
