"""Listing order (latest article first, then size, then independent sources; undated
last), paging totals, and merging two stories that a later article proves one."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_builder import WordsEmbedder, add, article, bridged, merged_store, words

from marsad.store import SQLiteStore
from marsad.stories import story_listing, story_page
from marsad.stories.cluster import Clusterer
from marsad.stories.index import MemoryIndex


def _ordered_store(path: Path) -> dict[str, str]:
    """Stories ingested oldest-last and undated-first, as a crawl delivers them; returns
    label -> story id."""
    batches = [
        [article("u000000000000001", words("undated", 12), None, "U")],
        [article("n000000000000001", words("newest", 12), "2024-05-09", "N")],
        # Same latest day as "newest", two articles (one outlet): ranks above it.
        [article("b000000000000001", words("big", 12), "2024-05-08", "B"),
         article("b000000000000002", words("big", 12, order="reverse"), "2024-05-09", "B")],
        # Same day and size as "big", two outlets: more independent sources, ranks first.
        [article("s000000000000001", words("sourced", 12), "2024-05-09", "S1"),
         article("s000000000000002", words("sourced", 12, order="reverse"), "2024-05-09", "S2")],
        [article("o000000000000001", words("oldest", 12), "2024-01-02", "O")],
    ]  # fmt: skip
    with SQLiteStore(path) as store:
        for batch in batches:
            add(store, batch)
        return {b[0].id[0]: str(b[0].story_id) for b in batches}


def test_stories_listed_by_latest_date_then_size_then_sources_undated_last(
    tmp_path: Path,
) -> None:
    ids = _ordered_store(tmp_path / "s.db")
    with SQLiteStore(tmp_path / "s.db") as store:
        listing = story_listing(store)
        assert [s.id for s in listing.stories] == [ids[k] for k in "sbnou"]
        assert listing.total == 5
        assert [s.last_date for s in listing.stories] == [
            "2024-05-09", "2024-05-09", "2024-05-09", "2024-01-02", None
        ]  # fmt: skip
        assert [s.independent_sources for s in listing.stories[:2]] == [2, 1]


def test_stories_paging_keeps_the_order_and_the_total(tmp_path: Path) -> None:
    ids = _ordered_store(tmp_path / "s.db")
    with SQLiteStore(tmp_path / "s.db") as store:
        pages = [story_listing(store, limit=2, offset=o) for o in (0, 2, 4)]
        assert [s.id for p in pages for s in p.stories] == [ids[k] for k in "sbnou"]
        assert {p.total for p in pages} == {5}
        assert story_listing(store, since="2024-05-01").total == 3


def test_stories_merge_moves_articles_and_redirects_the_old_id(tmp_path: Path) -> None:
    merged = merged_store(tmp_path / "s.db")
    with SQLiteStore(tmp_path / "s.db") as store:
        tables = store.story_index()
        assert tables.redirect(merged.second) == merged.first
        assert tables.redirect(merged.first) is None
        row = tables.story(merged.second)
        assert row is not None and row.id == merged.first
        assert (row.articles, row.sources) == (3, 3)
        assert {a.id[0] for a in [store.get(m.article_id) for m in tables.members(row.id)] if a}
        stored = [store.get(i) for i in ("aaaa000000000001", "bbbb000000000002", merged.bridge)]
        assert {a.story_id for a in stored if a} == {merged.first}
        assert story_listing(store).total == 1
        page = story_page(store, merged.second)
        assert page is not None and page.redirected_from == merged.second
        assert page.story.id == merged.first and len(page.story.articles) == 3
        why = tables.links([merged.bridge])[merged.bridge].explanation
        assert why.merged == (merged.second,) and "merged" in why.text()


def test_stories_a_merge_decided_in_a_batch_moves_its_earlier_articles(tmp_path: Path) -> None:
    """Within one batch (the layered index), earlier articles follow a later merge."""
    text_a, text_b, text_c = bridged("batch")
    a = article("a1", text_a, "2024-03-02", "A")
    b = article("b1", text_b, "2024-03-02", "B")
    c = article("c1", text_c, "2024-03-02", "C")
    index = MemoryIndex()
    writes = Clusterer(WordsEmbedder()).assign([a, b, c], index)
    index.apply(writes)
    assert len(writes.merges) == 1
    assert a.story_id == b.story_id == c.story_id
    old, new = writes.merges[0]
    assert index.resolve(old) == new == c.story_id


@pytest.mark.parametrize("gap_days", [0, 1])
def test_stories_no_merge_without_a_date_or_far_from_the_floor(
    tmp_path: Path, gap_days: int
) -> None:
    """A bridge that names both stories merges them only when dated the same day: an
    undated one (a missing date costs, as the pair model learned) or one a day later
    merges nothing, and the two stories stay apart."""
    text_a, text_b, text_c = bridged("gap")
    a = article("a1", text_a, "2024-03-02", "A")
    b = article("b1", text_b, "2024-03-02", "B")
    day = None if gap_days == 0 else f"2024-03-0{2 + gap_days}"
    c = article("c1", text_c, day, "C")
    with SQLiteStore(tmp_path / "s.db") as store:
        add(store, [a, b])
        add(store, [c])
        assert store.conn.execute("SELECT count(*) FROM story_redirects").fetchone() == (0,)
        stories = {
            row[0]: row[1] for row in store.conn.execute("SELECT id, story_id FROM articles")
        }
        assert stories["a1"] != stories["b1"]
        assert story_listing(store).total >= 2
