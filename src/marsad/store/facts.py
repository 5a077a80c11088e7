"""Writing the event and quote index tables (migration 0005_facts): one row per event and
per quote, written by the store in the same transaction as the article, and a catch-up for
articles stored before the tables existed.

The rows hold what listings filter and show without the article's text; evidence and quote
text stay offsets into ``articles.text``, read for the rows of one page only.
"""

from __future__ import annotations

import logging
import sqlite3

from marsad.record import restore_annotations
from marsad.types import Article, Event, Geo

log = logging.getLogger(__name__)

_EVENT_SQL = "INSERT INTO events VALUES (NULL" + ",?" * 23 + ")"
_QUOTE_SQL = "INSERT INTO quotes VALUES (NULL" + ",?" * 12 + ")"


def place_geo(article: Article, e: Event) -> Geo | None:
    """The coordinates of the event's place: its mention inside the evidence first."""
    if e.place_entity_id is None:
        return None
    candidates = [m for m in article.mentions if m.entity_id == e.place_entity_id and m.geo]
    inside = [m for m in candidates if e.start <= m.start < e.end]
    chosen = inside or candidates
    return chosen[0].geo if chosen else None


def _key(name: str | None) -> str | None:
    return name.casefold() if name is not None else None


def index_facts(cur: sqlite3.Cursor | sqlite3.Connection, article: Article) -> None:
    """Index one stored article's events and quotes (inside the transaction that stored it)."""
    events = []
    for position, e in enumerate(article.events):
        geo = place_geo(article, e)
        events.append(
            (
                article.id, position, e.type, e.mode, ";".join(e.aux),
                e.source, e.source_entity_id, _key(e.source),
                e.target, e.target_entity_id, _key(e.target),
                e.place, e.place_entity_id, _key(e.place),
                geo.lat if geo else None, geo.lon if geo else None,
                geo.country if geo else None, geo.admin1 if geo else None,
                e.date, e.date or article.published, e.start, e.end, article.lang,
            )
        )  # fmt: skip
    cur.executemany(_EVENT_SQL, events)
    cur.executemany(
        _QUOTE_SQL,
        [
            (
                article.id, position, q.speaker, q.speaker_entity_id, _key(q.speaker),
                q.cue_start, q.cue_end, int(q.direct), q.start, q.end, q.backend, article.lang,
            )
            for position, q in enumerate(article.quotes)
        ],
    )  # fmt: skip
    cur.execute("INSERT INTO fact_docs VALUES (?)", (article.id,))


def catch_up(conn: sqlite3.Connection) -> int:
    """Index the articles the fact tables lack; return how many. Cheap when there is
    nothing to do: two counts."""
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    indexed = conn.execute("SELECT count(*) FROM fact_docs").fetchone()[0]
    if articles == indexed:
        return 0
    count = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Rows of a missing article are removed first, so a partial index never doubles them.
        missing = (
            " FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM fact_docs d WHERE d.article_id = a.id)"
        )
        conn.execute(f"DELETE FROM events WHERE article_id IN (SELECT a.id{missing})")
        conn.execute(f"DELETE FROM quotes WHERE article_id IN (SELECT a.id{missing})")
        rows = conn.execute(
            f"SELECT a.id, a.text, a.lang, a.published, a.annotations{missing} ORDER BY a.rowid"
        )
        for id_, text, lang, published, annotations in rows.fetchall():
            article = Article(id=id_, source="", raw=b"", raw_text="", text=text)
            article.lang, article.published = lang, published
            restore_annotations(article, annotations)
            index_facts(conn, article)
            count += 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    log.info("indexed the events and quotes of %d stored article(s)", count)
    return count
