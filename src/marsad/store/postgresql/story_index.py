"""The story index in a PostgreSQL store's tables: the same rows, reads and writes as
``marsad.store.sqlite.story_index``. The nearest-neighbour graphs are kept in memory per
process and caught up from ``story_vectors`` (a server has no folder beside its data for
them); a process builds a month's graph on its first lookup there."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import psycopg

from marsad.store import story_writes
from marsad.store.rows import story_link
from marsad.store.story_writes import POSTGRESQL, STORY_ROW
from marsad.stories.features import ArticleFeatures
from marsad.stories.index import StoryLink, StoryRow, StoryWrites
from marsad.stories.vectors import UNDATED, VectorShards, months_near

WINDOW_DAYS = 3
UNDATED_LOOKS_AT = 2
_STORY_LOCK = 0x73746F72  # "stor": story writes of concurrent batches take turns


class PostgresStoryIndex:
    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self.vectors = VectorShards(self, None)
        self._touched: set[str] = set()

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    # -- what the clusterer reads ---------------------------------------------------------

    def band_matches(self, bands: Sequence[int]) -> set[str]:
        return {
            r[0]
            for r in self._rows(
                "SELECT article_id FROM story_bands WHERE band = ANY(%s)", (list(bands),)
            )
        }

    def key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        counts = dict.fromkeys(keys, 0)
        counts.update(
            (k, int(n))
            for k, n in self._rows(
                "SELECT key, articles FROM story_keys WHERE key = ANY(%s)", (list(keys),)
            )
        )
        return counts

    def postings(self, key: str, limit: int) -> list[str]:
        return [
            r[0]
            for r in self._rows(
                "SELECT article_id FROM story_postings WHERE key = %s ORDER BY seq DESC LIMIT %s",
                (key, limit),
            )
        ]

    def nearest(self, vector: np.ndarray, day: str | None, k: int) -> list[str]:
        months = months_near(day, WINDOW_DAYS)
        if day is None:
            months += [
                r[0]
                for r in self._rows(
                    "SELECT DISTINCT substr(shard, 1, 7) FROM story_shards"
                    " WHERE shard < %s ORDER BY 1 DESC LIMIT %s",
                    (UNDATED, UNDATED_LOOKS_AT),
                )
            ]
        shards: list[str] = []
        for month in months:  # every language's graph of the month
            shards += [
                r[0]
                for r in self._rows(
                    "SELECT shard FROM story_shards WHERE starts_with(shard, %s)", (f"{month}_",)
                )
            ]
        return self.vectors.nearest(vector, shards, k)

    def resolve(self, story_id: str) -> str:
        rows = self._rows("SELECT new_id FROM story_redirects WHERE old_id = %s", (story_id,))
        return str(rows[0][0]) if rows else story_id

    def features(self, ids: Iterable[str]) -> dict[str, ArticleFeatures]:
        return {
            row[0]: ArticleFeatures.from_stored(*row)
            for row in self._rows(
                "SELECT article_id, lang, outlet, day, features, minhash, lead, embedding"
                " FROM story_features WHERE article_id = ANY(%s)",
                (list(ids),),
            )
        }

    def links(self, ids: Iterable[str]) -> dict[str, StoryLink]:
        return {
            row[0]: story_link(row)
            for row in self._rows(
                "SELECT article_id, story_id, duplicate_of, explanation FROM story_links"
                " WHERE article_id = ANY(%s)",
                (list(ids),),
            )
        }

    # -- what the nearest-neighbour graphs read -------------------------------------------

    def shard_seq(self, shard: str) -> int:
        rows = self._rows("SELECT last_seq FROM story_shards WHERE shard = %s", (shard,))
        return int(rows[0][0]) if rows else 0

    def articles_at(self, seqs: Sequence[int]) -> dict[int, str]:
        return {
            int(seq): article_id
            for seq, article_id in self._rows(
                "SELECT seq, article_id FROM story_vectors WHERE seq = ANY(%s)", (list(seqs),)
            )
        }

    def vectors_between(self, shard: str, after: int, last: int) -> list[tuple[int, bytes]]:
        return [
            (int(seq), bytes(blob))
            for seq, blob in self._rows(
                "SELECT v.seq, f.embedding FROM story_vectors v JOIN story_features f"
                " ON f.article_id = v.article_id WHERE v.shard = %s AND v.seq > %s"
                " AND v.seq <= %s ORDER BY v.seq",
                (shard, after, last),
            )
        ]

    # -- what the store writes in its transaction -----------------------------------------

    def write(self, cur: psycopg.Cursor[Any], writes: StoryWrites) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_STORY_LOCK,))
        self._touched |= story_writes.write(cur, writes, POSTGRESQL)

    def committed(self) -> None:
        touched, self._touched = sorted(self._touched), set()
        self.vectors.committed(touched)

    def rolled_back(self) -> None:
        self._touched = set()

    def close(self) -> None:
        self.vectors.close()

    # -- what the views read --------------------------------------------------------------

    def story_rows(
        self,
        since: str | None = None,
        lang: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StoryRow]:
        where, params = story_writes.listing(since, lang, entity, POSTGRESQL)
        sql = f"SELECT {STORY_ROW} FROM stories{where}{story_writes.listing_order(POSTGRESQL)}"
        return [StoryRow(*r) for r in self._rows(sql, [*params, limit, offset])]

    def count_stories(
        self, since: str | None = None, lang: str | None = None, entity: str | None = None
    ) -> int:
        where, params = story_writes.listing(since, lang, entity, POSTGRESQL)
        return int(self._rows(f"SELECT count(*) FROM stories{where}", params)[0][0])

    def story(self, story_id: str) -> StoryRow | None:
        found = self._named("stories", "id", story_id)
        if found is None:
            old = self._named("story_redirects", "old_id", story_id)
            found = self.resolve(old) if old else None
        if found is None:
            return None
        rows = self._rows(f"SELECT {STORY_ROW} FROM stories WHERE id = %s", (found,))
        return StoryRow(*rows[0]) if rows else None

    def redirect(self, story_id: str) -> str | None:
        if self._named("stories", "id", story_id):
            return None
        old = self._named("story_redirects", "old_id", story_id)
        return self.resolve(old) if old else None

    def _named(self, table: str, column: str, story_id: str) -> str | None:
        """An id, or the one id starting with a prefix of 6+ characters (names from here)."""
        rows = self._rows(
            f"SELECT {column} FROM {table} WHERE {column} = %s"
            f" OR (length(%s) >= 6 AND starts_with({column}, %s)) LIMIT 2",
            (story_id, story_id, story_id),
        )
        exact = [r[0] for r in rows if r[0] == story_id]
        if exact:
            return str(exact[0])
        return str(rows[0][0]) if len(rows) == 1 else None

    def members(self, story_id: str) -> list[StoryLink]:
        return [
            story_link(r) for r in self._rows(story_writes.members_sql(POSTGRESQL), (story_id,))
        ]
