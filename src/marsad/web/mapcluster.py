"""Clusters of nearby places for the map's low zoom levels.

At the whole-map scale hundreds of circles overplot; each level groups the places whose
projected positions fall within ``radius`` (in the map's viewBox units at that level's
scale) of a bigger place, biggest first, and draws one circle per group. The page's
script shows the level that fits the current zoom; without the script the first level
is what the reader sees, and each cluster links to the map zoomed to its country.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

# (smallest zoom at which the level is shown, grouping radius in screen units)
LEVELS = ((1.0, 34.0), (3.0, 30.0))
PLACES_FROM = 8.0
MAX_RADIUS = 16.0  # at this zoom and beyond every place is drawn on its own


class Point(Protocol):
    id: str
    name: str
    x: float
    y: float
    country: str | None

    @property
    def weight(self) -> int: ...

    @property
    def event_count(self) -> int: ...


@dataclass(slots=True)
class Cluster:
    x: float
    y: float
    members: list[Point] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def weight(self) -> int:
        return sum(p.weight for p in self.members)

    @property
    def events(self) -> int:
        return sum(p.event_count for p in self.members)

    @property
    def radius(self) -> float:
        """Grows with the number of places, capped below half the grouping distance so
        neighbouring clusters do not cover each other."""
        return round(min(MAX_RADIUS, 7 + 2.2 * math.sqrt(self.size)), 1)

    @property
    def names(self) -> str:
        """The biggest members' names, for the tooltip."""
        shown = ", ".join(p.name for p in self.members[:5])
        return shown + (", …" if self.size > 5 else "")

    @property
    def country(self) -> str | None:
        """The country of most of its members: where the no-script link zooms to."""
        counts: dict[str, int] = {}
        for p in self.members:
            if p.country:
                counts[p.country] = counts.get(p.country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None


@dataclass(slots=True)
class Level:
    zoom_from: float
    zoom_to: float
    clusters: list[Cluster]


def cluster(points: Sequence[Point], radius: float) -> list[Cluster]:
    """Greedy grouping, biggest first: a point joins the first cluster whose seed lies
    within ``radius``; otherwise it seeds a new one. A cluster sits at the weighted centre
    of its members. Grid buckets keep it near-linear in the number of points."""
    grid: dict[tuple[int, int], list[Cluster]] = {}
    out: list[Cluster] = []
    for p in sorted(points, key=lambda q: -q.weight):
        cx, cy = int(p.x // radius), int(p.y // radius)
        home = None
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for c in grid.get((gx, gy), []):
                    seed = c.members[0]
                    if (seed.x - p.x) ** 2 + (seed.y - p.y) ** 2 <= radius**2:
                        home = c
                        break
                if home:
                    break
            if home:
                break
        if home is None:
            home = Cluster(p.x, p.y)
            grid.setdefault((cx, cy), []).append(home)
            out.append(home)
        home.members.append(p)
    for c in out:
        total = sum(max(1, p.weight) for p in c.members)
        c.x = round(sum(p.x * max(1, p.weight) for p in c.members) / total, 1)
        c.y = round(sum(p.y * max(1, p.weight) for p in c.members) / total, 1)
    return out


def levels(points: Sequence[Point]) -> list[Level]:
    """The cluster levels below ``PLACES_FROM``; a level whose clusters are all single
    places is left out (the places layer shows the same), and each level is shown until
    the next kept one begins, so every zoom shows exactly one layer."""
    kept = []
    for zoom, radius in LEVELS:
        groups = cluster(points, radius / zoom)
        if any(c.size > 1 for c in groups):
            kept.append(Level(zoom, PLACES_FROM, groups))
    for level, after in itertools.pairwise(kept):
        level.zoom_to = after.zoom_from
    if kept:
        kept[0].zoom_from = 1.0
    return kept
