from __future__ import annotations

from django.apps import AppConfig


class SemcacheConfig(AppConfig):
    """The semantic cache: tenant-isolated answers to repeated questions (issue 16)."""

    name = "semcache"
    verbose_name = "Semantic cache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from semcache import signals  # noqa: F401 - connects the erasure and deletion receivers
