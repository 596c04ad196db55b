"""The quota configuration the request path needs, cached in each worker.

Limits, prices, the local cost model and the egress cap are read from the database once (through
``inference.database``, which replaces a connection the database closed) and kept in
``inference.hotcache`` caches: every change made through ``inference.quotas.services``
bumps the gateway epoch, which empties them in every worker before its next request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from inference import database
from inference.hotcache import HotCache
from inference.models import ModelVersion
from inference.quotas.cost import LocalCost, Price, to_micro
from inference.quotas.models import GlobalEgressCap, LocalCostModel, ModelPrice, QuotaPolicy


@dataclass(frozen=True)
class Limits:
    """One policy row, as plain values."""

    requests_per_minute: int | None = None
    tokens_per_minute: int | None = None
    tokens_per_day: int | None = None
    tokens_per_month: int | None = None
    budget_micro_per_month: int | None = None
    suspend_above_rpm: int | None = None
    runaway_protection: bool = True

    @property
    def counts_tokens(self) -> bool:
        return any(
            v is not None for v in (self.tokens_per_minute, self.tokens_per_day, self.tokens_per_month)
        )

    @classmethod
    def of(cls, row: QuotaPolicy) -> Limits:
        return cls(
            requests_per_minute=row.requests_per_minute,
            tokens_per_minute=row.tokens_per_minute,
            tokens_per_day=row.tokens_per_day,
            tokens_per_month=row.tokens_per_month,
            budget_micro_per_month=(
                to_micro(row.budget_usd_per_month) if row.budget_usd_per_month is not None else None
            ),
            suspend_above_rpm=row.suspend_above_rpm,
            runaway_protection=row.runaway_protection,
        )


@dataclass(frozen=True)
class Policies:
    """The application's policy and the key's, either possibly absent."""

    app: Limits | None = None
    key: Limits | None = None


@dataclass(frozen=True)
class Pricing:
    prices: dict[str, Price] = field(default_factory=dict)
    local: LocalCost = field(default_factory=LocalCost)
    egress_cap_micro: int | None = None

    @property
    def reference(self) -> Price | None:
        return self.prices.get(self.local.reference_model) if self.local.reference_model else None


_policies: HotCache[Policies] = HotCache()
_pricing: HotCache[Pricing] = HotCache(max_entries=1)
_folders: HotCache[str] = HotCache()


def load_policies(app_id: int, key_id: int | None) -> Policies:
    app = key = None
    for row in QuotaPolicy.objects.filter(application_id=app_id):
        if row.api_key_id is None:
            app = Limits.of(row)
        elif row.api_key_id == key_id:
            key = Limits.of(row)
    return Policies(app=app, key=key)


def load_pricing() -> Pricing:
    prices = {
        row.model: Price(row.input_usd_per_million, row.output_usd_per_million)
        for row in ModelPrice.objects.all()
    }
    row = LocalCostModel.objects.filter(pk=1).first()
    local = (
        LocalCost(
            servers=row.servers,
            server_usd_per_hour=row.server_usd_per_hour,
            power_kw=row.power_kw,
            usd_per_kwh=row.usd_per_kwh,
            capacity_tokens_per_second=row.capacity_tokens_per_second,
            reference_model=row.reference_model,
        )
        if row
        else LocalCost()
    )
    cap = GlobalEgressCap.objects.filter(pk=1).values_list("budget_usd_per_month", flat=True).first()
    return Pricing(
        prices=prices, local=local, egress_cap_micro=to_micro(Decimal(cap)) if cap is not None else None
    )


async def policies(app_id: int, key_id: int | None) -> Policies:
    cache_key = f"{app_id}/{key_id}"
    found = _policies.get(cache_key)
    if found is None:
        found = await database.read(load_policies, app_id, key_id)
        _policies.put(cache_key, found)
    return found


async def pricing() -> Pricing:
    found = _pricing.get("pricing")
    if found is None:
        found = await database.read(load_pricing)
        _pricing.put("pricing", found)
    return found


def _version_path(model_version_id: int) -> str | None:
    return ModelVersion.objects.filter(pk=model_version_id).values_list("path", flat=True).first()


async def model_folder(model_version_id: int) -> str | None:
    """Where a local model version's files are (for its tokenizer); "" when unknown."""
    cache_key = str(model_version_id)
    found = _folders.get(cache_key)
    if found is None:
        row = await database.read(_version_path, model_version_id)
        found = row or ""
        _folders.put(cache_key, found)
    return found or None
