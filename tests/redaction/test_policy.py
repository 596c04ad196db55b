"""Egress policy: off by default, how the global and an application's policy combine, validation,
and that every change is audited with old and new values and reaches every worker."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction

from audit.events import Event
from audit.models import AuditRecord
from inference import epoch, hotcache
from inference.models import Application, Provider
from redaction import policy, services
from redaction.models import EgressPolicy
from tests.redaction.conftest import set_policy

pytestmark = pytest.mark.django_db


def test_egress_is_off_by_default_for_everyone(triage: Application) -> None:
    for scope in (None, triage.pk):
        found = policy.resolve(scope)
        assert found.enabled is False and found.disabled_by == "global"
        assert "disabled" in (found.disabled_reason or "")
        assert not found.allows("openai")


def test_the_global_switch_alone_does_not_let_an_application_send(
    providers: list[Provider], triage: Application
) -> None:
    set_policy(enabled=True, allowed_providers=["openai"])

    assert policy.resolve(None).enabled is True
    found = policy.resolve(triage.pk)
    assert found.enabled is False and found.disabled_by == "application"

    set_policy(triage, enabled=True)
    assert policy.resolve(triage.pk).enabled is True


def test_an_application_switch_without_the_global_one_sends_nothing(
    providers: list[Provider], triage: Application
) -> None:
    set_policy(triage, enabled=True)
    assert policy.resolve(triage.pk).disabled_by == "global"


def test_destinations_are_the_intersection_and_an_empty_global_list_allows_none(
    providers: list[Provider], egress_on: Application, billing: Application
) -> None:
    set_policy(allowed_providers=[])
    assert not policy.resolve(egress_on.pk).allows("openai")

    set_policy(allowed_providers=["*"])
    assert policy.resolve(egress_on.pk).allows("anthropic")  # the app follows the global list
    set_policy(egress_on, allowed_providers=["anthropic"])
    found = policy.resolve(egress_on.pk)
    assert found.allows("anthropic") and not found.allows("openai")

    set_policy(allowed_providers=["openai"])
    assert not policy.resolve(egress_on.pk).allows("anthropic")  # allowed by the app, not globally
    set_policy(billing, enabled=True)
    assert policy.resolve(billing.pk).allows("openai")


def test_the_stricter_action_threshold_and_the_union_of_lists_win(egress_on: Application) -> None:
    set_policy(
        entity_actions={"PERSON": "redact", "EMAIL_ADDRESS": "placeholder"},
        threshold=0.6,
        deny_terms=["Project Falcon"],
        allow_terms=["Acme"],
        patterns=[{"name": "mrn", "entity_type": "MEDICAL_RECORD", "regex": r"MRN-\d{6}"}],
    )
    set_policy(
        egress_on,
        entity_actions={"PERSON": "placeholder", "EMAIL_ADDRESS": "refuse"},
        default_action="redact",
        threshold=0.8,
        deny_terms=["project falcon", "Orion"],
        allow_terms=["Globex"],
        patterns=[{"name": "ticket", "entity_type": "TICKET", "regex": r"TCK-\d{4}", "score": 0.7}],
    )

    found = policy.resolve(egress_on.pk)

    assert found.action_for("PERSON") == "redact"  # global is stricter
    assert found.action_for("EMAIL_ADDRESS") == "refuse"  # the application is stricter
    assert found.action_for("PHONE_NUMBER") == "redact"  # the stricter default
    assert policy.resolve(None).action_for("PHONE_NUMBER") == "placeholder"
    assert found.threshold == 0.6  # the lower (more is detected)
    assert found.deny_terms == ("Project Falcon", "Orion")
    assert found.allow_terms == ("Acme", "Globex")
    assert [p.name for p in found.patterns] == ["mrn", "ticket"]
    assert found.entities is None  # every type, the default


def test_entities_merge_and_types_with_actions_or_patterns_are_always_detected(
    egress_on: Application,
) -> None:
    set_policy(entities=["PERSON"], entity_actions={"US_SSN": "refuse"})
    set_policy(egress_on, entities=["EMAIL_ADDRESS"])

    detected = policy.resolve(egress_on.pk).detect()

    assert detected == {"PERSON", "EMAIL_ADDRESS", "US_SSN"}
    set_policy(egress_on, entities=["*"])
    assert policy.resolve(egress_on.pk).detect() is None


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"entity_actions": {"PERSON": "hide"}}, "entity_actions", "unknown action"),
        ({"default_action": "encrypt"}, "default_action", "unknown action"),
        ({"threshold": 1.5}, "threshold", "from 0 to 1"),
        ({"threshold": -0.1}, "threshold", "from 0 to 1"),
        (
            {"patterns": [{"name": "bad", "entity_type": "X", "regex": "(unclosed"}]},
            "patterns",
            "not a valid regular",
        ),
        (
            {"patterns": [{"name": "slow", "entity_type": "X", "regex": "(a+)+$"}]},
            "patterns",
            "exponential time",
        ),
        ({"patterns": [{"name": "p", "entity_type": "PERSON_1", "regex": "x"}]}, "patterns", "entity type"),
        ({"entity_actions": {"PERSN": "redact"}}, "entity_actions", "unknown entity type"),
        ({"entities": ["PERSON", "NOT_A_TYPE"]}, "entities", "unknown entity type"),
        ({"allowed_providers": ["opanai"]}, "allowed_providers", "no provider is registered"),
        ({"allowed_providers": None}, "allowed_providers", "needs a list"),
        ({"deny_terms": ["  "]}, "deny_terms", "not a term"),
        ({"enabled": "yes"}, "enabled", "true or false"),
        ({"colour": "blue"}, "colour", "unknown field"),
    ],
)
def test_a_bad_policy_is_refused_with_a_message_naming_what_is_wrong(
    providers: list[Provider], changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.do_set_egress_policy(None, changes)

    messages = caught.value.message_dict[field]
    assert any(words in m.lower() for m in messages), messages
    assert not EgressPolicy.objects.exists()
    assert not AuditRecord.objects.filter(event=Event.EGRESS_POLICY_CHANGED).exists()


def test_an_action_for_a_custom_patterns_type_is_accepted(providers: list[Provider]) -> None:
    set_policy(
        patterns=[{"name": "mrn", "entity_type": "medical_record", "regex": r"MRN-\d{6}"}],
        entity_actions={"MEDICAL_RECORD": "refuse"},
    )

    assert policy.resolve(None).action_for("MEDICAL_RECORD") == "refuse"
    assert policy.resolve(None).patterns[0].entity_type == "MEDICAL_RECORD"


def test_every_change_is_recorded_with_old_and_new_values_and_the_actor(
    providers: list[Provider], triage: Application, administrator: Any
) -> None:
    services.do_set_egress_policy(
        None, {"enabled": True, "allowed_providers": ["openai"]}, actor=administrator
    )
    services.do_set_egress_policy(triage, {"threshold": 0.3}, actor=administrator)

    first, second = AuditRecord.objects.filter(event=Event.EGRESS_POLICY_CHANGED).order_by("id")
    body = json.loads(first.body)
    assert first.actor_name == "adam-admin" and body["target"] == {"type": "egress_policy", "id": "global"}
    assert body["meta"]["changed"] == ["allowed_providers", "enabled"]
    assert body["meta"]["old"]["enabled"] is False and body["meta"]["new"]["enabled"] is True
    assert body["meta"]["old"]["allowed_providers"] == [] and body["meta"]["new"]["allowed_providers"] == [
        "openai"
    ]
    body = json.loads(second.body)
    assert second.application_id == triage.pk and body["meta"]["application"] == "triage"
    assert body["meta"]["old"]["threshold"] is None and body["meta"]["new"]["threshold"] == 0.3
    row = EgressPolicy.objects.get(application=triage)
    assert row.updated_by == administrator


def test_a_change_bumps_the_gateway_epoch_on_commit_and_a_no_op_does_not(
    providers: list[Provider], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        set_policy(enabled=True)
    assert epoch.bump in callbacks

    with django_capture_on_commit_callbacks() as callbacks:
        set_policy(enabled=True)
    assert epoch.bump not in callbacks
    assert AuditRecord.objects.filter(event=Event.EGRESS_POLICY_CHANGED).count() == 1


def test_there_is_only_one_global_policy_row(providers: list[Provider]) -> None:
    EgressPolicy.objects.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        EgressPolicy.objects.create()


@pytest.mark.django_db(transaction=True)
def test_the_gateway_sees_a_change_on_its_next_request(
    providers: list[Provider], triage: Application
) -> None:
    async def current() -> bool:
        await hotcache.refresh()  # what authentication does at the start of every /v1 request
        return (await policy.effective(triage.pk)).enabled

    def change() -> None:  # from another thread, as the CLI or the console would, in another process
        try:
            set_policy(None, enabled=True, allowed_providers=["openai"])
            set_policy(triage, enabled=True)
        finally:
            connections.close_all()

    async def scenario() -> tuple[bool, bool]:
        before = await current()
        await asyncio.to_thread(change)
        after = await current()
        await sync_to_async(connections.close_all)()  # the async ORM's thread
        return before, after

    before, after = asyncio.run(scenario())

    assert (before, after) == (False, True)
