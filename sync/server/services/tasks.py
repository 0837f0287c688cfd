"""Tasks (任务): assign, list for the desk, cancel, and close when the linked record arrives.

A task is a server-made row of entity ``tasks`` (``review.publish``: stored, in the county's pull
feed, audited). ``create_in`` works inside the caller's write transaction so that other services
(a complaint's verification, a draw's visit, an aerial lead) make their task with their own rows;
``source`` says what made it (``{"kind": "complaint", "id": ...}``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sync import tasks as rules
from sync.protocol import CITY_CODE, ErrorCode
from sync.server import db
from sync.server.canonical import utcnow
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.models import Actor, StoredRecord
from sync.server.queries import records, users
from sync.server.services.review import publish
from sync.task_protocol import Assignee, TaskRequest, TaskView

_LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def assignable(conn: Any, county_code: str, kind: rules.TaskKind | None = None) -> list[Assignee]:
    """Users who may be assigned a task in this county: enabled, of a field role (for ``kind``),
    bound to the county or to the whole city."""
    roles = rules.ANY_ASSIGNABLE if kind is None else rules.ASSIGNABLE_ROLES[kind]
    return [
        Assignee(username=u.username, role=u.role)
        for u in sorted(users.list_all(conn), key=lambda u: (u.role, u.username))
        if not u.disabled
        and u.role in roles
        and (county_code in u.counties or CITY_CODE in u.counties)
    ]


def _refuse_assignee(name: str, county_code: str, why: str) -> ApiError:
    return ApiError(
        409,
        ErrorCode.ASSIGNEE_OUTSIDE_AREA,
        f"{name} cannot be assigned this task: {why}",
        {"assignee": name, "county_code": county_code},
    )


def create_in(
    conn: Any,
    actor: Actor,
    request: TaskRequest,
    source: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Assign a task inside the caller's transaction; refusals raise before any write.

    Refused: a county outside the actor's area or an outfall not live in the task's county (404:
    the task's outfalls are then outside every assignee's area), an assignee who is not an
    enabled user of the county (or the city) with a role that takes this kind (409), an id in use.
    """
    if not actor.sees(request.county_code) or request.county_code == CITY_CODE:
        raise not_found("no such county in your area")
    outfall_ids = [str(i) for i in request.all_outfalls()]
    for outfall_id in outfall_ids:
        outfall = records.get(conn, "outfalls", outfall_id)
        if outfall is None or outfall.deleted or outfall.county_code != request.county_code:
            raise not_found("no such outfall in that county")
    allowed = {a.username for a in assignable(conn, request.county_code, request.kind)}
    for name in request.all_assignees():
        if name not in allowed:
            user = users.by_username(conn, name)
            if user is None or user.disabled:
                why = "no such user"
            elif user.role not in rules.ASSIGNABLE_ROLES[request.kind]:
                why = f"a {user.role} does not take {request.kind.value} tasks"
            else:
                why = f"the user works outside county {request.county_code}"
            raise _refuse_assignee(name, request.county_code, why)
    if records.get(conn, "tasks", str(request.id)) is not None:
        raise ApiError(409, ErrorCode.ALREADY_EXISTS, "a task with this id exists")
    assignees = request.all_assignees()
    data: dict[str, Any] = {
        **(extra or {}),
        "id": str(request.id),
        "county_code": request.county_code,
        "kind": request.kind.value,
        "state": rules.TaskState.OPEN.value,
        "title": request.title,
        "assignees": assignees,
        # The first assignee and outfall under their old names, for laptops of before kinds.
        "assignee": assignees[0] if assignees else None,
        "outfall_ids": outfall_ids,
        "outfall_id": outfall_ids[0] if outfall_ids else None,
        "location": None if request.location is None else request.location.model_dump(),
        "place": request.place,
        "due": None if request.due is None else request.due.isoformat(),
        "note": request.note,
        "source": source,
        "created_by": actor.username,
        "created_at": utcnow().isoformat(),
    }
    publish(conn, actor, "tasks", data, request.county_code)
    return data


