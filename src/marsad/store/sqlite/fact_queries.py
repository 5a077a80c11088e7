"""Reading the event and quote index tables: filtered, paged listings in the articles'
order, and the counts the map and the timeline draw. Filters reach SQL only as bound
parameters; the SQL text is assembled from this module's fragments alone."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any, Literal

from marsad.store.facts import EVENT_COLUMNS as _EVENT_COLUMNS
from marsad.store.facts import QUOTE_COLUMNS as _QUOTE_COLUMNS
from marsad.store.facts import event_where, quote_where
from marsad.store.protocol import EventQuery, PlaceCount, QuoteQuery, StoredEvent, StoredQuote

# Copies are read from the articles each time: stories can mark an article a copy after it
# was stored. Named, the partial index of copies (0007) is always used; left to itself the
# planner sometimes read the whole articles table instead.
_COPIES = "SELECT id FROM articles INDEXED BY articles_copies WHERE duplicate_of IS NOT NULL"


def _paging(limit: int | None, offset: int) -> tuple[str, list[object]]:
    if limit is None and not offset:
        return "", []
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


def events(
    conn: sqlite3.Connection, query: EventQuery, limit: int | None, offset: int
) -> Iterator[StoredEvent]:
    where, params = event_where(query, _COPIES)
    page, more = _paging(limit, offset)
    # Page first on the narrow index table, then read the articles rows of that page only.
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM (SELECT * FROM events e{where} ORDER BY e.seq{page}) e"
        " JOIN articles a ON a.id = e.article_id ORDER BY e.seq"
    )
    for row in conn.execute(sql, [*params, *more]):
        values: list[Any] = list(row)
        values[4] = values[4].split(";") if values[4] else []
        yield StoredEvent(*values)


def count_events(conn: sqlite3.Connection, query: EventQuery) -> int:
    where, params = event_where(query, _COPIES)
    return int(conn.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0])


def quotes(
    conn: sqlite3.Connection, query: QuoteQuery, limit: int | None, offset: int
) -> Iterator[StoredQuote]:
    where, params = quote_where(query, _COPIES)
    page, more = _paging(limit, offset)
    sql = (
        f"SELECT {_QUOTE_COLUMNS} FROM (SELECT * FROM quotes q{where} ORDER BY q.seq{page}) q"
        " JOIN articles a ON a.id = q.article_id ORDER BY q.seq"
    )
    for row in conn.execute(sql, [*params, *more]):
        values: list[Any] = list(row)
        values[5] = bool(values[5])
        yield StoredQuote(*values)


def count_quotes(conn: sqlite3.Connection, query: QuoteQuery) -> int:
    where, params = quote_where(query, _COPIES)
    return int(conn.execute(f"SELECT count(*) FROM quotes q{where}", params).fetchone()[0])


def event_counts(
    conn: sqlite3.Connection, by: Literal["place", "day"]
) -> list[tuple[str | None, str, int]]:
    """(key, type, events) of the events in articles that are not copies, where ``by`` is
    ``place`` (the place's entity id) or ``day`` (the event's date, else its article's)."""
    column = {"place": "place_entity_id", "day": "day"}[by]
    return [
        (r[0], r[1], r[2])
        for r in conn.execute(
            f"SELECT {column}, type, count(*) FROM events WHERE article_id NOT IN ({_COPIES})"
            " GROUP BY 1, 2"
            " ORDER BY min(seq)"
        )
    ]


def place_counts(conn: sqlite3.Connection) -> list[PlaceCount]:
    """Every geocoded place named in articles that are not copies, with its name, position
    and country as first seen, its mentions and the articles naming it, in the order the
    places were first named. A linked place is keyed by its entity id; an unlinked one by
    its coordinates (rare: the geocoder places linked entities)."""
    linked = conn.execute(
        # The bare columns come from the row that min(rowid) picks: the first mention.
        "SELECT entity_id, coalesce(nullif(name, ''), surface), lat, lon, country, min(rowid),"
        " count(*), group_concat(DISTINCT article_id) FROM mentions WHERE entity_id IS NOT NULL"
        f" AND lat IS NOT NULL AND article_id NOT IN ({_COPIES}) GROUP BY entity_id"
    ).fetchall()
    first: dict[str, int] = {}
    places: dict[str, PlaceCount] = {}
    for key, name, lat, lon, country, rowid, mentions, ids in linked:
        first[key] = rowid
        places[key] = PlaceCount(key, name, lat, lon, country, mentions, set(ids.split(",")))
    for rowid, article_id, name, lat, lon, country in conn.execute(
        "SELECT rowid, article_id, coalesce(nullif(name, ''), surface), lat, lon, country"
        " FROM mentions WHERE entity_id IS NULL AND lat IS NOT NULL"
        f" AND article_id NOT IN ({_COPIES}) ORDER BY rowid"
    ):
        key = f"{lat:.3f},{lon:.3f}"
        if key not in places:
            first[key] = rowid
            places[key] = PlaceCount(key, name, lat, lon, country)
        places[key].mentions += 1
        places[key].articles.add(article_id)
    return sorted(places.values(), key=lambda p: first[p.id])
