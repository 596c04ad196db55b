"""The console's model page shows a deployment that a weights check took out of routing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from inference import services, weights
from inference.models import Deployment
from tests.console.conftest import SignIn

pytestmark = pytest.mark.django_db


def test_the_model_page_names_the_changed_file_of_a_deployment_out_of_routing(
    client: Client, signed_in: SignIn, administrator: User, tmp_path: Path
) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    mv = services.do_register_model_version("llama-8b", tmp_path, version="v1")
    backend = services.do_register_backend("gpu-1", "http://10.0.0.5:8000")
    services.do_deploy(mv, backend)
    (tmp_path / "model.safetensors").write_bytes(b"weightz")

    deployment = Deployment.objects.get(model_version=mv)
    assert weights.record_result(deployment, weights.verify_version(mv), reporter="test") is True

    signed_in(client, administrator)
    html = client.get(reverse("console:model_detail", kwargs={"name": "llama-8b"})).content.decode()
    assert 'badge-bad">weights changed: out of routing' in html
    assert "changed: model.safetensors" in html
