"""The quotas management API, mounted at ``/api/usage/``.

Who may do what (``appliance.roles``):

======================================  =============  ==========================  ============
endpoint                                administrator  app owner                   others
======================================  =============  ==========================  ============
limits (list, app, key): read           yes            their own applications      403
limits: change                          yes            403                         403
egress-cap, prices, cost-model          yes            403                         403
usage, report                           yes            their own applications      403
alerts, acknowledge                     yes            403                         403
apps/<name>/suspend, reenable           yes            403                         403
======================================  =============  ==========================  ============

An app owner asking for an application that is not theirs gets 404, as if it did not exist.
Views parse, check and call ``inference.quotas.services`` (changes, each audited) or the
read functions of ``rollups``, ``report`` and ``usage``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from appliance.api import ManagementSchema
from appliance.roles import HasRole, Role, has_role
from inference.models import ApiKey, Application
from inference.quotas import report, rollups, services, usage
from inference.quotas.models import Alert, GlobalEgressCap, LocalCostModel, ModelPrice, QuotaPolicy
from inference.quotas.serializers import (
    AlertSerializer,
    AppLimitsSerializer,
    CostModelSerializer,
    EgressCapSerializer,
    KeyLimitsDetailSerializer,
    LimitsSerializer,
    PriceSerializer,
    ReasonSerializer,
    ReportQuerySerializer,
    UsageQuerySerializer,
)

ADMINS = (Role.ADMINISTRATOR,)
ADMINS_AND_OWNERS = (Role.ADMINISTRATOR, Role.APP_OWNER)


class QuotaView(APIView):
    """Roles, and service errors as 400s."""

    permission_classes = [IsAuthenticated, HasRole]
    schema = ManagementSchema()
    allowed_roles: tuple[Role, ...] = ADMINS
    read_roles: tuple[Role, ...] = ADMINS

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DjangoValidationError):
            exc = exceptions.ValidationError({"detail": exc.messages})
        return super().handle_exception(exc)

    def is_admin(self) -> bool:
        return has_role(self.request.user, Role.ADMINISTRATOR)

    def visible_apps(self) -> QuerySet[Application]:
        """Every application for an administrator; an app owner's own otherwise."""
        apps = Application.objects.all()
        return apps if self.is_admin() else apps.filter(owner_id=self.request.user.pk)

    def app(self, name: str) -> Application:
        found = self.visible_apps().filter(name=name).first()
        if found is None:
            raise Http404(f"No application named {name!r}.")
        return found


def _limits_of(policy: QuotaPolicy | None) -> dict[str, Any]:
    return services.LimitValues.of(policy).as_dict()


def _app_limits(app: Application) -> dict[str, Any]:
    policies = list(QuotaPolicy.objects.filter(application=app).select_related("api_key"))
    own = next((p for p in policies if p.api_key_id is None), None)
    return {
        "application": app.name,
        "is_active": app.is_active,
        "limits": _limits_of(own),
        "keys": [
            {"key_prefix": p.api_key.prefix, "limits": _limits_of(p)}
            for p in policies
            if p.api_key is not None
        ],
        "usage_now": usage.now_for(own, f"a{app.pk}"),
    }


