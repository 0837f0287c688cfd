"""Photo plausibility flags: far from the outfall, taken long before or after the inspection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from fieldapp.domain.photo_checks import check_photo, time_offset_s

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
