"""What an article already says about where it is: the evidence ambiguous names are read by.

Evidence is a placed name (a country, a town) with a weight: 1 for a name placed without
doubt, less for a guess. It gives the article's country focus (the share of its evidence
in each country), its admin1 focus, and points that an ambiguous town may be near.
Evidence carries the key of the name it came from, so a name is read by the rest of the
article and never by itself ("Paris" must not vote for Paris).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.geo.distance import haversine_km
from marsad.types import Geo


@dataclass(frozen=True, slots=True)
class Evidence:
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    weight: float
    point: bool  # a town or site, not the centre of an area
    key: str | None


@dataclass(slots=True)
class GeoContext:
    """The placed names of an article (or of any text the caller has), by weight."""

    evidence: list[Evidence] = field(default_factory=list)

    @classmethod
    def of(cls, geos: Iterable[Geo], weight: float = 1.0) -> GeoContext:
        """A context from places already known (the events stage and the map use this)."""
        context = cls()
        for geo in geos:
            context.add(geo, weight)
        return context

    def add(
        self, geo: Geo, weight: float = 1.0, *, point: bool = True, key: str | None = None
    ) -> None:
        """Add a placed name; ``point`` is False for an area (its point is a centre)."""
        if weight <= 0:
            return
        self.evidence.append(
            Evidence(geo.country, geo.admin1, geo.lat, geo.lon, weight, point, key)
        )

    def __len__(self) -> int:
        return len(self.evidence)

    def _shares(self, exclude: str | None) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
        countries: dict[str, float] = defaultdict(float)
        admin1s: dict[tuple[str, str], float] = defaultdict(float)
        total = 0.0
        for e in self.evidence:
            if e.key is not None and e.key == exclude:
                continue
            total += e.weight
            if e.country:
                countries[e.country] += e.weight
                if e.admin1:
                    admin1s[(e.country, e.admin1)] += e.weight
        if total <= 0:
            return {}, {}
        return (
            {k: v / total for k, v in countries.items()},
            {k: v / total for k, v in admin1s.items()},
        )

    def view(self, exclude: str | None = None) -> ContextView:
        """The context as one name sees it: without the evidence that name gave."""
        countries, admin1s = self._shares(exclude)
        points = [
            (e.lat, e.lon, e.weight)
            for e in self.evidence
            if e.point and not (e.key is not None and e.key == exclude)
        ]
        return ContextView(countries, admin1s, points)


@dataclass(frozen=True, slots=True)
class ContextView:
    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    points: list[tuple[float, float, float]]

    def focus(self, country: str | None) -> float:
        """Share of the evidence in ``country`` (0..1)."""
        return self.countries.get(country, 0.0) if country else 0.0

    def admin1_focus(self, country: str | None, admin1: str | None) -> float:
        if not country or not admin1:
            return 0.0
        return self.admin1s.get((country, admin1), 0.0)

    def nearest_km(self, lat: float, lon: float) -> float | None:
        """Distance to the nearest placed town or site, or None when there is none."""
        if not self.points:
            return None
        return min(haversine_km(lat, lon, plat, plon) for plat, plon, _ in self.points)

    @property
    def empty(self) -> bool:
        return not self.countries and not self.points
