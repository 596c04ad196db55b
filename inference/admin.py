"""Read-only views of the gateway's tables in Django's admin.

Changes go through ``inference.services`` (the CLI, the console, the management API), so
that each is validated, audited and invalidates the workers' caches; the admin only shows.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from inference.models import ApiKey, Application, Backend, Deployment, Model, ModelVersion


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnly):
    list_display = ("name", "owner", "allow_all_models", "is_active", "created_at")


@admin.register(ApiKey)
class ApiKeyAdmin(ReadOnly):
    list_display = ("prefix", "application", "name", "state", "created_at", "last_used_at", "expires_at")
    exclude = ("digest",)


@admin.register(Model)
class ModelAdmin(ReadOnly):
    list_display = ("name", "default_version", "created_at")


@admin.register(ModelVersion)
class ModelVersionAdmin(ReadOnly):
    list_display = ("model", "version", "manifest_sha256", "total_bytes", "path", "created_at")


@admin.register(Backend)
class BackendAdmin(ReadOnly):
    list_display = ("name", "base_url", "is_healthy", "last_checked_at", "last_error")


@admin.register(Deployment)
class DeploymentAdmin(ReadOnly):
    list_display = ("model_version", "backend", "served_name", "weight", "is_active")
