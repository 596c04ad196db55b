"""The identity providers the console trusts, read from the environment at start-up.

Providers are settings, not database rows: which organisation may make someone an
administrator of the appliance is decided by whoever installs it (Ansible, systemd
credentials), and a change to it is a reviewed change to the installation, not a click.

    AIRLOCK_OIDC_PROVIDERS=corp                      # one or several, comma-separated
    AIRLOCK_OIDC_CORP_ISSUER=https://login.example.internal/realms/staff
    AIRLOCK_OIDC_CORP_CLIENT_ID=airlock
    AIRLOCK_OIDC_CORP_CLIENT_SECRET_FILE=/etc/airlock/oidc-corp-secret
    AIRLOCK_OIDC_CORP_ROLES_CLAIM=realm_access.roles
    AIRLOCK_OIDC_CORP_ROLE_MAP={"airlock-admins": ["administrator"], "auditors": ["auditor"]}
    AIRLOCK_OIDC_CORP_APP_MAP={"team-billing": ["billing-bot"]}

Every value can come from ``NAME_FILE`` (``appliance.env``). A value that cannot be used
stops the appliance with a message naming the setting. This module imports nothing of
Django's apps: the settings module calls it.
"""

from __future__ import annotations

import ipaddress
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from appliance.env import envint, envlist, envstr

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
_ROLE_NAMES = ("administrator", "compliance_officer", "auditor", "app_owner")
# The longest a console session may go without being checked against its provider (issue 18).
MAX_REFRESH_SECONDS = 900


@dataclass(frozen=True)
class ProviderConfig:
    """One OpenID Connect provider: where it is, who Airlock is to it, and what its claims mean."""

    slug: str
    name: str
    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    scopes: tuple[str, ...]
    roles_claim: str
    role_map: dict[str, tuple[str, ...]]
    app_map: dict[str, tuple[str, ...]]
    username_claim: str
    ca_file: str
    acr_values: tuple[str, ...]


def _prefix(slug: str) -> str:
    return "AIRLOCK_OIDC_" + slug.upper().replace("-", "_") + "_"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _issuer(name: str) -> str:
    value = envstr(name, required=True).rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ImproperlyConfigured(f"{name}={value!r} is not an https:// URL.")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        # The discovery document and the keys that sign ID tokens must not be readable, or
        # replaceable, by anyone on the path: plain http only to a provider on this machine.
        raise ImproperlyConfigured(f"{name}={value!r} must use https (http only on loopback).")
    if parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name}={value!r} must not have a query or fragment.")
    return value


def _mapping(name: str, *, values: tuple[str, ...] | None) -> dict[str, tuple[str, ...]]:
    raw = envstr(name)
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {exc}.") from None
    if not isinstance(data, dict):
        raise ImproperlyConfigured(f'{name} must be a JSON object: {{"claim value": ["..."]}}.')
    result: dict[str, tuple[str, ...]] = {}
    for key, targets in data.items():
        if isinstance(targets, str):
            targets = [targets]
        if not isinstance(targets, list) or not all(isinstance(t, str) and t for t in targets):
            raise ImproperlyConfigured(f"{name}: {key!r} must map to a list of names.")
        if values is not None:
            unknown = sorted(set(targets) - set(values))
            if unknown:
                raise ImproperlyConfigured(
                    f"{name}: {key!r} maps to unknown roles {', '.join(unknown)} "
                    f"(the roles are {', '.join(values)})."
                )
        result[str(key)] = tuple(targets)
    return result


def provider_from_env(slug: str) -> ProviderConfig:
    prefix = _prefix(slug)
    role_map = _mapping(prefix + "ROLE_MAP", values=_ROLE_NAMES)
    app_map = _mapping(prefix + "APP_MAP", values=None)
    if not role_map and not app_map:
        # Deny by default: a provider whose claims map to nothing would let nobody in, which
        # is a mistake to report at start-up rather than a page of refusals to debug later.
        raise ImproperlyConfigured(
            f"{prefix}ROLE_MAP (or {prefix}APP_MAP) must map some claim values to Airlock roles."
        )
    scopes = tuple(envstr(prefix + "SCOPES", "openid email profile").split())
    if "openid" not in scopes:
        raise ImproperlyConfigured(f"{prefix}SCOPES must include openid.")
    ca_file = envstr(prefix + "CA_FILE")
    if ca_file and not Path(ca_file).is_file():
        raise ImproperlyConfigured(f"{prefix}CA_FILE={ca_file!r} is not a readable file.")
    roles_claim = envstr(prefix + "ROLES_CLAIM", "groups")
    if not all(roles_claim.split(".")):
        raise ImproperlyConfigured(f"{prefix}ROLES_CLAIM={roles_claim!r} is not a claim path (a.b.c).")
    return ProviderConfig(
        slug=slug,
        name=envstr(prefix + "NAME", slug.capitalize()),
        issuer=_issuer(prefix + "ISSUER"),
        client_id=envstr(prefix + "CLIENT_ID", required=True),
        client_secret=envstr(prefix + "CLIENT_SECRET"),
        scopes=scopes,
        roles_claim=roles_claim,
        role_map=role_map,
        app_map=app_map,
        username_claim=envstr(prefix + "USERNAME_CLAIM", "preferred_username"),
        ca_file=ca_file,
        acr_values=tuple(envlist(prefix + "ACR_VALUES")),
    )


def providers_from_env() -> dict[str, ProviderConfig]:
    """``AIRLOCK_OIDC_PROVIDERS`` and each provider's settings, in the order listed."""
    providers: dict[str, ProviderConfig] = {}
    for slug in envlist("AIRLOCK_OIDC_PROVIDERS"):
        if not _SLUG.match(slug):
            raise ImproperlyConfigured(
                f"AIRLOCK_OIDC_PROVIDERS: {slug!r} is not a short name (lower-case letters, digits, -)."
            )
        if slug in providers:
            raise ImproperlyConfigured(f"AIRLOCK_OIDC_PROVIDERS lists {slug!r} twice.")
        providers[slug] = provider_from_env(slug)
    return providers


def refresh_seconds_from_env() -> int:
    seconds = envint("AIRLOCK_OIDC_REFRESH_SECONDS", MAX_REFRESH_SECONDS, minimum=30)
    if seconds > MAX_REFRESH_SECONDS:
        raise ImproperlyConfigured(
            f"AIRLOCK_OIDC_REFRESH_SECONDS={seconds} must be at most {MAX_REFRESH_SECONDS}: a person "
            "disabled at the identity provider must lose console access within 15 minutes."
        )
    return seconds
