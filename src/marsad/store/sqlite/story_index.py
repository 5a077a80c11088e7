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

from marsad.store import story_writes
from marsad.store.rows import story_link
from marsad.store.story_writes import SQLITE, STORY_ROW
from marsad.stories.features import ArticleFeatures
from marsad.stories.index import StoryLink, StoryRow, StoryWrites
from marsad.stories.vectors import UNDATED, VectorShards, months_near

_CHUNK = 500  # ids per IN (...) query, under SQLite's variable limit
# The window nearest() looks in; the clusterer rules out candidates further apart.
WINDOW_DAYS = 3
UNDATED_LOOKS_AT = 2  # latest month shards an undated article is compared with


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
        self._touched |= story_writes.write(cur, writes, SQLITE)

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
        where, params = story_writes.listing(since, lang, entity, SQLITE)
        sql = f"SELECT {STORY_ROW} FROM stories{where}{story_writes.listing_order(SQLITE)}"
        return [StoryRow(*r) for r in self.conn.execute(sql, [*params, limit, offset])]

    def count_stories(
        self, since: str | None = None, lang: str | None = None, entity: str | None = None
    ) -> int:
        where, params = story_writes.listing(since, lang, entity, SQLITE)
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
        row = self.conn.execute(
            f"SELECT {STORY_ROW} FROM stories WHERE id = ?", (found,)
        ).fetchone()
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
        return [
            story_link(r) for r in self.conn.execute(story_writes.members_sql(SQLITE), (story_id,))
        ]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _chunks(values: list[str] | list[int]) -> Iterable[list[str] | list[int]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]
