"""Audit log throughput: sealed records per second, write latency, and verification speed.

What is measured
    The gateway writes two audit records per /v1 request on its hot path (``inference.request``
    before forwarding, ``inference.response`` after; ``inference/recording.py``) and each request
    waits until its record is committed. This benchmark drives exactly that path without HTTP:

    - **write**: in each of P processes (``multiprocessing``, spawned: each has its own Django set-up,
      event loop and ``audit.log.writer()`` — like P gateway workers), W coroutines loop
      ``await writer().write(...)`` for ``--seconds``, alternating request and response records of
      simulated chat completions: the meta of ``inference/recording.py``, end users kept as
      pseudonyms, four applications, and what ``inference.recording`` keeps of the prompt and the
      answer in the application's ``audit_content`` mode (``--content``: ``none`` keeps sizes and
      outcome only; ``metadata`` per-message lengths and hashes; ``full`` about 1 KB of text, so
      the data-key cache and AES-256-GCM run). Each write's latency is ``perf_counter`` around the
      ``await`` — the time a request waits for its record to be committed. Sealing runs as in
      production, however ``audit.log`` triggers it (at the time of writing: ``AIRLOCK_AUDIT_SEAL_DELAY``
      after a write, or as soon as ``SEAL_EVERY`` records wait, in a sealer thread of its own on
      PostgreSQL); one sealer at a time across processes (``SKIP LOCKED`` on the tree state).
      After a warm-up (``--warmup``; data keys made, connections open) the log is sealed, then every
      process starts at once. Reported per (processes, writers, content):

        committed/s    records committed ÷ write phase (first start to last write returned);
        p50/p99/max    write latency in ms over every write of the phase;
        backlog        committed but not yet sealed when the write phase ended;
        catch-up       seconds from the end of the write phase until nothing was left unsealed
                       (the processes' own sealers finish; the benchmark then calls ``seal()``);
        sealed/s       records sealed in the run ÷ (write phase + catch-up): the sustained rate
                       at which records get their sequence number, leaf hash and checkpoint;
        ckpts          checkpoints signed during the run.

      Every configuration starts from an empty log (the tables are truncated; data keys are kept).

    - **verify**: a log of ``--verify-records`` records (``--verify-content``, default ``full``:
      every record carries ciphertext to hash, the most work per record) is made by
      ``audit.log.prepare`` — the Writer's own record builder — committed 10,000 at a time (COPY on
      PostgreSQL: only the loading differs from the Writer) and sealed by ``sequencer.seal()`` after
      each commit: gapless numbers, RFC 6962 leaves and a signed checkpoint every 10,000 records, as
      in production. The time of those ``seal()`` calls alone is reported as the sealer's capacity.
      The table is then vacuumed, as autovacuum does in a live log long before it is verified, and
      ``verify_log()`` (``airlock audit verify``, every check on) is timed ``--verify-runs`` times:
      records/s is records ÷ the median time. Unless ``--no-bundle``, an evidence bundle of the first
      ``--bundle-records`` records is exported and the standalone, stdlib-only ``verify.py`` check of
      it is timed too (for information: it is what an auditor runs, not the target).

How to read it (see shared BENCHMARKS.md)
    Targets of the issue, on this 2-core machine, PostgreSQL:
    - sealed records/s ≥ 2,000 with concurrent writers: every configuration with W ≥ 16 (and any
      number of processes or content mode) must reach it;
    - write p99 ≤ 5 ms: closed-loop load obeys Little's law (latency ≈ concurrency ÷ throughput:
      64 writers at 2,000 records/s wait 32 ms on average however fast the log is), so, as for
      the gateway's added latency, the latency target is read with one writer per process
      (W = 1); p99 at W ≥ 16 is shown for information;
    - verification ≥ 100,000 records/s: ``verify_log()`` over the whole log, every check on.
    The machine is shared (the database, the writers and the sealer share 2 cores): compare rows of
    one run; an absolute figure is only a hint. Any ``AuditUnavailable`` (a request that would
    have been refused) is an error: the run then says so in capitals and is not valid.

Usage
    python bench/audit_throughput.py [--database-url URL] [--seconds 10] [--writers 1,16,64]
        [--processes 1,2] [--content none,full] [--verify-records 200000] [--verify-content full]
        [--verify-runs 3] [--bundle-records 50000 | --no-bundle] [--warmup 1] [--skip-write]

    ``--database-url`` is the *admin* connection of a PostgreSQL server (default
    postgresql://postgres@127.0.0.1:5432/postgres): a database ``airlock_bench_<random>`` is
    created there, migrated, used and dropped at the end (also on Ctrl-C or failure). ``sqlite``
    uses a temporary SQLite file with the embedded profile's settings, for comparison. Keys and
    the witness file live in a temporary data folder. Loopback only; bounded in time (every wait
    has a deadline). Prints progress, a table and a verdict; writes the figures to
    ``bench/results/audit_throughput-<timestamp>.json``. Exit status: 0 when every target is met
    without errors, 1 when a target is missed, 2 when the run had errors or failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import multiprocessing as mp
import os
import platform
import queue
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from array import array
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from multiprocessing.context import SpawnContext, SpawnProcess
from multiprocessing.synchronize import Barrier
from pathlib import Path
from statistics import median
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: the project is importable in spawned workers too
    sys.path.insert(0, str(REPO))
RESULTS_DIR = REPO / "bench" / "results"
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"

# The targets of the issue.
TARGET_SEALED_PER_S = 2_000.0
TARGET_P99_MS = 5.0
TARGET_VERIFY_PER_S = 100_000.0
CONCURRENT_WRITERS = 16  # "concurrent writers": W at least this
CONTENT_MODES = ("none", "metadata", "full")  # an application's audit_content

SETUP_TIMEOUT = 120.0  # a worker process to start, set up Django and warm up
CATCH_UP_TIMEOUT = 300.0  # sealing to catch up after a write phase
VERIFY_CHUNK = 10_000  # records per bulk commit (and seal) when building the verify log


def progress(message: str) -> None:
    stamp = dt.datetime.now().astimezone().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", flush=True)


def _raise_on_signal(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


# --- Realistic request-path records ---

_TEXT = (
    "the invoice for account number was reviewed against the contract terms and the customer asked "
    "whether the late payment fee applies when the bank transfer was delayed by a public holiday "
    "please summarise the policy and list the exceptions that support staff may grant without "
    "escalation including refunds credits and extended payment plans for small businesses"
)
_WORDS = _TEXT.split(" ")
_MODELS = (
    ("llama-3.1-8b-instruct", "vllm-gpu-1", "2024-07-23", 3),
    ("qwen2.5-7b-instruct", "vllm-gpu-2", "2024-09-19", 5),
    ("smollm2-135m-instruct", "vllm-cpu-1", "2024-11-01", 7),
)
_APPLICATIONS = (1, 2, 3, 4)
_SUBJECTS = 32  # end users named in `user`, per application


class Traffic:
    """Fields for ``writer().write`` as ``inference/recording.py`` builds them: a request record,
    then its response record, for one simulated /v1 chat completion after another.

    ``content`` is the application's ``audit_content`` mode; what is kept of the prompt and the
    answer is made by ``inference.recording`` itself. Build it after Django is set up.
    """

    def __init__(self, *, content: str, seed: int) -> None:
        from inference import recording

        self.request_content = recording.request_content
        self.response_content = recording.response_content
        self.rng = random.Random(seed)
        self.content = content
        rng = self.rng
        # A pool of ~1 KB texts, made once: generating text is not what is measured.
        self.texts = [" ".join(rng.choice(_WORDS) for _ in range(160))[:1000] for _ in range(64)]
        self.keys = {app: (f"{rng.randrange(36**8):08x}", 10 + app) for app in _APPLICATIONS}

    def exchange(self) -> tuple[dict[str, Any], dict[str, Any]]:
        rng = self.rng
        app = rng.choice(_APPLICATIONS)
        prefix, key_id = self.keys[app]
        model, backend, version, version_id = rng.choice(_MODELS)
        user = f"user-{app}-{rng.randrange(_SUBJECTS)}" if rng.random() < 0.5 else None
        stream = rng.random() < 0.3
        params: dict[str, Any] = {"max_tokens": 512, "temperature": 0.2, "stream": stream}
        body: dict[str, Any] = {
            "model": model,
            "messages": [
                {"role": "system", "content": "You are a helpful billing assistant."},
                {"role": "user", "content": rng.choice(self.texts)},
            ],
            **params,
        }
        if user:
            body["user"] = user
        base: dict[str, Any] = {
            "request_id": f"req_{secrets.token_hex(16)}",
            "application_id": app,
            "target": ("api_key", prefix),
            "subject_id": user,
        }
        request_meta = {
            "endpoint": "chat/completions",
            "model": model,
            "route": "local",
            "source_ip": f"10.20.{app}.{rng.randrange(2, 250)}",
            "key_id": key_id,
            "params": params,
            "response_format": None,
        }
        prompt_tokens, completion_tokens = rng.randrange(40, 400), rng.randrange(10, 512)
        response_meta = {
            "endpoint": "chat/completions",
            "model": model,
            "route": "local",
            "status": 200,
            "error": None,
            "latency_ms": round(rng.uniform(80, 4000), 2),
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
            "backend": backend,
            "model_version": version,
            "model_version_id": version_id,
            "stream": stream,
        }
        answer = [rng.choice(self.texts)]
        request = {
            "event": "inference.request",
            **base,
            "meta": request_meta,
            "content": self.request_content(self.content, "chat/completions", body),
        }
        response = {
            "event": "inference.response",
            **base,
            "meta": response_meta,
            "content": self.response_content(self.content, answer, ["stop"]),
        }
        return request, response

    def records(self) -> Iterator[dict[str, Any]]:
        """Request, response, request, response, ... forever."""
        while True:
            request, response = self.exchange()
            yield request
            yield response


# --- Environment, database and Django ---


# Settings of the audit log that may be tuned from the environment for a run; every other
# AIRLOCK_* variable is dropped, so an operator's keys, data folder or profile are never used.
TUNABLE = ("AIRLOCK_AUDIT_SEAL_DELAY", "AIRLOCK_AUDIT_CHECKPOINT_RECORDS", "AIRLOCK_AUDIT_CHECKPOINT_SECONDS")


def bench_env(database_url: str, data_dir: Path) -> dict[str, str]:
    """The environment of every process of the run: this database, private keys and witness."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k in TUNABLE
        or not k.startswith(("AIRLOCK_", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "appliance.settings",
            "AIRLOCK_PROFILE": "embedded",
            "AIRLOCK_DATA_DIR": str(data_dir),
            "AIRLOCK_LOG_LEVEL": "WARNING",
            "AIRLOCK_AUDIT_WITNESS_SYSLOG": "false",
            "AIRLOCK_TASKS_EAGER": "true",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def django_setup() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")
    django.setup()


class Database:
    """A fresh PostgreSQL database on the admin connection's server (dropped on close), or a
    temporary SQLite file."""

    def __init__(self, admin_url: str, data_dir: Path) -> None:
        self.admin_url = admin_url
        self.sqlite = admin_url == "sqlite"
        self.name = "" if self.sqlite else f"airlock_bench_{secrets.token_hex(4)}"
        self.url = ""
        self.created = False
        self.data_dir = data_dir

    @property
    def engine(self) -> str:
        return "sqlite" if self.sqlite else "postgresql"

    def create(self) -> None:
        if self.sqlite:
            self.url = ""  # the embedded profile's SQLite settings (WAL, IMMEDIATE) in data_dir
            return
        parts = urlsplit(self.admin_url)
        if parts.scheme not in {"postgres", "postgresql"}:
            raise SystemExit(
                f"--database-url must be a postgresql:// admin URL or 'sqlite', not {parts.scheme}"
            )
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.created = True
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))

    def describe(self) -> str:
        if self.sqlite:
            return f"SQLite file {self.data_dir / 'airlock.sqlite3'}"
        parts = urlsplit(self.url)
        return f"PostgreSQL database {self.name} on {parts.hostname}:{parts.port or 5432}"

    def drop(self) -> None:
        if not self.created:
            return
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.created = False


