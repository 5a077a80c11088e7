"""URLs against a real HTTP server on 127.0.0.1: pages, redirects, failures, timeouts."""

from __future__ import annotations

import socket
import time

import pytest

from marsad.errors import DecodeError, FetchError

AR_EN = pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
pytestmark = pytest.mark.network


def _page(text: str) -> bytes:
    return f"<!doctype html><html><head><title>t</title></head><body>{text}</body></html>".encode()


@AR_EN
def test_fetch_page_becomes_an_html_article(
    read, server, seed_texts: dict[str, str], seed: str
) -> None:
    body = _page(seed_texts[seed])
    server.add(
        "/news/1",
        body,
        {"Content-Type": "text/html; charset=utf-8", "Date": "Sat, 09 Apr 2022 23:30:00 GMT"},
        send_date=False,
    )
    url = server.url("/news/1")
    [article], errors = read(url)
    assert errors == []
    assert (article.source, article.url, article.format) == (url, url, "html")
    assert article.raw == body and article.raw_text == body.decode("utf-8")
    assert article.hints.reference_date == "2022-04-09"
    assert server.seen[0]["user-agent"].startswith("Marsad/")


@AR_EN
def test_fetch_text_in_windows_1256_or_1252_by_header(
    read, server, seed_texts: dict[str, str], seed: str
) -> None:
    codec = "cp1256" if seed == "001" else "cp1252"
    server.add(
        "/plain", seed_texts[seed].encode(codec), {"Content-Type": f"text/plain; charset={codec}"}
    )
    [article], _ = read(server.url("/plain"))
    assert (article.format, article.encoding, article.raw_text) == ("text", codec, seed_texts[seed])


def test_fetch_last_modified_when_there_is_no_date(read, server) -> None:
    server.add(
        "/old",
        _page("نص قديم"),
        {"Content-Type": "text/html", "Last-Modified": "Tue, 05 Apr 2022 08:00:00 GMT"},
        send_date=False,
    )
    [article], _ = read(server.url("/old"))
    assert article.hints.reference_date == "2022-04-05"


def test_fetch_follows_redirects(read, server) -> None:
    server.add("/moved", b"", {"Location": "/final"}, status=301)
    server.add("/final", _page("The delegation arrived."), {"Content-Type": "text/html"})
    [article], _ = read(server.url("/moved"))
    assert article.source == server.url("/moved")
    assert article.url == server.url("/final")


def test_fetch_redirect_loop_is_reported(read, server) -> None:
    server.add("/a", b"", {"Location": "/b"}, status=302)
    server.add("/b", b"", {"Location": "/a"}, status=302)
    _, [error] = read(server.url("/a"))
    assert isinstance(error, FetchError) and error.reason == "too many redirects"


@pytest.mark.parametrize(
    ("status", "reason"), [(500, "HTTP 500 Internal Server Error"), (404, "HTTP 404 Not Found")]
)
def test_fetch_http_error_status_is_a_fetch_error(read, server, status: int, reason: str) -> None:
    server.add("/x", b"oops", status=status)
    server.add("/ok", _page("a fine page"), {"Content-Type": "text/html"})
    articles, [error] = read(server.url("/x"), server.url("/ok"))
    assert isinstance(error, FetchError)
    assert (error.source, error.reason) == (server.url("/x"), reason)
    assert [a.url for a in articles] == [server.url("/ok")]  # and the rest goes on


def test_fetch_slow_server_times_out(read, server) -> None:
    server.add("/slow", _page("late"), {"Content-Type": "text/html"}, delay=3.0)
    start = time.monotonic()
    _, [error] = read(server.url("/slow"), timeout=0.5)
    assert time.monotonic() - start < 2.5
    assert isinstance(error, FetchError) and error.reason == "timed out after 0.5 s"


def test_fetch_connection_refused_is_a_fetch_error(read) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago, with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    _, [error] = read(url, timeout=2)
    assert isinstance(error, FetchError) and error.source == url
    assert "ConnectError" in error.reason


def test_fetch_response_over_the_limit_is_reported(read, server) -> None:
    server.add("/big", _page("x" * 5000), {"Content-Type": "text/html"})
    _, [error] = read(server.url("/big"), max_bytes=1000)
    assert "over the 1,000-byte limit" in error.reason and "--max-bytes" in error.reason


def test_fetch_binary_response_is_a_decode_error(read, server) -> None:
    server.add("/logo", b"\x89PNG\r\n\x1a\n" + bytes(300), {"Content-Type": "image/png"})
    _, [error] = read(server.url("/logo"))
    assert isinstance(error, DecodeError) and "PNG image" in error.reason


def test_fetch_empty_response_is_reported(read, server) -> None:
    server.add("/empty", b"  \n", {"Content-Type": "text/html"})
    _, [error] = read(server.url("/empty"))
    assert error.reason == "empty response"


def test_fetch_other_url_schemes_are_refused(read) -> None:
    _, [error] = read("ftp://example.org/file.txt")
    assert "unsupported URL scheme 'ftp'" in error.reason
