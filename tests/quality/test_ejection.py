"""Validation policies and failures: repeated invalid answers take a deployment out of routing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from prometheus_client import REGISTRY

from audit.models import AuditRecord
from inference import epoch
from inference.models import Application, Deployment, Model
from quality import services
from quality.models import ValidationFailure, ValidationPolicy
from quality.validation import Problem

GARBAGE = [Problem("garbage", "Letters of 5 scripts mixed.")]
TOO_LONG = [Problem("too_long", "The answer has 900 characters; at most 500 allowed.")]


def records(event: str) -> list[dict]:
    return [
        json.loads(b)
        for b in AuditRecord.objects.filter(event=event).order_by("pk").values_list("body", flat=True)
    ]


def failures_counted(model: str, target: str, problem: str) -> float:
    value = REGISTRY.get_sample_value(
        "airlock_validation_failures_total", {"model": model, "target": target, "problem": problem}
    )
    return value or 0.0


@pytest.fixture
def bumps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    monkeypatch.setattr(epoch, "bump", lambda: seen.append(1))
    return seen


def fail(
    deployment: Deployment, problems: list[Problem] = GARBAGE, **kwargs: object
) -> services.FailureOutcome:
    return services.record_failure(
        problems, model_name="chat", target="gpu1", deployment_id=deployment.pk, **kwargs
    )


def test_the_most_specific_policy_applies(deployment: Deployment, application: Application) -> None:
    model = Model.objects.get(name="chat")
    other = services.set_policy(application=None, model=None, max_chars=100)
    for_app = services.set_policy(application=application, model=None, max_chars=200)
    for_model = services.set_policy(application=None, model=model, max_chars=300)
    both = services.set_policy(application=application, model=model, max_chars=400)
    assert services.policy_for(application.pk, model.pk) == both
    assert services.policy_for(None, model.pk) == for_model
    assert services.policy_for(application.pk, None) == for_app
    assert services.policy_for(None, None) == other
    both.delete()
    assert services.policy_for(application.pk, model.pk) == for_model


def test_without_a_policy_answers_are_validated_but_nothing_is_ejected(deployment: Deployment) -> None:
    policy = services.policy_for(None, deployment.model_version.model_id)
    assert policy.pk is None and policy.enabled and policy.failures_to_eject == 0
    assert [p.code for p in services.check("the " * 40, policy)] == ["repetition"]


def test_a_disabled_policy_checks_nothing(application: Application) -> None:
    policy = services.set_policy(application=application, model=None, enabled=False)
    assert services.check("", policy) == []


def test_setting_a_policy_is_audited_with_old_and_new_values(application: Application) -> None:
    services.set_policy(application=application, model=None, failures_to_eject=3)
    services.set_policy(application=application, model=None, failures_to_eject=5, retry_once=True)
    assert ValidationPolicy.objects.filter(application=application).count() == 1
    changes = records("quality.policy_set")
    assert len(changes) == 2
    assert changes[0]["meta"]["old"] is None
    assert changes[1]["meta"]["old"]["failures_to_eject"] == 3
    assert changes[1]["meta"]["new"]["failures_to_eject"] == 5 and changes[1]["meta"]["new"]["retry_once"]


def test_an_unknown_policy_setting_is_refused(application: Application) -> None:
    with pytest.raises(ValueError, match="unknown policy settings: colour"):
        services.set_policy(application=application, model=None, colour="red")


def test_failures_past_the_threshold_take_the_deployment_out_of_routing(
    deployment: Deployment, bumps: list[int], django_capture_on_commit_callbacks
) -> None:
    services.set_policy(application=None, model=deployment.model_version.model, failures_to_eject=3)
    before = failures_counted("chat", "gpu1", "garbage")
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [fail(deployment, request_id=f"req-{i}") for i in range(3)]
    assert [o.failures_in_window for o in outcomes] == [1, 2, 3]
    assert [o.ejected for o in outcomes] == [False, False, True]
    deployment.refresh_from_db()
    assert not deployment.is_active
    assert bumps == [1], "every gateway worker must drop the deployment"
    assert failures_counted("chat", "gpu1", "garbage") - before == 3
    ejections = records("quality.validation_ejected")
    assert len(ejections) == 1
    meta = ejections[0]["meta"]
    assert meta["backend"] == "gpu1" and meta["model"] == "chat" and meta["failures"] == 3
    assert meta["threshold"] == 3 and meta["removed_from_routing"] is True
    assert ValidationFailure.objects.get(request_id="req-2").ejected


def test_a_deployment_is_ejected_once(deployment: Deployment, bumps: list[int]) -> None:
    services.set_policy(application=None, model=None, failures_to_eject=2)
    results = [fail(deployment).ejected for _ in range(5)]
    assert results == [False, True, False, False, False]
    assert len(records("quality.validation_ejected")) == 1


def test_failures_older_than_the_window_do_not_count(deployment: Deployment, bumps: list[int]) -> None:
    services.set_policy(application=None, model=None, failures_to_eject=3, window_seconds=60)
    fail(deployment)
    fail(deployment)
    ValidationFailure.objects.update(
        created_at=ValidationFailure.objects.first().created_at - timedelta(minutes=5)
    )
    outcome = fail(deployment)
    assert outcome.failures_in_window == 1 and not outcome.ejected
    deployment.refresh_from_db()
    assert deployment.is_active


def test_answers_too_long_for_an_application_never_eject_a_backend(
    deployment: Deployment, bumps: list[int]
) -> None:
    services.set_policy(application=None, model=None, failures_to_eject=2)
    before = failures_counted("chat", "gpu1", "too_long")
    outcomes = [fail(deployment, TOO_LONG) for _ in range(5)]
    assert not any(o.ejected for o in outcomes)
    assert outcomes[-1].failures_in_window == 0
    deployment.refresh_from_db()
    assert deployment.is_active
    assert failures_counted("chat", "gpu1", "too_long") - before == 5


def test_an_external_providers_failures_are_counted_never_ejected(db: None) -> None:
    outcome = services.record_failure(GARBAGE, model_name="claude-haiku", target="anthropic")
    assert outcome == services.FailureOutcome(failures_in_window=0, ejected=False)
    assert ValidationFailure.objects.get().target == "anthropic"


def test_a_failure_needs_its_problems(deployment: Deployment) -> None:
    with pytest.raises(ValueError):
        fail(deployment, [])


def test_a_policy_threshold_of_zero_never_ejects(deployment: Deployment, bumps: list[int]) -> None:
    services.set_policy(application=None, model=None, failures_to_eject=0)
    assert not any(fail(deployment).ejected for _ in range(20))
    deployment.refresh_from_db()
    assert deployment.is_active


def test_a_failure_row_keeps_its_codes_and_messages(deployment: Deployment) -> None:
    fail(
        deployment,
        [Problem("schema", 'The answer does not match the requested schema at age (type: "integer").')],
    )
    row = ValidationFailure.objects.get()
    assert row.codes == ["schema"] and "integer" in row.messages[0]


def test_an_ejected_deployment_shows_in_the_scraped_state_until_it_is_back(
    deployment: Deployment, bumps: list[int]
) -> None:
    from inference.metrics import exposition

    def ejected() -> list[tuple[dict, float]]:
        family = next(m for m in exposition.read_state() if m.name == "airlock_deployment_validation_ejected")
        return [(s.labels, s.value) for s in family.samples]

    assert ejected() == []
    services.set_policy(application=None, model=None, failures_to_eject=1)
    assert fail(deployment).ejected
    assert ejected() == [({"backend": "gpu1", "model": "chat"}, 1.0)]
    Deployment.objects.filter(pk=deployment.pk).update(is_active=True)  # deployed again
    assert ejected() == [({"backend": "gpu1", "model": "chat"}, 0.0)]
