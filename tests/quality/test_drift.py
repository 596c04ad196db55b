"""Golden sets, drift runs and their verdicts: scoring, the paired comparison, audit and metrics."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from appliance import schedule
from audit.models import AuditRecord
from quality import drift, golden, metrics, runner, tasks
from quality.drift import compare, rouge_l
from quality.models import DriftRun, GoldenSet

ITEMS = [
    {"id": f"q{i}", "prompt": f"Question {i}: what is the capital of {country}?", "reference": answer}
    for i, (country, answer) in enumerate(
        [
            ("France", "The capital of France is Paris."),
            ("Germany", "The capital of Germany is Berlin."),
            ("Spain", "The capital of Spain is Madrid, in the centre of the country."),
            ("Italy", "Rome is the capital of Italy."),
            (
                "the Netherlands",
                "Amsterdam is the capital of the Netherlands, though the government sits in The Hague.",
            ),
            ("Belgium", "The capital of Belgium is Brussels."),
            ("Austria", "Vienna is the capital of Austria."),
            ("Portugal", "The capital of Portugal is Lisbon."),
            ("Norway", "Oslo is the capital of Norway."),
            ("Poland", "The capital of Poland is Warsaw."),
            ("Greece", "Athens is the capital of Greece."),
            ("Ireland", "The capital of Ireland is Dublin."),
        ]
    )
]


def records(event: str) -> list[dict]:
    return [
        json.loads(b)
        for b in AuditRecord.objects.filter(event=event).order_by("pk").values_list("body", flat=True)
    ]


@pytest.fixture
def golden_set(db: None) -> GoldenSet:
    return golden.import_items("chat", [json.dumps(item) for item in ITEMS]).golden_set


def answers_from(table: dict[str, str]) -> Callable[[str], str]:
    return lambda prompt: table[prompt]


def faithful() -> Callable[[str], str]:
    return answers_from({item["prompt"]: item["reference"] for item in ITEMS})


def degraded() -> Callable[[str], str]:
    # A version that lost its knowledge: fluent, on topic, wrong.
    return answers_from({item["prompt"]: "I think it is a large city in Europe." for item in ITEMS})


def test_rouge_l_is_1_for_the_reference_and_lower_for_a_paraphrase() -> None:
    assert rouge_l("The capital of France is Paris.", "The capital of France is Paris.") == pytest.approx(1.0)
    assert 0.3 < rouge_l("The capital of France is Paris.", "Paris is the capital of France.") < 1.0
    assert rouge_l("The capital of France is Paris.", "Bananas are yellow.") == 0.0


def test_rouge_l_reads_accented_words_that_rouge_scores_own_tokenizer_drops() -> None:
    # rouge-score's default tokenizer keeps only [a-z0-9]: "Straße" and "Strasse" would share "stra".
    assert rouge_l("Die Straße ist schön", "Die Straße ist schön") == pytest.approx(1.0)
    assert rouge_l("Straße", "Strasse") == 0.0
    assert rouge_l("la capitale est Paris", "la capitale est Paris") == pytest.approx(1.0)


def test_compare_finds_no_drift_between_identical_runs() -> None:
    scores = {f"k{i}": 0.3 + 0.005 * i for i in range(100)}
    verdict = compare(scores, dict(scores))
    assert not verdict.drift and verdict.relative_change == 0.0 and verdict.items == 100


def test_compare_finds_a_clear_drop_and_pairs_items_by_key() -> None:
    baseline = {f"k{i}": 0.5 + 0.004 * (i % 50) for i in range(100)}
    new = {k: v * 0.8 for k, v in reversed(list(baseline.items()))}
    new["only-new"] = 1.0  # an item the baseline did not score is not compared
    verdict = compare(baseline, new)
    assert verdict.drift and verdict.items == 100
    assert verdict.relative_change == pytest.approx(-0.2)
    assert verdict.ci_low <= -0.05 and verdict.ci_high < 0


def test_compare_is_reproducible_with_its_seed() -> None:
    baseline = [0.2, 0.5, 0.9, 0.4, 0.7, 0.3, 0.6, 0.8]
    new = [0.1, 0.5, 0.7, 0.5, 0.6, 0.3, 0.4, 0.8]
    assert compare(baseline, new) == compare(baseline, new)


def test_compare_refuses_what_cannot_be_compared() -> None:
    with pytest.raises(ValueError, match="as many items"):
        compare([0.1, 0.2], [0.1])
    with pytest.raises(ValueError, match="at least 2"):
        compare({"a": 0.5}, {"a": 0.4})
    with pytest.raises(ValueError, match="all zero"):
        compare([0.0, 0.0], [0.0, 0.0])


def test_a_run_without_a_baseline_says_so(golden_set: GoldenSet) -> None:
    run = drift.run_golden_set(golden_set, faithful())
    assert run.status == DriftRun.Status.NO_BASELINE and run.mean_score == pytest.approx(1.0)
    assert set(run.scores) == {item["id"] for item in ITEMS}


def test_the_same_model_again_is_no_drift_and_a_degraded_one_is(golden_set: GoldenSet) -> None:
    base = drift.run_golden_set(golden_set, faithful(), baseline=True)
    assert base.is_baseline and base.status == DriftRun.Status.BASELINE
    assert records("quality.drift_baseline_set")[0]["meta"]["items"] == len(ITEMS)

    same = drift.run_golden_set(golden_set, faithful())
    assert same.status == DriftRun.Status.OK and not same.verdict["drift"]
    assert records("quality.drift_detected") == []

    worse = drift.run_golden_set(golden_set, degraded(), version="2")
    assert worse.status == DriftRun.Status.DRIFT
    assert worse.verdict["relative_change"] < -0.5 and worse.verdict["baseline_run"] == base.pk
    found = records("quality.drift_detected")
    assert len(found) == 1
    assert found[0]["meta"]["model"] == "chat" and found[0]["meta"]["version"] == "2"
    assert found[0]["meta"]["run"] == worse.pk


def test_a_new_baseline_replaces_the_old_one(golden_set: GoldenSet) -> None:
    first = drift.run_golden_set(golden_set, faithful(), baseline=True)
    second = drift.run_golden_set(golden_set, degraded(), baseline=True)
    first.refresh_from_db()
    assert not first.is_baseline and drift.baseline_of(golden_set) == second
    assert records("quality.drift_baseline_set")[1]["meta"]["previous_run"] == first.pk
    # Measured against the new (worse) baseline, the worse model is no longer a drift.
    assert drift.run_golden_set(golden_set, degraded()).status == DriftRun.Status.OK


def test_a_baseline_that_scored_nothing_gives_no_verdict(golden_set: GoldenSet) -> None:
    drift.run_golden_set(golden_set, answers_from({i["prompt"]: "Bananas." for i in ITEMS}), baseline=True)
    run = drift.run_golden_set(golden_set, faithful())
    assert run.status == DriftRun.Status.FAILED and "scores are all zero" in run.error


def test_a_model_that_cannot_be_reached_leaves_a_failed_run(golden_set: GoldenSet) -> None:
    def unreachable(prompt: str) -> str:
        raise ConnectionError("connection refused")

    with pytest.raises(ConnectionError):
        drift.run_golden_set(golden_set, unreachable)
    run = DriftRun.objects.get()
    assert run.status == DriftRun.Status.FAILED and "connection refused" in run.error


def test_an_injected_embedding_scorer_scores_every_item(golden_set: GoldenSet) -> None:
    def embed(texts: list[str]) -> list[list[float]]:
        # A toy embedding: letter counts. Identical texts are at similarity 1.
        return [[t.lower().count(c) for c in "abcdefghijklmnopqrstuvwxyz"] for t in texts]

    run = drift.run_golden_set(golden_set, faithful(), embed=embed)
    assert all(s["embedding"] == pytest.approx(1.0) for s in run.scores.values())
    blank = drift.score_items([("k", "The capital of France is Paris.", "")], embed=embed)
    assert blank["k"]["embedding"] == 0.0 and blank["k"]["rouge_l"] == 0.0


def test_the_drift_metric_follows_the_last_run(golden_set: GoldenSet) -> None:
    def drift_value() -> float | None:
        family = next(m for m in metrics.read_state() if m.name == "airlock_quality_drift")
        values = [s.value for s in family.samples if s.labels == {"model": "chat"}]
        return values[0] if values else None

    assert drift_value() is None
    drift.run_golden_set(golden_set, faithful(), baseline=True)
    assert drift_value() == 0.0
    drift.run_golden_set(golden_set, degraded())
    assert drift_value() == 1.0
    drift.run_golden_set(golden_set, degraded(), baseline=True)  # accepted: a new baseline clears it
    assert drift_value() == 0.0


def test_the_weekly_job_is_scheduled() -> None:
    job = next(j for j in schedule.jobs() if j.name == "quality-drift-check")
    assert job.task == "quality.tasks.drift_check" and job.seconds == 7 * 86400


def test_the_drift_job_runs_every_set_with_a_baseline(
    golden_set: GoldenSet, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    golden.import_items("other", [json.dumps(ITEMS[0])])  # no baseline: not run
    drift.run_golden_set(golden_set, faithful(), baseline=True)
    settings.AIRLOCK_QUALITY_API_KEY = "al-test-key"
    asked: list[str] = []

    def answerer(model: str, **_: object) -> Callable[[str], str]:
        asked.append(model)
        return degraded()

    monkeypatch.setattr(runner, "gateway_answerer", answerer)
    assert tasks.drift_check() == "chat: drift"
    assert asked == ["chat"]
    assert len(records("quality.drift_detected")) == 1


def test_the_drift_job_says_why_it_cannot_run_without_a_key(golden_set: GoldenSet, settings) -> None:
    drift.run_golden_set(golden_set, faithful(), baseline=True)
    settings.AIRLOCK_QUALITY_API_KEY = ""
    assert tasks.drift_check().startswith("not run: set AIRLOCK_QUALITY_API_KEY")


def test_the_drift_job_through_the_schedule_records_its_result(
    golden_set: GoldenSet, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    drift.run_golden_set(golden_set, faithful(), baseline=True)
    settings.AIRLOCK_QUALITY_API_KEY = "al-test-key"
    monkeypatch.setattr(runner, "gateway_answerer", lambda model, **_: faithful())
    assert schedule.run_job("quality-drift-check") == "ok"
    assert DriftRun.objects.filter(status=DriftRun.Status.OK).count() == 1
