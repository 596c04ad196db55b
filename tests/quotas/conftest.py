"""Fixtures for quota tests: both counter backends, a clock to move, private Redis keys.

Every test gets its own key prefix (``AIRLOCK_QUOTA_KEY_PREFIX``), so runs — and tests — never
see each other's counters, also on the shared Redis database CI uses.

Which Redis the Redis-backed runs use:
- ``REDIS_URL`` when it is set (CI: ``redis://127.0.0.1:6379/0``);
- otherwise the local server, database 14 (``redis://127.0.0.1:6379/14``), when it answers;
- otherwise a private ``redis-server`` started on a free port for the session, when the binary
  is installed. Only on a machine with none of these are the Redis runs skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import redis

from inference import services
from inference.models import Application
from inference.quotas import ledger, limiter, runaway
from tests.conftest import free_port
from tests.inference.conftest import STUB_MODELS, Gateway, gateway  # noqa: F401 - shared fixtures

LOCAL_REDIS = "redis://127.0.0.1:6379/14"
# A Thursday at 10:30:10 UTC, well inside its minute, day and month.
START = datetime(2026, 11, 5, 10, 30, 10, tzinfo=UTC).timestamp()


def _answers(url: str) -> bool:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    if _answers(LOCAL_REDIS):
        yield LOCAL_REDIS
        return
    binary = shutil.which("redis-server")
    if binary is None:
        # Not a skip: the Redis limiter is what production runs, so its tests must run.
        # `make test` installs redis-server (as root) when it is missing.
        pytest.fail(
            "no Redis for the limiter's tests: REDIS_URL is unset, none answers on 127.0.0.1:6379 "
            "and there is no redis-server binary (apt-get install redis-server, or set REDIS_URL)"
        )
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while not _answers(url):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(autouse=True)
def key_prefix(settings: Any) -> str:
    prefix = f"airlock-test:{uuid.uuid4().hex[:12]}:quota"
    settings.AIRLOCK_QUOTA_KEY_PREFIX = prefix
    settings.AIRLOCK_USAGE_FLUSH_SECONDS = 0.0
    return prefix


class Clock:
    """The quotas' clock, moved by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def at(self, moment: datetime) -> None:
        self.now = moment.timestamp()

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(START)
    monkeypatch.setattr(limiter, "clock", fake)
    return fake


@pytest.fixture(scope="session")
def redis_backend(redis_url: str) -> limiter.RedisBackend:
    # One for the session: its connections are per event loop, and keys are prefixed per test.
    return limiter.RedisBackend(redis_url)


@pytest.fixture
def redis_keys_removed(redis_url: str, key_prefix: str) -> Iterator[None]:
    """The test's Redis keys are deleted after it (CI shares one Redis database)."""
    yield
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@pytest.fixture(params=["memory", "redis"])
def backend(request: pytest.FixtureRequest) -> Iterator[limiter.Backend]:
    """Each test that takes this runs twice: in-process counters, then Redis."""
    if request.param == "memory":
        with limiter.use(limiter.MemoryBackend()) as chosen:
            yield chosen
        return
    request.getfixturevalue("redis_keys_removed")
    with limiter.use(request.getfixturevalue("redis_backend")) as chosen_redis:
        yield chosen_redis


@pytest.fixture
def quota_gateway(gateway: Gateway, backend: limiter.Backend) -> Iterator[Gateway]:  # noqa: F811
    """The live gateway against the stub upstream, counting in ``backend``."""
    ledger.flush()
    yield gateway
    runaway.wait_idle()
    ledger.flush()


def second_key(app: Application) -> str:
    return services.do_create_api_key(app, name="second").plaintext


__all__ = ["START", "STUB_MODELS", "Clock", "Gateway", "second_key"]
