"""Issue 14's page behaviours over HTTP on the seed store: counts with their plural, the
home header, paging links, map filters and country names, the complete legend, Arabic
names in the Arabic interface, search boxes that follow the query's direction."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

pytestmark = pytest.mark.network


@pytest.fixture
def http(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


def test_views_home_header_counts_stories_and_articles_apart(http: httpx.Client) -> None:
    html = http.get("/", params={"ui": "en"}).text
    header = re.search(r'<section class="stories">\s*<h1>(.*?)</h1>', html, re.S)
    assert header is not None
    text = re.sub(r"<[^>]+>", "", header.group(1))
    assert re.search(r"\d+ stor(y|ies) · \d+ articles", text), text


def test_views_search_counts_one_result_in_the_singular(http: httpx.Client) -> None:
    html = http.get("/", params={"q": "Tajik delegation", "lang": "en", "ui": "en"}).text
    assert "<h1>1 result" in html and "1 results" not in html
    arabic = http.get("/", params={"q": "Tajik delegation", "lang": "en", "ui": "ar"}).text
    assert "<h1>نتيجة واحدة" in arabic


def test_views_search_boxes_follow_the_direction_of_the_query(http: httpx.Client) -> None:
    html = http.get("/").text
    boxes = re.findall(r'<input[^>]*type="search"[^>]*>', html)
    assert len(boxes) == 2 and all('dir="auto"' in box for box in boxes)


@pytest.mark.parametrize("path", ["/articles/{000}", "/stories/{000}"])
def test_views_legend_names_every_colour_and_triggers_are_no_spelling_underline(
    http: httpx.Client, web_store, path: str
) -> None:
    html = http.get(path.replace("{000}", web_store.ids["000"])).text
    legend = re.search(r'<p class="legend".*?</p>', html, re.S)
    assert legend is not None
    for label in ("PER", "ORG", "GPE", "LOC", "FAC", "NORP"):
        assert f"lbl-{label}" in legend.group(0)
    for kind in ("quote", "cue", "event", "trigger"):
        assert f"hl-{kind}" in legend.group(0)
    css = http.get("/static/marsad.css").text
    assert "underline wavy" not in css
    rule = re.search(r"\.hl-trigger \{([^}]*)\}", css)
    assert rule is not None and "background" in rule.group(1)


def test_views_map_lists_country_names_and_filters_by_type(http: httpx.Client) -> None:
    html = http.get("/map", params={"ui": "en"}).text
    assert ">Syria (" in html  # the zoom choice is named, not "SY"
    assert 'name="event_type"' in html and 'name="since"' in html and 'name="until"' in html
    protest = http.get("/map", params={"event_type": "PROTEST"}).text
    assert "marsad:place/qamishli" in protest
    none = http.get("/map", params={"event_type": "PROTEST", "until": "1900-01-01"}).text
    assert 'class="empty"' in none
    arabic = http.get("/map", params={"ui": "ar"}).text
    assert ">سوريا (" in arabic


def test_views_arabic_interface_shows_arabic_entity_names(http: httpx.Client, web_store) -> None:
    english = http.get("/entities/marsad:per/abdul-karim-omar", params={"ui": "en"}).text
    arabic = http.get("/entities/marsad:per/abdul-karim-omar", params={"ui": "ar"}).text
    title = re.compile(r'<h1 class="entity-name"[^>]*>(.*?)<span', re.S)
    assert "Abdul Karim Omar" in title.search(english).group(1)  # type: ignore[union-attr]
    assert "عبد الكريم عمر" in title.search(arabic).group(1)  # type: ignore[union-attr]
    story = http.get(f"/stories/{web_store.ids['000']}", params={"ui": "ar"}).text
    chips = re.findall(r'<a class="chip[^"]*"[^>]*>([^<]*)<', story)
    assert any(re.search("[\u0600-\u06ff]", c) for c in chips), chips


def test_views_entity_page_links_its_pages(http: httpx.Client, monkeypatch) -> None:
    from marsad.web import pages

    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 1)  # the server runs in this process
    html = http.get("/entities/marsad:per/abdul-karim-omar", params={"ui": "en"}).text
    assert 'rel="next" href="?ui=en&amp;page=2"' in html
    second = http.get("/entities/marsad:per/abdul-karim-omar", params={"page": 2}).text
    assert 'rel="prev"' in second


def test_views_timeline_names_its_bucket_and_keeps_labels_centred(http: httpx.Client) -> None:
    html = http.get("/timeline", params={"ui": "ar"}).text
    assert 'direction="ltr"' in html and 'text-anchor="middle"' in html
    assert "عمود لكل" in html  # the bucket size, said in the interface's language
