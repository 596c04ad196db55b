"""Routes of the management API's resources in ``appliance.mgmt_api``; included under ``/api/``
by ``appliance.urls``.

Every route answers with and without a trailing slash (a redirect would drop a POST body);
the OpenAPI schema lists one spelling of each: collections and items end with a slash,
actions do not.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path

from appliance import mgmt_api as api
from appliance.api import ManagementView


def _route(route: str, view: type[ManagementView], name: str, *, slash: bool = True) -> list[URLPattern]:
    documented, alias = (f"{route}/", route) if slash else (route, f"{route}/")
    hidden: Any = view.as_view(schema=None)  # the alias stays out of the OpenAPI document
    return [path(documented, view.as_view(), name=name), path(alias, hidden)]


urlpatterns = [
    *_route("tokens", api.TokenList, "tokens"),
    *_route("tokens/<int:pk>", api.TokenDetail, "token"),
    *_route("applications", api.ApplicationList, "applications"),
    *_route("applications/<slug:name>", api.ApplicationDetail, "application"),
    *_route("applications/<slug:name>/keys", api.KeyList, "keys"),
    *_route("applications/<slug:name>/keys/<str:prefix>/rotate", api.KeyRotate, "key-rotate", slash=False),
    *_route("applications/<slug:name>/keys/<str:prefix>/revoke", api.KeyRevoke, "key-revoke", slash=False),
    *_route("models", api.ModelList, "models"),
    *_route("models/<str:name>", api.ModelDetail, "model"),
    *_route("models/<str:name>/versions", api.ModelVersions, "model-versions"),
    *_route(
        "models/<str:name>/versions/<str:version>/default",
        api.ModelVersionDefault,
        "model-version-default",
        slash=False,
    ),
    *_route("deployments", api.DeploymentList, "deployments"),
    *_route("deployments/<int:pk>", api.DeploymentDetail, "deployment"),
    # Under /api/audit/ with the rest of the compliance officer's API (mounted before audit.urls).
    *_route("audit/retention", api.Retention, "retention"),
    *_route("users", api.UserList, "users"),
    *_route("users/<str:username>", api.UserDetail, "user"),
    *_route(
        "users/<str:username>/reset-two-factor", api.UserResetTwoFactor, "user-reset-two-factor", slash=False
    ),
    *_route("roles", api.RoleList, "roles"),
]
