"""Signing in: password, then (where required) a TOTP code; signing out; setting a password.

The password step does not sign anyone in who must use two-factor sign-in: it only notes,
in the session, who passed it (for ``PENDING_SECONDS``). Django's ``login()`` — and with it
the session's authenticated state, the ``auth.sign_in`` audit record, and access to the
management API — happens only once the code is right. A stolen password alone therefore
opens nothing, not even an API call with the session cookie.

Failures of either step count towards the same django-axes lock-out (per user name and
address); a wrong code is also recorded as a failed sign-in and slowed down by django-otp's
own throttle (1, 2, 4, ... seconds between tries).
"""

from __future__ import annotations

import time
from base64 import b32encode
from typing import Any

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance import services
from appliance.roles import roles_of
from console.access import (
    TWO_FACTOR_ROLES,
    has_two_factor_device,
    is_verified,
    require_signed_in,
    two_factor_required,
)
from console.forms import CodeForm, SignInForm

PENDING = "console.pending_sign_in"
PENDING_SECONDS = 300


def _next_url(request: HttpRequest) -> str:
    """Where to go after signing in: a path on this site, never another host."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("console:home")


def _two_factor_url(next_url: str) -> str:
    return reverse("console:two_factor") + "?" + urlencode({"next": next_url})


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponseBase:
    next_url = _next_url(request)
    user: Any = request.user
    signed_in = user.is_authenticated and (not two_factor_required(user) or is_verified(user))
    if request.method == "GET" and signed_in:
        return redirect(next_url)
    form = SignInForm(request, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        person = form.get_user()
        if user.is_authenticated and user.pk != person.pk:
            auth_logout(request)  # someone else's session in this browser ends here
        if two_factor_required(person):
            request.session.cycle_key()
            request.session[PENDING] = {
                "user": person.pk,
                "backend": getattr(person, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
                "at": time.time(),
            }
            return redirect(_two_factor_url(next_url))
        auth_login(request, person)
        return redirect(next_url)
    return render(request, "console/sign_in.html", {"form": form, "next": next_url})


def _pending_user(request: HttpRequest) -> tuple[Any, str]:
    """The person who passed the password step and has not yet given a code, if any."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict):
        return None, ""
    if time.time() - float(pending.get("at", 0)) > PENDING_SECONDS:
        del request.session[PENDING]
        return None, "expired"
    person = get_user_model().objects.filter(pk=int(pending.get("user", 0)), is_active=True).first()
    return person, str(pending.get("backend", ""))


