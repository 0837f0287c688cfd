"""Leads grouped by distance, and the existing outfall a lead probably duplicates. Pure.

Clusters are single-linkage: two leads closer than the distance share a cluster, and so do their
neighbours' neighbours (a survey flying along a ditch marks one outfall several times). A grid of
cells one distance wide keeps it near-linear: only the 3x3 cells around a lead are compared.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from geodesy import bounding_box, distance_m

K = TypeVar("K", bound=Hashable)

CLUSTER_DISTANCE_M = 50.0
DUPLICATE_DISTANCE_M = 30.0


@dataclass(frozen=True)
class Duplicate:
    """The nearest existing outfall within the duplicate distance of a lead."""

    outfall_id: str
    distance_m: float


@dataclass(frozen=True)
class _Grid:
    """Cells as tall and wide in degrees as geodesy's box around a point at the latitude farthest
    from the equator (where a degree of longitude is shortest): two points within ``size_m`` of
    each other are then at most one cell apart either way."""

    lat_deg: float
    lon_deg: float

    @classmethod
    def over(cls, lats: Sequence[float], size_m: float) -> _Grid:
        widest = max((abs(lat) for lat in lats), default=0.0)
        box = bounding_box(widest, 0.0, size_m)  # a superset of the circle, by construction
        return cls(max(widest - box.south, 1e-9), max(box.east, 1e-9))  # south: never clamped

    def cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.lat_deg), math.floor(lon / self.lon_deg)

    def index(self, points: Sequence[tuple[Any, float, float]]) -> dict[tuple[int, int], list[int]]:
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, (_, lat, lon) in enumerate(points):
            cells[self.cell(lat, lon)].append(i)
        return cells


def _around(grid: dict[tuple[int, int], list[int]], cell: tuple[int, int]) -> list[int]:
    return [
        j
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        for j in grid.get((cell[0] + dy, cell[1] + dx), ())
    ]


def cluster(
    points: Sequence[tuple[K, float, float]], distance: float = CLUSTER_DISTANCE_M
) -> list[list[K]]:
    """Groups of keys of (key, lat, lon) points linked by distances of at most ``distance`` metres.

    Every point is in exactly one group; groups keep the input order inside and are ordered by
    their first point.
    """
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    grid = _Grid.over([lat for _, lat, _ in points], distance)
    cells = grid.index(points)
    for i, (_, lat, lon) in enumerate(points):
        for j in _around(cells, grid.cell(lat, lon)):
            if j > i and distance_m(lat, lon, points[j][1], points[j][2]) <= distance:
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[K]] = {}
    for i, (key, _, _) in enumerate(points):
        groups.setdefault(root(i), []).append(key)
    return list(groups.values())


def likely_duplicates(
    leads: Sequence[tuple[K, float, float]],
    outfalls: Sequence[tuple[str, float, float]],
    distance: float = DUPLICATE_DISTANCE_M,
) -> dict[K, Duplicate]:
    """For each lead with an existing outfall within ``distance`` metres, the nearest one."""
    grid = _Grid.over([p[1] for p in (*leads, *outfalls)], distance)
    cells = grid.index(outfalls)
    found: dict[K, Duplicate] = {}
    for key, lat, lon in leads:
        best: Duplicate | None = None
        for j in _around(cells, grid.cell(lat, lon)):
            outfall_id, olat, olon = outfalls[j]
            d = distance_m(lat, lon, olat, olon)
            if d <= distance and (best is None or d < best.distance_m):
                best = Duplicate(outfall_id, round(d, 1))
        if best is not None:
            found[key] = best
    return found
