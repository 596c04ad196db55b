"""Applications and API keys through the CLI and the service functions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inference import keys, services
from inference.models import ApiKey, Application

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_key_is_shown_once_and_only_its_digest_is_stored() -> None:
    run("apps", "create", "billing", "--all-models")
    output = run("keys", "create", "billing", "--name", "prod")
    plaintext = next(line.strip() for line in output.splitlines() if line.strip().startswith("air-"))
    stored = ApiKey.objects.get()
    assert plaintext not in {stored.digest, stored.prefix, stored.name}
    assert stored.digest == keys.digest_of(plaintext)
    assert plaintext not in run("keys", "list")


def test_keys_can_be_listed_and_revoked_by_prefix() -> None:
    app = services.do_create_application("triage")
    created = services.do_create_api_key(app)
    assert "active" in run("keys", "list", "triage")
    assert "Revoked" in run("keys", "revoke", created.key.prefix)
    created.key.refresh_from_db()
    assert created.key.state == "revoked" and created.key.revoked_at is not None
    assert "already revoked" in run("keys", "revoke", created.plaintext)


def test_an_expiring_key_records_its_expiry() -> None:
    services.do_create_application("nightly")
    run("keys", "create", "nightly", "--expires-in-days", "30")
    assert ApiKey.objects.get().expires_at is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("apps", "create", "has space"), "may contain only"),
        (("apps", "create", "x", "--models", "nonexistent"), "Unknown model"),
        (("keys", "create", "ghost-app"), "No application named"),
        (("keys", "revoke", "nosuchkey"), "No key with prefix"),
    ],
)
def test_the_cli_explains_bad_input(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_expiry_must_be_positive() -> None:
    services.do_create_application("app1")
    with pytest.raises(CommandError, match="positive"):
        run("keys", "create", "app1", "--expires-in-days", "0")


def test_application_names_are_unique() -> None:
    services.do_create_application("dup")
    with pytest.raises(CommandError, match="already exists"):
        run("apps", "create", "dup")
    assert Application.objects.count() == 1


def test_key_format_is_parsed_strictly() -> None:
    new = keys.generate()
    assert keys.parse_prefix(new.plaintext) == new.prefix
    assert keys.matches(new.plaintext, new.digest)
    assert not keys.matches(new.plaintext + "x", new.digest)
    for bad in ("", "air-", "sk-abc", "air-short-" + "x" * 43, f"air-{new.prefix}-tooshort"):
        assert keys.parse_prefix(bad) is None
