"""Prometheus metrics of the gateway: what the request path counts, and nothing else.

Two families: OpenTelemetry's GenAI semantic conventions (``gen_ai_*``, so dashboards built
for any GenAI server read Airlock too) and ``airlock_*``. What can be read from the database
(audit backlog, budgets, revocations) is computed when Prometheus scrapes
(``inference.metrics.exposition``); the request path only counts what only it sees, once per
request, in ``finished``.

Label values are bounded, never free text from a request: a model that is not registered is
``other``, an application is one of the applications table (a request without a valid key has
none), a target is a backend or provider of the registry, and paths and keys are never labels.
Several gunicorn workers write to one ``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's
multiprocess mode), which ``airlock serve`` creates empty at every start.

The request path does not write to prometheus_client itself: in multiprocess mode every
observation is a locked write to a memory-mapped file, 4-15 microseconds each on the machines
here, some 90 per request, several per cent of the gateway's throughput. It adds to a tally in
memory instead (a dictionary update), which is written out in one batch at most every
``FLUSH_SECONDS`` and before every scrape this worker answers.
"""

from __future__ import annotations

import asyncio
import bisect
import threading
import time
from typing import TYPE_CHECKING, Any

from django.conf import settings
from prometheus_client import Counter, Gauge, Histogram, disable_created_metrics

# No ``*_created`` series: they double every family and no rule or panel reads them.
disable_created_metrics()

if TYPE_CHECKING:
    from inference.views import Exchange

OTHER = "other"
NONE = "none"

# OpenTelemetry's recommended bucket boundaries for each GenAI instrument.
_TOKEN_BUCKETS = (1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864)
_DURATION_BUCKETS = (0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92)
_TTFT_BUCKETS = (0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
_TPOT_BUCKETS = (0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5)
_AUDIT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)

_GENAI = ("gen_ai_operation_name", "gen_ai_system", "gen_ai_request_model")

TOKEN_USAGE = Histogram(
    "gen_ai_client_token_usage",
    "Tokens used per request (OpenTelemetry gen_ai.client.token.usage; unit {token}), from the usage the "
    "backend reported, streamed answers included.",
    (*_GENAI, "gen_ai_token_type"),
    buckets=_TOKEN_BUCKETS,
)
CLIENT_DURATION = Histogram(
    "gen_ai_client_operation_duration",
    "Seconds from forwarding a request to its backend or provider to the end of its answer "
    "(OpenTelemetry gen_ai.client.operation.duration).",
    (*_GENAI, "error_type"),
    buckets=_DURATION_BUCKETS,
)
SERVER_DURATION = Histogram(
    "gen_ai_server_request_duration",
    "Seconds from receiving a request to the end of its answer "
    "(OpenTelemetry gen_ai.server.request.duration).",
    (*_GENAI, "error_type"),
    buckets=_DURATION_BUCKETS,
)
TTFT = Histogram(
    "gen_ai_server_time_to_first_token",
    "Seconds from receiving a request to its first answer token (OpenTelemetry "
    "gen_ai.server.time_to_first_token; a whole answer's first token arrives with the answer).",
    _GENAI,
    buckets=_TTFT_BUCKETS,
)
TPOT = Histogram(
    "gen_ai_server_time_per_output_token",
    "Seconds per output token after the first, of streamed answers (OpenTelemetry "
    "gen_ai.server.time_per_output_token).",
    _GENAI,
    buckets=_TPOT_BUCKETS,
)

