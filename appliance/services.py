"""People: accounts, roles, passwords and second factors — every change through here.

The console's user pages and ``airlock users`` call these functions. Each validates its
input, runs under ``transaction.atomic()`` and writes its audit record (old and new values)
in the same transaction. Two rules keep the appliance manageable: the last active
administrator can be neither demoted nor deactivated, and nobody deactivates themselves.

Passwords never appear in a record. A new account, or one whose password an administrator
resets, gets no usable password but a *set-password link* (Django's password-reset token:
it stops working once used, when the password changes, or after ``PASSWORD_RESET_TIMEOUT``),
so no administrator ever knows another person's password.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance.roles import Role, roles_of
from audit.events import Event
from audit.log import record

Actor = User | None


@dataclass(frozen=True)
class SetPasswordLink:
    """The two parts of a set-password link (``console:set_password``); shown once."""

    uidb64: str
    token: str


def _target(user: User) -> tuple[str, object]:
    return ("user", user.pk)


def _role_names(roles: Iterable[Role]) -> list[str]:
    return sorted(Role(r).value for r in roles)


def _forget_cached_roles(user: User) -> None:
    if hasattr(user, "_airlock_roles"):
        del user._airlock_roles


def _other_active_administrators(user: User) -> bool:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.ADMINISTRATOR.value)
        .exclude(pk=user.pk)
        .exists()
    )


def _set_groups(user: User, roles: set[Role]) -> None:
    groups = [Group.objects.get_or_create(name=role.value)[0] for role in roles]
    managed = Group.objects.filter(name__in=[r.value for r in Role])
    user.groups.remove(*managed.exclude(pk__in=[g.pk for g in groups]))  # type: ignore[attr-defined]
    user.groups.add(*groups)  # type: ignore[attr-defined]
    _forget_cached_roles(user)


def set_password_link(user: User) -> SetPasswordLink:
    return SetPasswordLink(
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=default_token_generator.make_token(user),  # type: ignore[arg-type]
    )


def do_create_user(
    username: str,
    *,
    actor: Actor = None,
    email: str = "",
    roles: Iterable[Role] = (),
    password: str | None = None,
) -> User:
    """A new account with ``roles``. Without ``password`` it has none until the person sets
    one with the link from ``set_password_link``."""
    user_model = get_user_model()
    username = username.strip()
    field = user_model._meta.get_field("username")
    errors: list[str] = []
    for validator in field.validators:
        try:
            validator(username)
        except ValidationError as exc:
            errors += exc.messages
    if not username:
        errors.append("A user name is required.")
    if errors:
        raise ValidationError(errors)
    wanted = {Role(r) for r in roles}
    with transaction.atomic():
        if user_model.objects.filter(username__iexact=username).exists():
            raise ValidationError(f"A user named {username!r} already exists.")
        user = user_model(username=username, email=email.strip())
        if password is None:
            user.set_unusable_password()
        else:
            validate_password(password, user)
            user.set_password(password)
        user.save()
        _set_groups(user, wanted)
        record(
            Event.USER_CREATED,
            actor=actor,
            target=_target(user),
            meta={
                "username": username,
                "email": user.email,
                "roles": _role_names(wanted),
                "password": "set" if password is not None else "set-password link",
            },
        )
    return user  # type: ignore[return-value]


def do_set_roles(user: User, roles: Iterable[Role], *, actor: Actor = None) -> set[Role]:
    """Replace the user's roles with ``roles``."""
    wanted = {Role(r) for r in roles}
    with transaction.atomic():
        old = stored_roles(user)
        if old == wanted:
            return wanted
        losing_admin = Role.ADMINISTRATOR in old and Role.ADMINISTRATOR not in wanted
        if losing_admin and user.is_active and not _other_active_administrators(user):
            raise ValidationError(
                f"{user.get_username()} is the last active administrator; make someone else one first."
            )
        _set_groups(user, wanted)
        record(
            Event.USER_ROLES_CHANGED,
            actor=actor,
            target=_target(user),
            meta={"username": user.get_username(), "old": _role_names(old), "new": _role_names(wanted)},
        )
    return wanted


