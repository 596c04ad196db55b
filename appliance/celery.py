"""The Celery application. Without ``REDIS_URL`` tasks run in-process (embedded profile)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")

app = Celery("airlock")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
