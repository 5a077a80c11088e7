"""The public API of ``marsad.geo``: what the map, the events stage and the CLI import."""

from __future__ import annotations

import marsad.geo

EXPECTED_API = [
    "PLACE_LABELS", "Candidate", "GeoContext", "GeoStage", "Geocoder", "RankWeights",
    "Resolution", "default_geocoder", "haversine_km", "locate",
]  # fmt: skip


def test_geo_api_is_pinned_and_importable() -> None:
    # Adding to or removing from the API must be a deliberate change of this list.
    assert sorted(marsad.geo.__all__) == sorted(EXPECTED_API)
    for name in marsad.geo.__all__:
        assert getattr(marsad.geo, name) is not None, name
