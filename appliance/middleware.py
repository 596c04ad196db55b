"""Django middleware of the appliance's own."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from appliance import net


class ManagementApiNoStore:
    """Management-API answers (``/api/``) are never stored by a browser or a proxy.

    They hold configuration and audit metadata; a shared cache or the browser's disk cache
    must not keep them for whoever uses that machine or proxy next.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            add_never_cache_headers(response)
        return response


class ForwardedProtoFromTrustedProxies:
    """``X-Forwarded-Proto`` counts only from ``AIRLOCK_TRUSTED_PROXIES`` (the installer's nginx).

    Django believes ``SECURE_PROXY_SSL_HEADER`` from anyone; a client that reaches gunicorn
    directly could otherwise claim HTTPS over plain HTTP and skip the redirect to HTTPS.
    First in the chain, before ``SecurityMiddleware`` reads it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "HTTP_X_FORWARDED_PROTO" in request.META and not net.is_trusted_proxy(
            request.META.get("REMOTE_ADDR")
        ):
            del request.META["HTTP_X_FORWARDED_PROTO"]
        return self.get_response(request)
