"""The default store: one SQLite file in WAL mode, one writer, many readers.

Each ``add`` is one transaction, so killing an ingest (Ctrl-C or kill -9) loses at most
the batch in flight and never leaves half an article behind.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.ids import text_hash
from marsad.record import annotations_json, restore_annotations
from marsad.store import migrations
from marsad.store.protocol import AddResult, StoreStats
from marsad.types import Article

_COLUMNS = (
    "id, source, url, format, encoding, lang, title, outlet, byline, dateline_place, "
    "published, text, duplicate_of, story_id, annotations"
)


# Column names come from this module only, never from input.
_COUNT_BY = (
    "SELECT coalesce({column}, 'unknown'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
)


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable in WAL mode except on power loss, and much faster.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
            migrations.apply_sqlite(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open {self.path} as a Marsad store ({exc}); "
                "pass --db with another file or remove this one"
            ) from exc

    def add(self, articles: Sequence[Article]) -> list[AddResult]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        results: list[AddResult] = []
        seen_hash: dict[str, str] = {}
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for article in articles:
                results.append(self._add_one(cur, article, now, seen_hash))
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
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
        article.duplicate_of = original
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
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ? OR (length(?) >= 6 AND id LIKE ? || '%')"
            " LIMIT 2",
            (article_id, article_id, article_id),
        ).fetchall()
        exact = [r for r in rows if r[0] == article_id]
        if exact:
            return _article(exact[0])
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
        stats.by_lang = dict(q(_COUNT_BY.format(column="lang")))
        stats.by_outlet = dict(q(_COUNT_BY.format(column="outlet")))
        stats.with_published = q(
            "SELECT count(*) FROM articles WHERE published IS NOT NULL"
        ).fetchone()[0]
        stats.schema = [r[0] for r in q("SELECT name FROM schema_migrations ORDER BY name")]
        return stats

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _article(row: tuple[Any, ...]) -> Article:
    (id_, source, url, fmt, encoding, lang, title, outlet, byline, place, published, text,
     duplicate_of, story_id, annotations) = row  # fmt: skip
    article = Article(id=id_, source=source, raw=b"", raw_text="", format=fmt, url=url)
    article.encoding = encoding
    article.lang, article.title, article.outlet, article.byline = lang, title, outlet, byline
    article.dateline_place, article.published, article.text = place, published, text
    article.duplicate_of, article.story_id = duplicate_of, story_id
    restore_annotations(article, annotations)
    return article
