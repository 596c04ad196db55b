"""Settings read from the environment fail loudly, and production passes Django's deploy checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from appliance import env

ROOT = Path(__file__).resolve().parents[2]


def test_a_boolean_setting_rejects_a_value_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRLOCK_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="AIRLOCK_X='maybe' is not a boolean"):
        env.envbool("AIRLOCK_X", False)


def test_a_number_setting_rejects_words_and_values_below_its_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRLOCK_N", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env.envint("AIRLOCK_N", 1)
    monkeypatch.setenv("AIRLOCK_N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env.envint("AIRLOCK_N", 1, minimum=1)


def test_a_secret_can_come_from_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cr3t\n")
    monkeypatch.setenv("AIRLOCK_TOKEN_FILE", str(secret))
    assert env.envstr("AIRLOCK_TOKEN") == "s3cr3t"
    monkeypatch.setenv("AIRLOCK_TOKEN", "other")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env.envstr("AIRLOCK_TOKEN")


def test_an_unreadable_secret_file_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRLOCK_TOKEN_FILE", "/nonexistent/secret")
    with pytest.raises(ImproperlyConfigured, match="/nonexistent/secret"):
        env.envstr("AIRLOCK_TOKEN")


def test_database_urls_map_to_the_two_supported_engines(tmp_path: Path) -> None:
    pg = env.database_from_url("postgresql://u:p%40ss@db.internal:5433/airlock?sslmode=require", tmp_path)
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "airlock",
        "u",
        "p@ss",
        "db.internal",
        "5433",
    )
    assert pg["OPTIONS"] == {"sslmode": "require"}
    assert env.database_from_url("", tmp_path)["NAME"] == str(tmp_path / "airlock.sqlite3")
    with pytest.raises(ImproperlyConfigured, match="mysql"):
        env.database_from_url("mysql://x/y", tmp_path)


def _manage(args: list[str], extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AIRLOCK_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **extra_env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _audit_key_files(folder: Path) -> dict[str, str]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from audit.keyring import new_symmetric_key_text

    (folder / "kek").write_bytes(new_symmetric_key_text())
    (folder / "pseudonym").write_bytes(new_symmetric_key_text())
    (folder / "signing.pem").write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return {
        "AIRLOCK_AUDIT_KEK_FILE": str(folder / "kek"),
        "AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE": str(folder / "pseudonym"),
        "AIRLOCK_AUDIT_SIGNING_KEY_FILE": str(folder / "signing.pem"),
    }


def test_a_sqlite_database_named_by_url_runs_like_the_default_one(tmp_path: Path) -> None:
    """WAL, IMMEDIATE transactions and a busy timeout: without them a database named by
    ``DATABASE_URL=sqlite:///...`` ran in rollback-journal mode, where a reader blocks a writer,
    and the scheduled jobs failed with "database is locked" while the gateway served."""
    import sqlite3

    path = tmp_path / "named.sqlite3"
    named = env.database_from_url(f"sqlite:///{path}", tmp_path / "elsewhere")
    default = env.database_from_url("", tmp_path)
    assert named["NAME"] == str(path)
    assert named["OPTIONS"] == default["OPTIONS"]
    assert named["TEST"] == {"NAME": str(tmp_path / "test-named.sqlite3")}
    options = named["OPTIONS"]
    assert isinstance(options, dict)
    db = sqlite3.connect(path)
    try:
        db.executescript(str(options["init_command"]))
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()
    assert env.database_from_url("sqlite://:memory:", tmp_path)["NAME"] == ":memory:"


def test_production_settings_pass_the_deploy_checks(tmp_path: Path) -> None:
    result = _manage(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            **_audit_key_files(tmp_path),
            "AIRLOCK_PROFILE": "production",
            "AIRLOCK_SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-check-only-" + "y" * 20,
            "AIRLOCK_ALLOWED_HOSTS": "airlock.example.internal",
            "AIRLOCK_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgresql://airlock@127.0.0.1:5432/airlock",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_its_audit_keys(tmp_path: Path) -> None:
    result = _manage(
        ["check"],
        {
            "AIRLOCK_PROFILE": "production",
            "AIRLOCK_SECRET_KEY": "k" * 60,
            "AIRLOCK_ALLOWED_HOSTS": "a.internal",
            "AIRLOCK_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgresql://a@127.0.0.1/a",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert result.returncode != 0
    assert "AIRLOCK_AUDIT_KEK_FILE" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = _manage(
        ["check"],
        {
            **_audit_key_files(tmp_path),
            "AIRLOCK_PROFILE": "production",
            "AIRLOCK_ALLOWED_HOSTS": "a.internal",
            "AIRLOCK_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgresql://a@127.0.0.1/a",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert result.returncode != 0
    assert "AIRLOCK_SECRET_KEY" in result.stderr


def test_the_airlock_command_explains_itself() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from appliance.cli import main; main(['airlock', '--help'])"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for command in ("apps create", "keys create", "keys revoke", "models prepare-demo", "vllm serve"):
        assert command in result.stdout
