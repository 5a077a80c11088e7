"""The event and quote index tables on PostgreSQL: written in the article's transaction,
read as filtered, paged listings in the articles' order, and counted for the map and the
timeline. Filters reach SQL only as bound parameters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import psycopg

from marsad.store.facts import EVENT_COLUMNS as _EVENT_COLUMNS
from marsad.store.facts import QUOTE_COLUMNS as _QUOTE_COLUMNS
from marsad.store.facts import event_where, fact_rows, quote_where
from marsad.store.protocol import EventQuery, PlaceCount, QuoteQuery, StoredEvent, StoredQuote
from marsad.types import Article

_EVENT_SQL = (
    "INSERT INTO events (article_id, position, type, mode, aux, source, source_entity_id,"
    " source_key, target, target_entity_id, target_key, place, place_entity_id, place_key,"
    ' lat, lon, country, admin1, date, day, start, "end", lang, status, geo_precision)'
    " VALUES (%s" + ",%s" * 24 + ")"
)
_QUOTE_SQL = (
    "INSERT INTO quotes (article_id, position, speaker, speaker_entity_id, speaker_key,"
    ' cue_start, cue_end, direct, start, "end", backend, lang) VALUES (%s' + ",%s" * 11 + ")"
)
# Copies are read from the articles each time: stories can mark an article a copy later.
_COPIES = "SELECT id FROM articles WHERE duplicate_of IS NOT NULL"


def index_facts(cur: psycopg.Cursor[Any], article: Article) -> None:
    """Index one stored article's events and quotes (inside the transaction that stored it)."""
    events, quotes = fact_rows(article)
    cur.executemany(_EVENT_SQL, events)
    cur.executemany(_QUOTE_SQL, quotes)


def respelled(where: str, params: list[object]) -> tuple[str, list[object]]:
    """A filter of ``marsad.store.facts`` in PostgreSQL's spelling. Those fragments are
    ours (values are bound parameters, never in the text), hold ``?`` only as parameter
    marks, and use ``instr(text, part)``, which is ``strpos`` here."""
    return where.replace("?", "%s").replace("instr(", "strpos("), params


def _paging(limit: int | None, offset: int) -> tuple[str, list[object]]:
    if limit is None and not offset:
        return "", []
    return " LIMIT %s OFFSET %s", [limit, offset]  # LIMIT NULL: no limit


def events(
    conn: psycopg.Connection[Any], query: EventQuery, limit: int | None, offset: int
) -> Iterator[StoredEvent]:
    where, params = respelled(*event_where(query, _COPIES))
    page, more = _paging(limit, offset)
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM (SELECT * FROM events e{where} ORDER BY e.seq{page}) e"
        " JOIN articles a ON a.id = e.article_id ORDER BY e.seq"
    )
    for row in conn.execute(sql, [*params, *more]).fetchall():
        values: list[Any] = list(row)
        values[4] = values[4].split(";") if values[4] else []
        yield StoredEvent(*values)


def count_events(conn: psycopg.Connection[Any], query: EventQuery) -> int:
    where, params = respelled(*event_where(query, _COPIES))
    return _count(conn, f"SELECT count(*) FROM events e{where}", params)


def _count(conn: psycopg.Connection[Any], sql: str, params: list[object]) -> int:
    row = conn.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def quotes(
    conn: psycopg.Connection[Any], query: QuoteQuery, limit: int | None, offset: int
) -> Iterator[StoredQuote]:
    where, params = respelled(*quote_where(query, _COPIES))
    page, more = _paging(limit, offset)
    sql = (
        f"SELECT {_QUOTE_COLUMNS} FROM (SELECT * FROM quotes q{where} ORDER BY q.seq{page}) q"
        " JOIN articles a ON a.id = q.article_id ORDER BY q.seq"
    )
    for row in conn.execute(sql, [*params, *more]).fetchall():
        values: list[Any] = list(row)
        values[5] = bool(values[5])
        yield StoredQuote(*values)


def count_quotes(conn: psycopg.Connection[Any], query: QuoteQuery) -> int:
    where, params = respelled(*quote_where(query, _COPIES))
    return _count(conn, f"SELECT count(*) FROM quotes q{where}", params)


def event_counts(
    conn: psycopg.Connection[Any], by: Literal["place", "day"]
) -> list[tuple[str | None, str, int]]:
    column = {"place": "place_entity_id", "day": "day"}[by]  # column names from here only
    return [
        (r[0], r[1], int(r[2]))
        for r in conn.execute(
            f"SELECT {column}, type, count(*) FROM events WHERE article_id NOT IN ({_COPIES})"
            " GROUP BY 1, 2 ORDER BY min(seq)"
        ).fetchall()
    ]


def place_counts(conn: psycopg.Connection[Any]) -> list[PlaceCount]:
    """As ``marsad.store.sqlite.fact_queries.place_counts``: a linked place keyed by its
    entity id, with its name, position and country as first mentioned."""
    linked = conn.execute(
        "SELECT g.entity_id, coalesce(nullif(f.name, ''), f.surface), f.lat, f.lon, f.country,"
        " g.first, g.mentions, g.ids FROM (SELECT entity_id, min(seq) AS first,"
        " count(*) AS mentions, array_agg(DISTINCT article_id) AS ids FROM mentions"
        " WHERE entity_id IS NOT NULL AND lat IS NOT NULL"
        f" AND article_id NOT IN ({_COPIES}) GROUP BY entity_id) g"
        " JOIN mentions f ON f.seq = g.first"
    ).fetchall()
    first: dict[str, int] = {}
    places: dict[str, PlaceCount] = {}
    for key, name, lat, lon, country, seq, mentions, ids in linked:
        first[key] = seq
        places[key] = PlaceCount(key, name, lat, lon, country, mentions, set(ids))
    for seq, article_id, name, lat, lon, country in conn.execute(
        "SELECT seq, article_id, coalesce(nullif(name, ''), surface), lat, lon, country"
        " FROM mentions WHERE entity_id IS NULL AND lat IS NOT NULL"
        f" AND article_id NOT IN ({_COPIES}) ORDER BY seq"
    ).fetchall():
        key = f"{lat:.3f},{lon:.3f}"
        if key not in places:
            first[key] = seq
            places[key] = PlaceCount(key, name, lat, lon, country)
        places[key].mentions += 1
        places[key].articles.add(article_id)
    return sorted(places.values(), key=lambda p: first[p.id])
