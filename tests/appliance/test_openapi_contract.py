"""The management API does what its OpenAPI schema says: schemathesis against every operation.

Schemathesis (pinned in pyproject.toml) reads the schema drf-spectacular generates for
``/api/schema/`` and sends each operation valid and invalid requests through Django's WSGI
application, in this process, signed in as the person whose work the operation is: the
compliance officer for ``/api/audit/``, the administrator for everything else (both past the
TOTP step, with a real session cookie and CSRF token). Every answer must be:

- no server error (``not_a_server_error``);
- a status the schema documents for the operation (``status_code_conformance``);
- of a documented content type, with a body matching the documented schema
  (``content_type_conformance``, ``response_schema_conformance``);
- a refusal (4xx) for a request the schema says is invalid (``negative_data_rejection``);
- an acceptance for a request the schema says is valid (``positive_data_acceptance``: 2xx,
  or 404/409 when the named thing does not exist or is in the way).

Some rules depend on the appliance's state, not on the request's shape, and OpenAPI cannot
state them: a provider's host must resolve to a public address (``providers.guard``) and its key
file lie in the secrets directory, a policy may name only registered providers and known entity
types and only safe regular expressions, an export names an existing application, ``from``
comes before ``to``. A valid example is given values that meet them (``meet_the_state``) before
it is sent; invalid examples are sent as generated.

The run is bounded and repeatable: a fixed number of examples per operation, derandomised.
No operation is left out: none is destructive beyond the test's own transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from appliance.roles import Role, grant
from appliance.wsgi import application
from audit.export import parse_bound
from inference.models import Application
from tests.signin import sign_in_verified

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]
EXAMPLES_PER_OPERATION = 25

# The schema as /api/schema/ serves it (generated directly: the endpoint itself needs a sign-in).
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(public=True))
schema.config.generation.update(
    modes=["positive", "negative"],
    max_examples=EXAMPLES_PER_OPERATION,
    deterministic=True,
    # The session cookie is the test's to give (a signed-in person's), not generated.
    with_security_parameters=False,
)

CSRF_TOKEN = "schemathesis" * 2 + "contract"  # 32 letters: a well-formed CSRF secret


@pytest.fixture
def signed_in(db: None, settings: Any, tmp_path: Path) -> Iterator[dict[str, dict[str, str]]]:
    """Session cookies of a compliance officer and an administrator, past the TOTP step."""
    settings.AIRLOCK_AUDIT_WITNESS_FILE = str(tmp_path / "witness.jsonl")
    settings.AIRLOCK_AUDIT_EXPORT_DIR = tmp_path / "exports"
    # As Django's test client does: requests must not close the test's connection (and with
    # it the transaction every test runs in).
    request_started.disconnect(close_old_connections)
    cookies = {}
    for name, role in (("carla-compliance", Role.COMPLIANCE_OFFICER), ("adam-admin", Role.ADMINISTRATOR)):
        user = User.objects.create_user(name)
        grant(user, role)
        client = sign_in_verified(Client(), user)
        cookies[role.value] = {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_TOKEN}
    Application.objects.create(name="billing")
    yield cookies
    request_started.connect(close_old_connections)


PUBLIC_PROVIDER_URL = "https://8.8.8.8/v1"  # a public address written out: no DNS lookup


def _bounds_in_order(values: dict[str, Any]) -> bool:
    if not values.get("from") or not values.get("to"):
        return True
    try:
        return parse_bound(values["from"], end=False, what="from") < parse_bound(
            values["to"], end=True, what="to"
        )
    except DjangoValidationError:
        return True  # not a time at all: the server says so, and the schema agrees


def meet_the_state(case: Any) -> None:
    """Give a valid example values that meet the rules the schema cannot state (see above)."""
    body = case.body if isinstance(case.body, dict) else None
    path, method = case.operation.path, case.method.upper()
    if path == "/api/audit/events/":
        hypothesis.assume(_bounds_in_order(case.query or {}))
    if body is None:
        return
    if path == "/api/audit/exports/" and method == "POST":
        hypothesis.assume(_bounds_in_order(body))
        if body.get("application"):
            body["application"] = "billing"
        if body.get("include_content") and not str(body.get("reason", "")).strip():
            body["reason"] = "incident review"
    elif path.startswith("/api/providers/") and "models" not in path:
        if "base_url" in body:
            body["base_url"] = PUBLIC_PROVIDER_URL
        if body.get("api_key_file"):
            body["api_key_file"] = ""
        if body.get("kind") == "anthropic":  # needs a key file, which needs the secrets directory
            body["kind"] = "openai"
        if body.get("extra_headers"):
            body["extra_headers"] = {"X-Team": "contract-tests"}
    elif path.startswith("/api/redaction/") and method == "PUT":
        is_global = path == "/api/redaction/policy/"
        if "allowed_providers" in body and (body["allowed_providers"] or is_global):
            body["allowed_providers"] = []
        if body.get("entities"):
            body["entities"] = ["*"]
        if body.get("entity_actions"):
            body["entity_actions"] = {"EMAIL_ADDRESS": "redact"}
        if body.get("patterns"):
            body["patterns"] = [{"name": "ticket", "entity_type": "TICKET_ID", "regex": r"TCK-[0-9]{6}"}]


@schema.parametrize()
@hypothesis.settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_the_management_api_does_what_its_schema_says(
    case: Any, signed_in: dict[str, dict[str, str]]
) -> None:
    if case.meta is not None and case.meta.generation.mode.is_positive:
        meet_the_state(case)
    role = Role.COMPLIANCE_OFFICER if case.path.startswith("/api/audit/") else Role.ADMINISTRATOR
    case.call_and_validate(
        app=application,
        cookies=signed_in[role.value],
        headers={"X-CSRFToken": CSRF_TOKEN},
        checks=CHECKS,
    )
