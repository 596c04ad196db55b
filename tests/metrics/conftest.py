"""Fixtures for the metrics tests: the gateway tests' registry and app, and a scrape helper."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import httpx2 as httpx
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import ROOT, free_port, wait_for_http
from tests.e2e.conftest import stack
from tests.egress.conftest import capture, egress, key_file
from tests.inference.conftest import Gateway, gateway

Series = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(url: str, **headers: str) -> Series:
    """Every sample of ``url``/metrics: (sample name, sorted labels) -> value."""
    response = httpx.get(f"{url}/metrics", headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    found: Series = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(series: Series, name: str, **labels: str) -> float:
    """The sum of the samples named ``name`` whose labels include ``labels`` (0 if none)."""
    wanted = set(labels.items())
    return sum(v for (n, lab), v in series.items() if n == name and wanted <= set(lab))


# The fixtures shared with the gateway, egress and end-to-end suites are listed too.
__all__ = [
    "Gateway",
    "Prometheus",
    "Series",
    "capture",
    "egress",
    "gateway",
    "is_vllm_query",
    "key_file",
    "panel_queries",
    "scrape",
    "stack",
    "value",
]


class Prometheus:
    """Debian's Prometheus on a loopback port, scraping the given targets every second."""

    def __init__(self, jobs: dict[str, list[str]], folder: Path) -> None:
        binary = shutil.which("prometheus")
        assert binary, "Debian's prometheus package is missing (`make browser` installs it)"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = {
            "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
            "scrape_configs": [
                {
                    "job_name": job,
                    "static_configs": [{"targets": [t.removeprefix("http://") for t in targets]}],
                }
                for job, targets in jobs.items()
            ],
        }
        (folder / "prometheus.yml").write_text(yaml.safe_dump(config))
        self.log = (folder / "prometheus.log").open("wb")
        self.proc = subprocess.Popen(
            [
                binary,
                f"--config.file={folder / 'prometheus.yml'}",
                f"--storage.tsdb.path={folder / 'data'}",
                f"--web.listen-address=127.0.0.1:{self.port}",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for_http(f"{self.url}/-/ready", timeout=60, proc=self.proc)

    def query(self, expr: str) -> list[dict]:
        answer = httpx.get(f"{self.url}/api/v1/query", params={"query": expr}, timeout=30).json()
        assert answer["status"] == "success", (expr, answer)
        return answer["data"]["result"]

    def scraped(self, job: str, times: int = 3) -> None:
        """Wait until every target of ``job`` has been scraped ``times`` more times, and is up."""
        deadline = time.monotonic() + 60
        start = self._samples(job)
        while time.monotonic() < deadline:
            if self._samples(job) >= start + times and all(
                float(r["value"][1]) == 1 for r in self.query(f'up{{job="{job}"}}')
            ):
                return
            time.sleep(0.5)
        up = self.query(f'up{{job="{job}"}}')
        raise AssertionError(f"Prometheus did not scrape job {job}: {up}")

    def _samples(self, job: str) -> int:
        found = self.query(f'count_over_time(up{{job="{job}"}}[10m])')
        return int(min((float(r["value"][1]) for r in found), default=0))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(20)
        self.log.close()


DASHBOARD = ROOT / "deploy" / "grafana" / "airlock.json"


def panel_queries() -> list[tuple[str, str]]:
    """(panel title, PromQL) of every query of the shipped Grafana dashboard."""
    found = []
    for panel in json.loads(DASHBOARD.read_text())["panels"]:
        for target in panel.get("targets", []):
            found.append((panel["title"], target["expr"]))
    return found


def is_vllm_query(expr: str) -> bool:
    """Queries of vLLM's own metrics (or its scrape job): only a real vLLM server answers them."""
    return "vllm:" in expr or 'job="vllm"' in expr
