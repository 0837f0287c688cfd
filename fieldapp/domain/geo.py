"""Geodesy on WGS-84: distance and bearing, averaging fixes, and GCJ-02 for display. Pure.

Distances use Vincenty's inverse formula on the WGS-84 ellipsoid (sub-millimetre where it
converges); for nearly antipodal points, where Vincenty may not converge, it falls back to a
spherical great circle (error up to ~0.5 %, irrelevant at outfall scale).

GCJ-02 (the "Mars" coordinates of Amap and Tencent basemaps) is for DISPLAY ONLY: convert a stored
WGS-84 coordinate to draw it on such a basemap, and convert a point picked on such a basemap back.
Never store GCJ-02 as the master coordinate (DOMAIN.md, Coordinates). Outside mainland China the
shift is not applied, as the basemaps themselves do.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563
WGS84_B = WGS84_A * (1 - WGS84_F)
MEAN_EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True, slots=True)
class LatLon:
    """A WGS-84 point in decimal degrees."""

    lat: float
    lon: float


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in metres on WGS-84."""
    return inverse(lat1, lon1, lat2, lon2)[0]


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from point 1 to point 2, degrees clockwise from true north, [0, 360)."""
    return inverse(lat1, lon1, lat2, lon2)[1]


def inverse(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """(distance in metres, initial bearing in degrees) from point 1 to point 2 (Vincenty)."""
    if lat1 == lat2 and lon1 == lon2:
        return 0.0, 0.0
    f, a, b = WGS84_F, WGS84_A, WGS84_B
    big_l = math.radians(lon2 - lon1)
    u1 = math.atan((1 - f) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - f) * math.tan(math.radians(lat2)))
    sin_u1, cos_u1 = math.sin(u1), math.cos(u1)
    sin_u2, cos_u2 = math.sin(u2), math.cos(u2)
    lam = big_l
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0:
            return 0.0, 0.0
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha * sin_alpha
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha != 0 else 0.0
        c = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
        lam_prev = lam
        lam = big_l + (1 - c) * f * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm * cos_2sm))
        )
        if abs(lam - lam_prev) < 1e-12:
            break
    else:
        return _great_circle(lat1, lon1, lat2, lon2)
    u_sq = cos2_alpha * (a * a - b * b) / (b * b)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta_sigma = (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (-1 + 2 * cos_2sm * cos_2sm)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm * cos_2sm)
            )
        )
    )
    distance = b * big_a * (sigma - delta_sigma)
    azimuth = math.atan2(cos_u2 * math.sin(lam), cos_u1 * sin_u2 - sin_u1 * cos_u2 * math.cos(lam))
    return distance, math.degrees(azimuth) % 360.0


def _great_circle(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    distance = 2 * MEAN_EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return distance, math.degrees(math.atan2(y, x)) % 360.0


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
