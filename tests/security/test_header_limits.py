"""Requests on the appliance's own port have bounded headers: size and count.

The penetration test sent a 1 MB header to ``/v1``, a 16 MB one to ``/healthz`` and 5,000
headers, and all were read and answered. Now the server stops reading and answers 431.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from tests.conftest import ROOT, free_port, wait_for_http
from tests.security.conftest import raw_request

pytestmark = pytest.mark.django_db(transaction=True)


def status_of(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1.1 "), answer[:200]
    return int(answer.split(b" ", 2)[1])


def body_of(answer: bytes) -> bytes:
    return answer.partition(b"\r\n\r\n")[2]


def test_a_one_megabyte_header_on_v1_is_refused_in_openais_shape(live_gateway: str) -> None:
    head = b"GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\n"
    answer = raw_request(live_gateway, head)
    assert status_of(answer) == 431
    error = orjson.loads(body_of(answer))["error"]
    assert error["code"] == "request_header_fields_too_large" and error["type"] == "invalid_request_error"


def test_a_sixteen_megabyte_header_on_healthz_is_refused(live_gateway: str) -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * (16 * 1024 * 1024) + b"\r\n\r\n"
    assert status_of(raw_request(live_gateway, head)) in (400, 431)


@pytest.mark.parametrize("path", ["/v1/models", "/healthz", "/console/sign-in/"])
def test_five_thousand_headers_are_refused(live_gateway: str, path: str) -> None:
    many = b"".join(b"X-H%d: v\r\n" % n for n in range(5000))
    head = f"GET {path} HTTP/1.1\r\nHost: localhost\r\n".encode() + many + b"\r\n"
    assert status_of(raw_request(live_gateway, head)) == 431


def test_a_long_url_counts_towards_the_limit(live_gateway: str) -> None:
    head = b"GET /healthz?" + b"a" * (64 * 1024) + b" HTTP/1.1\r\nHost: localhost\r\n\r\n"
    assert status_of(raw_request(live_gateway, head)) in (400, 414, 431)


def test_ordinary_requests_with_a_few_headers_still_pass(live_gateway: str) -> None:
    head = (
        b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test\r\nX-A: " + b"a" * 4000 + b"\r\n\r\n"
    )
    answer = raw_request(live_gateway, head)
    assert status_of(answer) == 200 and orjson.loads(body_of(answer)) == {"status": "ok"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The appliance as operators start it: `airlock serve` (gunicorn with Airlock's worker)."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "AIRLOCK_TEST_DATA_DIR")
    }
    env.update(
        AIRLOCK_DATA_DIR=str(tmp_path_factory.mktemp("served")), AIRLOCK_REDACTION_WARM="false",
        AIRLOCK_SCHEDULER="off",
    )  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "appliance.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/healthz", timeout=60, proc=proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def test_airlock_serve_bounds_headers_and_names_no_server(served: str) -> None:
    answer = raw_request(served, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert status_of(answer) == 200 and b"\r\nserver:" not in answer.lower()
    many = b"".join(b"X-H%d: v\r\n" % n for n in range(5000))
    assert (
        status_of(raw_request(served, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n" + many + b"\r\n"))
        == 431
    )
    big = b"GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\n"
    assert status_of(raw_request(served, big)) == 431


@pytest.mark.parametrize(
    ("path", "shape"), [("/v1/models", b"application/json"), ("/healthz", b"text/plain")]
)
def test_the_application_itself_refuses_too_many_headers_under_any_server(path: str, shape: bytes) -> None:
    # The server bounds what it reads; the ASGI application holds the same bounds for any
    # server it is run under (uvicorn by hand, another worker class).
    from appliance.asgi import application

    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    headers = [(b"x-h%d" % n, b"v") for n in range(150)]
    scope = {"type": "http", "method": "GET", "path": path, "headers": headers, "client": ("127.0.0.1", 1)}
    asyncio.run(application(scope, receive, send))
    assert sent[0]["status"] == 431
    assert dict(sent[0]["headers"])[b"content-type"].startswith(shape)
