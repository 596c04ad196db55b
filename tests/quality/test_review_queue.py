"""The human review queue: feedback on /v1, what reviewers see (by the audit content rules,
every view audited), labels that flow into golden sets and a JSONL training set, and the
people who must be refused. Through the live gateway and the console.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx
import orjson
import pytest
from django.contrib.auth.models import User
from django.test import Client

from appliance.roles import Role, grant
from audit.events import Event
from audit.models import AuditRecord
from inference import services
from quality.models import GoldenItem, ReviewItem
from tests.routing.conftest import Lab, changed
from tests.signin import sign_in_verified

QUESTION = "Say hello."


@pytest.fixture
def reviewer(django_user_model: Any) -> User:
    user = django_user_model.objects.create_user("rita-reviewer")
    grant(user, Role.REVIEWER)
    return user  # type: ignore[no-any-return]


def console(user: User) -> Client:
    return sign_in_verified(Client(), user)  # type: ignore[return-value]


def feedback(lab: Lab, body: dict[str, Any], key: str | None = None) -> httpx.Response:
    return httpx.post(
        f"{lab.url}/v1/feedback",
        json=body,
        headers={"Authorization": f"Bearer {key or lab.key}"},
        timeout=30,
    )


def answered(lab: Lab, mode: str = "full") -> str:
    services.do_set_audit_content(lab.app, mode)
    changed()
    lab.deploy("gpu-a", "ok-a")
    reply = lab.post({})
    assert reply.status_code == 200, reply.text
    return str(reply.headers["x-request-id"])


def views_of(item: ReviewItem) -> int:
    return AuditRecord.objects.filter(event=Event.REVIEW_VIEWED, target_id=item.public_id).count()


def test_feedback_queues_the_applications_own_request_for_review(lab: Lab) -> None:
    request_id = answered(lab)
    given = feedback(lab, {"request_id": request_id, "rating": "bad", "comment": "It ignored my question."})
    assert given.status_code == 201, given.text
    body = given.json()
    assert body["object"] == "feedback" and body["request_id"] == request_id and body["status"] == "queued"
    item = ReviewItem.objects.get(public_id=body["id"])
    assert (item.source, item.state, item.model_name, item.version) == ("feedback", "open", "chat", "v1")
    assert item.detail == {"rating": "bad"} and item.application_id == lab.app.pk
    again = feedback(lab, {"request_id": request_id, "rating": "bad"})
    assert again.status_code == 201 and again.json()["id"] == item.public_id, "one item per request"


def test_feedback_on_another_applications_request_or_without_a_key_is_refused(lab: Lab) -> None:
    request_id = answered(lab)
    other = services.do_create_application("other-app", allowed_models=["chat"])
    other_key = services.do_create_api_key(other, name="t").plaintext
    refused = feedback(lab, {"request_id": request_id, "rating": "good"}, key=other_key)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "request_not_found"
    unknown = feedback(lab, {"request_id": "req_" + "0" * 32, "rating": "good"})
    assert unknown.status_code == 404
    no_key = httpx.post(f"{lab.url}/v1/feedback", json={"request_id": request_id, "rating": "good"})
    assert no_key.status_code == 401
    assert feedback(lab, {"request_id": request_id, "rating": "meh"}).status_code == 400
    assert (
        httpx.get(f"{lab.url}/v1/feedback", headers={"Authorization": f"Bearer {lab.key}"}).status_code == 405
    )
    assert not ReviewItem.objects.exists()


def test_a_reviewer_sees_full_content_and_every_view_is_audited(lab: Lab, reviewer: User) -> None:
    request_id = answered(lab, "full")
    item_id = feedback(lab, {"request_id": request_id, "rating": "bad", "comment": "Too short."}).json()["id"]
    item = ReviewItem.objects.get(public_id=item_id)
    page = console(reviewer).get(f"/console/review/{item_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert QUESTION in html and "hello from a" in html and "Too short." in html
    assert views_of(item) == 1
    console(reviewer).get(f"/console/review/{item_id}/")
    assert views_of(item) == 2
    queue = console(reviewer).get("/console/review/")
    assert queue.status_code == 200 and item_id in queue.content.decode()
    assert QUESTION not in queue.content.decode(), "the queue lists no content"


def test_a_metadata_application_shows_reviewers_no_text(lab: Lab, reviewer: User) -> None:
    request_id = answered(lab, "metadata")
    item_id = feedback(lab, {"request_id": request_id, "rating": "bad", "comment": "Secret words."}).json()[
        "id"
    ]
    html = console(reviewer).get(f"/console/review/{item_id}/").content.decode()
    assert "metadata" in html
    assert QUESTION not in html and "hello from a" not in html and "Secret words." not in html
    assert views_of(ReviewItem.objects.get(public_id=item_id)) == 1


def test_labels_flow_into_the_golden_set_and_the_training_export(lab: Lab, reviewer: User) -> None:
    request_id = answered(lab, "full")
    item_id = feedback(lab, {"request_id": request_id, "rating": "bad"}).json()["id"]
    client = console(reviewer)
    saved = client.post(
        f"/console/review/{item_id}/label/",
        {"label": "bad", "correction": "Hello! How can I help you today?", "note": "curt"},
    )
    assert saved.status_code == 302
    item = ReviewItem.objects.get(public_id=item_id)
    assert (item.state, item.label, item.reviewer_name) == ("labelled", "bad", "rita-reviewer")
    golden = GoldenItem.objects.get(key=f"review-{item_id}")
    assert golden.golden_set.model_name == "chat"
    assert (golden.prompt, golden.reference) == (QUESTION, "Hello! How can I help you today?")
    labelled = AuditRecord.objects.get(event=Event.REVIEW_LABELLED, target_id=item_id)
    assert orjson.loads(labelled.body)["meta"]["new"] == {"label": "bad", "state": "labelled"}

    exported = client.get("/console/review/export.jsonl")
    assert exported.status_code == 200
    lines = [orjson.loads(line) for line in exported.content.splitlines()]
    assert lines == [
        {
            "messages": [
                {"role": "user", "content": QUESTION},
                {"role": "assistant", "content": "Hello! How can I help you today?"},
            ]
        }
    ]
    assert AuditRecord.objects.filter(event=Event.REVIEW_EXPORTED).count() == 1
    invalid = client.post(f"/console/review/{item_id}/label/", {"label": "maybe"})
    assert invalid.status_code == 400


@pytest.mark.parametrize("who", ["nobody", "administrator", "compliance_officer", "auditor", "app_owner"])
def test_people_without_the_reviewer_role_are_refused(
    lab: Lab, who: str, request: pytest.FixtureRequest
) -> None:
    request_id = answered(lab, "full")
    item_id = feedback(lab, {"request_id": request_id, "rating": "bad"}).json()["id"]
    client = console(request.getfixturevalue(who))
    assert client.get("/console/review/").status_code == 403
    assert client.get(f"/console/review/{item_id}/").status_code == 403
    assert client.post(f"/console/review/{item_id}/label/", {"label": "good"}).status_code == 403
    assert client.post(f"/console/review/{item_id}/decide/", {"decision": "approve"}).status_code == 403
    assert client.get("/console/review/export.jsonl").status_code == 403
    assert ReviewItem.objects.get(public_id=item_id).label == ""
    assert not AuditRecord.objects.filter(event=Event.REVIEW_VIEWED).exists()
    anonymous = Client().get(f"/console/review/{item_id}/")
    assert anonymous.status_code == 302 and "/console/sign-in/" in anonymous["Location"]
