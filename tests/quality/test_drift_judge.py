"""Drift runs scored by the judge beside ROUGE-L and embeddings, each compared with the baseline.

The judge is either a function (unit tests) or the stub judge model behind the live gateway
(``tests/quality/stub_judge.py``), asked the way the weekly job asks it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import orjson
import pytest
from django.core.management import call_command

from audit.events import Event
from audit.models import AuditRecord
from inference import services
from inference.models import Application
from quality import drift, golden, judge, runner, tasks
from quality.models import DriftRun, GoldenSet
from tests.quality.stub_judge import StubJudge
from tests.quality.test_drift import ITEMS, answers_from, faithful
from tests.routing.conftest import Lab, _weights

PROMPTS = {item["prompt"]: item["reference"] for item in ITEMS}


@pytest.fixture
def golden_set(db: None) -> GoldenSet:
    return golden.import_items("chat", [json.dumps(item) for item in ITEMS]).golden_set


def constant_judge(value: float | None, asked: list[tuple[str, str]] | None = None) -> drift.Judge:
    def score(prompt: str, answer: str) -> float | None:
        if asked is not None:
            asked.append((prompt, answer))
        return value

    return score


def drift_records() -> list[dict[str, Any]]:
    rows = AuditRecord.objects.filter(event=Event.DRIFT_DETECTED).order_by("pk")
    return [orjson.loads(row.body)["meta"] for row in rows]


def test_a_run_without_a_judge_says_the_judge_was_not_scored(golden_set: GoldenSet) -> None:
    run = drift.run_golden_set(golden_set, faithful())
    assert run.unscored == {"judge": drift.NO_JUDGE, "embedding": drift.NO_EMBEDDER}
    assert all(scores["judge"] is None for scores in run.scores.values()), "not scored is None, never 0"
    assert drift.metric_means(run.scores)["judge"] is None


def test_the_judge_scores_every_item_with_its_prompt_and_answer(golden_set: GoldenSet) -> None:
    asked: list[tuple[str, str]] = []
    run = drift.run_golden_set(golden_set, faithful(), judge=constant_judge(0.75, asked), baseline=True)
    assert sorted(asked) == sorted(PROMPTS.items())
    assert all(scores["judge"] == 0.75 for scores in run.scores.values())
    assert run.unscored == {"embedding": drift.NO_EMBEDDER}
    baseline_record = AuditRecord.objects.get(event=Event.DRIFT_BASELINE_SET)
    meta = orjson.loads(baseline_record.body)["meta"]
    assert meta["means"]["judge"] == pytest.approx(0.75) and meta["unscored"] == run.unscored


def test_a_drop_in_the_judge_score_alone_is_drift(golden_set: GoldenSet) -> None:
    drift.run_golden_set(golden_set, faithful(), judge=constant_judge(0.8), baseline=True)
    same = drift.run_golden_set(golden_set, faithful(), judge=constant_judge(0.8))
    assert same.status == DriftRun.Status.OK and set(same.verdict["metrics"]) == {"rouge_l", "judge"}

    # Word for word the same answers (ROUGE-L unchanged), which the judge now grades lower.
    worse = drift.run_golden_set(golden_set, faithful(), judge=constant_judge(0.6), version="2")
    assert worse.status == DriftRun.Status.DRIFT
    assert worse.verdict["drifted"] == ["judge"]
    assert not worse.verdict["metrics"]["rouge_l"]["drift"]
    assert worse.verdict["metrics"]["judge"]["relative_change"] == pytest.approx(-0.25)
    assert "judge: mean score fell 25.0%" in worse.verdict["reason"]
    (found,) = drift_records()
    assert found["run"] == worse.pk and found["drifted"] == ["judge"]


def test_each_score_is_compared_at_a_bonferroni_adjusted_confidence(golden_set: GoldenSet) -> None:
    def embed(texts: list[str]) -> list[list[float]]:
        return [[t.lower().count(c) for c in "abcdefghijklmnopqrstuvwxyz"] for t in texts]

    drift.run_golden_set(golden_set, faithful(), embed=embed, judge=constant_judge(0.8), baseline=True)
    run = drift.run_golden_set(golden_set, faithful(), embed=embed, judge=constant_judge(0.8))
    assert set(run.verdict["metrics"]) == {"rouge_l", "embedding", "judge"}
    assert all(v["confidence"] == pytest.approx(1 - 0.05 / 3) for v in run.verdict["metrics"].values())
    only_rouge = drift.run_golden_set(golden_set, faithful())
    assert only_rouge.verdict["metrics"]["rouge_l"]["confidence"] == pytest.approx(0.95)


def test_a_baseline_without_judge_scores_is_not_compared_on_them(golden_set: GoldenSet) -> None:
    drift.run_golden_set(golden_set, faithful(), baseline=True)
    run = drift.run_golden_set(golden_set, faithful(), judge=constant_judge(0.1))
    assert run.status == DriftRun.Status.OK
    assert run.verdict["not_compared"] == {"judge": "the baseline run did not give it"}
    assert set(run.verdict["metrics"]) == {"rouge_l"}


def test_items_the_judge_could_not_score_are_left_out_and_counted(golden_set: GoldenSet) -> None:
    replies = iter([None, None] + [0.5] * (len(ITEMS) - 2))
    run = drift.run_golden_set(golden_set, faithful(), judge=lambda prompt, answer: next(replies))
    assert run.unscored["judge"] == f"the judge's replies held no scores for 2 of {len(ITEMS)} items"
    assert sum(scores["judge"] is None for scores in run.scores.values()) == 2
    empty = drift.run_golden_set(
        golden_set, answers_from(dict.fromkeys(PROMPTS, " ")), judge=constant_judge(0.9)
    )
    assert all(scores["judge"] == 0.0 for scores in empty.scores.values()), "an empty answer is not asked"


def test_the_golden_scorer_maps_the_rubric_to_0_to_1_and_a_reply_without_scores_to_none() -> None:
    best = judge.golden_scorer(lambda messages: '{"relevance": 5, "tone": 5, "unsupported_claims": 5}')
    worst = judge.golden_scorer(lambda messages: '{"relevance": 1, "tone": 1, "unsupported_claims": 1}')
    middle = judge.golden_scorer(lambda messages: '{"relevance": 4, "tone": 5, "unsupported_claims": 3}')
    assert (best("q", "a"), worst("q", "a"), middle("q", "a")) == (1.0, 0.0, 0.75)
    assert judge.golden_scorer(lambda messages: "looks fine")("q", "a") is None


def test_the_command_shows_the_scores_and_what_was_not_scored(
    golden_set: GoldenSet, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.AIRLOCK_QUALITY_API_KEY = "al-test-key"
    settings.AIRLOCK_QUALITY_JUDGE_MODEL = ""
    monkeypatch.setattr(runner, "gateway_answerer", lambda model, **_: faithful())
    out = io.StringIO()
    call_command("quality", "drift", "run", "--model", "chat", "--baseline", stdout=out)
    assert f"judge not scored: {drift.NO_JUDGE}" in out.getvalue()


# --- The weekly job, with the judge model behind the live gateway ---


@pytest.fixture
def stub_judge() -> Iterator[StubJudge]:
    server = StubJudge().start()
    yield server
    server.stop()


@pytest.fixture
def judged_lab(lab: Lab, stub_judge: StubJudge, settings: Any) -> Lab:
    judge_version = services.do_register_model_version("judge-model", _weights("judge"), version="j1")
    services.do_deploy(
        judge_version, services.do_register_backend("judge-host", stub_judge.url), served_name="judge"
    )
    quality_app = services.do_create_application("airlock-quality", allowed_models=["judge-model", "chat"])
    settings.AIRLOCK_QUALITY_GATEWAY_URL = lab.url
    settings.AIRLOCK_QUALITY_API_KEY = services.do_create_api_key(quality_app, name="drift").plaintext
    lab.deploy("gpu-a", "ok-a")
    return lab


def test_the_weekly_job_asks_the_judge_through_the_gateway_and_says_when_there_is_none(
    judged_lab: Lab, stub_judge: StubJudge, settings: Any
) -> None:
    greetings = [
        {"id": f"g{i}", "prompt": f"Greet visitor {i}.", "reference": "hello from us"} for i in range(4)
    ]
    model_set = golden.import_items("chat", [json.dumps(item) for item in greetings]).golden_set
    baseline: Callable[[str], str] = runner.gateway_answerer("chat")
    drift.run_golden_set(model_set, baseline, baseline=True)

    settings.AIRLOCK_QUALITY_JUDGE_MODEL = ""
    assert tasks.drift_check() == "chat: ok"
    unjudged = DriftRun.objects.filter(is_baseline=False).get()
    assert unjudged.unscored["judge"] == drift.NO_JUDGE and stub_judge.requests == []

    settings.AIRLOCK_QUALITY_JUDGE_MODEL = "judge-model"
    assert tasks.drift_check() == "chat: ok"
    judged = DriftRun.objects.filter(is_baseline=False).order_by("-pk").first()
    assert judged is not None and "judge" not in judged.unscored
    # The stub judge gives 4, 5 and 3: a mean of 4, which is 0.75 on the drift scale.
    assert all(scores["judge"] == pytest.approx(0.75) for scores in judged.scores.values())
    assert len(stub_judge.requests) == 4 and all(r["model"] == "judge" for r in stub_judge.requests)
    assert "hello from a" in stub_judge.requests[0]["messages"][1]["content"], "the judge saw the answer"
    quality_app = Application.objects.get(name="airlock-quality")
    assert AuditRecord.objects.filter(
        event=Event.INFERENCE_REQUEST, application_id=quality_app.pk, body__contains="judge-model"
    ).exists(), "the judge's requests went through the gateway, audited like any other"
    assert judged.verdict["not_compared"] == {"judge": "the baseline run did not give it"}


# --- The rule over three scores, measured by simulation ---

SIM_TRIALS = 300
SIM_ITEMS = 150


def _simulated_runs(
    rng: np.random.Generator, degradation: float
) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, float | None]]]:
    """Three scores per item, as ``test_drift_simulation`` shapes one: an item quality shared by
    the scores (Beta(2, 2.5)), each score with its own run noise (sd 0.05), clipped to [0, 1]."""
    quality = rng.beta(2.0, 2.5, size=SIM_ITEMS)

    def run(factor: float) -> dict[str, dict[str, float | None]]:
        return {
            f"i{i}": {
                m: float(np.clip(quality[i] * factor + rng.normal(0, 0.05), 0, 1)) for m in drift.METRICS
            }
            for i in range(SIM_ITEMS)
        }

    return run(1.0), run(1.0 - degradation)


def _combined_alarm_rate(degradation: float, seed: int) -> float:
    rng = np.random.default_rng(seed)
    alarms = sum(drift.compare_runs(*_simulated_runs(rng, degradation))["drift"] for _ in range(SIM_TRIALS))
    return alarms / SIM_TRIALS


def test_three_scores_keep_false_alarms_at_most_5_percent_and_catch_a_5_percent_drop() -> None:
    power = _combined_alarm_rate(0.05, seed=1)
    false_alarms = _combined_alarm_rate(0.0, seed=2)
    print(
        f"\nthree scores, {SIM_TRIALS} trials, {SIM_ITEMS} items: "
        f"power {power:.1%}, false alarms {false_alarms:.1%}"
    )
    assert power >= 0.90
    assert false_alarms <= 0.05
