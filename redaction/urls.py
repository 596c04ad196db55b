"""Routes of the egress-policy API; included at ``/api/redaction/`` by ``appliance.urls``.

Every route answers with and without a trailing slash (a redirect would drop a PUT's body);
the OpenAPI schema lists one spelling of each.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from redaction import api

app_name = "redaction"


def _route(route: str, view: type[api.RedactionView], name: str, *, slash: bool) -> list[URLPattern]:
    documented, alias = (f"{route}/", route) if slash else (route, f"{route}/")
    hidden: Any = view.as_view(schema=None)  # keeps the alias out of the OpenAPI document
    return [path(documented, view.as_view(), name=name), path(alias, hidden)]


urlpatterns = [
    *_route("policy", api.GlobalPolicy, "policy", slash=True),
    *_route(
        "applications/<int:application_id>/policy", api.ApplicationPolicy, "application-policy", slash=True
    ),
    *_route("entities", api.Entities, "entities", slash=True),
    *_route("preview", api.Preview, "preview", slash=False),
]
