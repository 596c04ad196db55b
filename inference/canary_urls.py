"""Routes of the canaries' management API; included at ``/api/canaries/`` by ``appliance.urls``."""

from __future__ import annotations

from django.urls import path

from inference import canary_api

app_name = "canaries"

urlpatterns = [
    path("", canary_api.CanaryList.as_view(), name="list"),
    path("<int:pk>/", canary_api.CanaryDetail.as_view(), name="detail"),
    path("<int:pk>/compare/", canary_api.CanaryCompare.as_view(), name="compare"),
    path("<int:pk>/promote/", canary_api.CanaryPromote.as_view(), name="promote"),
    path("<int:pk>/rollback/", canary_api.CanaryRollback.as_view(), name="rollback"),
]
