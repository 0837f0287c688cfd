"""Remediation plans (一口一策) on the server: write one whole, read one, list the area's.

Only a supervisor writes a plan, and only for an outfall of their area (a county supervisor's
county; a city supervisor's any). Each save is checked against the version the writer saw, stamps
the new progress notes with the writer and the time, goes to the outfall's county feed (entity
``plans``) and to the audit log, all in one transaction: nothing half-applied.
"""

from __future__ import annotations

import uuid
from typing import Any

from sync import plans as rules
from sync.plan_protocol import PlanList, PlanRequest, PlanView, view
from sync.protocol import CITY_CODE, ErrorCode
from sync.server import db
from sync.server.audit import AuditEntry
from sync.server.canonical import server_hlc, utcnow
from sync.server.codes import shown_code
from sync.server.context import ServerContext
from sync.server.errors import ApiError, not_found
from sync.server.models import Actor
from sync.server.queries import audit, feed, records
from sync.server.queries import plans as plan_rows


def _stamped(previous: dict[str, Any] | None, request: PlanRequest, by: str, at: str) -> list[Any]:
    before = {str(m.get("id")): m for m in rules.milestones_of(previous or {})}
    milestones = []
    for milestone in request.as_data()["milestones"]:
        old = before.get(milestone["id"])
        old_notes = (old or {}).get("notes") or []
        milestones.append(
            {
                **milestone,
                "notes": rules.stamp_notes(old_notes, milestone["notes"], by, at),
                **rules.stamp_done(old, milestone, by, at),
            }
        )
    return milestones


def save(ctx: ServerContext, actor: Actor, outfall_id: str, request: PlanRequest) -> PlanView:
    """Write the outfall's plan (create it at version 0); refusals raise before any write."""
    now = utcnow()
    with db.write(ctx.engine) as conn:
        outfall = records.get(conn, "outfalls", outfall_id)
        county = None if outfall is None or outfall.deleted else outfall.county_code
        if county is None or county == CITY_CODE or not actor.sees(county):
            raise not_found("no such outfall in your area")
        current = plan_rows.of_outfall(conn, outfall_id, None)
        seen = 0 if current is None else int(current["version"])
        if request.version != seen:
            raise ApiError(
                409, ErrorCode.RECORD_CHANGED, "the plan was changed by someone else",
                {"version": seen},
            )  # fmt: skip
        previous = None if current is None else current["data"]
        dropped = rules.dropped_with_notes(previous, request.as_data()["milestones"])
        if dropped:
            raise ApiError(
                422, ErrorCode.INVALID_REQUEST,
                "milestones with progress notes cannot be removed: " + ", ".join(dropped),
                {"milestones": dropped},
            )  # fmt: skip
        data: dict[str, Any] = {
            **request.as_data(),
            "id": str(uuid.uuid4()) if current is None else current["id"],
            "outfall_id": outfall_id,
            "county_code": county,
            "milestones": _stamped(previous, request, actor.username, now.isoformat()),
            "created_by": actor.username if previous is None else previous["created_by"],
            "created_at": now.isoformat() if previous is None else previous["created_at"],
            "updated_by": actor.username,
            "updated_at": now.isoformat(),
            **rules.stamp_completed(
                previous, request.as_data().get("completed_on"), actor.username, now.isoformat()
            ),
            "version": seen + 1,
        }
        if current is None:
            plan_rows.insert_one(conn, data, actor.username, now)
        elif not plan_rows.update_one(conn, data["id"], seen, data, actor.username, now):
            raise ApiError(409, ErrorCode.RECORD_CHANGED, "the plan was changed by someone else")
        feed.append_many(
            conn,
            [feed.item("plans", data["id"], data, at=now, hlc=server_hlc(), county_code=county)],
        )
        audit.append_many(
            conn,
            [
                AuditEntry(
                    at=now, username=actor.username, device_id=actor.device_id or None,
                    action="plans.save", entity="plans", row_id=data["id"], before=previous,
                    after=data,
                )
            ],
        )  # fmt: skip
    return view(data, seen + 1, rules.today_in_china(now))


def get(ctx: ServerContext, actor: Actor, outfall_id: str) -> PlanView:
    with db.read(ctx.engine) as conn:
        found = plan_rows.of_outfall(conn, outfall_id, actor.visible_counties())
    if found is None:
        raise not_found("no plan for that outfall in your area")
    return view(found["data"], int(found["version"]), rules.today_in_china(utcnow()))


def listing(
    ctx: ServerContext, actor: Actor, *, county_code: str | None, overdue: bool | None,
    limit: int, offset: int,
) -> PlanList:  # fmt: skip
    """The plans of the actor's area (one county of it when asked), overdue first."""
    counties = actor.visible_counties()
    if county_code is not None:
        if not actor.sees(county_code):
            return PlanList(plans=[], total=0)
        counties = frozenset({county_code})
    today = rules.today_in_china(utcnow())
    with db.read(ctx.engine) as conn:
        rows = plan_rows.search(conn, counties, limit=100_000)
        views = [view(r["data"], int(r["version"]), today) for r in rows]
        chosen = [v for v in views if overdue is None or v.overdue == overdue]
        chosen.sort(key=lambda v: not v.overdue)  # stable: by next due within each group
        page = [_named(conn, v) for v in chosen[offset : offset + limit]]
    return PlanList(plans=page, total=len(chosen))


def _named(conn: Any, plan: PlanView) -> PlanView:
    outfall = records.get(conn, "outfalls", plan.outfall_id)
    data = (outfall.data if outfall is not None else None) or {}
    return plan.model_copy(
        update={"outfall_name": str(data.get("name") or ""), "outfall_code": shown_code(data)}
    )
