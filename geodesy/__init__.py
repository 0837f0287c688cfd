"""Distances, bearings and bounding boxes on the WGS-84 ellipsoid: the one implementation the
device and the server share. Pure: imports nothing of the project.

Distances use Vincenty's inverse formula (sub-millimetre where it converges); for nearly antipodal
points, where Vincenty may not converge, it falls back to a spherical great circle (error up to
~0.5 %, irrelevant at outfall scale).

A bounding box is a guaranteed superset of the geodesic circle: its half-heights come from the
ellipsoid's smallest meridional radius of curvature and its half-widths from the parallel's radius
at the box's most poleward edge, so no point within the distance falls outside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563
WGS84_B = WGS84_A * (1 - WGS84_F)
MEAN_EARTH_RADIUS_M = 6_371_008.8


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


_E2 = WGS84_F * (2 - WGS84_F)
# The meridional radius of curvature is smallest at the equator: a(1 - e²).
_MIN_MERIDIAN_RADIUS_M = WGS84_A * (1 - _E2)
# Float rounding must never shrink a box below the circle.
_SLACK = 1.000001


def metres_per_degree(lat: float) -> tuple[float, float]:
    """(east-west, north-south) metres per degree at ``lat``, for local flat projections."""
    phi = math.radians(lat)
    w = math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    prime_vertical = WGS84_A / w
    meridional = WGS84_A * (1 - _E2) / w**3
    return math.radians(1) * prime_vertical * math.cos(phi), math.radians(1) * meridional


@dataclass(frozen=True, slots=True)
class Box:
    """South, north, west, east in degrees. West and east are not wrapped: a value beyond ±180
    means the box crosses the antimeridian; a box touching a pole spans every longitude."""

    south: float
    north: float
    west: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        if not self.south <= lat <= self.north:
            return False
        if self.east - self.west >= 360.0:
            return True
        shifted = self.west + (lon - self.west) % 360.0
        return shifted <= self.east


def box_around(south: float, west: float, north: float, east: float, radius_m: float) -> Box:
    """The box holding every point within ``radius_m`` of the box (south, west, north, east)."""
    dlat = math.degrees(radius_m / _MIN_MERIDIAN_RADIUS_M) * _SLACK
    new_south, new_north = south - dlat, north + dlat
    if new_south <= -90.0 or new_north >= 90.0:
        return Box(max(new_south, -90.0), min(new_north, 90.0), -180.0, 180.0)
    # Any path shorter than radius_m stays inside [new_south, new_north], where each degree of
    # longitude is at least as long as on the most poleward parallel (N·cos φ falls with |φ|).
    poleward = max(abs(new_south), abs(new_north))
    phi = math.radians(poleward)
    parallel_radius = WGS84_A * math.cos(phi) / math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    dlon = math.degrees(radius_m / parallel_radius) * _SLACK
    if east - west + 2 * dlon >= 360.0:
        return Box(new_south, new_north, -180.0, 180.0)
    return Box(new_south, new_north, west - dlon, east + dlon)


def bounding_box(lat: float, lon: float, radius_m: float) -> Box:
    """The box holding every point within geodesic distance ``radius_m`` of (lat, lon)."""
    return box_around(lat, lon, lat, lon, radius_m)
