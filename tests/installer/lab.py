"""A lab of booted Debian 12 hosts for the installer's tests (../shared/RECIPES.md has the recipe).

Each host is systemd as PID 1 in a ``systemd-nspawn`` container, on an overlay of one pristine
``debootstrap`` tree (cached in ``~/.cache/airlock/lab``, built on first use), reached over SSH.
The hosts share a private network in a network namespace of the lab's own that uses only
127.100.0.0/24 (the workplace allows traffic to loopback addresses and to its own lab hosts,
nothing else): no default route, no resolver, so nothing on them can reach out. The
controller (Ansible, the test's clients) joins that namespace as 127.100.0.1.

Run by hand: ``python -m tests.installer.lab up`` (prints the hosts; Ctrl-C tears it down).
Everything is undone in ``Lab.down()``, which the tests call even when they fail.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

CACHE = Path(os.environ.get("AIRLOCK_LAB_CACHE", Path.home() / ".cache/airlock/lab"))
BASE = CACHE / "base-bookworm"
SSH_KEY = CACHE / "ssh/id_ed25519"
RUN = Path("/run/airlock-lab")
NETNS = "airlock-lab"
BRIDGE = "alab0"
CONTROLLER = "127.100.0.1"
MIRROR = os.environ.get("AIRLOCK_DEBIAN_MIRROR", "http://deb.debian.org/debian")
BASE_PACKAGES = "systemd,systemd-sysv,dbus,openssh-server,python3,sudo,iproute2,ca-certificates,curl"
CGROUP_HIERARCHIES = [Path("/sys/fs/cgroup/systemd"), Path("/sys/fs/cgroup/unified")]
CLONE_NEWNET = 0x40000000


def run(*argv: str, check: bool = True, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, check=check, text=True, capture_output=True, **kwargs)  # type: ignore[call-overload]


def ensure_tools() -> None:
    """debootstrap and systemd-nspawn from Debian, installed once on the machine."""
    missing = [tool for tool in ("debootstrap", "systemd-nspawn") if not shutil.which(tool)]
    if missing:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-q")
        run("apt-get", "install", "-y", "-q", "debootstrap", "systemd-container", env=env)


def ensure_base() -> None:
    """The pristine Debian 12 tree every host starts from, with the lab's SSH key."""
    if not SSH_KEY.exists():
        SSH_KEY.parent.mkdir(parents=True, exist_ok=True)
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "airlock-lab", "-f", str(SSH_KEY))
    if not (BASE / "etc/os-release").exists():
        tmp = BASE.with_name(BASE.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        run("debootstrap", "--variant=minbase", f"--include={BASE_PACKAGES}", "bookworm", str(tmp), MIRROR)
        (tmp / "etc/machine-id").write_text("")
        tmp.rename(BASE)
    authorized = BASE / "root/.ssh/authorized_keys"
    pub = SSH_KEY.with_suffix(".pub").read_text()
    if not authorized.exists() or authorized.read_text() != pub:
        authorized.parent.mkdir(mode=0o700, exist_ok=True)
        authorized.write_text(pub)
        authorized.chmod(0o600)


def _setns(path: str) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), f"setns {path}")
    finally:
        os.close(fd)


@dataclass
class Host:
    name: str
    address: str
    nspawn: subprocess.Popen[bytes] | None = None
    leader: int = 0

    @property
    def root(self) -> Path:
        return RUN / self.name / "merged"


