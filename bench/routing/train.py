"""Train the complexity classifier and write ``inference/complexity_model.json``.

A logistic regression with an L2 penalty over the features of ``inference.complexity.features`` (the
same function the request path calls), fitted by Newton's method on the *train* split of
``bench/routing/prompts.jsonl`` only: the held-out template families stay unseen, so
``bench/routing_eval.py`` measures the shipped file honestly. The penalty is chosen by
family-grouped cross-validation on the train split (whole families left out per fold, as in the
test split). Deterministic: the same prompts give the same file.

Usage: python bench/routing/train.py [--prompts FILE] [--out FILE]
(defaults: bench/routing/prompts.jsonl, inference/complexity_model.json)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from inference import complexity  # noqa: E402

PENALTIES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
FOLDS = 5


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as rows:
        return [json.loads(line) for line in rows if line.strip()]


def matrix(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([complexity.features(r["body"]) for r in rows], dtype=float)
    y = np.array([1.0 if r["label"] == complexity.HEAVY else 0.0 for r in rows])
    return x, y


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a feature constant in training carries no information; keep it harmless
    return mean, scale


def fit(z: np.ndarray, y: np.ndarray, penalty: float, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Newton-Raphson for L2-penalised logistic regression (the intercept is not penalised)."""
    n, d = z.shape
    a = np.hstack([np.ones((n, 1)), z])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, penalty)
    reg[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -35, 35)))
        gradient = a.T @ (p - y) / n + reg * w
        hessian = (a.T * (p * (1 - p))) @ a / n + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[1:], float(w[0])


def accuracy(z: np.ndarray, y: np.ndarray, coef: np.ndarray, intercept: float) -> float:
    p = 1.0 / (1.0 + np.exp(-(z @ coef + intercept)))
    return float(((p >= 0.5) == (y == 1.0)).mean())


def grouped_cv(x: np.ndarray, y: np.ndarray, families: list[str], penalty: float) -> float:
    """Accuracy with whole families left out, as the test split does."""
    names = sorted(set(families))
    fold_of = {name: i % FOLDS for i, name in enumerate(names)}
    folds = np.array([fold_of[f] for f in families])
    right = 0.0
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        mean, scale = standardise(x[train])
        coef, intercept = fit((x[train] - mean) / scale, y[train], penalty)
        right += accuracy((x[test] - mean) / scale, y[test], coef, intercept) * int(test.sum())
    return right / len(y)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=Path, default=ROOT / "bench" / "routing" / "prompts.jsonl")
    parser.add_argument("--out", type=Path, default=complexity.MODEL_PATH)
    args = parser.parse_args(argv)
    rows = [r for r in load(args.prompts) if r["split"] == "train"]
    if not rows:
        raise SystemExit(f"{args.prompts}: no train rows (run bench/routing/make_prompts.py)")
    x, y = matrix(rows)
    families = [r["family"] for r in rows]
    scores = {penalty: grouped_cv(x, y, families, penalty) for penalty in PENALTIES}
    for penalty, score in scores.items():
        print(f"penalty {penalty:>5}: family-grouped CV accuracy {score:.3f}")
    # Highest CV accuracy; on a tie the stronger penalty, which generalises more gently.
    best = max(PENALTIES, key=lambda p: (round(scores[p], 3), p))
    mean, scale = standardise(x)
    coef, intercept = fit((x - mean) / scale, y, best)
    model: dict[str, Any] = {
        "kind": "logistic_regression",
        "features": list(complexity.FEATURE_NAMES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(intercept, 6),
        "threshold": 0.5,
        "meta": {
            "trained_by": "bench/routing/train.py",
            "prompts_sha256": hashlib.sha256(args.prompts.read_bytes()).hexdigest(),
            "train_rows": len(rows),
            "train_families": len(set(families)),
            "penalty": best,
            "cv_accuracy": round(scores[best], 4),
            "train_accuracy": round(accuracy((x - mean) / scale, y, coef, intercept), 4),
        },
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"penalty {best}; train accuracy {model['meta']['train_accuracy']:.3f}; wrote {args.out}")
    ranked = sorted(zip(complexity.FEATURE_NAMES, coef, strict=True), key=lambda kv: -abs(kv[1]))
    print("largest weights (per standard deviation):", ", ".join(f"{n} {c:+.2f}" for n, c in ranked[:8]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
