"""Power and false-alarm rate of the drift detector (quality.drift.compare) by golden-set size and noise.

Prints a table; not a test. Scores are simulated as in tests/quality/test_drift_simulation.py:
per-item quality Beta(2, 2.5), per-run normal noise of the given sd, clipped to [0, 1]; the
degraded version scores each item 5 % lower in expectation.

    .venv/bin/python bench/drift_power.py [--trials 400]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.test_settings")
django.setup()  # quality.drift imports its models; compare() itself needs no database

from quality.drift import compare  # noqa: E402


def rate(items: int, noise: float, degradation: float, trials: int, seed: int) -> float:
    rng = np.random.default_rng(seed)
    alarms = 0
    for trial in range(trials):
        quality = rng.beta(2.0, 2.5, size=items)
        base = np.clip(quality + rng.normal(0, noise, items), 0, 1)
        new = np.clip(quality * (1 - degradation) + rng.normal(0, noise, items), 0, 1)
        alarms += compare(list(base), list(new), resamples=1000, seed=trial).drift
    return alarms / trials


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=400)
    args = parser.parse_args()
    header = f"{'items':>5} {'noise sd':>8} {'power (5 % drop)':>17} {'false alarms':>13}"
    print(f"{header}   ({args.trials} trials each)")
    for noise in (0.02, 0.05, 0.1):
        for items in (50, 100, 150, 200, 300):
            power = rate(items, noise, 0.05, args.trials, seed=1)
            false = rate(items, noise, 0.0, args.trials, seed=2)
            print(f"{items:>5} {noise:>8} {power:>17.1%} {false:>13.1%}")


if __name__ == "__main__":
    main()
