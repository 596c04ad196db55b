"""Routes of the cache's management API; included at ``/api/cache/`` by ``appliance.urls``."""

from __future__ import annotations

from django.urls import path

from semcache import api

app_name = "cache"

urlpatterns = [
    path("", api.CacheList.as_view(), name="list"),
    path("reports/", api.CacheReport.as_view(), name="report"),
    path("feedback/", api.feedback, name="feedback"),
    path("<slug:name>/", api.CacheDetail.as_view(), name="detail"),
    path("<slug:name>/purge/", api.CachePurge.as_view(), name="purge"),
]
