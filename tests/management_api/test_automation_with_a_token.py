"""A script manages the appliance with a personal API token, over real HTTP, and an application
calls /v1 with the official ``openai`` client: the key the script revokes is refused at once."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import openai
import pytest
from django.contrib.auth.models import User

from appliance.roles import Role, grant
from audit import sequencer
from inference import services
from tests.signin import sign_in_verified


@pytest.fixture
def weights() -> None:
    """Weights registered on the appliance's disk (``airlock models add``: not an HTTP job)."""
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors.stub").write_bytes(b"stub")
    services.do_register_model_version("stub", folder)


@pytest.fixture
def script_token(transactional_db: None, django_user_model: Any) -> Iterator[str]:
    """An administrator makes a token with their signed-in session, as the console's page does."""
    from rest_framework.test import APIClient

    admin: User = django_user_model.objects.create_user("ci-admin")
    grant(admin, Role.ADMINISTRATOR)
    client = sign_in_verified(APIClient(), admin)
    answer = client.post("/api/tokens/", {"name": "ci", "expires_in_days": 1}, format="json")
    assert answer.status_code == 201, answer.content
    yield answer.json()["token"]
    time.sleep(0.05)  # let the server's audit writer finish before the tables are emptied
    sequencer.wait_idle()


def test_a_script_with_a_token_sets_up_an_application_and_revokes_its_key(
    live_gateway: str, stub_upstream: str, weights: None, script_token: str
) -> None:
    api = httpx.Client(
        base_url=f"{live_gateway}/api", headers={"Authorization": f"Bearer {script_token}"}, timeout=30
    )

    def call(method: str, path: str, body: dict[str, Any] | None = None, expect: int = 200) -> Any:
        answer = api.request(method, path, json=body)
        assert answer.status_code == expect, (method, path, answer.status_code, answer.text)
        return answer.json() if answer.content else None

    call("POST", "/backends/", {"name": "stub", "base_url": stub_upstream}, expect=201)
    call("POST", "/backends/stub/deployments/", {"model": "stub"}, expect=201)
    call("POST", "/applications/", {"name": "crm", "allowed_models": ["stub"]}, expect=201)
    key = call("POST", "/applications/crm/keys/", {"name": "crm-prod"}, expect=201)
    limits = call("PUT", "/usage/limits/crm/", {"requests_per_minute": 100, "tokens_per_day": 50_000})
    assert limits["limits"]["requests_per_minute"] == 100 and limits["limits"]["tokens_per_day"] == 50_000

    client = openai.OpenAI(base_url=f"{live_gateway}/v1", api_key=key["key"], max_retries=0)
    answer = client.chat.completions.create(model="stub", messages=[{"role": "user", "content": "hello"}])
    assert answer.choices[0].message.content

    revoked = call("POST", f"/applications/crm/keys/{key['prefix']}/revoke")
    assert revoked["state"] == "revoked"

    with pytest.raises(openai.AuthenticationError):
        client.chat.completions.create(model="stub", messages=[{"role": "user", "content": "hello again"}])
    with pytest.raises(openai.AuthenticationError):
        client.models.list()
    # The token itself cannot be used to make another credential.
    assert api.post("/tokens/", json={"name": "more"}).status_code == 403
