"""Migrations match the tables in code; a newer database is refused; the command line works."""

from __future__ import annotations

import io

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from sync.server import db
from sync.server.cli import main
from sync.server.schema import metadata
from sync.server.services import admin


def test_migrated_schema_matches_the_code(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    db.check_revision(engine)


def test_a_database_newer_than_the_code_is_refused(engine, database_url, tmp_path, capsys):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '29990101_01'"))
    with pytest.raises(db.DatabaseTooNew):
        db.check_revision(engine)
    with pytest.raises(db.DatabaseTooNew):
        db.migrate(engine)
    assert main(["--database", database_url, "--photos", str(tmp_path), "user", "list"]) == 2
    assert "newer than this server" in capsys.readouterr().err


def test_init_on_an_empty_database_and_user_commands(
    empty_database_url, tmp_path, capsys, monkeypatch
):
    url = empty_database_url
    base = ["--database", url, "--photos", str(tmp_path / "photos")]
    assert main([*base, "user", "list"]) == 2  # not initialised yet
    assert main([*base, "init"]) == 0
    assert main([*base, "init"]) == 0  # idempotent
    monkeypatch.setattr("sys.stdin", io.StringIO("a long password\n"))
    assert (
        main(
            [
                *base,
                "user",
                "add",
                "alice",
                "--role",
                "inspector",
                "--county",
                "320612",
                "--password-stdin",
            ]
        )
        == 0
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert (
        main(
            [
                *base,
                "user",
                "add",
                "bob",
                "--role",
                "inspector",
                "--county",
                "320612",
                "--password-stdin",
            ]
        )
        == 2
    )
    assert main([*base, "user", "disable", "alice"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("another long one\n"))
    assert main([*base, "user", "passwd", "alice", "--password-stdin"]) == 0
    assert main([*base, "user", "list"]) == 0
    assert main([*base, "device", "list"]) == 0
    assert main([*base, "device", "revoke", "nope"]) == 2
    assert main([*base, "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "alice\tinspector\t320612\tdisabled" in out
    assert "audit chain intact: 3 entries" in out


def test_user_counties_command(ctx, database_url, tmp_path, capsys):
    admin.add_user(ctx, "alice", "a long password", "inspector", ["320612"])
    base = ["--database", database_url, "--photos", str(tmp_path / "photos")]
    assert (
        main([*base, "user", "counties", "alice", "--county", "320614", "--county", "320612"]) == 0
    )
    assert (
        main([*base, "user", "counties", "alice", "--county", "320612", "--county", "320614"]) == 0
    )
    assert main([*base, "user", "counties", "alice", "--county", "32061"]) == 2
    assert main([*base, "user", "counties", "alice"]) == 2
    assert main([*base, "user", "counties", "nobody", "--county", "320612"]) == 2
    assert main([*base, "user", "list"]) == 0
    out, err = capsys.readouterr()
    assert "counties of alice: 320612 -> 320612, 320614" in out
    assert "counties of alice unchanged: 320612, 320614" in out
    assert "alice\tinspector\t320612,320614\tactive" in out
    assert "not a six-digit GB/T 2260 code: 32061" in err
    assert "give at least one county" in err and "no user nobody" in err
