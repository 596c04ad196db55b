"""Identity provider settings: read from the environment (or NAME_FILE), and refused loudly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from identity.config import providers_from_env, refresh_seconds_from_env

BASE = {
    "AIRLOCK_OIDC_PROVIDERS": "corp",
    "AIRLOCK_OIDC_CORP_ISSUER": "https://login.example.internal/realms/staff/",
    "AIRLOCK_OIDC_CORP_CLIENT_ID": "airlock",
    "AIRLOCK_OIDC_CORP_ROLES_CLAIM": "realm_access.roles",
    "AIRLOCK_OIDC_CORP_ROLE_MAP": json.dumps({"airlock-admins": ["administrator"], "auditors": "auditor"}),
}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name, value in BASE.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def test_a_provider_is_read_with_its_secret_from_a_file(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    env.setenv("AIRLOCK_OIDC_CORP_CLIENT_SECRET_FILE", str(secret))
    env.setenv("AIRLOCK_OIDC_CORP_APP_MAP", json.dumps({"team-billing": ["billing-bot"]}))

    provider = providers_from_env()["corp"]

    assert provider.issuer == "https://login.example.internal/realms/staff"  # no trailing slash
    assert provider.client_secret == "s3cret"
    assert "s3cret" not in repr(provider)
    assert provider.role_map == {"airlock-admins": ("administrator",), "auditors": ("auditor",)}
    assert provider.app_map == {"team-billing": ("billing-bot",)}
    assert provider.roles_claim == "realm_access.roles" and provider.scopes == ("openid", "email", "profile")


def test_no_providers_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIRLOCK_OIDC_PROVIDERS", raising=False)
    assert providers_from_env() == {}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("AIRLOCK_OIDC_CORP_ISSUER", "http://login.example.internal", "must use https"),
        ("AIRLOCK_OIDC_CORP_ISSUER", "login.example.internal", "not an https:// URL"),
        ("AIRLOCK_OIDC_CORP_ISSUER", "", "AIRLOCK_OIDC_CORP_ISSUER"),
        ("AIRLOCK_OIDC_CORP_CLIENT_ID", "", "AIRLOCK_OIDC_CORP_CLIENT_ID"),
        ("AIRLOCK_OIDC_CORP_ROLE_MAP", "", "must map some claim values"),
        ("AIRLOCK_OIDC_CORP_ROLE_MAP", "{not json", "not valid JSON"),
        ("AIRLOCK_OIDC_CORP_ROLE_MAP", '["administrator"]', "must be a JSON object"),
        ("AIRLOCK_OIDC_CORP_ROLE_MAP", '{"admins": ["superuser"]}', "unknown roles superuser"),
        ("AIRLOCK_OIDC_CORP_ROLE_MAP", '{"admins": [1]}', "list of names"),
        ("AIRLOCK_OIDC_CORP_SCOPES", "email profile", "must include openid"),
        ("AIRLOCK_OIDC_CORP_ROLES_CLAIM", "realm_access..roles", "not a claim path"),
        ("AIRLOCK_OIDC_CORP_CA_FILE", "/nonexistent/ca.pem", "not a readable file"),
        ("AIRLOCK_OIDC_PROVIDERS", "Corp Main", "not a short name"),
        ("AIRLOCK_OIDC_PROVIDERS", "corp,corp", "twice"),
    ],
)
def test_a_setting_that_cannot_be_used_stops_the_appliance(
    env: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    env.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        providers_from_env()


def test_a_secret_given_twice_is_refused(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "secret").write_text("a")
    env.setenv("AIRLOCK_OIDC_CORP_CLIENT_SECRET", "b")
    env.setenv("AIRLOCK_OIDC_CORP_CLIENT_SECRET_FILE", str(tmp_path / "secret"))
    with pytest.raises(ImproperlyConfigured, match="not both"):
        providers_from_env()


def test_plain_http_is_allowed_only_to_a_provider_on_this_machine(env: pytest.MonkeyPatch) -> None:
    env.setenv("AIRLOCK_OIDC_CORP_ISSUER", "http://127.0.0.1:8080/realms/staff")
    assert providers_from_env()["corp"].issuer == "http://127.0.0.1:8080/realms/staff"


def test_sessions_are_checked_at_least_every_fifteen_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIRLOCK_OIDC_REFRESH_SECONDS", raising=False)
    assert refresh_seconds_from_env() == 900
    monkeypatch.setenv("AIRLOCK_OIDC_REFRESH_SECONDS", "901")
    with pytest.raises(ImproperlyConfigured, match="at most 900"):
        refresh_seconds_from_env()
    monkeypatch.setenv("AIRLOCK_OIDC_REFRESH_SECONDS", "10")
    with pytest.raises(ImproperlyConfigured, match="at least 30"):
        refresh_seconds_from_env()