REQUESTS = Counter(
    "airlock_requests",
    "Completion requests answered, by application, model, target (backend or provider) and status class.",
    ("application", "model", "target", "status_class"),
)
TOKENS = Counter(
    "airlock_tokens",
    "Tokens of answered requests, from the reported usage: direction is input or output.",
    ("application", "model", "direction"),
)
COST = Counter(
    "airlock_cost_usd",
    "Cost in US dollars charged to the ledger (egress at the provider's price; local at the cost model).",
    ("application", "model", "route"),
)
REFUSALS = Counter(
    "airlock_quota_refusals",
    "Requests refused by a quota or budget: reason is rate_limit_exceeded, budget_exceeded, "
    "application_suspended or price_unknown.",
    ("application", "reason"),
)
FALLBACKS = Counter(
    "airlock_fallbacks",
    "Requests that went on to another target (local or external) after the first one failed.",
    ("model",),
)
ROUTE_DECISIONS = Counter(
    "airlock_route_decisions",
    "Why a request's first target was chosen: default, local, external, complexity:light, "
    "complexity:heavy or canary (the canary's share of a model's traffic).",
    ("model", "choice"),
)
EGRESS = Counter(
    "airlock_egress_requests",
    "Requests on the egress path by provider and the gate's decision (allowed or refused).",
    ("provider", "decision"),
)
ENTITIES = Counter(
    "airlock_egress_redacted_entities",
    "Personal data found and protected before egress, by entity type (counts, never values).",
    ("provider", "entity_type"),
)
BREAKER = Gauge(
    "airlock_circuit_breaker_state",
    "A provider's circuit as the last request saw it: 0 closed, 1 half-open, 2 open (worst worker).",
    ("provider",),
    multiprocess_mode="livemax",
)
AUDIT_WRITE = Histogram(
    "airlock_audit_write_duration_seconds",
    "Seconds to commit one batch of audit records.",
    buckets=_AUDIT_BUCKETS,
)
AUDIT_FAILURES = Counter(
    "airlock_audit_write_failures",
    "Audit batches that could not be committed (their requests were refused).",
)
VALIDATION_FAILURES = Counter(
    "airlock_validation_failures",
    "Answers that failed output validation (quality.validation), by model, target (backend or "
    "provider) and problem: empty, schema, too_long, too_short, repetition or garbage.",
    ("model", "target", "problem"),
)
RUNAWAYS = Counter(
    "airlock_runaway_trips",
    "Applications suspended automatically by runaway protection, as it happened.",
)

_STATE = {"closed": 0, "half-open": 1, "open": 2}
_ROUTE_CHOICES = frozenset({"default", "local", "external", "complexity:light", "complexity:heavy", "canary"})
# OpenTelemetry's gen_ai.operation.name for each /v1 endpoint.
_OPERATIONS = {"chat/completions": "chat", "completions": "text_completion", "embeddings": "embeddings"}
_QUOTA_CODES = frozenset({"rate_limit_exceeded", "budget_exceeded", "application_suspended", "price_unknown"})


def enabled() -> bool:
    return bool(settings.AIRLOCK_METRICS)


_routing: Any = None


def _known_models() -> frozenset[str]:
    global _routing
    if _routing is None:
        from inference import routing  # not at import: routing imports the ORM's models

        _routing = routing
    current = _routing._cache.get("table")
    return current.models if current is not None else frozenset()


def model_label(model: str | None) -> str:
    """The model's name if it is registered, else ``other``: a label never grows from input."""
    if model and model in _known_models():
        return model
    return OTHER


def _application(exchange: Exchange) -> str:
    caller = exchange.caller
    return caller.application_name if caller is not None else NONE


def _status_class(status: int) -> str:
    return f"{status // 100}xx" if 100 <= status < 600 else "other"


def _usage_tokens(usage: dict[str, Any] | None) -> tuple[int, int] | None:
    if not usage:
        return None
    prompt = usage.get("prompt_tokens", usage.get("input_tokens"))
    completion = usage.get("completion_tokens", usage.get("output_tokens"))
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    return prompt, completion


FLUSH_SECONDS = 1.0


class Tally:
    """Counts and observations of this process not yet written to prometheus_client."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: dict[tuple[Any, tuple[str, ...]], float] = {}
        # (histogram, labels) -> [observations per bucket (not cumulative), sum]
        self.observed: dict[tuple[Any, tuple[str, ...]], list[Any]] = {}
        self.timer: asyncio.TimerHandle | None = None

    def count(self, metric: Any, labels: tuple[str, ...], amount: float = 1.0) -> None:
        key = (metric, labels)
        self.counts[key] = self.counts.get(key, 0.0) + amount

    def observe(self, metric: Any, labels: tuple[str, ...], amount: float) -> None:
        key = (metric, labels)
        found = self.observed.get(key)
        if found is None:
            found = self.observed[key] = [[0] * (len(metric._upper_bounds)), 0.0]
        found[0][bisect.bisect_left(metric._upper_bounds, amount)] += 1
        found[1] += amount

    def flush(self) -> None:
        """Write what was tallied to prometheus_client (its files, in multiprocess mode)."""
        with self.lock:
            counts, self.counts = self.counts, {}
            observed, self.observed = self.observed, {}
            self.timer = None
        for (metric, labels), amount in counts.items():
            (metric.labels(*labels) if labels else metric).inc(amount)
        for (metric, labels), (buckets, total) in observed.items():
            child = metric.labels(*labels) if labels else metric
            child._sum.inc(total)
            for index, n in enumerate(buckets):
                if n:
                    child._buckets[index].inc(n)

    def schedule(self) -> None:
        """Flush in ``FLUSH_SECONDS`` on this worker's event loop (once; the flush re-arms it)."""
        if self.timer is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (a management command, a test calling in directly): scrapes flush
        self.timer = loop.call_later(FLUSH_SECONDS, self.flush)


