"""The one egress gate: what leaves, what is refused, and what a later turn costs.

The real Presidio engine runs in these tests (no fake detector): the texts are ones it finds
reliably with the small spaCy model.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.db import connections

from inference.models import Application
from redaction import cache as analysis_cache
from redaction import gate
from redaction.engine import Finding
from redaction.gate import EgressRefused, SafeBody, protect, protect_sync, require_safe
from tests.redaction.conftest import set_policy

pytestmark = pytest.mark.django_db

ORIGINALS = [
    "Maria Garcia",
    "Jane Doe",
    "jane.doe@example.com",
    "+44 20 7946 0958",
    "bob.jones@example.org",
    "John Smith",
]


def chat_body() -> dict[str, Any]:
    """A chat request with personal data in every place a request can carry text."""
    return {
        "model": "gpt-4o-mini",
        "temperature": 0.2,
        "user": "patient-7",
        "stream": True,
        "messages": [
            {"role": "system", "content": "You are the assistant of Dr. Maria Garcia at the clinic."},
            {
                "role": "user",
                "content": "Please email Jane Doe at jane.doe@example.com about her appointment.",
            },
            {
                "role": "user",
                "name": "front-desk",
                "content": [{"type": "text", "text": "Jane Doe called from +44 20 7946 0958 yesterday."}],
            },
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {
                            "name": "send_email",
                            "arguments": json.dumps(
                                {"to": "jane.doe@example.com", "body": "Dear Jane Doe, see you soon.", "n": 1}
                            ),
                        },
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "Sent to jane.doe@example.com"},
        ],
        "tools": [
            {
                "type": "function",
                "function": {
                    "name": "lookup",
                    "description": "Looks up a patient's record by email, e.g. bob.jones@example.org",
                    "parameters": {
                        "type": "object",
                        "properties": {
                            "email": {"type": "string", "description": "Such as bob.jones@example.org"}
                        },
                    },
                },
            }
        ],
        "functions": [{"name": "legacy", "description": "Look up the patient record for John Smith"}],
        "top_k": 40,
    }


def protect_chat(
    app: Application, body: dict[str, Any] | None = None, provider: str = "openai"
) -> gate.Protection:
    return protect_sync(
        body or chat_body(), endpoint="chat/completions", application_id=app.pk, provider=provider
    )


def test_nothing_leaves_while_egress_is_off(triage: Application) -> None:
    with pytest.raises(EgressRefused) as refused:
        protect_chat(triage)

    error = refused.value
    assert error.status == 403 and error.code == "egress_disabled"
    assert error.body()["error"]["type"] == "permission_error"
    assert "disabled" in error.message and "airlock redaction policy set --enable" in error.message
    assert error.report is not None and error.report.decision == "refused:egress_disabled"


def test_an_application_without_its_own_switch_is_told_how_to_turn_it_on(
    providers: Any, triage: Application
) -> None:
    set_policy(enabled=True, allowed_providers=["openai"])

    with pytest.raises(EgressRefused) as refused:
        protect_chat(triage)

    assert refused.value.code == "egress_disabled"
    assert "--app <application> --enable" in refused.value.message


def test_a_provider_the_policy_does_not_allow_is_refused(egress_on: Application) -> None:
    with pytest.raises(EgressRefused) as refused:
        protect_chat(egress_on, provider="anthropic")

    assert refused.value.code == "destination_not_allowed" and "'anthropic'" in refused.value.message


def test_every_text_of_a_chat_request_is_protected_and_the_rest_is_kept(egress_on: Application) -> None:
    protection = protect_chat(egress_on)
    sent = protection.safe.body
    wire = json.dumps(sent, ensure_ascii=False)

    for value in ORIGINALS:
        assert value not in wire, value
    messages = sent["messages"]
    assert messages[0]["content"] == "You are the assistant of Dr. <PERSON_1> at the clinic."
    assert messages[1]["content"] == "Please email <PERSON_2> at <EMAIL_ADDRESS_1> about her appointment."
    assert messages[2]["content"][0]["text"].startswith("<PERSON_2> called from <PHONE_NUMBER_1>")
    arguments = json.loads(messages[3]["tool_calls"][0]["function"]["arguments"])  # still valid JSON
    assert arguments == {"to": "<EMAIL_ADDRESS_1>", "body": "Dear <PERSON_2>, see you soon.", "n": 1}
    assert messages[4]["content"] == "Sent to <EMAIL_ADDRESS_1>"
    function = sent["tools"][0]["function"]
    assert "<EMAIL_ADDRESS_2>" in function["description"]
    assert function["parameters"]["properties"]["email"]["description"] == "Such as <EMAIL_ADDRESS_2>"
    assert sent["functions"][0]["description"] == "Look up the patient record for <PERSON_3>"
    # Parameters without text pass; the end user's id does not leave.
    assert (sent["model"], sent["temperature"], sent["stream"], sent["top_k"]) == (
        "gpt-4o-mini",
        0.2,
        True,
        40,
    )
    assert messages[2]["name"] == "front-desk" and messages[3]["tool_calls"][0]["id"] == "call_1"
    assert "user" not in sent and protection.report.dropped == ["user"]


def test_the_answer_is_restored_and_the_report_keeps_counts_never_values(egress_on: Application) -> None:
    protection = protect_chat(egress_on)

    answer = "I wrote to person_2 (<EMAIL_ADDRESS_1>) and told [PERSON_1]."
    restored = protection.session.restore(answer)

    assert restored == "I wrote to Jane Doe (jane.doe@example.com) and told Maria Garcia."
    report = protection.report
    assert report.restored == 3 and report.decision == "allowed" and report.provider == "openai"
    assert report.counts["PERSON"] == 5 and report.counts["EMAIL_ADDRESS"] == 5
    assert report.actions["PERSON"] == "placeholder"
    audit = json.dumps(report.as_audit())
    for value in ORIGINALS:
        assert value not in audit
    assert "Session" in repr(protection.session) and "Jane" not in repr(protection.session)


def test_a_completion_prompt_and_suffix_are_protected(egress_on: Application) -> None:
    body = {
        "model": "m",
        "prompt": ["Jane Doe called.", "Write to jane.doe@example.com"],
        "suffix": "Bye John Smith",
    }

    sent = protect_sync(
        body, endpoint="completions", application_id=egress_on.pk, provider="openai"
    ).safe.body

    assert sent["prompt"] == ["<PERSON_1> called.", "Write to <EMAIL_ADDRESS_1>"]
    assert sent["suffix"] == "Bye <PERSON_2>"


def test_a_type_the_policy_refuses_stops_the_request_and_is_named_without_its_value(
    egress_on: Application,
) -> None:
    set_policy(egress_on, entity_actions={"US_SSN": "refuse"})
    body = {"model": "m", "messages": [{"role": "user", "content": "Jane Doe. My SSN is 536-22-8475."}]}

    with pytest.raises(EgressRefused) as refused:
        protect_chat(egress_on, body)

    error = refused.value
    assert error.status == 403 and error.code == "egress_refused_entity"
    assert "US_SSN" in error.message and "536-22-8475" not in error.message and "Jane" not in error.message
    assert error.report is not None and error.report.decision == "refused:egress_refused_entity"
    assert error.report.counts == {"PERSON": 1, "US_SSN": 1}


def test_redacted_values_leave_as_their_type_and_are_never_restored(egress_on: Application) -> None:
    set_policy(entity_actions={"PHONE_NUMBER": "redact"})
    body = {"model": "m", "messages": [{"role": "user", "content": "Jane Doe called from +44 20 7946 0958."}]}

    protection = protect_chat(egress_on, body)

    assert protection.safe.body["messages"][0]["content"] == "<PERSON_1> called from [PHONE_NUMBER]."
    assert (
        protection.session.restore("Call [PHONE_NUMBER] for <PERSON_1>") == "Call [PHONE_NUMBER] for Jane Doe"
    )
    assert protection.report.actions == {"PERSON": "placeholder", "PHONE_NUMBER": "redact"}


def test_deny_terms_patterns_and_allow_terms_of_the_policy_apply(egress_on: Application) -> None:
    set_policy(
        deny_terms=["Project Falcon"],
        allow_terms=["Jane Doe"],
        patterns=[{"name": "mrn", "entity_type": "MEDICAL_RECORD", "regex": r"MRN-\d{6}"}],
    )
    body = {"model": "m", "messages": [{"role": "user", "content": "Project Falcon: Jane Doe, MRN-123456."}]}

    sent = protect_chat(egress_on, body).safe.body["messages"][0]["content"]

    assert sent == "<DENY_LIST_1>: Jane Doe, <MEDICAL_RECORD_1>."


def test_a_placeholder_written_by_the_user_is_not_taken_for_one_of_ours(egress_on: Application) -> None:
    text = "What does <PERSON_1> mean in this template? Ask Jane Doe."
    body = {"model": "m", "messages": [{"role": "user", "content": text}]}

    protection = protect_chat(egress_on, body)

    assert protection.safe.body["messages"][0]["content"].endswith("Ask <PERSON_2>.")
    assert (
        protection.session.restore("<PERSON_1> is a slot; PERSON_2 knows.")
        == "<PERSON_1> is a slot; Jane Doe knows."
    )


def test_content_that_cannot_be_analysed_is_refused(egress_on: Application) -> None:
    image = {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}
    body = {"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}, image]}]}

    with pytest.raises(EgressRefused) as refused:
        protect_chat(egress_on, body)
    assert refused.value.code == "egress_unsupported_content" and "image_url" in refused.value.message

    tokens = {"model": "m", "prompt": [1, 2, 3]}
    with pytest.raises(EgressRefused):
        protect_sync(tokens, endpoint="completions", application_id=egress_on.pk, provider="openai")


def test_a_later_turn_analyses_only_its_new_text(egress_on: Application) -> None:
    turn = {"model": "m", "messages": chat_body()["messages"][:2]}
    first = protect_chat(egress_on, turn)
    old_chars = sum(len(m["content"]) for m in turn["messages"])
    assert first.report.analysed_chars == old_chars and first.report.cached_chars == 0

    reply = "I have emailed Jane Doe."
    question = "Thanks. Now call John Smith on +44 20 7946 0958 please."
    turn["messages"] += [{"role": "assistant", "content": reply}, {"role": "user", "content": question}]
    second = protect_chat(egress_on, turn)

    assert second.report.analysed_chars == len(reply) + len(question)
    assert second.report.cached_chars == old_chars
    # Placeholders are still numbered per request, consistently across the whole conversation.
    assert second.safe.body["messages"][2]["content"] == "I have emailed <PERSON_2>."
    assert (
        second.safe.body["messages"][3]["content"]
        == "Thanks. Now call <PERSON_3> on <PHONE_NUMBER_1> please."
    )


def test_a_policy_change_that_alters_detection_does_not_reuse_old_findings(egress_on: Application) -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": "Project Falcon starts with Jane Doe."}]}
    protect_chat(egress_on, body)

    set_policy(deny_terms=["Project Falcon"])
    again = protect_chat(egress_on, body)

    assert again.report.cached_chars == 0
    assert again.safe.body["messages"][0]["content"] == "<DENY_LIST_1> starts with <PERSON_1>."


@pytest.mark.django_db(transaction=True)
def test_protect_runs_from_the_event_loop_like_protect_sync(egress_on: Application) -> None:
    async def both() -> tuple[gate.Protection, ...]:
        try:
            return await concurrently()
        finally:
            await sync_to_async(connections.close_all)()  # the async ORM's thread

    async def concurrently() -> tuple[gate.Protection, ...]:
        return tuple(
            await asyncio.gather(
                *(
                    protect(
                        chat_body(),
                        endpoint="chat/completions",
                        application_id=egress_on.pk,
                        provider="openai",
                    )
                    for _ in range(5)
                )
            )
        )

    results = asyncio.run(both())

    expected = protect_chat(egress_on).safe.body
    assert all(result.safe.body == expected for result in results)
    assert all(result.session is not results[0].session for result in results[1:])


def test_a_safe_body_is_made_only_by_the_gate_and_providers_accept_nothing_else(
    egress_on: Application,
) -> None:
    with pytest.raises(TypeError):
        SafeBody({"messages": []})
    with pytest.raises(TypeError):
        SafeBody({"messages": []}, _token=object())
    with pytest.raises(TypeError):
        require_safe({"model": "m", "messages": [{"role": "user", "content": "Jane Doe"}]})

    protection = protect_chat(egress_on)
    assert require_safe(protection.safe) is protection.safe


def test_a_value_found_once_is_protected_everywhere_in_the_request(egress_on: Application) -> None:
    body = {
        "model": "m",
        "messages": [
            {
                "role": "user",
                "content": "Please email Jane Doe at jane.doe@example.com about her appointment.",
            },
            {"role": "user", "content": "ok so jane   doe wants a reply"},  # the detector alone misses this
        ],
    }

    sent = protect_chat(egress_on, body).safe.body["messages"]

    assert sent[1]["content"] == "ok so <PERSON_1> wants a reply"


def test_the_analysis_cache_keeps_findings_under_keyed_hashes_never_text(egress_on: Application) -> None:
    protect_chat(egress_on)

    store = analysis_cache.cache()
    assert len(store) > 0
    for key, findings in store._data.items():
        assert isinstance(key, bytes) and len(key) == 32
        assert all(isinstance(f, Finding) for f in findings)
    dump = repr(list(store._data.items()))
    for value in ORIGINALS:
        assert value not in dump
