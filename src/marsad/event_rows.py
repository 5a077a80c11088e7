"""Events as flat rows, one per event, shaped like the tables PLOVER and ACLED users load:
date (an ISO day with its precision), type, mode, status, actors with their country and
sector, place with coordinates, country and precision, the article and the evidence text.
``docs/events.md`` describes every column.

``stored_event_rows`` reads a store's event index (one query, paged); ``event_rows`` makes
the same rows from articles in memory. Both give identical rows for the same articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.errors import QueryError
from marsad.event_fields import actor_info, country, event_when
from marsad.events.lexicon import EVENT_TYPES
from marsad.events.status import STATUSES, event_status
from marsad.search.model import check_iso_date
from marsad.store.facts import place_geo, place_precision
from marsad.store.protocol import EventQuery, Store, StoredEvent
from marsad.types import Article, Event

COLUMNS = (
    "event_id", "event_date", "date_precision", "time_precision", "date_source",
    "event_type", "sub_event_type", "mode", "aux", "status",
    "actor1", "actor1_id", "actor1_country", "actor1_sector",
    "actor2", "actor2_id", "actor2_country", "actor2_sector",
    "location", "location_id", "latitude", "longitude", "geo_precision",
    "country", "iso", "iso3", "admin1", "fatalities",
    "article_id", "outlet", "published", "source", "evidence",
)  # fmt: skip
# What ``--status`` and ``status=`` accept: one status, or every event.
STATUS_CHOICES = ("real", "negated", "hypothetical", "all")


@dataclass(frozen=True, slots=True)
class EventFilter:
    type: str | None = None
    actor: str | None = None  # an entity id, or a name (case-insensitive substring)
    place: str | None = None  # likewise
    since: str | None = None  # ISO date; events without a date use the article's
    # real, negated or hypothetical; None (or "all"): every event. The CLI and the API
    # default to "real"; a library caller gets every event unless it asks.
    status: str | None = None

    def __post_init__(self) -> None:
        # A typo must not look like "no such events": say what is accepted.
        if self.type is not None and self.type.upper() not in EVENT_TYPES:
            raise QueryError(
                f"unknown event type {self.type!r}; use one of {', '.join(EVENT_TYPES)}"
            )
        check_iso_date("since", self.since)
        if self.status == "all":
            object.__setattr__(self, "status", None)
        if self.status is not None and self.status not in STATUSES:
            raise QueryError(
                f"unknown event status {self.status!r}; use one of {', '.join(STATUS_CHOICES)}"
            )

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
        if self.status and event_status(event.aux) != self.status:
            return False
        when = event_when(event.date, article.published).date
        return not (self.since and (when is None or when < self.since))

    def query(self) -> EventQuery:
        return EventQuery(self.type, self.actor, self.place, self.since, status=self.status)


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
    when = event_when(e.date, e.published)
    actor1, actor2 = actor_info(e.source_entity_id), actor_info(e.target_entity_id)
    place_country = country(e.country)
    return {
        "event_id": f"{e.article_id}-{e.position}",
        "event_date": when.date,
        "date_precision": when.precision,
        "time_precision": when.time_precision,
        "date_source": when.source,
        "event_type": e.type,
        "sub_event_type": e.mode,  # ACLED's name for what PLOVER calls the mode
        "mode": e.mode,
        "aux": ";".join(e.aux),
        "status": e.status,
        "actor1": e.source,
        "actor1_id": e.source_entity_id,
        "actor1_country": actor1.country,
        "actor1_sector": actor1.sector,
        "actor2": e.target,
        "actor2_id": e.target_entity_id,
        "actor2_country": actor2.country,
        "actor2_sector": actor2.sector,
        "location": e.place,
        "location_id": e.place_entity_id,
        "latitude": e.lat,
        "longitude": e.lon,
        "geo_precision": e.geo_precision,
        "country": place_country.name if place_country else None,
        "iso": place_country.numeric if place_country else None,
        "iso3": place_country.alpha3 if place_country else None,
        "admin1": e.admin1,
        # The events stage reads no death tolls yet: unknown, never a guessed 0.
        "fatalities": None,
        "article_id": e.article_id,
        "outlet": e.outlet,
        "published": e.published,
        "source": e.url or _url(e.article_source),
        "evidence": " ".join(e.evidence.split()),
    }


def _url(source: str) -> str | None:
    # What an article was ingested from is a URL only when fetched; a local path is no
    # source a reader of the table can follow.
    return source if source.startswith(("http://", "https://")) else None


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
            status=event_status(e.aux),
            geo_precision=place_precision(geo, e),
        )
    )
