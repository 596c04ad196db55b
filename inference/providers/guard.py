"""Where a provider may be: a public address over https, or a private one the installation lists.

An administrator chooses a provider's base URL, and the appliance then sends requests there
carrying an API key: without this check the appliance is a way into its own network (cloud
metadata at 169.254.169.254, services on loopback, the database's subnet). So:

- the URL is ``https`` with no user name, query or fragment (a ``?q=`` made the path arbitrary);
- every address its host resolves to is public — not loopback, link-local, private,
  unique-local, shared (100.64/10), multicast, reserved or unspecified, also not when written
  as an IPv4-mapped, 6to4 or NAT64 IPv6 address;
- unless ``AIRLOCK_EGRESS_ALLOW_PRIVATE`` lists it: networks (``10.0.0.0/8``) or hosts with an
  optional port (``llm.internal:443``), for an on-premises OpenAI-compatible server. Only
  those may use plain ``http``.

``check_url`` runs when a provider is saved. ``GuardedBackend`` runs the same address check
on every connection the egress pool opens — after its own DNS lookup, connecting to the very
address it checked — so a name that resolves elsewhere later (DNS rebinding) is refused too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

import httpcore2
from django.conf import settings
from django.core.exceptions import ValidationError
from httpcore2._backends.auto import AutoBackend
from httpcore2._backends.base import SOCKET_OPTION, AsyncNetworkBackend, AsyncNetworkStream

from inference.providers.allowlist import Address, AllowList, parse_allow_list

__all__ = ["AllowList", "GuardedBackend", "allow_list", "check_url", "parse_allow_list", "refusal"]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")


@lru_cache(maxsize=8)
def _allow_list(values: tuple[str, ...]) -> AllowList:
    return parse_allow_list(values)


def allow_list() -> AllowList:
    return _allow_list(tuple(settings.AIRLOCK_EGRESS_ALLOW_PRIVATE))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.teredo is not None:
        return address.teredo[1]
    return None


def is_public(address: Address) -> bool:
    """A unicast address on the public internet (and no IPv6 disguise of a private IPv4 one)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address in _SHARED
        or not address.is_global
    )


def _literal(host: str) -> Address | None:
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return address


def refusal(host: str, port: int, address: Address, allowed: AllowList) -> str | None:
    """Why ``address`` (what ``host`` resolved to) may not be connected to; None if it may."""
    if is_public(address) or allowed.admits(host, port, address):
        return None
    shown = host if host.strip("[]") == str(address) else f"{host} (resolves to {address})"
    return (
        f"{shown} is not a public address; list it in AIRLOCK_EGRESS_ALLOW_PRIVATE to allow a "
        "provider on the installation's own network."
    )


def _resolve_now(host: str, port: int) -> list[Address]:
    literal = _literal(host)
    if literal is not None:
        return [literal]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


def check_url(url: str) -> None:
    """Refuse (``ValidationError``) a base URL the egress path must not send to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(f"{url!r} is not an https URL.")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValidationError("A provider's base URL must not contain a user name or password.")
    if parts.query or "?" in url:
        raise ValidationError("A provider's base URL must not have a query string ('?…').")
    if parts.fragment or "#" in url:
        raise ValidationError("A provider's base URL must not have a fragment ('#…').")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise ValidationError(f"{url!r} has an invalid port.") from None
    host = parts.hostname
    allowed = allow_list()
    try:
        addresses = _resolve_now(host, port)
    except (OSError, UnicodeError):
        # Not resolvable from here right now (an air-gapped network may resolve it later): the
        # check at connect time still applies to whatever it resolves to then.
        addresses = []
    for address in addresses:
        reason = refusal(host, port, address, allowed)
        if reason is not None:
            raise ValidationError(reason)
    if parts.scheme == "http":
        listed = allowed.admits(host, port, None) or (
            bool(addresses) and all(allowed.admits(host, port, a) for a in addresses)
        )
        if not listed:
            raise ValidationError(
                "A provider's base URL must use https; plain http is only for servers listed in "
                "AIRLOCK_EGRESS_ALLOW_PRIVATE."
            )


async def check_plain_http(url: str) -> None:
    """Refuse (``httpcore2.ConnectError``) plain http to a destination the allow list does not name.

    The connection itself is checked by ``GuardedBackend``, which cannot see the scheme: a row
    written behind the services' back with ``http://`` to a public host stops here.
    """
    parts = urlsplit(url)
    if parts.scheme != "http":
        return
    host, port = parts.hostname or "", parts.port or 80
    allowed = allow_list()
    if allowed.admits(host, port, None):
        return
    try:
        addresses = await asyncio.get_running_loop().run_in_executor(None, _resolve_now, host, port)
    except (OSError, UnicodeError) as exc:
        raise httpcore2.ConnectError(f"{host} cannot be resolved: {exc}") from None
    for address in addresses:
        reason = refusal(host, port, address, allowed)
        if reason is not None:
            raise httpcore2.ConnectError(reason)
    if not addresses or not all(allowed.admits(host, port, a) for a in addresses):
        raise httpcore2.ConnectError(
            f"plain http to {host} is refused: only destinations in AIRLOCK_EGRESS_ALLOW_PRIVATE may use it"
        )


class GuardedBackend(AsyncNetworkBackend):
    """httpcore's network backend, checking every address before it connects to it."""

    def __init__(self) -> None:
        self._inner = AutoBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's backend interface
        local_address: str | None = None,
        socket_options: Iterable[SOCKET_OPTION] | None = None,
    ) -> AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            addresses = await asyncio.wait_for(loop.run_in_executor(None, _resolve_now, host, port), timeout)
        except TimeoutError:
            raise httpcore2.ConnectTimeout(f"resolving {host} took too long") from None
        except (OSError, UnicodeError) as exc:
            raise httpcore2.ConnectError(f"{host} cannot be resolved: {exc}") from None
        allowed = allow_list()
        for address in addresses:
            reason = refusal(host, port, address, allowed)
            if reason is not None:
                # Every address, not only the first: a name that also resolves inward is refused.
                raise httpcore2.ConnectError(reason)
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore2.ConnectError, httpcore2.ConnectTimeout) as exc:
                last = exc
        if last is not None:
            raise last
        raise httpcore2.ConnectError(f"{host} resolves to no address")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's backend interface
        socket_options: Iterable[SOCKET_OPTION] | None = None,
    ) -> AsyncNetworkStream:
        raise httpcore2.ConnectError("providers are reached over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
