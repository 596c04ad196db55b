from django.apps import AppConfig


class QuotasConfig(AppConfig):
    """Quotas, budgets and the usage ledger: part of the inference gateway, with its own tables."""

    name = "inference.quotas"
    label = "quotas"
    verbose_name = "Quotas and usage"
    default_auto_field = "django.db.models.BigAutoField"
