"""Calibration moves the threshold only on evidence (``semcache.calibration``): a few reports
of wrong hits among a handful of hits must not switch an application's cache off."""

from __future__ import annotations

import random

import pytest

from semcache.calibration import CEILING, MIN_REPORTS, RISE_PER_REPORT, choose_threshold, wilson_lower
from semcache.index import wilson_upper


def test_one_or_two_reports_leave_the_threshold_where_the_application_set_it() -> None:
    sims = [0.981, 0.984, 0.96, 0.97]
    assert choose_threshold(sims, [True, False, False, False], 0.005, floor=0.95) == 0.95
    assert choose_threshold(sims, [True, True, False, False], 0.005, floor=0.95) == 0.95


def test_a_few_reports_high_up_raise_the_threshold_a_little_not_to_the_top() -> None:
    # Three wrong hits at 0.98: the old rule went to 0.985, past every paraphrase.
    sims = [0.981, 0.982, 0.983, 0.99, 0.96]
    chosen = choose_threshold(sims, [True, True, True, False, False], 0.005, floor=0.95)
    assert chosen == pytest.approx(0.95 + MIN_REPORTS * RISE_PER_REPORT)
    assert chosen < 0.98


def test_many_reports_lift_the_threshold_just_above_the_wrong_hits() -> None:
    rng = random.Random(16)
    sims = [0.95 + 0.049 * rng.random() for _ in range(600)]
    wrong = [s < 0.962 and rng.random() < 0.3 for s in sims]
    assert sum(wrong) >= 20
    chosen = choose_threshold(sims, wrong, 0.005, floor=0.95)
    assert 0.96 <= chosen <= 0.965
    above = [w for s, w in zip(sims, wrong, strict=True) if s >= chosen]
    assert not any(above)


def test_the_threshold_never_passes_the_ceiling_nor_drops_below_the_floor() -> None:
    sims = [0.99 + 0.001 * i for i in range(9)] * 20
    chosen = choose_threshold(sims, [True] * len(sims), 0.005, floor=0.95)
    assert 0.95 < chosen <= CEILING
    assert choose_threshold(sims, [False] * len(sims), 0.005, floor=0.97) == 0.97
    assert choose_threshold([], [], 0.005, floor=0.97) == 0.97


def test_a_share_within_the_target_on_many_hits_does_not_move_it() -> None:
    # 4 wrong in 2,000 hits (0.2 %) under a 0.5 % target: no evidence of harm.
    sims = [0.95 + 0.00002 * i for i in range(2000)]
    wrong = [i % 500 == 0 for i in range(2000)]
    assert choose_threshold(sims, wrong, 0.005, floor=0.95) == 0.95


def test_the_benchmark_rule_still_asks_for_proof_of_precision() -> None:
    sims = [0.9 + 0.0001 * i for i in range(900)]
    assert choose_threshold(sims, [False] * 900, 0.005, floor=0.80, upper_bound=True) == 0.80
    wrong = [i < 9 for i in range(900)]  # 1 % wrong, all at the bottom: above 0.901 none
    assert choose_threshold(sims, wrong, 0.005, floor=0.80, upper_bound=True) == 0.905
    # Too few hits to prove 0.5 %: the top of the grid.
    assert choose_threshold([0.999] * 50, [False] * 50, 0.005, floor=0.80, upper_bound=True) == 0.995


def test_the_wilson_bounds_bracket_the_share() -> None:
    for failures, trials in ((0, 10), (1, 10), (3, 100), (50, 100)):
        share = failures / trials
        assert wilson_lower(failures, trials) <= share <= wilson_upper(failures, trials)
    assert wilson_lower(0, 0) == 0.0
    assert wilson_lower(1, 10) == pytest.approx(0.0179, abs=1e-3)
