"""ASGI entry point: ``gunicorn appliance.asgi:application -k uvicorn.workers.UvicornWorker``.

``/v1/*`` goes to the gateway's lean handler (``inference.gateway``); every other path to
Django. The gateway still uses Django's settings and ORM.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")

django_application = get_asgi_application()

from django.conf import settings  # noqa: E402 - after Django is set up

if settings.AIRLOCK_SERVE_STATIC:
    # The console's few static files, straight from the apps' static folders (no
    # collectstatic needed); the air-gapped appliance has no CDN to fall back on.
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    django_application = ASGIStaticFilesHandler(django_application)

from appliance.edge import bounded  # noqa: E402 - needs Django set up first
from inference import gateway  # noqa: E402 - needs Django set up first
from inference.metrics import exposition  # noqa: E402 - needs Django set up first


async def _route(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "http" and (scope["path"] == "/v1" or scope["path"].startswith("/v1/")):
        await gateway.handle(scope, receive, send)
    elif scope["type"] == "http" and scope["path"] == exposition.PATH:
        await exposition.handle(scope, receive, send)
    elif scope["type"] == "lifespan":
        await gateway.lifespan(receive, send)
    else:
        await django_application(scope, receive, send)


# Headers over their bounds are refused (431) before either handler sees the request.
application = bounded(_route)
