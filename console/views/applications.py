"""Applications and their API keys.

Who may do what:

===========================  =============  ======================  ==========
action                       administrator  app owner (own apps)    others
===========================  =============  ======================  ==========
list, detail                 every app      their own               403
create an application        yes            403                     403
create, revoke, rotate keys  yes            yes                     403
allowed models, content      yes            403 (shown read-only)   403
===========================  =============  ======================  ==========

Which models an application may call and what the audit log keeps of its prompts are
policy (cost, data protection), so they stay with administrators; an app owner runs their
application's credentials. A new key is shown once, in the response to the form that
created it, and never stored in plaintext anywhere (not even the session).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from appliance.roles import Role, has_role
from console.access import forbidden, owned_applications, require_role
from console.forms import AllowedModelsForm, ApiKeyForm, ApplicationForm, AuditContentForm
from console.views.common import confirm, issue_once, redeem_once
from inference import services
from inference.models import ApiKey, Application

ADMINS = (Role.ADMINISTRATOR,)
MANAGERS = (Role.ADMINISTRATOR, Role.APP_OWNER)


def _visible(request: HttpRequest) -> Any:
    if has_role(request.user, Role.ADMINISTRATOR):
        return Application.objects.all()
    return owned_applications(request.user)


def _application(request: HttpRequest, name: str) -> Application | HttpResponse:
    """The named application if this person may manage it; else the response refusing them."""
    app = get_object_or_404(Application.objects.select_related("owner"), name=name)
    if has_role(request.user, Role.ADMINISTRATOR) or (
        has_role(request.user, Role.APP_OWNER) and app.owner_id == request.user.pk
    ):
        return app
    return forbidden(request, "Only its owner and administrators can see this application.")


@require_role(*MANAGERS)
def app_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    now_active = Q(keys__revoked_at__isnull=True) & (
        Q(keys__expires_at__isnull=True) | Q(keys__expires_at__gt=now)
    )
    apps = (
        _visible(request)
        .select_related("owner")
        .prefetch_related("allowed_models")
        .annotate(active_keys=Count("keys", filter=now_active, distinct=True))
        .order_by("name")
    )
    context = {"apps": apps, "is_admin": has_role(request.user, Role.ADMINISTRATOR)}
    return render(request, "console/apps/list.html", context)


@require_role(*ADMINS)
def app_create(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            # One transaction: an application never exists with a content mode it was not given.
            with transaction.atomic():
                app = _create_application(request, data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Created the application {app.name}. Create its first API key below.")
            return redirect("console:app_detail", name=app.name)
    status = 400 if form.is_bound else 200
    return render(request, "console/apps/create.html", {"form": form}, status=status)


def _create_application(request: HttpRequest, data: dict[str, Any]) -> Application:
    app = services.do_create_application(
        data["name"],
        actor=request.user,  # type: ignore[arg-type]
        owner=data["owner"],
        description=data["description"],
        allowed_models=[m.name for m in data["allowed_models"]],
        allow_all_models=data["allow_all_models"],
    )
    if data["audit_content"] != app.audit_content:
        services.do_set_audit_content(app, data["audit_content"], actor=request.user)  # type: ignore[arg-type]
    return app


@require_role(*MANAGERS)
def app_detail(request: HttpRequest, name: str) -> HttpResponse:
    app = _application(request, name)
    if isinstance(app, HttpResponse):
        return app
    keys = app.keys.select_related("created_by", "revoked_by").order_by("revoked_at", "-created_at")
    context = {
        "app": app,
        "keys": keys,
        "models": app.allowed_models.order_by("name"),
        "is_admin": has_role(request.user, Role.ADMINISTRATOR),
        "key_form": ApiKeyForm(initial={"once": issue_once(request)}, auto_id="key_%s"),
    }
    return render(request, "console/apps/detail.html", context)


@require_role(*MANAGERS)
def key_create(request: HttpRequest, name: str) -> HttpResponse:
    app = _application(request, name)
    if isinstance(app, HttpResponse):
        return app
    if request.method != "POST":
        return redirect("console:app_detail", name=app.name)
    form = ApiKeyForm(request.POST, auto_id="key_%s")
    if form.is_valid():
        if not redeem_once(request, form.cleaned_data["once"]):
            # A reload of the page that showed a key: the key was shown once and is not kept.
            messages.warning(
                request,
                "That form was already used, so no second key was created. The key it created was "
                "shown once; if it is lost, revoke it and create a new one.",
            )
            return redirect("console:app_detail", name=app.name)
        days = form.cleaned_data["expires_in_days"]
        try:
            created = services.do_create_api_key(
                app,
                actor=request.user,  # type: ignore[arg-type]
                name=form.cleaned_data["name"],
                expires_in=timedelta(days=days) if days else None,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _show_key_once(request, app, created, replaced=None)
    keys = app.keys.select_related("created_by", "revoked_by").order_by("revoked_at", "-created_at")
    context = {
        "app": app,
        "keys": keys,
        "models": app.allowed_models.order_by("name"),
        "is_admin": has_role(request.user, Role.ADMINISTRATOR),
        "key_form": form,
    }
    return render(request, "console/apps/detail.html", context, status=400)


def _show_key_once(
    request: HttpRequest, app: Application, created: services.CreatedKey, replaced: ApiKey | None
) -> HttpResponse:
    base_url = request.build_absolute_uri("/v1")
    context = {
        "app": app,
        "key": created.key,
        "secret": created.plaintext,
        "replaced": replaced,
        "base_url": base_url,
    }
    return render(request, "console/apps/key_created.html", context)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _key(app: Application, prefix: str) -> ApiKey:
    return get_object_or_404(ApiKey, application=app, prefix=prefix)


@require_role(*MANAGERS)
def key_revoke(request: HttpRequest, name: str, prefix: str) -> HttpResponseBase:
    app = _application(request, name)
    if isinstance(app, HttpResponse):
        return app
    key = _key(app, prefix)
    detail = reverse("console:app_detail", kwargs={"name": app.name})
    if key.revoked_at is not None:
        messages.info(request, f"Key {key.prefix} was already revoked.")
        return redirect(detail)

    def perform() -> HttpResponseBase:
        services.do_revoke_api_key(key, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"Revoked key {key.prefix}. Requests with it are refused from now on.")
        return redirect(detail)

    return confirm(
        request,
        title=f"Revoke key {key.prefix}",
        question=f"Revoke key {key.prefix} of {app.name}?",
        message="Every request with this key is refused from the next one on, in every worker. "
        "This cannot be undone; the application needs a new key to keep working.",
        confirm_label="Revoke key",
        cancel_url=detail,
        perform=perform,
        details=_key_details(key),
    )


def _key_details(key: ApiKey) -> list[tuple[str, str]]:
    """What the revoke and rotate confirmations show about the key."""
    return [
        ("Name", key.name or "(none)"),
        ("Created", _when(key.created_at)),
        ("Last used", _when(key.last_used_at)),
    ]


@require_role(*MANAGERS)
def key_rotate(request: HttpRequest, name: str, prefix: str) -> HttpResponseBase:
    app = _application(request, name)
    if isinstance(app, HttpResponse):
        return app
    key = _key(app, prefix)
    detail = reverse("console:app_detail", kwargs={"name": app.name})
    if key.revoked_at is not None:
        messages.info(request, f"Key {key.prefix} is revoked; create a new key instead.")
        return redirect(detail)

    def perform() -> HttpResponseBase:
        created = services.do_rotate_api_key(key, actor=request.user)  # type: ignore[arg-type]
        return _show_key_once(request, app, created, replaced=key)

    return confirm(
        request,
        title=f"Rotate key {key.prefix}",
        question=f"Replace key {key.prefix} of {app.name} with a new one?",
        message="A new key with the same name and lifetime is created and shown once; the old key is "
        "revoked at the same moment. Put the new key into the application right away.",
        confirm_label="Rotate key",
        cancel_url=detail,
        perform=perform,
        details=_key_details(key),
    )


@require_role(*ADMINS)
def app_models(request: HttpRequest, name: str) -> HttpResponse:
    app = get_object_or_404(Application, name=name)
    initial = {"allow_all_models": app.allow_all_models, "allowed_models": list(app.allowed_models.all())}
    form = AllowedModelsForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        try:
            services.do_set_allowed_models(
                app,
                actor=request.user,  # type: ignore[arg-type]
                models=[m.name for m in form.cleaned_data["allowed_models"]],
                allow_all=form.cleaned_data["allow_all_models"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Updated the models {app.name} may call.")
            return redirect("console:app_detail", name=app.name)
    status = 400 if form.is_bound else 200
    return render(request, "console/apps/models.html", {"app": app, "form": form}, status=status)


@require_role(*ADMINS)
def app_content(request: HttpRequest, name: str) -> HttpResponse:
    app = get_object_or_404(Application, name=name)
    form = AuditContentForm(
        request.POST if request.method == "POST" else None, initial={"audit_content": app.audit_content}
    )
    if form.is_valid():
        try:
            services.do_set_audit_content(app, form.cleaned_data["audit_content"], actor=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, f"The audit log now keeps '{app.audit_content}' content for {app.name}."
            )
            return redirect("console:app_detail", name=app.name)
    status = 400 if form.is_bound else 200
    return render(request, "console/apps/content.html", {"app": app, "form": form}, status=status)