def stored_roles(user: User) -> set[Role]:
    """The roles granted to the account, also while it is deactivated (when ``roles_of``
    reports none, since the account may do nothing)."""
    names = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
    return {role for role in Role if role.value in names}


def do_deactivate_user(user: User, *, actor: Actor = None) -> User:
    """The account can no longer sign in; its sessions end on their next request.

    Nothing is deleted: the audit log names the person, and their applications keep running.
    """
    with transaction.atomic():
        if not user.is_active:
            return user
        if actor is not None and actor.pk == user.pk:
            raise ValidationError("You cannot deactivate your own account.")
        _forget_cached_roles(user)
        if Role.ADMINISTRATOR in roles_of(user) and not _other_active_administrators(user):
            raise ValidationError(
                f"{user.get_username()} is the last active administrator; make someone else one first."
            )
        user.is_active = False
        user.save(update_fields=["is_active"])
        _forget_cached_roles(user)
        record(
            Event.USER_DEACTIVATED,
            actor=actor,
            target=_target(user),
            meta={"username": user.get_username(), "old": {"active": True}, "new": {"active": False}},
        )
    return user


def do_reactivate_user(user: User, *, actor: Actor = None) -> User:
    with transaction.atomic():
        if user.is_active:
            return user
        user.is_active = True
        user.save(update_fields=["is_active"])
        _forget_cached_roles(user)
        record(
            Event.USER_REACTIVATED,
            actor=actor,
            target=_target(user),
            meta={"username": user.get_username(), "old": {"active": False}, "new": {"active": True}},
        )
    return user


def do_reset_password(user: User, *, actor: Actor = None) -> SetPasswordLink:
    """Disable the current password at once and return a link to set a new one."""
    with transaction.atomic():
        had_password = user.has_usable_password()
        user.set_unusable_password()
        user.save(update_fields=["password"])
        record(
            Event.USER_PASSWORD_RESET,
            actor=actor,
            target=_target(user),
            meta={"username": user.get_username(), "old": {"usable_password": had_password}},
        )
    return set_password_link(user)


def do_set_password(user: User, password: str, *, actor: Actor = None) -> User:
    """Set a password after Django's validators accepted it (length, common, similarity)."""
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record(
            Event.USER_PASSWORD_SET,
            actor=actor,
            target=_target(user),
            meta={"username": user.get_username()},
        )
    return user


# --- The second factor (TOTP, django-otp) ---


def totp_device_for_enrolment(user: User) -> TOTPDevice:
    """The unconfirmed device whose secret the enrolment page shows.

    Kept between page loads so the QR code does not change under someone scanning it; it
    grants nothing until confirmed with a code (``do_confirm_two_factor``).
    """
    device = TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def do_confirm_two_factor(device: TOTPDevice, *, actor: Actor = None) -> TOTPDevice:
    """The person proved they hold the secret: the device now guards every sign-in."""
    with transaction.atomic():
        # One device per person: an older confirmed one (after a reset race) is replaced.
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record(
            Event.TWO_FACTOR_ENROLLED,
            actor=actor,
            target=("user", device.user_id),
            meta={"username": device.user.get_username(), "device": "totp"},
        )
    return device


def do_reset_two_factor(user: User, *, actor: Actor = None) -> int:
    """Forget the user's TOTP devices (a lost phone): they enrol again at their next sign-in.

    A session verified with the old device stops being verified on its next request.
    """
    with transaction.atomic():
        confirmed = TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).count()
        TOTPDevice.objects.filter(user_id=user.pk).delete()
        record(
            Event.USER_TWO_FACTOR_RESET,
            actor=actor,
            target=_target(user),
            meta={
                "username": user.get_username(),
                "old": {"enrolled": confirmed > 0},
                "new": {"enrolled": False},
            },
        )
    return confirmed
