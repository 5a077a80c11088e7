"""The offline map: places and events drawn as inline SVG over country outlines.

No tiles and nothing fetched: an equirectangular projection over the bounding box of the
points (longitudes shrunk by the cosine of the middle latitude, so shapes are not
stretched), with Natural Earth 1:110m outlines shipped in ``data/countries.110m.json``.
All numbers are computed here; the template only writes them into attributes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.event_rows import EventFilter, event_rows
from marsad.resources import data_path
from marsad.store import Store
from marsad.types import Article
from marsad.web.highlight import entity_href
from marsad.web.mapcluster import Level, levels

WIDTH = 1000.0
MIN_SPAN = 3.0  # degrees: one town alone still gets a region around it
PAD = 0.12  # of the span, on each side, so edge points and their labels stay inside
ASPECT = (0.5, 0.9)  # height / width kept in this range by widening the box

Projector = Callable[[float, float], tuple[float, float]]


@dataclass(slots=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float
    country: str | None = None  # ISO 3166-1 alpha-2
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    events: dict[str, int] = field(default_factory=dict)  # type -> count
    x: float = 0.0
    y: float = 0.0
    label_x: float = 0.0
    anchor: str = "start"  # SVG text-anchor: labels near the east edge go to the west side
    labelled: bool = True  # False where the label would cover a bigger place's label

    @property
    def href(self) -> str:
        return entity_href(self.id) or ""

    @property
    def radius(self) -> float:
        # Capped: one place named in every article must not cover its neighbours.
        return round(min(16.0, 4 + 1.5 * math.sqrt(self.weight)), 1)

    @property
    def event_count(self) -> int:
        return sum(self.events.values())

    @property
    def weight(self) -> int:
        return self.mentions + self.event_count


@dataclass(slots=True)
class Outline:
    name: str
    path: str


@dataclass(slots=True)
class GridLine:
    path: str
    label: str
    x: float
    y: float


@dataclass(slots=True)
class MapView:
    width: float
    height: float
    places: list[Place]
    outlines: list[Outline]
    grid: list[GridLine]
    levels: list[Level] = field(default_factory=list)  # clusters at low zoom

    @property
    def places_from(self) -> float:
        """The zoom from which each place is drawn on its own."""
        return self.levels[-1].zoom_to if self.levels else 1.0


def collect_places(articles: Iterable[Article]) -> list[Place]:
    """Every geocoded place named in the articles, with its mentions and events."""
    places: dict[str, Place] = {}
    for article in articles:
        if article.duplicate_of:
            continue
        for m in article.mentions:
            if m.geo is None:
                continue
            key = m.entity_id or f"{m.geo.lat:.3f},{m.geo.lon:.3f}"
            place = places.get(key)
            if place is None:
                name = m.name or article.text[m.start : m.end]
                place = places[key] = Place(key, name, m.geo.lat, m.geo.lon, m.geo.country)
            place.mentions += 1
            place.articles.add(article.id)
        for row in event_rows([article], EventFilter()):
            key = str(row["location_id"] or "")
            if key in places:
                kind = str(row["event_type"])
                places[key].events[kind] = places[key].events.get(kind, 0) + 1
    return _biggest_first(places)


def stored_places(store: Store) -> list[Place]:
    """``collect_places`` over every stored article, from the store's mention and event
    indexes: counts in SQL instead of reading each article's annotations."""
    places = {
        p.id: Place(p.id, p.name, p.lat, p.lon, p.country, p.mentions, p.articles)
        for p in store.place_counts()
    }
    for key, kind, n in store.event_counts("place"):
        if key in places:
            places[key].events[kind] = places[key].events.get(kind, 0) + n
    return _biggest_first(places)


def _biggest_first(places: dict[str, Place]) -> list[Place]:
    return sorted(places.values(), key=lambda p: -(p.mentions + p.event_count))


