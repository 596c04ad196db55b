"""Routes of the audit management API; included at ``/api/audit/`` by ``appliance.urls``.

Every route answers with and without a trailing slash, so ``POST …/events/7/decrypt`` works
as written in the docs without a redirect (a redirect would drop the POST body). The OpenAPI
schema lists one spelling of each: collections and items end with a slash, actions do not.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from audit import api

app_name = "audit"


def _route(route: str, view: type[api.AuditView], name: str, *, slash: bool) -> list[URLPattern]:
    documented, alias = (f"{route}/", route) if slash else (route, f"{route}/")
    hidden: Any = view.as_view(schema=None)  # schema=None keeps the alias out of the OpenAPI document
    return [path(documented, view.as_view(), name=name), path(alias, hidden)]


urlpatterns = [
    *_route("events", api.EventList, "events", slash=True),
    *_route("events/<int:seq>", api.EventDetail, "event", slash=True),
    *_route("events/<int:seq>/decrypt", api.EventDecrypt, "event-decrypt", slash=False),
    *_route("verification", api.Verification, "verification", slash=True),
    *_route("exports", api.ExportList, "exports", slash=True),
    *_route("exports/<int:job_id>", api.ExportDetail, "export", slash=True),
    *_route("exports/<int:job_id>/download", api.ExportDownload, "export-download", slash=False),
]
