"""Fixtures for the inspection side: a profile with a few outfalls, the lane, the entry API."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp import reference_data
from fieldapp.domain.outfall import Outfall, OutfallId
from fieldapp.store import database, outfalls

TESTDATA = Path(os.environ["HEKOU_SHARED"]) / "testdata"
PHOTOS = TESTDATA / "photos"
NMEA = TESTDATA / "nmea"

# The u-blox NEO-M9N log was recorded near 38.1105 N, 122.6269 W; an outfall loaded there (as if
# pulled from the server, so not subject to the Nantong box) lets a replay land close to it.
UBLOX_LOG = NMEA / "ublox-neo-m9n-nmea.log"
NEAR_UBLOX = (38.11050, -122.62690)


def outfall(n: int, **fields: object) -> Outfall:
    base = dict(
        id=OutfallId(f"00000000-0000-4000-8000-{n:012d}"),
        name=f"通州区金沙街道新华村东侧{n}00m城镇雨洪排口",
        national_code=f"320612R{n:06d}",
        type_code="other",
        subtype_code="urban_storm",
        receiving_kind="river",
        basin="yangtze",
        water_body="通吕运河",
        county_code="320612",
        town="金沙街道",
        village="新华村",
        lat=32.08 + n * 0.001,
        lon=121.05,
        position_accuracy_m=4.0,
        position_source="gnss",
        lifecycle_state="surveyed",
        created_at="2024-01-01T00:00:00Z",
        updated_at="2024-01-01T00:00:00Z",
    )
    base.update(fields)
    return Outfall(**base)  # type: ignore[arg-type]


NANTONG = outfall(1)
CALIFORNIA = outfall(2, lat=NEAR_UBLOX[0], lon=NEAR_UBLOX[1], name="测试排口（日志位置）")
OTHERS = [outfall(n) for n in range(3, 9)]


@pytest.fixture
def profile_path(tmp_path: Path) -> Path:
    path = tmp_path / "profile.sqlite"
    conn = database.open_profile(path)
    try:
        outfalls.bulk_load_incoming(conn, [(o, []) for o in (NANTONG, CALIFORNIA, *OTHERS)])
    finally:
        conn.close()
    return path


@dataclass
class Harness:
    path: Path
    entry: object
    lane: object
    writer: object


def _harness(qtbot, profile_path: Path, lang: str) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    from fieldapp.ui.app import make_app
    from fieldapp.ui.inspection import InspectionEntry
    from fieldapp.ui.labels import Labels
    from fieldapp.ui.lane import BackgroundLane

    make_app(lang)
    writer = database.open_profile(profile_path)
    lane = BackgroundLane()
    entry = InspectionEntry(
        profile_path, writer, lane, Labels(reference_data.load(), lang), "测试员", replay_speed=None
    )
    yield Harness(profile_path, entry, lane, writer)
    entry.close()
    qtbot.waitUntil(lambda: not lane.busy, timeout=5000)
    lane.shutdown()
    writer.close()


@pytest.fixture
def en(qtbot, profile_path: Path) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    yield from _harness(qtbot, profile_path, "en")


@pytest.fixture
def zh(qtbot, profile_path: Path) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    yield from _harness(qtbot, profile_path, "zh_CN")
