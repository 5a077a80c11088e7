"""The store contract, the same on every backend (``db`` and ``store`` in conftest.py)."""

from __future__ import annotations

import pytest
from store_backends import dump

from marsad.ids import article_id
from marsad.store import Store, open_store
from marsad.types import Article, DateMention, LocalEntity, Paragraph, Removed, Sentence


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


@pytest.mark.parametrize("text", ["وصل اليوم وفد طاجيكي إلى قامشلو.", "A Tajik delegation visits."])
def test_store_roundtrips_article_and_raw_bytes(store: Store, text: str) -> None:
    article = make_article(text)
    assert [r.status for r in store.add([article])] == ["new"]
    back = store.get(article.id)
    assert back is not None
    assert back.text == text and back.lang == article.lang
    assert back.sentences == article.sentences and back.dates == article.dates
    assert back.removed == article.removed and back.paragraphs == article.paragraphs
    assert store.get_raw(article.id) == article.raw
    assert store.contains(article.id) and not store.contains("0" * 16)


def test_store_same_input_twice_changes_nothing(store: Store, db: str) -> None:
    article = make_article("Same text.")
    store.add([article])
    before = dump(db)
    assert [r.status for r in store.add([make_article("Same text.")])] == ["known"]
    assert dump(db) == before


def test_store_marks_copy_with_other_chrome_as_duplicate(store: Store) -> None:
    first = make_article("Body of the story.", source="a.txt")
    copy = make_article("Body of the story.", source="b.html", url="https://example.org/x")
    results = store.add([first]) + store.add([copy])
    assert [r.status for r in results] == ["new", "copy"]
    stored = store.get(copy.id)
    assert stored is not None and stored.duplicate_of == first.id
    assert store.stats().copies == 1


def test_store_batch_is_atomic(store: Store) -> None:
    good = make_article("Good one.")
    bad = make_article("Bad one.")
    # Fails after its articles row is written, before its raw bytes are: the worst moment.
    bad.raw = None  # type: ignore[assignment]
    with pytest.raises(TypeError):
        store.add([good, bad])
    assert store.get(good.id) is None
    assert store.stats().articles == 0
    assert [r.status for r in store.add([good])] == ["new"]  # usable after the rollback


def test_store_finds_by_unique_prefix(store: Store) -> None:
    article = make_article("Prefix lookup.")
    store.add([article])
    found = store.get(article.id[:8])
    assert found is not None and found.id == article.id
    assert store.get(article.id[:3]) is None  # too short to be safe


def test_store_keeps_ingest_order_and_stats(store: Store) -> None:
    texts = ["Third in the alphabet, first in.", "A second one.", "ثالث المقالات."]
    articles = [make_article(t, source=f"{i}.txt") for i, t in enumerate(texts)]
    store.add(articles[:2])
    store.add(articles[2:])
    assert [a.id for a in store.iter_articles()] == [a.id for a in articles]
    stats = store.stats()
    assert (stats.articles, stats.by_lang, stats.copies) == (3, {"en": 2, "ar": 1}, 0)
    assert store.article_titles([articles[1].id]) == {articles[1].id: "A second one. …"}
    assert [a.id for a in store.without_story(2)] == [a.id for a in articles[:2]]


def test_store_local_entities_roundtrip_and_update(store: Store) -> None:
    entity = LocalEntity("L-PER-aaaa", "PER", {"en": ["Abeer Elia"]}, "Abeer Elia")
    store.add([make_article("One.")], [entity])
    entity.names["ar"] = ["عبير إيليا"]
    store.add([make_article("Two.")], [entity])
    assert list(store.local_entities()) == [entity]
    assert store.local_entity("L-PER-aaaa") == entity
    assert store.local_entity("L-PER-none") is None
    # Its names are search keys in any script, folded (إ → ا).
    assert store.entity_ids_named(["عبير ايليا", "abeer elia", "nobody"]) == {
        "عبير ايليا": ["L-PER-aaaa"],
        "abeer elia": ["L-PER-aaaa"],
    }


def test_store_reopens_with_its_schema(db: str) -> None:
    with open_store(db) as store:
        store.add([make_article("Kept.")])
        schema = store.stats().schema
    with open_store(db) as again:
        assert again.stats().schema == schema and schema
        assert again.stats().articles == 1
