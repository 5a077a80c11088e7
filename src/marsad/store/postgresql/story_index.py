"""The story index in a PostgreSQL store's tables: the same rows, reads and writes as
``marsad.store.sqlite.story_index``. The nearest-neighbour graphs are kept in memory per
process and caught up from ``story_vectors`` (a server has no folder beside its data for
them); a process builds a month's graph on its first lookup there."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import psycopg

from marsad.store.rows import story_link, vector_blob
from marsad.stories.features import ArticleFeatures
from marsad.stories.index import StoryLink, StoryRow, StoryWrites
from marsad.stories.vectors import UNDATED, VectorShards, months_near, shard_of

WINDOW_DAYS = 3
UNDATED_LOOKS_AT = 2
_ROW = "id, founded_by, date, last_date, articles, sources"
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
        seq_of: dict[str, int] = {}
        for f in writes.features:
            cur.execute(
                "INSERT INTO story_features (article_id, lang, outlet, day, features, minhash,"
                " lead, embedding) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)"
                " ON CONFLICT DO NOTHING RETURNING seq",
                (f.article_id, f.lang, f.outlet, f.date, f.to_json(),
                 np.asarray(f.signature, dtype=np.uint64).tobytes(), f.lead,
                 vector_blob(f.embedding)),
            )  # fmt: skip
            row = cur.fetchone()
            if row is None:
                continue  # already indexed: re-ingest adds nothing
            seq = int(row[0])
            seq_of[f.article_id] = seq
            if f.embedding is not None:
                self._add_vector(cur, f.article_id, shard_of(f.date, f.lang))
            cur.executemany(
                "INSERT INTO story_bands VALUES (%s, %s) ON CONFLICT DO NOTHING",
                [(band, f.article_id) for band in sorted(set(f.bands))],
            )
            keys = sorted(set(f.index_keys()))
            cur.executemany(
                "INSERT INTO story_keys VALUES (%s, 1)"
                " ON CONFLICT (key) DO UPDATE SET articles = story_keys.articles + 1",
                [(k,) for k in keys],
            )
            cur.executemany(
                "INSERT INTO story_postings VALUES (%s, %s, %s)",
                [(k, seq, f.article_id) for k in keys],
            )
        for article_id, vector in writes.embeddings.items():
            cur.execute(
                "UPDATE story_features SET embedding = %s WHERE article_id = %s"
                " AND embedding IS NULL RETURNING day, lang",
                (vector_blob(vector), article_id),
            )
            found = cur.fetchone()
            if found is not None:
                self._add_vector(cur, article_id, shard_of(found[0], found[1]))
        day_of = {f.article_id: f.date for f in writes.features}
        outlet_of = {f.article_id: f.outlet for f in writes.features}
        for link in writes.links:
            if link.article_id not in seq_of:
                continue
            why = link.explanation
            cur.execute(
                "INSERT INTO story_links VALUES (%s,%s,%s,%s,%s,%s)",
                (link.article_id, link.story_id, why.kind, why.linked_to, link.duplicate_of,
                 why.to_json()),
            )  # fmt: skip
            day = day_of.get(link.article_id)
            cur.execute(
                "INSERT INTO stories VALUES (%s, %s, %s, %s, 1, %s, 0) ON CONFLICT (id) DO UPDATE"
                " SET articles = stories.articles + 1, seq = excluded.seq,"
                " date = CASE WHEN stories.date IS NULL OR excluded.date < stories.date"
                "   THEN coalesce(excluded.date, stories.date) ELSE stories.date END,"
                " last_date = CASE WHEN stories.last_date IS NULL"
                "   OR excluded.last_date > stories.last_date"
                "   THEN coalesce(excluded.last_date, stories.last_date)"
                "   ELSE stories.last_date END",
                (link.story_id, link.article_id, day, day, seq_of[link.article_id]),
            )
            if not link.duplicate_of:
                _add_source(cur, link.story_id, outlet_of.get(link.article_id))
        for old, new in writes.merges:
            _merge(cur, old, new)

    def _add_vector(self, cur: psycopg.Cursor[Any], article_id: str, shard: str) -> None:
        cur.execute(
            "INSERT INTO story_vectors (article_id, shard) VALUES (%s, %s) RETURNING seq",
            (article_id, shard),
        )
        row = cur.fetchone()
        cur.execute(
            "INSERT INTO story_shards VALUES (%s, 1, %s) ON CONFLICT (shard) DO UPDATE SET"
            " vectors = story_shards.vectors + 1,"
            " last_seq = greatest(story_shards.last_seq, excluded.last_seq)",
            (shard, row[0] if row else 0),
        )
        self._touched.add(shard)

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
        where, params = _filters(since, lang, entity)
        sql = (
            f"SELECT {_ROW} FROM stories{where} ORDER BY last_date IS NULL, last_date DESC,"
            " articles DESC, sources DESC, id LIMIT %s OFFSET %s"
        )
        return [StoryRow(*r) for r in self._rows(sql, [*params, limit, offset])]

    def count_stories(
        self, since: str | None = None, lang: str | None = None, entity: str | None = None
    ) -> int:
        where, params = _filters(since, lang, entity)
        return int(self._rows(f"SELECT count(*) FROM stories{where}", params)[0][0])

    def story(self, story_id: str) -> StoryRow | None:
        found = self._named("stories", "id", story_id)
        if found is None:
            old = self._named("story_redirects", "old_id", story_id)
            found = self.resolve(old) if old else None
        if found is None:
            return None
        rows = self._rows(f"SELECT {_ROW} FROM stories WHERE id = %s", (found,))
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
            story_link(r)
            for r in self._rows(
                "SELECT l.article_id, l.story_id, l.duplicate_of, l.explanation FROM story_links l"
                " JOIN story_features f ON f.article_id = l.article_id WHERE l.story_id = %s"
                " ORDER BY f.seq",
                (story_id,),
            )
        ]


def _add_source(cur: psycopg.Cursor[Any], story_id: str, outlet: str | None) -> None:
    """One more independent source unless the story already has this outlet."""
    if outlet is not None:
        cur.execute(
            "INSERT INTO story_outlets VALUES (%s, %s) ON CONFLICT DO NOTHING", (story_id, outlet)
        )
        if not cur.rowcount:
            return
    cur.execute("UPDATE stories SET sources = sources + 1 WHERE id = %s", (story_id,))


def _merge(cur: psycopg.Cursor[Any], old: str, new: str) -> None:
    """Move every article of story ``old`` into ``new``; ``old`` becomes a redirect."""
    cur.execute("SELECT date, last_date, articles, seq FROM stories WHERE id = %s", (old,))
    row = cur.fetchone()
    if row is None or old == new:
        return
    cur.execute(
        "UPDATE articles SET story_id = %s WHERE id IN"
        " (SELECT article_id FROM story_links WHERE story_id = %s)",
        (new, old),
    )
    cur.execute("UPDATE story_links SET story_id = %s WHERE story_id = %s", (new, old))
    cur.execute(
        "INSERT INTO story_outlets SELECT %s, outlet FROM story_outlets WHERE story_id = %s"
        " ON CONFLICT DO NOTHING",
        (new, old),
    )
    cur.execute("DELETE FROM story_outlets WHERE story_id = %s", (old,))
    date, last_date, articles, seq = row
    cur.execute(
        "UPDATE stories SET articles = articles + %s, seq = greatest(seq, %s),"
        " date = CASE WHEN date IS NULL OR %s < date THEN coalesce(%s, date) ELSE date END,"
        " last_date = CASE WHEN last_date IS NULL OR %s > last_date"
        "   THEN coalesce(%s, last_date) ELSE last_date END,"
        " sources = (SELECT count(*) FROM story_outlets WHERE story_id = %s)"
        "   + (SELECT count(*) FROM story_links l JOIN story_features f"
        "      ON f.article_id = l.article_id WHERE l.story_id = %s"
        "      AND l.duplicate_of IS NULL AND f.outlet IS NULL)"
        " WHERE id = %s",
        (articles, seq, date, date, last_date, last_date, new, new, new),
    )
    cur.execute("DELETE FROM stories WHERE id = %s", (old,))
    cur.execute("UPDATE story_redirects SET new_id = %s WHERE new_id = %s", (new, old))
    cur.execute(
        "INSERT INTO story_redirects VALUES (%s, %s, NULL)"
        " ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, merged_by = NULL",
        (old, new),
    )


def _filters(since: str | None, lang: str | None, entity: str | None) -> tuple[str, list[str]]:
    where, params = [], []
    if since:
        where.append("coalesce(last_date, date) >= %s")
        params.append(since)
    if lang:
        where.append(
            "id IN (SELECT l.story_id FROM story_links l JOIN story_features f"
            " ON f.article_id = l.article_id WHERE f.lang = %s)"
        )
        params.append(lang)
    if entity:
        where.append(
            "id IN (SELECT l.story_id FROM story_postings p JOIN story_links l"
            " ON l.article_id = p.article_id WHERE p.key = %s)"
        )
        params.append(entity)
    return (" WHERE " + " AND ".join(where) if where else ""), params
