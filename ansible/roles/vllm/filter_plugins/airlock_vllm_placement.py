"""Where each model runs: one GPU host, or several joined by a Ray cluster (the vllm role).

A model is declared once, in ``airlock_vllm_models`` of the host that serves its API (the
*head*). A model too large for one host also lists ``hosts`` (the head first) and its
``tensor_parallel_size`` (GPUs per host) and ``pipeline_parallel_size`` (one stage per host):
vLLM then runs on the head with ``--distributed-executor-backend ray``, and the role forms a
Ray cluster of those hosts (``airlock-ray-head.service`` on the head,
``airlock-ray-worker.service`` on the others, which run no vLLM unit of their own).

The same sizes may be stored on the model version (its engine args); the two must agree, so
what the inventory says is what vLLM runs. Every disagreement is reported in one list, each
naming its model, so the role can stop before it changes anything.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

SIZES = ("tensor_parallel_size", "pipeline_parallel_size")
BACKEND = "distributed_executor_backend"


def _arg_name(name: str) -> str:
    # The registry's canonical form (inference.vllm.normalize_arg_name).
    return str(name).strip().lstrip("-").replace("-", "_").lower()


def _engine_args(model: Mapping[str, Any] | None) -> dict[str, Any]:
    args = (model or {}).get("engine_args") or {}
    return {_arg_name(key): value for key, value in dict(args).items()}


def _int(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _label(name: str, head: str) -> str:
    return f"Model {name} (declared on {head})"


def _resolve(
    name: str, head: str, declared: Mapping[str, Any], engine_args: Mapping[str, Any], source: str
) -> tuple[dict[str, Any], list[str]]:
    """The sizes and backend the inventory and the version's engine args agree on."""
    problems: list[str] = []
    resolved: dict[str, Any] = {}
    for size in SIZES:
        raw_inventory, raw_version = declared.get(size), engine_args.get(size)
        inventory, version = _int(raw_inventory), _int(raw_version)
        if raw_inventory is not None and (inventory is None or inventory < 1):
            problems.append(
                f"{_label(name, head)}: {size} must be a positive whole number, not {raw_inventory!r}."
            )
            inventory = None
        if raw_version is not None and (version is None or version < 1):
            problems.append(
                f"{_label(name, head)}: {source} set {size} to {raw_version!r}, not a positive whole number."
            )
            version = None
        if inventory is not None and version is not None and inventory != version:
            problems.append(
                f"{_label(name, head)}: the inventory declares {size} {inventory} but {source} "
                f"say {version}. Make them agree (or declare it in one place only)."
            )
        resolved[size] = inventory or version or 1
    backend = engine_args.get(BACKEND)
    resolved[BACKEND] = str(backend) if backend is not None else None
    return resolved, problems


def airlock_vllm_placements(
    hostvars: Mapping[str, Any],
    gpu_hosts: Sequence[str],
    bundle_models: Mapping[str, Any] | None = None,
    bundle_vllm: Mapping[str, Any] | None = None,
    device: str = "cuda",
) -> dict[str, Any]:
    """Every model's placement in the site, each host's part in it, and every problem found.

    Returns ``{"placements": [...], "hosts": {host: {"ray": node or None, "weights": [names]}},
    "problems": [...]}``. A placement is ``{name, port, version?, head, hosts, addresses,
    tensor_parallel_size, pipeline_parallel_size, distributed_executor_backend, multi_host}``.
    ``bundle_models`` carries the engine args the models are registered with (checked here,
    before any change; the version actually served is checked again by
    ``airlock_vllm_fit_commands``).
    """
    bundle_models = bundle_models or {}
    ray_in_bundle = any(
        str(package).lower().startswith("ray") for package in (bundle_vllm or {}).get("packages") or []
    )
    problems: list[str] = []
    placements: list[dict[str, Any]] = []
    view: dict[str, dict[str, Any]] = {host: {"ray": None, "weights": []} for host in gpu_hosts}

    def var(host: str, name: str, default: Any = None) -> Any:
        if host not in gpu_hosts:  # reported as a stranger; hostvars has no such host
            return default
        value = hostvars[host].get(name, default)
        return default if value is None else value

    for head in gpu_hosts:
        for declared in var(head, "airlock_vllm_models", []) or []:
            declared = dict(declared)
            name = str(declared.get("name", "?"))
            hosts = [str(host) for host in declared.get("hosts") or [head]]
            label = _label(name, head)
            if hosts[0] != head:
                problems.append(
                    f"{label}: its hosts {hosts} must start with {head}, the host that declares it "
                    "(the head: vLLM's API listens there and the other hosts join its Ray cluster)."
                )
            if len(set(hosts)) != len(hosts):
                problems.append(f"{label}: its hosts {hosts} name a host twice.")
            strangers = [host for host in hosts if host not in gpu_hosts]
            if strangers:
                problems.append(f"{label}: {', '.join(strangers)} in its hosts is not in the gpu group.")
            source = "the engine args it is registered with (the bundle's)"
            resolved, found = _resolve(name, head, declared, _engine_args(bundle_models.get(name)), source)
            problems += found
            tp, pp = resolved["tensor_parallel_size"], resolved["pipeline_parallel_size"]
            backend = resolved[BACKEND]
            multi_host = len(hosts) > 1
            if multi_host:
                if pp != len(hosts):
                    problems.append(
                        f"{label}: it spans {len(hosts)} hosts {hosts}, so pipeline_parallel_size must be "
                        f"{len(hosts)} (one pipeline stage per host), not {pp}."
                    )
                if backend not in (None, "ray"):
                    problems.append(
                        f"{label}: it spans hosts, which needs distributed_executor_backend ray; its "
                        f"engine args say {backend}."
                    )
                if device == "cpu":
                    # vLLM 0.32.0's CpuPlatform has no Ray device key: its Ray executor refuses.
                    problems.append(
                        f"{label}: it spans hosts, which vLLM's CPU build cannot do (it does not "
                        "run on Ray); serve it on GPU hosts (airlock_vllm_device cuda)."
                    )
                elif not ray_in_bundle:
                    problems.append(
                        f"{label}: it spans hosts, which needs Ray, and the bundle's vLLM part "
                        f"({(bundle_vllm or {}).get('device', 'none')}) carries none. Build the bundle "
                        "with VLLM=cuda (its vLLM part carries Ray)."
                    )
            elif backend == "ray":
                problems.append(
                    f"{label}: it runs on one host, so distributed_executor_backend must be mp (or unset): "
                    "the role forms a Ray cluster only for a model that spans hosts."
                )
            if device == "cuda":
                for host in hosts if multi_host else [head]:
                    gpus = _int(var(host, "airlock_vllm_gpus", 1)) or 0
                    needed = tp if multi_host else tp * pp
                    if needed > gpus:
                        sizes = f"tensor_parallel_size {tp}" + (
                            "" if multi_host else f" x pipeline_parallel_size {pp}"
                        )
                        where = " on each of its hosts" if multi_host else ""
                        what = f"{sizes} needs {needed} GPUs{where}"
                        problems.append(f"{label}: {what}, but {host} declares airlock_vllm_gpus {gpus}.")
            placement = {
                "name": name,
                "port": declared.get("port"),
                "head": head,
                "hosts": hosts,
                "addresses": {host: str(var(host, "airlock_private_address", "")) for host in hosts},
                "tensor_parallel_size": tp,
                "pipeline_parallel_size": pp,
                # Explicit, so the unit says what runs: Ray across hosts, vLLM's own worker
                # processes (mp) within one.
                BACKEND: "ray" if multi_host else ("mp" if tp * pp > 1 else None),
                "multi_host": multi_host,
            }
            if "version" in declared:
                placement["version"] = declared["version"]
            placements.append(placement)
            for host in hosts:
                if host in view and name not in view[host]["weights"]:
                    view[host]["weights"].append(name)
            if not multi_host:
                continue
            for index, host in enumerate(hosts):
                if host not in view:
                    continue
                taken = view[host]["ray"]
                if taken is not None:
                    problems.append(
                        f"{label}: {host} is already in the Ray cluster of model {taken['model']} "
                        f"(declared on {taken['head']}); a host takes part in one multi-host model at most."
                    )
                    continue
                view[host]["ray"] = {
                    "role": "head" if index == 0 else "worker",
                    "model": name,
                    "head": head,
                    "head_address": placement["addresses"].get(head, ""),
                    "nodes": len(hosts),
                    "addresses": [placement["addresses"][h] for h in hosts],
                    "gpus_per_node": tp,
                }
    return {"placements": placements, "hosts": view, "problems": problems}


