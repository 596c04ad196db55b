"""Choosing a threshold for a target false-hit rate, from labelled hits.

Two rules, one grid (0.005 steps), never below ``floor``:

- **Reported wrong hits** (the appliance, ``semcache.actions``): the threshold rises only on
  evidence. Hits are observed only at or above the threshold in force, so the floor is the
  application's configured threshold and calibration can only raise it (and bring it back
  down as reports age out of the window). It chooses the lowest threshold at which the false
  hits above it are *not shown* to exceed the target: the 95 % Wilson *lower* bound of their
  share is within it. One or two reports among a handful of hits prove little (a user may
  press "wrong answer" by mistake, and a small sample's share is noisy): before
  ``MIN_REPORTS`` wrong hits the threshold does not move, and each report lets it rise at most
  ``RISE_PER_REPORT`` above the floor, never past ``CEILING``. Without these, a few reports at
  0.98 used to lift the threshold to 0.985, where an application's cache hardly ever hits.
- **Labelled pairs** (the benchmark, ``upper_bound=True``): the lowest threshold whose false
  hits are *shown* to be within the target, by the 95 % Wilson upper bound. There every hit is
  labelled, so the rule asks for proof of precision rather than proof of harm.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from semcache.index import wilson_upper

GRID = tuple(round(0.70 + 0.005 * i, 3) for i in range(60))  # 0.700 ... 0.995
# The highest threshold calibration chooses: above it a paraphrase hardly ever hits, and an
# application that needs more should switch the cache off rather than keep it on unused.
CEILING = 0.99
# Wrong-hit reports in the window before calibration moves the threshold at all.
MIN_REPORTS = 3
# How far above the floor each report lets the threshold go: 3 reports 0.015, 10 reports 0.05.
RISE_PER_REPORT = 0.005


def choose_threshold(
    similarities: Sequence[float],
    wrong: Sequence[bool],
    target: float,
    *,
    floor: float,
    upper_bound: bool = False,
) -> float:
    """The threshold to use (see the module's docstring for the two rules). ``upper_bound``:
    the benchmark's strict rule on labelled pairs; otherwise the appliance's rule on reports."""
    sims = np.asarray(similarities, dtype=np.float64)
    bad = np.asarray(wrong, dtype=bool)
    if upper_bound:
        return _proven_within(sims, bad, target, floor)
    reports = int(bad.sum())
    if reports < MIN_REPORTS:
        return floor
    ceiling = min(CEILING, floor + RISE_PER_REPORT * reports)
    for threshold in GRID:
        if threshold < floor - 1e-9:
            continue
        if threshold > ceiling + 1e-9:
            break
        above = sims >= threshold
        trials = int(above.sum())
        if trials == 0 or wilson_lower(int((above & bad).sum()), trials) <= target:
            return max(threshold, floor)
    return max(floor, _on_grid_below(ceiling))


def wilson_lower(failures: int, trials: int, z: float = 1.959964) -> float:
    """The lower end of the 95 % Wilson score interval of a proportion (0.0 for no trials)."""
    if trials <= 0 or failures <= 0:
        return 0.0
    p = failures / trials
    denominator = 1 + z * z / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return max(0.0, (centre - spread) / denominator)


def _proven_within(sims: np.ndarray, bad: np.ndarray, target: float, floor: float) -> float:
    for threshold in GRID:
        if threshold < floor - 1e-9:
            continue
        above = sims >= threshold
        trials = int(above.sum())
        if trials == 0:
            return max(threshold, floor)
        if wilson_upper(int((above & bad).sum()), trials) <= target:
            return threshold
    return GRID[-1]


def _on_grid_below(value: float) -> float:
    below = [t for t in GRID if t <= value + 1e-9]
    return below[-1] if below else GRID[0]
