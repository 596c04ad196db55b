"""The judge: the sampled share of an application's answers (measured against the binomial
distribution), scored by a judge model reached through the appliance's own gateway — here a
stub that speaks OpenAI's protocol on loopback — and only where the audit content mode lets
the text be read. Low scores go to the review queue.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from django.contrib.auth.models import User
from django.test import Client

from appliance.roles import Role, grant
from audit.events import Event
from audit.log import record
from audit.models import AuditRecord
from inference import services
from inference.models import Application
from quality import configure, judge, sampling, tasks
from quality.models import JudgeScore, ReviewItem
from tests.quality.stub_judge import StubJudge
from tests.routing.conftest import Lab, _weights, changed
from tests.signin import sign_in_verified


def within(count: int, n: int, share: float, sigmas: float = 4.5) -> bool:
    """``count`` of ``n`` draws is within ``sigmas`` standard deviations of ``n * share``."""
    return abs(count - n * share) <= sigmas * math.sqrt(n * share * (1 - share))


def test_the_draw_takes_the_set_share_and_judge_and_review_draws_are_independent() -> None:
    n = 100_000
    ids = [f"req_{i:032x}" for i in range(n)]
    judged = {r for r in ids if sampling.drawn(r, 15.0, "judge")}
    reviewed = {r for r in ids if sampling.drawn(r, 5.0, "review")}
    assert within(len(judged), n, 0.15) and within(len(reviewed), n, 0.05)
    assert within(len(judged & reviewed), n, 0.15 * 0.05), "one draw does not decide the other"
    assert all(sampling.drawn(r, 15.0, "judge") for r in list(judged)[:100]), "the same in every process"
    assert not any(sampling.drawn(r, 0.0, "judge") for r in ids[:1000])
    assert all(sampling.drawn(r, 100.0, "judge") for r in ids[:1000])


def _answers(app: Application, n: int, prefix: str = "req") -> list[str]:
    ids = [f"{prefix}_{app.pk}_{i:028x}" for i in range(n)]
    for request_id in ids:
        record(
            Event.INFERENCE_RESPONSE,
            request_id=request_id,
            application_id=app.pk,
            meta={"outcome": "completed", "model": "chat", "model_version": "v1", "status": 200},
        )
    return ids


def test_the_sampling_job_judges_and_queues_the_set_shares_once(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    n = 3000
    full = services.do_create_application("full-app", allowed_models=[])
    services.do_set_audit_content(full, "full")
    metadata = services.do_create_application("metadata-app", allowed_models=[])
    history = _answers(full, 100, prefix="old")  # before sampling was set up: never sampled
    configure.do_set_sampling(full, judge_percent=15, review_percent=5)
    configure.do_set_sampling(metadata, judge_percent=15, review_percent=5)
    unsampled = services.do_create_application("unsampled-app", allowed_models=[])
    _answers(full, n)
    _answers(metadata, n)
    _answers(unsampled, 200)
    handed: list[str] = []
    with django_capture_on_commit_callbacks(execute=True):
        done = sampling.run_pass(judge=handed.append, limit=10_000, lag_seconds=0)
    assert done.read == 2 * n + 200
    assert within(len(handed), n, 0.15), f"{len(handed)} of {n} judged"
    assert all(r.startswith(f"req_{full.pk}_") for r in handed), "only a full-content application is judged"
    assert not set(history) & set(handed)
    for app in (full, metadata):
        queued = ReviewItem.objects.filter(application=app, source=ReviewItem.Source.SAMPLED).count()
        assert within(queued, n, 0.05), f"{queued} of {n} queued for review"
    assert not ReviewItem.objects.filter(application=unsampled).exists()

    with django_capture_on_commit_callbacks(execute=True):
        again = sampling.run_pass(judge=handed.append, lag_seconds=0)
    assert again.read == 0 and again.judged == [], "the cursor moved past what was read"


@pytest.fixture
def stub_judge() -> Iterator[StubJudge]:
    server = StubJudge().start()
    yield server
    server.stop()


@pytest.fixture
def judged_lab(lab: Lab, stub_judge: StubJudge, settings: Any) -> Lab:
    """The lab, plus a judge model deployed on the stub judge and the quality key allowed it."""
    judge_version = services.do_register_model_version("judge-model", _weights("judge"), version="j1")
    services.do_deploy(
        judge_version, services.do_register_backend("judge-host", stub_judge.url), served_name="judge"
    )
    quality_app = services.do_create_application("airlock-quality", allowed_models=["judge-model"])
    settings.AIRLOCK_QUALITY_GATEWAY_URL = lab.url
    settings.AIRLOCK_QUALITY_API_KEY = services.do_create_api_key(quality_app, name="judge").plaintext
    settings.AIRLOCK_QUALITY_JUDGE_MODEL = "judge-model"
    lab.deploy("gpu-a", "ok-a")
    return lab


def _asked(lab: Lab, mode: str) -> str:
    services.do_set_audit_content(lab.app, mode)
    changed()
    answer = lab.post({})
    assert answer.status_code == 200
    return str(answer.headers["x-request-id"])


def test_the_judge_scores_a_sampled_answer_through_the_gateway(
    judged_lab: Lab, stub_judge: StubJudge, django_user_model: Any
) -> None:
    configure.do_set_sampling(judged_lab.app, judge_percent=100, review_percent=0, low_score=4.5)
    request_id = _asked(judged_lab, "full")
    done = sampling.run_pass(judge=tasks.judge, lag_seconds=0)
    assert done.judged == [request_id]
    score = JudgeScore.objects.get(request_id=request_id)
    assert (score.relevance, score.tone, score.unsupported_claims, score.mean) == (4, 5, 3, 4.0), score.error
    assert (score.model_name, score.version, score.judge_model, score.error) == (
        "chat",
        "v1",
        "judge-model",
        "",
    )

    (asked,) = stub_judge.requests
    assert asked["model"] == "judge" and asked["temperature"] == 0
    system, user = asked["messages"]
    assert "unsupported_claims" in system["content"] and "1-5" in system["content"]
    assert "Say hello." in user["content"] and "hello from a" in user["content"]
    quality_app = Application.objects.get(name="airlock-quality")
    assert AuditRecord.objects.filter(
        event=Event.INFERENCE_REQUEST, application_id=quality_app.pk
    ).exists(), "the judge's request went through the gateway, audited like any other"
    judged = AuditRecord.objects.get(event=Event.JUDGED, request_id=request_id)
    assert orjson.loads(judged.body)["meta"]["scores"] == {"relevance": 4, "tone": 5, "unsupported_claims": 3}
    low = ReviewItem.objects.get(request_id=request_id, source=ReviewItem.Source.LOW_SCORE)
    assert low.detail["judge_mean"] == 4.0 and low.detail["threshold"] == 4.5

    assert sampling.run_pass(judge=tasks.judge, lag_seconds=0).judged == [], (
        "the judge's own request is not judged"
    )
    assert tasks.judge(request_id) == "nothing to do" and len(stub_judge.requests) == 1

    reviewer: User = django_user_model.objects.create_user("rita-reviewer")
    grant(reviewer, Role.REVIEWER)
    page = sign_in_verified(Client(), reviewer).get("/console/review/")
    assert page.status_code == 200 and "judge-table" in page.content.decode()
    assert "4.00" in page.content.decode()
    assert judge.means("chat", "v1")["n"] == 1


def test_the_judge_reads_nothing_of_an_application_that_does_not_keep_the_text(
    judged_lab: Lab, stub_judge: StubJudge
) -> None:
    configure.do_set_sampling(judged_lab.app, judge_percent=100)
    request_id = _asked(judged_lab, "metadata")
    assert sampling.run_pass(judge=tasks.judge, lag_seconds=0).judged == []
    judge.judge_request(request_id)
    score = JudgeScore.objects.get(request_id=request_id)
    assert score.mean is None and "audit content mode" in score.error
    assert stub_judge.requests == [], "nothing was sent to the judge"


def test_a_reply_without_scores_is_recorded_as_an_error(judged_lab: Lab, stub_judge: StubJudge) -> None:
    stub_judge.reply = "This answer looks fine to me."
    request_id = _asked(judged_lab, "full")
    judge.judge_request(request_id)
    score = JudgeScore.objects.get(request_id=request_id)
    assert score.mean is None and "no scores" in score.error
    assert not ReviewItem.objects.exists()


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ('{"relevance": 5, "tone": 4, "unsupported_claims": 2}', (5, 4, 2)),
        ('Scores: {"relevance": 3, "tone": 3.0, "unsupported_claims": 1} done', (3, 3, 1)),
        ('{"note": "x"} then {"relevance": 2, "tone": 2, "unsupported_claims": 2}', (2, 2, 2)),
    ],
)
def test_scores_are_read_from_the_judges_reply(reply: str, expected: tuple[int, int, int]) -> None:
    scores = judge.parse_scores(reply)
    assert (scores.relevance, scores.tone, scores.unsupported_claims) == expected


@pytest.mark.parametrize(
    "reply", ["", "fine", '{"relevance": 6, "tone": 4, "unsupported_claims": 2}', '{"relevance": 4}']
)
def test_a_reply_without_valid_scores_is_refused(reply: str) -> None:
    with pytest.raises(ValueError):
        judge.parse_scores(reply)


def test_a_canary_answer_judged_far_below_its_baseline_is_queued_as_a_disagreement(
    deployment: Any, application: Application, settings: Any
) -> None:
    from inference.models import Canary, ModelVersion

    settings.AIRLOCK_QUALITY_JUDGE_MODEL = "judge-model"
    services.do_set_audit_content(application, "full")
    v1 = deployment.model_version
    folder = _weights("v2")
    v2 = services.do_register_model_version("chat", folder, version="v2", make_default=False)
    Canary.objects.create(model=v1.model, baseline=v1, candidate=v2, percent=10)
    for i, mean in enumerate([4.0, 4.5, 4.2]):
        JudgeScore.objects.create(
            request_id=f"req_base_{i}", model_name="chat", version=v1.version, judge_model="j", mean=mean
        )
    for request_id, version in (("req_canary", "v2"), ("req_steady", "v2")):
        record(
            Event.INFERENCE_REQUEST,
            request_id=request_id,
            application_id=application.pk,
            meta={"model": "chat"},
            content={"request": {"messages": [{"role": "user", "content": "Opening hours?"}]}},
        )
        record(
            Event.INFERENCE_RESPONSE,
            request_id=request_id,
            application_id=application.pk,
            meta={"outcome": "completed", "model": "chat", "model_version": version},
            content={"response": {"choices": ["We sell bicycles."], "finish_reasons": ["stop"]}},
        )
    assert ModelVersion.objects.filter(model__name="chat").count() == 2
    low = judge.judge_request(
        "req_canary", ask=lambda _: '{"relevance": 2, "tone": 4, "unsupported_claims": 3}'
    )
    assert low is not None and low.mean == 3.0
    item = ReviewItem.objects.get(request_id="req_canary", source=ReviewItem.Source.CANARY)
    assert item.detail["baseline_version"] == v1.version and item.detail["baseline_mean"] == pytest.approx(
        4.233, abs=1e-3
    )
    judge.judge_request("req_steady", ask=lambda _: '{"relevance": 4, "tone": 4, "unsupported_claims": 4}')
    assert not ReviewItem.objects.filter(request_id="req_steady").exists()
