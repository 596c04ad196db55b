"""One gate: no code path can reach a provider without going through ``redaction.gate.protect``.

Shown two ways: by reading the code base (which modules open network connections, which may
import the provider transport and client), and by trying to send something else than a
``SafeBody`` through the provider client.
"""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import pytest

from inference.providers import client
from inference.routing import ExternalTarget
from redaction.gate import SafeBody
from tests.egress.capture_server import CaptureServer

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("appliance", "inference", "redaction", "audit", "console")

# Modules that may open network connections, and why none of them can reach a provider.
NETWORK_MODULES = {
    "inference/providers/transport.py": "the egress pool itself; imported by the provider client alone",
    "inference/upstream.py": "the pool of local vLLM backends (Backend rows), used by the local path",
    "inference/vllm.py": "health checks of local vLLM backends",
    "inference/metrics/vllm.py": "reads the /metrics of local vLLM backends (Backend rows) for the console",
    "appliance/management/commands/demo.py": "waits for the demo appliance on loopback",
    "inference/management/commands/vllm.py": "finds a free local port for vLLM",
}
_NETWORK_CALLS = {
    "httpx2": {"AsyncClient", "Client", "get", "post", "put", "patch", "delete", "request", "stream"},
    "httpx": {"AsyncClient", "Client", "get", "post", "put", "patch", "delete", "request", "stream"},
    "urllib.request": {"urlopen", "build_opener"},
    "http.client": {"HTTPConnection", "HTTPSConnection"},
    "socket": {"socket", "create_connection"},
    "asyncio": {"open_connection"},
    "requests": {"get", "post", "put", "patch", "delete", "request", "Session"},
    "aiohttp": {"ClientSession", "request"},
}


def modules() -> dict[str, ast.Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found[str(path.relative_to(ROOT))] = ast.parse(path.read_text(), filename=str(path))
    return found


def imported(tree: ast.Module) -> dict[str, str]:
    """Local name → fully qualified name, for every import in the module."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    names[alias.name.split(".")[0]] = alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def qualified(node: ast.expr, names: dict[str, str]) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in names:
        return None
    return ".".join([names[node.id], *reversed(parts)])


def network_calls(tree: ast.Module) -> list[str]:
    names = imported(tree)
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = qualified(node.func, names)
            if name is None:
                continue
            module, _, function = name.rpartition(".")
            if function in _NETWORK_CALLS.get(module, ()):
                calls.append(name)
    return calls


def importers_of(target: str, trees: dict[str, ast.Module]) -> set[str]:
    """Modules importing ``target`` (``import target``, ``from package import name``)."""
    package, _, name = target.rpartition(".")
    found = set()
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                hit = any(a.name == target or a.name.startswith(target + ".") for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                hit = (
                    module == target
                    or module.startswith(target + ".")
                    or (module == package and any(a.name == name for a in node.names))
                )
            else:
                continue
            if hit:
                found.add(path)
    return found


def test_only_known_modules_open_network_connections() -> None:
    opening = {path for path, tree in modules().items() if network_calls(tree)}
    assert opening <= set(NETWORK_MODULES), f"new modules open connections: {opening - set(NETWORK_MODULES)}"


def test_the_local_network_modules_know_nothing_of_providers() -> None:
    trees = modules()
    for path in NETWORK_MODULES:
        if path.startswith("inference/providers/"):
            continue
        source = (ROOT / path).read_text()
        for word in ("ExternalTarget", "Provider", "api_key_file", "providers"):
            assert word not in source, f"{path} mentions {word}"
        assert not importers_of("inference.providers", {path: trees[path]})


def test_only_the_provider_client_imports_the_egress_transport() -> None:
    assert importers_of("inference.providers.transport", modules()) == {"inference/providers/client.py"}


def test_only_the_egress_branch_imports_the_provider_client() -> None:
    users = importers_of("inference.providers.client", modules())
    assert users == {"inference/egress.py"}


def test_the_client_sends_only_what_went_through_require_safe() -> None:
    tree = ast.parse((ROOT / "inference/providers/client.py").read_text())
    functions = {
        node.name: node for node in ast.walk(tree) if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef)
    }
    # The public senders take a SafeBody ...
    for name in ("complete", "stream"):
        safe = [a for a in functions[name].args.args if a.arg == "safe"]
        assert safe and ast.unparse(safe[0].annotation) == "SafeBody"  # type: ignore[arg-type]
        calls = {ast.unparse(c.func) for c in ast.walk(functions[name]) if isinstance(c, ast.Call)}
        assert "_request" in calls
    # ... and build every payload through require_safe, the only place the body is read.
    request_calls = {ast.unparse(c.func) for c in ast.walk(functions["_request"]) if isinstance(c, ast.Call)}
    assert "require_safe" in request_calls
    assert [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "body"] == [
        n for n in ast.walk(functions["_request"]) if isinstance(n, ast.Attribute) and n.attr == "body"
    ]


def _target(url: str) -> ExternalTarget:
    return ExternalTarget(
        model="m",
        remote_name="m",
        provider_id=999,
        provider_name="p",
        kind="openai",
        base_url=url,
        api_key_file="",
        region="",
        timeout_seconds=2,
        max_retries=0,
        breaker_threshold=5,
        breaker_cooldown_seconds=1,
        extra_headers=(),
        is_enabled=True,
    )


@pytest.mark.parametrize(
    "payload", [{"messages": [{"role": "user", "content": "Maria Gonzalez"}]}, "text", None]
)
def test_the_provider_client_refuses_anything_but_a_safe_body(payload: object) -> None:
    server = CaptureServer().start()
    try:
        target = _target(f"{server.url}/v1")
        for send in (client.complete, client.stream):
            with pytest.raises(TypeError, match="only a SafeBody"):
                asyncio.run(send(target, payload, endpoint="chat/completions"))  # type: ignore[arg-type]
        assert server.raw() == b"", "nothing was sent"
    finally:
        server.stop()


def test_a_safe_body_cannot_be_made_outside_the_gate() -> None:
    with pytest.raises(TypeError):
        SafeBody({"messages": []})
