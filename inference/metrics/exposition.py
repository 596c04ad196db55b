"""``GET /metrics``: the Prometheus text exposition, for the monitoring network only.

Served on the lean ASGI path (``appliance.asgi``), not through Django: a scrape every few
seconds must not cost a Django request. A client is answered when its address (as
``appliance.net`` resolves it, so a request relayed by nginx counts as its real client) is in
``AIRLOCK_METRICS_ALLOW``, or when it presents ``AIRLOCK_METRICS_TOKEN`` as a bearer token;
anyone else gets 403 and nothing about what is counted.

With several gunicorn workers every worker writes its own files in ``PROMETHEUS_MULTIPROC_DIR``
and the worker that answers the scrape adds them up (prometheus_client's multiprocess mode).
Figures read from the database are computed here, at scrape time, by ``StateCollector``: the
same on every gateway node (alert rules take their ``max``), cached for
``AIRLOCK_METRICS_CACHE_SECONDS`` so that several Prometheus servers cost one query each.
"""

from __future__ import annotations

import datetime as dt
import hmac
import ipaddress
import logging
import os
import threading
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from appliance import net
from appliance.server import SAFETY_HEADERS

log = logging.getLogger("airlock.metrics")

PATH = "/metrics"


@lru_cache(maxsize=4)
def _networks(values: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return net.parse_networks("AIRLOCK_METRICS_ALLOW", values)


def allowed(client_ip: str | None, authorization: str | None) -> bool:
    """Whether this client may read the metrics: from an allowed network, or with the token."""
    token = settings.AIRLOCK_METRICS_TOKEN
    if (
        token
        and authorization
        and authorization.startswith("Bearer ")
        and hmac.compare_digest(authorization[len("Bearer ") :].strip().encode(), token.encode())
    ):
        return True
    if not client_ip:
        return False
    try:
        address = ipaddress.ip_address(client_ip)
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(settings.AIRLOCK_METRICS_ALLOW)))


# --- Figures read from the database at scrape time ---


