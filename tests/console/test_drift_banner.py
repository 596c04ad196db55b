"""The drift banner: while a model's drift stands, administrators see it on every console page
(reviewers on the quality pages), naming the model, the golden set, the drop, with a link to
the run; a later clean run or a new baseline takes it away."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appliance.roles import Role, grant
from inference import services
from quality import drift, golden
from quality.models import DriftRun, GoldenSet
from tests.console.conftest import SignIn

ITEMS = [
    {
        "id": f"q{i}",
        "prompt": f"What is the capital of {country}?",
        "reference": f"The capital of {country} is {city}.",
    }
    for i, (country, city) in enumerate(
        [
            ("France", "Paris"),
            ("Germany", "Berlin"),
            ("Spain", "Madrid"),
            ("Italy", "Rome"),
            ("Austria", "Vienna"),
            ("Portugal", "Lisbon"),
            ("Norway", "Oslo"),
            ("Poland", "Warsaw"),
        ]
    )
]
BANNER = b"drift-banner"


def faithful() -> Callable[[str], str]:
    table = {item["prompt"]: item["reference"] for item in ITEMS}
    return lambda prompt: table[prompt]


def degraded() -> Callable[[str], str]:
    return lambda prompt: "It is a city somewhere in Europe, I believe."


@pytest.fixture
def golden_set(db: None) -> GoldenSet:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors").write_bytes(b"v1")
    services.do_register_model_version("chat", folder, version="v1")
    found = golden.import_items("chat", [json.dumps(item) for item in ITEMS]).golden_set
    drift.run_golden_set(found, faithful(), baseline=True)
    return found


@pytest.fixture
def reviewer(django_user_model: Any) -> User:
    user = django_user_model.objects.create_user("rita-reviewer")
    grant(user, Role.REVIEWER)
    return user  # type: ignore[no-any-return]


def banner_of(page: Any) -> str:
    found = re.search(rb'<div class="messages drift-banner".*?</div>', page.content, re.S)
    return found.group(0).decode() if found else ""


def test_an_administrator_sees_the_drift_on_every_page_until_a_clean_run(
    client: Client, signed_in: SignIn, administrator: User, golden_set: GoldenSet
) -> None:
    signed_in(client, administrator)
    assert BANNER not in client.get("/console/dashboard/").content

    run = drift.run_golden_set(golden_set, degraded())
    assert run.status == DriftRun.Status.DRIFT
    drop = -run.verdict["metrics"]["rouge_l"]["relative_change"]
    for address in (
        "/console/dashboard/",
        "/console/models/",
        "/console/apps/",
        "/console/models/chat/",
        "/console/users/",
    ):
        page = client.get(address)
        assert page.status_code == 200, address
        banner = banner_of(page)
        assert "chat" in banner and "golden set of chat" in banner, address
        assert f"rouge_l \u2212{drop:.1%}".replace("%", "\u00a0%") in banner
        assert f'href="/console/quality/drift-runs/{run.pk}/"' in banner

    detail = client.get(f"/console/quality/drift-runs/{run.pk}/")
    assert detail.status_code == 200
    assert b"Drift run" in detail.content and b"rouge_l" in detail.content and b"drift" in detail.content

    clean = drift.run_golden_set(golden_set, faithful())
    assert clean.status == DriftRun.Status.OK
    assert BANNER not in client.get("/console/models/").content


def test_a_new_baseline_resolves_the_drift(
    client: Client, signed_in: SignIn, administrator: User, golden_set: GoldenSet
) -> None:
    signed_in(client, administrator)
    drift.run_golden_set(golden_set, degraded())
    assert BANNER in client.get("/console/dashboard/").content
    drift.run_golden_set(golden_set, degraded(), baseline=True)  # accepted as the new normal
    assert BANNER not in client.get("/console/dashboard/").content


def test_the_check_of_a_version_not_promoted_raises_no_banner(
    client: Client, signed_in: SignIn, administrator: User, golden_set: GoldenSet
) -> None:
    signed_in(client, administrator)
    run = drift.run_golden_set(golden_set, degraded(), version="v9")  # a candidate, refused at promotion
    assert run.status == DriftRun.Status.DRIFT
    assert BANNER not in client.get("/console/dashboard/").content


def test_a_reviewer_sees_it_on_the_quality_pages_and_others_do_not(
    client: Client,
    signed_in: SignIn,
    reviewer: User,
    auditor: User,
    app_owner: User,
    golden_set: GoldenSet,
) -> None:
    run = drift.run_golden_set(golden_set, degraded())
    signed_in(client, reviewer)
    assert "chat" in banner_of(client.get("/console/review/"))
    assert client.get(f"/console/quality/drift-runs/{run.pk}/").status_code == 200
    assert BANNER not in client.get("/console/account/").content

    for person, address in ((auditor, "/console/audit/"), (app_owner, "/console/apps/")):
        other = Client()
        signed_in(other, person)
        page = other.get(address)
        assert page.status_code == 200 and BANNER not in page.content, person.username
        assert other.get(f"/console/quality/drift-runs/{run.pk}/").status_code == 403


def test_the_banner_costs_one_query(
    client: Client, signed_in: SignIn, administrator: User, golden_set: GoldenSet
) -> None:
    drift.run_golden_set(golden_set, degraded())
    signed_in(client, administrator)
    client.get("/console/models/")  # warm the session and role caches
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/console/models/")
    assert BANNER in page.content
    drift_queries = [q["sql"] for q in queries.captured_queries if "quality_driftrun" in q["sql"]]
    assert len(drift_queries) == 1, drift_queries
