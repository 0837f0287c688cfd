"""The ``plans`` table of the profile (migration 9): remediation plans (一口一策) pulled from the
server. The only module that reads or writes it.

Plans arrive through the pull (``sync.client.state.pull`` calls ``apply``); a supervisor's save on
this laptop goes to the server first and its answer is stored here too (``apply`` again), so the
ledger shows it before the next pull. ``events`` lists a plan with its milestones and notes, each
with who and when, for the outfall's case history.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from sync import plans as rules
from sync.history import Entry
from sync.plan_protocol import PlanView, view


def apply(conn: sqlite3.Connection, row_id: str, data: Any, deleted: bool) -> None:
    """Store (or drop) one plan as the server sent it; a malformed row is dropped, not kept."""
    if deleted or not isinstance(data, dict):
        conn.execute("DELETE FROM plans WHERE id = ?", (row_id,))
        return
    deadline = rules.day_of(data.get("deadline"))
    if deadline is None or not data.get("outfall_id"):
        conn.execute("DELETE FROM plans WHERE id = ?", (row_id,))
        return
    upcoming = rules.next_due(data)
    completed = rules.day_of(data.get("completed_on"))
    # One plan per outfall: a plan re-made under another id replaces the old one.
    conn.execute(
        "DELETE FROM plans WHERE outfall_id = ? AND id != ?", (str(data["outfall_id"]), row_id)
    )
    conn.execute(
        "INSERT OR REPLACE INTO plans (id, outfall_id, county_code, route, deadline, next_due,"
        " completed_on, version, updated_by, updated_at, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row_id,
            str(data["outfall_id"]),
            str(data.get("county_code") or ""),
            str(data.get("route") or ""),
            deadline.isoformat(),
            None if upcoming is None else upcoming.isoformat(),
            None if completed is None else completed.isoformat(),
            int(data.get("version") or 1),
            str(data.get("updated_by") or ""),
            str(data.get("updated_at") or ""),
            json.dumps(data, ensure_ascii=False),
        ),
    )


def of_outfall(conn: sqlite3.Connection, outfall_id: str, today: date) -> PlanView | None:
    """The outfall's plan as seen on ``today``, or None when it has none."""
    row = conn.execute(
        "SELECT data, version FROM plans WHERE outfall_id = ?", (outfall_id,)
    ).fetchone()
    if row is None:
        return None
    return view(json.loads(row[0]), int(row[1]), today)


def overdue_outfalls(conn: sqlite3.Connection, today: date) -> frozenset[str]:
    """The outfalls whose plan is overdue on ``today``: not completed and something still to meet
    (a milestone not done, or the deadline) due before it. ``next_due`` is exactly the earliest
    such date (``sync.plans.next_due``), so one indexed read answers."""
    rows = conn.execute(
        "SELECT outfall_id FROM plans WHERE next_due IS NOT NULL AND next_due < ?",
        (today.isoformat(),),
    )
    return frozenset(r[0] for r in rows)


def events(conn: sqlite3.Connection, outfall_id: str) -> list[rules.PlanEvent]:
    """The outfall's plan and its milestones as dated events with who and when, oldest first
    (empty when it has no plan): ``sync.plans.events`` of the stored plan."""
    row = conn.execute("SELECT data FROM plans WHERE outfall_id = ?", (outfall_id,)).fetchone()
    return [] if row is None else rules.events(json.loads(row[0]))


def history(conn: sqlite3.Connection, outfall_id: str) -> list[Entry]:
    """The plan's part of the outfall's case history (案卷)."""
    row = conn.execute("SELECT data FROM plans WHERE outfall_id = ?", (outfall_id,)).fetchone()
    return [] if row is None else rules.history_entries(json.loads(row[0]))
