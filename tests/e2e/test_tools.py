"""Tool calling through the gateway with the demo model on vLLM, as an app would use it.

The demo version is served with the Hermes tool parser and ``--tool-strict-level parameter``
(``airlock models prepare-demo``), so a named function and ``required`` come back with arguments
that vLLM's structured output held to the tool's JSON schema. ``auto`` depends on the model:
SmolLM2's chat template drops ``tools`` from the prompt, so with it ``auto`` answers in text —
the README says so, and the test below only holds ``auto`` to being a valid answer.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from tests.e2e.conftest import MODEL, Stack

pytestmark = pytest.mark.e2e

WEATHER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
    },
    "required": ["city", "unit"],
    "additionalProperties": False,
}
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": WEATHER_SCHEMA,
    },
}
TIME = {
    "type": "function",
    "function": {
        "name": "get_time",
        "description": "The local time in a time zone.",
        "parameters": {
            "type": "object",
            "properties": {"timezone": {"type": "string"}},
            "required": ["timezone"],
        },
    },
}
ASK = [{"role": "user", "content": "What is the weather in Paris, in celsius?"}]


def schema_of(name: str) -> dict[str, Any]:
    return {"get_weather": WEATHER, "get_time": TIME}[name]["function"]["parameters"]  # type: ignore[index]


def test_a_named_function_returns_arguments_that_follow_its_schema(stack: Stack) -> None:
    answer = stack.client().chat.completions.create(
        model=MODEL,
        messages=ASK,
        tools=[WEATHER, TIME],  # type: ignore[list-item]
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
        max_tokens=80,
    )
    calls = answer.choices[0].message.tool_calls
    assert calls, answer
    assert calls[0].function.name == "get_weather"  # type: ignore[union-attr]
    arguments = json.loads(calls[0].function.arguments)  # type: ignore[union-attr]
    jsonschema.validate(arguments, WEATHER_SCHEMA)
    assert calls[0].id


def test_required_makes_the_model_call_one_of_the_tools_with_valid_arguments(stack: Stack) -> None:
    answer = stack.client().chat.completions.create(
        model=MODEL, messages=ASK, tools=[WEATHER, TIME], tool_choice="required", max_tokens=120
    )
    calls = answer.choices[0].message.tool_calls
    assert calls, answer
    for call in calls:
        assert call.function.name in ("get_weather", "get_time")  # type: ignore[union-attr]
        jsonschema.validate(json.loads(call.function.arguments), schema_of(call.function.name))  # type: ignore[union-attr]


def test_tool_calls_stream_in_pieces_that_join_into_valid_arguments(stack: Stack) -> None:
    stream = stack.client().chat.completions.create(
        model=MODEL,
        messages=ASK,
        tools=[WEATHER],
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
        max_tokens=80,
        stream=True,
    )
    names: dict[int, str] = {}
    pieces: dict[int, list[str]] = {}
    chunks = 0
    for chunk in stream:
        for choice in chunk.choices:
            for delta in choice.delta.tool_calls or []:
                chunks += 1
                if delta.function and delta.function.name:
                    names[delta.index] = delta.function.name
                if delta.function and delta.function.arguments:
                    pieces.setdefault(delta.index, []).append(delta.function.arguments)
    assert names == {0: "get_weather"}
    jsonschema.validate(json.loads("".join(pieces[0])), WEATHER_SCHEMA)
    assert chunks > 1, "the call arrived in several events, not one block"


def test_none_answers_in_text_without_calling_a_tool(stack: Stack) -> None:
    answer = stack.client().chat.completions.create(
        model=MODEL, messages=ASK, tools=[WEATHER], tool_choice="none", max_tokens=30
    )
    message = answer.choices[0].message
    assert not message.tool_calls
    assert message.content


def test_auto_is_accepted_and_any_call_it_makes_is_valid(stack: Stack) -> None:
    # Model-dependent: SmolLM2-135M answers in text (its template drops the tools).
    answer = stack.client().chat.completions.create(
        model=MODEL, messages=ASK, tools=[WEATHER], tool_choice="auto", max_tokens=60
    )
    message = answer.choices[0].message
    assert message.content or message.tool_calls
    for call in message.tool_calls or []:
        jsonschema.validate(json.loads(call.function.arguments), WEATHER_SCHEMA)  # type: ignore[union-attr]


def test_a_tool_result_sent_back_gets_a_text_answer(stack: Stack) -> None:
    first = stack.client().chat.completions.create(
        model=MODEL,
        messages=ASK,
        tools=[WEATHER],
        tool_choice={"type": "function", "function": {"name": "get_weather"}},
        max_tokens=80,
    )
    call = first.choices[0].message.tool_calls[0]  # type: ignore[index]
    answer = stack.client().chat.completions.create(
        model=MODEL,
        messages=[
            *ASK,
            {"role": "assistant", "tool_calls": [call.model_dump()]},
            {"role": "tool", "tool_call_id": call.id, "content": '{"temperature": 21, "unit": "celsius"}'},
        ],
        tools=[WEATHER],
        max_tokens=40,
    )
    assert answer.choices[0].message.content


def test_langchain_bind_tools_works_unchanged_against_the_gateway(stack: Stack) -> None:
    from langchain_core.tools import tool
    from langchain_openai import ChatOpenAI

    @tool
    def get_weather(city: str, unit: str) -> str:
        """The current weather in a city; unit is celsius or fahrenheit."""
        return f"21 degrees {unit} in {city}"

    llm = ChatOpenAI(
        model=MODEL,
        base_url=f"{stack.url}/v1",
        api_key=stack.key,
        max_retries=0,
        max_tokens=80,  # type: ignore[arg-type]
    )
    message = llm.bind_tools([get_weather], tool_choice="get_weather").invoke(
        "What is the weather in Paris, in celsius?"
    )
    assert message.tool_calls, message  # type: ignore[attr-defined]
    call = message.tool_calls[0]  # type: ignore[attr-defined]
    assert call["name"] == "get_weather"
    assert isinstance(call["args"]["city"], str) and isinstance(call["args"]["unit"], str)
    assert get_weather.invoke(call["args"]).startswith("21 degrees")
