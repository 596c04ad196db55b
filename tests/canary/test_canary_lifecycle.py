"""Starting, promoting and rolling back a canary by hand: the rules, the state, the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from audit.events import Event
from inference import backend_ops, canary, services
from inference.models import Canary, Deployment, Model, Provider
from tests.canary.conftest import Release, Respond, audit_bodies, make_release, weights

pytestmark = pytest.mark.django_db


def test_a_canary_starts_against_the_default_version_and_is_audited(
    release: Release, administrator: User
) -> None:
    started = canary.do_start_canary(
        release.model,
        release.v2,
        10,
        actor=administrator,
        min_requests=50,
        max_error_ratio=3,
        max_p95_ratio=2,
    )
    assert started.state == Canary.State.RUNNING
    assert started.baseline == release.v1 and started.candidate == release.v2
    assert (started.percent, started.min_requests, started.max_error_ratio) == (10, 50, 3.0)
    assert started.started_by == administrator
    [body] = audit_bodies(Event.CANARY_STARTED)
    assert body["actor"]["name"] == "adam-admin"
    assert body["target"] == {"type": "model", "id": "llama-8b"}
    assert body["meta"]["new"] == {
        "baseline": "v1",
        "candidate": "v2",
        "percent": 10,
        "min_requests": 50,
        "max_error_ratio": 3.0,
        "max_p95_ratio": 2.0,
        "min_judged": 30,
        "max_judge_drop": 0.5,
    }


def test_a_second_running_canary_for_the_same_model_is_refused(
    release: Release, administrator: User, tmp_path: Path
) -> None:
    canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    v3 = services.do_register_model_version(
        "llama-8b", weights(tmp_path / "v3", b"three"), version="v3", make_default=False
    )
    services.do_deploy(v3, release.backend)
    with pytest.raises(ValidationError, match="already has a running canary"):
        canary.do_start_canary(release.model, v3, 10, actor=administrator)
    assert Canary.objects.filter(state=Canary.State.RUNNING).count() == 1
    assert len(audit_bodies(Event.CANARY_STARTED)) == 1


@pytest.mark.parametrize(
    ("settings_given", "field"),
    [
        ({"percent": 0}, "percent"),
        ({"percent": 100}, "percent"),
        ({"min_requests": 0}, "min_requests"),
        ({"max_error_ratio": 0.5}, "max_error_ratio"),
        ({"max_p95_ratio": float("nan")}, "max_p95_ratio"),
    ],
)
def test_thresholds_out_of_range_are_refused_with_the_field_named(
    release: Release, administrator: User, settings_given: dict[str, float], field: str
) -> None:
    arguments = {"percent": 10, "min_requests": 200, "max_error_ratio": 2.0, "max_p95_ratio": 1.5}
    arguments.update(settings_given)
    percent = int(arguments.pop("percent"))
    with pytest.raises(ValidationError) as caught:
        canary.do_start_canary(release.model, release.v2, percent, actor=administrator, **arguments)  # type: ignore[arg-type]
    assert field in caught.value.message_dict
    assert not Canary.objects.exists()


def test_the_candidate_must_be_another_deployed_version_of_the_model(
    release: Release, administrator: User, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="already the default"):
        canary.do_start_canary(release.model, release.v1, 10, actor=administrator)
    other = make_release(tmp_path, "mistral-7b", "http://127.0.0.1:10")
    with pytest.raises(ValidationError, match="is not a version of llama-8b"):
        canary.do_start_canary(release.model, other.v2, 10, actor=administrator)
    undeployed = services.do_register_model_version(
        "llama-8b", weights(tmp_path / "v9", b"nine"), version="v9", make_default=False
    )
    with pytest.raises(ValidationError, match="no active deployment"):
        canary.do_start_canary(release.model, undeployed, 10, actor=administrator)
    # A deployment being drained takes no new requests: it cannot carry a canary either.
    backend_ops.do_drain(Deployment.objects.get(model_version=release.v2), actor=administrator)
    with pytest.raises(ValidationError, match="no active deployment"):
        canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    assert not Canary.objects.exists()


def test_a_model_without_a_default_or_an_external_one_cannot_take_a_canary(
    release: Release, administrator: User
) -> None:
    Model.objects.filter(pk=release.model.pk).update(default_version=None)
    release.model.refresh_from_db()
    with pytest.raises(ValidationError, match="no default version"):
        canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    provider = Provider.objects.create(name="openai", kind="openai", base_url="https://api.openai.com/v1")
    external = Model.objects.create(name="gpt-4o", provider=provider, remote_name="gpt-4o")
    with pytest.raises(ValidationError, match="external model"):
        canary.do_start_canary(external, release.v2, 10, actor=administrator)


def test_promotion_makes_the_candidate_the_default_and_ends_the_canary(
    release: Release, administrator: User, respond: Respond
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    respond(release.v1, count=3)
    respond(release.v2, count=2)
    promoted = canary.do_promote(running, actor=administrator)
    release.model.refresh_from_db()
    assert release.model.default_version == release.v2
    assert promoted.state == Canary.State.PROMOTED and promoted.ended_by == administrator
    assert promoted.ended_at is not None and "promoted by adam-admin" in promoted.end_reason
    [body] = audit_bodies(Event.CANARY_PROMOTED)
    assert body["meta"]["new"] == {"state": "promoted", "default_version": "v2"}
    assert body["meta"]["comparison"]["candidate"]["requests"] == 2
    assert body["meta"]["comparison"]["baseline"]["requests"] == 3
    [default_changed] = audit_bodies(Event.MODEL_DEFAULT_CHANGED)[-1:]
    assert default_changed["meta"]["new"]["version"] == "v2"
    with pytest.raises(ValidationError, match="ended already"):
        canary.do_promote(promoted, actor=administrator)


def test_promotion_is_refused_when_the_candidate_is_no_longer_deployed(
    release: Release, administrator: User
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 10, actor=administrator)
    services.do_undeploy(Deployment.objects.get(model_version=release.v2), actor=administrator)
    with pytest.raises(ValidationError, match="no active deployment"):
        canary.do_promote(running, actor=administrator)
    release.model.refresh_from_db()
    assert release.model.default_version == release.v1
    assert Canary.objects.get().state == Canary.State.RUNNING


def test_a_manual_rollback_needs_a_reason_and_keeps_the_default(
    release: Release, administrator: User
) -> None:
    running = canary.do_start_canary(release.model, release.v2, 25, actor=administrator)
    with pytest.raises(ValidationError, match="Say why"):
        canary.do_rollback(running, actor=administrator, reason="   ")
    ended = canary.do_rollback(running, actor=administrator, reason="answers too verbose")
    assert ended.state == Canary.State.ROLLED_BACK
    assert ended.end_reason == "answers too verbose" and ended.ended_by == administrator
    release.model.refresh_from_db()
    assert release.model.default_version == release.v1
    [body] = audit_bodies(Event.CANARY_ROLLED_BACK)
    assert body["actor"]["name"] == "adam-admin"
    assert body["meta"]["automatic"] is False and body["meta"]["reason"] == "answers too verbose"
    with pytest.raises(ValidationError, match="ended already"):
        canary.do_rollback(ended, actor=administrator, reason="again")
    # The model may take a new canary now.
    assert canary.do_start_canary(release.model, release.v2, 5, actor=administrator).state == "running"