def create(ctx: ServerContext, actor: Actor, request: TaskRequest) -> TaskView:
    with db.write(ctx.engine) as conn:
        create_in(conn, actor, request)
        stored = records.get(conn, "tasks", str(request.id))
    assert stored is not None
    return view(stored, utcnow())


def view(record: StoredRecord, now: datetime) -> TaskView:
    data = record.data or {}
    return TaskView(
        id=record.id,
        county_code=str(record.county_code or data.get("county_code", "")),
        kind=rules.kind_of(data),
        state=rules.state_of(data),
        title=str(data.get("title", "")),
        assignees=rules.assignees_of(data),
        outfall_ids=rules.outfalls_of(data),
        location=data.get("location"),
        place=str(data.get("place") or ""),
        due=rules.due_of(data),
        note=str(data.get("note") or ""),
        created_by=str(data.get("created_by") or record.owner or ""),
        created_at=data.get("created_at"),
        source=data.get("source"),
        closed_at=data.get("closed_at"),
        closed_by=data.get("closed_by"),
        cancel_reason=data.get("cancel_reason"),
        overdue=rules.is_overdue(data, now),
        version=record.version,
    )


def listing(
    ctx: ServerContext,
    actor: Actor,
    *,
    county_code: str | None = None,
    state: rules.TaskState | None = None,
    assignee: str | None = None,
    kind: rules.TaskKind | None = None,
    overdue: bool | None = None,
    limit: int = 200,
    offset: int = 0,
) -> tuple[list[TaskView], int]:
    """The tasks of the actor's area matching every filter given, newest first."""
    counties = actor.visible_counties()
    if county_code is not None:
        if not actor.sees(county_code):
            return [], 0
        counties = frozenset({county_code})
    now = utcnow()
    with db.read(ctx.engine) as conn:
        rows = records.live_in_counties(conn, "tasks", counties)
    views = [view(r, now) for r in rows]
    chosen = [
        v
        for v in views
        if (state is None or v.state == state)
        and (kind is None or v.kind == kind)
        and (assignee is None or assignee in v.assignees)
        and (overdue is None or v.overdue == overdue)
    ]
    chosen.sort(key=lambda v: v.created_at or _LONG_AGO, reverse=True)
    return chosen[offset : offset + limit], len(chosen)


def cancel(ctx: ServerContext, actor: Actor, task_id: str, reason: str) -> TaskView:
    """Cancel an open task of the actor's area; the cancelled task reaches the laptops."""
    now = utcnow()
    with db.write(ctx.engine) as conn:
        current = records.get(conn, "tasks", task_id)
        if current is None or current.deleted or not actor.sees(current.county_code):
            raise not_found("no such task in your area")
        data = current.data or {}
        state = rules.state_of(data)
        if state != rules.TaskState.OPEN:
            raise ApiError(
                409, ErrorCode.TASK_CLOSED, f"the task is already {state.value}", {"state": state}
            )
        publish(
            conn,
            actor,
            "tasks",
            rules.cancelled(data, actor.username, reason, now),
            str(current.county_code),
        )
        stored = records.get(conn, "tasks", task_id)
    assert stored is not None
    return view(stored, now)


def close_for_records(conn: Any, actor: Actor, received: list[StoredRecord]) -> list[str]:
    """Close the open tasks that these just-received records are linked to (inside the push's
    transaction); returns the ids of the tasks closed. A record of another county than its task
    closes nothing: the task stays for someone of its county."""
    closed: list[str] = []
    now = utcnow()
    for record in received:
        data = record.data or {}
        task_id = data.get("task_id")
        if record.deleted or not task_id:
            continue
        task = records.get(conn, "tasks", str(task_id))
        if task is None or task.deleted or task.data is None:
            continue
        if task.county_code != record.county_code:
            continue
        if rules.kind_of(task.data) == rules.TaskKind.RANDOM_INSPECTION:
            continue  # its visit closes it, to its inspectors alone (services.draw_visits)
        if not rules.closes(task.data, record.entity, data):
            continue
        new = rules.closed(task.data, record.entity, record.id, now)
        publish(conn, actor, "tasks", new, str(task.county_code))
        closed.append(task.id)
    return closed
