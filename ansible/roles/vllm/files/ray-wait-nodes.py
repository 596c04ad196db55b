#!/usr/bin/python3
"""Wait until every host of a model's Ray cluster has joined, before vLLM places its workers.

Run by the head's vLLM unit as ExecStartPre, with the vLLM virtualenv's python (it has Ray).
vLLM started on a cluster that lacks a node waits for GPUs that never come, or places a
pipeline stage on the wrong host; this names the hosts still missing instead.

    ray-wait-nodes --address HEAD:PORT [--gpus N] [--timeout SECONDS] ADDRESS...

ADDRESS... are the private addresses of every host of the cluster (the head first).
"""

import argparse
import logging
import sys
import time


def alive_nodes(address: str) -> tuple[set[str], float]:
    """The addresses of the cluster's live nodes, and its GPUs."""
    import ray  # in vLLM's virtualenv only

    ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
    try:
        nodes = {str(node["NodeManagerAddress"]) for node in ray.nodes() if node.get("Alive")}
        gpus = float(ray.cluster_resources().get("GPU", 0))
    finally:
        ray.shutdown()
    return nodes, gpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True, help="The Ray head's GCS, HOST:PORT.")
    parser.add_argument("--gpus", type=int, default=0, help="GPUs the cluster must offer in all.")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("hosts", nargs="+", help="Every host's private address.")
    args = parser.parse_args()
    expected = set(args.hosts)
    deadline = time.monotonic() + args.timeout
    state = "not reached yet"
    while True:
        try:
            nodes, gpus = alive_nodes(args.address)
        except Exception as error:  # the head may still be starting: tried again
            state = f"head not reachable ({type(error).__name__}: {error})"
        else:
            missing = sorted(expected - nodes)
            if not missing and gpus >= args.gpus:
                print(f"Ray cluster at {args.address}: {len(nodes)} nodes, {gpus:g} GPUs", flush=True)
                return 0
            state = f"missing {', '.join(missing) or 'none'}; {gpus:g} of {args.gpus} GPUs"
        if time.monotonic() >= deadline:
            print(
                f"Ray cluster at {args.address} incomplete after {args.timeout:g} s: {state}. "
                "Check airlock-ray-worker.service on the missing hosts.",
                file=sys.stderr,
            )
            return 1
        time.sleep(5)


if __name__ == "__main__":
    sys.exit(main())