def _qr_svg(url: str) -> str:
    # Inline SVG without an XML declaration or namespace: no script, no external reference, and
    # nothing a strict CSP would block. Black modules on the card's white, with a quiet zone.
    return segno.make(url, error="m").svg_inline(scale=5, border=3, dark="#111827", light="#ffffff")


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _record_failed_code(request: HttpRequest, person: Any) -> None:
    # The same signal as a wrong password: the audit log records a failed sign-in, and
    # django-axes counts it towards the lock-out (and flags the request if it is the last).
    user_login_failed.send(
        sender=__name__,
        credentials={"username": person.get_username(), "step": "two_factor"},
        request=request,
    )


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponseBase:
    """Enrol (show the secret as a QR code, confirm it with a code) or verify a code."""
    next_url = _next_url(request)
    signed_in: Any = request.user
    backend = ""
    if signed_in.is_authenticated:
        if is_verified(signed_in):
            return redirect(next_url)
        person = signed_in
    else:
        person, backend = _pending_user(request)
        if person is None:
            if backend == "expired":
                messages.warning(request, "Sign-in took too long. Please start again.")
            return redirect(reverse("console:login") + "?" + urlencode({"next": next_url}))

    if AxesProxyHandler.is_locked(request, {"username": person.get_username()}):
        return locked_out(request)

    device = TOTPDevice.objects.filter(user_id=person.pk, confirmed=True).order_by("-pk").first()
    enrolling = device is None
    if device is None:
        device = services.totp_device_for_enrolment(person)

    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        allowed, why = device.verify_is_allowed()
        if not allowed:
            wait = ""
            if why and why.get("locked_until"):
                seconds = max(1, int((why["locked_until"] - timezone.now()).total_seconds()) + 1)
                wait = f" Wait {seconds} second{'s' if seconds != 1 else ''} and try again."
            form.add_error("code", "Too many wrong codes in a row." + wait)
        elif device.verify_token(form.cleaned_data["code"]):
            if enrolling:
                services.do_confirm_two_factor(device, actor=person)
            if signed_in.is_authenticated:
                otp_login(request, device)
                request.session.cycle_key()
            else:
                person.otp_device = device  # django-otp marks the session verified on login()
                auth_login(request, person, backend=backend or None)
            request.session.pop(PENDING, None)
            if enrolling:
                messages.success(
                    request, "Two-factor sign-in is set up. You will need a code at every sign-in."
                )
            return redirect(next_url)
        else:
            _record_failed_code(request, person)
            form.add_error(
                "code",
                "That code is not right. Check that your device's clock is right and enter the newest code.",
            )

    context: dict[str, Any] = {
        "form": form,
        "next": next_url,
        "person": person,
        "enrolling": enrolling,
        "required": bool(roles_of(person) & TWO_FACTOR_ROLES),
    }
    if enrolling:
        secret = b32encode(device.bin_key).decode().rstrip("=")
        context.update(
            {
                "qr_svg": _qr_svg(device.config_url),
                "secret": _grouped(secret),
                "issuer": settings.OTP_TOTP_ISSUER,
            }
        )
    status = 400 if form.is_bound else 200
    return render(request, "console/two_factor.html", context, status=status)


def locked_out(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """django-axes' lock-out page (``AXES_LOCKOUT_CALLABLE``): the sign-in page, saying why.

    axes calls it with varying arguments depending on sync or async serving; none are needed.
    """
    request.session.pop(PENDING, None)
    context = {
        "form": SignInForm(request),
        "next": _next_url(request),
        "locked": True,
        "minutes": settings.AIRLOCK_SIGN_IN_LOCKOUT_MINUTES,
        "limit": settings.AIRLOCK_SIGN_IN_FAILURE_LIMIT,
    }
    return render(request, "console/sign_in.html", context, status=429)


@require_POST
@csrf_protect
def sign_out(request: HttpRequest) -> HttpResponseRedirect:
    auth_logout(request)
    messages.info(request, "You are signed out.")
    return redirect("console:login")


class SetPasswordView(PasswordResetConfirmView):
    """The link an administrator gives a new person (or one whose password was reset).

    Django's view: the token moves from the address into the session before the form is shown,
    so it cannot leak through a Referer header. The password is set by the audited service.
    """

    template_name = "console/set_password.html"
    success_url = reverse_lazy("console:login")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[override]
        services.do_set_password(form.user, form.cleaned_data["new_password1"], actor=form.user)
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, "Your password is set. Sign in with it now.")
        return HttpResponseRedirect(str(self.success_url))


@require_signed_in
@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own account: roles, two-factor status, password."""
    user: Any = request.user
    form = PasswordChangeForm(user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.do_set_password(user, form.cleaned_data["new_password1"], actor=user)
        except ValidationError as exc:
            form.add_error("new_password1", exc)
        else:
            update_session_auth_hash(request, user)  # this session stays signed in
            messages.success(request, "Your password is changed.")
            return redirect("console:account")
    context = {
        "form": form,
        "roles": sorted(roles_of(user)),
        "enrolled": has_two_factor_device(user),
        "required": bool(roles_of(user) & TWO_FACTOR_ROLES),
    }
    return render(request, "console/account.html", context, status=400 if form.is_bound else 200)
