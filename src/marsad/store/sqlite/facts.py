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
from marsad.store.facts import fact_rows
from marsad.types import Article

log = logging.getLogger(__name__)

_EVENT_SQL = "INSERT INTO events VALUES (NULL" + ",?" * 25 + ")"
_QUOTE_SQL = "INSERT INTO quotes VALUES (NULL" + ",?" * 12 + ")"


def index_facts(cur: sqlite3.Cursor | sqlite3.Connection, article: Article) -> None:
    """Index one stored article's events and quotes (inside the transaction that stored it)."""
    events, quotes = fact_rows(article)
    cur.executemany(_EVENT_SQL, events)
    cur.executemany(_QUOTE_SQL, quotes)
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
