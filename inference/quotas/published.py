"""The in-process quota counters, published for the appliance's other processes to read.

Without Redis the counters live in the memory of the process that serves ``/v1``. An
``airlock usage limits show`` run beside it is another process, with counters of its own that
nothing ever increments: it reported "used 0" while the gateway was answering 429. So a
serving process writes its live counters to ``$AIRLOCK_DATA_DIR/quota-counters/<pid>.json``
(at most once a second, and only after they changed), and readers add up the files of the
processes still running. With several workers and no Redis each worker limits on its own
(``airlock serve`` warns about it); the sum is what the appliance let through.

Only counters are written: key names (application and key ids, windows) and numbers, no
request content. The folder is private to the appliance's user.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings

log = logging.getLogger("airlock.quotas")

INTERVAL_SECONDS = 1.0

_lock = threading.Lock()
_started = False
_wake = threading.Event()


def folder() -> Path:
    return Path(settings.DATA_DIR) / "quota-counters"


def _own_file() -> Path:
    return folder() / f"{os.getpid()}.json"


def changed() -> None:
    """The serving process's counters changed: publish them within ``INTERVAL_SECONDS``.

    Called by the in-process backend on every reservation and settlement; the first call of a
    process starts its publisher thread (a process that never counts publishes nothing).
    """
    global _started
    if not _started:
        with _lock:
            if not _started:
                _started = True
                threading.Thread(target=_publish_forever, name="quota-publisher", daemon=True).start()
    _wake.set()


def _publish_forever() -> None:
    while True:
        _wake.wait()
        _wake.clear()
        try:
            publish()
        except Exception:  # never let the publisher die: the next change retries
            log.exception("publishing the quota counters failed")
        time.sleep(INTERVAL_SECONDS)


def publish() -> None:
    """Write this process's live counters (atomically: readers never see half a file)."""
    from inference.quotas import limiter

    counters = limiter.memory_backend().snapshot()
    path = _own_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"pid": os.getpid(), "written_at": time.time(), "counters": counters}, out)
    os.replace(temporary, path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process with that number: not ours
        return False
    return True


def values(keys: Sequence[str], now: float) -> list[int]:
    """The counters ``keys`` as the other running processes of this appliance last published them."""
    totals = [0] * len(keys)
    where = folder()
    if not keys or not where.is_dir():
        return totals
    wanted = {key: i for i, key in enumerate(keys)}
    for path in where.glob("*.json"):
        try:
            pid = int(path.stem)
        except ValueError:
            continue
        if pid == os.getpid():
            continue  # this process's own counters are read from memory
        if not _running(pid):
            with contextlib.suppress(OSError):
                path.unlink()  # a process that has ended: its counters ended with it
            continue
        try:
            published: dict[str, Any] = json.loads(path.read_text())
        except (OSError, ValueError):
            continue  # being replaced right now, or unreadable: skip this one
        for key, (value, expire_at) in published.get("counters", {}).items():
            index = wanted.get(key)
            if index is not None and expire_at > now:
                totals[index] += int(value)
    return totals
