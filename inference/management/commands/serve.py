"""``airlock serve``: the appliance under gunicorn with uvicorn workers (ASGI)."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve the appliance (the /v1 API and the console) with gunicorn and uvicorn workers."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--bind", default=os.environ.get("AIRLOCK_BIND", "127.0.0.1:8000"), help="HOST:PORT"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("AIRLOCK_WORKERS", str(min(4, os.cpu_count() or 1)))),
            help="Worker processes (default: one per core, at most 4; AIRLOCK_WORKERS).",
        )
        parser.add_argument("--access-log", action="store_true", help="Log every request to stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
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
        from django.conf import settings

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
