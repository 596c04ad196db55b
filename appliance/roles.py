"""The roles of Airlock's people, as Django groups, and the checks every view makes.

- administrator: models, applications, keys, quotas, egress, users — never audit content;
- compliance officer: the audit log, content decryption with a stated reason, exports,
  retention, legal hold, erasure;
- auditor: the audit log and its verification, read-only;
- app owner: their own applications, keys and usage;
- reviewer: the human review queue — answers shown as the audit content rules allow,
  labels, corrections, review-gate decisions (every view audited).
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
    REVIEWER = "reviewer"


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


# Roles that may never work without a second factor (issue 6: "required for administrators
# and compliance officers"). Other people may enrol voluntarily; once they have, it is required.
# Reviewers too: they read decrypted prompts and answers, as compliance officers do.
TWO_FACTOR_ROLES = frozenset({Role.ADMINISTRATOR, Role.COMPLIANCE_OFFICER, Role.REVIEWER})


def has_two_factor_device(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """The user has a confirmed TOTP device."""
    if user is None or not user.is_authenticated:
        return False
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


def two_factor_required(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether this user must pass the TOTP step before any console page or API call."""
    return bool(roles_of(user) & TWO_FACTOR_ROLES) or has_two_factor_device(user)


def is_verified(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """The user passed the TOTP step in this session (set by django-otp's OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


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
        # ``read_roles``, when a view sets them, replace ``allowed_roles`` for reading.
        read_roles = getattr(view, "read_roles", ())
        if request.method in ("GET", "HEAD", "OPTIONS") and read_roles:
            allowed = read_roles
        if not has_role(request.user, *allowed):
            return False
        # The API shares the console's session: a password alone must not open it for the
        # people the console asks for a TOTP code (DRF reads the message per instance).
        if two_factor_required(request.user) and not is_verified(request.user):
            self.message = "Two-factor sign-in is required: sign in to the console with your TOTP code first."
            return False
        return True
