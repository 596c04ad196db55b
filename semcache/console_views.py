"""The console's cache panel: per application, hit rate, tokens saved and the threshold in
force; administrators change the settings, and administrators and app owners report a hit's
answer as wrong (which evicts its entry). The pages call ``semcache.actions`` like the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from appliance.roles import Role, has_role
from console.access import require_role
from inference.models import Application
from semcache import actions
from semcache.models import CacheHit

READERS = (Role.ADMINISTRATOR, Role.APP_OWNER)


class CacheSettingsForm(forms.Form):
    enabled = forms.BooleanField(required=False, label="Cache this application's answers")
    threshold = forms.FloatField(min_value=0.5, max_value=1.0, label="Similarity threshold")
    target_false_hit_rate = forms.FloatField(
        required=False,
        min_value=0.0001,
        max_value=0.49,
        label="Target false-hit rate (calibrates the threshold)",
    )
    ttl_seconds = forms.IntegerField(min_value=1, label="Time to live (seconds)")
    max_entries = forms.IntegerField(min_value=1, label="Most entries kept")
    allow_nondeterministic = forms.BooleanField(
        required=False, label="Also cache requests without temperature 0 or a seed"
    )
    share_across_users = forms.BooleanField(required=False, label="Share answers across end users (`user`)")


def _visible(user: Any) -> Any:
    if has_role(user, Role.ADMINISTRATOR):
        return Application.objects.all()
    return Application.objects.filter(owner_id=user.pk)


def _application(user: Any, name: str) -> Application:
    found = _visible(user).filter(name=name).first()
    if found is None:
        raise Http404("No such application.")
    return found


@require_role(*READERS)
def cache_overview(request: HttpRequest) -> HttpResponse:
    rows = [actions.stats(app) for app in _visible(request.user).order_by("name")]
    return render(request, "console/cache/overview.html", {"rows": rows})


@require_role(*READERS)
def cache_app(request: HttpRequest, name: str) -> HttpResponse:
    app = _application(request.user, name)
    is_admin = has_role(request.user, Role.ADMINISTRATOR)
    row = actions.settings_for(app)
    form = CacheSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={field: getattr(row, field) for field in actions.EDITABLE},
    )
    status = 200
    if request.method == "POST":
        if not is_admin:
            return render(
                request,
                "console/403.html",
                {"message": "Only administrators change cache settings."},
                status=403,
            )
        if form.is_valid():
            try:
                actions.do_set_cache_settings(app, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Cache settings of {app.name} saved.")
                return redirect("console:cache_app", name=app.name)
        status = 400
    context = {
        "app": app,
        "stats": actions.stats(app),
        "form": form,
        "is_admin": is_admin,
        "hits": actions.recent_hits(app),
    }
    return render(request, "console/cache/app.html", context, status=status)


@require_role(*READERS)
@require_POST
def cache_report(request: HttpRequest, name: str) -> HttpResponse:
    """The "Wrong answer" button of a hit: evicts its entry and feeds calibration."""
    app = _application(request.user, name)
    request_id = request.POST.get("request_id", "")
    if not CacheHit.objects.filter(application_id=app.pk, request_id=request_id).exists():
        raise Http404("No such cache hit.")
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - require_role admitted a signed-in person
    report = actions.do_report_wrong_answer(
        request_id, actor=user, application_id=app.pk, reason=request.POST.get("reason", "")
    )
    messages.success(
        request,
        f"Reported request {request_id} as a wrong answer: entry {report.entry_id} "
        f"{'evicted' if report.evicted else 'was already gone'}.",
    )
    return redirect("console:cache_app", name=app.name)
