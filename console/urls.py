"""The console's addresses, all under /console/ in the "console" namespace.

The audit and retention pages (``console.audit_urls``) and the dashboard, quotas and egress
pages (``console.ops_urls``) are appended from their own modules; until one exists, the
console works without it. The start page comes last, so a dashboard mounted at "/console/"
by ``ops_urls`` takes that address.
"""

from __future__ import annotations

import importlib

from django.urls import URLPattern, URLResolver, path

from console.views import (
    applications,
    auth,
    backends,
    canaries,
    home,
    quality,
    registry,
    review,
    routes,
    users,
)

app_name = "console"

urlpatterns: list[URLPattern | URLResolver] = [
    # Signing in and out
    path("sign-in/", auth.sign_in, name="login"),
    path("sign-out/", auth.sign_out, name="logout"),
    path("two-factor/", auth.two_factor, name="two_factor"),
    path("set-password/<uidb64>/<token>/", auth.SetPasswordView.as_view(), name="set_password"),
    path("account/", auth.account, name="account"),
    # Models
    path("models/", registry.model_list, name="models"),
    path("models/add/", registry.model_add, name="model_add"),
    path("models/<str:name>/", registry.model_detail, name="model_detail"),
    path(
        "models/<str:name>/versions/<int:pk>/default/", registry.model_set_default, name="model_set_default"
    ),
    path("models/<str:name>/versions/<int:pk>/check/", quality.version_check, name="quality_version_check"),
    path("quality/drift-runs/<int:pk>/", quality.drift_run, name="quality_run"),
    path("models/<str:name>/canary/", canaries.canary_start, name="canary_start"),
    path("models/<str:name>/canary/<int:pk>/promote/", canaries.canary_promote, name="canary_promote"),
    path("models/<str:name>/canary/<int:pk>/rollback/", canaries.canary_rollback, name="canary_rollback"),
    path("backends/", backends.backend_health, name="backends"),
    path("backends/add/", backends.backend_add, name="backend_add"),
    path("backends/<str:name>/deploy/", backends.deployment_add, name="deployment_add"),
    path("backends/deployments/<int:pk>/drain/", backends.deployment_drain, name="deployment_drain"),
    path("backends/deployments/<int:pk>/undrain/", backends.deployment_undrain, name="deployment_undrain"),
    # Routes (issue 13)
    path("routes/", routes.route_list, name="routes"),
    path("routes/<str:name>/", routes.route_edit, name="route_edit"),
    path("routes/<str:name>/remove/", routes.route_delete, name="route_delete"),
    path("routes/<str:name>/restore/", routes.route_restore, name="route_restore"),
    # Applications and keys
    path("apps/", applications.app_list, name="apps"),
    path("apps/new/", applications.app_create, name="app_create"),
    path("apps/<slug:name>/", applications.app_detail, name="app_detail"),
    path("apps/<slug:name>/models/", applications.app_models, name="app_models"),
    path("apps/<slug:name>/content/", applications.app_content, name="app_content"),
    path("apps/<slug:name>/keys/", applications.key_create, name="key_create"),
    path("apps/<slug:name>/keys/<str:prefix>/revoke/", applications.key_revoke, name="key_revoke"),
    path("apps/<slug:name>/keys/<str:prefix>/rotate/", applications.key_rotate, name="key_rotate"),
    # Human review queue (issue 15)
    path("review/", review.queue, name="review_queue"),
    path("review/export.jsonl", review.export_training_set, name="review_export"),
    path("review/<str:public_id>/", review.item_detail, name="review_item"),
    path("review/<str:public_id>/label/", review.item_label, name="review_label"),
    path("review/<str:public_id>/decide/", review.item_decide, name="review_decide"),
    # Users and roles
    path("users/", users.user_list, name="users"),
    path("users/new/", users.user_create, name="user_create"),
    path("users/<int:pk>/", users.user_detail, name="user_detail"),
    path("users/<int:pk>/deactivate/", users.user_deactivate, name="user_deactivate"),
    path("users/<int:pk>/reactivate/", users.user_reactivate, name="user_reactivate"),
    path("users/<int:pk>/reset-two-factor/", users.user_reset_two_factor, name="user_reset_two_factor"),
    path("users/<int:pk>/reset-password/", users.user_reset_password, name="user_reset_password"),
]

for _module_name in ("console.audit_urls", "console.ops_urls", "console.token_urls", "semcache.console_urls"):
    try:
        _module = importlib.import_module(_module_name)
    except ModuleNotFoundError as exc:
        if exc.name != _module_name:  # a missing module *inside* it is a real error
            raise
        continue
    urlpatterns += _module.urlpatterns

urlpatterns.append(path("", home.home, name="home"))
