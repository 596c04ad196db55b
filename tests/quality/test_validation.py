# ruff: noqa: RUF001, E501 - multilingual text fixtures: foreign punctuation and long sentences are the point
"""Output validation of one answer: empty, schema, length bounds, repetition and garbage."""

from __future__ import annotations

import json

from quality import validation
from quality.validation import validate

PERSON = {
    "type": "json_schema",
    "json_schema": {
        "name": "person",
        "schema": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
            "required": ["name", "age"],
            "additionalProperties": False,
        },
    },
}


def codes(problems: list[validation.Problem]) -> list[str]:
    return [p.code for p in problems]


def test_a_good_answer_has_no_problem() -> None:
    assert validate("The capital of France is Paris.") == []


def test_an_empty_or_blank_answer_is_flagged() -> None:
    assert codes(validate("")) == ["empty"]
    assert codes(validate("  \n\t ")) == ["empty"]


def test_an_answer_matching_the_requested_schema_passes() -> None:
    assert validate(json.dumps({"name": "Ada", "age": 36}), response_format=PERSON) == []


def test_an_answer_breaking_the_requested_schema_is_flagged_where_it_breaks() -> None:
    problems = validate(json.dumps({"name": "Ada", "age": -3}), response_format=PERSON)
    assert codes(problems) == ["schema"]
    assert "at age" in problems[0].message and "minimum" in problems[0].message
    missing = validate(json.dumps({"name": "Ada"}), response_format=PERSON)
    assert codes(missing) == ["schema"] and "required" in missing[0].message


def test_a_schema_message_never_quotes_the_answer() -> None:
    secret = "Jane Doe, SSN 078-05-1120"
    problems = validate(json.dumps({"name": secret, "age": "old"}), response_format=PERSON)
    assert codes(problems) == ["schema"]
    assert "Jane" not in problems[0].message and "old" not in problems[0].message


def test_text_when_json_was_asked_is_flagged_and_a_cut_off_answer_says_so() -> None:
    assert codes(validate("Sure! Here it is.", response_format={"type": "json_object"})) == ["schema"]
    cut = validate('{"name": "Ada", "ag', response_format=PERSON, finish_reason="length")
    assert codes(cut) == ["schema"] and "cut off by max_tokens" in cut[0].message


def test_json_mode_accepts_any_json_and_text_mode_checks_nothing() -> None:
    assert validate('{"anything": [1, 2]}', response_format={"type": "json_object"}) == []
    assert validate("plain text", response_format={"type": "text"}) == []


def test_a_broken_schema_from_the_client_is_not_the_models_fault() -> None:
    broken = {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "no-such-type"}}}
    assert validate('{"a": 1}', response_format=broken) == []


def test_the_schema_check_can_be_turned_off() -> None:
    assert validate("not json", response_format=PERSON, check_schema=False) == []


def test_length_bounds() -> None:
    assert codes(validate("x" * 10 + " words", max_chars=10)) == ["too_long"]
    assert codes(validate("short", min_chars=20)) == ["too_short"]
    assert validate("just right", min_chars=5, max_chars=20) == []


def test_a_sentence_looping_is_repetition() -> None:
    assert codes(validate("The capital of France is Paris. " * 20)) == ["repetition"]


def test_a_word_or_a_character_running_on_is_repetition() -> None:
    assert codes(validate("The answer is " + "the " * 30)) == ["repetition"]
    assert codes(validate("Sure! Here is the summary" + "!" * 100)) == ["repetition"]


def test_a_markdown_rule_or_a_table_border_is_not_repetition() -> None:
    assert validate("Results\n" + "=" * 80 + "\nAll tests passed, nothing to report today.") == []
    assert validate("+" + "-" * 60 + "+\n| total | 42 |\n+" + "-" * 60 + "+") == []


def test_replacement_and_control_characters_are_garbage() -> None:
    assert codes(validate("Voici la r\ufffdponse \ufffd votre question sur la capitale de la France.")) == [
        "garbage"
    ]
    assert codes(validate("Paris\x00\x01 is the \x02capital\x03 of France and its largest city.")) == [
        "garbage"
    ]


def test_tabs_and_newlines_are_not_control_garbage() -> None:
    assert validate("name\tage\nAda\t36\nAlan\t41\nGrace\t85\nKatherine\t101\n") == []


