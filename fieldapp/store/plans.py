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
from dataclasses import dataclass
from datetime import date
from typing import Any

from sync import plans as rules
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


@dataclass(frozen=True, slots=True)
class PlanEvent:
    """One dated fact of an outfall's plan, for its case history."""

    at: str  # ISO time (or date) it happened
    by: str  # the user who did it ('' when the plan does not say)
    kind: str  # plan_created, plan_updated, note, milestone_done, plan_completed
    milestone_id: str  # '' for the plan itself
    title: str  # the milestone's title, '' for the plan itself
    text: str  # a note's text
    evidence: tuple[str, ...]  # photo SHA-256s or document references


def events(conn: sqlite3.Connection, outfall_id: str) -> list[PlanEvent]:
    """The outfall's plan and its milestones as dated events with who and when, oldest first
    (empty when it has no plan). Milestones done and the plan completed carry the day only and
    the last writer of the plan: the plan does not record who ticked them."""
    row = conn.execute("SELECT data FROM plans WHERE outfall_id = ?", (outfall_id,)).fetchone()
    if row is None:
        return []
    data = json.loads(row[0])
    found = [PlanEvent(str(data.get("created_at") or ""), str(data.get("created_by") or ""),
                       "plan_created", "", "", str(data.get("measures") or ""), ())]  # fmt: skip
    if data.get("updated_at") and data.get("updated_at") != data.get("created_at"):
        found.append(PlanEvent(str(data["updated_at"]), str(data.get("updated_by") or ""),
                               "plan_updated", "", "", "", ()))  # fmt: skip
    for m in rules.milestones_of(data):
        mid, title = str(m.get("id") or ""), str(m.get("title") or "")
        for note in m.get("notes") or []:
            found.append(PlanEvent(str(note.get("at") or ""), str(note.get("by") or ""), "note",
                                   mid, title, str(note.get("text") or ""),
                                   tuple(str(e) for e in note.get("evidence") or [])))  # fmt: skip
        if m.get("done") and m.get("done_on"):
            found.append(PlanEvent(str(m["done_on"]), str(data.get("updated_by") or ""),
                                   "milestone_done", mid, title, "",
                                   tuple(str(e) for e in m.get("evidence") or [])))  # fmt: skip
    if data.get("completed_on"):
        found.append(PlanEvent(str(data["completed_on"]), str(data.get("updated_by") or ""),
                               "plan_completed", "", "", "", ()))  # fmt: skip
    return sorted(found, key=lambda e: e.at)
