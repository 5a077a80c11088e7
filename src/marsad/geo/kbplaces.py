"""Places of the knowledge base as candidates: reviewed coordinates for the region's names
that no gazetteer has (al-Hol, Baghuz, Serêkaniyê, كوباني).

A country takes the point the country table gives it (GeoNames' or the Factbook's), so
that "Russia" is one point whether the KB or pycountry found the name.

The KB names a place's admin1 by the id of its governorate entry; ``Geo.admin1`` is the
GeoNames admin1 name, as for every other source, so that one area has one name on the
map whatever placed it. Each KB admin1 id gets the GeoNames name most of its places lie
in (a vote, so that a town by a border does not rename its governorate); a place is in
the admin1 of its GeoNames city when it has one, else in that of the nearest place.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from marsad.geo.candidate import Candidate
from marsad.kb import KBEntry, KnowledgeBase

AdminOf = Callable[[KBEntry], str | None]
PopulationOf = Callable[[KBEntry], int]
CountryPoint = Callable[[str], tuple[float, float] | None]


class KBPlaces:
    def __init__(
        self,
        kb: KnowledgeBase,
        admin1_of: AdminOf,
        population_of: PopulationOf,
        country_point: CountryPoint,
    ) -> None:
        self.kb = kb
        self._admin1_of = admin1_of
        self._population_of = population_of
        self._country_point = country_point
        self._admin1_names: dict[str, str] | None = None

    def candidates(self, surface: str) -> list[Candidate]:
        """The KB places a surface names (the KB folds spellings, possessives and clitics)."""
        return [self.candidate(e) for e in self.kb.lookup(surface) if e.is_place]

    def entry(self, entity_id: str) -> KBEntry | None:
        entry = self.kb.get(entity_id)
        return entry if entry is not None and entry.is_place else None

    def candidate(self, entry: KBEntry) -> Candidate:
        assert entry.lat is not None and entry.lon is not None
        point = (entry.lat, entry.lon)
        if entry.kind == "country" and entry.country:
            # One point per country whatever names it: the gazetteers' (see countries.py).
            point = self._country_point(entry.country) or point
        return Candidate(
            name=entry.label,
            lat=point[0],
            lon=point[1],
            country=entry.country,
            kind=entry.kind or entry.type.lower(),
            source="kb",
            population=self._population_of(entry),
            admin1=self.admin1_name(entry),
            geonames_id=entry.geonames_id,
            entity_id=entry.id,
        )

    def admin1_name(self, entry: KBEntry) -> str | None:
        """The GeoNames admin1 name of a KB place; None for a country or a place abroad
        with no GeoNames place near it."""
        if entry.kind == "country" or entry.lat is None or entry.lon is None:
            return None
        names = self._names()
        for ref in (entry.admin1, entry.id):
            if ref and ref in names:
                return names[ref]
        return self._admin1_of(entry)

    def _names(self) -> dict[str, str]:
        if self._admin1_names is None:
            votes: dict[str, Counter[str]] = defaultdict(Counter)
            for e in self.kb:
                if e.lat is None or e.lon is None:
                    continue
                name = self._admin1_of(e)
                if name is None:
                    continue
                # GeoNames places and the area's own entry know their admin1 best.
                if e.admin1:
                    votes[e.admin1][name] += 2 if e.geonames_id is not None else 1
                if e.kind in {"governorate", "province"}:
                    votes[e.id][name] += 2
            self._admin1_names = {ref: c.most_common(1)[0][0] for ref, c in votes.items()}
        return self._admin1_names
