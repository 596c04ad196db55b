"""The CPU cost of counting one request for /metrics, measured in process.

On a shared, busy machine the gateway's requests/s with metrics on and off (``python
bench/gateway_overhead.py --metrics-off``) vary by tens of per cent from run to run, far more
than the 3 % the metrics may cost. This measures the cost itself: the request path's metrics
calls for a completed request (``Exchange.finish`` and the quota settlement's ``settled``, and
the batched write to prometheus_client's multiprocess files), alternating metrics off and on
in one process, in CPU time (``time.process_time``), which other work on the machine disturbs
little. Divide by the CPU a request costs the gateway (the figure ``gateway_overhead.py``
prints per target) for the share of throughput.

Usage
    python bench/metrics_cost.py [--requests 20000] [--rounds 6]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    # Multiprocess mode, as under `airlock serve`: set before prometheus_client is imported.
    folder = tempfile.mkdtemp(prefix="airlock-metrics-cost-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.conf import settings

    from inference import metrics, routing
    from inference.auth import Caller
    from inference.views import Exchange

    routing._cache.put("table", routing.RouteTable(models=frozenset({"stub"}), targets={}))
    caller = Caller(1, "abc", "", 1, "app", True, True, frozenset(), None, None, "none")
    target = routing.Target(
        deployment_id=1,
        backend_id=1,
        backend_name="gpu-1",
        base_url="http://127.0.0.1:1",
        served_name="stub",
        model_version_id=1,
        version="v1",
        weight=100,
    )
    row = {"cost_usd": 0.0001, "route": "local"}

    def run(enabled: bool) -> float:
        settings.AIRLOCK_METRICS = enabled
        exchanges = [
            Exchange(
                request_id="req",
                endpoint="chat/completions",
                caller=caller,
                model="stub",
                target=target,
                usage={"prompt_tokens": 10, "completion_tokens": 16},
                forwarded=time.perf_counter(),
                first_token=time.perf_counter(),
                attempts=1,
            )
            for _ in range(args.requests)
        ]
        began = time.process_time()
        for exchange in exchanges:
            exchange.finish(200)
            metrics.settled(exchange, row)
        metrics.flush()
        return (time.process_time() - began) / args.requests * 1e6

    found: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.rounds):
        for enabled in (False, True):
            found[enabled].append(run(enabled))
    off, on = statistics.median(found[False]), statistics.median(found[True])
    print(f"CPU per completed request in the request path's metrics calls ({args.rounds} rounds, median):")
    print(f"  metrics off {off:.1f} µs, on {on:.1f} µs: metrics add {on - off:.1f} µs")
    print(f"  rounds off: {', '.join(f'{v:.1f}' for v in found[False])}")
    print(f"  rounds on:  {', '.join(f'{v:.1f}' for v in found[True])}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
