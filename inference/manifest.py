"""SHA-256 manifests of model weight folders."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

CHUNK = 4 * 1024 * 1024
# Files that never influence what the model answers and may legitimately change.
IGNORED = {".DS_Store"}

Progress = Callable[[str, int, int], None]


def compute(folder: Path, progress: Progress | None = None) -> tuple[dict[str, str], int]:
    """Hash every file below ``folder``; returns ({relative path: sha256}, total bytes).

    ``progress(name, bytes_done, bytes_total)`` is called as the work advances.
    """
    folder = folder.resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in IGNORED)
    if not files:
        raise ValueError(f"{folder} contains no files")
    total = sum(p.stat().st_size for p in files)
    done = 0
    manifest: dict[str, str] = {}
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(path.name, done, total)
        manifest[path.relative_to(folder).as_posix()] = digest.hexdigest()
    return manifest, total


def manifest_digest(manifest: dict[str, str]) -> str:
    """One SHA-256 over the whole manifest, stable across platforms (sorted, compact JSON)."""
    return hashlib.sha256(json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def verify(folder: Path, manifest: dict[str, str]) -> list[str]:
    """The files whose content no longer matches ``manifest`` (missing, changed or added)."""
    current, _ = compute(folder)
    return differences(current, manifest)


def differences(current: dict[str, str], manifest: dict[str, str]) -> list[str]:
    """What differs between a folder's ``current`` hashes and its registered ``manifest``."""
    problems = [
        f"changed: {name}" for name, digest in manifest.items() if current.get(name) not in (None, digest)
    ]
    problems += [f"missing: {name}" for name in manifest if name not in current]
    problems += [f"added: {name}" for name in current if name not in manifest]
    return sorted(problems)
