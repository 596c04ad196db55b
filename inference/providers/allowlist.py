"""``AIRLOCK_EGRESS_ALLOW_PRIVATE``, parsed (``inference.providers.guard`` applies it).

Apart from the guard so that the settings can check the list at start-up without importing
httpcore, which the guard's network backend needs and no command-line path does.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

_HOST = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$|^[0-9a-f:.]+$")


@dataclass(frozen=True)
class AllowList:
    """``AIRLOCK_EGRESS_ALLOW_PRIVATE``, parsed: networks, and host names with an optional port."""

    networks: tuple[Network, ...]
    hosts: frozenset[tuple[str, int | None]]

    def admits(self, host: str, port: int, address: Address | None) -> bool:
        name = host.lower().strip("[]")
        if (name, port) in self.hosts or (name, None) in self.hosts:
            return True
        return address is not None and any(address in network for network in self.networks)


def parse_allow_list(values: Iterable[str]) -> AllowList:
    networks: list[Network] = []
    hosts: set[tuple[str, int | None]] = set()
    for raw in values:
        value = raw.strip()
        if not value:
            continue
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
            continue
        except ValueError:
            pass
        parts = urlsplit(f"//{value}")
        try:
            port = parts.port
        except ValueError:
            port = -1
        host = parts.hostname or ""
        if not _HOST.match(host) or port == -1 or parts.path or parts.username:
            raise ImproperlyConfigured(
                f"AIRLOCK_EGRESS_ALLOW_PRIVATE: {value!r} is neither a network (10.0.0.0/8) nor HOST[:PORT]."
            )
        hosts.add((host, port))
    return AllowList(tuple(networks), frozenset(hosts))
