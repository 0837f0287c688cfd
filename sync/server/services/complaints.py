"""Complaints (举报) on the server: recorded by bureau staff of the county (or the city), turned into
a verification task for the county's inspectors, given an outcome, answered to the complainant.

The complainant's name and phone are kept in the complaints table only: the task carries the
description and the place, the audit entries carry the complaint with the contact left out, and
nothing of a complaint enters the pull feed but its task.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from pydantic import ValidationError

from sync import complaints as rules
from sync.complaint_protocol import (
    ComplaintList,
    ComplaintOutcome,
    ComplaintReply,
    ComplaintRequest,
    ComplaintView,
)
from sync.complaints import ComplaintState
from sync.protocol import CITY_CODE, ErrorCode
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import utcnow
from sync.server.config import COMPLAINT_RULES_FILE
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.models import Actor
from sync.server.queries import audit, records
from sync.server.queries import complaints as rows
from sync.server.services import tasks
from sync.task_protocol import TaskRequest
from sync.tasks import TaskKind

PRIVATE = ("contact_name", "contact_phone")
# A complaint received "now" may carry a clock a little ahead of the server's.
CLOCK_SLACK = timedelta(minutes=10)


@cache
def rules_() -> rules.ComplaintRules:
    return rules.load(COMPLAINT_RULES_FILE)


def _invalid(message: str, zh: str) -> ApiError:
    return ApiError(422, ErrorCode.INVALID_REQUEST, message, {"zh": zh})


def _audit(conn: Any, actor: Actor, action: str, before: Any, after: Any, row_id: str) -> None:
    """The audit entry with the complainant's contact left out (it is never logged)."""

    def public(row: Any) -> Any:
        if not isinstance(row, dict):
            return row
        return {k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in row.items() if k not in PRIVATE}  # fmt: skip

    audit.append_many(
        conn,
        [AuditEntry(utcnow(), actor.username, actor.device_id or None, action, "complaints",
                    row_id, public(before), public(after))],
    )  # fmt: skip


def _task_states(conn: Any, found: list[dict[str, Any]]) -> dict[str, str | None]:
    """The verification tasks' states of these complaints, read in one query."""
    keys = [("tasks", r["task_id"]) for r in found if r["task_id"]]
    tasks_ = records.get_many(conn, keys) if keys else {}
    return {key[1]: (t.data or {}).get("state") for key, t in tasks_.items()}


def _view(
    conn: Any, row: dict[str, Any], now: datetime, states: dict[str, str | None] | None = None
) -> ComplaintView:
    if states is None:
        states = _task_states(conn, [row])
    location = None
    if row["lat"] is not None and row["lon"] is not None:
        location = {"lat": row["lat"], "lon": row["lon"]}
    return ComplaintView.model_validate(
        {
            **{k: v for k, v in row.items() if k not in ("lat", "lon")},
            "location": location,
            "task_state": states.get(row["task_id"]) if row["task_id"] else None,
            "overdue": rules.is_overdue(row["answer_due"], row["reply_at"], now),
        }
    )


def _visible(conn: Any, actor: Actor, complaint_id: str) -> dict[str, Any]:
    found = rows.get(conn, complaint_id)
    if found is None or not actor.sees(found["county_code"]):
        raise not_found("no such complaint in your area")
    return found


def create(ctx: ServerContext, actor: Actor, request: ComplaintRequest) -> ComplaintView:
    """Record the complaint and its verification task, in one transaction."""
    county = request.county_code
    if not actor.sees(county) or county == CITY_CODE:
        raise not_found("no such county in your area")
    r = rules_()
    if r.channel(request.channel) is None:
        raise _invalid(f"unknown channel {request.channel!r}", "未知的举报渠道")
    now = utcnow()
    received = request.received_at
    if received.tzinfo is None:
        raise _invalid("received_at must carry its time zone", "受理时间须带时区")
    if received > now + CLOCK_SLACK:
        raise _invalid("received_at is in the future", "受理时间不能晚于现在")
    for sha in request.photo_hashes():
        if not ctx.photo_store.has(sha):
            raise _invalid(f"photo {sha} has not been uploaded", "照片尚未上传")
    complaint_id = str(request.id)
    verify_due = rules.verify_due(r, received)
    place = request.place.strip()
    try:
        task = TaskRequest(
            id=uuid.uuid4(), county_code=county, kind=TaskKind.VERIFY,
            title=f"核实举报：{place or request.description.strip()[:40]}",
            assignees=request.assignees,
            outfall_ids=[request.outfall_id] if request.outfall_id else [],
            location=request.location, place=place, due=verify_due,
            note=request.description.strip(),
        )  # fmt: skip
    except ValidationError as exc:
        raise _invalid(
            "a complaint needs a place, a position or an outfall to verify: "
            + "; ".join(e["msg"] for e in exc.errors()),
            "举报须写明地点、坐标或排污口，才能派出核实任务",
        ) from exc
    row = {
        "id": complaint_id, "county_code": county, "channel": request.channel,
        "received_at": received, "place": place,
        "lat": None if request.location is None else request.location.lat,
        "lon": None if request.location is None else request.location.lon,
        "outfall_id": None if request.outfall_id is None else str(request.outfall_id),
        "description": request.description.strip(), "photos": request.photo_hashes(),
        "contact_name": request.contact_name.strip(),
        "contact_phone": request.contact_phone.strip(), "task_id": str(task.id),
        "state": ComplaintState.OPEN.value, "outcome": None, "outcome_note": "",
        "outcome_by": None, "outcome_at": None, "reply_text": "", "reply_by": None,
        "reply_at": None, "verify_due": verify_due, "answer_due": rules.answer_due(r, received),
        "version": 1, "created_by": actor.username, "created_at": now,
    }  # fmt: skip
    with db.write(ctx.engine) as conn:
        if rows.get(conn, complaint_id) is not None:
            raise ApiError(409, ErrorCode.ALREADY_EXISTS, "a complaint with this id exists")
        tasks.create_in(conn, actor, task, source={"kind": "complaint", "id": complaint_id})
        rows.insert_one(conn, row)
        _audit(conn, actor, "complaint.create", None, row, complaint_id)
        stored = rows.get(conn, complaint_id)
        assert stored is not None
        return _view(conn, stored, now)


