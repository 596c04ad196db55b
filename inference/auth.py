"""Step 1 of the request path: who is calling, with which key."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from inference import database, hotcache, keys
from inference.errors import ApiError, unauthorized
from inference.hotcache import HotCache
from inference.models import ApiKey


@dataclass(frozen=True)
class Caller:
    """What the rest of the request path may know about the authenticated key."""

    key_id: int
    key_prefix: str
    digest: str
    application_id: int
    application_name: str
    application_active: bool
    allow_all_models: bool
    allowed_models: frozenset[str]
    expires_at: datetime | None
    revoked_at: datetime | None
    audit_content: str

    def may_use(self, model: str) -> bool:
        return self.allow_all_models or model in self.allowed_models


_UNKNOWN = "unknown"  # cached for prefixes that match no key, so floods of bad keys stay off the database
_cache: HotCache[Caller | str] = HotCache()
_NEGATIVE_TTL = 5.0
# last_used_at is written at most once a minute per key, off the request path.
_LAST_USED_EVERY = 60.0
_last_used_written: dict[int, float] = {}
_background: set[asyncio.Task[None]] = set()


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _load(prefix: str) -> Caller | None:
    row = ApiKey.objects.select_related("application").filter(prefix=prefix).first()
    if row is None:
        return None
    app = row.application
    allowed = frozenset(app.allowed_models.values_list("name", flat=True))
    return Caller(
        key_id=row.pk,
        key_prefix=row.prefix,
        digest=row.digest,
        application_id=app.pk,
        application_name=app.name,
        application_active=app.is_active,
        allow_all_models=app.allow_all_models,
        allowed_models=allowed,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
        audit_content=app.audit_content,
    )


async def authenticate(authorization: str | None) -> Caller:
    token = bearer_token(authorization)
    if token is None:
        raise unauthorized(
            "You didn't provide an API key. Send it as 'Authorization: Bearer air-…'.", code="missing_api_key"
        )
    prefix = keys.parse_prefix(token)
    if prefix is None:
        raise unauthorized("Incorrect API key provided: it is not an Airlock key.")
    await hotcache.refresh()
    cached = _cache.get(prefix)
    if cached is None:
        # A connection the database closed (a restart) is replaced once; else 503.
        loaded = await database.read(_load, prefix)
        cached = loaded if loaded is not None else _UNKNOWN
        _cache.put(prefix, cached, None if loaded is not None else _NEGATIVE_TTL)
    caller = cached if isinstance(cached, Caller) else None
    if caller is None or not keys.matches(token, caller.digest):
        raise unauthorized(f"Incorrect API key provided: air-{prefix}-****.")
    if caller.revoked_at is not None:
        raise unauthorized(
            f"This API key was revoked at {caller.revoked_at.isoformat()}.", code="revoked_api_key"
        )
    now = timezone.now()
    if caller.expires_at is not None and caller.expires_at <= now:
        raise unauthorized(
            f"This API key expired at {caller.expires_at.isoformat()}.", code="expired_api_key"
        )
    if not caller.application_active:
        raise ApiError(
            403,
            f"Application '{caller.application_name}' is suspended; an administrator must re-enable it.",
            type="permission_error",
            code="application_suspended",
        )
    _touch(caller.key_id)
    return caller


def _touch(key_id: int) -> None:
    now = time.monotonic()
    if now - _last_used_written.get(key_id, -_LAST_USED_EVERY) < _LAST_USED_EVERY:
        return
    _last_used_written[key_id] = now

    def update() -> None:
        ApiKey.objects.filter(pk=key_id).update(last_used_at=timezone.now())

    async def write() -> None:
        try:
            await database.read(update)
        except ApiError:
            _last_used_written.pop(key_id, None)  # the database is away: try again next time

    task = asyncio.get_running_loop().create_task(write())
    _background.add(task)
    task.add_done_callback(_background.discard)
