"""The request path's database connections: recover from a restart, refuse cleanly meanwhile.

Django closes broken connections at the start and end of each request it handles itself (its
``request_started``/``request_finished`` signals call ``close_old_connections``). The lean
``/v1`` path (``inference.gateway``) does not go through that handler, so a connection the
database closed — a restart, a failover, ``pg_terminate_backend`` — would stay broken in its
thread for the life of the worker, and every read on it would fail.

Here a read that fails with a connection error closes this thread's broken connections and
runs once more on a fresh one: the request that finds the database restarted is answered
normally. If the retry fails too, the database is away: the request gets 503
``database_unavailable`` in OpenAI's shape with ``Retry-After``, and the next request tries again.
The background writers (audit, ledger, runaway) run ``close_old_connections`` before each batch;
with ``CONN_HEALTH_CHECKS`` a connection the server ended is replaced there.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from asgiref.sync import sync_to_async
from django.db import connections
from django.db.utils import InterfaceError, OperationalError

from inference.errors import ApiError

log = logging.getLogger("airlock.gateway")

# What a lost connection or an unreachable server raises (wrapped by Django for every driver):
# not programming or integrity errors, which a retry would only repeat.
ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
# What the request path answers as an error reply: its own refusals, and a lost database.
REFUSALS: tuple[type[Exception], ...] = (ApiError, *ERRORS)
RETRY_AFTER_SECONDS = 5

P = ParamSpec("P")
T = TypeVar("T")


def unavailable() -> ApiError:
    return ApiError(
        503,
        f"The appliance's database is unavailable right now; retry in {RETRY_AFTER_SECONDS} s.",
        type="server_error",
        code="database_unavailable",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def discard_broken() -> None:
    """Close this thread's connections on which an error occurred, so the next use reconnects.

    Unlike ``close_old_connections`` this does not trust ``is_usable()``: SQLite's always says
    yes, and on PostgreSQL it costs a round trip to learn what the error already said. A
    connection inside a transaction is left to its owner (closing it would lose the transaction).
    """
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None and conn.errors_occurred and not conn.in_atomic_block:
            try:
                conn.close()
            except ERRORS:
                conn.connection = None  # the driver cannot even close it: drop it


def call(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a database read in this thread; once more on a fresh connection if it was broken.

    Raises the 503 ``ApiError`` when the second attempt fails as well.
    """
    try:
        return function(*args, **kwargs)
    except ERRORS as first:
        discard_broken()
        log.warning("database connection lost (%s); reconnecting", first)
    try:
        return function(*args, **kwargs)
    except ERRORS as exc:
        discard_broken()
        log.error("the database is unavailable: %s", exc)
        raise unavailable() from exc


async def read(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``call`` in the thread the ORM's async methods use (asgiref's thread-sensitive one)."""
    return await sync_to_async(call)(function, *args, **kwargs)  # type: ignore[arg-type]


async def retrying(load: Callable[[], Awaitable[T]]) -> T:
    """``read`` for a loader written with the ORM's async methods (they run in the same thread)."""
    try:
        return await load()
    except ERRORS as first:
        await sync_to_async(discard_broken)()
        log.warning("database connection lost (%s); reconnecting", first)
    try:
        return await load()
    except ERRORS as exc:
        raise await failed(exc) from exc


async def failed(exc: Exception) -> ApiError:
    """For a connection error that reached the request path from elsewhere (an async ORM call):
    close the broken connection in the ORM's thread so the next request reconnects, and say 503."""
    log.error("database error on the request path: %r", exc)
    await sync_to_async(discard_broken)()
    return unavailable()
