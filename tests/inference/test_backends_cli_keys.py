"""``airlock backends add --api-key-file`` and ``set-key``: the key a GPU host's vLLM demands.

The gateway sends the named file's content to the backend's URL as a bearer token, reading it
by the provider key files' rules, so the CLI refuses a file the gateway would refuse (relative,
outside the provider keys folder, readable by others, one of the appliance's own secrets,
empty) before anything is written, and audits every change.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from audit.models import AuditRecord
from inference.models import Backend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keys_dir(tmp_path: Path) -> Iterator[Path]:
    """The provider keys folder the gateway reads keys from (tmp_path itself, mode 0700)."""
    tmp_path.chmod(0o700)
    with override_settings(AIRLOCK_PROVIDER_KEYS_DIR=str(tmp_path)):
        yield tmp_path


URL = "http://127.0.0.1:9"  # nothing listens: registered as unhealthy, which is fine here


def _key(tmp_path: Path, mode: int = 0o600, content: str = "s3cret-vllm-key\n") -> Path:
    path = tmp_path / "vllm-api-key"
    path.write_text(content)
    path.chmod(mode)
    return path


def _run(*argv: str) -> str:
    out = io.StringIO()
    call_command("backends", *argv, stdout=out)
    return out.getvalue()


def _key_changes(name: str) -> list[dict[str, object]]:
    metas = [
        json.loads(body)["meta"]
        for body in AuditRecord.objects.filter(event="backend.registered", target_id=name)
        .order_by("id")
        .values_list("body", flat=True)
    ]
    return [m for m in metas if "api_key_file" in (m.get("new") or {})]


def test_add_with_a_private_key_file_records_it_and_audits_the_change(tmp_path: Path) -> None:
    key = _key(tmp_path)
    out = _run("add", "gpu1-smol", URL, "--api-key-file", str(key))
    assert f"sent the key in {key}" in out
    assert Backend.objects.get(name="gpu1-smol").api_key_file == str(key)
    assert _key_changes("gpu1-smol") == [{"old": {"api_key_file": ""}, "new": {"api_key_file": str(key)}}]
    assert "s3cret" not in str(list(AuditRecord.objects.values_list("body", flat=True)))
    assert f"key file {key}" in _run("list")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: "relative/vllm-api-key", "must be an absolute path"),
        (lambda p: str(p / "absent"), "does not exist"),
        (lambda p: str(_key(p, 0o644)), "must have mode 0600 or 0400"),
        (lambda p: str(_key(p, 0o640)), "must have mode 0600 or 0400"),
        (lambda p: str(_key(p, 0o600, "\n")), "is empty"),
        (lambda p: str(p / ".." / p.name / "vllm-api-key"), "without '..'"),
        (lambda p: "/etc/hostname", "must be in the provider keys directory"),
    ],
)
def test_add_refuses_a_key_file_not_meant_for_it_and_registers_nothing(
    tmp_path: Path, make: object, message: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(CommandError, match=message):
        _run("add", "gpu1-smol", URL, "--api-key-file", path)
    assert not Backend.objects.filter(name="gpu1-smol").exists()


def test_one_of_the_appliances_own_secrets_is_refused_as_a_backend_key(tmp_path: Path) -> None:
    kek = _key(tmp_path)
    refused = pytest.raises(CommandError, match="own secret files")
    with override_settings(AIRLOCK_AUDIT_KEK_FILE=str(kek)), refused:
        _run("add", "gpu1-smol", URL, "--api-key-file", str(kek))
    assert not Backend.objects.filter(name="gpu1-smol").exists()


def test_set_key_changes_and_clears_the_key_file_audited_each_time(tmp_path: Path) -> None:
    _run("add", "gpu1-smol", URL)
    first = _key(tmp_path)
    second = tmp_path / "rotated"
    second.write_text("another-key")
    second.chmod(0o400)
    assert "now sent the key" in _run("set-key", "gpu1-smol", str(first))
    assert "nothing changed" in _run("set-key", "gpu1-smol", str(first))
    _run("set-key", "gpu1-smol", str(second))
    assert "now sent no key" in _run("set-key", "gpu1-smol", "--clear")
    assert Backend.objects.get(name="gpu1-smol").api_key_file == ""
    assert [m["new"] for m in _key_changes("gpu1-smol")] == [
        {"api_key_file": str(first)},
        {"api_key_file": str(second)},
        {"api_key_file": ""},
    ]
    with pytest.raises(CommandError, match="mode 0600 or 0400"):
        _run("set-key", "gpu1-smol", str(_key(tmp_path, 0o604)))
    with pytest.raises(CommandError, match="No backend named"):
        _run("set-key", "nope", str(second))
