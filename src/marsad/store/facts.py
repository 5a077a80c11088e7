"""The rows of every backend's event and quote index tables, made from one article: what
listings filter and show without the article's text (evidence and quote text stay offsets
into it)."""

from __future__ import annotations

from typing import Any

from marsad.types import Article, Event, Geo


def place_geo(article: Article, e: Event) -> Geo | None:
    """The coordinates of the event's place: its mention inside the evidence first."""
    if e.place_entity_id is None:
        return None
    candidates = [m for m in article.mentions if m.entity_id == e.place_entity_id and m.geo]
    inside = [m for m in candidates if e.start <= m.start < e.end]
    chosen = inside or candidates
    return chosen[0].geo if chosen else None


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
                e.date, e.date or article.published, e.start, e.end, article.lang,
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
