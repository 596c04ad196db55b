"""Routing on /metrics: a fallback to the external model is counted as one, and every request
counts why its first target was chosen, which gives a canary's share of a model's traffic."""

from __future__ import annotations

from django.utils import timezone

from inference.models import Canary
from tests.metrics.conftest import scrape, value
from tests.routing.conftest import Lab, changed
from tests.routing.test_fallback import PII_MESSAGE, SERVED_BY, route_with_fallback


def test_a_fallback_outside_is_counted_as_a_fallback(lab: Lab) -> None:
    lab.deploy("gpu-a", "status-500")
    route_with_fallback(lab)
    lab.allow_egress()
    before = scrape(lab.url)
    answer = lab.post({"messages": PII_MESSAGE})
    assert answer.headers[SERVED_BY].startswith("external:")
    after = scrape(lab.url)
    assert (
        value(after, "airlock_fallbacks_total", model="chat")
        - value(before, "airlock_fallbacks_total", model="chat")
        == 1
    )
    assert (
        value(after, "airlock_route_decisions_total", model="chat", choice="local")
        - value(before, "airlock_route_decisions_total", model="chat", choice="local")
        == 1
    )


def test_the_canary_share_shows_on_metrics(lab: Lab) -> None:
    lab.deploy("gpu-a", "ok-a")
    lab.deploy("gpu-b", "ok-b", version="v2")
    Canary.objects.create(
        model=lab.model,
        baseline=lab.versions["v1"],
        candidate=lab.versions["v2"],
        percent=25,
        started_at=timezone.now(),
    )
    changed()
    before = scrape(lab.url)
    for _ in range(40):
        assert lab.post({}).status_code == 200
    after = scrape(lab.url)

    def delta(choice: str) -> float:
        return value(after, "airlock_route_decisions_total", model="chat", choice=choice) - value(
            before, "airlock_route_decisions_total", model="chat", choice=choice
        )

    assert delta("canary") + delta("default") == 40
    assert 8 <= delta("canary") <= 12, "about 25 % of 40 (draws are spread evenly without stickiness)"
