"""Failover latency: what a failed first target adds to a request (prints figures, asserts none).

Not collected by the test run (the name does not start with ``test_``); run it explicitly:

    .venv/bin/pytest -s -q tests/routing/bench_failover_latency.py

Through the live gateway and the stub vLLM, one request at a time, non-streamed. Each case is
its own model name, and the cases take turns request by request, so a machine busy with other
work slows every case alike:

- ``normal``: the default version answers;
- ``refused`` / ``500`` / ``timeout``: the first deployment refuses the connection, answers 500,
  or does not answer within the read timeout (``TIMEOUT`` s); the second deployment answers;
- ``refused, then external``: the only local target refuses; the route's external fallback (the
  capture server) answers, through the redaction gate.

Backends are never skipped as down between requests (``AIRLOCK_BACKEND_RETRY_SECONDS`` 0), so
every request pays the failed attempt. The issue's target: failover adds at most the
timeout + 250 ms at p95.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from inference import routes, services
from inference.models import Model
from tests.routing.conftest import EXTERNAL, Lab

ROUNDS = 150
TIMEOUT = 0.5
GREETING = [{"role": "user", "content": "Hi, I am Ann Lee."}]


def _weights(name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors.stub").write_bytes(name.encode())
    return folder


def _case(lab: Lab, name: str, first: str, *, first_url: str | None = None, second: bool = True) -> str:
    v1 = services.do_register_model_version(name, _weights(f"{name}-1"), version="v1")
    services.do_deploy(
        v1, services.do_register_backend(f"{name}-a", first_url or lab.stub.url), served_name=first
    )
    if second:
        v2 = services.do_register_model_version(name, _weights(f"{name}-2"), version="v2", make_default=False)
        services.do_deploy(v2, services.do_register_backend(f"{name}-b", lab.stub.url), served_name="ok-b")
    return name


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def test_failover_latency(lab: Lab, settings: Any) -> None:
    settings.AIRLOCK_BACKEND_RETRY_SECONDS = 0.0
    settings.AIRLOCK_UPSTREAM_READ_TIMEOUT = TIMEOUT
    settings.AIRLOCK_RUNAWAY_MIN_RPM = 100_000  # a benchmark is not a runaway application
    lab.stub.delay = 5.0
    cases = {
        "normal": _case(lab, "m-normal", "ok-a", second=False),
        "refused, then local": _case(lab, "m-refused", "ok-a", first_url=lab.dead_url()),
        "500, then local": _case(lab, "m-500", "status-500"),
        f"timeout ({TIMEOUT} s), then local": _case(lab, "m-timeout", "slow-a"),
        "refused, then external": _case(lab, "m-external", "ok-a", first_url=lab.dead_url(), second=False),
    }
    routes.do_set_route(
        Model.objects.get(name="m-external"),
        routes.RouteSpec(
            targets=[routes.TargetSpec("local", 100, version="v1")],
            fallback_model=EXTERNAL,
            allow_external_fallback=True,
        ),
    )
    lab.allow_egress()
    services.do_set_allowed_models(lab.app, models=[], allow_all=True)
    results: dict[str, list[float]] = {case: [] for case in cases}
    for round_ in range(ROUNDS + 5):
        for case, model in cases.items():
            if case.startswith("timeout") and round_ % 3:
                continue  # a third as many: each costs the timeout
            started = time.perf_counter()
            answer = lab.post(
                {"model": model, "messages": [{"role": "user", "content": "Hi, I am Ann Lee."}]}
            )
            elapsed = (time.perf_counter() - started) * 1000
            assert answer.status_code == 200, answer.text
            if round_ >= 5:  # the first rounds warm connections and caches
                results[case].append(elapsed)
    base50, base95 = _p(results["normal"], 50), _p(results["normal"], 95)
    print(f"\n{'case':32} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'+p50':>8} {'+p95':>8}")
    for name, values in results.items():
        p50, p95 = _p(values, 50), _p(values, 95)
        print(f"{name:32} {len(values):4d} {p50:8.1f} {p95:8.1f} {p50 - base50:8.1f} {p95 - base95:8.1f}")
