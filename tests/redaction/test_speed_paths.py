"""The engine's faster paths find exactly what the slower ones they replaced found.

- Other mentions of a name are looked up in an index of the text's words instead of a regex
  compiled per request (``recognizers_names.find_words_folded``).
"""

from __future__ import annotations

import random

import pytest

from redaction import recognizers_names


def _by_regex(text: str, words: set[str]) -> list[tuple[int, int]]:
    pattern = recognizers_names._words_regex_folded(tuple(sorted(words)))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Anna Berg wrote; later ANNA BERG and anna berg again.", {"anna berg", "anna", "berg"}),
        ("Anna\t\tBerg in a pasted table, Anna   Berg padded.", {"anna berg", "berg"}),
        ("Jean-Pierre Roux and Pierre; not Jean-Pierre's cousin Pierre-Yves.", {"pierre", "jean-pierre"}),
        ("O'Brien met o\u2019brien and OBrien.", {"o'brien", "o\u2019brien"}),
        ("van der Meulen, Van der Meulen, Ilse van der Meulen", {"van der meulen", "meulen"}),
        ("Bergmann is not Berg; Berg2 is not Berg either; Berg.", {"berg"}),
        ("İlkay Gündoğan wrote to ilkay.", {"ilkay", "gündoğan"}),
        ("Ana Ana Ana", {"ana", "ana ana"}),
        ("", {"anna"}),
    ],
)
def test_the_word_index_finds_what_the_regex_found(text: str, words: set[str]) -> None:
    assert recognizers_names.find_words_folded(text, words) == _by_regex(text, words)


def test_no_words_no_matches() -> None:
    # (The regex of no words matched the empty string at the end of the text.)
    assert recognizers_names.find_words_folded("Nothing here.", set()) == []


def test_the_word_index_agrees_with_the_regex_on_random_texts() -> None:
    rng = random.Random(7)
    vocabulary = ["Anna", "BERG", "berg", "van", "der", "Meulen", "x-Berg", "Berg-x", "Ölund", "and", "3"]
    separators = [" ", "  ", "\t", " \t ", "\n", ", ", "-", "."]
    for _ in range(400):
        text = "".join(rng.choice(vocabulary) + rng.choice(separators) for _ in range(rng.randint(1, 25)))
        words = {w.lower() for w in rng.sample(vocabulary[:6], 3)}
        words.add(" ".join(rng.sample(["anna", "berg", "van der", "meulen"], 2)))
        assert recognizers_names.find_words_folded(text, words) == _by_regex(text, words), text