def countries_of(places: list[Place]) -> list[tuple[str, int]]:
    """Countries with places, most places first: the map's zoom choices."""
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def map_view(places: list[Place], country: str | None = None) -> MapView | None:
    """The map over all places, or zoomed to the places of one ``country``."""
    if country:
        places = [p for p in places if p.country == country.upper()]
    if not places:
        return None
    west, east, south, north = _box(places)
    scale_x = math.cos(math.radians((south + north) / 2))
    px = WIDTH / ((east - west) * scale_x)
    height = round((north - south) * px, 1)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * scale_x * px, 1), round((north - lat) * px, 1)

    for p in places:
        p.x, p.y = project(p.lon, p.lat)
    grouped = levels(places)
    _place_labels(places, grouped[-1].zoom_to if grouped else 1.0)
    outlines = []
    for outline in _countries():
        rings = [r for r in outline["rings"] if _ring_overlaps(r, west, east, south, north)]
        if rings:
            path = " ".join(_ring_path(r, project) for r in rings)
            outlines.append(Outline(str(outline["name"]), path))
    grid = _grid(west, east, south, north, project)
    return MapView(WIDTH, height, places, outlines, grid, grouped)


LABEL_CHAR = 7.5  # approximate width of one character of a 13px label, in viewBox units
LABEL_HEIGHT = 15.0


def _place_labels(places: list[Place], zoom: float = 1.0) -> None:
    """Label places biggest first; a label that would overlap one already placed when the
    places are first drawn on their own (at ``zoom``: labels keep their screen size, so
    they shrink in map units) is left out (the place keeps its tooltip and table row)."""
    taken: list[tuple[float, float, float, float]] = []
    half = LABEL_HEIGHT / 2 / zoom
    for p in places:  # already sorted, biggest first
        width = LABEL_CHAR * len(p.name) / zoom
        gap = (p.radius + 3) / zoom
        if p.x + gap + width > WIDTH:
            p.anchor, p.label_x = "end", round(p.x - gap, 1)
            box = (p.label_x - width, p.y - half, p.label_x, p.y + half)
        else:
            p.anchor, p.label_x = "start", round(p.x + gap, 1)
            box = (p.label_x, p.y - half, p.label_x + width, p.y + half)
        p.labelled = not any(_overlap(box, other) for other in taken)
        if p.labelled:
            taken.append(box)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box(places: list[Place]) -> tuple[float, float, float, float]:
    west, east = min(p.lon for p in places), max(p.lon for p in places)
    south, north = min(p.lat for p in places), max(p.lat for p in places)
    mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
    half_w = max(east - west, MIN_SPAN) * (0.5 + PAD)
    half_h = max(north - south, MIN_SPAN) * (0.5 + PAD)
    shrink = math.cos(math.radians(mid_lat))
    # Widen the short side so the map is neither a ribbon nor a tower on any screen.
    aspect = half_h / (half_w * shrink)
    if aspect < ASPECT[0]:
        half_h = ASPECT[0] * half_w * shrink
    elif aspect > ASPECT[1]:
        half_w = half_h / (ASPECT[1] * shrink)
    south, north = max(mid_lat - half_h, -89.0), min(mid_lat + half_h, 89.0)
    return mid_lon - half_w, mid_lon + half_w, south, north


@cache
def _countries() -> list[dict[str, Any]]:
    with open(data_path("marsad.web", "countries.110m.json"), encoding="utf-8") as fh:
        countries: list[dict[str, Any]] = json.load(fh)["countries"]
    return countries


def _ring_overlaps(ring: list[float], west: float, east: float, south: float, north: float) -> bool:
    lons, lats = ring[0::2], ring[1::2]
    return min(lons) < east and max(lons) > west and min(lats) < north and max(lats) > south


def _ring_path(ring: list[float], project: Projector) -> str:
    points = [project(ring[i], ring[i + 1]) for i in range(0, len(ring) - 1, 2)]
    return "M" + "L".join(f"{x},{y}" for x, y in points) + "Z"


def _grid(
    west: float, east: float, south: float, north: float, project: Projector
) -> list[GridLine]:
    span = max(east - west, north - south)
    step = next((s for s in (1, 2, 5, 10, 15, 30) if span / s <= 8), 45)
    lines = []
    for lon in range(math.ceil(west / step) * step, math.floor(east) + 1, step):
        (x0, y0), (x1, y1) = project(lon, north), project(lon, south)
        lines.append(
            GridLine(
                f"M{x0},{y0}L{x1},{y1}", f"{abs(lon)}°{'E' if lon >= 0 else 'W'}", x1 + 3, y1 - 4
            )
        )
    for lat in range(math.ceil(south / step) * step, math.floor(north) + 1, step):
        (x0, y0), (x1, y1) = project(west, lat), project(east, lat)
        lines.append(
            GridLine(
                f"M{x0},{y0}L{x1},{y1}", f"{abs(lat)}°{'N' if lat >= 0 else 'S'}", x0 + 3, y0 - 4
            )
        )
    return lines
