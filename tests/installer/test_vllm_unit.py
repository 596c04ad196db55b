"""The vllm role's systemd unit is rendered from ``airlock vllm args``, and keeps vLLM offline and keyed.

This renders the role's real template with Ansible's template module from the real command's
JSON and reads the unit back, for both devices (the lab runs the CPU build only).
"""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE_VENV = Path(os.environ.get("AIRLOCK_ANSIBLE_VENV", Path.home() / ".cache/airlock/ansible-venv"))
TEMPLATE = ROOT / "ansible/roles/vllm/templates/airlock-vllm.service.j2"


def _airlock(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _render(tmp_path: Path, launch: dict[str, object], device: str) -> dict[str, list[str]]:
    variables = {
        "airlock_user": "airlock",
        "airlock_group": "airlock",
        "airlock_config_dir": "/etc/airlock",
        "airlock_data_dir": "/var/lib/airlock",
        "airlock_root": "/opt/airlock",
        "airlock_vllm_device": device,
        "airlock_vllm_model": {"name": "tiny-chat", "port": 8001},
        "airlock_vllm_launch": launch,
        "ansible_python_interpreter": str(ANSIBLE_VENV / "bin/python"),
    }
    (tmp_path / "vars.json").write_text(json.dumps(variables))
    unit = tmp_path / "airlock-vllm-tiny-chat.service"
    ansible = [str(ANSIBLE_VENV / "bin/ansible"), "localhost", "-i", "localhost,", "-c", "local"]
    module = ["-m", "ansible.builtin.template", "-a", f"src={TEMPLATE} dest={unit}"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    subprocess.run(
        [*ansible, *module, "-e", f"@{tmp_path / 'vars.json'}"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    directives: dict[str, list[str]] = {}
    for line in unit.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            name, value = line.split("=", 1)
            directives.setdefault(name, []).append(value)
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("device", ["cpu", "cuda"])
def test_the_vllm_unit_runs_exactly_what_airlock_vllm_args_prints_offline_and_keyed(
    tmp_path: Path, device: str
) -> None:
    weights = tmp_path / "weights"
    weights.mkdir()
    (weights / "config.json").write_text('{"architectures": ["LlamaForCausalLM"]}')
    (weights / "model.safetensors").write_bytes(b"\0" * 1000)
    _airlock("models", "add", str(weights), "--name", "tiny-chat")
    launch = json.loads(
        _airlock(
            "vllm",
            "args",
            "tiny-chat",
            "--json",
            "--device",
            device,
            "--python",
            "/opt/airlock/vllm/bin/python",
            "--host",
            "10.20.0.41",
            "--port",
            "8001",
        )
    )
    unit = _render(tmp_path, launch, device)

    (exec_start,) = unit["ExecStart"]
    assert shlex.split(exec_start) == launch["argv"]
    # The weights are checked against the manifest the role writes beside them, before each start.
    (check,) = unit["ExecStartPre"]
    assert shlex.split(check) == ["/opt/airlock/bin/check-weights", str(weights), f"{weights}.manifest.json"]
    assert "--api-key" not in exec_start  # the key is not on the command line, where ps shows it
    assert unit["EnvironmentFile"] == ["/etc/airlock/vllm.env"]  # VLLM_API_KEY, mode 0600
    environment = dict(value.split("=", 1) for value in unit["Environment"])
    for name, value in launch["env"].items():
        assert environment[name] == value
    assert environment["HF_HUB_OFFLINE"] == "1"
    assert environment["VLLM_NO_USAGE_STATS"] == "1"
    assert environment["DO_NOT_TRACK"] == "1"
    assert unit["User"] == ["airlock"] and unit["NoNewPrivileges"] == ["yes"]
    # A GPU host's unit must see its GPUs; the CPU build's need no devices at all.
    assert unit.get("PrivateDevices") == (["yes"] if device == "cpu" else None)
