"""Cost arithmetic: external prices, the local cost model, and dollars as integer micro-dollars.

All money is ``Decimal``; counters in Redis hold integer micro-dollars (a reservation rounds
up, so a budget is never passed by rounding).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal

MILLION = Decimal(1_000_000)
MICRO = Decimal("0.000001")
ZERO = Decimal(0)


@dataclass(frozen=True)
class Price:
    """Dollars per million input (prompt) and output (completion) tokens."""

    input_per_million: Decimal
    output_per_million: Decimal

    def of(self, prompt_tokens: int, completion_tokens: int) -> Decimal:
        return (
            prompt_tokens * self.input_per_million + completion_tokens * self.output_per_million
        ) / MILLION


def to_micro(usd: Decimal, *, round_up: bool = False) -> int:
    """Dollars as whole micro-dollars; ``round_up`` for reservations."""
    rounding = ROUND_CEILING if round_up else ROUND_HALF_EVEN
    return int((usd / MICRO).to_integral_value(rounding=rounding))


def from_micro(micro: int) -> Decimal:
    return Decimal(micro) * MICRO


@dataclass(frozen=True)
class LocalCost:
    """The local fleet: what it costs per hour, and per token at its sustained capacity."""

    servers: int = 0
    server_usd_per_hour: Decimal = ZERO
    power_kw: Decimal = ZERO
    usd_per_kwh: Decimal = ZERO
    capacity_tokens_per_second: int = 0
    reference_model: str = ""

    @property
    def usd_per_server_hour(self) -> Decimal:
        return self.server_usd_per_hour + self.power_kw * self.usd_per_kwh

    @property
    def fleet_usd_per_hour(self) -> Decimal:
        return self.servers * self.usd_per_server_hour

    @property
    def usd_per_token(self) -> Decimal:
        """A request's estimated share: the server-hour spread over the tokens it can serve."""
        if self.capacity_tokens_per_second <= 0:
            return ZERO
        return self.usd_per_server_hour / (self.capacity_tokens_per_second * 3600)

    def fixed_cost(self, hours: Decimal | int | float) -> Decimal:
        return self.fleet_usd_per_hour * Decimal(str(hours))


def request_costs(
    *,
    egress: bool,
    prompt_tokens: int,
    completion_tokens: int,
    price: Price | None,
    local: LocalCost,
    reference: Price | None,
) -> tuple[Decimal, Decimal]:
    """(estimated cost, what it would have cost on the reference model) of one request."""
    if egress:
        cost = price.of(prompt_tokens, completion_tokens) if price else ZERO
    else:
        cost = (prompt_tokens + completion_tokens) * local.usd_per_token
    counterfactual = reference.of(prompt_tokens, completion_tokens) if reference else ZERO
    return cost, counterfactual
