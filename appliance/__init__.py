"""The Airlock Django project: settings, URLs, ASGI/WSGI entry points, Celery app and CLI."""

from __future__ import annotations

from typing import Any

__all__ = ["celery_app"]


def __getattr__(name: str) -> Any:
    # The Celery app is made on first use rather than with this package: importing Celery
    # costs a fifth of a second, which every ``airlock`` command paid before printing a line.
    # ApplianceConfig.ready() makes it in every process that serves, runs tasks or is tested.
    if name == "celery_app":
        from appliance.celery import app

        return app
    raise AttributeError(f"module 'appliance' has no attribute {name!r}")
