"""The map's filters (dates, event type, country) and its paged table of places.

With a date or an event type set, the map shows the places where such events happened,
sized by those events only; the counts come from the store's event index
(``Store.events``), never from reading the articles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from marsad.events.lexicon import EVENT_TYPES
from marsad.store import Store
from marsad.store.protocol import EventQuery
from marsad.web.mapsvg import Place, stored_places
from marsad.web.params import day_param, page_param

PLACES_PER_PAGE = 25


@dataclass(frozen=True, slots=True)
class MapFilter:
    since: str = ""
    until: str = ""
    event_type: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> MapFilter:
        kind = params.get("event_type", "").strip().upper()
        country = params.get("country", "").strip()[:2].upper()
        return cls(
            since=day_param(params.get("since", "")),
            until=day_param(params.get("until", "")),
            event_type=kind if kind in EVENT_TYPES else "",
            country=country if country.isalpha() else "",
            page=page_param(params.get("page", ""), 100_000),
        )

    @property
    def on_events(self) -> bool:
        """Whether the map counts matching events only (a date or a type is set)."""
        return bool(self.since or self.until or self.event_type)


def filtered_places(store: Store, f: MapFilter) -> list[Place]:
    """The places of the map under ``f``, biggest first."""
    places = stored_places(store)
    if not f.on_events:
        return places
    query = EventQuery(type=f.event_type or None, since=f.since or None, copies=False)
    counts: dict[str, dict[str, int]] = {}
    for e in store.events(query):
        day = (e.date or e.published or "")[:10]
        if f.until and (not day or day > f.until):
            continue
        if f.since and not day:
            continue
        if e.place_entity_id:
            kinds = counts.setdefault(e.place_entity_id, {})
            kinds[e.type] = kinds.get(e.type, 0) + 1
    kept = []
    for p in places:
        if p.id in counts:
            p.events = counts[p.id]
            p.mentions = 0  # sized by the matching events alone
            kept.append(p)
    return sorted(kept, key=lambda p: -p.weight)


def page_of(items: list[Place], page: int) -> tuple[list[Place], int, int]:
    """(the items of ``page``, the page shown, pages), clamping a page past the end."""
    pages = max(1, -(-len(items) // PLACES_PER_PAGE))
    page = min(page, pages)
    first = (page - 1) * PLACES_PER_PAGE
    return items[first : first + PLACES_PER_PAGE], page, pages
