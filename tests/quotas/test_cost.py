"""Cost arithmetic, with answers worked out by hand."""

from __future__ import annotations

from decimal import Decimal

from inference.quotas.cost import LocalCost, Price, from_micro, request_costs, to_micro
from inference.quotas.tokens import estimate_prompt, max_completion

GPT_4O = Price(Decimal("2.50"), Decimal("10.00"))
FLEET = LocalCost(
    servers=2,
    server_usd_per_hour=Decimal("1.80"),
    power_kw=Decimal("0.7"),
    usd_per_kwh=Decimal("0.21"),
    capacity_tokens_per_second=2500,
    reference_model="gpt-4o",
)


def test_an_external_price_is_dollars_per_million_input_and_output_tokens() -> None:
    # 1,000 x $2.50/M + 500 x $10/M = $0.0025 + $0.005
    assert GPT_4O.of(1000, 500) == Decimal("0.0075")
    assert GPT_4O.of(0, 0) == 0


def test_micro_dollars_round_up_for_reservations_and_to_nearest_otherwise() -> None:
    assert to_micro(Decimal("0.0000011"), round_up=True) == 2
    assert to_micro(Decimal("0.0000011")) == 1
    assert to_micro(Decimal("0.0000025")) == 2  # half to even
    assert to_micro(Decimal("12.345678")) == 12_345_678
    assert from_micro(12_345_678) == Decimal("12.345678")


def test_the_fleet_costs_its_amortised_servers_plus_power() -> None:
    # one server: $1.80 + 0.7 kW x $0.21/kWh = $1.947 an hour; two: $3.894
    assert FLEET.usd_per_server_hour == Decimal("1.947")
    assert FLEET.fleet_usd_per_hour == Decimal("3.894")
    assert FLEET.fixed_cost(720) == Decimal("2803.680")


def test_a_local_token_costs_the_server_hour_over_the_tokens_it_can_serve() -> None:
    # $1.947 / (2,500 tokens/s x 3,600 s) = $0.000000216333... a token
    per_token = FLEET.usd_per_token
    assert round(per_token * 1_000_000, 6) == Decimal("0.216333")
    assert LocalCost(servers=1, server_usd_per_hour=Decimal(1)).usd_per_token == 0  # no capacity: no estimate


def test_each_request_gets_its_cost_and_what_it_would_have_cost_on_the_reference() -> None:
    local_cost, would_be = request_costs(
        egress=False, prompt_tokens=900, completion_tokens=100, price=None, local=FLEET, reference=GPT_4O
    )
    assert round(local_cost, 9) == Decimal("0.000216333")
    assert would_be == Decimal("0.00325")  # 900 x 2.5/M + 100 x 10/M
    mini = Price(Decimal("0.15"), Decimal("0.60"))
    egress_cost, would_be = request_costs(
        egress=True, prompt_tokens=900, completion_tokens=100, price=mini, local=FLEET, reference=GPT_4O
    )
    assert egress_cost == Decimal("0.000195")  # 900 x 0.15/M + 100 x 0.60/M
    assert would_be == Decimal("0.00325")


def test_prompt_tokens_are_estimated_at_a_token_per_three_bytes_plus_the_chat_template() -> None:
    body = {"messages": [{"role": "system", "content": "x" * 30}, {"role": "user", "content": "y" * 31}]}
    # 10 + 11 (rounded up) for the texts, 5 per message, 3 to prime the reply
    assert estimate_prompt("chat/completions", body) == 10 + 11 + 2 * 5 + 3
    assert estimate_prompt("completions", {"prompt": "é" * 3}) == 2  # 6 bytes
    assert estimate_prompt("completions", {"prompt": [1, 2, 3, 4]}) == 4  # token ids: exact


def test_the_completion_reserved_is_max_tokens_times_choices_or_the_default() -> None:
    assert max_completion("chat/completions", {"max_tokens": 100, "n": 3}, 4096) == (300, True)
    assert max_completion("chat/completions", {"max_completion_tokens": 50, "max_tokens": 100}, 4096) == (
        50,
        True,
    )
    assert max_completion("completions", {"max_tokens": 10, "best_of": 4}, 4096) == (40, True)
    assert max_completion("chat/completions", {}, 4096) == (4096, False)
