"""Choosing a threshold for a target false-hit rate, from labelled hits.

The same rule serves the appliance (hits reported as wrong answers) and the benchmark
(labelled pairs): the lowest threshold on a 0.005 grid, not below ``floor``, at which the wrong
share of the hits at or above it is within the target. In the appliance the floor is the
application's configured threshold: only hits at or above the threshold in force are ever
observed, so there is no evidence for going lower, and calibration can only raise it (and bring
it back down as reports age out of the window).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from semcache.index import wilson_upper

GRID = tuple(round(0.70 + 0.005 * i, 3) for i in range(60))  # 0.700 ... 0.995
CEILING = 0.995


def choose_threshold(
    similarities: Sequence[float],
    wrong: Sequence[bool],
    target: float,
    *,
    floor: float,
    upper_bound: bool = False,
) -> float:
    """The threshold to use. ``upper_bound``: judge by the 95 % Wilson upper bound of the
    false-hit rate rather than its point estimate (the benchmark's stricter rule)."""
    sims = np.asarray(similarities, dtype=np.float64)
    bad = np.asarray(wrong, dtype=bool)
    for threshold in GRID:
        if threshold < floor - 1e-9:
            continue
        above = sims >= threshold
        trials = int(above.sum())
        if trials == 0:
            return max(threshold, floor)
        failures = int((above & bad).sum())
        rate = wilson_upper(failures, trials) if upper_bound else failures / trials
        if rate <= target:
            return threshold
    return CEILING
