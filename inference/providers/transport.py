"""The egress connection pool: the only code in Airlock that opens connections to providers.

Private to this package: only ``inference.providers.client`` imports it, and the client takes
nothing but a ``redaction.gate.SafeBody`` (tests/egress/test_single_gate.py checks both). It
is a pool of its own, apart from the local backends' (``inference.upstream``), so that slow
providers cannot take the local path's connections, and it never follows redirects nor
honours ``HTTP(S)_PROXY`` from the environment: a prompt goes to the configured URL or nowhere.
Every connection it opens goes through ``guard.GuardedBackend``, which refuses internal
addresses at connect time, not only when the provider was saved.
"""

from __future__ import annotations

import asyncio
import logging

import httpcore2
import httpx2 as httpx
from django.conf import settings

from inference.errors import ApiError
from inference.providers import guard, keyfile
from inference.routing import ExternalTarget

log = logging.getLogger("airlock.egress")

_pools: dict[int, httpx.AsyncClient] = {}


def _client() -> httpx.AsyncClient:
    loop = asyncio.get_running_loop()
    pool = _pools.get(id(loop))
    if pool is None:
        size = settings.AIRLOCK_EGRESS_MAX_CONNECTIONS
        pool = httpx.AsyncClient(transport=_guarded_transport(size), trust_env=False, follow_redirects=False)
        _pools[id(loop)] = pool
    return pool


def _guarded_transport(size: int) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    # httpx builds its connection pool with the default network backend and offers no way to
    # pass another: build the same pool with the guarded one.
    transport._pool = httpcore2.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=size,
        max_keepalive_connections=size,
        keepalive_expiry=30.0,
        network_backend=guard.GuardedBackend(),
    )
    return transport


def timeout_for(target: ExternalTarget) -> httpx.Timeout:
    """The provider's timeout applies to connecting, to each write, and between received bytes."""
    seconds = target.timeout_seconds
    return httpx.Timeout(connect=seconds, read=seconds, write=seconds, pool=seconds)


def api_key(target: ExternalTarget) -> str:
    """The provider's key, read from its file now (so replacing the file rotates the key)."""
    if not target.api_key_file:
        return ""
    try:
        return keyfile.read(target.api_key_file)
    except (keyfile.KeyFileRefused, OSError, UnicodeDecodeError) as exc:
        # The path and reason go to the operator's log, not to the calling application.
        log.error("cannot read the API key file of provider %s: %s", target.provider_name, exc)
        raise ApiError(
            503,
            f"The credentials of provider '{target.provider_name}' cannot be read; "
            "an administrator must check its API key file.",
            type="server_error",
            code="provider_credentials_unavailable",
            headers={"Retry-After": "30"},
            detail=str(exc),
        ) from None


async def open_response(
    url: str, payload: bytes, headers: dict[str, str], target: ExternalTarget
) -> httpx.Response:
    """POST ``payload`` and return the response with its body not yet read."""
    try:
        await guard.check_plain_http(url)
    except httpcore2.ConnectError as exc:
        raise httpx.ConnectError(str(exc)) from None
    pool = _client()
    request = pool.build_request("POST", url, content=payload, headers=headers, timeout=timeout_for(target))
    return await pool.send(request, stream=True)


async def close_all() -> None:
    for pool in list(_pools.values()):
        await pool.aclose()
    _pools.clear()
