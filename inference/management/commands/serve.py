"""``airlock serve``: the appliance under gunicorn with uvicorn workers (ASGI)."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from appliance.env import envint, envstr


def default_workers() -> int:
    """One per core (at most 4) with shared quota counters in Redis; one without them."""
    if not settings.REDIS_URL:
        return 1
    return min(4, os.cpu_count() or 1)


class Command(BaseCommand):
    help = "Serve the appliance (the /v1 API and the console) with gunicorn and uvicorn workers."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--bind", default=envstr("AIRLOCK_BIND", "127.0.0.1:8000"), help="HOST:PORT (AIRLOCK_BIND)"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=envint("AIRLOCK_WORKERS", default_workers(), minimum=1),
            help="Worker processes (AIRLOCK_WORKERS; default: one per core, at most 4, with REDIS_URL; "
            "one without it, since each worker would count quotas on its own).",
        )
        parser.add_argument("--access-log", action="store_true", help="Log every request to stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        if options["workers"] > 1 and not settings.REDIS_URL:
            # Quota counters live in each worker's memory without Redis: every worker would let
            # through a full quota of its own.
            message = (
                f"Without REDIS_URL each of the {options['workers']} workers counts quotas on its own, so "
                f"every limit and budget lets through up to {options['workers']} times its value. "
                "Set REDIS_URL (shared counters), or serve with --workers 1."
            )
            if settings.PRODUCTION:
                raise CommandError(message)
            self.stderr.write(self.style.WARNING(f"Warning: {message}"))
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "appliance.asgi:application",
            # uvicorn with bounded headers, no Server header, no X-Forwarded-For rewriting
            # (appliance/server.py); the client's address is appliance.net's to decide.
            "--worker-class",
            "appliance.server.AirlockWorker",
            "--workers",
            str(options["workers"]),
            "--bind",
            options["bind"],
            # Long generations stream for minutes; the worker must not be killed mid-answer.
            "--timeout",
            "0",
            "--graceful-timeout",
            "30",
            # gunicorn's control socket defaults to one path per user, shared by every
            # instance on the host; the appliance does not use it.
            "--no-control-socket",
        ]
        if settings.AIRLOCK_METRICS:
            # One metrics directory for all workers, emptied at every start (inference/metrics).
            from inference import metrics_dir

            metrics_dir.prepare(options["bind"])
            argv += ["--config", "python:inference.metrics_dir"]
        if options["access_log"]:
            argv += ["--access-logfile", "-"]
        self.stdout.write(f"Serving Airlock on http://{options['bind']} with {options['workers']} worker(s).")
        sys.stdout.flush()
        os.execv(sys.executable, argv)  # noqa: S606 - replaces this process with gunicorn
