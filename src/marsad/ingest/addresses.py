"""Which addresses a server may fetch from: no loopback, private, link-local or reserved
address unless the operator allows its network.

A server that fetches URLs its clients name (``POST /api/ingest/feeds``, the item links of
an uploaded feed) must not become a way into the network it runs in: the cloud metadata
service at 169.254.169.254, an admin page on 127.0.0.1, a database on 10.0.0.5. The check
runs on the addresses a host name resolves to, and the connection goes to the address that
was checked (a second lookup could answer differently), on every redirect hop. The command
line fetches whatever its user names: it has no policy (``ReadOptions.addresses is None``).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from marsad.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOW_ENV = "MARSAD_FETCH_ALLOW"
"""Networks a server may fetch from although they are not public, comma-separated CIDRs
(``10.2.0.0/16,127.0.0.1/32``); the same as ``marsad serve --fetch-allow``."""


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Public addresses only, plus the ``allow``ed networks."""

    allow: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, networks: str | Sequence[str] | None) -> AddressPolicy:
        """From CIDRs (a comma-separated string or a list); ``ValueError`` names a bad one."""
        if isinstance(networks, str):
            networks = networks.split(",")
        allow = []
        for given in networks or ():
            if not given.strip():
                continue
            try:
                allow.append(ipaddress.ip_network(given.strip(), strict=False))
            except ValueError as exc:
                raise ValueError(f"not a network in CIDR notation: {given.strip()!r}") from exc
        return cls(tuple(allow))

    @classmethod
    def from_env(cls) -> AddressPolicy:
        return cls.parse(os.environ.get(ALLOW_ENV))

    def allows(self, address: IPAddress) -> bool:
        address = _plain(address)
        if any(address in network for network in self.allow):
            return True
        # is_global excludes loopback, private (RFC 1918, fc00::/7), link-local, shared
        # (100.64/10), documentation, unspecified and reserved ranges; multicast is no server.
        return address.is_global and not address.is_multicast

    def resolve(self, url: str, host: str, port: int) -> str:
        """The address to connect to for ``host``: every address it resolves to must be
        allowed (one bad answer among good ones is how DNS rebinding starts)."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise FetchError(url, f"cannot resolve host {host!r}") from exc
        addresses = [
            _plain(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])) for info in infos
        ]
        if not addresses:
            raise FetchError(url, f"cannot resolve host {host!r}")
        for address in addresses:
            if not self.allows(address):
                raise FetchError(
                    url,
                    f"refused to fetch from {address} ({_kind(address)} address); the server"
                    f" fetches only from public addresses unless {ALLOW_ENV} (or"
                    " `marsad serve --fetch-allow`) allows the network",
                )
        return str(addresses[0])


def _plain(address: IPAddress) -> IPAddress:
    """::ffff:127.0.0.1 is 127.0.0.1: judged, named and connected to as IPv4."""
    if address.version == 6 and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _kind(address: IPAddress) -> str:
    for name in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(address, f"is_{name}"):
            return name.replace("_", "-")
    return "non-public"


def url_problem(url: str) -> str | None:
    """Why a client-named ``url`` is not one a server should fetch, before any lookup:
    not http(s), no host, or credentials (``http://127.0.0.1:80@evil/`` names host ``evil``
    while it reads as loopback to a person; we fetch neither)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # ValueError when out of range or not a number
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "only http(s) URLs can be fetched"
    if not parts.hostname:
        return "the URL names no host"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "URLs with credentials (user:password@) are not fetched"
    if port == 0:
        return "not a valid URL"
    return None
