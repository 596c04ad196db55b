"""``airlock vllm``: run vLLM on this machine for a registered model, or print how to."""

from __future__ import annotations

import contextlib
import json
import shlex
import signal
import socket
import subprocess
import time
from argparse import ArgumentParser
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inference import manifest, services, vllm
from inference.models import Backend, Model, ModelVersion

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8100


def default_backend_name(port: int) -> str:
    """The backend row ``serve`` registers when no ``--name`` is given (``stop`` finds it so)."""
    return f"local-vllm-{port}"


class Command(BaseCommand):
    help = "Start vLLM for a registered model (and route to it), stop it, or print its command line."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{serve,args,stop}")

        serve = sub.add_parser("serve", help="Start vLLM for a model, register and deploy it.")
        _model_options(serve)
        serve.add_argument("--name", help="Backend name (default: local-vllm-PORT).")
        serve.add_argument(
            "--detach", action="store_true", help="Return once vLLM is healthy, leaving it running."
        )
        serve.add_argument(
            "--timeout",
            type=float,
            default=None,
            help="Seconds to wait for /health (default: AIRLOCK_VLLM_START_TIMEOUT).",
        )
        serve.add_argument(
            "--no-verify",
            action="store_true",
            help="Skip checking the weights against the version's SHA-256 manifest.",
        )

        args = sub.add_parser("args", help="Print the vLLM command line and environment (for systemd).")
        _model_options(args)
        args.add_argument("--python", help="The vLLM venv's python (default: AIRLOCK_VLLM_PYTHON).")
        args.add_argument("--device", choices=vllm.DEVICES, help="Default: AIRLOCK_VLLM_DEVICE.")
        args.add_argument("--json", action="store_true", help='Print {"argv": [...], "env": {...}}.')

        stop = sub.add_parser("stop", help="Stop a vLLM started with `serve --detach`.")
        stop.add_argument("--name", help="Backend name (default: local-vllm-PORT).")
        stop.add_argument("--port", type=int, default=DEFAULT_PORT)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        except (vllm.VllmError, ValueError) as exc:
            raise CommandError(str(exc)) from None

    # --- args ---

    def _args(self, options: dict[str, Any]) -> None:
        mv = _model_version(options["model"], options["version"])
        python = options["python"] or vllm.vllm_python_path()
        argv = vllm.launch_command(
            mv,
            host=options["host"],
            port=options["port"],
            python=python,
            device=options["device"],
            adapters=vllm.adapters_of(mv),
        )
        env = vllm.launch_env(options["device"], lora=vllm.lora_enabled(argv))
        if options["json"]:
            self.stdout.write(json.dumps({"argv": argv, "env": env}, indent=2))
            return
        self.stdout.write("# environment")
        for key, value in env.items():
            self.stdout.write(f"{key}={shlex.quote(value)}")
        self.stdout.write("# command")
        self.stdout.write(shlex.join(argv))

    # --- serve ---

    def _serve(self, options: dict[str, Any]) -> None:
        mv = _model_version(options["model"], options["version"])
        host, port = options["host"], options["port"]
        name = options["name"] or default_backend_name(port)
        timeout = options["timeout"] or settings.AIRLOCK_VLLM_START_TIMEOUT
        python = vllm.find_vllm_python()
        if not Path(mv.path).is_dir():
            raise CommandError(f"The weights of {mv} are gone: {mv.path} is not a folder.")
        if not options["no_verify"]:
            self._verify(mv)
            # Its LoRA adapters are loaded from their folders too: the same check applies.
            for adapter in ModelVersion.objects.filter(base=mv).select_related("model"):
                if adapter.model.default_version_id == adapter.pk:
                    self._verify(adapter)
        # vLLM only notices a taken port after loading the model; fail before that.
        _check_port_free(host, port)

        base_url = vllm.base_url_for(host, port)
        log_path = _log_path(name)
        proc = vllm.serve(mv, host, port, log_path, python=python)
        self.stdout.write(f"Starting vLLM for {mv} on {base_url} (pid {proc.pid}); log: {log_path}")
        try:
            elapsed = vllm.wait_healthy(
                base_url, timeout, proc, log_path=log_path, progress=self._waiting_printer()
            )
        except vllm.VllmError as exc:
            vllm.stop(proc, grace=10)
            raise CommandError(str(exc)) from None
        except KeyboardInterrupt:
            self.stdout.write("\nInterrupted; stopping vLLM.")
            vllm.stop(proc)
            raise CommandError("vLLM start-up interrupted.") from None

        backend = services.do_register_backend(name, base_url, pid=proc.pid)
        # One vLLM process serves exactly one model version and its LoRA adapters: whatever this
        # backend (name) served before is no longer there, so route nothing else to it.
        adapters = list(ModelVersion.objects.filter(base=mv).select_related("model"))
        served = [mv, *(a for a in adapters if a.model.default_version_id == a.pk)]
        for old in backend.deployments.filter(is_active=True).exclude(model_version__in=served):
            services.do_undeploy(old)
        services.do_deploy(mv, backend)
        # Every backend that serves the base serves its adapters: they were loaded at start-up.
        for adapter in served[1:]:
            services.do_deploy(adapter, backend, served_name=adapter.model.name)
            self.stdout.write(f"LoRA adapter {adapter.model.name} served beside it.")
        self.stdout.write(
            self.style.SUCCESS(f"vLLM healthy after {elapsed:.0f} s: {mv} served as {mv.model.name!r}.")
        )
        self.stdout.write(f"Backend {backend.name} → {base_url} (pid {proc.pid}).")

        if options["detach"]:
            self.stdout.write(f"Detached; vLLM keeps running as pid {proc.pid}.")
            self.stdout.write(f"Stop it with: airlock vllm stop --name {backend.name}")
            return
        self._foreground(proc, backend)

    def _verify(self, mv: ModelVersion) -> None:
        """Refuse to serve weights that differ from what the version's manifest pinned."""
        started = time.monotonic()
        self.stdout.write(f"Verifying {len(mv.manifest)} files of {mv} against its manifest ...")
        try:
            problems = manifest.verify(Path(mv.path), mv.manifest)
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(f"Cannot verify {mv}: {exc}") from None
        if problems:
            shown = "\n  ".join(problems[:20])
            raise CommandError(
                f"The weights at {mv.path} no longer match {mv}'s manifest:\n  {shown}\n"
                "Register them as a new version (airlock models add), or pass --no-verify."
            )
        self.stdout.write(f"Weights match the manifest ({time.monotonic() - started:.1f} s).")

    def _waiting_printer(self) -> Any:
        """A ``wait_healthy`` progress callback printing a line every 5 s (not every poll)."""
        next_at = 5.0

        def progress(elapsed: float) -> None:
            nonlocal next_at
            if elapsed >= next_at:
                self.stdout.write(f"  waiting for /health ... {elapsed:.0f} s")
                next_at += 5.0

        return progress

    def _foreground(self, proc: subprocess.Popen[bytes], backend: Backend) -> None:
        """Stay until SIGINT/SIGTERM (then stop vLLM in order) or until vLLM dies."""
        requested: list[int] = []

        def on_signal(signum: int, frame: FrameType | None) -> None:
            requested.append(signum)

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        self.stdout.write("Serving in the foreground; Ctrl-C stops vLLM.")
        try:
            while not requested and proc.poll() is None:
                # A short wait, not a blocking one: the signal handler only sets a flag.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=1.0)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if requested:
            self.stdout.write(f"\n{signal.Signals(requested[0]).name}: stopping vLLM (pid {proc.pid}) ...")
            started = time.monotonic()
            code = vllm.stop(proc)
            services.do_set_backend_health(backend, healthy=False, error="stopped")
            self.stdout.write(f"vLLM stopped in {time.monotonic() - started:.1f} s (exit {code}).")
            return
        # vLLM died on its own: stop routing to it and say why.
        code = vllm.stop(proc)
        services.do_set_backend_health(backend, healthy=False, error=f"vLLM exited with code {code}")
        raise CommandError(
            f"vLLM exited with code {code}.\n{vllm.log_tail(_log_path(backend.name))}".rstrip()
        )

    # --- stop ---

    def _stop(self, options: dict[str, Any]) -> None:
        name = options["name"] or default_backend_name(options["port"])
        backend = Backend.objects.filter(name=name).first()
        if backend is None:
            raise CommandError(f"No backend named {name!r}.")
        if backend.pid is None:
            raise CommandError(f"Backend {name} was not started by `airlock vllm serve` (no pid recorded).")
        started = time.monotonic()
        if vllm.stop_pid(backend.pid):
            self.stdout.write(f"Stopped vLLM pid {backend.pid} in {time.monotonic() - started:.1f} s.")
        else:
            self.stdout.write(f"vLLM pid {backend.pid} was not running.")
        services.do_set_backend_health(backend, healthy=False, error="stopped")


