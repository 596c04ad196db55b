"""Every setting can be read from ``NAME_FILE`` (README, "Settings"), through one helper.

``AIRLOCK_BIND``, ``AIRLOCK_WORKERS`` and ``AIRLOCK_VLLM_VENV`` were read from the environment
directly and ignored their ``_FILE``; a scan of the source keeps any other setting from doing so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from inference import metrics_dir, vllm
from inference.management.commands import serve

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["appliance", "inference", "redaction", "audit", "console", "quality", "identity", "semcache"]
# Read from the environment on purpose, and not settings: who ran a command and their
# credentials (the audit log's actor, issue 18 item 3), and the test runner's own folder.
NOT_SETTINGS = {"AIRLOCK_ACTOR", "AIRLOCK_PASSWORD", "AIRLOCK_TOTP", "AIRLOCK_TEST_DATA_DIR"}
DIRECT_READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|os\.environ\[|environ\.get)\(?\s*["'](AIRLOCK_[A-Z0-9_]+|DATABASE_URL|REDIS_URL)["']"""
)


def written(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / f"{name}.value"
    path.write_text(value + "\n")  # a trailing newline, as editors and `echo` leave one
    return str(path)


class Exec(Exception):
    """Raised instead of replacing the test process with gunicorn."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.argv = argv


@pytest.fixture
def no_exec(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    def fake_execv(path: str, argv: list[str]) -> None:
        raise Exec(argv)

    monkeypatch.setattr(serve.os, "execv", fake_execv)
    settings.AIRLOCK_METRICS = False


def served_with(*args: str) -> list[str]:
    with pytest.raises(Exec) as raised:
        call_command("serve", *args)
    return raised.value.argv


def test_airlock_bind_is_read_from_its_file(
    no_exec: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("AIRLOCK_BIND", raising=False)
    monkeypatch.setenv("AIRLOCK_BIND_FILE", written(tmp_path, "bind", "127.0.0.1:8123"))
    argv = served_with("--workers", "1")
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8123"


def test_airlock_workers_is_read_from_its_file(
    no_exec: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, settings: Any
) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    monkeypatch.delenv("AIRLOCK_WORKERS", raising=False)
    monkeypatch.setenv("AIRLOCK_WORKERS_FILE", written(tmp_path, "workers", "3"))
    argv = served_with()
    assert argv[argv.index("--workers") + 1] == "3"


def test_a_bad_workers_file_stops_serve_with_the_settings_name(
    no_exec: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AIRLOCK_WORKERS_FILE", written(tmp_path, "workers", "many"))
    with pytest.raises(ImproperlyConfigured, match="AIRLOCK_WORKERS"):
        served_with()


def test_airlock_vllm_venv_is_read_from_its_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("AIRLOCK_VLLM_VENV", raising=False)
    monkeypatch.setenv("AIRLOCK_VLLM_VENV_FILE", written(tmp_path, "venv", str(tmp_path / "vllm-venv")))
    assert vllm.default_venv() == tmp_path / "vllm-venv"


def test_airlock_metrics_dir_is_read_from_its_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("AIRLOCK_METRICS_DIR", raising=False)
    monkeypatch.setenv("AIRLOCK_METRICS_DIR_FILE", written(tmp_path, "metrics", str(tmp_path / "metrics")))
    monkeypatch.delenv(metrics_dir.ENV, raising=False)
    folder = metrics_dir.prepare("127.0.0.1:8000")
    assert folder.parent == tmp_path / "metrics"


def test_both_a_setting_and_its_file_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AIRLOCK_VLLM_VENV", "/opt/vllm")
    monkeypatch.setenv("AIRLOCK_VLLM_VENV_FILE", written(tmp_path, "venv", "/opt/other"))
    with pytest.raises(ImproperlyConfigured, match="either AIRLOCK_VLLM_VENV or AIRLOCK_VLLM_VENV_FILE"):
        vllm.default_venv()


def test_settings_read_at_start_come_from_files_too(tmp_path: Path) -> None:
    """A fresh process: the settings module itself reads ``NAME_FILE`` (one setting of each kind)."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("AIRLOCK_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env["AIRLOCK_DATA_DIR_FILE"] = written(tmp_path, "data", str(tmp_path / "data"))
    env["AIRLOCK_SESSION_SECONDS_FILE"] = written(tmp_path, "session", "600")
    env["AIRLOCK_ALLOWED_HOSTS_FILE"] = written(tmp_path, "hosts", "airlock.example.internal,localhost")
    env["AIRLOCK_METRICS_FILE"] = written(tmp_path, "metrics", "false")
    env["DJANGO_SETTINGS_MODULE"] = "appliance.settings"
    code = (
        "from django.conf import settings as s; "
        "print(s.DATA_DIR, s.SESSION_COOKIE_AGE, ','.join(s.ALLOWED_HOSTS), s.AIRLOCK_METRICS)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [
        str(tmp_path / "data"),
        "600",
        "airlock.example.internal,localhost",
        "False",
    ]


def test_no_setting_is_read_from_the_environment_past_the_one_helper() -> None:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if (path.name == "env.py" and path.parent.name == "appliance") or path.name == "test_settings.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                for name in DIRECT_READ.findall(line):
                    if name not in NOT_SETTINGS:
                        found.append(f"{path.relative_to(ROOT)}:{number}: {name}")
    assert found == [], (
        "read these with appliance.env (envstr, envint, ...) so NAME_FILE works:\n" + "\n".join(found)
    )
