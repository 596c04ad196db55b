"""Shared fixtures: named users, a loopback stub upstream, and the appliance served live.

The live gateway runs the real ASGI application under uvicorn in a thread of the test
process, so it shares the test database (SQLite locally, PostgreSQL in CI) and is driven
over real HTTP by the official ``openai`` client.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from appliance.roles import Role, grant
from tests.signin import sign_in_verified

ROOT = Path(__file__).resolve().parent.parent


def _background_executors() -> list[Any]:
    """The single-thread executors that write to the database behind the request path."""
    from audit import log as audit_log
    from inference.quotas import ledger, runaway

    return [audit_log._executor, audit_log._sealer, ledger._executor, runaway._executor]


def _quiet_flush(original: Callable[..., Any]) -> Callable[..., Any]:
    """Empty the tables of a transactional test only while no background writer is working.

    The audit writer and sealer, the usage-ledger writer and runaway detection (of the live
    gateway and of earlier tests) work in their own threads, in transactions that take
    locks table by table; a TRUNCATE of every table at the same moment can deadlock with
    them on PostgreSQL. Each executor has one thread, so a task that waits in it holds back
    everything queued behind it: the flush runs after the work already queued is done and
    before anything new starts.
    """

    def flush_when_quiet(self: Any) -> None:
        resume = threading.Event()
        parked = []
        for executor in _background_executors():
            started = threading.Event()

            def park(started: threading.Event = started) -> None:
                started.set()
                resume.wait(120)

            executor.submit(park)
            parked.append(started)
        try:
            for started in parked:
                started.wait(60)
            original(self)
        finally:
            resume.set()

    return flush_when_quiet


def pytest_configure(config: pytest.Config) -> None:
    from django.test import TransactionTestCase

    TransactionTestCase._fixture_teardown = _quiet_flush(  # type: ignore[method-assign]
        TransactionTestCase._fixture_teardown
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(url: str, timeout: float = 20.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="session")
def stub_upstream() -> Iterator[str]:
    """An OpenAI-compatible server on loopback that answers at once (bench/stub_upstream.py)."""
    port = free_port()
    env = {**os.environ, "STUB_RECORD": "1", "STUB_SLOW_SECONDS": "3"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.stub_upstream", "--port", str(port)], cwd=ROOT, env=env
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/health", proc=proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


class _ThreadedServer:
    def __init__(self) -> None:
        import uvicorn

        from appliance.asgi import application
        from appliance.server import uvicorn_options

        self.port = free_port()
        config = uvicorn.Config(
            application,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            # As `airlock serve` runs it: bounded headers, no Server header, no proxy headers.
            **uvicorn_options(),
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        url = f"http://127.0.0.1:{self.port}"
        wait_for_http(f"{url}/healthz")
        return url

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def live_gateway(django_db_setup, django_db_blocker) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The appliance's ASGI application on a loopback port, in this process.

    After the test database is set up, so it stops (and closes its connections) before the
    database is dropped.
    """
    server = _ThreadedServer()
    with django_db_blocker.unblock(), server as url:
        yield url


@pytest.fixture
def admin_user(django_user_model):  # type: ignore[no-untyped-def]
    return django_user_model.objects.create_user("ada", password="correct horse battery", is_staff=True)


# The named people of appliance.roles, for every test package. Each endpoint has a test with
# the one who must be refused.
def _person(django_user_model: Any, name: str, role: Role | None) -> User:
    # No password: tests sign in with force_login, and hashing one costs a third of a second.
    user = django_user_model.objects.create_user(name)
    if role is not None:
        grant(user, role)
    return user  # type: ignore[no-any-return]


@pytest.fixture
def administrator(django_user_model: Any) -> User:
    return _person(django_user_model, "adam-admin", Role.ADMINISTRATOR)


@pytest.fixture
def compliance_officer(django_user_model: Any) -> User:
    return _person(django_user_model, "carla-compliance", Role.COMPLIANCE_OFFICER)


@pytest.fixture
def auditor(django_user_model: Any) -> User:
    return _person(django_user_model, "audrey-auditor", Role.AUDITOR)


@pytest.fixture
def app_owner(django_user_model: Any) -> User:
    return _person(django_user_model, "otto-owner", Role.APP_OWNER)


@pytest.fixture
def nobody(django_user_model: Any) -> User:
    return _person(django_user_model, "nora-norole", None)


@pytest.fixture(scope="session", autouse=True)
def _close_background_connections(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Close the database connections of the writer threads before the test database is dropped.

    The audit writer and sealer, the usage-ledger writer and runaway detection each keep a
    connection in their own thread; PostgreSQL refuses to drop a database that has sessions.
    """
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for executor in _background_executors():
            executor.submit(connections.close_all).result(timeout=30)


@pytest.fixture
def as_user(request: pytest.FixtureRequest) -> Callable[[str], APIClient]:
    """``as_user("administrator")``: a management-API client signed in as that fixture's person
    (past the TOTP step), or not signed in at all for ``"anonymous"``."""

    def make(who: str) -> APIClient:
        client = APIClient()
        if who != "anonymous":
            sign_in_verified(client, request.getfixturevalue(who))
        return client

    return make
