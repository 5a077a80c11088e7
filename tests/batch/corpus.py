"""Small real inputs for the batch tests, written into a temporary folder: news articles of
the public geoparsing corpus as JSON Lines, and benchmark HTML pages as a WARC file."""

from __future__ import annotations

import gzip
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path


def news_jsonl(shared: Path, out: Path, n: int) -> Path:
    """The first ``n`` articles of LGL (US local news) as JSON Lines."""
    root = ET.parse(shared / "geoparsing" / "lgl.xml").getroot()
    with out.open("w", encoding="utf-8") as fh:
        for article in list(root.iter("article"))[:n]:
            record = {
                "text": article.findtext("text") or "",
                "title": article.findtext("title"),
                "url": article.findtext("url"),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def pages_warc(shared: Path, out: Path, n: int) -> Path:
    """The first ``n`` benchmark HTML pages as a WARC file of response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted((shared / "article_extraction" / "html").glob("*.html.gz"))[:n]
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for i, page in enumerate(pages):
            body = gzip.decompress(page.read_bytes())
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://example.org/page/{i}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
            )
            writer.write_record(record)
    return out
