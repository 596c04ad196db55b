"""Names as call notes and chats write them: in lower case, after the words that introduce a person."""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def covered(engine: Engine, text: str, value: str, start_at: int = 0) -> bool:
    start = text.index(value, start_at)
    chars: set[int] = set()
    for f in engine.analyze(text):
        chars.update(range(f.start, f.end))
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


def found(engine: Engine, text: str) -> list[str]:
    return [text[f.start : f.end] for f in engine.analyze(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Call note: spoke to cheryl wallis re overdue invoice, ring back tomorrow.", "cheryl wallis"),
        ("Telefonnotiz: sprach mit marita jockel wegen der Rechnung.", "marita jockel"),
        ("Compte rendu : j'ai appelé juliette giraud au sujet de sa commande.", "juliette giraud"),
        ("Nota de llamada: hablé con luis camacho, pide que le llamemos.", "luis camacho"),
        (
            "Nota telefonata: ho parlato con calcedonio ferretti, chiede di essere richiamato.",
            "calcedonio ferretti",
        ),
        ("Belnotitie: gesproken met jan de vries, graag terugbellen.", "jan de vries"),
        ("Afspraak met anouk van dijk op dinsdag.", "anouk van dijk"),
    ],
)
def test_a_lower_case_name_after_a_call_note_cue_is_found(engine: Engine, text: str, name: str) -> None:
    assert covered(engine, text, name)


def test_the_given_name_alone_is_found_again_after_a_lower_case_full_name(engine: Engine) -> None:
    text = "spoke to cheryl wallis re overdue invoice. cheryl prefers vouchers."
    assert covered(engine, text, "cheryl", text.index("cheryl prefers"))


def test_a_lower_case_speaker_and_their_later_mentions_are_found(engine: Engine) -> None:
    text = (
        "jose miguel: hola, tengo un problema con la tarjeta\n"
        "agente: buenas tardes\n"
        "jose miguel: soy jose miguel menendez, gracias\n"
        "agente: gracias jose miguel, lo reviso"
    )
    assert covered(engine, text, "jose miguel")
    assert covered(engine, text, "jose miguel menendez")
    assert covered(engine, text, "jose miguel", text.index("gracias jose") + 8)


@pytest.mark.parametrize(
    "text",
    [
        "Note: spoke to the manager, called back twice. Spoke to support re refund.",
        "Called twice, no answer. Meeting with legal on friday.",
        "called ahead to confirm the delivery window.",
        "met with accounting about the q3 numbers.",
        "Nota: ho parlato con il servizio clienti, poi ho chiamato la banca.",
        "Notiz: sprach mit dem Kundenservice, dann Termin mit der Buchhaltung.",
        "Note : j'ai appelé le service client, rendez-vous avec la comptabilité.",
        "Notitie: gesproken met de klantenservice, afspraak met de boekhouding.",
    ],
)
def test_what_follows_a_cue_and_is_no_ones_name_is_kept(engine: Engine, text: str) -> None:
    assert [f for f in found(engine, text) if f.islower()] == []


def test_a_self_introduction_outside_a_chat_is_not_taken_for_a_name(engine: Engine) -> None:
    text = "I'm really sorry for the delay, the parcel left today."
    assert found(engine, text) == []


def test_a_speaker_written_with_the_time_after_the_name_is_found(engine: Engine) -> None:
    text = (
        "lukas (14:02): hallo, ich komme nicht ins Konto\n"
        "support (14:03): hallo lukas, wie ist Ihre Kundennummer?\n"
        "lukas (14:05): danke!"
    )
    names = [text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "PERSON"]
    assert names == ["lukas", "lukas", "lukas"]


def test_a_name_found_capitalised_is_found_again_in_lower_case(engine: Engine) -> None:
    text = "Chat with Anna Berg (customer)\nagent: hi anna, how can I help?"
    assert covered(engine, text, "anna", text.index("hi anna") + 3)


def test_a_name_that_is_also_a_word_is_not_looked_for_in_lower_case(engine: Engine) -> None:
    text = "From: Will Smith <w.smith@example.com>\nI will call you tomorrow, will that work?"
    assert [text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "PERSON"] == [
        "Will Smith"
    ]
