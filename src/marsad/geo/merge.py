"""One candidate per place: readings of the same place by several sources, merged.

The KB's Qamishli and GeoNames' Al Qamishli are one place: the first source's reading
(its point, its id) is kept and completed by the others (a population, a GeoNames id).
Two readings are one place when they share a GeoNames id, or are the same kind of thing
in the same country close enough together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from marsad.geo.candidate import ADMIN_KINDS, Candidate
from marsad.geo.distance import haversine_km

# Two readings of one settlement are never further apart than this (GeoNames and a
# Wikipedia point for one town differ by a few km); admin areas by their centres.
SAME_PLACE_KM = 15.0
SAME_AREA_KM = 150.0
_ADMIN1_KINDS = frozenset({"admin1", "governorate", "province"})


def _same_place(a: Candidate, b: Candidate) -> bool:
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.country != b.country:
        return False
    if a.kind == "country" or b.kind == "country":
        return a.kind == b.kind
    if a.kind == "continent" or b.kind == "continent":
        return False
    if a.kind in ADMIN_KINDS or b.kind in ADMIN_KINDS:
        same_level = (a.kind in _ADMIN1_KINDS) == (b.kind in _ADMIN1_KINDS)
        both_admin = a.kind in ADMIN_KINDS and b.kind in ADMIN_KINDS
        return both_admin and same_level and haversine_km(a.lat, a.lon, b.lat, b.lon) < SAME_AREA_KM
    if a.is_area != b.is_area:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) < SAME_PLACE_KM


def merge(found: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per place: the first source's reading, completed by the others."""
    merged: list[Candidate] = []
    for candidate in found:
        for i, kept in enumerate(merged):
            if _same_place(kept, candidate):
                merged[i] = kept.merged_with(candidate)
                break
        else:
            merged.append(candidate)
    merged.sort(key=lambda c: -c.population)
    return merged


def mark_eponyms(candidates: list[Candidate]) -> list[Candidate]:
    """Flag admin areas that share their name with a town inside them."""
    towns = {(c.country, c.admin1) for c in candidates if not c.is_area}
    return [
        replace(c, eponym=True) if c.kind in ADMIN_KINDS and (c.country, c.admin1) in towns else c
        for c in candidates
    ]
