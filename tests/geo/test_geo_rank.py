"""Choosing among candidates, and the reason given for the choice."""

from __future__ import annotations

import pytest

from marsad.geo import Candidate, Geocoder, GeoContext, RankWeights
from marsad.geo.rank import choose, ranked
from marsad.types import Geo

WEIGHTS = RankWeights()


def town(name: str, lat: float, lon: float, country: str, population: int) -> Candidate:
    return Candidate(name, lat, lon, country, kind="city", source="geonames", population=population)


# One pair of homonyms per script: a big one abroad, a small one in Lebanon.
PAIRS = {
    "en": (
        town("Tripoli", 32.89, 13.19, "LY", 1_150_000),
        town("Tripoli", 34.44, 35.85, "LB", 229_000),
    ),
    "ar": (
        town("طرابلس", 32.89, 13.19, "LY", 1_150_000),
        town("طرابلس", 34.44, 35.85, "LB", 229_000),
    ),
}


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_geo_rank_one_candidate_is_only(lang: str) -> None:
    chosen = choose([PAIRS[lang][1]], None, WEIGHTS)
    assert chosen is not None
    assert (chosen.reason, chosen.score, chosen.source) == ("only", 1.0, "geonames:only")


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_geo_rank_population_decides_without_context(lang: str) -> None:
    big, small = PAIRS[lang]
    chosen = choose([small, big], None, WEIGHTS)
    assert chosen is not None and chosen.candidate is big and chosen.reason == "pop"
    assert 0.5 < chosen.score < 1.0


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_geo_rank_country_focus_beats_population(lang: str) -> None:
    big, small = PAIRS[lang]
    view = GeoContext.of([Geo(33.83, 35.83, "LB")]).view()
    chosen = choose([big, small], view, WEIGHTS)
    assert chosen is not None and chosen.candidate is small and chosen.reason == "focus"


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_geo_rank_nearness_decides_within_a_country(lang: str) -> None:
    name = PAIRS[lang][0].name
    east, west = town(name, 36.0, 41.0, "SY", 20_000), town(name, 36.0, 36.5, "SY", 20_000)
    context = GeoContext()
    context.add(Geo(36.05, 41.1, "SY"), point=True)
    chosen = choose([west, east], context.view(), WEIGHTS)
    assert chosen is not None and chosen.candidate is east and chosen.reason == "near"


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_geo_rank_context_leaves_out_the_name_itself(lang: str) -> None:
    big, small = PAIRS[lang]
    context = GeoContext()
    context.add(small.geo(), 5.0, key="tripoli")  # the name's own vote
    assert context.view(exclude="tripoli").empty
    chosen = choose([big, small], context.view(exclude="tripoli"), WEIGHTS)
    assert chosen is not None and chosen.candidate is big


@pytest.mark.parametrize("lang", sorted(PAIRS))
def test_geo_rank_shares_sum_to_one(lang: str) -> None:
    big, small = PAIRS[lang]
    shares = [share for _, share in ranked([big, small], None, WEIGHTS)]
    assert shares == sorted(shares, reverse=True)
    assert sum(shares) == pytest.approx(1.0)


# English only: GeoNames admin areas have Latin names alone, so an Arabic name never
# meets its governorate here (the KB names governorates "محافظة …").
@pytest.mark.parametrize("surface", ["Aleppo", "Raqqa", "Homs", "Idlib"])
def test_geo_rank_city_before_its_namesake_area(surface: str, geocoder: Geocoder) -> None:
    """A governorate named after its city yields to the city."""
    found = geocoder.candidates(surface)
    assert any(c.kind == "admin1" and c.eponym for c in found)
    chosen = geocoder.resolve(surface)
    assert chosen is not None and chosen.candidate.kind in {"city", "capital"}


@pytest.mark.parametrize("surface", ["Qamishli", "القامشلي"])
def test_geo_rank_one_place_one_candidate(surface: str, geocoder: Geocoder) -> None:
    """The KB's Qamishli and GeoNames' are one candidate: the KB's point and id, the
    GeoNames population."""
    found = geocoder.candidates(surface)
    assert len(found) == 1
    (qamishli,) = found
    assert qamishli.source == "kb"
    assert qamishli.entity_id == "marsad:place/qamishli"
    assert qamishli.geonames_id == 173377
    assert qamishli.population > 100_000