TALLY = Tally()


def flush() -> None:
    TALLY.flush()


def finished(exchange: Exchange) -> None:
    """Count one request that has ended (``Exchange.finish``), however it ended."""
    if exchange.metered or not settings.AIRLOCK_METRICS:
        return
    exchange.metered = True
    now = time.perf_counter()
    status = exchange.status
    model = model_label(exchange.model)
    app = _application(exchange)
    external = exchange.external
    target = exchange.target
    if external is not None:
        where, system = external.provider_name, external.kind
    elif target is not None:
        where, system = target.backend_name, "vllm"
    else:
        where, system = NONE, "airlock"
    operation = _OPERATIONS.get(exchange.endpoint, OTHER)
    error_type = "" if status == 200 else (str(status) if status else "aborted")
    genai = (operation, system, model)
    used = _usage_tokens(exchange.usage)
    tally = TALLY
    with tally.lock:
        tally.count(REQUESTS, (app, model, where, _status_class(status)))
        # A route's attempts (inference.views): more than one tried means a fallback fired;
        # an egress path's own retries are retries of one provider, not fallbacks.
        tried = sum(1 for a in exchange.route_attempts if not a["outcome"].startswith("skipped"))
        if tried > 1:
            tally.count(FALLBACKS, (model,))
        if exchange.route_choice in _ROUTE_CHOICES:
            tally.count(ROUTE_DECISIONS, (model, exchange.route_choice))
        tally.observe(SERVER_DURATION, (*genai, error_type), now - exchange.started)
        if exchange.forwarded:
            tally.observe(CLIENT_DURATION, (*genai, error_type), now - exchange.forwarded)
        if used is not None:
            prompt, completion = used
            tally.observe(TOKEN_USAGE, (*genai, "input"), prompt)
            tally.observe(TOKEN_USAGE, (*genai, "output"), completion)
            tally.count(TOKENS, (app, model, "input"), prompt)
            tally.count(TOKENS, (app, model, "output"), completion)
        if status == 200:
            first = exchange.first_token or now
            tally.observe(TTFT, genai, first - exchange.started)
            if exchange.first_token and used is not None and used[1] > 1:
                tally.observe(TPOT, genai, (now - first) / (used[1] - 1))
        report = exchange.egress
        if report is not None:
            provider = report.provider
            tally.count(EGRESS, (provider, report.decision.split(":", 1)[0]))
            for entity_type, count in report.counts.items():
                tally.count(ENTITIES, (provider, entity_type), count)
    tally.schedule()
    if external is not None:
        from inference.providers import resilience

        breaker = resilience._breakers.get(external.provider_id)
        state = breaker.state(external.breaker_cooldown_seconds) if breaker is not None else "closed"
        BREAKER.labels(external.provider_name).set(_STATE[state])


def refused(exchange: Exchange, code: str | None) -> None:
    """A request refused with ``code``: counted when a quota or budget refused it."""
    if settings.AIRLOCK_METRICS and code in _QUOTA_CODES:
        with TALLY.lock:
            TALLY.count(REFUSALS, (_application(exchange), code))
        TALLY.schedule()


def settled(exchange: Exchange, row: dict[str, Any]) -> None:
    """The ledger row of a settled request: its cost."""
    if not settings.AIRLOCK_METRICS:
        return
    cost = float(row.get("cost_usd") or 0)
    with TALLY.lock:
        TALLY.count(
            COST, (_application(exchange), model_label(exchange.model), row.get("route") or NONE), cost
        )
    TALLY.schedule()


def runaway_tripped() -> None:
    if settings.AIRLOCK_METRICS:
        RUNAWAYS.inc()


def audit_written(seconds: float, ok: bool) -> None:
    if not settings.AIRLOCK_METRICS:
        return
    with TALLY.lock:
        if ok:
            TALLY.observe(AUDIT_WRITE, (), seconds)
        else:
            TALLY.count(AUDIT_FAILURES, ())
    TALLY.schedule()
