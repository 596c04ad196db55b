"""Error pages that need a view of their own."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """``CSRF_FAILURE_VIEW``: an expired or forged form is refused with a page that says what to do."""
    return render(request, "console/csrf_failure.html", status=403)
