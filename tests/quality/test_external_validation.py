"""Output validation of external answers: what a provider answers through the egress path is
checked by the same policy as a local answer, flagged to the client, recorded and counted.

The provider is the capture server on loopback (``tests/egress/capture_server.py``), which
speaks OpenAI's protocol and answers by echoing the request ("You said: ..."): asked for JSON,
it answers text, which is what a provider breaking a requested schema looks like.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from audit.events import Event
from audit.models import AuditRecord
from inference import routes
from quality import inline
from quality import services as quality_services
from quality.models import ValidationFailure
from tests.routing.conftest import EXTERNAL, Lab

SERVED_BY = "x-airlock-served-by"
VALIDATION = "x-airlock-validation"
EXTERNAL_LABEL = "external:capture-openai/echo-4o"
JSON_WANTED = {"response_format": {"type": "json_object"}}


@pytest.fixture
def external_route(lab: Lab) -> Lab:
    """``chat`` routed to the external model only, with egress allowed."""
    inline._policies.clear()
    lab.allow_egress()
    routes.do_set_route(
        lab.model, routes.RouteSpec(targets=[routes.TargetSpec(kind="external", weight=1, model=EXTERNAL)])
    )
    return lab


def response_meta(request_id: str) -> dict[str, Any]:
    row = AuditRecord.objects.filter(request_id=request_id, event=Event.INFERENCE_RESPONSE).get()
    return orjson.loads(row.body)["meta"]


def test_an_external_answer_breaking_the_requested_json_is_flagged_recorded_and_counted(
    external_route: Lab,
) -> None:
    answer = external_route.post(JSON_WANTED)
    assert answer.status_code == 200, answer.text
    assert answer.headers[SERVED_BY] == EXTERNAL_LABEL
    assert answer.headers[VALIDATION] == "failed; problems=schema"
    assert answer.json()["choices"][0]["message"]["content"].startswith("You said:"), (
        "the answer is still given"
    )
    request_id = answer.headers["x-request-id"]
    meta = response_meta(request_id)
    assert meta["validation"] == {"problems": ["schema"], "ejected": False, "retried": False}
    failure = ValidationFailure.objects.get(request_id=request_id)
    assert (failure.model_name, failure.target, failure.deployment_id, failure.codes) == (
        "chat",
        "capture-openai",
        None,
        ["schema"],
    )

    fine = external_route.post({})
    assert fine.status_code == 200 and VALIDATION not in fine.headers
    assert "validation" not in response_meta(fine.headers["x-request-id"])
    assert ValidationFailure.objects.count() == 1


def test_an_external_stream_that_fails_validation_says_so_before_done(external_route: Lab) -> None:
    answer = external_route.post({**JSON_WANTED, "stream": True})
    assert answer.status_code == 200 and answer.headers[SERVED_BY] == EXTERNAL_LABEL
    tail = answer.content.rstrip().split(b"\n\n")[-2:]
    assert tail == [b": x-airlock-validation failed; problems=schema", b"data: [DONE]"]
    meta = response_meta(answer.headers["x-request-id"])
    assert meta["validation"]["problems"] == ["schema"]
    assert ValidationFailure.objects.get().target == "capture-openai"


def test_the_routes_policy_applies_to_the_restored_external_answer(external_route: Lab) -> None:
    quality_services.set_policy(application=None, model=external_route.model, max_chars=60)
    message = [{"role": "user", "content": "Please write to John Smith at john.smith@example.com today."}]
    answer = external_route.post({"messages": message})
    assert answer.status_code == 200
    assert answer.headers[VALIDATION] == "failed; problems=too_long"
    assert "john.smith@example.com" in answer.json()["choices"][0]["message"]["content"]
    assert b"john.smith@example.com" not in external_route.capture.raw(), "validation sent nothing out"


@pytest.mark.parametrize("stream", [False, True])
def test_an_external_tool_call_is_not_taken_for_an_empty_answer(external_route: Lab, stream: bool) -> None:
    external_route.capture.tool = True
    tools = [
        {
            "type": "function",
            "function": {
                "name": "note",
                "description": "Take a note.",
                "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
            },
        }
    ]
    answer = external_route.post({"tools": tools, "stream": stream})
    assert answer.status_code == 200, answer.text
    assert b"tool_calls" in answer.content
    assert VALIDATION not in answer.headers and b"x-airlock-validation" not in answer.content
    assert not ValidationFailure.objects.exists()
