"""The Anthropic adapter: OpenAI chat requests to the Messages API and its answers back, both ways."""

from __future__ import annotations

import json

import pytest

from inference.errors import ApiError
from inference.providers import anthropic
from inference.providers.sse import EventParser, StreamError
from inference.routing import ExternalTarget

TARGET = ExternalTarget(
    model="claude-haiku",
    remote_name="claude-3-5-haiku-latest",
    provider_id=1,
    provider_name="anthropic",
    kind="anthropic",
    base_url="https://api.anthropic.com",
    api_key_file="/etc/airlock/anthropic.key",
    region="eu-west-1",
    timeout_seconds=30,
    max_retries=2,
    breaker_threshold=5,
    breaker_cooldown_seconds=30,
    extra_headers=(("anthropic-beta", "tools-2024-05-16"),),
    is_enabled=True,
)
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}


def encode(body: dict) -> dict:
    return anthropic.encode({"model": TARGET.remote_name, **body}, TARGET, "chat/completions")


def test_system_and_developer_messages_become_the_system_text() -> None:
    request = encode(
        {
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "developer", "content": [{"type": "text", "text": "Answer in English."}]},
                {"role": "user", "content": "Hi"},
            ]
        }
    )
    assert request["system"] == "Be brief.\n\nAnswer in English."
    assert request["messages"] == [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]
    assert request["model"] == "claude-3-5-haiku-latest"


def test_max_tokens_is_always_sent_because_anthropic_requires_it(settings) -> None:  # type: ignore[no-untyped-def]
    settings.AIRLOCK_ANTHROPIC_DEFAULT_MAX_TOKENS = 777
    hi = [{"role": "user", "content": "Hi"}]
    assert encode({"messages": hi})["max_tokens"] == 777
    assert encode({"messages": hi, "max_tokens": 50})["max_tokens"] == 50
    assert encode({"messages": hi, "max_completion_tokens": 60, "max_tokens": 50})["max_tokens"] == 60


def test_sampling_parameters_and_stop_map_to_their_anthropic_names() -> None:
    hi = [{"role": "user", "content": "Hi"}]
    request = encode(
        {"messages": hi, "temperature": 0.5, "top_p": 0.9, "top_k": 40, "stop": "END", "seed": 3}
    )
    assert (request["temperature"], request["top_p"], request["top_k"]) == (0.5, 0.9, 40)
    assert request["stop_sequences"] == ["END"] and "seed" not in request
    assert encode({"messages": hi, "stop": ["A", "B"]})["stop_sequences"] == ["A", "B"]
    assert encode({"messages": hi, "stream": True})["stream"] is True


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"n": 2}, "n"),
        ({"temperature": 1.5}, "temperature"),
        ({"logprobs": True}, "logprobs"),
        ({"logit_bias": {"50256": -100}}, "logit_bias"),
        ({"response_format": {"type": "json_object"}}, "response_format"),
    ],
)
def test_what_anthropic_cannot_do_is_refused_naming_the_field(extra: dict, param: str) -> None:
    with pytest.raises(ApiError) as caught:
        encode({"messages": [{"role": "user", "content": "Hi"}], **extra})
    assert caught.value.status == 400 and caught.value.param == param


def test_consecutive_messages_of_one_role_are_merged_so_roles_alternate() -> None:
    request = encode({"messages": [{"role": "user", "content": "One"}, {"role": "user", "content": "Two"}]})
    assert request["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "One"}, {"type": "text", "text": "Two"}]}
    ]


def test_tools_tool_calls_and_tool_results_map_both_ways() -> None:
    request = encode(
        {
            "messages": [
                {"role": "user", "content": "Weather in Paris and Rome?"},
                {
                    "role": "assistant",
                    "content": "Let me check.",
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                        },
                        {
                            "id": "call_2",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city": "Rome"}'},
                        },
                    ],
                },
                {"role": "tool", "tool_call_id": "call_1", "content": "18 C"},
                {"role": "tool", "tool_call_id": "call_2", "content": "24 C"},
            ],
            "tools": [WEATHER_TOOL],
            "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
            "parallel_tool_calls": False,
        }
    )
    assert request["tools"] == [
        {
            "name": "get_weather",
            "description": "Weather in a city.",
            "input_schema": WEATHER_TOOL["function"]["parameters"],
        }
    ]
    assert request["tool_choice"] == {
        "type": "tool",
        "name": "get_weather",
        "disable_parallel_tool_use": True,
    }
    _question, assistant, results = request["messages"]
    assert assistant == {
        "role": "assistant",
        "content": [
            {"type": "text", "text": "Let me check."},
            {"type": "tool_use", "id": "call_1", "name": "get_weather", "input": {"city": "Paris"}},
            {"type": "tool_use", "id": "call_2", "name": "get_weather", "input": {"city": "Rome"}},
        ],
    }
    assert results == {
        "role": "user",
        "content": [
            {"type": "tool_result", "tool_use_id": "call_1", "content": "18 C"},
            {"type": "tool_result", "tool_use_id": "call_2", "content": "24 C"},
        ],
    }


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("auto", None), ("required", {"type": "any"}), ("none", {"type": "none"})],
)
def test_tool_choice_words_map_to_anthropic_ones(choice: str, expected: dict | None) -> None:
    request = encode(
        {"messages": [{"role": "user", "content": "x"}], "tools": [WEATHER_TOOL], "tool_choice": choice}
    )
    assert request.get("tool_choice") == expected


