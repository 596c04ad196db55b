"""A locked audit table must not stall ``/v1``: the audit insert gives up after
``AIRLOCK_AUDIT_LOCK_TIMEOUT_MS`` and the request is refused with 503 ``audit_unavailable``.

The lock is taken by another connection, as a long migration, a ``VACUUM FULL`` or an
operator's stray transaction would: ``LOCK TABLE ... IN ACCESS EXCLUSIVE MODE`` on PostgreSQL,
an exclusive transaction (the whole database's write lock) on SQLite.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import closing, contextmanager

import openai
import pytest
from django.db import connection, connections

from audit.models import AuditRecord
from tests.inference.conftest import Gateway

HELLO = [{"role": "user", "content": "Hello"}]


@contextmanager
def audit_table_locked() -> Iterator[None]:
    other = connections.create_connection("default")
    try:
        other.ensure_connection()
        other.set_autocommit(True)
        with closing(other.connection.cursor()) as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("BEGIN")
                table = connection.ops.quote_name(AuditRecord._meta.db_table)
                cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            else:
                cursor.execute("BEGIN EXCLUSIVE")
            try:
                yield
            finally:
                cursor.execute("ROLLBACK")
    finally:
        other.close()


def test_a_request_is_refused_quickly_while_the_audit_table_is_locked(gateway: Gateway, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AIRLOCK_AUDIT_LOCK_TIMEOUT_MS = 300
    client = gateway.client(timeout=20)
    # A key already in use: its first request also notes the key's last use, a write that on
    # SQLite (one write lock for the whole database) would wait for the lock as well.
    client.chat.completions.create(model="stub", messages=HELLO)
    with audit_table_locked():
        started = time.monotonic()
        with pytest.raises(openai.APIStatusError) as caught:
            client.chat.completions.create(model="stub", messages=HELLO)
        waited = time.monotonic() - started
    assert caught.value.status_code == 503
    assert caught.value.body["code"] == "audit_unavailable"  # type: ignore[index]
    assert int(caught.value.response.headers["retry-after"]) > 0
    assert waited < 3, f"the request waited {waited:.1f} s for the lock"
    # Once the lock is gone, requests are served again.
    assert client.chat.completions.create(model="stub", messages=HELLO).choices
