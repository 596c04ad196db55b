"""The judge's scores in the canary comparison and its automatic rollback.

Answers are judged the way the sampling job has them judged (``quality.judge.judge_request``,
reading the request's audit records of a ``full``-content application), with the judge model
replaced by a function that returns the scores a test wants.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from audit.events import Event
from audit.log import record
from inference import canary, services
from inference.models import Application, Canary, ModelVersion
from quality import judge
from quality.models import JudgeScore
from tests.canary.conftest import Release, Respond, audit_bodies
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db

GOOD = '{"relevance": 4, "tone": 5, "unsupported_claims": 4}'  # mean 4.33
SO_SO = '{"relevance": 4, "tone": 4, "unsupported_claims": 4}'  # mean 4.00
POOR = '{"relevance": 2, "tone": 3, "unsupported_claims": 2}'  # mean 2.33


@pytest.fixture(autouse=True)
def _fresh_data_keys() -> Iterator[None]:
    """Workers keep audit data keys for a minute; a rolled-back test's keys must not outlive it."""
    from audit import envelope

    envelope.forget()
    yield
    envelope.forget()


@pytest.fixture
def app(db: None, settings: Any) -> Application:
    settings.AIRLOCK_QUALITY_JUDGE_MODEL = "judge-model"
    found = services.do_create_application("helpdesk", allowed_models=[])
    services.do_set_audit_content(found, "full")
    return found


def judged(app: Application, version: ModelVersion, reply: str, count: int = 1) -> None:
    """``count`` answers of ``version``, on record as the gateway writes them, scored by the judge."""
    for _ in range(count):
        request_id = f"req_{secrets.token_hex(8)}"
        record(
            Event.INFERENCE_REQUEST,
            request_id=request_id,
            application_id=app.pk,
            meta={"model": version.model.name},
            content={"request": {"messages": [{"role": "user", "content": "When do you open?"}]}},
        )
        record(
            Event.INFERENCE_RESPONSE,
            request_id=request_id,
            application_id=app.pk,
            meta={
                "outcome": "completed",
                "model": version.model.name,
                "model_version": version.version,
                "model_version_id": version.pk,
                "status": 200,
                "latency_ms": 100.0,
            },
            content={"response": {"choices": ["We open at nine."], "finish_reasons": ["stop"]}},
        )
        score = judge.judge_request(request_id, ask=lambda _messages: reply)
        assert score is not None and score.mean is not None, score and score.error


def start(release: Release, administrator: User, **settings: Any) -> Canary:
    # A minimum request sample out of reach: only the judge's rule can end these canaries.
    chosen = {"min_requests": 10_000, "min_judged": 5, "max_judge_drop": 0.5, **settings}
    return canary.do_start_canary(release.model, release.v2, 10, actor=administrator, **chosen)


def test_a_canary_the_judge_scores_lower_is_rolled_back_once_each_version_has_its_minimum(
    release: Release, administrator: User, app: Application
) -> None:
    start(release, administrator)
    judged(app, release.v1, GOOD, count=5)
    judged(app, release.v2, POOR, count=4)
    assert canary.evaluate_running() == [], "4 judged canary answers: under the minimum of 5"
    judged(app, release.v2, POOR)
    assert canary.evaluate_running() == ["llama-8b@v2"]

    ended = Canary.objects.get()
    assert ended.state == Canary.State.ROLLED_BACK and ended.ended_by is None
    assert ended.end_reason == (
        "automatic: judge score 2.33 (5 judged answers) is below "
        "baseline 4.33 (5 judged answers) - 0.5 = 3.83"
    )
    [body] = audit_bodies(Event.CANARY_ROLLED_BACK)
    assert body["actor"] == {"id": None, "name": "canary-evaluate"}
    assert body["meta"]["automatic"] is True and body["meta"]["reason"] == ended.end_reason
    assert body["meta"]["settings"]["min_judged"] == 5 and body["meta"]["settings"]["max_judge_drop"] == 0.5
    assert body["meta"]["comparison"]["candidate"]["judge_score"] == pytest.approx(2.333, abs=1e-3)
    assert body["meta"]["comparison"]["candidate"]["judged"] == 5
    assert body["meta"]["comparison"]["baseline"]["judged"] == 5


def test_a_canary_within_the_margin_is_kept_and_a_wider_margin_tolerates_more(
    release: Release, administrator: User, app: Application
) -> None:
    start(release, administrator)
    judged(app, release.v1, GOOD, count=5)
    judged(app, release.v2, SO_SO, count=5)  # 0.33 lower: within 0.5
    assert canary.evaluate_running() == []
    comparison = canary.compare(Canary.objects.get())
    assert comparison.baseline.judge_score.n == 5 and comparison.candidate.judge_score.n == 5
    assert comparison.candidate.judge_score.value == pytest.approx(4.0)

    canary.do_rollback(Canary.objects.get(), actor=administrator, reason="next test")
    wide = start(release, administrator, max_judge_drop=2.5)
    judged(app, release.v1, GOOD, count=5)
    judged(app, release.v2, POOR, count=5)  # 2 points lower: within 2.5
    assert canary.regression(wide, canary.compare(wide)) is None