def _month_start(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _tls_expiry() -> float | None:
    path = settings.AIRLOCK_TLS_CERT_FILE
    if not path:
        return None
    from cryptography import x509

    try:
        certificate = x509.load_pem_x509_certificate(Path(path).read_bytes())
    except (OSError, ValueError):
        log.warning("cannot read the TLS certificate %s for its expiry", path)
        return None
    return certificate.not_valid_after_utc.timestamp()


def read_state() -> list[Metric]:
    """Every figure that lives in the database, as metric families (a handful of cheap queries)."""
    from audit.events import Event
    from audit.models import AuditRecord, Checkpoint, TreeState
    from inference.models import ApiKey, Application, Backend, Deployment
    from inference.quotas.models import Alert, GlobalEgressCap, QuotaPolicy, UsageRecord

    found: list[Metric] = []
    unsealed = GaugeMetricFamily(
        "airlock_audit_unsealed_records", "Committed audit records not yet sealed into the hash chain."
    )
    unsealed.add_metric([], AuditRecord.objects.filter(seq__isnull=True).count())
    found.append(unsealed)

    last = Checkpoint.objects.order_by("-size").values_list("created_at", "size").first()
    checkpoint = GaugeMetricFamily(
        "airlock_audit_last_checkpoint_timestamp_seconds",
        "When the newest signed checkpoint of the audit log was made (Unix time; 0: none yet).",
    )
    checkpoint.add_metric([], last[0].timestamp() if last else 0.0)
    signed = GaugeMetricFamily(
        "airlock_audit_checkpoint_size", "Records covered by the newest signed checkpoint."
    )
    signed.add_metric([], float(last[1]) if last else 0.0)
    sealed = GaugeMetricFamily("airlock_audit_sealed_records", "Records sealed into the hash chain.")
    sealed.add_metric([], float(TreeState.objects.values_list("size", flat=True).first() or 0))
    found += [checkpoint, signed, sealed]

    failures = 0
    verified = (
        AuditRecord.objects.filter(event=Event.AUDIT_VERIFIED).order_by("-id").values_list("body", flat=True)
    )
    for body in verified[:1000]:
        try:
            if orjson.loads(body).get("meta", {}).get("ok") is False:
                failures += 1
        except (orjson.JSONDecodeError, AttributeError):
            continue
    failed = CounterMetricFamily(
        "airlock_audit_verification_failures",
        "Verifications of the audit log that found a problem (of the last 1,000 runs).",
    )
    failed.add_metric([], failures)
    found.append(failed)

    revoked = CounterMetricFamily("airlock_key_revocations", "API keys revoked so far.")
    revoked.add_metric([], ApiKey.objects.filter(revoked_at__isnull=False).count())
    found.append(revoked)

    runaway = CounterMetricFamily(
        "airlock_runaway_suspensions", "Applications suspended automatically for a runaway, so far."
    )
    runaway.add_metric([], Alert.objects.filter(kind=Alert.Kind.RUNAWAY).count())
    found.append(runaway)

    backends = GaugeMetricFamily(
        "airlock_backend_up",
        "Whether the gateway's health check finds a backend healthy (1) or not (0).",
        labels=["backend"],
    )
    for name, healthy in Backend.objects.values_list("name", "is_healthy"):
        backends.add_metric([name], 1.0 if healthy else 0.0)
    found.append(backends)

    # A served version whose weights no longer match its SHA-256 manifest (inference.weights):
    # the deployment already left routing; this keeps the alert firing until the backend serves
    # verified weights again (a new start, checked) or is removed.
    weights = GaugeMetricFamily(
        "airlock_deployment_weights_ok",
        "Whether the last check of a deployment's weights matched the version's manifest (1) or not (0).",
        labels=["backend", "model"],
    )
    checked = (
        Deployment.objects.filter(weights_checked_at__isnull=False)
        .exclude(is_active=False, weights_problem="")
        .values_list("backend__name", "model_version__model__name", "weights_problem")
    )
    for backend_name, model_name, problem in checked:
        weights.add_metric([backend_name, model_name], 0.0 if problem else 1.0)
    found.append(weights)

    # Budgets: this month's egress spending against each monthly budget (applications, and the
    # appliance's global cap as application "_global").
    since = _month_start(timezone.now())
    spent_by_app = dict(
        UsageRecord.objects.filter(created_at__gte=since, route=UsageRecord.Route.EGRESS)
        .values_list("application_id")
        .annotate(total=Sum("cost_usd"))
        .values_list("application_id", "total")
    )
    names = dict(Application.objects.values_list("id", "name"))
    budget = GaugeMetricFamily(
        "airlock_budget_usd", "Monthly egress budget in US dollars.", labels=["application"]
    )
    spent = GaugeMetricFamily(
        "airlock_budget_spent_usd",
        "Egress spending this calendar month (UTC), in US dollars.",
        labels=["application"],
    )
    remaining = GaugeMetricFamily(
        "airlock_budget_remaining_usd",
        "What is left of the monthly egress budget, in US dollars.",
        labels=["application"],
    )
    policies = QuotaPolicy.objects.filter(api_key__isnull=True, budget_usd_per_month__isnull=False)
    for app_id, limit in policies.values_list("application_id", "budget_usd_per_month"):
        if app_id not in names or limit is None:
            continue
        used = float(spent_by_app.get(app_id) or 0)
        budget.add_metric([names[app_id]], float(limit))
        spent.add_metric([names[app_id]], used)
        remaining.add_metric([names[app_id]], float(limit) - used)
    cap = GlobalEgressCap.objects.filter(pk=1).values_list("budget_usd_per_month", flat=True).first()
    if cap is not None:
        used = float(sum(float(v or 0) for v in spent_by_app.values()))
        budget.add_metric(["_global"], float(cap))
        spent.add_metric(["_global"], used)
        remaining.add_metric(["_global"], float(cap) - used)
    found += [budget, spent, remaining]

    from quality.metrics import read_state as quality_state

    found += quality_state()

    expiry = _tls_expiry()
    if expiry is not None:
        tls = GaugeMetricFamily(
            "airlock_tls_certificate_expiry_timestamp_seconds",
            "When the TLS certificate in AIRLOCK_TLS_CERT_FILE expires (Unix time).",
        )
        tls.add_metric([], expiry)
        found.append(tls)
    return found


class StateCollector(Collector):
    """The database's figures, cached for ``AIRLOCK_METRICS_CACHE_SECONDS``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._at = 0.0
        self._cached: list[Metric] = []

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            now = time.monotonic()
            if not self._cached or now - self._at >= settings.AIRLOCK_METRICS_CACHE_SECONDS:
                try:
                    self._cached = read_state()
                except Exception:
                    # A scrape still shows the request path's figures; the missing families
                    # (and the alert on absent audit figures) say the rest.
                    log.exception("could not read the appliance's state for /metrics")
                    self._cached = []
                self._at = now
            yield from self._cached

    def clear(self) -> None:
        with self._lock:
            self._cached, self._at = [], 0.0


STATE = StateCollector()


@lru_cache(maxsize=1)
def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = REGISTRY  # one process (tests, `runserver`): its own metrics
    registry.register(STATE)
    return registry


def render() -> bytes:
    from django.db import close_old_connections

    from inference import metrics

    metrics.flush()  # this worker's tally; the other workers flush theirs every second
    close_old_connections()
    return generate_latest(_registry())


async def handle(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """One request for ``/metrics`` (any method but GET or HEAD is refused)."""
    authorization = None
    for name, value in scope["headers"]:
        if name == b"authorization":
            authorization = value.decode("latin-1")
            break
    if not settings.AIRLOCK_METRICS:
        status, content_type, body = 404, b"text/plain; charset=utf-8", b"Metrics are turned off.\n"
    elif not allowed(net.client_ip_of_scope(scope), authorization):
        status, content_type, body = 403, b"text/plain; charset=utf-8", b"Forbidden.\n"
    elif scope["method"] not in ("GET", "HEAD"):
        status, content_type, body = 405, b"text/plain; charset=utf-8", b"Use GET.\n"
    else:
        body = await sync_to_async(render, thread_sensitive=True)()
        status, content_type = 200, CONTENT_TYPE_LATEST.encode()
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *SAFETY_HEADERS]
    if status == 405:
        headers.append((b"allow", b"GET"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