def migrate(env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity", "0", "--no-input"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"migrate failed:\n{done.stdout}\n{done.stderr}")


def reset_log() -> None:
    """An empty log (records, checkpoints, tree state, witness); data keys are kept."""
    from django.conf import settings
    from django.db import connection

    from audit.models import AuditRecord, Checkpoint, TreeState

    tables = [m._meta.db_table for m in (AuditRecord, Checkpoint, TreeState)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - our table names
    with contextlib.suppress(FileNotFoundError):
        Path(settings.AIRLOCK_AUDIT_WITNESS_FILE).unlink()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tables)}")


def tree_size() -> int:
    from audit.models import TreeState

    state = TreeState.objects.filter(pk=1).first()
    return int(state.size) if state else 0


def unsealed() -> int:
    from audit.models import AuditRecord

    return AuditRecord.objects.filter(seq__isnull=True).count()


def committed_so_far() -> int:
    """Cheap while writers run: the highest id (ids restart at 1 with every configuration)."""
    from django.db.models import Max

    from audit.models import AuditRecord

    return int(AuditRecord.objects.aggregate(top=Max("id"))["top"] or 0)


def seal_until_caught_up(deadline: float) -> int:
    """Seal until nothing committed is left unsealed; returns how many this call sealed."""
    from audit import sequencer

    sealed = 0
    while True:
        sealed += sequencer.seal()
        if unsealed() == 0:
            return sealed
        if time.monotonic() > deadline:
            raise TimeoutError("sealing did not catch up in time")
        time.sleep(0.005)  # another process's sealer holds the tree state: let it finish


