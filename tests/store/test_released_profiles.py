"""Released migrations are frozen: a profile made by each released schema version opens with
today's code, migrates to the latest, keeps its rows and ends with the schema of a fresh profile;
and each released migration's SQL text is pinned, so editing one fails here."""

from __future__ import annotations

import ast
import gzip
import hashlib
import inspect
import sqlite3
from pathlib import Path

import pytest

from fieldapp.store import (
    database,
    exact_reals_schema,
    inspection_schema,
    migrations,
    patrol_problems_schema,
    patrol_schema,
    progress_schema,
    sync_schema,
)

PROFILES = Path(__file__).with_name("profiles")

# Never change a line here: a released migration is never edited (add a new one instead).
RELEASED_SHA256 = {
    1: "d81c3a529bd8e6d5bb0e30e8daf8986bb8ecda5a7da720fcf3a7e006ebaa9edc",
    2: "f9fd9582f419521e392c489a9e91ec2d9e07cb4afeefc74b567975e62e49d230",
    3: "64076906fddd3d6d5701a9d97c1fdcae03225acfdec326be2838b5650685dc8a",
    4: "62a9140f9cd8df32496e7668031e804fde716cd60fc343cd30bfd5557dae4814",
    5: "b2d6544ec2e8635330f0790bd396fd6a56055653b3af591fc8cb78183f628a35",
    6: "2afc0ce91b8f7a90761f2cb517f6b68147274c6ea895fb53881e16c7fb3f038f",
    7: "9f355c7d2367888cc2bba62a329815d4ee8f738550649d9f766d5880d6e5b4d5",
    8: "9a9ff69650a5b2601f7e6ae0a047ec247a49a872ea9803b64039e94385c0e5d7",
    10: "b7d8509557262eb2ac653a6115a8b9672391d52f228fce4a9edaa98d378052ff",
    12: "a3b6a8b9c46d0dec808a70d09a0f688843628045acbe69d61b699b842393d4f7",
}


def schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    )


@pytest.mark.parametrize("number", sorted(RELEASED_SHA256))
def test_the_released_migration_text_is_unchanged(number: int) -> None:
    sql = migrations.RELEASED_SQL[number]
    assert hashlib.sha256(sql.encode()).hexdigest() == RELEASED_SHA256[number]


def test_every_released_migration_is_pinned_and_run_from_its_frozen_text() -> None:
    assert set(migrations.RELEASED_SQL) == set(RELEASED_SHA256)
    run = {number for number, _name, _fn in migrations.MIGRATIONS}
    assert set(RELEASED_SHA256) <= run


# Where each released migration's text is written down: it must be a literal string there, not
# built from today's column lists (which move on).
WRITTEN_AT = {
    1: (migrations, "_M0001_CORE"),
    2: (migrations, "_M0002_SEARCH"),
    3: (inspection_schema, "M0003_INSPECTIONS"),
    4: (patrol_schema, "MIGRATION_SQL"),
    5: (sync_schema, "MIGRATION_SQL"),
    6: (sync_schema, "MIGRATION_6_SQL"),
    7: (progress_schema, "MIGRATION_SQL"),
    8: (exact_reals_schema, "MIGRATION_SQL"),
    10: (patrol_problems_schema, "MIGRATION_SQL"),
    12: (progress_schema, "MIGRATION_12_SQL"),
}


@pytest.mark.parametrize("number", sorted(RELEASED_SHA256))
def test_the_released_migration_is_a_literal_string_in_its_module(number: int) -> None:
    module, name = WRITTEN_AT[number]
    assert getattr(module, name) is migrations.RELEASED_SQL[number]
    tree = ast.parse(inspect.getsource(module))
    values = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    ]
    assert len(values) == 1
    assert isinstance(values[0], ast.Constant) and isinstance(values[0].value, str)


@pytest.mark.parametrize("number", sorted(RELEASED_SHA256))
def test_a_released_profile_upgrades_to_the_latest_with_its_rows(
    number: int, tmp_path: Path
) -> None:
    old = tmp_path / "old" / "profile.sqlite"
    old.parent.mkdir()
    old.write_bytes(gzip.decompress((PROFILES / f"v{number}.sqlite.gz").read_bytes()))
    probe = sqlite3.connect(old)
    assert database.schema_version(probe) == number
    probe.close()

    conn = database.open_profile(old)
    fresh_path = tmp_path / "fresh" / "profile.sqlite"
    fresh_path.parent.mkdir()
    fresh = database.open_profile(fresh_path)
    try:
        assert database.schema_version(conn) == migrations.LATEST
        assert schema(conn) == schema(fresh)
        assert conn.execute(
            "SELECT id, display_code, name, lat, lon FROM outfalls ORDER BY id"
        ).fetchall() == [
            ("of-0001", "3206120001", "平潮镇污水处理厂排口", 32.0751, 120.8843),
            ("of-0002", "3206120002", "刘桥雨水排口", 32.1019, 120.8127),
        ]
        assert conn.execute("SELECT to_state FROM outfall_events").fetchall() == [("verified",)]
        if number >= 3:
            assert conn.execute("SELECT id, status, outfall_id FROM inspections").fetchall() == [
                ("in-0001", "complete", "of-0001")
            ]
            assert conn.execute(
                "SELECT inspection_id, sha256, width, distance_m FROM inspection_photos"
            ).fetchall() == [("in-0001", "ab" * 32, 4000, 2.2)]
        if number >= 4:
            assert conn.execute("SELECT id, river FROM patrols").fetchall() == [
                ("pa-0001", "通扬运河")
            ]
            assert conn.execute("SELECT count(*) FROM patrol_tracks").fetchone() == (1,)
            assert conn.execute("SELECT outfall_id, note FROM patrol_problems").fetchall() == [
                ("of-0001", "排口附近有漂浮物")
            ]
        assert database.integrity_ok(conn)
    finally:
        conn.close()
        fresh.close()
