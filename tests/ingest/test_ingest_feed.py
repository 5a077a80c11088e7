"""RSS and Atom: items with their hints, from files and URLs, and teaser items whose pages
are fetched from a real local server."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from marsad.errors import FetchError

AR_EN = pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
LANG = {"001": "ar", "000": "en"}


def _rss(items: list[dict[str, str]], *, title: str = "ANHA", lang: str = "ar") -> str:
    body = "".join(
        "<item>"
        f"<title>{escape(i['title'])}</title><link>{i['link']}</link>"
        f"<pubDate>{i.get('date', 'Fri, 08 Apr 2022 10:00:00 +0300')}</pubDate>"
        f"<dc:creator>{i.get('author', 'Hawar')}</dc:creator>"
        f"<description>{escape(i.get('summary', ''))}</description>"
        + (
            f"<content:encoded><![CDATA[{i['content']}]]></content:encoded>"
            if "content" in i
            else ""
        )
        + "</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{title}</title><link>https://hawarnews.com</link>"
        f"<language>{lang}</language>{body}</channel></rss>"
    )


def _html(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())


@AR_EN
def test_feed_rss_file_items_carry_their_hints(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    text = seed_texts[seed]
    title = text.splitlines()[0]
    items = [
        {
            "title": title,
            "link": "http://127.0.0.1:9/a/1",
            "content": _html(text),
            "author": "Rudi",
        },
        {"title": "Second", "link": "http://127.0.0.1:9/a/2", "content": _html(text[::-1])},
    ]
    path = tmp_path / "anha.rss"
    path.write_text(_rss(items, lang=LANG[seed]), encoding="utf-8")
    articles, errors = read(path)  # the content is long: no page is fetched (port 9 is dead)
    assert errors == []
    assert [a.source for a in articles] == [
        f"{path}#http://127.0.0.1:9/a/1",
        f"{path}#http://127.0.0.1:9/a/2",
    ]
    first = articles[0]
    assert (first.format, first.url, first.raw_text) == (
        "html",
        "http://127.0.0.1:9/a/1",
        _html(text),
    )
    assert first.raw == _html(text).encode("utf-8") and first.encoding == "utf-8"
    h = first.hints
    assert (h.title, h.published, h.byline, h.outlet, h.lang) == (
        title,
        "Fri, 08 Apr 2022 10:00:00 +0300",
        "Rudi",
        "ANHA",
        LANG[seed],
    )


@AR_EN
def test_feed_atom_file_with_html_content(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    content = _html(seed_texts[seed])
    atom = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>North Press</title>'
        "<updated>2022-04-10T06:00:00Z</updated>"
        "<entry><title>Entry</title><link href='https://npasyria.com/en/1'/>"
        "<id>urn:1</id><updated>2022-04-09T08:00:00Z</updated>"
        "<author><name>Adnan Hamo</name></author>"
        f'<content type="html">{escape(content)}</content></entry></feed>'
    )
    (tmp_path / "np.atom").write_text(atom, encoding="utf-8")
    [article], errors = read(tmp_path / "np.atom")
    assert errors == []
    assert (article.raw_text, article.url) == (content, "https://npasyria.com/en/1")
    h = article.hints
    assert (h.outlet, h.byline, h.published, h.reference_date) == (
        "North Press",
        "Adnan Hamo",
        "2022-04-09T08:00:00Z",
        "2022-04-10",
    )


@pytest.mark.network
@AR_EN
def test_feed_url_with_teasers_fetches_each_items_page(
    read, server, seed_texts: dict[str, str], seed: str
) -> None:
    pages = {
        f"/story/{n}": f"<html><body>{_html(seed_texts[seed])} {n}</body></html>" for n in (1, 2)
    }
    for path, page in pages.items():
        server.add(path, page.encode(), {"Content-Type": "text/html; charset=utf-8"})
    items = [
        {"title": f"Teaser {n}", "link": server.url(f"/story/{n}"), "summary": "Short."}
        for n in (1, 2)
    ]
    feed_url = server.add("/feed", _rss(items).encode(), {"Content-Type": "application/rss+xml"})
    articles, errors = read(feed_url)
    assert errors == []
    assert [(a.source, a.url, a.format) for a in articles] == [
        (server.url(f"/story/{n}"), server.url(f"/story/{n}"), "html") for n in (1, 2)
    ]
    assert [a.raw_text for a in articles] == list(pages.values())
    assert [a.hints.title for a in articles] == ["Teaser 1", "Teaser 2"]
    assert {a.hints.outlet for a in articles} == {"ANHA"}
    assert all(a.hints.reference_date for a in articles)  # from the page's HTTP Date


@pytest.mark.network
def test_feed_teasers_are_kept_when_links_are_not_followed(read, server) -> None:
    server.add("/story/1", b"<html><body>page</body></html>", {"Content-Type": "text/html"})
    items = [
        {"title": "Teaser", "link": server.url("/story/1"), "summary": "<b>عاجل</b>: خبر قصير"}
    ]
    feed_url = server.add("/feed.xml", _rss(items).encode(), {"Content-Type": "text/xml"})
    [article], errors = read(feed_url, follow_links=False)
    assert errors == [] and article.raw_text == "<b>عاجل</b>: خبر قصير"
    assert len(server.seen) == 1  # the feed only, no page


@pytest.mark.network
def test_feed_unreachable_item_page_is_reported_and_the_teaser_kept(read, server) -> None:
    items = [
        {"title": "Gone", "link": server.url("/missing"), "summary": "A teaser that stays."},
        {"title": "Empty", "link": server.url("/also-missing"), "summary": ""},
    ]
    feed_url = server.add("/rss", _rss(items).encode(), {"Content-Type": "application/rss+xml"})
    articles, errors = read(feed_url)
    assert [a.raw_text for a in articles] == ["A teaser that stays."]
    assert [(type(e), e.source) for e in errors] == [
        (FetchError, server.url("/missing")),
        (FetchError, server.url("/also-missing")),
    ]


@pytest.mark.network
def test_feed_served_as_html_is_still_a_feed(read, server) -> None:
    items = [{"title": "T", "link": "https://x.org/1", "content": _html("word " * 200)}]
    feed_url = server.add("/feed/", _rss(items).encode(), {"Content-Type": "text/html"})
    [article], _ = read(feed_url)
    assert article.source == f"{feed_url}#https://x.org/1"


def test_feed_without_items_and_broken_feed_are_reported(read, tmp_path: Path) -> None:
    (tmp_path / "a-empty.rss").write_text(_rss([]), encoding="utf-8")
    (tmp_path / "b-broken.rss").write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    (tmp_path / "c-nonsense.atom").write_text("just words, no feed", encoding="utf-8")
    articles, errors = read(tmp_path)
    assert articles == []
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert reasons["a-empty.rss"] == "feed has no items"
    # feedparser is tolerant: the cut item is found, with nothing in it.
    assert reasons["b-broken.rss#item-1"] == "feed item has no content and no link"
    assert "not a readable RSS/Atom feed" in reasons["c-nonsense.atom"]
