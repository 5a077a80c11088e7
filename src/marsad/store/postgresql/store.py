"""A store on a PostgreSQL server: one database many analysts and processes write to.

Each ``add`` is one transaction, as on SQLite. Several processes may write at once:
counters are single ``INSERT … ON CONFLICT DO UPDATE`` statements (no read-modify-write
in Python, so no update is lost), rows are written in a sorted order (no deadlocks between
two batches naming the same entities), and the checks a writer makes before it writes
(is this id stored? is this text stored under another id?) hold an advisory lock on the
key until the transaction ends. Story writes take one advisory lock per transaction, so
vector numbers are committed in the order they were given (the graphs catch up by
number ranges).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import psycopg

from marsad.config import hide_password
from marsad.errors import StoreError
from marsad.ids import text_hash
from marsad.record import annotations_json
from marsad.search.model import SearchPlan, SearchRows
from marsad.store.entity_counts import entity_count_rows, like_pattern
from marsad.store.postgresql import facts, migrations, search
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
from marsad.store.rows import COLUMNS, article_of, most_first
from marsad.types import Article, LocalEntity

if TYPE_CHECKING:
    from marsad.store.postgresql.story_index import PostgresStoryIndex
    from marsad.stories.index import StoryWrites

# Columns from here only; ordered as SQLite groups them, so ties list alike.
_COUNT_BY = "SELECT {column}, count(*) FROM articles GROUP BY 1 ORDER BY 1 NULLS FIRST"
_DEADLOCK_RETRIES = 3


class PostgresStore:
    def __init__(self, url: str, *, prepare: bool = True) -> None:
        self.url = url
        self._stories: PostgresStoryIndex | None = None
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(
                f"cannot connect to {hide_password(url)} ({str(exc).strip()}); check that the"
                " server runs and the database exists, or pass --db with a SQLite file path"
            ) from exc
        if prepare:
            migrations.apply(self.conn)
            # Articles stored before the search keys changed are indexed again, here.
            search.catch_up(self.conn)

    # -- writing --------------------------------------------------------------------------

    def add(
        self,
        articles: Sequence[Article],
        entities: Sequence[LocalEntity] = (),
        stories: StoryWrites | None = None,
    ) -> list[AddResult]:
        for attempt in range(_DEADLOCK_RETRIES):
            try:
                return self._add(articles, entities, stories)
            except psycopg.errors.DeadlockDetected:
                if attempt == _DEADLOCK_RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _add(
        self,
        articles: Sequence[Article],
        entities: Sequence[LocalEntity],
        stories: StoryWrites | None,
    ) -> list[AddResult]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        seen_hash: dict[str, str] = {}
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                results = [self._add_one(cur, a, now, seen_hash) for a in articles]
                for entity in sorted(entities, key=lambda e: e.id):
                    cur.execute(
                        "INSERT INTO local_entities (id, label, canonical, names)"
                        " VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO UPDATE"
                        " SET canonical = excluded.canonical, names = excluded.names",
                        (entity.id, entity.label, entity.canonical, json.dumps(entity.names)),
                    )
                    search.index_names(cur, entity.id, entity.names)
                if stories:
                    self.story_index().write(cur, stories)
        except BaseException:
            self.story_index().rolled_back()
            raise
        self.story_index().committed()
        return results

    def _add_one(
        self, cur: psycopg.Cursor[Any], article: Article, now: str, seen_hash: dict[str, str]
    ) -> AddResult:
        digest = text_hash(article.text)
        # Held to the commit: another writer with the same id or text waits, then sees it.
        cur.execute(
            "SELECT pg_advisory_xact_lock(hashtext(%s)), pg_advisory_xact_lock(hashtext(%s))",
            (article.id, digest),
        )
        cur.execute("SELECT 1 FROM articles WHERE id = %s", (article.id,))
        if cur.fetchone():
            _add_source(cur, article, now)
            return AddResult(article.id, "known")
        original = seen_hash.get(digest)
        if original is None:
            cur.execute(
                "SELECT id FROM articles WHERE text_hash = %s AND duplicate_of IS NULL"
                " ORDER BY seq LIMIT 1",
                (digest,),
            )
            row = cur.fetchone()
            original = row[0] if row else None
        article.duplicate_of = original or article.duplicate_of
        if original is None:
            seen_hash[digest] = article.id
        cur.execute(
            f"INSERT INTO articles ({COLUMNS}, text_hash, ingested_at)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            (
                article.id, article.source, article.url, article.format, article.encoding,
                article.lang, article.title, article.outlet, article.byline,
                article.dateline_place, article.published, article.text, article.duplicate_of,
                article.story_id, annotations_json(article), digest, now,
            ),
        )  # fmt: skip
        cur.execute(
            "INSERT INTO raw_content VALUES (%s, 'zlib', %s)",
            (article.id, zlib.compress(article.raw, 6)),
        )
        _add_source(cur, article, now)
        search.index_article(cur, article)
        cur.executemany(
            "INSERT INTO mentions (article_id, start, \"end\", label, entity_id, name, surface,"
            " lat, lon, country) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
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
        counts, names = entity_count_rows(article)
        cur.executemany(
            "INSERT INTO entity_counts VALUES (%s, %s, %s, %s, %s, 1)"
            " ON CONFLICT (entity_id, label) DO UPDATE SET"
            " max_label = greatest(entity_counts.max_label, excluded.max_label),"
            " name = greatest(entity_counts.name, excluded.name),"  # greatest() skips NULLs
            " mentions = entity_counts.mentions + excluded.mentions,"
            " articles = entity_counts.articles + 1",
            counts,
        )
        cur.executemany(
            "INSERT INTO entity_names VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING", names
        )
        if original:
            return AddResult(article.id, "copy", original)
        return AddResult(article.id, "new")

    def set_stories(self, articles: Sequence[Article], stories: StoryWrites) -> None:
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                self.story_index().write(cur, stories)
                cur.executemany(
                    "UPDATE articles SET story_id = %s,"
                    " duplicate_of = coalesce(duplicate_of, %s) WHERE id = %s AND story_id IS NULL",
                    [(a.story_id, a.duplicate_of, a.id) for a in articles],
                )
        except BaseException:
            self.story_index().rolled_back()
            raise
        self.story_index().committed()

    # -- reading articles -----------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def contains(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    def get(self, article_id: str) -> Article | None:
        rows = self._rows(f"SELECT {COLUMNS} FROM articles WHERE id = %s", (article_id,))
        if rows:
            return article_of(rows[0])
        if len(article_id) < 6:
            return None
        # A unique prefix, as a range on the primary key (ids are hex: C collation order).
        rows = self._rows(
            f"SELECT {COLUMNS} FROM articles WHERE id >= %s AND id < %s LIMIT 2",
            (article_id, article_id + "\U0010ffff"),
        )
        return article_of(rows[0]) if len(rows) == 1 else None

    def get_raw(self, article_id: str) -> bytes | None:
        rows = self._rows(
            "SELECT compression, content FROM raw_content WHERE article_id = %s", (article_id,)
        )
        if not rows:
            return None
        compression, content = rows[0]
        return zlib.decompress(content) if compression == "zlib" else bytes(content)

    def iter_articles(self) -> Iterator[Article]:
        # A server-side cursor streams rows, so exporting a large store keeps memory flat;
        # it needs a transaction of its own, on a connection of its own.
        with psycopg.connect(self.url) as conn, conn.cursor(name="articles") as cur:
            cur.execute(f"SELECT {COLUMNS} FROM articles ORDER BY seq")
            for row in cur:
                yield article_of(row)

    def without_story(self, limit: int) -> list[Article]:
        rows = self._rows(
            f"SELECT {COLUMNS} FROM articles WHERE story_id IS NULL ORDER BY seq LIMIT %s",
            (limit,),
        )
        return [article_of(r) for r in rows]

    def stats(self) -> StoreStats:
        stats = StoreStats()
        stats.articles = self._rows("SELECT count(*) FROM articles")[0][0]
        stats.copies = self._rows("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")[
            0
        ][0]
        stats.by_lang = most_first(self._rows(_COUNT_BY.format(column="lang")))
        stats.by_outlet = most_first(self._rows(_COUNT_BY.format(column="outlet")))
        stats.with_published = self._rows(
            "SELECT count(*) FROM articles WHERE published IS NOT NULL"
        )[0][0]
        stats.schema = [r[0] for r in self._rows("SELECT name FROM schema_migrations ORDER BY 1")]
        return stats

    def article_titles(self, article_ids: Sequence[str]) -> dict[str, str]:
        titles: dict[str, str] = {}
        for id_, title, text in self._rows(
            "SELECT id, title, CASE WHEN title IS NULL OR title = '' THEN text END"
            " FROM articles WHERE id = ANY(%s)",
            (list(article_ids),),
        ):
            titles[id_] = title or " ".join((text or "").split()[:10]) + " …"
        return titles

    # -- entities -------------------------------------------------------------------------

    def local_entities(self) -> Iterator[LocalEntity]:
        for id_, label, canonical, names in self._rows(
            "SELECT id, label, canonical, names FROM local_entities ORDER BY seq"
        ):
            yield LocalEntity(id_, label, json.loads(names), canonical)

    def local_entity(self, entity_id: str) -> LocalEntity | None:
        rows = self._rows(
            "SELECT id, label, canonical, names FROM local_entities WHERE id = %s", (entity_id,)
        )
        return (
            LocalEntity(rows[0][0], rows[0][1], json.loads(rows[0][3]), rows[0][2])
            if rows
            else None
        )

    def entity_rows(
        self,
        label: str | None = None,
        query: str | None = None,
        limit: int = 100,
        ids: Sequence[str] = (),
        offset: int = 0,
    ) -> list[EntityRow]:
        where, params = _entity_filter(label, query, ids)
        out = []
        for entity_id, top, name, mentions, articles in self._rows(
            "SELECT c.entity_id, c.max_label, c.name, c.mentions, c.articles FROM entity_counts c"
            f" WHERE {where} ORDER BY c.mentions DESC, c.entity_id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        ):
            surfaces = [
                r[0]
                for r in self._rows(
                    "SELECT text FROM entity_names WHERE entity_id = %s AND label = %s"
                    " AND kind = 's'",
                    (entity_id, label or ""),
                )
            ]
            seen_as = sorted(set(",".join(surfaces).split(",")))
            out.append(EntityRow(entity_id, top, name or entity_id, mentions, articles, seen_as))
        return out

    def count_entities(
        self, label: str | None = None, query: str | None = None, ids: Sequence[str] = ()
    ) -> int:
        where, params = _entity_filter(label, query, ids)
        return int(self._rows(f"SELECT count(*) FROM entity_counts c WHERE {where}", params)[0][0])

    def entity_mentions(self, entity_id: str) -> list[MentionRow]:
        rows = self._rows(
            'SELECT article_id, start, "end", label, surface FROM mentions WHERE entity_id = %s'
            " ORDER BY article_id, start",
            (entity_id,),
        )
        return [MentionRow(*r) for r in rows]

    def co_mentioned(self, entity_id: str, limit: int = 20) -> list[tuple[str, str, int]]:
        return [
            (r[0], r[1] or r[0], r[2])
            for r in self._rows(
                "SELECT o.entity_id, max(o.name), count(DISTINCT o.article_id) FROM mentions o"
                " JOIN (SELECT DISTINCT article_id FROM mentions WHERE entity_id = %s) a"
                " ON a.article_id = o.article_id"
                " WHERE o.entity_id IS NOT NULL AND o.entity_id != %s"
                " GROUP BY o.entity_id ORDER BY 3 DESC, 1 LIMIT %s",
                (entity_id, entity_id, limit),
            )
        ]

    # -- facts and search -----------------------------------------------------------------

    def events(
        self, query: EventQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[StoredEvent]:
        return facts.events(self.conn, query, limit, offset)

    def count_events(self, query: EventQuery) -> int:
        return facts.count_events(self.conn, query)

    def quotes(
        self, query: QuoteQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[StoredQuote]:
        return facts.quotes(self.conn, query, limit, offset)

    def count_quotes(self, query: QuoteQuery) -> int:
        return facts.count_quotes(self.conn, query)

    def event_counts(self, by: Literal["place", "day"]) -> list[tuple[str | None, str, int]]:
        return facts.event_counts(self.conn, by)

    def place_counts(self) -> list[PlaceCount]:
        return facts.place_counts(self.conn)

    def search_rows(self, plan: SearchPlan) -> SearchRows:
        return search.run(self.conn, plan)

    def entity_ids_named(self, keys: Sequence[str]) -> dict[str, list[str]]:
        return search.entity_ids_named(self.conn, keys)

    def story_index(self) -> PostgresStoryIndex:
        if self._stories is None:
            from marsad.store.postgresql.story_index import PostgresStoryIndex

            self._stories = PostgresStoryIndex(self.conn)
        return self._stories

    def close(self) -> None:
        if self._stories is not None:
            self._stories.close()
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _add_source(cur: psycopg.Cursor[Any], article: Article, now: str) -> None:
    cur.execute(
        "INSERT INTO article_sources VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
        (article.id, article.source, now),
    )


def _entity_filter(
    label: str | None, query: str | None, ids: Sequence[str]
) -> tuple[str, list[object]]:
    params: list[object] = [label or ""]
    where = "c.label = %s"
    if query:
        wanted = [
            "c.entity_id IN (SELECT entity_id FROM entity_names WHERE label = '' AND text ILIKE %s)"
        ]
        params.append(like_pattern(query))
        if ids:
            wanted.append("c.entity_id = ANY(%s)")
            params.append(list(ids))
        where += " AND (" + " OR ".join(wanted) + ")"
    return where, params
