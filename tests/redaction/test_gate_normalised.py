"""Identifiers written with look-alike characters are protected like plain ones.

Word processors put no-break or thin spaces between digit groups, spreadsheets tabs, web pages
en dashes or non-breaking hyphens; text pasted from PDFs carries zero-width characters, and
some systems write digits in fullwidth or another script. The engine analyses a normalised view
of the text, and every finding maps back to the original characters, which are the ones replaced.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from inference.models import Application
from redaction.engine import get_engine
from redaction.gate import protect_sync

pytestmark = pytest.mark.django_db


# 4111 1111 1111 1111 in fullwidth digits.
FULLWIDTH_CARD = "4111 1111 1111 1111".translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})


def send(app: Application, text: str) -> tuple[str, Any]:
    body = {"model": "m", "messages": [{"role": "user", "content": text}]}
    protection = protect_sync(body, endpoint="chat/completions", application_id=app.pk, provider="openai")
    return protection.safe.body["messages"][0]["content"], protection.session


def digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (
            "Card: 4111\u00a01111\u00a01111\u00a01111, thanks.",
            "4111\u00a01111\u00a01111\u00a01111",
            "CREDIT_CARD",
        ),
        (
            "Card: 4111\u202f1111\u202f1111\u202f1111, thanks.",
            "4111\u202f1111\u202f1111\u202f1111",
            "CREDIT_CARD",
        ),
        (
            "Card: 4111\u20131111\u20131111\u20131111, thanks.",
            "4111\u20131111\u20131111\u20131111",
            "CREDIT_CARD",
        ),
        (f"Card: {FULLWIDTH_CARD}.", FULLWIDTH_CARD, "CREDIT_CARD"),
        ("Phone: +44\t20\t7946\t0958", "+44\t20\t7946\t0958", "PHONE_NUMBER"),
        (
            "Phone: +44\u200920\u20097946\u20090958 after six.",
            "+44\u200920\u20097946\u20090958",
            "PHONE_NUMBER",
        ),
        (
            "Phone: +44\u00a020\u00a07946\u00a00958 after six.",
            "+44\u00a020\u00a07946\u00a00958",
            "PHONE_NUMBER",
        ),
        ("My SSN is 536\u201122\u20118475.", "536\u201122\u20118475", "US_SSN"),
        ("My SSN is 536.22.8475.", "536.22.8475", "US_SSN"),
        ("IBAN: DE89.3704.0044.0532.0130.00 for the refund.", "DE89.3704.0044.0532.0130.00", "IBAN_CODE"),
        (
            "IBAN: DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000 for the refund.",
            "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000",
            "IBAN_CODE",
        ),
    ],
)
def test_an_identifier_with_look_alike_separators_or_digits_never_leaves(
    egress_on: Application, text: str, value: str, entity: str
) -> None:
    sent, session = send(egress_on, text)

    assert value not in sent and digits(value)[-4:] not in digits(sent), sent
    assert f"<{entity}_1>" in sent
    # The original characters come back, separators and all.
    assert session.restore(sent) == text


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\u00ad"])
def test_an_invisible_character_inside_a_name_does_not_split_it(egress_on: Application, hidden: str) -> None:
    text = f"Please call Dr. Bartho{hidden}lomew Higgins tomorrow about the results."

    sent, session = send(egress_on, text)

    assert sent == "Please call Dr. <PERSON_1> tomorrow about the results."
    assert session.restore(sent) == text


def test_the_engine_reports_spans_of_the_original_text(db: None) -> None:
    text = "Ring +44\u00a020\u00a07946\u00a00958 or write to jane\u200b.doe@example.com"

    findings = get_engine().analyze(text)

    spans = {text[f.start : f.end]: f.entity_type for f in findings}
    assert spans["+44\u00a020\u00a07946\u00a00958"] == "PHONE_NUMBER"
    assert spans["jane\u200b.doe@example.com"] == "EMAIL_ADDRESS"


def test_a_value_found_once_is_protected_where_it_is_written_with_other_separators(
    egress_on: Application,
) -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "user", "content": "Call +44 20 7946 0958 today."},
            {"role": "user", "content": "Again: +44\u00a020\u00a07946\u00a00958"},
        ],
    }

    sent = protect_sync(body, endpoint="chat/completions", application_id=egress_on.pk, provider="openai")

    wire = json.dumps(sent.safe.body, ensure_ascii=False)
    assert "7946" not in wire and wire.count("<PHONE_NUMBER_1>") == 2
