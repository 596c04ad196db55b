"""``airlock serve`` with several workers and no Redis: each worker would count quotas alone.

So every limit would let through (workers x limit). One worker is the default without Redis;
asking for more warns, and the production profile refuses.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inference.management.commands import serve


class Exec(Exception):
    """Raised instead of replacing the test process with gunicorn."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.argv = argv


@pytest.fixture(autouse=True)
def no_exec(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    def fake_execv(path: str, argv: list[str]) -> None:
        raise Exec(argv)

    monkeypatch.setattr(serve.os, "execv", fake_execv)
    monkeypatch.delenv("AIRLOCK_WORKERS", raising=False)
    settings.AIRLOCK_METRICS = False


def serve_(*args: str) -> tuple[list[str], str]:
    err = StringIO()
    with pytest.raises(Exec) as raised:
        call_command("serve", *args, stderr=err, stdout=StringIO())
    return raised.value.argv, err.getvalue()


def workers(argv: list[str]) -> int:
    return int(argv[argv.index("--workers") + 1])


def test_several_workers_without_redis_warn_that_quotas_multiply(settings: Any) -> None:
    settings.REDIS_URL = ""
    argv, err = serve_("--workers", "3")
    assert workers(argv) == 3
    assert "Without REDIS_URL each of the 3 workers counts quotas on its own" in err
    assert "up to 3 times" in err and "--workers 1" in err


def test_the_production_profile_refuses_several_workers_without_redis(settings: Any) -> None:
    settings.REDIS_URL = ""
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="Without REDIS_URL each of the 2 workers"):
        call_command("serve", "--workers", "2", stdout=StringIO())


def test_without_redis_one_worker_is_the_default_and_nothing_is_said(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.REDIS_URL = ""
    monkeypatch.setattr(serve.os, "cpu_count", lambda: 8)
    argv, err = serve_()
    assert workers(argv) == 1
    assert err == ""


def test_with_redis_several_workers_are_the_default_without_a_warning(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    monkeypatch.setattr(serve.os, "cpu_count", lambda: 8)
    argv, err = serve_()
    assert workers(argv) == 4
    assert err == ""
