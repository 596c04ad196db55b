"""The management API's applications, keys, models, deployments, retention, users and roles:
what each does for the people allowed, and the refusal of everyone else."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from appliance.roles import Role
from audit.events import Event
from audit.models import AuditRecord, RetentionPolicy
from inference import keys, services
from inference.models import ApiKey, Application, Deployment, Model

pytestmark = pytest.mark.django_db


def events(event: Event) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in AuditRecord.objects.filter(event=event).order_by("id")]


@pytest.fixture
def registry() -> dict[str, Any]:
    """A model with two versions deployed on a backend, and an application owned by otto."""
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors").write_bytes(b"one")
    v1 = services.do_register_model_version("chat", folder, version="v1")
    other = Path(tempfile.mkdtemp(prefix="weights-"))
    (other / "model.safetensors").write_bytes(b"two")
    v2 = services.do_register_model_version("chat", other, version="v2", make_default=False)
    backend = services.do_register_backend("gpu1", "http://10.0.0.5:8000")
    deployment = services.do_deploy(v1, backend)
    return {"v1": v1, "v2": v2, "deployment": deployment}


@pytest.fixture
def owned(app_owner: User) -> Application:
    app = services.do_create_application("billing", owner=app_owner)
    services.do_create_api_key(app, name="prod")
    return app


# Every endpoint of appliance.mgmt_api, with someone who must be refused (and a body that
# would otherwise be accepted). Refusals are checked before the body is judged.
REFUSALS = [
    ("nobody", "get", "/api/tokens/", None),
    ("nobody", "post", "/api/tokens/", {"name": "x"}),
    ("nobody", "get", "/api/tokens/1/", None),
    ("nobody", "delete", "/api/tokens/1/", None),
    ("app_owner", "post", "/api/applications/", {"name": "mine"}),
    ("nobody", "get", "/api/applications/", None),
    ("auditor", "get", "/api/applications/billing/", None),
    ("app_owner", "patch", "/api/applications/billing/", {"allow_all_models": True}),
    ("compliance_officer", "get", "/api/applications/billing/keys/", None),
    ("compliance_officer", "post", "/api/applications/billing/keys/", {"name": "k"}),
    ("nobody", "post", "/api/applications/billing/keys/PREFIX/rotate", None),
    ("nobody", "post", "/api/applications/billing/keys/PREFIX/revoke", None),
    ("app_owner", "get", "/api/models/", None),
    ("app_owner", "get", "/api/models/chat/", None),
    ("app_owner", "post", "/api/models/chat/versions/v2/default", None),
    ("compliance_officer", "post", "/api/models/chat/versions/", {"folder": "chat-v3"}),
    ("app_owner", "get", "/api/deployments/", None),
    ("compliance_officer", "get", "/api/deployments/1/", None),
    ("compliance_officer", "delete", "/api/deployments/1/", None),
    ("administrator", "get", "/api/audit/retention/", None),
    ("auditor", "put", "/api/audit/retention/", {"record_class": "content", "days": 7}),
    ("compliance_officer", "get", "/api/users/", None),
    ("app_owner", "post", "/api/users/", {"username": "eve", "roles": ["administrator"]}),
    ("compliance_officer", "get", "/api/users/otto-owner/", None),
    ("app_owner", "patch", "/api/users/otto-owner/", {"roles": ["administrator"]}),
    ("auditor", "post", "/api/users/otto-owner/reset-two-factor", None),
    ("nobody", "get", "/api/roles/", None),
]


@pytest.mark.parametrize(("who", "method", "url", "body"), REFUSALS)
def test_each_endpoint_refuses_who_lacks_the_role(
    who: str,
    method: str,
    url: str,
    body: dict[str, Any] | None,
    as_user: Any,
    registry: dict[str, Any],
    owned: Application,
    administrator: User,
    compliance_officer: User,
    auditor: User,
    nobody: User,
) -> None:
    url = url.replace("PREFIX", owned.keys.get().prefix)
    signed_in, anonymous_client = as_user(who), as_user("anonymous")
    before = AuditRecord.objects.count()  # after the sign-in's own record

    answer = getattr(signed_in, method)(url, body, format="json")
    anonymous = getattr(anonymous_client, method)(url, body, format="json")

    assert answer.status_code in (403, 404), (answer.status_code, answer.content)
    assert anonymous.status_code == 403
    assert AuditRecord.objects.count() == before  # nothing changed, nothing recorded
    assert owned.keys.get().revoked_at is None


def test_administrators_create_an_application_with_models_and_content_mode(
    as_user: Any, administrator: User, app_owner: User, registry: dict[str, Any]
) -> None:
    admin = as_user("administrator")

    answer = admin.post(
        "/api/applications/",
        {"name": "support", "owner": "otto-owner", "allowed_models": ["chat"], "audit_content": "full"},
        format="json",
    )

    assert answer.status_code == 201, answer.content
    assert answer.json() | {"created_at": None} == {
        "name": "support",
        "description": "",
        "owner": "otto-owner",
        "allowed_models": ["chat"],
        "allow_all_models": False,
        "audit_content": "full",
        "is_active": True,
        "created_at": None,
    }
    assert [e["meta"]["name"] for e in events(Event.APP_CREATED)] == ["support"]
    assert events(Event.APP_AUDIT_CONTENT_CHANGED)[0]["meta"] == {"old": "metadata", "new": "full"}
    assert admin.post("/api/applications/", {"name": "support"}, format="json").status_code == 409
    unknown = admin.post("/api/applications/", {"name": "x", "allowed_models": ["nope"]}, format="json")
    assert unknown.status_code == 404 and not Application.objects.filter(name="x").exists()


def test_administrators_change_an_applications_models(
    as_user: Any, administrator: User, owned: Application, registry: dict[str, Any]
) -> None:
    answer = as_user("administrator").patch(
        "/api/applications/billing/", {"allowed_models": ["chat"]}, format="json"
    )

    assert answer.status_code == 200 and answer.json()["allowed_models"] == ["chat"]
    assert events(Event.APP_MODELS_CHANGED)[0]["meta"]["new"] == {
        "allowed_models": ["chat"],
        "allow_all": False,
    }


def test_app_owners_see_and_key_only_their_own_applications(
    as_user: Any, app_owner: User, owned: Application, administrator: User
) -> None:
    services.do_create_application("someone-elses")
    otto = as_user("app_owner")

    assert [a["name"] for a in otto.get("/api/applications/").json()] == ["billing"]
    assert otto.get("/api/applications/someone-elses/").status_code == 404
    assert otto.post("/api/applications/someone-elses/keys/", {}, format="json").status_code == 404
    made = otto.post("/api/applications/billing/keys/", {"name": "ci", "expires_in_days": 30}, format="json")
    assert made.status_code == 201 and made.json()["key"].startswith("air-")


def test_a_key_is_shown_once_rotated_and_revoked(
    as_user: Any, administrator: User, owned: Application
) -> None:
    admin = as_user("administrator")

    made = admin.post("/api/applications/billing/keys/", {"name": "ci"}, format="json").json()
    secret, prefix = made["key"], made["prefix"]
    assert keys.parse_prefix(secret) == prefix and made["state"] == "active"
    listed = admin.get("/api/applications/billing/keys/").json()
    assert prefix in [k["prefix"] for k in listed] and all("key" not in k for k in listed)
    assert secret not in json.dumps(listed)

    rotated = admin.post(f"/api/applications/billing/keys/{prefix}/rotate").json()
    assert rotated["prefix"] != prefix and rotated["name"] == "ci"
    assert ApiKey.objects.get(prefix=prefix).state == "revoked"
    assert admin.post(f"/api/applications/billing/keys/{prefix}/rotate").status_code == 409

    revoked = admin.post(f"/api/applications/billing/keys/{rotated['prefix']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["state"] == "revoked"
    assert [e["target"]["id"] for e in events(Event.KEY_REVOKED)] == [prefix, rotated["prefix"]]
    assert admin.post("/api/applications/billing/keys/nothere/revoke").status_code == 404


def test_models_versions_and_the_default(as_user: Any, administrator: User, registry: dict[str, Any]) -> None:
    admin = as_user("administrator")

    (chat,) = admin.get("/api/models/").json()
    assert chat["default_version"] == "v1" and [v["version"] for v in chat["versions"]] == ["v1", "v2"]

    answer = admin.post("/api/models/chat/versions/v2/default")

    assert answer.status_code == 200 and answer.json()["default_version"] == "v2"
    assert Model.objects.get(name="chat").default_version == registry["v2"]
    assert events(Event.MODEL_DEFAULT_CHANGED)[0]["meta"]["new"]["version"] == "v2"
    assert admin.post("/api/models/chat/versions/v9/default").status_code == 404
    assert admin.get("/api/models/nope/").status_code == 404


def test_deployments_are_listed_and_taken_out_of_routing(
    as_user: Any, administrator: User, registry: dict[str, Any]
) -> None:
    admin = as_user("administrator")
    pk = registry["deployment"].pk

    (listed,) = admin.get("/api/deployments/").json()
    assert listed["backend"] == "gpu1" and listed["is_active"] is True

    assert admin.delete(f"/api/deployments/{pk}/").status_code == 204
    assert Deployment.objects.get(pk=pk).is_active is False
    assert len(events(Event.DEPLOYMENT_REMOVED)) == 1
    assert admin.delete("/api/deployments/999999/").status_code == 404


def test_compliance_officers_set_retention_and_auditors_read_it(
    as_user: Any, compliance_officer: User, auditor: User, owned: Application
) -> None:
    answer = as_user("compliance_officer").put(
        "/api/audit/retention/",
        {"record_class": "content", "days": 14, "application": "billing"},
        format="json",
    )

    assert answer.status_code == 200, answer.content
    assert {
        "record_class": "content",
        "application": "billing",
        "days": 14,
        "source": "policy",
    } in answer.json()
    assert RetentionPolicy.objects.get(application_id=owned.pk).days == 14
    assert events(Event.AUDIT_RETENTION_CHANGED)[0]["actor"]["name"] == "carla-compliance"
    assert as_user("auditor").get("/api/audit/retention/").status_code == 200
    missing = as_user("compliance_officer").put(
        "/api/audit/retention/", {"record_class": "content", "days": 14, "application": "nope"}, format="json"
    )
    assert missing.status_code == 404


def test_administrators_create_people_and_change_their_roles(
    as_user: Any, administrator: User, app_owner: User
) -> None:
    admin = as_user("administrator")

    made = admin.post("/api/users/", {"username": "eve", "roles": ["auditor"]}, format="json")

    assert made.status_code == 201, made.content
    body = made.json()
    assert body["roles"] == ["auditor"] and "/console/set-password/" in body["set_password_url"]
    link = body["set_password_url"].split("testserver", 1)[1]
    assert Client().get(link, follow=True).status_code == 200  # the link opens the set-password page
    assert admin.post("/api/users/", {"username": "EVE"}, format="json").status_code == 409

    changed = admin.patch("/api/users/eve/", {"roles": ["auditor", "app_owner"]}, format="json")
    assert changed.json()["roles"] == ["app_owner", "auditor"]
    off = admin.patch("/api/users/eve/", {"is_active": False}, format="json")
    assert off.json()["is_active"] is False
    assert [e["event"] for e in events(Event.USER_ROLES_CHANGED) + events(Event.USER_DEACTIVATED)] == [
        "user.roles_changed",
        "user.deactivated",
    ]
    assert admin.post("/api/users/otto-owner/reset-two-factor").status_code == 200
    assert len(events(Event.USER_TWO_FACTOR_RESET)) == 1


def test_the_last_administrator_cannot_be_demoted_or_deactivated(as_user: Any, administrator: User) -> None:
    admin = as_user("administrator")

    demoted = admin.patch("/api/users/adam-admin/", {"roles": ["auditor"]}, format="json")
    deactivated = admin.patch("/api/users/adam-admin/", {"is_active": False}, format="json")

    assert demoted.status_code == 409 and "last active administrator" in demoted.json()["detail"]
    assert deactivated.status_code == 409
    assert administrator.groups.filter(name="administrator").exists()


def test_roles_list_their_members_for_administrators_only(
    as_user: Any, administrator: User, auditor: User
) -> None:
    for_admin = {r["name"]: r for r in as_user("administrator").get("/api/roles/").json()}
    for_auditor = {r["name"]: r for r in as_user("auditor").get("/api/roles/").json()}

    assert for_admin["administrator"]["members"] == ["adam-admin"]
    assert for_admin["auditor"]["members"] == ["audrey-auditor"]
    assert all(r["members"] == [] for r in for_auditor.values())
    assert set(for_auditor) >= {r.value for r in Role}


def test_the_api_names_its_operations_in_the_openapi_schema(as_user: Any, administrator: User) -> None:
    schema = as_user("administrator").get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operations = {op["operationId"] for item in schema["paths"].values() for op in item.values()}

    assert {
        "tokens_create",
        "tokens_revoke",
        "applications_create",
        "applications_keys_create",
        "applications_keys_rotate",
        "applications_keys_revoke",
        "models_list",
        "models_versions_create",
        "models_versions_make_default",
        "deployments_destroy",
        "audit_retention_set",
        "users_create",
        "users_update",
        "roles_list",
    } <= operations
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_administrators_register_weights_from_a_folder_of_the_models_directory(
    as_user: Any, administrator: User, registry: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    settings.AIRLOCK_MODELS_DIR = tmp_path
    (tmp_path / "chat-v3").mkdir()
    (tmp_path / "chat-v3" / "model.safetensors").write_bytes(b"three")
    (tmp_path / "empty").mkdir()
    admin = as_user("administrator")

    made = admin.post("/api/models/chat/versions/", {"folder": "chat-v3", "version": "v3"}, format="json")

    assert made.status_code == 201, made.content
    assert made.json()["default_version"] == "v3"
    (registered,) = [e for e in events(Event.MODEL_VERSION_REGISTERED) if e["meta"]["version"] == "v3"]
    assert registered["actor"]["name"] == "adam-admin"
    assert registered["meta"]["path"] == str((tmp_path / "chat-v3").resolve())
    again = admin.post("/api/models/chat/versions/", {"folder": "chat-v3"}, format="json")
    assert again.status_code == 200  # the same folder with the same contents: nothing new
    taken = admin.post("/api/models/chat/versions/", {"folder": "chat-v3", "version": "v1"}, format="json")
    assert taken.status_code == 409
    assert admin.post("/api/models/chat/versions/", {"folder": "empty"}, format="json").status_code == 409
    assert admin.post("/api/models/chat/versions/", {"folder": "nope"}, format="json").status_code == 404
    # Only a folder name inside the models directory: never a path elsewhere on the disk.
    for outside in ("..", "/etc", "../chat-v3", ".hidden"):
        assert admin.post("/api/models/chat/versions/", {"folder": outside}, format="json").status_code == 400
