"""Strings that look like personal data and are not stay in clear."""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("We stock Dr Pepper and Jack Daniel's at the bar.", ["Pepper", "Jack Daniel"]),
        ("History of Parkinson's disease and Hodgkin lymphoma.", ["Parkinson", "Hodgkin"]),
        ("As held in Donoghue v Stevenson [1932] AC 562, a duty of care exists.", ["Donoghue", "Stevenson"]),
        ("Processing under Art. 6 Abs. 1 DSGVO and § 823 BGB.", ["823"]),
        ("Order no. 2024-118273 and policy number 44-7712-90 are open.", ["2024-118273", "44-7712-90"]),
        ("Paid with the card ending in 4242.", ["4242"]),
        ("Transaction date: 03/04/2024, amount 12.40 EUR.", ["03/04/2024"]),
    ],
)
def test_a_look_alike_is_not_redacted(engine: Engine, text: str, kept: list[str]) -> None:
    findings = [text[f.start : f.end] for f in engine.analyze(text)]
    for value in kept:
        assert not any(value in f or f in value for f in findings), findings


def test_a_real_name_next_to_a_brand_is_still_found(engine: Engine) -> None:
    text = "Patient: Maria Keller, who drinks Dr Pepper daily."
    findings = {text[f.start : f.end] for f in engine.analyze(text)}
    assert "Maria Keller" in findings


def test_a_date_on_its_own_is_kept_but_a_date_about_a_persons_care_is_found(engine: Engine) -> None:
    meeting = "The quarterly review is on 14/03/2025 in room 4."
    assert not engine.analyze(meeting)
    admitted = "Mr Keller was admitted on 14/03/2025 with chest pain."
    assert "14/03/2025" in {admitted[f.start : f.end] for f in engine.analyze(admitted)}


def test_a_date_decades_old_is_found_even_without_a_label(engine: Engine) -> None:
    # Sixteen years back or more, a bare date next to a person is far more often a birth date.
    text = "File for Maria Keller: 12/03/1980, see attached."
    assert "12/03/1980" in {text[f.start : f.end] for f in engine.analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kunde bestellt regelmäßig Tommy Hilfiger und Hugo Boss.",
        "Ordina spesso Dolce & Gabbana e Ermenegildo Zegna.",
        "Klant koopt vaak bij Albert Heijn en drinkt Douwe Egberts.",
        "Compra habitual: Adolfo Domínguez y Carolina Herrera.",
        "Elle porte du Jean Paul Gaultier et du Pierre Cardin.",
        "She loves Dolce and Gabbana and Ben and Jerry's.",
    ],
)
def test_houses_and_shops_named_after_people_are_kept(text: str) -> None:
    assert [f for f in get_engine().analyze(text) if f.entity_type == "PERSON"] == []


def test_a_surname_that_is_also_a_brand_is_still_a_name() -> None:
    text = "Gentile Sig.ra Ferrari, la contatteremo domani."
    start = text.index("Ferrari")
    assert any(f.start <= start and start + len("Ferrari") <= f.end for f in get_engine().analyze(text))
