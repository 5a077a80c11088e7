"""Server-side request forgery: a client with the token must not make the server fetch
from loopback or private addresses (directly, through a host name, or by a redirect), and
nothing fetched that way may become searchable. Every server here listens on 127.0.0.0/8.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

import pytest
from api_server import TOKEN, Server
from local_http import LocalServer, local_http_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SECRET = "zzinternalsecret"
PAGE = (
    f"<html><head><title>{SECRET}</title></head><body><p>"
    + f"An internal page that must never be fetched by the server {SECRET}. " * 8
    + "</p></body></html>"
).encode()


@pytest.fixture
def internal() -> Iterator[LocalServer]:
    """An "internal" service on 127.0.0.1 with a page whose words must stay unsearchable."""
    with local_http_server("127.0.0.1") as served:
        served.add("/admin", PAGE, {"Content-Type": "text/html"})
        yield served


@pytest.fixture
def allowed_host() -> Iterator[LocalServer]:
    """A server on 127.0.0.2: loopback, and outside the one network ingest_server allows."""
    with local_http_server("127.0.0.2") as served:
        yield served


def _rss(link: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>teaser</title><link>{escape(link)}</link>"
        "<description>short</description></item></channel></rss>"
    ).encode()


def _searchable(server: Server, word: str) -> int:
    return int(server.client.get("/api/search", params={"q": word}).json()["total"])


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/admin",
        "http://localhost:{port}/admin",  # a name that resolves to loopback
        "http://0.0.0.0:{port}/admin",
    ],
)
def test_api_fetch_refuses_loopback(
    public_only_server: Server, internal: LocalServer, url: str
) -> None:
    r = public_only_server.client.post(
        "/api/ingest/feeds", headers=AUTH, json={"url": url.format(port=internal.port)}
    )
    assert r.status_code == 200, r.text
    [skipped] = r.json()["skipped"]
    assert "refused to fetch" in skipped["reason"] and "--fetch-allow" in skipped["reason"]
    assert internal.seen == []  # not one request reached it
    assert _searchable(public_only_server, SECRET) == 0


def test_api_fetch_credentials_url_is_refused_before_any_lookup(
    public_only_server: Server, internal: LocalServer
) -> None:
    url = f"http://127.0.0.1:{internal.port}@evil.invalid/x"
    r = public_only_server.client.post("/api/ingest/feeds", headers=AUTH, json={"url": url})
    assert r.status_code == 422 and "url" in r.json()["error"]
    assert internal.seen == []


def test_api_uploaded_feed_item_link_to_loopback_is_not_fetched(
    public_only_server: Server, internal: LocalServer
) -> None:
    feed = _rss(internal.url("/admin"))
    r = public_only_server.client.post(
        "/api/ingest/files", headers=AUTH, files=[("files", ("feed.rss", feed))]
    )
    assert r.status_code == 200, r.text
    reasons = [s["reason"] for s in r.json()["skipped"]]
    assert any("refused to fetch" in reason for reason in reasons)
    assert internal.seen == [] and _searchable(public_only_server, SECRET) == 0


@pytest.mark.parametrize("redirect_host", ["127.0.0.2", "[::ffff:127.0.0.2]"])
def test_api_fetch_allow_list_admits_its_network_but_not_a_redirect_out_of_it(
    ingest_server: Server, internal: LocalServer, allowed_host: LocalServer, redirect_host: str
) -> None:
    # ingest_server's operator allows 127.0.0.1/32 only: 127.0.0.2 is refused ...
    allowed_host.add("/page", PAGE.replace(SECRET.encode(), b"zzallowedpage"))
    r = ingest_server.client.post(
        "/api/ingest/feeds", headers=AUTH, json={"url": allowed_host.url("/page")}
    )
    assert "refused to fetch from 127.0.0.2" in r.json()["skipped"][0]["reason"]
    # ... the page on the allowed 127.0.0.1 is fetched and stored ...
    r = ingest_server.client.post(
        "/api/ingest/feeds", headers=AUTH, json={"url": internal.url("/admin"), "fast": True}
    )
    assert r.json()["read"] == 1 and r.json()["skipped"] == []
    # ... while a redirect from it to an address outside the list is checked on its hop.
    # (The second host is the same address dressed as IPv6.)
    target = f"http://{redirect_host}:{allowed_host.port}/page"
    internal.add("/hop", b"", {"Location": target}, status=302)
    r = ingest_server.client.post(
        "/api/ingest/feeds", headers=AUTH, json={"url": internal.url("/hop")}
    )
    assert "refused to fetch from 127.0.0.2" in r.json()["skipped"][0]["reason"]
    assert allowed_host.seen == []
