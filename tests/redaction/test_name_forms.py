"""Names in the forms people write them: capitals, surname first, e-mail headers, chat prefixes, notices."""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def people(engine: Engine, text: str) -> set[str]:
    return {text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient: DUPONT Jean, admitted on Monday.", "DUPONT Jean"),
        ("Please forward this to JOHN SMITH before noon.", "JOHN SMITH"),
        ("Applicant: GARCÍA LÓPEZ, María", "GARCÍA LÓPEZ, María"),
        ("Name: Berg, Anna", "Berg, Anna"),
        ("Attention: Pierre-Yves d'Alembert", "Pierre-Yves d'Alembert"),
        ("This notice is given to the attention of Hélène Lefèvre.", "Hélène Lefèvre"),
        ("Sehr geehrte Frau Müller, vielen Dank.", "Müller"),
        ("T.a.v. dhr. Jan de Vries", "Jan de Vries"),
        ("Gentile Sig.ra Bianchi, la contattiamo.", "Bianchi"),
        ("Am 03.06.2024 schrieb Klaus Weber:", "Klaus Weber"),
    ],
)
def test_a_name_is_found_however_it_is_written(engine: Engine, text: str, name: str) -> None:
    assert any(name in found or (found in name and len(found) > 3) for found in people(engine, text)), people(
        engine, text
    )
    covered = "".join(text[f.start : f.end] for f in engine.analyze(text))
    assert all(part in covered for part in name.replace(",", " ").split())


def test_names_in_email_display_forms_are_found(engine: Engine) -> None:
    text = (
        'From: JOHN SMITH <js@example.com>\nTo: "Berg, Anna" <ab@example.de>\n'
        "Cc: ops@example.org (Maria Rossi)"
    )
    found = people(engine, text)
    assert {"JOHN SMITH", "Berg, Anna", "Maria Rossi"} <= found


def test_chat_speakers_are_found_even_in_lower_case(engine: Engine) -> None:
    text = "anna.berg: hi, can you check my claim?\nsupport_bot: sure\nanna.berg: thanks, anna"
    found = people(engine, text)
    assert "anna.berg" in found
    assert "support_bot" not in found
    assert text.rsplit("anna", 1)[0] + "anna" == text.rsplit(", ", 1)[0] + ", anna"
    assert any(f.start == text.rindex("anna") for f in engine.analyze(text))


def test_every_casing_of_a_found_name_is_found(engine: Engine) -> None:
    text = "Dear Anna Berg, as discussed, ANNA BERG must sign. Anna will call."
    found = [text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "PERSON"]
    assert "Anna Berg" in found and "ANNA BERG" in found and "Anna" in found


def test_capitalised_abbreviations_do_not_become_names(engine: Engine) -> None:
    assert people(engine, "URGENT: PLEASE CALL THE IBAN DESK ABOUT THE NHS FORM.") == set()
