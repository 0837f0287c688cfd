"""The progress view (考核, issue 16) at 100,000 outfalls with 1,000,000 lifecycle events.

The ledger is the benchmarks' 100,000-outfall demo ledger with re-test rounds added after each
acceptance until the history holds a million events (made once under var/bench/). Measured in a
fresh process (``bench._progress_app``):

- open to first paint: from creating the window to the first paint showing the figures (the cube
  read from the profile's cache, figures counted, cards and tables filled), against a bare
  QMainWindow with an empty table shown in the same process (target ≤ 300 ms, median); the
  charts are built after that paint: until they are painted too is reported beside it;
- switch county or date: from choosing another county (or day) to the repainted window, against
  a repaint with nothing changed (target ≤ 100 ms, median);
- a change to one outfall until the stored cube counts it (its share counted again, in one
  transaction): well under a second;
- rebuilding the cube from scratch (every history walked; only after the migration, for other
  rules or to repair; runs on the lane): no target, reported so it is watched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench import Figure
from bench.ledger import CACHE, ROOT, ledger_file

EVENTS = 1_000_000


def progress_file(count: int, events: int) -> Path:
    """The demo ledger of ``count`` outfalls with re-test rounds added to reach ``events``."""
    path = CACHE / f"progress-{count}-{events}.sqlite"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    shutil.copyfile(ledger_file(count), partial)
    print(f"adding re-test rounds to reach {events} events in {path} (once)...", file=sys.stderr)
    from fieldapp.store import database

    conn = database.open_profile(partial)  # migrates to the progress cache's schema
    try:
        _add_rounds(conn, events)
    finally:
        conn.close()
    partial.rename(path)
    return path


def _add_rounds(conn: sqlite3.Connection, events: int) -> None:
    from fieldapp.domain.outfall import new_id
    from fieldapp.store.capture import applying_incoming

    (have,) = conn.execute("SELECT count(*) FROM outfall_events").fetchone()
    gaps = conn.execute(
        "SELECT e.outfall_id, e.at, (SELECT min(n.at) FROM outfall_events n "
        "WHERE n.outfall_id = e.outfall_id AND n.at > e.at) FROM outfall_events e "
        "WHERE e.action = 'accept'"
    ).fetchall()
    need = max(0, events - have)
    rounds = -(-need // (2 * len(gaps))) if gaps else 0
    rows: list[tuple[str, ...]] = []
    end = "2026-10-31T09:00:00Z"
    for outfall_id, start, nxt in gaps:
        t0 = dt.datetime.fromisoformat(start.replace("Z", "+00:00"))
        t1 = dt.datetime.fromisoformat((nxt or end).replace("Z", "+00:00"))
        step = (t1 - t0) / (2 * rounds + 1)
        for k in range(2 * rounds):
            if len(rows) >= need:
                break
            at = (t0 + step * (k + 1)).isoformat(timespec="seconds").replace("+00:00", "Z")
            back = k % 2 == 1
            rows.append(
                (new_id(), outfall_id, "retest_passed" if back else "request_retest",
                 "retest" if back else "accepted", "accepted" if back else "retest", at, "基准测试",
                 "" if back else "超标，需复测")
            )  # fmt: skip
    with applying_incoming(conn):
        conn.executemany(
            "INSERT INTO outfall_events (id, outfall_id, action, from_state, to_state, at, actor, "
            "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _child(mode: str, db: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "bench._progress_app", mode, str(db)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool) -> list[Figure]:
    count, events = (20_000, 200_000) if quick else (100_000, EVENTS)
    db = progress_file(count, events)
    rebuild = _child("rebuild", db)  # also leaves a current cube in the profile's cache
    view = _child("view", db)
    tag = f"{count}_{events}"
    return [
        Figure(
            f"progress.first_paint_{tag}",
            view["open_ms"],
            "ms",
            baseline=view["bare_open_ms"],
            target="≤ 300 ms (median)",
            met=view["open_ms"] <= 300,
        ),
        Figure(
            f"progress.charts_painted_{tag}", view["charts_ms"], "ms", baseline=view["bare_open_ms"]
        ),
        Figure(
            f"progress.switch_county_{tag}",
            view["county_ms"],
            "ms",
            baseline=view["repaint_ms"],
            target="≤ 100 ms (median)",
            met=view["county_ms"] <= 100,
        ),
        Figure(
            f"progress.switch_date_{tag}",
            view["date_ms"],
            "ms",
            baseline=view["repaint_ms"],
            target="≤ 100 ms (median)",
            met=view["date_ms"] <= 100,
        ),
        Figure(
            f"progress.change_counted_{tag}",
            rebuild["change_ms"],
            "ms",
            baseline=rebuild["read_ms"],
            target="well under a second",
            met=rebuild["change_ms"] < 500,
        ),
        Figure(f"progress.cube_rebuild_{tag}", rebuild["rebuild_s"], "s"),
        Figure(f"progress.cube_read_{tag}", rebuild["read_ms"], "ms"),
        Figure(f"progress.events_{tag}", rebuild["events"], "events"),
    ]
