"""Synced REAL values round-trip exactly: capture on one device, push to a real server on loopback
(SQLite and PostgreSQL), pull and apply on a second device. SQLite's ``json_object`` writes a REAL
with 15 significant digits, so without care 43.46708166666389 arrives as 43.4670816666639."""

from __future__ import annotations

import json
import struct
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fieldapp.store import database, synced_rows

from .conftest import Device, World, now_iso

LAT = st.floats(min_value=-90, max_value=90, allow_nan=False, allow_subnormal=True)
LON = st.floats(min_value=-180, max_value=180, allow_nan=False, allow_subnormal=True)
# the accuracy column takes any finite float: very small, very large, negative
ANY = st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=True)


def bits(x: float) -> bytes:
    return struct.pack("<d", x)


def same(a: Any, b: Any) -> bool:
    # SQLite stores -0.0 in a REAL column as 0, so a device cannot keep the sign of a zero
    if isinstance(a, float) and isinstance(b, float) and a == 0.0 == b:
        return True
    return type(a) is type(b) and (bits(a) == bits(b) if isinstance(a, float) else a == b)


@pytest.fixture(params=["sqlite_server", "pg_server"])
def world(request: pytest.FixtureRequest, profile_template: Path, schedule_tmp: Path) -> Any:
    w = World(request.getfixturevalue(request.param), profile_template, schedule_tmp, seed=7)
    w.device("writer", "supervisor")
    w.device("reader", "supervisor")
    yield w
    w.close()


def new_outfall(device: Device, lat: float, lon: float, accuracy: float) -> str:
    row_id = str(uuid.uuid4())
    code = uuid.uuid4().hex[:12].upper()
    with database.transaction(device.conn):
        device.conn.execute(
            "INSERT INTO outfalls (id, name, national_code, type_code, receiving_kind, basin,"
            " county_code, lifecycle_state, created_at, updated_at, updated_by, lat, lon,"
            " position_accuracy_m) VALUES (?, ?, ?, 'other', 'river', 'yangtze', ?, 'survey',"
            " ?, ?, ?, ?, ?, ?)",
            (row_id, f"排口{code}", f"{device.world.county}N{code}", device.world.county,
             now_iso(), now_iso(), device.user, lat, lon, accuracy),
        )  # fmt: skip
    return row_id


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lat=LAT, lon=LON, accuracy=ANY)
@example(lat=43.46708166666389, lon=120.86580833333334, accuracy=1.7976931348623157e308)
@example(lat=-5e-324, lon=-179.99999999999997, accuracy=2.2250738585072014e-308)
@example(lat=1.0, lon=-0.1, accuracy=-1.2096210267489928e204)
def test_real_values_round_trip_exactly(world: World, lat: float, lon: float, accuracy: float):
    writer, reader = world.devices
    row_id = new_outfall(writer, lat, lon, accuracy)
    sent = {"lat": lat, "lon": lon, "position_accuracy_m": accuracy}

    captured = json.loads(
        writer.conn.execute(
            "SELECT data FROM change_log WHERE entity = 'outfalls' AND row_id = ?", (row_id,)
        ).fetchone()[0]
    )
    for column, value in sent.items():
        assert same(captured[column], value), ("captured", column, captured[column], value)

    assert writer.sync().ok
    stored = world.server_rows("outfalls")[row_id]
    for column, value in sent.items():
        assert same(stored[column], value), ("server", column, stored[column], value)

    assert reader.sync().ok
    applied = reader.conn.execute(
        "SELECT lat, lon, position_accuracy_m FROM outfalls WHERE id = ?", (row_id,)
    ).fetchone()
    for (column, value), got in zip(sent.items(), applied, strict=True):
        assert same(got, value), ("applied", column, got, value)
    pulled = synced_rows.row_data(reader.conn, "outfalls", row_id)
    assert pulled == synced_rows.row_data(writer.conn, "outfalls", row_id)
