"""Tasks (supervisors of the area only): assign, list, cancel, who may be assigned."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from sync.server import db
from sync.server.deps import ERROR_RESPONSES, Ctx, CurrentActor, require_role
from sync.server.errors import not_found
from sync.server.services import tasks
from sync.task_protocol import AssigneeList, TaskCancel, TaskList, TaskRequest, TaskView
from sync.tasks import TaskKind, TaskState

router = APIRouter(prefix="/v1", tags=["tasks"], responses=ERROR_RESPONSES)
County = Annotated[str, Query(pattern=r"^\d{6}$")]


@router.post("/tasks", status_code=201)
def create_task(ctx: Ctx, actor: CurrentActor, body: TaskRequest) -> TaskView:
    require_role(actor, "supervisor")
    return tasks.create(ctx, actor, body)


@router.get("/tasks")
def list_tasks(
    ctx: Ctx,
    actor: CurrentActor,
    county_code: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
    state: TaskState | None = None,
    assignee: Annotated[str | None, Query(max_length=64)] = None,
    kind: TaskKind | None = None,
    overdue: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> TaskList:
    require_role(actor, "supervisor")
    found, total = tasks.listing(
        ctx,
        actor,
        county_code=county_code,
        state=state,
        assignee=assignee,
        kind=kind,
        overdue=overdue,
        limit=limit,
        offset=offset,
    )
    return TaskList(tasks=found, total=total)


@router.get("/tasks/assignees")
def assignees(ctx: Ctx, actor: CurrentActor, county_code: County) -> AssigneeList:
    require_role(actor, "supervisor")
    if not actor.sees(county_code):
        raise not_found("no such county in your area")
    with db.read(ctx.engine) as conn:
        found = tasks.assignable(conn, county_code)
    return AssigneeList(county_code=county_code, assignees=found)


@router.post("/tasks/{task_id}/cancel")
def cancel_task(
    ctx: Ctx,
    actor: CurrentActor,
    task_id: Annotated[str, Path(min_length=1, max_length=64)],
    body: TaskCancel,
) -> TaskView:
    require_role(actor, "supervisor")
    return tasks.cancel(ctx, actor, task_id, body.reason)
