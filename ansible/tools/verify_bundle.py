"""Verify an Airlock bundle before anything is installed from it.

Reads the tar without unpacking it: the Ed25519 signature of ``manifest.json`` with the
site's public key, then every member's SHA-256 against the manifest. A file that is missing,
altered, added, or not a plain file is refused by name. Prints the bundle's version and the
tar's own SHA-256 as JSON.

With ``--stage DIR``, once the bundle verified, it also lays out what the hosts are sent, in
``DIR/<bundle id>/``: ``base.tar`` (the bundle without its ``parts/``, which every host gets)
and ``parts/*.tar`` (vLLM's wheels and model weights, which only the GPU hosts get), with the
SHA-256 of each in the JSON; the hosts check their copies against those.

    python verify_bundle.py BUNDLE.tar PUBLIC_KEY.pem [--stage DIR]
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import sys
import tarfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class Refused(Exception):
    pass


def _sha256(handle) -> str:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def verify(bundle: str, public_key_file: str) -> dict[str, object]:
    with open(public_key_file, "rb") as handle:
        key = serialization.load_pem_public_key(handle.read())
    if not isinstance(key, Ed25519PublicKey):
        raise Refused(f"{public_key_file} is not an Ed25519 public key")
    with open(bundle, "rb") as handle:
        tar_sha256 = _sha256(handle)
    with tarfile.open(bundle, "r:") as tar:
        members = tar.getmembers()
        roots = {m.name.split("/", 1)[0] for m in members}
        if len(roots) != 1:
            raise Refused(f"the bundle must hold one top folder, found {sorted(roots)}")
        (root,) = roots

        def read(name: str) -> bytes:
            try:
                extracted = tar.extractfile(f"{root}/{name}")
            except KeyError:
                raise Refused(f"{name} is missing") from None
            if extracted is None:
                raise Refused(f"{name} is not a regular file")
            return extracted.read()

        manifest_bytes = read("manifest.json")
        try:
            signature = base64.b64decode(read("manifest.json.sig").strip(), validate=True)
            key.verify(signature, manifest_bytes)
        except (InvalidSignature, ValueError):
            raise Refused("manifest.json: the signature does not verify with the site's public key") from None
        manifest = json.loads(manifest_bytes)
        expected: dict[str, str] = dict(manifest["files"])
        seen = set()
        for member in members:
            name = member.name[len(root) + 1 :]
            if member.isdir() or name in {"", "manifest.json", "manifest.json.sig"}:
                continue
            if not member.isfile():
                raise Refused(f"{name} is not a regular file (links and devices are refused)")
            if name.startswith("/") or ".." in name.split("/"):
                raise Refused(f"{name}: unsafe path")
            if name not in expected:
                raise Refused(f"{name} is not listed in the signed manifest")
            extracted = tar.extractfile(member)
            if extracted is None:
                raise Refused(f"{name} cannot be read")
            if _sha256(extracted) != expected[name]:
                raise Refused(f"{name}: SHA-256 differs from the signed manifest (altered file)")
            seen.add(name)
        missing = sorted(set(expected) - seen)
        if missing:
            raise Refused(f"{missing[0]} is listed in the signed manifest but missing")
    return {
        "version": manifest["version"],
        "root": root,
        "sha256": tar_sha256,
        "files": len(seen),
        "contents": manifest.get("contents") or {"vllm": None, "models": {}},
        "parts": {name: digest for name, digest in expected.items() if name.startswith("parts/")},
    }


def stage(bundle: str, result: dict[str, object], folder: str) -> dict[str, object]:
    """Write base.tar and the parts of a verified bundle to ``folder/<id>/`` (once)."""
    bundle_id = f"{result['root']}-{str(result['sha256'])[:12]}"
    target = Path(folder) / bundle_id
    done = target / "staged.json"
    if done.exists():
        return dict(json.loads(done.read_text()))
    shutil.rmtree(target, ignore_errors=True)
    (target / "parts").mkdir(parents=True)
    root = str(result["root"])
    parts = dict(result["parts"])  # type: ignore[call-overload]
    with (
        tarfile.open(bundle, "r:") as tar,
        tarfile.open(target / "base.tar", "w", format=tarfile.PAX_FORMAT) as base,
    ):
        for member in tar.getmembers():
            name = member.name[len(root) + 1 :]
            if name == "parts" or name.startswith("parts/"):
                if member.isfile():
                    extracted = tar.extractfile(member)
                    with open(target / name, "wb") as out:
                        shutil.copyfileobj(extracted, out, 1 << 20)  # type: ignore[misc]
                    with open(target / name, "rb") as handle:
                        if _sha256(handle) != parts[name]:
                            raise Refused(
                                f"{name}: SHA-256 differs from the signed manifest (changed while staged)"
                            )
                continue
            base.addfile(member, tar.extractfile(member) if member.isfile() else None)
    with open(target / "base.tar", "rb") as handle:
        staged = {"path": str(target), "base_sha256": _sha256(handle)}
    done.write_text(json.dumps(staged))
    os.chmod(target, 0o700)
    return staged


def main() -> int:
    args = sys.argv[1:]
    folder = None
    if len(args) == 4 and args[2] == "--stage":
        folder = args[3]
        args = args[:2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        result = verify(args[0], args[1])
        if folder:
            result["staged"] = stage(args[0], result, folder)
    except Refused as exc:
        print(f"REFUSED {args[0]}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
