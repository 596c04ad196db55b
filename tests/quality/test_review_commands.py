"""``airlock quality gate|sampling|restore-route``: the command-line path to the same services."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.events import Event
from audit.models import AuditRecord
from inference import services


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("quality", *args, stdout=out)
    return out.getvalue()


def test_review_gates_and_sampling_are_set_from_the_command_line(db: None) -> None:
    app = services.do_create_application("helpdesk", allowed_models=[])
    services.do_set_audit_content(app, "full")
    out = run("gate", "helpdesk", "--keyword", "diagnosis", "--regex", r"\bICD-?10\b")
    assert "helpdesk\tkeyword\tdiagnosis" in out and "helpdesk\tregex\t\\bICD-?10\\b" in out
    assert "no review gate" in run("gate", "helpdesk", "--clear")
    with pytest.raises(CommandError, match="regular expression"):
        run("gate", "helpdesk", "--regex", "(")
    out = run("sampling", "helpdesk", "--judge-percent", "15", "--review-percent", "5")
    assert "judge 15% with (default judge model), review 5%" in out
    with pytest.raises(CommandError):
        run("sampling", "helpdesk", "--judge-percent", "150")
    with pytest.raises(CommandError, match="no application"):
        run("gate", "nobody-app")
    assert AuditRecord.objects.filter(event=Event.REVIEW_GATE_SET).count() == 2
    assert AuditRecord.objects.filter(event=Event.JUDGE_SETTINGS_SET).count() == 1


def test_restoring_a_route_that_is_not_degraded_is_refused(deployment: object) -> None:
    with pytest.raises(CommandError, match="not in degraded mode"):
        run("restore-route", "chat")
    with pytest.raises(CommandError, match="no model named"):
        run("restore-route", "missing")
