"""The golden-set check before a version becomes the default (``quality.promotion``).

Every path that makes a new version the default goes through it: a canary's promotion, the
console's and the management API's *make default*, and registering a version with
``make_default``. Drift refuses (audited, naming the scores), a clean recent run lets it
through, no golden set lets it through with a note, and an administrator's override is audited.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management.base import CommandError
from django.test import Client

from appliance.celery import app as celery_app
from audit.models import AuditRecord
from inference import canary as canaries
from inference import services
from inference.models import Canary, Deployment, Model, ModelVersion
from quality import drift, golden, promotion, runner, tasks
from quality.models import DriftRun, GoldenSet
from tests.inference.test_adapter_runtime import adapter_folder, fakes, run, served_base  # noqa: F401
from tests.signin import sign_in_verified

ITEMS = [
    {"id": f"q{i}", "prompt": f"Question {i}: what is the capital of {country}?", "reference": answer}
    for i, (country, answer) in enumerate(
        [
            ("France", "The capital of France is Paris."),
            ("Germany", "The capital of Germany is Berlin."),
            ("Spain", "The capital of Spain is Madrid, in the centre of the country."),
            ("Italy", "Rome is the capital of Italy."),
            ("Belgium", "The capital of Belgium is Brussels."),
            ("Austria", "Vienna is the capital of Austria."),
            ("Portugal", "The capital of Portugal is Lisbon."),
            ("Norway", "Oslo is the capital of Norway."),
            ("Poland", "The capital of Poland is Warsaw."),
            ("Greece", "Athens is the capital of Greece."),
        ]
    )
]


@pytest.fixture(autouse=True)
def _tasks_in_process() -> Iterator[None]:
    """The console's check button queues a Celery task: run it in the test (CI sets REDIS_URL,
    which otherwise queues it for a worker the test does not run)."""
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.task_eager_propagates)
    conf.task_always_eager = conf.task_eager_propagates = True
    yield
    conf.task_always_eager, conf.task_eager_propagates = saved


def faithful() -> Callable[[str], str]:
    table = {item["prompt"]: item["reference"] for item in ITEMS}
    return lambda prompt: table[prompt]


def degraded() -> Callable[[str], str]:
    return lambda prompt: "I think it is a large city in Europe."


def metas(event: str) -> list[dict[str, Any]]:
    rows = AuditRecord.objects.filter(event=event).order_by("pk").values_list("body", flat=True)
    return [json.loads(body)["meta"] for body in rows]


def weights(tag: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors").write_bytes(tag.encode())
    return folder


@pytest.fixture
def versions(db: None) -> dict[str, ModelVersion]:
    """``chat`` with v1 (the default) and v2, each deployed."""
    backend = services.do_register_backend("gpu1", "http://127.0.0.1:9")
    v1 = services.do_register_model_version("chat", weights("v1"), version="v1")
    v2 = services.do_register_model_version("chat", weights("v2"), version="v2", make_default=False)
    services.do_deploy(v1, backend, served_name="chat-v1")
    services.do_deploy(v2, backend, served_name="chat-v2")
    return {"v1": v1, "v2": v2}


@pytest.fixture
def golden_set(versions: dict[str, ModelVersion]) -> GoldenSet:
    """A golden set of ``chat`` with a baseline run of the live model."""
    found = golden.import_items("chat", [json.dumps(item) for item in ITEMS]).golden_set
    drift.run_golden_set(found, faithful(), baseline=True)
    return found


def default_of(name: str = "chat") -> str:
    model = Model.objects.select_related("default_version").get(name=name)
    return model.default_version.version if model.default_version else ""


# --- make default (the services every path calls) ---


def test_without_a_golden_set_a_version_is_promoted_and_its_record_says_so(
    versions: dict[str, ModelVersion],
) -> None:
    services.do_set_default_version(versions["v2"])
    assert default_of() == "v2"
    (changed,) = metas("model.default_changed")
    assert changed["quality_check"]["note"] == "no golden set" and changed["quality_check"]["ok"]
    assert metas("quality.promotion_refused") == []


def test_a_version_never_checked_is_refused_with_how_to_check_it(golden_set: GoldenSet) -> None:
    v2 = ModelVersion.objects.get(version="v2")
    with pytest.raises(promotion.PromotionRefused, match="no drift run") as refused:
        services.do_set_default_version(v2)
    assert "airlock quality drift run --model chat --version v2" in str(refused.value)
    assert default_of() == "v1"
    (refusal,) = metas("quality.promotion_refused")
    assert refusal["action"] == "model.set_default" and refusal["version"] == "v2" and not refusal["ok"]
    assert metas("model.default_changed") == []


def test_a_drifted_version_is_refused_naming_the_drop(golden_set: GoldenSet) -> None:
    v2 = ModelVersion.objects.get(version="v2")
    run = drift.run_golden_set(golden_set, degraded(), version="v2")
    assert run.status == DriftRun.Status.DRIFT
    with pytest.raises(promotion.PromotionRefused) as refused:
        services.do_set_default_version(v2)
    message = " ".join(refused.value.messages)
    assert f"drifted against the golden set's baseline (run {run.pk})" in message
    assert "rouge_l -" in message and "%" in message
    assert default_of() == "v1"
    (refusal,) = metas("quality.promotion_refused")
    assert refusal["run"] == run.pk and refusal["drifted"]["rouge_l"] < -0.05


def test_a_clean_recent_run_lets_the_version_through(golden_set: GoldenSet) -> None:
    v2 = ModelVersion.objects.get(version="v2")
    drift.run_golden_set(golden_set, degraded(), version="v2")  # an older check that drifted...
    clean = drift.run_golden_set(golden_set, faithful(), version="v2")  # ...and a newer clean one
    assert clean.status == DriftRun.Status.OK
    services.do_set_default_version(v2)
    assert default_of() == "v2"
    (changed,) = metas("model.default_changed")
    assert changed["quality_check"]["run"] == clean.pk and changed["quality_check"]["ok"]


def test_a_check_older_than_the_allowed_age_does_not_count(golden_set: GoldenSet, settings: Any) -> None:
    settings.AIRLOCK_PROMOTION_CHECK_MAX_AGE_SECONDS = 3600
    clean = drift.run_golden_set(golden_set, faithful(), version="v2")
    DriftRun.objects.filter(pk=clean.pk).update(started_at=clean.started_at - timedelta(hours=2))
    with pytest.raises(promotion.PromotionRefused, match="in the last 1 hours"):
        services.do_set_default_version(ModelVersion.objects.get(version="v2"))


def test_a_check_against_a_replaced_baseline_does_not_count(golden_set: GoldenSet) -> None:
    drift.run_golden_set(golden_set, faithful(), version="v2")
    drift.run_golden_set(golden_set, faithful(), baseline=True)  # a new baseline since
    with pytest.raises(promotion.PromotionRefused, match="against the current baseline"):
        services.do_set_default_version(ModelVersion.objects.get(version="v2"))


def test_an_administrators_override_is_audited(golden_set: GoldenSet, administrator: User) -> None:
    run = drift.run_golden_set(golden_set, degraded(), version="v2")
    services.do_set_default_version(ModelVersion.objects.get(version="v2"), actor=administrator, force=True)
    assert default_of() == "v2"
    (changed,) = metas("model.default_changed")
    check = changed["quality_check"]
    assert check["forced"] is True and not check["ok"] and check["run"] == run.pk
    assert "drifted" in check["note"]
    record = AuditRecord.objects.get(event="model.default_changed")
    assert json.loads(record.body)["actor"]["name"] == administrator.username


def test_registering_a_new_version_keeps_the_checked_default(golden_set: GoldenSet) -> None:
    v3 = services.do_register_model_version("chat", weights("v3"), version="v3", make_default=True)
    assert default_of() == "v1", "an unchecked version must not become the default by registering it"
    registered = metas("model.version_registered")[-1]
    assert "no drift run" in registered["default_held"] and registered["version"] == v3.version


def test_a_golden_set_without_a_baseline_lets_the_version_through_with_a_note(
    versions: dict[str, ModelVersion],
) -> None:
    golden.import_items("chat", [json.dumps(item) for item in ITEMS])
    services.do_set_default_version(versions["v2"])
    assert metas("model.default_changed")[0]["quality_check"]["note"] == promotion.NO_BASELINE


# --- canary promotion ---


@pytest.fixture
def running_canary(versions: dict[str, ModelVersion]) -> Canary:
    return canaries.do_start_canary(Model.objects.get(name="chat"), versions["v2"], 10, actor=None)


def test_a_canary_whose_candidate_drifted_is_not_promoted(
    golden_set: GoldenSet, running_canary: Canary
) -> None:
    drift.run_golden_set(golden_set, degraded(), version="v2")
    with pytest.raises(promotion.PromotionRefused, match="drifted"):
        canaries.do_promote(running_canary, actor=None)
    running_canary.refresh_from_db()
    assert running_canary.state == Canary.State.RUNNING and default_of() == "v1"
    assert metas("quality.promotion_refused")[0]["action"] == "canary.promote"


def test_a_clean_canary_is_promoted_with_its_check_in_the_record(
    golden_set: GoldenSet, running_canary: Canary
) -> None:
    clean = drift.run_golden_set(golden_set, faithful(), version="v2")
    canaries.do_promote(running_canary, actor=None)
    assert default_of() == "v2"
    (promoted,) = metas("canary.promoted")
    assert promoted["quality_check"]["run"] == clean.pk
    assert metas("model.default_changed")[0]["quality_check"]["run"] == clean.pk


def test_a_canary_without_a_golden_set_is_promoted_saying_so(running_canary: Canary) -> None:
    canaries.do_promote(running_canary, actor=None)
    assert default_of() == "v2"
    assert metas("canary.promoted")[0]["quality_check"]["note"] == "no golden set"


def test_a_forced_canary_promotion_is_audited(
    golden_set: GoldenSet, running_canary: Canary, administrator: User
) -> None:
    drift.run_golden_set(golden_set, degraded(), version="v2")
    canaries.do_promote(running_canary, actor=administrator, force=True)
    assert default_of() == "v2"
    assert metas("canary.promoted")[0]["quality_check"]["forced"] is True


# --- the check itself, as the console's button queues it ---


def test_the_check_task_runs_the_set_against_the_versions_own_backend(
    golden_set: GoldenSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answerer(deployment: Deployment, **_: object) -> Callable[[str], str]:
        asked.append(deployment.served_name)
        return degraded()

    monkeypatch.setattr(runner, "deployment_answerer", answerer)
    v2 = ModelVersion.objects.get(version="v2")
    assert tasks.promotion_check(v2.pk) == "chat@v2: drift"
    assert asked == ["chat-v2"]
    assert promotion.check(v2).drifted


def test_the_check_task_says_why_it_cannot_run(versions: dict[str, ModelVersion]) -> None:
    assert (
        tasks.promotion_check(versions["v2"].pk)
        == "not run: chat has no golden set: there is nothing to check"
    )


# --- the console and the management API ---


def test_the_console_refuses_then_accepts_the_administrators_override(
    golden_set: GoldenSet, administrator: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "deployment_answerer", lambda deployment, **_: degraded())
    client: Client = sign_in_verified(Client(), administrator)  # type: ignore[assignment]
    v2 = ModelVersion.objects.get(version="v2")
    page = client.get("/console/models/chat/")
    assert b"Check against the golden set" in page.content
    checked = client.post(f"/console/models/chat/versions/{v2.pk}/check/", follow=True)
    assert b"Golden-set check of chat v2: chat@v2: drift" in checked.content

    address = f"/console/models/chat/versions/{v2.pk}/default/"
    refused = client.post(address, {"confirm": "yes"})
    assert refused.status_code == 400
    assert b"drifted against the golden set" in refused.content and b'name="force"' in refused.content
    assert default_of() == "v1"

    forced = client.post(address, {"confirm": "yes", "force": "yes"})
    assert forced.status_code == 302 and default_of() == "v2"
    assert metas("model.default_changed")[0]["quality_check"]["forced"] is True


def test_the_management_api_answers_409_and_takes_force(
    golden_set: GoldenSet, as_user: Callable[[str], Any], administrator: User
) -> None:
    drift.run_golden_set(golden_set, degraded(), version="v2")
    admin = as_user("administrator")
    refused = admin.post("/api/models/chat/versions/v2/default", {}, format="json")
    assert refused.status_code == 409 and "drifted" in refused.json()["detail"]
    forced = admin.post("/api/models/chat/versions/v2/default", {"force": True}, format="json")
    assert forced.status_code == 200 and forced.json()["default_version"] == "v2"


# --- switching a LoRA adapter to a new version ---


@pytest.mark.django_db
def test_an_adapter_swap_is_checked_first_and_can_be_forced(
    tmp_path: Path,
    fakes: list[Any],  # noqa: F811 - the fixture imported above
    served_base: ModelVersion,  # noqa: F811
) -> None:
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a1")), "--name", "smol-legal", "--base", "smol"
    )
    run("models", "load-adapter", "smol-legal")
    found = golden.import_items("smol-legal", [json.dumps(item) for item in ITEMS]).golden_set
    drift.run_golden_set(found, faithful(), baseline=True)
    run(
        "models", "add-adapter", str(adapter_folder(tmp_path, "a2")), "--name", "smol-legal", "--base", "smol"
    )
    calls_before = [len(fake.calls) for fake in fakes]

    with pytest.raises(CommandError, match=r"no drift run.*--canary PERCENT"):
        run("models", "load-adapter", "smol-legal", "--version", "2")
    assert [len(fake.calls) for fake in fakes] == calls_before, "refused before any backend was asked"
    assert default_of("smol-legal") == "1"
    assert metas("quality.promotion_refused")[0]["action"] == "adapter.load"

    run("models", "load-adapter", "smol-legal", "--version", "2", "--force")
    assert default_of("smol-legal") == "2"
    assert metas("model.adapter_loaded")[-1]["quality_check"]["forced"] is True
