"""AIRLOCK_REDACTION_LANGUAGES is a declared setting: validated when the settings load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_settings(value: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "AIRLOCK_REDACTION_LANGUAGES"}
    env["DJANGO_SETTINGS_MODULE"] = "appliance.settings"
    if value is not None:
        env["AIRLOCK_REDACTION_LANGUAGES"] = value
    code = (
        "import django; django.setup(); from django.conf import settings;"
        " print(settings.AIRLOCK_REDACTION_LANGUAGES)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_all_six_languages_are_detected_by_default() -> None:
    result = load_settings(None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['en', 'de', 'fr', 'es', 'it', 'nl']"


def test_the_languages_are_read_from_the_environment() -> None:
    result = load_settings("EN, fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['en', 'fr']"


def test_an_unknown_language_stops_the_appliance_from_starting() -> None:
    result = load_settings("en,xx")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "xx" in result.stderr
