"""A drawn visit in the field: when its inspectors may learn of it and until when they may do it
(its window), the task each of them receives, and whether it is done or overdue.

Days are China standard time (UTC+8, no daylight saving): a visit released on a day is released at
00:00 of that day there; its window closes at the end of the day ``deadline_days_after`` days
after the planned day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from draws.rules import DrawRules

CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "CST")
TASK_KIND = "random_inspection"  # 双随机抽查


@dataclass(frozen=True, slots=True)
class VisitWindow:
    opens: dt.datetime  # when the visit may be released to its inspectors
    closes: dt.datetime  # after this, no access to the outfall and no inspection of it

    def holds(self, at: dt.datetime) -> bool:
        return self.opens <= at < self.closes


def window(released_on: dt.date, planned_on: dt.date, rules: DrawRules) -> VisitWindow:
    last_day = planned_on + dt.timedelta(days=rules.deadline_days_after)
    return VisitWindow(
        dt.datetime.combine(released_on, dt.time(), CHINA_TIME),
        dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), CHINA_TIME),
    )


def state(
    released_at: dt.datetime | None,
    done_at: dt.datetime | None,
    closes: dt.datetime,
    at: dt.datetime,
) -> str:
    """``secret`` (not released), ``open``, ``done`` or ``overdue`` (its window closed undone)."""
    if done_at is not None:
        return "done"
    if at >= closes:
        return "overdue"
    return "open" if released_at is not None else "secret"


def task_data(
    task_id: str,
    draw_id: str,
    target_id: str,
    county_code: str,
    inspector: str,
    team: tuple[str, ...],
    planned_on: dt.date,
    opening: VisitWindow,
    created_by: str,
) -> dict[str, Any]:
    """The task a released visit becomes for one of its inspectors (the fields of a server task,
    plus the visit, its window and the co-inspectors)."""
    return {
        "id": task_id,
        "kind": TASK_KIND,
        "state": "open",
        "county_code": county_code,
        "title": f"双随机抽查 {planned_on.isoformat()}",
        "assignees": [inspector],
        "assignee": inspector,
        "outfall_ids": [target_id],
        "outfall_id": target_id,
        "due": opening.closes.isoformat(),
        "note": "",
        "created_by": created_by,
        "created_at": opening.opens.isoformat(),
        "visit": {"draw_id": draw_id, "target_id": target_id},
        "planned_on": planned_on.isoformat(),
        "window": [opening.opens.isoformat(), opening.closes.isoformat()],
        "co_inspectors": [name for name in team if name != inspector],
    }


def closed_task(task: dict[str, Any], inspection_id: str, at: dt.datetime) -> dict[str, Any]:
    """The task once the visit's inspection is received (as any task its linked record closes)."""
    return {
        **task,
        "state": "done",
        "closed_at": at.isoformat(),
        "closed_by": {"entity": "inspections", "id": inspection_id},
    }
