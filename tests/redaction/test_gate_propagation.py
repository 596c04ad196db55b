"""A value found in one place of a request is protected in every place: every message, the
system prompt and the tools — and a person's given name or surname alone too."""

from __future__ import annotations

import json
from typing import Any

import pytest

from inference.models import Application
from redaction.gate import protect_sync

pytestmark = pytest.mark.django_db


def send(app: Application, *messages: str, **extra: Any) -> dict[str, Any]:
    body = {"model": "m", "messages": [{"role": "user", "content": m} for m in messages], **extra}
    return protect_sync(body, endpoint="chat/completions", application_id=app.pk, provider="openai").safe.body


def test_a_first_name_alone_in_a_later_message_is_protected(egress_on: Application) -> None:
    sent = send(
        egress_on, "Patient Bartholomew Higgins called about his results.", "Bartholomew asked again."
    )

    assert sent["messages"][1]["content"].startswith("<PERSON_")
    assert "Bartholomew" not in json.dumps(sent)


@pytest.mark.parametrize(
    "later", ["HIGGINS phoned twice.", "Mr Higgins phoned twice.", "bartholomew wrote back."]
)
def test_a_name_part_is_protected_in_any_case(egress_on: Application, later: str) -> None:
    sent = send(egress_on, "Patient Bartholomew Higgins called about his results.", later)

    wire = json.dumps(sent).casefold()
    assert "higgins" not in wire and "bartholomew" not in wire


def test_a_name_found_in_a_message_is_protected_in_the_system_prompt_and_tools(
    egress_on: Application,
) -> None:
    tools = [
        {
            "type": "function",
            "function": {"name": "notify", "description": "Send Bartholomew a text message."},
        }
    ]
    body = {
        "model": "m",
        "messages": [
            {"role": "system", "content": "You help Bartholomew with his claims."},
            {"role": "user", "content": "I am Bartholomew Higgins, policy holder."},
        ],
        "tools": tools,
    }

    sent = protect_sync(body, endpoint="chat/completions", application_id=egress_on.pk, provider="openai")

    assert "Bartholomew" not in json.dumps(sent.safe.body)


def test_common_words_that_are_part_of_a_name_are_left_alone(egress_on: Application) -> None:
    sent = send(egress_on, "Dear Will Mark Jones, thanks.", "I will mark the form as done.")

    assert sent["messages"][1]["content"] == "I will mark the form as done."
