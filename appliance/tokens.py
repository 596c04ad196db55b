"""Personal API tokens: made, revoked and checked only here.

A token looks like ``alt_<prefix>_<secret>``: ``alt_`` tells it apart from the ``air-`` keys
applications send to ``/v1`` (a token is a person's credential for the management API, never
an application's), the 8-character prefix finds the row, and the 43-character secret carries
256 bits. Only the SHA-256 digest of the whole token is stored (``inference.keys`` explains why
a fast hash is right for a random secret).

Rules, each enforced on every use and not only at creation:

- a token carries a subset of its owner's roles; it grants the ones the owner still holds
  (a role taken from the person is taken from their tokens at once);
- a token of a deactivated account (``is_active=False``: deactivated in the console, the CLI
  or by the identity provider) stops working on its next request;
- expired and revoked tokens are refused; each refusal of a *known* token is audited
  (``token.refused``), so a leaked token being tried shows in the log. Unknown tokens are not
  recorded: anyone can send random text, and the log must not be flooded by it.

The console, the management API and ``airlock tokens`` call ``do_create_token`` and
``do_revoke_token``; both write their audit record in the same transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from appliance.models import ApiToken
from appliance.roles import Role
from appliance.token_auth import TOKEN_SCHEME
from audit.events import Event
from audit.log import record

PREFIX_LENGTH = 8
DEFAULT_LIFETIME_DAYS = 90
MAX_LIFETIME_DAYS = 365
# last_used_at is written at most this often per token: a script calling in a loop must not
# turn every read into a write.
_LAST_USED_RESOLUTION = timedelta(minutes=1)
_PREFIX_ALPHABET = string.ascii_lowercase + string.digits


class TokenRefused(Exception):
    """The token does not authenticate anyone; ``str()`` is safe to show the caller."""


@dataclass(frozen=True)
class CreatedToken:
    """The stored token and, once only, its plaintext."""

    token: ApiToken
    plaintext: str


def digest_of(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def parse_prefix(plaintext: str) -> str | None:
    """The prefix of something shaped like one of our tokens, else None."""
    parts = plaintext.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_SCHEME or len(parts[1]) != PREFIX_LENGTH or len(parts[2]) < 20:
        return None
    if any(c not in _PREFIX_ALPHABET for c in parts[1]):
        return None
    return parts[1]


def _stored_roles(user: User) -> set[Role]:
    names = set(user.groups.values_list("name", flat=True))
    return {role for role in Role if role.value in names}


def effective_roles(token: ApiToken) -> set[Role]:
    """What the token grants now: its roles that its owner still holds."""
    if not token.user.is_active:
        return set()
    carried = {Role(r) for r in token.roles if r in Role._value2member_map_}
    return carried & _stored_roles(token.user)


def is_usable(token: ApiToken) -> bool:
    return token.revoked_at is None and token.expires_at > timezone.now() and token.user.is_active


def do_create_token(
    user: User,
    *,
    name: str,
    roles: list[Role] | list[str] | None = None,
    expires_in_days: int = DEFAULT_LIFETIME_DAYS,
    actor: User | None = None,
    request_id: str = "",
) -> CreatedToken:
    """A new token for ``user`` carrying ``roles`` (default: all of the user's roles).

    Only the owner makes their tokens (``actor`` is the owner, or ``None`` from the command
    line, run by the operating-system account that can reach the database anyway).
    """
    name = name.strip()
    if not name or len(name) > 100 or "\x00" in name:
        raise ValidationError({"name": ["Give the token a name of 1 to 100 characters."]})
    if isinstance(expires_in_days, bool) or not 1 <= expires_in_days <= MAX_LIFETIME_DAYS:
        raise ValidationError({"expires_in_days": [f"A token lives from 1 to {MAX_LIFETIME_DAYS} days."]})
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied("People make their own tokens; a token is a personal credential.")
    if not user.is_active:
        raise ValidationError("A deactivated account cannot have tokens.")
    held = _stored_roles(user)
    try:
        wanted = held if roles is None else {Role(r) for r in roles}
    except ValueError:
        raise ValidationError({"roles": ["Unknown role."]}) from None
    beyond = wanted - held
    if beyond:
        raise ValidationError(
            {"roles": [f"A token cannot carry roles its owner lacks: {', '.join(sorted(beyond))}."]}
        )
    if not wanted:
        raise ValidationError({"roles": ["A token must carry at least one role."]})
    prefix = "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(PREFIX_LENGTH))
    plaintext = f"{TOKEN_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=prefix,
            digest=digest_of(plaintext),
            roles=sorted(r.value for r in wanted),
            expires_at=timezone.now() + timedelta(days=expires_in_days),
        )
        record(
            Event.TOKEN_CREATED,
            actor=actor,
            target=("api_token", prefix),
            request_id=request_id,
            meta={
                "owner": user.get_username(),
                "name": name,
                "roles": token.roles,
                "expires_at": token.expires_at.isoformat(),
            },
        )
    return CreatedToken(token=token, plaintext=plaintext)


def may_revoke(actor: User, token: ApiToken) -> bool:
    """Owners revoke their own tokens; administrators revoke anyone's (a leak, a departure)."""
    from appliance.roles import has_role

    return token.user_id == actor.pk or has_role(actor, Role.ADMINISTRATOR)


def do_revoke_token(token: ApiToken, *, actor: User | None = None, request_id: str = "") -> ApiToken:
    """Revoke ``token`` at once (idempotent: revoking twice records once)."""
    if actor is not None and not may_revoke(actor, token):
        raise PermissionDenied("Only the token's owner or an administrator can revoke it.")
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
        if token.revoked_at is not None:
            return token
        token.revoked_at = timezone.now()
        token.revoked_by = actor if actor is not None and actor.pk else None
        token.save(update_fields=["revoked_at", "revoked_by"])
        record(
            Event.TOKEN_REVOKED,
            actor=actor,
            target=("api_token", token.prefix),
            request_id=request_id,
            meta={
                "owner": token.user.get_username(),
                "name": token.name,
                "old": {"state": "active"},
                "new": {"state": "revoked"},
            },
        )
    return token


def _refuse(token: ApiToken, reason: str, request_id: str, meta: dict[str, Any] | None = None) -> None:
    record(
        Event.TOKEN_REFUSED,
        actor=None,
        actor_name=f"token alt_{token.prefix}",
        target=("api_token", token.prefix),
        request_id=request_id,
        meta={"owner": token.user.get_username(), "reason": reason, **(meta or {})},
    )


def authenticate(plaintext: str, *, request_id: str = "", path: str = "") -> tuple[User, ApiToken]:
    """The owner and the token for ``plaintext``, or ``TokenRefused``."""
    prefix = parse_prefix(plaintext)
    token = (
        ApiToken.objects.select_related("user").filter(prefix=prefix).first() if prefix is not None else None
    )
    if token is None:
        raise TokenRefused("Invalid token.")
    meta = {"path": path[:200]}
    now = timezone.now()
    if not hmac.compare_digest(digest_of(plaintext), token.digest):
        reason, message = "wrong secret", "Invalid token."
    elif token.revoked_at is not None:
        reason, message = "revoked", "This token has been revoked."
    elif token.expires_at <= now:
        reason, message = "expired", "This token has expired."
    elif not token.user.is_active:
        reason, message = "owner deactivated", "This token's owner is deactivated."
    else:
        if token.last_used_at is None or now - token.last_used_at >= _LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token
    with transaction.atomic():
        _refuse(token, reason, request_id, meta)
    raise TokenRefused(message)
