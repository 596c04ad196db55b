"""Provider API key files for tests, where the appliance accepts them: its provider keys directory."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings


def keys_dir() -> Path:
    folder = Path(settings.AIRLOCK_PROVIDER_KEYS_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def write_key_file(content: str, *, name: str | None = None, mode: int = 0o600) -> Path:
    """A key file in the provider keys directory, owned by this process's user, mode 0600 by default.

    Each call gets its own name unless one is given: the folder is shared by the whole run.
    """
    path = keys_dir() / (name or f"{uuid.uuid4().hex}.key")
    path.write_text(content + "\n")
    path.chmod(mode)
    return path
