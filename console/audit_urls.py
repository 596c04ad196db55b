"""Routes of the console's audit and retention pages.

``console/urls.py`` appends ``urlpatterns`` to its own, so every name below lives in the
``console`` namespace (``reverse("console:audit")``) and every path under ``/console/``.
"""

from __future__ import annotations

from django.urls import path

from console import audit_views as views

urlpatterns = [
    path("audit/", views.audit_log, name="audit"),
    path("audit/<int:seq>/", views.audit_record, name="audit_record"),
    path("audit/<int:seq>/decrypt/", views.audit_record_decrypt, name="audit_record_decrypt"),
    path("audit/verify/", views.audit_verify, name="audit_verify"),
    path("audit/exports/", views.audit_exports, name="audit_exports"),
    path("audit/exports/<int:job_id>/", views.audit_export, name="audit_export"),
    path("audit/exports/<int:job_id>/download/", views.audit_export_download, name="audit_export_download"),
    path("retention/", views.retention, name="retention"),
    path("retention/policy/", views.retention_policy, name="retention_policy"),
    path("retention/run/", views.retention_run, name="retention_run"),
    path("retention/holds/", views.retention_hold_set, name="retention_hold_set"),
    path(
        "retention/holds/<int:hold_id>/release/", views.retention_hold_release, name="retention_hold_release"
    ),
    path("retention/erase/", views.retention_erase, name="retention_erase"),
]

# Read by console/navigation.py: each link shows only to the roles its view admits.
NAVIGATION = [
    ("Audit log", "console:audit", "Compliance"),
    ("Verification", "console:audit_verify", "Compliance"),
    ("Exports", "console:audit_exports", "Compliance"),
    ("Retention", "console:retention", "Compliance"),
]
