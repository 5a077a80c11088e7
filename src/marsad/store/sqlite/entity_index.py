"""Entity counts and names for listings (migration 0006_entity_counts): written with each
new article's mentions, so that listing the most mentioned entities reads a few rows
instead of grouping every mention in the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from marsad.store.entity_counts import entity_count_rows, like_pattern
from marsad.store.protocol import EntityRow
from marsad.types import Article

# Counts add up; the label and name keep the greatest seen, as max() over the mentions
# would (a NULL name never wins over a name).
_UPSERT = (
    "INSERT INTO entity_counts VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(entity_id, label) DO UPDATE"
    " SET max_label = max(max_label, excluded.max_label),"
    " name = coalesce(max(name, excluded.name), name, excluded.name),"
    " mentions = mentions + excluded.mentions, articles = articles + 1"
)


def index_entities(cur: sqlite3.Cursor | sqlite3.Connection, article: Article) -> None:
    """Count one new article's linked mentions (inside the transaction that stored it)."""
    rows, names = entity_count_rows(article)
    cur.executemany(_UPSERT, rows)
    cur.executemany("INSERT OR IGNORE INTO entity_names VALUES (?, ?, ?, ?)", names)


def _entity_filter(
    label: str | None, query: str | None, ids: Sequence[str]
) -> tuple[str, list[object]]:
    """The WHERE clause (over ``entity_counts c``) and its parameters, for rows and count."""
    params: list[object] = [label or ""]
    where = "c.label = ?"
    if query:
        wanted = [
            "c.entity_id IN (SELECT entity_id FROM entity_names"
            " WHERE label = '' AND text LIKE ? ESCAPE '\\')"
        ]
        params.append(like_pattern(query))
        if ids:
            wanted.append(f"c.entity_id IN ({','.join('?' * len(ids))})")
            params += list(ids)
        where += " AND (" + " OR ".join(wanted) + ")"
    return where, params


def entity_count(
    conn: sqlite3.Connection, label: str | None, query: str | None, ids: Sequence[str]
) -> int:
    """How many entities ``entity_rows`` pages through."""
    where, params = _entity_filter(label, query, ids)
    row = conn.execute(f"SELECT count(*) FROM entity_counts c WHERE {where}", params).fetchone()
    return int(row[0])


def entity_rows(
    conn: sqlite3.Connection,
    label: str | None,
    query: str | None,
    limit: int,
    ids: Sequence[str],
    offset: int = 0,
) -> list[EntityRow]:
    """Linked entities with mention and article counts, most mentioned first (see
    ``Store.entity_rows``)."""
    where, params = _entity_filter(label, query, ids)
    rows = conn.execute(
        "SELECT c.entity_id, c.max_label, c.name, c.mentions, c.articles FROM entity_counts c"
        f" WHERE {where} ORDER BY c.mentions DESC, c.entity_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    out = []
    for entity_id, top, name, mentions, articles in rows:
        surfaces = [
            r[0]
            for r in conn.execute(
                "SELECT text FROM entity_names WHERE entity_id = ? AND label = ? AND kind = 's'",
                (entity_id, label or ""),
            )
        ]
        # As the grouped query gave them: surfaces joined by commas, then split on commas.
        seen_as = sorted(set(",".join(surfaces).split(",")))
        out.append(EntityRow(entity_id, top, name or entity_id, mentions, articles, seen_as))
    return out
