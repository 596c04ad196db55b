"""The console's cache pages; appended to ``console.urls`` (names in the ``console`` namespace)."""

from __future__ import annotations

from django.urls import path

from semcache import console_views as views

urlpatterns = [
    path("cache/", views.cache_overview, name="cache"),
    path("cache/<slug:name>/", views.cache_app, name="cache_app"),
    path("cache/<slug:name>/report/", views.cache_report, name="cache_report"),
]
