from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.views.generic import RedirectView
from django_otp.admin import OTPAdminSite
from drf_spectacular.views import SpectacularAPIView

# Django's admin (read-only model views for support) asks for the TOTP code too: a password
# alone must open nothing that the console protects with two factors.
admin.site.__class__ = OTPAdminSite


async def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and the installer: the process answers."""
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("healthz", healthz),
    path("api/audit/", include("audit.urls")),
    path("api/providers/", include("inference.provider_urls")),
    path("api/redaction/", include("redaction.urls")),
    path("api/usage/", include("inference.quotas.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("admin/", admin.site.urls),
    path("console/", include("console.urls")),
    path("", RedirectView.as_view(pattern_name="console:home", permanent=False)),
]
