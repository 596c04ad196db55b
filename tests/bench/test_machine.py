"""bench/machine.py: the description of the machine every benchmark's JSON carries."""

from __future__ import annotations

import json
import os
import subprocess

from bench import machine

CPUINFO = """\
processor\t: 0
vendor_id\t: GenuineIntel
model name\t: Intel(R) Xeon(R) Platinum 8480C
flags\t\t: fpu sse2 avx2 avx512f amx_tile
processor\t: 1
model name\t: Intel(R) Xeon(R) Platinum 8480C
"""


def test_it_reads_the_cpu_model_and_the_instruction_sets_that_matter() -> None:
    assert machine.cpu_model(CPUINFO) == "Intel(R) Xeon(R) Platinum 8480C"
    assert machine.cpu_flags(CPUINFO) == ["avx2", "avx512f", "amx_tile"]
    assert machine.cpu_flags("processor : 0\n") is None


def test_it_reads_memory_in_gib() -> None:
    assert machine.memory_gib("MemTotal:       24576000 kB\nMemFree: 1 kB\n") == 23.4
    assert machine.memory_gib("nothing here") is None


def test_the_description_has_every_field_and_is_json() -> None:
    described = machine.describe()
    for field in (
        "cpu_model",
        "cpus",
        "cpus_usable",
        "memory_gib",
        "kernel",
        "python",
        "loadavg_start",
        "git",
    ):
        assert field in described
    assert described["cpus"] == os.cpu_count()
    assert described["cpus_usable"] >= 1
    assert len(described["loadavg_start"]) == 3
    assert json.loads(json.dumps(described)) == described


def test_a_load_average_read_earlier_is_kept() -> None:
    assert machine.describe((1.234, 0.5, 0.25))["loadavg_start"] == [1.23, 0.5, 0.25]


def test_it_names_the_commit_and_whether_the_tree_is_dirty() -> None:
    git = machine.describe()["git"]
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=machine.REPO, capture_output=True, text=True, check=False
    ).stdout.strip()
    assert git["commit"] == (head or None)
    assert isinstance(git["dirty"], bool)


def test_outside_a_repository_git_is_unknown_not_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert machine.git_state(tmp_path) == {"commit": None, "dirty": None, "changed_files": None}


def test_the_summary_line_shows_the_essentials() -> None:
    line = machine.summary(
        {
            "cpu_model": "Xeon",
            "cpus_usable": 2,
            "memory_gib": 23.5,
            "kernel": "6.1",
            "python": "3.11.7",
            "loadavg_start": [0.5, 0.1, 0.0],
            "git": {"commit": "0123456789abcdef", "dirty": True},
        }
    )
    assert line == (
        "Xeon, 2 cores, 23.5 GiB, kernel 6.1, Python 3.11.7, load 0.50 at start, commit 0123456789 (dirty)"
    )
