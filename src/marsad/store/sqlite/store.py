"""The default store: one SQLite file in WAL mode, one writer, many readers.

Each ``add`` is one transaction, so killing an ingest (Ctrl-C or kill -9) loses at most
the batch in flight and never leaves half an article behind.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from marsad.errors import StoreError
from marsad.ids import text_hash
from marsad.record import annotations_json
from marsad.search.model import SearchPlan, SearchRows
from marsad.store.protocol import (
    AddResult,
    EntityRow,
    EventQuery,
    MentionRow,
    PlaceCount,
    QuoteQuery,
    StoredEvent,
    StoredQuote,
    StoreStats,
)
from marsad.store.rows import COLUMNS as _COLUMNS
from marsad.store.rows import article_of as _article
from marsad.store.rows import most_first as _most_first
from marsad.store.sqlite import entity_index, fact_queries, facts, migrations, search_index
from marsad.types import Article, LocalEntity

if TYPE_CHECKING:
    from marsad.store.sqlite.story_index import SQLiteStoryIndex
    from marsad.stories.index import StoryWrites


# Column names come from this module only, never from input. Grouping on the bare column
# walks its index in order; grouping on an expression of it sorted 100k rows per call.
_COUNT_BY = "SELECT {column}, count(*) FROM articles GROUP BY {column}"


class SQLiteStore:
    def __init__(self, path: str | Path, *, prepare: bool = True) -> None:
        """``prepare=False`` skips migrations and index catch-up: for the many short-lived
        connections of a server that prepared the store once when it started."""
        self.path = str(path)
        self._stories: SQLiteStoryIndex | None = None
        try:
            # One store per user (or per API request), used by one thread at a time; a web
            # server opens, uses and closes it on different worker threads.
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable in WAL mode except on power loss, and much faster.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
            if prepare:
                migrations.apply_sqlite(self.conn)
                # Articles stored before the search index existed are indexed once, here.
                search_index.catch_up(self.conn)
                # And their events and quotes, in the fact index tables (migration 0005).
                facts.catch_up(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open {self.path} as a Marsad store ({exc}); "
                "pass --db with another file or remove this one"
            ) from exc

    def add(
        self,
        articles: Sequence[Article],
        entities: Sequence[LocalEntity] = (),
        stories: StoryWrites | None = None,
    ) -> list[AddResult]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        results: list[AddResult] = []
        seen_hash: dict[str, str] = {}
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for article in articles:
                results.append(self._add_one(cur, article, now, seen_hash))
            for entity in entities:
                cur.execute(
                    "INSERT INTO local_entities VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE"
                    " SET canonical = excluded.canonical, names = excluded.names",
                    (entity.id, entity.label, entity.canonical, json.dumps(entity.names)),
                )
                search_index.index_names(cur, entity.id, entity.names)
            if stories:
                self.story_index().write(cur, stories)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            self.story_index().rolled_back()
            raise
        self.story_index().committed()
        return results

    def _add_one(
        self, cur: sqlite3.Cursor, article: Article, now: str, seen_hash: dict[str, str]
    ) -> AddResult:
        if cur.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            self._add_source(cur, article, now)
            return AddResult(article.id, "known")
        digest = text_hash(article.text)
        original = seen_hash.get(digest)
        if original is None:
            row = cur.execute(
                "SELECT id FROM articles WHERE text_hash = ? AND duplicate_of IS NULL LIMIT 1",
                (digest,),
            ).fetchone()
            original = row[0] if row else None
        # A near-copy found by the story clusterer keeps its original when no exact one is.
        article.duplicate_of = original or article.duplicate_of
        if original is None:
            seen_hash[digest] = article.id
        cur.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id, article.source, article.url, article.format, article.encoding,
                article.lang, article.title, article.outlet, article.byline,
                article.dateline_place, article.published, article.text, digest,
                article.duplicate_of, article.story_id, annotations_json(article), now,
            ),
        )  # fmt: skip
        cur.execute(
            "INSERT INTO raw_content VALUES (?, 'zlib', ?)",
            (article.id, zlib.compress(article.raw, 6)),
        )
        self._add_source(cur, article, now)
        search_index.index_article(cur, article)
        cur.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id, m.start, m.end, m.label, m.entity_id, m.name,
                    article.text[m.start : m.end],
                    m.geo.lat if m.geo else None, m.geo.lon if m.geo else None,
                    m.geo.country if m.geo else None,
                )
                for m in article.mentions
            ],
        )  # fmt: skip
        facts.index_facts(cur, article)
        entity_index.index_entities(cur, article)
        if original:
            return AddResult(article.id, "copy", original)
        return AddResult(article.id, "new")

    @staticmethod
    def _add_source(cur: sqlite3.Cursor, article: Article, now: str) -> None:
        cur.execute(
            "INSERT OR IGNORE INTO article_sources VALUES (?, ?, ?)",
            (article.id, article.source, now),
        )

    def contains(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            return _article(row)
        if len(article_id) < 6:
            return None
        # A unique prefix, as a range on the primary key: LIKE would read every row, and
        # search and story pages call get() for each article they show.
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id >= ? AND id < ? LIMIT 2",
            (article_id, article_id + "\U0010ffff"),
        ).fetchall()
        return _article(rows[0]) if len(rows) == 1 else None

    def get_raw(self, article_id: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT compression, content FROM raw_content WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return zlib.decompress(row[1]) if row[0] == "zlib" else bytes(row[1])

    def iter_articles(self) -> Iterator[Article]:
        # A separate cursor streams rows, so exporting a large store keeps memory flat.
        cur = self.conn.execute(f"SELECT {_COLUMNS} FROM articles ORDER BY rowid")
        for row in cur:
            yield _article(row)

    def stats(self) -> StoreStats:
        q = self.conn.execute
        stats = StoreStats()
        stats.articles = q("SELECT count(*) FROM articles").fetchone()[0]
        stats.copies = q("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[
            0
        ]
        stats.by_lang = _most_first(q(_COUNT_BY.format(column="lang")))
        stats.by_outlet = _most_first(q(_COUNT_BY.format(column="outlet")))
        stats.with_published = q(
            "SELECT count(*) FROM articles WHERE published IS NOT NULL"
        ).fetchone()[0]
        stats.schema = [r[0] for r in q("SELECT name FROM schema_migrations ORDER BY name")]
        return stats

    def local_entities(self) -> Iterator[LocalEntity]:
        for id_, label, canonical, names in self.conn.execute(
            "SELECT id, label, canonical, names FROM local_entities ORDER BY rowid"
        ):
            yield LocalEntity(id_, label, json.loads(names), canonical)

    def local_entity(self, entity_id: str) -> LocalEntity | None:
        row = self.conn.execute(
            "SELECT id, label, canonical, names FROM local_entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return LocalEntity(row[0], row[1], json.loads(row[3]), row[2]) if row else None

    def entity_rows(
        self,
        label: str | None = None,
        query: str | None = None,
        limit: int = 100,
        ids: Sequence[str] = (),
        offset: int = 0,
    ) -> list[EntityRow]:
        """Linked entities with mention and article counts, most mentioned first.

        ``query`` matches any name the entity was seen under (a substring, any script);
        ``ids`` adds entities found another way (the knowledge base's aliases).
        """
        return entity_index.entity_rows(self.conn, label, query, limit, ids, offset)

    def count_entities(
        self, label: str | None = None, query: str | None = None, ids: Sequence[str] = ()
    ) -> int:
        return entity_index.entity_count(self.conn, label, query, ids)

    def entity_mentions(self, entity_id: str) -> list[MentionRow]:
        rows = self.conn.execute(
            'SELECT article_id, start, "end", label, surface FROM mentions WHERE entity_id = ?'
            " ORDER BY article_id, start",
            (entity_id,),
        ).fetchall()
        return [MentionRow(*r) for r in rows]

    def co_mentioned(self, entity_id: str, limit: int = 20) -> list[tuple[str, str, int]]:
        """Entities named in the same articles as ``entity_id``: (id, name, articles)."""
        return [
            (r[0], r[1] or r[0], r[2])
            for r in self.conn.execute(
                "SELECT o.entity_id, max(o.name), count(DISTINCT o.article_id) FROM mentions o"
                " JOIN (SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?) a"
                " ON a.article_id = o.article_id"
                " WHERE o.entity_id IS NOT NULL AND o.entity_id != ?"
                " GROUP BY o.entity_id ORDER BY 3 DESC, 1 LIMIT ?",
                (entity_id, entity_id, limit),
            )
        ]

    def article_titles(self, article_ids: Sequence[str]) -> dict[str, str]:
        titles: dict[str, str] = {}
        # The text is read only for articles without a title; chunks stay under SQLite's
        # limit on bound parameters.
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            for id_, title, text in self.conn.execute(
                "SELECT id, title, CASE WHEN title IS NULL OR title = '' THEN text END"
                f" FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                titles[id_] = title or " ".join((text or "").split()[:10]) + " …"
        return titles

    def events(
        self, query: EventQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[StoredEvent]:
        return fact_queries.events(self.conn, query, limit, offset)

    def count_events(self, query: EventQuery) -> int:
        return fact_queries.count_events(self.conn, query)

    def quotes(
        self, query: QuoteQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[StoredQuote]:
        return fact_queries.quotes(self.conn, query, limit, offset)

    def count_quotes(self, query: QuoteQuery) -> int:
        return fact_queries.count_quotes(self.conn, query)

    def event_counts(self, by: Literal["place", "day"]) -> list[tuple[str | None, str, int]]:
        return fact_queries.event_counts(self.conn, by)

    def place_counts(self) -> list[PlaceCount]:
        return fact_queries.place_counts(self.conn)

    def story_index(self) -> SQLiteStoryIndex:
        if self._stories is None:
            from marsad.store.sqlite.story_index import SQLiteStoryIndex

            # The nearest-neighbour graphs live beside the file, like its -wal and -shm.
            memory = self.path in ("", ":memory:") or self.path.startswith("file::memory:")
            folder = None if memory else Path(self.path + "-vectors")
            self._stories = SQLiteStoryIndex(self.conn, folder)
        return self._stories

    def search_rows(self, plan: SearchPlan) -> SearchRows:
        from marsad.store.sqlite.search import run

        return run(self.conn, plan)

    def entity_ids_named(self, keys: Sequence[str]) -> dict[str, list[str]]:
        from marsad.store.sqlite.search import entity_ids_named

        return entity_ids_named(self.conn, keys)

    def close(self) -> None:
        if self._stories is not None:
            self._stories.close()
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def without_story(self, limit: int) -> list[Article]:
        """Up to ``limit`` articles with no story yet (stored before stories existed), in
        the order they were ingested."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE story_id IS NULL ORDER BY rowid LIMIT ?",
            (limit,),
        )
        return [_article(row) for row in rows]

    def set_stories(self, articles: Sequence[Article], stories: StoryWrites) -> None:
        """Store the story rows of articles already stored, with their ``story_id`` and a
        near-copy's ``duplicate_of``, in one transaction."""
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            self.story_index().write(cur, stories)
            cur.executemany(
                "UPDATE articles SET story_id = ?, duplicate_of = coalesce(duplicate_of, ?)"
                " WHERE id = ? AND story_id IS NULL",
                [(a.story_id, a.duplicate_of, a.id) for a in articles],
            )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            self.story_index().rolled_back()
            raise
        self.story_index().committed()
