"""Which language a message is in, and that the engine reads each with the right model."""

from __future__ import annotations

import pytest

from redaction import languages
from redaction.engine import get_engine


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Please find attached the report for the meeting with our client.", "en"),
        ("Sehr geehrte Frau Müller, anbei finden Sie die Unterlagen für die Sitzung.", "de"),
        ("Bonjour, veuillez trouver ci-joint le rapport pour la réunion avec notre client.", "fr"),
        ("Hola, le envío el informe para la reunión con nuestro cliente, gracias.", "es"),
        ("Buongiorno, le invio il rapporto per la riunione con il nostro cliente, grazie.", "it"),
        ("Beste meneer, hierbij stuur ik u het rapport voor de vergadering met onze klant.", "nl"),
    ],
)
def test_the_language_of_a_message_is_detected(text: str, language: str) -> None:
    assert languages.detect(text) == language


def test_a_text_without_telling_words_is_read_as_english() -> None:
    assert languages.detect("4111 1111 1111 1111 / 2024-03-04") == "en"


def test_the_detected_languages_are_a_setting(settings: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "AIRLOCK_REDACTION_LANGUAGES", "en,fr", raising=False)
    assert languages.configured() == ("en", "fr")
    assert languages.detect("Sehr geehrte Frau Müller, anbei die Unterlagen.", ("en", "fr")) in ("en", "fr")


def test_a_french_message_is_read_by_the_french_model() -> None:
    engine = get_engine()
    text = "Bonjour, je vous écris au sujet de Hélène Lefèvre qui habite à Lyon depuis trois ans."
    assert engine.language(text) == "fr"
    assert engine.ner_for("fr").model_name == "fr_core_news_md"
    found = {text[f.start : f.end]: f.entity_type for f in engine.analyze(text)}
    assert found.get("Hélène Lefèvre") == "PERSON"
