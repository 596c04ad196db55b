"""A provider's API key file: only a private file in the appliance's provider keys directory.

The key is sent as ``Authorization`` to a URL an administrator chooses, so a key file that
could be any path would let an administrator read any file the appliance can (the penetration
test got ``/etc/hostname``; the Django secret key or the audit keys would follow). The rules,
checked when a provider is saved (API, CLI, console: ``inference.services``) and again every
time the key is read:

- the path is absolute, has no ``..``, and — with every symlink resolved — lies inside
  ``AIRLOCK_PROVIDER_KEYS_DIR``;
- it is a regular file owned by the user the appliance runs as, with mode 0600 or 0400
  (nobody else may read it, nobody may have written it but that user).

Nothing reports whether a path outside the folder exists or can be read: ``status`` answers
"refused" for any such path without looking at it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from django.conf import settings


class KeyFileRefused(Exception):
    """The key file breaks a rule; the message says which, for the administrator."""


class KeyFileMissing(KeyFileRefused):
    """The path is acceptable but no file is there (yet)."""


def keys_dir() -> Path:
    return Path(settings.AIRLOCK_PROVIDER_KEYS_DIR)


def _inside(path: str) -> str:
    """The resolved path, if ``path`` names something inside the provider keys directory."""
    folder = os.path.realpath(keys_dir())
    if not os.path.isabs(path):
        raise KeyFileRefused("The API key file must be an absolute path (it is read by the server).")
    if ".." in Path(path).parts:
        raise KeyFileRefused(
            f"The API key file must be in the provider keys directory {folder}, without '..'."
        )
    real = os.path.realpath(path)
    if os.path.commonpath([folder, real]) != folder or real == folder:
        raise KeyFileRefused(
            f"The API key file must be in the provider keys directory {folder} (AIRLOCK_PROVIDER_KEYS_DIR); "
            "symbolic links out of it are not followed."
        )
    if real in _own_secrets():
        raise KeyFileRefused("The API key file may not be one of the appliance's own secret files.")
    return real


def _own_secrets() -> set[str]:
    """The appliance's own secret files, which no provider key may be, wherever they are."""
    data = Path(settings.DATA_DIR)
    paths = [
        data / name for name in ("secret_key", "audit-kek", "audit-pseudonym-key", "audit-signing-key.pem")
    ]
    for name in (
        "AIRLOCK_AUDIT_KEK_FILE",
        "AIRLOCK_AUDIT_SIGNING_KEY_FILE",
        "AIRLOCK_AUDIT_PSEUDONYM_KEY_FILE",
    ):
        configured = getattr(settings, name, "")
        if configured:
            paths.append(Path(configured))
    # Every secret given to the appliance as a file (AIRLOCK_SECRET_KEY_FILE, DATABASE_URL_FILE…).
    paths += [Path(value) for key, value in os.environ.items() if key.endswith("_FILE") and value]
    return {os.path.realpath(path) for path in paths}


def _check_stat(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise KeyFileRefused("The API key file must be a regular file.")
    if info.st_uid != os.geteuid():
        raise KeyFileRefused(
            f"The API key file must be owned by the user the appliance runs as (uid {os.geteuid()})."
        )
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o177:
        raise KeyFileRefused(
            f"The API key file must have mode 0600 or 0400 (only the appliance may read it), not {mode:04o}."
        )


def check(path: str) -> None:
    """Raise ``KeyFileRefused`` (or ``KeyFileMissing``) unless ``path`` may hold a key."""
    real = _inside(path)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise KeyFileMissing(f"The API key file {path} does not exist.") from None
    except OSError as exc:
        raise KeyFileRefused(f"The API key file cannot be examined: {exc.strerror}.") from None
    _check_stat(info)


def read(path: str) -> str:
    """The key, read now; the rules are checked on the opened file itself."""
    real = _inside(path)
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        raise KeyFileMissing(f"The API key file {path} does not exist.") from None
    except OSError as exc:
        raise KeyFileRefused(f"The API key file cannot be opened: {exc.strerror}.") from None
    with os.fdopen(fd, "rb") as opened:
        # fstat of what was opened: a file swapped in after the path check is checked too.
        _check_stat(os.fstat(opened.fileno()))
        return opened.read(64 * 1024).decode("utf-8").strip()


def status(path: str) -> str:
    """What administrators are told: "ok", "missing", "refused: <why>", or "none" (no file)."""
    if not path:
        return "none"
    try:
        check(path)
    except KeyFileMissing:
        return "missing"
    except KeyFileRefused as exc:
        return f"refused: {exc}"
    return "ok"
