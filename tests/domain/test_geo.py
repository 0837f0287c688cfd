"""Distance, bearing, averaging and the display-only GCJ-02 shift."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geodesy
from fieldapp.domain import geo


def dms(d: float, m: float, s: float) -> float:
    return math.copysign(abs(d) + m / 60 + s / 3600, d)


def test_vincenty_flinders_peak_to_buninyong() -> None:
    # The textbook Vincenty example (Geoscience Australia): 54,972.271 m at 306°52'05.37".
    distance, bearing = geodesy.inverse(
        dms(-37, 57, 3.72030),
        dms(144, 25, 29.52440),
        dms(-37, 39, 10.15610),
        dms(143, 55, 35.38390),
    )
    assert distance == pytest.approx(54_972.271, abs=0.001)
    assert bearing == pytest.approx(dms(306, 52, 5.37), abs=1e-5)


def test_nantong_short_distances() -> None:
    # Two points 0.001° of latitude apart near Nantong: about 110.9 m due north.
    distance, bearing = geodesy.inverse(32.0, 120.9, 32.001, 120.9)
    assert distance == pytest.approx(110.9, abs=0.2)
    assert bearing == pytest.approx(0.0, abs=1e-9)
    assert geodesy.distance_m(32.0, 120.9, 32.0, 120.9) == 0.0


def test_nearly_antipodal_points_still_give_an_answer() -> None:
    distance = geodesy.distance_m(0.0, 0.0, 0.5, 179.7)
    assert 19_900_000 < distance < 20_100_000


coord = st.tuples(st.floats(-89.9, 89.9), st.floats(-180, 180))


@given(coord, coord)
def test_distance_is_symmetric_and_close_to_a_sphere(
    a: tuple[float, float], b: tuple[float, float]
) -> None:
    d1 = geodesy.distance_m(*a, *b)
    d2 = geodesy.distance_m(*b, *a)
    assert d1 == pytest.approx(d2, rel=1e-6, abs=1e-3)
    sphere = geodesy._great_circle(*a, *b)[0]
    assert d1 == pytest.approx(sphere, rel=0.006, abs=1e-3)


def test_average_and_spread() -> None:
    mean = geo.average([(32.0, 120.9), (32.0002, 120.9), (32.0, 120.9002), (32.0002, 120.9002)])
    assert (mean.lat, mean.lon) == pytest.approx((32.0001, 120.9001))
    assert 10 < mean.spread_m < 20 and mean.n == 4


def test_average_across_the_antimeridian() -> None:
    mean = geo.average([(0.0, 179.9999), (0.0, -179.9999)])
    assert abs(abs(mean.lon) - 180.0) < 1e-9


def test_gcj02_known_value() -> None:
    # Reference value from the eviltransform test suite (Tiananmen).
    assert geo.wgs84_to_gcj02(39.915, 116.404) == pytest.approx(
        (39.91640428150164, 116.41024449916938), abs=1e-9
    )


def test_gcj02_is_not_applied_outside_china() -> None:
    assert geo.wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)


@given(st.floats(18.0, 53.0), st.floats(74.0, 134.0))
def test_gcj02_round_trip(lat: float, lon: float) -> None:
    back = geo.gcj02_to_wgs84(*geo.wgs84_to_gcj02(lat, lon))
    assert back == pytest.approx((lat, lon), abs=1e-7)
    # The shift is a few hundred metres at most in China.
    assert geodesy.distance_m(lat, lon, *geo.wgs84_to_gcj02(lat, lon)) < 1000
