"""Streamed answers through the gateway: tokens relayed per second, and time to first token added.

What is measured
    The stub upstream (``bench/stub_upstream.py``) streams answers of ``--tokens`` tokens (one SSE
    event per token, each written on its own, as vLLM writes them) as fast as it can. A client
    keeps ``--concurrency`` keep-alive connections busy with streamed chat completions, for
    ``--duration`` seconds each, first against the stub directly, then through one Airlock
    worker (``airlock serve --workers 1``, the full path: key, quota, routing, both audit
    commits, output validation, usage), alternating rounds so drift hits both alike.

    - tokens/s: answer events received per second, over all connections (the relay's capacity);
    - time to first token (TTFT): from the request's first byte sent to the first answer event
      received. At concurrency 1 the added TTFT is Airlock's minus the stub's, at p50 and p99.

    The client is a small HTTP/1.1 reader on asyncio (uvloop when installed): it only finds
    events and the end of each chunked answer, so that it costs less than what it measures. It
    shares the machine's cores with the stub and the gateway; quote ratios from one run.

Targets (issue 19): one worker relays ≥ 20,000 tokens/s; added TTFT p99 ≤ 2 ms at concurrency 1.

Usage
    python bench/stream_relay.py [--tokens 256] [--concurrency 1,16] [--duration 10] [--rounds 2]

``DATABASE_URL`` / ``REDIS_URL`` pass through to Airlock as in gateway_overhead.py. Prints a table
and writes ``bench/results/stream_relay-<timestamp>.json``; exit 0 when both targets are met.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import gateway_overhead as go  # noqa: E402

TOKENS_PER_SECOND = 20_000
ADDED_TTFT_P99_MS = 2.0


@dataclass
class Tally:
    requests: int = 0
    events: int = 0
    errors: int = 0
    ttft: list[float] = field(default_factory=list)
    first_error: str = ""


class _Conn(asyncio.Protocol):
    """One keep-alive connection: sends a request, reads a chunked SSE answer to its end."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.done: asyncio.Future[tuple[int, float, int]] | None = None
        self.sent_at = 0.0
        self.first_at = 0.0
        self.events = 0
        self.headers_done = False
        self.status = 0
        self.lost: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        if self.done is not None and not self.done.done():
            self.done.set_exception(ConnectionError(f"connection lost: {exc!r}"))
        if not self.lost.done():
            self.lost.set_result(None)

    def send(self, request: bytes) -> asyncio.Future[tuple[int, float, int]]:
        self.buffer.clear()
        self.headers_done = False
        self.events = 0
        self.first_at = 0.0
        self.done = asyncio.get_running_loop().create_future()
        self.sent_at = time.perf_counter()
        assert self.transport is not None
        self.transport.write(request)
        return self.done

    def data_received(self, data: bytes) -> None:
        # Events are counted as they arrive (a "data: {" each, the usage event excepted below);
        # the answer ends with [DONE] and the empty chunk that closes chunked encoding.
        count = data.count(b"data: {")
        if count:
            if not self.first_at:
                self.first_at = time.perf_counter()
            self.events += count
        self.buffer += data
        if not self.headers_done:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            self.status = int(self.buffer[9:12])
            self.headers_done = True
            if self.status != 200:
                self._finish()
                return
        if self.buffer.endswith(b"0\r\n\r\n") and b"[DONE]" in self.buffer[-64:]:
            self._finish()
        elif len(self.buffer) > 1 << 16:
            del self.buffer[:-128]  # only the end matters from here on

    def _finish(self) -> None:
        if self.done is not None and not self.done.done():
            self.done.set_result(
                (self.status, self.first_at - self.sent_at if self.first_at else 0.0, self.events)
            )


