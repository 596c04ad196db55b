from django.apps import AppConfig


class ApplianceConfig(AppConfig):
    name = "appliance"
    verbose_name = "Airlock appliance"

    def ready(self) -> None:
        from appliance import commandline

        if not commandline.quick_start:
            # Shared tasks sent from this process go through this app (the broker, eager mode).
            from appliance import celery  # noqa: F401
        from appliance import admin_audit

        admin_audit.install()
