"""Rebuild ledger rows lost in a crash from the audit log.

Every forwarded /v1 request has an ``inference.response`` audit record, committed before its
answer was released (fail-closed), holding its application, key, model, route, status, usage
and latency in the record's metadata (never encrypted). A ledger row is only queued after the
answer (``ledger``), so a worker that dies may take a second's worth of queued rows with it;
this finds responses with no ledger row and writes the row, costed at today's prices.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from audit.events import Event
from audit.models import AuditRecord
from inference.models import ApiKey
from inference.quotas.config import load_pricing
from inference.quotas.cost import request_costs
from inference.quotas.models import UsageRecord

log = logging.getLogger("airlock.quotas")

CHUNK = 1000


def _over_reported(request_ids: list[str]) -> dict[str, dict[str, Any]]:
    """What was charged for requests whose backend reported more than they reserved
    (``usage.over_reservation`` records): the ledger keeps the charge, not the report."""
    found: dict[str, dict[str, Any]] = {}
    records = AuditRecord.objects.filter(event=Event.USAGE_OVER_RESERVATION, request_id__in=request_ids)
    for request_id, raw in records.values_list("request_id", "body"):
        try:
            meta = orjson.loads(raw).get("meta") or {}
        except (orjson.JSONDecodeError, AttributeError):
            continue
        charged = meta.get("charged") or {}
        if isinstance(charged.get("prompt_tokens"), int) and isinstance(
            charged.get("completion_tokens"), int
        ):
            found[request_id] = meta
    return found


def _row(
    record: AuditRecord,
    key_ids: dict[str, int | None],
    pricing: Any,
    over_reported: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    try:
        body = orjson.loads(record.body)
    except orjson.JSONDecodeError:
        return None
    meta = body.get("meta") or {}
    usage = meta.get("usage") or {}
    prompt = usage.get("prompt_tokens") if isinstance(usage, dict) else None
    completion = usage.get("completion_tokens") if isinstance(usage, dict) else None
    estimated = not (isinstance(prompt, int) and isinstance(completion, int))
    prompt = prompt if isinstance(prompt, int) else 0
    completion = completion if isinstance(completion, int) else 0
    excess = 0
    if over_reported is not None:
        prompt = over_reported["charged"]["prompt_tokens"]
        completion = over_reported["charged"]["completion_tokens"]
        excess = int(over_reported.get("excess_tokens") or 0)
    route = "egress" if meta.get("route") == "egress" else "local"
    model = str(meta.get("model") or "")
    target = body.get("target") or {}
    prefix = str(target.get("id") or "") if target.get("type") == "api_key" else ""
    if prefix and prefix not in key_ids:
        key_ids[prefix] = ApiKey.objects.filter(prefix=prefix).values_list("pk", flat=True).first()
    latency = float(meta.get("latency_ms") or 0.0)
    cost, counterfactual = request_costs(
        egress=route == "egress",
        prompt_tokens=prompt,
        completion_tokens=completion,
        price=pricing.prices.get(model),
        local=pricing.local,
        reference=pricing.reference,
    )
    provider = meta.get("provider")
    return {
        "request_id": record.request_id,
        "created_at": record.created_at - timedelta(milliseconds=latency),
        "application_id": record.application_id or 0,
        "api_key_id": key_ids.get(prefix),
        "model": model,
        "route": route,
        "provider": str(provider.get("name", "") if isinstance(provider, dict) else provider or ""),
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "estimated": estimated,
        "excess_tokens": excess,
        "latency_ms": latency,
        "status": int(meta.get("status") or 0),
        "cost_usd": cost,
        "counterfactual_usd": counterfactual,
        "reference_model": pricing.local.reference_model if pricing.reference else "",
    }


def reconcile(start: datetime, end: datetime) -> set[date]:
    """Write the missing ledger rows of responses recorded in [start, end); their days."""
    pricing = load_pricing()
    key_ids: dict[str, int | None] = {}
    days: set[date] = set()
    responses = (
        AuditRecord.objects.filter(event=Event.INFERENCE_RESPONSE, created_at__gte=start, created_at__lt=end)
        .exclude(request_id="")
        .only("request_id", "created_at", "application_id", "body")
        .order_by("id")
    )
    batch: list[AuditRecord] = []

    def flush() -> None:
        known = set(
            UsageRecord.objects.filter(request_id__in=[r.request_id for r in batch]).values_list(
                "request_id", flat=True
            )
        )
        missing = [r for r in batch if r.request_id not in known]
        over = _over_reported([r.request_id for r in missing]) if missing else {}
        rows = [
            row for r in missing if (row := _row(r, key_ids, pricing, over.get(r.request_id))) is not None
        ]
        if rows:
            UsageRecord.objects.bulk_create([UsageRecord(**row) for row in rows], ignore_conflicts=True)
            days.update(row["created_at"].date() for row in rows)
            log.warning("usage ledger: restored %d row(s) from the audit log", len(rows))
        batch.clear()

    for record in responses.iterator(chunk_size=CHUNK):
        batch.append(record)
        if len(batch) >= CHUNK:
            flush()
    if batch:
        flush()
    return days
