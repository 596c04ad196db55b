#!/usr/bin/python3
"""Check a model folder against its SHA-256 manifest before vLLM serves it.

Run by the vllm role after copying the weights, and by each vLLM unit as ExecStartPre, so a
changed, missing or added file stops the start and is named. The manifest is the registry's
format (inference/manifest.py): {relative path: sha256}, every file below the folder.

    check-weights FOLDER MANIFEST.json
"""

import hashlib
import json
import sys
from pathlib import Path

IGNORED = {".DS_Store"}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder, expected = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
    current = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in IGNORED):
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(4 << 20), b""):
                digest.update(block)
        current[path.relative_to(folder).as_posix()] = digest.hexdigest()
    problems = [f"changed: {n}" for n, d in expected.items() if current.get(n) not in (None, d)]
    problems += [f"missing: {n}" for n in expected if n not in current]
    problems += [f"added: {n}" for n in current if n not in expected]
    if problems:
        print(f"{folder}: the weights differ from their manifest: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"{folder}: {len(current)} files match the manifest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