def listing(
    ctx: ServerContext,
    actor: Actor,
    county_code: str | None = None,
    state: ComplaintState | None = None,
    overdue: bool | None = None,
) -> ComplaintList:
    """The area's complaints, the overdue first, then newest received first."""
    now = utcnow()
    with db.read(ctx.engine) as conn:
        found = rows.search(
            conn, actor.visible_counties(), county_code, None if state is None else state.value
        )
        states = _task_states(conn, found)
        views = [_view(conn, row, now, states) for row in found]
    if overdue is not None:
        views = [v for v in views if v.overdue == overdue]
    views.sort(key=lambda v: not v.overdue)  # stable: newest first within each
    return ComplaintList(complaints=views, total=len(views))


def get(ctx: ServerContext, actor: Actor, complaint_id: str) -> ComplaintView:
    with db.read(ctx.engine) as conn:
        return _view(conn, _visible(conn, actor, complaint_id), utcnow())


def _save(ctx: ServerContext, actor: Actor, complaint_id: str, version: int, action: str,
          change: Any) -> ComplaintView:  # fmt: skip
    now = utcnow()
    with db.write(ctx.engine) as conn:
        current = _visible(conn, actor, complaint_id)
        if current["version"] != version:
            raise ApiError(
                409, ErrorCode.RECORD_CHANGED, "the complaint changed since you opened it",
                {"version": current["version"]},
            )  # fmt: skip
        values = change(current, now)
        if not rows.update_one(conn, complaint_id, version, values):
            raise ApiError(409, ErrorCode.RECORD_CHANGED, "the complaint changed meanwhile")
        after = rows.get(conn, complaint_id)
        assert after is not None
        _audit(conn, actor, action, current, after, complaint_id)
        return _view(conn, after, now)


def record_outcome(
    ctx: ServerContext, actor: Actor, complaint_id: str, request: ComplaintOutcome
) -> ComplaintView:
    """What the verification found (it may be recorded again until the answer is given)."""
    if rules_().outcome(request.outcome) is None:
        raise _invalid(f"unknown outcome {request.outcome!r}", "未知的核实结论")

    def change(current: dict[str, Any], now: datetime) -> dict[str, Any]:
        if current["state"] == ComplaintState.ANSWERED.value:
            raise ApiError(409, ErrorCode.RECORD_CHANGED, "the complainant was answered already")
        return {"state": ComplaintState.VERIFIED.value, "outcome": request.outcome,
                "outcome_note": request.note.strip(), "outcome_by": actor.username,
                "outcome_at": now}  # fmt: skip

    return _save(ctx, actor, complaint_id, request.version, "complaint.outcome", change)


def record_reply(
    ctx: ServerContext, actor: Actor, complaint_id: str, request: ComplaintReply
) -> ComplaintView:
    """The answer given to the complainant: only after the outcome, once."""

    def change(current: dict[str, Any], now: datetime) -> dict[str, Any]:
        if current["state"] != ComplaintState.VERIFIED.value:
            raise ApiError(
                409, ErrorCode.COMPLAINT_NOT_VERIFIED,
                "record the verification's outcome before answering the complainant",
                {"state": current["state"]},
            )  # fmt: skip
        return {"state": ComplaintState.ANSWERED.value, "reply_text": request.text.strip(),
                "reply_by": actor.username, "reply_at": now}  # fmt: skip

    return _save(ctx, actor, complaint_id, request.version, "complaint.reply", change)


def photo_of(ctx: ServerContext, actor: Actor, complaint_id: str, sha256: str) -> bytes:
    """A photo of a complaint, for the staff of its county."""
    with db.read(ctx.engine) as conn:
        found = _visible(conn, actor, complaint_id)
    if sha256 not in found["photos"] or not ctx.photo_store.has(sha256):
        raise not_found("no such photo of this complaint")
    return ctx.photo_store.read(sha256)
