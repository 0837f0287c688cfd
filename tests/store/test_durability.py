"""A save that has returned is on disk: a child process saves, says so, and is killed at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from fieldapp.store import database, ledger_query, outfalls
from fieldapp.store.ledger_query import LedgerQuery

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import dataclasses, sys, time
    from fieldapp import reference_data
    from fieldapp.domain.outfall import Outfall, new_id
    from fieldapp.store import database, outfalls

    ref = reference_data.load()
    conn = database.open_profile(sys.argv[1])
    o = outfalls.get(conn, sys.argv[2])
    outfalls.update(conn, dataclasses.replace(o, water_body="通启运河"), ref, "王芳")
    outfalls.transition(conn, o.id, "monitor", ref, "王芳")
    print("saved", flush=True)
    # Then keep saving until killed, each save announced once it has returned.
    for i in range(1, 100000):
        o = outfalls.get(conn, o.id)
        outfalls.update(conn, dataclasses.replace(o, note=f"第{i}次"), ref, "王芳")
        print(f"saved {i}", flush=True)
    time.sleep(60)
    """
)


def run_child_and_kill(db: Path, outfall_id: str, after_lines: int) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), outfall_id],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        while len(lines) < after_lines:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            lines.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    return lines


def test_a_returned_save_survives_a_kill(db_path, ref, make_outfall):
    conn = database.open_profile(db_path)
    o = outfalls.create(conn, make_outfall(), ref, "张伟")
    conn.close()

    lines = run_child_and_kill(db_path, o.id, after_lines=1)
    assert lines == ["saved"]

    conn = database.open_profile(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        got = outfalls.get(conn, o.id)
        assert got.water_body == "通启运河"
        assert got.lifecycle_state == "monitored"
        history = outfalls.history(conn, o.id)
        assert [e.action for e in history.events][:2] == ["create", "monitor"]
        first_edit = history.edits[0]
        assert (first_edit.field, first_edit.old_value, first_edit.new_value) == (
            "water_body",
            "通吕运河",
            "通启运河",
        )
        assert ledger_query.count(conn, LedgerQuery(text="通启")) == 1
    finally:
        conn.close()


def test_every_announced_save_survives_a_kill_mid_stream(db_path, ref, make_outfall):
    conn = database.open_profile(db_path)
    o = outfalls.create(conn, make_outfall(), ref, "张伟")
    conn.close()

    lines = run_child_and_kill(db_path, o.id, after_lines=25)
    assert lines[-1] == "saved 24"

    conn = database.open_profile(db_path)
    try:
        assert database.integrity_ok(conn)
        notes = [e.new_value for e in outfalls.history(conn, o.id).edits if e.field == "note"]
        # Every save announced is there, in order; at most the one in flight after it too.
        assert notes[:24] == [f"第{i}次" for i in range(1, 25)]
        assert len(notes) in (24, 25)
        assert outfalls.get(conn, o.id).note == notes[-1]
        # The change log holds exactly the rows written, nothing half-done.
        n_changes = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        # create (outfall + event), the first edit (outfall + edit), monitor (outfall + event),
        # then each note (outfall + edit)
        assert n_changes == 2 + 2 + 2 + 2 * len(notes)
    finally:
        conn.close()
