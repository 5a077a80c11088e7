"""Contract of the store, on real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_dump import dump

from marsad.errors import StoreError
from marsad.ids import article_id
from marsad.store import SQLiteStore, open_store
from marsad.types import Article, DateMention, Paragraph, Removed, Sentence


def make_article(text: str, source: str = "a.txt", url: str | None = None) -> Article:
    raw = f"  {text}  \n".encode()
    article = Article(
        id=article_id(raw.decode(), url), source=source, raw=raw, raw_text=raw.decode(), url=url
    )
    article.text = text
    article.lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    article.paragraphs = [Paragraph(0, len(text), article.lang)]
    article.sentences = [Sentence(0, len(text))]
    article.dates = [DateMention(0, 3, text[:3], None, "-2d")]
    article.removed = [Removed("widget", "Other news")]
    return article


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "m.db") as s:
        yield s


@pytest.mark.parametrize("text", ["وصل اليوم وفد طاجيكي إلى قامشلو.", "A Tajik delegation visits."])
def test_sqlite_store_roundtrips_article_and_raw_bytes(store, text: str) -> None:  # type: ignore[no-untyped-def]
    article = make_article(text)
    assert [r.status for r in store.add([article])] == ["new"]
    back = store.get(article.id)
    assert back is not None
    assert back.text == text and back.lang == article.lang
    assert back.sentences == article.sentences and back.dates == article.dates
    assert back.removed == article.removed and back.paragraphs == article.paragraphs
    assert store.get_raw(article.id) == article.raw


def test_sqlite_store_same_input_twice_changes_nothing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = make_article("Same text.")
    store.add([article])
    before = dump(tmp_path / "m.db")
    assert [r.status for r in store.add([make_article("Same text.")])] == ["known"]
    assert dump(tmp_path / "m.db") == before


def test_sqlite_store_marks_copy_with_other_chrome_as_duplicate(store) -> None:  # type: ignore[no-untyped-def]
    first = make_article("Body of the story.", source="a.txt")
    copy = make_article("Body of the story.", source="b.html", url="https://example.org/x")
    results = store.add([first]) + store.add([copy])
    assert [r.status for r in results] == ["new", "copy"]
    assert store.get(copy.id).duplicate_of == first.id
    assert store.stats().copies == 1


def test_sqlite_store_batch_is_atomic(store) -> None:  # type: ignore[no-untyped-def]
    good = make_article("Good one.")
    bad = make_article("Bad one.")
    # Fails after its articles row is written, before its raw bytes are: the worst moment.
    bad.raw = None  # type: ignore[assignment]
    with pytest.raises(TypeError):
        store.add([good, bad])
    assert store.get(good.id) is None
    assert store.stats().articles == 0


def test_sqlite_store_finds_by_unique_prefix(store) -> None:  # type: ignore[no-untyped-def]
    article = make_article("Prefix lookup.")
    store.add([article])
    assert store.get(article.id[:8]).id == article.id
    assert store.get(article.id[:3]) is None  # too short to be safe


def test_sqlite_store_records_named_migrations(store) -> None:  # type: ignore[no-untyped-def]
    assert store.stats().schema == [
        "0001_articles", "0002_entities", "0003_stories", "0004_search", "0005_facts",
        "0006_entity_counts", "0007_facts_counts", "0008_story_vectors",
    ]  # fmt: skip


def test_sqlite_store_rejects_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)


def test_sqlite_store_unprepared_connection_skips_migrations(tmp_path: Path) -> None:
    # A server prepares the store once; its per-request connections must not redo it.
    with SQLiteStore(tmp_path / "raw.db", prepare=False) as store:
        tables = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert tables.fetchall() == []
    with SQLiteStore(tmp_path / "ready.db") as store:
        tables = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert {"articles", "events", "story_links"} <= {name for (name,) in tables}
