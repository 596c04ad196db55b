from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "quality"
    verbose_name = "Quality: validation and drift"
    default_auto_field = "django.db.models.BigAutoField"
