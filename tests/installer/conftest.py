"""The installer's lab tests run only when asked for: ``pytest -m installer`` (``make installer-test``).

They need root, boot Debian hosts and take about ten minutes on two cores, so a plain
``pytest`` run leaves them out (deselected, not skipped).
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "installer: the Ansible installer on booted Debian hosts (needs root)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "installer" in (config.option.markexpr or ""):
        return
    chosen = [item for item in items if item.get_closest_marker("installer") is None]
    if len(chosen) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in chosen])
        items[:] = chosen
