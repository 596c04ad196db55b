from typing import Any

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
    path("api/audit/", include("audit.urls")),
    path("api/providers/", include("inference.provider_urls")),
    path("api/canaries/", include("inference.canary_urls")),
    path("api/backends/", include("inference.backend_urls")),
    path("api/redaction/", include("redaction.urls")),
    path("api/routes/", include("inference.route_urls")),
    path("api/usage/", include("inference.quotas.urls")),
    # GPU hosts report their check of the weights they serve (bearer token; inference/weights_api.py).
    path("api/hosts/weights", weights_api.report, name="weights-report"),
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[SignedIn]), name="schema"),
    path("admin/", admin.site.urls),
    path("console/", include("console.urls")),
    path("", RedirectView.as_view(pattern_name="console:home", permanent=False)),
]
