"""How well complexity routing splits requests, how fast it decides, and what it saves.

Runs the shipped classifier (``inference/complexity_model.json``) on the held-out template families
of ``bench/routing/prompts.jsonl`` (whole families the trainer never saw) and prints: the share kept
local (classified light), accuracy, precision and recall for "heavy", the decision latency p50/p99
(``classify`` on each body, in process, several rounds, plus 8 KB prompts), and the cost of routing
against sending everything external.

Prices. The project's price table lives in the database (``ModelPrice``, dollars per million input
and output tokens, and ``LocalCostModel`` with its ``reference_model``), empty on a fresh install.
``--from-db`` reads them with ``inference.quotas.config.load_pricing`` (the reference model's price
is the external rate). Without it the bench uses the illustrative rates below, printed with the
figures, through the same ``Price`` / ``LocalCost`` arithmetic the ledger uses.

Tokens. Prompt tokens are the gateway's own reservation estimate (``inference.quotas.tokens``).
Completion tokens are not in the set, so an answer is assumed to be ``ANSWER_TOKENS`` long for its
true label, capped by the request's ``max_tokens``.

Usage: .venv/bin/python bench/routing_eval.py [--threshold 0.5] [--split test|train|all] [--from-db]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inference import complexity  # noqa: E402
from inference.quotas.cost import LocalCost, Price  # noqa: E402
from inference.quotas.tokens import estimate_prompt  # noqa: E402

PROMPTS = ROOT / "bench" / "routing" / "prompts.jsonl"

# Illustrative rates (used unless --from-db): an external frontier model at a typical 2025 list price,
# and one local GPU server whose amortised cost, power and sustained throughput give its cost per token.
EXTERNAL = Price(input_per_million=Decimal("2.50"), output_per_million=Decimal("10.00"))
LOCAL = LocalCost(
    servers=1,
    server_usd_per_hour=Decimal("2.00"),  # purchase over 3 years + hosting and support, per hour
    power_kw=Decimal("0.70"),
    usd_per_kwh=Decimal("0.25"),
    capacity_tokens_per_second=2000,  # prompt + completion tokens a server sustains with batching
)
ANSWER_TOKENS = {"light": 120, "heavy": 900}
ROUNDS = 5


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def spread(values: list[float]) -> str:
    return f"p50 {statistics.median(values):.2f} ms, p99 {percentile(values, 0.99):.2f} ms"


def timed(bodies: list[Any], threshold: float) -> tuple[list[float], list[float]]:
    """Each decision's wall-clock time and its thread's CPU time, in milliseconds.

    On a shared machine the wall clock includes time the process waited for a core; the CPU time
    is what the decision itself costs. Both are printed so that a p99 can be read for what it is.
    """
    wall, cpu = [], []
    for body in bodies:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        complexity.classify(body, threshold)
        cpu.append((time.thread_time_ns() - start_cpu) / 1e6)
        wall.append((time.perf_counter_ns() - start) / 1e6)
    return wall, cpu


def endpoint_of(body: dict[str, Any]) -> str:
    return "chat/completions" if "messages" in body else "completions"


def prices_from_db() -> tuple[Price, LocalCost, str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")
    import django

    django.setup()
    from inference.quotas.config import load_pricing

    pricing = load_pricing()
    if pricing.reference is None:
        raise SystemExit(
            "--from-db: no reference model with a price: set one with `airlock usage cost-model set "
            "--reference-model MODEL` and `airlock usage prices set`, or run without --from-db"
        )
    return pricing.reference, pricing.local, f"database (reference model {pricing.local.reference_model})"


def eight_kb_bodies() -> list[dict[str, Any]]:
    """Long prompts of each kind: the decision must stay cheap where it matters most."""
    code = (
        "def handler(event):\n    rows = [r for r in event['rows'] if r.get('ok')]\n"
        "    return sum(r['x'] for r in rows)\n"
    )
    prose = "The quarterly report shows revenue growth in every region, although costs rose faster. "
    maths = r"Let $f(x) = \int_0^x e^{-t^2} dt$ and show that f(x) + 2x \leq 3 for all x > 0. "
    return [
        {
            "messages": [
                {"role": "user", "content": (text * (8192 // len(text) + 1))[:8192] + "\nAnalyse this."}
            ]
        }
        for text in (code, prose, maths)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="default: the model's own (0.5)")
    parser.add_argument("--split", choices=("test", "train", "all"), default="test")
    parser.add_argument("--prompts", type=Path, default=PROMPTS)
    parser.add_argument("--from-db", action="store_true", help="price with the project's price table")
    args = parser.parse_args(argv)

    external, local, source = prices_from_db() if args.from_db else (EXTERNAL, LOCAL, "illustrative (bench)")
    model = complexity.model()
    threshold = model.threshold if args.threshold is None else args.threshold
    with args.prompts.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    if not rows:
        raise SystemExit(f"{args.prompts}: no rows in split {args.split}")

    tp = fp = fn = tn = 0
    wrong: Counter[str] = Counter()
    by_lang: dict[str, list[int]] = {}
    all_external = routed = Decimal(0)
    for row in rows:
        body, truth = row["body"], row["label"]
        label, _ = complexity.classify(body, threshold)
        heavy, said_heavy = truth == "heavy", label == "heavy"
        tp += heavy and said_heavy
        fp += not heavy and said_heavy
        fn += heavy and not said_heavy
        tn += not heavy and not said_heavy
        if label != truth:
            wrong[row["family"]] += 1
        by_lang.setdefault(row["lang"], [0, 0])
        by_lang[row["lang"]][0] += label == truth
        by_lang[row["lang"]][1] += 1
        prompt_tokens = estimate_prompt(endpoint_of(body), body)
        answer = ANSWER_TOKENS[truth]
        if body.get("max_tokens"):
            answer = min(answer, int(body["max_tokens"]))
        external_cost = external.of(prompt_tokens, answer)
        all_external += external_cost
        routed += external_cost if said_heavy else (prompt_tokens + answer) * local.usd_per_token

    bodies = [r["body"] for r in rows]
    timings, cpu = timed(bodies * ROUNDS, threshold)
    long_timings, long_cpu = timed(eight_kb_bodies() * 100, threshold)

    n = len(rows)
    families = len({r["family"] for r in rows})
    meta = model.meta
    per_lang = ", ".join(f"{k} {v[0] / v[1]:.0%} ({v[1]})" for k, v in sorted(by_lang.items()))
    lines = [
        f"complexity routing on the {args.split} split: {n} prompts, {families} template families, "
        f"threshold {threshold}",
        f"  model: {complexity.MODEL_PATH.name}, trained on {meta.get('train_rows')} prompts "
        f"({meta.get('train_families')} families), family-grouped CV accuracy {meta.get('cv_accuracy')}",
        f"  kept local (light):     {(tn + fn) / n:6.1%}   (truly light: {(tn + fp) / n:.1%})",
        f"  accuracy:               {(tp + tn) / n:6.1%}",
        f"  heavy precision:        {tp / (tp + fp) if tp + fp else 0:6.1%}",
        f"  heavy recall:           {tp / (tp + fn) if tp + fn else 0:6.1%}   ({fn} heavy ones kept local)",
        f"  confusion (truth/said): heavy/heavy {tp}, heavy/light {fn}, light/heavy {fp}, light/light {tn}",
        f"  accuracy by language:   {per_lang}",
        "  misclassified by family: " + (", ".join(f"{k} {v}" for k, v in wrong.most_common()) or "none"),
        f"  decision latency:       {spread(timings)} wall clock; {spread(cpu)} CPU "
        f"({len(timings)} decisions)",
        f"  8 KB prompts:           {spread(long_timings)} wall clock; {spread(long_cpu)} CPU "
        f"({len(long_timings)} decisions)",
        f"  prices ({source}): external ${external.input_per_million:.2f}/M input, "
        f"${external.output_per_million:.2f}/M output; local ${local.usd_per_token * 1_000_000:.4f}/M tokens "
        f"(${local.usd_per_server_hour:.2f}/server-hour at {local.capacity_tokens_per_second} tokens/s)",
        f"  answers assumed: {ANSWER_TOKENS['light']} tokens (light), {ANSWER_TOKENS['heavy']} (heavy), "
        "capped by max_tokens",
    ]
    print("\n".join(lines))
    saved = all_external - routed
    share = saved / all_external if all_external else Decimal(0)
    print(f"  cost: all external ${all_external:.4f}, routed ${routed:.4f}, saved ${saved:.4f} ({share:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
