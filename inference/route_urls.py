"""Routes of the routes' management API; included at ``/api/routes/`` by ``appliance.urls``."""

from __future__ import annotations

from django.urls import path

from inference import route_api

app_name = "routes"

urlpatterns = [
    path("", route_api.RouteList.as_view(), name="list"),
    path("<str:model>/", route_api.RouteDetail.as_view(), name="detail"),
    path("<str:model>/restore/", route_api.RouteRestore.as_view(), name="restore"),
]
