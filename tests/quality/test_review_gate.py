"""Review gates: an answer matching an application's rules is held (202 and a poll URL) until
a reviewer approves it (the client then gets the original completion) or rejects it (403).
Through the live gateway, with the official ``openai`` client where a client would use it.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx
import openai
import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from appliance.roles import Role, grant
from audit.events import Event
from audit.models import AuditRecord
from inference import services
from quality import configure
from quality.models import ReviewItem
from tests.routing.conftest import Lab, changed
from tests.signin import sign_in_verified


@pytest.fixture
def reviewer(django_user_model: Any) -> User:
    user = django_user_model.objects.create_user("rita-reviewer")
    grant(user, Role.REVIEWER)
    return user  # type: ignore[no-any-return]


def gated_lab(lab: Lab, *rules: tuple[str, bool]) -> None:
    services.do_set_audit_content(lab.app, "full")
    configure.do_set_gate_rules(lab.app, list(rules))
    changed()
    lab.deploy("gpu-a", "ok-a")  # answers "hello from a"


def poll(lab: Lab, url: str, key: str | None = None) -> httpx.Response:
    return httpx.get(f"{lab.url}{url}", headers={"Authorization": f"Bearer {key or lab.key}"}, timeout=30)


def decide(reviewer: User, item_id: str, decision: str) -> int:
    client = sign_in_verified(Client(), reviewer)
    return int(client.post(f"/console/review/{item_id}/decide/", {"decision": decision}).status_code)


def test_the_gate_holds_a_matching_answer_until_a_reviewer_releases_it(lab: Lab, reviewer: User) -> None:
    gated_lab(lab, ("hello", False))
    held = lab.post({})
    assert held.status_code == 202, held.text
    body = held.json()
    assert body["object"] == "review" and body["status"] == "pending"
    assert body["poll_url"] == f"/v1/reviews/{body['id']}" == held.headers["location"]
    assert body["request_id"] == held.headers["x-request-id"]
    assert "hello from a" not in held.text, "the answer is not returned while it waits"
    item = ReviewItem.objects.get(public_id=body["id"])
    assert (item.source, item.state, item.detail) == ("gate", "pending", {"rules": ["hello"]})
    assert item.held is not None and b"hello from a" not in bytes(item.held), "held encrypted"

    waiting = poll(lab, body["poll_url"])
    assert waiting.status_code == 202 and waiting.json()["status"] == "pending"
    assert "hello from a" not in waiting.text
    other = services.do_create_application("other-app", allowed_models=["chat"])
    other_key = services.do_create_api_key(other, name="t").plaintext
    assert poll(lab, body["poll_url"], key=other_key).status_code == 404

    assert decide(reviewer, body["id"], "approve") == 302
    released = poll(lab, body["poll_url"])
    assert released.status_code == 200
    assert released.json()["choices"][0]["message"]["content"] == "hello from a"
    assert released.json()["object"] == "chat.completion"
    assert AuditRecord.objects.filter(event=Event.REVIEW_LABELLED, target_id=body["id"]).count() == 1
    assert decide(reviewer, body["id"], "reject") == 400, "a decision is made once"


def test_a_rejected_answer_is_never_released(lab: Lab, reviewer: User) -> None:
    gated_lab(lab, (r"hel+o\s+from", True))
    body = lab.post({}).json()
    assert decide(reviewer, body["id"], "reject") == 302
    refused = poll(lab, body["poll_url"])
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "answer_rejected"
    assert ReviewItem.objects.get(public_id=body["id"]).held is None


def test_answers_that_match_no_rule_pass_and_gated_apps_cannot_stream(lab: Lab) -> None:
    gated_lab(lab, ("invoice", False), ("hell", False))  # "hell" is not a whole word of "hello"
    client = lab.client()
    answer = client.chat.completions.create(model="chat", messages=[{"role": "user", "content": "Hi"}])
    assert answer.choices[0].message.content == "hello from a"
    with pytest.raises(openai.BadRequestError) as refused:
        client.chat.completions.create(
            model="chat", messages=[{"role": "user", "content": "Hi"}], stream=True
        )
    assert refused.value.code == "review_gate_requires_whole_answers"
    assert not ReviewItem.objects.exists()

    configure.do_set_gate_rules(lab.app, [])  # no rules: the gate is off, streams flow again
    stream = client.chat.completions.create(
        model="chat", messages=[{"role": "user", "content": "Hi"}], stream=True
    )
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == "hello from a"


def test_gate_rules_are_validated_and_audited(lab: Lab) -> None:
    with pytest.raises(ValidationError, match="audit content mode"):
        configure.do_set_gate_rules(lab.app, [("diagnosis", False)])  # metadata: reviewers would be blind
    services.do_set_audit_content(lab.app, "full")
    with pytest.raises(ValidationError):
        configure.do_set_gate_rules(lab.app, [("(unclosed", True)])
    configure.do_set_gate_rules(lab.app, [("diagnosis", False)])
    row = AuditRecord.objects.get(event=Event.REVIEW_GATE_SET)
    assert row.target_id == lab.app.name


def test_a_held_answer_is_erased_with_its_end_user(
    lab: Lab, reviewer: User, compliance_officer: User
) -> None:
    from audit import services as audit_services

    gated_lab(lab, ("hello", False))
    body = lab.post({"user": "patient-7"}).json()
    assert decide(reviewer, body["id"], "approve") == 302
    audit_services.do_erase_subject("patient-7", actor=compliance_officer, reason="GDPR art. 17 request")
    gone = poll(lab, body["poll_url"])
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "answer_unavailable"
