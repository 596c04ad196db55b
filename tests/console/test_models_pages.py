"""The Models pages: versions with checksums, deployments and health, adding a version, the default."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.events import Event
from inference import services
from inference.models import Backend, ModelVersion
from tests.console.conftest import SignIn, records

pytestmark = pytest.mark.django_db

REFUSED = ["compliance_officer", "auditor", "app_owner", "nobody"]


def weights(folder: Path, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.safetensors").write_bytes(content)
    (folder / "config.json").write_text('{"architectures": ["LlamaForCausalLM"]}')
    return folder


@pytest.fixture
def llama(tmp_path: Path) -> ModelVersion:
    mv = services.do_register_model_version(
        "llama-8b", weights(tmp_path / "v1", b"first weights"), version="v1"
    )
    healthy = services.do_register_backend("gpu-1", "http://10.0.0.5:8000")
    services.do_set_backend_health(healthy, healthy=True)
    broken = services.do_register_backend("gpu-2", "http://10.0.0.6:8000")
    services.do_set_backend_health(broken, healthy=False, error="connection refused")
    services.do_deploy(mv, healthy, weight=90)
    services.do_deploy(mv, broken, weight=10)
    return mv


def pages(mv: ModelVersion) -> list[str]:
    name = mv.model.name
    return [
        reverse("console:models"),
        reverse("console:model_detail", kwargs={"name": name}),
        reverse("console:model_add"),
        reverse("console:model_set_default", kwargs={"name": name, "pk": mv.pk}),
    ]


def test_an_administrator_opens_every_models_page(
    client: Client, signed_in: SignIn, administrator: User, llama: ModelVersion
) -> None:
    signed_in(client, administrator)
    for url in pages(llama):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", REFUSED)
def test_everyone_else_is_refused_every_models_page(
    who: str, client: Client, signed_in: SignIn, people: dict[str, User], llama: ModelVersion
) -> None:
    signed_in(client, people[who])
    for url in pages(llama):
        page = client.get(url)
        assert page.status_code == 403, (who, url)
        assert "You cannot open this page" in page.content.decode()
    assert client.post(reverse("console:model_add"), {"name": "x", "path": "/tmp"}).status_code == 403


def test_nobody_signed_in_is_sent_to_sign_in(client: Client, llama: ModelVersion) -> None:
    for url in pages(llama):
        assert client.get(url)["Location"].startswith(reverse("console:login")), url


def test_the_list_shows_versions_deployments_and_backend_health(
    client: Client, signed_in: SignIn, administrator: User, llama: ModelVersion
) -> None:
    signed_in(client, administrator)
    html = client.get(reverse("console:models")).content.decode()
    assert "llama-8b" in html and llama.manifest_sha256[:12] in html
    assert "gpu-1 (90)" in html and "gpu-2 (10)" in html
    assert 'badge-ok">healthy' in html and 'badge-bad">unhealthy' in html

    detail = client.get(reverse("console:model_detail", kwargs={"name": "llama-8b"})).content.decode()
    assert llama.manifest_sha256 in detail
    for file_name, digest in llama.manifest.items():
        assert file_name in detail and digest in detail
    assert "connection refused" in detail and "http://10.0.0.6:8000" in detail
    assert 'badge-ok">default' in detail


def test_an_empty_registry_says_how_to_add_a_model(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    html = client.get(reverse("console:models")).content.decode()
    assert "No models yet" in html and "airlock models add" in html


def test_adding_a_version_hashes_its_files_and_is_audited(
    client: Client, signed_in: SignIn, administrator: User, llama: ModelVersion, tmp_path: Path
) -> None:
    signed_in(client, administrator)
    folder = weights(tmp_path / "v2", b"second weights")
    answer = client.post(
        reverse("console:model_add"),
        {
            "name": "llama-8b",
            "path": str(folder),
            "version": "v2",
            "source": "models.internal/llama-8b@v2",
            "engine_args": "max-model-len=8192\nenforce-eager=true",
            "make_default": "",
        },
    )
    assert answer.status_code == 302 and answer["Location"] == reverse(
        "console:model_detail", kwargs={"name": "llama-8b"}
    )
    v2 = ModelVersion.objects.get(model__name="llama-8b", version="v2")
    assert v2.engine_args == {"max-model-len": 8192, "enforce-eager": True}
    assert v2.model.default_version_id == llama.pk, "not made default when unticked"
    registered = records(Event.MODEL_VERSION_REGISTERED)[-1]
    assert registered["actor"]["name"] == administrator.username
    assert registered["meta"]["manifest_sha256"] == v2.manifest_sha256


def test_a_folder_that_does_not_exist_is_named_in_the_error(
    client: Client, signed_in: SignIn, administrator: User, tmp_path: Path
) -> None:
    signed_in(client, administrator)
    missing = tmp_path / "nowhere"
    page = client.post(reverse("console:model_add"), {"name": "m", "path": str(missing)})
    assert page.status_code == 400 and "is not a folder" in page.content.decode()
    relative = client.post(reverse("console:model_add"), {"name": "m", "path": "models/x"})
    assert "absolute path" in relative.content.decode()


def test_making_a_version_the_default_asks_first_and_is_audited(
    client: Client, signed_in: SignIn, administrator: User, llama: ModelVersion, tmp_path: Path
) -> None:
    v2 = services.do_register_model_version(
        "llama-8b", weights(tmp_path / "v2", b"v2"), version="v2", make_default=False
    )
    signed_in(client, administrator)
    url = reverse("console:model_set_default", kwargs={"name": "llama-8b", "pk": v2.pk})
    question = client.get(url).content.decode()
    assert "Make version v2 the default of llama-8b?" in question and v2.manifest_sha256 in question
    assert client.post(url).status_code == 200, "without confirm=yes nothing happens"
    v2.model.refresh_from_db()
    assert v2.model.default_version_id == llama.pk

    done = client.post(url, {"confirm": "yes"})
    assert done.status_code == 302
    v2.model.refresh_from_db()
    assert v2.model.default_version_id == v2.pk
    changed = records(Event.MODEL_DEFAULT_CHANGED)[-1]
    assert changed["meta"] == {
        "old": {"version": "v1"},
        "new": {"version": "v2", "manifest_sha256": v2.manifest_sha256},
        # No golden set covers llama-8b: the promotion proceeds and says so (quality.promotion).
        "quality_check": {
            "ok": True,
            "note": "no golden set",
            "golden_set": None,
            "run": None,
            "drifted": {},
        },
    }
    assert changed["actor"]["name"] == administrator.username


def test_a_backend_that_was_never_checked_is_not_called_healthy(
    client: Client, signed_in: SignIn, administrator: User, tmp_path: Path
) -> None:
    mv = services.do_register_model_version("small", weights(tmp_path / "s", b"s"))
    services.do_deploy(mv, Backend.objects.create(name="fresh", base_url="http://127.0.0.1:9"))
    signed_in(client, administrator)
    assert "not checked yet" in client.get(reverse("console:models")).content.decode()
