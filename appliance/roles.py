"""The roles of Airlock's people, as Django groups, and the checks every view makes.

- administrator: models, applications, keys, quotas, egress, users — never audit content;
- compliance officer: the audit log, content decryption with a stated reason, exports,
  retention, legal hold, erasure;
- auditor: the audit log and its verification, read-only;
- app owner: their own applications, keys and usage.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    COMPLIANCE_OFFICER = "compliance_officer"
    AUDITOR = "auditor"
    APP_OWNER = "app_owner"


def roles_of(user: AbstractBaseUser | AnonymousUser | None) -> set[Role]:
    if user is None or not user.is_authenticated or not getattr(user, "is_active", False):
        return set()
    cached = getattr(user, "_airlock_roles", None)
    if cached is None:
        names = set(Group.objects.filter(user=user).values_list("name", flat=True))  # type: ignore[misc]
        cached = {role for role in Role if role.value in names}
        user._airlock_roles = cached  # type: ignore[union-attr,attr-defined]
    return cached


def has_role(user: AbstractBaseUser | AnonymousUser | None, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def grant(user: AbstractBaseUser, role: Role) -> None:
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)  # type: ignore[attr-defined]
    if hasattr(user, "_airlock_roles"):
        del user._airlock_roles


class HasRole(BasePermission):
    """DRF permission: the user holds one of ``roles`` (set on the view as ``allowed_roles``)."""

    message = "Your role does not allow this."

    def has_permission(self, request: Request, view: Any) -> bool:
        allowed = getattr(view, "allowed_roles", ())
        if request.method in ("GET", "HEAD", "OPTIONS"):
            allowed = getattr(view, "read_roles", allowed)
        return has_role(request.user, *allowed)
