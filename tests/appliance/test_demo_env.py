"""`make demo` leaves `.airlock/demo.env`: a shell that sources it can use the openai client as is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from appliance.management.commands.demo import _write_env, demo_env


def test_a_shell_that_sources_demo_env_gets_an_openai_client_pointed_at_the_appliance(tmp_path: Path) -> None:
    env_file = tmp_path / "demo.env"
    _write_env(env_file, demo_env("http://127.0.0.1:8000", "air-abc-secret", "pw with 'quotes'"))
    assert env_file.stat().st_mode & 0o777 == 0o600, "the file holds a key and a password"
    script = (
        f"set -a; . {env_file}; set +a; "
        f"{sys.executable} -c 'from openai import OpenAI; c = OpenAI(); print(c.base_url, c.api_key)'"
    )
    shown = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"}
    )
    assert shown.stdout.split() == ["http://127.0.0.1:8000/v1/", "air-abc-secret"]
    sourced = subprocess.run(
        ["bash", "-c", f'set -a; . {env_file}; set +a; printf %s "$AIRLOCK_ADMIN_PASSWORD"'],
        capture_output=True,
        text=True,
        check=True,
    )
    assert sourced.stdout == "pw with 'quotes'"
