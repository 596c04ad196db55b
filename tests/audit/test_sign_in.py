"""Sign-ins, failed sign-ins and sign-outs at the appliance's login page are audit records."""

from __future__ import annotations

import orjson
import pytest
from django.test import Client

from audit.events import Event
from audit.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_a_failed_then_successful_sign_in_and_a_sign_out_are_recorded(django_user_model) -> None:  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create_user("ada", password="a long correct horse", is_staff=True)
    client = Client(REMOTE_ADDR="10.1.2.3")
    client.post("/console/sign-in/", {"username": "ada", "password": "wrong password"})
    # No role that needs a second factor and no device enrolled: the password signs ada in.
    client.post("/console/sign-in/", {"username": "ada", "password": "a long correct horse"})
    client.post("/console/sign-out/")

    failed = AuditRecord.objects.get(event=Event.SIGN_IN_FAILED)
    body = orjson.loads(failed.body)
    assert body["target"] == {"type": "user", "id": "ada"} and body["meta"]["source_ip"] == "10.1.2.3"
    assert "wrong password" not in failed.body
    signed_in = AuditRecord.objects.get(event=Event.SIGN_IN)
    assert signed_in.actor_id == user.pk and signed_in.actor_name == "ada"
    assert AuditRecord.objects.filter(event=Event.SIGN_OUT, actor_id=user.pk).count() == 1
