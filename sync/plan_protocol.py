"""Remediation plan messages (一口一策), shared by the desk, the laptop and the server.

``PUT /v1/plans/{outfall_id}`` ``PlanRequest`` → ``PlanView``: a supervisor of the outfall's county
(or of the city) writes the outfall's plan whole. ``version`` is the version the writer saw (0 for
a new plan); another writer's save in between is refused 409 ``record_changed`` with
``{version}``. An outfall outside the supervisor's area is 404; a plan that breaks the rules of
``sync.plans.problems`` is 422 ``invalid_request``; any other role is 403 ``role_forbidden``.
Progress notes already stored keep their author and time (``sync.plans.stamp_notes``).
``GET /v1/plans/{outfall_id}`` → ``PlanView`` (404 when there is none in the area).
``GET /v1/plans?county_code=&overdue=`` → ``PlanList``: the area's plans, overdue first.

Plans reach the devices of their county as entity ``plans`` of the pull feed.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import Field, model_validator

from sync import plans as rules
from sync.protocol import _Strict


class NoteIn(_Strict):
    id: uuid.UUID
    text: str = Field(min_length=1, max_length=4000)
    evidence: list[str] = Field(default_factory=list, max_length=50)


class Note(_Strict):
    id: str
    text: str
    evidence: list[str]
    by: str
    at: str


class MilestoneIn(_Strict):
    id: uuid.UUID
    title: str = Field(min_length=1, max_length=200)
    due: date
    done: bool = False
    done_on: date | None = None
    evidence: list[str] = Field(default_factory=list, max_length=50)  # photo SHA-256s, references
    notes: list[NoteIn] = Field(default_factory=list, max_length=200)


class Milestone(_Strict):
    id: str
    title: str
    due: date | None
    done: bool
    done_on: date | None
    evidence: list[str]
    notes: list[Note]
    overdue: bool
    done_by: str = ""  # who marked it done ('' when not done, or stored before this was kept)


class PlanRequest(_Strict):
    version: int = Field(default=0, ge=0)
    route: str = Field(max_length=20)
    measures: str = Field(min_length=1, max_length=4000)
    responsible_party: str = Field(min_length=1, max_length=200)
    department: str = Field(min_length=1, max_length=200)
    deadline: date
    funding_wan: float | None = Field(default=None, ge=0, le=1e9)  # 万元
    funding_source: str = Field(default="", max_length=400)
    milestones: list[MilestoneIn] = Field(default_factory=list, max_length=rules.MAX_MILESTONES)
    completed_on: date | None = None

    @model_validator(mode="after")
    def _keeps_the_rules(self) -> PlanRequest:
        found = rules.problems(self.as_data())
        if found:
            raise ValueError("; ".join(en for en, _zh in found))
        return self

    def as_data(self) -> dict[str, Any]:
        """The plan's fields as a row's ``data`` (dates as ISO text), notes not yet stamped."""
        return self.model_dump(mode="json", exclude={"version"})


class PlanView(_Strict):
    id: str
    outfall_id: str
    county_code: str
    route: str
    measures: str
    responsible_party: str
    department: str
    deadline: date | None
    funding_wan: float | None
    funding_source: str
    milestones: list[Milestone]
    completed_on: date | None
    created_by: str
    completed_by: str = ""
    created_at: datetime | None
    updated_by: str
    updated_at: datetime | None
    overdue: bool
    version: int
    outfall_name: str = ""  # the desk's list names the outfall (the ledger is not on the desk)
    outfall_code: str = ""


class PlanList(_Strict):
    plans: list[PlanView]
    total: int


def _note(n: dict[str, Any]) -> Note:
    # read leniently: a device shows whatever the server stored rather than failing on it
    return Note(
        id=str(n.get("id") or ""), text=str(n.get("text") or ""),
        evidence=[str(e) for e in n.get("evidence") or []],
        by=str(n.get("by") or ""), at=str(n.get("at") or ""),
    )  # fmt: skip


def view(data: dict[str, Any], version: int, today: date) -> PlanView:
    """The view of a stored plan row's ``data`` on ``today``."""
    milestones = [
        Milestone(
            id=str(m.get("id")),
            title=str(m.get("title") or ""),
            due=rules.day_of(m.get("due")),
            done=bool(m.get("done")),
            done_on=rules.day_of(m.get("done_on")),
            evidence=[str(e) for e in m.get("evidence") or []],
            notes=[_note(n) for n in m.get("notes") or [] if isinstance(n, dict)],
            overdue=rules.day_of(data.get("completed_on")) is None
            and rules.milestone_overdue(m, today),
            done_by=str(m.get("done_by") or ""),
        )
        for m in rules.milestones_of(data)
    ]
    return PlanView(
        id=str(data["id"]),
        outfall_id=str(data["outfall_id"]),
        county_code=str(data["county_code"]),
        route=str(data.get("route") or ""),
        measures=str(data.get("measures") or ""),
        responsible_party=str(data.get("responsible_party") or ""),
        department=str(data.get("department") or ""),
        deadline=rules.day_of(data.get("deadline")),
        funding_wan=data.get("funding_wan"),
        funding_source=str(data.get("funding_source") or ""),
        milestones=milestones,
        completed_on=rules.day_of(data.get("completed_on")),
        completed_by=str(data.get("completed_by") or ""),
        created_by=str(data.get("created_by") or ""),
        created_at=data.get("created_at"),
        updated_by=str(data.get("updated_by") or ""),
        updated_at=data.get("updated_at"),
        overdue=rules.is_overdue(data, today),
        version=version,
    )
