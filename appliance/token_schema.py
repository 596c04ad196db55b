"""How the OpenAPI document describes personal API tokens (``securitySchemes``); registered
with drf-spectacular when the app is ready (``appliance.apps``)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """How the OpenAPI document describes the token (``securitySchemes``)."""

    target_class = "appliance.token_auth.TokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "alt_<prefix>_<secret> (a personal API token)",
        }
