"""Label cardinality is bounded: 10,000 random model names, paths and keys add at most one
new series to each metric.

Some go through the live gateway with the official openai client (and random paths with a
plain HTTP client); the rest are counted through the same function the request path calls
when a request ends (``Exchange.finish``), which is what the live path would do, only faster.
"""

from __future__ import annotations

import contextlib
import random
import string
from collections import Counter
from collections.abc import Callable

import httpx2 as httpx
import openai

from inference import metrics
from inference.auth import Caller
from inference.models import ApiKey
from inference.views import Exchange
from tests.metrics.conftest import Gateway, Series, scrape

HELLO = [{"role": "user", "content": "Hi"}]
TOTAL = 10_000
LIVE_MODELS = LIVE_KEYS = 500
PATHS = 3_334
PATH_SAFE = string.ascii_letters + string.digits + "-_.~"
rng = random.Random(20261206)


def _word(length: int = 24, alphabet: str = string.ascii_letters + string.digits + "-_./:") -> str:
    return "".join(rng.choices(alphabet, k=length))


def _series_per_family(series: Series) -> Counter[str]:
    """Label sets per metric family (a histogram's buckets, sum and count are one series)."""
    families: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for name, labels in series:
        family = name.removesuffix("_bucket").removesuffix("_sum").removesuffix("_count")
        families.add((family, tuple(item for item in labels if item[0] != "le")))
    return Counter(family for family, _ in families)


def _assert_at_most_one_new_series(before: Series, after: Series, what: str) -> None:
    grown = _series_per_family(after)
    grown.subtract(_series_per_family(before))
    too_many = {family: n for family, n in grown.items() if n > 1}
    assert not too_many, f"{what} added more than one series to {too_many}"


def _caller(gateway: Gateway) -> Caller:
    key = ApiKey.objects.get(application=gateway.app)
    return Caller(
        key_id=key.pk,
        key_prefix=key.prefix,
        digest="",
        application_id=gateway.app.pk,
        application_name=gateway.app.name,
        application_active=True,
        allow_all_models=False,
        allowed_models=frozenset(),
        expires_at=None,
        revoked_at=None,
        audit_content="none",
    )


def _batch(gateway: Gateway, what: str, run: Callable[[], None]) -> None:
    before = scrape(gateway.url)
    run()
    _assert_at_most_one_new_series(before, scrape(gateway.url), what)


def test_random_model_names_keys_and_paths_add_at_most_one_series_per_metric(gateway: Gateway) -> None:
    client = gateway.client()
    direct = (TOTAL - PATHS - LIVE_MODELS - LIVE_KEYS) // 2
    caller = _caller(gateway)

    def models() -> None:
        for _ in range(LIVE_MODELS):
            with contextlib.suppress(openai.NotFoundError):
                client.chat.completions.create(model=_word(), messages=HELLO)
        for _ in range(direct):
            # As the request path ends a request for a model that does not exist, then as it
            # would count one that had been answered, refused by a quota, and charged.
            exchange = Exchange(request_id="req_x", endpoint="chat/completions", caller=caller, model=_word())
            exchange.finish(404, "no such model")
            metrics.refused(exchange, "model_not_found")
            metrics.settled(exchange, {"cost_usd": 0.001, "route": "local"})

    def keys() -> None:
        for _ in range(LIVE_KEYS):
            with contextlib.suppress(openai.AuthenticationError):
                gateway.client(key=f"air-{_word(8)}-{_word(32)}").chat.completions.create(
                    model=rng.choice(["stub", _word()]), messages=HELLO
                )
        for _ in range(TOTAL - PATHS - LIVE_MODELS - LIVE_KEYS - direct):
            exchange = Exchange(request_id="req_y", endpoint="chat/completions", model=_word())
            exchange.finish(401, "invalid key")

    def paths() -> None:
        with httpx.Client(base_url=gateway.url) as http:
            for _ in range(PATHS):
                path = (
                    "/" + rng.choice(["v1/", "v1/models/", "", "console/", "metrics/"]) + _word(16, PATH_SAFE)
                )
                http.post(path, headers={"Authorization": f"Bearer {gateway.key}"}, json={"model": "stub"})

    # Each kind of random input may create its own "other"/"none" series once.
    _batch(gateway, "random model names", models)
    _batch(gateway, "random keys", keys)
    _batch(gateway, "random paths", paths)
    # And the second time round, none at all.
    before = scrape(gateway.url)
    for _ in range(50):
        Exchange(request_id="req_z", endpoint="chat/completions", caller=caller, model=_word()).finish(404)
    assert _series_per_family(scrape(gateway.url)) == _series_per_family(before)
