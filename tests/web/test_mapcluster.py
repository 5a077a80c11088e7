"""Clusters of nearby places at low zoom, the map's filters and its paged table."""

from __future__ import annotations

import itertools
import math

import pytest

from marsad.web.mapcluster import LEVELS, MAX_RADIUS, cluster, levels
from marsad.web.mapfilter import PLACES_PER_PAGE, MapFilter, page_of
from marsad.web.mapsvg import Place, map_view


def _place(i: int, lon: float, lat: float, mentions: int = 1, country: str = "SY") -> Place:
    return Place(f"p{i}", f"Place {i}", lat, lon, country, mentions, {f"a{i}"})


def test_mapcluster_groups_nearby_places_and_keeps_far_ones_apart() -> None:
    town = [_place(i, 36.2 + i * 0.01, 36.2, mentions=10 - i) for i in range(5)]
    far = _place(9, 44.4, 33.3, country="IQ")
    view = map_view([*town, far])
    assert view is not None and view.levels
    first = view.levels[0]
    sizes = sorted(c.size for c in first.clusters)
    assert sizes == [1, 5]  # the five close places are one circle, Baghdad its own
    big = next(c for c in first.clusters if c.size == 5)
    assert big.members[0].id == "p0" and big.country == "SY"  # biggest first
    assert big.radius <= MAX_RADIUS
    # Every place is in exactly one cluster of every level.
    for level in view.levels:
        members = [p.id for c in level.clusters for p in c.members]
        assert sorted(members) == sorted(p.id for p in view.places)


def test_mapcluster_clusters_do_not_overlap_at_their_own_zoom() -> None:
    points = [
        _place(i, 30 + (i * 7919 % 200) / 10, 20 + (i * 104729 % 200) / 10) for i in range(300)
    ]
    view = map_view(points)
    assert view is not None
    for level in view.levels:
        for a, b in itertools.combinations(level.clusters, 2):
            distance = math.dist((a.x, a.y), (b.x, b.y)) * level.zoom_from
            assert distance + 1 >= 0.5 * (a.radius + b.radius) or a.size == 1 or b.size == 1


def test_mapcluster_levels_leave_out_a_level_of_single_places() -> None:
    lonely = [_place(0, 10, 10), _place(1, 50, 40)]
    view = map_view(lonely)
    assert view is not None and view.levels == [] and view.places_from == 1.0
    assert levels([]) == []
    assert cluster([], LEVELS[0][1]) == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, MapFilter()),
        ({"since": "2024-01-01", "until": "nonsense"}, MapFilter(since="2024-01-01")),
        ({"event_type": "assault", "country": "sy"}, MapFilter(event_type="ASSAULT", country="SY")),
        ({"event_type": "DROP TABLE", "country": "<s"}, MapFilter()),
        ({"page": "3"}, MapFilter(page=3)),
        ({"page": "-1"}, MapFilter()),
    ],
)
def test_mapfilter_reads_only_valid_values(params: dict[str, str], expected: MapFilter) -> None:
    assert MapFilter.from_params(params) == expected


def test_mapfilter_pages_clamp_to_the_last_page() -> None:
    places = [_place(i, i % 50, i % 40) for i in range(PLACES_PER_PAGE * 2 + 3)]
    rows, page, pages = page_of(places, 99)
    assert (len(rows), page, pages) == (3, 3, 3)
    assert page_of([], 1) == ([], 1, 1)
