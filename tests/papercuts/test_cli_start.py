"""``airlock`` starts quickly and its help pages show only the operator's options.

Timing belongs to ``bench/cli_startup.py``; these tests check what makes the start quick: no
Presidio, spaCy, Celery or HTTP client imported to print help or list applications, and no
system checks (which import every view) before an operator's command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appliance.commandline import GENERIC_OPTIONS, QUICK_COMMANDS

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("presidio_analyzer", "spacy", "torch", "transformers", "httpx", "httpcore2", "celery")

# Runs the ``airlock`` entry point in this fresh interpreter, then reports what it imported.
PROBE = """
import io, json, sys
from contextlib import redirect_stdout
from appliance.cli import main
out = io.StringIO()
code = 0
with redirect_stdout(out):
    try:
        code = main(["airlock", *sys.argv[1:]])
    except SystemExit as exc:
        code = exc.code
sys.__stdout__.write(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def airlock(*args: str, data_dir: Path) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env["AIRLOCK_DATA_DIR"] = str(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-data")
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env["AIRLOCK_DATA_DIR"] = str(folder)
    subprocess.run(
        [sys.executable, "-m", "appliance.cli", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    return folder


def heavy_imports(result: dict[str, object]) -> list[str]:
    modules = result["modules"]
    assert isinstance(modules, list)
    return sorted({m.split(".")[0] for m in modules if m.split(".")[0] in HEAVY})


def test_the_main_help_imports_neither_django_nor_presidio(tmp_path: Path) -> None:
    result = airlock("--help", data_dir=tmp_path)
    assert "airlock usage limits show" in str(result["out"])
    assert heavy_imports(result) == []
    assert "django.apps" not in result["modules"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "args",
    [
        ["usage", "--help"],
        ["usage", "limits", "set", "--help"],
        ["redaction", "--help"],
        ["redaction", "policy", "set", "--help"],
        ["apps", "--help"],
        ["keys", "create", "--help"],
        ["audit", "--help"],
        ["serve", "--help"],
        ["migrate", "--help"],
    ],
    ids=" ".join,
)
def test_help_pages_leave_out_djangos_generic_options(args: list[str], data_dir: Path) -> None:
    result = airlock(*args, data_dir=data_dir)
    text = str(result["out"])
    assert "usage: airlock" in text or "usage: " in text
    shown = [option for option in sorted(GENERIC_OPTIONS) if option in text]
    assert shown == [], f"{' '.join(args)} still shows {shown}:\n{text}"
    assert "-v {0,1,2,3}" not in text
    assert heavy_imports(result) == [], f"{' '.join(args)} imported {heavy_imports(result)}"


@pytest.mark.parametrize(
    "args",
    [["apps", "list"], ["keys", "list"], ["usage", "limits", "show"], ["redaction", "policy", "show"]],
    ids=" ".join,
)
def test_simple_commands_import_no_heavy_library_and_run_no_system_checks(
    args: list[str], data_dir: Path
) -> None:
    result = airlock(*args, data_dir=data_dir)
    assert heavy_imports(result) == [], f"{' '.join(args)} imported {heavy_imports(result)}"
    # The URL check imports every view module: none of them is loaded by a quick command.
    assert "redaction.api" not in result["modules"]  # type: ignore[operator]
    assert "console.views" not in result["modules"]  # type: ignore[operator]


def test_generic_options_still_work_when_given(data_dir: Path) -> None:
    # Before the subcommand, as with every Django command that has subcommands.
    result = airlock("apps", "--verbosity", "0", "--skip-checks", "list", data_dir=data_dir)
    assert result["code"] in (0, None)


def test_commands_that_need_the_system_checks_still_run_them() -> None:
    assert {"serve", "migrate", "check", "demo"}.isdisjoint(QUICK_COMMANDS)