def _log_path(backend_name: str) -> Path:
    return Path(settings.DATA_DIR) / "logs" / f"vllm-{backend_name}.log"


def _model_options(parser: ArgumentParser) -> None:
    parser.add_argument("model", help="A registered model name.")
    parser.add_argument("--version", help="Version label (default: the model's default version).")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"Address vLLM binds (default {DEFAULT_HOST}).")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"Default {DEFAULT_PORT}.")


def _model_version(name: str, version: str | None) -> ModelVersion:
    model = Model.objects.select_related("default_version__model").filter(name=name).first()
    if model is None:
        known = ", ".join(Model.objects.values_list("name", flat=True)) or "none yet"
        raise CommandError(f"Unknown model {name!r} (registered: {known}). Add it with: airlock models add")
    base = ModelVersion.objects.filter(model=model, base__isnull=False).select_related("base__model").first()
    if base is not None and base.base is not None:
        raise CommandError(
            f"{name} is a LoRA adapter of {base.base}; serve the base model (`airlock vllm serve "
            f"{base.base.model.name}`) and vLLM loads the adapter beside it."
        )
    if version is None:
        if model.default_version is None:
            raise CommandError(f"{name} has no default version; pass --version.")
        return model.default_version
    mv = model.versions.select_related("model").filter(version=version).first()
    if mv is None:
        known = ", ".join(model.versions.values_list("version", flat=True)) or "none"
        raise CommandError(f"{name} has no version {version!r} (versions: {known}).")
    return mv


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise CommandError(f"Cannot use {host}:{port}: {exc.strerror or exc}.") from None
