"""``airlock redaction policy set --disable`` says egress is off (it printed "enabled")."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from redaction import policy

pytestmark = pytest.mark.django_db


def policy_set(*args: str) -> str:
    out = StringIO()
    call_command("redaction", "policy", "set", *args, stdout=out)
    return out.getvalue()


def test_disabling_egress_says_off() -> None:
    policy_set("--enable")
    said = policy_set("--disable")
    first = said.splitlines()[0]
    assert first == "Changed the global egress policy: egress off."
    assert "enabled" not in first
    assert policy.resolve(None).enabled is False


def test_enabling_egress_says_on_and_names_other_changes_plainly() -> None:
    said = policy_set("--enable", "--threshold", "0.6", "--deny", "Project Falcon")
    assert said.splitlines()[0] == (
        "Changed the global egress policy: egress on, deny terms changed, threshold changed."
    )
