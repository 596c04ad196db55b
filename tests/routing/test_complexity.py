"""The complexity classifier: obvious cases in several languages, every request shape, odd bodies,
the shipped model file, and the threshold a route sets."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from bench.routing import make_prompts, train
from inference import complexity

PROMPTS = Path(make_prompts.__file__).with_name("prompts.jsonl")

# Written for these tests, not taken from the labelled set.
LIGHT = [
    "Hello!",
    "What is the capital of Italy?",
    "Translate to French: I like cheese.",
    "Classify this email as spam or not spam: You won a prize!",
    "Übersetze ins Englische: Guten Tag.",
    "Quelle est la capitale du Portugal ?",
    "¿Cómo se dice gato en inglés?",
    "Ciao, come stai?",
    "Wat is de hoofdstad van België?",
]
HEAVY = [
    "Design a distributed rate limiter and compare the trade-offs of token bucket vs sliding window.",
    "Write a Python function that parses a CSV file, validates every row against a schema and reports "
    "errors; include unit tests and handle edge cases.",
    "Debug this code:\n```python\ndef f(xs):\n    return xs[len(xs)]\n```\n"
    "It raises IndexError. Explain and fix it.",
    "Beweise, dass die Menge der reellen Zahlen überabzählbar ist.",
    "Démontre que toute suite de Cauchy dans R converge.",
    "Analiza paso a paso las ventajas y desventajas de migrar nuestra aplicación monolítica a microservicios "
    "y recomienda una estrategia.",
    "Progetta un sistema di prenotazione scalabile e analizza i compromessi.",
    "Ontwerp een architectuur voor een betalingssysteem en vergelijk de alternatieven stap voor stap.",
]


def chat(text: str, **extra: Any) -> dict[str, Any]:
    return {"model": "auto", "messages": [{"role": "user", "content": text}], **extra}


@pytest.mark.parametrize("text", LIGHT)
def test_it_keeps_an_obvious_light_prompt_local(text: str) -> None:
    label, score = complexity.classify(chat(text))
    assert label == "light", score


@pytest.mark.parametrize("text", HEAVY)
def test_it_sends_an_obvious_heavy_prompt_to_the_heavy_target(text: str) -> None:
    label, score = complexity.classify(chat(text))
    assert label == "heavy", score


def test_list_of_parts_content_is_read_like_a_string() -> None:
    text = HEAVY[0]
    parts = {"messages": [{"role": "user", "content": [{"type": "text", "text": text}]}]}
    assert complexity.classify(parts) == complexity.classify(chat(text))
    with_image = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What colour is this car?"},
                    {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
                ],
            }
        ]
    }
    assert complexity.classify(with_image)[0] == "light"
    assert complexity.features(with_image)[complexity.FEATURE_NAMES.index("images")] == 1.0


def test_a_completions_prompt_is_classified() -> None:
    assert complexity.classify({"prompt": "The capital of France is"})[0] == "light"
    code = (
        "# Python implementation of a B+ tree with range scans, full docstrings and tests\n\nclass BPlusTree:"
    )
    assert complexity.classify({"prompt": code, "max_tokens": 4000})[0] == "heavy"
    batch = {"prompt": ["The capital of France is", "The capital of Spain is"]}
    assert complexity.classify(batch)[0] == "light"


def test_the_instruction_after_a_long_document_is_still_seen() -> None:
    document = "The committee met on Tuesday and reviewed the budget lines one by one.\n" * 15_000  # ~1 MB
    ask = "\n\nProve step by step that the budget cannot balance, and derive the minimum cut required."
    features = complexity.features(chat(document + ask))
    assert features[complexity.FEATURE_NAMES.index("log_reasoning_cues")] > 0
    assert features[complexity.FEATURE_NAMES.index("log_tokens")] == pytest.approx(
        math.log1p(math.ceil(len(document + ask) / complexity.CHARS_PER_TOKEN))
    )


ODD_BODIES: list[Any] = [
    {},
    None,
    [],
    "hello",
    42,
    {"messages": None},
    {"messages": "hi"},
    {"messages": [None, 1, "x", {"role": "user"}]},
    {"messages": [{"role": "user", "content": {"unexpected": True}}]},
    {"messages": [{"role": "user", "content": [None, 3, {"type": "text", "text": None}, "plain"]}]},
    {"messages": [{"role": "user", "content": ""}]},
    {"prompt": [1, 2, 3]},
    {"prompt": None},
    {"max_tokens": "lots"},
    {"max_tokens": float("inf"), "messages": [{"role": "user", "content": "hi"}]},
    {"max_tokens": -5, "tools": "not a list", "response_format": "json"},
    {"response_format": {"type": None}, "tools": [None, 1]},
    {"messages": [{"role": "user", "content": "\x00\ud800 ünïcödé 🚀" * 2000}]},
]


@pytest.mark.parametrize("body", ODD_BODIES, ids=range(len(ODD_BODIES)))
def test_an_odd_body_never_raises(body: Any) -> None:
    label, score = complexity.classify(body)
    assert label in ("light", "heavy")
    assert 0.0 <= score <= 1.0
    assert len(complexity.features(body)) == len(complexity.FEATURE_NAMES)


def test_the_shipped_model_loads_with_the_features_the_code_computes() -> None:
    data = json.loads(complexity.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == complexity.FEATURE_NAMES
    model = complexity.load_model()
    assert len(model.coef) == len(complexity.FEATURE_NAMES)
    assert model.threshold == 0.5


def test_the_shipped_model_was_trained_on_the_shipped_prompts() -> None:
    import hashlib

    data = json.loads(complexity.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["meta"]["prompts_sha256"] == hashlib.sha256(PROMPTS.read_bytes()).hexdigest()


def test_the_trainer_computes_the_same_features_as_the_request_path() -> None:
    rows = train.load(PROMPTS)[:50]
    x, y = train.matrix(rows)
    for row, trained in zip(rows, x, strict=True):
        assert list(trained) == pytest.approx(complexity.features(row["body"]))
    assert set(y) <= {0.0, 1.0}


def test_the_labelled_set_is_regenerated_exactly_and_holds_out_whole_families() -> None:
    rows = train.load(PROMPTS)
    assert rows == json.loads(json.dumps(make_prompts.generate(13)))
    assert len(rows) >= 1000
    train_families = {r["family"] for r in rows if r["split"] == "train"}
    test_families = {r["family"] for r in rows if r["split"] == "test"}
    assert train_families and test_families and not train_families & test_families
    for split in ("train", "test"):
        assert {r["label"] for r in rows if r["split"] == split} == {"light", "heavy"}
    assert {r["lang"] for r in rows} >= {"en", "de", "fr", "es", "it", "nl"}


def test_a_model_file_with_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(complexity.MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = [*data["features"][:-1], "something_else"]
    stale = tmp_path / "model.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        complexity.load_model(stale)


def test_the_threshold_is_respected() -> None:
    body = chat("Compare two sorting algorithms.")
    _, score = complexity.classify(body)
    assert 0.0 < score < 1.0
    assert complexity.classify(body, threshold=score) == ("heavy", score)
    assert complexity.classify(body, threshold=min(1.0, score + 1e-9))[0] == "light"
    assert complexity.classify(chat("Hello!"), threshold=0.0)[0] == "heavy"
    assert complexity.classify(chat(HEAVY[0]), threshold=1.0)[0] == "light"
    for wrong in (-0.1, 1.5, float("nan")):
        with pytest.raises(ValueError, match="threshold"):
            complexity.classify(body, threshold=wrong)
