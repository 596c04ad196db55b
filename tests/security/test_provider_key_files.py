"""A provider's API key file lives in the provider keys directory, or it is neither saved nor read.

The penetration test registered ``/etc/hostname`` as a key file and received its contents at
a listener, and the API's ``api_key_readable`` flag told whether ``/etc/shadow`` could be read.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openai
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from inference import services
from inference.models import Provider
from inference.providers import transport
from inference.routing import ExternalTarget
from inference.services import ProviderSettings
from tests.egress.conftest import OPENAI_MODEL, Egress
from tests.keyfiles import keys_dir, write_key_file
from tests.signin import sign_in_verified

ASK = [{"role": "user", "content": "Hello"}]


def register(path: str) -> Provider:
    return services.do_register_provider(
        "p", "anthropic", "https://api.anthropic.com", settings=ProviderSettings(api_key_file=path)
    )


def escape_paths() -> dict[str, str]:
    """Paths an administrator might try, each of which must be refused."""
    outside = Path(settings.DATA_DIR) / "secret_key"
    link = keys_dir() / "link-out.key"
    if not link.is_symlink():
        link.symlink_to(outside)
    return {
        "a system file": "/etc/hostname",
        "the Django secret key": str(outside),
        "a climb out with ..": f"{keys_dir()}/../secret_key",
        "a symlink out of the folder": str(link),
        "the process environment": "/proc/self/environ",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "what",
    ["a system file", "the Django secret key", "a climb out with ..", "a symlink out of the folder",
     "the process environment"],
)  # fmt: skip
def test_a_key_file_outside_the_provider_keys_directory_is_refused_when_saved(what: str) -> None:
    with pytest.raises(ValidationError, match="provider keys directory"):
        register(escape_paths()[what])
    assert not Provider.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o700])
def test_a_key_file_others_may_read_or_write_is_refused(mode: int) -> None:
    path = write_key_file("sk-test", mode=mode)
    with pytest.raises(ValidationError, match="0600"):
        register(str(path))


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [0o600, 0o400])
def test_a_key_file_of_mode_0600_or_0400_in_the_provider_keys_directory_is_accepted(mode: int) -> None:
    path = write_key_file("sk-test", mode=mode)
    assert register(str(path)).api_key_file == str(path)


@pytest.mark.django_db
def test_a_key_file_owned_by_another_user_is_refused() -> None:
    path = write_key_file("sk-test")
    os.chown(path, os.getuid() + 4242, -1)
    with pytest.raises(ValidationError, match="owned by"):
        register(str(path))


@pytest.mark.django_db
def test_a_key_file_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        register(str(keys_dir() / "missing.key"))


@pytest.mark.django_db
def test_the_api_the_cli_and_the_console_refuse_a_system_file_with_the_same_reason(
    as_user: Callable[[str], APIClient], administrator: User, client: Client
) -> None:
    api = as_user("administrator").post(
        "/api/providers/",
        {
            "name": "p",
            "kind": "openai",
            "base_url": "https://api.example.com/v1",
            "api_key_file": "/etc/hostname",
        },
        format="json",
    )
    assert api.status_code == 400 and "provider keys directory" in api.content.decode()
    with pytest.raises(CommandError, match="provider keys directory"):
        call_command(
            "providers", "add", "p", "--kind", "openai", "--base-url", "https://api.example.com/v1",
            "--api-key-file", "/etc/hostname", stdout=io.StringIO(), stderr=io.StringIO(),
        )  # fmt: skip
    sign_in_verified(client, administrator)
    page = client.post(
        reverse("console:provider_add"),
        {
            "name": "p", "kind": "openai", "base_url": "https://api.example.com/v1",
            "api_key_file": "/etc/hostname", "timeout_seconds": "30", "max_retries": "2",
            "breaker_threshold": "5", "breaker_cooldown_seconds": "30", "is_enabled": "on",
        },
    )  # fmt: skip
    assert page.status_code == 400 and "provider keys directory" in page.content.decode()
    assert not Provider.objects.exists()


@pytest.mark.django_db
def test_the_api_never_says_whether_an_arbitrary_path_is_readable(
    as_user: Callable[[str], APIClient],
) -> None:
    # Rows written before the rules existed (or behind the services' back) are only reported on.
    Provider.objects.create(
        name="shadow", kind="openai", base_url="https://a.example/v1", api_key_file="/etc/shadow"
    )
    Provider.objects.create(
        name="nothing", kind="openai", base_url="https://a.example/v1", api_key_file="/nope/x"
    )
    good = write_key_file("sk-test")
    Provider.objects.create(
        name="good", kind="openai", base_url="https://a.example/v1", api_key_file=str(good)
    )
    Provider.objects.create(
        name="gone",
        kind="openai",
        base_url="https://a.example/v1",
        api_key_file=str(keys_dir() / "gone.key"),
    )
    shown = {p["name"]: p for p in as_user("administrator").get("/api/providers/").json()}
    assert all("api_key_readable" not in p for p in shown.values())
    assert shown["shadow"]["api_key_status"] == shown["nothing"]["api_key_status"]
    assert shown["shadow"]["api_key_status"].startswith("refused: ")
    assert (shown["good"]["api_key_status"], shown["gone"]["api_key_status"]) == ("ok", "missing")


def target_for(path: str) -> ExternalTarget:
    return ExternalTarget(
        model="m", provider_id=1, provider_name="p", kind="openai", base_url="https://a.example/v1",
        api_key_file=path, remote_name="r", region="", timeout_seconds=5, max_retries=0,
        breaker_threshold=3, breaker_cooldown_seconds=1, extra_headers=(), is_enabled=True,
    )  # fmt: skip


@pytest.mark.django_db
def test_a_key_file_is_checked_again_each_time_it_is_read() -> None:
    path = write_key_file("sk-test")
    assert transport.api_key(target_for(str(path))) == "sk-test"
    path.chmod(0o644)
    with pytest.raises(Exception, match="credentials of provider 'p' cannot be read"):
        transport.api_key(target_for(str(path)))
    for escape in ("/etc/hostname", f"{keys_dir()}/../secret_key"):
        with pytest.raises(Exception, match="credentials of provider 'p' cannot be read"):
            transport.api_key(target_for(escape))


def test_a_key_file_made_readable_to_others_after_saving_is_not_sent(egress: Egress, key_file: Path) -> None:
    egress.allow()
    assert egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK).choices
    sent = len(egress.capture.requests)
    key_file.chmod(0o644)
    with pytest.raises(openai.InternalServerError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.body["code"] == "provider_credentials_unavailable"  # type: ignore[index]
    assert len(egress.capture.requests) == sent


@pytest.mark.django_db
def test_the_appliances_own_secret_files_are_refused_even_inside_the_folder(settings: Any) -> None:
    kek = write_key_file("a" * 44, name="audit-kek")
    settings.AIRLOCK_AUDIT_KEK_FILE = str(kek)
    with pytest.raises(ValidationError, match="the appliance's own secret files"):
        register(str(kek))
    with pytest.raises(Exception, match="credentials of provider 'p' cannot be read"):
        transport.api_key(target_for(str(kek)))
