"""What kind of input a payload is: by file name, by HTTP content type, by its first bytes.

A name or content type says what the publisher meant; the bytes settle the ambiguous
ones (``.xml``, ``text/xml``, unknown extensions, ``application/octet-stream``).
"""

from __future__ import annotations

import json
import re
from typing import Literal

from marsad.errors import InputError
from marsad.ingest.decode import bom_encoding

Kind = Literal["text", "html", "jsonl", "warc", "feed"]

_HEAD_BYTES = 4096

_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
}
_BY_MEDIA_TYPE: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/warc": "warc",
}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")
_CLOSING_TAG = re.compile(r"</[a-z][a-z0-9]*\s*>")


def suffix_of(name: str) -> str:
    """The suffix that says what ``name`` holds, lowercase, past any ``.gz``.

    ``story.html.gz`` -> ".html"; ``crawl.warc.gz`` -> ".warc"; ``notes`` -> "".
    """
    lower = name.lower().removesuffix(".gz")
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return lower[dot:] if dot > slash + 1 else ""


def kind_from_name(name: str) -> Kind | None:
    """The kind a file name or URL path promises; None when the content must decide."""
    return _BY_SUFFIX.get(suffix_of(name))


def kind_from_media_type(media_type: str | None) -> Kind | None:
    return _BY_MEDIA_TYPE.get(media_type or "")


def classify(data: bytes, source: str, name: str = "", media_type: str | None = None) -> Kind:
    """The kind of ``data``: by HTTP content type, then file name, then content.

    Raises ``InputError`` for content that is none of our kinds (a sitemap, a JSON file that
    is not JSON Lines).
    """
    suffix = suffix_of(name)
    declared = kind_from_media_type(media_type) or _BY_SUFFIX.get(suffix)
    if declared in ("text", "html") and media_type:
        # Servers label feeds text/html or text/plain often enough to check.
        return "feed" if sniff(data) == "feed" else declared
    if declared is not None:
        return declared
    sniffed = sniff(data)
    if suffix == ".json" and sniffed != "jsonl":
        raise InputError(source, "a .json file is read as JSON Lines (one object per line)")
    xml_expected = suffix == ".xml" or (media_type or "").endswith("xml")
    if sniffed is None or (xml_expected and sniffed in ("text", "jsonl")):
        raise InputError(source, "XML that is neither an RSS/Atom feed nor a web page")
    return sniffed


def sniff(data: bytes) -> Kind | None:
    """The kind the first bytes of ``data`` show; None for XML that is no feed or page."""
    if data.startswith(b"WARC/"):
        return "warc"
    head = _head_text(data)
    if head.startswith("<"):
        if _FEED_ROOT.search(head) and not _HTML_MARK.search(head):
            return "feed"
        if _HTML_MARK.search(head):
            return "html"
        if head.startswith("<?xml"):
            return None  # XML, but neither feed nor page: a sitemap, an OPML list, ...
        if _CLOSING_TAG.search(head):
            return "html"  # a fragment: <div>...</div>
    if head.startswith("{") and _first_line_is_object(data):
        return "jsonl"
    return "text"


def _head_text(data: bytes) -> str:
    # Only ASCII markup matters here, so a lossy decoding of the start is enough.
    encoding = bom_encoding(data) or "utf-8"
    return data[:_HEAD_BYTES].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()


def _first_line_is_object(data: bytes) -> bool:
    rest = data.lstrip()
    end = rest.find(b"\n")
    line = rest if end < 0 else rest[:end]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=windows-1256`` -> ("text/html", "windows-1256")."""
    if not value:
        return None, None
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media_type.strip().lower() or None, charset
