"""Migrations: a file made with the first schema, holding outfalls, migrates to the latest."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from fieldapp.store import database, ledger_query, migrations, outfalls
from fieldapp.store.ledger_query import LedgerQuery


def first_schema_file(path, ref, make_outfall) -> list:
    """A profile as the first released schema made it, with outfalls and their history."""
    conn = sqlite3.connect(path)
    try:
        migrations.migrate(conn, up_to=1)
        assert database.schema_version(conn) == 1
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'outfall_fts'").fetchone()
            is None
        )
        made = [
            outfalls.create(
                conn, make_outfall(name="海门区三星镇友谊村北侧300m工矿企业排污口"), ref, "张伟"
            ),
            outfalls.create(conn, make_outfall(town="石港镇", village="龙潭村"), ref, "张伟"),
            outfalls.create(
                conn, make_outfall(responsible_party="南通江海化工有限公司"), ref, "张伟"
            ),
        ]
        outfalls.update(conn, dataclasses.replace(made[0], water_body="青龙港河"), ref, "王芳")
        outfalls.transition(conn, made[1].id, "monitor", ref, "李娜")
    finally:
        conn.close()
    return made


def test_a_first_schema_file_migrates_to_the_latest(db_path, ref, make_outfall):
    made = first_schema_file(db_path, ref, make_outfall)
    conn = database.open_profile(db_path)
    try:
        assert database.schema_version(conn) == migrations.LATEST
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        applied = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid").fetchall()
        assert [n for (n,) in applied] == [name for _, name, _ in migrations.MIGRATIONS]
        # Search finds the outfalls written before the search tables existed.
        for text, expected in [
            ("友谊", made[0].id),  # two characters: the short path
            ("三星镇友谊村", made[0].id),  # trigram index
            ("青龙港", made[0].id),  # changed by an edit before migrating
            ("龙潭", made[1].id),
            ("江海化工", made[2].id),
            (made[2].national_code.lower(), made[2].id),
        ]:
            q = LedgerQuery(text=text)
            assert ledger_query.count(conn, q) == 1, text
            assert [r.id for r in ledger_query.page(conn, q, 0, 10)] == [expected], text
        assert ledger_query.count(conn, LedgerQuery(text="通州区")) == 2
        # History and captured changes survive the migration.
        assert [e.action for e in outfalls.history(conn, made[1].id).events] == [
            "create",
            "monitor",
        ]
        assert [e.field for e in outfalls.history(conn, made[0].id).edits] == ["water_body"]
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 3 * 2 + 2 + 2
        # And the migrated file works as a new one would: a new outfall is searchable at once.
        new = outfalls.create(conn, make_outfall(village="桃园村"), ref, "张伟")
        assert [r.id for r in ledger_query.page(conn, LedgerQuery(text="桃园"), 0, 10)] == [new.id]
        assert database.integrity_ok(conn)
    finally:
        conn.close()


def test_a_new_profile_is_created_at_the_latest_schema_in_wal_mode(db_path):
    conn = database.open_profile(db_path)
    try:
        assert database.schema_version(conn) == migrations.LATEST
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        conn.close()


def test_migrating_again_changes_nothing(db_path, ref, make_outfall):
    conn = database.open_profile(db_path)
    outfalls.create(conn, make_outfall(), ref, "张伟")
    conn.close()
    conn = database.open_profile(db_path)
    try:
        migrations.migrate(conn)
        assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
            migrations.MIGRATIONS
        )
        assert outfalls.count(conn) == 1
    finally:
        conn.close()


def test_a_failing_migration_is_rolled_back_whole(db_path, monkeypatch):
    def broken(db) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("PRAGMA user_version = 99")
        raise RuntimeError("migration failed")

    conn = database.open_profile(db_path)
    try:
        monkeypatch.setattr(
            migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (99, "0099_broken", broken)]
        )
        with pytest.raises(RuntimeError, match="migration failed"):
            migrations.migrate(conn, up_to=99)
        monkeypatch.undo()
        assert database.schema_version(conn) == migrations.LATEST
        half = "SELECT name FROM sqlite_master WHERE name = 'half_done'"
        assert conn.execute(half).fetchone() is None
        assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
            migrations.MIGRATIONS
        )
    finally:
        conn.close()


def test_statements_splits_scripts_and_refuses_an_incomplete_one():
    script = "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n SELECT 1;\nEND;\n"
    assert list(migrations.statements(script)) == [
        "CREATE TABLE a (x);",
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n SELECT 1;\nEND;",
    ]
    with pytest.raises(ValueError):
        list(migrations.statements("CREATE TABLE b (x"))


def test_migration_11_merged_after_12_runs_on_a_profile_at_12_and_keeps_its_version(
    db_path, monkeypatch
):
    # a profile made before the task link existed: every migration but 11, user_version 12
    without = [m for m in migrations.MIGRATIONS if m[0] <= 12 and m[0] != 11]
    monkeypatch.setattr(migrations, "MIGRATIONS", without)
    database.open_profile(db_path).close()
    monkeypatch.undo()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 12
        assert migrations.pending(conn)
        columns = [r[1] for r in conn.execute("PRAGMA table_info(inspections)")]
        assert "task_id" not in columns
    finally:
        conn.close()
    conn = database.open_profile(db_path)
    try:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(inspections)")]
        assert "task_id" in columns
        # never lowered to 11 (nor held below the newest migration applied after it)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert not migrations.pending(conn)
    finally:
        conn.close()
