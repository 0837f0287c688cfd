"""The one distance and box: Vincenty's inverse against an independent reference (Vincenty's
direct formula, a different series), and boxes that hold every point of the circle."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geodesy

A, F = geodesy.WGS84_A, geodesy.WGS84_F
B = A * (1 - F)


def direct(lat: float, lon: float, azimuth_deg: float, distance: float) -> tuple[float, float]:
    """Vincenty's direct problem: the point ``distance`` metres from (lat, lon) along the azimuth."""
    alpha1 = math.radians(azimuth_deg)
    tan_u1 = (1 - F) * math.tan(math.radians(lat))
    cos_u1 = 1 / math.sqrt(1 + tan_u1 * tan_u1)
    sin_u1 = tan_u1 * cos_u1
    sigma1 = math.atan2(tan_u1, math.cos(alpha1))
    sin_alpha = cos_u1 * math.sin(alpha1)
    cos2_alpha = 1 - sin_alpha * sin_alpha
    u_sq = cos2_alpha * (A * A - B * B) / (B * B)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    sigma = distance / (B * big_a)
    for _ in range(200):
        cos_2sm = math.cos(2 * sigma1 + sigma)
        sin_s, cos_s = math.sin(sigma), math.cos(sigma)
        delta = (
            big_b
            * sin_s
            * (
                cos_2sm
                + big_b
                / 4
                * (
                    cos_s * (-1 + 2 * cos_2sm**2)
                    - big_b / 6 * cos_2sm * (-3 + 4 * sin_s**2) * (-3 + 4 * cos_2sm**2)
                )
            )
        )
        previous, sigma = sigma, distance / (B * big_a) + delta
        if abs(sigma - previous) < 1e-13:
            break
    sin_s, cos_s = math.sin(sigma), math.cos(sigma)
    cos_2sm = math.cos(2 * sigma1 + sigma)
    x = sin_u1 * sin_s - cos_u1 * cos_s * math.cos(alpha1)
    lat2 = math.atan2(
        sin_u1 * cos_s + cos_u1 * sin_s * math.cos(alpha1), (1 - F) * math.hypot(sin_alpha, x)
    )
    lam = math.atan2(sin_s * math.sin(alpha1), cos_u1 * cos_s - sin_u1 * sin_s * math.cos(alpha1))
    c = F / 16 * cos2_alpha * (4 + F * (4 - 3 * cos2_alpha))
    big_l = lam - (1 - c) * F * sin_alpha * (
        sigma + c * sin_s * (cos_2sm + c * cos_s * (-1 + 2 * cos_2sm**2))
    )
    lon2 = (lon + math.degrees(big_l) + 180) % 360 - 180
    return math.degrees(lat2), lon2


latitude = st.floats(-85.0, 85.0)
longitude = st.floats(-180.0, 180.0)
azimuth = st.floats(0.0, 360.0, exclude_max=True)


@given(latitude, longitude, azimuth, st.floats(0.01, 2_000_000.0))
def test_inverse_agrees_with_the_direct_reference_within_a_millimetre(
    lat: float, lon: float, az: float, distance: float
) -> None:
    lat2, lon2 = direct(lat, lon, az, distance)
    assert geodesy.distance_m(lat, lon, lat2, lon2) == pytest.approx(distance, abs=0.001)


@given(latitude, longitude, azimuth, st.floats(0.0, 1.0), st.floats(1.0, 200_000.0))
def test_the_box_holds_every_point_within_the_distance(
    lat: float, lon: float, az: float, fraction: float, radius: float
) -> None:
    lat2, lon2 = direct(lat, lon, az, radius * fraction)
    assert geodesy.bounding_box(lat, lon, radius).contains(lat2, lon2)


@given(st.floats(-60.0, 60.0), st.floats(-170.0, 170.0), st.floats(10.0, 50_000.0))
def test_the_box_is_not_much_bigger_than_the_circle(lat: float, lon: float, radius: float) -> None:
    box = geodesy.bounding_box(lat, lon, radius)
    north = geodesy.distance_m(lat, lon, box.north, lon)
    assert radius <= north <= radius * 1.01
    assert geodesy.distance_m(lat, lon, lat, box.east) <= radius * 1.05


def test_a_box_around_a_pole_spans_every_longitude() -> None:
    box = geodesy.bounding_box(89.99, 10.0, 5_000.0)
    assert (box.north, box.west, box.east) == (90.0, -180.0, 180.0)
    assert box.contains(89.995, -170.0)


def test_a_box_across_the_antimeridian_holds_both_sides() -> None:
    box = geodesy.bounding_box(0.0, 179.999, 1_000.0)
    assert box.east > 180.0
    assert box.contains(0.0, -179.995)
    assert not box.contains(0.0, -179.0)


def test_the_box_around_a_track_grows_by_the_margin() -> None:
    box = geodesy.box_around(32.0, 120.9, 32.01, 120.92, 100.0)
    assert box.contains(32.0, 120.9) and box.contains(32.01, 120.92)
    assert geodesy.distance_m(32.01, 120.92, box.north, 120.92) == pytest.approx(100, rel=0.01)


def test_metres_per_degree_matches_short_distances() -> None:
    kx, ky = geodesy.metres_per_degree(32.0)
    assert geodesy.distance_m(32.0, 120.9, 32.0, 120.901) == pytest.approx(kx / 1000, rel=1e-4)
    assert geodesy.distance_m(31.9995, 120.9, 32.0005, 120.9) == pytest.approx(ky / 1000, rel=1e-4)
