"""Tool and response-format schemas: every free-text value is analysed, and a value found
anywhere in the request never leaves in clear through a field that must be sent as written."""

from __future__ import annotations

import json
from typing import Any

import pytest

from inference.models import Application
from redaction.gate import EgressRefused, protect_sync

pytestmark = pytest.mark.django_db


def send(app: Application, body: dict[str, Any]) -> Any:
    return protect_sync(body, endpoint="chat/completions", application_id=app.pk, provider="openai")


def tool(parameters: dict[str, Any]) -> dict[str, Any]:
    return {"type": "function", "function": {"name": "file_claim", "parameters": parameters}}


ASK = {"role": "user", "content": "File the claim for Jane Doe (jane.doe@example.com)."}


def test_enum_default_examples_and_const_values_are_protected_like_the_messages(
    egress_on: Application,
) -> None:
    parameters = {
        "type": "object",
        "properties": {
            "claimant": {
                "type": "string",
                "enum": ["Jane Doe", "John Smith"],
                "default": "Jane Doe",
                "examples": ["jane.doe@example.com", {"nested": "Jane Doe"}],
            },
            "contact": {"const": "jane.doe@example.com", "type": "string"},
            "count": {"type": "integer", "default": 3, "minimum": 1},
        },
        "required": ["claimant", "contact"],
    }
    body = {"model": "m", "messages": [ASK], "tools": [tool(parameters)]}

    protection = send(egress_on, body)

    sent = protection.safe.body
    wire = json.dumps(sent, ensure_ascii=False)
    assert "Jane Doe" not in wire and "jane.doe@example.com" not in wire and "John Smith" not in wire
    claimant = sent["tools"][0]["function"]["parameters"]["properties"]["claimant"]
    assert claimant["enum"] == ["<PERSON_1>", "<PERSON_2>"] and claimant["default"] == "<PERSON_1>"
    assert claimant["examples"] == ["<EMAIL_ADDRESS_1>", {"nested": "<PERSON_1>"}]
    contact = sent["tools"][0]["function"]["parameters"]["properties"]["contact"]
    assert contact == {"const": "<EMAIL_ADDRESS_1>", "type": "string"}
    # Property names, types, numbers and the required list are the contract: sent as written.
    assert sent["tools"][0]["function"]["parameters"]["required"] == ["claimant", "contact"]
    assert sent["tools"][0]["function"]["parameters"]["properties"]["count"] == {
        "type": "integer",
        "default": 3,
        "minimum": 1,
    }
    assert sent["messages"][0]["content"] == "File the claim for <PERSON_1> (<EMAIL_ADDRESS_1>)."


def test_a_response_format_schema_is_analysed_too(egress_on: Application) -> None:
    body = {
        "model": "m",
        "messages": [ASK],
        "response_format": {
            "type": "json_schema",
            "json_schema": {
                "name": "claim",
                "schema": {"type": "object", "properties": {"who": {"type": "string", "enum": ["Jane Doe"]}}},
            },
        },
    }

    sent = send(egress_on, body).safe.body

    assert sent["response_format"]["json_schema"]["schema"]["properties"]["who"]["enum"] == ["<PERSON_1>"]


@pytest.mark.parametrize(
    "parameters",
    [
        {"type": "object", "properties": {"Jane Doe": {"type": "string"}}},
        {"type": "object", "properties": {"notes_for_jane_doe": {"type": "string"}}},
        {"type": "object", "properties": {"x": {"type": "string", "pattern": "^jane\\.doe@example\\.com$"}}},
    ],
)
def test_a_found_value_in_a_field_sent_as_written_refuses_the_request(
    egress_on: Application, parameters: dict[str, Any]
) -> None:
    body = {"model": "m", "messages": [ASK], "tools": [tool(parameters)]}

    with pytest.raises(EgressRefused) as refused:
        send(egress_on, body)

    error = refused.value
    assert error.status == 403 and error.code == "egress_unprotected_value"
    assert "Jane" not in error.message and "jane" not in error.message and "tools[0]" in error.message
    assert error.report is not None and error.report.decision == "refused:egress_unprotected_value"


def test_a_tool_name_holding_a_found_value_refuses_the_request(egress_on: Application) -> None:
    body = {
        "model": "m",
        "messages": [ASK],
        "tools": [{"type": "function", "function": {"name": "email_jane_doe", "parameters": {}}}],
    }

    with pytest.raises(EgressRefused) as refused:
        send(egress_on, body)

    assert refused.value.code == "egress_unprotected_value"


def test_ordinary_property_names_pass(egress_on: Application) -> None:
    parameters = {"type": "object", "properties": {"will": {"type": "string"}, "name": {"type": "string"}}}
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "Will Jones will call. Note the name."}],
        "tools": [tool(parameters)],
    }

    sent = send(egress_on, body).safe.body

    assert sent["tools"][0]["function"]["parameters"] == parameters
