"""WARC and WARC.gz files written with warcio's own writer, whole, cut, and mixed."""

from __future__ import annotations

import gzip
import io
import logging
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

AR_EN = pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
DATE = "2022-04-09T23:30:00Z"


def _warc(records: list[tuple[str, str, str, bytes, str]], *, gz: bool) -> bytes:
    """(type, uri, content type, payload, HTTP status) records as one WARC file's bytes."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for rec_type, uri, ctype, payload, status in records:
        http = None
        if rec_type in ("response", "request"):
            first = f"GET {uri} HTTP/1.1" if rec_type == "request" else status
            http = StatusAndHeaders(
                first,
                [("Content-Type", ctype)],
                protocol="HTTP/1.1",
                is_http_request=rec_type == "request",
            )
        record = writer.create_warc_record(
            uri,
            rec_type,
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_content_type=None if http else ctype,
            warc_headers_dict={"WARC-Date": DATE},
        )
        writer.write_record(record)
    return out.getvalue()


def _page(text: str) -> bytes:
    return f"<html><head><title>t</title></head><body><p>{text}</p></body></html>".encode()


def _mixed(text: str) -> list[tuple[str, str, str, bytes, str]]:
    return [
        ("warcinfo", "", "application/warc-fields", b"software: test\r\n", ""),
        ("request", "https://hawarnews.com/1", "", b"", ""),
        ("response", "https://hawarnews.com/1", "text/html; charset=utf-8", _page(text), "200 OK"),
        ("response", "https://hawarnews.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
        (
            "response",
            "https://hawarnews.com/gone",
            "text/html",
            b"<html>gone</html>",
            "404 Not Found",
        ),
        ("metadata", "https://hawarnews.com/1", "application/json", b"{}", ""),
        ("response", "https://hawarnews.com/2.txt", "text/plain", text.encode(), "200 OK"),
    ]


@AR_EN
@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_and_text_responses_become_articles(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str, gz: bool, caplog
) -> None:
    text = seed_texts[seed]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc(_mixed(text), gz=gz))
    with caplog.at_level(logging.INFO, logger="marsad.ingest.warc"):
        articles, errors = read(path)
    assert errors == []
    assert [(a.source, a.url, a.format) for a in articles] == [
        (f"{path}#https://hawarnews.com/1", "https://hawarnews.com/1", "html"),
        (f"{path}#https://hawarnews.com/2.txt", "https://hawarnews.com/2.txt", "text"),
    ]
    page, plain = articles
    assert page.raw == _page(text) and page.raw_text == _page(text).decode()
    assert plain.raw_text == text
    assert {a.hints.reference_date for a in articles} == {"2022-04-09"}
    # What was skipped is counted, not reported as errors.
    assert "skipped" in caplog.text and "image/png" in caplog.text and "HTTP 404" in caplog.text


def test_warc_http_charset_decodes_windows_1256(
    read, tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    text = seed_texts["003"]
    records = [
        (
            "response",
            "http://x.sy/a",
            "text/html; charset=windows-1256",
            _page(text).decode().encode("cp1256"),
            "200 OK",
        )
    ]
    (tmp_path / "a.warc").write_bytes(_warc(records, gz=False))
    [article], _ = read(tmp_path / "a.warc")
    assert article.encoding == "cp1256" and text in article.raw_text


def test_warc_gzip_content_encoding_is_undone(read, tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    body = _page("The delegation was received by the co-chair.")
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "https://npasyria.com/1",
            "response",
            payload=io.BytesIO(gzip.compress(body)),
            http_headers=http,
        )
    )
    (tmp_path / "enc.warc.gz").write_bytes(out.getvalue())
    [article], _ = read(tmp_path / "enc.warc.gz")
    assert article.raw == body


@AR_EN
def test_warc_truncated_gzip_keeps_the_records_before(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    records = [
        (
            "response",
            f"https://hawarnews.com/{i}",
            "text/html",
            _page(f"{i} {seed_texts[seed]}"),
            "200 OK",
        )
        for i in range(5)
    ]
    data = _warc(records, gz=True)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(data)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 7 // 10])
    all_five, _ = read(whole)
    kept, [error] = read(cut)
    assert len(all_five) == 5 and 0 < len(kept) < 5
    assert [a.id for a in kept] == [a.id for a in all_five[: len(kept)]]
    assert error.source == str(cut) and "truncated or corrupt gzip" in error.reason


def test_warc_truncated_plain_file_reports_the_cut_record(read, tmp_path: Path) -> None:
    records = [
        ("response", f"https://npasyria.com/{i}", "text/html", _page("word " * 300), "200 OK")
        for i in range(3)
    ]
    data = _warc(records, gz=False)
    (tmp_path / "cut.warc").write_bytes(data[:-500])
    kept, [error] = read(tmp_path / "cut.warc")
    assert [a.url for a in kept] == ["https://npasyria.com/0", "https://npasyria.com/1"]
    assert error.source == f"{tmp_path / 'cut.warc'}#https://npasyria.com/2"
    assert "truncated" in error.reason


def test_warc_record_over_the_limit_is_skipped_alone(read, tmp_path: Path) -> None:
    records = [
        ("response", "https://a.org/big", "text/html", _page("x" * 5000), "200 OK"),
        ("response", "https://a.org/small", "text/html", _page("small"), "200 OK"),
    ]
    (tmp_path / "a.warc.gz").write_bytes(_warc(records, gz=True))
    [article], [error] = read(tmp_path / "a.warc.gz", max_bytes=1000)
    assert article.url == "https://a.org/small"
    assert error.source.endswith("#https://a.org/big") and "1,000-byte limit" in error.reason


def test_warc_sniffed_without_extension_and_garbage_with_one(read, tmp_path: Path) -> None:
    records = [("response", "https://a.org/", "text/html", _page("hello"), "200 OK")]
    (tmp_path / "crawl.bin").write_bytes(_warc(records, gz=False))
    (tmp_path / "fake.warc").write_text("this is not a WARC file at all\n" * 3, encoding="utf-8")
    articles, [error] = read(tmp_path / "crawl.bin", tmp_path / "fake.warc")
    assert [a.url for a in articles] == ["https://a.org/"]
    assert error.source == str(tmp_path / "fake.warc") and "not a readable WARC" in error.reason
