"""Claim paths and the mapping from claim values to roles: deny by default."""

from __future__ import annotations

from appliance.roles import Role
from identity.claims import claim_values, map_claims
from tests.identity.conftest import provider_config


def test_claim_paths_read_lists_strings_and_nested_objects() -> None:
    claims = {
        "groups": ["a", "b", 3],
        "realm_access": {"roles": ["x"]},
        "resource_access": {"airlock": {"roles": "y"}},
        "number": 5,
    }
    assert claim_values(claims, "groups") == {"a", "b"}
    assert claim_values(claims, "realm_access.roles") == {"x"}
    assert claim_values(claims, "resource_access.airlock.roles") == {"y"}
    assert claim_values(claims, "number") == set()
    assert claim_values(claims, "realm_access.missing") == set()
    assert claim_values(claims, "groups.deeper") == set()


def test_only_mapped_values_grant_roles() -> None:
    provider = provider_config("https://idp.example")
    # Entra sends group object ids; a look-alike name maps to nothing.
    assert map_claims(provider, {"groups": ["Airlock-Admins", "airlock-admins "]}).roles == frozenset()
    assert map_claims(provider, {}).roles == frozenset()
    mapped = map_claims(provider, {"groups": ["auditors", "team-billing", "staff"]})
    assert mapped.roles == {Role.AUDITOR, Role.APP_OWNER}
    assert mapped.applications == {"billing-bot"}
    assert mapped.matched == ("auditors", "team-billing")
