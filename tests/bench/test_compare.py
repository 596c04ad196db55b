"""bench/compare.py: a result beside its baseline, and results kept as baselines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import compare

MACHINE = {
    "cpu_model": "Xeon",
    "cpus": 2,
    "cpus_usable": 2,
    "memory_gib": 23.5,
    "kernel": "6.1",
    "python": "3.11.7",
    "loadavg_start": [0.2, 0.1, 0.0],
    "git": {"commit": "a" * 40, "dirty": False},
}


def result(
    started: str = "2026-12-06T15:00:00+00:00", figures: dict[str, float] | None = None
) -> dict[str, Any]:
    return {
        "benchmark": "local_inference",
        "started_at": started,
        "machine": MACHINE,
        "figures": figures or {},
        "verdict": {"result": "MET"},
    }


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data))
    return path


def test_each_figure_gets_its_change_and_which_way_it_moved() -> None:
    base = {"direct.output_tokens_per_s": 20.0, "added_ttft_p50_ms": 2.0, "tokens_per_s_ratio": 1.0}
    new = {"direct.output_tokens_per_s": 22.0, "added_ttft_p50_ms": 3.0, "tokens_per_s_ratio": 1.0}
    rows = {r["figure"]: r for r in compare.rows(base, new)}
    assert rows["direct.output_tokens_per_s"]["change"] == pytest.approx(2.0)
    assert rows["direct.output_tokens_per_s"]["pct"] == pytest.approx(10.0)
    assert rows["direct.output_tokens_per_s"]["moved"] == "better"
    assert rows["added_ttft_p50_ms"]["pct"] == pytest.approx(50.0)
    assert rows["added_ttft_p50_ms"]["moved"] == "worse"  # milliseconds: lower is better
    assert rows["tokens_per_s_ratio"]["moved"] == ""  # unchanged


def test_a_percentage_of_nothing_is_not_shown() -> None:
    (row,) = compare.rows({"added_ttft_p50_ms": 0.0}, {"added_ttft_p50_ms": 0.4})
    assert row["change"] == pytest.approx(0.4) and row["pct"] is None
    (row,) = compare.rows({}, {"new_figure_ms": 1.0})
    assert row["baseline"] is None and row["change"] is None


def test_which_way_is_better_follows_the_name() -> None:
    assert compare.better("airlock.ttft_p95_ms") == "lower"
    assert compare.better("airlock-1w.c16.rps") == "higher"
    assert compare.better("airlock.output_tokens_per_s") == "higher"
    assert compare.better("airlock-1w.c1.cpu_us_per_request") == "lower"
    assert compare.better("airlock.cpu_ms_per_request_less_idle") == "lower"
    assert compare.better("pairs") is None


def test_gateway_overhead_figures_come_from_its_points() -> None:
    report = {
        "benchmark": "gateway_overhead",
        "points": [
            {"target": "airlock-1w", "mode": "chat", "concurrency": 1, "rps": 500.0, "p50_ms": 1.9},
            {"target": "airlock-1w", "mode": "stream", "concurrency": 16, "rps": 600.0, "p99_ms": 40.0},
        ],
        "verdict": {"checks": [{"check": "c=16: ratio", "value": 4.5}]},
    }
    figures = compare.figures_of(report)
    assert figures["airlock-1w.c1.rps"] == 500.0
    assert figures["airlock-1w.c1.p50_ms"] == 1.9
    assert figures["airlock-1w.stream.c16.p99_ms"] == 40.0
    assert figures["check: c=16: ratio"] == 4.5


def test_another_benchmark_is_flattened_without_its_samples() -> None:
    report = {"benchmark": "other", "summary": {"a": 1, "b": {"c": 2.5}}, "samples": {"x": 3}, "ok": True}
    assert compare.figures_of(report) == {"summary.a": 1.0, "summary.b.c": 2.5}


def test_it_prints_the_machines_and_figures_side_by_side(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = write(tmp_path / "base.json", result(figures={"airlock.ttft_p50_ms": 100.0}))
    newer = result(figures={"airlock.ttft_p50_ms": 110.0})
    newer["machine"] = {**MACHINE, "cpu_model": "EPYC", "git": {"commit": "b" * 40, "dirty": True}}
    new = write(tmp_path / "new.json", newer)
    assert compare.main([str(new), str(base)]) == 0
    out = capsys.readouterr().out
    assert "airlock.ttft_p50_ms" in out and "+10.0%" in out and "worse" in out
    assert "aaaaaaaaaa" in out and "bbbbbbbbbb (dirty)" in out
    assert "the machines differ (cpu_model)" in out
    assert "options differ" not in out


def test_it_says_when_the_runs_had_different_options(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = write(tmp_path / "base.json", {**result(), "args": {"requests": 30, "concurrency": 1}})
    new = write(tmp_path / "new.json", {**result(), "args": {"requests": 30, "concurrency": 4}})
    assert compare.main([str(new), str(base)]) == 0
    assert "options differ (concurrency 1 → 4)" in capsys.readouterr().out


def test_results_of_different_benchmarks_are_not_compared(tmp_path: Path) -> None:
    base = write(tmp_path / "base.json", {**result(), "benchmark": "gateway_overhead"})
    new = write(tmp_path / "new.json", result())
    assert compare.main([str(new), str(base)]) == 2
    (tmp_path / "broken.json").write_text("{}")
    assert compare.main([str(tmp_path / "broken.json"), str(base)]) == 2


def test_a_result_is_saved_under_its_benchmark_and_the_day_it_ran(tmp_path: Path) -> None:
    run = write(tmp_path / "local_inference-20261206T150000Z.json", result())
    first = compare.save_baseline(run, tmp_path / "baselines")
    second = compare.save_baseline(run, tmp_path / "baselines")
    assert first.name == "local_inference-2026-12-06.json"
    assert second.name == "local_inference-2026-12-06-2.json"
    assert json.loads(first.read_text()) == result()


def test_without_a_baseline_named_the_newest_run_is_used(tmp_path: Path) -> None:
    write(tmp_path / "local_inference-2026-12-01.json", result("2026-12-01T10:00:00+00:00"))
    write(tmp_path / "local_inference-2026-12-06.json", result("2026-12-06T10:00:00+00:00"))
    write(tmp_path / "gateway_overhead-2026-12-09.json", {**result(), "benchmark": "gateway_overhead"})
    assert (
        compare.latest_baseline("local_inference", tmp_path) == tmp_path / "local_inference-2026-12-06.json"
    )
    assert compare.latest_baseline("cli_startup", tmp_path) is None


def test_the_newest_baseline_run_with_the_same_options_comes_first(tmp_path: Path) -> None:
    one = {**result("2026-12-01T10:00:00+00:00"), "args": {"concurrency": 1}}
    four = {**result("2026-12-06T10:00:00+00:00"), "args": {"concurrency": 4}}
    write(tmp_path / "local_inference-2026-12-01.json", one)
    write(tmp_path / "local_inference-2026-12-06.json", four)
    assert compare.latest_baseline("local_inference", tmp_path, {"concurrency": 1}) == (
        tmp_path / "local_inference-2026-12-01.json"
    )
    assert compare.latest_baseline("local_inference", tmp_path, {"concurrency": 8}) == (
        tmp_path / "local_inference-2026-12-06.json"
    )