def test_letters_of_many_scripts_mixed_are_garbage() -> None:
    salad = "Parisставка的首都 capitalمدينة город 城市 ville مرحبا мир 世界 world"
    problems = validate(salad)
    assert codes(problems) == ["garbage"] and "scripts" in problems[0].message


def test_a_russian_or_japanese_answer_with_latin_terms_is_fine() -> None:
    assert (
        validate("Столица России — Москва (Moscow). Это крупнейший город страны, около 13 млн человек.") == []
    )
    assert (
        validate(
            "日本の首都は東京（Tokyo）です。東京は世界で最も人口の多い都市圏の一つで、約3700万人が住んでいます。"
        )
        == []
    )


SALAD = (
    " neededINGTONopic neededauntauntMoldoldailsM Sailsem call proveerouserous anyone wifemanacTime "
    "Mirao crusadeoldakable worktalkoughtonustryoficontainingofinjpg AmazingiedCarold aquatictalktalk "
    "history believeaskan left dimtim tar Sea marineemic withiled strikes askan opic date strikesak "
    "unravelastrous forailsembDlatericWorld date with dream dream tar non madeorrowiriematesMMMMMn "
    "subsouthFourthonerescentlausSaxonidimensionalessori dayink Clarter Gregorian pkgcaltravelc "
    "renov Thoughcerpt equalssmalllyamasht Dixcoatedardi"
)


def test_run_together_subword_pieces_are_token_salad() -> None:
    problems = validate(SALAD)
    assert codes(problems) == ["garbage"] and "Token salad" in problems[0].message


def test_one_word_wandering_through_the_answer_is_flagged() -> None:
    others = [
        "in",
        "cells",
        "company",
        "plan",
        "at",
        "bowel",
        "class",
        "plans",
        "other",
        "purposes",
        "majors",
        "Riv",
        "once",
        "you",
        "to",
        "million",
    ]
    wandering = " ".join(
        f"but {others[i * 7 % len(others)]} {others[i * 3 % len(others)]}" for i in range(25)
    )
    assert "One word makes up" in validate(wandering)[0].message


def test_prose_in_a_language_without_listed_function_words_is_not_salad() -> None:
    polish = (
        "Warszawa jest stolicą Polski i największym miastem kraju. Leży nad Wisłą, w centralnej części "
        "państwa. Miasto zostało prawie całkowicie zniszczone podczas drugiej wojny światowej, a potem "
        "odbudowane; Stare Miasto wpisano na listę światowego dziedzictwa UNESCO. Dziś Warszawa jest "
        "ważnym ośrodkiem gospodarczym, naukowym i kulturalnym, z licznymi muzeami, teatrami i parkami."
    )
    assert validate(polish) == []


def test_long_code_identifiers_are_not_salad() -> None:
    java = (
        "```java\n"
        + "\n".join(
            f"AbstractSingletonProxyFactoryBean factoryBean{i} = applicationContextConfiguration.getBean({i});"
            for i in range(12)
        )
        + "\n```"
    )
    assert validate(java) == []


def test_symbols_instead_of_words_are_garbage() -> None:
    assert codes(validate("⌘⍟⎈⏣⏥⏦⌬⍝⍣⍤⍥⍨⍩⎊⎋⎌⏁⏂⏃⏄⏅⏆⏇⏈⏉⏊⏋⏌⏍ ⌘⍟⎈⏣⏥⏦ ⍝⍣⍤⍥")) == ["garbage"]


def test_short_answers_are_never_judged_degenerate() -> None:
    for short in ("OK", "42", "!!!!!!!!", "Да.", "no no no no no"):
        assert validate(short) == [], short


def test_degeneracy_checks_can_be_turned_off() -> None:
    assert validate("the " * 50, check_degeneracy=False) == []


def test_several_problems_are_all_reported() -> None:
    problems = validate("loop " * 40, response_format={"type": "json_object"}, max_chars=50)
    assert set(codes(problems)) == {"schema", "too_long", "repetition"}


def test_every_code_is_one_of_the_stable_codes() -> None:
    assert set(validation.CODES) == {"empty", "schema", "too_long", "too_short", "repetition", "garbage"}
