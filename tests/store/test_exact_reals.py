"""Capture writes REAL values exactly (migration 8): `json_object` alone keeps 15 digits.

The round trip through a server and a second device is in tests/sync/test_exact_values.py.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fieldapp.store import (
    capture,
    database,
    exact_reals_schema,
    inspection_schema,
    migrations,
    patrol_problems_schema,
    patrol_schema,
    patrol_task_schema,
    synced_rows,
    task_link_schema,
)

FINITE = st.floats(allow_nan=False, allow_infinity=False)


def bits(x: float) -> bytes:
    return struct.pack("<d", x)


def capture_triggers(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_capture_%'"
        ).fetchall()
    )


def test_the_released_migration_equals_what_capture_makes_for_todays_tables():
    # migration 8 is frozen text; when a synced table or capture changes, this fails: add a
    # migration that recreates the triggers (never edit the released one)
    # the tables as migration 8 found them: patrol problems gained columns in migration 10
    # and inspections their task in migration 11
    then = {
        "patrol_problems": patrol_schema.PROBLEM_COLUMNS,
        "inspections": inspection_schema.INSPECTION_COLUMNS,
        "patrols": patrol_schema.PATROL_COLUMNS,  # their task in migration 16
    }
    later = {"lead_verifications"}  # made by migration 14 with today's triggers
    made = "".join(
        capture.recapture_sql(t.name, then.get(t.name, t.columns), t.json_columns)
        for t in synced_rows.TABLES.values()
        if t.name not in later
    )
    assert made == exact_reals_schema.MIGRATION_SQL


def test_migration_10_recaptures_patrol_problems_as_capture_makes_them_today():
    table = synced_rows.TABLES["patrol_problems"]
    made = capture.recapture_sql(table.name, table.columns, table.json_columns)
    assert patrol_problems_schema.MIGRATION_SQL.endswith(made)


def test_migration_11_recaptures_inspections_as_capture_makes_them_today():
    table = synced_rows.TABLES["inspections"]
    made = capture.recapture_sql(table.name, table.columns, table.json_columns)
    assert task_link_schema.MIGRATION_SQL.endswith(made)


def test_migration_16_recaptures_patrols_as_capture_makes_them_today():
    table = synced_rows.TABLES["patrols"]
    made = capture.recapture_sql(table.name, table.columns, table.json_columns)
    assert patrol_task_schema.MIGRATION_SQL.endswith(made)


def test_every_synced_table_has_the_exact_capture_triggers_after_the_migrations(db_path: Path):
    conn = database.open_profile(db_path)
    try:
        have = capture_triggers(conn)
    finally:
        conn.close()
    for t in synced_rows.TABLES.values():
        want = capture.triggers_sql(t.name, t.columns, t.json_columns)
        for kind in ("insert", "update", "delete"):
            name = f"{t.name}_capture_{kind}"
            assert have[name] in want, name
            if kind != "delete":
                assert "printf('%!.20e'" in have[name], name
    assert len(have) == 3 * len(synced_rows.TABLES)


def insert_outfall(conn: sqlite3.Connection, lat: object, lon: object, accuracy: object) -> str:
    row_id = str(uuid.uuid4())
    with database.transaction(conn):
        conn.execute(
            "INSERT INTO outfalls (id, name, type_code, receiving_kind, basin, county_code,"
            " lifecycle_state, created_at, updated_at, lat, lon, position_accuracy_m)"
            " VALUES (?, 'x', 'other', 'river', 'yangtze', '320612', 'survey', 't', 't', ?, ?, ?)",
            (row_id, lat, lon, accuracy),
        )
    return row_id


def captured(conn: sqlite3.Connection, row_id: str) -> dict[str, object]:
    (data,) = conn.execute(
        "SELECT data FROM change_log WHERE row_id = ? ORDER BY seq DESC LIMIT 1", (row_id,)
    ).fetchone()
    return json.loads(data)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return database.open_profile(tmp_path_factory.mktemp("exact") / "profile.sqlite")


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lat=FINITE, lon=FINITE, accuracy=FINITE)
@example(lat=43.46708166666389, lon=5e-324, accuracy=1.7976931348623157e308)
@example(lat=1.6889039354307083e221, lon=-1.2096210267489928e204, accuracy=-2.2226314998780198e-303)
def test_captured_reals_read_back_to_the_same_double(conn, lat, lon, accuracy):
    data = captured(conn, insert_outfall(conn, lat, lon, accuracy))
    for got, want in (
        (data["lat"], lat),
        (data["lon"], lon),
        (data["position_accuracy_m"], accuracy),
    ):
        assert type(got) is float
        assert got == want and (want == 0.0 or bits(got) == bits(want)), (got, want)


def test_other_values_are_captured_as_they_are(conn):
    data = captured(conn, insert_outfall(conn, None, 121, 4.0))
    assert data["lat"] is None
    assert data["lon"] == 121.0  # a REAL column stores the integer as a REAL
    assert data["position_accuracy_m"] == 4.0 and type(data["position_accuracy_m"]) is float
    assert data["name"] == "x" and data["discharging_units"] == []
    # a value SQLite keeps as text stays text, even when it reads like a number
    row_id = insert_outfall(conn, 1.0, 2.0, 3.0)
    with database.transaction(conn):
        conn.execute("UPDATE outfalls SET note = '1.50', town = 2.5 WHERE id = ?", (row_id,))
    data = captured(conn, row_id)
    assert data["note"] == "1.50" and data["town"] == "2.5"


def test_a_profile_of_schema_7_writes_reals_exactly_after_migrating(db_path: Path):
    conn = database._connect(db_path, read_only=False)
    conn.isolation_level = None
    try:
        migrations.migrate(conn, up_to=7)
        before = insert_outfall(conn, 43.46708166666389, 120.86580833333334, 3.0)
        assert captured(conn, before)["lat"] == 43.4670816666639  # what schema 7 wrote
        migrations.migrate(conn)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 8
        after = insert_outfall(conn, 43.46708166666389, 120.86580833333334, 3.0)
        data = captured(conn, after)
        assert (data["lat"], data["lon"]) == (43.46708166666389, 120.86580833333334)
        assert captured(conn, before)["lat"] == 43.4670816666639  # the log is not rewritten
    finally:
        conn.close()


def test_a_non_finite_real_is_refused_at_the_write(conn):
    # json_object alone would log `Inf`, which no JSON reader accepts; the write is refused as the
    # bug it is (the domain never makes one), not as a damaged file
    with pytest.raises(sqlite3.OperationalError, match="malformed JSON"):
        insert_outfall(conn, float("inf"), 1.0, 1.0)
