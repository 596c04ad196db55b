"""A cross-process "something changed" counter for the gateway's in-memory caches.

The hot path keeps authenticated keys and the routing table in memory. Any change of them
(a key revoked, a deployment added) bumps the epoch after its transaction commits; every
request compares the epoch it cached against the current one and drops its caches when they
differ. So a revocation made from the CLI, the console or another worker is honoured by the
very next request, without a database query per request.

With ``REDIS_URL`` the epoch is a Redis counter (one GET per request). Without it — the
embedded profile, one machine — it is a file in the data directory whose identity changes on
every bump (one ``stat`` per request).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings

EPOCH_KEY = "airlock:gateway:epoch"

_redis_async: dict[int, Any] = {}


def _epoch_file() -> Path:
    return Path(settings.DATA_DIR) / "gateway.epoch"


def bump() -> None:
    """Invalidate every worker's gateway caches (call it from ``transaction.on_commit``)."""
    if settings.REDIS_URL:
        import redis

        client = redis.Redis.from_url(settings.REDIS_URL)
        try:
            client.incr(EPOCH_KEY)
        finally:
            client.close()
        return
    path = _epoch_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new file replacing the old one changes (inode, mtime_ns): readers only stat.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".epoch-")
    with os.fdopen(fd, "w") as handle:
        handle.write(str(os.getpid()))
    os.replace(tmp, path)


def _redis_for_loop() -> Any:
    import asyncio

    import redis.asyncio as aioredis

    loop = asyncio.get_running_loop()
    client = _redis_async.get(id(loop))
    if client is None:
        # A blocking pool: redis-py's default async pool raises MaxConnectionsError once more
        # than its limit of commands are in flight, which 200 concurrent requests reach; waiting
        # for a free connection is what a request should do instead.
        pool = aioredis.BlockingConnectionPool.from_url(settings.REDIS_URL, max_connections=64, timeout=10)
        client = aioredis.Redis(connection_pool=pool)
        _redis_async[id(loop)] = client
    return client


async def current() -> object:
    """The epoch as an opaque value that changes whenever ``bump`` has been called."""
    if settings.REDIS_URL:
        return await _redis_for_loop().get(EPOCH_KEY)
    try:
        stat = os.stat(_epoch_file())
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns)
