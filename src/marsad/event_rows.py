"""Events as flat rows, one per event, shaped like the tables PLOVER and ACLED users load:
date, type, mode, actors, place with coordinates, the article and the evidence text.

``stored_event_rows`` reads a store's event index (one query, paged); ``event_rows`` makes
the same rows from articles in memory. Both give identical rows for the same articles.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from marsad.errors import QueryError
from marsad.events.lexicon import EVENT_TYPES
from marsad.search.model import check_iso_date
from marsad.store.facts import place_geo
from marsad.store.protocol import EventQuery, Store, StoredEvent
from marsad.types import Article, Event

COLUMNS = (
    "event_id", "event_date", "event_type", "mode", "aux", "actor1", "actor1_id", "actor2",
    "actor2_id", "location", "location_id", "latitude", "longitude", "country", "admin1",
    "article_id", "outlet", "published", "source", "evidence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventFilter:
    type: str | None = None
    actor: str | None = None  # an entity id, or a name (case-insensitive substring)
    place: str | None = None  # likewise
    since: str | None = None  # ISO date; events without a date use the article's

    def __post_init__(self) -> None:
        # A typo must not look like "no such events": say what is accepted.
        if self.type is not None and self.type.upper() not in EVENT_TYPES:
            raise QueryError(
                f"unknown event type {self.type!r}; use one of {', '.join(EVENT_TYPES)}"
            )
        check_iso_date("since", self.since)

    def accepts(self, event: Event, article: Article) -> bool:
        if self.type and event.type != self.type.upper():
            return False
        if self.actor and not (
            _matches(self.actor, event.source, event.source_entity_id)
            or _matches(self.actor, event.target, event.target_entity_id)
        ):
            return False
        if self.place and not _matches(self.place, event.place, event.place_entity_id):
            return False
        when = event.date or article.published
        return not (self.since and (when is None or when < self.since))

    def query(self) -> EventQuery:
        return EventQuery(self.type, self.actor, self.place, self.since)


def _matches(wanted: str, name: str | None, entity_id: str | None) -> bool:
    return wanted == entity_id or (name is not None and wanted.casefold() in name.casefold())


def event_rows(articles: Iterable[Article], where: EventFilter) -> Iterator[dict[str, object]]:
    for article in articles:
        for index, event in enumerate(article.events):
            if where.accepts(event, article):
                yield _row(article, index, event)


def stored_event_rows(
    store: Store, where: EventFilter, limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, object]]:
    """The rows of the store's events that ``where`` accepts, in the store's order."""
    for e in store.events(where.query(), limit, offset):
        yield _stored_row(e)


def _stored_row(e: StoredEvent) -> dict[str, object]:
    return {
        "event_id": f"{e.article_id}-{e.position}",
        "event_date": e.date,
        "event_type": e.type,
        "mode": e.mode,
        "aux": ";".join(e.aux),
        "actor1": e.source,
        "actor1_id": e.source_entity_id,
        "actor2": e.target,
        "actor2_id": e.target_entity_id,
        "location": e.place,
        "location_id": e.place_entity_id,
        "latitude": e.lat,
        "longitude": e.lon,
        "country": e.country,
        "admin1": e.admin1,
        "article_id": e.article_id,
        "outlet": e.outlet,
        "published": e.published,
        "source": e.url or e.article_source,
        "evidence": " ".join(e.evidence.split()),
    }


def _row(article: Article, index: int, e: Event) -> dict[str, object]:
    """The same row as the index gives, built from an article in memory (``extract``)."""
    geo = place_geo(article, e)
    return _stored_row(
        StoredEvent(
            article_id=article.id,
            position=index,
            type=e.type,
            mode=e.mode,
            aux=list(e.aux),
            source=e.source,
            source_entity_id=e.source_entity_id,
            target=e.target,
            target_entity_id=e.target_entity_id,
            place=e.place,
            place_entity_id=e.place_entity_id,
            lat=geo.lat if geo else None,
            lon=geo.lon if geo else None,
            country=geo.country if geo else None,
            admin1=geo.admin1 if geo else None,
            date=e.date,
            start=e.start,
            end=e.end,
            evidence=article.text[e.start : e.end],
            lang=article.lang,
            outlet=article.outlet,
            published=article.published,
            url=article.url,
            article_source=article.source,
        )
    )


def write_csv(rows: Iterable[dict[str, object]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        count += 1
    return count
