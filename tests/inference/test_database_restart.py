"""The gateway survives its database closing the connections: a restart, a failover, a kill.

PostgreSQL (CI) ends the appliance's sessions for real, with ``pg_terminate_backend`` from a
connection of the test's own, while clients are sending requests. SQLite has no server to
restart; there the gateway's request-path connection is made to fail every statement (as a
session the server closed does), which exercises the same recovery on the request path.

What a client must see: a success, or 503 in OpenAI's shape with ``Retry-After`` — never a
plain-text 500 — and successes again as soon as the database is back, also once the key cache
has expired and every request reads the database again.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import openai
import psycopg
import pytest
from asgiref.sync import SyncToAsync
from django.db import connection, connections
from django.db.utils import OperationalError

from audit import sequencer
from audit.events import Event
from audit.models import AuditRecord
from inference import epoch
from inference.quotas.models import UsageRecord
from tests.inference.conftest import Gateway

HELLO = [{"role": "user", "content": "Say hello"}]
CLIENTS = 4
LOAD_SECONDS = 4.0


def on_request_path_thread(function: Callable[[], Any]) -> Any:
    """Run ``function`` in the thread where the gateway's ORM reads run (asgiref's executor)."""
    return SyncToAsync.single_thread_executor.submit(function).result(timeout=30)


def terminate(pids: list[int] | None = None) -> int:
    """End sessions of the test database from a separate connection, as an administrator would."""
    params = connection.settings_dict
    with psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        dbname=params["NAME"],
        autocommit=True,
    ) as admin:
        if pids is None:
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        else:
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", [pids]
            ).fetchall()
    return sum(1 for (ended,) in rows if ended)


def kill_request_path_session() -> None:
    def kill() -> None:
        from django.db import connection as here

        here.ensure_connection()
        if here.vendor == "postgresql":
            assert terminate([here.connection.info.backend_pid]) == 1
        else:
            here.connection.set_progress_handler(lambda: 1, 1)  # every statement fails from now on

    on_request_path_thread(kill)


def cut_every_session() -> None:
    """PostgreSQL: every session of the appliance's database; SQLite: the request path's."""
    if connection.vendor == "postgresql":
        terminate()
    else:
        kill_request_path_session()


def expire_key_cache() -> None:
    epoch.bump()


def assert_openai_503(
    error: openai.APIStatusError, codes: tuple[str, ...] = ("database_unavailable",)
) -> None:
    assert error.status_code == 503, (error.status_code, error.response.text)
    assert isinstance(error.body, dict), error.response.text  # OpenAI's shape, not plain text
    assert error.body["type"] == "server_error"
    assert error.body["code"] in codes, error.body
    assert int(error.response.headers["retry-after"]) > 0


def test_a_request_after_its_database_session_was_killed_is_answered(gateway: Gateway) -> None:
    client = gateway.client()
    client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)
    kill_request_path_session()
    expire_key_cache()  # the key must be read from the database again
    completion = client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)
    assert completion.choices[0].message.content
    assert client.models.retrieve("stub").id == "stub"


def test_while_the_database_is_away_v1_answers_503_in_openais_shape_and_recovers_after(
    gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = gateway.client()
    client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)

    def refuse(*args: object, **kwargs: object) -> None:
        raise connection.Database.OperationalError("connection refused: the database is restarting")

    monkeypatch.setattr(type(connections["default"]), "get_new_connection", refuse)
    kill_request_path_session()
    expire_key_cache()

    with pytest.raises(openai.InternalServerError) as caught:
        client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)
    assert_openai_503(caught.value)
    request_id = caught.value.response.headers["x-request-id"]
    with pytest.raises(openai.InternalServerError) as listed:
        client.models.list()
    assert_openai_503(listed.value)

    monkeypatch.undo()  # the database is back
    assert client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16).choices
    assert [m.id for m in client.models.list() if m.id == "stub"] == ["stub"]
    # The refusal is in the audit log (its writer's own connection was not affected).
    refused = AuditRecord.objects.get(request_id=request_id, event=Event.INFERENCE_REFUSED)
    meta = json.loads(refused.body)["meta"]
    assert (meta["status"], meta["error_code"]) == (503, "database_unavailable")


def test_the_gateway_recovers_when_the_database_drops_every_session_under_load(
    gateway: Gateway, settings: Any
) -> None:
    settings.AIRLOCK_HOT_CACHE_SECONDS = 0.0  # every request reads keys and routes from the database
    outcomes: list[tuple[str, Any]] = []
    lock = threading.Lock()
    stop = time.monotonic() + LOAD_SECONDS

    def client_loop() -> None:
        client = gateway.client(timeout=30)
        while time.monotonic() < stop:
            try:
                raw = client.chat.completions.with_raw_response.create(
                    model="stub", messages=HELLO, max_tokens=16
                )
                outcome: tuple[str, Any] = ("ok", raw.headers["x-request-id"])
            except openai.APIStatusError as exc:
                outcome = ("error", exc)
            with lock:
                outcomes.append(outcome)

    clients = [threading.Thread(target=client_loop) for _ in range(CLIENTS)]
    for thread in clients:
        thread.start()
    for _ in range(3):
        time.sleep(LOAD_SECONDS / 4)
        cut_every_session()
    for thread in clients:
        thread.join(60)
    connection.close()  # this test's own session was ended too (PostgreSQL)

    errors = [error for kind, error in outcomes if kind == "error"]
    codes = sorted({str(getattr(e, "code", None)) for e in errors})
    print(f"{len(outcomes)} requests under {connection.vendor} session cuts: {len(errors)} refused {codes}")
    assert len(outcomes) > 20, len(outcomes)
    for error in errors:
        assert_openai_503(error, ("database_unavailable", "audit_unavailable"))

    # Right after, every request succeeds again.
    client = gateway.client()
    after = []
    for _ in range(5):
        raw = client.chat.completions.with_raw_response.create(model="stub", messages=HELLO, max_tokens=16)
        after.append(raw.headers["x-request-id"])

    # The usage ledger's writer reconnected too: the rows of these requests arrive on their own.
    deadline = time.monotonic() + 15
    while UsageRecord.objects.filter(request_id__in=after).count() < len(after):
        assert time.monotonic() < deadline, "the usage ledger stopped writing after the restart"
        time.sleep(0.2)

    # What was refused is on record: its own refusal record, or the audit outage's list.
    def accounted() -> set[str]:
        ids = set(
            AuditRecord.objects.filter(event=Event.INFERENCE_REFUSED).values_list("request_id", flat=True)
        )
        for record in AuditRecord.objects.filter(event=Event.AUDIT_FAILURE):
            ids.update(json.loads(record.body)["meta"]["request_ids"])
        return ids

    refused = {error.response.headers["x-request-id"] for error in errors}
    assert refused <= accounted(), refused - accounted()

    # And the log keeps sealing what it writes (the sealer's session was ended too).
    deadline = time.monotonic() + 15
    while AuditRecord.objects.filter(seq__isnull=True).exists():
        assert time.monotonic() < deadline, "records written after the restart are never sealed"
        client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)
        sequencer.wait_idle()
        time.sleep(0.5)


def test_a_database_error_is_never_a_plain_text_500(
    gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unit level: whichever read of the lean path fails, the answer is the OpenAI-shaped 503."""
    from inference import routing

    async def broken() -> None:
        raise OperationalError("server closed the connection unexpectedly")

    client = gateway.client()
    client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)
    monkeypatch.setattr(routing, "_load", broken)
    expire_key_cache()
    with pytest.raises(openai.InternalServerError) as caught:
        client.chat.completions.create(model="stub", messages=HELLO, max_tokens=16)
    assert_openai_503(caught.value)
    with pytest.raises(openai.InternalServerError) as retrieved:
        client.models.retrieve("stub")
    assert_openai_503(retrieved.value)
