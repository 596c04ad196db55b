"""What every response says about itself: no server banner, no caching of management data,
no sniffing or framing of the API and static files; the API schema only for signed-in people."""

from __future__ import annotations

from collections.abc import Callable

import httpx2 as httpx
import pytest
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_the_api_schema_is_not_served_to_anonymous_visitors(as_user: Callable[[str], APIClient]) -> None:
    assert as_user("anonymous").get("/api/schema/").status_code in (401, 403)
    signed_in = as_user("auditor").get("/api/schema/")
    assert signed_in.status_code == 200 and b"openapi" in signed_in.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("administrator", "/api/providers/"),
        ("auditor", "/api/audit/events/"),
        ("auditor", "/api/audit/verification/"),
        ("anonymous", "/api/providers/"),
        ("auditor", "/api/schema/"),
    ],
)
def test_management_api_answers_are_never_cached(
    as_user: Callable[[str], APIClient], who: str, url: str
) -> None:
    answer = as_user(who).get(url)
    assert "no-store" in answer["Cache-Control"], (url, answer.status_code)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "path", ["/v1/models", "/v1/nowhere", "/static/console/console.css", "/healthz", "/console/sign-in/"]
)
def test_api_and_static_answers_forbid_sniffing_and_framing(live_gateway: str, path: str) -> None:
    answer = httpx.get(f"{live_gateway}{path}")
    assert answer.headers.get("x-content-type-options") == "nosniff", path
    assert answer.headers.get("x-frame-options") == "DENY", path


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "path", ["/v1/models", "/healthz", "/console/sign-in/", "/static/console/console.css"]
)
def test_no_answer_names_the_server_software(live_gateway: str, path: str) -> None:
    assert "server" not in httpx.get(f"{live_gateway}{path}").headers
