"""Routes of the providers' management API; included at ``/api/providers/`` by ``appliance.urls``."""

from __future__ import annotations

from django.urls import path

from inference import provider_api

app_name = "providers"

urlpatterns = [
    path("", provider_api.ProviderList.as_view(), name="list"),
    path("<slug:name>/", provider_api.ProviderDetail.as_view(), name="detail"),
    path("<slug:name>/models/", provider_api.ProviderModels.as_view(), name="models"),
    path("<slug:name>/models/<path:model>", provider_api.ProviderModelDetail.as_view(), name="model"),
]
