"""The story index in a SQLite store's tables (migration ``0003_stories``).

Reads go through the store's connection; ``write`` runs inside the store's batch
transaction (``SQLiteStore.add``), so an article is never committed without its story
link, and a story row never without its articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from marsad.stories.explain import LinkExplanation
from marsad.stories.features import ArticleFeatures
from marsad.stories.index import StoryLink, StoryRow, StoryWrites

_CHUNK = 500  # ids per IN (...) query, under SQLite's variable limit


class SQLiteStoryIndex:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- what the clusterer reads ---------------------------------------------------------

    def band_matches(self, bands: Sequence[int]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(bands)):
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT article_id FROM story_bands WHERE band IN ({_marks(chunk)})", chunk
                )
            )
        return found

    def key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        counts = dict.fromkeys(keys, 0)
        for chunk in _chunks(list(keys)):
            counts.update(
                self.conn.execute(
                    f"SELECT key, articles FROM story_keys WHERE key IN ({_marks(chunk)})", chunk
                ).fetchall()
            )
        return counts

    def postings(self, key: str, limit: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT article_id FROM story_postings WHERE key = ? ORDER BY seq DESC LIMIT ?",
                (key, limit),
            )
        ]

    def features(self, ids: Iterable[str]) -> dict[str, ArticleFeatures]:
        out: dict[str, ArticleFeatures] = {}
        for chunk in _chunks(list(ids)):
            for row in self.conn.execute(
                "SELECT article_id, lang, outlet, day, features, minhash, lead, embedding"
                f" FROM story_features WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ):
                out[row[0]] = ArticleFeatures.from_stored(*row)
        return out

    def links(self, ids: Iterable[str]) -> dict[str, StoryLink]:
        out: dict[str, StoryLink] = {}
        for chunk in _chunks(list(ids)):
            for row in self.conn.execute(
                "SELECT article_id, story_id, duplicate_of, explanation FROM story_links"
                f" WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ):
                out[row[0]] = _link(row)
        return out

    # -- what the store writes in its transaction -----------------------------------------

    def write(self, cur: sqlite3.Cursor, writes: StoryWrites) -> None:
        seq_of: dict[str, int] = {}
        for f in writes.features:
            cur.execute(
                "INSERT OR IGNORE INTO story_features VALUES (?,?,?,?,?,?,?,?)",
                (f.article_id, f.lang, f.outlet, f.date, f.to_json(),
                 np.asarray(f.signature, dtype=np.uint64).tobytes(), f.lead, _blob(f.embedding)),
            )  # fmt: skip
            if not cur.rowcount:
                continue  # already indexed: re-ingest adds nothing
            seq = int(cur.lastrowid or 0)
            seq_of[f.article_id] = seq
            cur.executemany(
                "INSERT OR IGNORE INTO story_bands VALUES (?, ?)",
                [(band, f.article_id) for band in f.bands],
            )
            keys = f.index_keys()
            cur.executemany(
                "INSERT INTO story_keys VALUES (?, 1)"
                " ON CONFLICT(key) DO UPDATE SET articles = articles + 1",
                [(k,) for k in keys],
            )
            cur.executemany(
                "INSERT INTO story_postings VALUES (?, ?, ?)",
                [(k, seq, f.article_id) for k in keys],
            )
        cur.executemany(
            "UPDATE story_features SET embedding = ? WHERE article_id = ? AND embedding IS NULL",
            [(_blob(v), article_id) for article_id, v in writes.embeddings.items()],
        )
        day_of = {f.article_id: f.date for f in writes.features}
        for link in writes.links:
            if link.article_id not in seq_of:
                continue
            why = link.explanation
            cur.execute(
                "INSERT INTO story_links VALUES (?,?,?,?,?,?)",
                (link.article_id, link.story_id, why.kind, why.linked_to, link.duplicate_of,
                 why.to_json()),
            )  # fmt: skip
            day = day_of.get(link.article_id)
            cur.execute(
                "INSERT INTO stories VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET"
                " articles = articles + 1, seq = excluded.seq,"
                " date = CASE WHEN date IS NULL OR excluded.date < date"
                "   THEN coalesce(excluded.date, date) ELSE date END,"
                " last_date = CASE WHEN last_date IS NULL OR excluded.last_date > last_date"
                "   THEN coalesce(excluded.last_date, last_date) ELSE last_date END",
                (link.story_id, link.article_id, day, day, seq_of[link.article_id]),
            )

    # -- what the views read --------------------------------------------------------------

    def story_rows(
        self,
        since: str | None = None,
        lang: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StoryRow]:
        """Stories whose latest article arrived last come first."""
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
        sql = "SELECT id, founded_by, date, last_date, articles FROM stories"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC LIMIT ? OFFSET ?"
        return [StoryRow(*r) for r in self.conn.execute(sql, [*params, limit, offset])]

    def story(self, story_id: str) -> StoryRow | None:
        row = self.conn.execute(
            "SELECT id, founded_by, date, last_date, articles FROM stories WHERE id = ?"
            " OR (length(?) >= 6 AND id LIKE ? || '%') LIMIT 2",
            (story_id, story_id, story_id),
        ).fetchall()
        exact = [r for r in row if r[0] == story_id]
        if exact or len(row) == 1:
            return StoryRow(*(exact or row)[0])
        return None

    def members(self, story_id: str) -> list[StoryLink]:
        """The story's links in the order its articles arrived."""
        return [
            _link(r)
            for r in self.conn.execute(
                "SELECT l.article_id, l.story_id, l.duplicate_of, l.explanation FROM story_links l"
                " JOIN story_features f ON f.article_id = l.article_id WHERE l.story_id = ?"
                " ORDER BY f.rowid",
                (story_id,),
            )
        ]


def _link(row: tuple[str, str, str | None, str]) -> StoryLink:
    return StoryLink(row[0], row[1], LinkExplanation.from_json(row[3]), row[2])


def _blob(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype=np.float16).tobytes()


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _chunks(values: list[str] | list[int]) -> Iterable[list[str] | list[int]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]
