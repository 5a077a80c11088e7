"""The story index's writes and listing filters, in the SQL both backends speak.

SQLite (3.35+) and PostgreSQL share the statements that keep the story tables in step
(``ON CONFLICT``, ``RETURNING``, ``CASE`` where one would say ``max`` and the other
``greatest``), so the rules of a story's counts, dates, sources and merges are written
once. What differs is named by a ``Dialect``: the parameter mark, and the column that
numbers ``story_features`` rows (SQLite's ``rowid``, PostgreSQL's ``seq``). Reads that
need each engine's own idiom (``IN`` chunks against ``= ANY``, ``LIKE`` against
``starts_with``) stay in each backend's ``story_index.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from marsad.store.rows import vector_blob
from marsad.stories.index import StoryWrites
from marsad.stories.vectors import shard_of

STORY_ROW = "id, founded_by, date, last_date, articles, sources"


class Cursor(Protocol):
    """What both drivers' cursors offer (``sqlite3.Cursor``, ``psycopg.Cursor``)."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...

    def executemany(self, sql: Any, params: Any, /) -> Any: ...

    def fetchone(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Dialect:
    mark: str  # the parameter mark: "?" or "%s"
    feature_seq: str  # the column numbering story_features rows in arrival order

    def sql(self, text: str) -> str:
        """``text`` written with ``?`` marks, in this dialect (no statement here has a
        literal ``?`` or ``%``)."""
        return text if self.mark == "?" else text.replace("?", self.mark)


SQLITE = Dialect("?", "rowid")
POSTGRESQL = Dialect("%s", "seq")


def write(cur: Cursor, writes: StoryWrites, d: Dialect) -> set[str]:
    """One batch's story rows, inside the store's transaction; the vector shards it
    added to (their graphs catch up after the commit)."""
    touched: set[str] = set()
    seq_of: dict[str, int] = {}
    for f in writes.features:
        cur.execute(
            d.sql("INSERT INTO story_features (article_id, lang, outlet, day, features, minhash,"
                  " lead, embedding) VALUES (?,?,?,?,?,?,?,?)"
                  f" ON CONFLICT DO NOTHING RETURNING {d.feature_seq}"),
            (f.article_id, f.lang, f.outlet, f.date, f.to_json(),
             np.asarray(f.signature, dtype=np.uint64).tobytes(), f.lead,
             vector_blob(f.embedding)),
        )  # fmt: skip
        row = cur.fetchone()
        if row is None:
            continue  # already indexed: re-ingest adds nothing
        seq = seq_of[f.article_id] = int(row[0])
        if f.embedding is not None:
            touched.add(_add_vector(cur, f.article_id, shard_of(f.date, f.lang), d))
        # Sorted and distinct: concurrent PostgreSQL writers take row locks in one order.
        cur.executemany(
            d.sql("INSERT INTO story_bands VALUES (?, ?) ON CONFLICT DO NOTHING"),
            [(band, f.article_id) for band in sorted(set(f.bands))],
        )
        keys = sorted(set(f.index_keys()))
        cur.executemany(
            d.sql("INSERT INTO story_keys VALUES (?, 1)"
                  " ON CONFLICT (key) DO UPDATE SET articles = story_keys.articles + 1"),
            [(k,) for k in keys],
        )  # fmt: skip
        cur.executemany(
            d.sql("INSERT INTO story_postings VALUES (?, ?, ?)"),
            [(k, seq, f.article_id) for k in keys],
        )
    for article_id, vector in writes.embeddings.items():
        cur.execute(
            d.sql("UPDATE story_features SET embedding = ? WHERE article_id = ?"
                  " AND embedding IS NULL RETURNING day, lang"),
            (vector_blob(vector), article_id),
        )  # fmt: skip
        found = cur.fetchone()
        if found is not None:
            touched.add(_add_vector(cur, article_id, shard_of(found[0], found[1]), d))
    day_of = {f.article_id: f.date for f in writes.features}
    outlet_of = {f.article_id: f.outlet for f in writes.features}
    for link in writes.links:
        if link.article_id not in seq_of:
            continue
        why = link.explanation
        cur.execute(
            d.sql("INSERT INTO story_links VALUES (?,?,?,?,?,?)"),
            (link.article_id, link.story_id, why.kind, why.linked_to, link.duplicate_of,
             why.to_json()),
        )  # fmt: skip
        day = day_of.get(link.article_id)
        cur.execute(
            d.sql("INSERT INTO stories VALUES (?, ?, ?, ?, 1, ?, 0) ON CONFLICT (id) DO UPDATE"
                  " SET articles = stories.articles + 1, seq = excluded.seq,"
                  " date = CASE WHEN stories.date IS NULL OR excluded.date < stories.date"
                  "   THEN coalesce(excluded.date, stories.date) ELSE stories.date END,"
                  " last_date = CASE WHEN stories.last_date IS NULL"
                  "   OR excluded.last_date > stories.last_date"
                  "   THEN coalesce(excluded.last_date, stories.last_date)"
                  "   ELSE stories.last_date END"),
            (link.story_id, link.article_id, day, day, seq_of[link.article_id]),
        )  # fmt: skip
        if not link.duplicate_of:
            _add_source(cur, link.story_id, outlet_of.get(link.article_id), d)
    for old, new in writes.merges:
        _merge(cur, old, new, d)
    return touched


def _add_vector(cur: Cursor, article_id: str, shard: str, d: Dialect) -> str:
    cur.execute(
        d.sql("INSERT INTO story_vectors (article_id, shard) VALUES (?, ?) RETURNING seq"),
        (article_id, shard),
    )
    seq = int(cur.fetchone()[0])
    # The larger number wins: with several PostgreSQL writers, numbers are taken in one
    # order and committed in another.
    cur.execute(
        d.sql("INSERT INTO story_shards VALUES (?, 1, ?) ON CONFLICT (shard) DO UPDATE SET"
              " vectors = story_shards.vectors + 1,"
              " last_seq = CASE WHEN excluded.last_seq > story_shards.last_seq"
              "   THEN excluded.last_seq ELSE story_shards.last_seq END"),
        (shard, seq),
    )  # fmt: skip
    return shard


def _add_source(cur: Cursor, story_id: str, outlet: str | None, d: Dialect) -> None:
    """One more independent source unless the story already has this outlet."""
    if outlet is not None:
        cur.execute(
            d.sql("INSERT INTO story_outlets VALUES (?, ?) ON CONFLICT DO NOTHING"),
            (story_id, outlet),
        )
        if not cur.rowcount:
            return
    cur.execute(d.sql("UPDATE stories SET sources = sources + 1 WHERE id = ?"), (story_id,))


def _merge(cur: Cursor, old: str, new: str, d: Dialect) -> None:
    """Move every article of story ``old`` into ``new``; ``old`` becomes a redirect."""
    cur.execute(d.sql("SELECT date, last_date, articles, seq FROM stories WHERE id = ?"), (old,))
    row = cur.fetchone()
    if row is None or old == new:
        return
    date, last_date, articles, seq = row
    # By the story's links (indexed), not articles.story_id (which is not).
    cur.execute(
        d.sql("UPDATE articles SET story_id = ? WHERE id IN"
              " (SELECT article_id FROM story_links WHERE story_id = ?)"),
        (new, old),
    )  # fmt: skip
    cur.execute(d.sql("UPDATE story_links SET story_id = ? WHERE story_id = ?"), (new, old))
    cur.execute(
        d.sql("INSERT INTO story_outlets SELECT ?, outlet FROM story_outlets WHERE story_id = ?"
              " ON CONFLICT DO NOTHING"),
        (new, old),
    )  # fmt: skip
    cur.execute(d.sql("DELETE FROM story_outlets WHERE story_id = ?"), (old,))
    cur.execute(
        d.sql("UPDATE stories SET articles = articles + ?,"
              " seq = CASE WHEN seq > ? THEN seq ELSE ? END,"
              " date = CASE WHEN date IS NULL OR ? < date THEN coalesce(?, date) ELSE date END,"
              " last_date = CASE WHEN last_date IS NULL OR ? > last_date"
              "   THEN coalesce(?, last_date) ELSE last_date END,"
              " sources = (SELECT count(*) FROM story_outlets WHERE story_id = ?)"
              "   + (SELECT count(*) FROM story_links l JOIN story_features f"
              "      ON f.article_id = l.article_id WHERE l.story_id = ?"
              "      AND l.duplicate_of IS NULL AND f.outlet IS NULL)"
              " WHERE id = ?"),
        (articles, seq, seq, date, date, last_date, last_date, new, new, new),
    )  # fmt: skip
    cur.execute(d.sql("DELETE FROM stories WHERE id = ?"), (old,))
    cur.execute(d.sql("UPDATE story_redirects SET new_id = ? WHERE new_id = ?"), (new, old))
    cur.execute(
        d.sql("INSERT INTO story_redirects VALUES (?, ?, NULL) ON CONFLICT (old_id)"
              " DO UPDATE SET new_id = excluded.new_id, merged_by = NULL"),
        (old, new),
    )  # fmt: skip


def listing(
    since: str | None, lang: str | None, entity: str | None, d: Dialect
) -> tuple[str, list[str]]:
    """The ``WHERE`` clause (or "") and parameters of a story listing's filters."""
    where, params = [], []
    if since:
        where.append("coalesce(last_date, date) >= ?")
        params.append(since)
    if lang:
        where.append(
            "id IN (SELECT l.story_id FROM story_links l JOIN story_features f"
            " ON f.article_id = l.article_id WHERE f.lang = ?)"
        )
        params.append(lang)
    if entity:
        where.append(
            "id IN (SELECT l.story_id FROM story_postings p JOIN story_links l"
            " ON l.article_id = p.article_id WHERE p.key = ?)"
        )
        params.append(entity)
    return (d.sql(" WHERE " + " AND ".join(where)) if where else ""), params


def listing_order(d: Dialect) -> str:
    """Latest article date first (then more articles, more independent sources);
    undated stories last. The order is an index of ``stories``: a page costs its rows."""
    return d.sql(
        " ORDER BY last_date IS NULL, last_date DESC, articles DESC, sources DESC, id"
        " LIMIT ? OFFSET ?"
    )


def members_sql(d: Dialect) -> str:
    """A story's links in the order its articles arrived."""
    return d.sql(
        "SELECT l.article_id, l.story_id, l.duplicate_of, l.explanation FROM story_links l"
        " JOIN story_features f ON f.article_id = l.article_id WHERE l.story_id = ?"
        f" ORDER BY f.{d.feature_seq}"
    )
