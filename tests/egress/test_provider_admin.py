"""Registering providers and external models: the management API, the CLI and their audit trail."""

from __future__ import annotations

import io
from collections.abc import Callable

import orjson
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import include, path
from rest_framework.test import APIClient

from audit.events import Event
from audit.models import AuditRecord
from inference import routing, services
from inference.models import Model, Provider
from inference.services import ProviderSettings
from tests.keyfiles import write_key_file

# The same mount as appliance/urls.py, so these tests do not depend on that file's state.
urlpatterns = [path("api/providers/", include("inference.provider_urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody"]


@pytest.fixture
def key_path() -> str:
    return str(write_key_file("sk-ant-never-shown"))


@pytest.fixture
def anthropic_provider(key_path: str) -> Provider:
    return services.do_register_provider(
        "anthropic",
        "anthropic",
        "https://api.anthropic.com",
        settings=ProviderSettings(api_key_file=key_path, region="eu-west-1"),
    )


def last(event: Event) -> dict:
    return orjson.loads(AuditRecord.objects.filter(event=event).latest("id").body)  # type: ignore[no-any-return]


# --- The management API ---


def test_an_administrator_registers_a_provider_and_a_model_through_the_api(
    as_user: Callable[[str], APIClient], key_path: str
) -> None:
    client = as_user("administrator")
    created = client.post(
        "/api/providers/",
        {
            "name": "anthropic",
            "kind": "anthropic",
            "base_url": "https://api.anthropic.com",
            "api_key_file": key_path,
            "region": "eu-west-1",
            "timeout_seconds": 20,
            "extra_headers": {"anthropic-beta": "prompt-caching-2024-07-31"},
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["api_key_status"] == "ok"
    assert "sk-ant-never-shown" not in created.content.decode()
    model = client.post(
        "/api/providers/anthropic/models/",
        {"name": "claude-haiku", "remote_name": "claude-3-5-haiku-latest"},
        format="json",
    )
    assert model.status_code == 201, model.content
    shown = client.get("/api/providers/anthropic/").json()
    assert shown["models"] == [{"name": "claude-haiku", "remote_name": "claude-3-5-haiku-latest"}]
    assert shown["region"] == "eu-west-1" and shown["timeout_seconds"] == 20
    assert last(Event.PROVIDER_REGISTERED)["actor"]["name"] == "adam-admin"
    assert last(Event.MODEL_EXTERNAL_REGISTERED)["meta"]["new"] == {
        "provider": "anthropic",
        "remote_name": "claude-3-5-haiku-latest",
    }


def test_an_administrator_changes_and_disables_a_provider(
    as_user: Callable[[str], APIClient], anthropic_provider: Provider
) -> None:
    client = as_user("administrator")
    changed = client.patch(
        "/api/providers/anthropic/", {"is_enabled": False, "max_retries": 4}, format="json"
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["is_enabled"] is False and changed.json()["max_retries"] == 4
    meta = last(Event.PROVIDER_CHANGED)["meta"]
    assert meta == {
        "old": {"is_enabled": True, "max_retries": 2},
        "new": {"is_enabled": False, "max_retries": 4},
    }


def test_a_credential_in_extra_headers_is_refused(
    as_user: Callable[[str], APIClient], anthropic_provider: Provider
) -> None:
    client = as_user("administrator")
    answer = client.patch(
        "/api/providers/anthropic/", {"extra_headers": {"X-Api-Key": "sk-oops"}}, format="json"
    )
    assert answer.status_code == 400
    assert "credential" in answer.content.decode()
    assert Provider.objects.get(name="anthropic").extra_headers == {}


def test_an_external_model_is_removed_through_the_api(
    as_user: Callable[[str], APIClient], anthropic_provider: Provider
) -> None:
    services.do_register_external_model("claude-haiku", anthropic_provider, "claude-3-5-haiku-latest")
    client = as_user("administrator")
    assert client.delete("/api/providers/anthropic/models/claude-haiku").status_code == 204
    assert not Model.objects.filter(name="claude-haiku").exists()
    assert last(Event.MODEL_EXTERNAL_REMOVED)["meta"]["old"]["remote_name"] == "claude-3-5-haiku-latest"


@pytest.mark.parametrize("who", [*REFUSED, "anonymous"])
def test_everyone_but_administrators_is_refused(
    as_user: Callable[[str], APIClient], anthropic_provider: Provider, who: str
) -> None:
    client = as_user(who)
    expected = 403
    calls = [
        client.get("/api/providers/"),
        client.get("/api/providers/anthropic/"),
        client.get("/api/providers/anthropic/models/"),
        client.post(
            "/api/providers/", {"name": "x", "kind": "openai", "base_url": "https://x.example"}, format="json"
        ),
        client.patch("/api/providers/anthropic/", {"is_enabled": False}, format="json"),
        client.post("/api/providers/anthropic/models/", {"name": "m", "remote_name": "r"}, format="json"),
        client.delete("/api/providers/anthropic/models/m"),
    ]
    assert [c.status_code for c in calls] == [expected] * len(calls)
    assert Provider.objects.get(name="anthropic").is_enabled
    assert not Provider.objects.filter(name="x").exists()


# --- Services: what is refused ---


def test_a_provider_needs_a_sound_configuration(key_path: str) -> None:
    with pytest.raises(ValidationError, match="absolute path"):
        services.do_register_provider(
            "a", "openai", "https://x.example/v1", settings=ProviderSettings(api_key_file="key.txt")
        )
    with pytest.raises(ValidationError, match="API key file"):
        services.do_register_provider("b", "anthropic", "https://api.anthropic.com")
    with pytest.raises(ValidationError, match="not an http"):
        services.do_register_provider("c", "openai", "ftp://x.example")
    with pytest.raises(ValidationError, match="credential"):
        services.do_register_provider(
            "d",
            "openai",
            "https://x.example/v1",
            settings=ProviderSettings(extra_headers={"Authorization": "Bearer x"}),
        )
    assert not Provider.objects.exists()


def test_an_external_model_cannot_take_a_local_models_name(anthropic_provider: Provider) -> None:
    Model.objects.create(name="llama-8b")
    with pytest.raises(ValidationError, match="local model"):
        services.do_register_external_model("llama-8b", anthropic_provider, "claude-3-5-haiku-latest")


def test_the_routing_table_knows_external_models(anthropic_provider: Provider) -> None:
    from asgiref.sync import async_to_sync

    services.do_register_external_model("claude-haiku", anthropic_provider, "claude-3-5-haiku-latest")
    table = async_to_sync(routing._load)()
    target = table.external["claude-haiku"]
    assert "claude-haiku" in table.models
    assert (target.provider_name, target.remote_name, target.kind, target.region) == (
        "anthropic",
        "claude-3-5-haiku-latest",
        "anthropic",
        "eu-west-1",
    )


# --- The CLI ---


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("providers", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_cli_adds_lists_and_changes_providers_and_models(key_path: str) -> None:
    out = run(
        "add", "claude", "--kind", "anthropic", "--base-url", "https://api.anthropic.com",
        "--api-key-file", key_path, "--region", "eu-west-1", "--timeout", "20",
        "--header", "anthropic-beta=x",
    )  # fmt: skip
    assert "Registered provider claude" in out
    assert "claude-haiku" in run(
        "models", "add", "claude-haiku", "--provider", "claude", "--remote", "claude-3-5-haiku-latest"
    )
    listing = run("list")
    assert "eu-west-1" in listing and "claude-haiku -> claude-3-5-haiku-latest" in listing
    assert "sk-ant" not in listing
    run("set", "claude", "--disable", "--max-retries", "5")
    provider = Provider.objects.get(name="claude")
    assert (provider.is_enabled, provider.max_retries, provider.timeout_seconds) == (False, 5, 20)
    assert provider.extra_headers == {"anthropic-beta": "x"}
    assert "claude-haiku" in run("models", "list")
    run("models", "remove", "claude-haiku")
    assert not Model.objects.filter(name="claude-haiku").exists()


def test_the_cli_explains_what_is_wrong() -> None:
    with pytest.raises(CommandError, match="API key file"):
        run("add", "claude", "--kind", "anthropic", "--base-url", "https://api.anthropic.com")
    with pytest.raises(CommandError, match="No provider"):
        run("models", "add", "x", "--provider", "nope", "--remote", "y")


def test_airlock_help_lists_the_providers_command(capsys: pytest.CaptureFixture[str]) -> None:
    from appliance.cli import main

    main(["airlock", "--help"])
    assert "airlock providers add NAME --kind openai|anthropic" in capsys.readouterr().out
