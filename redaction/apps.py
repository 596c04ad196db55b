from django.apps import AppConfig


class RedactionConfig(AppConfig):
    name = "redaction"
    verbose_name = "Egress redaction"
    default_auto_field = "django.db.models.BigAutoField"
