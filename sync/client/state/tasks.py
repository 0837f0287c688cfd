"""The laptop's read model of 我的任务 (my tasks): the pulled tasks (``sync_tasks``, written by
``pull``) assigned to the signed-in user, with their outfalls' names and whether each is overdue
(``sync.tasks``). Reads only."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sync import tasks as rules


@dataclass(frozen=True, slots=True)
class TaskOutfall:
    id: str
    name: str  # '' when the outfall is not in this profile's ledger


@dataclass(frozen=True, slots=True)
class MyTask:
    id: str
    kind: rules.TaskKind
    state: rules.TaskState
    title: str
    outfalls: tuple[TaskOutfall, ...]
    location: tuple[float, float] | None  # (lat, lon)
    place: str
    due: datetime | None
    note: str
    created_by: str
    overdue: bool
    closed_by: str | None  # the id of the record that closed it
    county_code: str = ""  # the county it belongs to (a patrol for it is recorded there)


def _order(task: MyTask) -> tuple[int, int, float]:
    # open first, the overdue among them first, then by deadline (none last)
    due = task.due.timestamp() if task.due is not None else float("inf")
    return (task.state != rules.TaskState.OPEN, not task.overdue, due)


def mine(conn: sqlite3.Connection, username: str, now: datetime) -> list[MyTask]:
    """The tasks assigned to ``username`` (a task without assignees is everyone's in its county:
    the server only sends a county's tasks to its people), open and overdue first."""
    found: list[MyTask] = []
    for (raw,) in conn.execute("SELECT data FROM sync_tasks WHERE deleted = 0"):
        data = json.loads(raw) if raw else None
        if not isinstance(data, dict):
            continue
        assignees = rules.assignees_of(data)
        if assignees and username not in assignees:
            continue
        ids = rules.outfalls_of(data)
        names = dict(
            conn.execute(
                f"SELECT id, name FROM outfalls WHERE id IN ({', '.join('?' * len(ids))})", ids
            ).fetchall()
            if ids
            else []
        )
        location = data.get("location")
        found.append(
            MyTask(
                id=str(data.get("id")),
                kind=rules.kind_of(data),
                state=rules.state_of(data),
                title=str(data.get("title") or ""),
                outfalls=tuple(TaskOutfall(i, str(names.get(i) or "")) for i in ids),
                location=None
                if not isinstance(location, dict)
                else (float(location["lat"]), float(location["lon"])),
                place=str(data.get("place") or ""),
                due=rules.due_of(data),
                note=str(data.get("note") or ""),
                created_by=str(data.get("created_by") or ""),
                overdue=rules.is_overdue(data, now),
                closed_by=(data.get("closed_by") or {}).get("id"),
                county_code=str(data.get("county_code") or ""),
            )
        )
    return sorted(found, key=_order)
