"""Routes of the dashboard, quotas and egress pages.

``console/urls.py`` appends ``urlpatterns`` to its own, so every name below lives in the
``console`` namespace and every path is under ``/console/``. The dashboard is at
``/console/dashboard/``; the console's start page (``/console/``) sends the people who may see
it there, and everyone else to a map of their own pages.
"""

from __future__ import annotations

from django.urls import path

from console import ops_views as views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    # Quotas and budgets
    path("quotas/", views.quotas, name="quotas"),
    path("quotas/egress-cap/", views.quota_egress_cap, name="quota_egress_cap"),
    path("quotas/prices/", views.quota_prices, name="quota_prices"),
    path("quotas/prices/<path:model>/remove/", views.quota_price_delete, name="quota_price_delete"),
    path("quotas/cost-model/", views.quota_cost_model, name="quota_cost_model"),
    path("quotas/report/", views.quota_report, name="quota_report"),
    path("quotas/alerts/<int:alert_id>/acknowledge/", views.quota_alert_ack, name="quota_alert_ack"),
    path("quotas/apps/<slug:name>/", views.quota_app, name="quota_app"),
    path("quotas/apps/<slug:name>/suspend/", views.quota_suspend, name="quota_suspend"),
    path("quotas/apps/<slug:name>/reenable/", views.quota_reenable, name="quota_reenable"),
    path("quotas/apps/<slug:name>/keys/<str:prefix>/", views.quota_key, name="quota_key"),
    # Egress
    path("egress/", views.egress, name="egress"),
    path("egress/providers/new/", views.provider_add, name="provider_add"),
    path("egress/providers/<slug:name>/", views.provider_edit, name="provider_edit"),
    path("egress/models/new/", views.external_model_add, name="external_model_add"),
    path("egress/models/<path:name>/remove/", views.external_model_remove, name="external_model_remove"),
    path("egress/policy/", views.egress_policy_global, name="egress_policy"),
    path("egress/policy/<slug:name>/", views.egress_policy_app, name="egress_policy_app"),
    path("egress/preview/", views.egress_preview, name="egress_preview"),
]

# Read by console/navigation.py: each link shows only to the roles its view admits.
NAVIGATION = [
    ("Dashboard", "console:dashboard", "Operate"),
    ("Quotas", "console:quotas", "Operate"),
    ("Egress", "console:egress", "Operate"),
]