# --- The write benchmark: one worker process ---


@dataclass
class WorkerOutcome:
    index: int
    started: float = 0.0  # time.monotonic(): the same clock in every process on Linux
    ended: float = 0.0
    writes: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    latencies: bytes = b""  # array("d") of milliseconds
    fatal: str = ""


async def _write_loop(
    traffic: Iterator[dict[str, Any]], deadline: float, latencies: array[float] | None, outcome: WorkerOutcome
) -> None:
    from audit.log import AuditUnavailable, writer

    perf = time.perf_counter
    while time.monotonic() < deadline:
        fields = next(traffic)  # built before the clock starts, as the gateway builds its fields
        event = fields.pop("event")
        began = perf()
        try:
            await writer().write(event, **fields)
        except AuditUnavailable as exc:
            outcome.errors += 1
            if len(outcome.error_samples) < 5:
                outcome.error_samples.append(f"AuditUnavailable: {exc}")
            await asyncio.sleep(0.01)
            continue
        except Exception as exc:
            outcome.errors += 1
            if len(outcome.error_samples) < 5:
                outcome.error_samples.append(repr(exc))
            await asyncio.sleep(0.01)
            continue
        if latencies is not None:
            latencies.append((perf() - began) * 1000.0)
            outcome.writes += 1


async def _write_phase(
    index: int, writers: int, content: str, seconds: float, warmup: float, ready: Barrier, go: Barrier
) -> WorkerOutcome:
    from audit import log as audit_log
    from audit import sequencer

    outcome = WorkerOutcome(index)
    streams = [Traffic(content=content, seed=index * 1000 + w).records() for w in range(writers)]
    # Warm-up: connections open, data keys made and cached, code paths hot. Not counted.
    if warmup > 0:
        deadline = time.monotonic() + warmup
        await asyncio.gather(*(_write_loop(s, deadline, None, outcome) for s in streams))
    sequencer.wait_idle(timeout=SETUP_TIMEOUT)
    outcome.error_samples = [f"during the warm-up: {sample}" for sample in outcome.error_samples]
    ready.wait(timeout=SETUP_TIMEOUT)  # every process is warm; the conductor seals the warm-up
    go.wait(timeout=SETUP_TIMEOUT)  # everyone starts together
    latencies: list[array[float]] = [array("d") for _ in streams]
    outcome.started = time.monotonic()
    deadline = outcome.started + seconds
    await asyncio.gather(
        *(_write_loop(s, deadline, lat, outcome) for s, lat in zip(streams, latencies, strict=True))
    )
    outcome.ended = time.monotonic()
    # The worker is done writing: its writer thread finishes what it is doing (a seal, perhaps)
    # and closes its connection, as a gateway worker does when it shuts down.
    await audit_log.close()
    merged = array("d")
    for lat in latencies:
        merged.extend(lat)
    outcome.latencies = merged.tobytes()
    return outcome


