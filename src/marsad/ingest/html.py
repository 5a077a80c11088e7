"""One article from an HTML page. The page stays whole (extraction is the clean stage's
work); the reader only adds what a saved page says about where it came from: its
canonical URL, when nobody gave one."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Literal

from marsad.ids import article_id
from marsad.ingest.text import text_article
from marsad.types import Article, SourceHints

_HEAD_CHARS = 65_536  # the <head> of real pages fits; scripts after it cost nothing


def html_article(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    hints: SourceHints | None = None,
    charset: str | None = None,
    what: str = "file",
) -> Article:
    article = text_article(
        data, source, fmt="html", url=url, hints=hints, charset=charset, what=what
    )
    if url is None:
        canonical = canonical_url(article.raw_text)
        if canonical is not None:
            # A saved page's own URL makes its id match the same page fetched or archived.
            article.url = canonical
            article.id = article_id(article.raw_text, canonical)
    return article


def document_article(
    kind: Literal["html", "text"],
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    hints: SourceHints | None = None,
    charset: str | None = None,
    what: str = "file",
) -> Article:
    """An HTML or a text article, as ``kind`` says."""
    if kind == "html":
        return html_article(data, source, url=url, hints=hints, charset=charset, what=what)
    return text_article(data, source, url=url, hints=hints, charset=charset, what=what)


def canonical_url(page: str) -> str | None:
    """The absolute http(s) URL in ``<link rel="canonical">`` or ``og:url``, if any."""
    end = page.find("</head>", 0, _HEAD_CHARS)
    finder = _CanonicalFinder()
    finder.feed(page[: end if end >= 0 else _HEAD_CHARS])
    for candidate in (finder.canonical, finder.og_url):
        if candidate and candidate.strip().lower().startswith(("http://", "https://")):
            return candidate.strip()
    return None


class _CanonicalFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href")
        elif tag == "meta" and values.get("property", "").lower() == "og:url":
            self.og_url = self.og_url or values.get("content")
