"""Entity listings read counts kept on ingest; they must equal grouping every mention, as
the listing did before (the reference query below), with and without filters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from article_builder import article_from_paragraphs

from marsad.store import open_store
from marsad.store.protocol import EntityRow
from marsad.types import Article, Mention

REFERENCE = (
    "SELECT entity_id, max(label), max(name), count(*), count(DISTINCT article_id),"
    " group_concat(DISTINCT surface) FROM mentions WHERE entity_id IS NOT NULL{label}{query}"
    " GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 100"
)
TEXTS = {
    "en": ["Qamishli and Qamishlo, the SDF, Hasakah", "The SDF entered Qamishli, Syria"],
    "ar": ["قامشلو والقامشلي وقسد والحسكة", "دخلت قسد القامشلي في سوريا"],
}


def _reference(db: Path, label: str | None = None, like: str | None = None) -> list[EntityRow]:
    conn = sqlite3.connect(db)
    params: list[str] = []
    if label:
        params.append(label)
    if like:
        params += [f"%{like}%", f"%{like}%"]
    sql = REFERENCE.format(
        label=" AND label = ?" if label else "",
        query=" AND entity_id IN (SELECT entity_id FROM mentions WHERE surface LIKE ?"
        " OR name LIKE ?)"
        if like
        else "",
    )
    rows = conn.execute(sql, params).fetchall()
    conn.close()
    return [EntityRow(r[0], r[1], r[2] or r[0], r[3], r[4], sorted(set(r[5].split(","))))
            for r in rows]  # fmt: skip


def _articles(lang: str) -> list[Article]:
    """Two articles naming the same places and group, one name with two labels, one span
    mentioned twice (the mentions table keeps the first), and a name that grew."""
    out = []
    for i, text in enumerate(TEXTS[lang]):
        article = article_from_paragraphs([text], id=f"{lang}{i}", lang=lang)
        words = [(w, text.index(w)) for w in text.replace(",", "").split()]
        article.mentions = []
        for k, (word, at) in enumerate(words):
            entity = ["marsad:place/qamishli", "marsad:org/sdf", None][k % 3]
            label = "GPE" if entity != "marsad:org/sdf" or i else "ORG"
            name = None if (i, k) == (0, 0) else f"{entity}-{i}"
            article.mentions.append(Mention(at, at + len(word), label, entity, name))
        article.mentions.append(Mention(0, 3, "PER", "marsad:per/x", "X"))
        article.mentions.append(Mention(0, 3, "PER", "marsad:per/y", "Y"))  # same span
        out.append(article)
    return out


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_entity_counts_equal_grouping_every_mention(tmp_path: Path, lang: str) -> None:
    db = tmp_path / "m.db"
    first, second = _articles(lang)
    with open_store(db) as store:
        store.add([first])
        store.add([second, first])  # the known one counts once
        assert store.entity_rows() == _reference(db)
        assert store.entity_rows(label="GPE") == _reference(db, label="GPE")
        assert store.entity_rows(label="ORG") == _reference(db, label="ORG")
        assert len(store.entity_rows()) == 3
        assert store.entity_rows(limit=1) == _reference(db)[:1]
        word = TEXTS[lang][1].split()[1]
        assert store.entity_rows(query=word) == _reference(db, like=word)
        assert store.entity_rows(query="sdf-1") == _reference(db, like="sdf-1")
        ids = ["marsad:per/x"]
        assert [r.entity_id for r in store.entity_rows(query="sdf-1", ids=ids)] == [
            "marsad:org/sdf", "marsad:per/x",
        ]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_entity_counts_are_filled_from_the_mentions_of_an_older_store(
    tmp_path: Path, lang: str
) -> None:
    db = tmp_path / "m.db"
    with open_store(db) as store:
        store.add(_articles(lang))
    conn = sqlite3.connect(db)
    # As a store from before migration 0006 looks.
    conn.executescript(
        "DROP TABLE entity_counts; DROP TABLE entity_names;"
        " DELETE FROM schema_migrations WHERE name = '0006_entity_counts';"
    )
    conn.close()
    with open_store(db) as store:
        assert store.entity_rows() == _reference(db)
        assert store.entity_rows(label="GPE") == _reference(db, label="GPE")
        assert len(store.entity_rows()) == 3
