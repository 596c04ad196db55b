"""``X-Forwarded-Proto`` is believed only from the configured proxies, like ``X-Forwarded-For``.

Django takes a request for HTTPS when ``SECURE_PROXY_SSL_HEADER`` says so; behind nginx that
is right, but a client that reaches gunicorn directly could claim HTTPS over plain HTTP and
skip the redirect to HTTPS that production turns on.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from appliance.middleware import ForwardedProtoFromTrustedProxies


def secure_seen(peer: str, settings: Any) -> bool:
    seen: list[bool] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(request.is_secure())
        return HttpResponse("ok")

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get("/console/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=peer)
    ForwardedProtoFromTrustedProxies(view)(request)
    return seen[0]


def test_a_client_cannot_claim_https_without_a_trusted_proxy(settings: Any) -> None:
    settings.AIRLOCK_TRUSTED_PROXIES = []
    assert secure_seen("127.0.0.1", settings) is False


def test_a_peer_outside_the_trusted_proxies_cannot_claim_https(settings: Any) -> None:
    settings.AIRLOCK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert secure_seen("192.0.2.7", settings) is False


def test_the_installers_nginx_is_believed(settings: Any) -> None:
    settings.AIRLOCK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert secure_seen("10.1.2.3", settings) is True


def test_the_middleware_runs_before_djangos_security_middleware(settings: Any) -> None:
    from django.conf import settings as live

    order = list(live.MIDDLEWARE)
    assert order.index("appliance.middleware.ForwardedProtoFromTrustedProxies") < order.index(
        "django.middleware.security.SecurityMiddleware"
    )