def _request(url: str, key: str, body: bytes) -> bytes:
    parts = urlsplit(url)
    head = [
        f"POST {parts.path} HTTP/1.1",
        f"Host: {parts.netloc}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
    ]
    if key:
        head.append(f"Authorization: Bearer {key}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def _load(url: str, key: str, body: bytes, concurrency: int, seconds: float) -> tuple[Tally, float]:
    loop = asyncio.get_running_loop()
    parts = urlsplit(url)
    request = _request(url, key, body)
    tally = Tally()
    deadline = time.perf_counter() + seconds

    async def one() -> None:
        _, conn = await loop.create_connection(_Conn, parts.hostname or "127.0.0.1", parts.port or 80)
        try:
            while time.perf_counter() < deadline:
                try:
                    status, ttft, events = await asyncio.wait_for(conn.send(request), 30)
                except (TimeoutError, ConnectionError) as exc:
                    tally.errors += 1
                    tally.first_error = tally.first_error or repr(exc)
                    return
                if status != 200:
                    tally.errors += 1
                    tally.first_error = tally.first_error or f"status {status}"
                    return
                tally.requests += 1
                tally.events += events - 1  # the usage event is not a token
                tally.ttft.append(ttft)
        finally:
            assert conn.transport is not None
            conn.transport.close()

    began = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(concurrency)))
    return tally, time.perf_counter() - began


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(url: str, key: str, body: bytes, concurrency: int, seconds: float) -> dict[str, Any]:
    try:
        import uvloop

        runner: Any = uvloop.run
    except ImportError:  # pragma: no cover - uvloop comes with uvicorn[standard]
        runner = asyncio.run
    tally, elapsed = runner(_load(url, key, body, concurrency, seconds))
    return {
        "requests": tally.requests,
        "errors": tally.errors,
        "first_error": tally.first_error,
        "seconds": elapsed,
        "tokens_per_s": tally.events / elapsed if elapsed else 0.0,
        "ttft_p50_ms": _pct(tally.ttft, 0.50) * 1000,
        "ttft_p99_ms": _pct(tally.ttft, 0.99) * 1000,
        "ttfts_ms": [round(t * 1000, 4) for t in tally.ttft],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tokens", type=int, default=256, help="tokens per streamed answer")
    parser.add_argument("--concurrency", default="1,16")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per concurrency")
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args(argv)
    body = json.dumps(
        {"model": go.MODEL, "messages": go.PROMPT, "max_tokens": args.tokens, "stream": True},
        separators=(",", ":"),
    ).encode()
    children = go.Children()
    results: dict[str, Any] = {"tokens": args.tokens, "points": []}
    with tempfile.TemporaryDirectory(prefix="airlock-stream-bench-") as tmp:
        work = Path(tmp)
        try:
            port = go.free_port()
            stub_child = children.start(
                "stub",
                [str(go.APPLIANCE_BIN / "python"), "-m", "bench.stub_upstream", "--port", str(port)],
                log=work / "stub.log",
                env=go.clean_env(STUB_STREAM_TOKENS=str(args.tokens)),
                cwd=REPO,
            )
            stub_url = f"http://127.0.0.1:{port}/v1/chat/completions"
            go.wait_ready(stub_child, stub_url, "", timeout=30)
            key = go.prepare_airlock(work, port)
            airlock = go.start_airlock(children, work, "airlock-1w", "Airlock, 1 worker", 1, key)
            targets = [("stub directly", stub_url, ""), ("Airlock, 1 worker", airlock.url, key)]
            for c in [int(x) for x in args.concurrency.split(",")]:
                for _label, url, k in targets:
                    if args.warmup:
                        measure(url, k, body, c, args.warmup)
                merged: dict[str, dict[str, Any]] = {}
                for _ in range(args.rounds):
                    for label, url, k in targets:
                        found = measure(url, k, body, c, args.duration)
                        into = merged.setdefault(
                            label, {"requests": 0, "errors": 0, "seconds": 0.0, "events": 0.0, "ttfts_ms": []}
                        )
                        into["requests"] += found["requests"]
                        into["errors"] += found["errors"]
                        into["first_error"] = into.get("first_error") or found["first_error"]
                        into["seconds"] += found["seconds"]
                        into["events"] += found["tokens_per_s"] * found["seconds"]
                        into["ttfts_ms"] += found["ttfts_ms"]
                for label, into in merged.items():
                    ttfts = into.pop("ttfts_ms")
                    point = {
                        "target": label,
                        "concurrency": c,
                        "requests": into["requests"],
                        "errors": into["errors"],
                        "first_error": into.get("first_error", ""),
                        "tokens_per_s": into["events"] / into["seconds"] if into["seconds"] else 0.0,
                        "ttft_p50_ms": _pct(ttfts, 0.5),
                        "ttft_p99_ms": _pct(ttfts, 0.99),
                    }
                    results["points"].append(point)
                    go.progress(
                        f"{label:<18} c={c:<3} {point['tokens_per_s']:>9,.0f} tokens/s  TTFT p50 "
                        f"{point['ttft_p50_ms']:.2f} ms p99 {point['ttft_p99_ms']:.2f} ms  "
                        f"errors {point['errors']}"
                    )
        finally:
            children.stop_all()
    points = results["points"]

    def find(label: str, c: int) -> dict[str, Any] | None:
        return next((p for p in points if p["target"] == label and p["concurrency"] == c), None)

    checks = []
    best = max((p["tokens_per_s"] for p in points if p["target"] == "Airlock, 1 worker"), default=0.0)
    checks.append(
        (f"one worker relays ≥ {TOKENS_PER_SECOND:,} tokens/s", f"{best:,.0f}", best >= TOKENS_PER_SECOND)
    )
    direct, through = find("stub directly", 1), find("Airlock, 1 worker", 1)
    if direct and through:
        added50 = through["ttft_p50_ms"] - direct["ttft_p50_ms"]
        added99 = through["ttft_p99_ms"] - direct["ttft_p99_ms"]
        results["added_ttft_ms"] = {"p50": added50, "p99": added99}
        checks.append(
            (
                f"added TTFT p99 ≤ {ADDED_TTFT_P99_MS} ms at c=1",
                f"{added99:+.2f} ms (p50 {added50:+.2f})",
                added99 <= ADDED_TTFT_P99_MS,
            )
        )
    errors = sum(p["errors"] for p in points)
    print()
    for name, value, ok in checks:
        print(f"  {'met    ' if ok else 'NOT MET'}  {name}: {value}")
    if errors:
        print(f"  ERRORS: {errors} (first: {next(p['first_error'] for p in points if p['errors'])})")
    results["checks"] = [{"check": n, "value": v, "met": ok} for n, v, ok in checks]
    results["database"] = go.database_label()
    results["git"] = go.git_state()
    from bench.machine import describe

    results["machine"] = describe()
    go.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = go.RESULTS_DIR / f"stream_relay-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"  figures: {out.relative_to(REPO)}")
    if errors:
        return 2
    return 0 if all(ok for _, _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
