"""Listings and story pages over a store holding the seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.store import SQLiteStore
from marsad.stories import Clusterer, list_stories, story_page
from marsad.stories.embed import Embedder
from marsad.types import Article


@pytest.fixture
def store(tmp_path: Path, seeds: dict[str, Article], e5: Embedder) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "s.db") as s:
        articles = list(seeds.values())
        s.add(articles, (), Clusterer(e5).assign(articles, s.story_index()))
        yield s


def test_views_list_shows_each_story_with_its_articles(store: SQLiteStore) -> None:
    stories = list_stories(store)
    assert sorted(len(s.articles) for s in stories) == [1, 1, 1, 2]
    pair = next(s for s in stories if len(s.articles) == 2)
    assert pair.languages == ["ar", "en"] and pair.date == "2022-04-08"
    assert pair.articles[1].why.startswith("same ")


@pytest.mark.parametrize(("lang", "count"), [("ar", 2), ("en", 3)])
def test_views_list_filters_by_language(store: SQLiteStore, lang: str, count: int) -> None:
    stories = list_stories(store, lang=lang)
    assert len(stories) == count
    assert all(lang in s.languages for s in stories)


def test_views_list_filters_by_entity_date_and_pages(store: SQLiteStore) -> None:
    tajik = list_stories(store, entity="marsad:place/qamishli")
    assert [len(s.articles) for s in tajik] == [2]
    assert [s.date for s in list_stories(store, since="2022-04-01")] == ["2022-04-08"]
    assert list_stories(store, since="2023-01-01") == []
    first, second = list_stories(store, limit=2), list_stories(store, limit=2, offset=2)
    assert len(first) == len(second) == 2
    assert not {s.id for s in first} & {s.id for s in second}


def test_views_story_page_merges_events_and_quotes(store: SQLiteStore, e5: Embedder) -> None:
    pair = next(s for s in list_stories(store) if len(s.articles) == 2)
    page = story_page(store, pair.id[:8], e5)
    assert page is not None and page.story.id == pair.id
    assert any(e.type == "CONSULT" and len(e.reports) == 2 for e in page.events)
    assert sum(len(q.reports) == 2 for q in page.quotes) >= 4
    assert page.story.independent_sources == 2
    assert story_page(store, "s-nothing") is None
