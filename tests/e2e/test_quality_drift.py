"""Drift runs against the real stack: SmolLM2 answers a golden set through the gateway, and the
real all-MiniLM-L6-v2 (vLLM's pooling runner, through the gateway) scores embedding similarity."""

from __future__ import annotations

import json

import pytest

from quality import drift, golden, runner
from quality.models import DriftRun
from tests.e2e.conftest import EMBEDDING_MODEL, MODEL, Embedder

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

GOLDEN = [
    ("What is the capital of France?", "The capital of France is Paris."),
    ("What is the capital of Germany?", "The capital of Germany is Berlin."),
    ("What is the capital of Italy?", "The capital of Italy is Rome."),
    ("Name a fruit that is yellow.", "A banana is a yellow fruit."),
    ("What color is the sky on a clear day?", "The sky is blue on a clear day."),
    ("How many days are in a week?", "There are seven days in a week."),
]


def test_minilm_scores_a_paraphrase_above_an_unrelated_answer(embedder: Embedder) -> None:
    embed = drift.openai_embedder(base_url=embedder.stack.url, api_key=embedder.key, model=EMBEDDING_MODEL)
    reference = "The capital of France is Paris."
    scores = drift.score_items(
        [
            ("same", reference, reference),
            ("paraphrase", reference, "Paris is France's capital city."),
            ("unrelated", reference, "Bond yields rose after the central bank's statement."),
        ],
        embed=embed,
    )
    assert scores["same"]["embedding"] == pytest.approx(1.0, abs=1e-4)
    assert scores["paraphrase"]["embedding"] > scores["unrelated"]["embedding"] + 0.3
    # ROUGE-L sees only shared words; the embedding sees the meaning.
    assert scores["paraphrase"]["embedding"] > scores["paraphrase"]["rouge_l"]


def test_the_same_model_run_twice_through_the_gateway_is_no_drift(embedder: Embedder, settings) -> None:
    stack = embedder.stack
    settings.AIRLOCK_QUALITY_GATEWAY_URL = stack.url
    settings.AIRLOCK_QUALITY_API_KEY = stack.key
    golden_set = golden.import_items(
        MODEL, [json.dumps({"prompt": p, "reference": r}) for p, r in GOLDEN]
    ).golden_set
    embed = drift.openai_embedder(base_url=stack.url, api_key=embedder.key, model=EMBEDDING_MODEL)
    answer = runner.gateway_answerer(MODEL)

    base = drift.run_golden_set(golden_set, answer, embed=embed, baseline=True)
    assert base.status == DriftRun.Status.BASELINE
    assert all(0.0 <= s["embedding"] <= 1.0 for s in base.scores.values())
    assert base.mean_score is not None and base.mean_score > 0.2, base.scores

    again = drift.run_golden_set(golden_set, answer, embed=embed)
    assert again.status == DriftRun.Status.OK, again.verdict
    assert abs(again.verdict["relative_change"]) < 0.05
