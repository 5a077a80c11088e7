"""The rows of every backend's event and quote index tables, made from one article: what
listings filter and show without the article's text (evidence and quote text stay offsets
into it)."""

from __future__ import annotations

from typing import Any

from marsad.event_fields import event_day, geo_precision, place_kind
from marsad.events.status import STATUSES, event_status
from marsad.store.protocol import EventQuery, QuoteQuery
from marsad.types import Article, Event, Geo

# What the listings read of an event (``e``) or quote (``q``) row and its article (``a``):
# the evidence and quote text cut from the article, in both backends' SQL.
EVENT_COLUMNS = (
    "e.article_id, e.position, e.type, e.mode, e.aux, e.source, e.source_entity_id, e.target,"
    " e.target_entity_id, e.place, e.place_entity_id, e.lat, e.lon, e.country, e.admin1,"
    ' e.date, e.start, e."end", substr(a.text, e.start + 1, e."end" - e.start), e.lang,'
    " a.outlet, a.published, a.url, a.source, e.status, e.geo_precision"
)
QUOTE_COLUMNS = (
    'q.article_id, q.position, q.start, q."end", substr(a.text, q.start + 1, q."end" - q.start),'
    " q.direct, q.speaker, q.speaker_entity_id,"
    " CASE WHEN q.cue_start IS NOT NULL AND q.cue_end IS NOT NULL"
    " THEN substr(a.text, q.cue_start + 1, q.cue_end - q.cue_start) END, q.backend, q.lang"
)


def place_geo(article: Article, e: Event) -> Geo | None:
    """The coordinates of the event's place: its mention inside the evidence first."""
    if e.place_entity_id is None:
        return None
    candidates = [m for m in article.mentions if m.entity_id == e.place_entity_id and m.geo]
    inside = [m for m in candidates if e.start <= m.start < e.end]
    chosen = inside or candidates
    return chosen[0].geo if chosen else None


def place_precision(geo: Geo | None, e: Event) -> int | None:
    # A place geocoded before the geocoder recorded its kind: the KB's kind, if any.
    return geo_precision(geo.kind or place_kind(e.place_entity_id)) if geo else None


def fact_key(name: str | None) -> str | None:
    """The key a name filter matches as a substring (any case)."""
    return name.casefold() if name is not None else None


def fact_rows(article: Article) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The article's event rows and quote rows, in the index tables' column order (after
    their sequence number)."""
    events = []
    for position, e in enumerate(article.events):
        geo = place_geo(article, e)
        events.append(
            (
                article.id, position, e.type, e.mode, ";".join(e.aux),
                e.source, e.source_entity_id, fact_key(e.source),
                e.target, e.target_entity_id, fact_key(e.target),
                e.place, e.place_entity_id, fact_key(e.place),
                geo.lat if geo else None, geo.lon if geo else None,
                geo.country if geo else None, geo.admin1 if geo else None,
                e.date, event_day(e.date, article.published), e.start, e.end, article.lang,
                event_status(e.aux), place_precision(geo, e),
            )
        )  # fmt: skip
    quotes = [
        (
            article.id, position, q.speaker, q.speaker_entity_id, fact_key(q.speaker),
            q.cue_start, q.cue_end, int(q.direct), q.start, q.end, q.backend, article.lang,
        )
        for position, q in enumerate(article.quotes)
    ]  # fmt: skip
    return events, quotes


def event_where(query: EventQuery, copies: str) -> tuple[str, list[object]]:
    """The WHERE clause of ``query``: names match as case-insensitive substrings (the keys
    are casefolded when written), ids exactly; an undated event counts on its article's
    publication date; ``status`` is one of ``STATUSES`` (None: every event).
    ``copies``: the backend's query of the ids of copies.

    In SQLite's spelling (``?``, ``instr``); PostgreSQL's module respells these fragments
    of ours (``postgresql.facts.respelled``)."""
    where: list[str] = []
    params: list[object] = []
    if query.type:
        where.append("e.type = ?")
        params.append(query.type.upper())
    if query.actor:
        where.append(
            "(e.source_entity_id = ? OR instr(e.source_key, ?) > 0"
            " OR e.target_entity_id = ? OR instr(e.target_key, ?) > 0)"
        )
        key = query.actor.casefold()
        params += [query.actor, key, query.actor, key]
    if query.place:
        where.append("(e.place_entity_id = ? OR instr(e.place_key, ?) > 0)")
        params += [query.place, query.place.casefold()]
    if query.since:
        where.append("e.day >= ?")
        params.append(query.since)
    if query.status is not None:
        if query.status not in STATUSES:
            raise ValueError(f"unknown event status {query.status!r}")
        where.append("e.status = ?")
        params.append(query.status)
    if not query.copies:
        where.append(f"e.article_id NOT IN ({copies})")
    return (" WHERE " + " AND ".join(where) if where else ""), params


def quote_where(query: QuoteQuery, copies: str) -> tuple[str, list[object]]:
    """The WHERE clause of ``query`` over ``quotes q`` (as ``event_where``)."""
    where: list[str] = []
    params: list[object] = []
    if query.speaker:
        where.append("(q.speaker_entity_id = ? OR instr(q.speaker_key, ?) > 0)")
        params += [query.speaker, query.speaker.casefold()]
    if query.lang:
        where.append("q.lang = ?")
        params.append(query.lang)
    if not query.copies:
        where.append(f"q.article_id NOT IN ({copies})")
    return (" WHERE " + " AND ".join(where) if where else ""), params
