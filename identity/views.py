"""Signing in through an identity provider: leave for it, come back with a code.

``start`` remembers the attempt (state, nonce, PKCE verifier, where to go afterwards) in a
short-lived, encrypted, HttpOnly cookie of its own. Not in the Django session: its cookie is
``SameSite=Strict``, which a browser does not send on the provider's redirect back when the
provider is on another site; this cookie is ``Lax``, which it does send for that top-level GET.
For the same reason the callback answers with a page that moves on to the console, rather than
a redirect: the console's own requests must start from this site for the Strict cookie to go.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET

from appliance.net import client_ip
from audit.events import Event
from audit.log import record
from identity import oidc, sessions
from identity.claims import map_claims
from identity.config import ProviderConfig
from identity.sealing import Unreadable, open_text, seal_text
from identity.services import SignInRefused, do_sign_in

FLOW_COOKIE = "airlock_sso"
FLOW_SECONDS = 600
_FLOW_PURPOSE = "sign-in flow"


def _provider(slug: str) -> ProviderConfig:
    provider = settings.AIRLOCK_OIDC_PROVIDERS.get(slug)
    if provider is None:
        raise Http404("No such identity provider.")
    return provider  # type: ignore[no-any-return]


def redirect_uri(request: HttpRequest, provider: ProviderConfig) -> str:
    """The address to register at the provider: ``<base>/console/sso/<slug>/callback/``."""
    path = reverse("identity:callback", args=[provider.slug])
    base = settings.AIRLOCK_OIDC_REDIRECT_BASE
    return base + path if base else request.build_absolute_uri(path)


def _next_url(request: HttpRequest) -> str:
    candidate = request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("console:home")


def _flow_cookie_path() -> str:
    return reverse("identity:start", args=["x"]).rsplit("/x/", 1)[0] + "/"


def _refuse(
    request: HttpRequest, provider: ProviderConfig, reason: str, *, who: str = "", status: int = 403
) -> HttpResponse:
    record(
        Event.SIGN_IN_FAILED,
        actor_name=f"(failed) {who or 'sso:' + provider.slug}"[:150],
        target=("user", who or ""),
        meta={
            "source_ip": client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
            "step": "sso",
            "provider": provider.slug,
            "reason": reason,
        },
    )
    response = render(
        request,
        "identity/refused.html",
        {"provider": provider, "reason": reason, "again": reverse("identity:start", args=[provider.slug])},
        status=status,
    )
    response.delete_cookie(FLOW_COOKIE, path=_flow_cookie_path(), samesite="Lax")
    add_never_cache_headers(response)
    return response


@require_GET
def start(request: HttpRequest, slug: str) -> HttpResponse:
    provider = _provider(slug)
    try:
        attempt = oidc.authorization(provider, redirect_uri(request, provider))
    except oidc.OidcError as exc:
        return _refuse(request, provider, exc.reason, status=502)
    flow = {
        "provider": provider.slug,
        "state": attempt.state,
        "nonce": attempt.nonce,
        "verifier": attempt.verifier,
        "next": _next_url(request),
        "at": time.time(),
    }
    response = HttpResponseRedirect(attempt.url)
    response.set_cookie(
        FLOW_COOKIE,
        seal_text(json.dumps(flow), _FLOW_PURPOSE),
        max_age=FLOW_SECONDS,
        path=_flow_cookie_path(),
        secure=settings.PRODUCTION or request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    add_never_cache_headers(response)
    return response


def _flow(request: HttpRequest, provider: ProviderConfig) -> dict[str, Any] | None:
    try:
        flow = json.loads(open_text(request.COOKIES.get(FLOW_COOKIE, ""), _FLOW_PURPOSE))
    except (Unreadable, ValueError):
        return None
    if not isinstance(flow, dict) or flow.get("provider") != provider.slug:
        return None
    if time.time() - float(flow.get("at", 0)) > FLOW_SECONDS:
        return None
    state = request.GET.get("state", "")
    if not state or not secrets.compare_digest(state, str(flow.get("state", ""))):
        return None
    return flow


@require_GET
def callback(request: HttpRequest, slug: str) -> HttpResponse:
    provider = _provider(slug)
    flow = _flow(request, provider)
    if flow is None:
        # No attempt of this browser matches: expired, another browser's link, or a forged
        # request (the state is what binds the provider's answer to this browser).
        return _refuse(request, provider, "the sign-in state does not match (start again)", status=400)
    if request.GET.get("error"):
        return _refuse(request, provider, f"the provider answered {request.GET['error'][:60]}")
    code = request.GET.get("code", "")
    if not code:
        return _refuse(request, provider, "the provider sent no code", status=400)
    try:
        tokens = oidc.exchange_code(provider, code, redirect_uri(request, provider), flow["verifier"])
        claims = oidc.validate_id_token(provider, tokens.id_token, nonce=flow["nonce"])
        claims.update(oidc.userinfo(provider, tokens.access_token, claims["sub"]))
    except oidc.OidcError as exc:
        return _refuse(request, provider, exc.reason)
    who = str(claims.get(provider.username_claim) or claims.get("email") or claims["sub"])
    try:
        signed = do_sign_in(
            provider,
            claims,
            map_claims(provider, claims),
            refresh_token=tokens.refresh_token,
            access_token=tokens.access_token,
        )
    except SignInRefused as exc:
        return _refuse(request, provider, exc.reason, who=who)
    current: Any = request.user
    if current.is_authenticated and current.pk != signed.user.pk:
        auth_logout(request)
    user: Any = signed.user
    user.sso_provider = provider.slug  # the sign-in record names the provider (audit.signals)
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    sessions.mark(request.session, signed.session, provider, user.pk)
    response = render(request, "identity/continue.html", {"next": flow["next"], "provider": provider})
    response.delete_cookie(FLOW_COOKIE, path=_flow_cookie_path(), samesite="Lax")
    add_never_cache_headers(response)
    return response


def sign_in_url(provider: ProviderConfig, next_url: str = "") -> str:
    url = reverse("identity:start", args=[provider.slug])
    return url + ("?" + urlencode({"next": next_url}) if next_url else "")
