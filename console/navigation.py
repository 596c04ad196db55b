"""The console's navigation, filtered by the roles each page admits.

A link is shown only when its URL name exists and the view behind it (``require_role`` or
``RoleRequiredMixin``) admits one of the person's roles — so the menu can never offer a page
that would answer 403, and a page that is not built yet simply does not appear.

Pages of other modules add themselves with a ``NAVIGATION`` list in ``console/audit_urls.py``
or ``console/ops_urls.py``: ``[("Audit log", "console:audit", "Compliance"), ...]``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from appliance.roles import Role, roles_of
from console.access import view_roles

GROUPS = ("Operate", "Compliance", "Administration")

# (label, URL name, group). Pages of other modules may be named here before they exist.
NAVIGATION: list[tuple[str, str, str]] = [
    ("Dashboard", "console:dashboard", "Operate"),
    ("Models", "console:models", "Operate"),
    ("Backends", "console:backends", "Operate"),
    ("Routes", "console:routes", "Operate"),
    ("Applications", "console:apps", "Operate"),
    ("Quotas", "console:quotas", "Operate"),
    ("Egress", "console:egress", "Operate"),
    ("Cache", "console:cache", "Operate"),
    ("Review queue", "console:review_queue", "Operate"),
    ("Audit log", "console:audit", "Compliance"),
    ("Retention", "console:retention", "Compliance"),
    ("Users", "console:users", "Administration"),
]

ROLE_LABELS = {
    Role.ADMINISTRATOR: "administrator",
    Role.COMPLIANCE_OFFICER: "compliance officer",
    Role.AUDITOR: "auditor",
    Role.APP_OWNER: "app owner",
    Role.REVIEWER: "reviewer",
}


@dataclass
class NavItem:
    label: str
    url: str
    active: bool = False


@dataclass
class NavGroup:
    label: str
    items: list[NavItem] = field(default_factory=list)


@dataclass
class Navigation:
    signed_in: bool
    username: str = ""
    roles: list[str] = field(default_factory=list)
    groups: list[NavGroup] = field(default_factory=list)
    account_active: bool = False


def entries() -> list[tuple[str, str, str]]:
    found = list(NAVIGATION)
    for module_name in ("console.audit_urls", "console.ops_urls"):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        found += getattr(module, "NAVIGATION", [])
    unique: dict[str, tuple[str, str, str]] = {}
    for entry in found:
        unique.setdefault(entry[1], entry)
    return list(unique.values())


@cache
def _target(url_name: str) -> tuple[str, frozenset[Role] | None] | None:
    """The path of a named page and the roles its view admits; ``None`` if there is no such page."""
    try:
        url = reverse(url_name)
        match = resolve(url)
    except (NoReverseMatch, Resolver404):
        return None
    return url, view_roles(match.func)


def page_roles(url_name: str) -> frozenset[Role] | None:
    """The roles the named page admits (``None``: no such page, or it does not say)."""
    target = _target(url_name)
    return target[1] if target else None


def navigation(request: HttpRequest) -> Navigation:
    user: Any = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return Navigation(signed_in=False)
    mine = roles_of(user)
    path = request.path
    home = reverse("console:home")
    groups = {label: NavGroup(label) for label in GROUPS}
    best: tuple[int, NavItem] | None = None
    for label, url_name, group in entries():
        target = _target(url_name)
        if target is None:
            continue
        url, admitted = target
        if admitted is None or not admitted & mine:
            continue
        item = NavItem(label, url)
        groups.setdefault(group, NavGroup(group)).items.append(item)
        # The longest matching prefix is the current section (/console/apps/x/ → Applications).
        # The console's home matches only itself, or it would be the section of every page.
        matches = path == url if url == home else path.startswith(url)
        if matches and (best is None or len(url) > best[0]):
            best = (len(url), item)
    if best is not None:
        best[1].active = True
    return Navigation(
        signed_in=True,
        username=user.get_username(),
        roles=[ROLE_LABELS[r] for r in sorted(mine)],
        groups=[g for g in groups.values() if g.items],
        account_active=path.startswith(reverse("console:account")),
    )
