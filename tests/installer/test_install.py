"""The Ansible installer, proven on booted Debian 12 hosts with no way out (issue 12).

A lab (tests/installer/lab.py) boots five fresh hosts on 127.100.0.0/24 — gateway1, gateway2,
db1 (PostgreSQL and Redis), worker1 (Celery worker and beat) and gpu1 (vLLM's CPU build serving
the demo model, SmolLM2-135M-Instruct) — with no default route and no resolver. The test
builds a signed bundle with a key it makes, installs the site with
``ansible-playbook site.yml`` as an operator would, and checks what a user and an operator
would: the official ``openai`` client through nginx over verified TLS, the console's sign-in
page, the audit log, the schedule, key revocation across gateways, a gateway going down, and
that a tampered bundle or a missing setting stops the run before any host changes.

worker1 is also the monitoring host: Prometheus scrapes every gateway, vLLM and the node,
PostgreSQL and Redis exporters, and Alertmanager posts firing alerts to a webhook receiver the
test runs on the controller; stopping vLLM fires AirlockBackendDown there (issue 14).

gpu1 gets vLLM and the weights from the bundle's parts, checked against their manifest, and
answers only callers with the site's vLLM key. The stub upstream (bench/stub_upstream.py) on the
controller's lab address serves two more models, for the tests that need a slow stream or many
quick answers.

Run it with ``make installer-test`` (root; 27 to 48 minutes on two cores, with vLLM).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import openai
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from openai.types.chat import ChatCompletionMessageParam

from tests.installer.lab import CONTROLLER, SSH_KEY, Lab, ssh_options

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE = ROOT / "ansible"
ANSIBLE_VENV = Path(os.environ.get("AIRLOCK_ANSIBLE_VENV", Path.home() / ".cache/airlock/ansible-venv"))
HOSTS = {
    "gateway1": "127.100.0.11",
    "gateway2": "127.100.0.12",
    "db1": "127.100.0.21",
    "worker1": "127.100.0.31",
    "gpu1": "127.100.0.41",
}
# A fresh database host the backup is restored onto (booted by that test).
ALL_HOSTS = {**HOSTS, "db2": "127.100.0.22"}
STUB_PORT = 9100
WEBHOOK_PORT = 9200
VLLM_PORT = 8001
DEMO_MODEL = "smollm2-135m"
TIMINGS: dict[str, float] = {}
EXPOSURE: dict[str, float] = {}


@dataclass
class Site:
    lab: Lab
    work: Path
    bundle: Path
    public_key: Path
    inventory: Path
    secrets: Path
    runs: list[subprocess.CompletedProcess[str]] = field(default_factory=list)
    api_key: str = ""
    key_prefix: str = ""
    # What Alertmanager posted to the controller's webhook receiver.
    notifications: list[dict[str, object]] = field(default_factory=list)

    @property
    def ca(self) -> Path:
        return self.secrets / "internal-ca/ca.crt"

    def playbook(
        self,
        inventory: Path | None = None,
        bundle: Path | None = None,
        playbook: str = "site.yml",
        extra: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "ANSIBLE_CONFIG": str(ANSIBLE / "ansible.cfg"),
            "ANSIBLE_HOST_KEY_CHECKING": "False",
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_FORCE_COLOR": "0",
            "PYTHONWARNINGS": "ignore",
        }
        argv = [
            str(ANSIBLE_VENV / "bin/ansible-playbook"),
            "-i",
            str(inventory or self.inventory),
            playbook,
        ]
        if bundle:
            argv += ["-e", f"airlock_bundle_file={bundle}"]
        for name, value in (extra or {}).items():
            argv += ["-e", f"{name}={value}"]
        return subprocess.run(argv, cwd=ANSIBLE, env=env, text=True, capture_output=True, timeout=1800)

    def client(self, host: str = "gateway1", key: str | None = None) -> openai.OpenAI:
        return openai.OpenAI(
            base_url=f"https://{HOSTS[host]}/v1",
            api_key=key or self.api_key,
            max_retries=0,
            http_client=openai.DefaultHttpxClient(verify=ssl.create_default_context(cafile=str(self.ca))),
        )


def recap(result: subprocess.CompletedProcess[str]) -> dict[str, dict[str, int]]:
    """The PLAY RECAP's counters per host."""
    counts = {}
    for line in result.stdout.split("PLAY RECAP")[-1].splitlines():
        match = re.match(r"^(\S+)\s+:\s+(.*)$", line)
        if match:
            counts[match.group(1)] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", match.group(2))}
    return counts


