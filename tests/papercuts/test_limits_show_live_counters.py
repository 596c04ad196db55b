"""``airlock usage limits show`` reads the live counters while the gateway answers 429.

Without Redis the counters live in the serving process; the command is another process, and
reported "used 0" beside a gateway refusing requests. The gateway here is the real ASGI
application in this test process (its in-process counters, no Redis); the command runs in a
separate process, as an operator runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import openai
import pytest
from django.db import connection

from inference.quotas import limiter
from inference.quotas import services as quotas
from tests.inference.conftest import Gateway, gateway  # noqa: F401 - the live gateway fixture

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgresql://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def limits_show(settings: Any, app: str) -> str:
    """``airlock usage limits show APP`` in its own process, on this test's database and data folder."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
    env.update(
        DATABASE_URL=database_url(),
        AIRLOCK_DATA_DIR=str(settings.DATA_DIR),
        AIRLOCK_QUOTA_KEY_PREFIX=settings.AIRLOCK_QUOTA_KEY_PREFIX,
    )
    done = subprocess.run(
        [sys.executable, "-m", "appliance.cli", "usage", "limits", "show", app],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def line(text: str, label: str) -> str:
    return next(row for row in text.splitlines() if label in row)


def test_limits_show_counts_what_the_gateway_counted_before_its_429(gateway: Gateway, settings: Any) -> None:  # noqa: F811
    settings.REDIS_URL = ""
    assert isinstance(limiter.backend(), limiter.MemoryBackend)
    if 60 - time.time() % 60 < 15:
        time.sleep(60 - time.time() % 60 + 0.5)  # one minute window for the whole test
    quotas.do_set_limits(gateway.app, {"requests_per_minute": 2, "tokens_per_day": 1_000_000})
    client = gateway.client()
    for _ in range(2):
        client.chat.completions.create(
            model="stub", messages=[{"role": "user", "content": "hi"}], max_tokens=5
        )
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(
            model="stub", messages=[{"role": "user", "content": "hi"}], max_tokens=5
        )

    deadline = time.monotonic() + 10
    while True:
        shown = limits_show(settings, gateway.app.name)
        if "used 2" in line(shown, "requests per minute") or time.monotonic() > deadline:
            break
        time.sleep(0.5)  # the gateway publishes its counters within a second
    assert line(shown, "requests per minute").rstrip().endswith("used 2"), shown
    used_tokens = int(line(shown, "tokens per day").rsplit("used", 1)[1].replace(",", ""))
    assert used_tokens > 0, shown


def test_a_process_that_ended_is_not_counted(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path
    folder = tmp_path / "quota-counters"
    folder.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    key = limiter.counter_key("a1", "rpm", 1)
    (folder / f"{dead.pid}.json").write_text(f'{{"counters": {{"{key}": [7, {time.time() + 60}]}}}}')
    assert limiter.MemoryBackend(publish=True).values([key]) == [0]
    assert not (folder / f"{dead.pid}.json").exists()
