"""The story index in a SQLite store's tables (migration ``0003_stories``).

Reads go through the store's connection; ``write`` runs inside the store's batch
transaction (``SQLiteStore.add``), so an article is never committed without its story
link, a story row never without its articles, and a merge never half done. The nearest-
neighbour graphs beside the database (``vectors.py``) are caches of the committed
embeddings, brought up to date by ``committed`` after each commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from marsad.store.rows import story_link, vector_blob
from marsad.stories.features import ArticleFeatures
from marsad.stories.index import StoryLink, StoryRow, StoryWrites
from marsad.stories.vectors import UNDATED, VectorShards, months_near, shard_of

_CHUNK = 500  # ids per IN (...) query, under SQLite's variable limit
# The window nearest() looks in; the clusterer rules out candidates further apart.
WINDOW_DAYS = 3
UNDATED_LOOKS_AT = 2  # latest month shards an undated article is compared with
_ROW = "id, founded_by, date, last_date, articles, sources"


class SQLiteStoryIndex:
    def __init__(self, conn: sqlite3.Connection, vectors_dir: Path | None = None) -> None:
        """``vectors_dir``: where the nearest-neighbour graphs are kept (None: in memory)."""
        self.conn = conn
        self.vectors = VectorShards(self, vectors_dir)
        self._touched: set[str] = set()

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

    def nearest(self, vector: np.ndarray, day: str | None, k: int) -> list[str]:
        months = months_near(day, WINDOW_DAYS)
        if day is None:
            # No date, no window: the latest months stand for "recent news".
            months += [
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT substr(shard, 1, 7) FROM story_shards"
                    " WHERE shard < ? ORDER BY 1 DESC LIMIT ?",
                    (UNDATED, UNDATED_LOOKS_AT),
                )
            ]
        shards: list[str] = []
        for month in months:  # every language's graph of the month: a key range
            shards += [
                r[0]
                for r in self.conn.execute(
                    "SELECT shard FROM story_shards WHERE shard > ? AND shard < ?",
                    (f"{month}_", f"{month}_\uffff"),
                )
            ]
        return self.vectors.nearest(vector, shards, k)

    def resolve(self, story_id: str) -> str:
        row = self.conn.execute(
            "SELECT new_id FROM story_redirects WHERE old_id = ?", (story_id,)
        ).fetchone()
        return row[0] if row else story_id

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
                out[row[0]] = story_link(row)
        return out

    # -- what the nearest-neighbour graphs read ------------------------------------------

    def shard_seq(self, shard: str) -> int:
        row = self.conn.execute(
            "SELECT last_seq FROM story_shards WHERE shard = ?", (shard,)
        ).fetchone()
        return int(row[0]) if row else 0

    def articles_at(self, seqs: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in _chunks(list(seqs)):
            found.update(
                self.conn.execute(
                    f"SELECT seq, article_id FROM story_vectors WHERE seq IN ({_marks(chunk)})",
                    chunk,
                ).fetchall()
            )
        return found

    def vectors_between(self, shard: str, after: int, last: int) -> list[tuple[int, bytes]]:
        return self.conn.execute(
            "SELECT v.seq, f.embedding FROM story_vectors v JOIN story_features f"
            " ON f.article_id = v.article_id WHERE v.shard = ? AND v.seq > ? AND v.seq <= ?"
            " ORDER BY v.seq",
            (shard, after, last),
        ).fetchall()

    # -- what the store writes in its transaction -----------------------------------------

    def write(self, cur: sqlite3.Cursor, writes: StoryWrites) -> None:
        seq_of: dict[str, int] = {}
        for f in writes.features:
            cur.execute(
                "INSERT OR IGNORE INTO story_features VALUES (?,?,?,?,?,?,?,?)",
                (f.article_id, f.lang, f.outlet, f.date, f.to_json(),
                 np.asarray(f.signature, dtype=np.uint64).tobytes(), f.lead,
                 vector_blob(f.embedding)),
            )  # fmt: skip
            if not cur.rowcount:
                continue  # already indexed: re-ingest adds nothing
            seq = int(cur.lastrowid or 0)
            seq_of[f.article_id] = seq
            if f.embedding is not None:
                self._add_vector(cur, f.article_id, shard_of(f.date, f.lang))
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
        for article_id, vector in writes.embeddings.items():
            cur.execute(
                "UPDATE story_features SET embedding = ? WHERE article_id = ?"
                " AND embedding IS NULL RETURNING day, lang",
                (vector_blob(vector), article_id),
            )
            row = cur.fetchone()
            if row is not None:
                self._add_vector(cur, article_id, shard_of(row[0], row[1]))
        day_of = {f.article_id: f.date for f in writes.features}
        outlet_of = {f.article_id: f.outlet for f in writes.features}
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
                "INSERT INTO stories VALUES (?, ?, ?, ?, 1, ?, 0) ON CONFLICT(id) DO UPDATE SET"
                " articles = articles + 1, seq = excluded.seq,"
                " date = CASE WHEN date IS NULL OR excluded.date < date"
                "   THEN coalesce(excluded.date, date) ELSE date END,"
                " last_date = CASE WHEN last_date IS NULL OR excluded.last_date > last_date"
                "   THEN coalesce(excluded.last_date, last_date) ELSE last_date END",
                (link.story_id, link.article_id, day, day, seq_of[link.article_id]),
            )
            if not link.duplicate_of:
                self._add_source(cur, link.story_id, outlet_of.get(link.article_id))
        for old, new in writes.merges:
            self._merge(cur, old, new)

    def _add_vector(self, cur: sqlite3.Cursor, article_id: str, shard: str) -> None:
        cur.execute("INSERT INTO story_vectors (article_id, shard) VALUES (?, ?)",
                    (article_id, shard))  # fmt: skip
        cur.execute(
            "INSERT INTO story_shards VALUES (?, 1, ?) ON CONFLICT(shard) DO UPDATE SET"
            " vectors = vectors + 1, last_seq = excluded.last_seq",
            (shard, cur.lastrowid),
        )
        self._touched.add(shard)

    @staticmethod
    def _add_source(cur: sqlite3.Cursor, story_id: str, outlet: str | None) -> None:
        """One more independent source unless the story already has this outlet."""
        if outlet is not None:
            cur.execute("INSERT OR IGNORE INTO story_outlets VALUES (?, ?)", (story_id, outlet))
            if not cur.rowcount:
                return
        cur.execute("UPDATE stories SET sources = sources + 1 WHERE id = ?", (story_id,))

    @staticmethod
    def _merge(cur: sqlite3.Cursor, old: str, new: str) -> None:
        """Move every article of story ``old`` into ``new``; ``old`` becomes a redirect."""
        row = cur.execute(
            "SELECT date, last_date, articles, seq FROM stories WHERE id = ?", (old,)
        ).fetchone()
        if row is None or old == new:
            return
        # By the story's links (indexed), not articles.story_id (which is not).
        cur.execute(
            "UPDATE articles SET story_id = ? WHERE id IN"
            " (SELECT article_id FROM story_links WHERE story_id = ?)",
            (new, old),
        )
        cur.execute("UPDATE story_links SET story_id = ? WHERE story_id = ?", (new, old))
        cur.execute("INSERT OR IGNORE INTO story_outlets SELECT ?, outlet FROM story_outlets"
                    " WHERE story_id = ?", (new, old))  # fmt: skip
        cur.execute("DELETE FROM story_outlets WHERE story_id = ?", (old,))
        cur.execute(
            "UPDATE stories SET articles = articles + ?, seq = max(seq, ?),"
            " date = CASE WHEN date IS NULL OR ? < date THEN coalesce(?, date) ELSE date END,"
            " last_date = CASE WHEN last_date IS NULL OR ? > last_date"
            "   THEN coalesce(?, last_date) ELSE last_date END,"
            " sources = (SELECT count(*) FROM story_outlets WHERE story_id = ?)"
            "   + (SELECT count(*) FROM story_links l JOIN story_features f"
            "      ON f.article_id = l.article_id WHERE l.story_id = ?"
            "      AND l.duplicate_of IS NULL AND f.outlet IS NULL)"
            " WHERE id = ?",
            (row[2], row[3], row[0], row[0], row[1], row[1], new, new, new),
        )
        cur.execute("DELETE FROM stories WHERE id = ?", (old,))
        cur.execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (new, old))
        cur.execute("INSERT OR REPLACE INTO story_redirects VALUES (?, ?, NULL)", (old, new))

    def committed(self) -> None:
        """After the batch's commit: bring the graphs of the shards it wrote up to date."""
        touched, self._touched = sorted(self._touched), set()
        self.vectors.committed(touched)

    def close(self) -> None:
        self.vectors.close()

    def rolled_back(self) -> None:
        self._touched = set()

    # -- what the views read --------------------------------------------------------------

    def story_rows(
        self,
        since: str | None = None,
        lang: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StoryRow]:
        """Latest article date first (then more articles, more independent sources);
        undated stories last. The order is an index of ``stories``: a page costs its rows."""
        where, params = _filters(since, lang, entity)
        sql = (
            f"SELECT {_ROW} FROM stories{where} ORDER BY last_date IS NULL, last_date DESC,"
            " articles DESC, sources DESC, id LIMIT ? OFFSET ?"
        )
        return [StoryRow(*r) for r in self.conn.execute(sql, [*params, limit, offset])]

    def count_stories(
        self, since: str | None = None, lang: str | None = None, entity: str | None = None
    ) -> int:
        where, params = _filters(since, lang, entity)
        return int(self.conn.execute(f"SELECT count(*) FROM stories{where}", params).fetchone()[0])

    def story(self, story_id: str) -> StoryRow | None:
        """By id, or a unique prefix of 6+ characters; a merged story's id gives the story
        it was merged into (``redirect`` says so)."""
        found = self._named("SELECT id FROM stories", story_id)
        if found is None:
            old = self._named("SELECT old_id FROM story_redirects", story_id)
            found = self.resolve(old) if old else None
        if found is None:
            return None
        row = self.conn.execute(f"SELECT {_ROW} FROM stories WHERE id = ?", (found,)).fetchone()
        return StoryRow(*row) if row else None

    def redirect(self, story_id: str) -> str | None:
        """The story a merged story's id (or unique prefix) now points to, else None."""
        if self._named("SELECT id FROM stories", story_id):
            return None
        old = self._named("SELECT old_id FROM story_redirects", story_id)
        return self.resolve(old) if old else None

    def _named(self, select: str, story_id: str) -> str | None:
        column = select.split()[1]
        rows = self.conn.execute(
            f"{select} WHERE {column} = ? OR (length(?) >= 6 AND {column} LIKE ? || '%') LIMIT 2",
            (story_id, story_id, story_id.replace("%", "").replace("_", "")),
        ).fetchall()
        exact = [r[0] for r in rows if r[0] == story_id]
        if exact:
            return str(exact[0])
        return str(rows[0][0]) if len(rows) == 1 else None

    def members(self, story_id: str) -> list[StoryLink]:
        """The story's links in the order its articles arrived."""
        return [
            story_link(r)
            for r in self.conn.execute(
                "SELECT l.article_id, l.story_id, l.duplicate_of, l.explanation FROM story_links l"
                " JOIN story_features f ON f.article_id = l.article_id WHERE l.story_id = ?"
                " ORDER BY f.rowid",
                (story_id,),
            )
        ]


def _filters(since: str | None, lang: str | None, entity: str | None) -> tuple[str, list[str]]:
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
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _chunks(values: list[str] | list[int]) -> Iterable[list[str] | list[int]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]
