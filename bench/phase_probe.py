"""Where a /v1 request's time goes, per request: the probe that ``bench/gateway_profile.py`` loads.

Started in place of ``airlock serve`` (``python -m bench.phase_probe <gunicorn argv>``): it sets
Django up, wraps the request path's steps in timers, then runs gunicorn exactly as ``airlock
serve`` does. The wrapped modules are imported before gunicorn forks, so the worker inherits
them. Nothing here is imported by the appliance itself.

Per request it keeps the time spent in each step (key check, routing plan, quota reserve,
cache lookup, the two audit commits, the upstream call to its headers, reading the answer,
output validation, settlement) and the request's total inside the worker. Beside them it
keeps what happens in the worker's other threads and the collector, with timestamps: audit
inserts (rows, duration), seals, usage-ledger flushes, scheduler ticks and garbage
collections, so that a slow request can be matched with what ran during it.

Everything is written as JSON lines to ``AIRLOCK_PHASES_OUT`` when the worker exits.
"""

from __future__ import annotations

import atexit
import contextvars
import functools
import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import orjson

_current: contextvars.ContextVar[dict[str, float] | None] = contextvars.ContextVar("phases", default=None)
_requests: list[dict[str, float]] = []
_events: list[tuple[str, float, float, int]] = []  # (what, start, duration, detail)
_lock = threading.Lock()
_clock = time.perf_counter


def _async_phase(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    async def timed(*args: Any, **kwargs: Any) -> Any:
        began = _clock()
        try:
            return await function(*args, **kwargs)
        finally:
            phases = _current.get()
            if phases is not None:
                phases[name] = phases.get(name, 0.0) + (_clock() - began)

    return timed


def _thread_event(
    name: str, function: Callable[..., Any], detail: Callable[..., int] | None = None
) -> Callable[..., Any]:
    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = _clock()
        try:
            return function(*args, **kwargs)
        finally:
            with _lock:
                _events.append((name, began, _clock() - began, detail(*args) if detail else 0))

    return timed


def _edge(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    async def timed(scope: Any, receive: Any, send: Any) -> Any:
        phases: dict[str, float] = {}
        token = _current.set(phases)
        began = _clock()
        try:
            return await function(scope, receive, send)
        finally:
            _current.reset(token)
            phases["start"] = began
            phases["total"] = _clock() - began
            _requests.append(phases)

    return timed


_gc_started: dict[int, float] = {}


def _gc_callback(phase: str, info: dict[str, Any]) -> None:
    ident = threading.get_ident()
    if phase == "start":
        _gc_started[ident] = _clock()
    elif ident in _gc_started:
        began = _gc_started.pop(ident)
        with _lock:
            _events.append(
                (f"gc{info.get('generation', '?')}", began, _clock() - began, info.get("collected", 0))
            )


_dumped = False


def _dump() -> None:
    global _dumped
    out = os.environ.get("AIRLOCK_PHASES_OUT")
    if not out or _dumped:
        return
    _dumped = True
    with open(out, "ab") as handle:
        handle.write(orjson.dumps({"pid": os.getpid(), "requests": _requests, "events": _events}) + b"\n")


def install() -> None:
    """Wrap the request path's steps (call after ``django.setup()``)."""
    from appliance import schedule
    from audit import log as audit_log
    from audit import sequencer
    from inference import gateway, recording, views
    from inference.quotas import gate, ledger
    from semcache import service as semcache

    views.authenticate = _async_phase("auth", views.authenticate)  # type: ignore[assignment]
    views._plan_for = _async_phase("plan", views._plan_for)  # type: ignore[assignment]
    gate.reserve = _async_phase("reserve", gate.reserve)  # type: ignore[assignment]
    semcache.lookup = _async_phase("cache", semcache.lookup)  # type: ignore[assignment]
    recording.request_received = _async_phase("audit_request", recording.request_received)  # type: ignore[assignment]
    recording.response_finished = _async_phase("audit_response", recording.response_finished)  # type: ignore[assignment]
    views._send = _async_phase("upstream_headers", views._send)  # type: ignore[assignment]
    views._validate = _async_phase("validate", views._validate)  # type: ignore[assignment]
    views._review_gate = _async_phase("review_gate", views._review_gate)  # type: ignore[assignment]
    gate.settle = _async_phase("settle", gate.settle)  # type: ignore[assignment]
    views.proxy = _async_phase("proxy", views.proxy)  # type: ignore[assignment]
    gateway.handle = _edge(gateway.handle)  # type: ignore[assignment]
    audit_log._insert = _thread_event("audit_insert", audit_log._insert, lambda specs: len(specs))  # type: ignore[assignment]
    sequencer.seal_now = _thread_event("seal", sequencer.seal_now)  # type: ignore[assignment]
    ledger.flush = _thread_event("ledger_flush", ledger.flush)  # type: ignore[assignment]
    schedule.EmbeddedScheduler.tick = _thread_event("scheduler_tick", schedule.EmbeddedScheduler.tick)  # type: ignore[method-assign]
    schedule.EmbeddedScheduler._attempt = _thread_event(  # type: ignore[method-assign]
        "scheduler_job", schedule.EmbeddedScheduler._attempt
    )
    gc.callbacks.append(_gc_callback)
    atexit.register(_dump)


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")
    django.setup()
    install()
    # The worker exits through os._exit after the app's shutdown; dump from lifespan's end too.
    from inference import gateway

    shutdown = gateway.lifespan

    async def lifespan(receive: Any, send: Any) -> None:
        try:
            await shutdown(receive, send)
        finally:
            _dump()

    gateway.lifespan = lifespan  # type: ignore[assignment]
    from django.conf import settings

    if settings.AIRLOCK_METRICS:
        # As ``airlock serve`` does: one metrics directory for the workers, emptied at start.
        from inference import metrics_dir

        metrics_dir.prepare(sys.argv[sys.argv.index("--bind") + 1])
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", *sys.argv[1:]]
    run()


if __name__ == "__main__":
    main()
