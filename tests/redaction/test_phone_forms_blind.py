"""Phone shapes found missing by the blind set bench/redaction_dev_phones_blind.py (issue 20).

Numbers glued to a label abbreviation by a period, an extension written after a dash, a phone cell
followed by an amount cell with a decimal point, a bare mobile after "office" or "alternatively"
words, an area code and a subscriber number in separate spreadsheet cells; and the look-alikes
that must stay: bank codes, a year and a serial number, a cell pair under a non-phone header.
"""

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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A label abbreviation glued to the number by its period.
        ("Studio Ferraro\ntel.051 6620418 - fax 051 6620419", "051 6620418"),
        ("Studio Ferraro\ntel.+39 335 781 2290", "+39 335 781 2290"),
        ("Kanzlei Brandt, Tel.+4922134567890; Fax folgt", "+4922134567890"),
        ("Oficina central, Tlf.913 56 22 84", "913 56 22 84"),
        # An extension after a dash, following the extension word.
        ("Zentrale (0 89) 23 45 670, Durchwahl -312", "(0 89) 23 45 670, Durchwahl -312"),
        # A phone cell followed by an amount cell with a decimal point.
        ("last,first,phone,amount\nReid,Owen,0161 496 2219,23.50", "0161 496 2219"),
        ("last,first,phone,amount\nReid,Owen,07911-724-380,23.50", "07911-724-380"),
        ("last,first,phone,amount\nCole,Ann,+1-617-482-3390,64.00", "+1-617-482-3390"),
        ("last,first,phone,amount\nCole,Ann,+16174823390,64.00", "+16174823390"),
        # A bare mobile after a word for the office or the other line.
        ("Ciao Sara, chiamami in ufficio al 3391847725 domani.", "3391847725"),
        ("Il sig. Longo ha lasciato il 3204415872, in alternativa 3472209916.", "3472209916"),
        ("Joignable au bureau au 0147208834 le matin.", "0147208834"),
    ],
)
def test_phone_shapes_are_covered(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Vorwahl;Rufnummer;Ort\n089;4417263;München", ("089", "4417263")),
        ("prefisso;numero;città\n011;5562718;Torino", ("011", "5562718")),
        ("indicatif;numéro;ville\n+33;4 91 55 20 18;Marseille", ("+33", "4 91 55 20 18")),
        ("area code,number,city\n(415),362-8814,San Francisco", ("(415)", "362-8814")),
        ("netnummer;abonneenummer;plaats\n010;4127735;Rotterdam", ("010", "4127735")),
    ],
)
def test_area_code_and_number_in_separate_cells(engine: Engine, text: str, values: tuple[str, str]) -> None:
    for value in values:
        assert covered(engine, text, value), value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Überweisung an Konto 1234567890, BLZ 500 105 17, bitte bis Freitag.", "500 105 17"),
        ("Sort code 40 47 84, account ending 1182.", "40 47 84"),
        ("apellidos;nombre;teléfono;importe\nMoreno;Pablo;(+34) 72 332 55 54;2023/448812", "2023/448812"),
        ("achternaam;voornaam;telefoon;bedrag\nde Vries;Bram;+31 646152544;2023-448812", "2023-448812"),
        ("bedrag;datum;telefoon\n12,50;2024;06-41227788", "12,50"),
        ("Vorwahl;Menge\n02;2024", "2024"),
        ("Version v2.0301234567 released.", "0301234567"),
    ],
)
def test_lookalikes_are_kept(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value)
