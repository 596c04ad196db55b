"""The routes' management API: administrators only, validated, every change audited."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from asgiref.sync import async_to_sync
from rest_framework.test import APIClient

from audit.events import Event
from audit.models import AuditRecord
from inference import routing, services
from inference.models import Model, Route

pytestmark = pytest.mark.django_db

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody", "anonymous"]
URL = "/api/routes/chat/"
BODY = {
    "targets": [
        {"kind": "local", "version": "v1", "weight": 70},
        {"kind": "external", "model": "gpt-echo", "weight": 20},
        {"kind": "local", "version": "v2", "weight": 10},
    ],
    "stickiness": "user",
    "fallback_model": "gpt-echo",
    "allow_external_fallback": True,
}


@pytest.fixture
def models() -> None:
    for version in ("v1", "v2"):
        folder = Path(tempfile.mkdtemp(prefix="weights-"))
        (folder / "model.safetensors.stub").write_bytes(version.encode())
        services.do_register_model_version("chat", folder, version=version)
    provider = services.do_register_provider("capture-openai", "openai", "https://8.8.8.8/v1")
    services.do_register_external_model("gpt-echo", provider, "echo-4o")


def last(event: Event) -> dict[str, Any]:
    found = AuditRecord.objects.filter(event=event).order_by("-pk").first()
    assert found is not None, f"no {event} record"
    return orjson.loads(found.body)  # type: ignore[no-any-return]


def test_an_administrator_sets_reads_and_removes_a_route_and_each_change_is_audited(
    models: None, as_user: Callable[[str], APIClient]
) -> None:
    admin = as_user("administrator")
    answer = admin.put(URL, BODY, format="json")
    assert answer.status_code == 200, answer.content
    shown = answer.json()
    assert shown["model"] == "chat" and shown["stickiness"] == "user"
    assert [(t["kind"], t["model"], t["version"], t["weight"]) for t in shown["targets"]] == [
        ("local", "chat", "v1", 70),
        ("external", "gpt-echo", None, 20),
        ("local", "chat", "v2", 10),
    ]
    created = last(Event.ROUTE_SET)
    assert created["actor"]["name"] == "adam-admin"
    assert created["meta"]["old"] is None and created["meta"]["new"]["fallback_model"] == "gpt-echo"

    assert admin.get(URL).json() == shown
    assert [r["model"] for r in admin.get("/api/routes/").json()] == ["chat"]

    changed = admin.put(URL, {"targets": [{"kind": "local", "version": "v2", "weight": 1}]}, format="json")
    assert changed.status_code == 200
    replaced = last(Event.ROUTE_SET)["meta"]
    assert len(replaced["old"]["targets"]) == 3 and len(replaced["new"]["targets"]) == 1

    assert admin.delete(URL).status_code == 204
    assert last(Event.ROUTE_DELETED)["meta"]["old"]["targets"][0]["version"] == "v2"
    assert not Route.objects.exists()
    assert admin.delete(URL).status_code == 404


@pytest.mark.parametrize("who", REFUSED)
def test_no_one_but_an_administrator_may_read_or_change_routes(
    models: None, as_user: Callable[[str], APIClient], who: str
) -> None:
    client = as_user(who)
    for answer in (
        client.get("/api/routes/"),
        client.get(URL),
        client.put(URL, BODY, format="json"),
        client.delete(URL),
    ):
        assert answer.status_code == 403
    assert not Route.objects.exists()
    assert not AuditRecord.objects.filter(event=Event.ROUTE_SET).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"targets": [{"kind": "local", "version": "v9", "weight": 1}]}, "targets[0]"),
        ({"targets": [{"kind": "external", "model": "chat", "weight": 1}]}, "targets[0]"),
        ({"targets": [{"kind": "complexity", "weight": 1}]}, "targets"),
        ({"fallback_model": "chat"}, "fallback_model"),
        ({"fallback_model": None, "allow_external_fallback": True}, "allow_external_fallback"),
        ({"targets": []}, "targets"),
        ({"targets": [{"kind": "local", "version": "v1", "weight": 0}]}, "targets"),
    ],
)
def test_a_route_that_cannot_work_is_refused_naming_the_field(
    models: None, as_user: Callable[[str], APIClient], change: dict[str, Any], field: str
) -> None:
    answer = as_user("administrator").put(URL, {**BODY, **change}, format="json")
    assert answer.status_code == 400, answer.content
    assert field in answer.json()
    assert not Route.objects.exists()


def test_an_unknown_model_is_not_found(models: None, as_user: Callable[[str], APIClient]) -> None:
    assert as_user("administrator").put("/api/routes/nope/", BODY, format="json").status_code == 404


def test_a_saved_route_is_what_the_gateway_routes_by(
    models: None, as_user: Callable[[str], APIClient]
) -> None:
    as_user("administrator").put(URL, BODY, format="json")
    table = async_to_sync(routing._load)()
    plan = table.routes["chat"]
    assert [c.weight for c in plan.choices] == [70, 20, 10]
    assert plan.stickiness == "user" and plan.fallback_model == "gpt-echo" and plan.allow_external_fallback
    assert Model.objects.get(name="chat").route.targets.count() == 3
