"""Great-circle distances, and points as unit vectors for nearest-neighbour search.

A k-d tree over unit vectors finds the nearest point by chord length, which orders points
as the great-circle distance does, with no trouble at the poles or the antimeridian.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two (lat, lon) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def unit_vectors(lat: NDArray[np.float64], lon: NDArray[np.float64]) -> NDArray[np.float64]:
    """(n, 3) unit vectors of points given in degrees."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)))


def centre(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The spherical mean of points (mean unit vector): right across the antimeridian."""
    pts = np.asarray(list(points), dtype=np.float64).reshape(-1, 2)
    x, y, z = unit_vectors(pts[:, 0], pts[:, 1]).mean(axis=0)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))
