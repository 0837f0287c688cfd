"""Photo plausibility flags: far from the outfall, taken long before or after the inspection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.inspection import PositionRecord
from fieldapp.domain.photo_checks import (
    CoordinateSource,
    check_photo,
    photo_coordinates,
    time_offset_s,
)

INSPECTION = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)  # 10:00 in Nantong


def check(**kw: object) -> object:
    args: dict[str, object] = {
        "photo_lat": 32.0,
        "photo_lon": 120.9,
        "taken_at": datetime(2026, 5, 1, 10, 5),  # naive: camera clock in China time
        "outfall_lat": 32.0,
        "outfall_lon": 120.9,
        "inspection_time": INSPECTION,
        "max_distance_m": 100.0,
        "max_time_offset_s": 3600.0,
    }
    args.update(kw)
    return check_photo(**args)  # type: ignore[arg-type]


def test_plausible_photo() -> None:
    flags = check()
    assert not flags.flagged  # type: ignore[attr-defined]
    assert flags.time_offset_s == 300  # type: ignore[attr-defined]
    assert flags.distance_m == 0  # type: ignore[attr-defined]


def test_far_and_late() -> None:
    flags = check(
        photo_lat=32.01, taken_at=datetime(2026, 5, 1, 2, 0, tzinfo=UTC) + timedelta(days=2)
    )
    assert flags.far_from_outfall and flags.time_implausible  # type: ignore[attr-defined]
    assert flags.distance_m == pytest.approx(1109, abs=2)  # type: ignore[attr-defined]


def test_missing_facts_are_not_flags() -> None:
    flags = check(photo_lat=None, taken_at=None)
    assert flags.no_position and flags.no_time and not flags.flagged  # type: ignore[attr-defined]


def test_camera_offsets() -> None:
    finland = datetime(2026, 5, 1, 5, 0, tzinfo=timezone(timedelta(hours=3)))
    assert time_offset_s(finland, INSPECTION) == 0
    assert time_offset_s(datetime(2026, 5, 1, 2, 0), INSPECTION, timedelta(0)) == 0
    with pytest.raises(ValueError):
        time_offset_s(finland, datetime(2026, 5, 1, 2, 0))


# -- which coordinates a photo is shown with ------------------------------------------------------

GNSS_FIX = PositionRecord(
    32.0123456, 120.8765432, 3.6, "gnss", n_fixes=5, captured_at="2026-05-01T02:21:05.000Z"
)


def test_a_photo_with_gps_keeps_its_own_coordinates() -> None:
    where = photo_coordinates(43.4674483, 11.8851267, GNSS_FIX)
    assert where is not None and where.from_photo
    assert (where.lat, where.lon, where.accuracy_m) == (43.4674483, 11.8851267, None)


def test_a_photo_without_gps_gets_the_inspection_fix_labelled_as_such() -> None:
    where = photo_coordinates(None, None, GNSS_FIX)
    assert where is not None and not where.from_photo
    assert where.source is CoordinateSource.INSPECTION_GNSS
    assert (where.lat, where.lon, where.accuracy_m, where.n_fixes) == (
        32.0123456,
        120.8765432,
        3.6,
        5,
    )
    assert where.captured_at == datetime(2026, 5, 1, 2, 21, 5, tzinfo=UTC)


def test_no_coordinates_without_either() -> None:
    assert photo_coordinates(None, None, None) is None
    assert photo_coordinates(32.0, None, None) is None  # half a position is none
    unknown = PositionRecord(32.0, 120.0, None, "beacon")
    assert photo_coordinates(None, None, unknown) is None  # a source we cannot name: not shown


latitudes = st.floats(-90, 90, allow_nan=False)
longitudes = st.floats(-180, 180, allow_nan=False)
inspection_positions = st.builds(
    PositionRecord,
    lat=latitudes,
    lon=longitudes,
    accuracy_m=st.none() | st.floats(0, 500),
    source=st.sampled_from(["gnss", "photo_exif", "manual"]),
    n_fixes=st.integers(1, 30),
    reason=st.none() | st.text(max_size=80),
    captured_at=st.none() | st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat()),
)


@given(
    photo_lat=st.none() | latitudes,
    photo_lon=st.none() | longitudes,
    inspection=st.none() | inspection_positions,
)
def test_coordinates_are_never_misattributed(
    photo_lat: float | None, photo_lon: float | None, inspection: PositionRecord | None
) -> None:
    where = photo_coordinates(photo_lat, photo_lon, inspection)
    if photo_lat is not None and photo_lon is not None:
        assert (
            where is not None
            and where.from_photo
            and (where.lat, where.lon) == (photo_lat, photo_lon)
        )
    elif inspection is None:
        assert where is None
    else:
        assert where is not None and not where.from_photo
        assert (where.lat, where.lon, where.accuracy_m) == (
            inspection.lat,
            inspection.lon,
            inspection.accuracy_m,
        )
        assert (
            where.source.value
            == f"inspection_{'photo' if inspection.source == 'photo_exif' else inspection.source}"
        )