class LimitList(QuotaView):
    read_roles = ADMINS_AND_OWNERS

    @extend_schema(
        summary="Limits of every visible application, with use in the current windows",
        responses={200: AppLimitsSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        data = [_app_limits(app) for app in self.visible_apps()]
        return Response(AppLimitsSerializer(data, many=True).data)  # type: ignore[arg-type]


def _changes(request: Request, partial: bool) -> dict[str, Any]:
    given = LimitsSerializer(data=request.data, partial=partial)
    given.is_valid(raise_exception=True)
    changes = dict(given.validated_data)
    if not partial:
        # PUT replaces the whole policy: what is not given is no limit (protection on).
        for name in services.LimitValues.names():
            changes.setdefault(name, True if name == "runaway_protection" else None)
    return changes


class AppLimits(QuotaView):
    read_roles = ADMINS_AND_OWNERS

    @extend_schema(summary="An application's limits", responses={200: AppLimitsSerializer})
    def get(self, request: Request, name: str) -> Response:
        return Response(AppLimitsSerializer(_app_limits(self.app(name))).data)

    @extend_schema(
        summary="Replace an application's limits",
        request=LimitsSerializer,
        responses={200: AppLimitsSerializer},
    )
    def put(self, request: Request, name: str) -> Response:
        app = self.app(name)
        services.do_set_limits(app, _changes(request, partial=False), actor=request.user)
        return Response(AppLimitsSerializer(_app_limits(app)).data)

    @extend_schema(
        summary="Change some of an application's limits",
        request=LimitsSerializer,
        responses={200: AppLimitsSerializer},
    )
    def patch(self, request: Request, name: str) -> Response:
        app = self.app(name)
        services.do_set_limits(app, _changes(request, partial=True), actor=request.user)
        return Response(AppLimitsSerializer(_app_limits(app)).data)


class KeyLimits(QuotaView):
    read_roles = ADMINS_AND_OWNERS

    def key(self, name: str, prefix: str) -> tuple[Application, ApiKey]:
        app = self.app(name)
        key = ApiKey.objects.filter(application=app, prefix=prefix).first()
        if key is None:
            raise Http404(f"Application {name!r} has no key {prefix!r}.")
        return app, key

    def _out(self, key: ApiKey) -> dict[str, Any]:
        policy = QuotaPolicy.objects.filter(api_key=key).first()
        return {
            "key_prefix": key.prefix,
            "limits": _limits_of(policy),
            "usage_now": usage.now_for(policy, f"k{key.pk}"),
        }

    @extend_schema(summary="One API key's own limits", responses={200: KeyLimitsDetailSerializer})
    def get(self, request: Request, name: str, prefix: str) -> Response:
        _, key = self.key(name, prefix)
        return Response(self._out(key))

    @extend_schema(
        summary="Replace one API key's limits",
        request=LimitsSerializer,
        responses={200: KeyLimitsDetailSerializer},
    )
    def put(self, request: Request, name: str, prefix: str) -> Response:
        app, key = self.key(name, prefix)
        services.do_set_limits(app, _changes(request, partial=False), api_key=key, actor=request.user)
        return Response(self._out(key))

    @extend_schema(
        summary="Change some of one API key's limits",
        request=LimitsSerializer,
        responses={200: KeyLimitsDetailSerializer},
    )
    def patch(self, request: Request, name: str, prefix: str) -> Response:
        app, key = self.key(name, prefix)
        services.do_set_limits(app, _changes(request, partial=True), api_key=key, actor=request.user)
        return Response(self._out(key))


class EgressCap(QuotaView):
    def _out(self) -> dict[str, Any]:
        row = GlobalEgressCap.objects.filter(pk=1).first()
        cap = row.budget_usd_per_month if row else None
        return {
            "budget_usd_per_month": cap,
            "spent_usd_this_month": usage.egress_spent_this_month() if cap is not None else None,
        }

    @extend_schema(summary="The appliance-wide egress budget per month", responses={200: EgressCapSerializer})
    def get(self, request: Request) -> Response:
        return Response(EgressCapSerializer(self._out()).data)

    @extend_schema(
        summary="Set the egress budget (null: no cap)",
        request=EgressCapSerializer,
        responses={200: EgressCapSerializer},
    )
    def put(self, request: Request) -> Response:
        given = EgressCapSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.do_set_egress_cap(given.validated_data["budget_usd_per_month"], actor=request.user)
        return Response(EgressCapSerializer(self._out()).data)


class PriceList(QuotaView):
    @extend_schema(summary="The price table of external models", responses={200: PriceSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(PriceSerializer(ModelPrice.objects.all(), many=True).data)


class PriceDetail(QuotaView):
    @extend_schema(summary="A model's price", responses={200: PriceSerializer})
    def get(self, request: Request, model: str) -> Response:
        row = ModelPrice.objects.filter(model=model).first()
        if row is None:
            raise Http404(f"No price is set for {model!r}.")
        return Response(PriceSerializer(row).data)

    @extend_schema(
        summary="Set a model's price ($ per million tokens)",
        request=PriceSerializer,
        responses={200: PriceSerializer},
    )
    def put(self, request: Request, model: str) -> Response:
        given = PriceSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        row = services.do_set_prices(
            model,
            input_usd_per_million=given.validated_data["input_usd_per_million"],
            output_usd_per_million=given.validated_data["output_usd_per_million"],
            actor=request.user,
        )
        return Response(PriceSerializer(row).data)

    @extend_schema(summary="Remove a model's price", responses={204: None})
    def delete(self, request: Request, model: str) -> Response:
        if not ModelPrice.objects.filter(model=model).exists():
            raise Http404(f"No price is set for {model!r}.")
        services.do_delete_price(model, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CostModel(QuotaView):
    @extend_schema(summary="The local cost model", responses={200: CostModelSerializer})
    def get(self, request: Request) -> Response:
        row = LocalCostModel.objects.filter(pk=1).first() or LocalCostModel(pk=1)
        return Response(CostModelSerializer(row).data)

    @extend_schema(
        summary="Change the local cost model (fields not given stay)",
        request=CostModelSerializer,
        responses={200: CostModelSerializer},
    )
    def put(self, request: Request) -> Response:
        given = CostModelSerializer(data=request.data, partial=True)
        given.is_valid(raise_exception=True)
        row = services.do_set_local_cost_model(dict(given.validated_data), actor=request.user)
        return Response(CostModelSerializer(row).data)


GROUP_NAMES = {
    "day": "day",
    "month": "month",
    "application": "application_id",
    "model": "model",
    "route": "route",
}


class Usage(QuotaView):
    read_roles = ADMINS_AND_OWNERS

    @extend_schema(
        summary="Usage from the daily rollups, grouped",
        parameters=[UsageQuerySerializer],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        given = UsageQuerySerializer(data=request.query_params)
        given.is_valid(raise_exception=True)
        query = given.validated_data
        today = timezone.now().date()
        first, last = query.get("start", today - timedelta(days=30)), query.get("end", today)
        try:
            group_by = [GROUP_NAMES[g.strip()] for g in query["group_by"].split(",") if g.strip()]
        except KeyError as exc:
            raise exceptions.ValidationError({"group_by": f"cannot group by {exc.args[0]}"}) from None
        apps = self.visible_apps()
        if "app" in query:
            apps = apps.filter(name=query["app"])
        names = dict(apps.values_list("pk", "name"))
        rows = rollups.summary(
            first,
            last,
            group_by=group_by,
            app_ids=set(names),
            models=[query["model"]] if "model" in query else None,
            percentiles=True,
        )
        for row in rows:
            if "application_id" in row:
                row["application"] = names.get(row.pop("application_id"))
            for name in ("cost_usd", "counterfactual_usd"):
                row[name] = str(row[name])
        return Response({"start": first, "end": last, "group_by": group_by, "rows": rows})


class MonthlyReport(QuotaView):
    read_roles = ADMINS_AND_OWNERS

    @extend_schema(
        summary="Monthly cost, savings and break-even (see inference/quotas/report.py)",
        parameters=[ReportQuerySerializer],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> Response:
        given = ReportQuerySerializer(data=request.query_params)
        given.is_valid(raise_exception=True)
        try:
            month = report.parse_month(given.validated_data["month"])
        except ValueError as exc:
            raise exceptions.ValidationError({"month": str(exc)}) from None
        app_ids = None if self.is_admin() else set(self.visible_apps().values_list("pk", flat=True))
        return Response(report.monthly(month, app_ids=app_ids).as_dict())


class AlertList(QuotaView):
    @extend_schema(
        summary="Alerts, newest first (?open=1: not yet acknowledged)",
        responses={200: AlertSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        alerts = Alert.objects.select_related("application", "acknowledged_by")
        if request.query_params.get("open") in ("1", "true", "yes"):
            alerts = alerts.filter(acknowledged_at__isnull=True)
        return Response(AlertSerializer(alerts[:500], many=True).data)


class AlertAcknowledge(QuotaView):
    @extend_schema(summary="Acknowledge an alert", request=None, responses={200: AlertSerializer})
    def post(self, request: Request, alert_id: int) -> Response:
        alert = Alert.objects.filter(pk=alert_id).first()
        if alert is None:
            raise Http404("No such alert.")
        return Response(AlertSerializer(services.do_acknowledge_alert(alert, actor=request.user)).data)


class Suspend(QuotaView):
    @extend_schema(
        summary="Suspend an application", request=ReasonSerializer, responses={200: AlertSerializer}
    )
    def post(self, request: Request, name: str) -> Response:
        given = ReasonSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        alert = services.do_suspend_application(
            self.app(name), reason=given.validated_data["reason"], actor=request.user
        )
        return Response(AlertSerializer(alert).data)


class Reenable(QuotaView):
    @extend_schema(
        summary="Re-enable a suspended application",
        request=ReasonSerializer,
        responses={200: AppLimitsSerializer},
    )
    def post(self, request: Request, name: str) -> Response:
        given = ReasonSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        app = services.do_reenable_application(
            self.app(name), reason=given.validated_data["reason"], actor=request.user
        )
        return Response(AppLimitsSerializer(_app_limits(app)).data)