def test_scores_judged_before_the_canary_started_do_not_count(
    release: Release, administrator: User, app: Application
) -> None:
    judged(app, release.v1, GOOD, count=5)
    judged(app, release.v2, POOR, count=5)  # e.g. a canary of v2 that was rolled back before
    JudgeScore.objects.update(created_at=JudgeScore.objects.first().created_at - timedelta(hours=1))  # type: ignore[union-attr]
    running = start(release, administrator)
    comparison = canary.compare(running)
    assert comparison.candidate.judge_score.n == 0 and comparison.baseline.judge_score.n == 0
    assert canary.evaluate_running() == []


def test_an_error_regression_is_still_found_with_judge_scores_that_are_fine(
    release: Release, administrator: User, app: Application, respond: Respond
) -> None:
    start(release, administrator, min_requests=20)
    judged(app, release.v1, GOOD, count=5)
    judged(app, release.v2, GOOD, count=5)
    respond(release.v1, count=100)
    respond(release.v2, status=502, count=20)
    assert canary.evaluate_running() == ["llama-8b@v2"]
    assert Canary.objects.get().end_reason.startswith("automatic: error rate")


@pytest.mark.parametrize("field", [{"min_judged": 0}, {"max_judge_drop": -0.1}, {"max_judge_drop": 4.5}])
def test_judge_settings_out_of_range_are_refused(
    release: Release, administrator: User, field: dict[str, float]
) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        start(release, administrator, **field)
    assert set(caught.value.message_dict) == set(field)
    assert not Canary.objects.exists()


def test_the_api_and_the_console_show_the_judge_scores_and_the_rule(
    release: Release, administrator: User, app_owner: User, app: Application
) -> None:
    api = APIClient()
    sign_in_verified(api, administrator)
    refused = api.post(
        "/api/canaries/",
        {"model": "llama-8b", "candidate": "v2", "percent": 10, "max_judge_drop": 5},
        format="json",
    )
    assert refused.status_code == 400 and "max_judge_drop" in refused.json()
    created = api.post(
        "/api/canaries/",
        {"model": "llama-8b", "candidate": "v2", "percent": 10, "min_judged": 5, "max_judge_drop": 0.75},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert (created.json()["min_judged"], created.json()["max_judge_drop"]) == (5, 0.75)
    pk = created.json()["id"]
    judged(app, release.v1, GOOD, count=5)
    judged(app, release.v2, POOR, count=5)

    figures = api.get(f"/api/canaries/{pk}/compare/").json()
    assert figures["baseline"]["judge_score"]["n"] == 5
    assert figures["candidate"]["judge_score"]["value"] == pytest.approx(2.333, abs=1e-3)
    assert figures["regression"].startswith("judge score 2.33 (5 judged answers) is below baseline 4.33")
    owner = APIClient()
    sign_in_verified(owner, app_owner)
    assert owner.get(f"/api/canaries/{pk}/compare/").status_code == 403

    page = sign_in_verified(Client(), administrator).get(
        reverse("console:model_detail", kwargs={"name": "llama-8b"})
    )
    html = page.content.decode()
    row = html[html.index('data-figure="judge_score"') :]
    row = row[: row.index("</tr>")]
    assert "4.33" in row and "2.33" in row and "(5 judged)" in row
    assert "once the judge has scored 5 answers of each version" in html
    assert "The next automatic check will roll it back: judge score 2.33" in html


def test_an_administrator_sets_the_judge_rule_when_starting_a_canary_in_the_console(
    release: Release, administrator: User
) -> None:
    client = sign_in_verified(Client(), administrator)
    url = reverse("console:canary_start", kwargs={"name": "llama-8b"})
    form = {
        "candidate": release.v2.pk,
        "percent": 10,
        "min_requests": 100,
        "max_error_ratio": 2,
        "max_p95_ratio": 1.5,
    }
    assert client.post(url, {**form, "min_judged": 50, "max_judge_drop": 4.5}).status_code == 400
    assert not Canary.objects.exists()
    assert client.post(url, {**form, "min_judged": 50, "max_judge_drop": 0.8}).status_code == 302
    started = Canary.objects.get()
    assert (started.min_judged, started.max_judge_drop) == (50, 0.8)
    [body] = audit_bodies(Event.CANARY_STARTED)
    assert body["meta"]["new"]["min_judged"] == 50 and body["meta"]["new"]["max_judge_drop"] == 0.8
