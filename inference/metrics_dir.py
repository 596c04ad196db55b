"""Multiprocess metrics under gunicorn: the directory every worker writes to, and its upkeep.

``airlock serve`` calls ``prepare`` before it becomes gunicorn: a fresh, empty directory per
start (counters of a previous run must not be added to this one's), named in
``PROMETHEUS_MULTIPROC_DIR`` for every worker. gunicorn loads this module as a configuration
(``--config python:inference.metrics_dir``) for ``child_exit``: a worker that exits has its live
gauges removed, so a dead worker's circuit state is not reported as current. It lives outside
the ``inference.metrics`` package so that gunicorn's master process creates no metrics of its own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from appliance.env import envstr

ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare(bind: str) -> Path:
    """Empty the metrics directory of this address (created private to the user) and name it."""
    base = Path(
        envstr("AIRLOCK_METRICS_DIR") or Path(tempfile.gettempdir()) / f"airlock-metrics-{os.getuid()}"
    )
    folder = base / bind.replace(":", "_").replace("/", "_")
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, mode=0o700)
    base.chmod(0o700)
    os.environ[ENV] = str(folder)
    return folder


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    if os.environ.get(ENV):
        multiprocess.mark_process_dead(worker.pid)
