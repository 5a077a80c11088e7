"""Page data without a server: labels, map projection, timeline buckets, the search scan."""

from __future__ import annotations

import itertools

import pytest
from article_builder import article_from_paragraphs

from marsad.types import Article, Event, Geo, Mention
from marsad.web.finder import Facets, scan
from marsad.web.labels import labels, text_dir
from marsad.web.mapsvg import collect_places, map_view
from marsad.web.stories import group_stories
from marsad.web.timeline import UNDATED, event_dates, timeline_view

TEXTS = {
    "en": ["Protesters gathered in Qamishli.", "The police dispersed them in Hasakah."],
    "ar": ["تظاهر محتجون في قامشلو.", "فرقتهم الشرطة في الحسكة."],
}
PLACES = [("Qamishli", 37.05, 41.23), ("Hasakah", 36.50, 40.75)]


def _article(lang: str, published: str | None = "2024-03-01", ident: str = "a1") -> Article:
    paragraphs = TEXTS[lang]
    article = article_from_paragraphs(paragraphs, id=ident, lang=lang, published=published)
    text = article.text
    for (name, lat, lon), para in zip(PLACES, paragraphs, strict=True):
        word = para.split()[-1].rstrip(".")
        start = text.index(word)
        article.mentions.append(Mention(start, start + len(word), "GPE", f"place/{name}", name,
                                        geo=Geo(lat, lon, "SY")))  # fmt: skip
    first = text.index(paragraphs[1])
    article.events = [
        Event("PROTEST", 0, len(paragraphs[0]), place="Qamishli", place_entity_id="place/Qamishli"),
        Event("COERCE", first, len(text), date=None),
    ]
    return article


def test_labels_have_the_same_keys_in_both_languages() -> None:
    assert set(labels("ar")) == set(labels("en"))
    assert labels("ar")["dir"] == "rtl" and labels("fr") == labels("en")
    # Templates read labels as ui.key, and Jinja looks attributes up first: a key named
    # like a dict method (clear, items …) would print the method.
    assert not set(labels("en")) & set(dir(dict))
    assert text_dir("ar") == "rtl" and text_dir("en") == "ltr" and text_dir(None) == "ltr"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_mapsvg_places_fall_inside_the_drawing(lang: str) -> None:
    places = collect_places([_article(lang)])
    assert [p.name for p in places] == ["Qamishli", "Hasakah"]
    assert places[0].events == {"PROTEST": 1}
    view = map_view(places)
    assert view is not None
    for p in view.places:
        assert 0 < p.x < view.width and 0 < p.y < view.height
    # North is up and east is right: Qamishli is north-east of Hasakah.
    qamishli, hasakah = view.places
    assert qamishli.y < hasakah.y and qamishli.x > hasakah.x
    assert "Syria" in {o.name for o in view.outlines}


def test_mapsvg_draws_nothing_without_places() -> None:
    assert map_view([]) is None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_timeline_buckets_by_day_with_undated_last(lang: str) -> None:
    dated = event_dates([_article(lang), _article(lang, None, "a2")])
    view = timeline_view(dated)
    assert view is not None and view.unit == "day"
    assert [c.key for c in view.columns] == ["2024-03-01", UNDATED]
    assert view.columns[0].counts == {"PROTEST": 1, "COERCE": 1}
    assert view.total == 4
    tallest = max(view.columns, key=lambda c: c.total)
    assert all(s.height > 0 for s in tallest.segments)


@pytest.mark.parametrize(
    ("facets", "expected"),
    [
        ({"lang": "ar"}, ["ar1"]),
        ({"lang": "en"}, ["en1"]),
        ({"event_type": "protest"}, ["ar1", "en1"]),
        ({"event_type": "ASSAULT"}, []),
        ({"place": "Hasakah"}, ["ar1", "en1"]),
        ({"place": "place/Qamishli", "lang": "ar"}, ["ar1"]),
        ({"q": "قامشلو"}, ["ar1"]),
        ({"q": "qamishli"}, ["en1"]),
        ({"since": "2024-03-02"}, []),
        ({"until": "2024-03-01", "since": "2024-03-01"}, ["ar1", "en1"]),
    ],
)
def test_finder_scan_applies_every_facet(facets: dict[str, str], expected: list[str]) -> None:
    articles = [_article("ar", ident="ar1"), _article("en", ident="en1")]
    results = scan(articles, Facets.from_params(facets))
    assert sorted(h.article_id for h in results.hits) == expected
    assert results.total == len(expected)


def test_finder_facets_drop_malformed_values() -> None:
    facets = Facets.from_params({"since": "yesterday", "page": "-3", "q": " x "})
    assert facets.since == "" and facets.page == 1 and facets.q == "x"
    assert facets.active and not Facets.from_params({}).active


def test_stories_group_by_story_id_and_skip_copies() -> None:
    a, b, c = _article("en", ident="a"), _article("ar", ident="b"), _article("en", ident="c")
    a.story_id = b.story_id = "s1"
    c.duplicate_of = "a"
    stories = group_stories([a, b, c])
    assert [(s.id, [h.article_id for h in s.headlines]) for s in stories] == [("s1", ["a", "b"])]
    assert stories[0].langs == ["ar", "en"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_stories_unclustered_articles_are_stories_of_their_own(tmp_path, lang: str) -> None:
    from marsad.store import open_store
    from marsad.web.pages import story_view
    from marsad.web.stories import listed_stories

    article = _article(lang, ident="0123456789abcdef")
    with open_store(tmp_path / "m.db") as store:
        store.add([article])
        listed, total = listed_stories(store, 50, 0)
        assert [s.id for s in listed] == [article.id] and total == 1
        assert listed_stories(store, 50, 50) == ([], 1)
        view = story_view(store, article.id)
        assert view is not None and [p.article.id for p in view.panels] == [article.id]
        assert [g.heading for g in view.events] == ["PROTEST", "COERCE"]
        assert story_view(store, article.id[:8]) is None


def test_pages_entity_timeline_is_paged(web_store, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import open_store
    from marsad.web import pages

    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 1)
    with open_store(web_store.db) as store:
        first = pages.entity_view(store, "marsad:per/abdul-karim-omar")
        assert first is not None and first.pages == first.total_articles >= 2
        second = pages.entity_view(store, "marsad:per/abdul-karim-omar", 2)
        beyond = pages.entity_view(store, "marsad:per/abdul-karim-omar", 99)
    assert second is not None and beyond is not None
    assert len(first.timeline) == len(second.timeline) == 1
    assert first.timeline[0].article_id != second.timeline[0].article_id
    assert beyond.page_number == beyond.pages  # past the end: the last page


@pytest.mark.parametrize("size", [50, 400])
def test_pages_text_parts_cover_the_text_and_end_at_breaks(size: int) -> None:
    from marsad.web.pages import text_parts

    text = "\n\n".join(f"Paragraph {i} says something about the war. " * 3 for i in range(40))
    parts = text_parts(text, size)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    assert all(end - start <= size * 1.25 for start, end in parts)
    assert all(text[end - 1] in "\n " for _, end in parts[:-1])  # no cut inside a word
    assert text_parts("A short article.", size) == [(0, 16)]
