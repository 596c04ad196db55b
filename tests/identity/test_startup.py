"""The appliance refuses to start with an identity provider it cannot use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def _check(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "appliance.settings",
            "AIRLOCK_DATA_DIR": str(data_dir),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_provider_mapping_to_no_role_stops_the_appliance(tmp_path: Path) -> None:
    result = _check(
        tmp_path,
        AIRLOCK_OIDC_PROVIDERS="corp",
        AIRLOCK_OIDC_CORP_ISSUER="https://login.example.internal",
        AIRLOCK_OIDC_CORP_CLIENT_ID="airlock",
    )
    assert result.returncode != 0
    assert "AIRLOCK_OIDC_CORP_ROLE_MAP (or AIRLOCK_OIDC_CORP_APP_MAP) must map" in result.stderr
