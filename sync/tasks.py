"""Inspection tasks (任务), pure rules shared by the server, the desk and the laptop: no I/O.

A task is a row of entity ``tasks`` that the server writes and every device of its county pulls.
Its kind says what closes it: an inspection linked to it (inspect these outfalls, verify this
location, re-test) or a patrol linked to it (patrol this stretch). A task is ``open`` until the
linked record is received (``done``) or a supervisor cancels it (``cancelled``); an open task past
its deadline is overdue. Older tasks (before kinds) have neither ``kind`` nor ``state``: they read
as open inspection tasks.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any


class TaskKind(enum.StrEnum):
    INSPECT = "inspect"  # inspect these outfalls
    VERIFY = "verify"  # verify a location (a complaint, a lead, a place on the map)
    RETEST = "retest"  # re-test an outfall (复测)
    PATROL = "patrol"  # patrol a stretch of river
    # 双随机抽查: made only by a draw's release (draws.visits), never by a request.
    RANDOM_INSPECTION = "random_inspection"


class TaskState(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


# Which pushed entity, linked by its ``task_id``, closes a task of each kind.
CLOSED_BY: dict[TaskKind, str] = {
    TaskKind.INSPECT: "inspections",
    TaskKind.VERIFY: "inspections",
    TaskKind.RETEST: "inspections",
    TaskKind.PATROL: "patrols",
    TaskKind.RANDOM_INSPECTION: "inspections",
}
# Roles that may be assigned a task of each kind.
ASSIGNABLE_ROLES: dict[TaskKind, frozenset[str]] = {
    TaskKind.INSPECT: frozenset({"inspector", "river_chief"}),
    TaskKind.VERIFY: frozenset({"inspector", "river_chief"}),
    TaskKind.RETEST: frozenset({"inspector"}),
    TaskKind.PATROL: frozenset({"river_chief", "inspector"}),
    TaskKind.RANDOM_INSPECTION: frozenset({"inspector"}),
}
ANY_ASSIGNABLE = frozenset().union(*ASSIGNABLE_ROLES.values())


def kind_of(task: Mapping[str, Any]) -> TaskKind:
    try:
        return TaskKind(task.get("kind") or TaskKind.INSPECT)
    except ValueError:
        return TaskKind.INSPECT


def state_of(task: Mapping[str, Any]) -> TaskState:
    try:
        return TaskState(task.get("state") or TaskState.OPEN)
    except ValueError:
        return TaskState.OPEN


def assignees_of(task: Mapping[str, Any]) -> list[str]:
    """The assignees, old single-``assignee`` tasks included, in order and without repeats."""
    names = list(task.get("assignees") or [])
    if task.get("assignee"):
        names.append(str(task["assignee"]))
    return list(dict.fromkeys(str(n) for n in names))


def outfalls_of(task: Mapping[str, Any]) -> list[str]:
    ids = list(task.get("outfall_ids") or [])
    if task.get("outfall_id"):
        ids.insert(0, str(task["outfall_id"]))
    return list(dict.fromkeys(str(i) for i in ids))


def due_of(task: Mapping[str, Any]) -> datetime | None:
    raw = task.get("due")
    if not raw:
        return None
    due = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    return due if due.tzinfo is not None else None


def is_overdue(task: Mapping[str, Any], now: datetime) -> bool:
    """Open and past its deadline (a task without a deadline is never overdue)."""
    due = due_of(task)
    return state_of(task) == TaskState.OPEN and due is not None and now > due


def problems(
    kind: TaskKind,
    outfall_ids: list[str],
    location: Mapping[str, float] | None,
    place: str,
) -> list[tuple[str, str]]:
    """What a new task of this kind lacks, as (English, Chinese) sentences; empty when sound."""
    found: list[tuple[str, str]] = []
    if kind == TaskKind.RANDOM_INSPECTION:
        found.append(("random inspections are made by a draw", "双随机抽查任务只能由抽取产生"))
    # An inspection task may name no outfall (the assignee's own round, as before kinds).
    if kind == TaskKind.RETEST and not outfall_ids:
        found.append(("name the outfalls to re-test", "请选择要复测的排口"))
    # A place to verify: a position, an outfall, or where it is in words (a complaint's address).
    if kind == TaskKind.VERIFY and location is None and not outfall_ids and not place.strip():
        found.append(("give the location to verify", "请给出要核实的位置"))
    if kind == TaskKind.PATROL and not place.strip() and location is None:
        found.append(("describe the stretch to patrol", "请说明要巡查的河段"))
    if location is not None:
        lat, lon = location.get("lat"), location.get("lon")
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            found.append(("the location is not a position", "位置不是有效的经纬度"))
    return found


def closes(task: Mapping[str, Any], entity: str, record: Mapping[str, Any]) -> bool:
    """Whether this received record closes the task: the right entity, linked by ``task_id``,
    complete (a draft closes nothing), and the task still open."""
    return (
        state_of(task) == TaskState.OPEN
        and str(record.get("task_id") or "") == str(task.get("id"))
        and CLOSED_BY[kind_of(task)] == entity
        and record.get("status") == "complete"
    )


def closed(task: Mapping[str, Any], entity: str, record_id: str, at: datetime) -> dict[str, Any]:
    """The task's new data once the linked record closes it."""
    return {
        **task,
        "state": TaskState.DONE.value,
        "closed_at": at.isoformat(),
        "closed_by": {"entity": entity, "id": record_id},
    }


def cancelled(task: Mapping[str, Any], by: str, reason: str, at: datetime) -> dict[str, Any]:
    return {
        **task,
        "state": TaskState.CANCELLED.value,
        "closed_at": at.isoformat(),
        "cancelled_by": by,
        "cancel_reason": reason,
    }
