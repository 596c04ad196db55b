"""Strict validation of /v1 request bodies, as OpenAI validates them.

The official ``openai`` client sends what it is given, so every invalid body below reaches the
live gateway and must come back as ``BadRequestError`` naming the offending parameter, before
anything is forwarded; the valid bodies at the end must still be served.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx
import openai
import pytest

from tests.inference.conftest import Gateway

HELLO = [{"role": "user", "content": "Say hello"}]
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


def chat(**fields: Any) -> dict[str, Any]:
    return {"model": "stub", "messages": HELLO, **fields}


def completion(**fields: Any) -> dict[str, Any]:
    return {"model": "stub", "prompt": "Say hello", **fields}


INVALID_CHAT = [
    # Booleans are not numbers, and integers are not decimals.
    pytest.param(chat(max_tokens=True), "max_tokens", id="max_tokens-true"),
    pytest.param(chat(max_tokens=1.5), "max_tokens", id="max_tokens-decimal"),
    pytest.param(chat(max_tokens=16.0), "max_tokens", id="max_tokens-integral-decimal"),
    pytest.param(chat(max_tokens="16"), "max_tokens", id="max_tokens-string"),
    pytest.param(
        chat(max_completion_tokens=False), "max_completion_tokens", id="max_completion_tokens-false"
    ),
    pytest.param(chat(temperature=False), "temperature", id="temperature-false"),
    pytest.param(chat(temperature="0.5"), "temperature", id="temperature-string"),
    pytest.param(chat(temperature=2.5), "temperature", id="temperature-above-2"),
    pytest.param(chat(n=True), "n", id="n-true"),
    pytest.param(chat(n=0), "n", id="n-zero"),
    pytest.param(chat(n=2.0), "n", id="n-decimal"),
    pytest.param(chat(seed=True), "seed", id="seed-true"),
    pytest.param(chat(seed=1.5), "seed", id="seed-decimal"),
    pytest.param(chat(seed=2**64), "seed", id="seed-beyond-int64"),
    pytest.param(chat(top_p=1.5), "top_p", id="top_p-above-1"),
    pytest.param(chat(top_p=-0.1), "top_p", id="top_p-negative"),
    pytest.param(chat(top_p=True), "top_p", id="top_p-true"),
    pytest.param(chat(presence_penalty=2.5), "presence_penalty", id="presence_penalty-above-2"),
    pytest.param(chat(presence_penalty=True), "presence_penalty", id="presence_penalty-true"),
    pytest.param(chat(frequency_penalty=-3), "frequency_penalty", id="frequency_penalty-below-minus-2"),
    pytest.param(chat(stream=1), "stream", id="stream-integer"),
    pytest.param(chat(stream="true"), "stream", id="stream-string"),
    # stop: a string or an array of strings.
    pytest.param(chat(stop=5), "stop", id="stop-number"),
    pytest.param(chat(stop=["ok", 5]), "stop", id="stop-array-with-number"),
    pytest.param(chat(stop={"a": "b"}), "stop", id="stop-object"),
    # logit_bias: token ids to numbers between -100 and 100.
    pytest.param(chat(logit_bias=[1, 2]), "logit_bias", id="logit_bias-array"),
    pytest.param(chat(logit_bias={"50256": "high"}), "logit_bias", id="logit_bias-string-value"),
    pytest.param(chat(logit_bias={"50256": True}), "logit_bias", id="logit_bias-boolean-value"),
    pytest.param(chat(logit_bias={"50256": 150}), "logit_bias", id="logit_bias-out-of-range"),
    pytest.param(chat(logit_bias={"hello": 1}), "logit_bias", id="logit_bias-not-a-token-id"),
    # response_format
    pytest.param(chat(response_format="json"), "response_format", id="response_format-string"),
    pytest.param(chat(response_format={"type": "yaml"}), "response_format.type", id="response_format-type"),
    pytest.param(chat(response_format={}), "response_format.type", id="response_format-no-type"),
    pytest.param(
        chat(response_format={"type": "json_schema"}),
        "response_format.json_schema",
        id="response_format-json_schema-missing",
    ),
    pytest.param(
        chat(response_format={"type": "json_schema", "json_schema": {"schema": {"type": "object"}}}),
        "response_format.json_schema.name",
        id="response_format-json_schema-without-name",
    ),
    pytest.param(
        chat(response_format={"type": "json_schema", "json_schema": {"name": "a", "schema": "object"}}),
        "response_format.json_schema.schema",
        id="response_format-json_schema-schema-string",
    ),
    # stream_options only with stream.
    pytest.param(
        chat(stream_options={"include_usage": True}), "stream_options", id="stream_options-no-stream"
    ),
    pytest.param(
        chat(stream=False, stream_options={"include_usage": True}),
        "stream_options",
        id="stream_options-stream-false",
    ),
    pytest.param(
        chat(stream=True, stream_options={"include_usage": "yes"}),
        "stream_options.include_usage",
        id="stream_options-include_usage-string",
    ),
    pytest.param(chat(stream=True, stream_options=[True]), "stream_options", id="stream_options-array"),
    # tools and tool_choice
    pytest.param(chat(tool_choice="auto"), "tool_choice", id="tool_choice-without-tools"),
    pytest.param(
        chat(tools=[WEATHER_TOOL], tool_choice="sometimes"), "tool_choice", id="tool_choice-unknown-string"
    ),
    pytest.param(chat(tools=[WEATHER_TOOL], tool_choice=True), "tool_choice", id="tool_choice-boolean"),
    pytest.param(
        chat(tools=[WEATHER_TOOL], tool_choice={"type": "function"}),
        "tool_choice.function",
        id="tool_choice-function-missing",
    ),
    pytest.param(
        chat(tools=[WEATHER_TOOL], tool_choice={"type": "tool", "function": {"name": "get_weather"}}),
        "tool_choice.type",
        id="tool_choice-wrong-type",
    ),
    pytest.param(
        chat(tools=[WEATHER_TOOL], tool_choice={"type": "function", "function": {"name": "get_time"}}),
        "tool_choice.function.name",
        id="tool_choice-names-an-unknown-tool",
    ),
    pytest.param(chat(tools=[]), "tools", id="tools-empty"),
    pytest.param(chat(tools=WEATHER_TOOL), "tools", id="tools-object"),
    pytest.param(chat(tools=[{"type": "function"}]), "tools.0.function", id="tools-without-function"),
    pytest.param(
        chat(tools=[{"type": "function", "function": {"name": "get weather!"}}]),
        "tools.0.function.name",
        id="tools-bad-name",
    ),
    pytest.param(
        chat(tools=[{"type": "function", "function": {"name": "f", "parameters": "none"}}]),
        "tools.0.function.parameters",
        id="tools-parameters-string",
    ),
    pytest.param(
        chat(tools=[WEATHER_TOOL], parallel_tool_calls="yes"), "parallel_tool_calls", id="ptc-string"
    ),
    # messages: shapes and roles
    pytest.param({"model": "stub"}, "messages", id="messages-missing"),
    pytest.param(chat(messages=[]), "messages", id="messages-empty"),
    pytest.param(chat(messages="hello"), "messages", id="messages-string"),
    pytest.param(chat(messages=["hello"]), "messages.0", id="messages-item-string"),
    pytest.param(chat(messages=[{"content": "hi"}]), "messages.0.role", id="messages-no-role"),
    pytest.param(
        chat(messages=[{"role": "robot", "content": "hi"}]), "messages.0.role", id="messages-bad-role"
    ),
    pytest.param(chat(messages=[{"role": "user"}]), "messages.0.content", id="user-without-content"),
    pytest.param(chat(messages=[{"role": "user", "content": 5}]), "messages.0.content", id="content-number"),
    pytest.param(
        chat(messages=[{"role": "user", "content": [{"type": "text"}]}]),
        "messages.0.content.0.text",
        id="text-part-without-text",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": ["hi"]}]),
        "messages.0.content.0",
        id="content-part-string",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": [{"type": "hologram", "hologram": {}}]}]),
        "messages.0.content.0.type",
        id="content-part-unknown-type",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": [{"type": "image_url", "image_url": "x"}]}]),
        "messages.0.content.0.image_url",
        id="image-part-string",
    ),
    pytest.param(
        chat(messages=[*HELLO, {"role": "tool", "content": "18 C"}]),
        "messages.1.tool_call_id",
        id="tool-message-without-tool_call_id",
    ),
    pytest.param(chat(messages=[*HELLO, {"role": "assistant"}]), "messages.1.content", id="assistant-empty"),
    pytest.param(
        chat(messages=[*HELLO, {"role": "assistant", "content": None, "tool_calls": [{"id": "c1"}]}]),
        "messages.1.tool_calls.0.function",
        id="assistant-tool-call-without-function",
    ),
    pytest.param(
        chat(messages=[{"role": "user", "content": "hi", "name": 7}]), "messages.0.name", id="name-number"
    ),
    # logprobs
    pytest.param(chat(logprobs=1), "logprobs", id="logprobs-integer"),
    pytest.param(chat(logprobs=True, top_logprobs=21), "top_logprobs", id="top_logprobs-above-20"),
    pytest.param(chat(logprobs=True, top_logprobs=True), "top_logprobs", id="top_logprobs-true"),
    pytest.param(chat(top_logprobs=3), "top_logprobs", id="top_logprobs-without-logprobs"),
    # model and user
    pytest.param({"messages": HELLO}, "model", id="model-missing"),
    pytest.param(chat(model=5), "model", id="model-number"),
    pytest.param(chat(model=""), "model", id="model-empty"),
    pytest.param(chat(user="u" * 257), "user", id="user-too-long"),
    pytest.param(chat(user=42), "user", id="user-number"),
]

INVALID_COMPLETION = [
    pytest.param({"model": "stub"}, "prompt", id="prompt-missing"),
    pytest.param(completion(prompt=5), "prompt", id="prompt-number"),
    pytest.param(completion(prompt=["a", 1]), "prompt", id="prompt-mixed-array"),
    pytest.param(completion(prompt=[[1, 2], "a"]), "prompt", id="prompt-mixed-token-arrays"),
    pytest.param(completion(prompt=[True]), "prompt", id="prompt-boolean-tokens"),
    pytest.param(completion(max_tokens=True), "max_tokens", id="max_tokens-true"),
    pytest.param(completion(max_tokens=1.5), "max_tokens", id="max_tokens-decimal"),
    pytest.param(completion(temperature=True), "temperature", id="temperature-true"),
    pytest.param(completion(n=True), "n", id="n-true"),
    pytest.param(completion(logprobs=True), "logprobs", id="logprobs-true"),
    pytest.param(completion(logprobs=6), "logprobs", id="logprobs-above-5"),
    pytest.param(completion(echo="yes"), "echo", id="echo-string"),
    pytest.param(completion(best_of=1, n=2), "best_of", id="best_of-below-n"),
    pytest.param(completion(best_of=True), "best_of", id="best_of-true"),
    pytest.param(completion(suffix=3), "suffix", id="suffix-number"),
    pytest.param(completion(stop=[1]), "stop", id="stop-numbers"),
    pytest.param(
        completion(stream_options={"include_usage": True}), "stream_options", id="stream_options-no-stream"
    ),
    pytest.param(completion(seed=False), "seed", id="seed-false"),
    pytest.param(completion(logit_bias={"1": "x"}), "logit_bias", id="logit_bias-string-value"),
    pytest.param(completion(presence_penalty=9), "presence_penalty", id="presence_penalty-above-2"),
    pytest.param(completion(top_p=0), "top_p", id="top_p-zero"),
]

VALID_CHAT = [
    pytest.param(chat(), id="minimal"),
    pytest.param(
        chat(max_tokens=None, temperature=None, stop=None, tools=None, tool_choice=None), id="nulls"
    ),
    pytest.param(chat(temperature=0, top_p=1, presence_penalty=-2, frequency_penalty=2), id="range-ends"),
    pytest.param(chat(temperature=1, max_tokens=16, n=1, seed=-5, user="user-42"), id="integers-for-numbers"),
    pytest.param(chat(stop="\n"), id="stop-string"),
    pytest.param(chat(stop=["\n", "END"]), id="stop-array"),
    pytest.param(chat(logit_bias={"50256": -100, "11": 5.5}), id="logit_bias"),
    pytest.param(chat(response_format={"type": "json_object"}), id="json-mode"),
    pytest.param(
        chat(
            response_format={
                "type": "json_schema",
                "json_schema": {"name": "a", "schema": {}, "strict": True},
            }
        ),
        id="json-schema",
    ),
    pytest.param(chat(stream=True, stream_options={"include_usage": True}), id="stream-with-usage"),
    pytest.param(chat(tools=[WEATHER_TOOL]), id="tools"),
    pytest.param(chat(tools=[WEATHER_TOOL], tool_choice="none"), id="tool_choice-none"),
    pytest.param(
        chat(tools=[WEATHER_TOOL], tool_choice="auto", parallel_tool_calls=False), id="tool_choice-auto"
    ),
    pytest.param(chat(tools=[WEATHER_TOOL], tool_choice="required"), id="tool_choice-required"),
    pytest.param(
        chat(tools=[WEATHER_TOOL], tool_choice={"type": "function", "function": {"name": "get_weather"}}),
        id="tool_choice-named",
    ),
    pytest.param(chat(logprobs=True, top_logprobs=20), id="logprobs"),
    pytest.param(
        chat(
            messages=[
                {"role": "system", "content": "Be brief."},
                {"role": "developer", "content": [{"type": "text", "text": "Really brief."}]},
                {
                    "role": "user",
                    "name": "ada",
                    "content": [
                        {"type": "text", "text": "What is this?"},
                        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
                    ],
                },
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                        }
                    ],
                },
                {"role": "tool", "tool_call_id": "call_1", "content": "18 C"},
                {"role": "assistant", "content": "It is 18 C."},
                {"role": "user", "content": "Thanks"},
            ],
            tools=[WEATHER_TOOL],
        ),
        id="a-whole-conversation",
    ),
]

VALID_COMPLETION = [
    pytest.param(completion(), id="string-prompt"),
    pytest.param(completion(prompt=["a", "b"]), id="prompt-strings"),
    pytest.param(completion(prompt=[1, 2, 3]), id="prompt-tokens"),
    pytest.param(completion(prompt=[[1, 2], [3]]), id="prompt-token-arrays"),
    pytest.param(completion(echo=True, logprobs=5, best_of=2, n=2, suffix=None, max_tokens=16), id="options"),
]


def stub_requests(gateway: Gateway) -> int:
    return int(httpx.get(f"{gateway.stub_url}/_stub/state").json()["requests"])


def send(client: openai.OpenAI, endpoint: str, body: dict[str, Any]) -> object:
    """The client's typed method; its raw ``post`` for a body the typed method will not build
    (a required argument missing)."""
    required = {"chat": ("model", "messages"), "completions": ("model", "prompt")}[endpoint]
    if all(name in body for name in required):
        create = client.chat.completions.create if endpoint == "chat" else client.completions.create
        return create(**body)
    path = "/chat/completions" if endpoint == "chat" else "/completions"
    return client.post(path, body=body, cast_to=object)


def assert_refused_naming(caught: pytest.ExceptionInfo[openai.BadRequestError], param: str) -> None:
    error = caught.value.body
    assert isinstance(error, dict)
    assert error["param"] == param, error
    assert error["type"] == "invalid_request_error"
    assert f"'{param}'" in error["message"], error["message"]


@pytest.mark.parametrize(("body", "param"), INVALID_CHAT)
def test_an_invalid_chat_completion_is_refused_naming_the_parameter(
    gateway: Gateway, body: dict[str, Any], param: str
) -> None:
    before = stub_requests(gateway)
    with pytest.raises(openai.BadRequestError) as caught:
        send(gateway.client(), "chat", body)
    assert_refused_naming(caught, param)
    assert stub_requests(gateway) == before, "nothing is forwarded before the body is valid"


@pytest.mark.parametrize(("body", "param"), INVALID_COMPLETION)
def test_an_invalid_text_completion_is_refused_naming_the_parameter(
    gateway: Gateway, body: dict[str, Any], param: str
) -> None:
    before = stub_requests(gateway)
    with pytest.raises(openai.BadRequestError) as caught:
        send(gateway.client(), "completions", body)
    assert_refused_naming(caught, param)
    assert stub_requests(gateway) == before, "nothing is forwarded before the body is valid"


@pytest.mark.parametrize("body", VALID_CHAT)
def test_a_valid_chat_completion_is_served(gateway: Gateway, body: dict[str, Any]) -> None:
    answer = gateway.client().chat.completions.create(**body)
    if body.get("stream"):
        chunks = list(answer)  # type: ignore[call-overload]
        assert chunks and chunks[-1].usage is not None
    else:
        assert answer.choices[0].message.content  # type: ignore[union-attr]


@pytest.mark.parametrize("body", VALID_COMPLETION)
def test_a_valid_text_completion_is_served(gateway: Gateway, body: dict[str, Any]) -> None:
    answer = gateway.client().completions.create(**body)
    assert answer.choices[0].text


def test_a_body_that_is_an_array_is_refused(gateway: Gateway) -> None:
    response = httpx.post(
        f"{gateway.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {gateway.key}"},
        json=[chat()],
    )
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"
