"""Routes of the quotas management API; included at ``/api/usage/`` by ``appliance.urls``.

Every route answers with and without a trailing slash (a redirect would drop a POST body).
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from inference.quotas import api

app_name = "quotas"


def _route(route: str, view: type[api.QuotaView], name: str, *, slash: bool = True) -> list[URLPattern]:
    documented, alias = (f"{route}/", route) if slash else (route, f"{route}/")
    hidden: Any = view.as_view(schema=None)  # the alias stays out of the OpenAPI document
    return [path(documented, view.as_view(), name=name), path(alias, hidden)]


urlpatterns = [
    *_route("limits", api.LimitList, "limits"),
    *_route("limits/<slug:name>", api.AppLimits, "app-limits"),
    *_route("limits/<slug:name>/keys/<str:prefix>", api.KeyLimits, "key-limits"),
    *_route("egress-cap", api.EgressCap, "egress-cap"),
    *_route("prices", api.PriceList, "prices"),
    *_route("prices/<path:model>", api.PriceDetail, "price"),
    *_route("cost-model", api.CostModel, "cost-model"),
    *_route("usage", api.Usage, "usage"),
    *_route("report", api.MonthlyReport, "report"),
    *_route("alerts", api.AlertList, "alerts"),
    *_route("alerts/<int:alert_id>/acknowledge", api.AlertAcknowledge, "alert-acknowledge", slash=False),
    *_route("apps/<slug:name>/suspend", api.Suspend, "suspend", slash=False),
    *_route("apps/<slug:name>/reenable", api.Reenable, "reenable", slash=False),
]
