"""A local answer that only calls tools has no text: it is not an empty answer.

Regression: the gateway validated such an answer's missing text as ``empty``, counted it as a
validation failure, and with a policy that ejects, took a tool-using backend out of routing.
External answers were already spared this (``inference.egress``); these are the local ones,
whole and streamed, through the live gateway.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from inference.models import Deployment
from quality import services as quality_services
from quality.models import ValidationFailure
from tests.routing.conftest import Lab

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}
ASK = {"messages": [{"role": "user", "content": "Weather in Paris?"}], "tools": [WEATHER_TOOL]}


def streamed_events(text: str) -> list[Any]:
    found = []
    for block in text.split("\n\n"):
        block = block.strip()
        if block.startswith("data: ") and block != "data: [DONE]":
            found.append(json.loads(block.removeprefix("data: ")))
    return found


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
def test_an_answer_that_only_calls_tools_passes_validation_and_keeps_its_backend(
    lab: Lab, stream: bool
) -> None:
    quality_services.set_policy(application=None, model=lab.model, failures_to_eject=2, window_seconds=300)
    deployment = lab.deploy("gpu-tools", "tools-a")
    for _ in range(3):
        answer = lab.post({**ASK, "stream": stream})
        assert answer.status_code == 200, answer.text
        assert "x-airlock-validation" not in answer.headers
        assert "x-airlock-validation" not in answer.text
        if stream:
            calls = [
                call
                for event in streamed_events(answer.text)
                for choice in event.get("choices") or []
                for call in (choice.get("delta") or {}).get("tool_calls") or []
            ]
            arguments = "".join(c.get("function", {}).get("arguments") or "" for c in calls)
        else:
            message = answer.json()["choices"][0]["message"]
            assert message["content"] is None
            arguments = message["tool_calls"][0]["function"]["arguments"]
        assert json.loads(arguments) == {"city": "Paris"}, "the client gets the tool call"
    assert ValidationFailure.objects.count() == 0
    assert Deployment.objects.get(pk=deployment.pk).is_active, "the tool-using backend stays in routing"


def test_a_text_answer_to_a_request_with_tools_is_still_validated(lab: Lab) -> None:
    quality_services.set_policy(application=None, model=lab.model, failures_to_eject=0)
    lab.deploy("gpu-degenerate", "degenerate-a")
    answer = lab.post({**ASK, "stream": True})
    assert answer.status_code == 200
    assert ": x-airlock-validation failed; problems=" in answer.text
    codes = list(ValidationFailure.objects.values_list("codes", flat=True))
    assert len(codes) == 1 and "repetition" in codes[0]
