"""Small plane geometry on lon/lat for drawing demo positions (degrees; fine at county scale)."""

from __future__ import annotations

import math
import random

Point = tuple[float, float]  # (lon, lat)


def contains(polygon: list[Point], p: Point) -> bool:
    """Ray casting: is p inside the polygon?"""
    x, y = p
    inside = False
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def centroid(polygon: list[Point]) -> Point:
    return (
        sum(p[0] for p in polygon) / len(polygon),
        sum(p[1] for p in polygon) / len(polygon),
    )


def random_inside(polygon: list[Point], rng: random.Random, margin: float = 0.1) -> Point:
    """A point inside the polygon, pulled towards its centroid by `margin` to stay off the edges."""
    lons = [p[0] for p in polygon]
    lats = [p[1] for p in polygon]
    cx, cy = centroid(polygon)
    while True:
        p = (rng.uniform(min(lons), max(lons)), rng.uniform(min(lats), max(lats)))
        if contains(polygon, p):
            q = (p[0] + (cx - p[0]) * margin, p[1] + (cy - p[1]) * margin)
            if contains(polygon, q):
                return q


def random_on_shore(
    shore: list[Point], polygon: list[Point], rng: random.Random, inland_m: float = 150.0
) -> Point:
    """A point on a shore polyline, moved `inland_m` towards the county's inside."""
    lengths = [math.dist(shore[i], shore[i + 1]) for i in range(len(shore) - 1)]
    pick = rng.uniform(0, sum(lengths))
    for i, seg in enumerate(lengths):
        if pick <= seg or i == len(lengths) - 1:
            t = pick / seg if seg else 0.0
            (x1, y1), (x2, y2) = shore[i], shore[i + 1]
            p = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
            break
        pick -= seg
    cx, cy = centroid(polygon)
    d = math.dist(p, (cx, cy)) or 1.0
    step = inland_m / 100_000  # ~metres to degrees at this latitude, close enough for a demo
    q = (p[0] + (cx - p[0]) / d * step, p[1] + (cy - p[1]) / d * step)
    return q if contains(polygon, q) else random_inside(polygon, rng, margin=0.3)
