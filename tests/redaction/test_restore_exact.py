"""An answer that echoes the request comes back exactly as the application wrote it.

Restoring tolerates a model that changes a placeholder's case or brackets, but it must never
eat brackets that belong to the text (``Jane Doe <jane.doe@example.com>``, ``List<Jane>``),
and a value the request wrote in several forms (``Anna Berg``, ``ANNA BERG``) comes back in
the form each occurrence had — streamed or not, however the stream splits the placeholders.
"""

from __future__ import annotations

from typing import Any

import pytest

from inference.models import Application
from redaction.gate import protect_sync
from redaction.placeholders import Session

pytestmark = pytest.mark.django_db


def protect(app: Application, *texts: str) -> tuple[list[str], Session]:
    body = {"model": "m", "messages": [{"role": "user", "content": text} for text in texts]}
    protection = protect_sync(body, endpoint="chat/completions", application_id=app.pk, provider="openai")
    return [m["content"] for m in protection.safe.body["messages"]], protection.session


def streamed(session: Session, text: str, piece: int) -> str:
    restorer = session.restorer()
    out = [restorer.feed(text[i : i + piece]) for i in range(0, len(text), piece)]
    return "".join(out) + restorer.flush()


ECHOES = [
    "Reply to Jane Doe <jane.doe@example.com> today.",
    "From: Jane Doe <jane.doe@example.com>\nTo: <bob.jones@example.org>",
    "Generic types: List<Jane Doe> and Map<<jane.doe@example.com>> stay as written.",
    "Escaped: &lt;jane.doe@example.com&gt; and [[Jane Doe]] and {{jane.doe@example.com}}.",
    "Anna Berg signed; ANNA BERG is on the badge; anna berg wrote the e-mail.",
    "Mail jane.doe@example.com, or <jane.doe@example.com> as the header says; not Vec<T>.",
]


@pytest.mark.parametrize("text", ECHOES)
def test_an_echo_of_the_request_comes_back_byte_for_byte(egress_on: Application, text: str) -> None:
    (sent,), session = protect(egress_on, text)
    assert "jane.doe@example.com" not in sent and "Jane Doe" not in sent and "Berg" not in sent

    assert session.restore(sent) == text
    for piece in (1, 2, 3, 5, 8, 13):
        assert streamed(session, sent, piece) == text, piece


def test_the_forms_of_one_person_share_a_placeholder(egress_on: Application) -> None:
    (sent,), _ = protect(egress_on, "Anna Berg signed; ANNA BERG is on the badge.")

    assert sent == "<PERSON_1> signed; <PERSON_1> is on the badge."


def test_an_echo_of_a_conversation_with_both_forms_comes_back_identical(egress_on: Application) -> None:
    texts = ("Patient: ANNA BERG, born 1978.", "Anna Berg asked whether ANNA BERG on the form is her.")
    sent, session = protect(egress_on, *texts)
    echo = " | ".join(sent)

    assert session.restore(echo) == " | ".join(texts)
    assert streamed(session, echo, 4) == " | ".join(texts)


def test_a_model_that_changes_the_brackets_is_still_understood(egress_on: Application) -> None:
    (sent,), session = protect(egress_on, "Reply to Jane Doe <jane.doe@example.com> today.")
    assert sent == "Reply to <PERSON_1> <<EMAIL_ADDRESS_1>> today."

    # The text's own angle brackets are kept whatever the model did to the placeholder's.
    assert session.restore("Write to <<EMAIL_ADDRESS_1>>.") == "Write to <jane.doe@example.com>."
    assert session.restore("Write to <EMAIL_ADDRESS_1>.") == "Write to jane.doe@example.com."
    assert session.restore("Ask [person_1] or PERSON\\_1.") == "Ask Jane Doe or Jane Doe."


def test_doubled_brackets_the_request_did_not_have_are_taken_for_the_models(egress_on: Application) -> None:
    _, session = protect(egress_on, "Please email Jane Doe at jane.doe@example.com.")

    assert session.restore("Dear <<PERSON_1>>, I wrote to [[EMAIL_ADDRESS_1]].") == (
        "Dear Jane Doe, I wrote to jane.doe@example.com."
    )


def test_a_whole_answer_with_tool_arguments_is_restored_exactly(egress_on: Application) -> None:
    from inference.egress import restore_completion

    text = "Reply to Jane Doe <jane.doe@example.com> today."
    (sent,), session = protect(egress_on, text)
    data: dict[str, Any] = {"choices": [{"index": 0, "message": {"role": "assistant", "content": sent}}]}

    restore_completion(data, session)

    assert data["choices"][0]["message"]["content"] == text
