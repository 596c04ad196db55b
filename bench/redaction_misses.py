"""List what Airlock's engine misses on a held-out-schema JSONL set, grouped for reading.

For each document the engine's findings (threshold 0.5, as in bench/redaction_eval.py) are
compared with the labelled spans under the same rule as the benchmark's *protected* figure: a span
is missed when some word character of it is not covered by any finding. Three lists are printed:

- **misses**, grouped by type, language and *shape* (the span with letters → ``a``/``A`` and
  digits → ``9``, runs collapsed), each with the text around it and what covered part of it;
- **look-alikes redacted** (a finding overlaps a look-alike), grouped by ``what`` and language;
- **false positives** (findings overlapping no labelled span), grouped by finding type and
  language; ``--fp-lang en`` (default) limits them to one language (English precision target).

Usage
    python bench/redaction_misses.py [--path bench/heldout/heldout.jsonl] [--type PHONE_NUMBER]
        [--lang it] [--limit 40] [--no-fp] [--no-lookalikes] [--fp-lang en|all] [--json out.json]

Only for development sets: the script reads whatever file it is given, so never point it at a blind
set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_PATH = ROOT / "bench" / "heldout" / "heldout.jsonl"
THRESHOLD = 0.5


def shape(value: str) -> str:
    """``+39 347 508 7512`` → ``+9 9 9 9``: letters and digits reduced to their class, runs collapsed."""
    out = re.sub(r"[^\W\d_]", lambda m: "A" if m.group().isupper() else "a", value)
    out = re.sub(r"\d", "9", out)
    out = re.sub(r"(.)\1+", r"\1", out)
    return out


def context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return (left + "[[" + text[start:end] + "]]" + right).replace("\n", "⏎")


def analyse(docs: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    from redaction.engine import Engine

    engine = Engine()
    misses: list[dict[str, Any]] = []
    lookalikes: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    for doc in docs:
        text = doc["text"]
        findings = engine.analyze(text, threshold=THRESHOLD)
        covered: set[int] = set()
        for f in findings:
            covered.update(range(f.start, f.end))
        for entity in doc["entities"]:
            start, end = entity["start"], entity["end"]
            word = [i for i in range(start, end) if text[i].isalnum()]
            if all(i in covered for i in word):
                continue
            near = [
                f"{f.entity_type}:{text[f.start : f.end]!r}"
                for f in findings
                if f.start < end and start < f.end
            ]
            misses.append(
                {
                    "id": doc["id"],
                    "lang": doc["lang"],
                    "kind": doc["kind"],
                    "type": entity["type"],
                    "value": text[start:end],
                    "shape": shape(text[start:end]),
                    "context": context(text, start, end),
                    "partial": near,
                }
            )
        spans = [(e["start"], e["end"]) for e in doc["entities"]]
        for f in findings:
            if not any(s < f.end and f.start < e for s, e in spans):
                false_positives.append(
                    {
                        "id": doc["id"],
                        "lang": doc["lang"],
                        "kind": doc["kind"],
                        "type": f.entity_type,
                        "value": text[f.start : f.end],
                        "context": context(text, f.start, f.end),
                    }
                )
        for look in doc.get("lookalikes", []):
            over = [f for f in findings if f.start < look["end"] and look["start"] < f.end]
            if over:
                lookalikes.append(
                    {
                        "id": doc["id"],
                        "lang": doc["lang"],
                        "kind": doc["kind"],
                        "what": look.get("what", "?"),
                        "value": text[look["start"] : look["end"]],
                        "by": [f"{f.entity_type}:{text[f.start : f.end]!r}" for f in over],
                        "context": context(text, look["start"], look["end"]),
                    }
                )
    return {"misses": misses, "lookalikes": lookalikes, "false_positives": false_positives}


def _print_grouped(
    rows: list[dict[str, Any]], keys: Sequence[str], fields: Sequence[str], limit: int
) -> None:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(str(row[k]) for k in keys)].append(row)
    for key, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n## {' / '.join(key)}  ({len(items)})")
        for row in items[:limit]:
            extra = "  ".join(f"{f}={row[f]}" for f in fields if row.get(f))
            print(f"  {row['id']:8} {row['context']}  {extra}")


def _dev_documents(name: str) -> list[dict[str, Any]]:
    import importlib

    if name == "world":
        from bench.redaction_corpus import generate_world

        return list(generate_world(180, seed=4))
    module = importlib.import_module(f"bench.redaction_dev_{name}")
    return list(module.documents())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default=str(DEFAULT_PATH))
    parser.add_argument(
        "--dev",
        choices=("shapes", "fresh", "names", "struct", "addresses", "phones", "phones_blind", "world"),
        help="read a development set of bench/redaction_dev_*.py (or generate_world) instead of --path",
    )
    parser.add_argument("--type", help="only misses of this entity type")
    parser.add_argument("--lang", help="only documents of this language")
    parser.add_argument("--limit", type=int, default=40, help="rows printed per group")
    parser.add_argument("--by-shape", action="store_true", help="group misses by shape too")
    parser.add_argument("--no-fp", action="store_true")
    parser.add_argument("--no-lookalikes", action="store_true")
    parser.add_argument("--fp-lang", default="en", help="language of the false positives listed, or 'all'")
    parser.add_argument("--json", help="also write every row to this file")
    args = parser.parse_args(argv)

    if args.dev:
        docs = _dev_documents(args.dev)
    else:
        path = Path(args.path)
        if "heldout5" in path.parts:
            parser.error(f"{path.parent} is a blind set: not read here")
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.lang:
        docs = [d for d in docs if d["lang"] == args.lang]
    result = analyse(docs)
    misses = [m for m in result["misses"] if not args.type or m["type"] == args.type]

    print(f"# {len(docs)} documents: {len(misses)} misses, {len(result['lookalikes'])} look-alikes redacted, "
          f"{len(result['false_positives'])} false positives")  # fmt: skip
    keys = ("type", "lang", "shape") if args.by_shape else ("type", "lang")
    print("\n# MISSES")
    _print_grouped(misses, keys, ("partial",), args.limit)
    if not args.no_lookalikes:
        print("\n# LOOK-ALIKES REDACTED")
        _print_grouped(result["lookalikes"], ("what", "lang"), ("by",), args.limit)
    if not args.no_fp:
        fps = [f for f in result["false_positives"] if args.fp_lang == "all" or f["lang"] == args.fp_lang]
        print(f"\n# FALSE POSITIVES ({args.fp_lang})")
        _print_grouped(fps, ("type", "lang"), (), args.limit)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
