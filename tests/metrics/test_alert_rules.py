"""The shipped alert rules are valid and behave as their tests say (Debian's promtool)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy" / "prometheus"
RULES = sorted((DEPLOY / "rules").glob("*.yml"))
TESTS = sorted((DEPLOY / "tests").glob("*.yml"))


def _promtool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    promtool = shutil.which("promtool")
    assert promtool, "promtool is missing: `make browser` installs Debian's prometheus package"
    return subprocess.run(
        [promtool, *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def _alerts() -> dict[str, dict]:
    found = {}
    for path in RULES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            for rule in group["rules"]:
                if "alert" in rule:
                    found[rule["alert"]] = rule
    return found


def test_promtool_finds_the_rules_valid() -> None:
    result = _promtool("check", "rules", *RULES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_the_rules_pass_their_promtool_unit_tests() -> None:
    result = _promtool("test", "rules", *TESTS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_sample_prometheus_configuration_loads_the_rules() -> None:
    result = _promtool("check", "config", DEPLOY / "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_the_issue_asks_for_is_shipped_and_tested() -> None:
    alerts = _alerts()
    assert len(alerts) >= 12
    wanted = {
        "error-rate burn, fast window": "AirlockErrorBudgetBurnFast",
        "error-rate burn, slow window": "AirlockErrorBudgetBurnSlow",
        "time to first token p95": "AirlockTimeToFirstTokenHigh",
        "a backend down": "AirlockBackendDown",
        "vLLM queue depth": "VllmQueueDepthHigh",
        "KV cache above 90 %": "VllmKvCacheAlmostFull",
        "fallback rate": "AirlockFallbackRateHigh",
        "egress volume": "AirlockEgressVolumeHigh",
        "budget at 80 %": "AirlockBudget80Percent",
        "budget at 100 %": "AirlockBudgetExhausted",
        "runaway suspension": "AirlockRunawaySuspension",
        "audit write failures": "AirlockAuditWriteFailures",
        "a stale checkpoint": "AirlockAuditCheckpointStale",
        "verification failure": "AirlockAuditVerificationFailed",
        "TLS certificate expiry": "AirlockTlsCertificateExpiresSoon",
    }
    missing = {what: name for what, name in wanted.items() if name not in alerts}
    assert not missing
    # Every alert is expected to fire in some unit test, not only to be quiet.
    fired = set()
    for path in TESTS:
        for case in yaml.safe_load(path.read_text())["tests"]:
            for check in case.get("alert_rule_test", []):
                if check.get("exp_alerts"):
                    fired.add(check["alertname"])
    assert set(alerts) <= fired, f"never seen firing: {set(alerts) - fired}"
    for name, rule in alerts.items():
        assert rule["labels"]["severity"] in ("page", "ticket"), name
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], name
