"""Web-mercator tile math (EPSG:3857, the XYZ / "slippy map" scheme): pure functions, no I/O.

World coordinates are normalised to [0, 1) on both axes: x grows east from longitude -180, y grows
south from the top edge (latitude ≈ 85.05). At zoom ``z`` the world is ``TILE_SIZE * 2**z`` pixels
wide, split into ``2**z`` tiles per axis. MBTiles files number rows the TMS way (row 0 at the
bottom): ``tms_row`` flips between the two.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

TILE_SIZE = 256
MAX_LATITUDE = 85.0511287798  # where web mercator's square world ends
EARTH_CIRCUMFERENCE_M = 2 * math.pi * 6378137.0


def world_x(lon: float) -> float:
    """Longitude (degrees) → normalised world x."""
    return (lon + 180.0) / 360.0


def world_y(lat: float) -> float:
    """Latitude (degrees) → normalised world y (0 at the top)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    s = math.sin(math.radians(lat))
    return 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)


def to_world(lat: float, lon: float) -> tuple[float, float]:
    return world_x(lon), world_y(lat)


def to_lat_lon(x: float, y: float) -> tuple[float, float]:
    """Normalised world (x, y) → (lat, lon) in degrees."""
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lat, lon


def world_size_px(zoom: float) -> float:
    """Width of the whole world in pixels at a (possibly fractional) zoom."""
    return TILE_SIZE * 2.0**zoom


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Ground distance of one pixel at a latitude and zoom."""
    return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)) / world_size_px(zoom)


def tms_row(z: int, y: int) -> int:
    """XYZ row ↔ TMS row (MBTiles stores TMS rows: row 0 at the bottom). Its own inverse."""
    return (1 << z) - 1 - y


@dataclass(frozen=True)
class TileKey:
    z: int
    x: int
    y: int  # XYZ row, 0 at the top


def tiles_covering(x0: float, y0: float, x1: float, y1: float, z: int) -> Iterator[TileKey]:
    """The tiles of zoom ``z`` overlapping the world rectangle [x0, x1] × [y0, y1]."""
    n = 1 << z
    tx0, tx1 = max(0, math.floor(x0 * n)), min(n - 1, math.floor(x1 * n))
    ty0, ty1 = max(0, math.floor(y0 * n)), min(n - 1, math.floor(y1 * n))
    for ty in range(ty0, ty1 + 1):
        for tx in range(tx0, tx1 + 1):
            yield TileKey(z, tx, ty)


def nice_scale_length(max_m: float) -> float:
    """The largest 1, 2 or 5 × 10^n metres not over ``max_m`` (a scale bar's length)."""
    if max_m <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(max_m))
    for step in (5, 2, 1):
        if step * power <= max_m:
            return step * power
    return power


def fit_zoom(x0: float, y0: float, x1: float, y1: float, width: int, height: int) -> float:
    """The zoom at which the world rectangle fills a width × height viewport."""
    span_x = max(x1 - x0, 1e-9)
    span_y = max(y1 - y0, 1e-9)
    zx = math.log2(width / (TILE_SIZE * span_x))
    zy = math.log2(height / (TILE_SIZE * span_y))
    return min(zx, zy)
