"""Task messages (任务), shared by the desk, the laptop and the server.

``POST /v1/tasks`` ``TaskRequest`` → ``TaskView`` (201): a supervisor assigns a task in a county of
their area: a kind (``sync.tasks.TaskKind``), a title, assignees (users of that county, or of the
whole city, whose role may take the kind), the outfalls (of that county), a location or stretch,
a deadline and a note. Refused 409 ``assignee_outside_area`` with ``{assignee, county_code}`` when
an assignee is not a user of the task's county, or may not take a task of its kind; 404 for an
outfall or county outside the supervisor's area; 422 ``invalid_request`` when the kind lacks what
it needs (``sync.tasks.problems``).
``GET /v1/tasks?county_code=&state=&assignee=&kind=&overdue=`` → ``TaskList``: the area's tasks,
newest first, each with ``overdue``; supervisors only.
``GET /v1/tasks/assignees?county_code=`` → ``AssigneeList``: who may be assigned tasks there.
``POST /v1/tasks/{task_id}/cancel`` ``TaskCancel`` → ``TaskView``: an open task is cancelled with
a reason; a task that is no longer open is refused 409 ``task_closed`` with ``{state}``.

A task closes (``done``) on the server when the record linked to it by ``task_id`` (an inspection,
or a patrol for a patrol task) arrives complete; the closed task goes back to the laptops through
the pull feed like any task.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import Field, model_validator

from sync.protocol import _Strict
from sync.tasks import TaskKind, TaskState, problems


class Location(_Strict):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class TaskRequest(_Strict):
    id: uuid.UUID
    county_code: str = Field(pattern=r"^\d{6}$")
    kind: TaskKind = TaskKind.INSPECT
    title: str = Field(min_length=1, max_length=200)
    assignees: list[str] = Field(default_factory=list, max_length=20)
    assignee: str | None = Field(default=None, max_length=64)  # older clients: one assignee
    outfall_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    outfall_id: uuid.UUID | None = None  # older clients: one outfall
    location: Location | None = None
    place: str = Field(default="", max_length=400)  # a stretch of river, an address
    due: datetime | None = None
    note: str = Field(default="", max_length=4000)

    @model_validator(mode="after")
    def _complete_for_kind(self) -> TaskRequest:
        location = None if self.location is None else self.location.model_dump()
        found = problems(self.kind, [str(i) for i in self.all_outfalls()], location, self.place)
        if found:
            raise ValueError("; ".join(en for en, _zh in found))
        if any(len(name) > 64 or not name for name in self.assignees):
            raise ValueError("an assignee is a user name of 1 to 64 characters")
        return self

    def all_outfalls(self) -> list[uuid.UUID]:
        ids = ([self.outfall_id] if self.outfall_id else []) + list(self.outfall_ids)
        return list(dict.fromkeys(ids))

    def all_assignees(self) -> list[str]:
        return list(dict.fromkeys(self.assignees + ([self.assignee] if self.assignee else [])))


class TaskView(_Strict):
    id: str
    county_code: str
    kind: TaskKind
    state: TaskState
    title: str
    assignees: list[str]
    outfall_ids: list[str]
    location: Location | None
    place: str
    due: datetime | None
    note: str
    created_by: str
    created_at: datetime | None
    source: dict[str, Any] | None
    closed_at: datetime | None
    closed_by: dict[str, str] | None
    cancel_reason: str | None
    overdue: bool
    version: int


class TaskList(_Strict):
    tasks: list[TaskView]
    total: int


class TaskCancel(_Strict):
    reason: str = Field(min_length=1, max_length=1000)


class Assignee(_Strict):
    username: str
    role: str


class AssigneeList(_Strict):
    county_code: str
    assignees: list[Assignee]
