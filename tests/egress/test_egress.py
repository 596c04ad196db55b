"""The egress path end to end: the openai client → Airlock → a capture server playing the provider.

The capture server records every byte it receives and echoes the text it was sent, so each
test checks both sides: no seeded identifier ever arrives there, and the application gets its
own values back in the answer.
"""

from __future__ import annotations

import json

import openai
import orjson
import pytest

from audit import envelope
from audit.events import Event
from audit.models import AuditRecord, DataKey
from inference import services
from redaction import services as redaction_services
from tests.egress.conftest import ANTHROPIC_MODEL, OPENAI_MODEL, Egress

SEEDED = {
    "name": "Maria Gonzalez",
    "email": "maria.gonzalez@example.org",
    "phone": "+1 415 555 0134",
    "ssn": "536-22-8197",
    "card": "4111 1111 1111 1111",
    "mrn": "MRN-4827163",
}
PROMPT = (
    f"My name is {SEEDED['name']}, email {SEEDED['email']}, phone {SEEDED['phone']}, "
    f"SSN {SEEDED['ssn']}, card {SEEDED['card']}, {SEEDED['mrn']}. Summarise my case."
)
ASK = [{"role": "user", "content": PROMPT}]
MODELS = [OPENAI_MODEL, ANTHROPIC_MODEL]


def assert_nothing_seeded_arrived(egress: Egress) -> None:
    raw = egress.capture.raw()
    assert raw, "the provider received the request"
    for what, value in SEEDED.items():
        assert value.encode() not in raw, f"the provider received the {what}"
    # Nor in another encoding: JSON escapes, or the value's digits alone.
    assert b"4111111111111111" not in raw and b"536228197" not in raw


def assert_restored(text: str) -> None:
    assert text.startswith("You said: ")
    for value in SEEDED.values():
        assert value in text, f"{value} was not restored in {text!r}"
    assert "<" not in text, f"a placeholder was left in {text!r}"


def streamed_text(stream: openai.Stream) -> str:  # type: ignore[type-arg]
    return "".join(c.choices[0].delta.content or "" for c in stream if c.choices)


# --- Off by default ---


@pytest.mark.parametrize("model", MODELS)
def test_with_egress_off_nothing_leaves_and_the_app_gets_403(egress: Egress, model: str) -> None:
    with pytest.raises(openai.PermissionDeniedError) as caught:
        egress.client().chat.completions.create(model=model, messages=ASK)
    assert caught.value.body["code"] == "egress_disabled"  # type: ignore[index]
    with pytest.raises(openai.PermissionDeniedError):
        list(egress.client().chat.completions.create(model=model, messages=ASK, stream=True))
    assert egress.capture.raw() == b"", "the provider received zero bytes"


