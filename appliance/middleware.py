"""Django middleware of the appliance's own."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


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
