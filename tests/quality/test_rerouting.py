"""Rerouting: when an alert fires for a route's local model, all its traffic moves to the
route's degraded-mode target (an external model through redaction, or another local version)
and comes back only when an administrator clears it. Through the live gateway.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from audit.events import Event
from audit.models import AuditRecord
from inference import routes
from inference.models import Route
from quality import reroute
from quality import services as quality_services
from tests.routing.conftest import EXTERNAL, Lab, changed
from tests.signin import sign_in_verified

SERVED_BY = "x-airlock-served-by"
EXTERNAL_LABEL = "external:capture-openai/echo-4o"
PII_MESSAGE = [
    {"role": "user", "content": "Please write to John Smith at john.smith@example.com about the invoice."}
]


def audit_metas(event: Event) -> list[dict[str, Any]]:
    return [orjson.loads(r.body)["meta"] for r in AuditRecord.objects.filter(event=event).order_by("pk")]


def route_with_degraded_mode(lab: Lab, **degraded: str) -> Route:
    spec = routes.RouteSpec(targets=[routes.TargetSpec(kind="local", weight=1, version="v1")], **degraded)
    return routes.do_set_route(lab.model, spec)


def test_validation_alerts_move_traffic_to_the_external_target_until_an_administrator_clears_it(
    lab: Lab, as_user: Any
) -> None:
    route_with_degraded_mode(lab, degraded_model=EXTERNAL)
    quality_services.set_policy(application=None, model=lab.model, failures_to_eject=2, window_seconds=300)
    lab.allow_egress()
    lab.deploy("gpu-a", "degenerate-a")
    served = [lab.post({}).headers[SERVED_BY] for _ in range(2)]
    assert served == ["local:chat@v1/gpu-a"] * 2, "the second failure ejects and degrades the route"
    route = Route.objects.get(model=lab.model)
    assert route.degraded_since is not None and route.degraded_reason.startswith("validation:")
    (degraded,) = audit_metas(Event.ROUTE_DEGRADED)
    assert degraded["signal"] == "validation" and degraded["degraded_model"] == EXTERNAL

    # The model is repaired and redeployed, but the route stays degraded until it is cleared.
    lab.deploy("gpu-a", "ok-a")
    answer = lab.post({"messages": PII_MESSAGE})
    assert answer.status_code == 200, answer.text
    assert answer.headers[SERVED_BY] == EXTERNAL_LABEL
    assert b"john.smith@example.com" not in lab.capture.raw(), "the external target got redacted text"
    assert "john.smith@example.com" in answer.json()["choices"][0]["message"]["content"]

    assert as_user("nobody").post("/api/routes/chat/restore/").status_code == 403
    assert as_user("app_owner").post("/api/routes/chat/restore/").status_code == 403
    restored = as_user("administrator").post("/api/routes/chat/restore/")
    assert restored.status_code == 200, restored.content
    assert restored.json()["degraded_since"] is None and restored.json()["degraded_model"] == EXTERNAL
    back = lab.post({})
    assert back.status_code == 200 and back.headers[SERVED_BY] == "local:chat@v1/gpu-a"
    (cleared,) = audit_metas(Event.ROUTE_RESTORED)
    assert cleared["reason"].startswith("validation:")
    assert AuditRecord.objects.get(event=Event.ROUTE_RESTORED).actor_name == "adam-admin"
    assert as_user("administrator").post("/api/routes/chat/restore/").status_code == 409


def test_a_drift_alert_moves_traffic_to_another_local_version_and_back(lab: Lab) -> None:
    route_with_degraded_mode(lab, degraded_model="chat", degraded_version="v2")
    lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    assert lab.post({}).headers[SERVED_BY] == "local:chat@v1/gpu-a"

    # A drift run against a version that is not live moves nothing.
    assert reroute.on_drift("chat", "v2", "mean score fell 9%") == []
    assert reroute.on_drift("chat", "", "mean score fell 9%") == ["chat"]
    assert reroute.on_drift("chat", "", "again") == [], "already degraded: one record, not two"
    changed()
    for _ in range(3):
        answer = lab.post({"stream": True})
        assert answer.status_code == 200 and answer.headers[SERVED_BY] == "local:chat@v2/gpu-b"
    assert len(audit_metas(Event.ROUTE_DEGRADED)) == 1

    assert routes.do_clear_degraded_mode(lab.model, actor=None)
    changed()
    assert lab.post({}).headers[SERVED_BY] == "local:chat@v1/gpu-a"


def test_a_route_without_a_degraded_mode_target_is_not_moved(lab: Lab) -> None:
    route_with_degraded_mode(lab)
    assert reroute.on_drift("chat", "", "mean score fell 9%") == []
    assert Route.objects.get(model=lab.model).degraded_since is None


@pytest.mark.parametrize(
    ("degraded", "field"),
    [
        ({"degraded_model": "chat"}, "degraded_model"),
        ({"degraded_model": "chat", "degraded_version": "v9"}, "degraded_version"),
        ({"degraded_model": EXTERNAL, "degraded_version": "v1"}, "degraded_version"),
        ({"degraded_version": "v2"}, "degraded_version"),
        ({"degraded_model": "nothing-here"}, "degraded_model"),
    ],
)
def test_a_degraded_mode_target_must_exist_and_make_sense(
    lab: Lab, degraded: dict[str, str], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        route_with_degraded_mode(lab, **degraded)
    assert field in caught.value.message_dict


def test_an_administrator_sees_and_clears_degraded_mode_in_the_console(
    lab: Lab, administrator: User, nobody: User
) -> None:
    route_with_degraded_mode(lab, degraded_model=EXTERNAL)
    assert reroute.on_drift("chat", "", "mean score fell 9%") == ["chat"]
    admin = sign_in_verified(Client(), administrator)
    listed = admin.get("/console/routes/").content.decode()
    assert "degraded since" in listed and "/console/routes/chat/restore/" in listed
    assert (
        sign_in_verified(Client(), nobody)
        .post("/console/routes/chat/restore/", {"confirm": "yes"})
        .status_code
        == 403
    )
    assert Route.objects.get(model=lab.model).degraded_since is not None
    assert admin.post("/console/routes/chat/restore/", {"confirm": "yes"}).status_code == 302
    route = Route.objects.get(model=lab.model)
    assert route.degraded_since is None and route.degraded_model is not None, "the target stays for next time"
    assert AuditRecord.objects.get(event=Event.ROUTE_RESTORED).actor_name == "adam-admin"
