"""Drawing a target: weights, stickiness, canaries, the default version, complexity (no network).

The routing table is built by hand here, as ``inference.routing._load`` builds it from the
database; tests/routing/test_fallback.py drives the same code through the live gateway.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inference import routing
from inference.routing import CanaryPlan, RouteChoice, RoutePlan, RouteTable, Target

DRAWS = 10_000


def target(deployment_id: int, version_id: int, *, weight: int = 100, model: str = "chat") -> Target:
    return Target(
        deployment_id=deployment_id,
        backend_id=deployment_id,
        backend_name=f"gpu-{deployment_id}",
        base_url=f"http://127.0.0.1:{9000 + deployment_id}",
        served_name=model,
        model_version_id=version_id,
        version=f"v{version_id}",
        weight=weight,
        model=model,
    )


def external_target() -> routing.ExternalTarget:
    return routing.ExternalTarget(
        model="gpt-echo",
        remote_name="echo-4o",
        provider_id=1,
        provider_name="capture-openai",
        kind="openai",
        base_url="http://127.0.0.1:1/v1",
        api_key_file="",
        region="",
        timeout_seconds=5,
        max_retries=0,
        breaker_threshold=3,
        breaker_cooldown_seconds=1,
        extra_headers=(),
        is_enabled=True,
    )


def table(
    choices: list[RouteChoice] | None = None,
    *,
    stickiness: str = "none",
    canary: CanaryPlan | None = None,
    route_id: int = 1,
    deployments: list[Target] | None = None,
    default: int | None = 1,
) -> RouteTable:
    deployments = deployments or [target(1, 1), target(2, 2), target(3, 3)]
    by_version: dict[int, tuple[Target, ...]] = {}
    for t in deployments:
        by_version[t.model_version_id] = (*by_version.get(t.model_version_id, ()), t)
    routes = {}
    if choices is not None:
        routes["chat"] = RoutePlan(
            route_id=route_id,
            stickiness=stickiness,
            session_header="x-airlock-session",
            choices=tuple(choices),
            fallback_model=None,
            allow_external_fallback=False,
            light_model="chat-small",
            heavy_model="chat-large",
            complexity_threshold=0.6,
        )
    return RouteTable(
        models=frozenset({"chat"}),
        targets={"chat": tuple(deployments)},
        by_version=by_version,
        default_version={"chat": default},
        routes=routes,
        canaries={"chat": canary} if canary else {},
    )


def first_version(plan: routing.Plan) -> int:
    return plan.local[0].model_version_id


@pytest.fixture(autouse=True)
def _fresh() -> None:
    routing._down_until.clear()
    routing._sequence.clear()


@settings(max_examples=40, deadline=None)
@given(weights=st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=3))
def test_the_split_holds_within_one_point_over_ten_thousand_requests(weights: list[int]) -> None:
    choices = [RouteChoice("local", w, version_id=i + 1) for i, w in enumerate(weights)]
    routes = table(choices, route_id=sum(weights))
    seen = Counter(first_version(routing.plan(routes, "chat", {})) for _ in range(DRAWS))
    total = sum(weights)
    for i, weight in enumerate(weights):
        share = seen[i + 1] / DRAWS * 100
        assert abs(share - weight / total * 100) <= 1.0, (weights, seen)


def test_seventy_twenty_ten_with_an_external_share() -> None:
    choices = [
        RouteChoice("local", 70, version_id=1),
        RouteChoice("external", 20, model="gpt-echo"),
        RouteChoice("local", 10, version_id=2),
    ]
    routes = table(choices)
    routes.external["gpt-echo"] = external_target()
    seen: Counter[str] = Counter()
    for _ in range(DRAWS):
        plan = routing.plan(routes, "chat", {})
        seen["external" if plan.first else f"v{first_version(plan)}"] += 1
    assert abs(seen["v1"] / DRAWS - 0.70) <= 0.01
    assert abs(seen["external"] / DRAWS - 0.20) <= 0.01
    assert abs(seen["v2"] / DRAWS - 0.10) <= 0.01


def test_a_user_stays_on_one_target_and_users_still_split_by_weight() -> None:
    choices = [RouteChoice("local", 70, version_id=1), RouteChoice("local", 30, version_id=2)]
    routes = table(choices, stickiness="user")
    placed = {}
    for n in range(DRAWS):
        user = f"user-{n}"
        placed[user] = first_version(routing.plan(routes, "chat", {"user": user}))
    for n in range(0, DRAWS, 97):  # the same conversation, asked again, lands on the same target
        user = f"user-{n}"
        assert all(
            first_version(routing.plan(routes, "chat", {"user": user})) == placed[user] for _ in range(5)
        )
    share = Counter(placed.values())[1] / DRAWS
    # Hashing 10,000 users is a binomial draw (sd 0.46 points); the figure is fixed for these users.
    assert abs(share - 0.70) <= 0.015


def test_a_session_header_is_sticky_too_and_its_absence_is_not() -> None:
    choices = [RouteChoice("local", 50, version_id=1), RouteChoice("local", 50, version_id=2)]
    routes = table(choices, stickiness="session")
    headers = {"x-airlock-session": "conversation-42"}
    chosen = {first_version(routing.plan(routes, "chat", {}, headers)) for _ in range(50)}
    assert len(chosen) == 1
    unsticky = {first_version(routing.plan(routes, "chat", {})) for _ in range(50)}
    assert unsticky == {1, 2}


def test_a_running_canary_takes_its_share_first_and_the_rest_route_as_usual() -> None:
    routes = table(None, canary=CanaryPlan(canary_id=7, candidate_version_id=2, percent=10))
    seen = Counter(first_version(routing.plan(routes, "chat", {})) for _ in range(DRAWS))
    assert abs(seen[2] / DRAWS - 0.10) <= 0.01
    assert seen[2] + seen[1] == DRAWS  # the rest: the default version (v1)


def test_a_canary_is_sticky_when_its_route_is() -> None:
    choices = [RouteChoice("local", 100, version_id=1)]
    routes = table(
        choices, stickiness="user", canary=CanaryPlan(canary_id=7, candidate_version_id=2, percent=25)
    )
    placed = {f"u{n}": first_version(routing.plan(routes, "chat", {"user": f"u{n}"})) for n in range(4000)}
    assert all(
        first_version(routing.plan(routes, "chat", {"user": u})) == v for u, v in list(placed.items())[:200]
    )
    assert abs(Counter(placed.values())[2] / 4000 - 0.25) <= 0.03


def test_without_a_route_the_default_version_answers_and_the_others_only_fall_back() -> None:
    routes = table(None, default=2)
    for _ in range(200):
        plan = routing.plan(routes, "chat", {})
        assert first_version(plan) == 2
        assert {t.model_version_id for t in plan.local[1:]} == {1, 3}
    # "Make default" is a new table (the epoch moved): the new default answers.
    routes = table(None, default=3)
    assert {first_version(routing.plan(routes, "chat", {})) for _ in range(50)} == {3}


def test_after_the_chosen_target_come_the_routes_other_local_deployments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The route's split starts at a random point per worker: 1 request in 101 would choose v2
    # first. Pin the point so this test checks the order after the choice, every run.
    monkeypatch.setattr(routing, "spread", lambda name: 0.0)
    choices = [RouteChoice("local", 100, version_id=1), RouteChoice("local", 1, version_id=2)]
    deployments = [target(1, 1), target(4, 1), target(2, 2), target(3, 3)]
    plan = routing.plan(table(choices, deployments=deployments, route_id=99), "chat", {"user": "x"})
    versions = [t.model_version_id for t in plan.local]
    assert versions[:2] == [1, 1] and versions[2:] == [2]  # v3 is not in the route


def test_a_backend_that_refused_a_connection_gets_no_requests_for_a_while() -> None:
    routes = table(None, deployments=[target(1, 1), target(2, 1)])
    routing.mark_down(routes.targets["chat"][0])
    assert {t.deployment_id for t in routing.plan(routes, "chat", {}).local} == {2}


@pytest.mark.parametrize(("score", "expected"), [(0.2, 5), (0.9, 6)])
def test_a_complexity_target_sends_light_and_heavy_requests_apart(
    monkeypatch: pytest.MonkeyPatch, score: float, expected: int
) -> None:
    monkeypatch.setattr(routing, "classify", lambda body: ("heavy" if score >= 0.5 else "light", score))
    small, large = target(5, 5, model="chat-small"), target(6, 6, model="chat-large")
    routes = table([RouteChoice("complexity", 1)], deployments=[target(1, 1), small, large])
    routes.default_version.update({"chat-small": 5, "chat-large": 6})
    assert first_version(routing.plan(routes, "chat", {"messages": []})) == expected


def test_without_a_classifier_every_request_is_light(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_classifier(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "inference.complexity":
            raise ImportError("not installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_classifier)
    assert routing.classify({"messages": [{"role": "user", "content": "prove Fermat"}]}) == ("light", 0.0)
