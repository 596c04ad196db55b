"""The streaming relay forwards whole SSE events, however the backend's bytes are cut."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import orjson
import pytest

from audit import sequencer
from inference import views


@pytest.fixture(autouse=True)
def _audit_database(transactional_db: None) -> Iterator[None]:
    """The relay records the end of every answer in the audit log (a real database write);
    the sealer thread must be done before the tables are emptied for the next test."""
    yield
    sequencer.wait_idle()


EVENTS = [
    b'data: {"id":"c","choices":[{"index":0,"delta":{"content":"Par"}}]}',
    b'data: {"id":"c","choices":[{"index":0,"delta":{"content":"is"}}]}',
    b'data: {"id":"c","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}',
    b"data: [DONE]",
]
WIRE = b"".join(event + b"\n\n" for event in EVENTS)


class FakeUpstream:
    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces
        self.closed = False

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece

    async def aclose(self) -> None:
        self.closed = True


async def relay(pieces: list[bytes], wants_usage: bool) -> tuple[list[bytes], views.Exchange, FakeUpstream]:
    upstream = FakeUpstream(pieces)
    exchange = views.Exchange(request_id="req_test", endpoint="chat/completions")
    out = [chunk async for chunk in views._relay(exchange, upstream, wants_usage)]  # type: ignore[arg-type]
    return out, exchange, upstream


@pytest.mark.parametrize("cut", [1, 2, 3, 7, 13, 64, len(WIRE)])
async def test_events_arrive_whole_whatever_the_cut(cut: int) -> None:
    pieces = [WIRE[i : i + cut] for i in range(0, len(WIRE), cut)]
    out, exchange, upstream = await relay(pieces, wants_usage=True)
    assert b"".join(out) == WIRE
    for chunk in out:
        assert chunk.endswith(b"\n\n"), "no event is split across two writes to the client"
    assert exchange.usage == {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}
    assert exchange.status == 200 and upstream.closed


async def test_the_usage_chunk_is_metered_but_not_shown_to_a_client_that_did_not_ask() -> None:
    out, exchange, _ = await relay([WIRE], wants_usage=False)
    joined = b"".join(out)
    assert b'"usage"' not in joined and joined.endswith(b"data: [DONE]\n\n")
    assert exchange.usage is not None and exchange.usage["total_tokens"] == 7


async def test_a_stream_that_breaks_ends_with_an_error_event() -> None:
    import httpx2 as httpx

    class Broken(FakeUpstream):
        async def aiter_raw(self) -> AsyncIterator[bytes]:
            yield EVENTS[0] + b"\n\n"
            raise httpx.RemoteProtocolError("peer closed connection")

    exchange = views.Exchange(request_id="req_test", endpoint="chat/completions")
    upstream = Broken([])
    out = [chunk async for chunk in views._relay(exchange, upstream, False)]  # type: ignore[arg-type]
    last = orjson.loads(out[-1].removeprefix(b"data: "))
    assert last["error"]["code"] == "bad_upstream_response"
    assert exchange.status == 502 and upstream.closed
