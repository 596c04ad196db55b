"""Who is asking: the one function that turns a connection into a client address.

Every place that records or counts by address — django-axes' sign-in lock-out
(``AXES_CLIENT_IP_CALLABLE``), the audit log's ``source_ip`` for sign-ins and for ``/v1``
requests — asks here, so they cannot disagree.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the
connection comes from a proxy listed in ``AIRLOCK_TRUSTED_PROXIES`` (the installer's nginx),
and then only as far as ``AIRLOCK_PROXY_HOPS`` proxies: each proxy appends the address it
received the request from, so with N trusted proxies in a row the client is the Nth entry from
the right. Everything left of it was written by the client and is ignored. Uvicorn's own
handling of the header (``proxy_headers``) is turned off (``appliance.server``): it trusts any
peer on loopback, which is how the penetration test forged addresses.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:  # django.http costs a tenth of a second at every start of the settings
    from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(name: str, values: list[str] | tuple[str, ...]) -> tuple[Network, ...]:
    """``10.0.0.0/8``, ``127.0.0.1`` or ``::1`` as networks; a bad entry fails loudly."""
    found = []
    for value in values:
        try:
            found.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {value!r} is not an IP address or network (CIDR).") from None
    return tuple(found)


@lru_cache(maxsize=8)
def _trusted(values: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks("AIRLOCK_TRUSTED_PROXIES", values)


def _address(text: str) -> Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket arrives as ::ffff:a.b.c.d: one client, one form.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_trusted_proxy(peer: str | None) -> bool:
    """Whether the connection comes from one of ``AIRLOCK_TRUSTED_PROXIES``."""
    address = _address(peer) if peer else None
    if address is None:
        return False
    return any(address in network for network in _trusted(tuple(settings.AIRLOCK_TRUSTED_PROXIES)))


def resolve(peer: str | None, forwarded_for: list[str]) -> str | None:
    """The client's address, given the connection's peer and its ``X-Forwarded-For`` headers."""
    if peer is None:
        return None
    peer_address = _address(peer)
    if peer_address is None:
        return peer
    proxies = _trusted(tuple(settings.AIRLOCK_TRUSTED_PROXIES))
    if not proxies or not any(peer_address in network for network in proxies):
        return str(peer_address)
    # Several X-Forwarded-For headers are one list, in order (RFC 9110, section 5.3).
    entries = [item.strip() for header in forwarded_for for item in header.split(",")]
    entries = [item for item in entries if item]
    hops = settings.AIRLOCK_PROXY_HOPS
    if len(entries) < hops:
        # Fewer entries than proxies: the chain is not what was configured; trust none of it.
        return str(peer_address)
    client = _address(entries[-hops])
    return str(client) if client is not None else str(peer_address)


def client_ip(request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
    """The client address of a Django request (also django-axes' ``AXES_CLIENT_IP_CALLABLE``)."""
    header = request.META.get("HTTP_X_FORWARDED_FOR")
    return resolve(request.META.get("REMOTE_ADDR"), [header] if header else [])


def client_ip_of_scope(scope: dict[str, Any]) -> str | None:
    """The client address of an ASGI request (the ``/v1`` gateway)."""
    client = scope.get("client")
    if not client:
        return None
    if not settings.AIRLOCK_TRUSTED_PROXIES:
        return resolve(client[0], [])  # the common case: no header is even looked at
    headers = [value.decode("latin-1") for name, value in scope["headers"] if name == b"x-forwarded-for"]
    return resolve(client[0], headers)
