"""Stories in the SQLite store: written with their batch or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_dump import dump

from marsad.store import SQLiteStore
from marsad.store.sqlite.story_index import SQLiteStoryIndex
from marsad.stories.cluster import Clusterer
from marsad.stories.embed import Embedder
from marsad.stories.features import article_features
from marsad.types import Article


def _add(store: SQLiteStore, articles: list[Article], e5: Embedder) -> None:
    writes = Clusterer(e5).assign(articles, store.story_index())
    store.add(articles, (), writes)


def test_store_every_article_has_its_story_link(
    tmp_path: Path, seeds: dict[str, Article], e5: Embedder
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        _add(store, [seeds["000"], seeds["002"]], e5)
        _add(store, [seeds["001"], seeds["003"], seeds["004"]], e5)
        q = store.conn.execute
        orphans = (
            "SELECT count(*) FROM articles a LEFT JOIN story_links l ON l.article_id = a.id"
            " WHERE l.story_id IS NULL OR l.story_id != a.story_id"
        )
        assert q(orphans).fetchone()[0] == 0
        assert q("SELECT count(*), sum(articles) FROM stories").fetchone() == (4, 5)
        row = store.story_index().story(seeds["000"].story_id or "")
        assert row is not None and row.articles == 2 and row.date == "2022-04-08"
        stored = store.get(seeds["001"].id)
        assert stored is not None and stored.story_id == seeds["000"].story_id


def test_store_failed_batch_leaves_no_story_rows(
    tmp_path: Path, seeds: dict[str, Article], monkeypatch: pytest.MonkeyPatch, e5: Embedder
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        _add(store, [seeds["002"]], e5)
        before = dump(tmp_path / "s.db")

        def broken(self: SQLiteStoryIndex, cur: object, writes: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(SQLiteStoryIndex, "write", broken)
        with pytest.raises(RuntimeError):
            _add(store, [seeds["000"], seeds["001"]], e5)
        assert dump(tmp_path / "s.db") == before  # neither the articles nor their stories


def test_store_adding_again_changes_nothing(
    tmp_path: Path, seeds: dict[str, Article], e5: Embedder
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        _add(store, list(seeds.values()), e5)
        before = dump(tmp_path / "s.db")
        _add(store, list(seeds.values()), e5)
        assert dump(tmp_path / "s.db") == before


def test_store_every_article_is_a_nearest_neighbour_candidate(
    tmp_path: Path, seeds: dict[str, Article], e5: Embedder
) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        _add(store, [seeds["000"]], e5)
        index = store.story_index()
        f = index.features([seeds["000"].id])[seeds["000"].id]
        assert f.embedding is not None and f.embedding.shape == (384,)
        # Its translation finds it through the graph, whatever the entities say.
        translation = e5.embed([article_features(seeds["001"]).lead])[0]
        assert seeds["000"].id in index.nearest(translation, seeds["001"].published, 5)


def test_store_backfill_gives_old_articles_their_stories(
    tmp_path: Path, seeds: dict[str, Article]
) -> None:
    from marsad import ops

    # As a store built before stories existed: articles with no story rows at all.
    articles = [seeds[k] for k in ("000", "001", "002", "003", "004")]
    for article in articles:
        article.story_id = None
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add(articles)
        assert store.conn.execute("SELECT count(*) FROM story_links").fetchone()[0] == 0
        assert ops.backfill_stories(store) == 5
        stored = {k: store.get(seeds[k].id) for k in seeds}
        story = {k: a.story_id for k, a in stored.items() if a is not None}
        assert None not in story.values()
        assert story["000"] == story["001"]
        assert len({story[k] for k in ("000", "002", "003", "004")}) == 4
        before = dump(tmp_path / "s.db")
        assert ops.backfill_stories(store) == 0
        assert dump(tmp_path / "s.db") == before
