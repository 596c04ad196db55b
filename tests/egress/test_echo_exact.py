"""Through the gateway: an answer that echoes the request comes back byte for byte, streamed
and not, through both provider protocols — brackets of the text and each written form of a
name included."""

from __future__ import annotations

import pytest

from tests.egress.conftest import ANTHROPIC_MODEL, OPENAI_MODEL, Egress

TEXT = (
    "Reply to Jane Doe <jane.doe@example.com> today; cc <bob.jones@example.org>. "
    "ANNA BERG signed the form, Anna Berg the letter. Types: List<Jane Doe>."
)
MODELS = [OPENAI_MODEL, ANTHROPIC_MODEL]


@pytest.mark.parametrize("model", MODELS)
def test_a_whole_answer_echoing_the_request_is_restored_byte_for_byte(egress: Egress, model: str) -> None:
    egress.allow()

    answer = egress.client().chat.completions.create(
        model=model, messages=[{"role": "user", "content": TEXT}]
    )

    assert answer.choices[0].message.content == f"You said: {TEXT}"
    sent = egress.capture.requests[-1].raw
    assert b"jane.doe@example.com" not in sent and b"Berg" not in sent and b"BERG" not in sent


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("piece", [1, 3, 7])
def test_a_streamed_echo_is_restored_byte_for_byte_however_it_is_split(
    egress: Egress, model: str, piece: int
) -> None:
    egress.allow()
    egress.capture.piece = piece

    chunks = list(
        egress.client().chat.completions.create(
            model=model, messages=[{"role": "user", "content": TEXT}], stream=True
        )
    )

    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == f"You said: {TEXT}"
