"""From a provider's claims to Airlock roles and applications — deny by default.

Only the claim values named in the provider's ``ROLE_MAP`` / ``APP_MAP`` grant anything;
an administrator is made only by a value mapped to ``administrator``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from appliance.roles import Role
from identity.config import ProviderConfig


def claim_values(claims: dict[str, Any], path: str) -> set[str]:
    """The values at a dotted claim path (``groups``, ``realm_access.roles``), as strings.

    A list gives its string items; a single string gives itself; anything else (missing, a
    number, an object) gives nothing.
    """
    node: Any = claims
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return set()
        node = node[part]
    if isinstance(node, str):
        return {node}
    if isinstance(node, list):
        return {item for item in node if isinstance(item, str)}
    return set()


@dataclass(frozen=True)
class Mapped:
    roles: frozenset[Role]
    applications: frozenset[str]
    # The claim values that granted something, for the audit record.
    matched: tuple[str, ...]


def map_claims(provider: ProviderConfig, claims: dict[str, Any]) -> Mapped:
    values = claim_values(claims, provider.roles_claim)
    roles: set[Role] = set()
    applications: set[str] = set()
    matched: set[str] = set()
    for value in values:
        if value in provider.role_map:
            roles.update(Role(name) for name in provider.role_map[value])
            matched.add(value)
        if value in provider.app_map:
            applications.update(provider.app_map[value])
            matched.add(value)
    if applications:
        # Owning an application is what an app owner is; the mapping says which ones.
        roles.add(Role.APP_OWNER)
    return Mapped(frozenset(roles), frozenset(applications), tuple(sorted(matched)))
