"""Every change single sign-on makes: accounts, roles, owned applications, sessions.

Each function runs under ``transaction.atomic()`` and writes its audit record in the same
transaction. The actor of changes that come from a provider's claims is the provider
(``sso:<slug>``): no person at the appliance made them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from appliance.roles import Role
from appliance.services import _set_groups, stored_roles
from audit.events import Event
from audit.log import record
from identity.claims import Mapped
from identity.config import ProviderConfig
from identity.models import ExternalIdentity, ProviderSession
from identity.sealing import open_sealed, seal

_TOKEN_PURPOSE = "provider token"  # noqa: S105 - a key-derivation label, not a secret
_NOT_IN_USERNAME = re.compile(r"[^\w.@+-]")


class SignInRefused(Exception):
    """The provider vouched for the person, but Airlock does not let them in; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def actor_name(provider: ProviderConfig) -> str:
    return f"sso:{provider.slug}"


def _role_names(roles: set[Role] | frozenset[Role]) -> list[str]:
    return sorted(role.value for role in roles)


def _new_username(provider: ProviderConfig, claims: dict[str, Any]) -> str:
    wanted = str(claims.get(provider.username_claim) or claims.get("email") or "")
    base = _NOT_IN_USERNAME.sub("-", wanted)[:120].strip("-") or f"user-{str(claims['sub'])[:40]}"
    users = get_user_model().objects
    for candidate in (base, f"{base}.{provider.slug}"):
        if not users.filter(username__iexact=candidate).exists():
            return candidate
    number = 2
    while users.filter(username__iexact=f"{base}.{provider.slug}{number}").exists():
        number += 1
    return f"{base}.{provider.slug}{number}"


def _apply_roles(user: User, identity: ExternalIdentity, provider: ProviderConfig, mapped: Mapped) -> None:
    old = stored_roles(user)
    new = set(mapped.roles)
    if old != new:
        # The provider's claims are the truth for a person who signs in through it: no
        # last-administrator rule here (local break-glass accounts are the way back in).
        _set_groups(user, new)
        record(
            Event.SSO_ROLES_CHANGED,
            actor_name=actor_name(provider),
            target=("user", user.pk),
            meta={
                "username": user.get_username(),
                "provider": provider.slug,
                "claim": provider.roles_claim,
                "matched": list(mapped.matched),
                "old": _role_names(old),
                "new": _role_names(new),
            },
        )
    _apply_applications(user, identity, provider, mapped)


def _apply_applications(
    user: User, identity: ExternalIdentity, provider: ProviderConfig, mapped: Mapped
) -> None:
    from inference.models import Application
    from inference.services import do_set_application_owner

    managed = set(identity.managed_applications)
    wanted = set(mapped.applications)
    for app in Application.objects.select_related("owner").filter(name__in=sorted(wanted)):
        owner = app.owner
        # An application has one owner: the mapping gives it to this person only when nobody
        # (active) owns it, so two members of one group do not take it from each other.
        if owner is None or not owner.is_active:
            do_set_application_owner(app, user, actor_name=actor_name(provider))
            managed.add(app.name)
    for name in sorted(managed - wanted):
        # Given up only if the claims gave it: an administrator's assignment stays.
        released = Application.objects.filter(name=name, owner_id=user.pk).first()
        if released is not None:
            do_set_application_owner(released, None, actor_name=actor_name(provider))
        managed.discard(name)
    if sorted(managed) != sorted(identity.managed_applications):
        identity.managed_applications = sorted(managed)
        identity.save(update_fields=["managed_applications"])


@dataclass(frozen=True)
class SignIn:
    user: User
    identity: ExternalIdentity
    session: ProviderSession


def do_sign_in(
    provider: ProviderConfig,
    claims: dict[str, Any],
    mapped: Mapped,
    *,
    refresh_token: str,
    access_token: str,
) -> SignIn:
    """Find or create the account of ``claims['sub']`` at ``provider``, apply the mapped roles
    and applications, and open a provider session. Refused (nothing changed) when the mapping
    grants no role or the account was deactivated by an administrator."""
    subject = str(claims["sub"])
    if not mapped.roles:
        raise SignInRefused("no Airlock role is mapped from this person's claims")
    with transaction.atomic():
        identity = (
            ExternalIdentity.objects.select_for_update()
            .select_related("user")
            .filter(provider=provider.slug, subject=subject)
            .first()
        )
        if identity is None:
            user_model = get_user_model()
            user = user_model(username=_new_username(provider, claims), email=str(claims.get("email") or ""))
            user.set_unusable_password()  # only the provider signs this person in
            user.save()
            identity = ExternalIdentity.objects.create(user=user, provider=provider.slug, subject=subject)
            record(
                Event.USER_CREATED,
                actor_name=actor_name(provider),
                target=("user", user.pk),
                meta={
                    "username": user.get_username(),
                    "email": user.email,
                    "roles": [],
                    "password": "none (single sign-on)",
                    "provider": provider.slug,
                },
            )
        user = identity.user
        if not user.is_active:
            if not identity.deactivated_by_provider:
                raise SignInRefused("this account was deactivated by an administrator")
            user.is_active = True
            user.save(update_fields=["is_active"])
            identity.deactivated_by_provider = False
            record(
                Event.USER_REACTIVATED,
                actor_name=actor_name(provider),
                target=("user", user.pk),
                meta={
                    "username": user.get_username(),
                    "old": {"active": False},
                    "new": {"active": True},
                    "reason": "signed in through the identity provider again",
                },
            )
        _apply_roles(user, identity, provider, mapped)
        _forget_dead_sessions()
        identity.last_sign_in_at = timezone.now()
        identity.save(update_fields=["last_sign_in_at", "deactivated_by_provider"])
        session = ProviderSession.objects.create(
            identity=identity,
            refresh_token=seal(refresh_token.encode(), _TOKEN_PURPOSE) if refresh_token else None,
            access_token=seal(access_token.encode(), _TOKEN_PURPOSE),
        )
    return SignIn(user, identity, session)  # type: ignore[arg-type]


