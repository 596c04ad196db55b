from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.views.generic import RedirectView
from django_otp.admin import OTPAdminSite
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from appliance.roles import is_verified, two_factor_required
from inference import weights_api

# Django's admin (read-only model views for support) asks for the TOTP code too: a password
# alone must open nothing that the console protects with two factors.
admin.site.__class__ = OTPAdminSite


class SignedIn(BasePermission):
    """The API's schema is for people signed in (past the TOTP step when they need one), not
    for anonymous visitors mapping the appliance."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        return not two_factor_required(user) or is_verified(user)


async def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and the installer: the process answers."""
    return JsonResponse({"status": "ok"})


# Unmatched URLs under /api/ answer 404 in JSON like the API's own (appliance.api.not_found).
handler404 = "appliance.api.not_found"

urlpatterns = [
    path("healthz", healthz),
    # Tokens, applications and keys, models, deployments, retention, users and roles (issue 18);
    # before audit.urls, which would otherwise answer /api/audit/retention/ with a 404.
    path("api/", include(("appliance.mgmt_urls", "mgmt"))),
    path("api/audit/", include("audit.urls")),
    path("api/providers/", include("inference.provider_urls")),
    path("api/canaries/", include("inference.canary_urls")),
    path("api/backends/", include("inference.backend_urls")),
    path("api/redaction/", include("redaction.urls")),
    path("api/routes/", include("inference.route_urls")),
    path("api/usage/", include("inference.quotas.urls")),
    path("api/cache/", include("semcache.urls")),
    # GPU hosts report their check of the weights they serve (bearer token; inference/weights_api.py).
    path("api/hosts/weights", weights_api.report, name="weights-report"),
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[SignedIn]), name="schema"),
    # Single sign-on with an identity provider (identity/): the redirect URIs are here.
    path("console/sso/", include("identity.urls")),
    path("console/", include("console.urls")),
    path("", RedirectView.as_view(pattern_name="console:home", permanent=False)),
]

# Django's /admin/ is off in the production profile (settings.AIRLOCK_ADMIN_SITE): users, roles
# and 2FA devices change through the console, the API and the CLI, which audit every change.
# Where it is on (development), each change made there is audited from its LogEntry
# (appliance/admin_audit.py).
if settings.AIRLOCK_ADMIN_SITE:
    urlpatterns.append(path("admin/", admin.site.urls))
