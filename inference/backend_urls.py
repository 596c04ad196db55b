"""Routes of the backends' management API; included at ``/api/backends/`` by ``appliance.urls``."""

from __future__ import annotations

from django.urls import path

from inference import backend_api

app_name = "backends"

urlpatterns = [
    path("", backend_api.BackendList.as_view(), name="list"),
    path("<str:name>/deployments/", backend_api.BackendDeployments.as_view(), name="deployments"),
    path("deployments/<int:pk>/drain/", backend_api.DeploymentDrain.as_view(), name="drain"),
    path("deployments/<int:pk>/undrain/", backend_api.DeploymentUndrain.as_view(), name="undrain"),
]
