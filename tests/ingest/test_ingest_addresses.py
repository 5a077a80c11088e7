"""The server's fetch policy as a pure decision on addresses and URLs (no connection is
made here; tests/api/test_api_fetch_policy.py fetches from loopback servers)."""

from __future__ import annotations

import ipaddress

import pytest

from marsad.ingest.addresses import AddressPolicy, url_problem


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1",
        "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "::",
    ],
)  # fmt: skip
def test_addresses_non_public_are_refused_by_default(address: str) -> None:
    assert not AddressPolicy().allows(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::1"])
def test_addresses_public_are_allowed(address: str) -> None:
    assert AddressPolicy().allows(ipaddress.ip_address(address))


def test_addresses_allow_list_admits_only_its_networks() -> None:
    policy = AddressPolicy.parse("10.20.0.0/16, 127.0.0.1/32")
    assert policy.allows(ipaddress.ip_address("10.20.3.4"))
    assert policy.allows(ipaddress.ip_address("::ffff:127.0.0.1"))
    assert not policy.allows(ipaddress.ip_address("10.21.0.1"))
    assert not policy.allows(ipaddress.ip_address("127.0.0.2"))
    with pytest.raises(ValueError, match="CIDR"):
        AddressPolicy.parse("10.0.0.0/33")


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://127.0.0.1:8201@evil/x", "credentials"),
        ("https://user:pw@example.org/", "credentials"),
        ("file:///etc/passwd", "only http(s)"),
        ("http:///path", "no host"),
        ("http://example.org:99999/", "not a valid URL"),
        ("https://example.org/feed.xml", None),
    ],
)
def test_addresses_url_problem_before_any_lookup(url: str, problem: str | None) -> None:
    found = url_problem(url)
    assert (found is None) if problem is None else (problem in (found or ""))
