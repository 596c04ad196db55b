"""``airlock quality``: importing golden sets, running drift, validating an answer from stdin."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quality import drift, runner
from quality.models import DriftRun, GoldenItem, GoldenSet
from tests.conftest import ROOT


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("quality", *args, stdout=out)
    return out.getvalue()


GOOD = [
    json.dumps({"id": "fr", "prompt": "Capital of France?", "reference": "Paris."}),
    json.dumps({"prompt": "Capital of Spain?", "reference": "Madrid."}),
]


def test_a_golden_set_is_imported_and_reimported_by_id(db: None, tmp_path: Path) -> None:
    path = write(tmp_path / "set.jsonl", GOOD)
    assert "2 added, 0 replaced, 2 items" in run("golden", "import", str(path), "--model", "chat")
    changed = [json.dumps({"id": "fr", "prompt": "Capital of France?", "reference": "Paris, on the Seine."})]
    assert "0 added, 1 replaced, 2 items" in run(
        "golden", "import", str(write(path, changed)), "--model", "chat"
    )
    assert GoldenItem.objects.get(key="fr").reference == "Paris, on the Seine."
    assert "chat\t2 items\tno baseline" in run("golden", "list")


def test_a_bad_file_imports_nothing_and_names_every_bad_line(db: None, tmp_path: Path) -> None:
    lines = [
        GOOD[0],
        "{not json",
        json.dumps({"prompt": "", "reference": "x"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "fr", "prompt": "again", "reference": "y"}),
        "",
        json.dumps({"prompt": "p", "reference": "r", "colour": "red"}),
    ]
    with pytest.raises(CommandError) as caught:
        run("golden", "import", str(write(tmp_path / "bad.jsonl", lines)), "--model", "chat")
    message = str(caught.value)
    assert "nothing imported" in message
    assert "line 2: not JSON" in message
    assert 'line 3: "prompt" must be a non-empty string' in message
    assert "line 4: expected an object" in message
    assert "line 5: id 'fr' was already used on line 1" in message
    assert "line 7: unknown fields colour" in message
    assert not GoldenSet.objects.exists()


def test_a_missing_file_is_a_clear_error(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        run("golden", "import", str(tmp_path / "absent.jsonl"), "--model", "chat")


def test_drift_run_makes_a_baseline_then_finds_drift(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    run("golden", "import", str(write(tmp_path / "set.jsonl", GOOD)), "--model", "chat")
    settings.AIRLOCK_QUALITY_API_KEY = "al-test-key"
    replies: dict[str, Callable[[str], str]] = {
        "good": lambda prompt: {"Capital of France?": "Paris.", "Capital of Spain?": "Madrid."}[prompt],
        "bad": lambda prompt: "No idea at all.",
    }
    mode = {"now": "good"}
    monkeypatch.setattr(runner, "gateway_answerer", lambda model, **_: replies[mode["now"]])
    assert "baseline, mean rouge_l 1.000" in run("drift", "run", "--model", "chat", "--baseline")
    mode["now"] = "bad"
    with pytest.raises(CommandError, match="drift detected"):
        run("drift", "run", "--model", "chat")
    assert DriftRun.objects.filter(status="drift").count() == 1
    assert ": drift, mean rouge_l 0.000" in run("drift", "list", "--model", "chat")


def test_drift_run_without_a_set_or_a_key_says_what_to_do(db: None, tmp_path: Path, settings) -> None:
    with pytest.raises(CommandError, match="no golden set for 'chat'"):
        run("drift", "run", "--model", "chat")
    run("golden", "import", str(write(tmp_path / "set.jsonl", GOOD)), "--model", "chat")
    settings.AIRLOCK_QUALITY_API_KEY = ""
    with pytest.raises(CommandError, match="AIRLOCK_QUALITY_API_KEY"):
        run("drift", "run", "--model", "chat")
    with pytest.raises(CommandError, match="chat@9 is not deployed"):
        run("drift", "run", "--model", "chat", "--version", "9")


def test_drift_run_of_a_version_asks_its_backend(
    deployment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("golden", "import", str(write(tmp_path / "set.jsonl", GOOD)), "--model", "chat")
    asked = []

    def direct(dep, **_: object) -> Callable[[str], str]:
        asked.append(dep.pk)
        return lambda prompt: "Paris."

    monkeypatch.setattr(runner, "deployment_answerer", direct)
    version = deployment.model_version.version
    out = run("drift", "run", "--model", "chat", "--version", version)
    assert asked == [deployment.pk] and "no_baseline" in out
    assert DriftRun.objects.get().version == version
    assert drift.baseline_of(GoldenSet.objects.get()) is None


def airlock(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "appliance.cli", "quality", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env={"DJANGO_SETTINGS_MODULE": "appliance.test_settings", "PATH": "/usr/bin:/bin"},
    )


def test_validate_answer_reads_stdin_and_exits_non_zero_on_problems(tmp_path: Path) -> None:
    ok = airlock("validate-answer", stdin="The capital of France is Paris.")
    assert ok.returncode == 0 and "ok: no problem found" in ok.stdout
    bad = airlock("validate-answer", "--max-chars", "50", stdin="the " * 40)
    assert bad.returncode == 1
    assert "too_long: The answer has 160 characters; at most 50 allowed." in bad.stdout
    assert "repetition: A word is repeated 40 times in a row." in bad.stdout
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"type": "object", "required": ["name"]}))
    wrong = airlock("validate-answer", "--schema", str(schema), stdin='{"age": 3}')
    assert wrong.returncode == 1 and "schema: The answer does not match" in wrong.stdout
