"""A request that leaves by a route — its external fallback — is held to the egress budgets
exactly as a call to the external model by name: reserved at the external model's price,
charged what it really cost, and never sent out once the budget would be passed (nor when the
external model has no price to hold it to). Answers served inside charge nothing.

The capture server answers with 11 prompt and 7 completion tokens; the external model is priced
at $0.001 a token, so one fallback costs $0.018 and reserves (32 estimated + 10) x $0.001.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import orjson
import pytest

from audit.events import Event
from audit.models import AuditRecord
from inference.quotas import ledger, limiter
from inference.quotas import services as quota_services
from tests.quotas.conftest import Clock, clock  # noqa: F401 - a fixture
from tests.routing.conftest import EXTERNAL, Lab
from tests.routing.test_fallback import PII_MESSAGE, SERVED_BY, route_with_fallback


@pytest.fixture
def budgeted(lab: Lab) -> Iterator[Lab]:
    with limiter.use(limiter.MemoryBackend()):
        lab.deploy("gpu-a", "status-500")
        route_with_fallback(lab)
        lab.allow_egress()
        quota_services.do_set_limits(lab.app, {"budget_usd_per_month": "0.07"})
        yield lab
        ledger.flush()


def spent(lab: Lab, clock: Clock) -> Decimal:  # noqa: F811
    key = limiter.counter_key(f"a{lab.app.pk}", "usd", limiter.windows(clock()).month)
    return Decimal(limiter.backend().values([key])[0] or 0) / 1_000_000


def response_meta(request_id: str) -> dict[str, Any]:
    row = AuditRecord.objects.filter(request_id=request_id, event=Event.INFERENCE_RESPONSE).get()
    return orjson.loads(row.body)["meta"]


def test_a_fallback_is_charged_to_the_budget_and_stops_before_passing_it(
    budgeted: Lab,
    clock: Clock,  # noqa: F811
) -> None:
    quota_services.do_set_prices(EXTERNAL, input_usd_per_million="1000", output_usd_per_million="1000")
    for expected in ("0.018", "0.036"):
        answer = budgeted.post({"messages": PII_MESSAGE, "max_tokens": 10})
        assert answer.status_code == 200, response_meta(answer.headers["x-request-id"]).get("route_attempts")
        assert answer.headers[SERVED_BY].startswith("external:")
        assert spent(budgeted, clock) == Decimal(expected)
    sent = budgeted.capture.raw()

    third = budgeted.post({"messages": PII_MESSAGE, "max_tokens": 10})  # 0.036 + 0.042 > 0.07

    assert third.status_code == 502, "the local error: the fallback was not allowed to leave"
    assert budgeted.capture.raw() == sent, "nothing more left the appliance"
    assert spent(budgeted, clock) == Decimal("0.036")
    attempts = response_meta(third.headers["x-request-id"])["route_attempts"]
    assert {
        "target": "external:capture-openai/echo-4o",
        "outcome": "skipped: egress budget or price",
    } in attempts


def test_an_unpriced_fallback_never_leaves_while_a_budget_applies(
    budgeted: Lab,
    clock: Clock,  # noqa: F811
) -> None:
    answer = budgeted.post({"messages": PII_MESSAGE, "max_tokens": 10})
    assert answer.status_code == 502
    assert budgeted.capture.raw() == b""


def test_an_answer_served_inside_charges_the_budget_nothing(
    budgeted: Lab,
    clock: Clock,  # noqa: F811
) -> None:
    quota_services.do_set_prices(EXTERNAL, input_usd_per_million="1000", output_usd_per_million="1000")
    budgeted.deploy("gpu-b", "ok-b")  # chat@v1 on a second backend that answers
    for _ in range(3):
        answer = budgeted.post({"messages": PII_MESSAGE, "max_tokens": 10})
        assert answer.status_code == 200 and answer.headers[SERVED_BY].startswith("local:")
    assert spent(budgeted, clock) == Decimal("0")
    assert budgeted.capture.raw() == b""