def _forget_dead_sessions() -> None:
    # A provider session whose console session ended without a sign-out (idle timeout, browser
    # closed) is never checked again; once no request can have used it for longer than a
    # console session lives, it goes.
    idle = settings.SESSION_COOKIE_AGE + settings.AIRLOCK_OIDC_REFRESH_SECONDS
    ProviderSession.objects.filter(checked_at__lt=timezone.now() - timedelta(seconds=idle)).delete()


def session_tokens(session: ProviderSession) -> tuple[str, str]:
    """The session's refresh token and access token ('' when it has none)."""

    def read(blob: bytes | memoryview | None) -> str:
        return open_sealed(bytes(blob), _TOKEN_PURPOSE).decode() if blob else ""

    return read(session.refresh_token), read(session.access_token)


def claim_session(session_id: int, refresh_seconds: int, *, hold_seconds: int = 60) -> ProviderSession | None:
    """The session, if it is due for a check and no other request is checking it (the caller
    then checks it); ``None`` otherwise. A conditional update is the lock, so two workers
    never spend one refresh token twice."""
    now = timezone.now()
    due = now - timedelta(seconds=refresh_seconds)
    claimed = (
        ProviderSession.objects.filter(pk=session_id, checked_at__lte=due)
        .exclude(busy_until__gt=now)
        .update(busy_until=now + timedelta(seconds=hold_seconds))
    )
    if not claimed:
        return None
    return ProviderSession.objects.select_related("identity__user").get(pk=session_id)


def do_refresh_succeeded(
    session: ProviderSession,
    provider: ProviderConfig,
    mapped: Mapped,
    *,
    refresh_token: str,
    access_token: str,
) -> bool:
    """Apply what the provider says now. ``False`` when the person keeps no role (the caller
    ends the session)."""
    with transaction.atomic():
        identity = (
            ExternalIdentity.objects.select_for_update().select_related("user").get(pk=session.identity_id)
        )
        _apply_roles(identity.user, identity, provider, mapped)  # type: ignore[arg-type]
        session.refresh_token = seal(refresh_token.encode(), _TOKEN_PURPOSE) if refresh_token else None
        session.access_token = seal(access_token.encode(), _TOKEN_PURPOSE)
        session.checked_at = timezone.now()
        session.busy_until = None
        session.save(update_fields=["refresh_token", "access_token", "checked_at", "busy_until"])
    return bool(mapped.roles)


def do_end_session(
    session: ProviderSession, provider: ProviderConfig, reason: str, *, deactivate: bool
) -> None:
    """End a provider session after a failed re-check; with ``deactivate`` (the provider no
    longer accepts the person) the account is deactivated too, so its API tokens stop working."""
    with transaction.atomic():
        identity = (
            ExternalIdentity.objects.select_for_update().select_related("user").get(pk=session.identity_id)
        )
        user = identity.user
        record(
            Event.SSO_SESSION_ENDED,
            actor_name=actor_name(provider),
            target=("user", user.pk),
            meta={"username": user.get_username(), "provider": provider.slug, "reason": reason},
        )
        ProviderSession.objects.filter(pk=session.pk).delete()
        if deactivate and user.is_active:
            user.is_active = False
            user.save(update_fields=["is_active"])
            identity.deactivated_by_provider = True
            identity.save(update_fields=["deactivated_by_provider"])
            # Every other console session of the account ends at its next request (Django's
            # ModelBackend refuses inactive users); its provider sessions go now.
            ProviderSession.objects.filter(identity__user=user).delete()
            record(
                Event.USER_DEACTIVATED,
                actor_name=actor_name(provider),
                target=("user", user.pk),
                meta={
                    "username": user.get_username(),
                    "old": {"active": True},
                    "new": {"active": False},
                    "reason": f"the identity provider no longer accepts this person ({reason})",
                },
            )


def forget_session(session_id: int) -> None:
    """Sign-out: the provider session is dropped (the sign-out itself is audited by Django's signal)."""
    ProviderSession.objects.filter(pk=session_id).delete()