def test_egress_on_globally_but_not_for_the_app_still_refuses(egress: Egress) -> None:
    redaction_services.do_set_egress_policy(None, {"enabled": True, "allowed_providers": ["*"]})
    with pytest.raises(openai.PermissionDeniedError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "egress_disabled"  # type: ignore[index]
    assert egress.capture.raw() == b""


# --- Redacted out, restored back ---


@pytest.mark.parametrize("model", MODELS)
def test_the_provider_never_sees_a_seeded_identifier_and_the_app_gets_them_back(
    egress: Egress, model: str
) -> None:
    egress.allow()
    answer = egress.client().chat.completions.create(model=model, messages=ASK)
    assert_restored(answer.choices[0].message.content or "")
    assert answer.choices[0].finish_reason == "stop"
    assert answer.usage is not None and answer.usage.prompt_tokens > 0
    assert_nothing_seeded_arrived(egress)
    sent = egress.capture.requests[-1]
    assert b"<PERSON_1>" in sent.raw and b"<EMAIL_ADDRESS_1>" in sent.raw


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("piece", [1, 3, 7])
def test_a_streamed_answer_is_restored_even_when_placeholders_are_split_across_chunks(
    egress: Egress, model: str, piece: int
) -> None:
    egress.allow()
    egress.capture.piece = piece
    chunks = list(egress.client().chat.completions.create(model=model, messages=ASK, stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert_restored(text)
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert_nothing_seeded_arrived(egress)


@pytest.mark.parametrize("model", MODELS)
def test_a_streamed_answer_ends_with_usage_when_the_client_asks(egress: Egress, model: str) -> None:
    egress.allow()
    chunks = list(
        egress.client().chat.completions.create(
            model=model, messages=ASK, stream=True, stream_options={"include_usage": True}
        )
    )
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens > 0
    assert_restored("".join(c.choices[0].delta.content or "" for c in chunks if c.choices))


@pytest.mark.parametrize("mangle", ["lower", "brackets", "bare"])
@pytest.mark.parametrize("stream", [False, True])
def test_placeholders_come_back_even_when_the_model_changes_their_case_or_brackets(
    egress: Egress, mangle: str, stream: bool
) -> None:
    egress.allow()
    egress.capture.mangle = mangle
    egress.capture.piece = 2
    client = egress.client()
    if stream:
        text = streamed_text(client.chat.completions.create(model=OPENAI_MODEL, messages=ASK, stream=True))
    else:
        text = client.chat.completions.create(model=OPENAI_MODEL, messages=ASK).choices[0].message.content
    assert_restored(text or "")


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("stream", [False, True])
def test_tool_call_arguments_come_back_restored_and_valid_json(
    egress: Egress, model: str, stream: bool
) -> None:
    egress.allow()
    egress.capture.tool = True
    tools = [
        {
            "type": "function",
            "function": {
                "name": "file_case",
                "description": "File the patient's case.",
                "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
            },
        }
    ]
    client = egress.client()
    if stream:
        chunks = list(client.chat.completions.create(model=model, messages=ASK, tools=tools, stream=True))
        calls = [c.choices[0].delta.tool_calls for c in chunks if c.choices and c.choices[0].delta.tool_calls]
        name = next(call[0].function.name for call in calls if call[0].function and call[0].function.name)
        arguments = "".join(call[0].function.arguments or "" for call in calls if call[0].function)
        finish = chunks[-1].choices[0].finish_reason
    else:
        answer = client.chat.completions.create(model=model, messages=ASK, tools=tools)
        call = answer.choices[0].message.tool_calls[0]  # type: ignore[index]
        name, arguments, finish = call.function.name, call.function.arguments, answer.choices[0].finish_reason
    assert (name, finish) == ("file_case", "tool_calls")
    assert_restored(json.loads(arguments)["text"])
    assert_nothing_seeded_arrived(egress)


def test_legacy_completions_work_for_an_openai_compatible_provider(egress: Egress) -> None:
    egress.allow()
    client = egress.client()
    assert_restored(client.completions.create(model=OPENAI_MODEL, prompt=PROMPT).choices[0].text)
    streamed = "".join(
        c.choices[0].text for c in client.completions.create(model=OPENAI_MODEL, prompt=PROMPT, stream=True)
    )
    assert_restored(streamed)
    assert_nothing_seeded_arrived(egress)


def test_legacy_completions_to_an_anthropic_model_get_a_clear_400(egress: Egress) -> None:
    egress.allow()
    with pytest.raises(openai.BadRequestError) as caught:
        egress.client().completions.create(model=ANTHROPIC_MODEL, prompt=PROMPT)
    assert "chat/completions" in caught.value.body["message"]  # type: ignore[index]
    assert egress.capture.raw() == b""


def test_the_anthropic_adapter_sends_the_messages_api_shape(egress: Egress) -> None:
    egress.allow()
    messages = [
        {"role": "system", "content": "You are a careful clinician."},
        {"role": "user", "content": PROMPT},
    ]
    egress.client().chat.completions.create(
        model=ANTHROPIC_MODEL, messages=messages, temperature=0.3, stop=["END"]
    )
    sent = egress.capture.requests[-1]
    assert sent.path == "/v1/messages"
    assert sent.headers["x-api-key"] == egress.capture.api_key and sent.headers["anthropic-version"]
    assert "authorization" not in sent.headers
    body = sent.body
    assert body["model"] == "claude-echo-latest" and body["system"] == "You are a careful clinician."
    assert body["max_tokens"] > 0 and body["temperature"] == 0.3 and body["stop_sequences"] == ["END"]
    assert [m["role"] for m in body["messages"]] == ["user"]


# --- The policy says no ---


def test_refuse_mode_refuses_and_nothing_arrives(egress: Egress) -> None:
    egress.allow(entity_actions={"US_SSN": "refuse"})
    for stream in (False, True):
        with pytest.raises(openai.PermissionDeniedError) as caught:
            egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK, stream=stream)
        assert caught.value.body["code"] == "egress_refused_entity"  # type: ignore[index]
        assert "US_SSN" in caught.value.body["message"]  # type: ignore[index]
        assert SEEDED["ssn"] not in caught.value.body["message"]  # type: ignore[index]
    assert egress.capture.raw() == b""


def test_a_destination_the_policy_does_not_allow_is_refused(egress: Egress) -> None:
    egress.allow(allowed_providers=["capture-anthropic"])
    with pytest.raises(openai.PermissionDeniedError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "destination_not_allowed"  # type: ignore[index]
    assert egress.capture.raw() == b""
    # The allowed one still works.
    egress.client().chat.completions.create(model=ANTHROPIC_MODEL, messages=ASK)
    assert egress.capture.requests[-1].path == "/v1/messages"


def test_a_disabled_provider_is_not_called(egress: Egress) -> None:
    egress.allow()
    services.do_update_provider(egress.openai_provider, services.ProviderSettings(is_enabled=False))
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "provider_disabled"  # type: ignore[index]
    assert egress.capture.raw() == b""


def test_an_app_that_may_not_use_the_external_model_is_refused_before_redaction(egress: Egress) -> None:
    egress.allow()
    services.do_set_allowed_models(egress.app, models=[ANTHROPIC_MODEL])
    with pytest.raises(openai.PermissionDeniedError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "model_not_allowed"  # type: ignore[index]
    assert egress.capture.raw() == b""


def test_external_models_are_listed_like_local_ones(egress: Egress) -> None:
    assert {m.id for m in egress.client().models.list()} == {OPENAI_MODEL, ANTHROPIC_MODEL}


def test_the_api_key_is_read_from_its_file_at_use(egress: Egress, key_file) -> None:  # type: ignore[no-untyped-def]
    egress.allow()
    egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    key_file.write_text("sk-rotated\n")
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "provider_auth_failed"  # type: ignore[index]
    assert egress.capture.requests[-1].headers["authorization"] == "Bearer sk-rotated"
    key_file.unlink()
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "provider_credentials_unavailable"  # type: ignore[index]
    assert str(key_file) not in caught.value.body["message"]  # type: ignore[index]


# --- The audit trail of an egress ---


def _records(request_id: str) -> dict[str, AuditRecord]:
    return {r.event: r for r in AuditRecord.objects.filter(request_id=request_id)}


def _content(record: AuditRecord) -> dict:
    key = DataKey.objects.get(key_id=record.key_id)
    return orjson.loads(
        envelope.decrypt(envelope.load(key), record.uid, record.key_id, bytes(record.content))
    )


@pytest.mark.parametrize("stream", [False, True])
def test_every_egress_is_audited_with_destination_region_decision_and_counts_never_values(
    egress: Egress, stream: bool
) -> None:
    egress.allow()
    services.do_set_audit_content(egress.app, "metadata")
    raw = egress.client().chat.completions.with_raw_response.create(
        model=ANTHROPIC_MODEL, messages=ASK, stream=stream
    )
    if stream:
        streamed_text(raw.parse())
    found = _records(raw.headers["x-request-id"])
    assert set(found) == {Event.INFERENCE_REQUEST, Event.INFERENCE_RESPONSE}
    request_meta = orjson.loads(found[Event.INFERENCE_REQUEST].body)["meta"]
    meta = orjson.loads(found[Event.INFERENCE_RESPONSE].body)["meta"]
    assert (meta["route"], meta["provider"], meta["remote_model"]) == (
        "egress",
        "capture-anthropic",
        "claude-echo-latest",
    )
    for record_meta in (request_meta, meta):
        egress_meta = record_meta["egress"]
        assert (egress_meta["provider"], egress_meta["region"], egress_meta["decision"]) == (
            "capture-anthropic",
            "eu-west-1",
            "allowed",
        )
        assert {"PERSON", "EMAIL_ADDRESS", "US_SSN", "CREDIT_CARD", "MRN"} <= set(egress_meta["counts"])
    assert request_meta["egress"]["restored"] == 0, "the request was recorded before anything was sent"
    assert meta["egress"]["restored"] >= 6, "the answer's record says how many placeholders came back"
    assert meta["status"] == 200 and meta["usage"]["completion_tokens"] > 0
    for record in found.values():
        for value in SEEDED.values():
            assert value not in record.body
        assert b"Gonzalez" not in bytes(record.content or b"")


def test_a_refused_egress_is_audited_with_its_decision(egress: Egress) -> None:
    egress.allow(entity_actions={"CREDIT_CARD": "refuse"})
    with pytest.raises(openai.PermissionDeniedError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    refused = _records(caught.value.response.headers["x-request-id"])[Event.INFERENCE_REFUSED]
    meta = orjson.loads(refused.body)["meta"]
    assert meta["status"] == 403 and meta["route"] == "egress"
    assert meta["egress"]["decision"] == "refused:egress_refused_entity"
    assert meta["egress"]["counts"]["CREDIT_CARD"] == 1
    assert SEEDED["card"] not in refused.body


def test_full_audit_content_keeps_the_restored_answer_encrypted(egress: Egress) -> None:
    egress.allow()
    services.do_set_audit_content(egress.app, "full")
    raw = egress.client().chat.completions.with_raw_response.create(model=OPENAI_MODEL, messages=ASK)
    answer = raw.parse().choices[0].message.content
    found = _records(raw.headers["x-request-id"])
    assert _content(found[Event.INFERENCE_RESPONSE])["response"]["choices"] == [answer]
    assert "Gonzalez" not in found[Event.INFERENCE_RESPONSE].body


def test_if_the_request_cannot_be_checked_nothing_leaves(
    egress: Egress, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redaction import gate

    def broken(*args: object) -> None:
        raise RuntimeError("the detector crashed")

    monkeypatch.setattr(gate, "_run_engine", broken)
    egress.allow()
    fresh = [{"role": "user", "content": "A text the analysis cache has never seen: Ada Byron, 1815."}]
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=fresh)
    assert caught.value.status_code == 503
    assert caught.value.body["code"] == "redaction_unavailable"  # type: ignore[index]
    assert egress.capture.raw() == b""
    refused = _records(caught.value.response.headers["x-request-id"])[Event.INFERENCE_REFUSED]
    assert orjson.loads(refused.body)["meta"]["status"] == 503
