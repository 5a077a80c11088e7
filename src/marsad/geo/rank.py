"""Choosing among the places a name may denote, and saying why.

A candidate's score adds up parts that each have a name, so a decision can be explained
by the part that set the winner apart from the runner-up:

- ``pop``: how big the place is (log10 of its population, over 7), plus a small bonus for
  countries (the commonest referent of a country name), a malus for admin areas that share
  their name with a town inside them ("Aleppo", "New York" are first the city), and a
  small one for names that matched only as an alternate;
- ``focus``: the share of the article's placed names in the candidate's country, and
  (less) in its admin1;
- ``near``: closeness to the article's other placed towns.

The weights are a typed config (``RankWeights``); the defaults were set on the public
geoparsing corpora (LGL, TR-News, GeoVirus: ``marsad.eval.geo``) and are few on purpose.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from marsad.geo.candidate import ADMIN_KINDS, COUNTRY_KINDS, Candidate
from marsad.geo.context import ContextView
from marsad.types import Geo

# Population assumed for a place no gazetteer counts (a KB town without a GeoNames id,
# a camp, an area with no city of 15,000): the order of magnitude of its kind.
DEFAULT_POPULATION: Mapping[str, int] = MappingProxyType(
    {
        "continent": 100_000_000,
        "country": 1_000_000,
        "capital": 1_000_000,
        "admin1": 200_000,
        "governorate": 500_000,
        "province": 500_000,
        "autonomous_region": 500_000,
        "admin_region": 200_000,
        "region": 100_000,
        "city": 100_000,
        "admin2": 20_000,
        "district": 50_000,
        "town": 10_000,
        "place": 1_000,
    }
)
_OTHER_POPULATION = 5_000


@dataclass(frozen=True, slots=True)
class RankWeights:
    focus: float = 1.0
    admin1_focus: float = 0.5
    near: float = 0.5
    near_km: float = 200.0  # closeness decays as exp(-distance / near_km)
    country: float = 0.5
    area: float = 0.1
    alias: float = 0.1
    eponym: float = 0.3
    temperature: float = 0.1  # of the softmax that turns scores into a confidence
    default_population: Mapping[str, int] = field(default_factory=lambda: DEFAULT_POPULATION)


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    parts: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.parts.values())


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen place of a name: its candidate, a confidence among the candidates
    (0..1), the part of the score that decided (``only`` when there was no choice), and
    how many candidates there were."""

    candidate: Candidate
    score: float
    reason: str
    candidates: int

    @property
    def source(self) -> str:
        """ "geonames:pop", "kb:focus", "pycountry:only": the gazetteer and the reason."""
        return f"{self.candidate.source}:{self.reason}"

    @property
    def geo(self) -> Geo:
        return self.candidate.geo(self.source)


def population_of(candidate: Candidate, weights: RankWeights) -> int:
    if candidate.population > 0:
        return candidate.population
    return weights.default_population.get(candidate.kind, _OTHER_POPULATION)


def score(candidate: Candidate, view: ContextView | None, weights: RankWeights) -> Scored:
    size = math.log10(max(population_of(candidate, weights), 1)) / 7
    if candidate.kind in COUNTRY_KINDS:
        size += weights.country
    elif candidate.kind in ADMIN_KINDS:
        size -= weights.area
    if candidate.alias:
        size -= weights.alias
    if candidate.eponym:
        size -= weights.eponym
    parts = {"pop": size, "focus": 0.0, "near": 0.0}
    if view is not None and not view.empty:
        parts["focus"] = weights.focus * view.focus(candidate.country)
        parts["focus"] += weights.admin1_focus * view.admin1_focus(
            candidate.country, candidate.admin1
        )
        if candidate.kind not in COUNTRY_KINDS and candidate.kind != "continent":
            km = view.nearest_km(candidate.lat, candidate.lon)
            if km is not None:
                parts["near"] = weights.near * math.exp(-km / weights.near_km)
    return Scored(candidate, parts)


def ranked(
    candidates: Sequence[Candidate], view: ContextView | None, weights: RankWeights
) -> list[tuple[Scored, float]]:
    """Candidates scored in context, best first, each with its share of the confidence
    (a softmax of the scores)."""
    scored = sorted((score(c, view, weights) for c in candidates), key=lambda s: -s.total)
    if not scored:
        return []
    top = scored[0].total
    mass = [math.exp((s.total - top) / weights.temperature) for s in scored]
    whole = sum(mass)
    return [(s, m / whole) for s, m in zip(scored, mass, strict=True)]


def choose(
    candidates: Sequence[Candidate], view: ContextView | None, weights: RankWeights
) -> Resolution | None:
    """The best candidate in context, or None when there is none."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return Resolution(candidates[0], 1.0, "only", 1)
    ranking = ranked(candidates, view, weights)
    (best, share), (second, _) = ranking[0], ranking[1]
    gains = {part: best.parts[part] - second.parts[part] for part in best.parts}
    reason = max(gains, key=lambda part: gains[part])
    return Resolution(best.candidate, round(share, 4), reason, len(candidates))