@dataclass
class Lab:
    """Booted hosts on 127.100.0.0/24. ``up()`` then ``down()``; or use it as a context manager."""

    hosts: dict[str, str]  # name -> address
    started: list[Host] = field(default_factory=list)
    _home_netns: int | None = None

    def __enter__(self) -> Lab:
        try:
            self.up()
        except BaseException:
            self.down()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.down()

    # --- up -------------------------------------------------------------------------------

    def up(self) -> None:
        ensure_tools()
        ensure_base()
        self._clean_leftovers()
        self._network()
        for name, address in self.hosts.items():
            host = Host(name, address)
            self.started.append(host)
            self._boot(host)
        for host in self.started:
            self._wait_running(host)
            self._wire(host)

    def add(self, name: str, address: str) -> None:
        """Boot one more fresh host on the running lab's network (a replacement host)."""
        self.hosts[name] = address
        host = Host(name, address)
        self.started.append(host)
        self._boot(host)
        self._wait_running(host)
        self._wire(host)

    def _clean_leftovers(self) -> None:
        """A lab killed before its teardown leaves containers, mounts and the namespace behind."""
        leftovers = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            with contextlib.suppress(OSError):
                argv = cmdline.read_bytes().split(b"\0")
                if argv[0].endswith(b"systemd-nspawn") and f"{RUN}/".encode() in b" ".join(argv):
                    leftovers.append(int(cmdline.parent.name))
        for pid in leftovers:  # only the lab's own containers: their root is under RUN
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while leftovers and time.monotonic() < deadline:
            leftovers = [pid for pid in leftovers if Path(f"/proc/{pid}").exists()]
            time.sleep(0.2)
        if RUN.exists():
            for merged in RUN.glob("*/merged"):
                run("umount", "-l", str(merged), check=False)
            shutil.rmtree(RUN, ignore_errors=True)
        run("ip", "netns", "del", NETNS, check=False)

    def _network(self) -> None:
        run("ip", "netns", "add", NETNS)
        ns = ["ip", "-n", NETNS]
        run(*ns, "link", "set", "lo", "up")
        run(*ns, "link", "add", BRIDGE, "type", "bridge")
        run(*ns, "addr", "add", f"{CONTROLLER}/24", "dev", BRIDGE)
        run(*ns, "link", "set", BRIDGE, "up")
        for key in ("all", "default", BRIDGE):
            run("ip", "netns", "exec", NETNS, "sysctl", "-qw", f"net.ipv4.conf.{key}.route_localnet=1")
        # 127/8 is all "local" to the kernel: a more specific route in the local table sends
        # 127.100.0.0/24 out of the bridge instead.
        run(*ns, "route", "add", "127.100.0.0/24", "dev", BRIDGE, "table", "local", "scope", "link",
            "src", CONTROLLER)  # fmt: skip

    def _boot(self, host: Host) -> None:
        layer = RUN / host.name
        for sub in ("upper", "work", "merged"):
            (layer / sub).mkdir(parents=True, exist_ok=True)
        layers = f"lowerdir={BASE},upperdir={layer / 'upper'},workdir={layer / 'work'}"
        run("mount", "-t", "overlay", "overlay", "-o", layers, str(host.root))
        (host.root / "etc/hostname").write_text(host.name + "\n")
        hosts = "127.0.0.1 localhost\n" + "".join(f"{a} {n}\n" for n, a in self.hosts.items())
        (host.root / "etc/hosts").write_text(hosts)
        # No resolver: an air-gapped host.
        resolv = host.root / "etc/resolv.conf"
        if resolv.is_symlink() or resolv.exists():
            resolv.unlink()
        resolv.write_text("")
        cgroups = [h / "airlock-lab" / host.name for h in CGROUP_HIERARCHIES if h.exists()]
        for cgroup in cgroups:
            cgroup.mkdir(parents=True, exist_ok=True)
        # --keep-unit puts every container in the launching process's cgroup: give each its own.
        moves = "; ".join(f"echo $BASHPID > {c}/cgroup.procs" for c in cgroups)
        log = (layer / "nspawn.log").open("wb")
        host.nspawn = subprocess.Popen(
            ["bash", "-c", f"{moves}; exec systemd-nspawn -q -b -D {host.root} --machine={host.name} "
             "--register=no --keep-unit --private-network --resolv-conf=off --timezone=off "
             "--console=passive"],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip

    def _wait_running(self, host: Host, timeout: float = 120) -> None:
        assert host.nspawn is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if host.nspawn.poll() is not None:
                log = (RUN / host.name / "nspawn.log").read_text(errors="replace")
                raise RuntimeError(f"{host.name}: systemd-nspawn exited: {log[-2000:]}")
            if not host.leader:
                # nspawn's first child is a short-lived helper that forks the container's init:
                # wait for the child that is systemd itself.
                children = Path(f"/proc/{host.nspawn.pid}/task/{host.nspawn.pid}/children")
                with contextlib.suppress(OSError, ValueError):
                    for pid in children.read_text().split():
                        if Path(f"/proc/{pid}/comm").read_text().strip() == "systemd":
                            host.leader = int(pid)
            if host.leader:
                state = run("nsenter", "-t", str(host.leader), "-a", "systemctl", "is-system-running",
                            check=False).stdout.strip()  # fmt: skip
                if state in {"running", "degraded"}:
                    return
            time.sleep(0.5)
        raise RuntimeError(f"{host.name}: not booted after {timeout:.0f} s")

    def _wire(self, host: Host) -> None:
        peer = f"vp-{host.name}"[:15]
        run("ip", "link", "add", peer, "netns", NETNS, "type", "veth", "peer", "name", "host0",
            "netns", str(host.leader))  # fmt: skip
        run("ip", "-n", NETNS, "link", "set", peer, "master", BRIDGE, "up")
        script = (
            "sysctl -qw net.ipv4.conf.all.route_localnet=1 net.ipv4.conf.default.route_localnet=1 && "
            f"ip addr add {host.address}/24 dev host0 && ip link set host0 up && "
            "sysctl -qw net.ipv4.conf.host0.route_localnet=1 && "
            f"ip route add 127.100.0.0/24 dev host0 table local scope link src {host.address}"
        )
        run("nsenter", "-t", str(host.leader), "-n", "sh", "-c", script)

    # --- the controller's side ------------------------------------------------------------

    def enter(self) -> None:
        """Move this thread (and what it starts) into the lab's network."""
        if self._home_netns is None:
            self._home_netns = os.open("/proc/self/ns/net", os.O_RDONLY)
        _setns(f"/run/netns/{NETNS}")

    def leave(self) -> None:
        if self._home_netns is not None:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.setns(self._home_netns, CLONE_NEWNET)
            os.close(self._home_netns)
            self._home_netns = None

    def exec(self, name: str, command: str) -> subprocess.CompletedProcess[str]:
        """Run a shell command on a host without SSH (through its namespaces)."""
        (host,) = [h for h in self.started if h.name == name]
        return run("nsenter", "-t", str(host.leader), "-a", "sh", "-c", command)

    def ssh(
        self, name: str, command: str, check: bool = True, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """Run a shell command on a host as root (the caller must be inside the lab's network)."""
        return run("ssh", *ssh_options(), f"root@{self.hosts[name]}", command, check=check, timeout=timeout)

    # --- down -----------------------------------------------------------------------------

    def down(self) -> None:
        self.leave()
        for host in self.started:
            if host.nspawn and host.nspawn.poll() is None:
                host.nspawn.send_signal(signal.SIGTERM)
        for host in self.started:
            if host.nspawn:
                try:
                    host.nspawn.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(host.nspawn.pid, signal.SIGKILL)
                    host.nspawn.wait(10)
            if host.root.exists() and run("umount", str(host.root), check=False).returncode != 0:
                run("umount", "-l", str(host.root), check=False)
            for hierarchy in CGROUP_HIERARCHIES:
                cgroup = hierarchy / "airlock-lab" / host.name
                # Child cgroups systemd made inside the container go first.
                for sub in sorted(cgroup.rglob("*"), key=lambda p: -len(p.parts)) if cgroup.exists() else []:
                    if sub.is_dir():
                        with contextlib.suppress(OSError):
                            sub.rmdir()
                with contextlib.suppress(OSError):
                    cgroup.rmdir()
        self.started.clear()
        for hierarchy in CGROUP_HIERARCHIES:
            with contextlib.suppress(OSError):
                (hierarchy / "airlock-lab").rmdir()
        run("ip", "netns", "del", NETNS, check=False)
        shutil.rmtree(RUN, ignore_errors=True)


def ssh_options() -> list[str]:
    return [
        "-i", str(SSH_KEY), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
    ]  # fmt: skip


if __name__ == "__main__":
    import sys

    lab = Lab({"host1": "127.100.0.11", "host2": "127.100.0.12"})
    if sys.argv[1:] != ["up"]:
        raise SystemExit("usage: python -m tests.installer.lab up")
    with lab:
        print("up:", lab.hosts, "- ssh from: nsenter --net=/run/netns/airlock-lab ssh",
              " ".join(ssh_options()), "root@ADDRESS")  # fmt: skip
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
