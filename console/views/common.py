"""Helpers shared by console pages: confirmation steps and one-time form tokens."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render

ONCE_KEY = "console.once"
ONCE_KEEP = 20


def confirm(
    request: HttpRequest,
    *,
    title: str,
    message: str,
    confirm_label: str,
    cancel_url: str,
    perform: Callable[[], HttpResponseBase],
    danger: bool = True,
    question: str = "Are you sure?",
    details: Sequence[tuple[str, object]] = (),
    override_label: str = "",
) -> HttpResponseBase:
    """GET: the confirmation page. POST with ``confirm=yes``: ``perform()``.

    ``perform`` may raise ``ValidationError`` (a rule of the service refused the change):
    the page is shown again with the reason. A refusal that may be overridden (its
    ``overridable`` is true, e.g. the golden-set check of a promotion) is shown with a
    ``force`` checkbox labelled ``override_label``; ``perform`` reads it from the POST.
    """
    error = ""
    override = ""
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            return perform()
        except ValidationError as exc:
            error = " ".join(exc.messages)
            override = override_label if getattr(exc, "overridable", False) else ""
    context = {
        "title": title,
        "message": message,
        "confirm_label": confirm_label,
        "cancel_url": cancel_url,
        "danger": danger,
        "question": question,
        "details": details,
        "error": error,
        "override": override,
    }
    return render(request, "console/confirm.html", context, status=400 if error else 200)


def issue_once(request: HttpRequest) -> str:
    """A token for one submission of a form whose effect must not happen twice (a new key)."""
    token = secrets.token_urlsafe(16)
    tokens = [*request.session.get(ONCE_KEY, [])[-(ONCE_KEEP - 1) :], token]
    request.session[ONCE_KEY] = tokens
    return token


def redeem_once(request: HttpRequest, token: str) -> bool:
    """True the first time ``token`` comes back; False for a repeat or an unknown token."""
    tokens = list(request.session.get(ONCE_KEY, []))
    if token not in tokens:
        return False
    tokens.remove(token)
    request.session[ONCE_KEY] = tokens
    return True