def test_an_inline_image_becomes_a_base64_image_block() -> None:
    part = {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
    request = encode(
        {"messages": [{"role": "user", "content": [{"type": "text", "text": "What is it?"}, part]}]}
    )
    assert request["messages"][0]["content"][1] == {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="},
    }


def test_headers_carry_the_key_the_version_and_the_providers_extra_headers(settings) -> None:  # type: ignore[no-untyped-def]
    headers = anthropic.headers(TARGET, "sk-ant-secret")
    assert headers["x-api-key"] == "sk-ant-secret"
    assert headers["anthropic-version"] == settings.AIRLOCK_ANTHROPIC_VERSION
    assert headers["anthropic-beta"] == "tools-2024-05-16"
    assert "authorization" not in headers
    assert anthropic.url(TARGET, "chat/completions") == "https://api.anthropic.com/v1/messages"


def test_the_legacy_completions_endpoint_is_refused_clearly() -> None:
    with pytest.raises(ApiError) as caught:
        anthropic.url(TARGET, "completions")
    assert caught.value.status == 400 and "chat/completions" in caught.value.message


@pytest.mark.parametrize(
    ("stop_reason", "finish_reason"),
    [("end_turn", "stop"), ("stop_sequence", "stop"), ("max_tokens", "length"), ("tool_use", "tool_calls")],
)
def test_an_answer_becomes_a_chat_completion_with_usage_and_finish_reason(
    stop_reason: str, finish_reason: str
) -> None:
    message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-3-5-haiku-20241022",
        "content": [
            {"type": "text", "text": "Checking."},
            {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}},
        ],
        "stop_reason": stop_reason,
        "usage": {"input_tokens": 20, "cache_read_input_tokens": 5, "output_tokens": 7},
    }
    completion = anthropic.decode(message, TARGET, "chat/completions")
    choice = completion["choices"][0]
    assert completion["object"] == "chat.completion" and completion["model"] == "claude-3-5-haiku-20241022"
    assert choice["finish_reason"] == finish_reason
    assert choice["message"]["content"] == "Checking."
    call = choice["message"]["tool_calls"][0]
    assert (call["id"], call["function"]["name"], json.loads(call["function"]["arguments"])) == (
        "toolu_1",
        "get_weather",
        {"city": "Paris"},
    )
    assert completion["usage"] == {"prompt_tokens": 25, "completion_tokens": 7, "total_tokens": 32}


def sse(*events: tuple[str, dict]) -> bytes:
    return b"".join(
        f"event: {name}\ndata: {json.dumps({'type': name, **data})}\n\n".encode() for name, data in events
    )


STREAM = sse(
    (
        "message_start",
        {"message": {"id": "msg_9", "model": "claude-x", "usage": {"input_tokens": 12, "output_tokens": 1}}},
    ),
    ("content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}}),
    ("ping", {}),
    ("content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": "Hello"}}),
    ("content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": " there"}}),
    ("content_block_stop", {"index": 0}),
    (
        "content_block_start",
        {
            "index": 1,
            "content_block": {"type": "tool_use", "id": "toolu_7", "name": "get_weather", "input": {}},
        },
    ),
    ("content_block_delta", {"index": 1, "delta": {"type": "input_json_delta", "partial_json": '{"city": '}}),
    ("content_block_delta", {"index": 1, "delta": {"type": "input_json_delta", "partial_json": '"Oslo"}'}}),
    ("content_block_stop", {"index": 1}),
    ("message_delta", {"delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 15}}),
    ("message_stop", {}),
)


@pytest.mark.parametrize("size", [1, 7, 64, len(STREAM)])
def test_a_stream_becomes_chat_completion_chunks_whatever_the_network_chunking(size: int) -> None:
    parser, decoder = EventParser(), anthropic.StreamDecoder(TARGET)
    chunks = []
    for start in range(0, len(STREAM), size):
        for event, data in parser.feed(STREAM[start : start + size]):
            chunks.extend(decoder.feed(event, data))
    assert decoder.finished
    assert all(c["object"] == "chat.completion.chunk" and c["id"] == "msg_9" for c in chunks)
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "Hello there"
    calls = [
        c["choices"][0]["delta"]["tool_calls"][0]
        for c in chunks
        if c["choices"] and "tool_calls" in c["choices"][0]["delta"]
    ]
    assert calls[0]["id"] == "toolu_7" and calls[0]["function"]["name"] == "get_weather"
    assert {c["index"] for c in calls} == {0}
    assert json.loads("".join(c["function"]["arguments"] for c in calls)) == {"city": "Oslo"}
    finish = [
        c["choices"][0]["finish_reason"] for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]
    ]
    assert finish == ["tool_calls"]
    assert chunks[-1]["choices"] == []
    assert chunks[-1]["usage"] == {"prompt_tokens": 12, "completion_tokens": 15, "total_tokens": 27}


def test_an_error_event_in_a_stream_becomes_an_error() -> None:
    decoder = anthropic.StreamDecoder(TARGET)
    with pytest.raises(StreamError, match="overloaded_error"):
        decoder.feed(
            "error",
            json.dumps({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
        )


def test_the_event_parser_handles_crlf_comments_and_multi_line_data() -> None:
    parser = EventParser()
    stream = b": keep-alive\r\nevent: a\r\ndata: one\r\ndata: two\r\n\r\ndata: [DONE]\r"
    events = []
    for byte in range(len(stream)):
        events.extend(parser.feed(stream[byte : byte + 1]))
    events.extend(parser.close())
    assert events == [("a", "one\ntwo"), (None, "[DONE]")]


def test_anthropic_error_answers_are_read_for_their_message() -> None:
    raw = json.dumps(
        {"type": "error", "error": {"type": "invalid_request_error", "message": "max_tokens: too big"}}
    )
    assert anthropic.error_of(raw.encode()) == ("max_tokens: too big", "invalid_request_error")
