"""Remediation plans (一口一策), pure rules shared by the server, the desk and the laptop: no I/O.

One plan per outfall: its route (the outfall's remediation route vocabulary: 取缔 ban, 合并 merge,
规范整治 standardise), the measures, who is responsible (a party and a department), a deadline, the
funding, and milestones, each with a due date, whether and when it was done, progress notes (who,
when, what) and evidence references (photo SHA-256s or document references).

A plan is overdue on a day when it is not completed and either its deadline or the due date of a
milestone not done lies before that day. Dates are calendar dates (the bureau's deadlines are days,
not instants): "overdue" starts the day after the due date.

Plans are rows of entity ``plans`` that the server writes (supervisors of the outfall's county, or
of the city) and every device of the county pulls; the dict form here is the row's ``data``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sync.history import Entry, Kind

# The codes of ``remediation_route`` in resources/data/vocabularies.json (a test keeps them equal).
ROUTES: tuple[str, ...] = ("ban", "merge", "standardise")
MAX_MILESTONES = 50

Problem = tuple[str, str]  # (English, Chinese)
# Deadlines are days in Nantong (UTC+8, no daylight saving): the server and every device judge
# "overdue" by the same calendar day whatever their own clock's zone.
CHINA = timezone(timedelta(hours=8))


def today_in_china(now: datetime) -> date:
    """The calendar day in Nantong at an aware instant."""
    return now.astimezone(CHINA).date()


def day_of(value: Any) -> date | None:
    """A calendar date from ``YYYY-MM-DD`` (or a longer ISO text), a date, or None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def milestones_of(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = plan.get("milestones")
    return [m for m in found if isinstance(m, Mapping)] if isinstance(found, list) else []


def milestone_overdue(milestone: Mapping[str, Any], today: date) -> bool:
    due = day_of(milestone.get("due"))
    return not milestone.get("done") and due is not None and due < today


def overdue_milestones(plan: Mapping[str, Any], today: date) -> list[str]:
    """The ids of the milestones due before ``today`` and not done (none for a completed plan)."""
    if day_of(plan.get("completed_on")) is not None:
        return []
    return [str(m.get("id")) for m in milestones_of(plan) if milestone_overdue(m, today)]


def is_overdue(plan: Mapping[str, Any], today: date) -> bool:
    """Not completed, and the deadline or a milestone not done is due before ``today``."""
    if day_of(plan.get("completed_on")) is not None:
        return False
    deadline = day_of(plan.get("deadline"))
    if deadline is not None and deadline < today:
        return True
    return bool(overdue_milestones(plan, today))


def next_due(plan: Mapping[str, Any]) -> date | None:
    """The earliest date still to meet: the first milestone not done, else the deadline."""
    if day_of(plan.get("completed_on")) is not None:
        return None
    dues = [day_of(m.get("due")) for m in milestones_of(plan) if not m.get("done")]
    dues.append(day_of(plan.get("deadline")))
    known = [d for d in dues if d is not None]
    return min(known) if known else None


def problems(plan: Mapping[str, Any]) -> list[Problem]:
    """Everything wrong with a plan at once, in English and Chinese; empty when it may be saved."""
    found: list[Problem] = []
    if plan.get("route") not in ROUTES:
        found.append(("choose a remediation route", "请选择整治方式"))
    for key, en, zh in (
        ("measures", "describe the measures", "请填写整治措施"),
        ("responsible_party", "name the responsible party", "请填写责任主体"),
        ("department", "name the responsible department", "请填写责任部门"),
    ):
        if not str(plan.get(key) or "").strip():
            found.append((en, zh))
    deadline = day_of(plan.get("deadline"))
    if deadline is None:
        found.append(("give the deadline", "请填写完成时限"))
    funding = plan.get("funding_wan")
    if funding is not None and (
        isinstance(funding, bool) or not isinstance(funding, int | float) or not funding >= 0
    ):
        found.append(("funding is a sum of at least zero", "资金须为不小于零的金额"))
    milestones = milestones_of(plan)
    if len(milestones) > MAX_MILESTONES:
        found.append((f"at most {MAX_MILESTONES} milestones", f"节点最多{MAX_MILESTONES}个"))
    ids = [str(m.get("id") or "") for m in milestones]
    if len(set(ids)) != len(ids) or "" in ids:
        found.append(("every milestone needs its own id", "每个节点须有唯一编号"))
    for number, milestone in enumerate(milestones, 1):
        found.extend(_milestone_problems(number, milestone, deadline))
    completed = day_of(plan.get("completed_on"))
    if completed is not None and not all(m.get("done") for m in milestones):
        found.append(
            ("a plan is completed only when every milestone is done", "所有节点完成后方可办结")
        )
    return found


def _milestone_problems(number: int, m: Mapping[str, Any], deadline: date | None) -> list[Problem]:
    found: list[Problem] = []
    if not str(m.get("title") or "").strip():
        found.append((f"milestone {number} needs a title", f"节点{number}须填写名称"))
    due = day_of(m.get("due"))
    if due is None:
        found.append((f"milestone {number} needs a due date", f"节点{number}须填写时限"))
    elif deadline is not None and due > deadline:
        found.append(
            (f"milestone {number} is due after the plan's deadline", f"节点{number}晚于完成时限")
        )
    done, done_on = bool(m.get("done")), day_of(m.get("done_on"))
    if done != (done_on is not None):
        found.append(
            (
                f"milestone {number}: a done milestone has its date",
                f"节点{number}完成须填写完成日期",
            )
        )
    return found


def dropped_with_notes(
    previous: Mapping[str, Any] | None, milestones: Sequence[Mapping[str, Any]]
) -> list[str]:
    """Titles of stored milestones with progress notes that a save leaves out: refused, since the
    notes are the plan's record of progress (a milestone without notes may be removed)."""
    kept = {str(m.get("id")) for m in milestones}
    return [
        str(m.get("title") or m.get("id"))
        for m in milestones_of(previous or {})
        if m.get("notes") and str(m.get("id")) not in kept
    ]


def stamp_notes(
    previous: Sequence[Mapping[str, Any]],
    sent: Sequence[Mapping[str, Any]],
    by: str,
    at: str,
) -> list[dict[str, Any]]:
    """A milestone's progress notes as they are stored: a note already stored keeps its author and
    time (whatever the sender says), a new one is the sender's, now. A stored note cannot be
    changed or dropped by a later save: notes are the plan's record of progress."""
    kept = {str(n.get("id")): dict(n) for n in previous if n.get("id")}
    out = list(kept.values())
    for note in sent:
        note_id = str(note.get("id") or "")
        if not note_id or note_id in kept:
            continue
        out.append(
            {
                "id": note_id,
                "text": str(note.get("text") or ""),
                "evidence": [str(e) for e in note.get("evidence") or []],
                "by": by,
                "at": at,
            }
        )
        kept[note_id] = out[-1]
    return out


def stamp_done(
    previous: Mapping[str, Any] | None, milestone: Mapping[str, Any], by: str, at: str
) -> dict[str, str | None]:
    """Who marked a milestone done, and when, as stored: kept from the stored milestone while it
    stays done (whatever the sender says), the sender's now when it becomes done, none when it
    is not done. The same for the plan's completion (``completed_on``, ``completed_by``)."""
    if not milestone.get("done"):
        return {"done_by": None, "done_at": None}
    if previous is not None and previous.get("done") and previous.get("done_by"):
        return {"done_by": str(previous["done_by"]), "done_at": previous.get("done_at")}
    return {"done_by": by, "done_at": at}


def stamp_completed(
    previous: Mapping[str, Any] | None, completed_on: Any, by: str, at: str
) -> dict[str, str | None]:
    """Who completed the plan, and when (see ``stamp_done``)."""
    stamped = stamp_done(
        None if previous is None else {"done": previous.get("completed_on"),
                                       "done_by": previous.get("completed_by"),
                                       "done_at": previous.get("completed_at")},
        {"done": completed_on}, by, at,
    )  # fmt: skip
    return {"completed_by": stamped["done_by"], "completed_at": stamped["done_at"]}


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


def events(data: Mapping[str, Any]) -> list[PlanEvent]:
    """A plan (its stored data) and its milestones as dated events with who and when, oldest
    first. A milestone done and the plan completed carry the day given and who marked them
    (plans stored before that was recorded: the plan's last writer)."""
    found = [PlanEvent(str(data.get("created_at") or ""), str(data.get("created_by") or ""),
                       "plan_created", "", "", str(data.get("measures") or ""), ())]  # fmt: skip
    if data.get("updated_at") and data.get("updated_at") != data.get("created_at"):
        found.append(PlanEvent(str(data["updated_at"]), str(data.get("updated_by") or ""),
                               "plan_updated", "", "", "", ()))  # fmt: skip
    for m in milestones_of(data):
        mid, title = str(m.get("id") or ""), str(m.get("title") or "")
        for note in m.get("notes") or []:
            found.append(PlanEvent(str(note.get("at") or ""), str(note.get("by") or ""), "note",
                                   mid, title, str(note.get("text") or ""),
                                   tuple(str(e) for e in note.get("evidence") or [])))  # fmt: skip
        if m.get("done") and m.get("done_on"):
            who = m.get("done_by") or data.get("updated_by") or ""
            found.append(PlanEvent(str(m["done_on"]), str(who), "milestone_done", mid, title, "",
                                   tuple(str(e) for e in m.get("evidence") or [])))  # fmt: skip
    if data.get("completed_on"):
        who = data.get("completed_by") or data.get("updated_by") or ""
        found.append(PlanEvent(str(data["completed_on"]), str(who), "plan_completed", "", "", "",
                               ()))  # fmt: skip
    return sorted(found, key=lambda e: e.at)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def history_entries(data: Mapping[str, Any]) -> list[Entry]:
    """The plan's events as entries of the outfall's case history (案卷): ``state`` is the
    event's kind; evidence that names a photo (its SHA-256) is the entry's photos."""
    plan_id = str(data.get("id") or "")
    return [
        Entry(
            kind=Kind.PLAN,
            entry_id=f"{plan_id}:{e.kind}:{e.milestone_id}:{e.at}",
            at=e.at,
            who=e.by,
            state=e.kind,
            note="：".join(part for part in (e.title, e.text) if part),
            record_id=plan_id,
            photos=tuple(x for x in e.evidence if _SHA256.fullmatch(x)),
        )
        for e in events(data)
    ]
