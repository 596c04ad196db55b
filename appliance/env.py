"""Typed readers for settings that come from the environment.

Every reader fails loudly with ``ImproperlyConfigured`` on a value it cannot parse, so a
mistyped setting stops the appliance at start-up instead of misbehaving under load. Every
reader also accepts ``NAME_FILE``: the value is then read from that file (Docker/systemd
credentials, Ansible-managed secret files), which keeps secrets out of the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        if name in os.environ:
            raise ImproperlyConfigured(f"Set either {name} or {name}_FILE, not both.")
        try:
            return Path(file_name).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_name!r} cannot be read: {exc}") from exc
    return os.environ.get(name)


def envstr(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = _raw(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"{name} (or {name}_FILE) must be set.")
        return default if default is not None else ""
    return value


def envbool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use true/false, 1/0, yes/no, on/off).")


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
    return number


def envfloat(name: str, default: float, *, minimum: float | None = None) -> float:
    value = _raw(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
    return number


def envlist(name: str, default: list[str] | None = None) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = envstr(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value


def _sqlite_file(path: Path) -> dict[str, object]:
    """A SQLite database file as the appliance runs it (the embedded profile)."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # Tests get a file too, not SQLite's in-memory database: its shared cache locks
        # whole tables and fails at once ("table is locked") instead of waiting, and the
        # gateway writes the audit log from several threads.
        "TEST": {"NAME": str(path.with_name(f"test-{path.name}"))},
        # A local file: keep connections open. With the default (0) the audit writer's
        # close_old_connections() would reopen the database, and rerun its PRAGMAs, per batch.
        "CONN_MAX_AGE": None,
        "OPTIONS": {
            # WAL lets the inference path read while a writer commits; IMMEDIATE avoids
            # the "database is locked" upgrade deadlock between two writers.
            "transaction_mode": "IMMEDIATE",
            "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"),
        },
    }


def database_from_url(url: str, data_dir: Path) -> dict[str, object]:
    """Turn ``DATABASE_URL`` into a Django ``DATABASES['default']`` entry.

    Only the two engines the appliance supports are accepted: an unknown scheme is a
    configuration mistake, not something to guess at.
    """
    from urllib.parse import parse_qs, unquote, urlsplit

    if not url:
        return _sqlite_file(data_dir / "airlock.sqlite3")
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        if path.startswith("//"):
            path = path[1:]
        elif path.startswith("/"):
            path = path[1:] if not parts.netloc else path
        if not path or path == ":memory:":
            return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "CONN_MAX_AGE": None}
        # The same settings as the default file: without them a database named by URL ran in
        # rollback-journal mode, where readers block writers, and scheduled jobs failed with
        # "database is locked" under load.
        return _sqlite_file(Path(path))
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        options: dict[str, object] = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported: use postgresql://… or sqlite:///path."
    )
