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
from typing import TypeVar

from ledgerio.coords import distance_m

K = TypeVar("K", bound=Hashable)

CLUSTER_DISTANCE_M = 50.0
DUPLICATE_DISTANCE_M = 30.0
_M_PER_DEG_LAT = 111_320.0


@dataclass(frozen=True)
class Duplicate:
    """The nearest existing outfall within the duplicate distance of a lead."""

    outfall_id: str
    distance_m: float


def _cell(lat: float, lon: float, size_m: float) -> tuple[int, int]:
    lon_m = _M_PER_DEG_LAT * max(math.cos(math.radians(lat)), 0.01)
    return math.floor(lat * _M_PER_DEG_LAT / size_m), math.floor(lon * lon_m / size_m)


def _grid(
    points: Sequence[tuple[K, float, float]], size_m: float
) -> dict[tuple[int, int], list[int]]:
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (_, lat, lon) in enumerate(points):
        grid[_cell(lat, lon, size_m)].append(i)
    return grid


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

    grid = _grid(points, distance)
    for i, (_, lat, lon) in enumerate(points):
        for j in _around(grid, _cell(lat, lon, distance)):
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
    grid = _grid(outfalls, distance)
    found: dict[K, Duplicate] = {}
    for key, lat, lon in leads:
        best: Duplicate | None = None
        for j in _around(grid, _cell(lat, lon, distance)):
            outfall_id, olat, olon = outfalls[j]
            d = distance_m(lat, lon, olat, olon)
            if d <= distance and (best is None or d < best.distance_m):
                best = Duplicate(outfall_id, round(d, 1))
        if best is not None:
            found[key] = best
    return found
