"""Fallback through the live gateway: a failed local target is followed by the next one, then
(only when the route and the egress policy allow it) by the external model, through redaction.

The stub vLLM (``stub_backend``) fails on demand by served name; the capture server plays the
external provider and keeps every byte it receives.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx
import orjson
import pytest
from django.utils import timezone

from audit.events import Event
from audit.models import AuditRecord
from inference import routes, services
from inference.models import Backend, Canary, Deployment
from tests.keyfiles import write_key_file
from tests.routing.conftest import EXTERNAL, Lab, changed

SERVED_BY = "x-airlock-served-by"
GOOD = "local:chat@v2/gpu-b"
PII_MESSAGE = [
    {"role": "user", "content": "Please write to John Smith at john.smith@example.com about the invoice."}
]


def metas(request_id: str, event: Event) -> list[dict[str, Any]]:
    found = AuditRecord.objects.filter(request_id=request_id, event=event).order_by("pk")
    return [orjson.loads(r.body)["meta"] for r in found]


def failing_first(lab: Lab, served: str) -> None:
    """chat@v1 (the default version) fails as ``served`` says; chat@v2 on gpu-b answers."""
    lab.deploy("gpu-a", served, url=lab.dead_url() if served == "refused" else None)
    lab.deploy("gpu-b", "ok-b", version="v2")


def stream_events(response: httpx.Response) -> list[bytes]:
    return [e for e in response.content.split(b"\n\n") if e.strip()]


FAILURES = ["refused", "status-500", "status-503", "status-429", "slow-a", "empty"]


@pytest.mark.parametrize("served", FAILURES)
def test_a_failed_local_answer_falls_back_to_the_next_local_deployment(lab: Lab, served: str) -> None:
    failing_first(lab, served)
    answer = lab.post({})
    assert answer.status_code == 200, answer.text
    assert answer.json()["choices"][0]["message"]["content"] == "hello from b"
    assert answer.headers[SERVED_BY] == GOOD
    (meta,) = metas(answer.headers["x-request-id"], Event.INFERENCE_RESPONSE)
    assert meta["served_by"] == GOOD
    first, second = meta["route_attempts"]
    assert first["target"] == "local:chat@v1/gpu-a" and first["outcome"] != "answered"
    assert second == {"target": GOOD, "outcome": "answered"}


@pytest.mark.parametrize("served", ["refused", "status-500", "status-429", "slow-a", "empty", "cut-before"])
def test_a_stream_that_fails_before_its_first_token_falls_back(lab: Lab, served: str) -> None:
    failing_first(lab, served)
    answer = lab.post({"stream": True})
    assert answer.status_code == 200 and answer.headers[SERVED_BY] == GOOD
    events = stream_events(answer)
    assert events[-1] == b"data: [DONE]"
    text = "".join(
        (orjson.loads(e.removeprefix(b"data: "))["choices"] or [{}])[0].get("delta", {}).get("content") or ""
        for e in events[:-1]
    )
    assert text == "hello from b"
    (meta,) = metas(answer.headers["x-request-id"], Event.INFERENCE_RESPONSE)
    assert [a["outcome"] == "answered" for a in meta["route_attempts"]] == [False, True]


def test_a_stream_that_fails_after_tokens_ends_with_an_error_the_client_sees_and_is_not_switched(
    lab: Lab,
) -> None:
    failing_first(lab, "cut-after")
    answer = lab.post({"stream": True})
    assert answer.status_code == 200
    events = stream_events(answer)
    assert b"hello " in events[1]  # tokens had reached the client...
    last = orjson.loads(events[-1].removeprefix(b"data: "))
    assert last["error"]["code"] == "bad_upstream_response"  # ...so it ends with a visible error
    assert b"data: [DONE]" not in events
    assert not lab.stub.seen("ok-b"), "a stream that has sent tokens is never switched"
    (meta,) = metas(answer.headers["x-request-id"], Event.INFERENCE_RESPONSE)
    assert meta["status"] == 502 and meta["served_by"] is None
    assert meta["route_attempts"][0]["outcome"].startswith("failed mid-stream")


def test_a_client_error_is_not_retried_elsewhere(lab: Lab) -> None:
    failing_first(lab, "status-400")
    answer = lab.post({})
    assert answer.status_code == 400
    assert not lab.stub.seen("ok-b")


def test_when_every_local_target_fails_the_client_gets_the_last_error(lab: Lab) -> None:
    lab.deploy("gpu-a", "status-500")
    lab.deploy("gpu-b", "status-503", version="v2")
    answer = lab.post({})
    assert answer.status_code == 502
    assert SERVED_BY not in answer.headers
    assert len(lab.stub.seen("status-500")) == 1 and len(lab.stub.seen("status-503")) == 1


HALF_AND_HALF = [routes.TargetSpec("local", 50, version="v1"), routes.TargetSpec("local", 50, version="v2")]


def route_with_fallback(lab: Lab, *, allow: bool = True) -> None:
    routes.do_set_route(
        lab.model,
        routes.RouteSpec(
            targets=[routes.TargetSpec("local", 100, version="v1")],
            fallback_model=EXTERNAL,
            allow_external_fallback=allow,
        ),
    )


@pytest.mark.parametrize("stream", [False, True])
def test_the_external_fallback_receives_only_redacted_text_and_the_client_the_original(
    lab: Lab, stream: bool
) -> None:
    lab.deploy("gpu-a", "status-500")
    route_with_fallback(lab)
    lab.allow_egress()
    answer = lab.post({"messages": PII_MESSAGE, "stream": stream})
    assert answer.status_code == 200, answer.text
    assert answer.headers[SERVED_BY] == "external:capture-openai/echo-4o"
    raw = lab.capture.raw()
    assert raw, "the fallback reached the provider"
    assert b"john.smith@example.com" not in raw and b"John Smith" not in raw
    assert b"EMAIL_ADDRESS" in raw  # a placeholder went instead
    assert "john.smith@example.com" in answer.text  # restored for the application
    request_id = answer.headers["x-request-id"]
    local_request, egress_request = metas(request_id, Event.INFERENCE_REQUEST)
    assert local_request["route"] == "local"
    # The fallback passed the egress gate like a first attempt: its own request record, with the report.
    assert egress_request["route"] == "egress" and egress_request["egress"]["decision"] == "allowed"
    assert egress_request["route_attempts"] == [{"target": "local:chat@v1/gpu-a", "outcome": "status 500"}]
    (meta,) = metas(request_id, Event.INFERENCE_RESPONSE)
    assert meta["served_by"] == "external:capture-openai/echo-4o"
    assert [a["target"] for a in meta["route_attempts"]] == [
        "local:chat@v1/gpu-a",
        "external:capture-openai/echo-4o",
    ]


def test_with_no_healthy_backend_at_all_the_route_falls_back_outside(lab: Lab) -> None:
    lab.deploy("gpu-a", "ok-a")
    Backend.objects.filter(name="gpu-a").update(is_healthy=False)
    changed()
    route_with_fallback(lab)
    lab.allow_egress()
    answer = lab.post({"messages": PII_MESSAGE})
    assert answer.status_code == 200 and answer.headers[SERVED_BY].startswith("external:")
    assert b"john.smith@example.com" not in lab.capture.raw()


@pytest.mark.parametrize("why", ["egress off", "route does not allow it"])
def test_a_route_whose_egress_is_off_never_falls_back_outside(lab: Lab, why: str) -> None:
    lab.deploy("gpu-a", "status-500")
    route_with_fallback(lab, allow=why != "route does not allow it")
    if why != "egress off":
        lab.allow_egress()
    for stream in (False, True):
        answer = lab.post({"messages": PII_MESSAGE, "stream": stream})
        assert answer.status_code == 502
    assert lab.capture.raw() == b"", "nothing left the appliance"


def test_the_backends_api_key_is_sent_and_a_new_key_is_read_when_the_file_changes(lab: Lab) -> None:
    path = write_key_file("vllm-key-one")
    lab.deploy("gpu-a", "ok-a")
    Backend.objects.filter(name="gpu-a").update(api_key_file=str(path))
    changed()
    assert lab.post({}).status_code == 200
    path.write_text("vllm-key-two\n")
    assert lab.post({}).status_code == 200
    keys = [r.headers.get("authorization") for r in lab.stub.seen("ok-a")]
    assert keys == ["Bearer vllm-key-one", "Bearer vllm-key-two"]


def test_make_default_changes_where_requests_go(lab: Lab) -> None:
    lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    assert {lab.post({}).headers[SERVED_BY] for _ in range(5)} == {"local:chat@v1/gpu-a"}
    services.do_set_default_version(lab.versions["v2"])
    assert {lab.post({}).headers[SERVED_BY] for _ in range(5)} == {GOOD}


def test_a_draining_deployment_gets_no_new_requests(lab: Lab) -> None:
    draining = lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    Deployment.objects.filter(pk=draining.pk).update(draining_since=timezone.now())
    changed()
    assert {lab.post({}).headers[SERVED_BY] for _ in range(5)} == {GOOD}
    assert not lab.stub.seen("ok-a")


def test_a_sticky_route_keeps_a_user_on_one_target(lab: Lab) -> None:
    lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    routes.do_set_route(
        lab.model,
        routes.RouteSpec(
            targets=[
                routes.TargetSpec("local", 50, version="v1"),
                routes.TargetSpec("local", 50, version="v2"),
            ],
            stickiness="user",
        ),
    )
    placed = {user: lab.post({"user": user}).headers[SERVED_BY] for user in (f"u{n}" for n in range(12))}
    assert len(set(placed.values())) == 2, "users are spread over both targets"
    for user, served in placed.items():
        assert lab.post({"user": user}).headers[SERVED_BY] == served


def test_a_session_header_keeps_a_conversation_on_one_target(lab: Lab) -> None:
    lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    routes.do_set_route(
        lab.model,
        routes.RouteSpec(
            targets=[
                routes.TargetSpec("local", 50, version="v1"),
                routes.TargetSpec("local", 50, version="v2"),
            ],
            stickiness="session",
            session_header="X-Conversation",
        ),
    )
    for n in range(4):
        header = {"x-conversation": f"conversation-{n}"}
        assert len({lab.post({}, header).headers[SERVED_BY] for _ in range(4)}) == 1


def test_a_running_canary_gets_its_share(lab: Lab) -> None:
    lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    Canary.objects.create(
        model=lab.model, baseline=lab.versions["v1"], candidate=lab.versions["v2"], percent=50
    )
    changed()
    served = [lab.post({}).headers[SERVED_BY] for _ in range(20)]
    # An evenly spread sequence: 50 % within one request of ten over any twenty.
    assert 8 <= served.count(GOOD) <= 12
