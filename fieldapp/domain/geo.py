"""Averaging fixes and GCJ-02 for display. Pure. Distances, bearings and boxes are in ``geodesy``.

GCJ-02 (the "Mars" coordinates of Amap and Tencent basemaps) is for DISPLAY ONLY: convert a stored
WGS-84 coordinate to draw it on such a basemap, and convert a point picked on such a basemap back.
Never store GCJ-02 as the master coordinate (DOMAIN.md, Coordinates). Outside mainland China the
shift is not applied, as the basemaps themselves do.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from geodesy import distance_m


@dataclass(frozen=True, slots=True)
class LatLon:
    """A WGS-84 point in decimal degrees."""

    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class AveragedPoint:
    """The mean of several points and how far they spread (RMS distance from the mean, metres)."""

    lat: float
    lon: float
    spread_m: float
    n: int


def average(points: Sequence[tuple[float, float]]) -> AveragedPoint:
    """Mean of (lat, lon) points a few hundred metres apart at most (a local flat average).

    Longitudes are averaged relative to the first point, so points either side of the 180°
    meridian average correctly.
    """
    if not points:
        raise ValueError("average() needs at least one point")
    lon0 = points[0][1]
    n = len(points)
    mean_lat = sum(p[0] for p in points) / n
    mean_dlon = sum(_wrap180(p[1] - lon0) for p in points) / n
    mean_lon = _wrap180(lon0 + mean_dlon)
    sq = sum(distance_m(mean_lat, mean_lon, p[0], p[1]) ** 2 for p in points)
    return AveragedPoint(mean_lat, mean_lon, math.sqrt(sq / n), n)


def _wrap180(degrees: float) -> float:
    return (degrees + 180.0) % 360.0 - 180.0


# --- GCJ-02, display only ----------------------------------------------------------------------

_GCJ_A = 6_378_245.0  # Krasovsky 1940, as the published GCJ-02 algorithm uses
_GCJ_EE = 0.00669342162296594323


def outside_china(lat: float, lon: float) -> bool:
    """The rough rectangle outside which GCJ-02 applies no shift."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """WGS-84 → GCJ-02, FOR DISPLAY on Amap/Tencent basemaps only. Returns (lat, lon)."""
    if outside_china(lat, lon):
        return lat, lon
    d_lat = _transform_lat(lon - 105.0, lat - 35.0)
    d_lon = _transform_lon(lon - 105.0, lat - 35.0)
    rad_lat = math.radians(lat)
    magic = 1 - _GCJ_EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_GCJ_A * (1 - _GCJ_EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_GCJ_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lat + d_lat, lon + d_lon


def gcj02_to_wgs84(lat: float, lon: float, tolerance_deg: float = 1e-9) -> tuple[float, float]:
    """GCJ-02 → WGS-84 by iteration (to ~1e-9 degrees), for points picked on a GCJ-02 basemap."""
    wgs_lat, wgs_lon = lat, lon
    for _ in range(30):
        g_lat, g_lon = wgs84_to_gcj02(wgs_lat, wgs_lon)
        d_lat, d_lon = g_lat - lat, g_lon - lon
        wgs_lat, wgs_lon = wgs_lat - d_lat, wgs_lon - d_lon
        if abs(d_lat) < tolerance_deg and abs(d_lon) < tolerance_deg:
            break
    return wgs_lat, wgs_lon


def _transform_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret
