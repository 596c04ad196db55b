"""The Airlock Django project: settings, URLs, ASGI/WSGI entry points, Celery app and CLI."""

from appliance.celery import app as celery_app

__all__ = ["celery_app"]
