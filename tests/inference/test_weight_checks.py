"""Weights checked while they serve: a changed byte in a served weight file takes the backend out
of routing, by the scheduled check on this host or by a GPU host's authenticated report."""

from __future__ import annotations

import json
from pathlib import Path

import httpx2 as httpx
import openai
import pytest

from appliance import schedule
from audit.models import AuditRecord
from inference.models import Deployment
from tests.inference.conftest import Gateway

HELLO = [{"role": "user", "content": "Say hello"}]
TOKEN = "weights-report-token-for-tests"


def flip_a_byte(folder: Path) -> str:
    weight = sorted(p for p in folder.iterdir() if p.is_file())[0]
    data = bytearray(weight.read_bytes())
    data[len(data) // 2] ^= 0x01
    weight.write_bytes(bytes(data))
    return weight.name


def mismatch_records() -> list[dict]:
    return [
        json.loads(body)
        for body in AuditRecord.objects.filter(event="model.weights_mismatch").values_list("body", flat=True)
    ]


def test_a_flipped_byte_in_a_served_weight_file_takes_the_backend_out_of_routing(gateway: Gateway) -> None:
    client = gateway.client()
    assert client.chat.completions.create(model="stub", messages=HELLO).choices
    assert schedule.run_job("check-weights") == "ok"
    assert client.chat.completions.create(model="stub", messages=HELLO).choices, "clean weights stay routed"

    mv = gateway.versions["stub"]
    changed = flip_a_byte(Path(mv.path))
    assert schedule.run_job("check-weights") == "ok"

    with pytest.raises(openai.APIStatusError) as caught:
        client.chat.completions.create(model="stub", messages=HELLO)
    assert caught.value.status_code == 503
    deployment = Deployment.objects.get(model_version=mv)
    assert not deployment.is_active
    assert deployment.weights_problem == f"changed: {changed}"
    records = mismatch_records()
    assert len(records) == 1
    assert records[0]["meta"]["problems"] == [f"changed: {changed}"]
    assert records[0]["meta"]["removed_from_routing"] is True
    # Only that version left: the other models served by the same backend are still routed.
    others = Deployment.objects.exclude(model_version=mv).filter(
        model_version__model__name__startswith="stub"
    )
    assert others.exists() and all(d.is_active for d in others)

    # The next check finds the same damage: nothing new to record.
    schedule.run_job("check-weights")
    assert len(mismatch_records()) == 1


def report(gateway: Gateway, body: dict, token: str | None = TOKEN) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(f"{gateway.url}/api/hosts/weights", headers=headers, json=body)


def test_a_gpu_host_reports_its_check_with_a_token_and_a_mismatch_leaves_routing(
    gateway: Gateway, settings
) -> None:
    settings.AIRLOCK_WEIGHTS_REPORT_TOKEN = TOKEN
    mv = gateway.versions["stub"]
    body = {
        "backend": "stub",
        "model": "stub",
        "version": mv.version,
        "manifest_sha256": mv.manifest_sha256,
        "problems": [],
    }
    assert report(gateway, body, token=None).status_code == 401
    assert report(gateway, body, token="wrong").status_code == 401
    assert report(gateway, {**body, "backend": "elsewhere"}).status_code == 404

    clean = report(gateway, body)
    assert clean.status_code == 200 and clean.json()["in_routing"] is True
    assert Deployment.objects.get(model_version=mv).weights_checked_at is not None
    assert gateway.client().chat.completions.create(model="stub", messages=HELLO).choices

    bad = report(gateway, {**body, "problems": ["changed: model.safetensors.stub"]})
    assert bad.status_code == 200
    assert bad.json() == {
        "ok": False,
        "in_routing": False,
        "removed_from_routing": True,
        "problems": ["changed: model.safetensors.stub"],
    }
    with pytest.raises(openai.APIStatusError) as caught:
        gateway.client().chat.completions.create(model="stub", messages=HELLO)
    assert caught.value.status_code == 503
    assert mismatch_records()[0]["meta"]["reporter"] == "report from backend stub"


def test_a_host_holding_other_weights_than_registered_is_a_mismatch(gateway: Gateway, settings) -> None:
    settings.AIRLOCK_WEIGHTS_REPORT_TOKEN = TOKEN
    mv = gateway.versions["stub-400"]
    answer = report(
        gateway,
        {
            "backend": "stub",
            "model": "stub-400",
            "version": mv.version,
            "manifest_sha256": "0" * 64,
            "problems": [],
        },
    )
    assert answer.status_code == 200
    assert answer.json()["in_routing"] is False
    assert answer.json()["problems"][0].startswith("manifest: the host checked against 0000")


def test_reports_are_refused_when_no_token_is_configured(gateway: Gateway, settings) -> None:
    settings.AIRLOCK_WEIGHTS_REPORT_TOKEN = ""
    mv = gateway.versions["stub"]
    body = {
        "backend": "stub",
        "model": "stub",
        "version": mv.version,
        "manifest_sha256": "x",
        "problems": ["x"],
    }
    assert report(gateway, body, token="").status_code == 401
    assert report(gateway, body, token="anything").status_code == 401
    assert Deployment.objects.get(model_version=mv).is_active


def test_a_mismatch_shows_on_metrics_so_its_alert_fires(gateway: Gateway) -> None:
    from inference.metrics import exposition

    def weights_ok() -> dict[tuple[str, str], float]:
        return {
            (s.labels["backend"], s.labels["model"]): s.value
            for family in exposition.read_state()
            for s in family.samples
            if s.name == "airlock_deployment_weights_ok"
        }

    assert weights_ok() == {}, "nothing checked yet: no series"
    schedule.run_job("check-weights")
    before = weights_ok()
    assert before and set(before.values()) == {1.0}

    mv = gateway.versions["stub"]
    flip_a_byte(Path(mv.path))
    schedule.run_job("check-weights")

    after = weights_ok()
    backend = Deployment.objects.get(model_version=mv).backend.name
    assert after[(backend, "stub")] == 0.0, "deploy/prometheus's AirlockWeightsMismatch fires on this"
    assert all(v == 1.0 for key, v in after.items() if key != (backend, "stub"))