def writer_process(
    index: int,
    writers: int,
    content: str,
    seconds: float,
    warmup: float,
    ready: Barrier,
    go: Barrier,
    results: mp.Queue[WorkerOutcome],
) -> None:
    """One gateway-like worker: its own Django, event loop and Writer (which seals as in production)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the conductor stops us on Ctrl-C
    try:
        django_setup()
        outcome = asyncio.run(_write_phase(index, writers, content, seconds, warmup, ready, go))
    except BaseException as exc:
        for barrier in (ready, go):
            barrier.abort()
        results.put(WorkerOutcome(index, fatal=repr(exc)))
        raise
    results.put(outcome)
    from django.db import connections

    from audit import sequencer

    # Records are committed; let this process's sealer finish what it started, like a worker
    # shutting down in an orderly way.
    sequencer.wait_idle(timeout=CATCH_UP_TIMEOUT)
    connections.close_all()


# --- The write benchmark: the conductor ---


@dataclass
class WriteResult:
    processes: int
    writers: int
    content: str
    records: int = 0
    write_seconds: float = 0.0
    committed_per_s: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    backlog_at_end: int = 0
    catch_up_seconds: float = 0.0
    sealed: int = 0
    sealed_per_s: float = 0.0
    checkpoints: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted values."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


_live: list[SpawnProcess] = []


def stop_children(grace: float = 5.0) -> None:
    for proc in _live:
        if proc.is_alive():
            proc.terminate()
    for proc in _live:
        proc.join(grace)
        if proc.is_alive():
            proc.kill()
            proc.join(grace)
    _live.clear()


def run_write(
    ctx: SpawnContext, processes: int, writers: int, content: str, args: argparse.Namespace
) -> WriteResult:
    from audit.models import Checkpoint

    result = WriteResult(processes, writers, content)
    reset_log()
    ready, go = ctx.Barrier(processes + 1), ctx.Barrier(processes + 1)
    results: mp.Queue[WorkerOutcome] = ctx.Queue()
    procs = [
        ctx.Process(
            target=writer_process,
            args=(i, writers, content, args.seconds, args.warmup, ready, go, results),
            name=f"audit-bench-{i}",
        )
        for i in range(processes)
    ]
    for proc in procs:
        proc.start()
        _live.append(proc)
    try:
        ready.wait(timeout=SETUP_TIMEOUT)
    except Exception:
        raise RuntimeError(f"a worker failed to start: {_drain_fatal(results)}") from None
    seal_until_caught_up(time.monotonic() + CATCH_UP_TIMEOUT)  # the warm-up's records
    size0, checkpoints0 = tree_size(), Checkpoint.objects.count()
    id0 = committed_so_far()
    go.wait(timeout=SETUP_TIMEOUT)
    outcomes: list[WorkerOutcome] = []
    started = time.monotonic()
    next_report = started + args.report_every
    while len(outcomes) < processes:
        with contextlib.suppress(queue.Empty):
            outcomes.append(results.get(timeout=0.5))
        now = time.monotonic()
        if now > started + args.seconds + SETUP_TIMEOUT:
            raise TimeoutError("the writers did not finish in time")
        if now >= next_report and len(outcomes) < processes:
            progress(
                f"    t={now - started:4.1f}s  committed ~{committed_so_far() - id0:,}  "
                f"sealed {tree_size() - size0:,}"
            )
            next_report += args.report_every
    fatal = [o.fatal for o in outcomes if o.fatal]
    if fatal:
        raise RuntimeError(f"a worker failed: {fatal[0]}")
    write_end = max(o.ended for o in outcomes)
    begin = min(o.started for o in outcomes)
    result.backlog_at_end = unsealed()
    seal_until_caught_up(time.monotonic() + CATCH_UP_TIMEOUT)
    caught_up = time.monotonic()
    for proc in procs:
        proc.join(CATCH_UP_TIMEOUT)
        if proc.exitcode != 0:
            result.errors += 1
            result.error_samples.append(f"worker {proc.name} exited with {proc.exitcode}")
    _live.clear()

    merged = array("d")
    for o in outcomes:
        merged.frombytes(o.latencies)
        result.errors += o.errors
        result.error_samples.extend(o.error_samples)
    latencies = sorted(merged)
    result.records = len(latencies)
    result.write_seconds = write_end - begin
    result.committed_per_s = result.records / result.write_seconds
    result.p50_ms = percentile(latencies, 0.50)
    result.p99_ms = percentile(latencies, 0.99)
    result.max_ms = latencies[-1] if latencies else math.nan
    result.catch_up_seconds = max(0.0, caught_up - write_end)
    result.sealed = tree_size() - size0
    result.sealed_per_s = result.sealed / (caught_up - begin)
    result.checkpoints = Checkpoint.objects.count() - checkpoints0
    return result


def _drain_fatal(results: mp.Queue[WorkerOutcome]) -> str:
    with contextlib.suppress(queue.Empty):
        while True:
            outcome = results.get(timeout=1.0)
            if outcome.fatal:
                return outcome.fatal
    return "(no error reported; see above)"


# --- The verify benchmark ---


@dataclass
class VerifyFigures:
    records: int = 0
    content: str = ""
    build_seconds: float = 0.0
    prepare_seconds: float = 0.0
    insert_seconds: float = 0.0
    seal_seconds: float = 0.0
    seal_per_s: float = 0.0
    vacuum_seconds: float = 0.0
    checkpoints: int = 0
    verify_seconds: list[float] = field(default_factory=list)
    verify_per_s: float = 0.0
    verify_message: str = ""
    verify_ok: bool = False
    bundle_records: int = 0
    bundle_export_seconds: float = 0.0
    bundle_bytes: int = 0
    bundle_verify_seconds: float = 0.0
    bundle_verify_per_s: float = 0.0
    bundle_ok: bool | None = None
    bundle_message: str = ""


def bulk_insert(rows: list[Any]) -> None:
    """Commit prepared records in one transaction: COPY on PostgreSQL (four times faster than
    ``bulk_create``'s INSERTs), ``bulk_create`` elsewhere. Only the loading differs from the
    Writer: the rows are ``audit.log.prepare``'s, and sealing is the sequencer's."""
    from django.db import connection, transaction

    from audit.models import AuditRecord

    with transaction.atomic():
        if connection.vendor != "postgresql":
            AuditRecord.objects.bulk_create(rows, batch_size=2000)
            return
        fields = [f for f in AuditRecord._meta.concrete_fields if not f.primary_key]
        table = connection.ops.quote_name(AuditRecord._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        connection.ensure_connection()
        with (
            connection.connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row([f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields])


def build_verify_log(records: int, content: str, figures: VerifyFigures) -> None:
    """``records`` realistic records, committed 10,000 at a time and sealed after each commit."""
    from django.db import connection

    from audit import sequencer
    from audit.log import prepare
    from audit.models import AuditRecord, Checkpoint

    reset_log()
    traffic = Traffic(content=content, seed=7).records()
    started = time.perf_counter()
    written = 0
    while written < records:
        chunk = min(VERIFY_CHUNK, records - written)
        began = time.perf_counter()
        rows = [prepare(**next(traffic)) for _ in range(chunk)]
        figures.prepare_seconds += time.perf_counter() - began
        began = time.perf_counter()
        bulk_insert(rows)
        figures.insert_seconds += time.perf_counter() - began
        began = time.perf_counter()
        sequencer.seal()
        figures.seal_seconds += time.perf_counter() - began
        written += chunk
        if written % 50_000 == 0 or written == records:
            progress(f"    built {written:,}/{records:,} records")
    figures.build_seconds = time.perf_counter() - started
    figures.seal_per_s = records / figures.seal_seconds if figures.seal_seconds else math.nan
    figures.checkpoints = Checkpoint.objects.count()
    if connection.vendor == "postgresql":
        # Sealing left a dead row version behind every record; autovacuum clears them in a
        # live log long before anyone verifies it, so verification is timed on a vacuumed table.
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(AuditRecord._meta.db_table)}")
        figures.vacuum_seconds = time.perf_counter() - began
    if tree_size() != records or unsealed():
        raise RuntimeError(f"the verify log has {tree_size()} sealed and {unsealed()} unsealed records")


def run_verify(args: argparse.Namespace) -> VerifyFigures:
    from audit.verify import verify_log

    figures = VerifyFigures(records=args.verify_records, content=args.verify_content)
    progress(f"verify: building a log of {args.verify_records:,} records (content {args.verify_content})")
    build_verify_log(args.verify_records, args.verify_content, figures)
    progress(
        f"    built in {figures.build_seconds:.1f} s (prepare {figures.prepare_seconds:.1f} s, insert "
        f"{figures.insert_seconds:.1f} s, seal {figures.seal_seconds:.1f} s = {figures.seal_per_s:,.0f} "
        f"records/s), {figures.checkpoints} checkpoints; VACUUM took {figures.vacuum_seconds:.1f} s"
    )
    for run in range(args.verify_runs):
        began = time.perf_counter()
        outcome = verify_log()
        elapsed = time.perf_counter() - began
        figures.verify_seconds.append(elapsed)
        figures.verify_ok = outcome.ok and outcome.records == args.verify_records
        figures.verify_message = outcome.message
        progress(
            f"    verify_log() run {run + 1}: {elapsed:.2f} s, {outcome.records / elapsed:,.0f} records/s — "
            f"{outcome.message}"
        )
        if not figures.verify_ok:
            break
    figures.verify_per_s = args.verify_records / median(figures.verify_seconds)
    if args.bundle and args.bundle_records > 0:
        run_bundle(args, figures)
    return figures


def run_bundle(args: argparse.Namespace, figures: VerifyFigures) -> None:
    """Export the first ``--bundle-records`` records as an evidence bundle; time ``verify.py`` on it."""
    from django.conf import settings

    from audit import verifier
    from audit.export import BundleRequest, ExportQuery, build_bundle
    from audit.models import AuditRecord

    last = min(args.bundle_records, args.verify_records) - 1
    first_row = AuditRecord.objects.get(seq=0)
    last_row = AuditRecord.objects.get(seq=last)
    query = ExportQuery(first_row.created_at, last_row.created_at + dt.timedelta(microseconds=1))
    destination = Path(settings.DATA_DIR) / "bench-bundle.zip"
    progress(f"bundle: exporting seq 0..{last:,} and verifying it with verify.py")
    began = time.perf_counter()
    info = build_bundle(BundleRequest(query=query, destination=destination, created_by="bench"))
    figures.bundle_export_seconds = time.perf_counter() - began
    figures.bundle_records = info.record_count
    figures.bundle_bytes = info.size_bytes
    began = time.perf_counter()
    report = verifier.verify_bundle(destination)
    figures.bundle_verify_seconds = time.perf_counter() - began
    figures.bundle_verify_per_s = info.record_count / figures.bundle_verify_seconds
    figures.bundle_ok = report.ok
    figures.bundle_message = report.message
    destination.unlink()
    progress(
        f"    exported {info.record_count:,} records ({info.size_bytes / 1e6:.1f} MB) in "
        f"{figures.bundle_export_seconds:.1f} s; verify.py {figures.bundle_verify_seconds:.2f} s, "
        f"{figures.bundle_verify_per_s:,.0f} records/s — {report.message}"
    )


# --- Report ---


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}"


def table(rows: list[WriteResult]) -> str:
    header = (
        f"{'proc':>4} {'writers':>7} {'content':>7} | {'records':>8} {'committed/s':>11} | "
        f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} | {'backlog':>7} {'catch-up s':>10} "
        f"{'sealed/s':>9} {'ckpts':>5} | errors"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r.processes:>4} {r.writers:>7} {r.content:>7} | {r.records:>8,} {r.committed_per_s:>11,.0f} | "
            f"{_ms(r.p50_ms):>7} {_ms(r.p99_ms):>7} {_ms(r.max_ms):>7} | {r.backlog_at_end:>7,} "
            f"{r.catch_up_seconds:>10.2f} {r.sealed_per_s:>9,.0f} {r.checkpoints:>5} | "
            + (f"{r.errors} ERRORS" if r.errors else "0")
        )
    return "\n".join(lines)


@dataclass
class Verdict:
    lines: list[str]
    met: bool
    errors: bool


def verdict(engine: str, rows: list[WriteResult], verify: VerifyFigures | None) -> Verdict:
    lines: list[str] = []
    met = True
    concurrent = [r for r in rows if r.writers >= CONCURRENT_WRITERS]
    if concurrent:
        worst = min(concurrent, key=lambda r: r.sealed_per_s)
        ok = worst.sealed_per_s >= TARGET_SEALED_PER_S
        met &= ok
        lines.append(
            f"{'met   ' if ok else 'MISSED'} sealed records/s ≥ {TARGET_SEALED_PER_S:,.0f} with "
            f"≥ {CONCURRENT_WRITERS} writers: lowest {worst.sealed_per_s:,.0f}/s "
            f"(P={worst.processes}, W={worst.writers}, {worst.content}); "
            f"highest {max(r.sealed_per_s for r in concurrent):,.0f}/s"
        )
    else:
        lines.append(f"n/a    sealed records/s: no configuration with ≥ {CONCURRENT_WRITERS} writers was run")
    single = [r for r in rows if r.writers == 1]
    if single:
        worst = max(single, key=lambda r: r.p99_ms)
        ok = worst.p99_ms <= TARGET_P99_MS
        met &= ok
        lines.append(
            f"{'met   ' if ok else 'MISSED'} write p99 ≤ {TARGET_P99_MS:g} ms at one writer per process: "
            f"highest {worst.p99_ms:.2f} ms (P={worst.processes}, {worst.content})"
        )
    else:
        lines.append("n/a    write p99: no configuration with one writer per process was run")
    if verify is not None:
        ok = verify.verify_ok and verify.verify_per_s >= TARGET_VERIFY_PER_S
        met &= ok
        lines.append(
            f"{'met   ' if ok else 'MISSED'} verify ≥ {TARGET_VERIFY_PER_S:,.0f} records/s: "
            f"{verify.verify_per_s:,.0f} records/s over {verify.records:,} records (content {verify.content})"
            + ("" if verify.verify_ok else f" — VERIFICATION FAILED: {verify.verify_message}")
        )
        if verify.bundle_ok is False:
            lines.append(f"ERRORS: the exported bundle did not verify: {verify.bundle_message}")
    errors = sum(r.errors for r in rows)
    if errors:
        lines.append(f"ERRORS: {errors} write(s) failed (AuditUnavailable or worse): THIS RUN IS NOT VALID")
    if engine != "postgresql":
        lines.append(f"note: the targets are stated for PostgreSQL; this run used {engine} (for comparison)")
    failed = verify is not None and (not verify.verify_ok or verify.bundle_ok is False)
    return Verdict(lines, met, bool(errors) or failed)


def git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def audit_settings() -> dict[str, Any]:
    """How the audit log was set up for the run (sealing cadence, checkpoints, batching)."""
    from django.conf import settings

    from audit import log as audit_log
    from audit import sequencer

    return {
        "seal_delay_s": getattr(settings, "AIRLOCK_AUDIT_SEAL_DELAY", None),
        "checkpoint_records": settings.AIRLOCK_AUDIT_CHECKPOINT_RECORDS,
        "checkpoint_seconds": settings.AIRLOCK_AUDIT_CHECKPOINT_SECONDS,
        "writer_max_batch": getattr(audit_log.Writer, "MAX_BATCH", None),
        "writer_seal_every": getattr(audit_log.Writer, "SEAL_EVERY", None),
        "sealer_batch": sequencer.BATCH,
    }


# --- Main ---


def int_list(text: str) -> list[int]:
    values = [int(part) for part in text.split(",") if part.strip()]
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give positive whole numbers, comma-separated")
    return values


def content_list(text: str) -> list[str]:
    values = [part.strip() for part in text.split(",") if part.strip()]
    if not values or set(values) - set(CONTENT_MODES):
        raise argparse.ArgumentTypeError(f"{text!r}: give {', '.join(CONTENT_MODES)}, comma-separated")
    return values


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Audit log throughput: sealed records/s, write latency, verification speed.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--database-url",
        default=ADMIN_URL,
        help="PostgreSQL admin connection (a fresh database is created and dropped there), or 'sqlite'",
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each write phase")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds before each write phase")
    parser.add_argument("--writers", type=int_list, default=[1, 16, 64], help="coroutines per process")
    parser.add_argument("--processes", type=int_list, default=[1, 2], help="worker processes")
    parser.add_argument(
        "--content", type=content_list, default=["none", "full"], help="audit_content modes of the writers"
    )
    parser.add_argument(
        "--verify-records", type=int, default=200_000, help="size of the verify log (0: skip)"
    )
    parser.add_argument(
        "--verify-content", choices=CONTENT_MODES, default="full", help="audit_content of the verify log"
    )
    parser.add_argument("--verify-runs", type=int, default=3, help="verify_log() runs; the median counts")
    parser.add_argument("--bundle", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--bundle-records", type=int, default=50_000, help="records in the exported bundle")
    parser.add_argument("--report-every", type=float, default=5.0, help="seconds between progress lines")
    parser.add_argument("--skip-write", action="store_true", help="only the verify benchmark")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.verify_runs < 1:
        parser.error("--seconds must be positive and --verify-runs at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_on_signal)
    data_dir = Path(tempfile.mkdtemp(prefix="airlock-audit-bench-"))
    database = Database(args.database_url, data_dir)
    rows: list[WriteResult] = []
    verify: VerifyFigures | None = None
    version = ""
    tuning: dict[str, Any] = {}
    started = time.monotonic()
    try:
        database.create()
        env = bench_env(database.url, data_dir)
        os.environ.clear()
        os.environ.update(env)  # inherited by every worker process
        progress(f"database: {database.describe()}; data folder {data_dir}")
        migrate(env)
        django_setup()
        version = server_version()
        tuning = audit_settings()
        progress(f"migrated ({version}); {', '.join(f'{k} {v}' for k, v in tuning.items())}")
        ctx = mp.get_context("spawn")
        if not args.skip_write:
            for content in args.content:
                for processes in args.processes:
                    for writers in args.writers:
                        progress(
                            f"write: {processes} process(es), {writers} writer(s) each, content {content}, "
                            f"{args.seconds:g} s"
                        )
                        row = run_write(ctx, processes, writers, content, args)
                        rows.append(row)
                        progress(
                            f"    {row.records:,} records, {row.committed_per_s:,.0f} committed/s, p50 "
                            f"{row.p50_ms:.2f} ms, p99 {row.p99_ms:.2f} ms; backlog {row.backlog_at_end:,} "
                            f"caught up in {row.catch_up_seconds:.2f} s → {row.sealed_per_s:,.0f} sealed/s"
                            + (f"; {row.errors} ERRORS: {row.error_samples[:2]}" if row.errors else "")
                        )
        if args.verify_records > 0:
            verify = run_verify(args)
    except KeyboardInterrupt:
        progress("interrupted: cleaning up")
        return 2
    except Exception as exc:
        progress(f"FAILED: {exc!r}")
        import traceback

        traceback.print_exc()
        return 2
    finally:
        stop_children()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        try:
            database.drop()
        except Exception as exc:
            progress(f"could not drop database {database.name}: {exc!r} — drop it by hand")
        shutil.rmtree(data_dir, ignore_errors=True)

    elapsed = time.monotonic() - started
    print()
    print(f"Audit log throughput — {version}, {os.cpu_count()} CPU(s), Python {platform.python_version()}")
    if tuning:
        print(f"audit settings: {', '.join(f'{k} {v}' for k, v in tuning.items())}")
    if rows:
        print(table(rows))
    if verify is not None:
        print()
        print(
            f"verify_log(): {verify.records:,} records (content {verify.content}, {verify.checkpoints} "
            f"checkpoints): median {median(verify.verify_seconds):.2f} s of "
            f"{', '.join(f'{s:.2f}' for s in verify.verify_seconds)} → {verify.verify_per_s:,.0f} records/s; "
            f"{verify.verify_message}"
        )
        print(
            f"building it: {verify.build_seconds:.1f} s; seal() alone {verify.seal_seconds:.1f} s → "
            f"{verify.seal_per_s:,.0f} records/s (the sealer's capacity without concurrent writers)"
        )
        if verify.bundle_ok is not None:
            print(
                f"verify.py on a bundle of {verify.bundle_records:,} records: "
                f"{verify.bundle_verify_seconds:.2f} s → {verify.bundle_verify_per_s:,.0f} records/s; "
                f"{verify.bundle_message} "
                f"(export took {verify.bundle_export_seconds:.1f} s)"
            )
    result = verdict(database.engine, rows, verify)
    print()
    print("Verdict:")
    for line in result.lines:
        print(f"  {line}")
    print(f"(run took {elapsed:.0f} s)")

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"audit_throughput-{stamp}.json"
    payload = {
        "benchmark": "audit_throughput",
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "revision": git_revision(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "database": {"engine": database.engine, "server": version},
        "audit_settings": tuning,
        "arguments": {k: v for k, v in vars(args).items() if k != "database_url"},
        "targets": {
            "sealed_per_s": TARGET_SEALED_PER_S,
            "write_p99_ms": TARGET_P99_MS,
            "verify_per_s": TARGET_VERIFY_PER_S,
            "concurrent_writers": CONCURRENT_WRITERS,
        },
        "write": [asdict(r) for r in rows],
        "verify": asdict(verify) if verify is not None else None,
        "verdict": {"met": result.met, "errors": result.errors, "lines": result.lines},
        "seconds": round(elapsed, 1),
    }
    out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {out.relative_to(REPO)}")
    if result.errors:
        return 2
    return 0 if result.met else 1


if __name__ == "__main__":
    sys.exit(main())
