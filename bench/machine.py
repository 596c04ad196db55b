"""What machine and tree a benchmark ran on: the ``machine`` block of every benchmark's JSON.

A figure is only worth comparing with another taken on a similar machine, from a known commit,
while the machine was not busy with something else. ``describe()`` records what a reader needs
to judge that: the CPU model, cores (all and usable), memory, kernel, Python, the load average
when the run started and the git commit with whether the tree had uncommitted changes.

    from bench import machine
    report = {"benchmark": "...", "machine": machine.describe(), ...}

Only the standard library and ``git`` (when present); every probe that fails gives ``None``
rather than an error, so a benchmark never dies for want of a description.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(errors="replace")
    except OSError:
        return None


def cpu_model(cpuinfo: str | None = None) -> str | None:
    """The processor's name from ``/proc/cpuinfo`` (``model name``), else ``platform.processor()``."""
    text = _read("/proc/cpuinfo") if cpuinfo is None else cpuinfo
    for line in (text or "").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip() in ("model name", "Model", "Hardware") and value.strip():
            return value.strip()
    return platform.processor() or None


NOTABLE_FLAGS = ("avx2", "avx512f", "avx512_bf16", "amx_bf16", "amx_tile")


def cpu_flags(cpuinfo: str | None = None) -> list[str] | None:
    """Which of the instruction sets that decide CPU inference speed the processor has."""
    text = _read("/proc/cpuinfo") if cpuinfo is None else cpuinfo
    for line in (text or "").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip() == "flags":
            present = set(value.split())
            return [flag for flag in NOTABLE_FLAGS if flag in present]
    return None


def memory_gib(meminfo: str | None = None) -> float | None:
    """Total memory in GiB from ``/proc/meminfo`` (``MemTotal``, in kB)."""
    text = _read("/proc/meminfo") if meminfo is None else meminfo
    for line in (text or "").splitlines():
        if line.startswith("MemTotal:"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                return round(int(parts[1]) / 1024**2, 1)
    return None


def usable_cpus() -> int | None:
    """The cores this process may run on (CPU affinity), which a container may limit."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count()


def cpu_quota() -> float | None:
    """A cgroup v2 CPU limit in cores (``cpu.max``), or ``None`` when there is none."""
    text = _read("/sys/fs/cgroup/cpu.max")
    if not text:
        return None
    quota, _, period = text.strip().partition(" ")
    if quota == "max" or not quota.isdigit() or not period.isdigit() or int(period) == 0:
        return None
    return round(int(quota) / int(period), 2)


def git_state(repo: Path = REPO) -> dict[str, Any]:
    """The commit checked out and whether tracked files differ from it (``None`` without git)."""

    def git(*argv: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *argv], cwd=repo, capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "commit": commit,
        "dirty": None if status is None else bool(status),
        "changed_files": None if status is None else len(status.splitlines()),
    }


def load_average() -> list[float] | None:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


def describe(loadavg_start: tuple[float, ...] | list[float] | None = None) -> dict[str, Any]:
    """The machine and the tree, as a JSON-ready dict.

    Call it when the run starts (before starting servers), or pass the load average read then:
    the load at the start says whether something else was already using the machine.
    """
    load = [round(v, 2) for v in loadavg_start] if loadavg_start is not None else load_average()
    uname = platform.uname()
    return {
        "cpu_model": cpu_model(),
        "cpu_flags": cpu_flags(),
        "cpus": os.cpu_count(),
        "cpus_usable": usable_cpus(),
        "cpu_quota": cpu_quota(),
        "memory_gib": memory_gib(),
        "kernel": uname.release,
        "arch": uname.machine,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "loadavg_start": load,
        "git": git_state(),
    }


def summary(description: dict[str, Any]) -> str:
    """One line for a report's header: ``Intel Xeon, 2 cores, 23.4 GiB, Linux 6.1, load 0.12``."""
    git = description.get("git") or {}
    commit = (git.get("commit") or "?")[:10] + (" (dirty)" if git.get("dirty") else "")
    load = description.get("loadavg_start") or [None]
    load_text = "?" if load[0] is None else f"{load[0]:.2f}"
    return (
        f"{description.get('cpu_model') or '?'}, {description.get('cpus_usable') or '?'} cores, "
        f"{description.get('memory_gib') or '?'} GiB, kernel {description.get('kernel') or '?'}, "
        f"Python {description.get('python') or '?'}, load {load_text} at start, commit {commit}"
    )


if __name__ == "__main__":
    import json

    print(json.dumps(describe(), indent=2))
