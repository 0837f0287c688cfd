"""Findings of the kill and full-disk runs on the profile database (issue 13): a profile left
half-made by a kill during its very first open is repaired, a 0-byte file is refused with a
word, and a storage error in any table names the profile's file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.store import database, errors, patrols
from fieldapp.store.migrations import MIGRATION_SET


def unique_indexes(path: Path, table: str) -> list[tuple[str, ...]]:
    conn = sqlite3.connect(path)
    try:
        out = []
        for _seq, name, unique, *_ in conn.execute(f"PRAGMA index_list('{table}')"):
            if unique:
                cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info('{name}')"))
                out.append(cols)
        return out
    finally:
        conn.close()


def test_a_migrations_table_left_without_its_unique_index_is_repaired(db_path: Path) -> None:
    # What a kill between sqlite-utils' CREATE TABLE and CREATE UNIQUE INDEX leaves behind.
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, "
        "name TEXT, applied_at TEXT)"
    )
    conn.commit()
    conn.close()
    database.open_profile(db_path).close()
    assert ("migration_set", "name") in unique_indexes(db_path, "_sqlite_migrations")
    conn = sqlite3.connect(db_path)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,))]  # fmt: skip
    conn.close()
    assert len(names) == len(set(names)) > 0


def test_a_zero_byte_profile_is_refused_with_a_word_and_left_as_it_is(db_path: Path) -> None:
    db_path.write_bytes(b"")
    for opener in (database.open_profile, database.open_reader):
        with pytest.raises(errors.StoreError) as info:
            opener(db_path)
        assert str(db_path) in info.value.zh and str(db_path) in info.value.en
        assert "0" in info.value.en and "空" in info.value.zh
    assert db_path.read_bytes() == b""


def test_a_first_open_that_fails_leaves_no_half_made_profile(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.store import migrations

    def full(conn: object, up_to: int = 0) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "migrate", full)
    with pytest.raises(errors.DiskFull):
        database.open_profile(db_path)
    assert list(db_path.parent.iterdir()) == []  # no 0-byte or half-migrated profile is left
    monkeypatch.undo()
    database.open_profile(db_path).close()
    assert database.schema_version(sqlite3.connect(db_path)) == migrations.LATEST


def test_a_storage_error_in_a_patrol_names_the_profile_file(db_path: Path) -> None:
    conn = database.open_profile(db_path)
    try:
        patrol = patrols.start(
            conn, author="张伟", county_code="320612", chief_level="town", river="通吕运河"
        )
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(errors.DiskFull) as info:
            for _ in range(200):
                patrols.add_problem(
                    conn, patrol.id, note="排口有异味" * 300, lat=None, lon=None, error_m=None
                )
        assert str(db_path) in info.value.zh and str(db_path) in info.value.en
    finally:
        conn.close()
