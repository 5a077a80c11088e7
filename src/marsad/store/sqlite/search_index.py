"""Writing the search index: one document per article, written by the store in the same
transaction as the article, and a catch-up for articles stored before the index existed
or indexed under other key rules."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from marsad.search.keys import (
    entity_token,
    indexed_names,
    key_version,
    name_key,
    stored_names_and_types,
)
from marsad.search.tokens import shadow_text
from marsad.types import Article

log = logging.getLogger(__name__)

_MIGRATION = "0004_search"


def index_article(cur: sqlite3.Cursor | sqlite3.Connection, article: Article) -> None:
    """Index one stored article (call inside the transaction that stored it)."""
    _index(
        cur,
        _Doc(article.id, article.title, article.text, article.lang, article.outlet,
             article.published, article.duplicate_of is not None),
        {e.type for e in article.events},
        indexed_names(article),
    )  # fmt: skip


def index_names(
    cur: sqlite3.Cursor | sqlite3.Connection, entity_id: str, names: Mapping[str, Sequence[str]]
) -> None:
    """Index the names of a local entity (language -> names)."""
    _add_names(cur, [(entity_id, n) for ns in names.values() for n in ns])


def _add_names(cur: sqlite3.Cursor | sqlite3.Connection, names: Iterable[tuple[str, str]]) -> None:
    rows = {(key, entity_id) for entity_id, name in names if (key := name_key(name))}
    cur.executemany("INSERT OR IGNORE INTO search_names VALUES (?, ?)", sorted(rows))


@dataclass(frozen=True, slots=True)
class _Doc:
    article_id: str
    title: str | None
    text: str
    lang: str | None
    outlet: str | None
    published: str | None
    copy: bool


def _index(
    cur: sqlite3.Cursor | sqlite3.Connection,
    d: _Doc,
    event_types: Iterable[str],
    names: Iterable[tuple[str, str]],
) -> None:
    names = list(names)
    types = sorted(set(event_types))
    doc = cur.execute(
        "INSERT INTO search_docs (article_id, lang, outlet, published, copy, event_types)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (d.article_id, d.lang, d.outlet, d.published[:10] if d.published else None, int(d.copy),
         f" {' '.join(types)} " if types else ""),
    ).lastrowid  # fmt: skip
    entities = sorted({entity_token(entity_id) for entity_id, _ in names})
    cur.execute(
        "INSERT INTO search_fts (rowid, title, body, entities) VALUES (?, ?, ?, ?)",
        (doc, shadow_text(d.title or ""), shadow_text(d.text), " ".join(entities)),
    )
    _add_names(cur, names)


def _recreate_tables(conn: sqlite3.Connection) -> None:
    """Empty index tables in the shape the migration declares now (a store from a
    development build may have an older shape under the same migration name)."""
    from marsad.store.sqlite.migrations import available

    # Comments off first: they may hold semicolons.
    schema = re.sub(r"--[^\n]*", "", dict(available())[_MIGRATION])
    for table in ("search_fts", "search_names", "search_meta", "search_docs"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")  # table names from this module only
    for statement in schema.split(";"):
        if statement.strip():
            conn.execute(statement)


def catch_up(conn: sqlite3.Connection) -> int:
    """Index the articles the index lacks (all of them when the key rules changed); return
    how many. Cheap when there is nothing to do: two counts and one row."""
    version = conn.execute("SELECT value FROM search_meta WHERE name = 'keys'").fetchone()
    rebuild = version is None or version[0] != key_version()
    if not rebuild:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        if articles == indexed:
            return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        if rebuild:
            _recreate_tables(conn)
            for id_, names in conn.execute("SELECT id, names FROM local_entities").fetchall():
                index_names(conn, id_, json.loads(names))
        rows = conn.execute(
            "SELECT a.id, a.title, a.text, a.lang, a.outlet, a.published,"
            " a.duplicate_of IS NOT NULL, a.annotations FROM articles a"
            " WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.article_id = a.id)"
            " ORDER BY a.rowid"
        ).fetchall()
        for id_, title, text, lang, outlet, published, copy, annotations in rows:
            names, types = stored_names_and_types(text, annotations)
            _index(conn, _Doc(id_, title, text, lang, outlet, published, bool(copy)), types, names)
        conn.execute(
            "INSERT INTO search_meta VALUES ('keys', ?)"
            " ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (key_version(),),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if rows:
        log.info("search index: indexed %d stored article(s)", len(rows))
    return len(rows)
