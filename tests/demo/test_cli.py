"""`fieldapp demo` as a user runs it: a subprocess that writes a demo ledger."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldapp.store import database, ledger_query, migrations
from fieldapp.store.ledger_query import LedgerQuery

REPO = Path(__file__).resolve().parents[2]


def run_demo(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", "demo", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_writes_n_outfalls_and_captures_no_changes(tmp_path):
    db = tmp_path / "demo.sqlite"
    done = run_demo("--db", str(db), "--count", "400")
    assert done.returncode == 0, done.stderr
    assert "400" in done.stdout
    conn = database.open_reader(db)
    try:
        assert database.schema_version(conn) == migrations.LATEST
        assert conn.execute("SELECT count(*) FROM outfalls").fetchone()[0] == 400
        events = conn.execute("SELECT count(DISTINCT outfall_id) FROM outfall_events").fetchone()
        assert events[0] == 400
        # The demo ledger stands for data pulled from the server: nothing to push back.
        assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM tombstones").fetchone()[0] == 0
        assert conn.execute("SELECT suppressed FROM capture_control").fetchone()[0] == 0
        assert ledger_query.count(conn, LedgerQuery()) == 400
        assert 0 < ledger_query.count(conn, LedgerQuery(text="村")) <= 400
        assert database.integrity_ok(conn)
    finally:
        conn.close()


def test_demo_refuses_a_count_out_of_range(tmp_path):
    db = tmp_path / "demo.sqlite"
    for count in ("0", "200001"):
        done = run_demo("--db", str(db), "--count", count)
        assert done.returncode == 2
        assert "--count" in done.stderr
    assert not db.exists()


def test_demo_reports_a_bad_file_without_a_traceback(tmp_path):
    db = tmp_path / "notes.sqlite"
    db.write_text("not a database\n", encoding="utf-8")
    done = run_demo("--db", str(db), "--count", "10")
    assert done.returncode == 1
    assert str(db) in done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_text(encoding="utf-8") == "not a database\n"
