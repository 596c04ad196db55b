"""The monitoring role's Prometheus and Alertmanager settings, rendered from an inventory.

The role's real templates are rendered by Ansible for a site of two gateways, a database and
cache host, a worker and two GPU hosts, then checked by Prometheus's own ``promtool``: every part
of the site is a target, and the gateways let the monitoring host read their /metrics. The lab
(test_install.py) runs the same role on booted hosts.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE_VENV = Path(os.environ.get("AIRLOCK_ANSIBLE_VENV", Path.home() / ".cache/airlock/ansible-venv"))
ROLES = ROOT / "ansible/roles"

INVENTORY = {
    "all": {
        "vars": {
            "airlock_private_address": "{{ ansible_host }}",
            "ansible_connection": "local",
            "ansible_python_interpreter": str(ANSIBLE_VENV / "bin/python"),
        },
        "children": {
            "gateway": {
                "hosts": {"gw1": {"ansible_host": "10.0.0.11"}, "gw2": {"ansible_host": "10.0.0.12"}}
            },
            "database": {"hosts": {"db1": {"ansible_host": "10.0.0.21"}}},
            "cache": {"hosts": {"db1": {}}},
            "workers": {"hosts": {"wk1": {"ansible_host": "10.0.0.31"}}},
            "gpu": {
                "hosts": {
                    "gpu1": {
                        "ansible_host": "10.0.0.41",
                        "airlock_vllm_models": [
                            {"name": "llama", "port": 8001},
                            {"name": "qwen", "port": 8002},
                        ],
                    },
                    "gpu2": {
                        "ansible_host": "10.0.0.42",
                        "airlock_vllm_models": [{"name": "llama", "port": 8001}],
                    },
                }
            },
            "monitoring": {"hosts": {"mon1": {"ansible_host": "10.0.0.51"}}},
        },
    }
}


def _render(tmp_path: Path, host: str, templates: dict[str, str], **settings: object) -> None:
    (tmp_path / "hosts.yml").write_text(json.dumps(INVENTORY))
    defaults = [ROLES / role / "defaults/main.yml" for role in ("shared", "appliance", "monitoring")]
    play = [
        {
            "hosts": host,
            "gather_facts": False,
            "vars_files": [str(path) for path in defaults],
            "vars": {
                "airlock_secrets_dir": str(tmp_path),
                "airlock_public_names": ["airlock.example.internal"],
                "airlock_database_host": "10.0.0.21",
                "airlock_redis_host": "10.0.0.21",
            },
            "tasks": [
                {
                    "ansible.builtin.template": {"src": str(src), "dest": str(tmp_path / dest)},
                    "loop_control": {"label": dest},
                }
                for src, dest in templates.items()
            ],
        }
    ]
    playbook = ROOT / "ansible" / f".render-{os.getpid()}-{tmp_path.name}.yml"
    playbook.write_text(json.dumps(play))
    (tmp_path / "settings.json").write_text(json.dumps(settings))  # over the roles' defaults
    try:
        result = subprocess.run(
            [
                str(ANSIBLE_VENV / "bin/ansible-playbook"),
                "-i",
                str(tmp_path / "hosts.yml"),
                str(playbook),
                "-e",
                f"@{tmp_path / 'settings.json'}",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore", "ANSIBLE_NOCOLOR": "1"},
        )
    finally:
        playbook.unlink()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_prometheus_scrapes_every_gateway_backend_and_exporter_and_promtool_accepts_it(
    tmp_path: Path,
) -> None:
    templates = ROLES / "monitoring/templates"
    _render(tmp_path, "mon1", {str(templates / "prometheus.yml.j2"): "prometheus.yml"})
    config = yaml.safe_load((tmp_path / "prometheus.yml").read_text())
    jobs = {
        job["job_name"]: sorted(t for group in job["static_configs"] for t in group["targets"])
        for job in config["scrape_configs"]
    }
    assert jobs["airlock"] == ["10.0.0.11:8000", "10.0.0.12:8000"]
    assert jobs["vllm"] == ["10.0.0.41:8001", "10.0.0.41:8002", "10.0.0.42:8001"]
    assert jobs["node"] == sorted(f"10.0.0.{n}:9100" for n in (11, 12, 21, 31, 41, 42, 51))
    assert jobs["postgres"] == ["10.0.0.21:9187"]
    assert jobs["redis"] == ["10.0.0.21:9121"]
    vllm_labels = [group["labels"] for job in config["scrape_configs"] if job["job_name"] == "vllm"
                   for group in job["static_configs"]]  # fmt: skip
    assert {"host": "gpu1", "backend": "gpu1-qwen", "model": "qwen"} in vllm_labels
    assert config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"] == ["10.0.0.51:9093"]
    # Prometheus's own check, with the rules the role installs beside it.
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(ROOT / "deploy/prometheus/rules/airlock.yml", rules / "airlock.yml")
    config["rule_files"] = [str(rules / "*.yml")]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    checked = subprocess.run(
        ["promtool", "check", "config", str(tmp_path / "prometheus.yml")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_alertmanager_posts_to_the_sites_webhooks_and_mails_when_asked(tmp_path: Path) -> None:
    templates = ROLES / "monitoring/templates"
    _render(
        tmp_path,
        "mon1",
        {str(templates / "alertmanager.yml.j2"): "alertmanager.yml"},
        airlock_alertmanager_webhook_urls=["http://pager.example.internal/hook"],
        airlock_alertmanager_email_to="oncall@example.internal",
    )
    config = yaml.safe_load((tmp_path / "alertmanager.yml").read_text())
    (receiver,) = config["receivers"]
    assert config["route"]["receiver"] == receiver["name"]
    assert receiver["webhook_configs"] == [
        {"url": "http://pager.example.internal/hook", "send_resolved": True}
    ]
    assert receiver["email_configs"][0]["to"] == "oncall@example.internal"
    assert config["global"]["smtp_smarthost"] == "localhost:25"


def test_gateways_let_the_monitoring_hosts_read_their_metrics(tmp_path: Path) -> None:
    _render(tmp_path, "gw1", {str(ROLES / "appliance/templates/airlock.env.j2"): "airlock.env"})
    settings = dict(
        line.split("=", 1) for line in (tmp_path / "airlock.env").read_text().splitlines() if "=" in line
        and not line.startswith("#")
    )  # fmt: skip
    assert settings["AIRLOCK_METRICS_ALLOW"].split(",") == ["127.0.0.0/8", "::1/128", "10.0.0.51"]
    assert settings["AIRLOCK_TLS_CERT_FILE"] == "/etc/airlock/tls/airlock.crt"
