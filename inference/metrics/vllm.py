"""vLLM's own key figures, read from a backend's ``/metrics`` for the console's health page.

Prometheus scrapes every backend for the dashboard and the alerts; the console shows the
few figures an operator looks at next to the backend list: running and waiting requests,
KV-cache use and time to first token. Read with prometheus_client's text parser, with a short
timeout, and kept a few seconds, so a page that is reloaded does not scrape every backend
again and a backend that hangs does not hold the page up.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

import httpx2 as httpx
from prometheus_client.parser import text_string_to_metric_families

TIMEOUT_SECONDS = 2.0
CACHE_SECONDS = 5.0

# vLLM names (V1 engine); older releases called the KV-cache figure gpu_cache_usage_perc.
RUNNING = "vllm:num_requests_running"
WAITING = "vllm:num_requests_waiting"
KV_CACHE = ("vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc")
TTFT = "vllm:time_to_first_token_seconds"


@dataclass(frozen=True)
class BackendFigures:
    """What a backend's ``/metrics`` said (or why it could not be read)."""

    running: float | None = None
    waiting: float | None = None
    kv_cache: float | None = None  # 0..1
    ttft_mean: float | None = None  # seconds, since the backend started
    ttft_p95: float | None = None  # seconds, from the histogram's buckets
    ttft_count: int = 0
    error: str = ""


def _p95(buckets: list[tuple[float, float]]) -> float | None:
    """The 95th percentile from cumulative buckets (upper bound, count), interpolated as Prometheus does."""
    buckets.sort()
    if not buckets or buckets[-1][1] <= 0:
        return None
    rank = 0.95 * buckets[-1][1]
    lower_bound, lower_count = 0.0, 0.0
    for bound, count in buckets:
        if count >= rank:
            if math.isinf(bound):
                return lower_bound
            if count == lower_count:
                return bound
            return lower_bound + (bound - lower_bound) * (rank - lower_count) / (count - lower_count)
        lower_bound, lower_count = bound, count
    return None


def parse(text: str) -> BackendFigures:
    """The key figures of a vLLM exposition, summed over its models (one per server, usually)."""
    sums: dict[str, float] = {}
    seen: set[str] = set()
    buckets: dict[float, float] = {}
    ttft_sum = ttft_count = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            name = sample.name
            if name in (RUNNING, WAITING, *KV_CACHE):
                sums[name] = sums.get(name, 0.0) + sample.value
                seen.add(name)
            elif name == f"{TTFT}_bucket":
                bound = float(sample.labels["le"])
                buckets[bound] = buckets.get(bound, 0.0) + sample.value
            elif name == f"{TTFT}_sum":
                ttft_sum += sample.value
            elif name == f"{TTFT}_count":
                ttft_count += sample.value
    kv_name = next((n for n in KV_CACHE if n in seen), None)
    return BackendFigures(
        running=sums.get(RUNNING) if RUNNING in seen else None,
        waiting=sums.get(WAITING) if WAITING in seen else None,
        kv_cache=sums[kv_name] if kv_name else None,
        ttft_mean=ttft_sum / ttft_count if ttft_count else None,
        ttft_p95=_p95(list(buckets.items())),
        ttft_count=int(ttft_count),
    )


_cache: dict[str, tuple[float, BackendFigures]] = {}
_lock = threading.Lock()


def read(base_url: str, *, fresh: bool = False) -> BackendFigures:
    """The figures of the backend at ``base_url`` (without ``/v1``), at most ``CACHE_SECONDS`` old.

    ``fresh`` reads them now (a drain must see a stream that has just started).
    """
    now = time.monotonic()
    with _lock:
        cached = _cache.get(base_url)
    if not fresh and cached is not None and now - cached[0] < CACHE_SECONDS:
        return cached[1]
    try:
        response = httpx.get(f"{base_url.rstrip('/')}/metrics", timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
        figures = parse(response.text)
    except httpx.HTTPError as exc:
        figures = BackendFigures(error=f"metrics unavailable: {type(exc).__name__}")
    except ValueError as exc:  # not Prometheus' text format
        figures = BackendFigures(error=f"metrics unreadable: {exc}")
    with _lock:
        _cache[base_url] = (now, figures)
    return figures


def clear() -> None:
    with _lock:
        _cache.clear()
