"""Every cache view admits only its roles: the management API and the console panel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from audit.events import Event
from audit.models import AuditRecord
from inference import services
from semcache import actions
from semcache.models import CacheEntry, CacheHit, CacheSettings
from tests.signin import sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def apps(app_owner):  # type: ignore[no-untyped-def]
    mine = services.do_create_application("mine", allowed_models=[])
    services.do_set_application_owner(mine, app_owner) if hasattr(
        services, "do_set_application_owner"
    ) else None
    mine.owner = app_owner
    mine.save(update_fields=["owner"])
    theirs = services.do_create_application("theirs", allowed_models=[])
    return mine, theirs


def _hit(app, request_id: str = "req_hit") -> CacheHit:  # type: ignore[no-untyped-def]
    entry = CacheEntry.objects.create(
        application_id=app.pk,
        partition="p",
        model="m",
        model_version="local:1",
        text_hash="h",
        guard="g",
        key_id="k",
        content=b"x",
        source_request_id="req_source",
        expires_at="2999-01-01T00:00:00Z",
    )
    return CacheHit.objects.create(
        application_id=app.pk,
        request_id=request_id,
        entry_id=entry.pk,
        source_request_id="req_source",
        model="m",
        similarity=0.97,
        threshold=0.95,
    )


@pytest.mark.parametrize("who", ["anonymous", "nobody", "auditor", "compliance_officer"])
def test_people_without_a_cache_role_are_refused_by_every_api_endpoint(
    as_user: Callable[[str], APIClient],
    apps,
    who: str,  # type: ignore[no-untyped-def]
) -> None:
    client = as_user(who)
    expected = {401, 403}
    assert client.get("/api/cache/").status_code in expected
    assert client.get("/api/cache/mine/").status_code in expected
    assert client.put("/api/cache/mine/", {"enabled": True}, format="json").status_code in expected
    assert client.post("/api/cache/mine/purge/").status_code in expected
    assert (
        client.post("/api/cache/reports/", {"request_id": "req_hit"}, format="json").status_code in expected
    )
    assert not CacheSettings.objects.exists()


def test_an_app_owner_reads_their_own_cache_but_changes_nothing(as_user, apps) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = apps
    client = as_user("app_owner")
    listed = client.get("/api/cache/").json()
    assert [row["application"] for row in listed] == ["mine"]
    assert client.get("/api/cache/mine/").status_code == 200
    assert client.get("/api/cache/theirs/").status_code == 404
    assert client.put("/api/cache/mine/", {"enabled": True}, format="json").status_code == 403
    assert client.post("/api/cache/mine/purge/").status_code == 403
    _hit(theirs, "req_theirs")
    assert client.post("/api/cache/reports/", {"request_id": "req_theirs"}, format="json").status_code == 404
    assert CacheEntry.objects.count() == 1
    _hit(mine, "req_mine")
    answer = client.post("/api/cache/reports/", {"request_id": "req_mine"}, format="json")
    assert answer.status_code == 201 and answer.json()["evicted"] is True


def test_an_administrator_sets_the_settings_on_record_and_purges(as_user, apps) -> None:  # type: ignore[no-untyped-def]
    mine, _ = apps
    client = as_user("administrator")
    answer = client.put(
        "/api/cache/mine/",
        {"enabled": True, "threshold": 0.97, "target_false_hit_rate": 0.005},
        format="json",
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["threshold_in_force"] == 0.97
    record = AuditRecord.objects.get(event=Event.CACHE_SETTINGS_CHANGED)
    assert record.target_id == "mine"
    assert client.put("/api/cache/mine/", {"threshold": 0.2}, format="json").status_code == 400
    _hit(mine)
    assert client.post("/api/cache/mine/purge/").json() == {"deleted": 1}
    assert AuditRecord.objects.filter(event=Event.CACHE_PURGED).exists()


@pytest.mark.parametrize("who", ["nobody", "auditor", "compliance_officer"])
def test_the_console_cache_pages_refuse_people_without_a_cache_role(
    django_user_model,
    apps,
    who: str,
    request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
) -> None:
    mine, _ = apps
    _hit(mine)
    client = Client()
    sign_in_verified(client, request.getfixturevalue(who))
    assert client.get("/console/cache/").status_code == 403
    assert client.get("/console/cache/mine/").status_code == 403
    assert client.post("/console/cache/mine/report/", {"request_id": "req_hit"}).status_code == 403
    assert CacheEntry.objects.count() == 1
    anonymous = Client()
    assert anonymous.get("/console/cache/").status_code == 302


def test_the_console_panel_shows_the_figures_and_its_button_evicts(apps, app_owner, administrator) -> None:  # type: ignore[no-untyped-def]
    mine, _theirs = apps
    actions.do_set_cache_settings(mine, enabled=True)
    _hit(mine)
    owner = Client()
    sign_in_verified(owner, app_owner)
    page = owner.get("/console/cache/mine/")
    assert page.status_code == 200
    assert b"req_hit" in page.content and b"Wrong answer" in page.content
    assert owner.get("/console/cache/theirs/").status_code == 404
    # An app owner may not change settings from the page.
    assert owner.post("/console/cache/mine/", {"enabled": "on", "threshold": "0.9"}).status_code == 403
    assert owner.post("/console/cache/mine/report/", {"request_id": "req_hit"}).status_code == 302
    assert CacheEntry.objects.count() == 0
    admin = Client()
    sign_in_verified(admin, administrator)
    overview = admin.get("/console/cache/")
    assert overview.status_code == 200 and b"mine" in overview.content and b"theirs" in overview.content
    saved = admin.post(
        "/console/cache/mine/",
        {"enabled": "on", "threshold": "0.96", "ttl_seconds": "60", "max_entries": "100"},
    )
    assert saved.status_code == 302
    assert CacheSettings.objects.get(application=mine).threshold == 0.96
