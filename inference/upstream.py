"""Step 4a: the backend client — one shared httpx connection pool per worker.

The pool is split into a few shards used in turn. httpcore checks every idle connection of
a pool for expiry on each request (a ``poll`` system call apiece), so one pool of N
connections costs O(N) per request; shards keep N small. Measured on two cores with 16
concurrent requests: 725 requests/s with one pool, see bench/gateway_overhead.py for shards.
"""

from __future__ import annotations

import asyncio
import itertools

import httpx2 as httpx
from django.conf import settings

SHARDS = 8

_pools: dict[int, tuple[list[httpx.AsyncClient], itertools.cycle[int]]] = {}


def upstream_timeout() -> httpx.Timeout:
    """Timeouts for one upstream request, read from settings each time (they can be changed live)."""
    key = (settings.AIRLOCK_UPSTREAM_CONNECT_TIMEOUT, settings.AIRLOCK_UPSTREAM_READ_TIMEOUT)
    cached = _timeouts.get(key)
    if cached is None:
        cached = httpx.Timeout(connect=key[0], read=key[1], write=30.0, pool=key[0])
        _timeouts[key] = cached
    return cached


_timeouts: dict[tuple[float, float], httpx.Timeout] = {}


def _new_client(max_connections: int, *, keepalive: bool = True) -> httpx.AsyncClient:
    # An idle connection is dropped before the backend would drop it: vLLM's uvicorn closes
    # keep-alive connections after 5 idle seconds, so the default here is 4.
    return httpx.AsyncClient(
        timeout=upstream_timeout(),
        limits=httpx.Limits(
            max_connections=max_connections,
            max_keepalive_connections=max_connections if keepalive else 0,
            keepalive_expiry=settings.AIRLOCK_UPSTREAM_KEEPALIVE_SECONDS,
        ),
        # The local path talks only to configured backends; never honour HTTP(S)_PROXY
        # from the environment, which would send prompts somewhere else.
        trust_env=False,
        follow_redirects=False,
    )


def client() -> httpx.AsyncClient:
    """A client of the worker's pool (one pool per event loop: one loop per worker process)."""
    loop = asyncio.get_running_loop()
    entry = _pools.get(id(loop))
    if entry is None:
        per_shard = max(1, settings.AIRLOCK_UPSTREAM_MAX_CONNECTIONS // SHARDS)
        entry = ([_new_client(per_shard) for _ in range(SHARDS)], itertools.cycle(range(SHARDS)))
        _pools[id(loop)] = entry
    clients, turn = entry
    return clients[next(turn)]


_fresh: dict[int, httpx.AsyncClient] = {}


def fresh_client() -> httpx.AsyncClient:
    """A client that opens a new connection for every request and keeps none.

    For sending a request again after a pooled connection closed under it: the other idle
    connections of the pool may have been closed by the backend at the same moment.
    """
    loop = asyncio.get_running_loop()
    found = _fresh.get(id(loop))
    if found is None:
        found = _fresh[id(loop)] = _new_client(settings.AIRLOCK_UPSTREAM_MAX_CONNECTIONS, keepalive=False)
    return found


async def close_all() -> None:
    """Close the pools at worker shutdown so no connection is left half-open."""
    for clients, _ in list(_pools.values()):
        for pool in clients:
            await pool.aclose()
    _pools.clear()
    for fresh in list(_fresh.values()):
        await fresh.aclose()
    _fresh.clear()
