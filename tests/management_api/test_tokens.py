"""Personal API tokens: shown once, stored hashed, scoped to roles, expiring, revocable, audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from appliance import services as people
from appliance import tokens
from appliance.models import ApiToken
from appliance.roles import Role, grant
from audit.events import Event
from audit.models import AuditRecord
from tests.management_api.conftest import bearer

pytestmark = pytest.mark.django_db

TokenFor = Callable[..., Any]


def records(event: Event) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in AuditRecord.objects.filter(event=event).order_by("id")]


def test_a_token_made_with_a_session_is_shown_once_and_stored_hashed(
    as_user: Any, administrator: User
) -> None:
    answer = as_user("administrator").post(
        "/api/tokens/", {"name": "ci-deploy", "expires_in_days": 7}, format="json"
    )

    assert answer.status_code == 201, answer.content
    body = answer.json()
    secret = body["token"]
    assert secret.startswith("alt_") and body["roles"] == ["administrator"]
    stored = ApiToken.objects.get()
    assert secret not in (stored.digest, stored.prefix) and stored.digest == tokens.digest_of(secret)
    assert timedelta(days=6, hours=23) < stored.expires_at - timezone.now() <= timedelta(days=7)
    listed = as_user("administrator").get("/api/tokens/").json()
    assert [t["name"] for t in listed] == ["ci-deploy"] and "token" not in listed[0]
    (created,) = records(Event.TOKEN_CREATED)
    assert created["actor"]["name"] == "adam-admin" and created["meta"]["roles"] == ["administrator"]
    assert secret not in json.dumps(created)


def test_a_token_works_without_a_session_or_csrf_token(administrator: User, token_for: TokenFor) -> None:
    client, _ = token_for(administrator)

    assert client.get("/api/applications/").status_code == 200
    answer = client.post("/api/applications/", {"name": "billing"}, format="json")
    assert answer.status_code == 201, answer.content
    (created,) = records(Event.APP_CREATED)
    assert created["actor"]["name"] == "adam-admin"  # the person, not the token


def test_a_token_grants_only_the_roles_it_carries(django_user_model: Any, token_for: TokenFor) -> None:
    both = django_user_model.objects.create_user("boris-both")
    grant(both, Role.ADMINISTRATOR)
    grant(both, Role.COMPLIANCE_OFFICER)
    client, _ = token_for(both, roles=[Role.COMPLIANCE_OFFICER])

    assert client.get("/api/audit/retention/").status_code == 200
    assert client.get("/api/applications/").status_code == 403
    assert client.get("/api/users/").status_code == 403


def test_nobody_gets_a_token_with_a_role_they_do_not_hold(as_user: Any, administrator: User) -> None:
    answer = as_user("administrator").post(
        "/api/tokens/", {"name": "x", "roles": ["compliance_officer"]}, format="json"
    )

    assert answer.status_code == 403
    assert not ApiToken.objects.exists()
    with pytest.raises(Exception, match="cannot carry roles"):
        tokens.do_create_token(administrator, name="x", roles=[Role.AUDITOR])


def test_a_person_without_a_role_cannot_make_a_token(as_user: Any, nobody: User) -> None:
    assert as_user("nobody").post("/api/tokens/", {"name": "x"}, format="json").status_code == 403
    assert as_user("anonymous").post("/api/tokens/", {"name": "x"}, format="json").status_code == 403
    assert not ApiToken.objects.exists()


def test_a_token_cannot_make_another_token(administrator: User, token_for: TokenFor) -> None:
    client, _ = token_for(administrator)

    answer = client.post("/api/tokens/", {"name": "more"}, format="json")

    assert answer.status_code == 403 and "session" in answer.json()["detail"]
    assert ApiToken.objects.count() == 1


def test_a_revoked_token_is_refused_and_the_attempt_audited(
    as_user: Any, administrator: User, token_for: TokenFor
) -> None:
    client, created = token_for(administrator)
    assert client.get("/api/models/").status_code == 200

    assert as_user("administrator").delete(f"/api/tokens/{created.token.pk}/").status_code == 204

    refused = client.get("/api/models/")
    assert refused.status_code == 403 and "revoked" in refused.json()["detail"]
    (revoked,) = records(Event.TOKEN_REVOKED)
    assert revoked["meta"]["new"] == {"state": "revoked"} and revoked["actor"]["name"] == "adam-admin"
    (attempt,) = records(Event.TOKEN_REFUSED)
    assert attempt["meta"]["reason"] == "revoked" and attempt["meta"]["path"] == "/api/models/"


def test_an_expired_token_is_refused(administrator: User, token_for: TokenFor) -> None:
    client, created = token_for(administrator)
    ApiToken.objects.filter(pk=created.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert client.get("/api/models/").status_code == 403
    assert records(Event.TOKEN_REFUSED)[0]["meta"]["reason"] == "expired"


def test_a_wrong_secret_with_a_known_prefix_is_refused_and_audited(
    administrator: User, token_for: TokenFor
) -> None:
    _, created = token_for(administrator)
    forged = created.plaintext[:-4] + ("AAAA" if not created.plaintext.endswith("AAAA") else "BBBB")

    assert bearer(forged).get("/api/models/").status_code == 403
    assert records(Event.TOKEN_REFUSED)[0]["meta"]["reason"] == "wrong secret"
    assert bearer("alt_zzzzzzzz_" + "x" * 43).get("/api/models/").status_code == 403  # unknown: not recorded
    assert len(records(Event.TOKEN_REFUSED)) == 1


def test_the_token_of_a_deactivated_person_stops_at_once(
    administrator: User, django_user_model: Any, token_for: TokenFor
) -> None:
    other_admin = django_user_model.objects.create_user("ann-admin")
    grant(other_admin, Role.ADMINISTRATOR)
    client, _ = token_for(administrator)
    assert client.get("/api/models/").status_code == 200

    people.do_deactivate_user(administrator, actor=other_admin)

    refused = client.get("/api/models/")
    assert refused.status_code == 403 and "deactivated" in refused.json()["detail"]
    assert records(Event.TOKEN_REFUSED)[0]["meta"]["reason"] == "owner deactivated"


def test_a_role_taken_from_the_owner_is_taken_from_the_token(
    django_user_model: Any, administrator: User, token_for: TokenFor
) -> None:
    both = django_user_model.objects.create_user("boris-both")
    grant(both, Role.ADMINISTRATOR)
    grant(both, Role.COMPLIANCE_OFFICER)
    client, _ = token_for(both)
    assert client.get("/api/users/").status_code == 200

    people.do_set_roles(both, [Role.COMPLIANCE_OFFICER], actor=administrator)

    assert client.get("/api/users/").status_code == 403
    assert client.get("/api/audit/retention/").status_code == 200


def test_people_see_and_revoke_only_their_own_tokens_administrators_any(
    as_user: Any, administrator: User, compliance_officer: User, auditor: User, token_for: TokenFor
) -> None:
    _, carla = token_for(compliance_officer)

    assert as_user("auditor").get("/api/tokens/").json() == []
    assert as_user("auditor").delete(f"/api/tokens/{carla.token.pk}/").status_code == 404
    assert tokens.is_usable(ApiToken.objects.get(pk=carla.token.pk))
    assert as_user("administrator").delete(f"/api/tokens/{carla.token.pk}/").status_code == 204
    assert not tokens.is_usable(ApiToken.objects.get(pk=carla.token.pk))


def test_a_token_lives_at_most_a_year(as_user: Any, administrator: User) -> None:
    answer = as_user("administrator").post(
        "/api/tokens/", {"name": "forever", "expires_in_days": 3650}, format="json"
    )

    assert answer.status_code == 400 and "expires_in_days" in answer.json()