def _flag_value(argv: Sequence[str], name: str) -> str | None:
    flag = "--" + name.replace("_", "-")
    for index, arg in enumerate(argv):
        if arg == flag and index + 1 < len(argv):
            return str(argv[index + 1])
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


def airlock_vllm_fit_commands(
    results: Sequence[Mapping[str, Any]], placements: Sequence[Mapping[str, Any]], head: str
) -> list[dict[str, Any]]:
    """Each model's ``airlock vllm args --json`` output, checked against its placement.

    ``results`` are the role's registered results (``item`` is the inventory entry, ``stdout``
    the JSON). The version's engine args are rendered into the command line by ``airlock vllm
    args``; here they must agree with the placement, and the placement's flags are added where
    the version leaves them out. Returns ``[{model, placement, launch: {argv, env}, problems}]``.
    """
    by_name = {str(p["name"]): p for p in placements if p["head"] == head}
    fitted: list[dict[str, Any]] = []
    for result in results:
        model = dict(result["item"])
        name = str(model["name"])
        launch = json.loads(result["stdout"]) if isinstance(result["stdout"], str) else dict(result["stdout"])
        argv = [str(arg) for arg in launch["argv"]]
        placement = by_name.get(name)
        problems: list[str] = []
        if placement is None:
            problems.append(f"{_label(name, head)}: no placement was worked out for it.")
            fitted.append({"model": model, "placement": None, "launch": launch, "problems": problems})
            continue
        label = _label(name, head)
        for size in SIZES:
            wanted, given = int(placement[size]), _flag_value(argv, size)
            if given is None:
                if wanted > 1:
                    argv += ["--" + size.replace("_", "-"), str(wanted)]
            elif _int(given) != wanted:
                problems.append(
                    f"{label}: the version served has {size} {given} in its engine args, but its "
                    f"placement needs {wanted}. Make the version's engine args and the inventory agree."
                )
        wanted_backend, given_backend = placement[BACKEND], _flag_value(argv, BACKEND)
        if given_backend is None:
            if wanted_backend is not None:
                argv += ["--" + BACKEND.replace("_", "-"), wanted_backend]
        elif wanted_backend is not None and given_backend != wanted_backend:
            problems.append(
                f"{label}: the version served has {BACKEND} {given_backend} in its engine args, but "
                f"its placement needs {wanted_backend}."
            )
        fitted.append(
            {
                "model": model,
                "placement": dict(placement),
                "launch": {**launch, "argv": argv},
                "problems": problems,
            }
        )
    return fitted


class FilterModule:
    """The vllm role's placement filters."""

    def filters(self) -> dict[str, Any]:
        return {
            "airlock_vllm_placements": airlock_vllm_placements,
            "airlock_vllm_fit_commands": airlock_vllm_fit_commands,
        }
