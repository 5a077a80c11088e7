"""One article from the bytes of one document (a text scrape, or an HTML page)."""

from __future__ import annotations

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.ingest.decode import decode_bytes
from marsad.types import Article, Format, SourceHints


def text_article(
    data: bytes,
    source: str,
    *,
    fmt: Format = "text",
    url: str | None = None,
    hints: SourceHints | None = None,
    charset: str | None = None,
    what: str = "file",
) -> Article:
    """Decode ``data`` into an Article; ``charset`` is what HTTP headers declared.

    Raises ``DecodeError`` for binary or undecodable bytes and ``InputError`` for a
    document with nothing but whitespace (``what`` names it in the message).
    """
    decoded = decode_bytes(data, source, charset)
    if not decoded.text.strip():
        raise InputError(source, f"empty {what}")
    return Article(
        id=article_id(decoded.text, url),
        source=source,
        raw=data,
        raw_text=decoded.text,
        format=fmt,
        url=url,
        hints=hints if hints is not None else SourceHints(),
        encoding=decoded.encoding,
    )
