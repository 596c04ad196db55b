"""bench/local_inference.py's arithmetic: per-path figures, the comparison and the verdict."""

from __future__ import annotations

import pytest

from bench import local_inference as li


def sample(
    path: str, pair: int, ttft: float, total: float = 1000.0, tokens: int = 20, error: str = ""
) -> li.Sample:
    return li.Sample(path, pair, 0, 0, ttft, total, tokens, tokens, 20.0, error)


def test_percentiles_interpolate_between_ranks() -> None:
    assert li.percentile([], 50) is None
    assert li.percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert li.percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert li.percentile([float(v) for v in range(1, 101)], 95) == pytest.approx(95.05)


def test_tokens_per_second_ratio_and_added_time_to_first_token() -> None:
    samples = [
        sample("direct", 0, 100.0, total=1000.0),
        sample("airlock", 0, 103.0, total=1000.0),
        sample("direct", 1, 110.0, total=1000.0),
        sample("airlock", 1, 111.0, total=1250.0),
    ]
    paths, comparison = li.summarise(samples)
    assert paths["direct"]["output_tokens_per_s"] == pytest.approx(20.0)  # 40 tokens in 2 s
    assert paths["airlock"]["output_tokens_per_s"] == pytest.approx(40 / 2.25)
    assert comparison["tokens_per_s_ratio"] == pytest.approx(40 / 2.25 / 20)
    assert comparison["added_ttft_p50_ms"] == pytest.approx(107.0 - 105.0)
    assert comparison["paired_added_ttft_p50_ms"] == pytest.approx(2.0)  # median of 3 and 1
    assert comparison["pairs"] == 2


def test_failed_requests_are_counted_not_averaged() -> None:
    samples = [sample("direct", 0, 100.0), sample("airlock", 0, 0.0, total=0.0, tokens=0, error="boom")]
    paths, comparison = li.summarise(samples)
    assert paths["airlock"]["errors"] == 1 and paths["airlock"]["ttft_p50_ms"] is None
    assert comparison["tokens_per_s_ratio"] is None and comparison["pairs"] == 0
    _lines, data = li.verdict(comparison, errors=1)
    assert data["result"] == "INVALID"


def test_the_verdict_names_each_target_met_or_not() -> None:
    met = {"tokens_per_s_ratio": 0.99, "added_ttft_p50_ms": 1.2}
    lines, data = li.verdict(met, errors=0)
    assert data["result"] == "MET"
    assert [c["result"] for c in data["checks"]] == ["MET", "MET"]
    missed = {"tokens_per_s_ratio": 0.96, "added_ttft_p50_ms": 1.2}
    lines, data = li.verdict(missed, errors=0)
    assert data["result"] == "NOT MET"
    assert lines[0].startswith("  NOT MET") and "0.960x" in lines[0]
    slow = {"tokens_per_s_ratio": 1.0, "added_ttft_p50_ms": 5.01}
    assert li.verdict(slow, errors=0)[1]["result"] == "NOT MET"


def test_options() -> None:
    quick = li.parse_args(["--quick"])
    assert (quick.requests, quick.max_tokens) == (8, 32)
    default = li.parse_args([])
    assert (default.requests, default.max_tokens) == (30, 64)
    assert li.parse_args(["--quick", "--requests", "12"]).requests == 12
    with pytest.raises(SystemExit):
        li.parse_args(["--requests", "1"])