def _write_secrets(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    (folder / "secret-key").write_text(os.urandom(48).hex())
    (folder / "database-password").write_text(os.urandom(16).hex())
    (folder / "redis-password").write_text(os.urandom(16).hex())
    (folder / "audit-kek").write_text(os.urandom(32).hex())
    (folder / "audit-pseudonym-key").write_text(os.urandom(32).hex())
    (folder / "vllm-api-key").write_text(os.urandom(24).hex())
    key = Ed25519PrivateKey.generate()
    (folder / "audit-signing.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )


def _write_inventory(
    folder: Path, bundle: Path, public_key: Path, secrets: Path, db: str = "db1", **overrides: object
) -> Path:
    (folder / "group_vars").mkdir(parents=True)
    hosts = {
        "all": {
            "vars": {
                "ansible_user": "root",
                "ansible_ssh_private_key_file": str(SSH_KEY),
                "ansible_ssh_common_args": " ".join(ssh_options()[2:]),
            },
            "children": {
                "gateway": {"hosts": {n: {"ansible_host": HOSTS[n]} for n in ("gateway1", "gateway2")}},
                "database": {"hosts": {db: {"ansible_host": ALL_HOSTS[db]}}},
                "cache": {"hosts": {db: {}}},
                "workers": {"hosts": {"worker1": {"ansible_host": HOSTS["worker1"]}}},
                "gpu": {
                    "hosts": {
                        "gpu1": {
                            "ansible_host": HOSTS["gpu1"],
                            "airlock_vllm_models": [{"name": DEMO_MODEL, "port": VLLM_PORT}],
                        }
                    }
                },
                "monitoring": {"hosts": {"worker1": {}}},
            },
        }
    }
    settings: dict[str, object] = {
        "airlock_bundle_file": str(bundle),
        "airlock_bundle_public_key": str(public_key),
        "airlock_secrets_dir": str(secrets),
        "airlock_private_address": "{{ ansible_host }}",
        "airlock_public_names": ["airlock.lab"],
        # The test's clients use the gateways' addresses (the controller has no name for them).
        "airlock_extra_allowed_hosts": [HOSTS["gateway1"], HOSTS["gateway2"]],
        "airlock_tls_extra_sans": [f"IP:{HOSTS['gateway1']}", f"IP:{HOSTS['gateway2']}"],
        "airlock_bundle_staging_dir": str(folder.parent / "staging"),
        "airlock_vllm_device": "cpu",
        "airlock_gateway_workers": 1,
        "airlock_worker_concurrency": 1,
        # Monitoring at a quick pace, so that an alert fires within the test's patience.
        "airlock_monitoring_scrape_interval": "5s",
        "airlock_monitoring_evaluation_interval": "5s",
        "airlock_alertmanager_group_wait": "5s",
        "airlock_alertmanager_webhook_urls": [f"http://{CONTROLLER}:{WEBHOOK_PORT}/alerts"],
        "airlock_extra_settings": {
            "AIRLOCK_AUDIT_CHECKPOINT_SECONDS": "10",
            "AIRLOCK_REDACTION_WARM": "false",
        },
    }
    for name, value in overrides.items():
        if value is None:
            settings.pop(name, None)
        else:
            settings[name] = value
    (folder / "hosts.yml").write_text(json.dumps(hosts, indent=1))
    (folder / "group_vars/all.yml").write_text(json.dumps(settings, indent=1))
    return folder / "hosts.yml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if os.geteuid() != 0:
        pytest.fail("the installer's lab needs root (systemd-nspawn, mounts, network namespaces)")
    if not (ANSIBLE_VENV / "bin/ansible-playbook").exists():
        pytest.fail(f"no Ansible in {ANSIBLE_VENV}: run `make installer-test`, which installs it")
    work = tmp_path_factory.mktemp("installer")
    signing = Ed25519PrivateKey.generate()
    (work / "bundle-signing.pem").write_bytes(
        signing.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    public_key = work / "bundle-signing.pub"
    public_key.write_bytes(
        signing.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    started = time.monotonic()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/bundle.py"), "--signing-key", str(work / "bundle-signing.pem"),
         "--out", str(work / "dist"), "--vllm", "cpu", "--demo-model"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    TIMINGS["bundle build"] = time.monotonic() - started
    (bundle,) = (work / "dist").glob("airlock-bundle-*.tar")
    secrets = work / "secrets"
    _write_secrets(secrets)
    inventory = _write_inventory(work / "inventory", bundle, public_key, secrets)
    lab = Lab(dict(HOSTS))
    stub = None
    receiver = None
    notifications: list[dict[str, object]] = []
    try:
        lab.up()
        lab.enter()
        receiver = _webhook_receiver(notifications)
        # The model's stand-in, on the controller's lab address (the gateways reach it there).
        stub = subprocess.Popen(
            [sys.executable, "-m", "bench.stub_upstream", "--host", CONTROLLER, "--port", str(STUB_PORT)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        yield Site(lab, work, bundle, public_key, inventory, secrets, notifications=notifications)
    finally:
        if receiver:
            receiver.shutdown()
        if stub:
            stub.terminate()
            stub.wait(10)
        lab.down()
        print("\n[installer] timings: " + ", ".join(f"{k} {v:.0f} s" for k, v in TIMINGS.items()))
        print(
            "[installer] systemd-analyze security exposure: "
            + ", ".join(f"{k} {v}" for k, v in EXPOSURE.items())
        )


def _webhook_receiver(notifications: list[dict[str, object]]) -> ThreadingHTTPServer:
    """The site's paging bridge, as Alertmanager sees it: a webhook on the controller."""

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            notifications.append(json.loads(body))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((CONTROLLER, WEBHOOK_PORT), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _untouched(site: Site) -> None:
    for name in HOSTS:
        probe = "test -e /opt/airlock && echo touched || echo untouched; "
        probe += "test -e /etc/apt/sources.list && echo sources || echo nosources"
        state = site.lab.ssh(name, probe).stdout
        assert state.split() == ["untouched", "sources"], f"{name} was changed: {state}"


def test_the_lab_hosts_have_no_route_out_and_no_resolver(site: Site) -> None:
    for name in HOSTS:
        routes = site.lab.ssh(name, "ip -4 route show; cat /etc/resolv.conf").stdout
        assert "default" not in routes
        assert "nameserver" not in routes
    probe = site.lab.ssh(
        "gateway1", "curl -s -m 3 http://deb.debian.org/ >/dev/null && echo out || echo none"
    )
    assert probe.stdout.strip() == "none"


def test_a_tampered_bundle_is_refused_before_any_host_changes_naming_the_file(site: Site) -> None:
    tampered = site.work / "tampered" / site.bundle.name
    tampered.parent.mkdir()
    shutil.copy(site.bundle, tampered)
    with tarfile.open(tampered) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".whl") and "/wheels/airlock-" in m.name)
    with tampered.open("r+b") as handle:  # flip one byte in the middle of the appliance's wheel
        handle.seek(member.offset_data + member.size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0x01]))
    result = site.playbook(bundle=tampered)
    assert result.returncode != 0
    name = member.name.split("/", 1)[1]
    assert f"{name}: SHA-256 differs from the signed manifest" in result.stdout
    _untouched(site)


def test_a_missing_required_setting_stops_the_run_before_any_change_naming_it(site: Site) -> None:
    inventory = _write_inventory(
        site.work / "incomplete", site.bundle, site.public_key, site.secrets, airlock_public_names=None
    )
    result = site.playbook(inventory=inventory)
    assert result.returncode != 0
    assert "missing required arguments: airlock_public_names" in result.stdout
    _untouched(site)


@pytest.fixture(scope="module")
def installed(site: Site) -> Site:
    # The first run meets an unreachable host (worker1's SSH is down): the others are installed,
    # worker1 is reported; the rerun, with worker1 back, completes the install.
    site.lab.exec("worker1", "systemctl stop ssh")
    started = time.monotonic()
    partial = site.playbook()
    TIMINGS["first run, worker1 unreachable"] = time.monotonic() - started
    (site.work / "partial-run.log").write_text(partial.stdout + partial.stderr)
    site.lab.exec("worker1", "systemctl start ssh")
    started = time.monotonic()
    first = site.playbook()
    TIMINGS["rerun completing the install"] = time.monotonic() - started
    (site.work / "first-run.log").write_text(first.stdout + first.stderr)
    assert first.returncode == 0, first.stdout[-6000:] + first.stderr[-2000:]
    started = time.monotonic()
    second = site.playbook()
    TIMINGS["second run"] = time.monotonic() - started
    (site.work / "second-run.log").write_text(second.stdout + second.stderr)
    site.runs = [partial, first, second]
    assert second.returncode == 0, second.stdout[-6000:]
    # Models served by the stub (stub-slowstream sends a token every 0.2 s), an application and
    # its key, as an operator would do it on a gateway.
    site.lab.ssh(
        "gateway1",
        "set -e; for m in stub stub-slowstream; do install -d -o airlock /var/lib/airlock/$m; "
        "echo $m > /var/lib/airlock/$m/model.safetensors.stub; "
        "airlock models add /var/lib/airlock/$m --name $m; done; "
        f"airlock backends add stub http://{CONTROLLER}:{STUB_PORT}; "
        "airlock backends deploy stub stub; airlock backends deploy stub-slowstream stub; "
        "airlock apps create lab --all-models",
    )
    created = site.lab.ssh("gateway1", "airlock keys create lab --name tests").stdout
    site.key_prefix = re.search(r"Created key (\S+) for lab", created).group(1)  # type: ignore[union-attr]
    site.api_key = next(
        line.strip() for line in created.splitlines() if line.startswith("  ") and line.strip()
    )
    return site


def test_an_unreachable_host_is_reported_and_a_rerun_completes_the_install(installed: Site) -> None:
    partial, first, _ = installed.runs
    assert partial.returncode != 0
    counts = recap(partial)
    assert counts["worker1"]["unreachable"] == 1
    assert all(
        counts[name]["failed"] == 0 and counts[name]["unreachable"] == 0
        for name in HOSTS
        if name != "worker1"
    )
    assert re.search(r"fatal: \[worker1\]: UNREACHABLE!", partial.stdout)
    assert all(counts["failed"] == 0 and counts["unreachable"] == 0 for counts in recap(first).values())


def test_one_command_installs_every_host_and_a_second_run_changes_nothing(installed: Site) -> None:
    _, first, second = installed.runs
    assert set(recap(first)) >= set(HOSTS)
    # Migrations ran on the first gateway only, and only when the database needed them.
    migrate = installed.runs[0].stdout.split(
        "TASK [appliance : Run the database migrations, once for the site]"
    )[1]
    migrate = migrate.split("TASK [")[0]
    assert "changed: [gateway1]" in migrate and "changed: [gateway2]" not in migrate
    counts = recap(second)
    for name in HOSTS:
        assert counts[name]["failed"] == 0 and counts[name]["unreachable"] == 0
        assert counts[name]["changed"] == 0, f"{name} changed on the second run:\n{second.stdout[-8000:]}"


def test_the_openai_client_reaches_the_models_over_verified_tls_through_nginx(installed: Site) -> None:
    for host in ("gateway1", "gateway2"):
        client = installed.client(host)
        assert "stub" in [m.id for m in client.models.list()]
        answer = client.chat.completions.create(model="stub", messages=[{"role": "user", "content": "Hello"}])
        assert answer.choices[0].message.content.startswith("tok0")
    stream = installed.client().chat.completions.create(
        model="stub", messages=[{"role": "user", "content": "Hello"}], stream=True
    )
    pieces = [
        chunk.choices[0].delta.content for chunk in stream if chunk.choices and chunk.choices[0].delta.content
    ]
    assert len(pieces) > 1 and "".join(pieces).startswith("tok0")


def test_streamed_answers_pass_through_nginx_token_by_token(installed: Site) -> None:
    started = time.monotonic()
    stream = installed.client().chat.completions.create(
        model="stub-slowstream", messages=[{"role": "user", "content": "slowly"}], stream=True
    )
    arrivals = []
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            arrivals.append(time.monotonic() - started)
        if len(arrivals) == 5:
            break
    stream.close()
    # Buffered, nginx would hold the first several kilobytes (tens of tokens, seconds) back.
    assert arrivals[0] < 3.0, arrivals
    assert arrivals[4] - arrivals[0] >= 0.6, arrivals


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
def test_tls_is_1_2_or_better_with_hsts_and_http_is_redirected(installed: Site) -> None:
    context = ssl.create_default_context(cafile=str(installed.ca))
    context.maximum_version = ssl.TLSVersion.TLSv1_1
    context.minimum_version = ssl.TLSVersion.TLSv1
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"https://{HOSTS['gateway1']}/console/", verify=context)
    verified = ssl.create_default_context(cafile=str(installed.ca))
    page = httpx.get(f"https://{HOSTS['gateway1']}/console/", verify=verified, follow_redirects=True)
    assert page.status_code == 200
    assert page.url.path == "/console/sign-in/" and 'type="password"' in page.text
    assert page.headers["strict-transport-security"] == "max-age=31536000"
    plain = httpx.get(f"http://{HOSTS['gateway2']}/console/")
    assert plain.status_code == 301 and plain.headers["location"].startswith("https://")
    with pytest.raises(openai.AuthenticationError):
        installed.client(key="sk-not-a-key").models.list()


def test_the_audit_log_verifies_and_beat_ran_a_health_check_and_a_checkpoint(installed: Site) -> None:
    installed.client().chat.completions.create(
        model="stub", messages=[{"role": "user", "content": "audit me"}]
    )
    query = (
        "from appliance.models import ScheduledJob as J; import json; "
        "print(json.dumps({j.name: [j.status, j.runs, j.last_runner] for j in J.objects.all()}))"
    )
    deadline = time.monotonic() + 120
    while True:
        jobs = json.loads(
            installed.lab.ssh("gateway1", f'airlock shell -c "{query}"').stdout.strip().splitlines()[-1]
        )
        ready = all(jobs.get(n, ["never", 0])[0] == "ok" for n in ("check-backends", "audit-checkpoint"))
        if ready or time.monotonic() > deadline:
            break
        time.sleep(5)
    assert jobs["check-backends"][0] == "ok" and jobs["check-backends"][1] >= 1, jobs
    assert jobs["audit-checkpoint"][0] == "ok" and jobs["audit-checkpoint"][1] >= 1, jobs
    assert "worker1" in jobs["audit-checkpoint"][2], jobs
    verify = installed.lab.ssh("gateway2", "airlock audit verify", check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_a_key_revoked_on_one_gateway_is_refused_by_the_other_on_the_next_request(installed: Site) -> None:
    key = installed.lab.ssh("gateway1", "airlock keys create lab --name revoke-me").stdout
    prefix = re.search(r"Created key (\S+) for lab", key).group(1)  # type: ignore[union-attr]
    plaintext = next(line.strip() for line in key.splitlines() if line.startswith("  ") and line.strip())
    # Straight to gateway2's gunicorn, so the answer is that gateway's, not whichever nginx picks.
    direct = openai.OpenAI(
        base_url=f"http://{HOSTS['gateway2']}:8000/v1", api_key=plaintext, max_retries=0,
        default_headers={"X-Forwarded-Proto": "https"},
    )  # fmt: skip
    assert "stub" in [m.id for m in direct.models.list()]  # gateway2 now holds the key in its hot cache
    installed.lab.ssh("gateway1", f"airlock keys revoke {prefix}")
    with pytest.raises(openai.AuthenticationError):
        direct.models.list()
    for _ in range(4):  # and through nginx, whichever gateway answers
        with pytest.raises(openai.AuthenticationError):
            installed.client(key=plaintext).models.list()


def test_stopping_one_gateway_leaves_clients_served(installed: Site) -> None:
    installed.lab.ssh("gateway1", "systemctl stop airlock-gateway")
    try:
        for _ in range(6):
            answer = installed.client("gateway1").chat.completions.create(
                model="stub", messages=[{"role": "user", "content": "still there?"}]
            )
            assert answer.choices[0].message.content.startswith("tok0")
    finally:
        installed.lab.ssh("gateway1", "systemctl start airlock-gateway")


def _started_at(site: Site, host: str, unit: str) -> str:
    shown = site.lab.ssh(host, f"systemctl show -p ActiveEnterTimestampMonotonic --value {unit}")
    return shown.stdout.strip()


def test_a_rolling_upgrade_fails_no_client_request(installed: Site) -> None:
    """upgrade.yml takes each gateway out of nginx's pool, restarts it, and puts it back."""
    before = {host: _started_at(installed, host, "airlock-gateway") for host in ("gateway1", "gateway2")}
    results: list[str] = []
    stop = threading.Event()

    def clients(host: str) -> None:
        client = installed.client(host)
        while not stop.is_set():
            try:
                if len(results) % 4 == 0:
                    stream = client.chat.completions.create(
                        model="stub", messages=[{"role": "user", "content": "hi"}], stream=True
                    )
                    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
                else:
                    answer = client.chat.completions.create(
                        model="stub", messages=[{"role": "user", "content": "upgrade"}]
                    )
                    text = answer.choices[0].message.content or ""
                results.append("ok" if text.startswith("tok0") else f"bad answer: {text!r}")
            except openai.OpenAIError as exc:
                results.append(f"{type(exc).__name__}: {exc}")
            # Paced like a real application: well under runaway protection's 300 requests a
            # minute, which suspended the lab's application when the clients ran flat out.
            stop.wait(0.5)

    threads = [threading.Thread(target=clients, args=(host,)) for host in ("gateway1", "gateway2")]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    try:
        upgrade = installed.playbook(playbook="upgrade.yml", extra={"airlock_upgrade_restart": "true"})
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)
    TIMINGS["rolling upgrade"] = time.monotonic() - started
    (installed.work / "upgrade.log").write_text(upgrade.stdout + upgrade.stderr)
    assert upgrade.returncode == 0, upgrade.stdout[-6000:]
    after = {host: _started_at(installed, host, "airlock-gateway") for host in ("gateway1", "gateway2")}
    assert all(after[host] != before[host] for host in before), (before, after)
    failures = [r for r in results if r != "ok"]
    assert len(results) >= 20 and not failures, (len(results), failures[:10])
    # Each gateway was taken out of the pool before its restart and put back after it.
    assert upgrade.stdout.count("Render every nginx's pool, drained: gateway1]") == 1
    assert upgrade.stdout.count("Render every nginx's pool, drained: gateway2]") == 1


def _exposure(site: Site, host: str, unit: str) -> float:
    out = site.lab.ssh(host, f"systemd-analyze security {unit} --no-pager | tail -1").stdout
    return float(re.search(r"exposure level for \S+: (\d+\.\d+)", out).group(1))  # type: ignore[union-attr]


def test_every_airlock_unit_is_sandboxed(installed: Site) -> None:
    ours = {
        unit: _exposure(installed, host, unit)
        for host, unit in (
            ("gateway1", "airlock-gateway"),
            ("worker1", "airlock-worker"),
            ("worker1", "airlock-beat"),
        )
    }
    EXPOSURE.update(ours)
    # Debian's units with the roles' drop-ins: reported, and they must still be running.
    for host, unit in (
        ("gateway1", "nginx"),
        ("db1", "postgresql@15-main"),
        ("db1", "redis-server"),
        ("db1", "prometheus-postgres-exporter"),
        ("db1", "prometheus-redis-exporter"),
        ("gateway1", "prometheus-node-exporter"),
        ("worker1", "prometheus"),
        ("worker1", "prometheus-alertmanager"),
    ):
        EXPOSURE[unit] = _exposure(installed, host, unit)
        assert installed.lab.ssh(host, f"systemctl is-active {unit}").stdout.strip() == "active"
    assert all(score <= 3.0 for score in ours.values()), ours
    # Every unit the roles install or sandbox, the exporters and monitoring included.
    assert all(EXPOSURE[unit] <= 3.0 for unit in EXPOSURE if not unit.startswith("vllm")), EXPOSURE


def test_vllm_on_the_gpu_host_answers_through_nginx_over_verified_tls(installed: Site) -> None:
    """The demo model, installed from the bundle on gpu1 and registered by the role, answers."""
    client = installed.client("gateway2")
    assert DEMO_MODEL in [m.id for m in client.models.list()]
    question: list[ChatCompletionMessageParam] = [
        {"role": "user", "content": "What is the capital of France?"}
    ]
    answer = client.chat.completions.create(model=DEMO_MODEL, messages=question, max_tokens=30)
    assert "Paris" in (answer.choices[0].message.content or ""), answer
    stream = installed.client("gateway1").chat.completions.create(
        model=DEMO_MODEL, messages=question, max_tokens=30, stream=True
    )
    pieces = [c.choices[0].delta.content or "" for c in stream if c.choices]
    assert len(pieces) > 1 and "Paris" in "".join(pieces), pieces


def test_vllm_refuses_a_call_without_the_sites_key(installed: Site) -> None:
    direct = f"http://{HOSTS['gpu1']}:{VLLM_PORT}/v1"
    question = [{"role": "user", "content": "What is the capital of France?"}]
    for key in ("", "sk-not-the-key"):
        refused = httpx.post(
            f"{direct}/chat/completions",
            json={"model": DEMO_MODEL, "messages": question, "max_tokens": 5},
            headers={"Authorization": f"Bearer {key}"} if key else {},
            timeout=30,
        )
        assert refused.status_code == 401, refused.text
    key = (installed.secrets / "vllm-api-key").read_text().strip()
    allowed = httpx.get(f"{direct}/models", headers={"Authorization": f"Bearer {key}"}, timeout=30)
    assert allowed.status_code == 200 and DEMO_MODEL in allowed.text


def test_the_weights_are_checked_against_their_manifest_before_vllm_starts(installed: Site) -> None:
    unit = f"airlock-vllm-{DEMO_MODEL}"
    shown = installed.lab.ssh("gpu1", f"systemctl cat {unit}").stdout
    check = next(line for line in shown.splitlines() if line.startswith("ExecStartPre="))
    assert "check-weights" in check and ".manifest.json" in check
    ok = installed.lab.ssh("gpu1", check.split("=", 1)[1], check=False)
    assert ok.returncode == 0 and "match the manifest" in ok.stdout, ok.stdout + ok.stderr
    registered = installed.lab.ssh("gateway1", "airlock models list").stdout
    assert DEMO_MODEL in registered
    EXPOSURE[unit] = _exposure(installed, "gpu1", unit)


def _prometheus(path: str, **params: str) -> dict[str, object]:
    reply = httpx.get(f"http://{HOSTS['worker1']}:9090/api/v1/{path}", params=params, timeout=10)
    reply.raise_for_status()
    return reply.json()["data"]  # type: ignore[no-any-return]


def test_prometheus_scrapes_every_part_of_the_site(installed: Site) -> None:
    expected = {
        "airlock": {"gateway1", "gateway2"},
        "vllm": {"gpu1"},
        "node": set(HOSTS),
        "postgres": {"db1"},
        "redis": {"db1"},
        "prometheus": {"worker1"},
        "alertmanager": {"worker1"},
    }
    deadline = time.monotonic() + 120
    while True:
        targets = _prometheus("targets", state="active")["activeTargets"]  # type: ignore[index]
        up: dict[str, set[str]] = {}
        down = []
        for target in targets:
            if target["health"] == "up":
                up.setdefault(target["labels"]["job"], set()).add(target["labels"]["host"])
            else:
                down.append((target["labels"]["job"], target["labels"]["host"], target["lastError"]))
        if up == expected and not down:
            break
        assert time.monotonic() < deadline, f"up: {up}; not up: {down}"
        time.sleep(5)
    # Each part's own figures are there, not just "up": the gateway's, vLLM's, the database's.
    for query in (
        "airlock_audit_unsealed_records",
        "vllm:num_requests_running",
        "pg_up",
        "redis_up",
        'node_systemd_unit_state{name="airlock-gateway.service",state="active"}',
        "airlock_tls_certificate_expiry_timestamp_seconds",
    ):
        result = _prometheus("query", query=query)["result"]  # type: ignore[index]
        assert result, f"no series for {query}"
    # The rules the project ships are loaded, and none of them is broken.
    groups = _prometheus("rules")["groups"]  # type: ignore[index]
    rules = [rule for group in groups for rule in group["rules"]]
    assert len(rules) >= 12 and all(rule["health"] == "ok" for rule in rules), rules


def test_stopping_a_backend_fires_its_alert_and_alertmanager_delivers_it(installed: Site) -> None:
    unit = f"airlock-vllm-{DEMO_MODEL}"
    installed.lab.ssh("gpu1", f"systemctl stop {unit}")
    started = time.monotonic()
    try:
        deadline = started + 300  # the rule's "for: 2m", scrapes and evaluations every 5 s
        while True:
            alerts = _prometheus("alerts")["alerts"]  # type: ignore[index]
            firing = [
                a
                for a in alerts
                if a["labels"]["alertname"] == "AirlockBackendDown" and a["state"] == "firing"
            ]
            if firing:
                break
            assert time.monotonic() < deadline, alerts
            time.sleep(5)
        assert any(
            a["labels"].get("host") == "gpu1" or a["labels"].get("backend", "").startswith("gpu1-")
            for a in firing
        ), firing
        TIMINGS["backend stopped to alert firing"] = time.monotonic() - started
        deadline = time.monotonic() + 90
        while not any(
            alert["labels"]["alertname"] == "AirlockBackendDown" and alert["status"] == "firing"  # type: ignore[index]
            for notification in installed.notifications
            for alert in notification["alerts"]  # type: ignore[attr-defined]
        ):
            assert time.monotonic() < deadline, installed.notifications
            time.sleep(2)
        TIMINGS["backend stopped to webhook notified"] = time.monotonic() - started
    finally:
        installed.lab.ssh("gpu1", f"systemctl start {unit}")


def test_backup_then_restore_onto_a_fresh_database_host_verifies(installed: Site) -> None:
    """backup.yml, then db1 is gone: restore.yml onto a fresh db2 with an empty secrets folder."""
    work = installed.work
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:3072", "-nodes", "-days", "2",
         "-subj", "/CN=airlock-backup", "-keyout", str(work / "operator-backup.key"),
         "-out", str(work / "operator-backup.crt")],
        check=True, capture_output=True,
    )  # fmt: skip
    installed.client().chat.completions.create(model="stub", messages=[{"role": "user", "content": "before"}])
    witness = "/var/lib/airlock/audit-witness.jsonl"
    deadline = time.monotonic() + 60
    while installed.lab.ssh("worker1", f"test -s {witness}", check=False).returncode != 0:
        assert time.monotonic() < deadline, "beat wrote no checkpoint to the witness file"
        time.sleep(3)
    started = time.monotonic()
    backup = installed.playbook(
        playbook="backup.yml",
        extra={
            "airlock_backup_dir": str(work / "backups"),
            "airlock_backup_certificate": str(work / "operator-backup.crt"),
        },
    )
    TIMINGS["backup"] = time.monotonic() - started
    (work / "backup.log").write_text(backup.stdout + backup.stderr)
    assert backup.returncode == 0, backup.stdout[-6000:]
    (folder,) = (work / "backups").iterdir()
    files = json.loads((folder / "backup.json").read_text())["files"]
    assert {"database.dump.cms", "secrets.tar.cms", "witness-worker1.jsonl.cms"} <= set(files)
    # Encrypted: neither the dump's header nor a secret appears in the backup's bytes.
    kek = (installed.secrets / "audit-kek").read_bytes().strip()
    for name in files:
        data = (folder / name).read_bytes()
        assert b"PGDMP" not in data[:64] and kek not in data

    # db1 is lost; a fresh host takes its place, and the secrets come back from the backup.
    installed.lab.exec("db1", "systemctl stop postgresql redis-server")
    installed.lab.add("db2", ALL_HOSTS["db2"])
    restored_secrets = work / "secrets-restored"
    inventory = _write_inventory(work / "inventory-restored", installed.bundle, installed.public_key,
                                 restored_secrets, db="db2")  # fmt: skip
    started = time.monotonic()
    restore = installed.playbook(
        inventory=inventory,
        playbook="restore.yml",
        extra={
            "airlock_restore_from": str(folder),
            "airlock_backup_private_key": str(work / "operator-backup.key"),
        },
    )
    TIMINGS["restore onto a fresh database host"] = time.monotonic() - started
    (work / "restore.log").write_text(restore.stdout + restore.stderr)
    assert restore.returncode == 0, restore.stdout[-8000:]
    assert "TASK [postgresql : Restore it, owned by the appliance's role]" in restore.stdout
    assert (restored_secrets / "audit-kek").read_bytes() == (installed.secrets / "audit-kek").read_bytes()
    assert not (folder / ".plain").exists()

    for host in ("gateway1", "gateway2"):
        verify = installed.lab.ssh(host, "airlock audit verify", check=False)
        assert verify.returncode == 0, verify.stdout + verify.stderr
    witnessed = installed.lab.ssh(
        "worker1", f"airlock audit verify --since-checkpoint {witness}", check=False
    )
    assert witnessed.returncode == 0, witnessed.stdout + witnessed.stderr
    # The key made before the backup works against the restored database, on both gateways.
    for host in ("gateway1", "gateway2"):
        answer = installed.client(host).chat.completions.create(
            model="stub", messages=[{"role": "user", "content": "after the restore"}]
        )
        assert (answer.choices[0].message.content or "").startswith("tok0")
