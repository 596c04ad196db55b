"""How long ``airlock`` takes to start: the help page and simple commands, median of N runs.

    .venv/bin/python bench/cli_startup.py [--runs 5] [--tree DIR]

``--tree`` (repeatable) runs the commands from other checkouts (e.g. ``git archive HEAD | tar -x -C DIR``)
with this virtualenv, to compare before and after side by side on the same (noisy) machine.
Commands run against a private data folder with a migrated SQLite database. Prints a table
and writes ``bench/results/cli_startup.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["--help"],
    ["usage", "--help"],
    ["redaction", "policy", "set", "--help"],
    ["apps", "list"],
    ["keys", "list"],
    ["usage", "limits", "show"],
    ["audit", "status"],
    ["models", "list"],
    ["users", "list"],
    ["redaction", "policy", "show"],
]


def run(tree: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run; CPU time suffers less from a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from appliance.cli import main; sys.exit(main())", *args],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    if done.returncode != 0:  # a failing command is not a fast one
        raise SystemExit(f"{tree}: airlock {' '.join(args)} failed:\n{done.stderr.decode()[-2000:]}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--tree", action="append", type=Path, help="a checkout to time (repeat; default: this one)"
    )
    options = parser.parse_args()
    trees = options.tree or [HERE]
    data = Path(tempfile.mkdtemp(prefix="airlock-cli-bench-"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["AIRLOCK_DATA_DIR"] = str(data)
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from appliance.cli import main; sys.exit(main())",
            "migrate",
            "-v0",
        ],
        cwd=trees[0],
        env=env,
        check=True,
    )
    results: dict[str, dict[str, dict[str, float]]] = {}
    for args in COMMANDS:
        name = "airlock " + " ".join(args)
        walls: dict[str, list[float]] = {str(t): [] for t in trees}
        cpus: dict[str, list[float]] = {str(t): [] for t in trees}
        for _ in range(options.runs):
            for tree in trees:  # interleaved: the machine's load falls on both alike
                wall, cpu = run(tree, args, env)
                walls[str(tree)].append(wall)
                cpus[str(tree)].append(cpu)
        results[name] = {
            str(t): {"wall": statistics.median(walls[str(t)]), "cpu": statistics.median(cpus[str(t)])}
            for t in trees
        }
    width = max(len(n) for n in results)
    print(f"{'median seconds, wall / cpu':{width}}  " + "  ".join(f"{str(t)[-20:]:>20}" for t in trees))
    for name, by_tree in results.items():
        cells = [f"{by_tree[str(t)]['wall']:>9.2f} / {by_tree[str(t)]['cpu']:<8.2f}" for t in trees]
        print(f"{name:{width}}  " + "  ".join(f"{c:>20}" for c in cells))
    out = HERE / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "cli_startup.json").write_text(
        json.dumps({"runs": options.runs, "median_seconds": results}, indent=2)
    )


if __name__ == "__main__":
    main()
