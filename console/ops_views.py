"""The console's operations pages: the dashboard, quotas and budgets, and egress.

Pages and forms only. Every change goes through the service function the CLI and the
management API call — ``inference.quotas.services`` (limits, budgets, prices, the cost model,
suspension, alerts), ``inference.services`` (providers, external models) and
``redaction.services`` (egress policies, the preview) — so each is validated and audited there.

Who may open what:

=============================  =============  ============================  ===================
page                           administrator  app owner                     compliance, auditor,
                                                                            no role
=============================  =============  ============================  ===================
dashboard                      everything     their own applications        403
quotas, an app's quotas        change         read, their own apps only     403
monthly report                 every app      their own apps' rows          403
alerts, prices, cost model,    yes            403                           403
egress cap, suspend, re-enable
egress (providers, policies,   yes            403                           403
preview)
=============================  =============  ============================  ===================

Compliance officers and auditors are refused the dashboard: usage and cost are not part of
their job, and the console's start page sends them to their own pages instead.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from appliance import schedule
from appliance.api import request_id_of
from appliance.roles import Role, has_role
from console import charts, dashboard_data
from console.access import forbidden, owned_applications, require_role
from console.ops_forms import (
    DEFAULT_PERIOD,
    CostModelForm,
    DashboardFilterForm,
    EgressCapForm,
    EgressPolicyForm,
    ExternalModelForm,
    LimitsForm,
    PatternFormSet,
    PreviewForm,
    PriceForm,
    ProviderForm,
    ReenableForm,
    ReportForm,
    SuspendForm,
    patterns_of,
    plain,
    priced_models,
)
from console.views.common import confirm
from inference import services as inference_services
from inference.models import ApiKey, Application, Model, Provider
from inference.providers import keyfile
from inference.quotas import report as usage_report
from inference.quotas import services as quota_services
from inference.quotas import usage
from inference.quotas.models import (
    Alert,
    GlobalEgressCap,
    LocalCostModel,
    ModelPrice,
    QuotaPolicy,
    UsageRecord,
)
from inference.quotas.services import LimitValues
from redaction import policy as egress_policy
from redaction import services as redaction_services
from redaction.engine import DENY_LIST, get_engine
from redaction.models import EgressPolicy

ADMINS = (Role.ADMINISTRATOR,)
READERS = (Role.ADMINISTRATOR, Role.APP_OWNER)


def _is_admin(request: HttpRequest) -> bool:
    return has_role(request.user, Role.ADMINISTRATOR)


def _visible_apps(request: HttpRequest) -> QuerySet[Application]:
    if _is_admin(request):
        return Application.objects.all()
    return owned_applications(request.user)


def _readable_app(request: HttpRequest, name: str) -> Application | HttpResponse:
    """The named application if this person may see its quotas; else the page refusing them."""
    app = get_object_or_404(Application, name=name)
    if _is_admin(request) or (has_role(request.user, Role.APP_OWNER) and app.owner_id == request.user.pk):
        return app
    return forbidden(request, "Only its owner and administrators can see this application's quotas.")


def _actor(request: HttpRequest) -> Any:
    return request.user


# =====================================================================================
# Dashboard
# =====================================================================================

LOCAL_COLOUR = "#3b5bdb"
EGRESS_COLOUR = "#d9480f"


def _f(value: Decimal | float | int | None) -> float | None:
    return None if value is None else float(value)


def _charts(data: dashboard_data.Dashboard) -> list[charts.Chart]:
    days = [day for day, _ in data.days]
    per_day = [totals for _, totals in data.days]
    period = f"{charts.day_label(data.first)} to {charts.day_label(data.last)}"
    total = data.total
    return [
        charts.stacked_bars(
            "chart-requests",
            "Requests per day",
            f"Requests served each day from {period}, local and egress stacked: "
            f"{total.requests} in all, {total.local_requests} local and {total.egress_requests} egress.",
            days,
            [
                charts.Series("local", [t.local_requests for t in per_day], "local", LOCAL_COLOUR),
                charts.Series("egress", [t.egress_requests for t in per_day], "egress", EGRESS_COLOUR),
            ],
        ),
        charts.stacked_bars(
            "chart-tokens",
            "Tokens per day",
            f"Prompt and completion tokens each day from {period}: {total.tokens} in all.",
            days,
            [
                charts.Series("prompt", [t.prompt_tokens for t in per_day], "prompt", "#5c7cfa"),
                charts.Series("completion", [t.completion_tokens for t in per_day], "completion", "#12b886"),
            ],
        ),
        charts.line_chart(
            "chart-latency",
            "Latency per day",
            f"Median (p50) and 99th-percentile (p99) latency of each day from {period}; "
            "days without requests are gaps.",
            days,
            [
                charts.Series("p50", [t.p50_ms for t in per_day], "p50", "#3b5bdb"),
                charts.Series("p99", [t.p99_ms for t in per_day], "p99", "#ae3ec9"),
            ],
            fmt=charts.milliseconds,
        ),
        charts.line_chart(
            "chart-errors",
            "Errors per day",
            f"Requests that failed (4xx or 5xx) and requests refused by a limit (429) each day "
            f"from {period}.",
            days,
            [
                charts.Series("errors", [t.errors for t in per_day], "errors", "#c92a2a"),
                charts.Series("refused by a limit", [t.throttled for t in per_day], "throttled", "#e67700"),
            ],
        ),
        charts.line_chart(
            "chart-cost",
            "Cost and avoided spend per day",
            f"Each day from {period}: what egress cost, the local fleet's estimated cost, and what the "
            "local traffic would have cost on the reference external model (avoided spend).",
            days,
            [
                charts.Series(
                    "egress spend", [_f(t.egress_cost_usd) for t in per_day], "egress", EGRESS_COLOUR
                ),
                charts.Series("local cost", [_f(t.local_cost_usd) for t in per_day], "local", LOCAL_COLOUR),
                charts.Series(
                    "avoided spend", [_f(t.local_counterfactual_usd) for t in per_day], "savings", "#2b8a3e"
                ),
            ],
            fmt=charts.money,
        ),
    ]


def _share_chart(total: dashboard_data.Totals) -> charts.Chart:
    share = total.local_share
    return charts.donut(
        "chart-share",
        "Local and egress share of requests",
        f"{total.local_requests} requests served locally and {total.egress_requests} sent to "
        "external providers.",
        [
            ("local", total.local_requests, "local", LOCAL_COLOUR),
            ("egress", total.egress_requests, "egress", EGRESS_COLOUR),
        ],
        centre_text=charts.DASH if share is None else f"{100 * share:.0f}% local",
    )


@dataclass
class Breakdown:
    name: str
    totals: dashboard_data.Totals
    url: str = ""


@require_role(*READERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    started = time.perf_counter()
    is_admin = _is_admin(request)
    names = dict(_visible_apps(request).order_by("name").values_list("pk", "name"))
    model_names = sorted(set(Model.objects.values_list("name", flat=True)))
    form = DashboardFilterForm(request.GET or None, applications=list(names.values()), models=model_names)
    period, chosen_app, chosen_model = DEFAULT_PERIOD, "", ""
    status = 200
    if form.is_bound:
        if form.is_valid():
            period = form.cleaned_data["period"] or DEFAULT_PERIOD
            chosen_app = form.cleaned_data["application"]
            chosen_model = form.cleaned_data["model"]
        else:
            status = 400
    app_ids: set[int] | None = None if is_admin else set(names)
    if chosen_app:
        app_ids = {pk for pk, name in names.items() if name == chosen_app}
    last = dashboard_data.today()
    first = last - timedelta(days=period - 1)
    data = dashboard_data.dashboard(
        first, last, app_ids=app_ids, models=[chosen_model] if chosen_model else None
    )
    by_app = sorted(
        (
            Breakdown(
                names.get(pk, "(no application)" if pk == 0 else f"#{pk} (deleted)"),
                totals,
                reverse("console:quota_app", kwargs={"name": names[pk]}) if pk in names else "",
            )
            for pk, totals in data.by_application.items()
        ),
        key=lambda b: (-b.totals.requests, b.name),
    )
    by_model = sorted(
        (Breakdown(name or "(none)", totals) for name, totals in data.by_model.items()),
        key=lambda b: (-b.totals.requests, b.name),
    )
    context = {
        "form": form,
        "data": data,
        "total": data.total,
        "charts": _charts(data),
        "share_chart": _share_chart(data.total),
        "by_app": by_app,
        "by_model": by_model,
        "period": period,
        "chosen_app": chosen_app,
        "chosen_model": chosen_model,
        "is_admin": is_admin,
        "has_apps": bool(names),
        "live_since": data.live_days[0] if data.live_days else None,
        # The periodic jobs (retention, rollups, health checks, checkpoints): administrators
        # must see one that failed or stopped running.
        "schedule": schedule.states() if is_admin else None,
        "scheduler": settings.AIRLOCK_SCHEDULER,
        "query_ms": round(1000 * (time.perf_counter() - started)),
    }
    return render(request, "console/dashboard/index.html", context, status=status)


# =====================================================================================
# Quotas and budgets
# =====================================================================================


@dataclass
class Meter:
    """Use of one limit in its current window."""

    label: str
    used: float | None
    limit: float | None
    money: bool = False

    @property
    def percent(self) -> int | None:
        return charts.meter_percent(self.used, self.limit)

    @property
    def low(self) -> float | None:
        return None if self.limit is None else 0.8 * self.limit

    @property
    def high(self) -> float | None:
        return None if self.limit is None else 0.95 * self.limit

    @property
    def level(self) -> str:
        percent = self.percent
        if percent is None:
            return "muted"
        return "bad" if percent >= 95 else "warn" if percent >= 80 else "ok"


METERS = [
    ("requests_per_minute", "Requests this minute", False),
    ("tokens_per_minute", "Tokens this minute", False),
    ("tokens_per_day", "Tokens today (UTC)", False),
    ("tokens_per_month", "Tokens this month", False),
    ("budget_usd_per_month", "Egress spend this month", True),
]


def _meters(limits: LimitValues, used: dict[str, Any]) -> list[Meter]:
    return [
        Meter(label, _f(used.get(name)) or 0.0, _f(getattr(limits, name)), money)
        for name, label, money in METERS
        if getattr(limits, name) is not None
    ]


def limit_summary(limits: LimitValues) -> list[str]:
    """The limits that are set, in a few words each ("60 requests/min", "$50.00 egress/month")."""
    found = []
    for name, unit in (
        ("requests_per_minute", "requests/min"),
        ("tokens_per_minute", "tokens/min"),
        ("tokens_per_day", "tokens/day"),
        ("tokens_per_month", "tokens/month"),
    ):
        value = getattr(limits, name)
        if value is not None:
            found.append(f"{value:,} {unit}")
    if limits.budget_usd_per_month is not None:
        found.append(f"${limits.budget_usd_per_month:,.2f} egress/month")
    if limits.suspend_above_rpm is not None:
        found.append(f"suspend above {limits.suspend_above_rpm:,} requests/min")
    if not limits.runaway_protection:
        found.append("runaway protection off")
    return found


@dataclass
class AppQuota:
    app: Application
    limits: LimitValues
    meters: list[Meter]
    key_policies: int

    @property
    def summary(self) -> list[str]:
        return limit_summary(self.limits)


def _app_quota(app: Application, policy: QuotaPolicy | None, key_policies: int) -> AppQuota:
    limits = LimitValues.of(policy)
    used = usage.now_for(policy, f"a{app.pk}")
    return AppQuota(app, limits, _meters(limits, used), key_policies)


def _egress_cap() -> tuple[Decimal | None, Decimal | None]:
    row = GlobalEgressCap.objects.filter(pk=1).first()
    cap = row.budget_usd_per_month if row else None
    return cap, (usage.egress_spent_this_month() if cap is not None else None)


@require_role(*READERS)
def quotas(request: HttpRequest) -> HttpResponse:
    is_admin = _is_admin(request)
    apps = list(_visible_apps(request).select_related("owner").order_by("name"))
    policies = {
        p.application_id: p for p in QuotaPolicy.objects.filter(application__in=apps, api_key__isnull=True)
    }
    key_counts = dict(
        QuotaPolicy.objects.filter(application__in=apps, api_key__isnull=False)
        .values_list("application_id")
        .annotate(n=Count("id"))
        .values_list("application_id", "n")
    )
    rows = [_app_quota(app, policies.get(app.pk), key_counts.get(app.pk, 0)) for app in apps]
    context: dict[str, Any] = {
        "rows": rows,
        "suspended": [app for app in apps if not app.is_active],
        "is_admin": is_admin,
        "month": timezone.now().strftime("%Y-%m"),
    }
    if is_admin:
        cap, spent = _egress_cap()
        cost_model = LocalCostModel.objects.filter(pk=1).first()
        context |= {
            "cap": cap,
            "cap_meter": Meter("Egress spend this month", _f(spent) or 0.0, _f(cap), True)
            if cap is not None
            else None,
            "cap_form": EgressCapForm(initial={"budget_usd_per_month": plain(cap)}),
            "open_alerts": list(
                Alert.objects.filter(acknowledged_at__isnull=True).select_related("application")[:100]
            ),
            "recent_alerts": list(
                Alert.objects.filter(acknowledged_at__isnull=False).select_related(
                    "application", "acknowledged_by"
                )[:10]
            ),
            "prices": list(ModelPrice.objects.all()),
            "cost_model": cost_model,
        }
    return render(request, "console/quotas/index.html", context)


@require_role(*READERS)
def quota_app(request: HttpRequest, name: str) -> HttpResponse:
    app = _readable_app(request, name)
    if isinstance(app, HttpResponse):
        return app
    is_admin = _is_admin(request)
    policy = QuotaPolicy.objects.filter(application=app, api_key__isnull=True).first()
    form = LimitsForm(initial=LimitsForm.initial_of(LimitValues.of(policy)))
    status = 200
    if request.method == "POST":
        if not is_admin:
            return forbidden(request, "Only administrators change limits.")
        form = LimitsForm(request.POST)
        if form.is_valid():
            try:
                quota_services.do_set_limits(app, form.changes(), actor=_actor(request))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, f"Saved the limits of {app.name}. They apply from the next request."
                )
                return redirect("console:quota_app", name=app.name)
        status = 400
    keys = list(ApiKey.objects.filter(application=app, revoked_at__isnull=True).order_by("-created_at"))
    key_policies = {
        p.api_key_id: p for p in QuotaPolicy.objects.filter(application=app, api_key__isnull=False)
    }
    key_rows = [(key, limit_summary(LimitValues.of(key_policies.get(key.pk)))) for key in keys]
    context = {
        "app": app,
        "quota": _app_quota(app, policy, len(key_policies)),
        "form": form,
        "key_rows": key_rows,
        "is_admin": is_admin,
        "month": timezone.now().strftime("%Y-%m"),
    }
    return render(request, "console/quotas/app.html", context, status=status)


@require_role(*ADMINS)
def quota_key(request: HttpRequest, name: str, prefix: str) -> HttpResponse:
    app = get_object_or_404(Application, name=name)
    key = get_object_or_404(ApiKey, application=app, prefix=prefix)
    policy = QuotaPolicy.objects.filter(api_key=key).first()
    form = LimitsForm(
        request.POST if request.method == "POST" else None,
        initial=LimitsForm.initial_of(LimitValues.of(policy)),
    )
    if form.is_valid():
        try:
            quota_services.do_set_limits(app, form.changes(), api_key=key, actor=_actor(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Saved the limits of key {key.prefix}.")
            return redirect("console:quota_app", name=app.name)
    limits = LimitValues.of(policy)
    context = {
        "app": app,
        "key": key,
        "form": form,
        "meters": _meters(limits, usage.now_for(policy, f"k{key.pk}")),
    }
    return render(request, "console/quotas/key.html", context, status=400 if form.is_bound else 200)


@require_role(*ADMINS)
def quota_egress_cap(request: HttpRequest) -> HttpResponseBase:
    cap, _ = _egress_cap()
    form = EgressCapForm(
        request.POST if request.method == "POST" else None, initial={"budget_usd_per_month": plain(cap)}
    )
    if form.is_valid():
        try:
            value = quota_services.do_set_egress_cap(
                form.cleaned_data["budget_usd_per_month"], actor=_actor(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                "Removed the egress cap."
                if value is None
                else f"Set the egress cap to ${value:,.2f} a month.",
            )
            return redirect(reverse("console:quotas") + "#egress-cap")
    return render(
        request, "console/quotas/egress_cap.html", {"form": form}, status=400 if form.is_bound else 200
    )


def _suspend_or_reenable(request: HttpRequest, app: Application, *, suspend: bool) -> HttpResponseBase:
    back = reverse("console:quota_app", kwargs={"name": app.name})
    form_class = SuspendForm if suspend else ReenableForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and request.POST.get("confirm") == "yes" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if suspend:
                quota_services.do_suspend_application(app, reason=reason, actor=_actor(request))
            else:
                quota_services.do_reenable_application(app, reason=reason, actor=_actor(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if suspend:
                messages.warning(
                    request, f"Suspended {app.name}: every request with its keys is refused (403)."
                )
            else:
                messages.success(
                    request, f"Re-enabled {app.name}: its keys work again from the next request."
                )
            return redirect(back)
    context = {
        "app": app,
        "form": form,
        "suspend": suspend,
        "cancel_url": back,
    }
    return render(
        request,
        "console/quotas/confirm_reason.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@require_role(*ADMINS)
def quota_suspend(request: HttpRequest, name: str) -> HttpResponseBase:
    app = get_object_or_404(Application, name=name)
    if not app.is_active:
        messages.info(request, f"{app.name} is already suspended.")
        return redirect("console:quota_app", name=app.name)
    return _suspend_or_reenable(request, app, suspend=True)


@require_role(*ADMINS)
def quota_reenable(request: HttpRequest, name: str) -> HttpResponseBase:
    app = get_object_or_404(Application, name=name)
    if app.is_active:
        messages.info(request, f"{app.name} is not suspended.")
        return redirect("console:quota_app", name=app.name)
    return _suspend_or_reenable(request, app, suspend=False)


@require_role(*ADMINS)
@require_POST
def quota_alert_ack(request: HttpRequest, alert_id: int) -> HttpResponseBase:
    alert = get_object_or_404(Alert, pk=alert_id)
    quota_services.do_acknowledge_alert(alert, actor=_actor(request))
    messages.success(request, "Alert acknowledged.")
    return redirect(reverse("console:quotas") + "#alerts")


@require_role(*ADMINS)
def quota_prices(request: HttpRequest) -> HttpResponse:
    editing = request.GET.get("model", "")
    row = ModelPrice.objects.filter(model=editing).first() if editing else None
    initial = (
        {
            "model": row.model,
            "input_usd_per_million": plain(row.input_usd_per_million),
            "output_usd_per_million": plain(row.output_usd_per_million),
        }
        if row
        else {"model": editing}
    )
    form = PriceForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            quota_services.do_set_prices(
                data["model"],
                input_usd_per_million=data["input_usd_per_million"],
                output_usd_per_million=data["output_usd_per_million"],
                actor=_actor(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Saved the price of {data['model']}.")
            return redirect("console:quota_prices")
    external = list(
        Model.objects.filter(provider__isnull=False).order_by("name").values_list("name", flat=True)
    )
    priced = set(ModelPrice.objects.values_list("model", flat=True))
    context = {
        "form": form,
        "prices": list(ModelPrice.objects.all()),
        "editing": row,
        "unpriced": [name for name in external if name not in priced],
    }
    return render(request, "console/quotas/prices.html", context, status=400 if form.is_bound else 200)


@require_role(*ADMINS)
def quota_price_delete(request: HttpRequest, model: str) -> HttpResponseBase:
    row = get_object_or_404(ModelPrice, model=model)
    back = reverse("console:quota_prices")

    def perform() -> HttpResponseBase:
        quota_services.do_delete_price(row.model, actor=_actor(request))
        messages.success(request, f"Removed the price of {row.model}.")
        return redirect(back)

    return confirm(
        request,
        title=f"Remove the price of {row.model}",
        question=f"Remove the price of {row.model}?",
        message="Requests to this model are then costed at $0, egress budgets no longer count them, "
        "and savings against it cannot be computed.",
        confirm_label="Remove price",
        cancel_url=back,
        perform=perform,
        details=[
            ("Input", f"${row.input_usd_per_million} per million tokens"),
            ("Output", f"${row.output_usd_per_million} per million tokens"),
        ],
    )


@require_role(*ADMINS)
def quota_cost_model(request: HttpRequest) -> HttpResponse:
    row = LocalCostModel.objects.filter(pk=1).first() or LocalCostModel(pk=1)
    form = CostModelForm(
        request.POST if request.method == "POST" else None,
        initial=CostModelForm.initial_of(row),
        priced_models=priced_models(),
        current=row.reference_model,
    )
    if form.is_valid():
        try:
            quota_services.do_set_local_cost_model(dict(form.cleaned_data), actor=_actor(request))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Saved the local cost model.")
            return redirect(reverse("console:quotas") + "#cost-model")
    return render(
        request,
        "console/quotas/cost_model.html",
        {"form": form, "row": row},
        status=400 if form.is_bound else 200,
    )


def _months_back(count: int) -> list[str]:
    today = timezone.now().date().replace(day=1)
    found = []
    for _ in range(count):
        found.append(today.strftime("%Y-%m"))
        today = (today - timedelta(days=1)).replace(day=1)
    return found


@require_role(*READERS)
def quota_report(request: HttpRequest) -> HttpResponse:
    is_admin = _is_admin(request)
    current = timezone.now().strftime("%Y-%m")
    form = ReportForm(request.GET or {"month": current})
    status = 200
    month = usage_report.parse_month(current)
    if form.is_valid():
        try:
            month = usage_report.parse_month(form.cleaned_data["month"])
        except ValueError as exc:
            form.add_error("month", str(exc))
            status = 400
    else:
        status = 400
    app_ids = None if is_admin else set(_visible_apps(request).values_list("pk", flat=True))
    result = usage_report.monthly(month, app_ids=app_ids)
    days = calendar.monthrange(month.year, month.month)[1]
    context = {
        "form": form,
        "report": result,
        "is_admin": is_admin,
        "months": _months_back(12),
        "month_label": date(month.year, month.month, 1).strftime("%B %Y"),
        "days_in_month": days,
    }
    return render(request, "console/quotas/report.html", context, status=status)


# =====================================================================================
# Egress
# =====================================================================================


def _provider_names() -> list[str]:
    return list(Provider.objects.order_by("name").values_list("name", flat=True))


def _entity_types(*policies: dict[str, Any]) -> list[str]:
    """Every type a policy may name: the detector's, deny-list terms, and custom patterns'."""
    known = {*get_engine().supported_entities(), DENY_LIST}
    for patterns in EgressPolicy.objects.values_list("patterns", flat=True):
        known.update(str(p.get("entity_type", "")) for p in patterns or [])
    for data in policies:
        known.update(data.get("entity_actions") or {})
        known.update(e for e in data.get("entities") or [] if e != egress_policy.EVERY)
    known.discard("")
    return sorted(known)


@dataclass
class ProviderRow:
    provider: Provider
    key_status: str
    requests_24h: int
    errors_24h: int


@require_role(*ADMINS)
def egress(request: HttpRequest) -> HttpResponse:
    providers = list(Provider.objects.prefetch_related("external_models"))
    since = timezone.now() - timedelta(hours=24)
    recent = {
        entry["provider"]: entry
        for entry in UsageRecord.objects.filter(created_at__gte=since, route=UsageRecord.Route.EGRESS)
        .values("provider")
        .annotate(n=Count("id"), errors=Count("id", filter=Q(status__gte=400)))
        .order_by()
    }
    rows = [
        ProviderRow(
            p,
            keyfile.status(p.api_key_file),
            recent.get(p.name, {}).get("n", 0),
            recent.get(p.name, {}).get("errors", 0),
        )
        for p in providers
    ]
    global_row = redaction_services.policy_row(None)
    global_policy = redaction_services.policy_dict(global_row)
    apps = list(Application.objects.order_by("name").select_related("egress_policy"))
    app_rows = []
    for app in apps:
        row = getattr(app, "egress_policy", None)  # None: the application has no policy row
        effective = egress_policy.combine(global_row, row, application_id=app.pk)
        app_rows.append({"app": app, "row": row, "effective": effective})
    context = {
        "providers": rows,
        "external_models": list(
            Model.objects.filter(provider__isnull=False).select_related("provider").order_by("name")
        ),
        "global_policy": global_policy,
        "global_effective": egress_policy.combine(global_row, None, application_id=None),
        "app_rows": app_rows,
        "preview_form": PreviewForm(providers=_provider_names()),
    }
    return render(request, "console/egress/index.html", context)


def _provider_settings(data: dict[str, Any]) -> inference_services.ProviderSettings:
    return inference_services.ProviderSettings(
        base_url=data["base_url"],
        api_key_file=data["api_key_file"],
        region=data["region"],
        timeout_seconds=data["timeout_seconds"],
        max_retries=data["max_retries"],
        breaker_threshold=data["breaker_threshold"],
        breaker_cooldown_seconds=data["breaker_cooldown_seconds"],
        extra_headers=data["extra_headers"],
        is_enabled=data["is_enabled"],
    )


@require_role(*ADMINS)
def provider_add(request: HttpRequest) -> HttpResponse:
    form = ProviderForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            provider = inference_services.do_register_provider(
                data["name"],
                data["kind"],
                data["base_url"],
                actor=_actor(request),
                settings=_provider_settings(data),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"Registered the provider {provider.name}. Nothing is sent to it until an external model "
                "points at it and the egress policy allows it.",
            )
            return redirect(reverse("console:egress") + "#providers")
    context = {"form": form, "provider": None}
    return render(request, "console/egress/provider_form.html", context, status=400 if form.is_bound else 200)


@require_role(*ADMINS)
def provider_edit(request: HttpRequest, name: str) -> HttpResponse:
    provider = get_object_or_404(Provider, name=name)
    form = ProviderForm(
        request.POST if request.method == "POST" else None,
        initial=ProviderForm.initial_of(provider),
        existing=provider,
    )
    if form.is_valid():
        try:
            inference_services.do_update_provider(
                provider, _provider_settings(form.cleaned_data), actor=_actor(request)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Saved the provider {provider.name}.")
            return redirect(reverse("console:egress") + "#providers")
    context = {
        "form": form,
        "provider": provider,
        "key_status": keyfile.status(provider.api_key_file),
    }
    return render(request, "console/egress/provider_form.html", context, status=400 if form.is_bound else 200)


@require_role(*ADMINS)
def external_model_add(request: HttpRequest) -> HttpResponse:
    initial = {"provider": request.GET.get("provider", "")}
    form = ExternalModelForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            model = inference_services.do_register_external_model(
                data["name"].strip(),
                data["provider"],
                data["remote_name"].strip(),
                actor=_actor(request),
                description=data["description"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"{model.name} now goes to {model.provider} as {model.remote_name}. Allow it for an "
                "application (Applications) and enable egress for that application below.",
            )
            return redirect(reverse("console:egress") + "#external-models")
    context = {"form": form, "has_providers": Provider.objects.exists()}
    return render(request, "console/egress/model_form.html", context, status=400 if form.is_bound else 200)


@require_role(*ADMINS)
def external_model_remove(request: HttpRequest, name: str) -> HttpResponseBase:
    model = get_object_or_404(Model.objects.select_related("provider"), name=name, provider__isnull=False)
    back = reverse("console:egress") + "#external-models"

    def perform() -> HttpResponseBase:
        inference_services.do_remove_external_model(model, actor=_actor(request))
        messages.success(request, f"Removed the external model {model.name}.")
        return redirect(back)

    return confirm(
        request,
        title=f"Remove the external model {model.name}",
        question=f"Remove {model.name}?",
        message="Applications calling this name get an error from the next request on. The provider "
        "stays registered.",
        confirm_label="Remove model",
        cancel_url=back,
        perform=perform,
        details=[("Provider", model.provider), ("Provider's model", model.remote_name)],
    )


# Where the service's error for a policy field is shown on the form.
POLICY_ERROR_FIELDS = {
    "enabled": "enabled",
    "allowed_providers": "providers",
    "entities": "entities",
    "default_action": "default_action",
    "threshold": "threshold",
    "deny_terms": "deny_terms",
    "allow_terms": "allow_terms",
}


def _policy_page(request: HttpRequest, app: Application | None) -> HttpResponse:
    row = redaction_services.policy_row(app)
    current = redaction_services.policy_dict(row, app)
    is_global = app is None
    providers = _provider_names()
    entity_types = _entity_types(current)
    pattern_errors: list[str] = []
    action_errors: list[str] = []
    if request.method == "POST":
        form = EgressPolicyForm(
            request.POST, is_global=is_global, providers=providers, entity_types=entity_types
        )
        formset = PatternFormSet(request.POST, prefix="patterns")
        if form.is_valid() and formset.is_valid():
            changes = form.changes() | {"patterns": patterns_of(formset)}
            try:
                redaction_services.do_set_egress_policy(app, changes, actor=_actor(request))
            except ValidationError as exc:
                for field_name, problems in (
                    exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
                ).items():
                    if field_name == "patterns":
                        pattern_errors += problems
                    elif field_name == "entity_actions":
                        action_errors += problems
                    else:
                        form.add_error(POLICY_ERROR_FIELDS.get(field_name), problems)
            else:
                state = "ON" if changes["enabled"] else "off"
                if app is None:
                    messages.success(
                        request,
                        f"Saved the global egress policy: its switch is {state}. "
                        "It applies from the next request.",
                    )
                    return redirect("console:egress_policy")
                messages.success(
                    request,
                    f"Saved the egress policy of {app.name}: its switch is {state}. "
                    "It applies from the next request.",
                )
                return redirect("console:egress_policy_app", name=app.name)
        status = 400
    else:
        form = EgressPolicyForm(
            initial=EgressPolicyForm.initial_of(current),
            is_global=is_global,
            providers=providers,
            entity_types=entity_types,
        )
        formset = PatternFormSet(initial=current["patterns"], prefix="patterns")
        status = 200
    global_row = redaction_services.policy_row(None)
    effective = egress_policy.resolve(app.pk if app is not None else None)
    context = {
        "app": app,
        "form": form,
        "formset": formset,
        "pattern_errors": pattern_errors,
        "action_errors": action_errors,
        "current": current,
        "effective": effective.as_dict(),
        "global_enabled": bool(global_row and global_row.enabled),
        "has_providers": bool(providers),
    }
    return render(request, "console/egress/policy.html", context, status=status)


@require_role(*ADMINS)
def egress_policy_global(request: HttpRequest) -> HttpResponse:
    return _policy_page(request, None)


@require_role(*ADMINS)
def egress_policy_app(request: HttpRequest, name: str) -> HttpResponse:
    return _policy_page(request, get_object_or_404(Application, name=name))


@dataclass
class ShownFinding:
    type: str
    original: str
    action: str
    replacement: str | None
    score: float


def _shown_findings(text: str, findings: Sequence[dict[str, Any]]) -> list[ShownFinding]:
    return [
        ShownFinding(f["type"], text[f["start"] : f["end"]], f["action"], f["replacement"], f["score"])
        for f in findings
    ]


@require_role(*ADMINS)
def egress_preview(request: HttpRequest) -> HttpResponse:
    providers = _provider_names()
    form = PreviewForm(request.POST if request.method == "POST" else None, providers=providers)
    result = None
    findings: list[ShownFinding] = []
    if form.is_valid():
        data = form.cleaned_data
        result = redaction_services.do_preview(
            data["text"],
            actor=_actor(request),
            application=data["application"],
            provider=data["provider"] or None,
            request_id=request_id_of(request),
        )
        findings = _shown_findings(data["text"], result.findings)
    context = {"form": form, "result": result, "findings": findings, "has_providers": bool(providers)}
    return render(
        request,
        "console/egress/preview.html",
        context,
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
