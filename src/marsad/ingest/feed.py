"""RSS and Atom feeds: each item is an article, with the feed's metadata as hints.

An item's body is its full content (``content:encoded``, Atom ``content``) or else its
summary. Many feeds carry only a teaser; when the item's text is shorter than
``SHORT_ITEM_CHARS`` and ``follow_links`` is on, the item's own page is fetched instead
and read as an HTML article with the item's hints. If that fetch fails, the failure is
reported and the teaser is kept, so nothing the feed gave is lost.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import feedparser

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.ingest.dates import iso_date_from_struct
from marsad.ingest.guard import guarded_iter
from marsad.ingest.options import ReadOptions
from marsad.types import Article, Format, SourceHints

log = logging.getLogger(__name__)

SHORT_ITEM_CHARS = 400  # visible characters below which an item is a teaser, not an article

PageFetcher = Callable[[str, SourceHints], Article]
"""Fetches an item's page as an article with the given hints; raises ``InputError``."""

_TAG = re.compile(r"<[^>]*>")
# &#xD800; to &#xDFFF;, and the same in decimal (55296 to 57343).
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}"
    rb"|0*(?:55(?:29[6-9]|[3-9][0-9]{2})|56[0-9]{3}|57(?:[0-2][0-9]{2}|3[0-3][0-9]|34[0-3])));"
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_feed(
    data: bytes,
    source: str,
    options: ReadOptions,
    *,
    fetch_page: PageFetcher,
    url: str | None = None,
    content_type: str | None = None,
    reference_date: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles from the feed document ``data``.

    ``url`` (the feed's own URL) resolves relative item links; ``reference_date`` is when
    the feed was fetched, else the feed's own ``updated`` date is used.
    """
    headers = {k: v for k, v in (("content-location", url), ("content-type", content_type)) if v}
    # feedparser's loose parser raises on a character reference to a lone surrogate
    # (&#xD800;) and the whole feed was lost: such a reference becomes U+FFFD first.
    data = _SURROGATE_REF.sub(b"&#xFFFD;", data)
    try:
        # A file-like object, never a string: feedparser would fetch or open a string itself.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    except Exception as exc:  # its parsers fail in many ways on hostile bytes
        log.warning("%s: feedparser failed", source, exc_info=True)
        yield InputError(source, f"not a readable RSS/Atom feed ({type(exc).__name__})")
        return
    feed = parsed.get("feed", {})
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            yield InputError(
                source, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}"
            )
        else:
            yield InputError(source, "feed has no items")
        return
    base = SourceHints(
        outlet=feed.get("title") or None,
        lang=feed.get("language") or None,
        reference_date=reference_date or iso_date_from_struct(feed.get("updated_parsed")),
    )
    for n, entry in enumerate(parsed.entries, 1):
        # One item that breaks a reader must not lose the feed's other items.
        yield from guarded_iter(
            f"{source}#item-{n}", _item(entry, n, source, base, options, fetch_page)
        )


def _item(
    entry: Any,
    n: int,
    source: str,
    base: SourceHints,
    options: ReadOptions,
    fetch_page: PageFetcher,
) -> Iterator[Article | InputError]:
    link = entry.get("link") or None
    where = f"{source}#{link}" if link else f"{source}#item-{n}"
    body, fmt, lang = _body(entry)
    hints = replace(
        base,
        title=entry.get("title") or None,
        published=entry.get("published") or entry.get("updated") or None,
        outlet=entry.get("source", {}).get("title") or base.outlet,
        byline=entry.get("author_detail", {}).get("name") or entry.get("author") or None,
        lang=lang or base.lang,
    )
    page = link if link is not None and link.lower().startswith(("http://", "https://")) else None
    if options.follow_links and page is not None and _visible_length(body) < SHORT_ITEM_CHARS:
        try:
            article = fetch_page(page, hints)
        except InputError as exc:
            yield exc
            if not body.strip():
                return
            log.info("%s: keeping the feed's own text, the page is unreadable", where)
        else:
            yield article
            return
    if not body.strip():
        yield InputError(where, "feed item has no content" + ("" if page else " and no link"))
        return
    yield Article(
        id=article_id(body, link),
        source=where,
        raw=body.encode("utf-8"),
        raw_text=body,
        format=fmt,
        url=link,
        hints=hints,
        encoding="utf-8",
    )


def _body(entry: Any) -> tuple[str, Format, str | None]:
    """The item's longest content, else its summary: (text, format, declared language)."""
    candidates = [c for c in entry.get("content", []) if c.get("value")]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
    else:
        best = entry.get("summary_detail") or {"value": entry.get("summary", "")}
    fmt: Format = "html" if best.get("type", "text/html") in _HTML_TYPES else "text"
    return best.get("value") or "", fmt, best.get("language") or None


def _visible_length(body: str) -> int:
    return len(" ".join(html.unescape(_TAG.sub(" ", body)).split()))
