"""Bad files and a hostile environment: refused with a StoreError naming the file; nothing lost."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from fieldapp.store import database, errors, migrations, outfalls


def snapshot(path: Path) -> bytes:
    return path.read_bytes()


def assert_names_file(exc: errors.StoreError, path: Path) -> None:
    assert str(path) in exc.en and str(path) in exc.zh
    assert exc.message("zh_CN") == exc.zh and exc.message("en") == exc.en
    assert exc.zh != exc.en


def saved_profile(path: Path, ref, make_outfall, n: int = 2) -> list:
    conn = database.open_profile(path)
    try:
        return [outfalls.create(conn, make_outfall(), ref, "张伟") for _ in range(n)]
    finally:
        conn.close()


def test_a_newer_database_is_refused_and_left_unchanged(db_path, ref, make_outfall):
    saved_profile(db_path, ref, make_outfall)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    before = snapshot(db_path)
    with pytest.raises(errors.NewerDatabase) as info:
        database.open_profile(db_path)
    assert_names_file(info.value, db_path)
    assert str(migrations.LATEST + 1) in info.value.en
    with pytest.raises(errors.NewerDatabase):
        database.open_reader(db_path)
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "content",
    [
        b"name,code\n\xe6\xb5\xb7\xe9\x97\xa8,320614\n",
        bytes(range(256)) * 8,
        b"SQLite format 3\x00" + b"\xff" * 4080,  # the right header, then garbage
    ],
    ids=["csv", "binary", "bad-header-page"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_unchanged(db_path, content):
    db_path.write_bytes(content)
    with pytest.raises(errors.CorruptDatabase) as info:
        database.open_profile(db_path)
    assert_names_file(info.value, db_path)
    assert snapshot(db_path) == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_damaged_database_is_refused_and_left_unchanged(db_path, ref, make_outfall):
    saved_profile(db_path, ref, make_outfall, n=30)
    data = bytearray(snapshot(db_path))
    assert len(data) > 3 * 4096
    data[100:4096] = b"\xa5" * 3996  # the schema's b-tree page, after the file header
    db_path.write_bytes(bytes(data))
    with pytest.raises(errors.CorruptDatabase) as info:
        database.open_profile(db_path)
    assert_names_file(info.value, db_path)
    assert snapshot(db_path) == bytes(data)


def test_a_locked_database_refuses_a_write_with_database_locked(
    db_path, ref, make_outfall, monkeypatch
):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    saved_profile(db_path, ref, make_outfall, n=1)
    conn = database.open_profile(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(errors.DatabaseLocked) as info:
            outfalls.create(conn, make_outfall(), ref, "张伟", path=str(db_path))
        assert_names_file(info.value, db_path)
        assert not conn.in_transaction
        other.execute("ROLLBACK")
        # Once the other program lets go, the same connection writes again.
        outfalls.create(conn, make_outfall(), ref, "张伟", path=str(db_path))
        assert outfalls.count(conn) == 2
    finally:
        other.close()
        conn.close()


def test_a_full_disk_refuses_the_write_and_keeps_what_was_saved(db_path, ref, make_outfall):
    conn = database.open_profile(db_path)
    try:
        first = outfalls.create(conn, make_outfall(), ref, "张伟")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        saved = [first]
        with pytest.raises(errors.DiskFull) as info:
            for _ in range(500):
                saved.append(
                    outfalls.create(
                        conn, make_outfall(note="备注" * 500), ref, "张伟", path=str(db_path)
                    )
                )
        assert_names_file(info.value, db_path)
        assert not conn.in_transaction
        assert outfalls.count(conn) == len(saved)
        assert outfalls.get(conn, first.id) == first
        changes = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        assert changes == 2 * len(saved)
        assert database.integrity_ok(conn)
    finally:
        conn.close()
    conn = database.open_profile(db_path)
    try:
        assert {o.id for o in saved} == {r for (r,) in conn.execute("SELECT id FROM outfalls")}
    finally:
        conn.close()


def test_a_read_only_database_refuses_writes_with_read_only_location(db_path, ref, make_outfall):
    (first,) = saved_profile(db_path, ref, make_outfall, n=1)
    before = snapshot(db_path)
    for conn in (database.open_reader(db_path), database._connect(db_path, read_only=True)):
        try:
            with pytest.raises(errors.ReadOnlyLocation) as info:
                outfalls.create(conn, make_outfall(), ref, "张伟", path=str(db_path))
            assert_names_file(info.value, db_path)
            with pytest.raises(errors.ReadOnlyLocation):
                outfalls.transition(conn, first.id, "monitor", ref, "李娜", path=str(db_path))
            assert not conn.in_transaction
            assert outfalls.get(conn, first.id) == first
        finally:
            conn.close()
    assert snapshot(db_path) == before


def test_a_missing_folder_is_refused_and_not_created(tmp_path):
    path = tmp_path / "no" / "such" / "profile.sqlite"
    with pytest.raises(errors.ReadOnlyLocation) as info:
        database.open_profile(path)
    assert str(path.parent) in info.value.en
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through a read-only mode")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(errors.ReadOnlyLocation):
            database.open_profile(folder / "profile.sqlite")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("database is locked", errors.DatabaseLocked),
        ("attempt to write a readonly database", errors.ReadOnlyLocation),
        ("unable to open database file", errors.ReadOnlyLocation),
        ("database or disk is full", errors.DiskFull),
        ("file is not a database", errors.CorruptDatabase),
        ("database disk image is malformed", errors.CorruptDatabase),
        ("malformed database schema (t) - near x", errors.CorruptDatabase),
    ],
)
def test_environment_errors_are_translated(message, kind):
    exc = errors.translate(sqlite3.OperationalError(message), "/data/p.sqlite")
    assert isinstance(exc, kind)
    assert exc.path == "/data/p.sqlite"


@pytest.mark.parametrize(
    "message", ["no such table: outfals", 'near "SELEC": syntax error', "malformed JSON"]
)
def test_bugs_are_not_translated(message):
    assert errors.translate(sqlite3.OperationalError(message), "/data/p.sqlite") is None
